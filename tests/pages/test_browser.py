"""Real-browser check: start `streamlit run dashboard.py` against a small test warehouse, open every page in
Debian's chromium through Playwright, check that a figure is drawn and no error is shown, record every request
the browser makes on every page of ui/registry.py and fail on any that leaves this machine, and save a
screenshot per page under test-output/screenshots/. Never runs `playwright install`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pages.browser import (
    CHROMIUM,
    ERRORS,
    FIGURE,
    LAUNCH_ARGS,
    MENU_LINK,
    ROOT,
    is_local,
    login,
    logout,
    needs_chromium,
    open_page,
    private_env,
    serve,
    settle,
)
from tests.testwarehouse import bouw_testwarehouse
from ui.registry import PAGES

SCREENSHOTS = ROOT / "test-output" / "screenshots"
pytestmark = needs_chromium

# every page of the registry (ui/registry.py), in menu order, each opened by the first of these roles that may open
# it; a page with `figure` must draw a chart
BROWSER_ROLES = ("stuurgroep", "evaluator", "beheerder")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    with serve(private_env(tmp, bouw_testwarehouse(tmp / "kit.duckdb")), BROWSER_ROLES) as url:
        yield url


def _visit(page, specs) -> None:
    for spec in specs:
        open_page(page, spec.title)
        if spec.figure:
            page.wait_for_selector(FIGURE, timeout=90_000)
        assert page.locator(ERRORS).count() == 0, f"error shown on {spec.title}"
        assert page.locator("h1").first.inner_text().strip() != ""
        page.screenshot(path=str(SCREENSHOTS / f"{spec.name}.png"), full_page=True)


def test_every_page_in_a_real_browser(server: str) -> None:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2400})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            # the first request to a fresh server is a deep link: it must still open inside the shell (menu, title)
            page.goto(f"{server}/partners")
            settle(page)
            login(page, "stuurgroep")
            assert page.locator("h1").first.inner_text().strip() == "Resultaten per partner"
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            open_page(page, "Overzicht")  # (a reload would start a new session: log in again)
            # the menu drawn by dashboard.py, grouped by section; Streamlit's own file list is never shown
            assert page.locator('[data-testid="stSidebarNav"]').count() == 0
            sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
            for section in ("BESTUUR", "STUURGROEP"):
                assert section in sidebar.upper()
            assert "BEHEER" not in sidebar.upper() and "Codering" not in sidebar  # not the steering group's pages
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            assert page.locator(MENU_LINK).filter(has_text="kit_vs_pit").count() == 0
            # choose a comparison with data on every page: the button on KIT vs PIT sets the sidebar filter
            open_page(page, "KIT vs PIT")
            page.get_by_role("button", name="KIT pilot met PIT").click()
            settle(page)
            assert "KIT pilot" in page.locator('[data-testid="stSidebar"]').inner_text()
            seen: set[str] = set()
            for number, role in enumerate(BROWSER_ROLES):
                if number:
                    logout(page)
                    login(page, role)
                _visit(page, [s for s in PAGES if role in s.roles and s.name not in seen])
                seen |= {s.name for s in PAGES if role in s.roles}
            assert seen == {s.name for s in PAGES}
            # a page of another role, opened by URL: first the login form, then a refusal and nothing else
            page.goto(f"{server}/datakwaliteit")
            settle(page)
            login(page, "stuurgroep")
            assert page.locator("h1").first.inner_text().strip() == "Geen toegang"
            assert page.locator(FIGURE).count() == 0
            # no developer toolbar or Deploy button for end users; the page says it is Dutch
            assert page.get_by_role("button", name="Deploy").count() == 0
            assert page.evaluate("document.documentElement.lang") == "nl"
            # the tab icon is ours, served by the dashboard itself
            icon = page.evaluate("document.querySelector('link[rel*=icon]').href")
            assert is_local(icon), icon
            # nothing left the server: no fonts, icons, tiles or scripts from elsewhere, on any page
            assert len(requests) > 20
            external = sorted({url for url in requests if not is_local(url)})
            assert external == [], external
        finally:
            browser.close()
