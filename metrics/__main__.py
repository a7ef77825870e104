"""Command line for the metrics: `python -m metrics reproduce [--warehouse PATH] [--json]`.

`reproduce` recomputes every published figure from the warehouse rows, prints a table (id, source, printed,
computed, match), the inconsistencies between the documents, and a summary line; `--json` prints one object with
the summary, the overview counts, the figures (each with its kind and, for a reprint, the figure it repeats) and
the inconsistency checks. Exit code 0 only when
every required figure matches; 1 when one does not; 2 when the warehouse is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from metrics import reproduce
from settings import load_settings


def _table(df: pd.DataFrame, columns: Sequence[str], widths: Sequence[int]) -> str:
    """A plain fixed-width text table (cells cut to their column width)."""

    def cut(text: Any, width: int) -> str:
        text = "" if text is None else str(text)
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(cut(c, w).ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for _, row in df.iterrows():
        lines.append("  ".join(cut(row[c], w).ljust(w) for c, w in zip(columns, widths, strict=True)))
    return "\n".join(lines)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def cmd_reproduce(warehouse: Path, as_json: bool) -> int:
    """Run the reproduction against `warehouse`; print it; return the exit code."""
    if not warehouse.exists():
        print(f"Geen warehouse op {warehouse}: voer eerst `python -m etl load` uit.", file=sys.stderr)
        return 2
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        figures = reproduce.figures_table(con)
        items = reproduce.inconsistencies_table(con)
        if as_json:
            soorten = reproduce.kinds().set_index("id")
            records = [{**r, "kind": soorten.loc[r["id"], "soort"], "alias_of": soorten.loc[r["id"], "alias_van"]
                        or None} for r in reproduce.figures_records(con)]
            overview = reproduce.overview(con).iloc[0].to_dict()
            out = {
                "summary": reproduce.summary(figures),
                "overview": {k: (v.item() if hasattr(v, "item") else v) for k, v in overview.items()},
                "figures": records,
                "inconsistencies": items.to_dict(orient="records"),
            }
            print(json.dumps(out, ensure_ascii=False, default=_json_default, indent=1))
            return 0 if reproduce.all_match(figures) else 1
    finally:
        con.close()
    shown = figures.assign(match=figures["icoon"] + " " + figures["match"].map({True: "ja", False: "nee"}))
    print(_table(shown, ["id", "bron", "gepubliceerd", "berekend", "match"], [44, 46, 18, 16, 8]))
    print()
    print("Tegenstrijdigheden in en tussen de documenten:")
    for _, row in items.iterrows():
        print(f"- {row['icoon']} {row['id']}: {row['onderwerp']} [{row['status']}]")
        print(f"    {row['a_label']}: gepubliceerd {row['a_gepubliceerd']}, {row['a_herkomst']} {row['a_berekend']}")
        print(f"    {row['b_label']}: gepubliceerd {row['b_gepubliceerd']}, {row['b_herkomst']} {row['b_berekend']}")
        print(f"    {row['toelichting']}")
    print()
    print(reproduce.summary(figures))
    return 0 if reproduce.all_match(figures) else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics", description="Kengetallen van het KIT-dashboard.")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("reproduce", help="Reproduceer alle gepubliceerde cijfers uit het warehouse.")
    rep.add_argument("--warehouse", type=Path, default=None, help="pad naar het DuckDB-warehouse")
    rep.add_argument("--json", action="store_true", help="één JSON-lijst met alle cijfers")
    args = parser.parse_args(argv)
    if args.command == "reproduce":
        return cmd_reproduce(args.warehouse or load_settings().warehouse_path, args.json)
    parser.error(f"onbekend commando {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
