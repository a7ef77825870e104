"""The Opvolging page under AppTest: in the Stuurgroep menu, runs for every team and for an empty period, shows
the follow-up tiles, charts, tables and downloads of the small synthetic warehouse (plus the invented Bladel
evening of tests/testwarehouse.py), and the B.O.E.R. gap on the committed synthetic demo data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ketenwarehouse import bouw_ketenwarehouse
from tests.login import login
from ui.filters import PERIODE_KEY, TEAM_KEY, periode_invoer

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/opvolging.py"
TEAMS = ["KIT-pilot", "KIT", "PIT"]
BASIS = "van alle overtredingen; een overtreding zonder opvolgingsstap telt mee als niet opgevolgd"


def _app(warehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "stuurgroep")
    assert not at.exception
    return at


@pytest.fixture
def app(opvolgingwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    return _app(opvolgingwarehouse, monkeypatch, tmp_path)


def _open(at: AppTest, team: str, periode: tuple[date, date] | None = None) -> AppTest:
    at.multiselect(key=TEAM_KEY).set_value([team]).run()
    if periode is not None:
        at.text_input(key=PERIODE_KEY).input(periode_invoer(*periode)).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _tiles(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_menu_lists_the_page_under_stuurgroep(app: AppTest) -> None:
    links = [(p.proto.label, p.proto.page) for p in app.get("page_link")]
    assert ("Opvolging", "opvolging") in links
    labels = [label for label, _ in links]
    assert labels.index("KIT vs PIT") < labels.index("Opvolging")
    assert "Datakwaliteit" not in labels  # the steering group's menu has no Beheer pages


@pytest.mark.parametrize("team", TEAMS)
def test_page_runs_for_each_team(app: AppTest, team: str) -> None:
    at = _open(app, team)
    assert at.title[0].value == "Opvolging"
    assert at.multiselect(key=TEAM_KEY).value == [team]


def test_empty_period_shows_the_empty_state(app: AppTest) -> None:
    at = _open(app, "KIT", (date(2021, 5, 1), date(2022, 12, 31)))
    assert any("Geen gegevens voor deze keuze" in i.value for i in at.info)
    assert len(at.metric) == 0 and len(at.get("plotly_chart")) == 0
    # what still exists: KIT's only evening (1 April 2021) lies before the chosen period
    assert any("Controleavonden van deze keuze zijn er van 1 april 2021 t/m 1 april 2021: kies een andere periode."
               in i.value for i in at.info)


def test_pilot_tiles_charts_and_tables(app: AppTest) -> None:
    at = _open(app, "KIT-pilot")  # period to 01-04-2020; the pilot's data end on 01-09-2019 (XO3 closed)
    assert _tiles(at) == {
        "Overtredingen": "9",
        "Opgevolgd": "44%",  # 4 of 9
        "Afgesloten": "22%",  # 2 of 9
        "Mediane doorlooptijd": "niet bereikt",
        "Stappen te laat": "2",  # XO2 (open, deadline 30-06-2019) and XO4 (lopend, deadline 15-08-2019)
    }
    assert any(BASIS in c.value and "Peildatum: 01-09-2019" in c.value for c in at.caption)
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert len(charts) == 4
    assert "Open opvolgingsstappen aan het eind van elke maand" in charts[3]
    assert "Deel van de overtredingen met minstens" in charts[0] and "2 van 3" in charts[0]
    assert "Kaplan-Meier" in charts[2] and '"hv"' in charts[2] and "Dagen na de controleavond" in charts[2]
    groepen = at.dataframe[0].value
    assert groepen[["groep", "opgevolgd", "overtredingen", "aandeel_opgevolgd"]].values.tolist() == [
        ["B.O.E.R.-gemeenten", "2", "3", "67%"], ["Overige Kempengemeenten", "2", "6", "33%"]]
    achter = at.dataframe[2].value
    assert list(achter["gemeente"]) == ["Bladel", "Bladel"]
    assert list(achter["deadline"]) == ["30-06-2019", "15-08-2019"]
    assert list(achter["dagen_over_deadline"]) == ["63", "17"]
    assert len(at.get("download_button")) == 16  # CSV and Excel for four charts and four tables


def test_an_empty_team_says_what_still_exists(app: AppTest) -> None:
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "KIT"]).run()
    app.text_input(key=PERIODE_KEY).input("2019").run()
    at = app.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [m.value for m in at.metric if m.label == "Overtredingen"] == ["9"]  # the pilot's column
    leeg = [i.value for i in at.info if i.value.startswith("Geen gegevens voor deze keuze: KIT heeft in 2019")]
    assert leeg and "Controleavonden van deze keuze zijn er van 1 april 2021" in leeg[0]


def test_two_teams_side_by_side_never_summed(app: AppTest) -> None:
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    at = app.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("hun aantallen worden niet opgeteld" in c.value for c in at.caption)
    assert [md.value for md in at.markdown if md.value in ("**PIT**", "**KIT pilot**")] == ["**PIT**", "**KIT pilot**"]
    overtredingen = [m.value for m in at.metric if m.label == "Overtredingen"]
    assert overtredingen == ["5", "9"]  # PIT and the pilot each on their own, never 14
    assert any(BASIS in c.value and "Peildatum: 15-06-2017" in c.value for c in at.caption)
    assert any(BASIS in c.value and "Peildatum: 01-09-2019" in c.value for c in at.caption)
    at.radio(key="opvolging_per_KIT-pilot").set_value("team").run()
    assert not at.exception
    medianen = [d.value for d in at.dataframe if "gecensureerd" in d.value.columns]
    assert len(medianen) == 2 and list(medianen[1]["team"]) == ["KIT pilot"]  # per team within the pilot's column
    assert list(medianen[1]["gecensureerd"]) == ["7"] and list(medianen[0]["gecensureerd"]) == ["5"]
    assert any("Brookmeyer-Crowley (cloglog), 95%" in c.value for c in at.caption)


def test_pit_without_steps(app: AppTest) -> None:
    at = _open(app, "PIT")
    assert _tiles(at)["Opgevolgd"] == "0%"
    assert _tiles(at)["Stappen te laat"] == "0"
    assert any("Geen openstaande opvolgingsstappen over de deadline" in i.value for i in at.info)


def test_demo_pilot_boer_gap(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _open(_app(demo_warehouse, monkeypatch, tmp_path), "KIT-pilot")
    assert _tiles(at)["Overtredingen"] == "100"
    assert _tiles(at)["Opgevolgd"] == "47%"  # (22 + 25) of (72 + 28)
    groepen = at.dataframe[0].value
    assert groepen[["groep", "opgevolgd", "overtredingen", "aandeel_opgevolgd"]].values.tolist() == [
        ["B.O.E.R.-gemeenten", "22", "72", "31%"], ["Overige Kempengemeenten", "25", "28", "89%"]]


@pytest.fixture(scope="module")
def ketenwarehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bouw_ketenwarehouse(tmp_path_factory.mktemp("keten") / "kit.duckdb")


def test_report_date_typed_wrong_says_so_in_dutch(ketenwarehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    at = _open(_app(ketenwarehouse, monkeypatch, tmp_path), "KIT")
    standaard = _tiles(at)
    for tekst, fout in (("31-02-2021", "31 februari 2021 bestaat niet"), ("gisteren", "'gisteren' is geen datum"),
                        ("maart 2021", "is een hele periode (maart 2021), geen dag")):
        at.text_input(key="opvolging_peildatum").input(tekst).run()
        assert not at.exception, [e.value for e in at.exception]
        assert fout in at.error[0].value and "Nu getoond: per team de laatste datum" in at.error[0].value
        assert _tiles(at) == standaard  # the page goes on with the default report date
    at.text_input(key="opvolging_peildatum").input("").run()
    assert not at.error


def test_report_date_set_by_the_user(ketenwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _open(_app(ketenwarehouse, monkeypatch, tmp_path), "KIT")
    at.text_input(key="opvolging_peildatum").input("20 maart 2021").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Peildatum gelezen als 20 maart 2021." in c.value for c in at.caption)
    # on 20-03-2021: the three violations of K1; S3 (deadline 15-03, closed only on 25-03) is open and overdue
    tiles = _tiles(at)
    assert (tiles["Overtredingen"], tiles["Stappen te laat"]) == ("3", "1")
    assert any("Peildatum: 20-03-2021 (gekozen)" in c.value for c in at.caption)
    tabel = at.dataframe[3].value
    assert tabel[["gemeente", "stappen", "afgerond", "aandeel_op_tijd", "te_laat_nu", "aandeel_afgesloten"]] \
        .values.tolist() == [["Bladel", "5", "2", "67%", "1", "33%"]]
    at.radio(key="opvolging_termijn_per").set_value("organisatie").run()
    org = at.dataframe[3].value
    assert list(org["organisatie"]) == ["Gemeente (toezicht en handhaving)", "VRBZO"]
    assert "overtredingen" not in org.columns
    assert any("Deel op tijd: van de stappen met een deadline" in c.value for c in at.caption)
