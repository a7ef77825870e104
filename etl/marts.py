"""The marts: what metrics/, ui/, report/ and pages/ read (etl/warehouse.sql), each column described with its unit.

fct_* marts are facts (one row per event or record: a control evening, a visit, a follow-up step, a load run; the
large ones are tables the loader materialises, etl/refresh.py, the rest views);
dim_* views are dimensions (what facts point at: municipalities, teams, partners, questions, files in force).
`MARTS` is the column catalogue; tests/etl/test_marts.py holds it to a freshly built warehouse (every column of
every mart described, no description of a column that does not exist). `mart_tests` are the loader's data tests on
the marts (unique keys, not null, accepted values, relationships, rows kept one for one), one aggregate query
per mart so that the load does not get slower per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from etl import contract

UNITS: dict[str, str] = {
    "id": "identifier as delivered (text, or a number for a question); unique where it is the mart's key",
    "code": "code of a dimension (text), e.g. GM0753, KIT, POLITIE",
    "naam": "display name (Dutch text)",
    "tekst": "free or categorical text (Dutch)",
    "datum": "calendar date",
    "maand": "first day of a calendar month (date)",
    "tijdstip": "date and time (local, to the microsecond)",
    "aantal": "count (integer)",
    "personen": "number of persons (integer)",
    "euro": "amount in euro (decimal)",
    "euro per maand": "amount in euro per month (decimal)",
    "maanden": "duration in months (decimal)",
    "km": "length in kilometres",
    "km2": "area in square kilometres",
    "graden": "WGS84 degrees",
    "jaar": "calendar year (integer)",
    "ja/nee": "boolean (true/false)",
    "ja/nee/onbekend": "text: ja, nee or onbekend",
    "pseudoniem": "keyed pseudonym (text) made at load; the same input gives the same pseudonym, never the input",
    "pc4": "the four digits of a Dutch postcode (text)",
    "rijnummer": "1-based Excel row number (integer)",
    "hoeveelheid": "quantity in the unit of the column eenheid",
    "sha256": "SHA-256 hash of a file (hex text)",
}
"""Every unit a mart column may have, with what it means."""


@dataclass(frozen=True)
class Col:
    """One mart column: its unit (a key of UNITS) and what it holds."""

    unit: str
    description: str


@dataclass(frozen=True)
class Mart:
    """One mart view: what a row is, its columns, and its data tests.

    key: columns unique together (also not null); not_null: further columns never NULL; accepted: allowed values of
    a text column (NULL passes); relationships: column -> (mart, column) it must point at (NULL passes); rows_of: a
    FROM clause whose row count the mart must equal (no row lost or doubled by its joins).

    A mart's tests check what its joins add (keys, completeness, context columns, derived columns, codes against the
    small dimensions); values and links passed through from staging are tested there already, and testing them
    again would evaluate the large fact views once more per build.
    """

    description: str
    columns: dict[str, Col]
    key: tuple[str, ...] = ()
    not_null: tuple[str, ...] = ()
    accepted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relationships: dict[str, tuple[str, str]] = field(default_factory=dict)
    rows_of: str | None = None


def _allowed(sheet: str, column: str) -> tuple[str, ...]:
    """The accepted values of a contract column (jn: ja, nee, onbekend)."""
    col = next(s for k in contract.KINDS for s in k.sheets if s.name == sheet).column(column)
    return col.allowed or (("ja", "nee", "onbekend") if col.type == "jn" else ())


_CONTEXT = {
    "controleavond_id": Col("id", "the control evening (fct_controleavond.controleavond_id)"),
    "datum": Col("datum", "date of the control evening"),
    "maand": Col("maand", "month of the control evening"),
    "team": Col("code", "team that held the control evening (dim_team.code)"),
    "gemeente_code": Col("code", "CBS code of the municipality of the control evening (dim_gemeente.code)"),
    "gemeente": Col("naam", "name of that municipality (dim_gemeente.naam)"),
    "thema": Col("tekst", "theme of the control evening"),
    "object_type": Col("tekst", "kind of object visited (woning, loods, ...)"),
}


def _context(*names: str) -> dict[str, Col]:
    return {n: _CONTEXT[n] for n in names}


_EVENING = ("controleavond_id", "datum", "maand", "team", "gemeente_code", "gemeente", "thema")
_TO_TEAM = {"team": ("dim_team", "code")}
_TO_GEMEENTE = {"gemeente_code": ("dim_gemeente", "code")}

_BEVINDING = {
    "bevinding_id": Col("id", "the finding"),
    "bezoek_id": Col("id", "the visit it was made on (fct_bezoek.bezoek_id)"),
    "persoon_id": Col("id", "the person it is about (fct_persoon.persoon_id); NULL: about the object"),
    "categorie": Col("code", "category (dim_bevindingcategorie.code)"),
    "categorie_naam": Col("naam", "display label of the category (NULL when the category is not in the list)"),
    "groep": Col("tekst", "coarse group of the category (BRP, ruimtelijk, brandveiligheid, ...)"),
    "overtreding": Col("ja/nee", "the finding is a violation"),
    "partner": Col("code", "partner that established the finding (dim_partner.code)"),
    "toelichting": Col("tekst", "free text (no names or BSNs)"),
    **_context(*_EVENING, "object_type"),
    "personen_op_bezoek": Col("personen", "persons found on the visit (fct_bezoek.aantal_personen)"),
}

MARTS: dict[str, Mart] = {
    # ------------------------------------------------------------------------------------------------ facts
    "fct_controleavond": Mart(
        "one row per control evening (PIT: actie), with its municipality and counts",
        {**_context(*_EVENING),
         "aantal_deelnemers": Col("personen", "participants in the control evening as delivered"),
         "aantal_partners": Col("aantal", "partners present (fct_deelname rows of the evening)"),
         "aantal_bezoeken": Col("aantal", "visits made that evening (fct_bezoek rows)")},
        key=("controleavond_id",), not_null=("datum", "maand", "team", "gemeente_code", "gemeente", "thema"),
        relationships={**_TO_TEAM, **_TO_GEMEENTE}, rows_of="stg_controleavonden"),
    "fct_deelname": Mart(
        "one row per partner present at a control evening",
        {"controleavond_id": _CONTEXT["controleavond_id"],
         "partner": Col("code", "partner present (dim_partner.code)"),
         "partner_naam": Col("naam", "display name of the partner"),
         "partner_soort": Col("tekst", "kind of partner (gemeente, politie, rijk, ...)"),
         **_context("datum", "maand", "team", "gemeente_code", "gemeente", "thema")},
        key=("controleavond_id", "partner"), not_null=("partner_naam", "team", "gemeente"),
        relationships={"partner": ("dim_partner", "code")}, rows_of="stg_deelname"),
    "fct_bezoek": Mart(
        "one row per visited object (address) on a control evening",
        {"bezoek_id": Col("id", "the visit"), **_context(*_EVENING, "object_type"),
         "pc4": Col("pc4", "postcode of the object, four digits only"),
         "adres_pseudoniem": Col("pseudoniem", "street and house number of the object, pseudonymised"),
         "eigenaar_pseudoniem": Col("pseudoniem", "owner or landlord of the object, pseudonymised"),
         "aantal_personen": Col("personen", "persons found at the visit")},
        key=("bezoek_id",), not_null=("controleavond_id", "team", "gemeente", "object_type", "aantal_personen"),
        rows_of="stg_bezoeken"),
    "fct_persoon": Mart(
        "one row per person found and questioned (vragenformulier), with the visit's context",
        {"persoon_id": Col("id", "form number of the person"),
         "bezoek_id": Col("id", "the visit the person was found on (fct_bezoek.bezoek_id)"),
         "naam_pseudoniem": Col("pseudoniem", "name of the person, pseudonymised"),
         "nationaliteit": Col("tekst", "nationality as an adjective (Pools, Roemeens, ...; Overig or Onbekend)"),
         "huurovereenkomst": Col("ja/nee/onbekend", "has a written rental contract"),
         "huur_per_maand": Col("euro per maand", "rent paid"),
         "huur_betaalwijze": Col("tekst", "how the rent is paid (ingehouden op loon, bank, contant, ...)"),
         "ingeschreven_brp": Col("ja/nee/onbekend", "says to be registered in the BRP"),
         "verblijfsduur_maanden": Col("maanden", "how long the person has stayed at the address so far"),
         "uitzendbureau": Col("tekst", "employment agency or employer (an organisation, not a person)"),
         "zorgverzekering": Col("ja/nee/onbekend", "has a health insurance"),
         **_context(*_EVENING, "object_type")},
        key=("persoon_id",), not_null=("bezoek_id", "team", "gemeente"),
        rows_of="stg_personen"),
    "fct_bevinding": Mart(
        "one row per finding (about an object or one person), with the visit's context",
        _BEVINDING, key=("bevinding_id",), not_null=("bezoek_id", "categorie", "overtreding", "partner", "team"),
        rows_of="stg_bevindingen"),
    "fct_overtreding": Mart(
        "one row per violation (a finding with overtreding true) and whether it was followed up",
        {**_BEVINDING, "opgevolgd": Col("ja/nee", "at least one follow-up step (fct_opvolging) names the violation")},
        key=("bevinding_id",), not_null=("opgevolgd", "team"), rows_of="stg_bevindingen WHERE overtreding"),
    "fct_partnerresultaat": Mart(
        "one row per partner, kind of result and (when known) control evening",
        {"resultaat_id": Col("id", "line number of the result"),
         "team": Col("code", "team whose action the result comes from (dim_team.code)"),
         "partner": Col("code", "partner that achieved the result (dim_partner.code)"),
         "controleavond_id": Col("id", "control evening it comes from, when known (fct_controleavond)"),
         "soort": Col("tekst", "kind of result (onderzoek, beëindiging, terugvordering, boeterapport, ...)"),
         "aantal": Col("aantal", "how many times"),
         "hoeveelheid": Col("hoeveelheid", "quantity, when the result has one (e.g. 214 gram)"),
         "eenheid": Col("tekst", "unit of hoeveelheid (gram, stuks, ...)"),
         "bedrag_eur": Col("euro", "money result"),
         "datum": Col("datum", "date the result was established or reported"),
         "partner_naam": Col("naam", "display name of the partner"),
         "gemeente_code": Col("code", "municipality of the control evening (NULL: no evening known)"),
         "gemeente": Col("naam", "name of that municipality")},
        key=("resultaat_id",), not_null=("team", "partner", "partner_naam", "soort", "aantal", "datum"),
        relationships=_TO_TEAM, rows_of="stg_partnerresultaten"),
    "fct_opvolging": Mart(
        "one row per follow-up step, with the violation and control evening it follows up",
        {"opvolging_id": Col("id", "the step"),
         "bevinding_id": Col("id", "violation followed up (NULL: a step for the whole action)"),
         "controleavond_id": Col("id", "control evening named by the step itself (steps without one violation)"),
         "organisatie": Col("code", "responsible organisation (dim_partner.code)"),
         "afdeling": Col("tekst", "responsible department"),
         "soort": Col("tekst", "kind of follow-up (hercontrole, brief, persbericht, ...)"),
         "datum_start": Col("datum", "date the step was taken"),
         "deadline": Col("datum", "due date"),
         "status": Col("tekst", "status of the step"),
         "datum_gesloten": Col("datum", "date completed"),
         "resultaat": Col("tekst", "result of the step"),
         "team": Col("code", "team of the violation, else of the step's control evening"),
         "gemeente_code": Col("code", "municipality of the violation, else of the step's control evening"),
         "gemeente": Col("naam", "name of that municipality"),
         "categorie": Col("code", "category of the violation (NULL: whole action)"),
         "overtreding": Col("ja/nee", "the finding followed up is a violation (NULL: whole action)"),
         "avond_id": Col("id", "the control evening followed up (the violation's, else the step's own)"),
         "avond_datum": Col("datum", "date of that control evening"),
         "organisatie_naam": Col("naam", "display name of the responsible organisation"),
         "categorie_naam": Col("naam", "display name of the violation's category (NULL: whole action)")},
        key=("opvolging_id",), not_null=("organisatie", "soort", "datum_start", "status"),
        relationships={**_TO_TEAM, **_TO_GEMEENTE}, rows_of="stg_opvolging"),
    "fct_signaal": Mart(
        "one row per signal (tip) brought in",
        {"signaal_id": Col("id", "the signal"),
         "datum": Col("datum", "date received"),
         "team": Col("code", "team the signal was brought to (dim_team.code)"),
         "gemeente_code": Col("code", "municipality of the address (dim_gemeente.code)"),
         "bron_partner": Col("code", "partner that brought the signal in (dim_partner.code)"),
         "thema": Col("tekst", "theme"),
         "adres_pseudoniem": Col("pseudoniem", "address, pseudonymised"),
         "pc4": Col("pc4", "postcode of the address, four digits only"),
         "casustafel_datum": Col("datum", "date of the case meeting that discussed the signal"),
         "uitkomst": Col("tekst", "what happened with the signal"),
         "controleavond_id": Col("id", "control evening that followed, if any (fct_controleavond)"),
         "gemeente": Col("naam", "name of the municipality"),
         "bron_partner_naam": Col("naam", "display name of the source partner")},
        key=("signaal_id",), not_null=("datum", "team", "gemeente", "bron_partner_naam", "uitkomst"),
        relationships=_TO_TEAM, rows_of="stg_signalen"),
    "fct_antwoord": Mart(
        "one row per respondent, question and coder: the answer and the code that coder gave",
        {"respondent_id": Col("id", "the respondent (dim_respondent.respondent_id)"),
         "vraag_nr": Col("id", "question number (dim_vraag.vraag_nr)"),
         "vraag": Col("tekst", "the question as asked"),
         "antwoord": Col("tekst", "the answer as written out (empty: not asked)"),
         "code": Col("tekst", "code given: positief, negatief, neutraal or niet gevraagd"),
         "codeur": Col("tekst", "who coded"),
         "team": Col("code", "team evaluated (dim_team.code)"),
         "organisatie": Col("code", "organisation of the respondent (dim_partner.code)"),
         "rol": Col("tekst", "role of the respondent in the project"),
         "gemeente_code": Col("code", "municipality of a municipal respondent (NULL: not municipal)"),
         "mee_op_controleavond": Col("ja/nee/onbekend", "the respondent joined at least one control evening")},
        key=("respondent_id", "vraag_nr", "codeur"), not_null=("vraag", "code", "team", "organisatie"),
        accepted={"code": _allowed("Antwoorden", "code")},
        relationships={"respondent_id": ("dim_respondent", "respondent_id"), "vraag_nr": ("dim_vraag", "vraag_nr")},
        rows_of="stg_antwoorden"),
    "fct_team_gemeente": Mart(
        "one row per team and municipality where the team held control evenings",
        {"team": Col("code", "the team (dim_team.code)"),
         "gemeente_code": Col("code", "the municipality (dim_gemeente.code)"),
         "controleavonden": Col("aantal", "control evenings of the team there"),
         "eerste_avond": Col("datum", "date of the first of them"),
         "laatste_avond": Col("datum", "date of the last of them")},
        key=("team", "gemeente_code"), not_null=("controleavonden", "eerste_avond", "laatste_avond"),
        relationships={**_TO_TEAM, **_TO_GEMEENTE}),
    "fct_interventie": Mart(
        "one row per intervention in one municipality: the treatment area and its window",
        {"interventie_id": Col("id", "the intervention"),
         "team": Col("code", "team that carried it out (dim_team.code)"),
         "gemeente_code": Col("code", "municipality (dim_gemeente.code)"),
         "gemeente": Col("naam", "name of the municipality"),
         "regio": Col("tekst", "region of the municipality (dim_gemeente.regio)"),
         "datum_start": Col("datum", "first day (inclusive)"),
         "datum_eind": Col("datum", "last day (inclusive); NULL: still running"),
         "thema": Col("code", "theme (dim_thema.code)"),
         "thema_naam": Col("naam", "display name of the theme (NULL when not in the list)"),
         "omschrijving": Col("tekst", "what was done (no names or BSNs)")},
        key=("interventie_id",), not_null=("team", "gemeente", "datum_start"),
        relationships={**_TO_TEAM, **_TO_GEMEENTE}, rows_of="stg_interventies"),
    "fct_laadronde": Mart(
        "one row per raw file per load run (history)",
        {"run_id": Col("id", "the load run"),
         "gestart_op": Col("tijdstip", "when the run started"),
         "bestand": Col("tekst", "file path relative to the raw folder"),
         "status": Col("tekst", "geladen, ongewijzigd, afgewezen, verwijderd or teruggezet"),
         "rijen": Col("aantal", "rows loaded (0 when rejected)"),
         "afgewezen": Col("aantal", "problems found"),
         "melding": Col("tekst", "summary (Dutch)")},
        key=("run_id", "bestand"), not_null=("gestart_op", "status", "rijen", "afgewezen"),
        accepted={"status": ("geladen", "ongewijzigd", "afgewezen", "verwijderd", "teruggezet")},
        rows_of="meta_laadronde"),
    "fct_afwijzing": Mart(
        "one row per problem found, per file per load run",
        {"run_id": Col("id", "the load run (fct_laadronde.run_id)"),
         "bestand": Col("tekst", "file path relative to the raw folder"),
         "blad": Col("tekst", "sheet name as delivered"),
         "rij": Col("rijnummer", "row in that sheet"),
         "kolom": Col("tekst", "column as delivered"),
         "waarde": Col("tekst", "the value found"),
         "regel": Col("tekst", "rule broken (short code)"),
         "melding": Col("tekst", "message (Dutch) naming file, sheet, row, column, value and rule")},
        not_null=("run_id", "bestand", "regel", "melding"), rows_of="meta_afwijzing"),
    "fct_geladen_rijen": Mart(
        "one row per raw file and contract sheet: rows in the warehouse that came from that file (lineage)",
        {"bestand": Col("tekst", "file path relative to the raw folder (dim_bestand.bestand)"),
         "blad": Col("tekst", "contract sheet, or <sheet>.<column> for a list column "
                              "(Controleavonden.aanwezige_partners)"),
         "rijen": Col("aantal", "rows in the warehouse")},
        key=("bestand", "blad"), not_null=("rijen",)),
    # ------------------------------------------------------------------------------------------------ dimensions
    "dim_gemeente": Mart(
        "one row per municipality (CBS), Kempen, Peelland and their neighbours",
        {"code": Col("code", "CBS code GMxxxx"),
         "naam": Col("naam", "official name"),
         "regio": Col("tekst", "Kempen | Peelland | Kempen-neighbour"),
         "lat": Col("graden", "latitude of the centroid"),
         "lon": Col("graden", "longitude of the centroid"),
         "x_km": Col("km", "centroid east of 5.45 E (flat plane: equirectangular at 51.45 N)"),
         "y_km": Col("km", "centroid north of 51.45 N (same plane)"),
         "oppervlakte_km2": Col("km2", "total area"),
         "inwoners": Col("personen", "population on 1 January of inwoners_jaar"),
         "inwoners_jaar": Col("jaar", "year of the population count"),
         "grenst_aan_belgie": Col("ja/nee", "shares a border with Belgium"),
         "grens_belgie_km": Col("km", "length of the border with Belgium (0: none)")},
        key=("code",), not_null=("naam", "regio"), rows_of="ref_gemeente"),
    "dim_grens": Mart(
        "one row per pair of bordering municipalities",
        {"code_a": Col("code", "one municipality (CBS code)"),
         "naam_a": Col("naam", "its name"),
         "code_b": Col("code", "the other municipality (CBS code)"),
         "naam_b": Col("naam", "its name"),
         "grenslengte_km": Col("km", "shared border (>= 0.1 km counts as bordering)")},
        key=("code_a", "code_b"), rows_of="ref_grens"),
    "dim_partner": Mart(
        "one row per partner organisation",
        {"code": Col("code", "partner code used everywhere (GEMEENTE, POLITIE, AVIM, UWV, ...)"),
         "naam": Col("naam", "display name"),
         "soort": Col("tekst", "gemeente | politie | rijk | veiligheidsregio | ...")},
        key=("code",), not_null=("naam", "soort"), rows_of="ref_partner"),
    "dim_team": Mart(
        "one row per team and its period",
        {"code": Col("code", "KIT-pilot | KIT | PIT (or a team delivered in a teams file)"),
         "naam": Col("naam", "full name of the team"),
         "regio": Col("tekst", "region: its municipalities (dim_gemeente.regio) belong to the team"),
         "periode_start": Col("datum", "first day of the team's period (inclusive)"),
         "periode_eind": Col("datum", "last day (inclusive); for an ongoing team the load date"),
         "bron_periode": Col("tekst", "where the period comes from"),
         "data_start": Col("datum", "first date in the team's data (control evenings, signals, partner results); "
                           "NULL: no data"),
         "data_eind": Col("datum", "last date in the team's data (control evenings, signals, partner results)")},
        key=("code",), not_null=("naam", "regio", "periode_start", "periode_eind"), rows_of="ref_team"),
    "dim_thema": Mart(
        "one row per theme",
        {"code": Col("code", "theme as stored in the facts"), "naam": Col("naam", "display name")},
        key=("code",), not_null=("naam",), rows_of="ref_thema"),
    "dim_bevindingcategorie": Mart(
        "one row per category of finding",
        {"code": Col("code", "category as stored in fct_bevinding.categorie"),
         "naam": Col("naam", "display label"),
         "groep": Col("tekst", "coarse group: BRP, ruimtelijk, brandveiligheid, milieu, arbeid, ..., overig")},
        key=("code",), not_null=("naam", "groep"), rows_of="ref_bevindingcategorie"),
    "dim_benchmark": Mart(
        "one row per published figure of another team (HAM/KIT evaluation §6.2.3): text, no rows behind it",
        {"id": Col("id", "the figure"),
         "team": Col("tekst", "the team or project as named in the source"),
         "periode": Col("tekst", "its period as printed (niet genoemd when the source gives none)"),
         "gemeenten": Col("tekst", "municipalities named, '; ' separated"),
         "aantal_gemeenten": Col("aantal", "how many municipalities are named"),
         "soort": Col("tekst", "aantal (a count) | jaartal (a year) | geen (no figure printed)"),
         "wat": Col("tekst", "what was counted"),
         "waarde_laag": Col("aantal", "the printed value (low end of a range; a year when soort is jaartal); "
                                      "NULL when none is printed"),
         "waarde_hoog": Col("aantal", "high end of a range (= waarde_laag for a single value)"),
         "gedrukt": Col("tekst", "the value with its qualifier as printed (350 tot 400)"),
         "bron": Col("tekst", "where the figure is printed"),
         "opmerking": Col("tekst", "what the figure allows and does not allow")},
        key=("id",), not_null=("team", "periode", "soort", "wat", "bron"),
        accepted={"soort": ("aantal", "jaartal", "geen")}, rows_of="ref_benchmark"),
    "dim_vraag": Mart(
        "one row per interview question, with definition and codebook",
        {"vraag_nr": Col("id", "question number"),
         "vraag": Col("tekst", "the question as asked"),
         "definitie": Col("tekst", "definition given with the question"),
         "codeboek_positief": Col("tekst", "what counts as a positive answer"),
         "codeboek_negatief": Col("tekst", "what counts as a negative answer"),
         "codeboek_neutraal": Col("tekst", "what counts as a neutral answer")},
        key=("vraag_nr",), not_null=("vraag",), rows_of="stg_vragen"),
    "dim_respondent": Mart(
        "one row per project participant (interviewed or not); no names",
        {"respondent_id": Col("id", "the participant"),
         "team": Col("code", "team evaluated (dim_team.code)"),
         "organisatie": Col("code", "organisation (dim_partner.code)"),
         "rol": Col("tekst", "role in the project"),
         "gemeente_code": Col("code", "municipality, for municipal staff (NULL: not municipal)"),
         "mee_op_controleavond": Col("ja/nee/onbekend", "joined at least one control evening"),
         "geinterviewd": Col("ja/nee/onbekend", "was interviewed for the evaluation")},
        key=("respondent_id",), not_null=("team", "organisatie", "rol"),
        accepted={c: _allowed("Respondenten", c) for c in ("mee_op_controleavond", "geinterviewd")},
        relationships={**_TO_TEAM, **_TO_GEMEENTE}, rows_of="stg_respondenten"),
    "dim_codeur": Mart(
        "one row per coder named in an interview workbook (Codeurs sheet) and team",
        {"team": Col("code", "team whose interviews were coded (dim_team.code)"),
         "codeur": Col("tekst", "name of the coder as in fct_antwoord.codeur"),
         "primair": Col("ja/nee", "the team's primary coder: the published §6.2.1 counts use their codes"),
         "antwoorden": Col("aantal", "answers (respondent and question) this coder coded for the team")},
        key=("team", "codeur"), not_null=("primair", "antwoorden"), relationships=_TO_TEAM, rows_of="stg_codeurs"),
    "dim_bestand": Mart(
        "one row per raw file currently in force",
        {"bestand": Col("tekst", "file path relative to the raw folder"),
         "soort": Col("tekst", "contract kind of the file"),
         "mapping": Col("tekst", "layout (mapping) the file was read with"),
         "sha256": Col("sha256", "hash of the version in force"),
         "geladen_op": Col("tijdstip", "when this version was loaded"),
         "rijen": Col("aantal", "rows loaded over all sheets")},
        key=("bestand",), not_null=("soort", "mapping", "sha256", "geladen_op", "rijen"), rows_of="meta_bestand"),
}
"""The column catalogue of every mart view, with its data tests."""


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def mart_checks(name: str, mart: Mart) -> list[tuple[str, str]]:
    """The data tests of one mart as (Dutch-style label, aggregate expression counting the failing rows)."""
    checks: list[tuple[str, str]] = []
    if mart.key:
        distinct = mart.key[0] if len(mart.key) == 1 else f"row({', '.join(mart.key)})"
        checks.append((f"unique {name}.{'+'.join(mart.key)}", f"count(*) - count(DISTINCT {distinct})"))
    for col in (*mart.key, *mart.not_null):
        checks.append((f"not_null {name}.{col}", f"count(*) FILTER (WHERE {col} IS NULL)"))
    for col, values in mart.accepted.items():
        checks.append((f"accepted_values {name}.{col}",
                       f"count(*) FILTER (WHERE {col} NOT IN ({', '.join(_quote(v) for v in values)}))"))
    for col, (parent, parent_col) in mart.relationships.items():
        checks.append((f"relationships {name}.{col} -> {parent}.{parent_col}",
                       f"count(*) FILTER (WHERE {col} IS NOT NULL "
                       f"AND {col} NOT IN (SELECT {parent_col} FROM {parent}))"))
    if mart.rows_of:
        checks.append((f"rows {name} = {mart.rows_of}", f"abs(count(*) - (SELECT count(*) FROM {mart.rows_of}))"))
    return checks


def mart_tests(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run the data tests of every mart (one aggregate query per mart); one message per failing test."""
    failures: list[str] = []
    for name, mart in MARTS.items():
        checks = mart_checks(name, mart)
        if not checks:
            continue
        counts = con.execute(f"SELECT {', '.join(expr for _, expr in checks)} FROM {name}").fetchone()
        failures += [f"{label}: {count} rij(en)" for (label, _), count in zip(checks, counts, strict=True) if count]
    return failures


def catalogue_markdown() -> str:
    """The catalogue as Markdown (one table per mart): `python -m etl marts` prints it."""
    lines = ["# Marts", "", "Generated from etl/marts.py. Units:", ""]
    lines += [f"- **{unit}**: {meaning}" for unit, meaning in UNITS.items()]
    for name, mart in MARTS.items():
        lines += ["", f"## {name}", "", f"{mart.description[0].upper()}{mart.description[1:]}.", ""]
        if mart.key:
            lines += [f"Key: {', '.join(mart.key)}.", ""]
        lines += ["| column | unit | description |", "|---|---|---|"]
        lines += [f"| {col} | {c.unit} | {c.description} |" for col, c in mart.columns.items()]
    return "\n".join(lines) + "\n"
