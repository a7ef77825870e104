"""The coding store: the evaluator's codes, memos and settled codes in SQLite.

Coding is data the product owns: it is not derived from data/raw and so lives outside the warehouse, in
its own SQLite file (settings.coding_db_path), which survives a restart and a rebuild of the warehouse.
Answers are referred to by (respondent_id, vraag_nr), the stable ids of the raw interview workbook.

Tables:
    codes           the current code per answer and coder
    code_historie   append-only audit trail: every change with the previous code, the coder and the time
    memos           the current memo per answer (or per question: respondent_id '') and author
    memo_historie   append-only history of every memo text saved
    beslissingen    append-only settled codes after a disagreement; the latest per answer is in force

Each call opens a short connection in WAL mode with a busy timeout and writes in one IMMEDIATE
transaction, so two coders saving at the same moment are serialised by SQLite and nothing is lost.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from etl.contract import CODES

BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = "1"
VRAAG_MEMO = ""
"""respondent_id used for a memo about the question as a whole."""

_CODE_CHECK = ", ".join(f"'{c}'" for c in CODES)
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS codes (
    respondent_id TEXT NOT NULL,
    vraag_nr INTEGER NOT NULL,
    codeur TEXT NOT NULL,
    code TEXT NOT NULL CHECK (code IN ({_CODE_CHECK})),
    gezet_op TEXT NOT NULL,
    PRIMARY KEY (respondent_id, vraag_nr, codeur)
);
CREATE TABLE IF NOT EXISTS code_historie (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    respondent_id TEXT NOT NULL,
    vraag_nr INTEGER NOT NULL,
    codeur TEXT NOT NULL,
    code TEXT NOT NULL CHECK (code IN ({_CODE_CHECK})),
    vorige_code TEXT,
    gezet_op TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memos (
    respondent_id TEXT NOT NULL,
    vraag_nr INTEGER NOT NULL,
    auteur TEXT NOT NULL,
    tekst TEXT NOT NULL,
    gewijzigd_op TEXT NOT NULL,
    PRIMARY KEY (respondent_id, vraag_nr, auteur)
);
CREATE TABLE IF NOT EXISTS memo_historie (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    respondent_id TEXT NOT NULL,
    vraag_nr INTEGER NOT NULL,
    auteur TEXT NOT NULL,
    tekst TEXT NOT NULL,
    geschreven_op TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS beslissingen (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    respondent_id TEXT NOT NULL,
    vraag_nr INTEGER NOT NULL,
    code TEXT NOT NULL CHECK (code IN ({_CODE_CHECK})),
    besloten_door TEXT NOT NULL,
    besloten_op TEXT NOT NULL,
    toelichting TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS code_historie_antwoord ON code_historie (respondent_id, vraag_nr);
CREATE INDEX IF NOT EXISTS beslissingen_antwoord ON beslissingen (respondent_id, vraag_nr);
"""
_APPEND_ONLY = ("code_historie", "memo_historie", "beslissingen")


def _now() -> str:
    """The current time as ISO 8601 in UTC with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class _Kind:
    """A table holding the current value per answer and person, with its append-only history table."""

    table: str
    history: str
    who: str
    value: str
    stamp: str
    history_stamp: str
    keeps_previous: bool


_CODES = _Kind("codes", "code_historie", "codeur", "code", "gezet_op", "gezet_op", keeps_previous=True)
_MEMOS = _Kind("memos", "memo_historie", "auteur", "tekst", "gewijzigd_op", "geschreven_op", keeps_previous=False)


def _current(con: sqlite3.Connection, kind: _Kind, key: tuple[str, int, str]) -> str | None:
    """The current value of `kind` for (respondent_id, vraag_nr, person), None when there is none."""
    row = con.execute(
        f"SELECT {kind.value} FROM {kind.table} WHERE respondent_id = ? AND vraag_nr = ? AND {kind.who} = ?", key
    ).fetchone()
    return row[0] if row else None


def _save_change(
    con: sqlite3.Connection, kind: _Kind, key: tuple[str, int, str], value: str, previous: str | None = None
) -> None:
    """Upsert the current value and append the same change, at the same time, to the history table."""
    now = _now()
    con.execute(
        f"INSERT INTO {kind.table} VALUES (?, ?, ?, ?, ?) ON CONFLICT (respondent_id, vraag_nr, {kind.who}) "
        f"DO UPDATE SET {kind.value} = excluded.{kind.value}, {kind.stamp} = excluded.{kind.stamp}",
        (*key, value, now),
    )
    extra, values = (", vorige_code", (previous,)) if kind.keeps_previous else ("", ())
    con.execute(
        f"INSERT INTO {kind.history} (respondent_id, vraag_nr, {kind.who}, {kind.value}{extra}, {kind.history_stamp}) "
        f"VALUES ({', '.join('?' * (len(key) + 2 + len(values)))})",
        (*key, value, *values, now),
    )


def _answer_filter(respondent_id: str | None, vraag_nr: int | None) -> tuple[str, tuple[object, ...]]:
    """A WHERE clause and its parameters selecting one respondent and/or one question (everything when None)."""
    clauses, params = [], []
    if respondent_id is not None:
        clauses.append("respondent_id = ?")
        params.append(str(respondent_id))
    if vraag_nr is not None:
        clauses.append("vraag_nr = ?")
        params.append(int(vraag_nr))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


class CodeError(ValueError):
    """A code outside the codebook, or an empty coder name."""


def _use_wal(con: sqlite3.Connection) -> None:
    """Put the store in WAL mode (persistent: a no-op once it is).

    Switching the journal mode of a new store needs it to itself for a moment and SQLite does not wait for that
    (no busy handler), so while another connection is creating the store the switch is retried until
    BUSY_TIMEOUT_MS has passed; only then does "database is locked" reach the caller.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@dataclass(frozen=True)
class CodingStore:
    """The coding store at `path` (created with its schema on first use)."""

    path: Path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A short-lived connection in WAL mode with a busy timeout; closed on exit."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _use_wal(con)
            con.execute("PRAGMA synchronous = NORMAL")
            if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0] == 0:
                self._create(con)
            yield con
        finally:
            con.close()

    @staticmethod
    def _create(con: sqlite3.Connection) -> None:
        """Create the schema (idempotent; safe when two processes do it at once)."""
        con.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            for table in _APPEND_ONLY:
                for action in ("UPDATE", "DELETE"):
                    con.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {table}_geen_{action.lower()} BEFORE {action} ON {table} "
                        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                    )
            con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_versie', ?)", (SCHEMA_VERSION,))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: the write lock is taken up front, so read-then-write is consistent."""
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> pd.DataFrame:
        with self._connect() as con:
            cur = con.execute(sql, params)
            return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])

    # ------------------------------------------------------------------ codes
    def set_code(
        self, respondent_id: str, vraag_nr: int, codeur: str, code: str, *, baseline: str | None = None
    ) -> str | None:
        """Set `codeur`'s code for one answer and append the change to the audit trail.

        `baseline` is the code this coder had before the store knew the answer (the code in the raw
        workbook); it is recorded as the previous code of the first change. Setting the code an answer
        already has changes nothing. Returns the previous code (None when there was none).
        """
        codeur = codeur.strip()
        if not codeur:
            raise CodeError("codeur mag niet leeg zijn")
        if code not in CODES:
            raise CodeError(f"onbekende code {code!r}; toegestaan: {', '.join(CODES)}")
        key = (str(respondent_id), int(vraag_nr), codeur)
        with self._write() as con:
            current = _current(con, _CODES, key)
            previous = current if current is not None else baseline
            if previous == code:
                return previous
            _save_change(con, _CODES, key, code, previous)
            return previous

    def codes(self) -> pd.DataFrame:
        """Current codes: respondent_id, vraag_nr, codeur, code, gezet_op."""
        return self._read(
            "SELECT respondent_id, vraag_nr, codeur, code, gezet_op FROM codes ORDER BY vraag_nr, respondent_id, codeur"
        )

    def history(self, respondent_id: str | None = None, vraag_nr: int | None = None) -> pd.DataFrame:
        """The audit trail of codes (oldest first): id, respondent_id, vraag_nr, codeur, code, vorige_code, gezet_op."""
        where, params = _answer_filter(respondent_id, vraag_nr)
        return self._read(
            f"SELECT id, respondent_id, vraag_nr, codeur, code, vorige_code, gezet_op FROM code_historie {where} "
            "ORDER BY id", params,
        )

    # ------------------------------------------------------------------ memos
    def set_memo(self, vraag_nr: int, auteur: str, tekst: str, respondent_id: str = VRAAG_MEMO) -> None:
        """Save `auteur`'s memo on one answer (or on the question when respondent_id is ''); keeps history."""
        auteur = auteur.strip()
        if not auteur:
            raise CodeError("auteur mag niet leeg zijn")
        key = (str(respondent_id), int(vraag_nr), auteur)
        with self._write() as con:
            if (_current(con, _MEMOS, key) or "") != tekst:
                _save_change(con, _MEMOS, key, tekst)

    def memos(self) -> pd.DataFrame:
        """Current non-empty memos: respondent_id ('' for a question memo), vraag_nr, auteur, tekst, gewijzigd_op."""
        return self._read(
            "SELECT respondent_id, vraag_nr, auteur, tekst, gewijzigd_op FROM memos WHERE tekst <> '' "
            "ORDER BY vraag_nr, respondent_id, auteur"
        )

    def memo_history(self, respondent_id: str | None = None, vraag_nr: int | None = None) -> pd.DataFrame:
        """Every memo text ever saved (oldest first): id, respondent_id, vraag_nr, auteur, tekst, geschreven_op."""
        where, params = _answer_filter(respondent_id, vraag_nr)
        return self._read(
            f"SELECT id, respondent_id, vraag_nr, auteur, tekst, geschreven_op FROM memo_historie {where} ORDER BY id",
            params,
        )

    # ------------------------------------------------------------------ settled codes
    def settle(self, respondent_id: str, vraag_nr: int, code: str, besloten_door: str, toelichting: str = "") -> None:
        """Record the settled code of an answer after a disagreement; a later decision replaces an earlier one."""
        besloten_door = besloten_door.strip()
        if not besloten_door:
            raise CodeError("besloten_door mag niet leeg zijn")
        if code not in CODES:
            raise CodeError(f"onbekende code {code!r}; toegestaan: {', '.join(CODES)}")
        with self._write() as con:
            con.execute(
                "INSERT INTO beslissingen (respondent_id, vraag_nr, code, besloten_door, besloten_op, toelichting) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (str(respondent_id), int(vraag_nr), code, besloten_door, _now(), toelichting),
            )

    def settled(self) -> pd.DataFrame:
        """Settled codes in force (latest decision per answer): respondent_id, vraag_nr, code, besloten_door,
        besloten_op, toelichting."""
        return self._read(
            "SELECT respondent_id, vraag_nr, code, besloten_door, besloten_op, toelichting FROM beslissingen b "
            "WHERE id = (SELECT max(id) FROM beslissingen x "
            "            WHERE x.respondent_id = b.respondent_id AND x.vraag_nr = b.vraag_nr) "
            "ORDER BY vraag_nr, respondent_id"
        )

    def settlement_history(self, respondent_id: str | None = None, vraag_nr: int | None = None) -> pd.DataFrame:
        """Every decision ever recorded (oldest first): id, respondent_id, vraag_nr, code, besloten_door, besloten_op,
        toelichting."""
        where, params = _answer_filter(respondent_id, vraag_nr)
        return self._read(
            "SELECT id, respondent_id, vraag_nr, code, besloten_door, besloten_op, toelichting "
            f"FROM beslissingen {where} ORDER BY id", params,
        )

    # ------------------------------------------------------------------ audit trail
    def audit_trail(self, vraag_nr: int, codeur: str | None = None) -> pd.DataFrame:
        """Every change to the answers of one question, per answer (respondent_id '' for memos on the question).

        Ordered by respondent_id, then oldest first; columns respondent_id, soort ("code", "memo" or
        "vaststelling"), door (coder, author or who settled), waarde (the new code or text), vorige (the code or
        text it replaced: the previous code of that coder, memo of that author, or decision on that answer;
        None for the first), op (UTC time) and toelichting (the reason of a decision). With `codeur` only that
        person's changes are kept (for a coder who codes blind). Reads code_historie, memo_historie and
        beslissingen, the store's append-only tables.
        """
        codes = self.history(vraag_nr=vraag_nr).rename(
            columns={"codeur": "door", "code": "waarde", "vorige_code": "vorige", "gezet_op": "op"}
        ).assign(soort="code", toelichting="")
        memos = self.memo_history(vraag_nr=vraag_nr).rename(
            columns={"auteur": "door", "tekst": "waarde", "geschreven_op": "op"}
        ).assign(soort="memo", toelichting="")
        memos["vorige"] = memos.groupby(["respondent_id", "door"])["waarde"].shift()
        decisions = self.settlement_history(vraag_nr=vraag_nr).rename(
            columns={"besloten_door": "door", "code": "waarde", "besloten_op": "op"}
        ).assign(soort="vaststelling")
        decisions["vorige"] = decisions.groupby("respondent_id")["waarde"].shift()
        columns = ["respondent_id", "soort", "door", "waarde", "vorige", "op", "toelichting"]
        parts = [f[columns] for f in (codes, memos, decisions) if not f.empty]
        if not parts:
            return pd.DataFrame(columns=columns)
        trail = pd.concat(parts, ignore_index=True).astype({"vorige": object})
        trail["vorige"] = trail["vorige"].where(trail["vorige"].notna(), None)
        if codeur is not None:
            trail = trail[trail["door"] == codeur]
        return trail.sort_values(["respondent_id", "op"], kind="stable").reset_index(drop=True)

    # ------------------------------------------------------------------ backup
    def backup(self, target: Path) -> Path:
        """Copy the whole store to `target` with SQLite's online backup API (consistent while coders write)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            dst = sqlite3.connect(target)
            try:
                con.backup(dst)
            finally:
                dst.close()
        return target

    def backup_to_folder(self, folder: Path) -> Path:
        """Back up to `folder`/codering-<UTC timestamp>.sqlite and return that path."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        return self.backup(folder / f"codering-{stamp}.sqlite")
