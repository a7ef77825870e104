"""Results per partner organisation: attendance, results by kind, money and signals brought in.

Layout follows the PIT 2017 infographic "Resultaten per organisatie" ("11 acties aanwezig, 17 onderzoeken,
8 beëindigingen ..."). Sources: fct_deelname, fct_controleavond, fct_partnerresultaat, fct_signaal.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.filters import Filter


def aanwezigheid(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per partner: evenings present (fct_deelname) and the share of all evenings in the selection.

    avonden_aanwezig = controleavonden the partner attended (fct_deelname rows: one per evening and partner, a
    data test of the loader); aandeel_avonden = avonden_aanwezig / all controleavonden in the selection
    (fct_controleavond). Columns: partner, partner_naam, avonden_aanwezig, avonden_totaal, aandeel_avonden.
    Ordered by attendance, most first.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        WITH totaal AS (SELECT count(*) AS n FROM fct_controleavond WHERE {cond})
        SELECT partner, any_value(partner_naam) AS partner_naam,
               count(*) AS avonden_aanwezig,
               (SELECT n FROM totaal) AS avonden_totaal,
               count(*) / nullif((SELECT n FROM totaal), 0) AS aandeel_avonden
        FROM fct_deelname WHERE {cond}
        GROUP BY partner
        ORDER BY avonden_aanwezig DESC, partner_naam
        """,
        params * 2,
    ).df()


def resultaten(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per partner and kind of result: times (sum of aantal), quantity with its unit, and money.

    From fct_partnerresultaat (team, datum; a result without a controleavond has no municipality and is
    left out as soon as municipalities are chosen). hoeveelheid is summed per unit. Columns: partner,
    partner_naam, soort, eenheid, aantal, hoeveelheid, bedrag_eur.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        SELECT partner, any_value(partner_naam) AS partner_naam, soort, eenheid,
               sum(aantal)::BIGINT AS aantal, sum(hoeveelheid) AS hoeveelheid, sum(bedrag_eur)::DOUBLE AS bedrag_eur
        FROM fct_partnerresultaat WHERE {cond}
        GROUP BY partner, soort, eenheid
        ORDER BY partner_naam, aantal DESC, soort
        """,
        params,
    ).df()


def geld_per_partner(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Money per partner: sum of fct_partnerresultaat.bedrag_eur (rows without an amount are not counted).

    aandeel = the partner's amount / the amount of all partners in the selection. Columns: partner,
    partner_naam, bedrag_eur, aandeel. Only partners with an amount are listed, largest first.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        SELECT partner, any_value(partner_naam) AS partner_naam, sum(bedrag_eur)::DOUBLE AS bedrag_eur,
               sum(bedrag_eur)::DOUBLE / sum(sum(bedrag_eur)) OVER ()::DOUBLE AS aandeel
        FROM fct_partnerresultaat WHERE bedrag_eur IS NOT NULL AND {cond}
        GROUP BY partner
        ORDER BY bedrag_eur DESC, partner_naam
        """,
        params,
    ).df()


def signalen_per_bron(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Who brings in signals: per source partner (fct_signaal.bron_partner) the signals and what became of them.

    gecontroleerd = signals with uitkomst 'gecontroleerd'; aandeel_gecontroleerd = gecontroleerd / signalen of
    that partner; aandeel_signalen = the partner's signals / all signals in the selection. Columns:
    bron_partner, bron_partner_naam, signalen, gecontroleerd, aandeel_gecontroleerd, aandeel_signalen.
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        SELECT bron_partner, any_value(bron_partner_naam) AS bron_partner_naam, count(*) AS signalen,
               count(*) FILTER (WHERE uitkomst = 'gecontroleerd') AS gecontroleerd,
               count(*) FILTER (WHERE uitkomst = 'gecontroleerd') / count(*) AS aandeel_gecontroleerd,
               count(*) / sum(count(*)) OVER () AS aandeel_signalen
        FROM fct_signaal WHERE {cond}
        GROUP BY bron_partner
        ORDER BY signalen DESC, bron_partner_naam
        """,
        params,
    ).df()


def signalen_per_uitkomst(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Signals per source partner and outcome (fct_signaal.uitkomst), for a stacked chart.

    Columns: bron_partner_naam, uitkomst, signalen (count).
    """
    cond, params = f.sql()
    return con.execute(
        f"""
        SELECT bron_partner_naam, uitkomst, count(*) AS signalen
        FROM fct_signaal WHERE {cond}
        GROUP BY ALL ORDER BY bron_partner_naam, uitkomst
        """,
        params,
    ).df()


def organisatie_overzicht(con: duckdb.DuckDBPyConnection, f: Filter) -> pd.DataFrame:
    """Per partner, the lines of the PIT "Resultaten per organisatie" block: first "acties aanwezig", then results.

    Rows: one per partner with soort 'acties aanwezig' and aantal = evenings present (fct_deelname), then one
    per kind of result with aantal = sum of fct_partnerresultaat.aantal (and hoeveelheid/eenheid when given).
    Partners with neither attendance nor results are omitted. Columns: partner, partner_naam, volgorde, soort,
    aantal, hoeveelheid, eenheid, bedrag_eur.
    """
    aanwezig = aanwezigheid(con, f)
    regels = resultaten(con, f)
    kop = pd.DataFrame(
        {
            "partner": aanwezig["partner"],
            "partner_naam": aanwezig["partner_naam"],
            "volgorde": 0,
            "soort": "acties aanwezig",
            "aantal": aanwezig["avonden_aanwezig"].astype("int64"),
            "hoeveelheid": float("nan"),
            "eenheid": None,
            "bedrag_eur": float("nan"),
        }
    )
    regels = regels.assign(volgorde=1)[list(kop.columns)]
    delen = [d for d in (kop, regels) if not d.empty]
    if not delen:
        return kop
    samen = pd.concat(delen, ignore_index=True)
    totaal = samen.groupby("partner")["aantal"].transform("sum")
    samen = samen.assign(_totaal=totaal).sort_values(
        ["_totaal", "partner_naam", "volgorde", "aantal"], ascending=[False, True, True, False]
    )
    return samen.drop(columns="_totaal").reset_index(drop=True)
