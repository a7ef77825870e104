"""Kaplan-Meier time to closure: the curve, the median and the 90th percentile with their 95% intervals.

The estimate comes from statsmodels (`statsmodels.duration.survfunc.SurvfuncRight`: product-limit estimate,
Greenwood standard errors, and `quantile_ci` = the Brookmeyer-Crowley interval, found by inverting a test on
the complementary log-log transformed survival, `method="cloglog"`, as in SAS PROC LIFETEST). Nothing about
the estimate's method is written here; two things are decided here deliberately:

- Where the quantile lies. A p-quantile of the time to closure is the first time t with S(t) <= 1 - p (the
  median: the first day on which at least half is closed). statsmodels' own `quantile` uses a strict
  inequality (S(t) < 1 - p, the SAS rule) on an S built as exp(cumsum(log(1 - d/n))), so when S is exactly
  one half the answer lands on either side by floating-point accident (1, 2, 3, 4 days all closed: S(2) comes
  out as 0.5000000000000001 and `quantile(0.5)` gives 3). Here the comparison is made on the exact fraction
  prod (n_i - d_i) / n_i of the library's own risk sets n_i and closures d_i (integers), so S(2) = 1/2 exactly
  and the median is 2. The curve shows the same exact fractions (as floats). (R's survival and SAS take the
  midpoint of a flat stretch at exactly 1 - p; we report the day the share was reached.)
- The curve starts at 100% at day 0, also when something closed on day 0 (then day 0 has two points).

No interval bound that the data cannot give: an upper bound beyond the last event is +inf ("niet begrensd"),
and NaN when the test never accepts.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
from statsmodels.duration.survfunc import SurvfuncRight

CURVE_KOLOMMEN = ["dagen", "at_risk", "afgesloten", "gecensureerd", "aandeel_open"]
KWANTIEL_KOLOMMEN = [
    "mediaan_dagen", "mediaan_ondergrens", "mediaan_bovengrens", "at_risk_mediaan",
    "p90_dagen", "p90_ondergrens", "p90_bovengrens",
]
BETROUWBAARHEID = 0.95
"""Coverage of the intervals around the median and the 90th percentile."""
METHODE = "Brookmeyer-Crowley (cloglog), 95%"
"""How the intervals are computed, for captions."""


def _survfunc(dagen: np.ndarray, gebeurtenis: np.ndarray) -> SurvfuncRight | None:
    """statsmodels' Kaplan-Meier estimate, or None when nothing closed (the library needs one event)."""
    if dagen.size == 0 or not gebeurtenis.any():
        return None
    return SurvfuncRight(dagen, gebeurtenis.astype(float))


def _exact(sf: SurvfuncRight) -> list[Fraction]:
    """S at each event time of `sf` as an exact fraction of its risk sets and closures."""
    s, out = Fraction(1), []
    for n, d in zip(sf.n_risk, sf.n_events, strict=True):
        s *= Fraction(int(n) - int(round(d)), int(n))
        out.append(s)
    return out


def kaplan_meier(dagen: pd.Series | np.ndarray | list, gebeurtenis: pd.Series | np.ndarray | list) -> pd.DataFrame:
    """Kaplan-Meier curve of the share not yet closed (statsmodels `SurvfuncRight`).

    `dagen`: time per violation in days; `gebeurtenis`: True when it closed at that time, False when censored
    (still open at that time). Rows: day 0 with S = 1 first (a row of its own when something closed on
    day 0), then every distinct time (closures and censorings); at_risk = violations with time >= that time,
    afgesloten = closures then, gecensureerd = censorings then, aandeel_open = S right after that time
    (carried over censoring-only times).
    Columns: dagen, at_risk, afgesloten, gecensureerd, aandeel_open. Empty input gives an empty frame.
    """
    t = np.asarray(dagen, dtype=float)
    e = np.asarray(gebeurtenis, dtype=bool)
    if t.size == 0:
        return pd.DataFrame(columns=CURVE_KOLOMMEN)
    tijden, plek_t = np.unique(t, return_inverse=True)  # counts per distinct time in one pass (O(n log n))
    afgesloten = np.bincount(plek_t, weights=e, minlength=tijden.size).astype(int)
    gecensureerd = np.bincount(plek_t, weights=~e, minlength=tijden.size).astype(int)
    at_risk = np.cumsum((afgesloten + gecensureerd)[::-1])[::-1]  # time >= that time
    sf = _survfunc(t, e)
    if sf is None:
        aandeel = np.ones(tijden.size)
    else:
        exact = np.array([float(s) for s in _exact(sf)])
        plek = np.searchsorted(sf.surv_times, tijden, side="right") - 1
        aandeel = np.where(plek >= 0, exact[np.clip(plek, 0, None)], 1.0)
    out = pd.DataFrame({"dagen": tijden, "at_risk": at_risk, "afgesloten": afgesloten,
                        "gecensureerd": gecensureerd, "aandeel_open": aandeel})
    if tijden[0] == 0 and afgesloten[0] == 0:
        return out  # day 0 holds only censorings: it already shows S = 1
    start = pd.DataFrame({"dagen": [0.0], "at_risk": [t.size], "afgesloten": [0], "gecensureerd": [0],
                          "aandeel_open": [1.0]})
    return pd.concat([start, out], ignore_index=True)


def _kwantiel(sf: SurvfuncRight, exact: list[Fraction], p: Fraction) -> tuple[float, int | None]:
    """First event time with exact S <= 1 - p, with the number at risk then; (nan, None) when never reached."""
    for tijd, n, s in zip(sf.surv_times, sf.n_risk, exact, strict=True):
        if s <= 1 - p:
            return float(tijd), int(n)
    return float("nan"), None


def _interval(sf: SurvfuncRight, p: float) -> tuple[float, float]:
    """The library's Brookmeyer-Crowley interval (cloglog) around the p-quantile; bounds are event times."""
    with np.errstate(divide="ignore", invalid="ignore"):
        onder, boven = sf.quantile_ci(p, alpha=1 - BETROUWBAARHEID, method="cloglog")
    return float(onder), float(boven)


def kwantielen(dagen: pd.Series | np.ndarray | list, gebeurtenis: pd.Series | np.ndarray | list) -> dict[str, object]:
    """Median and 90th percentile of the time to closure with their 95% Brookmeyer-Crowley intervals.

    mediaan_dagen: first time with S(t) <= 1/2 (exact fractions, see the module docstring); p90_dagen: first
    time with S(t) <= 1/10 (90% closed). NaN when the curve never gets there (too much still open). Bounds:
    `SurvfuncRight.quantile_ci(p, alpha=0.05, method="cloglog")`; +inf = not bounded by the data.
    at_risk_mediaan: violations still at risk at the median (None without a median).
    Keys: KWANTIEL_KOLOMMEN.
    """
    t = np.asarray(dagen, dtype=float)
    e = np.asarray(gebeurtenis, dtype=bool)
    leeg = float("nan")
    sf = _survfunc(t, e)
    if sf is None:
        return dict(zip(KWANTIEL_KOLOMMEN, [leeg, leeg, leeg, None, leeg, leeg, leeg], strict=True))
    exact = _exact(sf)
    midden, risico = _kwantiel(sf, exact, Fraction(1, 2))
    p90, _ = _kwantiel(sf, exact, Fraction(9, 10))
    m_onder, m_boven = _interval(sf, 0.5)
    p_onder, p_boven = _interval(sf, 0.9)
    return dict(zip(KWANTIEL_KOLOMMEN, [midden, m_onder, m_boven, risico, p90, p_onder, p_boven], strict=True))
