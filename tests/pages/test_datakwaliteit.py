"""Datakwaliteit on a real load with an archive: the rows in force, the archive of versions and the rejections with
their messages, for all files or one chosen file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.load import load_raw
from settings import MAPPINGS_DIR, REFERENCE_DIR
from tests.etl.workbooks import controles
from tests.login import login

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """Two loads: a.xlsx in two versions, b.xlsx once, then a broken workbook; the page as the beheerder."""
    raw, warehouse, archive = tmp_path / "raw", tmp_path / "wh" / "kit.duckdb", tmp_path / "archief"
    options = {"mappings_dir": MAPPINGS_DIR, "key_path": tmp_path / "k.key", "reference_dir": REFERENCE_DIR,
               "archive_dir": archive}
    controles(raw / "a.xlsx", n=3)
    controles(raw / "b.xlsx", prefix="B-")
    assert load_raw(raw, warehouse, **options).ok
    time.sleep(1.1)
    controles(raw / "a.xlsx", n=1)
    os.utime(raw / "a.xlsx", None)
    (raw / "kapot.xlsx").write_bytes(b"geen werkmap")
    assert not load_raw(raw, warehouse, **options).ok
    for name, value in {"KIT_WAREHOUSE": warehouse, "KIT_ARCHIVE_DIR": archive, "KIT_RAW_DIR": raw}.items():
        monkeypatch.setenv(name, str(value))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "beheerder")
    return at.switch_page("pages/datakwaliteit.py").run()


def test_the_rows_in_force_the_versions_and_the_rejections(page: AppTest) -> None:
    assert not page.exception and not page.error
    tiles = {m.label: m.value for m in page.metric}
    assert tiles == {"Bestanden in gebruik": "2", "Rijen in gebruik": "6", "Afgewezen": "1",
                     "Rijen geladen in de laatste ronde": "2"}  # b.xlsx (4 rows) was unchanged in the last run
    files, versions, messages = (frame.value for frame in page.dataframe[:3])
    assert files.set_index("bestand")["rijen_geladen"].to_dict() == {"kapot.xlsx": "–", "a.xlsx": "2", "b.xlsx": "4"}
    assert versions[["bestand", "rijen", "in_gebruik"]].values.tolist() == [
        ["a.xlsx", "2", "ja"], ["a.xlsx", "6", "nee"], ["b.xlsx", "4", "ja"]]
    assert list(messages["bestand"]) == ["kapot.xlsx"] and "geen xlsx-opmaak" in messages["melding"].iloc[0]


def test_one_file_chosen(page: AppTest) -> None:
    page.selectbox(key="datakwaliteit_bestand").set_value("a.xlsx").run()
    assert not page.exception
    files, versions = (frame.value for frame in page.dataframe[:2])
    assert list(files["bestand"]) == ["a.xlsx"] and list(versions["bestand"]) == ["a.xlsx", "a.xlsx"]
    assert page.success[0].value == "Geen afwijzingen in de laatste laadronde van dit bestand."
