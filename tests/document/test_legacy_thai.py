"""Thai set in an 8-bit TIS-620 font with no ToUnicode (old thailatex with Norasi): read from
the text layer as Thai, not dropped as unreadable glyphs and read by OCR.

The fixture is pages 1 and 6 of the Thai "Not So Short Introduction to LaTeX2e" (lshort-thai,
public domain, from Debian's texlive-lang-other), fonts embedded as the PDF has them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pymupdf
import pytest

from guidelight.core.model import TextSource
from guidelight.extract.pdf import open_document
from guidelight.thai.legacy import reads_as_tis620, tis620_text
from guidelight.thai.quality import noise_count

LSHORT = Path(__file__).parent / "data" / "lshort-thai-tis620.pdf"


def test_tis620_text_read_as_latin1_is_told_from_latin_text() -> None:
    latin1 = "¶éÒ¤Ø³ÁÕ¤ÇÒÁ¤Ô´àËç¹·Õ\x8b¨ÐãÊèºÒ§ÍÂèÒ§"
    assert tis620_text(latin1).startswith("ถ้าคุณมีความคิดเห็นที")
    assert reads_as_tis620(latin1) is True
    assert reads_as_tis620("Département de Génie Électrique à Zürich, où les étudiants") is None  # too little
    assert reads_as_tis620("Universität für Bodenkultur Wien, Größe, Übermäßig, schön, naïve, résumé " * 20) is False
    assert reads_as_tis620("ภาษาไทย") is False  # Unicode Thai already


def _under_winansi(out: Path) -> Path:
    """The fixture with its Thai fonts under /WinAnsiEncoding: their codes then reach us as
    Latin-1 letters (and Windows-1252 signs for the shifted marks), not as U+FFFD."""
    doc = pymupdf.open(LSHORT)
    for page in doc:
        for xref, *_, name, _ref, _ in page.get_fonts():
            if "Norasi" in name:
                doc.xref_set_key(xref, "Encoding", "/WinAnsiEncoding")
    doc.save(out)
    return out


@pytest.mark.parametrize("encoding", ["none (U+FFFD)", "WinAnsi (Latin-1)"])
def test_a_tis620_font_without_tounicode_reads_as_thai_from_its_text_layer(encoding: str, tmp_path: Path) -> None:
    pdf = LSHORT if encoding.startswith("none") else _under_winansi(tmp_path / "winansi.pdf")
    pages = list(open_document(pdf, use_cache=False).pages())
    assert all(page.source in (TextSource.TEXT_LAYER, TextSource.REPAIRED) for page in pages)  # not OCR
    title, body = pages[0].text, pages[1].text
    for phrase in ("บทแนะนำ", "ฉบับไม่ค่อยย่อ", "หรือ LATEX2ε", "แปลโดย จักรภาษณ์ วิศวกุล", "๒๑ มกราคม ๒๕๔๕"):
        assert phrase in title
    # Shifted marks (codes 0x80-0x9F, outside TIS-620) are named from their drawing.
    for phrase in ("ถ้าคุณมีความคิดเห็นที่จะใส่บางอย่างเพิ่มเติมลงไป", "ช่วยกรุณาแจ้งให้ผู้เขียนทราบด้วย",
                   "เกี่ยวกับอะไรที่ง่ายต่อความเข้าใจ"):
        assert phrase in body
    for page in pages:
        assert "\ufffd" not in page.text and not re.search("[\u0080-\u00ff]", page.text)
        assert noise_count(page.text) == 0
        repairs = Counter(dict(page.quality.repairs))
        assert repairs["tis620"] > 50 and not repairs["unreadable_glyph"]
    assert "Tobias Oetiker" in body  # the Latin fonts of the page are untouched


def test_glyphs_named_in_camel_case_unicode_names_are_thai() -> None:
    """Old Thai fonts name their glyphs by Unicode name in CamelCase, the shifted forms with
    their placement after it: each is the character itself, named by the font."""
    from guidelight.extract.glyphs import _char_from_name

    assert [_char_from_name(n) for n in ("ThaiCharacterKoKai", "ThaiCharacterMaiThoLowLeft",
                                         "ThaiCharacterMaiHan_akatLeft", "ThaiCharacterYoYingDescless",
                                         "ThaiDigitZero")] == ["ก", "้", "ั", "ญ", "๐"]
    assert _char_from_name("ThaiCharacterBogus") is None and _char_from_name("FL0127") is None
    repairs = Counter(dict(list(open_document(LSHORT, use_cache=False).pages())[1].quality.repairs))
    assert repairs["glyph"] > 10 and not repairs["glyph_by_words"]  # the shifted marks, by the font's names
