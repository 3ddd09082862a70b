"""Empty ActualText over drawn glyphs (``extract.actual_text``).

The fixture is Chromium 156's print of two lines in Noto Sans Thai, re-saved by
``pdftocairo -pdf`` (poppler 22.12, cairo 1.16), as Firefox and GNOME's "Print to File"
write PDFs: every glyph cairo had no text for is wrapped in an ActualText of nothing.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.extract.pdf import open_document

CAIRO = Path(__file__).parent / "data" / "cairo-notosansthai-empty-actualtext.pdf"
# <p>น้ำท่วมทุ่ง ผักบุ้งโหรงเหรง ป้าสมศรีเป็นคนที่นี่</p><p>ปุ๋ยเคมีจากแปลงเกษตร เด็กหญิงฐุติมาไปโรงเรียน</p>


def test_the_damage_is_real() -> None:
    raw = pymupdf.open(CAIRO)[0].get_text()
    assert "เปน" in raw and "ทีนี" in raw and "ญิงุ" in raw


def test_glyphs_under_an_empty_actual_text_are_read_and_the_page_says_so() -> None:
    """Before, the marks and a letter were silently dropped and the page passed as sound.
    Cairo's own map is wrong for some of those glyphs, so some come back wrong: the page
    is then flagged, never passed as sound."""
    page = open_document(CAIRO, use_cache=False).page(1)
    text = "".join(page.text.split())
    for right in ("ผักบุ้งโหรงเหรง", "เป็นคนที่นี่", "เคมีจากแปลงเกษตร", "เด็กหญิง"):
        assert right in text
    assert len(text) == len("น้ำท่วมทุ่งผักบุ้งโหรงเหรงป้าสมศรีเป็นคนที่นี่ปุ๋ยเคมีจากแปลงเกษตรเด็กหญิงฐุติมาไปโรงเรียน")
    assert page.quality.doubtful


def test_the_file_itself_is_never_changed() -> None:
    before = CAIRO.read_bytes()
    open_document(CAIRO, use_cache=False).page(1)
    assert CAIRO.read_bytes() == before
