"""Course packs (``.glpack``): one volunteer's prepared course, carried to every lab.

A pack is a zip holding ``manifest.json`` (format, version, course, documents,
corrections, pronunciation entries) and the PDFs as ``documents/<sha256>.pdf``.

Packs arrive from other people, so import treats one as hostile until proven otherwise:
every entry name, type and size is checked before anything is read, the PDFs are
extracted with a hard byte limit into a temporary folder and checked against their
hashes, and only then is the course added, in one transaction, with the files moved in.
Any problem stops the import with one plain sentence and leaves the library unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelight import __version__
from guidelight.core.errors import GuideLightError
from guidelight.core.safezip import ArchiveRules, UnsafeArchive, checked_entries, stream
from guidelight.library.corrections import PAGE_TOP, Anchor, Correction, CorrectionKind
from guidelight.library.db import LibraryError
from guidelight.library.models import Course, LibraryDocument, ProcessingState
from guidelight.library.store import Library

PACK_FORMAT = "guidelight-pack"
PACK_VERSION = 1
PACK_SUFFIX = ".glpack"
MANIFEST = "manifest.json"
DOCUMENTS_DIR = "documents"
MAX_MANIFEST_BYTES = 16 << 20
MAX_DOCUMENT_BYTES = 1 << 30
MAX_TOTAL_BYTES = 8 << 30
MAX_ENTRIES = 5000
_HASH = re.compile(r"^[0-9a-f]{64}$")
_DOCUMENT_NAME = re.compile(rf"^{DOCUMENTS_DIR}/([0-9a-f]{{64}})\.pdf$")


class PackError(GuideLightError):
    """A pack cannot be imported or written; nothing was changed."""

    def __init__(self, pack: str | Path, problem: str) -> None:
        super().__init__(f"{pack}: {problem}")
        self.problem = problem


@dataclass(frozen=True)
class PackSummary:
    course: Course
    documents: int  # in the pack
    added: int  # new to this library
    corrections: int
    pronunciations: int


# ---- export -------------------------------------------------------------------------


def export_pack(library: Library, course_id: str, target: str | Path) -> PackSummary:
    """Write the course with its PDFs, corrections and pronunciation entries to ``target``."""
    course = library.course(course_id)
    if course is None:
        raise LibraryError(f"no course {course_id!r}")
    target = Path(target)
    documents = library.documents(course_id)
    files = {}
    for doc in documents:
        found = library.find_file(doc.content_hash)
        if found is None:
            raise LibraryError(f"the PDF of {doc.title!r} is missing from the library; import it again")
        files[doc.content_hash] = found
    corrections = [(doc.content_hash, c) for doc in documents for c in library.corrections(doc.content_hash)]
    pronunciations = library.pronunciations(course_id)
    manifest = {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "generator": f"guidelight {__version__}",
        "created_at": time.time(),
        "course": {"id": course.id, "title": course.title},
        "documents": [
            {
                "content_hash": d.content_hash,
                "title": d.title,
                "page_count": d.page_count,
                "state": d.state.value,
                "source_name": Path(d.source_path).name,
            }
            for d in documents
        ],
        "corrections": [
            {
                "content_hash": h,
                "page": c.anchor.page,
                "paragraph": c.anchor.paragraph,
                "anchor": c.anchor.text_hash,
                "kind": c.kind.value,
                "text": c.text,
                "level": c.level,
                "author": c.author,
                "created_at": c.created_at,
            }
            for h, c in corrections
        ],
        "pronunciations": [{"written": w, "spoken": s} for w, s in pronunciations.items()],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(
                MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1), zipfile.ZIP_DEFLATED
            )
            for content_hash, path in files.items():
                archive.write(path, f"{DOCUMENTS_DIR}/{content_hash}.pdf", zipfile.ZIP_STORED)
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)
    return PackSummary(course, len(documents), 0, len(corrections), len(pronunciations))


# ---- import -------------------------------------------------------------------------


def import_pack(library: Library, pack: str | Path) -> PackSummary:
    """Import a pack into the library, all of it or (with a PackError) nothing."""
    pack = Path(pack)
    if library.read_only:
        raise PackError(pack, "the library is read-only here")
    try:
        archive = zipfile.ZipFile(pack)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackError(pack, f"not a Guide Light pack ({exc})") from None
    with archive:
        entries = _checked_entries(pack, archive)
        manifest = _parse_manifest(pack, _read(pack, archive, entries[MANIFEST], MAX_MANIFEST_BYTES))
        course, documents, corrections, pronunciations = manifest
        wanted = {f"{DOCUMENTS_DIR}/{d.content_hash}.pdf" for d in documents}
        extra = sorted(set(entries) - wanted - {MANIFEST})
        if extra:
            raise PackError(pack, f"the entry {extra[0]!r} is not listed in the manifest")
        missing = sorted(wanted - set(entries))
        if missing:
            raise PackError(pack, f"the manifest lists {missing[0]!r} but the pack does not contain it")
        library.directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".pack-", dir=library.directory) as tmp:
            files = []
            for doc in documents:
                name = f"{DOCUMENTS_DIR}/{doc.content_hash}.pdf"
                path = Path(tmp) / f"{doc.content_hash}.pdf"
                _extract(pack, archive, entries[name], path, doc.content_hash)
                files.append((doc, path))
            try:
                added = library.merge_course(course, files, corrections, pronunciations)
            except (LibraryError, OSError, sqlite3.Error) as exc:
                raise PackError(pack, f"could not add it to the library ({exc})") from exc
    return PackSummary(course, len(documents), len(added), len(corrections), len(pronunciations))


def _limit_for(name: str) -> int | None:
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    return MAX_DOCUMENT_BYTES if _DOCUMENT_NAME.match(name) else None


_RULES = ArchiveRules(
    limit_for=_limit_for,
    unexpected=f"a pack holds {MANIFEST} and {DOCUMENTS_DIR}/",
    max_entries=MAX_ENTRIES,
    max_total=MAX_TOTAL_BYTES,
    kind="a pack",
    destination="the library",
)


def _checked_entries(pack: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The pack's file entries by name, once every name, type and size is known safe."""
    try:
        entries = checked_entries(archive, _RULES)
    except UnsafeArchive as exc:
        raise PackError(pack, str(exc)) from None
    if MANIFEST not in entries:
        raise PackError(pack, f"it has no {MANIFEST}; it is not a Guide Light pack")
    return entries


def _stream(pack: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    try:
        yield from stream(archive, info, limit)
    except UnsafeArchive as exc:
        raise PackError(pack, str(exc)) from None


def _read(pack: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    return b"".join(_stream(pack, archive, info, limit))


def _extract(
    pack: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, content_hash: str
) -> None:
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        for chunk in _stream(pack, archive, info, MAX_DOCUMENT_BYTES):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != content_hash:
        raise PackError(pack, f"the entry {info.filename!r} does not match its content hash")


_Manifest = tuple[Course, list[LibraryDocument], list[tuple[str, Correction]], dict[str, str]]


def _parse_manifest(pack: Path, raw: bytes) -> _Manifest:
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackError(pack, f"its {MANIFEST} is not valid JSON ({exc})") from None
    check = _Checker(pack)
    data = check.obj(data, MANIFEST)
    if data.get("format") != PACK_FORMAT:
        raise PackError(pack, f"it is not a Guide Light pack (format {data.get('format')!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackError(pack, f"its pack version {version!r} is malformed")
    if version > PACK_VERSION:
        raise PackError(
            pack, f"it is a version {version} pack, made by a newer Guide Light (this one reads up to "
            f"{PACK_VERSION}); update Guide Light"
        )
    course_data = check.obj(data.get("course"), "course")
    course = Course(check.text(course_data, "id", "course", limit=100, required=True),
                    check.text(course_data, "title", "course"))
    documents = []
    for i, item in enumerate(check.array(data, "documents")):
        where = f"documents[{i}]"
        item = check.obj(item, where)
        state = check.text(item, "state", where) or ProcessingState.READY.value
        if state not in {s.value for s in ProcessingState}:
            raise PackError(pack, f"{where} has an unknown state {state!r}")
        documents.append(
            LibraryDocument(
                content_hash=check.hash(item, where),
                course_id=course.id,
                title=check.text(item, "title", where, required=True),
                source_path=f"{pack.name}:{check.text(item, 'source_name', where)}",
                stored_path="",
                page_count=check.integer(item, "page_count", where, minimum=0),
                state=ProcessingState(state),
                added_at=0.0,
            )
        )
    hashes = [d.content_hash for d in documents]
    if len(set(hashes)) != len(hashes):
        raise PackError(pack, "the manifest lists a document twice")
    corrections = []
    for i, item in enumerate(check.array(data, "corrections")):
        where = f"corrections[{i}]"
        item = check.obj(item, where)
        content_hash = check.hash(item, where)
        if content_hash not in hashes:
            raise PackError(pack, f"{where} is for a document the pack does not contain")
        kind = check.text(item, "kind", where, required=True)
        if kind not in {k.value for k in CorrectionKind}:
            raise PackError(pack, f"{where} has an unknown kind {kind!r}")
        anchor = Anchor(
            check.integer(item, "page", where, minimum=1),
            check.integer(item, "paragraph", where, minimum=PAGE_TOP),
            check.text(item, "anchor", where, limit=64),
        )
        created = item.get("created_at", 0.0)
        corrections.append(
            (
                content_hash,
                Correction(
                    CorrectionKind(kind),
                    anchor,
                    text=check.text(item, "text", where),
                    level=check.integer(item, "level", where, minimum=0),
                    author=check.text(item, "author", where, limit=200),
                    created_at=float(created) if isinstance(created, int | float) else 0.0,
                ),
            )
        )
    pronunciations = {}
    for i, item in enumerate(check.array(data, "pronunciations")):
        where = f"pronunciations[{i}]"
        item = check.obj(item, where)
        written = check.text(item, "written", where, limit=200, required=True).strip()
        pronunciations[written] = check.text(item, "spoken", where, limit=500, required=True).strip()
    return course, documents, corrections, pronunciations


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


class _Checker:
    """Type checks of manifest fields, each failing with the field's place in the manifest."""

    def __init__(self, pack: Path) -> None:
        self.pack = pack

    def fail(self, where: str, what: str) -> PackError:
        return PackError(self.pack, f"its manifest is malformed: {where} {what}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def array(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return value

    def text(self, data: dict[str, Any], key: str, where: str, *, limit: int = 100_000,
             required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise self.fail(f"{where}.{key}", f"must be text of at most {limit} characters")
        if required and not value.strip():
            raise self.fail(f"{where}.{key}", "must not be empty")
        return value

    def integer(self, data: dict[str, Any], key: str, where: str, *, minimum: int) -> int:
        value = data.get(key, minimum)
        if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value < 1 << 31:
            raise self.fail(f"{where}.{key}", f"must be a whole number from {minimum}")
        return value

    def hash(self, data: dict[str, Any], where: str) -> str:
        value = data.get("content_hash")
        if not isinstance(value, str) or not _HASH.match(value):
            raise self.fail(f"{where}.content_hash", "must be a SHA-256 in hex")
        return value


def default_pack_name(course: Course) -> str:
    safe = re.sub(r"[^\w.-]+", "_", course.id).strip("._") or "course"
    return safe + PACK_SUFFIX


__all__ = ["PackError", "PackSummary", "default_pack_name", "export_pack", "import_pack"]
