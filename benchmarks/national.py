"""A national-scale warehouse and a monthly batch of partner workbooks, for the speed measurements.

Everything here is SYNTHETIC: 37 invented interventieteams ("Interventieteam regio NN") in 37 invented regions
with 328 invented municipalities ("Voorbeeldgemeente NNN", CBS-like codes GM9001..GM9328) beside the real
Kempen/Peelland reference rows, so 40 teams and 350 municipalities over ten years (2016 - October 2025).

- `write_reference(dir)` writes a reference folder: etl/reference plus the invented teams and municipalities.
- `build_national(path, reference_dir, scale)` writes the warehouse straight from set-based DuckDB SQL (no
  workbooks, no loader): at scale 1.0 about 2.0 M visits, 5.8 M persons, 5.7 M findings, 5.7 M follow-up steps.
  Randomness is DuckDB's `hash()` of a row number and a salt, so the same scale gives the same rows. The skew
  is deliberate: a few teams do most of the work (power-law choice of team), a few municipalities per region
  most of the evenings, visits per evening and persons per visit have long tails (a few addresses with 30-60
  persons), nationalities and finding categories are concentrated on a few values, and most follow-up is closed.
  With `demo_warehouse` the rows of the demo warehouse (KIT-pilot, PIT, KIT, interviews) are copied in as well, so
  every page has its own teams to show. No row belongs to a raw file in force (meta_bestand stays empty), so a
  load of other files neither replaces nor removes them.
- `write_batch(dir, teams, seed)` writes the monthly delivery of November 2025 in the contract's own layout: per
  team one workbook of each kind (controles, vragenformulieren with a BSN column, bevindingen, opvolging,
  partnerresultaten, signalen), the same volumes per team as the warehouse's average month.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
import shutil
from pathlib import Path

import duckdb

from etl.contract import BETAALWIJZEN, OBJECT_TYPES, OPVOLGING_SOORTEN
from etl.demo.common import passes_elfproef
from etl.demo.xlsx import SheetData, write_workbook
from etl.refresh import refresh_marts
from etl.schema import create_warehouse, read_reference

TEAMS = 37
"""Invented teams beside KIT-pilot, KIT and PIT (40 in all)."""
MUNICIPALITIES = 328
"""Invented municipalities beside the 22 real ones (350 in all)."""
DATA_START, DATA_END = dt.date(2016, 1, 1), dt.date(2025, 10, 31)
"""Generated rows fall in this range; the monthly batch is the month after it."""
BATCH_MONTH = dt.date(2025, 11, 1)
EVENINGS = 270_000
"""Evenings at scale 1.0 (7.5 visits each on average: just over 2 M visits)."""
SEED = 42

NATIONALITIES = ("Pools", "Roemeens", "Bulgaars", "Nederlands", "Hongaars", "Litouws", "Lets", "Slowaaks",
                 "Portugees", "Oekraïens", "Spaans", "Turks", "Marokkaans", "Syrisch", "Eritrees", "Indiaas",
                 "Tsjechisch", "Ests", "Italiaans", "Grieks", "Kroatisch", "Duits", "Belgisch", "Brits",
                 "Filipijns", "Overig", "Onbekend")
"""Most frequent first: the generator picks with a power law, so the first few dominate."""
OPVOLGING_ORDER = ("handhaving", "partners informeren", "informatiebrief eigenaar", "hercontrole", "overig")
RESULT_SOORTEN = ("onderzoek", "boeterapport", "last onder dwangsom", "terugvordering", "aanhouding",
                  "inbeslagname", "naheffingsaanslag", "proces-verbaal", "ingeschreven in brp")
UITKOMSTEN = ("gecontroleerd", "casustafel", "afgewezen", "doorgezet naar partner", "nieuw")


def team_code(i: int) -> str:
    return f"IT-R{i:02d}"


def region(i: int) -> str:
    return f"Regio {i:02d}"


def _municipality_regions(rng: random.Random) -> list[int]:
    """The region (1..TEAMS) of each invented municipality: between 3 and 17 per region."""
    sizes = [3 + rng.randrange(15) for _ in range(TEAMS)]
    total = sum(sizes)
    sizes = [max(3, round(s * MUNICIPALITIES / total)) for s in sizes]
    while sum(sizes) > MUNICIPALITIES:
        sizes[sizes.index(max(sizes))] -= 1
    while sum(sizes) < MUNICIPALITIES:
        sizes[sizes.index(min(sizes))] += 1
    return [r + 1 for r, size in enumerate(sizes) for _ in range(size)]


def write_reference(out_dir: Path, source_dir: Path) -> Path:
    """Copy the reference folder `source_dir` to `out_dir` and add the invented teams and municipalities."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in Path(source_dir).glob("*.csv"):
        shutil.copyfile(path, out_dir / path.name)
    rng = random.Random(f"{SEED}:reference")
    with open(out_dir / "teams.csv", newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with open(out_dir / "teams.csv", "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="", extrasaction="ignore")
        for i in range(1, TEAMS + 1):
            start = dt.date(2016 + (i % 4 == 0) + (i % 9 == 0), 1 + rng.randrange(12), 1)
            writer.writerow({"code": team_code(i), "naam": f"Interventieteam regio {i:02d} (synthetisch)",
                             "regio": region(i), "periode_start": start.isoformat(), "periode_eind": "2025-12-31",
                             "bron_periode": "synthetische landelijke benchmarkdata"})
    with open(out_dir / "gemeenten.csv", newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with open(out_dir / "gemeenten.csv", "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="", extrasaction="ignore")
        for n, r in enumerate(_municipality_regions(rng), start=1):
            lat, lon = 50.8 + rng.random() * 2.6, 3.4 + rng.random() * 3.6
            writer.writerow({"code": f"GM{9000 + n}", "naam": f"Voorbeeldgemeente {n:03d}", "regio": region(r),
                             "lat": round(lat, 4), "lon": round(lon, 4), "x_km": round((lon - 5.4) * 69.7, 2),
                             "y_km": round((lat - 51.45) * 111.2, 2),
                             "oppervlakte_km2": round(20 + rng.random() * 200, 2),
                             "inwoners": 8_000 + int(rng.paretovariate(1.2) * 15_000), "inwoners_jaar": 2023,
                             "grenst_aan_belgie": "nee", "grens_belgie_km": 0})
    return out_dir


def _u(salt: int, key: str = "i") -> str:
    """SQL for a deterministic uniform number in [0, 1) from `key` and `salt`."""
    return f"((hash({key}, {salt}) % 1000003)::DOUBLE / 1000003)"


def _pick(values: list[str] | tuple[str, ...], salt: int, key: str = "i", power: float = 2.0) -> str:
    """SQL picking one of `values` (most frequent first) with a power-law skew."""
    listed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"([{listed}])[1 + least({len(values) - 1}, floor({len(values)} * pow({_u(salt, key)}, {power})))::INT]"


def build_national(path: Path, reference_dir: Path, scale: float = 1.0, demo_warehouse: Path | None = None) -> dict:
    """Write the national warehouse to `path` (replaced when it exists) and return its row counts per table."""
    path = Path(path)
    path.unlink(missing_ok=True)
    evenings = max(200, int(EVENINGS * scale))
    con = duckdb.connect(str(path))
    try:
        con.execute("SET enable_progress_bar = false")
        create_warehouse(con, Path(reference_dir))
        teams = [(i - 1, row["code"], row["regio"], row["periode_start"])
                 for i, row in enumerate(read_reference(Path(reference_dir), "teams.csv"))
                 if row["code"].startswith("IT-R")
                 for i in [int(row["code"][4:])]]
        con.execute("CREATE TEMP TABLE nt (idx INT, code VARCHAR, regio VARCHAR, periode_start DATE)")
        con.executemany("INSERT INTO nt VALUES (?, ?, ?, ?)", teams)
        con.execute("""
            CREATE TEMP TABLE ntg AS
            SELECT t.idx, t.code, t.periode_start,
                   greatest(t.periode_start, DATE '2016-01-01') AS van,
                   list(g.code ORDER BY hash(g.code, 7)) AS gemeenten
            FROM nt t JOIN ref_gemeente g ON g.regio = t.regio GROUP BY ALL
        """)
        categories = [r[0] for r in con.execute("SELECT code FROM ref_bevindingcategorie ORDER BY hash(code, 3)")
                      .fetchall()]
        partners = [r[0] for r in con.execute("SELECT code FROM ref_partner WHERE code NOT IN ('GEMEENTE', 'POLITIE')"
                                              " ORDER BY code").fetchall()]
        themes = [r[0] for r in con.execute("SELECT code FROM ref_thema ORDER BY code").fetchall()]
        end = DATA_END.isoformat()
        # evenings: the team by a power law (a few teams do most), a date in its period, a municipality of its region
        con.execute(f"""
            CREATE TEMP TABLE avond AS
            WITH e AS (
                SELECT i, least({TEAMS - 1}, floor({TEAMS} * pow({_u(1)}, 1.7)))::INT AS idx,
                       {_u(2)} AS ud, {_u(3)} AS ug, {_pick(themes, 4, power=2.5)} AS thema,
                       4 + floor({_u(5)} * 14)::INT AS deelnemers,
                       least(60, 1 + floor(-ln(1 - {_u(6)}) * 7))::INT AS bezoeken
                FROM range({evenings}) r(i)
            )
            SELECT e.i, 'NA' || e.i AS controleavond_id,
                   (t.van + floor(e.ud * (DATE '{end}' - t.van + 1))::INT) AS datum, t.code AS team,
                   t.gemeenten[1 + least(len(t.gemeenten) - 1, floor(len(t.gemeenten) * pow(e.ug, 1.8)))::INT]
                       AS gemeente_code,
                   e.thema, e.deelnemers, e.bezoeken
            FROM e JOIN ntg t USING (idx)
        """)
        con.execute("""
            INSERT INTO stg_controleavonden
            SELECT controleavond_id, datum, team, gemeente_code, thema, deelnemers,
                   'nationaal/' || team || '/controles-' || year(datum) || '.xlsx', 'Controleavonden', 2 + i
            FROM avond ORDER BY i
        """)
        con.execute(f"""
            INSERT INTO stg_deelname
            SELECT controleavond_id, partner, 'nationaal/' || team || '/controles-' || year(datum) || '.xlsx',
                   'Controleavonden', 2 + i
            FROM (SELECT a.*, p.partner, p.k FROM avond a,
                  (SELECT unnest(['GEMEENTE', 'POLITIE', {", ".join(f"'{p}'" for p in partners)}]) AS partner,
                          unnest(range({len(partners) + 2})) AS k) p)
            WHERE k < 2 OR {_u(10, "i * 31 + k")} < 0.12 + 0.5 / (k + 1)
            ORDER BY i, k
        """)
        # visits: long tail of persons per address
        con.execute(f"""
            CREATE TEMP TABLE bezoek AS
            SELECT a.i * 64 + v AS j, a.i, 'NB' || (a.i * 64 + v) AS bezoek_id, a.controleavond_id, a.team, a.datum,
                   CASE WHEN {_u(20, "a.i * 64 + v")} < 0.3 THEN 0
                        WHEN {_u(21, "a.i * 64 + v")} < 0.03 THEN 10 + floor({_u(22, "a.i * 64 + v")} * 50)::INT
                        ELSE 1 + floor(-ln(1 - {_u(23, "a.i * 64 + v")}) * 2.6)::INT END AS personen,
                   least(20, floor(-ln(1 - {_u(24, "a.i * 64 + v")}) * 3.3))::INT AS bevindingen
            FROM (SELECT *, unnest(range(bezoeken)) AS v FROM avond) a
        """)
        con.execute(f"""
            INSERT INTO stg_bezoeken
            SELECT bezoek_id, controleavond_id, 'ADR-' || substr(md5(bezoek_id), 1, 10),
                   (1000 + hash(bezoek_id, 25) % 9000)::VARCHAR,
                   {_pick(OBJECT_TYPES, 26, "j", 2.2)},
                   CASE WHEN {_u(27, "j")} < 0.8 THEN 'EIG-' || substr(md5('e' || (hash(j, 28) % 400000)), 1, 10) END,
                   personen, 'nationaal/' || team || '/controles-' || year(datum) || '.xlsx', 'Bezoeken', 2 + j
            FROM bezoek ORDER BY j
        """)
        con.execute(f"""
            INSERT INTO stg_personen
            SELECT persoon_id, bezoek_id, 'PER-' || substr(md5(persoon_id), 1, 10),
                   {_pick(NATIONALITIES, 30, "k", 3.0)},
                   {_pick(("nee", "ja", "onbekend"), 31, "k", 1.3)},
                   CASE WHEN {_u(32, "k")} < 0.6 THEN (150 + floor({_u(33, "k")} * 650))::DECIMAL(10, 2) END,
                   {_pick(BETAALWIJZEN, 34, "k", 1.5)},
                   {_pick(("nee", "ja", "onbekend"), 35, "k", 1.2)},
                   CASE WHEN {_u(36, "k")} < 0.8 THEN round(-ln(1 - {_u(37, "k")}) * 8, 1)::DECIMAL(6, 1) END,
                   CASE WHEN {_u(38, "k")} < 0.7 THEN 'Demo Uitzendbureau ' || lpad((hash(k, 39) % 60)::VARCHAR, 2, '0')
                   END,
                   {_pick(("ja", "nee", "onbekend"), 40, "k", 1.6)},
                   'nationaal/' || team || '/vragenformulieren-' || year(datum) || '.xlsx', 'Personen', 2 + k
            FROM (SELECT b.*, b.bezoek_id || '-' || p AS persoon_id, b.j * 64 + p AS k
                  FROM (SELECT *, unnest(range(personen)) AS p FROM bezoek) b)
            ORDER BY k
        """)
        con.execute(f"""
            CREATE TEMP TABLE bevinding AS
            SELECT f.j * 32 + n AS k, 'NF' || (f.j * 32 + n) AS bevinding_id, f.bezoek_id, f.controleavond_id,
                   f.team, f.datum,
                   CASE WHEN f.personen > 0 AND {_u(41, "f.j * 32 + n")} < 0.45
                        THEN f.bezoek_id || '-' || floor({_u(42, "f.j * 32 + n")} * f.personen)::INT END AS persoon_id,
                   {_pick(categories, 43, "f.j * 32 + n", 3.0)} AS categorie,
                   {_u(44, "f.j * 32 + n")} < 0.85 AS overtreding,
                   {_pick(["GEMEENTE", "POLITIE", *partners], 45, "f.j * 32 + n", 2.5)} AS partner
            FROM (SELECT *, unnest(range(bevindingen)) AS n FROM bezoek) f
        """)
        con.execute("""
            INSERT INTO stg_bevindingen
            SELECT bevinding_id, bezoek_id, persoon_id, categorie, overtreding, partner, NULL,
                   'nationaal/' || team || '/bevindingen-' || year(datum) || '.xlsx', 'Bevindingen', 2 + k
            FROM bevinding ORDER BY k
        """)
        # follow-up: most violations get one or two steps, old steps are mostly closed
        con.execute(f"""
            INSERT INTO stg_opvolging
            WITH s AS (
                SELECT o.*, o.datum + floor({_u(50, "o.m")} * 30)::INT AS start,
                       {_u(51, "o.m")} AS us
                FROM (SELECT f.*, f.k * 4 + s AS m, s
                      FROM (SELECT *, unnest(range(CASE WHEN {_u(52, "k")} < 0.15 THEN 0
                                                        WHEN {_u(53, "k")} < 0.75 THEN 1
                                                        ELSE 2 + floor({_u(54, "k")} * 2)::INT END)) AS s
                            FROM bevinding WHERE overtreding) f) o
            ), t AS (
                SELECT s.*, CASE WHEN start < DATE '{end}' - 180 AND us < 0.9 THEN 'afgerond'
                                 WHEN start < DATE '{end}' - 180 AND us < 0.95 THEN 'vervallen'
                                 WHEN us < 0.45 THEN 'afgerond' WHEN us < 0.7 THEN 'lopend' ELSE 'open' END AS status
                FROM s
            )
            SELECT 'NO' || m, bevinding_id, NULL, partner, NULL, {_pick(OPVOLGING_ORDER, 55, "m", 1.8)}, start,
                   start + 56, status,
                   CASE WHEN status IN ('afgerond', 'vervallen')
                        THEN least(DATE '{end}', start + 1 + floor(-ln(1 - {_u(56, "m")}) * 45)::INT) END,
                   NULL, 'nationaal/' || team || '/opvolging-' || year(datum) || '.xlsx', 'Opvolging',
                   1 + row_number() OVER (ORDER BY m)
            FROM t ORDER BY m
        """)
        con.execute(f"""
            INSERT INTO stg_partnerresultaten
            SELECT 'NR' || m, team, partner, controleavond_id, {_pick(RESULT_SOORTEN, 60, "m", 1.7)},
                   1 + floor(-ln(1 - {_u(61, "m")}) * 1.5)::INT, NULL, NULL,
                   CASE WHEN {_u(62, "m")} < 0.3 THEN (500 + floor(pow({_u(63, "m")}, 3) * 40000))::DECIMAL(14, 2) END,
                   least(DATE '{end}', datum + floor({_u(64, "m")} * 40)::INT),
                   'nationaal/' || team || '/partnerresultaten-' || year(datum) || '.xlsx', 'Resultaten', 2 + m
            FROM (SELECT d.partner, a.*, a.i * 32 + row_number() OVER (PARTITION BY a.i ORDER BY d.partner) AS m
                  FROM stg_deelname d JOIN avond a USING (controleavond_id))
            WHERE {_u(65, "m")} < 0.35
            ORDER BY m
        """)
        con.execute(f"""
            INSERT INTO stg_signalen
            SELECT 'NS' || m, greatest(t.van, a.datum - 1 - floor({_u(70, "m")} * 30)::INT), a.team, a.gemeente_code,
                   {_pick(["GEMEENTE", "POLITIE", *partners], 71, "m", 2.5)}, a.thema,
                   'ADR-' || substr(md5('s' || m), 1, 10), NULL, NULL, u.uitkomst,
                   CASE WHEN u.uitkomst = 'gecontroleerd' THEN a.controleavond_id END,
                   'nationaal/' || a.team || '/signalen-' || year(a.datum) || '.xlsx', 'Signalen', 2 + m
            FROM (SELECT *, i * 4 + unnest(range(floor({_u(72)} * 4)::INT)) AS m FROM avond) a
            JOIN ntg t ON t.code = a.team,
            LATERAL (SELECT {_pick(UITKOMSTEN, 73, "m", 1.6)} AS uitkomst) u
            ORDER BY m
        """)
        if demo_warehouse is not None:
            con.execute(f"ATTACH '{Path(demo_warehouse)}' AS demo (READ_ONLY)")
            for (table,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = "
                                        "'demo' AND (table_name LIKE 'stg_%' OR table_name IN ('meta_laadronde', "
                                        "'meta_afwijzing'))").fetchall():
                con.execute(f"INSERT INTO main.{table} SELECT * FROM demo.main.{table}")
            con.execute("DETACH demo")
        for temp in ("avond", "bezoek", "bevinding", "ntg", "nt"):
            con.execute(f"DROP TABLE {temp}")
        refresh_marts(con)  # the materialised marts, as a full load leaves them
        con.execute("CHECKPOINT")
        return row_counts(con)
    finally:
        con.close()


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per staging table."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name LIKE "
                                        "'stg_%' AND table_schema = 'main' ORDER BY 1").fetchall()]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _bsn(rng: random.Random) -> str:
    """A synthetic number that passes the 11-proef (so the loader must recognise and drop the column)."""
    while True:
        number = "99" + "".join(str(rng.randrange(10)) for _ in range(7))
        if passes_elfproef(number):
            return number


def write_batch(out_dir: Path, reference_dir: Path, teams: int = TEAMS, scale: float = 1.0) -> list[Path]:
    """Write November 2025's delivery of the first `teams` invented teams under `out_dir`; return the paths.

    Per team the volume of an average month of the warehouse at `scale` (evenings / teams / months), in the
    contract's own layout, one workbook per kind, dates as Excel dates. IDs start with B2511 so they never
    clash with the generated warehouse.
    """
    out_dir = Path(out_dir)
    rng = random.Random(f"{SEED}:batch")
    gemeenten: dict[str, list[str]] = {}
    for row in read_reference(Path(reference_dir), "gemeenten.csv"):
        gemeenten.setdefault(row["regio"], []).append(row["naam"])
    categories = [r["code"] for r in read_reference(Path(reference_dir), "bevindingcategorieen.csv")]
    partner_codes = [r["code"] for r in read_reference(Path(reference_dir), "partners.csv")]
    themes = [r["code"] for r in read_reference(Path(reference_dir), "themas.csv")]
    months = (DATA_END.year - DATA_START.year) * 12 + DATA_END.month
    per_team = max(2, round(EVENINGS * scale / TEAMS / months))
    paths: list[Path] = []
    for t in range(1, teams + 1):
        code = team_code(t)
        prefix = f"B2511-{t:02d}"
        avonden, bezoeken, personen, bevindingen, opvolging, resultaten, signalen = [], [], [], [], [], [], []
        for e in range(per_team):
            avond_id = f"{prefix}-A{e:03d}"
            datum = BATCH_MONTH + dt.timedelta(days=rng.randrange(30))
            present = ["GEMEENTE", "POLITIE"] + [p for p in partner_codes[2:] if rng.random() < 0.25]
            gemeente = gemeenten[region(t)][min(len(gemeenten[region(t)]) - 1,
                                                int(len(gemeenten[region(t)]) * rng.random() ** 1.8))]
            avonden.append([avond_id, datum, code, gemeente, rng.choice(themes), ";".join(present),
                            4 + rng.randrange(14)])
            for v in range(min(60, 1 + int(-math.log(1 - rng.random()) * 7))):
                bezoek_id = f"{avond_id}-B{v:02d}"
                n_persons = 0 if rng.random() < 0.3 else 1 + int(-math.log(1 - rng.random()) * 2.6)
                bezoeken.append([bezoek_id, avond_id, f"Voorbeeldstraat {rng.randrange(1, 400)}",
                                 f"{rng.randrange(1000, 9999)} AB", rng.choice(OBJECT_TYPES),
                                 f"Verhuurder {rng.randrange(5000)} BV", n_persons])
                for p in range(n_persons):
                    personen.append([f"{bezoek_id}-P{p:02d}", bezoek_id, f"Demo Persoon {rng.randrange(10**6)}",
                                     _bsn(rng) if rng.random() < 0.6 else None,
                                     rng.choice(("Pools", "Roemeens", "Bulgaars", "Nederlands", "Hongaars")),
                                     rng.choice(("ja", "nee", "onbekend")), rng.choice((None, 350, 450.5, 600)),
                                     rng.choice(BETAALWIJZEN), rng.choice(("ja", "nee", "onbekend")),
                                     round(rng.random() * 24, 1), f"Demo Uitzendbureau {rng.randrange(60):02d}",
                                     rng.choice(("ja", "nee", "onbekend"))])
                for f in range(min(20, int(-math.log(1 - rng.random()) * 2.7))):
                    bevinding_id = f"{bezoek_id}-F{f:02d}"
                    violation = rng.random() < 0.85
                    persoon = f"{bezoek_id}-P{rng.randrange(n_persons):02d}" if n_persons and rng.random() < 0.45 \
                        else None
                    partner = rng.choice(present)
                    bevindingen.append([bevinding_id, bezoek_id, persoon, rng.choice(categories),
                                        "ja" if violation else "nee", partner, None])
                    if violation and rng.random() < 0.85:
                        start = datum + dt.timedelta(days=rng.randrange(5))
                        opvolging.append([f"{bevinding_id}-O", bevinding_id, None, partner, None,
                                          rng.choice(OPVOLGING_SOORTEN), start, start + dt.timedelta(days=56),
                                          "open", None, None])
            for r, partner in enumerate(present):
                if rng.random() < 0.35 or e == r == 0:  # every workbook gets at least one row
                    resultaten.append([f"{avond_id}-R{r:02d}", code, partner, avond_id, rng.choice(RESULT_SOORTEN),
                                       1 + rng.randrange(3), None, None,
                                       round(rng.uniform(500, 20000), 2) if rng.random() < 0.3 else None, datum])
            for s in range(max(rng.randrange(4), int(e == 0))):
                signalen.append([f"{avond_id}-S{s}", BATCH_MONTH, code, gemeente, rng.choice(present),
                                 avonden[-1][4], None, None, None, "nieuw", None])
        folder = out_dir / code
        sheets = {
            "controles": [SheetData("Controleavonden", ["controleavond_id", "datum", "team", "gemeente", "thema",
                                                        "aanwezige_partners", "aantal_deelnemers"], avonden),
                          SheetData("Bezoeken", ["bezoek_id", "controleavond_id", "adres", "postcode", "object_type",
                                                 "eigenaar", "aantal_personen"], bezoeken)],
            "vragenformulieren": [SheetData("Personen", ["persoon_id", "bezoek_id", "naam", "bsn", "nationaliteit",
                                                         "huurovereenkomst", "huur_per_maand", "huur_betaalwijze",
                                                         "ingeschreven_brp", "verblijfsduur_maanden",
                                                         "uitzendbureau", "zorgverzekering"], personen)],
            "bevindingen": [SheetData("Bevindingen", ["bevinding_id", "bezoek_id", "persoon_id", "categorie",
                                                      "overtreding", "partner", "toelichting"], bevindingen)],
            "opvolging": [SheetData("Opvolging", ["opvolging_id", "bevinding_id", "controleavond_id", "organisatie",
                                                  "afdeling", "soort", "datum_start", "deadline", "status",
                                                  "datum_gesloten", "resultaat"], opvolging)],
            "partnerresultaten": [SheetData("Resultaten", ["resultaat_id", "team", "partner", "controleavond_id",
                                                           "soort", "aantal", "hoeveelheid", "eenheid", "bedrag_eur",
                                                           "datum"], resultaten)],
            "signalen": [SheetData("Signalen", ["signaal_id", "datum", "team", "gemeente", "bron_partner", "thema",
                                                "adres", "postcode", "casustafel_datum", "uitkomst",
                                                "controleavond_id"], signalen)],
        }
        for kind, sheet_data in sheets.items():
            paths.append(write_workbook(folder / f"{code}_{kind}_2025-11.xlsx", sheet_data,
                                        f"{code} november 2025 - {kind}", SEED))
    return paths
