"""Volunteer corrections as an overlay: applied to pages, surviving re-extraction."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from guidelight.core.hashing import file_hash
from guidelight.core.model import Page, Paragraph, ParagraphKind
from guidelight.extract.pdf import open_document
from guidelight.library import LibraryError
from guidelight.library.corrections import (
    FIGURE_PREFIX,
    PAGE_TOP,
    PARAGRAPH_SEPARATOR,
    CorrectionKind,
    apply_corrections,
    describe_figure,
    fix_text,
    mark_furniture,
    mark_heading,
    stale_corrections,
)
from guidelight.thai.segment import segment_paragraph

BROKEN = "การบริหารงานบุคคลภาครัฐ ตามหลักเกณฑ ์ของ กพร"
FIXED = "การบริหารงานบุคคลภาครัฐ ตามหลักเกณฑ์ของ กพร. ซึ่งใช้ตั้งแต่ปี 2565"


def make_page(texts: Sequence[str], number: int = 1, heading: int | None = None) -> Page:
    """A page as extraction builds it: paragraphs joined by blank lines, offsets into it."""
    paragraphs, offset = [], 0
    for i, text in enumerate(texts):
        kind = ParagraphKind.HEADING if i == heading else ParagraphKind.BODY
        paragraphs.append(
            Paragraph(offset, offset + len(text), kind, int(i == heading), segment_paragraph(text, offset))
        )
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return Page(number, PARAGRAPH_SEPARATOR.join(texts), tuple(paragraphs), furniture=("หน้า 1",))


def texts_of(page: Page) -> list[str]:
    return [page.text[p.start : p.end] for p in page.paragraphs]


def assert_consistent(page: Page) -> None:
    """Every offset points into the page text, nested paragraph > sentence > word."""
    assert page.text == PARAGRAPH_SEPARATOR.join(texts_of(page))
    for para in page.paragraphs:
        for sentence in para.sentences:
            assert para.start <= sentence.start <= sentence.end <= para.end
            for word in sentence.words:
                assert sentence.start <= word.start < word.end <= sentence.end
                assert page.text[word.start : word.end].strip()


PAGE = make_page(
    ["บทที่ 1 บทนำ", BROKEN, "Public administration in Thailand.", "เอกสารประกอบการสอน"], heading=0
)


def test_fixing_a_paragraph_changes_its_text_and_rebuilds_offsets():
    page = apply_corrections(PAGE, [fix_text(PAGE, 1, FIXED)])
    assert texts_of(page) == ["บทที่ 1 บทนำ", FIXED, "Public administration in Thailand.", "เอกสารประกอบการสอน"]
    assert_consistent(page)
    assert page.paragraphs[0].is_heading and page.furniture == PAGE.furniture
    assert len(page.paragraphs[1].sentences) >= 1
    assert texts_of(PAGE)[1] == BROKEN  # the input page is untouched


def test_heading_furniture_and_figures():
    corrections = [
        mark_heading(PAGE, 2, level=2, title="การบริหารราชการไทย"),
        mark_heading(PAGE, 0, level=0),
        mark_furniture(PAGE, 3),
        describe_figure(PAGE, 1, "แผนภูมิโครงสร้างองค์กร 3 ระดับ"),
        describe_figure(PAGE, PAGE_TOP, "ตราสัญลักษณ์มหาวิทยาลัย"),
    ]
    page = apply_corrections(PAGE, corrections)
    assert texts_of(page) == [
        FIGURE_PREFIX + "ตราสัญลักษณ์มหาวิทยาลัย",
        "บทที่ 1 บทนำ",
        BROKEN,
        FIGURE_PREFIX + "แผนภูมิโครงสร้างองค์กร 3 ระดับ",
        "การบริหารราชการไทย",
    ]
    assert [(p.kind, p.level) for p in page.paragraphs] == [
        (ParagraphKind.BODY, 0),
        (ParagraphKind.BODY, 0),
        (ParagraphKind.BODY, 0),
        (ParagraphKind.BODY, 0),
        (ParagraphKind.HEADING, 2),
    ]
    assert page.furniture == ("หน้า 1", "เอกสารประกอบการสอน")
    assert_consistent(page)


def test_anchors_follow_their_paragraph_when_re_extraction_shifts_indexes():
    correction = fix_text(PAGE, 1, FIXED)
    # A better extractor now finds an extra paragraph above, and spaces differently.
    reextracted = make_page(["ภาควิชารัฐศาสตร์", "บทที่ 1  บทนำ", "  ".join(BROKEN.split(" ")) + " ", "ท้ายหน้า"])
    page = apply_corrections(reextracted, [correction])
    assert texts_of(page)[2] == FIXED
    assert stale_corrections(reextracted, [correction]) == []


def test_a_correction_whose_paragraph_changed_is_stale_not_misapplied():
    correction = fix_text(PAGE, 1, FIXED)
    changed = make_page(["บทที่ 1 บทนำ", "ข้อความอื่นทั้งหมด", "Public administration in Thailand."])
    assert apply_corrections(changed, [correction]) is changed
    assert stale_corrections(changed, [correction]) == [correction]


def test_corrections_of_other_pages_are_ignored():
    other = make_page(["x"], number=2)
    assert apply_corrections(PAGE, [fix_text(other, 0, "y")]) is PAGE


def test_anchor_for_a_missing_paragraph_is_an_error():
    with pytest.raises(IndexError):
        fix_text(PAGE, 9, "x")


def test_library_keeps_one_fix_per_paragraph_and_reads_documents_through_them(lib, make_pdf):
    pdf = make_pdf("w1.pdf", "Introduction to public law\n\nThe constitution of 2560", "Second page")
    digest = file_hash(pdf)
    lib.add_course("C1")
    lib.add_document("C1", pdf, content_hash=digest, title="W1", page_count=2)
    document = open_document(pdf)
    page1 = document.page(1)
    assert len(page1.paragraphs) >= 1
    lib.add_correction(digest, fix_text(page1, 0, "first try"))
    kept = lib.add_correction(digest, fix_text(page1, 0, "กฎหมายมหาชนเบื้องต้น"))
    figure = lib.add_correction(digest, describe_figure(page1, 0, "ภาพรัฐสภา"))
    assert [c.kind for c in lib.corrections(digest)] == [CorrectionKind.TEXT, CorrectionKind.FIGURE]
    corrected = lib.corrected(open_document(pdf))
    assert texts_of(corrected.page(1))[:2] == ["กฎหมายมหาชนเบื้องต้น", FIGURE_PREFIX + "ภาพรัฐสภา"]
    assert corrected.page(2).text == document.page(2).text
    assert lib.stale_corrections(digest, page1) == []
    reworded = make_page(["Another extractor's text"])
    assert [c.id for c in lib.stale_corrections(digest, reworded)] == [kept.id, figure.id]
    lib.remove_correction(figure.id)
    assert [c.id for c in lib.corrections(digest, page=1)] == [kept.id]
    lib.remove_document(digest)
    assert lib.corrections(digest) == []
    with pytest.raises(LibraryError, match="import it first"):
        lib.add_correction(digest, fix_text(page1, 0, "x"))
