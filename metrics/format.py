"""Dutch number formatting and team display names: the one definition, used by metrics/ and re-exported by ui/."""

from __future__ import annotations

import pandas as pd

TEAM_LABELS: dict[str, str] = {"KIT-pilot": "KIT pilot", "KIT": "KIT", "PIT": "PIT"}
"""Short Dutch display names of the team codes: used in the filter, legends, axes and downloads alike."""


def team_label_kort(code: object) -> str:
    """Return the short display name of a team code ("KIT-pilot" -> "KIT pilot"); other values unchanged."""
    return TEAM_LABELS.get(str(code), str(code))


def getal(value: object, decimals: int = 0) -> str:
    """Format a number the Dutch way (1.234 or 12,5); a dash for a missing value."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
