"""Retention: `python -m etl retention` shows what falls outside the terms, `--uitvoeren` anonymises person-level
rows, removes raw workbooks and old archived versions, records it, and every published figure stays reproducible."""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime

import duckdb
import pytest

from access.audit import AuditLog
from etl.load import load_raw
from etl.retention import Terms, apply_retention
from metrics import reproduce
from settings import COMMITTED_RAW_DIR, MAPPINGS_DIR, REFERENCE_DIR, load_settings
from tests.etl.test_rebuild import everything
from tests.etl.workbooks import controles, query


@pytest.fixture
def short_terms(monkeypatch):
    """Terms that make the 2021 test evenings fall outside: one year for person data, no grace for files."""
    monkeypatch.setenv("KIT_RETENTION_PERSON_YEARS", "1")
    monkeypatch.setenv("KIT_RETENTION_RAW_DAYS", "0")
    monkeypatch.setenv("KIT_RETENTION_ARCHIVE_DAYS", "0")


def _two_versions(etl_paths, cli) -> tuple[str, str]:
    path = controles(etl_paths["raw"] / "kit" / "a.xlsx", n=3)
    assert cli()[0] == 0
    first = query(etl_paths, "SELECT sha256 FROM meta_bestand")[0][0]
    time.sleep(1.1)
    controles(path, n=2)
    os.utime(path, None)
    assert cli()[0] == 0
    return first, query(etl_paths, "SELECT sha256 FROM meta_bestand")[0][0]


def test_retention_shows_first_and_changes_nothing(etl_paths, cli, etl_command, short_terms):
    first, _ = _two_versions(etl_paths, cli)
    before = everything(etl_paths["warehouse"])
    code, out, err = etl_command("retention", "--warehouse", str(etl_paths["warehouse"]))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Bewaartermijnen (settings.py): persoonsgegevens 1 jaar na het jaar van de gebeurtenis "
                               f"(jaren t/m {datetime.now().year - 2} vallen erbuiten), ruwe werkmappen 0 dagen")
    assert "  stg_bezoeken         2021       2 rijen" in lines
    assert "  kit/a.xlsx  geladen op " + datetime.now().strftime("%d-%m-%Y") in lines
    assert any(line.startswith(f"  kit/a.xlsx  {first[:12]}  geladen op") for line in lines)
    assert lines[-1] == "Er is niets veranderd. Voer uit met: python -m etl retention --uitvoeren"
    assert everything(etl_paths["warehouse"]) == before and (etl_paths["raw"] / "kit" / "a.xlsx").exists()
    assert (etl_paths["raw"].parent / "archief" / "kit%2Fa.xlsx" / first).is_dir()
    entry = AuditLog(load_settings().audit_log_path).entries().iloc[0]
    assert (entry["gebeurtenis"], entry["details"]) == (
        "bewaartermijn", "getoond (niets veranderd): 2 rijen persoonsgegevens, 1 ruwe werkmappen, 1 archiefversies")


def test_retention_anonymises_removes_and_the_loader_keeps_the_rows(etl_paths, cli, etl_command, short_terms):
    first, second = _two_versions(etl_paths, cli)
    warehouse = str(etl_paths["warehouse"])
    pseudonyms = query(etl_paths, "SELECT adres_pseudoniem, eigenaar_pseudoniem FROM stg_bezoeken ORDER BY bezoek_id")
    code, out, err = etl_command("retention", "--uitvoeren", "--warehouse", warehouse)
    assert code == 0, err
    assert "Er is niets veranderd" not in out
    after = query(etl_paths, "SELECT adres_pseudoniem, eigenaar_pseudoniem FROM stg_bezoeken ORDER BY bezoek_id")
    assert all(a.startswith("anoniem:2021:") and b.startswith("anoniem:2021:") for a, b in after)
    assert len({a for a, _ in after}) == 2 and len({b for _, b in after}) == 1  # two addresses, one landlord
    assert not {a for a, _ in after} & {a for a, _ in pseudonyms}
    assert not (etl_paths["raw"] / "kit" / "a.xlsx").exists()
    archive = etl_paths["raw"].parent / "archief" / "kit%2Fa.xlsx"
    assert [p.name for p in archive.iterdir()] == [second]  # the replaced version is gone
    assert query(etl_paths, "SELECT wat, onderwerp, aantal FROM meta_bewaartermijn ORDER BY 1, 2") == [
        ("archiefversie", f"kit/a.xlsx {first[:12]}", 1), ("persoonsgegevens", "stg_bezoeken 2021", 2),
        ("ruw_bestand", "kit/a.xlsx", 1)]
    log = AuditLog(load_settings().audit_log_path).entries()
    assert (log["gebeurtenis"].iloc[0], log["details"].iloc[0]) == (
        "bewaartermijn", "uitgevoerd: 2 rijen persoonsgegevens, 1 ruwe werkmappen, 1 archiefversies")
    code, out, err = etl_command("retention", "--warehouse", warehouse)  # nothing left outside the terms
    assert "): 0 rijen" in out and "buiten de termijn (worden verwijderd; de gepseudonimiseerde" in out
    anonymised = everything(etl_paths["warehouse"])
    code, err = cli()  # the raw folder is empty now: the load is not refused and removes nothing
    assert code == 0, err
    assert query(etl_paths, "SELECT bestand, sha256 FROM meta_bestand") == [("kit/a.xlsx", second)]
    assert query(etl_paths, "SELECT count(*) FROM stg_bezoeken") == [(2,)]
    assert etl_command("rebuild", "--warehouse", warehouse)[0] == 0  # the archive holds the anonymised rows
    rebuilt = everything(etl_paths["warehouse"])
    for table in ("stg_bezoeken", "stg_controleavonden", "stg_deelname"):
        assert rebuilt[table] == anonymised[table]
    controles(etl_paths["raw"] / "kit" / "a.xlsx", n=1)  # a new delivery of the file loads as usual
    assert cli()[0] == 0
    assert query(etl_paths, "SELECT rijen FROM meta_bestand") == [(2,)]
    assert query(etl_paths, "SELECT count(*) FROM meta_ruw_verwijderd") == [(0,)]


def test_kept_rows_survive_a_schema_change_and_refuse_a_new_key(etl_paths, cli, etl_command, short_terms):
    _two_versions(etl_paths, cli)
    assert etl_command("retention", "--uitvoeren", "--warehouse", str(etl_paths["warehouse"]))[0] == 0
    controles(etl_paths["raw"] / "kit" / "b.xlsx", prefix="B-")
    with duckdb.connect(str(etl_paths["warehouse"])) as con:  # an older schema: the next load starts afresh
        con.execute("ALTER TABLE meta_bewaartermijn ADD COLUMN oud INTEGER")
    code, err = cli()
    assert code == 0, err
    assert query(etl_paths, "SELECT bestand FROM meta_bestand ORDER BY 1") == [("kit/a.xlsx",), ("kit/b.xlsx",)]
    assert query(etl_paths, "SELECT count(*) FROM stg_bezoeken WHERE adres_pseudoniem LIKE 'anoniem:%'") == [(2,)]
    etl_paths["key"].write_bytes(os.urandom(32))  # the key is lost: a new one cannot re-read removed workbooks
    code, err = cli("--new-key")
    assert code == 3 and "van 1 bestand(en) is de ruwe werkmap na de bewaartermijn verwijderd (bijv. kit/a.xlsx)" in err


def test_the_published_figures_survive_retention_on_the_demo_data(tmp_path, monkeypatch):
    """The default terms on 2 December 2026, then every year anonymised (2031): the reproduction passes each time,
    also on the warehouse rebuilt from the rewritten archive."""
    from etl.__main__ import main

    raw, warehouse, archive = tmp_path / "raw", tmp_path / "wh" / "kit.duckdb", tmp_path / "archief"
    shutil.copytree(COMMITTED_RAW_DIR, raw)
    assert load_raw(raw, warehouse, mappings_dir=MAPPINGS_DIR, key_path=tmp_path / "k.key",
                    reference_dir=REFERENCE_DIR, archive_dir=archive).ok
    terms = Terms.from_settings(load_settings())
    assert terms == Terms(person_years=7, raw_days=90, archive_days=365)
    done = apply_retention(warehouse, raw, archive, REFERENCE_DIR, terms, now=datetime(2026, 12, 2))
    assert done.persons == [("stg_bezoeken", 2017, 110), ("stg_signalen", 2017, 96)]  # the PIT year
    assert done.raw == [] and done.archive == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert reproduce.all_match(reproduce.figures_table(con))
    done = apply_retention(warehouse, raw, archive, REFERENCE_DIR, terms, now=datetime(2031, 1, 1))
    assert len(done.raw) == 26 and not list(raw.rglob("*.xlsx"))  # every workbook loaded more than 90 days before
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, column in (("stg_bezoeken", "adres_pseudoniem"), ("stg_signalen", "adres_pseudoniem"),
                              ("stg_personen", "naam_pseudoniem"), ("stg_respondenten", "naam_pseudoniem")):
            assert con.execute(f"SELECT count(*) FROM {table} WHERE {column} NOT LIKE 'anoniem:%'").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM stg_bevindingen WHERE toelichting IS NOT NULL").fetchone() == (0,)
        figures = reproduce.figures_table(con)
    assert reproduce.all_match(figures)
    for name, value in {"KIT_RAW_DIR": raw, "KIT_ARCHIVE_DIR": archive, "KIT_PSEUDONYM_KEY": tmp_path / "k.key"
                        }.items():
        monkeypatch.setenv(name, str(value))
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert reproduce.figures_table(con)["berekend"].tolist() == figures["berekend"].tolist()


def test_terms_come_from_settings(monkeypatch):
    monkeypatch.setenv("KIT_RETENTION_PERSON_YEARS", "10")
    terms = Terms.from_settings(load_settings())
    assert (terms.person_years, terms.raw_days, terms.archive_days) == (10, 90, 365)
    assert terms.last_year_out(datetime(2026, 12, 2).date()) == 2015
