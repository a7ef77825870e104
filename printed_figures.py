"""The figures the source documents print, as data: the one copy.

Read by the reproduction catalogue (metrics/published.py, which pairs each figure with the metric that computes it
from rows), by the demo generators (etl/demo/, which plant rows that give these figures) and by the tests. A leaf
module: it imports nothing, so etl/, metrics/ and tests/ may all read it without a dependency between them.

Sources (../shared/seeds/000_e92fe85fc64b87bb.txt; the text in docs/brondocumenten.txt):
- HAM: Evaluatie project HAM/KIT (M. Gubbels, Avans, 12-01-2020).
- PIT: Evaluatie PIT-convenant 2017 (maart 2018) with its infographic "PIT Peelland Interventie Team 2017".
"""

from __future__ import annotations

from types import MappingProxyType

HAM_6_1_CONTROLEAVONDEN = 17
"""HAM §6.1 "In totaal zijn er 17 controleavonden gehouden" [evenings]."""
HAM_6_1_ADRESSEN = 42
"""HAM §6.1 "Er zijn 42 adressen bezocht" [addresses]."""
HAM_6_1_PERSONEN = 232
"""HAM §6.1 "232 personen zijn aangetroffen" [persons]."""

HAM_6_2_1 = MappingProxyType({
    1: (14, 2, 4), 2: (20, 0, 0), 3: (16, 0, 4), 4: (3, 15, 2), 5: (11, 6, 3), 6: (4, 12, 4),
    7: (12, 3, 5), 8: (2, 13, 5), 9: (14, 3, 3), 10: (19, 0, 1), 11: (2, 16, 2), 12: (6, 10, 4),
})
"""HAM §6.2.1 (reprinted in §10.3): the coded interview answers per question, (positief, negatief, neutraal)
[answers]."""

PIT_OBJECTEN = 110
"""PIT infographic: bezochte objecten [objects]."""
PIT_TOP10: tuple[tuple[int, str, int, str], ...] = (
    (1, "adresfraude", 54, "keer adresfraude"),
    (2, "strijdig gebruik bestemmingsplan", 48, "keer strijdig gebruik van het bestemmingsplan"),
    (3, "milieuovertreding", 43, "keer milieuovertreding"),
    (4, "overbewoning", 21, "keer overbewoning"),
    (5, "fraude energiemeters", 17, "keer fraude met energiemeters"),
    (6, "sociale zekerheidsfraude", 14, "keer sociale zekerheidsfraude"),
    (7, "brandgevaarlijke situatie", 14, "keer brandgevaarlijke situatie"),
    (8, "brandveiligheidseisen", 12, "keer niet voldaan aan de brandveiligheidseisen"),
    (9, "arbeidstijdenwet", 10, "keer overtreding van de Arbeidstijdenwet"),
    (10, "asbest", 9, "keer gevaarlijke asbest situatie aangetroffen"),
)
"""PIT infographic, "Top 10 overtredingen": (rank, category code in etl/reference/bevindingcategorieen.csv, count
[findings], the printed line after the count)."""
PIT_OVERIGE_BEVINDINGEN = 168
"""PIT infographic "+ nog 168 bevindingen verspreid over 71 categorieen" [findings]."""
PIT_OVERIGE_CATEGORIEEN = 71
"""PIT infographic: the 71 categories those 168 findings are spread over [categories]."""
PIT_ACTIES_AANWEZIG = MappingProxyType({
    "GEMEENTE": 26, "POLITIE": 25, "ENEXIS": 21, "VRBZO": 20, "AVIM": 15, "SENZER": 11, "ISZW": 5, "NVWA": 4,
})
"""PIT infographic, "Resultaten per organisatie": acties at which each partner (code in etl/reference/partners.csv)
was present [actions]; Politie is printed twice, the basisteam (POLITIE) and the AVIM."""
