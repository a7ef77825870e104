"""The chain from signal to closure: how many signals reach a visit, a violation, a follow-up and a closure.

HAM/KIT evaluation §7.2 knelpunt 4 (too few good addresses), knelpunt 6 and aanbeveling 6 (results are never
shared back at the casustafel). Sources: fct_signaal, fct_bezoek, fct_overtreding, fct_opvolging.

The stages, each counted among the signals that passed the previous one (a funnel):
1. signalen: signals received (signal date in the Filter's period, on or before the report date; the signal's own
   team and municipality);
2. besproken: discussed at a casustafel (a casustafel date on or before the report date);
3. bezocht: visited. The link that counts: a visit at the same address (address pseudonym) on the control
   evening the signal names; a signal that names no evening links to every visit of its team at the same
   address on or after the signal's date. A signal whose evening did not visit its address is not visited;
   a signal without an address cannot be linked. Only visits on or before the report date.
4. overtreding: at least one violation found at a linked visit;
5. opgevolgd: every one of those violations has a follow-up step started on or before the report date;
6. afgesloten: every one of those violations has a step afgerond on or before the report date.
The report date is the one the user sets, else each team's own (metrics/peildatum.py).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.peildatum import met_peildatum

STAPPEN = ("signalen", "besproken", "bezocht", "overtreding", "opgevolgd", "afgesloten")
"""The stages of the chain, in order."""
STAP_NAMEN = {
    "signalen": "Signaal ingebracht",
    "besproken": "Besproken aan de casustafel",
    "bezocht": "Bezocht op een controleavond",
    "overtreding": "Minstens één overtreding",
    "opgevolgd": "Alle overtredingen opgevolgd",
    "afgesloten": "Alle overtredingen afgesloten",
}
"""Dutch name of each stage."""
PER = {"gemeente": "gemeente", "bron": "bron"}
"""Groupings: the signal's municipality, the partner that brought it in."""


def signalen_keten(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """One row per signal of the selection with the stages it reached (see the module docstring).

    Columns: signaal_id, team, gemeente, bron (display name of the source partner), koppeling ("controleavond"
    when the signal names its evening, else "adres"), then one boolean per stage of STAPPEN (nested: a stage is
    only True when the previous one is), overtredingen (violations at the linked visits, also when an earlier
    stage was not passed), peildatum.
    """
    cond, params = f.sql("s")
    rijen = con.execute(
        f"""
        WITH s AS (
            SELECT signaal_id, datum, team, gemeente, bron_partner_naam AS bron, adres_pseudoniem,
                   casustafel_datum, controleavond_id
            FROM fct_signaal s WHERE {cond}
        ),
        bezoek AS (
            SELECT s.signaal_id, b.bezoek_id, b.datum AS bezoek_datum
            FROM s JOIN fct_bezoek b ON b.adres_pseudoniem = s.adres_pseudoniem AND b.team = s.team
            WHERE CASE WHEN s.controleavond_id IS NOT NULL THEN b.controleavond_id = s.controleavond_id
                       ELSE b.datum >= s.datum END
        ),
        v AS (
            SELECT s.signaal_id, s.datum, s.team, s.gemeente, s.bron, s.casustafel_datum,
                   CASE WHEN s.controleavond_id IS NOT NULL THEN 'controleavond' ELSE 'adres' END AS koppeling,
                   bz.bezoek_id, bz.bezoek_datum, o.bevinding_id
            FROM s
            LEFT JOIN bezoek bz USING (signaal_id)
            LEFT JOIN fct_overtreding o ON o.bezoek_id = bz.bezoek_id
        ),
        stap AS (  -- the steps of the selection's violations only, not of every finding in the warehouse
            SELECT bevinding_id, min(datum_start) AS eerste_start,
                   min(datum_gesloten) FILTER (WHERE status = 'afgerond') AS eerste_afgerond
            FROM fct_opvolging WHERE bevinding_id IN (SELECT bevinding_id FROM v) GROUP BY bevinding_id
        )
        SELECT v.*, st.eerste_start, st.eerste_afgerond
        FROM v LEFT JOIN stap st ON st.bevinding_id = v.bevinding_id
        ORDER BY v.signaal_id
        """,
        params,
    ).df()
    kolommen = ["signaal_id", "team", "gemeente", "bron", "koppeling", *STAPPEN, "overtredingen", "peildatum"]
    if rijen.empty:
        return pd.DataFrame(columns=kolommen)
    r = met_peildatum(rijen, con, Filter(teams=f.teams), peildatum)
    r = r[pd.to_datetime(r["datum"]) <= r["peildatum"]].copy()
    bezocht = pd.to_datetime(r["bezoek_datum"]) <= r["peildatum"]
    r["_bezoek"] = bezocht
    r["_overtreding"] = bezocht & r["bevinding_id"].notna()
    r["_opgevolgd"] = pd.to_datetime(r["eerste_start"]) <= r["peildatum"]
    r["_afgesloten"] = pd.to_datetime(r["eerste_afgerond"]) <= r["peildatum"]
    r["_tafel"] = pd.to_datetime(r["casustafel_datum"]) <= r["peildatum"]
    telling = r.assign(
        _niet_opgevolgd=r["_overtreding"] & ~r["_opgevolgd"],
        _niet_afgesloten=r["_overtreding"] & ~r["_afgesloten"],
        _bevinding=r["bevinding_id"].where(r["_overtreding"]),
    ).groupby(["signaal_id", "team", "gemeente", "bron", "koppeling", "peildatum"], as_index=False).agg(
        besproken=("_tafel", "any"), bezocht=("_bezoek", "any"), overtredingen=("_bevinding", "nunique"),
        niet_opgevolgd=("_niet_opgevolgd", "any"), niet_afgesloten=("_niet_afgesloten", "any"),
    )
    telling["signalen"] = True
    telling["bezocht"] &= telling["besproken"]
    telling["overtreding"] = telling["bezocht"] & (telling["overtredingen"] > 0)
    telling["opgevolgd"] = telling["overtreding"] & ~telling["niet_opgevolgd"]
    telling["afgesloten"] = telling["opgevolgd"] & ~telling["niet_afgesloten"]
    telling["overtredingen"] = telling["overtredingen"].astype("int64")
    telling["peildatum"] = telling["peildatum"].dt.date
    return telling[kolommen].reset_index(drop=True)


def keten(con: duckdb.DuckDBPyConnection, f: Filter, per: str | None = None,
          peildatum: date | None = None) -> pd.DataFrame:
    """The funnel from signal to closure, over the whole selection or per municipality or source partner.

    One row per group and stage (STAPPEN order): signalen = signals that reached the stage; basis_vorige =
    signals that reached the previous stage (the base of aandeel_vorige = signalen / basis_vorige; for the first
    stage the stage itself); basis_signalen = all signals of the group (the base of aandeel_signalen).
    Columns: <per> (absent for None), stap, stap_naam, signalen, basis_vorige, aandeel_vorige, basis_signalen,
    aandeel_signalen. Shares are NaN on an empty base. Empty when there are no signals.
    """
    if per is not None and per not in PER:
        raise ValueError(f"per must be one of {', '.join(PER)} or None, not {per!r}")
    s = signalen_keten(con, f, peildatum)
    groepen = [(None, s)] if per is None else list(s.groupby(per))
    rijen = []
    for naam, g in groepen:
        if g.empty:
            continue
        vorige = len(g)
        for stap in STAPPEN:
            n = int(g[stap].sum())
            rij = {"stap": stap, "stap_naam": STAP_NAMEN[stap], "signalen": n, "basis_vorige": vorige,
                   "aandeel_vorige": n / vorige if vorige else float("nan"), "basis_signalen": len(g),
                   "aandeel_signalen": n / len(g)}
            rijen.append(rij if per is None else {per: naam, **rij})
            vorige = n
    kolommen = ([] if per is None else [per]) + ["stap", "stap_naam", "signalen", "basis_vorige", "aandeel_vorige",
                                                  "basis_signalen", "aandeel_signalen"]
    return pd.DataFrame(rijen, columns=kolommen)


def trefkans_per_bron(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """Hit rate of each source partner: the share of its signals that led to at least one violation.

    - signalen: signals the partner brought in (the base);
    - met_overtreding: of those, signals that reached the stage "overtreding" of the chain (discussed, visited,
      at least one violation at a linked visit); trefkans = met_overtreding / signalen;
    - bezocht: signals that reached the stage "bezocht" (for context).
    Columns: bron, signalen, bezocht, met_overtreding, trefkans; highest hit rate first, then most signals.
    """
    s = signalen_keten(con, f, peildatum)
    out = s.groupby("bron", as_index=False).agg(signalen=("signaal_id", "size"), bezocht=("bezocht", "sum"),
                                                met_overtreding=("overtreding", "sum"))
    out = out.astype({"signalen": "int64", "bezocht": "int64", "met_overtreding": "int64"})
    out["trefkans"] = out["met_overtreding"] / out["signalen"]
    return out.sort_values(["trefkans", "signalen", "bron"], ascending=[False, False, True]).reset_index(drop=True)
