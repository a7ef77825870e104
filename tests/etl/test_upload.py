"""Uploads: safe names, the same load as the CLI, only accepted files stay, one load at a time."""

from __future__ import annotations

import pytest

from etl.load import LoadBusy, LoadRefused, load_lock
from etl.upload import Upload, receive, safe_name
from settings import REFERENCE_DIR
from tests.etl.workbooks import TODAY, avonden, bezoeken, controles, query, write_workbook


def _options(etl_paths) -> dict:
    return {"mappings_dir": etl_paths["mappings"], "key_path": etl_paths["key"], "reference_dir": REFERENCE_DIR,
            "today": TODAY}


def test_safe_names():
    assert safe_name("../../etc/cron.xlsx", []) == "cron.xlsx"
    assert safe_name("C:\\Users\\x\\Controles 2023.XLSX", []) == "Controles 2023.xlsx"
    assert safe_name("--rm -rf.xlsx", []) == "rm -rf.xlsx"
    assert safe_name("lijst\x00\x1b[31m\n.xlsx", []) == "lijst_31m.xlsx"
    assert safe_name("CONTROLES.xlsx", ["controles.xlsx"]) == "controles.xlsx"
    for bad in ("..xlsx", "rapport.pdf", "-----", "geen extensie"):
        with pytest.raises(LoadRefused):
            safe_name(bad, [])


def test_an_accepted_upload_is_stored_a_rejected_one_not(etl_paths, tmp_path):
    good = controles(tmp_path / "in" / "goed.xlsx").read_bytes()
    rows = avonden("S-")
    rows[1][6] = "veel"
    bad = write_workbook(tmp_path / "in" / "slecht.xlsx", {"Controleavonden": rows,
                                                           "Bezoeken": bezoeken("S-")}).read_bytes()
    seen: list[tuple[int, int, str]] = []
    report = receive([Upload("../goed.xlsx", good), Upload("slecht.xlsx", bad), Upload("kapot.xlsx", b"PK\x03\x04")],
                     etl_paths["raw"], etl_paths["warehouse"], progress=lambda *a: seen.append(a),
                     **_options(etl_paths))
    assert [(f.bestand, f.status) for f in report.files] == [
        ("upload/goed.xlsx", "geladen"), ("upload/kapot.xlsx", "afgewezen"), ("upload/slecht.xlsx", "afgewezen")]
    assert sorted(p.name for p in (etl_paths["raw"] / "upload").iterdir()) == ["goed.xlsx"]
    assert seen == [(1, 3, "upload/goed.xlsx"), (2, 3, "upload/kapot.xlsx"), (3, 3, "upload/slecht.xlsx")]
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(2,)]
    # a rejected new version of an accepted file: the earlier file goes back in the folder and stays in force
    report = receive([Upload("GOED.xlsx", bad)], etl_paths["raw"], etl_paths["warehouse"], **_options(etl_paths))
    assert report.file("upload/goed.xlsx").status == "afgewezen"
    assert (etl_paths["raw"] / "upload" / "goed.xlsx").read_bytes() == good
    assert query(etl_paths, "SELECT DISTINCT controleavond_id FROM stg_controleavonden ORDER BY 1") == [
        ("KIT-1",), ("KIT-2",)]


def test_a_second_upload_during_a_load_is_told_and_stores_nothing(etl_paths, tmp_path):
    good = controles(tmp_path / "in" / "goed.xlsx").read_bytes()
    with load_lock(etl_paths["warehouse"]), pytest.raises(LoadBusy, match="er loopt al een laadronde"):
        receive([Upload("goed.xlsx", good)], etl_paths["raw"], etl_paths["warehouse"], **_options(etl_paths))
    assert not (etl_paths["raw"] / "upload").exists()
