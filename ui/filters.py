"""The one sidebar filter (team, municipality, period) shared by the pages that follow it.

`dashboard.py` draws it once per run before a page whose PageSpec says `filtered=True` (ui/registry.py); pages that
do not follow the filter (Reproductie, Codering, Datakwaliteit) get no filter in the sidebar. A page that calls
`sidebar_filter()` again in the same run gets the same Filter back without drawing the widgets twice. The choice
is kept in st.session_state (also while a page without the filter is open) and carries across pages.

Keys and helpers for other code and for tests (AppTest):

- `TEAM_KEY` ("filter_teams"): multiselect of team codes (`at.multiselect(key=TEAM_KEY).set_value(["KIT"])`).
- `GEMEENTE_KEY` ("filter_gemeenten"): multiselect of CBS codes; none chosen = all municipalities of the teams.
- `PERIODE_KEY` ("filter_periode"): a text input holding the typed period, read by `metrics.periode.lees_periode`
  (`2022`, `2022-Q3`, `2022-03`, `maart 2022`, `2021-01-01..2022-06-30`, `1-3-2021 t/m 30-6-2022`, ...). Empty
  means the whole period of the chosen teams. Tests set a range with
  `at.text_input(key=PERIODE_KEY).input(periode_invoer(van, tot)).run()`.
- `PERIODE_KEUZE_KEY` ("filter_periode_keuze"): a selectbox of every year, quarter and month of the teams' data
  (values are the typed forms, e.g. "2022-Q3"); choosing one writes it into the text input.
- `periode_invoer(van, tot)`: the typed form of a date range (= `metrics.periode.invoer`).
- A period that is not a period shows a Dutch error in the sidebar and the whole period is used meanwhile.
- The period resets to the whole period of the teams when the team choice changes (`kies_teams` too).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from metrics.filters import Filter
from metrics.overzicht import gemeente_opties, team_opties
from metrics.periode import PeriodeFout, beschrijving, datum_lang, lees_periode, periode_opties
from metrics.periode import invoer as periode_invoer
from ui.data import query
from ui.format import TEAM_LABELS

TEAM_KEY = "filter_teams"
GEMEENTE_KEY = "filter_gemeenten"
PERIODE_KEY = "filter_periode"
PERIODE_KEUZE_KEY = "filter_periode_keuze"
_PERIODE_TEAMS_KEY = "_filter_periode_teams"
_FILTER_KEY = "_filter"
_NAMEN_KEY = "_filter_gemeente_namen"
_BEWAARD_KEY = "_filter_bewaard"
_PAGINA_KEY = "_filter_pagina"
_WIDGET_KEYS = (TEAM_KEY, GEMEENTE_KEY, PERIODE_KEY, PERIODE_KEUZE_KEY)

__all__ = [
    "GEMEENTE_KEY", "PERIODE_KEUZE_KEY", "PERIODE_KEY", "TEAM_KEY", "TEAM_LABELS", "filter_tekst", "gemeente_namen",
    "kies_teams",
    "page_header", "periode_invoer", "sidebar_filter", "team_label", "team_namen",
]


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


def _bewaar() -> None:
    """Copy the widget values to a plain key: Streamlit forgets a widget's value on a run that does not draw it."""
    st.session_state[_BEWAARD_KEY] = {k: st.session_state[k] for k in _WIDGET_KEYS if k in st.session_state}


def _herstel() -> None:
    """Give the widgets back the values they had when the filter was last drawn (after a page without filter)."""
    for key, value in st.session_state.get(_BEWAARD_KEY, {}).items():
        if key not in st.session_state:
            st.session_state[key] = value


def _tekst_naar_keuze() -> None:
    """Text input callback: show the typed period in the list as well when it is one of its entries."""
    state = st.session_state
    try:
        getypt = lees_periode(state[PERIODE_KEY]).invoer
    except PeriodeFout:
        getypt = None
    state[PERIODE_KEUZE_KEY] = getypt if getypt in state.get("_filter_periode_opties", ()) else None


def _keuze_naar_tekst() -> None:
    """Selectbox callback: write the chosen year, quarter or month into the text input."""
    keuze = st.session_state[PERIODE_KEUZE_KEY]
    st.session_state[PERIODE_KEY] = keuze or ""


def _periode(start: date, end: date) -> tuple[date, date]:
    """Draw the period choice (list + text input) and return the chosen (from, to)."""
    state = st.session_state
    opties = [p.invoer for p in periode_opties(start, end)]
    state["_filter_periode_opties"] = tuple(opties)
    if state.get(PERIODE_KEUZE_KEY) not in (None, *opties):
        state[PERIODE_KEUZE_KEY] = None
    st.sidebar.selectbox(
        "Periode",
        options=opties,
        index=None,
        format_func=lambda v: lees_periode(v).beschrijving,
        key=PERIODE_KEUZE_KEY,
        on_change=_keuze_naar_tekst,
        placeholder="Kies een jaar, kwartaal of maand",
        help="Kies uit de lijst, of typ hieronder zelf een periode.",
    )
    tekst = st.sidebar.text_input(
        "Of typ een periode",
        key=PERIODE_KEY,
        on_change=_tekst_naar_keuze,
        placeholder="bijv. 2022, 2022-Q3, maart 2022",
        help="Een jaar (2022), kwartaal (2022-Q3 of 3e kwartaal 2022), maand (2022-03 of maart 2022) of van–tot "
        "(2021-01-01..2022-06-30 of 1-3-2021 t/m 30-6-2022). Leeg: de hele periode van het gekozen team.",
    )
    van, tot = start, end
    if tekst.strip():
        try:
            gekozen = lees_periode(tekst)
        except PeriodeFout as fout:
            st.sidebar.error(f"{fout} Nu getoond: de hele periode.", icon=":material/event_busy:")
        else:
            van, tot = gekozen.van, gekozen.tot
    omschrijving = beschrijving(van, tot)
    lang = f"{datum_lang(van)} t/m {datum_lang(tot)}"
    regel = f"Periode: **{omschrijving}**" + ("" if omschrijving == lang else f" ({lang})")
    if not tekst.strip():
        regel += " · de hele periode van het gekozen team"
    st.sidebar.caption(regel)
    if tot < start or van > end:
        st.sidebar.caption(
            f"Let op: de gegevens van het gekozen team lopen van {datum_lang(start)} t/m {datum_lang(end)}."
        )
    return van, tot


def sidebar_filter(pagina: str | None = None, opent_met: tuple[str, ...] = ()) -> Filter:
    """Draw (once per run) the sidebar filter and return the chosen Filter.

    Team: one or several of KIT pilot, KIT, PIT (default: the most recent team). Municipality: none chosen
    means all municipalities of the chosen teams' region; names are shown, CBS codes are passed. Period: a year,
    quarter, month or from–to, chosen from a list or typed (see the module docstring); empty means the widest range
    of the chosen teams' period and data; it resets when the team choice changes. `pagina` is the page being
    opened; when it is opened (coming from another page) with fewer than two teams chosen and `opent_met` names
    teams (a comparison page, PageSpec.opent_met), those teams are chosen.
    """
    if _already_drawn():
        return st.session_state[_FILTER_KEY]
    _herstel()

    opties = query(team_opties)
    codes = list(opties["team"])
    state = st.session_state
    if TEAM_KEY not in state or not set(state[TEAM_KEY]) <= set(codes):
        state[TEAM_KEY] = [codes[-1]] if codes else []
    if pagina is not None and state.get(_PAGINA_KEY) != pagina and len(state[TEAM_KEY]) < 2:
        vergelijking = [code for code in codes if code in opent_met]
        if len(vergelijking) >= 2:
            state[TEAM_KEY] = vergelijking
    state[_PAGINA_KEY] = pagina

    st.sidebar.header("Filter")
    teams = tuple(
        st.sidebar.multiselect(
            "Team",
            options=codes,
            format_func=team_label,
            key=TEAM_KEY,
            placeholder="Alle teams",
            help="Kies één team, of twee om ze naast elkaar te zien. Niets gekozen: alle teams.",
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
        state[PERIODE_KEY] = ""
        state[PERIODE_KEUZE_KEY] = None
        state[_PERIODE_TEAMS_KEY] = teams
    van, tot = _periode(start, end)

    chosen = Filter(teams=teams, gemeenten=gekozen, start=van, end=tot)
    state[_FILTER_KEY] = chosen
    _bewaar()
    return chosen


def team_namen(teams: tuple[str, ...]) -> str:
    """Return the chosen teams as Dutch text ("alle teams" when none is chosen)."""
    if not teams:
        return "alle teams"
    labels = [TEAM_LABELS.get(t, t) for t in teams]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]


def gemeente_namen() -> dict[str, str]:
    """CBS code -> name of the municipalities offered by the last drawn filter."""
    return dict(st.session_state.get(_NAMEN_KEY, {}))


def filter_tekst(f: Filter) -> str:
    """Describe the active filter in one Dutch line (municipality names from the last drawn filter)."""
    namen: dict[str, str] = st.session_state.get(_NAMEN_KEY, {})
    gemeenten = ", ".join(namen.get(code, code) for code in f.gemeenten) if f.gemeenten else "alle gemeenten"
    periode = beschrijving(f.start, f.end) if f.start and f.end else "alles"
    return f"Team: {team_namen(f.teams)} · Gemeenten: {gemeenten} · Periode: {periode}"


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
