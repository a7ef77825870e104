"""codering.werkwijze: combining codes, the code that counts, blind coding, settling, and the writes to the store."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import printed_figures
from codering.store import CodingStore
from codering.werkwijze import (
    BLIND_FOR_KEY,
    BLIND_KEY,
    BlindAccess,
    CodingView,
    blind_access,
    coded_answers_table,
    coder_progress,
    combine_codes,
    disagreements,
    effective_codes,
    effective_summary,
    gather,
    keep_blind,
    may_write,
    save_code,
    save_memo,
    settle,
    settle_queue,
)
from metrics.codering import pairs_of_coders, reliability, result_table, wilson_interval
from metrics.interviews import interview_answers, interview_codes, interview_questions, interview_teams, primary_coder
from tests.codering.helpers import CODES_3, build_interview_warehouse
from tests.codering.helpers import codes_frame as _codes

PUBLISHED = printed_figures.HAM_6_2_1  # HAM/KIT evaluation §6.2.1: (positief, negatief, neutraal) per question
SETTLED_COLUMNS = ["respondent_id", "vraag_nr", "code", "besloten_door", "besloten_op", "toelichting"]


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
        primary = primary_coder(con)
    finally:
        con.close()
    assert teams.values.tolist() == [["KIT-pilot", 21 * 12 + 2]]
    assert len(questions) == 12 and len(answers) == 21 * 12
    assert set(answers.columns) >= {"organisatie", "rol", "gemeente", "antwoord"}
    assert "naam" not in " ".join(answers.columns)
    assert primary == "Evaluator (2020)"  # named on the Codeurs sheet
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


# ------------------------------------------------------------------ one coder's session
def test_keep_blind_defaults_per_coder_and_stays_on_while_locked() -> None:
    free = BlindAccess(second_coder=True, done=frozenset({1}), locked=False, coded=2, total=2)
    session: dict[str, object] = {}
    keep_blind(session, "B", free)
    assert session == {BLIND_KEY: True, BLIND_FOR_KEY: "B"}  # a second coder starts blind
    session[BLIND_KEY] = False  # switched off by the coder: kept on the next run
    keep_blind(session, "B", free)
    assert session[BLIND_KEY] is False
    keep_blind(session, "B", BlindAccess(second_coder=True, done=frozenset(), locked=True, coded=0, total=2))
    assert session[BLIND_KEY] is True  # an unfinished question forces it on
    reader = BlindAccess(second_coder=False, done=frozenset(), locked=False, coded=0, total=0)
    keep_blind(session, "A", reader)
    assert session == {BLIND_KEY: False, BLIND_FOR_KEY: "A"}  # another login: the primary coder is not blind


def test_only_a_logged_in_evaluator_writes_and_never_the_primary_coders_codes() -> None:
    assert may_write("B", "evaluator", "A") == "B"
    assert may_write("B", "evaluator", "A", codes=True) == "B"
    assert may_write("A", "evaluator", "A") == "A"  # memos and settled codes: yes
    assert may_write("A", "evaluator", "A", codes=True) is None  # the delivered codes: read-only
    assert may_write("B", "burgemeester", "A") is None and may_write(None, None, "A") is None


def test_writes_go_to_the_store_under_the_coder_and_are_audited(tmp_path: Path) -> None:
    store, log = CodingStore(tmp_path / "codering.sqlite"), []
    audit = lambda *entry: log.append(entry)  # noqa: E731
    assert save_code(store, audit, "B", "R1", 1, "negatief", "positief") == "positief"  # the baseline it replaces
    assert save_code(store, audit, "B", "R1", 1, "neutraal", "positief") == "negatief"
    save_memo(store, audit, "B", 1, "twijfel", "R1")
    queue = settle_queue(pd.DataFrame({"respondent_id": ["R1", "R2"], "vraag_nr": [1, 1], "vastgesteld": ["", ""]}))
    assert settle(store, audit, "A", ("R1", 1), "neutraal", "  eens na overleg ", queue) == ("R2", 1)
    assert store.codes()[["respondent_id", "vraag_nr", "codeur", "code"]].values.tolist() == [
        ["R1", 1, "B", "neutraal"]]
    assert store.settled()[["code", "besloten_door", "toelichting"]].values.tolist() == [
        ["neutraal", "A", "eens na overleg"]]
    assert log == [("codering", "R1 vraag 1", "code positief -> negatief"),
                   ("codering", "R1 vraag 1", "code negatief -> neutraal"),
                   ("codering", "R1 vraag 1", "memo"), ("codering", "R1 vraag 1", "vastgesteld neutraal")]


def test_gather_combines_the_store_with_the_delivered_codes(tmp_path: Path) -> None:
    store = CodingStore(tmp_path / "codering.sqlite")
    store.set_code("R2", 1, "B", "positief")
    questions = pd.DataFrame({"vraag_nr": [1], "vraag": ["Vraag"]})
    answers = pd.DataFrame({"respondent_id": ["R1", "R2"], "vraag_nr": [1, 1]})
    delivered = _codes([("R1", 1, "A", "positief"), ("R2", 1, "A", "negatief")])
    coding = gather(questions, answers, delivered, store, "A")
    assert coding.codes.values.tolist() == [["R1", 1, "A", "positief"], ["R2", 1, "A", "negatief"],
                                            ["R2", 1, "B", "positief"]]
    assert coding.effective[["code", "bron"]].values.tolist() == [["positief", "eens"],
                                                                   ["negatief", "primaire codeur"]]
    assert coding.view().codes is coding.codes
