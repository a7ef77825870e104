"""KIT vs PIT for the steering group: the same figures side by side, normalised for size and duration.

Normalisations: per month of the team's active period (dim_team.periode_start..periode_eind, cut to the
chosen period), per member municipality per year (dim_gemeente.regio = dim_team.regio, cut to the chosen
municipalities) and per 10,000 inhabitants per year (dim_gemeente.inwoners on 1 January of
dim_gemeente.inwoners_jaar, source CBS). The last two are also scaled to a year (total / months * 12), because the
teams' periods differ in length (KIT pilot 14 months, KIT 31, PIT 12).
Sources: fct_controleavond, fct_bezoek, fct_bevinding, fct_signaal, fct_partnerresultaat.
"""

from __future__ import annotations

import calendar
from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.format import team_label_kort

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

    van/tot = the team's period (dim_team) cut to the filter's period; maanden = `maanden_tussen(van, tot)`;
    gemeenten/inwoners = count and sum of dim_gemeente.inwoners over the team's region municipalities (only
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
        FROM dim_team t LEFT JOIN dim_gemeente g ON g.regio = t.regio AND {gem_cond}
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


def _aantallen(con: duckdb.DuckDBPyConnection, f: Filter, profiel: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Raw counts of every figure in KENGETALLEN per team of `profiel`, each within the team's van..tot and the
    filter's municipalities: one grouped query for all teams (not one query per team and figure)."""
    if profiel.empty:
        return {}
    gem_cond, gem_params = Filter(gemeenten=f.gemeenten).sql("x", date_col=None)
    teams = ", ".join("(?, ?::DATE, ?::DATE)" for _ in range(len(profiel)))
    team_params = [v for rij in profiel.itertuples(index=False) for v in (rij.team, rij.van, rij.tot)]

    def per_team(view: str, figures: str) -> str:
        return (f"(SELECT p.team, {figures} FROM {view} x JOIN p ON x.team = p.team AND x.datum BETWEEN p.van AND "
                f"p.tot WHERE {gem_cond} GROUP BY p.team)")

    rijen = con.execute(
        f"""
        WITH p(team, van, tot) AS (VALUES {teams})
        SELECT p.team, coalesce(a.n, 0), coalesce(b.n, 0), coalesce(b.personen, 0), coalesce(o.n, 0),
               coalesce(s.n, 0), coalesce(r.aantal, 0), coalesce(r.bedrag, 0)::DOUBLE
        FROM p
        LEFT JOIN {per_team("fct_controleavond", "count(*) AS n")} a USING (team)
        LEFT JOIN {per_team("fct_bezoek", "count(*) AS n, sum(x.aantal_personen) AS personen")} b USING (team)
        LEFT JOIN {per_team("fct_bevinding", "count(*) FILTER (WHERE x.overtreding) AS n")} o USING (team)
        LEFT JOIN {per_team("fct_signaal", "count(*) AS n")} s USING (team)
        LEFT JOIN {per_team("fct_partnerresultaat", "sum(x.aantal) AS aantal, sum(x.bedrag_eur) AS bedrag")} r
            USING (team)
        """,
        [*team_params, *gem_params * 5],
    ).fetchall()
    return {team: dict(zip(KENGETALLEN, (float(v) for v in waarden), strict=True)) for team, *waarden in rijen}


def vergelijking(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Every figure of KENGETALLEN per team: raw, per month, per municipality per year, per 10,000 inhabitants
    per year.

    aantal = the raw count within the team's active period cut to the filter (and the chosen
    municipalities, if any); per_maand = aantal / maanden; per_jaar = aantal / maanden * 12; per_gemeente =
    per_jaar / gemeenten; per_10000 = per_jaar / inwoners * 10,000 (`teamprofiel` gives maanden, gemeenten,
    inwoners). Scaling to a year makes teams with periods of different length comparable. heeft_gegevens is
    FALSE when aantal is 0 (nothing registered for that figure). Long form, one row per team and figure; a team
    with no rows at all in the selection is left out (nothing to compare). Columns: team, kengetal,
    kengetal_naam, aantal, maanden, gemeenten, inwoners, inwoners_jaar, per_maand, per_gemeente, per_10000,
    heeft_gegevens.
    """
    rijen = []
    profielen = teamprofiel(con, f)
    per_team = _aantallen(con, f, profielen)
    for profiel in profielen.itertuples(index=False):
        aantallen = per_team[profiel.team]
        if not any(aantallen.values()):
            continue
        for kengetal, aantal in aantallen.items():
            per_maand = aantal / profiel.maanden if profiel.maanden else None
            per_jaar = per_maand * 12 if per_maand is not None else None
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
                    "per_maand": per_maand,
                    "per_gemeente": per_jaar / profiel.gemeenten if per_jaar is not None else None,
                    "per_10000": (
                        per_jaar / profiel.inwoners * 10_000 if per_jaar is not None and profiel.inwoners else None
                    ),
                    "heeft_gegevens": aantal != 0,
                }
            )
    return pd.DataFrame(
        rijen,
        columns=[
            "team", "kengetal", "kengetal_naam", "aantal", "maanden", "gemeenten", "inwoners", "inwoners_jaar",
            "per_maand", "per_gemeente", "per_10000", "heeft_gegevens",
        ],
    )


def vergelijking_getekend(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The rows of `vergelijking` to draw: every team's row of a figure that at least one team has data for.

    A figure with heeft_gegevens FALSE at every team is left out (nothing to draw). Same columns as `vergelijking`.
    """
    cijfers = vergelijking(con, f)
    getekend = set(cijfers.loc[cijfers["heeft_gegevens"], "kengetal"])
    return cijfers[cijfers["kengetal"].isin(getekend)].reset_index(drop=True)


def zonder_gegevens(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The figures of `vergelijking` a team has nothing registered for (heeft_gegevens FALSE).

    Columns: team, kengetal, tekst ("<team display name>: <figure name in lower case>").
    """
    cijfers = vergelijking(con, f)
    zonder = cijfers.loc[~cijfers["heeft_gegevens"], ["team", "kengetal", "kengetal_naam"]].reset_index(drop=True)
    zonder["tekst"] = [f"{team_label_kort(t)}: {n.lower()}" for t, n in zip(zonder["team"], zonder["kengetal_naam"],
                                                                               strict=True)]
    return zonder[["team", "kengetal", "tekst"]]


def profieljaren(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The years behind the normalisation, as text for a caption (one row; no row without teams).

    inwoners_jaren: the distinct years of the population counts (`teamprofiel`.inwoners_jaar), ascending,
    comma separated; data_jaren: "<first year>–<last year>" of the teams' active periods (van..tot).
    """
    profiel = teamprofiel(con, f)
    if profiel.empty:
        return pd.DataFrame(columns=["inwoners_jaren", "data_jaren"])
    jaren = ", ".join(str(j) for j in sorted(set(profiel["inwoners_jaar"].dropna())))
    return pd.DataFrame({
        "inwoners_jaren": [jaren],
        "data_jaren": [f"{min(profiel['van']).year}–{max(profiel['tot']).year}"],
    })


def _periode_tekst(van: date, tot: date, maanden: float) -> str:
    """Dutch text for a period: "het hele kalenderjaar 2017" or "02-06-2020 t/m 31-12-2022 (31 maanden)"."""
    if van == date(van.year, 1, 1) and tot == date(van.year, 12, 31):
        return f"een heel kalenderjaar ({van.year})"
    lengte = f"{maanden:.1f}".replace(".", ",").removesuffix(",0")
    return f"{van.strftime('%d-%m-%Y')} t/m {tot.strftime('%d-%m-%Y')} ({lengte} maanden)"


def _themas(con: duckdb.DuckDBPyConnection, f: Filter, profiel: pd.DataFrame) -> dict[str, int]:
    """Distinct themes of the controleavonden per team of `profiel`, within its van..tot and the filter's
    municipalities (one grouped query); teams without evenings are absent."""
    if profiel.empty:
        return {}
    gem_cond, gem_params = Filter(gemeenten=f.gemeenten).sql("x", date_col=None)
    teams = ", ".join("(?, ?::DATE, ?::DATE)" for _ in range(len(profiel)))
    team_params = [v for rij in profiel.itertuples(index=False) for v in (rij.team, rij.van, rij.tot)]
    return dict(con.execute(
        f"""
        WITH p(team, van, tot) AS (VALUES {teams})
        SELECT p.team, count(DISTINCT x.thema) FROM fct_controleavond x
        JOIN p ON x.team = p.team AND x.datum BETWEEN p.van AND p.tot
        WHERE {gem_cond} GROUP BY p.team
        """,
        [*team_params, *gem_params],
    ).fetchall())


def kanttekening(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The Dutch caveat shown above the comparison, built from the teams actually in the selection.

    Per team of `teamprofiel` (dim_team name and period, cut to the filter) one sentence with its period and
    the number of themes of its controleavonden (fct_controleavond.thema, distinct, in that period; left
    out when 0); PIT is
    described as a whole (calendar) year of a mature team, the KIT pilot as the start-up phase, the KIT as the
    definitive team after the pilot. When teams of different period length are compared a closing sentence
    says differences also reflect the phase and duration. One row per sentence; columns: team, zin.
    """
    profiel = teamprofiel(con, f)
    zinnen: list[dict[str, str | None]] = []
    themas_per_team = _themas(con, f, profiel)
    for rij in profiel.itertuples(index=False):
        themas = themas_per_team.get(rij.team, 0)
        themas_tekst = f" ({themas} {'thema' if themas == 1 else 'thema’s'})" if themas else ""
        periode = _periode_tekst(rij.van, rij.tot, rij.maanden)
        if rij.team == "PIT":
            zin = (f"De PIT-cijfers beslaan {periode} van een volwassen team: het convenant liep al, met een vaste "
                   f"werkwijze en vaste partners{themas_tekst}.")
        elif rij.team == "KIT-pilot":
            zin = f"De {rij.naam} beslaat {periode}: de opstartfase van het team{themas_tekst}."
        else:
            zin = f"Het {rij.naam} ({rij.team}) beslaat {periode}: het vaste team na de pilot{themas_tekst}."
        zinnen.append({"team": rij.team, "zin": zin})
    if len(profiel) >= 2:
        zinnen.append({
            "team": None,
            "zin": "Verschillen zeggen daarom ook iets over de fase van het team en de lengte van de periode, "
            "niet alleen over de prestatie.",
        })
    return pd.DataFrame(zinnen, columns=["team", "zin"])
