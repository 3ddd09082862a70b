"""File names as text: what a student hears, and what a catalog or a cache can write."""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath

# A byte of a file name that is not UTF-8, as Python holds it (PEP 383: U+DC80-U+DCFF).
_UNDECODED = re.compile("[\udc80-\udcff]")


def readable_name(path: str | PurePath) -> str:
    """``path`` as text that can be written anywhere. Linux keeps a file name as bytes, and a
    name that is not UTF-8 cannot be stored (SQLite, JSON) or spoken as it is. For a Thai
    student such bytes are almost always Thai in TIS-620 (an old zip file, a CD, a Windows
    share), so such a part of the path is read as Windows-874, whole (pairs of TIS-620 bytes
    can pass for UTF-8): the name is heard as its owner wrote it."""
    parts = str(path).split("/")
    return "/".join(_cp874(part) if _UNDECODED.search(part) else part for part in parts)


def _cp874(part: str) -> str:
    return part.encode("utf-8", "surrogateescape").decode("cp874", "replace")


def readable_stem(path: str | PurePath) -> str:
    """The file's name without its extension, as ``readable_name`` gives it: a document's
    title when it has no other."""
    return PurePath(readable_name(path)).stem


def on_disk(name: str) -> Path:
    """The file a name written by ``readable_name`` stands for. A name that was not UTF-8 on
    disk was stored as its Windows-874 reading; its Thai parts are turned back into those
    bytes, so a document opened from a TIS-620 folder can be found again (callers that must
    be sure check its content, as the library does by hash)."""
    path = Path(name)
    if path.exists():
        return path
    return Path("/".join(_as_undecoded(part) for part in name.split("/")))


def _as_undecoded(part: str) -> str:
    if part.isascii():
        return part
    try:
        return os.fsdecode(part.encode("cp874"))
    except UnicodeEncodeError:  # not a Windows-874 reading: left as it was written
        return part
