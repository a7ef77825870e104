"""Dutch number formatting for tiles, captions and tables (presentation only; the figures come from metrics/)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from metrics.format import TEAM_LABELS, getal, team_label_kort

__all__ = ["TEAM_LABELS", "datum", "euro", "getal", "getal_of_label", "opgemaakt", "procent", "team_label_kort"]


def getal_of_label(value: object, decimals: int = 0) -> str:
    """A count for a table or caption: a text (a suppressed count, "<5", ui/privacy.py) as it is, else `getal`."""
    return value if isinstance(value, str) else getal(value, decimals)


def procent(share: object, decimals: int = 0) -> str:
    """Format a share between 0 and 1 as a Dutch percentage (33%); a dash for a missing value."""
    if share is None or (isinstance(share, float) and pd.isna(share)) or share is pd.NA:
        return "–"
    return f"{getal(float(share) * 100, decimals)}%"


def euro(value: object) -> str:
    """Format an amount in euro (€ 12.000)."""
    return "–" if value is None or pd.isna(value) else f"€ {getal(value)}"


def datum(value: date | None) -> str:
    """Format a date as dd-mm-jjjj."""
    return "–" if value is None else value.strftime("%d-%m-%Y")


def opgemaakt(df: pd.DataFrame, formaten: dict[str, Callable[[object], str]]) -> pd.DataFrame:
    """Return a copy of `df` for display with the given columns turned into Dutch text (e.g. {"aantal": getal}).

    A column "team" is always shown with the display names of the teams.
    """
    out = df.copy()
    for kolom, functie in formaten.items():
        if kolom in out.columns:
            out[kolom] = out[kolom].map(functie)
    if "team" in out.columns:
        out["team"] = out["team"].map(team_label_kort)
    return out


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: object) -> str:
    """User or partner text (answers, memos, reasons) made safe to put inside st.markdown / st.caption: every
    Markdown character is escaped, so a text can never become a link, an image (a request leaving the server) or
    formatting. HTML is never rendered anyway (no unsafe_allow_html)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
