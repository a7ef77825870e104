"""Privacy at ingest: keyed pseudonyms, pc4 only, BSN columns never stored."""

from __future__ import annotations

import random
import re
import stat
from datetime import date
from pathlib import Path

import duckdb

from etl.parse import elfproef
from etl.pseudonym import load_key, pseudonym
from tests.etl.workbooks import avonden, controles, query, run, write_workbook

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


def test_a_bsn_in_free_text_is_masked_and_in_a_number_cell_rejects_the_file_without_echoing_it(etl_paths):
    controles(etl_paths["raw"] / "c.xlsx")
    header = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [
        header, ["F1", "BKIT-1", None, "Overbewoning", "ja", "Gemeente", "bewoner 1234.56.782 aangetroffen"],
        ["F2", "BKIT-1", None, "Overbewoning", "ja", "Gemeente", "kenmerk 123456789 (geen BSN: elfproef faalt)"],
        ["F3", "BKIT-2", None, "Overbewoning", "ja", "Gemeente", "BSN 111 222 333"]]})
    rows = [["bezoek_id", "controleavond_id", "adres", "postcode", "object_type", "eigenaar", "aantal_personen"],
            ["BD-1", "KIT-1", "Synthetische straat 1", "5531 AB", "woning", "", 111222333]]
    write_workbook(etl_paths["raw"] / "d.xlsx", {"Controleavonden": avonden("D-", 1)[:1] + [
        ["KIT-D1", date(2021, 3, 1), "KIT", "Bladel", "Horeca", "Gemeente", 4]], "Bezoeken": rows})
    report = run(etl_paths)
    assert report.file("f.xlsx").status == "geladen"
    assert query(etl_paths, "SELECT bevinding_id, toelichting FROM stg_bevindingen ORDER BY 1") == [
        ("F1", "bewoner [BSN] aangetroffen"), ("F2", "kenmerk 123456789 (geen BSN: elfproef faalt)"),
        ("F3", "BSN [BSN]")]
    assert "f.xlsx, blad 'Bevindingen', kolom 'toelichting': vrije tekst gescreend, 2 gemaskeerd (2 BSN) voor " \
        "opslag" in report.summary()
    found = report.file("d.xlsx").problems
    assert [(p.regel, p.kolom, p.waarde) for p in found] == [("bsn_in_cel", "aantal_personen", "*****2333")]
    assert found[0].melding.startswith("d.xlsx, blad 'Bezoeken', rij 2, kolom 'aantal_personen': waarde "
                                       "'*****2333': in deze cel staat een BSN")
    stored = "\n".join(str(r) for r in query(etl_paths, "SELECT * FROM meta_afwijzing"))
    assert "bsn_in_cel" in stored
    assert not any(b in stored or b in report.summary() for b in ("123456782", "1234.56.782", "111 222 333",
                                                                      "111222333"))


def test_bsn_scan_finds_split_numbers_only_when_they_pass_the_elfproef():
    from etl.parse import find_bsn, mask_bsn

    assert find_bsn("nr 1234.56.782") == "123456782" and find_bsn(111222333.0) == "111222333"
    assert find_bsn("tel 0612345678") is None and find_bsn("123456789") is None and find_bsn(1234567.82) is None
    assert find_bsn("bedrag 1.111.222.333") is None and find_bsn(date(2021, 3, 1)) is None
    assert mask_bsn("123451851") == "*****1851"
