"""Synthetic data of the Peelland Interventie Team (PIT) 2017 in the partner layout "pit-peelland".

The rows reproduce the PIT 2017 infographic (evaluation of the PIT convenant, March 2018) exactly when
computed from the rows: 26 acties, attendance per partner, 110 visited objects of the listed kinds,
the top 10 findings plus 168 findings over 71 further categories (each at most 8), the results per
organisation and the money total (EUR 396,939), 29 re-inspections that found the violation ended,
about 30 press releases by November 2017, every violation followed up by at least one step ("Tot nu wordt
nog elke overtreding opgepakt") and signals mostly from municipalities and police.
The published inconsistency is kept: 10 Arbeidstijdenwet findings, 7 ISZW ATW results.

Layout "pit-peelland" (etl/mappings/pit-peelland-*.toml): one workbook per kind, sheets named
"... 2017", two title rows with the header on row 3, Excel date cells, partner and category names as
the team leader writes them, "Gemert" for Gemert-Bakel, no team column (constant "PIT").
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import printed_figures
from etl.demo.common import PEELLAND, AddressBook, Evening, Visit, landlord, spread
from etl.demo.xlsx import SheetData, write_workbook

FOLDER = "pit"
YEAR_END = dt.date(2017, 12, 31)
ACTIONS_PER_GEMEENTE = {"Helmond": 7, "Deurne": 5, "Gemert-Bakel": 4, "Asten": 3, "Laarbeek": 3, "Someren": 4}
ACTIONS_PER_THEMA = {"ondermijning": 8, "woonoverlast": 4, "huisvesting arbeidsmigranten": 5, "recreatieparken": 3,
                     "buitengebied": 3, "horeca": 2, "woonwagenlocaties": 1}
THEMA_SPELLING = {"ondermijning": "Ondermijning", "woonoverlast": "Woonoverlast",
                  "huisvesting arbeidsmigranten": "Arbeidsmigranten", "recreatieparken": "Recreatieparken",
                  "buitengebied": "Buitengebied", "horeca": "Horeca", "woonwagenlocaties": "Woonwagens"}
ATTENDANCE = dict(printed_figures.PIT_ACTIES_AANWEZIG)
"""Infographic: 'acties aanwezig' per partner."""
PARTNER_SPELLING = {"GEMEENTE": "Gemeente", "POLITIE": "Politie", "ENEXIS": "Enexis", "VRBZO": "VRBZO",
                    "AVIM": "AVIM", "SENZER": "Senzer", "ISZW": "ISZW", "NVWA": "NVWA"}
OBJECTS = printed_figures.PIT_OBJECTEN
OBJECT_WEIGHTS = {
    "ondermijning": {"woning": 0.3, "loods": 0.35, "bedrijfspand": 0.25, "perceel": 0.1},
    "woonoverlast": {"woning": 0.9, "perceel": 0.1},
    "huisvesting arbeidsmigranten": {"woning": 0.5, "loods": 0.2, "bedrijfspand": 0.15, "recreatiewoning/chalet": 0.15},
    "recreatieparken": {"recreatiewoning/chalet": 0.9, "woning": 0.1},
    "buitengebied": {"loods": 0.4, "perceel": 0.3, "woning": 0.2, "bedrijfspand": 0.1},
    "horeca": {"horeca": 0.85, "bedrijfspand": 0.15},
    "woonwagenlocaties": {"woning": 1.0},
}
OBJECT_SPELLING = {"woning": "Woning", "loods": "Loods", "bedrijfspand": "Bedrijf", "horeca": "Horeca",
                   "recreatiewoning/chalet": "Chalet", "perceel": "Perceel", "woonwagenlocatie": "Woonwagenlocatie"}
PERSONS = {"woning": (1, 6), "recreatiewoning/chalet": (1, 4), "loods": (0, 8), "bedrijfspand": (0, 4),
           "horeca": (0, 3), "perceel": (0, 1), "woonwagenlocatie": (2, 5)}
_TOP10_SHEET = {  # code -> (spelling in the sheet, partner that establishes it)
    "adresfraude": ("Adresfraude", "GEMEENTE"),
    "strijdig gebruik bestemmingsplan": ("Strijdig gebruik", "GEMEENTE"),
    "milieuovertreding": ("Milieu", "GEMEENTE"),
    "overbewoning": ("Overbewoning", "GEMEENTE"),
    "fraude energiemeters": ("Energiefraude", "ENEXIS"),
    "sociale zekerheidsfraude": ("SZ-fraude", "SENZER"),
    "brandgevaarlijke situatie": ("Brandgevaar", "VRBZO"),
    "brandveiligheidseisen": ("Brandveiligheid", "VRBZO"),
    "arbeidstijdenwet": ("ATW", "ISZW"),
    "asbest": ("Asbest", "GEMEENTE"),
}
TOP10 = tuple((code, *_TOP10_SHEET[code], count) for _, code, count, _ in printed_figures.PIT_TOP10)
"""The printed top 10 as planned: (code, spelling in the sheet, partner, count)."""
FURTHER_TOTAL = printed_figures.PIT_OVERIGE_BEVINDINGEN
FURTHER_FIXED = {"wml": 6, "wav": 4, "waadi": 2, "schijnconstructie": 1, "hennepkwekerij": 3,
                 "voedselveiligheid": 3, "rookverbod horeca": 4}
HORECA_CATEGORIES = ("voedselveiligheid", "rookverbod horeca", "alcoholwet", "exploitatie zonder vergunning",
                     "speelautomaten zonder vergunning", "illegale verkoop alcohol")
LIVING_CATEGORIES = ("adresfraude", "overbewoning", "sociale zekerheidsfraude", "illegale kamerverhuur")
FURTHER_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("wml", "ISZW"), ("wav", "ISZW"), ("waadi", "ISZW"), ("schijnconstructie", "ISZW"),
    ("arbeidsomstandigheden", "ISZW"), ("uitbuiting arbeidsmigranten", "AVIM"),
    ("illegaal verblijf vreemdeling", "AVIM"), ("identiteitsfraude", "AVIM"), ("signalen mensenhandel", "AVIM"),
    ("hennepkwekerij", "POLITIE"), ("hennep gerelateerde goederen", "POLITIE"), ("drugsbezit", "POLITIE"),
    ("synthetische drugs productie", "POLITIE"), ("drugsafval", "POLITIE"), ("wapenbezit", "POLITIE"),
    ("munitie", "POLITIE"), ("illegaal vuurwerk", "POLITIE"), ("heling", "POLITIE"),
    ("gestolen voertuig", "POLITIE"), ("kentekenfraude", "POLITIE"), ("illegale gokactiviteiten", "POLITIE"),
    ("illegale prostitutie", "POLITIE"), ("openstaande vordering justitie", "POLITIE"),
    ("rijden zonder rijbewijs", "POLITIE"), ("dierenwelzijn", "POLITIE"), ("sigarettensmokkel", "POLITIE"),
    ("voedselveiligheid", "NVWA"), ("rookverbod horeca", "NVWA"), ("illegale slacht", "NVWA"),
    ("alcoholwet", "GEMEENTE"), ("exploitatie zonder vergunning", "GEMEENTE"),
    ("speelautomaten zonder vergunning", "GEMEENTE"), ("illegale verkoop alcohol", "GEMEENTE"),
    ("bouwen zonder vergunning", "GEMEENTE"), ("illegale bewoning recreatiewoning", "GEMEENTE"),
    ("illegale bewoning bedrijfspand", "GEMEENTE"), ("illegale bouwwerken buitengebied", "GEMEENTE"),
    ("woningsplitsing zonder vergunning", "GEMEENTE"), ("strijdig gebruik woonwagenstandplaats", "GEMEENTE"),
    ("bedrijfsactiviteit aan huis", "GEMEENTE"), ("kapvergunning ontbreekt", "GEMEENTE"),
    ("reclame zonder vergunning", "GEMEENTE"), ("apv overtreding", "GEMEENTE"), ("geluidsoverlast", "GEMEENTE"),
    ("woonoverlast", "GEMEENTE"), ("verhuur zonder vergunning", "GEMEENTE"), ("illegale kamerverhuur", "GEMEENTE"),
    ("achterstallig onderhoud", "GEMEENTE"), ("vervuilde woning", "GEMEENTE"), ("hygiene huisvesting", "GEMEENTE"),
    ("legionellarisico", "GEMEENTE"), ("opslag gevaarlijke stoffen", "GEMEENTE"), ("afvaldumping", "GEMEENTE"),
    ("afvalverbranding", "GEMEENTE"), ("bodemverontreiniging", "GEMEENTE"), ("lozing afvalwater", "GEMEENTE"),
    ("mestopslag", "GEMEENTE"), ("opslag autowrakken", "GEMEENTE"), ("milieuvergunning ontbreekt", "GEMEENTE"),
    ("inschrijving rni ontbreekt", "GEMEENTE"), ("hondenbelasting", "GEMEENTE"), ("toeristenbelasting", "GEMEENTE"),
    ("gebruiksmelding ontbreekt", "GEMEENTE"), ("illegale aansluiting", "ENEXIS"),
    ("onveilige elektrische installatie", "ENEXIS"), ("onveilige gasinstallatie", "ENEXIS"),
    ("bijstandsfraude woonsituatie", "SENZER"), ("niet gemelde inkomsten", "SENZER"),
    ("verzwegen vermogen", "SENZER"), ("samenwoonfraude", "SENZER"), ("zwart werken met uitkering", "SENZER"),
)
"""The 71 further categories (PIT: "+ nog 168 bevindingen verspreid over 71 categorieen"), each with the
partner that establishes it; names and groups are in etl/reference/bevindingcategorieen.csv."""
DELIVERED_BY = {"vreemdeling aangetroffen": "AVIM", "vreemdeling aangehouden": "AVIM",
                "verblijfsrecht ingetrokken": "AVIM"}
"""Results printed under Politie that the AVIM delivers."""
NOT_PRINTED: dict[str, tuple[int, int | None]] = {"scherpe munitie": (1, 2500)}
"""Results whose times or quantity the infographic does not print as a number ("1000den patronen"): (times,
quantity) planned instead."""
UNITS = {"hennep toppen": "gram", "scherpe munitie": "patronen"}
EURO_PER_UNIT: dict[str, tuple[int, int]] = {
    "terugvordering": (15000, 60000), "naheffing ingezetenenbelasting": (80, 250),
    "naheffing hondenbelasting": (60, 180), "dwangsom": (5000, 25000), "overtreding atw": (900, 2500),
    "overtreding wml": (2000, 6000), "overtreding wav": (8000, 8000), "overtreding waadi": (6000, 12000),
    "schijnconstructie": (10000, 20000), "diefstal/fraude stroom": (2500, 9000), "vermogensfraude": (8000, 15000),
}
"""Euro per result for the results that carry money (scaled so the total is the printed PIT_GELD_EUR)."""
RESULTS: tuple[tuple[str, str, int, int | None, str | None, tuple[int, int] | None], ...] = tuple(
    (DELIVERED_BY.get(soort, org), soort, times if times is not None else NOT_PRINTED[soort][0],
     int(quantity) if quantity is not None and quantity.isdigit() else NOT_PRINTED.get(soort, (0, None))[1],
     UNITS.get(soort), EURO_PER_UNIT.get(soort))
    for org, soort, times, _, quantity, _ in printed_figures.PIT_RESULTATEN
)
"""The results as planned: (partner, soort, total count, quantity, unit, euro per unit range when it has money)."""
"""Infographic 'Resultaten per organisatie' (Belastingdienst/Douane: not reported, so no rows)."""
MONEY_TOTAL = printed_figures.PIT_GELD_EUR
"""Infographic: 'Resultaat in geld in totaal: EUR 396.939'."""
PRESS_RELEASES = printed_figures.PIT_PERSBERICHTEN
PRESS_DEADLINE = dt.date(2017, 12, 1)
"""'ca. 30 persberichten na PIT-acties (stand van zaken november 2017)'."""
RECHECKS_ENDED = printed_figures.PIT_HERCONTROLES_BEEINDIGD
"""'29 keer bleken na hercontroles dat de overtredingen beëindigd waren'."""
RECHECK_CATEGORIES = ("milieuovertreding", "strijdig gebruik bestemmingsplan", "asbest")
SIGNAL_SOURCES = {"Gemeente": 52, "Politie": 22, "Basisteam Peelland": 12, "Senzer": 3, "VRBZO": 2, "Enexis": 3,
                  "ISZW": 1, "NVWA": 1}
"""'Casuistiek wordt nu vooral door gemeenten en politie aangedragen'."""
TITLE = "PIT Peelland Interventie Team"


def _actions(rng: random.Random) -> list[Evening]:
    start = dt.date(2017, 1, 10)
    days: set[dt.date] = set()
    while len(days) < 26:
        day = start + dt.timedelta(days=rng.randrange(338))
        if day.weekday() < 5:
            days.add(day)
    gemeenten = [g for g, n in ACTIONS_PER_GEMEENTE.items() for _ in range(n)]
    themas = [t for t, n in ACTIONS_PER_THEMA.items() for _ in range(n)]
    rng.shuffle(gemeenten)
    rng.shuffle(themas)
    actions = [Evening(f"PIT17-A{i:02d}", day, g, t, ["GEMEENTE"])
               for i, (day, g, t) in enumerate(zip(sorted(days), gemeenten, themas, strict=True), start=1)]
    ham = [a for a in actions if a.thema == "huisvesting arbeidsmigranten"]
    horeca = [a for a in actions if a.thema == "horeca"]
    others = [a for a in actions if a not in ham]
    chosen: dict[str, list[Evening]] = {
        "ISZW": ham,
        "NVWA": horeca + rng.sample([a for a in others if a not in horeca], ATTENDANCE["NVWA"] - len(horeca)),
        "AVIM": ham + rng.sample(others, ATTENDANCE["AVIM"] - len(ham)),
    }
    absent = rng.choice(others)
    chosen["POLITIE"] = [a for a in actions if a is not absent]
    for partner in ("ENEXIS", "VRBZO", "SENZER"):
        chosen[partner] = rng.sample(actions, ATTENDANCE[partner])
    for partner in ATTENDANCE:
        for action in chosen.get(partner, []):
            action.partners.append(partner)
    return actions


def _visits(rng: random.Random, actions: list[Evening], book: AddressBook) -> list[Visit]:
    per_action = spread(rng, OBJECTS, len(actions), minimum=1)
    visits: list[Visit] = []
    for action, n in zip(actions, per_action, strict=True):
        weights = OBJECT_WEIGHTS[action.thema]
        for j in range(n):
            if action.thema == "woonwagenlocaties" and j == 0:
                kind = "woonwagenlocatie"
            elif "NVWA" in action.partners and j == 0:
                kind = "horeca"
            else:
                kind = rng.choices(list(weights), list(weights.values()))[0]
            adres, postcode = book.new(action.gemeente)
            low, high = PERSONS[kind]
            visits.append(Visit("", action, adres, postcode, kind, rng.randint(low, high)))
    present = {v.object_type for v in visits}
    for kind in ("woning", "loods", "bedrijfspand", "horeca", "recreatiewoning/chalet", "perceel"):
        if kind not in present:  # the infographic lists every kind; make sure each occurs
            visit = rng.choice([v for v in visits if v.object_type == "woning"])
            visit.object_type = kind
    for i, visit in enumerate(visits, start=1):
        visit.id = f"PIT17-O{i:03d}"
    return visits


def _further_counts(rng: random.Random) -> dict[str, int]:
    codes = [code for code, _ in FURTHER_CATEGORIES]
    free = [c for c in codes if c not in FURTHER_FIXED]
    while True:
        counts = spread(rng, FURTHER_TOTAL - sum(FURTHER_FIXED.values()), len(free), minimum=1)
        if max(counts) <= 8:
            break
    result = dict(zip(free, counts, strict=True))
    result.update(FURTHER_FIXED)
    return {c: result[c] for c in codes}


def _findings(rng: random.Random, visits: list[Visit]) -> list[dict[str, object]]:
    partner_of = dict(FURTHER_CATEGORIES)
    plan = [(code, spelling, partner, n) for code, spelling, partner, n in TOP10]
    plan += [(code, code, partner_of[code], n) for code, n in _further_counts(rng).items()]
    findings = []
    for code, spelling, partner, n in plan:
        eligible = [v for v in visits if partner in v.evening.partners]
        if code in HORECA_CATEGORIES:
            eligible = [v for v in eligible if v.object_type == "horeca"] or eligible
        elif code in LIVING_CATEGORIES:
            eligible = [v for v in eligible if v.persons > 0 and v.object_type != "horeca"] or eligible
        elif code == "illegale bewoning recreatiewoning":
            eligible = [v for v in eligible if v.object_type == "recreatiewoning/chalet"] or eligible
        for _ in range(n):
            findings.append({"visit": rng.choice(eligible), "code": code, "soort": spelling,
                             "partner": PARTNER_SPELLING[partner]})
    findings.sort(key=lambda f: (f["visit"].id, f["code"]))
    for i, f in enumerate(findings, start=1):
        f["id"] = f"PIT17-B{i:03d}"
    return findings


def _result_date(rng: random.Random, action: Evening) -> dt.date:
    return min(action.date + dt.timedelta(days=rng.randint(7, 90)), dt.date(2017, 12, 29))


def _results(rng: random.Random, actions: list[Evening]) -> list[tuple[object, ...]]:
    rows: list[list[object]] = []
    money_rows: list[tuple[list[object], tuple[int, int]]] = []
    for partner, soort, total, quantity, unit, per_unit in RESULTS:
        eligible = [a for a in actions if partner in a.partners]
        k = min(total, len(eligible), rng.randint(1, min(6, total)))
        for count, action in zip(spread(rng, total, k, minimum=1), rng.sample(eligible, k), strict=True):
            row: list[object] = [PARTNER_SPELLING[partner], action.id, soort, count, quantity, unit, None,
                                 _result_date(rng, action)]
            rows.append(row)
            if per_unit:
                money_rows.append((row, per_unit))
    raw = [rng.randint(*per_unit) * row[3] for row, per_unit in money_rows]
    factor = MONEY_TOTAL / sum(raw)
    amounts = [round(value * factor) for value in raw]
    amounts[-1] += MONEY_TOTAL - sum(amounts)
    for (row, _), amount in zip(money_rows, amounts, strict=True):
        row[6] = amount
    rows.sort(key=lambda r: (r[7], r[1], r[0], r[2]))
    return [(f"PIT17-R{i:03d}", *row) for i, row in enumerate(rows, start=1)]


def _followups(rng: random.Random, actions: list[Evening],
               findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    """Press releases per action and at least one follow-up step per violation (every one is 'opgepakt')."""
    rows: list[list[object]] = []
    early = [a for a in actions if a.date < PRESS_DEADLINE - dt.timedelta(days=4)]
    press = early + rng.sample(early, PRESS_RELEASES - len(early))
    for action in press:
        day = action.date + dt.timedelta(days=rng.randint(0, 3))
        rows.append([None, action.id, "Gemeente", "Communicatie", "Persbericht", day, None, "Afgerond", day,
                     "persbericht verstuurd"])
    recheckable = [f for f in findings if f["code"] in RECHECK_CATEGORIES and f["visit"].evening.date.month <= 9]
    rechecked = {f["id"] for f in rng.sample(recheckable, RECHECKS_ENDED)}
    for f in findings:
        action: Evening = f["visit"].evening
        start = min(action.date + dt.timedelta(days=rng.randint(3, 21)), YEAR_END)
        if f["id"] in rechecked:
            check = action.date + dt.timedelta(days=rng.randint(30, 75))
            rows.append([f["id"], None, "Gemeente", "Toezicht en handhaving", "Hercontrole", check,
                         check + dt.timedelta(days=14), "Afgerond", check + dt.timedelta(days=rng.randint(0, 10)),
                         "overtreding beëindigd"])
            continue
        if f["code"] == "adresfraude":
            step = ("Gemeente", "Burgerzaken", "Handhaving", "adresonderzoek afgerond")
        elif f["partner"] == "Gemeente":
            step = ("Gemeente", "Juridische zaken", rng.choice(("Handhaving", "Informatiebrief eigenaar")), rng.choice(
                ("last onder dwangsom opgelegd", "vooraanschrijving verzonden", "eigenaar geïnformeerd")))
        else:
            step = ("Gemeente", "Veiligheid", "Partners informeren", "partner heeft eigen traject gestart")
        closed = start + dt.timedelta(days=rng.randint(7, 150))
        done = closed <= YEAR_END
        rows.append([f["id"], None, step[0], step[1], step[2], start, start + dt.timedelta(days=42),
                     "Afgerond" if done else rng.choice(("Open", "Lopend")), closed if done else None,
                     step[3] if done else None])
    late = [f for f in findings if f["id"] not in rechecked and f["visit"].evening.date.month >= 10]
    open_checks = rng.sample(late, 6)
    for f in open_checks:
        check = f["visit"].evening.date + dt.timedelta(days=rng.randint(20, 60))
        rows.append([f["id"], None, "Gemeente", "Toezicht en handhaving", "Hercontrole", min(check, YEAR_END),
                     check + dt.timedelta(days=14), "Open", None, None])
    rows.sort(key=lambda r: (r[5], r[0] or "", r[1] or ""))
    return [(f"PIT17-V{i:03d}", *row) for i, row in enumerate(rows, start=1)]


def _signals(rng: random.Random, visits: list[Visit], book: AddressBook) -> list[tuple[object, ...]]:
    sources = [s for s, n in SIGNAL_SOURCES.items() for _ in range(n)]
    rng.shuffle(sources)
    checked = rng.sample(visits, 60)
    rows = []
    for i, source in enumerate(sources):
        if i < len(checked):
            visit = checked[i]
            action = visit.evening
            gemeente, thema, adres, postcode = action.gemeente, action.thema, visit.adres, visit.postcode
            day = max(action.date - dt.timedelta(days=rng.randint(10, 50)), dt.date(2017, 1, 2))
            table = min(day + dt.timedelta(days=rng.randint(2, 14)), action.date - dt.timedelta(days=1))
            table = max(table, day)
            status, action_id = "Gecontroleerd", action.id
        else:
            gemeente = rng.choice(PEELLAND)
            thema = rng.choice(list(ACTIONS_PER_THEMA))
            adres, postcode = book.new(gemeente)
            day = dt.date(2017, 1, 2) + dt.timedelta(days=rng.randint(0, 340))
            status = rng.choice(("Besproken in PIT-overleg", "Afgewezen", "Doorgezet naar partner", "Nieuw"))
            table = None if status == "Nieuw" else min(day + dt.timedelta(days=rng.randint(3, 21)), YEAR_END)
            action_id = None
        rows.append([day, "Gemert" if gemeente == "Gemert-Bakel" else gemeente, source, THEMA_SPELLING[thema], adres,
                     postcode, table, status, action_id])
    rows.sort(key=lambda r: (r[0], r[4]))
    return [(f"PIT17-M{i:03d}", *row) for i, row in enumerate(rows, start=1)]


def _sheet(name: str, headers: tuple[str, ...], rows: list, subtitle: str) -> SheetData:
    return SheetData(name, headers, rows, title_rows=(f"{TITLE} - {subtitle}",
                                                      "Synthetische demodata - stand 31-12-2017"), header_row=3)


def write_pit(out_dir: Path, rng: random.Random, seed: int) -> list[Path]:
    """Write the five PIT 2017 workbooks under out_dir/pit and return their paths."""
    book = AddressBook(rng)
    actions = _actions(rng)
    visits = _visits(rng, actions, book)
    findings = _findings(rng, visits)
    folder = out_dir / FOLDER
    paths: list[Path] = []

    def gemeente(name: str) -> str:
        return "Gemert" if name == "Gemert-Bakel" else name

    paths.append(write_workbook(folder / "PIT_acties_2017.xlsx", [
        _sheet("Acties 2017", ("Actienr.", "Datum actie", "Gemeente", "Thema", "Partners aanwezig", "Deelnemers"),
               [(a.id, a.date, gemeente(a.gemeente), THEMA_SPELLING[a.thema],
                 "; ".join(PARTNER_SPELLING[p] for p in a.partners), 4 + 2 * len(a.partners) + rng.randint(0, 8))
                for a in actions], "Acties 2017"),
        _sheet("Objecten 2017", ("Objectnr.", "Actienr.", "Adres", "PC", "Soort object", "Eigenaar",
                                 "Aangetroffen personen"),
               [(v.id, v.evening.id, v.adres, v.postcode, OBJECT_SPELLING[v.object_type], landlord(rng), v.persons)
                for v in visits], "Bezochte objecten 2017"),
    ], f"{TITLE} - acties en objecten 2017", seed))
    paths.append(write_workbook(folder / "PIT_bevindingen_2017.xlsx", [
        _sheet("Bevindingen 2017", ("Bevindingnr.", "Objectnr.", "Soort bevinding", "Overtreding", "Vastgesteld door",
                                    "Toelichting"),
               [(f["id"], f["visit"].id, f["soort"], "Ja", f["partner"], None) for f in findings], "Bevindingen 2017"),
    ], f"{TITLE} - bevindingen 2017", seed))
    paths.append(write_workbook(folder / "PIT_resultaten_2017.xlsx", [
        _sheet("Resultaten 2017", ("Regelnr.", "Organisatie", "Actienr.", "Resultaat", "Aantal", "Hoeveelheid",
                                   "Eenheid", "Bedrag (EUR)", "Datum"), _results(rng, actions),
               "Resultaten per organisatie 2017"),
    ], f"{TITLE} - resultaten per organisatie 2017", seed))
    paths.append(write_workbook(folder / "PIT_opvolging_2017.xlsx", [
        _sheet("Opvolging 2017", ("Nr", "Bevindingnr.", "Actienr.", "Organisatie", "Afdeling", "Soort opvolging",
                                  "Startdatum", "Deadline", "Status", "Datum afgerond", "Resultaat"),
               _followups(rng, actions, findings), "Opvolging 2017"),
    ], f"{TITLE} - opvolging 2017", seed))
    paths.append(write_workbook(folder / "PIT_meldingen_2017.xlsx", [
        _sheet("Meldingen 2017", ("Meldingnr.", "Datum melding", "Gemeente", "Ingebracht door", "Thema", "Adres",
                                  "Postcode", "Besproken op", "Uitkomst", "Actienr."),
               _signals(rng, visits, book), "Meldingen 2017"),
    ], f"{TITLE} - meldingen 2017", seed))
    return paths
