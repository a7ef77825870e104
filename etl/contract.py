"""The data contract: every kind of partner spreadsheet, its sheets and columns.

This module is the single source of truth for what a partner delivers. The loader validates
against it, `python -m etl template OUTDIR` writes empty workbooks from it and
`python -m etl contract` renders it as Markdown (docs/datacontract.md is generated from it).

Column types:
    text      free text (trimmed; empty means missing)
    int       whole number (a Dutch word such as "drie" is rejected)
    decimal   number; both "12.5" and the Dutch "12,5" are accepted; unit in `unit`
    date      a date: Excel date, Excel serial, ISO text, "03-04-2019" (day first) or "3 maart 2019"
    jn        yes/no/unknown, stored as 'ja' / 'nee' / 'onbekend'
    enum      one of `allowed` (after the mapping's value translation)
    gemeente  a municipality, stored as its CBS code (GMxxxx); names and synonyms from etl/reference
    partner   a partner organisation, stored as its code from etl/reference/partners.csv
    partners  a ';'-separated list of partners (stored in a bridge table)
    team      a team code from etl/reference/teams.csv
    thema     a theme code from etl/reference/themas.csv
    postcode  a Dutch postcode; only the 4-digit area (pc4) is stored
    pseudonym personal data (a name or a street address): replaced by a keyed pseudonym at load
    bsn       a citizen service number: never stored, dropped at load

`ref` names the sheet.column this column refers to; the loader rejects a row whose reference
does not exist in the same delivery or the warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OBJECT_TYPES = (
    "woning",
    "recreatiewoning/chalet",
    "bedrijfspand",
    "loods",
    "stal",
    "horeca",
    "perceel",
    "woonwagenlocatie",
)
BETAALWIJZEN = ("ingehouden op loon", "bank", "contant", "onbekend")
OPVOLGING_SOORTEN = (
    "handhaving",
    "informatiebrief eigenaar",
    "persbericht",
    "partners informeren",
    "hercontrole",
    "overig",
)
OPVOLGING_STATUSSEN = ("open", "lopend", "afgerond", "vervallen")
SIGNAAL_UITKOMSTEN = ("nieuw", "casustafel", "gecontroleerd", "afgewezen", "doorgezet naar partner")
CODES = ("positief", "negatief", "neutraal", "niet gevraagd")
ROLLEN = (
    "toezichthouder",
    "IVC-er",
    "handhaving",
    "juridisch",
    "projectleider",
    "beleid",
    "partner",
    "politie",
)


@dataclass(frozen=True)
class Column:
    """One column of a contract sheet."""

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    allowed: tuple[str, ...] = ()
    ref: str | None = None
    unit: str | None = None
    minimum: float | None = None
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of a kind; `key` is the column that identifies a row."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: str | None = None
    unique_together: tuple[str, ...] = ()
    team_column: str | None = None
    date_columns_in_period: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name}")


@dataclass(frozen=True)
class Kind:
    """A kind of partner spreadsheet: a workbook with one or more sheets."""

    name: str
    title: str
    description: str
    delivered_by: str
    sheets: tuple[Sheet, ...] = field(default_factory=tuple)

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(f"{self.name} has no sheet {name}")


C = Column

CONTROLES = Kind(
    name="controles",
    title="Controleregistratie",
    delivered_by="gemeente (toezichthouder) of teamleider",
    description="The control evenings of a team in a municipality and the visits made on them.",
    sheets=(
        Sheet(
            name="Controleavonden",
            description="One row per control evening (controleavond / PIT-actie).",
            key="controleavond_id",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C(
                    "controleavond_id",
                    "text",
                    "Identifier of the evening, unique per team",
                    True,
                    True,
                    synonyms=("Controle-ID", "Actienummer", "Nr controle", "ID"),
                ),
                C(
                    "datum",
                    "date",
                    "Date of the evening",
                    True,
                    synonyms=("Datum controle", "Actiedatum", "Datum actie"),
                ),
                C(
                    "team",
                    "team",
                    "Team that held it: KIT-pilot, KIT or PIT",
                    True,
                    synonyms=("Interventieteam", "Project"),
                ),
                C(
                    "gemeente",
                    "gemeente",
                    "Municipality where the evening took place (CBS code)",
                    True,
                    synonyms=("Gemeente controle", "Plaats"),
                ),
                C("thema", "thema", "Theme of the evening", True, synonyms=("Thema controle", "Onderwerp")),
                C(
                    "aanwezige_partners",
                    "partners",
                    "Partner organisations present, separated by ';'",
                    True,
                    synonyms=("Partners aanwezig", "Aanwezig", "Deelnemende partners"),
                ),
                C(
                    "aantal_deelnemers",
                    "int",
                    "People taking part in the evening",
                    unit="personen",
                    minimum=0,
                    synonyms=("Aantal medewerkers", "Deelnemers"),
                ),
            ),
        ),
        Sheet(
            name="Bezoeken",
            description="One row per visited object (address) on a control evening.",
            key="bezoek_id",
            columns=(
                C(
                    "bezoek_id",
                    "text",
                    "Identifier of the visit",
                    True,
                    True,
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "The control evening of this visit",
                    True,
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer", "Nr controle"),
                ),
                C(
                    "adres",
                    "pseudonym",
                    "Street address of the object (pseudonymised at load)",
                    synonyms=("Adres", "Straat en huisnummer", "Locatie"),
                ),
                C("postcode", "postcode", "Postcode; only the 4-digit area is kept", synonyms=("Postcode", "PC")),
                C(
                    "object_type",
                    "enum",
                    "Kind of object",
                    True,
                    allowed=OBJECT_TYPES,
                    synonyms=("Type object", "Soort object", "Objecttype"),
                ),
                C(
                    "eigenaar",
                    "pseudonym",
                    "Owner or landlord (pseudonymised at load)",
                    synonyms=("Eigenaar", "Verhuurder", "Eigenaar/verhuurder"),
                ),
                C(
                    "aantal_personen",
                    "int",
                    "Persons found at the visit",
                    True,
                    unit="personen",
                    minimum=0,
                    synonyms=("Aangetroffen personen", "Aantal aangetroffen", "Personen"),
                ),
            ),
        ),
    ),
)

VRAGENFORMULIEREN = Kind(
    name="vragenformulieren",
    title="Vragenformulieren personen",
    delivered_by="gemeente (formulierenteam)",
    description="The questionnaire of each person found at a visit (vragenformulier in the own language).",
    sheets=(
        Sheet(
            name="Personen",
            description="One row per person found and interviewed.",
            key="persoon_id",
            columns=(
                C(
                    "persoon_id",
                    "text",
                    "Form number, unique",
                    True,
                    True,
                    synonyms=("Formuliernummer", "Nr formulier", "Persoon-ID"),
                ),
                C(
                    "bezoek_id",
                    "text",
                    "The visit where the person was found",
                    True,
                    ref="Bezoeken.bezoek_id",
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "naam",
                    "pseudonym",
                    "Name of the person (pseudonymised at load)",
                    synonyms=("Naam", "Achternaam", "Naam bewoner"),
                ),
                C(
                    "bsn",
                    "bsn",
                    "BSN: never stored, dropped at load",
                    synonyms=("BSN", "Burgerservicenummer", "Sofinummer"),
                ),
                C(
                    "nationaliteit",
                    "text",
                    "Nationality as an adjective (Pools, Roemeens, Nederlands ...)",
                    True,
                    synonyms=("Nationaliteit", "Herkomst", "Afkomst"),
                ),
                C(
                    "huurovereenkomst",
                    "jn",
                    "Has a written rental contract",
                    True,
                    synonyms=("Huurcontract", "Huurovereenkomst aanwezig"),
                ),
                C(
                    "huur_per_maand",
                    "decimal",
                    "Rent per month",
                    unit="euro per maand",
                    minimum=0,
                    synonyms=("Huur per maand", "Huur (EUR/mnd)", "Huurprijs"),
                ),
                C(
                    "huur_betaalwijze",
                    "enum",
                    "How the rent is paid",
                    True,
                    allowed=BETAALWIJZEN,
                    synonyms=("Betaalwijze huur", "Wijze van betalen", "Huur betaald via"),
                ),
                C(
                    "ingeschreven_brp",
                    "jn",
                    "Says to be registered in the BRP",
                    True,
                    synonyms=("Ingeschreven BRP", "BRP", "Inschrijving BRP"),
                ),
                C(
                    "verblijfsduur_maanden",
                    "decimal",
                    "Length of stay at the address so far",
                    unit="maanden",
                    minimum=0,
                    synonyms=("Verblijfsduur (mnd)", "Verblijf maanden", "Duur verblijf"),
                ),
                C(
                    "uitzendbureau",
                    "text",
                    "Temp agency or employer (an organisation, not a person)",
                    synonyms=("Uitzendbureau", "Werkgever", "Uitzendbureau/werkgever"),
                ),
                C("zorgverzekering", "jn", "Has health insurance", True, synonyms=("Zorgverzekering", "Verzekerd")),
            ),
        ),
    ),
)

BEVINDINGEN = Kind(
    name="bevindingen",
    title="Bevindingen",
    delivered_by="gemeente of partner die de bevinding vaststelde",
    description="Findings per visit: what was found, whether it is a violation and who established it.",
    sheets=(
        Sheet(
            name="Bevindingen",
            description="One row per finding; about an object (persoon_id empty) or about one person.",
            key="bevinding_id",
            columns=(
                C(
                    "bevinding_id",
                    "text",
                    "Identifier of the finding",
                    True,
                    True,
                    synonyms=("Bevinding-ID", "Nr bevinding"),
                ),
                C(
                    "bezoek_id",
                    "text",
                    "The visit where it was found",
                    True,
                    ref="Bezoeken.bezoek_id",
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "persoon_id",
                    "text",
                    "The person it is about, empty when about the object",
                    ref="Personen.persoon_id",
                    synonyms=("Formuliernummer", "Persoon-ID"),
                ),
                C(
                    "categorie",
                    "text",
                    "Category of the finding (catalogue in etl/reference/bevindingcategorieen.csv)",
                    True,
                    synonyms=("Categorie", "Soort bevinding", "Overtreding"),
                ),
                C(
                    "overtreding",
                    "jn",
                    "Whether the finding is a violation",
                    True,
                    synonyms=("Is overtreding", "Overtreding ja/nee"),
                ),
                C(
                    "partner",
                    "partner",
                    "Partner organisation that established it",
                    True,
                    synonyms=("Vastgesteld door", "Organisatie", "Partner"),
                ),
                C("toelichting", "text", "Free text", synonyms=("Opmerking", "Toelichting")),
            ),
        ),
    ),
)

PARTNERRESULTATEN = Kind(
    name="partnerresultaten",
    title="Partnerresultaten",
    delivered_by="elke partnerorganisatie",
    description="What each partner achieved from the team's actions: counts, quantities and money.",
    sheets=(
        Sheet(
            name="Resultaten",
            description="One row per partner, result kind and (where known) control evening.",
            key="resultaat_id",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C("resultaat_id", "text", "Identifier of the row", True, True, synonyms=("Regelnummer", "ID")),
                C(
                    "team",
                    "team",
                    "Team whose action this result stems from",
                    True,
                    synonyms=("Interventieteam", "Project"),
                ),
                C(
                    "partner",
                    "partner",
                    "Partner organisation that achieved it",
                    True,
                    synonyms=("Organisatie", "Partner"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "The control evening it stems from, if known",
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer"),
                ),
                C(
                    "soort",
                    "text",
                    "Kind of result (onderzoek, beëindiging, terugvordering, boeterapport, aanhouding ...)",
                    True,
                    synonyms=("Soort resultaat", "Resultaat", "Actie"),
                ),
                C("aantal", "int", "How many times", True, unit="keer", minimum=0, synonyms=("Aantal", "Keer")),
                C(
                    "hoeveelheid",
                    "decimal",
                    "A quantity, when the result has one (e.g. 214 gram)",
                    minimum=0,
                    synonyms=("Hoeveelheid",),
                ),
                C("eenheid", "text", "Unit of hoeveelheid (gram, stuks ...)", synonyms=("Eenheid",)),
                C(
                    "bedrag_eur",
                    "decimal",
                    "Money result",
                    unit="euro",
                    minimum=0,
                    synonyms=("Bedrag", "Bedrag (EUR)", "Bedrag in euro"),
                ),
                C(
                    "datum",
                    "date",
                    "Date the result was established or reported",
                    True,
                    synonyms=("Datum", "Datum resultaat"),
                ),
            ),
        ),
    ),
)

OPVOLGING = Kind(
    name="opvolging",
    title="Opvolgingsregister",
    delivered_by="gemeente (juridische handhaving) of teamleider",
    description="Follow-up steps on violations (or on a whole action, e.g. a press release).",
    sheets=(
        Sheet(
            name="Opvolging",
            description="One row per follow-up step.",
            key="opvolging_id",
            columns=(
                C("opvolging_id", "text", "Identifier of the step", True, True, synonyms=("Opvolging-ID", "Nr")),
                C(
                    "bevinding_id",
                    "text",
                    "The violation followed up (empty for an action-level step)",
                    ref="Bevindingen.bevinding_id",
                    synonyms=("Bevinding-ID", "Nr bevinding"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "The action followed up, for steps without a single violation",
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer"),
                ),
                C(
                    "organisatie",
                    "partner",
                    "Responsible organisation",
                    True,
                    synonyms=("Verantwoordelijke", "Organisatie"),
                ),
                C("afdeling", "text", "Responsible department", synonyms=("Afdeling",)),
                C(
                    "soort",
                    "enum",
                    "Kind of follow-up",
                    True,
                    allowed=OPVOLGING_SOORTEN,
                    synonyms=("Soort opvolging", "Actie"),
                ),
                C("datum_start", "date", "Date the step was set", True, synonyms=("Startdatum", "Datum")),
                C("deadline", "date", "Deadline", synonyms=("Uiterste datum", "Deadline")),
                C("status", "enum", "Status", True, allowed=OPVOLGING_STATUSSEN, synonyms=("Status",)),
                C(
                    "datum_gesloten",
                    "date",
                    "Date closed (required when status is afgerond)",
                    synonyms=("Datum afgerond", "Gesloten op"),
                ),
                C("resultaat", "text", "Result of the step", synonyms=("Resultaat", "Uitkomst")),
            ),
        ),
    ),
)

SIGNALEN = Kind(
    name="signalen",
    title="Signalen (meldingen)",
    delivered_by="elke partner die signalen inbrengt",
    description="Tips brought to the casustafel, by source partner, and what became of them.",
    sheets=(
        Sheet(
            name="Signalen",
            description="One row per signal.",
            key="signaal_id",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C("signaal_id", "text", "Identifier of the signal", True, True, synonyms=("Melding-ID", "Nr melding")),
                C("datum", "date", "Date received", True, synonyms=("Datum melding", "Ontvangen op")),
                C("team", "team", "Team it was brought to", True, synonyms=("Interventieteam",)),
                C("gemeente", "gemeente", "Municipality of the address", True, synonyms=("Gemeente",)),
                C(
                    "bron_partner",
                    "partner",
                    "Partner that brought it in",
                    True,
                    synonyms=("Bron", "Ingebracht door", "Melder (organisatie)"),
                ),
                C("thema", "thema", "Theme", True, synonyms=("Thema",)),
                C("adres", "pseudonym", "Address (pseudonymised at load)", synonyms=("Adres",)),
                C("postcode", "postcode", "Postcode; only pc4 kept", synonyms=("Postcode",)),
                C(
                    "casustafel_datum",
                    "date",
                    "Date of the casustafel that discussed it",
                    synonyms=("Besproken op", "Casustafel"),
                ),
                C(
                    "uitkomst",
                    "enum",
                    "What became of it",
                    True,
                    allowed=SIGNAAL_UITKOMSTEN,
                    synonyms=("Uitkomst", "Status"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "Control evening that followed, if any",
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID",),
                ),
            ),
        ),
    ),
)

INTERVIEWS = Kind(
    name="interviews",
    title="Interviews evaluatie",
    delivered_by="evaluator",
    description="Evaluation interviews: the questions, the project participants (respondents), answers and codes.",
    sheets=(
        Sheet(
            name="Vragen",
            description="One row per interview question, with its definition and codebook.",
            key="vraag_nr",
            columns=(
                C("vraag_nr", "int", "Question number", True, True, minimum=1, synonyms=("Vraag", "Nr")),
                C("vraag", "text", "Question text as asked", True, synonyms=("Vraagtekst",)),
                C("definitie", "text", "Definition shown with the question", synonyms=("Definitie", "Toelichting")),
                C("codeboek_positief", "text", "What counts as a positive answer", synonyms=("Positief",)),
                C("codeboek_negatief", "text", "What counts as a negative answer", synonyms=("Negatief",)),
                C("codeboek_neutraal", "text", "What counts as a neutral answer", synonyms=("Neutraal",)),
            ),
        ),
        Sheet(
            name="Respondenten",
            description="One row per project participant; geinterviewd says whether interviewed.",
            key="respondent_id",
            team_column="team",
            columns=(
                C("respondent_id", "text", "Identifier", True, True, synonyms=("Respondent", "Nr")),
                C("naam", "pseudonym", "Name (pseudonymised at load)", synonyms=("Naam",)),
                C("team", "team", "Team evaluated", True, synonyms=("Project",)),
                C("organisatie", "partner", "Organisation", True, synonyms=("Organisatie",)),
                C("rol", "enum", "Role in the project", True, allowed=ROLLEN, synonyms=("Rol", "Functie")),
                C("gemeente", "gemeente", "Municipality, for municipal staff", synonyms=("Gemeente",)),
                C(
                    "mee_op_controleavond",
                    "jn",
                    "Has joined at least one control evening",
                    True,
                    synonyms=("Mee geweest op controleavond", "Controle-ervaring"),
                ),
                C(
                    "geinterviewd",
                    "jn",
                    "Was interviewed for the evaluation",
                    True,
                    synonyms=("Geïnterviewd", "Interview"),
                ),
            ),
        ),
        Sheet(
            name="Antwoorden",
            description="One row per respondent, question and coder: the answer text and that coder's code.",
            unique_together=("respondent_id", "vraag_nr", "codeur"),
            columns=(
                C(
                    "respondent_id",
                    "text",
                    "Respondent",
                    True,
                    ref="Respondenten.respondent_id",
                    synonyms=("Respondent",),
                ),
                C("vraag_nr", "int", "Question number", True, ref="Vragen.vraag_nr", minimum=1, synonyms=("Vraag",)),
                C(
                    "antwoord",
                    "text",
                    "Answer as transcribed (empty when not asked)",
                    synonyms=("Antwoord", "Transcriptie"),
                ),
                C("code", "enum", "Code given by the coder", True, allowed=CODES, synonyms=("Code", "Codering")),
                C("codeur", "text", "Who coded", True, synonyms=("Codeur", "Gecodeerd door")),
            ),
        ),
    ),
)

KINDS: tuple[Kind, ...] = (
    CONTROLES,
    VRAGENFORMULIEREN,
    BEVINDINGEN,
    PARTNERRESULTATEN,
    OPVOLGING,
    SIGNALEN,
    INTERVIEWS,
)
"""All kinds, in load order: a kind only refers to kinds before it."""


def kind(name: str) -> Kind:
    """Return the kind called `name`; raise KeyError with the known names otherwise."""
    for k in KINDS:
        if k.name == name:
            return k
    raise KeyError(f"unknown kind {name!r}; known: {', '.join(k.name for k in KINDS)}")
