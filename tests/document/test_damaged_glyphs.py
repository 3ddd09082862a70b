"""Issue 16: glyphs whose ToUnicode is missing or lies, and text printed several times over.

Each PDF is Garuda with its names, Thai cmap and GSUB stripped (``damaged_fonts``), so
nothing in the font says what the damaged glyph is: only its drawing and its words can.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pymupdf
import pytest

from guidelight.core.model import TextSource
from guidelight.extract.glyph_shapes import FontOutlines, Placement
from guidelight.extract.pdf import open_document
from guidelight.extract.unknown_glyphs import PLACEHOLDER, Unknown, candidates_for, settle
from guidelight.thai.repair import place_late_tones, repair_text
from tests.document.damaged_fonts import GARUDA, damaged_pdf

from .conftest import write_pdf

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


@pytest.mark.parametrize(
    "stand_in",
    ["\ufffd", "\u00c9", "\u0155", "\ue000", "\x07"],
    ids=["replacement", "latin1", "latin-ext-a", "private-use", "control"],
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


def test_words_decide_with_a_tie_broken_by_how_common_they_are() -> None:
    """ครั่ง (lac) and ครั้ง (time) are both words; a course document means ครั้ง."""
    from guidelight.extract.lines import Line

    lines = [Line(f"ทายได้ 7 ครั{PLACEHOLDER}ง สรุปผล", 0, 0, 100, 10, 8, 10, False, 0)]
    unknown = Unknown(("f", 1, True), candidates_for(Placement.ABOVE, True), claimed=False)
    repairs: Counter[str] = Counter()

    resolver = SimpleNamespace(decided={})
    settled = settle(lines, [unknown], resolver, repairs)  # type: ignore[arg-type]
    assert settled[0].text == "ทายได้ 7 ครั้ง สรุปผล"
    assert resolver.decided[("f", 1, True)] == "\u0e49"


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


def test_a_form_repeating_short_lines_is_not_doubled(tmp_path: Path) -> None:
    font = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "Sarabun-Regular.ttf"
    lines = [("ลงชื่อ ........................................ ผู้ขอ", 60, 100 + 40 * n, 12, font) for n in range(3)]
    page = open_document(write_pdf(tmp_path / "form.pdf", [lines]), use_cache=False).page(1)
    assert page.text.count("ลงชื่อ") == 3
    assert not page.quality.notices
