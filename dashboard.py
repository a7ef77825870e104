"""KIT-dashboard: entry point (`streamlit run dashboard.py`).

Sets the page configuration, draws the menu (grouped by audience) and the one sidebar filter (carried across
pages through st.session_state), then runs the chosen page. Streamlit's own page list is switched off
(.streamlit/config.toml: client.showSidebarNavigation = false; st.navigation with position="hidden" keeps the
routing), so the file list of pages/ never flashes before the menu is drawn.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # `streamlit run` puts the script folder first; keep it explicit for other runners
    sys.path.insert(0, str(ROOT))

from settings import load_settings  # noqa: E402
from ui.data import use_settings  # noqa: E402
from ui.filters import sidebar_filter  # noqa: E402
from ui.registry import PAGES, menu  # noqa: E402
from ui.shell import mark_shell, requested_page  # noqa: E402

st.set_page_config(
    page_title="KIT-dashboard · Kempen Interventie Team",
    page_icon=str(ROOT / "ui" / "favicon.svg"),  # a file served by the app: a :material/ icon is fetched from Google
    layout="wide",
    initial_sidebar_state="expanded",
    menu_items={"About": "KIT-dashboard: resultaten van het Kempen Interventie Team, vergeleken met het PIT."},
)
use_settings(load_settings())  # the one place the app reads its settings; pages get them through ui.data

MENU: dict[str, list[st.Page]] = {
    section: [st.Page(ROOT / spec.path, title=spec.title, icon=spec.icon, default=spec.default) for spec in specs]
    for section, specs in menu(list(PAGES)).items()
}

navigation = st.navigation(MENU, position="hidden")
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
sidebar_filter()
navigation.run()
