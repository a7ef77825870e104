"""Overview figures for mayors (Overzicht page) and the choices offered by the sidebar filter.

Sources: fct_controleavond, fct_bezoek, fct_persoon, fct_bevinding, fct_opvolging (etl/warehouse.sql);
the headline figures follow the pilot results of the HAM/KIT evaluation §6.1 and the PIT infographic.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.format import getal, team_label_kort
from metrics.periode import beschrijving, datum_lang


def team_opties(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Teams to choose from, with their official period and the dates their data actually covers.

    Columns: team, naam, regio, periode_start, periode_eind, data_start, data_eind. `data_start`/`data_eind`
    are the first and last date over controleavonden, signalen and partnerresultaten of the team (NULL when
    the team has no rows; dim_team). Ordered by periode_start.
    """
    return con.execute(
        """
        SELECT code AS team, naam, regio, periode_start, periode_eind, data_start, data_eind
        FROM dim_team ORDER BY periode_start, code
        """
    ).df()


def gemeente_opties(con: duckdb.DuckDBPyConnection, teams: tuple[str, ...] = ()) -> pd.DataFrame:
    """Municipalities to choose from for the given teams (all teams when empty).

    A municipality is offered when it lies in the region of one of the teams (dim_team.regio =
    dim_gemeente.regio) or when one of the teams held a controleavond there (fct_team_gemeente). Columns: code,
    naam, regio.
    """
    team_cond = "TRUE" if not teams else f"t.code IN ({', '.join('?' for _ in teams)})"
    data_cond = "TRUE" if not teams else f"c.team IN ({', '.join('?' for _ in teams)})"
    return con.execute(
        f"""
        SELECT g.code, g.naam, g.regio
        FROM dim_gemeente g
        WHERE g.regio IN (SELECT t.regio FROM dim_team t WHERE {team_cond})
           OR g.code IN (SELECT c.gemeente_code FROM fct_team_gemeente c WHERE {data_cond})
        ORDER BY g.naam
        """,
        [*teams, *teams],
    ).df()


def kerncijfers(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Headline figures for the chosen teams, municipalities and period (one row).

    - controleavonden: evenings in fct_controleavond.
    - bezochte_objecten: visits in fct_bezoek (one visit = one object at one address; HAM/KIT §6.1 "adressen
      bezocht", PIT infographic "aantal bezochte objecten").
    - aangetroffen_personen: sum of fct_bezoek.aantal_personen (persons found, §6.1).
    - overtredingen: findings with overtreding = TRUE in fct_bevinding.
    - opgevolgd: violations with at least one step in fct_opvolging (any status).
    - aandeel_opgevolgd: opgevolgd / overtredingen (numerator: violations with >= 1 follow-up step;
      denominator: all violations, including those with no step at all); NULL when there are no violations.
    - partners_per_avond: mean of fct_controleavond.aantal_partners (partners present per evening,
      from fct_deelname); NULL when there are no evenings.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH avond AS (SELECT * FROM fct_controleavond WHERE {cond}),
             bezoek AS (SELECT * FROM fct_bezoek WHERE {cond}),
             overtreding AS (SELECT bevinding_id, opgevolgd FROM fct_overtreding WHERE {cond})
        SELECT (SELECT count(*) FROM avond) AS controleavonden,
               (SELECT count(*) FROM bezoek) AS bezochte_objecten,
               (SELECT coalesce(sum(aantal_personen), 0) FROM bezoek)::BIGINT AS aangetroffen_personen,
               (SELECT count(*) FROM overtreding) AS overtredingen,
               (SELECT count(*) FILTER (WHERE opgevolgd) FROM overtreding) AS opgevolgd,
               (SELECT count(*) FILTER (WHERE opgevolgd) / nullif(count(*), 0) FROM overtreding) AS aandeel_opgevolgd,
               (SELECT avg(aantal_partners) FROM avond) AS partners_per_avond
        """,
        params * 3,
    ).df()


def trend_per_maand(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per team and calendar month: controleavonden, bezochte objecten, aangetroffen personen, overtredingen.

    Months between a team's first and last evening in the selection without any evening are included
    with zeros, so the trend line does not skip quiet months. Columns: team, maand, controleavonden,
    bezochte_objecten, aangetroffen_personen, overtredingen. Sources: fct_controleavond, fct_bezoek,
    fct_bevinding (overtreding = TRUE).
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH avond AS (SELECT * FROM fct_controleavond WHERE {cond}),
             grenzen AS (SELECT team, min(maand) AS van, max(maand) AS tot FROM avond GROUP BY team),
             maanden AS (
                 SELECT g.team, unnest(generate_series(g.van, g.tot, INTERVAL 1 MONTH))::DATE AS maand FROM grenzen g
             ),
             per_avond AS (
                 SELECT a.team, a.maand, count(*) AS controleavonden, sum(a.aantal_bezoeken) AS bezochte_objecten
                 FROM avond a GROUP BY ALL
             ),
             personen AS (
                 SELECT team, maand, sum(aantal_personen) AS aangetroffen_personen FROM fct_bezoek
                 WHERE {cond} GROUP BY ALL
             ),
             overtredingen AS (
                 SELECT team, maand, count(*) AS overtredingen FROM fct_bevinding
                 WHERE overtreding AND {cond} GROUP BY ALL
             )
        SELECT m.team, m.maand,
               coalesce(a.controleavonden, 0)::BIGINT AS controleavonden,
               coalesce(a.bezochte_objecten, 0)::BIGINT AS bezochte_objecten,
               coalesce(p.aangetroffen_personen, 0)::BIGINT AS aangetroffen_personen,
               coalesce(o.overtredingen, 0)::BIGINT AS overtredingen
        FROM maanden m
        LEFT JOIN per_avond a USING (team, maand)
        LEFT JOIN personen p USING (team, maand)
        LEFT JOIN overtredingen o USING (team, maand)
        ORDER BY m.team, m.maand
        """,
        params * 3,
    ).df()


def per_gemeente(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per municipality: controleavonden, bezochte objecten, aangetroffen personen, overtredingen, opgevolgd.

    aandeel_opgevolgd = violations with at least one follow-up step / all violations in that municipality
    (NULL when it has none). Only municipalities with at least one evening in the selection are listed.
    Columns: gemeente_code, gemeente, controleavonden, bezochte_objecten, aangetroffen_personen,
    overtredingen, opgevolgd, aandeel_opgevolgd. Sources: fct_controleavond, fct_bezoek, fct_bevinding,
    fct_opvolging.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH avond AS (
                 SELECT gemeente_code, any_value(gemeente) AS gemeente, count(*) AS controleavonden
                 FROM fct_controleavond WHERE {cond} GROUP BY gemeente_code
             ),
             bezoek AS (
                 SELECT gemeente_code, count(*) AS bezochte_objecten, sum(aantal_personen) AS aangetroffen_personen
                 FROM fct_bezoek WHERE {cond} GROUP BY gemeente_code
             ),
             overtreding AS (
                 SELECT gemeente_code, count(*) AS overtredingen, count(*) FILTER (WHERE opgevolgd) AS opgevolgd
                 FROM fct_overtreding WHERE {cond} GROUP BY gemeente_code
             )
        SELECT a.gemeente_code, a.gemeente, a.controleavonden,
               coalesce(b.bezochte_objecten, 0)::BIGINT AS bezochte_objecten,
               coalesce(b.aangetroffen_personen, 0)::BIGINT AS aangetroffen_personen,
               coalesce(o.overtredingen, 0)::BIGINT AS overtredingen,
               coalesce(o.opgevolgd, 0)::BIGINT AS opgevolgd,
               o.opgevolgd / nullif(o.overtredingen, 0) AS aandeel_opgevolgd
        FROM avond a LEFT JOIN bezoek b USING (gemeente_code) LEFT JOIN overtreding o USING (gemeente_code)
        ORDER BY a.controleavonden DESC, a.gemeente
        """,
        params * 3,
    ).df()


def kerncijfers_per_team(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """`kerncijfers` of every team of the selection in one query: one row per team with an evening, a visit or a
    violation in the selection (the same figures as `kerncijfers(con, replace(f, teams=(team,)))`; teams are
    never added up). Columns: team, then those of `kerncijfers`; ordered by team.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH avond AS (
                 SELECT team, count(*) AS controleavonden, avg(aantal_partners) AS partners_per_avond
                 FROM fct_controleavond WHERE {cond} GROUP BY team
             ),
             bezoek AS (
                 SELECT team, count(*) AS bezochte_objecten, sum(aantal_personen) AS aangetroffen_personen
                 FROM fct_bezoek WHERE {cond} GROUP BY team
             ),
             overtreding AS (
                 SELECT team, count(*) AS overtredingen, count(*) FILTER (WHERE opgevolgd) AS opgevolgd
                 FROM fct_overtreding WHERE {cond} GROUP BY team
             )
        SELECT team, coalesce(a.controleavonden, 0)::BIGINT AS controleavonden,
               coalesce(b.bezochte_objecten, 0)::BIGINT AS bezochte_objecten,
               coalesce(b.aangetroffen_personen, 0)::BIGINT AS aangetroffen_personen,
               coalesce(o.overtredingen, 0)::BIGINT AS overtredingen,
               coalesce(o.opgevolgd, 0)::BIGINT AS opgevolgd,
               o.opgevolgd / nullif(o.overtredingen, 0) AS aandeel_opgevolgd,
               a.partners_per_avond
        FROM avond a FULL JOIN bezoek b USING (team) FULL JOIN overtreding o USING (team)
        ORDER BY team
        """,
        params * 3,
    ).df()


def per_gemeente_per_team(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """`per_gemeente` of every team of the selection in one query: per team and municipality with at least one
    evening of that team in the selection, the same figures as `per_gemeente(con, replace(f, teams=(team,)))`.
    Columns: team, then those of `per_gemeente`; ordered by team, then as `per_gemeente`.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH avond AS (
                 SELECT team, gemeente_code, any_value(gemeente) AS gemeente, count(*) AS controleavonden
                 FROM fct_controleavond WHERE {cond} GROUP BY team, gemeente_code
             ),
             bezoek AS (
                 SELECT team, gemeente_code, count(*) AS bezochte_objecten,
                        sum(aantal_personen) AS aangetroffen_personen
                 FROM fct_bezoek WHERE {cond} GROUP BY team, gemeente_code
             ),
             overtreding AS (
                 SELECT team, gemeente_code, count(*) AS overtredingen, count(*) FILTER (WHERE opgevolgd) AS opgevolgd
                 FROM fct_overtreding WHERE {cond} GROUP BY team, gemeente_code
             )
        SELECT a.team, a.gemeente_code, a.gemeente, a.controleavonden,
               coalesce(b.bezochte_objecten, 0)::BIGINT AS bezochte_objecten,
               coalesce(b.aangetroffen_personen, 0)::BIGINT AS aangetroffen_personen,
               coalesce(o.overtredingen, 0)::BIGINT AS overtredingen,
               coalesce(o.opgevolgd, 0)::BIGINT AS opgevolgd,
               o.opgevolgd / nullif(o.overtredingen, 0) AS aandeel_opgevolgd
        FROM avond a LEFT JOIN bezoek b USING (team, gemeente_code) LEFT JOIN overtreding o USING (team, gemeente_code)
        ORDER BY a.team, a.controleavonden DESC, a.gemeente
        """,
        params * 3,
    ).df()


def _personen(aantal: float, drempel: int | None) -> str:
    """A person count in a sentence, suppressed below `drempel` (None: never)."""
    return f"minder dan {drempel}" if drempel is not None and 0 < aantal < drempel else getal(aantal)


def _zinnen(kern: pd.Series, gemeenten: pd.DataFrame, drempel: int | None) -> list[str]:
    """The sentences of `samenvatting` from one row of `kerncijfers` and the rows of `per_gemeente`."""
    if int(kern["controleavonden"]) == 0:
        return []
    zinnen = [
        f"In deze periode zijn {getal(kern['controleavonden'])} controleavonden gehouden, waarbij "
        f"{getal(kern['bezochte_objecten'])} objecten zijn bezocht en "
        f"{_personen(kern['aangetroffen_personen'], drempel)} personen zijn aangetroffen."
    ]
    if int(kern["overtredingen"]) > 0:
        zinnen.append(
            f"Er zijn {getal(kern['overtredingen'])} overtredingen vastgesteld; van alle overtredingen heeft "
            f"{getal(100 * kern['aandeel_opgevolgd'])}% ({getal(kern['opgevolgd'])}) minstens één "
            "opvolgingsstap gekregen."
        )
    else:
        zinnen.append("Er zijn geen overtredingen vastgelegd.")
    if pd.notna(kern["partners_per_avond"]):
        zinnen.append(f"Per controleavond waren gemiddeld {getal(kern['partners_per_avond'], 1)} partners aanwezig.")
    if len(gemeenten) > 1:
        top = gemeenten.iloc[0]
        zinnen.append(
            f"De meeste controleavonden waren in {top['gemeente']} ({getal(top['controleavonden'])} van "
            f"{getal(gemeenten['controleavonden'].sum())}), verdeeld over {len(gemeenten)} gemeenten."
        )
    return zinnen


def samenvatting(con: duckdb.DuckDBPyConnection, f: Filter, drempel: int | None = None) -> pd.DataFrame:
    """A short Dutch summary of the selection, built only from `kerncijfers` and `per_gemeente` (one row per sentence).

    Sentences: evenings/objects/persons; violations and the share followed up (named base: all violations);
    partners per evening; the municipality with the most evenings. No sentence when there are no evenings.
    `drempel` (small-count suppression, access/suppress.py): a person count from 1 up to drempel - 1 is written
    "minder dan <drempel>" instead of the number; None writes every number. Column: zin.
    """
    kern = kerncijfers(con, f).iloc[0]
    zinnen = _zinnen(kern, per_gemeente(con, f) if int(kern["controleavonden"]) else pd.DataFrame(), drempel)
    return pd.DataFrame({"zin": pd.Series(zinnen, dtype="string" if not zinnen else object)})


def samenvatting_per_team(con: duckdb.DuckDBPyConnection, f: Filter, drempel: int | None = None) -> pd.DataFrame:
    """`samenvatting` of every team of the selection, from `kerncijfers_per_team` and `per_gemeente_per_team`
    (one query each instead of two per team). Columns: team, zin; a team's sentences in order, teams ordered by
    team; no row for a team without evenings.
    """
    kern = kerncijfers_per_team(con, f)
    gemeenten = per_gemeente_per_team(con, f)
    rijen = [
        (rij["team"], zin)
        for _, rij in kern.iterrows()
        for zin in _zinnen(rij, gemeenten[gemeenten["team"] == rij["team"]].reset_index(drop=True), drempel)
    ]
    return pd.DataFrame(rijen, columns=["team", "zin"])


def teams_in_selectie(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The teams the selection is about, in time order: the chosen teams, or every team with data when none is
    chosen. Pages show these side by side instead of adding teams up. Column: team. Source: dim_team, fct_*.
    """
    if f.teams:
        volgorde = [r[0] for r in con.execute("SELECT code FROM dim_team ORDER BY periode_start, code").fetchall()]
        return pd.DataFrame({"team": [t for t in volgorde if t in f.teams]})
    return con.execute(
        """
        SELECT code AS team FROM dim_team
        WHERE code IN (SELECT team FROM fct_controleavond UNION SELECT team FROM fct_signaal
                       UNION SELECT team FROM fct_partnerresultaat)
        ORDER BY periode_start, code
        """
    ).df()


def wat_er_wel_is(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """What the selection still holds when it has no control evening, and where the evenings are (one row).

    - signalen, partnerresultaten, opvolgingsstappen: rows of fct_signaal, fct_partnerresultaat (by date of the
      result) and fct_opvolging (by datum_start) within the filter (team, municipality, period);
    - eerste_avond, laatste_avond: first and last evening of the chosen teams and municipalities, any period
      (NULL when there is none at all).
    """
    cond, params = f.sql()
    cond_opv, params_opv = f.sql(date_col="datum_start")
    cond_alles, params_alles = Filter(teams=f.teams, gemeenten=f.gemeenten).sql()
    return con.execute(
        f"""
        SELECT (SELECT count(*) FROM fct_signaal WHERE {cond}) AS signalen,
               (SELECT count(*) FROM fct_partnerresultaat WHERE {cond}) AS partnerresultaten,
               (SELECT count(*) FROM fct_opvolging WHERE {cond_opv}) AS opvolgingsstappen,
               (SELECT min(datum) FROM fct_controleavond WHERE {cond_alles}) AS eerste_avond,
               (SELECT max(datum) FROM fct_controleavond WHERE {cond_alles}) AS laatste_avond
        """,
        params * 2 + params_opv + params_alles * 2,
    ).df()


def lege_keuze(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """The Dutch empty state of a one-team selection without control evenings: what is empty and what the
    selection still holds (`wat_er_wel_is`). No row when the selection has evenings. Column: zin."""
    if int(kerncijfers(con, f).iloc[0]["controleavonden"]) > 0:
        return pd.DataFrame({"zin": pd.Series([], dtype="string")})
    wel = wat_er_wel_is(con, f).iloc[0]
    namen = dict(con.execute("SELECT code, naam FROM dim_gemeente").fetchall())
    waar = f" in {', '.join(namen.get(c, c) for c in f.gemeenten)}" if f.gemeenten else ""
    wie = ", ".join(team_label_kort(t) for t in f.teams) if f.teams else "Geen team"
    periode = f" in {beschrijving(f.start, f.end)}" if f.start and f.end else ""
    zinnen = [f"Geen gegevens voor deze keuze: {wie} heeft{waar}{periode} geen controleavonden."]
    delen = [f"{getal(wel[k])} {k}" for k in ("signalen", "partnerresultaten", "opvolgingsstappen") if int(wel[k])]
    if delen:
        opsomming = delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
        zinnen.append(f"Wel zijn er in deze periode {opsomming}.")
    if pd.notna(wel["eerste_avond"]):
        zinnen.append(
            f"Controleavonden van deze keuze zijn er van {datum_lang(pd.Timestamp(wel['eerste_avond']).date())} "
            f"t/m {datum_lang(pd.Timestamp(wel['laatste_avond']).date())}: kies een andere periode."
        )
    else:
        zinnen.append("Voor deze keuze is nog nooit een controleavond geregistreerd.")
    return pd.DataFrame({"zin": zinnen})
