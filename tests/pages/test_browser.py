"""Real-browser check: start `streamlit run dashboard.py` against a small test warehouse, open every page in
Debian's chromium through Playwright, check that a figure is drawn and no error is shown, record every request
the browser makes on every page of ui/registry.py and fail on any that leaves this machine, and save a
screenshot per page under test-output/screenshots/. Never runs `playwright install`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.login import PASSWORD, ensure_account
from tests.testwarehouse import bouw_testwarehouse
from ui.registry import PAGES

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
FIGURE = '[data-testid="stPlotlyChart"] .main-svg'

# On a developer machine without chromium the test is skipped; under CI (CI=true) a missing browser is a failure,
# because scripts/test.sh installs it there.
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI") != "true",
    reason="/usr/bin/chromium is absent (scripts/test.sh installs Debian's chromium when run as root)",
)

# every page of the registry (ui/registry.py), in menu order, each opened by the first of these roles that may open
# it; a page with `figure` must draw a chart
BROWSER_ROLES = ("stuurgroep", "evaluator", "beheerder")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    warehouse = bouw_testwarehouse(tmp / "kit.duckdb")
    port = _free_port()
    users = tmp / "gebruikers.json"
    os.environ["KIT_USERS_FILE"] = str(users)  # the test accounts (cheap argon2 parameters, see tests/conftest.py)
    os.environ["KIT_AUDIT_LOG"] = str(tmp / "audit.sqlite")
    try:
        for role in BROWSER_ROLES:
            ensure_account(role)
    finally:
        del os.environ["KIT_USERS_FILE"], os.environ["KIT_AUDIT_LOG"]
    env = {
        **os.environ,
        "KIT_USERS_FILE": str(users),
        "KIT_AUDIT_LOG": str(tmp / "audit.sqlite"),
        "KIT_WAREHOUSE": str(warehouse),
        "KIT_CODING_DB": str(tmp / "codering.sqlite"),
        "KIT_PSEUDONYM_KEY": str(tmp / "pseudoniem.key"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("streamlit did not start within 30 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _settle(page) -> None:
    """Wait until the script run has finished (the running indicator is gone) and the page is drawn."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_timeout(800)


MENU_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]'


def _open(page, label: str) -> None:
    page.locator(MENU_LINK).filter(has_text=label).first.click()
    _settle(page)


def _login(page, role: str) -> None:
    """Log in through the login form (the only thing shown before login)."""
    assert page.locator(MENU_LINK).count() == 0  # no menu before login
    page.get_by_label("Naam").fill(role)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_selector(MENU_LINK, timeout=90_000)
    _settle(page)


def _logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_selector('input[type="password"]', timeout=90_000)
    _settle(page)


def _visit(page, specs) -> None:
    for spec in specs:
        _open(page, spec.title)
        if spec.figure:
            page.wait_for_selector(FIGURE, timeout=90_000)
        assert page.locator(ERRORS).count() == 0, f"error shown on {spec.title}"
        assert page.locator("h1").first.inner_text().strip() != ""
        page.screenshot(path=str(SCREENSHOTS / f"{spec.name}.png"), full_page=True)


def _is_local(url: str) -> bool:
    """True for a request that stays on this machine (the test server, or data:/blob: URLs made in the page)."""
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.hostname in {"127.0.0.1", "localhost"}


def test_every_page_in_a_real_browser(server: str) -> None:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2400})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            # the first request to a fresh server is a deep link: it must still open inside the shell (menu, title)
            page.goto(f"{server}/partners")
            _settle(page)
            _login(page, "stuurgroep")
            assert page.locator("h1").first.inner_text().strip() == "Resultaten per partner"
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            _open(page, "Overzicht")  # (a reload would start a new session: log in again)
            # the menu drawn by dashboard.py, grouped by section; Streamlit's own file list is never shown
            assert page.locator('[data-testid="stSidebarNav"]').count() == 0
            sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
            for section in ("BESTUUR", "STUURGROEP"):
                assert section in sidebar.upper()
            assert "BEHEER" not in sidebar.upper() and "Codering" not in sidebar  # not the steering group's pages
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            assert page.locator(MENU_LINK).filter(has_text="kit_vs_pit").count() == 0
            # choose a comparison with data on every page: the button on KIT vs PIT sets the sidebar filter
            _open(page, "KIT vs PIT")
            page.get_by_role("button", name="KIT pilot met PIT").click()
            _settle(page)
            assert "KIT pilot" in page.locator('[data-testid="stSidebar"]').inner_text()
            seen: set[str] = set()
            for number, role in enumerate(BROWSER_ROLES):
                if number:
                    _logout(page)
                    _login(page, role)
                _visit(page, [s for s in PAGES if role in s.roles and s.name not in seen])
                seen |= {s.name for s in PAGES if role in s.roles}
            assert seen == {s.name for s in PAGES}
            # a page of another role, opened by URL: first the login form, then a refusal and nothing else
            page.goto(f"{server}/datakwaliteit")
            _settle(page)
            _login(page, "stuurgroep")
            assert page.locator("h1").first.inner_text().strip() == "Geen toegang"
            assert page.locator(FIGURE).count() == 0
            # no developer toolbar or Deploy button for end users; the page says it is Dutch
            assert page.get_by_role("button", name="Deploy").count() == 0
            assert page.evaluate("document.documentElement.lang") == "nl"
            # the tab icon is ours, served by the dashboard itself
            icon = page.evaluate("document.querySelector('link[rel*=icon]').href")
            assert _is_local(icon), icon
            # nothing left the server: no fonts, icons, tiles or scripts from elsewhere, on any page
            assert len(requests) > 20
            external = sorted({url for url in requests if not _is_local(url)})
            assert external == [], external
        finally:
            browser.close()
