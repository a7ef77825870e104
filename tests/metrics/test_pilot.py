"""Definitions of the pilot metrics (metrics.pilot) on a small hand-made warehouse (synthetic rows)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from etl.schema import create_warehouse
from metrics import pilot
from settings import REFERENCE_DIR
from tests.marts import marts_as_views

L = ("t.xlsx", "Blad1", 2)


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    """Three pilot evenings, five visits (one address visited twice), ten persons; one PIT evening."""
    c = duckdb.connect()
    create_warehouse(c, REFERENCE_DIR)
    marts_as_views(c)  # staging rows are written by hand below
    c.executemany(
        "INSERT INTO stg_controleavonden VALUES (?, ?, ?, ?, 'huisvesting arbeidsmigranten', 5, ?, ?, ?)",
        [("A1", date(2019, 2, 20), "KIT-pilot", "GM0861", *L), ("A2", date(2019, 6, 1), "KIT-pilot", "GM1724", *L),
         ("A3", date(2020, 3, 10), "KIT-pilot", "GM1724", *L), ("P1", date(2017, 5, 1), "PIT", "GM0794", *L)],
    )
    c.executemany(
        "INSERT INTO stg_bezoeken VALUES (?, ?, ?, '5501', 'woning', NULL, ?, ?, ?, ?)",
        [("B1", "A1", "ADR-1", 4, *L), ("B2", "A2", "ADR-2", 3, *L), ("B3", "A3", "ADR-1", 2, *L),
         ("B4", "A3", None, 1, *L), ("B5", "A3", "ADR-3", 0, *L), ("Q1", "P1", "ADR-9", 2, *L)],
    )
    persons = [
        # persoon_id, bezoek_id, nationaliteit, huurovereenkomst, huur, betaalwijze, brp, verblijf, uitzendbureau, zorg
        ("F1", "B1", "Pools", "ja", 195, "ingehouden op loon", "nee", 6, "Flex BV", "ja"),
        ("F2", "B1", "Pools", "nee", 300, "bank", "nee", 2, "flex bv ", "ja"),
        ("F3", "B1", "Roemeens", "onbekend", None, "onbekend", "ja", 12, "Work BV", "nee"),
        ("F4", "B1", "Pools", "nee", 625, "contant", "nee", 9, None, "onbekend"),
        ("F5", "B2", "Nederlands", "ja", 400, "bank", "ja", 30, "", "ja"),
        ("F6", "B2", "Pools", "nee", 250, "ingehouden op loon", "nee", 5, "Agri BV", "ja"),
        ("F7", "B2", "Pools", "nee", 250, "ingehouden op loon", "nee", 1, "Agri BV", "ja"),
        ("F8", "B3", "Bulgaars", "nee", None, "onbekend", "nee", 4, "Work BV", "nee"),
        ("F9", "B3", "Pools", "ja", 500, "bank", "ja", 7, "Flex BV", "ja"),
        ("F10", "B4", "Pools", "nee", 350, "contant", "nee", 8, "Other BV", "ja"),
        ("G1", "Q1", "Roemeens", "nee", 900, "bank", "nee", 8, "Peel BV", "ja"),
    ]
    c.executemany(
        "INSERT INTO stg_personen VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(*p, *L) for p in persons]
    )
    findings = [
        # person-level BRP violations: F1, F4, F6, F10; F2 not a violation (short stay)
        ("V1", "B1", "F1", "adresfraude", True), ("V2", "B1", "F4", "adresfraude", True),
        ("V3", "B2", "F6", "adresfraude", True), ("V4", "B4", "F10", "adresfraude", True),
        ("V5", "B1", "F2", "adresfraude", False),
        # object-level bestemmingsplan at B1 (4 persons) and B3 (2 persons); also person-level at B3 (no double count)
        ("V6", "B1", None, "strijdig gebruik bestemmingsplan", True),
        ("V7", "B3", None, "strijdig gebruik bestemmingsplan", True),
        ("V8", "B3", "F8", "strijdig gebruik bestemmingsplan", True),
        # brandveiligheid: object-level at B2 (3 persons); a non-violation at B5 does not count
        ("V9", "B2", None, "brandveiligheidseisen", True), ("V10", "B5", None, "brandgevaarlijke situatie", False),
        ("W1", "Q1", None, "brandveiligheidseisen", True),
    ]
    c.executemany(
        "INSERT INTO stg_bevindingen VALUES (?, ?, ?, ?, ?, 'GEMEENTE', NULL, ?, ?, ?)", [(*f, *L) for f in findings]
    )
    c.executemany(
        "INSERT INTO stg_deelname VALUES (?, ?, ?, ?, ?)",
        [("A1", "GEMEENTE", *L), ("A1", "IND", *L), ("A2", "GEMEENTE", *L), ("P1", "IND", *L)],
    )
    c.executemany(
        "INSERT INTO stg_respondenten VALUES (?, NULL, ?, ?, 'partner', ?, 'ja', 'ja', ?, ?, ?)",
        [("R1", "KIT-pilot", "GEMEENTE", "GM0861", *L), ("R2", "KIT-pilot", "GEMEENTE", "GM0861", *L),
         ("R3", "KIT-pilot", "GEMEENTE", "GM1724", *L), ("R4", "KIT-pilot", "UWV", None, *L),
         ("R5", "KIT-pilot", "AVIM", None, *L), ("R6", "PIT", "SENZER", None, *L)],
    )
    return c


def test_activiteit_counts_distinct_addresses_and_both_person_counts(con: duckdb.DuckDBPyConnection) -> None:
    row = pilot.activiteit(con).iloc[0]
    assert row["controleavonden"] == 3
    assert row["bezoeken"] == 5
    assert row["adressen"] == 4  # ADR-1 twice, ADR-2, ADR-3, and B4 without an address
    assert row["personen"] == 10
    assert row["personen_som"] == 10
    pit = pilot.activiteit(con, team="PIT").iloc[0]
    assert (pit["controleavonden"], pit["bezoeken"], pit["personen"]) == (1, 1, 1)


def test_persoonskenmerken_shares_keep_unknowns_in_the_base(con: duckdb.DuckDBPyConnection) -> None:
    df = pilot.persoonskenmerken(con).set_index(["kenmerk", "waarde"])
    assert df.loc[("nationaliteit", "Pools"), "personen"] == 7
    assert df.loc[("nationaliteit", "Pools"), "aandeel_pct"] == pytest.approx(70.0)
    assert df.loc[("huurovereenkomst", "ja"), "aandeel_pct"] == pytest.approx(30.0)
    assert df.loc[("huur_betaalwijze", "ingehouden op loon"), "aandeel_pct"] == pytest.approx(30.0)
    assert df.loc[("ingeschreven_brp", "ja"), "personen"] == 3
    assert df.loc[("zorgverzekering", "ja"), "totaal"] == 10
    assert ("nationaliteit", "Pools") in df.index and ("nationaliteit", "Duits") not in df.index


def test_huur_range_and_uitzendbureaus(con: duckdb.DuckDBPyConnection) -> None:
    huur = pilot.huur(con).iloc[0]
    assert (huur["huur_min"], huur["huur_max"], huur["personen_met_huur"]) == (195.0, 625.0, 8)
    bureaus = pilot.uitzendbureaus(con).iloc[0]
    assert bureaus["uitzendbureaus"] == 4  # Flex BV (case and spaces ignored), Work BV, Agri BV, Other BV
    assert bureaus["personen_met_uitzendbureau"] == 8


def test_overtredingen_on_persons_and_on_addresses(con: duckdb.DuckDBPyConnection) -> None:
    df = pilot.overtredingen(con).set_index(["groep", "basis"])
    assert df.loc[("BRP", "personen"), "getroffen"] == 4
    assert df.loc[("BRP", "personen"), "totaal"] == 10
    assert df.loc[("BRP", "personen"), "aandeel_pct"] == pytest.approx(40.0)
    # object-level at B1 (4) and B3 (2, the person-level F8 is inside it)
    assert df.loc[("ruimtelijk", "personen"), "getroffen"] == 6
    assert df.loc[("brandveiligheid", "personen"), "getroffen"] == 3
    # addresses: B1 and B3 are the same address ADR-1
    assert df.loc[("ruimtelijk", "adressen"), "getroffen"] == 1
    assert df.loc[("ruimtelijk", "adressen"), "aandeel_pct"] == pytest.approx(25.0)
    assert df.loc[("BRP", "adressen"), "getroffen"] == 3


def test_brp_not_registered_is_not_the_same_as_in_violation(con: duckdb.DuckDBPyConnection) -> None:
    df = pilot.brp_registratie(con).set_index("kengetal")
    assert df.loc["niet ingeschreven", "personen"] == 7
    assert df.loc["niet ingeschreven, verblijf > 4 maanden", "personen"] == 4
    assert df.loc["in overtreding BRP", "aandeel_pct"] == pytest.approx(40.0)


def test_brp_label_follows_the_stay_threshold(con: duckdb.DuckDBPyConnection) -> None:
    kengetallen = list(pilot.brp_registratie(con, plicht_maanden=6.0)["kengetal"])
    assert kengetallen[1] == "niet ingeschreven, verblijf > 6 maanden"
    assert list(pilot.brp_registratie(con, plicht_maanden=4.5)["kengetal"])[1] == (
        "niet ingeschreven, verblijf > 4,5 maanden")


def test_periode_and_evenings_outside_a_stated_period(con: duckdb.DuckDBPyConnection) -> None:
    row = pilot.periode(con, start=date(2019, 3, 1), eind=date(2020, 3, 1)).iloc[0]
    assert row["periode_start"].date() == date(2019, 2, 1)
    assert row["periode_maanden"] == 14
    assert row["eerste_avond"].date() == date(2019, 2, 20)
    assert row["buiten_opgegeven"] == 2
    assert pilot.periode(con).iloc[0]["buiten_opgegeven"] == 0


def test_municipalities_and_partners(con: duckdb.DuckDBPyConnection) -> None:
    regio = dict(con.execute("SELECT regio, count(*) FROM ref_gemeente GROUP BY regio").fetchall())
    assert (regio["Kempen"], regio["Peelland"]) == (8, 6)  # the reference table the regions are read from
    assert pilot.gemeenten_met_avonden(con).iloc[0]["gemeenten"] == 2
    partners = pilot.convenantpartners(con).iloc[0]
    assert (partners["gemeenten"], partners["overige_organisaties"], partners["partners"]) == (2, 2, 4)
    deelname = pilot.deelname_partner(con).set_index("partner")
    assert deelname.loc["IND", "avonden"] == 1
    assert (deelname.loc["GEMEENTE", "avonden"], deelname.loc["GEMEENTE", "team_avonden"]) == (2, 3)
    assert round(deelname.loc["GEMEENTE", "aandeel_avonden"], 1) == 66.7 and deelname.loc["UWV", "aandeel_avonden"] == 0
    assert pd.isna(pilot.deelname_partner(con, team="KIT").set_index("partner").loc["GEMEENTE", "aandeel_avonden"])
    assert deelname.loc["GEMEENTE", "deelnemers"] == 3


def test_follow_up_in_a_group_of_municipalities_against_the_others(con: duckdb.DuckDBPyConnection) -> None:
    steps = [("O1", "V3"), ("O2", "V3"), ("O3", "V7"), ("O4", "V1"), ("O5", "V5")]  # V5 is no violation
    con.executemany(
        "INSERT INTO stg_opvolging VALUES (?, ?, NULL, 'GEMEENTE', NULL, 'handhaving', DATE '2019-07-01', NULL, "
        "'open', NULL, NULL, ?, ?, ?)", [(*s, *L) for s in steps],
    )
    row = pilot.opvolging_gemeenten(con, gemeenten=("Bergeijk",)).iloc[0]
    # Bergeijk: violations V3, V4, V7, V8, V9; V3 (two steps, counted once) and V7 followed up; no-step ones stay
    assert (row["groep_overtredingen"], row["groep_opgevolgd"]) == (5, 2)
    assert row["groep_pct"] == pytest.approx(40.0)
    # Veldhoven: V1, V2, V6; only V1 followed up
    assert (row["overig_overtredingen"], row["overig_opgevolgd"]) == (3, 1)
    assert row["overig_pct"] == pytest.approx(100 / 3)
    boer = pilot.opvolging_gemeenten(con).iloc[0]  # no evening in a B.O.E.R.-gemeente: no share
    assert boer["groep_overtredingen"] == 0 and pd.isna(boer["groep_pct"])
    assert boer["overig_overtredingen"] == 8


def test_evenings_of_a_group_of_municipalities_against_the_others(con: duckdb.DuckDBPyConnection) -> None:
    # A1 in Veldhoven, A2 and A3 in Bergeijk
    row = pilot.avonden_gemeenten(con, ("Veldhoven",)).iloc[0]
    assert (row["groep_gemeenten"], row["groep_avonden"], row["groep_gemiddeld"]) == (1, 1, 1.0)
    assert (row["overig_gemeenten"], row["overig_avonden"], row["overig_gemiddeld"], row["team_avonden"]) == (
        1, 2, 2.0, 3)
    none = pilot.avonden_gemeenten(con, ("Waalre",)).iloc[0]  # no evening in Waalre: the group is empty
    assert (none["groep_gemeenten"], none["groep_avonden"], none["overig_gemeenten"]) == (0, 0, 2)
    assert pd.isna(none["groep_gemiddeld"])


def test_signals_of_partners_and_their_addresses(con: duckdb.DuckDBPyConnection) -> None:
    con.executemany(
        "INSERT INTO stg_signalen VALUES (?, DATE '2019-02-01', 'KIT-pilot', 'GM0861', ?, 'huisvesting', ?, NULL, "
        "NULL, 'nieuw', NULL, ?, ?, ?)",
        [("S1", "GEMEENTE", "ADR-1", *L), ("S2", "GEMEENTE", "ADR-2", *L), ("S3", "UWV", None, *L)],
    )
    row = pilot.partnersignalen(con).iloc[0]
    assert (row["signalen"], row["van_gemeenten"], row["van_partners"], row["partner_adressen"]) == (3, 2, 1, 0)
    con.execute("INSERT INTO stg_signalen VALUES ('S4', DATE '2019-03-01', 'KIT-pilot', 'GM0861', 'POLITIE', "
                "'huisvesting', 'ADR-7', NULL, NULL, 'nieuw', NULL, 't.xlsx', 'Blad1', 2)")
    assert pilot.partnersignalen(con).iloc[0]["partner_adressen"] == 1
    assert pilot.partnersignalen(con, team="PIT").iloc[0]["signalen"] == 0
