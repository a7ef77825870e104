"""KIT vs PIT for the steering group: the same figures side by side, normalised for size and duration.

Normalisations: per month of the team's active period (ref_team.periode_start..periode_eind, cut to the
chosen period), per member municipality (ref_gemeente.regio = ref_team.regio, cut to the chosen
municipalities) and per 10,000 inhabitants (ref_gemeente.inwoners on 1 January of ref_gemeente.inwoners_jaar,
source CBS). Sources: fct_controleavond, fct_bezoek, fct_bevinding, fct_signaal, fct_partnerresultaat.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter

KENGETALLEN: dict[str, str] = {
    "controleavonden": "Controleavonden",
    "bezochte_objecten": "Bezochte objecten",
    "aangetroffen_personen": "Aangetroffen personen",
    "overtredingen": "Overtredingen",
    "signalen": "Signalen",
    "partnerresultaten": "Partnerresultaten (keer)",
    "bedrag_eur": "Resultaat in geld (euro)",
}
"""The figures compared, with their Dutch names."""


def maanden_tussen(start: date, eind: date) -> float:
    """Length of the period start..eind (both inclusive) in months: whole calendar months plus the fraction
    of the last month (1 Jan..31 Dec = 12.0; 1 Feb 2019..1 Apr 2020 = 14 + 1/30)."""
    if eind < start:
        return 0.0
    hele = (eind.year - start.year) * 12 + (eind.month - start.month)
    dagen_in_maand = calendar.monthrange(eind.year, eind.month)[1]
    return hele + (eind.day - start.day + 1) / dagen_in_maand


def teamprofiel(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per team in the filter (all teams when none chosen): the active period and size used to normalise.

    van/tot = the team's period (ref_team) cut to the filter's period; maanden = `maanden_tussen(van, tot)`;
    gemeenten/inwoners = count and sum of ref_gemeente.inwoners over the team's region municipalities (only
    the chosen ones when municipalities are chosen); inwoners_jaar = the year of that population count.
    Teams whose period or municipalities fall outside the filter are left out. Columns: team, naam, van, tot,
    maanden, gemeenten, inwoners, inwoners_jaar.
    """
    team_cond = "TRUE" if not f.teams else f"t.code IN ({', '.join('?' for _ in f.teams)})"
    gem_cond = "TRUE" if not f.gemeenten else f"g.code IN ({', '.join('?' for _ in f.gemeenten)})"
    frame = con.execute(
        f"""
        SELECT t.code AS team, t.naam, t.periode_start, t.periode_eind,
               count(g.code) AS gemeenten, coalesce(sum(g.inwoners), 0)::BIGINT AS inwoners,
               max(g.inwoners_jaar) AS inwoners_jaar
        FROM ref_team t LEFT JOIN ref_gemeente g ON g.regio = t.regio AND {gem_cond}
        WHERE {team_cond}
        GROUP BY ALL ORDER BY t.periode_start
        """,
        [*f.gemeenten, *f.teams],
    ).df()
    rijen = []
    for rij in frame.itertuples(index=False):
        van = max(pd.Timestamp(rij.periode_start).date(), f.start or date.min)
        tot = min(pd.Timestamp(rij.periode_eind).date(), f.end or date.max)
        if tot < van or rij.gemeenten == 0:
            continue
        rijen.append(
            {
                "team": rij.team,
                "naam": rij.naam,
                "van": van,
                "tot": tot,
                "maanden": maanden_tussen(van, tot),
                "gemeenten": int(rij.gemeenten),
                "inwoners": int(rij.inwoners),
                "inwoners_jaar": None if pd.isna(rij.inwoners_jaar) else int(rij.inwoners_jaar),
            }
        )
    return pd.DataFrame(
        rijen, columns=["team", "naam", "van", "tot", "maanden", "gemeenten", "inwoners", "inwoners_jaar"]
    )


def _aantallen(con: duckdb.DuckDBPyConnection, f: Filter) -> dict[str, float]:
    """Raw counts of every figure in KENGETALLEN for one team's filter."""
    cond, params = f.sql()
    rij = con.execute(
        f"""
        SELECT (SELECT count(*) FROM fct_controleavond WHERE {cond}),
               (SELECT count(*) FROM fct_bezoek WHERE {cond}),
               (SELECT coalesce(sum(aantal_personen), 0) FROM fct_bezoek WHERE {cond}),
               (SELECT count(*) FROM fct_bevinding WHERE overtreding AND {cond}),
               (SELECT count(*) FROM fct_signaal WHERE {cond}),
               (SELECT coalesce(sum(aantal), 0) FROM fct_partnerresultaat WHERE {cond}),
               (SELECT coalesce(sum(bedrag_eur), 0)::DOUBLE FROM fct_partnerresultaat WHERE {cond})
        """,
        params * 7,
    ).fetchone()
    return dict(zip(KENGETALLEN, (float(v) for v in rij), strict=True))


def vergelijking(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Every figure of KENGETALLEN per team: raw, per month, per municipality and per 10,000 inhabitants.

    aantal = the raw count within the team's active period cut to the filter (and the chosen
    municipalities, if any); per_maand = aantal / maanden; per_gemeente = aantal / gemeenten; per_10000 =
    aantal / inwoners * 10,000 (`teamprofiel` gives maanden, gemeenten, inwoners). Long form, one row per
    team and figure; a team with no rows at all in the selection is left out (nothing to compare).
    Columns: team, kengetal, kengetal_naam, aantal, maanden, gemeenten, inwoners, inwoners_jaar, per_maand,
    per_gemeente, per_10000.
    """
    rijen = []
    for profiel in teamprofiel(con, f).itertuples(index=False):
        team_filter = replace(f, teams=(profiel.team,), start=profiel.van, end=profiel.tot)
        aantallen = _aantallen(con, team_filter)
        if not any(aantallen.values()):
            continue
        for kengetal, aantal in aantallen.items():
            rijen.append(
                {
                    "team": profiel.team,
                    "kengetal": kengetal,
                    "kengetal_naam": KENGETALLEN[kengetal],
                    "aantal": aantal,
                    "maanden": profiel.maanden,
                    "gemeenten": profiel.gemeenten,
                    "inwoners": profiel.inwoners,
                    "inwoners_jaar": profiel.inwoners_jaar,
                    "per_maand": aantal / profiel.maanden if profiel.maanden else None,
                    "per_gemeente": aantal / profiel.gemeenten,
                    "per_10000": aantal / profiel.inwoners * 10_000 if profiel.inwoners else None,
                }
            )
    return pd.DataFrame(
        rijen,
        columns=[
            "team", "kengetal", "kengetal_naam", "aantal", "maanden", "gemeenten", "inwoners", "inwoners_jaar",
            "per_maand", "per_gemeente", "per_10000",
        ],
    )
