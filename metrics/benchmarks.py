"""Benchmarks beyond PIT: published figures of other intervention teams (HAM/KIT evaluation §6.2.3), beside the
record-level comparison of KIT vs PIT and never added to it.

Source: dim_benchmark (etl/reference/benchmarks.csv, from the text of the evaluation: no rows behind them) and,
for the side by side, fct_bezoek of the chosen teams.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.filters import Filter
from metrics.format import getal, team_label_kort

KOLOMMEN = ["herkomst", "team", "periode", "gemeenten", "wat", "waarde", "per_gemeente", "bron", "opmerking"]


def _bereik(laag: float | None, hoog: float | None) -> str:
    if laag is None or pd.isna(laag):
        return "–"
    return getal(laag) if hoog is None or pd.isna(hoog) or laag == hoog else f"{getal(laag)} tot {getal(hoog)}"


def benchmarks(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The published figures of other teams as printed, with a per-municipality value where the figure is a count
    and the municipalities are named (value / aantal_gemeenten; the sources give no period, so no per-year value).

    Columns: id, team, periode, gemeenten, aantal_gemeenten, soort, wat, gedrukt, waarde_laag, waarde_hoog,
    per_gemeente_laag, per_gemeente_hoog (NULL unless soort = 'aantal'), bron, opmerking. Empty when the warehouse
    predates the table (rebuild it with `python -m etl load`).
    """
    bestaat = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dim_benchmark'"
    ).fetchone()[0]
    kolommen = ["id", "team", "periode", "gemeenten", "aantal_gemeenten", "soort", "wat", "gedrukt", "waarde_laag",
                "waarde_hoog", "per_gemeente_laag", "per_gemeente_hoog", "bron", "opmerking"]
    if not bestaat:
        return pd.DataFrame(columns=kolommen)
    return con.execute(
        """
        SELECT id, team, periode, gemeenten, aantal_gemeenten, soort, wat, gedrukt, waarde_laag, waarde_hoog,
               CASE WHEN soort = 'aantal' THEN waarde_laag / aantal_gemeenten END AS per_gemeente_laag,
               CASE WHEN soort = 'aantal' THEN waarde_hoog / aantal_gemeenten END AS per_gemeente_hoog,
               bron, opmerking
        FROM dim_benchmark ORDER BY CASE soort WHEN 'aantal' THEN 0 WHEN 'jaartal' THEN 1 ELSE 2 END, id
        """
    ).df()[kolommen]


def benchmarks_naast(con: duckdb.DuckDBPyConnection, f: Filter, drempel: int | None = None) -> pd.DataFrame:
    """Published figures of other teams and, beside them (separate rows, never summed), the chosen teams' persons
    found per municipality where a control evening was held, over the chosen period: the record-level figure
    closest to "gecontroleerde arbeidsmigranten".

    One row per published figure (herkomst "gepubliceerd (tekst)") and per chosen team with evenings (herkomst
    "berekend uit rijen"). Columns: herkomst, team, periode, gemeenten, wat, waarde, per_gemeente (text, Dutch
    numbers), bron, opmerking. The record-level rows: sum of fct_bezoek.aantal_personen / municipalities with
    at least one evening of that team in the selection. `drempel` (small-count suppression, access/suppress.py):
    a team's persons from 1 up to drempel - 1 are written "<drempel>" and the per-municipality figure "–" (it
    would give the count back); teams are never summed, so each team on its own. None writes every number.
    """
    rijen = []
    for r in benchmarks(con).itertuples(index=False):
        rijen.append({
            "herkomst": "gepubliceerd (tekst)", "team": r.team, "periode": r.periode, "gemeenten": r.gemeenten,
            "wat": r.wat, "waarde": r.gedrukt or "–",
            "per_gemeente": _bereik(r.per_gemeente_laag, r.per_gemeente_hoog) if r.soort == "aantal" else "–",
            "bron": r.bron, "opmerking": r.opmerking,
        })
    cond, params = f.sql()
    eigen = con.execute(
        f"""
        SELECT team, min(datum) AS van, max(datum) AS tot, sum(aantal_personen) AS personen,
               count(DISTINCT gemeente_code) AS gemeenten,
               string_agg(DISTINCT gemeente, '; ' ORDER BY gemeente) AS namen
        FROM fct_bezoek WHERE {cond} GROUP BY team
        """,
        params,
    ).df()
    for r in eigen.itertuples(index=False):
        klein = drempel is not None and 0 < r.personen < drempel
        rijen.append({
            "herkomst": "berekend uit rijen", "team": team_label_kort(r.team),
            "periode": f"{pd.Timestamp(r.van):%d-%m-%Y} t/m {pd.Timestamp(r.tot):%d-%m-%Y}", "gemeenten": r.namen,
            "wat": "aangetroffen personen", "waarde": f"<{drempel}" if klein else getal(r.personen),
            "per_gemeente": getal(r.personen / r.gemeenten, 1) if r.gemeenten and not klein else "–",
            "bron": "registraties van de partners (bezoeken)",
            "opmerking": "Per gemeente met minstens één controleavond in de gekozen periode.",
        })
    return pd.DataFrame(rijen, columns=KOLOMMEN)
