"""KIT vs PIT (steering group): the teams side by side, normalised per month, per municipality per year and per
10,000 inhabitants per year, with the raw numbers one click away and a caveat built from the chosen teams.

Small-count suppression (ui/privacy.py): person-based are the kengetallen "aangetroffen personen" and
"partnerresultaten" (arrests, registrations, investigations: treated as person-based as on Resultaten per partner);
a count below the threshold is "<5" and its rates (per month, per municipality, per 10,000 inhabitants) are
emptied, as they would give it back; the chart draws no bar for it. Teams are never summed and the two kengetallen
are not added up, so each team's kengetal is suppressed on its own. The persons beside the published figures of
other teams (metrics/benchmarks.py) likewise. Evenings, objects, violations, signals and money are not
person-based.
"""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from metrics.benchmarks import benchmarks_naast
from metrics.vergelijking import (
    kanttekening,
    profieljaren,
    teamprofiel,
    vergelijking,
    vergelijking_getekend,
    zonder_gegevens,
)
from ui.charts import TEAM_KLEUREN, TEAM_VOLGORDE, download_buttons, empty_state, euro_paneel, met_teamnamen, show_chart
from ui.data import query
from ui.filters import kies_teams, page_header
from ui.format import datum, getal, getal_of_label, opgemaakt
from ui.privacy import drempel, note, person_rows
from ui.shell import require_shell

require_shell(__file__)

NORMERINGEN = {
    "per_maand": "Per maand",
    "per_gemeente": "Per gemeente per jaar",
    "per_10000": "Per 10.000 inwoners per jaar",
    "aantal": "Absoluut",
}

f = page_header(
    "KIT vs PIT",
    "De teams naast elkaar, gecorrigeerd voor de duur van hun actieve periode, het aantal gemeenten en het "
    "aantal inwoners. Per gemeente en per 10.000 inwoners zijn omgerekend naar een jaar "
    "(totaal / maanden actief × 12), omdat de perioden van de teams verschillend lang zijn.",
)
zinnen = query(kanttekening, f)
if not zinnen.empty:
    st.info("Let op bij het vergelijken: " + " ".join(zinnen["zin"]), icon=":material/info:")

st.markdown(
    "Kies in het filter links twee of meer teams, of kies hier direct een vergelijking:"
    if len(f.teams) < 2 else "Of kies hier direct een vergelijking:"
)
knoppen = st.columns([1, 1, 3])
knoppen[0].button("KIT met PIT", on_click=kies_teams, args=(["KIT", "PIT"],), icon=":material/compare_arrows:")
knoppen[1].button(
    "KIT pilot met PIT", on_click=kies_teams, args=(["KIT-pilot", "PIT"],), icon=":material/compare_arrows:"
)

profiel = query(teamprofiel, f)
TARIEVEN = ("per_maand", "per_gemeente", "per_10000")  # rates of the count: emptied with a hidden count
cijfers = query(vergelijking, f)
PERSOONS = ["aangetroffen_personen", "partnerresultaten"]  # see the module docstring
cijfers, _ = person_rows(cijfers, cijfers["kengetal"].isin(PERSOONS), ["aantal"], TARIEVEN, ["team", "kengetal"])
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
jaren = query(profieljaren, f).iloc[0]
st.caption(
    f"Inwoners: aantal op 1 januari {jaren['inwoners_jaren']}, bron CBS (referentietabel gemeenten). Dit aantal "
    f"wordt als benadering voor alle perioden gebruikt (gegevens {jaren['data_jaren']}); de bevolking in die "
    "jaren kan daarvan afwijken."
)

normering = st.radio(
    "Normering", list(NORMERINGEN), format_func=NORMERINGEN.get, horizontal=True, key="vergelijking_normering"
)
zonder = query(zonder_gegevens, f)
if not zonder.empty:
    st.caption(
        "Geen gegevens (niets geregistreerd): " + "; ".join(zonder["tekst"])
        + ". Een kengetal zonder gegevens bij alle teams wordt niet getekend."
    )
getekend = query(vergelijking_getekend, f)
getekend, panelen = person_rows(getekend, getekend["kengetal"].isin(PERSOONS), ["aantal"], TARIEVEN,
                                ["team", "kengetal"])
panelen = met_teamnamen(panelen)
fig = None
if not panelen.empty:
    fig = px.bar(
        panelen,
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
        category_orders={"team": [t for t in TEAM_VOLGORDE if t in set(panelen["team"])]},
        height=560 if panelen["kengetal"].nunique() > 4 else 320,
    )
    fig.for_each_annotation(lambda a: a.update(text=a.text.split("=")[-1]))
    fig.update_yaxes(matches=None, showticklabels=True)
    fig.update_layout(showlegend=False)
    euro_paneel(fig, "Resultaat in geld")
show_chart(fig, getekend, f"KIT vs PIT {NORMERINGEN[normering].lower()}")

with st.expander("Ruwe aantallen en berekening"):
    tabel = opgemaakt(
        cijfers.drop(columns=["kengetal", "heeft_gegevens"]),
        {
            "aantal": getal_of_label,
            "maanden": lambda v: getal(v, 1),
            "gemeenten": getal,
            "inwoners": getal,
            "per_maand": lambda v: getal(v, 2),
            "per_gemeente": lambda v: getal(v, 2),
            "per_10000": lambda v: getal(v, 2),
        },
    )
    st.dataframe(
        tabel,
        hide_index=True,
        column_config={
            "team": "Team",
            "kengetal_naam": "Kengetal",
            "aantal": st.column_config.TextColumn("Aantal"),
            "maanden": st.column_config.TextColumn("Maanden actief"),
            "gemeenten": st.column_config.TextColumn("Gemeenten"),
            "inwoners": st.column_config.TextColumn("Inwoners"),
            "inwoners_jaar": st.column_config.NumberColumn("Jaar inwoners", format="%d"),
            "per_maand": st.column_config.TextColumn("Per maand"),
            "per_gemeente": st.column_config.TextColumn("Per gemeente per jaar"),
            "per_10000": st.column_config.TextColumn("Per 10.000 inwoners per jaar"),
        },
    )
    download_buttons(cijfers, "KIT vs PIT ruwe aantallen")

st.subheader("Andere interventieteams: gepubliceerde cijfers")
st.caption(
    "Uit de tekst van de HAM/KIT-evaluatie (§6.2.3), niet uit rijen: deze cijfers staan naast de teams hierboven "
    "en tellen nergens mee. Omgerekend per genoemde gemeente waar het cijfer een aantal is; de bronnen noemen geen "
    "periode, dus per jaar kan niet. Ter vergelijking de aangetroffen personen van de gekozen teams per gemeente, "
    "berekend uit de rijen."
)
andere = query(benchmarks_naast, f, drempel())
if andere.empty:
    empty_state("Geen gepubliceerde cijfers van andere teams in dit warehouse: laad de gegevens opnieuw "
                "(`python -m etl load`).")
else:
    st.dataframe(
        andere,
        hide_index=True,
        width="stretch",
        column_config={
            "herkomst": st.column_config.TextColumn("Herkomst"),
            "team": st.column_config.TextColumn("Team of project"),
            "periode": st.column_config.TextColumn("Periode"),
            "gemeenten": st.column_config.TextColumn("Gemeenten"),
            "wat": st.column_config.TextColumn("Wat is geteld"),
            "waarde": st.column_config.TextColumn("Waarde (zoals gedrukt)"),
            "per_gemeente": st.column_config.TextColumn("Per gemeente"),
            "bron": st.column_config.TextColumn("Bron"),
            "opmerking": st.column_config.TextColumn("Opmerking"),
        },
    )
    download_buttons(andere, "Andere interventieteams")
note()
