"""The marts (etl/warehouse.sql, etl/marts.py): every column of every mart view described with its unit, nothing
described that does not exist, docs/marts.md current, and the marts' data tests find what they are for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from etl.marts import MARTS, UNITS, catalogue_markdown, mart_tests
from etl.refresh import MATERIALISED, refresh_marts
from etl.schema import create_warehouse
from settings import REFERENCE_DIR

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh() -> Iterator[duckdb.DuckDBPyConnection]:
    """A freshly built, empty warehouse (reference tables filled)."""
    con = duckdb.connect()
    create_warehouse(con, REFERENCE_DIR)
    yield con
    con.close()


def _views(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The marts: every view, and the tables named fct_ (the materialised fact marts, etl/refresh.py)."""
    rows = con.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN "
                       "(SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW' "
                       " OR table_name LIKE 'fct\\_%' ESCAPE '\\') "
                       "ORDER BY table_name, ordinal_position").fetchall()
    views: dict[str, list[str]] = {}
    for table, column in rows:
        views.setdefault(table, []).append(column)
    return views


def test_every_view_is_a_mart_named_for_its_layer(fresh: duckdb.DuckDBPyConnection) -> None:
    views = _views(fresh)
    assert all(name.startswith(("fct_", "dim_")) for name in views), sorted(views)
    assert sorted(views) == sorted(MARTS)
    assert set(views) & {m.mart for m in MATERIALISED} == {m.mart for m in MATERIALISED}
    assert {"fct_controleavond", "fct_geladen_rijen", "fct_laadronde", "dim_gemeente", "dim_vraag",
            "dim_respondent", "dim_bestand"} <= set(views)


def test_every_mart_column_is_described_with_its_unit(fresh: duckdb.DuckDBPyConnection) -> None:
    for name, columns in _views(fresh).items():
        described = MARTS[name].columns
        assert list(described) == columns, f"{name}: catalogue {list(described)} != view {columns}"
        for column, col in described.items():
            assert col.unit in UNITS, f"{name}.{column}: unit {col.unit!r} not in UNITS"
            assert col.description.strip(), f"{name}.{column}: no description"


def test_the_data_tests_name_only_columns_of_their_mart() -> None:
    for name, mart in MARTS.items():
        named = {*mart.key, *mart.not_null, *mart.accepted, *mart.relationships}
        assert named <= set(mart.columns), f"{name}: {named - set(mart.columns)}"
        for parent, parent_col in mart.relationships.values():
            assert parent_col in MARTS[parent].columns


def test_no_mart_exposes_lineage_or_a_bsn(fresh: duckdb.DuckDBPyConnection) -> None:
    columns = {c for cols in _views(fresh).values() for c in cols}
    assert not {"_bestand", "_blad", "_rij"} & columns
    assert not any("bsn" in c for c in columns)


def test_docs_marts_md_is_the_generated_catalogue() -> None:
    assert (ROOT / "docs" / "marts.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_mart_tests_pass_on_a_fresh_warehouse(fresh: duckdb.DuckDBPyConnection) -> None:
    assert mart_tests(fresh) == []


def test_mart_tests_find_lost_rows_bad_values_bad_codes_and_duplicates(fresh: duckdb.DuckDBPyConnection) -> None:
    lineage = ["t.xlsx", "Blad1", 2]
    fresh.execute("INSERT INTO stg_controleavonden VALUES ('A1', DATE '2019-03-05', 'KIT-pilot', 'GM0861', "
                  "'huisvesting', 9, ?, ?, ?), ('A2', DATE '2019-03-06', 'XIT', 'GM0861', 'huisvesting', 4, ?, ?, ?)",
                  lineage * 2)  # A2: a team that does not exist
    fresh.execute("INSERT INTO stg_bezoeken VALUES ('B1', 'A1', NULL, NULL, 'woning', NULL, 3, ?, ?, ?), "
                  "('B2', 'X9', NULL, NULL, 'woning', NULL, 2, ?, ?, ?)", lineage * 2)  # B2: its evening does not exist
    fresh.execute("INSERT INTO meta_laadronde VALUES ('r1', TIMESTAMP '2026-01-01 10:00', 'a.xlsx', 'kwijt', 0, 0, "
                  "NULL)")
    fresh.execute("INSERT INTO ref_grens SELECT * FROM ref_grens LIMIT 1")
    refresh_marts(fresh)  # the materialised marts, as a load leaves them
    assert mart_tests(fresh) == [
        "relationships fct_controleavond.team -> dim_team.code: 1 rij(en)",
        "rows fct_bezoek = stg_bezoeken: 1 rij(en)",
        "relationships fct_team_gemeente.team -> dim_team.code: 1 rij(en)",  # A2's team, per municipality too
        "accepted_values fct_laadronde.status: 1 rij(en)",
        "unique dim_grens.code_a+code_b: 1 rij(en)",
    ]


def test_mart_tests_pass_on_the_loaded_demo_data(demo_warehouse: Path) -> None:
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        assert mart_tests(con) == []
        assert con.execute("SELECT sum(rijen) FROM fct_geladen_rijen WHERE blad = 'Controleavonden'").fetchone()[0] \
            == con.execute("SELECT count(*) FROM fct_controleavond").fetchone()[0]


def test_team_municipality_mart_and_team_dates_agree_with_the_facts(demo_warehouse: Path) -> None:
    """The two lean marts the sidebar reads (dim_team's data dates, fct_team_gemeente) give what the fact marts
    give, without their joins: the pilot's 17 evenings (HAM/KIT §6.1) over its municipalities."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as con:
        per_team = con.execute("SELECT team, sum(controleavonden), min(eerste_avond), max(laatste_avond) "
                               "FROM fct_team_gemeente GROUP BY 1 ORDER BY 1").fetchall()
        assert per_team == con.execute("SELECT team, count(*), min(datum), max(datum) FROM fct_controleavond "
                                       "GROUP BY 1 ORDER BY 1").fetchall()
        assert dict((t, n) for t, n, _, _ in per_team)["KIT-pilot"] == 17
        assert con.execute("SELECT code, data_start, data_eind FROM dim_team ORDER BY 1").fetchall() == con.execute(
            "SELECT t.code, min(d.datum), max(d.datum) FROM dim_team t LEFT JOIN (SELECT team, datum FROM "
            "fct_controleavond UNION ALL SELECT team, datum FROM fct_signaal UNION ALL SELECT team, datum FROM "
            "fct_partnerresultaat) d ON d.team = t.code GROUP BY 1 ORDER BY 1").fetchall()
