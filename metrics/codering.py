"""Interview coding statistics: inter-coder reliability and the result table of the HAM/KIT evaluation §6.2.1.

Pure functions on DataFrames, no warehouse and no coding store: percent agreement, Cohen's kappa,
Krippendorff's alpha (with bootstrap intervals), the confusion matrix, reliability per question, the Wilson
interval, the sign test, the label per question and the result table. The warehouse readers of the interviews
are in metrics.interviews; the coding workflow (combining delivered and stored codes, the code that counts per
answer, blind coding, settling differences) is in codering.werkwijze.

A "codes" frame is long: one row per answer and coder with columns respondent_id, vraag_nr, codeur, code.
Codes are positief, negatief, neutraal and niet gevraagd (§4.4); "niet gevraagd" is a coding decision
(so it counts in reliability) but not an answer (so it is never counted in n of the result table).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.stats import binomtest

from etl.contract import CODES  # the codes a coder can give

Z95 = 1.959963984540054
"""The 0.975 quantile of the standard normal distribution (two-sided 95%)."""

MIN_SHARE = 0.60
"""Share of n a direction needs to be "overwegend"."""
MAX_P = 0.05
"""Sign test p-value below which positive and negative differ."""
NEUTRAL_SHARE = 0.25
"""Share of neutral answers from which a question is "veel neutraal"."""

RULE_TEXT = (
    "Oordeel per vraag (volgens §4.4 van de evaluatie): **overwegend positief** als minstens 60% van de "
    "antwoorden (n = positief + negatief + neutraal) positief is én de tekentoets positief tegen negatief "
    "(binomiaal, p = 0,5, tweezijdig, neutraal niet meegeteld) p < 0,05 geeft; **overwegend negatief** "
    "net zo voor negatief; anders **veel neutraal** als minstens 25% van n neutraal is; anders **verdeeld**. "
    "'Niet gevraagd' telt niet mee in n."
)
"""The labelling rule in Dutch, shown on the page; `opinion_label` implements it."""


# ---------------------------------------------------------------------------- reliability
def percent_agreement(codes: pd.DataFrame) -> float:
    """Share of answers coded by two or more coders on which all those coders gave the same code.

    Numerator: answers with >= 2 codes that are all equal; denominator: answers with >= 2 codes.
    NaN when no answer has two codes.
    """
    grouped = codes.groupby(["respondent_id", "vraag_nr"])["code"].agg(["count", "nunique"])
    pairable = grouped[grouped["count"] >= 2]
    if pairable.empty:
        return math.nan
    return float((pairable["nunique"] == 1).mean())


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa (Cohen 1960) of two coders who coded the same units, `a[i]` and `b[i]` for unit i.

    kappa = (p_o - p_e) / (1 - p_e), p_o the observed share of agreement, p_e = sum over codes of the
    product of the two coders' marginal shares. NaN for no units or when p_e = 1 (both used one code only).
    """
    if len(a) != len(b):
        raise ValueError("a and b must have the same length")
    n = len(a)
    if n == 0:
        return math.nan
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[c] * cb[c] for c in ca) / (n * n)
    if math.isclose(p_e, 1.0):
        return math.nan
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(codes: pd.DataFrame, unit: Sequence[str] = ("respondent_id", "vraag_nr")) -> float:
    """Krippendorff's alpha for nominal data, any number of coders, missing codes allowed.

    From the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): each
    unit with m_u >= 2 codes adds n_uc * n_uk / (m_u - 1) to o_ck (and n_uc (n_uc - 1) / (m_u - 1) to o_cc);
    n_c = sum_k o_ck, n = sum_c n_c; alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
    Units with fewer than two codes are not pairable and ignored. NaN when there is no variation at all.
    `codes` has the unit columns and `code`; one row per coder per unit.
    """
    o: Counter[tuple[str, str]] = Counter()
    for _, group in codes.groupby(list(unit)):
        values = Counter(group["code"].dropna().tolist())
        m = sum(values.values())
        if m < 2:
            continue
        for c, nc in values.items():
            for k, nk in values.items():
                o[(c, k)] += (nc * (nc - 1) if c == k else nc * nk) / (m - 1)
    n_c: Counter[str] = Counter()
    for (c, _k), value in o.items():
        n_c[c] += value
    n = sum(n_c.values())
    disagree_observed = sum(v for (c, k), v in o.items() if c != k)
    disagree_expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if n <= 1 or disagree_expected == 0:
        return math.nan
    return 1 - (n - 1) * disagree_observed / disagree_expected


BOOTSTRAP_RESAMPLES = 1000
"""Resamples of the bootstrap intervals of kappa and alpha."""
BOOTSTRAP_SEED = 42
"""Seed of the bootstrap (numpy default_rng): the same data give the same interval."""


def _alpha_from_coincidences(o: np.ndarray) -> float:
    """Nominal alpha from a coincidence matrix (the formula of `krippendorff_alpha`)."""
    n_c = o.sum(axis=1)
    n = n_c.sum()
    disagree_expected = n_c.sum() ** 2 - (n_c**2).sum()
    if n <= 1 or disagree_expected <= 0:
        return math.nan
    return float(1 - (n - 1) * (o.sum() - np.trace(o)) / disagree_expected)


def alpha_interval(
    codes: pd.DataFrame,
    unit: Sequence[str] = ("respondent_id", "vraag_nr"),
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float, int]:
    """95% bootstrap interval of `krippendorff_alpha` and the number of answers it rests on.

    Bootstrap over answers (Krippendorff recommends bootstrapping alpha): the pairable units (>= 2 codes) are
    drawn with replacement `resamples` times, alpha is computed from the summed coincidences of each draw, and
    the 2.5th and 97.5th percentiles are the interval (draws without variation are left out). Returns (low,
    high, n_units); NaN bounds when there are fewer than two pairable units.
    """
    categories = sorted({str(c) for c in codes["code"].dropna()})
    index = {c: i for i, c in enumerate(categories)}
    per_unit = []
    for _, group in codes.groupby(list(unit)):
        values = Counter(str(c) for c in group["code"].dropna())
        m = sum(values.values())
        if m < 2:
            continue
        o = np.zeros((len(categories), len(categories)))
        for c, nc in values.items():
            for k, nk in values.items():
                o[index[c], index[k]] += (nc * (nc - 1) if c == k else nc * nk) / (m - 1)
        per_unit.append(o)
    if len(per_unit) < 2:
        return math.nan, math.nan, len(per_unit)
    stack = np.stack(per_unit)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(per_unit), size=(resamples, len(per_unit)))
    values = np.array([_alpha_from_coincidences(stack[d].sum(axis=0)) for d in draws])
    values = values[~np.isnan(values)]
    if values.size == 0:
        return math.nan, math.nan, len(per_unit)
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high), len(per_unit)


def kappa_interval(
    a: Sequence[str], b: Sequence[str], resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED
) -> tuple[float, float]:
    """95% bootstrap interval of `cohen_kappa` over the answers both coders coded: the answers are drawn with
    replacement `resamples` times and the 2.5th and 97.5th percentiles of kappa are the interval (draws where
    kappa is undefined are left out). NaN bounds for fewer than two answers."""
    if len(a) != len(b):
        raise ValueError("a and b must have the same length")
    n = len(a)
    if n < 2:
        return math.nan, math.nan
    categories = sorted({*map(str, a), *map(str, b)})
    index = {c: i for i, c in enumerate(categories)}
    ai = np.array([index[str(x)] for x in a])
    bi = np.array([index[str(x)] for x in b])
    draws = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
    sa, sb = ai[draws], bi[draws]
    p_o = (sa == sb).mean(axis=1)
    eye = np.eye(len(categories))
    p_e = (eye[sa].mean(axis=1) * eye[sb].mean(axis=1)).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappas = np.where(np.isclose(p_e, 1.0), np.nan, (p_o - p_e) / (1 - p_e))
    kappas = kappas[~np.isnan(kappas)]
    if kappas.size == 0:
        return math.nan, math.nan
    low, high = np.percentile(kappas, [2.5, 97.5])
    return float(low), float(high)


def _pair(codes: pd.DataFrame, coder_a: str, coder_b: str) -> pd.DataFrame:
    """Answers coded by both coders: respondent_id, vraag_nr, a, b."""
    a = codes[codes["codeur"] == coder_a][["respondent_id", "vraag_nr", "code"]].rename(columns={"code": "a"})
    b = codes[codes["codeur"] == coder_b][["respondent_id", "vraag_nr", "code"]].rename(columns={"code": "b"})
    return a.merge(b, on=["respondent_id", "vraag_nr"])


def confusion_matrix(codes: pd.DataFrame, coder_a: str, coder_b: str) -> pd.DataFrame:
    """Counts of answers coded by both coders: rows the code of `coder_a`, columns the code of `coder_b`.

    All four codes appear as rows and columns (zeros included), in codebook order.
    """
    pair = _pair(codes, coder_a, coder_b)
    counts = pair.groupby(["a", "b"]).size()
    table = pd.DataFrame(
        [[int(counts.get((a, b), 0)) for b in CODES] for a in CODES], index=pd.Index(list(CODES), name=coder_a),
        columns=pd.Index(list(CODES), name=coder_b),
    )
    return table


def reliability(codes: pd.DataFrame, coder_a: str, coder_b: str) -> pd.DataFrame:
    """Reliability per question and overall ("Totaal"), over all four codes.

    Columns: vraag_nr (None for the overall row), onderdeel ("Vraag k" / "Totaal"), codeurs (coders with a
    code), dubbel_gecodeerd (answers with >= 2 codes), overeenstemming (`percent_agreement`), kappa
    (`cohen_kappa` of coder_a and coder_b on the answers both coded), kappa_laag / kappa_hoog (its 95% bootstrap
    interval, `kappa_interval`), n_kappa (answers both coders coded: what kappa rests on), alpha
    (`krippendorff_alpha`, all coders), alpha_laag / alpha_hoog (95% bootstrap interval, `alpha_interval`),
    n_alpha (answers with >= 2 codes: what alpha rests on).
    """
    rows = []
    parts = [(int(q), codes[codes["vraag_nr"] == q]) for q in sorted(codes["vraag_nr"].unique())]
    parts.append((None, codes))
    for vraag_nr, part in parts:
        pair = _pair(part, coder_a, coder_b)
        counts = part.groupby(["respondent_id", "vraag_nr"]).size()
        kappa_low, kappa_high = kappa_interval(pair["a"].tolist(), pair["b"].tolist())
        alpha_low, alpha_high, n_alpha = alpha_interval(part)
        rows.append(
            {
                "vraag_nr": vraag_nr,
                "onderdeel": f"Vraag {vraag_nr}" if vraag_nr is not None else "Totaal",
                "codeurs": int(part["codeur"].nunique()),
                "dubbel_gecodeerd": int((counts >= 2).sum()),
                "overeenstemming": percent_agreement(part),
                "kappa": cohen_kappa(pair["a"].tolist(), pair["b"].tolist()),
                "kappa_laag": kappa_low,
                "kappa_hoog": kappa_high,
                "n_kappa": len(pair),
                "alpha": krippendorff_alpha(part),
                "alpha_laag": alpha_low,
                "alpha_hoog": alpha_high,
                "n_alpha": n_alpha,
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------- result table
def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson (1927) score interval for the proportion k/n, without continuity correction (Newcombe 1998,
    method 3). Returns (nan, nan) when n = 0."""
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


def sign_test(positief: int, negatief: int) -> float:
    """Two-sided exact sign test of positive against negative answers (binomial, p = 0.5; neutral excluded).

    NaN when there are neither positive nor negative answers.
    """
    if positief + negatief == 0:
        return math.nan
    return float(binomtest(positief, positief + negatief, 0.5, alternative="two-sided").pvalue)


def opinion_label(positief: int, negatief: int, neutraal: int) -> str:
    """Label of one question following §4.4 (the rule of RULE_TEXT).

    n = positief + negatief + neutraal. "overwegend positief" when positief / n >= 60% and the sign test
    p < 0.05 (and positief > negatief); "overwegend negatief" likewise; otherwise "veel neutraal" when
    neutraal / n >= 25%; otherwise "verdeeld". "geen antwoorden" when n = 0.
    """
    n = positief + negatief + neutraal
    if n == 0:
        return "geen antwoorden"
    p = sign_test(positief, negatief)
    significant = not math.isnan(p) and p < MAX_P
    if significant and positief > negatief and positief / n >= MIN_SHARE:
        return "overwegend positief"
    if significant and negatief > positief and negatief / n >= MIN_SHARE:
        return "overwegend negatief"
    if neutraal / n >= NEUTRAL_SHARE:
        return "veel neutraal"
    return "verdeeld"


def result_table(effective: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """The §6.2.1 table per question from the effective codes, with n, shares, intervals, sign test and label.

    Columns: vraag_nr, vraag, positief, negatief, neutraal (counts of answers with that code), n (their sum),
    niet_gevraagd (not in n), aandeel_<code> = count / n with <code>_laag and <code>_hoog its 95% Wilson
    interval, netto = (positief - negatief) / n, p_tekentoets (`sign_test`), oordeel (`opinion_label`).
    Every question of `questions` appears, also without answers. Source: HAM/KIT evaluation §4.4, §6.2.1.
    """
    counts = (
        effective[effective["code"] != ""]
        .groupby(["vraag_nr", "code"]).size().unstack(fill_value=0)
        .reindex(columns=list(CODES), fill_value=0)
    )
    rows = []
    for q in questions.itertuples():
        c = counts.loc[q.vraag_nr] if q.vraag_nr in counts.index else pd.Series(0, index=list(CODES))
        pos, neg, neu = int(c["positief"]), int(c["negatief"]), int(c["neutraal"])
        n = pos + neg + neu
        row: dict[str, object] = {
            "vraag_nr": int(q.vraag_nr), "vraag": q.vraag, "positief": pos, "negatief": neg, "neutraal": neu,
            "n": n, "niet_gevraagd": int(c["niet gevraagd"]),
        }
        for code, k in (("positief", pos), ("negatief", neg), ("neutraal", neu)):
            low, high = wilson_interval(k, n)
            row[f"aandeel_{code}"] = k / n if n else math.nan
            row[f"{code}_laag"] = low
            row[f"{code}_hoog"] = high
        row["netto"] = (pos - neg) / n if n else math.nan
        row["p_tekentoets"] = sign_test(pos, neg)
        row["oordeel"] = opinion_label(pos, neg, neu)
        rows.append(row)
    return pd.DataFrame(rows)


def pairs_of_coders(codes: pd.DataFrame) -> list[tuple[str, str]]:
    """All pairs of coders who coded at least one answer in common, most shared answers first."""
    coders = sorted(codes["codeur"].unique())
    shared = [((a, b), len(_pair(codes, a, b))) for a, b in combinations(coders, 2)]
    return [p for p, k in sorted(shared, key=lambda x: -x[1]) if k > 0]
