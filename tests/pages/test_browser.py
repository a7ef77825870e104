"""Real-browser check: start `streamlit run dashboard.py` against a small test warehouse, open every page in
Debian's chromium through Playwright, check that a figure is drawn and no error is shown, and save a
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

import pytest

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

# every page of the registry (ui/registry.py), in menu order; a page with `figure` must draw a chart


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    warehouse = bouw_testwarehouse(tmp / "kit.duckdb")
    port = _free_port()
    env = {
        **os.environ,
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
            # the first request to a fresh server is a deep link: it must still open inside the shell (menu, title)
            page.goto(f"{server}/partners")
            _settle(page)
            page.wait_for_selector(MENU_LINK, timeout=90_000)
            assert page.locator("h1").first.inner_text().strip() == "Resultaten per partner"
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            page.goto(server)
            _settle(page)
            # the menu drawn by dashboard.py, grouped by section; Streamlit's own file list is never shown
            assert page.locator('[data-testid="stSidebarNav"]').count() == 0
            sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
            for section in ("BESTUUR", "STUURGROEP", "BEHEER"):
                assert section in sidebar.upper()
            assert page.locator(MENU_LINK).filter(has_text="Overzicht").count() == 1
            assert page.locator(MENU_LINK).filter(has_text="kit_vs_pit").count() == 0
            # choose a comparison with data on every page: the button on KIT vs PIT sets the sidebar filter
            _open(page, "KIT vs PIT")
            page.get_by_role("button", name="KIT pilot met PIT").click()
            _settle(page)
            assert "KIT pilot" in page.locator('[data-testid="stSidebar"]').inner_text()
            for spec in PAGES:
                _open(page, spec.title)
                if spec.figure:
                    page.wait_for_selector(FIGURE, timeout=90_000)
                assert page.locator(ERRORS).count() == 0, f"error shown on {spec.title}"
                assert page.locator("h1").first.inner_text().strip() != ""
                page.screenshot(path=str(SCREENSHOTS / f"{spec.name}.png"), full_page=True)
            # no developer toolbar or Deploy button for end users
            assert page.get_by_role("button", name="Deploy").count() == 0
        finally:
            browser.close()
