"""The Waterbedeffect page in a real browser (Debian chromium through Playwright, as tests/pages/test_browser.py):
every request the page makes is recorded and none may leave the server (no map tiles, no world topojson from a
CDN, no fonts). Runs against the small test warehouse plus one invented intervention."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest

from tests.login import ensure_account
from tests.pages.test_browser import CHROMIUM, ERRORS, FIGURE, MENU_LINK, _login, _settle
from tests.testwarehouse import bouw_testwarehouse

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI") != "true",
    reason="/usr/bin/chromium is absent (scripts/test.sh installs Debian's chromium when run as root)",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("waterbed_browser")
    warehouse = bouw_testwarehouse(tmp / "kit.duckdb")
    con = duckdb.connect(str(warehouse))
    con.execute("INSERT INTO stg_interventies VALUES ('T-I1', 'KIT', 'GM0753', '2021-04-01', NULL, "
                "'huisvesting arbeidsmigranten', 'Extra controles (verzonnen)', 'test.xlsx', 'Interventies', 2)")
    con.close()
    yield from _serve(warehouse, tmp)


def _serve(warehouse: Path, tmp: Path) -> Iterator[str]:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    accounts = {"KIT_USERS_FILE": str(tmp / "gebruikers.json"), "KIT_AUDIT_LOG": str(tmp / "audit.sqlite")}
    os.environ.update(accounts)  # the test account (cheap argon2 parameters, see tests/conftest.py)
    try:
        ensure_account("stuurgroep")
    finally:
        for name in accounts:
            del os.environ[name]
    env = {**os.environ, **accounts, "KIT_WAREHOUSE": str(warehouse), "KIT_CODING_DB": str(tmp / "codering.sqlite"),
           "KIT_PSEUDONYM_KEY": str(tmp / "pseudoniem.key")}
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_waterbed_page_makes_no_request_outside_the_server(server: str) -> None:
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2400})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(server)
            _settle(page)
            _login(page, "stuurgroep")
            page.locator(MENU_LINK).filter(has_text="Waterbedeffect").first.click()
            _settle(page)
            page.wait_for_selector(FIGURE, timeout=90_000)
            page.wait_for_timeout(1500)
            assert page.locator("h1").first.inner_text().strip() == "Waterbedeffect"
            assert page.locator(ERRORS).count() == 0
            assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
        finally:
            browser.close()
    outside = [u for u in requests if urlparse(u).scheme not in ("data", "blob")
               and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert requests, "no request recorded"
    assert outside == []
