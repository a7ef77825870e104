"""The marts are the only layer metrics/, ui/, report/, pages/ and dashboard.py read: none of them names a staging
(stg_), reference (ref_) or load bookkeeping (meta_) table or a mart definition (int_, the macros the loader
materialises the fact marts from), not even in a docstring (etl/marts.py lists the marts);
and pages only lay out and draw: no SQL in a page script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
READERS = ("metrics", "ui", "report", "pages")
BELOW_THE_MARTS = re.compile(r"\b(stg|ref|meta|int_fct)_\w*")
SQL = re.compile(r"\.execute\(|\.sql\(|\bSELECT\b[^\n]*\bFROM\b")


def below_the_marts(text: str) -> list[str]:
    """The names of staging, reference or bookkeeping tables in `text` (a table name or its f-string prefix)."""
    return [m.group(0) for m in BELOW_THE_MARTS.finditer(text)]


@pytest.mark.parametrize("folder", READERS)
def test_readers_name_only_marts(folder: str) -> None:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files
    found = {str(p.relative_to(ROOT)): names for p in files if (names := below_the_marts(p.read_text("utf-8")))}
    assert found == {}, f"read a mart (etl/marts.py) instead: {found}"


def test_dashboard_names_only_marts() -> None:
    assert below_the_marts((ROOT / "dashboard.py").read_text("utf-8")) == []


def test_pages_hold_no_sql() -> None:
    found = {p.name: SQL.findall(p.read_text("utf-8")) for p in sorted((ROOT / "pages").glob("*.py"))}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_guard_sees_table_names_in_sql_and_f_strings() -> None:
    assert below_the_marts('con.execute("SELECT * FROM stg_bezoeken")') == ["stg_bezoeken"]
    assert below_the_marts("FROM ref_gemeente g JOIN meta_laadronde") == ["ref_gemeente", "meta_laadronde"]
    assert below_the_marts('f"SELECT count(*) FROM stg_{soort}"') == ["stg_"]
    assert below_the_marts("SELECT * FROM int_fct_bezoek('stg_bezoeken')") == ["int_fct_bezoek", "stg_bezoeken"]
    assert below_the_marts("FROM fct_bezoek b JOIN dim_gemeente g  -- prefer_stg_free") == []
    assert SQL.findall('con.execute("SELECT count(*) FROM fct_bezoek")') == [".execute(", "SELECT count(*) FROM"]
    assert SQL.findall('st.write("Selecteer een gemeente")') == []
