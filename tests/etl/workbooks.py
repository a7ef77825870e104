"""Helpers for the ETL tests: write small synthetic workbooks and run the loader on tmp paths."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook

from etl.load import LoadReport, load_raw
from settings import REFERENCE_DIR

TODAY = date(2024, 1, 1)
AVOND_HEADER = ["controleavond_id", "datum", "team", "gemeente", "thema", "aanwezige_partners", "aantal_deelnemers"]
BEZOEK_HEADER = ["bezoek_id", "controleavond_id", "adres", "postcode", "object_type", "eigenaar", "aantal_personen"]


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write `sheets` (name -> rows, header included) as an .xlsx at `path`."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def avonden(prefix: str = "KIT-", n: int = 2, gemeente: str = "Bladel") -> list[list[object]]:
    """A valid Controleavonden sheet (synthetic)."""
    return [AVOND_HEADER] + [
        [f"{prefix}{i}", date(2021, 3, i), "KIT", gemeente, "huisvesting arbeidsmigranten", "Gemeente; Politie; UWV", 8]
        for i in range(1, n + 1)
    ]


def bezoeken(prefix: str = "KIT-", n: int = 2) -> list[list[object]]:
    """A valid Bezoeken sheet: one visit per evening of `avonden(prefix, n)` (synthetic addresses)."""
    return [BEZOEK_HEADER] + [
        [f"B{prefix}{i}", f"{prefix}{i}", f"Teststraat {i}", "5531 AB", "woning", "Verhuur BV Test", 3]
        for i in range(1, n + 1)
    ]


def controles(path: Path, prefix: str = "KIT-", n: int = 2, gemeente: str = "Bladel") -> Path:
    """A valid controles workbook in the contract layout."""
    return write_workbook(path, {"Controleavonden": avonden(prefix, n, gemeente), "Bezoeken": bezoeken(prefix, n)})


def run(paths: dict[str, Path]) -> LoadReport:
    """Load paths['raw'] into paths['warehouse'] with the test's key and mappings folder."""
    return load_raw(paths["raw"], paths["warehouse"], mappings_dir=paths["mappings"], key_path=paths["key"],
                    reference_dir=REFERENCE_DIR, today=TODAY)


def query(paths: dict[str, Path], sql: str) -> list[tuple]:
    """Run `sql` read-only on the test warehouse."""
    with duckdb.connect(str(paths["warehouse"]), read_only=True) as con:
        return con.execute(sql).fetchall()


def rules(report: LoadReport, bestand: str) -> list[str]:
    """The rule codes of the problems of one file."""
    return [p.regel for p in report.file(bestand).problems]
