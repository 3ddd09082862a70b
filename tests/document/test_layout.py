"""Layout decisions that lose or garble text a listener cannot see: page furniture,
text off the page, headings and paragraph breaks (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf

from guidelight.cli.main import main
from guidelight.core.model import Page, ParagraphKind
from guidelight.extract.pdf import open_document
from guidelight.gui.pages import page_note

from .conftest import SARABUN

MakePdf = Callable[..., Path]
FORM = "แบบใบลาป่วย ลาคลอดบุตร ลากิจส่วนตัว ของบุคลากรในมหาวิทยาลัย"
NOTE = "หมายเหตุ: 1. กรณีลาไม่เกิน 15 วัน ให้ยื่นใบลาต่อผู้บังคับบัญชาตามลำดับชั้น"


def texts(page: Page, kind: ParagraphKind | None = None) -> list[str]:
    return [page.text[p.start : p.end] for p in page.paragraphs if kind is None or p.kind is kind]


def test_small_print_at_the_foot_of_a_form_is_read(make_pdf: MakePdf) -> None:
    # Set smaller than the body and in the bottom margin, but on one page only: not furniture.
    pages = [
        [(FORM, 72, 100, 14, SARABUN), (FORM, 72, 130, 14, SARABUN), (NOTE, 72, 790, 9, SARABUN),
         ("1", 297, 820, 9, SARABUN)],
        [(FORM, 72, 100, 14, SARABUN), ("ลงชื่อผู้ลา และวันที่ยื่นใบลา", 72, 200, 14, SARABUN),
         ("2", 297, 820, 9, SARABUN)],
    ]
    doc = open_document(make_pdf(pages))
    first = doc.page(1)
    assert NOTE in first.text
    assert first.furniture == ("1",)


def test_text_off_the_page_is_reported_not_dropped_silently(make_pdf: MakePdf, capsys) -> None:
    pdf = make_pdf([[(FORM, 72, 100, 14, SARABUN), ("ข้อความที่อยู่นอกหน้ากระดาษ", 72, 900, 14, SARABUN)]])
    page = open_document(pdf).page(1)
    assert FORM in page.text
    assert page.dropped == ("ข้อความที่อยู่นอกหน้ากระดาษ",)
    assert page_note(page, "en", lambda: None) == (
        "Page 1: 1 lines of text lie outside the page or run vertically and are not read.")
    assert main(["check", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "DROPPED 1 lines" in out and "ข้อความที่อยู่นอกหน้ากระดาษ" in out
    assert "pages with text left out: 1" in out


def test_a_landscape_page_stored_rotated_keeps_all_its_text(tmp_path: Path) -> None:
    # Slides printed as portrait pages shown turned a quarter, their text turned back:
    # on the unrotated page it lies beyond the shown page's height (595 points).
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    page.set_rotation(90)
    for k, x in enumerate((100, 300, 500)):
        page.insert_text((x, 800), f"ข้อที่ {k + 1} แบบใบลาป่วย", fontname="s", fontsize=14, rotate=90)
    doc.save(tmp_path / "turned.pdf")
    read = open_document(tmp_path / "turned.pdf").page(1)
    assert all(f"ข้อที่ {k}" in read.text for k in (1, 2, 3))
    assert read.dropped == ()
