"""KIT-dashboard: entry point (`streamlit run dashboard.py`).

Sets the page configuration and, on every rerun, builds the navigation from the logged-in user's role
(ui.registry.pages_for): nobody logged in gets only the login form; a logged-in user gets the menu of their pages
(grouped by audience), the logout button and the one sidebar filter (carried across pages through
st.session_state), then the chosen page runs. A registered page the role may not open is routed to a refusal,
never to its script (also when opened by URL). Streamlit's own page list is switched off
(.streamlit/config.toml: client.showSidebarNavigation = false; st.navigation with position="hidden" keeps the
routing), so the file list of pages/ never flashes before the menu is drawn.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # `streamlit run` puts the script folder first; keep it explicit for other runners
    sys.path.insert(0, str(ROOT))

from access.accounts import User  # noqa: E402
from access.files import owner_only  # noqa: E402
from settings import load_settings  # noqa: E402
from ui.auth import current_user, login_form, logout_button, refuse  # noqa: E402
from ui.data import use_settings  # noqa: E402
from ui.filters import sidebar_filter  # noqa: E402
from ui.registry import PAGES, PageSpec, menu, pages_for  # noqa: E402
from ui.shell import mark_shell, requested_page  # noqa: E402

owner_only()  # the coding store and audit log this process creates are readable by their owner only
st.set_page_config(
    page_title="KIT-dashboard · Kempen Interventie Team",
    page_icon=str(ROOT / "ui" / "favicon.svg"),  # a file served by the app: a :material/ icon is fetched from Google
    layout="wide",
    initial_sidebar_state="expanded",
    menu_items={
        "About": "KIT-dashboard: resultaten van het Kempen Interventie Team, vergeleken met het PIT. Een afdruk "
        "voor de raad: de knop 'Raadsnotitie (pdf)' op Overzicht.",
        "Get help": None,
        "Report a bug": None,
    },
)
use_settings(load_settings())  # the one place the app reads its settings; pages get them through ui.data
# The page is Dutch: say so to the browser (screen readers, hyphenation, spelling). Streamlit writes lang="en".
st.html("<script>document.documentElement.lang = 'nl';</script>", unsafe_allow_javascript=True)


def _stand_in(spec: PageSpec, draw: Callable[[], None]) -> st.Page:
    """A page at `spec`'s URL that runs `draw` instead of the page script."""
    def page() -> None:
        draw()

    page.__name__ = spec.name
    return st.Page(page, title=spec.title, icon=spec.icon, url_path=spec.name)


def _login_pages() -> list[st.Page]:
    """Nobody logged in: the login form at the root and at every page's URL."""
    home = st.Page(login_form, title="Inloggen", icon=":material/login:", default=True)
    return [home, *(_stand_in(spec, login_form) for spec in PAGES)]


def _user_pages(user: User) -> tuple[dict[str, list[st.Page]], list[st.Page]]:
    """The menu of `user`'s pages by section, and refusals at the URLs of the other pages."""
    allowed = pages_for(user.role)
    default = next((s for s in allowed if s.default), allowed[0])
    menu_pages = {
        section: [
            st.Page(ROOT / s.path, title=s.title, icon=s.icon, default=s is default, url_path=s.name) for s in specs
        ]
        for section, specs in menu(allowed).items()
    }
    refused = [_stand_in(spec, lambda spec=spec: refuse(spec, user)) for spec in PAGES if spec not in allowed]
    return menu_pages, refused


user = current_user()
if user is None:
    navigation = st.navigation(_login_pages(), position="hidden")
    mark_shell()
    navigation.run()
    st.stop()

MENU, REFUSED = _user_pages(user)
# The PageSpec of every menu page by the page's URL path (the default page's URL path is "").
SPECS: dict[str, PageSpec] = {page.url_path: spec for page, spec in zip(
    [p for pages in MENU.values() for p in pages], [s for specs in menu(pages_for(user.role)).values() for s in specs],
    strict=True)}
navigation = st.navigation({**MENU, "": REFUSED} if REFUSED else MENU, position="hidden")
mark_shell()
deep_link = requested_page([page for pages in MENU.values() for page in pages])
if deep_link is not None:
    st.switch_page(deep_link)
st.logo(str(ROOT / "ui" / "logo.svg"), size="large")
with st.sidebar.container(key="menu"):
    for section, pages in MENU.items():
        st.caption(section.upper())
        for page in pages:
            st.page_link(page)
logout_button(user)
current = SPECS.get(navigation.url_path)
if current is not None and current.filtered:  # the filter only where it applies
    sidebar_filter(current.name, current.opent_met)
navigation.run()
