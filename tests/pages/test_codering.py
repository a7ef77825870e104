"""pages/codering.py through streamlit's AppTest, on a warehouse and a coding store built in the test."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import printed_figures
from access.audit import AuditLog
from codering.store import CodingStore
from etl.schema import create_warehouse
from settings import load_settings
from tests.codering.helpers import REFERENCE_DIR, build_interview_warehouse
from tests.login import login
from ui.data import SETTINGS_KEY
from ui.shell import SHELL_KEY

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "codering.py")
PUBLISHED = printed_figures.HAM_6_2_1  # HAM/KIT evaluation §6.2.1: (positief, negatief, neutraal) per question
CODER = "Tweede codeur"
PRIMARY = "Evaluator (2020)"  # the primary coder of the interview workbook


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_interview_warehouse(tmp_path_factory.mktemp("wh") / "kit.duckdb")


@pytest.fixture
def store(tmp_path: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> CodingStore:
    monkeypatch.setenv("KIT_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    return CodingStore(tmp_path / "codering.sqlite")


def _run(coder: str = PRIMARY) -> AppTest:
    """The coding page, logged in as the evaluator `coder` (by default an account named after the primary coder,
    who reads the delivered coding and is not blind)."""
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[SHELL_KEY] = True  # run the page file on its own, as inside dashboard.py
    at.session_state[SETTINGS_KEY] = load_settings()  # handed in as dashboard.py does
    login(at, "evaluator", name=coder)
    assert not at.exception, at.exception
    return at


def _frame_with(at: AppTest, column: str) -> pd.DataFrame:
    frames = [df.value for df in at.dataframe if column in df.value.columns]
    assert len(frames) == 1, f"expected one table with column {column}"
    return frames[0]


def _code_of(store: CodingStore, respondent_id: str, vraag_nr: int, coder: str) -> str | None:
    codes = store.codes()
    hit = codes[(codes["respondent_id"] == respondent_id) & (codes["vraag_nr"] == vraag_nr)
                & (codes["codeur"] == coder)]
    return hit["code"].iloc[0] if len(hit) else None


def _primary_code(warehouse: Path, respondent_id: str, vraag_nr: int) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT code FROM stg_antwoorden WHERE respondent_id = ? AND vraag_nr = ?",
                           [respondent_id, vraag_nr]).fetchone()[0]
    finally:
        con.close()


def test_result_tab_shows_the_published_counts(store: CodingStore) -> None:
    at = _run()
    result = _frame_with(at, "Oordeel").set_index("Vraag")
    got = {int(q): (r["Positief"], r["Negatief"], r["Neutraal"]) for q, r in result.iterrows()}
    assert got == PUBLISHED
    assert result["n"].tolist() == [20] * 12 and result["Niet gevraagd"].tolist() == [1] * 12
    assert result.loc[4, "Oordeel"] == "overwegend negatief"
    assert list(result.columns[:2]) == ["Vraagtekst", "Oordeel"]  # the label right after the question text
    assert result.loc[4, "Negatief (95%-BI)"] == "75% (53–89%)"
    assert result.loc[1, "Positief (95%-BI)"] == "70% (48–85%)"
    assert result.loc[4, "p tekentoets"] == "0,008"
    assert result.loc[2, "p tekentoets"] == "< 0,001"
    assert any("tekentoets" in m.value and "60%" in m.value for m in at.markdown)  # the rule is on the page
    assert [t.label for t in at.tabs] == ["Coderen", "Betrouwbaarheid", "Verschillen", "Resultaat", "Export"]
    assert any("twee codeurs" in i.value for i in at.info)  # one coder: no reliability yet


def test_question_shows_definition_codebook_and_answers_with_organisation(store: CodingStore) -> None:
    at = _run()
    texts = " ".join(m.value for m in at.markdown)
    assert "plint tot kelder" in texts and "**Positief**" in texts
    # 14 municipal respondents, only 2 of them jurists (threshold 5): organisation only, no role, no municipality
    assert "**R12 · Gemeente (toezicht en handhaving)**" in texts
    assert "juridisch" not in texts and "Bladel" not in texts
    assert "**R01 · Gemeente (toezicht en handhaving) · toezichthouder**" in texts  # 8 supervisors: role shown
    assert "Deelnemer" not in texts  # no names


def test_coding_saves_at_once_with_previous_code_and_memos(store: CodingStore) -> None:
    at = _run(CODER)
    assert not at.text_input(key=f"memo_R01_1_{CODER}").disabled  # the coder is the logged-in user: no name field
    assert not [t for t in at.text_input if t.label == "Uw naam als codeur"]
    assert len(at.radio) == 21  # one per interviewed respondent (R11's answer was not recorded, still codable)
    at.radio(key=f"code_R01_1_{CODER}").set_value("negatief").run()
    at.radio(key=f"code_R01_1_{CODER}").set_value("neutraal").run()
    at.text_input(key=f"memo_R01_1_{CODER}").input("twijfel tussen negatief en neutraal").run()
    at.text_area(key=f"memo_vraag_1_{CODER}").input("codeboek vraag 1 aanscherpen").run()
    assert not at.exception
    assert _code_of(store, "R01", 1, CODER) == "neutraal"
    assert store.history()[["codeur", "code", "vorige_code"]].values.tolist() == [
        [CODER, "negatief", None], [CODER, "neutraal", "negatief"]]
    assert store.memos()[["respondent_id", "tekst"]].values.tolist() == [
        ["", "codeboek vraag 1 aanscherpen"], ["R01", "twijfel tussen negatief en neutraal"]]
    history = [e for e in at.expander if e.label == "Geschiedenis (3)"]  # R01: two codes and a memo
    assert len(history) == 1
    changes = [df.value for df in history[0].dataframe][0]
    assert changes[["Wat", "Door", "Nieuw", "Vorige"]].values.tolist() == [
        ["code", CODER, "negatief", ""], ["code", CODER, "neutraal", "negatief"],
        ["memo", CODER, "twijfel tussen negatief en neutraal", ""]]
    assert changes["Op (UTC)"].str.endswith("+00:00").all()
    reloaded = _run(CODER)  # a new session reads the saved code back
    assert reloaded.radio(key=f"code_R01_1_{CODER}").value == "neutraal"


def test_delivered_coding_is_read_only_even_under_its_name(store: CodingStore, warehouse: Path) -> None:
    at = _run(PRIMARY)  # an account with the primary coder's name
    at.selectbox(key="codering_vraag").set_value(3).run()
    assert len(at.radio) == 0 and not any(k.startswith("code_") for k in at.session_state.filtered_state)
    assert any("alleen te lezen" in i.value for i in at.info)
    assert store.history().empty


def test_forged_coder_name_is_impossible(store: CodingStore) -> None:
    """A widget key carrying another coder's name writes nothing under that name: the callback takes the coder
    from the login, and the primary coder's codes cannot be written at all."""
    at = _run(CODER)
    at.radio(key=f"code_R01_1_{CODER}").set_value("negatief").run()
    at.session_state["codering_codeur"] = PRIMARY  # the old name field, forged
    at.run()
    at.radio(key=f"code_R02_1_{CODER}").set_value("neutraal").run()
    assert set(store.codes()["codeur"]) == {CODER}
    events = AuditLog(load_settings().audit_log_path).entries()
    coding = events[events["gebeurtenis"] == "codering"]
    assert coding[["wie", "onderwerp"]].values.tolist() == [[CODER, "R02 vraag 1"], [CODER, "R01 vraag 1"]]


def _respondents(warehouse: Path, vraag_nr: int) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("SELECT DISTINCT respondent_id FROM stg_antwoorden WHERE vraag_nr = ? ORDER BY 1",
                           [vraag_nr]).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def _shows_primary_codes(at: AppTest) -> bool:
    return any("Evaluator (2020):" in c.value for c in at.caption)


def test_second_coder_is_blind_until_the_question_is_coded(store: CodingStore, warehouse: Path) -> None:
    store.set_code("R05", 2, CODER, "neutraal")
    at = _run(CODER)
    at.selectbox(key="codering_vraag").set_value(2).run()
    toggle = at.toggle(key="codering_blind")
    assert toggle.value is True and toggle.disabled  # blind by default, cannot be switched off yet
    assert not _shows_primary_codes(at)
    assert any("1 van 21" in c.value for c in at.caption)
    assert not [df for df in at.dataframe if "Oordeel" in df.value.columns or "Vastgesteld" in df.value.columns]
    assert sum("Blind coderen staat aan tot u alle antwoorden van vraag 2" in i.value for i in at.info) == 4

    for rid in _respondents(warehouse, 2):  # code every answer of question 2
        if rid != "R05":
            at.radio(key=f"code_{rid}_2_{CODER}").set_value(_primary_code(warehouse, rid, 2)).run()
    toggle = at.toggle(key="codering_blind")
    assert toggle.value is True and not toggle.disabled  # still blind, but now it may be switched off
    assert not _shows_primary_codes(at)
    at.toggle(key="codering_blind").set_value(False).run()
    assert any("Evaluator (2020): positief" in c.value for c in at.caption)
    result = _frame_with(at, "Oordeel")  # only the question this coder finished, with the difference unsettled
    assert result["Vraag"].tolist() == [2] and result["Positief"].tolist() == [20]
    diff = _frame_with(at, "Vastgesteld")
    assert diff[["Respondent", "Vraag", "Evaluator (2020)", CODER]].values.tolist() == [
        ["R05", 2, "positief", "neutraal"]]

    at.selectbox(key="codering_vraag").set_value(3).run()  # an uncoded question: blind again, locked
    assert at.toggle(key="codering_blind").value is True and at.toggle(key="codering_blind").disabled
    assert not _shows_primary_codes(at)


def test_primary_coder_and_readers_are_not_blind(store: CodingStore) -> None:
    store.set_code("R05", 2, CODER, "neutraal")
    at = _run(PRIMARY)
    assert at.toggle(key="codering_blind").value is False
    at.selectbox(key="codering_vraag").set_value(2).run()
    assert at.toggle(key="codering_blind").value is False and not at.toggle(key="codering_blind").disabled
    assert any(f"{CODER}: neutraal" in c.value for c in at.caption)
    at.toggle(key="codering_blind").set_value(True).run()  # the primary coder may still choose to be blind
    assert not any(f"{CODER}:" in c.value for c in at.caption)


def test_settling_needs_a_choice_moves_on_and_keeps_the_reason(store: CodingStore) -> None:
    store.set_code("R05", 2, CODER, "neutraal")
    store.set_code("R07", 2, CODER, "negatief")
    at = _run(PRIMARY)
    assert at.selectbox(key="verschil").value == ("R05", 2)
    form_radio = [r for r in at.radio if r.label == "Geldende code"][0]
    assert form_radio.value is None  # no code chosen in advance
    [b for b in at.button if b.label == "Code vaststellen"][0].click().run()
    assert store.settled().empty and any("Kies eerst de geldende code" in e.value for e in at.error)

    [r for r in at.radio if r.label == "Geldende code"][0].set_value("neutraal")
    [t for t in at.text_input if t.label.startswith("Toelichting")][0].input("twijfel in het antwoord")
    [b for b in at.button if b.label == "Code vaststellen"][0].click().run()
    assert not at.exception
    assert store.settled()[["respondent_id", "vraag_nr", "code", "besloten_door", "toelichting"]].values.tolist() == [
        ["R05", 2, "neutraal", "Evaluator (2020)", "twijfel in het antwoord"]]
    assert at.selectbox(key="verschil").value == ("R07", 2)  # on to the next unsettled answer
    assert [r for r in at.radio if r.label == "Geldende code"][0].value is None
    diff = _frame_with(at, "Vastgesteld").set_index("Respondent")
    assert diff.loc["R05", ["Vastgesteld", "Toelichting"]].tolist() == ["neutraal", "twijfel in het antwoord"]
    assert diff.loc["R07", ["Vastgesteld", "Toelichting"]].tolist() == ["", ""]
    result = _frame_with(at, "Oordeel").set_index("Vraag")
    assert result.loc[2, ["Positief", "Negatief", "Neutraal"]].tolist() == [19, 0, 1]
    export = _frame_with(at, "Toelichting vaststelling")  # the Dutch headers of the Excel sheet, with the reason
    assert list(export.columns[:4]) == ["Vraag", "Respondent", "Respondent uit", "Antwoord"]  # no role/municipality
    assert "vraag_nr" not in export.columns and "code" not in export.columns
    row = export[(export["Respondent"] == "R05") & (export["Vraag"] == 2)].iloc[0]
    assert (row["Code (geldend)"], row["Toelichting vaststelling"]) == ("neutraal", "twijfel in het antwoord")


def test_reliability_numbers_are_dutch(store: CodingStore, warehouse: Path) -> None:
    store.set_code("R05", 2, CODER, "neutraal")
    store.set_code("R01", 1, CODER, _primary_code(warehouse, "R01", 1))
    at = _run()
    rel = _frame_with(at, "Cohens kappa").set_index("Onderdeel")
    assert rel.loc["Vraag 2", "Dubbel gecodeerd"] == 1
    assert rel.loc["Vraag 2", "Overeenstemming"] == "0,0%" and rel.loc["Vraag 1", "Overeenstemming"] == "100,0%"
    assert rel.loc["Totaal", "Overeenstemming"] == "50,0%"
    kappa = rel.loc["Totaal", "Cohens kappa"]
    assert "," in kappa and "." not in kappa and len(kappa.split(",")[1]) == 3


def test_empty_warehouse_shows_a_dutch_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "leeg.duckdb"
    con = duckdb.connect(str(empty))
    create_warehouse(con, REFERENCE_DIR)
    con.close()
    monkeypatch.setenv("KIT_WAREHOUSE", str(empty))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    at = _run()
    assert any("nog geen interviews geladen" in i.value for i in at.info)


def test_a_workbook_without_a_primary_coder_gets_a_dutch_warning(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = build_interview_warehouse(tmp_path / "kit.duckdb")
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE stg_codeurs SET primair = 'nee'")
    con.close()
    monkeypatch.setenv("KIT_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    at = _run(CODER)
    assert any(w.value.startswith("De interviewwerkmap van KIT-pilot noemt geen primaire codeur.") for w in at.warning)
    assert not [c for c in at.caption if c.value.startswith("Primaire codeur")]
