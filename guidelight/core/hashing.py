"""Content hashes: a document is known by what it contains, not where it lies."""

from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes as hex; the key of caches and of the course library."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
