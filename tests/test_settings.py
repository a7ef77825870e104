"""Settings in one place: no module but settings.py reads the environment or builds a data path, and only the
entry points (dashboard.py, python -m ...) look the settings up; everything else gets them handed in."""

from __future__ import annotations

import re
import subprocess
from dataclasses import fields
from pathlib import Path

from settings import PROJECT_ROOT, load_settings, settings_under
from tests.conftest import REPO_DATA, changed_files, files_under

ENTRY_POINTS = {"dashboard.py", "etl/__main__.py", "metrics/__main__.py", "codering/__main__.py",
                "benchmarks/__main__.py", "benchmarks/child.py", "access/__main__.py", "report/__main__.py"}
ENVIRONMENT = re.compile(r"\bos\.environ\b|\bos\.getenv\b|\bgetenv\(|\bPath\.home\(|expanduser\(")
DATA_PATH = re.compile(r"""["'](data|raw|warehouse|reference|mappings|codering\.sqlite|pseudoniem\.key)["']"""
                       r"""|with_name\(["'](reference|mappings)""")
LOOKUP = re.compile(r"\bload_settings\(")


def product_modules() -> list[Path]:
    """Every Python file of the product (not the tests, the benchmarks' own scratch or the virtualenv)."""
    skip = {".venv", "tests", ".git"}
    return sorted(p for p in PROJECT_ROOT.rglob("*.py")
                  if not skip & set(p.relative_to(PROJECT_ROOT).parts) and p.name != "settings.py")


def _hits(pattern: re.Pattern[str], paths: list[Path]) -> list[str]:
    return [f"{p.relative_to(PROJECT_ROOT)}:{i}: {line.strip()}"
            for p in paths for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
            if pattern.search(line)]


def test_the_scan_sees_the_product() -> None:
    names = {p.relative_to(PROJECT_ROOT).as_posix() for p in product_modules()}
    assert {"etl/load.py", "ui/data.py", "codering/store.py", "dashboard.py"} <= names
    assert not any(n.startswith("tests/") for n in names)


def test_patterns_catch_what_they_should() -> None:
    assert ENVIRONMENT.search('key = os.environ.get("KIT_X")') and ENVIRONMENT.search("Path.home() / '.config'")
    assert DATA_PATH.search('ROOT / "data" / "raw"') and DATA_PATH.search('Path(__file__).with_name("mappings")')
    assert not DATA_PATH.search('"database"') and not ENVIRONMENT.search("environment = 1")


def test_no_module_but_settings_reads_the_environment() -> None:
    assert _hits(ENVIRONMENT, product_modules()) == []


def test_no_module_but_settings_builds_a_data_path() -> None:
    assert _hits(DATA_PATH, product_modules()) == []


def test_only_entry_points_look_settings_up() -> None:
    others = [p for p in product_modules() if p.relative_to(PROJECT_ROOT).as_posix() not in ENTRY_POINTS]
    assert _hits(LOOKUP, others) == []


SHIPPED = {"reference_dir", "mappings_dir", "browser_path"}
"""Path settings that point at what the product ships or uses read-only, not at data it writes."""


def test_settings_under_keeps_every_written_path_under_the_root(tmp_path: Path) -> None:
    s = settings_under(tmp_path)
    written = {f.name: getattr(s, f.name) for f in fields(s) if isinstance(getattr(s, f.name), Path)
               and f.name not in SHIPPED}
    assert {"raw_dir", "warehouse_path", "archive_dir", "coding_db_path", "audit_log_path"} <= set(written)
    assert {name: path for name, path in written.items() if not path.is_relative_to(tmp_path)} == {}
    assert (s.reference_dir / "gemeenten.csv").exists() and any(s.mappings_dir.glob("*.toml"))


def test_a_test_never_gets_the_repository_data_folder_to_write_in() -> None:
    s = load_settings()  # the defaults a test sees: tests/conftest.py puts every written path under tmp_path
    written = {f.name: getattr(s, f.name) for f in fields(s) if isinstance(getattr(s, f.name), Path)
               and f.name not in SHIPPED}
    assert {name: path for name, path in written.items() if path.is_relative_to(REPO_DATA)} == {}


def test_the_session_check_sees_files_appear_change_and_go(tmp_path: Path) -> None:
    (tmp_path / "blijft.txt").write_text("a")
    (tmp_path / "weg.txt").write_text("b")
    (tmp_path / "anders.txt").write_text("c")
    before = files_under(tmp_path)
    assert changed_files(before, files_under(tmp_path)) == []
    (tmp_path / "weg.txt").unlink()
    (tmp_path / "anders.txt").write_text("cc")
    (tmp_path / "archive" / "goed.xlsx").mkdir(parents=True)
    (tmp_path / "archive" / "goed.xlsx" / "versie.json").write_text("{}")
    assert changed_files(before, files_under(tmp_path)) == [
        "nieuw: archive/goed.xlsx/versie.json", "gewijzigd: anders.txt", "verdwenen: weg.txt"]


def test_no_test_output_is_committed_under_data() -> None:
    committed = subprocess.run(["git", "ls-files", "data"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                               check=True).stdout.split()
    assert [p for p in committed if not p.startswith("data/raw/") and not p.endswith("/.gitkeep")] == []
    assert "data/raw/kit/KIT_signalen.xlsx" in committed  # the demo data is what data/ holds
