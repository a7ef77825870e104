"""Command line: `python -m report onepager [--gemeente NAME] --periode PERIOD --out FILE.pdf [--team KIT]`.

The same code as the download button on Overzicht. PERIOD is read by the filter's parser (`2022`, `2022-Q3`,
`2022-03`, `2021-01-01..2022-06-30`, `1-3-2021 t/m 30-6-2022`, ...); without --gemeente the whole team.
Exit code 0 with the PDF written; 2 on bad input or a missing warehouse (Dutch message, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from metrics.periode import PeriodeFout, lees_periode
from report.inhoud import OnbekendeGemeente, gemeente_code
from report.pdf import onepager_pdf
from settings import load_settings


def main(argv: Sequence[str] | None = None) -> int:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m report", description="Afdrukken voor de raad.")
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("onepager", help="Raadsnotitie (pdf, hoogstens twee A4) per gemeente of voor het hele team")
    one.add_argument("--gemeente", help="naam van de gemeente (zonder: het hele team)")
    one.add_argument("--periode", required=True, help="bijv. 2022, 2022-Q3, 2022-03 of 2021-01-01..2022-06-30")
    one.add_argument("--out", required=True, type=Path, help="het pdf-bestand dat wordt geschreven")
    one.add_argument("--team", default="KIT", help="teamcode (standaard KIT)")
    one.add_argument("--warehouse", type=Path, default=settings.warehouse_path)
    args = parser.parse_args(argv)

    try:
        periode = lees_periode(args.periode)
    except PeriodeFout as fout:
        print(f"--periode: {fout}", file=sys.stderr)
        return 2
    if not args.warehouse.exists():
        print(f"Geen warehouse op {args.warehouse}: voer eerst `python -m etl load` uit.", file=sys.stderr)
        return 2
    con = duckdb.connect(str(args.warehouse), read_only=True)
    try:
        teams = [r[0] for r in con.execute("SELECT code FROM ref_team ORDER BY periode_start").fetchall()]
        if args.team not in teams:
            print(f"--team: '{args.team}' is onbekend; kies uit {', '.join(teams)}.", file=sys.stderr)
            return 2
        code = None
        if args.gemeente:
            try:
                code, _ = gemeente_code(con, args.gemeente)
            except OnbekendeGemeente as fout:
                print(f"--gemeente: {fout}", file=sys.stderr)
                return 2
        pdf = onepager_pdf(con, args.team, code, periode, settings.browser_path)
    finally:
        con.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    print(f"Raadsnotitie geschreven: {args.out} ({len(pdf) // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
