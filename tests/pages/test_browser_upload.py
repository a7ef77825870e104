"""Real browser: the beheerder uploads a good and a broken workbook; only the good one is stored and loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from etl.load import load_raw
from settings import MAPPINGS_DIR, REFERENCE_DIR
from tests.etl.workbooks import controles
from tests.login import PASSWORD, ensure_account
from tests.pages.test_browser import CHROMIUM, ROOT, _free_port, _settle

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("CI") != "true",
    reason="/usr/bin/chromium is absent (scripts/test.sh installs Debian's chromium when run as root)",
)


def test_upload_a_good_and_a_broken_workbook_in_a_real_browser(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "kit.duckdb"
    good = controles(tmp_path / "in" / "controles_bladel.xlsx")
    broken = tmp_path / "in" / "kapot.xlsx"
    broken.write_bytes(b"dit is geen werkmap")
    controles(raw / "kit" / "eerste.xlsx", prefix="E-")  # the dashboard needs a warehouse to show its menu
    load_raw(raw, warehouse, mappings_dir=MAPPINGS_DIR, key_path=tmp_path / "pseudoniem.key",
             reference_dir=REFERENCE_DIR)
    port = _free_port()
    env = {**os.environ, "KIT_WAREHOUSE": str(warehouse), "KIT_RAW_DIR": str(raw),
           "KIT_ARCHIVE_DIR": str(tmp_path / "archief"), "KIT_CODING_DB": str(tmp_path / "codering.sqlite"),
           "KIT_PSEUDONYM_KEY": str(tmp_path / "pseudoniem.key")}
    beheerder = ensure_account("beheerder")  # KIT_USERS_FILE / KIT_AUDIT_LOG come from the autouse access_files
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            try:
                page = browser.new_page(viewport={"width": 1440, "height": 2000})
                page.goto(url)
                _settle(page)
                page.get_by_label("Naam").fill(beheerder)
                page.get_by_label("Wachtwoord").fill(PASSWORD)
                page.get_by_role("button", name="Inloggen").click()
                page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]', timeout=90_000)
                _settle(page)
                page.locator('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]').filter(
                    has_text="Bestanden aanleveren").first.click()
                _settle(page)
                page.wait_for_selector("h1:has-text('Bestanden aanleveren')", timeout=90_000)
                page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([good, broken])
                page.wait_for_selector('[data-testid="stFileUploaderFile"] >> nth=1', timeout=60_000)
                _settle(page)
                page.get_by_role("button", name="Controleren en laden").click()
                page.wait_for_selector("text=Niet alles is geladen", timeout=120_000)
                page.wait_for_selector("text=beschadigd of geen xlsx-opmaak", timeout=60_000)
                text = page.locator('[data-testid="stMain"]').inner_text()
            finally:
                browser.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    assert "upload/kapot.xlsx: geen geldig Excel-bestand" in text  # the summary table is drawn on a canvas
    assert sorted(p.name for p in (raw / "upload").iterdir()) == ["controles_bladel.xlsx"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT bestand, status FROM meta_laadronde WHERE run_id = (SELECT max(run_id) FROM "
                           "meta_laadronde) ORDER BY 1").fetchall() == [
            ("kit/eerste.xlsx", "ongewijzigd"), ("upload/controles_bladel.xlsx", "geladen"),
            ("upload/kapot.xlsx", "afgewezen")]
