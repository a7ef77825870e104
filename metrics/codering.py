"""Interview coding: inter-coder reliability and the result table of the HAM/KIT evaluation §6.2.1.

Two kinds of functions:
- readers of the warehouse (take a DuckDB connection): the questions with their codebook, the answers with
  the respondent's organisation and role, and the codes delivered in the raw interview workbook;
- pure functions on DataFrames: combining those codes with the coding store (codering.store), reliability
  (percent agreement, Cohen's kappa, Krippendorff's alpha, confusion matrix), disagreements, the effective
  code per answer, and the result table with Wilson intervals, a sign test and a label per question.

A "codes" frame is long: one row per answer and coder with columns respondent_id, vraag_nr, codeur, code.
Codes are positief, negatief, neutraal and niet gevraagd (§4.4); "niet gevraagd" is a coding decision
(so it counts in reliability) but not an answer (so it is never counted in n of the result table).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import duckdb
import numpy as np
import pandas as pd
from scipy.stats import binomtest

from etl.contract import CODES  # also used by pages/codering.py: the codes a coder can give
from metrics.interviews import PILOT
from metrics.interviews import primary_coder as primary_coder  # the one definition; used with interview_codes

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

_CODE_COLUMNS = ["respondent_id", "vraag_nr", "codeur", "code"]


# ---------------------------------------------------------------------------- warehouse readers
def interview_questions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The interview questions with definition and codebook (stg_vragen), ordered by number.

    Columns: vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal.
    Source: the Vragen sheet of the interview workbook (HAM/KIT evaluation §6.2.1, §10.1).
    """
    return con.execute(
        "SELECT vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal "
        "FROM stg_vragen ORDER BY vraag_nr"
    ).df()


def interview_teams(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Teams with interview answers in the warehouse: team, antwoorden (answer rows), ordered by team.

    Source: fct_antwoord.
    """
    return con.execute(
        "SELECT team, count(*) AS antwoorden FROM fct_antwoord GROUP BY team ORDER BY team"
    ).df()


def interview_answers(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """One row per answer (respondent and question) of `team`, with who answered (no names).

    Columns: respondent_id, vraag_nr, antwoord, organisatie (partner name), rol, gemeente (name or empty),
    mee_op_controleavond. When several coders delivered the same answer the first non-empty text is kept.
    Source: fct_antwoord (Antwoorden and Respondenten sheets), ref_partner, ref_gemeente.
    """
    return con.execute(
        """
        SELECT a.respondent_id, a.vraag_nr, coalesce(max(nullif(a.antwoord, '')), '') AS antwoord,
               any_value(p.naam) AS organisatie, any_value(a.rol) AS rol,
               coalesce(any_value(g.naam), '') AS gemeente, any_value(a.mee_op_controleavond) AS mee_op_controleavond
        FROM fct_antwoord a
        JOIN ref_partner p ON p.code = a.organisatie
        LEFT JOIN ref_gemeente g ON g.code = a.gemeente_code
        WHERE a.team = ?
        GROUP BY a.respondent_id, a.vraag_nr
        ORDER BY a.vraag_nr, a.respondent_id
        """,
        [team],
    ).df()


def interview_codes(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """The codes delivered in the raw interview workbook: respondent_id, vraag_nr, codeur, code.

    Source: fct_antwoord (Antwoorden sheet, one row per respondent, question and coder).
    """
    return con.execute(
        "SELECT respondent_id, vraag_nr, codeur, code FROM fct_antwoord WHERE team = ? "
        "ORDER BY vraag_nr, respondent_id, codeur",
        [team],
    ).df()


# ---------------------------------------------------------------------------- combining codes
def combine_codes(delivered: pd.DataFrame, stored: pd.DataFrame, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """All current codes: the delivered codes, replaced by the coding store's code for the same answer and coder.

    Both frames have respondent_id, vraag_nr, codeur, code; the store holds the later decision, so it wins.
    With `answers` (respondent_id, vraag_nr) only store codes of those answers are kept (one team's answers).
    """
    if answers is not None and not stored.empty:
        keys = answers[["respondent_id", "vraag_nr"]].astype({"vraag_nr": int})
        stored = stored.astype({"vraag_nr": int}).merge(keys, on=["respondent_id", "vraag_nr"])
    frames = [f[_CODE_COLUMNS] for f in (delivered, stored) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=_CODE_COLUMNS)
    both = pd.concat(frames, ignore_index=True)
    both["vraag_nr"] = both["vraag_nr"].astype(int)
    both = both.drop_duplicates(["respondent_id", "vraag_nr", "codeur"], keep="last")
    return both.sort_values(["vraag_nr", "respondent_id", "codeur"]).reset_index(drop=True)


# ---------------------------------------------------------------------------- reliability (pure)
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


def disagreements(codes: pd.DataFrame, settled: pd.DataFrame) -> pd.DataFrame:
    """Answers on which the coders gave different codes, one column per coder, with the settled code if any.

    Columns: respondent_id, vraag_nr, one column per coder (empty when that coder did not code it),
    vastgesteld (settled code or empty), vastgesteld_door, toelichting (the reason given when settling).
    Ordered by question and respondent.
    """
    per_answer = codes.groupby(["respondent_id", "vraag_nr"])["code"].nunique()
    keys = per_answer[per_answer > 1].index
    if len(keys) == 0:
        return pd.DataFrame(columns=["respondent_id", "vraag_nr", "vastgesteld", "vastgesteld_door", "toelichting"])
    subset = codes.set_index(["respondent_id", "vraag_nr"]).loc[keys].reset_index()
    wide = subset.pivot_table(index=["respondent_id", "vraag_nr"], columns="codeur", values="code", aggfunc="first")
    wide = wide.fillna("").reset_index()
    wide.columns.name = None
    s = settled[["respondent_id", "vraag_nr", "code", "besloten_door", "toelichting"]].rename(
        columns={"code": "vastgesteld", "besloten_door": "vastgesteld_door"}
    )
    s = s.astype({"vraag_nr": int})
    wide = wide.merge(s, on=["respondent_id", "vraag_nr"], how="left").fillna(
        {"vastgesteld": "", "vastgesteld_door": "", "toelichting": ""})
    return wide.sort_values(["vraag_nr", "respondent_id"]).reset_index(drop=True)


def effective_codes(codes: pd.DataFrame, settled: pd.DataFrame, primary: str | None) -> pd.DataFrame:
    """The code that counts per answer: the settled code if any, else the agreed code, else the primary coder's.

    Agreed: every coder who coded the answer gave the same code (an answer with one coder is agreed).
    When coders disagree, nothing is settled and the primary coder did not code it, the answer stays
    undecided (code empty, bron "onbeslist") and is not counted. Columns: respondent_id, vraag_nr, code,
    bron ("vastgesteld" / "eens" / "primaire codeur" / "onbeslist").
    """
    settled_map = {(r.respondent_id, int(r.vraag_nr)): r.code for r in settled.itertuples()}
    rows = []
    for (rid, nr), group in codes.groupby(["respondent_id", "vraag_nr"]):
        key = (rid, int(nr))
        distinct = group["code"].unique()
        by_primary = group[group["codeur"] == primary]["code"]
        if key in settled_map:
            code, bron = settled_map[key], "vastgesteld"
        elif len(distinct) == 1:
            code, bron = distinct[0], "eens"
        elif not by_primary.empty:
            code, bron = by_primary.iloc[0], "primaire codeur"
        else:
            code, bron = "", "onbeslist"
        rows.append({"respondent_id": rid, "vraag_nr": int(nr), "code": code, "bron": bron})
    return pd.DataFrame(rows, columns=["respondent_id", "vraag_nr", "code", "bron"])


def effective_summary(effective: pd.DataFrame) -> pd.DataFrame:
    """How the effective codes came about: bron, antwoorden (count), in the order of `effective_codes`."""
    order = ["vastgesteld", "eens", "primaire codeur", "onbeslist"]
    counts = effective.groupby("bron").size().reindex(order, fill_value=0)
    return counts.rename("antwoorden").rename_axis("bron").reset_index()


# ---------------------------------------------------------------------------- result table (pure)
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


def diverging_data(result: pd.DataFrame, max_label: int = 48) -> pd.DataFrame:
    """Long data for a diverging stacked bar per question, sorted by net opinion (most negative first).

    Negative shares are drawn left (negative values), positive right; the neutral share is split in two
    halves around zero. Columns: label ("Vk. <question text, shortened>"), deel ("neutraal (links)",
    "negatief", "neutraal (rechts)", "positief"), waarde (signed share of n), aandeel (share of n, unsigned),
    aantal (count), netto. Questions with n = 0 are left out.
    """
    rows = []
    for r in result[result["n"] > 0].sort_values(["netto", "vraag_nr"]).itertuples():
        text = r.vraag if len(r.vraag) <= max_label else r.vraag[: max_label - 1].rstrip() + "…"
        label = f"V{r.vraag_nr}. {text}"
        half = r.aandeel_neutraal / 2
        for deel, waarde, aandeel, aantal in (
            ("neutraal (links)", -half, r.aandeel_neutraal, r.neutraal),
            ("negatief", -r.aandeel_negatief, r.aandeel_negatief, r.negatief),
            ("neutraal (rechts)", half, r.aandeel_neutraal, r.neutraal),
            ("positief", r.aandeel_positief, r.aandeel_positief, r.positief),
        ):
            rows.append({"label": label, "deel": deel, "waarde": waarde, "aandeel": aandeel, "aantal": int(aantal),
                         "netto": r.netto})
    return pd.DataFrame(rows, columns=["label", "deel", "waarde", "aandeel", "aantal", "netto"])


def coded_answers_table(
    answers: pd.DataFrame, codes: pd.DataFrame, effective: pd.DataFrame, memos: pd.DataFrame,
    settled: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every answer with its codes per coder, the effective code and the memos, for export.

    Columns: vraag_nr, respondent_id, organisatie, rol, gemeente, antwoord, one column "code <coder>" per
    coder, code (effective), bron, toelichting (the reason given when the code was settled, from `settled`
    as in CodingStore.settled; empty otherwise), memo (memos on the answer as "author: text", joined by " | ").
    """
    table = answers[["vraag_nr", "respondent_id", "organisatie", "rol", "gemeente", "antwoord"]].copy()
    for coder in sorted(codes["codeur"].unique()):
        per = codes[codes["codeur"] == coder][["respondent_id", "vraag_nr", "code"]]
        table = table.merge(per.rename(columns={"code": f"code {coder}"}), on=["respondent_id", "vraag_nr"],
                            how="left")
    table = table.merge(effective, on=["respondent_id", "vraag_nr"], how="left")
    if settled is not None and not settled.empty:
        reasons = settled[["respondent_id", "vraag_nr", "toelichting"]].astype({"vraag_nr": int})
        table = table.merge(reasons, on=["respondent_id", "vraag_nr"], how="left")
    else:
        table["toelichting"] = ""
    answer_memos = memos[memos["respondent_id"] != ""]
    if answer_memos.empty:
        table["memo"] = ""
    else:
        joined = (
            answer_memos.assign(m=answer_memos["auteur"] + ": " + answer_memos["tekst"])
            .groupby(["respondent_id", "vraag_nr"])["m"].agg(" | ".join).reset_index(name="memo")
        )
        joined["vraag_nr"] = joined["vraag_nr"].astype(int)
        table = table.merge(joined, on=["respondent_id", "vraag_nr"], how="left")
    return table.fillna("").sort_values(["vraag_nr", "respondent_id"]).reset_index(drop=True)


def pairs_of_coders(codes: pd.DataFrame) -> list[tuple[str, str]]:
    """All pairs of coders who coded at least one answer in common, most shared answers first."""
    coders = sorted(codes["codeur"].unique())
    shared = [((a, b), len(_pair(codes, a, b))) for a, b in combinations(coders, 2)]
    return [p for p, k in sorted(shared, key=lambda x: -x[1]) if k > 0]


def coder_progress(codes: pd.DataFrame, answers: pd.DataFrame, codeur: str) -> pd.DataFrame:
    """How far `codeur` is per question: vraag_nr, antwoorden (answers of the team), gecodeerd (answers this coder
    coded), klaar (gecodeerd == antwoorden and antwoorden > 0). One row per question in `answers`, in order.

    Used for blind coding: a coder other than the primary coder stays blind on a question until klaar.
    """
    keys = answers[["respondent_id", "vraag_nr"]].astype({"vraag_nr": int}).drop_duplicates()
    own = codes[codes["codeur"] == codeur][["respondent_id", "vraag_nr"]].astype({"vraag_nr": int})
    own = own.drop_duplicates().assign(gecodeerd=1)
    merged = keys.merge(own, on=["respondent_id", "vraag_nr"], how="left").fillna({"gecodeerd": 0})
    progress = merged.groupby("vraag_nr").agg(antwoorden=("respondent_id", "size"), gecodeerd=("gecodeerd", "sum"))
    progress = progress.reset_index().astype({"gecodeerd": int})
    progress["klaar"] = (progress["gecodeerd"] == progress["antwoorden"]) & (progress["antwoorden"] > 0)
    return progress.sort_values("vraag_nr").reset_index(drop=True)


@dataclass(frozen=True)
class BlindAccess:
    """What one coder may see of the other coders' work (blind coding).

    Blind coding is the default for every named coder other than the primary coder (`second_coder`), and
    stays on for a question until that coder has coded all its answers (`locked` on the current question);
    a second coder who switches it off sees only the questions they coded completely (`done`).
    `coded` and `total` are that coder's progress on the current question (0 and 0 for anyone else).
    """

    second_coder: bool
    done: frozenset[int]
    locked: bool
    coded: int
    total: int

    def restricts(self, blind: bool) -> bool:
        """True when a second coder who is not blind must see only the questions in `done`."""
        return self.second_coder and not blind


def blind_access(
    codes: pd.DataFrame, answers: pd.DataFrame, codeur: str, primary: str | None, vraag_nr: int
) -> BlindAccess:
    """The blind-coding access of `codeur` (empty: a reader) on question `vraag_nr`, from `coder_progress`."""
    if not codeur or codeur == primary:
        return BlindAccess(second_coder=False, done=frozenset(), locked=False, coded=0, total=0)
    progress = coder_progress(codes, answers, codeur)
    done = frozenset(int(q) for q in progress.loc[progress["klaar"], "vraag_nr"])
    row = progress[progress["vraag_nr"] == vraag_nr]
    coded, total = (int(row["gecodeerd"].iloc[0]), int(row["antwoorden"].iloc[0])) if len(row) else (0, 0)
    return BlindAccess(second_coder=True, done=done, locked=vraag_nr not in done, coded=coded, total=total)


@dataclass(frozen=True)
class CodingView:
    """The coding data one coder sees: questions, answers, codes (all coders), effective codes, memos and settled
    codes, each a frame with a vraag_nr column (see the functions above and codering.store)."""

    questions: pd.DataFrame
    answers: pd.DataFrame
    codes: pd.DataFrame
    effective: pd.DataFrame
    memos: pd.DataFrame
    settled: pd.DataFrame

    def only(self, vraag_nrs: Collection[int]) -> CodingView:
        """The same data restricted to the questions `vraag_nrs`."""
        keep = set(vraag_nrs)
        return replace(self, **{name: frame[frame["vraag_nr"].isin(keep)] for name, frame in vars(self).items()})

    def visible(self, access: BlindAccess, blind: bool) -> CodingView:
        """What is shown: only the completely coded questions for a second coder who is not blind, else all."""
        return self.only(access.done) if access.restricts(blind) else self


Item = tuple[str, int]
"""An answer: (respondent_id, vraag_nr)."""


@dataclass(frozen=True)
class SettleQueue:
    """The disagreements to settle, in table order (`items`), and those still without a settled code."""

    items: list[Item]
    unsettled: list[Item]

    @property
    def open(self) -> int:
        """How many disagreements have no settled code yet."""
        return len(self.unsettled)

    def choose(self, current: object) -> Item:
        """The answer to show: `current` when it is one of the items, else the first unsettled, else the first."""
        if current in self.items:
            return current  # type: ignore[return-value]
        return self.unsettled[0] if self.unsettled else self.items[0]

    def next_after(self, item: Item) -> Item | None:
        """The answer to settle after `item`: the next unsettled one after it, else the first other unsettled one
        (when every answer is settled: the next / first other answer). None when there is no other answer."""
        order = self.unsettled or self.items
        position = order.index(item) if item in order else -1
        later = [k for k in order[position + 1:] if k != item]
        rest = [k for k in order if k != item]
        return (later or rest)[0] if later or rest else None


def settle_queue(diff: pd.DataFrame) -> SettleQueue:
    """The queue of `disagreements(...)`: every (respondent_id, vraag_nr), and those with vastgesteld empty."""
    items = [(str(r), int(v)) for r, v in zip(diff["respondent_id"], diff["vraag_nr"], strict=True)]
    unsettled = [k for k, settled in zip(items, diff["vastgesteld"] != "", strict=True) if not settled]
    return SettleQueue(items=items, unsettled=unsettled)
