"""Write demo workbooks reproducibly: fixed document properties and fixed zip timestamps.

openpyxl's own `save` stamps the current time into docProps/core.xml and into every zip entry, so
two runs with the same seed would differ byte for byte. Here the workbook is written through
openpyxl's ExcelWriter into memory and re-zipped with a fixed timestamp, so regenerating with the same
seed gives identical files (and no spurious git diffs).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2023, 1, 1, 12, 0, 0)
"""Creation and modification time written into every demo workbook."""

SYNTHETIC_NOTE = (
    "LET OP: dit bestand bevat SYNTHETISCHE DEMODATA, gegenereerd door `python -m etl demo` (seed {seed}). "
    "Alle namen, adressen, verhuurders, BSN's en bedragen zijn verzonnen; er staan geen echte personen in."
)


@dataclass
class SheetData:
    """One sheet to write: headers on `header_row`, optional title rows above, then the rows."""

    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    title_rows: Sequence[str] = field(default_factory=tuple)
    header_row: int = 1
    date_format: str = "DD-MM-YYYY"


def write_workbook(path: Path, sheets: Sequence[SheetData], title: str, seed: int) -> Path:
    """Write `sheets` to `path` after a first sheet "Let op" that says the data is synthetic.

    Date and datetime cells get `date_format`; the document title and description carry the same note.
    """
    wb = Workbook()
    note = wb.active
    note.title = "Let op"
    note["A1"] = title
    note["A1"].font = Font(bold=True, size=14)
    note["A2"] = SYNTHETIC_NOTE.format(seed=seed)
    note["A3"] = "Zie data/raw/README.md voor hoe deze bestanden zijn gemaakt."
    note.column_dimensions["A"].width = 120
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        for i, text in enumerate(spec.title_rows, start=1):
            ws.cell(row=i, column=1, value=text).font = Font(bold=True)
        for j, header in enumerate(spec.headers, start=1):
            ws.cell(row=spec.header_row, column=j, value=header).font = Font(bold=True)
            ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = max(12, len(header) + 2)
        for i, row in enumerate(spec.rows, start=spec.header_row + 1):
            for j, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=i, column=j, value=value)
                if isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = spec.date_format
    props = wb.properties
    props.title = title
    props.description = SYNTHETIC_NOTE.format(seed=seed)
    props.creator = "KIT-dashboard demo generator"
    props.lastModifiedBy = "KIT-dashboard demo generator"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return path
