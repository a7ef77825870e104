"""Command line: `python -m etl load|history|rollback|rebuild|retention|template|contract|marts|demo` (--help)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from access.files import OpenFileError, owner_only


def _load(args: argparse.Namespace) -> int:
    from access.audit import AuditLog, operator
    from etl.guard import Limits
    from etl.load import LoadRefused, load_raw
    from settings import load_settings

    settings = load_settings()
    try:
        report = load_raw(
            Path(args.raw_dir) if args.raw_dir else settings.raw_dir,
            Path(args.warehouse) if args.warehouse else settings.warehouse_path,
            mappings_dir=Path(args.mappings) if args.mappings else settings.mappings_dir,
            key_path=settings.pseudonym_key_path,
            reference_dir=settings.reference_dir,
            progress=True,
            remove_all=args.remove_all,
            limits=Limits.from_settings(settings),
            new_key=args.new_key,
            archive_dir=settings.archive_dir,
        )
    except (LoadRefused, OpenFileError) as exc:
        print(f"Laden geweigerd: {exc}", file=sys.stderr)
        AuditLog(settings.audit_log_path).write("laden", operator(), subject=str(args.raw_dir or settings.raw_dir),
                                                details=f"geweigerd: {exc}")
        return 3
    AuditLog(settings.audit_log_path).write("laden", operator(), subject=str(args.raw_dir or settings.raw_dir),
                                            details=report.summary().splitlines()[0] if report.summary() else "")
    return 0 if report.ok else 1


def _history(args: argparse.Namespace) -> int:
    import duckdb

    from etl.archive import versions
    from settings import load_settings

    settings = load_settings()
    warehouse = Path(args.warehouse) if args.warehouse else settings.warehouse_path
    in_force: set[tuple[str, str]] = set()
    if warehouse.exists():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            in_force = set(con.execute("SELECT bestand, sha256 FROM meta_bestand").fetchall())
    found = versions(settings.archive_dir, args.bestand)
    if not found:
        print(f"Geen gearchiveerde versies in {settings.archive_dir}.", file=sys.stderr)
        return 1
    width = max(len(v.bestand) for v in found)
    print(f"{'bestand':<{width}}  {'geladen op':<19}  {'sha256':<12}  {'rijen':>6}  in gebruik")
    for v in found:
        mark = "ja" if (v.bestand, v.sha256) in in_force else ""
        print(f"{v.bestand:<{width}}  {v.geladen_op:%Y-%m-%d %H:%M:%S}  {v.sha256[:12]}  {v.rijen:>6}  {mark}")
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from access.audit import AuditLog, operator
    from etl.load import LoadRefused, rollback
    from settings import load_settings

    settings = load_settings()
    log = AuditLog(settings.audit_log_path)
    try:
        version = rollback(Path(args.warehouse) if args.warehouse else settings.warehouse_path,
                           settings.archive_dir, settings.raw_dir, settings.reference_dir, args.bestand, args.sha)
    except LoadRefused as exc:
        print(f"Terugzetten geweigerd: {exc}", file=sys.stderr)
        log.write("terugzetten", operator(), subject=args.bestand, details=f"geweigerd: {exc}")
        return 3
    log.write("terugzetten", operator(), subject=version.bestand,
              details=f"versie {version.sha256} van {version.geladen_op:%Y-%m-%d %H:%M:%S}, {version.rijen} rijen")
    print(f"{version.bestand}: versie {version.sha256[:12]} van {version.geladen_op:%d-%m-%Y %H:%M} "
          f"({version.rijen} rijen) staat weer in het warehouse; het bestand in de ruwe map wordt pas weer gelezen "
          "als het verandert")
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    from access.audit import AuditLog, operator
    from etl.load import LoadRefused
    from etl.rebuild import rebuild_from_archive
    from settings import load_settings

    settings = load_settings()
    warehouse = Path(args.warehouse) if args.warehouse else settings.warehouse_path
    log = AuditLog(settings.audit_log_path)
    try:
        done = rebuild_from_archive(warehouse, settings.archive_dir, settings.reference_dir,
                                    settings.pseudonym_key_path)
    except (LoadRefused, OpenFileError) as exc:
        print(f"Herbouwen geweigerd: {exc}", file=sys.stderr)
        log.write("herbouwen", operator(), subject=str(warehouse), details=f"geweigerd: {exc}")
        return 3
    bron = ("de versies in gebruik volgens het vorige warehouse" if done.bron == "meta_bestand"
            else "de nieuwste versie van elk bestand (er was geen leesbaar warehouse)")
    rijen = sum(v.rijen for v in done.versions)
    print(f"Warehouse {warehouse} herbouwd uit het archief {settings.archive_dir}: {len(done.versions)} bestanden, "
          f"{rijen} rijen; gekozen: {bron}.")
    for v in done.versions:
        print(f"  {v.bestand}  {v.sha256[:12]}  {v.rijen} rijen")
    log.write("herbouwen", operator(), subject=str(warehouse),
              details=f"{len(done.versions)} bestanden, {rijen} rijen uit {done.bron}")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from access.audit import AuditLog, operator
    from etl.load import LoadRefused
    from etl.retention import Terms, apply_retention, find_outside
    from settings import load_settings

    settings = load_settings()
    warehouse = Path(args.warehouse) if args.warehouse else settings.warehouse_path
    terms = Terms.from_settings(settings)
    log = AuditLog(settings.audit_log_path)
    try:
        if args.uitvoeren:
            outside = apply_retention(warehouse, settings.raw_dir, settings.archive_dir, settings.reference_dir, terms)
        else:
            outside = find_outside(warehouse, settings.raw_dir, settings.archive_dir, terms)
    except (LoadRefused, OpenFileError) as exc:
        print(f"Bewaartermijn geweigerd: {exc}", file=sys.stderr)
        log.write("bewaartermijn", operator(), subject=str(warehouse), details=f"geweigerd: {exc}")
        return 3
    rows = sum(n for _, _, n in outside.persons)
    print(f"Bewaartermijnen (settings.py): persoonsgegevens {terms.person_years} jaar na het jaar van de gebeurtenis "
          f"(jaren t/m {outside.last_year} vallen erbuiten), ruwe werkmappen {terms.raw_days} dagen na het laden, "
          f"archiefversies die niet meer gelden {terms.archive_days} dagen.")
    done = args.uitvoeren
    print(f"Persoonsgegevens buiten de termijn ({'geanonimiseerd' if done else 'worden geanonimiseerd'}: "
          f"pseudoniemen vervangen, vrije tekst leeg; de rijen en tellingen blijven): {rows} rijen")
    for table, year, n in outside.persons:
        print(f"  {table:<20} {year}  {n:>6} rijen")
    print(f"Ruwe werkmappen buiten de termijn ({'verwijderd' if done else 'worden verwijderd'}; de gepseudonimiseerde "
          f"rijen blijven in het warehouse en het archief): {len(outside.raw)}")
    for bestand, loaded in outside.raw:
        print(f"  {bestand}  geladen op {loaded:%d-%m-%Y}")
    print(f"Archiefversies die niet meer gelden, buiten de termijn ({'verwijderd' if done else 'worden verwijderd'}): "
          f"{len(outside.archive)}")
    for v in outside.archive:
        print(f"  {v.bestand}  {v.sha256[:12]}  geladen op {v.geladen_op:%d-%m-%Y}")
    if not done:
        print("Er is niets veranderd. Voer uit met: python -m etl retention --uitvoeren")
    summary = (f"{rows} rijen persoonsgegevens, {len(outside.raw)} ruwe werkmappen, "
               f"{len(outside.archive)} archiefversies")
    log.write("bewaartermijn", operator(), subject=str(warehouse),
              details=("uitgevoerd: " if done else "getoond (niets veranderd): ") + summary)
    return 0


def _template(args: argparse.Namespace) -> int:
    from etl.template import write_templates

    for path in write_templates(Path(args.out_dir)):
        print(path)
    return 0


def _contract(args: argparse.Namespace) -> int:
    from etl.contract_doc import render

    sys.stdout.write(render())
    return 0


def _marts(args: argparse.Namespace) -> int:
    from etl.marts import catalogue_markdown

    sys.stdout.write(catalogue_markdown())
    return 0


def _demo(args: argparse.Namespace) -> int:
    from etl.demo import generate
    from settings import load_settings

    settings = load_settings()
    out_dir = Path(args.out_dir) if args.out_dir else settings.raw_dir
    for path in generate(out_dir, args.seed, reference_dir=settings.reference_dir):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    owner_only()  # the warehouse and the key are created readable by their owner only
    """Parse `argv` and run the subcommand; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m etl", description="KIT-dashboard: laden van partnerbestanden")
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="laad de ruwe map in het warehouse")
    load.add_argument("raw_dir", nargs="?", help="ruwe map (standaard uit settings.py)")
    load.add_argument("--warehouse", help="pad van het warehouse (standaard uit settings.py)")
    load.add_argument("--mappings", help="map met partnerlayouts (standaard etl/mappings)")
    load.add_argument("--remove-all", action="store_true",
                      help="sta toe dat deze laadronde alle geladen bestanden verwijdert (lege ruwe map)")
    load.add_argument("--new-key", action="store_true",
                      help="bouw alles opnieuw op met een nieuwe pseudoniemsleutel (alle pseudoniemen veranderen)")
    load.set_defaults(func=_load)
    history = sub.add_parser("history", help="toon de gearchiveerde versies van de geladen bestanden")
    history.add_argument("bestand", nargs="?", help="alleen dit bestand (pad relatief aan de ruwe map)")
    history.add_argument("--warehouse", help="pad van het warehouse (standaard uit settings.py)")
    history.set_defaults(func=_history)
    back = sub.add_parser("rollback", help="zet een eerdere versie van een bestand terug in het warehouse")
    back.add_argument("bestand", help="pad relatief aan de ruwe map, bijv. kit/controles_2021.xlsx")
    back.add_argument("sha", help="sha256 (of het begin ervan) van de versie, uit python -m etl history")
    back.add_argument("--warehouse", help="pad van het warehouse (standaard uit settings.py)")
    back.set_defaults(func=_rollback)
    again = sub.add_parser("rebuild", help="bouw het warehouse opnieuw op uit het archief (zonder de ruwe map)")
    again.add_argument("--warehouse", help="pad van het warehouse (standaard uit settings.py)")
    again.set_defaults(func=_rebuild)
    keep = sub.add_parser("retention", help="toon (en verwijder met --uitvoeren) wat buiten de bewaartermijnen valt")
    keep.add_argument("--uitvoeren", action="store_true",
                      help="anonimiseer en verwijder wat buiten de termijnen valt (zonder deze optie: alleen tonen)")
    keep.add_argument("--warehouse", help="pad van het warehouse (standaard uit settings.py)")
    keep.set_defaults(func=_retention)
    template = sub.add_parser("template", help="schrijf lege sjablonen per soort bestand")
    template.add_argument("out_dir")
    template.set_defaults(func=_template)
    contract = sub.add_parser("contract", help="druk het datacontract af als Markdown")
    contract.set_defaults(func=_contract)
    marts = sub.add_parser("marts", help="druk de kolommen van de marts (met eenheid) af als Markdown")
    marts.set_defaults(func=_marts)
    demo = sub.add_parser("demo", help="schrijf synthetische demodata")
    demo.add_argument("out_dir", nargs="?", help="doelmap (standaard de ruwe map uit settings.py)")
    demo.add_argument("--seed", type=int, default=42)
    demo.set_defaults(func=_demo)
    args = parser.parse_args(argv)
    from etl.mapping import MappingError

    try:
        return args.func(args)
    except MappingError as exc:
        print(f"Fout in een mapping (etl/mappings): {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
