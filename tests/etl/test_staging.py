"""The staging layer is generated from the data contract (etl/staging.py): the tables say what the contract says,
etl/warehouse.sql holds no staging table, and a new kind in the contract is loaded with nothing else in etl/."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from etl import contract
from etl.contract import CONTROLES, INTERVIEWS, Column, Kind, Sheet
from etl.refresh import MATERIALISED
from etl.schema import SCHEMA_SQL, create_warehouse
from etl.staging import LINEAGE, bridges, sql_type, staging_ddl, staging_tables, stg_column, stg_table
from etl.template import write_templates
from settings import REFERENCE_DIR
from tests.etl.workbooks import controles, query, rules, run, write_workbook

C = Column
MELDINGEN = Kind(  # an invented kind, only for these tests
    name="meldingen",
    title="Meldingen (test)",
    delivered_by="test",
    description="Een soort die alleen in deze test bestaat.",
    sheets=(Sheet(
        name="Meldingen",
        description="Eén rij per melding.",
        key="melding_id",
        columns=(
            C("melding_id", "text", "Nummer", True, True),
            C("datum", "date", "Datum", True),
            C("gemeente", "gemeente", "Gemeente", True),
            C("soort", "enum", "Soort", True, allowed=("klein", "groot")),
            C("controleavond_id", "text", "Controleavond", ref="Controleavonden.controleavond_id"),
            C("bedrag", "decimal", "Bedrag", unit="euro", sql="DECIMAL(10,2)"),
            C("partners", "partners", "Partners, gescheiden door ';'"),
        ),
    ),),
)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, bool]]:
    return con.execute("SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
                       "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()


def _primary_key(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute("SELECT constraint_column_names FROM duckdb_constraints() "
                       "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'", [table]).fetchall()
    return list(rows[0][0]) if rows else []


def test_every_staging_table_is_what_the_contract_says() -> None:
    con = duckdb.connect()
    create_warehouse(con, REFERENCE_DIR)
    for k in contract.KINDS:
        for sheet in k.sheets:
            table = stg_table(sheet)
            stored = [c for c in sheet.columns if stg_column(c.name, c.type)]
            keyed = {sheet.key, *sheet.unique_together}
            expected = [(stg_column(c.name, c.type), sql_type(c), not c.required and c.name not in keyed)
                        for c in stored] + [("_bestand", "VARCHAR", False), ("_blad", "VARCHAR", False),
                                            ("_rij", "INTEGER", False)]
            assert _columns(con, table) == expected, table
            assert _primary_key(con, table) == [], table  # no index: uniqueness is the loader's and the data tests'
    for b in bridges():
        assert [c[0] for c in _columns(con, b.table)] == [b.key, "partner", *LINEAGE]
        assert _primary_key(con, b.table) == []


def test_known_tables_and_types() -> None:
    con = duckdb.connect()
    con.execute(staging_ddl())
    assert stg_table(CONTROLES.sheet("Controleavonden")) == "stg_controleavonden"
    assert [b.table for b in bridges()] == ["stg_deelname"]
    answers = {c: nullable for c, _, nullable in _columns(con, stg_table(INTERVIEWS.sheet("Antwoorden")))}
    assert not any(answers[c] for c in ("respondent_id", "vraag_nr", "codeur"))  # unique together: never empty
    types = dict((c, t) for c, t, _ in _columns(con, "stg_personen"))
    assert types["huur_per_maand"] == "DECIMAL(10,2)" and types["nationaliteit"] == "VARCHAR"
    assert "bsn" not in types and "naam" not in types and types["naam_pseudoniem"] == "VARCHAR"
    assert dict((c, t) for c, t, _ in _columns(con, "stg_bevindingen"))["overtreding"] == "BOOLEAN"
    assert set(staging_tables()) == {r[0] for r in con.execute("SHOW TABLES").fetchall()}


def test_warehouse_sql_keeps_only_reference_meta_views_and_materialised_marts() -> None:
    sql = SCHEMA_SQL.read_text(encoding="utf-8").lower()
    assert "create table stg_" not in sql
    con = duckdb.connect()
    con.execute(staging_ddl())
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_type = 'BASE TABLE'").fetchall()}
    materialised = {m.mart for m in MATERIALISED}
    assert {t for t in tables if not t.startswith(("ref_", "meta_"))} == set(staging_tables()) | materialised


def test_a_new_kind_needs_only_a_contract_entry(etl_paths, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(contract, "KINDS", (*contract.KINDS, MELDINGEN))
    assert "meldingen" in {p.stem.removeprefix("sjabloon_") for p in write_templates(tmp_path / "sjablonen")}
    controles(etl_paths["raw"] / "c.xlsx")
    header = ["melding_id", "datum", "gemeente", "soort", "controleavond_id", "bedrag", "partners"]
    write_workbook(etl_paths["raw"] / "m.xlsx", {"Meldingen": [
        header,
        ["M1", date(2021, 3, 2), "Bladel", "klein", "KIT-1", "12,50", "Gemeente; Politie"],
        ["M2", date(2021, 3, 3), "Eersel", "groot", None, None, None],
    ]})
    write_workbook(etl_paths["raw"] / "waarde.xlsx", {"Meldingen": [
        header, ["M8", date(2021, 3, 4), "Bladel", "middel", None, None, None]]})
    write_workbook(etl_paths["raw"] / "verwijzing.xlsx", {"Meldingen": [
        header, ["M9", date(2021, 3, 4), "Bladel", "klein", "KIT-404", None, None]]})
    report = run(etl_paths)
    assert report.file("m.xlsx").status == "geladen" and report.file("m.xlsx").soort == "meldingen"
    assert rules(report, "waarde.xlsx") == ["onbekende_waarde"]
    assert rules(report, "verwijzing.xlsx") == ["verwijzing"]
    assert report.data_test_failures == []
    assert query(etl_paths, "SELECT melding_id, gemeente_code, soort, controleavond_id, bedrag, _bestand, _blad, _rij "
                            "FROM stg_meldingen ORDER BY 1") == [
        ("M1", "GM1728", "klein", "KIT-1", pytest.approx(12.5), "m.xlsx", "Meldingen", 2),
        ("M2", "GM0770", "groot", None, None, "m.xlsx", "Meldingen", 3),
    ]
    assert query(etl_paths, "SELECT melding_id, partner, _rij FROM stg_meldingen_partners ORDER BY ALL") == [
        ("M1", "GEMEENTE", 2), ("M1", "POLITIE", 2)]
    (etl_paths["raw"] / "m.xlsx").unlink()
    run(etl_paths)
    assert query(etl_paths, "SELECT count(*) FROM stg_meldingen") == [(0,)]
    assert query(etl_paths, "SELECT count(*) FROM stg_meldingen_partners") == [(0,)]
