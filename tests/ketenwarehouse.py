"""A small invented warehouse for the follow-up chain: signals, two control evenings, visits, findings and follow-up
steps with deadlines, for the deadline, chain and feedback figures (tests/metrics/test_termijnen.py,
test_keten.py, test_terugkoppeling.py and the page tests). All rows are invented; the expected values are
written in the tests, the comments here only help a reader count.

Team KIT. Evening K1 on 01-03-2021 in Bladel (visits V1 at ADR-1, V2 at ADR-2); evening K2 on 01-04-2021 in Best
(visit V3 at ADR-3). The report date used by most tests is 31-05-2021.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.refresh import refresh_marts
from etl.schema import create_warehouse

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "etl" / "reference"
_L = ("keten.xlsx", "Blad1", 2)

AVONDEN = [("K1", "2021-03-01", "KIT", "GM1728", "huisvesting arbeidsmigranten", 8),
           ("K2", "2021-04-01", "KIT", "GM0753", "huisvesting arbeidsmigranten", 6)]
BEZOEKEN = [("V1", "K1", "ADR-1", "5531", "woning", 6), ("V2", "K1", "ADR-2", "5531", "loods", 0),
            ("V3", "K2", "ADR-3", "5681", "woning", 4)]
# bevinding_id, bezoek_id, categorie, overtreding, partner that established it
BEVINDINGEN = [
    ("F1", "V1", "overbewoning", True, "GEMEENTE"),
    ("F2", "V1", "adresfraude", True, "GEMEENTE"),
    ("F3", "V2", "brandveiligheidseisen", True, "VRBZO"),
    ("F4", "V2", "milieuovertreding", False, "GEMEENTE"),
    ("F5", "V3", "wav", True, "ISZW"),
    ("F6", "V3", "adresfraude", True, "GEMEENTE"),  # no follow-up step at all
]
# opvolging_id, bevinding_id, controleavond_id, organisatie, soort, datum_start, deadline, status, datum_gesloten,
# resultaat
STAPPEN = [
    ("S1", "F1", None, "GEMEENTE", "handhaving", "2021-03-02", "2021-03-31", "afgerond", "2021-03-20",
     "last onder dwangsom opgelegd"),  # on time
    ("S2", "F1", None, "GEMEENTE", "hercontrole", "2021-04-01", "2021-04-30", "afgerond", "2021-06-15",
     "geen overbewoning meer"),  # closed after 31-05: open and overdue on 31-05
    ("S3", "F2", None, "GEMEENTE", "informatiebrief eigenaar", "2021-03-05", "2021-03-15", "afgerond", "2021-03-25",
     "brief verstuurd"),  # closed after its deadline
    ("S4", "F3", None, "VRBZO", "handhaving", "2021-03-03", "2021-06-30", "lopend", None, None),
    ("S5", "F3", None, "VRBZO", "hercontrole", "2021-03-03", None, "vervallen", None, None),
    ("S6", "F5", None, "ISZW", "partners informeren", "2021-04-02", "2021-05-01", "open", None, None),
    ("S7", None, "K1", "GEMEENTE", "persbericht", "2021-03-02", "2021-03-05", "afgerond", "2021-03-04",
     "persbericht gepubliceerd"),  # a step for the whole evening
    ("S8", "F5", None, "ISZW", "handhaving", "2021-06-10", "2021-07-01", "open", None, None),  # after 31-05
]
# signaal_id, datum, gemeente_code, bron_partner, adres_pseudoniem, casustafel_datum, uitkomst, controleavond_id
SIGNALEN = [
    ("M1", "2021-02-01", "GM1728", "GEMEENTE", "ADR-1", "2021-02-15", "gecontroleerd", "K1"),
    ("M2", "2021-02-03", "GM1728", "POLITIE", "ADR-2", "2021-02-15", "gecontroleerd", "K1"),
    ("M3", "2021-02-05", "GM1728", "POLITIE", "ADR-9", "2021-02-15", "afgewezen", None),
    ("M4", "2021-02-10", "GM1728", "GEMEENTE", "ADR-8", None, "nieuw", None),
    ("M5", "2021-03-10", "GM0753", "GEMEENTE", "ADR-3", "2021-03-20", "casustafel", None),  # visit found by address
    ("M6", "2021-03-12", "GM0753", "ISZW", "ADR-5", "2021-03-20", "gecontroleerd", "K2"),  # K2 did not visit ADR-5
    ("M7", "2021-03-15", "GM0753", "UWV", "ADR-3", None, "nieuw", None),  # never discussed
]


def bouw_ketenwarehouse(path: Path) -> Path:
    """Build the warehouse above at `path` (reference tables from etl/reference) and return `path`."""
    con = duckdb.connect(str(path))
    try:
        create_warehouse(con, REFERENCE_DIR)
        for row in AVONDEN:
            con.execute("INSERT INTO stg_controleavonden VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [*row, *_L])
        for bezoek_id, avond, adres, pc4, soort, personen in BEZOEKEN:
            con.execute("INSERT INTO stg_bezoeken VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                        [bezoek_id, avond, adres, pc4, soort, personen, *_L])
        for bev_id, bezoek_id, categorie, overtreding, partner in BEVINDINGEN:
            con.execute("INSERT INTO stg_bevindingen VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)",
                        [bev_id, bezoek_id, categorie, overtreding, partner, *_L])
        for opv_id, bev_id, avond, org, soort, start, deadline, status, gesloten, resultaat in STAPPEN:
            con.execute("INSERT INTO stg_opvolging VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [opv_id, bev_id, avond, org, soort, start, deadline, status, gesloten, resultaat, *_L])
        for sig_id, datum, gemeente, bron, adres, tafel, uitkomst, avond in SIGNALEN:
            con.execute("INSERT INTO stg_signalen VALUES (?, ?, 'KIT', ?, ?, 'huisvesting arbeidsmigranten', ?, "
                        "NULL, ?, ?, ?, ?, ?, ?)", [sig_id, datum, gemeente, bron, adres, tafel, uitkomst, avond, *_L])
        refresh_marts(con)  # the materialised marts, as a load leaves them
    finally:
        con.close()
    return path
