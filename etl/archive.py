"""Archive of every accepted version of a raw file, so the warehouse in force can always be rebuilt.

What is kept is what the loader made of the file, never the workbook itself: per staging table the file's
pseudonymised rows with their lineage (_bestand, _blad, _rij) as Parquet, plus a `versie.json` with the
file's sha256, kind, layout, load time and row count. Layout (settings.archive_dir, outside data/raw):

    <archive_dir>/<file path, '/' as '%2F'>/<sha256>/<stg table>.parquet
    <archive_dir>/<file path, '/' as '%2F'>/<sha256>/versie.json

`python -m etl history` lists the versions, `python -m etl rollback FILE SHA` puts one back in force.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, unquote

import duckdb
import pandas as pd

VERSION_FILE = "versie.json"


@dataclass(frozen=True)
class Version:
    """One archived version of a raw file."""

    bestand: str
    sha256: str
    soort: str
    mapping: str
    geladen_op: datetime
    rijen: int
    folder: Path
    vingerafdruk: str = ""
    """Fingerprint of the pseudonym key the rows were made with (empty in versions archived before it was kept)."""
    geanonimiseerd_tot: int = 0
    """The rows of events up to this calendar year are anonymised (etl.retention); 0: none."""
    ruw_verwijderd_op: str = ""
    """When retention removed the raw workbook of this version (ISO time); empty: not removed."""


def sql_text(text: str) -> str:
    """`text` as an SQL string literal (quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def file_folder(archive_dir: Path, bestand: str) -> Path:
    """The archive folder of one raw file (its relative path quoted into one folder name)."""
    return Path(archive_dir) / quote(bestand, safe="")


def archive_version(con: duckdb.DuckDBPyConnection, archive_dir: Path, bestand: str, sha: str, soort: str,
                    mapping: str, geladen_op: datetime, rijen: int, tables: list[str], vingerafdruk: str = "") -> Path:
    """Write the rows of `bestand` in `tables` (open connection `con`) as one archived version; idempotent."""
    target = file_folder(archive_dir, bestand) / sha
    if (target / VERSION_FILE).exists():
        return target
    work = target.with_name(f"{sha}.tmp-{os.getpid()}")
    for stale in target.parent.glob("*.tmp-*"):  # left by a crashed load (loads run one at a time)
        shutil.rmtree(stale, ignore_errors=True)
    work.mkdir(parents=True)
    for table in tables:
        count = con.execute(f"SELECT count(*) FROM {table} WHERE _bestand = ?", [bestand]).fetchone()[0]
        if count:
            con.execute(f"COPY (SELECT * FROM {table} WHERE _bestand = {sql_text(bestand)} ORDER BY _blad, _rij) "
                        f"TO {sql_text(str(work / f'{table}.parquet'))} (FORMAT parquet)")
    meta = {"bestand": bestand, "sha256": sha, "soort": soort, "mapping": mapping,
            "geladen_op": geladen_op.isoformat(timespec="seconds"), "rijen": rijen, "vingerafdruk": vingerafdruk}
    (work / VERSION_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(work, target)
    return target


def versions(archive_dir: Path, bestand: str | None = None) -> list[Version]:
    """Every archived version (of one file, or of all), oldest first per file."""
    found: list[Version] = []
    root = Path(archive_dir)
    if not root.is_dir():
        return found
    folders = [file_folder(root, bestand)] if bestand else sorted(p for p in root.iterdir() if p.is_dir())
    for folder in folders:
        for meta_path in folder.glob(f"*/{VERSION_FILE}"):
            if ".tmp-" in meta_path.parent.name:  # a version being written, or left by a crash
                continue
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            found.append(Version(unquote(folder.name), meta["sha256"], meta["soort"], meta["mapping"],
                                 datetime.fromisoformat(meta["geladen_op"]), int(meta["rijen"]), meta_path.parent,
                                 meta.get("vingerafdruk", ""), int(meta.get("geanonimiseerd_tot", 0)),
                                 meta.get("ruw_verwijderd_op", "")))
    return sorted(found, key=lambda v: (v.bestand, v.geladen_op))


def versions_frame(archive_dir: Path) -> pd.DataFrame:
    """Every archived version as a table: bestand, sha256, soort, mapping, geladen_op, rijen, geanonimiseerd_tot,
    ruw_verwijderd_op (see Version)."""
    columns = ["bestand", "sha256", "soort", "mapping", "geladen_op", "rijen", "geanonimiseerd_tot",
               "ruw_verwijderd_op"]
    return pd.DataFrame([[getattr(v, c) for c in columns] for v in versions(archive_dir)], columns=columns)


def restore_rows(con: duckdb.DuckDBPyConnection, version: Version) -> None:
    """Insert the archived rows of `version` into their staging tables (the file's current rows already deleted)."""
    for parquet in sorted(version.folder.glob("*.parquet")):
        con.execute(f"INSERT INTO {parquet.stem} BY NAME SELECT * FROM read_parquet({sql_text(str(parquet))})")


def rewrite_version(con: duckdb.DuckDBPyConnection, version: Version, tables: list[str],
                    geanonimiseerd_tot: int) -> None:
    """Rewrite the rows of an archived version from `con` (the warehouse after retention), table by table.

    Each Parquet file is replaced atomically and versie.json last, so a crash leaves a version that a next
    retention run rewrites again (its geanonimiseerd_tot is still the old one).
    """
    bestand = version.bestand
    for table in tables:
        target = version.folder / f"{table}.parquet"
        count = con.execute(f"SELECT count(*) FROM {table} WHERE _bestand = ?", [bestand]).fetchone()[0]
        if not count:
            continue
        work = target.with_name(f"{target.name}.tmp-{os.getpid()}")
        con.execute(f"COPY (SELECT * FROM {table} WHERE _bestand = {sql_text(bestand)} ORDER BY _blad, _rij) "
                    f"TO {sql_text(str(work))} (FORMAT parquet)")
        os.replace(work, target)
    mark_version(version, geanonimiseerd_tot=geanonimiseerd_tot)


def mark_version(version: Version, **fields: object) -> None:
    """Add or change `fields` in the version's versie.json (atomically)."""
    meta_path = version.folder / VERSION_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(fields)
    work = meta_path.with_name(f"{VERSION_FILE}.tmp-{os.getpid()}")
    work.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(work, meta_path)


def carry_retained(con: duckdb.DuckDBPyConnection, old_warehouse: Path, archive_dir: Path | None) -> list[str]:
    """Put the files whose raw workbook retention removed back into a new, empty work copy from the archive.

    A load whose warehouse schema changed starts from an empty warehouse and reads the raw folder again; the
    files in the old warehouse's meta_ruw_verwijderd are no longer there, so their version in force comes from
    the archive. Does nothing when `con` already has them (a copy of the warehouse). Returns the files restored.
    """
    if not Path(old_warehouse).exists() or con.execute("SELECT count(*) FROM meta_bestand").fetchone()[0]:
        return []
    con.execute(f"ATTACH {sql_text(str(old_warehouse))} AS oud (READ_ONLY)")
    try:
        has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'oud' "
                          "AND table_name = 'meta_ruw_verwijderd'").fetchone()[0]
        rows = con.execute("SELECT r.bestand, r.sha256, r.verwijderd_op, m.soort, m.mapping, m.geladen_op, m.rijen "
                           "FROM oud.meta_ruw_verwijderd r JOIN oud.meta_bestand m USING (bestand, sha256) "
                           "ORDER BY 1").fetchall() if has else []
    finally:
        con.execute("DETACH oud")
    archived = {(v.bestand, v.sha256): v for v in versions(archive_dir)} if archive_dir is not None else {}
    missing = [r[0] for r in rows if (r[0], r[1]) not in archived]
    if missing:
        raise ArchiveMissing(missing)
    for bestand, sha, removed_at, soort, mapping, geladen_op, rijen in rows:
        restore_rows(con, archived[(bestand, sha)])
        con.execute("INSERT INTO meta_bestand VALUES (?, ?, ?, ?, ?, ?)", [bestand, soort, mapping, sha, geladen_op,
                                                                            rijen])
        con.execute("INSERT INTO meta_ruw_verwijderd VALUES (?, ?, ?)", [bestand, sha, removed_at])
    return [r[0] for r in rows]


class ArchiveMissing(Exception):
    """Files whose rows can only come from the archive, but their version is not in it."""

    def __init__(self, files: list[str]) -> None:
        super().__init__(", ".join(files))
        self.files = files
