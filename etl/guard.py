"""Checks on a raw workbook before it is parsed: size, zip directory, sheet extents, error cells, hidden sheets.

A partner file may be careless or hostile. Before calamine parses a workbook (and allocates memory for
every cell of the range a sheet claims), this module checks, without unpacking the file into memory:

- the file size (settings.max_file_bytes, default 50 MB);
- the zip directory of an .xlsx/.xlsm: total unpacked size and compression ratio (zip bombs);
- per sheet the range its <dimension> claims and the cells it really holds (read as a stream, row by row),
  against settings.max_sheet_cells;
- on that same pass, cells holding an Excel error (#DIV/0!, #N/A ...; calamine returns them as empty) and
  formulas without a cached value (a file saved by a program that does not calculate);
- which sheets are hidden.

Limits refuse the file with a ReadError; cells and hidden sheets are returned as an `Inspection`, and the
loader decides whether they make data wrong (a cell in a column it reads) or only merit a note.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from etl.read import ReadError

MB = 1 << 20
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
_MAX_WORKBOOK_XML = 10 * MB
_CHUNK = 4 * MB
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
"""The reference of a cell tag (the first r= among its attributes, as `_REF` finds it in `_CELL`'s group 1)."""
_ERROR_TYPE = b't="e"'
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]{1,3})?([0-9]{1,7})?(?::([A-Z]{1,3})([0-9]{1,7}))?"')


@dataclass(frozen=True)
class Limits:
    """What a raw file may be at most (settings.py: max_file_bytes and friends)."""

    max_file_bytes: int = 50 * MB
    max_unpacked_bytes: int = 400 * MB
    max_compression_ratio: float = 100.0
    max_sheet_cells: int = 3_000_000

    @classmethod
    def from_settings(cls, settings: object) -> Limits:
        """The limits configured in settings.py."""
        return cls(int(settings.max_file_mb * MB), int(settings.max_unpacked_mb * MB),
                   float(settings.max_compression_ratio), int(settings.max_sheet_cells))


@dataclass(frozen=True)
class FlaggedCell:
    """A cell whose value cannot be trusted: an Excel error or a formula without a calculated value."""

    blad: str
    rij: int
    positie: int
    """0-based column position (A = 0)"""
    waarde: str
    regel: str
    """excel_fout | formule_zonder_waarde"""


@dataclass
class Inspection:
    """What the checks found that is not a reason to refuse the file outright."""

    flagged: dict[str, list[FlaggedCell]] = field(default_factory=dict)
    """sheet name -> cells"""
    hidden: list[str] = field(default_factory=list)
    """names of hidden sheets"""


def size_text(n: float) -> str:
    """A size for a message, Dutch style: '5,7 kB', '52,0 MB'."""
    value, unit = (n / MB, "MB") if n >= MB else (n / 1024, "kB")
    return f"{value:.1f} {unit}".replace(".", ",")


def column_number(letters: bytes | str) -> int:
    """1-based column number of a column name: A -> 1, XFD -> 16384."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(char) - 64
    return number


def inspect_workbook(path: Path, limits: Limits) -> Inspection:
    """Check `path` against `limits` before parsing; ReadError when it must be refused."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ReadError("te_groot", f"bestand is te groot ({size_text(size)}; de grens is "
                        f"{size_text(limits.max_file_bytes)}); lever de gegevens in kleinere bestanden aan")
    with open(path, "rb") as handle:
        is_zip = handle.read(4) == b"PK\x03\x04"
    if not is_zip:
        return _inspect_xls(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_directory(archive, size, limits)
            sheets, hidden = _sheet_parts(archive)
            inspection = Inspection(hidden=hidden)
            for name, part in sheets:
                flagged = _scan_sheet(archive, name, part, limits)
                if flagged:
                    inspection.flagged[name] = flagged
            return inspection
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, EOFError, OSError):
        raise ReadError("corrupt", "bestand kan niet gelezen worden: het zip-archief of de werkmap is beschadigd; "
                        "open het in Excel, sla het opnieuw op als .xlsx en lever het opnieuw aan") from None


def _check_directory(archive: zipfile.ZipFile, size: int, limits: Limits) -> None:
    """Refuse a zip whose directory announces too many unpacked bytes or a bomb-like compression ratio."""
    entries = archive.infolist()
    unpacked = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    worst = max(entries, key=lambda e: e.file_size / max(e.compress_size, 1), default=None)
    if unpacked > limits.max_unpacked_bytes:
        raise ReadError("zipbom", f"bestand pakt uit tot {size_text(unpacked)} (grens "
                        f"{size_text(limits.max_unpacked_bytes)}); zo groot is een werkmap met tabelgegevens niet. "
                        "Lever de gegevens in kleinere bestanden aan")
    if worst is not None and worst.file_size > MB:
        ratio = worst.file_size / max(worst.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            raise ReadError("zipbom", f"onderdeel {worst.filename} is {ratio:.0f} keer samengeperst (grens "
                            f"{limits.max_compression_ratio:.0f}); het bestand lijkt een zip-bom en wordt niet "
                            "geopend. Sla het in Excel opnieuw op en lever het opnieuw aan")
    if packed > size * 2 + MB:
        raise ReadError("corrupt", "de inhoudsopgave van het zip-archief klopt niet met het bestand; het is "
                        "beschadigd: sla het in Excel opnieuw op en lever het opnieuw aan")


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > _MAX_WORKBOOK_XML:
        raise ReadError("zipbom", f"onderdeel {name} is onwaarschijnlijk groot ({info.file_size / MB:.0f} MB)")
    return archive.read(info)


def _sheet_parts(archive: zipfile.ZipFile) -> tuple[list[tuple[str, str]], list[str]]:
    """(sheet name, part name in the zip) of every worksheet, and the names of hidden sheets."""
    workbook = ElementTree.fromstring(_read_small(archive, "xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in archive.namelist():
        for rel in ElementTree.fromstring(_read_small(archive, rels_name)).findall("p:Relationship", _NS):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            targets[rel.get("Id", "")] = part
    sheets, hidden = [], []
    for sheet in workbook.findall("m:sheets/m:sheet", _NS):
        name = sheet.get("name", "")
        if sheet.get("state", "visible") != "visible":
            hidden.append(name)
        part = targets.get(sheet.get(f"{{{_NS['r']}}}id", ""))
        if part and part in archive.namelist():
            sheets.append((name, part))
    return sheets, hidden


def _too_many(name: str, rows: int, cols: int, limits: Limits, what: str) -> ReadError:
    return ReadError("blad_te_groot", f"blad '{name}' {what} {rows:,} rijen x {cols:,} kolommen "
                     f"({rows * cols:,} cellen; grens {limits.max_sheet_cells:,}); zo'n blad kan niet veilig "
                     "gelezen worden. Verwijder lege rijen en kolommen (of kopieer de gegevens naar een nieuw "
                     "blad) en lever het bestand opnieuw aan".replace(",", "."))


def _scan_sheet(archive: zipfile.ZipFile, name: str, part: str, limits: Limits) -> list[FlaggedCell]:
    """Stream one worksheet's XML: check its claimed and real extent, collect error cells and empty formulas."""
    flagged: list[FlaggedCell] = []
    max_row = max_col = 0
    carry = b""
    first = True
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            buffer = carry + chunk
            if first:
                first = False
                dim = _DIMENSION.search(buffer, 0, 20_000)
                if dim and dim.group(3):
                    rows = int(dim.group(4)) - int(dim.group(2) or 1) + 1
                    cols = column_number(dim.group(3)) - column_number(dim.group(1) or b"A") + 1
                    if rows * cols > limits.max_sheet_cells:
                        raise _too_many(name, rows, cols, limits, "zegt")
            if chunk:
                ends = list(_ROW_END.finditer(buffer))
                if not ends:
                    carry = buffer
                    continue
                cut = ends[-1].end()
                piece, carry = buffer[:cut], buffer[cut:]
            else:
                piece, carry = buffer, b""
            if _ERROR_TYPE not in piece and not _has_formula(piece):
                max_row, max_col = _extent(piece, max_row, max_col)
            else:
                max_row, max_col = _scan_cells(name, piece, flagged, max_row, max_col)
            if max_row * max_col > limits.max_sheet_cells:
                raise _too_many(name, max_row, max_col, limits, "heeft cellen tot")
            if not chunk:
                return flagged


def _has_formula(piece: bytes) -> bool:
    """True when `piece` holds a formula tag (`_FORMULA`); the byte tests spare the regex most pieces."""
    return (b"<f" in piece or b":f" in piece) and _FORMULA.search(piece) is not None


def _extent(piece: bytes, max_row: int, max_col: int) -> tuple[int, int]:
    """The furthest row and column of the cells in `piece` (a run of whole rows without error cells or formulas)."""
    refs = _CELL_REF.findall(piece)
    if refs:
        max_row = max(max_row, *map(int, {row for _, row in refs}))
        max_col = max(max_col, *map(column_number, {letters for letters, _ in refs}))
    return max_row, max_col


def _scan_cells(name: str, piece: bytes, flagged: list[FlaggedCell], max_row: int,
                max_col: int) -> tuple[int, int]:
    """Every cell of `piece` one by one: its extent, and the error cells and empty formulas added to `flagged`."""
    for cell in _CELL.finditer(piece):
        ref = _REF.search(cell.group(1))
        if ref is None:
            continue
        row, col = int(ref.group(2)), column_number(ref.group(1))
        max_row, max_col = max(max_row, row), max(max_col, col)
        body = cell.group(3) or b""
        kind = _TYPE.search(cell.group(1))
        kind_of = kind.group(1) if kind else b"n"
        value = _VALUE.search(body)
        if kind_of == b"e":
            shown = value.group(1).decode("utf-8", "replace") if value else "#fout"
            flagged.append(FlaggedCell(name, row, col - 1, shown, "excel_fout"))
        elif _FORMULA.search(body) and kind_of != b"str" and (value is None or not value.group(1).strip()):
            formula = re.search(rb"<(?:\w+:)?f\b[^>]*>(.*?)</(?:\w+:)?f>", body, re.S)
            text = "=" + formula.group(1).decode("utf-8", "replace") if formula else "(formule)"
            flagged.append(FlaggedCell(name, row, col - 1, text, "formule_zonder_waarde"))
    return max_row, max_col


def _inspect_xls(path: Path) -> Inspection:
    """Hidden sheets of an old .xls (its size is already bounded; it is not compressed)."""
    try:
        from python_calamine import CalamineWorkbook, SheetVisibleEnum

        book = CalamineWorkbook.from_path(str(path))
        hidden = [m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible]
    except Exception:  # noqa: BLE001 - an unreadable file is reported by read_workbook
        hidden = []
    return Inspection(hidden=hidden)
