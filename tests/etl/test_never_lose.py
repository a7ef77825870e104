"""Never lose data: refused loads (missing/empty folder, removing everything, busy), crash leftovers, symlinks."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from etl.load import load_lock
from settings import PROJECT_ROOT
from tests.conftest import subprocess_env
from tests.etl.workbooks import controles, query


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_missing_raw_folder_is_refused_and_the_warehouse_unchanged(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    before = _digest(etl_paths["warehouse"])
    code, err = cli(raw=etl_paths["raw"].with_name("rauw"))
    assert code == 3
    assert f"Laden geweigerd: de ruwe map {etl_paths['raw'].with_name('rauw')} bestaat niet" in err
    assert _digest(etl_paths["warehouse"]) == before


def test_an_empty_raw_folder_is_refused_unless_remove_all(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    before = _digest(etl_paths["warehouse"])
    (etl_paths["raw"] / "a.xlsx").unlink()
    (etl_paths["raw"] / "README.md").write_text("alleen uitleg")
    code, err = cli()
    assert code == 3 and "bevat geen bestanden" in err and "--remove-all" in err
    assert _digest(etl_paths["warehouse"]) == before
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(2,)]
    code, err = cli("--remove-all")
    assert code == 0
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(0,)]
    assert query(etl_paths, "SELECT count(*) FROM meta_bestand") == [(0,)]


def test_a_load_that_would_remove_every_file_is_refused(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    assert cli()[0] == 0
    before = _digest(etl_paths["warehouse"])
    other = etl_paths["raw"].with_name("andere")
    controles(other / "c.xlsx", prefix="C-")
    code, err = cli(raw=other)
    assert code == 3
    assert "geen van de 2 geladen bestanden staat nog in de ruwe map" in err
    assert _digest(etl_paths["warehouse"]) == before
    (etl_paths["raw"] / "b.xlsx").unlink()  # removing some files is an ordinary load
    assert cli()[0] == 0
    assert query(etl_paths, "SELECT bestand FROM meta_bestand") == [("a.xlsx",)]


def test_work_copies_left_by_a_crash_are_removed_by_the_next_load(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    folder = etl_paths["warehouse"].parent
    for name in ("kit.duckdb.tmp-4194999-abc123", "kit.duckdb.tmp-4194999-abc123.wal", "kit.duckdb.tmp-77-ffffff"):
        (folder / name).write_bytes(b"half geschreven")
    assert cli()[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["kit.duckdb", "kit.duckdb.lock"]


def test_a_second_load_is_told_a_load_is_in_progress(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    with load_lock(etl_paths["warehouse"]):
        code, err = cli()
    assert code == 3 and "er loopt al een laadronde" in err
    assert not etl_paths["warehouse"].exists()
    assert cli()[0] == 0  # the lock is released with the first load


def test_symlinks_leaving_the_raw_folder_are_refused(etl_paths, cli, tmp_path):
    controles(etl_paths["raw"] / "a.xlsx")
    outside = controles(tmp_path / "elders" / "geheim.xlsx", prefix="X-")
    (etl_paths["raw"] / "link.xlsx").symlink_to(outside)
    (etl_paths["raw"] / "map").symlink_to(outside.parent, target_is_directory=True)
    (etl_paths["raw"] / "weg.xlsx").symlink_to(tmp_path / "bestaat-niet.xlsx")
    (etl_paths["raw"] / "sub").mkdir()
    (etl_paths["raw"] / "sub" / "binnen.xlsx").symlink_to(etl_paths["raw"] / "a.xlsx")
    code, err = cli()
    assert code == 1
    assert f"link.xlsx: dit is een snelkoppeling (symbolische link) naar een bestand buiten de ruwe map ({outside})" \
        in err
    assert f"map: dit is een snelkoppeling (symbolische link) naar een map buiten de ruwe map ({outside.parent})" in err
    assert "weg.xlsx: dit is een snelkoppeling (symbolische link) naar een bestand dat niet bestaat" in err
    assert query(etl_paths, "SELECT DISTINCT _bestand FROM stg_controleavonden") == [("a.xlsx",)]
    # a link inside the folder is read like any file (here it repeats a.xlsx's numbers, so it is a duplicate)
    assert query(etl_paths, "SELECT bestand, status FROM meta_laadronde ORDER BY 1") == [
        ("a.xlsx", "geladen"), ("link.xlsx", "afgewezen"), ("map", "afgewezen"), ("sub/binnen.xlsx", "afgewezen"),
        ("weg.xlsx", "afgewezen")]


def test_the_real_command_refuses_a_missing_folder(tmp_path):
    env = subprocess_env(KIT_PSEUDONYM_KEY=str(tmp_path / "k.key"))
    done = subprocess.run([sys.executable, "-m", "etl", "load", str(tmp_path / "nergens"), "--warehouse",
                           str(tmp_path / "wh.duckdb")], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 3
    assert "Laden geweigerd: de ruwe map" in done.stderr and "bestaat niet" in done.stderr
    assert not (tmp_path / "wh.duckdb").exists()
