"""Shared fixtures: private paths per test (never the real raw folder, warehouse, coding store or key), the
small synthetic warehouse of tests/testwarehouse.py and the committed demo data loaded once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from settings import COMMITTED_RAW_DIR, Settings, settings_under
from tests.testwarehouse import bouw_opvolgingwarehouse, bouw_testwarehouse, load_folder


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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with every written path under tmp_path (shipped reference tables and mappings)."""
    return settings_under(tmp_path)


@pytest.fixture(scope="session")
def testwarehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small synthetic warehouse of tests/testwarehouse.py, built once; open it read-only."""
    return bouw_testwarehouse(tmp_path_factory.mktemp("testwarehouse") / "kit.duckdb")


@pytest.fixture(scope="module")
def con(testwarehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the small synthetic warehouse (a test module may define its own `con`)."""
    connection = duckdb.connect(str(testwarehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def opvolgingwarehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small synthetic warehouse plus the invented Bladel evening with follow-up steps, built once."""
    return bouw_opvolgingwarehouse(tmp_path_factory.mktemp("opvolgingwarehouse") / "kit.duckdb")


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed synthetic demo data (data/raw) loaded once per session; open it read-only."""
    tmp = tmp_path_factory.mktemp("demo_warehouse")
    report = load_folder(COMMITTED_RAW_DIR, tmp / "kit.duckdb", tmp / "pseudoniem.key")
    assert report.ok, report.summary()
    return tmp / "kit.duckdb"


@pytest.fixture(autouse=True)
def access_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Every test gets its own accounts file and audit log under tmp_path (never the real ones), and argon2 with
    the cheapest parameters so logins in tests are fast (production keeps the library defaults)."""
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST

    import access.accounts

    paths = {"users": tmp_path / "access" / "gebruikers.json", "audit": tmp_path / "access" / "audit.sqlite"}
    monkeypatch.setenv("KIT_USERS_FILE", str(paths["users"]))
    monkeypatch.setenv("KIT_AUDIT_LOG", str(paths["audit"]))
    monkeypatch.setattr(access.accounts, "HASHER", PasswordHasher.from_parameters(CHEAPEST))
    return paths
