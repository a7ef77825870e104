"""The catalogue of published figures: every number the source documents print about data.

Each `Figure` names the document, the section, the text as printed, the printed figure with its
qualifier ("bijna 64%") and the metric function (plus row selection and column) that computes it from
warehouse rows. The printed figure lives only here, as text: metrics never see it, and
`metrics.reproduce` compares the two with `metrics.qualifiers`.

`INCONSISTENCIES` lists places where the documents disagree with each other or with themselves; each
side is, where possible, computed from rows too.

Sources (all in ../shared/seeds/000_e92fe85fc64b87bb.txt):
- RN: Informatienota raad (Veldhoven, B en W 2 juni 2020), "Oprichten van ... een definitief KIT".
- HAM: Evaluatie project HAM/KIT (M. Gubbels, Avans, 12-01-2020).
- PIT: Evaluatie PIT-convenant 2017 (maart 2018) with its infographic "PIT Peelland Interventie Team 2017".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

import pandas as pd

import printed_figures
from metrics import interviews, overtredingen, pilot, pit
from metrics.filters import Filter

RN = "Raadsnota KIT (2 juni 2020)"
HAM = "Evaluatie project HAM/KIT (12-01-2020)"
PIT = "Evaluatie PIT-convenant 2017"

Metric = Callable[..., pd.DataFrame]
Selector = Mapping[str, Any]
"""Row selection: column -> value (equal) or tuple of values (any of them); selected rows are summed."""
_TOP_PIT: Mapping[str, Any] = MappingProxyType({"f": Filter(teams=(pit.PIT,))})
"""Arguments of `overtredingen.top_overtredingen` for the PIT infographic's top 10 (the team PIT, all dates)."""


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Figure:
    """One published figure and how it is computed from rows."""

    id: str
    document: str
    section: str
    text: str
    """The sentence as printed (abridged to the figure's clause)."""
    published: str
    """The printed figure with its qualifier, parsed by `metrics.qualifiers.parse` ("bijna 64%")."""
    metric: Metric
    column: str | tuple[str, str]
    """Column of the metric's frame; a pair (low, high) for a range or a rank interval."""
    where: Selector = field(default_factory=dict)
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    base: str = ""
    """What a share is of, or what is counted (Dutch)."""
    numerator: str | None = None
    denominator: str | None = None
    required: bool = True
    """False for an alternative reading shown beside the matched one; it does not decide the exit code."""
    note: str = ""


@dataclass(frozen=True)
class Side:
    """One side of an inconsistency: a figure as printed, computed from rows when a metric is given."""

    label: str
    printed: str
    metric: Metric | None = None
    column: str = ""
    where: Selector = field(default_factory=dict)
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    dates: tuple[date, date] | None = None
    """For a duration stated beside its own dates: the printed start and end (no rows behind them)."""
    unit: str = ""
    """'maanden' or 'weken' for `dates`."""
    value: float | date | None = None
    """A number (or date) the document states with no rows behind it (e.g. five names listed)."""
    add: float = 0.0
    """A number the text adds to the computed value (the '+ 1' in '8 gemeenten + 1 projectleider')."""
    printed_value: float | date | None = None
    """The printed figure as a value where the documents' own figures disagree (two printed dates): when both
    sides have one, these are compared, and the metric only shows what the rows say beside the printed text."""


@dataclass(frozen=True)
class Inconsistency:
    """Two figures the documents (or one document) give for what should be the same thing."""

    id: str
    title: str
    a: Side
    b: Side
    note: str
    same_thing: bool = True
    """False when the two sides are different notions shown side by side (they are expected to differ)."""


def _fig(
    id: str,
    document: str,
    section: str,
    text: str,
    published: str,
    metric: Metric,
    column: str | tuple[str, str],
    where: Mapping[str, Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    **extra: Any,
) -> Figure:
    return Figure(id, document, section, text, published, metric, column, _frozen(where), _frozen(kwargs), **extra)


_PERS = {"numerator": "personen", "denominator": "totaal"}
_PERS_BASE = "aangetroffen personen (persoonsregels)"


def _pilot_figures() -> list[Figure]:
    s = "§6.1"
    avonden, adressen, personen = (printed_figures.HAM_6_1_CONTROLEAVONDEN, printed_figures.HAM_6_1_ADRESSEN,
                                   printed_figures.HAM_6_1_PERSONEN)
    f = [
        _fig("HAM-6.1-avonden", HAM, s, f"In totaal zijn er {avonden} controleavonden gehouden", str(avonden),
             pilot.activiteit, "controleavonden", base="controleavonden van de pilot"),
        _fig("HAM-6.1-adressen", HAM, s, f"Er zijn {adressen} adressen bezocht", str(adressen), pilot.activiteit,
             "adressen", base="verschillende bezochte adressen"),
        _fig("HAM-6.1-personen", HAM, s, f"{personen} personen zijn aangetroffen", str(personen), pilot.activiteit,
             "personen", base="persoonsregels (vragenformulieren)"),
        _fig("HAM-6.1-personen-som", HAM, s, f"{personen} personen zijn aangetroffen", str(personen),
             pilot.activiteit, "personen_som", base="som van aantal_personen per bezoek",
             note="Controle: het aantal aangetroffen personen volgens de bezoeken moet gelijk zijn aan de "
                  "persoonsregels."),
    ]
    shares = [
        ("HAM-6.1-pools", "nationaliteit", "Pools", "232 personen ... waarvan bijna 64% van Poolse afkomst",
         "bijna 64%"),
        ("HAM-6.1-roemeens", "nationaliteit", "Roemeens", "zo'n 13% Roemeens", "zo'n 13%"),
        ("HAM-6.1-nederlands", "nationaliteit", "Nederlands", "iets meer dan 1% Nederlands", "iets meer dan 1%"),
        ("HAM-6.1-huurovereenkomst", "huurovereenkomst", "ja",
         "Zo'n 17% van de aangetroffen bewoners heeft een huurovereenkomst", "zo'n 17%"),
        ("HAM-6.1-loon", "huur_betaalwijze", "ingehouden op loon",
         "Bij 44% van de gevallen wordt de huur ingehouden op het loon", "44%"),
        ("HAM-6.1-bank", "huur_betaalwijze", "bank", "17% maakt de huursom over per bank", "17%"),
        ("HAM-6.1-contant", "huur_betaalwijze", "contant", "11% betaalt contant", "11%"),
        ("HAM-6.1-brp-ingeschreven", "ingeschreven_brp", "ja",
         "20% van de bewoners geeft aan ingeschreven te staan in de basisregistratie personen", "20%"),
        ("HAM-6.1-zorgverzekering", "zorgverzekering", "ja", "67% geeft aan een zorgverzekering te hebben", "67%"),
    ]
    for fid, kenmerk, waarde, text, published in shares:
        f.append(_fig(fid, HAM, s, text, published, pilot.persoonskenmerken, "aandeel_pct",
                      {"kenmerk": kenmerk, "waarde": waarde}, base=_PERS_BASE, **_PERS))
    f += [
        _fig("HAM-6.1-huur", HAM, s, "De huur ligt tussen de 195 en 625 euro per maand", "tussen 195 en 625",
             pilot.huur, ("huur_min", "huur_max"), base="personen met een opgegeven huur per maand"),
        _fig("HAM-6.1-uitzendbureaus", HAM, s, "De arbeidsmigranten werken voor 32 verschillende uitzendbureaus",
             "32", pilot.uitzendbureaus, "uitzendbureaus", base="verschillende namen van uitzendbureaus"),
    ]
    violations = [
        ("brp", "BRP", "40% in overtreding op de basisregistratie personen", "40%"),
        ("bestemmingsplan", "ruimtelijk", "26% in overtreding met het bestemmingsplan", "26%"),
        ("brandveiligheid", "brandveiligheid", "8% in overtreding met betrekking tot de brandveiligheid", "8%"),
    ]
    why = ("Het rapport noemt de basis niet. Gekozen is 'van de aangetroffen personen': bij een overtreding op "
           "objectniveau tellen alle personen van dat bezoek mee, bij een persoonsgebonden overtreding de persoon. "
           "De lezing 'van de 42 bezochte adressen' kan 8% niet geven (3/42 = 7,1%, 4/42 = 9,5%).")
    for key, groep, text, published in violations:
        f.append(_fig(f"HAM-6.1-overtreding-{key}", HAM, s, text, published, pilot.overtredingen, "aandeel_pct",
                      {"groep": groep, "basis": "personen"}, base="aangetroffen personen (som per bezoek)",
                      numerator="getroffen", denominator="totaal", note=why))
        f.append(_fig(f"HAM-6.1-overtreding-{key}-adressen", HAM, s, text + " (lezing: van de bezochte adressen)",
                      published, pilot.overtredingen, "aandeel_pct", {"groep": groep, "basis": "adressen"},
                      base="bezochte adressen met minstens één zo'n overtreding", numerator="getroffen",
                      denominator="totaal", required=False,
                      note="Alternatieve lezing, ter vergelijking; hoeft niet te kloppen."))
    f.append(_fig("HAM-6.1-overtreding-brp-plicht", HAM, s,
                  "40% in overtreding op de basisregistratie personen (lezing: niet ingeschreven en verblijf > 4 "
                  "maanden)", "40%", pilot.brp_registratie, "aandeel_pct",
                  {"kengetal": "niet ingeschreven, verblijf > 4 maanden"}, base=_PERS_BASE, required=False,
                  numerator="personen", denominator="totaal",
                  note="Ter uitleg: inschrijving is pas verplicht na vier maanden verblijf; 'niet ingeschreven' "
                       "(80%) is dus niet 'in overtreding' (40%)."))
    actions = [
        ("cv", "CV buiten gebruik gesteld", "meer dan 0",
         {"organisatie": "GEMEENTE", "soort": "cv buiten gebruik gesteld"}),
        ("overkapping", "Overkapping afgezet", "meer dan 0",
         {"organisatie": "GEMEENTE", "soort": "overkapping afgezet"}),
        ("woningen", "Woningen gesloten", "meer dan 1", {"organisatie": "GEMEENTE", "soort": "woning gesloten"}),
        ("onderzoek", "Onderzoek uitgezet door partners", "meer dan 0", {"soort": "onderzoek uitgezet"}),
        ("boeterapporten", "Boetenrapporten opgesteld door ISZW", "meer dan 1",
         {"organisatie": "ISZW", "soort": "boeterapport opgesteld"}),
    ]
    for key, text, published, where in actions:
        f.append(_fig(f"HAM-6.1-actie-{key}", HAM, f"{s} Acties", text, published, pit.resultaten, "aantal", where,
                      kwargs={"team": pilot.PILOT}, base="partnerresultaten van de pilot (aantal keer)",
                      note="Zonder aantal gedrukt: gecontroleerd wordt dat de actie in de rijen voorkomt "
                           "(meervoud: meer dan één keer)."))
    return f


def _context_figures() -> list[Figure]:
    return [
        _fig("RN-acht-gemeenten", RN, "Kernboodschap", "in de acht gemeenten van basisteam de Kempen", "acht",
             pilot.gemeenten_met_avonden, "gemeenten", kwargs={"team": "KIT"},
             base="gemeenten met minstens één controleavond van het KIT",
             note="Telt de gemeenten in de rijen van het definitieve KIT (controleavonden), niet de referentietabel."),
        _fig("HAM-5.8-gemeenten", HAM, "§5.8", "Het project richt zich op de volgende gemeenten: (8 genoemd)", "8",
             pilot.gemeenten_met_avonden, "gemeenten", base="gemeenten met minstens één controleavond van de pilot"),
        _fig("HAM-5.3-convenantpartners", HAM, "§5.3", "De deelnemende convenantpartners ... zijn: (15 genoemd)", "15",
             pilot.convenantpartners, "partners",
             base="gemeenten van gemeentelijke deelnemers plus overige organisaties onder de deelnemers",
             note="Rijgewijs: de 37 projectdeelnemers (dim_respondent) per gemeente en organisatie."),
        _fig("PIT-zes-gemeenten", PIT, "Inleiding infographic",
             "Het Peelland Interventie Team bestaat uit zes gemeenten", "zes", pilot.gemeenten_met_avonden, "gemeenten",
             kwargs={"team": "PIT"}, base="gemeenten met minstens één PIT-actie (controleavond)",
             note="Telt de gemeenten in de rijen van het PIT (acties), niet de referentietabel."),
        _fig("PIT-gemeenten-met-acties", PIT, "Infographic: Aantal acties per gemeente",
             "Stand van zaken PIT casussen per gemeente (zes Peelgemeenten)", "zes", pilot.gemeenten_met_avonden,
             "gemeenten", kwargs={"team": "PIT"}, base="gemeenten met minstens één PIT-actie"),
    ]


def _interview_figures() -> list[Figure]:
    f = [
        _fig("HAM-4.1-respondenten", HAM, "§4.1", "een steekproef van 21 respondenten", "21", interviews.respondenten,
             "geinterviewd", base="deelnemers met geinterviewd = ja"),
        _fig("HAM-4.1-populatie", HAM, "§4.1", "De totale populatie bestaat uit 37 mensen", "37",
             interviews.respondenten, "populatie", base="alle projectdeelnemers"),
        _fig("HAM-4.1-politie-na", HAM, "§4.1",
             "Alle deelnemende partijen zijn vertegenwoordigd bij de interviews op de politie na", "één",
             interviews.vertegenwoordiging, "niet_vertegenwoordigd",
             base="deelnemende organisaties zonder geïnterviewde deelnemer"),
        _fig("HAM-4.1-politie", HAM, "§4.1", "... op de politie na", "geen", interviews.partner_geinterviewd,
             "geinterviewd", {"partner": "POLITIE"}, base="geïnterviewde deelnemers van de politie (basisteam)"),
        _fig("HAM-4.1-avim", HAM, "§4.1", "Wel is De Afdeling Vreemdelingenpolitie ... (AVIM) geïnterviewd",
             "meer dan 0", interviews.partner_geinterviewd, "geinterviewd", {"partner": "AVIM"},
             base="geïnterviewde deelnemers van de AVIM"),
    ]
    tables = printed_figures.HAM_6_2_1
    for section, prefix in (("§6.2.1", "HAM-6.2.1"), ("§10.3", "HAM-10.3")):
        for nr, counts in tables.items():
            for code, printed in zip(("positief", "negatief", "neutraal"), counts, strict=True):
                f.append(_fig(f"{prefix}-v{nr:02d}-{code}", HAM, section,
                              f"Vraag {nr}: {code.capitalize()} {printed}", str(printed), interviews.code_counts,
                              code, {"vraag_nr": nr}, base="gecodeerde antwoorden (niet gevraagd telt niet mee)",
                              numerator=code, denominator="n"))
    texts = [
        ("v01-tweetal", "Een tweetal respondenten is het niet eens met het woordje 'ondermijning'", "een tweetal",
         interviews.code_counts, "negatief", {"vraag_nr": 1}),
        ("v07-nooit-mee", "Het vijftal dat neutraal heeft beantwoord is nog nooit meegegaan op een controleavond",
         "vijftal", interviews.code_per_ervaring, "nooit_mee", {"vraag_nr": 7, "code": "neutraal"}),
        ("v08-geen-idee", "Verder had een vijftal respondenten hier geen idee van", "een vijftal",
         interviews.code_counts, "neutraal", {"vraag_nr": 8}),
        ("v10-een", "Eén respondent geeft aan nog nooit feedback te hebben gegeven", "één", interviews.code_counts,
         "neutraal", {"vraag_nr": 10}),
        ("v11-zestien", "Zestien respondenten geven aan ... geen terugkoppeling over concrete resultaten", "zestien",
         interviews.code_counts, "negatief", {"vraag_nr": 11}),
        ("v11-twee", "Twee respondenten zeggen dit wel te horen te krijgen", "twee", interviews.code_counts,
         "positief", {"vraag_nr": 11}),
    ]
    for section, prefix in (("§6.2.1 (toelichting)", "HAM-6.2.1-tekst"), ("§10.3 (samenvattend)", "HAM-10.3-tekst")):
        for key, text, published, metric, column, where in texts:
            f.append(_fig(f"{prefix}-{key}", HAM, section, text, published, metric, column, where,
                          base="gecodeerde antwoorden" if column != "nooit_mee"
                          else "neutrale antwoorden van respondenten die nooit mee op controle gingen"))
    boer = ("Er wordt veel te weinig aan opvolging gedaan ... met name bij de gemeente Bladel, Oirschot, Eersel en "
            "Reusel-De Mierden (de B.O.E.R.-gemeenten)")
    for fid, section in (("HAM-6.2.1-tekst-v08-boer", "§6.2.1 vraag 8 (toelichting)"), ("HAM-7.2-knelpunt1-boer",
                                                                                  "§7.2 knelpunt 1")):
        f.append(_fig(fid, HAM, section, boer, "aandeel lager dan bij de overige vier gemeenten",
                      pilot.opvolging_gemeenten, ("groep_pct", "overig_pct"), kwargs={"gemeenten": pilot.BOER},
                      base="overtredingen van de pilot met minstens één opvolgingsstap: B.O.E.R.-gemeenten tegen de "
                           "overige gemeenten (teller/noemer: B.O.E.R.)",
                      numerator="groep_opgevolgd", denominator="groep_overtredingen",
                      note="Een overtreding zonder opvolgingsstap telt mee in de noemer: zij is niet opgevolgd."))
    return f


TOP10: tuple[tuple[int, str, str, str], ...] = tuple(
    (rank, code, str(count), f"{count} {line}") for rank, code, count, line in printed_figures.PIT_TOP10
)
"""The printed top 10 (rank, category code in dim_bevindingcategorie, printed count, printed line)."""

OBJECT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("woning", "woningen", "meer dan 0"),
    ("loods", "loodsen", "meer dan 0"),
    ("bedrijfspand", "bedrijven", "meer dan 0"),
    ("horeca", "horeca", "meer dan 0"),
    ("recreatiewoning/chalet", "chalets (recreatieparken)", "meer dan 0"),
    ("perceel", "percelen", "meer dan 0"),
    ("woonwagenlocatie", "een woonwagenlocatie", "een"),
)
"""The object kinds the infographic lists under "aantal bezochte objecten" (contract type, printed, figure)."""

RESULTS: tuple[tuple[str, str, str, str, str], ...] = tuple(
    # (organisation code, soort in fct_partnerresultaat, column, printed figure, printed line)
    row
    for org, soort, times, word, quantity, line in printed_figures.PIT_RESULTATEN
    for row in (
        *([(org, soort, "aantal", word or str(times), line)] if times is not None else []),
        *([(org, soort, "hoeveelheid", quantity, line)] if quantity is not None else []),
    )
)
"""Every result line of "Resultaten per organisatie" (Politie includes AVIM, as printed)."""

_ACTIES_LINES = {"SENZER": "Senzer: {} acties aanwezig", "POLITIE": "Politie: {} acties aanwezig (basisteam)",
                 "AVIM": "Politie: {} acties aanwezig (AVIM)", "VRBZO": "VRBZO: {} acties aanwezig",
                 "GEMEENTE": "Gemeenten: {} acties aanwezig", "NVWA": "NVWA: {} acties aanwezig",
                 "ISZW": "ISZW: {} acties aanwezig", "ENEXIS": "Enexis: {} acties aanwezig"}
ACTIES: tuple[tuple[str, str, str], ...] = tuple(
    (partner, str(n), line.format(n))
    for partner, line in _ACTIES_LINES.items() for n in (printed_figures.PIT_ACTIES_AANWEZIG[partner],)
)
"""Attendance per partner as printed (partner code, printed figure, printed line)."""

_ORG_NAMES = {"SENZER": "Senzer", "POLITIE": "Politie (incl. AVIM)", "VRBZO": "VRBZO", "GEMEENTE": "Gemeenten",
              "NVWA": "NVWA", "ISZW": "ISZW", "ENEXIS": "Enexis"}
_INF = "Infographic"
_PIT_TEAM = {"team": "PIT"}


def _pit_figures() -> list[Figure]:
    objecten = printed_figures.PIT_OBJECTEN
    geld = "€" + f"{printed_figures.PIT_GELD_EUR:,}".replace(",", ".")
    persberichten, hercontroles = printed_figures.PIT_PERSBERICHTEN, printed_figures.PIT_HERCONTROLES_BEEINDIGD
    overig = (f"+ nog {printed_figures.PIT_OVERIGE_BEVINDINGEN} bevindingen verspreid over "
              f"{printed_figures.PIT_OVERIGE_CATEGORIEEN} categorieën")
    f = [
        _fig("PIT-objecten", PIT, _INF, f"aantal bezochte objecten {objecten}", str(objecten), pilot.activiteit,
             "bezoeken",
             kwargs=_PIT_TEAM, base="bezoeken (één bezoek is één bezocht object)"),
    ]
    for code, kind, published in OBJECT_KINDS:
        f.append(_fig(f"PIT-objecttype-{code.split('/')[0]}", PIT, _INF,
                      f"aantal bezochte objecten {objecten} (... {kind} ...)", published, pit.objecttypen, "objecten",
                      {"object_type": code}, base=f"bezochte objecten van type {code}"))
    f.append(_fig("PIT-objecttype-overig", PIT, _INF,
                  "(woningen, loodsen, bedrijven, horeca, chalets (recreatieparken), percelen en een woonwagenlocatie)",
                  "geen", pit.objecten_niet_genoemd, "objecten",
                  kwargs={"genoemd": tuple(code for code, _, _ in OBJECT_KINDS)},
                  base="bezochte objecten van een type dat niet in de opsomming staat"))
    for rank, code, published, text in TOP10:
        f.append(_fig(f"PIT-top10-{rank:02d}-aantal", PIT, f"{_INF}: Top 10 overtredingen", text, published,
                      overtredingen.top_overtredingen, "overtredingen", {"categorie": code}, _TOP_PIT,
                      base="bevindingen met overtreding = ja in deze categorie"))
        f.append(_fig(f"PIT-top10-{rank:02d}-rang", PIT, f"{_INF}: Top 10 overtredingen", f"plaats {rank}: {text}",
                      f"rang {rank}", overtredingen.top_overtredingen, ("rang_min", "rang_max"), {"categorie": code},
                      _TOP_PIT,
                      base="rang naar aantal overtredingen (gelijke aantallen delen de rangen)"))
    f += [
        _fig("PIT-overig-bevindingen", PIT, f"{_INF}: Top 10 overtredingen", overig,
             str(printed_figures.PIT_OVERIGE_BEVINDINGEN), pit.overige_bevindingen, "bevindingen",
             base="bevindingen buiten de tien grootste categorieën"),
        _fig("PIT-overig-categorieen", PIT, f"{_INF}: Top 10 overtredingen", overig,
             str(printed_figures.PIT_OVERIGE_CATEGORIEEN), pit.overige_bevindingen, "categorieen",
             base="verschillende categorieën buiten de top 10"),
    ]
    for partner, published, text in ACTIES:
        f.append(_fig(f"PIT-acties-{partner.lower()}", PIT, f"{_INF}: Resultaten per organisatie", text, published,
                      pit.acties_aanwezig, "acties", {"partner": partner},
                      base="PIT-acties (controleavonden) met deze partner aanwezig"))
    seen: dict[str, int] = {}
    for org, soort, column, published, text in RESULTS:
        seen[org] = seen.get(org, 0) + 1
        f.append(_fig(f"PIT-resultaat-{org.lower()}-{seen[org]:02d}", PIT, f"{_INF}: {_ORG_NAMES[org]}", text,
                      published, pit.resultaten, column, {"organisatie": org, "soort": soort},
                      base=f"partnerresultaten {org} soort '{soort}' ({column})"))
    f += [
        _fig("PIT-geld", PIT, _INF, f"Resultaat in geld in totaal: {geld}", geld, pit.geldresultaat,
             "bedrag_eur", base="som van bedrag_eur over alle partnerresultaten"),
        _fig("PIT-persberichten", PIT, "Communicatie",
             f"Feitelijk zijn nu ca. {persberichten} persberichten na PIT-acties uitgegaan (stand van zaken november "
             "2017)", f"ca. {persberichten}", pit.opvolging, "stappen", {"soort": "persbericht"}, kwargs={"team": "PIT",
                                                                                 "tot": date(2017, 11, 30)},
             base="opvolgingsstappen van soort persbericht gestart t/m 30-11-2017",
             note="'ca.' bij een aantal: binnen ±10%."),
        _fig("PIT-hercontroles", PIT, f"{_INF}: Gemeenten",
             f"{hercontroles} keer bleken na hercontroles dat de overtredingen (o.a. milieu, strijdig gebruik en "
             "asbest) beëindigd waren", str(hercontroles), pit.opvolging, "beeindigd", {"soort": "hercontrole"},
             base="hercontroles met als resultaat: overtreding beëindigd"),
    ]
    f += [
        _fig("PIT-elke-overtreding-opgepakt", PIT, "Casussen afhandelen van belang voor geloofwaardigheid",
             "Tot nu wordt nog elke overtreding opgepakt", "elke", pit.opgevolgde_overtredingen, "aandeel_pct",
             base="overtredingen van het PIT met minstens één opvolgingsstap", numerator="opgevolgd",
             denominator="overtredingen",
             note="Een overtreding zonder opvolgingsstap telt mee in de noemer; 'elke' vraagt precies 100%."),
        _fig("PIT-casuistiek-gemeenten-politie", PIT, "Deelnemers tevreden over werkwijze PIT",
             "Casuïstiek wordt nu vooral door gemeenten en politie aangedragen", "vooral", pit.signaalbronnen,
             "aandeel_pct", kwargs={"bronnen": ("GEMEENTE", "POLITIE")},
             base="signalen (meldingen) van het PIT met als bron een gemeente of de politie (basisteam)",
             numerator="signalen", denominator="totaal", note="'Vooral' gelezen als: meer dan de helft."),
    ]
    for partner in ("BD-BELASTINGEN", "BD-TOESLAGEN", "DOUANE"):
        f.append(_fig(f"PIT-geen-resultaten-{partner.lower()}", PIT, f"{_INF}: Belastingdienst / Douane",
                      "De resultaten van de Belastingdienst (en Douane) zijn niet opgenomen in het overzicht", "geen",
                      pit.resultaat_partners, "regels", {"partner": partner},
                      base=f"regels partnerresultaten van {partner}"))
    return f


VOORLOPERS = ("Best", "Veldhoven", "Waalre")
"""§10.3 question 4: "Best, Veldhoven en Waalre lopen voor als het aankomt op de avonden"."""


def _word_figures() -> list[Figure]:
    """Statements in words (or a number word beside a name) that the rows can check."""
    zonder_veldhoven = {"gemeenten": ("Veldhoven",)}
    return [
        _fig("RN-overige-7-gemeenten", RN, "Kennisnemen van",
             "in gezamenlijkheid met de overige 7 gemeenten uit (politie)Basisteam de Kempen een kartrekker aan te "
             "stellen", "7", pilot.avonden_gemeenten, "overig_gemeenten", kwargs={**zonder_veldhoven, "team": "KIT"},
             base="gemeenten met minstens één controleavond van het KIT, Veldhoven (de gemeente van de raadsnota) niet "
                  "meegeteld"),
        _fig("RN-andere-7-gemeenten", RN, "Inleiding",
             "Zo participeerden ook de andere 7 gemeenten uit politiebassisteam de Kempen in de pilot", "7",
             pilot.avonden_gemeenten, "overig_gemeenten", kwargs=zonder_veldhoven,
             base="gemeenten met minstens één controleavond van de pilot, Veldhoven niet meegeteld"),
        _fig("RN-interventies-waalre", RN, "Beoogde voordelen",
             "Doordat het aantal interventies van 8 gemeenten veel hoger ligt dan van de gemeente Waalre afzonderlijk",
             "hoger dan van de gemeente Waalre afzonderlijk", pilot.avonden_gemeenten,
             ("team_avonden", "groep_avonden"),
             kwargs={"gemeenten": ("Waalre",), "team": "KIT"},
             base="controleavonden van het KIT in alle gemeenten tegen die in Waalre",
             note="'Veel hoger' gelezen als hoger. De raadsnota van Veldhoven noemt hier Waalre."),
        _fig("HAM-4.4-belastingdienst-avonden", HAM, "§4.4",
             "De belastingdienst gaat bijvoorbeeld niet mee op een controleavond", "geen", pilot.deelname_partner,
             "avonden", {"partner": ("BD-BELASTINGEN", "BD-TOESLAGEN")},
             base="controleavonden van de pilot met de Belastingdienst (Belastingen of Toeslagen) aanwezig"),
        _fig("HAM-5.11-politie-standaard", HAM, "§5.11",
             "Verder zal standaard de politie wel meegaan in verband met de veiligheid", "alle",
             pilot.deelname_partner, "aandeel_avonden", {"partner": "POLITIE"}, numerator="avonden",
             denominator="team_avonden", base="controleavonden van de pilot met de politie (basisteam) aanwezig",
             note="'Standaard' gelezen als: bij elke controleavond."),
        _fig("HAM-5.11-gemeente-leiding", HAM, "§5.11",
             "Bij deze controleavond zal de gemeente door middel van een toezichthouder de leiding hebben", "alle",
             pilot.deelname_partner, "aandeel_avonden", {"partner": "GEMEENTE"}, numerator="avonden",
             denominator="team_avonden", base="controleavonden van de pilot met de gemeente (toezicht) aanwezig",
             note="Wie de leiding had staat niet in de rijen; gecontroleerd wordt dat de gemeente bij elke "
                  "controleavond aanwezig was."),
        _fig("HAM-knelpunt4-partneradressen", HAM, "§6.2.1 vraag 5, knelpunt 4",
             "Ook andere partners leveren geen adressen aan", "geen", pilot.partnersignalen, "partner_adressen",
             base="verschillende adressen in signalen van de pilot met een andere bron dan een gemeente"),
        _fig("HAM-10.3-opm-voorlopers-avonden", HAM, "§10.3 vraag 4 (opmerkingen)",
             "Best, Veldhoven en Waalre lopen voor als het aankomt op de avonden",
             "hoger dan bij de overige vijf gemeenten", pilot.avonden_gemeenten,
             ("groep_gemiddeld", "overig_gemiddeld"),
             kwargs={"gemeenten": VOORLOPERS}, numerator="groep_avonden", denominator="groep_gemeenten",
             base="controleavonden per gemeente van de pilot: Best, Veldhoven en Waalre tegen de overige gemeenten "
                  "(teller/noemer: de drie)",
             note="'Lopen voor als het aankomt op de avonden' gelezen als: gemiddeld meer controleavonden per gemeente "
                  "dan de overige gemeenten van de pilot."),
        _fig("HAM-10.3-opm-voorlopers-opvolging", HAM, "§10.3 vraag 4 (opmerkingen)",
             "Best, Veldhoven en Waalre lopen voor als het aankomt op de avonden (lezing: opvolging na de avonden)",
             "aandeel hoger dan bij de overige vijf gemeenten", pilot.opvolging_gemeenten, ("groep_pct", "overig_pct"),
             kwargs={"gemeenten": VOORLOPERS}, numerator="groep_opgevolgd", denominator="groep_overtredingen",
             base="overtredingen van de pilot met minstens één opvolgingsstap: de drie tegen de overige gemeenten",
             required=False, note="Alternatieve lezing, ter vergelijking; hoeft niet te kloppen."),
        _fig("PIT-persbericht-alle-acties", PIT, "Communicatie",
             "Bij alle PIT-acties worden er ... persberichten opgesteld", "alle", pit.acties_met_persbericht,
             "aandeel_pct", kwargs={"team": "PIT", "tot": date(2017, 11, 30)}, numerator="met_persbericht",
             denominator="acties", base="PIT-acties t/m 30-11-2017 met minstens één persbericht",
             note="Gelezen op de stand van zaken van de persberichten (november 2017): een actie daarna kan haar "
                  "persbericht nog krijgen."),
    ]


FIGURES: tuple[Figure, ...] = tuple(
    _context_figures() + _pilot_figures() + _interview_figures() + _pit_figures() + _word_figures()
)
"""All published figures, in document order within each group."""


INCONSISTENCIES: tuple[Inconsistency, ...] = (
    Inconsistency(
        "I-respondenten", "21 respondenten, maar 20 gecodeerde antwoorden per vraag",
        Side("§4.1 respondenten", "21", interviews.respondenten, "geinterviewd"),
        Side("§6.2.1 gecodeerde antwoorden per vraag (vraag 1)", "14 + 2 + 4 = 20", interviews.code_counts, "n",
             {"vraag_nr": 1}),
        "Elke vraag telt 20 antwoorden terwijl 21 mensen zijn geïnterviewd. Eén interview is niet per vraag "
        "vastgelegd (code 'niet gevraagd'); dat is geen 'neutraal' en telt niet mee in n.",
    ),
    Inconsistency(
        "I-atw", "Arbeidstijdenwet: 10 keer in de top 10, 7 keer bij de ISZW",
        Side("Top 10: overtreding van de Arbeidstijdenwet", "10", overtredingen.top_overtredingen, "overtredingen",
             {"categorie": "arbeidstijdenwet"}, kwargs=_TOP_PIT),
        Side("ISZW: overtreding ATW", "7", pit.resultaten, "aantal",
             {"organisatie": "ISZW", "soort": "overtreding atw"}),
        "De top 10 telt bevindingen op de actie, de ISZW telt haar eigen vastgestelde overtredingen; het rapport "
        "verklaart het verschil niet.",
    ),
    Inconsistency(
        "I-periode-start", "Begin van de pilot: 1 februari 2019 (evaluatie §5.5) of 1 maart 2019 (raadsnota)",
        Side("Evaluatie §5.5 'Uitvoeringsfase: van 1 februari 2019' (berekend: eerste controleavond)",
             "1 februari 2019", pilot.periode, "eerste_avond", printed_value=date(2019, 2, 1)),
        Side("Raadsnota 'Gedurende de periode 1 maart 2019 tot en met 1 maart 2020' (berekend: eerste "
             "controleavond)", "1 maart 2019", pilot.periode, "eerste_avond", printed_value=date(2019, 3, 1)),
        "De twee documenten drukken een ander begin; dat is de tegenstrijdigheid (dim_team neemt de gedrukte data "
        "van de evaluatie over, het zijn geen berekende waarden). Berekend uit de rijen is de eerste controleavond "
        "van de pilot: ligt die na beide data, dan passen de rijen bij beide lezingen.",
    ),
    Inconsistency(
        "I-periode-eind", "Einde van de pilot: 1 april 2020 (evaluatie §5.5) of 1 maart 2020 (raadsnota)",
        Side("Evaluatie §5.5 'Uitvoeringsfase: ... tot 1 april 2020' (berekend: laatste controleavond)",
             "1 april 2020", pilot.periode, "laatste_avond", printed_value=date(2020, 4, 1)),
        Side("Raadsnota '... tot en met 1 maart 2020' (berekend: laatste controleavond)", "1 maart 2020",
             pilot.periode, "laatste_avond", printed_value=date(2020, 3, 1)),
        "Het gedrukte einde van de uitvoeringsfase verschilt een maand tussen de documenten. Berekend uit de rijen "
        "is de laatste controleavond van de pilot.",
    ),
    Inconsistency(
        "I-periode-buiten", "Controleavonden buiten de periode van de raadsnota (1-3-2019 t/m 1-3-2020)",
        Side("Raadsnota: alle avonden in de periode", "0", value=0.0),
        Side("Controleavonden van de pilot buiten 1-3-2019 t/m 1-3-2020", "(uit rijen)", pilot.periode,
             "buiten_opgegeven", kwargs={"start": date(2019, 3, 1), "eind": date(2020, 3, 1)}),
        "Telt de avonden die de evaluatie (§5.5, tot 1 april 2020) wel, maar de raadsnota niet tot de pilot rekent.",
    ),
    Inconsistency(
        "I-looptijd", "Looptijd project: '20 maanden' tegenover de eigen fasedata (22 maanden)",
        Side("§5.5 totale looptijd", "20 maanden", value=20.0, unit="maanden"),
        Side("§5.5 fasen: 1 september 2018 tot 1 juli 2020", "1-9-2018 - 1-7-2020",
             dates=(date(2018, 9, 1), date(2020, 7, 1)), unit="maanden"),
        "Voorbereiding (1-9-2018 - 1-2-2019), uitvoering (1-2-2019 - 1-4-2020) en afronding (1-4-2020 - 1-7-2020) "
        "beslaan samen 22 maanden, niet 20.",
    ),
    Inconsistency(
        "I-uitvoeringsfase", "Uitvoeringsfase van de pilot in maanden: evaluatie tegenover raadsnota",
        Side("§5.5 uitvoeringsfase 1-2-2019 - 1-4-2020", "14 maanden", dates=(date(2019, 2, 1), date(2020, 4, 1)),
             unit="maanden"),
        Side("Raadsnota 1-3-2019 t/m 1-3-2020", "12 maanden", dates=(date(2019, 3, 1), date(2020, 3, 1)),
             unit="maanden"),
        "De pilot duurt volgens de evaluatie 14 maanden, volgens de raadsnota 12.",
    ),
    Inconsistency(
        "I-na-rapport", "Controleavonden na de rapportdatum (12-01-2020) vallen buiten §6.1",
        Side("§6.1: resultaten tot de rapportdatum", "0", value=0.0),
        Side("Controleavonden van de pilot na 12-01-2020", "(uit rijen)", pilot.periode, "buiten_opgegeven",
             kwargs={"eind": date(2020, 1, 12)}),
        "De uitvoeringsfase loopt tot 1 april 2020, het rapport is van 12 januari 2020: latere avonden kunnen niet "
        "in de gepubliceerde cijfers zitten.",
    ),
    Inconsistency(
        "I-onderzoeksduur", "Looptijd onderzoek: '20 weken' tegenover 26 augustus 2019 - 26 januari 2020",
        Side("§2.7 looptijd onderzoek", "20 weken", value=20.0, unit="weken"),
        Side("§2.7 fasen: 26-8-2019 tot 26-1-2020", "26-8-2019 - 26-1-2020",
             dates=(date(2019, 8, 26), date(2020, 1, 26)), unit="weken"),
        "De eigen fasedata beslaan ruim 21 weken; bovendien is het rapport gedateerd 12-01-2020, vóór het einde "
        "van de eigen afrondingsfase.",
    ),
    Inconsistency(
        "I-kapiteins", "'negen kapiteins op één schip': 8 gemeentelijke projectleiders + 1 projectleider",
        Side("§7.2 knelpunt 2", "negen", value=9.0),
        Side("Gemeenten met controleavonden van de pilot + 1 projectleider", "8 + 1", pilot.gemeenten_met_avonden,
             "gemeenten", add=1.0),
        "Consistent als elke van de 8 gemeenten een eigen projectleider heeft naast de projectleider van VTH De "
        "Kempen; de berekende kant telt de gemeenten in de rijen van de pilot, de +1 staat in de tekst.",
    ),
    Inconsistency(
        "I-energie", "Fraude met energiemeters: 17 in de top 10, Enexis 9 + 8",
        Side("Top 10: fraude met energiemeters", "17", overtredingen.top_overtredingen, "overtredingen",
             {"categorie": "fraude energiemeters"}, kwargs=_TOP_PIT),
        Side("Enexis: 9 diefstal/fraude + 8 meters vervangen", "9 + 8", pit.resultaten, "aantal",
             {"organisatie": "ENEXIS",
              "soort": ("diefstal/fraude stroom", "meters vervangen")}),
        "Gelijk in aantal, maar '8 keer meters vervangen voor verder onderzoek' is nog geen vastgestelde fraude: "
        "de top 10 telt die toch als overtreding.",
    ),
    Inconsistency(
        "I-adresfraude", "Adresfraude: 54 in de top 10, gemeenten 32 uitgeschreven + 9 ingeschreven",
        Side("Top 10: adresfraude", "54", overtredingen.top_overtredingen, "overtredingen",
             {"categorie": "adresfraude"}, kwargs=_TOP_PIT),
        Side("Gemeenten: 32 uitgeschreven + 9 ingeschreven", "32 + 9", pit.resultaten, "aantal",
             {"organisatie": "GEMEENTE", "soort": ("uitgeschreven uit brp", "ingeschreven in brp")}),
        "Uit- en inschrijvingen in de BRP zijn minder talrijk dan de gevallen van adresfraude: een deel van de "
        "adresfraude heeft geen zichtbare afloop in de BRP.",
    ),
    Inconsistency(
        "I-brand-eisen", "Brandveiligheidseisen: top 10 tegenover VRBZO (beide 12 gepubliceerd)",
        Side("Top 10: niet voldaan aan de brandveiligheidseisen", "12", overtredingen.top_overtredingen,
             "overtredingen", {"categorie": "brandveiligheidseisen"}, kwargs=_TOP_PIT),
        Side("VRBZO: niet voldaan aan de brandveiligheidseisen", "12", pit.resultaten, "aantal",
             {"organisatie": "VRBZO", "soort": "niet voldaan aan brandveiligheidseisen"}),
        "Consistent: de top 10 en de VRBZO noemen hetzelfde aantal.",
    ),
    Inconsistency(
        "I-brandgevaar", "Brandgevaarlijke situatie: top 10 tegenover VRBZO (beide 14 gepubliceerd)",
        Side("Top 10: brandgevaarlijke situatie", "14", overtredingen.top_overtredingen, "overtredingen",
             {"categorie": "brandgevaarlijke situatie"}, kwargs=_TOP_PIT),
        Side("VRBZO: brandgevaarlijke situatie aangetroffen", "14", pit.resultaten, "aantal",
             {"organisatie": "VRBZO", "soort": "brandgevaarlijke situatie"}),
        "Consistent: de top 10 en de VRBZO noemen hetzelfde aantal.",
    ),
    Inconsistency(
        "I-brp-niet-ingeschreven", "'Niet ingeschreven in de BRP' (80%) is niet 'in overtreding op de BRP' (40%)",
        Side("§6.1: niet ingeschreven (100% - 20%)", "80%", pilot.brp_registratie, "aandeel_pct",
             {"kengetal": "niet ingeschreven"}),
        Side("§6.1: in overtreding op de BRP", "40%", pilot.brp_registratie, "aandeel_pct",
             {"kengetal": "in overtreding BRP"}),
        "Inschrijving in de BRP is pas verplicht bij een verblijf van meer dan vier maanden (binnen zes maanden); "
        "wie korter blijft en niet ingeschreven is, is niet in overtreding. Zie ook de regel 'niet ingeschreven, "
        "verblijf > 4 maanden' in de toelichting.",
        same_thing=False,
    ),
    Inconsistency(
        "I-brand-adressen", "8% brandveiligheid kan niet 'van de 42 adressen' zijn",
        Side("§6.1: 8% op basis personen", "8%", pilot.overtredingen, "aandeel_pct",
             {"groep": "brandveiligheid", "basis": "personen"}),
        Side("Zelfde overtreding op basis bezochte adressen", "3/42 = 7,1% of 4/42 = 9,5%", pilot.overtredingen,
             "aandeel_pct", {"groep": "brandveiligheid", "basis": "adressen"}),
        "Van 42 adressen is 8% geen heel aantal; daarom worden de overtredingspercentages gelezen als aandeel van "
        "de aangetroffen personen.",
        same_thing=False,
    ),
    Inconsistency(
        "I-ind", "Raadsnota noemt de IND als partner van de pilot, §5.3 niet",
        Side("Evaluatie §5.3: IND geen convenantpartner", "0", value=0.0),
        Side("Deelnames van de IND aan controleavonden van de pilot", "(uit rijen)", pilot.deelname_partner, "avonden",
             {"partner": "IND"}),
        "De raadsnota noemt als externe partners van de pilot 'het UWV, de Belastingdienst, de Inspectie Sociale "
        "Zaken en Werkgelegenheid, de Immigratie- en Naturalisatiedienst, de Sociale Verzekeringsbank en de "
        "Politie'; de evaluatie (§5.3) noemt geen Immigratie- en Naturalisatiedienst (IND) maar wel de AVIM.",
    ),
    Inconsistency(
        "I-persberichten-peildatum", "PIT: 'stand van zaken november 2017' (persberichten) tegenover de infographic "
        "'op 31-12-2017'",
        Side("Communicatie: 'ca. 30 persberichten ... (stand van zaken november 2017)' (berekend: t/m 30-11-2017)",
             "ca. 30", pit.opvolging, "stappen", {"soort": "persbericht"}, {"team": "PIT", "tot": date(2017, 11, 30)}),
        Side("Infographic: 'Stand van zaken ... op 31-12-2017' (berekend: persberichten t/m 31-12-2017)",
             "(niet gedrukt)", pit.opvolging, "stappen", {"soort": "persbericht"},
             {"team": "PIT", "tot": date(2017, 12, 31)}),
        "Hetzelfde document gebruikt twee peildata: de infographic staat op 31-12-2017, het aantal persberichten op "
        "november 2017. Berekend uit de rijen: de persberichten tot en met 30 november en tot en met 31 december; "
        "zijn die gelijk, dan maakt het verschil in peildatum voor dit cijfer niets uit.",
    ),
    Inconsistency(
        "I-sluitingen", "PIT: '8 objecten direct gesloten ivm brandgevaar' en '3 woningen en 2 bedrijfspanden door de "
        "burgemeester gesloten'",
        Side("Gemeenten: 8 objecten werden direct gesloten ivm brandgevaar", "8", pit.resultaten, "aantal",
             {"organisatie": "GEMEENTE", "soort": "object gesloten ivm brandgevaar"}),
        Side("Gemeenten: 3 woningen en 2 bedrijfspanden werden door de burgemeester gesloten", "3 + 2",
             pit.resultaten, "aantal", {"organisatie": "GEMEENTE",
                                        "soort": ("woning gesloten door burgemeester",
                                                  "bedrijfspand gesloten door burgemeester")}),
        "Twee verschillende begrippen: een directe sluiting wegens brandgevaar en een sluiting door de burgemeester "
        "zijn aparte regels in de infographic, elk uit eigen rijen berekend. 8 en 5 hoeven dus niet gelijk te zijn; "
        "of dezelfde objecten in beide regels zitten, zegt het document niet.",
        same_thing=False,
    ),
    Inconsistency(
        "I-buitenom", "Project Buitenom: 'de 6 gemeenten' tegenover vijf genoemde gemeenten",
        Side("§6.2.3 citaat: 'binnen de 6 gemeenten'", "6", value=6.0),
        Side("§6.2.3: Boxtel, Haaren, Meierijstad, Sint Michielsgestel en Vught", "vijf namen", value=5.0),
        "Binnen hetzelfde document: vijf gemeenten genoemd, zes in het citaat (geen rijen; ter informatie).",
    ),
)
"""Inconsistencies between and within the documents; both sides computed from rows where possible."""
