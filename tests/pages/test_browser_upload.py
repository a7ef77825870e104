"""Real browser: the beheerder uploads a good and a broken workbook; only the good one is stored and loaded."""

from __future__ import annotations

from pathlib import Path

import duckdb

from access.audit import AuditLog
from etl.load import load_raw
from settings import MAPPINGS_DIR, REFERENCE_DIR
from tests.etl.workbooks import controles
from tests.login import account_name
from tests.pages.browser import CHROMIUM, LAUNCH_ARGS, MENU_LINK, login, needs_chromium, private_env, serve, settle

pytestmark = needs_chromium


def test_upload_a_good_and_a_broken_workbook_in_a_real_browser(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "kit.duckdb"  # the server's KIT_RAW_DIR (private_env)
    good = controles(tmp_path / "in" / "controles_bladel.xlsx")
    broken = tmp_path / "in" / "kapot.xlsx"
    broken.write_bytes(b"dit is geen werkmap")
    controles(raw / "kit" / "eerste.xlsx", prefix="E-")  # the dashboard needs a warehouse to show its menu
    load_raw(raw, warehouse, mappings_dir=MAPPINGS_DIR, key_path=tmp_path / "pseudoniem.key",
             reference_dir=REFERENCE_DIR)
    env = private_env(tmp_path, warehouse)
    with serve(env, ("beheerder",)) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 2000})
            page.goto(url)
            settle(page)
            login(page, account_name("beheerder"))
            page.locator(MENU_LINK).filter(has_text="Bestanden aanleveren").first.click()
            settle(page)
            page.wait_for_selector("h1:has-text('Bestanden aanleveren')", timeout=90_000)
            page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([good, broken])
            page.wait_for_selector('[data-testid="stFileUploaderFile"] >> nth=1', timeout=60_000)
            settle(page)
            page.get_by_role("button", name="Controleren en laden").click()
            page.wait_for_selector("text=Niet alles is geladen", timeout=120_000)
            page.wait_for_selector("text=beschadigd of geen xlsx-opmaak", timeout=60_000)
            text = page.locator('[data-testid="stMain"]').inner_text()
        finally:
            browser.close()
    assert "upload/kapot.xlsx: geen geldig Excel-bestand" in text  # the summary table is drawn on a canvas
    assert sorted(p.name for p in (raw / "upload").iterdir()) == ["controles_bladel.xlsx"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT bestand, status FROM meta_laadronde WHERE run_id = (SELECT max(run_id) FROM "
                           "meta_laadronde) ORDER BY 1").fetchall() == [
            ("kit/eerste.xlsx", "ongewijzigd"), ("upload/controles_bladel.xlsx", "geladen"),
            ("upload/kapot.xlsx", "afgewezen")]
    loads = AuditLog(Path(env["KIT_AUDIT_LOG"])).entries().query("gebeurtenis == 'laden'")  # audited like a load
    assert loads[["wie", "rol", "onderwerp"]].values.tolist() == [
        [account_name("beheerder"), "beheerder", "controles_bladel.xlsx, kapot.xlsx"]]
    assert loads["details"].iloc[0].startswith("upload: ")
