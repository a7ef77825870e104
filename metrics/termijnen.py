"""Closure against deadlines, as of a report date: on-time rate, closure rate, overdue now, and capacity.

The HAM/KIT evaluation (§6.2.1 question 8, "wie wat nou precies oppakt en wanneer"; §7.2 knelpunt 1) and the
PIT evaluation (capacity for follow-up) ask whether steps are closed in time and who carries the open work.
Sources: fct_opvolging (one row per step, with its control evening, organisation and violation category) and
fct_overtreding (every violation, also those without a step). The state of a step on the report date follows
metrics/peildatum.py: open on the date unless closed on or before it, also when closed later.

A step belongs to the selection when its control evening (the violation's, or the step's own for a step for a
whole action) matches the Filter, and to the report date when it started on or before it. Steps on findings
that are no violation are left out.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.peildatum import met_peildatum, peildata_sql, status_op, te_laat_op, tot_peildatum

PER = {"gemeente": "gemeente", "organisatie": "organisatie", "categorie": "categorie", "soort": "soort"}
"""The groupings of the deadline table: municipality, responsible organisation, kind of violation, kind of step."""
HELE_ACTIE = "hele actie (geen overtreding)"
"""Category of a step for a whole action (no single violation)."""


def _per(per: str) -> str:
    if per not in PER:
        raise ValueError(f"per must be one of {', '.join(PER)}, not {per!r}")
    return per


def stappen_op_peildatum(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """One row per follow-up step of the selection that started by its team's report date, with its state then.

    Columns: opvolging_id, bevinding_id, team, gemeente, organisatie (display name), categorie (display name of
    the violation's category, HELE_ACTIE for a step without violation), soort, status (as delivered),
    datum_avond, datum_start, deadline, datum_gesloten, resultaat, peildatum (Timestamp), status_op (open |
    afgerond | vervallen on the report date), te_laat (open and past its deadline then), op_tijd (afgerond by the
    report date, on or before its deadline), beoordeelbaar (has a deadline, not vervallen, and either the deadline
    lies before the report date or the step was afgerond by then: whether it was on time is settled).
    """
    g = tot_peildatum(f, peildatum)
    cond, params = g.sql("o", date_col="avond_datum")
    s = con.execute(
        f"""
        SELECT o.opvolging_id, o.bevinding_id, o.team, o.gemeente, coalesce(o.organisatie_naam, o.organisatie)
               AS organisatie, coalesce(o.categorie_naam, o.categorie, '{HELE_ACTIE}') AS categorie, o.soort,
               o.status, o.avond_datum AS datum_avond, o.datum_start, o.deadline, o.datum_gesloten, o.resultaat
        FROM fct_opvolging o
        WHERE o.avond_id IS NOT NULL AND (o.bevinding_id IS NULL OR o.overtreding) AND {cond}
        ORDER BY o.opvolging_id
        """,
        params,
    ).df()
    s = met_peildatum(s, con, g, peildatum)
    s["status_op"] = status_op(s)
    s = s[s["status_op"].notna()].copy()
    s["te_laat"] = te_laat_op(s)
    deadline, gesloten = pd.to_datetime(s["deadline"]), pd.to_datetime(s["datum_gesloten"])
    s["op_tijd"] = (s["status_op"] == "afgerond") & deadline.notna() & (gesloten <= deadline)
    s["beoordeelbaar"] = deadline.notna() & (s["status_op"] != "vervallen") & (
        (deadline < s["peildatum"]) | (s["status_op"] == "afgerond"))
    return s.reset_index(drop=True)


def termijnen(con: duckdb.DuckDBPyConnection, f: Filter, per: str = "gemeente",
              peildatum: date | None = None) -> pd.DataFrame:
    """Closure against deadlines per municipality, organisation, kind of violation or kind of step.

    Per group, on the report date (`peildatum`, else each team's own; see metrics/peildatum.py):
    - stappen: steps started by the report date (the base of the closure rate and of open_nu);
    - afgerond / aandeel_afgerond: steps afgerond on or before the report date, over stappen;
    - beoordeelbaar: steps with a deadline whose timeliness is settled (deadline before the report date, or
      afgerond by then; vervallen steps left out), the base of the on-time rate;
    - op_tijd / aandeel_op_tijd: afgerond on or before the deadline, over beoordeelbaar;
    - open_nu: steps open on the report date (also those closed only later);
    - te_laat_nu / aandeel_te_laat: open on the report date and past their deadline, over stappen;
    - zonder_deadline: steps without a deadline (never overdue, never in the on-time base).
    For per = gemeente or categorie also the violations (every violation of the selection, with or without a
    step): overtredingen, zonder_stap, afgesloten (a step afgerond by the report date) and aandeel_afgesloten =
    afgesloten / overtredingen; a group with violations but no steps appears with zero steps.
    Shares are NaN on an empty base. Columns: <per>, the figures above; ordered by the group's name.
    """
    kolom = _per(per)
    g = tot_peildatum(f, peildatum)
    cond, params = g.sql("o", date_col="avond_datum")
    cond_v, params_v = g.sql("b")
    peil_sql, peil_params = peildata_sql(g, peildatum)
    stappen = f"""
        WITH p AS ({peil_sql})
        SELECT o.bevinding_id, o.gemeente, coalesce(o.organisatie_naam, o.organisatie) AS organisatie,
               coalesce(o.categorie_naam, o.categorie, '{HELE_ACTIE}') AS categorie, o.soort, o.deadline,
               o.datum_gesloten, p.peildatum,
               CASE WHEN o.status = 'afgerond' AND o.datum_gesloten <= p.peildatum THEN 'afgerond'
                    WHEN o.status = 'vervallen' AND (o.datum_gesloten IS NULL OR o.datum_gesloten <= p.peildatum)
                        THEN 'vervallen'
                    ELSE 'open' END AS status_op
        FROM fct_opvolging o JOIN p USING (team)
        WHERE o.avond_id IS NOT NULL AND (o.bevinding_id IS NULL OR o.overtreding) AND {cond}
          AND o.datum_start <= p.peildatum"""
    out = con.execute(
        f"""
        SELECT {kolom}, count(*) AS stappen, count(*) FILTER (WHERE status_op = 'afgerond') AS afgerond,
               count(*) FILTER (WHERE deadline IS NOT NULL AND status_op <> 'vervallen'
                                  AND (deadline < peildatum OR status_op = 'afgerond')) AS beoordeelbaar,
               count(*) FILTER (WHERE status_op = 'afgerond' AND datum_gesloten <= deadline) AS op_tijd,
               count(*) FILTER (WHERE status_op = 'open') AS open_nu,
               count(*) FILTER (WHERE status_op = 'open' AND deadline < peildatum) AS te_laat_nu,
               count(*) FILTER (WHERE deadline IS NULL) AS zonder_deadline
        FROM ({stappen}) WHERE {kolom} IS NOT NULL GROUP BY {kolom}
        """,
        [*peil_params, *params],
    ).df()
    if kolom in ("gemeente", "categorie"):
        v = con.execute(
            f"""
            WITH s AS ({stappen}),
            v AS (
                SELECT b.gemeente, coalesce(b.categorie_naam, b.categorie) AS categorie,
                       b.bevinding_id IN (SELECT bevinding_id FROM s WHERE bevinding_id IS NOT NULL) AS gestart,
                       b.bevinding_id IN (SELECT bevinding_id FROM s WHERE status_op = 'afgerond') AS gesloten
                FROM fct_overtreding b WHERE {cond_v}
            )
            SELECT {kolom}, count(*) AS overtredingen, count(*) FILTER (WHERE NOT gestart) AS zonder_stap,
                   count(*) FILTER (WHERE gesloten) AS afgesloten
            FROM v WHERE {kolom} IS NOT NULL GROUP BY {kolom}
            """,
            [*peil_params, *params, *params_v],
        ).df()
        out = out.merge(v, on=kolom, how="outer")
    tellers = [c for c in out.columns if c != kolom]
    out[tellers] = out[tellers].fillna(0).astype("int64")
    out["aandeel_afgerond"] = _deel(out["afgerond"], out["stappen"])
    out["aandeel_op_tijd"] = _deel(out["op_tijd"], out["beoordeelbaar"])
    out["aandeel_te_laat"] = _deel(out["te_laat_nu"], out["stappen"])
    if "overtredingen" in out.columns:
        out["aandeel_afgesloten"] = _deel(out["afgesloten"], out["overtredingen"])
    return out.sort_values(kolom).reset_index(drop=True)


def _deel(teller: pd.Series, noemer: pd.Series) -> pd.Series:
    """teller / noemer, NaN where the base is 0."""
    return teller / noemer.where(noemer > 0)


def overtredingen_op_peildatum(con: duckdb.DuckDBPyConnection, f: Filter,
                               peildatum: date | None = None) -> pd.DataFrame:
    """Every violation of the selection (evenings up to the report date) and whether it was closed by then.

    Columns: bevinding_id, team, gemeente, categorie (display name), zonder_stap (no follow-up step at all, or
    none started by the report date), afgesloten (a step afgerond on or before the report date), peildatum.
    A violation without any step stays here (not followed up): it is in every denominator.
    """
    g = tot_peildatum(f, peildatum)
    cond, params = g.sql("b")
    v = con.execute(
        f"""
        SELECT b.bevinding_id, b.team, b.gemeente, coalesce(b.categorie_naam, b.categorie) AS categorie
        FROM fct_overtreding b WHERE {cond} ORDER BY b.bevinding_id
        """,
        params,
    ).df()
    v = met_peildatum(v, con, g, peildatum)
    s = stappen_op_peildatum(con, f, peildatum)
    s = s[s["bevinding_id"].notna()]
    gestart = set(s["bevinding_id"])
    gesloten = set(s.loc[s["status_op"] == "afgerond", "bevinding_id"])
    v["zonder_stap"] = ~v["bevinding_id"].isin(gestart)
    v["afgesloten"] = v["bevinding_id"].isin(gesloten)
    return v


def open_stappen_per_maand(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Capacity: steps open per responsible organisation at the end of each month, up to the report date.

    For every month from the first step's start to the report date's month, per organisation: open_stappen =
    steps open on the last day of that month (the report date itself for its own month; open = started by
    then and not closed by then, also when closed later), te_laat = those of them past their deadline then.
    Counts, no share. With several teams and no date set, each team runs to its own report date.
    Columns: maand (first day, a date), organisatie, open_stappen, te_laat. Months with nothing open for an
    organisation are left out.
    """
    g = tot_peildatum(f, peildatum)
    cond, params = g.sql("o", date_col="avond_datum")
    peil_sql, peil_params = peildata_sql(g, peildatum)
    out = con.execute(
        f"""
        WITH p AS ({peil_sql}),
        s AS (
            SELECT coalesce(o.organisatie_naam, o.organisatie) AS organisatie, o.datum_start, o.deadline,
                   CASE WHEN o.status IN ('afgerond', 'vervallen') THEN o.datum_gesloten END AS gesloten, p.peildatum
            FROM fct_opvolging o JOIN p USING (team)
            WHERE o.avond_id IS NOT NULL AND (o.bevinding_id IS NULL OR o.overtreding) AND {cond}
              AND o.datum_start <= p.peildatum
              AND NOT (o.status = 'vervallen' AND o.datum_gesloten IS NULL)  -- lapsed, unknown when: never open
        ),
        maanden AS (
            SELECT unnest(generate_series(date_trunc('month', min(datum_start)), date_trunc('month', max(peildatum)),
                                          INTERVAL 1 MONTH))::DATE AS maand
            FROM s
        ),
        m AS (
            SELECT maanden.maand, s.organisatie, s.datum_start, s.deadline, s.gesloten,
                   least(s.peildatum, last_day(maanden.maand)) AS peil
            FROM maanden JOIN s ON s.peildatum >= maanden.maand AND s.datum_start <= last_day(maanden.maand)
                                   AND (s.gesloten IS NULL OR s.gesloten > maanden.maand)
        )
        SELECT maand, organisatie, count(*)::BIGINT AS open_stappen,
               count(*) FILTER (WHERE deadline < peil)::BIGINT AS te_laat
        FROM m
        WHERE organisatie IS NOT NULL AND datum_start <= peil AND (gesloten IS NULL OR gesloten > peil)
        GROUP BY maand, organisatie
        ORDER BY maand, organisatie
        """,
        [*peil_params, *params],
    ).df()
    out["maand"] = pd.to_datetime(out["maand"]).dt.date
    return out.astype({"open_stappen": "int64", "te_laat": "int64"})
