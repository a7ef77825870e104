"""Datakwaliteit (for the data steward): per source file the rows in force, the archive of its versions, the last
load and the rejections with their messages."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from metrics.datakwaliteit import (
    afwijzingen,
    afwijzingen_per_regel,
    archiefversies,
    bestanden,
    in_gebruik,
    laadgeschiedenis,
    laadstatus,
    rijen_per_tabel,
)
from ui.charts import download_buttons, empty_state, show_chart
from ui.data import archive_versions, query
from ui.format import getal, opgemaakt
from ui.shell import require_shell

require_shell(__file__)

st.title("Datakwaliteit")
st.caption(
    "Voor de databeheerder: welke bestanden zijn geladen, wanneer, hoeveel rijen, en wat is afgewezen en waarom. "
    "Deze pagina toont alle bestanden; zij volgt het filter (team, gemeente, periode) niet."
)
st.caption(
    "Bestanden en rijen zijn hier een telling van het laden, niet van het werk: alle teams samen is dan één zinvol "
    "getal (de map in de bestandsnaam, kit-pilot/, kit/ of pit/, zegt van welk team een bestand is). Cijfers over "
    "het werk van de teams staan op de andere pagina's, per team naast elkaar."
)

status = query(laadstatus)
if status.empty:
    empty_state("Er is nog geen laadronde vastgelegd: voer `python -m etl load` uit.")
    st.stop()
laatste = status.iloc[0]
nu = query(in_gebruik).iloc[0]
st.markdown(
    f"**Laatste laadronde:** gestart op {laatste['gestart_op'].strftime('%d-%m-%Y om %H:%M')}; "
    f"{getal(laatste['bestanden'])} bestand(en) bekeken, {getal(laatste['geladen'])} nieuw of gewijzigd geladen, "
    f"{getal(laatste['ongewijzigd'])} ongewijzigd."
)
tegels = st.columns(4)
tegels[0].metric("Bestanden in gebruik", getal(nu["bestanden"]), border=True)
tegels[1].metric("Rijen in gebruik", getal(nu["rijen"]), border=True,
                 help="Alle rijen die nu in het datawarehouse staan, uit welke laadronde ze ook komen.")
tegels[2].metric("Afgewezen", getal(laatste["afgewezen"]), border=True, help="In de laatste laadronde.")
tegels[3].metric("Rijen geladen in de laatste ronde", getal(laatste["rijen"]), border=True,
                 help="Alleen de nieuwe of gewijzigde bestanden van de laatste laadronde.")
if int(laatste["afgewezen"]) > 0:
    st.warning(
        f"{getal(laatste['afgewezen'])} bestand(en) zijn in de laatste laadronde afgewezen en dus niet geladen; "
        "de vorige versie (als die er is) blijft in gebruik. Zie de meldingen hieronder.",
        icon=":material/warning:",
    )

per_bestand = query(bestanden)
ALLE = "Alle bestanden"
gekozen = st.selectbox("Bestand", [ALLE, *per_bestand["bestand"]], key="datakwaliteit_bestand",
                       help="Toon de rijen, de versies en de afwijzingen van één bestand.")


def van_bestand(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the chosen file (the page's one selection, applied to each table it draws)."""
    return frame if gekozen == ALLE else frame[frame["bestand"] == gekozen]


st.subheader("Bronbestanden")
per_bestand = van_bestand(per_bestand)
st.dataframe(
    opgemaakt(per_bestand, {"rijen_geladen": getal, "laatste_problemen": getal}),
    hide_index=True,
    column_config={
        "bestand": "Bestand",
        "soort": "Soort",
        "mapping": "Mapping",
        "rijen_geladen": "Rijen in gebruik",
        "geladen_op": st.column_config.DatetimeColumn("Versie in gebruik geladen op", format="DD-MM-YYYY HH:mm"),
        "laatste_run": "Laatste laadronde",
        "laatste_status": "Status",
        "laatste_problemen": "Problemen",
        "laatste_melding": "Melding",
    },
)
download_buttons(per_bestand, "Bronbestanden")

rijen = van_bestand(query(rijen_per_tabel))
fig = px.bar(
    rijen, x="rijen", y="bestand", color="tabel", orientation="h",
    title="Rijen in het datawarehouse per bronbestand en tabel",
    labels={"rijen": "Rijen", "bestand": "Bestand", "tabel": "Tabel"},
)
fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "title": None})
show_chart(fig, rijen, "Rijen per bestand en tabel")

st.subheader("Archief van versies")
st.caption(
    "Elke goedgekeurde versie van een bestand wordt bewaard zoals de lader haar maakte (gepseudonimiseerde rijen, "
    "nooit de werkmap zelf). Een eerdere versie zet u terug met `python -m etl rollback BESTAND SHA`; het hele "
    "datawarehouse bouwt u opnieuw op uit het archief met `python -m etl rebuild`."
)
versies = van_bestand(query(archiefversies, archive_versions()))
if versies.empty:
    st.info("Er staan (voor deze keuze) nog geen versies in het archief.", icon=":material/info:")
else:
    st.dataframe(
        opgemaakt(versies.assign(in_gebruik=versies["in_gebruik"].map({True: "ja", False: "nee"})),
                  {"rijen": getal}),
        hide_index=True,
        column_config={
            "bestand": "Bestand",
            "geladen_op": st.column_config.DatetimeColumn("Geladen op", format="DD-MM-YYYY HH:mm"),
            "sha256": "Versie (sha256)",
            "rijen": "Rijen",
            "soort": "Soort",
            "in_gebruik": "In gebruik",
            "geanonimiseerd_tot": st.column_config.NumberColumn("Geanonimiseerd t/m jaar", format="%d"),
            "werkmap_verwijderd_op": st.column_config.DatetimeColumn("Werkmap verwijderd op", format="DD-MM-YYYY"),
        },
    )
    download_buttons(versies, "Archiefversies")

st.subheader("Afwijzingen")
alle_rondes = st.toggle("Ook eerdere laadrondes tonen", key="datakwaliteit_alle_rondes")
per_regel = van_bestand(query(afwijzingen_per_regel, not alle_rondes))
fig = px.bar(
    per_regel, x="problemen", y="bestand", color="regel", orientation="h",
    title="Problemen per bestand en regel", labels={"problemen": "Problemen", "bestand": "Bestand", "regel": "Regel"},
)
show_chart(fig, per_regel, "Problemen per bestand en regel")
meldingen = van_bestand(query(afwijzingen, not alle_rondes))
if meldingen.empty:
    welk = "elk bestand." if gekozen == ALLE else "dit bestand."
    st.success(f"Geen afwijzingen in de laatste laadronde van {welk}", icon=":material/check_circle:")
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
