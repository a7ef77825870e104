"""The Terugkoppeling page under AppTest on the invented warehouse of tests/ketenwarehouse.py: in the Stuurgroep
menu, choose a control evening and see what became of each finding (no personal data or addresses), the chain from
signal to closure as a funnel and a table with bases, and the hit rate per source."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.refresh import refresh_marts
from tests.ketenwarehouse import bouw_ketenwarehouse
from tests.login import login
from ui.filters import TEAM_KEY
from ui.registry import page

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/terugkoppeling.py"


@pytest.fixture(scope="module")
def ketenwarehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bouw_ketenwarehouse(tmp_path_factory.mktemp("keten") / "kit.duckdb")


@pytest.fixture
def at(ketenwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(ketenwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    app = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "stuurgroep")
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_registered_for_stuurgroep_and_burgemeester() -> None:
    spec = page("terugkoppeling")
    assert (spec.title, spec.section, spec.roles) == ("Terugkoppeling", "Stuurgroep",
                                                      frozenset({"stuurgroep", "burgemeester"}))


def test_what_became_of_the_findings_of_an_evening(at: AppTest) -> None:
    assert at.title[0].value == "Terugkoppeling"
    assert at.selectbox(key="terugkoppeling_avond").value == "K2"  # newest evening first
    at.selectbox(key="terugkoppeling_avond").set_value("K1").run()
    at.text_input(key="terugkoppeling_peildatum").input("31-05-2021").run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {"Bevindingen": "4", "Overtredingen": "3",
                                                     "Opgevolgd": "3 van 3", "Afgesloten": "2 van 3"}
    tabel = at.dataframe[0].value
    assert tabel["status"].tolist() == ["afgerond", "open", "afgerond", "open", "vervallen", "geen overtreding",
                                        "afgerond"]
    assert tabel["termijn"].tolist()[:3] == ["op tijd", "over de deadline", "te laat afgerond"]
    assert tabel["dagen"].tolist() == ["19", "91", "24", "91", "–", "–", "3"]
    tekst = tabel.to_string()
    assert "ADR-" not in tekst and "K1" not in tekst
    assert any("Stand op 31-05-2021" in c.value for c in at.caption)


def test_report_date_in_dutch_words_and_garbage(at: AppTest) -> None:
    at.selectbox(key="terugkoppeling_avond").set_value("K1").run()
    at.text_input(key="terugkoppeling_peildatum").input("31 mei 2021").run()
    assert not at.exception and not at.error
    assert any("Stand op 31-05-2021" in c.value for c in at.caption)
    assert any("Peildatum gelezen als 31 mei 2021." in c.value for c in at.caption)
    at.text_input(key="terugkoppeling_peildatum").input("31-5").run()
    assert not at.exception
    assert at.error[0].value.startswith("'31-5' is geen datum. Schrijf bijvoorbeeld 31-12-2022")
    assert "Nu getoond: de laatste datum in de gegevens van het team." in at.error[0].value
    assert not any("Stand op 31-05-2021" in c.value for c in at.caption)


def test_chain_from_signal_to_closure(at: AppTest) -> None:
    at.text_input(key="terugkoppeling_peildatum").input("31-05-2021").run()
    spec = at.get("plotly_chart")[0].proto.spec
    assert '"type":"funnel"' in spec and "percent previous" in spec
    keten = at.dataframe[1].value
    assert keten["signalen"].tolist() == ["7", "5", "3", "3", "2", "1"]
    assert keten["aandeel_vorige"].tolist() == ["100%", "71%", "60%", "100%", "67%", "50%"]
    assert any("de koppeling die telt is een bezoek op hetzelfde adres" in c.value for c in at.caption)
    at.radio(key="terugkoppeling_keten_per").set_value("gemeente").run()
    per = at.dataframe[1].value
    assert per.query("gemeente == 'Bladel'")["signalen"].tolist() == ["4", "3", "2", "2", "2", "1"]
    tref = at.dataframe[2].value
    assert tref[["bron", "signalen", "trefkans"]].values.tolist()[:2] == [
        ["Gemeente (toezicht en handhaving)", "3", "67%"], ["Politie basisteam", "2", "50%"]]


def test_empty_selection_says_what_is_empty_and_what_still_exists(at: AppTest) -> None:
    at.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()
    assert not at.exception
    assert [i.value for i in at.info][:1] == [
        "Geen gegevens voor deze keuze: PIT heeft in 2017 geen controleavonden. Voor deze keuze is nog nooit een "
        "controleavond geregistreerd."]


def test_evenings_without_findings_are_counted_in_the_empty_state(
    ketenwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An evening without findings is not offered, but the empty state says the selection has it."""
    import duckdb

    copy = tmp_path / "kit.duckdb"
    copy.write_bytes(ketenwarehouse.read_bytes())
    with duckdb.connect(str(copy)) as con:
        for table in ("stg_opvolging", "stg_bevindingen"):
            con.execute(f"DELETE FROM {table}")
        refresh_marts(con)
    monkeypatch.setenv("KIT_WAREHOUSE", str(copy))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    app = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "burgemeester", "Best")
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.value for e in app.exception]
    assert [i.value for i in app.info][:1] == [
        "Geen bevindingen voor deze keuze: KIT heeft in deze selectie wel 1 controleavond, maar daarbij zijn geen "
        "bevindingen vastgelegd. U ziet hier alleen de controleavonden in uw eigen gemeente."]


@pytest.mark.parametrize(("gemeente", "avonden"), [("Bladel", ["K1"]), ("Best", ["K2"])])
def test_mayor_sees_the_evenings_of_their_own_municipality_only(
    ketenwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gemeente: str, avonden: list[str]
) -> None:
    """Point 2 of issue 9: what became of each finding is an operational list; a mayor sees their own evenings
    (K1 is in Bladel, K2 in Best), the chain below stays about all municipalities."""
    monkeypatch.setenv("KIT_WAREHOUSE", str(ketenwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    app = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "burgemeester", gemeente)
    app.multiselect(key=TEAM_KEY).set_value(["KIT"]).run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.value for e in app.exception]
    keuze = app.selectbox(key="terugkoppeling_avond")
    assert keuze.value == avonden[0] and [o.split(" · ")[1] for o in keuze.options] == [gemeente]
    assert any(f"alleen voor uw eigen gemeente ({gemeente})" in c.value for c in app.caption)
    assert len(app.dataframe[0].value) > 0


def test_stuurgroep_sees_every_evening(at: AppTest) -> None:
    assert [o.split(" · ")[1] for o in at.selectbox(key="terugkoppeling_avond").options] == ["Best", "Bladel"]
    assert not any("alleen voor uw eigen gemeente" in c.value for c in at.caption)


def test_two_teams_side_by_side(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    monkeypatch.setenv("KIT_CODING_DB", str(tmp_path / "codering.sqlite"))
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(tmp_path / "pseudoniem.key"))
    app = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "stuurgroep")
    app.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    at = app.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("hun aantallen worden niet opgeteld" in c.value for c in at.caption)
    avonden = at.selectbox(key="terugkoppeling_avond").options
    assert {o.split(" · ")[0] for o in avonden} == {"KIT pilot", "PIT"}  # an evening names its team
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert sum("van signaal tot afsluiting PIT" in s for s in specs) == 1
    assert sum("van signaal tot afsluiting KIT pilot" in s for s in specs) == 1
    ketens = [d.value for d in at.dataframe if "stap_naam" in d.value.columns]
    # PIT first (2017): 1 signal; the pilot: 4 signals; never 5 in one funnel
    assert [k["signalen"].iloc[0] for k in ketens] == ["1", "4"]
    tref = [d.value for d in at.dataframe if "trefkans" in d.value.columns]
    assert len(tref) == 2 and tref[0]["signalen"].tolist() == ["1"]
