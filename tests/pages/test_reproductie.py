"""The Reproductie page runs under AppTest, shows the figures table, filters on deviations and lists the
inconsistencies (small synthetic warehouse of tests/testwarehouse.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metrics import reproduce, statements
from metrics.published import FIGURES, INCONSISTENCIES
from settings import load_settings
from tests.login import login
from ui.data import SETTINGS_KEY
from ui.shell import SHELL_KEY

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "reproductie.py")


@pytest.fixture
def page(testwarehouse: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("KIT_WAREHOUSE", str(testwarehouse))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[SHELL_KEY] = True  # run the page file on its own, as inside dashboard.py
    at.session_state[SETTINGS_KEY] = load_settings()  # handed in as dashboard.py does
    login(at, "stuurgroep")
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_the_figures_table(page: AppTest) -> None:
    assert page.title[0].value == "Reproductie van de gepubliceerde cijfers"
    table = page.dataframe[0].value
    assert len(table) == len(FIGURES)
    assert {"icoon", "gepubliceerd", "berekend"} <= set(table.columns)
    assert set(table["icoon"]) <= {"✅", "❌", "➖"}
    tiles = {m.label: m.value for m in page.metric}
    soorten = reproduce.kinds()
    eigen = int((soorten["verplicht"] & (soorten["soort"] != "herhaling")).sum())
    assert tiles["Verschillende berekeningen"] == str(eigen)  # the headline: distinct computations
    assert tiles["Gereproduceerd"].endswith(f" van {eigen}")
    uitleg = " ".join(md.value for md in page.markdown)
    assert f"Achter de {eigen} berekeningen staan {sum(f.required for f in FIGURES)} gedrukte cijfers" in uitleg
    assert {"soort_naam", "alias_van"} <= set(table.columns)
    assert table.set_index("id").loc["HAM-10.3-v01-positief", "alias_van"] == "HAM-6.2.1-v01-positief"


def test_only_deviations_filter(page: AppTest) -> None:
    page.toggle(key="reproductie_alleen_afwijkingen").set_value(True).run()
    assert not page.exception
    table = page.dataframe[0].value
    assert len(table) < len(FIGURES)
    assert not table["match"].any()


def test_inconsistencies_and_base_explanation(page: AppTest) -> None:
    assert len(page.expander) == len(INCONSISTENCIES)
    zijden = " ".join(md.value for md in page.markdown)
    assert "Uit de tekst:" in zijden and "Berekend:" in zijden
    labels = [e.label for e in page.expander]
    assert any("Arbeidstijdenwet" in label for label in labels)
    headers = [h.value for h in page.subheader]
    assert "Basis van de overtredingspercentages (§6.1)" in headers
    basis = page.dataframe[1].value
    assert set(basis["basis"]) == {"personen", "adressen"}


def test_statements_that_rows_cannot_give_are_listed_with_the_reason(page: AppTest) -> None:
    assert "Uitspraken die niet uit de rijen volgen" in [h.value for h in page.subheader]
    table = page.dataframe[-1].value
    niet = statements.not_reproducible()
    assert len(table) == int((niet["soort"] != "document").sum()) > 20
    assert table["reden"].str.len().min() > 10
    budget = table[table["citaat"].str.contains("5.000", regex=False)].iloc[0]
    assert budget["soort"] == "begroting" and budget["document"] == "Evaluatie PIT-convenant 2017"
    assert table["citaat"].str.contains("350 tot 400").any()  # another team's figure: not from our rows
    assert not table["citaat"].str.contains("17 controleavonden").any()  # reproduced: in the catalogue instead
    uitleg = " ".join(md.value for md in page.markdown)
    totaal = statements.overview().iloc[0]
    assert f"De documenten bevatten {totaal['uitspraken']} uitspraken" in uitleg
    page.toggle(key="reproductie_documentgegevens").set_value(True).run()
    assert not page.exception
    alles = page.dataframe[-1].value
    assert len(alles) == len(niet) and alles["citaat"].str.contains("Registratienummer: 20bs00064").any()


def test_page_without_warehouse_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_WAREHOUSE", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[SHELL_KEY] = True  # run the page file on its own, as inside dashboard.py
    at.session_state[SETTINGS_KEY] = load_settings()  # handed in as dashboard.py does
    login(at, "stuurgroep")
    assert not at.exception
    assert "python -m etl load" in at.info[0].value
