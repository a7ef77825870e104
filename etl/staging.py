"""The staging layer, generated from the data contract (etl/contract.py): one stg_* table per contract sheet.

Each table has the sheet's columns as stored (a municipality as its CBS code `<column>_code`, a person's name or
an address as `<column>_pseudoniem`, a postcode as `pc4`; BSN columns never, a list of partners in a bridge table
of its own), the SQL type of the column type, NOT NULL for a required column and for the sheet's key (or its
`unique_together` columns), and the lineage columns _bestand (file path relative to the raw folder), _blad (sheet
name as delivered) and _rij (1-based Excel row number in that sheet).

No primary keys: their indexes were 70% of a national warehouse's file (1.0 of 1.46 GiB), which copy-and-swap copies
on every load and every checkpoint rewrites. A key is unique all the same: the parser refuses a key twice in a file,
the loader a key another file holds (etl.load._key_clashes), and the data tests check every key a load touched.

Adding a kind of spreadsheet is a contract entry: its tables, loading, deleting and data tests follow from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from etl import contract
from etl.contract import Column, Kind, Sheet

LINEAGE = ("_bestand", "_blad", "_rij")
LINEAGE_DDL = "_bestand VARCHAR NOT NULL, _blad VARCHAR NOT NULL, _rij INTEGER NOT NULL"

SQL_TYPES = {
    "text": "VARCHAR",
    "int": "INTEGER",
    "decimal": "DOUBLE",
    "date": "DATE",
    "jn": "VARCHAR",
    "enum": "VARCHAR",
    "gemeente": "VARCHAR",
    "partner": "VARCHAR",
    "team": "VARCHAR",
    "thema": "VARCHAR",
    "postcode": "VARCHAR",
    "pseudonym": "VARCHAR",
}
"""Warehouse type of each contract column type (`Column.sql` overrides it, e.g. DECIMAL(10,2) or BOOLEAN)."""


def stg_table(sheet: Sheet) -> str:
    """The staging table of a contract sheet: `Sheet.table`, else stg_<sheet name in lower case>."""
    return sheet.table or f"stg_{sheet.name.lower()}"


def stg_column(column_name: str, column_type: str) -> str | None:
    """The staging column of a contract column (None: not stored in the sheet's own table)."""
    if column_type in ("bsn", "partners"):
        return None
    if column_type == "gemeente":
        return f"{column_name}_code"
    if column_type == "pseudonym":
        return f"{column_name}_pseudoniem"
    if column_type == "postcode":
        return "pc4"
    return column_name


def sql_type(col: Column) -> str:
    """The warehouse type of a stored contract column."""
    return col.sql or SQL_TYPES[col.type]


@dataclass(frozen=True)
class Bridge:
    """A bridge table for a list-valued column (type `partners`): one row per (row key, partner)."""

    table: str
    sheet: Sheet
    column: Column

    @property
    def key(self) -> str:
        """The column holding the key of the sheet's row (same name as the sheet's key)."""
        assert self.sheet.key, f"{self.sheet.name}.{self.column.name}: a list column needs a sheet key"
        return self.sheet.key


def bridges(kinds: Iterable[Kind] | None = None) -> list[Bridge]:
    """Every bridge table of the contract, in contract order."""
    kinds = contract.KINDS if kinds is None else kinds
    return [Bridge(col.table or f"{stg_table(sheet)}_{col.name}", sheet, col)
            for k in kinds for sheet in k.sheets for col in sheet.columns if col.type == "partners"]


def staging_tables(kinds: Iterable[Kind] | None = None) -> list[str]:
    """Every staging table (sheet tables and bridge tables) of the contract."""
    kinds = tuple(contract.KINDS if kinds is None else kinds)
    return [stg_table(s) for k in kinds for s in k.sheets] + [b.table for b in bridges(kinds)]


def sheet_of(ref: str, kinds: Iterable[Kind] | None = None) -> Sheet:
    """The sheet named in a reference "Sheet.column"."""
    kinds = contract.KINDS if kinds is None else kinds
    name = ref.split(".")[0]
    return next(s for k in kinds for s in k.sheets if s.name == name)


def _comment(col: Column) -> str:
    unit = f" [{col.unit}]" if col.unit else ""
    return f"{col.description}{unit}".replace("\n", " ")


def table_ddl(sheet: Sheet) -> str:
    """CREATE TABLE of one sheet's staging table."""
    lines = []
    for col in sheet.columns:
        target = stg_column(col.name, col.type)
        if target is None:
            continue
        key = col.name == sheet.key or col.name in sheet.unique_together
        constraint = " NOT NULL" if key or col.required else ""
        lines.append(f"    {target} {sql_type(col)}{constraint},  -- {_comment(col)}")
    lines.append(f"    {LINEAGE_DDL}")
    return f"CREATE TABLE {stg_table(sheet)} (  -- {sheet.description}\n" + "\n".join(lines) + "\n);"


def bridge_ddl(bridge: Bridge) -> str:
    """CREATE TABLE of a bridge table: the row's key, one partner code, lineage."""
    key_type = sql_type(bridge.sheet.column(bridge.key))
    return (f"CREATE TABLE {bridge.table} (  -- {bridge.sheet.name}.{bridge.column.name}: one row per partner\n"
            f"    {bridge.key} {key_type} NOT NULL,\n"
            f"    partner VARCHAR NOT NULL,  -- ref_partner.code\n"
            f"    {LINEAGE_DDL}\n);")


def staging_ddl(kinds: Iterable[Kind] | None = None) -> str:
    """The DDL of the whole staging layer of `kinds` (default: the contract)."""
    kinds = tuple(contract.KINDS if kinds is None else kinds)
    parts = [table_ddl(sheet) for k in kinds for sheet in k.sheets]
    parts += [bridge_ddl(b) for b in bridges(kinds)]
    return "-- staging, generated from etl/contract.py by etl/staging.py\n" + "\n".join(parts) + "\n"


def rows_per_file_ddl(kinds: Iterable[Kind] | None = None) -> str:
    """The mart fct_geladen_rijen: rows in the warehouse per raw file and contract sheet, from the lineage column.

    One row per (bestand, blad) with rows: blad is the contract sheet name, or "<sheet>.<column>" for a bridge
    table (Controleavonden.aanwezige_partners). Lets the steward check the rows a file brought in without reading
    the staging tables. A table, materialised by etl/refresh.py from the macro int_fct_geladen_rijen(bestanden),
    which counts the rows of the files named in the table `bestanden` (column bestand).
    """
    kinds = tuple(contract.KINDS if kinds is None else kinds)
    parts = [(sheet.name, stg_table(sheet)) for k in kinds for sheet in k.sheets]
    parts += [(f"{b.sheet.name}.{b.column.name}", b.table) for b in bridges(kinds)]
    union = "\nUNION ALL ".join(f"SELECT _bestand AS bestand, '{name}' AS blad, count(*) AS rijen FROM {table} "
                                "WHERE _bestand IN (SELECT bestand FROM query_table(bestanden)) GROUP BY _bestand"
                                for name, table in parts)
    return ("-- generated by etl/staging.py from the contract\n"
            f"CREATE MACRO int_fct_geladen_rijen(bestanden) AS TABLE\n{union};\n"
            "CREATE TABLE fct_geladen_rijen AS SELECT * FROM int_fct_geladen_rijen('meta_bestand') LIMIT 0;\n")


def files_in_staging_sql(kinds: Iterable[Kind] | None = None) -> str:
    """A query of every file that has rows in some staging table (column bestand)."""
    kinds = tuple(contract.KINDS if kinds is None else kinds)
    tables = [stg_table(sheet) for k in kinds for sheet in k.sheets] + [b.table for b in bridges(kinds)]
    return " UNION ".join(f"SELECT DISTINCT _bestand AS bestand FROM {t}" for t in tables)
