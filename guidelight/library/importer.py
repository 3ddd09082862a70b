"""Import PDFs into a course: one file, many, or whole folders.

A plain function so the GUI can run it on a worker thread and speak each step from the
progress callback, and the CLI can print it. A file that cannot be read is reported
with the reason and the import carries on; a file already in the library (same
content, whatever its name) is skipped.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from guidelight.core.errors import DocumentError, NoTextLayer
from guidelight.core.filenames import readable_stem
from guidelight.core.hashing import file_hash
from guidelight.core.titles import document_title
from guidelight.extract.pdf import open_document
from guidelight.library.db import LibraryError
from guidelight.library.models import LibraryDocument, ProcessingState
from guidelight.library.store import Library


class Outcome(enum.StrEnum):
    ADDED = "added"
    NEEDS_OCR = "needs_ocr"  # added, but scanned: nothing to hear until OCR has run
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    """What happened to one file; ``problem`` says why in plain words when not ADDED."""

    path: Path
    outcome: Outcome
    document: LibraryDocument | None = None
    problem: str = ""


@dataclass(frozen=True)
class ImportProgress:
    """Sent after each file: ``done`` of ``total`` files, and what happened to this one."""

    done: int
    total: int
    result: FileResult


@dataclass
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    stopped: bool = False  # the caller asked to stop before every file was seen

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)


def collect_pdfs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: each file as given, and every ``*.pdf`` under each folder, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def import_files(
    library: Library,
    course_id: str,
    paths: Iterable[str | Path],
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders into ``course_id`` (created if it does not exist)."""
    if library.course(course_id) is None:
        library.add_course(course_id)
    files = collect_pdfs(paths)
    report = ImportReport()
    for done, path in enumerate(files, start=1):
        if should_stop is not None and should_stop():
            report.stopped = True
            break
        result = _import_one(library, course_id, path)
        report.results.append(result)
        if progress is not None:
            progress(ImportProgress(done, len(files), result))
    return report


def _import_one(library: Library, course_id: str, path: Path) -> FileResult:
    try:
        content_hash = file_hash(path)
    except OSError as exc:
        return FileResult(path, Outcome.FAILED, problem=f"cannot read the file ({exc.strerror or exc})")
    existing = library.document(content_hash)
    if existing is not None:
        return FileResult(path, Outcome.DUPLICATE, existing, _already(existing))
    try:
        document = open_document(path)
        title, page_count, state, outcome, problem = (
            library_title(document.title, path),
            document.page_count,
            ProcessingState.READY,
            Outcome.ADDED,
            "",
        )
    except NoTextLayer as exc:
        title, page_count, state, outcome, problem = (
            readable_stem(path),
            0,
            ProcessingState.NO_TEXT,
            Outcome.NEEDS_OCR,
            exc.problem,
        )
    except DocumentError as exc:
        return FileResult(path, Outcome.FAILED, problem=exc.problem)
    try:
        added = library.add_document(
            course_id, path, content_hash=content_hash, title=title, page_count=page_count, state=state
        )
    except LibraryError as exc:  # added by another process since we looked
        return FileResult(path, Outcome.DUPLICATE, library.document(content_hash), str(exc))
    except OSError as exc:
        return FileResult(path, Outcome.FAILED, problem=f"cannot copy it into the library ({exc})")
    return FileResult(path, outcome, added, problem)


def library_title(metadata_title: str, path: Path) -> str:
    """The title a volunteer and a student see: the PDF's title unless it is a file name
    or a placeholder (the first heading replaces it once the document is opened)."""
    return document_title(metadata_title, None, path)


def _already(existing: LibraryDocument) -> str:
    return f"already in the library as {existing.title!r} in course {existing.course_id}"
