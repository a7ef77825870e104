"""Attendance, results, money and signals per partner on the small synthetic warehouse."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from metrics.filters import Filter
from metrics.partners import (
    aanwezigheid,
    geld_per_partner,
    organisatie_overzicht,
    resultaten,
    signalen_per_bron,
    signalen_per_uitkomst,
)

PILOT = Filter(teams=("KIT-pilot",))
PIT = Filter(teams=("PIT",))


def test_attendance(con: duckdb.DuckDBPyConnection) -> None:
    frame = aanwezigheid(con, PILOT).set_index("partner")
    assert frame.loc["GEMEENTE", "avonden_aanwezig"] == 3
    assert frame.loc["VRBZO", "avonden_aanwezig"] == 1
    assert frame.loc["ISZW", "aandeel_avonden"] == pytest.approx(1 / 3)
    assert set(frame["avonden_totaal"]) == {3}


def test_results_and_money(con: duckdb.DuckDBPyConnection) -> None:
    regels = resultaten(con, PIT).set_index(["partner", "soort"])
    assert regels.loc[("SENZER", "onderzoek"), "aantal"] == 3
    assert regels.loc[("POLITIE", "inbeslagname"), "hoeveelheid"] == 214.0
    assert regels.loc[("POLITIE", "inbeslagname"), "eenheid"] == "gram"
    geld = geld_per_partner(con, PILOT)
    assert list(geld["partner"]) == ["ISZW", "UWV"]
    assert list(geld["bedrag_eur"]) == [12000.0, 5000.5]
    assert geld["aandeel"].iloc[0] == pytest.approx(12000 / 17000.5)


def test_result_without_evening_drops_out_when_municipalities_are_chosen(con: duckdb.DuckDBPyConnection) -> None:
    veldhoven = geld_per_partner(con, Filter(teams=("KIT-pilot",), gemeenten=("GM0861",)))
    assert list(veldhoven["partner"]) == ["ISZW"]  # UWV's result (R3) has no controleavond, so no municipality


def test_signals_per_source(con: duckdb.DuckDBPyConnection) -> None:
    bronnen = signalen_per_bron(con, PILOT).set_index("bron_partner")
    assert bronnen.loc["GEMEENTE", "signalen"] == 2
    assert bronnen.loc["GEMEENTE", "aandeel_gecontroleerd"] == pytest.approx(0.5)
    assert bronnen.loc["UWV", "gecontroleerd"] == 0
    assert bronnen["aandeel_signalen"].sum() == pytest.approx(1.0)
    assert signalen_per_uitkomst(con, PILOT)["signalen"].sum() == 4


def test_organisation_overview_as_in_the_pit_infographic(con: duckdb.DuckDBPyConnection) -> None:
    overzicht = organisatie_overzicht(con, PIT)
    senzer = overzicht[overzicht["partner"] == "SENZER"]
    assert list(senzer["soort"]) == ["acties aanwezig", "onderzoek", "beëindiging"]
    assert list(senzer["aantal"]) == [1, 3, 1]
    assert overzicht.iloc[0]["partner"] == "POLITIE"  # most lines in total: 2 present + 2 + 1


def test_empty_selection(con: duckdb.DuckDBPyConnection) -> None:
    leeg = Filter(teams=("PIT",), start=date(2016, 1, 1), end=date(2016, 12, 31))
    assert organisatie_overzicht(con, leeg).empty
    assert aanwezigheid(con, leeg).empty
    assert signalen_per_bron(con, leeg).empty
