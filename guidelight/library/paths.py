"""Where a library lives on disk.

A library is a directory: the shared catalog (``library.sqlite3`` plus the PDFs under
``files/``) and the per-user state (``user.sqlite3``: positions, bookmarks, recent
documents). The two can live apart so a lab can put the catalog on a read-only network
folder while each student's reading state stays in their own profile, and a portable
install can keep both beside the program.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def stored_file(library_dir: Path, content_hash: str) -> Path:
    """Content-addressed location of a PDF inside the library (two-level fan-out)."""
    return library_dir / FILES_DIR / content_hash[:2] / f"{content_hash}.pdf"
