"""The evaluation interviews (HAM/KIT evaluation §4.1, §6.2.1 and appendix §10.3), computed from warehouse rows.

Codes come from stg_antwoorden / fct_antwoord: positief, negatief, neutraal, or 'niet gevraagd'. An answer
coded 'niet gevraagd' was not asked: it is counted apart and is never neutral. When several coders coded
the same answers, the counts use one coder (see `primary_coder`), so no answer is counted twice.
"""

from __future__ import annotations

import duckdb
import pandas as pd

PILOT = "KIT-pilot"
"""The team whose interviews the evaluation reports (HAM/KIT evaluation §4.1)."""


def primary_coder(source: duckdb.DuckDBPyConnection | pd.DataFrame, team: str = PILOT) -> str | None:
    """The coder whose codes the published counts use: the one who coded most answers of the team.

    `source` is a warehouse connection (the team's rows of fct_antwoord are counted) or a frame of delivered
    codes with a `codeur` column, one row per code (metrics.interviews.interview_codes; `team` is then unused).
    Ties go to the alphabetically first coder. None when there are no coded answers.
    """
    if isinstance(source, pd.DataFrame):
        codes = source
    else:
        codes = source.execute("SELECT codeur FROM fct_antwoord WHERE team = ?", [team]).df()
    if codes.empty:
        return None
    counts = codes.groupby("codeur").size().reset_index(name="k")
    counts = counts.sort_values(["k", "codeur"], ascending=[False, True])
    return str(counts["codeur"].iloc[0])


def code_counts(con: duckdb.DuckDBPyConnection, team: str = PILOT, codeur: str | None = None) -> pd.DataFrame:
    """Per interview question: how many answers were coded positief, negatief, neutraal and 'niet gevraagd'.

    Columns: vraag_nr, vraag, positief, negatief, neutraal, niet_gevraagd, n.
    - positief / negatief / neutraal: answers (respondent rows) with that code, by one coder (`codeur`, by
      default the `primary_coder`).
    - niet_gevraagd: answers coded 'niet gevraagd' (not asked; not neutral, not in n).
    - n = positief + negatief + neutraal: the answers the percentages of a question rest on.
    Every question of stg_vragen appears, also one without answers (all counts 0).
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
        FROM stg_vragen v LEFT JOIN a USING (vraag_nr)
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

    Columns (one row): populatie = all project participants (stg_respondenten rows of the team);
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
        FROM stg_respondenten WHERE team = $team
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
                   FROM stg_respondenten WHERE team = $team GROUP BY organisatie)
        SELECT count(*) AS organisaties, count(*) FILTER (WHERE gesproken) AS vertegenwoordigd,
               count(*) FILTER (WHERE NOT gesproken) AS niet_vertegenwoordigd,
               coalesce(string_agg(organisatie, ', ' ORDER BY organisatie) FILTER (WHERE NOT gesproken), '')
                 AS niet_vertegenwoordigd_codes
        FROM o
        """,
        {"team": team},
    ).df()


def partner_geinterviewd(con: duckdb.DuckDBPyConnection, team: str = PILOT) -> pd.DataFrame:
    """Interviewed participants per partner code, every partner of ref_partner listed (0 when none).

    Columns: partner, deelnemers, geinterviewd. Source: HAM/KIT evaluation §4.1 (police not interviewed,
    AVIM interviewed).
    """
    return con.execute(
        """
        SELECT p.code AS partner, count(r.respondent_id) AS deelnemers,
               count(r.respondent_id) FILTER (WHERE r.geinterviewd = 'ja') AS geinterviewd
        FROM ref_partner p LEFT JOIN stg_respondenten r ON r.organisatie = p.code AND r.team = $team
        GROUP BY p.code ORDER BY p.code
        """,
        {"team": team},
    ).df()


# ---------------------------------------------------------------------------- readers of the coding workflow
def interview_questions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The interview questions with definition and codebook (stg_vragen), ordered by number.

    Columns: vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal.
    Source: the Vragen sheet of the interview workbook (HAM/KIT evaluation §6.2.1, §10.1).
    """
    return con.execute(
        "SELECT vraag_nr, vraag, definitie, codeboek_positief, codeboek_negatief, codeboek_neutraal "
        "FROM stg_vragen ORDER BY vraag_nr"
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
    Source: fct_antwoord (Antwoorden and Respondenten sheets), ref_partner, ref_gemeente.
    """
    return con.execute(
        """
        SELECT a.respondent_id, a.vraag_nr, coalesce(max(nullif(a.antwoord, '')), '') AS antwoord,
               any_value(p.naam) AS organisatie, any_value(a.rol) AS rol,
               coalesce(any_value(g.naam), '') AS gemeente, any_value(a.mee_op_controleavond) AS mee_op_controleavond
        FROM fct_antwoord a
        JOIN ref_partner p ON p.code = a.organisatie
        LEFT JOIN ref_gemeente g ON g.code = a.gemeente_code
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
