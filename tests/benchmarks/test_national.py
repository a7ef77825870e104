"""The national-scale generator (benchmarks/national.py) at a tiny scale: the shape of the data, the loader's own
data tests, and figures of the metric functions against direct SQL on the staging tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from benchmarks.national import build_national, write_batch, write_reference
from etl.load import data_tests, load_raw
from metrics.filters import ALL, Filter
from metrics.opvolging import kerncijfers_opvolging
from metrics.overtredingen import top_overtredingen
from metrics.overzicht import kerncijfers, per_gemeente
from metrics.partners import aanwezigheid
from settings import MAPPINGS_DIR, REFERENCE_DIR

SCALE = 0.002  # about 520 evenings, 4,000 visits


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_reference(tmp_path_factory.mktemp("ref"), REFERENCE_DIR)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, reference: Path) -> Path:
    path = tmp_path_factory.mktemp("wh") / "national.duckdb"
    build_national(path, reference, SCALE)
    return path


@pytest.fixture
def con(warehouse: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_reference_has_forty_teams_and_350_municipalities(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute("SELECT count(*) FROM ref_team").fetchone()[0] == 40
    assert con.execute("SELECT count(*) FROM ref_gemeente").fetchone()[0] == 350
    # every invented team works only in the municipalities of its own region
    elsewhere = con.execute("""SELECT count(*) FROM stg_controleavonden c JOIN ref_team t ON t.code = c.team
                               JOIN ref_gemeente g ON g.code = c.gemeente_code WHERE g.regio <> t.regio""")
    assert elsewhere.fetchone()[0] == 0


def test_generated_rows_pass_the_loaders_data_tests(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert data_tests(con) == []


def test_same_scale_gives_the_same_rows(tmp_path: Path, reference: Path, con: duckdb.DuckDBPyConnection) -> None:
    again = tmp_path / "again.duckdb"
    build_national(again, reference, SCALE)
    digest = ("SELECT sum(hash(bevinding_id, bezoek_id, persoon_id, categorie, overtreding, partner)) "
              "FROM stg_bevindingen")
    with duckdb.connect(str(again), read_only=True) as other:
        assert other.execute(digest).fetchone() == con.execute(digest).fetchone()


def test_the_skew_is_there(con: duckdb.DuckDBPyConnection) -> None:
    busiest, quietest = con.execute("""SELECT max(n), min(n) FROM (SELECT team, count(*) AS n
                                       FROM stg_controleavonden GROUP BY team)""").fetchone()
    assert busiest > 10 * quietest
    top_share = con.execute("""SELECT max(n) / sum(n) FROM (SELECT nationaliteit, count(*) AS n FROM stg_personen
                               GROUP BY 1)""").fetchone()[0]
    assert top_share > 0.25
    assert con.execute("SELECT max(aantal_personen) FROM stg_bezoeken").fetchone()[0] >= 30


def test_kerncijfers_against_direct_sql(con: duckdb.DuckDBPyConnection) -> None:
    kern = kerncijfers(con, ALL).iloc[0]
    direct = con.execute("""
        SELECT (SELECT count(*) FROM stg_controleavonden), (SELECT count(*) FROM stg_bezoeken),
               (SELECT sum(aantal_personen) FROM stg_bezoeken),
               (SELECT count(*) FROM stg_bevindingen WHERE overtreding),
               (SELECT count(DISTINCT f.bevinding_id) FROM stg_bevindingen f JOIN stg_opvolging o USING (bevinding_id)
                WHERE f.overtreding)""").fetchone()
    assert (kern["controleavonden"], kern["bezochte_objecten"], kern["aangetroffen_personen"], kern["overtredingen"],
            kern["opgevolgd"]) == direct


def test_per_gemeente_of_one_team_against_direct_sql(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("IT-R01",), start=dt.date(2020, 1, 1), end=dt.date(2022, 12, 31))
    got = per_gemeente(con, f).set_index("gemeente_code")["overtredingen"].to_dict()
    direct = dict(con.execute("""
        SELECT c.gemeente_code, count(f.bevinding_id) FILTER (WHERE f.overtreding)
        FROM stg_controleavonden c LEFT JOIN stg_bezoeken b USING (controleavond_id)
        LEFT JOIN stg_bevindingen f USING (bezoek_id)
        WHERE c.team = 'IT-R01' AND c.datum BETWEEN DATE '2020-01-01' AND DATE '2022-12-31'
        GROUP BY 1""").fetchall())
    assert got == direct


def test_top_overtredingen_and_aanwezigheid_against_direct_sql(con: duckdb.DuckDBPyConnection) -> None:
    top = top_overtredingen(con, ALL, 3, alleen_top=True)
    first = con.execute("""SELECT categorie, count(*) FROM stg_bevindingen WHERE overtreding GROUP BY 1
                           ORDER BY 2 DESC, 1 LIMIT 1""").fetchone()
    assert (top.iloc[0]["categorie"], top.iloc[0]["overtredingen"]) == first
    partners = aanwezigheid(con, ALL).set_index("partner")["avonden_aanwezig"].to_dict()
    assert partners == dict(con.execute("SELECT partner, count(*) FROM stg_deelname GROUP BY 1").fetchall())


def test_opvolging_against_direct_sql(con: duckdb.DuckDBPyConnection) -> None:
    kern = kerncijfers_opvolging(con, ALL).iloc[0]
    overtredingen, opgevolgd = con.execute("""
        SELECT count(*), count(*) FILTER (WHERE bevinding_id IN (SELECT bevinding_id FROM stg_opvolging))
        FROM stg_bevindingen WHERE overtreding""").fetchone()
    assert (kern["overtredingen"], kern["opgevolgd"]) == (overtredingen, opgevolgd)


def test_one_teams_monthly_batch_loads_cleanly(tmp_path: Path, reference: Path) -> None:
    paths = write_batch(tmp_path / "raw", reference, teams=1, scale=SCALE)
    assert len(paths) == 6
    report = load_raw(tmp_path / "raw", tmp_path / "kit.duckdb", mappings_dir=MAPPINGS_DIR,
                      key_path=tmp_path / "pseudoniem.key", reference_dir=reference, today=dt.date(2025, 12, 31))
    assert report.ok, report.summary()
    assert [f.bsn_kolommen for f in report.files if f.soort == "vragenformulieren"] == [1]
