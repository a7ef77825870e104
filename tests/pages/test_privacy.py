"""Small-count suppression on the pages: burgemeester and stuurgroep see "<5" for small person counts, with a note
saying why; evaluators see the count itself (small synthetic warehouse of tests/testwarehouse.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from access.audit import AuditLog
from settings import load_settings
from tests.downloads import deferred_bytes, download_csv
from tests.login import login
from ui.filters import GEMEENTE_KEY, PERIODE_KEY, TEAM_KEY

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
    samenvatting = next(m.value for m in at.markdown if m.value.startswith("In deze periode"))
    assert "1 objecten zijn bezocht en minder dan 5 personen zijn aangetroffen." in samenvatting  # the text too
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def test_evaluator_sees_the_count(app: AppTest) -> None:
    at = _deurne(login(app, "evaluator"))
    assert {m.label: m.value for m in at.metric}["Aangetroffen personen"] == "3"
    assert any("en 3 personen zijn aangetroffen." in m.value for m in at.markdown)
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


def _overtredingen(at: AppTest, per: str | None) -> AppTest:
    at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot"]).run()
    at.switch_page("pages/overtredingen.py").run()
    at.radio(key="overtredingen_basis").set_value("personen").run()
    at = at.radio(key="overtredingen_per").set_value(per).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _bars(at: AppTest) -> list[list[str]]:
    return [trace["y"] for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]


def test_overtredingen_person_base_worked_example(app: AppTest) -> None:
    """KIT pilot, base persons: 15 persons with a 'strijdig gebruik' violation, 4 with 'brandveiligheid', 3 with
    'adresfraude', of 25 persons found. 4 and 3 are hidden, and so are their shares (4 / 25 gives 4 back); the
    chart leaves them out. Two hidden cells in the one column: neither can be recomputed."""
    at = _overtredingen(login(app, "stuurgroep"), None)
    export = download_csv(at, "dl_csv_overtredingen_per_categorie_personen")
    assert export[["Categoriecode", "Aantal", "Basis", "Aandeel van de aangetroffen personen (%)"]].values.tolist() == [
        ["strijdig gebruik bestemmingsplan", "15", "25", "60,0"],
        ["brandveiligheidseisen", "<5", "25", ""],
        ["adresfraude", "<5", "25", ""],
    ]
    assert _bars(at) == [["Strijdig gebruik van het bestemmingsplan"]]
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def test_overtredingen_person_base_per_municipality(app: AppTest) -> None:
    """Per municipality (categories x municipalities): Veldhoven 10 / 4 / 3, Bergeijk 5 / - / -. The 4 and 3 of
    Veldhoven are hidden (two in its column); their rows hold Bergeijk's zeros, which are hidden as secondary
    cells (no line shown), so no row or column has exactly one hidden cell."""
    at = _overtredingen(login(app, "burgemeester"), "gemeente")
    export = download_csv(at, "dl_csv_overtredingen_per_categorie_personen")
    assert export[["Gemeente", "Categoriecode", "Aantal", "Basis"]].values.tolist() == [
        ["Bergeijk", "strijdig gebruik bestemmingsplan", "5", "5"],
        ["Veldhoven", "strijdig gebruik bestemmingsplan", "10", "20"],
        ["Veldhoven", "brandveiligheidseisen", "<5", "20"],
        ["Veldhoven", "adresfraude", "<5", "20"],
    ]
    assert sorted(sum(_bars(at), [])) == ["Strijdig gebruik van het bestemmingsplan"] * 2


def test_overtredingen_evaluator_sees_every_count(app: AppTest) -> None:
    at = _overtredingen(login(app, "evaluator"), None)
    export = download_csv(at, "dl_csv_overtredingen_per_categorie_personen")
    assert export["Aantal"].tolist() == ["15", "4", "3"]
    assert not any("worden niet getoond" in c.value for c in at.caption)


def test_overtredingen_objects_are_not_suppressed(app: AppTest) -> None:
    at = login(app, "stuurgroep")
    at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot"]).run()
    at.switch_page("pages/overtredingen.py").run()
    at = at.radio(key="overtredingen_basis").set_value("objecten").run()
    export = download_csv(at, "dl_csv_overtredingen_per_categorie_objecten")
    assert "<5" not in export.to_string()


@pytest.mark.skipif(not (Path("/usr/bin/chromium").exists() and shutil.which("pdftotext")),
                    reason="needs /usr/bin/chromium and pdftotext (scripts/test.sh installs both when run as root)")
@pytest.mark.parametrize(("role", "shown"), [("burgemeester", "<5"), ("evaluator", "3")])
def test_council_pdf_follows_the_role_and_is_audited(app: AppTest, tmp_path: Path, role: str, shown: str) -> None:
    """The one-pager from the Overzicht button, made on the click outside the script run as the server does: PIT
    in Deurne 2017 has 3 persons, hidden for a mayor, shown to an evaluator; the PDF is an export in the audit log."""
    at = _deurne(login(app, role))
    at = at.text_input(key=PERIODE_KEY).input("2017").run()
    pdf = tmp_path / "raad.pdf"
    pdf.write_bytes(deferred_bytes(at, "Raadsnotitie (pdf)"))
    tekst = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert f"Bezochte objecten Aangetroffen personen 1 1 {shown}" in tekst
    entry = AuditLog(load_settings().audit_log_path).entries().iloc[0]
    assert (entry["gebeurtenis"], entry["rol"], entry["onderwerp"]) == (
        "export", role, "raadsnotitie_PIT_Deurne_2017.pdf")


def test_kit_vs_pit_hides_small_person_counts_and_their_rates(app: AppTest) -> None:
    """PIT and KIT in Deurne and Best (small synthetic warehouse): each team found 3 persons (Q3 in Deurne, R1 in
    Best). Both are "<5" with their rates emptied (3 / 12 months would give 3 back); teams are never summed, so
    nothing else is hidden: the evenings (1 each) stay. The chart draws no persons bar, the persons beside the
    other teams' published figures are hidden too."""
    at = login(app, "stuurgroep")
    at.switch_page("pages/kit_vs_pit.py").run()
    at.multiselect(key=TEAM_KEY).set_value(["PIT", "KIT"]).run()
    at = at.multiselect(key=GEMEENTE_KEY).set_value(["GM0762", "GM0753"]).run()
    assert not at.exception, [e.value for e in at.exception]
    ruw = next(df.value for df in at.dataframe if "kengetal_naam" in df.value.columns).set_index(
        ["team", "kengetal_naam"])
    for team in ("PIT", "KIT"):
        assert ruw.loc[(team, "Aangetroffen personen"), ["aantal", "per_maand", "per_gemeente", "per_10000"]
                       ].tolist() == ["<5", "–", "–", "–"]
        assert ruw.loc[(team, "Controleavonden"), "aantal"] == "1"
    export = download_csv(at, "dl_csv_kit_vs_pit_ruwe_aantallen")
    assert export.loc[export["Kengetal"] == "Aangetroffen personen", "Aantal"].tolist() == ["<5", "<5"]
    assert export.loc[export["Kengetal"] == "Aangetroffen personen", "Per maand"].tolist() == ["", ""]
    panelen = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    personen = [t for t in panelen if "Aangetroffen personen" in (t.get("hovertemplate") or "")]
    assert personen and all(v is None for t in personen for v in _values(t["y"]))
    andere = next(df.value for df in at.dataframe if "herkomst" in df.value.columns)
    rijen = andere[andere["herkomst"] == "berekend uit rijen"]
    assert rijen["waarde"].tolist() == ["<5", "<5"] and rijen["per_gemeente"].tolist() == ["–", "–"]
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def _values(y: object) -> list[object]:
    """Plotly JSON values: a list, or a typed array {"dtype", "bdata"} (decoded; NaN as None)."""
    if isinstance(y, list):
        return y
    import base64

    import numpy as np

    return [None if np.isnan(v) else v for v in np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"])]


def test_partner_results_are_suppressed_attendance_is_not(app: AppTest) -> None:
    """PIT (small synthetic warehouse): SENZER 3 investigations and 1 ending, POLITIE 2 arrests and 1 seizure; all
    below 5, so all "<5" (each partner's row holds two hidden cells); the evenings present stay."""
    at = login(app, "burgemeester")
    at.multiselect(key=TEAM_KEY).set_value(["PIT"]).run()
    at = at.switch_page("pages/partners.py").run()
    assert not at.exception, [e.value for e in at.exception]
    texts = [md.value for md in at.markdown]
    assert "- 1 actie aanwezig\n- <5 keer onderzoek\n- <5 keer beëindiging, € 8.000" in texts
    assert "- 2 acties aanwezig\n- <5 keer aanhouding\n- <5 keer inbeslagname (214,0 gram)" in texts
    export = download_csv(at, "dl_csv_resultaten_per_organisatie")
    assert export[["Partnercode", "Soort", "Aantal"]].values.tolist()[:6] == [
        ["POLITIE", "acties aanwezig", "2"], ["POLITIE", "aanhouding", "<5"], ["POLITIE", "inbeslagname", "<5"],
        ["SENZER", "acties aanwezig", "1"], ["SENZER", "onderzoek", "<5"], ["SENZER", "beëindiging", "<5"]]
    assert export["Aantal"].tolist()[6:] == ["2", "1", "1", "1"]  # the other partners only attended
    assert any("Aantallen personen onder de 5 worden niet getoond" in c.value for c in at.caption)


def test_kit_vs_pit_partner_results_each_team_on_its_own(app: AppTest) -> None:
    """KIT pilot and PIT over their whole periods: partner results 4 (pilot) and 7 (PIT), persons 25 and 13. Only
    the pilot's 4 is hidden: teams and kengetallen are never added up, so no second cell is needed."""
    at = login(app, "stuurgroep")
    at.switch_page("pages/kit_vs_pit.py").run()
    at = at.multiselect(key=TEAM_KEY).set_value(["KIT-pilot", "PIT"]).run()
    assert not at.exception, [e.value for e in at.exception]
    ruw = next(df.value for df in at.dataframe if "kengetal_naam" in df.value.columns)
    aantallen = {(r.team, r.kengetal_naam): r.aantal for r in ruw.itertuples()}
    assert aantallen[("KIT pilot", "Partnerresultaten (keer)")] == "<5"
    assert aantallen[("PIT", "Partnerresultaten (keer)")] == "7"
    assert aantallen[("KIT pilot", "Aangetroffen personen")] == "25" and aantallen[("PIT", "Aangetroffen personen")
                                                                                  ] == "13"
