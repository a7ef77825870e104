"""Materialise the large fact marts (tables fct_*) from their definitions, the table macros int_fct_* of
etl/warehouse.sql, in full or for what a load touched.

A metric reads a mart table instead of a view that joins staging to its context on every query. The loader keeps
the tables equal to their definitions:

- in full (`refresh_marts(con)`) on a new or rebuilt warehouse, a rollback, a retention run, or when a reference
  value the marts copy (a municipality's or partner's name, a category's group) changed or went;
- the rows per file (fct_geladen_rijen) likewise, in full or for the touched files;
- incrementally (`refresh_marts(con, bestanden)`) after a load, for the rows whose definition can have changed:
  the rows of the files the load wrote or removed, and every row of a control evening one of those files touched
  (its evening, participation, visits, or the findings and steps under it: `touched_evenings`), because a mart
  row copies its evening's and visit's context. The evenings of the rows a load removes are noted before they go
  (`note_removed`, called by the loader's delete of a file).

Why this is enough: a mart row differs from its definition only when its own staging row changed (it is in a
touched file) or a row it copies context from changed (its visit or evening, or for a violation its steps). Every
such change is a row of a touched file, whose old and new control evenings are both noted, and every mart row
carries its evening (fct_opvolging: avond_id), so deleting the mart rows of those evenings and of the removed keys,
then inserting the definition's rows of the touched files and of the rows those evenings held, leaves the table
as a full refresh would. tests/etl/test_refresh.py holds an incremental refresh to a full one after changed,
moved and removed rows.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import duckdb

from etl.staging import files_in_staging_sql


@dataclass(frozen=True)
class Materialised:
    """One materialised mart: the staging table (or mart) that drives it, its key, the column naming its
    control evening (None: the mart copies no evening context), and its date column. A full refresh writes the
    rows in team and date order, so DuckDB's per-row-group min/max (zone maps) let a query of one team or period
    skip the rest; the few rows of a later small load are appended."""

    mart: str
    source: str
    key: str | None
    evening: str | None
    date: str = "datum"


MATERIALISED: tuple[Materialised, ...] = (
    Materialised("fct_controleavond", "stg_controleavonden", "controleavond_id", "controleavond_id"),
    Materialised("fct_deelname", "stg_deelname", None, "controleavond_id"),
    Materialised("fct_bezoek", "stg_bezoeken", "bezoek_id", "controleavond_id"),
    Materialised("fct_persoon", "stg_personen", "persoon_id", "controleavond_id"),
    Materialised("fct_bevinding", "stg_bevindingen", "bevinding_id", "controleavond_id"),
    Materialised("fct_overtreding", "fct_bevinding", "bevinding_id", "controleavond_id"),
    Materialised("fct_opvolging", "stg_opvolging", "opvolging_id", "avond_id", "avond_datum"),
    Materialised("fct_partnerresultaat", "stg_partnerresultaten", "resultaat_id", "controleavond_id"),
    Materialised("fct_signaal", "stg_signalen", "signaal_id", None),
)
"""In dependency order: a macro reads the marts before it (etl/warehouse.sql)."""

EXPECTED_ROWS: dict[str, str] = {
    "fct_controleavond": "SELECT count(*) FROM stg_controleavonden",
    "fct_deelname": "SELECT count(*) FROM stg_deelname",
    "fct_bezoek": "SELECT count(*) FROM stg_bezoeken",
    "fct_persoon": "SELECT count(*) FROM stg_personen",
    "fct_bevinding": "SELECT count(*) FROM stg_bevindingen",
    "fct_overtreding": "SELECT count(*) FROM stg_bevindingen WHERE overtreding",
    "fct_opvolging": "SELECT count(*) FROM stg_opvolging",
    "fct_partnerresultaat": "SELECT count(*) FROM stg_partnerresultaten",
    "fct_signaal": "SELECT count(*) FROM stg_signalen",
}
"""The row count each mart must have: one row per row of its source (the staging relationships hold)."""

REFERENCES_SQL = """
SELECT 'ref_gemeente', code, naam FROM ref_gemeente
UNION ALL SELECT 'ref_partner', code, naam || '|' || soort FROM ref_partner
UNION ALL SELECT 'ref_bevindingcategorie', code, naam || '|' || coalesce(groep, '') FROM ref_bevindingcategorie"""
"""The reference values the marts copy (names, kinds, groups), per table and code."""

_EVENINGS_OF_FILES = """
SELECT controleavond_id FROM stg_controleavonden WHERE _bestand IN (SELECT bestand FROM {files})
UNION SELECT controleavond_id FROM stg_deelname WHERE _bestand IN (SELECT bestand FROM {files})
UNION SELECT controleavond_id FROM stg_bezoeken WHERE _bestand IN (SELECT bestand FROM {files})
UNION SELECT b.controleavond_id FROM stg_bevindingen f JOIN stg_bezoeken b USING (bezoek_id)
      WHERE f._bestand IN (SELECT bestand FROM {files})
UNION SELECT b.controleavond_id FROM (SELECT bevinding_id FROM stg_opvolging
      WHERE _bestand IN (SELECT bestand FROM {files}) AND bevinding_id IS NOT NULL) o
      JOIN stg_bevindingen f USING (bevinding_id) JOIN stg_bezoeken b USING (bezoek_id)
UNION SELECT controleavond_id FROM stg_opvolging
      WHERE _bestand IN (SELECT bestand FROM {files}) AND controleavond_id IS NOT NULL
"""
"""The control evenings whose mart rows the rows of some files change: the files' evenings, participation and
visits (an evening's counts and context), findings (a violation's context) and steps (a violation's followed-up
flag, a step's context: its violation's evening, and its own evening, a superset of the one it follows up).
Persons, partner results and signals change no other mart row. Inner joins from the few touched rows outward
(a LEFT JOIN would hash the whole national findings table)."""


def note_removed(con: duckdb.DuckDBPyConnection, bestand: str) -> None:
    """Note the control evenings of `bestand`'s rows (temporary table _weg_avond) before the loader deletes them,
    so that the incremental refresh also recomputes the evenings the file's old rows belonged to."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _weg_avond (controleavond_id VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE _dit_bestand AS SELECT ?::VARCHAR AS bestand", [bestand])
    con.execute(f"INSERT INTO _weg_avond {_EVENINGS_OF_FILES.format(files='_dit_bestand')}")


def touched_evenings(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the temporary table _avond with the control evenings the touched files (_geraakt) change: those of
    their current rows and those noted before their old rows were deleted."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _weg_avond (controleavond_id VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE _avond AS "
                f"{_EVENINGS_OF_FILES.format(files='_geraakt')} UNION SELECT controleavond_id FROM _weg_avond")


def _references_changed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a reference value the marts copied at their last refresh changed or went (a new code changes no
    mart row: no row can have pointed at it)."""
    return bool(con.execute(f"SELECT count(*) FROM (SELECT * FROM meta_marts_referentie EXCEPT ({REFERENCES_SQL}))"
                            ).fetchone()[0])


def refresh_marts(con: duckdb.DuckDBPyConnection, bestanden: Collection[str] | None = None) -> bool:
    """Bring every materialised mart up to date with staging; return True when every row was recomputed.

    `bestanden`: the files a load wrote or removed (None: recompute everything). The refresh is in full anyway
    when the marts were never refreshed or a reference value they copy changed or went. Runs inside the caller's
    work copy (the loader's all-or-nothing swap covers it); the temporary table _weg (keys the load deleted, see
    etl.load.delete_file) and _weg_avond (`note_removed`) must hold what the load removed.
    """
    never = not con.execute("SELECT count(*) FROM meta_marts").fetchone()[0]
    full = bestanden is None or never or _references_changed(con)
    if full:
        for m in MATERIALISED:
            con.execute(f"DELETE FROM {m.mart}")
            con.execute(f"INSERT INTO {m.mart} SELECT * FROM int_{m.mart}('{m.source}') ORDER BY team, {m.date}")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _alle AS {files_in_staging_sql()}")
        con.execute("DELETE FROM fct_geladen_rijen")
        con.execute("INSERT INTO fct_geladen_rijen SELECT * FROM int_fct_geladen_rijen('_alle')")
    elif bestanden:
        con.execute("CREATE OR REPLACE TEMP TABLE _geraakt AS SELECT unnest(?::VARCHAR[]) AS bestand",
                    [sorted(bestanden)])
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _weg (tabel VARCHAR, sleutel VARCHAR)")
        touched_evenings(con)
        for m in MATERIALISED:
            _refresh_incrementally(con, m)
        con.execute("DELETE FROM fct_geladen_rijen WHERE bestand IN (SELECT bestand FROM _geraakt)")
        con.execute("INSERT INTO fct_geladen_rijen SELECT * FROM int_fct_geladen_rijen('_geraakt')")
    con.execute("DELETE FROM meta_marts")
    con.execute("INSERT INTO meta_marts VALUES (?, ?)", [datetime.now(), full])
    con.execute("DELETE FROM meta_marts_referentie")
    con.execute(f"INSERT INTO meta_marts_referentie {REFERENCES_SQL}")
    return full


def _refresh_incrementally(con: duckdb.DuckDBPyConnection, m: Materialised) -> None:
    """Replace the mart rows of the touched evenings (_avond), of the keys removed (_weg) and of the touched
    files' rows (_geraakt) by their definition's rows."""
    if m.mart == "fct_overtreding":  # driven by fct_bevinding (just refreshed): the violations of those evenings
        con.execute("DELETE FROM fct_overtreding WHERE controleavond_id IN (SELECT controleavond_id FROM _avond)")
        con.execute("CREATE OR REPLACE TEMP TABLE _bron AS SELECT * FROM fct_bevinding "
                    "WHERE overtreding AND controleavond_id IN (SELECT controleavond_id FROM _avond)")
        con.execute("INSERT INTO fct_overtreding SELECT * FROM int_fct_overtreding('_bron')")
        return
    if m.key is None:  # fct_deelname: no key of its own, every row of a touched evening
        con.execute(f"DELETE FROM {m.mart} WHERE {m.evening} IN (SELECT controleavond_id FROM _avond)")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _bron AS SELECT * FROM {m.source} "
                    f"WHERE {m.evening} IN (SELECT controleavond_id FROM _avond)")
        con.execute(f"INSERT INTO {m.mart} SELECT * FROM int_{m.mart}('_bron')")
        return
    in_evening = f"{m.evening} IN (SELECT controleavond_id FROM _avond)" if m.evening else "FALSE"
    # the rows of untouched files under a touched evening: recomputed by key (usually none)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _opnieuw AS SELECT {m.key} FROM {m.mart} WHERE {in_evening}")
    # two DELETEs, not one with OR: an OR of two IN (subquery) is a mark join over the whole national table
    con.execute(f"DELETE FROM {m.mart} WHERE {in_evening}")
    if con.execute("SELECT count(*) FROM _weg WHERE tabel = ?", [m.source]).fetchone()[0]:
        con.execute(f"DELETE FROM {m.mart} WHERE CAST({m.key} AS VARCHAR) IN "
                    f"(SELECT sleutel FROM _weg WHERE tabel = '{m.source}')")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _bron AS SELECT * FROM {m.source} "
                "WHERE _bestand IN (SELECT bestand FROM _geraakt)")
    con.execute(f"DELETE FROM _opnieuw WHERE {m.key} IN (SELECT {m.key} FROM _bron)")
    if con.execute("SELECT count(*) FROM _opnieuw").fetchone()[0]:
        con.execute(f"INSERT INTO _bron SELECT * FROM {m.source} WHERE {m.key} IN (SELECT {m.key} FROM _opnieuw)")
    # every old version of a _bron row is gone: it was under a touched evening, or its file was replaced (its
    # key is in _weg); a new key was in no mart row (the staging keys are unique)
    con.execute(f"INSERT INTO {m.mart} SELECT * FROM int_{m.mart}('_bron')")


def row_count_failures(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One Dutch-style message per materialised mart whose row count differs from its source's (no row lost or
    doubled by a refresh); cheap, so it runs after every load."""
    failures = []
    for mart, expected_sql in EXPECTED_ROWS.items():
        have = con.execute(f"SELECT count(*) FROM {mart}").fetchone()[0]
        want = con.execute(expected_sql).fetchone()[0]
        if have != want:
            failures.append(f"rows {mart} = bron: {abs(have - want)} rij(en)")
    return failures
