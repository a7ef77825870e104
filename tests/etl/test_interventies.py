"""The kind `interventies`: a template that loads, fct_interventie, and the rules an intervention row must keep."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from etl.contract import kind
from etl.template import template_path, write_templates
from tests.etl.workbooks import query, rules, run, write_workbook

HEADER = ["interventie_id", "team", "gemeente", "datum_start", "datum_eind", "thema", "omschrijving"]


def _rows(*rows: list[object]) -> dict[str, list[list[object]]]:
    return {"Interventies": [HEADER, *rows]}


def test_template_has_the_contract_columns(tmp_path: Path) -> None:
    write_templates(tmp_path)
    wb = load_workbook(template_path(tmp_path, kind("interventies")))
    assert [c.value for c in wb["Interventies"][1]] == HEADER


def test_interventions_load_into_fct_interventie(etl_paths: dict[str, Path]) -> None:
    write_workbook(etl_paths["raw"] / "kit" / "interventies.xlsx", _rows(
        ["I1", "KIT", "Veldhoven", date(2021, 9, 1), None, "huisvesting arbeidsmigranten", "Extra controles"],
        ["I2", "KIT", "Reusel de Mierden", date(2022, 3, 1), date(2022, 6, 30), "horeca", "Sluitingsbeleid"],
    ))
    report = run(etl_paths)
    assert report.ok, report.summary()
    assert query(etl_paths, "SELECT interventie_id, gemeente_code, gemeente, regio, datum_start, datum_eind, "
                            "thema_naam FROM fct_interventie ORDER BY 1") == [
        ("I1", "GM0861", "Veldhoven", "Kempen", date(2021, 9, 1), None, "Huisvesting arbeidsmigranten"),
        ("I2", "GM1667", "Reusel-De Mierden", "Kempen", date(2022, 3, 1), date(2022, 6, 30), "Horeca"),
    ]


def test_end_before_start_and_municipality_outside_the_team_are_rejected(etl_paths: dict[str, Path]) -> None:
    write_workbook(etl_paths["raw"] / "kit" / "interventies.xlsx", _rows(
        ["I1", "KIT", "Veldhoven", date(2021, 9, 1), date(2021, 8, 1), "horeca", "Extra controles"],
        ["I2", "KIT", "Eindhoven", date(2021, 9, 1), None, "horeca", "Extra controles"],
    ))
    report = run(etl_paths)
    assert sorted(rules(report, "kit/interventies.xlsx")) == ["eind_voor_start", "gemeente_buiten_regio"]
    melding = next(p.melding for p in report.file("kit/interventies.xlsx").problems if p.regel == "eind_voor_start")
    assert "Interventies" in melding and "datum_eind" in melding and "rij 2" in melding
    assert query(etl_paths, "SELECT count(*) FROM fct_interventie") == [(0,)]
