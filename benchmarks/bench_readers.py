"""Compare reading a workbook with pandas' calamine engine against openpyxl (prints timings and the ratio).

Run: .venv/bin/python benchmarks/bench_readers.py [ROWS]. The workbook is synthetic and written to a
temporary folder; this is a measurement, not a test.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from openpyxl import Workbook


def write_sample(path: Path, rows: int) -> Path:
    """A controles-like workbook with `rows` synthetic rows in each of two sheets."""
    rng = random.Random(42)
    wb = Workbook()
    wb.remove(wb.active)
    for name in ("Controleavonden", "Bezoeken"):
        ws = wb.create_sheet(name)
        ws.append(["id", "datum", "gemeente", "thema", "partners", "aantal", "bedrag", "opmerking"])
        for i in range(rows):
            day = date(2021, 1, 1) + timedelta(days=rng.randrange(700))
            ws.append([f"ID-{i}", day, rng.choice(["Bladel", "Eersel"]),
                       "huisvesting arbeidsmigranten", "Gemeente; Politie", rng.randrange(20),
                       round(rng.uniform(0, 900), 2), "synthetische regel"])
    wb.save(path)
    return path


def best_of(runs: int, engine: str, path: Path) -> float:
    """Fastest of `runs` full reads (all sheets, no header, object cells) in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pd.read_excel(path, sheet_name=None, header=None, engine=engine, dtype=object)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        path = write_sample(Path(tmp) / "sample.xlsx", rows)
        calamine = best_of(3, "calamine", path)
        openpyxl = best_of(3, "openpyxl", path)
    print(f"{2 * rows} rijen ({path.name}): calamine {calamine:.3f} s, openpyxl {openpyxl:.3f} s, "
          f"openpyxl/calamine = {openpyxl / calamine:.1f}x")


if __name__ == "__main__":
    main()
