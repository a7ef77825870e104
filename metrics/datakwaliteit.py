"""Data quality for the data steward: what was loaded from which file, when, and what was rejected.

Sources (marts, etl/marts.py): dim_bestand (files in force), fct_laadronde (one row per file per load run),
fct_afwijzing (every problem found, with its Dutch message), and fct_geladen_rijen (rows in the warehouse per file
and contract sheet, from the lineage of the staging tables).
"""

from __future__ import annotations

import duckdb
import pandas as pd

TABEL_NAMEN: dict[str, str] = {
    "Controleavonden": "Controleavonden", "Controleavonden.aanwezige_partners": "Aanwezige partners",
    "Bezoeken": "Bezoeken", "Personen": "Personen", "Bevindingen": "Bevindingen", "Resultaten": "Partnerresultaten",
    "Opvolging": "Opvolging", "Signalen": "Signalen", "Vragen": "Interviewvragen", "Respondenten": "Respondenten",
    "Antwoorden": "Antwoorden",
}
"""Dutch name of each contract sheet (fct_geladen_rijen.blad) shown per file, as the data steward knows the sheets."""


def laadstatus(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The latest load run in one row: when it started, files per status, rows loaded and problems found.

    From fct_laadronde rows of the run with the latest gestart_op; in_gebruik = geladen + ongewijzigd (files
    whose data is in force after the run). Columns: run_id, gestart_op, bestanden, geladen, ongewijzigd,
    in_gebruik, afgewezen, verwijderd, rijen, problemen. No row when nothing was ever loaded.
    """
    return con.execute(
        """
        WITH laatste AS (SELECT run_id FROM fct_laadronde ORDER BY gestart_op DESC, run_id DESC LIMIT 1)
        SELECT run_id, min(gestart_op) AS gestart_op, count(*) AS bestanden,
               count(*) FILTER (WHERE status = 'geladen') AS geladen,
               count(*) FILTER (WHERE status = 'ongewijzigd') AS ongewijzigd,
               count(*) FILTER (WHERE status IN ('geladen', 'ongewijzigd')) AS in_gebruik,
               count(*) FILTER (WHERE status = 'afgewezen') AS afgewezen,
               count(*) FILTER (WHERE status = 'verwijderd') AS verwijderd,
               sum(rijen)::BIGINT AS rijen, sum(afgewezen)::BIGINT AS problemen
        FROM fct_laadronde WHERE run_id IN (SELECT run_id FROM laatste)
        GROUP BY run_id
        """
    ).df()


def bestanden(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per source file: kind, mapping, rows loaded, when this version was loaded, and its latest load status.

    Every file seen by any load run is listed (also files that were rejected and so are not in force).
    rijen_geladen = dim_bestand.rijen (NULL when no version is in force); laatste_status/laatste_melding/
    laatste_problemen come from the file's most recent fct_laadronde row. Columns: bestand, soort, mapping,
    rijen_geladen, geladen_op, laatste_run, laatste_status, laatste_problemen, laatste_melding.
    """
    return con.execute(
        """
        WITH laatste AS (
            SELECT * FROM fct_laadronde
            QUALIFY row_number() OVER (PARTITION BY bestand ORDER BY gestart_op DESC, run_id DESC) = 1
        ),
        alle AS (SELECT bestand FROM dim_bestand UNION SELECT bestand FROM fct_laadronde)
        SELECT a.bestand, b.soort, b.mapping, b.rijen AS rijen_geladen, b.geladen_op,
               l.run_id AS laatste_run, l.status AS laatste_status, l.afgewezen AS laatste_problemen,
               l.melding AS laatste_melding
        FROM alle a LEFT JOIN dim_bestand b USING (bestand) LEFT JOIN laatste l USING (bestand)
        ORDER BY (l.status = 'afgewezen') DESC, a.bestand
        """
    ).df()


def rijen_per_tabel(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows in the warehouse per source file and sheet, counted from the lineage of the rows (fct_geladen_rijen).

    Lets the steward check dim_bestand.rijen against what is actually in the tables. Columns: bestand,
    tabel (the Dutch name from TABEL_NAMEN; sheets not in it are left out), rijen.
    """
    namen = " ".join(f"WHEN '{blad}' THEN '{naam}'" for blad, naam in TABEL_NAMEN.items())
    return con.execute(
        f"""
        SELECT bestand, CASE blad {namen} END AS tabel, rijen FROM fct_geladen_rijen
        WHERE blad IN ({', '.join(f"'{blad}'" for blad in TABEL_NAMEN)})
        ORDER BY bestand, tabel
        """
    ).df()


def afwijzingen(con: duckdb.DuckDBPyConnection, alleen_laatste_run: bool = True) -> pd.DataFrame:
    """Problems found per file (fct_afwijzing), with the Dutch message naming file, sheet, row, column, value.

    With alleen_laatste_run, only the latest run of each file is shown (so fixed problems disappear once
    the file loads cleanly); otherwise all runs. Columns: run_id, gestart_op, bestand, blad, rij, kolom,
    waarde, regel, melding.
    """
    laatste = (
        """AND (a.run_id, a.bestand) IN (
               SELECT run_id, bestand FROM fct_laadronde
               QUALIFY row_number() OVER (PARTITION BY bestand ORDER BY gestart_op DESC, run_id DESC) = 1)"""
        if alleen_laatste_run
        else ""
    )
    return con.execute(
        f"""
        SELECT a.run_id, r.gestart_op, a.bestand, a.blad, a.rij, a.kolom, a.waarde, a.regel, a.melding
        FROM fct_afwijzing a
        LEFT JOIN (SELECT DISTINCT run_id, gestart_op FROM fct_laadronde) r USING (run_id)
        WHERE TRUE {laatste}
        ORDER BY r.gestart_op DESC, a.bestand, a.blad, a.rij, a.kolom
        """
    ).df()


def afwijzingen_per_regel(con: duckdb.DuckDBPyConnection, alleen_laatste_run: bool = True) -> pd.DataFrame:
    """Number of problems per rule and file (for a chart). Same selection as `afwijzingen`.

    Columns: bestand, regel, problemen.
    """
    frame = afwijzingen(con, alleen_laatste_run)
    if frame.empty:
        return pd.DataFrame({"bestand": [], "regel": [], "problemen": []})
    return frame.groupby(["bestand", "regel"], as_index=False).size().rename(columns={"size": "problemen"})


def laadgeschiedenis(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every load run: when, files per status, rows loaded and problems found (fct_laadronde).

    Columns: run_id, gestart_op, bestanden, geladen, ongewijzigd, afgewezen, verwijderd, rijen, problemen.
    Newest first.
    """
    return con.execute(
        """
        SELECT run_id, min(gestart_op) AS gestart_op, count(*) AS bestanden,
               count(*) FILTER (WHERE status = 'geladen') AS geladen,
               count(*) FILTER (WHERE status = 'ongewijzigd') AS ongewijzigd,
               count(*) FILTER (WHERE status = 'afgewezen') AS afgewezen,
               count(*) FILTER (WHERE status = 'verwijderd') AS verwijderd,
               sum(rijen)::BIGINT AS rijen, sum(afgewezen)::BIGINT AS problemen
        FROM fct_laadronde GROUP BY run_id ORDER BY gestart_op DESC, run_id DESC
        """
    ).df()


def in_gebruik(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What is in force now, whatever run loaded it: files and rows (one row).

    bestanden = files in dim_bestand; rijen = sum of dim_bestand.rijen (rows of the version in force of each file,
    over all its sheets), so a file left unchanged by the last run still counts. Columns: bestanden, rijen.
    """
    return con.execute(
        "SELECT count(*) AS bestanden, coalesce(sum(rijen), 0)::BIGINT AS rijen FROM dim_bestand"
    ).df()


def archiefversies(con: duckdb.DuckDBPyConnection, versies: pd.DataFrame) -> pd.DataFrame:
    """The archived versions of the files (`versies`: etl.archive.versions_frame), each marked in force or not.

    in_gebruik is true for the version whose sha256 is the one dim_bestand has for its file. Columns: bestand,
    geladen_op, sha256 (first 12 characters), rijen, soort, in_gebruik, geanonimiseerd_tot (NULL: none),
    werkmap_verwijderd_op (NULL: the workbook is still in the raw folder or was never removed). Newest first
    per file.
    """
    columns = ["bestand", "geladen_op", "sha256", "rijen", "soort", "in_gebruik", "geanonimiseerd_tot",
               "werkmap_verwijderd_op"]
    if versies.empty:
        return pd.DataFrame(columns=columns)
    in_force = set(con.execute("SELECT bestand, sha256 FROM dim_bestand").fetchall())
    frame = versies.copy()
    frame["in_gebruik"] = [(b, sha) in in_force for b, sha in zip(frame["bestand"], frame["sha256"], strict=True)]
    frame["sha256"] = frame["sha256"].str[:12]
    frame["geanonimiseerd_tot"] = frame["geanonimiseerd_tot"].where(frame["geanonimiseerd_tot"] > 0).astype("Int64")
    frame["werkmap_verwijderd_op"] = pd.to_datetime(frame["ruw_verwijderd_op"].replace("", None))
    return frame.sort_values(["bestand", "geladen_op"], ascending=[True, False])[columns].reset_index(drop=True)
