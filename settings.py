"""Settings in one place: paths of the raw folder, the warehouse, the coding store, the key, the accounts file and
the audit log, and the access thresholds (lock-out, idle timeout, small counts).

Every value can be overridden by an environment variable, so tests and deployments inject their
own paths; no other module reads the environment or builds a data path of its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
REFERENCE_DIR = PROJECT_ROOT / "etl" / "reference"
"""The shipped reference tables (CSV): part of the product, the same for every deployment."""
MAPPINGS_DIR = PROJECT_ROOT / "etl" / "mappings"
"""The shipped partner layouts (TOML)."""
COMMITTED_RAW_DIR = PROJECT_ROOT / "data" / "raw"
"""The synthetic demo data shipped in the repository (the default raw folder)."""
READER_MEMORY_LIMIT = "600MB"
"""DuckDB memory limit of the dashboard's kept warehouse reader (ui/data.py): its buffer pool of table pages and
its operators' working memory stay within it (what does not fit spills to disk next to the warehouse), instead of
DuckDB's default of 80% of the RAM. Measured at national scale (benchmarks/, every page once, four teams drawn):
the dashboard process peaks at 0.94 GiB with 600 MB, 1.15 GiB with 1 GB and 1.82 GiB with 2 GB; pages are up
to 1.5x slower cold than with 1 GB. A query that still does not fit shows ui.data.TE_GROOT instead of a figure."""
SOURCE_TEXT = PROJECT_ROOT / "docs" / "brondocumenten.txt"
"""The source documents as text (council note, HAM/KIT evaluation, PIT evaluation 2017): read only by the tests that
check every quantitative statement is in the reproduction catalogue or listed as not reproducible; never at run time."""


@dataclass(frozen=True)
class Settings:
    """Paths the product reads and writes."""

    raw_dir: Path
    """Partner spreadsheets (data/raw); the warehouse is rebuilt from here."""
    warehouse_path: Path
    """The DuckDB warehouse, written only by `python -m etl load`."""
    coding_db_path: Path
    """The evaluator's coding store (SQLite): data the product owns, not derived from raw files."""
    pseudonym_key_path: Path
    """Secret key for keyed pseudonyms; lives outside the repository, made on first run."""
    reference_dir: Path
    """Project reference tables (CSV) built from public CBS/PDOK facts."""
    users_file: Path
    """Local accounts (JSON, owner-only): name, role, municipality, argon2 hash; outside the repository."""
    audit_log_path: Path
    """The audit log (SQLite, append-only): logins, exports, coding changes, loads, account changes."""
    mappings_dir: Path = MAPPINGS_DIR
    """Partner layouts (TOML mapping files) the loader reads own-layout files with (KIT_MAPPINGS_DIR; default the
    shipped etl/mappings)."""
    benchmark_dir: Path = PROJECT_ROOT / "data" / "benchmarks"
    """Scratch space of `python -m benchmarks` (generated national warehouse, batches); never read by the product."""
    archive_dir: Path = PROJECT_ROOT / "data" / "archive"
    """Every accepted version of every raw file as the loader made it (Parquet rows + hash; never the workbook),
    outside data/raw (KIT_ARCHIVE_DIR)."""
    max_file_mb: float = 50.0
    """A raw file larger than this (MB) is refused before it is read (KIT_MAX_FILE_MB)."""
    max_unpacked_mb: float = 400.0
    """An .xlsx whose zip directory announces more unpacked data (MB) is refused (KIT_MAX_UNPACKED_MB)."""
    max_compression_ratio: float = 100.0
    """A part of an .xlsx compressed more than this many times is taken for a zip bomb (KIT_MAX_COMPRESSION_RATIO)."""
    max_sheet_cells: int = 3_000_000
    """A sheet claiming or holding a range of more cells (rows x columns) is refused (KIT_MAX_SHEET_CELLS)."""
    retention_person_years: int = 7
    """Person-level data (pseudonyms of persons, landlords, addresses; free text about a case) are kept this many
    full calendar years after the year of the event (the control evening, signal or step), then anonymised by
    `python -m etl retention --uitvoeren` (KIT_RETENTION_PERSON_YEARS)."""
    retention_raw_days: int = 90
    """A partner workbook under raw_dir whose version is in force is kept this many days after it was loaded (its
    pseudonymised rows stay in the warehouse and the archive), then removed by retention (KIT_RETENTION_RAW_DAYS)."""
    retention_archive_days: int = 365
    """An archived version no longer in force is kept this many days after it was loaded, so it can be rolled back
    to, then removed by retention (KIT_RETENTION_ARCHIVE_DAYS)."""
    lockout_attempts: int = 5
    """Failed logins within `lockout_minutes` after which an account is locked (KIT_LOCKOUT_ATTEMPTS)."""
    lockout_minutes: int = 15
    """Window (and longest duration) of the lock-out, in minutes (KIT_LOCKOUT_MINUTES)."""
    idle_timeout_minutes: int = 30
    """A session without any interaction for this long is logged out (KIT_IDLE_TIMEOUT_MINUTES)."""
    small_count_threshold: int = 5
    """Person-based counts below this are suppressed ("<5") for burgemeester and stuurgroep; also the minimum
    number of respondents an organisation + role combination must cover to be shown (KIT_SMALL_COUNT)."""
    teams_side_by_side: int = 4
    """At most this many teams are drawn side by side on a page; with more in the selection the page asks which
    (KIT_TEAMS_SIDE_BY_SIDE). Forty columns are unreadable, and each costs its own queries and charts."""
    auth_mode: str = "lokaal"
    """"lokaal" (accounts file and login form) or "oidc" (Streamlit's st.login, see the README) (KIT_AUTH)."""
    browser_path: Path = Path("/usr/bin/chromium")
    """The system chromium that draws the charts of the printed one-pager (kaleido); override with BROWSER_PATH."""


def load_settings() -> Settings:
    """Return the settings, taking KIT_* environment variables over the defaults."""
    env = os.environ
    return Settings(
        raw_dir=Path(env.get("KIT_RAW_DIR", COMMITTED_RAW_DIR)),
        warehouse_path=Path(env.get("KIT_WAREHOUSE", PROJECT_ROOT / "data" / "warehouse" / "kit.duckdb")),
        coding_db_path=Path(env.get("KIT_CODING_DB", PROJECT_ROOT / "data" / "codering" / "codering.sqlite")),
        pseudonym_key_path=Path(
            env.get("KIT_PSEUDONYM_KEY", Path.home() / ".config" / "kit-dashboard" / "pseudoniem.key")
        ),
        reference_dir=REFERENCE_DIR,
        users_file=Path(env.get("KIT_USERS_FILE", Path.home() / ".config" / "kit-dashboard" / "gebruikers.json")),
        audit_log_path=Path(env.get("KIT_AUDIT_LOG", PROJECT_ROOT / "data" / "audit" / "audit.sqlite")),
        mappings_dir=Path(env.get("KIT_MAPPINGS_DIR", MAPPINGS_DIR)),
        benchmark_dir=Path(env.get("KIT_BENCHMARK_DIR", PROJECT_ROOT / "data" / "benchmarks")),
        archive_dir=Path(env.get("KIT_ARCHIVE_DIR", PROJECT_ROOT / "data" / "archive")),
        max_file_mb=float(env.get("KIT_MAX_FILE_MB", 50)),
        max_unpacked_mb=float(env.get("KIT_MAX_UNPACKED_MB", 400)),
        max_compression_ratio=float(env.get("KIT_MAX_COMPRESSION_RATIO", 100)),
        max_sheet_cells=int(env.get("KIT_MAX_SHEET_CELLS", 3_000_000)),
        retention_person_years=int(env.get("KIT_RETENTION_PERSON_YEARS", "7")),
        retention_raw_days=int(env.get("KIT_RETENTION_RAW_DAYS", "90")),
        retention_archive_days=int(env.get("KIT_RETENTION_ARCHIVE_DAYS", "365")),
        lockout_attempts=int(env.get("KIT_LOCKOUT_ATTEMPTS", "5")),
        lockout_minutes=int(env.get("KIT_LOCKOUT_MINUTES", "15")),
        idle_timeout_minutes=int(env.get("KIT_IDLE_TIMEOUT_MINUTES", "30")),
        small_count_threshold=int(env.get("KIT_SMALL_COUNT", "5")),
        teams_side_by_side=int(env.get("KIT_TEAMS_SIDE_BY_SIDE", "4")),
        auth_mode=env.get("KIT_AUTH", "lokaal"),
        browser_path=Path(env.get("BROWSER_PATH", "/usr/bin/chromium")),
    )


def settings_under(root: Path) -> Settings:
    """Settings whose written paths (raw folder, warehouse, archive, coding store, key, accounts, audit log,
    benchmark scratch) all lie under `root`.

    The project's reference tables and mappings stay the shipped ones. For tests and throw-away runs, so nothing
    touches data/ or ~/.config; no environment variable is read.
    """
    root = Path(root)
    return Settings(
        raw_dir=root / "raw",
        warehouse_path=root / "warehouse" / "kit.duckdb",
        coding_db_path=root / "codering" / "codering.sqlite",
        pseudonym_key_path=root / "secret" / "pseudoniem.key",
        reference_dir=REFERENCE_DIR,
        users_file=root / "secret" / "gebruikers.json",
        audit_log_path=root / "audit" / "audit.sqlite",
        mappings_dir=MAPPINGS_DIR,
        benchmark_dir=root / "benchmarks",
        archive_dir=root / "archive",
    )
