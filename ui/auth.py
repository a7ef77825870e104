"""Login for the dashboard: the login form, the logout button, the idle timeout and `current_user()`.

The session holds only the user's name with an HMAC made with a secret of this server process, so session state
set by anyone else (or a forged widget key) is no login. The role and municipality are read from the accounts file
on every rerun, so a removed account or a changed role takes effect at once. With settings.auth_mode "oidc" the
user comes from Streamlit's st.login (see the README) and is mapped onto a role by access.oidc.
Pages never call this directly: ui.shell.require_shell(__file__) checks login and role for every page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

import streamlit as st

from access.accounts import AccountStore, User
from access.audit import AuditLog
from access.files import OpenFileError
from ui.data import SETTINGS_KEY, current_settings
from ui.registry import PageSpec

SESSION_KEY = "_kit_sessie"
ACTIVE_KEY = "_kit_laatst_actief"
CURRENT_PAGE_KEY = "_kit_huidige_pagina"
OIDC_LOGGED_KEY = "_kit_oidc_gelogd"
NAME_KEY = "login_naam"
PASSWORD_KEY = "login_wachtwoord"
MESSAGE_KEY = "_kit_login_melding"
ERROR_KEY = "_kit_login_fout"
OIDC_PROVIDER = "microsoft"
"""Name of the [auth.microsoft] section in .streamlit/secrets.toml (README, "Inloggen in productie")."""

_SECRET = secrets.token_bytes(32)
ROLE_LABELS = {"burgemeester": "burgemeester", "stuurgroep": "stuurgroep", "evaluator": "evaluator",
               "beheerder": "beheerder"}


def _accounts() -> AccountStore:
    return AccountStore.from_settings(current_settings())


def _log() -> AuditLog:
    return AuditLog(current_settings().audit_log_path)


def _mac(name: str, sid: str) -> str:
    return hmac.new(_SECRET, f"{name}\x00{sid}".encode(), hashlib.sha256).hexdigest()


def _start_session(user: User) -> None:
    sid = secrets.token_hex(16)
    st.session_state[SESSION_KEY] = {"naam": user.name, "sid": sid, "mac": _mac(user.name, sid)}
    st.session_state[ACTIVE_KEY] = time.time()


def _session_name() -> str | None:
    token = st.session_state.get(SESSION_KEY)
    if not isinstance(token, dict):
        return None
    name, sid, mac = token.get("naam"), token.get("sid"), token.get("mac")
    if not all(isinstance(v, str) for v in (name, sid, mac)):
        return None
    return name if hmac.compare_digest(mac, _mac(name, sid)) else None


def _end_session() -> None:
    """Forget everything of the session (filter choices too), except the settings and the shell mark."""
    from ui.shell import SHELL_KEY

    for key in list(st.session_state.keys()):
        if key not in (SETTINGS_KEY, SHELL_KEY):
            del st.session_state[key]


def audit(event: str, subject: str = "", details: str = "") -> None:
    """Write `event` done by the current user to the audit log."""
    user = current_user(touch=False)
    _log().write(event, user.name if user else "(niet ingelogd)", user.role if user else "", subject,
                             details)


def _oidc_logged_in() -> bool:
    """Whether Streamlit's OIDC login has a user (False when [auth] is not configured)."""
    return bool(st.user.get("is_logged_in", False))


def _oidc_user() -> User | None:
    from access.oidc import user_from_claims

    if not _oidc_logged_in():
        return None
    user = user_from_claims(st.user.to_dict(), _accounts().oidc_table())
    if user is not None and not st.session_state.get(OIDC_LOGGED_KEY):
        st.session_state[OIDC_LOGGED_KEY] = True
        _log().write("inloggen", user.name, user.role, details="OIDC")
    return user


def current_user(touch: bool = True) -> User | None:
    """The logged-in user (name, role, gemeente), or None. Ends a session idle for longer than
    settings.idle_timeout_minutes (audited); `touch` marks this rerun as activity."""
    settings = current_settings()
    if settings.auth_mode == "oidc":
        return _oidc_user()
    name = _session_name()
    if name is None:
        return None
    now = time.time()
    last = st.session_state.get(ACTIVE_KEY)
    if not isinstance(last, float | int) or now - last > settings.idle_timeout_minutes * 60:
        user = _accounts().get(name)
        _log().write("sessie_verlopen", name, user.role if user else "")
        _end_session()
        st.session_state[MESSAGE_KEY] = (f"U bent uitgelogd na {settings.idle_timeout_minutes} minuten zonder "
                                         "activiteit. Log opnieuw in.")
        return None
    user = _accounts().get(name)
    if user is None:  # the account was removed
        _end_session()
        return None
    if touch:
        st.session_state[ACTIVE_KEY] = now
    return user


def login_form() -> None:
    """The login form (the only thing a visitor who is not logged in sees). On success the app reruns."""
    settings = current_settings()
    st.title("KIT-dashboard")
    st.markdown("Log in om de resultaten van het Kempen Interventie Team te zien.")
    melding = st.session_state.pop(MESSAGE_KEY, None)
    if melding:
        st.info(melding, icon=":material/schedule:")
    if settings.auth_mode == "oidc":
        if _oidc_logged_in():
            st.error("U bent ingelogd, maar uw account heeft geen rol in het KIT-dashboard. Vraag de beheerder om "
                     "u een rol te geven.")
            st.button("Uitloggen", on_click=st.logout)
        else:
            st.button("Inloggen met Microsoft", type="primary", on_click=st.login, args=(OIDC_PROVIDER,))
        return
    try:
        store = _accounts()
        store.users()
    except OpenFileError as error:
        st.error(str(error))
        return
    with st.form("login", border=True):
        st.text_input("Naam", key=NAME_KEY, autocomplete="username")
        st.text_input("Wachtwoord", type="password", key=PASSWORD_KEY, autocomplete="current-password")
        st.form_submit_button("Inloggen", type="primary", on_click=_submit_login, args=(store,))
    fout = st.session_state.pop(ERROR_KEY, None)
    if fout:
        st.error(fout, icon=":material/lock:")


def _submit_login(store: AccountStore) -> None:
    """Form callback (runs before the rerun): check the password; on success the rerun shows the first page."""
    result = store.authenticate(st.session_state.get(NAME_KEY, ""), st.session_state.get(PASSWORD_KEY, ""))
    st.session_state[PASSWORD_KEY] = ""
    if result.user is None:
        st.session_state[ERROR_KEY] = result.message
        return
    _start_session(result.user)


def _logout() -> None:
    user = current_user(touch=False)
    if user is not None:
        _log().write("uitloggen", user.name, user.role)
    _end_session()
    if current_settings().auth_mode == "oidc":
        st.logout()


def logout_button(user: User) -> None:
    """Who is logged in and the logout button, in the sidebar."""
    from access.accounts import municipalities

    names = municipalities(current_settings().reference_dir)
    waar = f", {names.get(user.gemeente, user.gemeente)}" if user.gemeente else ""
    st.sidebar.caption(f"Ingelogd als **{user.name}** ({ROLE_LABELS[user.role]}{waar})")
    st.sidebar.button("Uitloggen", key="uitloggen", icon=":material/logout:", on_click=_logout)


def refuse(spec: PageSpec | None, user: User) -> None:
    """Show the refusal of a page (and nothing else); audited."""
    title = spec.title if spec else "deze pagina"
    _log().write("toegang_geweigerd", user.name, user.role, subject=spec.name if spec else "onbekend")
    st.title("Geen toegang")
    st.error(f"U hebt als {ROLE_LABELS.get(user.role, user.role)} geen toegang tot {title}.",
             icon=":material/block:")
    st.stop()


def check_page(spec: PageSpec | None) -> User:
    """Stop the run unless a user is logged in whose role may open `spec` (None = not in the registry: refused).
    Not logged in: the login form. Returns the user; remembers the page for the export check."""
    user = current_user()
    if user is None:
        login_form()
        st.stop()
    if spec is None or user.role not in spec.roles:
        refuse(spec, user)
    st.session_state[CURRENT_PAGE_KEY] = spec.name
    return user


def export_allowed() -> bool:
    """Whether the logged-in user may download on the page that is running (the page's roles, ui/registry.py);
    fail closed: no user or no registered page, no export."""
    from ui.registry import page

    user = current_user(touch=False)
    name = st.session_state.get(CURRENT_PAGE_KEY)
    try:
        return user is not None and user.role in page(name).roles
    except KeyError:
        return False


def audit_export(file_name: str) -> None:
    """Download callback: write the export to the audit log."""
    audit("export", file_name, st.session_state.get(CURRENT_PAGE_KEY, ""))


def audit_exporter() -> Callable[[str], None]:
    """The audit write of exports made later, outside the script run (deferred downloads: the council PDF, every
    CSV and Excel file): who, role, page and the log are taken now, once; an entry is written for a file name each
    time the result is called with it (each click makes the file, so each click is an export)."""
    user = current_user(touch=False)
    log, page_name = _log(), st.session_state.get(CURRENT_PAGE_KEY, "")
    who, role = (user.name, user.role) if user else ("(niet ingelogd)", "")
    return lambda file_name: log.write("export", who, role, file_name, page_name)


def audit_export_later(file_name: str) -> Callable[[], None]:
    """`audit_exporter` for one file: the entry is written when the result is called."""
    export = audit_exporter()
    return lambda: export(file_name)
