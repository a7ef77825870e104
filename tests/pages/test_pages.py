"""Every page of the dashboard runs under AppTest for each team and for an empty period, without exceptions,
and shows the headline figures of the small synthetic warehouse (tests/pages/testwarehouse.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.testwarehouse import bouw_testwarehouse
from ui.filters import GEMEENTE_KEY, PERIODE_KEY, TEAM_KEY

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["pages/overzicht.py", "pages/overtredingen.py", "pages/partners.py", "pages/kit_vs_pit.py",
         "pages/datakwaliteit.py"]
TEAMS = ["KIT-pilot", "KIT", "PIT"]
EMPTY_PERIOD = (date(2021, 5, 1), date(2022, 12, 31))  # inside KIT's period, after its only evening


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bouw_testwarehouse(tmp_path_factory.mktemp("wh") / "kit.duckdb")


@pytest.fixture
def app(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(warehouse))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _choose(at: AppTest, team: str, page: str, periode: tuple[date, date] | None = None) -> AppTest:
    at.multiselect(key=TEAM_KEY).set_value([team]).run()
    if periode is not None:
        at.date_input(key=PERIODE_KEY).set_value(periode).run()
    at.switch_page(page).run()
    return at


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _tiles(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("team", TEAMS)
def test_page_runs_for_each_team(app: AppTest, team: str, page: str) -> None:
    at = _choose(app, team, page)
    _no_errors(at)
    assert at.title[0].value  # the page drew its title
    assert at.multiselect(key=TEAM_KEY).value == [team]  # the filter carried over to the page


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_for_an_empty_period(app: AppTest, page: str) -> None:
    at = _choose(app, "KIT", page, EMPTY_PERIOD)
    _no_errors(at)
    if page != "pages/datakwaliteit.py":  # load bookkeeping does not follow the filter
        assert any("Geen gegevens voor deze keuze" in i.value for i in at.info)


def test_overzicht_headline_pilot(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overzicht.py")
    assert _tiles(at) == {
        "Controleavonden": "3",
        "Bezochte objecten": "5",
        "Aangetroffen personen": "25",
        "Overtredingen": "6",
        "Overtredingen opgevolgd": "33%",
        "Partners per avond": "3,0",
    }
    assert any("3 controleavonden gehouden" in md.value for md in at.markdown)


def test_overzicht_headline_pit_and_municipality(app: AppTest) -> None:
    at = _choose(app, "PIT", "pages/overzicht.py")
    tiles = _tiles(at)
    assert (tiles["Controleavonden"], tiles["Bezochte objecten"], tiles["Aangetroffen personen"]) == ("2", "3", "13")
    at.multiselect(key=GEMEENTE_KEY).set_value(["GM0762"]).run()  # Deurne
    tiles = _tiles(at)
    assert (tiles["Controleavonden"], tiles["Bezochte objecten"], tiles["Overtredingen"]) == ("1", "1", "2")
    assert "Gemeenten: Deurne" in at.caption[0].value


def test_municipality_options_follow_the_team(app: AppTest) -> None:
    app.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()
    assert app.multiselect(key=GEMEENTE_KEY).options == ["Asten", "Deurne", "Gemert-Bakel", "Helmond", "Laarbeek",
                                                          "Someren"]
    app.multiselect(key=GEMEENTE_KEY).set_value(["GM0794"]).run()
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()  # Helmond is no Kempen municipality: dropped
    assert app.multiselect(key=GEMEENTE_KEY).value == []
    assert app.date_input(key=PERIODE_KEY).value == (date(2020, 6, 2), date(2022, 12, 31))


def test_overtredingen_chi_square_for_two_teams(app: AppTest) -> None:
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    at = app.switch_page("pages/overtredingen.py").run()
    _no_errors(at)
    assert _tiles(at) == {"Chi-kwadraat": "6,16", "Vrijheidsgraden": "5", "p-waarde": "0,291"}
    assert any("verwachte frequentie" in w.value for w in at.warning)  # small expected counts caveat
    at.radio(key="overtredingen_vergelijk").set_value("perioden").run()
    _no_errors(at)
    for basis in ("personen", "objecten", "bevindingen"):
        for per in (None, "gemeente", "object_type", "thema"):
            at.radio(key="overtredingen_basis").set_value(basis)
            at.radio(key="overtredingen_per").set_value(per).run()
            _no_errors(at)
    assert any("Basis: van alle bevindingen" in c.value for c in at.caption)


def test_partners_results_per_organisation(app: AppTest) -> None:
    at = _choose(app, "PIT", "pages/partners.py")
    _no_errors(at)
    texts = [md.value for md in at.markdown]
    assert "- 1 actie aanwezig\n- 3 keer onderzoek\n- 1 keer beëindiging, € 8.000" in texts
    assert "- 2 acties aanwezig\n- 2 keer aanhouding\n- 1 keer inbeslagname (214,0 gram)" in texts


def test_kit_vs_pit_shows_population_year_and_caveat(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/kit_vs_pit.py")
    at.button[0].click().run()  # "KIT met PIT"
    _no_errors(at)
    assert at.multiselect(key=TEAM_KEY).value == ["KIT", "PIT"]
    texts = " ".join(md.value for md in at.markdown)
    assert "Inwoners: 219.821 (1 januari 2023)" in texts
    assert "Actieve periode: 01-01-2017 t/m 31-12-2017 (12,0 maanden)" in texts
    assert any("bron CBS" in c.value for c in at.caption)
    assert any("heel kalenderjaar" in i.value for i in at.info)
    assert at.expander[0].label == "Ruwe aantallen en berekening"


def test_datakwaliteit_shows_rejections(app: AppTest) -> None:
    at = app.switch_page("pages/datakwaliteit.py").run()
    _no_errors(at)
    assert _tiles(at)["Afgewezen"] == "1"
    assert _tiles(at)["Rijen geladen"] == "36"
    meldingen = at.dataframe[1].value
    assert list(meldingen["bestand"]) == ["kit/signalen.xlsx"]


def test_missing_warehouse_gives_a_dutch_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(tmp_path / "bestaat-niet.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.info[0].value == "Nog geen gegevens geladen: voer `python -m etl load` uit."
