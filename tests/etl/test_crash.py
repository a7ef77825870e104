"""kill -9 at any moment of a load leaves a warehouse with the data of before or after, never a mix."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from settings import PROJECT_ROOT
from tests.conftest import subprocess_env
from tests.etl.workbooks import controles

TABLES = ("stg_controleavonden", "stg_bezoeken", "stg_deelname")


def _state(warehouse: Path) -> tuple:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        files = con.execute("SELECT bestand, sha256, rijen FROM meta_bestand ORDER BY 1").fetchall()
        return (files, *(sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES))


def test_kill_minus_nine_twenty_times_never_leaves_a_mix(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "wh" / "kit.duckdb"
    env = subprocess_env(KIT_PSEUDONYM_KEY=str(tmp_path / "k.key"), KIT_ARCHIVE_DIR=str(tmp_path / "archief"))
    command = [sys.executable, "-m", "etl", "load", str(raw), "--warehouse", str(warehouse)]

    def load() -> subprocess.Popen:
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    controles(raw / "a.xlsx", n=3)
    controles(raw / "b.xlsx", prefix="B-", n=3)
    assert load().wait(timeout=300) == 0
    saved = tmp_path / "voor.duckdb"
    shutil.copyfile(warehouse, saved)
    before = _state(warehouse)
    controles(raw / "a.xlsx", n=5)  # changed, one removed, one new
    (raw / "b.xlsx").unlink()
    controles(raw / "c.xlsx", prefix="C-", n=4)
    started = time.monotonic()
    assert load().wait(timeout=300) == 0
    duration = time.monotonic() - started
    after = _state(warehouse)
    assert before != after
    rng = random.Random(42)
    seen = {"voor": 0, "na": 0}
    for _ in range(20):
        shutil.copyfile(saved, warehouse)
        process = load()
        time.sleep(rng.uniform(0, duration))
        process.kill()
        process.wait(timeout=60)
        state = _state(warehouse)
        assert state in (before, after)
        seen["voor" if state == before else "na"] += 1
    assert load().wait(timeout=300) == 0  # the next load removes the work copies and finishes the job
    assert _state(warehouse) == after
    assert sorted(p.name for p in warehouse.parent.iterdir()) == ["kit.duckdb", "kit.duckdb.lock"]
    assert sum(seen.values()) == 20
