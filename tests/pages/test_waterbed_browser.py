"""The Waterbedeffect page in a real browser (Debian chromium through Playwright, as tests/pages/test_browser.py):
every request the page makes is recorded and none may leave the server (no map tiles, no world topojson from a
CDN, no fonts). Runs against the small test warehouse plus one invented intervention."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from tests.pages.browser import (
    CHROMIUM,
    ERRORS,
    FIGURE,
    LAUNCH_ARGS,
    MENU_LINK,
    is_local,
    login,
    needs_chromium,
    private_env,
    serve,
    settle,
)
from tests.testwarehouse import bouw_testwarehouse

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("waterbed_browser")
    warehouse = bouw_testwarehouse(tmp / "kit.duckdb")
    con = duckdb.connect(str(warehouse))
    con.execute("INSERT INTO stg_interventies VALUES ('T-I1', 'KIT', 'GM0753', '2021-04-01', NULL, "
                "'huisvesting arbeidsmigranten', 'Extra controles (verzonnen)', 'test.xlsx', 'Interventies', 2)")
    con.close()
    with serve(private_env(tmp, warehouse), ("stuurgroep",)) as url:
        yield url


def test_waterbed_page_makes_no_request_outside_the_server(server: str) -> None:
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2400})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(server)
            settle(page)
            login(page, "stuurgroep")
            page.locator(MENU_LINK).filter(has_text="Waterbedeffect").first.click()
            settle(page)
            page.wait_for_selector(FIGURE, timeout=90_000)
            page.wait_for_timeout(1500)
            assert page.locator("h1").first.inner_text().strip() == "Waterbedeffect"
            assert page.locator(ERRORS).count() == 0
            assert page.locator('[data-testid="stPlotlyChart"]').count() == 2
        finally:
            browser.close()
    outside = [u for u in requests if not is_local(u)]
    assert requests, "no request recorded"
    assert outside == []
