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
                                 meta.get("vingerafdruk", "")))
    return sorted(found, key=lambda v: (v.bestand, v.geladen_op))


def restore_rows(con: duckdb.DuckDBPyConnection, version: Version) -> None:
    """Insert the archived rows of `version` into their staging tables (the file's current rows already deleted)."""
    for parquet in sorted(version.folder.glob("*.parquet")):
        con.execute(f"INSERT INTO {parquet.stem} SELECT * FROM read_parquet({sql_text(str(parquet))})")
