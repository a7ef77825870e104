"""access.accounts and access.audit: hashing, lock-out, owner-only files, the append-only audit log, the CLI."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from access.__main__ import main
from access.accounts import AccountError, AccountStore, User
from access.audit import AuditLog
from access.files import OpenFileError
from settings import load_settings

PASSWORD = "een-lang-wachtwoord"


def _store() -> AccountStore:
    return AccountStore.from_settings(load_settings())  # the accounts file and audit log of tests/conftest.py


def _events(paths: dict[str, Path]) -> list[tuple[str, str, str]]:
    log = AuditLog(paths["audit"]).entries()
    return list(zip(log["gebeurtenis"], log["wie"], log["onderwerp"], strict=True))[::-1]  # oldest first


def test_add_hashes_the_password_and_writes_an_owner_only_file(access_files: dict[str, Path]) -> None:
    store = _store()
    user = store.add("Marieke", "burgemeester", PASSWORD, "bladel")
    assert user == User("Marieke", "burgemeester", "GM1728")
    text = access_files["users"].read_text()
    assert PASSWORD not in text and "$argon2id$" in text
    assert stat.S_IMODE(access_files["users"].stat().st_mode) == 0o600
    assert stat.S_IMODE(access_files["audit"].stat().st_mode) == 0o600
    assert store.authenticate("Marieke", PASSWORD).user == user
    assert store.authenticate("Marieke", "fout-wachtwoord-1").user is None


@pytest.mark.parametrize(
    ("role", "gemeente", "message"),
    [("koning", None, "onbekende rol"), ("burgemeester", None, "één gemeente"),
     ("burgemeester", "Atlantis", "onbekende gemeente"), ("stuurgroep", "Bladel", "alleen een burgemeester")],
)
def test_bad_role_or_municipality_is_refused(role: str, gemeente: str | None, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        _store().add("x", role, PASSWORD, gemeente)


def test_short_password_and_duplicate_name_are_refused() -> None:
    store = _store()
    with pytest.raises(AccountError, match="minstens 12"):
        store.add("a", "evaluator", "kort")
    store.add("a", "evaluator", PASSWORD)
    with pytest.raises(AccountError, match="al een account"):
        store.add("a", "beheerder", PASSWORD)


def test_lock_out_after_five_failures_and_reset_lifts_it(access_files: dict[str, Path]) -> None:
    store = _store()
    store.add("piet", "stuurgroep", PASSWORD)
    results = [store.authenticate("piet", f"fout-{i}") for i in range(5)]
    assert [r.locked for r in results] == [False, False, False, False, True]
    assert results[0].message == "Onjuiste naam of wachtwoord."
    locked = store.authenticate("piet", PASSWORD)  # the right password does not help while locked
    assert locked.user is None and locked.locked and "geblokkeerd" in locked.message
    store.reset("piet", "nog-een-lang-wachtwoord", by="cli:root")
    assert store.authenticate("piet", "nog-een-lang-wachtwoord").user is not None
    events = [e for e, _, _ in _events(access_files)]
    assert events == ["account_toegevoegd", *["inloggen_mislukt"] * 5, "geblokkeerd", "inloggen_geblokkeerd",
                      "account_gereset", "inloggen"]


def test_lock_out_window_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_LOCKOUT_ATTEMPTS", "2")
    store = _store()
    store.add("jan", "evaluator", PASSWORD)
    assert [store.authenticate("jan", "fout").locked for _ in range(2)] == [False, True]


def test_unknown_name_fails_like_a_wrong_password(access_files: dict[str, Path]) -> None:
    result = _store().authenticate("niemand", PASSWORD)
    assert (result.user, result.message) == (None, "Onjuiste naam of wachtwoord.")
    assert _events(access_files) == [("inloggen_mislukt", "niemand", "")]


def test_accounts_file_readable_by_others_is_refused(access_files: dict[str, Path]) -> None:
    store = _store()
    store.add("a", "evaluator", PASSWORD)
    os.chmod(access_files["users"], 0o644)
    with pytest.raises(OpenFileError, match="chmod 600"):
        store.authenticate("a", PASSWORD)


def test_audit_log_refuses_update_and_delete(access_files: dict[str, Path]) -> None:
    log = AuditLog(load_settings().audit_log_path)
    log.write("export", "evaluator", "evaluator", "codering_resultaat.csv")
    con = sqlite3.connect(access_files["audit"])
    try:
        with pytest.raises(sqlite3.DatabaseError, match="alleen aanvulbaar"):
            con.execute("UPDATE auditlog SET wie = 'iemand anders'")
        with pytest.raises(sqlite3.DatabaseError, match="alleen aanvulbaar"):
            con.execute("DELETE FROM auditlog")
    finally:
        con.close()
    assert log.entries()[["gebeurtenis", "wie", "onderwerp"]].values.tolist() == [
        ["export", "evaluator", "codering_resultaat.csv"]]
    with pytest.raises(ValueError, match="onbekende gebeurtenis"):
        log.write("iets", "x")


def test_cli_reads_the_password_from_stdin_never_an_argument(
    access_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "Marieke", "--role", "burgemeester", "--gemeente", "Eersel"]) == 0
    with pytest.raises(SystemExit):
        main(["user", "add", "x", "--role", "evaluator", "--password", PASSWORD])
    monkeypatch.setattr("sys.stdin", io.StringIO("nieuw-lang-wachtwoord\n"))
    assert main(["user", "reset", "Marieke"]) == 0
    assert _store().authenticate("Marieke", "nieuw-lang-wachtwoord").user is not None
    capsys.readouterr()
    assert main(["user", "list"]) == 0
    assert capsys.readouterr().out == "Marieke\tburgemeester\tGM0770\n"
    assert main(["user", "remove", "Marieke"]) == 0
    assert main(["user", "remove", "Marieke"]) == 1
    assert "geen account" in capsys.readouterr().err
    events = _events(access_files)
    assert [e for e, _, _ in events] == ["account_toegevoegd", "account_gereset", "inloggen", "account_verwijderd"]
    assert events[0][1].startswith("cli:") and events[0][2] == "Marieke"


def test_demo_accounts_only_when_no_accounts_file(access_files: dict[str, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert [u.role for u in _store().users()] == ["beheerder", "burgemeester", "evaluator", "stuurgroep"]
    assert _store().authenticate("burgemeester", "demo-burgemeester").user.gemeente == "GM1728"
    assert main(["demo"]) == 0
    assert "bestaat al" in capsys.readouterr().out
