"""Tables and figures as a listener hears them, through the real normalizer and Speaker."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.core.model import Figure, Paragraph, ParagraphKind, Table, TableCell
from guidelight.core.tables import figure_announcement, spoken_table, table_summary
from guidelight.extract.pdf import open_document
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import Speaker, Utterance
from tests.speech.conftest import Events, ToneBackend
from tests.tables.tablegen import REGULAR
from tests.tables.test_tables import MERGED, PRICES, ruled_pdf


def table_paragraph(path: Path) -> tuple[str, Paragraph, Table]:
    page = open_document(path).page(1)
    para = next(p for p in page.paragraphs if p.table is not None)
    assert para.table is not None
    return page.text, para, para.table


def test_table_is_spoken_with_its_size_and_column_headers(tmp_path: Path) -> None:
    text, para, table = table_paragraph(ruled_pdf(tmp_path / "t.pdf", PRICES))
    lines = spoken_table(table, "th")
    assert lines[0].text == "ตาราง 4 แถว 3 คอลัมน์"
    assert lines[1].text == "หัวคอลัมน์: สินค้า, ราคา, จำนวน"
    assert lines[2].text == "แถว 1: สินค้า: ข้าวสาร, ราคา: 150 บาท, จำนวน: 2"
    assert lines[-1].text == "จบตาราง"
    # each row line points at that row's cells in the page text
    assert text[para.start + lines[2].start : para.start + lines[2].end] == "ข้าวสาร\n150 บาท\n2"
    assert spoken_table(table, "en")[0].text == "table, 4 rows, 3 columns"


def test_merged_headers_are_spoken_whole(tmp_path: Path) -> None:
    _, _, table = table_paragraph(ruled_pdf(tmp_path / "m.pdf", MERGED))
    rows = [line.text for line in spoken_table(table)]
    assert "แถว 1: รายวิชา: คณิตศาสตร์, คะแนน กลางภาค: 30, คะแนน ปลายภาค: 40" in rows


def test_a_table_is_heard_with_its_headers(tmp_path: Path) -> None:
    """The table goes through the normalizer and the Speaker: the engine is asked to say
    each price with its column header before it, numbers read out in Thai."""
    _, para, table = table_paragraph(ruled_pdf(tmp_path / "t.pdf", PRICES))
    backend = ToneBackend()
    speaker = Speaker(backend=backend, sink=RecordingSink())
    events = Events()
    speaker.speak([Utterance(line.text, 1, para.start + line.start) for line in spoken_table(table)], events)
    assert events.done.wait(20)
    speaker.close()
    heard = " ".join(" ".join(text for text, _ in backend.calls).split())
    assert "ตาราง สี่ แถว สาม คอลัมน์" in heard
    assert "ราคา: หนึ่งร้อยห้าสิบบาท" in heard
    assert heard.index("ราคา: หนึ่งร้อยห้าสิบบาท") < heard.index("ราคา: สามสิบห้าบาท") < heard.index("จบตาราง")


def test_continued_table_says_so() -> None:
    cells = (TableCell("1", 0, 0), TableCell("2", 0, 1))
    part = Table(1, 2, cells, continued=True, continues=True, borrowed_headers=("ลำดับ", "คะแนน"))
    lines = [line.text for line in spoken_table(part)]
    assert lines[0] == table_summary(part) == "ตารางต่อจากหน้าก่อน 1 แถว 2 คอลัมน์"
    assert lines[1] == "แถว 1: ลำดับ: 1, คะแนน: 2"
    assert lines[-1] == "ตารางมีต่อหน้าถัดไป"


def test_figure_announcements() -> None:
    box = (0.0, 0.0, 10.0, 10.0)
    assert figure_announcement(Figure(box)) == "ภาพ ไม่มีคำอธิบาย"
    assert figure_announcement(Figure(box), "en") == "figure, no description"
    assert figure_announcement(Figure(box, caption="รูปที่ 3 แผนที่")) == "ภาพ: รูปที่ 3 แผนที่"
    assert figure_announcement(Figure(box, caption="รูปที่ 3", alt="แผนที่ประเทศไทย")) == "ภาพ: แผนที่ประเทศไทย"


def figure_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="sar", fontfile=str(REGULAR))
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 80), False)
    picture.set_rect(picture.irect, (30, 120, 200))
    page.insert_text((60, 80), "ย่อหน้าแรกก่อนภาพ", fontname="sar", fontsize=12)
    page.insert_image(pymupdf.Rect(60, 100, 300, 260), pixmap=picture)
    page.insert_text((60, 280), "รูปที่ 1 แผนภูมิราคาข้าว", fontname="sar", fontsize=12)
    page.insert_text((60, 320), "ย่อหน้าระหว่างภาพ", fontname="sar", fontsize=12)
    page.insert_image(pymupdf.Rect(60, 340, 300, 500), pixmap=picture)
    page.insert_image(pymupdf.Rect(400, 340, 410, 350), pixmap=picture)  # a bullet-sized icon
    page.insert_text((60, 530), "ย่อหน้าสุดท้าย", fontname="sar", fontsize=12)
    doc.save(path)
    return path


def test_figures_stand_in_reading_order_with_their_captions(tmp_path: Path) -> None:
    page = open_document(figure_pdf(tmp_path / "f.pdf")).page(1)
    texts = [page.text[p.start : p.end] for p in page.paragraphs]
    assert texts == ["ย่อหน้าแรกก่อนภาพ", "รูปที่ 1 แผนภูมิราคาข้าว", "ย่อหน้าระหว่างภาพ", "ย่อหน้าสุดท้าย"]
    assert [p.kind for p in page.paragraphs][1] is ParagraphKind.FIGURE
    captioned, bare = page.figures
    assert (captioned.before, captioned.caption) == (1, "รูปที่ 1 แผนภูมิราคาข้าว")
    assert (bare.before, bare.caption) == (3, "")
    assert figure_announcement(bare) == "ภาพ ไม่มีคำอธิบาย"


def test_moving_by_cell_row_and_column_says_the_headers(tmp_path: Path) -> None:
    from guidelight.core.tables import cell_announcement, cell_at_offset, neighbour, next_cell

    _, _, table = table_paragraph(ruled_pdf(tmp_path / "m.pdf", MERGED))
    first_body = cell_at_offset(table, table.cells[4].start + 1)
    assert first_body is not None and first_body.text == "คณิตศาสตร์"
    right = neighbour(table, first_body, 0, 1)
    assert right is not None and cell_announcement(table, right) == "แถว 3 คอลัมน์ 2, คะแนน กลางภาค: 30"
    down = neighbour(table, right, 1, 0)
    assert down is not None and down.text == "25"
    assert neighbour(table, down, 1, 0) is None  # the bottom edge
    up = neighbour(table, first_body, -1, 0)
    assert up is not None and up.text == "รายวิชา" and up.row_span == 2  # into the merged header
    assert neighbour(table, up, 0, 1) is table.cell_at(0, 1)  # out of it, to the right
    assert next_cell(table, right) is not None and next_cell(table, right).text == "40"
    assert next_cell(table, table.cells[0], -1) is None


def test_a_page_is_read_with_figures_announced_once_in_place(tmp_path: Path) -> None:
    from guidelight.core.tables import spoken_page
    from guidelight.library.corrections import apply_corrections, describe_figure

    page = open_document(figure_pdf(tmp_path / "f.pdf")).page(1)
    said = [item.text for item in spoken_page(page)]
    assert said == ["ย่อหน้าแรกก่อนภาพ", "ภาพ: รูปที่ 1 แผนภูมิราคาข้าว", "ย่อหน้าระหว่างภาพ", "ภาพ ไม่มีคำอธิบาย",
                    "ย่อหน้าสุดท้าย"]
    described = apply_corrections(page, [describe_figure(page, 2, "ภาพถ่ายตลาดน้ำ")])
    said = [item.text for item in spoken_page(described)]
    assert said[3] == "ภาพ: ภาพถ่ายตลาดน้ำ" and said.count("ภาพ: ภาพถ่ายตลาดน้ำ") == 1
    assert "ภาพ ไม่มีคำอธิบาย" not in said
    table_page = open_document(ruled_pdf(tmp_path / "t.pdf", PRICES)).page(1)
    rows = [item for item in spoken_page(table_page) if item.row >= 1]
    assert table_page.text[rows[0].start : rows[0].end] == "ข้าวสาร\n150 บาท\n2"


def apa_pdf(path: Path) -> Path:
    """APA style: a bold "Figure 1" label and a title line above the image."""
    from tests.tables.tablegen import BOLD

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="sar", fontfile=str(REGULAR))
    page.insert_font(fontname="sarb", fontfile=str(BOLD))
    page.insert_text((60, 80), "ผลการศึกษาแสดงในภาพต่อไปนี้ ซึ่งสรุปกระบวนการทั้งหมด", fontname="sar", fontsize=12)
    page.insert_text((60, 120), "Figure 1", fontname="sarb", fontsize=12)
    page.insert_text((60, 138), "กระบวนการทบทวนวรรณกรรมอย่างเป็นระบบ", fontname="sar", fontsize=12)
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    page.insert_image(pymupdf.Rect(60, 150, 300, 330), pixmap=picture)
    page.insert_text((60, 360), "ย่อหน้าหลังภาพ", fontname="sar", fontsize=12)
    doc.save(path)
    return path


def test_a_caption_label_above_the_figure_is_its_caption(tmp_path: Path) -> None:
    read = open_document(apa_pdf(tmp_path / "apa.pdf")).page(1)
    (figure,) = read.figures
    assert figure.caption == "Figure 1 กระบวนการทบทวนวรรณกรรมอย่างเป็นระบบ"
    assert [p.kind for p in read.paragraphs] == [ParagraphKind.BODY, ParagraphKind.FIGURE, ParagraphKind.FIGURE,
                                                 ParagraphKind.BODY]
    assert figure.before == 1
    from guidelight.core.tables import spoken_page

    assert [item.text for item in spoken_page(read)][-2:] == ["ภาพ: " + figure.caption, "ย่อหน้าหลังภาพ"]
