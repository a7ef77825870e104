"""Datakwaliteit (for the data steward): per source file the rows loaded, the last load and the rejections."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from metrics.datakwaliteit import (
    afwijzingen,
    afwijzingen_per_regel,
    bestanden,
    laadgeschiedenis,
    laadstatus,
    rijen_per_tabel,
)
from ui.charts import download_buttons, empty_state, show_chart
from ui.data import query
from ui.format import getal, opgemaakt
from ui.shell import require_shell

require_shell(__file__)

st.title("Datakwaliteit")
st.caption(
    "Voor de databeheerder: welke bestanden zijn geladen, wanneer, hoeveel rijen, en wat is afgewezen en waarom. "
    "Deze pagina toont alle bestanden; zij volgt het filter (team, gemeente, periode) niet."
)

status = query(laadstatus)
if status.empty:
    empty_state("Er is nog geen laadronde vastgelegd: voer `python -m etl load` uit.")
    st.stop()
laatste = status.iloc[0]
st.markdown(
    f"**Laatste laadronde:** gestart op {laatste['gestart_op'].strftime('%d-%m-%Y om %H:%M')}"
)
tegels = st.columns(4)
tegels[0].metric("Bestanden", getal(laatste["bestanden"]), border=True)
tegels[1].metric("Geladen of ongewijzigd", getal(laatste["in_gebruik"]), border=True)
tegels[2].metric("Afgewezen", getal(laatste["afgewezen"]), border=True)
tegels[3].metric("Rijen geladen", getal(laatste["rijen"]), border=True)
if int(laatste["afgewezen"]) > 0:
    st.warning(
        f"{getal(laatste['afgewezen'])} bestand(en) zijn in de laatste laadronde afgewezen en dus niet geladen; "
        "de vorige versie (als die er is) blijft in gebruik. Zie de meldingen hieronder.",
        icon=":material/warning:",
    )

st.subheader("Bronbestanden")
per_bestand = query(bestanden)
st.dataframe(
    opgemaakt(per_bestand, {"rijen_geladen": getal, "laatste_problemen": getal}),
    hide_index=True,
    column_config={
        "bestand": "Bestand",
        "soort": "Soort",
        "mapping": "Mapping",
        "rijen_geladen": "Rijen geladen",
        "geladen_op": st.column_config.DatetimeColumn("Geladen op", format="DD-MM-YYYY HH:mm"),
        "laatste_run": "Laatste laadronde",
        "laatste_status": "Status",
        "laatste_problemen": "Problemen",
        "laatste_melding": "Melding",
    },
)
download_buttons(per_bestand, "Bronbestanden")

rijen = query(rijen_per_tabel)
fig = px.bar(
    rijen, x="rijen", y="bestand", color="tabel", orientation="h",
    title="Rijen in het datawarehouse per bronbestand en tabel",
    labels={"rijen": "Rijen", "bestand": "Bestand", "tabel": "Tabel"},
)
fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "title": None})
show_chart(fig, rijen, "Rijen per bestand en tabel")

st.subheader("Afwijzingen")
alle_rondes = st.toggle("Ook eerdere laadrondes tonen", key="datakwaliteit_alle_rondes")
per_regel = query(afwijzingen_per_regel, not alle_rondes)
fig = px.bar(
    per_regel, x="problemen", y="bestand", color="regel", orientation="h",
    title="Problemen per bestand en regel", labels={"problemen": "Problemen", "bestand": "Bestand", "regel": "Regel"},
)
show_chart(fig, per_regel, "Problemen per bestand en regel")
meldingen = query(afwijzingen, not alle_rondes)
if meldingen.empty:
    st.success("Geen afwijzingen in de laatste laadronde van elk bestand.", icon=":material/check_circle:")
else:
    st.dataframe(
        meldingen,
        hide_index=True,
        column_config={
            "run_id": "Laadronde",
            "gestart_op": st.column_config.DatetimeColumn("Gestart op", format="DD-MM-YYYY HH:mm"),
            "bestand": "Bestand",
            "blad": "Blad",
            "rij": "Rij",
            "kolom": "Kolom",
            "waarde": "Waarde",
            "regel": "Regel",
            "melding": st.column_config.TextColumn("Melding", width="large"),
        },
    )
    download_buttons(meldingen, "Afwijzingen")

with st.expander("Geschiedenis van de laadrondes"):
    geschiedenis = query(laadgeschiedenis)
    st.dataframe(
        opgemaakt(
            geschiedenis,
            dict.fromkeys(
                ("bestanden", "geladen", "ongewijzigd", "afgewezen", "verwijderd", "rijen", "problemen"), getal
            ),
        ),
        hide_index=True,
        column_config={
            "run_id": "Laadronde",
            "gestart_op": st.column_config.DatetimeColumn("Gestart op", format="DD-MM-YYYY HH:mm"),
            "bestanden": "Bestanden",
            "geladen": "Geladen",
            "ongewijzigd": "Ongewijzigd",
            "afgewezen": "Afgewezen",
            "verwijderd": "Verwijderd",
            "rijen": "Rijen",
            "problemen": "Problemen",
        },
    )
    download_buttons(geschiedenis, "Laadrondes")
