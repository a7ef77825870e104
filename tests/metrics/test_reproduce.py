"""metrics.reproduce and `python -m metrics reproduce` on small hand-made warehouses (synthetic rows)."""

from __future__ import annotations

import inspect
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.schema import create_warehouse
from metrics import pilot, pit, reproduce
from metrics.__main__ import main
from metrics.published import FIGURES, INCONSISTENCIES, Figure, Inconsistency, Side
from metrics.qualifiers import parse
from settings import REFERENCE_DIR
from tests.marts import marts_as_views

L = ("r.xlsx", "Blad1", 2)


def _warehouse(con: duckdb.DuckDBPyConnection) -> None:
    """One pilot evening, two visits, eleven persons (seven Polish); two PIT results."""
    create_warehouse(con, REFERENCE_DIR)
    marts_as_views(con)  # staging rows are written by hand below
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
    assert reproduce.summary(df.reset_index(), reproduce.kinds(figures)) == (
        "2 van 3 verschillende berekeningen gereproduceerd (3 gedrukte cijfers: 0 getallen, 0 aanwezigheid, "
        "0 afwezigheid, 3 woorden gelezen als cijfer, 0 herhalingen), 1 alternatieve lezingen getoond, niet "
        "meegeteld; 1 gedrukte cijfers wijken af."
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
                      Side("rijen", "2 + 7", pilot.activiteit, "bezoeken", {}, add=7.0), "n"),
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
    # matching here: Polish share, no police interview, no object of an unlisted type, ISZW 7 ATW, no
    # Belastingdienst/Douane rows (3), no evening with the Belastingdienst, no address from a partner's signal; the
    # municipality counts come from rows now, and there are no KIT or PIT evenings, so "acht" and "zes" do not match
    soorten = reproduce.kinds()
    eigen = int((soorten["verplicht"] & (soorten["soort"] != "herhaling")).sum())
    assert out.strip().splitlines()[-1].startswith(
        f"9 van {eigen} verschillende berekeningen gereproduceerd ({sum(f.required for f in FIGURES)} gedrukte "
        "cijfers: "
    )
    assert "uit de tekst" in out  # a side taken from the printed text is never called "berekend"
    assert main(["reproduce", "--warehouse", str(path), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["summary"].startswith(f"9 van {eigen} verschillende berekeningen")
    assert document["overview"]["berekeningen"] == eigen
    assert len(document["inconsistencies"]) == len(INCONSISTENCIES)
    assert {"a_herkomst", "b_herkomst", "status"} <= set(document["inconsistencies"][0])
    records = document["figures"]
    assert len(records) == len(FIGURES)
    reprint = next(r for r in records if r["id"] == "HAM-10.3-v01-positief")
    assert (reprint["kind"], reprint["alias_of"]) == ("herhaling", "HAM-6.2.1-v01-positief")
    assert {"id", "source", "published", "computed", "match", "base", "definition", "note"} <= set(records[0])
    pools = next(r for r in records if r["id"] == "HAM-6.1-pools")
    assert (pools["published"], pools["computed"], pools["match"]) == ("bijna 64%", "63,6%", True)
    assert main(["reproduce", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2


def test_a_date_valued_figure_can_match(con: duckdb.DuckDBPyConnection) -> None:
    figures = [
        _figure("2 april 2019", id="D", metric=pilot.periode, column="eerste_avond", where={}),
        _figure("03-04-2019", id="D2", metric=pilot.periode, column="eerste_avond", where={}),
        _figure("1", id="D3", metric=pilot.periode, column="eerste_avond", where={}),
    ]
    df = reproduce.figures_table(con, figures=figures).set_index("id")
    assert df.loc["D", "match"] and df.loc["D", "berekend"] == "02-04-2019"
    assert df.loc["D", "regel"] == "datum gelijk aan 02-04-2019"
    assert not df.loc["D2", "match"] and not df.loc["D3", "match"]


def test_a_comparison_figure_shows_both_shares(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO stg_controleavonden VALUES ('A2', DATE '2019-05-02', 'KIT-pilot', 'GM1728', "
                "'huisvesting arbeidsmigranten', 5, 'r.xlsx', 'Blad1', 2)")  # Bladel, a B.O.E.R.-gemeente
    con.execute("INSERT INTO stg_bezoeken VALUES ('B3', 'A2', 'ADR-3', '5531', 'woning', NULL, 2, ?, ?, ?)", L)
    con.executemany("INSERT INTO stg_bevindingen VALUES (?, ?, NULL, 'adresfraude', true, 'GEMEENTE', NULL, ?, ?, ?)",
                    [("V1", "B1", *L), ("V2", "B2", *L), ("V3", "B3", *L), ("V4", "B3", *L)])
    con.executemany("INSERT INTO stg_opvolging VALUES (?, ?, NULL, 'GEMEENTE', NULL, 'handhaving', "
                    "DATE '2019-06-01', NULL, 'open', NULL, NULL, ?, ?, ?)",
                    [("O1", "V1", *L), ("O2", "V2", *L), ("O3", "V3", *L)])
    boer = next(f for f in FIGURES if f.id == "HAM-7.2-knelpunt1-boer")
    row = reproduce.figures_table(con, figures=[boer]).iloc[0]
    # Bladel: 1 of 2 violations followed up (V4 has no step and stays in the base); Veldhoven: 2 of 2
    assert (row["berekend"], row["match"], row["teller"], row["noemer"]) == ("50,0% tegen 100,0%", True, 1.0, 2.0)
    con.execute("INSERT INTO stg_opvolging VALUES ('O4', 'V4', NULL, 'GEMEENTE', NULL, 'handhaving', "
                "DATE '2019-06-01', NULL, 'open', NULL, NULL, 'r.xlsx', 'Blad1', 2)")
    assert not reproduce.figures_table(con, figures=[boer]).iloc[0]["match"]  # 100% against 100%: not lower


def test_printed_values_decide_an_inconsistency_and_rows_are_shown(con: duckdb.DuckDBPyConnection) -> None:
    item = Inconsistency(
        "P", "begin",
        Side("evaluatie", "1 februari 2019", pilot.periode, "eerste_avond", printed_value=date(2019, 2, 1)),
        Side("raadsnota", "1 maart 2019", pilot.periode, "eerste_avond", printed_value=date(2019, 3, 1)), "n")
    row = reproduce.inconsistencies_table(con, [item]).iloc[0]
    assert (row["a_berekend"], row["b_berekend"], row["status"]) == ("02-04-2019", "02-04-2019", "tegenstrijdig")
    same = Inconsistency("S", "begin", Side("a", "x", printed_value=date(2019, 2, 1)),
                         Side("b", "y", printed_value=date(2019, 2, 1)), "n")
    assert reproduce.inconsistencies_table(con, [same]).iloc[0]["status"] == "consistent"


def test_catalogue_counts_from_rows_and_names_its_statements() -> None:
    by_id = {f.id: f for f in FIGURES}
    # rows, not the reference tables: every metric behind a figure reads a fact mart or a mart of delivered rows
    from_rows = ("fct_", "dim_respondent", "dim_vraag")
    assert all(any(m in inspect.getsource(f.metric) for m in from_rows) for f in FIGURES)
    assert (by_id["RN-acht-gemeenten"].metric, dict(by_id["RN-acht-gemeenten"].kwargs)) == (
        pilot.gemeenten_met_avonden, {"team": "KIT"})
    assert dict(by_id["PIT-zes-gemeenten"].kwargs) == {"team": "PIT"}
    for fid in ("HAM-6.2.1-tekst-v08-boer", "HAM-7.2-knelpunt1-boer", "PIT-elke-overtreding-opgepakt",
                "PIT-casuistiek-gemeenten-politie"):
        assert by_id[fid].required
    assert parse(by_id["PIT-elke-overtreding-opgepakt"].published).kind == "alle"
    assert parse(by_id["HAM-7.2-knelpunt1-boer"].published).kind == "lager"
    for figure in FIGURES:  # every printed figure can be read
        parse(figure.published)
    items = {i.id: i for i in INCONSISTENCIES}
    assert "Immigratie- en Naturalisatiedienst" in items["I-ind"].note
    assert not items["I-sluitingen"].same_thing
    assert items["I-persberichten-peildatum"].b.kwargs["tot"] == date(2017, 12, 31)
    for key in ("I-periode-start", "I-periode-eind"):  # printed dates as text, the rows' evenings computed
        assert items[key].a.column in ("eerste_avond", "laatste_avond")
        assert isinstance(items[key].a.printed_value, date) and isinstance(items[key].b.printed_value, date)


def test_kinds_name_reprints_presence_absence_and_words() -> None:
    soorten = reproduce.kinds().set_index("id")
    # §10.3 reprints the §6.2.1 table: every cell is the same computation
    herdruk = soorten[soorten.index.str.startswith("HAM-10.3-v")]
    assert len(herdruk) == 36 and set(herdruk["soort"]) == {"herhaling"}
    assert soorten.loc["HAM-10.3-v12-neutraal", "alias_van"] == "HAM-6.2.1-v12-neutraal"
    assert soorten.loc["HAM-6.2.1-v01-positief", "soort"] == "getal" and not soorten.loc["HAM-6.2.1-v01-positief",
                                                                                          "alias_van"]
    assert soorten.loc["HAM-6.1-actie-cv", "soort"] == "aanwezig"  # "CV buiten gebruik gesteld": meer dan 0
    assert soorten.loc["PIT-geen-resultaten-douane", "soort"] == "afwezig"
    assert soorten.loc["PIT-elke-overtreding-opgepakt", "soort"] == "woord"  # "elke" read as 100%
    assert soorten.loc["HAM-6.1-actie-woningen", "soort"] == "woord"  # the plural "Woningen" read as more than 1
    assert soorten.loc["HAM-6.1-pools", "soort"] == "getal"
    assert set(soorten["soort"]) <= set(reproduce.SOORTEN)


def test_a_side_from_the_printed_text_is_not_called_computed(con: duckdb.DuckDBPyConnection) -> None:
    df = reproduce.inconsistencies_table(con).set_index("id")
    by_id = {i.id: i for i in INCONSISTENCIES}
    for item_id, row in df.iterrows():
        item = by_id[item_id]
        assert row["a_herkomst"] == ("berekend" if item.a.metric is not None else "uit de tekst")
        assert row["b_herkomst"] == ("berekend" if item.b.metric is not None else "uit de tekst")
    assert (df["a_herkomst"] == "uit de tekst").any() or (df["b_herkomst"] == "uit de tekst").any()


def test_an_interview_figure_without_a_named_primary_coder_says_why(con: duckdb.DuckDBPyConnection) -> None:
    from metrics import interviews

    con.execute("INSERT INTO stg_vragen VALUES (1, 'Definitie', NULL, NULL, NULL, NULL, 'i.xlsx', 'Vragen', 2)")
    con.execute("INSERT INTO stg_respondenten VALUES ('R1', NULL, 'KIT-pilot', 'UWV', 'partner', NULL, 'ja', 'ja', "
                "'i.xlsx', 'Respondenten', 2)")
    con.execute("INSERT INTO stg_antwoorden VALUES ('R1', 1, 'Ja.', 'positief', 'A', 'i.xlsx', 'Antwoorden', 2)")
    figure = _figure("1", metric=interviews.code_counts, column="positief", where={"vraag_nr": 1})
    row = reproduce.figures_table(con, figures=[figure]).iloc[0]
    assert (row["berekend"], bool(row["match"])) == ("– (niet te berekenen)", False)
    assert row["toelichting"].startswith("De interviewwerkmap van KIT-pilot noemt geen primaire codeur.")
    con.execute("INSERT INTO stg_codeurs VALUES ('KIT-pilot', 'A', 'ja', 'i.xlsx', 'Codeurs', 2)")
    row = reproduce.figures_table(con, figures=[figure]).iloc[0]
    assert (row["berekend"], bool(row["match"]), row["toelichting"]) == ("1", True, "")
