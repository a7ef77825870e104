"""Kaplan-Meier time to closure (metrics/doorlooptijd.py): statsmodels' estimate against a textbook example with
censoring and ties, the exact median at one half, the curve's start at 100%, and the 95% intervals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from statsmodels.duration.survfunc import SurvfuncRight

from metrics.doorlooptijd import kaplan_meier, kwantielen

# Freireich et al. (1963), remission times in weeks of the 21 leukaemia patients on 6-MP (0 = censored), as
# printed in Kleinbaum & Klein, Survival Analysis: A Self-Learning Text (3rd ed., 2012), chapter 2, the
# "remission data" group 1. Ties: three events at 6 with one censoring at 6; two censorings at 32.
MP6_TIJD = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
MP6_EVENT = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
# Group 2 (placebo), no censoring.
PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]


def test_freireich_6mp_matches_the_textbook() -> None:
    curve = kaplan_meier(MP6_TIJD, MP6_EVENT)
    events = curve[curve["afgesloten"] > 0]
    # Kleinbaum & Klein's KM table for group 1: t(j), n(j), m(j) and S(t(j)) to 4 decimals
    assert list(events["dagen"]) == [6, 7, 10, 13, 16, 22, 23]
    assert list(events["at_risk"]) == [21, 17, 15, 12, 11, 7, 6]
    assert list(events["afgesloten"]) == [3, 1, 1, 1, 1, 1, 1]
    assert list(events["aandeel_open"].round(4)) == [0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482]
    assert curve.iloc[0].to_dict() == {"dagen": 0, "at_risk": 21, "afgesloten": 0, "gecensureerd": 0,
                                       "aandeel_open": 1.0}
    # censorings carry the step on: at 6 one censored, at 32 two; after 23 the curve stays at 0.4482 to 35
    assert curve.set_index("dagen").loc[6, "gecensureerd"] == 1
    assert curve.set_index("dagen").loc[32, "gecensureerd"] == 2
    assert curve.iloc[-1]["dagen"] == 35 and round(curve.iloc[-1]["aandeel_open"], 4) == 0.4482
    k = kwantielen(MP6_TIJD, MP6_EVENT)
    assert k["mediaan_dagen"] == 23  # the textbook's median for 6-MP: 23 weeks
    assert k["at_risk_mediaan"] == 6
    assert math.isnan(k["p90_dagen"])  # 45% still in remission at the end: no 90th percentile
    # Brookmeyer-Crowley (cloglog) 95% interval: from 13 weeks, not bounded above by these data
    assert (k["mediaan_ondergrens"], k["mediaan_bovengrens"]) == (13, math.inf)


def test_freireich_placebo_median_percentile_and_intervals() -> None:
    k = kwantielen(PLACEBO, [1] * 21)
    assert k["mediaan_dagen"] == 8  # the textbook's median for placebo: 8 weeks (S(8) = 8/21)
    assert k["p90_dagen"] == 17  # S(15) = 3/21 > 0.1, S(17) = 2/21 <= 0.1
    # The interval is the set of times whose S passes the test |g(S) - g(1-p)| / (g'(S) se(S)) <= 1.96 with
    # g(x) = log(-log x) and Greenwood's se (here sqrt(S(1-S)/21), no censoring). Worked by hand:
    # S(3) = 16/21: r = -2.09 (rejected); S(4) = 14/21: r = -1.41; S(8) = 8/21: r = 1.15; S(11) = 6/21: r = 2.15
    # (rejected). So the median's interval is [4, 11): the lower bound 4 and the first rejected time 11.
    assert (k["mediaan_ondergrens"], k["mediaan_bovengrens"]) == (4, 11)
    assert (k["p90_ondergrens"], k["p90_bovengrens"]) == (12, 23)

    def r(s: float) -> float:
        se = math.sqrt(s * (1 - s) / 21)
        return (math.log(-math.log(s)) - math.log(-math.log(0.5))) / (-1 / (s * math.log(s)) * se)

    assert [round(r(s), 2) for s in (16 / 21, 14 / 21, 8 / 21, 6 / 21)] == [-2.09, -1.41, 1.15, 2.15]


def test_median_exactly_on_one_half_is_exact() -> None:
    # 1, 2, 3, 4 days, all closed: S(2) = 3/4 * 2/3 = 1/2 exactly, so half is closed on day 2. The library
    # builds S as exp(cumsum(log(...))) = 0.5000000000000001 and its strict-inequality quantile says 3.
    sf = SurvfuncRight(np.array([1.0, 2, 3, 4]), np.ones(4))
    assert sf.surv_prob[1] != 0.5 and sf.quantile(0.5) == 3
    k = kwantielen([1, 2, 3, 4], [True] * 4)
    assert k["mediaan_dagen"] == 2 and k["at_risk_mediaan"] == 3
    assert kaplan_meier([1, 2, 3, 4], [True] * 4)["aandeel_open"].tolist() == [1.0, 0.75, 0.5, 0.25, 0.0]
    # the same with censoring and ties: 6 violations; closures 2, 3, 3; censored 3, 7, 9.
    # S(2) = 5/6; S(3) = 5/6 * (1 - 2/5) = 1/2 exactly (the censored 3 is still at risk at 3): median 3
    k = kwantielen([2, 3, 3, 3, 7, 9], [True, True, True, False, False, False])
    assert k["mediaan_dagen"] == 3 and k["at_risk_mediaan"] == 5
    # and with 12 (where floating point happens to fall below one half): day 6
    assert kwantielen(list(range(1, 13)), [True] * 12)["mediaan_dagen"] == 6


def test_ninety_percent_exactly() -> None:
    # ten violations closed on days 1..10: S(9) = 1/10 exactly, so 90% is closed on day 9
    k = kwantielen(list(range(1, 11)), [True] * 10)
    assert (k["mediaan_dagen"], k["p90_dagen"]) == (5, 9)


def test_curve_starts_at_100_percent_also_with_closures_on_day_0() -> None:
    curve = kaplan_meier(pd.Series([0, 0, 4, 5]), pd.Series([True, False, True, False]))
    assert curve["dagen"].tolist() == [0, 0, 4, 5]
    assert curve["aandeel_open"].tolist() == pytest.approx([1, 3 / 4, 3 / 8, 3 / 8])
    assert curve["at_risk"].tolist() == [4, 4, 2, 1]


def test_worked_example_with_ties() -> None:
    # times 2 3 3 5 6 8 with closures at 2, one of the two 3s, 5 and 8; censored: the other 3 and 6.
    # S(2) = 5/6; S(3) = 5/6 * 4/5 = 2/3; S(5) = 2/3 * 2/3 = 4/9; S(6) = 4/9; S(8) = 0.
    curve = kaplan_meier(pd.Series([3, 2, 5, 3, 6, 8]), pd.Series([True, True, True, False, False, True]))
    assert list(curve["dagen"]) == [0, 2, 3, 5, 6, 8]
    assert list(curve["at_risk"]) == [6, 6, 5, 3, 2, 1]
    assert list(curve["afgesloten"]) == [0, 1, 1, 1, 0, 1]
    assert list(curve["gecensureerd"]) == [0, 0, 1, 0, 1, 0]
    assert list(curve["aandeel_open"]) == pytest.approx([1, 5 / 6, 2 / 3, 4 / 9, 4 / 9, 0])
    k = kwantielen([3, 2, 5, 3, 6, 8], [True, True, True, False, False, True])
    assert (k["mediaan_dagen"], k["at_risk_mediaan"], k["p90_dagen"]) == (5, 3, 8)


def test_all_censored_and_empty() -> None:
    curve = kaplan_meier([4, 4, 9], [False, False, False])
    assert list(curve["aandeel_open"]) == [1.0, 1.0, 1.0]
    k = kwantielen([4, 4, 9], [False, False, False])
    assert math.isnan(k["mediaan_dagen"]) and k["at_risk_mediaan"] is None and math.isnan(k["mediaan_ondergrens"])
    assert kaplan_meier([], []).empty
    assert math.isnan(kwantielen([], [])["p90_dagen"])
