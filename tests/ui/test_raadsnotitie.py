"""File names of the council one-pager download."""

from __future__ import annotations

from datetime import date

from metrics.filters import Filter
from ui.raadsnotitie import bestandsnaam


def test_file_name_says_team_municipality_and_period() -> None:
    f = Filter(teams=("KIT-pilot",), gemeenten=("GM0861",), start=date(2019, 1, 1), end=date(2019, 12, 31))
    assert bestandsnaam(f, "Veldhoven") == "raadsnotitie_KIT-pilot_Veldhoven_2019.pdf"
    f = Filter(teams=("KIT",), start=date(2021, 3, 1), end=date(2022, 6, 30))
    assert bestandsnaam(f, None) == "raadsnotitie_KIT_alle-gemeenten_2021-03-01_tot_2022-06-30.pdf"
    f = Filter(teams=("KIT",), gemeenten=("GM1667",), start=date(2022, 7, 1), end=date(2022, 9, 30))
    assert bestandsnaam(f, "Reusel-De Mierden") == "raadsnotitie_KIT_Reusel-De-Mierden_2022-Q3.pdf"
