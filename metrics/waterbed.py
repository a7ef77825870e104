"""The waterbed effect: does a problem tackled in one municipality move to its neighbours?

Three areas per intervention (an intervention in a municipality from a start date, etl kind `interventies`):
the municipality is the treatment area (R, T), its neighbours inside the team's region the buffer (D), and the
rest of the team's region the control (C). A measure (signals, violations, persons found in illegal housing) is
counted in each area in a window before and a window after the start date.

Two statistics, both pure functions of those counts:

- `wdq`: the Weighted Displacement Quotient of Bowers & Johnson (2003, Journal of Quantitative Criminology
  19:275-301), with the formulas and reading table of Guerette (2009, POP Center Tool Guide No. 10, appendices B
  and C). success = Ra/Ca - Rb/Cb (negative: the treatment area improved relative to the control), buffer =
  Da/Ca - Db/Cb (positive: the buffer worsened relative to the control, possible displacement; negative: possible
  diffusion of benefits), wdq = buffer / success (negative: displacement; between 0 and -1 the displacement is
  smaller than the gain; below -1 it cancels the gain; positive: diffusion of benefits), tne (total net effect,
  in events) = [Rb*Ca/Cb - Ra] + [Db*Ca/Cb - Da] (positive: events prevented over treatment and buffer together).
  Interval: a parametric Poisson bootstrap (`wdq_interval`): every count is redrawn from a Poisson distribution
  with the observed count as its mean, the four figures are recomputed, and the 2.5th and 97.5th percentiles form
  the 95% interval. The WDQ's own interval is given only when the success interval lies entirely below zero: a
  quotient whose denominator may be zero or change sign has no meaningful interval.
- `wdd`: the Weighted Displacement Difference of Wheeler & Ratcliffe (2018, Crime Science 7:11): estimate =
  (T1 - T0) - (CT1 - CT0) + (D1 - D0) - (CD1 - CD0); under independent Poisson counts the variance of a sum or
  difference of counts is the sum of their variances, and a Poisson count's variance is its mean, estimated by the
  count itself: var = T0 + T1 + CT0 + CT1 + D0 + D1 + CD0 + CD1. se = sqrt(var), z = estimate / se (normal
  approximation), 95% interval estimate +- 1.96 se. With weights (Wheeler's extension for areas or periods of
  different size) every count X enters as X / w and its variance as X / w^2.

The reading (`lees`), in this order:
1. Too few events: when the treatment area or the buffer has fewer than MIN_AANTAL events over both windows
   together, or the control has none in a window, nothing is read as an effect ("te weinig gegevens").
2. The WDQ is read only when the treatment area improved: the local WDD (treatment against control) is
   significantly negative (z <= -1.96). Otherwise: "geen effect in de gemeente".
3. Treatment improved: the displacement WDD (buffer against control) z >= 1.96 is "verplaatsing"
   (displacement), z <= -1.96 "uitstraling" (diffusion of benefits), in between "effect, geen verplaatsing".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

Z95 = 1.959963984540054
"""Two-sided 95% quantile of the standard normal distribution."""
MIN_AANTAL = 10
"""Fewest events (before and after together) an area needs before a change there is read as an effect."""
BOOTSTRAP_TREKKINGEN = 4000
"""Number of bootstrap draws for the WDQ intervals."""
BOOTSTRAP_SEED = 42
"""Seed of the bootstrap: the same counts give the same interval every time."""

TE_WEINIG = "te weinig gegevens"
GEEN_EFFECT = "geen effect in de gemeente"
VERPLAATSING = "verplaatsing"
UITSTRALING = "uitstraling"
EFFECT_ZONDER_VERPLAATSING = "effect, geen verplaatsing"
LEZINGEN = (VERPLAATSING, UITSTRALING, EFFECT_ZONDER_VERPLAATSING, GEEN_EFFECT, TE_WEINIG)
"""Every reading, strongest claim first."""


def _ratio(a: float, b: float) -> float:
    return a / b if b else math.nan


def wdq(
    r_before: float, r_after: float, d_before: float, d_after: float, c_before: float, c_after: float
) -> dict[str, float]:
    """Weighted Displacement Quotient (Bowers & Johnson 2003) with its parts; NaN where a count divides by zero.

    R = treatment area, D = buffer, C = control; b(efore)/a(fter) the windows. Keys: success (Ra/Ca - Rb/Cb),
    buffer (Da/Ca - Db/Cb), wdq (buffer / success), tne ([Rb*Ca/Cb - Ra] + [Db*Ca/Cb - Da], events).
    """
    success = _ratio(r_after, c_after) - _ratio(r_before, c_before)
    buffer = _ratio(d_after, c_after) - _ratio(d_before, c_before)
    quotient = buffer / success if success and not math.isnan(success) else math.nan
    scale = _ratio(c_after, c_before)
    tne = (r_before * scale - r_after) + (d_before * scale - d_after)
    return {"wdq": quotient, "success": success, "buffer": buffer, "tne": tne}


def wdq_interval(
    r_before: float,
    r_after: float,
    d_before: float,
    d_after: float,
    c_before: float,
    c_after: float,
    *,
    draws: int = BOOTSTRAP_TREKKINGEN,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, tuple[float, float]]:
    """95% parametric Poisson bootstrap interval (low, high) of wdq, success, buffer and tne.

    Draws with a control count of zero are left out; an interval needs at least 95% usable draws, otherwise it is
    (NaN, NaN). The WDQ's interval is (NaN, NaN) unless the success interval lies entirely below zero.
    """
    rng = np.random.default_rng(seed)
    counts = np.array([r_before, r_after, d_before, d_after, c_before, c_after], dtype=float)
    x = rng.poisson(counts, size=(draws, 6)).astype(float)
    rb, ra, db, da, cb, ca = x.T
    ok = (cb > 0) & (ca > 0)
    rb, ra, db, da, cb, ca = (v[ok] for v in (rb, ra, db, da, cb, ca))
    success = ra / ca - rb / cb
    buffer = da / ca - db / cb
    tne = (rb * ca / cb - ra) + (db * ca / cb - da)
    nan = (math.nan, math.nan)

    def pct(values: np.ndarray) -> tuple[float, float]:
        if ok.sum() < 0.95 * draws:
            return nan
        low, high = np.percentile(values, [2.5, 97.5])
        return float(low), float(high)

    out = {"success": pct(success), "buffer": pct(buffer), "tne": pct(tne), "wdq": nan}
    if not math.isnan(out["success"][1]) and out["success"][1] < 0:
        out["wdq"] = pct(buffer / success)
    return out


def wdd(
    t_before: float,
    t_after: float,
    ct_before: float,
    ct_after: float,
    d_before: float,
    d_after: float,
    cd_before: float,
    cd_after: float,
    *,
    weights: Sequence[float] | None = None,
) -> dict[str, float]:
    """Weighted Displacement Difference (Wheeler & Ratcliffe 2018) with its standard error, z and 95% interval.

    T = treatment area, CT its control, D = displacement area (buffer), CD its control. estimate = (T1 - T0) -
    (CT1 - CT0) + (D1 - D0) - (CD1 - CD0) (negative: fewer events than the controls lead to expect); variance =
    the sum of the eight counts (independent Poisson counts). `weights` (eight, same order as the counts) divide
    each count, and its variance by the weight squared. Keys: estimate, se, z, low, high.
    """
    counts = (t_before, t_after, ct_before, ct_after, d_before, d_after, cd_before, cd_after)
    w = tuple(weights) if weights is not None else (1.0,) * 8
    if len(w) != 8 or any(v <= 0 for v in w):
        raise ValueError("wdd needs eight positive weights, one per count")
    signs = (-1, 1, 1, -1, -1, 1, 1, -1)
    estimate = sum(s * x / v for s, x, v in zip(signs, counts, w, strict=True))
    variance = sum(x / v**2 for x, v in zip(counts, w, strict=True))
    se = math.sqrt(variance)
    z = estimate / se if se else math.nan
    return {"estimate": estimate, "se": se, "z": z, "low": estimate - Z95 * se, "high": estimate + Z95 * se}


def te_weinig(r_before: float, r_after: float, d_before: float, d_after: float, c_before: float,
              c_after: float) -> bool:
    """True when the counts are too small to read any change as an effect (rule 1 of the module docstring)."""
    return r_before + r_after < MIN_AANTAL or d_before + d_after < MIN_AANTAL or c_before <= 0 or c_after <= 0


def lees(te_klein: bool, z_lokaal: float, z_verplaatsing: float) -> str:
    """The standard reading of one intervention (module docstring): one of LEZINGEN.

    `te_klein` from `te_weinig`; `z_lokaal` the z of the treatment area against the control, `z_verplaatsing` the
    z of the buffer against the control (both from `wdd`).
    """
    if te_klein or math.isnan(z_lokaal):
        return TE_WEINIG
    if z_lokaal > -Z95:
        return GEEN_EFFECT
    if z_verplaatsing >= Z95:
        return VERPLAATSING
    if z_verplaatsing <= -Z95:
        return UITSTRALING
    return EFFECT_ZONDER_VERPLAATSING
