"""The Waterbedeffect page: who may open it, and what it says when no intervention is loaded (the small synthetic
warehouse of tests/testwarehouse.py has none). The page on the planted demo data: tests/pages/test_demo_data.py;
in a real browser without any outside request: tests/pages/test_waterbed_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.downloads import download_csv
from tests.login import login
from ui.filters import TEAM_KEY
from ui.registry import page, pages_for

ROOT = Path(__file__).resolve().parents[2]


def test_the_page_is_for_the_steering_group_and_the_mayors() -> None:
    spec = page("waterbed")
    assert (spec.title, spec.section, spec.filtered) == ("Waterbedeffect", "Stuurgroep", True)
    assert spec.roles == frozenset({"stuurgroep", "burgemeester"})
    assert spec in pages_for("stuurgroep") and spec in pages_for("burgemeester")
    assert spec not in pages_for("evaluator") and spec not in pages_for("beheerder") and pages_for(None) == []


def test_without_interventions_the_page_says_how_to_deliver_them(testwarehouse: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "stuurgroep")
    at = at.switch_page("pages/waterbed.py").run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Waterbedeffect"
    assert any("soort 'interventies'" in i.value and "python -m etl template" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def _waterbed(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch, role: str) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(demo_warehouse))
    app = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), role)
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    at = app.switch_page("pages/waterbed.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("role", ["stuurgroep", "burgemeester"])
def test_moves_of_persons_are_suppressed_worked_example(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                                        role: str) -> None:
    """Demo data, persons seen in one municipality and next in another: Veldhoven -> Waalre 4 and Veldhoven ->
    Bergeijk 2 (moves and distinct persons). All four counts are below 5; each row and the two columns then hold
    two hidden cells, so none can be recomputed; the time lags of those moves are emptied and the map draws no
    arrow. Around KIT-I01: after the start 2 and 4 (hidden), before 0 and 0 (hidden as secondary cells, else
    'na' would follow from a row total)."""
    at = _waterbed(demo_warehouse, monkeypatch, role)
    flows = at.dataframe[1].value
    assert flows[["Van", "Naar", "Aantal", "Verschillende"]].values.tolist() == [
        ["Veldhoven", "Waalre", "<5", "<5"], ["Veldhoven", "Bergeijk", "<5", "<5"]]
    assert flows["Mediaan dagen ertussen"].isna().all() and flows["Langste tijd (dagen)"].isna().all()
    kaart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert kaart["layout"].get("annotations", []) == []  # no arrow for a hidden move
    rond = at.dataframe[2].value
    assert rond[["Voor de start", "Na de start"]].values.tolist() == [["<5", "<5"], ["<5", "<5"]]
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def test_temp_agencies_are_organisations_not_suppressed(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    at = _waterbed(demo_warehouse, monkeypatch, "stuurgroep")
    at = at.selectbox(key="waterbed_entiteit").set_value("uitzendbureau").run()
    flows = at.dataframe[1].value
    assert len(flows) > 0 and "<5" not in flows.astype(str).to_numpy()
    assert len(json.loads(at.get("plotly_chart")[0].proto.spec)["layout"].get("annotations", [])) == len(flows)


def test_persons_in_illegal_housing_per_month_are_suppressed(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """The measure persons in illegal housing around KIT-I01 per month and area: no monthly count below 5 is
    drawn or exported, and its rate per 10,000 inhabitants is emptied with it."""
    at = _waterbed(demo_warehouse, monkeypatch, "stuurgroep")
    at = at.selectbox(key="waterbed_maat").set_value("personen illegale huisvesting").run()
    assert not at.exception, [e.value for e in at.exception]
    export = download_csv(at, "dl_csv_verloop_personen_in_illegale_huisvesting_rond_kit_i01")
    counts = export["Aantal"]
    assert (counts == "<5").any()
    assert all(c == "<5" or c == "0" or int(c) >= 5 for c in counts)
    assert (export.loc[counts == "<5", "Waarde"] == "").all()
    lijn = json.loads(at.get("plotly_chart")[1].proto.spec)
    drawn = sum(len(t["x"]) for t in lijn["data"])
    assert drawn == (counts != "<5").sum()  # the hidden months are left out of the chart


def test_two_teams_moves_are_the_chosen_interventions_team_only(demo_warehouse: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    alleen = _waterbed(demo_warehouse, monkeypatch, "stuurgroep")
    alleen = alleen.selectbox(key="waterbed_entiteit").set_value("uitzendbureau").run()
    kit = alleen.dataframe[1].value
    alleen.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "KIT"]).run()
    at = alleen.switch_page("pages/waterbed.py").run()
    assert not at.exception, [e.value for e in at.exception]
    interventies = at.dataframe[0].value
    assert set(interventies["Team"]) == {"KIT"}  # the demo's interventions are all KIT's, and the table says so
    samen = at.dataframe[1].value
    assert samen.equals(kit)  # the pilot's moves in the same municipalities are not added to KIT's
    assert any("Pijlen en tabel: alleen KIT, het team van de gekozen interventie" in c.value for c in at.caption)
    assert any("Elke interventie is van één team" in c.value for c in at.caption)
