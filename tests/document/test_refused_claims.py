"""Issue 16 item 2: a ToUnicode that names a few glyphs as the wrong Thai letters.

LibreOffice 6 with Garuda (review 15, b15_05 and b15_06) names the glyph of จ sara am, the
ring of a sara am drawn in two parts mai tho, and sara uu mai ek, while naming every other
glyph rightly: "ำะได้ล้าดับ" for จะได้ลำดับ, "ข้อม่ล" for ข้อมูล. Every character is Thai, so
`check` called such pages clean. Where the claims stand (a sara am after a vowel, two tone
marks on one letter) gives the glyphs away, and their words tell what they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guidelight.extract.pdf import open_document
from guidelight.extract.refused_claims import refused_claims
from guidelight.thai.spelling import forbidden
from tests.document.damaged_fonts import GARUDA, kerned_marks_pdf

LINES = [
    "คลองเส้นหนึ่งมีเกาะกลางน้ำจำนวนมากมาย เมื่อวัดระดับความสูง",
    "ของดินกลางลำคลองโดยพิจารณาอ้างอิงกับระดับน้ำ",
    "จะได้ลำดับความยาวของจำนวนเต็มที่มีค่าเป็นบวก",
    "ในข้อนี้จะไม่มีความสูงเท่ากับศูนย์ นอกจากนั้นตัวแรกจะมีค่าเป็นลบอยู่เสมอ",
    "ข้อมูลนำเข้า บรรทัดแรกระบุจำนวนเต็มสองจำนวน ข้อมูลอยู่หน้าถัดไป",
]
# LibreOffice's names for three Garuda glyphs: จ, the ring of a sara am, sara uu.
LIBREOFFICE = {"\u0e08": "\u0e33", "\u0e4d": "\u0e49", "\u0e39": "\u0e48"}


def _as_drawn(text: str) -> str:
    """``text`` in the order LibreOffice draws Garuda's glyphs: sara am as its ring and sara
    aa, a tone mark between them (น ring mai-tho aa), a tone mark before sara uu."""
    text = re.sub("([\u0e48-\u0e4b])\u0e33", "\u0e4d\\1\u0e32", text)
    return re.sub("\u0e39([\u0e48-\u0e4b])", "\\1\u0e39", text.replace("\u0e33", "\u0e4d\u0e32"))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not GARUDA.exists(), reason="needs fonts-thai-tlwg (install.sh installs it)")
def test_letters_the_map_names_wrongly_are_read_as_printed(tmp_path: Path) -> None:
    pdf = kerned_marks_pdf(tmp_path / "lo.pdf", [_as_drawn(line) for line in LINES], LIBREOFFICE)
    page = open_document(pdf, use_cache=False).page(1)
    assert _squeezed(page.text) == _squeezed("".join(LINES))
    # Each of the three glyphs was chosen by the words of all its places (น้ำ, not น้้า),
    # clearly enough that the page need not be flagged; the repairs say what was done.
    assert dict(page.quality.repairs)["glyph_by_words"] >= 20 and not page.quality.doubtful


@pytest.mark.skipif(not GARUDA.exists(), reason="needs fonts-thai-tlwg (install.sh installs it)")
def test_the_same_page_named_rightly_is_read_as_it_is_and_not_flagged(tmp_path: Path) -> None:
    pdf = kerned_marks_pdf(tmp_path / "right.pdf", [_as_drawn(line) for line in LINES], {})
    page = open_document(pdf, use_cache=False).page(1)
    assert _squeezed(page.text) == _squeezed("".join(LINES))
    assert not page.quality.doubtful


def test_spelling_forbids_what_no_producer_draws() -> None:
    assert forbidden("ำะได้") == [0]  # a line beginning with sara am
    assert forbidden("พิำารณา") == [2]  # sara am after a vowel
    assert forbidden("อย่่เช่น") == [2, 3]  # two tone marks on one letter: both in doubt
    assert forbidden("ของำ้านวน") == [3, 4]  # sara am after a vowel, and the tone mark after it


@pytest.mark.parametrize("text", ["น้ำจำนวนมาก", "ต่่าสุด", "ท ำงาน", "น ้า", "ก่ี", "นํ้า", "บทน\ufffdำ", "เเละ"])
def test_spelling_lets_drawing_habits_other_repairs_undo_pass(text: str) -> None:
    """Distiller's ring named after its tone mark before sara aa, Word's space in ทำ and น้ำ,
    a tone mark before its vowel, a ring before its tone mark, InDesign's U+FFFD, and แ typed
    as two sara e are not misspellings to blame a glyph for."""
    assert forbidden(text) == []


def _chars(text: str, glyphs: list[int]) -> list[dict]:
    return [{"c": c, "glyph": ("F", g)} for c, g in zip(text, glyphs, strict=True)]


def test_a_glyph_is_refused_only_where_it_stands_wrongly_often() -> None:
    """Glyph 2 (mai ek) stands doubled beside glyph 9 (sara uu named mai ek) in two of its
    nine places: a real mark. Glyph 9 stands doubled in both of its two: refused."""
    lines = [
        _chars("อย่่เช่น", [1, 3, 2, 9, 4, 5, 2, 6]),
        _chars("อย่่หน้า", [1, 3, 2, 9, 7, 6, 8, 10]),
        *(_chars("ว่า", [11, 2, 10]) for _ in range(6)),
    ]
    assert refused_claims(lines, lambda ch: ch["glyph"]) == {"\u0e48": {("F", 9)}}


def test_a_tone_mark_always_before_sara_aa_is_a_rings_glyph() -> None:
    """On a page whose spelling refuses something (glyph 9, จ named sara am, beginning a
    line), a glyph named mai tho standing before sara aa in all of eight places is a ring;
    in seven, or once elsewhere, it may be mai tho (ท้า, ข้าง, ได้). Mai tho's own glyph 5 is
    not one."""
    refused = [_chars("ำะได้", [9, 8, 3, 4, 5])] * 2
    ring = [_chars("ท้า", [1, 7, 2]) for _ in range(8)]
    assert refused_claims([*refused, *ring], lambda ch: ch["glyph"]) == {"\u0e33": {("F", 9)}, "\u0e49": {("F", 7)}}
    assert refused_claims([*refused, *ring[:7]], lambda ch: ch["glyph"]) == {"\u0e33": {("F", 9)}}
    assert refused_claims([*refused, *ring, _chars("ท้ง", [1, 7, 6])], lambda ch: ch["glyph"]) == {"\u0e33": {("F", 9)}}
    assert refused_claims(ring, lambda ch: ch["glyph"]) == {}  # spelling refuses nothing: not asked
