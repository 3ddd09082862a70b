"""Issue 16: glyphs whose ToUnicode is missing or lies, and text printed several times over.

Each PDF is Garuda with its names, Thai cmap and GSUB stripped (``damaged_fonts``), so
nothing in the font says what the damaged glyph is: only its drawing and its words can.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pymupdf
import pytest

from guidelight.core.model import TextSource
from guidelight.extract.glyph_shapes import FontOutlines, Placement, Silhouette, likeliest
from guidelight.extract.glyphs import GlyphResolver
from guidelight.extract.pdf import open_document
from guidelight.extract.unknown_glyphs import PLACEHOLDER, Unknown, candidates_for, settle
from guidelight.thai.repair import place_late_tones, repair_text
from tests.document.damaged_fonts import (
    GARUDA,
    UPPER_MARKS,
    damaged_pdf,
    index_named_text,
    placed_pdf,
    raised_marks_pdf,
    ranged_map_pdf,
    remapped_marks,
    shadowed_pdf,
    subsets_pdf,
    two_weights_pdf,
    unmapped_pdf,
)
from tests.ocr.marks import needs_tesseract

from .conftest import SARABUN, SHARED, write_pdf

pytestmark = pytest.mark.skipif(not GARUDA.exists(), reason="needs fonts-thai-tlwg (install.sh installs it)")

SENTENCES = ["ที่มีความสุข ที่นี่ เพื่อนที่ดี", "พี่น้องที่รัก ไปไหนมา ไม่รู้"]


def _text(pdf: Path) -> str:
    return open_document(pdf, use_cache=False).page(1).text


def test_the_damage_is_real(tmp_path: Path) -> None:
    """Raw extraction hears the damage: otherwise the tests below prove nothing."""
    pdf = damaged_pdf(tmp_path / "d.pdf", SENTENCES, {"\u0e48": "\ufffd"})
    raw = pymupdf.open(pdf)[0].get_text()
    assert "\u0e48" not in raw
    assert "ที่" not in raw


def test_an_unnamed_mark_among_letters_that_read_as_unknown_codes_is_judged_by_their_words(tmp_path: Path) -> None:
    # iOS Quartz (b16_21): no ToUnicode, so every glyph reads U+FFFD and only the font's cmap
    # names the letters; its shifted mai tho has no name at all. With no Thai code beside
    # it, the mark was left unread: "ตองเป็นหน่วยงาน" on every line of the form.
    lines = ["ต้องเป็นหน่วยงาน ผู้รับผิดชอบ", "ไม่ต้องการใช้ฐานข้อมูล (พ.ร.บ.)"]
    page = open_document(unmapped_pdf(tmp_path / "u.pdf", lines, "\u0e49"), use_cache=False).page(1)
    assert "ต้องเป็นหน่วยงาน ผู้รับผิดชอบ" in page.text
    assert "ไม่ต้องการใช้ฐานข้อมูล (พ.ร.บ.)" in page.text  # the periods stay periods
    assert "unreadable_glyph" not in dict(page.quality.repairs)


def test_thai_letters_whose_code_says_space_are_read_by_their_glyphs(tmp_path: Path) -> None:
    # An Excel chart pasted into Word (b17_12, pp. 33-36): 2,551 Tahoma glyphs given the
    # code of a space, so "“GAP” ครั้งที่ 1 ประจำปีงบประมาณ 2556" was heard "“GAP” 1 2556",
    # and the page said nothing was lost. The font's cmap names them; its real space stays.
    lines = ["“GAP” ครั้งที่ 1 ประจำปีงบประมาณ 2556", "ระบบสารสนเทศช่วยให้ทำงานได้สะดวก รวดเร็ว"]
    page = open_document(unmapped_pdf(tmp_path / "s.pdf", lines, "", says=" "), use_cache=False).page(1)
    assert "ครั้งที่ 1 ประจำปีงบประมาณ 2556" in page.text and "ได้สะดวก รวดเร็ว" in page.text


def test_spaces_of_no_width_do_not_make_a_fonts_spaces_look_like_letters() -> None:
    """A Word file (b17_02) codes each sara am's nikhahit as a space of no width before its
    sara aa. Counted among its font's space widths, they made the font look as if it gave
    letters the code of a space, and the nikhahit so read was dropped: คำนำ read คานา."""
    from guidelight.extract.lines import _spaces_unlike

    def page(*widths: float) -> dict:
        chars = [{"c": " ", "bbox": (0.0, 0.0, width, 10.0)} for width in widths]
        return {"blocks": [{"lines": [{"spans": [{"font": "F", "size": 10.0, "chars": chars}]}]}]}

    assert _spaces_unlike(page(2.5, 0.0, 0.1, 0.3, 2.5)) == set()  # one width, and nikhahits'
    assert _spaces_unlike(page(2.5, 4.0, 6.1)) == {"F"}  # three widths: glyphs of letters


@pytest.mark.parametrize(
    "stand_in",
    ["\ufffd", "\u00c9", "\u0155", "\ue000", "\x07", "\u0e8b", "\u0477"],
    # Lao: Ghostscript's; Cyrillic: Chromium 53's (ชืѷอ)
    ids=["replacement", "latin1", "latin-ext-a", "private-use", "control", "lao", "cyrillic"],
)
def test_a_mark_with_no_identity_is_read_from_its_words(tmp_path: Path, stand_in: str) -> None:
    pdf = damaged_pdf(tmp_path / "d.pdf", SENTENCES, {"\u0e48": stand_in})
    page = open_document(pdf, use_cache=False).page(1)
    for word in ("ที่มี", "ที่นี่", "เพื่อน", "พี่น้อง", "ไม่รู้"):
        assert word in page.text
    assert stand_in not in page.text
    assert page.quality.noise == 0
    assert dict(page.quality.repairs)["glyph_by_words"] >= 8


def test_ascii_stand_ins_drawn_with_no_advance_are_marks(tmp_path: Path) -> None:
    """Quartz and Bullzip: ``ข+อมูล``; a real ``+`` (it advances) stays a plus."""
    pdf = damaged_pdf(tmp_path / "d.pdf", ["ข้อมูลที่ต้องใช้ ห้ามลืม", "ราคา 5+3 บาท"], {"\u0e49": "+"})
    text = _text(pdf)
    assert "ข้อมูล" in text and "ต้อง" in text and "ห้าม" in text
    assert "5+3" in text


def test_an_ascii_stand_in_on_a_vowel_at_a_words_end_is_a_mark(tmp_path: Path) -> None:
    """Quartz on macOS 26 gives mai ek on sara ii the code "9": "หน่วยที9 1". It sits on a
    vowel with no width of its own, before a space, and was kept as a nine; the letter
    under both, ท, is what says it takes no room. A real 9 (it advances) stays a nine."""
    pdf = damaged_pdf(tmp_path / "d.pdf", ["หน่วยที่ 1 เรื่องที่ 2 ที่นี่", "ราคา 5+9 บาท"], {"\u0e48": "9"})
    text = _text(pdf)
    assert "หน่วยที่ 1" in text and "เรื่องที่ 2" in text and "5+9" in text


def test_mac_roman_signs_drawn_with_no_advance_are_marks(tmp_path: Path) -> None:
    """Quartz on iOS codes some shifted marks as Mac Roman signs: เป†น, ปˆาย."""
    pdf = damaged_pdf(tmp_path / "d.pdf", ["ข้อมูลที่ต้องใช้ ห้ามลืม เป็นป้าย"], {"\u0e49": "\u02c6", "\u0e47": "\u2020"})
    text = _text(pdf)
    assert "ข้อมูล" in text and "ต้อง" in text and "ห้าม" in text and "เป็นป้าย" in text
    assert "\u02c6" not in text and "\u2020" not in text


def test_sara_aa_extracted_as_sara_am_is_sara_aa(tmp_path: Path) -> None:
    """OpenOffice with Loma: ``มำกมำย``; a real sara am in the same font stays one."""
    pdf = damaged_pdf(tmp_path / "d.pdf", ["ข้อมูลมากมาย จำนวนมาก", "ทำงานหลายอย่าง มาดูกัน"], {"\u0e32": "\u0e33"})
    text = _text(pdf)
    assert "มากมาย" in text and "ทำงาน" in text and "จำนวนมาก" in text and "มาดูกัน" in text


def test_never_leaves_a_replacement_character(tmp_path: Path) -> None:
    damage = {"\u0e48": "\ufffd", "\u0e49": "\ufffd", "\u0e35": "\ufffd"}
    text = _text(damaged_pdf(tmp_path / "d.pdf", SENTENCES, damage))
    assert "\ufffd" not in text
    assert "ที่มีความสุข" in text


def test_a_shifted_mark_is_known_by_its_outline() -> None:
    """Garuda's lowered mai ek (U+F70A's glyph) has mai ek's drawing, moved and smaller."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(GARUDA))
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    outlines = FontOutlines(GARUDA.read_bytes())
    plain = {order.index(cmap[code]): chr(code) for code in (0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E31)}
    lowered = order.index(cmap[0xF70A])
    assert outlines.same_drawing(lowered, plain) == "\u0e48"
    assert outlines.outline(lowered).placement is Placement.ABOVE  # type: ignore[union-attr]
    assert outlines.outline(order.index(cmap[0x0E38])).placement is Placement.BELOW  # type: ignore[union-attr]


def test_a_mark_is_never_known_by_the_outline_of_a_letter_or_digit() -> None:
    """InDesign draws a sara am's ring apart, a nikhahit with no advance and no name; scaled
    to its box it is the ring of the digit ๐, and a textbook's every จำนวน read "จ๐ำนวน"."""
    import io
    from copy import deepcopy

    from fontTools.ttLib import TTFont

    font = TTFont(str(SARABUN))
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    zero, nikhahit, yamakkan = cmap[0x0E50], cmap[0x0E4D], cmap[0x0E4E]
    for mark in (nikhahit, yamakkan):  # each the digit's ring, smaller, raised, advancing by nothing
        ring = deepcopy(font["glyf"][zero])
        ring.coordinates.scale((0.4, 0.4))
        ring.coordinates.translate((0, 700))
        font["glyf"][mark] = ring
        font["hmtx"][mark] = (0, 0)
    program = io.BytesIO()
    font.save(program)
    outlines = FontOutlines(program.getvalue())
    ring_gid, digit_gid, mark_gid = order.index(nikhahit), order.index(zero), order.index(yamakkan)
    assert outlines.same_drawing(ring_gid, {digit_gid: "๐"}) is None
    assert outlines.same_drawing(ring_gid, {digit_gid: "๐", mark_gid: "ํ"}) == "ํ"


def test_a_standing_mark_is_never_known_by_a_lying_mark_of_the_same_corners() -> None:
    """DBSathornX draws sara i as a bar lying down and mai ek as a bar standing up: four
    corners each, alike once each is scaled to its own box. Its shifted mai ek, on a page
    with no plain mai ek, was taken for sara i, and "ใหญ่" was heard "ใหญิ"."""
    import io

    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    def bar(x0: int, y0: int, x1: int, y1: int, lean: int = 0) -> object:
        pen = TTGlyphPen(None)
        pen.moveTo((x0, y0))
        pen.lineTo((x0 + lean, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        return pen.glyph()

    font = TTFont(str(SARABUN))
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    sara_i, mai_ek, shifted = cmap[0x0E34], cmap[0x0E48], cmap[0x0E4B]
    for name, glyph in ((sara_i, bar(-1708, 1987, -90, 2367, lean=180)),  # as DBSathornX's
                        (mai_ek, bar(-614, 2867, -90, 3437)),
                        (shifted, bar(-631, 1987, -94, 2597))):  # lower, a little narrower
        font["glyf"][name] = glyph
        font["hmtx"][name] = (0, 0)
    program = io.BytesIO()
    font.save(program)
    outlines = FontOutlines(program.getvalue())
    gid = order.index
    assert outlines.same_drawing(gid(shifted), {gid(sara_i): "\u0e34"}) is None
    assert outlines.same_drawing(gid(shifted), {gid(sara_i): "\u0e34", gid(mai_ek): "\u0e48"}) == "\u0e48"


def test_outlines_are_read_from_a_font_whose_metrics_are_cut_short() -> None:
    """Acrobat 8's subsets end their hmtx 24 bytes short; fontTools refused the whole font,
    and no glyph of it could be compared (its digits were left as their codes' characters)."""
    import io

    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables.DefaultTable import DefaultTable

    font = TTFont(str(GARUDA))
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    cut = DefaultTable("hmtx")
    cut.data = font.reader["hmtx"][:-24]
    font["hmtx"] = cut
    program = io.BytesIO()
    font.save(program)
    outlines = FontOutlines(program.getvalue())
    digits = {order.index(cmap[ord(d)]): d for d in "0123456789"}
    assert outlines.same_drawing(order.index(cmap[ord("5")]), {g: d for g, d in digits.items() if d != "5"}) is None
    assert outlines.outline(order.index(cmap[ord("5")])) is not None


def test_words_decide_with_a_tie_broken_by_how_common_they_are() -> None:
    """ครั่ง (lac) and ครั้ง (time) are both words; a course document means ครั้ง."""
    from guidelight.extract.lines import Line

    lines = [Line(f"ทายได้ 7 ครั{PLACEHOLDER}ง สรุปผล", 0, 0, 100, 10, 8, 10, False, 0)]
    unknown = Unknown(("f", 1, True), candidates_for(Placement.ABOVE, True), claimed=False)
    repairs: Counter[str] = Counter()

    resolver = SimpleNamespace(decided={}, by_likeness=lambda *_: None)  # no drawing to compare
    settled = settle(lines, [unknown], resolver, repairs)  # type: ignore[arg-type]
    assert settled[0].text == "ทายได้ 7 ครั้ง สรุปผล"
    assert resolver.decided[("f", 1, True)] == "\u0e49"


def test_one_glyph_may_be_anything_any_of_its_occurrences_allows() -> None:
    """A mark measured with its width at a line's end looks like a letter there, and with
    no advance mid-word like a mark: judged once for all, it may be either, and the words
    choose. Taking the first occurrence's doubt alone read ที่ as ทีน on a Bullzip slide."""
    from guidelight.extract.lines import Line

    lines = [Line(f"งานที{PLACEHOLDER}", 0, 0, 100, 10, 8, 10, False, 0),
             Line(f"พี{PLACEHOLDER}น้องที{PLACEHOLDER}รัก ไปที{PLACEHOLDER}บ้าน", 0, 20, 100, 30, 28, 10, False, 0)]
    key = ("f", 7, False)
    pending = [Unknown(key, candidates_for(None, False), claimed=False)]  # at a line's end
    pending += [Unknown(key, candidates_for(None, True), claimed=False)] * 3  # mid-word
    resolver = SimpleNamespace(decided={}, by_likeness=lambda *_: None)
    settled = settle(lines, pending, resolver, Counter())  # type: ignore[arg-type]
    assert [line.text for line in settled] == ["งานที่", "พี่น้องที่รัก ไปที่บ้าน"]


def test_a_tone_mark_after_the_next_consonant_goes_back() -> None:
    assert place_late_tones("บางครัง้เรา จากนัน้ หนึง่") == "บางครั้งเรา จากนั้น หนึ่ง"
    assert place_late_tones("ปีน้ำท่วม ดีด้วย") == "ปีน้ำท่วม ดีด้วย"  # real spelling stays
    repairs: Counter[str] = Counter()
    assert repair_text("ขึน้", repairs) == "ขึ้น"
    assert repairs["late_tone"] == 1


def test_text_printed_several_times_over_is_heard_once(tmp_path: Path) -> None:
    """Canva's layered effects: the same paragraph drawn four times, a shadow a point off."""
    sentence = "ระบบจะปรับสัญญาณไฟจราจรตามปริมาณยานพาหนะ ช่วยลดความแออัดและเวลารอคอย"
    font = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "Sarabun-Regular.ttf"
    lines = [(sentence, 60 + d, 200 + d, 12, font) for d in (0, 0.5, 1, 1.5)]
    lines.append(("หัวข้อถัดไป การทดลองเบื้องต้นในสภาพแวดล้อมจำลอง", 60, 300, 12, font))
    pdf = write_pdf(tmp_path / "canva.pdf", [lines])
    page = open_document(pdf, use_cache=False).page(1)
    assert page.text.count("ปรับสัญญาณไฟจราจร") == 1
    assert "การทดลองเบื้องต้น" in page.text
    assert page.quality.doubtful and "doubled_text" in page.quality.notices
    assert page.source is TextSource.REPAIRED
    check = subprocess.run(
        [sys.executable, "-m", "guidelight", "check", str(pdf)], capture_output=True, text=True, check=True
    )
    assert "doubtful pages: 1" in check.stdout
    assert "doubled_text" in check.stdout


def test_a_phrase_a_line_says_twice_is_the_authors(tmp_path: Path) -> None:
    """A welfare form's note (b17_16) names two kinds of licensed person in one line, the
    second the first's words and one more: the in-line repeat remover cut the first out and
    changed the law. A line holds its text again only when crowded past the page's lines."""
    said = ("(๒) นักสังคมสงเคราะห์ หรือผู้ประกอบวิชาชีพสังคมสงเคราะห์ "
            "หรือผู้ประกอบวิชาชีพสังคมสงเคราะห์รับอนุญาต")
    others = ["หรือเจ้าหน้าที่อื่นซึ่งปฏิบัติหน้าที่ในความควบคุมของนักสังคมสงเคราะห์",
              "ให้ดำเนินการตามระเบียบที่กำหนดไว้ในกฎกระทรวงฉบับนี้ทุกประการ"]
    pdf = write_pdf(tmp_path / "law.pdf", [[(text, 60, 100 + 16 * i, 9, SARABUN)
                                            for i, text in enumerate([said, *others])]])
    page = open_document(pdf, use_cache=False).page(1)
    assert said in page.text and "doubled_text" not in dict(page.quality.repairs)


def test_lines_overfull_with_the_rest_of_their_paragraph_are_read_once(tmp_path: Path) -> None:
    """Canva gives each line of a text box the rest of its paragraph: far more text than
    the line's box shows. The paragraph is heard once; a normal line after it stays."""
    paragraph = (
        "ปัญหาการจราจรที่เพิ่มขึ้นในเขตเมืองใหญ่ทำให้เกิดการติดขัด อุบัติเหตุ และการปล่อยก๊าซเรือนกระจก "
        "ระบบจึงถูกพัฒนาขึ้นเพื่อจัดการการจราจรอย่างมีประสิทธิภาพ โดยใช้เทคโนโลยีในการตรวจจับ"
    )
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    for n, start in enumerate((0, 30, 60, 90)):
        # each line squeezed to a twentieth of its width: its box shows a few letters' room
        # while its text is the whole rest of the paragraph
        at = pymupdf.Point(60, 100 + 14 * n)
        page.insert_text(at, paragraph[start:], fontname="S", fontsize=12, morph=(at, pymupdf.Matrix(0.05, 1)))
    page.insert_text((60, 300), "หัวข้อถัดไป การทดลองเบื้องต้นในสภาพแวดล้อมจำลอง", fontname="S", fontsize=12)
    doc.save(tmp_path / "canva.pdf")
    text = open_document(tmp_path / "canva.pdf", use_cache=False).page(1).text
    assert text.count("ถูกพัฒนาขึ้นเพื่อจัดการ") == 1
    assert "การทดลองเบื้องต้น" in text


def test_a_form_repeating_short_lines_is_not_doubled(tmp_path: Path) -> None:
    font = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "Sarabun-Regular.ttf"
    lines = [("ลงชื่อ ........................................ ผู้ขอ", 60, 100 + 40 * n, 12, font) for n in range(3)]
    page = open_document(write_pdf(tmp_path / "form.pdf", [lines]), use_cache=False).page(1)
    assert page.text.count("ลงชื่อ") == 3
    assert not page.quality.notices


@needs_tesseract
def test_a_text_layer_of_control_codes_is_read_by_ocr(tmp_path: Path) -> None:
    """Ghostscript without ToUnicode: every Thai glyph comes out as a control code. The page
    has no image, yet its drawn text is read by OCR, and the page says why."""
    lines = ["การศึกษาเป็นรากฐานของการพัฒนาประเทศ", "นักศึกษาทุกคนควรอ่านหนังสือทุกวัน"]
    letters = sorted({ch for line in lines for ch in line if ch != " "})
    says = {ch: chr(1 + n % 26) for n, ch in enumerate(letters)}
    pdf = damaged_pdf(tmp_path / "gs.pdf", lines, says, size=20)
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in pymupdf.open(pdf)[0].get_text())
    page = open_document(pdf, use_cache=False).page(1)
    assert page.source is TextSource.OCR
    assert "การศึกษา" in page.text and "หนังสือ" in page.text
    assert "\ufffd" not in page.text and not any(ord(ch) < 0x20 and ch != "\n" for ch in page.text)
    assert "unreadable_glyph" in page.quality.notices


def test_a_tone_mark_drawn_with_a_nikhahit_is_told_by_its_two_parts() -> None:
    """Sarabun draws น้ำ's mai tho and nikhahit as one glyph (``uni0E4D0E49``), in two parts one
    over the other; every single mark is one drawing, in Sarabun and in all TLWG fonts."""
    from fontTools.ttLib import TTFont

    order = TTFont(SARABUN).getGlyphOrder()
    outlines = FontOutlines(SARABUN.read_bytes())
    placement = {name: outlines.outline(order.index(name)).placement  # type: ignore[union-attr]
                 for name in ("uni0E4D0E49", "uni0E4D0E48", "uni0E49", "uni0E4D", "uni0E37", "uni0E47")}
    assert placement == {"uni0E4D0E49": Placement.STACKED, "uni0E4D0E48": Placement.STACKED,
                         "uni0E49": Placement.ABOVE, "uni0E4D": Placement.ABOVE,
                         "uni0E37": Placement.ABOVE, "uni0E47": Placement.ABOVE}
    assert set(candidates_for(Placement.STACKED, True)) == {"\u0e48\u0e4d", "\u0e49\u0e4d", "\u0e4a\u0e4d", "\u0e4b\u0e4d"}


def test_qt_pdfs_tone_mark_and_nikhahit_glyph_reads_as_the_word() -> None:
    """Qt's PDF writer (QTextDocument.print_ to QPdfWriter, Sarabun; the fixture) gives that glyph
    no ToUnicode: raw text reads นาในแม่นาลดตาลง. Chosen from single marks by the words, it
    became น่า (a word too), or with a lone nikhahit นำ; drawn in two parts it is a tone and a
    nikhahit, and the words choose which tone."""
    pdf = Path(__file__).parent / "data" / "qt-sarabun-tone-nikhahit.pdf"
    assert "น้ำ" not in pymupdf.open(pdf)[0].get_text()
    text = _text(pdf)
    for word in ("น้ำในแม่น้ำ", "ต่ำ", "ซ้ำแล้วซ้ำอีก", "ทำนา", "กำลัง", "น้ำมัน", "ร่ำรวย"):
        assert word in text, word


STAND_INS = {
    "replacement": lambda n: "\ufffd",  # InDesign
    "latin1": lambda n: chr(0xC0 + n % 60),  # Distiller, XeTeX
    "ascii": lambda n: "+:$07A"[n % 6],  # Quartz, Bullzip
    "private_use": lambda n: chr(0xE100 + n),
}


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not beside the project")
@pytest.mark.parametrize(
    ("source", "kind"),
    [
        # LibreOffice places marks by the font's positioning: zero-width glyphs a little off
        # their consonant, two under one code not at one place (MuPDF keeps one).
        ("econ--lo-Sarabun-furniture", "replacement"),
        ("econ--lo-Loma-plain", "ascii"),
        ("history--lo-Sarabun-furniture", "latin1"),
        # Marks the PDF's widths give no advance, stand-ins stacked (ท07) or at a word's end.
        ("econ--pua-Garuda-plain", "ascii"),
        ("history--story-Laksaman-plain", "private_use"),
    ],
)
def test_real_shaped_pages_with_every_upper_mark_misnamed_read_as_written(
    tmp_path: Path, source: str, kind: str
) -> None:
    """Every upper mark of a real producer's page misnamed, fonts stripped: nothing but the
    glyphs' drawing, widths, places and words says what they are. Before, up to 7.3% of the
    characters came out wrong (``ท07``, ``เพือ``); now under 1%."""
    from rapidfuzz.distance import Levenshtein

    corpus = SHARED / "corpus" / "thai-pdf"
    pdf = remapped_marks(corpus / f"{source}.pdf", tmp_path / f"{kind}.pdf", STAND_INS[kind])
    truth = "".join((corpus / f"{source}.txt").read_text(encoding="utf-8").split())
    got = "".join(open_document(pdf, use_cache=False).reading_text().split())
    assert Levenshtein.distance(got, truth) <= 0.01 * len(truth), got
    assert not set(got) & {"\ufffd", "+", "$", "\ue100"}


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not beside the project")
def test_latin_letters_in_a_line_copy_without_widths_are_not_taken_for_marks() -> None:
    """Canva draws each line again as a copy whose characters have no width. A no-width
    ASCII letter after Thai is a mark only where the letter it sits on has a width: in the
    poster's copies "และAI" was read "แล่ะ", and doubled letters (ระบบ) lost one."""
    poster = SHARED / "corpus" / "real-thai-2" / "AI-control-traffic-stm32-raspi5__G_SMART_TRAFFIC.pdf"
    text = open_document(poster, use_cache=False).page(1).text
    assert "IOT และAI" in text and "แล่ะ" not in text
    assert "พัฒนาระบบต้นแบบ" in text and "สัญญาณไฟจราจร" in text


def test_thai_letters_that_are_the_wrong_thai_letters_flag_the_page(tmp_path: Path) -> None:
    """A map that gives every consonant the next one's code (a damage no repair knows) still
    reads as Thai letters, so no noise is counted; that its Thai is not words flags the
    page, for `check` and for the listener. The same page mapped rightly is not flagged."""
    lines = [
        "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัด",
        "เพื่อตอบสนองความต้องการที่ไม่จำกัดของมนุษย์ในการบริโภคสินค้าและบริการต่าง ๆ",
        "การศึกษาเศรษฐศาสตร์ช่วยให้เข้าใจการตัดสินใจของครัวเรือนและธุรกิจในตลาด",
        "ภายใต้ทรัพยากรที่มีจำกัดทั้งในระยะสั้นและระยะยาวรวมถึงบทบาทของรัฐบาล",
    ]
    consonants = [chr(c) for c in range(0x0E01, 0x0E2F)]
    shifted = {c: consonants[(k + 1) % len(consonants)] for k, c in enumerate(consonants)}
    wrong = open_document(damaged_pdf(tmp_path / "wrong.pdf", lines, shifted), use_cache=False).page(1)
    assert wrong.quality.noise == 0 and "unknown_words" in wrong.quality.notices
    assert wrong.quality.doubtful
    right = open_document(damaged_pdf(tmp_path / "right.pdf", lines, {}), use_cache=False).page(1)
    assert "unknown_words" not in right.quality.notices


def test_a_short_heading_drawn_again_as_its_shadow_is_heard_once(tmp_path: Path) -> None:
    """Canva draws a heading's shadow as a second copy a few points off: too short to be a
    repeated passage, it was heard twice in one breath. A label in two table cells, side by
    side, is the author's own and stays twice."""
    font = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "Sarabun-Regular.ttf"
    lines = [("สัมมาชีพคลีน", 60, 100, 28, font), ("สัมมาชีพคลีน", 62.5, 102.5, 28, font),
             ("ใช่", 60, 200, 12, font), ("ใช่", 200, 200, 12, font),
             ("ระบบจะปรับสัญญาณไฟจราจรตามปริมาณยานพาหนะ", 60, 240, 12, font)]
    page = open_document(write_pdf(tmp_path / "shadow.pdf", [lines]), use_cache=False).page(1)
    assert page.text.count("สัมมาชีพคลีน") == 1
    assert page.text.count("ใช่") == 2
    assert dict(page.quality.repairs)["doubled_text"] == len("สัมมาชีพคลีน")



def test_a_shadow_in_another_font_does_not_confuse_the_marks_of_the_text(tmp_path: Path) -> None:
    """Canva draws a shadow in one font under the text in another, and in both the mai tho
    of เชื้อ and of น้ำ (written น, nikhahit, mai tho, sara aa) is a glyph with no usable map,
    at the same place. Each copy's glyph is its own font's, and the words judge น้ำ as the
    sara am the repairs make of it: the slide was heard as "หัวเชื่อน่ำยา", unflagged."""
    lines = ["หัวเชื้อนํ้ายาทําความสะอาด ขายส่งเคมี", "สระว่ายนํ้า เกษตร งานช่าง กากนํ้าตาล"]
    pdf = shadowed_pdf(tmp_path / "shadow.pdf", lines, {"\u0e49": "\ufffd"}, {"\u0e49": "\ufffd"})
    page = open_document(pdf, use_cache=False).page(1)
    assert page.text.split() == ["หัวเชื้อน้ำยาทำความสะอาด", "ขายส่งเคมีสระว่ายน้ำ", "เกษตร", "งานช่าง", "กากน้ำตาล"]


def test_a_glyph_told_only_by_how_common_its_readings_are_is_a_guess() -> None:
    """ป่า and ป้า are both words: frequency picks one, and the page must say it guessed."""
    from guidelight.thai.fit import vote

    assert not vote([("ป", "าสมศรีเป็นคนที่นี่")], ["่", "้"]).by_words
    assert vote([("นํ", "าท่วมทุ่ง"), ("กากนํ", "าตาล")], ["่", "้"]).by_words


def test_a_lone_nikhahit_is_no_reading_of_a_mark_at_a_names_end() -> None:
    """b18_32's bold names: a thanthakhat its font did not name, at the end of two names the
    dictionary lacks, was read as a nikhahit ("ชินพงศํ", "พีรวิชญํ"): the tokeniser found
    "ชญํ" a shorter misfit than "วิชญ์". A nikhahit is Thai only as a sara am's ring."""
    from guidelight.extract.glyph_shapes import Placement
    from guidelight.extract.unknown_glyphs import candidates_for
    from guidelight.thai.fit import misfit, vote

    marks = candidates_for(Placement.ABOVE, True)
    verdict = vote([("ชินพงศ", ""), ("นายพีรวิชญ", "")], marks)
    assert marks[verdict.best] == "์"
    assert misfit("นํ้าท่วม") < 8  # a sara am's ring drawn before its tone mark is no lone nikhahit


def test_a_bold_mark_is_known_by_its_likeness_to_the_regular_weights_marks() -> None:
    """Another weight draws its marks with other strokes, so only their ink is compared: each
    of Sarabun Bold's and Loma Bold's tone marks is most like its own regular self, and no
    bold mark of either is taken for another (a sara ii is not a sara uee)."""
    from fontTools.ttLib import TTFont

    def silhouettes(path: Path) -> dict[str, Silhouette]:
        font = TTFont(str(path))
        cmap, order, outlines = font.getBestCmap(), font.getGlyphOrder(), FontOutlines(path.read_bytes())
        found = {mark: outlines.silhouette(order.index(cmap[ord(mark)])) for mark in UPPER_MARKS}
        return {mark: silhouette for mark, silhouette in found.items() if silhouette is not None}

    fonts = SARABUN.parent
    for regular, bold in ((fonts / "Sarabun-Regular.ttf", fonts / "Sarabun-Bold.ttf"),
                          (GARUDA.parent / "Loma.ttf", GARUDA.parent / "Loma-Bold.ttf")):
        plain, heavy = silhouettes(regular), silhouettes(bold)
        assert len(plain) == len(heavy) == len(UPPER_MARKS)
        tones = "\u0e48\u0e49\u0e4a\u0e4b"
        known = [(silhouette, mark) for mark, silhouette in plain.items()]
        assert [likeliest(heavy[mark], known, tuple(tones)) for mark in tones] == list(tones)
        assert all(likeliest(heavy[mark], known, tuple(plain)) in (mark, None) for mark in plain)
        # A reading with no known drawing is never ruled out by the others' unlikeness.
        assert likeliest(heavy["\u0e49"], [(plain["\u0e48"], "\u0e48")], ("\u0e48", "\u0e49")) is None


def test_a_bold_mark_the_words_cannot_tell_is_read_by_its_likeness_to_the_regular_ones(tmp_path: Path) -> None:
    """A data-science brief through macOS Quartz (b18_19): Browallia New Bold's shifted mai
    tho, met once, after "อันนี", where นี่ and นี้ are both words. The commoner mai ek was
    chosen, and the heading read "ทำไมเลือกอันนี่"; the regular weight's named mai tho has
    its shape, and the page need not say it guessed."""
    pdf = two_weights_pdf(tmp_path / "w.pdf", SENTENCES, ["ทำไมเลือกอันนี้"], {"\u0e49": "\ufffd"})
    page = open_document(pdf, use_cache=False).page(1)
    assert "ทำไมเลือกอันนี้" in page.text
    assert "glyph_unsure" not in page.quality.repairs


def test_a_tick_drawn_over_a_forms_first_box_is_read_before_its_choice(tmp_path: Path) -> None:
    """A Word form (b18_20) draws its boxes as a private-use code of TH SarabunPSK-Bold, read
    as nothing, and the tick over the first box a little higher: the line started at the
    box, a point before the tick, and "✓" was heard after the last of the choices."""
    placed = [("๑. ประเภทของนวัตกรรมที่เลือกประกวด", 72, 300), ("ฯ", 139, 332), ("นวัตกรรมด้านพลังงาน", 152, 325),
              ("ฯ", 300, 332), ("นวัตกรรมด้านการเกษตร", 313, 325), ("๏", 140, 322)]
    pdf = placed_pdf(tmp_path / "form.pdf", placed, {"ฯ": "\uf031", "๏": "✓"})
    text = open_document(pdf, use_cache=False).page(1).text
    assert text.index("✓") < text.index("นวัตกรรมด้านพลังงาน") and "\uf031" not in text


def test_a_glyph_no_thai_touches_is_not_guessed_as_a_thai_letter(tmp_path: Path) -> None:
    """With no Thai on either side the words have nothing to judge by, and the most common
    letter was read out: "ข้อความ ฆ 100" for ÷, "ฆlvarez" for Álvarez. A Latin letter is kept
    as the file gives it; a glyph nothing names is left out and the page says so."""
    lines = ["สอดคล้องกับ Álvarez และคณะ", "ส่งได้ 50,000 ข้อความ ÷ 100 ข้อความต่อชั่วโมง"]
    pdf = damaged_pdf(tmp_path / "d.pdf", lines, {"÷": "\ufffd"})
    page = open_document(pdf, use_cache=False).page(1)
    assert "สอดคล้องกับ Álvarez และคณะ" in page.text
    between = page.text.split("50,000 ข้อความ")[1].split("100")[0]
    assert not re.search("[\u0e01-\u0e4e]", between)
    assert page.quality.doubtful or "÷" in between


def test_a_sara_am_is_not_given_another_glyphs_decision_under_its_number() -> None:
    """An iOS answer key embeds seven subsets of one font name, each numbering its glyphs
    its own way: glyph 60 is sara am in one and thanthakhat in another. The thanthakhat,
    judged by its words, was remembered under (font, 60), and every ทำ of the other subset
    became ท์ (หน่วยความจ์, 63 times). A sara am in doubt takes only a sara am or sara aa
    decision; anything else, and the words judge it again."""
    from guidelight.extract.lines import PageReader

    resolver = SimpleNamespace(decided={("font", 60, False): "\u0e4c"}, thai_char=lambda *_: None)
    reader = PageReader(SimpleNamespace(), resolver, Counter())  # type: ignore[arg-type]
    char = {"c": "\u0e33", "glyph": ("font", 60), "bbox": (0, 0, 5, 10), "origin": (0, 8)}
    assert reader._checked_sara_am(char) == PLACEHOLDER
    resolver.decided[("font", 60, False)] = "\u0e32"
    assert reader._checked_sara_am(char) == "\u0e32"


def test_subsets_sharing_a_name_keep_their_own_glyph_numbers(tmp_path: Path) -> None:
    """Quartz embeds one font as several subsets under one name, each numbering its glyphs
    afresh, and MuPDF names a glyph's font without its subset tag. A glyph number settled
    in one subset was applied to the same number in another: an iOS answer key read
    "หน้าทีำ", "ฟใงกีชัน" and "ลิสตี". Each subset, told by its descriptor's ascent, is
    judged on its own words."""
    ours = "ที่นี่มีที่ให้นั่งพักผ่อนที่ริมน้ำ"
    theirs = "ข้อมูลที่ต้องใช้"
    pdf = subsets_pdf(tmp_path / "s.pdf", [ours] * 3, [theirs], {"\u0e48": "+", "\u0e49": ":"})
    page = open_document(pdf, use_cache=False).page(1)
    assert page.text.count(ours) == 3
    assert theirs in page.text


def test_a_mark_mapped_to_one_drawn_on_the_other_side_of_the_letters_is_read_as_drawn(tmp_path: Path) -> None:
    """LibreOffice 6 with Loma maps the sara uu glyph to mai ek and a mai ek glyph to sara
    uu: the file's text is "การเลูนเปูายิ้งฉุบ" and "ข้อม่ล", all of it valid Thai, so it was
    trusted. A mark drawn below the letters cannot be a tone mark, nor one drawn above
    them a sara uu: the two glyphs' maps are exchanged."""
    lines = ["กิจกรรมที่โด่งดังคือการเล่นเป่ายิ้งฉุบ", "ไม่มีข้อมูลว่าใครอยู่บริษัทใด", "ข้อมูลดังกล่าวอยู่ในแฟ้มนี้"]
    pdf = damaged_pdf(tmp_path / "d.pdf", lines, {"\u0e48": "\u0e39", "\u0e39": "\u0e48"})
    assert "เลูน" in pymupdf.open(pdf)[0].get_text()  # as the file says
    page = open_document(pdf, use_cache=False).page(1)
    for line in lines:
        assert line in page.text


def test_a_raised_tone_mark_read_as_a_span_of_its_own_is_judged_among_its_line(tmp_path: Path) -> None:
    """Microsoft Print To PDF draws a raised mai tho apart, under a Latin Extended-A code
    ("Ŗ"), and MuPDF reads it as a span of its own: with nothing Thai beside it in its span,
    it was left out (พืนฐาน, เท่านัน). It is judged among the letters of its line."""
    lines = ["คำสั่งทางสถิติพื้นฐาน", "ข้อมูลแบ่งกลุ่มเท่านั้น"]
    pdf = raised_marks_pdf(tmp_path / "r.pdf", lines, {"\u0e49": "\u0156", "\u0e48": "\u0155"})
    assert "\u0156" in pymupdf.open(pdf)[0].get_text()  # as the file says
    page = open_document(pdf, use_cache=False).page(1)
    for line in lines:
        assert line in page.text


def _descendant(doc: pymupdf.Document, xref: int) -> int:
    return int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])


def test_subsets_are_told_apart_when_their_descendants_are_held_apart(tmp_path: Path) -> None:
    """Publisher and PowerPoint hold a composite font's descendant array in an object of
    its own. Its subsets' ascents must still be read, or none can be told apart."""
    pdf = subsets_pdf(tmp_path / "s.pdf", ["ที่นี่"], ["พี่น้อง"], {})
    doc = pymupdf.open(pdf)
    for xref, *_ in doc[0].get_fonts():
        held = doc.get_new_xref()
        doc.update_object(held, f"[{_descendant(doc, xref)} 0 R]")
        doc.xref_set_key(xref, "DescendantFonts", f"{held} 0 R")
    assert len(GlyphResolver(doc).subset_names(doc[0])) == 2


def test_no_subset_is_bound_when_a_namesake_has_no_metrics_to_read(tmp_path: Path) -> None:
    """Publisher's bold น้ำ was read in the one bold subset whose ascent could be read,
    though it was drawn in another that has the same: its mai tho was looked up in a font
    without it ("สีนำเงิน"). A span of an unmeasured subset could be any of the name's."""
    pdf = subsets_pdf(tmp_path / "s.pdf", ["ที่นี่"], ["พี่น้อง"], {})
    doc = pymupdf.open(pdf)
    first = doc[0].get_fonts()[0][0]
    descriptor = int(doc.xref_get_key(_descendant(doc, first), "FontDescriptor")[1].split()[0])
    doc.xref_set_key(descriptor, "Ascent", "null")
    assert GlyphResolver(doc).subset_names(doc[0]) == {}


def test_a_tone_mark_the_map_calls_a_space_with_its_sara_ams_nikhahit_is_kept(tmp_path: Path) -> None:
    """Publisher 2016 draws a bold น้ำ as น, a mai tho and a nikhahit both mapped to a space,
    and a sara aa; MuPDF keeps one of the two spaces, and the tone mark was lost
    ("สีนำเงิน"). The font's own cmap names both glyphs."""
    lines = ["สีน\u0e49\u0e4dาเงิน", "ส\u0e4dาหรับทุกคน"]
    pdf = ranged_map_pdf(tmp_path / "p.pdf", lines, {"\u0e49": " ", "\u0e4d": " "})
    assert "น\u0e49" not in pymupdf.open(pdf)[0].get_text()  # as the file says
    text = open_document(pdf, use_cache=False).page(1).text
    assert "สีน้ำเงิน" in text and "สำหรับทุกคน" in text


def test_what_the_page_drew_under_a_name_teaches_shapes_only_when_it_is_one_numbering(tmp_path: Path) -> None:
    """Quartz subsets one font many times over under one name, and the trace does not say
    which subset drew a glyph: an iOS form learned ก as glyph 2 and as glyph 17, and its
    shifted mai ek was matched by shape with a glyph another subset drew as "เ" (สเวน)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(GARUDA))
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    gid = {chr(code): order.index(cmap[code]) for code in (0x0E01, 0x0E02, 0x0E40, 0x0E48, 0xF70A)}
    doc = pymupdf.open(damaged_pdf(tmp_path / "d.pdf", ["ที่นี่"], {}))
    name = doc[0].get_fonts()[0][3]

    def shifted_mai_ek_after(*learned: tuple[str, str]) -> str | None:
        resolver = GlyphResolver(doc)
        for drawn, said in learned:
            resolver.learn(name, gid[drawn], said)
        return resolver.by_shape(name, gid["\uf70a"], True)

    assert shifted_mai_ek_after(("\u0e48", "\u0e48"), ("ก", "ก")) == "\u0e48"
    assert shifted_mai_ek_after(("\u0e48", "\u0e48"), ("ก", "ก"), ("ข", "ก")) is None  # two numberings
    assert shifted_mai_ek_after(("\u0e48", "เ")) is None  # a mark's glyph is no letter's


@needs_tesseract
def test_a_font_naming_its_glyphs_by_index_alone_is_read_from_its_drawing(tmp_path: Path) -> None:
    """The Windows PostScript driver sends a TrueType font as Type 1 with glyphs named by
    their index alone ("G33" for P), and Distiller keeps no ToUnicode: MuPDF reads the index
    as the character. A PCB manual read "3ULQWHG &LUFXLW %RDUG", its Thai as box-drawing
    signs, heard as it was. Such a font says nothing of its text: the page is read by OCR,
    and says so. Its name, longer than MuPDF keeps, is cut short in the page's spans."""
    made = pymupdf.open()
    page = made.new_page(width=595, height=842)
    for y in range(100, 400, 30):
        index_named_text(page, (72, y), "Printed Circuit Board is the base of every electronic circuit")
    made.save(tmp_path / "pscript.pdf")
    assert "3ULQWHG" in pymupdf.open(tmp_path / "pscript.pdf")[0].get_text()
    read = open_document(tmp_path / "pscript.pdf", use_cache=False).page(1)
    assert read.source is TextSource.OCR and read.quality.doubtful
    assert "Printed Circuit Board" in read.text and "3ULQWHG" not in read.text


def test_a_consonant_with_no_identity_after_sara_am_is_kept(tmp_path: Path) -> None:
    """Quartz re-saving a LaTeX deck gives ส the code ÿ. After a whole sara am, an unknown
    glyph was taken for the am's other half and dropped: คำสาป was heard "คำ าป". A glyph
    before sara aa is a consonant; the words say which."""
    lines = ["คำสาปของแม่มด สวัสดีสมาชิก", "ตรวจสอบสินค้า สมการสองตัวแปร"]
    pdf = damaged_pdf(tmp_path / "d.pdf", lines, {"\u0e2a": "\u00ff"})
    text = _text(pdf)
    assert "คำสาป" in text and "สวัสดีสมาชิก" in text and "สมการสอง" in text
    assert "\u00ff" not in text


def test_what_fonttools_thinks_of_a_damaged_font_stays_off_the_terminal(caplog: pytest.LogCaptureFixture) -> None:
    """A fuzzed Excel export's embedded font printed "skipping malformed name record #N"
    55,766 times on stderr during a successful extract: fontTools logs such damage as errors."""
    import io
    import struct

    from fontTools.ttLib import TTFont

    import guidelight.extract.glyph_shapes  # noqa: F401  (it quiets fontTools)
    from guidelight.core.fonts import REGULAR

    font = TTFont(REGULAR)
    font["name"].names = font["name"].names[:3]
    buffer = io.BytesIO()
    font.save(buffer)
    data = bytearray(buffer.getvalue())
    offset = next(struct.unpack(">I", data[12 + 16 * k + 8 : 12 + 16 * k + 12])[0]
                  for k in range(struct.unpack(">H", data[4:6])[0]) if data[12 + 16 * k : 16 + 16 * k] == b"name")
    data[offset + 2 : offset + 4] = struct.pack(">H", 50)  # 50 records where 3 are: the rest are malformed
    damaged = TTFont(io.BytesIO(bytes(data)))
    assert len(damaged["name"].names) <= 3
    assert not [record for record in caplog.records if record.name.startswith("fontTools")]


def test_an_empty_box_is_told_from_a_ticked_or_filled_one_by_its_ink() -> None:
    """A ballot box's picture: ink all round its edge and none inside. A box with a tick
    drawn in it, a filled square, a bar or a ring of other proportions is not one."""
    def ink(width: int, height: int, inked: Callable[[int, int], bool]) -> list[list[bool]]:
        return [[inked(x, y) for x in range(width)] for y in range(height)]

    def edge(x: int, y: int, size: int = 40) -> bool:
        return min(x, y) < 2 or max(x, y) > size - 3

    def of(rows: list[list[bool]]) -> Silhouette:
        silhouette = Silhouette.of_ink(rows)
        assert silhouette is not None
        return silhouette

    assert of(ink(40, 40, edge)).empty_box()
    assert of(ink(44, 40, lambda x, y: x > 1 and edge(x - 2, y))).empty_box()  # a margin of no ink is cropped
    assert not of(ink(40, 40, lambda x, y: edge(x, y) or abs(x - y) < 2)).empty_box()  # a tick or cross in it
    assert not of(ink(40, 40, lambda x, y: True)).empty_box()
    assert not of(ink(120, 20, lambda x, y: min(x, y) < 2 or x > 117 or y > 17)).empty_box()  # a long frame
    assert Silhouette.of_ink(ink(10, 10, lambda x, y: False)) is None
