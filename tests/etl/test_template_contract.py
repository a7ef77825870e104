"""Templates (`python -m etl template`) load when filled in; docs/datacontract.md equals the generated contract."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from etl.__main__ import main
from etl.contract import CONTROLES, KINDS
from etl.contract_doc import render
from etl.template import write_templates
from tests.etl.workbooks import query, run

ROOT = Path(__file__).resolve().parents[2]


def test_a_filled_template_loads(etl_paths, tmp_path):
    paths = write_templates(tmp_path / "sjablonen")
    assert [p.name for p in paths] == [f"sjabloon_{k.name}.xlsx" for k in KINDS]
    wb = load_workbook(paths[0])
    assert wb.sheetnames == ["Controleavonden", "Bezoeken", "Uitleg"]
    sheet = wb["Controleavonden"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and sheet.column_dimensions["A"].width >= 14
    assert [c.value for c in wb["Uitleg"][1]] == ["blad", "kolom", "omschrijving", "type", "eenheid",
                                                  "toegestane waarden", "verplicht"]
    assert wb["Uitleg"].max_row == 1 + 7 + 7
    sheet.append(["T-1", date(2021, 6, 1), "KIT", "Eersel", "Horeca", "Gemeente;Politie", 5])
    wb["Bezoeken"].append(["TB-1", "T-1", "Synthetische straat 1", "5521", "horeca", None, 0])
    wb.save(etl_paths["raw"] / "ingevuld.xlsx")
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT gemeente, aantal_partners, aantal_bezoeken FROM fct_controleavond") == [
        ("Eersel", 2, 1)]


def test_committed_contract_doc_equals_generated_output():
    assert (ROOT / "docs" / "datacontract.md").read_text(encoding="utf-8") == render()


def test_contract_command_prints_markdown(capsys):
    assert main(["contract"]) == 0
    out = capsys.readouterr().out
    assert out == render() and "## Controleregistratie (`controles`)" in out


def test_load_command_exit_code(etl_paths, monkeypatch, capsys):
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(etl_paths["key"]))
    (etl_paths["raw"] / "leeg.txt").write_text("geen excel")
    code = main(["load", str(etl_paths["raw"]), "--warehouse", str(etl_paths["warehouse"]),
                 "--mappings", str(etl_paths["mappings"])])
    assert code == 1
    err = capsys.readouterr().err
    assert "] 1/1 lezen leeg.txt" in err and "afgewezen" in err and "geen Excel-bestand" in err


def test_template_command_and_mapping_errors(etl_paths, tmp_path, monkeypatch, capsys):
    assert main(["template", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"sjabloon_{k.name}.xlsx" for k in KINDS)
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(etl_paths["key"]))
    (etl_paths["mappings"] / "kapot.toml").write_text("name = ")
    code = main(["load", str(etl_paths["raw"]), "--warehouse", str(etl_paths["warehouse"]),
                 "--mappings", str(etl_paths["mappings"])])
    assert code == 2 and "kapot.toml: geen geldige TOML" in capsys.readouterr().err


ENGLISH = re.compile(r"\b(the|and|when|which|whether|where|with|from|by|it|its|identifier|date|number|row)\b",
                     re.IGNORECASE)


def test_contract_texts_for_partners_are_dutch():
    texts = [(k.name, k.description) for k in KINDS] + [
        (f"{s.name}", s.description) for k in KINDS for s in k.sheets] + [
        (f"{s.name}.{c.name}", c.description) for k in KINDS for s in k.sheets for c in s.columns]
    assert [(name, text) for name, text in texts if ENGLISH.search(text)] == []
    gemeente = CONTROLES.sheet("Controleavonden").column("gemeente").description
    assert "naam" in gemeente and "CBS-code" in gemeente


def test_the_template_has_no_bsn_column(tmp_path):
    path = write_templates(tmp_path)[[k.name for k in KINDS].index("vragenformulieren")]
    wb = load_workbook(path)
    assert "bsn" not in [c.value for c in wb["Personen"][1]]
    assert "nationaliteit" in [c.value for c in wb["Personen"][1]]
    assert "bsn" not in [row[1] for row in wb["Uitleg"].iter_rows(values_only=True)]
    assert "`bsn` | bsn | nee |  |  | BSN: niet aanleveren" in render()
