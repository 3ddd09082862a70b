"""Zip archives from other people, treated as hostile until every entry is known safe.

Course packs and voice archives both arrive from outside (a volunteer's USB stick, a
download), so both are opened the same way: every entry's name, type and size is
checked before a byte is read (no absolute paths, no ``..``, no links, no devices, no
duplicates, no compression bombs, limits on count and total size), and reading stops
at a hard byte limit whatever the entry's header claims. Each caller says which names
it expects and how large each may be; a problem is one plain sentence in ``UnsafeArchive``.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

MAX_RATIO = 100  # deflate rarely beats 10:1 on PDFs, JSON or ONNX weights; bombs reach 1000:1
_RATIO_FLOOR = 1 << 20  # small entries may compress well; only judge ratio above 1 MiB
_CHUNK = 1 << 20


class UnsafeArchive(Exception):
    """What is wrong with an archive, as the end of a sentence ("the entry 'x' is a link")."""


@dataclass(frozen=True)
class ArchiveRules:
    """What one kind of archive may hold.

    ``limit_for(name)`` is the largest size an entry of that name may have, or None when
    such a name does not belong in the archive; ``unexpected`` then says what does.
    """

    limit_for: Callable[[str], int | None]
    unexpected: str
    max_entries: int
    max_total: int
    kind: str  # "a pack", "a voice archive": for the messages
    destination: str  # "the library", "the voices folder": where a zip-slip would escape from


def checked_entries(archive: zipfile.ZipFile, rules: ArchiveRules) -> dict[str, zipfile.ZipInfo]:
    """The archive's file entries by name, once every name, type and size is known safe."""
    infos = archive.infolist()
    if len(infos) > rules.max_entries:
        raise UnsafeArchive(f"it has {len(infos)} entries, more than {rules.kind} can hold ({rules.max_entries})")
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        check_name(name, rules.destination)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UnsafeArchive(f"the entry {name!r} is a link; {rules.kind} may only hold plain files")
        if info.is_dir():
            continue
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # writers often leave the type bits 0
            raise UnsafeArchive(f"the entry {name!r} is not a plain file")
        if name in entries:
            raise UnsafeArchive(f"the entry {name!r} appears twice")
        limit = rules.limit_for(name)
        if limit is None:
            raise UnsafeArchive(f"unexpected entry {name!r}; {rules.unexpected}")
        if info.file_size > limit:
            raise UnsafeArchive(f"the entry {name!r} is too large ({info.file_size} bytes, limit {limit})")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise UnsafeArchive(
                f"the entry {name!r} expands {info.file_size // max(1, info.compress_size)} times: a compression bomb"
            )
        total += info.file_size
        entries[name] = info
    if total > rules.max_total:
        raise UnsafeArchive(f"it would expand to {total} bytes, more than the limit ({rules.max_total})")
    return entries


def check_name(name: str, destination: str) -> None:
    """Refuse names that would land outside the folder the archive is unpacked into."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise UnsafeArchive(f"the entry {name!r} has an absolute path")
    if "\\" in name or "\x00" in name:
        raise UnsafeArchive(f"the entry {name!r} has a malformed name")
    if ".." in PurePosixPath(name).parts:
        raise UnsafeArchive(f"the entry {name!r} points outside {destination} (zip-slip)")


def stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """Chunks of an entry, stopping at ``limit`` bytes whatever its header claims."""
    seen = 0
    try:
        with archive.open(info) as source:
            while chunk := source.read(_CHUNK):
                seen += len(chunk)
                if seen > min(limit, info.file_size):
                    raise UnsafeArchive(f"the entry {info.filename!r} is larger than it claims")
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        raise UnsafeArchive(f"the entry {info.filename!r} is damaged ({exc})") from None
