"""Every quantitative statement of the source documents, accounted for.

A statement (`Statement`) quotes the source text and either names the catalogue entries (`metrics.published`) that
reproduce it from warehouse rows, or says why it cannot be reproduced from rows (a budget, hours agreed, a plan,
another team's history, the study's own schedule, ...). `not_reproducible()` is the list the Reproductie page
shows; tests/metrics/test_statements.py walks the source text sentence by sentence and fails on a sentence with a
number that no statement quotes, and on a catalogue entry that no quoted statement names.

Sources: RN (council note), HAM (HAM/KIT evaluation) and PIT (PIT evaluation 2017), as in `metrics.published`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from metrics.published import HAM, PIT, RN

REDENEN: dict[str, str] = {
    "document": "gegeven over het document zelf (datum, nummer, versie, auteur, bron)",
    "besluit": "besluit, plan of verwachting: uren, duur of inzet die is afgesproken, niet uitgevoerd werk",
    "begroting": "bedrag in een begroting of budget: geen rijen over geld van het team",
    "onderzoek": "opzet en planning van het evaluatieonderzoek zelf",
    "ander team": "geschiedenis of organisatie van een ander team (PIT, BITE, Buitenom): geen rijen",
    "regelgeving": "wet, convenant of datum van een regel: geen uitvoering",
    "organisatie": "inrichting van het project (rollen, overleggen, fasen): geen rijen over wie wat regelt",
    "telwoord": "telwoord zonder cijfer over de uitvoering (\"één team\", \"een combinatie van de twee\")",
    "mening": "mening, voorbeeld of vraag van een respondent zonder rijen erachter",
}
"""Why a statement is not reproducible from rows (key: kind, value: Dutch explanation)."""


@dataclass(frozen=True)
class Statement:
    """One or more quoted pieces of the source text with the same accounting."""

    quotes: tuple[str, ...]
    """Exact text from the source (whitespace and quotation marks normalised): the piece that carries the figure."""
    document: str
    section: str
    figures: tuple[str, ...] = ()
    """Ids of the catalogue entries (metrics.published.FIGURES) that reproduce it from rows."""
    kind: str = ""
    """For a statement that is not reproducible: a key of REDENEN."""
    reason: str = ""
    """For a statement that is not reproducible: why, in Dutch."""
    see: tuple[str, ...] = ()
    """Ids of inconsistencies (metrics.published.INCONSISTENCIES) that show the statement beside another figure."""


def normalise(text: str) -> str:
    """One line of text as it is compared: no HTML tags or markdown emphasis, straight quotation marks, single
    spaces (tabs kept: they separate table cells)."""
    text = re.sub(r"<[^>]+>", " ", text).replace("**", "").replace("*", "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\u00a0", " ")
    text = re.sub(r"[ \r\f\v]+", " ", text)
    return re.sub(r" ?\t ?", "\t", text).strip()


def normalise_text(text: str) -> str:
    """The whole text normalised line by line, tabs as single spaces (to look quotes up in)."""
    return "\n".join(normalise(line).replace("\t", " ") for line in text.splitlines())


def accounting(sentence: str) -> list[Statement]:
    """The statements whose quote occurs in `sentence` (normalised; tabs count as spaces)."""
    s = normalise(sentence).replace("\t", " ")
    return [st for st in STATEMENTS if any(normalise(q) in s for q in st.quotes)]


def not_reproducible() -> pd.DataFrame:
    """The statements that cannot be reproduced from rows, one row per quote (source order).

    Columns: citaat (the quoted text), document, sectie, soort (key of REDENEN), soort_naam (its Dutch
    explanation), reden (why, for this statement), zie (inconsistencies that show it, comma separated).
    """
    rows = [
        {"citaat": q, "document": s.document, "sectie": s.section, "soort": s.kind, "soort_naam": REDENEN[s.kind],
         "reden": s.reason, "zie": ", ".join(s.see)}
        for s in STATEMENTS if not s.figures for q in s.quotes
    ]
    return pd.DataFrame(rows, columns=["citaat", "document", "sectie", "soort", "soort_naam", "reden", "zie"])


def overview() -> pd.DataFrame:
    """Headline of the accounting, one row: uitspraken (quoted pieces), gereproduceerd (quoted pieces reproduced
    by catalogue entries), niet_reproduceerbaar (quoted pieces with a reason), per_soort (count per reason kind,
    "kind: n" comma separated, most frequent first)."""
    reproduced = sum(len(s.quotes) for s in STATEMENTS if s.figures)
    rest = not_reproducible()
    per = rest["soort"].value_counts()
    return pd.DataFrame({
        "uitspraken": [reproduced + len(rest)],
        "gereproduceerd": [reproduced],
        "niet_reproduceerbaar": [len(rest)],
        "per_soort": [", ".join(f"{k}: {n}" for k, n in per.items())],
    })


def _s(section: str, document: str, *quotes: str, figures: tuple[str, ...] = (), kind: str = "", reason: str = "",
       see: tuple[str, ...] = ()) -> Statement:
    return Statement(tuple(quotes), document, section, figures, kind, reason, see)


def _interview_rows() -> list[Statement]:
    """The interview tables (§6.2.1, reprinted in §10.3): a question with its three counts."""
    rows = [
        (1, "Definitie van het KIT. Klopt dit in uw ogen? 14 2 4"),
        (2, "Het idee van het KIT. Wat vindt u hiervan? 20 0 0"),
        (3, "De partners in het KIT. Wat vindt u van de huidige partners? En mist u eventueel partners? 16 0 4"),
        (3, "De partners in het KIT. Wat vindt u van de huidige? En mist u partners? 16 0 4"),
        (4, "Heeft de gemeente voldoende de regie rol aangenomen? 3 15 2"),
        (5, "Informatiepositie 11 6 3"),
        (5, "Informatiepositie. 11 6 3"),
        (6, "Kennis van het doorzoeken van een pand. 4 12 4"),
        (7, "Manier waarop panden worden doorzocht. 12 3 5"),
        (8, "Opvolging overtredingen. 2 13 5"),
        (9, "Eigen rol binnen het KIT. Zit u op uw plek? 14 3 3"),
        (10, "Voelt u zich gehoord? 19 0 1"),
        (11, "Resultaten terugkoppeling 2 16 2"),
        (12, "Communicatie 6 10 4"),
    ]
    return [
        _s("§6.2.1 en §10.3", HAM, quote, figures=tuple(
            f"{prefix}-v{nr:02d}-{code}" for prefix in ("HAM-6.2.1", "HAM-10.3")
            for code in ("positief", "negatief", "neutraal")))
        for nr, quote in rows
    ]


def _infographic_lines() -> list[Statement]:
    """The PIT infographic's lines, each one catalogue entry (or two: a count and its rank)."""
    from metrics.published import ACTIES, RESULTS, TOP10

    out = [_s("Infographic: Top 10 overtredingen", PIT, line,
              figures=(f"PIT-top10-{rank:02d}-aantal", f"PIT-top10-{rank:02d}-rang"))
           for rank, _, _, line in TOP10]
    seen: dict[str, int] = {}
    for org, _, _, _, line in RESULTS:
        seen[org] = seen.get(org, 0) + 1
        quote = max((part.strip(" (),.") for part in line.split("...")), key=len)
        out.append(_s(f"Infographic: {org.capitalize()}", PIT, quote,
                      figures=(f"PIT-resultaat-{org.lower()}-{seen[org]:02d}",)))
    for partner, printed, _ in ACTIES:
        out.append(_s("Infographic: Resultaten per organisatie", PIT, f"{printed} acties aanwezig",
                      figures=(f"PIT-acties-{partner.lower()}",)))
    return out


_DOC = "document"
_STUDY = "onderzoek"
STATEMENTS = tuple([
    # ------------------------------------------------------------------ council note (Veldhoven, 2 juni 2020)
    _s("Kop", RN, "Telefoonnummer: 14 040", "Datum B en W: 2 juni 2020", "Registratienummer: 20bs00064", kind=_DOC,
       reason="Contactgegevens, datum en nummer van de raadsnota."),
    _s("Kennisnemen van", RN, "de overige 7 gemeenten", figures=("RN-overige-7-gemeenten",)),
    _s("Kennisnemen van", RN, "voor 18 uur per week voor de duur van maximaal 9 maanden", "voor 18 uur per week",
       "voor de periode van negen maanden", "Na 9 maanden", kind="besluit",
       reason="Uren en duur van een aan te stellen kartrekker/kwartiermaker en teamleider: een besluit, geen "
              "uitgevoerd werk in de rijen."),
    _s("Inleiding", RN, "Gedurende de periode 1 maart 2019 tot en met 1 maart 2020", kind="organisatie",
       reason="De periode van de pilot volgens de raadsnota; de rijen tonen de eerste en laatste controleavond naast "
              "de andere gedrukte periode (evaluatie §5.5).",
       see=("I-periode-start", "I-periode-eind", "I-periode-buiten", "I-uitvoeringsfase")),
    _s("Inleiding", RN, "de andere 7 gemeenten", figures=("RN-andere-7-gemeenten",)),
    _s("Inleiding", RN, "Op 31 januari 2020 is de Driehoek", kind="besluit",
       reason="Datum van een besluit van de Driehoek."),
    _s("Kernboodschap", RN, "in de acht gemeenten van basisteam de", figures=("RN-acht-gemeenten",)),
    _s("Beoogde voordelen", RN, "Doordat het aantal interventies van 8 gemeenten veel hoger ligt dan van de gemeente "
       "Waalre afzonderlijk", figures=("RN-acht-gemeenten", "RN-interventies-waalre")),
    _s("Beoogde voordelen", RN, "Het aanpakken van misstanden in één gemeente leidt tot een waterbedeffect",
       "duikt in veel gevallen op in één van onze buurgemeenten", kind="telwoord",
       reason="Een verwachting over het waterbedeffect zonder cijfer; de pagina Waterbedeffect toetst dat "
              "effect uit de rijen, maar de zin drukt geen getal."),
    _s("Kosten en dekking", RN, "Handhavingsuitvoeringsprogramma 2020 van de gemeente Waalre reeds uren begroot",
       kind="begroting", reason="Uren in een begroting (uitvoeringsprogramma): geen rijen over uren."),
    _s("Bijlagen", RN, "1. Evaluatie pilotproject HAM/KIT", "2. Evaluatie Peelland Interventie Team (PIT)",
       kind=_DOC, reason="Nummering van de bijlagen."),
    # ------------------------------------------------------------------ HAM/KIT evaluation: front matter, study
    _s("Titelpagina", HAM, "Eindhoven, 12/01/2020", kind=_DOC, reason="Plaats en datum van het rapport."),
    _s("Voorwoord", HAM, "ik ben 20 jaar oud", "bijna twee jaar militair", "mijn twee stagebegeleiders", kind=_DOC,
       reason="Over de auteur van het rapport."),
    _s("Inhoudsopgave", HAM, *(f"{t} {p}" for t, p in (
        ("1. Samenvatting", 1), ("2. Inleiding", 2), ("2.1 Aanleiding", 2), ("2.2 Doelstelling", 2),
        ("2.3 Probleemstelling en deelvragen", 3), ("2.4 Afbakening", 3), ("2.5 Opbouw van het rapport", 4),
        ("2.6 Operationalisatie", 4), ("2.7 Looptijd onderzoek", 5), ("2.8 Lijst met afkortingen", 6),
        ("3. Theoretisch kader", 7), ("3.1 Literatuuronderzoek", 7), ("3.2 Link tussen theorie en onderzoek", 8),
        ("4. Methode", 9), ("4.1 Populatie en steekproef", 9), ("4.2 Dataverzamelmethode", 9),
        ("4.3 Kwantitatief of kwalitatief", 10), ("4.4 Analyseprocedure", 10),
        ("4.5 Validiteit en betrouwbaarheid", 10), ("5. Opzet project 'huisvesting arbeidsmigranten'", 11),
        ("5.1 Projectnaam", 11), ("5.2 Aanleiding project", 11), ("5.3 Deelnemende convenantpartners", 11),
        ("5.4 Projectverantwoordelijke convenantpartners", 11), ("5.5 Looptijd", 12), ("5.6 Arbeidsmigranten", 12),
        ("5.7 Ondernijning", 12), ("5.8 Geografisch onderzoeksgebied", 13), ("5.9 Doelstellingen", 13),
        ("5.10 Activiteiten", 14), ("5.11 Werkwijze", 15), ("5.12 Projectrisico's", 15),
        ("5.13 Gegevensverwerking binnen het Interventieteam", 15), ("6. Resultaten", 17),
        ("6.1 Resultaten project Huisvesting Arbeidsmigranten", 17), ("6.2 Resultaten onderzoek", 18),
        ("6.2.1 Uitkomsten: interviews", 18), ("6.2.2 Resultaten: observaties", 22),
        ("6.2.3 Resultaten: leren van andere Interventieteams", 23), ("7. Conclusie", 26),
        ("7.1 Algemeen oordeel", 26), ("7.2 Toelichting knelpunten", 26), ("8. Aanbevelingen", 30),
        ("9. Literatuurlijst", 34), ("10. Bijlagen", 35), ("10.1 Vragenlijst interview", 35),
        ("10.2 Toelichting knelpunten Project HAM/KIT", 36), ("10.3 Uitkomsten interviews", 42))),
       kind=_DOC, reason="Paginanummers van de inhoudsopgave."),
    _s("§1 en §2.7", HAM, "binnen 20 weken te onderzoeken", "een looptijd van 20 weken in totaal",
       "Kennismakingsfase: van 26 augustus 2019 tot 2 september 2019",
       "Vorbereidingsfase: van 2 september 2019 tot 16 september 2019",
       "Informatieverzamelingsfase: van 16 september 2019 tot 30 november 2019",
       "Afrondingsfase: van 1 december 2019 tot 26 januari 2020", "de grootste fase van de vier", kind=_STUDY,
       reason="Planning van het onderzoek van de stagiair, niet van het team.", see=("I-onderzoeksduur",)),
    _s("§2.1", HAM, "de burgemeesters van de acht gemeenten, de keuze maken", figures=("RN-acht-gemeenten",)),
    _s("§2.5", HAM, "hoofdstuk 9 en 10 uit de literatuurlijst", kind=_DOC, reason="Opbouw van het rapport."),
    _s("§3.1", HAM, "in 2016 is gestart met een eerste pilotteam in de gemeente Winsum", kind="ander team",
       reason="Literatuur over een pilot in een andere gemeente."),
    _s("§4.1", HAM, "een steekproef van 21 respondenten", figures=("HAM-4.1-respondenten",), see=("I-respondenten",)),
    _s("§4.1", HAM, "De totale populatie bestaat uit 37 mensen", "Deze 37 mensen zijn alle deelnemers",
       figures=("HAM-4.1-populatie",)),
    _s("§4.1", HAM, "Alle deelnemende partijen zijn vertegenwoordigd bij de interviews op de politie na",
       figures=("HAM-4.1-politie-na", "HAM-4.1-politie")),
    _s("§4.1", HAM, "Wel is De Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel (AVIM) geïnterviewd",
       figures=("HAM-4.1-avim",)),
    _s("§4.3", HAM, "Stel 18 van de 21 respondenten", kind=_STUDY,
       reason="Een rekenvoorbeeld van de onderzoeker (\"stel\"), geen uitkomst."),
    _s("§4.4", HAM, "Hier zijn drie categorieën mogelijk", kind=_STUDY,
       reason="De codering kent drie codes; de pagina Codering toont ze, er is geen cijfer over de uitvoering."),
    _s("§4.4", HAM, "De belastingdienst gaat bijvoorbeeld niet mee op een controleavond",
       figures=("HAM-4.4-belastingdienst-avonden",)),
    # ------------------------------------------------------------------ HAM §5: the project
    _s("§5.3", HAM, "De deelnemende convenantpartners in dit Interventieteam zijn",
       figures=("HAM-5.3-convenantpartners",), see=("I-ind",)),
    _s("§5.4", HAM, "art. 7, tweede lid, Convenant Landelijke Stuurgroep Interventieteams (LSI) 2017",
       kind="regelgeving", reason="Een artikel van het LSI-convenant."),
    _s("§5.5", HAM, "een totale looptijd gepland van 20 maanden", "Vorbereidingsfase : van 1 september 2018 tot "
       "1 februari 2019", "Afrondingsfase : van 1 april 2020 tot 1 juli 2020", kind="organisatie",
       reason="De geplande looptijd en fasen van het project; de rijen kennen alleen de controleavonden.",
       see=("I-looptijd",)),
    _s("§5.5", HAM, "Uitvoeringsfase : van 1 februari 2019 tot 1 april 2020", kind="organisatie",
       reason="De geplande uitvoeringsfase; de eerste en laatste controleavond uit de rijen staan ernaast.",
       see=("I-periode-start", "I-periode-eind", "I-uitvoeringsfase", "I-na-rapport")),
    _s("§5.8", HAM, "Het project richt zich op de volgende gemeenten", figures=("HAM-5.8-gemeenten",)),
    _s("§5.9", HAM, "Het onderzoeksgebied aangegeven in het groen, B3", kind=_DOC,
       reason="Bijschrift van een kaart (B3 is een code van de politie-indeling)."),
    _s("§5.11", HAM, "Bij deze controleavond zal de gemeente door middel van een toezichthouder de leiding hebben",
       figures=("HAM-5.11-gemeente-leiding",)),
    _s("§5.11", HAM, "Verder zal standaard de politie wel meegaan in verband met de veiligheid",
       figures=("HAM-5.11-politie-standaard",)),
    _s("§5.11", HAM, "art. 5:15/5:19", kind="regelgeving", reason="Artikelen van de Algemene wet bestuursrecht."),
    # ------------------------------------------------------------------ HAM §6.1: results of the project
    _s("§6.1", HAM, "In totaal zijn er 17 controleavonden gehouden", figures=("HAM-6.1-avonden",)),
    _s("§6.1", HAM, "Er zijn 42 adressen bezocht", figures=("HAM-6.1-adressen",)),
    _s("§6.1", HAM, "232 personen zijn aangetroffen", figures=("HAM-6.1-personen", "HAM-6.1-personen-som")),
    _s("§6.1", HAM, "bijna 64% van Poolse afkomst", figures=("HAM-6.1-pools",)),
    _s("§6.1", HAM, "zo'n 13% Roemeens", figures=("HAM-6.1-roemeens",)),
    _s("§6.1", HAM, "iets meer dan 1% Nederlands", figures=("HAM-6.1-nederlands",)),
    _s("§6.1", HAM, "Zo'n 17% van de aangetroffen bewoners heeft een huurovereenkomst",
       figures=("HAM-6.1-huurovereenkomst",)),
    _s("§6.1", HAM, "De huur ligt tussen de 195 en 625 euro per maand", figures=("HAM-6.1-huur",)),
    _s("§6.1", HAM, "Bij 44% van de gevallen wordt de huur ingehouden op het loon", figures=("HAM-6.1-loon",)),
    _s("§6.1", HAM, "17% maakt de huursom over per bank", figures=("HAM-6.1-bank",)),
    _s("§6.1", HAM, "11% betaalt contant", figures=("HAM-6.1-contant",)),
    _s("§6.1", HAM, "20% van de bewoners geeft aan ingeschreven te staan in de basisregistratie personen",
       figures=("HAM-6.1-brp-ingeschreven",), see=("I-brp-niet-ingeschreven",)),
    _s("§6.1", HAM, "De arbeidsmigranten werken voor 32 verschillende uitzendbureaus",
       figures=("HAM-6.1-uitzendbureaus",)),
    _s("§6.1", HAM, "67% geeft aan een zorgverzekering te hebben", figures=("HAM-6.1-zorgverzekering",)),
    _s("§6.1", HAM, "40% in overtreding op de basisregistratie personen", figures=(
        "HAM-6.1-overtreding-brp", "HAM-6.1-overtreding-brp-adressen", "HAM-6.1-overtreding-brp-plicht")),
    _s("§6.1", HAM, "26% in overtreding met het bestemmingsplan", figures=(
        "HAM-6.1-overtreding-bestemmingsplan", "HAM-6.1-overtreding-bestemmingsplan-adressen")),
    _s("§6.1", HAM, "8% in overtreding met betrekking tot de brandveiligheid", figures=(
        "HAM-6.1-overtreding-brandveiligheid", "HAM-6.1-overtreding-brandveiligheid-adressen"),
       see=("I-brand-adressen",)),
    _s("§6.1 Acties", HAM, "CV buiten gebruik gesteld", figures=("HAM-6.1-actie-cv",)),
    _s("§6.1 Acties", HAM, "Overkapping afgezet", figures=("HAM-6.1-actie-overkapping",)),
    _s("§6.1 Acties", HAM, "Woningen gesloten", figures=("HAM-6.1-actie-woningen",)),
    _s("§6.1 Acties", HAM, "Onderzoek uitgezet door partners", figures=("HAM-6.1-actie-onderzoek",)),
    _s("§6.1 Acties", HAM, "Boetenrapporten opgesteld door ISZW", figures=("HAM-6.1-actie-boeterapporten",)),
    # ------------------------------------------------------------------ HAM §6.2.1 / §10.3: interviews
    *_interview_rows(),
    _s("§6.2.1 en §10.3 vraag 1", HAM, "Een tweetal respondenten",
       figures=("HAM-6.2.1-tekst-v01-tweetal", "HAM-10.3-tekst-v01-tweetal")),
    _s("§6.2.1 en §10.3 vraag 2", HAM, "Elke respondent reageert erg positief over het idee van het KIT",
       figures=("HAM-6.2.1-v02-negatief", "HAM-6.2.1-v02-neutraal")),
    _s("§6.2.1 en §10.3 vraag 4 en 7", HAM, "op een enkeling na", "Op een enkeling na", kind="mening",
       reason="\"Op een enkeling na\" zonder aantal: de tabel van de vraag staat in de catalogus, de enkeling "
              "is niet aan te wijzen."),
    _s("§6.2.1 en §10.3 vraag 5, 12; §7.2 knelpunt 2", HAM, "kapiteins op één schip", kind="telwoord",
       reason="Beeldspraak; het cijfer 'negen kapiteins' staat bij de tegenstrijdigheden.", see=("I-kapiteins",)),
    _s("§7.2 en §10.2 knelpunt 2", HAM, "negen kapiteins op één schip", kind="organisatie",
       reason="Acht gemeentelijke projectleiders en één projectleider: een rol, geen rij; naast de gemeenten uit "
              "de rijen gezet bij de tegenstrijdigheden.", see=("I-kapiteins",)),
    _s("§6.2.1 en §10.3 vraag 7", HAM, "dat het één team is", "we van één interventieteam", kind="telwoord",
       reason="\"Eén team\" als begrip, geen telling."),
    _s("§6.2.1 en §10.3 vraag 7", HAM, "Het vijftal dat neutraal heeft beantwoord is nog nooit meegegaan",
       "Het vijftal wat neutraal heeft beantwoord is nog nooit meegegaan",
       figures=("HAM-6.2.1-tekst-v07-nooit-mee", "HAM-10.3-tekst-v07-nooit-mee")),
    _s("§6.2.1 en §10.3 vraag 8", HAM, "had een vijftal respondenten",
       figures=("HAM-6.2.1-tekst-v08-geen-idee", "HAM-10.3-tekst-v08-geen-idee")),
    _s("§6.2.1 en §10.3 vraag 8; §7.2 knelpunt 1", HAM, "met name bij de gemeente Bladel, Oirschot, Eersel en "
       "Reusel-De Mierden (de B.O.E.R.-gemeenten)", figures=("HAM-6.2.1-tekst-v08-boer", "HAM-7.2-knelpunt1-boer")),
    _s("§6.2.1 en §10.3 vraag 9", HAM, "Een enkeling geeft aan", "geeft een enkeling aan", kind="mening",
       reason="De mening van één respondent over de rol van de IVC-er; de codes per vraag staan in de catalogus, "
              "wie wat vond niet."),
    _s("§6.2.1 en §10.3 vraag 10", HAM, "Eén respondent geeft aan nog nooit feedback te hebben gegeven",
       "Één respondent geeft aan nog nooit feedback te hebben gegeven",
       figures=("HAM-6.2.1-tekst-v10-een", "HAM-10.3-tekst-v10-een")),
    _s("§6.2.1 en §10.3 vraag 11", HAM, "Zestien respondenten geven aan",
       figures=("HAM-6.2.1-tekst-v11-zestien", "HAM-10.3-tekst-v11-zestien")),
    _s("§6.2.1 en §10.3 vraag 11", HAM, "Twee respondenten zeggen dit wel te horen te krijgen",
       "Twee respondenten krijgen dit wel te horen", figures=("HAM-6.2.1-tekst-v11-twee", "HAM-10.3-tekst-v11-twee")),
    _s("§10.3 vraag 4 (opmerkingen)", HAM, "Best, Veldhoven en Waalre lopen voor als het aankomt op de avonden",
       figures=("HAM-10.3-opm-voorlopers-avonden", "HAM-10.3-opm-voorlopers-opvolging")),
    _s("§10.3 vraag 7 (opmerkingen)", HAM, "Zitten bewoners ook daadwerkelijk maar <3 maanden op een locatie",
       kind="mening", reason="Een vraag van een respondent, geen bewering; de verblijfsduur per persoon staat bij de "
                             "BRP-plicht (verblijf > 4 maanden)."),
    _s("§6.2.1 vraag 5, §7.2 en §10.2 knelpunt 4", HAM, "Ook andere partners leveren geen adressen aan",
       figures=("HAM-knelpunt4-partneradressen",)),
    # ------------------------------------------------------------------ HAM §6.2.3: other teams
    _s("§6.2.3", HAM, "Eindhoven kent sinds 2004 het BITE", kind="ander team",
       reason="Geschiedenis van het BITE (Eindhoven); de referentietabel op KIT vs PIT noemt het."),
    _s("§6.2.3", HAM, "In totaal zijn 350 tot 400 arbeidsmigranten gecontroleerd", kind="ander team",
       reason="Een cijfer van project Buitenom (andere gemeenten); staat in de referentietabel op KIT vs PIT, niet "
              "in de rijen."),
    _s("§6.2.3", HAM, "binnen de 6 gemeenten", kind="ander team",
       reason="Een citaat over project Buitenom; vijf gemeenten genoemd, zes in het citaat.", see=("I-buitenom",)),
    # ------------------------------------------------------------------ HAM §8, §9, §10
    _s("§8 en §10.2", HAM, "een combinatie van de twee", kind="telwoord",
       reason="Een keuze tussen twee werkwijzen, geen telling."),
    _s("§8 en §10.2", HAM, "casussen per drie gemeenten besproken", "casussen besproken per drie gemeenten",
       kind="organisatie",
       reason="Een aanbeveling voor de opzet van de casustafel."),
    _s("§9", HAM, "(maart 2018). Evaluatie PIT-convenant 2017", "P6-Methode", "(p. 175 t/m 270)",
       "(2016). interdisciplinaire samenwerking", kind=_DOC, reason="Literatuurlijst."),
    _s("§10.1", HAM, "Deel 1: Opening", "Deel 2: Kempen interventieteam", "Deel 3: Rollen, samenwerking en "
       "communicatie", "Deel 4: Samenvatting en afsluiting", kind=_DOC, reason="Delen van de vragenlijst."),
    # ------------------------------------------------------------------ PIT evaluation 2017
    _s("Titel en colofon", PIT, "Evaluatie PIT-convenant 2017", "Versie: 1.0", "Maart 2018",
       "PIT PEELLAND INTERVENTIE TEAM 2017", "1 JAAR MET PIT", kind=_DOC, reason="Titel, versie en datum."),
    _s("Inhoudsopgave", PIT, *(f"{t} {p}" for t, p in (
        ("1. Inleiding", 6), ("Opzet evaluatie", 6), ("2 Bevindingen en aanbevelingen", 7),
        ("Doelstellingen behaald", 7), ("Belangstelling werkwijze PIT", 8), ("Capaciteit is aandachtspunt", 8),
        ("Resultaat", 9), ("Deelnemers tevreden over werkwijze PIT", 9), ("Financiën", 11), ("Communicatie", 11),
        ("Informatie-uitwisseling", 13), ("Nieuwe wetgeving", 14), ("Reikwijdte convenant", 15),
        ("3 Samenvatting", 16))), kind=_DOC, reason="Paginanummers van de inhoudsopgave."),
    _s("Inleiding infographic", PIT, "Het Peelland Interventie Team bestaat uit zes gemeenten",
       figures=("PIT-zes-gemeenten",)),
    _s("Inleiding infographic", PIT, "de aansturing op één centraal punt ligt", kind="organisatie",
       reason="Inrichting van het PIT (één teamleider)."),
    _s("Infographic", PIT, "Stand van zaken PIT casussen per gemeente op 31-12-2017",
       figures=("PIT-gemeenten-met-acties",), see=("I-persberichten-peildatum",)),
    _s("Infographic", PIT, "aantal bezochte objecten", figures=("PIT-objecten",)),
    _s("Infographic", PIT, "110", figures=("PIT-objecten",)),
    _s("Infographic", PIT, "(woningen, loodsen, bedrijven, horeca, chalets (recreatieparken), percelen en een "
       "woonwagenlocatie)", figures=tuple(f"PIT-objecttype-{k}" for k in (
           "woning", "loods", "bedrijfspand", "horeca", "recreatiewoning", "perceel", "woonwagenlocatie", "overig"))),
    _s("Infographic", PIT, "Top 10 van de meest voorkomende overtredingen", figures=tuple(
        f"PIT-top10-{r:02d}-rang" for r in range(1, 11))),
    _s("Infographic", PIT, "+ nog 168 bevindingen verspreid over 71 categorieën",
       figures=("PIT-overig-bevindingen", "PIT-overig-categorieen")),
    *_infographic_lines(),
    _s("Infographic: Gemeenten", PIT, "29 keer bleken na hercontroles", figures=("PIT-hercontroles",)),
    _s("Infographic: Belastingdienst / Douane", PIT, "De resultaten van de Belastingdienst (en Douane) zijn niet "
       "opgenomen in het overzicht", figures=("PIT-geen-resultaten-bd-belastingen", "PIT-geen-resultaten-bd-toeslagen",
                                              "PIT-geen-resultaten-douane")),
    _s("Infographic: Stand van zaken", PIT, "Veel onderzoeken die in 2017 gestart zijn lopen nog",
       "alleen de in 2017 afgeronde onderzoeken opgenomen", kind="organisatie",
       reason="Afbakening van het overzicht (welk jaar); de rijen van het PIT beslaan 2017."),
    _s("Infographic", PIT, "Resultaat in geld in totaal: €396.939", figures=("PIT-geld",)),
    _s("Inleiding", PIT, "In oktober 2016 is het PIT-convenant", "Het PIT-convenant is in 2016 afgesloten",
       kind="ander team", reason="Geschiedenis van het PIT-convenant."),
    _s("Inleiding", PIT, "afgesloten tussen de zes Peelgemeenten", "afgesloten tussen de zes gemeenten",
       figures=("PIT-zes-gemeenten",)),
    _s("Opzet evaluatie", PIT, "(art. 4.2)", "communicatieadviseurs van de zes Peelgemeenten", kind="ander team",
       reason="Opzet van de evaluatie van het PIT (artikel van het convenant, wie gesproken is)."),
    _s("Belangstelling werkwijze PIT", PIT, "heeft in november 2017 een presentatie verzorgd", kind="ander team",
       reason="Een presentatie van de teamleider van het PIT."),
    _s("Casussen afhandelen", PIT, "Tot nu wordt nog elke overtreding opgepakt",
       figures=("PIT-elke-overtreding-opgepakt",)),
    _s("Casussen afhandelen", PIT, "Als één traject stagneert", kind="telwoord",
       reason="Een algemene opmerking zonder telling."),
    _s("Resultaat", PIT, "wat één jaar PIT heeft opgeleverd", kind="organisatie",
       reason="De periode van de evaluatie (2017); de rijen van het PIT beslaan dat jaar."),
    _s("Deelnemers tevreden", PIT, "Casuïstiek wordt nu vooral door gemeenten en politie aangedragen",
       figures=("PIT-casuistiek-gemeenten-politie",)),
    _s("Deelnemers tevreden", PIT, "maakt begin 2018 een ronde langs de partners",
       "wat in 2017 is bereikt", kind="ander team", reason="Plannen van de teamleider van het PIT."),
    _s("Financiën", PIT, "bij elk van de zes Peelgemeenten een bedrag in de werkbegroting laten opnemen van "
       "€ 5.000,- (jaarlijks)", kind="begroting", reason="Een werkbudget per gemeente: geen rijen over geld van het "
                                                        "team."),
    _s("Financiën", PIT, "naar elk van de zes Peelgemeenten", kind="begroting",
       reason="Verantwoording van de uitgaven van de teamleider."),
    _s("Communicatie", PIT, "Bij alle PIT-acties worden er, in samenwerking met een communicatieadviseur",
       figures=("PIT-persbericht-alle-acties",)),
    _s("Communicatie", PIT, "Feitelijk zijn nu ca. 30 persberichten na PIT-acties uitgegaan (stand van zaken "
       "november 2017)", figures=("PIT-persberichten",), see=("I-persberichten-peildatum",)),
    _s("Communicatie", PIT, "de burgemeesters van de zes Peelgemeenten opdracht gegeven", kind="ander team",
       reason="Een opdracht van de burgemeesters van het PIT."),
    _s("Communicatie", PIT, "presentaties verzorgd voor vijf van de zes gemeenteraden", kind="ander team",
       reason="Presentaties van de teamleider van het PIT: geen rijen."),
    _s("Communicatie", PIT, "Sterke punten in 2017", "gaandeweg 2017 sterk verbeterd", kind="ander team",
       reason="Een oordeel over de persberichten van het PIT in 2017, zonder cijfer."),
    _s("Communicatie", PIT, "bij één van de acties in het buitengebied", kind="ander team",
       reason="Een journalist bij een actie: geen rijen over de pers."),
    _s("Informatie-uitwisseling", PIT, "vastgesteld (mei 2017)", "per 19 december 2017 een beveiligde omgeving",
       "Vijf van de zes Peelgemeenten, Senzer en de Veiligheidsregio maken hiervan nu gebruik",
       "In 2017 is ook onderzocht of het PIT-meldpunt", kind="ander team",
       reason="Afspraken en systemen voor informatiebeveiliging van het PIT: geen rijen."),
    _s("Informatie-uitwisseling", PIT, "(art. 20.6)", "(artikel 34 Wet bescherming persoonsgegevens)",
       "Vanaf 25 mei 2018", "vanaf 25 mei 2018",
       "(artikel 36 AVG)", "(artikel 13 AVG)", kind="regelgeving", reason="Wetten, artikelen en hun ingangsdatum."),
    _s("Reikwijdte convenant", PIT, "Het PIT gaat daarom in 2018", kind="ander team",
       reason="Een voornemen van het PIT."),
    _s("Samenvatting", PIT, "Informatie-uitwisseling is één van de randvoorwaarden", kind="telwoord",
       reason="Een opsomming, geen telling."),
])
"""The accounting of every quantitative statement, in source order."""
