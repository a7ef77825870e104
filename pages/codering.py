"""Codering interviews (for the evaluator): code answers, check reliability, settle differences, see the result.

The questions, answers and delivered codes come from the warehouse; codes, memos and settled codes set
here are saved at once in the coding store (codering.store), which survives a rebuild of the warehouse.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from codering.display import disagreements_display, reliability_display, result_display
from codering.export import answers_frame, csv_bytes, report_workbook, result_frame
from codering.store import VRAAG_MEMO, CodingStore
from metrics.codering import (
    CODES,
    RULE_TEXT,
    coded_answers_table,
    coder_progress,
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
)
from ui.charts import download_buttons, empty_state, show_chart
from ui.data import query
from ui.shell import require_shell

require_shell(__file__)

CODE_LABELS = {"positief": "Positief", "negatief": "Negatief", "neutraal": "Neutraal", "niet gevraagd": "Niet gevraagd"}
DEEL_KLEUREN = {
    "negatief": "#b5533c",
    "neutraal (links)": "#c8cdd2",
    "neutraal (rechts)": "#c8cdd2",
    "positief": "#3a9d7a",
}

st.title("Codering interviews")
st.caption(
    "Evaluatie-interviews (HAM/KIT-evaluatie §4.4 en §6.2.1). Het filter in de zijbalk geldt niet voor deze pagina: "
    "de interviews horen bij één team."
)

teams = query(interview_teams)
if teams.empty:
    empty_state("Er zijn nog geen interviews geladen. Zet de interviewwerkmap in data/raw en laad opnieuw.")
    st.stop()
team_codes = teams["team"].tolist()
team = team_codes[0] if len(team_codes) == 1 else st.selectbox(
    "Team", team_codes, index=team_codes.index("KIT-pilot") if "KIT-pilot" in team_codes else 0
)

questions = query(interview_questions)
answers = query(interview_answers, team)
delivered = query(interview_codes, team)
store = CodingStore.default()
codes = combine_codes(delivered, store.codes(), answers)
settled = store.settled()
memos = store.memos()
primary = primary_coder(delivered)
effective = effective_codes(codes, settled, primary)

with st.container(border=True):
    left, right = st.columns([3, 2])
    codeur = left.text_input(
        "Uw naam als codeur",
        key="codering_codeur",
        placeholder="bijv. Tweede codeur",
        help="Tot er inloggen is: iedere codeur gebruikt steeds dezelfde naam. Uw codes worden onder deze naam "
        "opgeslagen, met tijdstip en vorige code.",
    ).strip()
    # Blind coding is the default for every coder other than the primary coder, and stays on for a question
    # until that coder has coded all its answers; elsewhere such a coder sees only the questions they finished.
    second_coder = bool(codeur) and codeur != primary
    progress = coder_progress(codes, answers, codeur) if second_coder else None
    done = set(progress.loc[progress["klaar"], "vraag_nr"].tolist()) if second_coder else set()
    current = st.session_state.get("codering_vraag", int(questions["vraag_nr"].iloc[0]))
    locked = second_coder and current not in done
    if st.session_state.get("codering_blind_voor") != codeur:
        st.session_state["codering_blind"] = second_coder
        st.session_state["codering_blind_voor"] = codeur
    if locked:
        st.session_state["codering_blind"] = True
    blind = right.toggle(
        "Blind coderen",
        key="codering_blind",
        disabled=locked,
        help="Verbergt de codes van andere codeurs, ook op de tabbladen Betrouwbaarheid, Verschillen, Resultaat "
        "en Export, zodat u onafhankelijk codeert.",
    )
    if locked:
        row = progress[progress["vraag_nr"] == current]
        gedaan, totaal = (int(row["gecodeerd"].iloc[0]), int(row["antwoorden"].iloc[0])) if len(row) else (0, 0)
        right.caption(f"Blind tot u alle antwoorden van vraag {current} hebt gecodeerd ({gedaan} van {totaal}).")
    if primary:
        right.caption(f"Primaire codeur (uit de interviewwerkmap): {primary}")

if second_coder and not blind:  # a second coder who revealed sees only the questions they coded completely
    shown_q = questions[questions["vraag_nr"].isin(done)]
    keep = answers["vraag_nr"].isin(done)
    v_answers, v_codes = answers[keep], codes[codes["vraag_nr"].isin(done)]
    v_effective, v_memos = effective[effective["vraag_nr"].isin(done)], memos[memos["vraag_nr"].isin(done)]
    v_settled = settled[settled["vraag_nr"].isin(done)]
    BEPERKT = ("U ziet alleen de vragen die u helemaal hebt gecodeerd: "
               + ", ".join(str(q) for q in sorted(done)) + ". De andere blijven blind.")
else:
    shown_q, v_answers, v_codes, v_effective, v_memos, v_settled = questions, answers, codes, effective, memos, settled
    BEPERKT = ""

tab_coderen, tab_betrouwbaarheid, tab_verschillen, tab_resultaat, tab_export = st.tabs(
    ["Coderen", "Betrouwbaarheid", "Verschillen", "Resultaat", "Export"]
)

BLIND_MELDING = (
    f"Blind coderen staat aan tot u alle antwoorden van vraag {current} hebt gecodeerd; daarna kunt u het uitzetten."
    if locked else "Blind coderen staat aan: zet het uit om de codes van andere codeurs te zien."
)


def _save_code(respondent_id: str, vraag_nr: int, coder: str, key: str, baseline: str | None) -> None:
    """Widget callback: save the chosen code at once."""
    value = st.session_state.get(key)
    if value:
        store.set_code(respondent_id, vraag_nr, coder, value, baseline=baseline)
        st.toast(f"{respondent_id}, vraag {vraag_nr}: {CODE_LABELS[value].lower()} opgeslagen", icon=":material/save:")


def _save_memo(vraag_nr: int, coder: str, key: str, respondent_id: str) -> None:
    """Widget callback: save a memo on an answer (or on the question when respondent_id is '')."""
    store.set_memo(vraag_nr, coder, st.session_state.get(key, ""), respondent_id=respondent_id)


def _settle(item: tuple[str, int], coder: str, code_key: str, reason_key: str, order: list[tuple[str, int]]) -> None:
    """Form callback: record the settled code of `item`, then select the next unsettled item of `order`."""
    code = st.session_state.get(code_key)
    if not code:
        st.session_state["verschil_fout"] = "Kies eerst de geldende code."
        return
    store.settle(item[0], item[1], code, coder, st.session_state.get(reason_key, "").strip())
    st.toast(f"{item[0]}, vraag {item[1]}: {CODE_LABELS[code].lower()} vastgesteld", icon=":material/gavel:")
    position = order.index(item) if item in order else -1
    rest = [k for k in order if k != item]
    later = [k for k in order[position + 1:] if k != item]
    if later or rest:
        st.session_state["verschil"] = (later or rest)[0]


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

    if not codeur:
        st.info("Vul bovenaan uw naam in om te coderen. Tot dan kunt u de antwoorden alleen lezen.")
    q_memos = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == VRAAG_MEMO)]
    if codeur:
        mine = q_memos[q_memos["auteur"] == codeur]["tekst"]
        key = f"memo_vraag_{vraag_nr}_{codeur}"
        st.text_area("Uw memo bij deze vraag", value=mine.iloc[0] if len(mine) else "", key=key,
                     on_change=_save_memo, args=(vraag_nr, codeur, key, VRAAG_MEMO), height=80)
    if not blind:
        for m in q_memos[q_memos["auteur"] != codeur].itertuples():
            st.caption(f"Memo van {m.auteur}: {m.tekst}")

    q_answers = answers[answers["vraag_nr"] == vraag_nr]
    q_codes = codes[codes["vraag_nr"] == vraag_nr]
    q_delivered = delivered[delivered["vraag_nr"] == vraag_nr]
    st.caption(f"{len(q_answers)} antwoorden. Een gekozen code wordt direct opgeslagen (Tab en pijltjestoetsen "
               "werken ook).")
    for a in q_answers.itertuples():
        a_codes = q_codes[q_codes["respondent_id"] == a.respondent_id]
        with st.container(border=True):
            wie = " · ".join(x for x in (a.respondent_id, a.organisatie, a.rol, a.gemeente) if x)
            st.markdown(f"**{wie}**")
            st.markdown(f"> {a.antwoord}" if a.antwoord else "*(geen antwoord vastgelegd)*")
            if codeur:
                own = a_codes[a_codes["codeur"] == codeur]["code"]
                base = q_delivered[(q_delivered["respondent_id"] == a.respondent_id)
                                   & (q_delivered["codeur"] == codeur)]["code"]
                key = f"code_{a.respondent_id}_{vraag_nr}_{codeur}"
                st.radio(
                    "Code", list(CODES), format_func=CODE_LABELS.get, key=key, horizontal=True,
                    index=CODES.index(own.iloc[0]) if len(own) else None, label_visibility="collapsed",
                    on_change=_save_code,
                    args=(a.respondent_id, vraag_nr, codeur, key, base.iloc[0] if len(base) else None),
                )
                a_memo = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == a.respondent_id)]
                mine = a_memo[a_memo["auteur"] == codeur]["tekst"]
                mkey = f"memo_{a.respondent_id}_{vraag_nr}_{codeur}"
                st.text_input("Memo", value=mine.iloc[0] if len(mine) else "", key=mkey, placeholder="Memo",
                              on_change=_save_memo, args=(vraag_nr, codeur, mkey, a.respondent_id),
                              label_visibility="collapsed")
            if not blind:
                others = [f"{r.codeur}: {r.code}" for r in a_codes.itertuples() if r.codeur != codeur]
                other_memos = memos[(memos["vraag_nr"] == vraag_nr) & (memos["respondent_id"] == a.respondent_id)
                                    & (memos["auteur"] != codeur)]
                notes = [f"memo {m.auteur}: {m.tekst}" for m in other_memos.itertuples()]
                if others or notes:
                    st.caption(" · ".join(others + notes))
    with st.expander("Geschiedenis van de codes bij deze vraag (audit trail)"):
        history = store.history(vraag_nr=vraag_nr)
        if blind and codeur:
            history = history[history["codeur"] == codeur]
        if history.empty:
            st.caption("Nog geen wijzigingen opgeslagen bij deze vraag.")
        else:
            st.dataframe(
                history.drop(columns=["id", "vraag_nr"]).rename(columns={
                    "respondent_id": "Respondent", "codeur": "Codeur", "code": "Code", "vorige_code": "Vorige code",
                    "gezet_op": "Gezet op (UTC)"}),
                hide_index=True, width="stretch",
            )

# ------------------------------------------------------------------------------------------------ Betrouwbaarheid
with tab_betrouwbaarheid:
    pairs = pairs_of_coders(v_codes)
    if blind or shown_q.empty:
        st.info(BLIND_MELDING)
    elif not pairs:
        st.info("Betrouwbaarheid vraagt om minstens twee codeurs die dezelfde antwoorden coderen. Er is nu "
                f"{v_codes['codeur'].nunique()} codeur; laat een tweede codeur (een deel van) de antwoorden coderen.")
    else:
        st.markdown(
            "**Overeenstemming**: het deel van de dubbel gecodeerde antwoorden waarop alle codeurs dezelfde code "
            "gaven. **Cohens kappa**: overeenstemming van de twee gekozen codeurs, gecorrigeerd voor toeval. "
            "**Krippendorffs alfa** (nominaal): alle codeurs, ontbrekende codes toegestaan. Alle vier de codes "
            "tellen mee ('niet gevraagd' is ook een codeerbeslissing)."
        )
        if BEPERKT:
            st.caption(BEPERKT)
        pair = st.selectbox("Codeurs voor kappa en kruistabel", pairs, format_func=lambda p: f"{p[0]} en {p[1]}")
        rel = reliability(v_codes, pair[0], pair[1])
        st.caption("Vragen zonder dubbel gecodeerde antwoorden staan niet in de tabel.")
        st.dataframe(reliability_display(rel), hide_index=True, width="stretch", key="betrouwbaarheid_tabel")
        v_labels = {q: t for q, t in labels.items() if q in set(shown_q["vraag_nr"])}
        deel = st.selectbox("Kruistabel voor", ["Totaal", *v_labels],
                            format_func=lambda v: v_labels.get(v, "Alle vragen"))
        subset = v_codes if deel == "Totaal" else v_codes[v_codes["vraag_nr"] == deel]
        st.markdown(f"Kruistabel: rijen {pair[0]}, kolommen {pair[1]} (aantal antwoorden).")
        st.dataframe(confusion_matrix(subset, pair[0], pair[1]), width="stretch")

# ------------------------------------------------------------------------------------------------ Verschillen
with tab_verschillen:
    if blind or shown_q.empty:
        st.info(BLIND_MELDING)
    else:
        diff = disagreements(v_codes, v_settled)
        if diff.empty:
            st.success("Geen verschillen tussen codeurs.")
        else:
            if BEPERKT:
                st.caption(BEPERKT)
            open_items = int((diff["vastgesteld"] == "").sum())
            st.markdown("Antwoorden waarop codeurs een verschillende code gaven. Stel per antwoord de geldende code "
                        "vast; die gaat voor in het resultaat. Een latere vaststelling vervangt een eerdere. "
                        f"Nog niet vastgesteld: {open_items} van {len(diff)}.")
            st.dataframe(disagreements_display(diff), hide_index=True, width="stretch", key="verschillen_tabel")
            keys = [(str(r), int(v)) for r, v in zip(diff["respondent_id"], diff["vraag_nr"], strict=True)]
            unsettled = [k for k, done_ in zip(keys, diff["vastgesteld"] != "", strict=True) if not done_]
            if st.session_state.get("verschil") not in keys:
                st.session_state["verschil"] = unsettled[0] if unsettled else keys[0]
            chosen = st.selectbox(
                "Antwoord", keys, key="verschil",
                format_func=lambda k: f"{k[0]}, vraag {k[1]}" + ("" if k in unsettled else " (vastgesteld)"),
            )
            row = answers[(answers["respondent_id"] == chosen[0]) & (answers["vraag_nr"] == chosen[1])]
            if len(row):
                st.markdown(f"> {row['antwoord'].iloc[0]}")
            if not codeur:
                st.info("Vul bovenaan uw naam in om een code vast te stellen.")
            else:
                code_key, reason_key = f"geldend_{chosen[0]}_{chosen[1]}", f"toelichting_{chosen[0]}_{chosen[1]}"
                with st.form("vaststellen", border=True):
                    st.radio("Geldende code", list(CODES), format_func=CODE_LABELS.get, horizontal=True,
                             index=None, key=code_key)
                    st.text_input("Toelichting (waarom deze code)", key=reason_key)
                    st.form_submit_button("Code vaststellen", type="primary", on_click=_settle,
                                          args=(chosen, codeur, code_key, reason_key, unsettled or keys))
                fout = st.session_state.pop("verschil_fout", None)
                if fout:
                    st.error(fout)

# ------------------------------------------------------------------------------------------------ Resultaat
result = result_table(v_effective, shown_q)
with tab_resultaat:
    if blind or shown_q.empty:
        st.info(BLIND_MELDING)
    else:
        if BEPERKT:
            st.caption(BEPERKT)
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
        summary = effective_summary(v_effective)
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
    if blind or shown_q.empty:
        st.info(BLIND_MELDING)
    else:
        if BEPERKT:
            st.caption(BEPERKT)
        table = coded_answers_table(v_answers, v_codes, v_effective, v_memos, v_settled)
        question_memos = v_memos[v_memos["respondent_id"] == VRAAG_MEMO]
        st.markdown("Het resultaat en alle antwoorden met codes en memo's, opgemaakt voor een rapport "
                    "(Excel: vetgedrukte kop, vaste kopregel, brede antwoordkolom met tekstterugloop).")
        c1, c2, c3 = st.columns(3)
        c1.download_button(
            "Excel-werkmap", report_workbook(result, table, question_memos, RULE_TEXT, team),
            file_name="codering_interviews.xlsx", on_click="ignore", icon=":material/download:",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        c2.download_button("Resultaat (CSV)", csv_bytes(result_frame(result)), file_name="codering_resultaat.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:")
        c3.download_button("Antwoorden (CSV)", csv_bytes(answers_frame(table)), file_name="codering_antwoorden.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:")
        st.dataframe(answers_frame(table), hide_index=True, width="stretch", key="export_tabel")
