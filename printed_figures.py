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
PIT_RESULTATEN: tuple[tuple[str, str, int | None, str | None, str | None, str], ...] = (
    ("SENZER", "onderzoek", 17, None, None, "17 onderzoeken"),
    ("SENZER", "gegevens doorgegeven aan andere gemeente", 6, None, None,
     "6 keer gegevens doorgegeven aan andere gemeenten"),
    ("SENZER", "beëindiging", 8, None, None, "8 beëindigingen"),
    ("SENZER", "terugvordering", 3, None, None, "3 terugvorderingen"),
    ("SENZER", "afwijzing", 2, None, None, "2 afwijzingen"),
    ("SENZER", "aanpassing", 2, None, None, "2 aanpassingen"),
    ("POLITIE", "hennepkwekerij", 3, None, None, "3 hennepkwekerijen"),
    ("POLITIE", "hennep gerelateerde goederen", 7, None, None, "7 keer hennep gerelateerde goederen aangetroffen"),
    ("POLITIE", "hennep toppen", 1, None, "214", "1 keer 214 gram hennep toppen aangetroffen"),
    ("POLITIE", "aanhouding", 10, None, None, "10 aanhoudingen"),
    ("POLITIE", "vreemdeling aangetroffen", 3, None, None, "3 vreemdelingen aangetroffen"),
    ("POLITIE", "vreemdeling aangehouden", 2, None, None, "(2 personen aangehouden, ...)"),
    ("POLITIE", "verblijfsrecht ingetrokken", 2, None, None, "(..., 2 keer verblijfsrecht ingetrokken)"),
    ("POLITIE", "proces-verbaal milieudelict", 2, None, None, "2 proces verbaalen opgemaakt voor milieudelicten"),
    ("POLITIE", "xtc-lab", 1, None, None, "1 xtc lab aangetroffen"),
    ("POLITIE", "xtc-afval", 1, None, None, "1 keer XTC afval aangetroffen"),
    ("POLITIE", "vuurwapen", 33, None, None, "33 vuurwapens ... aangetroffen"),
    ("POLITIE", "alarmpistool", 2, None, None, "2 alarmpistolen ... aangetroffen"),
    ("POLITIE", "luchtdrukpistool", 1, None, None, "1 luchtdrukpistool ... aangetroffen"),
    ("POLITIE", "imitatievuurwapen", 1, None, None, "1 imitatie vuurwapen aangetroffen"),
    ("POLITIE", "scherpe munitie", None, None, "1000den", "1000den patronen scherpe munitie aangetroffen"),
    ("POLITIE", "mortier", 1, None, None, "1 mortier aangetroffen"),
    ("POLITIE", "illegaal vuurwerk in beslag", 1, None, None, "1 keer illegaal vuurwerk in beslag genomen"),
    ("POLITIE", "voertuig in beslag", 6, None, None, "6 voertuigen ... in beslag genomen"),
    ("POLITIE", "aanhanger in beslag", 1, "een", None, "... en een aanhanger in beslag genomen"),
    ("POLITIE", "partij sigaretten in beslag", 2, None, None, "2 partijen sigaretten in beslag genomen"),
    ("VRBZO", "niet voldaan aan brandveiligheidseisen", 12, None, None,
     "12 keer niet voldaan aan de brandveiligheidseisen"),
    ("VRBZO", "brandgevaarlijke situatie", 14, None, None, "14 keer brandgevaarlijke situatie aangetroffen"),
    ("GEMEENTE", "uitgeschreven uit brp", 32, None, None, "32 personen uitgeschreven"),
    ("GEMEENTE", "ingeschreven in brp", 9, None, None, "... en 9 personen ingeschreven"),
    ("GEMEENTE", "object gesloten ivm brandgevaar", 8, None, None, "8 objecten werden direct gesloten ivm brandgevaar"),
    ("GEMEENTE", "noodvoorziening getroffen", 10, None, None,
     "10 keer werden op last van de gemeente ivm brandgevaar direct noodvoorzieningen getroffen"),
    ("GEMEENTE", "legalisatie", 2, None, None, "2 keer werd een strijdige situatie gelegaliseerd"),
    ("GEMEENTE", "ontruiming", 8, None, None, "8 keer werden nav acties woningen ontruimd"),
    ("GEMEENTE", "woning gesloten door burgemeester", 3, None, None,
     "3 woningen ... werden door de burgemeester gesloten"),
    ("GEMEENTE", "bedrijfspand gesloten door burgemeester", 2, None, None,
     "... en 2 bedrijfspanden werden door de burgemeester gesloten"),
    ("GEMEENTE", "naheffing ingezetenenbelasting", 8, None, None,
     "8 keer werden naheffingen opgelegd voor ingezetene belasting"),
    ("GEMEENTE", "naheffing hondenbelasting", 4, None, None, "4 keer werden naheffingen opgelegd voor hondenbelasting"),
    ("GEMEENTE", "dwangsom", 3, None, None, "3 keer werd een dwangsom opgelegd"),
    ("NVWA", "voedselveiligheid niet in orde", 3, None, None, "3 keer voedselveiligheid niet in orde"),
    ("NVWA", "roken in de horeca", 4, None, None, "4 keer roken in de horeca"),
    ("ISZW", "overtreding atw", 7, None, None, "7 keer overtreding ATW (Arbeidstijdenwet)"),
    ("ISZW", "overtreding wml", 6, None, None, "6 keer overtreding WML (Wet Minimum Loon)"),
    ("ISZW", "overtreding wav", 4, None, None, "4 keer overtreding WAV (Wet Arbeid Vreemdelingen)"),
    ("ISZW", "overtreding waadi", 2, None, None, "2 keer overtreding WAADI"),
    ("ISZW", "schijnconstructie", 1, None, None, "1 keer schijnconstructie"),
    ("ENEXIS", "diefstal/fraude stroom", 9, None, None, "9 keer diefstal/fraude met stroom"),
    ("ENEXIS", "meters vervangen", 8, None, None, "8 keer meters vervangen voor verder onderzoek"),
    ("ENEXIS", "afgesloten ivm gevaar", 3, None, None, "3 keer nutsvoorzieningen afgesloten ivm gevaar"),
    ("ENEXIS", "vermogensfraude", 1, None, None, "1 keer vermogensfraude"),
)
"""PIT infographic, "Resultaten per organisatie", every line: (organisation it is printed under: partner code, soort
as in the results, times [results] (None: not printed as a number), the word printed for it when the document writes
one ("een"), the quantity as printed (None: none printed), the printed line). Politie includes the AVIM, as printed."""
PIT_GELD_EUR = 396939
"""PIT infographic "Resultaat in geld in totaal: €396.939" [euro]."""
PIT_PERSBERICHTEN = 30
"""PIT evaluation, Communicatie: "ca. 30 persberichten na PIT-acties" by November 2017 [press releases, printed with
"ca."]."""
PIT_HERCONTROLES_BEEINDIGD = 29
"""PIT infographic, Gemeenten: "29 keer bleken na hercontroles dat de overtredingen ... beëindigd waren"
[re-inspections]."""
