"""Tables found on made PDFs: cells, headers, merged cells, a table over a page break."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pymupdf

from guidelight.core.model import Page, ParagraphKind, Table
from guidelight.core.serialize import page_from_dict, page_to_dict
from guidelight.extract.budget import PageGivenUp
from guidelight.extract.glyphs import GlyphResolver
from guidelight.extract.lines import Line, PageReader
from guidelight.extract.pdf import open_document
from guidelight.extract.tables import TableFinder
from tests.tables.tablegen import RuledWriter, TableSpec, html_pdf, html_table, random_spec

PRICES = TableSpec(
    header=[["สินค้า", "ราคา", "จำนวน"]],
    body=[["ข้าวสาร", "150 บาท", "2"], ["น้ำปลา", "35 บาท", "1"], ["ไข่ไก่", "4 บาท", "30"]],
    widths=[120.0, 100.0, 80.0],
)
MERGED = TableSpec(
    header=[["รายวิชา", "คะแนน", None], [None, "กลางภาค", "ปลายภาค"]],
    body=[["คณิตศาสตร์", "30", "40"], ["ภาษาไทย", "25", "35"]],
    merges=[(0, 0, 2, 1), (0, 1, 1, 2)],
    widths=[120.0, 100.0, 100.0],
)


def tables_of(page: Page) -> list[Table]:
    return [p.table for p in page.paragraphs if p.table is not None]


def cells_of(table: Table) -> list[tuple[int, int, str]]:
    return [(c.row, c.col, c.text) for c in table.cells if c.text]


def ruled_pdf(path: Path, spec: TableSpec, before: str = "ตารางที่ 1 ราคาสินค้า", after: str = "ข้อความหลังตาราง",
              borders: str = "lines") -> Path:
    writer = RuledWriter()
    writer.text(80, before, bold=True)
    bottom = writer.table(spec, 95, borders=borders)
    writer.text(bottom + 30, after)
    return writer.save(path)


def test_ruled_table_is_one_block_in_reading_order(tmp_path: Path) -> None:
    page = open_document(ruled_pdf(tmp_path / "t.pdf", PRICES)).page(1)
    kinds = [p.kind for p in page.paragraphs]
    assert kinds == [ParagraphKind.HEADING, ParagraphKind.TABLE, ParagraphKind.BODY]
    (table,) = tables_of(page)
    assert (table.rows, table.cols, table.header_rows, table.header_cols) == (4, 3, 1, 0)
    assert cells_of(table) == PRICES.truth()
    para = page.paragraphs[1]
    assert page.text[para.start : para.end].split("\n") == [t for _, _, t in PRICES.truth()]
    for cell in table.cells:  # cell offsets point at the cell's own text in the page
        assert page.text[para.start + cell.start : para.start + cell.end] == cell.text
    assert table.column_header(1) == "ราคา"


def test_html_laid_out_table_with_th_headers(tmp_path: Path) -> None:
    html = "<p>ย่อหน้าก่อนตาราง</p>" + html_table(PRICES) + "<p>ย่อหน้าหลังตาราง</p>"
    page = open_document(html_pdf(tmp_path / "h.pdf", html)).page(1)
    assert [p.kind for p in page.paragraphs] == [ParagraphKind.BODY, ParagraphKind.TABLE, ParagraphKind.BODY]
    (table,) = tables_of(page)
    assert cells_of(table) == PRICES.truth()
    assert table.header_rows == 1


def test_shaded_and_plain_headers_are_found(tmp_path: Path) -> None:
    for style in ("shaded", "plain"):
        spec = TableSpec(PRICES.header, PRICES.body, header_style=style, widths=PRICES.widths)
        (table,) = tables_of(open_document(ruled_pdf(tmp_path / f"{style}.pdf", spec)).page(1))
        assert table.header_rows == 1, style


def test_no_header_when_nothing_sets_the_first_row_apart(tmp_path: Path) -> None:
    spec = TableSpec([], [["วันจันทร์", "เศรษฐศาสตร์"], ["วันอังคาร", "ประวัติศาสตร์"], ["วันพุธ", "เคมี"]],
                     widths=[120.0, 120.0])
    (table,) = tables_of(open_document(ruled_pdf(tmp_path / "n.pdf", spec)).page(1))
    assert table.header_rows == 0
    assert table.column_header(1) == ""


def test_bold_first_column_is_a_header_column(tmp_path: Path) -> None:
    spec = TableSpec(PRICES.header, PRICES.body, bold_first_column=True, widths=PRICES.widths)
    (table,) = tables_of(open_document(ruled_pdf(tmp_path / "c.pdf", spec)).page(1))
    assert (table.header_rows, table.header_cols) == (1, 1)
    assert table.row_header(2) == "น้ำปลา"


def test_merged_header_cells_keep_their_spans(tmp_path: Path) -> None:
    for name, make in (("ruled", lambda p: ruled_pdf(p, MERGED)), ("html", lambda p: html_pdf(p, html_table(MERGED)))):
        (table,) = tables_of(open_document(make(tmp_path / f"{name}.pdf")).page(1))
        spans = {(c.text): (c.row, c.col, c.row_span, c.col_span) for c in table.cells if c.text}
        assert spans["รายวิชา"] == (0, 0, 2, 1), name
        assert spans["คะแนน"] == (0, 1, 1, 2), name
        assert table.header_rows == 2, name
        assert table.column_header(2) == "คะแนน ปลายภาค", name
        assert table.cell_at(1, 0) is table.cell_at(0, 0)


def crossing_pdf(path: Path, repeat_header: bool, spec: TableSpec | None = None,
                 borders: str = "lines", shift: float = 0.0) -> tuple[Path, TableSpec]:
    """A table of 12 body rows (prices by default): header and 8 rows down to the foot of
    page 1, the rest at the top of page 2 (``shift`` points to the right, as a book's
    mirrored margins move it), with or without the header again."""
    spec = spec or TableSpec(PRICES.header, [[f"สินค้า {i}", f"{10 * i} บาท", str(i)] for i in range(1, 13)],
                             widths=PRICES.widths)
    writer = RuledWriter()
    writer.text(600, "ตารางราคา", bold=True)
    writer.table(spec, 612, range(0, 9), borders=borders)
    writer.new_page()
    y = 60.0
    if repeat_header:
        y = writer.table(spec, y, range(0, 1), x=60 + shift, borders=borders)
    bottom = writer.table(spec, y, range(9, 13), x=60 + shift, borders=borders)
    writer.text(bottom + 30, "หลังตาราง")
    return writer.save(path), spec


def test_table_over_a_page_break_is_marked_and_keeps_its_headers(tmp_path: Path) -> None:
    for repeat in (False, True):
        path, spec = crossing_pdf(tmp_path / f"cross{repeat}.pdf", repeat)
        doc = open_document(path, use_cache=False)
        (first,) = tables_of(doc.page(1))
        (second,) = tables_of(doc.page(2))
        assert first.continues and not first.continued
        assert second.continued and not second.continues
        assert second.column_header(1) == "ราคา", repeat
        body = [c.text for c in second.cells if c.row >= second.header_rows]
        assert body == [t for row in spec.body[8:] for t in row]


def test_table_over_a_page_break_with_mirrored_margins(tmp_path: Path) -> None:
    """Odd and even pages with different margins: the second part stands 14 points to the
    right, its columns as far apart as the first part's."""
    path, _ = crossing_pdf(tmp_path / "mirror.pdf", False, shift=14.0)
    doc = open_document(path, use_cache=False)
    (first,), (second,) = tables_of(doc.page(1)), tables_of(doc.page(2))
    assert first.continues and second.continued and second.column_header(1) == "ราคา"


def test_continued_table_borrows_headers_even_when_read_first(tmp_path: Path) -> None:
    """Opening at page 2 (a bookmark) must not lose the headers printed on page 1."""
    path, _ = crossing_pdf(tmp_path / "cross.pdf", False)
    (second,) = tables_of(open_document(path, use_cache=False).page(2))
    assert second.borrowed_headers == ("สินค้า", "ราคา", "จำนวน")


def test_a_page_looked_back_at_for_headers_is_read_on_its_own_budget(tmp_path: Path) -> None:
    """Page 2's table goes on from page 1 without headers of its own. Where page 1 costs
    too much to read, page 2 is read all the same, without borrowed headers; where page 1
    was read by OCR (its text layer unreadable), it is not read for headers at all."""
    path, _ = crossing_pdf(tmp_path / "cross.pdf", False)
    doc = pymupdf.open(path)
    page_two = doc[1]

    def too_costly(page: pymupdf.Page, clip: pymupdf.Rect | None) -> list[Line]:
        if page.number == 0:
            raise PageGivenUp("laying it out took over 20 seconds of processor time")
        return PageReader(page, GlyphResolver(doc), Counter()).lines(clip)

    finder = TableFinder(doc, too_costly)
    (second,), _, _ = finder.find(page_two, 2, too_costly(page_two, None))
    assert second.continued and second.inherited_headers == ()

    def never(page: pymupdf.Page, clip: pymupdf.Rect | None) -> list[Line]:
        assert page.number != 0, "page 1 was read by OCR: its text layer is not looked at"
        return too_costly(page, clip)

    finder = TableFinder(doc, never)
    finder.no_tables(1)
    (second,), _, _ = finder.find(page_two, 2, never(page_two, None))
    assert not second.continued


def test_framed_text_is_not_a_table(tmp_path: Path) -> None:
    spec = TableSpec([], [["บรรทัดที่หนึ่งของกรอบ"], ["บรรทัดที่สองของกรอบ"]], widths=[300.0])
    page = open_document(ruled_pdf(tmp_path / "box.pdf", spec)).page(1)
    assert not tables_of(page)
    assert "บรรทัดที่หนึ่งของกรอบ" in page.text


def test_a_posters_frames_around_its_sections_are_not_a_table(tmp_path: Path) -> None:
    """Boxes drawn around a poster's sections make a grid, but one box, alone on its row,
    holds most of the text, line after line of it: that is layout, read as paragraphs,
    not a table whose one cell is heard as a single run."""
    prose = [f"บรรทัดที่{n}ของบทคัดย่อที่อยู่ในกรอบ" for n in range(24)]
    spec = TableSpec([], [["ผู้จัดทำ", "นายสมชาย ใจดี"], ["\n".join(prose), None]], merges=[(1, 0, 1, 2)],
                     widths=[100.0, 300.0])
    page = open_document(ruled_pdf(tmp_path / "poster.pdf", spec)).page(1)
    assert not tables_of(page)
    assert all(line in page.text for line in prose)


def test_a_grid_whose_borders_cut_through_words_is_not_a_table(tmp_path: Path) -> None:
    """A slide's card edges and a box drawn round two lines made a 2x2 "table" whose inner
    border ran through "Intentional una|uthorized" and "ละ|เมิด": its cells were heard in
    pieces. A table's rules stand between words; these lines are read whole."""
    from tests.document.conftest import SARABUN

    doc = pymupdf.open()
    page = doc.new_page(width=960, height=540)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    for rect in ((44, 66, 925, 457), (44, 91, 191, 457), (191, 66, 925, 457), (191, 91, 339, 457)):
        page.draw_rect(pymupdf.Rect(rect), color=(0.8, 0.8, 0.8), width=0.5)
    lines = [("Hacking", 76, 160, 25), ("Intentional unauthorized access to", 150, 230, 16),
             ("Computer security ปกป้อง asset", 76, 286, 13.6), ("Computer Crime ละเมิด asset", 150, 304, 13.6),
             ("What is computer System?", 650, 190, 16), ("Hardware, software, data, people", 585, 230, 12)]
    for text, x, y, size in lines:
        page.insert_text((x, y), text, fontname="S", fontsize=size)
    doc.save(tmp_path / "card.pdf")
    read = open_document(tmp_path / "card.pdf", use_cache=False).page(1)
    assert not tables_of(read)
    for text, *_ in lines:
        assert text in read.text


def test_a_lesson_plan_with_one_long_step_is_a_table(tmp_path: Path) -> None:
    """One cell holds most of the lines (the teaching step's activities), but its step's
    name stands beside it on its row: that is a table's row, not a frame."""
    activities = "\n".join(f"กิจกรรมที่{n} นักเรียนอ่านบทความและสรุป" for n in range(24))
    spec = TableSpec([["ขั้นตอน", "กิจกรรมการเรียนรู้"]],
                     [["ขั้นนำ", "ครูทบทวนความรู้เดิม\nนักเรียนตอบคำถาม"], ["ขั้นสอน", activities], ["ขั้นสรุป", "สรุปบทเรียน"]],
                     widths=[100.0, 300.0])
    page = open_document(ruled_pdf(tmp_path / "plan.pdf", spec)).page(1)
    assert len(tables_of(page)) == 1


def test_tables_survive_the_page_cache(tmp_path: Path) -> None:
    path = ruled_pdf(tmp_path / "m.pdf", MERGED)
    fresh = open_document(path).page(1)
    assert page_from_dict(page_to_dict(fresh)) == fresh
    assert open_document(path).page(1) == fresh  # read back from the cache


Maker = Callable[[int, TableSpec, Path], Path]


def measure(tmp_path: Path, count: int, seed: int, make: Maker, merged: Callable[[int], bool]) -> tuple[float, float, int]:
    """Cell accuracy and header detection over ``count`` random tables, the i-th made
    into a PDF by ``make`` (with merged header cells where ``merged(i)``)."""
    rng = random.Random(seed)
    right = total = headers_found = 0
    for i in range(count):
        spec = random_spec(rng, merged=merged(i))
        found = tables_of(open_document(make(i, spec, tmp_path / f"r{i}.pdf")).page(1))
        got = {(r, c): t for table in found[:1] for r, c, t in cells_of(table)}
        truth = spec.truth()
        right += sum(got.get((r, c)) == t for r, c, t in truth)
        total += len(truth)
        headers_found += bool(found) and found[0].header_rows == len(spec.header)
    return right / total, headers_found / count, total


def ruled_or_laid_out(i: int, spec: TableSpec, path: Path) -> Path:
    """Both producers in turn; every other ruled table has Word's filled-bar borders."""
    if i % 2:
        return html_pdf(path, "<p>ตารางทดสอบ</p>" + html_table(spec))
    return ruled_pdf(path, spec, before="ตารางทดสอบ", after="จบ", borders="fills" if i % 4 == 2 else "lines")


def test_cell_text_and_header_accuracy(tmp_path: Path) -> None:
    cells, headers, total = measure(tmp_path, 40, 10, ruled_or_laid_out, lambda i: i % 4 == 3)
    print(f"cell accuracy {cells:.2%} of {total} cells; header rows found for {headers:.0%} of 40 tables")
    assert cells >= 0.99
    assert headers >= 0.95


def test_a_body_cell_merged_over_rows_covers_them(tmp_path: Path) -> None:
    spec = TableSpec([["หมวด", "รายการ", "ราคา"]],
                     [["อาหาร", "ข้าวสาร", "150 บาท"], ["", "น้ำปลา", "35 บาท"], ["ของใช้", "สบู่", "20 บาท"]],
                     merges=[(1, 0, 2, 1)], widths=[100.0, 120.0, 100.0])
    for name, make in (("ruled", lambda p: ruled_pdf(p, spec)), ("html", lambda p: html_pdf(p, html_table(spec)))):
        (table,) = tables_of(open_document(make(tmp_path / f"{name}.pdf")).page(1))
        assert table.cell_at(2, 0) is table.cell_at(1, 0), name
        assert table.cell_at(1, 0).text == "อาหาร" and table.cell_at(1, 0).row_span == 2, name
        assert table.header_rows == 1 and table.column_header(2) == "ราคา", name


def test_a_tables_last_row_alone_on_the_next_page_is_read_cell_by_cell(tmp_path: Path) -> None:
    """A project report's table of members and their tasks ends with one row at the top of
    the next page, its cells of several lines: read as lines, they crossed each other
    ("รูปแบบการรับ input / ตั้งแต่ 1 พ.ย. / และการแปลง output ถึงกำหนดส่งงาน"). A ruled row
    alone that goes on no table is still read as text."""
    rows = [["60070091", "นายฟุ้ง ใจดี", "หน้าจอหลัก\nของโปรแกรม", "1 พ.ย."] for _ in range(8)]
    rows.append(["60070092", "นายวีรภัทร สิทธิราช", "รูปแบบการรับ input\nและการแปลง output\nเป็นไฟล์ต่างๆ",
                 "ตั้งแต่ 1 พ.ย.\nถึงกำหนดส่งงาน"])
    spec = TableSpec([["รหัส", "ชื่อ", "หน้าที่", "ระยะเวลา"]], rows, widths=[90.0, 130.0, 150.0, 100.0])
    writer = RuledWriter()
    writer.text(450, "ตารางที่ 1 การแบ่งงาน", bold=True)
    writer.table(spec, 462, range(0, 9))
    writer.new_page()
    writer.table(spec, 60, range(9, 10))
    writer.text(200, "รายละเอียดฟังก์ชั่นการทำงานของโปรแกรม")
    writer.new_page()
    writer.table(spec, 60, range(9, 10))  # the same row, on a page after no table
    writer.new_page()
    writer.table(spec, 462, range(0, 9))
    writer.new_page()  # a survey's items, their means and levels: rows no rule parts
    items = TableSpec(spec.header, [["19. เชื่อมั่น\n20. พยายาม\n21. ไม่ชัดเจน", "นาย ก", "4.22\n4.00\n3.34",
                                     "มาก\nมาก\nปานกลาง"]], widths=spec.widths)
    writer.table(items, 60, range(1, 2))
    doc = open_document(writer.save(tmp_path / "members.pdf"), use_cache=False)
    (part,) = tables_of(doc.page(2))
    assert part.continued and part.rows == 1
    assert [c.text for c in part.cells if c.text][2:] == ["รูปแบบการรับ input และการแปลง output เป็นไฟล์ต่างๆ",
                                                          "ตั้งแต่ 1 พ.ย. ถึงกำหนดส่งงาน"]
    assert not tables_of(doc.page(3)) and not tables_of(doc.page(5))


def test_a_table_in_a_cell_is_read_in_that_cell_not_again_after_it(tmp_path: Path) -> None:
    """A textbook explains a program in a table's cell with a small table of its own. Both
    were read as tables, and the small one's every cell was heard twice."""
    outer = TableSpec(
        header=[["โปรแกรม", "คำอธิบาย"]],
        body=[["x = input()\nprint(x)", "แบ่งเป็นสามช่วงดังนี้" + "\n" * 8]],
        widths=[150.0, 330.0],
    )
    writer = RuledWriter()
    writer.table(outer, 100)
    writer.table(PRICES, 100 + 22 + 32, x=60 + 150 + 15)
    page = open_document(writer.save(tmp_path / "nested.pdf")).page(1)
    assert page.text.count("ข้าวสาร") == 1 and page.text.count("แบ่งเป็นสามช่วงดังนี้") == 1
    (table,) = tables_of(page)
    assert table.rows == 2 and "ข้าวสาร" in table.cells[-1].text


def _calendar_pdf(path: Path) -> Path:
    """A calendar's ruled table: the groups of a row listed one to a line in a cell merged
    over four rows, each row's dates ruled apart beside them; then an exam's label centred
    over its two rows."""
    writer = RuledWriter()
    xs, ys = (60.0, 230.0, 340.0, 450.0), [100.0, 120.0, 140.0, 158.0, 176.0, 194.0, 212.0, 230.0]
    writer.text(114, "กำหนดการ", bold=True, size=11, x=64)
    writer.text(114, "ภาคต้น", bold=True, size=11, x=234)
    writer.text(114, "ภาคปลาย", bold=True, size=11, x=344)
    groups = ["- นิสิตรหัส 65 และน้อยกว่า", "- นิสิตรหัส 66", "- นิสิตรหัส 67", "- นิสิตรหัส 68"]
    for k, group in enumerate(groups):
        writer.text(ys[1] + 14 + 18 * k, group, size=11, x=64)
        writer.text(ys[1] + 14 + 18 * k, f"อ. {17 + k} มิ.ย. 68", size=11, x=234)
        writer.text(ys[1] + 14 + 18 * k, f"อ. {18 + k} พ.ย. 68", size=11, x=344)
    writer.text(ys[5] + 22, "สอบปลายภาค", size=11, x=64)  # centred over its two rows
    writer.text(ys[5] + 14, "จ. 1 ก.ย. 68", size=11, x=234)
    writer.text(ys[5] + 14, "จ. 2 ก.พ. 69", size=11, x=344)
    writer.text(ys[6] + 14, "อ. 2 ก.ย. 68", size=11, x=234)
    writer.text(ys[6] + 14, "อ. 3 ก.พ. 69", size=11, x=344)
    shape = writer.page.new_shape()
    for y in (ys[0], ys[1], ys[5], ys[7]):  # across the whole table
        shape.draw_line((xs[0], y), (xs[-1], y))
    for y in (ys[2], ys[3], ys[4], ys[6]):  # between the dates only
        shape.draw_line((xs[1], y), (xs[-1], y))
    for x in xs:
        shape.draw_line((x, ys[0]), (x, ys[-1]))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    return writer.save(path)


def test_a_merged_cell_listing_its_rows_groups_is_split_among_them(tmp_path: Path) -> None:
    # b16_29, a university calendar: the four groups were one cell, then twelve dates with
    # no group to tell a student which registration day is theirs.
    (table,) = tables_of(open_document(_calendar_pdf(tmp_path / "c.pdf")).page(1))
    rows = {(c.row, c.col): c.text for c in table.cells if c.text}
    assert [rows[(r, 0)] for r in range(1, 5)] == ["- นิสิตรหัส 65 และน้อยกว่า", "- นิสิตรหัส 66", "- นิสิตรหัส 67",
                                                  "- นิสิตรหัส 68"]
    assert rows[(2, 1)] == "อ. 18 มิ.ย. 68" and rows[(4, 2)] == "อ. 21 พ.ย. 68"
    exam = table.cell_at(5, 0)
    assert exam is not None and exam.text == "สอบปลายภาค" and exam.row_span == 2  # a label over both, kept merged
