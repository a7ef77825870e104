"""Archive of every accepted version (Parquet rows + hash, never the workbook); history and rollback."""

from __future__ import annotations

import os
import time

from access.audit import AuditLog
from settings import load_settings
from tests.etl.workbooks import avonden, bezoeken, controles, query, write_workbook


def _last_audit() -> list[str]:
    entry = AuditLog(load_settings().audit_log_path).entries().iloc[0]
    return [entry["gebeurtenis"], entry["wie"].split(":")[0], entry["onderwerp"], entry["details"]]


def test_versions_are_archived_listed_and_rolled_back(etl_paths, cli, etl_command):
    archive = etl_paths["raw"].parent / "archief"
    path = controles(etl_paths["raw"] / "kit" / "a.xlsx", n=3)
    assert cli()[0] == 0
    first_sha = query(etl_paths, "SELECT sha256 FROM meta_bestand")[0][0]
    first_rows = query(etl_paths, "SELECT * EXCLUDE (_rij) FROM stg_bezoeken ORDER BY 1")
    time.sleep(1.1)  # a later load time for the second version
    rows = avonden(n=2)
    write_workbook(path, {"Controleavonden": rows, "Bezoeken": bezoeken(n=2)})
    assert cli()[0] == 0
    second_sha = query(etl_paths, "SELECT sha256 FROM meta_bestand")[0][0]
    folder = archive / "kit%2Fa.xlsx"
    assert sorted(p.name for p in folder.iterdir()) == sorted([first_sha, second_sha])
    assert sorted(p.name for p in (folder / first_sha).iterdir()) == [
        "stg_bezoeken.parquet", "stg_controleavonden.parquet", "stg_deelname.parquet", "versie.json"]
    assert {p.suffix for p in archive.rglob("*") if p.is_file()} == {".parquet", ".json"}  # never the workbook
    code, out, err = etl_command("history", "--warehouse", str(etl_paths["warehouse"]))
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["bestand", "geladen", "op", "sha256", "rijen", "in", "gebruik"]
    assert [line.split()[3:] for line in lines[1:]] == [[first_sha[:12], "6"], [second_sha[:12], "4", "ja"]]
    code, out, err = etl_command("rollback", "kit/a.xlsx", first_sha[:10], "--warehouse", str(etl_paths["warehouse"]))
    assert code == 0, err
    assert f"kit/a.xlsx: versie {first_sha[:12]}" in out and "(6 rijen) staat weer in het warehouse" in out
    assert query(etl_paths, "SELECT sha256, rijen FROM meta_bestand") == [(first_sha, 6)]
    assert query(etl_paths, "SELECT * EXCLUDE (_rij) FROM stg_bezoeken ORDER BY 1") == first_rows
    assert query(etl_paths, "SELECT count(*) FROM stg_deelname") == [(9,)]
    gebeurtenis, wie, onderwerp, details = _last_audit()  # a data-changing command is audited
    assert (gebeurtenis, wie, onderwerp) == ("terugzetten", "cli", "kit/a.xlsx")
    assert details.startswith(f"versie {first_sha} van ") and details.endswith(", 6 rijen")
    code, err = cli()  # the raw file is unchanged since the rollback: it is not read again
    assert code == 0 and "teruggezet naar een gearchiveerde versie" in err
    assert query(etl_paths, "SELECT sha256 FROM meta_bestand") == [(first_sha,)]
    controles(path, n=1)  # a new delivery of the file is read again
    os.utime(path, None)
    assert cli()[0] == 0
    assert query(etl_paths, "SELECT rijen FROM meta_bestand") == [(2,)]
    assert query(etl_paths, "SELECT count(*) FROM meta_teruggezet") == [(0,)]


def test_rollback_to_an_unknown_version_is_refused(etl_paths, cli, etl_command):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    code, out, err = etl_command("rollback", "a.xlsx", "ffff", "--warehouse", str(etl_paths["warehouse"]))
    assert code == 3
    assert "Terugzetten geweigerd: geen (eenduidige) gearchiveerde versie 'ffff' van a.xlsx" in err
    assert _last_audit()[:3] == ["terugzetten", "cli", "a.xlsx"] and _last_audit()[3].startswith("geweigerd: ")
