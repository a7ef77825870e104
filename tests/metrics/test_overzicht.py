"""Headline figures, trend, municipalities and summary on the small synthetic warehouse (tests/testwarehouse.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from metrics.filters import Filter
from metrics.overzicht import (
    gemeente_opties,
    kerncijfers,
    kerncijfers_per_team,
    lege_keuze,
    per_gemeente,
    per_gemeente_per_team,
    samenvatting,
    samenvatting_per_team,
    team_opties,
    teams_in_selectie,
    trend_per_maand,
    wat_er_wel_is,
)

PILOT = Filter(teams=("KIT-pilot",))


def test_kerncijfers_pilot(con: duckdb.DuckDBPyConnection) -> None:
    kern = kerncijfers(con, PILOT).iloc[0]
    assert kern["controleavonden"] == 3
    assert kern["bezochte_objecten"] == 5
    assert kern["aangetroffen_personen"] == 25
    assert kern["overtredingen"] == 6
    # F3 (two steps) and F4 are followed up; F1, F2, F5, F7 have no step and stay in the denominator;
    # the action-level press release (O4) follows up no violation.
    assert kern["opgevolgd"] == 2
    assert kern["aandeel_opgevolgd"] == pytest.approx(2 / 6)
    assert kern["partners_per_avond"] == pytest.approx(3.0)  # (3 + 2 + 4) / 3


def test_kerncijfers_pit_and_municipality_filter(con: duckdb.DuckDBPyConnection) -> None:
    pit = kerncijfers(con, Filter(teams=("PIT",))).iloc[0]
    assert (pit["controleavonden"], pit["bezochte_objecten"], pit["aangetroffen_personen"]) == (2, 3, 13)
    assert pit["aandeel_opgevolgd"] == 0
    bergeijk = kerncijfers(con, Filter(teams=("KIT-pilot",), gemeenten=("GM1724",))).iloc[0]
    assert (bergeijk["controleavonden"], bergeijk["bezochte_objecten"], bergeijk["overtredingen"]) == (1, 2, 1)


def test_kerncijfers_empty_period(con: duckdb.DuckDBPyConnection) -> None:
    kern = kerncijfers(con, Filter(teams=("KIT-pilot",), start=date(2019, 4, 1), end=date(2019, 4, 30))).iloc[0]
    assert kern["controleavonden"] == 0
    assert kern["aangetroffen_personen"] == 0
    assert pd.isna(kern["aandeel_opgevolgd"])  # no violations, so no share
    assert samenvatting(con, Filter(teams=("KIT-pilot",), start=date(2019, 4, 1), end=date(2019, 4, 30))).empty


def test_trend_fills_quiet_months(con: duckdb.DuckDBPyConnection) -> None:
    trend = trend_per_maand(con, PILOT)
    assert [d.strftime("%Y-%m") for d in trend["maand"]] == ["2019-03", "2019-04", "2019-05"]
    assert list(trend["controleavonden"]) == [2, 0, 1]
    assert list(trend["aangetroffen_personen"]) == [20, 0, 5]
    assert list(trend["overtredingen"]) == [5, 0, 1]


def test_per_gemeente(con: duckdb.DuckDBPyConnection) -> None:
    gemeenten = per_gemeente(con, PILOT).set_index("gemeente")
    assert list(gemeenten.index) == ["Veldhoven", "Bergeijk"]
    assert gemeenten.loc["Veldhoven", "overtredingen"] == 5
    assert gemeenten.loc["Veldhoven", "aandeel_opgevolgd"] == pytest.approx(2 / 5)
    assert gemeenten.loc["Bergeijk", "aangetroffen_personen"] == 5


def test_samenvatting_is_built_from_the_figures(con: duckdb.DuckDBPyConnection) -> None:
    zinnen = list(samenvatting(con, PILOT)["zin"])
    assert zinnen[0] == (
        "In deze periode zijn 3 controleavonden gehouden, waarbij 5 objecten zijn bezocht en 25 personen zijn "
        "aangetroffen."
    )
    assert "33% (2)" in zinnen[1]
    assert zinnen[2] == "Per controleavond waren gemiddeld 3,0 partners aanwezig."
    assert zinnen[3] == "De meeste controleavonden waren in Veldhoven (2 van 3), verdeeld over 2 gemeenten."


def test_filter_options(con: duckdb.DuckDBPyConnection) -> None:
    teams = team_opties(con).set_index("team")
    assert list(teams.index) == ["PIT", "KIT-pilot", "KIT"]
    assert teams.loc["KIT-pilot", "data_start"].date() == date(2019, 2, 20)  # first signal
    assert teams.loc["KIT-pilot", "data_eind"].date() == date(2019, 6, 1)  # last partner result
    peelland = gemeente_opties(con, ("PIT",))
    assert list(peelland["naam"]) == ["Asten", "Deurne", "Gemert-Bakel", "Helmond", "Laarbeek", "Someren"]
    assert len(gemeente_opties(con, ())) == 14  # Kempen 8 + Peelland 6; the neighbours are no team region


def test_empty_warehouse(tmp_path: Path) -> None:
    """A warehouse without any rows still gives the three teams (with no data dates) and no evenings."""
    path = tmp_path / "leeg.duckdb"
    from etl.schema import create_warehouse
    from settings import REFERENCE_DIR

    with duckdb.connect(str(path)) as connection:
        create_warehouse(connection, REFERENCE_DIR)
        teams = team_opties(connection)
        assert len(teams) == 3 and teams["data_start"].isna().all()
        assert kerncijfers(connection, Filter()).iloc[0]["controleavonden"] == 0


def test_teams_in_selection_never_pooled(con: duckdb.DuckDBPyConnection) -> None:
    assert list(teams_in_selectie(con, Filter())["team"]) == ["PIT", "KIT-pilot", "KIT"]  # none chosen: all
    assert list(teams_in_selectie(con, Filter(teams=("KIT", "PIT")))["team"]) == ["PIT", "KIT"]


def test_empty_choice_says_what_is_empty_and_what_exists(con: duckdb.DuckDBPyConnection) -> None:
    assert lege_keuze(con, Filter(teams=("KIT-pilot",), start=date(2019, 3, 1), end=date(2019, 3, 31))).empty
    feb = Filter(teams=("KIT-pilot",), start=date(2019, 2, 1), end=date(2019, 2, 28))
    assert list(lege_keuze(con, feb)["zin"]) == [
        "Geen gegevens voor deze keuze: KIT pilot heeft in februari 2019 geen controleavonden.",
        "Wel zijn er in deze periode 2 signalen.",  # T1, T2
        "Controleavonden van deze keuze zijn er van 5 maart 2019 t/m 7 mei 2019: kies een andere periode.",
    ]
    best = Filter(teams=("KIT",), gemeenten=("GM0753",), start=date(2022, 1, 1), end=date(2022, 12, 31))
    zinnen = list(lege_keuze(con, best)["zin"])
    assert zinnen[0] == "Geen gegevens voor deze keuze: KIT heeft in Best in 2022 geen controleavonden."
    assert zinnen[-1] == ("Controleavonden van deze keuze zijn er van 1 april 2021 t/m 1 april 2021: kies een andere "
                          "periode.")
    nooit = Filter(teams=("KIT",), gemeenten=("GM0861",))
    assert list(lege_keuze(con, nooit)["zin"])[-1] == "Voor deze keuze is nog nooit een controleavond geregistreerd."
    wel = wat_er_wel_is(con, Filter(teams=("KIT-pilot",), start=date(2019, 3, 1), end=date(2019, 6, 30))).iloc[0]
    assert (wel["signalen"], wel["partnerresultaten"], wel["opvolgingsstappen"]) == (2, 3, 4)


def test_per_team_figures_are_each_teams_own(con: duckdb.DuckDBPyConnection) -> None:
    """The one-query-for-every-team figures of the Overzicht page: the pilot's and PIT's rows hold the values of
    their own selections (written out) and equal the one-team functions; teams are not added up."""
    kern = kerncijfers_per_team(con, Filter()).set_index("team")
    pilot, pit = kern.loc["KIT-pilot"], kern.loc["PIT"]
    assert (pilot["controleavonden"], pilot["bezochte_objecten"], pilot["aangetroffen_personen"]) == (3, 5, 25)
    assert (pilot["overtredingen"], pilot["opgevolgd"]) == (6, 2)
    assert pilot["aandeel_opgevolgd"] == pytest.approx(2 / 6)
    assert pilot["partners_per_avond"] == pytest.approx(3.0)
    assert (pit["controleavonden"], pit["bezochte_objecten"], pit["aangetroffen_personen"]) == (2, 3, 13)
    assert pit["aandeel_opgevolgd"] == 0
    for f in (Filter(), Filter(teams=("KIT-pilot", "PIT")), Filter(gemeenten=("GM1724",)),
              Filter(start=date(2019, 3, 1), end=date(2019, 3, 31))):
        per = kerncijfers_per_team(con, f)
        gemeenten = per_gemeente_per_team(con, f)
        zinnen = samenvatting_per_team(con, f)
        for team in per["team"]:
            tf = Filter(teams=(team,), gemeenten=f.gemeenten, start=f.start, end=f.end)
            eigen = kerncijfers(con, tf)
            pd.testing.assert_frame_equal(per[per["team"] == team].drop(columns="team").reset_index(drop=True),
                                          eigen, check_dtype=False)
            pd.testing.assert_frame_equal(
                gemeenten[gemeenten["team"] == team].drop(columns="team").reset_index(drop=True),
                per_gemeente(con, tf), check_dtype=False)
            assert list(zinnen.loc[zinnen["team"] == team, "zin"]) == list(samenvatting(con, tf)["zin"])
    veldhoven = per_gemeente_per_team(con, PILOT).set_index("gemeente")
    assert list(veldhoven.index) == ["Veldhoven", "Bergeijk"]
    assert veldhoven.loc["Veldhoven", "aandeel_opgevolgd"] == pytest.approx(2 / 5)
    assert "33% (2)" in list(samenvatting_per_team(con, PILOT)["zin"])[1]
