"""Command line: `python -m codering backup [FOLDER]` copies the coding store with SQLite's backup API."""

from __future__ import annotations

import argparse
from pathlib import Path

from access.files import owner_only
from codering.store import CodingStore
from settings import load_settings


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the command; returns the exit code."""
    owner_only()  # the backup copy is readable by its owner only
    parser = argparse.ArgumentParser(prog="python -m codering", description="Beheer van de coderingsopslag.")
    sub = parser.add_subparsers(dest="command", required=True)
    backup = sub.add_parser("backup", help="Maak een reservekopie van de coderingsopslag.")
    backup.add_argument("folder", nargs="?", type=Path, help="Map voor de kopie (standaard: naast de opslag, backups/)")
    args = parser.parse_args(argv)
    store_path = load_settings().coding_db_path
    if not store_path.exists():
        print(f"Geen coderingsopslag gevonden op {store_path}.")
        return 1
    folder = args.folder or store_path.parent / "backups"
    target = CodingStore(store_path).backup_to_folder(folder)
    print(f"Reservekopie geschreven: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
