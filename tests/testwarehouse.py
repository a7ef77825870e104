"""A small synthetic warehouse with known figures, shared by the metric and page tests (fixtures in
tests/conftest.py: `testwarehouse`, `con`, `opvolgingwarehouse`), and the loader run the tests share.

All rows are invented (no real persons, addresses or cases). The expected values the tests assert are
written in the tests themselves; the comments here only help a reader count.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.load import LoadReport, load_raw
from etl.refresh import refresh_marts
from etl.schema import create_warehouse
from settings import MAPPINGS_DIR, REFERENCE_DIR

_L = ("test.xlsx", "Blad1", 2)  # lineage columns (_bestand, _blad, _rij); the row number is not asserted

# controleavond_id, datum, team, gemeente_code, thema, aantal_deelnemers, partners present
AVONDEN = [
    ("A1", "2019-03-05", "KIT-pilot", "GM0861", "huisvesting arbeidsmigranten", 9, ["GEMEENTE", "POLITIE", "ISZW"]),
    ("A2", "2019-03-19", "KIT-pilot", "GM0861", "huisvesting arbeidsmigranten", 6, ["GEMEENTE", "POLITIE"]),
    ("A3", "2019-05-07", "KIT-pilot", "GM1724", "huisvesting arbeidsmigranten", 8,
     ["GEMEENTE", "POLITIE", "UWV", "VRBZO"]),
    ("P1", "2017-02-10", "PIT", "GM0794", "woonoverlast", 12, ["GEMEENTE", "POLITIE", "AVIM", "SENZER", "ENEXIS"]),
    ("P2", "2017-06-15", "PIT", "GM0762", "horeca", 7, ["GEMEENTE", "POLITIE", "VRBZO"]),
    ("K1", "2021-04-01", "KIT", "GM0753", "huisvesting arbeidsmigranten", 5, ["GEMEENTE", "POLITIE"]),
]
# bezoek_id, controleavond_id, object_type, aantal_personen
BEZOEKEN = [
    ("B1", "A1", "woning", 10),
    ("B2", "A1", "recreatiewoning/chalet", 4),
    ("B3", "A2", "woning", 6),
    ("B4", "A3", "loods", 0),
    ("B5", "A3", "woning", 5),
    ("Q1", "P1", "woning", 8),
    ("Q2", "P1", "bedrijfspand", 2),
    ("Q3", "P2", "horeca", 3),
    ("R1", "K1", "woning", 3),
]
# persoon_id, bezoek_id, nationaliteit
PERSONEN = [("P-1", "B1", "Pools"), ("P-2", "B1", "Pools"), ("P-5", "B3", "Roemeens"), ("P-9", "Q1", "Pools")]
# bevinding_id, bezoek_id, persoon_id, categorie, overtreding, partner
BEVINDINGEN = [
    ("F1", "B1", "P-1", "adresfraude", True, "GEMEENTE"),
    ("F2", "B1", "P-2", "adresfraude", True, "GEMEENTE"),
    ("F3", "B1", None, "strijdig gebruik bestemmingsplan", True, "GEMEENTE"),
    ("F4", "B2", None, "brandveiligheidseisen", True, "VRBZO"),
    ("F5", "B3", "P-5", "adresfraude", True, "GEMEENTE"),
    ("F6", "B4", None, "milieuovertreding", False, "GEMEENTE"),
    ("F7", "B5", None, "strijdig gebruik bestemmingsplan", True, "GEMEENTE"),
    ("G1", "Q1", "P-9", "adresfraude", True, "GEMEENTE"),
    ("G2", "Q1", None, "overbewoning", True, "GEMEENTE"),
    ("G3", "Q2", None, "milieuovertreding", True, "GEMEENTE"),
    ("G4", "Q3", None, "adresfraude", True, "GEMEENTE"),
    ("G5", "Q3", None, "fraude energiemeters", True, "ENEXIS"),
]
# opvolging_id, bevinding_id, controleavond_id, organisatie, soort, datum_start, status, datum_gesloten
OPVOLGING = [
    ("O1", "F3", None, "GEMEENTE", "handhaving", "2019-03-10", "afgerond", "2019-05-01"),
    ("O2", "F3", None, "GEMEENTE", "hercontrole", "2019-05-02", "open", None),
    ("O3", "F4", None, "VRBZO", "informatiebrief eigenaar", "2019-03-12", "lopend", None),
    ("O4", None, "A1", "GEMEENTE", "persbericht", "2019-03-06", "afgerond", "2019-03-06"),
]
# resultaat_id, team, partner, controleavond_id, soort, aantal, hoeveelheid, eenheid, bedrag_eur, datum
RESULTATEN = [
    ("R1", "KIT-pilot", "GEMEENTE", "A1", "beëindiging", 2, None, None, None, "2019-03-20"),
    ("R2", "KIT-pilot", "ISZW", "A1", "boeterapport", 1, None, None, 12000.00, "2019-04-01"),
    ("R3", "KIT-pilot", "UWV", None, "terugvordering", 1, None, None, 5000.50, "2019-06-01"),
    ("S1", "PIT", "SENZER", "P1", "onderzoek", 3, None, None, None, "2017-03-01"),
    ("S2", "PIT", "SENZER", "P1", "beëindiging", 1, None, None, 8000.00, "2017-04-01"),
    ("S3", "PIT", "POLITIE", "P1", "aanhouding", 2, None, None, None, "2017-02-10"),
    ("S4", "PIT", "POLITIE", "P1", "inbeslagname", 1, 214.0, "gram", None, "2017-02-10"),
]
# signaal_id, datum, team, gemeente_code, bron_partner, thema, uitkomst, controleavond_id
SIGNALEN = [
    ("T1", "2019-02-20", "KIT-pilot", "GM0861", "GEMEENTE", "huisvesting arbeidsmigranten", "gecontroleerd", "A1"),
    ("T2", "2019-02-25", "KIT-pilot", "GM0861", "POLITIE", "huisvesting arbeidsmigranten", "gecontroleerd", "A2"),
    ("T3", "2019-04-01", "KIT-pilot", "GM1724", "GEMEENTE", "huisvesting arbeidsmigranten", "casustafel", None),
    ("T4", "2019-04-02", "KIT-pilot", "GM1724", "UWV", "huisvesting arbeidsmigranten", "afgewezen", None),
    ("U1", "2017-01-15", "PIT", "GM0794", "POLITIE", "woonoverlast", "gecontroleerd", "P1"),
]


def bouw_testwarehouse(path: Path) -> Path:
    """Write the small synthetic warehouse to `path` (a new DuckDB file) and return the path."""
    con = duckdb.connect(str(path))
    try:
        create_warehouse(con, REFERENCE_DIR)
        for avond_id, datum, team, gemeente, thema, deelnemers, partners in AVONDEN:
            con.execute(
                "INSERT INTO stg_controleavonden VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [avond_id, datum, team, gemeente, thema, deelnemers, *_L],
            )
            for partner in partners:
                con.execute("INSERT INTO stg_deelname VALUES (?, ?, ?, ?, ?)", [avond_id, partner, *_L])
        for bezoek_id, avond_id, object_type, personen in BEZOEKEN:
            con.execute(
                "INSERT INTO stg_bezoeken VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [bezoek_id, avond_id, f"ADR-{bezoek_id}", "5500", object_type, None, personen, *_L],
            )
        for persoon_id, bezoek_id, nationaliteit in PERSONEN:
            con.execute(
                "INSERT INTO stg_personen VALUES (?, ?, ?, ?, 'nee', 300, 'contant', 'nee', 3, NULL, 'ja', ?, ?, ?)",
                [persoon_id, bezoek_id, f"PER-{persoon_id}", nationaliteit, *_L],
            )
        for row in BEVINDINGEN:
            con.execute("INSERT INTO stg_bevindingen VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)", [*row, *_L])
        for opv_id, bev_id, avond_id, org, soort, start, status, gesloten in OPVOLGING:
            con.execute(
                "INSERT INTO stg_opvolging VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, NULL, ?, ?, ?)",
                [opv_id, bev_id, avond_id, org, soort, start, status, gesloten, *_L],
            )
        for row in RESULTATEN:
            con.execute("INSERT INTO stg_partnerresultaten VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [*row, *_L])
        for sig_id, datum, team, gemeente, bron, thema, uitkomst, avond_id in SIGNALEN:
            con.execute(
                "INSERT INTO stg_signalen VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)",
                [sig_id, datum, team, gemeente, bron, thema, uitkomst, avond_id, *_L],
            )
        con.execute(
            """
            INSERT INTO meta_bestand VALUES
                ('kit-pilot/controles.xlsx', 'controles', 'standaard', 'aa11', '2024-05-01 10:00:00', 23),
                ('pit/controles.xlsx', 'controles', 'pit-2017', 'bb22', '2024-05-01 10:00:01', 13);
            INSERT INTO meta_laadronde VALUES
                ('run-1', '2024-04-30 09:00:00', 'kit-pilot/controles.xlsx', 'afgewezen', 0, 2,
                 '2 problemen gevonden; bestand niet geladen'),
                ('run-2', '2024-05-01 10:00:00', 'kit-pilot/controles.xlsx', 'geladen', 23, 0, NULL),
                ('run-2', '2024-05-01 10:00:00', 'pit/controles.xlsx', 'geladen', 13, 0, NULL),
                ('run-2', '2024-05-01 10:00:00', 'kit/signalen.xlsx', 'afgewezen', 0, 1,
                 '1 probleem gevonden; bestand niet geladen');
            INSERT INTO meta_afwijzing VALUES
                ('run-1', 'kit-pilot/controles.xlsx', 'Controleavonden', 4, 'datum', '31-02-2019', 'datum',
                 'kit-pilot/controles.xlsx, blad Controleavonden, rij 4, kolom datum: 31-02-2019 is geen datum'),
                ('run-1', 'kit-pilot/controles.xlsx', 'Bezoeken', 7, 'aantal_personen', 'drie', 'geheel getal',
                 'kit-pilot/controles.xlsx, blad Bezoeken, rij 7, kolom aantal_personen: drie is geen geheel getal'),
                ('run-2', 'kit/signalen.xlsx', 'Signalen', 2, 'gemeente', 'Atlantis', 'gemeente',
                 'kit/signalen.xlsx, blad Signalen, rij 2, kolom gemeente: Atlantis is geen bekende gemeente');
            """
        )
        refresh_marts(con)  # the materialised marts, as a load leaves them
    finally:
        con.close()
    return path


# Extra invented rows on top of the small warehouse above (asserted in tests/metrics/test_opvolging.py):
# a pilot evening in Bladel (a B.O.E.R.-gemeente).
EXTRA_AVOND = ("X1", "2019-06-04", "KIT-pilot", "GM1728", "huisvesting arbeidsmigranten", 6)
EXTRA_BEVINDINGEN = [  # bevinding_id, persoon_id, categorie, overtreding
    ("XF1", None, "strijdig gebruik bestemmingsplan", True),
    ("XF2", None, "brandveiligheidseisen", True),
    ("XF3", None, "overbewoning", True),
    ("XF4", None, "milieuovertreding", False),  # no violation: its step is no follow-up of a violation
]
# opvolging_id, bevinding_id, soort, datum_start, deadline, status, datum_gesloten
EXTRA_OPVOLGING = [
    ("XO1", "XF1", "handhaving", "2019-06-05", "2019-07-01", "afgerond", "2019-06-24"),
    ("XO2", "XF2", "handhaving", "2019-06-05", "2019-06-30", "open", None),
    ("XO4", "XF2", "partners informeren", "2019-06-10", "2019-08-15", "lopend", None),
    ("XO3", "XF4", "hercontrole", "2019-06-05", "2019-06-20", "afgerond", "2019-09-01"),
]


def bouw_opvolgingwarehouse(path: Path) -> Path:
    """The shared test warehouse plus the Bladel evening above (all rows invented)."""
    bouw_testwarehouse(path)
    con = duckdb.connect(str(path))
    try:
        avond_id, datum, team, gemeente, thema, deelnemers = EXTRA_AVOND
        con.execute("INSERT INTO stg_controleavonden VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [avond_id, datum, team, gemeente, thema, deelnemers, *_L])
        con.execute("INSERT INTO stg_bezoeken VALUES ('XB1', 'X1', 'ADR-XB1', '5531', 'woning', NULL, 7, ?, ?, ?)",
                    list(_L))
        for bev_id, persoon, categorie, overtreding in EXTRA_BEVINDINGEN:
            con.execute("INSERT INTO stg_bevindingen VALUES (?, 'XB1', ?, ?, ?, 'GEMEENTE', NULL, ?, ?, ?)",
                        [bev_id, persoon, categorie, overtreding, *_L])
        for opv_id, bev_id, soort, start, deadline, status, gesloten in EXTRA_OPVOLGING:
            con.execute("INSERT INTO stg_opvolging VALUES (?, ?, NULL, 'GEMEENTE', NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                        [opv_id, bev_id, soort, start, deadline, status, gesloten, *_L])
        refresh_marts(con)  # the materialised marts, as a load leaves them
    finally:
        con.close()
    return path


def load_folder(raw_dir: Path, warehouse: Path, key_path: Path) -> LoadReport:
    """Run the loader on `raw_dir` into `warehouse` with the shipped reference tables and partner layouts."""
    return load_raw(raw_dir, warehouse, key_path=key_path, reference_dir=REFERENCE_DIR, mappings_dir=MAPPINGS_DIR)
