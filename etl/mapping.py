"""Partner layouts (mappings): declarative TOML files that say how a partner's workbook maps onto the contract.

A mapping names its contract kind, the raw files it applies to (glob patterns on the path relative to
the raw folder), per contract sheet the partner's sheet name, header row, column headers and constants,
value spellings per contract column and the partner's number/date/yes-no format. A file matched by no
mapping is read in the contract's own layout (`contract_mapping`). See docs/mappings.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path

from etl import contract
from etl.contract import Kind, kind
from etl.parse import Format, norm

CONTRACT_LAYOUT = "contract"
_FORMAT_KEYS = ("date_order", "decimal_comma", "yes", "no", "unknown", "list_separator")


class MappingError(ValueError):
    """A mapping file is not valid."""


@dataclass(frozen=True)
class SheetMapping:
    """Where one contract sheet is found in the partner's workbook."""

    sheet: str
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Mapping:
    """One partner layout."""

    name: str
    kind: Kind
    description: str = ""
    files: tuple[str, ...] = ()
    sheets: dict[str, SheetMapping] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    format: Format = Format()
    source: Path | None = None
    """The TOML file this mapping was read from (None for the built-in contract layout)."""

    def sheet(self, contract_sheet: str) -> SheetMapping:
        """The partner side of a contract sheet; by default the contract's own name, header auto-detected."""
        return self.sheets.get(contract_sheet, SheetMapping(sheet=contract_sheet))

    def matches(self, relpath: str) -> bool:
        """True when the posix path relative to the raw folder matches one of `files`."""
        return any(fnmatch(relpath, pattern) for pattern in self.files)

    def translate(self, column: str, value: object) -> object:
        """The contract spelling of a partner value for `column` (unchanged when not listed)."""
        table = self.values.get(column)
        if not table or not isinstance(value, str):
            return value
        return table.get(norm(value), value)


def contract_mapping(k: Kind) -> Mapping:
    """The built-in layout: sheet and column names exactly as in the contract, header found automatically."""
    return Mapping(name=CONTRACT_LAYOUT, kind=k, description="Het eigen format van het datacontract")


def parse_mapping(data: dict, source: str) -> Mapping:
    """Build a Mapping from the parsed TOML `data`; `source` names the file in error messages."""
    try:
        k = kind(data["kind"])
        name = str(data["name"])
    except KeyError as exc:
        raise MappingError(f"{source}: {exc}") from None
    sheets: dict[str, SheetMapping] = {}
    for contract_sheet, spec in data.get("sheets", {}).items():
        try:
            sheet = k.sheet(contract_sheet)
        except KeyError:
            raise MappingError(f"{source}: soort {k.name} heeft geen blad {contract_sheet!r}") from None
        columns = dict(spec.get("columns", {}))
        constants = dict(spec.get("constants", {}))
        known = {c.name for c in sheet.columns}
        unknown = (set(columns) | set(constants)) - known
        if unknown:
            raise MappingError(f"{source}: blad {contract_sheet} heeft geen kolom(men) {', '.join(sorted(unknown))}")
        header_row = spec.get("header_row")
        if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
            raise MappingError(f"{source}: header_row van {contract_sheet} moet een rijnummer >= 1 zijn")
        sheets[contract_sheet] = SheetMapping(str(spec.get("sheet", contract_sheet)), header_row, columns, constants)
    values = {col: {norm(k2): str(v) for k2, v in table.items()} for col, table in data.get("values", {}).items()}
    fmt_data = data.get("format", {})
    bad = set(fmt_data) - set(_FORMAT_KEYS)
    if bad:
        raise MappingError(f"{source}: onbekende format-sleutel(s) {', '.join(sorted(bad))}")
    fmt = Format(**{key: tuple(v) if isinstance(v, list) else v for key, v in fmt_data.items()})
    if fmt.date_order not in ("dmy", "mdy", "ymd"):
        raise MappingError(f"{source}: date_order moet dmy, mdy of ymd zijn")
    files = data.get("files", [])
    return Mapping(name, k, str(data.get("description", "")), tuple(files), sheets, values, fmt)


def load_mappings(mappings_dir: Path | None) -> list[Mapping]:
    """All mappings in `mappings_dir` (*.toml, sorted by file name); names must be unique."""
    if mappings_dir is None or not Path(mappings_dir).is_dir():
        return []
    mappings: list[Mapping] = []
    for path in sorted(Path(mappings_dir).glob("*.toml")):
        with open(path, "rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as exc:
                raise MappingError(f"{path.name}: geen geldige TOML ({exc})") from None
        mappings.append(replace(parse_mapping(data, path.name), source=path))
    names = [m.name for m in mappings]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise MappingError(f"mappingnaam dubbel gebruikt: {', '.join(doubles)}")
    return mappings


def find_mapping(relpath: str, mappings: list[Mapping]) -> Mapping | None:
    """The first mapping whose `files` match `relpath`, or None."""
    for mapping in mappings:
        if mapping.matches(relpath):
            return mapping
    return None


def recognise_kind(sheet_names: list[str]) -> Kind | None:
    """The kind whose contract sheet names best match the workbook's sheets (case-insensitive), or None."""
    present = {norm(s) for s in sheet_names}
    best, best_hits = None, 0
    for k in contract.KINDS:
        hits = sum(norm(s.name) in present for s in k.sheets)
        if hits > best_hits:
            best, best_hits = k, hits
    return best
