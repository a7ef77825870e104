"""Command line: `python -m report onepager [--gemeente NAME] --periode PERIOD --out FILE.pdf [--team KIT]
[--rol ROLE]`.

The same code as the download button on Overzicht. PERIOD is read by the filter's parser (`2022`, `2022-Q3`,
`2022-03`, `2021-01-01..2022-06-30`, `1-3-2021 t/m 30-6-2022`, ...); without --gemeente the whole team.
--rol is the role the one-pager is made for (default burgemeester: it goes to the council): for burgemeester and
stuurgroep small person counts are suppressed as on the dashboard, evaluator and beheerder get every count.
Written PDFs are recorded in the audit log (an export, by the operator). Exit code 0 with the PDF written; 2 on
bad input or a missing warehouse (Dutch message, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from access.audit import AuditLog, operator
from access.suppress import SUPPRESSED_ROLES
from metrics.periode import PeriodeFout, lees_periode
from report.inhoud import OnbekendeGemeente, gemeente_code
from report.pdf import onepager_pdf
from settings import load_settings
from ui.registry import ROLES


def main(argv: Sequence[str] | None = None) -> int:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m report", description="Afdrukken voor de raad.")
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("onepager", help="Raadsnotitie (pdf, hoogstens twee A4) per gemeente of voor het hele team")
    one.add_argument("--gemeente", help="naam van de gemeente (zonder: het hele team)")
    one.add_argument("--periode", required=True, help="bijv. 2022, 2022-Q3, 2022-03 of 2021-01-01..2022-06-30")
    one.add_argument("--out", required=True, type=Path, help="het pdf-bestand dat wordt geschreven")
    one.add_argument("--team", default="KIT", help="teamcode (standaard KIT)")
    one.add_argument("--rol", choices=ROLES, default="burgemeester",
                     help="voor wie (standaard burgemeester): burgemeester en stuurgroep zien kleine aantallen "
                     "personen als <5, evaluator en beheerder alle aantallen")
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
        teams = [r[0] for r in con.execute("SELECT code FROM dim_team ORDER BY periode_start").fetchall()]
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
        drempel = settings.small_count_threshold if args.rol in SUPPRESSED_ROLES else None
        pdf = onepager_pdf(con, args.team, code, periode, settings.browser_path, drempel)
    finally:
        con.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    AuditLog(settings.audit_log_path).write("export", operator(), args.rol, args.out.name,
                                            f"raadsnotitie {args.team} {args.gemeente or 'alle gemeenten'} "
                                            f"{args.periode}")
    print(f"Raadsnotitie geschreven: {args.out} ({len(pdf) // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
