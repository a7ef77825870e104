"""Overzicht (for mayors): headline tiles, trend per month, municipalities compared, and a generated summary."""

from __future__ import annotations

import streamlit as st

from metrics.overzicht import kerncijfers, per_gemeente, samenvatting, trend_per_maand
from ui.charts import empty_state, show_chart
from ui.data import query
from ui.figuren import KENGETALLEN_OVERZICHT, gemeenten_figuur, trend_figuur
from ui.filters import gemeente_namen, page_header
from ui.format import getal, procent
from ui.privacy import note, person_count, person_counts
from ui.raadsnotitie import raadsnotitie_knop
from ui.shell import require_shell

require_shell(__file__)

f = page_header("Overzicht", "De belangrijkste cijfers van het interventieteam voor de gekozen gemeenten en periode.")
raadsnotitie_knop(f, gemeente_namen())
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
        "Kengetal",
        list(KENGETALLEN_OVERZICHT),
        format_func=KENGETALLEN_OVERZICHT.get,
        horizontal=True,
        key="overzicht_kengetal",
    )
    trend, trend_grafiek = person_counts(query(trend_per_maand, f), ["aangetroffen_personen"])
    fig = trend_figuur(trend_grafiek, kengetal)
    show_chart(fig, trend, "Verloop per maand")

with rechts:
    st.subheader("Gemeenten vergeleken")
    gemeenten, _ = person_counts(query(per_gemeente, f), ["aangetroffen_personen"])  # in the download only
    fig = gemeenten_figuur(gemeenten)
    show_chart(fig, gemeenten, "Gemeenten vergeleken")
note()
