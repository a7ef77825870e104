"""Run metrics/ functions against the warehouse from a page, cached until the warehouse file changes.

The settings are handed in once per run by the entry point (dashboard.py hands them to `use_settings`);
pages and ui/ helpers take every path from `current_settings()`, never from the environment.

The loader replaces the warehouse file atomically (os.replace). One read-only reader is kept per version of the
file (its inode and mtime): every computation gets its own cursor on it, so a page pays for opening the
warehouse (reading its catalogue) once per version instead of once per figure. When the file is replaced the next
computation opens the new version and the old reader is closed; a computation already running on the old version
finishes on it (its cursor keeps that version alive), so nothing ever sees a mix.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from codering.store import CodingStore
from settings import READER_MEMORY_LIMIT, Settings

GEEN_WAREHOUSE = "Nog geen gegevens geladen: voer `python -m etl load` uit."
"""Shown instead of any figure when the warehouse file does not exist yet."""


TE_GROOT = ("Deze keuze vraagt meer geheugen dan de server voor één berekening toestaat. Kies in het filter minder "
            "teams, minder gemeenten of een kortere periode.")
"""Shown instead of a figure whose query ran out of the reader's memory (settings.READER_MEMORY_LIMIT)."""


class GeenWarehouse(RuntimeError):
    """The warehouse file does not exist (nothing has been loaded yet)."""


SETTINGS_KEY = "_kit_settings"
"""Session-state key of the settings handed in by dashboard.py."""


def use_settings(settings: Settings) -> None:
    """Hand `settings` to this session's pages (dashboard.py calls it on every run, before the page runs)."""
    st.session_state[SETTINGS_KEY] = settings


def current_settings() -> Settings:
    """The settings handed in by `use_settings`; a RuntimeError when a page runs without them."""
    settings = st.session_state.get(SETTINGS_KEY)
    if settings is None:
        raise RuntimeError("no settings handed in: run the page through dashboard.py (ui.data.use_settings)")
    return settings


def warehouse_path() -> Path:
    """Return the warehouse path of the handed-in settings."""
    return current_settings().warehouse_path


def coding_store() -> CodingStore:
    """The evaluator's coding store at the handed-in settings' coding_db_path."""
    return CodingStore(current_settings().coding_db_path)


def warehouse_mtime() -> int | None:
    """Return the warehouse file's modification time in nanoseconds, or None when it does not exist."""
    path = warehouse_path()
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


class _Reader:
    """The kept read-only reader of one version of the warehouse file, with the number of cursors in use."""

    def __init__(self, path: Path, version: tuple[int, int]) -> None:
        self.version = version
        # in memory, the file ATTACHed (DuckDB caches connect(path) by path); memory bounded (settings)
        # spills (sorts, joins, aggregates over the limit) go next to the warehouse file, not into the cwd
        self.con = duckdb.connect(config={"memory_limit": READER_MEMORY_LIMIT,
                                          "temp_directory": f"{path}.tmp-lezer"})
        self.con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS warehouse (READ_ONLY)")
        self.in_use = 0
        self.retired = False


_READERS: dict[str, _Reader] = {}
_LOCK = threading.Lock()


def _acquire(path: Path) -> tuple[_Reader, duckdb.DuckDBPyConnection]:
    """A cursor on the reader of the current version of `path` (opened when the file is new or was replaced)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise GeenWarehouse(GEEN_WAREHOUSE) from None
    version = (stat.st_ino, stat.st_mtime_ns)
    with _LOCK:
        held = _READERS.get(str(path))
        if held is None or held.version != version:
            if held is not None:
                _retire(held)
            held = _READERS[str(path)] = _Reader(path, version)
        held.in_use += 1
        cursor = held.con.cursor()
    cursor.execute("USE warehouse")
    return held, cursor


def _release(held: _Reader, cursor: duckdb.DuckDBPyConnection) -> None:
    cursor.close()
    with _LOCK:
        held.in_use -= 1
        if held.retired and held.in_use == 0:
            held.con.close()


def _retire(held: _Reader) -> None:
    """Close a replaced reader now, or when its last running computation ends (caller holds _LOCK)."""
    held.retired = True
    if held.in_use == 0:
        held.con.close()


def close_readers() -> None:
    """Close every kept reader (tests and shutdown); running computations finish first."""
    with _LOCK:
        for held in _READERS.values():
            _retire(held)
        _READERS.clear()


def run_metric(path: Path, metric_fn: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """Run `metric_fn(con, *args, **kwargs)` on a cursor of the kept reader of `path` and return the frame."""
    held, cursor = _acquire(path)
    try:
        return metric_fn(cursor, *args, **kwargs)
    finally:
        _release(held, cursor)


def _resolve(module: str, qualname: str) -> Callable[..., pd.DataFrame]:
    """Find a function back from its module and qualified name (keeps the cache key small and stable)."""
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    module: str, qualname: str, path: str, mtime: int, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> pd.DataFrame:
    """Cached body of `query`: the key is the function, the warehouse path and mtime, and the arguments."""
    del mtime  # part of the cache key only: a new load gives a new mtime and so a fresh computation
    return run_metric(Path(path), _resolve(module, qualname), *args, **kwargs)


def query(metric_fn: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """Run a metrics/ function on the warehouse's kept read-only reader and return its DataFrame.

    The result is cached on the function, its arguments and the warehouse file's mtime, so a new load is
    picked up at the next rerun. When no warehouse exists yet the page shows a Dutch message and stops
    (no traceback).
    """
    mtime = warehouse_mtime()
    if mtime is None:
        st.info(GEEN_WAREHOUSE, icon=":material/database:")
        st.stop()
    try:
        return _cached(metric_fn.__module__, metric_fn.__qualname__, str(warehouse_path()), mtime, args, kwargs)
    except duckdb.OutOfMemoryException:  # the reader's bound (settings.READER_MEMORY_LIMIT): say so, no traceback
        st.warning(TE_GROOT, icon=":material/memory:")
        st.stop()


@st.cache_data(show_spinner=False, max_entries=8)
def _archive_versions(archive_dir: str, mtime: int | None) -> pd.DataFrame:
    del mtime  # a load, rollback or retention run changes the warehouse file, and with it the archive
    from etl.archive import versions_frame

    return versions_frame(Path(archive_dir))


def archive_versions() -> pd.DataFrame:
    """The archived versions of the files (etl.archive.versions_frame) of the handed-in settings' archive,
    cached until the warehouse file changes."""
    return _archive_versions(str(current_settings().archive_dir), warehouse_mtime())
