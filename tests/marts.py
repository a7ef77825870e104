"""The materialised marts as views over their definitions, for metric tests that write staging rows directly.

A load materialises the fact marts (etl/refresh.py); a metric test that inserts staging rows by hand would have to
refresh them after every insert. `marts_as_views` replaces each materialised mart of a fresh warehouse by a view
of its definition (the same macro int_fct_* the refresh uses), so the metric reads exactly what a refresh would
write. tests/etl/test_refresh.py holds the materialisation itself to these definitions.
"""

from __future__ import annotations

import duckdb

from etl.refresh import MATERIALISED
from etl.staging import files_in_staging_sql


def marts_as_views(con: duckdb.DuckDBPyConnection) -> None:
    """Turn every materialised mart of `con` into a view of its definition (in dependency order)."""
    for m in MATERIALISED:
        con.execute(f"DROP TABLE {m.mart}")
        con.execute(f"CREATE VIEW {m.mart} AS SELECT * FROM int_{m.mart}('{m.source}')")
    con.execute("DROP TABLE fct_geladen_rijen")
    con.execute(f"CREATE VIEW int_bestanden AS {files_in_staging_sql()}")  # every file with staging rows
    con.execute("CREATE VIEW fct_geladen_rijen AS SELECT * FROM int_fct_geladen_rijen('int_bestanden')")
