"""Importing files and folders into a course, with progress and per-file problems."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pymupdf

from guidelight.core.errors import NoTextLayer
from guidelight.core.hashing import file_hash
from guidelight.extract.pdf import open_document
from guidelight.library import ProcessingState
from guidelight.library.importer import ImportProgress, Outcome, collect_pdfs, import_files, library_title


def _encrypted(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    doc.close()
    return path


def _scanned(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    doc.save(path)
    doc.close()
    return path


def test_folder_import_adds_reports_and_carries_on(lib, make_pdf, tmp_path):
    folder = tmp_path / "course"
    (folder / "week2").mkdir(parents=True)
    good = make_pdf("lecture1.pdf", "Limits and continuity", title="Lecture 1")
    shutil.copy(good, folder / "lecture1.pdf")
    shutil.copy(good, folder / "week2" / "same-content-other-name.pdf")
    shutil.copy(make_pdf("lecture2.pdf", "Derivatives", "Chain rule"), folder / "week2" / "lecture2.PDF")
    (folder / "notes.pdf").write_text("this is not a PDF")
    (folder / "truncated.pdf").write_bytes(good.read_bytes()[:300])
    _encrypted(folder / "locked.pdf")
    _scanned(folder / "scan.pdf")
    (folder / "readme.txt").write_text("not imported: not a PDF name")

    seen: list[ImportProgress] = []
    report = import_files(lib, "2301107", [folder], progress=seen.append)

    by_name = {r.path.name: r for r in report.results}
    assert "readme.txt" not in by_name
    assert [p.done for p in seen] == list(range(1, len(by_name) + 1))
    assert {p.total for p in seen} == {len(by_name)}
    assert by_name["lecture1.pdf"].outcome is Outcome.ADDED
    assert by_name["lecture1.pdf"].document.title == "Lecture 1"
    assert by_name["lecture2.PDF"].document.page_count == 2
    assert by_name["same-content-other-name.pdf"].outcome is Outcome.DUPLICATE
    assert "Lecture 1" in by_name["same-content-other-name.pdf"].problem
    for name in ("notes.pdf", "truncated.pdf", "locked.pdf"):
        assert by_name[name].outcome is Outcome.FAILED, name
        assert by_name[name].problem, name
    assert "password" in by_name["locked.pdf"].problem
    # Image-only: kept for OCR today; once extraction runs OCR itself it opens as usual.
    assert by_name["scan.pdf"].outcome in (Outcome.NEEDS_OCR, Outcome.ADDED)
    assert report.count(Outcome.ADDED) + report.count(Outcome.NEEDS_OCR) == 3
    assert sorted(d.content_hash for d in lib.documents("2301107")) == sorted(
        file_hash(folder / n) for n in ("lecture1.pdf", "week2/lecture2.PDF", "scan.pdf")
    )


def test_a_scanned_pdf_that_cannot_be_read_yet_is_kept_for_ocr(lib, make_pdf, monkeypatch):
    def no_text(path):
        raise NoTextLayer(str(path), "no page has a text layer; OCR is needed")

    monkeypatch.setattr("guidelight.library.importer.open_document", no_text)
    result = import_files(lib, "C1", [make_pdf("scan.pdf")]).results[0]
    assert result.outcome is Outcome.NEEDS_OCR and "OCR" in result.problem
    assert result.document.state is ProcessingState.NO_TEXT
    assert lib.document(result.document.content_hash).title == "scan"


def test_importing_again_skips_everything_and_missing_files_are_reported(lib, make_pdf, tmp_path):
    pdfs = [make_pdf("a.pdf", "A"), make_pdf("b.pdf", "B")]
    assert import_files(lib, "C1", pdfs).count(Outcome.ADDED) == 2
    again = import_files(lib, "C1", [*pdfs, tmp_path / "gone.pdf"])
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.FAILED]
    assert "cannot read" in again.results[2].problem


def test_import_can_be_stopped_between_files(lib, make_pdf):
    pdfs = [make_pdf(f"{i}.pdf", f"Document {i}") for i in range(4)]
    report = import_files(lib, "C1", pdfs, should_stop=lambda: len(lib.documents()) >= 2)
    assert report.stopped
    assert len(lib.documents()) == 2


def test_collect_pdfs_keeps_given_files_and_drops_repeats(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.pdf").write_bytes(b"%PDF")
    listed = collect_pdfs([tmp_path / "d", tmp_path / "d" / "x.pdf", tmp_path / "other.bin"])
    assert listed == [tmp_path / "d" / "x.pdf", tmp_path / "other.bin"]


def test_titles_that_are_file_names_give_way_to_the_pdf_name(lib, make_pdf):
    assert library_title("doc.html", Path("บทที่1-เศรษฐศาสตร์.pdf")) == "บทที่1-เศรษฐศาสตร์"
    assert library_title("Microsoft Word - week1.docx", Path("w1.pdf")) == "w1"
    assert library_title("  ", Path("w1.pdf")) == "w1"
    assert library_title("เศรษฐศาสตร์เบื้องต้น", Path("w1.pdf")) == "เศรษฐศาสตร์เบื้องต้น"
    pdf = make_pdf("econ-week1.pdf", "x", title="doc.html")
    document = import_files(lib, "C1", [pdf]).results[0].document
    assert document.title == "econ-week1"
    lib.rename_document(document.content_hash, "เศรษฐศาสตร์ สัปดาห์ที่ 1")
    assert lib.document(document.content_hash).title == "เศรษฐศาสตร์ สัปดาห์ที่ 1"


def test_a_file_named_in_tis620_is_imported_under_its_thai_name(lib, make_pdf, tmp_path):
    """Linux keeps a file name as bytes; Thai names from an old zip file or CD are TIS-620,
    not UTF-8. Such a file was reported damaged (MuPDF takes names as UTF-8), and the
    catalog could not store its name (a traceback)."""
    name = os.fsdecode("ปฏิทินการศึกษา".encode("cp874") + b".pdf")
    path = tmp_path / name
    shutil.copy(make_pdf("calendar.pdf", "Term dates"), path)
    report = import_files(lib, "2301107", [path])
    (result,) = report.results
    assert result.outcome is Outcome.ADDED, result.problem
    assert result.document.title == "ปฏิทินการศึกษา"
    assert lib.document(result.document.content_hash).source_path.endswith("ปฏิทินการศึกษา.pdf")
    assert open_document(str(path)).page(1).text == "Term dates"
