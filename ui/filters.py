"""The one sidebar filter (team, municipality, period) shared by every page.

`dashboard.py` draws it once per run before the page runs; a page that calls `sidebar_filter()` again in
the same run gets the same Filter back without drawing the widgets twice. The widget values live in
st.session_state, so the choice carries across pages.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from metrics.filters import Filter
from metrics.overzicht import gemeente_opties, team_opties
from ui.data import query
from ui.format import TEAM_LABELS, datum

TEAM_KEY = "filter_teams"
GEMEENTE_KEY = "filter_gemeenten"
PERIODE_KEY = "filter_periode"
_PERIODE_TEAMS_KEY = "_filter_periode_teams"
_FILTER_KEY = "_filter"
_NAMEN_KEY = "_filter_gemeente_namen"

__all__ = ["TEAM_LABELS", "filter_tekst", "kies_teams", "page_header", "sidebar_filter", "team_label", "team_namen"]


def team_label(code: str, opties: pd.DataFrame | None = None) -> str:
    """Return the short display name of a team code, with the years of its period when known."""
    label = TEAM_LABELS.get(code, code)
    if opties is not None and not opties.empty:
        rij = opties[opties["team"] == code]
        if not rij.empty:
            start = pd.Timestamp(rij.iloc[0]["periode_start"]).year
            eind = pd.Timestamp(rij.iloc[0]["periode_eind"]).year
            label += f" ({start})" if start == eind else f" ({start}–{eind})"
    return label


def _already_drawn() -> bool:
    """True when the filter widgets were already drawn in this script run (dashboard.py drew them)."""
    ctx = get_script_run_ctx()
    return ctx is not None and TEAM_KEY in ctx.widget_user_keys_this_run and _FILTER_KEY in st.session_state


def _data_range(opties: pd.DataFrame, teams: tuple[str, ...]) -> tuple[date, date]:
    """Return the widest range of the chosen teams: their official periods joined with the dates of their data."""
    rows = opties if not teams else opties[opties["team"].isin(teams)]
    starts = pd.concat([rows["periode_start"], rows["data_start"]]).dropna()
    ends = pd.concat([rows["periode_eind"], rows["data_eind"]]).dropna()
    return pd.Timestamp(starts.min()).date(), pd.Timestamp(ends.max()).date()


def sidebar_filter() -> Filter:
    """Draw (once per run) the sidebar filter and return the chosen Filter.

    Team: one or several of KIT pilot, KIT, PIT (default: the most recent team). Municipality: none chosen
    means all municipalities of the chosen teams' region; names are shown, CBS codes are passed. Period: a
    date range within the chosen teams' period and data; it resets to the full range when the team choice changes.
    """
    if _already_drawn():
        return st.session_state[_FILTER_KEY]

    opties = query(team_opties)
    codes = list(opties["team"])
    state = st.session_state
    if TEAM_KEY not in state or not set(state[TEAM_KEY]) <= set(codes):
        state[TEAM_KEY] = [codes[-1]] if codes else []

    st.sidebar.header("Filter")
    teams = tuple(
        st.sidebar.multiselect(
            "Team",
            options=codes,
            format_func=team_label,
            key=TEAM_KEY,
            placeholder="Alle teams",
            help="Kies één team, of twee om ze te vergelijken. Niets gekozen: alle teams.",
        )
    )

    gemeenten = query(gemeente_opties, teams)
    namen = dict(zip(gemeenten["code"], gemeenten["naam"], strict=True))
    state[_NAMEN_KEY] = namen
    if GEMEENTE_KEY in state:
        state[GEMEENTE_KEY] = [code for code in state[GEMEENTE_KEY] if code in namen]
    gekozen = tuple(
        st.sidebar.multiselect(
            "Gemeente",
            options=list(namen),
            format_func=lambda code: namen.get(code, code),
            key=GEMEENTE_KEY,
            placeholder="Alle gemeenten",
            help="Eén, meerdere of geen (= alle gemeenten van het gekozen team).",
        )
    )

    start, end = _data_range(opties, teams) if not opties.empty else (date(2017, 1, 1), date.today())
    if state.get(_PERIODE_TEAMS_KEY) != teams or PERIODE_KEY not in state:
        state[PERIODE_KEY] = (start, end)
        state[_PERIODE_TEAMS_KEY] = teams
    else:
        state[PERIODE_KEY] = tuple(min(max(d, start), end) for d in state[PERIODE_KEY])
    periode = st.sidebar.date_input(
        "Periode",
        min_value=start,
        max_value=end,
        key=PERIODE_KEY,
        format="DD-MM-YYYY",
        help="Van en tot en met; binnen de periode waarin het gekozen team gegevens heeft.",
    )
    van, tot = _periode_bounds(periode, start, end)

    chosen = Filter(teams=teams, gemeenten=gekozen, start=van, end=tot)
    state[_FILTER_KEY] = chosen
    return chosen


def _periode_bounds(periode: object, start: date, end: date) -> tuple[date, date]:
    """Turn the date_input value (a tuple of 0, 1 or 2 dates while the user is picking) into (from, to)."""
    if isinstance(periode, date):
        return periode, periode
    values = [d for d in periode if d is not None] if isinstance(periode, tuple | list) else []
    if len(values) >= 2:
        return values[0], values[1]
    if len(values) == 1:
        return values[0], end
    return start, end


def team_namen(teams: tuple[str, ...]) -> str:
    """Return the chosen teams as Dutch text ("alle teams" when none is chosen)."""
    if not teams:
        return "alle teams"
    labels = [TEAM_LABELS.get(t, t) for t in teams]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]


def filter_tekst(f: Filter) -> str:
    """Describe the active filter in one Dutch line (municipality names from the last drawn filter)."""
    namen: dict[str, str] = st.session_state.get(_NAMEN_KEY, {})
    gemeenten = ", ".join(namen.get(code, code) for code in f.gemeenten) if f.gemeenten else "alle gemeenten"
    return f"Team: {team_namen(f.teams)} · Gemeenten: {gemeenten} · Periode: {datum(f.start)} t/m {datum(f.end)}"


def page_header(title: str, intro: str | None = None) -> Filter:
    """Draw a page title with the active filter underneath and return that Filter (the common page start)."""
    f = sidebar_filter()
    st.title(title)
    st.caption(filter_tekst(f))
    if intro:
        st.markdown(intro)
    return f


def kies_teams(teams: list[str]) -> None:
    """Widget callback: set the team choice of the filter (the period then resets to the teams' full range)."""
    st.session_state[TEAM_KEY] = list(teams)
