"""Synthetic data of the definitive Kempen Interventie Team (KIT), June 2020 - December 2022.

Fully invented (there is no published KIT data after the pilot), in the contract's own layout (sheet
and column names exactly as in etl/contract.py, header on row 1, Excel date cells): one controles
workbook per Kempen municipality plus one workbook per other kind. It shows what the broader KIT
could look like: more themes than housing of labour migrants, new partners (VRBZO, ODZOB, Douane,
Enexis), growth over time, follow-up that is more complete than in the pilot (the B.O.E.R.-gemeenten
catch up slowly), open follow-ups at the end of 2022 and signals from many partners.

Planted truth for the waterbed measures (metrics/waterbed.py), see INTERVENTIONS and `_plant_waterbed`: two
interventions. In Veldhoven (from 1 March 2021) a rise of PLANTED_SIGNALS housing signals in the 180 days before
the start stops, and the same number of signals appears in the 180 days after it in the named neighbours Eersel
and Waalre (PLANTED_TO); PLANTED_PERSONS persons found in Veldhoven before the start are found again in Waalre and
Bergeijk after it. In Bladel (from 1 March 2022) nothing is planted. The planting adds signals and renames persons
only; evenings, visits and persons found keep their numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from etl.contract import BEVINDINGEN as BEVINDINGEN_KIND
from etl.contract import (
    CONTROLES,
    INTERVENTIES,
    OPVOLGING,
    PARTNERRESULTATEN,
    SIGNALEN,
    VRAGENFORMULIEREN,
    Sheet,
)
from etl.demo.common import AGENCIES as COMMON_AGENCIES
from etl.demo.common import BOER, KEMPEN, AddressBook, Evening, Visit, bsn, landlord, person_name, weighted
from etl.demo.xlsx import SheetData, write_workbook

FOLDER = "kit"
START, END = dt.date(2020, 6, 2), dt.date(2022, 12, 31)
GEMEENTE_WEIGHT = {"Veldhoven": 0.2, "Best": 0.15, "Bladel": 0.12, "Eersel": 0.11, "Oirschot": 0.11,
                   "Reusel-De Mierden": 0.09, "Bergeijk": 0.11, "Waalre": 0.11}
SLUG = {"Bergeijk": "bergeijk", "Best": "best", "Bladel": "bladel", "Eersel": "eersel", "Oirschot": "oirschot",
        "Reusel-De Mierden": "reusel-de-mierden", "Veldhoven": "veldhoven", "Waalre": "waalre"}
ABBREV = {"Bergeijk": "BGK", "Best": "BST", "Bladel": "BLD", "Eersel": "ERS", "Oirschot": "OIR",
          "Reusel-De Mierden": "RDM", "Veldhoven": "VHV", "Waalre": "WLR"}
HAM = "huisvesting arbeidsmigranten"
THEMES_2020 = {HAM: 0.6, "horeca": 0.15, "ondermijning": 0.1, "malafide autobranche": 0.05,
               "leegstaande stallen": 0.05, "oude bedrijfspanden": 0.05}
THEMES_2022 = {HAM: 0.25, "horeca": 0.15, "ondermijning": 0.2, "malafide autobranche": 0.15,
               "leegstaande stallen": 0.12, "oude bedrijfspanden": 0.13}
OBJECTS = {
    HAM: {"woning": 0.6, "recreatiewoning/chalet": 0.15, "bedrijfspand": 0.1, "loods": 0.15},
    "horeca": {"horeca": 1.0},
    "malafide autobranche": {"bedrijfspand": 0.7, "loods": 0.2, "perceel": 0.1},
    "leegstaande stallen": {"stal": 0.8, "perceel": 0.2},
    "oude bedrijfspanden": {"bedrijfspand": 0.8, "loods": 0.2},
    "ondermijning": {"loods": 0.3, "bedrijfspand": 0.3, "woning": 0.2, "stal": 0.1, "perceel": 0.1},
}
PARTNERS = {  # partners on call per theme, with the chance they join an evening (GEMEENTE and POLITIE always)
    HAM: {"UWV": 0.5, "ISZW": 0.6, "SVB": 0.3, "BD-TOESLAGEN": 0.3, "BD-BELASTINGEN": 0.3, "AVIM": 0.5, "IND": 0.15,
          "VRBZO": 0.5},
    "horeca": {"NVWA": 0.8, "VRBZO": 0.6, "BD-BELASTINGEN": 0.5, "ISZW": 0.3},
    "malafide autobranche": {"BD-BELASTINGEN": 0.8, "DOUANE": 0.5, "ODZOB": 0.7, "ISZW": 0.3},
    "leegstaande stallen": {"ODZOB": 0.8, "VRBZO": 0.6, "ENEXIS": 0.6},
    "oude bedrijfspanden": {"VRBZO": 0.8, "ODZOB": 0.6, "ENEXIS": 0.5},
    "ondermijning": {"ENEXIS": 0.8, "DOUANE": 0.4, "BD-BELASTINGEN": 0.6, "RIEC": 0.3, "AVIM": 0.3},
}
FINDINGS = {  # object-level categories per theme: (category, partner that establishes it, weight)
    HAM: (("overbewoning", "GEMEENTE", 3), ("strijdig gebruik bestemmingsplan", "GEMEENTE", 3),
          ("brandveiligheidseisen", "VRBZO", 2), ("wml", "ISZW", 1), ("wav", "ISZW", 1), ("waadi", "ISZW", 1),
          ("arbeidstijdenwet", "ISZW", 1), ("hygiene huisvesting", "GEMEENTE", 1),
          ("sociale zekerheidsfraude", "UWV", 1), ("toeslagenfraude", "BD-TOESLAGEN", 1)),
    "horeca": (("voedselveiligheid", "NVWA", 2), ("rookverbod horeca", "NVWA", 1), ("alcoholwet", "GEMEENTE", 2),
               ("brandveiligheidseisen", "VRBZO", 2), ("exploitatie zonder vergunning", "GEMEENTE", 1),
               ("speelautomaten zonder vergunning", "GEMEENTE", 1), ("wav", "ISZW", 1),
               ("belastingontduiking", "BD-BELASTINGEN", 1)),
    "malafide autobranche": (("milieuovertreding", "ODZOB", 3), ("opslag autowrakken", "GEMEENTE", 2),
                             ("onvergunde autohandel", "GEMEENTE", 2), ("gestolen voertuig", "POLITIE", 1),
                             ("kentekenfraude", "POLITIE", 1), ("accijnsfraude", "DOUANE", 1),
                             ("belastingontduiking", "BD-BELASTINGEN", 2), ("bodemverontreiniging", "ODZOB", 1)),
    "leegstaande stallen": (("asbest", "ODZOB", 3), ("strijdig gebruik bestemmingsplan", "GEMEENTE", 2),
                            ("illegale bewoning bedrijfspand", "GEMEENTE", 1), ("hennepkwekerij", "POLITIE", 1),
                            ("fraude energiemeters", "ENEXIS", 1), ("brandgevaarlijke situatie", "VRBZO", 1),
                            ("opslag gevaarlijke stoffen", "ODZOB", 1), ("mestopslag", "ODZOB", 1)),
    "oude bedrijfspanden": (("brandgevaarlijke situatie", "VRBZO", 2), ("brandveiligheidseisen", "VRBZO", 2),
                            ("illegale bewoning bedrijfspand", "GEMEENTE", 2), ("asbest", "ODZOB", 1),
                            ("opslag gevaarlijke stoffen", "ODZOB", 1), ("fraude energiemeters", "ENEXIS", 1),
                            ("strijdig gebruik bestemmingsplan", "GEMEENTE", 1)),
    "ondermijning": (("hennepkwekerij", "POLITIE", 3), ("synthetische drugs productie", "POLITIE", 1),
                     ("drugsafval", "POLITIE", 1), ("fraude energiemeters", "ENEXIS", 3), ("wapenbezit", "POLITIE", 1),
                     ("witwassen", "POLITIE", 1), ("accijnsfraude", "DOUANE", 1),
                     ("belastingontduiking", "BD-BELASTINGEN", 1), ("strijdig gebruik bestemmingsplan", "GEMEENTE", 1)),
}
RESULTS = {  # partner: ((soort, chance per evening, count range, euro per unit range or None), ...)
    "GEMEENTE": (("last onder dwangsom", 0.25, (1, 2), (2500, 15000)), ("woning gesloten", 0.06, (1, 1), None),
                 ("ingeschreven in brp", 0.3, (1, 6), None), ("uitgeschreven uit brp", 0.2, (1, 4), None),
                 ("naheffing toeristenbelasting", 0.1, (1, 8), (60, 400))),
    "POLITIE": (("aanhouding", 0.2, (1, 3), None), ("inbeslagname", 0.15, (1, 4), None),
                ("proces-verbaal", 0.2, (1, 3), None)),
    "AVIM": (("vreemdeling aangetroffen", 0.3, (1, 3), None),),
    "UWV": (("onderzoek", 0.5, (1, 4), None), ("terugvordering", 0.3, (1, 2), (1500, 12000))),
    "SVB": (("onderzoek", 0.5, (1, 3), None),),
    "ISZW": (("boeterapport", 0.5, (1, 3), (3000, 12000)),),
    "BD-BELASTINGEN": (("naheffingsaanslag", 0.4, (1, 2), (2000, 40000)),),
    "BD-TOESLAGEN": (("terugvordering toeslagen", 0.4, (1, 3), (800, 6000)),),
    "DOUANE": (("naheffing accijns", 0.4, (1, 2), (1500, 25000)), ("inbeslagname", 0.3, (1, 2), None)),
    "VRBZO": (("advies noodmaatregel", 0.3, (1, 2), None),),
    "ODZOB": (("handhavingsverzoek", 0.4, (1, 2), None),),
    "ENEXIS": (("afgesloten ivm gevaar", 0.3, (1, 2), None),
               ("schadeclaim stroomdiefstal", 0.3, (1, 1), (2000, 12000))),
    "NVWA": (("boeterapport", 0.4, (1, 2), (500, 4500)),),
}
SIGNAL_SOURCES = {"GEMEENTE": 0.42, "POLITIE": 0.2, "ISZW": 0.05, "UWV": 0.05, "BD-BELASTINGEN": 0.05,
                  "ENEXIS": 0.05, "VRBZO": 0.05, "ODZOB": 0.04, "DOUANE": 0.02, "RIEC": 0.03, "SVB": 0.01,
                  "NVWA": 0.02, "AVIM": 0.01}
NATIONALITIES = {"Pools": 0.55, "Roemeens": 0.17, "Bulgaars": 0.08, "Hongaars": 0.05, "Litouws": 0.04,
                 "Nederlands": 0.04, "Portugees": 0.03, "Spaans": 0.02, "Lets": 0.02}
AGENCIES = COMMON_AGENCIES[:12] + COMMON_AGENCIES[32:40]
"""20 plainly fictional temp agencies, partly the same as in the pilot."""
KIT_NAME_OFFSET = 1000
"""KIT person names are numbered from Demo-1001 on, apart from the pilot's Demo-0001..0232."""
INTERVENTIONS = (
    {"interventie_id": "KIT-I01", "team": "KIT", "gemeente": "Veldhoven", "datum_start": dt.date(2021, 3, 1),
     "datum_eind": dt.date(2021, 12, 31), "thema": HAM,
     "omschrijving": "Intensieve aanpak huisvesting arbeidsmigranten: elke week een controle en een "
                     "informatiebrief aan alle verhuurders (fictief)"},
    {"interventie_id": "KIT-I02", "team": "KIT", "gemeente": "Bladel", "datum_start": dt.date(2022, 3, 1),
     "datum_eind": None, "thema": "ondermijning",
     "omschrijving": "Aanpak leegstaande stallen en hennep in het buitengebied (fictief)"},
)
"""The interventions of the demo (KIT_interventies.xlsx)."""
PLANTED_WINDOW = 180
"""Days before and after the Veldhoven start in which the planted displacement happens."""
PLANTED_SIGNALS = 40
"""Extra housing signals in Veldhoven before its intervention, and the same number after it in PLANTED_TO."""
PLANTED_TO = {"Eersel": 24, "Waalre": 16}
"""Where the displaced signals go after the Veldhoven intervention (named neighbours), and how many."""
PLANTED_PERSONS = {"Waalre": 4, "Bergeijk": 2}
"""Persons of Veldhoven (before its intervention) found again in these neighbours after it, and how many."""


def _rows(sheet: Sheet, records: list[dict[str, object]]) -> SheetData:
    names = [c.name for c in sheet.columns]
    return SheetData(sheet.name, names, [[r.get(n) for n in names] for r in records])


def _progress(day: dt.date) -> float:
    """0 at the start of the KIT, 1 at the end of 2022."""
    return (day - START).days / (END - START).days


def _evenings(rng: random.Random) -> list[Evening]:
    evenings: list[Evening] = []
    counters: dict[tuple[str, int], int] = {}
    month = dt.date(2020, 6, 1)
    while month <= END:
        t = _progress(max(month, START))
        n = round(1.5 + 5.5 * t + rng.uniform(-0.8, 0.8))
        if month.month in (7, 8, 12):
            n = max(1, n - 2)
        next_month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        first = max(month, START)
        days = [first + dt.timedelta(days=d) for d in range((next_month - first).days)]
        weekdays = [d for d in days if d.weekday() in (1, 2, 3)]
        for day in sorted(rng.sample(weekdays, min(n, len(weekdays)))):
            gemeente = weighted(rng, list(GEMEENTE_WEIGHT.items()))
            t = _progress(day)
            themes = {k: (1 - t) * THEMES_2020[k] + t * THEMES_2022[k] for k in THEMES_2020}
            thema = weighted(rng, list(themes.items()))
            partners = ["GEMEENTE", "POLITIE"] + [p for p, chance in PARTNERS[thema].items() if rng.random() < chance]
            key = (gemeente, day.year)
            counters[key] = counters.get(key, 0) + 1
            evenings.append(Evening(f"KIT-{ABBREV[gemeente]}-{day.year}-{counters[key]:02d}", day, gemeente, thema,
                                    partners))
        month = next_month
    return evenings


def _visits(rng: random.Random, evenings: list[Evening], book: AddressBook) -> list[Visit]:
    visits = []
    for evening in evenings:
        for _ in range(rng.randint(2, 5)):
            kind = weighted(rng, list(OBJECTS[evening.thema].items()))
            if evening.thema == HAM:
                persons = rng.randint(1, 12) if kind != "bedrijfspand" else rng.randint(0, 16)
            else:
                persons = rng.choice((0, 0, 0, 1, 1, 2, 3))
            adres, postcode = book.new(evening.gemeente)
            visit = Visit(f"{evening.id}-B{len(evening.visits) + 1}", evening, adres, postcode, kind, persons)
            evening.visits.append(visit)
            visits.append(visit)
    return visits


def _persons(rng: random.Random, visits: list[Visit]) -> list[dict[str, object]]:
    used_bsns: set[str] = set()
    persons = []
    for visit in visits:
        for i in range(visit.persons):
            if visit.evening.thema == HAM:
                nat = weighted(rng, list(NATIONALITIES.items()))
            else:
                nat = rng.choice(("Nederlands", "Nederlands", "Pools", "Roemeens", "Bulgaars"))
            registered = weighted(rng, [("ja", 0.35), ("nee", 0.6), ("onbekend", 0.05)])
            stay = round(rng.choice((0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 18, 24, 36)) * 1.0, 1)
            pay = weighted(rng, [("ingehouden op loon", 0.45), ("bank", 0.25), ("contant", 0.1), ("onbekend", 0.2)])
            persons.append({
                "persoon_id": f"{visit.id}-P{i + 1:02d}",
                "bezoek_id": visit.id,
                "naam": person_name(rng, nat, KIT_NAME_OFFSET + len(persons) + 1),
                "bsn": bsn(rng, used_bsns) if registered == "ja" else None,
                "nationaliteit": nat,
                "huurovereenkomst": weighted(rng, [("ja", 0.3), ("nee", 0.6), ("onbekend", 0.1)]),
                "huur_per_maand": None if pay == "onbekend" else rng.randrange(250, 751, 5),
                "huur_betaalwijze": pay,
                "ingeschreven_brp": registered,
                "verblijfsduur_maanden": stay,
                "uitzendbureau": None if nat == "Nederlands" else rng.choice(AGENCIES),
                "zorgverzekering": weighted(rng, [("ja", 0.75), ("nee", 0.2), ("onbekend", 0.05)]),
            })
    return persons


def _findings(rng: random.Random, visits: list[Visit], persons: list[dict[str, object]]) -> list[dict[str, object]]:
    by_visit = {v.id: v for v in visits}
    findings = []
    for p in persons:  # BRP: compulsory after 4 months, so only then a violation
        if p["ingeschreven_brp"] == "nee" and float(p["verblijfsduur_maanden"]) > 4:
            findings.append({"bezoek_id": p["bezoek_id"], "persoon_id": p["persoon_id"], "categorie": "adresfraude",
                             "overtreding": "ja", "partner": "GEMEENTE",
                             "toelichting": "Langer dan 4 maanden op adres, niet ingeschreven"})
    for visit in visits:
        options = [(c, p, w) for c, p, w in FINDINGS[visit.evening.thema] if p in visit.evening.partners]
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            category, partner, _ = rng.choices(options, [w for _, _, w in options])[0]
            violation = rng.random() < 0.8
            findings.append({"bezoek_id": visit.id, "persoon_id": None, "categorie": category,
                             "overtreding": "ja" if violation else "nee", "partner": partner,
                             "toelichting": None if violation else "Gecontroleerd, in orde"})
    findings.sort(key=lambda f: (by_visit[f["bezoek_id"]].evening.date, f["bezoek_id"], f["persoon_id"] or ""))
    for i, f in enumerate(findings, start=1):
        f["bevinding_id"] = f"KIT-F{i:05d}"
    return findings


def _results(rng: random.Random, evenings: list[Evening]) -> list[dict[str, object]]:
    rows = []
    for evening in evenings:
        for partner in evening.partners:
            for soort, chance, (low, high), money in RESULTS.get(partner, ()):
                if rng.random() >= chance:
                    continue
                day = evening.date + dt.timedelta(days=rng.randint(14, 180))
                if day > END:
                    continue  # not yet reported at the end of 2022
                count = rng.randint(low, high)
                rows.append({"team": "KIT", "partner": partner, "controleavond_id": evening.id, "soort": soort,
                             "aantal": count, "bedrag_eur": rng.randint(*money) * count if money else None,
                             "datum": day})
    rows.sort(key=lambda r: (r["datum"], r["controleavond_id"], r["partner"], r["soort"]))
    for i, row in enumerate(rows, start=1):
        row["resultaat_id"] = f"KIT-R{i:05d}"
    return rows


def _followups(rng: random.Random, evenings: list[Evening],
               findings: list[dict[str, object]]) -> list[dict[str, object]]:
    """More complete than in the pilot; the B.O.E.R.-gemeenten lag but catch up over time."""
    visit_evening = {v.id: e for e in evenings for v in e.visits}
    rows = []
    for evening in evenings:
        if rng.random() < 0.3:
            day = evening.date + dt.timedelta(days=rng.randint(0, 2))
            rows.append({"controleavond_id": evening.id, "organisatie": "GEMEENTE", "afdeling": "Communicatie",
                         "soort": "persbericht", "datum_start": day, "status": "afgerond", "datum_gesloten": day,
                         "resultaat": "persbericht verstuurd"})
    for f in findings:
        if f["overtreding"] != "ja":
            continue
        evening = visit_evening[f["bezoek_id"]]
        t = _progress(evening.date)
        lagging = evening.gemeente in BOER
        if rng.random() > ((0.55 + 0.3 * t) if lagging else 0.93):
            continue
        start = evening.date + dt.timedelta(days=rng.randint(5, 40 if lagging else 15))
        if f["categorie"] == "adresfraude":
            plan = [("GEMEENTE", "Burgerzaken", "handhaving", "ambtshalve ingeschreven")]
        else:
            plan = [(f["partner"], "Handhaving", "handhaving", "overtreding beëindigd")]
            if f["partner"] == "GEMEENTE":
                plan.insert(0, ("GEMEENTE", "Juridische zaken", "informatiebrief eigenaar", "eigenaar geïnformeerd"))
            else:
                plan.insert(0, ("GEMEENTE", "Veiligheid", "partners informeren", "partner geïnformeerd"))
            if rng.random() < 0.6:
                plan.append(("GEMEENTE", "Toezicht", "hercontrole", "overtreding beëindigd"))
        for organisatie, afdeling, soort, resultaat in plan:
            duration = rng.randint(30, 160) if lagging else rng.randint(7, 60)
            closed = start + dt.timedelta(days=duration)
            row = {"bevinding_id": f["bevinding_id"], "organisatie": organisatie, "afdeling": afdeling,
                   "soort": soort, "datum_start": start, "deadline": start + dt.timedelta(days=42)}
            if closed <= END:
                row.update(status="afgerond", datum_gesloten=closed, resultaat=resultaat)
                rows.append(row)
                start = closed + dt.timedelta(days=rng.randint(1, 10))
                if start > END:
                    break
            else:
                row.update(status=rng.choice(("open", "lopend")))
                rows.append(row)
                break
    rows.sort(key=lambda r: (r["datum_start"], r.get("bevinding_id") or "", r.get("controleavond_id") or ""))
    for i, row in enumerate(rows, start=1):
        row["opvolging_id"] = f"KIT-V{i:05d}"
    return rows


def _signals(rng: random.Random, evenings: list[Evening], book: AddressBook) -> list[dict[str, object]]:
    rows = []
    for evening in evenings:
        for visit in evening.visits:
            if rng.random() < 0.7:
                day = max(evening.date - dt.timedelta(days=rng.randint(14, 70)), START)
                table = max(day, min(day + dt.timedelta(days=rng.randint(3, 14)), evening.date - dt.timedelta(days=1)))
                rows.append({"datum": day, "gemeente": evening.gemeente, "thema": evening.thema, "adres": visit.adres,
                             "postcode": visit.postcode, "casustafel_datum": table, "uitkomst": "gecontroleerd",
                             "controleavond_id": evening.id})
        for _ in range(rng.randint(1, 3)):
            day = evening.date + dt.timedelta(days=rng.randint(-30, 30))
            if not START <= day <= END:
                continue
            gemeente = weighted(rng, list(GEMEENTE_WEIGHT.items()))
            adres, postcode = book.new(gemeente)
            uitkomst = weighted(rng, [("casustafel", 0.35), ("afgewezen", 0.3), ("doorgezet naar partner", 0.2),
                                      ("nieuw", 0.15)])
            table = None if uitkomst == "nieuw" else min(day + dt.timedelta(days=rng.randint(3, 21)), END)
            rows.append({"datum": day, "gemeente": gemeente, "thema": evening.thema, "adres": adres,
                         "postcode": postcode, "casustafel_datum": table, "uitkomst": uitkomst,
                         "controleavond_id": None})
    for row in rows:
        row["team"] = "KIT"
        row["bron_partner"] = weighted(rng, list(SIGNAL_SOURCES.items()))
    rows.sort(key=lambda r: (r["datum"], r["adres"]))
    for i, row in enumerate(rows, start=1):
        row["signaal_id"] = f"KIT-S{i:05d}"
    return rows


def _plant_waterbed(rng: random.Random, evenings: list[Evening], persons: list[dict[str, object]],
                    signals: list[dict[str, object]], book: AddressBook) -> None:
    """Plant the displacement after the Veldhoven intervention (module docstring); renumber the signals."""
    veldhoven = INTERVENTIONS[0]
    start: dt.date = veldhoven["datum_start"]  # type: ignore[assignment]
    before = (start - dt.timedelta(days=PLANTED_WINDOW), start - dt.timedelta(days=1))
    after = (start, start + dt.timedelta(days=PLANTED_WINDOW - 1))
    plan = [("Veldhoven", before, PLANTED_SIGNALS)] + [(g, after, n) for g, n in PLANTED_TO.items()]
    for gemeente, (first, last), n in plan:
        for _ in range(n):
            day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            adres, postcode = book.new(gemeente)
            uitkomst = weighted(rng, [("casustafel", 0.5), ("afgewezen", 0.2), ("doorgezet naar partner", 0.3)])
            signals.append({"datum": day, "gemeente": gemeente, "thema": HAM, "adres": adres, "postcode": postcode,
                            "casustafel_datum": day + dt.timedelta(days=rng.randint(3, 21)), "uitkomst": uitkomst,
                            "controleavond_id": None, "team": "KIT",
                            "bron_partner": weighted(rng, list(SIGNAL_SOURCES.items()))})
    signals.sort(key=lambda r: (r["datum"], r["adres"]))
    for i, row in enumerate(signals, start=1):
        row["signaal_id"] = f"KIT-S{i:05d}"
    visit_of = {v.id: (e.gemeente, e.date) for e in evenings for v in e.visits}

    def found(gemeente: str, window: tuple[dt.date, dt.date]) -> list[dict[str, object]]:
        return [p for p in persons if p["nationaliteit"] != "Nederlands"
                and visit_of[str(p["bezoek_id"])][0] == gemeente
                and window[0] <= visit_of[str(p["bezoek_id"])][1] <= window[1]]

    sources = found("Veldhoven", before)
    renamed: set[str] = set()
    for gemeente, n in PLANTED_PERSONS.items():  # the same person keeps the same nationality
        for _ in range(n):
            later = rng.choice([p for p in found(gemeente, after) if p["persoon_id"] not in renamed
                                and any(q["nationaliteit"] == p["nationaliteit"] for q in sources)])
            earlier = rng.choice([q for q in sources if q["nationaliteit"] == later["nationaliteit"]])
            sources.remove(earlier)
            renamed.add(str(later["persoon_id"]))
            later["naam"] = earlier["naam"]


def write_kit(out_dir: Path, rng: random.Random, seed: int) -> list[Path]:
    """Write the KIT 2020-2022 workbooks under out_dir/kit and return their paths."""
    book = AddressBook(rng)
    evenings = _evenings(rng)
    visits = _visits(rng, evenings, book)
    persons = _persons(rng, visits)
    findings = _findings(rng, visits, persons)
    folder = out_dir / FOLDER
    paths = []
    for gemeente in KEMPEN:
        own = [e for e in evenings if e.gemeente == gemeente]
        avonden = [{"controleavond_id": e.id, "datum": e.date, "team": "KIT", "gemeente": e.gemeente,
                    "thema": e.thema, "aanwezige_partners": ";".join(e.partners),
                    "aantal_deelnemers": 3 + 2 * len(e.partners) + rng.randint(0, 5)} for e in own]
        bezoeken = [{"bezoek_id": v.id, "controleavond_id": e.id, "adres": v.adres, "postcode": v.postcode,
                     "object_type": v.object_type, "eigenaar": landlord(rng), "aantal_personen": v.persons}
                    for e in own for v in e.visits]
        paths.append(write_workbook(folder / f"KIT_controles_{SLUG[gemeente]}.xlsx",
                                    [_rows(CONTROLES.sheet("Controleavonden"), avonden),
                                     _rows(CONTROLES.sheet("Bezoeken"), bezoeken)],
                                    f"KIT {gemeente} - controleavonden en bezoeken 2020-2022", seed))
    parts = (
        ("KIT_vragenformulieren.xlsx", VRAGENFORMULIEREN.sheet("Personen"), persons, "vragenformulieren"),
        ("KIT_bevindingen.xlsx", BEVINDINGEN_KIND.sheet("Bevindingen"), findings, "bevindingen"),
        ("KIT_partnerresultaten.xlsx", PARTNERRESULTATEN.sheet("Resultaten"), _results(rng, evenings),
         "partnerresultaten"),
        ("KIT_opvolging.xlsx", OPVOLGING.sheet("Opvolging"), _followups(rng, evenings, findings), "opvolging"),
        ("KIT_signalen.xlsx", SIGNALEN.sheet("Signalen"), _signals(rng, evenings, book), "signalen"),
        ("KIT_interventies.xlsx", INTERVENTIES.sheet("Interventies"), [dict(i) for i in INTERVENTIONS],
         "interventies"),
    )
    _plant_waterbed(random.Random(f"{seed}:waterbed"), evenings, persons, parts[4][2], book)
    for name, sheet, records, title in parts:
        paths.append(write_workbook(folder / name, [_rows(sheet, records)], f"KIT 2020-2022 - {title}", seed))
    return paths
