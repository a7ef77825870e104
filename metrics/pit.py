"""The PIT 2017 figures (Evaluatie PIT-convenant 2017 and its infographic), computed from warehouse rows.

Every function takes a DuckDB connection and a team code (default "PIT") and returns a DataFrame.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.overtredingen import top_overtredingen

PIT = "PIT"


def objecttypen(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Visited objects per object type (one visit is one visited object).

    Columns: object_type, objecten. Every type of the contract that occurs is listed.
    Source: PIT evaluation infographic "aantal bezochte objecten 110 (woningen, loodsen, bedrijven, horeca,
    chalets (recreatieparken), percelen en een woonwagenlocatie)".
    """
    return con.execute(
        """
        SELECT object_type, count(*) AS objecten FROM fct_bezoek WHERE team = $team
        GROUP BY object_type ORDER BY objecten DESC, object_type
        """,
        {"team": team},
    ).df()


def objecten_niet_genoemd(
    con: duckdb.DuckDBPyConnection, genoemd: tuple[str, ...], team: str = PIT
) -> pd.DataFrame:
    """Visited objects whose type is not among the types a document lists (`genoemd`).

    Columns (one row): objecten (count), typen (the unlisted types, comma separated).
    Source: PIT evaluation infographic (the list of object kinds under "aantal bezochte objecten").
    """
    return con.execute(
        """
        SELECT count(*) AS objecten, coalesce(string_agg(DISTINCT object_type, ', '), '') AS typen
        FROM fct_bezoek WHERE team = $team AND NOT list_contains($genoemd, object_type)
        """,
        {"team": team, "genoemd": list(genoemd)},
    ).df()


def overige_bevindingen(con: duckdb.DuckDBPyConnection, team: str = PIT, top: int = 10) -> pd.DataFrame:
    """Findings outside the top `top` violation categories, and over how many categories they spread.

    Columns (one row): bevindingen = findings (violation or not) whose category is not in the top `top`
    of `metrics.overtredingen.top_overtredingen` (ties at place `top` count as top); categorieen = distinct
    categories among them; totaal = all findings of the team.
    Source: PIT evaluation infographic "+ nog 168 bevindingen verspreid over 71 categorieën".
    """
    ranked = top_overtredingen(con, Filter(teams=(team,)), top)
    in_top = ranked.loc[ranked["in_top"], "categorie"].tolist()
    return con.execute(
        """
        SELECT count(*) FILTER (WHERE NOT list_contains($top, categorie)) AS bevindingen,
               count(DISTINCT categorie) FILTER (WHERE NOT list_contains($top, categorie)) AS categorieen,
               count(*) AS totaal
        FROM fct_bevinding WHERE team = $team
        """,
        {"team": team, "top": in_top},
    ).df()


def acties_aanwezig(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Actions (control evenings) each partner was present at, from fct_deelname.

    Columns: partner (code; POLITIE is the basisteam, AVIM is listed apart), partner_naam, acties.
    Also a row partner '(totaal)' with the team's number of actions.
    Source: PIT evaluation infographic "Resultaten per organisatie": "... acties aanwezig".
    """
    return con.execute(
        """
        SELECT partner, partner_naam, count(DISTINCT controleavond_id) AS acties
        FROM fct_deelname WHERE team = $team GROUP BY partner, partner_naam
        UNION ALL
        SELECT '(totaal)', 'Alle acties', count(*) FROM fct_controleavond WHERE team = $team
        ORDER BY acties DESC, partner
        """,
        {"team": team},
    ).df()


def resultaten(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Partner results summed per organisation and kind of result (fct_partnerresultaat).

    Columns: organisatie (partner code; AVIM is counted with POLITIE as the report does: "Politie (incl.
    AVIM)"), soort, aantal (sum of aantal: how many times), hoeveelheid (sum, where given), eenheid,
    bedrag_eur (sum), regels (rows).
    Source: PIT evaluation infographic "Resultaten per organisatie".
    """
    return con.execute(
        """
        SELECT CASE WHEN partner = 'AVIM' THEN 'POLITIE' ELSE partner END AS organisatie, soort,
               sum(aantal)::BIGINT AS aantal, sum(hoeveelheid) AS hoeveelheid,
               string_agg(DISTINCT eenheid, ', ') AS eenheid, sum(bedrag_eur)::DOUBLE AS bedrag_eur,
               count(*) AS regels
        FROM fct_partnerresultaat WHERE team = $team
        GROUP BY organisatie, soort ORDER BY organisatie, soort
        """,
        {"team": team},
    ).df()


def resultaat_partners(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Result rows and money per partner code, every partner of dim_partner listed (0 when none).

    Columns: partner, regels, aantal, bedrag_eur.
    Source: PIT evaluation "De resultaten van de Belastingdienst (en Douane) zijn niet opgenomen".
    """
    return con.execute(
        """
        SELECT p.code AS partner, count(r.resultaat_id) AS regels, coalesce(sum(r.aantal), 0)::BIGINT AS aantal,
               coalesce(sum(r.bedrag_eur), 0)::DOUBLE AS bedrag_eur
        FROM dim_partner p LEFT JOIN fct_partnerresultaat r ON r.partner = p.code AND r.team = $team
        GROUP BY p.code ORDER BY p.code
        """,
        {"team": team},
    ).df()


def geldresultaat(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Money result in total: the sum of bedrag_eur over all partner results of the team.

    Columns (one row): bedrag_eur, regels_met_bedrag.
    Source: PIT evaluation infographic "Resultaat in geld in totaal: €396.939".
    """
    return con.execute(
        """
        SELECT coalesce(sum(bedrag_eur), 0)::DOUBLE AS bedrag_eur, count(bedrag_eur) AS regels_met_bedrag
        FROM fct_partnerresultaat WHERE team = $team
        """,
        {"team": team},
    ).df()


def opvolging(con: duckdb.DuckDBPyConnection, team: str = PIT, tot: date | None = None) -> pd.DataFrame:
    """Follow-up steps per kind and status, up to a date.

    Columns: soort, stappen (all steps with datum_start <= `tot`, or all when `tot` is None), afgerond,
    beeindigd (steps whose resultaat says the violation ended: 'beëindigd', not 'niet beëindigd').
    Source: PIT evaluation "Feitelijk zijn nu ca. 30 persberichten na PIT-acties uitgegaan (stand van zaken
    november 2017)"; infographic "29 keer bleken na hercontroles dat de overtredingen ... beëindigd waren".
    """
    return con.execute(
        """
        SELECT soort, count(*) AS stappen, count(*) FILTER (WHERE status = 'afgerond') AS afgerond,
               count(*) FILTER (WHERE regexp_matches(lower(resultaat), 'be[eë]indigd')
                                  AND NOT regexp_matches(lower(resultaat), '(niet|geen) be[eë]indigd'))
                 AS beeindigd
        FROM fct_opvolging WHERE team = $team AND datum_start <= coalesce($tot, DATE '9999-12-31')
        GROUP BY soort ORDER BY soort
        """,
        {"team": team, "tot": tot},
    ).df()


def opgevolgde_overtredingen(con: duckdb.DuckDBPyConnection, team: str = PIT) -> pd.DataFrame:
    """Share of the team's violations with at least one follow-up step.

    Numerator: violations (fct_bevinding, overtreding = true) with at least one fct_opvolging step carrying their
    bevinding_id (any kind, any status; a step linked only to the action, such as a press release, does not
    count). Denominator: all the team's violations; one without a step stays in it.
    Columns (one row): overtredingen, opgevolgd, niet_opgevolgd, aandeel_pct (NaN without violations).
    Source: PIT evaluation "Tot nu wordt nog elke overtreding opgepakt".
    """
    return con.execute(
        """
        WITH v AS (SELECT opgevolgd FROM fct_overtreding WHERE team = $team)
        SELECT count(*) AS overtredingen, count(*) FILTER (WHERE opgevolgd) AS opgevolgd,
               count(*) FILTER (WHERE NOT opgevolgd) AS niet_opgevolgd,
               100.0 * count(*) FILTER (WHERE opgevolgd) / nullif(count(*), 0) AS aandeel_pct
        FROM v
        """,
        {"team": team},
    ).df()


def signaalbronnen(con: duckdb.DuckDBPyConnection, bronnen: tuple[str, ...], team: str = PIT) -> pd.DataFrame:
    """Share of the team's signals brought in by the partners `bronnen` (codes, e.g. GEMEENTE and POLITIE).

    Numerator: signals (fct_signaal) whose bron_partner is one of `bronnen`; denominator: all the team's signals.
    Columns (one row): signalen, totaal, aandeel_pct (NaN without signals).
    Source: PIT evaluation "Casuïstiek wordt nu vooral door gemeenten en politie aangedragen".
    """
    return con.execute(
        """
        SELECT count(*) FILTER (WHERE list_contains($bronnen, bron_partner)) AS signalen, count(*) AS totaal,
               100.0 * count(*) FILTER (WHERE list_contains($bronnen, bron_partner)) / nullif(count(*), 0)
                 AS aandeel_pct
        FROM fct_signaal WHERE team = $team
        """,
        {"team": team, "bronnen": list(bronnen)},
    ).df()


def acties_met_persbericht(con: duckdb.DuckDBPyConnection, team: str = PIT, tot: date | None = None) -> pd.DataFrame:
    """Share of the team's actions (control evenings) up to a date with a press release.

    Numerator: actions dated <= `tot` (all when None) with at least one follow-up step of soort 'persbericht'
    (fct_opvolging, linked to the action). Denominator: all the team's actions dated <= `tot`.
    Columns (one row): acties, met_persbericht, zonder_persbericht, aandeel_pct (NaN without actions).
    Source: PIT evaluation "Communicatie": "Bij alle PIT-acties worden er ... persberichten opgesteld", beside
    "ca. 30 persberichten na PIT-acties (stand van zaken november 2017)".
    """
    return con.execute(
        """
        WITH a AS (
            SELECT c.controleavond_id,
                   EXISTS (SELECT 1 FROM fct_opvolging o
                           WHERE o.avond_id = c.controleavond_id AND o.soort = 'persbericht') AS met
            FROM fct_controleavond c
            WHERE c.team = $team AND c.datum <= coalesce($tot, DATE '9999-12-31')
        )
        SELECT count(*) AS acties, count(*) FILTER (WHERE met) AS met_persbericht,
               count(*) FILTER (WHERE NOT met) AS zonder_persbericht,
               100.0 * count(*) FILTER (WHERE met) / nullif(count(*), 0) AS aandeel_pct
        FROM a
        """,
        {"team": team, "tot": tot},
    ).df()
