"""KIT vs PIT normalisation (per month, per municipality, per 10,000 inhabitants) on the small warehouse."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from metrics.filters import Filter
from metrics.vergelijking import kanttekening, maanden_tussen, teamprofiel, vergelijking

KEMPEN_2023 = 19092 + 30897 + 21009 + 20004 + 19217 + 13542 + 46417 + 17980  # etl/reference/gemeenten.csv
PEELLAND_2023 = 17242 + 32977 + 31383 + 94898 + 23260 + 20061


def test_months_between() -> None:
    assert maanden_tussen(date(2017, 1, 1), date(2017, 12, 31)) == 12.0
    assert maanden_tussen(date(2019, 2, 1), date(2020, 4, 1)) == pytest.approx(14 + 1 / 30)
    assert maanden_tussen(date(2019, 3, 1), date(2019, 3, 31)) == 1.0
    assert maanden_tussen(date(2019, 3, 2), date(2019, 3, 1)) == 0.0


def test_team_profile(con: duckdb.DuckDBPyConnection) -> None:
    profiel = teamprofiel(con, Filter(teams=("KIT-pilot", "PIT"))).set_index("team")
    assert profiel.loc["PIT", "maanden"] == 12.0
    assert profiel.loc["PIT", "gemeenten"] == 6
    assert profiel.loc["PIT", "inwoners"] == PEELLAND_2023 == 219821
    assert profiel.loc["KIT-pilot", "inwoners"] == KEMPEN_2023 == 188158
    assert set(profiel["inwoners_jaar"]) == {2023}


def test_profile_is_cut_to_the_filter(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("PIT", "KIT-pilot"), gemeenten=("GM0794",), start=date(2017, 7, 1), end=date(2018, 12, 31))
    profiel = teamprofiel(con, f)
    assert list(profiel["team"]) == ["PIT"]  # Helmond is no Kempen municipality; the pilot starts in 2019
    assert profiel.iloc[0]["maanden"] == 6.0
    assert profiel.iloc[0]["inwoners"] == 94898


def test_normalised_figures(con: duckdb.DuckDBPyConnection) -> None:
    cijfers = vergelijking(con, Filter(teams=("KIT-pilot", "PIT"))).set_index(["team", "kengetal"])
    pit = cijfers.loc[("PIT", "controleavonden")]
    assert pit["aantal"] == 2
    assert pit["per_maand"] == pytest.approx(2 / 12)
    assert pit["per_gemeente"] == pytest.approx(2 / 6)
    assert pit["per_10000"] == pytest.approx(2 / 219821 * 10_000)
    pilot = cijfers.loc[("KIT-pilot", "aangetroffen_personen")]
    assert pilot["aantal"] == 25
    assert pilot["per_maand"] == pytest.approx(25 / (14 + 1 / 30))
    # per municipality and per 10,000 inhabitants are per year: total / months * 12 (periods differ in length)
    assert pilot["per_gemeente"] == pytest.approx(25 / (14 + 1 / 30) * 12 / 8)
    assert pilot["per_10000"] == pytest.approx(25 / (14 + 1 / 30) * 12 / 188158 * 10_000)
    assert cijfers.loc[("KIT-pilot", "bedrag_eur"), "aantal"] == 17000.5
    assert cijfers.loc[("PIT", "partnerresultaten"), "aantal"] == 7


def test_no_team_in_period_gives_empty(con: duckdb.DuckDBPyConnection) -> None:
    assert vergelijking(con, Filter(teams=("PIT",), start=date(2018, 1, 1), end=date(2018, 6, 30))).empty


def test_figures_without_data_are_flagged(con: duckdb.DuckDBPyConnection) -> None:
    cijfers = vergelijking(con, Filter(teams=("KIT",))).set_index("kengetal")
    assert not cijfers.loc["bedrag_eur", "heeft_gegevens"]  # the KIT test rows have no partner results
    assert cijfers.loc["controleavonden", "heeft_gegevens"]
    assert sorted(cijfers.index[~cijfers["heeft_gegevens"]]) == [
        "bedrag_eur", "overtredingen", "partnerresultaten", "signalen"
    ]


def test_caveat_follows_the_chosen_teams(con: duckdb.DuckDBPyConnection) -> None:
    pit_kit = list(kanttekening(con, Filter(teams=("KIT", "PIT")))["zin"])
    assert pit_kit[0].startswith("De PIT-cijfers beslaan een heel kalenderjaar (2017) van een volwassen team")
    assert "02-06-2020 t/m 31-12-2022 (31 maanden)" in pit_kit[1]
    assert not any("KIT pilot" in zin or "opstartfase" in zin for zin in pit_kit)  # the pilot is not compared
    assert "fase van het team en de lengte van de periode" in pit_kit[-1]
    pilot = list(kanttekening(con, Filter(teams=("KIT-pilot", "PIT")))["zin"])
    assert "01-02-2019 t/m 01-04-2020 (14 maanden): de opstartfase van het team (1 thema)" in pilot[1]
    halfjaar = kanttekening(con, Filter(teams=("PIT",), start=date(2017, 7, 1)))
    assert list(halfjaar["zin"]) == [
        "De PIT-cijfers beslaan 01-07-2017 t/m 31-12-2017 (6 maanden) van een volwassen team: het convenant liep "
        "al, met een vaste werkwijze en vaste partners."  # no evening in that half year: no themes named
    ]
