"""metrics.codering: reliability against worked examples from the literature, effective codes, the result table."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from metrics.codering import (
    RULE_TEXT,
    BlindAccess,
    CodingView,
    alpha_interval,
    blind_access,
    coded_answers_table,
    coder_progress,
    cohen_kappa,
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
    kappa_interval,
    krippendorff_alpha,
    opinion_label,
    pairs_of_coders,
    percent_agreement,
    primary_coder,
    reliability,
    result_table,
    settle_queue,
    sign_test,
    wilson_interval,
)
from tests.codering.helpers import build_interview_warehouse

PUBLISHED = {  # HAM/KIT evaluation §6.2.1: (positief, negatief, neutraal) per question
    1: (14, 2, 4), 2: (20, 0, 0), 3: (16, 0, 4), 4: (3, 15, 2), 5: (11, 6, 3), 6: (4, 12, 4),
    7: (12, 3, 5), 8: (2, 13, 5), 9: (14, 3, 3), 10: (19, 0, 1), 11: (2, 16, 2), 12: (6, 10, 4),
}
SETTLED_COLUMNS = ["respondent_id", "vraag_nr", "code", "besloten_door", "besloten_op", "toelichting"]


def _units(matrix: dict[str, list[object]]) -> pd.DataFrame:
    """A reliability data matrix (coder -> values per unit, None = missing) as long codes."""
    rows = [(u, coder, str(v)) for coder, values in matrix.items() for u, v in enumerate(values, 1) if v is not None]
    return pd.DataFrame(rows, columns=["unit", "codeur", "code"])


def _codes(rows: list[tuple[str, int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["respondent_id", "vraag_nr", "codeur", "code"])


# ------------------------------------------------------------------ literature
def test_krippendorff_alpha_nominal_with_missing_values_krippendorff_2011() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
    # nominal data with missing values; the paper gives alpha = 0.743.
    matrix = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    assert krippendorff_alpha(_units(matrix), unit=("unit",)) == pytest.approx(0.743, abs=0.0005)


def test_krippendorff_alpha_two_observers_krippendorff_2011() -> None:
    # Same paper, section A (binary data, two observers, 10 units): alpha = 0.095;
    # section B (nominal data, two observers, 12 units, values a-e): alpha = 0.692.
    binary = {"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]}
    assert krippendorff_alpha(_units(binary), unit=("unit",)) == pytest.approx(0.095, abs=0.0005)
    nominal = {"A": list("aabbdcccedda"), "B": list("babbbccceddd")}
    assert krippendorff_alpha(_units(nominal), unit=("unit",)) == pytest.approx(0.692, abs=0.0005)


def test_cohen_kappa_textbook_example() -> None:
    # Worked example of the Wikipedia article "Cohen's kappa" (two readers, 50 grant proposals):
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o = 0.70, p_e = 0.50, kappa = 0.40.
    a = ["ja"] * 20 + ["ja"] * 5 + ["nee"] * 10 + ["nee"] * 15
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.40)


def test_kappa_interval_agrees_with_the_large_sample_interval() -> None:
    # The same 50 proposals: Cohen's (1960) large-sample SE sqrt(p_o (1 - p_o) / (n (1 - p_e)^2)) = 0.1296 gives
    # 0.40 +- 1.96 * 0.1296 = (0.146, 0.654); the bootstrap over the 50 answers (1,000 draws, seed 42) lies close.
    a = ["ja"] * 20 + ["ja"] * 5 + ["nee"] * 10 + ["nee"] * 15
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    low, high = kappa_interval(a, b)
    assert low == pytest.approx(0.146, abs=0.03) and high == pytest.approx(0.654, abs=0.04)
    assert kappa_interval(a, b) == (low, high)  # seeded: the same data give the same interval
    assert kappa_interval(["a", "b"] * 10, ["a", "b"] * 10) == (1.0, 1.0)
    assert all(math.isnan(x) for x in kappa_interval(["a"], ["a"]))


def test_alpha_interval_rests_on_the_pairable_answers() -> None:
    # Krippendorff (2011) section C: unit 12 has one value only, so alpha (0.743) rests on 11 units
    matrix = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    low, high, n = alpha_interval(_units(matrix), unit=("unit",))
    assert n == 11
    assert low < 0.743 < high <= 1.0
    assert low == pytest.approx(0.394, abs=0.001)  # 2.5th percentile of 1,000 draws with seed 42


def test_cohen_kappa_limits() -> None:
    assert cohen_kappa(["p", "n", "p"], ["p", "n", "p"]) == pytest.approx(1.0)
    # agreement exactly at chance level: p_o = p_e = 0.5
    assert cohen_kappa(["p", "p", "n", "n"], ["p", "n", "p", "n"]) == pytest.approx(0.0)
    assert math.isnan(cohen_kappa(["p", "p"], ["p", "p"]))  # p_e = 1: undefined
    assert math.isnan(cohen_kappa([], []))


def test_wilson_interval_newcombe_1998() -> None:
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3
    # (Wilson score interval without continuity correction).
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=0.00005)
    assert wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=0.00005)
    assert wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=0.00005)
    assert wilson_interval(1, 29) == pytest.approx((0.0061, 0.1718), abs=0.00005)
    assert wilson_interval(29, 29) == pytest.approx((0.8830, 1.0), abs=0.00005)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_sign_test_exact_binomial() -> None:
    # 12 positive against 3 negative: P(X <= 3 | n = 15, p = 0.5) * 2 = 2 * 576 / 32768
    assert sign_test(12, 3) == pytest.approx(2 * 576 / 32768)
    assert sign_test(4, 12) == pytest.approx(2 * 2517 / 65536)
    assert sign_test(20, 0) == pytest.approx(2 / 2**20)
    assert math.isnan(sign_test(0, 0))


# ------------------------------------------------------------------ agreement, disagreements, effective codes
CODES_3 = _codes([
    ("R1", 1, "A", "positief"), ("R1", 1, "B", "positief"), ("R1", 1, "C", "positief"),
    ("R2", 1, "A", "negatief"), ("R2", 1, "B", "neutraal"),
    ("R3", 1, "A", "neutraal"),
    ("R4", 1, "B", "positief"), ("R4", 1, "C", "negatief"),
    ("R1", 2, "A", "negatief"), ("R1", 2, "B", "negatief"),
])


def test_percent_agreement_counts_answers_with_two_or_more_codes() -> None:
    # double-coded: R1/1 (all equal), R2/1 (differ), R4/1 (differ), R1/2 (equal) -> 2 of 4
    assert percent_agreement(CODES_3) == pytest.approx(0.5)
    assert math.isnan(percent_agreement(CODES_3[CODES_3["respondent_id"] == "R3"]))


def test_confusion_matrix_has_all_codes_and_counts_pairs() -> None:
    table = confusion_matrix(CODES_3, "A", "B")
    assert list(table.index) == ["positief", "negatief", "neutraal", "niet gevraagd"]
    assert list(table.columns) == ["positief", "negatief", "neutraal", "niet gevraagd"]
    assert table.loc["positief", "positief"] == 1
    assert table.loc["negatief", "neutraal"] == 1
    assert table.loc["negatief", "negatief"] == 1
    assert int(table.to_numpy().sum()) == 3  # answers coded by both A and B


def test_reliability_per_question_and_total() -> None:
    rel = reliability(CODES_3, "A", "B")
    assert rel["onderdeel"].tolist() == ["Vraag 1", "Vraag 2", "Totaal"]
    total = rel.iloc[-1]
    assert total["dubbel_gecodeerd"] == 4
    assert total["overeenstemming"] == pytest.approx(0.5)
    # A vs B on R1/1, R2/1, R1/2: a = [pos, neg, neg], b = [pos, neu, neg]
    assert total["kappa"] == pytest.approx(cohen_kappa(["positief", "negatief", "negatief"],
                                                       ["positief", "neutraal", "negatief"]))
    assert total["kappa"] == pytest.approx((2 / 3 - 1 / 3) / (1 - 1 / 3))
    q2 = rel.iloc[1]
    assert q2["overeenstemming"] == 1.0 and math.isnan(q2["kappa"])  # one unit, one code: kappa undefined


def test_disagreements_and_effective_codes_precedence() -> None:
    settled = pd.DataFrame([("R4", 1, "neutraal", "Bert", "2026-01-01T00:00:00+00:00", "twijfel")],
                           columns=SETTLED_COLUMNS)
    diff = disagreements(CODES_3, settled)
    assert diff[["respondent_id", "vraag_nr", "A", "B", "C", "vastgesteld", "toelichting"]].values.tolist() == [
        ["R2", 1, "negatief", "neutraal", "", "", ""],
        ["R4", 1, "", "positief", "negatief", "neutraal", "twijfel"],
    ]
    eff = effective_codes(CODES_3, settled, primary="A").set_index(["respondent_id", "vraag_nr"])
    assert eff.loc[("R1", 1)].tolist() == ["positief", "eens"]
    assert eff.loc[("R2", 1)].tolist() == ["negatief", "primaire codeur"]
    assert eff.loc[("R3", 1)].tolist() == ["neutraal", "eens"]
    assert eff.loc[("R4", 1)].tolist() == ["neutraal", "vastgesteld"]
    no_settle = effective_codes(CODES_3, settled.iloc[0:0], primary="A").set_index(["respondent_id", "vraag_nr"])
    assert no_settle.loc[("R4", 1)].tolist() == ["", "onbeslist"]
    summary = effective_summary(effective_codes(CODES_3, settled, primary="A"))
    assert summary.values.tolist() == [["vastgesteld", 1], ["eens", 3], ["primaire codeur", 1], ["onbeslist", 0]]


def test_combine_codes_store_wins_and_is_limited_to_the_teams_answers() -> None:
    delivered = _codes([("R1", 1, "E", "positief"), ("R2", 1, "E", "negatief")])
    stored = _codes([("R1", 1, "E", "neutraal"), ("R1", 1, "F", "positief"), ("X9", 1, "F", "positief")])
    answers = pd.DataFrame({"respondent_id": ["R1", "R2"], "vraag_nr": [1, 1]})
    combined = combine_codes(delivered, stored, answers)
    assert combined.values.tolist() == [["R1", 1, "E", "neutraal"], ["R1", 1, "F", "positief"],
                                        ["R2", 1, "E", "negatief"]]
    assert pairs_of_coders(combined) == [("E", "F")]
    assert primary_coder(delivered) == "E"


# ------------------------------------------------------------------ result table and labels
def test_labels_follow_the_rule() -> None:
    assert opinion_label(14, 2, 4) == "overwegend positief"  # 70%, p = 0.0042
    assert opinion_label(12, 3, 5) == "overwegend positief"  # exactly 60%, p = 0.035
    assert opinion_label(4, 12, 4) == "verdeeld"  # 60% negative but p = 0.077
    assert opinion_label(3, 15, 2) == "overwegend negatief"
    assert opinion_label(6, 3, 5) == "veel neutraal"  # 5/14 = 36% neutral, no clear direction
    assert opinion_label(11, 6, 3) == "verdeeld"
    assert opinion_label(0, 0, 0) == "geen antwoorden"
    assert "60%" in RULE_TEXT and "25%" in RULE_TEXT and "p < 0,05" in RULE_TEXT


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    extra = [("R01", 1, "Tweede codeur", "negatief"), ("R02", 1, "Tweede codeur", "positief")]
    return build_interview_warehouse(tmp_path_factory.mktemp("wh") / "kit.duckdb", extra)


def test_result_table_from_the_warehouse_gives_the_published_counts(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        questions = interview_questions(con)
        answers = interview_answers(con)
        delivered = interview_codes(con)
        teams = interview_teams(con)
    finally:
        con.close()
    assert teams.values.tolist() == [["KIT-pilot", 21 * 12 + 2]]
    assert len(questions) == 12 and len(answers) == 21 * 12
    assert set(answers.columns) >= {"organisatie", "rol", "gemeente", "antwoord"}
    assert "naam" not in " ".join(answers.columns)
    primary = primary_coder(delivered)
    assert primary == "Evaluator (2020)"
    codes = combine_codes(delivered, delivered.iloc[0:0])
    settled = pd.DataFrame(columns=SETTLED_COLUMNS)
    result = result_table(effective_codes(codes, settled, primary), questions)
    got = {int(r.vraag_nr): (r.positief, r.negatief, r.neutraal) for r in result.itertuples()}
    assert got == PUBLISHED
    assert result["n"].tolist() == [20] * 12
    assert result["niet_gevraagd"].tolist() == [1] * 12
    assert result["oordeel"].tolist() == [
        "overwegend positief", "overwegend positief", "overwegend positief", "overwegend negatief", "verdeeld",
        "verdeeld", "overwegend positief", "overwegend negatief", "overwegend positief", "overwegend positief",
        "overwegend negatief", "verdeeld",
    ]
    q4 = result.set_index("vraag_nr").loc[4]
    assert q4["aandeel_negatief"] == pytest.approx(0.75)
    assert (q4["negatief_laag"], q4["negatief_hoog"]) == pytest.approx(wilson_interval(15, 20))
    assert q4["p_tekentoets"] == pytest.approx(2 * (1 + 18 + 153 + 816) / 2**18)


def test_diverging_data_is_sorted_by_net_opinion_and_signed(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        questions, delivered = interview_questions(con), interview_codes(con)
    finally:
        con.close()
    codes = delivered[delivered["codeur"] == "Evaluator (2020)"]
    result = result_table(effective_codes(codes, pd.DataFrame(columns=SETTLED_COLUMNS), None), questions)
    data = diverging_data(result)
    labels = data["label"].unique().tolist()
    assert labels[0].startswith("V11.") and labels[-1].startswith("V2.")  # net -0.70 first, +1.00 last
    q4 = data[data["label"].str.startswith("V4.")].set_index("deel")
    assert q4.loc["negatief", "waarde"] == pytest.approx(-0.75)
    assert q4.loc["neutraal (links)", "waarde"] == pytest.approx(-0.05)
    assert q4.loc["neutraal (rechts)", "waarde"] == pytest.approx(0.05)
    assert q4.loc["positief", "waarde"] == pytest.approx(0.15)


def test_second_coder_changes_reliability_and_the_coded_answers_table(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        answers, delivered = interview_answers(con), interview_codes(con)
    finally:
        con.close()
    primary_codes = delivered[delivered["codeur"] == "Evaluator (2020)"].set_index(["respondent_id", "vraag_nr"])
    rel = reliability(delivered, "Evaluator (2020)", "Tweede codeur").set_index("onderdeel")
    agree = [primary_codes.loc[("R01", 1), "code"] == "negatief", primary_codes.loc[("R02", 1), "code"] == "positief"]
    assert rel.loc["Vraag 1", "dubbel_gecodeerd"] == 2
    assert rel.loc["Vraag 1", "overeenstemming"] == pytest.approx(sum(agree) / 2)
    assert rel.loc["Vraag 2", "dubbel_gecodeerd"] == 0 and math.isnan(rel.loc["Vraag 2", "overeenstemming"])
    memos = pd.DataFrame([("R01", 1, "Anna", "twijfel"), ("", 1, "Anna", "vraagmemo")],
                         columns=["respondent_id", "vraag_nr", "auteur", "tekst"])
    eff = effective_codes(delivered, pd.DataFrame(columns=SETTLED_COLUMNS), "Evaluator (2020)")
    table = coded_answers_table(answers, delivered, eff, memos)
    assert len(table) == 21 * 12
    row = table[(table["respondent_id"] == "R01") & (table["vraag_nr"] == 1)].iloc[0]
    assert row["code Tweede codeur"] == "negatief"
    assert row["memo"] == "Anna: twijfel"
    assert row["code"] == primary_codes.loc[("R01", 1), "code"]


def test_coded_answers_table_carries_the_reason_of_a_settled_code() -> None:
    answers = pd.DataFrame({"respondent_id": ["R2", "R4"], "vraag_nr": [1, 1], "organisatie": ["UWV", "SVB"],
                            "rol": ["partner"] * 2, "gemeente": [""] * 2, "antwoord": ["Nee.", "Soms."]})
    settled = pd.DataFrame([("R4", 1, "neutraal", "Bert", "2026-01-01T00:00:00+00:00", "twijfel")],
                           columns=SETTLED_COLUMNS)
    memos = pd.DataFrame(columns=["respondent_id", "vraag_nr", "auteur", "tekst"])
    eff = effective_codes(CODES_3, settled, primary="A")
    table = coded_answers_table(answers, CODES_3, eff, memos, settled).set_index("respondent_id")
    assert table.loc["R4", ["code", "bron", "toelichting"]].tolist() == ["neutraal", "vastgesteld", "twijfel"]
    assert table.loc["R2", ["code", "bron", "toelichting"]].tolist() == ["negatief", "primaire codeur", ""]
    assert coded_answers_table(answers, CODES_3, eff, memos)["toelichting"].tolist() == ["", ""]


def test_coder_progress_marks_questions_a_coder_finished() -> None:
    answers = pd.DataFrame({"respondent_id": ["R1", "R2", "R1", "R2"], "vraag_nr": [1, 1, 2, 2]})
    codes = _codes([("R1", 1, "B", "positief"), ("R2", 1, "B", "negatief"), ("R1", 2, "B", "positief"),
                    ("R2", 2, "A", "positief"), ("X9", 2, "B", "positief")])
    progress = coder_progress(codes, answers, "B")
    assert progress[["vraag_nr", "antwoorden", "gecodeerd", "klaar"]].values.tolist() == [
        [1, 2, 2, True], [2, 2, 1, False]]
    assert not coder_progress(codes, answers, "Z")["klaar"].any()


def test_blind_access_locks_a_second_coder_until_the_question_is_coded() -> None:
    answers = pd.DataFrame({"respondent_id": ["R1", "R2", "R1", "R2"], "vraag_nr": [1, 1, 2, 2]})
    codes = _codes([("R1", 1, "A", "positief"), ("R2", 1, "A", "negatief"), ("R1", 2, "A", "positief"),
                    ("R2", 2, "A", "positief"), ("R1", 1, "B", "positief"), ("R2", 1, "B", "neutraal"),
                    ("R1", 2, "B", "negatief")])
    on_2 = blind_access(codes, answers, "B", "A", 2)
    assert (on_2.second_coder, on_2.done, on_2.locked, on_2.coded, on_2.total) == (True, {1}, True, 1, 2)
    on_1 = blind_access(codes, answers, "B", "A", 1)
    assert (on_1.locked, on_1.coded, on_1.total) == (False, 2, 2)
    assert on_1.restricts(blind=False) and not on_1.restricts(blind=True)
    for coder in ("A", ""):  # the primary coder and a reader without a name are never held blind
        access = blind_access(codes, answers, coder, "A", 2)
        assert (access.second_coder, access.locked, access.done) == (False, False, frozenset())
        assert not access.restricts(blind=False)


def test_coding_view_shows_a_second_coder_only_the_questions_they_finished() -> None:
    frame = pd.DataFrame({"vraag_nr": [1, 2, 2, 3]})
    view = CodingView(frame, frame, frame, frame, frame, frame)
    access = BlindAccess(second_coder=True, done=frozenset({2, 3}), locked=False, coded=0, total=0)
    shown = view.visible(access, blind=False)
    assert all(f["vraag_nr"].tolist() == [2, 2, 3] for f in vars(shown).values())
    assert view.visible(access, blind=True) is view
    assert view.only([1]).answers["vraag_nr"].tolist() == [1]


def test_settle_queue_counts_open_items_and_moves_on_to_the_next_unsettled() -> None:
    diff = pd.DataFrame({"respondent_id": ["R1", "R2", "R3", "R4"], "vraag_nr": [1, 1, 2, 2],
                         "vastgesteld": ["", "neutraal", "", ""]})
    queue = settle_queue(diff)
    assert queue.items == [("R1", 1), ("R2", 1), ("R3", 2), ("R4", 2)]
    assert queue.unsettled == [("R1", 1), ("R3", 2), ("R4", 2)] and queue.open == 3
    assert queue.choose(None) == ("R1", 1) and queue.choose(("R2", 1)) == ("R2", 1)
    assert queue.next_after(("R1", 1)) == ("R3", 2)
    assert queue.next_after(("R4", 2)) == ("R1", 1)  # the last one: back to the first other unsettled
    assert queue.next_after(("R2", 1)) == ("R1", 1)  # re-settling a settled answer: the first unsettled
    done = settle_queue(diff.assign(vastgesteld="positief"))
    assert done.open == 0 and done.choose(("X", 9)) == ("R1", 1) and done.next_after(("R2", 1)) == ("R3", 2)
    single = settle_queue(diff.iloc[:1])
    assert single.next_after(("R1", 1)) is None
