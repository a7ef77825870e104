"""Year after year: teams and their periods are data (kind teams), a 2023 delivery loads, sheet-name patterns."""

from __future__ import annotations

from datetime import date

from tests.etl.workbooks import AVOND_HEADER, bezoeken, query, write_workbook

TEAMS_HEADER = ["code", "naam", "regio", "periode_start", "periode_eind", "bron_periode"]


def _avonden(year: int, prefix: str = "KIT-", team: str = "KIT", n: int = 2) -> list[list[object]]:
    return [AVOND_HEADER] + [[f"{prefix}{i}", date(year, 3, i), team, "Bladel", "huisvesting arbeidsmigranten",
                              "Gemeente; Politie", 6] for i in range(1, n + 1)]


def _teams(path, *rows: list[object]):
    return write_workbook(path, {"Teams": [TEAMS_HEADER, *rows]})


def test_a_2023_delivery_needs_the_period_and_says_where_it_is_set(etl_paths, cli):
    write_workbook(etl_paths["raw"] / "kit" / "2023.xlsx", {"Controleavonden": _avonden(2023),
                                                            "Bezoeken": bezoeken()})
    code, err = cli()
    assert code == 1
    assert ("kit/2023.xlsx, blad 'Controleavonden', rij 2, kolom 'datum': waarde '01-03-2023': datum valt buiten de "
            "periode van team KIT (02-06-2020 t/m 31-12-2022); de periode staat in etl/reference/teams.csv. Loopt "
            "het team langer, lever dan een teambestand aan (soort teams, zie docs/datacontract.md) met de nieuwe "
            "periode") in err


def test_a_teams_file_gives_kit_an_open_end_and_the_2023_delivery_loads(etl_paths, cli):
    write_workbook(etl_paths["raw"] / "kit" / "2023.xlsx", {"Controleavonden": _avonden(2023),
                                                            "Bezoeken": bezoeken()})
    _teams(etl_paths["raw"] / "beheer" / "teams.xlsx",
           ["KIT", "Kempen Interventie Team", "Kempen", date(2020, 6, 2), None, "Raadsnota Veldhoven 2020"],
           ["KIT-Oost", "KIT Oost", "Kempen", date(2023, 1, 1), date(2023, 12, 31), None])
    code, err = cli()
    assert code == 0, err
    assert query(etl_paths, "SELECT count(*), min(datum) FROM fct_controleavond WHERE team = 'KIT'") == [
        (2, date(2023, 3, 1))]
    assert query(etl_paths, "SELECT code, periode_start, periode_eind = current_date, bron_periode FROM ref_team "
                            "WHERE code LIKE 'KIT%' ORDER BY 1") == [
        ("KIT", date(2020, 6, 2), True, "Raadsnota Veldhoven 2020; teambestand beheer/teams.xlsx (lopend team)"),
        ("KIT-Oost", date(2023, 1, 1), False, "teambestand beheer/teams.xlsx"),
        ("KIT-pilot", date(2019, 2, 1), False, "HAM/KIT-evaluatie §5.5 (uitvoeringsfase); de raadsnota noemt 1 maart "
         "2019 - 1 maart 2020")]
    # the new team is known to the next deliveries; its period comes from the teams file
    write_workbook(etl_paths["raw"] / "oost.xlsx", {"Controleavonden": _avonden(2024, "O-", "KIT-Oost"),
                                                    "Bezoeken": bezoeken("O-")})
    code, err = cli()
    assert code == 1
    assert ("oost.xlsx, blad 'Controleavonden', rij 2, kolom 'datum': waarde '01-03-2024': datum valt buiten de "
            "periode van team KIT-Oost (01-01-2023 t/m 31-12-2023); de periode staat in het teambestand "
            "beheer/teams.xlsx (blad Teams)") in err
    assert query(etl_paths, "SELECT bestand, status FROM meta_laadronde WHERE run_id = (SELECT max(run_id) FROM "
                            "meta_laadronde) ORDER BY 1") == [
        ("beheer/teams.xlsx", "ongewijzigd"), ("kit/2023.xlsx", "ongewijzigd"), ("oost.xlsx", "afgewezen")]


def test_a_rejected_teams_file_changes_no_period(etl_paths, cli):
    write_workbook(etl_paths["raw"] / "kit" / "2023.xlsx", {"Controleavonden": _avonden(2023),
                                                            "Bezoeken": bezoeken()})
    _teams(etl_paths["raw"] / "teams.xlsx", ["KIT", "Kempen Interventie Team", "Brabant", date(2020, 6, 2), None, None])
    code, err = cli()
    assert code == 1
    assert "teams.xlsx, blad 'Teams', rij 2, kolom 'regio': waarde 'Brabant': onbekende waarde" in err
    assert "de periode staat in etl/reference/teams.csv" in err
    assert query(etl_paths, "SELECT periode_eind FROM ref_team WHERE code = 'KIT'") == [(date(2022, 12, 31),)]


def test_a_mapping_finds_a_yearly_sheet_by_pattern(etl_paths, cli):
    (etl_paths["mappings"] / "jaren.toml").write_text(
        'name = "jaarbladen"\nkind = "controles"\nfiles = ["jaar/*.xlsx"]\n'
        '[sheets.Controleavonden]\nsheet = "Avonden *"\n[sheets.Bezoeken]\nsheet = "Bezoeken *"\n')
    write_workbook(etl_paths["raw"] / "jaar" / "2021.xlsx", {"Avonden 2021": _avonden(2021, "A-"),
                                                             "Bezoeken 2021": bezoeken("A-")})
    write_workbook(etl_paths["raw"] / "jaar" / "2022.xlsx", {"avonden 2022": _avonden(2022, "B-"),
                                                             "Bezoeken 2022": bezoeken("B-")})
    write_workbook(etl_paths["raw"] / "jaar" / "dubbel.xlsx", {"Avonden 2021": _avonden(2021, "C-"),
                                                               "Avonden 2022": _avonden(2022, "D-"),
                                                               "Bezoeken": bezoeken("C-")})
    code, err = cli()
    assert code == 1
    assert query(etl_paths, "SELECT _bestand, _blad, count(*) FROM stg_controleavonden GROUP BY ALL ORDER BY 1") == [
        ("jaar/2021.xlsx", "Avonden 2021", 2), ("jaar/2022.xlsx", "avonden 2022", 2)]
    assert ("jaar/dubbel.xlsx: meer dan één blad past bij 'Avonden *' (volgens mapping 'jaarbladen'): Avonden 2021, "
            "Avonden 2022; laat er één over of lever ze in aparte bestanden") in err
