"""The coding store: codes with an audit trail, memos, settled codes, concurrency, persistence, backup."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from codering.store import VRAAG_MEMO, CodeError, CodingStore


@pytest.fixture
def store(tmp_path: Path) -> CodingStore:
    return CodingStore(tmp_path / "codering" / "codering.sqlite")


def test_set_code_records_previous_code_coder_and_time(store: CodingStore) -> None:
    assert store.set_code("R01", 4, "Anna", "positief") is None
    assert store.set_code("R01", 4, "Anna", "negatief") == "positief"
    current = store.codes()
    assert current[["respondent_id", "vraag_nr", "codeur", "code"]].values.tolist() == [["R01", 4, "Anna", "negatief"]]
    history = store.history(respondent_id="R01", vraag_nr=4)
    assert history[["codeur", "code", "vorige_code"]].values.tolist() == [
        ["Anna", "positief", None],
        ["Anna", "negatief", "positief"],
    ]
    assert history["gezet_op"].iloc[0] <= history["gezet_op"].iloc[1]
    assert history["gezet_op"].iloc[1].endswith("+00:00")


def test_baseline_is_the_previous_code_of_the_first_change_and_same_code_is_no_change(store: CodingStore) -> None:
    assert store.set_code("R02", 1, "Evaluator (2020)", "neutraal", baseline="positief") == "positief"
    assert store.set_code("R02", 1, "Evaluator (2020)", "neutraal") == "neutraal"
    history = store.history()
    assert history[["code", "vorige_code"]].values.tolist() == [["neutraal", "positief"]]


def test_unknown_code_or_empty_coder_is_refused(store: CodingStore) -> None:
    with pytest.raises(CodeError):
        store.set_code("R01", 1, "Anna", "misschien")
    with pytest.raises(CodeError):
        store.set_code("R01", 1, "  ", "positief")
    assert store.codes().empty


def test_history_is_append_only(store: CodingStore) -> None:
    store.set_code("R01", 1, "Anna", "positief")
    con = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("UPDATE code_historie SET code = 'negatief'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM code_historie")
    finally:
        con.close()
    assert len(store.history()) == 1


def test_memos_per_answer_and_per_question_with_history(store: CodingStore) -> None:
    store.set_memo(7, "Anna", "Nooit mee geweest, dus neutraal.", respondent_id="R12")
    store.set_memo(7, "Anna", "Definitie vraag 7 bespreken.")
    store.set_memo(7, "Anna", "Definitie vraag 7 besproken op 3 maart.")
    memos = store.memos()
    assert memos[["respondent_id", "vraag_nr", "auteur", "tekst"]].values.tolist() == [
        [VRAAG_MEMO, 7, "Anna", "Definitie vraag 7 besproken op 3 maart."],
        ["R12", 7, "Anna", "Nooit mee geweest, dus neutraal."],
    ]
    assert len(store.memo_history()) == 3


def test_latest_settlement_is_in_force_and_all_are_kept(store: CodingStore) -> None:
    store.settle("R03", 5, "negatief", "Anna", "volgens codeboek")
    store.settle("R03", 5, "neutraal", "Bert", "na overleg")
    settled = store.settled()
    assert settled[["respondent_id", "vraag_nr", "code", "besloten_door", "toelichting"]].values.tolist() == [
        ["R03", 5, "neutraal", "Bert", "na overleg"]
    ]
    assert store.settlement_history()["code"].tolist() == ["negatief", "neutraal"]


def test_store_survives_a_restart(store: CodingStore) -> None:
    store.set_code("R01", 2, "Anna", "positief")
    store.set_memo(2, "Anna", "memo")
    reopened = CodingStore(Path(str(store.path)))
    assert reopened.codes()["code"].tolist() == ["positief"]
    assert reopened.memos()["tekst"].tolist() == ["memo"]
    assert sqlite3.connect(reopened.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _write_many(path: str, coder: str, count: int) -> None:
    """Worker: one coder codes `count` answers of question 1, then recodes all of them (two writes each)."""
    s = CodingStore(Path(path))
    barrier_free = [f"R{i:03d}" for i in range(count)]
    for rid in barrier_free:
        s.set_code(rid, 1, coder, "positief")
    for rid in barrier_free:
        s.set_code(rid, 1, coder, "negatief")
        s.set_memo(1, coder, f"memo {rid}", respondent_id=rid)


def test_two_coders_saving_at_the_same_moment_lose_nothing_threads(store: CodingStore) -> None:
    start = threading.Barrier(4)

    def work(coder: str) -> None:
        start.wait()
        _write_many(str(store.path), coder, 30)

    threads = [threading.Thread(target=work, args=(f"Codeur {i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = store.codes()
    assert len(codes) == 4 * 30
    assert set(codes["code"]) == {"negatief"}
    assert len(store.history()) == 4 * 30 * 2
    assert len(store.memos()) == 4 * 30


def test_two_coders_saving_at_the_same_moment_lose_nothing_processes(store: CodingStore) -> None:
    store.codes()  # create the schema first, as the page does on its first read
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_many, args=(str(store.path), f"Proces {i}", 25)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert len(store.codes()) == 3 * 25
    assert len(store.history()) == 3 * 25 * 2


def test_same_answer_same_coder_concurrently_keeps_every_change_in_history(store: CodingStore) -> None:
    start = threading.Barrier(5)
    errors: list[BaseException] = []

    def work(code: str) -> None:
        start.wait()
        try:
            for _ in range(10):
                store.set_code("R01", 3, "Anna", code)
                store.set_code("R01", 3, "Anna", "neutraal")
        except BaseException as exc:  # a change that did not land is a lost change: the test must see it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in ("positief", "negatief", "positief", "negatief",
                                                                   "niet gevraagd")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    history = store.history()
    # every change is recorded with the code it replaced: the chain of previous codes is unbroken
    assert history["vorige_code"].iloc[1:].tolist() == history["code"].iloc[:-1].tolist()
    assert store.codes()["code"].iloc[0] == history["code"].iloc[-1]


def test_backup_copies_everything_and_is_a_valid_store(store: CodingStore, tmp_path: Path) -> None:
    store.set_code("R01", 1, "Anna", "positief")
    store.set_memo(1, "Anna", "memo")
    store.settle("R01", 1, "positief", "Anna")
    target = store.backup_to_folder(tmp_path / "backups")
    assert target.parent == tmp_path / "backups" and target.name.startswith("codering-")
    copy = CodingStore(target)
    assert copy.codes()["code"].tolist() == ["positief"]
    assert copy.memos()["tekst"].tolist() == ["memo"]
    assert copy.settled()["code"].tolist() == ["positief"]
    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_audit_trail_of_a_question_has_codes_memos_and_decisions_with_the_previous_value(store: CodingStore) -> None:
    store.set_code("R01", 2, "Anna", "neutraal", baseline="positief")
    store.set_code("R01", 2, "Anna", "negatief")
    store.set_code("R01", 2, "Bert", "positief")
    store.set_memo(2, "Anna", "eerst", respondent_id="R01")
    store.set_memo(2, "Anna", "daarna", respondent_id="R01")
    store.set_memo(2, "Anna", "vraagmemo")
    store.settle("R01", 2, "negatief", "Bert", "volgens codeboek")
    store.settle("R01", 2, "neutraal", "Anna", "na overleg")
    store.set_code("R01", 3, "Anna", "positief")  # another question: not in the trail of question 2
    trail = store.audit_trail(2)
    assert trail[["respondent_id", "soort", "door", "waarde", "vorige", "toelichting"]].values.tolist() == [
        ["", "memo", "Anna", "vraagmemo", None, ""],
        ["R01", "code", "Anna", "neutraal", "positief", ""],
        ["R01", "code", "Anna", "negatief", "neutraal", ""],
        ["R01", "code", "Bert", "positief", None, ""],
        ["R01", "memo", "Anna", "eerst", None, ""],
        ["R01", "memo", "Anna", "daarna", "eerst", ""],
        ["R01", "vaststelling", "Bert", "negatief", None, "volgens codeboek"],
        ["R01", "vaststelling", "Anna", "neutraal", "negatief", "na overleg"],
    ]
    assert trail["op"].str.endswith("+00:00").all()
    own = store.audit_trail(2, codeur="Bert")  # a blind coder sees only their own changes
    assert own[["soort", "waarde"]].values.tolist() == [["code", "positief"], ["vaststelling", "negatief"]]
    assert store.audit_trail(7).empty
    assert store.memo_history(respondent_id="R01", vraag_nr=2)["tekst"].tolist() == ["eerst", "daarna"]
    assert store.settlement_history(vraag_nr=3).empty
