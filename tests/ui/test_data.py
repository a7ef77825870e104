"""ui.data keeps one read-only reader per version of the warehouse file: a replaced file is read at the next
computation, a computation already running keeps its version, and a missing file is a Dutch message."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.refresh import refresh_marts
from tests.testwarehouse import bouw_testwarehouse
from ui import data


def _visits(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM fct_bezoek").fetchone()[0]


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = bouw_testwarehouse(tmp_path / "kit.duckdb")
    yield path
    data.close_readers()


def _replace_with_fewer_visits(path: Path) -> None:
    """What the loader does: change a copy, then os.replace it over the warehouse."""
    tmp = path.with_name("kit.duckdb.tmp")
    shutil.copyfile(path, tmp)
    with duckdb.connect(str(tmp)) as con:
        con.execute("DELETE FROM stg_bezoeken WHERE bezoek_id IN ('B4', 'B5')")
        refresh_marts(con)
    os.replace(tmp, path)


def test_one_reader_per_version_and_a_replaced_file_is_read_next_time(warehouse: Path) -> None:
    assert data.run_metric(warehouse, _visits) == 9
    first = data._READERS[str(warehouse)]
    assert data.run_metric(warehouse, _visits) == 9
    assert data._READERS[str(warehouse)] is first  # the same reader, not a new connection per figure
    _replace_with_fewer_visits(warehouse)
    assert data.run_metric(warehouse, _visits) == 7
    assert data._READERS[str(warehouse)] is not first


def test_a_running_computation_keeps_its_version(warehouse: Path) -> None:
    old, cursor = data._acquire(warehouse)
    _replace_with_fewer_visits(warehouse)
    assert data.run_metric(warehouse, _visits) == 7  # a new computation reads the new file
    assert _visits(cursor) == 9  # the one started before the swap still reads the old version, whole
    data._release(old, cursor)
    with pytest.raises(duckdb.ConnectionException):
        old.con.execute("SELECT 1")  # and the old reader is closed once its last computation ended


def test_missing_warehouse(tmp_path: Path) -> None:
    with pytest.raises(data.GeenWarehouse, match="Nog geen gegevens geladen"):
        data.run_metric(tmp_path / "nergens.duckdb", _visits)


def test_the_kept_reader_has_a_bounded_memory_limit(warehouse: Path) -> None:
    limit = data.run_metric(warehouse, lambda c: c.execute("SELECT current_setting('memory_limit')").fetchone()[0])
    assert limit == "572.2 MiB"  # settings.READER_MEMORY_LIMIT = 600MB, not DuckDB's default of 80% of the RAM
    spill = data.run_metric(warehouse, lambda c: c.execute("SELECT current_setting('temp_directory')").fetchone()[0])
    assert spill == f"{warehouse}.tmp-lezer"  # beside the warehouse (gitignored), never the working directory


def _needs_too_much(con: duckdb.DuckDBPyConnection) -> int:
    raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256 KiB")


def test_a_query_over_the_memory_limit_is_a_dutch_message(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KIT_WAREHOUSE", str(warehouse))

    def page() -> None:
        import streamlit as st

        from settings import load_settings
        from tests.ui.test_data import _needs_too_much
        from ui.data import query, use_settings

        use_settings(load_settings())
        query(_needs_too_much)
        st.write("niet bereikt")

    at = AppTest.from_function(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [w.value for w in at.warning] == [data.TE_GROOT]
    assert [m.value for m in at.markdown] == []  # the page stopped there
