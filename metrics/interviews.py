"""The evaluation interviews (HAM/KIT evaluation §4.1, §6.2.1 and appendix §10.3), computed from warehouse rows.

Codes come from fct_antwoord / fct_antwoord: positief, negatief, neutraal, or 'niet gevraagd'. An answer
coded 'niet gevraagd' was not asked: it is counted apart and is never neutral. When several coders coded
the same answers, the counts use one coder, the primary coder named in the interview workbook (see
`primary_coder`), so no answer is counted twice.
"""

from __future__ import annotations

import duckdb
import pandas as pd

PILOT = "KIT-pilot"
"""The team whose interviews the evaluation reports (HAM/KIT evaluation §4.1)."""


class PrimaryCoderError(ValueError):
    """The interview workbook names no usable primary coder for a team; the message says what to fix (Dutch)."""


def interview_coders(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """The coders named on the Codeurs sheet of the team's interview workbook.

    Columns: codeur, primair (True for the primary coder), antwoorden (answers, i.e. respondent and question, this
    coder coded on the Antwoorden sheet). Ordered by coder. Source: dim_codeur.
    """
    return con.execute(
        "SELECT codeur, primair, antwoorden FROM dim_codeur WHERE team = ? ORDER BY codeur", [team]
    ).df()


def named_primary(coders: pd.DataFrame, team: str = PILOT) -> str:
    """The primary coder of `team` in `coders` (`interview_coders`): the one coder with primair, who must have coded
    answers. Raises PrimaryCoderError with a Dutch message when the workbook names none, several, or a coder
    without codes; the primary coder is never inferred from who coded most."""
    named = coders[coders["primair"].astype(bool)]
    listed = ", ".join(coders["codeur"]) or "geen"
    if named.empty:
        raise PrimaryCoderError(
            f"De interviewwerkmap van {team} noemt geen primaire codeur. Vul op het blad Codeurs bij één codeur "
            f"'ja' in de kolom primair in (codeurs op dat blad: {listed}).")
    if len(named) > 1:
        raise PrimaryCoderError(
            f"De interviewwerkmap van {team} noemt meer dan één primaire codeur ({', '.join(named['codeur'])}). "
            "Zet op het blad Codeurs bij precies één codeur 'ja' in de kolom primair.")
    row = named.iloc[0]
    if int(row["antwoorden"]) == 0:
        raise PrimaryCoderError(
            f"De interviewwerkmap van {team} noemt {row['codeur']} als primaire codeur, maar op het blad Antwoorden "
            f"staan geen codes van {row['codeur']}. Controleer de schrijfwijze van de naam op beide bladen.")
    return str(row["codeur"])


def primary_coder(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> str:
    """The coder whose codes the published counts use: the primary coder named in the team's interview workbook
    (`named_primary` of `interview_coders`). Raises PrimaryCoderError when the workbook names none usable."""
    return named_primary(interview_coders(con, team), team)


def code_counts(con: duckdb.DuckDBPyConnection, team: str = PILOT, codeur: str | None = None) -> pd.DataFrame:
    """Per interview question: how many answers were coded positief, negatief, neutraal and 'niet gevraagd'.

    Columns: vraag_nr, vraag, positief, negatief, neutraal, niet_gevraagd, n.
    - positief / negatief / neutraal: answers (respondent rows) with that code, by one coder (`codeur`, by
      default the `primary_coder`).
    - niet_gevraagd: answers coded 'niet gevraagd' (not asked; not neutral, not in n).
    - n = positief + negatief + neutraal: the answers the percentages of a question rest on.
    Every question of dim_vraag appears, also one without answers (all counts 0).
    Source: HAM/KIT evaluation §6.2.1 (tables per question) and §10.3 (Uitkomsten interviews).
    """
    coder = codeur if codeur is not None else primary_coder(con, team)
    return con.execute(
        """
        WITH a AS (SELECT vraag_nr, code FROM fct_antwoord WHERE team = $team AND codeur = $codeur)
        SELECT v.vraag_nr, v.vraag,
               count(a.code) FILTER (WHERE a.code = 'positief') AS positief,
               count(a.code) FILTER (WHERE a.code = 'negatief') AS negatief,
               count(a.code) FILTER (WHERE a.code = 'neutraal') AS neutraal,
               count(a.code) FILTER (WHERE a.code = 'niet gevraagd') AS niet_gevraagd,
               count(a.code) FILTER (WHERE a.code IN ('positief', 'negatief', 'neutraal')) AS n
        FROM dim_vraag v LEFT JOIN a USING (vraag_nr)
        GROUP BY v.vraag_nr, v.vraag ORDER BY v.vraag_nr
        """,
        {"team": team, "codeur": coder},
    ).df()


def code_per_ervaring(con: duckdb.DuckDBPyConnection, team: str = PILOT, codeur: str | None = None) -> pd.DataFrame:
    """Per question and code: answers by respondents who did, and did not, join a control evening.

    Columns: vraag_nr, code, antwoorden (all), mee_geweest (mee_op_controleavond = 'ja'),
    nooit_mee (mee_op_controleavond = 'nee'). One coder as in `code_counts`.
    Source: HAM/KIT evaluation §6.2.1 question 7 "Het vijftal dat neutraal heeft beantwoord is nog nooit
    meegegaan op een controleavond" (and again in §10.3).
    """
    coder = codeur if codeur is not None else primary_coder(con, team)
    return con.execute(
        """
        SELECT vraag_nr, code, count(*) AS antwoorden,
               count(*) FILTER (WHERE mee_op_controleavond = 'ja') AS mee_geweest,
               count(*) FILTER (WHERE mee_op_controleavond = 'nee') AS nooit_mee
        FROM fct_antwoord WHERE team = $team AND codeur = $codeur
        GROUP BY vraag_nr, code ORDER BY vraag_nr, code
        """,
        {"team": team, "codeur": coder},
    ).df()


def respondenten(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """The interview population and sample.

    Columns (one row): populatie = all project participants (dim_respondent rows of the team);
    geinterviewd = participants with geinterviewd = 'ja' (the respondents); met_antwoorden = distinct
    respondents with at least one coded answer other than 'niet gevraagd'.
    Source: HAM/KIT evaluation §4.1 "een steekproef van 21 respondenten ... De totale populatie bestaat uit 37".
    """
    return con.execute(
        """
        SELECT count(*) AS populatie,
               count(*) FILTER (WHERE geinterviewd = 'ja') AS geinterviewd,
               (SELECT count(DISTINCT respondent_id) FROM fct_antwoord
                 WHERE team = $team AND code <> 'niet gevraagd') AS met_antwoorden
        FROM dim_respondent WHERE team = $team
        """,
        {"team": team},
    ).df()


def vertegenwoordiging(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Which participating organisations were represented in the interviews.

    Columns (one row): organisaties = distinct organisations among the participants; vertegenwoordigd =
    those with at least one interviewed participant; niet_vertegenwoordigd = the others (count);
    niet_vertegenwoordigd_codes = their partner codes, comma separated.
    Source: HAM/KIT evaluation §4.1 "Alle deelnemende partijen zijn vertegenwoordigd bij de interviews op de
    politie na ... Wel is ... (AVIM) geïnterviewd."
    """
    return con.execute(
        """
        WITH o AS (SELECT organisatie, bool_or(geinterviewd = 'ja') AS gesproken
                   FROM dim_respondent WHERE team = $team GROUP BY organisatie)
        SELECT count(*) AS organisaties, count(*) FILTER (WHERE gesproken) AS vertegenwoordigd,
               count(*) FILTER (WHERE NOT gesproken) AS niet_vertegenwoordigd,
               coalesce(string_agg(organisatie, ', ' ORDER BY organisatie) FILTER (WHERE NOT gesproken), '')
                 AS niet_vertegenwoordigd_codes
        FROM o
        """,
        {"team": team},
    ).df()


def partner_geinterviewd(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Interviewed participants per partner code, every partner of dim_partner listed (0 when none).

    Columns: partner, deelnemers, geinterviewd. Source: HAM/KIT evaluation §4.1 (police not interviewed,
    AVIM interviewed).
    """
    return con.execute(
        """
        SELECT p.code AS partner, count(r.respondent_id) AS deelnemers,
               count(r.respondent_id) FILTER (WHERE r.geinterviewd = 'ja') AS geinterviewd
        FROM dim_partner p LEFT JOIN dim_respondent r ON r.organisatie = p.code AND r.team = $team
        GROUP BY p.code ORDER BY p.code
        """,
        {"team": team},
    ).df()


# ---------------------------------------------------------------------------- readers of the coding workflow
def interview_questions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The interview questions with definition and codebook (dim_vraag), ordered by number.

    Columns: vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal.
    Source: the Vragen sheet of the interview workbook (HAM/KIT evaluation §6.2.1, §10.1).
    """
    return con.execute(
        "SELECT vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal "
        "FROM dim_vraag ORDER BY vraag_nr"
    ).df()


def interview_teams(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Teams with interview answers in the warehouse: team, antwoorden (answer rows), ordered by team.

    Source: fct_antwoord.
    """
    return con.execute(
        "SELECT team, count(*) AS antwoorden FROM fct_antwoord GROUP BY team ORDER BY team"
    ).df()


def interview_answers(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """One row per answer (respondent and question) of `team`, with who answered (no names).

    Columns: respondent_id, vraag_nr, antwoord, organisatie (partner name), rol, gemeente (name or empty),
    mee_op_controleavond. When several coders delivered the same answer the first non-empty text is kept.
    Source: fct_antwoord (Antwoorden and Respondenten sheets), dim_partner, dim_gemeente.
    """
    return con.execute(
        """
        SELECT a.respondent_id, a.vraag_nr, coalesce(max(nullif(a.antwoord, '')), '') AS antwoord,
               any_value(p.naam) AS organisatie, any_value(a.rol) AS rol,
               coalesce(any_value(g.naam), '') AS gemeente, any_value(a.mee_op_controleavond) AS mee_op_controleavond
        FROM fct_antwoord a
        JOIN dim_partner p ON p.code = a.organisatie
        LEFT JOIN dim_gemeente g ON g.code = a.gemeente_code
        WHERE a.team = ?
        GROUP BY a.respondent_id, a.vraag_nr
        ORDER BY a.vraag_nr, a.respondent_id
        """,
        [team],
    ).df()


def interview_codes(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """The codes delivered in the raw interview workbook: respondent_id, vraag_nr, codeur, code.

    Source: fct_antwoord (Antwoorden sheet, one row per respondent, question and coder).
    """
    return con.execute(
        "SELECT respondent_id, vraag_nr, codeur, code FROM fct_antwoord WHERE team = ? "
        "ORDER BY vraag_nr, respondent_id, codeur",
        [team],
    ).df()
