"""Synthetic data of the KIT pilot (project HAM, 2019) in the partner layout "ham-kempen".

The rows reproduce the published results of the HAM/KIT evaluation §6.1 exactly when computed from
the rows: 17 controleavonden, 42 addresses, 232 persons with the published shares, the three violation
shares on the base of persons found (40% BRP, 26% bestemmingsplan, 8% brandveiligheid), the partner
actions list, weak follow-up in the B.O.E.R.-gemeenten (question 8), signals only from the municipalities
(knelpunt 4) and no Belastingdienst on an evening (§4.4). Everything else (names, addresses, dates, amounts) is
invented.

Layout "ham-kempen" (etl/mappings/ham-kempen-*.toml): own sheet names and headers, project "HAM"
instead of the team code, J/N for yes/no, text dates ("03-04-2019", some "3 maart 2019"),
"Reusel de Mierden"/"Reusel" for Reusel-De Mierden, "Poolse" beside "Pools".
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

import printed_figures
from etl.demo.common import AGENCIES as COMMON_AGENCIES
from etl.demo.common import (
    BOER,
    AddressBook,
    Evening,
    Visit,
    bsn,
    dmy,
    dutch_long_date,
    landlord,
    person_name,
    spread,
)
from etl.demo.xlsx import SheetData, write_workbook

FOLDER = "kit-pilot"
PROJECT = "HAM"
EVENINGS = printed_figures.HAM_6_1_CONTROLEAVONDEN
ADDRESSES = printed_figures.HAM_6_1_ADRESSEN
PERSONS = printed_figures.HAM_6_1_PERSONEN
STAND = dt.date(2020, 3, 1)
"""End of the pilot: follow-up steps not finished by then are open (censored)."""

EVENINGS_PER_GEMEENTE = {
    "Veldhoven": 3, "Best": 3, "Bladel": 2, "Eersel": 2, "Oirschot": 2, "Reusel-De Mierden": 2, "Bergeijk": 1,
    "Waalre": 2,
}
NATIONALITIES = {"Pools": 148, "Roemeens": 30, "Nederlands": 3, "Bulgaars": 14, "Hongaars": 10, "Litouws": 9,
                 "Slowaaks": 7, "Portugees": 6, "Lets": 5}
HUURCONTRACT = {"J": 40, "N": 150, "?": 42}
BETAALWIJZE = {"Loon": 102, "Bank": 39, "Contant": 26, "Onbekend": 65}
BRP_JA = 46
BRP_VIOLATIONS = 93
ZORG = {"J": 155, "N": 60, "?": 17}
RENT_MIN, RENT_MAX = 195, 625
AGENCIES = COMMON_AGENCIES[:32]
"""32 plainly fictional temp agencies (the evaluation counts 32 different ones)."""
BESTEMMINGSPLAN_VISITS = (18, 14, 12, 9, 7)
"""Persons at the five visits with a bestemmingsplan violation: 60 of 232 persons (26%), 5 of 42 addresses."""
BRANDVEILIGHEID_EXTRA = 7
"""Persons at the second brandveiligheid visit; with the 12-person bestemmingsplan visit: 19 of 232 (8%)."""
OTHER_PARTNERS = ("UWV", "Inspectie SZW", "SVB", "Belastingdienst - MKB", "Toeslagen", "AVIM", "IND")
NOT_ON_EVENINGS = ("Belastingdienst - MKB", "Toeslagen")
"""'De belastingdienst gaat bijvoorbeeld niet mee op een controleavond' (§4.4): a partner of the project that starts
investigations after an evening but is never present at one."""
RESULTS = (  # (organisation as written, soort as written, total count)
    ("Gemeente", "CV buiten gebruik gesteld", 2),
    ("Gemeente", "Overkapping afgezet", 1),
    ("Gemeente", "Woning gesloten", 3),
    ("UWV", "Onderzoek uitgezet", 4),
    ("SVB", "Onderzoek uitgezet", 2),
    ("Toeslagen", "Onderzoek uitgezet", 3),
    ("Belastingdienst - MKB", "Onderzoek uitgezet", 2),
    ("Inspectie SZW", "Boeterapport opgesteld", 4),
)
SIGNAL_SOURCES = {"Gemeente": 66}
"""Knelpunt 4: 'De gemeenten hebben zelf beperkte informatiebronnen ... Ook andere partners leveren geen adressen
aan': every signal (an address brought in) of the pilot comes from a municipality."""


def _shuffled(rng: random.Random, counts: dict[str, int]) -> list[str]:
    values = [value for value, n in counts.items() for _ in range(n)]
    rng.shuffle(values)
    return values


def _text_date(rng: random.Random, day: dt.date) -> str:
    """Mostly '03-04-2019', sometimes '3 maart 2019' (as the pilot's spreadsheets were typed)."""
    return dutch_long_date(day) if rng.random() < 0.2 else dmy(day)


def _gemeente_spelling(rng: random.Random, gemeente: str) -> str:
    if gemeente == "Reusel-De Mierden":
        return rng.choice(("Reusel de Mierden", "Reusel"))
    return gemeente


def _evenings(rng: random.Random) -> list[Evening]:
    start, end = dt.date(2019, 3, 5), dt.date(2019, 11, 28)
    days = sorted(rng.sample(range((end - start).days + 1), EVENINGS))
    gemeenten = [g for g, n in EVENINGS_PER_GEMEENTE.items() for _ in range(n)]
    rng.shuffle(gemeenten)
    evenings = []
    for i, (offset, gemeente) in enumerate(zip(days, gemeenten, strict=True), start=1):
        others = [p for p in rng.sample(OTHER_PARTNERS, rng.randint(1, 4)) if p not in NOT_ON_EVENINGS]
        evenings.append(Evening(f"HAM19-C{i:02d}", start + dt.timedelta(days=offset), gemeente, PROJECT,
                                ["Gemeente", "Politie basisteam De Kempen", *others]))
    return evenings


def _visits(rng: random.Random, evenings: list[Evening], book: AddressBook) -> tuple[list[Visit], dict[str, list[str]]]:
    """ADDRESSES visits with PERSONS persons; returns also the visit ids of the violation groups."""
    per_evening = spread(rng, ADDRESSES, len(evenings), minimum=1)
    rest = spread(rng, PERSONS - sum(BESTEMMINGSPLAN_VISITS) - BRANDVEILIGHEID_EXTRA, ADDRESSES - 6, minimum=1)
    persons = list(BESTEMMINGSPLAN_VISITS) + [BRANDVEILIGHEID_EXTRA] + rest
    types = ["loods", "bedrijfspand", "bedrijfspand", "recreatiewoning/chalet", "woning", "woning"] + [
        rng.choices(("woning", "recreatiewoning/chalet", "bedrijfspand", "loods"), (0.72, 0.14, 0.07, 0.07))[0]
        for _ in rest
    ]
    order = list(range(ADDRESSES))
    rng.shuffle(order)
    slots = [e for e, n in zip(evenings, per_evening, strict=True) for _ in range(n)]
    placed: dict[int, Visit] = {}
    for slot, index in zip(slots, order, strict=True):
        adres, postcode = book.new(slot.gemeente)
        placed[index] = Visit("", slot, adres, postcode, types[index], persons[index])
    visits = [placed[i] for i in range(ADDRESSES)]
    groups = {
        "bestemmingsplan": [visits[i] for i in range(5)],
        "brandveiligheid": [visits[2], visits[5]],
    }
    visits.sort(key=lambda v: (v.evening.date, v.adres))
    for i, visit in enumerate(visits, start=1):
        visit.id = f"HAM19-A{i:03d}"
    return visits, {name: [v.id for v in group] for name, group in groups.items()}


def _persons(rng: random.Random, visits: list[Visit]) -> list[dict[str, object]]:
    n = sum(v.persons for v in visits)
    nationalities = _shuffled(rng, NATIONALITIES)
    contracts = _shuffled(rng, HUURCONTRACT)
    payments = _shuffled(rng, BETAALWIJZE)
    insured = _shuffled(rng, ZORG)
    brp = ["J"] * BRP_JA + ["N"] * (n - BRP_JA)
    rng.shuffle(brp)
    not_registered = [i for i, b in enumerate(brp) if b == "N"]
    violating = set(rng.sample(not_registered, BRP_VIOLATIONS))
    agencies = list(AGENCIES) + [rng.choice(AGENCIES) for _ in range(n - len(AGENCIES))]
    rng.shuffle(agencies)
    used_bsns: set[str] = set()
    rows: list[dict[str, object]] = []
    index = 0
    for visit in visits:
        for _ in range(visit.persons):
            nat = nationalities[index]
            if index in violating:
                stay: float = rng.choice((4.5, 5, 6, 7, 8, 9, 10, 12, 14, 18, 24, 30))
            elif brp[index] == "N":
                stay = rng.choice((0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4))
            else:
                stay = rng.choice((3, 6, 8, 12, 18, 24, 36, 48))
            pay = payments[index]
            rent: object = None if (pay == "Onbekend" and rng.random() < 0.5) else rng.randrange(200, 621, 5)
            rows.append({
                "visit": visit,
                "naam": person_name(rng, nat, index + 1),
                "bsn": bsn(rng, used_bsns) if brp[index] == "J" or rng.random() < 0.3 else None,
                "nationaliteit": "Poolse" if nat == "Pools" and rng.random() < 0.2 else nat,
                "huurcontract": contracts[index],
                "huur": rent,
                "betaling": pay,
                "brp": brp[index],
                "verblijf": stay,
                "uitzendbureau": None if nat == "Nederlands" else agencies[index],
                "zorg": insured[index],
                "violation": index in violating,
            })
            index += 1
    with_rent = [r for r in rows if r["huur"] is not None]
    extremes = rng.sample(with_rent, 2)
    extremes[0]["huur"], extremes[1]["huur"] = RENT_MIN, RENT_MAX
    for agency in AGENCIES:  # an agency drawn only for a Dutch person: take it over from a frequent one
        counts = Counter(r["uitzendbureau"] for r in rows if r["uitzendbureau"] is not None)
        if agency not in counts:
            rng.choice([r for r in rows if counts.get(r["uitzendbureau"], 0) > 1])["uitzendbureau"] = agency
    for i, row in enumerate(rows, start=1):
        row["id"] = f"HAM19-F{i:04d}"
        if isinstance(row["huur"], int) and rng.random() < 0.25:
            row["huur"] = f"{row['huur']},00"
        if row["verblijf"] == 4.5 and rng.random() < 0.5:
            row["verblijf"] = "4,5"
    return rows


def write_pilot(out_dir: Path, rng: random.Random, seed: int) -> list[Path]:
    """Write the six pilot workbooks under out_dir/kit-pilot and return their paths."""
    book = AddressBook(rng)
    evenings = _evenings(rng)
    visits, groups = _visits(rng, evenings, book)
    persons = _persons(rng, visits)
    folder = out_dir / FOLDER
    paths: list[Path] = []

    def write(name: str, sheets: list[SheetData], title: str) -> None:
        paths.append(write_workbook(folder / name, sheets, title, seed))

    write("HAM_controles_2019.xlsx", [
        SheetData("Controles", ("Controleavond", "Datum controle", "Project", "Gemeente", "Thema", "Wie waren er",
                                "Aantal medewerkers"),
                  [(e.id, dutch_long_date(e.date) if i % 4 == 1 else dmy(e.date), PROJECT,
                    _gemeente_spelling(rng, e.gemeente), "HAM", "; ".join(e.partners),
                    len(e.partners) * 2 + rng.randint(2, 6)) for i, e in enumerate(evenings)]),
        SheetData("Adressen", ("Adres-ID", "Controleavond", "Straat + huisnr", "Postcode", "Soort pand", "Verhuurder",
                               "Aantal bewoners"),
                  [(v.id, v.evening.id, v.adres, v.postcode, _TYPE_SPELLING[v.object_type], landlord(rng), v.persons)
                   for v in visits]),
    ], "Project HAM 2019 - controleavonden en bezochte adressen")

    write("HAM_vragenformulieren_2019.xlsx", [
        SheetData("Vragenformulieren", ("Formuliernummer", "Adres-ID", "Naam bewoner", "BSN", "Nationaliteit",
                                        "Huurcontract", "Huur p/m", "Betaling huur", "Ingeschreven BRP",
                                        "Verblijf (mnd)", "Uitzendbureau", "Zorgverzekering"),
                  [(p["id"], p["visit"].id, p["naam"], p["bsn"], p["nationaliteit"], p["huurcontract"], p["huur"],
                    p["betaling"], p["brp"], p["verblijf"], p["uitzendbureau"], p["zorg"]) for p in persons]),
    ], "Project HAM 2019 - vragenformulieren bewoners")

    findings = _findings(rng, visits, persons, groups)
    write("HAM_bevindingen_2019.xlsx", [
        SheetData("Overtredingen", ("Nr bevinding", "Adres-ID", "Formuliernummer", "Soort", "Overtreding J/N",
                                    "Vastgesteld door", "Opmerking"),
                  [(f["id"], f["visit"].id, f["persoon"], f["soort"], f["jn"], "Gemeente", f["opmerking"])
                   for f in findings]),
    ], "Project HAM 2019 - bevindingen en overtredingen")

    write("HAM_partnerresultaten_2019.xlsx", [
        SheetData("Acties partners", ("Regelnummer", "Project", "Organisatie", "Controleavond", "Actie", "Aantal",
                                      "Datum"), _results(rng, evenings, visits, groups)),
    ], "Project HAM 2019 - acties en resultaten van partners")

    write("HAM_opvolging_2019.xlsx", [
        SheetData("Opvolging", ("Nr", "Nr bevinding", "Controleavond", "Verantwoordelijke", "Afdeling",
                                "Soort opvolging", "Startdatum", "Deadline", "Status", "Gesloten op", "Uitkomst"),
                  _followups(rng, findings)),
    ], "Project HAM 2019 - opvolging van overtredingen")

    write("HAM_signalen_2019.xlsx", [
        SheetData("Meldingen", ("Nr melding", "Datum melding", "Project", "Gemeente", "Melder", "Thema", "Adres",
                                "Postcode", "Besproken op", "Status", "Controleavond"),
                  _signals(rng, visits, book)),
    ], "Project HAM 2019 - binnengekomen signalen")
    return paths


_TYPE_SPELLING = {"woning": "Woonhuis", "recreatiewoning/chalet": "Chalet", "bedrijfspand": "Bedrijfspand",
                  "loods": "Loods"}


def _findings(rng: random.Random, visits: list[Visit], persons: list[dict[str, object]],
              groups: dict[str, list[str]]) -> list[dict[str, object]]:
    by_id = {v.id: v for v in visits}
    findings: list[dict[str, object]] = []
    for p in persons:
        if p["violation"]:
            findings.append({"visit": p["visit"], "persoon": p["id"], "soort": "BRP", "jn": "J",
                             "opmerking": "Langer dan 4 maanden op adres, niet ingeschreven in BRP"})
    for vid in groups["bestemmingsplan"]:
        findings.append({"visit": by_id[vid], "persoon": None, "soort": "Bestemmingsplan", "jn": "J",
                         "opmerking": "Bewoning in strijd met bestemmingsplan"})
    for vid in groups["brandveiligheid"]:
        findings.append({"visit": by_id[vid], "persoon": None, "soort": "Brandveiligheid", "jn": "J",
                         "opmerking": "Geen rookmelders, vluchtweg geblokkeerd"})
    flagged = set(groups["bestemmingsplan"]) | set(groups["brandveiligheid"])
    for visit in rng.sample([v for v in visits if v.id not in flagged], 6):
        findings.append({"visit": visit, "persoon": None, "soort": "Brandveiligheid", "jn": "N",
                         "opmerking": "Gecontroleerd, in orde"})
    findings.sort(key=lambda f: (f["visit"].id, f["persoon"] or ""))
    for i, f in enumerate(findings, start=1):
        f["id"] = f"HAM19-B{i:03d}"
    return findings


def _results(rng: random.Random, evenings: list[Evening], visits: list[Visit],
             groups: dict[str, list[str]]) -> list[tuple[object, ...]]:
    fire_evenings = [v.evening for v in visits if v.id in groups["brandveiligheid"] + groups["bestemmingsplan"]]
    rows = []
    for organisation, soort, total in RESULTS:
        if organisation == "Gemeente":
            pool = fire_evenings
        elif organisation in NOT_ON_EVENINGS:  # an investigation started after an evening the partner did not attend
            pool = evenings
        else:
            pool = [e for e in evenings if organisation in e.partners]
        candidates = list({e.id: e for e in pool}.values())
        parts = spread(rng, total, min(total, len(candidates), 2), minimum=1)
        for count, evening in zip(parts, rng.sample(candidates, len(parts)), strict=True):
            day = min(evening.date + dt.timedelta(days=rng.randint(3, 40)), dt.date(2019, 12, 20))
            rows.append([organisation, evening.id, soort, count, _text_date(rng, day)])
    rows.sort(key=lambda r: (r[1], r[0], r[2]))
    return [(f"HAM19-R{i:02d}", PROJECT, *row) for i, row in enumerate(rows, start=1)]


_GOOD = ("Best", "Veldhoven", "Waalre")


def _followups(rng: random.Random, findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    """Few steps per violation; in the B.O.E.R.-gemeenten markedly fewer and slower, some still open."""
    rows = []
    for f in findings:
        if f["jn"] != "J":
            continue
        evening: Evening = f["visit"].evening
        if evening.gemeente in BOER:
            p_step, delay, duration = 0.3, (20, 80), (60, 200)
        elif evening.gemeente in _GOOD:
            p_step, delay, duration = 0.95, (2, 14), (10, 45)
        else:
            p_step, delay, duration = 0.7, (7, 30), (25, 90)
        if rng.random() > p_step:
            continue
        if f["soort"] == "BRP":
            steps = [("Gemeente", "Burgerzaken", "Handhaving", "ambtshalve ingeschreven")]
        else:
            steps = [("Gemeente", "Juridische zaken", "Brief eigenaar", "eigenaar geïnformeerd"),
                     ("Gemeente", "Juridische zaken", "Handhaving", "last onder dwangsom opgelegd")]
            if evening.gemeente in _GOOD:
                steps.append(("Gemeente", "Toezicht", "Hercontrole", "overtreding beëindigd"))
        if evening.gemeente not in BOER and rng.random() < 0.3:
            steps.append(("UWV", "Handhaving", "Partners informeren", "informatie gedeeld"))
        if evening.gemeente in BOER:
            steps = steps[:1]
        start = evening.date + dt.timedelta(days=rng.randint(*delay))
        for org, afdeling, soort, uitkomst in steps:
            closed = start + dt.timedelta(days=rng.randint(*duration))
            deadline = start + dt.timedelta(days=rng.choice((28, 42, 56)))
            if closed > STAND:
                status, closed_text, uitkomst_text = rng.choice(("Open", "Loopt")), None, None
            else:
                status, closed_text, uitkomst_text = "Afgerond", _text_date(rng, closed), uitkomst
            rows.append([f["id"], None, org, afdeling, soort, _text_date(rng, start), dmy(deadline), status,
                         closed_text, uitkomst_text])
            start = closed if closed <= STAND else start + dt.timedelta(days=rng.randint(5, 20))
            if closed > STAND:
                break
    return [(f"HAM19-O{i:03d}", *row) for i, row in enumerate(rows, start=1)]


def _signals(rng: random.Random, visits: list[Visit], book: AddressBook) -> list[tuple[object, ...]]:
    """Signals only from the municipalities (knelpunt 4); part of them led to a visit on a control evening."""
    sources = _shuffled(rng, SIGNAL_SOURCES)
    checked = rng.sample(visits, 30)
    rows = []
    for i, source in enumerate(sources):
        if i < len(checked):
            visit = checked[i]
            gemeente, adres, postcode = visit.evening.gemeente, visit.adres, visit.postcode
            day = visit.evening.date - dt.timedelta(days=rng.randint(14, 60))
            table = day + dt.timedelta(days=rng.randint(3, 10))
            table = min(table, visit.evening.date - dt.timedelta(days=1))
            status, evening_id = "Gecontroleerd", visit.evening.id
        else:
            gemeente = rng.choice(list(EVENINGS_PER_GEMEENTE))
            adres, postcode = book.new(gemeente)
            day = dt.date(2019, 2, 1) + dt.timedelta(days=rng.randint(0, 290))
            status = rng.choice(("Casustafel", "Afgewezen", "Afgewezen", "Doorgezet naar partner", "Nieuw"))
            table = None if status == "Nieuw" else day + dt.timedelta(days=rng.randint(3, 20))
            evening_id = None
        day = max(day, dt.date(2019, 2, 1))
        if table is not None:
            table = max(table, day)
        rows.append([_text_date(rng, day), PROJECT, _gemeente_spelling(rng, gemeente), source, "HAM", adres, postcode,
                     None if table is None else _text_date(rng, table), status, evening_id, day])
    rows.sort(key=lambda r: r[-1])
    return [(f"HAM19-M{i:03d}", *row[:-1]) for i, row in enumerate(rows, start=1)]
