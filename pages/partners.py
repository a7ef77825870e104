"""Resultaten per partner: what each organisation attended and achieved (PIT "Resultaten per organisatie"),
money per partner, and who brings in signals. With more than one team each team is drawn in its own column
(ui/teams.py): partner results of different teams are never added up.

Small-count suppression (ui/privacy.py): a partner result is an action against a person or a company (an arrest,
a registration in the BRP, an investigation, a fine) and its kind is the partner's own text, so every result count
is treated as person-based: below the threshold "<5", with secondary suppression over partners x kinds of result
(per team). Attendance (evenings), signals (tips) and money are not person-based.
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from metrics.filters import Filter
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
from ui.teams import kolommen, leeg_tekst, naast_elkaar, per_team, uitleg

require_shell(__file__)

f = page_header(
    "Resultaten per partner",
    "Wat elke partnerorganisatie heeft bijgedragen: hoe vaak zij aanwezig was, wat zij heeft bereikt, "
    "wat dat in geld opleverde en wie de signalen aandraagt.",
)


def aanwezig_grafiek(tf: Filter, label: str) -> None:
    aanwezig = query(aanwezigheid, tf)
    fig = px.bar(
        aanwezig.sort_values("avonden_aanwezig"), x="avonden_aanwezig", y="partner_naam", orientation="h",
        text="avonden_aanwezig", title=" ".join(filter(None, ["Aantal controleavonden aanwezig per partner", label])),
        labels={"avonden_aanwezig": "Controleavonden aanwezig", "partner_naam": "Partner",
                "aandeel_avonden": "Deel van alle avonden"},
        hover_data={"aandeel_avonden": ":.0%"},
    )
    show_chart(fig, aanwezig, " ".join(filter(None, ["Aanwezigheid per partner", label])))


def geld_grafiek(tf: Filter, label: str) -> None:
    geld = query(geld_per_partner, tf)
    fig = px.bar(
        geld.sort_values("bedrag_eur"), x="bedrag_eur", y="partner_naam", orientation="h",
        title=" ".join(filter(None, ["Resultaat in geld per partner (euro)", label])), text="bedrag_eur",
        labels={"bedrag_eur": "Bedrag (euro)", "partner_naam": "Partner", "aandeel": "Deel van het totaal"},
        hover_data={"aandeel": ":.0%"},
    )
    fig.update_traces(texttemplate="€ %{x:,.0f}")
    euro_as(fig, "x")
    show_chart(fig, geld, " ".join(filter(None, ["Resultaat in geld per partner", label])))


def organisaties(tf: Filter, label: str, breed: bool) -> None:
    overzicht = query(organisatie_overzicht, tf)
    resultaten, _ = person_counts_long(overzicht[overzicht["volgorde"] == 1], "aantal", "partner", "soort")
    overzicht = pd.concat([overzicht[overzicht["volgorde"] == 0].astype({"aantal": object}), resultaten]).loc[
        overzicht.index]  # attendance first, as the metric orders it
    if overzicht.empty:
        empty_state(leeg_tekst(tf, "partnerresultaten"))
        return
    vakken = st.columns(3 if breed else 1)
    for index, (naam, regels) in enumerate(overzicht.groupby("partner_naam", sort=False)):
        with vakken[index % len(vakken)].container(border=True):
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
    download_buttons(overzicht, " ".join(filter(None, ["Resultaten per organisatie", label])))
    note()


def signalen(tf: Filter, label: str) -> None:
    bronnen = query(signalen_per_bron, tf)
    uitkomsten = query(signalen_per_uitkomst, tf)
    fig = px.bar(
        uitkomsten, x="signalen", y="bron_partner_naam", color="uitkomst", orientation="h",
        title=" ".join(filter(None, ["Signalen per inbrengende partner, naar wat ermee gebeurde", label])),
        labels={"signalen": "Aantal signalen", "bron_partner_naam": "Ingebracht door", "uitkomst": "Uitkomst"},
    )
    fig.update_yaxes(categoryorder="total ascending")
    show_chart(fig, uitkomsten, " ".join(filter(None, ["Signalen per partner en uitkomst", label])))
    if not bronnen.empty:
        st.dataframe(
            opgemaakt(
                bronnen.drop(columns=["bron_partner"]),
                {"signalen": getal, "gecontroleerd": getal, "aandeel_gecontroleerd": procent,
                 "aandeel_signalen": procent},
            ),
            hide_index=True,
            column_config={
                "bron_partner_naam": "Ingebracht door",
                "signalen": "Signalen",
                "gecontroleerd": "Gecontroleerd",
                "aandeel_gecontroleerd": "Deel gecontroleerd",
                "aandeel_signalen": "Deel van alle signalen" if not label else f"Deel van de signalen van {label}",
            },
        )
        download_buttons(bronnen, " ".join(filter(None, ["Signalen per partner", label])))


alle_teams = per_team(f)
teams = naast_elkaar(alle_teams, "partners_teams")
uitleg(teams)
if len(teams) <= 1:
    enig = teams[0][1] if teams else f  # one team (perhaps chosen of many), or none with data
    links, rechts = st.columns(2)
    with links:
        st.subheader("Aanwezig op controleavonden")
        aanwezig_grafiek(enig, "")
    with rechts:
        st.subheader("Resultaat in geld")
        geld_grafiek(enig, "")
else:
    st.subheader("Aanwezig op controleavonden")
    for label, tf, kolom in kolommen(f, teams):
        with kolom:
            aanwezig_grafiek(tf, label)
    st.subheader("Resultaat in geld")
    for label, tf, kolom in kolommen(f, teams):
        with kolom:
            geld_grafiek(tf, label)

st.subheader("Resultaten per organisatie")
st.caption("In de opmaak van de PIT-infographic: eerst het aantal acties waarbij de partner aanwezig was, "
           "daarna wat de partner bereikte.")
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        organisaties(tf, label, breed=len(teams) <= 1)

st.subheader("Wie brengt signalen in?")
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        signalen(tf, label)
