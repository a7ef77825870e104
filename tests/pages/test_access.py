"""Who sees what, under AppTest: every role against every page of the registry (ui/registry.py), the login form
as the only thing before login, wrong password, lock-out, forged session state, idle timeout, logout."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from access.accounts import AccountStore
from access.audit import AuditLog
from settings import load_settings
from tests.login import PASSWORD, ensure_account, fill_login, login
from ui.auth import ACTIVE_KEY, NAME_KEY, SESSION_KEY
from ui.data import SETTINGS_KEY
from ui.registry import PAGES, ROLES, pages_for
from ui.shell import SHELL_KEY

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ("metric", "dataframe", "plotly_chart", "download_button", "page_link")
"""Element kinds that carry figures or navigation: none of them may appear with a refusal or the login form."""


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def _count(at: AppTest, kind: str) -> int:
    return len(at.get(kind))


def _only_login_form(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [t.label for t in at.text_input] == ["Naam", "Wachtwoord"]
    assert [t.value for t in at.title] == ["KIT-dashboard"]
    for kind in CONTENT:
        assert _count(at, kind) == 0, kind
    assert len(at.multiselect) == 0  # not even the filter


def _events() -> list[str]:
    return AuditLog(load_settings().audit_log_path).entries()["gebeurtenis"].tolist()[::-1]


@pytest.mark.parametrize("page", [spec.path for spec in PAGES])
def test_nobody_logged_in_sees_only_the_login_form(app: AppTest, page: str) -> None:
    app.run()
    _only_login_form(app)
    app.switch_page(page).run()  # also by URL
    _only_login_form(app)


@pytest.mark.parametrize("role", ROLES)
def test_menu_is_built_from_the_role(app: AppTest, role: str) -> None:
    at = login(app, role)
    assert [p.proto.label for p in at.get("page_link")] == [s.title for s in pages_for(role)]
    assert any(f"Ingelogd als **{at.session_state[SESSION_KEY]['naam']}**" in c.value for c in at.sidebar.caption)


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.name)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_against_each_page(app: AppTest, role: str, spec) -> None:
    at = login(app, role)
    at.switch_page(spec.path).run()
    assert not at.exception, [e.value for e in at.exception]
    if role in spec.roles:
        assert at.title[0].value != "Geen toegang"
        assert not any("geen toegang" in e.value for e in at.error)
    else:
        assert [t.value for t in at.title] == ["Geen toegang"]
        assert [e.value for e in at.error] == [f"U hebt als {role} geen toegang tot {spec.title}."]
        for kind in ("metric", "dataframe", "plotly_chart", "download_button"):
            assert _count(at, kind) == 0, kind
        assert _events()[-1] == "toegang_geweigerd"


REFUSED = [(spec, next(r for r in ROLES if r not in spec.roles)) for spec in PAGES if set(ROLES) - spec.roles]


@pytest.mark.parametrize(("spec", "other"), REFUSED, ids=[s.name for s, _ in REFUSED])
def test_the_page_script_itself_refuses_other_roles(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                                     spec, other: str) -> None:
    """Run each page script on its own (as Streamlit does for a deep link): it checks the role itself."""
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    at = AppTest.from_file(str(ROOT / spec.path), default_timeout=60)
    at.session_state[SHELL_KEY] = True
    at.session_state[SETTINGS_KEY] = load_settings()  # handed in as dashboard.py does
    at.run()
    assert [t.label for t in at.text_input] == ["Naam", "Wachtwoord"]  # first the login form
    at = login(at, other)
    assert [t.value for t in at.title] == ["Geen toegang"]


def test_wrong_password_stays_on_the_form(app: AppTest) -> None:
    ensure_account("evaluator")
    at = fill_login(app, "evaluator", "niet-het-wachtwoord")
    assert [e.value for e in at.error] == ["Onjuiste naam of wachtwoord."]
    assert at.text_input(key=NAME_KEY) is not None and _count(at, "page_link") == 0
    assert _events()[-1] == "inloggen_mislukt"


def test_lock_out_through_the_form(app: AppTest) -> None:
    ensure_account("stuurgroep")
    for _ in range(5):
        at = fill_login(app, "stuurgroep", "niet-het-wachtwoord")
    assert "tijdelijk geblokkeerd" in at.error[0].value
    at = fill_login(at, "stuurgroep", PASSWORD)  # the right password, but locked
    assert "tijdelijk geblokkeerd" in at.error[0].value and _count(at, "page_link") == 0
    assert _events()[-3:] == ["inloggen_mislukt", "geblokkeerd", "inloggen_geblokkeerd"]


def test_forged_session_state_is_no_login(app: AppTest) -> None:
    app.run()
    app.session_state[SESSION_KEY] = {"naam": "beheerder", "sid": "00", "mac": "00"}
    app.session_state["role"] = "beheerder"
    app.run()
    _only_login_form(app)
    at = login(app, "burgemeester")
    token = dict(at.session_state[SESSION_KEY])
    at.session_state[SESSION_KEY] = {**token, "naam": "evaluator"}  # someone else's name, the mayor's seal
    at.switch_page("pages/codering.py").run()
    _only_login_form(at)


def test_idle_timeout_logs_out(app: AppTest) -> None:
    at = login(app, "evaluator")
    at.session_state[ACTIVE_KEY] = time.time() - 31 * 60
    at.run()
    _only_login_form(at)
    assert "30 minuten zonder activiteit" in at.info[0].value
    assert _events()[-1] == "sessie_verlopen"


def test_logout_button(app: AppTest) -> None:
    at = login(app, "beheerder")
    at.sidebar.button(key="uitloggen").click().run()
    _only_login_form(at)
    assert _events()[-2:] == ["inloggen", "uitloggen"]


def test_removed_account_is_logged_out_at_the_next_rerun(app: AppTest) -> None:
    at = login(app, "stuurgroep")
    AccountStore.from_settings(load_settings()).remove("stuurgroep", by="cli:test")
    at.run()
    _only_login_form(at)


def test_exports_follow_the_page_roles_and_are_audited(app: AppTest) -> None:
    """The export check itself (ui.auth.export_allowed), fail closed, and the audit of a download."""
    at = login(app, "burgemeester")
    from ui.auth import CURRENT_PAGE_KEY

    assert at.session_state[CURRENT_PAGE_KEY] == "overzicht" and len(at.get("download_button")) > 0
    at.switch_page("pages/codering.py").run()  # refused: no downloads, and the page is not remembered
    assert len(at.get("download_button")) == 0 and at.session_state[CURRENT_PAGE_KEY] == "overzicht"


def test_export_allowed_fails_closed() -> None:
    def draw() -> None:
        import streamlit as st

        from settings import load_settings
        from tests.login import ensure_account
        from ui.auth import CURRENT_PAGE_KEY, _start_session, audit_export, export_allowed
        from ui.data import use_settings

        use_settings(load_settings())
        st.write(f"zonder login: {export_allowed()}")
        from access.accounts import AccountStore

        name = ensure_account("burgemeester")
        _start_session(AccountStore.from_settings(load_settings()).get(name))
        for page in ("overzicht", "codering", "bestaat-niet"):
            st.session_state[CURRENT_PAGE_KEY] = page
            st.write(f"{page}: {export_allowed()}")
        st.session_state[CURRENT_PAGE_KEY] = "overzicht"
        audit_export("overzicht.csv")

    at = AppTest.from_function(draw).run()
    assert [m.value for m in at.markdown] == ["zonder login: False", "overzicht: True", "codering: False",
                                              "bestaat-niet: False"]
    log = AuditLog(load_settings().audit_log_path).entries()
    assert log[["gebeurtenis", "wie", "onderwerp"]].values.tolist()[0] == ["export", "burgemeester GM1728",
                                                                          "overzicht.csv"]


def test_oidc_mode_shows_only_the_identity_provider_button(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_AUTH", "oidc")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert [b.label for b in app.button] == ["Inloggen met Microsoft"]
    assert len(app.text_input) == 0 and _count(app, "page_link") == 0
