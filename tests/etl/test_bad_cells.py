"""Bad cells get a message naming file, sheet, row, column and value; the file is rejected, the others load."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from tests.etl.workbooks import controles, query, write_workbook

RESULTAAT_HEADER = ["resultaat_id", "team", "partner", "controleavond_id", "soort", "aantal", "hoeveelheid",
                    "eenheid", "bedrag_eur", "datum"]
PERSOON_HEADER = ["persoon_id", "bezoek_id", "naam", "nationaliteit", "huurovereenkomst", "huur_per_maand",
                  "huur_betaalwijze", "ingeschreven_brp", "verblijfsduur_maanden", "uitzendbureau", "zorgverzekering"]


def _resultaat(rid: str, bedrag: float) -> list[object]:
    return [rid, "KIT", "UWV", "KIT-1", "terugvordering", 1, None, None, bedrag, date(2021, 3, 5)]


def _persoon(pid: str, maanden: float) -> list[object]:
    return [pid, "BKIT-1", "Test Persoon", "Pools", "nee", 350, "bank", "ja", maanden, "Testwerk BV", "ja"]


def test_numbers_outside_their_column_type_name_the_cell(etl_paths, cli):
    controles(etl_paths["raw"] / "c.xlsx")
    write_workbook(etl_paths["raw"] / "r.xlsx", {"Resultaten": [
        RESULTAAT_HEADER, _resultaat("R1", 250.0), _resultaat("R2", 1e18)]})
    write_workbook(etl_paths["raw"] / "p.xlsx", {"Personen": [PERSOON_HEADER, _persoon("P1", 1e6)]})
    write_workbook(etl_paths["raw"] / "q.xlsx", {"Personen": [PERSOON_HEADER, _persoon("P2", 14)]})
    code, err = cli()
    assert code == 1
    assert "Traceback" not in err
    assert ("r.xlsx, blad 'Resultaten', rij 3, kolom 'bedrag_eur': waarde '1000000000000000000': getal te groot om "
            "op te slaan (kleiner dan 1.000.000.000.000 en hooguit 2 decimalen); controleer het getal") in err
    assert ("p.xlsx, blad 'Personen', rij 2, kolom 'verblijfsduur_maanden': waarde '1000000': getal te groot om op "
            "te slaan (kleiner dan 100.000 en hooguit 1 decimalen)") in err
    assert query(etl_paths, "SELECT bestand, status FROM meta_laadronde ORDER BY 1") == [
        ("c.xlsx", "geladen"), ("p.xlsx", "afgewezen"), ("q.xlsx", "geladen"), ("r.xlsx", "afgewezen")]
    assert query(etl_paths, "SELECT persoon_id, verblijfsduur_maanden FROM stg_personen") == [("P2", 14)]
    assert query(etl_paths, "SELECT count(*) FROM stg_partnerresultaten") == [(0,)]


def _with_cells(path, cells: dict[str, object], hidden: str | None = None):
    """Write a valid controles workbook, then put `cells` (e.g. {"G2": "=8*1"}) in its Controleavonden sheet."""
    controles(path)
    wb = load_workbook(path)
    for ref, value in cells.items():
        wb["Controleavonden"][ref] = value
    if hidden:
        wb.create_sheet(hidden).append(["oude gegevens"])
        wb[hidden].sheet_state = "hidden"
    wb.save(path)
    return path


def test_excel_error_cells_reject_the_file_naming_the_cell(etl_paths, cli):
    _with_cells(etl_paths["raw"] / "fout.xlsx", {"G2": "#DIV/0!", "E3": "#N/A", "J2": "#REF!"})
    controles(etl_paths["raw"] / "goed.xlsx", prefix="G-")
    code, err = cli()
    assert code == 1
    assert ("fout.xlsx, blad 'Controleavonden', rij 2, kolom 'aantal_deelnemers': waarde '#DIV/0!': in deze cel "
            "staat een Excel-foutwaarde; herstel de formule of vul de juiste waarde in") in err
    assert "fout.xlsx, blad 'Controleavonden', rij 3, kolom 'thema': waarde '#N/A'" in err
    assert "fout.xlsx, blad 'Controleavonden': 1 cel(len) met een Excel-foutwaarde buiten de gelezen kolommen" in err
    assert query(etl_paths, "SELECT DISTINCT _bestand FROM stg_controleavonden") == [("goed.xlsx",)]
    assert query(etl_paths, "SELECT regel, rij, kolom, waarde FROM meta_afwijzing WHERE regel = 'excel_fout' "
                            "ORDER BY rij") == [("excel_fout", 2, "aantal_deelnemers", "#DIV/0!"),
                                                ("excel_fout", 3, "thema", "#N/A")]


def test_formulas_without_a_value_reject_the_file(etl_paths, cli):
    _with_cells(etl_paths["raw"] / "formule.xlsx", {"G3": "=4*2"})
    code, err = cli()
    assert code == 1
    assert ("formule.xlsx, blad 'Controleavonden', rij 3, kolom 'aantal_deelnemers': waarde '=4*2': deze cel bevat "
            "een formule zonder berekende waarde") in err
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(0,)]


def test_a_hidden_sheet_gets_a_note_and_the_file_loads(etl_paths, cli):
    _with_cells(etl_paths["raw"] / "a.xlsx", {}, hidden="Oud")
    code, err = cli()
    assert code == 0
    assert "a.xlsx, blad 'Oud': dit blad is verborgen in Excel; het is niet gelezen" in err
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(2,)]


def test_an_unreadable_controls_file_gives_its_dependants_one_line(etl_paths, cli):
    (etl_paths["raw"] / "c.xlsx").write_bytes(b"PK\x03\x04 dit is geen werkmap")
    header = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [header] + [
        [f"F{i}", f"BKIT-{i}", None, "WAV", "ja", "ISZW", ""] for i in range(1, 31)]})
    code, err = cli()
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("  - f.xlsx")]
    assert lines == ["  - f.xlsx, blad 'Bevindingen', kolom 'bezoek_id': 30 rijen verwijzen naar bezoeken die niet "
                     "bestaan; ze staan waarschijnlijk in het afgewezen bestand c.xlsx; los eerst dat bestand op"]
    assert "bestaat niet" not in err

