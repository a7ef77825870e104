"""Reproductie (steering group): every figure the source documents print, recomputed from the warehouse rows,
with a match per figure, the inconsistencies in and between the documents, the base of the violation
shares, and the quantitative statements that cannot follow from rows, with the reason. The sidebar filter does
not apply: published figures are about fixed teams and periods."""

from __future__ import annotations

import streamlit as st

from metrics import pilot, reproduce, statements
from ui.charts import download_buttons, empty_state
from ui.data import query
from ui.format import getal
from ui.shell import require_shell

require_shell(__file__)

st.title("Reproductie van de gepubliceerde cijfers")
totaal = query(reproduce.overview)
if totaal.empty:
    empty_state()
    st.stop()
t = totaal.iloc[0]
st.markdown(
    "Elk cijfer uit de raadsnota, de evaluatie van project HAM/KIT en de evaluatie van het PIT 2017 wordt hier "
    "opnieuw berekend uit de rijen in het warehouse en vergeleken met wat er gedrukt staat, met het woord "
    f"ervoor ({t['voorbeelden']})."
)
st.caption("Deze pagina heeft geen filter: de gepubliceerde cijfers gaan over vaste teams en perioden.")
tegels = st.columns(4)
tegels[0].metric(
    "Verschillende berekeningen", getal(t["berekeningen"]),
    help="Gedrukte cijfers die op dezelfde berekening uitkomen (een herdruk van een tabel, een zin die een cel "
    "herhaalt) tellen één keer.",
)
tegels[1].metric("Gereproduceerd", f"{getal(t['berekeningen_gereproduceerd'])} van {getal(t['berekeningen'])}")
tegels[2].metric("Gedrukte cijfers die afwijken", getal(t["afwijkend"]))
tegels[3].metric("Tegenstrijdigheden in de documenten", getal(t["tegenstrijdigheden"]))
st.markdown(
    f"Achter de {getal(t['berekeningen'])} berekeningen staan {getal(t['cijfers'])} gedrukte cijfers: "
    f"{getal(t['soort_getal'])} gedrukte getallen, {getal(t['soort_aanwezig'])} keer alleen aanwezigheid "
    f"(\"meer dan 0\": een actie genoemd zonder aantal), {getal(t['soort_afwezig'])} keer afwezigheid (0, geen), "
    f"{getal(t['soort_woord'])} woorden gelezen als cijfer (\"vooral\", \"elke\", een meervoud, een vergelijking) en "
    f"{getal(t['soort_herhaling'])} herhalingen van een ander cijfer (de kolom 'Herhaalt' noemt welk)."
)
st.caption(
    f"{getal(t['alternatieve_lezingen'])} alternatieve lezingen staan ter vergelijking in de tabel (➖/✅), "
    "maar tellen niet mee."
)

st.subheader("Cijfers")
alleen_afwijkingen = st.toggle("Alleen afwijkingen", key="reproductie_alleen_afwijkingen")
cijfers = query(reproduce.figures_table, only_mismatches=alleen_afwijkingen)
cijfers = cijfers.merge(reproduce.kinds()[["id", "soort_naam", "alias_van"]], on="id", how="left")
if cijfers.empty:
    st.success("Geen afwijkingen: elk gepubliceerd cijfer volgt uit de rijen.", icon=":material/check_circle:")
else:
    st.dataframe(
        cijfers,
        hide_index=True,
        width="stretch",
        column_order=["icoon", "id", "bron", "tekst", "gepubliceerd", "berekend", "soort_naam", "alias_van", "regel",
                      "basis", "teller", "noemer", "toelichting", "definitie"],
        column_config={
            "icoon": st.column_config.TextColumn("Klopt", width="small"),
            "id": st.column_config.TextColumn("Id"),
            "bron": st.column_config.TextColumn("Bron"),
            "tekst": st.column_config.TextColumn("Zoals gedrukt", width="large"),
            "gepubliceerd": st.column_config.TextColumn("Gepubliceerd"),
            "berekend": st.column_config.TextColumn("Berekend"),
            "soort_naam": st.column_config.TextColumn("Soort"),
            "alias_van": st.column_config.TextColumn("Herhaalt"),
            "regel": st.column_config.TextColumn("Toets"),
            "basis": st.column_config.TextColumn("Basis"),
            "teller": st.column_config.NumberColumn("Teller", format="%d"),
            "noemer": st.column_config.NumberColumn("Noemer", format="%d"),
            "toelichting": st.column_config.TextColumn("Toelichting"),
            "definitie": st.column_config.TextColumn("Definitie"),
        },
    )
    download_buttons(cijfers, "reproductie_cijfers")

st.subheader("Basis van de overtredingspercentages (§6.1)")
lezingen = query(reproduce.violation_bases)
geen_heel_aantal = [
    f"{r.gepubliceerd} van {getal(r.adressen)} adressen is geen heel aantal ({getal(r.lager_aantal)}/"
    f"{getal(r.adressen)} = {getal(r.lager_pct, 1)}%, {getal(r.hoger_aantal)}/{getal(r.adressen)} = "
    f"{getal(r.hoger_pct, 1)}%)"
    for r in lezingen.itertuples(index=False)
    if not r.heel_aantal
]
st.markdown(
    "De evaluatie drukt \"" + ", ".join(lezingen["tekst"]) + "\" zonder te zeggen waarvan. Gekozen is **van de "
    "aangetroffen personen**: bij een overtreding op een object tellen alle personen van dat bezoek mee, bij een "
    "persoonsgebonden overtreding de persoon zelf. De andere lezing, **van de bezochte adressen**, staat ernaast "
    "maar hoeft niet te kloppen" + (": " + "; ".join(geen_heel_aantal) + "." if geen_heel_aantal else ".")
)
basis = query(pilot.overtredingen)
st.dataframe(
    basis,
    hide_index=True,
    width="stretch",
    column_config={
        "groep": st.column_config.TextColumn("Overtreding (groep)"),
        "basis": st.column_config.TextColumn("Basis"),
        "getroffen": st.column_config.NumberColumn("Getroffen", format="%d"),
        "totaal": st.column_config.NumberColumn("Totaal", format="%d"),
        "aandeel_pct": st.column_config.NumberColumn("Aandeel", format="%.1f%%"),
    },
)
st.markdown(
    "**Niet ingeschreven is niet in overtreding.** Inschrijving in de BRP is pas verplicht bij een verblijf van "
    "meer dan vier maanden; wie korter blijft, is niet in overtreding."
)
brp = query(pilot.brp_registratie)
st.dataframe(
    brp,
    hide_index=True,
    width="stretch",
    column_config={
        "kengetal": st.column_config.TextColumn("Groep personen"),
        "personen": st.column_config.NumberColumn("Personen", format="%d"),
        "totaal": st.column_config.NumberColumn("Aangetroffen", format="%d"),
        "aandeel_pct": st.column_config.NumberColumn("Aandeel", format="%.1f%%"),
    },
)

st.subheader("Tegenstrijdigheden in en tussen de documenten")
st.markdown(
    "Waar de documenten elkaar (of zichzelf) tegenspreken, staan beide cijfers naast elkaar, waar mogelijk "
    "berekend uit de rijen; een kant zonder rijen erachter (data of namen in de tekst) heet \"uit de tekst\". "
    "⚠️ tegenstrijdig · ✅ consistent · ℹ️ twee verschillende begrippen."
)
punten = query(reproduce.inconsistencies_table)
for punt in punten.itertuples(index=False):
    with st.expander(f"{punt.icoon} {punt.onderwerp}", expanded=punt.status == "tegenstrijdig"):
        links, rechts = st.columns(2)
        for kolom, label, gedrukt, waarde, herkomst in (
            (links, punt.a_label, punt.a_gepubliceerd, punt.a_berekend, punt.a_herkomst),
            (rechts, punt.b_label, punt.b_gepubliceerd, punt.b_berekend, punt.b_herkomst),
        ):
            kolom.markdown(f"**{label}**  \nGepubliceerd: {gedrukt}  \n{herkomst.capitalize()}: {waarde}")
        st.caption(f"{punt.status.capitalize()}. {punt.toelichting}")
download_buttons(punten, "reproductie_tegenstrijdigheden")

st.subheader("Uitspraken die niet uit de rijen volgen")
verantwoording = statements.overview().iloc[0]
st.markdown(
    f"De documenten bevatten {getal(verantwoording['uitspraken'])} uitspraken met een getal of een hoeveelheid in "
    "woorden (zoals \"de Belastingdienst gaat niet mee op een controleavond\"). "
    f"{getal(verantwoording['gereproduceerd'])} daarvan staan hierboven in de tabel en worden uit de rijen berekend; "
    f"{getal(verantwoording['niet_reproduceerbaar'])} kunnen niet uit de rijen volgen: een begroting, afgesproken "
    "uren, de geschiedenis van een ander team, de planning van het onderzoek. Ze staan hieronder met de reden."
)
met_document = st.toggle(
    "Ook gegevens over de documenten zelf (data, nummers, paginanummers)", key="reproductie_documentgegevens"
)
niet = statements.not_reproducible()
if not met_document:
    niet = niet[niet["soort"] != "document"]
st.dataframe(
    niet,
    hide_index=True,
    width="stretch",
    column_order=["citaat", "document", "sectie", "soort_naam", "reden", "zie"],
    column_config={
        "citaat": st.column_config.TextColumn("Zoals gedrukt", width="large"),
        "document": st.column_config.TextColumn("Document"),
        "sectie": st.column_config.TextColumn("Sectie"),
        "soort_naam": st.column_config.TextColumn("Soort"),
        "reden": st.column_config.TextColumn("Waarom niet uit de rijen", width="large"),
        "zie": st.column_config.TextColumn("Zie tegenstrijdigheid"),
    },
)
download_buttons(niet, "reproductie_niet_reproduceerbaar")
