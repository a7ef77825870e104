"""The cases of issue 14 ("Why") through the upload page (AppTest): first use without a warehouse, a good and a
broken workbook, the KIT period and the teams file, impossible sheet ranges, numbers too large, Excel error cells,
free text with an address, dependants of a rejected file, a lost key, a yearly sheet name matched by a mapping's
pattern, work copies a crashed load left behind, a zip bomb, and two uploads at the same moment. The command line
has the same cases in tests/etl (test_year_after_year, test_guard, test_bad_cells, test_screen, test_key_guard,
test_never_lose, test_concurrency).

AppTest cannot drive a file picker, so the page's `st.file_uploader` hands it the workbooks a test wrote; the real
picker is driven by the browser test (tests/pages/test_browser_upload.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
import streamlit
from streamlit.testing.v1 import AppTest

from access.audit import AuditLog
from etl.load import load_lock
from settings import load_settings
from tests.etl.test_bad_cells import PERSOON_HEADER, RESULTAAT_HEADER, _persoon, _resultaat, _with_cells
from tests.etl.test_guard import bomb, claimed_range
from tests.etl.test_year_after_year import _avonden, _teams
from tests.etl.workbooks import bezoeken, controles, write_workbook
from tests.login import login

ROOT = Path(__file__).resolve().parents[2]
BEVINDING_HEADER = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]


class _Sent:
    """What st.file_uploader returns for one file: its name and bytes."""

    def __init__(self, path: Path) -> None:
        self.name, self._data = path.name, path.read_bytes()

    def getvalue(self) -> bytes:
        return self._data


@pytest.fixture
def upload(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Open the upload page as the beheerder, hand it `paths` and press the button; returns the page."""
    chosen: list[_Sent] = []
    monkeypatch.setattr(streamlit, "file_uploader", lambda *args, **kwargs: list(chosen))

    def run(*paths: Path) -> AppTest:
        chosen[:] = []
        at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), "beheerder")
        at.switch_page("pages/upload.py").run()
        chosen[:] = [_Sent(p) for p in paths]
        at.run()
        at.button(key="upload_laden").click().run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def _messages(at: AppTest) -> str:
    """Every message the page wrote under the summary, Markdown escapes taken out."""
    return "\n".join(m.value for m in [*at.markdown, *at.caption]).replace("\\", "")


def _statuses(at: AppTest) -> dict[str, str]:
    return dict(zip(at.dataframe[0].value["Bestand"], at.dataframe[0].value["Status"], strict=True))


def test_first_use_without_a_warehouse_says_what_it_does_and_creates_it(upload, tmp_path: Path) -> None:
    settings = load_settings()
    assert not settings.warehouse_path.exists() and not settings.pseudonym_key_path.exists()
    at = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), "beheerder")
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert at.info[0].value.startswith("Er is nog geen datawarehouse: dit is de eerste aanlevering.")
    at = upload(controles(tmp_path / "in" / "controles_bladel.xlsx"))
    assert [s.value for s in at.success] == [
        "Het datawarehouse is aangemaakt; de andere pagina's tonen nu de gegevens. Maak nu een back-up van de "
        "pseudoniemsleutel.", "Alle bestanden zijn geladen."]
    assert settings.pseudonym_key_path.exists()
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        assert con.execute("SELECT bestand, rijen FROM dim_bestand").fetchall() == [("upload/controles_bladel.xlsx", 4)]
    again = login(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), "beheerder")
    assert not again.switch_page("pages/upload.py").run().info  # no first-use note once the warehouse exists


def test_a_good_and_a_broken_workbook(upload, tmp_path: Path) -> None:
    broken = tmp_path / "in" / "kapot.xlsx"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"dit is geen werkmap")
    at = upload(controles(tmp_path / "in" / "goed.xlsx"), broken)
    assert at.error[0].value == "Niet alles is geladen; zie de meldingen hieronder."
    assert _statuses(at) == {"upload/goed.xlsx": "geladen", "upload/kapot.xlsx": "afgewezen"}
    assert "beschadigd of geen xlsx-opmaak" in _messages(at)
    assert sorted(p.name for p in (load_settings().raw_dir / "upload").iterdir()) == ["goed.xlsx"]
    entry = AuditLog(load_settings().audit_log_path).entries().iloc[0]
    assert (entry["gebeurtenis"], entry["onderwerp"]) == ("laden", "goed.xlsx, kapot.xlsx")


def test_the_cases_of_the_issue_each_get_their_message(upload, tmp_path: Path) -> None:
    src = tmp_path / "in"
    controles(src / "c.xlsx")
    write_workbook(src / "kit_2023.xlsx", {"Controleavonden": _avonden(2023, "N-"), "Bezoeken": bezoeken("N-")})
    write_workbook(src / "r.xlsx", {"Resultaten": [RESULTAAT_HEADER, _resultaat("R1", 1e18)]})
    write_workbook(src / "p.xlsx", {"Personen": [PERSOON_HEADER, _persoon("P1", 1e6)]})
    _with_cells(src / "fout.xlsx", {"G2": "#DIV/0!"})
    remark = "Bewoner Jan Jansen, Kerkstraat 12, 5531 AB Bladel"
    write_workbook(src / "f.xlsx", {"Bevindingen": [
        BEVINDING_HEADER, ["F1", "BKIT-1", None, "WAV", "ja", "ISZW", remark]]})
    write_workbook(src / "g.xlsx", {"Bevindingen": [BEVINDING_HEADER, ["G1", "BX-1", None, "WAV", "ja", "ISZW", "-"]]})
    bereik = claimed_range(src)
    write_workbook(src / "x.xlsx", {"Controleavonden": _avonden(2021, "X-"),
                                    "Bezoeken": bezoeken("X-") + [["BX-1", "X-9", "Teststraat 9", "5531 AB", "woning",
                                                                   "Verhuur BV Test", 2]]})
    at = upload(*(src / n for n in ("c.xlsx", "kit_2023.xlsx", "r.xlsx", "p.xlsx", "fout.xlsx", "f.xlsx", "g.xlsx",
                                     "x.xlsx")), bereik)
    messages = _messages(at)
    assert _statuses(at) == {
        "upload/bereik.xlsx": "afgewezen", "upload/c.xlsx": "geladen", "upload/f.xlsx": "geladen",
        "upload/fout.xlsx": "afgewezen", "upload/g.xlsx": "afgewezen", "upload/kit_2023.xlsx": "afgewezen",
        "upload/p.xlsx": "afgewezen", "upload/r.xlsx": "afgewezen", "upload/x.xlsx": "afgewezen"}
    assert ("datum valt buiten de periode van team KIT (02-06-2020 t/m 31-12-2022); de periode staat in "
            "etl/reference/teams.csv") in messages
    assert "upload/bereik.xlsx: blad 'Controleavonden' zegt 1.048.576 rijen x 16.384 kolommen" in messages
    assert "r.xlsx, blad 'Resultaten', rij 2, kolom 'bedrag_eur': waarde '1000000000000000000': getal te groot" \
        in messages
    assert "p.xlsx, blad 'Personen', rij 2, kolom 'verblijfsduur_maanden': waarde '1000000': getal te groot" \
        in messages
    assert "fout.xlsx, blad 'Controleavonden', rij 2, kolom 'aantal_deelnemers': waarde '#DIV/0!'" in messages
    assert "vrije tekst gescreend, 2 gemaskeerd (1 adres, 1 postcode)" in messages
    assert messages.count("uit het afgewezen bestand upload/x.xlsx") == 1  # one line for the dependant
    with duckdb.connect(str(load_settings().warehouse_path), read_only=True) as con:
        assert con.execute("SELECT toelichting FROM fct_bevinding").fetchall() == [
            ("Bewoner Jan Jansen, [adres], [postcode] Bladel",)]
    teams = _teams(src / "teams.xlsx", ["KIT", "Kempen Interventie Team", "Kempen", date(2020, 6, 2), None, None])
    at = upload(teams, src / "kit_2023.xlsx")  # the teams file gives KIT an open end: the 2023 delivery loads
    assert _statuses(at)["upload/kit_2023.xlsx"] == "geladen" and _statuses(at)["upload/teams.xlsx"] == "geladen"


def test_a_lost_key_is_refused_with_a_message(upload, tmp_path: Path) -> None:
    upload(controles(tmp_path / "in" / "a.xlsx"))
    load_settings().pseudonym_key_path.unlink()
    at = upload(controles(tmp_path / "in" / "b.xlsx", prefix="B-"))
    assert at.error[0].value.startswith("Laden geweigerd: de pseudoniemsleutel ontbreekt")
    assert not load_settings().pseudonym_key_path.exists()  # never silently recreated
    assert not (load_settings().raw_dir / "upload" / "b.xlsx").exists()


def test_a_yearly_sheet_name_by_pattern_and_work_copies_left_by_a_crash(upload, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    mappings = tmp_path / "mappings"
    mappings.mkdir()
    (mappings / "jaren.toml").write_text(
        'name = "jaarbladen"\nkind = "controles"\nfiles = ["upload/jaar_*.xlsx"]\n'
        '[sheets.Controleavonden]\nsheet = "Avonden *"\n[sheets.Bezoeken]\nsheet = "Bezoeken *"\n')
    monkeypatch.setenv("KIT_MAPPINGS_DIR", str(mappings))
    upload(controles(tmp_path / "in" / "eerst.xlsx", prefix="E-"))
    stale = load_settings().warehouse_path.with_name("kit.duckdb.tmp-4194999-abc123")
    stale.write_bytes(b"left by a load that was killed")
    at = upload(write_workbook(tmp_path / "in" / "jaar_2022.xlsx", {"Avonden 2022": _avonden(2022, "J-"),
                                                                    "Bezoeken 2022": bezoeken("J-")}))
    assert _statuses(at) == {"upload/eerst.xlsx": "ongewijzigd", "upload/jaar_2022.xlsx": "geladen"}
    assert "layout jaarbladen" in at.dataframe[0].value.set_index("Bestand").loc["upload/jaar_2022.xlsx", "Toelichting"]
    assert not stale.exists()


def test_a_zip_bomb_is_refused_and_a_second_upload_waits_for_the_first(upload, tmp_path: Path) -> None:
    at = upload(bomb(tmp_path / "in"), controles(tmp_path / "in" / "goed.xlsx"))
    assert _statuses(at) == {"upload/bom.xlsx": "afgewezen", "upload/goed.xlsx": "geladen"}
    assert "upload/bom.xlsx" in _messages(at) and "keer samengeperst" in _messages(at)
    with load_lock(load_settings().warehouse_path):  # another beheerder's load is running
        at = upload(controles(tmp_path / "in" / "tweede.xlsx", prefix="T-"))
    assert at.warning[0].value.startswith("Even geduld: er loopt al een laadronde voor dit warehouse")
    assert not (load_settings().raw_dir / "upload" / "tweede.xlsx").exists()  # nothing stored, nothing half-loaded
    at = upload(controles(tmp_path / "in" / "tweede.xlsx", prefix="T-"))  # retried afterwards: it loads
    assert _statuses(at)["upload/tweede.xlsx"] == "geladen"
