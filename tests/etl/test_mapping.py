"""Partner layouts: a TOML file maps a partner's workbook onto the contract without code."""

from __future__ import annotations

from datetime import date

import pytest

from etl.mapping import MappingError, load_mappings, recognise_kind
from tests.etl.workbooks import query, rules, run, write_workbook

PIT_TOML = """
name = "pit-test"
description = "Synthetische PIT-layout: kopregel op rij 3"
kind = "controles"
files = ["pit/PIT_acties_*.xlsx"]

[sheets.Controleavonden]
sheet = "Acties 2017"
header_row = {header_row}
[sheets.Controleavonden.columns]
controleavond_id = "Actienr."
datum = "Wanneer"
gemeente = "Gem."
aanwezige_partners = "Wie"
[sheets.Controleavonden.constants]
team = "PIT"
thema = "ondermijning"

[sheets.Bezoeken]
sheet = "Adressen"
[sheets.Bezoeken.columns]
controleavond_id = "Actienr."
object_type = "Pand"

[values.gemeente]
"Gem.-Bakel" = "Gemert-Bakel"
[values.object_type]
"Woonhuis" = "woning"

[format]
date_order = "mdy"
"""


def _pit_workbook(path):
    acties = [["PIT acties 2017 (synthetisch)"], [], ["Actienr.", "Wanneer", "Gem.", "Wie", "Deelnemers"],
              ["P-1", "04-03-2017", "Gem.-Bakel", "gemeente;politie", 6],
              ["P-2", date(2017, 5, 1), "Helmond", "UWV", 4]]
    adressen = [["Bezoek-ID", "Actienr.", "Pand", "Aangetroffen personen"], ["PB-1", "P-1", "Woonhuis", 2],
                ["PB-2", "P-2", "loods", 0]]
    return write_workbook(path, {"Acties 2017": acties, "Adressen": adressen})


def test_partner_layout_loads_through_its_mapping(etl_paths):
    (etl_paths["mappings"] / "pit.toml").write_text(PIT_TOML.format(header_row=3))
    _pit_workbook(etl_paths["raw"] / "pit" / "PIT_acties_2017.xlsx")
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert report.file("pit/PIT_acties_2017.xlsx").mapping == "pit-test"
    assert query(etl_paths, "SELECT controleavond_id, datum, team, gemeente_code, thema, aantal_deelnemers, _rij "
                            "FROM stg_controleavonden ORDER BY 1") == [
        ("P-1", date(2017, 4, 3), "PIT", "GM1652", "ondermijning", 6, 4),
        ("P-2", date(2017, 5, 1), "PIT", "GM0794", "ondermijning", 4, 5)]
    assert query(etl_paths, "SELECT bezoek_id, object_type FROM stg_bezoeken ORDER BY 1") == [
        ("PB-1", "woning"), ("PB-2", "loods")]


def test_wrong_header_row_in_mapping_is_rejected_clearly(etl_paths):
    (etl_paths["mappings"] / "pit.toml").write_text(PIT_TOML.format(header_row=1))
    _pit_workbook(etl_paths["raw"] / "pit" / "PIT_acties_2017.xlsx")
    report = run(etl_paths)
    assert rules(report, "pit/PIT_acties_2017.xlsx") == ["kopregel_niet_gevonden"]
    assert "rij 1 (volgens mapping 'pit-test')" in report.file("pit/PIT_acties_2017.xlsx").problems[0].melding


def test_invalid_mappings_are_refused(tmp_path):
    (tmp_path / "a.toml").write_text('name = "x"\nkind = "controles"\n[sheets.Controleavonden.columns]\nfoo = "Bar"\n')
    with pytest.raises(MappingError, match="foo"):
        load_mappings(tmp_path)
    (tmp_path / "a.toml").write_text('name = "x"\nkind = "bestaat-niet"\n')
    with pytest.raises(MappingError, match="bestaat-niet"):
        load_mappings(tmp_path)


def test_kind_is_recognised_from_sheet_names():
    assert recognise_kind(["controleavonden", "Bezoeken"]).name == "controles"
    assert recognise_kind(["Vragen", "Respondenten", "Antwoorden"]).name == "interviews"
    assert recognise_kind(["Blad1"]) is None
