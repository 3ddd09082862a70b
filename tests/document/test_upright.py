"""Pages stored turned by /Rotate (landscape slides through a PostScript driver) are read
as the reader sees them: line by line, in order, not as one sideways block."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from guidelight.extract.pdf import open_document

from .conftest import SARABUN

SLIDE = ["แผนการสอนปฏิบัติครั้งที่ 3", "• ทำความเข้าใจการเล่นเกมทายตัวเลข", "• แปลงผังงานเป็นโปรแกรมภาษาซี"]


def _turned_slide(path: Path, rotation: int) -> Path:
    """A landscape slide stored as a portrait page whose drawing is turned, and which
    /Rotate turns back: it looks upright, but its text runs sideways in the file."""
    slide = pymupdf.open()
    page = slide.new_page(width=842, height=595)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    for n, text in enumerate(SLIDE):
        page.insert_text((72, 100 + 60 * n), text, fontname="s", fontsize=28 if n == 0 else 20)
    doc = pymupdf.open()
    stored = doc.new_page(width=595, height=842) if rotation % 180 else doc.new_page(width=842, height=595)
    stored.show_pdf_page(stored.rect, slide, 0, rotate=rotation)
    stored.set_rotation(rotation)
    doc.save(path)
    return path


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_is_read_upright(tmp_path: Path, rotation: int) -> None:
    pdf = _turned_slide(tmp_path / f"slide{rotation}.pdf", rotation)
    assert pymupdf.open(pdf)[0].rotation == rotation  # the file itself is not changed
    page = open_document(pdf, use_cache=False).page(1)
    assert [page.text[p.start : p.end] for p in page.paragraphs] == SLIDE


@pytest.mark.parametrize(
    ("key", "value"),
    [("MediaBox", "[0 0 abc 5]"), ("MediaBox", "[0 0 5]"), ("MediaBox", "[595 842 0 0]"), ("MediaBox", "[0 0 0 0]"),
     ("MediaBox", "[0 0 1e30 1e30]"), ("CropBox", "[1 2]"), ("Rotate", "45"), ("Rotate", "-90"), ("Contents", "null")],
)
def test_a_damaged_turned_page_is_read_as_it_can_be(tmp_path: Path, key: str, value: str) -> None:
    """Boxes that are not four numbers, a turn that is not a quarter's, no contents: the
    page is set upright only where that is sure, and never fails to open or read."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    page.insert_text((72, 100), SLIDE[1], fontname="s", fontsize=20)
    page.set_rotation(90)
    doc.xref_set_key(page.xref, key, value)
    doc.save(tmp_path / "damaged.pdf")
    read = open_document(tmp_path / "damaged.pdf", use_cache=False).page(1)
    assert read.text == ("" if key == "Contents" else SLIDE[1])
