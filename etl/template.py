"""Empty template workbooks in the contract layout, one per kind (`python -m etl template OUTDIR`)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from etl import contract
from etl.contract import Column, Kind, Sheet

TYPE_UITLEG = {
    "text": "tekst", "int": "geheel getal", "decimal": "getal (12,5 of 12.5)", "date": "datum",
    "jn": "ja / nee / onbekend", "enum": "keuze uit de lijst", "gemeente": "gemeentenaam",
    "partner": "partnerorganisatie", "partners": "partnerorganisaties, gescheiden door ;",
    "team": "team (KIT-pilot, KIT of PIT)", "thema": "thema",
    "postcode": "postcode (alleen de 4 cijfers worden bewaard)",
    "pseudonym": "persoonsgegeven (wordt gepseudonimiseerd)",
    "bsn": "BSN (wordt nooit opgeslagen)",
}
UITLEG_HEADERS = ("blad", "kolom", "omschrijving", "type", "eenheid", "toegestane waarden", "verplicht")


def template_path(out_dir: Path, k: Kind) -> Path:
    """Where the template of kind `k` is written."""
    return out_dir / f"sjabloon_{k.name}.xlsx"


def _explain(sheet_name: str, col: Column) -> list[str]:
    allowed = ", ".join(col.allowed)
    if col.ref:
        allowed = f"moet bestaan in {col.ref}"
    elif not allowed and (col.minimum is not None or col.maximum is not None):
        bounds = [f"minimaal {col.minimum:g}" if col.minimum is not None else "",
                  f"maximaal {col.maximum:g}" if col.maximum is not None else ""]
        allowed = ", ".join(b for b in bounds if b)
    return [sheet_name, col.name, col.description, TYPE_UITLEG[col.type], col.unit or "", allowed,
            "ja" if col.required else "nee"]


def template_columns(sheet: Sheet) -> list[Column]:
    """The columns a partner fills in: every contract column except a BSN column (BSNs are not delivered)."""
    return [col for col in sheet.columns if col.type != "bsn"]


def write_template(k: Kind, path: Path) -> Path:
    """Write the template of one kind: a sheet per contract sheet (bold frozen header) and a sheet 'Uitleg'."""
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for sheet in k.sheets:
        ws = wb.create_sheet(sheet.name)
        columns = template_columns(sheet)
        ws.append([col.name for col in columns])
        for index, col in enumerate(columns, start=1):
            ws.cell(row=1, column=index).font = bold
            ws.column_dimensions[get_column_letter(index)].width = max(14, len(col.name) + 4)
        ws.freeze_panes = "A2"
    uitleg = wb.create_sheet("Uitleg")
    uitleg.append(list(UITLEG_HEADERS))
    for sheet in k.sheets:
        for col in template_columns(sheet):
            uitleg.append(_explain(sheet.name, col))
    for index, width in enumerate((16, 24, 60, 28, 14, 50, 10), start=1):
        uitleg.cell(row=1, column=index).font = bold
        uitleg.column_dimensions[get_column_letter(index)].width = width
    uitleg.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_templates(out_dir: Path) -> list[Path]:
    """Write one template per kind into `out_dir`; return the paths."""
    return [write_template(k, template_path(Path(out_dir), k)) for k in contract.KINDS]
