"""The loader's data tests, incremental after a small load (etl.load.data_tests with the touched files): they look
at the rows of those files and at every row that referred to a key they took away; a full build runs every test,
the marts' included. (A key shared between files is refused by the loader first, naming the clash; the staging
tables have no primary keys, so the unique tests are what holds every key a load touched.)"""

from __future__ import annotations

import duckdb

from etl.load import _delete_file, data_tests
from tests.etl.workbooks import controles, run


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
    _delete_file(con, "a.xlsx")
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
    assert data_tests(con, {"a.xlsx"}) == ["unique stg_bezoeken.bezoek_id: 1 rij(en)"]  # the bridge row is b's
    expected = ["unique stg_bezoeken.bezoek_id: 1 rij(en)",
                "unique stg_deelname.(controleavond_id, partner): 1 rij(en)"]
    assert data_tests(con, {"b.xlsx"}) == expected
    assert data_tests(con)[:2] == expected


def test_answers_twice_for_one_question_and_coder_are_found(etl_paths):
    con = _warehouse(etl_paths)
    con.execute("INSERT INTO stg_antwoorden VALUES ('R1', 1, 'ja', 'A', 'C1', 'a.xlsx', 'Antwoorden', 2), "
                "('R1', 1, 'nee', 'B', 'C1', 'a.xlsx', 'Antwoorden', 3)")
    failure = "unique stg_antwoorden.(respondent_id, vraag_nr, codeur): 1 rij(en)"
    assert failure in data_tests(con, {"a.xlsx"}) and failure not in data_tests(con, {"b.xlsx"})
