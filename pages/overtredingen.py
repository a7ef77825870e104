"""Overtredingen: shares by category on a named base, split by municipality/object type/theme, the top 10 as
in the PIT infographic, and a chi-square test of two teams or two periods.

Small-count suppression (ui/privacy.py): only the base "personen" counts persons (teller: persons with such a
violation, noemer: persons found), so there the counts below the threshold are hidden for burgemeester and
stuurgroep with secondary suppression over categories x split, the share of a hidden count is emptied (it would
give the count back) and the chart leaves the line out. Objects and findings, the top 10 (times a violation was
established) and the chi-square table (violations) count objects and findings, not persons.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.express as px
import streamlit as st

from metrics.filters import Filter
from metrics.overtredingen import (
    BASES,
    aandelen_per_categorie,
    aandelen_per_categorie_per_team,
    categorievolgorde,
    chi_kwadraat,
    kruistabel,
    midden_van,
    rest_na_top,
    top_overtredingen,
    twee_perioden,
    twee_teams,
)
from metrics.periode import datum_lang
from ui.charts import empty_state, show_chart
from ui.data import query
from ui.datum import datum_invoer
from ui.filters import page_header, team_namen
from ui.format import getal, getal_of_label, procent, team_label_kort
from ui.privacy import note, person_base, person_counts_long
from ui.shell import require_shell
from ui.teams import kolommen, leeg_tekst, naast_elkaar, per_team, uitleg

require_shell(__file__)

TOP = 15  # categories drawn per chart; the rest is one row "Overige categorieën" (no docstring: st magic)

BASIS_LABELS = {
    "personen": "Aangetroffen personen",
    "objecten": "Bezochte objecten",
    "bevindingen": "Alle bevindingen",
}
SPLITSING_LABELS = {None: "Geen", "gemeente": "Gemeente", "object_type": "Objecttype", "thema": "Thema"}

def aandelen_van(f: Filter, tf: Filter, basis: str, per: str | None) -> pd.DataFrame:
    """The shares of one team's selection `tf` from the one query for every team of `f` (the whole selection
    when `tf` is not one team)."""
    if len(tf.teams) != 1:
        return query(aandelen_per_categorie, tf, basis, per, TOP)
    alle = query(aandelen_per_categorie_per_team, f, basis, per, TOP)
    return alle[alle["team"] == tf.teams[0]].drop(columns="team").reset_index(drop=True)


def per_categorie(f: Filter, tf: Filter, label: str, basis: str, per: str | None) -> None:
    aandelen = aandelen_van(f, tf, basis, per)
    if aandelen.empty:
        empty_state(leeg_tekst(tf, "overtredingen"))
        return
    volgorde = categorievolgorde(aandelen)
    grafiek = aandelen
    if basis == "personen":  # person-based: see the module docstring
        lang = person_counts_long(aandelen, "teller", "categorie", per, ("aandeel",))
        aandelen, grafiek = person_base(lang, "noemer", per)
    basis_tekst = BASES[basis]
    titel = f"{label}: overtredingen per categorie, in % {basis_tekst}" if label else (
        f"Overtredingen per categorie, in % {basis_tekst}")
    labels = {
        "aandeel": f"Aandeel ({basis_tekst})",
        "categorie_naam": "Categorie",
        "teller": "Aantal met overtreding",
        "noemer": "Basis",
        "gemeente": "Gemeente",
        "object_type": "Objecttype",
        "thema": "Thema",
    }
    if per is None:
        fig = px.bar(
            grafiek, x="aandeel", y="categorie_naam", orientation="h", title=titel, labels=labels,
            hover_data=["teller", "noemer"], text="aandeel", category_orders={"categorie_naam": volgorde},
        )
        fig.update_traces(texttemplate="%{x:.0%}", textposition="outside")
    else:
        fig = px.bar(
            grafiek, x="aandeel", y="categorie_naam", color=per, orientation="h", barmode="group", title=titel,
            labels=labels, hover_data=["teller", "noemer"], category_orders={"categorie_naam": volgorde},
        )
    fig.update_xaxes(tickformat=".0%")
    show_chart(fig, aandelen, " ".join(filter(None, [f"Overtredingen per categorie ({basis})", label])),
               {"aandeel": f"Aandeel {basis_tekst}"})
    if "overige" in set(aandelen["categorie"]):
        st.caption(
            f"De {TOP} categorieën met de meeste overtredingen, gesorteerd van veel naar weinig; de andere "
            "categorieën staan samen in 'Overige categorieën' (wie of wat in meerdere daarvan voorkomt, telt één keer)."
        )
    if basis == "personen":
        st.caption(
            "Telling per persoon: bij een overtreding die het gebouw betreft (objectniveau, bijvoorbeeld "
            "brandveiligheid of strijdig gebruik) tellen alle personen mee die bij dat bezoek zijn aangetroffen; bij "
            "een overtreding van een persoon (bijvoorbeeld niet ingeschreven in de BRP) alleen die persoon."
        )
    if not aandelen.empty:
        st.caption(
            f"Basis: {basis_tekst} ({getal_of_label(aandelen['noemer'].iloc[0])} in de hele selectie)"
            if per is None
            else f"Basis: {basis_tekst}, per {SPLITSING_LABELS[per].lower()}."
        )


def top_tien(tf: Filter, label: str) -> None:
    top = query(top_overtredingen, tf, 10, alleen_top=True)
    if top.empty:
        empty_state(leeg_tekst(tf, "overtredingen"))
        return
    fig = px.bar(
        top, x="overtredingen", y="categorie_naam", orientation="h", text="overtredingen",
        title=" ".join(filter(None, ["Top 10 overtredingen (aantal keer vastgesteld)", label])),
        labels={"overtredingen": "Aantal keer", "categorie_naam": "Categorie"},
    )
    fig.update_yaxes(autorange="reversed")  # the largest on top, in the order the metric ranks them
    show_chart(fig, top, " ".join(filter(None, ["Top 10 overtredingen", label])))
    rest = query(rest_na_top, tf, 10).iloc[0]
    if not top.empty and int(rest["overtredingen"]) > 0:
        st.markdown(
            f"\\+ nog **{getal(rest['overtredingen'])}** overtredingen verspreid over "
            f"**{getal(rest['categorieen'])}** categorieën"
        )


f = page_header(
    "Overtredingen",
    "Welke overtredingen komen het meest voor? Een percentage noemt altijd zijn basis: van de aangetroffen "
    "personen, van de bezochte objecten of van alle bevindingen.",
)

st.subheader("Overtredingen per categorie")
keuze_links, keuze_rechts = st.columns(2)
basis = keuze_links.radio(
    "Percentage van",
    list(BASIS_LABELS),
    format_func=BASIS_LABELS.get,
    horizontal=True,
    key="overtredingen_basis",
    help="Personen: personen met zo'n overtreding / aangetroffen personen. Objecten: bezochte objecten met "
    "zo'n overtreding / bezochte objecten. Bevindingen: overtredingen in de categorie / alle bevindingen.",
)
per = keuze_rechts.radio(
    "Uitsplitsen naar", list(SPLITSING_LABELS), format_func=SPLITSING_LABELS.get, horizontal=True,
    key="overtredingen_per",
)
alle_teams = per_team(f)
teams = naast_elkaar(alle_teams, "overtredingen_teams")
getoond = f if len(teams) == len(alle_teams) else replace(f, teams=tuple(team for team, _ in teams))
uitleg(teams)
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        per_categorie(getoond, tf, label, basis, per)  # one query for the teams drawn, not for every team
if basis == "personen":
    note()

st.subheader("Top 10 van de meest voorkomende overtredingen")
st.caption("Zoals in de infographic van het PIT: het aantal keer dat een overtreding is vastgesteld.")
for label, tf, kolom in kolommen(f, teams):
    with kolom:
        top_tien(tf, label)

st.subheader("Verschillen twee groepen?")
st.caption(
    "Chi-kwadraattoets: verschilt de verdeling van de overtredingen over de categorieën tussen twee teams of "
    "tussen twee perioden?"
)
soort = st.radio(
    "Vergelijk", ["teams", "perioden"], format_func={"teams": "Twee teams", "perioden": "Twee perioden"}.get,
    horizontal=True, key="overtredingen_vergelijk",
)
groepen = None
if soort == "teams":
    if len(f.teams) == 2:
        groepen = {team_label_kort(team): groep for team, groep in twee_teams(f).items()}
    else:
        st.info(
            f"Kies in het filter links precies twee teams om te vergelijken (nu: {team_namen(f.teams)}).",
            icon=":material/info:",
        )
elif len(alle_teams) > 1:
    st.info(
        f"Twee perioden vergelijken gaat per team, want teams worden niet opgeteld: kies in het filter links één "
        f"team (nu: {team_namen(tuple(team for team, _ in alle_teams))}).",
        icon=":material/info:",
    )
else:
    midden = midden_van(f)
    if midden is None:
        empty_state()
    else:
        splits = datum_invoer(
            "Tweede periode begint op", key=f"overtredingen_splitsdatum_{f.start}_{f.end}",
            help="De eerste dag van de tweede periode, bijvoorbeeld 1-7-2022 of 1 juli 2022; de eerste periode loopt "
            "tot de dag ervoor. Binnen de gekozen periode.",
            standaard=f"de tweede periode begint op {datum_lang(midden)}", waarde=midden, van=f.start, tot=f.end,
        ) or midden
        groepen = twee_perioden(f, splits)

if groepen is not None:
    tabel = query(kruistabel, groepen, TOP)
    fig = px.bar(
        tabel, x="aandeel", y="categorie_naam", color="groep", orientation="h", barmode="group",
        title="Verdeling van de overtredingen per groep (in % van de overtredingen van die groep)",
        labels={"aandeel": "Aandeel (van de overtredingen van de groep)", "categorie_naam": "Categorie",
                "groep": "Groep", "aantal": "Aantal"},
        hover_data=["aantal"],
        category_orders={"categorie_naam": list(tabel["categorie_naam"].drop_duplicates()), "groep": list(groepen)},
    )
    fig.update_xaxes(tickformat=".0%")
    show_chart(fig, tabel, "Verdeling per groep", {"aandeel": "Aandeel van de overtredingen van de groep"})
    if "overige" in set(tabel["categorie"]):
        st.caption(f"De {TOP} categorieën met de meeste overtredingen in beide groepen samen, van veel naar weinig; "
                   "de rest staat in 'Overige categorieën'.")
    toets = query(chi_kwadraat, groepen).iloc[0]
    if toets["reden"] is not None:
        st.info(f"De toets kan niet worden uitgevoerd. {toets['reden']}", icon=":material/info:")
    else:
        vakken = st.columns(3)
        vakken[0].metric("Chi-kwadraat", getal(toets["chi2"], 2), border=True)
        vakken[1].metric("Vrijheidsgraden", getal(toets["vrijheidsgraden"]), border=True)
        vakken[2].metric(
            "p-waarde", "< 0,001" if toets["p_waarde"] < 0.001 else getal(toets["p_waarde"], 3), border=True
        )
        samengevoegd = (
            f" {getal(toets['samengevoegd'])} van de {getal(toets['categorieen'])} categorieën hadden een verwachte "
            f"frequentie onder 5 en zijn voor de toets samengevoegd tot 'overige'; getoetst zijn "
            f"{getal(toets['categorieen_getoetst'])} categorieën."
            if toets["samengevoegd"]
            else ""
        )
        st.markdown(f"{toets['conclusie']} Aantal overtredingen in de toets: {getal(toets['n'])}.{samengevoegd}")
        if toets["waarschuwing"]:
            st.warning(
                f"Let op: in {procent(toets['kleine_verwachting'])} van de cellen is de verwachte frequentie "
                "kleiner dan 5 (meer dan 20%), ook na het samenvoegen. De p-waarde is dan onbetrouwbaar; of de "
                "verdelingen verschillen is onzeker.",
                icon=":material/warning:",
            )
