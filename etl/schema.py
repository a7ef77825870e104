"""Create the warehouse schema and fill the reference tables from etl/reference/*.csv.

The schema is the staging layer generated from the contract (etl/staging.py) followed by etl/warehouse.sql:
reference tables, load bookkeeping and the marts that metrics/ reads (views, and the large fact marts as tables
materialised by etl/refresh.py from their table macros), described in etl/marts.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd

from etl.staging import rows_per_file_ddl, staging_ddl

SCHEMA_SQL = Path(__file__).with_name("warehouse.sql")

_REFERENCE_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ref_gemeente": (
        "gemeenten.csv",
        ("code", "naam", "regio", "lat", "lon", "x_km", "y_km", "oppervlakte_km2", "inwoners", "inwoners_jaar",
         "grenst_aan_belgie", "grens_belgie_km"),
    ),
    "ref_grens": ("grenzen.csv", ("code_a", "naam_a", "code_b", "naam_b", "grenslengte_km")),
    "ref_partner": ("partners.csv", ("code", "naam", "soort")),
    "ref_team": ("teams.csv", ("code", "naam", "regio", "periode_start", "periode_eind", "bron_periode")),
    "ref_thema": ("themas.csv", ("code", "naam")),
    "ref_bevindingcategorie": ("bevindingcategorieen.csv", ("code", "naam", "groep")),
    "ref_benchmark": (
        "benchmarks.csv",
        ("id", "team", "periode", "gemeenten", "aantal_gemeenten", "soort", "wat", "waarde_laag", "waarde_hoog",
         "gedrukt", "bron", "opmerking"),
    ),
}


def read_reference(reference_dir: Path, filename: str) -> list[dict[str, str]]:
    """Return the rows of one reference CSV as dicts (all values text)."""
    with open(reference_dir / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def schema_ddl() -> str:
    """The whole schema: staging generated from the contract, then etl/warehouse.sql, then the one mart generated
    from the contract (fct_geladen_rijen)."""
    return staging_ddl() + "\n" + SCHEMA_SQL.read_text(encoding="utf-8") + "\n" + rows_per_file_ddl()


def create_warehouse(con: duckdb.DuckDBPyConnection, reference_dir: Path) -> None:
    """Create every table and view of the schema (`schema_ddl`) in `con` and load the reference tables.

    The connection must point at an empty database. Booleans in the CSVs are written 'ja'/'nee'.
    """
    con.execute(schema_ddl())
    for table, (filename, columns) in _REFERENCE_FILES.items():
        rows = read_reference(reference_dir, filename)
        values = [[_cast(row[col]) for col in columns] for row in rows]
        if values:  # one set-based insert per table (executemany inserts row by row: 1.5 s for the national lists)
            frame = pd.DataFrame(values, columns=list(columns), dtype=object)
            con.register("_reference", frame)
            try:
                con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM _reference")
            finally:
                con.unregister("_reference")


def _cast(value: str) -> object:
    """Turn the CSV's empty strings into NULL and ja/nee into booleans; DuckDB casts the rest."""
    if value == "":
        return None
    if value in ("ja", "nee"):
        return value == "ja"
    return value
