"""End to end: load data/raw (synthetic demo data) with the loader into a fresh warehouse and reproduce every
published figure; then change one record in one raw workbook and show that the figure follows the rows.

The raw folder comes from settings.py (KIT_RAW_DIR overrides it). Nothing is skipped: an incomplete raw
folder fails these tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import openpyxl
import pytest

from metrics import interviews, pilot, pit, reproduce
from metrics.__main__ import main
from metrics.filters import Filter
from metrics.overtredingen import top_overtredingen
from settings import load_settings
from tests.testwarehouse import load_folder

SETTINGS = load_settings()
RAW = SETTINGS.raw_dir


def _load(raw: Path, warehouse: Path) -> Path:
    report = load_folder(raw, warehouse, warehouse.with_suffix(".key"))
    assert report.ok, report.summary()
    return warehouse


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built once per session from the raw folder."""
    return _load(RAW, tmp_path_factory.mktemp("raw_wh") / "kit.duckdb")


@pytest.fixture(scope="session")
def figures(warehouse: Path) -> object:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return reproduce.figures_table(con)
    finally:
        con.close()


def test_raw_folder_holds_the_pilot_the_pit_and_the_interviews() -> None:
    files = {p.relative_to(RAW).as_posix() for p in RAW.rglob("*.xlsx")}
    assert "kit-pilot/evaluatie_interviews.xlsx" in files
    assert any(f.startswith("kit-pilot/") and "interview" not in f for f in files), files
    assert any(f.startswith("pit/") for f in files), files


def test_every_published_figure_is_reproduced(figures) -> None:  # type: ignore[no-untyped-def]
    required = figures[figures["verplicht"]]
    wrong = required.loc[~required["match"], ["id", "gepubliceerd", "berekend"]].values.tolist()
    assert wrong == []
    assert len(required) > 200


def test_pilot_values_from_rows(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        act = pilot.activiteit(con).iloc[0]
        assert (act["controleavonden"], act["adressen"], act["personen"], act["personen_som"]) == (17, 42, 232, 232)
        kenmerken = pilot.persoonskenmerken(con).set_index(["kenmerk", "waarde"])["personen"]
        assert kenmerken[("nationaliteit", "Pools")] == 148  # 63.8%: "bijna 64%"
        assert kenmerken[("nationaliteit", "Nederlands")] == 3  # 1.3%: "iets meer dan 1%"
        huur = pilot.huur(con).iloc[0]
        assert (huur["huur_min"], huur["huur_max"]) == (195.0, 625.0)
        assert pilot.uitzendbureaus(con).iloc[0]["uitzendbureaus"] == 32
        v = pilot.overtredingen(con).set_index(["groep", "basis"])["getroffen"]
        assert v[("BRP", "personen")] == 93  # 40.1%
        assert v[("ruimtelijk", "personen")] == 60  # 25.9%
        assert v[("brandveiligheid", "personen")] == 19  # 8.2%
        assert v[("brandveiligheid", "adressen")] in (1, 2, 3, 4)  # the other reading: a whole number of addresses
    finally:
        con.close()


def test_interview_and_pit_values_from_rows(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = interviews.code_counts(con).set_index("vraag_nr")
        assert list(counts.loc[4, ["positief", "negatief", "neutraal", "niet_gevraagd", "n"]]) == [3, 15, 2, 1, 20]
        resp = interviews.respondenten(con).iloc[0]
        assert (resp["populatie"], resp["geinterviewd"]) == (37, 21)
        assert pilot.activiteit(con, team="PIT").iloc[0]["bezoeken"] == 110
        top = top_overtredingen(con, Filter(teams=("PIT",))).set_index("categorie")
        assert top.loc["adresfraude", "overtredingen"] == 54 and top.loc["asbest", "overtredingen"] == 9
        assert pit.geldresultaat(con).iloc[0]["bedrag_eur"] == pytest.approx(396939, abs=0.5)
        bases = reproduce.violation_bases(con).set_index("id")
        assert list(bases["gepubliceerd"]) == ["40%", "26%", "8%"] and set(bases["adressen"]) == {42}
        brand = bases.loc["HAM-6.1-overtreding-brandveiligheid"]
        assert not brand["heel_aantal"] and (brand["lager_aantal"], brand["hoger_aantal"]) == (3, 4)
        assert brand["lager_pct"] == pytest.approx(100 * 3 / 42)
        assert bases.loc["HAM-6.1-overtreding-brp", "heel_aantal"]  # 17/42 = 40.5% rounds to 40%
        assert reproduce.overview(con).iloc[0]["voorbeelden"] == '"bijna 64%", "zo\'n 13%", "iets meer dan 1%"'
    finally:
        con.close()


def _change_first(raw: Path, header: str, old: str, new: str) -> Path:
    """In the first workbook under `raw` with a column `header`, change the first cell `old` to `new`."""
    for path in sorted(raw.rglob("*.xlsx")):
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows(min_row=1, max_row=5):
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.strip().lower() == header.lower():
                        for target in ws.iter_cols(min_col=cell.column, max_col=cell.column, min_row=cell.row + 1):
                            for value_cell in target:
                                if value_cell.value == old:
                                    value_cell.value = new
                                    wb.save(path)
                                    return path
    raise AssertionError(f"no workbook with a column {header!r} holding {old!r}")


def test_a_changed_record_changes_the_figure(tmp_path: Path, warehouse: Path, figures) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "raw"
    shutil.copytree(RAW, copy)
    changed = _change_first(copy / "kit-pilot", "Nationaliteit", "Pools", "Duits")
    assert changed.name != "evaluatie_interviews.xlsx"
    changed_wh = _load(copy, tmp_path / "kit.duckdb")
    con = duckdb.connect(str(changed_wh), read_only=True)
    try:
        kenmerken = pilot.persoonskenmerken(con).set_index(["kenmerk", "waarde"])["personen"]
        assert kenmerken[("nationaliteit", "Pools")] == 147
        assert kenmerken[("nationaliteit", "Duits")] == 1
        after = reproduce.figures_table(con).set_index("id")
    finally:
        con.close()
    before = figures.set_index("id")
    assert before.loc["HAM-6.1-pools", "match"] and before.loc["HAM-6.1-pools", "berekend"] == "63,8%"
    assert not after.loc["HAM-6.1-pools", "match"] and after.loc["HAM-6.1-pools", "berekend"] == "63,4%"
    assert main(["reproduce", "--warehouse", str(changed_wh)]) == 1
    assert main(["reproduce", "--warehouse", str(warehouse)]) == 0


def test_follow_up_signals_and_municipalities_from_rows(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        every = pit.opgevolgde_overtredingen(con).iloc[0]
        assert (every["overtredingen"], every["opgevolgd"]) == (410, 410)  # "Tot nu wordt nog elke overtreding ..."
        boer = pilot.opvolging_gemeenten(con).iloc[0]
        assert (boer["groep_opgevolgd"], boer["groep_overtredingen"]) == (22, 72)  # 30.6%
        assert (boer["overig_opgevolgd"], boer["overig_overtredingen"]) == (25, 28)  # 89.3%
        signals = pit.signaalbronnen(con, ("GEMEENTE", "POLITIE")).iloc[0]
        assert (signals["signalen"], signals["totaal"]) == (86, 96)  # 89.6%: "vooral"
        assert [pilot.gemeenten_met_avonden(con, team=t).iloc[0]["gemeenten"] for t in ("KIT", "PIT")] == [8, 6]
        items = reproduce.inconsistencies_table(con).set_index("id")
    finally:
        con.close()
    assert items.loc["I-persberichten-peildatum", ["a_berekend", "b_berekend", "status"]].tolist() == [
        "30", "30", "consistent"]
    assert items.loc["I-sluitingen", ["a_berekend", "b_berekend", "status"]].tolist() == [
        "8", "5", "verschillende begrippen"]
    start = items.loc["I-periode-start"]
    assert (start["a_berekend"], start["b_berekend"], start["status"]) == ("15-04-2019", "15-04-2019", "tegenstrijdig")
    assert items.loc["I-periode-eind", "a_berekend"] == "23-11-2019"
