"""Tables drawn without ruling lines: found from their alignment, and nothing else is.

Word's "Table Normal" (no borders), LibreOffice-style tables with borders off, and
tables with only a rule under the header are made here with Thai headers and cells;
prose, two-column text, tables of contents, lists with numbers at the right and
hanging-indent lists must stay paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.core.tables import spoken_table
from guidelight.extract.pdf import open_document
from tests.tables.tablegen import REGULAR, WORDS, RuledWriter, TableSpec, fitted, html_pdf, html_table
from tests.tables.test_tables import MERGED, PRICES, cells_of, crossing_pdf, measure, ruled_pdf, tables_of

PROSE = (
    "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัดอย่างไร "
    "เพื่อผลิตสินค้าและบริการให้ตอบสนองความต้องการที่ไม่มีที่สิ้นสุด ในปี พ.ศ. 2566 ผลิตภัณฑ์มวลรวม "
    "ในประเทศของไทยขยายตัวประมาณ 1.9% ตามรายงานของสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ "
)


def borderless_pdf(path: Path, spec: TableSpec, producer: str, borders: str) -> Path:
    """The spec as a Word-style (text runs at cell positions) or HTML-laid-out table,
    with no borders or only a rule under its header."""
    if producer == "html":
        return html_pdf(path, "<p>ตารางทดสอบ</p>" + html_table(spec) + "<p>ข้อความหลังตาราง</p>", borders=borders)
    return ruled_pdf(path, fitted(spec), before="ตารางทดสอบ", after="ข้อความหลังตาราง", borders=borders)


def test_word_table_without_borders_is_a_table(tmp_path: Path) -> None:
    page = open_document(borderless_pdf(tmp_path / "w.pdf", PRICES, "word", "none")).page(1)
    (table,) = tables_of(page)
    assert (table.rows, table.cols, table.header_rows) == (4, 3, 1)
    assert cells_of(table) == PRICES.truth()
    assert page.text.startswith("ตารางทดสอบ") and page.text.endswith("ข้อความหลังตาราง")
    assert table.column_header(1) == "ราคา"


def test_borderless_table_is_spoken_with_its_column_headers(tmp_path: Path) -> None:
    page = open_document(borderless_pdf(tmp_path / "s.pdf", PRICES, "html", "header")).page(1)
    (table,) = tables_of(page)
    lines = [line.text for line in spoken_table(table, "th")]
    assert lines[:3] == ["ตาราง 4 แถว 3 คอลัมน์", "หัวคอลัมน์: สินค้า, ราคา, จำนวน",
                         "แถว 1: สินค้า: ข้าวสาร, ราคา: 150 บาท, จำนวน: 2"]


def test_borderless_table_over_a_page_break_keeps_its_headers(tmp_path: Path) -> None:
    """Prices (a column of numbers) and a two-column list of words under a bold, ruled-off
    header: the part on page 2 has no header row of its own, and the words alone would not
    be a table, but it goes on from the table at the foot of page 1 (even moved by a
    book's mirrored margins)."""
    words = TableSpec([["วัน", "วิชา"]], [[f"วันที่ {i}", f"วิชา{WORDS[i]}"] for i in range(12)], header_style="bold",
                      widths=[150.0, 200.0])
    for name, spec, borders, shift in (("prices", None, "none", 0.0), ("words", words, "header", 14.0)):
        path, made = crossing_pdf(tmp_path / f"{name}.pdf", False, spec, borders, shift)
        doc = open_document(path, use_cache=False)
        (first,) = tables_of(doc.page(1))
        (second,) = tables_of(doc.page(2))
        assert first.continues and second.continued and not second.header_rows, name
        assert second.borrowed_headers == tuple(made.header[0]), name
        assert [c.text for c in second.cells] == [t for row in made.body[8:] for t in row], name


def test_a_table_over_three_pages_is_the_same_whichever_page_is_read_first(tmp_path: Path) -> None:
    """Only page 1's part has a header; page 2's part is a table because it goes on from
    page 1, and page 3's because it goes on from page 2. A student who reopens the
    document on page 3 (a bookmark, the last position) must get the same table."""
    spec = TableSpec([["วัน", "วิชา"]], [[f"วันที่ {i}", f"วิชา{WORDS[i % len(WORDS)]}"] for i in range(50)],
                     header_style="bold", widths=[150.0, 200.0])
    writer = RuledWriter()
    writer.text(600, "ตาราง", bold=True)
    writer.table(spec, 612, range(0, 9), borders="header")
    writer.new_page()
    writer.table(spec, 60, range(9, 44), borders="none")
    writer.new_page()
    writer.text(writer.table(spec, 60, range(44, 50), borders="none") + 30, "หลังตาราง")
    path = writer.save(tmp_path / "three.pdf")

    def parts(order: tuple[int, ...]) -> dict[int, list[tuple[int, bool, bool, tuple[str, ...]]]]:
        doc = open_document(path, use_cache=False)
        return {n: [(t.rows, t.continued, t.continues, t.borrowed_headers) for t in tables_of(doc.page(n))]
                for n in order}

    in_order = parts((1, 2, 3))
    assert [len(in_order[n]) for n in (1, 2, 3)] == [1, 1, 1]
    assert in_order[3] == [(6, True, False, ("วัน", "วิชา"))]
    assert parts((3, 2, 1)) == in_order


def test_rule_under_the_header_marks_the_header_row(tmp_path: Path) -> None:
    """Plain words over plain words: only the rule says which row is the header; with no
    rule and no numbers nothing tells the block from verse, and it stays paragraphs."""
    spec = TableSpec([["วัน", "วิชา", "ห้อง"]],
                     [["วันจันทร์", "เศรษฐศาสตร์", "อาคาร 2"], ["วันอังคาร", "ประวัติศาสตร์", "อาคาร 3"],
                      ["วันพุธ", "เคมี", "อาคาร 1"]], header_style="plain", widths=[100.0, 120.0, 100.0])
    for producer in ("word", "html"):
        ruled = tables_of(open_document(borderless_pdf(tmp_path / f"{producer}.pdf", spec, producer, "header")).page(1))
        assert [t.header_rows for t in ruled] == [1], producer
        assert cells_of(ruled[0]) == spec.truth()
        bare = borderless_pdf(tmp_path / f"{producer}-bare.pdf", spec, producer, "none")
        assert_no_table(bare)


def test_no_header_row_but_a_column_of_figures(tmp_path: Path) -> None:
    spec = TableSpec([], [["วันจันทร์", "เศรษฐศาสตร์", "120"], ["วันอังคาร", "ประวัติศาสตร์", "95"],
                          ["วันพุธ", "เคมี", "40"]], header_style="plain", widths=[100.0, 120.0, 100.0])
    (table,) = tables_of(open_document(borderless_pdf(tmp_path / "f.pdf", spec, "word", "none")).page(1))
    assert table.header_rows == 0 and cells_of(table) == spec.truth()


def test_rules_between_all_rows_set_no_header_apart(tmp_path: Path) -> None:
    """Horizontal rules under every row (and none between columns) part the rows; the
    header is the shaded row, not every row with a rule under it."""
    spec = TableSpec(PRICES.header, PRICES.body, header_style="shaded", widths=PRICES.widths)
    (table,) = tables_of(open_document(borderless_pdf(tmp_path / "r.pdf", spec, "word", "rows")).page(1))
    assert table.header_rows == 1 and cells_of(table) == spec.truth()


WRAPPED = TableSpec(
    [["ชื่อเรื่อง", "บริบทการวิจัย", "ลักษณะการใช้ AI", "ผลการวิจัย"]],
    [["1. ตัวแทนการสอนที่\nขับเคลื่อนด้วย GPT-3", "นักเรียนประถมศึกษา\nอายุระหว่าง 9-10 ปี", "การใช้ GPT-3 เพื่อ\nสร้างตัวแทนการสอน",
      "นักเรียนมีความสามารถ\nในการถามดีขึ้น"],
     ["2. การให้คะแนน\nความคิดริเริ่ม", "นักศึกษาปริญญาโท", "การใช้ AI ในการ\nให้คะแนน", "การให้คะแนน\nแม่นยำขึ้น"],
     ["3. ความชอบของ\nนักเรียน", "นักศึกษาใน\nมหาวิทยาลัย", "การวิเคราะห์ข้อความ", "AI ช่วยให้\nเข้าใจได้"]],
    header_style="shaded", widths=[120.0, 115.0, 115.0, 115.0],
)


def test_rules_between_rows_of_wrapped_cells_make_one_row_each(tmp_path: Path) -> None:
    """A journal's table: rules between the rows only, every column's cells wrapped, so
    the lines of a row can be told apart from the next row only by the rule between."""
    (table,) = tables_of(open_document(borderless_pdf(tmp_path / "j.pdf", WRAPPED, "word", "rows")).page(1))
    assert (table.rows, table.cols, table.header_rows) == (4, 4, 1)
    assert cells_of(table) == [(r, c, t.replace("\n", "")) for r, c, t in WRAPPED.truth()]


OUTLINE = [
    ("#", "หัวข้อ", "บรรยาย", "ปฏิบัติการ"),
    ("1", "Introduction to Modern Web Development",
     "Overview of Web Development (Frontend, Backend)<br>Introduction to Web Technologies (HTML, CSS)<br>"
     "Setting Up Development Environment", "Installing Development Tools<br>Basic HTML and CSS Structure"),
    ("2", "HTML Fundamentals", "HTML Elements and Attributes<br>Semantic HTML",
     "Building a Multi-page Website<br>Form Creation and Validation<br>ตรวจสอบแบบฟอร์ม"),
    ("3", "พื้นฐาน CSS", "CSS Syntax and Selectors", "Styling Web Pages<br>Implementing Responsive Designs"),
]


def test_a_web_pages_table_ruled_under_each_row_is_read_row_by_row(tmp_path: Path) -> None:
    """A course site printed from a browser (b16_37): a rule under each row and none between
    the columns, each cell's lines wrapped and centred in its row. Read line by line across
    the columns, its topics came apart from their lectures ("Installing and / (Frontend, /
    Configuring"); the rules are the rows, and where their pieces meet, the columns."""
    html = "<p>แผนการสอน</p><table>" + "".join(
        "<tr>" + "".join((f"<th>{t}</th>" if r == 0 else f"<td>{t}</td>") for t in row) + "</tr>"
        for r, row in enumerate(OUTLINE)) + "</table><p>ข้อความหลังตาราง</p>"
    page = open_document(html_pdf(tmp_path / "web.pdf", html, borders="web")).page(1)
    (table,) = tables_of(page)
    assert (table.rows, table.cols, table.header_rows) == (4, 4, 1)
    assert cells_of(table) == [(r, c, text.replace("<br>", " ")) for r, row in enumerate(OUTLINE)
                               for c, text in enumerate(row)]
    assert page.text.startswith("แผนการสอน") and page.text.endswith("ข้อความหลังตาราง")


def test_prose_between_a_pages_rules_is_not_a_table(tmp_path: Path) -> None:
    """A web page's sections under rules as wide as its text: a rule under each, and text
    between, but one column of it."""
    words = PROSE.split(" ")
    html = "".join(f"<p>{' '.join(words[i:i + 6])}</p><p>{' '.join(words[i + 6:i + 12])}</p><hr>"
                   for i in range(0, 36, 12))
    assert_no_table(html_pdf(tmp_path / "hr.pdf", html, borders="web"))


def test_a_last_row_under_the_last_rule_stays_in_the_table(tmp_path: Path) -> None:
    """A slide's boxes (b15_15): rules between the rows only, the last row closed by the box's
    edge. Taken for a table ruled under each row, it lost its last row to the paragraphs."""
    writer = RuledWriter()
    rows = [("ช่วงเวลา", "หมวด"), ("0:00 - 5:59", "กลางคืน"), ("6:00 - 11:59", "เช้า"), ("12:00 - 17:59", "บ่าย"),
            ("18:00 - 23:59", "เย็น")]
    for r, (time, name) in enumerate(rows):
        writer.text(100 + 24 * r, time, bold=r == 0, size=11, x=64)
        writer.text(100 + 24 * r, name, bold=r == 0, size=11, x=200)
    shape = writer.page.new_shape()
    for r in range(4):
        shape.draw_line((60, 106 + 24 * r), (300, 106 + 24 * r))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    (table,) = tables_of(open_document(writer.save(tmp_path / "boxes.pdf")).page(1))
    assert table.rows == 5 and [c.text for c in table.cells if c.row == 4] == ["18:00 - 23:59", "เย็น"]


def test_wrapped_cell_spaced_like_a_tall_font_stays_in_its_row(tmp_path: Path) -> None:
    """Writer with a Thai font of tall lines and Word's space after each paragraph: a
    cell's wrapped line lies two font sizes below its first, rows three apart."""
    writer = RuledWriter()
    rows = [("วิชา", "หน่วยกิต", "ห้อง"), ("Microeconomics", "3", "ห้อง 301"), ("ภาษาไทย", "2", "ห้อง 302"),
            ("ประวัติศาสตร์", "3", "ห้อง 303")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            writer.text(100 + 34 * r, text, bold=r == 0, size=11, x=60 + 130 * c)
    writer.text(100 + 34 + 24, "and Statistics", size=11, x=60)  # the first body cell, wrapped
    (table,) = tables_of(open_document(writer.save(tmp_path / "tall.pdf")).page(1))
    assert (table.rows, table.header_rows) == (4, 1)
    assert table.cell_at(1, 0).text == "Microeconomics and Statistics"


def written_rows(rows: list[tuple[str, ...]], pitch: float, path: Path) -> RuledWriter:
    """A borderless table set by hand: bold first row, columns 130 pt apart, 11 pt text."""
    writer = RuledWriter()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                writer.text(100 + pitch * r, text, bold=r == 0, size=11, x=60 + 130 * c)
    writer.text(100 + pitch * len(rows) + 30, "ข้อความหลังตาราง", size=11, x=60)
    return writer


def test_a_rule_under_the_header_and_one_over_the_total_part_no_rows(tmp_path: Path) -> None:
    """Two rules over rows set at one pitch are the header's and the total's, not the
    edges of bands of wrapped lines: the rows between them stay rows."""
    rows = [("รายการ", "จำนวน", "ราคา"), ("ข้าวสาร", "2", "150 บาท"), ("น้ำปลา", "1", "25 บาท"),
            ("ไข่ไก่", "10", "40 บาท"), ("น้ำตาล", "3", "60 บาท"), ("รวม", "16", "275 บาท")]
    writer = written_rows(rows, 22, tmp_path)
    shape = writer.page.new_shape()
    for y in (106, 100 + 22 * 4 + 6):  # under the header, over the total
        shape.draw_line((56, y), (440, y))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    (table,) = tables_of(open_document(writer.save(tmp_path / "total.pdf")).page(1))
    assert (table.rows, table.cols, table.header_rows) == (6, 3, 1)
    assert cells_of(table) == [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_a_row_with_an_empty_cell_stays_a_row(tmp_path: Path) -> None:
    """The row whose last cell is empty is a row, not the row above's wrapped text. (Set as
    tight as single-spaced lines, 15 pt for 11 pt text, it is taken for wrapped text: a
    journal's cells wrap at that very step, and without rules the two cannot be told apart.)"""
    rows = [("วิชา", "ผู้สอน", "ห้อง"), ("เศรษฐศาสตร์", "อ.สมชาย", "ห้อง 301"), ("ภาษาไทย", "อ.สมหญิง", ""),
            ("ประวัติศาสตร์", "อ.วิชัย", "ห้อง 303"), ("เคมี", "อ.มานี", "ห้อง 304")]
    for pitch in (22, 17):
        pdf = written_rows(rows, pitch, tmp_path).save(tmp_path / f"tight{pitch}.pdf")
        (table,) = tables_of(open_document(pdf).page(1))
        assert (table.rows, table.cols, table.header_rows) == (5, 3, 1), pitch
        assert table.cell_at(2, 1).text == "อ.สมหญิง", pitch


def test_a_padded_table_with_one_taller_row_gap_stays_one_table(tmp_path: Path) -> None:
    """Google Docs pads a CSS cheat sheet's rows twice their 8-point text apart, and sets
    one gap half as much again: the table was cut there, its parts read column by column
    (batch 14's b14_08, "Box Model")."""
    rows = [("คำสั่ง", "คำอธิบาย", "ตัวอย่าง"), ("width", "ความกว้าง / สูง", "width: 200px;"),
            ("max-width", "จำกัดขนาดสูงสุด", "max-width: 100%;"), ("margin", "ระยะห่างภายนอกกล่อง", "margin: 20px;"),
            ("padding", "ระยะห่างภายในกล่อง", "padding: 10px;"), ("border", "เส้นขอบของกล่อง", "border: 1px;")]
    writer = RuledWriter()
    for r, (y, row) in enumerate(zip((100, 126, 152, 188, 214, 240), rows, strict=True)):
        for c, text in enumerate(row):
            writer.text(y, text, bold=r == 0, size=8, x=60 + 130 * c)
    (table,) = tables_of(open_document(writer.save(tmp_path / "padded.pdf")).page(1))
    assert (table.rows, table.cols, table.header_rows) == (6, 3, 1)
    assert cells_of(table) == [(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_two_columns_need_a_header_row_and_figures_or_a_drawn_header(tmp_path: Path) -> None:
    """Two columns of words read like a list, or verse under a bold title; with a rule
    under a header, or a header over numbers, they are a table."""
    pairs = [["วันจันทร์", "เศรษฐศาสตร์"], ["วันอังคาร", "ประวัติศาสตร์"], ["วันพุธ", "เคมี"], ["วันศุกร์", "ฟิสิกส์"]]
    plain = TableSpec([], pairs, widths=[120.0, 120.0])
    assert_no_table(borderless_pdf(tmp_path / "p.pdf", plain, "word", "none"))
    bold = TableSpec([["วัน", "วิชา"]], pairs, header_style="bold", widths=[120.0, 120.0])
    assert_no_table(borderless_pdf(tmp_path / "b.pdf", bold, "word", "none"))
    (ruled,) = tables_of(open_document(borderless_pdf(tmp_path / "r.pdf", bold, "word", "header")).page(1))
    assert ruled.header_rows == 1 and cells_of(ruled) == bold.truth()
    prices = TableSpec([["สินค้า", "ราคา"]], [[a, b] for a, b, _ in PRICES.body], header_style="plain",
                       widths=[120.0, 100.0])
    (table,) = tables_of(open_document(borderless_pdf(tmp_path / "n.pdf", prices, "html", "none")).page(1))
    assert table.header_rows == 1 and cells_of(table) == prices.truth()


def test_group_heading_over_two_columns(tmp_path: Path) -> None:
    spec = TableSpec(MERGED.header, [*MERGED.body, ["ฟิสิกส์", "20", "45"]], MERGED.merges, "plain",
                     widths=MERGED.widths)
    (table,) = tables_of(open_document(borderless_pdf(tmp_path / "g.pdf", spec, "html", "none")).page(1))
    assert table.header_rows == 2
    assert table.column_header(2) == "คะแนน ปลายภาค"
    assert table.cell_at(1, 0) is table.cell_at(0, 0)


def borderless_in_turn(i: int, spec: TableSpec, path: Path) -> Path:
    """Both producers in turn, with no rules, a rule under the header, or rules between all rows."""
    return borderless_pdf(path, spec, "html" if i % 2 else "word", ("none", "header", "rows")[i % 3])


def test_cell_text_and_header_accuracy(tmp_path: Path) -> None:
    # Half the tables have a group heading over two columns and the other headers merged down.
    cells, headers, total = measure(tmp_path, 48, 11, borderless_in_turn, lambda i: i % 4 >= 2)
    print(f"borderless: cell accuracy {cells:.2%} of {total} cells; header rows found for {headers:.0%} of 48 tables")
    assert cells >= 0.99
    assert headers >= 0.95


def text_page(path: Path, draw: list[tuple[float, float, str]], size: float = 14.0) -> Path:
    """A page of text runs, each at (x, baseline)."""
    writer = RuledWriter()
    for x, y, text in draw:
        writer.text(y, text, size=size, x=x)
    return writer.save(path)


def assert_no_table(path: Path) -> None:
    page = open_document(path).page(1)
    assert not tables_of(page), [cells_of(t) for t in tables_of(page)]


def test_prose_is_not_a_table(tmp_path: Path) -> None:
    words = (PROSE * 4).split(" ")
    lines = [" ".join(words[i : i + 4]) for i in range(0, len(words) - 4, 4)]
    assert_no_table(text_page(tmp_path / "prose.pdf", [(60, 80 + 20 * i, line) for i, line in enumerate(lines)]))


def set_lines(text: str, width: float, size: float = 11.0) -> list[str]:
    """Text set in lines as full as ``width`` allows, broken only before a consonant or
    a leading vowel (where Thai words begin), as a typesetter fills a column."""
    font = pymupdf.Font(fontfile=str(REGULAR))
    lines, line = [], ""
    for i, char in enumerate(text):
        breakable = "\u0e01" <= char <= "\u0e2e" or char in " เแโใไ"
        if breakable and line and font.text_length(line + text[i : i + 3], size) > width:
            lines.append(line.strip())
            line = ""
        line += char
    return [ln for ln in [*lines, line.strip()] if ln]


def test_columns_of_text_are_not_a_table(tmp_path: Path) -> None:
    """Two or three columns of running text, line for line on the same baselines, under
    bold column headings (which would pass for a header row)."""
    for cols in (2, 3):
        width = 480 / cols - 15
        writer = RuledWriter()
        for c in range(cols):
            x = 60 + c * 480 / cols
            writer.text(62, f"หัวข้อที่ {c + 1}", bold=True, size=11, x=x)
            for i, line in enumerate(set_lines(PROSE[c * 7 :] + PROSE, width)[:12]):
                writer.text(80 + 16 * i, line, size=11, x=x)
        assert_no_table(writer.save(tmp_path / f"columns{cols}.pdf"))


def test_table_of_contents_is_not_a_table(tmp_path: Path) -> None:
    titles = ["บทนำ", "ความหมายของเศรษฐศาสตร์", "อุปสงค์และอุปทาน", "ตลาดและราคา", "นโยบายการคลัง"]
    leaders = [(60, 80 + 22 * i, f"บทที่ {i + 1} {t} " + "." * 40) for i, t in enumerate(titles)]
    leaders += [(480, 80 + 22 * i, str(3 + 12 * i)) for i in range(len(titles))]
    assert_no_table(text_page(tmp_path / "toc.pdf", leaders))
    bare = [(60, 80 + 22 * i, f"บทที่ {i + 1} {t}") for i, t in enumerate(titles)]
    bare += [(480, 80 + 22 * i, str(3 + 12 * i)) for i in range(len(titles))]
    assert_no_table(text_page(tmp_path / "toc2.pdf", [(60, 56, "สารบัญ"), (470, 56, "หน้า"), *bare]))


def test_lists_are_not_tables(tmp_path: Path) -> None:
    items = ["ข้าวสาร", "น้ำปลา", "ไข่ไก่", "น้ำตาล", "เกลือ"]
    numbered = [(60, 80 + 22 * i, f"{i + 1}.") for i in range(len(items))]
    numbered += [(90, 80 + 22 * i, item) for i, item in enumerate(items)]
    assert_no_table(text_page(tmp_path / "numbered.pdf", numbered))
    # A list with a figure at the right ("คะแนน" after each item), under a plain title.
    scored = [(60, 80 + 22 * i, f"{i + 1}. {item}") for i, item in enumerate(items)]
    scored += [(400, 80 + 22 * i, f"{5 * (i + 1)} คะแนน") for i in range(len(items))]
    assert_no_table(text_page(tmp_path / "scored.pdf", scored))
    # Hanging indents: a number, then text that wraps under itself.
    hanging = []
    y = 80.0
    for i in range(4):
        hanging.append((60, y, f"{i + 1}."))
        for k in range(2):
            hanging.append((85, y, " ".join(PROSE.split(" ")[k * 3 + i : k * 3 + i + 3])))
            y += 20
    assert_no_table(text_page(tmp_path / "hanging.pdf", hanging))
    # Bullet items set in columns.
    boxes = [(60 + 160 * c, 80 + 22 * r, f"• {items[(r + c) % 5]}") for r in range(4) for c in range(3)]
    assert_no_table(text_page(tmp_path / "bullets.pdf", boxes))


def test_poems_and_label_value_lines_are_not_tables(tmp_path: Path) -> None:
    """Thai verse set in its วรรค (กาพย์ฉบัง: three to a line; กลอน: two, under a bold
    title) and a form's "label : value" lines line up like columns, but are not tables."""
    chabang = [("ทุกคนควรรักษาธรรม", "ไม่ทำชั่วช้า", "ชีวิตจะสุขสันต์พลัน"),
               ("ขยันหมั่นเพียรทุกวัน", "เรียนรู้ร่วมกัน", "มีน้ำใจให้แก่กัน"),
               ("รักชาติศาสน์กษัตริย์", "ยึดมั่นซื่อสัตย์", "ประพฤติดีทุกวันไป"),
               ("ช่วยเหลือผู้อื่นด้วยใจ", "ไม่หวังสิ่งใด", "สังคมสงบร่มเย็น")]
    draw = [(60 + 150 * c, 100 + 22 * r, text) for r, line in enumerate(chabang) for c, text in enumerate(line)]
    assert_no_table(text_page(tmp_path / "chabang.pdf", draw))
    writer = RuledWriter()  # verse from the foot of one page to the top of the next: not a table going on
    for page in range(2):
        for r in range(34):
            for c, text in enumerate(chabang[r % 4]):
                writer.text(60 + 22 * r, text, size=14, x=60 + 150 * c)
        if page == 0:
            writer.new_page()
    doc = open_document(writer.save(tmp_path / "verse.pdf"), use_cache=False)
    assert not tables_of(doc.page(2)) and not tables_of(doc.page(1))
    klon = [("ถึงบางพูดพูดดีเป็นศรีศักดิ์", "มีคนรักรสถ้อยอร่อยจิต"),
            ("แม้นพูดชั่วตัวตายทำลายมิตร", "จะชอบผิดในมนุษย์เพราะพูดจา"),
            ("อันความรู้รู้กระจ่างแต่อย่างเดียว", "แต่ให้เชี่ยวชาญเถิดจะเกิดผล"),
            ("ถึงเรียนรู้ครูบาทั้งสามี", "จงรู้ที่ถ้อยคำให้ฉ่ำใจ")]
    writer = RuledWriter()
    writer.text(80, "นิราศภูเขาทอง", bold=True, x=60)
    writer.text(80, "สุนทรภู่", bold=True, x=300)
    for r, pair in enumerate(klon):
        for c, text in enumerate(pair):
            writer.text(102 + 22 * r, text, size=14, x=60 + 240 * c)
    assert_no_table(writer.save(tmp_path / "klon.pdf"))
    fields = [("ชื่อ", ":", "นายสมชาย ใจดี"), ("รหัสนักศึกษา", ":", "6401234567"), ("คณะ", ":", "เศรษฐศาสตร์"),
              ("สาขาวิชา", ":", "เศรษฐศาสตร์การเงิน")]
    draw = [(x, 100 + 22 * r, text) for r, row in enumerate(fields) for x, text in zip((60, 170, 185), row, strict=True)]
    assert_no_table(text_page(tmp_path / "fields.pdf", draw))
