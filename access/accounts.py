"""Local accounts: a JSON file outside the repository (settings.users_file, KIT_USERS_FILE), owner-only (0600),
with per user a role, for a burgemeester the municipality (CBS code), and an argon2id hash of the password
(argon2-cffi with its default parameters). The same file holds the e-mail -> role table for OIDC logins.

`authenticate` checks a password and applies the lock-out (settings.lockout_attempts failures within
settings.lockout_minutes), writing every attempt to the audit log.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from access.audit import AuditLog
from access.files import refuse_if_open, write_private
from settings import Settings
from ui.registry import ROLES

HASHER = PasswordHasher()
"""The password hasher (argon2id, library defaults). Tests swap in cheaper parameters (tests/conftest.py)."""

MIN_PASSWORD = 12
"""Minimum password length for a local account."""


class AccountError(ValueError):
    """A bad account request (unknown role, municipality, user; short password); the message is Dutch."""


@dataclass(frozen=True)
class User:
    """A logged-in user: name, role (one of ui.registry.ROLES) and, for a burgemeester, the municipality's
    CBS code (e.g. "GM1728"); None for the other roles."""

    name: str
    role: str
    gemeente: str | None = None


def municipalities(reference_dir: Path) -> dict[str, str]:
    """CBS code -> name of every municipality in the reference table (`reference_dir`/gemeenten.csv)."""
    with open(reference_dir / "gemeenten.csv", encoding="utf-8") as handle:
        return {row["code"]: row["naam"] for row in csv.DictReader(handle)}


def municipality_code(value: str, reference_dir: Path) -> str:
    """The CBS code of a municipality given by code or name (case-insensitive); AccountError when unknown."""
    known = municipalities(reference_dir)
    wanted = value.strip().casefold()
    for code, name in known.items():
        if wanted in (code.casefold(), name.casefold()):
            return code
    raise AccountError(f"onbekende gemeente {value!r}; bekend: {', '.join(sorted(known.values()))}")


def check_role(role: str, gemeente: str | None, reference_dir: Path) -> str | None:
    """Validate a role and its municipality; returns the municipality's CBS code (None for other roles)."""
    if role not in ROLES:
        raise AccountError(f"onbekende rol {role!r}; toegestaan: {', '.join(ROLES)}")
    if role == "burgemeester":
        if not gemeente:
            raise AccountError("een burgemeester hoort bij één gemeente: geef --gemeente")
        return municipality_code(gemeente, reference_dir)
    if gemeente:
        raise AccountError(f"alleen een burgemeester hoort bij een gemeente, niet de rol {role}")
    return None


_DUMMY: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash to verify against for unknown names, so the answer takes as long as for a known name."""
    if id(HASHER) not in _DUMMY:
        _DUMMY[id(HASHER)] = HASHER.hash("geen-gebruiker")
    return _DUMMY[id(HASHER)]


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt: the user on success, else a Dutch message (and whether locked)."""

    user: User | None
    message: str = ""
    locked: bool = False


@dataclass(frozen=True)
class AccountStore:
    """The accounts file at `path`; every change and login attempt goes to `audit`; municipalities are checked
    against `reference_dir`/gemeenten.csv; `lockout_attempts` failures within `lockout_minutes` lock an account."""

    path: Path
    audit: AuditLog
    reference_dir: Path
    lockout_attempts: int = 5
    lockout_minutes: int = 15

    @classmethod
    def from_settings(cls, settings: Settings) -> AccountStore:
        """The store of `settings` (users_file, audit_log_path, reference_dir, lock-out thresholds)."""
        return cls(settings.users_file, AuditLog(settings.audit_log_path), settings.reference_dir,
                   settings.lockout_attempts, settings.lockout_minutes)

    def exists(self) -> bool:
        return self.path.exists()

    def _read(self) -> dict:
        refuse_if_open(self.path, "Het accountbestand")
        if not self.path.exists():
            return {"versie": 1, "gebruikers": {}, "oidc": {}}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        data.setdefault("gebruikers", {})
        data.setdefault("oidc", {})
        return data

    def _save(self, data: dict) -> None:
        write_private(self.path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))

    # ------------------------------------------------------------------ reading
    def users(self) -> list[User]:
        """Every local account, by name."""
        return [User(name, e["rol"], e.get("gemeente")) for name, e in sorted(self._read()["gebruikers"].items())]

    def get(self, name: str) -> User | None:
        """The account `name`, None when there is none."""
        entry = self._read()["gebruikers"].get(name)
        return None if entry is None else User(name, entry["rol"], entry.get("gemeente"))

    def oidc_table(self) -> dict[str, dict[str, str]]:
        """The e-mail -> {"rol", "gemeente"} table for OIDC logins (e-mail addresses in lower case)."""
        return {k.casefold(): v for k, v in self._read()["oidc"].items()}

    # ------------------------------------------------------------------ changes (each one audited)
    def add(self, name: str, role: str, password: str, gemeente: str | None = None, *, by: str = "") -> User:
        """Add a local account; AccountError when the name exists, the role or municipality is unknown or the
        password is shorter than MIN_PASSWORD."""
        name = name.strip()
        if not name:
            raise AccountError("de naam mag niet leeg zijn")
        code = check_role(role, gemeente, self.reference_dir)
        _check_password(password)
        data = self._read()
        if name in data["gebruikers"]:
            raise AccountError(f"er is al een account {name!r}; gebruik 'user reset' voor een nieuw wachtwoord")
        entry = {"rol": role, "hash": HASHER.hash(password), "aangemaakt": _stamp()}
        if code:
            entry["gemeente"] = code
        data["gebruikers"][name] = entry
        self._save(data)
        self.audit.write("account_toegevoegd", by or name, subject=name,
                                 details=f"rol {role}" + (f", gemeente {code}" if code else ""))
        return User(name, role, code)

    def reset(self, name: str, password: str, *, by: str = "") -> None:
        """Give `name` a new password (this also lifts a lock-out)."""
        _check_password(password)
        data = self._read()
        if name not in data["gebruikers"]:
            raise AccountError(f"geen account {name!r}")
        data["gebruikers"][name]["hash"] = HASHER.hash(password)
        data["gebruikers"][name]["gewijzigd"] = _stamp()
        self._save(data)
        self.audit.write("account_gereset", by or name, subject=name)

    def remove(self, name: str, *, by: str = "") -> None:
        """Remove the account `name` (an open session of that user ends at its next interaction)."""
        data = self._read()
        if data["gebruikers"].pop(name, None) is None:
            raise AccountError(f"geen account {name!r}")
        self._save(data)
        self.audit.write("account_verwijderd", by or name, subject=name)

    def map_email(self, email: str, role: str, gemeente: str | None = None, *, by: str = "") -> None:
        """Put an e-mail address in the OIDC table with its role (and municipality for a burgemeester)."""
        code = check_role(role, gemeente, self.reference_dir)
        data = self._read()
        entry = {"rol": role} | ({"gemeente": code} if code else {})
        data["oidc"][email.strip().casefold()] = entry
        self._save(data)
        self.audit.write("account_toegevoegd", by or email, subject=email.strip().casefold(),
                                 details=f"OIDC, rol {role}" + (f", gemeente {code}" if code else ""))

    # ------------------------------------------------------------------ login
    def authenticate(self, name: str, password: str) -> LoginResult:
        """Check `password` for `name`, with lock-out; every attempt goes to the audit log."""
        log, attempts, minutes = self.audit, self.lockout_attempts, self.lockout_minutes
        name = name.strip()
        if log.failures(name, minutes) >= attempts:
            log.write("inloggen_geblokkeerd", name)
            return LoginResult(None, _locked_message(minutes), locked=True)
        entry = self._read()["gebruikers"].get(name)
        try:
            HASHER.verify(entry["hash"] if entry else _dummy_hash(), password)
            ok = entry is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if ok:
            user = User(name, entry["rol"], entry.get("gemeente"))
            if HASHER.check_needs_rehash(entry["hash"]):
                data = self._read()
                data["gebruikers"][name]["hash"] = HASHER.hash(password)
                self._save(data)
            log.write("inloggen", name, user.role)
            return LoginResult(user)
        log.write("inloggen_mislukt", name)
        if log.failures(name, minutes) >= attempts:
            log.write("geblokkeerd", name, details=f"{attempts} mislukte pogingen binnen {minutes} minuten")
            return LoginResult(None, _locked_message(minutes), locked=True)
        return LoginResult(None, "Onjuiste naam of wachtwoord.")


def _locked_message(minutes: int) -> str:
    return (f"Te veel mislukte pogingen: dit account is tijdelijk geblokkeerd (maximaal {minutes} minuten). "
            "Probeer het later opnieuw of vraag de beheerder om een nieuw wachtwoord.")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben")


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
