"""Turn delivered cell values into contract values: numbers, dates, yes/no, reference codes.

Every parser takes the raw cell value (whatever the Excel reader returned) and returns the clean
value, or raises `ValueError` with a short Dutch reason that ends up in the load summary.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from etl.contract import Column, Sheet
from etl.schema import read_reference

if TYPE_CHECKING:
    from etl.mapping import Mapping
    from etl.read import Located

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
EXCEL_EPOCH = date(1899, 12, 30)
_DASHES = re.compile(r"[\-‐‑‒–—_]+")
_SPACES = re.compile(r"\s+")
_TEXT_DATE = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_POSTCODE = re.compile(r"^(\d{4})\s*([a-z]{2})?$", re.IGNORECASE)
_BSN_CANDIDATE = re.compile(r"(?<!\d)(?<!\d[ .])\d(?:[ .]?\d){8}(?![ .]?\d)")
"""Nine digits, optionally split by single spaces or dots ("1234.56.782"), not part of a longer number."""


@dataclass(frozen=True)
class Format:
    """How a partner writes numbers, dates and yes/no (the [format] table of a mapping)."""

    date_order: str = "dmy"
    decimal_comma: bool = True
    yes: tuple[str, ...] = ("ja", "j", "yes", "y", "x", "1", "waar")
    no: tuple[str, ...] = ("nee", "n", "no", "0", "onwaar")
    unknown: tuple[str, ...] = ("onbekend", "?", "-", "weet niet", "wil niet zeggen")
    list_separator: str = ";"


def norm(value: object) -> str:
    """Normalise a name for matching: case-folded, dashes as spaces, single spaces."""
    text = _DASHES.sub(" ", str(value).casefold())
    return _SPACES.sub(" ", text).strip()


def is_empty(value: object) -> bool:
    """True for None, NaN and whitespace-only text."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def show(value: object) -> str:
    """The value as it appears in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    return str(value).strip()


def display(value: object) -> str:
    """The value for a message, as the partner typed it: dates as dd-mm-jjjj, whole numbers without '.0'."""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y") if value.time() == datetime.min.time() else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return dutch_date(value)
    return show(value)


def dutch_date(value: date) -> str:
    """A date as dd-mm-jjjj."""
    return value.strftime("%d-%m-%Y")


def dutch_number(value: float) -> str:
    """A number with Dutch thousands separators: 100000 -> '100.000'."""
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else str(value).replace(".", ",")


def parse_text(value: object) -> str:
    """Trimmed text; a whole float (an id typed as number) loses its '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return show(value)
    return _SPACES.sub(" ", str(value)).strip()


def parse_int(value: object) -> int:
    """A whole number: 3, 3.0 or "3"; words, fractions and "12,5" are rejected."""
    hint = "geen geheel getal; vul een heel getal in cijfers in, bijv. 3"
    if isinstance(value, bool):
        raise ValueError(hint)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError("geen geheel getal (er staan decimalen in); vul een heel getal in, bijv. 3")
    text = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise ValueError(hint)


def parse_decimal(value: object, fmt: Format) -> float:
    """A number; "12,5" and "1.250,00" are read the Dutch way when the format says decimal_comma."""
    hint = "geen getal; vul een getal in cijfers in, bijv. 12,5"
    if isinstance(value, bool):
        raise ValueError(hint)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("€", "").replace(" ", "")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".") if fmt.decimal_comma else text.replace(",", "")
    elif fmt.decimal_comma and re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValueError(hint)
    return float(text)


def _ymd(a: int, b: int, c: int, order: str) -> date:
    if a > 31:
        return date(a, b, c)
    if order == "mdy":
        return date(c, a, b)
    if order == "ymd":
        return date(a, b, c)
    return date(c, b, a)


def parse_date(value: object, fmt: Format) -> date:
    """A date from an Excel date cell, an Excel serial, ISO text, "03-04-2019" or "3 maart 2019"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    hint = "geen datum; schrijf de datum bijv. als 03-03-2019, 2019-03-03 of 3 maart 2019"
    if isinstance(value, bool):
        raise ValueError(hint)
    if isinstance(value, int | float):
        if 1 <= value < 2958466 and float(value).is_integer():
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(hint)
    text = str(value).strip().casefold()
    text = re.sub(r"[ t]00:00(:00)?$", "", text)
    try:
        if re.fullmatch(r"\d{5}", text):
            return EXCEL_EPOCH + timedelta(days=int(text))
        match = _TEXT_DATE.match(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            if c < 100 and a <= 31:
                c += 2000
            return _ymd(a, b, c, fmt.date_order)
        match = _WORD_DATE.match(text)
        if match and match.group(2) in MONTHS:
            return date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    except ValueError:
        raise ValueError(f"{str(value).strip()} is geen bestaande datum; controleer dag en maand") from None
    raise ValueError(hint)


def parse_jn(value: object, fmt: Format) -> str:
    """'ja', 'nee' or 'onbekend' from the format's spellings (True/False cells count too)."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = norm(show(value))
    if text in {norm(v) for v in fmt.yes}:
        return "ja"
    if text in {norm(v) for v in fmt.no}:
        return "nee"
    if text in {norm(v) for v in fmt.unknown}:
        return "onbekend"
    raise ValueError("geen ja/nee; gebruik ja, nee of onbekend")


def parse_postcode(value: object) -> str:
    """The 4-digit area (pc4) of a Dutch postcode such as '5501 AB'."""
    match = _POSTCODE.match(parse_text(value))
    if not match:
        raise ValueError("geen Nederlandse postcode; schrijf bijv. 5501 AB")
    return match.group(1)


def elfproef(value: object) -> bool:
    """True when `value` is an 8-9 digit number that passes the BSN eleven test (last weight -1)."""
    text = show(value).replace(" ", "").replace(".", "")
    if not re.fullmatch(r"\d{8,9}", text):
        return False
    digits = [int(d) for d in text.zfill(9)]
    if not any(digits):
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def find_bsn(value: object) -> str | None:
    """The first 9-digit number in a cell (digits may be split by spaces or dots) that passes the elfproef."""
    if value is None or isinstance(value, bool | date):
        return None
    if isinstance(value, float):
        if math.isnan(value) or not value.is_integer():
            return None
        value = int(value)
    for match in _BSN_CANDIDATE.finditer(str(value)):
        digits = re.sub(r"\D", "", match.group())
        if elfproef(digits):
            return digits
    return None


def mask_bsn(bsn: str) -> str:
    """A BSN for a message: only the last four digits, e.g. '*****1851'."""
    return "*****" + bsn[-4:]


@dataclass
class Lookup:
    """Names and synonyms of one reference table, matched after `norm`, giving the code."""

    label: str
    names: dict[str, str] = field(default_factory=dict)
    hint: str = ""
    """What to do instead, appended to the message of an unknown value."""

    def add(self, code: str, *spellings: str) -> None:
        for spelling in (code, *spellings):
            if spelling and spelling.strip():
                self.names.setdefault(norm(spelling), code)

    def code(self, value: object) -> str:
        found = self.names.get(norm(show(value)))
        if found is None:
            raise ValueError(f"onbekende {self.label}" + (f"; {self.hint}" if self.hint else ""))
        return found


def reference_lookups(reference_dir: Path) -> dict[str, Lookup]:
    """Lookups per contract column type (gemeente, partner, team, thema) plus the finding catalogue."""
    sources = {
        "gemeente": ("gemeente", "gemeenten.csv"),
        "partner": ("partner", "partners.csv"),
        "team": ("team", "teams.csv"),
        "thema": ("thema", "themas.csv"),
        "categorie": ("bevindingcategorie", "bevindingcategorieen.csv"),
        "nationaliteit": ("nationaliteit", "nationaliteiten.csv"),
    }
    lookups: dict[str, Lookup] = {}
    for key, (label, filename) in sources.items():
        lookup = Lookup(label)
        rows = read_reference(reference_dir, filename)
        for row in rows:
            synonyms = [s for s in (row.get("synoniemen") or "").split(";") if s.strip()]
            lookup.add(row["code"], row["naam"], *synonyms)
        lookup.hint = _hint(key, rows)
        lookups[key] = lookup
    return lookups


def _hint(key: str, rows: list[dict[str, str]]) -> str:
    """What a partner should write instead of an unknown reference value."""
    if key == "gemeente":
        names = [r["naam"] for r in rows if r["regio"] in ("Kempen", "Peelland")]
        return f"gebruik de naam van de gemeente, een van: {', '.join(names)}"
    if key == "partner":
        return f"gebruik een van: {', '.join(r['code'] for r in rows)} (of de naam van de organisatie)"
    if key in ("team", "thema"):
        return f"gebruik een van: {', '.join(r['code'] for r in rows)}"
    if key == "nationaliteit":
        return f"gebruik een van: {', '.join(r['code'] for r in rows)}"
    return "gebruik een categorie uit de lijst in het datacontract (etl/reference/bevindingcategorieen.csv)"


def regions(reference_dir: Path) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Team code -> region, and municipality code -> (name, region)."""
    teams = {row["code"]: row["regio"] for row in read_reference(reference_dir, "teams.csv")}
    gemeenten = {row["code"]: (row["naam"], row["regio"]) for row in read_reference(reference_dir, "gemeenten.csv")}
    return teams, gemeenten


TEAMS_CSV = "etl/reference/teams.csv"


def team_periods(reference_dir: Path) -> dict[str, tuple[date, date | None]]:
    """Team code -> (first day, last day or None for an ongoing team) of its period."""
    return {
        row["code"]: (date.fromisoformat(row["periode_start"]),
                      date.fromisoformat(row["periode_eind"]) if row["periode_eind"] else None)
        for row in read_reference(reference_dir, "teams.csv")
    }


def period_text(start: date, end: date | None) -> str:
    """A period for a message: '02-06-2020 t/m 31-12-2022' or 'vanaf 02-06-2020 (lopend)'."""
    return f"{dutch_date(start)} t/m {dutch_date(end)}" if end else f"vanaf {dutch_date(start)} (lopend)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a delivered file; `melding` is the full Dutch message."""

    bestand: str
    regel: str
    melding: str
    blad: str | None = None
    rij: int | None = None
    kolom: str | None = None
    waarde: str | None = None


def problem(bestand: str, regel: str, reden: str, *, blad: str | None = None, rij: int | None = None,
            kolom: str | None = None, contract_kolom: str | None = None, waarde: str | None = None) -> Problem:
    """A Problem whose message names file, sheet, row, column (partner header and contract name) and value.

    The rule code `regel` is kept in its own field, not in the message (which is read by a data steward).
    """
    parts = [bestand]
    if blad is not None:
        parts.append(f"blad '{blad}'")
    if rij is not None:
        parts.append(f"rij {rij}")
    if kolom is not None:
        label = f"kolom '{kolom}'"
        if contract_kolom and norm(contract_kolom) != norm(kolom):
            label += f" ({contract_kolom})"
        parts.append(label)
    text = ", ".join(parts)
    if waarde is not None:
        text += f": waarde '{waarde}'"
    text += f": {reden}"
    return Problem(bestand, regel, text, blad, rij, kolom, waarde)


# ---------------------------------------------------------------- rows of one located sheet

CATALOGUE_COLUMNS = {("Bevindingen", "categorie"): "categorie", ("Personen", "nationaliteit"): "nationaliteit"}
"""Text columns checked against a reference catalogue (lookup key in `reference_lookups`)."""
TEXT_CASE = {("Resultaten", "soort"): "lower"}
FUTURE_ALLOWED = ("deadline", "periode_eind")
"""Date columns that may lie in the future."""
BSN_SHARE = 0.8
"""A column is taken for a BSN column when at least this share of its non-empty values pass the elfproef."""
_RULES = {"enum": "onbekende_waarde", "gemeente": "onbekende_gemeente", "partner": "onbekende_partner",
          "partners": "onbekende_partner", "team": "onbekend_team", "thema": "onbekend_thema"}


@dataclass
class Context:
    """What converting a sheet needs besides the sheet itself."""

    bestand: str
    lookups: dict[str, Lookup]
    periods: dict[str, tuple[date, date | None]]
    key: bytes
    today: date
    team_regions: dict[str, str] = field(default_factory=dict)
    """team code -> region (ref_team.regio)"""
    gemeente_regions: dict[str, tuple[str, str]] = field(default_factory=dict)
    """municipality code -> (name, region) (ref_gemeente)"""
    period_sources: dict[str, str] = field(default_factory=dict)
    """team code -> where its period is set (a teams file under the raw folder); default etl/reference/teams.csv"""


@dataclass
class Converted:
    """The contract rows of one sheet: contract column -> clean value, plus '_rij' (Excel row number)."""

    sheet: Sheet
    blad: str
    headers: dict[str, str]
    records: list[dict[str, object]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bsn_kolommen: int = 0
    """Number of delivered columns dropped because they hold BSNs."""
    typed: dict[int, dict[str, str]] = field(default_factory=dict)
    """Excel row -> contract column -> the value as the partner typed it (for messages)."""
    masked: dict[str, Counter[str]] = field(default_factory=dict)
    """contract column -> what etl.screen masked in its free text (label -> count)"""


def _column_letter(pos: int) -> str:
    letters = ""
    pos += 1
    while pos:
        pos, rest = divmod(pos - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def bsn_positions(loc: Located) -> dict[int, str]:
    """Columns (position -> header) dropped as BSN columns.

    These are the contract's bsn column and any delivered column outside the contract whose values mostly pass
    the elfproef. A contract column (other than bsn) is never dropped: a BSN in it rejects the file.
    """
    headers = {pos: col for col, pos in loc.columns.items()}
    width = max((len(cells) for _, cells in loc.rows), default=0)
    found: dict[int, str] = {}
    for pos in range(width):
        if pos in headers and loc.sheet.column(headers[pos]).type != "bsn":
            continue
        values = [cells[pos] for _, cells in loc.rows if pos < len(cells) and not is_empty(cells[pos])]
        is_bsn_column = pos in headers
        if is_bsn_column or (values and sum(elfproef(v) for v in values) >= BSN_SHARE * len(values)):
            label = loc.headers.get(headers[pos]) if pos in headers else loc.extra.get(pos)
            found[pos] = label or f"kolom {_column_letter(pos)}"
    return found


def convert_value(col: Column, raw: object, sheet: Sheet, fmt: Format, ctx: Context) -> object:
    """The clean contract value of one cell; ValueError with a Dutch reason when it does not fit."""
    kind_of = col.type
    if kind_of == "text":
        text = parse_text(raw)
        catalogue = CATALOGUE_COLUMNS.get((sheet.name, col.name))
        if catalogue:
            return ctx.lookups[catalogue].code(text)
        case = TEXT_CASE.get((sheet.name, col.name))
        if case == "lower":
            return text.lower()
        return text
    if kind_of == "int":
        return parse_int(raw)
    if kind_of == "decimal":
        return parse_decimal(raw, fmt)
    if kind_of == "date":
        return parse_date(raw, fmt)
    if kind_of == "jn":
        return parse_jn(raw, fmt)
    if kind_of == "enum":
        allowed = {norm(a): a for a in col.allowed}
        found = allowed.get(norm(show(raw)))
        if found is None:
            raise ValueError(f"onbekende waarde; gebruik een van: {', '.join(col.allowed)}")
        return found
    if kind_of in ("gemeente", "partner", "team", "thema"):
        return ctx.lookups[kind_of].code(raw)
    if kind_of == "partners":
        codes: list[str] = []
        for part in str(raw).split(fmt.list_separator):
            if part.strip():
                code = ctx.lookups["partner"].code(part)
                if code not in codes:
                    codes.append(code)
        return tuple(codes)
    if kind_of == "postcode":
        return parse_postcode(raw)
    if kind_of == "pseudonym":
        from etl.pseudonym import pseudonym

        return pseudonym(raw, col.name, ctx.key)
    raise ValueError(f"onbekend kolomtype {kind_of}")


def _row_rules(sheet: Sheet, rec: dict[str, object], ctx: Context) -> list[tuple[str, str, str]]:
    """(column, rule, reason) for the checks across the columns of one row: dates, region and follow-up logic."""
    found: list[tuple[str, str, str]] = []
    team = rec.get(sheet.team_column) if sheet.team_column else None
    for col in sheet.columns:
        value = rec.get(col.name)
        if col.type == "gemeente" and isinstance(value, str) and isinstance(team, str):
            regio = ctx.team_regions.get(team)
            naam, gemeente_regio = ctx.gemeente_regions.get(value, (value, None))
            if regio and gemeente_regio != regio:
                found.append((col.name, "gemeente_buiten_regio",
                              f"{naam} hoort niet bij de regio {regio} van team {team}; gebruik een gemeente uit "
                              f"de regio {regio} of controleer het team"))
        if col.type != "date" or not isinstance(value, date):
            continue
        if value > ctx.today and col.name not in FUTURE_ALLOWED:
            found.append((col.name, "datum_toekomst", f"datum ligt in de toekomst (na {dutch_date(ctx.today)})"))
        if col.name in sheet.date_columns_in_period and team in ctx.periods:
            start, end = ctx.periods[team]
            if not start <= value <= (end or date.max):
                source = ctx.period_sources.get(team, TEAMS_CSV)
                found.append((col.name, "datum_buiten_periode",
                              f"datum valt buiten de periode van team {team} ({period_text(start, end)}); de "
                              f"periode staat in {source}. Loopt het team langer, lever dan een teambestand aan "
                              "(soort teams, zie docs/datacontract.md) met de nieuwe periode"))
    if sheet.name == "Interventies":
        start, end = rec.get("datum_start"), rec.get("datum_eind")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            found.append(("datum_eind", "eind_voor_start", f"datum_eind ligt voor datum_start ({dutch_date(start)})"))
    if sheet.name == "Opvolging":
        start, closed = rec.get("datum_start"), rec.get("datum_gesloten")
        if rec.get("status") == "afgerond" and closed is None:
            found.append(("datum_gesloten", "afgerond_zonder_datum",
                          "status is afgerond maar datum_gesloten is leeg; vul de datum in waarop de stap is afgerond"))
        if isinstance(start, date) and isinstance(closed, date) and closed < start:
            found.append(("datum_gesloten", "gesloten_voor_start",
                          f"datum_gesloten ligt voor datum_start ({dutch_date(start)})"))
        if rec.get("bevinding_id") is None and rec.get("controleavond_id") is None:
            found.append(("bevinding_id", "zonder_verwijzing", "vul bevinding_id of controleavond_id (of beide) in"))
    return found


_BSN_LOW, _BSN_HIGH = 10**8, 10**9
"""A whole number can hold a BSN candidate only when it has exactly nine digits."""


def bsn_suspects(rows: list[tuple[int, list[object]]], skip: Collection[int] = ()) -> dict[int, set[int]]:
    """Index in `rows` -> positions of the cells `find_bsn` must look at: all others certainly hold no BSN.

    Text cells are scanned together, joined by newlines (no candidate can cross one: `_BSN_CANDIDATE` only
    spans digits, spaces and dots, and a newline is neither to its look-arounds), so only the few cells with
    a nine-digit candidate go through the elfproef. Whole numbers count when they have nine digits; dates,
    yes/no cells and fractions never hold a BSN; any other kind of value is always looked at.
    """
    suspects: dict[int, set[int]] = {}
    for first in range(0, len(rows), _BSN_BLOCK):
        _suspects_in(rows, first, skip, suspects)
    return suspects


_BSN_BLOCK = 2000
"""Rows scanned together by `bsn_suspects` (bounds the joined text)."""


def _suspects_in(rows: list[tuple[int, list[object]]], first: int, skip: Collection[int],
                 suspects: dict[int, set[int]]) -> None:
    """`bsn_suspects` of the block of rows starting at index `first`, added to `suspects`."""
    texts: list[str] = []
    starts: list[int] = []
    where: list[tuple[int, int]] = []
    offset = 0
    for index, (_, cells) in enumerate(rows[first:first + _BSN_BLOCK], start=first):
        for pos, cell in enumerate(cells):
            if pos in skip or cell is None:
                continue
            kind = type(cell)
            if kind is str:
                texts.append(cell)
                starts.append(offset)
                where.append((index, pos))
                offset += len(cell) + 1
                continue
            if kind is float:
                if not (cell.is_integer() and _BSN_LOW <= abs(cell) < _BSN_HIGH):
                    continue
            elif kind is int:
                if not _BSN_LOW <= abs(cell) < _BSN_HIGH:
                    continue
            elif isinstance(cell, bool | date):
                continue
            suspects.setdefault(index, set()).add(pos)
    if texts:
        for match in _BSN_CANDIDATE.finditer("\n".join(texts)):
            index, pos = where[bisect_right(starts, match.start()) - 1]
            suspects.setdefault(index, set()).add(pos)


def _bsn_cells(loc: Located, cells: list[object], dropped: dict[int, str],
               screened: frozenset[int] = frozenset(), only: Collection[int] | None = None) -> dict[int, str]:
    """Position -> masked BSN for every cell outside a dropped BSN column (and outside screened free text).

    `only`: the positions worth looking at (`bsn_suspects`); all cells when None.
    """
    found: dict[int, str] = {}
    for pos, cell in enumerate(cells) if only is None else ((p, cells[p]) for p in sorted(only)):
        if pos in dropped or pos in screened or is_empty(cell):
            continue
        bsn = find_bsn(cell)
        if bsn:
            found[pos] = mask_bsn(bsn)
    return found


def _memo_key(raw: object) -> tuple[type, object] | None:
    """The key under which a cell's conversion may be remembered (None: convert it every time).

    Only text, numbers and dates without a time zone are remembered, keyed with their type (1, 1.0 and True
    are equal in Python); not a float zero (0.0 and -0.0 are equal but may convert differently).
    """
    kind = type(raw)
    if kind is str or kind is int or (kind is float and raw != 0):
        return kind, raw
    if isinstance(raw, date) and getattr(raw, "tzinfo", None) is None:
        return kind, raw
    return None


def _converted(memo: dict[tuple[type, object], tuple[bool, object]], col: Column, raw: object, sheet: Sheet,
               fmt: Format, ctx: Context) -> tuple[bool, object]:
    """(True, clean value) or (False, the Dutch reason) of `convert_value`, remembered in `memo` per distinct
    raw value of one column of one sheet (a conversion depends only on the value, column, format and context)."""
    key = _memo_key(raw)
    if key is not None:
        found = memo.get(key)
        if found is not None:
            return found
    try:
        result: tuple[bool, object] = (True, convert_value(col, raw, sheet, fmt, ctx))
    except ValueError as exc:
        result = (False, str(exc))
    if key is not None:
        memo[key] = result
    return result


def _displayed(memo: dict[tuple[type, object], str], value: object) -> str:
    """`display(value)`, remembered in `memo` per distinct value."""
    key = _memo_key(value)
    if key is None:
        return display(value)
    found = memo.get(key)
    if found is None:
        found = memo[key] = display(value)
    return found


def convert_sheet(loc: Located, mapping: Mapping, ctx: Context) -> Converted:
    """Parse and check every row of a located sheet; all problems are collected, none stops the others."""
    sheet, sm, fmt = loc.sheet, mapping.sheet(loc.sheet.name), mapping.format
    out = Converted(sheet, loc.blad, dict(loc.headers))
    dropped = bsn_positions(loc)
    for label in dropped.values():
        out.notes.append(f"{ctx.bestand}, blad '{loc.blad}', kolom '{label}': niet opgeslagen (bevat BSN's)")
    out.bsn_kolommen = len(dropped)
    if sm.header_row is None and loc.header_row != 1:
        out.notes.append(f"{ctx.bestand}, blad '{loc.blad}': de kopregel is gevonden op rij {loc.header_row} in "
                         f"plaats van rij 1; de rijen daarboven zijn niet gelezen. Klopt dat niet, zet de kopregel "
                         "dan op rij 1")
    contract_at = {pos: col for col, pos in loc.columns.items()}

    def report(rij: int, col: str, regel: str, reden: str, waarde: object = None) -> None:
        header = loc.headers.get(col, col)
        shown = None if waarde is None else display(waarde)
        out.problems.append(problem(ctx.bestand, regel, reden, blad=loc.blad, rij=rij, kolom=header,
                                    contract_kolom=col, waarde=shown))

    from etl.screen import FREE_TEXT, mask

    free_text = {c.name for c in sheet.columns if (sheet.name, c.name) in FREE_TEXT}
    screened = frozenset(loc.columns[c] for c in free_text if c in loc.columns)
    seen_rows: dict[tuple, int] = {}
    unique_sets = [(c.name,) for c in sheet.columns if c.unique] + (
        [sheet.unique_together] if sheet.unique_together else [])
    seen_keys: dict[tuple[str, ...], dict[tuple, int]] = {cols: {} for cols in unique_sets}
    suspects = bsn_suspects(loc.rows, dropped.keys() | screened)
    no_cells: dict[int, str] = {}
    converted: dict[str, dict[tuple[type, object], tuple[bool, object]]] = {c.name: {} for c in sheet.columns}
    shown: dict[tuple[type, object], str] = {}
    for index, (rij, cells) in enumerate(loc.rows):
        suspect = suspects.get(index)
        bsn_cells = no_cells if suspect is None else _bsn_cells(loc, cells, dropped, screened, suspect)
        for pos, masked in bsn_cells.items():
            col_name = contract_at.get(pos)
            header = loc.headers.get(col_name) if col_name else loc.extra.get(pos)
            out.problems.append(problem(
                ctx.bestand, "bsn_in_cel", "in deze cel staat een BSN; haal het BSN weg en lever het bestand "
                "opnieuw aan (BSN's mogen niet worden aangeleverd)", blad=loc.blad, rij=rij,
                kolom=header or f"kolom {_column_letter(pos)}", contract_kolom=col_name, waarde=masked))
        rec: dict[str, object] = {"_rij": rij}
        typed: dict[str, object] = {}
        for col in sheet.columns:
            if col.type == "bsn":
                continue
            pos = loc.columns.get(col.name)
            rec[col.name] = None
            if pos in bsn_cells:
                continue
            if col.name in sm.constants:
                raw = sm.constants[col.name]
            elif pos is not None and pos not in dropped and pos < len(cells):
                raw = cells[pos]
            else:
                raw = None
            if not is_empty(raw):
                typed[col.name] = raw
            raw = mapping.translate(col.name, raw)
            if is_empty(raw):
                if col.required:
                    report(rij, col.name, "verplicht", "verplichte waarde ontbreekt; vul deze kolom in")
                continue
            ok, value = _converted(converted[col.name], col, raw, sheet, fmt, ctx)
            if not ok:
                rule = _RULES.get(col.type, "type")
                if (sheet.name, col.name) in CATALOGUE_COLUMNS:
                    rule = f"onbekende_{CATALOGUE_COLUMNS[(sheet.name, col.name)]}"
                report(rij, col.name, rule, str(value), typed.get(col.name, raw))
                continue
            if col.minimum is not None and isinstance(value, int | float) and value < col.minimum:
                rule = "negatief" if col.minimum == 0 else "minimum"
                reason = "mag niet negatief zijn" if col.minimum == 0 else \
                    f"moet minstens {dutch_number(col.minimum)} zijn"
                report(rij, col.name, rule, reason, typed.get(col.name, raw))
                continue
            if col.maximum is not None and isinstance(value, int | float) and value > col.maximum:
                report(rij, col.name, "maximum", f"onwaarschijnlijk hoog: de grootste toegestane waarde is "
                       f"{dutch_number(col.maximum)}; controleer het getal", typed.get(col.name, raw))
                continue
            if col.name in free_text and isinstance(value, str):
                value, counts = mask(value)
                if counts:
                    out.masked.setdefault(col.name, Counter()).update(counts)
                    typed[col.name] = value
            rec[col.name] = value
        out.typed[rij] = {k: _displayed(shown, v) for k, v in typed.items()}
        for col_name, rule, reason in _row_rules(sheet, rec, ctx):
            report(rij, col_name, rule, reason, typed.get(col_name))
        signature = tuple(islice(rec.items(), 1, None))  # all but '_rij', the first key
        if signature in seen_rows:
            report(rij, sheet.key or sheet.columns[0].name, "dubbele_rij",
                   f"deze rij is gelijk aan rij {seen_rows[signature]}; haal de dubbele rij weg")
        else:
            seen_rows[signature] = rij
            for cols in unique_sets:
                key = tuple(rec.get(c) for c in cols)
                if any(k is None for k in key):
                    continue
                if key in seen_keys[cols]:
                    what = cols[0] if len(cols) == 1 else f"de combinatie {', '.join(cols)}"
                    reason = (f"{what} komt al voor op rij {seen_keys[cols][key]}; elke waarde mag maar één keer "
                              "voorkomen")
                    report(rij, cols[0], "dubbele_sleutel", reason, "/".join(display(k) for k in key))
                else:
                    seen_keys[cols][key] = rij
        out.records.append(rec)
    return out
