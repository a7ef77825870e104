"""Codering interviews (for the evaluator): code answers, check reliability, settle differences, see the result.

The questions, answers and delivered codes come from the warehouse; codes, memos and settled codes set
here are saved at once in the coding store (codering.store), which survives a rebuild of the warehouse.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from access.suppress import respondent_groups
from codering.export import answers_frame, csv_bytes, report_workbook, result_frame
from codering.store import VRAAG_MEMO
from metrics.codering import (
    CODES,
    RULE_TEXT,
    CodingView,
    Item,
    SettleQueue,
    blind_access,
    coded_answers_table,
    combine_codes,
    confusion_matrix,
    disagreements,
    diverging_data,
    effective_codes,
    effective_summary,
    interview_answers,
    interview_codes,
    interview_questions,
    interview_teams,
    pairs_of_coders,
    primary_coder,
    reliability,
    result_table,
    settle_queue,
)
from metrics.interviews import PILOT
from ui.auth import audit, audit_export, current_user
from ui.charts import download_buttons, empty_state, show_chart
from ui.codering import (
    blind_message,
    disagreements_display,
    history_display,
    reliability_display,
    restriction_note,
    result_display,
    tab_opened,
)
from ui.data import coding_store, current_settings, query
from ui.format import plain
from ui.shell import require_shell

user = require_shell(__file__)

CODE_LABELS = {"positief": "Positief", "negatief": "Negatief", "neutraal": "Neutraal", "niet gevraagd": "Niet gevraagd"}
DEEL_KLEUREN = {
    "negatief": "#b5533c",
    "neutraal (links)": "#c8cdd2",
    "neutraal (rechts)": "#c8cdd2",
    "positief": "#3a9d7a",
}

st.title("Codering interviews")
st.caption(
    "Evaluatie-interviews (HAM/KIT-evaluatie §4.4 en §6.2.1). Deze pagina heeft geen filter: de "
    "interviews horen bij één team."
)

teams = query(interview_teams)
if teams.empty:
    empty_state("Er zijn nog geen interviews geladen. Zet de interviewwerkmap in data/raw en laad opnieuw.")
    st.stop()
team_codes = teams["team"].tolist()
team = team_codes[0] if len(team_codes) == 1 else st.selectbox(
    "Team", team_codes, index=team_codes.index(PILOT) if PILOT in team_codes else 0
)

questions = query(interview_questions)
answers = query(interview_answers, team)
delivered = query(interview_codes, team)
store = coding_store()
codes = combine_codes(delivered, store.codes(), answers)
settled = store.settled()
memos = store.memos()
primary = primary_coder(delivered)
threshold = current_settings().small_count_threshold
groups = respondent_groups(answers[["respondent_id", "organisatie", "rol"]], threshold).to_dict()
effective = effective_codes(codes, settled, primary)

with st.container(border=True):
    left, right = st.columns([3, 2])
    codeur = user.name  # the coder is the logged-in user: nobody codes under another name
    can_code = codeur != primary  # the delivered coding of the interview workbook is read-only in the browser
    left.markdown(f"U codeert als **{codeur}**." if can_code else
                  f"De codering van **{primary}** komt uit de interviewwerkmap en is hier alleen te lezen.")
    left.caption("Uw codes, memo's en vaststellingen worden onder uw inlognaam opgeslagen, met tijdstip en vorige "
                 "code.")
    current = st.session_state.get("codering_vraag", int(questions["vraag_nr"].iloc[0]))
    access = blind_access(codes, answers, codeur, primary, current)
    if st.session_state.get("codering_blind_voor") != codeur:
        st.session_state["codering_blind"] = access.second_coder
        st.session_state["codering_blind_voor"] = codeur
    if access.locked:
        st.session_state["codering_blind"] = True
    blind = right.toggle(
        "Blind coderen",
        key="codering_blind",
        disabled=access.locked,
        help="Verbergt de codes van andere codeurs, ook op de tabbladen Betrouwbaarheid, Verschillen, Resultaat "
        "en Export, zodat u onafhankelijk codeert.",
    )
    if access.locked:
        right.caption(f"Blind tot u alle antwoorden van vraag {current} hebt gecodeerd ({access.coded} van "
                      f"{access.total}).")
    if primary:
        right.caption(f"Primaire codeur (uit de interviewwerkmap): {primary}")

shown = CodingView(questions, answers, codes, effective, memos, settled).visible(access, blind)
note = restriction_note(access.done) if access.restricts(blind) else ""
hidden = blind or shown.questions.empty
melding = blind_message(access.locked, current)

tab_coderen, tab_betrouwbaarheid, tab_verschillen, tab_resultaat, tab_export = st.tabs(
    ["Coderen", "Betrouwbaarheid", "Verschillen", "Resultaat", "Export"]
)


def _writer(may_code: bool = False) -> str | None:
    """The logged-in evaluator at the time of the callback (never a name carried in a widget), or None; with
    `may_code` also None for the primary coder, whose delivered codes are read-only."""
    now = current_user(touch=False)
    if now is None or now.role != "evaluator" or (may_code and now.name == primary):
        return None
    return now.name


def _save_code(respondent_id: str, vraag_nr: int, key: str, baseline: str | None) -> None:
    """Widget callback: save the chosen code at once, under the logged-in user's name (audited)."""
    value, coder = st.session_state.get(key), _writer(may_code=True)
    if value and coder:
        previous = store.set_code(respondent_id, vraag_nr, coder, value, baseline=baseline)
        audit("codering", f"{respondent_id} vraag {vraag_nr}", f"code {previous or '-'} -> {value}")
        st.toast(f"{respondent_id}, vraag {vraag_nr}: {CODE_LABELS[value].lower()} opgeslagen", icon=":material/save:")


def _save_memo(vraag_nr: int, key: str, respondent_id: str) -> None:
    """Widget callback: save a memo on an answer (or on the question when respondent_id is ''), audited."""
    coder = _writer()
    if coder:
        store.set_memo(vraag_nr, coder, st.session_state.get(key, ""), respondent_id=respondent_id)
        audit("codering", f"{respondent_id or 'vraag'} vraag {vraag_nr}", "memo")


def _settle(item: Item, code_key: str, reason_key: str, queue: SettleQueue) -> None:
    """Form callback: record the settled code of `item` under the logged-in user's name (audited), then select the
    next answer of `queue` to settle."""
    code, coder = st.session_state.get(code_key), _writer()
    if not code or not coder:
        st.session_state["verschil_fout"] = "Kies eerst de geldende code."
        return
    store.settle(item[0], item[1], code, coder, st.session_state.get(reason_key, "").strip())
    audit("codering", f"{item[0]} vraag {item[1]}", f"vastgesteld {code}")
    st.toast(f"{item[0]}, vraag {item[1]}: {CODE_LABELS[code].lower()} vastgesteld", icon=":material/gavel:")
    following = queue.next_after(item)
    if following is not None:
        st.session_state["verschil"] = following


# ------------------------------------------------------------------------------------------------ Coderen
with tab_coderen:
    labels = {int(q.vraag_nr): f"Vraag {q.vraag_nr}: {q.vraag}" for q in questions.itertuples()}
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
                     on_change=_save_memo, args=(vraag_nr, key, VRAAG_MEMO), height=80)
    if not blind:
        for m in q_memos[q_memos["auteur"] != codeur].itertuples():
            st.caption(f"Memo van {plain(m.auteur)}: {plain(m.tekst)}")

    q_answers = answers[answers["vraag_nr"] == vraag_nr]
    q_codes = codes[codes["vraag_nr"] == vraag_nr]
    q_delivered = delivered[delivered["vraag_nr"] == vraag_nr]
    st.caption(f"{len(q_answers)} antwoorden. Een gekozen code wordt direct opgeslagen (Tab en pijltjestoetsen "
               "werken ook).")
    trail = store.audit_trail(vraag_nr, codeur=codeur if blind and codeur else None)  # blind: own changes only
    for a in q_answers.itertuples():
        a_codes = q_codes[q_codes["respondent_id"] == a.respondent_id]
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
                    args=(a.respondent_id, vraag_nr, key, base.iloc[0] if len(base) else None),
                )
                a_memo = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == a.respondent_id)]
                mine = a_memo[a_memo["auteur"] == codeur]["tekst"]
                mkey = f"memo_{a.respondent_id}_{vraag_nr}_{codeur}"
                st.text_input("Memo", value=mine.iloc[0] if len(mine) else "", key=mkey, placeholder="Memo",
                              on_change=_save_memo, args=(vraag_nr, mkey, a.respondent_id),
                              label_visibility="collapsed")
            if not blind:
                others = [f"{r.codeur}: {r.code}" for r in a_codes.itertuples() if r.codeur != codeur]
                other_memos = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == a.respondent_id)
                                    & (memos["auteur"] != codeur)]
                notes = [f"memo {plain(m.auteur)}: {plain(m.tekst)}" for m in other_memos.itertuples()]
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
with tab_betrouwbaarheid:
    if tab_opened(hidden, melding, note):
        pairs = pairs_of_coders(shown.codes)
        if not pairs:
            st.info("Betrouwbaarheid vraagt om minstens twee codeurs die dezelfde antwoorden coderen. Er is nu "
                    f"{shown.codes['codeur'].nunique()} codeur; laat een tweede codeur (een deel van) de antwoorden "
                    "coderen.")
        else:
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
            v_labels = {q: labels[q] for q in shown.questions["vraag_nr"]}
            deel = st.selectbox("Kruistabel voor", ["Totaal", *v_labels],
                                format_func=lambda v: v_labels.get(v, "Alle vragen"))
            subset = shown if deel == "Totaal" else shown.only([deel])
            st.markdown(f"Kruistabel: rijen {pair[0]}, kolommen {pair[1]} (aantal antwoorden).")
            st.dataframe(confusion_matrix(subset.codes, pair[0], pair[1]), width="stretch")

# ------------------------------------------------------------------------------------------------ Verschillen
with tab_verschillen:
    if tab_opened(hidden, melding, note):
        diff = disagreements(shown.codes, shown.settled)
        if diff.empty:
            st.success("Geen verschillen tussen codeurs.")
        else:
            queue = settle_queue(diff)
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
            if True:
                code_key, reason_key = f"geldend_{chosen[0]}_{chosen[1]}", f"toelichting_{chosen[0]}_{chosen[1]}"
                with st.form("vaststellen", border=True):
                    st.radio("Geldende code", list(CODES), format_func=CODE_LABELS.get, horizontal=True,
                             index=None, key=code_key)
                    st.text_input("Toelichting (waarom deze code)", key=reason_key)
                    st.form_submit_button("Code vaststellen", type="primary", on_click=_settle,
                                          args=(chosen, code_key, reason_key, queue))
                fout = st.session_state.pop("verschil_fout", None)
                if fout:
                    st.error(fout)

# ------------------------------------------------------------------------------------------------ Resultaat
result = result_table(shown.effective, shown.questions)
with tab_resultaat:
    if tab_opened(hidden, melding, note):
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
        summary = effective_summary(shown.effective)
        st.caption("Herkomst van de geldende codes: " + ", ".join(
            f"{r.bron} {r.antwoorden}" for r in summary.itertuples() if r.antwoorden))
        data = diverging_data(result)
        fig = None
        if not data.empty:
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
        show_chart(fig, data, "Codering resultaat per vraag")

# ------------------------------------------------------------------------------------------------ Export
with tab_export:
    if tab_opened(hidden, melding, note):
        table = coded_answers_table(shown.answers, shown.codes, shown.effective, shown.memos, shown.settled)
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
