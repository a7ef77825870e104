"""Loader rule (etl/step_dates.py): a follow-up step that starts or closes before its control evening is rejected,
with a Dutch message naming file, sheet, row, column and value; a later evening file that moves an evening past
already loaded steps is rejected too, and the earlier version stays in force."""

from __future__ import annotations

from datetime import date

from tests.etl.test_load import BEVINDING_HEADER
from tests.etl.workbooks import avonden, bezoeken, controles, query, rules, run, write_workbook

STAP_HEADER = ["opvolging_id", "bevinding_id", "controleavond_id", "organisatie", "soort", "datum_start", "status",
               "datum_gesloten"]


def _bevindingen(raw) -> None:
    # F1 on the visit of evening KIT-2 (02-03-2021), F2 on the visit of KIT-1 (01-03-2021); all invented
    write_workbook(raw / "f.xlsx", {"Bevindingen": [BEVINDING_HEADER,
                                                    ["F1", "BKIT-2", None, "WAV", "ja", "ISZW", ""],
                                                    ["F2", "BKIT-1", None, "WAV", "ja", "ISZW", ""]]})


def test_step_before_its_evening_is_rejected(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")  # KIT-1 on 01-03-2021, KIT-2 on 02-03-2021
    _bevindingen(etl_paths["raw"])
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        STAP_HEADER,
        ["O1", "F1", None, "Gemeente", "handhaving", date(2021, 3, 1), "open", None],  # a day before KIT-2
        ["O2", "F2", None, "Gemeente", "handhaving", date(2021, 3, 1), "afgerond", date(2021, 3, 1)],  # same day
        ["O3", None, "KIT-2", "Gemeente", "persbericht", date(2021, 2, 27), "afgerond", date(2021, 3, 1)],
    ]})
    report = run(etl_paths)
    assert report.file("o.xlsx").status == "afgewezen"
    assert rules(report, "o.xlsx") == ["start_voor_controleavond", "start_voor_controleavond",
                                       "gesloten_voor_controleavond"]
    meldingen = [p.melding for p in report.file("o.xlsx").problems]
    assert meldingen[0] == (
        "o.xlsx, blad 'Opvolging', rij 2, kolom 'datum_start': waarde '01-03-2021': opvolgingsstap O1 begint vóór "
        "de controleavond KIT-2 van 02-03-2021 waarop hij volgt; een stap kan niet eerder zijn dan de "
        "controleavond: controleer de datum of de verwijzing")
    # a step for a whole action (no violation) is held to its own evening, on both dates
    assert meldingen[1].startswith("o.xlsx, blad 'Opvolging', rij 4, kolom 'datum_start': waarde '27-02-2021': "
                                   "opvolgingsstap O3 begint vóór de controleavond KIT-2")
    assert meldingen[2].startswith("o.xlsx, blad 'Opvolging', rij 4, kolom 'datum_gesloten': waarde '01-03-2021': "
                                   "opvolgingsstap O3 is afgerond vóór de controleavond KIT-2")
    # nothing of the file is loaded; the other files are
    assert query(etl_paths, "SELECT count(*) FROM stg_opvolging") == [(0,)]
    assert query(etl_paths, "SELECT count(*) FROM stg_bevindingen") == [(2,)]
    assert [p.rij for p in report.file("o.xlsx").problems] == [2, 4, 4]


def test_steps_on_the_evening_itself_load(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    _bevindingen(etl_paths["raw"])
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        STAP_HEADER, ["O1", "F1", None, "Gemeente", "handhaving", date(2021, 3, 2), "afgerond", date(2021, 3, 2)]]})
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT opvolging_id, avond_datum FROM fct_opvolging") == [("O1", date(2021, 3, 2))]


def test_moving_an_evening_past_its_steps_rejects_the_evening_file(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    _bevindingen(etl_paths["raw"])
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        STAP_HEADER, ["O1", "F2", None, "Gemeente", "handhaving", date(2021, 3, 1), "open", None]]})
    assert run(etl_paths).ok
    rows = avonden()
    rows[1][1] = date(2021, 3, 5)  # KIT-1 moved from 01-03 to 05-03: O1 would start four days before it
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert report.file("c.xlsx").status == "afgewezen"
    assert [p.melding for p in report.file("c.xlsx").problems] == [
        "c.xlsx, blad 'Controleavonden', rij 2, kolom 'datum': waarde '05-03-2021': opvolgingsstap O1 (o.xlsx, "
        "blad 'Opvolging', rij 2) is gedateerd op 01-03-2021, vóór de controleavond KIT-1 van 05-03-2021; een "
        "stap kan niet eerder zijn dan de controleavond: controleer deze rij of het opvolgingsregister"]
    assert query(etl_paths, "SELECT datum FROM stg_controleavonden WHERE controleavond_id = 'KIT-1'") == [
        (date(2021, 3, 1),)]  # the earlier version stays in force


def test_moving_a_finding_to_a_later_evening_rejects_the_findings_file(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    _bevindingen(etl_paths["raw"])
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        STAP_HEADER, ["O1", "F2", None, "Gemeente", "handhaving", date(2021, 3, 1), "open", None]]})
    assert run(etl_paths).ok
    # F2 moved from the visit of KIT-1 (01-03) to the visit of KIT-2 (02-03): O1 would start a day before it
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [BEVINDING_HEADER,
                                                                ["F1", "BKIT-2", None, "WAV", "ja", "ISZW", ""],
                                                                ["F2", "BKIT-2", None, "WAV", "ja", "ISZW", ""]]})
    report = run(etl_paths)
    assert report.file("f.xlsx").status == "afgewezen"
    assert [(p.rij, p.kolom) for p in report.file("f.xlsx").problems] == [(3, "bezoek_id")]
    assert "opvolgingsstap O1 (o.xlsx, blad 'Opvolging', rij 2) is gedateerd op 01-03-2021, vóór de " \
           "controleavond KIT-2 van 02-03-2021" in report.file("f.xlsx").problems[0].melding
    assert query(etl_paths, "SELECT bezoek_id FROM stg_bevindingen WHERE bevinding_id = 'F2'") == [("BKIT-1",)]


def test_an_evening_given_again_by_another_file_is_held_to_the_steps_below_it(etl_paths):
    # c.xlsx leaves and d.xlsx brings the same evenings and visits, KIT-1 four days later: the keys are not new
    # (c.xlsx held them), so the steps already hanging from them are checked against d.xlsx's dates
    controles(etl_paths["raw"] / "c.xlsx")
    _bevindingen(etl_paths["raw"])
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [
        STAP_HEADER, ["O1", "F2", None, "Gemeente", "handhaving", date(2021, 3, 1), "open", None]]})
    assert run(etl_paths).ok
    (etl_paths["raw"] / "c.xlsx").unlink()
    rows = avonden()
    rows[1][1] = date(2021, 3, 5)
    write_workbook(etl_paths["raw"] / "d.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken()})
    report = run(etl_paths)
    assert report.file("d.xlsx").status == "afgewezen" and not report.swapped
    assert [(p.regel, p.rij, p.kolom) for p in report.file("d.xlsx").problems] == [
        ("start_voor_controleavond", 2, "datum")]
    assert query(etl_paths, "SELECT _bestand, datum FROM stg_controleavonden WHERE controleavond_id = 'KIT-1'") == [
        ("c.xlsx", date(2021, 3, 1))]  # nothing changed
