"""Synthetic demo data: the evaluation interviews of the KIT pilot (HAM/KIT evaluation §4.1, §6.2.1, §10.3).

Everything here is invented and says so. The questions, their definitions and the published counts per
question come from the evaluation report; the respondents, their answers and the coding are synthetic,
made so that the coding of "Evaluator (2020)" gives exactly the counts of the §6.2.1 table.

How the report's numbers are modelled (also written on the workbook's sheet "Toelichting"):
- 37 project participants (§4.1), of whom 21 were interviewed; every partner organisation is represented
  among the 21 except the police basisteam (POLITIE); AVIM was interviewed.
- The §6.2.1 table has 20 coded answers per question while 21 people were interviewed. Here one interview
  (respondent R11) was cut short and its answers were not recorded per question: for R11 every question
  has an empty answer with the code "niet gevraagd", which is not neutral and is not counted in n.
- Question 7: the 5 neutral answers are exactly the 5 interviewed respondents who never joined a control
  evening (mee_op_controleavond = nee; among them both Belastingdienst respondents and the SVB).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import printed_figures
from etl.contract import INTERVIEWS
from etl.demo.xlsx import SheetData, write_workbook
from etl.schema import read_reference

CODEUR = "Evaluator (2020)"
"""The coder of the shipped coding (the evaluator of the pilot)."""
TEAM = "KIT-pilot"
RELATIVE_PATH = Path("kit-pilot") / "evaluatie_interviews.xlsx"
NIET_VASTGELEGD = "R11"
"""The interviewed respondent whose answers were not recorded per question (see the module docstring)."""

_BOER = ("GM1728", "GM0823", "GM0770", "GM1667")  # Bladel, Oirschot, Eersel, Reusel-De Mierden (§6.2.1 q8)
_VOORLOPERS = ("GM0753", "GM0861", "GM0866")  # Best, Veldhoven, Waalre "lopen voor" (§10.3 q4)


@dataclass(frozen=True)
class Vraag:
    """One interview question with its definition and codebook."""

    nr: int
    vraag: str
    definitie: str
    positief: str
    negatief: str
    neutraal: str


VRAGEN: tuple[Vraag, ...] = (
    Vraag(1, "Definitie van het KIT. Klopt dit in uw ogen?",
          'Definitie: "Samen met partners, waarin de gemeente de regie neemt, vanuit een goede informatiepositie, '
          "zorgen dat locaties van plint tot kelder worden gecontroleerd, alle overtredingen worden aangepakt en de "
          'overheid snel en doortastend te werk gaat tegen elke vorm van ondermijning."',
          "De definitie klopt (in de kern).", "De definitie klopt niet (bijvoorbeeld het woord 'ondermijning').",
          "Weet het niet of geen oordeel."),
    Vraag(2, "Het idee van het KIT. Wat vindt u hiervan?",
          "Ook wel de werkwijze van het KIT. In een multidisciplinair verband integrale controles uitvoeren.",
          "Goed idee, steunt de integrale werkwijze.", "Geen goed idee, steunt de werkwijze niet.",
          "Weet het niet of geen oordeel."),
    Vraag(3, "De partners in het KIT. Wat vindt u van de huidige partners? En mist u eventueel partners?",
          "Partners in het KIT: De Kempen gemeenten, ISZW, UWV, belastingdienst (MKB en toeslagen), SVB, "
          "politie basisteam De Kempen, AVIM.",
          "Tevreden met de huidige partners (eventueel met aanvullingen).", "Niet tevreden met de huidige partners.",
          "Geen oordeel over de partners."),
    Vraag(4, "Heeft de gemeente voldoende de regie rol aangenomen?",
          "Regie rol: het vervullen van een coördinerende rol binnen het project. Samen met de projectleider. "
          "Taken bevatten onder andere het opzetten van controleavonden en casustafels.",
          "Ja (§4.4).", "Nee (§4.4).", "Weet ik niet (§4.4)."),
    Vraag(5, "Informatiepositie",
          "Een goede informatiepositie: genoeg informatie binnen krijgen om doeltreffend te kunnen werken. "
          "Plus de interne communicatie. Hoe verloopt die?",
          "De informatiepositie is goed genoeg.", "Te weinig informatie om doeltreffend te werken.",
          "Weet het niet of geen oordeel."),
    Vraag(6, "Kennis van het doorzoeken van een pand.",
          "Beschikt men over de juiste specialistische kennis van het te bezoeken pand?",
          "Ja, de juiste kennis is aanwezig.", "Nee, er mist specialistische kennis.",
          "Kan het niet beoordelen (bijvoorbeeld nooit mee op controle)."),
    Vraag(7, "Manier waarop panden worden doorzocht.",
          "In hoeverre er wordt doorgevraagd en/of doorgezocht op controle?",
          "Tevreden over het doorzoeken en doorvragen.", "Niet tevreden over het doorzoeken en doorvragen.",
          "Nooit mee geweest op een controleavond, kan het niet beoordelen."),
    Vraag(8, "Opvolging overtredingen.",
          "In hoeverre wordt de opvolging na een controleavond gerealiseerd? Denk hierbij onder andere aan de "
          "juridische opvolging.",
          "De opvolging is voldoende.", "Te weinig opvolging.", "Geen idee."),
    Vraag(9, "Eigen rol binnen het KIT. Zit u op uw plek?",
          "Uw eigen rol die u vervult in het project. In hoeverre bent u hier tevreden mee? Doet u te veel of te "
          "weinig? Of een helemaal verkeerde functie?",
          "Tevreden met de eigen rol.", "Niet tevreden met de eigen rol.", "Weet het niet of geen oordeel."),
    Vraag(10, "Voelt u zich gehoord?",
          "Heeft u het gevoel dat u kan zeggen wat u wil zeggen? En wordt hier vervolgens ook naar geluisterd?",
          "Ja, voelt zich gehoord.", "Nee, voelt zich niet gehoord.",
          "Kan het niet zeggen (bijvoorbeeld nog nooit feedback gegeven)."),
    Vraag(11, "Resultaten terugkoppeling",
          "In welke mate krijgt u resultaten teruggekoppeld. Denk hierbij aan constatering, acties en concrete "
          "stappen na een controleavond.",
          "Krijgt de resultaten teruggekoppeld.", "Krijgt geen concrete resultaten terug.",
          "Weet het niet of geen oordeel."),
    Vraag(12, "Communicatie",
          "Hoe vindt u de communicatie onderling lopen? En de communicatie naar buiten?",
          "De communicatie loopt goed.", "De communicatie loopt niet goed.", "Weet het niet of geen oordeel."),
)

GEPUBLICEERD = printed_figures.HAM_6_2_1
"""Target counts (positief, negatief, neutraal) per question: the HAM/KIT evaluation §6.2.1 table."""


@dataclass(frozen=True)
class Respondent:
    """A synthetic project participant."""

    id: str
    organisatie: str
    rol: str
    gemeente: str | None
    mee: bool
    geinterviewd: bool


def _respondenten() -> tuple[Respondent, ...]:
    """The 37 participants: 21 interviewed (R01-R21) and 16 not (R22-R37)."""
    interviewed = [
        ("GEMEENTE", "toezichthouder", "GM1724", True), ("GEMEENTE", "toezichthouder", "GM0753", True),
        ("GEMEENTE", "toezichthouder", "GM1728", True), ("GEMEENTE", "toezichthouder", "GM0770", True),
        ("GEMEENTE", "toezichthouder", "GM0823", True), ("GEMEENTE", "toezichthouder", "GM1667", True),
        ("GEMEENTE", "toezichthouder", "GM0861", True), ("GEMEENTE", "toezichthouder", "GM0866", True),
        ("GEMEENTE", "IVC-er", "GM0861", True), ("GEMEENTE", "IVC-er", "GM1728", True),
        ("GEMEENTE", "handhaving", "GM0753", True), ("GEMEENTE", "juridisch", "GM1728", False),
        ("GEMEENTE", "juridisch", "GM0823", False), ("GEMEENTE", "handhaving", "GM0770", True),
        ("UWV", "partner", None, True), ("ISZW", "partner", None, True), ("SVB", "partner", None, False),
        ("BD-BELASTINGEN", "partner", None, False), ("BD-TOESLAGEN", "partner", None, False),
        ("AVIM", "politie", None, True), ("ISZW", "partner", None, True),
    ]
    others = [
        ("POLITIE", "politie", None, True), ("POLITIE", "politie", None, True), ("POLITIE", "politie", None, True),
        ("POLITIE", "politie", None, True), ("GEMEENTE", "IVC-er", "GM1724", False),
        ("GEMEENTE", "IVC-er", "GM0770", False), ("GEMEENTE", "IVC-er", "GM0823", False),
        ("GEMEENTE", "IVC-er", "GM0866", False), ("GEMEENTE", "projectleider", "GM0861", False),
        ("GEMEENTE", "handhaving", "GM1667", True), ("GEMEENTE", "handhaving", "GM0866", True),
        ("UWV", "partner", None, True), ("AVIM", "politie", None, True), ("BD-BELASTINGEN", "partner", None, False),
        ("GEMEENTE", "beleid", "GM0753", False), ("GEMEENTE", "juridisch", "GM1667", False),
    ]
    rows = [(*r, True) for r in interviewed] + [(*r, False) for r in others]
    return tuple(
        Respondent(f"R{i:02d}", org, rol, gem, mee, intv) for i, (org, rol, gem, mee, intv) in enumerate(rows, 1)
    )


RESPONDENTEN: tuple[Respondent, ...] = _respondenten()

_TEKSTEN: dict[int, dict[str, tuple[str, ...]]] = {
    1: {
        "positief": ("Ja, in de kern klopt dit wel.", "Klopt, zo zie ik het ook.",
                     "Ja, al zijn we nog niet overal zo snel en doortastend.",
                     "Klopt, dit kan de meetlat worden voor het project."),
        "negatief": ("Nee, het woordje 'ondermijning' past niet bij wat we nu doen.",
                     "Niet helemaal: dit project is niet op ondermijning gericht."),
        "neutraal": ("Daar heb ik eigenlijk geen mening over.", "Weet ik niet, daar heb ik niet over nagedacht."),
    },
    2: {
        "positief": ("Heel goed, dit is de toekomst.", "Prima idee, ieder voor zich werkt niet meer.",
                     "Zeker goed, al moet het anders ingericht worden.",
                     "Goed idee, ook voor andere thema's dan huisvesting."),
        "negatief": ("Ik zie het nut er niet van.",),
        "neutraal": ("Geen mening.",),
    },
    3: {
        "positief": ("Goede partners, wel graag de veiligheidsregio erbij.",
                     "Tevreden, de ISZW is een goede toevoeging.",
                     "Prima, de omgevingsdienst zou er nog bij kunnen.", "De huidige partners zijn goed."),
        "negatief": ("Niet tevreden over de partners.",),
        "neutraal": ("Ken de andere partners te weinig om dat te zeggen.", "Geen idee wie er allemaal bij zitten."),
    },
    4: {
        "positief": ("Ja, bij ons pakt de gemeente de regie goed op.", "Ja, de avonden worden goed opgezet."),
        "negatief": ("Nee, de regie ligt bij de IVC-er en niet bij handhaving.",
                     "Nee, te weinig sturing op deadlines en afspraken.",
                     "Nee, het verschilt erg per gemeente.", "Nee, daar is te weinig tijd voor."),
        "neutraal": ("Weet ik niet.", "Geen zicht op wie de regie heeft."),
    },
    5: {
        "positief": ("Goed, de lijstjes zijn kort genoeg.", "Er komt steeds meer informatie binnen.",
                     "Voldoende, we hebben goede connecties."),
        "negatief": ("Te weinig informatie, adressen leveren vaak niks op.",
                     "Partners leveren geen adressen aan.", "Te veel kapiteins op één schip."),
        "neutraal": ("Kan ik niet goed beoordelen.",),
    },
    6: {
        "positief": ("Ja, die kennis is er wel.", "Voldoende, de ISZW weet goed wat ze moeten vragen."),
        "negatief": ("Nee, er mist specialistische kennis.", "Brandveiligheid wordt vaak gemist.",
                     "Te weinig, kennisbijeenkomsten zouden helpen.", "De voorbereiding kan veel beter."),
        "neutraal": ("Ik ga niet mee de panden in, dus dat weet ik niet.",),
    },
    7: {
        "positief": ("Over het algemeen goed, de inzet is prima.", "Tevreden, er wordt goed doorgevraagd.",
                     "Goed, al verschilt het per handhaver."),
        "negatief": ("Nee, er wordt te weinig doorgevraagd.", "Iedere gemeente doet het anders, geen eenheid."),
        "neutraal": ("Ik ben nog nooit mee geweest op een controleavond.",
                     "Wij gaan niet mee op controleavonden, dus daar kan ik niets over zeggen."),
    },
    8: {
        "positief": ("Bij ons wordt het goed opgevolgd.", "Ja, de juridische opvolging loopt hier."),
        "negatief": ("Veel te weinig, zaken blijven liggen.", "Gebrek aan capaciteit bij de juridische handhaving.",
                     "Niet duidelijk wie wat oppakt en wanneer.", "Slechte afspraken, er hangen geen deadlines aan."),
        "neutraal": ("Geen idee.", "Geen idee, daar heb ik geen zicht op."),
    },
    9: {
        "positief": ("Prima op mijn plek.", "Ja, tevreden met mijn rol.",
                     "Ja, al mag de rolverdeling vastgelegd worden."),
        "negatief": ("Nee, mijn rol is te groot.", "Nee, de rolverdeling is onduidelijk."),
        "neutraal": ("Weet ik niet goed.",),
    },
    10: {
        "positief": ("Ja, er wordt zeker geluisterd.", "Ja, goede sfeer om je woordje kwijt te kunnen."),
        "negatief": ("Nee.",),
        "neutraal": ("Ik heb nog nooit feedback gegeven, dus dat kan ik niet zeggen.",),
    },
    11: {
        "positief": ("Ja, via mijn oude contacten bij handhaving hoor ik het wel.",
                     "Ik krijg het wel te horen, via goede contacten met handhaving van vroeger."),
        "negatief": ("Krijgen we niks van terug.", "Krijgen we niks van terug, alleen de constatering.",
                     "Krijgen we niks van terug; ik zou graag horen wat er mee gebeurd is.",
                     "Krijgen we niks van terug, niemand gaat achter de resultaten aan."),
        "neutraal": ("Weet ik niet.", "Daar let ik niet op."),
    },
    12: {
        "positief": ("De lijntjes zijn korter geworden.", "Onderling gaat het goed."),
        "negatief": ("Niet duidelijk wie het aanspreekpunt is.", "Naar buiten wordt er niets gecommuniceerd.",
                     "Er moet meer voor de casustafel gebeuren."),
        "neutraal": ("Geen mening.", "Weet ik niet."),
    },
}


def _assign(
    ids: list[str], counts: tuple[int, int, int], rng: random.Random, prefer: dict[str, list[str]] | None = None
) -> dict[str, str]:
    """Give each id a code so that the counts (positief, negatief, neutraal) are met exactly.

    `prefer` maps a code to the ids that get it first (as many as the code's count allows).
    """
    need = dict(zip(("positief", "negatief", "neutraal"), counts, strict=True))
    assert sum(need.values()) == len(ids), "counts must cover every id"
    codes: dict[str, str] = {}
    for code, pool in (prefer or {}).items():
        pool = [i for i in pool if i not in codes]
        for rid in rng.sample(pool, min(need[code], len(pool))):
            codes[rid] = code
            need[code] -= 1
    rest = [i for i in ids if i not in codes]
    bag = [code for code, k in need.items() for _ in range(k)]
    rng.shuffle(bag)
    codes.update(zip(rest, bag, strict=True))
    return codes


def coded_answers(rng: random.Random) -> list[tuple[str, int, str, str]]:
    """Return (respondent_id, vraag_nr, antwoord, code) for every interviewed respondent and question."""
    interviewed = [r for r in RESPONDENTEN if r.geinterviewd]
    coded = [r for r in interviewed if r.id != NIET_VASTGELEGD]
    ids = [r.id for r in coded]
    never_joined = [r.id for r in coded if not r.mee]
    voorloper = [r.id for r in coded if r.gemeente in _VOORLOPERS]
    boer = [r.id for r in coded if r.gemeente in _BOER]
    partner_joined = [r.id for r in coded if r.mee and r.organisatie != "GEMEENTE"]
    prefer: dict[int, dict[str, list[str]]] = {
        4: {"positief": voorloper},
        6: {"neutraal": never_joined},
        7: {"neutraal": never_joined},
        8: {"positief": voorloper, "negatief": boer},
        11: {"positief": partner_joined},
    }
    rows: list[tuple[str, int, str, str]] = []
    for vraag in VRAGEN:
        pool = [i for i in ids if vraag.nr != 7 or i not in never_joined]
        counts = GEPUBLICEERD[vraag.nr]
        if vraag.nr == 7:  # exactly the never-joined are neutral; the others share positief/negatief
            codes = _assign(pool, (counts[0], counts[1], 0), rng)
            codes.update(dict.fromkeys(never_joined, "neutraal"))
        else:
            codes = _assign(pool, counts, rng, prefer.get(vraag.nr))
        for r in interviewed:
            if r.id == NIET_VASTGELEGD:
                rows.append((r.id, vraag.nr, "", "niet gevraagd"))
                continue
            code = codes[r.id]
            text = rng.choice(_TEKSTEN[vraag.nr][code])
            if vraag.nr == 7 and code == "neutraal" and r.organisatie.startswith("BD-"):
                text = "De Belastingdienst gaat niet mee op controleavonden, dus daar kan ik niets over zeggen."
            rows.append((r.id, vraag.nr, text, code))
    return rows


TOELICHTING = (
    "SYNTHETISCHE DEMODATA: verzonnen respondenten, antwoorden en codering; geen echte personen.",
    "Vragen, definities en de aantallen per vraag volgen de HAM/KIT-evaluatie (§6.2.1, §10.1, §10.3).",
    "37 projectdeelnemers (§4.1), waarvan 21 geïnterviewd; alle partners vertegenwoordigd behalve de politie "
    "(basisteam); AVIM wel.",
    f"Het rapport heeft 21 respondenten maar 20 gecodeerde antwoorden per vraag. Hier is dat zo vastgelegd: het "
    f"interview met respondent {NIET_VASTGELEGD} is ingekort en de antwoorden zijn niet per vraag vastgelegd. "
    f"Voor {NIET_VASTGELEGD} staat bij elke vraag een leeg antwoord met code 'niet gevraagd'; dat is geen "
    "neutraal antwoord en telt niet mee in n.",
    "Vraag 7: de 5 neutrale antwoorden komen van de 5 geïnterviewden die nooit mee zijn geweest op een "
    "controleavond (o.a. de Belastingdienst).",
    f"Codeur: {CODEUR}, op het blad Codeurs genoemd als primaire codeur. Codes: positief, negatief, neutraal, "
    "niet gevraagd (§4.4).",
)


def write_interviews(out_dir: Path, rng: random.Random, seed: int = 42, *, reference_dir: Path) -> list[Path]:
    """Write `out_dir/kit-pilot/evaluatie_interviews.xlsx` in the contract layout and return its path in a list.

    Sheets Vragen, Respondenten, Antwoorden and Codeurs (naming CODEUR the primary coder) carry exactly the column
    names of `etl.contract.INTERVIEWS`;
    a sheet "Toelichting" says that the data are synthetic and how the report's 21 versus 20 is modelled.
    Municipality names come from `reference_dir` (settings.reference_dir). Deterministic for a given `rng` state.
    """
    path = out_dir / RELATIVE_PATH
    names = {row["code"]: row["naam"] for row in read_reference(reference_dir, "gemeenten.csv")}
    headers = {s.name: [c.name for c in s.columns] for s in INTERVIEWS.sheets}
    vragen = [[v.nr, v.vraag, v.definitie, v.positief, v.negatief, v.neutraal] for v in VRAGEN]
    respondenten = [
        [r.id, f"Deelnemer {r.id} (fictief)", TEAM, r.organisatie, r.rol, names[r.gemeente] if r.gemeente else "",
         "ja" if r.mee else "nee", "ja" if r.geinterviewd else "nee"]
        for r in RESPONDENTEN
    ]
    antwoorden = [[rid, nr, text, code, CODEUR] for rid, nr, text, code in coded_answers(rng)]
    sheets = [
        SheetData("Vragen", headers["Vragen"], vragen),
        SheetData("Respondenten", headers["Respondenten"], respondenten),
        SheetData("Antwoorden", headers["Antwoorden"], antwoorden),
        SheetData("Codeurs", headers["Codeurs"], [[TEAM, CODEUR, "ja"]]),
        SheetData("Toelichting", ["Toelichting"], [[line] for line in TOELICHTING]),
    ]
    write_workbook(path, sheets, "Interviews evaluatie HAM/KIT (synthetisch)", seed=seed)
    return [path]
