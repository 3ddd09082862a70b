"""The library's storage: schema, reading state, courses, documents found by content."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from guidelight.core.hashing import file_hash
from guidelight.core.model import Position
from guidelight.library import LibraryError, ProcessingState, open_library
from guidelight.library.paths import (
    CATALOG_FILE,
    USER_FILE,
    default_library_dir,
    resolve_library_dir,
    stored_file,
)
from guidelight.library.schema import CATALOG_MIGRATIONS, USER_MIGRATIONS

H1, H2 = "a" * 64, "b" * 64


def test_new_library_is_wal_versioned_and_enforces_foreign_keys(lib, tmp_path):
    for name, migrations in ((CATALOG_FILE, CATALOG_MIGRATIONS), (USER_FILE, USER_MIGRATIONS)):
        conn = sqlite3.connect(tmp_path / "library" / name)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations)
        conn.close()
    with pytest.raises(sqlite3.IntegrityError):
        lib._catalog.execute(
            "INSERT INTO documents VALUES (?, 'no-such-course', 't', 's', 'p', 1, 'ready', 0)", (H1,)
        )


def test_a_database_from_a_newer_program_is_refused(tmp_path):
    open_library(tmp_path).close()
    conn = sqlite3.connect(tmp_path / CATALOG_FILE)
    conn.execute(f"PRAGMA user_version = {len(CATALOG_MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer Guide Light"):
        open_library(tmp_path)


def test_path_may_name_the_folder_or_its_database_and_default_is_per_user(tmp_path, monkeypatch):
    assert resolve_library_dir(tmp_path / "lib" / "library.sqlite3") == tmp_path / "lib"
    assert resolve_library_dir(tmp_path / "lib") == tmp_path / "lib"
    monkeypatch.delenv("GUIDELIGHT_LIBRARY_DIR", raising=False)
    assert resolve_library_dir(None) == default_library_dir()
    assert "guidelight" in str(default_library_dir()).lower()
    monkeypatch.setenv("GUIDELIGHT_LIBRARY_DIR", str(tmp_path / "lab"))
    open_library().close()
    assert (tmp_path / "lab" / CATALOG_FILE).is_file()


def test_position_is_saved_overwritten_and_survives_reopening(tmp_path):
    lib = open_library(tmp_path)
    assert lib.get_position(H1) is None
    lib.set_position(H1, Position(3, 120))
    lib.set_position(H1, Position(4, 7))
    lib.set_position(H2, Position(1, 0))
    lib.close()
    lib = open_library(tmp_path)
    assert lib.get_position(H1) == Position(4, 7)
    assert lib.get_position(H2) == Position(1, 0)
    lib.close()


def test_bookmarks_keep_notes_sorted_by_place_and_can_be_removed(lib):
    late = lib.add_bookmark(H1, Position(5, 10), note="สูตรสำคัญ")
    early = lib.add_bookmark(H1, Position(2, 99))
    lib.add_bookmark(H2, Position(1, 1))
    assert [b.position for b in lib.bookmarks(H1)] == [Position(2, 99), Position(5, 10)]
    assert lib.bookmarks(H1)[1].note == "สูตรสำคัญ"
    lib.remove_bookmark(early.id)
    assert [b.id for b in lib.bookmarks(H1)] == [late.id]
    assert len(lib.bookmarks(H2)) == 1


def test_recent_lists_latest_first_updates_and_limits(lib, monkeypatch):
    clock = iter(range(100, 200))
    monkeypatch.setattr("guidelight.library.store.time.time", lambda: float(next(clock)))
    lib.remember_document(H1, "/old/a.pdf", "A", 3)
    lib.remember_document(H2, "/b.pdf", "B", 4)
    lib.remember_document(H1, "/new/a.pdf", "A", 3)
    recent = lib.recent()
    assert [(r.content_hash, r.path) for r in recent] == [(H1, "/new/a.pdf"), (H2, "/b.pdf")]
    assert lib.recent(limit=1)[0].content_hash == H1


def test_reading_state_is_per_user(tmp_path):
    first = open_library(tmp_path)
    first.set_position(H1, Position(9, 9))
    second = open_library(tmp_path)
    second.user = "another-student"
    assert second.get_position(H1) is None
    second.set_position(H1, Position(1, 1))
    assert first.get_position(H1) == Position(9, 9)
    first.close()
    second.close()


def test_documents_are_copied_in_and_found_again_when_the_pdf_moves(lib, make_pdf, tmp_path):
    pdf = make_pdf("week1.pdf")
    digest = file_hash(pdf)
    lib.add_course("2301107", "Calculus")
    doc = lib.add_document("2301107", pdf, content_hash=digest, title="Week 1", page_count=1)
    assert Path(doc.stored_path).read_bytes() == pdf.read_bytes()
    assert doc.state is ProcessingState.READY
    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.move(pdf, moved)
    found = lib.lookup_file(moved)
    assert found is not None and found.title == "Week 1"
    lib.relocate(digest, moved)
    assert lib.document(digest).source_path == str(moved)
    assert lib.find_file(digest) == Path(doc.stored_path)
    with pytest.raises(LibraryError, match="already in the library"):
        lib.add_document("2301107", moved, content_hash=digest, title="again", page_count=1)


def test_a_file_whose_name_is_not_utf8_is_found_again_from_the_recent_list(lib, make_pdf, tmp_path):
    """The recent list stores a TIS-620 name by its Thai reading (SQLite cannot hold the
    raw bytes); reopening it must still find the file, in a folder named the same way."""
    folder = tmp_path / os.fsdecode("วิชาเลือก".encode("cp874"))
    folder.mkdir()
    pdf = folder / os.fsdecode("ปฏิทินการศึกษา".encode("cp874") + b".pdf")
    shutil.copy(make_pdf("calendar.pdf"), pdf)
    digest = file_hash(pdf)
    lib.remember_document(digest, pdf, "Calendar", 1)
    assert lib.recent()[0].path.endswith("วิชาเลือก/ปฏิทินการศึกษา.pdf")
    assert lib.find_file(digest) == pdf
    pdf.unlink()
    assert lib.find_file(digest) is None


def test_find_file_falls_back_to_where_the_student_opened_it(lib, make_pdf, tmp_path):
    pdf = make_pdf("own.pdf")
    digest = file_hash(pdf)
    lib.remember_document(digest, pdf, "Own", 1)
    assert lib.find_file(digest) == pdf
    moved = tmp_path / "moved.pdf"
    shutil.move(pdf, moved)
    assert lib.find_file(digest) is None
    lib.relocate(digest, moved)
    assert lib.find_file(digest) == moved
    assert lib.recent()[0].path == str(moved)
    with pytest.raises(LibraryError, match="not the same document"):
        lib.relocate(H1, moved)


def test_removing_a_course_removes_its_documents_files_and_entries(lib, make_pdf):
    pdf = make_pdf("x.pdf")
    digest = file_hash(pdf)
    lib.add_course("C1", "One")
    doc = lib.add_document("C1", pdf, content_hash=digest, title="X", page_count=1)
    lib.set_pronunciation("C1", "กพร", "กอ-พอ-รอ")
    lib.remove_course("C1")
    assert lib.document(digest) is None
    assert not Path(doc.stored_path).exists()
    assert lib.pronunciations("C1") == {}
    assert lib.courses() == []


def test_courses_and_pronunciations(lib):
    lib.add_course("C1", "Law")
    lib.add_course("C1")  # re-adding without a title keeps the title
    assert lib.course("C1").title == "Law"
    lib.add_course("C1", "Public Law")
    assert [c.title for c in lib.courses()] == ["Public Law"]
    lib.set_pronunciation("C1", "กพร", "กอ-พอ-รอ")
    lib.set_pronunciation("C1", "GDP", "จีดีพี")
    lib.set_pronunciation("C1", "GDP", "จี-ดี-พี")
    assert lib.pronunciations("C1") == {"GDP": "จี-ดี-พี", "กพร": "กอ-พอ-รอ"}
    lib.remove_pronunciation("C1", "GDP")
    assert lib.pronunciations("C1") == {"กพร": "กอ-พอ-รอ"}
    with pytest.raises(LibraryError):
        lib.set_pronunciation("nope", "a", "b")
    with pytest.raises(LibraryError):
        lib.add_course("  ")


def test_shared_read_only_catalog_with_reading_state_in_the_users_profile(lib, make_pdf, tmp_path):
    pdf = make_pdf("shared.pdf")
    digest = file_hash(pdf)
    lib.add_course("C1", "Shared")
    lib.add_document("C1", pdf, content_hash=digest, title="Shared", page_count=1)
    lib.set_pronunciation("C1", "กพร", "กอ-พอ-รอ")
    lib._catalog._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    shared = tmp_path / "library"
    for extra in ("library.sqlite3-wal", "library.sqlite3-shm"):
        (shared / extra).unlink(missing_ok=True)
    os.chmod(shared, 0o555)
    try:
        student = open_library(shared, user_dir=tmp_path / "profile", read_only=True)
        assert student.document(digest).title == "Shared"
        assert student.pronunciations_for_document(digest) == {"กพร": "กอ-พอ-รอ"}
        student.set_position(digest, Position(1, 5))
        assert student.get_position(digest) == Position(1, 5)
        with pytest.raises(LibraryError, match="read-only"):
            student.add_course("C2")
        student.close()
        profile = sqlite3.connect(tmp_path / "profile" / USER_FILE)
        assert profile.execute("SELECT page, offset FROM positions").fetchall() == [(1, 5)]
        profile.close()
    finally:
        os.chmod(shared, 0o755)


def test_read_only_needs_an_existing_library(tmp_path):
    with pytest.raises(LibraryError, match="no course library"):
        open_library(tmp_path / "missing", read_only=True)


def test_day_old_leftovers_of_killed_imports_are_swept_young_ones_kept(tmp_path):
    open_library(tmp_path).close()
    old_tmp = tmp_path / "files" / "ab" / ".abc.pdf.123.tmp"
    young_tmp = tmp_path / "files" / "ab" / ".abd.pdf.124.tmp"
    old_pack = tmp_path / ".pack-old"
    old_tmp.parent.mkdir(parents=True)
    (old_pack / "x").mkdir(parents=True)
    old_tmp.write_bytes(b"partial")
    young_tmp.write_bytes(b"partial")
    day_ago = time.time() - 2 * 24 * 3600
    for path in (old_tmp, old_pack):
        os.utime(path, (day_ago, day_ago))
    open_library(tmp_path).close()
    assert not old_tmp.exists() and not old_pack.exists()
    assert young_tmp.exists()


def test_stored_pdfs_no_row_names_are_swept_at_the_next_open(lib, make_pdf, tmp_path):
    # What a pack import killed between moving its PDFs in and committing leaves behind.
    pdf = make_pdf("kept.pdf")
    lib.add_course("C1")
    kept = lib.add_document("C1", pdf, content_hash=file_hash(pdf), title="Kept", page_count=1)
    orphan = stored_file(lib.directory, H2)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, orphan)
    lib.close()
    reopened = open_library(tmp_path / "library")
    assert not orphan.exists() and Path(kept.stored_path).is_file()
    assert [d.content_hash for d in reopened.documents()] == [kept.content_hash]
    reopened.close()
    open_library(tmp_path / "library", user_dir=tmp_path / "other", read_only=True).close()  # sweeps nothing


def test_read_only_catalog_in_a_folder_nobody_may_write_is_read_immutable(lib, tmp_path, monkeypatch):
    lib.add_course("C1", "Shared")
    lib.close()  # the last connection checkpoints the WAL into the database file
    assert not (tmp_path / "library" / "library.sqlite3-wal").exists()
    monkeypatch.setattr("guidelight.library.db._writable", lambda folder: False)
    student = open_library(tmp_path / "library", user_dir=tmp_path / "profile", read_only=True)
    assert student.course("C1").title == "Shared"
    student.close()
    assert not (tmp_path / "library" / "library.sqlite3-shm").exists()  # nothing written beside it


def test_migrations_apply_in_order_keep_data_and_roll_back_whole_on_failure(tmp_path):
    from guidelight.library.db import Database

    path = tmp_path / "m.sqlite3"
    first = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"
    db = Database(path, [first])
    db.execute("INSERT INTO notes(text) VALUES ('kept')")
    db.close()
    with pytest.raises(sqlite3.OperationalError):
        Database(path, [first, "ALTER TABLE notes ADD COLUMN page INTEGER; THIS IS NOT SQL"])
    db = Database(path, [first])
    assert db.version() == 1
    assert [r[0] for r in db.execute("SELECT name FROM pragma_table_info('notes')")] == ["id", "text"]
    db.close()
    db = Database(path, [first, "ALTER TABLE notes ADD COLUMN page INTEGER NOT NULL DEFAULT 1"])
    assert db.version() == 2
    assert [tuple(r) for r in db.execute("SELECT text, page FROM notes")] == [("kept", 1)]
    db.close()


def test_opening_a_read_only_folder_for_writing_says_how_to_open_it(tmp_path, monkeypatch):
    open_library(tmp_path).close()
    monkeypatch.setattr("guidelight.library.store.os.access", lambda path, mode: False)
    with pytest.raises(LibraryError, match="open a shared library read-only"):
        open_library(tmp_path)
