"""The geometry rules on hand-made Tesseract pieces: no image and no Tesseract needed."""

from __future__ import annotations

import pytest

from guidelight.extract.ocr_layout import (
    BULLET,
    Image,
    LayoutBlock,
    OcrLine,
    OcrWord,
    build_blocks,
    drop_specks,
    is_junk,
    is_latin,
    join_lines,
    line_text,
    mark_bullets,
    mark_rows,
    missed_bands,
    parse_tsv,
    reading_order,
)

WIDTH, HEIGHT = 2480, 3508  # A4 at 300 dpi


def line(text: str, x: int, y: int, *, para: tuple[int, int] = (1, 1), size: int = 40, conf: float = 95) -> OcrLine:
    """A line laid out as Tesseract reports it: Thai one piece per character, Latin word by word."""
    pieces = text.split() if text.isascii() else list(text)
    words = [OcrWord(p, x + i * size // 2, y, x + (i + 1) * size // 2, y + size, conf) for i, p in enumerate(pieces)]
    return OcrLine(para, words)


def block(x0: int, y0: int, x1: int, name: str) -> LayoutBlock:
    first = line(name, x0, y0)
    first.words[-1].x1 = x1
    return LayoutBlock([first], "body", name)


def test_two_columns_are_read_column_by_column_under_a_full_width_title() -> None:
    blocks = [block(1300, 400, 2300, "R1"), block(200, 400, 1200, "L1"), block(200, 150, 2300, "T"),
              block(200, 900, 1200, "L2"), block(1300, 900, 2300, "R2"), block(200, 2000, 2300, "F")]
    assert [b.text for b in reading_order(blocks, WIDTH)] == ["T", "L1", "L2", "R1", "R2", "F"]


def test_one_column_is_read_top_to_bottom() -> None:
    blocks = [block(200, 900, 2200, "B"), block(200, 400, 2200, "A"), block(200, 1400, 2200, "C")]
    assert [b.text for b in reading_order(blocks, WIDTH)] == ["A", "B", "C"]


def test_thai_lines_join_without_space_and_a_stranded_mark_rejoins_its_base() -> None:
    assert join_lines(["การศึกษาในมหาวิท", "ยาลัย (Scarcity)", "and more"]) == "การศึกษาในมหาวิทยาลัย (Scarcity) and more"
    assert join_lines(["ราคาน้ำมันเพิ", "่มขึ้น"]) == "ราคาน้ำมันเพิ่มขึ้น"
    # A letter's postcode line, then its date: two numbers, not one.
    assert join_lines(["จังหวัดประจวบคีรีขันธ์ ๗๗๑๕๐", "๙ ธันวาคม ๒๕๖๗"]) == "จังหวัดประจวบคีรีขันธ์ ๗๗๑๕๐ ๙ ธันวาคม ๒๕๖๗"


def test_a_row_of_one_repeated_speck_is_junk_a_scale_is_not() -> None:
    # A breadboard's holes in a lab report's photograph, read as "๑ ๑ ๑ ๑๑ ๑ ..."
    holes = OcrLine((1, 1), [OcrWord(p, 300 + 60 * i, 900, 330 + 60 * i, 940, 90) for i, p in enumerate("๑๑๑จ๑๑๐๑๑๑๑๑")])
    assert is_junk(holes)
    pieces = ["ระดับ", *"123456789"]
    scale = OcrLine((1, 1), [OcrWord(p, 300 + 90 * i, 900, 360 + 90 * i, 940, 95) for i, p in enumerate(pieces)])
    assert not is_junk(scale)
    assert not is_junk(line("การเชื่อมต่อหลอดไฟ LED 3 ดวง", 300, 900))


def test_a_row_of_decimal_numbers_is_text() -> None:
    # A screenshot of SPSS output: "-12.1463 4.3376 0.0939", no word, all the row says.
    pieces = ["-12.1463", "4.3376", "0.0939", "(-12.3305,", "-11.9621)"]
    row = OcrLine((1, 1), [OcrWord(p, 300 + 200 * i, 900, 480 + 200 * i, 940, 93) for i, p in enumerate(pieces)])
    assert not is_junk(row)


def test_speckle_lines_are_junk_text_lines_are_not() -> None:
    assert is_junk(line("aAvA'|", 300, 900, conf=80))  # dust read as Latin letters
    assert is_junk(line("จ", 300, 900, conf=90))  # a lone letter from a speck
    assert is_junk(line("ความขาดแคลน", 300, 900, conf=60))  # too doubtful to be read aloud
    assert not is_junk(line("ความขาดแคลน", 300, 900))
    assert not is_junk(line("GDP 2566", 300, 900))


def test_running_header_and_page_number_are_furniture_but_a_title_is_not() -> None:
    lines = [line("เอกสารประกอบการสอน", 250, 120, para=(1, 1), size=26),
             line("บทที่หนึ่ง", 250, 300, para=(2, 1), size=60),
             *[line("เนื้อความของบทเรียนบรรทัดหนึ่ง", 250, 500 + 70 * i, para=(3, 1)) for i in range(8)],
             line("หน้า 3", 1150, 3300, para=(4, 1), size=26)]
    blocks = build_blocks(lines, WIDTH, HEIGHT)
    assert [(b.kind, b.text[:8]) for b in blocks] == [
        ("furniture", "เอกสารปร"), ("heading", "บทที่หนึ"), ("body", "เนื้อควา"), ("furniture", "หน้า 3")]


def test_a_page_number_set_deep_in_the_margin_is_furniture() -> None:
    """A B5 book's page number at 13% of the page, on the first row with the chapter's
    running head: furniture, though below the top tenth; a number further down is not."""
    lines = [line("166", 550, 390, para=(1, 1), size=30), line("บทที่ 6 คำสั่งควบคุม", 1400, 380, para=(1, 2)),
             *[line("เนื้อความของบทเรียนบรรทัดหนึ่ง", 250, 600 + 70 * i, para=(2, 1)) for i in range(8)],
             line("12", 250, 1300, para=(3, 1))]
    blocks = build_blocks(lines, WIDTH, HEIGHT)
    assert [b.text for b in blocks if b.kind == "furniture"] == ["166"]
    assert any(b.text == "12" for b in blocks)


def test_top_title_in_body_size_is_not_furniture() -> None:
    lines = [line("ประวัติศาสตร์ไทยสมัยใหม่", 250, 150, para=(1, 1)),
             *[line("เนื้อความของบทเรียนบรรทัดหนึ่ง", 250, 400 + 70 * i, para=(2, 1)) for i in range(8)]]
    assert [b.kind for b in build_blocks(lines, WIDTH, HEIGHT)] == ["body", "body"]


def test_bands_of_ink_that_no_line_covers_are_found() -> None:
    rows = [0] * 1000
    rows[100:160] = [400] * 60  # a heading Tesseract skipped
    rows[300:340] = [500] * 40  # a line it read
    rows[500:503] = [3] * 3  # dust
    assert missed_bands(rows, [line("อ่านแล้ว", 100, 300)], 0, 2480) == [(100, 160)]
    # In the right half only, a line read in the left column does not hide a band beside it.
    assert missed_bands(rows, [line("อ่านแล้ว", 100, 300)], 1240, 2480) == [(100, 160), (300, 340)]


def test_tsv_rows_become_lines_of_pieces() -> None:
    tsv = "\n".join([
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "4\t1\t1\t1\t1\t0\t10\t10\t100\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t30\t40\t96.5\tก",
        "5\t1\t1\t1\t1\t2\t40\t10\t30\t40\t93.1\tา",
        "5\t1\t2\t1\t1\t1\t10\t90\t30\t40\t91.0\tข",
    ])
    lines = parse_tsv(tsv)
    assert [("".join(w.text for w in ln.words), ln.para) for ln in lines] == [("กา", (1, 1)), ("ข", (2, 1))]


def test_two_readings_of_one_syllable_keep_the_surer() -> None:
    words = [OcrWord("ก", 0, 0, 30, 40, 97), OcrWord("ซี", 40, 0, 86, 40, 88), OcrWord("่", 85, 0, 100, 20, 93),
             OcrWord("ซึ", 58, 0, 96, 40, 92), OcrWord("่", 96, 0, 110, 20, 93), OcrWord("ง", 110, 0, 130, 40, 97)]
    doubled = OcrLine((1, 1), words)
    drop_specks(doubled)
    assert "".join(w.text for w in doubled.words) == "กซึ่ง"


def test_a_dot_ending_thai_is_dust_but_an_abbreviation_keeps_its_dot() -> None:
    stray, abbreviation = line("ตัวเลขนี้.", 0, 0), line("ในปีพ.ศ.", 0, 0)
    drop_specks(stray)
    drop_specks(abbreviation)
    assert "".join(w.text for w in stray.words) == "ตัวเลขนี้"
    assert "".join(w.text for w in abbreviation.words) == "ในปีพ.ศ."


def test_a_block_alone_on_the_right_is_not_a_column() -> None:
    blocks = [block(200, 400, 2200, "letter"), block(1300, 900, 2000, "signature"), block(200, 1500, 1000, "footer")]
    assert [b.text for b in reading_order(blocks, WIDTH)] == ["letter", "signature", "footer"]


def test_a_short_last_line_stays_in_its_paragraph() -> None:
    lines = [line("เนื้อความของบทเรียนบรรทัดหนึ่ง", 250, 400 + 70 * i, para=(2, 1)) for i in range(3)]
    lines.append(line("เพื่อใคร", 250, 610, para=(2, 1), size=60))  # few pieces, Tesseract's boxes too tall
    blocks = build_blocks(lines, WIDTH, HEIGHT)
    assert [b.kind for b in blocks] == ["body"] and blocks[0].text.endswith("เพื่อใคร")


def test_english_lines_keep_short_words_and_spaces() -> None:
    english = line("Opportunity cost is a choice of the best", 300, 900, conf=90)
    assert is_latin(english) and not is_latin(line("a wo PS aA a A", 300, 900))
    drop_specks(english)
    assert line_text(english) == "Opportunity cost is a choice of the best"


def test_a_missed_band_of_a_clipped_rendering_is_cut_from_its_own_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    """A photographed page's picture is rendered from a clip, so its pixmap starts where the
    clip does. Its missed bands were cut by the samples' frame, most of each band came out
    as whatever memory held, and Tesseract read that as Thai: the same page gave other
    words on every run ("CHAPTER 4 References" became "งวงวงวงวง")."""
    import pymupdf

    from guidelight.extract import ocr

    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(300, 500, 900, 800), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(350, 640, 850, 670), (0,))  # one line of ink the reading missed
    seen: list[bytes] = []

    def tesseract(image: bytes, dpi: int, **_: object) -> str:
        seen.append(image)
        return ""

    monkeypatch.setattr(ocr, "run_tesseract", tesseract)
    ocr._read_missed_bands(pix, Image(pix.samples, pix.stride, pix.width, pix.height), [], 300)
    assert seen
    for image in seen:
        band = pymupdf.Pixmap(image)
        dark = sum(1 for value in band.samples if value < 128)
        assert dark == 500 * 30 or dark == 250 * 30, dark  # the bar, whole or its half, and nothing else


def test_a_thin_row_just_over_a_line_is_that_lines_marks_read_apart() -> None:
    # Double-spaced Thai: Tesseract took the tone marks over a line for a line of their own.
    body = line("ติดตงโปรแกรมในเครองคอมพวเตอร", 300, 1000)
    marks = line("= a CA 6", 320, 975, size=22, conf=60)  # 3 px above the body line's letters
    above = line("บรรทัดก่อนหน้านี้อยู่ห่างออกไป", 300, 880)
    assert mark_rows([above, marks, body]) == [(body, [marks])]
    # Tesseract's boxes for such a row can be nearly the line's height (b13_33: 20 px over 23).
    tall_marks = line("yy ' เข a ฆ 2 %", 320, 963, size=34, conf=58)
    assert mark_rows([above, tall_marks, body]) == [(body, [tall_marks])]


def test_syllables_read_again_with_their_marks_as_another_line_go_with_the_line() -> None:
    body = line("ตัวนำทใช้เชือมต่อทำขึ้นจากการพิมพ์หมึก ทเ นตัวนำ", 300, 1000)
    piece = line("a ที่เป็ wo", 700, 960, size=80, conf=83)  # tall boxes: from the marks down to the foot
    assert mark_rows([piece, body]) == [(body, [piece])]


@pytest.mark.parametrize("case", ["far above", "small print read surely", "as tall as the line", "starts left of it"])
def test_a_line_that_is_not_a_row_of_marks_is_left_alone(case: str) -> None:
    body = line("ติดตงโปรแกรมในเครองคอมพวเตอร", 300, 1000)
    row = {
        "far above": line("= a CA 6", 320, 940, size=22, conf=60),  # a line space away: a line of its own
        "small print read surely": line("หมายเหตุ ตัวอย่างท้ายบท", 320, 975, size=22, conf=96),
        "as tall as the line": line("= a CA 6", 320, 958, conf=60),
        "starts left of it": line("= a CA 6", 200, 975, size=22, conf=60),
    }[case]
    assert mark_rows([row, body]) == []


PROSE = "การศึกษาในมหาวิทยาลัยต้องอาศัยการอ่านเอกสารประกอบการเรียนเป็นจำนวนมากมาย"


def _double_spaced(count: int) -> list[OcrLine]:
    """Full lines of a double-spaced page, each a paragraph of its own as Tesseract gives them."""
    return [line(PROSE, 250, 400 + 120 * i, para=(i + 1, 1)) for i in range(count)]


def test_a_paragraph_tesseract_cut_at_every_line_is_one_paragraph_again() -> None:
    lines = [*_double_spaced(4), line("นักศึกษาที่มีปัญหาทางการมองเห็น", 250, 880, para=(5, 1))]
    blocks = build_blocks(lines, WIDTH, HEIGHT)
    assert len(blocks) == 1 and blocks[0].text == PROSE * 4 + "นักศึกษาที่มีปัญหาทางการมองเห็น"


@pytest.mark.parametrize("case", ["indented", "after a short line", "a list item", "a paragraph's space",
                                  "a screenshot's row", "narrow lines"])
def test_a_line_that_begins_a_paragraph_is_not_run_on(case: str) -> None:
    lines = _double_spaced(3)
    nxt = {
        "indented": line(PROSE, 400, 760, para=(4, 1)),
        "after a short line": line(PROSE, 250, 760, para=(4, 1)),
        "a list item": line("2. " + PROSE, 250, 760, para=(4, 1)),
        "a paragraph's space": line(PROSE, 250, 860, para=(4, 1)),
        "a screenshot's row": line("Alternative hypothesis H1: 0 " * 6, 250, 760, para=(4, 1)),
        "narrow lines": line("นายสมชาย ใจดี", 250, 760, para=(4, 1)),
    }[case]
    if case == "after a short line":
        lines[-1] = line("นักศึกษาที่มีปัญหาทางการมองเห็น", 250, 640, para=(3, 1))
    if case == "narrow lines":
        lines = [line("นายสมชาย ใจดี", 250, 400 + 120 * i, para=(i + 1, 1)) for i in range(3)]
    blocks = build_blocks([*lines, nxt], WIDTH, HEIGHT)
    assert len(blocks) == (4 if case == "narrow lines" else 2), [b.text[:20] for b in blocks]


def _page_with(dot: str, ground: int = 255) -> Image:
    """A 400 x 100 grey image: a mark 20 px across at x 20-40 (a solid disc, a ring like the
    digit ๑'s outline, or two thick strokes), then the ink of a line's letters at x 60-300."""
    pixels = bytearray([ground] * 400 * 100)
    for y in range(100):
        for x in range(400):
            r2 = (x - 30) ** 2 + (y - 50) ** 2
            bars = dot == "bars" and 20 <= x < 40 and 40 <= y < 60 and not 28 <= x < 32  # a bold letter's strokes
            if (dot == "disc" and r2 <= 100) or (dot == "ring" and 49 <= r2 <= 100) or bars \
                    or (60 <= x < 300 and 40 <= y < 60 and x % 7 < 3):
                pixels[y * 400 + x] = 0
    return Image(bytes(pixels), 400, 400, 100)


def _item(first: str = "๑") -> OcrLine:
    letters = [OcrWord(ch, 60 + 20 * i, 40, 78 + 20 * i, 60, 95) for i, ch in enumerate("หน่วยความจำ")]
    return OcrLine((1, 1), [OcrWord(first, 18, 38, 43, 63, 90), OcrWord("=", 45, 30, 52, 70, 50), *letters])


def test_a_bullet_read_as_a_digit_is_a_bullet_again() -> None:
    item = _item()
    mark_bullets(_page_with("disc"), [item])
    assert line_text(item) == "• หน่วยความจำ"  # the "=" Tesseract read in the empty gap goes too


@pytest.mark.parametrize(("dot", "ground"), [("ring", 255), ("bars", 255), ("disc", 0)])
def test_a_digit_or_a_dark_screenshots_letter_is_not_a_bullet(dot: str, ground: int) -> None:
    item = _item()
    mark_bullets(_page_with(dot, ground), [item])
    assert line_text(item).startswith("๑")


def test_each_bullet_begins_an_item_and_a_line_set_out_to_the_bullets_ends_one() -> None:
    lines = [line("หน่วยความจำสามสิบสองเมกะไบต์", 300, 400 + 70 * i) for i in range(3)]
    for item in lines[:2]:
        item.words.insert(0, OcrWord(BULLET, 250, 410, 270, 430, 90))
        item.words[1:] = [OcrWord(w.text, w.x0 + 40, w.y0, w.x1 + 40, w.y1, w.conf) for w in item.words[1:]]
    lines[2].words = [OcrWord(w.text, w.x0 - 50, w.y0, w.x1 - 50, w.y1, w.conf) for w in lines[2].words]
    blocks = build_blocks(lines, WIDTH, HEIGHT)
    assert [b.text[:8] for b in blocks] == ["• หน่วยค", "• หน่วยค", "หน่วยควา"]
