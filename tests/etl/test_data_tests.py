"""The loader's data tests, incremental after a small load (etl.load.data_tests with the touched files): they look
at the rows of those files and at every row that referred to a key they took away; a full build runs every test,
the marts' included. (A key shared between files is refused by the loader first, naming the clash; the staging
tables have no primary keys, so the unique tests are what holds every key a load touched.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from etl.load import LoadReport, data_tests, delete_file, load_raw
from etl.refresh import refresh_marts
from settings import REFERENCE_DIR
from tests.etl.workbooks import TODAY, controles, query, run


def _warehouse(etl_paths) -> duckdb.DuckDBPyConnection:
    controles(etl_paths["raw"] / "a.xlsx", prefix="A-")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    assert run(etl_paths).ok
    return duckdb.connect(str(etl_paths["warehouse"]))


def test_rows_of_untouched_files_are_not_read_again(etl_paths):
    con = _warehouse(etl_paths)
    con.execute("UPDATE stg_bezoeken SET object_type = 'kasteel' WHERE bezoek_id = 'BB-2'")
    assert data_tests(con, {"a.xlsx"}) == []  # b.xlsx passed when it was loaded; nothing of it changed since
    assert "accepted_values stg_bezoeken.object_type: 1 rij(en)" in data_tests(con, {"b.xlsx"})
    assert "accepted_values stg_bezoeken.object_type: 1 rij(en)" in data_tests(con)


def test_a_row_that_referred_to_a_key_taken_away_is_checked(etl_paths):
    con = _warehouse(etl_paths)
    # a visit in b.xlsx pointing at an evening of a.xlsx; then a.xlsx's rows go: the visit dangles
    con.execute("UPDATE stg_bezoeken SET controleavond_id = 'A-1' WHERE bezoek_id = 'BB-1'")
    con.execute("CREATE OR REPLACE TEMP TABLE _weg (tabel VARCHAR, sleutel VARCHAR)")
    delete_file(con, "a.xlsx")
    refresh_marts(con, {"a.xlsx"})
    assert data_tests(con, {"a.xlsx"}) == [
        "relationships stg_bezoeken.controleavond_id -> stg_controleavonden.controleavond_id: 1 rij(en)"]


def test_a_full_build_also_runs_the_marts_tests(etl_paths, monkeypatch):
    con = _warehouse(etl_paths)
    called = []
    monkeypatch.setattr("etl.load.mart_tests", lambda c: called.append("marts") or ["mart failure"])
    assert data_tests(con) == ["mart failure"] and called == ["marts"]
    assert data_tests(con, {"a.xlsx"}) == [] and called == ["marts"]


def test_a_key_twice_is_found_among_the_touched_rows(etl_paths):
    con = _warehouse(etl_paths)
    con.execute("INSERT INTO stg_bezoeken SELECT * REPLACE ('b.xlsx' AS _bestand) FROM stg_bezoeken "
                "WHERE bezoek_id = 'BA-1'")  # a visit of a.xlsx again in b.xlsx
    con.execute("INSERT INTO stg_deelname SELECT * FROM stg_deelname WHERE _bestand = 'b.xlsx' LIMIT 1")
    # (the rows were written by hand, past the marts: their row-count messages are left out here)
    assert _staging(data_tests(con, {"a.xlsx"})) == ["unique stg_bezoeken.bezoek_id: 1 rij(en)"]  # bridge row: b's
    expected = ["unique stg_bezoeken.bezoek_id: 1 rij(en)",
                "unique stg_deelname.(controleavond_id, partner): 1 rij(en)"]
    assert _staging(data_tests(con, {"b.xlsx"})) == expected
    assert data_tests(con)[:2] == expected


def _staging(failures: list[str]) -> list[str]:
    """The staging tests' messages (not the materialised marts' row counts)."""
    return [f for f in failures if not f.startswith("rows fct_")]


def test_answers_twice_for_one_question_and_coder_are_found(etl_paths):
    con = _warehouse(etl_paths)
    con.execute("INSERT INTO stg_antwoorden VALUES ('R1', 1, 'ja', 'A', 'C1', 'a.xlsx', 'Antwoorden', 2), "
                "('R1', 1, 'nee', 'B', 'C1', 'a.xlsx', 'Antwoorden', 3)")
    failure = "unique stg_antwoorden.(respondent_id, vraag_nr, codeur): 1 rij(en)"
    assert failure in data_tests(con, {"a.xlsx"}) and failure not in data_tests(con, {"b.xlsx"})


def _reference_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "referentie"
    shutil.copytree(REFERENCE_DIR, copy)
    return copy


def _load(paths, reference_dir: Path) -> LoadReport:
    return load_raw(paths["raw"], paths["warehouse"], mappings_dir=paths["mappings"], key_path=paths["key"],
                    reference_dir=reference_dir, today=TODAY)


def test_a_reference_that_lost_a_key_is_checked_against_every_row(etl_paths, tmp_path):
    reference_dir = _reference_copy(tmp_path)
    controles(etl_paths["raw"] / "a.xlsx", prefix="A-", gemeente="Bladel")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-", gemeente="Eersel")
    assert _load(etl_paths, reference_dir).ok
    gemeenten = reference_dir / "gemeenten.csv"
    gemeenten.write_text("".join(line for line in gemeenten.read_text(encoding="utf-8").splitlines(keepends=True)
                                 if ",Bladel," not in line), encoding="utf-8")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-", n=3, gemeente="Eersel")  # only b.xlsx is read again
    report = _load(etl_paths, reference_dir)
    assert report.file("a.xlsx").status == "ongewijzigd" and report.file("b.xlsx").status == "geladen"
    assert _staging(report.data_test_failures) == [
        "relationships stg_controleavonden.gemeente_code -> ref_gemeente.code: 2 rij(en)"]  # a.xlsx's evenings
    # and the marts, recomputed in full for the reference that went, cannot hold those evenings and their visits
    assert report.data_test_failures[1:] == ["rows fct_controleavond = bron: 2 rij(en)",
                                             "rows fct_deelname = bron: 6 rij(en)", "rows fct_bezoek = bron: 2 rij(en)"]
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(4,)]  # the warehouse as it was


def test_a_reference_that_kept_its_keys_is_checked_against_the_touched_rows(etl_paths, tmp_path):
    reference_dir = _reference_copy(tmp_path)
    controles(etl_paths["raw"] / "a.xlsx", prefix="A-")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    assert _load(etl_paths, reference_dir).ok
    with duckdb.connect(str(etl_paths["warehouse"])) as con:  # a row no load of b.xlsx can have made
        con.execute("UPDATE stg_controleavonden SET gemeente_code = 'GM9999' WHERE controleavond_id = 'A-1'")
    gemeenten = reference_dir / "gemeenten.csv"  # a new municipality: no key lost
    gemeenten.write_text(gemeenten.read_text(encoding="utf-8") + "GM9998,Nieuwdorp,Kempen,51.4,5.3,0,0,1,1,2023,"
                         "nee,0.00,\n", encoding="utf-8")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-", n=3)
    assert _load(etl_paths, reference_dir).ok  # a.xlsx's rows passed when they were loaded and are not read again
    with duckdb.connect(str(etl_paths["warehouse"])) as con:
        assert "relationships stg_controleavonden.gemeente_code -> ref_gemeente.code: 1 rij(en)" in data_tests(con)
