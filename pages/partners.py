"""Resultaten per partner: what each organisation attended and achieved (PIT "Resultaten per organisatie"),
money per partner, and who brings in signals.

Small-count suppression (ui/privacy.py): a partner result is an action against a person or a company (an arrest,
a registration in the BRP, an investigation, a fine) and its kind is the partner's own text, so every result count
is treated as person-based: below the threshold "<5", with secondary suppression over partners x kinds of result.
Attendance (evenings), signals (tips) and money are not person-based.
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from metrics.partners import (
    aanwezigheid,
    geld_per_partner,
    organisatie_overzicht,
    signalen_per_bron,
    signalen_per_uitkomst,
)
from ui.charts import download_buttons, empty_state, euro_as, show_chart
from ui.data import query
from ui.filters import page_header
from ui.format import euro, getal, getal_of_label, opgemaakt, procent
from ui.privacy import note, person_counts_long
from ui.shell import require_shell

require_shell(__file__)

f = page_header(
    "Resultaten per partner",
    "Wat elke partnerorganisatie heeft bijgedragen: hoe vaak zij aanwezig was, wat zij heeft bereikt, "
    "wat dat in geld opleverde en wie de signalen aandraagt.",
)

links, rechts = st.columns(2)
with links:
    st.subheader("Aanwezig op controleavonden")
    aanwezig = query(aanwezigheid, f)
    fig = px.bar(
        aanwezig.sort_values("avonden_aanwezig"), x="avonden_aanwezig", y="partner_naam", orientation="h",
        text="avonden_aanwezig", title="Aantal controleavonden aanwezig per partner",
        labels={"avonden_aanwezig": "Controleavonden aanwezig", "partner_naam": "Partner",
                "aandeel_avonden": "Deel van alle avonden"},
        hover_data={"aandeel_avonden": ":.0%"},
    )
    show_chart(fig, aanwezig, "Aanwezigheid per partner")
with rechts:
    st.subheader("Resultaat in geld")
    geld = query(geld_per_partner, f)
    fig = px.bar(
        geld.sort_values("bedrag_eur"), x="bedrag_eur", y="partner_naam", orientation="h",
        title="Resultaat in geld per partner (euro)", text="bedrag_eur",
        labels={"bedrag_eur": "Bedrag (euro)", "partner_naam": "Partner", "aandeel": "Deel van het totaal"},
        hover_data={"aandeel": ":.0%"},
    )
    fig.update_traces(texttemplate="€ %{x:,.0f}")
    euro_as(fig, "x")
    show_chart(fig, geld, "Resultaat in geld per partner")

st.subheader("Resultaten per organisatie")
st.caption("In de opmaak van de PIT-infographic: eerst het aantal acties waarbij de partner aanwezig was, "
           "daarna wat de partner bereikte.")
overzicht = query(organisatie_overzicht, f)
resultaten, _ = person_counts_long(overzicht[overzicht["volgorde"] == 1], "aantal", "partner", "soort")
overzicht = pd.concat([overzicht[overzicht["volgorde"] == 0].astype({"aantal": object}), resultaten]).loc[
    overzicht.index]  # attendance first, as the metric orders it
if overzicht.empty:
    empty_state()
else:
    kolommen = st.columns(3)
    for index, (naam, regels) in enumerate(overzicht.groupby("partner_naam", sort=False)):
        with kolommen[index % 3].container(border=True):
            st.markdown(f"**{naam}**")
            st.markdown(
                "\n".join(
                    f"- {getal_of_label(r.aantal)} keer {r.soort}"
                    + (f" ({getal(r.hoeveelheid, 1)} {r.eenheid})" if r.eenheid else "")
                    + (f", {euro(r.bedrag_eur)}" if pd.notna(r.bedrag_eur) else "")
                    if r.soort != "acties aanwezig"
                    else f"- {getal(r.aantal)} {'actie' if r.aantal == 1 else 'acties'} aanwezig"
                    for r in regels.itertuples()
                )
            )
    download_buttons(overzicht, "Resultaten per organisatie")
    note()

st.subheader("Wie brengt signalen in?")
bronnen = query(signalen_per_bron, f)
uitkomsten = query(signalen_per_uitkomst, f)
fig = px.bar(
    uitkomsten, x="signalen", y="bron_partner_naam", color="uitkomst", orientation="h",
    title="Signalen per inbrengende partner, naar wat ermee gebeurde",
    labels={"signalen": "Aantal signalen", "bron_partner_naam": "Ingebracht door", "uitkomst": "Uitkomst"},
)
fig.update_yaxes(categoryorder="total ascending")
show_chart(fig, uitkomsten, "Signalen per partner en uitkomst")
if not bronnen.empty:
    st.dataframe(
        opgemaakt(
            bronnen.drop(columns=["bron_partner"]),
            {"signalen": getal, "gecontroleerd": getal, "aandeel_gecontroleerd": procent, "aandeel_signalen": procent},
        ),
        hide_index=True,
        column_config={
            "bron_partner_naam": "Ingebracht door",
            "signalen": "Signalen",
            "gecontroleerd": "Gecontroleerd",
            "aandeel_gecontroleerd": "Deel gecontroleerd",
            "aandeel_signalen": "Deel van alle signalen",
        },
    )
    download_buttons(bronnen, "Signalen per partner")
