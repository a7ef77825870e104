"""The waterbed statistics (metrics/waterbed.py) against worked examples from the literature.

Sources of the expected values:
- [WR2018] Wheeler, A.P. & Ratcliffe, J.H. (2018). A simple weighted displacement difference test to evaluate
  place based crime interventions. Crime Science 7:11, https://doi.org/10.1186/s40163-018-0085-5. Worked example:
  treated 207 -> 110, its control 308 -> 318, displacement area 178 -> 157, its control 150 -> 140; WDD = -118,
  variance 1568, z = -2.98, 95% interval -196 to -40 (also the "Est & Variance Paper" test of R ptools).
- [PT] R package ptools, wdd() documentation example: control 20 -> 20, treated 20 -> 10 gives -10 (se 8.37,
  z -1.195) (https://rdocumentation.org/packages/ptools).
- [W2021a] Wheeler, "The WDD test with different pre/post time periods" (andrewpwheeler.com, 2021-01-09): treated
  80 -> 20, control 100 -> 50, two years before and one after; per year -20 with variance 115.
- [W2021b] Wheeler, "The WDD test with different area sizes" (andrewpwheeler.com, 2021-02-23): the [WR2018]
  counts with areas control 0.9, treated 1.2, displacement control 1.6, displacement 1.5: -99.694 (se 35.428,
  z -2.814, 95% interval -169.13 to -30.26).
- [G2009] Guerette, R.T. (2009). Analyzing crime displacement and diffusion. POP Center Tool Guide No. 10,
  appendix B (formulas: success = Ra/Ca - Rb/Cb, buffer = Da/Ca - Db/Cb, WDQ = buffer / success,
  TNE = [Rb(Ca/Cb) - Ra] + [Db(Ca/Cb) - Da], from Bowers & Johnson 2003) and appendix C (reading: success < 0 a
  successful response; buffer > 0 possible displacement, < 0 possible diffusion; WDQ < 0 displacement, below -1 the
  response effect is erased, WDQ > 0 diffusion).
"""

from __future__ import annotations

import math

import pytest

from metrics.waterbed import (
    EFFECT_ZONDER_VERPLAATSING,
    GEEN_EFFECT,
    TE_WEINIG,
    UITSTRALING,
    VERPLAATSING,
    lees,
    te_weinig,
    wdd,
    wdq,
    wdq_interval,
)


def test_wdd_paper_example() -> None:
    """[WR2018]: -118, se sqrt(1568), z -2.98, interval -196 to -40."""
    res = wdd(207, 110, 308, 318, 178, 157, 150, 140)
    assert res["estimate"] == -118
    assert res["se"] == pytest.approx(math.sqrt(1568))
    assert round(res["z"], 2) == -2.98
    assert (round(res["low"]), round(res["high"])) == (-196, -40)


def test_wdd_local_only_ptools_example() -> None:
    """[PT]: no displacement area (zeros), -10 with se sqrt(70) = 8.3666 and z -1.1952."""
    res = wdd(20, 10, 20, 20, 0, 0, 0, 0)
    assert res["estimate"] == -10
    assert res["se"] == pytest.approx(8.366600, abs=1e-6)
    assert res["z"] == pytest.approx(-1.195229, abs=1e-6)


def test_wdd_time_weights() -> None:
    """[W2021a]: the two-year before window weighs 2: -20 per year with variance 115."""
    res = wdd(80, 20, 100, 50, 0, 0, 0, 0, weights=(2, 1, 2, 1, 1, 1, 1, 1))
    assert res["estimate"] == pytest.approx(-20)
    assert res["se"] == pytest.approx(math.sqrt(115))


def test_wdd_area_weights() -> None:
    """[W2021b]: weights treated 1.2, control 0.9, displacement 1.5, displacement control 1.6."""
    res = wdd(207, 110, 308, 318, 178, 157, 150, 140, weights=(1.2, 1.2, 0.9, 0.9, 1.5, 1.5, 1.6, 1.6))
    assert res["estimate"] == pytest.approx(-99.69444444)
    assert res["se"] == pytest.approx(35.4280755)
    assert res["z"] == pytest.approx(-2.813995483)
    assert res["low"] == pytest.approx(-169.1321965)
    assert res["high"] == pytest.approx(-30.25669241)


def test_wdd_rejects_bad_weights() -> None:
    with pytest.raises(ValueError, match="eight positive weights"):
        wdd(1, 1, 1, 1, 1, 1, 1, 1, weights=(1, 1, 1, 0, 1, 1, 1, 1))


def test_wdq_on_the_wdd_paper_counts() -> None:
    """[G2009] formulas on the [WR2018] counts (treatment 207 -> 110, buffer 178 -> 157, control 308 -> 318).

    success = 110/318 - 207/308 = 0.345912 - 0.672078 = -0.326166 (the treatment area improved);
    buffer = 157/318 - 178/308 = 0.493711 - 0.577922 = -0.084211 (the buffer improved too);
    WDQ = -0.084211 / -0.326166 = 0.25819 > 0: diffusion of benefits;
    TNE = (207 * 318/308 - 110) + (178 * 318/308 - 157) = 103.7208 + 26.7792 = 130.5 events prevented.
    """
    res = wdq(207, 110, 178, 157, 308, 318)
    assert res["success"] == pytest.approx(-0.326166, abs=1e-6)
    assert res["buffer"] == pytest.approx(-0.084211, abs=1e-6)
    assert res["wdq"] == pytest.approx(0.25819, abs=1e-5)
    assert res["tne"] == pytest.approx(130.5, abs=1e-9)


def test_wdq_complete_displacement() -> None:
    """[G2009] appendix C: the gain in the treatment area (100 -> 50) reappears whole in the buffer (100 -> 150)
    with a flat control (100 -> 100): success -0.5, buffer +0.5, WDQ = -1 (the effect is erased), TNE 0."""
    res = wdq(100, 50, 100, 150, 100, 100)
    assert res == {"wdq": -1.0, "success": -0.5, "buffer": 0.5, "tne": 0.0}


def test_wdq_undefined_without_control_or_change() -> None:
    assert math.isnan(wdq(10, 5, 10, 10, 0, 10)["success"])
    assert math.isnan(wdq(10, 10, 10, 12, 10, 10)["wdq"])  # no change in the treatment area: no quotient


def test_wdq_interval_brackets_the_estimate_and_is_reproducible() -> None:
    point = wdq(207, 110, 178, 157, 308, 318)
    first = wdq_interval(207, 110, 178, 157, 308, 318)
    assert first == wdq_interval(207, 110, 178, 157, 308, 318)
    for key in ("wdq", "success", "buffer", "tne"):
        low, high = first[key]
        assert low < point[key] < high, key
    # The success interval lies below zero (a clear improvement); the buffer's includes zero.
    assert first["success"][1] < 0
    assert first["buffer"][0] < 0 < first["buffer"][1]
    # TNE's spread is close to the Poisson delta-method standard error of about 33 events (2 x 1.96 x 33 = 130).
    assert 100 < first["tne"][1] - first["tne"][0] < 160


def test_wdq_interval_withheld_when_success_is_uncertain() -> None:
    res = wdq_interval(12, 10, 15, 16, 40, 41)
    assert res["success"][0] < 0 < res["success"][1]
    assert all(math.isnan(v) for v in res["wdq"])


def test_small_counts_are_never_an_effect() -> None:
    assert te_weinig(6, 3, 20, 20, 50, 50)  # treatment area 9 < 10
    assert te_weinig(20, 5, 4, 5, 50, 50)  # buffer 9 < 10
    assert te_weinig(20, 5, 20, 20, 50, 0)  # no control events after
    assert not te_weinig(5, 5, 5, 5, 1, 1)
    assert lees(True, -5.0, 5.0) == TE_WEINIG


def test_reading() -> None:
    local = wdd(207, 110, 308, 318, 0, 0, 0, 0)["z"]
    assert lees(False, local, 2.5) == VERPLAATSING
    assert lees(False, local, -2.5) == UITSTRALING
    assert lees(False, local, 1.0) == EFFECT_ZONDER_VERPLAATSING
    # The WDQ is not read when the treatment area did not improve significantly ([PT] example: z -1.195).
    assert lees(False, wdd(20, 10, 20, 20, 0, 0, 0, 0)["z"], 4.0) == GEEN_EFFECT
    assert lees(False, math.nan, 0.0) == TE_WEINIG
