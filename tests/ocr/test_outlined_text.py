"""Text drawn as outlines beside a real text layer (Illustrator's and Canva's posters): its
lines are found in the page's drawing and read by OCR where they stand, and said so."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf

from guidelight.core.model import TextSource
from guidelight.extract.outlined_text import outlined_lines
from guidelight.extract.pdf import open_document
from tests.document.conftest import SARABUN
from tests.document.damaged_fonts import index_named_text

from .marks import needs_tesseract

HEADING = "ที่มาและความสำคัญของโครงงาน"
OUTLINED = ["จุดประสงค์ของโครงงาน", "เพื่อศึกษาการเขียนโปรแกรมภาษาซี", "และสร้างระบบจองตั๋วหนังอย่างง่าย"]


def _outlines(lines: list[str], size: float) -> pymupdf.Document:
    """``lines`` set in Sarabun, then turned into filled shapes, one a glyph (through SVG
    with its text as paths, as a designer's "create outlines" leaves them)."""
    with pymupdf.open() as source:
        page = source.new_page(width=400, height=40 + 2 * size * len(lines))
        page.insert_font(fontname="S", fontfile=str(SARABUN))
        for n, text in enumerate(lines):
            page.insert_text((10, 30 + 2 * size * n), text, fontname="S", fontsize=size)
        svg = page.get_svg_image(text_as_path=True)
    return pymupdf.open("pdf", pymupdf.open("svg", svg.encode()).convert_to_pdf())


def poster_pdf(path: Path) -> Path:
    """A poster page: a heading in the text layer, and under it a box of outlined lines."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((72, 100), HEADING, fontname="S", fontsize=18)
    outlined = _outlines(OUTLINED, 16)
    page.show_pdf_page(pymupdf.Rect(72, 300, 472, 300 + outlined[0].rect.height), outlined, 0)
    doc.save(path)
    return path


def test_the_outlined_lines_are_found_where_the_text_layer_has_none(tmp_path: Path) -> None:
    pdf = poster_pdf(tmp_path / "poster.pdf")
    page = pymupdf.open(pdf)[0]
    assert OUTLINED[0] not in page.get_text()  # the damage is real: only the heading is text
    text_boxes = [pymupdf.Rect(block["bbox"]) for block in page.get_text("dict")["blocks"]]
    found = outlined_lines(page, text_boxes)
    assert len(found) == len(OUTLINED)
    assert all(row.box.y0 > 300 and row.box.x0 >= 72 for row in found)
    assert sorted(row.baseline for row in found) == [row.baseline for row in sorted(found, key=lambda r: r.box.y0)]


def test_a_page_of_text_and_a_few_drawn_shapes_has_no_outlined_lines(tmp_path: Path) -> None:
    """A Word page with a chart's circles and arrows: nothing is read by OCR."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((72, 100), HEADING, fontname="S", fontsize=18)
    for k in range(12):
        page.draw_circle((100 + 35 * k, 400), 12, fill=(0.2, 0.4, 0.8))
    assert outlined_lines(page, []) == []


@needs_tesseract
def test_an_outlined_box_of_a_poster_is_read_by_ocr_and_the_page_says_so(tmp_path: Path) -> None:
    """An Illustrator poster's title and three of its four boxes were outlines: only the
    one box in its text layer was heard."""
    page = open_document(poster_pdf(tmp_path / "poster.pdf"), use_cache=False).page(1)
    squashed = re.sub(r"\s+", "", page.text)
    assert squashed.startswith(HEADING)
    assert "การเขียนโปรแกรมภาษาซี" in squashed and "ระบบจอง" in squashed
    assert "ocr_glyph" in page.quality.notices


def test_outlined_lines_that_no_ocr_can_read_are_said_to_be_left_out(tmp_path: Path, monkeypatch) -> None:
    """Without Tesseract the poster's outlined box cannot be heard: the page must say so,
    as it does for glyphs nothing names, not read as if it held only its heading."""
    from guidelight.extract import ocr, pdf

    for module in (ocr, pdf):
        monkeypatch.setattr(module, "ocr_available", lambda: "Tesseract is not installed")
    page = open_document(poster_pdf(tmp_path / "poster.pdf"), use_cache=False).page(1)
    assert re.sub(r"\s+", "", page.text) == HEADING  # the text layer is still read
    assert "unread_outlines" in page.quality.notices
    assert page.quality.doubtful
    assert not pdf._worth_keeping(page)  # not cached: read again once the lab installs Tesseract


def outlined_page_pdf(path: Path) -> Path:
    """A page in the text layer, then one whose every line is outlined: no text layer and
    no image at all (a lab report printed to PDF with its text as curves)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((72, 100), HEADING, fontname="S", fontsize=18)
    outlined = _outlines([HEADING, *OUTLINED], 16)
    page = doc.new_page(width=595, height=842)
    page.show_pdf_page(pymupdf.Rect(72, 100, 472, 100 + outlined[0].rect.height), outlined, 0)
    doc.save(path)
    return path


@needs_tesseract
def test_a_page_drawn_all_in_outlines_is_read_by_ocr(tmp_path: Path) -> None:
    """Six of the lab report's eleven pages, all of its code, were silent and not said to be:
    with no text layer and no image, the page was taken for a blank one."""
    page = open_document(outlined_page_pdf(tmp_path / "outlined.pdf"), use_cache=False).page(2)
    squashed = re.sub(r"\s+", "", page.text)
    assert "การเขียนโปรแกรมภาษาซี" in squashed and "ระบบจอง" in squashed
    assert page.source is TextSource.OCR


def test_a_page_drawn_all_in_outlines_without_ocr_says_it_was_not_read(tmp_path: Path, monkeypatch) -> None:
    from guidelight.extract import ocr, pdf

    for module in (ocr, pdf):
        monkeypatch.setattr(module, "ocr_available", lambda: "Tesseract is not installed")
    page = open_document(outlined_page_pdf(tmp_path / "outlined.pdf"), use_cache=False).page(2)
    assert page.text == ""
    assert "unread_outlines" in page.quality.notices and page.quality.doubtful


def pictured_page_pdf(path: Path) -> Path:
    """A page whose text layer holds only its page number, above a screenshot of a result
    table (a statistics text's SPSS output pasted as a picture)."""
    with pymupdf.open() as source:
        shot = source.new_page(width=400, height=120)
        shot.insert_text((10, 40), "Estimation for Paired Difference", fontname="helv", fontsize=16)
        shot.insert_text((10, 80), "Mean -12.1463 StDev 4.3376", fontname="helv", fontsize=16)
        picture = shot.get_pixmap(dpi=200).tobytes("png")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((290, 820), "311", fontname="helv", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 200, 522, 335), stream=picture)
    doc.save(path)
    return path


@needs_tesseract
def test_a_page_of_only_pictures_and_its_page_number_is_read_by_ocr(tmp_path: Path) -> None:
    """A statistics text's result panels, screenshots on pages whose text layer held only the
    page number: the pages were silent, and said nothing of it."""
    page = open_document(pictured_page_pdf(tmp_path / "spss.pdf"), use_cache=False).page(1)
    assert "Paired Difference" in page.text and "-12.1463" in page.text
    assert page.source is TextSource.OCR and page.label == "311"


def test_a_page_of_only_pictures_without_ocr_says_they_were_not_read(tmp_path: Path, monkeypatch) -> None:
    from guidelight.extract import ocr, pdf

    for module in (ocr, pdf):
        monkeypatch.setattr(module, "ocr_available", lambda: "Tesseract is not installed")
    page = open_document(pictured_page_pdf(tmp_path / "spss.pdf"), use_cache=False).page(1)
    assert "unread_pictures" in page.quality.notices and page.quality.doubtful


@needs_tesseract
def test_a_page_of_outlines_over_a_few_unreadable_glyphs_is_read_whole_by_ocr(tmp_path: Path) -> None:
    """A tourism page printed through Distiller: its Thai drawn as outlines, over a few
    glyphs of a font whose codes say nothing. The glyphs and the outlined lines were read
    by OCR piece by piece and the page came out as fragments ("เรถสองแ", "ตนตาตีนละขอ
    กล้าอง"); read whole by OCR, it is its prose. A page whose own layer reads stays its
    layer (the poster above)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    index_named_text(page, (72, 80), "Page 2")
    outlined = _outlines([HEADING, *OUTLINED], 16)
    page.show_pdf_page(pymupdf.Rect(72, 100, 472, 100 + outlined[0].rect.height), outlined, 0)
    doc.save(tmp_path / "distilled.pdf")
    read = open_document(tmp_path / "distilled.pdf", use_cache=False).page(1)
    assert read.source is TextSource.OCR
    squashed = re.sub(r"\s+", "", read.text)
    assert "การเขียนโปรแกรมภาษาซี" in squashed and "ระบบจอง" in squashed
