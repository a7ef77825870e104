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
does not exist in the same delivery or the warehouse. Two text columns are checked against a catalogue in
etl/reference: Bevindingen.categorie (bevindingcategorieen.csv) and Personen.nationaliteit (nationaliteiten.csv).
Descriptions are shown to partners (templates, docs/datacontract.md) and are therefore Dutch.
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
    maximum: float | None = None
    synonyms: tuple[str, ...] = ()
    sql: str | None = None
    """Warehouse type when not the default of `type` (etl/staging.py SQL_TYPES), e.g. DECIMAL(10,2)."""
    table: str | None = None
    """For a `partners` column: its bridge table (default stg_<sheet>_<column>)."""


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
    table: str | None = None
    """Staging table in the warehouse (default stg_<sheet name in lower case>); see etl/staging.py."""

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
    description="De controleavonden van een team in een gemeente en de bezoeken (adressen) op die avonden.",
    sheets=(
        Sheet(
            name="Controleavonden",
            description="Eén rij per controleavond (bij PIT: actie).",
            key="controleavond_id",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C(
                    "controleavond_id",
                    "text",
                    "Nummer van de controleavond, uniek",
                    True,
                    True,
                    synonyms=("Controle-ID", "Actienummer", "Nr controle", "ID"),
                ),
                C(
                    "datum",
                    "date",
                    "Datum van de controleavond",
                    True,
                    synonyms=("Datum controle", "Actiedatum", "Datum actie"),
                ),
                C(
                    "team",
                    "team",
                    "Team dat de controle hield: KIT-pilot, KIT of PIT",
                    True,
                    synonyms=("Interventieteam", "Project"),
                ),
                C(
                    "gemeente",
                    "gemeente",
                    "Gemeente waar de controle was: naam of bekende schrijfwijze (bijv. Bladel); wordt opgeslagen "
                    "als CBS-code",
                    True,
                    synonyms=("Gemeente controle", "Plaats"),
                ),
                C("thema", "thema", "Thema van de controleavond", True, synonyms=("Thema controle", "Onderwerp")),
                C(
                    "aanwezige_partners",
                    "partners",
                    "Aanwezige partnerorganisaties, gescheiden door ';'",
                    True,
                    synonyms=("Partners aanwezig", "Aanwezig", "Deelnemende partners"),
                    table="stg_deelname",
                ),
                C(
                    "aantal_deelnemers",
                    "int",
                    "Aantal deelnemers aan de controleavond",
                    unit="personen",
                    minimum=0,
                    maximum=500,
                    synonyms=("Aantal medewerkers", "Deelnemers"),
                ),
            ),
        ),
        Sheet(
            name="Bezoeken",
            description="Eén rij per bezocht object (adres) op een controleavond.",
            key="bezoek_id",
            columns=(
                C(
                    "bezoek_id",
                    "text",
                    "Nummer van het bezoek, uniek",
                    True,
                    True,
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "Controleavond waarop dit bezoek plaatsvond",
                    True,
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer", "Nr controle"),
                ),
                C(
                    "adres",
                    "pseudonym",
                    "Straat en huisnummer van het object (wordt bij het laden gepseudonimiseerd)",
                    synonyms=("Adres", "Straat en huisnummer", "Locatie"),
                ),
                C("postcode", "postcode", "Postcode; alleen de 4 cijfers worden bewaard", synonyms=("Postcode", "PC")),
                C(
                    "object_type",
                    "enum",
                    "Soort object",
                    True,
                    allowed=OBJECT_TYPES,
                    synonyms=("Type object", "Soort object", "Objecttype"),
                ),
                C(
                    "eigenaar",
                    "pseudonym",
                    "Eigenaar of verhuurder (wordt bij het laden gepseudonimiseerd)",
                    synonyms=("Eigenaar", "Verhuurder", "Eigenaar/verhuurder"),
                ),
                C(
                    "aantal_personen",
                    "int",
                    "Aantal aangetroffen personen bij het bezoek",
                    True,
                    unit="personen",
                    minimum=0,
                    maximum=500,
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
    description="Het vragenformulier van elke aangetroffen persoon (vragenformulier in de eigen taal).",
    sheets=(
        Sheet(
            name="Personen",
            description="Eén rij per aangetroffen en bevraagde persoon.",
            key="persoon_id",
            columns=(
                C(
                    "persoon_id",
                    "text",
                    "Formuliernummer, uniek",
                    True,
                    True,
                    synonyms=("Formuliernummer", "Nr formulier", "Persoon-ID"),
                ),
                C(
                    "bezoek_id",
                    "text",
                    "Bezoek waarbij de persoon werd aangetroffen",
                    True,
                    ref="Bezoeken.bezoek_id",
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "naam",
                    "pseudonym",
                    "Naam van de persoon (wordt bij het laden gepseudonimiseerd)",
                    synonyms=("Naam", "Achternaam", "Naam bewoner"),
                ),
                C(
                    "bsn",
                    "bsn",
                    "BSN: niet aanleveren; een BSN-kolom wordt bij het laden altijd weggelaten en nooit "
                    "opgeslagen",
                    synonyms=("BSN", "Burgerservicenummer", "Sofinummer"),
                ),
                C(
                    "nationaliteit",
                    "text",
                    "Nationaliteit als bijvoeglijk naamwoord (Pools, Roemeens, Nederlands ...; Overig of Onbekend); "
                    "lijst in etl/reference/nationaliteiten.csv",
                    True,
                    synonyms=("Nationaliteit", "Herkomst", "Afkomst"),
                ),
                C(
                    "huurovereenkomst",
                    "jn",
                    "Heeft een schriftelijke huurovereenkomst",
                    True,
                    synonyms=("Huurcontract", "Huurovereenkomst aanwezig"),
                ),
                C(
                    "huur_per_maand",
                    "decimal",
                    "Huur per maand",
                    unit="euro per maand",
                    minimum=0,
                    synonyms=("Huur per maand", "Huur (EUR/mnd)", "Huurprijs"),
                    sql="DECIMAL(10,2)",
                ),
                C(
                    "huur_betaalwijze",
                    "enum",
                    "Hoe de huur wordt betaald",
                    True,
                    allowed=BETAALWIJZEN,
                    synonyms=("Betaalwijze huur", "Wijze van betalen", "Huur betaald via"),
                ),
                C(
                    "ingeschreven_brp",
                    "jn",
                    "Zegt ingeschreven te staan in de BRP",
                    True,
                    synonyms=("Ingeschreven BRP", "BRP", "Inschrijving BRP"),
                ),
                C(
                    "verblijfsduur_maanden",
                    "decimal",
                    "Hoe lang de persoon tot nu toe op het adres verblijft",
                    unit="maanden",
                    minimum=0,
                    synonyms=("Verblijfsduur (mnd)", "Verblijf maanden", "Duur verblijf"),
                    sql="DECIMAL(6,1)",
                ),
                C(
                    "uitzendbureau",
                    "text",
                    "Uitzendbureau of werkgever (een organisatie, geen persoon)",
                    synonyms=("Uitzendbureau", "Werkgever", "Uitzendbureau/werkgever"),
                ),
                C("zorgverzekering", "jn", "Heeft een zorgverzekering", True,
                  synonyms=("Zorgverzekering", "Verzekerd")),
            ),
        ),
    ),
)

BEVINDINGEN = Kind(
    name="bevindingen",
    title="Bevindingen",
    delivered_by="gemeente of partner die de bevinding vaststelde",
    description="Bevindingen per bezoek: wat er werd aangetroffen, of het een overtreding is en wie het vaststelde.",
    sheets=(
        Sheet(
            name="Bevindingen",
            description="Eén rij per bevinding; over een object (persoon_id leeg) of over één persoon.",
            key="bevinding_id",
            columns=(
                C(
                    "bevinding_id",
                    "text",
                    "Nummer van de bevinding, uniek",
                    True,
                    True,
                    synonyms=("Bevinding-ID", "Nr bevinding"),
                ),
                C(
                    "bezoek_id",
                    "text",
                    "Bezoek waarbij de bevinding werd gedaan",
                    True,
                    ref="Bezoeken.bezoek_id",
                    synonyms=("Bezoek-ID", "Objectnummer", "Nr bezoek"),
                ),
                C(
                    "persoon_id",
                    "text",
                    "Persoon waar de bevinding over gaat; leeg als het over het object gaat",
                    ref="Personen.persoon_id",
                    synonyms=("Formuliernummer", "Persoon-ID"),
                ),
                C(
                    "categorie",
                    "text",
                    "Categorie van de bevinding (lijst in etl/reference/bevindingcategorieen.csv)",
                    True,
                    synonyms=("Categorie", "Soort bevinding", "Overtreding"),
                ),
                C(
                    "overtreding",
                    "jn",
                    "Of de bevinding een overtreding is",
                    True,
                    synonyms=("Is overtreding", "Overtreding ja/nee"),
                    sql="BOOLEAN",  # stored as true/false: "onbekend" is rejected
                ),
                C(
                    "partner",
                    "partner",
                    "Partnerorganisatie die de bevinding vaststelde",
                    True,
                    synonyms=("Vastgesteld door", "Organisatie", "Partner"),
                ),
                C("toelichting", "text", "Vrije tekst (geen namen of BSN's)", synonyms=("Opmerking", "Toelichting")),
            ),
        ),
    ),
)

PARTNERRESULTATEN = Kind(
    name="partnerresultaten",
    title="Partnerresultaten",
    delivered_by="elke partnerorganisatie",
    description="Wat elke partner met de acties van het team bereikte: aantallen, hoeveelheden en bedragen.",
    sheets=(
        Sheet(
            name="Resultaten",
            description="Eén rij per partner, soort resultaat en (indien bekend) controleavond.",
            key="resultaat_id",
            table="stg_partnerresultaten",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C("resultaat_id", "text", "Regelnummer, uniek", True, True, synonyms=("Regelnummer", "ID")),
                C(
                    "team",
                    "team",
                    "Team uit wiens actie dit resultaat voortkomt",
                    True,
                    synonyms=("Interventieteam", "Project"),
                ),
                C(
                    "partner",
                    "partner",
                    "Partnerorganisatie die het resultaat behaalde",
                    True,
                    synonyms=("Organisatie", "Partner"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "Controleavond waar het resultaat uit voortkomt, indien bekend",
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer"),
                ),
                C(
                    "soort",
                    "text",
                    "Soort resultaat (onderzoek, beëindiging, terugvordering, boeterapport, aanhouding ...)",
                    True,
                    synonyms=("Soort resultaat", "Resultaat", "Actie"),
                ),
                C("aantal", "int", "Hoe vaak", True, unit="keer", minimum=0, maximum=100_000,
                  synonyms=("Aantal", "Keer")),
                C(
                    "hoeveelheid",
                    "decimal",
                    "Hoeveelheid, als het resultaat er een heeft (bijv. 214 gram)",
                    minimum=0,
                    synonyms=("Hoeveelheid",),
                ),
                C("eenheid", "text", "Eenheid van de hoeveelheid (gram, stuks ...)", synonyms=("Eenheid",)),
                C(
                    "bedrag_eur",
                    "decimal",
                    "Bedrag van het resultaat",
                    unit="euro",
                    minimum=0,
                    synonyms=("Bedrag", "Bedrag (EUR)", "Bedrag in euro"),
                    sql="DECIMAL(14,2)",
                ),
                C(
                    "datum",
                    "date",
                    "Datum waarop het resultaat werd vastgesteld of gemeld",
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
    description="Opvolgingsstappen na overtredingen (of na een hele actie, bijv. een persbericht).",
    sheets=(
        Sheet(
            name="Opvolging",
            description="Eén rij per opvolgingsstap.",
            key="opvolging_id",
            columns=(
                C("opvolging_id", "text", "Nummer van de stap, uniek", True, True, synonyms=("Opvolging-ID", "Nr")),
                C(
                    "bevinding_id",
                    "text",
                    "Overtreding die wordt opgevolgd (leeg bij een stap voor de hele actie)",
                    ref="Bevindingen.bevinding_id",
                    synonyms=("Bevinding-ID", "Nr bevinding"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "Controleavond die wordt opgevolgd, voor stappen zonder één bepaalde overtreding",
                    ref="Controleavonden.controleavond_id",
                    synonyms=("Controle-ID", "Actienummer"),
                ),
                C(
                    "organisatie",
                    "partner",
                    "Verantwoordelijke organisatie",
                    True,
                    synonyms=("Verantwoordelijke", "Organisatie"),
                ),
                C("afdeling", "text", "Verantwoordelijke afdeling", synonyms=("Afdeling",)),
                C(
                    "soort",
                    "enum",
                    "Soort opvolging",
                    True,
                    allowed=OPVOLGING_SOORTEN,
                    synonyms=("Soort opvolging", "Actie"),
                ),
                C("datum_start", "date", "Datum waarop de stap werd gezet", True, synonyms=("Startdatum", "Datum")),
                C("deadline", "date", "Uiterste datum", synonyms=("Uiterste datum", "Deadline")),
                C("status", "enum", "Status van de stap", True, allowed=OPVOLGING_STATUSSEN, synonyms=("Status",)),
                C(
                    "datum_gesloten",
                    "date",
                    "Datum afgerond (verplicht als de status afgerond is)",
                    synonyms=("Datum afgerond", "Gesloten op"),
                ),
                C("resultaat", "text", "Resultaat van de stap", synonyms=("Resultaat", "Uitkomst")),
            ),
        ),
    ),
)

SIGNALEN = Kind(
    name="signalen",
    title="Signalen (meldingen)",
    delivered_by="elke partner die signalen inbrengt",
    description="Signalen (meldingen) die aan de casustafel werden ingebracht, per partner, en wat ermee gebeurde.",
    sheets=(
        Sheet(
            name="Signalen",
            description="Eén rij per signaal.",
            key="signaal_id",
            team_column="team",
            date_columns_in_period=("datum",),
            columns=(
                C("signaal_id", "text", "Nummer van het signaal, uniek", True, True,
                  synonyms=("Melding-ID", "Nr melding")),
                C("datum", "date", "Datum van ontvangst", True, synonyms=("Datum melding", "Ontvangen op")),
                C("team", "team", "Team waar het signaal werd ingebracht", True, synonyms=("Interventieteam",)),
                C("gemeente", "gemeente", "Gemeente van het adres: naam of bekende schrijfwijze (bijv. Bladel); wordt "
                  "opgeslagen als CBS-code", True, synonyms=("Gemeente",)),
                C(
                    "bron_partner",
                    "partner",
                    "Partner die het signaal inbracht",
                    True,
                    synonyms=("Bron", "Ingebracht door", "Melder (organisatie)"),
                ),
                C("thema", "thema", "Thema", True, synonyms=("Thema",)),
                C("adres", "pseudonym", "Adres (wordt bij het laden gepseudonimiseerd)", synonyms=("Adres",)),
                C("postcode", "postcode", "Postcode; alleen de 4 cijfers worden bewaard", synonyms=("Postcode",)),
                C(
                    "casustafel_datum",
                    "date",
                    "Datum van de casustafel die het signaal besprak",
                    synonyms=("Besproken op", "Casustafel"),
                ),
                C(
                    "uitkomst",
                    "enum",
                    "Wat er met het signaal gebeurde",
                    True,
                    allowed=SIGNAAL_UITKOMSTEN,
                    synonyms=("Uitkomst", "Status"),
                ),
                C(
                    "controleavond_id",
                    "text",
                    "Controleavond die erop volgde, indien van toepassing",
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
    description="Evaluatie-interviews: de vragen, de projectdeelnemers (respondenten), de antwoorden en de "
    "codes, en wie de primaire codeur is.",
    sheets=(
        Sheet(
            name="Vragen",
            description="Eén rij per interviewvraag, met definitie en codeboek.",
            key="vraag_nr",
            columns=(
                C("vraag_nr", "int", "Vraagnummer", True, True, minimum=1, synonyms=("Vraag", "Nr")),
                C("vraag", "text", "Vraag zoals gesteld", True, synonyms=("Vraagtekst",)),
                C("definitie", "text", "Definitie die bij de vraag werd gegeven",
                  synonyms=("Definitie", "Toelichting")),
                C("codeboek_positief", "text", "Wat telt als positief antwoord", synonyms=("Positief",)),
                C("codeboek_negatief", "text", "Wat telt als negatief antwoord", synonyms=("Negatief",)),
                C("codeboek_neutraal", "text", "Wat telt als neutraal antwoord", synonyms=("Neutraal",)),
            ),
        ),
        Sheet(
            name="Respondenten",
            description="Eén rij per projectdeelnemer; geinterviewd zegt of de persoon werd geïnterviewd.",
            key="respondent_id",
            team_column="team",
            columns=(
                C("respondent_id", "text", "Nummer van de respondent, uniek", True, True,
                  synonyms=("Respondent", "Nr")),
                C("naam", "pseudonym", "Naam (wordt bij het laden gepseudonimiseerd)", synonyms=("Naam",)),
                C("team", "team", "Team dat werd geëvalueerd", True, synonyms=("Project",)),
                C("organisatie", "partner", "Organisatie", True, synonyms=("Organisatie",)),
                C("rol", "enum", "Rol in het project", True, allowed=ROLLEN, synonyms=("Rol", "Functie")),
                C("gemeente", "gemeente", "Gemeente, voor medewerkers van een gemeente: naam (bijv. Bladel); wordt "
                  "opgeslagen als CBS-code", synonyms=("Gemeente",)),
                C(
                    "mee_op_controleavond",
                    "jn",
                    "Is minstens één keer mee geweest op een controleavond",
                    True,
                    synonyms=("Mee geweest op controleavond", "Controle-ervaring"),
                ),
                C(
                    "geinterviewd",
                    "jn",
                    "Is geïnterviewd voor de evaluatie",
                    True,
                    synonyms=("Geïnterviewd", "Interview"),
                ),
            ),
        ),
        Sheet(
            name="Antwoorden",
            description="Eén rij per respondent, vraag en codeur: het antwoord en de code van die codeur.",
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
                C("vraag_nr", "int", "Vraagnummer", True, ref="Vragen.vraag_nr", minimum=1, synonyms=("Vraag",)),
                C(
                    "antwoord",
                    "text",
                    "Antwoord zoals uitgeschreven (leeg als de vraag niet gesteld is)",
                    synonyms=("Antwoord", "Transcriptie"),
                ),
                C("code", "enum", "Code die de codeur gaf", True, allowed=CODES, synonyms=("Code", "Codering")),
                C("codeur", "text", "Wie codeerde", True, synonyms=("Codeur", "Gecodeerd door")),
            ),
        ),
        Sheet(
            name="Codeurs",
            description="Eén rij per codeur en team. Precies één codeur per team is de primaire codeur: diens codes "
            "gebruikt de gepubliceerde tabel per vraag (§6.2.1) en die beslist bij een verschil dat niet is "
            "vastgesteld.",
            unique_together=("team", "codeur"),
            team_column="team",
            columns=(
                C("team", "team", "Team waarvan de interviews zijn gecodeerd", True, synonyms=("Project",)),
                C("codeur", "text", "Naam van de codeur, precies zoals in de kolom codeur van het blad Antwoorden",
                  True, synonyms=("Codeur", "Naam")),
                C("primair", "jn", "ja voor de primaire codeur van het team, nee voor een tweede codeur", True,
                  synonyms=("Primaire codeur", "Primair")),
            ),
        ),
    ),
)

INTERVENTIES = Kind(
    name="interventies",
    title="Interventies",
    delivered_by="teamleider of projectleider",
    description="Wat het team vanaf een datum in één gemeente extra deed (een interventie); hiermee meet het "
    "dashboard of problemen naar de buurgemeenten verschuiven (het waterbedeffect).",
    sheets=(
        Sheet(
            name="Interventies",
            description="Eén rij per interventie in één gemeente.",
            key="interventie_id",
            team_column="team",
            date_columns_in_period=("datum_start",),
            columns=(
                C("interventie_id", "text", "Nummer van de interventie, uniek", True, True,
                  synonyms=("Interventie-ID", "Nr interventie", "ID")),
                C("team", "team", "Team dat de interventie uitvoerde", True, synonyms=("Interventieteam", "Project")),
                C("gemeente", "gemeente", "Gemeente waar de interventie plaatsvond: naam of bekende schrijfwijze "
                  "(bijv. Bladel); wordt opgeslagen als CBS-code", True, synonyms=("Gemeente",)),
                C("datum_start", "date", "Eerste dag van de interventie", True,
                  synonyms=("Startdatum", "Begindatum", "Vanaf")),
                C("datum_eind", "date", "Laatste dag van de interventie; leeg als die nog loopt",
                  synonyms=("Einddatum", "Tot en met")),
                C("thema", "thema", "Thema van de interventie", True, synonyms=("Thema",)),
                C("omschrijving", "text", "Wat er werd gedaan (geen namen of BSN's)", True,
                  synonyms=("Omschrijving", "Wat is er gedaan", "Maatregel")),
            ),
        ),
    ),
)

TEAMS = Kind(
    name="teams",
    title="Teams en hun periode",
    delivered_by="beheerder",
    description="De interventieteams: code, naam, regio (de gemeenten van die regio in etl/reference/gemeenten.csv "
    "horen bij het team) en de periode waarbinnen datums van het team moeten vallen. Een lopend team heeft geen "
    "einddatum. Een rij vervangt het team met dezelfde code uit etl/reference/teams.csv; een nieuwe code voegt een "
    "team toe.",
    sheets=(
        Sheet(
            name="Teams",
            description="Eén rij per team.",
            key="code",
            columns=(
                C("code", "text", "Teamcode zoals partners hem schrijven (KIT, PIT, ...), uniek", True, True,
                  synonyms=("Team", "Teamcode")),
                C("naam", "text", "Volledige naam van het team", True, synonyms=("Naam", "Teamnaam")),
                C("regio", "enum", "Regio van het team: de gemeenten van die regio horen bij het team", True,
                  allowed=("Kempen", "Peelland"), synonyms=("Regio",)),
                C("periode_start", "date", "Eerste dag van de periode van het team", True,
                  synonyms=("Start", "Begin", "Startdatum")),
                C("periode_eind", "date", "Laatste dag van de periode; leeg laten voor een lopend team", False,
                  synonyms=("Eind", "Einde", "Einddatum")),
                C("bron_periode", "text", "Waar de periode vandaan komt (besluit, convenant)",
                  synonyms=("Bron", "Besluit")),
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
    INTERVENTIES,
    TEAMS,
)
"""All kinds, in load order: a kind only refers to kinds before it (teams are read before the others are checked)."""


def kind(name: str) -> Kind:
    """Return the kind called `name`; raise KeyError with the known names otherwise."""
    for k in KINDS:
        if k.name == name:
            return k
    raise KeyError(f"unknown kind {name!r}; known: {', '.join(k.name for k in KINDS)}")
