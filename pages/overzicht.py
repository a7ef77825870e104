"""Overzicht (for mayors): headline tiles, trend per month, municipalities compared, and a generated summary."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from metrics.overzicht import kerncijfers, per_gemeente, samenvatting, trend_per_maand
from ui.charts import TEAM_KLEUREN, TEAM_VOLGORDE, empty_state, met_teamnamen, show_chart
from ui.data import query
from ui.filters import page_header
from ui.format import getal, procent
from ui.privacy import note, person_count, person_counts
from ui.shell import require_shell

require_shell(__file__)

KENGETALLEN = {
    "controleavonden": "Controleavonden",
    "bezochte_objecten": "Bezochte objecten",
    "aangetroffen_personen": "Aangetroffen personen",
    "overtredingen": "Overtredingen",
}

f = page_header("Overzicht", "De belangrijkste cijfers van het interventieteam voor de gekozen gemeenten en periode.")
kern = query(kerncijfers, f).iloc[0]

if int(kern["controleavonden"]) == 0:
    empty_state()
    st.stop()

tegels = [*st.columns(3), *st.columns(3)]
tegels[0].metric("Controleavonden", getal(kern["controleavonden"]), border=True)
tegels[1].metric("Bezochte objecten", getal(kern["bezochte_objecten"]), border=True)
tegels[2].metric("Aangetroffen personen", person_count(kern["aangetroffen_personen"]), border=True)
tegels[3].metric("Overtredingen", getal(kern["overtredingen"]), border=True)
tegels[4].metric(
    "Overtredingen opgevolgd",
    procent(kern["aandeel_opgevolgd"]),
    border=True,
    help="Overtredingen met minstens één opvolgingsstap, als deel van álle overtredingen "
    "(een overtreding zonder stap telt mee in de noemer).",
)
tegels[5].metric(
    "Partners per avond",
    getal(kern["partners_per_avond"], 1),
    border=True,
    help="Gemiddeld aantal aanwezige partnerorganisaties per controleavond.",
)

zinnen = query(samenvatting, f)
with st.container(border=True):
    st.markdown("**Samenvatting**")
    st.markdown(" ".join(zinnen["zin"]))

links, rechts = st.columns(2)
with links:
    st.subheader("Verloop per maand")
    kengetal = st.radio(
        "Kengetal", list(KENGETALLEN), format_func=KENGETALLEN.get, horizontal=True, key="overzicht_kengetal"
    )
    trend, trend_grafiek = person_counts(query(trend_per_maand, f), ["aangetroffen_personen"])
    fig = px.line(
        met_teamnamen(trend_grafiek),
        x="maand",
        y=kengetal,
        color="team",
        markers=True,
        color_discrete_map=TEAM_KLEUREN,
        category_orders={"team": TEAM_VOLGORDE},
        title=f"{KENGETALLEN[kengetal]} per maand",
        labels={"maand": "Maand", kengetal: KENGETALLEN[kengetal], "team": "Team"},
    )
    fig.update_xaxes(tickformat="%m-%Y")
    show_chart(fig, trend, "Verloop per maand")

with rechts:
    st.subheader("Gemeenten vergeleken")
    gemeenten, _ = person_counts(query(per_gemeente, f), ["aangetroffen_personen"])  # in the download only
    fig = px.bar(
        gemeenten.sort_values("controleavonden"),
        x=["controleavonden", "bezochte_objecten", "overtredingen"],
        y="gemeente",
        orientation="h",
        barmode="group",
        title="Controleavonden, bezochte objecten en overtredingen per gemeente",
        labels={"value": "Aantal", "gemeente": "Gemeente", "variable": "Kengetal"},
    )
    fig.for_each_trace(lambda t: t.update(name=KENGETALLEN.get(t.name, t.name)))
    show_chart(fig, gemeenten, "Gemeenten vergeleken")
note()
