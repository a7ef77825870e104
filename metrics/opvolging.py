"""Follow-up of violations (Opvolging page, for the steering group).

The HAM/KIT evaluation names the lack of follow-up as its biggest bottleneck (§6.2.1 question 8, §7.2
knelpunt 1), "met name bij de gemeente Bladel, Oirschot, Eersel en Reusel-De Mierden (de B.O.E.R.-gemeenten)";
the PIT evaluation names capacity for follow-up as its main concern. Sources: fct_bevinding (overtreding = TRUE),
fct_opvolging (one row per follow-up step), fct_controleavond, dim_gemeente, dim_partner (etl/warehouse.sql).

Conventions used by every function here:
- A violation belongs to the selection when its control evening matches the Filter (team, municipality, date of
  the evening). A violation without any follow-up step stays in every denominator.
- A step belongs to the selection when its violation does, or, for a step without a violation (a step for a
  whole action, e.g. a press release), when its control evening does.
- The reference date (peildatum, metrics/peildatum.py): the date the user sets (`peildatum`), else per team the
  end of the team's data period (its last date, or the filter's end date when that comes earlier). Evenings after
  it are left out. Time to closure is measured "as of" it: a violation whose first completed step closed after
  it, or that has no completed step, is censored at it. Overdue steps are counted on it: open on it (not closed
  on or before it, also when closed later) and past their deadline.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from metrics.doorlooptijd import KWANTIEL_KOLOMMEN, kaplan_meier, kwantielen
from metrics.filters import Filter
from metrics.format import team_label_kort
from metrics.peildatum import peildata, peildata_sql, te_laat_sql, tot_peildatum
from metrics.pilot import BOER

BOER_GROEP = "B.O.E.R.-gemeenten"
"""Group name of Bladel, Oirschot, Eersel and Reusel-De Mierden."""
OVERIG_KEMPEN = "Overige Kempengemeenten"
"""Group name of the other municipalities of the Kempen region."""
GROEP_VOLGORDE = [BOER_GROEP, OVERIG_KEMPEN, "Buurgemeenten Kempen", "Peelland"]
"""Display order of the groups."""
SOORTEN = ("handhaving", "informatiebrief eigenaar", "persbericht", "partners informeren", "hercontrole")
"""The kinds of follow-up step the domain names (etl.contract.OPVOLGING_SOORTEN without "overig")."""
STATUSSEN = ("open", "lopend", "afgerond", "vervallen")
"""Statuses of a step, in the order of its life."""


def _overtredingen_sql(f: Filter, peildatum: date | None = None) -> tuple[str, list[object]]:
    """The violations of the selection as one query (`sql`, `params`), one row each; aggregated in SQL by the
    figures below so that no row per violation leaves the database.

    Columns: bevinding_id, team, gemeente_code, gemeente, groep, datum (control evening), stappen (follow-up
    steps of any kind and status), opgevolgd (fct_overtreding: at least one step; with `peildatum`: at least one
    step started on or before it), eerste_afgerond (earliest datum_gesloten of a step with status afgerond; NULL
    when none), peildatum (the team's reference date, `metrics.peildatum.peildata`), afgesloten (eerste_afgerond
    on or before peildatum), dagen (days from the evening to eerste_afgerond when afgesloten, else to peildatum:
    censored). groep: B.O.E.R.-gemeenten, Overige Kempengemeenten, Buurgemeenten Kempen or the region.
    """
    cond, params = f.sql("b")
    peil_sql, peil_params = peildata_sql(f, peildatum)
    sql = f"""
        WITH v AS (
            SELECT b.bevinding_id, b.team, b.gemeente_code, b.gemeente, b.datum, b.opgevolgd, g.regio
            FROM fct_overtreding b LEFT JOIN dim_gemeente g ON g.code = b.gemeente_code
            WHERE {cond}
        ),
        s AS (
            SELECT o.bevinding_id, count(*) AS stappen,
                   min(o.datum_gesloten) FILTER (WHERE o.status = 'afgerond') AS eerste_afgerond,
                   min(o.datum_start) AS eerste_start
            FROM fct_opvolging o WHERE o.bevinding_id IN (SELECT bevinding_id FROM v)
            GROUP BY o.bevinding_id
        ),
        p AS ({peil_sql}),
        r AS (
            SELECT v.bevinding_id, v.team, v.gemeente_code, v.gemeente,
                   CASE WHEN list_contains(?, v.gemeente) THEN '{BOER_GROEP}'
                        WHEN v.regio = 'Kempen' THEN '{OVERIG_KEMPEN}'
                        WHEN v.regio = 'Kempen-neighbour' THEN 'Buurgemeenten Kempen'
                        ELSE coalesce(v.regio, 'Onbekend') END AS groep,
                   v.datum, coalesce(s.stappen, 0)::BIGINT AS stappen,
                   CASE WHEN ?::DATE IS NULL THEN v.opgevolgd ELSE coalesce(s.eerste_start <= ?::DATE, FALSE) END
                       AS opgevolgd,
                   s.eerste_afgerond, p.peildatum,
                   coalesce(s.eerste_afgerond <= p.peildatum, FALSE) AS afgesloten
            FROM v LEFT JOIN s USING (bevinding_id) LEFT JOIN p USING (team)
        )
        SELECT *, (CASE WHEN afgesloten THEN eerste_afgerond ELSE peildatum END - datum)::DOUBLE AS dagen FROM r"""
    return sql, [*params, *peil_params, list(BOER), peildatum, peildatum]


def _per_groep_sql(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None, kolommen: list[str]
                   ) -> pd.DataFrame:
    """Counts of `_overtredingen_sql` per `kolommen`: overtredingen, opgevolgd, afgesloten (BIGINT)."""
    sql, params = _overtredingen_sql(f, peildatum)
    groep = ", ".join(kolommen)
    return con.execute(
        f"""SELECT {groep}, count(*)::BIGINT AS overtredingen, count(*) FILTER (WHERE opgevolgd)::BIGINT AS opgevolgd,
                   count(*) FILTER (WHERE afgesloten)::BIGINT AS afgesloten
            FROM ({sql}) GROUP BY {groep} ORDER BY {groep}""",
        params,
    ).df()


def opvolging_per_gemeente(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Share of violations followed up per municipality (and its group).

    - numerator opgevolgd: violations with at least one follow-up step (any kind, any status);
    - denominator overtredingen: all violations of the municipality in the selection, including those without
      any step; aandeel_opgevolgd = opgevolgd / overtredingen.
    Columns: team, gemeente_code, gemeente, groep, overtredingen, opgevolgd, aandeel_opgevolgd; one row per
    team and municipality with violations, ordered by group and share. Source: HAM/KIT evaluation §6.2.1
    question 8 (B.O.E.R.-gemeenten).
    """
    out = _per_groep_sql(con, tot_peildatum(f, peildatum), peildatum, ["team", "gemeente_code", "gemeente", "groep"])
    out = out.drop(columns="afgesloten").astype({"overtredingen": "int64", "opgevolgd": "int64"})
    out["aandeel_opgevolgd"] = out["opgevolgd"] / out["overtredingen"]
    out["_volgorde"] = out["groep"].map({g: i for i, g in enumerate(GROEP_VOLGORDE)}).fillna(len(GROEP_VOLGORDE))
    out = out.sort_values(["team", "_volgorde", "aandeel_opgevolgd", "gemeente"]).drop(columns="_volgorde")
    return out.reset_index(drop=True)


def opvolging_per_gemeente_grafiek(con: duckdb.DuckDBPyConnection, f: Filter,
                                   peildatum: date | None = None) -> pd.DataFrame:
    """`opvolging_per_gemeente` ready for a bar chart: the same rows, with text for the bars and the axis.

    team is the team's display name; label = "<opgevolgd> van <overtredingen>"; gemeente is the municipality's
    name, followed by " (<team>)" when the rows hold more than one team (one bar per team and municipality).
    Columns: those of `opvolging_per_gemeente` plus label.
    """
    out = opvolging_per_gemeente(con, f, peildatum)
    meer_teams = out["team"].nunique() > 1
    out["team"] = out["team"].map(team_label_kort)
    out["label"] = [f"{o} van {n}" for o, n in zip(out["opgevolgd"], out["overtredingen"], strict=True)]
    if meer_teams:
        out["gemeente"] = out["gemeente"] + " (" + out["team"] + ")"
    return out


def opvolging_per_groep(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Followed-up and closed shares per group of municipalities (B.O.E.R.-gemeenten against the others).

    - opgevolgd / overtredingen: violations with at least one step over all violations of the group;
    - afgesloten / overtredingen: violations with a step of status afgerond closed on or before the reference
      date of its team (`peildata`) over all violations of the group.
    Columns: groep, overtredingen, opgevolgd, aandeel_opgevolgd, afgesloten, aandeel_afgesloten. Source: HAM/KIT
    evaluation §6.2.1 question 8, §7.2 knelpunt 1.
    """
    out = _per_groep_sql(con, tot_peildatum(f, peildatum), peildatum, ["groep"])
    out = out.astype({"overtredingen": "int64", "opgevolgd": "int64", "afgesloten": "int64"})
    out["aandeel_opgevolgd"] = out["opgevolgd"] / out["overtredingen"]
    out["aandeel_afgesloten"] = out["afgesloten"] / out["overtredingen"]
    out["_volgorde"] = out["groep"].map({g: i for i, g in enumerate(GROEP_VOLGORDE)}).fillna(len(GROEP_VOLGORDE))
    out = out.sort_values(["_volgorde", "groep"]).drop(columns="_volgorde").reset_index(drop=True)
    return out[["groep", "overtredingen", "opgevolgd", "aandeel_opgevolgd", "afgesloten", "aandeel_afgesloten"]]


def stappen_per_soort(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Number of follow-up steps per kind and status (steps on violations plus steps for a whole action).

    Counts, no share: stappen = steps of that kind with that status in the selection. The five kinds of the
    domain (handhaving, informatiebrief eigenaar, persbericht, partners informeren, hercontrole) always appear,
    with zeros when absent; other kinds only when present. Columns: soort, status, stappen.
    Source: HAM/KIT evaluation §5.11 (flow of a case: opvolging), PIT infographic (hercontroles, persberichten).
    """
    cond, params = f.sql("o", date_col="avond_datum")
    s = con.execute(
        f"""
        SELECT o.soort, o.status, count(*)::BIGINT AS stappen
        FROM fct_opvolging o
        WHERE o.avond_id IS NOT NULL AND (o.bevinding_id IS NULL OR o.overtreding) AND {cond}
        GROUP BY o.soort, o.status
        """,
        params,
    ).df()
    soorten = list(SOORTEN) + sorted(set(s["soort"]) - set(SOORTEN))
    statussen = list(STATUSSEN) + sorted(set(s["status"]) - set(STATUSSEN))
    raster = pd.MultiIndex.from_product([soorten, statussen], names=["soort", "status"])
    telling = s.set_index(["soort", "status"])["stappen"].reindex(raster, fill_value=0)
    return telling.rename("stappen").astype("int64").reset_index()


def _doorlooptijden(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Violations counted per team, group, days, closure and follow-up: days from the control evening to closure
    (event) or to the reference date (censored); opgevolgd as in `_overtredingen_sql`; aantal = violations with
    that team, group, days, closure and follow-up.

    Columns: team, groep, dagen, afgesloten, opgevolgd, aantal. A violation without a completed step on or before
    its team's peildatum (no step, only open/lopend/vervallen steps, or closed later) is censored there, never
    dropped.
    Counted in SQL so that no row per violation leaves the database (`_uitgepakt` gives the per-violation arrays).
    """
    sql, params = _overtredingen_sql(tot_peildatum(f, peildatum), peildatum)
    return con.execute(
        f"""SELECT team, groep, dagen, afgesloten, opgevolgd, count(*)::BIGINT AS aantal FROM ({sql})
            GROUP BY ALL ORDER BY team, groep, dagen, afgesloten, opgevolgd""",
        params,
    ).df()


def _uitgepakt(d: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The days and closures of `_doorlooptijden` rows, one entry per violation (each row `aantal` times)."""
    aantal = d["aantal"].to_numpy(dtype=np.int64)
    return (np.repeat(d["dagen"].to_numpy(dtype=float), aantal),
            np.repeat(d["afgesloten"].to_numpy(dtype=bool), aantal))


def _per_kolom(per: str) -> str:
    """Validate the grouping of the time-to-closure figures ("groep" or "team")."""
    if per not in ("groep", "team"):
        raise ValueError(f"per must be 'groep' or 'team', not {per!r}")
    return per


def tijd_tot_afsluiting(con: duckdb.DuckDBPyConnection, f: Filter, per: str = "groep",
                        peildatum: date | None = None) -> pd.DataFrame:
    """Kaplan-Meier curves of the time to closure of violations, per group of municipalities or per team.

    Time: days from the control evening to the closing date of the violation's first step with status
    afgerond. Violations without such a step by their team's reference date (`peildata`) are censored there (open
    follow-ups are censored, not missing). aandeel_open = estimated share of the violations not yet closed
    after that many days. Columns: <per>, dagen, at_risk, afgesloten, gecensureerd, aandeel_open.
    Source: HAM/KIT evaluation §6.2.1 question 8 ("wie wat nou precies oppakt en wanneer").
    """
    kolom = _per_kolom(per)
    d = _doorlooptijden(con, f, peildatum)
    delen = [kaplan_meier(*_uitgepakt(g)).assign(**{kolom: naam}) for naam, g in d.groupby(kolom)]
    if not delen:
        return pd.DataFrame(columns=[kolom, "dagen", "at_risk", "afgesloten", "gecensureerd", "aandeel_open"])
    out = pd.concat(delen, ignore_index=True)
    return out[[kolom, "dagen", "at_risk", "afgesloten", "gecensureerd", "aandeel_open"]]


def mediaan_tot_afsluiting(con: duckdb.DuckDBPyConnection, f: Filter, per: str | None = "groep",
                           peildatum: date | None = None) -> pd.DataFrame:
    """Median and 90th percentile of days to closure (Kaplan-Meier) with 95% intervals, per group or team.

    Per row (per group, per team, or the whole selection with `per=None`): overtredingen (all violations, the
    base), afgesloten (closed by the reference date), gecensureerd (the others, censored), then the
    `metrics.doorlooptijd.kwantielen` figures: mediaan_dagen (first day at least half is closed; NaN when more
    than half is still open at the end) with mediaan_ondergrens / mediaan_bovengrens (95% Brookmeyer-Crowley,
    cloglog; +inf: not bounded by the data), at_risk_mediaan, p90_dagen (first day at least 90% is closed)
    with p90_ondergrens / p90_bovengrens.
    Columns: <per> (absent for None), overtredingen, afgesloten, gecensureerd, then KWANTIEL_KOLOMMEN.
    """
    d = _doorlooptijden(con, f, peildatum)
    groepen = [(None, d)] if per is None else list(d.groupby(_per_kolom(per)))
    rijen = []
    for naam, g in groepen:
        dagen, afgesloten = _uitgepakt(g)
        rij = {"overtredingen": len(dagen), "afgesloten": int(afgesloten.sum()),
               "gecensureerd": int((~afgesloten).sum()), **kwantielen(dagen, afgesloten)}
        rijen.append(rij if per is None else {per: naam, **rij})
    kolommen = ([] if per is None else [per]) + ["overtredingen", "afgesloten", "gecensureerd", *KWANTIEL_KOLOMMEN]
    out = pd.DataFrame(rijen, columns=kolommen)
    return out.astype({"at_risk_mediaan": "Int64"})


def achterstallige_stappen(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Open steps past their deadline on the reference date, for the steering group (no personal data).

    A step is overdue when it is open on its team's reference date (`peildata`: started by then and not closed
    on or before it, also when it was closed later) and its deadline lies before that date;
    dagen_over_deadline = peildatum - deadline. Steps without a deadline are never overdue. status is the
    delivered status, or "afgerond na de peildatum" for a step closed only after the reference date.
    Columns: team, gemeente, organisatie, soort, status, deadline, dagen_over_deadline, peildatum; longest
    overdue first.
    """
    sql, params = _achterstallig_sql(f, peildatum)
    out = con.execute(
        f"""SELECT team, gemeente, organisatie, soort, status, deadline, dagen_over_deadline, peildatum FROM ({sql})
            ORDER BY dagen_over_deadline DESC, gemeente, soort, opvolging_id""",
        params,
    ).df()
    for kolom in ("deadline", "peildatum"):
        out[kolom] = pd.to_datetime(out[kolom]).dt.date
    return out.astype({"dagen_over_deadline": "int64"})


def _achterstallig_sql(f: Filter, peildatum: date | None) -> tuple[str, list[object]]:
    """The overdue steps of `achterstallige_stappen` as one query (`sql`, `params`), with opvolging_id."""
    f = tot_peildatum(f, peildatum)
    cond, params = f.sql("o", date_col="avond_datum")
    peil_sql, peil_params = peildata_sql(f, peildatum)
    sql = f"""
        WITH p AS ({peil_sql})
        SELECT o.opvolging_id, o.team, o.gemeente, coalesce(o.organisatie_naam, o.organisatie) AS organisatie, o.soort,
               CASE WHEN o.status IN ('afgerond', 'vervallen') THEN 'afgerond na de peildatum' ELSE o.status END
                   AS status,
               o.deadline, (p.peildatum - o.deadline)::BIGINT AS dagen_over_deadline, p.peildatum
        FROM fct_opvolging o JOIN p USING (team)
        WHERE o.avond_id IS NOT NULL AND (o.bevinding_id IS NULL OR o.overtreding) AND {cond}
          AND {te_laat_sql("o", "p.peildatum")}"""
    return sql, [*peil_params, *params]


def _aantal_achterstallig(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None) -> int:
    """The number of rows of `achterstallige_stappen`, counted in SQL."""
    sql, params = _achterstallig_sql(f, peildatum)
    return int(con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def kerncijfers_opvolging(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Headline figures of the follow-up (one row).

    - overtredingen: violations in the selection (the base of both shares);
    - opgevolgd / aandeel_opgevolgd: violations with at least one step, over all violations;
    - afgesloten / aandeel_afgesloten: violations with a completed step closed by their team's reference date
      (`peildata`), over all violations;
    - mediaan_dagen (with mediaan_ondergrens, mediaan_bovengrens), at_risk_mediaan, p90_dagen (with
      p90_ondergrens, p90_bovengrens): Kaplan-Meier median and 90th percentile of the days to closure over the
      whole selection, with 95% intervals (`metrics.doorlooptijd.kwantielen`);
    - stappen_over_deadline: open or lopend steps past their deadline on their team's reference date;
    - peildatum: the latest reference date of the teams (NaN/None without data).
    Shares are NaN when there are no violations.
    """
    d = _doorlooptijden(con, f, peildatum)  # one pass: the counts and the times to closure
    overtredingen = int(d["aantal"].sum())
    opgevolgd = int(d.loc[d["opgevolgd"], "aantal"].sum())
    afgesloten = int(d.loc[d["afgesloten"], "aantal"].sum())
    midden = pd.DataFrame([kwantielen(*_uitgepakt(d))], columns=KWANTIEL_KOLOMMEN).astype({"at_risk_mediaan": "Int64"})
    return pd.DataFrame(
        {
            "overtredingen": [overtredingen],
            "opgevolgd": [opgevolgd],
            "aandeel_opgevolgd": [opgevolgd / overtredingen if overtredingen else float("nan")],
            "afgesloten": [afgesloten],
            "aandeel_afgesloten": [afgesloten / overtredingen if overtredingen else float("nan")],
            **{k: midden[k].to_numpy(dtype=float) for k in KWANTIEL_KOLOMMEN if k != "at_risk_mediaan"},
            "at_risk_mediaan": midden["at_risk_mediaan"].array,
            "stappen_over_deadline": [_aantal_achterstallig(con, f, peildatum)],
            "peildatum": [max(peildata(con, f, peildatum)["peildatum"], default=None)],
        }
    )
