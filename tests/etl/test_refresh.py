"""The materialised marts (etl/refresh.py): after a full build and after an incremental load that changes an
evening's context, moves a visit, removes a step and a whole file, every mart table holds exactly what its
definition (the macro int_fct_*) gives on the staging rows, and the refresh after the second load was incremental."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import openpyxl

from etl.load import load_raw
from etl.refresh import MATERIALISED, row_count_failures
from etl.staging import files_in_staging_sql
from settings import COMMITTED_RAW_DIR as RAW_DIR
from settings import MAPPINGS_DIR
from tests.testwarehouse import REFERENCE_DIR

TODAY = date.today()


def _load(paths: dict[str, Path]):
    return load_raw(paths["raw"], paths["warehouse"], mappings_dir=MAPPINGS_DIR, key_path=paths["key"],
                    reference_dir=REFERENCE_DIR, today=TODAY)


def _differences(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Per materialised mart: rows in the table and not in its definition, plus the other way round."""
    out = {}
    for m in MATERIALISED:
        definition = f"SELECT * FROM int_{m.mart}('{m.source}')"
        n = con.execute(f"SELECT (SELECT count(*) FROM (SELECT * FROM {m.mart} EXCEPT ALL {definition})) + "
                        f"(SELECT count(*) FROM ({definition} EXCEPT ALL SELECT * FROM {m.mart}))").fetchone()[0]
        out[m.mart] = n
    con.execute(f"CREATE OR REPLACE TEMP TABLE _alle AS {files_in_staging_sql()}")
    definition = "SELECT * FROM int_fct_geladen_rijen('_alle')"
    out["fct_geladen_rijen"] = con.execute(
        f"SELECT (SELECT count(*) FROM (SELECT * FROM fct_geladen_rijen EXCEPT ALL {definition})) + "
        f"(SELECT count(*) FROM ({definition} EXCEPT ALL SELECT * FROM fct_geladen_rijen))").fetchone()[0]
    return out


def _edit(path: Path, sheet: str, edit) -> None:  # noqa: ANN001 - a function of the sheet's rows
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    edit(ws, header)
    wb.save(path)


def _set(ws, header: list[str], key: str, column: str, value: object) -> None:  # noqa: ANN001
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            row[header.index(column)].value = value
            return
    raise AssertionError(f"{key} not in {ws.title}")


def _drop(ws, header: list[str], key: str) -> None:  # noqa: ANN001
    del header
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            ws.delete_rows(row[0].row)
            return
    raise AssertionError(f"{key} not in {ws.title}")


def test_an_incremental_refresh_leaves_the_marts_as_a_full_one(etl_paths: dict[str, Path]) -> None:
    shutil.copytree(RAW_DIR / "kit", etl_paths["raw"] / "kit")
    assert _load(etl_paths).ok
    with duckdb.connect(str(etl_paths["warehouse"])) as con:
        assert con.execute("SELECT volledig FROM meta_marts").fetchall() == [(True,)]
        assert set(_differences(con).values()) == {0}
        # the visits of this evening are in the controls file; their findings and steps in other files
        assert con.execute("SELECT count(*) FROM fct_bevinding WHERE controleavond_id = 'KIT-BST-2020-01' "
                           "AND gemeente = 'Best'").fetchone()[0] > 0
        assert con.execute("SELECT opgevolgd FROM fct_overtreding WHERE bevinding_id = 'KIT-F00002'").fetchall() \
            == [(True,)]
        steps_of_f2 = con.execute("SELECT count(*) FROM fct_opvolging WHERE bevinding_id = 'KIT-F00002'").fetchone()[0]
        # a violation with a single step, under an evening no changed file holds: only the removed step's old
        # row says which evening's violations to recompute
        alone, its_step = con.execute(
            "SELECT bevinding_id, min(opvolging_id) FROM fct_opvolging WHERE bevinding_id IS NOT NULL "
            "AND gemeente <> 'Best' AND bevinding_id <> 'KIT-F00002' GROUP BY 1 HAVING count(*) = 1 "
            "ORDER BY 1 LIMIT 1").fetchone()
        assert con.execute("SELECT opgevolgd FROM fct_overtreding WHERE bevinding_id = ?", [alone]).fetchall() \
            == [(True,)]

    best = etl_paths["raw"] / "kit" / "KIT_controles_best.xlsx"
    _edit(best, "Controleavonden", lambda ws, h: _set(ws, h, "KIT-BST-2020-01", "gemeente", "Oirschot"))
    _edit(best, "Bezoeken", lambda ws, h: _set(ws, h, "KIT-BST-2020-02-B1", "controleavond_id", "KIT-BST-2020-01"))
    _edit(etl_paths["raw"] / "kit" / "KIT_opvolging.xlsx", "Opvolging", lambda ws, h: (_drop(ws, h, "KIT-V00002"),
                                                                                   _drop(ws, h, its_step)))
    (etl_paths["raw"] / "kit" / "KIT_partnerresultaten.xlsx").unlink()
    report = _load(etl_paths)
    assert report.ok, report.summary()
    assert {f.bestand for f in report.files if f.status in ("geladen", "verwijderd")} == {
        "kit/KIT_controles_best.xlsx", "kit/KIT_opvolging.xlsx", "kit/KIT_partnerresultaten.xlsx"}

    with duckdb.connect(str(etl_paths["warehouse"]), read_only=False) as con:
        assert con.execute("SELECT volledig FROM meta_marts").fetchall() == [(False,)]
        assert set(_differences(con).values()) == {0}
        assert row_count_failures(con) == []
        # the findings file was not touched, yet its rows carry the evening's new municipality
        assert con.execute("SELECT DISTINCT gemeente FROM fct_bevinding "
                           "WHERE controleavond_id = 'KIT-BST-2020-01'").fetchall() == [("Oirschot",)]
        assert con.execute("SELECT DISTINCT controleavond_id FROM fct_persoon "
                           "WHERE bezoek_id = 'KIT-BST-2020-02-B1'").fetchall() in ([], [("KIT-BST-2020-01",)])
        assert con.execute("SELECT count(*) FROM fct_opvolging WHERE bevinding_id = 'KIT-F00002'").fetchone()[0] \
            == steps_of_f2 - 1
        assert con.execute("SELECT count(*) FROM fct_partnerresultaat").fetchone()[0] == 0
        assert con.execute("SELECT opgevolgd FROM fct_overtreding WHERE bevinding_id = ?", [alone]).fetchall() \
            == [(False,)]


def test_a_changed_reference_name_recomputes_every_row(etl_paths: dict[str, Path], tmp_path: Path) -> None:
    shutil.copytree(RAW_DIR / "kit", etl_paths["raw"] / "kit")
    references = tmp_path / "referentie"
    shutil.copytree(REFERENCE_DIR, references)
    paths = dict(etl_paths)

    def load():
        return load_raw(paths["raw"], paths["warehouse"], mappings_dir=MAPPINGS_DIR, key_path=paths["key"],
                        reference_dir=references, today=TODAY)

    assert load().ok
    gemeenten = references / "gemeenten.csv"
    gemeenten.write_text(gemeenten.read_text(encoding="utf-8").replace(",Bladel,", ",Bladel (gemeente),"),
                         encoding="utf-8")
    assert load().ok
    with duckdb.connect(str(paths["warehouse"]), read_only=False) as con:
        assert con.execute("SELECT volledig FROM meta_marts").fetchall() == [(True,)]
        assert con.execute("SELECT DISTINCT gemeente FROM fct_bevinding WHERE gemeente_code = 'GM1728'").fetchall() \
            == [("Bladel (gemeente)",)]
        assert set(_differences(con).values()) == {0}


def test_removing_a_file_recomputes_the_evenings_its_rows_belonged_to(etl_paths: dict[str, Path]) -> None:
    shutil.copytree(RAW_DIR / "kit", etl_paths["raw"] / "kit")
    assert _load(etl_paths).ok
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=False) as con:
        # a violation under an evening that no follow-up step refers to
        violation, evening_date = con.execute(
            "SELECT bevinding_id, datum FROM fct_overtreding WHERE controleavond_id NOT IN "
            "(SELECT avond_id FROM fct_opvolging WHERE avond_id IS NOT NULL) ORDER BY 1 LIMIT 1").fetchone()
    extra = etl_paths["raw"] / "kit" / "extra_opvolging.xlsx"
    shutil.copyfile(etl_paths["raw"] / "kit" / "KIT_opvolging.xlsx", extra)

    def one_step(ws, header: list[str]) -> None:  # noqa: ANN001
        ws.delete_rows(3, ws.max_row)
        row = {c: cell for c, cell in zip(header, ws[2], strict=True)}
        values = {"opvolging_id": "KIT-VX1", "bevinding_id": violation, "controleavond_id": None,
                  "datum_start": evening_date + timedelta(days=7), "deadline": None, "status": "afgerond",
                  "datum_gesloten": evening_date + timedelta(days=8)}
        for column, value in values.items():
            row[column].value = value

    _edit(extra, "Opvolging", one_step)
    assert _load(etl_paths).ok
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=False) as con:
        assert con.execute("SELECT opgevolgd FROM fct_overtreding WHERE bevinding_id = ?", [violation]).fetchall() \
            == [(True,)]
        assert set(_differences(con).values()) == {0}
    extra.unlink()  # the only rows that name this evening go: nothing current leads the refresh there
    assert _load(etl_paths).ok
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=False) as con:
        assert con.execute("SELECT volledig FROM meta_marts").fetchall() == [(False,)]
        assert con.execute("SELECT opgevolgd FROM fct_overtreding WHERE bevinding_id = ?", [violation]).fetchall() \
            == [(False,)]
        assert set(_differences(con).values()) == {0}


def test_a_full_refresh_writes_each_mart_in_team_and_date_order(etl_paths: dict[str, Path]) -> None:
    """So that a query of one team or period reads only that team's row groups (zone maps)."""
    shutil.copytree(RAW_DIR, etl_paths["raw"], dirs_exist_ok=True)
    assert _load(etl_paths).ok
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=True) as con:
        for m in MATERIALISED:
            stored = con.execute(f"SELECT team, {m.date} FROM {m.mart} ORDER BY rowid").fetchall()
            assert len({team for team, _ in stored}) >= 2, m.mart  # the demo has several teams
            assert stored == sorted(stored, key=lambda r: (r[0], r[1] is None, r[1] or date.min)), m.mart
