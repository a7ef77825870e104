"""Every page of the dashboard runs under AppTest for each team and for an empty period, without exceptions,
and shows the headline figures of the small synthetic warehouse (tests/testwarehouse.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.login import login, role_for
from ui.filters import GEMEENTE_KEY, PERIODE_KEUZE_KEY, PERIODE_KEY, TEAM_KEY, periode_invoer
from ui.registry import PAGES as REGISTRY

ROOT = Path(__file__).resolve().parents[2]
PAGES = [spec.path for spec in REGISTRY]
FILTERED_PAGES = [spec.path for spec in REGISTRY if spec.filtered]  # these show the empty state for an empty period
TEAMS = ["KIT-pilot", "KIT", "PIT"]
EMPTY_PERIOD = (date(2021, 5, 1), date(2022, 12, 31))  # inside KIT's period, after its only evening


@pytest.fixture
def app(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))  # never the real coding store
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _choose(at: AppTest, team: str, page: str, periode: tuple[date, date] | None = None) -> AppTest:
    login(at, role_for(page))
    at.multiselect(key=TEAM_KEY).set_value([team]).run()
    if periode is not None:
        at.text_input(key=PERIODE_KEY).input(periode_invoer(*periode)).run()
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
    spec = next(s for s in REGISTRY if s.path == page)
    if spec.opent_met:  # a comparison page opens with its teams when one team is chosen
        assert set(at.multiselect(key=TEAM_KEY).value) == set(spec.opent_met)
    elif page in FILTERED_PAGES:
        assert at.multiselect(key=TEAM_KEY).value == [team]  # the filter carried over to the page
    else:  # no filter where it does nothing; the choice is kept for the next page that has one
        assert not [w for w in at.multiselect if w.key == TEAM_KEY]
        at.switch_page("pages/overzicht.py").run()
        assert at.multiselect(key=TEAM_KEY).value == [team]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_for_an_empty_period(app: AppTest, page: str) -> None:
    at = _choose(app, "KIT", page, EMPTY_PERIOD)
    if next(s for s in REGISTRY if s.path == page).opent_met:  # it opened with two teams: choose KIT again here
        at.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
        at.text_input(key=PERIODE_KEY).input(periode_invoer(*EMPTY_PERIOD)).run()
    _no_errors(at)
    if page in FILTERED_PAGES:  # load bookkeeping, reproduction and coding do not follow the filter
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
    login(app, "evaluator")
    app.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()
    assert app.multiselect(key=GEMEENTE_KEY).options == ["Asten", "Deurne", "Gemert-Bakel", "Helmond", "Laarbeek",
                                                          "Someren"]
    app.multiselect(key=GEMEENTE_KEY).set_value(["GM0794"]).run()
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()  # Helmond is no Kempen municipality: dropped
    assert app.multiselect(key=GEMEENTE_KEY).value == []
    assert app.text_input(key=PERIODE_KEY).value == ""  # the whole period of the team
    assert "Periode: **2 juni 2020 t/m 31 december 2022** · de hele periode" in app.sidebar.caption[-1].value


def test_period_typed_or_chosen_in_dutch(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overzicht.py")
    keuzes = at.selectbox(key=PERIODE_KEUZE_KEY).options
    assert keuzes[:4] == ["2020", "1e kwartaal 2020", "2e kwartaal 2020", "januari 2020"]
    at.text_input(key=PERIODE_KEY).input("1-3-2019 t/m 31-3-2019").run()
    _no_errors(at)
    assert _tiles(at)["Controleavonden"] == "2"  # A1 and A2 in March 2019
    assert "Periode: **maart 2019**" in at.sidebar.caption[-1].value
    assert at.selectbox(key=PERIODE_KEUZE_KEY).value == "2019-03"  # the list shows the typed month too
    assert "Periode: maart 2019" in at.caption[0].value
    at.selectbox(key=PERIODE_KEUZE_KEY).set_value("2019-Q2").run()
    assert at.text_input(key=PERIODE_KEY).value == "2019-Q2"
    assert _tiles(at)["Controleavonden"] == "1"  # A3 on 7 May 2019
    assert "Periode: **2e kwartaal 2019** (1 april 2019 t/m 30 juni 2019)" in at.sidebar.caption[-1].value
    at.text_input(key=PERIODE_KEY).input("juni 2022 ofzo").run()
    assert not at.exception
    assert "'juni 2022 ofzo' is geen periode" in at.sidebar.error[0].value
    assert _tiles(at)["Controleavonden"] == "3"  # meanwhile the whole period
    at.text_input(key=PERIODE_KEY).input("2022").run()
    assert "de gegevens van het gekozen team lopen van 1 februari 2019" in at.sidebar.caption[-1].value
    at.switch_page("pages/datakwaliteit.py").run()
    at.switch_page("pages/partners.py").run()
    assert at.text_input(key=PERIODE_KEY).value == "2022"  # kept across a page without filter


def test_overtredingen_chi_square_for_two_teams(app: AppTest) -> None:
    login(app, "evaluator")
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    at = app.switch_page("pages/overtredingen.py").run()
    _no_errors(at)
    # 11 violations over 6 categories: every expected count is below 5, so after pooling no test is possible
    assert not any(m.label == "p-waarde" for m in at.metric)
    assert any("De toets kan niet worden uitgevoerd" in i.value for i in at.info)
    assert not any("significant" in md.value for md in at.markdown)
    assert at.get("plotly_chart")[-1].proto.spec  # the distribution per group is still drawn
    assert "KIT pilot" in at.get("plotly_chart")[-1].proto.spec  # team display names, not codes
    assert "KIT-pilot" not in at.get("plotly_chart")[-1].proto.spec
    at.radio(key="overtredingen_vergelijk").set_value("perioden").run()
    _no_errors(at)
    assert any("Twee perioden vergelijken gaat per team" in i.value for i in at.info)  # teams are not pooled
    for basis in ("personen", "objecten", "bevindingen"):
        for per in (None, "gemeente", "object_type", "thema"):
            at.radio(key="overtredingen_basis").set_value(basis)
            at.radio(key="overtredingen_per").set_value(per).run()
            _no_errors(at)
    assert any("Basis: van alle bevindingen" in c.value for c in at.caption)


def test_overtredingen_two_teams_side_by_side(app: AppTest) -> None:
    at = _choose_teams(app, ["KIT-pilot", "PIT"], "pages/overtredingen.py")
    _no_errors(at)
    assert any("hun aantallen worden niet opgeteld" in c.value for c in at.caption)
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert sum("PIT: overtredingen per categorie" in s for s in specs) == 1
    assert sum("KIT pilot: overtredingen per categorie" in s for s in specs) == 1
    assert sum("Top 10 overtredingen (aantal keer vastgesteld) PIT" in s for s in specs) == 1
    assert sum("Top 10 overtredingen (aantal keer vastgesteld) KIT pilot" in s for s in specs) == 1
    at.radio(key="overtredingen_basis").set_value("bevindingen").run()
    # each team on its own base: PIT 5 of 5 findings are violations, the pilot 6 of 7 (F6 is none)
    assert any(c.value == "Basis: van alle bevindingen (5 in de hele selectie)" for c in at.caption)
    assert any(c.value == "Basis: van alle bevindingen (7 in de hele selectie)" for c in at.caption)


def test_an_empty_team_beside_another_says_what_still_exists(app: AppTest) -> None:
    login(app, role_for("pages/overtredingen.py"))
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "KIT"]).run()
    app.text_input(key=PERIODE_KEY).input("2019").run()
    for page in ("pages/overtredingen.py", "pages/partners.py"):
        at = app.switch_page(page).run()
        _no_errors(at)
        leeg = [i.value for i in at.info if i.value.startswith("Geen gegevens voor deze keuze: KIT heeft in 2019")]
        assert leeg and "Controleavonden van deze keuze zijn er van 1 april 2021" in leeg[0], page
        assert any("KIT pilot" in c.proto.spec for c in at.get("plotly_chart"))  # the pilot's column is drawn


def test_overtredingen_split_date_is_typed_in_dutch(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overtredingen.py")
    at.radio(key="overtredingen_vergelijk").set_value("perioden").run()
    _no_errors(at)
    assert not at.get("date_input")  # Streamlit's date picker speaks English: not used
    veld = next(t for t in at.text_input if t.label == "Tweede periode begint op")
    assert veld.value and len(veld.value) == 10 and veld.value[2] == veld.value[5] == "-"  # the middle, dd-mm-jjjj
    veld.input("1 juni 2019").run()
    _no_errors(at)
    assert any(c.value == "Tweede periode begint op gelezen als 1 juni 2019." for c in at.caption)
    veld = next(t for t in at.text_input if t.label == "Tweede periode begint op")
    veld.input("1-1-2030").run()
    assert not at.exception
    assert "1 januari 2030 ligt na" in at.error[0].value and "buiten de gekozen periode" in at.error[0].value
    veld = next(t for t in at.text_input if t.label == "Tweede periode begint op")
    veld.input("morgen").run()
    assert at.error[0].value.startswith("'morgen' is geen datum.")
    assert at.get("plotly_chart")  # the comparison goes on with the middle of the period


def test_overtredingen_explains_the_person_count(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overtredingen.py")
    at.radio(key="overtredingen_basis").set_value("personen").run()
    assert any("alle personen mee die bij dat bezoek zijn aangetroffen" in c.value for c in at.caption)
    at.radio(key="overtredingen_basis").set_value("objecten").run()
    assert not any("alle personen mee" in c.value for c in at.caption)


def test_partners_results_per_organisation(app: AppTest) -> None:
    at = _choose(app, "PIT", "pages/partners.py")
    _no_errors(at)
    texts = [md.value for md in at.markdown]
    assert "- 1 actie aanwezig\n- 3 keer onderzoek\n- 1 keer beëindiging, € 8.000" in texts
    assert "- 2 acties aanwezig\n- 2 keer aanhouding\n- 1 keer inbeslagname (214,0 gram)" in texts


def _choose_teams(at: AppTest, teams: list[str], page: str) -> AppTest:
    login(at, role_for(page))
    at.multiselect(key=TEAM_KEY).set_value(teams).run()
    at.switch_page(page).run()
    return at


def test_partners_two_teams_side_by_side(app: AppTest) -> None:
    at = _choose_teams(app, ["KIT-pilot", "PIT"], "pages/partners.py")
    _no_errors(at)
    assert any("hun aantallen worden niet opgeteld" in c.value for c in at.caption)
    texts = [md.value for md in at.markdown]
    assert texts.count("**KIT pilot**") == texts.count("**PIT**") == 4  # every section, a column per team
    assert "- 1 actie aanwezig\n- 3 keer onderzoek\n- 1 keer beëindiging, € 8.000" in texts  # PIT's Senzer alone
    # the municipalities of the pilot (A1-A3) and of PIT (P1, P2) each have their own card
    assert "- 3 acties aanwezig\n- 2 keer beëindiging" in texts  # the pilot municipality: 3 evenings, not 3 + 2
    charts = [c.proto.spec for c in at.get("plotly_chart")]
    assert len(charts) == 6 and sum("KIT pilot" in c for c in charts) == 3 and sum("PIT" in c for c in charts) >= 3
    bronnen = [d.value for d in at.dataframe]
    assert [set(b.columns) >= {"bron_partner_naam", "signalen"} for b in bronnen] == [True, True]
    assert bronnen[0]["signalen"].tolist() == ["1"]  # PIT (2017, first in time order): 1 from the police
    assert bronnen[1]["signalen"].tolist() == ["2", "1", "1"]  # pilot: 2 municipality, 1 police, 1 UWV


def test_kit_vs_pit_opens_with_both_teams(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/kit_vs_pit.py")
    _no_errors(at)
    assert at.multiselect(key=TEAM_KEY).value == ["PIT", "KIT"]  # one team chosen: the page opens with KIT and PIT
    at.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    assert at.multiselect(key=TEAM_KEY).value == ["KIT"]  # a choice made on the page stays
    at.button[1].click().run()  # "KIT pilot met PIT"
    assert at.multiselect(key=TEAM_KEY).value == ["KIT-pilot", "PIT"]
    at.switch_page("pages/overzicht.py").run()
    assert at.multiselect(key=TEAM_KEY).value == ["KIT-pilot", "PIT"]  # two teams: Overzicht keeps them


def test_kit_vs_pit_shows_population_year_and_caveat(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/kit_vs_pit.py")
    at.button[0].click().run()  # "KIT met PIT"
    _no_errors(at)
    assert at.multiselect(key=TEAM_KEY).value == ["KIT", "PIT"]
    texts = " ".join(md.value for md in at.markdown)
    assert "Inwoners: 219.821 (1 januari 2023)" in texts
    assert "Actieve periode: 01-01-2017 t/m 31-12-2017 (12,0 maanden)" in texts
    captions = " ".join(c.value for c in at.caption)
    assert "bron CBS" in captions
    assert "als benadering voor alle perioden gebruikt (gegevens 2017–2022)" in captions
    caveat = " ".join(i.value for i in at.info)
    assert "heel kalenderjaar (2017) van een volwassen team" in caveat
    assert "02-06-2020 t/m 31-12-2022" in caveat and "oktober 2016" not in caveat and "KIT pilot" not in caveat
    assert at.expander[0].label == "Ruwe aantallen en berekening"
    raw = at.dataframe[0].value
    assert list(raw[raw["kengetal_naam"] == "Controleavonden"]["team"]) == ["PIT", "KIT"]
    pit = raw.iloc[0]  # PIT, controleavonden
    assert pit["inwoners"] == "219.821" and pit["per_10000"] == "0,09"  # 2 / 12 * 12 / 219821 * 10000
    at.radio(key="vergelijking_normering").set_value("per_10000").run()
    _no_errors(at)
    assert "per 10.000 inwoners per jaar" in at.get("plotly_chart")[0].proto.spec


def test_kit_vs_pit_draws_no_panel_without_data(app: AppTest) -> None:
    at = _choose(app, "KIT", "pages/kit_vs_pit.py")
    at.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    _no_errors(at)
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Controleavonden" in spec and "Resultaat in geld" not in spec and "Signalen" not in spec
    assert any("Geen gegevens (niets geregistreerd): KIT: overtredingen; KIT: signalen" in c.value for c in at.caption)


def test_no_figure_for_empty_data() -> None:
    def draw() -> None:
        import pandas as pd
        import plotly.express as px

        from ui.charts import show_chart

        show_chart(px.bar(x=[1], y=["a"]), pd.DataFrame(columns=["aantal"]), "leeg")

    at = AppTest.from_function(draw).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 0
    assert "Geen gegevens voor deze keuze" in at.info[0].value


def test_kit_vs_pit_empty_period_draws_no_figure(app: AppTest) -> None:
    at = _choose(app, "KIT", "pages/kit_vs_pit.py")
    at.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    at.text_input(key=PERIODE_KEY).input(periode_invoer(*EMPTY_PERIOD)).run()
    _no_errors(at)
    assert len(at.get("plotly_chart")) == 0


def test_datakwaliteit_shows_rejections(app: AppTest) -> None:
    at = login(app, "beheerder").switch_page("pages/datakwaliteit.py").run()
    _no_errors(at)
    assert _tiles(at)["Afgewezen"] == "1"
    assert _tiles(at)["Rijen geladen in de laatste ronde"] == "36"
    assert any("alle teams samen is dan één zinvol getal" in c.value for c in at.caption)  # why one number here
    meldingen = at.dataframe[1].value
    assert list(meldingen["bestand"]) == ["kit/signalen.xlsx"]


def test_missing_warehouse_gives_a_dutch_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(tmp_path / "bestaat-niet.duckdb"))
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "evaluator")
    assert not at.exception
    assert at.info[0].value == "Nog geen gegevens geladen: voer `python -m etl load` uit."


def test_overzicht_offers_the_council_one_pager(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overzicht.py")
    at.multiselect(key=GEMEENTE_KEY).set_value(["GM0861"]).run()  # Veldhoven
    at.text_input(key=PERIODE_KEY).input("2019").run()
    knoppen = [b.proto for b in at.get("download_button") if b.proto.label == "Raadsnotitie (pdf)"]
    assert len(knoppen) == 1
    assert knoppen[0].deferred_file_id  # the PDF is made on click (tests/report reads one back)
    at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    assert not [b for b in at.get("download_button") if b.proto.label == "Raadsnotitie (pdf)"]
    assert any("Raadsnotitie (pdf): kies in het filter één team" in c.value for c in at.caption)


def test_overzicht_shows_two_teams_side_by_side(app: AppTest) -> None:
    login(app, "stuurgroep")
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    at = app.switch_page("pages/overzicht.py").run()
    _no_errors(at)
    assert [s.value for s in at.subheader][:2] == ["PIT", "KIT pilot"]  # in time order: PIT 2017, pilot 2019
    assert [m.value for m in at.metric if m.label == "Controleavonden"] == ["2", "3"]  # never added up to 5
    assert any("worden niet opgeteld" in c.value for c in at.caption)
    titels = " ".join(c.proto.spec for c in at.get("plotly_chart"))
    assert "KIT pilot: controleavonden, bezochte objecten" in titels and "PIT: controleavonden" in titels


def test_overzicht_empty_period_says_what_still_exists(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/overzicht.py", (date(2019, 2, 1), date(2019, 2, 28)))
    _no_errors(at)
    assert any(i.value == "Geen gegevens voor deze keuze: KIT pilot heeft in februari 2019 geen controleavonden. "
               "Wel zijn er in deze periode 2 signalen. Controleavonden van deze keuze zijn er van 5 maart 2019 "
               "t/m 7 mei 2019: kies een andere periode." for i in at.info)


def test_kit_vs_pit_shows_other_teams_beside_the_rows(app: AppTest) -> None:
    at = _choose(app, "KIT-pilot", "pages/kit_vs_pit.py")
    at.button[1].click().run()  # KIT pilot met PIT
    _no_errors(at)
    assert "Andere interventieteams: gepubliceerde cijfers" in [s.value for s in at.subheader]
    andere = at.dataframe[-1].value
    assert set(andere["herkomst"]) == {"gepubliceerd (tekst)", "berekend uit rijen"}
    assert andere.set_index("team").loc["KIT pilot", "per_gemeente"] == "12,5"
