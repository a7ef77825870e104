"""The interview demo workbook: contract layout, the report's facts (§4.1, §6.2.1) and loading it."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import printed_figures
from codering.werkwijze import effective_codes
from etl.contract import INTERVIEWS
from etl.demo.interviews import write_interviews
from metrics.codering import result_table
from metrics.interviews import code_counts, interview_codes, interview_questions, primary_coder
from settings import REFERENCE_DIR
from tests.testwarehouse import load_folder

PUBLISHED = printed_figures.HAM_6_2_1  # HAM/KIT evaluation §6.2.1: (positief, negatief, neutraal) per question


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = write_interviews(tmp_path_factory.mktemp("raw"), random.Random(42), reference_dir=REFERENCE_DIR)
    assert len(paths) == 1
    return paths[0]


def _sheets(path: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)


def test_path_and_contract_columns(workbook: Path) -> None:
    assert workbook.as_posix().endswith("kit-pilot/evaluatie_interviews.xlsx")
    sheets = _sheets(workbook)
    for sheet in INTERVIEWS.sheets:
        assert list(sheets[sheet.name].columns) == [c.name for c in sheet.columns]
    notes = " ".join(sheets["Toelichting"]["Toelichting"])
    assert "SYNTHETISCHE DEMODATA" in notes and "niet gevraagd" in notes and "R11" in notes


def test_coded_counts_are_the_published_ones(workbook: Path) -> None:
    answers = _sheets(workbook)["Antwoorden"]
    assert set(answers["codeur"]) == {"Evaluator (2020)"}
    counts = answers.groupby(["vraag_nr", "code"]).size().unstack(fill_value=0)
    got = {int(q): (int(r["positief"]), int(r["negatief"]), int(r["neutraal"])) for q, r in counts.iterrows()}
    assert got == PUBLISHED
    assert counts["niet gevraagd"].tolist() == [1] * 12
    not_asked = answers[answers["code"] == "niet gevraagd"]
    assert set(not_asked["respondent_id"]) == {"R11"} and set(not_asked["antwoord"]) == {""}
    assert (answers[answers["code"] != "niet gevraagd"]["antwoord"] != "").all()


def test_respondents_follow_section_4_1(workbook: Path) -> None:
    sheets = _sheets(workbook)
    resp = sheets["Respondenten"]
    assert len(resp) == 37 and resp["respondent_id"].is_unique
    interviewed = resp[resp["geinterviewd"] == "ja"]
    assert len(interviewed) == 21
    assert (resp["geinterviewd"] == "nee").sum() == 16
    represented = set(interviewed["organisatie"])
    assert represented == {"GEMEENTE", "UWV", "ISZW", "SVB", "BD-BELASTINGEN", "BD-TOESLAGEN", "AVIM"}
    assert "POLITIE" in set(resp["organisatie"]) and "POLITIE" not in represented
    municipal = resp[resp["organisatie"] == "GEMEENTE"]
    assert (municipal["gemeente"] != "").all() and (resp[resp["organisatie"] != "GEMEENTE"]["gemeente"] == "").all()
    assert set(interviewed[interviewed["organisatie"].str.startswith("BD-")]["mee_op_controleavond"]) == {"nee"}
    assert set(sheets["Respondenten"]["naam"].str.endswith("(fictief)")) == {True}
    answered = set(sheets["Antwoorden"]["respondent_id"])
    assert answered == set(interviewed["respondent_id"])


def test_answers_fit_the_reports_explanations(workbook: Path) -> None:
    sheets = _sheets(workbook)
    answers = sheets["Antwoorden"].merge(sheets["Respondenten"], on="respondent_id")
    q = {nr: answers[answers["vraag_nr"] == str(nr)] for nr in PUBLISHED}
    # question 7: the neutral answers are exactly the interviewed respondents who never joined an evening
    never = set(answers[(answers["mee_op_controleavond"] == "nee") & (answers["code"] != "niet gevraagd")]
                ["respondent_id"])
    assert len(never) == 5
    assert set(q[7][q[7]["code"] == "neutraal"]["respondent_id"]) == never
    assert q[8][q[8]["code"] == "neutraal"]["antwoord"].str.lower().str.contains("geen idee").all()
    assert q[10][q[10]["code"] == "neutraal"]["antwoord"].str.contains("nooit feedback").all()
    assert q[11][q[11]["code"] == "negatief"]["antwoord"].str.startswith("Krijgen we niks van terug").all()
    assert q[11][q[11]["code"] == "positief"]["antwoord"].str.contains("handhaving").all()
    assert q[1][q[1]["code"] == "negatief"]["antwoord"].str.contains("ondermijning").all()


def test_deterministic_for_the_same_seed(tmp_path: Path) -> None:
    a = _sheets(write_interviews(tmp_path / "a", random.Random(7), reference_dir=REFERENCE_DIR)[0])
    b = _sheets(write_interviews(tmp_path / "b", random.Random(7), reference_dir=REFERENCE_DIR)[0])
    c = _sheets(write_interviews(tmp_path / "c", random.Random(8), reference_dir=REFERENCE_DIR)[0])
    assert all(a[name].equals(b[name]) for name in a)
    assert not a["Antwoorden"].equals(c["Antwoorden"])


def test_loader_accepts_it_and_the_metrics_give_the_published_counts(workbook: Path, tmp_path: Path) -> None:
    raw_dir = workbook.parents[1]
    warehouse = tmp_path / "kit.duckdb"
    report = load_folder(raw_dir, warehouse, tmp_path / "test.key")
    assert [(f.bestand, f.status, len(f.problems)) for f in report.files] == [
        ("kit-pilot/evaluatie_interviews.xlsx", "geladen", 0)
    ]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM stg_respondenten WHERE geinterviewd = 'ja'").fetchone()[0] == 21
        counts = code_counts(con)
        questions, delivered = interview_questions(con), interview_codes(con)
        primary = primary_coder(con)
    finally:
        con.close()
    assert primary == "Evaluator (2020)"  # named on the Codeurs sheet of the workbook
    got = {int(r.vraag_nr): (r.positief, r.negatief, r.neutraal) for r in counts.itertuples()}
    assert got == PUBLISHED
    settled = pd.DataFrame(columns=["respondent_id", "vraag_nr", "code", "besloten_door", "besloten_op",
                                    "toelichting"])
    result = result_table(effective_codes(delivered, settled, primary), questions)
    assert {int(r.vraag_nr): (r.positief, r.negatief, r.neutraal) for r in result.itertuples()} == PUBLISHED
    assert result["n"].tolist() == [20] * 12


def test_a_workbook_without_the_codeurs_sheet_is_refused_with_a_dutch_message(workbook: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    raw_dir = tmp_path / "raw"
    target = raw_dir / workbook.relative_to(workbook.parents[1])
    target.parent.mkdir(parents=True)
    book = load_workbook(workbook)
    del book["Codeurs"]
    book.save(target)
    report = load_folder(raw_dir, tmp_path / "kit.duckdb", tmp_path / "test.key")
    [result] = report.files
    assert result.status == "afgewezen"
    assert [p.regel for p in result.problems] == ["blad_ontbreekt"]
    assert "blad 'Codeurs' ontbreekt" in result.problems[0].melding
