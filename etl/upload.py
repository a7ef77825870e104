"""Receive uploaded workbooks (the beheerder's upload page) and load them with the same `load_raw` as the CLI.

`receive` holds the load lock for the whole upload: it writes each upload under the raw folder under a safe
name, runs `load_raw` (the one code path of `python -m etl load`), and afterwards takes a rejected upload out
of the raw folder again (putting back the version that was there), so only accepted files stay. A second
upload while one runs gets LoadBusy. Content is checked on the server by the loader (etl.read.sniff,
etl.guard), not by the extension the browser sends.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from etl.load import LoadRefused, LoadReport, load_lock, load_raw

UPLOAD_FOLDER = "upload"
"""Sub-folder of the raw folder where uploads are stored."""
SUFFIXES = (".xlsx", ".xlsm", ".xls")
_UNSAFE = re.compile(r"[^\w .()+-]")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser sent and its bytes."""

    name: str
    data: bytes


def safe_name(sent: str, existing: list[str]) -> str:
    """A safe file name for an upload: no folders, control characters or leading dashes/dots; LoadRefused if empty.

    A name that differs only in case from an existing file gets that file's spelling (a new version of it).
    """
    name = unicodedata.normalize("NFC", sent).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip().lstrip("-. ")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem.strip("_ ") or f".{suffix.lower()}" not in SUFFIXES:
        raise LoadRefused(f"'{sent}' is geen bruikbare naam voor een werkmap; geef het bestand een naam die eindigt "
                          "op .xlsx, .xlsm of .xls")
    name = f"{stem}.{suffix.lower()}"[:120]
    for other in existing:
        if other.casefold() == name.casefold():
            return other
    return name


def receive(uploads: list[Upload], raw_dir: Path, warehouse_path: Path, *,
            progress: Callable[[int, int, str], None] | None = None, **load_options: object) -> LoadReport:
    """Store `uploads` under raw_dir/upload, load the raw folder, keep only the accepted uploads.

    `load_options` are passed to `load_raw` (mappings_dir, key_path, reference_dir, limits, archive_dir ...).
    """
    raw_dir, warehouse_path = Path(raw_dir), Path(warehouse_path)
    folder = raw_dir / UPLOAD_FOLDER
    with load_lock(warehouse_path):
        folder.mkdir(parents=True, exist_ok=True)
        existing = [p.name for p in folder.iterdir() if p.is_file()]
        placed: dict[str, bytes | None] = {}
        for upload in uploads:
            name = safe_name(upload.name, existing + list(placed))
            target = folder / name
            placed.setdefault(name, target.read_bytes() if target.is_file() else None)
            target.write_bytes(upload.data)
        try:
            report = load_raw(raw_dir, warehouse_path, lock_held=True, progress_callback=progress, **load_options)
        except BaseException:
            _put_back(folder, placed, rejected=set(placed))
            raise
        rejected = {name for name in placed
                    if report.file(f"{UPLOAD_FOLDER}/{name}").status == "afgewezen" or not report.swapped}
        _put_back(folder, placed, rejected)
    return report


def _put_back(folder: Path, placed: dict[str, bytes | None], rejected: set[str]) -> None:
    """Take rejected uploads out of the raw folder again, restoring the file that was there before."""
    for name in rejected:
        previous = placed[name]
        if previous is None:
            (folder / name).unlink(missing_ok=True)
        else:
            (folder / name).write_bytes(previous)
