"""The report date (peildatum) and the state of a follow-up step on it, shared by every follow-up figure.

- Without a date set by the user, the reference date is set per team: the end of the team's data period, i.e.
  the last date in its data (evening dates, step start and closing dates of its follow-up register), or the
  filter's end date when that comes earlier. Per team, so that a team whose data ended years ago (PIT 2017) is
  not treated as still observed until another team's end date.
- With a date set by the user (`peildatum`), that date holds for every team: the figures are "as of" it.
- A step is open on a date when it started on or before it and was not closed on or before it, also when it
  was closed later: a step closed after the report date counts as open on it. Closed means status afgerond
  with datum_gesloten, or status vervallen (lapsed) with datum_gesloten or, without one, from its start (when
  it lapsed is unknown; it is then never counted open). Overdue on a date: open on it and its deadline lies
  before it. A step without a deadline is never overdue.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.filters import Filter

STATUS_OP = ("open", "afgerond", "vervallen")
"""State of a started step on the report date."""


def peildata_sql(f: Filter, peildatum: date | None = None) -> tuple[str, list[object]]:
    """The query behind `peildata` as (`sql`, `params`), for use as a CTE: columns team, peildatum (DATE).

    Per team of the filter (all teams when none is chosen) with data: `peildatum` when given, else the latest
    of its evening dates and step start and closing dates, no later than `f.end`.
    """
    cond, params = Filter(teams=f.teams).sql(date_col=None)
    sql = f"""
        SELECT team, CASE WHEN ?::DATE IS NOT NULL THEN ?::DATE
                          ELSE least(max(datum), coalesce(?::DATE, max(datum))) END AS peildatum
        FROM (SELECT team, datum FROM fct_controleavond
              UNION ALL SELECT team, datum_start FROM fct_opvolging
              UNION ALL SELECT team, datum_gesloten FROM fct_opvolging) AS datums
        WHERE datum IS NOT NULL AND team IS NOT NULL AND {cond}
        GROUP BY team"""
    return sql, [peildatum, peildatum, f.end, *params]


def peildata(con: duckdb.DuckDBPyConnection, f: Filter, peildatum: date | None = None) -> pd.DataFrame:
    """The reference date per team: `peildatum` when given, else the last date in the team's data or `f.end`.

    The last date in a team's data is the latest of its control evening dates and the start and closing dates
    of its follow-up steps (deadlines are plans, not data), over all its municipalities and dates, since the
    register is kept for the whole team. Only the filter's teams (all teams when none is chosen) with data.
    Columns: team, peildatum (a date).
    """
    sql, params = peildata_sql(f, peildatum)
    out = con.execute(f"SELECT team, peildatum FROM ({sql}) ORDER BY team", params).df()
    return pd.DataFrame({"team": out["team"], "peildatum": pd.to_datetime(out["peildatum"]).dt.date})


def tot_peildatum(f: Filter, peildatum: date | None) -> Filter:
    """`f` with its period ending no later than `peildatum`: evenings after the report date had not happened."""
    if peildatum is None or (f.end is not None and f.end <= peildatum):
        return f
    return Filter(teams=f.teams, gemeenten=f.gemeenten, start=f.start, end=peildatum)


def met_peildatum(df: pd.DataFrame, con: duckdb.DuckDBPyConnection, f: Filter,
                  peildatum: date | None = None) -> pd.DataFrame:
    """Return `df` (with a team column) with the team's reference date added as column peildatum (a Timestamp)."""
    ref = peildata(con, f, peildatum).assign(peildatum=lambda d: pd.to_datetime(d["peildatum"]))
    return df.merge(ref, on="team", how="left")


def status_op(stappen: pd.DataFrame) -> pd.Series:
    """State of each step on its row's peildatum: open, afgerond, vervallen, or None when not yet started.

    `stappen` needs status, datum_start, datum_gesloten and peildatum (a Timestamp); see the module docstring.
    """
    peil = pd.to_datetime(stappen["peildatum"])
    start = pd.to_datetime(stappen["datum_start"])
    gesloten = pd.to_datetime(stappen["datum_gesloten"])
    afgerond = (stappen["status"] == "afgerond") & gesloten.notna() & (gesloten <= peil)
    vervallen = (stappen["status"] == "vervallen") & (gesloten.isna() | (gesloten <= peil))
    out = pd.Series("open", index=stappen.index, dtype=object)
    out[afgerond] = "afgerond"
    out[vervallen] = "vervallen"
    out[~(start <= peil)] = None
    return out


def te_laat_sql(alias: str = "o", peil: str = "p.peildatum") -> str:
    """`te_laat_op` as a SQL condition on a step row `alias` (status, datum_start, datum_gesloten, deadline) and
    the reference date expression `peil`: open on it (started by then, not afgerond on or before it, not
    vervallen by then) and its deadline before it. The same rule as `status_op`; the tests hold both to it."""
    a = f"{alias}."
    return f"""(coalesce({a}datum_start <= {peil}, FALSE)
        AND NOT coalesce({a}status = 'afgerond' AND {a}datum_gesloten <= {peil}, FALSE)
        AND NOT coalesce({a}status = 'vervallen' AND ({a}datum_gesloten IS NULL OR {a}datum_gesloten <= {peil}), FALSE)
        AND coalesce({a}deadline < {peil}, FALSE))"""


def te_laat_op(stappen: pd.DataFrame) -> pd.Series:
    """True for steps open on their peildatum whose deadline lies before it (`status_op` plus deadline)."""
    deadline = pd.to_datetime(stappen["deadline"])
    return (status_op(stappen) == "open") & deadline.notna() & (deadline < pd.to_datetime(stappen["peildatum"]))
