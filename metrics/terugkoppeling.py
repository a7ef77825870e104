"""Feedback per control evening: what became of each finding (Terugkoppeling page).

HAM/KIT evaluation §6.2.1 question 11: 16 of 20 team members never hear what became of what they found; §7.2
knelpunt 6 and aanbeveling 6: share the results back. Sources: fct_controleavond, fct_bevinding, fct_opvolging,
dim_partner (display names). No personal data and no addresses: no person, address or owner pseudonyms, no
visit or finding numbers, no free-text remarks of the finding; only the category, who established it, the
kind of object, the follow-up steps and their result.

A burgemeester may see this operational list only for their own municipality: both functions take `gemeente`
(a CBS code) and return nothing for an evening elsewhere, so the access layer can pass the user's municipality.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.peildatum import peildata, status_op

KOLOMMEN = ["nr", "bevinding", "object_type", "overtreding", "vastgesteld_door", "organisatie", "soort", "status",
            "termijn", "resultaat", "dagen", "peildatum"]
GEEN_STAP = "geen opvolging"
GEEN_OVERTREDING = "geen overtreding"
HELE_AVOND = "hele controleavond"


def avonden(con: duckdb.DuckDBPyConnection, f: Filter, gemeente: str | None = None,
            limiet: int | None = None) -> pd.DataFrame:
    """Control evenings of the selection that had findings, newest first, to choose from.

    `gemeente` (CBS code) limits the list to one municipality (a burgemeester's own); `limiet` to the newest that
    many (a national selection holds hundreds of thousands of evenings). Columns: controleavond_id,
    datum, team, gemeente, thema, bevindingen (findings), overtredingen (of which violations), label (Dutch
    text for the choice: date, municipality, theme, counts).
    """
    cond, params = f.sql("c")
    out = con.execute(
        f"""
        SELECT c.controleavond_id, c.datum, c.team, c.gemeente, c.thema,
               count(b.bevinding_id) AS bevindingen, count(b.bevinding_id) FILTER (WHERE b.overtreding) AS overtredingen
        FROM fct_controleavond c JOIN fct_bevinding b USING (controleavond_id)
        WHERE {cond} AND (?::VARCHAR IS NULL OR c.gemeente_code = ?::VARCHAR)
        GROUP BY ALL ORDER BY c.datum DESC, c.controleavond_id
        LIMIT ?
        """,
        [*params, gemeente, gemeente, limiet],
    ).df()
    out["label"] = [
        f"{pd.Timestamp(d):%d-%m-%Y} · {g} · {t} ({n} {'bevinding' if n == 1 else 'bevindingen'}, {o} "
        f"{'overtreding' if o == 1 else 'overtredingen'})"
        for d, g, t, n, o in zip(out["datum"], out["gemeente"], out["thema"], out["bevindingen"],
                                 out["overtredingen"], strict=True)
    ]
    return out


def terugkoppeling(con: duckdb.DuckDBPyConnection, controleavond_id: str, peildatum: date | None = None,
                   gemeente: str | None = None) -> pd.DataFrame:
    """What became of each finding of one control evening, as of the report date (the answer to question 11).

    One row per follow-up step of each finding, a finding without a step on one row; then the steps for the
    whole evening. nr: the finding's number within the evening (1, 2, ...; empty for the whole evening);
    bevinding: category; object_type; overtreding: ja | nee; vastgesteld_door: the partner that established it;
    organisatie: responsible organisation of the step; soort: kind of step; status on the report date: open,
    afgerond, vervallen, "geen opvolging" (a violation without any step started by then) or "geen overtreding";
    termijn: "op tijd" (afgerond on or before the deadline), "te laat afgerond", "over de deadline" (open and
    past it), "binnen de termijn", "geen deadline" or empty; resultaat: the step's result as registered
    (empty while the step is open on the report date);
    dagen: days from the evening to the step's closing date, or to the report date while it is open.
    The report date is `peildatum`, else the team's own (metrics/peildatum.py). `gemeente` (CBS code): empty
    when the evening is in another municipality. Columns: KOLOMMEN.
    """
    avond = con.execute(
        "SELECT team, datum, gemeente_code FROM fct_controleavond WHERE controleavond_id = ?", [controleavond_id]
    ).fetchone()
    if avond is None or (gemeente is not None and avond[2] != gemeente):
        return pd.DataFrame(columns=KOLOMMEN)
    team, avond_datum, _ = avond
    peil = pd.Timestamp(peildatum if peildatum is not None
                        else peildata(con, Filter(teams=(team,)))["peildatum"].iloc[0])
    rijen = con.execute(
        """
        WITH bev AS (
            SELECT b.bevinding_id, row_number() OVER (ORDER BY b.bezoek_id, b.bevinding_id) AS nr,
                   coalesce(b.categorie_naam, b.categorie) AS bevinding, b.object_type, b.overtreding,
                   coalesce(p.naam, b.partner) AS vastgesteld_door
            FROM fct_bevinding b LEFT JOIN dim_partner p ON p.code = b.partner
            WHERE b.controleavond_id = ?
        )
        SELECT bev.nr, bev.bevinding, bev.object_type, bev.overtreding, bev.vastgesteld_door,
               coalesce(o.organisatie_naam, o.organisatie) AS organisatie, o.soort, o.status, o.datum_start,
               o.deadline, o.datum_gesloten, o.resultaat
        FROM bev LEFT JOIN fct_opvolging o ON o.bevinding_id = bev.bevinding_id
        UNION ALL
        SELECT NULL, ?, NULL, NULL, NULL, coalesce(o.organisatie_naam, o.organisatie), o.soort, o.status,
               o.datum_start, o.deadline, o.datum_gesloten, o.resultaat
        FROM fct_opvolging o WHERE o.bevinding_id IS NULL AND o.controleavond_id = ?
        ORDER BY 1 NULLS LAST, datum_start, soort
        """,
        [controleavond_id, HELE_AVOND, controleavond_id],
    ).df()
    rijen["peildatum"] = peil
    gestart = rijen["status"].notna() & (pd.to_datetime(rijen["datum_start"]) <= peil)
    bevinding_met_stap = set(rijen.loc[gestart & rijen["nr"].notna(), "nr"])
    zonder = rijen["nr"].notna() & ~rijen["nr"].isin(bevinding_met_stap)
    rijen = rijen[gestart | (zonder & ~rijen.duplicated(subset=["nr"]))].copy()
    stap = rijen["status"].notna() & (pd.to_datetime(rijen["datum_start"]) <= peil)
    rijen.loc[~stap, ["organisatie", "soort", "resultaat", "deadline", "datum_gesloten"]] = None
    rijen["status"] = status_op(rijen.assign(status=rijen["status"].fillna("open"))).where(stap)
    rijen.loc[~stap, "status"] = [GEEN_STAP if v else GEEN_OVERTREDING for v in rijen.loc[~stap, "overtreding"]]
    deadline, gesloten = pd.to_datetime(rijen["deadline"]), pd.to_datetime(rijen["datum_gesloten"])
    afgerond, open_ = rijen["status"] == "afgerond", rijen["status"] == "open"
    termijn = pd.Series("", index=rijen.index, dtype=object)
    termijn[stap & deadline.isna()] = "geen deadline"
    termijn[afgerond & (gesloten <= deadline)] = "op tijd"
    termijn[afgerond & (gesloten > deadline)] = "te laat afgerond"
    termijn[open_ & deadline.notna()] = "binnen de termijn"
    termijn[open_ & (deadline < peil)] = "over de deadline"
    rijen["termijn"] = termijn
    rijen.loc[open_, "resultaat"] = None  # a result registered later was not known on the report date
    einde = gesloten.where(afgerond, peil).where(afgerond | open_)
    rijen["dagen"] = (einde - pd.Timestamp(avond_datum)).dt.days.astype("Int64")
    rijen["overtreding"] = rijen["overtreding"].map({True: "ja", False: "nee"})
    rijen["nr"] = rijen["nr"].astype("Int64")
    rijen["peildatum"] = peil.date()
    return rijen[KOLOMMEN].reset_index(drop=True)


def samenvatting(con: duckdb.DuckDBPyConnection, controleavond_id: str, peildatum: date | None = None,
                 gemeente: str | None = None) -> pd.DataFrame:
    """Headline figures of one evening's feedback (one row), counted from `terugkoppeling`.

    bevindingen: findings of the evening; overtredingen: of which violations (the base of the next three);
    opgevolgd: violations with a step started by the report date; afgesloten: violations with a step afgerond
    by then; zonder_opvolging: violations without any step by then (= overtredingen - opgevolgd).
    Columns: bevindingen, overtredingen, opgevolgd, afgesloten, zonder_opvolging, peildatum (None when empty).
    """
    t = terugkoppeling(con, controleavond_id, peildatum, gemeente)
    b = t[t["nr"].notna()]
    v = b[b["overtreding"] == "ja"]
    per_overtreding = v.groupby("nr").agg(opgevolgd=("status", lambda s: (s != GEEN_STAP).any()),
                                          afgesloten=("status", lambda s: (s == "afgerond").any()))
    return pd.DataFrame({
        "bevindingen": [int(b["nr"].nunique())],
        "overtredingen": [int(v["nr"].nunique())],
        "opgevolgd": [int(per_overtreding["opgevolgd"].sum())],
        "afgesloten": [int(per_overtreding["afgesloten"].sum())],
        "zonder_opvolging": [int((~per_overtreding["opgevolgd"]).sum())],
        "peildatum": [t["peildatum"].iloc[0] if len(t) else None],
    })
