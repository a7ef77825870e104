"""Shared fixtures: a private raw folder, warehouse and pseudonym key per test (never the real ones)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def etl_paths(tmp_path: Path) -> dict[str, Path]:
    """raw folder, warehouse path, key path and an empty mappings folder, all under tmp_path."""
    paths = {
        "raw": tmp_path / "raw",
        "warehouse": tmp_path / "wh" / "kit.duckdb",
        "key": tmp_path / "secret" / "pseudoniem.key",
        "mappings": tmp_path / "mappings",
    }
    paths["raw"].mkdir()
    paths["mappings"].mkdir()
    return paths
