"""The Auditlog page (beheerder): logins, failed logins, refusals and exports, filterable, and formula-safe in its
export; the etl load writes to the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from access.audit import AuditLog
from settings import load_settings
from tests.login import fill_login, login
from ui.charts import csv_bytes, export_frame

ROOT = Path(__file__).resolve().parents[2]
FORMULA = '=HYPERLINK("http://example.invalid","klik")'


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def test_beheerder_sees_who_did_what(app: AppTest) -> None:
    fill_login(app, FORMULA, "geen-wachtwoord")  # a failed login whose typed name is a formula
    at = login(app, "beheerder").switch_page("pages/auditlog.py").run()
    assert not at.exception and at.title[0].value == "Auditlog"
    table = at.dataframe[0].value
    assert table[["Wie", "Wat"]].values.tolist() == [  # newest first
        ["beheerder", "ingelogd"], ["beheerder", "account toegevoegd"],
        [FORMULA, "inloggen mislukt (onjuiste naam of wachtwoord)"]]
    at.multiselect(key="audit_soort").set_value(["inloggen_mislukt"]).run()
    assert at.dataframe[0].value["Wie"].tolist() == [FORMULA]
    text = csv_bytes(export_frame(at.dataframe[0].value)).decode("utf-8-sig")
    assert "'" + FORMULA.replace('"', '""') in text  # the export neutralises the typed formula
    assert len(at.get("download_button")) == 2


def test_load_is_audited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.__main__ import main

    monkeypatch.setenv("KIT_WAREHOUSE", str(tmp_path / "wh" / "kit.duckdb"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    (tmp_path / "leeg").mkdir()
    assert main(["load", str(tmp_path / "leeg")]) == 3  # an empty raw folder is refused
    log = AuditLog(load_settings().audit_log_path).entries()
    assert log[["gebeurtenis", "onderwerp"]].values.tolist() == [["laden", str(tmp_path / "leeg")]]
    assert log["wie"].iloc[0].startswith("cli") and log["details"].iloc[0].startswith("geweigerd")
