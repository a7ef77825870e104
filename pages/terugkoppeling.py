"""Terugkoppeling: what became of the findings of one control evening, and the chain from signal to closure.

Interview question 11 of the HAM/KIT evaluation (16 of 20 team members never hear what became of what they
found), knelpunt 6 and aanbeveling 6 (share the results back at the casustafel). No personal data or addresses.
A burgemeester sees the operational list (the evenings and what became of each finding) only for their own
municipality: the metrics take `gemeente` (ui.privacy.own_municipality_code). The chain and the hit rate are
aggregates over all the team's municipalities.

Small-count suppression: none of the counts here is person-based. Findings, violations and follow-up steps are
counted per finding or step, signals per tip, visits per object (address); a person is never counted.
"""

from __future__ import annotations

from datetime import date

import plotly.express as px
import streamlit as st

from metrics.filters import Filter
from metrics.keten import PER as KETEN_PER
from metrics.keten import STAP_NAMEN, keten, trefkans_per_bron
from metrics.terugkoppeling import avonden, samenvatting, terugkoppeling
from ui.charts import download_buttons, empty_state, show_chart
from ui.data import query
from ui.datum import peildatum_invoer
from ui.filters import page_header
from ui.format import getal, opgemaakt, procent, team_label_kort
from ui.privacy import own_municipality_code
from ui.shell import require_shell
from ui.teams import kolommen, leeg_tekst, naast_elkaar, per_team, uitleg

require_shell(__file__)

KOLOMNAMEN = {
    "nr": "Bevinding",
    "bevinding": "Soort bevinding",
    "object_type": "Object",
    "overtreding": "Overtreding",
    "vastgesteld_door": "Vastgesteld door",
    "organisatie": "Verantwoordelijke organisatie",
    "soort": "Soort stap",
    "status": "Status op de peildatum",
    "termijn": "Termijn",
    "resultaat": "Resultaat",
    "dagen": "Dagen na de controleavond",
    "peildatum": "Peildatum",
    "gemeente": "Gemeente",
    "bron": "Ingebracht door",
    "stap": "Stap (code)",
    "stap_naam": "Stap",
    "signalen": "Signalen",
    "basis_vorige": "Basis: signalen in de vorige stap",
    "aandeel_vorige": "Deel van de vorige stap",
    "basis_signalen": "Basis: alle signalen",
    "aandeel_signalen": "Deel van alle signalen",
    "bezocht": "Bezocht",
    "met_overtreding": "Met minstens één overtreding",
    "trefkans": "Trefkans",
}


def keten_van(tf: Filter, per: str | None, peildatum: date | None, label: str) -> None:
    trechter = query(keten, tf, per, peildatum)
    fig = None if trechter.empty else px.funnel(
        trechter,
        x="signalen",
        y="stap_naam",
        color=per,
        category_orders={"stap_naam": list(STAP_NAMEN.values())},
        title=" ".join(filter(None, ["Signalen per stap van de keten, van signaal tot afsluiting", label])),
        labels={"signalen": "Signalen", "stap_naam": "Stap", "gemeente": "Gemeente", "bron": "Ingebracht door"},
    )
    if fig is not None and per is None:
        fig.update_traces(textinfo="value+percent previous")
    show_chart(fig, trechter, " ".join(filter(None, ["Van signaal tot afsluiting", label])), KOLOMNAMEN)
    if not trechter.empty:
        st.dataframe(
            opgemaakt(trechter.drop(columns=["stap"]),
                      {"signalen": getal, "basis_vorige": getal, "basis_signalen": getal, "aandeel_vorige": procent,
                       "aandeel_signalen": procent}),
            hide_index=True,
            column_config={k: v for k, v in KOLOMNAMEN.items() if k in trechter.columns},
        )


def trefkans_van(tf: Filter, peildatum: date | None, label: str) -> None:
    tref = query(trefkans_per_bron, tf, peildatum)
    if tref.empty:
        empty_state()
        return
    st.dataframe(
        opgemaakt(tref, {"signalen": getal, "bezocht": getal, "met_overtreding": getal, "trefkans": procent}),
        hide_index=True,
        column_config={k: v for k, v in KOLOMNAMEN.items() if k in tref.columns},
    )
    st.caption("Trefkans: van alle signalen die de partner inbracht, het deel dat (besproken, bezocht) tot minstens "
               "één overtreding leidde.")
    download_buttons(tref, " ".join(filter(None, ["Trefkans per partner", label])), KOLOMNAMEN)


KETEN_KEUZES = {"totaal": "Alle signalen", "gemeente": "Per gemeente", "bron": "Per inbrengende partner"}
f = page_header(
    "Terugkoppeling",
    "Wat is er gebeurd met wat we op een controleavond vonden? Kies een avond en zie per bevinding de soort "
    "overtreding, de verantwoordelijke organisatie, de opvolgingsstappen, hun status, het resultaat en het aantal "
    "dagen. Zonder persoonsgegevens en zonder adressen.",
)
peildatum = peildatum_invoer(
    "terugkoppeling_peildatum",
    help="De stand op deze datum, bijvoorbeeld 31-12-2022 of 31 december 2022: een stap die pas later is "
    "afgesloten, staat op deze datum nog open. Leeg: de laatste datum in de gegevens van het team.",
    standaard="de laatste datum in de gegevens van het team",
)

st.subheader("Wat werd er van de bevindingen van een controleavond?")
AVONDEN_TE_KIEZEN = 1000  # the newest evenings offered; a national selection holds hundreds of thousands
GEMEENTE = own_municipality_code()  # a burgemeester: own municipality (CBS code); other roles: None, not limited
keuzes = query(avonden, f, GEMEENTE, AVONDEN_TE_KIEZEN)
if keuzes.empty:  # what is empty and what the selection (a mayor's: their own municipality) still holds
    eigen = f if GEMEENTE is None else Filter(teams=f.teams, gemeenten=(GEMEENTE,), start=f.start, end=f.end)
    eigen_tekst = " U ziet hier alleen de controleavonden in uw eigen gemeente." if GEMEENTE else ""
    empty_state(leeg_tekst(eigen, "bevindingen") + eigen_tekst)
else:
    labels = dict(zip(keuzes["controleavond_id"], keuzes["label"], strict=True))
    if keuzes["team"].nunique() > 1:  # an evening is one team's: its figures need no splitting, its name says which
        labels = {a: f"{team_label_kort(t)} · {lab}" for a, t, lab in zip(keuzes["controleavond_id"], keuzes["team"],
                                                                           keuzes["label"], strict=True)}
    avond = st.selectbox("Controleavond", list(labels), format_func=labels.get, key="terugkoppeling_avond")
    if len(keuzes) == AVONDEN_TE_KIEZEN:
        st.caption(f"De keuze toont de {getal(AVONDEN_TE_KIEZEN)} nieuwste controleavonden met bevindingen; kies in "
                   "het filter een team, een gemeente of een kortere periode voor een eerdere avond.")
    kern = query(samenvatting, avond, peildatum, GEMEENTE).iloc[0]
    tabel = query(terugkoppeling, avond, peildatum, GEMEENTE)
    tegels = st.columns(4)
    tegels[0].metric("Bevindingen", getal(kern["bevindingen"]), border=True)
    tegels[1].metric("Overtredingen", getal(kern["overtredingen"]), border=True)
    tegels[2].metric("Opgevolgd", f"{getal(kern['opgevolgd'])} van {getal(kern['overtredingen'])}", border=True,
                     help="Overtredingen met minstens één opvolgingsstap die op de peildatum begonnen was.")
    tegels[3].metric("Afgesloten", f"{getal(kern['afgesloten'])} van {getal(kern['overtredingen'])}", border=True,
                     help="Overtredingen met minstens één stap die op de peildatum was afgerond.")
    st.dataframe(
        opgemaakt(tabel.drop(columns=["peildatum"]), {"nr": lambda v: "–" if v is None or v != v else getal(v),
                                                      "dagen": lambda v: "–" if v is None or v != v else getal(v)}),
        hide_index=True,
        column_config={k: v for k, v in KOLOMNAMEN.items() if k in tabel.columns},
    )
    st.caption(
        f"Stand op {tabel['peildatum'].iloc[0]:%d-%m-%Y}. Eén rij per opvolgingsstap; een bevinding zonder stap "
        "staat op één rij ('geen opvolging' bij een overtreding). Dagen: van de controleavond tot de afronding, of "
        "tot de peildatum zolang de stap open is. Een resultaat dat pas na de peildatum is vastgelegd, staat er nog "
        "niet bij. Bevindingen zijn genummerd per avond; geen personen, adressen of pseudoniemen."
    )
    download_buttons(tabel, "Terugkoppeling controleavond", KOLOMNAMEN)

st.subheader("Van signaal tot afsluiting")
st.markdown(
    "Hoeveel signalen worden besproken, bezocht, leveren een overtreding op, worden opgevolgd en afgesloten? "
    "Elke stap telt alleen de signalen die ook de vorige stap haalden."
)
keten_per = st.radio("Vergelijk", list(KETEN_KEUZES), format_func=KETEN_KEUZES.get, horizontal=True,
                     key="terugkoppeling_keten_per")
per = keten_per if keten_per in KETEN_PER else None
alle_teams = per_team(f)
teams = naast_elkaar(alle_teams, "terugkoppeling_teams")
uitleg(teams)
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        keten_van(tf, per, peildatum, label)
st.caption(
    "Deel van de vorige stap: van de signalen die de vorige stap haalden; deel van alle signalen: van alle "
    "ingebrachte signalen. Bezocht: de koppeling die telt is een bezoek op hetzelfde adres (pseudoniem) op de "
    "controleavond die bij het signaal staat; staat er geen controleavond bij, dan telt elk bezoek van het team op "
    "hetzelfde adres op of na de datum van het signaal. Een signaal met een controleavond waarop het adres niet is "
    "bezocht, telt als niet bezocht. Opgevolgd en afgesloten: alle overtredingen van het signaal, op de peildatum."
)

st.subheader("Trefkans per inbrengende partner")
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        trefkans_van(tf, peildatum, label)
