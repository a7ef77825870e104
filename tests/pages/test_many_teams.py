"""More teams in the selection than fit side by side (settings.teams_side_by_side): a page asks which to draw,
draws only those, and never adds teams up or falls back to all of them in one column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.login import login, role_for
from ui.filters import TEAM_KEY

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["pages/overzicht.py", "pages/overtredingen.py", "pages/partners.py", "pages/opvolging.py",
         "pages/terugkoppeling.py"]


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    monkeypatch.setenv("KIT_TEAMS_SIDE_BY_SIDE", "2")  # the test warehouse has three teams
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    return at


def _all_teams(at: AppTest, role: str, page: str) -> AppTest:
    login(at, role)
    at.multiselect(key=TEAM_KEY).set_value([]).run()  # none chosen: every team with data (PIT, pilot, KIT)
    return at.switch_page(page).run()


def _picker(at: AppTest, page: str):  # noqa: ANN202 - AppTest element
    return at.multiselect(key=f"{page.removeprefix('pages/').removesuffix('.py')}_teams")


@pytest.mark.parametrize("page", PAGES)
def test_all_three_teams_ask_which_two_and_draw_the_latest_two(app: AppTest, page: str) -> None:
    at = _all_teams(app, role_for(page), page)
    assert not at.exception, [e.value for e in at.exception]
    picker = _picker(at, page)
    assert picker.label == "Teams naast elkaar (hoogstens 2 van de 3 in de keuze)"
    assert picker.value == ["KIT-pilot", "KIT"]
    assert picker.options == ["PIT", "KIT pilot", "KIT"]
    assert {m.value for m in at.markdown if m.value in ("**PIT**", "**KIT pilot**", "**KIT**")} in (
        set(), {"**KIT pilot**", "**KIT**"})  # team names above the columns (Overzicht uses subheaders)
    assert "PIT" not in [s.value for s in at.subheader]


def test_a_chosen_team_replaces_a_default_one(app: AppTest) -> None:
    at = _all_teams(app, "stuurgroep", "pages/overzicht.py")
    assert [s.value for s in at.subheader][:2] == ["KIT pilot", "KIT"]
    _picker(at, "pages/overzicht.py").set_value(["PIT", "KIT-pilot"]).run()
    assert [s.value for s in at.subheader][:2] == ["PIT", "KIT pilot"]  # in time order
    assert [m.value for m in at.metric if m.label == "Controleavonden"] == ["2", "3"]  # never added up
    titels = [t for c in at.get("plotly_chart") for t in re.findall(r'"title":\{"text":"([^"]*)"', c.proto.spec)]
    assert sorted(t.split(":")[0] for t in titels if "controleavonden" in t) == ["KIT pilot", "PIT"]  # not KIT
    trend = next(c.proto.spec for c in at.get("plotly_chart") if "per maand" in c.proto.spec)
    assert '"name":"KIT pilot"' in trend and '"name":"KIT"' not in trend


@pytest.mark.parametrize("page", ["pages/partners.py", "pages/opvolging.py"])
def test_one_chosen_team_of_many_is_that_team_alone(app: AppTest, page: str) -> None:
    at = _all_teams(app, role_for(page), page)
    _picker(at, page).set_value(["PIT"]).run()
    assert not at.exception, [e.value for e in at.exception]
    gekozen = [c.proto.spec for c in at.get("plotly_chart")]
    at.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()  # the same team chosen in the sidebar
    assert gekozen == [c.proto.spec for c in at.get("plotly_chart")]
    assert f"{page.removeprefix('pages/').removesuffix('.py')}_teams" not in [m.key for m in at.multiselect]


def test_nothing_chosen_draws_the_default_teams_and_says_so(app: AppTest) -> None:
    at = _all_teams(app, role_for("pages/opvolging.py"), "pages/opvolging.py")
    _picker(at, "pages/opvolging.py").set_value([]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(c.value == "Geen team gekozen: de pagina toont de laatste 2 teams." for c in at.caption)
    assert {m.value for m in at.markdown if m.value in ("**PIT**", "**KIT pilot**", "**KIT**")} == {
        "**KIT pilot**", "**KIT**"}


def test_no_choice_when_the_teams_fit(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at = _all_teams(at, "stuurgroep", "pages/overzicht.py")  # three teams, four fit
    assert not [m for m in at.multiselect if m.key == "overzicht_teams"]
    assert [s.value for s in at.subheader][:3] == ["PIT", "KIT pilot", "KIT"]
