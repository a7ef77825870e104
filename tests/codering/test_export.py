"""codering.export: the report workbook's layout and content, and the CSV."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from codering.export import answers_frame, csv_bytes, report_workbook, result_frame
from codering.werkwijze import coded_answers_table, effective_codes
from metrics.codering import RULE_TEXT, result_table

QUESTIONS = pd.DataFrame({"vraag_nr": [1, 2], "vraag": ["Voelt u zich gehoord?", "Communicatie"]})
ANSWERS = pd.DataFrame({
    "respondent_id": ["R1", "R2", "R1", "R2"], "vraag_nr": [1, 1, 2, 2],
    "antwoord": ["Ja, er wordt zeker geluisterd. " * 4, "Nee.", "Goed.", ""],
    "organisatie": ["UWV", "SVB", "UWV", "SVB"], "rol": ["partner"] * 4, "gemeente": [""] * 4,
})
CODES = pd.DataFrame(
    [("R1", 1, "A", "positief"), ("R2", 1, "A", "negatief"), ("R1", 2, "A", "positief"),
     ("R2", 2, "A", "niet gevraagd"), ("R1", 1, "B", "positief")],
    columns=["respondent_id", "vraag_nr", "codeur", "code"],
)
MEMOS = pd.DataFrame(
    [("R1", 1, "B", "duidelijk", "2026-01-01"), ("", 2, "A", "vraag 2 was kort", "2026-01-02")],
    columns=["respondent_id", "vraag_nr", "auteur", "tekst", "gewijzigd_op"],
)
SETTLED = pd.DataFrame([("R2", 2, "niet gevraagd", "B", "2026-01-03", "geen antwoord vastgelegd")],
                       columns=["respondent_id", "vraag_nr", "code", "besloten_door", "besloten_op", "toelichting"])


def _workbook() -> tuple[bytes, pd.DataFrame, pd.DataFrame]:
    effective = effective_codes(CODES, SETTLED, "A")
    result = result_table(effective, QUESTIONS)
    table = coded_answers_table(ANSWERS, CODES, effective, MEMOS, SETTLED)
    data = report_workbook(result, table, MEMOS[MEMOS["respondent_id"] == ""], RULE_TEXT, "KIT-pilot")
    return data, result, table


def test_workbook_is_laid_out_for_a_report() -> None:
    data, _, _ = _workbook()
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Resultaat", "Antwoorden", "Memo's vragen", "Toelichting"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1])
    ws = wb["Antwoorden"]
    headers = [c.value for c in ws[1]]
    assert headers == ["Vraag", "Respondent", "Organisatie", "Rol", "Gemeente", "Antwoord", "Code A", "Code B",
                       "Code (geldend)", "Bron van de code", "Toelichting vaststelling", "Memo's"]
    answer_col = headers.index("Antwoord") + 1
    letter = ws.cell(row=1, column=answer_col).column_letter
    assert ws.column_dimensions[letter].width == 60
    assert ws.cell(row=2, column=answer_col).alignment.wrap_text
    assert ws.cell(row=2, column=headers.index("Memo's") + 1).value == "B: duidelijk"
    assert ws.max_row == 1 + 4
    reasons = {(ws.cell(row=r, column=2).value, ws.cell(row=r, column=1).value):
               ws.cell(row=r, column=headers.index("Toelichting vaststelling") + 1).value for r in range(2, 6)}
    assert reasons[("R2", 2)] == "geen antwoord vastgelegd" and reasons[("R1", 1)] is None


def test_result_sheet_keeps_numbers_and_formats_shares_as_percentages() -> None:
    data, result, _ = _workbook()
    ws = load_workbook(io.BytesIO(data))["Resultaat"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == ["Vraag", "Vraagtekst", "Positief", "Negatief", "Neutraal", "n", "Niet gevraagd"]
    row = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert (row["Positief"].value, row["Negatief"].value, row["Neutraal"].value, row["n"].value) == (1, 1, 0, 2)
    assert row["Aandeel positief"].value == 0.5 and row["Aandeel positief"].number_format == "0.0%"
    assert row["Oordeel"].value == result["oordeel"].iloc[0]
    row2 = {h: c for h, c in zip(headers, ws[3], strict=True)}
    assert (row2["n"].value, row2["Niet gevraagd"].value) == (1, 1)  # 'niet gevraagd' is not in n
    notes = " ".join(c.value for c in load_workbook(io.BytesIO(data))["Toelichting"]["A"][1:])
    assert "Wilson" in notes and "**" not in notes


def test_csv_uses_dutch_separators() -> None:
    _, result, _ = _workbook()
    text = csv_bytes(result_frame(result)).decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("Vraag;Vraagtekst;Positief;Negatief;Neutraal;n;Niet gevraagd;Aandeel positief")
    assert ";0,5;" in first


def test_answers_csv_has_the_dutch_headers_and_the_reason() -> None:
    _, _, table = _workbook()
    lines = csv_bytes(answers_frame(table)).decode("utf-8-sig").splitlines()
    assert lines[0] == ("Vraag;Respondent;Organisatie;Rol;Gemeente;Antwoord;Code A;Code B;Code (geldend);"
                        "Bron van de code;Toelichting vaststelling;Memo's")
    assert lines[-1].endswith(";niet gevraagd;vastgesteld;geen antwoord vastgelegd;")
