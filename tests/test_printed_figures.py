"""printed_figures: the one copy of the printed figures that the catalogue, the demo generators and the tests read."""

from __future__ import annotations

from pathlib import Path

import printed_figures
from etl.demo import interviews as demo_interviews
from etl.demo import pilot as demo_pilot
from etl.demo import pit as demo_pit
from metrics.published import FIGURES

ROOT = Path(__file__).resolve().parents[1]


def _published(figure_id: str) -> str:
    return next(f.published for f in FIGURES if f.id == figure_id)


def test_the_catalogue_prints_what_the_data_module_holds() -> None:
    assert _published("HAM-6.2.1-v04-negatief") == "15" and _published("HAM-10.3-v04-negatief") == "15"
    assert _published("HAM-6.1-personen") == "232" and _published("HAM-6.1-avonden") == "17"
    assert _published("PIT-objecten") == "110" and _published("PIT-top10-01-aantal") == "54"
    assert _published("PIT-overig-categorieen") == "71" and _published("PIT-acties-avim") == "15"
    assert _published("PIT-geld") == "€396.939"
    assert _published("PIT-persberichten") == "ca. 30" and _published("PIT-hercontroles") == "29"
    assert all(sum(counts) == 20 for counts in printed_figures.HAM_6_2_1.values())  # 20 coded answers per question


def test_the_generators_plan_with_the_same_figures() -> None:
    assert demo_interviews.GEPUBLICEERD is printed_figures.HAM_6_2_1
    assert (demo_pilot.EVENINGS, demo_pilot.ADDRESSES, demo_pilot.PERSONS) == (17, 42, 232)
    assert sum(demo_pilot.EVENINGS_PER_GEMEENTE.values()) == printed_figures.HAM_6_1_CONTROLEAVONDEN
    assert [(code, n) for code, _, _, n in demo_pit.TOP10] == [(c, n) for _, c, n, _ in printed_figures.PIT_TOP10]
    assert demo_pit.ATTENDANCE == dict(printed_figures.PIT_ACTIES_AANWEZIG)
    assert len(demo_pit.FURTHER_CATEGORIES) == printed_figures.PIT_OVERIGE_CATEGORIEEN
    assert demo_pit.MONEY_TOTAL == printed_figures.PIT_GELD_EUR
    assert (demo_pit.PRESS_RELEASES, demo_pit.RECHECKS_ENDED) == (30, 29)
    planned = {soort: (partner, times, quantity) for partner, soort, times, quantity, _, _ in demo_pit.RESULTS}
    assert planned["onderzoek"] == ("SENZER", 17, None)
    assert planned["vreemdeling aangehouden"] == ("AVIM", 2, None)  # printed under Politie, delivered by the AVIM
    assert planned["hennep toppen"] == ("POLITIE", 1, 214) and planned["scherpe munitie"] == ("POLITIE", 1, 2500)


def test_no_hand_written_copy_of_the_interview_table_is_left() -> None:
    row = ", ".join(f"{q}: {c}" for q, c in list(printed_figures.HAM_6_2_1.items())[:2])  # "1: (14, 2, 4), 2: ..."
    holders = [p.relative_to(ROOT).as_posix() for folder in ("etl", "metrics", "tests", "codering", "ui", "pages")
               for p in (ROOT / folder).rglob("*.py") if row in p.read_text(encoding="utf-8")]
    assert holders == []
