"""Keep every page inside the dashboard shell (page config, menu, filter), also for a deep link.

With a `pages/` folder beside dashboard.py, Streamlit runs `pages/<name>.py` on its own when the very first
request after a server start is a deep link (e.g. /partners): dashboard.py, and with it the menu and the page
configuration, does not run until st.navigation has been called once. A page that finds itself outside the shell
sends the visitor through dashboard.py, which then opens the page that was asked for.

`require_shell` is also the one place where every page checks access (fail closed): nobody logged in gets the
login form, a role the registry (ui/registry.py) does not list for the page gets a refusal and nothing else, and a
script that is not in the registry is refused to everyone.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from access.accounts import User
from ui.registry import page

ROOT = Path(__file__).resolve().parents[1]
SHELL_KEY = "_kit_shell_actief"
TARGET_KEY = "_kit_gevraagde_pagina"


def mark_shell() -> None:
    """Record that dashboard.py set up navigation in this session (called before it runs the chosen page)."""
    st.session_state[SHELL_KEY] = True


def require_shell(page_file: str) -> User:
    """Leave for dashboard.py when this page runs outside the shell, remembering `page_file` (pass __file__);
    inside the shell, stop with the login form or a refusal unless the logged-in user's role may open the page.
    Returns the logged-in user."""
    if not st.session_state.get(SHELL_KEY):
        st.session_state[TARGET_KEY] = Path(page_file).stem
        st.switch_page("dashboard.py")
    from ui.auth import check_page

    try:
        spec = page(Path(page_file).stem)
    except KeyError:
        spec = None
    if spec is not None and (ROOT / spec.path).resolve() != Path(page_file).resolve():
        spec = None  # same name, other script: not a registered page
    return check_page(spec)


def requested_page(pages: list[st.Page]) -> st.Page | None:
    """Return (and forget) the page a deep link asked for before the shell ran, if it is one of `pages`."""
    wanted = st.session_state.pop(TARGET_KEY, None)
    if wanted is None:
        return None
    return next((page for page in pages if page.url_path == wanted), None)
