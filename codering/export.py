"""Export of the coding for a report: an Excel workbook laid out for reading, and CSV.

Every text cell is formula-safe (access.cells, OWASP CSV injection), also memos and reasons typed in the browser.
The workbook has bold headers, set column widths, a frozen header row and wrapped long text; the
result table keeps its numbers as numbers (shares formatted as percentages) so a report can use them.
"""

from __future__ import annotations

import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from access.cells import safe_cell, safe_frame

RESULT_HEADERS: dict[str, str] = {
    "vraag_nr": "Vraag",
    "vraag": "Vraagtekst",
    "positief": "Positief",
    "negatief": "Negatief",
    "neutraal": "Neutraal",
    "n": "n",
    "niet_gevraagd": "Niet gevraagd",
    "aandeel_positief": "Aandeel positief",
    "positief_laag": "Positief 95%-BI laag",
    "positief_hoog": "Positief 95%-BI hoog",
    "aandeel_negatief": "Aandeel negatief",
    "negatief_laag": "Negatief 95%-BI laag",
    "negatief_hoog": "Negatief 95%-BI hoog",
    "aandeel_neutraal": "Aandeel neutraal",
    "neutraal_laag": "Neutraal 95%-BI laag",
    "neutraal_hoog": "Neutraal 95%-BI hoog",
    "netto": "Netto (positief - negatief) / n",
    "p_tekentoets": "p tekentoets",
    "oordeel": "Oordeel",
}
"""Dutch column headers of the result table, in export order."""

ANSWER_HEADERS: dict[str, str] = {
    "vraag_nr": "Vraag",
    "respondent_id": "Respondent",
    "organisatie": "Organisatie",
    "rol": "Rol",
    "gemeente": "Gemeente",
    "herkomst": "Respondent uit",
    "antwoord": "Antwoord",
    "code": "Code (geldend)",
    "bron": "Bron van de code",
    "toelichting": "Toelichting vaststelling",
    "memo": "Memo's",
}
"""Dutch column headers of the answers sheet; coder columns ("code <coder>") are kept between antwoord and code."""

_WIDTHS = {"Vraagtekst": 50, "Antwoord": 60, "Memo's": 40, "Organisatie": 30, "Memo": 60, "Toelichting": 110,
           "Toelichting vaststelling": 40}
_WRAP = {"Vraagtekst", "Antwoord", "Memo's", "Memo", "Toelichting", "Toelichting vaststelling"}
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")


def result_frame(result: pd.DataFrame) -> pd.DataFrame:
    """The result table with Dutch headers, in export order (for CSV and the workbook)."""
    return result[list(RESULT_HEADERS)].rename(columns=RESULT_HEADERS)


def answers_frame(answers: pd.DataFrame) -> pd.DataFrame:
    """The coded answers table (metrics.codering.coded_answers_table) with Dutch headers."""
    coder_cols = [c for c in answers.columns if c.startswith("code ")]
    order = [c for c in ("vraag_nr", "respondent_id", "organisatie", "rol", "gemeente", "herkomst", "antwoord")
             if c in answers.columns] + [*coder_cols, "code", "bron", "toelichting", "memo"]
    renamed = {c: f"Code {c[5:]}" for c in coder_cols} | ANSWER_HEADERS
    return answers[order].rename(columns=renamed)


def _write_sheet(ws: Worksheet, frame: pd.DataFrame, percent_columns: tuple[str, ...] = ()) -> None:
    """Write `frame` to `ws` with a bold, filled, frozen header row, widths and wrapped long text."""
    ws.append([safe_cell(c) for c in frame.columns])
    for values in frame.itertuples(index=False):
        ws.append([None if isinstance(v, float) and math.isnan(v) else safe_cell(v) for v in values])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    for i, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTHS.get(name, max(10, min(24, len(str(name)) + 2)))
        wrap = name in _WRAP
        for cell in ws[letter][1:]:
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if name in percent_columns:
                cell.number_format = "0.0%"
            elif name == "p tekentoets":
                cell.number_format = "0.0000"
    if frame.shape[0]:
        ws.auto_filter.ref = ws.dimensions


def report_workbook(
    result: pd.DataFrame, answers: pd.DataFrame, question_memos: pd.DataFrame, rule_text: str, team: str
) -> bytes:
    """The coding as an .xlsx for a report: sheets Resultaat, Antwoorden, Memo's vragen and Toelichting.

    `result` is metrics.codering.result_table, `answers` metrics.codering.coded_answers_table,
    `question_memos` the store's memos on whole questions (vraag_nr, auteur, tekst, gewijzigd_op).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Resultaat"
    res = result_frame(result)
    percent = tuple(c for c in res.columns if c.startswith(("Aandeel", "Positief 95", "Negatief 95", "Neutraal 95",
                                                              "Netto")))
    _write_sheet(ws, res, percent)
    _write_sheet(wb.create_sheet("Antwoorden"), answers_frame(answers))
    memos = question_memos[["vraag_nr", "auteur", "tekst", "gewijzigd_op"]].rename(
        columns={"vraag_nr": "Vraag", "auteur": "Auteur", "tekst": "Memo", "gewijzigd_op": "Gewijzigd op (UTC)"}
    )
    _write_sheet(wb.create_sheet("Memo's vragen"), memos)
    notes = pd.DataFrame({"Toelichting": [
        f"Team: {team}. Codes: positief, negatief, neutraal; 'niet gevraagd' telt niet mee in n.",
        "Geldende code per antwoord: de vastgestelde code na een verschil, anders de code waarover alle "
        "codeurs het eens zijn, anders de code van de primaire codeur.",
        "95%-BI: Wilson-scoreinterval (zonder continuïteitscorrectie). Tekentoets: binomiaal, p = 0,5, "
        "tweezijdig, positief tegen negatief, neutraal niet meegeteld.",
        rule_text.replace("**", ""),
    ]})
    _write_sheet(wb.create_sheet("Toelichting"), notes)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as UTF-8 CSV with a byte-order mark (Excel shows accents) and ';' as separator, ',' decimals; text a
    spreadsheet would read as a formula is neutralised (access.cells)."""
    return safe_frame(frame).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n").encode("utf-8-sig")
