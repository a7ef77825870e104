"""Read a raw workbook and find each contract sheet in it: the partner's sheet, header row and columns.

Workbooks are read with pandas' calamine engine (python-calamine, much faster than openpyxl; see
benchmarks/bench_readers.py), all cells as Python objects, without a header, so that the Excel row
number of every cell is known (frame index + 1).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

import pandas as pd

from etl.contract import Sheet
from etl.mapping import Mapping
from etl.parse import Problem, is_empty, norm, problem

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
CFB_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK\x03\x04"
HEADER_SEARCH_ROWS = 15


class ReadError(Exception):
    """The file as a whole cannot be read; carries the rule and the Dutch reason."""

    def __init__(self, regel: str, reden: str) -> None:
        super().__init__(reden)
        self.regel = regel
        self.reden = reden


def sniff(path: Path) -> None:
    """Raise ReadError when `path` is not a readable Excel workbook (wrong kind, encrypted, corrupt)."""
    suffix = path.suffix.lower()
    with open(path, "rb") as handle:
        head = handle.read(8)
    if suffix not in EXCEL_SUFFIXES:
        _wrong_extension(path, suffix, head)
        raise ReadError("geen_excel",
                        f"geen Excel-bestand (extensie '{suffix or 'geen'}'; verwacht .xlsx, .xlsm of .xls)")
    if suffix == ".xls":
        if not head.startswith(CFB_MAGIC):
            raise ReadError("corrupt", "geen geldig Excel-bestand: beschadigd of geen .xls-opmaak")
        return
    if head.startswith(CFB_MAGIC):
        raise ReadError("beveiligd",
                        "bestand is beveiligd met wachtwoord (versleuteld); lever het aan zonder wachtwoord")
    if not head.startswith(ZIP_MAGIC):
        raise ReadError("corrupt", "geen geldig Excel-bestand: beschadigd of geen xlsx-opmaak")
    try:
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise ReadError("corrupt", "geen geldig Excel-bestand: een zip-bestand zonder Excel-werkmap")
    except zipfile.BadZipFile:
        raise ReadError("corrupt", "geen geldig Excel-bestand: beschadigd zip-archief") from None


def _wrong_extension(path: Path, suffix: str, head: bytes) -> None:
    """Raise ReadError when a file without an Excel extension is an Excel workbook after all."""
    ext = f"met de extensie {path.suffix}" if suffix else "zonder extensie"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                is_workbook = "xl/workbook.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_workbook = False
        if is_workbook:
            raise ReadError("verkeerde_extensie", f"dit is een Excel-bestand {ext}: hernoem het naar .xlsx")
    if head.startswith(CFB_MAGIC):
        raise ReadError("verkeerde_extensie",
                        f"dit lijkt een (oud of beveiligd) Excel-bestand {ext}: hernoem het naar .xls, of sla het "
                        "in Excel opnieuw op als .xlsx zonder wachtwoord")


def read_workbook(path: Path) -> dict[str, pd.DataFrame]:
    """Every sheet of the workbook as a frame of raw cell values, row i is Excel row i + 1."""
    sniff(path)
    try:
        return pd.read_excel(path, sheet_name=None, header=None, engine="calamine", dtype=object)
    except Exception:  # noqa: BLE001 - any reader failure means the file cannot be loaded
        raise ReadError("corrupt", "bestand kan niet gelezen worden: het is beschadigd of geen geldig Excel-bestand; "
                        "open het in Excel, sla het opnieuw op als .xlsx en lever het opnieuw aan") from None


def is_pattern(sheet_name: str) -> bool:
    """True when a mapping's sheet name is a pattern such as 'Avonden *' (characters * ? [)."""
    return any(char in sheet_name for char in "*?[")


@dataclass
class Located:
    """A contract sheet found in a workbook."""

    sheet: Sheet
    blad: str
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    """contract column -> position in the frame"""
    headers: dict[str, str] = field(default_factory=dict)
    """contract column -> the partner's header text"""
    extra: dict[int, str] = field(default_factory=dict)
    """position -> header of delivered columns the contract does not know"""
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    """(Excel row number, cells) of every non-empty data row"""


def _candidates(sheet: Sheet, mapping: Mapping) -> dict[str, set[str]]:
    """Normalised header spellings per contract column (constants are not looked for)."""
    sm = mapping.sheet(sheet.name)
    result: dict[str, set[str]] = {}
    for col in sheet.columns:
        if col.name in sm.constants:
            continue
        if col.name in sm.columns:
            result[col.name] = {norm(sm.columns[col.name])}
        else:
            result[col.name] = {norm(col.name), *(norm(s) for s in col.synonyms)}
    return result


def _match_row(cells: list[object], candidates: dict[str, set[str]]) -> dict[str, int]:
    found: dict[str, int] = {}
    taken: set[int] = set()
    for col, spellings in candidates.items():
        for pos, cell in enumerate(cells):
            if pos not in taken and not is_empty(cell) and norm(cell) in spellings:
                found[col] = pos
                taken.add(pos)
                break
    return found


def locate(frames: dict[str, pd.DataFrame], sheet: Sheet, mapping: Mapping, bestand: str) -> Located | list[Problem]:
    """Find contract `sheet` in the workbook per `mapping`; return it located, or the problems why not."""
    sm = mapping.sheet(sheet.name)
    by_name = {norm(name): name for name in frames}
    blad = by_name.get(norm(sm.sheet))
    if blad is None and is_pattern(sm.sheet):
        matches = [name for name in frames if fnmatchcase(norm(name), norm(sm.sheet))]
        if len(matches) > 1:
            return [problem(bestand, "blad_dubbel",
                            f"meer dan één blad past bij '{sm.sheet}' (volgens mapping '{mapping.name}'): "
                            f"{', '.join(matches)}; laat er één over of lever ze in aparte bestanden")]
        blad = matches[0] if matches else None
    if blad is None:
        label = f"'{sm.sheet}'" if norm(sm.sheet) == norm(sheet.name) else f"'{sm.sheet}' ({sheet.name})"
        return [problem(bestand, "blad_ontbreekt",
                        f"blad {label} ontbreekt; aanwezig: {', '.join(frames) or 'geen'}; voeg het blad toe of "
                        "geef het de juiste naam")]
    frame = frames[blad]
    cells = frame.values.tolist()
    if frame.empty or all(is_empty(cell) for row in cells for cell in row):
        return [problem(bestand, "blad_leeg", "blad is leeg; vul de gegevens in of lever het bestand niet aan",
                        blad=blad)]
    candidates = _candidates(sheet, mapping)
    required = [c.name for c in sheet.columns if c.required and c.name in candidates]
    if sm.header_row is not None:
        rows_to_try = [sm.header_row - 1] if sm.header_row - 1 < len(cells) else []
    else:
        rows_to_try = list(range(min(HEADER_SEARCH_ROWS, len(cells))))
    best: tuple[int, dict[str, int]] | None = None
    for index in rows_to_try:
        found = _match_row(cells[index], candidates)
        if all(col in found for col in required):
            best = (index, found)
            break
        hits = sum(col in found for col in required)
        if hits and (best is None or hits > sum(col in best[1] for col in required)):
            best = (index, found)
    where = f"rij {sm.header_row} (volgens mapping '{mapping.name}')" if sm.header_row else \
        f"de eerste {HEADER_SEARCH_ROWS} rijen"
    if best is None or (sm.header_row is None and 2 * sum(c in best[1] for c in required) < len(required)):
        return [problem(bestand, "kopregel_niet_gevonden",
                        f"kopregel niet gevonden: geen rij in {where} bevat de verplichte kolommen "
                        f"{', '.join(required)}", blad=blad)]
    index, found = best
    missing = [col for col in required if col not in found]
    if missing:
        return [problem(bestand, "kolom_ontbreekt",
                        f"verplichte kolom ontbreekt in de kopregel (rij {index + 1}); voeg een kolom toe met de "
                        f"kopnaam '{sm.columns.get(col, col)}'", blad=blad, kolom=col) for col in missing]
    header = cells[index]
    located = Located(sheet, blad, index + 1, found, {col: str(header[pos]).strip() for col, pos in found.items()})
    located.extra = {pos: str(cell).strip() for pos, cell in enumerate(header)
                     if pos not in found.values() and not is_empty(cell)}
    for offset, row in enumerate(cells[index + 1:], start=index + 2):
        if not all(is_empty(cell) for cell in row):
            located.rows.append((offset, row))
    if not located.rows:
        return [problem(bestand, "blad_leeg", f"blad bevat geen gegevensrijen onder de kopregel (rij {index + 1})",
                        blad=blad)]
    return located
