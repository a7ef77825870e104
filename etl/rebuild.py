"""Rebuild the warehouse in force from the archive (`python -m etl rebuild`), without reading a raw workbook.

Which version of each file is in force comes from the warehouse's meta_bestand; when the warehouse is lost (or
cannot be opened), the newest archived version of every file is taken. The load history (meta_laadronde,
meta_afwijzing), rollbacks, the key fingerprint and what retention did are carried over from the old warehouse.
The new warehouse is built in a work copy, passes the data tests and is swapped in atomically, like a load.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.archive import Version, restore_rows, sql_text, versions
from etl.load import (
    LoadRefused,
    _remove,
    kind_order,
    load_lock,
    record_key,
    remove_stale_work_copies,
    swap_in,
    sync_team_reference,
)
from etl.pseudonym import fingerprint, load_key
from etl.schema import create_warehouse

CARRIED_OVER = ("meta_laadronde", "meta_afwijzing", "meta_teruggezet", "meta_sleutel", "meta_ruw_verwijderd",
                "meta_bewaartermijn")
"""Bookkeeping tables copied from the old warehouse as they are (history, rollbacks, key, retention)."""


@dataclass(frozen=True)
class Rebuilt:
    """What a rebuild put in force: the archived version of each file and where the list came from."""

    versions: list[Version]
    bron: str
    """"meta_bestand" (the versions in force per the old warehouse) or "nieuwste" (newest version per file)."""


def _in_force(warehouse_path: Path) -> dict[str, tuple[str, datetime]] | None:
    """bestand -> (sha256, geladen_op) of the old warehouse, or None when it is missing or cannot be opened."""
    if not warehouse_path.exists():
        return None
    try:
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            rows = con.execute("SELECT bestand, sha256, geladen_op FROM meta_bestand").fetchall()
    except duckdb.Error:
        return None
    return {bestand: (sha, geladen_op) for bestand, sha, geladen_op in rows}


def _choose(archive_dir: Path, in_force: dict[str, tuple[str, datetime]] | None) -> list[Version]:
    """The archived version of every file to put in force; LoadRefused naming the files without one."""
    archived = versions(archive_dir)
    if in_force is None:
        newest: dict[str, Version] = {}
        for v in archived:  # oldest first per file: the last one wins
            newest[v.bestand] = v
        if not newest:
            raise LoadRefused(f"er is geen warehouse en het archief {archive_dir} bevat geen versies; laad de ruwe "
                              "map met python -m etl load")
        return list(newest.values())
    by_key = {(v.bestand, v.sha256): v for v in archived}
    missing = sorted(b for b, (sha, _) in in_force.items() if (b, sha) not in by_key)
    if missing:
        raise LoadRefused(f"van {len(missing)} bestand(en) in gebruik staat de versie niet in het archief "
                          f"{archive_dir}: {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''} (geladen "
                          "voordat er een archief was, of een ander archief; controleer KIT_ARCHIVE_DIR). Het "
                          "warehouse is ongewijzigd")
    return [by_key[(b, sha)] for b, (sha, _) in sorted(in_force.items())]


def rebuild_from_archive(warehouse_path: Path, archive_dir: Path, reference_dir: Path, key_path: Path) -> Rebuilt:
    """Build the warehouse at `warehouse_path` anew from the archived versions in force; LoadRefused when it cannot.

    The archived rows are already pseudonymised; the key is only compared: a version archived with another key
    (versie.json records its fingerprint) is refused, as a load with another key is. One load at a time (LoadBusy).
    """
    warehouse_path, archive_dir = Path(warehouse_path), Path(archive_dir)
    with load_lock(warehouse_path):
        remove_stale_work_copies(warehouse_path)
        in_force = _in_force(warehouse_path)
        chosen = _choose(archive_dir, in_force)
        key = load_key(Path(key_path)) if Path(key_path).exists() else None
        wrong = sorted(v.bestand for v in chosen if v.vingerafdruk and key and v.vingerafdruk != fingerprint(key))
        if wrong or (key is None and any(v.vingerafdruk for v in chosen)):
            raise LoadRefused(f"de pseudoniemsleutel {key_path} ontbreekt of is niet de sleutel waarmee het archief is "
                              f"gemaakt ({', '.join(wrong[:5]) or 'alle bestanden'}); zet de sleutel terug uit de "
                              "back-up. Het warehouse is ongewijzigd")
        order = kind_order()
        chosen.sort(key=lambda v: (order.get(v.soort, -1), v.bestand))
        tmp = warehouse_path.with_name(f"{warehouse_path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:6]}")
        warehouse_path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(tmp))
        try:
            create_warehouse(con, reference_dir)
            last_load = date.today()
            if in_force is not None:
                con.execute(f"ATTACH {sql_text(str(warehouse_path))} AS oud (READ_ONLY)")
                for table in CARRIED_OVER:
                    if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'oud' "
                                   "AND table_name = ?", [table]).fetchone()[0]:
                        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM oud.{table}")
                started = con.execute("SELECT max(gestart_op) FROM meta_laadronde").fetchone()[0]
                last_load = started.date() if started else last_load
                con.execute("DETACH oud")
            for v in chosen:
                restore_rows(con, v)
                geladen_op = in_force[v.bestand][1] if in_force is not None else v.geladen_op
                con.execute("INSERT INTO meta_bestand VALUES (?, ?, ?, ?, ?, ?)",
                            [v.bestand, v.soort, v.mapping, v.sha256, geladen_op, v.rijen])
            if in_force is None:  # the archive remembers which raw workbooks retention removed
                for v in chosen:
                    if v.ruw_verwijderd_op:
                        con.execute("INSERT INTO meta_ruw_verwijderd VALUES (?, ?, ?)",
                                    [v.bestand, v.sha256, datetime.fromisoformat(v.ruw_verwijderd_op)])
            if key is not None and not con.execute("SELECT count(*) FROM meta_sleutel").fetchone()[0]:
                record_key(con, key)
            sync_team_reference(con, last_load)
            swap_in(con, tmp, warehouse_path, "herbouwen geweigerd: de datatests slagen niet op het archief "
                    "({fouten}); het warehouse is ongewijzigd")
        except BaseException:
            con.close()
            _remove(tmp)
            raise
    return Rebuilt(chosen, "meta_bestand" if in_force is not None else "nieuwste")
