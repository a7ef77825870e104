"""ui.codering: the on-screen tables of the coding page, with Dutch headers and Dutch number text."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from codering.werkwijze import effective_codes
from metrics.codering import reliability, result_table
from metrics.interviews import interview_codes, interview_questions
from tests.codering.helpers import build_interview_warehouse
from ui.codering import (
    blind_message,
    disagreements_display,
    diverging_data,
    history_display,
    reliability_display,
    restriction_note,
    result_display,
)

QUESTIONS = pd.DataFrame({"vraag_nr": [1, 2], "vraag": ["Voelt u zich gehoord?", "Communicatie"]})
SETTLED = pd.DataFrame(columns=["respondent_id", "vraag_nr", "code", "besloten_door", "besloten_op", "toelichting"])


def _codes(rows: list[tuple[str, int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["respondent_id", "vraag_nr", "codeur", "code"])


def test_result_display_puts_the_label_after_the_question_and_shortens_intervals() -> None:
    # question 1: 14 positive, 2 negative, 4 neutral (HAM/KIT evaluation §6.2.1, question 1); question 2: none
    codes = _codes([(f"R{i:02}", 1, "A", code) for i, code in
                    enumerate(["positief"] * 14 + ["negatief"] * 2 + ["neutraal"] * 4 + ["niet gevraagd"])])
    shown = result_display(result_table(effective_codes(codes, SETTLED, "A"), QUESTIONS))
    assert list(shown.columns) == ["Vraag", "Vraagtekst", "Oordeel", "Positief", "Negatief", "Neutraal", "n",
                                   "Niet gevraagd", "Positief (95%-BI)", "Negatief (95%-BI)", "Neutraal (95%-BI)",
                                   "p tekentoets"]
    first = shown.iloc[0]
    assert (first["Oordeel"], first["n"], first["Niet gevraagd"]) == ("overwegend positief", 20, 1)
    assert first["Positief (95%-BI)"] == "70% (48–85%)"  # Wilson 0.4810–0.8545
    assert first["Negatief (95%-BI)"] == "10% (3–30%)"  # Wilson 0.0279–0.3010
    assert first["p tekentoets"] == "0,004"  # 2 * P(X <= 2 | 16, 0.5) = 0.0042
    assert shown.iloc[1][["Positief (95%-BI)", "p tekentoets"]].tolist() == ["–", "–"]


def test_reliability_display_uses_decimal_commas() -> None:
    # A and B agree on 5 of 6 answers of question 1: p_o = 5/6, p_e = (3*2 + 3*4) / 36 = 1/2, kappa = 2/3
    codes = _codes(
        [(f"R{i}", 1, "A", c) for i, c in enumerate(["positief"] * 3 + ["negatief"] * 3)]
        + [(f"R{i}", 1, "B", c) for i, c in enumerate(["positief"] * 2 + ["negatief"] * 4)]
        + [("R9", 2, "A", "positief")]
    )
    shown = reliability_display(reliability(codes, "A", "B"))
    assert list(shown.columns) == ["Onderdeel", "Codeurs", "Dubbel gecodeerd", "Overeenstemming", "Cohens kappa",
                                   "95%-interval kappa", "Antwoorden kappa", "Krippendorffs alfa",
                                   "95%-interval alfa", "Antwoorden alfa"]
    assert shown["Onderdeel"].tolist() == ["Vraag 1", "Totaal"]  # question 2 has no double-coded answer
    total = shown.set_index("Onderdeel").loc["Totaal"]
    assert (total["Overeenstemming"], total["Cohens kappa"]) == ("83,3%", "0,667")
    assert "," in total["Krippendorffs alfa"] and "." not in total["Krippendorffs alfa"]
    assert (total["Antwoorden kappa"], total["Antwoorden alfa"]) == (6, 6)  # what kappa and alpha rest on
    low, high = (float(x.replace(",", ".")) for x in total["95%-interval kappa"].split(" – "))
    assert low < 2 / 3 <= high <= 1  # the bootstrap interval around kappa = 0,667, in Dutch decimals


def test_disagreements_display_has_dutch_headers_and_the_reason() -> None:
    diff = pd.DataFrame({"respondent_id": ["R1"], "vraag_nr": [1], "A": ["positief"], "B": ["neutraal"],
                         "vastgesteld": ["neutraal"], "vastgesteld_door": ["A"], "toelichting": ["twijfel"]})
    assert list(disagreements_display(diff).columns) == ["Respondent", "Vraag", "A", "B", "Vastgesteld",
                                                         "Vastgesteld door", "Toelichting"]


def test_history_display_of_one_answer_drops_the_respondent_column() -> None:
    trail = pd.DataFrame(
        [("R1", "code", "A", "negatief", "positief", "2026-01-02T00:00:00+00:00", ""),
         ("R2", "vaststelling", "B", "neutraal", None, "2026-01-03T00:00:00+00:00", "na overleg")],
        columns=["respondent_id", "soort", "door", "waarde", "vorige", "op", "toelichting"])
    whole = history_display(trail)
    assert list(whole.columns) == ["Respondent", "Wat", "Door", "Nieuw", "Vorige", "Op (UTC)", "Toelichting"]
    one = history_display(trail, "R2")
    assert one.values.tolist() == [["vaststelling", "B", "neutraal", "", "2026-01-03T00:00:00+00:00", "na overleg"]]
    assert history_display(trail, "R9").empty


def test_blind_message_and_restriction_note() -> None:
    assert "alle antwoorden van vraag 4" in blind_message(True, 4)
    assert blind_message(False, 4).startswith("Blind coderen staat aan: zet het uit")
    assert restriction_note({3, 1}) == ("U ziet alleen de vragen die u helemaal hebt gecodeerd: 1, 3. "
                                        "De andere blijven blind.")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_interview_warehouse(tmp_path_factory.mktemp("wh") / "kit.duckdb")


def test_diverging_data_is_sorted_by_net_opinion_and_signed(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        questions, delivered = interview_questions(con), interview_codes(con)
    finally:
        con.close()
    codes = delivered[delivered["codeur"] == "Evaluator (2020)"]
    result = result_table(effective_codes(codes, pd.DataFrame(columns=SETTLED.columns), None), questions)
    data = diverging_data(result)
    labels = data["label"].unique().tolist()
    assert labels[0].startswith("V11.") and labels[-1].startswith("V2.")  # net -0.70 first, +1.00 last
    q4 = data[data["label"].str.startswith("V4.")].set_index("deel")
    assert q4.loc["negatief", "waarde"] == pytest.approx(-0.75)
    assert q4.loc["neutraal (links)", "waarde"] == pytest.approx(-0.05)
    assert q4.loc["neutraal (rechts)", "waarde"] == pytest.approx(0.05)
    assert q4.loc["positief", "waarde"] == pytest.approx(0.15)
