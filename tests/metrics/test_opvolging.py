"""Follow-up metrics (metrics/opvolging.py): shares per municipality and group, steps per kind, Kaplan-Meier time
to closure with censoring, and overdue steps, on the small synthetic warehouse plus a few extra invented rows, and
on the committed synthetic demo data (data/raw)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import duckdb
import pytest

from metrics.filters import Filter
from metrics.opvolging import (
    _doorlooptijden,
    _uitgepakt,
    achterstallige_stappen,
    kerncijfers_opvolging,
    mediaan_tot_afsluiting,
    opvolging_per_gemeente,
    opvolging_per_groep,
    peildata,
    stappen_per_soort,
    tijd_tot_afsluiting,
)

# Pilot violations with the reference date 31-07-2019 (days from the evening; e = closed, c = censored):
#   Veldhoven 05-03: F1 c148, F2 c148, F3 e57 (O1 closed 01-05), F4 c148 (only a lopend step);
#   Veldhoven 19-03: F5 c134; Bergeijk 07-05: F7 c85; Bladel 04-06: XF1 e20, XF2 c57, XF3 c57 (no step).
PILOT_JULI = Filter(teams=("KIT-pilot",), end=date(2019, 7, 31))


@pytest.fixture(scope="module")
def con(opvolgingwarehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(opvolgingwarehouse), read_only=True)
    yield connection
    connection.close()


def test_peildatum_per_team_is_end_date_or_last_date(con: duckdb.DuckDBPyConnection) -> None:
    assert peildata(con, PILOT_JULI).values.tolist() == [["KIT-pilot", date(2019, 7, 31)]]
    # the last date in the pilot's data: XO3 closed on 01-09-2019 (a step of its register, though on no violation)
    assert peildata(con, Filter(teams=("KIT-pilot",))).values.tolist() == [["KIT-pilot", date(2019, 9, 1)]]
    # each team keeps its own end: PIT's data end with its evening of 15-06-2017, not at the filter's end
    beide = peildata(con, Filter(teams=("KIT-pilot", "PIT"), end=date(2022, 12, 31)))
    assert beide.values.tolist() == [["KIT-pilot", date(2019, 9, 1)], ["PIT", date(2017, 6, 15)]]


def test_kerncijfers_pilot(con: duckdb.DuckDBPyConnection) -> None:
    kern = kerncijfers_opvolging(con, PILOT_JULI).iloc[0]
    assert kern["overtredingen"] == 9
    assert kern["opgevolgd"] == 4  # F3, F4, XF1, XF2; the five without a step stay in the denominator
    assert kern["aandeel_opgevolgd"] == pytest.approx(4 / 9)
    assert kern["afgesloten"] == 2  # F3, XF1
    assert kern["aandeel_afgesloten"] == pytest.approx(2 / 9)
    assert math.isnan(kern["mediaan_dagen"])  # S stays at 7/9 after day 57
    assert kern["stappen_over_deadline"] == 1
    assert kern["peildatum"] == date(2019, 7, 31)


def test_per_gemeente_and_groep(con: duckdb.DuckDBPyConnection) -> None:
    gemeenten = opvolging_per_gemeente(con, PILOT_JULI)
    assert list(gemeenten["gemeente"]) == ["Bladel", "Bergeijk", "Veldhoven"]
    assert list(gemeenten["groep"]) == ["B.O.E.R.-gemeenten", "Overige Kempengemeenten", "Overige Kempengemeenten"]
    assert list(gemeenten["overtredingen"]) == [3, 1, 5]
    assert list(gemeenten["opgevolgd"]) == [2, 0, 2]
    assert list(gemeenten["aandeel_opgevolgd"]) == pytest.approx([2 / 3, 0, 2 / 5])
    groepen = opvolging_per_groep(con, PILOT_JULI)
    assert groepen.to_dict("list") == {
        "groep": ["B.O.E.R.-gemeenten", "Overige Kempengemeenten"],
        "overtredingen": [3, 6],
        "opgevolgd": [2, 2],
        "aandeel_opgevolgd": pytest.approx([2 / 3, 1 / 3]),
        "afgesloten": [1, 1],
        "aandeel_afgesloten": pytest.approx([1 / 3, 1 / 6]),
    }


def test_pit_is_its_own_region(con: duckdb.DuckDBPyConnection) -> None:
    groepen = opvolging_per_groep(con, Filter(teams=("PIT",)))
    assert groepen[["groep", "overtredingen", "opgevolgd"]].values.tolist() == [["Peelland", 5, 0]]


def test_stappen_per_soort(con: duckdb.DuckDBPyConnection) -> None:
    soorten = stappen_per_soort(con, PILOT_JULI)
    tabel = soorten.pivot(index="soort", columns="status", values="stappen")
    assert tabel.loc["handhaving"].to_dict() == {"open": 1, "lopend": 0, "afgerond": 2, "vervallen": 0}
    assert tabel.loc["hercontrole"].to_dict() == {"open": 1, "lopend": 0, "afgerond": 0, "vervallen": 0}  # not XO3
    assert tabel.loc["informatiebrief eigenaar", "lopend"] == 1
    assert tabel.loc["partners informeren", "lopend"] == 1
    assert tabel.loc["persbericht", "afgerond"] == 1  # O4: a step for the whole evening A1
    assert int(soorten["stappen"].sum()) == 7
    assert list(tabel.index) == sorted(["handhaving", "informatiebrief eigenaar", "persbericht",
                                        "partners informeren", "hercontrole"])


def test_time_to_closure_censors_open_violations(con: duckdb.DuckDBPyConnection) -> None:
    curve = tijd_tot_afsluiting(con, PILOT_JULI, "groep")
    boer = curve[curve["groep"] == "B.O.E.R.-gemeenten"]
    assert list(boer["dagen"]) == [0, 20, 57]
    assert list(boer["at_risk"]) == [3, 3, 2]
    assert list(boer["gecensureerd"]) == [0, 0, 2]  # XF2 (open step) and XF3 (no step) are censored, not dropped
    assert list(boer["aandeel_open"]) == pytest.approx([1, 2 / 3, 2 / 3])
    overig = curve[curve["groep"] == "Overige Kempengemeenten"]
    assert list(overig["dagen"]) == [0, 57, 85, 134, 148]
    assert list(overig["at_risk"]) == [6, 6, 5, 4, 3]
    assert list(overig["aandeel_open"]) == pytest.approx([1, 5 / 6, 5 / 6, 5 / 6, 5 / 6])
    totaal = tijd_tot_afsluiting(con, Filter(teams=("KIT-pilot",), end=date(2019, 7, 31)), "team")
    # all nine: closure at 20 (9 at risk), at 57 one closure with two censored at the same time (8 at risk)
    assert list(totaal["aandeel_open"][:3]) == pytest.approx([1, 8 / 9, 7 / 9])


def test_closure_after_the_end_date_is_censored(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("KIT-pilot",), end=date(2019, 4, 30))  # F3 closed on 01-05: after the reference date
    kern = kerncijfers_opvolging(con, f).iloc[0]
    assert (kern["overtredingen"], kern["opgevolgd"], kern["afgesloten"]) == (5, 2, 0)
    curve = tijd_tot_afsluiting(con, f, "team")
    assert list(curve["dagen"]) == [0, 42, 56]  # F5 censored at 42 days, F1-F4 at 56 days
    assert list(curve["aandeel_open"]) == [1.0, 1.0, 1.0]


def test_mediaan_per_team(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("KIT-pilot", "PIT"), end=date(2019, 7, 31))
    pit = tijd_tot_afsluiting(con, f, "team").query("team == 'PIT'")
    # PIT's violations are censored at PIT's own reference date 15-06-2017: the two of that evening at 0 days,
    # the three of 10-02-2017 at 125 days (not at 31-07-2019)
    assert list(pit["dagen"]) == [0, 125] and list(pit["gecensureerd"]) == [2, 3]
    medianen = mediaan_tot_afsluiting(con, f, "team")
    assert list(medianen["team"]) == ["KIT-pilot", "PIT"]
    assert list(medianen["overtredingen"]) == [9, 5]
    assert list(medianen["afgesloten"]) == [2, 0]
    assert list(medianen["gecensureerd"]) == [7, 5]
    assert medianen["mediaan_dagen"].isna().all()
    with pytest.raises(ValueError):
        mediaan_tot_afsluiting(con, f, "gemeente")


def test_closure_after_the_end_date_in_bladel(con: duckdb.DuckDBPyConnection) -> None:
    # only Bladel until 10-06: XF1 closes on 24-06, after the reference date, so all three are censored at 6 days
    f = Filter(teams=("KIT-pilot",), gemeenten=("GM1728",), end=date(2019, 6, 10))
    assert mediaan_tot_afsluiting(con, f, None).iloc[0][["afgesloten", "gecensureerd"]].tolist() == [0, 3]
    assert list(tijd_tot_afsluiting(con, f, "groep")["dagen"]) == [0, 6]


def test_achterstallige_stappen(con: duckdb.DuckDBPyConnection) -> None:
    achter = achterstallige_stappen(con, PILOT_JULI)
    assert achter.to_dict("records") == [
        {"team": "KIT-pilot", "gemeente": "Bladel", "organisatie": "Gemeente (toezicht en handhaving)",
         "soort": "handhaving", "status": "open", "deadline": date(2019, 6, 30), "dagen_over_deadline": 31,
         "peildatum": date(2019, 7, 31)}
    ]
    assert "bevinding_id" not in achter.columns and "opvolging_id" not in achter.columns
    # on 20-08 the lopend step XO4 (deadline 15-08) is overdue as well
    later = achterstallige_stappen(con, Filter(teams=("KIT-pilot",), end=date(2019, 8, 20)))
    assert list(later["dagen_over_deadline"]) == [51, 5]
    assert list(later["status"]) == ["open", "lopend"]


def test_empty_selection(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("KIT",), start=date(2021, 5, 1), end=date(2022, 12, 31))
    kern = kerncijfers_opvolging(con, f).iloc[0]
    assert kern["overtredingen"] == 0 and kern["stappen_over_deadline"] == 0
    assert math.isnan(kern["aandeel_opgevolgd"]) and math.isnan(kern["mediaan_dagen"])
    assert opvolging_per_gemeente(con, f).empty
    assert tijd_tot_afsluiting(con, f).empty
    assert mediaan_tot_afsluiting(con, f).empty
    assert achterstallige_stappen(con, f).empty
    assert int(stappen_per_soort(con, f)["stappen"].sum()) == 0


@pytest.fixture(scope="module")
def demo(demo_warehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(demo_warehouse), read_only=True)
    yield connection
    connection.close()


def test_demo_pilot_boer_share_is_lower(demo: duckdb.DuckDBPyConnection) -> None:
    # counted from the demo rows (fct_bevinding, stg_opvolging): B.O.E.R. Bladel 7/15, Eersel 6/20, Oirschot 7/20,
    # Reusel-De Mierden 2/17 = 22 of 72; others Bergeijk 1/1, Best 13/14, Veldhoven 4/5, Waalre 7/8 = 25 of 28
    groepen = opvolging_per_groep(demo, Filter(teams=("KIT-pilot",))).set_index("groep")
    assert groepen.loc["B.O.E.R.-gemeenten", ["opgevolgd", "overtredingen"]].tolist() == [22, 72]
    assert groepen.loc["Overige Kempengemeenten", ["opgevolgd", "overtredingen"]].tolist() == [25, 28]
    assert groepen.loc["B.O.E.R.-gemeenten", "aandeel_opgevolgd"] < groepen.loc["Overige Kempengemeenten",
                                                                                "aandeel_opgevolgd"]
    gemeenten = opvolging_per_gemeente(demo, Filter(teams=("KIT-pilot",)))
    reusel = gemeenten[gemeenten["gemeente"] == "Reusel-De Mierden"].iloc[0]
    assert (reusel["opgevolgd"], reusel["overtredingen"]) == (2, 17)


def test_demo_boer_closes_later(demo: duckdb.DuckDBPyConnection) -> None:
    medianen = mediaan_tot_afsluiting(demo, Filter(teams=("KIT",), end=date(2022, 12, 31))).set_index("groep")
    assert medianen.loc["B.O.E.R.-gemeenten", "mediaan_dagen"] == 154
    assert medianen.loc["Overige Kempengemeenten", "mediaan_dagen"] == 45
    assert medianen["overtredingen"].sum() == 927  # every violation counts, closed or not
    # PIT's open violations are censored at PIT's own end of data, also when KIT (to 2022) is chosen with it
    pit = mediaan_tot_afsluiting(demo, Filter(teams=("PIT",)), "team")
    beide = mediaan_tot_afsluiting(demo, Filter(teams=("KIT", "PIT"), end=date(2022, 12, 31)), "team")
    assert pit["mediaan_dagen"].tolist() == [86] and beide["mediaan_dagen"].tolist() == [61, 86]


def test_doorlooptijden_are_counted_in_sql(con: duckdb.DuckDBPyConnection) -> None:
    """The times to closure leave the database counted per team, group, days, closure and follow-up (no row per
    violation): Bladel XF1 closed at 20 days, XF2 (a step) and XF3 (none) censored at 57; F3 closed at 57, F7
    censored at 85, F5 at 134 and F1, F2 and F4 (a lopend step) at 148; unpacked they are the nine violations the
    curves and medians are estimated from."""
    d = _doorlooptijden(con, PILOT_JULI)
    assert d.drop(columns="team").values.tolist() == [
        ["B.O.E.R.-gemeenten", 20.0, True, True, 1], ["B.O.E.R.-gemeenten", 57.0, False, False, 1],
        ["B.O.E.R.-gemeenten", 57.0, False, True, 1], ["Overige Kempengemeenten", 57.0, True, True, 1],
        ["Overige Kempengemeenten", 85.0, False, False, 1], ["Overige Kempengemeenten", 134.0, False, False, 1],
        ["Overige Kempengemeenten", 148.0, False, False, 2], ["Overige Kempengemeenten", 148.0, False, True, 1],
    ]
    dagen, afgesloten = _uitgepakt(d)
    assert sorted(dagen.tolist()) == [20, 57, 57, 57, 85, 134, 148, 148, 148]
    assert int(afgesloten.sum()) == 2 and len(afgesloten) == 9
