"""Definitions of the interview metrics (metrics.interviews) on a small hand-made warehouse (synthetic rows)."""

from __future__ import annotations

import duckdb
import pytest

from etl.schema import create_warehouse
from metrics import interviews
from settings import REFERENCE_DIR

L = ("i.xlsx", "Blad1", 2)


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    """Six participants (four interviewed), two questions and a third without answers, two coders."""
    c = duckdb.connect()
    create_warehouse(c, REFERENCE_DIR)
    c.executemany(
        "INSERT INTO stg_vragen VALUES (?, ?, NULL, NULL, NULL, NULL, ?, ?, ?)",
        [(1, "Definitie", *L), (2, "Opvolging", *L), (3, "Communicatie", *L)],
    )
    c.executemany(
        "INSERT INTO stg_respondenten VALUES (?, NULL, 'KIT-pilot', ?, 'partner', NULL, ?, ?, ?, ?, ?)",
        [("R1", "GEMEENTE", "ja", "ja", *L), ("R2", "UWV", "nee", "ja", *L), ("R3", "AVIM", "ja", "ja", *L),
         ("R4", "SVB", "nee", "ja", *L), ("R5", "POLITIE", "ja", "nee", *L), ("R6", "POLITIE", "ja", "nee", *L)],
    )
    main = [
        ("R1", 1, "positief"), ("R2", 1, "neutraal"), ("R3", 1, "negatief"), ("R4", 1, "niet gevraagd"),
        ("R1", 2, "negatief"), ("R2", 2, "neutraal"), ("R3", 2, "neutraal"), ("R4", 2, "neutraal"),
    ]
    second = [("R1", 1, "negatief"), ("R2", 1, "negatief")]
    c.executemany(
        "INSERT INTO stg_antwoorden VALUES (?, ?, 'tekst', ?, ?, ?, ?, ?)",
        [(*a, "Evaluator", *L) for a in main] + [(*a, "Tweede codeur", *L) for a in second],
    )
    c.executemany("INSERT INTO stg_codeurs VALUES ('KIT-pilot', ?, ?, ?, ?, ?)",
                  [("Evaluator", "ja", *L), ("Tweede codeur", "nee", *L)])
    return c


def _name_primary(con: duckdb.DuckDBPyConnection, *rows: tuple[str, str]) -> None:
    """Replace the Codeurs sheet by `rows` (codeur, primair)."""
    con.execute("DELETE FROM stg_codeurs")
    if rows:
        con.executemany("INSERT INTO stg_codeurs VALUES ('KIT-pilot', ?, ?, ?, ?, ?)", [(*r, *L) for r in rows])


def test_the_primary_coder_is_the_one_the_workbook_names_not_who_coded_most(con: duckdb.DuckDBPyConnection) -> None:
    _name_primary(con, ("Evaluator", "nee"), ("Tweede codeur", "ja"))  # Evaluator coded 8 answers, Tweede codeur 2
    assert interviews.primary_coder(con) == "Tweede codeur"
    assert interviews.interview_coders(con).values.tolist() == [["Evaluator", False, 8], ["Tweede codeur", True, 2]]
    df = interviews.code_counts(con).set_index("vraag_nr")
    assert (df.loc[1, "positief"], df.loc[1, "negatief"], df.loc[1, "n"]) == (0, 2, 2)  # Tweede codeur's codes
    assert df.loc[2, "n"] == 0


@pytest.mark.parametrize(("rows", "message"), [
    ((("Evaluator", "nee"), ("Tweede codeur", "nee")),
     "De interviewwerkmap van KIT-pilot noemt geen primaire codeur. Vul op het blad Codeurs bij één codeur 'ja' in "
     "de kolom primair in (codeurs op dat blad: Evaluator, Tweede codeur)."),
    ((), "De interviewwerkmap van KIT-pilot noemt geen primaire codeur. Vul op het blad Codeurs bij één codeur 'ja' "
         "in de kolom primair in (codeurs op dat blad: geen)."),
    ((("Evaluator", "ja"), ("Tweede codeur", "ja")),
     "De interviewwerkmap van KIT-pilot noemt meer dan één primaire codeur (Evaluator, Tweede codeur)."),
    ((("Evaluatr", "ja"),),
     "De interviewwerkmap van KIT-pilot noemt Evaluatr als primaire codeur, maar op het blad Antwoorden staan geen "
     "codes van Evaluatr."),
])
def test_a_workbook_without_a_usable_primary_coder_gets_a_dutch_message(
        con: duckdb.DuckDBPyConnection, rows: tuple[tuple[str, str], ...], message: str) -> None:
    _name_primary(con, *rows)
    with pytest.raises(interviews.PrimaryCoderError) as raised:
        interviews.code_counts(con)
    assert str(raised.value).startswith(message)


def test_code_counts_one_coder_and_not_asked_apart(con: duckdb.DuckDBPyConnection) -> None:
    df = interviews.code_counts(con).set_index("vraag_nr")
    assert interviews.primary_coder(con) == "Evaluator"
    q1 = df.loc[1]
    assert (q1["positief"], q1["negatief"], q1["neutraal"], q1["niet_gevraagd"], q1["n"]) == (1, 1, 1, 1, 3)
    q2 = df.loc[2]
    assert (q2["positief"], q2["negatief"], q2["neutraal"], q2["niet_gevraagd"], q2["n"]) == (0, 1, 3, 0, 4)
    assert df.loc[3, "n"] == 0 and df.loc[3, "vraag"] == "Communicatie"
    assert list(df.columns) == ["vraag", "positief", "negatief", "neutraal", "niet_gevraagd", "n"]


def test_code_counts_for_another_coder(con: duckdb.DuckDBPyConnection) -> None:
    df = interviews.code_counts(con, codeur="Tweede codeur").set_index("vraag_nr")
    assert (df.loc[1, "negatief"], df.loc[1, "n"], df.loc[2, "n"]) == (2, 2, 0)


def test_code_per_ervaring_splits_by_control_experience(con: duckdb.DuckDBPyConnection) -> None:
    df = interviews.code_per_ervaring(con).set_index(["vraag_nr", "code"])
    assert df.loc[(2, "neutraal"), "antwoorden"] == 3
    assert df.loc[(2, "neutraal"), "nooit_mee"] == 2  # R2 and R4
    assert df.loc[(2, "neutraal"), "mee_geweest"] == 1


def test_population_sample_and_representation(con: duckdb.DuckDBPyConnection) -> None:
    row = interviews.respondenten(con).iloc[0]
    assert (row["populatie"], row["geinterviewd"], row["met_antwoorden"]) == (6, 4, 4)
    rep = interviews.vertegenwoordiging(con).iloc[0]
    assert (rep["organisaties"], rep["vertegenwoordigd"], rep["niet_vertegenwoordigd"]) == (5, 4, 1)
    assert rep["niet_vertegenwoordigd_codes"] == "POLITIE"
    per = interviews.partner_geinterviewd(con).set_index("partner")
    assert (per.loc["POLITIE", "deelnemers"], per.loc["POLITIE", "geinterviewd"]) == (2, 0)
    assert per.loc["AVIM", "geinterviewd"] == 1
    assert per.loc["ISZW", "deelnemers"] == 0
