"""`python -m etl rebuild`: the warehouse in force is rebuilt from the archive alone and has the same rows."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import duckdb

from access.audit import AuditLog
from etl.staging import staging_tables
from settings import load_settings
from tests.etl.test_year_after_year import _avonden, _teams
from tests.etl.workbooks import bezoeken, controles, query, write_workbook

IN_FORCE = "SELECT bestand, soort, mapping, sha256, geladen_op, rijen FROM meta_bestand ORDER BY 1"


def everything(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every staging table and of the bookkeeping that says what is in force."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in staging_tables()}
        for sql in (IN_FORCE, "SELECT * FROM meta_laadronde ORDER BY ALL", "SELECT * FROM meta_afwijzing ORDER BY ALL",
                    "SELECT bestand, sha256 FROM meta_teruggezet ORDER BY 1", "SELECT * FROM meta_sleutel",
                    "SELECT * FROM ref_team ORDER BY 1"):
            tables[sql] = con.execute(sql).fetchall()
    return tables


def _three_files(etl_paths, cli) -> str:
    """A teams file, two controles files (one with a second version, rolled back to the first); first sha."""
    raw = etl_paths["raw"]
    _teams(raw / "beheer" / "teams.xlsx",
           ["KIT", "Kempen Interventie Team", "Kempen", date(2020, 6, 2), None, "Raadsnota Veldhoven 2020"])
    write_workbook(raw / "kit" / "2023.xlsx", {"Controleavonden": _avonden(2023), "Bezoeken": bezoeken()})
    controles(raw / "kit" / "a.xlsx", prefix="A-", n=3)
    (raw / "kapot.xlsx").write_bytes(b"geen werkmap")  # a rejection in the history
    assert cli()[0] == 1
    first = query(etl_paths, "SELECT sha256 FROM meta_bestand WHERE bestand = 'kit/a.xlsx'")[0][0]
    time.sleep(1.1)
    controles(raw / "kit" / "a.xlsx", prefix="A-", n=1)
    os.utime(raw / "kit" / "a.xlsx", None)
    assert cli()[0] == 1
    return first


def test_rebuild_gives_the_same_rows_as_the_warehouse_in_force(etl_paths, cli, etl_command):
    first = _three_files(etl_paths, cli)
    warehouse = str(etl_paths["warehouse"])
    assert etl_command("rollback", "kit/a.xlsx", first[:12], "--warehouse", warehouse)[0] == 0
    before = everything(etl_paths["warehouse"])
    assert before[IN_FORCE][2][3] == first and before[IN_FORCE][2][5] == 6  # the rolled-back version, not the newest
    code, out, err = etl_command("rebuild", "--warehouse", warehouse)
    assert code == 0, err
    assert out.splitlines()[0].endswith("3 bestanden, 11 rijen; gekozen: de versies in gebruik volgens het vorige "
                                        "warehouse.")
    assert everything(etl_paths["warehouse"]) == before
    entry = AuditLog(load_settings().audit_log_path).entries().iloc[0]
    assert (entry["gebeurtenis"], entry["details"]) == ("herbouwen", "3 bestanden, 11 rijen uit meta_bestand")
    assert cli()[0] == 1  # a later load finds the rebuilt warehouse as it left it: nothing is read again but kapot
    assert query(etl_paths, "SELECT bestand, status FROM meta_laadronde WHERE run_id = (SELECT max(run_id) FROM "
                            "meta_laadronde) ORDER BY 1") == [
        ("beheer/teams.xlsx", "ongewijzigd"), ("kapot.xlsx", "afgewezen"), ("kit/2023.xlsx", "ongewijzigd"),
        ("kit/a.xlsx", "teruggezet")]


def test_a_lost_warehouse_is_rebuilt_from_the_newest_versions(etl_paths, cli, etl_command):
    _three_files(etl_paths, cli)
    before = everything(etl_paths["warehouse"])
    etl_paths["warehouse"].unlink()
    code, out, err = etl_command("rebuild", "--warehouse", str(etl_paths["warehouse"]))
    assert code == 0, err
    assert "gekozen: de nieuwste versie van elk bestand (er was geen leesbaar warehouse)" in out
    after = everything(etl_paths["warehouse"])
    for table in staging_tables():
        assert after[table] == before[table], table
    assert [row[:4] + row[5:] for row in after[IN_FORCE]] == [row[:4] + row[5:] for row in before[IN_FORCE]]
    assert after["SELECT * FROM meta_laadronde ORDER BY ALL"] == []  # the history lived in the lost warehouse
    assert [row[0] for row in after["SELECT * FROM meta_sleutel"]] == [
        row[0] for row in before["SELECT * FROM meta_sleutel"]]


def test_rebuild_is_refused_without_an_archive_or_with_another_key(etl_paths, cli, etl_command):
    warehouse = str(etl_paths["warehouse"])
    code, out, err = etl_command("rebuild", "--warehouse", warehouse)
    assert code == 3 and "Herbouwen geweigerd: er is geen warehouse en het archief" in err
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    before = everything(etl_paths["warehouse"])
    etl_paths["key"].write_bytes(os.urandom(32))
    code, out, err = etl_command("rebuild", "--warehouse", warehouse)
    assert code == 3 and "is niet de sleutel waarmee het archief is gemaakt (a.xlsx)" in err
    for version in (etl_paths["raw"].parent / "archief").rglob("versie.json"):
        version.unlink()
    code, out, err = etl_command("rebuild", "--warehouse", warehouse)
    assert code == 3 and "van 1 bestand(en) in gebruik staat de versie niet in het archief" in err and "a.xlsx" in err
    assert everything(etl_paths["warehouse"]) == before
    log = AuditLog(load_settings().audit_log_path).entries()
    assert list(log["gebeurtenis"]) == ["herbouwen", "herbouwen", "laden", "herbouwen"]
    assert log["details"].iloc[0].startswith("geweigerd")
