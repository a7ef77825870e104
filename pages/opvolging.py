"""Opvolging (for the steering group): are violations followed up and closed, and which steps are overdue?

Knelpunt 1 of the HAM/KIT evaluation (question 8): too little follow-up, especially in the B.O.E.R.-gemeenten.
Small-count suppression: nothing here counts persons (violations per finding, follow-up steps, days), so nothing is
hidden; the overdue steps are an operational list, for a burgemeester only of their own municipality.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

from metrics.doorlooptijd import METHODE
from metrics.filters import Filter
from metrics.opvolging import (
    GROEP_VOLGORDE,
    STATUSSEN,
    achterstallige_stappen,
    kerncijfers_opvolging,
    mediaan_tot_afsluiting,
    opvolging_per_gemeente,
    opvolging_per_gemeente_grafiek,
    opvolging_per_groep,
    peildata,
    stappen_per_soort,
    tijd_tot_afsluiting,
)
from metrics.termijnen import PER as TERMIJN_PER
from metrics.termijnen import open_stappen_per_maand, termijnen
from ui.charts import TEAM_KLEUREN, TEAM_VOLGORDE, download_buttons, empty_state, met_teamnamen, show_chart
from ui.data import query
from ui.datum import peildatum_invoer
from ui.filters import page_header
from ui.format import datum, getal, opgemaakt, procent, team_label_kort
from ui.privacy import own_municipality
from ui.shell import require_shell
from ui.teams import kolommen, leeg_tekst, naast_elkaar, per_team, uitleg

require_shell(__file__)

BASIS = "Basis: van alle overtredingen; een overtreding zonder opvolgingsstap telt mee als niet opgevolgd."
PER_KEUZES = {"groep": "B.O.E.R.-gemeenten tegen overige gemeenten", "team": "Per team"}
KOLOMNAMEN = {
    "gemeente_code": "CBS-code",
    "gemeente": "Gemeente",
    "overtredingen": "Overtredingen",
    "opgevolgd": "Opgevolgd",
    "aandeel_opgevolgd": "Deel opgevolgd",
    "afgesloten": "Afgesloten",
    "aandeel_afgesloten": "Deel afgesloten",
    "gecensureerd": "Nog niet afgesloten (gecensureerd)",
    "mediaan_dagen": "Mediaan dagen tot afsluiting",
    "at_risk_mediaan": "Nog gevolgd bij de mediaan (at risk)",
    "mediaan_ondergrens": "Mediaan: ondergrens 95%",
    "mediaan_bovengrens": "Mediaan: bovengrens 95%",
    "p90_dagen": "Dagen tot 90% afgesloten",
    "p90_ondergrens": "90%: ondergrens 95%",
    "p90_bovengrens": "90%: bovengrens 95%",
    "dagen": "Dagen na de controleavond",
    "at_risk": "Nog gevolgd (at risk)",
    "aandeel_open": "Deel nog niet afgesloten",
    "soort": "Soort stap",
    "status": "Status",
    "stappen": "Stappen",
    "organisatie": "Organisatie",
    "deadline": "Deadline",
    "dagen_over_deadline": "Dagen over de deadline",
    "peildatum": "Peildatum",
}

TERMIJN_KEUZES = {"gemeente": "Gemeente", "organisatie": "Verantwoordelijke organisatie",
                  "categorie": "Soort overtreding", "soort": "Soort stap"}
TERMIJN_KOLOMMEN = {
    "categorie": "Soort overtreding",
    "stappen": "Stappen (begonnen)",
    "afgerond": "Afgerond",
    "aandeel_afgerond": "Deel afgerond",
    "beoordeelbaar": "Stappen met verstreken of gehaalde deadline",
    "op_tijd": "Op tijd afgerond",
    "aandeel_op_tijd": "Deel op tijd",
    "open_nu": "Open op de peildatum",
    "te_laat_nu": "Over de deadline op de peildatum",
    "aandeel_te_laat": "Deel over de deadline",
    "zonder_deadline": "Zonder deadline",
    "zonder_stap": "Overtredingen zonder stap",
    "afgesloten": "Overtredingen afgesloten",
    "aandeel_afgesloten": "Deel overtredingen afgesloten",
    "open_stappen": "Open stappen",
    "te_laat": "Waarvan over de deadline",
}

def dagen_tekst(waarde: object) -> str:
    """Days for a table cell: 'niet bereikt' for NaN, 'niet begrensd' for an open upper bound."""
    if pd.isna(waarde):
        return "niet bereikt"
    return "niet begrensd" if waarde == float("inf") else getal(waarde)


def interval_tekst(onder: object, boven: object) -> str:
    """A 95% interval in words, e.g. '95%-interval 13 tot niet begrensd'."""
    if pd.isna(onder):
        return "geen 95%-interval te bepalen"
    return f"95%-interval {dagen_tekst(onder)} tot {dagen_tekst(boven)} dagen"


f = page_header(
    "Opvolging",
    "Worden overtredingen opgevolgd en afgesloten? De evaluatie van de pilot noemt te weinig opvolging het grootste "
    "knelpunt, met name in de B.O.E.R.-gemeenten (Bladel, Oirschot, Eersel en Reusel-De Mierden).",
)
peildatum = peildatum_invoer(
    "opvolging_peildatum",
    help="De stand op deze datum, bijvoorbeeld 31-12-2022 of 31 december 2022: een stap is open als hij niet op of "
    "vóór deze datum is afgesloten (ook als hij later wel is afgesloten). Leeg: per team de laatste datum in de "
    "gegevens, of het einde van de gekozen periode.",
    standaard="per team de laatste datum in de gegevens, of het einde van de gekozen periode",
)


def opvolging_van(tf: Filter, peildatum: date | None, label: str, sleutel: str) -> None:
    kern = query(kerncijfers_opvolging, tf, peildatum).iloc[0]

    if int(kern["overtredingen"]) == 0:
        empty_state(leeg_tekst(tf, "overtredingen"))
        return

    peildagen = query(peildata, tf, peildatum)
    peil = (
        datum(peildagen["peildatum"].iloc[0]) if len(peildagen) == 1
        else "; ".join(f"{team_label_kort(t)} {datum(d)}" for t, d in zip(peildagen["team"], peildagen["peildatum"],
                                                                            strict=True))
    )
    tegels = st.columns(5)
    tegels[0].metric("Overtredingen", getal(kern["overtredingen"]), border=True)
    tegels[1].metric(
        "Opgevolgd",
        procent(kern["aandeel_opgevolgd"]),
        border=True,
        help=f"{getal(kern['opgevolgd'])} van {getal(kern['overtredingen'])} overtredingen hebben minstens één "
        "opvolgingsstap (elke soort, elke status).",
    )
    tegels[2].metric(
        "Afgesloten",
        procent(kern["aandeel_afgesloten"]),
        border=True,
        help=f"{getal(kern['afgesloten'])} van {getal(kern['overtredingen'])} overtredingen hebben op de peildatum een "
        "afgeronde opvolgingsstap.",
    )


    mediaan_tekst = "niet bereikt" if pd.isna(kern["mediaan_dagen"]) else f"{getal(kern['mediaan_dagen'])} dagen"
    tegels[3].metric(
        "Mediane doorlooptijd",
        mediaan_tekst,
        border=True,
        help="Dagen van de controleavond tot afsluiting (Kaplan-Meier): de eerste dag waarop naar schatting minstens "
        "de helft van de overtredingen is afgesloten; nog open overtredingen tellen mee tot de peildatum. "
        "'Niet bereikt': meer dan de helft is nog niet afgesloten. "
        f"{interval_tekst(kern['mediaan_ondergrens'], kern['mediaan_bovengrens'])} ({METHODE}); "
        f"90% afgesloten na: {dagen_tekst(kern['p90_dagen'])}."
        + ("" if pd.isna(kern["at_risk_mediaan"])
           else f" Bij de mediaan werden nog {getal(kern['at_risk_mediaan'])} overtredingen gevolgd (at risk)."),
    )
    tegels[4].metric(
        "Stappen te laat",
        getal(kern["stappen_over_deadline"]),
        border=True,
        help="Opvolgingsstappen die op de peildatum open waren (niet op of vóór die datum afgesloten, ook als ze later "
        "wel zijn afgesloten) en waarvan de deadline vóór de peildatum ligt.",
    )
    st.caption(
        f"{BASIS} Peildatum: {peil} "
        + ("(gekozen)." if peildatum else "(de laatste datum in de gegevens van het team, of het einde van de gekozen "
           "periode als dat eerder is).")
    )

    st.subheader("Opgevolgd per gemeente")
    gemeenten = query(opvolging_per_gemeente, tf, peildatum)
    balken = query(opvolging_per_gemeente_grafiek, tf, peildatum)
    fig = px.bar(
        balken,
        x="aandeel_opgevolgd",
        y="gemeente",
        color="groep",
        orientation="h",
        text="label",
        category_orders={"groep": GROEP_VOLGORDE},
        title="Deel van de overtredingen met minstens één opvolgingsstap, per gemeente",
        labels={"aandeel_opgevolgd": "Deel opgevolgd", "gemeente": "Gemeente", "groep": "Groep", "label": "Opgevolgd"},
    )
    fig.update_xaxes(tickformat=".0%", range=[0, 1.15])
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(balken["gemeente"])))
    show_chart(fig, gemeenten, f"Opgevolgd per gemeente{sleutel}", KOLOMNAMEN)
    groepen = query(opvolging_per_groep, tf, peildatum)
    st.dataframe(
        opgemaakt(groepen, {"overtredingen": getal, "opgevolgd": getal, "afgesloten": getal,
                            "aandeel_opgevolgd": procent, "aandeel_afgesloten": procent}),
        hide_index=True,
        column_config={k: v for k, v in {**KOLOMNAMEN, "groep": "Groep"}.items() if k in groepen.columns},
    )
    st.caption(f"{BASIS} Afgesloten: minstens één stap met status afgerond op of vóór de peildatum ({peil}).")
    download_buttons(groepen, f"Opvolging per groep gemeenten{sleutel}", KOLOMNAMEN)

    st.subheader("Soorten opvolgingsstappen")
    soorten = query(stappen_per_soort, tf)
    fig = px.bar(
        soorten,
        x="stappen",
        y="soort",
        color="status",
        orientation="h",
        category_orders={"status": list(STATUSSEN)},
        title="Aantal opvolgingsstappen per soort en status",
        labels={"stappen": "Aantal stappen", "soort": "Soort stap", "status": "Status"},
    )
    fig.update_yaxes(categoryorder="total ascending")
    show_chart(fig, soorten if soorten["stappen"].any() else soorten.iloc[0:0], f"Stappen per soort{sleutel}",
               KOLOMNAMEN)
    st.caption("Aantallen stappen, geen aandeel. Ook stappen voor een hele actie (zoals een persbericht) tellen mee.")

    st.subheader("Tijd tot afsluiting")
    per = st.radio("Vergelijk", list(PER_KEUZES), format_func=PER_KEUZES.get, horizontal=True,
                   key=f"opvolging_per{sleutel}")
    curve = query(tijd_tot_afsluiting, tf, per, peildatum)
    kleuren = TEAM_KLEUREN if per == "team" else None
    fig = px.line(
        met_teamnamen(curve),
        x="dagen",
        y="aandeel_open",
        color=per,
        line_shape="hv",
        color_discrete_map=kleuren,
        category_orders={"groep": GROEP_VOLGORDE, "team": TEAM_VOLGORDE},
        title="Deel van de overtredingen nog niet afgesloten (Kaplan-Meier)",
        labels={"dagen": "Dagen na de controleavond", "aandeel_open": "Deel nog niet afgesloten", "groep": "Groep",
                "team": "Team", "at_risk": "Nog gevolgd (at risk)"},
        hover_data={"at_risk": True},
    )
    fig.update_yaxes(tickformat=".0%", range=[0, 1.02])
    show_chart(fig, curve, f"Tijd tot afsluiting{sleutel}", KOLOMNAMEN)
    medianen = query(mediaan_tot_afsluiting, tf, per, peildatum)
    st.dataframe(
        opgemaakt(
            medianen,
            {"overtredingen": getal, "afgesloten": getal, "gecensureerd": getal,
             **{k: dagen_tekst for k in ("mediaan_dagen", "mediaan_ondergrens", "mediaan_bovengrens", "p90_dagen",
                                         "p90_ondergrens", "p90_bovengrens")},
             "at_risk_mediaan": lambda v: "–" if pd.isna(v) else getal(v)},
        ),
        hide_index=True,
        column_config={k: v for k, v in {**KOLOMNAMEN, "groep": "Groep", "team": "Team"}.items()
                       if k in medianen.columns},
    )
    st.caption(
        "Van de controleavond tot de eerste opvolgingsstap met status afgerond. Overtredingen zonder afgeronde stap "
        f"(ook die zonder enige stap) tellen mee tot de peildatum ({peil}) als nog niet afgesloten (gecensureerd), "
        "ze vallen niet weg. Mediaan: de eerste dag waarop naar schatting minstens de helft is afgesloten; 90%: de "
        "eerste dag waarop minstens 90% is afgesloten. 'Niet bereikt': zover is het op de peildatum nog niet. "
        f"Intervallen: {METHODE} (statsmodels); 'niet begrensd': de gegevens geven geen bovengrens."
    )
    download_buttons(medianen, f"Mediaan tijd tot afsluiting{sleutel}", KOLOMNAMEN)

    st.subheader("Openstaande stappen over de deadline")
    achter = own_municipality(query(achterstallige_stappen, tf, peildatum))  # a mayor: own municipality only
    if achter.empty:
        st.info(f"Geen openstaande opvolgingsstappen over de deadline op de peildatum ({peil}).",
                icon=":material/task_alt:")
    else:
        st.dataframe(
            opgemaakt(achter.drop(columns=["peildatum"]), {"deadline": datum, "dagen_over_deadline": getal}),
            hide_index=True,
            column_config={k: v for k, v in {**KOLOMNAMEN, "team": "Team"}.items() if k in achter.columns},
        )
        st.caption(f"Stappen die op de peildatum ({peil}) open waren (ook als ze later zijn afgesloten) en waarvan de "
                   "deadline vóór de peildatum ligt; langst over de deadline bovenaan. Zonder persoonsgegevens.")
        download_buttons(achter, f"Stappen over de deadline{sleutel}", KOLOMNAMEN)

    st.subheader("Afsluiting tegen de deadline")
    termijn_per = st.radio("Per", list(TERMIJN_PER), format_func=TERMIJN_KEUZES.get, horizontal=True,
                           key=f"opvolging_termijn_per{sleutel}")
    tabel = query(termijnen, tf, termijn_per, peildatum)
    if tabel.empty:
        st.info(f"Geen opvolgingsstappen tot de peildatum ({peil}).", icon=":material/info:")
    else:
        aandelen = [k for k in tabel.columns if k.startswith("aandeel_")]
        tellers = [k for k in tabel.columns if k not in aandelen and k != termijn_per]
        st.dataframe(
            opgemaakt(tabel, {**{k: getal for k in tellers}, **{k: procent for k in aandelen}}),
            hide_index=True,
            column_config={k: v for k, v in {**KOLOMNAMEN, **TERMIJN_KOLOMMEN}.items() if k in tabel.columns},
        )
        st.caption(
            f"Stand op de peildatum ({peil}). Deel afgerond: van alle stappen die vóór of op de peildatum begonnen. "
            "Deel op tijd: van de stappen met een deadline waarvan vaststaat of ze op tijd waren (deadline verstreken "
            "of al afgerond; vervallen stappen niet). Deel te laat: van alle begonnen stappen. "
            + ("Deel overtredingen afgesloten: van alle overtredingen, ook die zonder enige stap. "
               if "aandeel_afgesloten" in tabel.columns else "")
            + "Een stap die na de peildatum is afgesloten, telt op de peildatum als open."
        )
        download_buttons(tabel, f"Afsluiting tegen de deadline{sleutel}", {**KOLOMNAMEN, **TERMIJN_KOLOMMEN})

    st.subheader("Capaciteit: open stappen per organisatie per maand")
    capaciteit = query(open_stappen_per_maand, tf, peildatum)
    fig = px.bar(
        capaciteit,
        x="maand",
        y="open_stappen",
        color="organisatie",
        title="Open opvolgingsstappen aan het eind van elke maand, per verantwoordelijke organisatie",
        labels={"maand": "Maand", "open_stappen": "Open stappen", "organisatie": "Organisatie",
                "te_laat": "Waarvan over de deadline"},
        hover_data={"te_laat": True},
    )
    fig.update_xaxes(dtick="M1", tickformat="%m-%Y")
    show_chart(fig, capaciteit, f"Open stappen per organisatie per maand{sleutel}",
               {**KOLOMNAMEN, **TERMIJN_KOLOMMEN})
    st.caption(f"Aantallen, geen aandeel: stappen die op de laatste dag van de maand open waren (voor de laatste "
               f"maand: op de peildatum, {peil}), per verantwoordelijke organisatie.")


alle_teams = per_team(f)
teams = naast_elkaar(alle_teams, "opvolging_teams")
uitleg(teams)
if len(teams) <= 1:
    opvolging_van(teams[0][1] if teams else f, peildatum, "", "")
else:
    for label, tf, kolom in kolommen(f, teams):
        with kolom:
            opvolging_van(tf, peildatum, label, f"_{tf.teams[0]}")
