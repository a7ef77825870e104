"""Definitions of the PIT metrics (metrics.pit) on a small hand-made warehouse (synthetic rows)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from etl.schema import create_warehouse
from metrics import pit
from metrics.filters import Filter
from metrics.overtredingen import top_overtredingen
from settings import REFERENCE_DIR
from tests.marts import marts_as_views

L = ("p.xlsx", "Blad1", 2)


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    """Three PIT actions with five visits, twelve findings, partner results and follow-up steps."""
    c = duckdb.connect()
    create_warehouse(c, REFERENCE_DIR)
    marts_as_views(c)  # staging rows are written by hand below
    c.executemany(
        "INSERT INTO stg_controleavonden VALUES (?, ?, 'PIT', ?, 'ondermijning', 9, ?, ?, ?)",
        [("P1", date(2017, 2, 1), "GM0794", *L), ("P2", date(2017, 6, 1), "GM0762", *L),
         ("P3", date(2017, 11, 20), "GM0794", *L)],
    )
    c.executemany(
        "INSERT INTO stg_deelname VALUES (?, ?, ?, ?, ?)",
        [(a, p, *L) for a, p in [("P1", "GEMEENTE"), ("P2", "GEMEENTE"), ("P3", "GEMEENTE"), ("P1", "POLITIE"),
                                 ("P2", "AVIM"), ("P3", "ENEXIS")]],
    )
    c.executemany(
        "INSERT INTO stg_bezoeken VALUES (?, ?, NULL, NULL, ?, NULL, 1, ?, ?, ?)",
        [("V1", "P1", "woning", *L), ("V2", "P1", "loods", *L), ("V3", "P2", "woning", *L),
         ("V4", "P3", "stal", *L), ("V5", "P3", "woonwagenlocatie", *L)],
    )
    findings = (
        [("adresfraude", True)] * 4 + [("overbewoning", True)] * 2 + [("asbest", True)] * 2
        + [("milieuovertreding", True)] + [("wml", True)] + [("wav", False)] + [("hennepkwekerij", True)]
    )
    c.executemany(
        "INSERT INTO stg_bevindingen VALUES (?, 'V1', NULL, ?, ?, 'GEMEENTE', NULL, ?, ?, ?)",
        [(f"F{i}", cat, viol, *L) for i, (cat, viol) in enumerate(findings, 1)],
    )
    results = [
        ("R1", "SENZER", "onderzoek", 5, None, None, 1000.0), ("R2", "SENZER", "onderzoek", 2, None, None, None),
        ("R3", "POLITIE", "aanhouding", 3, None, None, None), ("R4", "AVIM", "aanhouding", 2, None, None, None),
        ("R5", "POLITIE", "hennep toppen aangetroffen", 1, 214.0, "gram", None),
        ("R6", "GEMEENTE", "dwangsom", 1, None, None, 2500.5),
    ]
    c.executemany(
        "INSERT INTO stg_partnerresultaten VALUES (?, 'PIT', ?, NULL, ?, ?, ?, ?, ?, DATE '2017-12-01', ?, ?, ?)",
        [(*r, *L) for r in results],
    )
    c.executemany(
        "INSERT INTO stg_opvolging VALUES (?, NULL, ?, 'GEMEENTE', NULL, ?, ?, NULL, ?, NULL, ?, ?, ?, ?)",
        [("O1", "P1", "persbericht", date(2017, 2, 2), "afgerond", None, *L),
         ("O2", "P2", "persbericht", date(2017, 6, 2), "afgerond", None, *L),
         ("O3", "P3", "persbericht", date(2017, 12, 2), "afgerond", None, *L),
         ("O4", "P1", "hercontrole", date(2017, 3, 1), "afgerond", "Overtreding beëindigd", *L),
         ("O5", "P2", "hercontrole", date(2017, 7, 1), "afgerond", "overtreding niet beëindigd", *L),
         ("O6", "P2", "hercontrole", date(2017, 8, 1), "open", None, *L)],
    )
    return c


def test_top_violations_rank_with_ties(con: duckdb.DuckDBPyConnection) -> None:
    df = top_overtredingen(con, Filter(teams=(pit.PIT,)), 3).set_index("categorie")
    assert df.loc["adresfraude", "overtredingen"] == 4
    assert (df.loc["adresfraude", "rang_min"], df.loc["adresfraude", "rang_max"]) == (1, 1)
    assert (df.loc["overbewoning", "rang_min"], df.loc["overbewoning", "rang_max"]) == (2, 3)
    assert (df.loc["asbest", "rang_min"], df.loc["asbest", "rang_max"]) == (2, 3)
    assert (df.loc["wml", "rang_min"], df.loc["wml", "rang_max"]) == (4, 6)
    assert "wav" not in df.index  # not a violation
    assert df["in_top"].sum() == 3
    assert df.loc["adresfraude", "categorie_naam"] == "Adresfraude / niet ingeschreven in de BRP"


def test_findings_outside_the_top(con: duckdb.DuckDBPyConnection) -> None:
    row = pit.overige_bevindingen(con, top=3).iloc[0]
    assert (row["bevindingen"], row["categorieen"], row["totaal"]) == (4, 4, 12)


def test_actions_present_per_partner(con: duckdb.DuckDBPyConnection) -> None:
    df = pit.acties_aanwezig(con).set_index("partner")["acties"]
    assert (df["GEMEENTE"], df["POLITIE"], df["AVIM"], df["(totaal)"]) == (3, 1, 1, 3)


def test_results_count_avim_with_the_police(con: duckdb.DuckDBPyConnection) -> None:
    df = pit.resultaten(con).set_index(["organisatie", "soort"])
    assert df.loc[("POLITIE", "aanhouding"), "aantal"] == 5
    assert df.loc[("POLITIE", "aanhouding"), "regels"] == 2
    assert df.loc[("SENZER", "onderzoek"), "aantal"] == 7
    hennep = df.loc[("POLITIE", "hennep toppen aangetroffen")]
    assert (hennep["aantal"], hennep["hoeveelheid"], hennep["eenheid"]) == (1, 214.0, "gram")
    assert "AVIM" not in df.index.get_level_values("organisatie")
    assert pit.geldresultaat(con).iloc[0]["bedrag_eur"] == pytest.approx(3500.5)
    partners = pit.resultaat_partners(con).set_index("partner")
    assert partners.loc["DOUANE", "regels"] == 0 and partners.loc["AVIM", "aantal"] == 2


def test_follow_up_up_to_a_date_and_ended_violations(con: duckdb.DuckDBPyConnection) -> None:
    all_steps = pit.opvolging(con).set_index("soort")
    assert all_steps.loc["persbericht", "stappen"] == 3
    assert all_steps.loc["hercontrole", "beeindigd"] == 1  # "niet beëindigd" does not count
    upto = pit.opvolging(con, tot=date(2017, 11, 30)).set_index("soort")
    assert upto.loc["persbericht", "stappen"] == 2
    assert upto.loc["hercontrole", "afgerond"] == 2


def test_object_types_and_unlisted_types(con: duckdb.DuckDBPyConnection) -> None:
    df = pit.objecttypen(con).set_index("object_type")["objecten"]
    assert (df["woning"], df["woonwagenlocatie"], df.sum()) == (2, 1, 5)
    row = pit.objecten_niet_genoemd(con, ("woning", "loods", "woonwagenlocatie")).iloc[0]
    assert (row["objecten"], row["typen"]) == (1, "stal")


def test_violations_followed_up_keep_those_without_a_step(con: duckdb.DuckDBPyConnection) -> None:
    row = pit.opgevolgde_overtredingen(con).iloc[0]
    assert (row["overtredingen"], row["opgevolgd"], row["aandeel_pct"]) == (11, 0, 0.0)  # steps only on actions
    con.executemany(
        "INSERT INTO stg_opvolging VALUES (?, ?, NULL, 'GEMEENTE', NULL, 'handhaving', DATE '2017-03-01', NULL, "
        "'open', NULL, NULL, ?, ?, ?)", [("S1", "F1", *L), ("S2", "F1", *L), ("S3", "F2", *L), ("S4", "F11", *L)],
    )
    row = pit.opgevolgde_overtredingen(con).iloc[0]
    # F1 (two steps) and F2 followed up; F11 (wav) is no violation; nine violations without a step stay in the base
    assert (row["overtredingen"], row["opgevolgd"], row["niet_opgevolgd"]) == (11, 2, 9)
    assert row["aandeel_pct"] == pytest.approx(200 / 11)
    assert pd.isna(pit.opgevolgde_overtredingen(con, team="KIT").iloc[0]["aandeel_pct"])


def test_share_of_signals_from_some_sources(con: duckdb.DuckDBPyConnection) -> None:
    sources = ["GEMEENTE", "GEMEENTE", "POLITIE", "SENZER", "VRBZO"]
    con.executemany(
        "INSERT INTO stg_signalen VALUES (?, DATE '2017-03-01', 'PIT', 'GM0794', ?, 'ondermijning', NULL, NULL, "
        "NULL, 'nieuw', NULL, ?, ?, ?)", [(f"M{i}", s, *L) for i, s in enumerate(sources)],
    )
    row = pit.signaalbronnen(con, ("GEMEENTE", "POLITIE")).iloc[0]
    assert (row["signalen"], row["totaal"], row["aandeel_pct"]) == (3, 5, 60.0)
    assert pit.signaalbronnen(con, ("ISZW",)).iloc[0]["aandeel_pct"] == 0.0


def test_share_of_actions_with_a_press_release_up_to_a_date(con: duckdb.DuckDBPyConnection) -> None:
    # P1, P2, P3 each have a press release (P3's is dated in December, but it belongs to the action)
    row = pit.acties_met_persbericht(con).iloc[0]
    assert (row["acties"], row["met_persbericht"], row["zonder_persbericht"], row["aandeel_pct"]) == (3, 3, 0, 100.0)
    con.execute("INSERT INTO stg_controleavonden VALUES ('P4', DATE '2017-12-10', 'PIT', 'GM0794', 'ondermijning', 9, "
                "'t.xlsx', 'Blad1', 2)")
    row = pit.acties_met_persbericht(con).iloc[0]
    assert (row["acties"], row["met_persbericht"]) == (4, 3) and round(row["aandeel_pct"], 1) == 75.0
    upto = pit.acties_met_persbericht(con, tot=date(2017, 11, 30)).iloc[0]  # P4 is after the date
    assert (upto["acties"], upto["met_persbericht"], upto["aandeel_pct"]) == (3, 3, 100.0)
    assert pit.acties_met_persbericht(con, team="KIT").iloc[0]["acties"] == 0
