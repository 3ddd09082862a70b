"""A page whose text layer holds far more than it draws (Canva's copies of the rest of a
line under each cluster) is read once, from what it draws, and says it left text out."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pymupdf

from guidelight.extract.lines import Line
from guidelight.extract.overprint import drop_repeated_text
from guidelight.extract.pdf import open_document

from .conftest import SARABUN

LINES = ["กล่องข้อความ ส่งประวัติในการสมัครงาน", "เครื่องมือสำรวจเงินเดือน บันทึกงานที่สนใจ"]


def _canva_like(path: Path) -> Path:
    """Each glyph wrapped in an ActualText of the rest of its line, as Canva writes them:
    MuPDF's reading then holds every line many times over, the copies taking no room."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=300)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    for n, text in enumerate(LINES):
        page.insert_text((40, 60 + 40 * n), text, fontname="s", fontsize=16)
    xref = page.get_contents()[0]
    texts = iter(LINES)

    def wrapped(match: re.Match[str]) -> str:
        text = next(texts)
        glyphs = re.findall("[0-9a-f]{4}", match.group(1))
        assert len(glyphs) == len(text)  # not shaped: one glyph a character
        return "".join(
            f"/Span <</ActualText <feff{text[k:].encode('utf-16-be').hex()}>>> BDC [<{glyph}>]TJ EMC "
            for k, glyph in enumerate(glyphs)
        )

    stream = re.sub(r"\[<([0-9a-f]+)>\]TJ", wrapped, doc.xref_stream(xref).decode())
    doc.update_stream(xref, stream.encode())
    doc.save(path)
    return path


def test_text_copied_under_every_cluster_is_read_once(tmp_path: Path) -> None:
    pdf = _canva_like(tmp_path / "canva.pdf")
    raw = pymupdf.open(pdf)[0].get_text()
    assert raw.count("ข้อความ") > 3  # the damage is real: the reading holds it many times
    page = open_document(pdf, use_cache=False).page(1)
    assert "".join(page.text.split()) == "".join("".join(LINES).split())  # each letter once, in order
    assert dict(page.quality.repairs)["doubled_text"] > 100
    assert page.quality.doubtful  # and the page says it left repeated text out


def test_a_mark_the_trace_cannot_name_stays_on_the_letter_drawn_before_it() -> None:
    """Canva's shifted tone marks come as U+FFFD in the trace, drawn with no advance where the
    next letter starts: placed by where they stand, ใช้งาน read ใชงีาน once the words chose."""
    from guidelight.extract.ghost_text import _lines

    span = {"size": 10.0, "font": "OpunMai-400"}

    def glyph(code: int, x: float, width: float, y: float = 50.0) -> tuple:
        return (code, 0, (x, y), (x, y - 10, x + width, y + 2))

    drawn = [glyph(ord("ใ"), 100.0, 3.2), glyph(ord("ช"), 103.2, 4.2), glyph(0xFFFD, 107.4, 0.0, 50.3),
             glyph(ord("ง"), 107.4, 4.9), glyph(ord("า"), 112.3, 3.9), glyph(ord("น"), 116.2, 5.0)]
    (line,) = list(_lines([(span, g) for g in drawn]))
    assert "".join(chr(g[0]) for _, g in line) == "ใช\ufffdงาน"


def test_cells_of_a_row_that_say_the_same_are_all_kept() -> None:
    """A semester calendar prints its last row as one line, three cells each saying
    "(โดยต้องผ่านความเห็นชอบจากอาจารย์ผู้สอน)"; the second and third were dropped as repeats
    of the first, and two semesters lost their condition. Pieces of one line that touch,
    the second repeating the first (Canva), are still read once."""
    said = "(โดยต้องผ่านความเห็นชอบจากอาจารย์ผู้สอน)"
    cells = [Line(said, x, 523, x + 115, 534, 532, 9.0, False, 14) for x in (384.0, 512.0, 637.0)]
    repairs: Counter[str] = Counter()
    assert [line.text for line in drop_repeated_text(cells, repairs)] == [said] * 3 and not repairs
    touching = [Line(said, 100, 523, 215, 534, 532, 9.0, False, 14), Line(said, 215.5, 523, 330, 534, 532, 9.0, False, 14)]
    assert [line.text for line in drop_repeated_text(touching, Counter())] == [said]
