"""Course library storage on SQLite: courses, documents, positions, bookmarks, corrections."""

from guidelight.library.db import LibraryError
from guidelight.library.models import Bookmark, Course, LibraryDocument, ProcessingState, RecentDocument
from guidelight.library.store import Library, open_library

__all__ = [
    "Bookmark",
    "Course",
    "Library",
    "LibraryDocument",
    "LibraryError",
    "ProcessingState",
    "RecentDocument",
    "open_library",
]
