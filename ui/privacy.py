"""Small-count suppression on the pages for burgemeester and stuurgroep (access.suppress does the arithmetic).

Person-based counts below settings.small_count_threshold are shown as "<5", with secondary suppression so that a
hidden count cannot be recomputed from the totals; evaluators and beheerders see the counts themselves. A page that
suppresses says so (`note`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from access.accounts import municipalities
from access.suppress import SUPPRESSED_ROLES, hidden_label, suppress, suppress_long
from ui.auth import current_user
from ui.data import current_settings
from ui.format import getal


def suppresses() -> bool:
    """Whether the logged-in user's figures are suppressed (fail closed: also when nobody is logged in)."""
    user = current_user(touch=False)
    return user is None or user.role in SUPPRESSED_ROLES


def threshold() -> int:
    return current_settings().small_count_threshold


def drempel() -> int | None:
    """The threshold to hand to a metric or report that words a person count itself (e.g. a summary sentence):
    the setting for a suppressed role, None (nothing hidden) otherwise."""
    return threshold() if suppresses() else None


def person_count(value: float) -> str:
    """A single person-based count as tile text: "<5" when it is small and the role is suppressed."""
    if suppresses() and 0 < value < threshold():
        return hidden_label(threshold())
    return getal(value)


def person_counts(frame: pd.DataFrame, columns: list[str], derived: tuple[str, ...] = ()
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(`frame` for tables and downloads, `frame` for charts): for a suppressed role the hidden cells of `columns`
    are "<5" in the first and empty (NaN) in the second; otherwise both are `frame`. `derived` columns (a share or
    rate computed from the counts, which would give a hidden count back) are emptied in both on every line that
    has a hidden count."""
    if not suppresses() or frame.empty:
        return frame, frame
    result = suppress(_whole(frame.reset_index(drop=True), columns), columns, threshold())
    chart = frame.reset_index(drop=True).copy()
    for col in columns:
        chart[col] = chart[col].astype(float).mask(result.hidden[col])
    shown = result.shown
    line_hidden = result.hidden.any(axis=1)
    for col in derived:
        shown[col] = shown[col].astype(float).mask(line_hidden)
        chart[col] = chart[col].astype(float).mask(line_hidden)
    return shown, chart


def person_counts_long(frame: pd.DataFrame, value: str, row: str, column: str | None,
                       derived: tuple[str, ...] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """As `person_counts` for a long table (one line per `row` x `column` pair, access.suppress.suppress_long):
    (`frame` for tables and downloads with "<5" in `value` and `derived` emptied, `frame` for charts without the
    hidden lines, so a chart never draws a hidden count); for other roles both are `frame`."""
    if not suppresses() or frame.empty:
        return frame, frame
    hidden = suppress_long(frame, value, row, column, threshold())
    shown = _whole(frame, [value])
    shown[value] = shown[value].astype(object).mask(hidden, hidden_label(threshold()))
    for col in derived:
        shown[col] = shown[col].astype(float).mask(hidden)
    return shown, frame[~hidden]


def _whole(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy of `frame` whose float count columns holding whole numbers only are integers, so that a count
    shown beside "<5" reads 7, not 7.0 (in the table and in the CSV)."""
    out = frame.copy()
    for col in columns:
        values = out[col]
        if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
            out[col] = values.astype("Int64")
    return out


def own_municipality_code() -> str | None:
    """The CBS code of the logged-in burgemeester's municipality, for a metric that limits an operational list
    itself (None for other roles: not limited); says so on the page. Nobody logged in gets a code that matches
    nothing (fail closed)."""
    user = current_user(touch=False)
    if user is None:
        return ""
    if user.role != "burgemeester":
        return None
    name = municipalities(current_settings().reference_dir).get(user.gemeente or "", "")
    st.caption(f":material/location_city: Als burgemeester ziet u deze lijst alleen voor uw eigen gemeente "
               f"({name}); de cijfers over de keten hieronder gaan over alle gemeenten van het team.")
    return user.gemeente or ""


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


def person_base(frames: tuple[pd.DataFrame, pd.DataFrame], value: str, group: str | None
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Suppress a person-based base that repeats on every line of its `group` (e.g. persons found per
    municipality, the denominator of a share) in the (table, chart) pair of `person_counts_long`: one count per
    group, secondary suppression across the groups (their sum is the total base). The table shows "<5", the chart
    gets NaN. Without `group` the frame has one base."""
    shown, chart = frames
    if not suppresses() or shown.empty:
        return shown, chart
    keys = [group] if group else []
    bases = shown.drop_duplicates(keys)[[*keys, value]] if keys else shown[[value]].head(1)
    hidden = suppress_long(bases, value, group or value, None, threshold())
    if keys:
        hidden_groups = set(bases.loc[hidden, group])
        line, chart_line = shown[group].isin(hidden_groups), chart[group].isin(hidden_groups)
    else:
        line = pd.Series(bool(hidden.iloc[0]), index=shown.index)
        chart_line = pd.Series(bool(hidden.iloc[0]), index=chart.index)
    shown, chart = shown.copy(), chart.copy()
    shown[value] = shown[value].astype(object).mask(line, hidden_label(threshold()))
    chart[value] = chart[value].astype(float).mask(chart_line)
    return shown, chart


def person_rows(frame: pd.DataFrame, is_person: pd.Series, columns: list[str], derived: tuple[str, ...] = (),
                apart: str | list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`person_counts` on only the lines of `frame` where `is_person` holds (e.g. the kengetal "aangetroffen
    personen" among evenings and objects); `apart` names the column(s) whose groups have no common total (teams,
    which are never summed; two kengetallen), so each group is suppressed on its own (no secondary cell in another
    group). Returns
    (table, chart) in the order and index of `frame`."""
    if not suppresses() or frame.empty or not is_person.any():
        return frame, frame
    shown, chart = frame.copy(), frame.copy()
    for col in columns:
        shown[col] = shown[col].astype(object)
    for col in (*columns, *derived):
        chart[col] = chart[col].astype(float)
    for col in derived:
        shown[col] = shown[col].astype(float)
    lines = frame[is_person]
    groups = [lines] if apart is None else [g for _, g in lines.groupby(apart, sort=False)]
    for group in groups:
        group_shown, group_chart = person_counts(_whole(group, columns), columns, derived)
        for col in (*columns, *derived):
            shown.loc[group.index, col] = group_shown[col].to_numpy()
            chart.loc[group.index, col] = group_chart[col].astype(float).to_numpy()
    return shown, chart
