"""Privacy at ingest: keyed pseudonyms, pc4 only, BSN columns never stored."""

from __future__ import annotations

import random
import re
import stat
from pathlib import Path

import duckdb

from etl.parse import elfproef
from etl.pseudonym import load_key, pseudonym
from tests.etl.workbooks import controles, query, run, write_workbook

PERSOON_HEADER = ["persoon_id", "bezoek_id", "naam", "bsn", "nationaliteit", "huurovereenkomst", "huur_per_maand",
                  "huur_betaalwijze", "ingeschreven_brp", "verblijfsduur_maanden", "uitzendbureau", "zorgverzekering",
                  "Nummer"]


def _bsns(n: int) -> list[str]:
    rng = random.Random(42)
    found: list[str] = []
    while len(found) < n:
        candidate = str(rng.randrange(10_000_000, 999_999_999)).zfill(9)
        if elfproef(candidate):
            found.append(candidate)
    return found


def test_elfproef():
    assert elfproef("111222333") and elfproef(111222333) and elfproef("12345672")
    assert not elfproef("111222334") and not elfproef("000000000") and not elfproef("1234567")


def test_key_is_created_once_with_mode_0600(tmp_path):
    path = tmp_path / "a" / "b" / "k.key"
    key = load_key(path)
    assert len(key) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path) == key
    assert pseudonym("Jan  Jansen", "naam", key) == pseudonym("jan jansen", "naam", key)
    assert re.fullmatch(r"PER-[0-9a-f]{10}", pseudonym("Jan Jansen", "naam", key))
    assert pseudonym("Jan Jansen", "naam", key) != pseudonym("Jan Jansen", "naam", b"x" * 32)


def test_bsn_columns_are_dropped_and_names_pseudonymised(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    bsns = _bsns(12)
    rows = [PERSOON_HEADER] + [
        [f"P{i}", "BKIT-1", f"Testpersoon Synthetisch {i}", bsns[i], "pools", "nee", "350,00", "ingehouden op loon",
         "nee", 3, "Uitzendbureau Test", "ja", int(bsns[i + 6])]
        for i in range(6)
    ]
    write_workbook(etl_paths["raw"] / "p.xlsx", {"Personen": rows})
    report = run(etl_paths)
    assert report.ok, report.summary()
    notes = report.file("p.xlsx").notes
    assert any("kolom 'bsn'" in n for n in notes) and any("kolom 'Nummer'" in n for n in notes)
    assert "BSN" in report.summary()
    assert query(etl_paths, "SELECT naam_pseudoniem LIKE 'PER-%', nationaliteit, huur_per_maand FROM stg_personen "
                            "LIMIT 1") == [(True, "Pools", 350)]
    seen: list[str] = []
    with duckdb.connect(str(etl_paths["warehouse"]), read_only=True) as con:
        columns = con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall()
        for table, column in columns:
            seen += [str(v[0]) for v in con.execute(f'SELECT CAST("{column}" AS VARCHAR) FROM {table}').fetchall()]
    text = "\n".join(seen)
    assert "PER-" in text and "Testpersoon" not in text and "Teststraat" not in text
    assert not [b for b in bsns if b in text or b.lstrip("0") in text]
    raw = Path(etl_paths["warehouse"]).read_bytes()
    assert not [b for b in bsns if b.encode() in raw]


def test_postcode_keeps_only_pc4(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    run(etl_paths)
    assert query(etl_paths, "SELECT DISTINCT pc4 FROM stg_bezoeken") == [("5531",)]
