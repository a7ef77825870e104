"""Load the raw folder into the warehouse: `load_raw()` (and `python -m etl load`).

Semantics: a file is loaded whole or not at all; a rejected file leaves its earlier version in force; a
changed file (same relative path, new sha256) replaces its earlier rows; an unchanged file is skipped, so
loading twice gives the same warehouse; rows of a file no longer present are removed. All work happens in
a copy of the warehouse beside it; after the data tests pass the copy replaces the warehouse atomically
(`os.replace`), so a dashboard holding the old file open keeps reading the old version until it reconnects.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import math
import os
import re
import shutil
import sys
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from etl import contract
from etl.archive import ArchiveMissing, Version, archive_version, carry_retained, restore_rows, versions
from etl.contract import Kind
from etl.guard import Inspection, Limits, inspect_workbook
from etl.mapping import CONTRACT_LAYOUT, Mapping, contract_mapping, find_mapping, load_mappings, recognise_kind
from etl.marts import mart_tests
from etl.parse import (
    Context,
    Converted,
    Lookup,
    Problem,
    convert_sheet,
    dutch_number,
    problem,
    reference_lookups,
    regions,
    team_periods,
)
from etl.pseudonym import fingerprint, load_key
from etl.read import Located, ReadError, locate, read_workbook, sniff
from etl.refresh import note_removed, refresh_marts, row_count_failures
from etl.schema import create_warehouse, schema_ddl
from etl.screen import describe
from etl.staging import LINEAGE, bridges, sheet_of, staging_tables, stg_column, stg_table
from etl.step_dates import STEP_DATE_TABLES, steps_before_evening

__all__ = ["LINEAGE", "stg_column", "stg_table"]  # the staging names live in etl/staging.py


def kind_order() -> dict[str, int]:
    """Position of each kind in the contract: files are written parents first (evenings before visits)."""
    return {k.name: i for i, k in enumerate(contract.KINDS)}


@dataclass
class FileResult:
    """What happened to one raw file in a load run."""

    bestand: str
    status: str
    soort: str = ""
    mapping: str = ""
    rijen: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    melding: str = ""
    vorige_versie: bool = False
    """True when an earlier version of the file is loaded (and stays in force when this one is rejected)."""
    bsn_kolommen: int = 0
    gemaskeerd: int = 0
    """Pieces of personal data masked in free text (etl.screen)."""


@dataclass
class LoadReport:
    """The outcome of a load run."""

    run_id: str
    warehouse_path: Path
    files: list[FileResult] = field(default_factory=list)
    data_test_failures: list[str] = field(default_factory=list)

    @property
    def swapped(self) -> bool:
        """True when the new warehouse was put in place."""
        return not self.data_test_failures

    @property
    def ok(self) -> bool:
        """True when nothing was rejected and the data tests passed."""
        return self.swapped and all(f.status != "afgewezen" for f in self.files)

    def file(self, bestand: str) -> FileResult:
        """The result of one file by its relative path."""
        return next(f for f in self.files if f.bestand == bestand)

    def summary(self) -> str:
        """A plain-text table per file, then every problem and note (Dutch)."""
        width = max([len(f.bestand) for f in self.files] + [7])
        lines = [f"{'bestand':<{width}}  {'rijen':>6}  {'problemen':>9}  {'status':<11}  reden"]
        for f in self.files:
            lines.append(f"{f.bestand:<{width}}  {f.rijen:>6}  {len(f.problems):>9}  {f.status:<11}  {f.melding}")
        for f in self.files:
            lines.extend(f"  - {p.melding}" for p in f.problems)
            lines.extend(f"  * {note}" for note in f.notes)
        if self.data_test_failures:
            lines.append("Datatests mislukt; het warehouse is NIET vervangen:")
            lines.extend(f"  ! {failure}" for failure in self.data_test_failures)
        return "\n".join(lines)


def discover(raw_dir: Path) -> list[Path]:
    """Every file under `raw_dir` except README files and hidden files or folders, sorted.

    Symbolic links are listed too (a link to a folder as one entry, never followed), so that
    `outside_raw` can refuse the ones that lead out of the raw folder.
    """
    found = []
    for folder, dirs, names in os.walk(raw_dir):
        dirs.sort()
        here = Path(folder)
        inside = raw_dir.resolve()
        linked = [d for d in dirs if (here / d).is_symlink() and not (here / d).resolve().is_relative_to(inside)]
        for name in linked + names:
            path = here / name
            rel = path.relative_to(raw_dir)
            if any(part.startswith((".", "~$")) for part in rel.parts):
                continue
            if path.stem.upper() == "README" or not (path.is_file() or path.is_symlink()):
                continue
            found.append(path)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return sorted(found)


def link_problem(path: Path, raw_dir: Path) -> Problem | None:
    """A problem when `path` is a symbolic link leading out of `raw_dir` (or to nothing)."""
    bestand = path.relative_to(raw_dir).as_posix()
    if not path.exists():
        return problem(bestand, "link_buiten_map", "dit is een snelkoppeling (symbolische link) naar een bestand dat "
                       "niet bestaat; kopieer het bestand zelf in de ruwe map")
    target = path.resolve()
    if target.is_relative_to(raw_dir.resolve()):
        return None
    where = "een map" if path.is_dir() else "een bestand"
    return problem(bestand, "link_buiten_map",
                   f"dit is een snelkoppeling (symbolische link) naar {where} buiten de ruwe map ({target}); "
                   "de lader leest alleen bestanden die echt in de ruwe map staan: kopieer het bestand in de map")


class LoadRefused(Exception):
    """The load as a whole was refused before anything changed; the message (Dutch) says why and what to do."""


class LoadBusy(LoadRefused):
    """Another load holds the lock of this warehouse."""


def lock_path(warehouse_path: Path) -> Path:
    """The lock file beside the warehouse that one load at a time holds."""
    return warehouse_path.with_name(warehouse_path.name + ".lock")


@contextmanager
def load_lock(warehouse_path: Path) -> Iterator[None]:
    """Hold the warehouse's load lock (flock, released by the kernel even after kill -9); LoadBusy when taken."""
    path = lock_path(warehouse_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            raise LoadBusy("er loopt al een laadronde voor dit warehouse; wacht tot die klaar is en probeer het "
                           "dan opnieuw (er is niets veranderd)") from None
        yield
    finally:
        os.close(fd)


def remove_stale_work_copies(warehouse_path: Path) -> list[Path]:
    """Remove work copies (and their WAL files) that a crashed load left beside the warehouse.

    Called while holding the load lock, so no other load is using any of them. Returns what was removed.
    """
    stale = sorted(warehouse_path.parent.glob(f"{warehouse_path.name}.tmp-*"))
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


RESTORE_KEY = ("Zet de oorspronkelijke sleutel terug uit de back-up (README, 'De pseudoniemsleutel') en laad "
               "opnieuw. Is de sleutel echt verloren, laad dan met --new-key: alles wordt opnieuw opgebouwd met de "
               "nieuwe sleutel en de koppeling met eerdere pseudoniemen (exports, aantekeningen) gaat verloren. Het "
               "warehouse is ongewijzigd")
LINKAGE = ("Met een andere sleutel krijgen dezelfde personen, verhuurders en adressen andere pseudoniemen: bezoeken "
           "aan hetzelfde adres, signalen en eerder geladen bestanden zijn dan niet meer aan elkaar te koppelen")


def recorded_fingerprint(warehouse_path: Path) -> str | None:
    """The key fingerprint the warehouse was built with (None: no warehouse, or one from before fingerprints)."""
    if not warehouse_path.exists():
        return None
    try:
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            row = con.execute("SELECT vingerafdruk FROM meta_sleutel ORDER BY vastgelegd_op DESC LIMIT 1").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def check_key(warehouse_path: Path, key_path: Path, new_key: bool) -> bool:
    """LoadRefused when the pseudonym key is missing or not the warehouse's; True when `new_key` asks a rebuild.

    Runs before the key is read, so a missing key is not silently recreated.
    """
    recorded = recorded_fingerprint(warehouse_path)
    if recorded is None:
        return False
    if not key_path.exists():
        if new_key:
            return True
        raise LoadRefused(f"de pseudoniemsleutel ontbreekt ({key_path}), maar dit warehouse is opgebouwd met de "
                          f"sleutel met vingerafdruk {recorded}; er is geen nieuwe sleutel gemaakt. {LINKAGE}. "
                          f"{RESTORE_KEY}")
    current = fingerprint(load_key(key_path))
    if current == recorded:
        return False
    if new_key:
        return True
    raise LoadRefused(f"de pseudoniemsleutel {key_path} is niet de sleutel waarmee dit warehouse is opgebouwd "
                      f"(vingerafdruk {current} in plaats van {recorded}). {LINKAGE}. {RESTORE_KEY}")


def record_key(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    """Record the fingerprint of the key this warehouse's pseudonyms are made with."""
    current = con.execute("SELECT vingerafdruk FROM meta_sleutel").fetchall()
    if current != [(fingerprint(key),)]:
        con.execute("DELETE FROM meta_sleutel")
        con.execute("INSERT INTO meta_sleutel VALUES (?, ?)", [fingerprint(key), datetime.now()])


def raw_files(raw_dir: Path, remove_all: bool) -> list[Path]:
    """The files of the raw folder; LoadRefused when the folder is missing, or empty without `remove_all`."""
    if not raw_dir.is_dir():
        raise LoadRefused(f"de ruwe map {raw_dir} bestaat niet; controleer het pad (standaard data/raw, in te "
                          "stellen met KIT_RAW_DIR). Er is niets geladen en het warehouse is ongewijzigd")
    files = discover(raw_dir)
    if not files and not remove_all:
        raise LoadRefused(f"de ruwe map {raw_dir} bevat geen bestanden; er is niets geladen en het warehouse is "
                          "ongewijzigd. Wilt u echt alle gegevens verwijderen, gebruik dan --remove-all")
    return files


def refuse_removing_everything(in_force: dict, present: dict, remove_all: bool) -> None:
    """LoadRefused when no file in force is still present (a mistyped folder), unless `remove_all`."""
    if in_force and not remove_all and not set(in_force) & set(present):
        raise LoadRefused(f"geen van de {len(in_force)} geladen bestanden staat nog in de ruwe map; deze laadronde "
                          "zou alle gegevens verwijderen en is geweigerd (warehouse ongewijzigd). Controleer of u de "
                          "juiste map gebruikt; wilt u echt alles verwijderen, gebruik dan --remove-all")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Parsed:
    """A raw file read and converted, waiting to be written."""

    result: FileResult
    kind: Kind | None = None
    sha: str = ""
    sheets: list[Converted] = field(default_factory=list)


def parse_file(path: Path, bestand: str, mappings: list[Mapping], ctx: Context, digest: str = "",
               limits: Limits | None = None) -> Parsed:
    """Read one raw file, pick its layout and convert every sheet; problems go into the result.

    The file is checked (`etl.guard`, `limits`) before it is parsed, so an oversized file or a zip bomb is
    refused without unpacking it.
    """
    result = FileResult(bestand, "afgewezen")
    parsed = Parsed(result, sha=digest or sha256(path))
    try:
        sniff(path)
        inspection = inspect_workbook(path, limits or Limits())
        frames = read_workbook(path)
    except ReadError as exc:
        result.problems.append(problem(bestand, exc.regel, exc.reden))
        known = find_mapping(bestand, mappings)
        parsed.kind = known.kind if known else None
        return parsed
    mapping = find_mapping(bestand, mappings)
    if mapping is None:
        k = recognise_kind(list(frames))
        if k is None:
            result.problems.append(problem(
                bestand, "onbekend_format",
                f"niet herkend: de bladen ({', '.join(frames)}) horen bij geen enkele soort bestand uit het "
                "datacontract; gebruik een sjabloon met de juiste bladnamen of vraag de beheerder om een "
                "partnerlayout (mapping) voor dit bestand"))
            return parsed
        mapping = contract_mapping(k)
    parsed.kind, result.soort, result.mapping = mapping.kind, mapping.kind.name, mapping.name
    used: set[str] = set()
    for sheet in mapping.kind.sheets:
        located = locate(frames, sheet, mapping, bestand)
        if not isinstance(located, Located):
            result.problems.extend(located)
            continue
        used.add(located.blad)
        flagged_problems, flagged_notes = flagged_cells(located, inspection, bestand)
        result.problems.extend(flagged_problems)
        result.notes.extend(flagged_notes)
        converted = convert_sheet(located, mapping, ctx)
        result.problems.extend(converted.problems)
        result.notes.extend(converted.notes)
        result.bsn_kolommen += converted.bsn_kolommen
        result.notes.extend(masked_notes(converted, bestand))
        result.gemaskeerd += sum(sum(c.values()) for c in converted.masked.values())
        parsed.sheets.append(converted)
    result.notes.extend(hidden_sheet_notes(inspection, used, bestand))
    return parsed


FLAG_REASONS = {
    "excel_fout": "in deze cel staat een Excel-foutwaarde; herstel de formule of vul de juiste waarde in",
    "formule_zonder_waarde": "deze cel bevat een formule zonder berekende waarde (het bestand is opgeslagen door "
    "een programma dat niet rekent); open het in Excel, laat het herberekenen en sla het opnieuw op",
}


def flagged_cells(loc: Located, inspection: Inspection, bestand: str) -> tuple[list[Problem], list[str]]:
    """Problems for error cells and formulas without a value in the data the loader reads; notes for the rest."""
    problems: list[Problem] = []
    elsewhere: dict[str, int] = {}
    read_at = {pos: col for col, pos in loc.columns.items()}
    for cell in inspection.flagged.get(loc.blad, []):
        col = read_at.get(cell.positie)
        if col is not None and cell.rij > loc.header_row:
            problems.append(problem(bestand, cell.regel, FLAG_REASONS[cell.regel], blad=loc.blad, rij=cell.rij,
                                    kolom=loc.headers.get(col, col), contract_kolom=col, waarde=cell.waarde))
        else:
            elsewhere[cell.regel] = elsewhere.get(cell.regel, 0) + 1
    notes = []
    what = {"excel_fout": "cel(len) met een Excel-foutwaarde", "formule_zonder_waarde": "formule(s) zonder waarde"}
    for regel, count in sorted(elsewhere.items()):
        notes.append(f"{bestand}, blad '{loc.blad}': {count} {what[regel]} buiten de gelezen kolommen; niet gebruikt")
    return problems, notes


def masked_notes(conv: Converted, bestand: str) -> list[str]:
    """One note per free-text column in which etl.screen masked personal data, with the counts."""
    return [f"{bestand}, blad '{conv.blad}', kolom '{conv.headers.get(col, col)}': vrije tekst gescreend, "
            f"{describe(counts)} voor opslag" for col, counts in conv.masked.items()]


def hidden_sheet_notes(inspection: Inspection, used: set[str], bestand: str) -> list[str]:
    """One note per hidden sheet: whether the loader read it."""
    return [f"{bestand}, blad '{name}': dit blad is verborgen in Excel; "
            + ("het is wel gelezen, controleer of dat de bedoeling is" if name in used else "het is niet gelezen")
            for name in inspection.hidden]


def _table_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return dict(rows)


def _frames(parsed: Parsed, con: duckdb.DuckDBPyConnection) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Staging frames per table for a parsed file (columns in table order), and problems of the casts.

    Built a column at a time; the problems come out row by row, in the order of the contract's columns.
    """
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    bestand = parsed.result.bestand
    for conv in parsed.sheets:
        table = stg_table(conv.sheet)
        types = _table_types(con, table)
        records = conv.records
        rijen = [rec["_rij"] for rec in records]
        found: list[tuple[int, int, Problem]] = []

        def report(i: int, order: int, col: str, regel: str, reden: str, value: object, rijen: list = rijen,
                   found: list = found, conv: Converted = conv) -> None:
            rij = int(rijen[i])
            found.append((i, order, problem(bestand, regel, reden, blad=conv.blad, rij=rij,
                                            kolom=conv.headers.get(col, col), contract_kolom=col,
                                            waarde=conv.typed.get(rij, {}).get(col, value))))

        columns: dict[str, list[object]] = {}
        for order, col in enumerate(conv.sheet.columns):
            target = stg_column(col.name, col.type)
            if target is None:
                continue
            values = [rec.get(col.name) for rec in records]
            sql_type = types.get(target, "")
            if sql_type == "BOOLEAN":
                for i, value in enumerate(values):
                    if value is not None:
                        if value == "onbekend":
                            report(i, order, col.name, "type", "hier alleen ja of nee (onbekend niet toegestaan)",
                                   value)
                        values[i] = value == "ja"
            for i in _outside_range(values, sql_type):
                report(i, order, col.name, "buiten_bereik", str(outside_type_range(values[i], sql_type)),
                       str(values[i]))
                values[i] = None
            columns[target] = values
        columns.update({"_bestand": [bestand] * len(records), "_blad": [conv.blad] * len(records), "_rij": rijen})
        problems.extend(p for _, _, p in sorted(found, key=lambda f: (f[0], f[1])))
        missing = [float("nan")] * len(records)
        frames[table] = pd.DataFrame({c: columns.get(c, missing) for c in types}, columns=list(types), dtype=object)
        bridge_rows: dict[str, list[dict[str, object]]] = {}
        bridge_of = {b.column.name: b for b in bridges() if b.sheet == conv.sheet}
        bridged = [col.name for col in conv.sheet.columns if col.name in bridge_of]
        for rec in records if bridged else ():
            for name in bridged:
                value = rec.get(name)
                if value:
                    b = bridge_of[name]
                    bridge_rows.setdefault(b.table, []).extend(
                        {b.key: rec.get(b.key), "partner": p, "_bestand": bestand, "_blad": conv.blad,
                         "_rij": rec["_rij"]} for p in value)
        for bridge_table, bridge in bridge_rows.items():
            frames[bridge_table] = pd.DataFrame(bridge, columns=list(_table_types(con, bridge_table)), dtype=object)
    return frames, problems


def _outside_range(values: list[object], sql_type: str) -> list[int]:
    """Indexes of the numbers in `values` that do not fit `sql_type` (`outside_type_range`).

    The smallest and largest number settle a column without infinities and NaN at once: whether a number fits
    depends only on where it lies between them. Otherwise every number is tested.
    """
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if not numbers:
        return []
    if all(v == v for v in numbers) and outside_type_range(min(numbers), sql_type) is None \
            and outside_type_range(max(numbers), sql_type) is None:
        return []
    return [i for i, v in enumerate(values) if outside_type_range(v, sql_type)]


_INTEGER_RANGES = {"TINYINT": 2**7, "SMALLINT": 2**15, "INTEGER": 2**31, "BIGINT": 2**63}
_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")


def outside_type_range(value: object, sql_type: str) -> str | None:
    """Why a number does not fit its staging column type (Dutch), or None when it fits."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "geen eindig getal; vul een gewoon getal in"
    limit = _INTEGER_RANGES.get(sql_type)
    if limit is not None and not -limit <= value < limit:
        return f"getal te groot om op te slaan (grootste waarde {dutch_number(limit - 1)}); controleer het getal"
    match = _DECIMAL.fullmatch(sql_type)
    if match:
        precision, scale = int(match.group(1)), int(match.group(2))
        bound = 10 ** (precision - scale)
        if abs(value) >= bound:
            return (f"getal te groot om op te slaan (kleiner dan {dutch_number(bound)} en hooguit {scale} "
                    "decimalen); controleer het getal")
    return None


@dataclass
class TeamContext:
    """The parts of the validation context a teams file changes (shared, mutated in place)."""

    lookup: Lookup
    periods: dict[str, tuple[date, date | None]]
    regions: dict[str, str]
    sources: dict[str, str]


def team_rows(con: duckdb.DuckDBPyConnection, exclude: set[str]) -> list[dict[str, object]]:
    """The teams in force (stg_teams), leaving out rows of the files in `exclude`."""
    rows = con.execute("SELECT code, naam, regio, periode_start, periode_eind, _bestand FROM stg_teams "
                       "ORDER BY _bestand, _rij").fetchall()
    names = ("code", "naam", "regio", "periode_start", "periode_eind", "_bestand")
    return [dict(zip(names, row, strict=True)) for row in rows if row[5] not in exclude]


def overlay_teams(rows: list[dict[str, object]], parts: TeamContext) -> bool:
    """Put teams rows over the reference teams (etl/reference/teams.csv); True when anything changed."""
    changed = False
    for row in rows:
        code = str(row["code"])
        new = (row["periode_start"], row["periode_eind"])
        if parts.periods.get(code) != new or parts.regions.get(code) != row["regio"]:
            changed = True
        parts.periods[code], parts.regions[code] = new, str(row["regio"])
        parts.sources[code] = f"het teambestand {row['_bestand']} (blad Teams)"
        parts.lookup.add(code, str(row["naam"]))
    return changed


def apply_teams(parsed_files: list[Parsed], parts: TeamContext) -> bool:
    """Overlay the teams of accepted-looking teams files of this run; True when other files must be checked again."""
    rows = []
    for parsed in parsed_files:
        if parsed.result.soort == contract.TEAMS.name and not parsed.result.problems:
            for conv in parsed.sheets:
                rows.extend({**rec, "_bestand": parsed.result.bestand} for rec in conv.records)
    return overlay_teams(rows, parts) if rows else False


def sync_team_reference(con: duckdb.DuckDBPyConnection, today: date) -> None:
    """Replace the ref_team rows of teams in stg_teams (an open end becomes the load date: ref_team needs an end)."""
    con.execute("DELETE FROM ref_team WHERE code IN (SELECT code FROM stg_teams)")
    con.execute("INSERT INTO ref_team SELECT code, naam, regio, periode_start, coalesce(periode_eind, ?::DATE), "
                "coalesce(bron_periode || '; ', '') || 'teambestand ' || _bestand || "
                "CASE WHEN periode_eind IS NULL THEN ' (lopend team)' ELSE '' END FROM stg_teams", [today])


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    types = _table_types(con, table)
    con.register("_incoming", frame)
    try:
        select = ", ".join(f'CAST("{c}" AS {t})' for c, t in types.items())
        con.execute(f"INSERT INTO {table} SELECT {select} FROM _incoming")
    finally:
        con.unregister("_incoming")


def delete_file(con: duckdb.DuckDBPyConnection, bestand: str) -> None:
    """Delete the file's rows from every staging table, noting the keys it took away (temp table _weg, read by
    the incremental data tests: a row elsewhere that referred to such a key must be checked again)."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _weg (tabel VARCHAR, sleutel VARCHAR)")
    note_removed(con, bestand)  # the control evenings of its rows, for the marts' incremental refresh
    for k in contract.KINDS:
        for sheet in k.sheets:
            if sheet.key:
                con.execute(f"INSERT INTO _weg SELECT ?, CAST({sheet.key} AS VARCHAR) FROM {stg_table(sheet)} "
                            "WHERE _bestand = ?", [stg_table(sheet), bestand])
    for table in staging_tables():
        con.execute(f"DELETE FROM {table} WHERE _bestand = ?", [bestand])
    con.execute("DELETE FROM meta_bestand WHERE bestand = ?", [bestand])


def _cross_checks(con: duckdb.DuckDBPyConnection, parsed: Parsed, rejected: dict[str, dict[str, str]]) -> list[Problem]:
    """References to rows in neither this delivery nor the warehouse.

    Runs with the file's own earlier rows deleted and its new rows inserted. References to keys of a file
    rejected in this run (`rejected`: contract sheet -> key -> file) give one line per rejected file instead
    of one per row, so a single bad file does not bury its dependants under thousands of lines.
    """
    found: list[Problem] = []
    cascades: dict[tuple[str, str, str, str], int] = {}
    bestand = parsed.result.bestand
    for conv in parsed.sheets:
        table = stg_table(conv.sheet)
        for ref_col in [c for c in conv.sheet.columns if c.ref]:
            ref_sheet, ref_key = ref_col.ref.split(".")
            ref_table = stg_table(sheet_of(ref_col.ref))
            rows = con.execute(
                f"SELECT s._rij, s.{ref_col.name} FROM {table} s WHERE s._bestand = ? AND s.{ref_col.name} IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {ref_table} r WHERE r.{ref_key} = s.{ref_col.name}) ORDER BY s._rij",
                [bestand],
            ).fetchall()
            for rij, value in rows:
                source = rejected.get(ref_sheet, {}).get(str(value))
                unread = unread_source(rejected, ref_sheet)
                if source is None and unread is not None:
                    source = f"{unread}{UNREAD}"
                if source is not None:
                    group = (source, ref_sheet, conv.blad, ref_col.name)
                    cascades[group] = cascades.get(group, 0) + 1
                    continue
                found.append(problem(bestand, "verwijzing", f"{ref_sheet.lower()} '{value}' bestaat niet (niet in "
                                     "dit bestand en niet in eerder geladen bestanden); controleer het nummer",
                                     blad=conv.blad, rij=rij, kolom=conv.headers.get(ref_col.name, ref_col.name),
                                     contract_kolom=ref_col.name, waarde=str(value)))
    for (source, ref_sheet, blad, column), count in cascades.items():
        rows_text = "1 rij verwijst" if count == 1 else f"{count} rijen verwijzen"
        if source.endswith(UNREAD):
            reason = (f"{rows_text} naar {ref_sheet.lower()} die niet bestaan; ze staan waarschijnlijk in het "
                      f"afgewezen bestand {source.removesuffix(UNREAD)}; los eerst dat bestand op")
        else:
            reason = (f"{rows_text} naar {ref_sheet.lower()} uit het afgewezen bestand {source}; los eerst dat "
                      "bestand op")
        found.append(problem(bestand, "verwijzing_afgewezen_bestand", reason, blad=blad, kolom=column))
    return found


UNREAD = "\0onleesbaar"
"""Key in `rejected` for a sheet of a rejected file whose rows could not be read (keys unknown)."""


def unread_source(rejected: dict[str, dict[str, str]], ref_sheet: str) -> str | None:
    """A rejected file whose `ref_sheet` (or whose kind, when unknown) could not be read, if any."""
    return rejected.get(ref_sheet, {}).get(UNREAD) or rejected.get("*", {}).get(UNREAD)


def remember_keys(parsed: Parsed, rejected: dict[str, dict[str, str]]) -> None:
    """Add the keys of a rejected file's sheets to `rejected` (contract sheet -> key -> file).

    A sheet that could not be read at all (or a file of unknown kind) is remembered under UNREAD, so that
    references to it give one line naming the file instead of one line per row.
    """
    read = {conv.sheet.name for conv in parsed.sheets}
    sheets = [s.name for s in parsed.kind.sheets if s.key] if parsed.kind else ["*"]
    for name in sheets:
        if name not in read:
            rejected.setdefault(name, {}).setdefault(UNREAD, parsed.result.bestand)
    for conv in parsed.sheets:
        if not conv.sheet.key:
            continue
        keys = rejected.setdefault(conv.sheet.name, {})
        for rec in conv.records:
            value = rec.get(conv.sheet.key)
            if value is not None:
                keys.setdefault(str(value), parsed.result.bestand)


def _key_clashes(con: duckdb.DuckDBPyConnection, parsed: Parsed, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rows whose key already exists in the warehouse from another file."""
    found: list[Problem] = []
    bestand = parsed.result.bestand
    for conv in parsed.sheets:
        keys = [conv.sheet.key] if conv.sheet.key else list(conv.sheet.unique_together)
        if not keys:
            continue
        table = stg_table(conv.sheet)
        con.register("_incoming", frames[table])
        try:
            on = " AND ".join(f"CAST(i.{k} AS VARCHAR) = CAST(s.{k} AS VARCHAR)" for k in keys)
            rows = con.execute(
                f"SELECT i._rij, s._bestand, {', '.join(f'i.{k}' for k in keys)} FROM _incoming i "
                f"JOIN {table} s ON {on} ORDER BY i._rij"
            ).fetchall()
        finally:
            con.unregister("_incoming")
        for rij, other, *values in rows:
            found.append(problem(bestand, "dubbele_sleutel", f"dit nummer komt al voor in bestand {other}; een "
                                 "nummer mag maar in één bestand staan",
                                 blad=conv.blad, rij=rij, kolom=conv.headers.get(keys[0], keys[0]),
                                 contract_kolom=keys[0], waarde="/".join(map(str, values))))
    return found


def _write_file(con: duckdb.DuckDBPyConnection, parsed: Parsed, now: datetime,
                rejected: dict[str, dict[str, str]]) -> None:
    """Replace the file's rows in a transaction; on any problem roll back so its earlier version stays."""
    result = parsed.result
    con.begin()
    try:
        delete_file(con, result.bestand)
        frames, problems = _frames(parsed, con)
        problems += _key_clashes(con, parsed, frames)
        if not problems:
            for table, frame in frames.items():
                _insert(con, table, frame)
            problems += _cross_checks(con, parsed, rejected)
            if STEP_DATE_TABLES & set(frames):  # only evenings, visits, findings and steps can break the rule
                problems += steps_before_evening(con, result.bestand, parsed.sheets)
        if problems:
            con.rollback()
            result.problems.extend(problems)
            return
        result.rijen = sum(len(c.records) for c in parsed.sheets)
        con.execute("INSERT INTO meta_bestand VALUES (?, ?, ?, ?, ?, ?)",
                    [result.bestand, result.soort, result.mapping, parsed.sha, now, result.rijen])
        con.commit()
        result.status = "geladen"
    except Exception:
        con.rollback()
        raise


def _open_work_copy(warehouse_path: Path, reference_dir: Path) -> tuple[Path, duckdb.DuckDBPyConnection]:
    """A private copy of the warehouse beside it (or a new one), open for writing, reference tables refreshed."""
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse_path.with_name(f"{warehouse_path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:6]}")
    schema, references = _expected(reference_dir)
    if warehouse_path.exists():
        shutil.copyfile(warehouse_path, tmp)
        con = duckdb.connect(str(tmp))
        if _schema(con) == schema:
            note_reference_keys(con)
            for table, frame in references.items():
                con.execute(f"DELETE FROM {table}")
                con.register("_ref", frame)
                con.execute(f"INSERT INTO {table} SELECT * FROM _ref")
                con.unregister("_ref")
            return tmp, con
        con.close()  # schema changed (etl/warehouse.sql): rebuild everything from the raw folder
        _remove(tmp)
    con = duckdb.connect(str(tmp))
    create_warehouse(con, reference_dir)
    return tmp, con


REFERENCE_KEYS = {"gemeente": ("ref_gemeente", "code"), "partner": ("ref_partner", "code"),
                  "team": ("ref_team", "code"), "thema": ("ref_thema", "code"),
                  "bevindingcategorie": ("ref_bevindingcategorie", "code")}
"""The reference tables staging rows refer to (by column type, and Bevindingen.categorie), with their key."""


def note_reference_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Note the keys the reference tables hold before a load refreshes them (temp table _ref_voor, read by
    `unchanged_references`): one row per table, its keys as a list."""
    con.execute("CREATE OR REPLACE TEMP TABLE _ref_voor (tabel VARCHAR, sleutels VARCHAR[])")
    for table, key in REFERENCE_KEYS.values():
        con.execute(f"INSERT INTO _ref_voor SELECT ?, coalesce(list(CAST({key} AS VARCHAR)), []) FROM {table}",
                    [table])


def unchanged_references(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The reference tables that still hold every key `note_reference_keys` noted in this connection (none when
    it noted nothing): a staging row untouched by the load still finds its reference there."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = '_ref_voor'"
                       ).fetchone()[0]:
        return set()
    kept = set()
    for table, key in REFERENCE_KEYS.values():
        gone = con.execute(f"SELECT count(*) FROM (SELECT unnest(sleutels) AS s FROM _ref_voor WHERE tabel = ?) "
                           f"WHERE s NOT IN (SELECT CAST({key} AS VARCHAR) FROM {table})", [table]).fetchone()[0]
        noted = con.execute("SELECT count(*) FROM _ref_voor WHERE tabel = ?", [table]).fetchone()[0]
        if noted == 1 and not gone:
            kept.add(table)
    return kept


_EXPECTED: dict[tuple, tuple[list[tuple], dict[str, pd.DataFrame]]] = {}


def _expected(reference_dir: Path) -> tuple[list[tuple], dict[str, pd.DataFrame]]:
    """The schema a current warehouse has and its reference tables (cached while the sources are unchanged)."""
    sources = sorted(Path(reference_dir).glob("*.csv"))
    cache_key = (schema_ddl(), *((str(p), p.stat().st_mtime_ns) for p in sources))
    if cache_key not in _EXPECTED:
        with duckdb.connect() as fresh:
            create_warehouse(fresh, reference_dir)
            tables = [r[0] for r in fresh.execute("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_name LIKE 'ref_%' ORDER BY 1").fetchall()]
            _EXPECTED[cache_key] = (_schema(fresh), {t: fresh.execute(f"SELECT * FROM {t}").df() for t in tables})
    return _EXPECTED[cache_key]


def _schema(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every column with its type, and every key constraint (a warehouse from before the staging tables lost
    their primary keys is another schema: rebuilt, so that it loses their indexes too)."""
    columns = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                          "WHERE table_schema = 'main' ORDER BY ALL").fetchall()
    keys = con.execute("SELECT table_name, constraint_type, constraint_column_names::VARCHAR FROM duckdb_constraints() "
                       "WHERE schema_name = 'main' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY ALL"
                       ).fetchall()
    return columns + keys


def data_tests(con: duckdb.DuckDBPyConnection, bestanden: Collection[str] | None = None) -> list[str]:
    """dbt-style tests on the staging tables and the marts: unique keys, not null, accepted values, relationships.

    The marts' tests (etl.marts.mart_tests: one aggregate query per mart) also check that no mart loses or doubles
    rows of its source. Returns one Dutch message per failing test (empty when all pass).

    `bestanden` (the files a load wrote or removed; None: everything) makes the staging tests incremental, so
    that a small load into a large warehouse costs what the load touched, not the warehouse: not null and accepted
    values on the rows of those files; a key unique among the keys those rows hold; a relationship checked for the
    rows of those files and for every row that referred to a key those files took away (`delete_file` notes
    them); a relationship to a reference table (replaced every load) for the rows of those files when the table
    still holds every key it held when the work copy was opened (`note_reference_keys`), otherwise for every row
    (a reference changed in etl/reference, or a team of a teams file that left). Every other row passed these tests
    in the load that wrote it. The marts' full tests then do not run: they test the mart definitions, which cannot
    lose or double rows while the staging tests hold, and they run on every full build (a new or rebuilt
    warehouse, a rebuild or rollback, and the test suite); instead every materialised mart's row count is held to
    its source's (etl.refresh.row_count_failures), which catches a refresh that lost or doubled rows.
    """
    failures: list[str] = []
    incremental = bestanden is not None
    if incremental:
        con.execute("CREATE OR REPLACE TEMP TABLE _geraakt AS SELECT unnest(?::VARCHAR[]) AS bestand",
                    [sorted(bestanden)])
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _weg (tabel VARCHAR, sleutel VARCHAR)")

    def touched(alias: str = "") -> str:
        """The rows of the touched files (every row when not incremental)."""
        prefix = f"{alias}." if alias else ""
        return f"{prefix}_bestand IN (SELECT bestand FROM _geraakt)" if incremental else "TRUE"

    def check(sql: str, message: str) -> None:
        count = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        if count:
            failures.append(f"{message}: {count} rij(en)")

    emptied = {r[0] for r in con.execute("SELECT DISTINCT tabel FROM _weg").fetchall()} if incremental else set()

    def taken_away(parent_table: str, column: str) -> str:
        """Also the rows that referred to a key the touched files took away from `parent_table` (if any)."""
        return (f" OR CAST(c.{column} AS VARCHAR) IN (SELECT sleutel FROM _weg WHERE tabel = '{parent_table}')"
                if parent_table in emptied else "")

    def unique(table: str, keys: list[str]) -> None:
        """No two rows with the same key (the staging tables have no primary keys: etl/staging.py)."""
        cols = ", ".join(keys)
        value = keys[0] if len(keys) == 1 else f"row({cols})"
        scope = f"WHERE {value} IN (SELECT {value} FROM {table} WHERE {touched()})" if incremental else ""
        name = keys[0] if len(keys) == 1 else f"({cols})"
        check(f"SELECT {cols} FROM {table} {scope} GROUP BY ALL HAVING count(*) > 1", f"unique {table}.{name}")

    kept_references = unchanged_references(con) if incremental else set()
    types = {(t, c): d for t, c, d in con.execute(  # one catalogue query, not one per column
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name LIKE 'stg_%'"
    ).fetchall()}

    def referring(alias: str, reference: str) -> str:
        """The rows to check against a reference table: all of them unless it kept every key it held."""
        return touched(alias) if reference in kept_references else "TRUE"

    for k in contract.KINDS:
        for sheet in k.sheets:
            table = stg_table(sheet)
            keys = [sheet.key] if sheet.key else [stg_column(n, sheet.column(n).type) for n in sheet.unique_together]
            if keys:
                unique(table, keys)
            for col in sheet.columns:
                target = stg_column(col.name, col.type)
                if target is None:
                    continue
                if col.required:
                    check(f"SELECT 1 FROM {table} WHERE {touched()} AND {target} IS NULL", f"not_null {table}.{target}")
                allowed = col.allowed or (("ja", "nee", "onbekend") if col.type == "jn" else ())
                if allowed and types.get((table, target)) == "VARCHAR":
                    values = ", ".join("'" + a.replace("'", "''") + "'" for a in allowed)
                    check(f"SELECT 1 FROM {table} WHERE {touched()} AND {target} NOT IN ({values})",
                          f"accepted_values {table}.{target}")
                parent = REFERENCE_KEYS.get(col.type)
                if (sheet.name, col.name) == ("Bevindingen", "categorie"):
                    parent = REFERENCE_KEYS["bevindingcategorie"]
                scope = referring("c", parent[0]) if parent else "TRUE"
                if col.ref:
                    parent = (stg_table(sheet_of(col.ref)), col.ref.split(".")[1])
                    scope = f"({touched('c')}{taken_away(parent[0], target)})"
                if parent:
                    check(f"SELECT 1 FROM {table} c WHERE {scope} AND c.{target} IS NOT NULL AND NOT EXISTS "
                          f"(SELECT 1 FROM {parent[0]} p WHERE p.{parent[1]} = c.{target})",
                          f"relationships {table}.{target} -> {parent[0]}.{parent[1]}")
    for b in bridges():
        parent = stg_table(b.sheet)
        unique(b.table, [b.key, "partner"])
        check(f"SELECT 1 FROM {b.table} c WHERE ({touched('c')}{taken_away(parent, b.key)}) AND NOT EXISTS "
              f"(SELECT 1 FROM {parent} p WHERE p.{b.key} = c.{b.key})",
              f"relationships {b.table}.{b.key} -> {parent}.{b.key}")
        check(f"SELECT 1 FROM {b.table} d WHERE {referring('d', 'ref_partner')} AND NOT EXISTS "
              "(SELECT 1 FROM ref_partner p WHERE p.code = d.partner)",
              f"relationships {b.table}.partner -> ref_partner.code")
    return failures + row_count_failures(con) if incremental else failures + mart_tests(con)


def _record_run(con: duckdb.DuckDBPyConnection, report: LoadReport, started: datetime) -> None:
    for f in report.files:
        con.execute("INSERT INTO meta_laadronde VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [report.run_id, started, f.bestand, f.status, f.rijen, len(f.problems), f.melding])
        for p in f.problems:
            con.execute("INSERT INTO meta_afwijzing VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [report.run_id, f.bestand, p.blad, p.rij, p.kolom, p.waarde, p.regel, p.melding])


def _melding(f: FileResult) -> str:
    if f.status == "afgewezen":
        rules = sorted({p.regel for p in f.problems})
        count = "1 probleem" if len(f.problems) == 1 else f"{len(f.problems)} problemen"
        outcome = "vorige versie blijft gelden" if f.vorige_versie else "niet geladen"
        return f"{count} ({', '.join(rules)}); {outcome}"
    if f.status == "geladen":
        dropped = ""
        if f.bsn_kolommen:
            dropped = "; 1 kolom met BSN weggelaten" if f.bsn_kolommen == 1 else \
                f"; {f.bsn_kolommen} kolommen met BSN weggelaten"
        if f.gemaskeerd:
            dropped += f"; {f.gemaskeerd} persoonsgegeven(s) in vrije tekst gemaskeerd"
        return f"{f.soort}, layout {f.mapping}{dropped}"
    if f.status == "teruggezet":
        return ("teruggezet naar een gearchiveerde versie (python -m etl rollback); het bestand in de map wordt "
                "pas weer gelezen als het verandert")
    if f.status == "ongewijzigd":
        return "zelfde sha256 als de geladen versie"
    return "bestand staat niet meer in de map"


def load_raw(raw_dir: Path, warehouse_path: Path, *, mappings_dir: Path, key_path: Path, reference_dir: Path,
             progress: bool = False, today: date | None = None, remove_all: bool = False,
             limits: Limits | None = None, new_key: bool = False, archive_dir: Path | None = None,
             lock_held: bool = False, progress_callback: Callable[[int, int, str], None] | None = None) -> LoadReport:
    """Load every file under `raw_dir` into the warehouse at `warehouse_path` and return what happened.

    Every path is handed in by the caller (`python -m etl load` takes them from settings.py): the partner layouts
    `mappings_dir`, the pseudonym key `key_path` and the reference tables `reference_dir`. `today` (for the
    "date in the future" check) defaults to the current date. One load at a time per warehouse (LoadBusy);
    work copies a crashed load left behind are removed first. A missing or empty raw folder, or a run
    that would remove every file in force, raises LoadRefused unless `remove_all`. `limits` (file size,
    zip bombs, sheet extent; `Limits.from_settings`) default to the values of settings.py's defaults.
    The warehouse records the pseudonym key's fingerprint; a missing or other key raises LoadRefused, unless
    `new_key`, which rebuilds every file with the new key. With `archive_dir`, every accepted version is
    archived there (etl.archive) before the new warehouse is put in place. `lock_held`: the caller holds
    `load_lock` already (etl.upload); `progress_callback(done, total, file)` is called per file read.
    """
    with nullcontext() if lock_held else load_lock(Path(warehouse_path)):
        remove_stale_work_copies(Path(warehouse_path))
        rebuild = check_key(Path(warehouse_path), Path(key_path), new_key)
        return _load_locked(raw_dir, warehouse_path, mappings_dir=mappings_dir, key_path=key_path,
                            reference_dir=reference_dir, progress=progress, today=today, remove_all=remove_all,
                            limits=limits, rebuild=rebuild, archive_dir=archive_dir,
                            progress_callback=progress_callback)


def _load_locked(raw_dir: Path, warehouse_path: Path, *, mappings_dir: Path, key_path: Path,
                 reference_dir: Path, progress: bool, today: date | None, remove_all: bool,
                 limits: Limits | None, rebuild: bool = False, archive_dir: Path | None = None,
                 progress_callback: Callable[[int, int, str], None] | None = None) -> LoadReport:
    """`load_raw` while holding the load lock; `rebuild`: read every file again (a new pseudonym key)."""
    limits = limits or Limits()
    raw_dir, warehouse_path = Path(raw_dir), Path(warehouse_path)
    key_path, reference_dir = Path(key_path), Path(reference_dir)
    mappings = load_mappings(Path(mappings_dir))
    now = datetime.now()
    started = now.replace(microsecond=0)
    # the id sorts in start order to the microsecond (runs hold the load lock, so no two share one): "the latest
    # run" (gestart_op, then run_id) is the last one even when two runs start within the same second
    report = LoadReport(run_id=f"{now:%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}", warehouse_path=warehouse_path)
    lookups, periods, key = reference_lookups(reference_dir), team_periods(reference_dir), load_key(key_path)
    team_regions, gemeente_regions = regions(reference_dir)
    period_sources: dict[str, str] = {}
    ctx_parts = TeamContext(lookups["team"], periods, team_regions, period_sources)
    tmp, con = _open_work_copy(warehouse_path, reference_dir)
    try:
        try:
            carry_retained(con, warehouse_path, archive_dir)
        except ArchiveMissing as exc:
            raise LoadRefused(f"van {len(exc.files)} bestand(en) is de ruwe werkmap na de bewaartermijn verwijderd "
                              f"en staat de versie in gebruik niet in het archief ({exc}); controleer "
                              "KIT_ARCHIVE_DIR. Het warehouse is ongewijzigd") from None
        in_force = {row[0]: row[1:] for row in con.execute(
            "SELECT bestand, sha256, mapping, geladen_op FROM meta_bestand").fetchall()}
        # a new warehouse (or one made anew for a changed schema: no load history) or a re-read of every file:
        # every data test in full; otherwise only on what this run touches (see data_tests)
        full_build = rebuild or not con.execute("SELECT count(*) FROM meta_laadronde").fetchone()[0]
        con.execute("CREATE OR REPLACE TEMP TABLE _weg (tabel VARCHAR, sleutel VARCHAR)")  # see delete_file
        kept = {row[0] for row in con.execute("SELECT bestand FROM meta_ruw_verwijderd").fetchall()}
        files = raw_files(raw_dir, remove_all or bool(kept))
        present = {path.relative_to(raw_dir).as_posix(): path for path in files}
        retained = (kept & set(in_force)) - set(present)  # raw workbook removed by retention: its rows stay
        if rebuild:
            if retained:
                raise LoadRefused(f"met --new-key moet elk bestand opnieuw gelezen worden, maar van {len(retained)} "
                                  "bestand(en) is de ruwe werkmap na de bewaartermijn verwijderd (bijv. "
                                  f"{min(retained)}); zet de oorspronkelijke sleutel terug. Het warehouse is "
                                  "ongewijzigd")
            for bestand in in_force:
                delete_file(con, bestand)
            in_force = {}
        refuse_removing_everything({b: v for b, v in in_force.items() if b not in retained}, present, remove_all)
        pinned = dict(con.execute("SELECT bestand, ruwe_sha256 FROM meta_teruggezet").fetchall())
        overlay_teams(team_rows(con, exclude=set(in_force) - set(present) - retained), ctx_parts)
        for bestand in sorted(set(in_force) - set(present) - retained):
            delete_file(con, bestand)
            report.files.append(FileResult(bestand, "verwijderd"))
        parsed_files: list[Parsed] = []
        for i, (bestand, path) in enumerate(sorted(present.items()), start=1):
            if progress:
                print(progress_bar(i, len(present), f"lezen {bestand}"), file=sys.stderr, flush=True)
            if progress_callback is not None:
                progress_callback(i, len(present), bestand)
            ctx = Context(bestand, lookups, periods, key, today or date.today(), team_regions, gemeente_regions,
                          period_sources)
            old = in_force.get(bestand)
            link = link_problem(path, raw_dir)
            if link is not None:
                report.files.append(FileResult(bestand, "afgewezen", problems=[link], vorige_versie=old is not None))
                continue
            digest = sha256(path)
            mapping = find_mapping(bestand, mappings)
            if old and pinned.get(bestand) == digest:
                report.files.append(FileResult(bestand, "teruggezet", mapping=old[1]))
                continue
            if old and old[0] == digest and _same_layout(mapping, old[1], old[2]):
                report.files.append(FileResult(bestand, "ongewijzigd", mapping=old[1]))
                continue
            parsed = parse_file(path, bestand, mappings, ctx, digest, limits)
            parsed.result.vorige_versie = old is not None
            parsed_files.append(parsed)
            report.files.append(parsed.result)
        if apply_teams(parsed_files, ctx_parts):
            for i, parsed in enumerate(parsed_files):  # periods or teams changed: check the other files again
                if parsed.result.soort != contract.TEAMS.name:
                    bestand = parsed.result.bestand
                    ctx = Context(bestand, lookups, periods, key, today or date.today(), team_regions,
                                  gemeente_regions, period_sources)
                    again = parse_file(present[bestand], bestand, mappings, ctx, parsed.sha, limits)
                    again.result.vorige_versie = parsed.result.vorige_versie
                    report.files[report.files.index(parsed.result)] = again.result
                    parsed_files[i] = again
        order = kind_order()
        parsed_files.sort(key=lambda p: (order.get(p.result.soort, -1), p.result.bestand))
        now = datetime.now()
        rejected: dict[str, dict[str, str]] = {}
        for parsed in parsed_files:
            if not parsed.result.problems:
                _write_file(con, parsed, now, rejected)
            if parsed.result.status == "afgewezen":
                remember_keys(parsed, rejected)
        report.files.sort(key=lambda f: f.bestand)
        for f in report.files:
            f.melding = _melding(f)
        sync_team_reference(con, today or date.today())
        record_key(con, key)
        con.execute("DELETE FROM meta_teruggezet WHERE bestand NOT IN (SELECT bestand FROM meta_bestand)")
        for bestand in kept & set(present):  # delivered again: the raw workbook is back under the raw folder
            con.execute("DELETE FROM meta_ruw_verwijderd WHERE bestand = ?", [bestand])
        con.execute("DELETE FROM meta_ruw_verwijderd WHERE bestand NOT IN (SELECT bestand FROM meta_bestand)")
        for f in report.files:
            if f.status == "geladen":
                con.execute("DELETE FROM meta_teruggezet WHERE bestand = ?", [f.bestand])
        written = {f.bestand for f in report.files if f.status in ("geladen", "verwijderd")}
        refresh_marts(con, None if full_build else written)
        report.data_test_failures = data_tests(con, None if full_build else written)
        _record_run(con, report, started)
        if archive_dir is not None and not report.data_test_failures:
            archive_loaded(con, report, archive_dir)
        con.execute("CHECKPOINT")
        con.close()
        if report.data_test_failures:
            _remove(tmp)
        else:
            os.replace(tmp, warehouse_path)
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    if progress:
        print(report.summary(), file=sys.stderr, flush=True)
    return report


def archive_loaded(con: duckdb.DuckDBPyConnection, report: LoadReport, archive_dir: Path) -> None:
    """Archive what this run loaded (before the swap: a crash leaves at most an archived version not in force)."""
    rows = con.execute("SELECT bestand, soort, mapping, sha256, geladen_op, rijen FROM meta_bestand").fetchall()
    in_force = {row[0]: row[1:] for row in rows}
    key = con.execute("SELECT vingerafdruk FROM meta_sleutel").fetchone()
    for f in report.files:
        if f.status == "geladen" and f.bestand in in_force:
            soort, mapping, sha, geladen_op, rijen = in_force[f.bestand]
            archive_version(con, archive_dir, f.bestand, sha, soort, mapping, geladen_op, rijen, staging_tables(),
                            key[0] if key else "")


def rollback(warehouse_path: Path, archive_dir: Path, raw_dir: Path, reference_dir: Path, bestand: str,
             sha: str) -> Version:
    """Put the archived version `sha` (a prefix is enough) of `bestand` back in force; LoadRefused when not possible.

    The file's rows are replaced by the archived ones in a work copy that passes the data tests before it is
    swapped in. Later loads skip the raw file (status teruggezet) until it changes.
    """
    warehouse_path = Path(warehouse_path)
    with load_lock(warehouse_path):
        remove_stale_work_copies(warehouse_path)
        matches = [v for v in versions(archive_dir, bestand) if v.sha256.startswith(sha)]
        if len(matches) != 1 or not sha:
            raise LoadRefused(f"geen (eenduidige) gearchiveerde versie '{sha}' van {bestand}; bekijk de versies met "
                              "python -m etl history")
        if not warehouse_path.exists():
            raise LoadRefused("er is nog geen warehouse; voer eerst python -m etl load uit")
        with duckdb.connect(str(warehouse_path), read_only=True) as current:
            before = current.execute("SELECT count(*) FROM meta_bestand").fetchone()[0]
        version = matches[0]
        tmp, con = _open_work_copy(warehouse_path, reference_dir)
        try:
            if con.execute("SELECT count(*) FROM meta_bestand").fetchone()[0] != before:
                raise LoadRefused("het warehouse heeft een ouder schema; voer eerst python -m etl load uit")
            delete_file(con, bestand)
            restore_rows(con, version)
            now = datetime.now()
            con.execute("INSERT INTO meta_bestand VALUES (?, ?, ?, ?, ?, ?)",
                        [bestand, version.soort, version.mapping, version.sha256, now, version.rijen])
            raw = Path(raw_dir) / bestand
            con.execute("DELETE FROM meta_teruggezet WHERE bestand = ?", [bestand])
            con.execute("INSERT INTO meta_teruggezet VALUES (?, ?, ?, ?)",
                        [bestand, version.sha256, sha256(raw) if raw.is_file() else "", now])
            sync_team_reference(con, now.date())  # the work copy got the shipped teams; lay the teams files over them
            swap_in(con, tmp, warehouse_path, "terugzetten geweigerd: de datatests slagen dan niet ({fouten})")
        except BaseException:
            con.close()
            _remove(tmp)
            raise
    return version


def swap_in(con: duckdb.DuckDBPyConnection, tmp: Path, warehouse_path: Path, refused: str) -> None:
    """Put the work copy `tmp` (open as `con`) in place of the warehouse when the data tests pass on it (CHECKPOINT,
    close, atomic os.replace); otherwise raise LoadRefused(`refused` with {fouten} filled in) and leave the
    warehouse as it was; the materialised marts are recomputed first. The caller removes `tmp` on any exception
    (`_remove`)."""
    refresh_marts(con)
    failures = data_tests(con)
    if failures:
        raise LoadRefused(refused.format(fouten="; ".join(failures)))
    con.execute("CHECKPOINT")
    con.close()
    os.replace(tmp, warehouse_path)


def progress_bar(done: int, total: int, label: str, width: int = 30) -> str:
    """Return one progress line such as "[#########.....................]  3/25 lezen x.xlsx"."""
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:>{len(str(total))}}/{total} {label}"


def _same_layout(mapping: Mapping | None, loaded_with: str, loaded_at: datetime) -> bool:
    """True when the file would be read with the same layout, unchanged since it was loaded."""
    if mapping is None:
        return loaded_with == CONTRACT_LAYOUT
    changed = mapping.source is not None and mapping.source.stat().st_mtime > loaded_at.timestamp()
    return mapping.name == loaded_with and not changed


def _remove(tmp: Path) -> None:
    for path in (tmp, tmp.with_name(tmp.name + ".wal")):
        path.unlink(missing_ok=True)
