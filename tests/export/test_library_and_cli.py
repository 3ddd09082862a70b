"""Exports read the document through the course library: volunteer corrections apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelight.cli.main import main
from guidelight.core.hashing import file_hash
from guidelight.extract.pdf import open_document
from guidelight.library import open_library
from guidelight.library.corrections import describe_figure, fix_text


def test_corrections_and_descriptions_reach_the_export(course: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    library_dir = tmp_path / "library"
    monkeypatch.setenv("GUIDELIGHT_LIBRARY_DIR", str(library_dir))
    page = open_document(course).page(1)
    with open_library(library_dir) as lib:
        lib.add_course("econ101", "เศรษฐศาสตร์")
        digest = file_hash(course)
        lib.add_document("econ101", course, content_hash=digest, title="บทที่ 1", page_count=2)
        lib.add_correction(digest, fix_text(page, 1, "เศรษฐศาสตร์ศึกษาการเลือกใช้ทรัพยากร (แก้ไขโดยอาสาสมัคร)"))
        caption = next(i for i, p in enumerate(page.paragraphs) if p.kind.value == "figure")
        lib.add_correction(digest, describe_figure(page, caption - 1, "กราฟเส้นอุปสงค์ลาดลงตัดเส้นอุปทานลาดขึ้น"))
    html = tmp_path / "c.html"
    assert main(["export", str(course), "-o", str(html)]) == 0
    text = html.read_text(encoding="utf-8")
    assert "แก้ไขโดยอาสาสมัคร" in text
    assert 'alt="กราฟเส้นอุปสงค์ลาดลงตัดเส้นอุปทานลาดขึ้น"' in text
    assert text.count("กราฟเส้นอุปสงค์ลาดลงตัดเส้นอุปทานลาดขึ้น") == 1  # alt text, not repeated as a paragraph
    plain = tmp_path / "plain.html"
    assert main(["export", str(course), "-o", str(plain), "--no-library"]) == 0
    assert "แก้ไขโดยอาสาสมัคร" not in plain.read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a pdf")
    assert main(["export", str(fake), "-o", str(tmp_path / "out.docx")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("guidelight:") and "not a PDF" in err and "\n" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.pdf"]


def test_export_pdf_reports_progress_page_by_page(course: Path, tmp_path: Path) -> None:
    """What the app runs on its worker thread: progress it can announce, then the file."""
    from guidelight.export.pdf import export_pdf

    steps: list[tuple[int, int]] = []
    out = export_pdf(course, tmp_path / "c.docx", "docx", progress=lambda done, total, _: steps.append((done, total)))
    assert steps == [(1, 2), (2, 2)]
    assert out.is_file() and not (tmp_path / "c.docx.part").exists()
