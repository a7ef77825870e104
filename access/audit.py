"""The audit log: who did what when (logins, also failed ones, logouts, lock-outs, exports, coding changes, loads,
account changes). An SQLite file of its own (settings.audit_log_path, KIT_AUDIT_LOG) whose table refuses UPDATE and
DELETE through triggers, so the store itself keeps it append-only. Created owner-only (0600)."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd

from access.files import create_private, make_private

BUSY_TIMEOUT_MS = 30_000

EVENTS: dict[str, str] = {
    "inloggen": "ingelogd",
    "inloggen_mislukt": "inloggen mislukt (onjuiste naam of wachtwoord)",
    "geblokkeerd": "account geblokkeerd na te veel mislukte pogingen",
    "inloggen_geblokkeerd": "inlogpoging tijdens blokkade",
    "uitloggen": "uitgelogd",
    "sessie_verlopen": "uitgelogd na inactiviteit",
    "toegang_geweigerd": "pagina of export geweigerd",
    "export": "export gedownload",
    "codering": "code, memo of vaststelling opgeslagen",
    "laden": "gegevens geladen",
    "terugzetten": "eerdere versie van een bestand teruggezet",
    "herbouwen": "warehouse herbouwd uit het archief",
    "bewaartermijn": "bewaartermijn toegepast: verlopen gegevens verwijderd of geanonimiseerd",
    "account_toegevoegd": "account toegevoegd",
    "account_gereset": "wachtwoord opnieuw ingesteld",
    "account_verwijderd": "account verwijderd",
}
"""Every kind of event with its Dutch description (the audit log page shows the description)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS auditlog (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    op TEXT NOT NULL,
    wie TEXT NOT NULL,
    rol TEXT NOT NULL DEFAULT '',
    gebeurtenis TEXT NOT NULL,
    onderwerp TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS auditlog_wie ON auditlog (wie, gebeurtenis, op);
CREATE TRIGGER IF NOT EXISTS auditlog_geen_update BEFORE UPDATE ON auditlog
BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen aanvulbaar: wijzigen geweigerd'); END;
CREATE TRIGGER IF NOT EXISTS auditlog_geen_delete BEFORE DELETE ON auditlog
BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen aanvulbaar: verwijderen geweigerd'); END;
"""

COLUMNS = ["id", "op", "wie", "rol", "gebeurtenis", "onderwerp", "details"]


def operator() -> str:
    """Who ran a command line (for the audit log): "cli:" and the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except OSError:
        return "cli"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class AuditLog:
    """The audit log at `path` (created with its schema and triggers on first use)."""

    path: Path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        new = not self.path.exists()
        if new:
            create_private(self.path)
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA journal_mode = WAL")
            if new or con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'auditlog'").fetchone()[0] == 0:
                con.executescript(_SCHEMA)
                for suffix in ("-wal", "-shm"):
                    make_private(self.path.with_name(self.path.name + suffix))
            yield con
        finally:
            con.close()

    def write(self, event: str, who: str, role: str = "", subject: str = "", details: str = "") -> None:
        """Append one event (a key of EVENTS) done by `who` (user name) in `role` about `subject`."""
        if event not in EVENTS:
            raise ValueError(f"onbekende gebeurtenis {event!r}")
        with self._connect() as con:
            con.execute(
                "INSERT INTO auditlog (op, wie, rol, gebeurtenis, onderwerp, details) VALUES (?, ?, ?, ?, ?, ?)",
                (_now().isoformat(timespec="microseconds"), who, role or "", event, subject or "", details or ""),
            )

    def entries(self, limit: int | None = None) -> pd.DataFrame:
        """The events, newest first: id, op (UTC, ISO 8601), wie, rol, gebeurtenis, onderwerp, details."""
        with self._connect() as con:
            sql = "SELECT " + ", ".join(COLUMNS) + " FROM auditlog ORDER BY id DESC"
            rows = con.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
        return pd.DataFrame(rows, columns=COLUMNS)

    def failures(self, who: str, minutes: int) -> int:
        """Failed logins of `who` in the last `minutes`, counted after their last successful login or reset."""
        since = (_now() - timedelta(minutes=minutes)).isoformat(timespec="microseconds")
        with self._connect() as con:
            last_ok = con.execute(
                "SELECT max(id) FROM auditlog WHERE (wie = ? AND gebeurtenis = 'inloggen') "
                "OR (onderwerp = ? AND gebeurtenis IN ('account_gereset', 'account_toegevoegd'))", (who, who),
            ).fetchone()[0] or 0
            return con.execute(
                "SELECT count(*) FROM auditlog WHERE wie = ? AND gebeurtenis = 'inloggen_mislukt' AND op >= ? "
                "AND id > ?", (who, since, last_ok),
            ).fetchone()[0]
