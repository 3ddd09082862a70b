"""Text lines of a PDF page with each character's true identity restored.

MuPDF's raw dictionary gives lines of characters with their boxes. Characters whose
ToUnicode is missing or wrong are put right here from the glyph itself (through the
page's text trace, which knows each glyph id, and ``GlyphResolver``), and word spaces
are decided from the gaps between glyphs rather than from the spaces a producer wrote.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import pymupdf

from guidelight.extract.glyphs import GlyphResolver, font_key, is_thai
from guidelight.thai.repair import COMBINING

# Whitespace kept as written, ligatures kept as characters, and no glyph id passed off
# as a character (that is how ``่`` becomes ``-``). Not clipped to the page: a line that
# starts on the page and overflows its edge is still the author's text; lines wholly
# outside the page are dropped in ``lines()``.
RAW_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES

SARA_AA = "\u0e32"
NIKHAHIT = "\u0e4d"
BOLD_FLAG = 16


@dataclass(frozen=True)
class Line:
    """One visual line: its text and where and how it is set on the page."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    baseline: float
    size: float
    bold: bool
    block: int
    ends_with_space: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def text_rect(page: pymupdf.Page) -> pymupdf.Rect:
    """The page as its text is placed: unrotated. A landscape page stored as a rotated
    portrait one has its text beyond ``page.rect``'s height, yet on the page."""
    return page.rect * page.derotation_matrix


def _suspicious(char: str) -> bool:
    """A character whose ToUnicode is not to be trusted when it sits in Thai."""
    code = ord(char)
    return (
        code == 0xFFFD
        or 0xE000 <= code <= 0xF8FF
        or 0x80 <= code <= 0xFF
        or unicodedata.category(char) == "Cc"
    )


# Symbol fonts (Wingdings, Symbol) are encoded in U+F020-U+F0FF; the few shapes course
# forms use (boxes, ticks, bullets) get their Unicode twins, the rest are decoration.
_SYMBOL_FONT_CHARS: dict[str, dict[int, str]] = {
    "wingdings2": {0x4F: "✗", 0x50: "✓", 0x51: "✗", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "☐", 0x99: "•"},
    "wingdings": {
        0x6E: "■", 0x6F: "☐", 0x70: "☐", 0x71: "☐", 0x72: "☐", 0x75: "◆", 0x76: "◆", 0x77: "◆",
        0x9F: "•", 0xA7: "▪", 0xA8: "☐", 0xD8: "➢", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
    },
    "symbol": {0xB7: "•", 0x2D: "−", 0xAE: "→", 0xB4: "×", 0xB8: "÷", 0xB3: "≥", 0xA3: "≤"},
}


def symbol_font_char(font: str, char: str) -> str | None:
    """The Unicode twin of a symbol-font code; '' for pure decoration; None if not one."""
    code = ord(char)
    if not 0xF020 <= code <= 0xF0FF:
        return None
    name = font_key(font)
    for family, table in _SYMBOL_FONT_CHARS.items():
        if name.startswith(family):
            return table.get(code - 0xF000, "")
    return ""


class _TraceIndex:
    """Glyph id and font of each character, found by its origin and code on the page.

    The code is part of the key because a zero-advance mark shares its origin with
    the character that follows it.
    """

    def __init__(self, page: pymupdf.Page) -> None:
        self._by_origin: dict[tuple[float, float, int], tuple[str, int]] = {}
        for span in page.get_texttrace():
            font = span["font"]
            for code, gid, origin, _bbox in span["chars"]:
                self._by_origin[(round(origin[0], 2), round(origin[1], 2), code)] = (font, gid)

    def glyph(self, origin: tuple[float, float], char: str) -> tuple[str, int] | None:
        return self._by_origin.get((round(origin[0], 2), round(origin[1], 2), ord(char)))


class PageReader:
    """Reads the lines of one page, repairing characters from the glyphs where needed."""

    def __init__(self, page: pymupdf.Page, resolver: GlyphResolver, repairs: Counter[str]) -> None:
        self.page = page
        self.resolver = resolver
        self.repairs = repairs
        self._trace: _TraceIndex | None = None
        # Text of lines left out of the reading: wholly outside the page, or written
        # vertically. Nothing is dropped silently: the page says so, and the app tells.
        self.dropped: list[str] = []

    def _true_char(self, chars: list[dict], i: int, font: str) -> str:
        """The character glyph ``chars[i]`` really is, when its own code looks wrong in Thai
        context (a Latin-1 letter counts as wrong only beside Thai)."""
        char = chars[i]
        c = char["c"]
        symbol = symbol_font_char(font, c)
        if symbol is not None:
            self.repairs["symbol"] += 1
            return symbol
        if not _suspicious(c):
            return c
        if 0x80 <= ord(c) <= 0xFF and not any(is_thai(ch["c"]) for ch in chars[max(0, i - 2) : i + 3]):
            return c
        if self._trace is None:
            self._trace = _TraceIndex(self.page)
        found = self._trace.glyph(char["origin"], c)
        if found is None:
            return c
        recovered = self.resolver.thai_char(*found)
        if recovered and recovered != c:
            self.repairs["glyph"] += 1
            return recovered
        return c

    def _span_text(self, chars: list[dict], size: float, font: str) -> str:
        """Characters of a span with spaces decided from the gaps between glyphs."""
        out: list[str] = []
        right_edge: float | None = None
        for i, char in enumerate(chars):
            c = self._true_char(chars, i, font)
            if not c:
                continue
            x0, x1 = char["bbox"][0], char["bbox"][2]
            if c.isspace():
                if x1 - x0 <= 0.01 and i + 1 < len(chars) and chars[i + 1]["c"] == SARA_AA:
                    # A zero-width "space" before sara aa is the nikhahit of a sara am
                    # whose ToUnicode says space (Word with Angsana/Cordia fonts).
                    self.repairs["sara_am_glyph"] += 1
                    out.append(NIKHAHIT)
                    continue
                if not out or not out[-1].isspace():
                    out.append(" ")
                continue
            if right_edge is not None and x0 - right_edge > 0.25 * size and out and not out[-1].isspace():
                out.append(" ")  # a word gap the producer drew with positioning, not a space
            out.append(c)
            if x1 > x0:
                right_edge = x1 if right_edge is None else max(right_edge, x1)
            elif c not in COMBINING:
                # A spacing glyph with an empty box (LibreOffice's shaped sara am) still
                # advances; how far is unknown, so no gap is measured across it.
                # Without this, "จำกัด" came out as "จำ กัด".
                right_edge = None
        return "".join(out)

    def lines(self, clip: pymupdf.Rect | None = None) -> list[Line]:
        """The page's lines; with ``clip``, only the characters inside it (a table cell)."""
        raw = self.page.get_text("rawdict", flags=RAW_FLAGS, clip=clip or pymupdf.INFINITE_RECT())
        page_rect = text_rect(self.page)
        result: list[Line] = []
        for block_no, block in enumerate(raw["blocks"]):
            if block.get("type") != 0:
                continue
            for line in block["lines"]:
                if not line["spans"]:
                    continue
                made = self._line(line, block_no, page_rect.x1)
                if made is None:
                    continue
                if line.get("wmode", 0) != 0 or not pymupdf.Rect(line["bbox"]).intersects(page_rect):
                    if clip is None:
                        self.dropped.append(made.text)
                    continue
                result.append(made)
        return result

    def _line(self, line: dict, block_no: int, page_right: float) -> Line | None:
        """One line; its box is cut at the page edge so an overflowing line does not
        look like a wider column to the layout."""
        parts: list[str] = []
        sizes: Counter[float] = Counter()
        bold_chars = 0
        previous_right: float | None = None
        for span in line["spans"]:
            if not span["chars"]:
                continue
            text = self._span_text(span["chars"], span["size"], span["font"])
            gap = span["chars"][0]["bbox"][0] - (previous_right or 0.0)
            spaced = (bool(parts) and parts[-1][-1:].isspace()) or text[:1] in ("", " ")
            if previous_right is not None and not spaced and gap > 0.25 * span["size"]:
                text = " " + text
            previous_right = span["chars"][-1]["bbox"][2]
            parts.append(text)
            visible = len(text.strip())
            sizes[round(span["size"], 1)] += visible
            if span["flags"] & BOLD_FLAG or "bold" in span["font"].lower():
                bold_chars += visible
        joined = "".join(parts)
        text = " ".join(joined.split())
        if not text:
            return None
        x0, y0, x1, y1 = line["bbox"]
        x1 = min(x1, page_right)
        size = sizes.most_common(1)[0][0]
        baseline = line["spans"][0]["origin"][1]
        return Line(
            text, x0, y0, x1, y1, baseline, size, bold_chars * 2 > len(text), block_no, joined[-1:].isspace()
        )
