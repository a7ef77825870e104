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
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from metrics.filters import Filter

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
    exposure: Sequence[float] | None = None,
    draws: int = BOOTSTRAP_TREKKINGEN,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, tuple[float, float]]:
    """95% parametric Poisson bootstrap interval (low, high) of wdq, success, buffer and tne.

    With `exposure` (six values, same order) the figures are computed on rates: each drawn count is divided by its
    fixed exposure (e.g. violations per visit); an exposure of zero makes the rate undefined and the draw unusable.

    Draws with a control count of zero are left out; an interval needs at least 95% usable draws, otherwise it is
    (NaN, NaN). The WDQ's interval is (NaN, NaN) unless the success interval lies entirely below zero.
    """
    rng = np.random.default_rng(seed)
    counts = np.array([r_before, r_after, d_before, d_after, c_before, c_after], dtype=float)
    x = rng.poisson(counts, size=(draws, 6)).astype(float)
    if exposure is not None:
        expo = np.array(exposure, dtype=float)
        x = np.divide(x, expo, out=np.full_like(x, np.nan), where=expo > 0)
    rb, ra, db, da, cb, ca = x.T
    ok = (cb > 0) & (ca > 0) & ~np.isnan(x).any(axis=1)
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


# ---------------------------------------------------------------------------------------------------- area measure

MATEN: dict[str, str] = {
    "signalen": "Signalen",
    "overtredingen per bezoek": "Overtredingen per bezoek",
    "personen illegale huisvesting": "Personen in illegale huisvesting",
}
"""The measures of the area measure, with their Dutch names."""
HUISVESTING_CATEGORIEEN = (
    "overbewoning",
    "strijdig gebruik bestemmingsplan",
    "illegale bewoning recreatiewoning",
    "illegale bewoning bedrijfspand",
    "illegale kamerverhuur",
    "verhuur zonder vergunning",
    "woningsplitsing zonder vergunning",
    "strijdig gebruik woonwagenstandplaats",
)
"""Violations that make a visited address illegal housing (codes of etl/reference/bevindingcategorieen.csv)."""
VENSTER_DAGEN = 180
"""Default length of the before and of the after window, days."""
PER_INWONERS = 10_000
"""Count measures are compared per this many inhabitants (dim_gemeente.inwoners, CBS 2023)."""


def gebeurtenissen(con: duckdb.DuckDBPyConnection, maat: str, teams: Sequence[str] = ()) -> pd.DataFrame:
    """One row per event of a measure: datum, team, gemeente_code, teller (events), noemer (exposure).

    - signalen: fct_signaal, one row per signal (teller 1, noemer 0), date of receipt.
    - overtredingen per bezoek: fct_bezoek, one row per visit: teller = its violations (fct_overtreding), noemer 1;
      date of the control evening.
    - personen illegale huisvesting: fct_bezoek, one row per visit with at least one violation of
      HUISVESTING_CATEGORIEEN: teller = persons found there (aantal_personen), noemer 0.
    """
    team_cond = f"team IN ({', '.join('?' for _ in teams)})" if teams else "TRUE"
    if maat == "signalen":
        sql = f"SELECT datum, team, gemeente_code, 1 AS teller, 0 AS noemer FROM fct_signaal WHERE {team_cond}"
    elif maat == "overtredingen per bezoek":
        sql = f"""SELECT b.datum, b.team, b.gemeente_code,
                         (SELECT count(*) FROM fct_overtreding o WHERE o.bezoek_id = b.bezoek_id) AS teller,
                         1 AS noemer
                  FROM fct_bezoek b WHERE {team_cond}"""
    elif maat == "personen illegale huisvesting":
        cats = ", ".join(f"'{c}'" for c in HUISVESTING_CATEGORIEEN)
        sql = f"""SELECT b.datum, b.team, b.gemeente_code, b.aantal_personen AS teller, 0 AS noemer
                  FROM fct_bezoek b
                  WHERE {team_cond} AND EXISTS (SELECT 1 FROM fct_overtreding o
                                                 WHERE o.bezoek_id = b.bezoek_id AND o.categorie IN ({cats}))"""
    else:
        raise KeyError(f"onbekende maat {maat!r}; kies uit: {', '.join(MATEN)}")
    out = con.execute(sql, list(teams)).df()
    out["datum"] = pd.to_datetime(out["datum"]).dt.date
    return out


def gebieden(con: duckdb.DuckDBPyConnection, gemeente_code: str, team: str) -> dict[str, tuple[str, ...]]:
    """Treatment, buffer and control of an intervention in `gemeente_code` by `team` (CBS codes, sorted).

    behandeling = the municipality; buffer = its neighbours (dim_grens) inside the team's region (dim_team.regio =
    dim_gemeente.regio; neighbours outside it have no data of the team); controle = the rest of the team's region.
    """
    regio = [r[0] for r in con.execute(
        "SELECT g.code FROM dim_gemeente g JOIN dim_team t ON t.regio = g.regio WHERE t.code = ? ORDER BY g.code",
        [team]).fetchall()]
    buren = {r[0] for r in con.execute(
        "SELECT code_b FROM dim_grens WHERE code_a = ? UNION SELECT code_a FROM dim_grens WHERE code_b = ?",
        [gemeente_code, gemeente_code]).fetchall()}
    buffer = tuple(c for c in regio if c in buren and c != gemeente_code)
    controle = tuple(c for c in regio if c not in buren and c != gemeente_code)
    return {"behandeling": (gemeente_code,), "buffer": buffer, "controle": controle}


def vensters(start: date, periode_start: date, periode_eind: date, dagen: int = VENSTER_DAGEN
             ) -> tuple[date, date, date, date]:
    """(voor_van, voor_tot, na_van, na_tot), all inclusive: two windows of equal length around `start`.

    The length is `dagen`, shortened so that both windows lie inside the team's period (dim_team): the after window
    starts on the start date, the before window ends the day before.
    """
    lengte = max(0, min(dagen, (start - periode_start).days, (periode_eind - start).days + 1))
    return (start - timedelta(days=lengte), start - timedelta(days=1), start,
            start + timedelta(days=lengte - 1))


def _som(ev: pd.DataFrame, codes: Sequence[str], van: date, tot: date) -> tuple[float, float]:
    sel = ev[ev["gemeente_code"].isin(codes) & (ev["datum"] >= van) & (ev["datum"] <= tot)]
    return float(sel["teller"].sum()), float(sel["noemer"].sum())


def interventie_effecten(con: duckdb.DuckDBPyConnection, f: Filter, maat: str = "signalen",
                         dagen: int = VENSTER_DAGEN) -> pd.DataFrame:
    """Per intervention (fct_interventie) in the filter: the area measure, WDQ, WDD, intervals and reading.

    An intervention is in the filter when its team and municipality are and its start date lies in the period.
    Areas: `gebieden`; windows: `vensters`; events: `gebeurtenissen` of the team of the intervention.
    Counts: r_/d_/c_ voor/na = events (teller) in treatment, buffer and control per window; for "overtredingen
    per bezoek" also the visits (rn_/dn_/cn_ voor/na) and the WDQ is computed on violations per visit.
    WDD: count measures per PER_INWONERS inhabitants (weights = inhabitants / PER_INWONERS per area); violations per
    visit with the visits as weights (Wheeler's weighted WDD). wdd_lokaal = treatment against control,
    wdd_verplaatsing = buffer against control, wdd = both together (the one control counted once with twice the
    weight, so its variance is counted correctly). lezing: `lees` with `te_weinig` on the event counts.
    """
    cond, params = f.sql("i", date_col="datum_start")
    iv = con.execute(
        f"""SELECT i.interventie_id, i.team, i.gemeente_code, i.gemeente, i.datum_start, i.datum_eind, i.thema_naam,
                   i.omschrijving, t.periode_start, t.periode_eind
            FROM fct_interventie i JOIN dim_team t ON t.code = i.team WHERE {cond}
            ORDER BY i.datum_start, i.interventie_id""", params).fetchall()
    naam = dict(con.execute("SELECT code, naam FROM dim_gemeente").fetchall())
    inwoners = dict(con.execute("SELECT code, inwoners FROM dim_gemeente").fetchall())
    per_bezoek = maat == "overtredingen per bezoek"
    events: dict[str, pd.DataFrame] = {}
    rows = []
    for iid, team, code, gemeente, start, eind, thema, omschrijving, p_start, p_eind in iv:
        if team not in events:
            events[team] = gebeurtenissen(con, maat, (team,))
        ev = events[team]
        areas = gebieden(con, code, team)
        vv, vt, nv, nt = vensters(start, p_start, p_eind, dagen)
        tel: dict[str, float] = {}
        for key, codes in (("r", areas["behandeling"]), ("d", areas["buffer"]), ("c", areas["controle"])):
            tel[f"{key}_voor"], tel[f"{key}n_voor"] = _som(ev, codes, vv, vt)
            tel[f"{key}_na"], tel[f"{key}n_na"] = _som(ev, codes, nv, nt)
        counts = [tel[k] for k in ("r_voor", "r_na", "d_voor", "d_na", "c_voor", "c_na")]
        if per_bezoek:
            expo = [tel[k] for k in ("rn_voor", "rn_na", "dn_voor", "dn_na", "cn_voor", "cn_na")]
        else:
            size = {k: sum(inwoners[c] for c in areas[a]) / PER_INWONERS
                    for k, a in (("r", "behandeling"), ("d", "buffer"), ("c", "controle"))}
            expo = [size["r"], size["r"], size["d"], size["d"], size["c"], size["c"]]
        rates = [x / e if e else math.nan for x, e in zip(counts, expo, strict=True)]
        q = wdq(*(rates if per_bezoek else counts))
        qi = wdq_interval(*counts, exposure=expo if per_bezoek else None)
        if per_bezoek:
            q["tne"], qi["tne"] = math.nan, (math.nan, math.nan)
        rb, ra, db, da, cb, ca = counts
        erb, era, edb, eda, ecb, eca = (e if e else 1.0 for e in expo)
        lokaal = wdd(rb, ra, cb, ca, 0, 0, 0, 0, weights=(erb, era, ecb, eca, 1, 1, 1, 1))
        verpl = wdd(0, 0, 0, 0, db, da, cb, ca, weights=(1, 1, 1, 1, edb, eda, ecb, eca))
        totaal = wdd(rb, ra, cb, ca, db, da, 0, 0, weights=(erb, era, ecb / 2, eca / 2, edb, eda, 1, 1))
        if not areas["buffer"]:
            verpl = {k: math.nan for k in verpl}
        klein = te_weinig(*counts) or not areas["buffer"] or not areas["controle"] or (per_bezoek and 0 in expo)
        rows.append({
            "interventie_id": iid, "team": team, "gemeente_code": code, "gemeente": gemeente, "thema": thema,
            "omschrijving": omschrijving, "datum_start": start, "datum_eind": eind,
            "buffer": ", ".join(naam[c] for c in areas["buffer"]),
            "controle": ", ".join(naam[c] for c in areas["controle"]),
            "voor_van": vv, "voor_tot": vt, "na_van": nv, "na_tot": nt, "venster_dagen": (nt - nv).days + 1,
            **{k: v for k, v in tel.items() if per_bezoek or "n_" not in k},
            "wdq": q["wdq"], "wdq_laag": qi["wdq"][0], "wdq_hoog": qi["wdq"][1],
            "succes": q["success"], "succes_laag": qi["success"][0], "succes_hoog": qi["success"][1],
            "buffermaat": q["buffer"], "buffermaat_laag": qi["buffer"][0], "buffermaat_hoog": qi["buffer"][1],
            "tne": q["tne"], "tne_laag": qi["tne"][0], "tne_hoog": qi["tne"][1],
            "wdd": totaal["estimate"], "wdd_se": totaal["se"], "wdd_z": totaal["z"], "wdd_laag": totaal["low"],
            "wdd_hoog": totaal["high"],
            "wdd_lokaal": lokaal["estimate"], "z_lokaal": lokaal["z"],
            "wdd_lokaal_laag": lokaal["low"], "wdd_lokaal_hoog": lokaal["high"],
            "wdd_verplaatsing": verpl["estimate"], "z_verplaatsing": verpl["z"],
            "wdd_verplaatsing_laag": verpl["low"], "wdd_verplaatsing_hoog": verpl["high"],
            "lezing": lees(klein, lokaal["z"], verpl["z"]),
        })
    return pd.DataFrame(rows)


def maat_per_maand(con: duckdb.DuckDBPyConnection, f: Filter, maat: str = "signalen") -> pd.DataFrame:
    """The measure per municipality and calendar month, for the chart around each intervention.

    Columns: maand (first day), gemeente_code, gemeente, teller (events), noemer (visits for "overtredingen per
    bezoek", else 0), waarde (teller / noemer for violations per visit, else teller). Teams and period from `f`;
    municipalities are not cut (the page shows treatment, buffer and control together).
    """
    ev = gebeurtenissen(con, maat, f.teams)
    if f.start is not None:
        ev = ev[ev["datum"] >= f.start]
    if f.end is not None:
        ev = ev[ev["datum"] <= f.end]
    ev = ev.assign(maand=[d.replace(day=1) for d in ev["datum"]])
    out = ev.groupby(["maand", "gemeente_code"], as_index=False)[["teller", "noemer"]].sum()
    naam = dict(con.execute("SELECT code, naam FROM dim_gemeente").fetchall())
    out["gemeente"] = out["gemeente_code"].map(naam)
    if maat == "overtredingen per bezoek":
        out["waarde"] = out["teller"] / out["noemer"].where(out["noemer"] > 0)
    else:
        out["waarde"] = out["teller"].astype(float)
    return out.sort_values(["maand", "gemeente"]).reset_index(drop=True)


# -------------------------------------------------------------------------------------------------- entity measure

ENTITEITEN: dict[str, str] = {
    "eigenaar": "Eigenaren / verhuurders",
    "uitzendbureau": "Uitzendbureaus",
    "persoon": "Personen",
}
"""The entities followed across municipalities, with their Dutch names."""
BINNEN = "binnen het teamgebied"
BUREN_BUITEN = "naar buurgemeente buiten het team"
ELDERS = "elders"


_BRON = {"eigenaar": ("fct_bezoek", "eigenaar_pseudoniem"), "uitzendbureau": ("fct_persoon", "uitzendbureau"),
         "persoon": ("fct_persoon", "naam_pseudoniem")}


def _bron(entiteit: str) -> tuple[str, str]:
    if entiteit not in _BRON:
        raise KeyError(f"onbekende entiteit {entiteit!r}; kies uit: {', '.join(ENTITEITEN)}")
    return _BRON[entiteit]


def waarnemingen(con: duckdb.DuckDBPyConnection, entiteit: str, teams: Sequence[str] = ()) -> pd.DataFrame:
    """Every sighting of an entity at a controlled address: entiteit_id, datum, team, gemeente_code.

    eigenaar: fct_bezoek.eigenaar_pseudoniem (a landlord at a visited address); uitzendbureau:
    fct_persoon.uitzendbureau (the agency of a person found); persoon: fct_persoon.naam_pseudoniem. One row per
    entity, day and municipality (several rows of one evening count once).
    """
    table, column = _bron(entiteit)
    team_cond = f"team IN ({', '.join('?' for _ in teams)})" if teams else "TRUE"
    out = con.execute(
        f"""SELECT DISTINCT {column} AS entiteit_id, datum, team, gemeente_code FROM {table}
            WHERE {column} IS NOT NULL AND {team_cond} ORDER BY entiteit_id, datum, gemeente_code""",
        list(teams)).df()
    out["datum"] = pd.to_datetime(out["datum"]).dt.date
    return out


def verplaatsingen(con: duckdb.DuckDBPyConnection, f: Filter, entiteit: str = "persoon") -> pd.DataFrame:
    """One row per move: an entity seen in one municipality and at its next sighting in another.

    Columns: entiteit_id, team, van_code, van, naar_code, naar, datum_van (last sighting in `van`), datum_naar
    (first sighting in `naar`), dagen (time lag), soort: BINNEN (both in the region of the team of the first
    sighting), BUREN_BUITEN (`naar` outside that region and bordering it, dim_grens) or ELDERS. A move belongs to
    the filter when its team (first sighting) is in it, `van` or `naar` is among the chosen municipalities and
    datum_naar lies in the period. The sightings (`waarnemingen`) of an entity follow each other by date, then
    municipality code, then team; one set-based query (window `lag`), so its cost grows with the sightings, not
    with a Python loop over them.
    """
    sql, params = _verplaatsingen_sql(f, entiteit)
    out = con.execute(f"SELECT * FROM ({sql}) ORDER BY entiteit_id, datum_naar, naar_code, team", params).df()
    for col in ("datum_van", "datum_naar"):
        out[col] = pd.to_datetime(out[col]).dt.date
    return out


def _verplaatsingen_sql(f: Filter, entiteit: str) -> tuple[str, list[object]]:
    """The query of `verplaatsingen` (unordered) and its parameters."""
    table, column = _bron(entiteit)
    cond: list[str] = []
    params: list[object] = []
    if f.teams:
        cond.append(f"s.team IN ({', '.join('?' for _ in f.teams)})")
        params += list(f.teams)
    if f.gemeenten:
        lijst = ", ".join("?" for _ in f.gemeenten)
        cond.append(f"(s.van_code IN ({lijst}) OR s.naar_code IN ({lijst}))")
        params += [*f.gemeenten, *f.gemeenten]
    if f.start is not None:
        cond.append("s.datum_naar >= ?")
        params.append(f.start)
    if f.end is not None:
        cond.append("s.datum_naar <= ?")
        params.append(f.end)
    return (
        f"""WITH w AS (SELECT DISTINCT {column} AS entiteit_id, datum, team, gemeente_code FROM {table}
                       WHERE {column} IS NOT NULL),
            r AS (SELECT entiteit_id, datum AS datum_naar, gemeente_code AS naar_code,
                         lag(team) OVER o AS team, lag(gemeente_code) OVER o AS van_code, lag(datum) OVER o AS datum_van
                  FROM w WINDOW o AS (PARTITION BY entiteit_id ORDER BY datum, gemeente_code, team)),
            s AS (SELECT * FROM r WHERE van_code IS NOT NULL AND van_code <> naar_code),
            leden AS (SELECT t.code AS team, g.code FROM dim_team t JOIN dim_gemeente g ON g.regio = t.regio),
            buren AS (SELECT code_a AS a, code_b AS b FROM dim_grens UNION SELECT code_b, code_a FROM dim_grens),
            soorten AS (SELECT team, code AS naar_code, ? AS soort FROM leden
                        UNION ALL
                        SELECT DISTINCT l.team, b.b, ? FROM leden l JOIN buren b ON b.a = l.code
                        WHERE NOT EXISTS (SELECT 1 FROM leden l2 WHERE l2.team = l.team AND l2.code = b.b))
        SELECT s.entiteit_id, s.team, s.van_code, coalesce(gv.naam, s.van_code) AS van, s.naar_code,
               coalesce(gn.naam, s.naar_code) AS naar, s.datum_van, s.datum_naar,
               (s.datum_naar - s.datum_van)::BIGINT AS dagen, coalesce(k.soort, ?) AS soort
        FROM s
        LEFT JOIN soorten k ON k.team = s.team AND k.naar_code = s.naar_code
        LEFT JOIN dim_gemeente gv ON gv.code = s.van_code
        LEFT JOIN dim_gemeente gn ON gn.code = s.naar_code
        WHERE {" AND ".join(cond) or "TRUE"}""",
        [BINNEN, BUREN_BUITEN, ELDERS, *params])


def stromen(con: duckdb.DuckDBPyConnection, f: Filter, entiteit: str = "persoon") -> pd.DataFrame:
    """Moves (`verplaatsingen`) summed per pair of municipalities: van, naar, soort, aantal (moves), entiteiten
    (distinct entities), mediaan_dagen and max_dagen (time lag); the most frequent pair first."""
    sql, params = _verplaatsingen_sql(f, entiteit)
    return con.execute(
        f"""SELECT van_code, van, naar_code, naar, soort, count(*) AS aantal,
                   count(DISTINCT entiteit_id) AS entiteiten, median(dagen)::DOUBLE AS mediaan_dagen,
                   max(dagen) AS max_dagen
            FROM ({sql}) GROUP BY ALL ORDER BY aantal DESC, van, naar, van_code, naar_code, soort""", params).df()


def stromen_rond_interventies(con: duckdb.DuckDBPyConnection, f: Filter, entiteit: str = "persoon",
                              dagen: int = VENSTER_DAGEN) -> pd.DataFrame:
    """Per intervention in the filter and destination: moves out of its municipality before and after its start.

    A move out of the treatment municipality counts in the before window when its arrival date (datum_naar) lies in
    the before window of `vensters`, in the after window likewise. Columns: interventie_id, gemeente, naar_code,
    naar, soort, voor, na (moves), mediaan_dagen_na (time lag of the moves after); per intervention (by start
    date) the destinations in alphabetical order. Destinations with no move in either window are left out.
    """
    cond, params = f.sql("i", date_col="datum_start")
    iv = con.execute(
        f"""SELECT i.interventie_id, i.team, i.gemeente_code, i.gemeente, i.datum_start, t.periode_start,
                   t.periode_eind
            FROM fct_interventie i JOIN dim_team t ON t.code = i.team WHERE {cond}
            ORDER BY i.datum_start, i.interventie_id""", params).fetchall()
    # only the moves that can count: of the interventions' teams, out of their municipalities
    moves = verplaatsingen(con, Filter(teams=tuple(sorted({r[1] for r in iv})),
                                       gemeenten=tuple(sorted({r[2] for r in iv}))), entiteit) if iv else None
    rows = []
    for iid, team, code, gemeente, start, p_start, p_eind in iv:
        vv, vt, nv, nt = vensters(start, p_start, p_eind, dagen)
        out = moves[(moves["van_code"] == code) & (moves["team"] == team)]
        for (naar, naar_code, soort), g in out.groupby(["naar", "naar_code", "soort"]):
            voor = g[(g["datum_naar"] >= vv) & (g["datum_naar"] <= vt)]
            na = g[(g["datum_naar"] >= nv) & (g["datum_naar"] <= nt)]
            if len(voor) or len(na):
                rows.append({"interventie_id": iid, "gemeente": gemeente, "naar_code": naar_code, "naar": naar,
                             "soort": soort, "voor": len(voor), "na": len(na),
                             "mediaan_dagen_na": float(na["dagen"].median()) if len(na) else math.nan})
    cols = ["interventie_id", "gemeente", "naar_code", "naar", "soort", "voor", "na", "mediaan_dagen_na"]
    return pd.DataFrame(rows, columns=cols)


# ------------------------------------------------------------------------------------------------------ for the page

ROL_BEHANDELING = "gemeente van de interventie"
ROL_BUFFER = "buurgemeente (buffer)"
ROL_CONTROLE = "rest van de regio (controle)"
ROL_BUITEN = "buiten het teamgebied"


def gemeenten_kaart(con: duckdb.DuckDBPyConnection, interventie_id: str | None = None) -> pd.DataFrame:
    """Every municipality of etl/reference with its flat-plane position, for a map without a base map.

    Columns: code, naam, regio, x_km, y_km (dim_gemeente), inwoners, grenst_aan_belgie, rol: for the intervention
    `interventie_id` (fct_interventie) its treatment, buffer and control (`gebieden`) and ROL_BUITEN for the rest;
    without an intervention every municipality is ROL_BUITEN.
    """
    out = con.execute("SELECT code, naam, regio, x_km, y_km, inwoners, grenst_aan_belgie FROM dim_gemeente "
                      "ORDER BY naam").df()
    out["rol"] = ROL_BUITEN
    if interventie_id is not None:
        row = con.execute("SELECT gemeente_code, team FROM fct_interventie WHERE interventie_id = ?",
                          [interventie_id]).fetchone()
        if row is not None:
            areas = gebieden(con, row[0], row[1])
            for key, rol in (("behandeling", ROL_BEHANDELING), ("buffer", ROL_BUFFER), ("controle", ROL_CONTROLE)):
                out.loc[out["code"].isin(areas[key]), "rol"] = rol
    return out


def maat_rond_interventie(con: duckdb.DuckDBPyConnection, interventie_id: str, maat: str = "signalen",
                          dagen: int = VENSTER_DAGEN) -> pd.DataFrame:
    """The measure per month in treatment, buffer and control around one intervention (before and after windows).

    Columns: maand (first day), rol (ROL_BEHANDELING, ROL_BUFFER, ROL_CONTROLE), teller, noemer, waarde: events per
    PER_INWONERS inhabitants of the area for count measures, violations per visit for "overtredingen per bezoek".
    Months from the first month of the before window to the last of the after window (`vensters`); months without
    events count 0.
    """
    row = con.execute(
        """SELECT i.gemeente_code, i.team, i.datum_start, t.periode_start, t.periode_eind
           FROM fct_interventie i JOIN dim_team t ON t.code = i.team WHERE i.interventie_id = ?""",
        [interventie_id]).fetchone()
    cols = ["maand", "rol", "teller", "noemer", "waarde"]
    if row is None:
        return pd.DataFrame(columns=cols)
    code, team, start, p_start, p_eind = row
    vv, _, _, nt = vensters(start, p_start, p_eind, dagen)
    ev = gebeurtenissen(con, maat, (team,))
    ev = ev[(ev["datum"] >= vv) & (ev["datum"] <= nt)]
    areas = gebieden(con, code, team)
    inwoners = dict(con.execute("SELECT code, inwoners FROM dim_gemeente").fetchall())
    months = pd.date_range(vv.replace(day=1), nt.replace(day=1), freq="MS").date
    rows = []
    for key, rol in (("behandeling", ROL_BEHANDELING), ("buffer", ROL_BUFFER), ("controle", ROL_CONTROLE)):
        sel = ev[ev["gemeente_code"].isin(areas[key])]
        per = sel.assign(maand=[d.replace(day=1) for d in sel["datum"]]).groupby("maand")[["teller", "noemer"]].sum()
        size = sum(inwoners[c] for c in areas[key]) / PER_INWONERS
        for m in months:
            teller = float(per["teller"].get(m, 0.0))
            noemer = float(per["noemer"].get(m, 0.0))
            if maat == "overtredingen per bezoek":
                waarde = teller / noemer if noemer else math.nan
            else:
                waarde = teller / size if size else math.nan
            rows.append({"maand": m, "rol": rol, "teller": teller, "noemer": noemer, "waarde": waarde})
    return pd.DataFrame(rows, columns=cols)
