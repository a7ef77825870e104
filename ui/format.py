"""Dutch number formatting for tiles and captions (presentation only; the figures come from metrics/)."""

from __future__ import annotations

from datetime import date

import pandas as pd


def getal(value: object, decimals: int = 0) -> str:
    """Format a number the Dutch way (1.234 or 12,5); a dash for a missing value."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


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

