"""Latin fonts scaled to the Thai beside them: the size a Latin run would have in Thai.

A Thai font's letters are small for its size, so writers set it larger than the Latin font
it shares lines with, and the two look one size: XeLaTeX's fontspec ``Scale`` put
THSarabunNew at 14.3 pt beside Palatino at 9.9 pt, and Word gives complex script a size
of its own (Angsana 16 beside Times 12). A line's size is the size most of its characters
are set in, so a line led or filled by Latin words seemed a size smaller than the Thai
around it: a LaTeX textbook's paragraphs broke at every line that began with a Latin word,
28 times, and its Thai lines read as headings over them. Measured on the page's own lines
that set both scripts side by side, each Latin font's sizes are read in Thai's terms.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict

import pymupdf

_THAI = re.compile("[\u0e01-\u0e5b\uf700-\uf71f\ufffd]")  # Thai, its legacy shifted marks, an unread glyph
# A font that sets words (of four letters or more) somewhere on the page is a text font:
# a formula's fonts set letters one or three at a time ("a", "n", "sin"), and the size they
# are set in parts a LaTeX textbook's display equations, and its exercises' items "(c)",
# "(d)", from the prose around them.
_WORD = re.compile("[A-Za-z]{4}")
# Its runs with letters are read at Thai's size ("2021 ed., 2021.", a reference's last line);
# a number alone ("7" at a chapter's foot) keeps its own, its distance from the text above
# measured by its own height.
_LETTER = re.compile("[A-Za-z]")
_LINES = 2  # lines that set a font beside Thai before its scale is trusted (a Quarto book's page has two)
_SCALED = 1.15  # a ratio of sizes this far from 1 is the fonts' scale, not emphasis
_AGREE = 0.1  # ratios within this share of their median are one scale


def latin_scales(lines: list[list[dict]]) -> dict[str, float]:
    """Per text font that sets no Thai in ``lines`` (a page's, each its rawdict spans), the
    factor that brings its size to the size of the Thai it is set beside, where most of
    the lines that mix them agree on one factor well away from 1. A font in Thai's own
    size, or set beside Thai too seldom to tell, is left out, and so is code's: a Python
    course's slides set their listings in Source Code Pro at 9 pt among 14-pt Thai, and
    read at Thai's size each listing ran into the prose about it."""
    thai_fonts = {span["font"] for spans in lines for span in spans if _THAI.search(_text(span))}
    text_fonts = {span["font"] for spans in lines for span in spans
                  if not span["flags"] & pymupdf.TEXT_FONT_MONOSPACED and _WORD.search(_text(span))} - thai_fonts
    ratios: dict[str, list[float]] = defaultdict(list)
    for spans in lines:
        thai = Counter[float]()
        for span in spans:
            if _THAI.search(_text(span)):
                thai[round(span["size"], 1)] += len(span["chars"])
        if not thai:
            continue
        thai_size = thai.most_common(1)[0][0]
        latin = {span["font"]: span["size"] for span in spans
                 if span["font"] in text_fonts and span["size"] > 0 and _LETTER.search(_text(span))}
        for font, size in latin.items():
            ratios[font].append(thai_size / size)
    return {font: scale for font, found in ratios.items() if (scale := _agreed(found)) is not None}


def scales_in(block: dict, scales: dict[str, float]) -> dict[str, float]:
    """The ``scales`` that hold in a rawdict ``block``: none where it sets no Thai. A
    reference list in Latin, a page number, a formula set apart keep their own sizes, and
    their lines theirs: "(1987), 149–166.", a reference's last line, has no letter to be
    read at Thai's size by, and its first line ("[Fre87] Peter Freyd, ...") must not be."""
    thai = any(_THAI.search(_text(span)) for line in block.get("lines", ()) for span in line["spans"])
    return scales if thai else {}


def size_beside_thai(span: dict, scales: dict[str, float]) -> float:
    """The size of a rawdict ``span`` in Thai's terms (``scales``: ``latin_scales``)."""
    scale = scales.get(span["font"])
    return span["size"] * scale if scale is not None and _LETTER.search(_text(span)) else span["size"]


def _agreed(ratios: list[float]) -> float | None:
    """The scale most of a font's lines agree on, if they are enough and it is one."""
    if len(ratios) < _LINES:
        return None
    middle = statistics.median(ratios)
    agreeing = sum(abs(ratio - middle) <= _AGREE * middle for ratio in ratios)
    scaled = middle >= _SCALED or middle * _SCALED <= 1
    return middle if scaled and 3 * agreeing >= 2 * len(ratios) else None


def _text(span: dict) -> str:
    return "".join(char["c"] for char in span["chars"])
