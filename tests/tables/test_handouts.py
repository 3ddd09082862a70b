"""A handout's slides, printed four to a page in ruled frames, are read slide by slide.

The frames make a 2x2 "table" to PyMuPDF. Read as one, each slide was heard as one cell
("Overview • Computer fundamental • Data • ..."), a slide's own table was heard twice (in
its slide's cell and as itself), and a title repeated on the next slide was dropped as a
running head.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.core.model import Page, ParagraphKind
from guidelight.extract.pdf import open_document
from tests.tables.tablegen import BOLD, REGULAR, RuledWriter
from tests.tables.test_tables import PRICES

WIDTH, HEIGHT = 842.0, 595.0
FRAMES = [pymupdf.Rect(5, 0, 421, 298), pymupdf.Rect(421, 0, 837, 298),
          pymupdf.Rect(5, 298, 421, 595), pymupdf.Rect(421, 298, 837, 595)]


class HandoutWriter(RuledWriter):
    """Slides drawn into the frames of a landscape handout page, as PowerPoint prints them."""

    def _new_page(self) -> pymupdf.Page:
        page = self.doc.new_page(width=WIDTH, height=HEIGHT)
        page.insert_font(fontname="sar", fontfile=str(REGULAR))
        page.insert_font(fontname="sarb", fontfile=str(BOLD))
        for frame in FRAMES:
            page.draw_rect(frame, color=(0, 0, 0), width=0.03)
        return page

    def slide(self, at: int, title: str | None, bullets: list[str], number: int) -> float:
        """Draw a slide into frame ``at``; returns where its bullets end."""
        frame = FRAMES[at]
        y = frame.y0 + 40
        if title is not None:
            self.text(y, title, size=24, x=frame.x0 + 30)
            y += 36
        for bullet in bullets:
            self.text(y, f"• {bullet}", size=14, x=frame.x0 + 40)
            y += 22
        self.text(frame.y1 - 14, str(number), size=10, x=frame.x1 - 30)
        return y


def paragraph_texts(page: Page, kind: ParagraphKind | None = None) -> list[str]:
    return [page.text[p.start : p.end] for p in page.paragraphs if kind is None or p.kind is kind]


def test_a_slide_with_its_own_table_is_read_in_its_frame_and_the_table_once(tmp_path: Path) -> None:
    writer = HandoutWriter()
    writer.slide(0, "ข้อมูลและการประมวลผล", ["ข้อมูลดิบคือข้อเท็จจริง", "สารสนเทศคือผลของการประมวลผล"], 1)
    end = writer.slide(1, "ตารางราคาสินค้า", [], 2)
    writer.table(PRICES, end, x=FRAMES[1].x0 + 40)
    writer.slide(2, "ตัวแปรและค่าคงที่", ["ค่าคงที่เปลี่ยนค่าไม่ได้", "ตัวแปรเปลี่ยนค่าได้"], 3)
    writer.slide(3, "ตัวแปรและค่าคงที่", ["ตั้งชื่อตัวแปรให้สื่อความหมาย"], 4)
    page = open_document(writer.save(tmp_path / "handout.pdf")).page(1)

    assert page.text.count("ข้าวสาร") == 1  # the slide's table, heard once
    tables = [p.table for p in page.paragraphs if p.table is not None]
    assert len(tables) == 1 and not tables[0].continued and not tables[0].continues
    assert [(c.row, c.col, c.text) for c in tables[0].cells if c.text][:3] == [(0, 0, "สินค้า"), (0, 1, "ราคา"),
                                                                             (0, 2, "จำนวน")]
    # each slide's title is a heading, the repeated one too, in the frames' order, row by row
    assert paragraph_texts(page, ParagraphKind.HEADING) == [
        "ข้อมูลและการประมวลผล", "ตารางราคาสินค้า", "ตัวแปรและค่าคงที่", "ตัวแปรและค่าคงที่",
    ]
    texts = paragraph_texts(page)
    assert texts.index("ตารางราคาสินค้า") < texts.index("ตัวแปรและค่าคงที่")
    # each bullet a paragraph of its own, not one "cell" of the whole slide
    for bullet in ("• ข้อมูลดิบคือข้อเท็จจริง", "• ค่าคงที่เปลี่ยนค่าไม่ได้", "• ตั้งชื่อตัวแปรให้สื่อความหมาย"):
        assert bullet in texts
    # the slide numbers in the frames' corners are furniture, as a deck's page numbers are
    assert not {"1", "2", "3", "4"} & set(texts)
    assert {"1", "2", "3", "4"} <= set(page.furniture)


def test_frames_of_one_size_tiling_the_page_are_slides_even_untitled(tmp_path: Path) -> None:
    writer = HandoutWriter()
    writer.slide(0, "โครงสร้างของคอมพิวเตอร์", ["หน่วยประมวลผลกลาง", "หน่วยความจำหลัก"], 5)
    writer.slide(1, None, ["รูปภาพประกอบการบรรยาย"], 6)  # a picture slide's caption, no title
    writer.slide(2, "งานพื้นฐานของคอมพิวเตอร์", ["รับข้อมูลผ่านอุปกรณ์นำเข้า", "แสดงผลข้อมูลออก"], 7)
    writer.slide(3, "การแก้ปัญหา", ["ใช้การคำนวณทางคณิตศาสตร์"], 8)
    page = open_document(writer.save(tmp_path / "untitled.pdf")).page(1)

    assert not any(p.table is not None for p in page.paragraphs)
    texts = paragraph_texts(page)
    assert texts == [
        "โครงสร้างของคอมพิวเตอร์", "• หน่วยประมวลผลกลาง", "• หน่วยความจำหลัก",
        "• รูปภาพประกอบการบรรยาย",
        "งานพื้นฐานของคอมพิวเตอร์", "• รับข้อมูลผ่านอุปกรณ์นำเข้า", "• แสดงผลข้อมูลออก",
        "การแก้ปัญหา", "• ใช้การคำนวณทางคณิตศาสตร์",
    ]
