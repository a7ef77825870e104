"""Files only their owner may read: the accounts file, the audit log, the key, the warehouse and the coding store.

New files are created with mode 0600 (folders 0700); a secret file (key, accounts) that others can read is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class OpenFileError(PermissionError):
    """A secret file is readable or writable by users other than its owner."""


def owner_only() -> None:
    """Make every file and folder this process creates from now on readable by its owner only (umask 077): the
    warehouse, the coding store, the key, the accounts file and the audit log. Called first by every entry point."""
    os.umask(0o077)


def private_dir(folder: Path) -> None:
    """Create `folder` (and parents) when missing; a folder made here gets mode 0700."""
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)


def make_private(path: Path) -> None:
    """Set `path` to owner read/write only (0600); nothing when it does not exist."""
    if path.exists():
        os.chmod(path, 0o600)


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 when it does not exist (its folder 0700 when made here)."""
    private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    make_private(path)


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file + rename), the result with mode 0600."""
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def refuse_if_open(path: Path, what: str) -> None:
    """Raise OpenFileError (a Dutch message naming the file and the fix) when group or others may read or write
    `path`; nothing when the file does not exist."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise OpenFileError(
            f"{what} {path} is leesbaar of schrijfbaar voor anderen dan de eigenaar (rechten "
            f"{stat.filemode(mode)}). Dat wordt geweigerd. Herstel met: chmod 600 {path}"
        )
