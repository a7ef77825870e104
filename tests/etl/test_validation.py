"""Every validation rule rejects a file with a clear Dutch message naming file, sheet, row, column and value."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.etl.workbooks import (
    AVOND_HEADER,
    BEZOEK_HEADER,
    avonden,
    bezoeken,
    controles,
    query,
    rules,
    run,
    write_workbook,
)


def _avond(**changes: object) -> list[object]:
    row = dict(zip(AVOND_HEADER, avonden(n=1)[1], strict=True))
    row.update(changes)
    return [row[h] for h in AVOND_HEADER]


def _load_avonden(etl_paths: dict[str, Path], rows: list[list[object]], n_visits: int = 0):
    sheets = {"Controleavonden": [AVOND_HEADER, *rows], "Bezoeken": bezoeken(n=n_visits) if n_visits else
              [BEZOEK_HEADER, ["B1", rows[0][0], "Straat 1", "5531AB", "woning", "", 1]]}
    write_workbook(etl_paths["raw"] / "kit" / "c.xlsx", sheets)
    return run(etl_paths)


def test_not_an_excel_file_and_corrupt_zip(etl_paths):
    (etl_paths["raw"] / "notities.csv").write_text("a;b\n1;2\n")
    (etl_paths["raw"] / "kapot.xlsx").write_bytes(b"PK\x03\x04 dit is geen zip")
    report = run(etl_paths)
    assert rules(report, "notities.csv") == ["geen_excel"]
    assert "geen Excel-bestand" in report.file("notities.csv").problems[0].melding
    assert rules(report, "kapot.xlsx") == ["corrupt"]
    assert not report.ok


def test_password_protected_workbook(etl_paths):
    (etl_paths["raw"] / "geheim.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    report = run(etl_paths)
    assert rules(report, "geheim.xlsx") == ["beveiligd"]
    assert "beveiligd met wachtwoord" in report.file("geheim.xlsx").problems[0].melding


def test_missing_sheet(etl_paths):
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": avonden()})
    report = run(etl_paths)
    assert rules(report, "c.xlsx") == ["blad_ontbreekt"]
    assert "'Bezoeken'" in report.file("c.xlsx").problems[0].melding


def test_missing_required_column(etl_paths):
    rows = [r[:4] + r[5:] for r in avonden()]  # no thema
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert rules(report, "c.xlsx") == ["kolom_ontbreekt"]
    assert "kolom 'thema'" in report.file("c.xlsx").problems[0].melding


def test_header_not_on_first_row_is_found(etl_paths):
    rows = [["Controleregistratie Bladel (synthetisch)"], [], *avonden()]
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT controleavond_id, _rij FROM stg_controleavonden ORDER BY 1") == [
        ("KIT-1", 4), ("KIT-2", 5)]
    assert report.file("c.xlsx").notes == [
        "c.xlsx, blad 'Controleavonden': de kopregel is gevonden op rij 3 in plaats van rij 1; de rijen daarboven "
        "zijn niet gelezen. Klopt dat niet, zet de kopregel dan op rij 1"]
    assert "* c.xlsx, blad 'Controleavonden': de kopregel is gevonden op rij 3" in report.summary()


def test_header_row_given_by_the_mapping_gives_no_note(etl_paths):
    (etl_paths["mappings"] / "c.toml").write_text(
        'name = "c"\nkind = "controles"\nfiles = ["c.xlsx"]\n[sheets.Controleavonden]\nheader_row = 3\n')
    rows = [["Controleregistratie Bladel (synthetisch)"], [], *avonden()]
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert report.file("c.xlsx").notes == []


def test_headers_that_cannot_be_found(etl_paths):
    rows = [["iets", "anders"], ["nog", "iets"]]
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert rules(report, "c.xlsx") == ["kopregel_niet_gevonden"]
    assert "kopregel niet gevonden" in report.file("c.xlsx").problems[0].melding


def test_empty_sheet(etl_paths):
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": avonden(), "Bezoeken": []})
    write_workbook(etl_paths["raw"] / "d.xlsx", {"Controleavonden": avonden(), "Bezoeken": [BEZOEK_HEADER]})
    report = run(etl_paths)
    assert rules(report, "c.xlsx") == ["blad_leeg"]
    assert rules(report, "d.xlsx") == ["blad_leeg"]


def test_wrong_types_are_all_reported_with_row_and_column(etl_paths):
    rows = [_avond(controleavond_id="A1", aantal_deelnemers="drie"),
            _avond(controleavond_id="A2", aantal_deelnemers="12,5"),
            _avond(controleavond_id="A3", datum="32-13-2021")]
    report = _load_avonden(etl_paths, rows)
    problems = report.file("kit/c.xlsx").problems
    assert [(p.regel, p.rij, p.kolom, p.waarde) for p in problems] == [
        ("type", 2, "aantal_deelnemers", "drie"), ("type", 3, "aantal_deelnemers", "12,5"),
        ("type", 4, "datum", "32-13-2021")]
    assert problems[0].melding.startswith("kit/c.xlsx, blad 'Controleavonden', rij 2, kolom 'aantal_deelnemers'")
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(0,)]


def test_accepted_date_spellings_load_to_the_right_date(etl_paths):
    rows = [_avond(controleavond_id="A1", datum="3 maart 2021"), _avond(controleavond_id="A2", datum="03-04-2021"),
            _avond(controleavond_id="A3", datum=44259), _avond(controleavond_id="A4", datum=datetime(2021, 3, 5, 0, 0)),
            _avond(controleavond_id="A5", datum="2021-03-06")]
    report = _load_avonden(etl_paths, rows)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT controleavond_id, datum FROM stg_controleavonden ORDER BY 1") == [
        ("A1", date(2021, 3, 3)), ("A2", date(2021, 4, 3)), ("A3", date(2021, 3, 4)), ("A4", date(2021, 3, 5)),
        ("A5", date(2021, 3, 6))]


def test_unknown_municipality_and_partner_but_synonyms_accepted(etl_paths):
    rows = [_avond(controleavond_id="A1", gemeente="reusel de mierden"),
            _avond(controleavond_id="A2", gemeente="Reusel - De Mierden", aanwezige_partners="vreemdelingenpolitie"),
            _avond(controleavond_id="A3", gemeente="Eindhovenn"),
            _avond(controleavond_id="A4", aanwezige_partners="Gemeente; Brandweerr")]
    report = _load_avonden(etl_paths, rows)
    assert [(p.regel, p.rij, p.waarde) for p in report.file("kit/c.xlsx").problems] == [
        ("onbekende_gemeente", 4, "Eindhovenn"), ("onbekende_partner", 5, "Gemeente; Brandweerr")]
    etl_paths["raw"].joinpath("kit", "c.xlsx").unlink()
    assert _load_avonden(etl_paths, rows[:2]).ok
    assert query(etl_paths, "SELECT DISTINCT gemeente_code FROM stg_controleavonden") == [("GM1667",)]
    assert query(etl_paths, "SELECT partner FROM stg_deelname WHERE controleavond_id = 'A2'") == [("AVIM",)]


def test_duplicate_rows_and_duplicate_keys(etl_paths):
    rows = [_avond(controleavond_id="A1"), _avond(controleavond_id="A1"), _avond(controleavond_id="A1", thema="Horeca")]
    report = _load_avonden(etl_paths, rows)
    found = [(p.regel, p.rij) for p in report.file("kit/c.xlsx").problems]
    assert found == [("dubbele_rij", 3), ("dubbele_sleutel", 4)]


def test_duplicate_key_across_files(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    controles(etl_paths["raw"] / "b.xlsx")
    report = run(etl_paths)
    assert report.file("a.xlsx").status == "geladen"
    assert set(rules(report, "b.xlsx")) == {"dubbele_sleutel"}
    assert "komt al voor in bestand a.xlsx" in report.file("b.xlsx").problems[0].melding


def test_negative_count(etl_paths):
    report = _load_avonden(etl_paths, [_avond(aantal_deelnemers=-2)])
    assert [(p.regel, p.waarde) for p in report.file("kit/c.xlsx").problems] == [("negatief", "-2")]


def test_dates_in_the_future_or_outside_the_team_period(etl_paths):
    rows = [_avond(controleavond_id="A1", datum=date(2025, 1, 1)),
            _avond(controleavond_id="A2", datum=date(2019, 5, 1)),
            _avond(controleavond_id="A3", team="PIT", gemeente="Helmond", datum=date(2017, 5, 1))]
    report = _load_avonden(etl_paths, rows)
    found = [(p.regel, p.rij) for p in report.file("kit/c.xlsx").problems]
    assert ("datum_toekomst", 2) in found and ("datum_buiten_periode", 3) in found
    assert all(rij != 4 for _, rij in found)
    assert "(02-06-2020 t/m 31-12-2022)" in report.file("kit/c.xlsx").problems[-1].melding
    first = report.file("kit/c.xlsx").problems[0].melding
    assert "waarde '01-01-2025': datum ligt in de toekomst (na 01-01-2024)" in first


def test_reference_to_a_visit_that_does_not_exist(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    header = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [
        header, ["F1", "BKIT-1", None, "Overbewoning", "ja", "Gemeente", ""],
        ["F2", "BKIT-9", None, "Overbewoning", "ja", "Gemeente", ""]]})
    report = run(etl_paths)
    assert report.file("c.xlsx").status == "geladen"
    problems = report.file("f.xlsx").problems
    assert [(p.regel, p.rij, p.waarde) for p in problems] == [("verwijzing", 3, "BKIT-9")]
    assert query(etl_paths, "SELECT count(*) FROM stg_bevindingen") == [(0,)]


def test_unknown_enum_value_and_unknown_finding_category(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    header = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [
        header, ["F1", "BKIT-1", None, "Energiefraude", "ja", "Enexis", ""],
        ["F2", "BKIT-1", None, "Te veel katten", "ja", "Gemeente", ""]]})
    rows = bezoeken("D-")
    rows[1][4] = "kasteel"
    write_workbook(etl_paths["raw"] / "d.xlsx", {"Controleavonden": avonden("D-"), "Bezoeken": rows})
    report = run(etl_paths)
    assert [(p.regel, p.waarde) for p in report.file("f.xlsx").problems] == [("onbekende_categorie", "Te veel katten")]
    assert [(p.regel, p.waarde) for p in report.file("d.xlsx").problems] == [("onbekende_waarde", "kasteel")]
    assert "gebruik een van: woning, recreatiewoning/chalet" in report.file("d.xlsx").problems[0].melding


def test_follow_up_rules(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    header = ["opvolging_id", "bevinding_id", "controleavond_id", "organisatie", "afdeling", "soort", "datum_start",
              "deadline", "status", "datum_gesloten", "resultaat"]
    base = [None, "KIT-1", "Gemeente", "VTH", "persbericht", date(2021, 4, 1), date(2024, 6, 1)]
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        header, ["O1", *base, "afgerond", None, ""], ["O2", *base, "afgerond", date(2021, 3, 1), ""],
        ["O3", None, None, *base[2:], "open", None, ""], ["O4", *base, "afgerond", date(2021, 5, 1), "gedaan"]]})
    report = run(etl_paths)
    assert [(p.regel, p.rij) for p in report.file("o.xlsx").problems] == [
        ("afgerond_zonder_datum", 2), ("gesloten_voor_start", 3), ("zonder_verwijzing", 4)]


def test_all_problems_are_stored_in_meta_tables(etl_paths):
    _load_avonden(etl_paths, [_avond(controleavond_id="A1", aantal_deelnemers="drie"), _avond(controleavond_id="A2",
                                                                                              gemeente="Nergens")])
    assert query(etl_paths, "SELECT rij, kolom, waarde, regel FROM meta_afwijzing ORDER BY rij") == [
        (2, "aantal_deelnemers", "drie", "type"), (3, "gemeente", "Nergens", "onbekende_gemeente")]
    assert query(etl_paths, "SELECT bestand, status, afgewezen FROM meta_laadronde") == [("kit/c.xlsx", "afgewezen", 2)]


def test_absurd_counts_are_rejected(etl_paths):
    report = _load_avonden(etl_paths, [_avond(controleavond_id="A1", aantal_deelnemers=500),
                                       _avond(controleavond_id="A2", aantal_deelnemers=501)])
    problems = report.file("kit/c.xlsx").problems
    assert [(p.regel, p.rij, p.waarde) for p in problems] == [("maximum", 3, "501")]
    assert "de grootste toegestane waarde is 500" in problems[0].melding


PERSOON_HEADER = ["persoon_id", "bezoek_id", "naam", "nationaliteit", "huurovereenkomst", "huur_betaalwijze",
                  "ingeschreven_brp", "zorgverzekering"]


def test_nationality_catalogue_accepts_synonyms_and_rejects_unknown_values(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    spellings = ["Polen", "RO", "Nederlandse", "Oekraïense", " pools ", "Overig", "Marsmannetje"]
    rows = [PERSOON_HEADER] + [[f"P{i}", "BKIT-1", "", nat, "nee", "bank", "ja", "ja"]
                               for i, nat in enumerate(spellings)]
    write_workbook(etl_paths["raw"] / "p.xlsx", {"Personen": rows})
    report = run(etl_paths)
    problems = report.file("p.xlsx").problems
    assert [(p.regel, p.rij, p.waarde) for p in problems] == [("onbekende_nationaliteit", 8, "Marsmannetje")]
    assert "gebruik een van: Pools, Roemeens, Nederlands" in problems[0].melding
    write_workbook(etl_paths["raw"] / "p.xlsx", {"Personen": rows[:-1]})
    assert run(etl_paths).ok
    assert query(etl_paths, "SELECT nationaliteit FROM stg_personen ORDER BY persoon_id") == [
        ("Pools",), ("Roemeens",), ("Nederlands",), ("Oekraïens",), ("Pools",), ("Overig",)]


def test_municipality_must_lie_in_the_region_of_the_team(etl_paths):
    rows = [_avond(controleavond_id="A1", gemeente="Helmond"), _avond(controleavond_id="A2", gemeente="Eindhoven"),
            _avond(controleavond_id="A3", team="PIT", gemeente="Deurne", datum=date(2017, 5, 1)),
            _avond(controleavond_id="A4", team="PIT", gemeente="bladel", datum=date(2017, 5, 1))]
    report = _load_avonden(etl_paths, rows)
    problems = report.file("kit/c.xlsx").problems
    assert [(p.regel, p.rij, p.waarde) for p in problems] == [
        ("gemeente_buiten_regio", 2, "Helmond"), ("gemeente_buiten_regio", 3, "Eindhoven"),
        ("gemeente_buiten_regio", 5, "bladel")]
    assert problems[0].melding.endswith("waarde 'Helmond': Helmond hoort niet bij de regio Kempen van team KIT; "
                                        "gebruik een gemeente uit de regio Kempen of controleer het team")


def test_messages_are_plain_dutch_for_a_data_steward(etl_paths):
    rows = [_avond(controleavond_id="A1", datum="31-02-2021"), _avond(controleavond_id="A2", aantal_deelnemers="drie"),
            _avond(controleavond_id="A3", thema="Kermis")]
    report = _load_avonden(etl_paths, rows)
    messages = [p.melding for p in report.file("kit/c.xlsx").problems]
    assert messages[0] == ("kit/c.xlsx, blad 'Controleavonden', rij 2, kolom 'datum': waarde '31-02-2021': "
                           "31-02-2021 is geen bestaande datum; controleer dag en maand")
    assert "gebruik een van: huisvesting arbeidsmigranten, horeca" in messages[2]
    assert not [m for m in messages if "[" in m or "(type" in m or "out of range" in m]
    assert "3 problemen (onbekend_thema, type); niet geladen" in report.summary()
    assert query(etl_paths, "SELECT regel FROM meta_afwijzing ORDER BY rij") == [("type",), ("type",),
                                                                                 ("onbekend_thema",)]
    etl_paths["raw"].joinpath("kit", "c.xlsx").unlink()
    report = _load_avonden(etl_paths, rows[1:2])
    assert report.file("kit/c.xlsx").melding == "1 probleem (type); niet geladen"


def test_an_excel_workbook_with_the_wrong_extension(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx").rename(etl_paths["raw"] / "c.csv")
    controles(etl_paths["raw"] / "d.xlsx").rename(etl_paths["raw"] / "d")
    report = run(etl_paths)
    assert rules(report, "c.csv") == ["verkeerde_extensie"] and rules(report, "d") == ["verkeerde_extensie"]
    assert report.file("c.csv").problems[0].melding == (
        "c.csv: dit is een Excel-bestand met de extensie .csv: hernoem het naar .xlsx")
    assert "dit is een Excel-bestand zonder extensie: hernoem het naar .xlsx" in report.file("d").problems[0].melding
