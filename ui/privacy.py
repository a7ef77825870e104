"""Small-count suppression on the pages for burgemeester and stuurgroep (access.suppress does the arithmetic).

Person-based counts below settings.small_count_threshold are shown as "<5", with secondary suppression so that a
hidden count cannot be recomputed from the totals; evaluators and beheerders see the counts themselves. A page that
suppresses says so (`note`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from access.accounts import municipalities
from access.suppress import hidden_label, suppress
from ui.auth import current_user
from ui.data import current_settings
from ui.format import getal

SUPPRESSED_ROLES = frozenset({"burgemeester", "stuurgroep"})
"""Roles that see person-based counts only from the threshold up."""


def suppresses() -> bool:
    """Whether the logged-in user's figures are suppressed (fail closed: also when nobody is logged in)."""
    user = current_user(touch=False)
    return user is None or user.role in SUPPRESSED_ROLES


def threshold() -> int:
    return current_settings().small_count_threshold


def person_count(value: float) -> str:
    """A single person-based count as tile text: "<5" when it is small and the role is suppressed."""
    if suppresses() and 0 < value < threshold():
        return hidden_label(threshold())
    return getal(value)


def person_counts(frame: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(`frame` for tables and downloads, `frame` for charts): for a suppressed role the hidden cells of `columns`
    are "<5" in the first and empty (NaN) in the second; otherwise both are `frame`."""
    if not suppresses() or frame.empty:
        return frame, frame
    result = suppress(frame.reset_index(drop=True), columns, threshold())
    chart = frame.reset_index(drop=True).copy()
    for col in columns:
        chart[col] = chart[col].astype(float).mask(result.hidden[col])
    return result.shown, chart


def own_municipality(frame: pd.DataFrame, column: str = "gemeente") -> pd.DataFrame:
    """An operational list (one row per step, finding, ...) as a burgemeester may see it: only the rows of their own
    municipality (`column` holds municipality names); other roles get `frame` itself. Says so on the page."""
    user = current_user(touch=False)
    if user is None:
        return frame.iloc[0:0]
    if user.role != "burgemeester":
        return frame
    name = municipalities(current_settings().reference_dir).get(user.gemeente or "", "")
    st.caption(f":material/location_city: Als burgemeester ziet u deze lijst alleen voor uw eigen gemeente "
               f"({name}); de totalen hierboven gaan over alle gemeenten van het team.")
    return frame[frame[column] == name]


def note() -> None:
    """Say on the page that (and why) small counts of persons are hidden, for a suppressed role."""
    if suppresses():
        k = threshold()
        st.caption(
            f":material/visibility_off: Aantallen personen onder de {k} worden niet getoond ({hidden_label(k)}), en "
            "waar nodig ook een tweede aantal in dezelfde rij of kolom, zodat een verborgen aantal niet uit de totalen "
            "is terug te rekenen (zoals het CBS doet). Zo is niemand in de cijfers herkenbaar (AVG)."
        )
