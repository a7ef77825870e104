"""Copy-and-swap warehouse against a DuckLake warehouse for one small load into a national-size warehouse.

Both sides do the same work for the rows of one team's monthly batch (taken from a warehouse the loader filled with
that batch alone, so parsing is left out): in one transaction delete the files' earlier rows, insert the new ones,
refresh the materialised marts for those files, run the loader's incremental data tests and commit. Copy-and-swap
(what etl/load.py does) first copies the whole warehouse file and ends with CHECKPOINT and os.replace; DuckLake
(duckdb-ext-ducklake with an SQLite catalogue, duckdb-ext-sqlite; Parquet data files) commits a new snapshot in
place: readers in other processes keep the snapshot they started with and see the new one afterwards, and a crash
before the catalogue's commit leaves only unreferenced data files. The extensions are loaded from their pip
packages' paths (no network).
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from pathlib import Path

import duckdb

from benchmarks.measure import median_seconds, ratio
from etl.load import data_tests, delete_file
from etl.refresh import refresh_marts
from etl.schema import schema_ddl


def _extension(name: str) -> Path:
    return (Path(sysconfig.get_paths()["purelib"]) / "duckdb_ext" / "extensions" / f"v{duckdb.__version__}"
            / "linux_amd64" / f"{name}.duckdb_extension")


def available() -> bool:
    """True when duckdb-ext-ducklake and duckdb-ext-sqlite are installed."""
    return _extension("ducklake").exists() and _extension("sqlite_scanner").exists()


def _connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    for name in ("sqlite_scanner", "ducklake"):
        con.execute(f"LOAD '{_extension(name)}'")
    return con


def _tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_type = 'BASE TABLE' "
        "AND (table_name LIKE 'stg_%' OR table_name LIKE 'ref_%' OR table_name LIKE 'meta_%' "
        "OR table_name LIKE 'fct_%') "
        "ORDER BY 1",
        [catalog]).fetchall()]


def _view_ddl() -> list[str]:
    """The CREATE VIEW statements of the schema (the marts), in the order they were created."""
    with duckdb.connect() as fresh:
        fresh.execute(schema_ddl())
        return [r[0] for r in fresh.execute("SELECT sql FROM duckdb_views() WHERE NOT internal "
                                            "AND schema_name = 'main' ORDER BY view_oid").fetchall()]


def _macro_ddl() -> list[str]:
    """The mart definitions (CREATE MACRO int_fct_* of etl/warehouse.sql) as temporary macros, so that they
    resolve in whichever catalogue is in use."""
    with duckdb.connect() as fresh:
        fresh.execute(schema_ddl())
        return [f"CREATE OR REPLACE TEMP MACRO {name}({', '.join(parameters)}) AS TABLE {sql}"
                for name, parameters, sql in fresh.execute(
                    "SELECT function_name, parameters, macro_definition FROM duckdb_functions() "
                    "WHERE function_name LIKE 'int_fct_%' AND function_type = 'table_macro'").fetchall()]


def _replace_rows(con: duckdb.DuckDBPyConnection, tables: list[str]) -> None:
    """The load's writing part, in the catalogue in use: the files' old rows out (noting what they took away),
    the new rows in, the marts refreshed for the touched files and the incremental data tests, as etl/load.py."""
    con.begin()
    staging = [t for t in tables if t.startswith("stg_")]
    files = sorted({r[0] for t in staging for r in con.execute(f"SELECT DISTINCT _bestand FROM small.{t}").fetchall()})
    con.execute("CREATE OR REPLACE TEMP TABLE _weg (tabel VARCHAR, sleutel VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE _weg_avond (controleavond_id VARCHAR)")
    for bestand in files:  # as the loader: the evenings and keys the old rows took away are noted (a second run
        delete_file(con, bestand)  # replaces rows of the first; without the keys a mart would keep the old ones)
    for table in staging:
        con.execute(f"INSERT INTO {table} SELECT * FROM small.{table}")
    refresh_marts(con, files)
    failures = data_tests(con, files)
    if failures:
        con.rollback()
        raise RuntimeError(failures)
    con.commit()


def measure(work: Path, national: Path, small_warehouse: Path, runs: int) -> dict:
    """Median seconds of one small load into the national warehouse, copy-and-swap against DuckLake."""
    lake_dir = work / "lake"
    shutil.rmtree(lake_dir, ignore_errors=True)
    lake_dir.mkdir(parents=True)
    con = _connect()
    con.execute(f"ATTACH '{national}' AS nat (READ_ONLY)")
    catalogue, files = lake_dir / "catalogus.sqlite", lake_dir / "parquet"
    con.execute(f"ATTACH 'ducklake:sqlite:{catalogue}' AS lake (DATA_PATH '{files}/')")
    tables = _tables(con, "nat")
    for table in tables:  # one-time conversion, not timed
        con.execute(f"CREATE TABLE lake.{table} AS SELECT * FROM nat.{table}")
    con.execute("DETACH nat")
    con.execute(f"ATTACH '{small_warehouse}' AS small (READ_ONLY)")
    con.execute("USE lake")
    for statement in [*_macro_ddl(), *_view_ddl()]:  # the marts, so that a refresh and the data tests run as in
        con.execute(statement)                       # a load
    out = {"ducklake_s": median_seconds(lambda: _replace_rows(con, tables), runs)}
    con.close()

    target = work / "swap" / "kit.duckdb"
    shutil.rmtree(target.parent, ignore_errors=True)
    target.parent.mkdir(parents=True)
    shutil.copyfile(national, target)

    def copy_and_swap() -> None:
        tmp = target.with_name("kit.duckdb.tmp")
        shutil.copyfile(target, tmp)
        with duckdb.connect(str(tmp)) as swap:
            swap.execute(f"ATTACH '{small_warehouse}' AS small (READ_ONLY)")
            _replace_rows(swap, tables)
            swap.execute("DETACH small")
            swap.execute("CHECKPOINT")
        os.replace(tmp, target)

    out["copy_and_swap_s"] = median_seconds(copy_and_swap, runs)
    out["ducklake_vs_copy_and_swap_ratio"] = ratio(out["ducklake_s"], out["copy_and_swap_s"])
    shutil.rmtree(target.parent, ignore_errors=True)
    shutil.rmtree(lake_dir, ignore_errors=True)
    return out
