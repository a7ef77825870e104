"""Load semantics: whole files, replacement, idempotence, removal, lineage, kind order, data tests."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb

from tests.etl.workbooks import avonden, bezoeken, controles, query, rules, run, write_workbook

BEVINDING_HEADER = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]


def _table_dump(paths: dict[str, Path]) -> dict[str, list[tuple]]:
    tables = [r[0] for r in query(paths, "SELECT table_name FROM information_schema.tables "
                                         "WHERE table_name LIKE 'stg_%' OR table_name = 'meta_bestand'")]
    return {t: sorted(query(paths, f"SELECT * FROM {t}"), key=repr) for t in tables}


def test_load_counts_lineage_and_summary(etl_paths):
    controles(etl_paths["raw"] / "kit" / "bladel.xlsx", n=3)
    report = run(etl_paths)
    assert report.ok
    assert report.file("kit/bladel.xlsx").rijen == 6
    assert query(etl_paths, "SELECT _bestand, _blad, _rij FROM stg_bezoeken ORDER BY _rij") == [
        ("kit/bladel.xlsx", "Bezoeken", 2), ("kit/bladel.xlsx", "Bezoeken", 3), ("kit/bladel.xlsx", "Bezoeken", 4)]
    assert query(etl_paths, "SELECT count(*) FROM stg_deelname") == [(9,)]
    assert query(etl_paths, "SELECT aantal_bezoeken FROM fct_controleavond ORDER BY 1") == [(1,), (1,), (1,)]
    assert "kit/bladel.xlsx" in report.summary() and "geladen" in report.summary()


def test_loading_twice_gives_the_same_warehouse(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    run(etl_paths)
    first = _table_dump(etl_paths)
    report = run(etl_paths)
    assert [f.status for f in report.files] == ["ongewijzigd", "ongewijzigd"]
    assert _table_dump(etl_paths) == first


def test_rebuild_from_raw_gives_the_same_rows(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    run(etl_paths)
    before = query(etl_paths, "SELECT * FROM stg_bezoeken ORDER BY 1")
    etl_paths["warehouse"].unlink()
    run(etl_paths)
    assert query(etl_paths, "SELECT * FROM stg_bezoeken ORDER BY 1") == before


def test_corrected_file_replaces_its_rows(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx", n=3)
    run(etl_paths)
    controles(etl_paths["raw"] / "a.xlsx", n=2)
    report = run(etl_paths)
    assert report.file("a.xlsx").status == "geladen"
    assert query(etl_paths, "SELECT controleavond_id FROM stg_controleavonden ORDER BY 1") == [("KIT-1",), ("KIT-2",)]
    assert query(etl_paths, "SELECT count(*) FROM stg_deelname") == [(6,)]


def test_rejected_version_leaves_the_previous_version_in_force(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx", n=3)
    run(etl_paths)
    sha_before = query(etl_paths, "SELECT sha256 FROM meta_bestand")
    rows = avonden(n=2)
    rows[2][6] = "veel"
    write_workbook(etl_paths["raw"] / "a.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken(n=2)})
    report = run(etl_paths)
    assert report.file("a.xlsx").status == "afgewezen" and not report.ok
    assert "vorige versie blijft gelden" in report.file("a.xlsx").melding
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(3,)]
    assert query(etl_paths, "SELECT sha256 FROM meta_bestand") == sha_before


def test_removed_file_has_its_rows_removed(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    run(etl_paths)
    (etl_paths["raw"] / "b.xlsx").unlink()
    report = run(etl_paths)
    assert report.file("b.xlsx").status == "verwijderd"
    assert query(etl_paths, "SELECT DISTINCT _bestand FROM stg_bezoeken") == [("a.xlsx",)]
    assert query(etl_paths, "SELECT bestand FROM meta_bestand") == [("a.xlsx",)]


def test_kinds_load_in_contract_order_and_refer_across_files(etl_paths):
    # "0_bevindingen.xlsx" sorts before the controles file, but loads after it.
    write_workbook(etl_paths["raw"] / "0_bevindingen.xlsx", {"Bevindingen": [
        BEVINDING_HEADER, ["F1", "BKIT-1", None, "WAV", "ja", "Inspectie SZW", ""]]})
    controles(etl_paths["raw"] / "z_controles.xlsx")
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT categorie, partner, overtreding, team FROM fct_bevinding") == [
        ("wav", "ISZW", True, "KIT")]


def test_readme_and_hidden_files_are_skipped(etl_paths):
    (etl_paths["raw"] / "README.md").write_text("Synthetische data")
    (etl_paths["raw"] / ".~lock.a.xlsx#").write_text("lock")
    controles(etl_paths["raw"] / "a.xlsx")
    assert [f.bestand for f in run(etl_paths).files] == ["a.xlsx"]


def test_unrecognised_workbook_is_rejected(etl_paths):
    write_workbook(etl_paths["raw"] / "x.xlsx", {"Blad1": [["a", "b"], [1, 2]]})
    report = run(etl_paths)
    assert rules(report, "x.xlsx") == ["onbekend_format"]


def test_failing_data_test_aborts_the_swap(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [
        BEVINDING_HEADER, ["F1", "BKIT-1", None, "WAV", "ja", "ISZW", ""]]})
    run(etl_paths)
    (etl_paths["raw"] / "c.xlsx").unlink()  # the findings now point at visits that are gone
    report = run(etl_paths)
    assert not report.swapped and not report.ok
    assert any("relationships stg_bevindingen.bezoek_id" in f for f in report.data_test_failures)
    assert "NIET vervangen" in report.summary()
    assert query(etl_paths, "SELECT count(*) FROM stg_bezoeken") == [(2,)]
    assert not list(etl_paths["warehouse"].parent.glob("*.tmp*"))


def test_reference_tables_are_refreshed_and_a_changed_schema_rebuilds(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    run(etl_paths)
    with duckdb.connect(str(etl_paths["warehouse"])) as con:
        con.execute("UPDATE ref_gemeente SET inwoners = 1")
        con.execute("ALTER TABLE meta_bestand ADD COLUMN oud VARCHAR")
    report = run(etl_paths)
    assert report.file("a.xlsx").status == "geladen"  # rebuilt: the old warehouse had another schema
    assert query(etl_paths, "SELECT inwoners FROM ref_gemeente WHERE naam = 'Bladel'") == [(21009,)]
    with duckdb.connect(str(etl_paths["warehouse"])) as con:
        con.execute("UPDATE ref_gemeente SET inwoners = 1")
    assert run(etl_paths).file("a.xlsx").status == "ongewijzigd"
    assert query(etl_paths, "SELECT inwoners FROM ref_gemeente WHERE naam = 'Bladel'") == [(21009,)]


def test_a_warehouse_with_other_keys_is_rebuilt(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx")
    run(etl_paths)
    with duckdb.connect(str(etl_paths["warehouse"])) as con:  # as before the staging tables lost their keys
        con.execute("ALTER TABLE stg_bezoeken ADD PRIMARY KEY (bezoek_id)")
    report = run(etl_paths)
    assert report.ok and report.file("a.xlsx").status == "geladen"  # read again into a new warehouse
    assert query(etl_paths, "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'stg_bezoeken' "
                            "AND constraint_type = 'PRIMARY KEY'") == [(0,)]
    assert run(etl_paths).file("a.xlsx").status == "ongewijzigd"


def test_a_changed_mapping_rereads_its_files(etl_paths):
    toml = etl_paths["mappings"] / "a.toml"
    toml.write_text('name = "a"\nkind = "controles"\nfiles = ["a.xlsx"]\n')
    controles(etl_paths["raw"] / "a.xlsx")
    assert run(etl_paths).file("a.xlsx").status == "geladen"
    assert run(etl_paths).file("a.xlsx").status == "ongewijzigd"
    toml.write_text('name = "a"\nkind = "controles"\nfiles = ["a.xlsx"]\n[values.thema]\n"x" = "horeca"\n')
    os.utime(toml, (time.time() + 5, time.time() + 5))
    assert run(etl_paths).file("a.xlsx").status == "geladen"


def test_progress_bar_fills_with_the_files_read():
    from etl.load import progress_bar

    assert progress_bar(0, 4, "lezen a.xlsx", width=8) == "[........] 0/4 lezen a.xlsx"
    assert progress_bar(2, 4, "lezen b.xlsx", width=8) == "[####....] 2/4 lezen b.xlsx"
    assert progress_bar(4, 4, "lezen c.xlsx", width=8) == "[########] 4/4 lezen c.xlsx"


def test_files_that_refer_to_a_rejected_file_get_one_line_each(etl_paths):
    rows = avonden(n=30)
    rows[5][6] = "veel"
    write_workbook(etl_paths["raw"] / "c.xlsx", {"Controleavonden": rows, "Bezoeken": bezoeken(n=30)})
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [BEVINDING_HEADER] + [
        [f"F{i}", f"BKIT-{i}", None, "WAV", "ja", "ISZW", ""] for i in range(1, 31)] + [
        ["F99", "BKIT-99", None, "WAV", "ja", "ISZW", ""]]})
    header = ["opvolging_id", "bevinding_id", "controleavond_id", "organisatie", "soort", "datum_start", "status"]
    write_workbook(etl_paths["raw"] / "o.xlsx", {"Opvolging": [header] + [
        [f"O{i}", f"F{i}", None, "Gemeente", "handhaving", "2021-04-01", "open"] for i in range(1, 21)]})
    report = run(etl_paths)
    assert [(f.bestand, f.status, len(f.problems)) for f in report.files] == [
        ("c.xlsx", "afgewezen", 1), ("f.xlsx", "afgewezen", 2), ("o.xlsx", "afgewezen", 1)]
    f_problems = [p.melding for p in report.file("f.xlsx").problems]
    assert f_problems[1] == ("f.xlsx, blad 'Bevindingen', kolom 'bezoek_id': 30 rijen verwijzen naar bezoeken uit het "
                             "afgewezen bestand c.xlsx; los eerst dat bestand op")
    assert "rij 32" in f_problems[0] and "bezoeken 'BKIT-99' bestaat niet" in f_problems[0]
    assert report.file("o.xlsx").problems[0].melding.endswith(
        "20 rijen verwijzen naar bevindingen uit het afgewezen bestand f.xlsx; los eerst dat bestand op")
    assert report.file("c.xlsx").melding.endswith("niet geladen")
    assert "vorige versie blijft gelden" not in report.summary()


def test_runs_that_start_within_one_second_keep_their_order(etl_paths, monkeypatch):
    """The latest run (gestart_op, then run_id) is the last one started, also within one second."""
    import datetime as dt

    import etl.load
    from metrics.datakwaliteit import laadstatus

    ticks = iter(range(10, 1_000_000, 10))

    class SameSecond(dt.datetime):
        @classmethod
        def now(cls, tz=None):  # every run starts in the same second, microseconds apart
            return cls(2026, 12, 1, 9, 30, 0, next(ticks))

    monkeypatch.setattr(etl.load, "datetime", SameSecond)
    controles(etl_paths["raw"] / "a.xlsx")
    ids = [run(etl_paths).run_id]
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    ids.append(run(etl_paths).run_id)
    (etl_paths["raw"] / "a.xlsx").unlink()
    ids.append(run(etl_paths).run_id)
    assert sorted(ids) == ids
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=True) as con:
        latest = laadstatus(con)
    assert latest.iloc[0][["run_id", "verwijderd", "ongewijzigd"]].tolist() == [ids[2], 1, 1]
