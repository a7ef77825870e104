"""Small-count suppression on the pages: burgemeester and stuurgroep see "<5" for small person counts, with a note
saying why; evaluators see the count itself (small synthetic warehouse of tests/testwarehouse.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.login import login
from ui.filters import GEMEENTE_KEY, TEAM_KEY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def _deurne(at: AppTest) -> AppTest:
    at.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()
    return at.multiselect(key=GEMEENTE_KEY).set_value(["GM0762"]).run()  # Deurne: one visit, 3 persons


@pytest.mark.parametrize("role", ["burgemeester", "stuurgroep"])
def test_small_person_count_is_hidden_and_the_page_says_why(app: AppTest, role: str) -> None:
    at = _deurne(login(app, role))
    assert not at.exception
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Aangetroffen personen"] == "<5" and tiles["Bezochte objecten"] == "1"  # objects are no persons
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def test_evaluator_sees_the_count(app: AppTest) -> None:
    at = _deurne(login(app, "evaluator"))
    assert {m.label: m.value for m in at.metric}["Aangetroffen personen"] == "3"
    assert not any("worden niet getoond" in c.value for c in at.caption)


def test_threshold_is_a_setting(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_SMALL_COUNT", "3")
    at = _deurne(login(app, "stuurgroep"))
    assert {m.label: m.value for m in at.metric}["Aangetroffen personen"] == "3"  # 3 is not below 3


@pytest.mark.parametrize(("gemeente", "rows"), [("Bladel", ["Bladel", "Bladel"]), ("Eersel", [])])
def test_mayor_sees_operational_lists_only_for_their_own_municipality(
    opvolgingwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gemeente: str, rows: list[str]
) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(opvolgingwarehouse))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "burgemeester", gemeente)
    at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot"]).run()
    at.switch_page("pages/opvolging.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"alleen voor uw eigen gemeente ({gemeente})" in c.value for c in at.caption)
    overdue = [df.value for df in at.dataframe if "dagen_over_deadline" in df.value.columns]
    assert [list(df["gemeente"]) for df in overdue] == ([rows] if rows else [])
    if not rows:
        assert any("Geen openstaande opvolgingsstappen over de deadline" in i.value for i in at.info)
