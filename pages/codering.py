"""Codering interviews (for the evaluator): code answers, check reliability, settle differences, see the result.

The questions, answers and delivered codes come from the warehouse; codes, memos and settled codes set
here are saved at once in the coding store. The workflow is codering.werkwijze, the tabs are drawn by
ui/codering_tabs.py; this page lays them out.
"""

from __future__ import annotations

import streamlit as st

from access.suppress import respondent_groups
from codering import werkwijze
from metrics.codering import result_table
from metrics.interviews import (
    PILOT,
    interview_answers,
    interview_coders,
    interview_codes,
    interview_questions,
    interview_teams,
)
from ui.charts import empty_state
from ui.codering import blind_message, restriction_note, tab_opened
from ui.codering_tabs import draw_coding, draw_differences, draw_export, draw_reliability, draw_result
from ui.data import coding_store, current_settings, query
from ui.shell import require_shell

user = require_shell(__file__)

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
primary, primary_note = werkwijze.primary_of(query(interview_coders, team), team)
coding = werkwijze.gather(questions, answers, delivered, store, primary)
threshold = current_settings().small_count_threshold
groups = respondent_groups(answers[["respondent_id", "organisatie", "rol"]], threshold).to_dict()

with st.container(border=True):
    left, right = st.columns([3, 2])
    codeur = user.name  # the coder is the logged-in user: nobody codes under another name
    can_code = codeur != primary  # the delivered coding of the interview workbook is read-only in the browser
    left.markdown(f"U codeert als **{codeur}**." if can_code else
                  f"De codering van **{primary}** komt uit de interviewwerkmap en is hier alleen te lezen.")
    left.caption("Uw codes, memo's en vaststellingen worden onder uw inlognaam opgeslagen, met tijdstip en vorige "
                 "code.")
    current = st.session_state.get("codering_vraag", int(questions["vraag_nr"].iloc[0]))
    access = werkwijze.blind_access(coding.codes, answers, codeur, primary, current)
    werkwijze.keep_blind(st.session_state, codeur, access)
    blind = right.toggle(
        "Blind coderen",
        key=werkwijze.BLIND_KEY,
        disabled=access.locked,
        help="Verbergt de codes van andere codeurs, ook op de tabbladen Betrouwbaarheid, Verschillen, Resultaat "
        "en Export, zodat u onafhankelijk codeert.",
    )
    if access.locked:
        right.caption(f"Blind tot u alle antwoorden van vraag {current} hebt gecodeerd ({access.coded} van "
                      f"{access.total}).")
    if primary:
        right.caption(f"Primaire codeur (uit de interviewwerkmap): {primary}")
if primary_note:
    st.warning(primary_note + " Tot dan beslist geen primaire codeur bij een verschil dat niet is vastgesteld.")

shown = coding.view().visible(access, blind)
note = restriction_note(access.done) if access.restricts(blind) else ""
hidden = blind or shown.questions.empty
melding = blind_message(access.locked, current)
result = result_table(shown.effective, shown.questions)

tab_coderen, tab_betrouwbaarheid, tab_verschillen, tab_resultaat, tab_export = st.tabs(
    ["Coderen", "Betrouwbaarheid", "Verschillen", "Resultaat", "Export"]
)
with tab_coderen:
    draw_coding(coding, store, codeur, can_code, blind, groups)
with tab_betrouwbaarheid:
    if tab_opened(hidden, melding, note):
        draw_reliability(shown)
with tab_verschillen:
    if tab_opened(hidden, melding, note):
        draw_differences(shown, answers, store, primary)
with tab_resultaat:
    if tab_opened(hidden, melding, note):
        draw_result(result, shown)
with tab_export:
    if tab_opened(hidden, melding, note):
        draw_export(result, shown, groups, team)
