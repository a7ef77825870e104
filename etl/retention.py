"""Retention (AVG: no longer than needed): `python -m etl retention` shows, `--uitvoeren` applies.

Three terms (settings.py, `Terms.from_settings`):

- Person-level data: the pseudonyms of persons, landlords and addresses and the free text about a case are kept
  `person_years` full calendar years after the year of their event (the control evening of a visit, person or
  finding; a signal's date; a respondent's team period end). After that the
  rows are anonymised, not deleted: each pseudonym becomes `anoniem:<year>:<16 hex>`, a hash with a random salt
  per calendar year that is never stored, and the free text is emptied. No key can lead back to a person any
  more and a later delivery cannot be linked to them, but within one calendar year the same address is still the
  same surrogate, so the counts the published figures rest on (visits, persons, findings, distinct addresses of a
  year) stay in the rows and `python -m metrics reproduce` still computes them. The archived versions in force are
  rewritten with the same anonymised rows, so a rebuild gives the same warehouse.
- Raw partner workbooks (names, addresses, BSNs as delivered) under the raw folder whose version is in force and
  archived: removed `raw_days` after that version was loaded; loads keep the file's rows while it is absent
  (meta_ruw_verwijderd) and a new delivery of it loads as usual.
- Archived versions no longer in force: removed `archive_days` after they were loaded.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from etl.archive import Version, mark_version, rewrite_version, versions
from etl.load import (
    LoadRefused,
    _open_work_copy,
    _remove,
    load_lock,
    remove_stale_work_copies,
    sha256,
    swap_in,
    sync_team_reference,
)
from etl.staging import staging_tables

EVENT_YEAR: dict[str, tuple[str, str]] = {
    "stg_bezoeken": ("bezoek_id", "SELECT b.bezoek_id AS id, year(c.datum) AS jaar FROM stg_bezoeken b "
                     "JOIN stg_controleavonden c USING (controleavond_id)"),
    "stg_personen": ("persoon_id", "SELECT p.persoon_id AS id, year(c.datum) AS jaar FROM stg_personen p "
                     "JOIN stg_bezoeken b USING (bezoek_id) JOIN stg_controleavonden c USING (controleavond_id)"),
    "stg_bevindingen": ("bevinding_id", "SELECT f.bevinding_id AS id, year(c.datum) AS jaar FROM stg_bevindingen f "
                        "JOIN stg_bezoeken b USING (bezoek_id) JOIN stg_controleavonden c USING (controleavond_id)"),
    "stg_signalen": ("signaal_id", "SELECT signaal_id AS id, year(datum) AS jaar FROM stg_signalen"),
    "stg_respondenten": ("respondent_id", "SELECT r.respondent_id AS id, year(t.periode_eind) AS jaar "
                         "FROM stg_respondenten r JOIN ref_team t ON t.code = r.team"),
}
"""Per table with person-level data: its key and a query giving each row's event year (id, jaar)."""

PSEUDONYMS: dict[str, tuple[str, ...]] = {
    "stg_bezoeken": ("adres_pseudoniem", "eigenaar_pseudoniem"), "stg_personen": ("naam_pseudoniem",),
    "stg_signalen": ("adres_pseudoniem",), "stg_respondenten": ("naam_pseudoniem",),
}
"""Pseudonym columns replaced by a per-year surrogate after the term."""

FREE_TEXT: dict[str, tuple[str, ...]] = {"stg_bevindingen": ("toelichting",)}
"""Free text about a person or case, emptied after the term. Opvolging.resultaat (a step's outcome, screened at
load) stays: the published follow-up figures count it ("29 keer bleken na hercontroles ... beëindigd")."""

SURROGATE = "anoniem:"


@dataclass(frozen=True)
class Terms:
    """The retention terms (settings.py)."""

    person_years: int = 7
    raw_days: int = 90
    archive_days: int = 365

    @classmethod
    def from_settings(cls, settings: object) -> Terms:
        """The terms of a Settings object."""
        return cls(settings.retention_person_years, settings.retention_raw_days, settings.retention_archive_days)

    def last_year_out(self, today: date) -> int:
        """The last calendar year whose person-level data are outside the term on `today`."""
        return today.year - self.person_years - 1


@dataclass
class Outside:
    """What falls outside the terms: person-level rows per table and year, raw workbooks, archived versions."""

    last_year: int
    persons: list[tuple[str, int, int]] = field(default_factory=list)
    """(table, year, rows still holding a pseudonym or free text)."""
    raw: list[tuple[str, datetime]] = field(default_factory=list)
    """(raw file, when its version in force was loaded)."""
    archive: list[Version] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.persons or self.raw or self.archive)


def _still_personal(table: str) -> str:
    """SQL condition: a row of `table` still holds a pseudonym or free text."""
    parts = [f"(t.{c} IS NOT NULL AND t.{c} NOT LIKE '{SURROGATE}%')" for c in PSEUDONYMS.get(table, ())]
    parts += [f"t.{c} IS NOT NULL" for c in FREE_TEXT.get(table, ())]
    return "(" + " OR ".join(parts) + ")"


def person_rows_outside(con: duckdb.DuckDBPyConnection, last_year: int) -> list[tuple[str, int, int]]:
    """(table, year, rows) of person-level rows of events in `last_year` or earlier that are not anonymised yet."""
    found = []
    for table, (key, years) in EVENT_YEAR.items():
        rows = con.execute(f"SELECT y.jaar, count(*) FROM {table} t JOIN ({years}) y ON y.id = t.{key} "
                           f"WHERE y.jaar <= ? AND {_still_personal(table)} GROUP BY 1 ORDER BY 1",
                           [last_year]).fetchall()
        found.extend((table, int(year), int(n)) for year, n in rows)
    return found


def anonymise(con: duckdb.DuckDBPyConnection, outside: list[tuple[str, int, int]]) -> None:
    """Anonymise the person-level rows listed in `outside` (one random salt per calendar year, never stored)."""
    salts = {year: secrets.token_hex(16) for _, year, _ in outside}
    for table, year, _ in outside:
        key, years = EVENT_YEAR[table]
        sets = [f"{c} = CASE WHEN {c} IS NULL OR {c} LIKE '{SURROGATE}%' THEN {c} ELSE '{SURROGATE}{year}:' || "
                f"left(sha256('{salts[year]}' || {c}), 16) END" for c in PSEUDONYMS.get(table, ())]
        sets += [f"{c} = NULL" for c in FREE_TEXT.get(table, ())]
        con.execute(f"UPDATE {table} t SET {', '.join(sets)} FROM ({years}) y "
                    f"WHERE y.id = t.{key} AND y.jaar = ? AND {_still_personal(table)}", [year])


def _in_force(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, datetime]]:
    rows = con.execute("SELECT bestand, sha256, geladen_op FROM meta_bestand").fetchall()
    return {b: (sha, at) for b, sha, at in rows}


def find_outside(warehouse_path: Path, raw_dir: Path, archive_dir: Path, terms: Terms,
                 now: datetime | None = None) -> Outside:
    """What falls outside the terms on `now` (default: the current time); nothing is changed."""
    now = now or datetime.now()
    if not Path(warehouse_path).exists():
        raise LoadRefused("er is nog geen warehouse; voer eerst python -m etl load uit")
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        outside = Outside(terms.last_year_out(now.date()), person_rows_outside(con, terms.last_year_out(now.date())))
        in_force = _in_force(con)
    archived = versions(archive_dir)
    archived_keys = {(v.bestand, v.sha256) for v in archived}
    raw_before = now - timedelta(days=terms.raw_days)
    for bestand, (sha, loaded) in sorted(in_force.items()):
        path = Path(raw_dir) / bestand
        if loaded < raw_before and (bestand, sha) in archived_keys and path.is_file() and not path.is_symlink() \
                and sha256(path) == sha:
            outside.raw.append((bestand, loaded))
    archive_before = now - timedelta(days=terms.archive_days)
    outside.archive = [v for v in archived
                       if in_force.get(v.bestand, ("",))[0] != v.sha256 and v.geladen_op < archive_before]
    return outside


def _files_with_anonymised_rows(con: duckdb.DuckDBPyConnection, last_year: int) -> set[str]:
    """Files in force with person-level rows of `last_year` or earlier (so their archived version must follow)."""
    files: set[str] = set()
    for table, (key, years) in EVENT_YEAR.items():
        files |= {row[0] for row in con.execute(
            f"SELECT DISTINCT t._bestand FROM {table} t JOIN ({years}) y ON y.id = t.{key} WHERE y.jaar <= ?",
            [last_year]).fetchall()}
    return files


def sync_archive(warehouse_path: Path, archive_dir: Path, last_year: int) -> list[Version]:
    """Rewrite the archived versions in force whose person-level rows up to `last_year` are not anonymised there
    yet with the warehouse's rows (also repairs an archive a crash left behind the warehouse). Returns them."""
    rewritten = []
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        in_force = _in_force(con)
        files = _files_with_anonymised_rows(con, last_year)
        for v in versions(archive_dir):
            if v.bestand in files and in_force.get(v.bestand, ("",))[0] == v.sha256 \
                    and v.geanonimiseerd_tot < last_year:
                rewrite_version(con, v, staging_tables(), last_year)
                rewritten.append(v)
    return rewritten


def apply_retention(warehouse_path: Path, raw_dir: Path, archive_dir: Path, reference_dir: Path, terms: Terms,
                    now: datetime | None = None) -> Outside:
    """Anonymise, remove and record what falls outside the terms (under the load lock); returns what it did.

    The warehouse is changed in a work copy that passes the data tests and is swapped in atomically; then the
    archived versions in force are rewritten from it, and raw workbooks and old archived versions removed. A crash
    after the swap is finished by the next run (raw workbooks already recorded as removed, archive resynced).
    """
    now = now or datetime.now()
    warehouse_path = Path(warehouse_path)
    with load_lock(warehouse_path):
        remove_stale_work_copies(warehouse_path)
        outside = find_outside(warehouse_path, raw_dir, archive_dir, terms, now)
        with duckdb.connect(str(warehouse_path), read_only=True) as current:
            before = current.execute("SELECT count(*) FROM meta_bestand").fetchone()[0]
        tmp, con = _open_work_copy(warehouse_path, reference_dir)
        try:
            if con.execute("SELECT count(*) FROM meta_bestand").fetchone()[0] != before:
                raise LoadRefused("het warehouse heeft een ouder schema; voer eerst python -m etl load uit")
            sync_team_reference(con, now.date())  # the work copy got the shipped teams; lay the teams files over
            anonymise(con, outside.persons)
            for table, year, rows in outside.persons:
                con.execute("INSERT INTO meta_bewaartermijn VALUES (?, 'persoonsgegevens', ?, ?)",
                            [now, f"{table} {year}", rows])
            for bestand, _ in outside.raw:
                sha = con.execute("SELECT sha256 FROM meta_bestand WHERE bestand = ?", [bestand]).fetchone()[0]
                con.execute("INSERT OR REPLACE INTO meta_ruw_verwijderd VALUES (?, ?, ?)", [bestand, sha, now])
                con.execute("INSERT INTO meta_bewaartermijn VALUES (?, 'ruw_bestand', ?, 1)", [now, bestand])
            for v in outside.archive:
                con.execute("INSERT INTO meta_bewaartermijn VALUES (?, 'archiefversie', ?, 1)",
                            [now, f"{v.bestand} {v.sha256[:12]}"])
            swap_in(con, tmp, warehouse_path, "bewaartermijn niet toegepast: de datatests slagen dan niet "
                    "({fouten}); er is niets veranderd")
        except BaseException:
            con.close()
            _remove(tmp)
            raise
        sync_archive(warehouse_path, archive_dir, outside.last_year)
        in_force = {(v.bestand, v.sha256): v for v in versions(archive_dir)}
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            shas = dict(con.execute("SELECT bestand, sha256 FROM meta_ruw_verwijderd").fetchall())
        for bestand, _ in outside.raw:
            mark_version(in_force[(bestand, shas[bestand])], ruw_verwijderd_op=now.isoformat(timespec="seconds"))
            (Path(raw_dir) / bestand).unlink(missing_ok=True)
        for v in outside.archive:
            shutil.rmtree(v.folder, ignore_errors=True)
            if v.folder.parent.is_dir() and not any(v.folder.parent.iterdir()):
                v.folder.parent.rmdir()
    return outside

