"""The Waterbedeffect page: who may open it, and what it says when no intervention is loaded (the small synthetic
warehouse of tests/testwarehouse.py has none). The page on the planted demo data: tests/pages/test_demo_data.py;
in a real browser without any outside request: tests/pages/test_waterbed_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.login import login
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
