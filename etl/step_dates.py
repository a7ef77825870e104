"""Loader rule: a follow-up step cannot start or close before its control evening.

A step's control evening is the evening of the violation it follows up (bevinding -> bezoek -> controleavond);
a step for a whole action (no bevinding_id) has its own controleavond_id. A step dated before that evening
would give negative days to closure, so the file is rejected (whole, like every other problem).

The check runs inside the loader's transaction, after a file's rows are in the work copy (beside the
reference checks in etl/load.py), on every step that involves the file: its own steps, and the already loaded
steps whose evening the file moves. Those can only hang from a key of the file that was in the warehouse before
the file was written: a row refers to a key only when that key exists (etl.load._cross_checks, and the data tests
at the end of every load), so a key the file brings for the first time has no referrers yet, except rows written
later in this run, whose own check sees this file's rows. A key that was there before was taken away and given
again (etl.load.delete_file notes it in the temp table _weg: the file's earlier version, or a file it replaces).
So the steps found are the file's own and those below its given-again evenings, visits and findings, and a new
file into a large warehouse looks at its own rows and what they point at, never at every step. The message
points at the row of this file that must change: the step's date, or the evening's date (naming the step's file
and row), so the file that caused the contradiction is the one rejected.
"""

from __future__ import annotations

from datetime import date

import duckdb

from etl.parse import Converted, Problem, dutch_date, problem

STEP_DATE_TABLES = frozenset({"stg_controleavonden", "stg_bezoeken", "stg_bevindingen", "stg_opvolging"})
"""The staging tables whose rows decide a step's evening and dates: a file writing none of them cannot break it."""

_SQL = """
WITH
-- two scans, not one with OR: a filter on one column reads the other columns only for the rows it keeps
o AS (SELECT opvolging_id, bevinding_id, controleavond_id, datum_start, datum_gesloten, _bestand, _blad, _rij
      FROM stg_opvolging WHERE _bestand = $1
      UNION ALL
      SELECT opvolging_id, bevinding_id, controleavond_id, datum_start, datum_gesloten, _bestand, _blad, _rij
      FROM stg_opvolging WHERE opvolging_id IN (SELECT unnest($2::VARCHAR[])) AND _bestand <> $1),
f AS (SELECT bevinding_id, bezoek_id, _bestand, _blad, _rij FROM stg_bevindingen
      WHERE bevinding_id IN (SELECT bevinding_id FROM o)),
b AS (SELECT bezoek_id, controleavond_id, _bestand, _blad, _rij FROM stg_bezoeken
      WHERE bezoek_id IN (SELECT bezoek_id FROM f)),
stap AS (
    SELECT o.opvolging_id, o.datum_start, o.datum_gesloten, o._bestand, o._blad, o._rij,
           f._bestand AS f_bestand, f._blad AS f_blad, f._rij AS f_rij,
           b._bestand AS b_bestand, b._blad AS b_blad, b._rij AS b_rij,
           coalesce(b.controleavond_id, o.controleavond_id) AS avond_id
    FROM o
    LEFT JOIN f ON f.bevinding_id = o.bevinding_id
    LEFT JOIN b ON b.bezoek_id = f.bezoek_id
)
SELECT s.opvolging_id, s.datum_start, s.datum_gesloten, s._bestand, s._blad, s._rij,
       s.f_bestand, s.f_blad, s.f_rij, s.b_bestand, s.b_blad, s.b_rij,
       c.controleavond_id, c.datum, c._bestand, c._blad, c._rij
FROM stap s JOIN stg_controleavonden c ON c.controleavond_id = s.avond_id
WHERE (s.datum_start < c.datum OR s.datum_gesloten < c.datum)
  AND $1 IN (s._bestand, s.f_bestand, s.b_bestand, c._bestand)
ORDER BY s._bestand, s._rij
"""
"""The file's own steps and the steps `$2`, with their finding, visit and evening, where a date is before it."""


def _keys(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[str]:
    return [row[0] for row in con.execute(sql, params).fetchall()]


def _steps_below(con: duckdb.DuckDBPyConnection, bestand: str) -> list[str]:
    """The already loaded steps below the evenings, visits and findings of `bestand` given again (see above)."""
    again = {row[0] for row in con.execute("SELECT DISTINCT tabel FROM _weg").fetchall()}

    def given_again(table: str, key: str) -> list[str]:
        if table not in again:
            return []
        return _keys(con, f"SELECT {key} FROM {table} WHERE _bestand = ? AND {key} IN "
                          "(SELECT sleutel FROM _weg WHERE tabel = ?)", [bestand, table])

    def below(table: str, key: str, column: str, parents: list[str]) -> list[str]:
        if not parents:
            return []
        return _keys(con, f"SELECT {key} FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [parents])

    evenings = given_again("stg_controleavonden", "controleavond_id")
    visits = given_again("stg_bezoeken", "bezoek_id") + below("stg_bezoeken", "bezoek_id", "controleavond_id",
                                                              evenings)
    findings = given_again("stg_bevindingen", "bevinding_id") + below("stg_bevindingen", "bevinding_id",
                                                                      "bezoek_id", visits)
    return (below("stg_opvolging", "opvolging_id", "bevinding_id", findings)
            + below("stg_opvolging", "opvolging_id", "controleavond_id", evenings))


def _header(sheets: list[Converted], blad: str, column: str) -> str:
    """The partner's header of a contract column in the delivered sheet `blad` (the contract name otherwise)."""
    conv = next((c for c in sheets if c.blad == blad), None)
    return conv.headers.get(column, column) if conv else column


def _typed(sheets: list[Converted], blad: str, rij: int, column: str, value: date) -> str:
    """The value as the partner typed it, or the date as dd-mm-jjjj."""
    conv = next((c for c in sheets if c.blad == blad), None)
    typed = conv.typed.get(rij, {}).get(column) if conv else None
    return typed or dutch_date(value)


def steps_before_evening(con: duckdb.DuckDBPyConnection, bestand: str, sheets: list[Converted]) -> list[Problem]:
    """Problems for follow-up steps dated before their control evening that involve the file `bestand`.

    `sheets`: the file's converted sheets (for the partner's headers and typed values). One problem per step
    and date column (datum_start, datum_gesloten) when the step is in this file; otherwise one per step at the
    row of this file that sets the evening (the evening's datum, the visit's controleavond_id or the finding's
    bezoek_id). Rules: start_voor_controleavond, gesloten_voor_controleavond.
    """
    found: list[Problem] = []
    rows = con.execute(_SQL, [bestand, _steps_below(con, bestand)]).fetchall()
    for (stap, start, gesloten, s_bestand, s_blad, s_rij, _f_bestand, f_blad, f_rij, b_bestand, b_blad, b_rij,
         avond, avond_datum, c_bestand, c_blad, c_rij) in rows:
        avond_tekst = f"controleavond {avond} van {dutch_date(avond_datum)}"
        if s_bestand == bestand:
            for kolom, datum, regel, wat in (
                ("datum_start", start, "start_voor_controleavond", "begint"),
                ("datum_gesloten", gesloten, "gesloten_voor_controleavond", "is afgerond"),
            ):
                if datum is not None and datum < avond_datum:
                    found.append(problem(
                        bestand, regel, f"opvolgingsstap {stap} {wat} vóór de {avond_tekst} waarop hij volgt; een "
                        "stap kan niet eerder zijn dan de controleavond: controleer de datum of de verwijzing",
                        blad=s_blad, rij=s_rij, kolom=_header(sheets, s_blad, kolom), contract_kolom=kolom,
                        waarde=_typed(sheets, s_blad, s_rij, kolom, datum)))
            continue
        eerste = min(d for d in (start, gesloten) if d is not None)
        regel = "start_voor_controleavond" if start < avond_datum else "gesloten_voor_controleavond"
        reden = (f"opvolgingsstap {stap} ({s_bestand}, blad '{s_blad}', rij {s_rij}) is gedateerd op "
                 f"{dutch_date(eerste)}, vóór de {avond_tekst}; een stap kan niet eerder zijn dan de controleavond: "
                 "controleer deze rij of het opvolgingsregister")
        if c_bestand == bestand:
            where = (c_blad, c_rij, "datum", _typed(sheets, c_blad, c_rij, "datum", avond_datum))
        elif b_bestand == bestand:
            where = (b_blad, b_rij, "controleavond_id", avond)
        else:
            where = (f_blad, f_rij, "bezoek_id", None)
        blad, rij, kolom, waarde = where
        found.append(problem(bestand, regel, reden, blad=blad, rij=rij, kolom=_header(sheets, blad, kolom),
                             contract_kolom=kolom, waarde=waarde))
    return found
