"""The ``Library``: one entry point to the course catalog and one user's reading state.

The app and the CLI only ever talk to this class; it returns the records of
``models`` and ``corrections`` and the core's ``Position``/``Page``/``Document``.
"""

from __future__ import annotations

import dataclasses
import getpass
import os
import shutil
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from guidelight.core.filenames import on_disk, readable_name
from guidelight.core.hashing import file_hash
from guidelight.core.model import Document, Page, Position
from guidelight.library.corrections import (
    Anchor,
    Correction,
    CorrectionKind,
    apply_corrections,
    stale_corrections,
)
from guidelight.library.db import Database, LibraryError
from guidelight.library.models import Bookmark, Course, LibraryDocument, ProcessingState, RecentDocument
from guidelight.library.paths import CATALOG_FILE, FILES_DIR, USER_FILE, resolve_library_dir, stored_file
from guidelight.library.schema import CATALOG_MIGRATIONS, USER_MIGRATIONS

# Corrections that describe one paragraph replace an earlier one of the same kind;
# figure descriptions accumulate (a paragraph may be followed by several figures).
_SINGLE_PER_PARAGRAPH = (CorrectionKind.TEXT, CorrectionKind.HEADING, CorrectionKind.FURNITURE)


def open_library(
    path: str | Path | None = None,
    *,
    user_dir: str | Path | None = None,
    read_only: bool = False,
) -> Library:
    """Open (creating if needed) the library at ``path``, or the per-user default.

    ``user_dir`` keeps this user's positions, bookmarks and recent list somewhere else
    than the catalog (a lab's shared, ``read_only`` catalog); by default they sit beside it.
    """
    library_dir = resolve_library_dir(path)
    return Library(library_dir, user_dir=Path(user_dir) if user_dir else library_dir, read_only=read_only)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers, services)
        return "user"


class Library:
    """A course catalog plus one user's reading state; safe to share between threads."""

    def __init__(self, library_dir: Path, *, user_dir: Path, read_only: bool = False) -> None:
        self.directory = library_dir
        self.user = _current_user()
        if read_only and not (library_dir / CATALOG_FILE).is_file():
            raise LibraryError(f"{library_dir}: no course library there")
        if not read_only and library_dir.is_dir() and not os.access(library_dir, os.W_OK):
            raise LibraryError(
                f"{library_dir}: this folder is read-only; open a shared library read-only, "
                "with positions and bookmarks kept in the user's own folder"
            )
        self._catalog = Database(library_dir / CATALOG_FILE, CATALOG_MIGRATIONS, read_only=read_only)
        try:
            self._state = Database(user_dir / USER_FILE, USER_MIGRATIONS)
        except BaseException:
            self._catalog.close()
            raise
        if not read_only:
            sweep_leftovers(library_dir)
            self._sweep_orphans()

    @property
    def read_only(self) -> bool:
        return self._catalog.read_only

    def close(self) -> None:
        self._catalog.close()
        self._state.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading state: written as the student reads ------------------------------

    def remember_document(self, content_hash: str, path: str | Path, title: str, page_count: int) -> None:
        """Note that a document was opened (from ``path``): it goes to the top of ``recent``."""
        self._state.execute(
            "INSERT INTO recent(user, content_hash, path, title, page_count, opened_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user, content_hash) DO UPDATE SET "
            "path = excluded.path, title = excluded.title, page_count = excluded.page_count, "
            "opened_at = excluded.opened_at",
            (self.user, content_hash, readable_name(path), title, page_count, time.time()),
        )

    def recent(self, limit: int = 10) -> list[RecentDocument]:
        rows = self._state.execute(
            "SELECT content_hash, path, title, opened_at FROM recent WHERE user = ? "
            "ORDER BY opened_at DESC LIMIT ?",
            (self.user, limit),
        )
        return [RecentDocument(r["content_hash"], r["path"], r["title"], r["opened_at"]) for r in rows]

    def set_position(self, content_hash: str, position: Position) -> None:
        """Save the reading position: one small committed write, cheap enough per sentence."""
        self._state.execute(
            "INSERT INTO positions(user, content_hash, page, offset, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(user, content_hash) DO UPDATE SET page = excluded.page, "
            "offset = excluded.offset, updated_at = excluded.updated_at",
            (self.user, content_hash, position.page, position.offset, time.time()),
        )

    def get_position(self, content_hash: str) -> Position | None:
        rows = self._state.execute(
            "SELECT page, offset FROM positions WHERE user = ? AND content_hash = ?",
            (self.user, content_hash),
        )
        return Position(rows[0]["page"], rows[0]["offset"]) if rows else None

    def add_bookmark(self, content_hash: str, position: Position, note: str = "") -> Bookmark:
        created = time.time()
        with self._state.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO bookmarks(user, content_hash, page, offset, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (self.user, content_hash, position.page, position.offset, note, created),
            )
            bookmark_id = int(cursor.lastrowid or 0)
        return Bookmark(bookmark_id, content_hash, position, note, created)

    def bookmarks(self, content_hash: str) -> list[Bookmark]:
        rows = self._state.execute(
            "SELECT id, page, offset, note, created_at FROM bookmarks WHERE user = ? AND content_hash = ? "
            "ORDER BY page, offset, id",
            (self.user, content_hash),
        )
        return [
            Bookmark(r["id"], content_hash, Position(r["page"], r["offset"]), r["note"], r["created_at"])
            for r in rows
        ]

    def remove_bookmark(self, bookmark_id: int) -> None:
        self._state.execute("DELETE FROM bookmarks WHERE id = ? AND user = ?", (bookmark_id, self.user))

    # ---- courses and documents ----------------------------------------------------

    def add_course(self, course_id: str, title: str = "") -> Course:
        """Create a course, or rename it when ``title`` is given and it exists."""
        course_id = course_id.strip()
        if not course_id:
            raise LibraryError("a course needs a short code, for example 2301107")
        self._catalog.execute(
            "INSERT INTO courses(id, title, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "title = CASE WHEN excluded.title = '' THEN courses.title ELSE excluded.title END",
            (course_id, title, time.time()),
        )
        course = self.course(course_id)
        assert course is not None
        return course

    def course(self, course_id: str) -> Course | None:
        rows = self._catalog.execute("SELECT id, title FROM courses WHERE id = ?", (course_id,))
        return Course(rows[0]["id"], rows[0]["title"]) if rows else None

    def courses(self) -> list[Course]:
        rows = self._catalog.execute("SELECT id, title FROM courses ORDER BY id")
        return [Course(r["id"], r["title"]) for r in rows]

    def remove_course(self, course_id: str) -> None:
        """Remove a course with its documents, their corrections and its pronunciations."""
        hashes = [d.content_hash for d in self.documents(course_id)]
        self._catalog.execute("DELETE FROM courses WHERE id = ?", (course_id,))
        for content_hash in hashes:
            self._discard_file(content_hash)

    def add_document(
        self,
        course_id: str,
        source: str | Path,
        *,
        content_hash: str,
        title: str,
        page_count: int,
        state: ProcessingState = ProcessingState.READY,
    ) -> LibraryDocument:
        """Copy ``source`` into the library and catalog it under ``course_id``."""
        if self.course(course_id) is None:
            raise LibraryError(f"no course {course_id!r}; add it first")
        existing = self.document(content_hash)
        if existing is not None:
            raise LibraryError(
                f"{source}: already in the library as {existing.title!r} ({existing.course_id})"
            )
        target = stored_file(self.directory, content_hash)
        try:
            # The file is put in place inside the write transaction, as ``merge_course``
            # does: a stored file no row names is then a leftover of a killed process,
            # never one of a running import (see ``_sweep_orphans``).
            with self._catalog.transaction() as conn:
                place_file(Path(source), target, move=False)
                conn.execute(
                    "INSERT INTO documents(content_hash, course_id, title, source_path, stored_path, page_count, "
                    "state, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        content_hash,
                        course_id,
                        title,
                        readable_name(source),
                        target.relative_to(self.directory).as_posix(),
                        page_count,
                        state.value,
                        time.time(),
                    ),
                )
        except sqlite3.IntegrityError as exc:  # another process added it meanwhile
            raise LibraryError(f"{source}: already in the library") from exc
        document = self.document(content_hash)
        assert document is not None
        return document

    def document(self, content_hash: str) -> LibraryDocument | None:
        """The catalogued document with this content hash, wherever its file now is."""
        rows = self._catalog.execute("SELECT * FROM documents WHERE content_hash = ?", (content_hash,))
        return self._to_document(rows[0]) if rows else None

    def documents(self, course_id: str | None = None) -> list[LibraryDocument]:
        if course_id is None:
            rows = self._catalog.execute("SELECT * FROM documents ORDER BY course_id, title")
        else:
            rows = self._catalog.execute(
                "SELECT * FROM documents WHERE course_id = ? ORDER BY title", (course_id,)
            )
        return [self._to_document(r) for r in rows]

    def rename_document(self, content_hash: str, title: str) -> None:
        """Give a document the title students will hear when choosing it."""
        if not title.strip():
            raise LibraryError("a document needs a title")
        self._catalog.execute(
            "UPDATE documents SET title = ? WHERE content_hash = ?", (title.strip(), content_hash)
        )

    def remove_document(self, content_hash: str) -> None:
        self._catalog.execute("DELETE FROM documents WHERE content_hash = ?", (content_hash,))
        self._discard_file(content_hash)

    def lookup_file(self, path: str | Path) -> LibraryDocument | None:
        """The catalogued document a file on disk is, by its content (it may have moved)."""
        return self.document(file_hash(path))

    def find_file(self, content_hash: str) -> Path | None:
        """A readable file with this content: the library's copy, else where it was last opened."""
        stored = stored_file(self.directory, content_hash)
        if stored.is_file():
            return stored
        rows = self._state.execute(
            "SELECT path FROM recent WHERE user = ? AND content_hash = ?", (self.user, content_hash)
        )
        candidates = [on_disk(r["path"]) for r in rows]
        document = self.document(content_hash)
        if document is not None:
            candidates.append(on_disk(document.source_path))
        for candidate in candidates:
            if candidate.is_file() and file_hash(candidate) == content_hash:
                return candidate
        return None

    def relocate(self, content_hash: str, new_path: str | Path) -> None:
        """Record that the document now lives at ``new_path`` (checked by its content)."""
        if file_hash(new_path) != content_hash:
            raise LibraryError(f"{new_path}: not the same document (its content differs)")
        self._state.execute(
            "UPDATE recent SET path = ? WHERE user = ? AND content_hash = ?",
            (readable_name(new_path), self.user, content_hash),
        )
        if not self.read_only:
            self._catalog.execute(
                "UPDATE documents SET source_path = ? WHERE content_hash = ?",
                (readable_name(new_path), content_hash),
            )

    def _to_document(self, row: sqlite3.Row) -> LibraryDocument:
        return LibraryDocument(
            content_hash=row["content_hash"],
            course_id=row["course_id"],
            title=row["title"],
            source_path=row["source_path"],
            stored_path=str(self.directory / row["stored_path"]),
            page_count=row["page_count"],
            state=ProcessingState(row["state"]),
            added_at=row["added_at"],
        )

    def _discard_file(self, content_hash: str) -> None:
        stored_file(self.directory, content_hash).unlink(missing_ok=True)

    def _sweep_orphans(self) -> None:
        """Delete stored PDFs no catalog row names: what a process killed during an
        import (or a removal) left behind. Files are only ever put in place inside a
        write transaction, so holding one here means no import is half-way; a library
        another process keeps busy is swept at a later open instead."""
        try:
            with self._catalog.transaction() as conn:
                named = {row[0] for row in conn.execute("SELECT content_hash FROM documents")}
                for file in (self.directory / FILES_DIR).glob("*/*.pdf"):
                    if file.stem not in named:
                        file.unlink(missing_ok=True)
        except (sqlite3.Error, OSError):
            pass

    # ---- volunteer corrections and pronunciation ------------------------------------

    def add_correction(self, content_hash: str, correction: Correction) -> Correction:
        """Store a correction; one of a kind per paragraph, except figure descriptions."""
        if self.document(content_hash) is None:
            raise LibraryError("corrections belong to a document in a course; import it first")
        with self._catalog.transaction() as conn:
            return _insert_correction(conn, content_hash, correction)

    def corrections(self, content_hash: str, page: int | None = None) -> list[Correction]:
        sql = "SELECT * FROM corrections WHERE content_hash = ?"
        params: tuple[object, ...] = (content_hash,)
        if page is not None:
            sql, params = sql + " AND page = ?", (content_hash, page)
        rows = self._catalog.execute(sql + " ORDER BY page, paragraph, created_at, id", params)
        return [
            Correction(
                CorrectionKind(r["kind"]),
                Anchor(r["page"], r["paragraph"], r["anchor"]),
                r["text"],
                r["level"],
                r["author"],
                r["id"],
                r["created_at"],
            )
            for r in rows
        ]

    def remove_correction(self, correction_id: int) -> None:
        self._catalog.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))

    def corrected_page(self, content_hash: str, page: Page) -> Page:
        """``page`` with the volunteers' corrections applied (the text the student hears)."""
        return apply_corrections(page, self.corrections(content_hash, page.number))

    def stale_corrections(self, content_hash: str, page: Page) -> list[Correction]:
        """Corrections of this page whose paragraph the extractor no longer produces."""
        return stale_corrections(page, self.corrections(content_hash, page.number))

    def corrected(self, document: Document) -> Document:
        """``document`` read through the correction overlay, page by page as it is loaded."""
        content_hash = document.content_hash
        return Document(
            title=document.title,
            page_count=document.page_count,
            content_hash=content_hash,
            loader=lambda number: self.corrected_page(content_hash, document.page(number)),
            outline=document.outline,
            source_path=document.source_path,
        )

    def merge_course(
        self,
        course: Course,
        documents: Sequence[tuple[LibraryDocument, Path]],
        corrections: Sequence[tuple[str, Correction]],
        pronunciations: Mapping[str, str],
    ) -> list[str]:
        """Add a course's content (from a pack) all at once, or nothing if anything fails.

        Each document comes with the file to move in; documents already in the library
        are kept as they are. Corrections are added as ``add_correction`` would, except
        exact repeats. Returns the content hashes of the documents added.
        """
        placed: list[Path] = []
        added: list[str] = []
        try:
            with self._catalog.transaction() as conn:
                conn.execute(
                    "INSERT INTO courses(id, title, created_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET title = excluded.title",
                    (course.id, course.title, time.time()),
                )
                for doc, file in documents:
                    if conn.execute(
                        "SELECT 1 FROM documents WHERE content_hash = ?", (doc.content_hash,)
                    ).fetchone():
                        continue
                    target = stored_file(self.directory, doc.content_hash)
                    if not target.exists():
                        place_file(file, target, move=True)
                        placed.append(target)
                    conn.execute(
                        "INSERT INTO documents(content_hash, course_id, title, source_path, stored_path, "
                        "page_count, state, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            doc.content_hash,
                            course.id,
                            doc.title,
                            doc.source_path,
                            target.relative_to(self.directory).as_posix(),
                            doc.page_count,
                            doc.state.value,
                            time.time(),
                        ),
                    )
                    added.append(doc.content_hash)
                for content_hash, correction in corrections:
                    if not _has_correction(conn, content_hash, correction):
                        _insert_correction(conn, content_hash, correction)
                for written, spoken in pronunciations.items():
                    conn.execute(
                        "INSERT INTO pronunciations(course_id, written, spoken) VALUES (?, ?, ?) "
                        "ON CONFLICT(course_id, written) DO UPDATE SET spoken = excluded.spoken",
                        (course.id, written, spoken),
                    )
        except BaseException:
            for target in placed:
                target.unlink(missing_ok=True)
            raise
        return added

    def set_pronunciation(self, course_id: str, written: str, spoken: str) -> None:
        """How a term of this course is read aloud ("กพร" -> "กอ-พอ-รอ")."""
        written, spoken = written.strip(), spoken.strip()
        if not written or not spoken:
            raise LibraryError("a pronunciation entry needs both the written and the spoken form")
        if self.course(course_id) is None:
            raise LibraryError(f"no course {course_id!r}; add it first")
        self._catalog.execute(
            "INSERT INTO pronunciations(course_id, written, spoken) VALUES (?, ?, ?) "
            "ON CONFLICT(course_id, written) DO UPDATE SET spoken = excluded.spoken",
            (course_id, written, spoken),
        )

    def remove_pronunciation(self, course_id: str, written: str) -> None:
        self._catalog.execute(
            "DELETE FROM pronunciations WHERE course_id = ? AND written = ?", (course_id, written)
        )

    def pronunciations(self, course_id: str) -> dict[str, str]:
        """The course's entries as {written: spoken}, for the speech normaliser."""
        rows = self._catalog.execute(
            "SELECT written, spoken FROM pronunciations WHERE course_id = ? ORDER BY written", (course_id,)
        )
        return {r["written"]: r["spoken"] for r in rows}

    def pronunciations_for_document(self, content_hash: str) -> dict[str, str]:
        """The entries of the course a document belongs to (empty if it is in none)."""
        document = self.document(content_hash)
        return self.pronunciations(document.course_id) if document else {}


def _insert_correction(conn: sqlite3.Connection, content_hash: str, correction: Correction) -> Correction:
    created = correction.created_at or time.time()
    anchor = correction.anchor
    if correction.kind in _SINGLE_PER_PARAGRAPH:
        conn.execute(
            "DELETE FROM corrections WHERE content_hash = ? AND page = ? AND paragraph = ? "
            "AND anchor = ? AND kind = ?",
            (content_hash, anchor.page, anchor.paragraph, anchor.text_hash, correction.kind.value),
        )
    cursor = conn.execute(
        "INSERT INTO corrections(content_hash, page, paragraph, anchor, kind, text, level, author, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_correction_key(content_hash, correction), correction.author, created),
    )
    return dataclasses.replace(correction, id=int(cursor.lastrowid or 0), created_at=created)


def _correction_key(content_hash: str, correction: Correction) -> tuple[object, ...]:
    """What makes two corrections the same: where they are anchored, and what they say."""
    anchor = correction.anchor
    return (content_hash, anchor.page, anchor.paragraph, anchor.text_hash, correction.kind.value,
            correction.text, correction.level)


def _has_correction(conn: sqlite3.Connection, content_hash: str, correction: Correction) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM corrections WHERE content_hash = ? AND page = ? AND paragraph = ? AND anchor = ? "
            "AND kind = ? AND text = ? AND level = ?",
            _correction_key(content_hash, correction),
        ).fetchone()
        is not None
    )


LEFTOVER_AGE_S = 24 * 3600


def sweep_leftovers(library_dir: Path, now: float | None = None) -> None:
    """Delete temp files and pack folders a killed import left behind.

    Only day-old ones: a younger one may belong to an import running right now in
    another app instance on the same library.
    """
    cutoff = (time.time() if now is None else now) - LEFTOVER_AGE_S
    candidates = [*library_dir.glob(".pack-*"), *library_dir.glob(f"{FILES_DIR}/*/.*.tmp")]
    for leftover in candidates:
        try:
            if leftover.lstat().st_mtime >= cutoff:
                continue
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        except OSError:
            continue  # removed by another instance meanwhile, or not ours to remove


def place_file(source: Path, target: Path, *, move: bool) -> None:
    """Put a file at its content-addressed place atomically (a temp name, then rename).

    A kill mid-copy leaves only a temp file, never a truncated PDF under the final name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_file():
        return  # content-addressed: the same name means the same bytes
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if move:
            shutil.move(source, temp)
        else:
            shutil.copyfile(source, temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
