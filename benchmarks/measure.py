"""The measurements of `python -m benchmarks`: each returns a dict of seconds, bytes and ratios (fields ending in
`ratio`), computed as the median of several runs. Nothing here is a test: a missed goal is reported, not failed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from etl.staging import staging_tables
from metrics.filters import ALL, Filter
from settings import MAPPINGS_DIR, settings_under

TODAY = dt.date(2025, 12, 31)
"""The loader's "today" for the batch of November 2025 (so no date counts as in the future)."""
ROOT = Path(__file__).resolve().parents[1]


def median_seconds(fn: Callable[[], Any], runs: int, setup: Callable[[], Any] | None = None) -> float:
    """Median wall time of `runs` calls of `fn` (each after an untimed `setup`)."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> dict[str, Any]:
    """What the numbers were measured on (the machine is shared: the load average says how busy it was)."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem = 0
    return {"cpu": model, "cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1),
            "load_average_1min": round(os.getloadavg()[0], 2), "python": platform.python_version(),
            "duckdb": duckdb.__version__, "platform": platform.platform(),
            "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("nan")


# ---------------------------------------------------------------------------------------------------- etl
def _parse_all(files: list[Path], engine: str) -> int:
    rows = 0
    for path in files:
        for frame in pd.read_excel(path, sheet_name=None, header=None, engine=engine, dtype=object).values():
            rows += len(frame)
    return rows


def excel_extension() -> Path | None:
    """The path of DuckDB's excel extension from the pip package duckdb-ext-excel (None when not installed)."""
    import sysconfig

    path = (Path(sysconfig.get_paths()["purelib"]) / "duckdb_ext" / "extensions" / f"v{duckdb.__version__}"
            / "linux_amd64" / "excel.duckdb_extension")
    return path if path.exists() else None


def _parse_read_xlsx(files: list[Path], extension: Path) -> int:
    """Every sheet of every file through DuckDB's read_xlsx (all cells as text), loaded from the package path."""
    from python_calamine import CalamineWorkbook

    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    con.execute(f"LOAD '{extension}'")
    rows = 0
    for path in files:
        for sheet in CalamineWorkbook.from_path(str(path)).sheet_names:
            rows += con.execute("SELECT count(*) FROM read_xlsx(?, sheet = ?, header = false, all_varchar = true)",
                                [str(path), sheet]).fetchone()[0]
    con.close()
    return rows


def _load(raw: Path, warehouse: Path, reference_dir: Path, key: Path) -> None:
    from etl.load import load_raw

    report = load_raw(raw, warehouse, mappings_dir=MAPPINGS_DIR, key_path=key, reference_dir=reference_dir,
                      today=TODAY)
    if not report.ok:
        raise RuntimeError("benchmark batch not loaded cleanly:\n" + report.summary()[:4000])


def etl_group(work: Path, batch: Path, small: Path, national: Path, reference_dir: Path, runs: int) -> dict:
    """(a) a batch end-to-end against parsing alone; a small batch into the national warehouse against an empty one."""
    key = settings_under(work).pseudonym_key_path
    files = sorted(batch.rglob("*.xlsx"))
    scratch = work / "scratch"

    def fresh() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)

    def copy_national() -> None:
        fresh()
        shutil.copyfile(national, scratch / "kit.duckdb")

    out: dict[str, Any] = {"batch_files": len(files), "batch_rows": _parse_all(files, "calamine")}
    out["parse_calamine_s"] = median_seconds(lambda: _parse_all(files, "calamine"), runs)
    out["parse_openpyxl_s"] = median_seconds(lambda: _parse_all(files, "openpyxl"), max(1, runs - 2))
    extension = excel_extension()
    if extension is not None:
        out["parse_read_xlsx_s"] = median_seconds(lambda: _parse_read_xlsx(files, extension), runs)
        out["read_xlsx_vs_calamine_ratio"] = ratio(out["parse_read_xlsx_s"], out["parse_calamine_s"])
    out["batch_load_s"] = median_seconds(lambda: _load(batch, scratch / "kit.duckdb", reference_dir, key), runs, fresh)
    out["load_vs_calamine_ratio"] = ratio(out["batch_load_s"], out["parse_calamine_s"])
    out["load_vs_openpyxl_ratio"] = ratio(out["batch_load_s"], out["parse_openpyxl_s"])
    fastest = min(out["parse_calamine_s"], out.get("parse_read_xlsx_s", float("inf")))
    out["load_vs_fastest_parser_ratio"] = ratio(out["batch_load_s"], fastest)
    out["small_files"] = len(list(small.rglob("*.xlsx")))
    out["small_into_empty_s"] = median_seconds(lambda: _load(small, scratch / "kit.duckdb", reference_dir, key),
                                               runs, fresh)
    shutil.copyfile(scratch / "kit.duckdb", work / "small-loaded.duckdb")  # the small load's rows, for lake.py
    out["small_into_national_s"] = median_seconds(
        lambda: _load(small, scratch / "kit.duckdb", reference_dir, key), runs, copy_national)
    out["small_national_vs_empty_ratio"] = ratio(out["small_into_national_s"], out["small_into_empty_s"])
    shutil.rmtree(scratch, ignore_errors=True)
    return out


# ---------------------------------------------------------------------------------------------------- metrics
@dataclass
class Figure:
    """One page's headline figure: the metric call the page makes, and one hand-written query for it."""

    page: str
    label: str
    call: Callable[[duckdb.DuckDBPyConnection], Any]
    sql: str | None
    params: list[Any]


KIT_PIT = Filter(teams=("KIT", "PIT"))


def figures() -> list[Figure]:
    """The figure measured per page (all teams, all municipalities, whole period, unless the page is about teams)."""
    from metrics import datakwaliteit, opvolging, overtredingen, overzicht, partners, reproduce, vergelijking
    from metrics.interviews import interview_answers

    return [
        Figure("overzicht", "kerncijfers", lambda c: overzicht.kerncijfers(c, ALL), """
            SELECT (SELECT count(*) FROM stg_controleavonden), (SELECT count(*) FROM stg_bezoeken),
                   (SELECT sum(aantal_personen) FROM stg_bezoeken),
                   (SELECT count(*) FROM stg_bevindingen WHERE overtreding),
                   (SELECT count(*) FROM stg_bevindingen f WHERE overtreding
                      AND f.bevinding_id IN (SELECT bevinding_id FROM stg_opvolging))""", []),
        Figure("overtredingen", "top_overtredingen", lambda c: overtredingen.top_overtredingen(c, ALL, 10, True), """
            SELECT categorie, count(*) AS n FROM stg_bevindingen WHERE overtreding
            GROUP BY 1 ORDER BY 2 DESC LIMIT 10""", []),
        Figure("partners", "aanwezigheid", lambda c: partners.aanwezigheid(c, ALL), """
            SELECT partner, count(*) AS n, count(*) / (SELECT count(*) FROM stg_controleavonden)
            FROM stg_deelname GROUP BY 1 ORDER BY 2 DESC""", []),
        Figure("kit_vs_pit", "vergelijking", lambda c: vergelijking.vergelijking(c, KIT_PIT), """
            SELECT c.team, count(DISTINCT c.controleavond_id), count(b.bezoek_id), sum(b.aantal_personen)
            FROM stg_controleavonden c LEFT JOIN stg_bezoeken b USING (controleavond_id)
            WHERE c.team IN ('KIT', 'PIT') GROUP BY 1""", []),
        Figure("opvolging", "kerncijfers_opvolging", lambda c: opvolging.kerncijfers_opvolging(c, ALL), """
            WITH v AS (SELECT f.bevinding_id FROM stg_bevindingen f WHERE f.overtreding),
                 s AS (SELECT bevinding_id, min(datum_gesloten) FILTER (WHERE status = 'afgerond') AS dicht
                       FROM stg_opvolging GROUP BY 1)
            SELECT count(*), count(s.bevinding_id), count(s.dicht), median(s.dicht - c.datum)
            FROM v LEFT JOIN s USING (bevinding_id) JOIN stg_bevindingen f USING (bevinding_id)
            JOIN stg_bezoeken b USING (bezoek_id) JOIN stg_controleavonden c USING (controleavond_id)""", []),
        Figure("reproductie", "overview", lambda c: reproduce.overview(c), None, []),
        Figure("codering", "interview_answers", lambda c: interview_answers(c), None, []),
        Figure("datakwaliteit", "rijen_per_tabel", lambda c: datakwaliteit.rijen_per_tabel(c),
               # the same figure: rows per file of every staging table (it was one table's, a smaller figure)
               "\nUNION ALL ".join(f"SELECT _bestand, '{t}', count(*) FROM {t} GROUP BY 1" for t in staging_tables()),
               []),
        Figure("filter", "team_opties + gemeente_opties", lambda c: (overzicht.team_opties(c),
                                                                      overzicht.gemeente_opties(c, ())), None, []),
    ]


def _as_app(path: Path, call: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
    """Run a metric the way a page does without its cache (ui.data.run_metric: connection handling included)."""
    from ui.data import run_metric

    return run_metric(path, call)


def metrics_group(demo: Path, national: Path, runs: int) -> dict:
    """(b) each page's headline metric at national scale against one hand-written query; growth demo -> national."""
    out: dict[str, Any] = {}
    for fig in figures():
        row: dict[str, Any] = {"figure": fig.label}
        row["demo_s"] = median_seconds(lambda fig=fig: _as_app(demo, fig.call), runs)
        row["national_s"] = median_seconds(lambda fig=fig: _as_app(national, fig.call), runs)
        row["growth_ratio"] = ratio(row["national_s"], row["demo_s"])
        if fig.sql is not None:
            with duckdb.connect(str(national), read_only=True) as con:
                con.execute(fig.sql, fig.params).fetchall()  # warm the file cache as the metric runs had
                row["hand_sql_s"] = median_seconds(lambda fig=fig, con=con: con.execute(fig.sql, fig.params).fetchall(),
                                                   runs)
            row["metric_vs_sql_ratio"] = ratio(row["national_s"], row["hand_sql_s"])
        out[fig.page] = row
    return out


# ---------------------------------------------------------------------------------------------------- pages
def _env(warehouse: Path, work: Path) -> dict[str, str]:
    """The child's whole environment: dashboard.py takes its settings from these (nothing else is passed on)."""
    under = settings_under(work)
    return {"KIT_WAREHOUSE": str(warehouse), "KIT_CODING_DB": str(under.coding_db_path),
            "KIT_PSEUDONYM_KEY": str(under.pseudonym_key_path), "KIT_RAW_DIR": str(under.raw_dir), "HOME": str(work),
            "KIT_USERS_FILE": str(under.users_file), "KIT_AUDIT_LOG": str(under.audit_log_path)}


def _child(args: list[str], env: dict[str, str], timeout: float) -> dict:
    """Run `python -m benchmarks.child ARGS` and return the JSON it prints last."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.child", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.child {' '.join(args)} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def pages_group(demo: Path, national: Path, work: Path, runs: int) -> dict:
    """(c) every page's full render (AppTest, all teams) at national scale against demo: cold, warm, the filter."""
    times = {}
    for name, path in (("demo", demo), ("national", national)):
        times[name] = [_child(["pages"], _env(path, work), timeout=3600) for _ in range(runs)]
    out: dict[str, Any] = {}
    for page in [p for p in times["demo"][0] if not p.startswith("_")]:
        row = {}
        for scale in ("demo", "national"):
            for phase in ("cold_s", "warm_s"):
                row[f"{scale}_{phase}"] = round(statistics.median(t[page][phase] for t in times[scale]), 3)
        row["cold_national_vs_demo_ratio"] = ratio(row["national_cold_s"], row["demo_cold_s"])
        out[page] = row
    return out


def memory_group(national: Path, batch: Path, reference_dir: Path, work: Path) -> dict:
    """(d) peak resident memory of a dashboard process after every page, and of a national-scale load."""
    env = _env(national, work)
    dashboard = _child(["pages", "--once"], env, timeout=3600)["_peak_rss_bytes"]
    key = settings_under(work).pseudonym_key_path
    scratch = work / "scratch-memory"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copyfile(national, scratch / "kit.duckdb")
    try:
        load = _child(["load", str(batch), str(scratch / "kit.duckdb"), str(reference_dir), str(key)], env,
                      timeout=3600)["_peak_rss_bytes"]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    gib = 2**30
    return {"dashboard_peak_gib": round(dashboard / gib, 3), "dashboard_vs_goal_ratio": ratio(dashboard, gib),
            "load_peak_gib": round(load / gib, 3), "load_vs_goal_ratio": ratio(load, gib)}
