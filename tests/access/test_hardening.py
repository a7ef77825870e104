"""Hardening: the server listens on 127.0.0.1, files are created owner-only, a secret readable by others is refused,
and no user or partner text is rendered as HTML."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from access.accounts import AccountStore
from access.audit import AuditLog
from access.files import OpenFileError, owner_only
from codering.store import CodingStore
from etl.pseudonym import load_key
from settings import PROJECT_ROOT, load_settings
from tests.test_settings import product_modules


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)  # a typical default: files readable by everyone
    os.umask(previous)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_server_listens_on_localhost_only() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_entry_points_create_owner_only_files(tmp_path: Path, umask: None) -> None:
    os.umask(0o022)
    owner_only()
    settings = load_settings()
    store = CodingStore(tmp_path / "c" / "codering.sqlite")
    store.set_code("R01", 1, "A", "positief")
    load_key(tmp_path / "k" / "pseudoniem.key")
    AccountStore.from_settings(settings).add("a", "evaluator", "een-lang-wachtwoord")
    for path in (tmp_path / "c" / "codering.sqlite", tmp_path / "k" / "pseudoniem.key", settings.users_file,
                 settings.audit_log_path):
        assert _mode(path) == 0o600, path
    assert _mode(tmp_path / "c") == 0o700 and _mode(tmp_path / "k") == 0o700


def test_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "pseudoniem.key"
    load_key(key)
    os.chmod(key, 0o644)
    with pytest.raises(OpenFileError, match=f"chmod 600 {key}"):
        load_key(key)


def test_load_with_an_open_key_is_refused_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str], umask: None) -> None:
    from etl.__main__ import main

    key = tmp_path / "pseudoniem.key"
    load_key(key)
    os.chmod(key, 0o640)
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(key))
    monkeypatch.setenv("KIT_WAREHOUSE", str(tmp_path / "kit.duckdb"))
    assert main(["load", str(PROJECT_ROOT / "data" / "raw")]) == 3
    assert "leesbaar of schrijfbaar voor anderen" in capsys.readouterr().err
    assert not (tmp_path / "kit.duckdb").exists()
    assert AuditLog(load_settings().audit_log_path).entries()["details"].iloc[0].startswith("geweigerd")


def test_no_text_is_rendered_as_html() -> None:
    html = re.compile(r"unsafe_allow_html\s*=\s*True|\bst\.html\(|components\.v1|components\.html")
    # the one exception: a constant script (no user or partner text) that tells the browser the page is Dutch
    lang = """st.html("<script>document.documentElement.lang = 'nl';</script>", unsafe_allow_javascript=True)"""
    hits = [f"{p}:{i}" for p in product_modules() for i, line in enumerate(p.read_text().splitlines(), 1)
            if html.search(line) and line.strip() != lang]
    assert hits == []


def test_partner_text_cannot_become_a_link_or_image() -> None:
    from ui.format import plain

    shown = plain("![x](http://example.invalid/p.png) [klik](http://example.invalid) **vet**")
    assert "](" not in shown and "**" not in shown and shown.startswith("\\!\\[x\\]")
    assert plain("gewoon antwoord") == "gewoon antwoord"
