"""Closure against deadlines as of a report date (metrics/termijnen.py, metrics/peildatum.py) on the invented
warehouse of tests/ketenwarehouse.py: steps closed after the report date count as open on it, overdue = open
and past the deadline, violations without a step stay in the denominator, capacity per organisation per month."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from metrics.filters import Filter
from metrics.opvolging import achterstallige_stappen, kerncijfers_opvolging
from metrics.peildatum import peildata, status_op, te_laat_op
from metrics.termijnen import open_stappen_per_maand, overtredingen_op_peildatum, stappen_op_peildatum, termijnen

KIT = Filter(teams=("KIT",))
MEI = date(2021, 5, 31)


@pytest.fixture(scope="module")
def con(keten_con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The chain warehouse of tests/ketenwarehouse.py (tests/conftest.py)."""
    return keten_con


def test_state_of_each_step_on_the_report_date(con: duckdb.DuckDBPyConnection) -> None:
    s = stappen_op_peildatum(con, KIT, MEI).set_index("opvolging_id")
    assert list(s.index) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]  # S8 started on 10-06, after the date
    # S2 was closed on 15-06: on 31-05 it is open, and past its deadline of 30-04
    assert s["status_op"].to_dict() == {"S1": "afgerond", "S2": "open", "S3": "afgerond", "S4": "open",
                                        "S5": "vervallen", "S6": "open", "S7": "afgerond"}
    assert list(s.index[s["te_laat"]]) == ["S2", "S6"]
    assert list(s.index[s["op_tijd"]]) == ["S1", "S7"]  # S3 closed on 25-03, after its deadline of 15-03
    assert list(s.index[s["beoordeelbaar"]]) == ["S1", "S2", "S3", "S6", "S7"]  # not S4 (due 30-06), not S5


def test_per_gemeente_on_31_may(con: duckdb.DuckDBPyConnection) -> None:
    t = termijnen(con, KIT, "gemeente", MEI).set_index("gemeente")
    bladel, best = t.loc["Bladel"], t.loc["Best"]
    assert bladel[["stappen", "afgerond", "beoordeelbaar", "op_tijd", "open_nu", "te_laat_nu",
                   "zonder_deadline"]].tolist() == [6, 3, 4, 2, 2, 1, 1]
    assert (bladel["aandeel_afgerond"], bladel["aandeel_op_tijd"]) == (3 / 6, 2 / 4)
    assert bladel["aandeel_te_laat"] == pytest.approx(1 / 6)
    assert bladel[["overtredingen", "zonder_stap", "afgesloten"]].tolist() == [3, 0, 2]  # F1, F2 closed; F3 not
    # Best: F6 has no step and F5 only S6 (S8 starts later): both stay in the base of aandeel_afgesloten
    assert best[["stappen", "open_nu", "te_laat_nu", "overtredingen", "zonder_stap", "afgesloten"]].tolist() == [
        1, 1, 1, 2, 1, 0]
    assert best["aandeel_afgesloten"] == 0 and best["aandeel_op_tijd"] == 0


def test_as_of_an_earlier_date_a_later_closure_is_open_and_overdue(con: duckdb.DuckDBPyConnection) -> None:
    # on 20-03-2021 only K1 had taken place; S3 (deadline 15-03, closed 25-03) is open and overdue then
    t = termijnen(con, KIT, "gemeente", date(2021, 3, 20))
    assert list(t["gemeente"]) == ["Bladel"]
    rij = t.iloc[0]
    assert rij[["stappen", "afgerond", "beoordeelbaar", "op_tijd", "open_nu", "te_laat_nu", "overtredingen",
                "afgesloten"]].tolist() == [5, 2, 3, 2, 2, 1, 3, 1]
    assert peildata(con, KIT, date(2021, 3, 20)).values.tolist() == [["KIT", date(2021, 3, 20)]]


def test_per_organisation_kind_of_violation_and_kind_of_step(con: duckdb.DuckDBPyConnection) -> None:
    org = termijnen(con, KIT, "organisatie", MEI).set_index("organisatie")
    assert org.loc["Gemeente (toezicht en handhaving)", ["stappen", "afgerond", "op_tijd", "te_laat_nu"]].tolist() \
        == [4, 3, 2, 1]
    assert org.loc["Inspectie SZW", ["stappen", "open_nu", "te_laat_nu"]].tolist() == [1, 1, 1]
    assert math.isnan(org.loc["VRBZO", "aandeel_op_tijd"])  # no step of VRBZO is settled yet: no base
    assert "overtredingen" not in org.columns
    cat = termijnen(con, KIT, "categorie", MEI).set_index("categorie")
    adres = cat.loc["Adresfraude / niet ingeschreven in de BRP"]
    assert adres[["overtredingen", "zonder_stap", "afgesloten", "stappen"]].tolist() == [2, 1, 1, 1]
    assert cat.loc["hele actie (geen overtreding)", "stappen"] == 1  # S7, the press release
    soort = termijnen(con, KIT, "soort", MEI).set_index("soort")
    assert soort.loc["hercontrole", ["stappen", "te_laat_nu", "zonder_deadline"]].tolist() == [2, 1, 1]
    with pytest.raises(ValueError):
        termijnen(con, KIT, "team", MEI)


def test_open_steps_per_organisation_per_month(con: duckdb.DuckDBPyConnection) -> None:
    cap = open_stappen_per_maand(con, KIT, MEI)
    assert [(str(m), o, n, t) for m, o, n, t in cap.itertuples(index=False)] == [
        ("2021-03-01", "VRBZO", 1, 0),  # on 31-03: S4 (S1, S3 and S7 closed, S5 lapsed)
        ("2021-04-01", "Gemeente (toezicht en handhaving)", 1, 0),  # S2, due 30-04: not yet overdue on 30-04
        ("2021-04-01", "Inspectie SZW", 1, 0),
        ("2021-04-01", "VRBZO", 1, 0),
        ("2021-05-01", "Gemeente (toezicht en handhaving)", 1, 1),
        ("2021-05-01", "Inspectie SZW", 1, 1),
        ("2021-05-01", "VRBZO", 1, 0),
    ]
    # without a date the team's own end of data (S2 closed 15-06) closes June on 15-06: S2 no longer open
    cap = open_stappen_per_maand(con, KIT)
    juni = cap[cap["maand"] == date(2021, 6, 1)]
    assert juni[["organisatie", "open_stappen", "te_laat"]].values.tolist() == [["Inspectie SZW", 2, 1],
                                                                                 ["VRBZO", 1, 0]]


def test_empty_selection(con: duckdb.DuckDBPyConnection) -> None:
    f = Filter(teams=("PIT",))
    assert termijnen(con, f, "gemeente", MEI).empty
    assert open_stappen_per_maand(con, f, MEI).empty


def test_overdue_list_and_headline_figures_as_of_a_date(con: duckdb.DuckDBPyConnection) -> None:
    # on 20-03 S3 (deadline 15-03) was still open: it was closed only on 25-03
    achter = achterstallige_stappen(con, KIT, date(2021, 3, 20))
    assert achter[["soort", "status", "dagen_over_deadline"]].values.tolist() == [
        ["informatiebrief eigenaar", "afgerond na de peildatum", 5]]
    kern = kerncijfers_opvolging(con, KIT, date(2021, 3, 20)).iloc[0]
    assert (kern["overtredingen"], kern["afgesloten"], kern["stappen_over_deadline"]) == (3, 1, 1)
    assert kern["peildatum"] == date(2021, 3, 20)
    mei = achterstallige_stappen(con, KIT, MEI)
    assert mei[["soort", "dagen_over_deadline"]].values.tolist() == [["hercontrole", 31],
                                                                     ["partners informeren", 30]]
    # five violations up to 31-05 (F1, F2, F3, F5, F6); F1 closed on day 19, F2 on day 24; the others censored
    kern = kerncijfers_opvolging(con, KIT, MEI).iloc[0]
    assert (kern["overtredingen"], kern["opgevolgd"], kern["afgesloten"]) == (5, 4, 2)


def _open_per_maand_regel(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None) -> pd.DataFrame:
    """The capacity figure by the pandas rule of metrics/peildatum.py (`status_op`, `te_laat_op`), month by month:
    every step of the selection with its team's report date, clipped to the month's last day."""
    s = stappen_op_peildatum(con, f, peildatum)
    delen = []
    if not s.empty:
        for maand in pd.period_range(pd.to_datetime(s["datum_start"]).min().to_period("M"),
                                     s["peildatum"].max().to_period("M"), freq="M"):
            peil = s[s["peildatum"] >= maand.to_timestamp()].copy()
            peil["peildatum"] = peil["peildatum"].clip(upper=maand.to_timestamp(how="end").normalize())
            telling = peil.assign(open_=status_op(peil) == "open", te_laat=te_laat_op(peil)).groupby(
                "organisatie").agg(open_stappen=("open_", "sum"), te_laat=("te_laat", "sum"))
            delen.append(telling[telling["open_stappen"] > 0].reset_index().assign(maand=maand.to_timestamp().date()))
    if not delen:
        return pd.DataFrame(columns=["maand", "organisatie", "open_stappen", "te_laat"])
    out = pd.concat(delen, ignore_index=True)[["maand", "organisatie", "open_stappen", "te_laat"]]
    return out.astype({"open_stappen": "int64", "te_laat": "int64"}).sort_values(["maand", "organisatie"]) \
        .reset_index(drop=True)


@pytest.mark.parametrize("f, peildatum", [
    (Filter(teams=("KIT",)), None), (Filter(teams=("KIT",)), date(2021, 9, 15)),
    (Filter(teams=("KIT", "PIT")), None), (Filter(teams=("PIT",)), date(2017, 3, 31)),
    (Filter(teams=("KIT-pilot",), gemeenten=("GM1728",)), None), (Filter(), date(2022, 6, 30)),
])
def test_capacity_in_sql_follows_the_pandas_rule(demo_warehouse: Path, f: Filter, peildatum: date | None) -> None:
    """open_stappen_per_maand counts in SQL what the pandas rule counts month by month, on the demo data (steps
    closed later, lapsed without a date, several teams each to their own report date)."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as demo:
        sql = open_stappen_per_maand(demo, f, peildatum)
        regel = _open_per_maand_regel(demo, f, peildatum)
    assert len(regel) > 0
    pd.testing.assert_frame_equal(sql, regel)


def _termijnen_regel(con: duckdb.DuckDBPyConnection, f: Filter, per: str, peildatum: date | None) -> pd.DataFrame:
    """The deadline table by the pandas rule: every step's state on the report date (`stappen_op_peildatum`) and
    every violation with or without a step (`overtredingen_op_peildatum`), counted per group in pandas."""
    s = stappen_op_peildatum(con, f, peildatum)
    s["afgerond"], s["open_nu"] = s["status_op"] == "afgerond", s["status_op"] == "open"
    s["zonder_deadline"] = s["deadline"].isna()
    out = s.groupby(per, as_index=False).agg(
        stappen=("opvolging_id", "size"), afgerond=("afgerond", "sum"), beoordeelbaar=("beoordeelbaar", "sum"),
        op_tijd=("op_tijd", "sum"), open_nu=("open_nu", "sum"), te_laat_nu=("te_laat", "sum"),
        zonder_deadline=("zonder_deadline", "sum"))
    if per in ("gemeente", "categorie"):
        v = overtredingen_op_peildatum(con, f, peildatum).groupby(per, as_index=False).agg(
            overtredingen=("bevinding_id", "size"), zonder_stap=("zonder_stap", "sum"),
            afgesloten=("afgesloten", "sum"))
        out = out.merge(v, on=per, how="outer")
    tellers = [c for c in out.columns if c != per]
    out[tellers] = out[tellers].fillna(0).astype("int64")
    return out.sort_values(per).reset_index(drop=True)


@pytest.mark.parametrize("per", ["gemeente", "organisatie", "categorie", "soort"])
@pytest.mark.parametrize("f, peildatum", [
    (Filter(teams=("KIT",)), None), (Filter(teams=("KIT",)), date(2021, 9, 15)),
    (Filter(teams=("KIT", "PIT")), None), (Filter(teams=("KIT-pilot",), gemeenten=("GM1728",)), None),
])
def test_termijnen_in_sql_follow_the_pandas_rule(demo_warehouse: Path, f: Filter, peildatum: date | None,
                                                 per: str) -> None:
    """termijnen counts in SQL what the pandas rule counts step by step and violation by violation (demo data)."""
    with duckdb.connect(str(demo_warehouse), read_only=True) as demo:
        sql = termijnen(demo, f, per, peildatum)
        regel = _termijnen_regel(demo, f, per, peildatum)
    assert len(regel) > 0 and regel["stappen"].sum() > 0
    pd.testing.assert_frame_equal(sql[regel.columns], regel)
