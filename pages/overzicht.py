"""Overzicht (for mayors): headline tiles, a generated summary, trend per month and municipalities compared.

Teams are never added up: with two or more teams (or none chosen = every team with data) each team gets its own
column of tiles and summary and its own municipality chart; the trend draws a line per team. An empty choice says
what is empty and what the selection still holds (signals, partner results, follow-up steps, other evenings)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from metrics.filters import Filter
from metrics.overzicht import (
    kerncijfers_per_team,
    lege_keuze,
    per_gemeente_per_team,
    samenvatting_per_team,
    teams_in_selectie,
    trend_per_maand,
)
from ui.charts import empty_state, show_chart
from ui.data import query
from ui.figuren import KENGETALLEN_OVERZICHT, gemeenten_figuur, trend_figuur
from ui.filters import gemeente_namen, page_header
from ui.format import getal, procent, team_label_kort
from ui.privacy import drempel, note, person_count, person_counts
from ui.raadsnotitie import raadsnotitie_knop
from ui.shell import require_shell
from ui.teams import naast_elkaar

require_shell(__file__)


def tegels(f: Filter, team: str, breed: bool) -> None:
    """The six headline tiles and the summary of one team's selection (`f` with every team: one query for all)."""
    kern = kern_per_team.loc[team]
    vakken = [*st.columns(3), *st.columns(3)] if breed else [*st.columns(2), *st.columns(2), *st.columns(2)]
    vakken[0].metric("Controleavonden", getal(kern["controleavonden"]), border=True)
    vakken[1].metric("Bezochte objecten", getal(kern["bezochte_objecten"]), border=True)
    vakken[2].metric("Aangetroffen personen", person_count(kern["aangetroffen_personen"]), border=True)
    vakken[3].metric("Overtredingen", getal(kern["overtredingen"]), border=True)
    vakken[4].metric(
        "Overtredingen opgevolgd",
        procent(kern["aandeel_opgevolgd"]),
        border=True,
        help="Overtredingen met minstens één opvolgingsstap, als deel van álle overtredingen "
        "(een overtreding zonder stap telt mee in de noemer).",
    )
    vakken[5].metric(
        "Partners per avond",
        getal(kern["partners_per_avond"], 1),
        border=True,
        help="Gemiddeld aantal aanwezige partnerorganisaties per controleavond.",
    )
    with st.container(border=True):
        st.markdown("**Samenvatting**")
        zinnen = query(samenvatting_per_team, f, drempel())  # the persons count too
        st.markdown(" ".join(zinnen.loc[zinnen["team"] == team, "zin"]))


f = page_header("Overzicht", "De belangrijkste cijfers van het interventieteam voor de gekozen gemeenten en periode.")
raadsnotitie_knop(f, gemeente_namen())
teams = list(query(teams_in_selectie, f)["team"])
if not teams:
    empty_state()
    st.stop()
per_team = {team: replace(f, teams=(team,)) for team in teams}
kern_per_team = query(kerncijfers_per_team, f).set_index("team")
lege = {
    team: " ".join(query(lege_keuze, tf)["zin"]) or None
    if team not in kern_per_team.index or int(kern_per_team.loc[team, "controleavonden"]) == 0 else None
    for team, tf in per_team.items()
}
teams = [team for team, _ in naast_elkaar(list(per_team.items()), "overzicht_teams")]
getoond = f if len(teams) == len(per_team) else replace(f, teams=tuple(teams))  # the queries of the teams drawn
if len(teams) > 1:
    st.caption(
        "Meer dan één team: hun cijfers staan naast elkaar en worden niet opgeteld, want de teams werkten in "
        "andere gemeenten, perioden en fasen (zie KIT vs PIT voor een vergelijking per maand en per inwoner)."
    )
kolommen = st.columns(len(teams)) if len(teams) > 1 else [st.container()]
for kolom, team in zip(kolommen, teams, strict=True):
    with kolom:
        if len(teams) > 1:
            st.subheader(team_label_kort(team))
        if lege[team] is not None:
            empty_state(lege[team])
        else:
            tegels(getoond, team, breed=len(teams) == 1)
if all(tekst is not None for tekst in lege.values()):
    st.stop()

st.subheader("Verloop per maand")
kengetal = st.radio(
    "Kengetal",
    list(KENGETALLEN_OVERZICHT),
    format_func=KENGETALLEN_OVERZICHT.get,
    horizontal=True,
    key="overzicht_kengetal",
)
trend, trend_grafiek = person_counts(query(trend_per_maand, getoond), ["aangetroffen_personen"])
show_chart(trend_figuur(trend_grafiek, kengetal), trend, "Verloop per maand")

st.subheader("Gemeenten vergeleken")
met_avonden = [team for team in teams if lege[team] is None]
alle_gemeenten = query(per_gemeente_per_team, getoond)
for kolom, team in zip(st.columns(len(met_avonden)) if met_avonden else [], met_avonden, strict=True):
    with kolom:
        van_team = alle_gemeenten[alle_gemeenten["team"] == team].drop(columns="team").reset_index(drop=True)
        gemeenten, _ = person_counts(van_team, ["aangetroffen_personen"])
        fig = gemeenten_figuur(gemeenten)
        if len(met_avonden) > 1:
            fig.update_layout(title=f"{team_label_kort(team)}: {fig.layout.title.text.lower()}")
        show_chart(fig, gemeenten, f"Gemeenten vergeleken {team_label_kort(team)}")
note()
