"""The upload page (Beheer): listed for the beheerder only, draws the uploader, loads nothing without files."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.login import login
from ui.registry import page, pages_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def upload_page(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "beheerder")
    return at.switch_page("pages/upload.py").run()


def test_the_upload_page_is_for_the_beheerder_in_beheer():
    spec = page("upload")
    assert (spec.section, spec.roles) == ("Beheer", frozenset({"beheerder"}))
    assert spec in pages_for("beheerder") and spec not in pages_for("burgemeester")


def test_the_upload_page_draws_the_uploader_and_waits_for_files(upload_page: AppTest, tmp_path: Path):
    assert not upload_page.exception
    assert upload_page.title[0].value == "Bestanden aanleveren"
    assert len(upload_page.get("file_uploader")) == 1
    button = upload_page.button(key="upload_laden")
    assert button.disabled
    button.click().run()
    assert not upload_page.exception and not upload_page.success and not upload_page.error
    assert not (tmp_path / "raw").exists()


@pytest.mark.parametrize("role", ["burgemeester", "stuurgroep", "evaluator"])
def test_the_upload_page_refuses_every_other_role(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path, role: str):
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), role)
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert not at.get("file_uploader")
    assert not (tmp_path / "raw").exists()


def test_the_upload_page_shows_only_the_login_form_to_nobody(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path):
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_RAW_DIR", str(tmp_path / "raw"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert not at.get("file_uploader")
    assert any(b.label == "Inloggen" for b in at.button)
