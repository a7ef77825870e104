"""The area and entity measures of metrics/waterbed.py: areas, windows and moves on a few invented rows, and the
planted truth of the demo data (etl/demo/kit.py: a displacement after the Veldhoven intervention of 1 March 2021,
nothing after the Bladel intervention of 1 March 2022) recovered from the committed workbooks in data/raw."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.demo.kit import PLANTED_PERSONS, PLANTED_SIGNALS, PLANTED_TO
from etl.schema import create_warehouse
from metrics.filters import Filter
from metrics.waterbed import (
    BINNEN,
    ELDERS,
    GEEN_EFFECT,
    VERPLAATSING,
    gebieden,
    interventie_effecten,
    maat_per_maand,
    stromen,
    stromen_rond_interventies,
    vensters,
    verplaatsingen,
)
from tests.marts import marts_as_views
from tests.testwarehouse import REFERENCE_DIR

_L = ("test.xlsx", "Blad1", 2)


@pytest.fixture(scope="module")
def demo(demo_warehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(demo_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def empty(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    create_warehouse(con, REFERENCE_DIR)
    marts_as_views(con)  # staging rows are written by hand below
    yield con
    con.close()


def test_areas_are_the_municipality_its_neighbours_in_the_region_and_the_rest(empty) -> None:
    # etl/reference/grenzen.csv: Veldhoven borders Bergeijk, Eersel, Waalre (Kempen) and Eindhoven (outside KIT).
    assert gebieden(empty, "GM0861", "KIT") == {
        "behandeling": ("GM0861",),
        "buffer": ("GM0770", "GM0866", "GM1724"),
        "controle": ("GM0753", "GM0823", "GM1667", "GM1728"),
    }


def test_windows_have_equal_length_inside_the_team_period() -> None:
    period = (date(2020, 6, 2), date(2022, 12, 31))
    assert vensters(date(2021, 3, 1), *period, 180) == (date(2020, 9, 2), date(2021, 2, 28), date(2021, 3, 1),
                                                        date(2021, 8, 27))
    # 1 December 2022: only 31 days left, so both windows are 31 days.
    assert vensters(date(2022, 12, 1), *period, 180) == (date(2022, 10, 31), date(2022, 11, 30), date(2022, 12, 1),
                                                         date(2022, 12, 31))


def test_moves_between_municipalities_with_their_lag(empty) -> None:
    rows = [  # evening id, date, team, municipality; one visit each, one person per visit (invented)
        ("A1", "2021-01-10", "KIT", "GM0861"), ("A2", "2021-03-20", "KIT", "GM0866"),
        ("A3", "2021-05-01", "KIT", "GM0866"), ("P1", "2017-05-01", "PIT", "GM0847"),
    ]
    for avond, datum, team, gemeente in rows:
        empty.execute("INSERT INTO stg_controleavonden VALUES (?, ?, ?, ?, 'horeca', 5, ?, ?, ?)",
                      [avond, datum, team, gemeente, *_L])
        empty.execute("INSERT INTO stg_bezoeken VALUES (?, ?, NULL, NULL, 'woning', 'EIG-1', 1, ?, ?, ?)",
                      [f"B{avond}", avond, *_L])
        empty.execute("INSERT INTO stg_personen VALUES (?, ?, 'PER-1', 'Pools', 'nee', NULL, 'bank', 'nee', 1, NULL, "
                      "'ja', ?, ?, ?)", [f"P{avond}", f"B{avond}", *_L])
    moves = verplaatsingen(empty, Filter(), "persoon")
    # PIT Someren 2017 -> KIT Veldhoven 2021 (leaves Peelland: Veldhoven does not border it), then Veldhoven ->
    # Waalre 69 days later (inside the KIT area); the second Waalre sighting is no move.
    assert list(zip(moves["van"], moves["naar"], moves["dagen"], moves["soort"], strict=True)) == [
        ("Someren", "Veldhoven", 1350, ELDERS), ("Veldhoven", "Waalre", 69, BINNEN)]
    assert stromen(empty, Filter(teams=("KIT",)), "eigenaar")[["van", "naar", "aantal"]].values.tolist() == [
        ["Veldhoven", "Waalre", 1]]


def test_planted_displacement_after_the_veldhoven_intervention_is_recovered(demo) -> None:
    res = interventie_effecten(demo, Filter(teams=("KIT",)), "signalen").set_index("interventie_id")
    v = res.loc["KIT-I01"]
    assert (v["gemeente"], v["buffer"]) == ("Veldhoven", "Eersel, Waalre, Bergeijk")
    assert v["lezing"] == VERPLAATSING
    # Inhabitants (CBS 2023): Veldhoven 46,417; buffer Eersel 20,004 + Waalre 17,980 + Bergeijk 19,092 = 57,076.
    # Back in signals, the local and displacement WDD intervals hold the planted -40 and +40.
    lokaal = (v["wdd_lokaal_laag"] * 4.6417, v["wdd_lokaal_hoog"] * 4.6417)
    verplaatst = (v["wdd_verplaatsing_laag"] * 5.7076, v["wdd_verplaatsing_hoog"] * 5.7076)
    assert lokaal[0] < -PLANTED_SIGNALS < lokaal[1] < 0
    assert 0 < verplaatst[0] < sum(PLANTED_TO.values()) < verplaatst[1]
    # All of the gain moved: WDQ close to -1 (interval holds -1), total net effect and total WDD hold 0.
    assert v["wdq_laag"] < -1 < v["wdq_hoog"] < 0
    assert v["tne_laag"] < 0 < v["tne_hoog"] and v["wdd_laag"] < 0 < v["wdd_hoog"]


def test_no_effect_where_none_was_planted(demo) -> None:
    for maat in ("signalen", "overtredingen per bezoek", "personen illegale huisvesting"):
        b = interventie_effecten(demo, Filter(teams=("KIT",)), maat).set_index("interventie_id").loc["KIT-I02"]
        assert b["lezing"] == GEEN_EFFECT, maat
        assert b["wdd_lokaal_laag"] < 0 < b["wdd_lokaal_hoog"], maat


def test_planted_persons_move_from_veldhoven_only_after_its_intervention(demo) -> None:
    flows = stromen_rond_interventies(demo, Filter(teams=("KIT",)), "persoon")
    assert flows[["interventie_id", "naar", "voor", "na"]].values.tolist() == [
        ["KIT-I01", "Bergeijk", 0, PLANTED_PERSONS["Bergeijk"]], ["KIT-I01", "Waalre", 0, PLANTED_PERSONS["Waalre"]]]


def test_measure_per_month_adds_up_to_the_signals(demo) -> None:
    per_maand = maat_per_maand(demo, Filter(teams=("KIT",)), "signalen")
    total = demo.execute("SELECT count(*) FROM fct_signaal WHERE team = 'KIT'").fetchone()[0]
    assert per_maand["teller"].sum() == total
    veldhoven = per_maand[(per_maand["gemeente"] == "Veldhoven")].set_index("maand")["waarde"]
    assert veldhoven.loc[date(2020, 9, 1):date(2021, 2, 1)].sum() == 45
