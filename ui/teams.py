"""Teams side by side, never added up: the selection split per team, and columns to draw each team in.

With more than one team in the selection (two chosen, or none chosen = every team with data) a page draws each
team in its own column with its name above it, and says once why (`uitleg`): the teams worked in other
municipalities, periods and phases, so their counts are not summed. With more teams than
settings.teams_side_by_side (a national installation has dozens) the page asks which to draw (`naast_elkaar`):
forty columns are unreadable and each costs its own queries and charts. An empty team says what is empty and what
still exists (`leeg_tekst`).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from metrics.filters import Filter
from metrics.overzicht import kerncijfers, lege_keuze, teams_in_selectie
from ui.data import current_settings, query
from ui.format import getal, team_label_kort

UITLEG = (
    "Meer dan één team: elk team staat apart, naast elkaar, en hun aantallen worden niet opgeteld, want de teams "
    "werkten in andere gemeenten, perioden en fasen (zie KIT vs PIT voor een vergelijking per maand en per inwoner)."
)


def per_team(f: Filter) -> list[tuple[str, Filter]]:
    """The teams the selection is about (`teams_in_selectie`, in time order), each with the filter of that team."""
    return [(team, replace(f, teams=(team,))) for team in query(teams_in_selectie, f)["team"]]


def naast_elkaar(teams: list[tuple[str, Filter]], sleutel: str) -> list[tuple[str, Filter]]:
    """The teams to draw side by side: all of them, or with more than settings.teams_side_by_side a choice of
    that many (the latest teams by default, `teams` being in time order), asked for under the page header.

    The choice never empties the page: with nothing chosen the default teams are drawn, and it says so.
    """
    hoogstens = current_settings().teams_side_by_side
    if len(teams) <= hoogstens:
        return teams
    namen = [team for team, _ in teams]
    standaard = namen[-hoogstens:]
    gekozen = st.multiselect(
        f"Teams naast elkaar (hoogstens {hoogstens} van de {len(namen)} in de keuze)",
        namen, default=standaard, max_selections=hoogstens, format_func=team_label_kort, key=sleutel,
        help="Elk team staat in een eigen kolom; meer kolommen zijn niet leesbaar. Kies in de zijbalk minder teams "
        "om die allemaal te zien.",
    )
    if not gekozen:
        st.caption(f"Geen team gekozen: de pagina toont de laatste {hoogstens} teams.")
        gekozen = standaard
    return [(team, tf) for team, tf in teams if team in gekozen]


def uitleg(teams: list[tuple[str, Filter]]) -> None:
    """Say once, under the page header, that more than one team is shown apart."""
    if len(teams) > 1:
        st.caption(UITLEG)


def kolommen(f: Filter, teams: list[tuple[str, Filter]]) -> list[tuple[str, Filter, DeltaGenerator]]:
    """Where to draw a section: one column per team with its name above it, or (one team or none) the whole width.

    Returns (label, filter, container); label is "" for the whole width and the team's short name otherwise (add
    it to chart and download names so they stay apart).
    """
    if len(teams) <= 1:
        return [("", teams[0][1] if teams else f, st.container())]
    out = []
    for (team, tf), kolom in zip(teams, st.columns(len(teams)), strict=True):
        label = team_label_kort(team)
        kolom.markdown(f"**{label}**")
        out.append((label, tf, kolom))
    return out


def leeg_tekst(tf: Filter, wat: str) -> str:
    """The empty state of one team's selection with no `wat` (Dutch plural, e.g. "overtredingen"): what is empty and
    what still exists. Without control evenings: `lege_keuze` (the signals, partner results and follow-up steps the
    selection still holds, and when its evenings are); with evenings: how many there are, none with `wat`."""
    zinnen = " ".join(query(lege_keuze, tf)["zin"])
    if zinnen:
        return zinnen
    avonden = int(query(kerncijfers, tf).iloc[0]["controleavonden"])
    wie = ", ".join(team_label_kort(t) for t in tf.teams) if tf.teams else "De keuze"
    return (f"Geen {wat} voor deze keuze: {wie} heeft in deze selectie wel {getal(avonden)} "
            f"{'controleavond' if avonden == 1 else 'controleavonden'}, maar daarbij zijn geen {wat} vastgelegd.")
