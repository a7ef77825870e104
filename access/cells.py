"""Formula-safe export cells (CSV and Excel), following the OWASP guidance on CSV injection.

A spreadsheet reads a cell that starts with =, +, -, @, a tab or a carriage return as a formula, so partner text
such as =HYPERLINK("http://…","klik") or text typed in the browser (memos, reasons) could run as one. Such a text
cell gets a leading apostrophe, which shows the text as typed and never evaluates it. Numbers, dates and empty
cells stay what they are, so a report can still add them up.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP, CSV injection)."""


def safe_cell(value: Any) -> Any:
    """`value` with a leading apostrophe when it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells and column headers are formula-safe; numeric columns are untouched."""
    out = frame.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_datetime64_any_dtype(out[col])):
            out[col] = out[col].map(safe_cell)
    out.columns = [safe_cell(c) for c in out.columns]
    return out
