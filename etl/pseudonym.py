"""Keyed pseudonyms for personal data (names, owners, street addresses).

A pseudonym is HMAC-SHA256 over the normalised value with a secret key that lives outside the
repository (settings.pseudonym_key_path). The same value gives the same pseudonym across loads, so
visits to one address can be counted, while the value itself cannot be recovered without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from access.files import refuse_if_open
from etl.parse import norm, show

PREFIXES = {"naam": "PER", "adres": "ADR", "eigenaar": "EIG"}
"""Pseudonym prefix per contract column name; other pseudonym columns get 'PSN'."""


def load_key(key_path: Path) -> bytes:
    """Read the secret key; on first use create it (32 random bytes, mode 0600, parent folders made)."""
    key_path = Path(key_path)
    if not key_path.exists():
        key_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    refuse_if_open(key_path, "De pseudoniemsleutel")
    key = key_path.read_bytes()
    if len(key) < 16:
        raise ValueError(f"pseudoniemsleutel {key_path} is te kort")
    return key


def pseudonym(value: object, column: str, key: bytes) -> str:
    """The keyed pseudonym of `value` for contract column `column`, e.g. 'PER-3f9a1c2b7d'."""
    digest = hmac.new(key, norm(show(value)).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{PREFIXES.get(column, 'PSN')}-{digest[:10]}"


def fingerprint(key: bytes) -> str:
    """A fingerprint of the key that does not reveal it: 16 hex digits of an HMAC of a fixed text."""
    return hmac.new(key, b"kit-dashboard vingerafdruk pseudoniemsleutel", hashlib.sha256).hexdigest()[:16]
