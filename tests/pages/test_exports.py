"""Every export of every page, for every role that may open the page (the role x page x export matrix of the
README, ui/registry.py): each download comes as CSV and Excel with the same rows, both readable; a role that may not
open a page gets no download there (tests/pages/test_access.py) and `export_allowed` says no for it."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from tests.downloads import download_bytes, download_csv, download_keys
from tests.login import login
from ui.filters import TEAM_KEY
from ui.registry import PAGES, ROLES

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = [(spec, role) for spec in PAGES for role in ROLES if role in spec.roles]
DOWNLOADS = {"overzicht": 2, "overtredingen": 2, "partners": 5, "kit_vs_pit": 3, "opvolging": 7, "waterbed": 0,
             "terugkoppeling": 3, "reproductie": 3, "codering": 0, "datakwaliteit": 5, "upload": 0, "auditlog": 1}
"""CSV + Excel pairs each page offers on the small synthetic warehouse, KIT pilot chosen. Waterbedeffect has no
interventions there (its downloads: tests/pages/test_waterbed.py on the demo data); the coding page no interview
workbook; the upload page offers none. The mayor of Bladel gets one fewer on Terugkoppeling: the pilot held no
evening in Bladel, so there is no list of findings to download."""


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    monkeypatch.setenv("KIT_RAW_DIR", str(tmp_path / "raw"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


@pytest.mark.parametrize(("spec", "role"), ALLOWED, ids=[f"{s.name}-{r}" for s, r in ALLOWED])
def test_every_download_of_a_page_the_role_may_open(app: AppTest, spec, role: str) -> None:
    at = login(app, role)
    if spec.filtered:
        at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot"]).run()  # the team with the most rows
    at.switch_page(spec.path).run()
    assert not at.exception, [e.value for e in at.exception]
    keys = [k for k in download_keys(at) if k.startswith(("dl_csv_", "dl_xlsx_"))]
    csv = sorted(k.removeprefix("dl_csv_") for k in keys if k.startswith("dl_csv_"))
    assert csv == sorted(k.removeprefix("dl_xlsx_") for k in keys if k.startswith("dl_xlsx_"))  # always both
    assert len(csv) == DOWNLOADS[spec.name] - (spec.name == "terugkoppeling" and role == "burgemeester")
    for name in csv:
        rows = download_csv(at, f"dl_csv_{name}")
        sheet = openpyxl.load_workbook(io.BytesIO(download_bytes(at, f"dl_xlsx_{name}")), read_only=True).active
        excel = list(sheet.iter_rows(values_only=True))
        assert list(excel[0]) == list(rows.columns), name  # Dutch headers, the same in both files
        assert len(excel) - 1 == len(rows), name


def test_export_allowed_follows_the_matrix_for_every_page_and_role() -> None:
    def draw() -> None:
        import streamlit as st

        from access.accounts import AccountStore
        from settings import load_settings
        from tests.login import ensure_account
        from ui.auth import CURRENT_PAGE_KEY, _end_session, _start_session, export_allowed
        from ui.data import use_settings
        from ui.registry import PAGES, ROLES

        use_settings(load_settings())
        for role in ROLES:
            _start_session(AccountStore.from_settings(load_settings()).get(ensure_account(role)))
            for spec in PAGES:
                st.session_state[CURRENT_PAGE_KEY] = spec.name
                st.write(f"{role} {spec.name} {export_allowed()}")
            _end_session()
        st.session_state[CURRENT_PAGE_KEY] = "overzicht"
        st.write(f"niemand overzicht {export_allowed()}")

    at = AppTest.from_function(draw).run()
    assert not at.exception, [e.value for e in at.exception]
    expected = [f"{role} {spec.name} {role in spec.roles}" for role in ROLES for spec in PAGES]
    assert [m.value for m in at.markdown] == [*expected, "niemand overzicht False"]


def test_a_download_is_made_on_the_click_and_each_click_is_audited(app: AppTest) -> None:
    """No file is written on a page run (a national overdue list would be written at every rerun); the click makes
    it, as the logged-in role on that page, and every click is an audit entry."""
    from access.audit import AuditLog
    from settings import load_settings

    at = login(app, "stuurgroep")
    at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot"]).run()
    at.switch_page("pages/overzicht.py").run()
    knoppen = [b for b in at.get("download_button") if b.proto.id.rsplit("-", 1)[-1].startswith("dl_")]
    assert knoppen and all(b.proto.deferred_file_id and b.proto.url == "" for b in knoppen)
    log = AuditLog(load_settings().audit_log_path)
    assert "export" not in set(log.entries()["gebeurtenis"])  # showing the page exported nothing
    csv = next(k for k in download_keys(at) if k.startswith("dl_csv_"))
    download_bytes(at, csv)
    download_bytes(at, csv)
    entries = log.entries()
    exports = entries[entries["gebeurtenis"] == "export"]
    assert exports[["rol", "onderwerp", "details"]].values.tolist() == [
        ["stuurgroep", f"{csv.removeprefix('dl_csv_')}.csv", "overzicht"]] * 2
