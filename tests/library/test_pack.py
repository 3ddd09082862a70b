"""Course packs: a faithful round trip, and every kind of hostile pack refused cleanly."""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from guidelight.core.hashing import file_hash
from guidelight.extract.pdf import open_document
from guidelight.library import open_library
from guidelight.library import pack as packmod
from guidelight.library.corrections import describe_figure, fix_text
from guidelight.library.importer import import_files
from guidelight.library.pack import PackError, export_pack, import_pack


@pytest.fixture
def course_pack(lib, make_pdf, tmp_path) -> Path:
    """A real exported pack: two PDFs, a text fix, a figure, two pronunciation entries."""
    pdfs = [make_pdf("w1.pdf", "Week one: the state", title="Week 1"), make_pdf("w2.pdf", "Week two")]
    import_files(lib, "2401101", pdfs)
    lib.add_course("2401101", "Political Science")
    page = open_document(pdfs[0]).page(1)
    digest = file_hash(pdfs[0])
    lib.add_correction(digest, fix_text(page, 0, "สัปดาห์ที่หนึ่ง: รัฐ"))
    lib.add_correction(digest, describe_figure(page, 0, "แผนที่ประเทศไทย"))
    lib.set_pronunciation("2401101", "กพร", "กอ-พอ-รอ")
    lib.set_pronunciation("2401101", "Weber", "เว-เบอร์")
    target = tmp_path / "out" / "course.glpack"
    export_pack(lib, "2401101", target)
    return target


def _snapshot(lib) -> tuple:
    return (
        lib.courses(),
        [(d.content_hash, d.title, d.page_count, d.state) for d in lib.documents()],
        {d.content_hash: [(c.kind, c.anchor, c.text, c.level) for c in lib.corrections(d.content_hash)]
         for d in lib.documents()},
        {c.id: lib.pronunciations(c.id) for c in lib.courses()},
    )


def test_round_trip_carries_documents_corrections_and_pronunciations(lib, course_pack, tmp_path):
    other = open_library(tmp_path / "other-lab")
    summary = import_pack(other, course_pack)
    assert (summary.documents, summary.added, summary.corrections, summary.pronunciations) == (2, 2, 2, 2)
    assert _snapshot(other) == _snapshot(lib)
    for doc in other.documents():
        assert file_hash(doc.stored_path) == doc.content_hash
    again = import_pack(other, course_pack)  # importing twice adds nothing and repeats nothing
    assert again.added == 0
    assert _snapshot(other) == _snapshot(lib)
    other.close()


def test_import_rolls_back_files_and_rows_when_the_commit_fails(course_pack, tmp_path, monkeypatch):
    other = open_library(tmp_path / "other")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("guidelight.library.store._insert_correction", fail)
    with pytest.raises(PackError, match="disk full"):
        import_pack(other, course_pack)
    _assert_untouched(other)
    other.close()


def _assert_untouched(library) -> None:
    assert library.courses() == [] and library.documents() == []
    leftovers = [p.name for p in library.directory.rglob("*") if p.is_file() and "sqlite3" not in p.name]
    assert leftovers == []
    assert not any(p.name.startswith(".pack-") for p in library.directory.iterdir())


# ---- hostile packs --------------------------------------------------------------------

PDF = b"%PDF-1.4 not really but hashed\n"
PDF_HASH = hashlib.sha256(PDF).hexdigest()
DOC_NAME = f"documents/{PDF_HASH}.pdf"


def _manifest(**changes: object) -> dict:
    manifest = {
        "format": "guidelight-pack",
        "version": 1,
        "course": {"id": "C1", "title": "Course"},
        "documents": [{"content_hash": PDF_HASH, "title": "Doc", "page_count": 1}],
        "corrections": [],
        "pronunciations": [{"written": "กพร", "spoken": "กอ-พอ-รอ"}],
    }
    manifest.update(changes)
    return manifest


def _pack(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the duplicate-entry pack is duplicated on purpose
        for name, data in entries:
            archive.writestr(name, data)
    return path


def _with_manifest(*extra: tuple[zipfile.ZipInfo | str, bytes], manifest: dict | None = None, **changes):
    raw = json.dumps(manifest if manifest is not None else _manifest(**changes)).encode()
    return [("manifest.json", raw), *extra]


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


HOSTILE = {
    "zip-slip": (_with_manifest((DOC_NAME, PDF), ("../../evil.pdf", b"x")), "outside the library"),
    "zip-slip-nested": (_with_manifest((DOC_NAME, PDF), ("documents/../../x", b"x")), "outside the library"),
    "absolute": (_with_manifest((DOC_NAME, PDF), ("/tmp/evil.pdf", b"x")), "absolute path"),
    "drive": (_with_manifest((DOC_NAME, PDF), ("C:/evil.pdf", b"x")), "absolute path"),
    "backslash": (_with_manifest((DOC_NAME, PDF), ("documents\\..\\x", b"x")), "malformed name"),
    "symlink": (_with_manifest((_link(DOC_NAME), b"/etc/passwd")), "is a link"),
    "bomb": (_with_manifest((DOC_NAME, b"\0" * (8 << 20)), documents=[]), "compression bomb"),
    "unexpected-entry": (_with_manifest((DOC_NAME, PDF), ("run.sh", b"rm -rf ~")), "unexpected entry"),
    "unlisted-document": (_with_manifest((DOC_NAME, PDF), documents=[]), "not listed in the manifest"),
    "missing-document": (_with_manifest(), "does not contain it"),
    "hash-mismatch": (_with_manifest((DOC_NAME, PDF + b"tampered")), "does not match its content hash"),
    "duplicate-entry": (_with_manifest((DOC_NAME, PDF), (DOC_NAME, PDF)), "appears twice"),
    "no-manifest": ([(DOC_NAME, PDF)], "no manifest.json"),
    "not-json": ([("manifest.json", b"{not json"), (DOC_NAME, PDF)], "not valid JSON"),
    "nan": ([("manifest.json", json.dumps(_manifest(created_at=float("nan"))).encode()), (DOC_NAME, PDF)],
            "not valid JSON"),
    "manifest-list": (_with_manifest((DOC_NAME, PDF), manifest=[1, 2]), "must be an object"),
    "wrong-format": (_with_manifest((DOC_NAME, PDF), format="zip"), "not a Guide Light pack"),
    "newer-version": (_with_manifest((DOC_NAME, PDF), version=2), "newer Guide Light"),
    "version-text": (_with_manifest((DOC_NAME, PDF), version="1"), "version '1' is malformed"),
    "documents-not-list": (_with_manifest((DOC_NAME, PDF), documents={}), "documents must be a list"),
    "bad-hash": (
        _with_manifest((DOC_NAME, PDF), documents=[{"content_hash": "../x", "title": "t"}]),
        "content_hash must be a SHA-256",
    ),
    "no-title": (
        _with_manifest((DOC_NAME, PDF), documents=[{"content_hash": PDF_HASH, "page_count": 1}]),
        "title must not be empty",
    ),
    "negative-pages": (
        _with_manifest(
            (DOC_NAME, PDF), documents=[{"content_hash": PDF_HASH, "title": "t", "page_count": -3}]
        ),
        "page_count must be a whole number",
    ),
    "no-course-id": (_with_manifest((DOC_NAME, PDF), course={"title": "x"}), "course.id must not be empty"),
    "bad-correction-kind": (
        _with_manifest((DOC_NAME, PDF), corrections=[{"content_hash": PDF_HASH, "kind": "exec", "page": 1}]),
        "unknown kind",
    ),
    "foreign-correction": (
        _with_manifest((DOC_NAME, PDF), corrections=[{"content_hash": "f" * 64, "kind": "text", "page": 1}]),
        "document the pack does not contain",
    ),
    "bad-pronunciation": (
        _with_manifest((DOC_NAME, PDF), pronunciations=[{"written": "x", "spoken": 5}]),
        "spoken must be text",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_pack_is_refused_with_a_clear_message_and_nothing_written(case, tmp_path):
    entries, message = HOSTILE[case]
    pack = _pack(tmp_path / f"{case}.glpack", entries)
    library = open_library(tmp_path / "lib")
    with pytest.raises(PackError, match=message):
        import_pack(library, pack)
    _assert_untouched(library)
    assert not (tmp_path / "evil.pdf").exists()
    library.close()


def test_the_hostile_fixtures_differ_from_a_valid_pack_only_by_their_fault(tmp_path):
    library = open_library(tmp_path / "lib")
    summary = import_pack(library, _pack(tmp_path / "ok.glpack", _with_manifest((DOC_NAME, PDF))))
    assert summary.added == 1
    assert library.pronunciations("C1") == {"กพร": "กอ-พอ-รอ"}
    library.close()


def test_an_entry_that_expands_beyond_its_declared_size_is_cut_off(tmp_path):
    """A bomb that lies in its headers: the bytes are counted, the header is not trusted."""
    pack = _pack(tmp_path / "liar.glpack", _with_manifest((DOC_NAME, b"\0" * (4 << 20))))
    raw = bytearray(pack.read_bytes())
    declared = struct.pack("<I", 4 << 20)
    assert raw.count(declared) == 2  # local header and central directory
    pack.write_bytes(bytes(raw).replace(declared, struct.pack("<I", 100)))
    library = open_library(tmp_path / "lib")
    with pytest.raises(PackError, match="damaged"):
        import_pack(library, pack)
    _assert_untouched(library)
    library.close()


def test_oversize_entry_and_not_a_zip(tmp_path, monkeypatch):
    library = open_library(tmp_path / "lib")
    monkeypatch.setattr(packmod, "MAX_DOCUMENT_BYTES", len(PDF) - 1)
    with pytest.raises(PackError, match="too large"):
        import_pack(library, _pack(tmp_path / "big.glpack", _with_manifest((DOC_NAME, PDF))))
    (tmp_path / "text.glpack").write_text("hello")
    with pytest.raises(PackError, match="not a Guide Light pack"):
        import_pack(library, tmp_path / "text.glpack")
    _assert_untouched(library)
    library.close()
