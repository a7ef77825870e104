"""metrics.reproduce and `python -m metrics reproduce` on small hand-made warehouses (synthetic rows)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.schema import create_warehouse
from metrics import pilot, pit, reproduce
from metrics.__main__ import main
from metrics.published import FIGURES, INCONSISTENCIES, Figure, Inconsistency, Side

REFERENCE = Path(__file__).resolve().parents[2] / "etl" / "reference"
L = ("r.xlsx", "Blad1", 2)


def _warehouse(con: duckdb.DuckDBPyConnection) -> None:
    """One pilot evening, two visits, eleven persons (seven Polish); two PIT results."""
    create_warehouse(con, REFERENCE)
    con.execute("INSERT INTO stg_controleavonden VALUES ('A1', DATE '2019-04-02', 'KIT-pilot', 'GM0861', "
                "'huisvesting arbeidsmigranten', 5, 'r.xlsx', 'Blad1', 2)")
    con.executemany("INSERT INTO stg_bezoeken VALUES (?, 'A1', ?, '5501', 'woning', NULL, ?, ?, ?, ?)",
                    [("B1", "ADR-1", 6, *L), ("B2", "ADR-2", 5, *L)])
    nationalities = ["Pools"] * 7 + ["Roemeens"] * 3 + ["Nederlands"]
    con.executemany(
        "INSERT INTO stg_personen VALUES (?, ?, NULL, ?, 'nee', 300, 'bank', 'nee', 2, NULL, 'ja', ?, ?, ?)",
        [(f"F{i}", "B1" if i <= 6 else "B2", nat, *L) for i, nat in enumerate(nationalities, 1)],
    )
    con.executemany(
        "INSERT INTO stg_partnerresultaten VALUES (?, 'PIT', ?, NULL, ?, ?, NULL, NULL, NULL, DATE '2017-05-01', "
        "?, ?, ?)",
        [("R1", "ISZW", "overtreding atw", 7, *L), ("R2", "ENEXIS", "meter vervangen", 8, *L)],
    )


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    _warehouse(c)
    return c


def _figure(published: str, **kw: object) -> Figure:
    base = {"id": "T", "document": "Doc", "section": "§1", "text": "tekst", "published": published,
            "metric": pilot.persoonskenmerken, "column": "aandeel_pct",
            "where": {"kenmerk": "nationaliteit", "waarde": "Pools"}}
    base.update(kw)
    return Figure(**base)  # type: ignore[arg-type]


def test_a_share_is_matched_under_its_qualifier(con: duckdb.DuckDBPyConnection) -> None:
    # 7 of 11 = 63.6%
    df = reproduce.figures_table(con, figures=[_figure("bijna 64%", numerator="personen", denominator="totaal"),
                                               _figure("64%", id="T2"), _figure("zo'n 63%", id="T3")])
    assert list(df["match"]) == [True, True, False]
    row = df.iloc[0]
    assert (row["berekend"], row["teller"], row["noemer"], row["icoon"]) == ("63,6%", 7.0, 11.0, "✅")
    assert row["regel"] == "kleiner dan 64% en afgerond 64%"
    assert row["definitie"].startswith("metrics.pilot.persoonskenmerken: Shares of persons found")


def test_counts_ranges_missing_rows_and_alternative_readings(con: duckdb.DuckDBPyConnection) -> None:
    figures = [
        _figure("11", id="P", metric=pilot.activiteit, column="personen", where={}),
        _figure("tussen 300 en 300", id="H", metric=pilot.huur, column=("huur_min", "huur_max"), where={}),
        _figure("3", id="X", metric=pit.resultaten, column="aantal", kwargs={"team": "PIT"},
                where={"organisatie": "ISZW", "soort": "bestaat niet"}),
        _figure("12", id="A", metric=pilot.activiteit, column="personen", where={}, required=False),
    ]
    df = reproduce.figures_table(con, figures=figures).set_index("id")
    assert df.loc["P", "match"] and df.loc["H", "match"]
    assert df.loc["H", "berekend"] == "300 – 300"
    assert not df.loc["X", "match"] and df.loc["X", "berekend"] == "– (geen rijen)"
    assert df.loc["A", "icoon"] == "➖"
    assert reproduce.summary(df.reset_index()) == (
        "2 van 3 gepubliceerde cijfers gereproduceerd (1 alternatieve lezingen getoond, niet meegeteld); 1 wijken af."
    )
    assert not reproduce.all_match(df.reset_index())
    only = reproduce.figures_table(con, only_mismatches=True, figures=figures)
    assert list(only["id"]) == ["X"]  # the alternative reading A is no deviation


def test_inconsistency_sides_from_rows_dates_and_text(con: duckdb.DuckDBPyConnection) -> None:
    items = [
        Inconsistency("I1", "ATW", Side("top 10", "10", value=10.0),
                      Side("ISZW", "7", pit.resultaten, "aantal", {"organisatie": "ISZW"}, {"team": "PIT"}), "n"),
        Inconsistency("I2", "looptijd", Side("tekst", "20 maanden", value=20.0, unit="maanden"),
                      Side("fasen", "", dates=(date(2018, 9, 1), date(2020, 7, 1)), unit="maanden"), "n"),
        Inconsistency("I3", "plus", Side("tekst", "negen", value=9.0),
                      Side("ref", "8 + 1", pilot.regio_gemeenten, "gemeenten", {"regio": "Kempen"}, add=1.0), "n"),
        Inconsistency("I4", "begrip", Side("a", "1", value=1.0), Side("b", "2", value=2.0), "n", same_thing=False),
    ]
    df = reproduce.inconsistencies_table(con, items).set_index("id")
    assert (df.loc["I1", "b_berekend"], df.loc["I1", "status"]) == ("7", "tegenstrijdig")
    assert df.loc["I2", "b_berekend"] == "22 maanden"
    assert (df.loc["I3", "b_berekend"], df.loc["I3", "status"]) == ("9", "consistent")
    assert (df.loc["I4", "status"], df.loc["I4", "icoon"]) == ("verschillende begrippen", "ℹ️")


def test_catalogue_is_complete_and_well_formed() -> None:
    ids = [f.id for f in FIGURES]
    assert len(ids) == len(set(ids))
    assert len(ids) > 200
    assert sum(f.id.startswith("HAM-6.2.1-v") for f in FIGURES) == 36
    assert sum(f.id.startswith("HAM-10.3-v") for f in FIGURES) == 36
    assert sum(f.id.startswith("PIT-top10-") for f in FIGURES) == 20
    assert len({i.id for i in INCONSISTENCIES}) == len(INCONSISTENCIES) >= 15
    for figure in FIGURES:
        assert figure.metric.__doc__, figure.id


def test_cli_table_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kit.duckdb"
    con = duckdb.connect(str(path))
    _warehouse(con)
    con.close()
    assert main(["reproduce", "--warehouse", str(path)]) == 1  # a tiny warehouse reproduces little
    out = capsys.readouterr().out
    assert "HAM-6.1-pools" in out and "Tegenstrijdigheden" in out
    # matching here: 8 Kempen and 6 Peelland municipalities (reference), Polish share, no police interview, no
    # object of an unlisted type, ISZW 7 ATW, no Belastingdienst/Douane rows (3)
    assert out.strip().splitlines()[-1].startswith(f"9 van {sum(f.required for f in FIGURES)} gepubliceerde")
    assert main(["reproduce", "--warehouse", str(path), "--json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(FIGURES)
    assert {"id", "source", "published", "computed", "match", "base", "definition", "note"} <= set(records[0])
    pools = next(r for r in records if r["id"] == "HAM-6.1-pools")
    assert (pools["published"], pools["computed"], pools["match"]) == ("bijna 64%", "63,6%", True)
    assert main(["reproduce", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2
