"""Waterbedeffect (for the steering group): does a problem tackled in one municipality move to its neighbours?

The seed: "Dat wat wegtrekt uit Waalre, duikt in veel gevallen op in één van onze buurgemeenten." Figures from
metrics/waterbed.py (WDQ of Bowers & Johnson 2003, WDD of Wheeler & Ratcliffe 2018, moves of entities). The map is
plain plotly scatter traces on the flat-plane centroids of etl/reference/gemeenten.csv: no base map, no web request.

Small-count suppression (ui/privacy.py; both roles of this page are suppressed roles): person-based are the measure
"personen illegale huisvesting" (the counts before and after per area, and per month) and the moves of persons
and of landlords (often natural persons). Their counts below the threshold are "<5" with secondary suppression;
the statistics computed from them (WDQ, WDD, success and buffer measure, net effect, time lags) are emptied on a
line with a hidden count, since together with the other counts they would give it back; the chart leaves hidden
lines out and the map draws no arrow for a hidden move. Signals, violations per visit and temp agencies
(organisations) are not person-based.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from metrics.waterbed import (
    ENTITEITEN,
    LEZINGEN,
    MATEN,
    MIN_AANTAL,
    PER_INWONERS,
    ROL_BEHANDELING,
    ROL_BUFFER,
    ROL_BUITEN,
    ROL_CONTROLE,
    gemeenten_kaart,
    interventie_effecten,
    maat_rond_interventie,
    stromen,
    stromen_rond_interventies,
)
from ui.charts import KLEUREN, LEEG, download_buttons, empty_state, show_chart
from ui.data import query
from ui.filters import page_header
from ui.format import datum, getal, getal_of_label, team_label_kort
from ui.privacy import note, person_counts, person_counts_long
from ui.shell import require_shell
from ui.teams import per_team

require_shell(__file__)

ROL_KLEUREN = {ROL_BEHANDELING: KLEUREN[1], ROL_BUFFER: KLEUREN[4], ROL_CONTROLE: KLEUREN[0], ROL_BUITEN: "#b0b7bd"}
VENSTERS = {90: "90 dagen", 180: "180 dagen", 365: "365 dagen"}
KOLOMNAMEN = {
    "interventie_id": "Interventie", "gemeente": "Gemeente", "thema": "Thema", "omschrijving": "Wat er gedaan is",
    "datum_start": "Start", "datum_eind": "Einde", "buffer": "Buurgemeenten (buffer)", "controle": "Controle",
    "voor_van": "Voor: van", "voor_tot": "Voor: tot en met", "na_van": "Na: van", "na_tot": "Na: tot en met",
    "venster_dagen": "Dagen per venster", "r_voor": "Gemeente voor", "r_na": "Gemeente na", "d_voor": "Buffer voor",
    "d_na": "Buffer na", "c_voor": "Controle voor", "c_na": "Controle na", "wdq": "WDQ", "wdq_laag": "WDQ laag",
    "wdq_hoog": "WDQ hoog", "succes": "Succesmaat", "buffermaat": "Buffermaat", "tne": "Netto-effect (TNE)",
    "tne_laag": "TNE laag", "tne_hoog": "TNE hoog", "wdd": "WDD totaal", "wdd_laag": "WDD laag",
    "wdd_hoog": "WDD hoog", "wdd_lokaal": "WDD gemeente", "wdd_verplaatsing": "WDD buurgemeenten",
    "lezing": "Lezing", "van": "Van", "naar": "Naar", "soort": "Soort", "aantal": "Aantal",
    "entiteiten": "Verschillende", "mediaan_dagen": "Mediaan dagen ertussen", "max_dagen": "Langste tijd (dagen)",
    "voor": "Voor de start", "na": "Na de start", "mediaan_dagen_na": "Mediaan dagen (na)", "maand": "Maand",
    "rol": "Gebied", "waarde": "Waarde", "teller": "Aantal", "noemer": "Bezoeken",
}


def _komma(value: object, decimals: int = 2) -> str:
    """A Dutch decimal number, or a dash when it is missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{float(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _met_interval(value: object, low: object, high: object, decimals: int = 2) -> str:
    interval = "interval niet te bepalen" if pd.isna(low) else f"{_komma(low, decimals)} tot {_komma(high, decimals)}"
    return f"{_komma(value, decimals)} ({interval})"


f = page_header(
    "Waterbedeffect",
    "Trekt een probleem dat in één gemeente wordt aangepakt naar de buurgemeenten? Per interventie vergelijkt deze "
    "pagina de gemeente van de interventie, haar buurgemeenten binnen het team en de rest van de regio, in een "
    "periode vóór en een even lange periode ná de start.",
)
keuze = st.columns(3)
maat = keuze[0].selectbox("Maat", list(MATEN), format_func=MATEN.get, key="waterbed_maat")
dagen = keuze[1].selectbox("Lengte van elk venster", list(VENSTERS), index=1, format_func=VENSTERS.get,
                           key="waterbed_dagen")
entiteit = keuze[2].selectbox("Volg over gemeenten", list(ENTITEITEN), index=2, format_func=ENTITEITEN.get,
                              key="waterbed_entiteit")

PERSOON_MAAT = maat == "personen illegale huisvesting"  # see the module docstring
PERSOON_ENTITEIT = entiteit in ("persoon", "eigenaar")
TELLINGEN = ["r_voor", "r_na", "d_voor", "d_na", "c_voor", "c_na"]
effecten = query(interventie_effecten, f, maat, dagen)
if PERSOON_MAAT and not effecten.empty:
    effecten, _ = person_counts(effecten, TELLINGEN, tuple(
        c for c in effecten.columns if c.startswith(("wdq", "wdd", "z_", "succes", "buffermaat", "tne"))))
if effecten.empty:
    empty_state(f"{LEEG} Interventies worden aangeleverd als soort 'interventies' (sjabloon: python -m etl "
                "template).")
    st.stop()

st.subheader("Interventies en wat erna gebeurde")
MEER_TEAMS = len(per_team(f)) > 1  # each intervention is one team's: computed within that team
tabel = pd.DataFrame({
    **({"Team": [team_label_kort(t) for t in effecten["team"]]} if MEER_TEAMS else {}),
    "Interventie": effecten["interventie_id"],
    "Gemeente": effecten["gemeente"],
    "Start": [datum(d) for d in effecten["datum_start"]],
    "Lezing": effecten["lezing"],
    "WDQ (95%-interval)": [_met_interval(*v) for v in zip(effecten["wdq"], effecten["wdq_laag"],
                                                          effecten["wdq_hoog"], strict=True)],
    "WDD (95%-interval)": [_met_interval(*v, decimals=1) for v in zip(effecten["wdd"], effecten["wdd_laag"],
                                                                      effecten["wdd_hoog"], strict=True)],
    "Voor → na in de gemeente": [f"{getal_of_label(a)} → {getal_of_label(b)}"
                                 for a, b in zip(effecten["r_voor"], effecten["r_na"], strict=True)],
    "Voor → na in de buurgemeenten": [f"{getal_of_label(a)} → {getal_of_label(b)}"
                                      for a, b in zip(effecten["d_voor"], effecten["d_na"], strict=True)],
    "Buurgemeenten (buffer)": effecten["buffer"],
    "Wat er gedaan is": effecten["omschrijving"],
})
st.dataframe(tabel, hide_index=True)
eenheid = "overtredingen per bezoek" if maat == "overtredingen per bezoek" else f"per {getal(PER_INWONERS)} inwoners"
st.caption(
    f"Maat: {MATEN[maat].lower()}; voor en na elk {VENSTERS[dagen]} (korter als de gegevens van het team eerder "
    f"beginnen of eindigen). WDD in {eenheid}. Lezingen, van sterk naar zwak: {', '.join(LEZINGEN)}."
    + (" Elke interventie is van één team en wordt binnen dat team berekend (gemeente, buurgemeenten en controle "
       "uit de gegevens van dat team); teams worden niet opgeteld." if MEER_TEAMS else "")
)
download_buttons(effecten, "Waterbedeffect per interventie", KOLOMNAMEN)

with st.expander("Zo leest u deze cijfers", expanded=True):
    st.markdown(
        f"""
- **Lezing.** Eerst de vraag of het in de gemeente zelf beter ging dan in de rest van de regio (de controle). Alleen
  dan heeft het zin te kijken naar de buurgemeenten: *verplaatsing* als het daar in dezelfde tijd duidelijk slechter
  ging dan in de controle, *uitstraling* als het er ook beter ging, *effect, geen verplaatsing* als er in de
  buurgemeenten geen duidelijk verschil is. *Geen effect in de gemeente*: de daling in de gemeente is niet groter dan
  wat toeval kan geven; de WDQ wordt dan niet gelezen.
- **Kleine aantallen.** Heeft de gemeente of hebben de buurgemeenten samen minder dan {MIN_AANTAL} gebeurtenissen in
  beide periodes samen, dan staat er *te weinig gegevens*: bij zulke kleine aantallen is elk verschil toeval.
- **Duidelijk** betekent: het 95%-interval ligt helemaal aan één kant van nul (z kleiner dan -1,96 of groter dan
  1,96). Het interval is de marge waarbinnen het echte effect met 95% zekerheid ligt.
- **WDQ** (Weighted Displacement Quotient, Bowers & Johnson 2003): de verandering in de buurgemeenten gedeeld door
  die in de gemeente, beide tegen de controle. Negatief: verplaatsing (onder -1 is de winst helemaal weggelopen);
  positief: uitstraling. Het interval komt uit een bootstrap (4.000 keer opnieuw trekken van de aantallen) en wordt
  alleen gegeven als de gemeente zelf duidelijk verbeterde.
- **WDD** (Weighted Displacement Difference, Wheeler & Ratcliffe 2018): hoeveel meer (positief) of minder
  (negatief) er in gemeente en buurgemeenten samen gebeurde dan de controle deed verwachten. Rond nul: wat in de
  gemeente verdween, dook in de buurgemeenten weer op, of er gebeurde niets.
- Wat de cijfers niet kunnen: andere oorzaken in dezelfde periode (een tweede interventie, een seizoen, minder
  controles) uitsluiten. Buurgemeenten buiten het team (zoals Eindhoven) hebben geen gegevens van het team.
"""
    )

st.subheader("Kaart: gemeenten en verplaatsingen")
gekozen = st.selectbox(
    "Interventie", list(effecten["interventie_id"]), key="waterbed_interventie",
    format_func=lambda i: f"{i}: {effecten.set_index('interventie_id').loc[i, 'gemeente']}, vanaf "
                          f"{datum(effecten.set_index('interventie_id').loc[i, 'datum_start'])}",
)
kaart = query(gemeenten_kaart, gekozen)
team_gekozen = effecten.set_index("interventie_id").loc[gekozen, "team"]
tf = replace(f, teams=(team_gekozen,))  # the moves of the intervention's team: teams are never added up
flows = query(stromen, tf, entiteit)
pijlen = flows
if PERSOON_ENTITEIT:
    flows, pijlen = person_counts(flows, ["aantal", "entiteiten"], ("mediaan_dagen", "max_dagen"))
    pijlen = pijlen.dropna(subset=["aantal"])  # no arrow for a hidden move
positie = kaart.set_index("code")[["x_km", "y_km"]]
fig = go.Figure()
for rol, kleur in ROL_KLEUREN.items():
    deel = kaart[kaart["rol"] == rol]
    fig.add_trace(go.Scatter(
        x=deel["x_km"], y=deel["y_km"], mode="markers+text", name=rol, text=deel["naam"], textposition="top center",
        marker={"size": 14, "color": kleur, "line": {"width": 1, "color": "#333"}},
        customdata=deel[["inwoners"]], hovertemplate="%{text}<br>%{customdata[0]:,} inwoners<extra></extra>",
    ))
grootste = pijlen["aantal"].max() if not pijlen.empty else 1
for rij in pijlen.itertuples(index=False):
    if rij.van_code in positie.index and rij.naar_code in positie.index:
        fig.add_annotation(
            x=positie.loc[rij.naar_code, "x_km"], y=positie.loc[rij.naar_code, "y_km"],
            ax=positie.loc[rij.van_code, "x_km"], ay=positie.loc[rij.van_code, "y_km"],
            xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1,
            arrowwidth=1 + 5 * rij.aantal / grootste, arrowcolor="rgba(181, 83, 60, 0.55)", standoff=8,
            startstandoff=8, text="",
        )
fig.update_layout(
    title=f"{ENTITEITEN[entiteit]} die in een gemeente werden aangetroffen en later in een andere (pijl: van → naar, "
          "dikte: aantal)",
    xaxis={"title": "km oost-west", "zeroline": False}, yaxis={"title": "km noord-zuid", "scaleanchor": "x",
                                                               "zeroline": False},
    height=620, legend={"title": "Gebied bij de gekozen interventie"},
)
show_chart(fig, kaart, "Kaart gemeenten waterbedeffect", KOLOMNAMEN)
st.caption(
    "Posities: het middelpunt van elke gemeente (CBS/PDOK, op een platte kaart in km); geen achtergrondkaart. "
    "Bergeijk, Bladel en Reusel-De Mierden grenzen aan België; Belgische gemeenten staan niet in de gegevens."
    + (f" Pijlen en tabel: alleen {team_label_kort(team_gekozen)}, het team van de gekozen interventie; "
       "verplaatsingen van verschillende teams worden niet opgeteld." if MEER_TEAMS else "")
)
if flows.empty:
    empty_state(f"Geen {ENTITEITEN[entiteit].lower()} die in deze selectie in meer dan één gemeente werden "
                "aangetroffen.")
else:
    st.dataframe(flows.drop(columns=["van_code", "naar_code"]).rename(columns=KOLOMNAMEN), hide_index=True)
    download_buttons(flows, f"Verplaatsingen {ENTITEITEN[entiteit]}", KOLOMNAMEN)
rond = query(stromen_rond_interventies, tf, entiteit, dagen)
rond = rond[rond["interventie_id"] == gekozen]
if PERSOON_ENTITEIT:
    rond, _ = person_counts(rond, ["voor", "na"], ("mediaan_dagen_na",))
st.markdown(f"**Uit de gemeente van {gekozen} vertrokken, vóór en ná de start** ({VENSTERS[dagen]} elk):")
if rond.empty:
    empty_state(f"Geen {ENTITEITEN[entiteit].lower()} die vóór of na de start uit deze gemeente naar een andere "
                "werden gevolgd.")
else:
    st.dataframe(rond.drop(columns=["interventie_id", "naar_code"]).rename(columns=KOLOMNAMEN), hide_index=True)

st.subheader("De maat per maand rond de interventie")
verloop = query(maat_rond_interventie, gekozen, maat, dagen)
verloop_grafiek = verloop
if PERSOON_MAAT:
    verloop, verloop_grafiek = person_counts_long(verloop, "teller", "maand", "rol", ("waarde",))
start = effecten.set_index("interventie_id").loc[gekozen, "datum_start"]
lijn = px.line(
    verloop_grafiek, x="maand", y="waarde", color="rol", markers=True,
    color_discrete_map=ROL_KLEUREN,
    title=f"{MATEN[maat]} per maand ({eenheid}) in de gemeente, de buurgemeenten en de controle",
    labels={"maand": "Maand", "waarde": MATEN[maat], "rol": "Gebied"},
)
lijn.add_vline(x=pd.Timestamp(start).timestamp() * 1000, line_dash="dash", line_color="#333",
               annotation_text="start interventie")
show_chart(lijn, verloop, f"Verloop {MATEN[maat]} rond {gekozen}", KOLOMNAMEN)
st.caption(
    "Maandcijfers schommelen sterk bij kleine aantallen; lees de lezing en het interval in de tabel, niet één maand."
)
if PERSOON_MAAT or PERSOON_ENTITEIT:
    note()
