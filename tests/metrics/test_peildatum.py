"""The overdue rule in SQL (`te_laat_sql`, used for the overdue list) and in pandas (`te_laat_op`, used for the
deadline figures) give the same answer on every combination of status, dates and deadline."""

from __future__ import annotations

import itertools
from datetime import date

import duckdb
import pandas as pd

from metrics.peildatum import te_laat_op, te_laat_sql

PEIL = date(2022, 6, 30)
DATES = [None, date(2022, 6, 1), PEIL, date(2022, 7, 15)]


def test_sql_and_pandas_overdue_rules_agree_on_every_case() -> None:
    rows = [
        {"status": status, "datum_start": start, "datum_gesloten": closed, "deadline": deadline, "peildatum": PEIL}
        for status, start, closed, deadline in itertools.product(
            ["open", "lopend", "afgerond", "vervallen"], DATES, DATES, DATES)
    ]
    steps = pd.DataFrame(rows)
    for column in ("datum_start", "datum_gesloten", "deadline", "peildatum"):
        steps[column] = pd.to_datetime(steps[column])
    con = duckdb.connect()
    con.register("steps", steps)
    in_sql = con.execute(f"SELECT {te_laat_sql('o', 'o.peildatum')} FROM steps o").fetchnumpy()
    in_pandas = te_laat_op(steps).to_numpy()
    assert len(rows) == 256
    assert list(next(iter(in_sql.values()))) == list(in_pandas)
    # the worked case: started 1 June, deadline 1 June, closed only after the report date -> overdue on it
    assert in_pandas[rows.index({"status": "afgerond", "datum_start": DATES[1], "datum_gesloten": DATES[3],
                                 "deadline": DATES[1], "peildatum": PEIL})]
    # started by then (2 dates) x deadline before it (1) x (open/lopend: 4 closing dates each; afgerond: none or
    # later; vervallen: later) = 2 x (8 + 2 + 1)
    assert int(in_pandas.sum()) == 22
