"""Where a library lives on disk.

A library is a directory: the shared catalog (``library.sqlite3`` plus the PDFs under
``files/``) and the per-user state (``user.sqlite3``: positions, bookmarks, recent
documents). The two can live apart so a lab can put the catalog on a read-only network
folder while each student's reading state stays in their own profile, and a portable
install can keep both beside the program.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from guidelight.core.labconfig import LabConfig

CATALOG_FILE = "library.sqlite3"
USER_FILE = "user.sqlite3"
FILES_DIR = "files"
_DB_SUFFIXES = (".sqlite3", ".sqlite", ".db")


def default_library_dir() -> Path:
    """``GUIDELIGHT_LIBRARY_DIR`` if set (tests, lab scripts), else the per-user library
    directory of this OS (e.g. ~/.local/share/guidelight/library on Linux)."""
    override = os.environ.get("GUIDELIGHT_LIBRARY_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("guidelight", appauthor=False)) / "library"


def resolve_library_dir(path: str | Path | None) -> Path:
    """The library directory for ``path``: None means the per-user default.

    A path naming a database file (``.../library.sqlite3``) is taken to mean its folder,
    so callers may pass either.
    """
    if path is None:
        return default_library_dir()
    p = Path(path).expanduser()
    return p.parent if p.suffix.lower() in _DB_SUFFIXES else p


@dataclass(frozen=True)
class LibraryPlace:
    """The arguments of ``open_library`` for this PC: where the catalog is, where this
    student's positions and bookmarks go (None: beside it) and whether the catalog is
    only read."""

    path: Path
    user_dir: Path | None = None
    read_only: bool = False


def configured_library(lab: LabConfig) -> LibraryPlace:
    """The library the app opens: an explicit ``GUIDELIGHT_LIBRARY_DIR`` (a test, or the
    portable folder), else the lab's shared course library with the student's state in
    their own profile, else the per-user library."""
    if lab.course_library is not None and not os.environ.get("GUIDELIGHT_LIBRARY_DIR"):
        return LibraryPlace(lab.course_library, default_library_dir(), lab.course_library_read_only)
    return LibraryPlace(default_library_dir())


def stored_file(library_dir: Path, content_hash: str) -> Path:
    """Content-addressed location of a PDF inside the library (two-level fan-out)."""
    return library_dir / FILES_DIR / content_hash[:2] / f"{content_hash}.pdf"
