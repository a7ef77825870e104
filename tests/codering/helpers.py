"""Build a small warehouse holding the synthetic interview demo data, without the loader.

Rows go straight into stg_vragen, stg_respondenten, stg_antwoorden and stg_codeurs (see etl/warehouse.sql), so the
metric and page tests do not depend on the loader; tests/etl/test_demo_interviews.py covers the loader.
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pandas as pd

from etl.demo.interviews import CODEUR, RESPONDENTEN, TEAM, VRAGEN, coded_answers
from etl.refresh import refresh_marts
from etl.schema import create_warehouse
from settings import REFERENCE_DIR

_L = ("kit-pilot/evaluatie_interviews.xlsx", "blad", 2)


def build_interview_warehouse(path: Path, extra_codes: list[tuple[str, int, str, str]] = ()) -> Path:
    """Write a warehouse at `path` with the demo interviews (rng 42) and `extra_codes` (respondent, vraag, coder,
    code) from further coders; returns `path`."""
    con = duckdb.connect(str(path))
    try:
        create_warehouse(con, REFERENCE_DIR)
        con.executemany(
            "INSERT INTO stg_vragen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(v.nr, v.vraag, v.definitie, v.positief, v.negatief, v.neutraal, *_L) for v in VRAGEN],
        )
        con.executemany(
            "INSERT INTO stg_respondenten VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, None, TEAM, r.organisatie, r.rol, r.gemeente, "ja" if r.mee else "nee",
              "ja" if r.geinterviewd else "nee", *_L) for r in RESPONDENTEN],
        )
        answers = coded_answers(random.Random(42))
        text = {(rid, nr): t for rid, nr, t, _ in answers}
        rows = [(rid, nr, t, code, CODEUR, *_L) for rid, nr, t, code in answers]
        rows += [(rid, nr, text[(rid, nr)], code, coder, *_L) for rid, nr, coder, code in extra_codes]
        con.executemany("INSERT INTO stg_antwoorden VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("INSERT INTO stg_codeurs VALUES (?, ?, 'ja', ?, ?, ?)", [TEAM, CODEUR, *_L])  # the primary coder
        refresh_marts(con)  # the materialised marts, as a load leaves them
    finally:
        con.close()
    return path


def codes_frame(rows: list[tuple[str, int, str, str]]) -> pd.DataFrame:
    """Long codes (respondent_id, vraag_nr, codeur, code) from tuples."""
    return pd.DataFrame(rows, columns=["respondent_id", "vraag_nr", "codeur", "code"])


CODES_3 = codes_frame([
    ("R1", 1, "A", "positief"), ("R1", 1, "B", "positief"), ("R1", 1, "C", "positief"),
    ("R2", 1, "A", "negatief"), ("R2", 1, "B", "neutraal"),
    ("R3", 1, "A", "neutraal"),
    ("R4", 1, "B", "positief"), ("R4", 1, "C", "negatief"),
    ("R1", 2, "A", "negatief"), ("R1", 2, "B", "negatief"),
])
"""Three coders on two questions: R1/1 all agree, R2/1 and R4/1 differ, R3/1 single, R1/2 agree."""
