"""Extraction end to end on PDFs made here: each repair with the PDF damage it fixes."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from guidelight.core.model import ParagraphKind, TextSource
from guidelight.core.titles import titled
from guidelight.extract.glyphs import _char_from_name
from guidelight.extract.layout import join_all, paragraphs
from guidelight.extract.lines import PageReader
from guidelight.extract.pdf import open_document
from guidelight.extract.to_unicode import write_to_unicode
from guidelight.thai.repair import repair_text

from .conftest import GARUDA, SARABUN, SARABUN_BOLD, Line, sarabun_story_pdf


class _UntracedPage:
    """A page whose glyph trace is empty: the span tests need no PDF behind their characters."""

    def get_texttrace(self) -> list:
        return []

    def get_text(self, *_: object, **__: object) -> dict:
        return {"blocks": []}



def _glyphs(*placed: tuple[str, float, float]) -> list[dict]:
    """Characters as a span gives them, (character, left, right), on one baseline."""
    return [{"c": c, "bbox": (x0, 0, x1, 10), "origin": (x0, 8)} for c, x0, x1 in placed]


def _span_text(chars: list[dict], size: float = 10.0, font: str = "CordiaNew") -> str:
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    return reader._span_text(chars, size, font)

MakePdf = Callable[..., Path]
BODY = "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัด"


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("name", "chars"),
    [
        ("uni0E48.small", "\u0e48"),
        ("uni0E31.narrow", "\u0e31"),
        ("uni0E4D0E49", "\u0e4d\u0e49"),  # the nikhahit + mai tho ligature of ซ้ำ
        ("uni0E4D_uni0E49", "\u0e4d\u0e49"),
        ("maiekthai.low", "\u0e48"),
        ("glyph00736", None),  # Chromium subsets rename glyphs: no knowledge there
    ],
)

def test_glyph_names_give_characters_back(name: str, chars: str | None) -> None:
    assert _char_from_name(name) == chars


def test_marks_without_tounicode_are_recovered_from_glyph_names(tmp_path: Path) -> None:
    # Story-set Sarabun: shaped marks (uni0E49.small, uni0E31.narrow...) have no
    # ToUnicode, and plain get_text() gives "-", "2" or U+FFFD in their place.
    text = "ผู้ฟังที่ชำนาญมักฟังได้เร็วกว่าความเร็วปกติ ใช้การฟังบันทึกซ้ำก่อนสอบ เป็นทักษะพื้นฐาน"
    pdf = sarabun_story_pdf(tmp_path / "story.pdf", f"<p>{text}</p>")
    raw = pymupdf.open(pdf)[0].get_text()
    assert squash(raw) != squash(text)  # the damage is really there
    page = open_document(pdf).page(1)
    assert squash(page.text) == squash(text)
    assert page.source is TextSource.REPAIRED
    assert dict(page.quality.repairs)["glyph"] > 0
    assert page.quality.noise == 0


def test_legacy_pua_marks_are_mapped(make_pdf: MakePdf) -> None:
    pdf = make_pdf([[("ความรู\uf70bเบื้องต\uf70bน ป\uf710ญญา ลาป\uf705วย", 72, 100, 14, GARUDA)]])
    page = open_document(pdf).page(1)
    assert page.text == "ความรู้เบื้องต้น ปัญญา ลาป่วย"
    assert dict(page.quality.repairs)["pua"] == 4


def test_a_word_gap_after_a_shifted_mark_is_a_space(tmp_path: Path) -> None:
    """XeTeX with TH Sarabun New (b19_28) draws a name's thanthakhat as a shifted glyph
    (U+F70E) and the word space after it as a gap. The shifted mark was taken for a
    letter whose width is unknown, so no gap was measured across it: the cover's
    "นายจิรัฏฐ์ ศรีรัตนอาภรณ์" was heard as one word."""
    font = pymupdf.Font(fontfile=str(GARUDA))
    doc = pymupdf.open()
    page = doc.new_page()
    writer = pymupdf.TextWriter(page.rect)
    first = "นายจิรัฏฐ\uf70e"
    writer.append((100, 100), first, font=font, fontsize=16)
    writer.append((100 + font.text_length(first, fontsize=16) + 3.6, 100), "ศรีรัตนอาภรณ\uf70e", font=font, fontsize=16)
    writer.write_text(page)
    path = tmp_path / "cover.pdf"
    doc.save(path)
    assert open_document(path, use_cache=False).page(1).text == "นายจิรัฏฐ์ ศรีรัตนอาภรณ์"

def test_marks_written_at_the_line_end_go_back_to_their_places(make_pdf: MakePdf) -> None:
    # TCPDF (b16_01, a PHP e-form) writes a zero-width space where each upper mark belongs
    # and the marks at the end of the line: "ชื่อลูกค้า" was heard "ชือลูกค่า", "ยี่ห้อ" "ยี้หอ่".
    rows = ["ชื\u200bอลูกค้า่", "วันที\u200bแก้ไข่", "ยี\u200bห้อ่", "เลขที\u200b 97 หมู่ 5 ตำบลโนนสะอาด 40210่"]
    pdf = make_pdf([[(row, 72, 100 + 30 * i, 16, GARUDA) for i, row in enumerate(rows)]])
    page = open_document(pdf).page(1)
    assert page.text.split("\n\n") == ["ชื่อลูกค้า", "วันที่แก้ไข", "ยี่ห้อ", "เลขที่ 97 หมู่ 5 ตำบลโนนสะอาด 40210"]
    assert dict(page.quality.repairs)["late_mark"] == 4


def test_zero_width_spaces_between_words_take_no_mark(make_pdf: MakePdf) -> None:
    # InDesign marks Thai word breaks with U+200B (b15_00): a word's own mark at the line's
    # end stays on it.
    pdf = make_pdf([[("สนับสนุน\u200bการ\u200bพิมพ์", 72, 100, 16, GARUDA)]])
    assert open_document(pdf).page(1).text == "สนับสนุนการพิมพ์"


def test_text_its_clipping_hides_is_not_read_but_a_line_running_past_it_is(tmp_path: Path) -> None:
    # A Word text box's overflow, hidden under its edge, was read into an exam's first
    # question (b17_27, 9 pages): "...ไทยเทียบศักราช (เติมคำ)". A line running past the
    # box's edge is still the author's sentence, read whole.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((60, 100), "1. การนับศักราชแบบใดเป็นที่นิยมในประเทศไทย", fontname="S", fontsize=14)
    page.insert_text((60, 130), "ความต้องการที่ไม่มีที่สิ้นสุดของมนุษย์อย่างไร", fontname="S", fontsize=14)
    page.insert_text((300, 100), "เทียบศักราช (เติมคำ)", fontname="S", fontsize=14)
    _, running, hidden = page.get_contents()
    for xref, shown in ((running, "0 0 250 842"), (hidden, "0 0 1 1")):
        doc.update_stream(xref, f"q {shown} re W n\n".encode() + doc.xref_stream(xref) + b"\nQ")
    doc.save(tmp_path / "clipped.pdf")
    read = open_document(tmp_path / "clipped.pdf").page(1)
    assert "เติมคำ" not in read.text and "ของมนุษย์อย่างไร" in read.text
    assert dict(read.quality.repairs)["hidden_text"] == len("เทียบศักราช(เติมคำ)")


def _word2019_line(pieces: list[str], x: float, y: float, size: float) -> list[Line]:
    """One line as Word 2019 draws it in TH Sarabun: each shifted mark (a private-use
    character) is a 3.6-pt glyph 6 pt below the baseline, and the letters go on after it."""
    font = pymupdf.Font(fontfile=str(GARUDA))
    lines: list[Line] = []
    for piece in pieces:
        mark = piece[:1] if 0xF700 <= ord(piece[:1] or " ") <= 0xF71A else ""
        if mark:
            lines.append((mark, x, y + 6.3, 3.6, GARUDA))
            piece = piece[1:]
        lines.append((piece, x, y, size, GARUDA))
        x += font.text_length(piece, size)
    return lines


def test_marks_drawn_tiny_below_the_line_stay_in_their_words_and_line(make_pdf: MakePdf) -> None:
    # Word 2019: MuPDF starts a line at each tiny mark, and the mark's low baseline made
    # the rest of the row a line of its own: "การใช" was heard as a paragraph, the mark lost.
    first = _word2019_line(
        ["การใช", "\uf70bป", "\uf710ญญาประดิษฐ", "\uf70e ในการศึกษาได", "\uf70bรับความสนใจอย", "\uf70aางมากในช",
         "\uf70aวงไม", "\uf70aกี่ปีที่ผ", "\uf70aานมา โดยมีสถาบันการศึกษา"], 72, 100, 14)
    second = [("มากขึ้นเรื่อยๆ ในหลายประเทศทั่วโลกที่สำรวจถึงประโยชน์ของเทคโนโลยี", 72, 120, 14, GARUDA)]
    page = open_document(make_pdf([first + second])).page(1)
    assert [page.text[p.start : p.end] for p in page.paragraphs] == [
        "การใช้ปัญญาประดิษฐ์ ในการศึกษาได้รับความสนใจอย่างมากในช่วงไม่กี่ปีที่ผ่านมา โดยมีสถาบันการศึกษามากขึ้นเรื่อยๆ ในหลายประเทศทั่วโลกที่สำรวจถึงประโยชน์ของเทคโนโลยี"
    ]


def test_zero_advance_space_before_sara_aa_is_a_sara_am(tmp_path: Path) -> None:
    # Word with Angsana/Cordia: the nikhahit glyph of sara am is mapped to U+0020, so
    # get_text() says "จัดท าและ". Only the glyph's zero advance tells it from a space.
    chars = _glyphs(("ท", 10, 16), (" ", 16, 16), ("า", 16, 21), (" ", 21, 24), ("ก", 24, 30))
    assert _span_text(chars) == "ท\u0e4dา ก"


def test_a_space_drawn_over_sara_aa_is_a_sara_am() -> None:
    # Word 2016 with Dillenia UPC: the nikhahit glyph, drawn over the sara aa, is mapped to a
    # space with the space's width (ในราชส านัก): 593 broken sara am in one reader. No space
    # lies over the next glyph; a mark does.
    chars = _glyphs(("ส", 147.4, 153.0), (" ", 153.2, 156.8), ("า", 153.0, 157.3), ("น", 157.3, 162.9))
    assert repair_text(_span_text(chars, 16.0, "DilleniaUPC")) == "สำน"


def test_a_printed_gap_is_a_sara_am_only_when_the_words_clearly_say_so() -> None:
    # ราชสำนัก is one word; ราช สา นัก is three: no dictionary miss either way, and the
    # commoner reading wins. Where nothing tells them apart the gap is left as printed.
    def line(text: str) -> list[dict]:
        found, x = [], 0.0
        for ch in text:
            width = 4.0 if ch == " " else 6.0
            found.append({"c": ch, "bbox": (x, 0, x + width, 10), "origin": (x, 8)})
            x += width
        return found

    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert repair_text(reader._span_text(line("พิธีในราชส านัก"), 16.0, "THSarabun")) == "พิธีในราชสำนัก"


def test_zero_advance_space_before_a_tone_mark_and_sara_aa_is_a_sara_am() -> None:
    # PowerPoint 365 with a Thai display font: ซ้ำ reaches get_text() as "ซ ้า", the
    # nikhahit a zero-width space drawn before the tone mark. It was heard ซ้า.
    text = _span_text(_glyphs(("ซ", 10, 16), (" ", 16, 16), ("\u0e49", 16, 16), ("า", 16, 21)), font="MiPancakeThin")
    assert text == "ซ\u0e4d\u0e49า" and repair_text(text) == "ซ้ำ"


def test_a_printed_gap_before_sara_aa_is_a_lost_nikhahit_when_the_words_say_so(make_pdf: MakePdf) -> None:
    # Word with Angsana New Bold prints "ความส าคัญ": the nikhahit of sara am became a real
    # space, gap and all. No Thai word starts with sara aa; the words choose the sara am.
    pdf = make_pdf([[("ความส าคัญของเทคโนโลยี", 72, 100, 18, SARABUN_BOLD), ("ส ายไฟ", 72, 140, 16, SARABUN)]])
    page = open_document(pdf).page(1)
    assert page.text.splitlines()[0] == "ความสำคัญของเทคโนโลยี"
    assert dict(page.quality.repairs)["sara_am_glyph"] == 1
    assert "สำย" not in page.text  # สาย (a wire) reads better: no sara am is invented


def test_a_doubled_tone_mark_before_sara_aa_is_a_sara_am_when_the_words_say_so() -> None:
    # TH SarabunPSK through Distiller: the tone-and-nikhahit glyph of ต่ำ is named mai ek
    # in the ToUnicode, so get_text() says ต่่าสุด. A doubled mark of ป่า stays a sara aa.
    def line(text: str) -> list[dict]:
        return [{"c": ch, "bbox": (k, 0, k + 1, 10), "origin": (k, 8)} for k, ch in enumerate(text)]

    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert repair_text(reader._span_text(line("แสงสว่างต\u0e48\u0e48าสุด"), 10.0, "THSarabunPSK")) == "แสงสว่างต่ำสุด"
    assert repair_text(reader._span_text(line("เดินเข้าป\u0e48\u0e48าลึก"), 10.0, "THSarabunPSK")) == "เดินเข้าป่าลึก"


class _SilentFonts:
    """A resolver whose fonts say nothing of any glyph: not embedded, no names, no cmap."""

    def __init__(self) -> None:
        self.decided: dict = {}

    def zero_advance(self, *_: object) -> None:
        return None

    def thai_char(self, *_: object) -> None:
        return None

    def by_shape(self, *_: object) -> None:
        return None

    def placement(self, *_: object) -> None:
        return None

    def subset_names(self, *_: object) -> dict:
        return {}


def test_one_glyph_is_judged_once_whatever_advance_the_page_measures() -> None:
    # Bullzip with Tahoma Bold, fonts silent: the glyph of mai tho measured no advance in
    # one line and some in others. Keyed apart by that, it was settled twice: ขั้น on the
    # pages whose words were many, ขั่น where one line's words chose alone.
    def syllable(mark_right: float, glyph: int) -> list[dict]:
        return [
            {"c": "ข", "bbox": (0, 0, 6, 10), "origin": (0, 8)},
            {"c": "\ufffd", "bbox": (6, 0, mark_right, 10), "origin": (6, 8), "glyph": ("Tahoma,Bold", glyph)},
            {"c": "น", "bbox": (mark_right, 0, mark_right + 6, 10), "origin": (mark_right, 8)},
        ]

    reader = PageReader(_UntracedPage(), _SilentFonts(), Counter())  # type: ignore[arg-type]
    reader._span_text(syllable(6, 1183), 10.0, "Tahoma,Bold")  # drawn with no advance
    reader._span_text(syllable(9, 1183), 10.0, "Tahoma,Bold")  # the pen moved 3 pt
    reader._span_text(syllable(6, 1143), 10.0, "Tahoma,Bold")
    assert [unknown.key for unknown in reader._pending] == [("tahoma,bold", 1183, False)] * 2 + [
        ("tahoma,bold", 1143, False)
    ]


def test_glyphs_the_drawing_does_not_show_are_never_judged_as_one() -> None:
    # Rotated text: the trace finds no glyph at the reading's place. Each such glyph is
    # judged by its own words, not by a choice made for another one that was not found.
    line = [
        {"c": "ข", "bbox": (0, 0, 6, 10), "origin": (0, 8)},
        {"c": "\ufffd", "bbox": (6, 0, 6, 10), "origin": (6, 8)},
        {"c": "น", "bbox": (6, 0, 12, 10), "origin": (6, 8)},
    ]
    reader = PageReader(_UntracedPage(), _SilentFonts(), Counter())  # type: ignore[arg-type]
    reader._span_text(line, 10.0, "Tahoma,Bold")
    reader._span_text(line, 10.0, "Tahoma,Bold")
    first, second = (unknown.key for unknown in reader._pending)
    assert first != second and first[1] < 0 and second[1] < 0


def test_word_gaps_drawn_without_space_characters_become_spaces() -> None:
    chars = [
        {"c": "ก", "bbox": (10, 0, 16, 10), "origin": (10, 8)},
        {"c": "A", "bbox": (22, 0, 28, 10), "origin": (22, 8)},  # a 6 pt gap, no space glyph
    ]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "Sarabun") == "ก A"


def _chrome_line(words: str, left: float, top: float = 0.0) -> dict:
    """A line of a Google Docs printout as Chrome writes it: the text wrapped in U+202D
    ... U+202C, the closing mark a span of its own after a gap."""
    chars = _glyphs(("\u202d", left, left), *((c, left + 5 * k, left + 5 * (k + 1)) for k, c in enumerate(words)))
    right = left + 5 * len(words)
    span = {"size": 11.0, "font": "Tahoma", "flags": 0, "origin": (left, top + 8)}
    closing = _glyphs(("\u202c", right + 6, right + 6))
    return {"bbox": (left, top, right + 6, top + 10), "dir": (1.0, 0.0),
            "spans": [{**span, "chars": chars}, {**span, "font": "ArialMT", "chars": closing}]}


def test_direction_marks_round_a_line_do_not_part_the_thai_words_it_wraps() -> None:
    # "ความเสี่ยงของโปร / เจกต์": heard as two words, "โปร เจกต์", at every line wrap of the printout.
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    lines = [reader._line(_chrome_line(words, 72), 0, 600.0) for words in ("ความเสี่ยงของโปร", "เจกต์ทั้งหมด")]
    assert [line.text for line in lines if line] == ["ความเสี่ยงของโปร", "เจกต์ทั้งหมด"]
    assert join_all([line for line in lines if line]) == "ความเสี่ยงของโปรเจกต์ทั้งหมด"


def _marked_span(text: str, left: float, mark_width: float) -> dict:
    """A span as Samsung and Chrome write one: ``text`` in U+202D ... U+202C, 5 pt a letter,
    the closing mark ``mark_width`` wide."""
    glyphs = [("\u202d", left, left + 2.9)] + [(c, left + 5 * k, left + 5 * (k + 1)) for k, c in enumerate(text)]
    right = left + 5 * len(text)
    glyphs.append(("\u202c", right, right + mark_width))
    return {"size": 11.0, "font": "Roboto", "flags": 0, "origin": (left, 8), "chars": _glyphs(*glyphs)}


def test_a_direction_mark_given_a_spaces_advance_is_the_word_space() -> None:
    # Samsung's notes write "from google.colab" as ‭from‬ ‭google.colab‬, a span a word, no
    # space character: the space's advance is given to each closing U+202C. With the marks
    # left out, the words ran together ("fromgoogle.colabimportfiles").
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    spans = [_marked_span("from", 10, 2.8), _marked_span("google.colab", 32.8, 2.8)]
    line = reader._line({"bbox": (10, 0, 95, 10), "dir": (1.0, 0.0), "spans": spans}, 0, 600.0)
    assert line is not None and line.text == "from google.colab"
    # The same words in one span: the mark between them moves the pen a space's width.
    one = {**spans[0], "chars": spans[0]["chars"] + spans[1]["chars"]}
    line = reader._line({"bbox": (10, 0, 95, 10), "dir": (1.0, 0.0), "spans": [one]}, 0, 600.0)
    assert line is not None and line.text == "from google.colab"
    # Chrome's exam: "‭17‬" then "‭. ข้อใด", the period drawn back over the closing mark: no space.
    spans = [_marked_span("17", 72, 5.3), _marked_span(". ข้อใด", 81.0, 0.0)]
    line = reader._line({"bbox": (72, 0, 120, 10), "dir": (1.0, 0.0), "spans": spans}, 0, 600.0)
    assert line is not None and line.text == "17. ข้อใด"


def test_a_bullet_followed_by_a_zero_width_space_starts_its_item() -> None:
    # Chrome writes "●" U+200B, then the item: the item was not known as one, so the text
    # under it started a paragraph of its own mid-word ("แอป" / "พลิเคชันสตรีมมิ่ง").
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    rows = [("●\u200b Social media แอป", 90, 0), ("พลิเคชันสตรีมมิ่ง", 108, 14), ("●\u200b ระบบจองตั๋ว", 90, 28)]
    lines = [line for words, left, top in rows if (line := reader._line(_chrome_line(words, left, top), 0, 600.0))]
    assert [draft.text for draft in paragraphs(lines, {})] == ["● Social media แอปพลิเคชันสตรีมมิ่ง", "● ระบบจองตั๋ว"]


def test_a_glyph_given_a_noncharacter_is_not_text() -> None:
    # xdvipdfmx gives an invisible glyph after each T of a truth table U+FFFF, and Quartz a
    # FontAwesome icon: it reached the reading (and the voice) as a character of its own.
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    span = {"size": 11.0, "font": "LMRoman10-Regular", "flags": 0, "origin": (10, 8),
            "chars": _glyphs(("T", 10, 16), ("\uffff", 16, 19))}
    line = reader._line({"bbox": (10, 0, 19, 10), "dir": (1.0, 0.0), "spans": [span]}, 0, 600.0)
    assert line is not None and line.text == "T"
    icon = {**span, "font": "FontAwesome", "chars": _glyphs(("\uffff", 10, 24))}
    assert reader._line({"bbox": (10, 0, 24, 10), "dir": (1.0, 0.0), "spans": [icon]}, 0, 600.0) is None


def test_no_word_gap_is_measured_across_a_glyph_with_an_empty_box() -> None:
    # LibreOffice gives a shaped sara am a zero-width box although it advances: measured
    # from that box, the next consonant looked 6 pt away and "จำกัด" became "จำ กัด".
    chars = [
        {"c": "จ", "bbox": (0, 0, 6, 10), "origin": (0, 8)},
        {"c": "ำ", "bbox": (6, 0, 6, 10), "origin": (6, 8)},
        {"c": "ก", "bbox": (12, 0, 18, 10), "origin": (12, 8)},
        {"c": "ั", "bbox": (18, 0, 18, 10), "origin": (18, 8)},
        {"c": "ด", "bbox": (18, 0, 24, 10), "origin": (18, 8)},
    ]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "Sarabun") == "จำกัด"


def test_symbol_font_boxes_are_named_not_noise() -> None:
    chars = [{"c": "\uf06f", "bbox": (0, 0, 8, 10), "origin": (0, 8)}]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "ABCDEF+Wingdings-Regular") == "☐"


def test_wingdings_circled_numbers_are_read_not_dropped() -> None:
    # A request form's note: "ลงนาม ① และ ④ เท่านั้น"; the circled numbers were left out.
    chars = [{"c": "\uf081", "bbox": (0, 0, 8, 10), "origin": (0, 8)}, {"c": "\uf08c", "bbox": (9, 0, 17, 10), "origin": (9, 8)}]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "AAAAAX+Wingdings-Regular") == "①❶"
    # A Zoom manual's steps in Wingdings 2 (b17_18): "❶ คลิก Sign In" was heard "คลิก Sign In".
    steps = [{"c": chr(0xF075 + n), "bbox": (9 * n, 0, 9 * n + 8, 10), "origin": (9 * n, 8)} for n in range(3)]
    assert reader._span_text(steps, 10.0, "AAAAAB+Wingdings2") == "❶❷❸"


def test_symbol_font_greek_and_operators_are_read_not_dropped() -> None:
    # SPSS notes printed to PDF: "H1: μ ≠ μ0", "0.044 < 0.05", "n < 30" lost every μ, σ, α,
    # < and ≠ (404 glyphs in a forecasting report), so each hypothesis was heard reversed.
    codes = "\uf06d\uf020\uf0b9\uf020\uf073\uf03c\uf061\uf0a3\uf0e5"
    chars = [{"c": c, "bbox": (9 * k, 0, 9 * k + 8, 10), "origin": (9 * k, 8)} for k, c in enumerate(codes)]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "AAAAAX+Symbol") == "μ ≠ σ<α≤∑"
    arrow = [{"c": "\uf0f0", "bbox": (0, 0, 8, 10), "origin": (0, 8)}]
    assert reader._span_text(arrow, 10.0, "AAAAAX+Wingdings-Regular") == "⇨"  # "Analyze ⇨ Compare Means"


def test_wingdings_codes_given_as_latin_letters_are_its_symbols_not_letters() -> None:
    # Quartz gives Wingdings' own codes: a form's four checkboxes read "rอาจารย์ที่ปรึกษา".
    chars = [{"c": "r", "bbox": (0, 0, 8, 10), "origin": (0, 8)}, {"c": "\xfc", "bbox": (9, 0, 17, 10), "origin": (9, 8)}]
    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    assert reader._span_text(chars, 10.0, "AAAAAX+Wingdings-Regular") == "☐✓"
    assert reader._span_text(chars[:1], 10.0, "AAAAAX+Sarabun") == "r"


def test_tex_math_extension_glyphs_are_their_operators_not_ocr_guesses(make_pdf: MakePdf) -> None:
    """pdfTeX and dvipdfmx embed cmex10 with no ToUnicode: MuPDF reads its glyphs as U+FFFD,
    the page sent them to OCR, and a series' ∑ was heard as "won ๐๐∞", "Awe" or "VNC".
    Its codes are TeX's OMX encoding: "X" (0x58) is the display ∑, "Z" the display ∫; the
    middle piece of a tall brace (0x3C) only draws."""
    thai = "หาค่าของ x ทั้งหมดที่ทำให้ "
    x = 72 + pymupdf.Font(fontfile=str(SARABUN)).text_length(thai, 14)
    pdf = make_pdf([[(thai, 72, 100, 14, SARABUN), ("XZ<", x, 100, 14, "helv"),
                     ("n=0 ลู่เข้า", x + pymupdf.Font("helv").text_length("XZ< ", 14), 100, 14, SARABUN)]])
    with pymupdf.open(pdf) as doc:
        xref = next(font[0] for font in doc[0].get_fonts() if font[3] == "Helvetica")
        doc.xref_set_key(xref, "BaseFont", "/CMEX10")  # as pdfTeX writes it: named glyphs, no ToUnicode
        doc.xref_set_key(xref, "Encoding", "<</Type/Encoding/Differences[60/braceleftmid 88/summationdisplay "
                                           "90/integraldisplay]>>")
        doc.saveIncr()
    page = open_document(pdf, use_cache=False).page(1)
    assert page.text.startswith(thai + "∑∫") and "n=0 ลู่เข้า" in page.text  # no "XZ", no piece
    assert page.quality.repairs == (("symbol", 3),) and not page.quality.doubtful


def _tex_font(doc: pymupdf.Document, xref: int, name: str, differences: str, to_unicode: dict[int, str] | None) -> None:
    """Make a page's Helvetica one of TeX's fonts as a printer wrote it: named ``name``,
    re-encoded by ``differences``, with the map ``to_unicode`` (None: none); its glyphs hang
    three sizes below their baseline, as the math extension's tall signs do."""
    doc.xref_set_key(xref, "BaseFont", f"/{name}")
    descriptor = doc.get_new_xref()
    doc.update_object(descriptor, f"<</Type/FontDescriptor/FontName/{name}/Flags 4/FontBBox[-24 -2960 1454 772]"
                                  "/Ascent 40/Descent -2960/CapHeight 0/ItalicAngle 0/StemV 47>>")
    doc.xref_set_key(xref, "FontDescriptor", f"{descriptor} 0 R")
    doc.xref_set_key(xref, "Encoding", f"<</Type/Encoding/Differences{differences}>>")
    if to_unicode is not None:
        cmap = doc.get_new_xref()
        doc.update_object(cmap, "<<>>")
        doc.update_stream(cmap, write_to_unicode(to_unicode, 2))
        doc.xref_set_key(xref, "ToUnicode", f"{cmap} 0 R")


def test_a_display_integral_stands_on_its_row_in_its_own_code_or_name(make_pdf: MakePdf, tmp_path: Path) -> None:
    """TeX hangs a display's ∫ from a baseline of its own, high on its row: "∫" stood on a
    line of its own over "f(x)dx = F(x) + C" (b18_03). Quartz, printing the LaTeX file again,
    re-encodes the math extension subset by name (/integraltext at code 36) with an empty
    map, so TeX's own codes read the sign as "⌊" and a big bracket as "⋃"; and its symbol
    font's /prime kept the old map's arrow ("F →(x)")."""
    pdfs = []
    for name, text, differences, to_unicode in (
        ("pdftex", "Z", "[90/integraldisplay]", None),  # OMX's code, no map: pdfTeX's way
        ("quartz", "$!", "[33/bracketleftbigg/bracketrightbigg/integraldisplay/integraltext]", {}),
    ):
        path = tmp_path / f"{name}.pdf"
        doc = pymupdf.open()
        page = doc.new_page(width=400, height=300)
        page.insert_text((100, 250), text, fontname="helv", fontsize=10)
        after = 100 + pymupdf.Font("helv").text_length(text, 10) + 3
        page.insert_text((after, 265), "f(x)dx = F(x) + C", fontname="tiro", fontsize=10)
        page.insert_text((60, 120), "The antiderivative of f is written with an integral sign.", fontname="tiro",
                         fontsize=10)
        doc = pymupdf.open("pdf", doc.tobytes())
        helv = next(xref for xref, *_, base, _, _ in doc[0].get_fonts() if base == "Helvetica")
        _tex_font(doc, helv, "CMEX10", differences, to_unicode)
        doc.save(path)
        pdfs.append(path)
    assert re.search(r"(?m)^∫ ?f\(x\)dx = F\(x\) \+ C$", open_document(pdfs[0], use_cache=False).page(1).text)
    assert re.search(r"(?m)^∫\[ ?f\(x\)dx = F\(x\) \+ C$", open_document(pdfs[1], use_cache=False).page(1).text)
    doc = pymupdf.open()
    doc.new_page(width=300, height=100).insert_text((20, 50), "F!(x) = f(x)", fontname="helv", fontsize=12)
    doc = pymupdf.open("pdf", doc.tobytes())
    _tex_font(doc, doc[0].get_fonts()[0][0], "CMSY7", "[33/prime]", {**{c: chr(c) for c in range(32, 127)}, 33: "→"})
    doc.save(tmp_path / "prime.pdf")
    assert "F′(x) = f(x)" in open_document(tmp_path / "prime.pdf", use_cache=False).page(1).text


def test_thai_lines_join_without_space_and_marks_go_back_to_their_base(make_pdf: MakePdf) -> None:
    pdf = make_pdf(
        [[
            ("นักศึกษาที่ใช้เวลาอ่านหนังสือสอบแทนที่จะทำงานพิเศษได้ค่าจ้างชั่วโมงละห้าสิบบาทจึงมีค่าเสียโอกาส", 72, 100, 12, SARABUN),
            ("เท่ากับหนึ่งร้อยห้าสิบบาทตามที่ได้อธิบายไว้ในบทเรียนก่อนหน้านี้", 72, 116, 12, SARABUN),
        ]]
    )
    text = open_document(pdf).page(1).text
    assert "ค่าเสียโอกาสเท่ากับ" in text


def test_a_line_starting_with_an_abbreviation_keeps_its_space(make_pdf: MakePdf) -> None:
    pdf = make_pdf(
        [[
            ("ผลการสำรวจของมหาวิทยาลัยแห่งหนึ่งที่ได้ทำการสำรวจนักศึกษาทั้งหมดในปีการศึกษาล่าสุดใน", 72, 100, 12, SARABUN),
            ("พ.ศ. 2566 พบว่านักศึกษาร้อยละ 68 ใช้การฟังบันทึกการบรรยายซ้ำก่อนสอบ", 72, 116, 12, SARABUN),
        ]]
    )
    assert "ใน พ.ศ. 2566" in open_document(pdf).page(1).text


def test_each_list_item_is_its_own_paragraph(make_pdf: MakePdf) -> None:
    # Full-width items, no spacing, no indent: only the bullet says a new item begins.
    items = [f"{mark} {BODY}" for mark in ("•", "1.", "ข้อ 2.")]
    pdf = make_pdf([[(item, 72, 100 + 16 * i, 12, SARABUN) for i, item in enumerate(items)]])
    page = open_document(pdf).page(1)
    assert [page.text[p.start : p.end] for p in page.paragraphs] == items


def test_english_hyphenation_across_lines_is_undone(make_pdf: MakePdf) -> None:
    pdf = make_pdf(
        [[
            ("The opportunity cost of studying for three hours is the wage that was fore-", 72, 100, 12, SARABUN),
            ("gone, which economists call the value of the best alternative.", 72, 116, 12, SARABUN),
        ]]
    )
    assert "foregone," in open_document(pdf).page(1).text


def test_a_thin_gap_between_thai_words_whose_letters_touch_is_a_space(make_pdf: MakePdf) -> None:
    """XeTeX sets a Thai word space as a 0.17 em gap and no space character: "ปฏิบัติงาน ณ
    ชื่อบริษัท" was heard as one run. Letters spread evenly by as much (Thai distributed
    justification) are one word still, and so are LuaTeX's words, which it parts with
    0.21 em of glue where a line may break, and a space with 0.5 em."""
    font, size = pymupdf.Font(fontfile=str(SARABUN)), 18.0

    def set_apart(pieces: list[str], y: float, *gaps: float) -> list[Line]:
        """``pieces`` in a row, each the next of ``gaps`` (font sizes) after the last."""
        placed, x = [], 72.0
        for piece, gap in zip(pieces, itertools.cycle(gaps), strict=False):
            placed.append((piece, x, y, size, SARABUN))
            x += font.text_length(piece, fontsize=size) + gap * size
        return placed

    lines = set_apart(["ปฏิบัติงาน", "ณ", "ชื่อบริษัท", "ที่อยู่", "จังหวัดชลบุรี"], 100, 0.17)
    lines += set_apart(["ภ", "า", "ค", "เ", "รี", "ย", "น"], 200, 0.17)
    lines += set_apart(["มิได้มีสถา", "นะ", "เป็นจัง", "หวัด", "คำว่า"], 300, 0.21, 0.21, 0.21, 0.5)
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    assert "ปฏิบัติงาน ณ ชื่อบริษัท ที่อยู่ จังหวัดชลบุรี" in text
    assert "ภาคเรียน" in text
    assert "มิได้มีสถานะเป็นจังหวัด คำว่า" in text


def test_text_too_small_to_see_is_left_out_and_said(make_pdf: MakePdf) -> None:
    """TCPDF stamps "Powered by TCPDF (www.tcpdf.org)" at 1 pt in a page's corner, and a
    listener heard it after the form's last line. Text that small is seen nowhere on a page,
    corner or not, and is left out; small print (6 pt) stays."""
    pdf = make_pdf([[(BODY, 72, 100, 16, SARABUN), ("หมายเหตุ: กรณีลาไม่เกิน 15 วัน", 72, 130, 6, SARABUN),
                     ("Powered by TCPDF (www.tcpdf.org)", 72, 160, 1, "helv")]])
    page = open_document(pdf, use_cache=False).page(1)
    assert "TCPDF" not in page.text and "หมายเหตุ" in page.text
    assert page.dropped == ("Powered by TCPDF (www.tcpdf.org)",)


def test_running_header_and_page_numbers_are_furniture(make_pdf: MakePdf) -> None:
    pages = []
    for n in (1, 2, 3):
        pages.append([
            ("เอกสารประกอบการสอน วิชาเศรษฐศาสตร์", 220, 40, 9, SARABUN),
            (f"{BODY} หน้า{n}", 72, 200, 14, SARABUN),
            (f"หน้า {n}", 500, 810, 9, SARABUN),
        ])
    doc = open_document(make_pdf(pages))
    for n in (1, 2, 3):
        page = doc.page(n)
        assert "เอกสารประกอบการสอน" not in page.text
        assert f"หน้า {n}" not in page.text
        assert f"หน้า {n}" in page.furniture
        assert page.label == str(n)  # the printed number, for "go to page" as the lecturer says it
        assert BODY in page.text


def test_two_columns_are_read_left_then_right(make_pdf: MakePdf) -> None:
    left = [f"ซ้าย{i} การอ่านคอลัมน์ซ้ายก่อน" for i in range(8)]
    right = [f"ขวา{i} แล้วจึงอ่านคอลัมน์ขวา" for i in range(8)]
    lines = [(t, 50, 100 + 20 * i, 12, SARABUN) for i, t in enumerate(left)]
    lines += [(t, 320, 100 + 20 * i, 12, SARABUN) for i, t in enumerate(right)]
    text = open_document(make_pdf([lines])).page(1).text
    positions = [text.index(f"ซ้าย{i}") for i in range(8)] + [text.index(f"ขวา{i}") for i in range(8)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("count", [3, 4])
def test_a_poster_s_columns_are_read_one_after_another(make_pdf: MakePdf, count: int) -> None:
    """Three or four columns under a title over all of them: each column whole, in turn."""
    pitch = 520 / count
    lines = [("โปสเตอร์งานวิจัยของนักศึกษา", 60, 60, 20, SARABUN)]
    for c in range(count):
        lines += [(f"ช่อง{c}แถว{i} อ่าน", 40 + c * pitch, 120 + 18 * i, 11, SARABUN) for i in range(7)]
    text = open_document(make_pdf([lines])).page(1).text
    positions = [text.index(f"ช่อง{c}แถว{i}") for c in range(count) for i in range(7)]
    assert text.index("โปสเตอร์") < positions[0]
    assert positions == sorted(positions)


def test_headings_come_from_size_weight_and_the_outline(make_pdf: MakePdf) -> None:
    pdf = make_pdf(
        [[
            ("บทที่ 1 ความรู้เบื้องต้น", 72, 80, 22, SARABUN_BOLD),
            (BODY, 72, 130, 14, SARABUN),
            ("1.1 ความขาดแคลน", 72, 180, 14, SARABUN_BOLD),
            (BODY, 72, 210, 14, SARABUN),
        ]],
        toc=[[1, "บทที่ 1 ความรู้เบื้องต้น", 1]],
    )
    doc = open_document(pdf)
    page = doc.page(1)
    headings = [(page.text[p.start : p.end], p.level) for p in page.paragraphs if p.kind is ParagraphKind.HEADING]
    assert headings[0] == ("บทที่ 1 ความรู้เบื้องต้น", 1)
    assert headings[1][0] == "1.1 ความขาดแคลน" and headings[1][1] > 1
    assert doc.outline[0].title == "บทที่ 1 ความรู้เบื้องต้น"


def test_every_unit_carries_offsets_into_its_page(make_pdf: MakePdf) -> None:
    page = open_document(make_pdf([[(BODY + " (Scarcity) พ.ศ. 2566", 72, 100, 12, SARABUN)]])).page(1)
    for para in page.paragraphs:
        assert page.text[para.start : para.end].strip()
        for sentence in para.sentences:
            assert para.start <= sentence.start < sentence.end <= para.end
            for word in sentence.words:
                assert sentence.start <= word.start < word.end <= sentence.end
                assert page.text[word.start : word.end].strip() == page.text[word.start : word.end]


@pytest.mark.parametrize("metadata", ["", "Microsoft Word - econ-w1.docx"])
def test_a_pdf_without_a_title_of_its_own_is_titled_by_its_first_heading(make_pdf: MakePdf, metadata: str) -> None:
    pdf = make_pdf([[("บทที่ 1 ความรู้เบื้องต้น", 72, 80, 22, SARABUN_BOLD), (BODY, 72, 130, 14, SARABUN)]])
    with pymupdf.open(pdf) as raw:
        raw.set_metadata({"title": metadata})
        raw.saveIncr()
    doc = open_document(pdf)
    assert doc.title == pdf.stem  # before the first page is made
    assert titled(doc).title == "บทที่ 1 ความรู้เบื้องต้น"


def test_a_pdf_with_a_title_keeps_it(make_pdf: MakePdf) -> None:
    pdf = make_pdf([[("บทที่ 1 ความรู้เบื้องต้น", 72, 80, 22, SARABUN_BOLD)]])
    with pymupdf.open(pdf) as raw:
        raw.set_metadata({"title": "เศรษฐศาสตร์เบื้องต้น"})
        raw.saveIncr()
    assert titled(open_document(pdf)).title == "เศรษฐศาสตร์เบื้องต้น"


def test_white_text_on_the_bare_page_is_not_read_but_white_on_colour_is(tmp_path: Path) -> None:
    """Word left a white "**" before each of a thesis chapter's headings, and a white
    "ตารางที่ 1" under a table captioned in black: no sighted reader sees them, and a
    listener heard all 216. White letters on a dark band are the author's and stay."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((60, 100), "**", fontname="S", fontsize=16, color=(1, 1, 1))
    page.insert_text((80, 100), "2.2 การพัฒนาเว็บแอป", fontname="S", fontsize=16)
    page.insert_text((60, 140), "ตารางที่ 1", fontname="S", fontsize=16, color=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(50, 170, 545, 200), color=None, fill=(0.1, 0.2, 0.5))
    page.insert_text((60, 190), "หัวข้อบนแถบสีเข้ม", fontname="S", fontsize=16, color=(1, 1, 1))
    doc.save(tmp_path / "white.pdf")
    read = open_document(tmp_path / "white.pdf", use_cache=False).page(1)
    assert "**" not in read.text and "ตารางที่ 1" not in read.text
    assert "2.2 การพัฒนาเว็บแอป" in read.text and "หัวข้อบนแถบสีเข้ม" in read.text
    assert not read.quality.doubtful


def test_a_mark_nothing_read_inside_a_thai_word_leaves_the_word_whole() -> None:
    # Print To PDF draws a shifted mai tho in a font of its own that names nothing: with
    # no OCR to read it, the gap it left split the word ("พื นฐาน", "ขั นต้น"). Between
    # Latin letters the gap stays a space, as before.
    from guidelight.extract.lines import Line, Unread

    reader = PageReader(_UntracedPage(), None, Counter())  # type: ignore[arg-type]
    reader.unread = [Unread(0, 0, 1, 1, 1, False), Unread(5, 0, 6, 1, 1, False)]
    reader.repairs["unreadable_glyph"] = 2
    lines = [Line("สถิติพื\U000f0000นฐาน x\U000f0001y", 0, 0, 100, 10, 8, 10, False, 0)]
    assert [line.text for line in reader._read_unread(lines)] == ["สถิติพืนฐาน x y"]
    assert reader.repairs["unreadable_glyph"] == 2  # the page still says glyphs went unread


def test_what_ocr_reads_of_a_mark_inside_a_thai_word_stays_only_if_thai() -> None:
    # An iOS form draws every shifted mai tho in a font that names nothing; OCR read each
    # one alone as Latin scraps, put in with spaces: "ใช a fs บริการ", "ต % อง". A mark (its
    # glyphs take no room) read as Thai goes back inside its word; a piece that takes room,
    # a textbook's inline code between Thai words, stays as OCR reads it.
    from guidelight.extract.lines import Line, Unread

    read = ["a fs", "\u0e49", "str4"]
    reader = PageReader(_UntracedPage(), None, Counter(), lambda page, pieces: read)  # type: ignore[arg-type]
    reader.unread = [Unread(20, 0, 20, 10, 1, False), Unread(60, 0, 60, 10, 1, False), Unread(90, 0, 112, 10, 4, True)]
    reader.repairs["unreadable_glyph"] = 6
    lines = [Line("ขอใช\U000f0000บริการ ต\U000f0001องการตัวแปร\U000f0002เท่ากับ", 0, 0, 150, 10, 8, 10, False, 0)]
    assert [line.text for line in reader._read_unread(lines)] == ["ขอใชบริการ ต้องการตัวแปร str4 เท่ากับ"]


def test_a_no_break_space_after_thai_is_a_space(make_pdf: MakePdf) -> None:
    """Chrome writes the no-break spaces of a Google Sites report as U+00A0, a Latin-1 code,
    and one after Thai was taken for a Latin-1 stand-in for a Thai glyph: the words judged
    it a letter, and a report was heard with 65 stray ฆ (หนูรักฆ, มือสองฆ)."""
    line = "นายบดินทร์ หนูรัก\u00a0รหัสนักศึกษา 60070043 โปรแกรมเต้นท์รถมือสอง\u00a0(จัดการ)"
    page = open_document(make_pdf([[(line, 72, 100, 14, SARABUN)]]), use_cache=False).page(1)
    assert page.text == "นายบดินทร์ หนูรัก รหัสนักศึกษา 60070043 โปรแกรมเต้นท์รถมือสอง (จัดการ)"


def test_a_footnote_mark_raised_after_a_thai_name_stays_itself(make_pdf: MakePdf) -> None:
    """A journal raises a footnote's ¹ after an author's name, a span of its own. It takes
    room, so it is no Thai mark set apart (as Print To PDF's raised tone marks are) and is
    not judged by the Thai around it: it was heard as ฆ (ฟักจันทร์ฆ)."""
    name = "พัฒนรัชต์ ฟักจันทร์"
    width = pymupdf.Font(fontfile=str(SARABUN)).text_length(name, fontsize=14)
    lines = [(name, 72, 100, 14, SARABUN), ("\u00b9", 72 + width, 95, 8, SARABUN), ("และคณะ", 72 + width + 6, 100, 14, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert "\u0e06" not in page.text and "ฟักจันทร์" in page.text


def test_a_bullet_in_a_symbol_font_under_a_generic_name_is_a_bullet(tmp_path: Path) -> None:
    """Print To PDF names Word's Symbol font "CIDFont+F4": its bullet U+F0B7 was dropped as
    an unknown symbol, each item's wrapped line was read as a paragraph of its own, and the
    next item glued to it. The font program names itself Symbol: the bullet is read as one."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(SARABUN))  # a stand-in for Symbol: its name, and a glyph at U+F0B7
    for name_id in (1, 4, 6):
        font["name"].setName("Symbol", name_id, 3, 1, 0x409)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0xF0B7] = "period"
    symbol = tmp_path / "symbol.ttf"
    font.save(str(symbol))
    items = [("ชุดมอดูลเสริม: ไฟล์นามสกุลพีวายดีซึ่งเป็นมอดูลภาษาไพทอนที่ถูกเตรียม", "ไว้ในโฟลเดอร์เพื่อช่วยในการประมวลผล"),
             ("เครื่องมือคอมไพล์ไฟล์: พายอินสตอลเลอร์สำหรับแปลงซอร์สโค้ดให้เป็น", "ไฟล์ที่รันบนวินโดวส์ได้ทันที")]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    xref = page.insert_font(fontname="F4", fontfile=str(symbol))
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    for k, (first, wrapped) in enumerate(items):
        y = 100 + 46 * k
        page.insert_text((90, y), "\uf0b7", fontname="F4", fontsize=16)
        page.insert_text((108, y), first, fontname="S", fontsize=16)
        page.insert_text((108, y + 23), wrapped, fontname="S", fontsize=16)
    descendant = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
    descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
    for number, key in ((xref, "BaseFont"), (descendant, "BaseFont"), (descriptor, "FontName")):
        doc.xref_set_key(number, key, "/CIDFont+F4")  # the name Print To PDF gives it
    path = tmp_path / "bullets.pdf"
    doc.save(path)
    result = open_document(path, use_cache=False).page(1)
    assert [result.text[p.start : p.end] for p in result.paragraphs] == [f"• {first}{wrapped}" for first, wrapped in items]


def test_a_tex_not_slash_before_a_relation_is_its_negation(tmp_path: Path) -> None:
    """TeX draws ≠ as its "not" slash over "=": MuPDF gives "g′(x)̸ = 0", and a voice said
    "g′(x) = 0", the theorem's condition reversed (16 times in two calculus handouts)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_font(fontname="D", fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    page.insert_text((72, 100), "สมมติว่า", fontname="S", fontsize=14)
    page.insert_text((130, 100), "g(x)\u0338 = 0", fontname="D", fontsize=14)
    page.insert_text((200, 100), "ทุก", fontname="S", fontsize=14)
    page.insert_text((230, 100), "x \u0338\u2208 B", fontname="D", fontsize=14)
    doc.save(tmp_path / "not.pdf")
    assert "\u0338" in pymupdf.open(tmp_path / "not.pdf")[0].get_text()  # the damage is real
    assert open_document(tmp_path / "not.pdf", use_cache=False).page(1).text == "สมมติว่า g(x) ≠ 0 ทุก x ∉ B"


def _after(text: str, x: float, size: float) -> float:
    """Where ``text`` set in Sarabun at ``x`` ends."""
    return x + pymupdf.Font(fontfile=str(SARABUN)).text_length(text, fontsize=size)


def test_a_raised_number_is_written_raised_and_a_sliver_of_text_is_left_out(make_pdf: MakePdf) -> None:
    """A law lecture (Word, THSarabunPSK) sets a footnote's mark raised and small after
    "มาตรา 51", and Word's footnote field left "62" after it at 0.7 pt: the line was read
    "มาตรา 51162". TeX sets a power the same way: "10" and a raised "5" were "105", said
    หนึ่งร้อยห้า. The mark is written raised, the sliver no one can see is left out, and
    the page says so."""
    law, power = "ตามนัยมาตรา 51", "ความชัน 2.5 × 10"
    lines: list[Line] = [
        (law, 72, 100, 16, SARABUN), ("1", _after(law, 72, 16), 95, 10.5, SARABUN),
        ("62", _after(law + "1", 72, 16) + 0.5, 100, 0.7, SARABUN),
        ("(มาตรา 51-63)", _after(law + "1 ", 72, 16) + 3, 100, 16, SARABUN),
        (power, 72, 140, 16, SARABUN), ("5", _after(power, 72, 16), 134, 11, SARABUN),
        (" V/s", _after(power + "5", 72, 16), 140, 16, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert "ตามนัยมาตรา 51¹ (มาตรา 51-63)" in page.text and "62" not in page.text
    assert "10⁵ V/s" in page.text
    assert dict(page.quality.repairs)["hidden_text"] == 2


def test_thai_words_set_too_small_to_see_are_left_out_and_no_heading(make_pdf: MakePdf) -> None:
    """A Chula thesis template anchors its outline's entries in 1-pt text before each
    section's first line ("บทคัดย่อภาษาไทย" before the abstract, drawn white over the page's
    watermark): the outline named it, so it was heard as a level-1 heading inside the
    abstract's first paragraph. Thai words no one can see are left out like Latin ones; the
    outline still lists the section."""
    anchor, first = "บทคัดย่อภาษาไทย", "อภิญญา แขนสูงเนิน : การอัตโนมัติกระแสงานของระบบ"
    lines: list[Line] = [(anchor, 72, 100, 0.9, SARABUN), (first, 90, 100, 16, SARABUN), (BODY, 72, 122, 16, SARABUN)]
    read = open_document(make_pdf([lines], toc=[[1, anchor, 1]]), use_cache=False)
    page = read.page(1)
    assert anchor not in page.text and page.text.startswith(first)
    assert not [p for p in page.paragraphs if p.is_heading]
    assert [entry.title for entry in read.outline] == [anchor]


def test_a_law_notes_mark_with_its_thai_number_is_written_raised(make_pdf: MakePdf) -> None:
    """The Council of State's consolidated laws raise a note's mark after a section's number,
    the note's number in Thai digits after it in brackets: "มาตรา ๓๑" and a raised "4[๔]"
    were read as one number, "๓๑4[๔]"."""
    section = "มาตรา ๓๑"
    lines: list[Line] = [
        (section, 72, 100, 16, SARABUN), ("4[๔]", _after(section, 72, 16), 92.5, 10.6, SARABUN),
        ("  กระทรวงมีอำนาจหน้าที่", _after(section + "4[๔]", 72, 16), 100, 16, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert page.text.startswith("มาตรา ๓๑⁴[๔]")


def test_a_subscript_in_a_numerator_is_no_power(make_pdf: MakePdf) -> None:
    """TeX's fraction "2(W/L)₇ over (W/L)₆": the numerator stands high over the line's "= 2",
    and its subscript 7, lower than the numerator and smaller, is no power of anything."""
    lines: list[Line] = [
        ("= 2", 72, 120, 11, SARABUN), ("(W/L)", 95, 113, 11, SARABUN), ("7", _after("(W/L)", 95, 11), 115, 8, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert "⁷" not in page.text and "7" in page.text


def test_an_index_or_power_drawn_after_the_line_is_read_after_its_letter(make_pdf: MakePdf) -> None:
    """Word draws an equation's indices after the rest of the line, each a run of its own
    (a thesis's "μ_ik − x_ik" in its list of tables): MuPDF reads each as a line, and the
    row, ordered by baselines, heard the lowered ones after its last word ("...ของกลุ่มikik")
    and a raised one before its first. Where MuPDF reads an index and then its letter as
    one line, the index came first ("(ln )"). Each is read after the letter it is set
    beside; a raised number is written raised."""
    head, mid, count = "ค่าเฉลี่ย x", "ค่าเฉลี่ย x      − y", "จำนวนที่กำกับกลุ่ม ("
    tail = _after(mid + "      ", 72, 16)
    lines: list[Line] = [
        (mid, 72, 100, 16, SARABUN), ("ของกลุ่ม", tail, 100, 16, SARABUN),
        ("(a + b)", 72, 140, 16, SARABUN), (" = 1 ตามนิยาม", _after("(a + b)2", 72, 16), 140, 16, SARABUN),
        ("ik", _after(head, 72, 16), 103, 9, SARABUN), ("ik", _after(mid, 72, 16), 103, 9, SARABUN),
        ("2", _after("(a + b)", 72, 16), 134, 9, SARABUN),
        (count, 72, 180, 16, SARABUN), ("l", _after(count + "n", 72, 16), 183, 9, SARABUN),
        ("n", _after(count, 72, 16), 180, 16, SARABUN), (" ) = 5%", _after(count + "nl", 72, 16), 180, 16, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert "ค่าเฉลี่ย xik − yik ของกลุ่ม" in page.text
    assert "(a + b)² = 1 ตามนิยาม" in page.text
    assert "จำนวนที่กำกับกลุ่ม (nl ) = 5%" in page.text


def test_latin_ligatures_are_written_as_their_letters(make_pdf: MakePdf) -> None:
    """A ligature glyph's text is one character (U+FB01 for "fi"): no search finds "file"
    in "ﬁle", and espeak's Thai voice read out the code of "ﬂ"."""
    page = open_document(make_pdf([[("ไฟล์ (ﬁle) และ ﬂow", 72, 100, 14, SARABUN)]]), use_cache=False).page(1)
    assert page.text == "ไฟล์ (file) และ flow"


def test_page_labels_written_as_hex_strings_are_decoded(tmp_path: Path) -> None:
    """hyperref writes a Beamer deck's page labels as hex strings, and PyMuPDF gives them as
    they stand: the exports' page list said "หน้า <FEFF0034>". PyMuPDF writes a Thai prefix
    as the hex of its UTF-8, and reads it back so too."""
    doc = pymupdf.open()
    for _ in range(2):
        doc.new_page().insert_text((72, 72), "Quadratic equations")
    doc.xref_set_key(doc.pdf_catalog(), "PageLabels", "<</Nums [0 <</P <FEFF0034> >> 1 <</P <FEFF0E010E02002D> /S /D >>] >>")
    doc.save(tmp_path / "beamer.pdf")
    read = open_document(tmp_path / "beamer.pdf", use_cache=False)
    assert [read.page(1).label, read.page(2).label] == ["4", "กข-1"]
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Quadratic equations")
    doc.set_page_labels([{"startpage": 0, "prefix": "บทที่ ", "style": "D", "firstpagenum": 1}])
    doc.save(tmp_path / "thai.pdf")
    assert open_document(tmp_path / "thai.pdf", use_cache=False).page(1).label == "บทที่ 1"


def test_a_shifted_mark_set_tiny_inside_its_line_is_kept(make_pdf: MakePdf) -> None:
    """Word 2019 sets a shifted tone mark (a private-use glyph) at 2.09 pt inside its line,
    just under the size at which a whole line cannot be seen: leaving out slivers of
    text lost 37 marks of a journal article ("ได้กล่าวว่า" read "ไดกลาววา"). A sliver with
    Thai or a shifted mark in it is text."""
    first = "และ OECD ได"
    lines: list[Line] = [
        (first, 72, 100, 16, SARABUN), ("\uf70b", _after(first, 72, 16) - 1, 100, 2.0, GARUDA),
        ("กล่าวว่า AI ทำให้กิจกรรมพื้นฐานด้านการศึกษาดำเนินไป", _after(first, 72, 16), 100, 16, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert "ได้กล่าวว่า" in page.text


def _box_picture(masked: bool) -> bytes:
    """A ballot box as a picture: a black square outline, 40 pixels a side; with ``masked``,
    black everywhere and shaped by its alpha (a soft mask), as Word writes one."""
    def edge(x: int, y: int) -> bool:
        return min(x, y) < 2 or max(x, y) > 37

    pixels = bytearray()
    for y in range(40):
        for x in range(40):
            pixels += bytes((0, 0, 0, 255 if edge(x, y) else 0)) if masked else bytes((0, 0, 0) if edge(x, y) else (255,) * 3)
    return pymupdf.Pixmap(pymupdf.csRGB, 40, 40, bytes(pixels), masked).tobytes("png")


def _symbol_code_over(page: pymupdf.Page, x: float, baseline: float) -> None:
    """Word's way with a symbol it drew as a picture: a glyph of the text's font (here its
    .notdef) whose text, by /ActualText, is the symbol font's code U+F031."""
    xref = page.get_contents()[0]
    top = page.rect.height - baseline
    code = f"\n/Span <</ActualText <FEFFF031>>> BDC BT /B 15 Tf 1 0 0 1 {x} {top} Tm <0000> Tj ET EMC\n"
    page.parent.update_stream(xref, page.parent.xref_stream(xref) + code.encode())


@pytest.mark.parametrize("masked", [True, False])
def test_a_forms_ballot_boxes_drawn_as_pictures_are_read_and_a_tick_over_one_ticks_it(
    tmp_path: Path, masked: bool
) -> None:
    """Word sets a symbol its font lacks as a picture over the symbol's code (b18_20: U+F031
    in TH SarabunPSK-Bold over a picture of an empty box), and a tick typed in another font
    over the first: the choices were heard with no box, the tick apart from them. A row of
    choices, however bold, is no heading."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_font(fontname="B", fontfile=str(SARABUN_BOLD))
    page.insert_font(fontname="D", fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    page.insert_text((72, 100), "ประเภทของนวัตกรรมที่เลือกประกวด", fontname="S", fontsize=15)
    picture = _box_picture(masked)
    second = 90 + 16 + pymupdf.Font(fontfile=str(SARABUN_BOLD)).text_length("ด้านพลังงาน", fontsize=15) + 14
    for x, choice in ((90, "ด้านพลังงาน"), (second, "ด้านการเกษตร")):
        page.insert_image(pymupdf.Rect(x, 112, x + 12, 124), stream=picture)
        _symbol_code_over(page, x, 124)
        page.insert_text((x + 16, 124), choice, fontname="B", fontsize=15)
    page.insert_text((91, 122), "✓", fontname="D", fontsize=11)
    for k in range(4):
        page.insert_text((72, 150 + 20 * k), "ชื่อผู้ส่งผลงานและสถานศึกษาที่สังกัดตามที่ระบุในใบสมัคร", fontname="S", fontsize=15)
    path = tmp_path / "form.pdf"
    doc.save(path)
    read = open_document(path, use_cache=False).page(1)
    assert "☑ ด้านพลังงาน" in read.text and "☐ ด้านการเกษตร" in read.text
    assert "✓" not in read.text and "\uf031" not in read.text
    assert not any("☐" in read.text[p.start : p.end] for p in read.paragraphs if p.kind is ParagraphKind.HEADING)
