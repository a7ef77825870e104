"""The HAM/KIT pilot figures (evaluation §6.1, §5.3, §5.5, §5.8; council note), computed from warehouse rows.

Every function takes a DuckDB connection and a team code (default the pilot, "KIT-pilot") and returns a
DataFrame. The figures the evaluation prints are matched against these in `metrics.published`; nothing
here knows the printed values.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.format import getal

PILOT = "KIT-pilot"
BOER = ("Bladel", "Oirschot", "Eersel", "Reusel-De Mierden")
"""The B.O.E.R.-gemeenten (names as in dim_gemeente), as the evaluation defines them (§6.2.1 question 8)."""


def activiteit(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Volume of a team's work: control evenings, visits, visited addresses and persons found.

    Columns (one row):
    - controleavonden: count of fct_controleavond rows of the team.
    - bezoeken: count of visits (fct_bezoek) on those evenings ("bezochte objecten" in the PIT report).
    - adressen: distinct visited addresses (adres_pseudoniem); a visit without an address counts as its own
      address, so no visited object is lost.
    - personen: persons found, counted as person rows (fct_persoon, the vragenformulieren).
    - personen_som: persons found, summed from the visits' aantal_personen (a check on `personen`).
    Source: HAM/KIT evaluation §6.1 "17 controleavonden", "42 adressen bezocht", "232 personen"; PIT
    evaluation infographic "aantal bezochte objecten 110".
    """
    return con.execute(
        """
        SELECT
            (SELECT count(*) FROM fct_controleavond WHERE team = $team) AS controleavonden,
            (SELECT count(*) FROM fct_bezoek WHERE team = $team) AS bezoeken,
            (SELECT count(DISTINCT coalesce(adres_pseudoniem, 'bezoek:' || bezoek_id))
               FROM fct_bezoek WHERE team = $team) AS adressen,
            (SELECT count(*) FROM fct_persoon WHERE team = $team) AS personen,
            (SELECT coalesce(sum(aantal_personen), 0) FROM fct_bezoek WHERE team = $team) AS personen_som
        """,
        {"team": team},
    ).df()


def persoonskenmerken(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Shares of persons found by nationality, rental contract, way of paying rent, BRP registration, insurance.

    One row per (kenmerk, waarde): kenmerk is nationaliteit | huurovereenkomst | huur_betaalwijze |
    ingeschreven_brp | zorgverzekering; waarde is the answer (Pools, ja, ingehouden op loon ...).
    - personen (numerator): person rows with that answer.
    - totaal (denominator): all person rows of the team, "onbekend" answers included (the report speaks of
      shares "van de aangetroffen bewoners", so unknowns stay in the base).
    - aandeel_pct: 100 * personen / totaal.
    Source: HAM/KIT evaluation §6.1 (bijna 64% Pools, zo'n 13% Roemeens, iets meer dan 1% Nederlands, zo'n 17%
    huurovereenkomst, 44% / 17% / 11% loon / bank / contant, 20% ingeschreven BRP, 67% zorgverzekering).
    """
    return con.execute(
        """
        WITH p AS (SELECT * FROM fct_persoon WHERE team = $team),
        lang AS (
            SELECT 'nationaliteit' AS kenmerk, nationaliteit AS waarde FROM p
            UNION ALL SELECT 'huurovereenkomst', huurovereenkomst FROM p
            UNION ALL SELECT 'huur_betaalwijze', huur_betaalwijze FROM p
            UNION ALL SELECT 'ingeschreven_brp', ingeschreven_brp FROM p
            UNION ALL SELECT 'zorgverzekering', zorgverzekering FROM p
        )
        SELECT kenmerk, waarde, count(*) AS personen,
               (SELECT count(*) FROM p) AS totaal,
               100.0 * count(*) / (SELECT count(*) FROM p) AS aandeel_pct
        FROM lang GROUP BY kenmerk, waarde ORDER BY kenmerk, personen DESC, waarde
        """,
        {"team": team},
    ).df()


def huur(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Rent per month of the persons found: lowest and highest amount, and how many persons reported one.

    Columns: huur_min, huur_max (euro per month over person rows with a rent), personen_met_huur.
    Source: HAM/KIT evaluation §6.1 "De huur ligt tussen de 195 en 625 euro per maand".
    """
    return con.execute(
        """
        SELECT min(huur_per_maand)::DOUBLE AS huur_min, max(huur_per_maand)::DOUBLE AS huur_max,
               count(huur_per_maand) AS personen_met_huur
        FROM fct_persoon WHERE team = $team
        """,
        {"team": team},
    ).df()


def uitzendbureaus(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Distinct temp agencies (or employers) the persons found work for.

    Columns: uitzendbureaus = distinct names, compared trimmed and case-insensitively, empty names left out;
    personen_met_uitzendbureau = person rows naming one.
    Source: HAM/KIT evaluation §6.1 "De arbeidsmigranten werken voor 32 verschillende uitzendbureaus".
    """
    return con.execute(
        """
        SELECT count(DISTINCT lower(trim(uitzendbureau))) AS uitzendbureaus,
               count(*) AS personen_met_uitzendbureau
        FROM fct_persoon WHERE team = $team AND nullif(trim(uitzendbureau), '') IS NOT NULL
        """,
        {"team": team},
    ).df()


def overtredingen(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Share of persons found, and of visited addresses, affected by a violation of each group.

    The report prints "40% in overtreding op de BRP, 26% ... bestemmingsplan, 8% ... brandveiligheid" without
    naming the base. Two readings, one row each per violation group (dim_bevindingcategorie.groep):
    - basis 'personen' (the reading the catalogue matches): numerator = persons affected, per visit: all
      persons found at the visit (aantal_personen) when the visit has an object-level violation of the group
      (persoon_id empty), otherwise the distinct persons with a person-level violation; denominator = all
      persons found (sum of aantal_personen over the team's visits).
    - basis 'adressen' (alternative reading): numerator = distinct visited addresses with at least one
      violation of the group; denominator = distinct visited addresses. It cannot give 8% on 42 addresses
      (3/42 = 7.1%, 4/42 = 9.5%), which is why the persons base is chosen.
    Only findings with overtreding = true count. Columns: groep, basis, getroffen, totaal, aandeel_pct.
    Source: HAM/KIT evaluation §6.1 "Overtredingen".
    """
    return con.execute(
        """
        WITH b AS (SELECT bezoek_id, coalesce(adres_pseudoniem, 'bezoek:' || bezoek_id) AS adres, aantal_personen
                   FROM fct_bezoek WHERE team = $team),
        v AS (SELECT bezoek_id, persoon_id, groep FROM fct_bevinding WHERE team = $team AND overtreding),
        per_bezoek AS (
            SELECT v.groep, b.bezoek_id, b.adres,
                   CASE WHEN bool_or(v.persoon_id IS NULL) THEN max(b.aantal_personen)
                        ELSE count(DISTINCT v.persoon_id) END AS getroffen
            FROM v JOIN b USING (bezoek_id) GROUP BY v.groep, b.bezoek_id, b.adres
        ),
        totaal AS (SELECT coalesce(sum(aantal_personen), 0) AS personen, count(DISTINCT adres) AS adressen FROM b)
        SELECT groep, 'personen' AS basis, sum(getroffen)::BIGINT AS getroffen, any_value(t.personen) AS totaal,
               100.0 * sum(getroffen) / nullif(any_value(t.personen), 0) AS aandeel_pct
        FROM per_bezoek, totaal t GROUP BY groep
        UNION ALL
        SELECT groep, 'adressen', count(DISTINCT adres), any_value(t.adressen),
               100.0 * count(DISTINCT adres) / nullif(any_value(t.adressen), 0)
        FROM per_bezoek, totaal t GROUP BY groep
        ORDER BY basis DESC, groep
        """,
        {"team": team},
    ).df()


def brp_registratie(con: duckdb.DuckDBPyConnection, team: str = PILOT, plicht_maanden: float = 4.0) -> pd.DataFrame:
    """Why "not registered in the BRP" is not "in violation of the BRP".

    Registration in the BRP is compulsory only for a stay of more than four months (within six). Rows
    (kengetal, personen, totaal, aandeel_pct), all over the person rows of the team (totaal):
    - niet ingeschreven: ingeschreven_brp = 'nee' (the complement of the report's "20% ingeschreven");
    - niet ingeschreven, verblijf > <plicht_maanden> maanden (> 4 maanden by default): of those,
      verblijfsduur_maanden above `plicht_maanden` (they ought to be registered);
    - in overtreding BRP: persons affected by a BRP violation (as in `overtredingen`, basis personen).
    Source: HAM/KIT evaluation §6.1 (20% ingeschreven; 40% in overtreding op de BRP); domain rule.
    """
    maanden = getal(plicht_maanden, 0 if float(plicht_maanden).is_integer() else 1)
    rows = con.execute(
        """
        WITH p AS (SELECT * FROM fct_persoon WHERE team = $team)
        SELECT 'niet ingeschreven' AS kengetal, count(*) FILTER (WHERE ingeschreven_brp = 'nee') AS personen,
               count(*) AS totaal FROM p
        UNION ALL
        SELECT $plicht_label,
               count(*) FILTER (WHERE ingeschreven_brp = 'nee' AND verblijfsduur_maanden > $plicht),
               count(*) FROM p
        """,
        {"team": team, "plicht": plicht_maanden, "plicht_label": f"niet ingeschreven, verblijf > {maanden} maanden"},
    ).df()
    brp = overtredingen(con, team)
    brp = brp[(brp["groep"] == "BRP") & (brp["basis"] == "personen")]
    in_overtreding = int(brp["getroffen"].iloc[0]) if len(brp) else 0
    rows.loc[len(rows)] = ["in overtreding BRP", in_overtreding, int(rows["totaal"].iloc[0])]
    rows["aandeel_pct"] = 100.0 * rows["personen"] / rows["totaal"].where(rows["totaal"] > 0)
    return rows


def periode(
    con: duckdb.DuckDBPyConnection,
    team: str = PILOT,
    start: date | None = None,
    eind: date | None = None,
) -> pd.DataFrame:
    """The team's period as the warehouse knows it, and the control evenings against another stated period.

    Columns (one row): periode_start, periode_eind (dim_team), periode_maanden (whole months between them),
    eerste_avond, laatste_avond (min/max date of the team's control evenings), avonden (count),
    buiten_opgegeven (evenings before `start` or after `eind`, the period another document states; 0 when
    no period is given).
    Source: HAM/KIT evaluation §5.5 (uitvoeringsfase 1 februari 2019 - 1 april 2020); council note
    (1 maart 2019 tot en met 1 maart 2020).
    """
    return con.execute(
        """
        SELECT t.periode_start, t.periode_eind,
               datediff('month', t.periode_start, t.periode_eind) AS periode_maanden,
               min(c.datum) AS eerste_avond, max(c.datum) AS laatste_avond, count(c.datum) AS avonden,
               count(c.datum) FILTER (WHERE c.datum < coalesce($start, DATE '0001-01-01')
                                         OR c.datum > coalesce($eind, DATE '9999-12-31')) AS buiten_opgegeven
        FROM dim_team t LEFT JOIN fct_controleavond c ON c.team = t.code
        WHERE t.code = $team GROUP BY t.periode_start, t.periode_eind
        """,
        {"team": team, "start": start, "eind": eind},
    ).df()


def gemeenten_met_avonden(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Distinct municipalities where the team held at least one control evening.

    Columns: gemeenten (count), buiten_regio (evenings' municipalities outside the team's region).
    Source: HAM/KIT evaluation §5.8 (eight municipalities); PIT evaluation "Aantal acties per gemeente".
    """
    return con.execute(
        """
        SELECT count(DISTINCT c.gemeente_code) AS gemeenten,
               count(DISTINCT c.gemeente_code) FILTER (WHERE g.regio <> t.regio) AS buiten_regio
        FROM fct_controleavond c JOIN dim_gemeente g ON g.code = c.gemeente_code
        JOIN dim_team t ON t.code = c.team
        WHERE c.team = $team
        """,
        {"team": team},
    ).df()


def convenantpartners(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Convenant partners counted from the project's participants (dim_respondent, all participants).

    A municipality counts once per distinct gemeente_code of participants employed by a municipality
    (organisatie GEMEENTE); every other organisation counts once. Columns: gemeenten, overige_organisaties,
    partners (their sum).
    Source: HAM/KIT evaluation §5.3 (8 municipalities and 7 other partners: UWV, ISZW, SVB, Belastingdienst -
    Belastingen, Belastingdienst - Toeslagen, Politie basisteam De Kempen, AVIM).
    """
    return con.execute(
        """
        WITH r AS (SELECT * FROM dim_respondent WHERE team = $team)
        SELECT count(DISTINCT gemeente_code) FILTER (WHERE organisatie = 'GEMEENTE') AS gemeenten,
               count(DISTINCT organisatie) FILTER (WHERE organisatie <> 'GEMEENTE') AS overige_organisaties,
               count(DISTINCT gemeente_code) FILTER (WHERE organisatie = 'GEMEENTE')
                 + count(DISTINCT organisatie) FILTER (WHERE organisatie <> 'GEMEENTE') AS partners
        FROM r
        """,
        {"team": team},
    ).df()


def deelname_partner(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Per partner: control evenings attended (fct_deelname) and project participants (dim_respondent).

    Columns: partner, avonden (evenings with the partner present), team_avonden (all the team's evenings),
    aandeel_avonden (100 * avonden / team_avonden; NaN without evenings), deelnemers, geinterviewd. Used to check
    who the documents say took part (the council note names the IND; evaluation §5.3 does not), that the
    Belastingdienst never goes along (§4.4) and that the police and the municipality are at every evening (§5.11).
    """
    return con.execute(
        """
        WITH a AS (SELECT partner, count(DISTINCT controleavond_id) AS avonden FROM fct_deelname
                   WHERE team = $team GROUP BY partner),
        t AS (SELECT count(*) AS team_avonden FROM fct_controleavond WHERE team = $team),
        r AS (SELECT organisatie AS partner, count(*) AS deelnemers,
                     count(*) FILTER (WHERE geinterviewd = 'ja') AS geinterviewd
              FROM dim_respondent WHERE team = $team GROUP BY organisatie)
        SELECT p.code AS partner, coalesce(a.avonden, 0) AS avonden, t.team_avonden,
               100.0 * coalesce(a.avonden, 0) / nullif(t.team_avonden, 0) AS aandeel_avonden,
               coalesce(r.deelnemers, 0) AS deelnemers, coalesce(r.geinterviewd, 0) AS geinterviewd
        FROM dim_partner p CROSS JOIN t LEFT JOIN a ON a.partner = p.code LEFT JOIN r ON r.partner = p.code
        ORDER BY p.code
        """,
        {"team": team},
    ).df()


def opvolging_gemeenten(
    con: duckdb.DuckDBPyConnection, gemeenten: tuple[str, ...] = BOER, team: str = PILOT
) -> pd.DataFrame:
    """Share of the team's violations with at least one follow-up step: in `gemeenten` against the team's others.

    A violation is a finding with overtreding = true (fct_bevinding); its municipality is that of its control
    evening (names as in dim_gemeente). It is followed up when fct_opvolging holds at least one step with its
    bevinding_id (any kind, any status). A violation without a step stays in the denominator.
    Columns (one row): groep_overtredingen, groep_opgevolgd, groep_pct (100 * opgevolgd / overtredingen in
    `gemeenten`), overig_overtredingen, overig_opgevolgd, overig_pct (the team's other municipalities); a share
    is NaN when its group has no violations.
    Source: HAM/KIT evaluation §6.2.1 question 8 and §7.2 knelpunt 1: too little follow-up, "met name bij de
    gemeente Bladel, Oirschot, Eersel en Reusel-De Mierden (de B.O.E.R.-gemeenten)".
    """
    return con.execute(
        """
        WITH v AS (
            SELECT list_contains($gemeenten, gemeente) AS in_groep, opgevolgd
            FROM fct_overtreding WHERE team = $team
        )
        SELECT count(*) FILTER (WHERE in_groep) AS groep_overtredingen,
               count(*) FILTER (WHERE in_groep AND opgevolgd) AS groep_opgevolgd,
               100.0 * count(*) FILTER (WHERE in_groep AND opgevolgd)
                 / nullif(count(*) FILTER (WHERE in_groep), 0) AS groep_pct,
               count(*) FILTER (WHERE NOT in_groep) AS overig_overtredingen,
               count(*) FILTER (WHERE NOT in_groep AND opgevolgd) AS overig_opgevolgd,
               100.0 * count(*) FILTER (WHERE NOT in_groep AND opgevolgd)
                 / nullif(count(*) FILTER (WHERE NOT in_groep), 0) AS overig_pct
        FROM v
        """,
        {"team": team, "gemeenten": list(gemeenten)},
    ).df()


def avonden_gemeenten(
    con: duckdb.DuckDBPyConnection, gemeenten: tuple[str, ...], team: str = PILOT
) -> pd.DataFrame:
    """Control evenings of the team in `gemeenten` against the team's other municipalities.

    A municipality counts when the team held at least one evening there (fct_controleavond; names as in
    dim_gemeente). Columns (one row): groep_gemeenten, groep_avonden, groep_gemiddeld (groep_avonden /
    groep_gemeenten: evenings per municipality of the group), overig_gemeenten (the team's other municipalities
    with evenings), overig_avonden, overig_gemiddeld, team_avonden (all the team's evenings); an average is NaN
    when its group has no municipality.
    Source: HAM/KIT evaluation §10.3 question 4 "Best, Veldhoven en Waalre lopen voor als het aankomt op de
    avonden"; council note "de overige 7 gemeenten", "Doordat het aantal interventies van 8 gemeenten veel hoger
    ligt dan van de gemeente Waalre afzonderlijk".
    """
    return con.execute(
        """
        WITH per AS (
            SELECT list_contains($gemeenten, g.naam) AS in_groep, count(*) AS avonden
            FROM fct_controleavond c JOIN dim_gemeente g ON g.code = c.gemeente_code
            WHERE c.team = $team GROUP BY g.naam
        )
        SELECT count(*) FILTER (WHERE in_groep) AS groep_gemeenten,
               coalesce(sum(avonden) FILTER (WHERE in_groep), 0) AS groep_avonden,
               sum(avonden) FILTER (WHERE in_groep) / nullif(count(*) FILTER (WHERE in_groep), 0) AS groep_gemiddeld,
               count(*) FILTER (WHERE NOT in_groep) AS overig_gemeenten,
               coalesce(sum(avonden) FILTER (WHERE NOT in_groep), 0) AS overig_avonden,
               sum(avonden) FILTER (WHERE NOT in_groep)
                 / nullif(count(*) FILTER (WHERE NOT in_groep), 0) AS overig_gemiddeld,
               coalesce(sum(avonden), 0) AS team_avonden
        FROM per
        """,
        {"team": team, "gemeenten": list(gemeenten)},
    ).df()


def partnersignalen(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Signals (tips: an address brought in) by source: the municipalities against every other partner.

    Columns (one row): signalen (fct_signaal rows of the team), van_gemeenten (bron_partner GEMEENTE),
    van_partners (any other source), partner_adressen (distinct addresses, adres_pseudoniem, in signals of another
    source than a municipality).
    Source: HAM/KIT evaluation §6.2.1 question 5 and knelpunt 4 "Ook andere partners leveren geen adressen aan".
    """
    return con.execute(
        """
        SELECT count(*) AS signalen,
               count(*) FILTER (WHERE bron_partner = 'GEMEENTE') AS van_gemeenten,
               count(*) FILTER (WHERE bron_partner <> 'GEMEENTE') AS van_partners,
               count(DISTINCT adres_pseudoniem) FILTER (WHERE bron_partner <> 'GEMEENTE') AS partner_adressen
        FROM fct_signaal WHERE team = $team
        """,
        {"team": team},
    ).df()
