"""metrics.codering: reliability against worked examples from the literature, the result table's rules."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from metrics.codering import (
    RULE_TEXT,
    alpha_interval,
    cohen_kappa,
    confusion_matrix,
    kappa_interval,
    krippendorff_alpha,
    opinion_label,
    percent_agreement,
    reliability,
    sign_test,
    wilson_interval,
)
from tests.codering.helpers import CODES_3


def _units(matrix: dict[str, list[object]]) -> pd.DataFrame:
    """A reliability data matrix (coder -> values per unit, None = missing) as long codes."""
    rows = [(u, coder, str(v)) for coder, values in matrix.items() for u, v in enumerate(values, 1) if v is not None]
    return pd.DataFrame(rows, columns=["unit", "codeur", "code"])


# ------------------------------------------------------------------ literature
def test_krippendorff_alpha_nominal_with_missing_values_krippendorff_2011() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
    # nominal data with missing values; the paper gives alpha = 0.743.
    matrix = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    assert krippendorff_alpha(_units(matrix), unit=("unit",)) == pytest.approx(0.743, abs=0.0005)


def test_krippendorff_alpha_two_observers_krippendorff_2011() -> None:
    # Same paper, section A (binary data, two observers, 10 units): alpha = 0.095;
    # section B (nominal data, two observers, 12 units, values a-e): alpha = 0.692.
    binary = {"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]}
    assert krippendorff_alpha(_units(binary), unit=("unit",)) == pytest.approx(0.095, abs=0.0005)
    nominal = {"A": list("aabbdcccedda"), "B": list("babbbccceddd")}
    assert krippendorff_alpha(_units(nominal), unit=("unit",)) == pytest.approx(0.692, abs=0.0005)


def test_cohen_kappa_textbook_example() -> None:
    # Worked example of the Wikipedia article "Cohen's kappa" (two readers, 50 grant proposals):
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o = 0.70, p_e = 0.50, kappa = 0.40.
    a = ["ja"] * 20 + ["ja"] * 5 + ["nee"] * 10 + ["nee"] * 15
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.40)


def test_kappa_interval_agrees_with_the_large_sample_interval() -> None:
    # The same 50 proposals: Cohen's (1960) large-sample SE sqrt(p_o (1 - p_o) / (n (1 - p_e)^2)) = 0.1296 gives
    # 0.40 +- 1.96 * 0.1296 = (0.146, 0.654); the bootstrap over the 50 answers (1,000 draws, seed 42) lies close.
    a = ["ja"] * 20 + ["ja"] * 5 + ["nee"] * 10 + ["nee"] * 15
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    low, high = kappa_interval(a, b)
    assert low == pytest.approx(0.146, abs=0.03) and high == pytest.approx(0.654, abs=0.04)
    assert kappa_interval(a, b) == (low, high)  # seeded: the same data give the same interval
    assert kappa_interval(["a", "b"] * 10, ["a", "b"] * 10) == (1.0, 1.0)
    assert all(math.isnan(x) for x in kappa_interval(["a"], ["a"]))


def test_alpha_interval_rests_on_the_pairable_answers() -> None:
    # Krippendorff (2011) section C: unit 12 has one value only, so alpha (0.743) rests on 11 units
    matrix = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    low, high, n = alpha_interval(_units(matrix), unit=("unit",))
    assert n == 11
    assert low < 0.743 < high <= 1.0
    assert low == pytest.approx(0.394, abs=0.001)  # 2.5th percentile of 1,000 draws with seed 42


def test_cohen_kappa_limits() -> None:
    assert cohen_kappa(["p", "n", "p"], ["p", "n", "p"]) == pytest.approx(1.0)
    # agreement exactly at chance level: p_o = p_e = 0.5
    assert cohen_kappa(["p", "p", "n", "n"], ["p", "n", "p", "n"]) == pytest.approx(0.0)
    assert math.isnan(cohen_kappa(["p", "p"], ["p", "p"]))  # p_e = 1: undefined
    assert math.isnan(cohen_kappa([], []))


def test_wilson_interval_newcombe_1998() -> None:
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3
    # (Wilson score interval without continuity correction).
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=0.00005)
    assert wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=0.00005)
    assert wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=0.00005)
    assert wilson_interval(1, 29) == pytest.approx((0.0061, 0.1718), abs=0.00005)
    assert wilson_interval(29, 29) == pytest.approx((0.8830, 1.0), abs=0.00005)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_sign_test_exact_binomial() -> None:
    # 12 positive against 3 negative: P(X <= 3 | n = 15, p = 0.5) * 2 = 2 * 576 / 32768
    assert sign_test(12, 3) == pytest.approx(2 * 576 / 32768)
    assert sign_test(4, 12) == pytest.approx(2 * 2517 / 65536)
    assert sign_test(20, 0) == pytest.approx(2 / 2**20)
    assert math.isnan(sign_test(0, 0))


# ------------------------------------------------------------------ agreement and labels
def test_percent_agreement_counts_answers_with_two_or_more_codes() -> None:
    # double-coded: R1/1 (all equal), R2/1 (differ), R4/1 (differ), R1/2 (equal) -> 2 of 4
    assert percent_agreement(CODES_3) == pytest.approx(0.5)
    assert math.isnan(percent_agreement(CODES_3[CODES_3["respondent_id"] == "R3"]))


def test_confusion_matrix_has_all_codes_and_counts_pairs() -> None:
    table = confusion_matrix(CODES_3, "A", "B")
    assert list(table.index) == ["positief", "negatief", "neutraal", "niet gevraagd"]
    assert list(table.columns) == ["positief", "negatief", "neutraal", "niet gevraagd"]
    assert table.loc["positief", "positief"] == 1
    assert table.loc["negatief", "neutraal"] == 1
    assert table.loc["negatief", "negatief"] == 1
    assert int(table.to_numpy().sum()) == 3  # answers coded by both A and B


def test_reliability_per_question_and_total() -> None:
    rel = reliability(CODES_3, "A", "B")
    assert rel["onderdeel"].tolist() == ["Vraag 1", "Vraag 2", "Totaal"]
    total = rel.iloc[-1]
    assert total["dubbel_gecodeerd"] == 4
    assert total["overeenstemming"] == pytest.approx(0.5)
    # A vs B on R1/1, R2/1, R1/2: a = [pos, neg, neg], b = [pos, neu, neg]
    assert total["kappa"] == pytest.approx(cohen_kappa(["positief", "negatief", "negatief"],
                                                       ["positief", "neutraal", "negatief"]))
    assert total["kappa"] == pytest.approx((2 / 3 - 1 / 3) / (1 - 1 / 3))
    q2 = rel.iloc[1]
    assert q2["overeenstemming"] == 1.0 and math.isnan(q2["kappa"])  # one unit, one code: kappa undefined


def test_labels_follow_the_rule() -> None:
    assert opinion_label(14, 2, 4) == "overwegend positief"  # 70%, p = 0.0042
    assert opinion_label(12, 3, 5) == "overwegend positief"  # exactly 60%, p = 0.035
    assert opinion_label(4, 12, 4) == "verdeeld"  # 60% negative but p = 0.077
    assert opinion_label(3, 15, 2) == "overwegend negatief"
    assert opinion_label(6, 3, 5) == "veel neutraal"  # 5/14 = 36% neutral, no clear direction
    assert opinion_label(11, 6, 3) == "verdeeld"
    assert opinion_label(0, 0, 0) == "geen antwoorden"
    assert "60%" in RULE_TEXT and "25%" in RULE_TEXT and "p < 0,05" in RULE_TEXT
