"""The five tabs of the coding page (Coderen, Betrouwbaarheid, Verschillen, Resultaat, Export) and their callbacks.

Drawing only: what counts, what a coder may see and every write to the coding store are decided by
codering.werkwijze; the figures come from metrics.codering; the Dutch text and tables from ui.codering.
pages/codering.py lays the tabs out and calls one function per tab.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from codering import werkwijze
from codering.export import answers_frame, csv_bytes, report_workbook, result_frame
from codering.store import VRAAG_MEMO, CodingStore
from codering.werkwijze import Coding, CodingView, Item, SettleQueue
from metrics.codering import CODES, RULE_TEXT, confusion_matrix, pairs_of_coders, reliability
from ui.auth import audit, audit_export, current_user
from ui.charts import download_buttons, show_chart
from ui.codering import (
    disagreements_display,
    diverging_data,
    history_display,
    reliability_display,
    result_display,
)
from ui.format import plain

CODE_LABELS = {"positief": "Positief", "negatief": "Negatief", "neutraal": "Neutraal", "niet gevraagd": "Niet gevraagd"}
DEEL_KLEUREN = {
    "negatief": "#b5533c",
    "neutraal (links)": "#c8cdd2",
    "neutraal (rechts)": "#c8cdd2",
    "positief": "#3a9d7a",
}


def question_labels(questions: pd.DataFrame) -> dict[int, str]:
    """'Vraag k: <text>' per question number, for the question pickers."""
    return {int(q.vraag_nr): f"Vraag {q.vraag_nr}: {q.vraag}" for q in questions.itertuples()}


# ------------------------------------------------------------------------------------------------ callbacks
def _writer(primary: str | None, codes: bool = False) -> str | None:
    """The logged-in evaluator at the time of the callback (never a name carried in a widget), see
    codering.werkwijze.may_write."""
    now = current_user(touch=False)
    return werkwijze.may_write(now.name if now else None, now.role if now else None, primary, codes=codes)


def _save_code(store: CodingStore, primary: str | None, respondent_id: str, vraag_nr: int, key: str,
               baseline: str | None) -> None:
    """Widget callback: save the chosen code at once, under the logged-in user's name (audited)."""
    value, coder = st.session_state.get(key), _writer(primary, codes=True)
    if value and coder:
        werkwijze.save_code(store, audit, coder, respondent_id, vraag_nr, value, baseline)
        st.toast(f"{respondent_id}, vraag {vraag_nr}: {CODE_LABELS[value].lower()} opgeslagen", icon=":material/save:")


def _save_memo(store: CodingStore, primary: str | None, vraag_nr: int, key: str, respondent_id: str) -> None:
    """Widget callback: save a memo on an answer (or on the question when respondent_id is ''), audited."""
    coder = _writer(primary)
    if coder:
        werkwijze.save_memo(store, audit, coder, vraag_nr, st.session_state.get(key, ""), respondent_id)


def _settle(store: CodingStore, primary: str | None, item: Item, code_key: str, reason_key: str,
            queue: SettleQueue) -> None:
    """Form callback: record the settled code of `item` under the logged-in user's name (audited), then select the
    next answer of `queue` to settle."""
    code, coder = st.session_state.get(code_key), _writer(primary)
    if not code or not coder:
        st.session_state["verschil_fout"] = "Kies eerst de geldende code."
        return
    following = werkwijze.settle(store, audit, coder, item, code, st.session_state.get(reason_key, ""), queue)
    st.toast(f"{item[0]}, vraag {item[1]}: {CODE_LABELS[code].lower()} vastgesteld", icon=":material/gavel:")
    if following is not None:
        st.session_state["verschil"] = following


# ------------------------------------------------------------------------------------------------ Coderen
def draw_coding(coding: Coding, store: CodingStore, codeur: str, can_code: bool, blind: bool,
                groups: dict[str, str]) -> None:
    """The Coderen tab: a question with its codebook, the question memo, and every answer with its code, memo,
    other coders' codes (unless blind) and history."""
    questions, answers, memos, primary = coding.questions, coding.answers, coding.memos, coding.primary
    labels = question_labels(questions)
    vraag_nr = st.selectbox("Vraag", list(labels), format_func=labels.get, key="codering_vraag")
    vraag = questions[questions["vraag_nr"] == vraag_nr].iloc[0]
    with st.container(border=True):
        st.markdown(f"**{vraag['vraag']}**")
        if vraag["definitie"]:
            st.markdown(f"*{vraag['definitie']}*")
        cb = st.columns(3)
        cb[0].markdown(f"**Positief** — {vraag['codeboek_positief'] or '–'}")
        cb[1].markdown(f"**Negatief** — {vraag['codeboek_negatief'] or '–'}")
        cb[2].markdown(f"**Neutraal** — {vraag['codeboek_neutraal'] or '–'}")
        st.caption("'Niet gevraagd' is geen neutraal antwoord en telt niet mee in n.")

    if not can_code:
        st.info("De codes uit de interviewwerkmap zijn alleen te lezen; memo's en vaststellingen kunt u wel opslaan.")
    q_memos = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == VRAAG_MEMO)]
    if codeur:
        mine = q_memos[q_memos["auteur"] == codeur]["tekst"]
        key = f"memo_vraag_{vraag_nr}_{codeur}"
        st.text_area("Uw memo bij deze vraag", value=mine.iloc[0] if len(mine) else "", key=key,
                     on_change=_save_memo, args=(store, primary, vraag_nr, key, VRAAG_MEMO), height=80)
    if not blind:
        for m in q_memos[q_memos["auteur"] != codeur].itertuples():
            st.caption(f"Memo van {plain(m.auteur)}: {plain(m.tekst)}")

    q_answers = answers[answers["vraag_nr"] == vraag_nr]
    q_codes = coding.codes[coding.codes["vraag_nr"] == vraag_nr]
    q_delivered = coding.delivered[coding.delivered["vraag_nr"] == vraag_nr]
    st.caption(f"{len(q_answers)} antwoorden. Een gekozen code wordt direct opgeslagen (Tab en pijltjestoetsen "
               "werken ook).")
    trail = store.audit_trail(vraag_nr, codeur=codeur if blind and codeur else None)  # blind: own changes only
    for a in q_answers.itertuples():
        a_codes = q_codes[q_codes["respondent_id"] == a.respondent_id]
        a_memos = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == a.respondent_id)]
        with st.container(border=True):
            wie = " · ".join(x for x in (a.respondent_id, groups.get(a.respondent_id, "")) if x)
            st.markdown(f"**{wie}**")
            st.markdown(f"> {plain(a.antwoord)}" if a.antwoord else "*(geen antwoord vastgelegd)*")
            if can_code:
                own = a_codes[a_codes["codeur"] == codeur]["code"]
                base = q_delivered[(q_delivered["respondent_id"] == a.respondent_id)
                                   & (q_delivered["codeur"] == codeur)]["code"]
                key = f"code_{a.respondent_id}_{vraag_nr}_{codeur}"
                st.radio(
                    "Code", list(CODES), format_func=CODE_LABELS.get, key=key, horizontal=True,
                    index=CODES.index(own.iloc[0]) if len(own) else None, label_visibility="collapsed",
                    on_change=_save_code,
                    args=(store, primary, a.respondent_id, vraag_nr, key, base.iloc[0] if len(base) else None),
                )
                mine = a_memos[a_memos["auteur"] == codeur]["tekst"]
                mkey = f"memo_{a.respondent_id}_{vraag_nr}_{codeur}"
                st.text_input("Memo", value=mine.iloc[0] if len(mine) else "", key=mkey,
                              placeholder="Memo bij dit antwoord (optioneel; Enter slaat op)",
                              on_change=_save_memo, args=(store, primary, vraag_nr, mkey, a.respondent_id),
                              label_visibility="collapsed")
            if not blind:
                others = [f"{r.codeur}: {r.code}" for r in a_codes.itertuples() if r.codeur != codeur]
                notes = [f"memo {plain(m.auteur)}: {plain(m.tekst)}"
                         for m in a_memos[a_memos["auteur"] != codeur].itertuples()]
                if others or notes:
                    st.caption(" · ".join(others + notes))
            a_history = history_display(trail, a.respondent_id)
            if not a_history.empty:
                with st.expander(f"Geschiedenis ({len(a_history)})"):
                    st.dataframe(a_history, hide_index=True, width="stretch")
    with st.expander("Geschiedenis van alle antwoorden bij deze vraag (audit trail)"):
        if trail.empty:
            st.caption("Nog geen wijzigingen opgeslagen bij deze vraag.")
        else:
            st.dataframe(history_display(trail), hide_index=True, width="stretch")


# ------------------------------------------------------------------------------------------------ Betrouwbaarheid
def draw_reliability(shown: CodingView) -> None:
    """The Betrouwbaarheid tab: agreement, kappa and alpha with their intervals, and a confusion matrix."""
    pairs = pairs_of_coders(shown.codes)
    if not pairs:
        st.info("Betrouwbaarheid vraagt om minstens twee codeurs die dezelfde antwoorden coderen. Er is nu "
                f"{shown.codes['codeur'].nunique()} codeur; laat een tweede codeur (een deel van) de antwoorden "
                "coderen.")
        return
    st.markdown(
        "**Overeenstemming**: het deel van de dubbel gecodeerde antwoorden waarop alle codeurs dezelfde code "
        "gaven. **Cohens kappa**: overeenstemming van de twee gekozen codeurs, gecorrigeerd voor toeval. "
        "**Krippendorffs alfa** (nominaal): alle codeurs, ontbrekende codes toegestaan. Alle vier de codes "
        "tellen mee ('niet gevraagd' is ook een codeerbeslissing). Het **95%-interval** van kappa en alfa "
        "komt uit een bootstrap over de antwoorden (1.000 keer trekken met teruglegging, vaste seed); "
        "'Antwoorden' is het aantal antwoorden waarop het getal rust."
    )
    pair = st.selectbox("Codeurs voor kappa en kruistabel", pairs, format_func=lambda p: f"{p[0]} en {p[1]}")
    rel = reliability(shown.codes, pair[0], pair[1])
    st.caption("Vragen zonder dubbel gecodeerde antwoorden staan niet in de tabel.")
    st.dataframe(reliability_display(rel), hide_index=True, width="stretch", key="betrouwbaarheid_tabel")
    labels = question_labels(shown.questions)
    deel = st.selectbox("Kruistabel voor", ["Totaal", *labels], format_func=lambda v: labels.get(v, "Alle vragen"))
    subset = shown if deel == "Totaal" else shown.only([deel])
    st.markdown(f"Kruistabel: rijen {pair[0]}, kolommen {pair[1]} (aantal antwoorden).")
    st.dataframe(confusion_matrix(subset.codes, pair[0], pair[1]), width="stretch")


# ------------------------------------------------------------------------------------------------ Verschillen
def draw_differences(shown: CodingView, answers: pd.DataFrame, store: CodingStore, primary: str | None) -> None:
    """The Verschillen tab: the answers coders disagree on, and the form to settle the code of one of them."""
    diff = werkwijze.disagreements(shown.codes, shown.settled)
    if diff.empty:
        st.success("Geen verschillen tussen codeurs.")
        return
    queue = werkwijze.settle_queue(diff)
    st.markdown("Antwoorden waarop codeurs een verschillende code gaven. Stel per antwoord de geldende code "
                "vast; die gaat voor in het resultaat. Een latere vaststelling vervangt een eerdere. "
                f"Nog niet vastgesteld: {queue.open} van {len(queue.items)}.")
    st.dataframe(disagreements_display(diff), hide_index=True, width="stretch", key="verschillen_tabel")
    st.session_state["verschil"] = queue.choose(st.session_state.get("verschil"))
    chosen = st.selectbox(
        "Antwoord", queue.items, key="verschil",
        format_func=lambda k: f"{k[0]}, vraag {k[1]}" + ("" if k in queue.unsettled else " (vastgesteld)"),
    )
    row = answers[(answers["respondent_id"] == chosen[0]) & (answers["vraag_nr"] == chosen[1])]
    if len(row):
        st.markdown(f"> {plain(row['antwoord'].iloc[0])}")
    code_key, reason_key = f"geldend_{chosen[0]}_{chosen[1]}", f"toelichting_{chosen[0]}_{chosen[1]}"
    with st.form("vaststellen", border=True):
        st.radio("Geldende code", list(CODES), format_func=CODE_LABELS.get, horizontal=True, index=None,
                 key=code_key)
        st.text_input("Toelichting (waarom deze code)", key=reason_key)
        st.form_submit_button("Code vaststellen", type="primary", on_click=_settle,
                              args=(store, primary, chosen, code_key, reason_key, queue))
    fout = st.session_state.pop("verschil_fout", None)
    if fout:
        st.error(fout)


# ------------------------------------------------------------------------------------------------ Resultaat
def diverging_figure(data: pd.DataFrame) -> go.Figure | None:
    """The diverging stacked bar of `ui.codering.diverging_data` (None when there is nothing to draw)."""
    if data.empty:
        return None
    fig = go.Figure()
    for deel, naam in (("neutraal (links)", "Neutraal"), ("negatief", "Negatief"),
                       ("neutraal (rechts)", "Neutraal"), ("positief", "Positief")):
        part = data[data["deel"] == deel]
        fig.add_bar(
            y=part["label"], x=part["waarde"], orientation="h", name=naam, legendgroup=naam,
            showlegend=deel != "neutraal (rechts)", marker_color=DEEL_KLEUREN[deel],
            customdata=part[["aandeel", "aantal"]],
            hovertemplate="%{y}<br>" + naam + ": %{customdata[1]} (%{customdata[0]:.0%})<extra></extra>",
        )
    fig.update_layout(
        barmode="relative", height=140 + 38 * data["label"].nunique(),
        title="Antwoorden per vraag: negatief links, positief rechts, neutraal in het midden",
        xaxis={"title": "Aandeel van n (positief + negatief + neutraal)", "tickformat": ".0%",
               "range": [-1, 1], "zeroline": True},
        yaxis={"title": None, "categoryorder": "array", "categoryarray": data["label"].unique().tolist()},
    )
    return fig


def draw_result(result: pd.DataFrame, shown: CodingView) -> None:
    """The Resultaat tab: the §6.2.1 table with the rule, where the effective codes come from, and the chart."""
    st.markdown(RULE_TEXT)
    st.caption("Aantallen per vraag uit de geldende code per antwoord: de vastgestelde code, anders de code "
               "waarover de codeurs het eens zijn, anders die van de primaire codeur. 95%-betrouwbaarheids"
               "intervallen volgens Wilson.")
    st.dataframe(
        result_display(result),
        column_config={"Vraagtekst": st.column_config.TextColumn(width="medium")},
        hide_index=True, width="stretch", key="resultaat_tabel",
    )
    download_buttons(result_frame(result), "Codering resultaattabel")
    summary = werkwijze.effective_summary(shown.effective)
    st.caption("Herkomst van de geldende codes: " + ", ".join(
        f"{r.bron} {r.antwoorden}" for r in summary.itertuples() if r.antwoorden))
    data = diverging_data(result)
    show_chart(diverging_figure(data), data, "Codering resultaat per vraag")


# ------------------------------------------------------------------------------------------------ Export
def draw_export(result: pd.DataFrame, shown: CodingView, groups: dict[str, str], team: str) -> None:
    """The Export tab: the Excel workbook and two CSV files, audited, and the answers table."""
    table = werkwijze.coded_answers_table(shown.answers, shown.codes, shown.effective, shown.memos, shown.settled)
    table = table.drop(columns=["organisatie", "rol", "gemeente"]).assign(
        herkomst=table["respondent_id"].map(groups).fillna(""))  # no finer than the threshold allows
    question_memos = shown.memos[shown.memos["respondent_id"] == VRAAG_MEMO]
    st.markdown("Het resultaat en alle antwoorden met codes en memo's, opgemaakt voor een rapport "
                "(Excel: vetgedrukte kop, vaste kopregel, brede antwoordkolom met tekstterugloop).")
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        "Excel-werkmap", report_workbook(result, table, question_memos, RULE_TEXT, team),
        file_name="codering_interviews.xlsx", on_click=audit_export, args=("codering_interviews.xlsx",),
        icon=":material/download:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    c2.download_button("Resultaat (CSV)", csv_bytes(result_frame(result)), file_name="codering_resultaat.csv",
                       mime="text/csv", on_click=audit_export, args=("codering_resultaat.csv",),
                       icon=":material/download:")
    c3.download_button("Antwoorden (CSV)", csv_bytes(answers_frame(table)), file_name="codering_antwoorden.csv",
                       mime="text/csv", on_click=audit_export, args=("codering_antwoorden.csv",),
                       icon=":material/download:")
    st.dataframe(answers_frame(table), hide_index=True, width="stretch", key="export_tabel")
