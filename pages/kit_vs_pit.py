"""KIT vs PIT (steering group): the teams side by side, normalised per month, per municipality and per
10,000 inhabitants, with the raw numbers one click away and the caveat about PIT's mature full year."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from metrics.vergelijking import teamprofiel, vergelijking
from ui.charts import TEAM_KLEUREN, download_buttons, empty_state, show_chart
from ui.data import query
from ui.filters import TEAM_LABELS, kies_teams, page_header
from ui.format import datum, getal

NORMERINGEN = {
    "per_maand": "Per maand",
    "per_gemeente": "Per gemeente",
    "per_10000": "Per 10.000 inwoners",
    "aantal": "Absoluut",
}

f = page_header(
    "KIT vs PIT",
    "De teams naast elkaar, gecorrigeerd voor de duur van hun actieve periode, het aantal gemeenten en het "
    "aantal inwoners.",
)
st.info(
    "Let op bij het vergelijken: de PIT-cijfers beslaan een heel kalenderjaar (2017) van een volwassen team "
    "(convenant sinds oktober 2016, vaste werkwijze en partners). De KIT-pilot was een eerste opstart met één "
    "thema. Verschillen zeggen daarom ook iets over de fase van het team, niet alleen over de prestatie.",
    icon=":material/info:",
)

if len(f.teams) < 2:
    st.markdown("Kies in het filter links twee of meer teams, of kies hier direct een vergelijking:")
    knoppen = st.columns([1, 1, 3])
    knoppen[0].button("KIT met PIT", on_click=kies_teams, args=(["KIT", "PIT"],), icon=":material/compare_arrows:")
    knoppen[1].button(
        "KIT pilot met PIT", on_click=kies_teams, args=(["KIT-pilot", "PIT"],), icon=":material/compare_arrows:"
    )

profiel = query(teamprofiel, f)
cijfers = query(vergelijking, f)
if profiel.empty or cijfers.empty:
    empty_state()
    st.stop()

kolommen = st.columns(len(profiel))
for kolom, rij in zip(kolommen, profiel.itertuples(index=False), strict=True):
    with kolom.container(border=True):
        st.markdown(f"**{rij.naam}**")
        st.markdown(
            f"Actieve periode: {datum(rij.van)} t/m {datum(rij.tot)} ({getal(rij.maanden, 1)} maanden)  \n"
            f"Gemeenten: {getal(rij.gemeenten)} · Inwoners: {getal(rij.inwoners)} (1 januari {rij.inwoners_jaar})"
        )
jaren = ", ".join(str(j) for j in sorted(set(profiel["inwoners_jaar"].dropna())))
st.caption(f"Inwoners: aantal op 1 januari {jaren}, bron CBS (referentietabel gemeenten).")

normering = st.radio(
    "Normering", list(NORMERINGEN), format_func=NORMERINGEN.get, horizontal=True, key="vergelijking_normering"
)
fig = px.bar(
    cijfers,
    x="team",
    y=normering,
    color="team",
    facet_col="kengetal_naam",
    facet_col_wrap=4,
    facet_row_spacing=0.18,
    color_discrete_map=TEAM_KLEUREN,
    text_auto=",.2f",
    title=f"Teams vergeleken: {NORMERINGEN[normering].lower()}",
    labels={normering: NORMERINGEN[normering], "team": "Team", "kengetal_naam": "Kengetal"},
    category_orders={"team": [t for t in TEAM_LABELS if t in set(cijfers["team"])]},
    height=560,
)
fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
fig.update_yaxes(matches=None, showticklabels=True)
fig.update_layout(showlegend=False)
show_chart(fig, cijfers, f"KIT vs PIT {NORMERINGEN[normering].lower()}")

with st.expander("Ruwe aantallen en berekening"):
    st.dataframe(
        cijfers.drop(columns=["kengetal"]),
        hide_index=True,
        column_config={
            "team": "Team",
            "kengetal_naam": "Kengetal",
            "aantal": st.column_config.NumberColumn("Aantal", format="localized"),
            "maanden": st.column_config.NumberColumn("Maanden actief", format="%.1f"),
            "gemeenten": "Gemeenten",
            "inwoners": st.column_config.NumberColumn("Inwoners", format="localized"),
            "inwoners_jaar": st.column_config.NumberColumn("Jaar inwoners", format="%d"),
            "per_maand": st.column_config.NumberColumn("Per maand", format="%.2f"),
            "per_gemeente": st.column_config.NumberColumn("Per gemeente", format="%.2f"),
            "per_10000": st.column_config.NumberColumn("Per 10.000 inwoners", format="%.2f"),
        },
    )
    download_buttons(cijfers, "KIT vs PIT ruwe aantallen")
