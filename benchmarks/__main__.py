"""`python -m benchmarks [--quick] [--json] [--runs N] [--only GROUP ...]`: speed at national scale, side by side.

Builds (once, then reused while benchmarks/national.py is unchanged) under settings.benchmark_dir: the demo
warehouse from data/raw, the national warehouse (benchmarks/national.py) and a monthly batch of partner
workbooks; then measures the groups etl, metrics, pages and memory and prints every figure with its ratio and the
goal. --quick uses a twentieth of the national scale and four teams' batch (a few minutes). --json prints one JSON
object (groups etl, metrics, pages, memory, plus machine and scale) instead of the table. Not part of the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import lake, measure, national
from settings import load_settings, settings_under

GOALS = {
    "load_vs_fastest_parser_ratio": "<= 1.5", "small_national_vs_empty_ratio": "<= 2",
    "metric_vs_sql_ratio": "<= 1.2", "cold_national_vs_demo_ratio": "<= 3", "national_warm_s": "<= 1",
    "ducklake_vs_copy_and_swap_ratio": "< 1 to adopt", "read_xlsx_vs_calamine_ratio": "< 1 to adopt",
    "dashboard_vs_goal_ratio": "<= 1 (1 GiB)", "load_vs_goal_ratio": "<= 1 (1 GiB)",
}
SCALES = {"full": (1.0, national.TEAMS), "quick": (0.05, 4)}


def _log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def prepare(work: Path, scale: float, teams: int) -> dict[str, Path]:
    """The reference folder, the demo and national warehouses and the batch folders (built when missing)."""
    from etl import refresh
    from etl.load import load_raw
    from etl.schema import schema_ddl

    settings = load_settings()
    digest = hashlib.sha256(schema_ddl().encode())  # rebuilt when the schema (contract + views), the generator
    for source in [Path(national.__file__), Path(refresh.__file__), Path(refresh.__file__).with_name("warehouse.sql"),
                   *sorted(settings.reference_dir.glob("*.csv"))]:  # the marts' refresh, or references change
        digest.update(source.read_bytes())
    tag = f"{scale:g}-{digest.hexdigest()[:10]}"
    paths = {"referentie": work / f"referentie-{tag}", "demo": work / f"demo-{tag}.duckdb",
             "national": work / f"national-{tag}.duckdb",
             "batch": work / f"batch-{tag}-{teams}", "small": work / f"small-{tag}"}
    work.mkdir(parents=True, exist_ok=True)
    for old in [*work.glob("batch-*"), *work.glob("small-*"), *work.glob("referentie*"), *work.glob("demo*.duckdb")]:
        if old not in paths.values():
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
    if not paths["referentie"].exists():
        national.write_reference(paths["referentie"], settings.reference_dir)
    if not paths["demo"].exists():
        _log("demo warehouse from data/raw")
        report = load_raw(settings.raw_dir, paths["demo"], mappings_dir=settings.mappings_dir,
                          key_path=settings_under(work).pseudonym_key_path, reference_dir=paths["referentie"])
        if not report.ok:
            raise SystemExit(report.summary())
    if not paths["national"].exists():
        for old in work.glob("national-*.duckdb"):
            old.unlink()
        _log(f"national warehouse, scale {scale:g}")
        counts = national.build_national(paths["national"], paths["referentie"], scale, paths["demo"])
        _log(", ".join(f"{t} {n:,}" for t, n in counts.items()))
    for name, n in (("batch", teams), ("small", 1)):
        if not paths[name].exists():
            _log(f"{name}: {n} team(s) of November 2025")
            tmp = paths[name].with_name(paths[name].name + ".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            national.write_batch(tmp, paths["referentie"], teams=n)
            tmp.rename(paths[name])
    return paths


def _goal(field: str) -> str:
    return next((goal for key, goal in GOALS.items() if field.endswith(key)), "")


def table(results: dict[str, Any]) -> str:
    """The results as plain text: one line per figure, ratios with their goal."""
    lines = [f"machine: {json.dumps(results['machine'])}", f"scale: {json.dumps(results['scale'])}"]
    for group in ("etl", "metrics", "pages", "memory"):
        if group not in results:
            continue
        lines.append(f"\n== {group}")
        rows = results[group]
        nested = all(isinstance(v, dict) for v in rows.values())
        for name, row in (rows.items() if nested else [("", rows)]):
            parts = []
            for field, value in row.items():
                goal = _goal(field)
                parts.append(f"{field}={value}" + (f" (goal {goal})" if goal else ""))
            lines.append(f"{name:<15} " + "  ".join(parts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a twentieth of the national scale, four teams' batch")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (median); default 3, quick 3")
    parser.add_argument("--only", nargs="+", choices=("etl", "metrics", "pages", "memory"), help="only these groups")
    args = parser.parse_args(argv)
    size = "quick" if args.quick else "full"
    scale, teams = SCALES[size]
    runs = args.runs or 3
    work = load_settings().benchmark_dir / size
    paths = prepare(work, scale, teams)
    results: dict[str, Any] = {"machine": measure.machine(),
                               "scale": {"name": size, "national_scale": scale, "batch_teams": teams, "runs": runs,
                                         "national_gib": round(paths["national"].stat().st_size / 2**30, 2)}}
    groups = args.only or ["etl", "metrics", "pages", "memory"]
    if "etl" in groups:
        _log("etl")
        results["etl"] = measure.etl_group(work, paths["batch"], paths["small"], paths["national"],
                                           paths["referentie"], runs)
        if lake.available():
            _log("etl: copy-and-swap against DuckLake")
            results["etl"].update(lake.measure(work, paths["national"], work / "small-loaded.duckdb", runs))
    if "metrics" in groups:
        _log("metrics")
        results["metrics"] = measure.metrics_group(paths["demo"], paths["national"], runs)
    if "pages" in groups:
        _log("pages")
        results["pages"] = measure.pages_group(paths["demo"], paths["national"], work, max(1, runs - 1))
    if "memory" in groups:
        _log("memory")
        results["memory"] = measure.memory_group(paths["national"], paths["batch"], paths["referentie"], work)
    print(json.dumps(results, indent=1) if args.json else table(results))


if __name__ == "__main__":
    main()
