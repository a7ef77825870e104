"""Run metrics/ functions against the warehouse from a page, cached until the warehouse file changes.

The settings are handed in once per run by the entry point (dashboard.py hands them to `use_settings`);
pages and ui/ helpers take every path from `current_settings()`, never from the environment.

The loader replaces the warehouse file atomically (os.replace), so a connection is opened read-only for
each computation and closed right after; nothing keeps the file open between reruns.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from codering.store import CodingStore
from settings import Settings

GEEN_WAREHOUSE = "Nog geen gegevens geladen: voer `python -m etl load` uit."
"""Shown instead of any figure when the warehouse file does not exist yet."""


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


def run_metric(path: Path, metric_fn: Callable[..., pd.DataFrame], *args: Any, **kwargs: Any) -> pd.DataFrame:
    """Open `path` read-only, run `metric_fn(con, *args, **kwargs)`, close the connection, return the frame."""
    if not path.exists():
        raise GeenWarehouse(GEEN_WAREHOUSE)
    con = duckdb.connect(str(path), read_only=True)
    try:
        return metric_fn(con, *args, **kwargs)
    finally:
        con.close()


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
    """Run a metrics/ function with a fresh read-only connection to the warehouse and return its DataFrame.

    The result is cached on the function, its arguments and the warehouse file's mtime, so a new load is
    picked up at the next rerun. When no warehouse exists yet the page shows a Dutch message and stops
    (no traceback).
    """
    mtime = warehouse_mtime()
    if mtime is None:
        st.info(GEEN_WAREHOUSE, icon=":material/database:")
        st.stop()
    return _cached(metric_fn.__module__, metric_fn.__qualname__, str(warehouse_path()), mtime, args, kwargs)
