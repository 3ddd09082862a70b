"""Plain records the library hands out; never sqlite3 rows, so callers need no SQL."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from guidelight.core.model import Position


class ProcessingState(enum.StrEnum):
    """How far a library document has been processed, so a volunteer knows what to fix."""

    READY = "ready"  # opened and has a text layer
    NO_TEXT = "no_text"  # opened but scanned: waits for OCR before a student can hear it


@dataclass(frozen=True)
class Course:
    """A course: ``id`` is the short code volunteers and the CLI use ("2301107", "CHEM1")."""

    id: str
    title: str


@dataclass(frozen=True)
class LibraryDocument:
    """A PDF in a course. ``stored_path`` is the library's own copy, found by content hash."""

    content_hash: str
    course_id: str
    title: str
    source_path: str
    stored_path: str
    page_count: int
    state: ProcessingState
    added_at: float


@dataclass(frozen=True)
class RecentDocument:
    content_hash: str
    path: str
    title: str
    opened_at: float


@dataclass(frozen=True)
class Bookmark:
    id: int
    content_hash: str
    position: Position
    note: str
    created_at: float
