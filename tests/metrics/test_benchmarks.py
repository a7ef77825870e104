"""Benchmarks beyond PIT: the published figures of other teams, normalised where they allow it, and the chosen
teams' record-level figure beside them (separate rows, never summed)."""

from __future__ import annotations

import duckdb

from metrics.benchmarks import benchmarks, benchmarks_naast
from metrics.filters import Filter


def test_published_figures_of_other_teams(con: duckdb.DuckDBPyConnection) -> None:
    df = benchmarks(con).set_index("id")
    assert list(df.index) == ["buitenom", "bite", "haarlem"]  # counts first, then a year, then none
    buitenom = df.loc["buitenom"]
    assert (buitenom["gedrukt"], buitenom["aantal_gemeenten"], buitenom["wat"]) == (
        "350 tot 400", 5, "gecontroleerde arbeidsmigranten")
    assert (buitenom["per_gemeente_laag"], buitenom["per_gemeente_hoog"]) == (70.0, 80.0)  # 350 / 5, 400 / 5
    assert "6 gemeenten" in buitenom["opmerking"] and "Emmerik (2019)" in buitenom["bron"]
    assert df.loc["bite", "per_gemeente_laag"] != df.loc["bite", "per_gemeente_laag"]  # a year is not per gemeente
    assert df.loc["haarlem", "soort"] == "geen"


def test_record_level_rows_stand_beside_and_are_not_mixed(con: duckdb.DuckDBPyConnection) -> None:
    df = benchmarks_naast(con, Filter(teams=("KIT-pilot", "PIT")))
    assert list(df["herkomst"]) == ["gepubliceerd (tekst)"] * 3 + ["berekend uit rijen"] * 2
    pilot = df[df["team"] == "KIT pilot"].iloc[0]
    # 25 persons over the visits of Veldhoven (B1-B3: 20) and Bergeijk (B4-B5: 5), two municipalities
    assert (pilot["waarde"], pilot["per_gemeente"], pilot["gemeenten"]) == ("25", "12,5", "Bergeijk; Veldhoven")
    assert df[df["team"].str.startswith("Project Buitenom")].iloc[0]["per_gemeente"] == "70 tot 80"
    geen = benchmarks_naast(con, Filter(teams=("KIT",), gemeenten=("GM0861",)))
    assert list(geen["herkomst"]) == ["gepubliceerd (tekst)"] * 3  # no evenings: no record-level row


def test_an_old_warehouse_without_the_table_gives_an_empty_frame() -> None:
    con = duckdb.connect()
    assert benchmarks(con).empty
