"""Shared fixtures: private paths per test (never the real raw folder, warehouse, archive, coding store or key), the
small synthetic warehouse of tests/testwarehouse.py and the committed demo data loaded once per session.

The suite never writes under the repository's data/: every test gets private default paths (`private_data_paths`),
and a check at the end of the session fails the run when a file under data/ appeared, changed or went away.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from settings import COMMITTED_RAW_DIR, PROJECT_ROOT, Settings, settings_under
from tests.ketenwarehouse import bouw_ketenwarehouse
from tests.testwarehouse import bouw_opvolgingwarehouse, bouw_testwarehouse, load_folder

REPO_DATA = PROJECT_ROOT / "data"
"""The repository's data folder: the suite reads the demo data there and writes nothing."""


def files_under(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` (relative path -> (size, mtime_ns)); empty when `root` does not exist."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """Files that appeared, changed or went away between two `files_under` snapshots, with what happened."""
    return ([f"nieuw: {p}" for p in sorted(after.keys() - before.keys())]
            + [f"gewijzigd: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
            + [f"verdwenen: {p}" for p in sorted(before.keys() - after.keys())])


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_DATA_BEFORE] = files_under(REPO_DATA)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a test wrote under the repository's data/ (it must use tmp_path / settings_under)."""
    before = session.config.stash.get(_DATA_BEFORE, None)
    if before is None:
        return
    changed = changed_files(before, files_under(REPO_DATA))
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = [f"The test run wrote under {REPO_DATA} (tests must use tmp paths; a dashboard or python -m etl "
                 "run from this checkout at the same time also counts):", *(f"  {line}" for line in changed)]
        if reporter is not None:
            reporter.write_line("\n".join(lines), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_DATA_BEFORE = pytest.StashKey[dict[str, tuple[int, int]]]()


@pytest.fixture(autouse=True)
def private_data_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Default raw folder, warehouse, archive, coding store, key and benchmark scratch of every test under tmp_path
    (the demo data is read from settings.COMMITTED_RAW_DIR), so a test
    (or a page, command or subprocess it starts) that does not set its own never writes the repository's data/
    or ~/.config. A test sets its own paths on top with monkeypatch.setenv."""
    root = tmp_path / "standaard"
    for name, path in {"KIT_RAW_DIR": root / "raw", "KIT_WAREHOUSE": root / "warehouse" / "kit.duckdb",
                       "KIT_ARCHIVE_DIR": root / "archief",
                       "KIT_CODING_DB": root / "codering" / "codering.sqlite",
                       "KIT_PSEUDONYM_KEY": root / "secret" / "pseudoniem.key",
                       "KIT_BENCHMARK_DIR": root / "benchmarks"}.items():
        monkeypatch.setenv(name, str(path))
    return root


def subprocess_env(**overrides: str) -> dict[str, str]:
    """A small environment for a command a test starts: PATH, the test's own KIT_* paths (the private defaults of
    `private_data_paths` and `access_files`, or what the test set) and `overrides`."""
    return {"PATH": "/usr/bin:/bin", **{k: v for k, v in os.environ.items() if k.startswith("KIT_")}, **overrides}


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
def ketenwarehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented chain warehouse of tests/ketenwarehouse.py (signals, evenings K1/K2, steps S1..S8), built once."""
    return bouw_ketenwarehouse(tmp_path_factory.mktemp("ketenwarehouse") / "kit.duckdb")


@pytest.fixture(scope="module")
def keten_con(ketenwarehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the chain warehouse (a module uses it as its `con`)."""
    connection = duckdb.connect(str(ketenwarehouse), read_only=True)
    yield connection
    connection.close()


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
