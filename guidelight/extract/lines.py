"""Text lines of a PDF page with each character's true identity restored.

MuPDF's raw dictionary gives lines of characters with their boxes. Characters whose
ToUnicode is missing or wrong are put right here from the glyph itself (through the
page's text trace, which knows each glyph id, and ``GlyphResolver``), and word spaces
are decided from the gaps between glyphs rather than from the spaces a producer wrote.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pymupdf

from guidelight.extract.actual_text import PicturedText
from guidelight.extract.budget import check_time
from guidelight.extract.drawings import page_drawings
from guidelight.extract.form_fields import BLANK, fill_blanks
from guidelight.extract.ghost_text import drawn_reading
from guidelight.extract.glyph_shapes import Placement
from guidelight.extract.glyphs import GlyphResolver, font_key, is_thai, same_font, thousandths
from guidelight.extract.hidden_text import (
    CharKey,
    clipped_away,
    drop_clipped_text,
    drop_hidden_text,
    painted,
    recognition_layer,
)
from guidelight.extract.late_marks import place_late_marks
from guidelight.extract.outlined_text import outlined_lines
from guidelight.extract.overprint import drop_repeated_text
from guidelight.extract.pictured_marks import PicturedMarks
from guidelight.extract.rawdict import raw_chars, raw_lines, raw_spans
from guidelight.extract.refused_claims import Glyph, refused_claims
from guidelight.extract.run_places import attach_scripts, horizontal, rejoin_split_lines
from guidelight.extract.script_sizes import latin_scales, scales_in, size_beside_thai
from guidelight.extract.stacked_math import DRAWN_AT, INSERTED, Bar, bars, inline_stacked
from guidelight.extract.symbol_fonts import symbol_font_char, tex_extension_font
from guidelight.extract.to_unicode import named_codes
from guidelight.extract.unknown_glyphs import PLACEHOLDER, Unknown, candidates_for, settle
from guidelight.thai.fit import mostly_words, vote
from guidelight.thai.legacy import reads_as_tis620, tis620
from guidelight.thai.quality import sign_soup
from guidelight.thai.repair import PUA_TO_THAI, is_mark
from guidelight.thai.spelling import forbidden

# Whitespace kept as written, ligatures kept as characters, and no glyph id passed off
# as a character (that is how ``่`` becomes ``-``). Not clipped to the page: a line that
# starts on the page and overflows its edge is still the author's text; lines wholly
# outside the page are dropped in ``lines()``.
RAW_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES
# Glyphs that could not be read stand in a line's text as one of these private marks (one
# per span or glyph, numbering ``PageReader.unread``) until OCR reads them.
_UNREAD_MARK = 0xF0000
_MAX_UNREAD = 4000  # marks per page, at most: a page of code has a few hundred tokens
_UNREAD_MARKS = f"[{chr(_UNREAD_MARK)}-{chr(_UNREAD_MARK + _MAX_UNREAD - 1)}]"
# Not text: zero-width spaces and joiners, direction marks and overrides (Chrome wraps each
# line of a Google Docs printout in U+202D ... U+202C and puts U+200B after a bullet, which
# hid that Thai lines meet with no space between them, and that "●" began a list item), and
# the noncharacters U+FFFE and U+FFFF, which xdvipdfmx and Quartz give glyphs that have no
# text (an invisible glyph after each T of a truth table, a FontAwesome icon).
_NOT_TEXT = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]")
# Latin ligatures, kept one character to a glyph while the line is read, are written as
# their letters: "ﬁle" is no word to a search, a braille display or a voice (espeak's Thai
# voice read out the code of "ﬂ", "เลข เอฟ บี ศูนย์ สอง").
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_UNREAD_RUN = re.compile(f"{_UNREAD_MARKS}(?:\\s*{_UNREAD_MARKS})*")
# A code face, by its name: a PDF need not flag it fixed-pitch (Beamer's FiraCode listings,
# "1 \documentclass{article}" with its commands in SemiBold, were 44 headings of a 13-slide
# deck). Not "Unicode" (Arial Unicode MS) nor "Monotype" (Monotype Corsiva).
_CODE_FONT = re.compile(r"mono(?!type)|courier|consol|menlo|(?<!uni)code|typewriter|inconsolata|cmtt", re.IGNORECASE)
# Fewer glyphs that could not be read than this on a page are not worth a Tesseract run.
MIN_UNREAD_GLYPHS = 3
_SPACE_CODE = 0x20
_SPACE_WIDTHS = 3  # widths a font's spaces on a page come in, at least, for their glyphs to be looked at
_MARK_PIECE = 0.3  # of its height: a piece of unread glyphs narrower than this is marks, taking no room

_SURROGATE = re.compile("[\ud800-\udfff]")

SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
NIKHAHIT = "\u0e4d"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
# A glyph moving the pen less than this share of the font size is a mark: the narrowest
# real character (a thin space, an ``i``) moves it further.
_MARK_ADVANCE = 0.08
_SPACE_ADVANCE = 0.15  # of the font size: an invisible character moving the pen this far is a space
# Of the font size: a gap between glyphs this wide is a word space the producer drew by
# positioning, not with a space character ...
_WORD_GAP = 0.25
# ... or this wide where the span's other glyphs touch (within ``_TIGHT``): XeTeX sets a
# Thai space as a 0.17 em gap ("ปฏิบัติงาน ณ ชื่อบริษัท"). Text spread evenly (Thai
# distributed justification, letter-spaced titles) has no such two kinds of gaps.
_THIN_WORD_GAP = 0.12
_TIGHT = 0.04
# Of the page's height: a line set smaller than this cannot be seen on the page (2.1 pt on
# A4; TCPDF stamps "Powered by TCPDF" at 1 pt in a corner). It is left out, and said.
_UNSEEN_SIZE = 1 / 400
# A number set this much smaller than its line's text and raised by this share of its
# size is a footnote's mark or a power, written raised ("มาตรา 51¹", "10⁵").
_RAISED_SIZE = 0.85
_RAISED_BY = 0.2
# ... with the note's number in Thai digits after it, in brackets, as the Council of State
# numbers the notes of a consolidated law: "มาตรา ๓๑" and a raised "4[๔]" were "๓๑4[๔]".
_RAISABLE = re.compile(r"[-−+]?[0-9]+(?:\[[๐-๙]+\])?")
_SUPERSCRIPT = str.maketrans("0123456789-−+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺")
_SHIFTED = str.maketrans(PUA_TO_THAI)  # a legacy font's shifted marks as the marks they are
# Of the page's height: a span with letters or digits set smaller than this in a line
# that can be seen is a sliver no one can see (0.7 pt on A4: Word's footnote fields; a
# Chula thesis template's white 1-pt "บทคัดย่อภาษาไทย" before its abstract's first line, the
# outline's anchor, which was heard as a heading inside the paragraph). A span of Thai
# marks alone may be set smaller than the line's text (Word 2019's shifted marks at 2.09 pt).
_SLIVER_SIZE = 1 / 800
_THAI_OR_SHIFTED = re.compile("[\u0e00-\u0e7f\ue000-\uf8ff]")
_PICTURED_SIZE = 12.0  # points: the words of a picture of text, on a page with no other text
_OUTLINE_SIZES = 1.5  # lines of outlined letters of heights within this ratio are read together
_OUTLINE_MIN_THAI = 4  # Thai letters a line read from outlines needs ...
_OUTLINE_UNKNOWN = 0.4  # ... and at most this share of them outside dictionary words
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_OUTLINE_EM = 2.1  # font sizes to the median height of a line's outlined letters (Thai consonants: 0.47 em)
_STACKED = 2  # glyphs a consonant carries above it at most (a vowel and a tone mark)
_DINGBAT_KINDS = 3  # different symbols a Type 3 font's text needs to be Ghostscript's words of dingbats
_AM_BASE = re.compile("[\u0e01-\u0e2e][\u0e48-\u0e4b]?$")  # what a sara am follows: a consonant, a tone mark on it
_UNTRACED = itertools.count(1)  # ids for glyphs the drawing does not show, negated
_AM_CONTEXT = 12  # characters each side by which the words judge a lost nikhahit
# How far from the glyph the reading kept a second glyph under the same code may lie and
# still be its dropped twin: the marks of one consonant lie within half the font size.
_TWIN_REACH = 0.5
_TWIN_MAX_REACH = 36.0  # points: half of a 72-pt headline's size
_TWIN_CROWD = 8  # glyphs under one code within reach: more is a pile, not a cluster's marks
# How far, in font sizes, a kerned mark may be drawn from the place the reading gives it:
# LibreOffice's Garuda ring of a sara am, 0.08 of its size (0.8 pt at 10 pt).
_MOVED_REACH = 0.3
BOLD_FLAG = 16  # PyMuPDF's span flags
MONO_FLAG = 8


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
    # Where the column the reading order put it in ends: its paragraph's lines are
    # measured against that column, not against a title or an abstract over all of them.
    column_right: float = float("inf")
    mono: bool = False  # set mostly, or from its start, in a monospaced font: code (its keywords may be bold)
    # Where its runs of underscores or dots are drawn (x0, x1), in the order of its text's:
    # a form's blanks, which values typed over them fill (``form_fields``); kept once they
    # are filled, as the mark of a form's row, heard as a paragraph of its own.
    blanks: tuple[tuple[float, float], ...] = ()
    # The words set in bold at its start when the line goes on in a regular weight: a
    # run-in label ("เจ้าของหอพัก :", "บทนิยาม 2.2"), which may open a paragraph.
    label: str = ""
    ends_bold: bool = False  # its last word is set in bold: emphasis may go on onto the next line
    # Where its last drawn character ends, when spaces drawn after it take its box further:
    # Word printed through a printer driver draws a line's trailing spaces past the margin.
    ink_x1: float | None = None
    # An entry of a contents page set with no leaders, its page number joined to it from
    # the far side of its row (``layout.merge_rows``): where that number starts. No heading,
    # and a paragraph of its own.
    page_at: float | None = None
    # The target of a link whose box covers the line (``links``): a contents list's entry.
    link: str = ""

    @property
    def inked_right(self) -> float:
        """Where its text ends on the page, trailing spaces aside."""
        return self.x1 if self.ink_x1 is None else min(self.ink_x1, self.x1)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True)
class Unread:
    """Where glyphs that could not be read are drawn: a box in PDF points, how many glyphs,
    and whether their font is a code font; for OCR to read them from the page's image."""

    x0: float
    y0: float
    x1: float
    y1: float
    glyphs: int
    code: bool

    def joined(self, other: Unread) -> Unread:
        return Unread(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1),
                      self.glyphs + other.glyphs, self.code and other.code)


# What OCR reads in each piece of a page: '' for nothing, None when OCR cannot run (``ocr.read_unread``).
ReadUnread = Callable[[pymupdf.Page, list[Unread]], list[str] | None]


def unicode_safe(text: str) -> str:
    """Text from the PDF with every lone UTF-16 surrogate (a ToUnicode CMap mapping a
    code to <D800>, an outline title in broken UTF-16) made U+FFFD: such a character
    cannot be written as UTF-8, so it would break the word segmenter, the page cache
    and the output; U+FFFD is noise the glyph repair and the quality count know."""
    return _SURROGATE.sub("\ufffd", text)


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
        or code >= 0xF0000  # the supplementary private-use planes
        or _letter_stand_in(code)
        or unicodedata.category(char) == "Cc"
    )


def _letter_stand_in(code: int) -> bool:
    """A letter some producers give a Thai mark, suspect beside Thai only: Latin-1 and Latin
    Extended (Distiller, XeTeX), Cyrillic (Chromium 53: ชืѷอ), or Lao, the block after Thai
    (Ghostscript's shifted marks)."""
    return 0x80 <= code <= 0x24F or 0x0400 <= code <= 0x04FF or 0x0E80 <= code <= 0x0EFF


# Mac Roman's upper half where it is not Latin-1 (†, ˆ, •, ™, ≤ ...): Quartz on iOS codes some
# shifted Thai marks so (เป†น, ปˆา), as it codes others as ASCII.
_MAC_ROMAN_SIGNS = frozenset(bytes(range(0x80, 0x100)).decode("mac_roman")) - {chr(c) for c in range(0x80, 0x250)}


def _sign_stand_in(char: str) -> bool:
    """A sign some producers give a Thai mark (ASCII ``+ : $ 0 7``, Mac Roman ``† ˆ``): suspect
    only when drawn with no advance beside Thai; a real one advances."""
    return 0x21 <= ord(char) <= 0x7E or char in _MAC_ROMAN_SIGNS


def _raw_lines(raw: dict) -> Iterator[tuple[list[dict], float]]:
    """Each line's characters in drawn order, and its largest font size."""
    for line in raw_lines(raw):
        if spans := line["spans"]:
            yield [ch for span in spans for ch in span["chars"]], max(span["size"] for span in spans)


def _place(origin: tuple[float, float]) -> tuple[float, float]:
    """Where a glyph is drawn, to the hundredth of a point: the text reading and the glyph
    trace give the same origin within rounding."""
    return round(origin[0], 2), round(origin[1], 2)


def _byte_code(char: str) -> int | None:
    """The byte a Latin-1 or Windows-1252 character stands for (None for others)."""
    if ord(char) < 0x100:
        return ord(char)
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def _byte_char(char: str) -> str:
    """``char`` as the byte it stands for (a Windows-1252 sign as its code), or itself."""
    code = _byte_code(char)
    return chr(code) if code is not None else char


def one_origin(chars: list[dict]) -> bool:
    """Do all the span's glyphs share one origin (Bullzip)? Then positions say nothing."""
    return len(chars) > 1 and all(abs(ch["origin"][0] - chars[0]["origin"][0]) < 0.01 for ch in chars)


def _width(char: dict) -> float:
    """The glyph's advance as the PDF declares it (its widths, else its font's)."""
    return float(char["bbox"][2] - char["bbox"][0])


def _advance(chars: list[dict], i: int, same_origin: bool) -> float | None:
    """How far glyph ``i`` moves the pen: its width in the font, or less where the next glyph
    starts sooner (a mark given a width, then drawn back over); None in a span whose glyphs
    all share one origin (``same_origin``, found once a span: asked again for each glyph, a
    span of thousands of glyphs took a minute). The width rules where the next glyph starts
    later: a producer placing marks by the font's positioning (LibreOffice) moves the pen
    around a zero-width mark, which is still a mark."""
    if same_origin:
        return None
    width = _width(chars[i])
    if i + 1 < len(chars):
        return min(width, max(0.0, chars[i + 1]["origin"][0] - chars[i]["origin"][0]))
    return width


def _symbol(char: str) -> bool:
    """A circled number, shape, pictograph or dingbat (U+2460-U+27BF, where the Zapf Dingbats
    set lies): a bullet or a mark, never a letter. Arrows and mathematical operators, which a
    TeX bitmap font of symbols draws as its text, are not among them."""
    return "\u2460" <= char <= "\u27bf"


def nameless_glyphs(text: str, font: str) -> bool:
    """Is this a Type 3 font's text whose codes mean nothing? Ghostscript turns a font it
    cannot embed into a Type 3 font of glyphs named a1, a2, ... and those happen to be the
    Zapf Dingbats names, so Thai comes out as words of dingbats ('✱❈❊ ❂✭'), a glyph or two
    a span. A bullet is one symbol among letters; text that is mostly symbols is no reading.
    Nor is a font of one or two symbols, however often drawn: Chrome draws each emoji in a
    Type 3 font of its own, and a manual's table of ✅ and ❌ was read by OCR as "" and "%"."""
    if not font.startswith("Type3"):
        return False
    symbols = [char for char in text if _symbol(char)]
    many = len(set(symbols)) >= _DINGBAT_KINDS
    return many and len(symbols) * 5 >= 3 * sum(not char.isspace() for char in text)


def _blanks(spans: list[dict]) -> tuple[tuple[float, float], ...]:
    """Where a line's runs of underscores or dots (``form_fields.BLANK``) are drawn, left
    to right, from its characters."""
    chars = [ch for span in spans for ch in span["chars"]]
    runs = BLANK.finditer("".join(ch["c"] for ch in chars))
    return tuple((chars[run.start()]["bbox"][0], chars[run.end() - 1]["bbox"][2]) for run in runs)


def _between_thai(chars: list[dict], i: int) -> bool:
    return 0 < i < len(chars) - 1 and is_thai(chars[i - 1]["c"]) and is_thai(chars[i + 1]["c"])


def _ends_in_spacing_mark(span: dict) -> bool:
    """Does the span end in an invisible character as wide as a space (Samsung's closing
    U+202C after each word)? Then the next span starting at its right edge or beyond is
    the next word; one drawn back over it (Chrome's "17" + ". ข้อ") is not."""
    last = span["chars"][-1]
    return bool(_NOT_TEXT.fullmatch(last["c"])) and _width(last) > _SPACE_ADVANCE * span["size"]


def _around(spans: list[dict], k: int) -> tuple[list[dict], list[dict]]:
    """The characters of a line just before and after its span ``k`` when that span is only
    a glyph or two in doubt that take no room: Print To PDF sets a raised mai tho apart in a
    span of its own ("Ŗ" after พื), where nothing Thai sat beside it to judge it by, and it
    was lost (พืนฐาน). Nothing for any other span: it is judged among its own characters."""
    chars, size = spans[k]["chars"], spans[k]["size"]
    marks = all(_suspicious(ch["c"]) and _width(ch) <= _MARK_ADVANCE * size for ch in chars)
    if len(chars) > _STACKED or not marks:
        return [], []  # a superscript ¹ after a name takes room: a footnote's mark, not a Thai one
    before = spans[k - 1]["chars"][-_STACKED:] if k else []
    after = spans[k + 1]["chars"][:_STACKED] if k + 1 < len(spans) else []
    return before, after


def _advances(text: str) -> bool:
    """Does ``text`` hold a character that moves the pen (not only marks)? A legacy font's
    shifted mark (U+F70E, a thanthakhat moved left) is a mark: taken for a letter, it hid
    the word gap after it, and XeTeX's "นายจิรัฏฐ์ ศรีรัตนอาภรณ์" lost its space."""
    return any(unicodedata.category(ch) != "Mn" for ch in text.translate(_SHIFTED))


def _spaces_unlike(raw: dict) -> set[str]:
    """The fonts whose spaces on the page come in three widths or more, at one size. A
    font's space has one advance; many are glyphs of other letters the ToUnicode calls
    spaces (``PageReader._space_drawn``), one to a span as often as not."""
    widths: dict[str, set[float]] = {}
    for span in raw_spans(raw):
        for char in span["chars"]:
            if char["c"] == " " and span["size"] > 0 and _width(char) > _MARK_ADVANCE * span["size"]:
                # (one of no width is a mark's, or a sara am's nikhahit before its sara aa)
                widths.setdefault(span["font"], set()).add(round(_width(char) / span["size"], 2))
    return {font for font, seen in widths.items() if len(seen) >= _SPACE_WIDTHS}


def _thai_near(chars: list[dict], i: int) -> bool:
    """Is there Thai within two characters of ``chars[i]``?"""
    return any(is_thai(ch["c"]) for ch in chars[max(0, i - 2) : i + 3])


def _touches_thai(chars: list[dict], i: int, size: float) -> bool:
    """Does ``chars[i]`` sit on or against Thai: a Thai character just before or after it,
    or across at most two glyphs that take no room (marks stacked under codes of their
    own)? A space or a sign that advances between (``)`` in ``ทั้งหมด)�100``) parts them."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(chars) and abs(j - i) <= _STACKED + 1:
            if is_thai(chars[j]["c"]):
                return True
            if chars[j]["c"].isspace() or _width(chars[j]) > _MARK_ADVANCE * size:
                break
            j += step
    return False


def _thai_base(chars: list[dict], i: int) -> dict | None:
    """The Thai letter ``chars[i]`` comes after, with at most the two other glyphs a
    consonant can carry (a vowel and a tone mark, under codes of their own) between them;
    None when there is none. A mark is passed over: Quartz's "ที9", mai ek given "9" on
    sara ii, sits on ท, and sara ii's own width (none) says nothing."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if is_thai(chars[j]["c"]) and not is_mark(chars[j]["c"]):
            return chars[j]
        if chars[j]["c"].isspace():
            return None
    return None


def _sara_aa_after(chars: list[dict], i: int) -> int | None:
    """Where the sara aa (or sara am) is that ``chars[i]`` stands before, a tone mark at most
    between them (the nikhahit of น้ำ may be drawn before its tone mark); None if none is."""
    j = i + 1
    if j < len(chars) and chars[j]["c"] in TONE_MARKS:
        j += 1
    return j if j < len(chars) and chars[j]["c"] in (SARA_AA, SARA_AM) else None


def _doubled_before_sara_aa(c: str, out: list[str], chars: list[dict], i: int) -> bool:
    """Is ``c`` (read for ``chars[i]``) the tone mark just read, again, right before a sara aa?"""
    return c in TONE_MARKS and bool(out) and out[-1] == c and _sara_aa_after(chars, i) == i + 1


def _nikhahit_lost(out: list[str], chars: list[dict], i: int, aa: int) -> bool:
    """Is ``chars[i]``, between a syllable and its sara aa (``chars[aa]``), the nikhahit of
    a sara am under another name? Word with TH Sarabun or Dillenia maps the nikhahit glyph it
    draws over the sara aa to a space (ส านัก): a space drawn over the next glyph is no
    space. Word with Angsana New Bold prints ความส าคัญ, the nikhahit a space, gap and all:
    no Thai word begins with sara aa, and a reader reads สำคัญ; there the words decide,
    the sara am winning only clearly (ราชสำนัก over ราช สา นัก, each a word)."""
    before = "".join(out[-_AM_CONTEXT:])
    if not _AM_BASE.search(before):
        return False
    if _drawn_over(chars[i], chars[i + 1]):
        return True
    before += "".join(ch["c"] for ch in chars[i + 1 : aa])
    after = "".join(ch["c"] for ch in chars[aa + 1 : aa + 1 + _AM_CONTEXT])
    verdict = vote([(before, after)], (SARA_AM, SARA_AA))
    return verdict.best == 0 and verdict.clear


def _drawn_over(char: dict, following: dict) -> bool:
    """Does ``char`` lie mostly over ``following`` (more than half its width), as a mark
    does and an advancing character never can?"""
    x0, x1 = char["bbox"][0], char["bbox"][2]
    overlap = min(x1, following["bbox"][2]) - max(x0, following["bbox"][0])
    return x1 > x0 and overlap > 0.5 * (x1 - x0)


# TeX draws ≠ as its "not" slash (U+0338) over "=", the slash first and of no width: MuPDF
# gives "x̸ = c", and a voice says "x = c", the condition reversed.
_NEGATED = re.compile("\u0338\\s*([=<>≤≥∈∋≡∼⊂⊃⊆⊇])")


def _negated(match: re.Match[str]) -> str:
    """The relation the slash strikes through, negated: "≠" for "=", "∉" for "∈"."""
    return " " + unicodedata.normalize("NFC", match[1] + "\u0338")


def _word_gap(chars: list[dict], size: float) -> float:
    """The gap, in font sizes, that is a word space in this span: ``_THIN_WORD_GAP`` where
    its producer writes no space and its glyphs otherwise touch, with no wider gap among
    them; else ``_WORD_GAP``. (LuaTeX's Thai sets 0.21 em of glue where a line may break,
    inside words, and 0.5 em where a space is; Word's justification spreads a line's
    clusters: neither is a word space.)"""
    if size <= 0 or any(ch["c"].isspace() for ch in chars):
        return _WORD_GAP
    drawn = [ch["bbox"] for ch in chars if ch["bbox"][2] > ch["bbox"][0]]  # marks aside
    gaps = [(right[0] - left[2]) / size for left, right in itertools.pairwise(drawn)]
    tight = sum(gap <= _TIGHT for gap in gaps)
    thin = [gap for gap in gaps if gap > _TIGHT]
    if thin and tight >= 2 * len(thin) and all(_THIN_WORD_GAP <= gap <= _WORD_GAP for gap in thin):
        return _THIN_WORD_GAP
    return _WORD_GAP


def _texts_by_font(
    spans: Iterable[dict], key: Callable[[str], str] = str, char: Callable[[str], str] = str
) -> dict[str, str]:
    """Each font's text in these spans, by ``key`` of its name, each character as ``char``
    gives it; spans a space apart (what lies between them is another font's)."""
    texts: dict[str, list[str]] = {}
    for span in spans:
        texts.setdefault(key(span["font"]), []).append("".join(char(ch["c"]) for ch in span["chars"]))
    return {font: " ".join(parts) for font, parts in texts.items()}


def _unreadable_fonts_of(raw: dict) -> set[str]:
    """The fonts whose whole text in this reading cannot be read: a soup of signs
    (``thai.quality.sign_soup``), or a Type 3 font's dingbats (``nameless_glyphs``)."""
    texts = _texts_by_font(raw_spans(raw))
    return {font for font, text in texts.items() if sign_soup(text) or nameless_glyphs(text, font)}


def _in_font(glyphs: list[tuple[str, int]], font: str) -> list[tuple[str, int]]:
    """Of the glyphs drawn at one place under one code, those of the character's own font
    (all when none is, or the names do not match): a copy drawn over in another font (a
    Canva shadow in a Type 3 font under the text) is not a second part of the character,
    and its glyph read into the line put two tone marks on น้ำ."""
    own = [glyph for glyph in glyphs if same_font(glyph[0], font)]
    return own or glyphs


class _TraceIndex:
    """Glyph id and font of each character, found by its origin and code on the page.

    The code is part of the key because a zero-advance mark shares its origin with
    the character that follows it.
    """

    def __init__(self, page: pymupdf.Page, resolver: GlyphResolver) -> None:
        # Each glyph once per place (an ordered set): text drawn again over itself (a
        # shadow; a page drawn 100 times) is the same glyph, not a stack of marks.
        self._by_origin: dict[tuple[float, float, int], dict[tuple[str, int], None]] = {}
        suspect: dict[tuple[int, float, float, tuple[str, int]], None] = {}  # see ``dropped_twins``
        spans = page.get_texttrace()
        subsets = resolver.subset_names(page) if spans else {}
        for span in spans:
            key = font_key(span["font"])
            legacy = resolver.legacy.get(key, False)
            font = subsets.get((key, thousandths(span["ascender"]), thousandths(span["descender"])), span["font"])
            for code, gid, origin, _bbox in span["chars"]:
                x, y = _place(origin)
                self._by_origin.setdefault((x, y, code), {})[(font, gid)] = None
                if _suspicious(chr(code)) or code == _SPACE_CODE:  # a space may be a letter (``_space_drawn``)
                    suspect[(code, x, y, (font, gid))] = None
                char = tis620(chr(code)) if legacy else chr(code)
                if "\u0e01" <= char <= "\u0e5b" and char != "\u0e33":  # sara am may be sara aa in disguise
                    resolver.learn(font, gid, char)
        self._suspect = _Places(suspect)
        self._every: _Places | None = None  # see ``moved``

    def moved(
        self, origin: tuple[float, float], char: str, reach: float, taken: set[tuple[float, float]]
    ) -> list[tuple[str, int]]:
        """Glyphs drawn under ``char``'s code within ``reach`` of ``origin`` at no place in
        ``taken`` (where the reading has a character of that code), in drawing order: where
        a producer kerned marks off the pen's place, which MuPDF's reading puts them back on."""
        if self._every is None:
            self._every = _Places((code, x, y, (order, glyph)) for order, ((x, y, code), glyphs)
                                  in enumerate(self._by_origin.items()) for glyph in glyphs)
        near = sorted(self._every.near(ord(char), _place(origin), reach), key=lambda entry: entry[2][0])
        return [glyph for x, y, (_, glyph) in near if (x, y) not in taken]

    def glyphs(self, origin: tuple[float, float], char: str) -> list[tuple[str, int]]:
        """Every glyph drawn at ``origin`` under the code of ``char``: usually one; two where
        a producer drew one character as two glyphs (a nikhahit and a sara aa both saying ``ำ``)."""
        return list(self._by_origin.get((*_place(origin), ord(char)), ()))

    def glyph(self, origin: tuple[float, float], char: str) -> tuple[str, int] | None:
        found = self.glyphs(origin, char)
        return found[-1] if found else None

    def dropped_twins(
        self, origin: tuple[float, float], char: str, read: _Places, reach: float
    ) -> list[tuple[str, int]]:
        """Glyphs drawn under ``char``'s suspect code within ``reach`` of ``origin`` at no place
        where the page's reading (``read``: the places of its suspect characters) has one. Of
        two glyphs under one code drawn close together (a sara uee and its mai ek, both
        U+FFFD, placed by the font), the reading keeps one as an overprint; the other
        belongs to the nearest character it kept. Where more lie close by, it is a pile of
        glyphs (a damaged page), not a cluster's: none is taken."""
        here = _place(origin)
        code = ord(char)
        reach = min(reach, _TWIN_MAX_REACH)  # a damaged size (1e6 pt) must not scan a million bands
        candidates = self._suspect.near(code, here, reach)
        kept = {(x, y) for x, y, _ in read.near(code, here, 2 * reach)} or {here}
        if len(candidates) > _TWIN_CROWD or len(kept) > _TWIN_CROWD:
            return []
        found = []
        for gx, gy, glyph in candidates:
            there = (gx, gy)
            if there not in kept and min(kept, key=lambda k: (_distance(k, there), k)) == here:
                found.append(glyph)
        return found


class _Places:
    """Things placed on a page, by code, in bands 2 pt tall sorted across: what lies within
    reach of a point is found by bisection, not by a scan (a damaged page may put
    thousands of U+FFFD on one line)."""

    def __init__(self, entries: Iterable[tuple[int, float, float, Any]]) -> None:
        self._bands: dict[tuple[int, int], list[tuple[float, float, Any]]] = {}
        for code, x, y, what in entries:
            self._bands.setdefault((code, _row(y)), []).append((x, y, what))
        for band in self._bands.values():
            band.sort(key=lambda entry: (entry[0], entry[1]))
        self._xs = {key: [entry[0] for entry in band] for key, band in self._bands.items()}

    def near(self, code: int, point: tuple[float, float], reach: float) -> list[tuple[float, float, Any]]:
        found: list[tuple[float, float, Any]] = []
        for row in _rows_near(point[1], reach):
            xs = self._xs.get((code, row))
            if xs:
                band = self._bands[(code, row)]
                low, high = bisect_left(xs, point[0] - reach), bisect_right(xs, point[0] + reach)
                found.extend(entry for entry in band[low:high] if abs(entry[1] - point[1]) <= reach)
        return found


def _row(y: float) -> int:
    """A band of the page 2 pt tall: glyphs placed by a font's positioning sit a little off
    their baseline, so places are looked up in the bands within reach."""
    return int(y // 2)


def _rows_near(y: float, reach: float) -> range:
    return range(_row(y - reach), _row(y + reach) + 1)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))


def _whole_sara_am_before(chars: list[dict], i: int) -> str | None:
    """The tone marks of a sara am cluster the ToUnicode gave whole (``น้ำ`` for its first
    glyph) just before ``chars[i]``, past the other suspect glyphs of that cluster; None when
    there is none. fpdf2 and InDesign map a cluster's first glyph to all its text and the
    rest (its nikhahit, tone mark, sara aa) to U+FFFD: those parts are already heard."""
    j = i - 1
    while j >= 0 and i - j <= 3 and _suspicious(chars[j]["c"]):
        j -= 1
    if j < 0 or i - j > 3 or chars[j]["c"] != SARA_AM:
        return None
    tones = ""
    while j > 0 and chars[j - 1]["c"] in TONE_MARKS:
        j -= 1
        tones += chars[j]["c"]
    return tones


def _monospaced(span: dict, text: str) -> bool:
    """Is a span's ``text`` set in a fixed-pitch font: flagged so, or a code face by its name
    where it holds no Thai (a Thai typewriter face, TlwgTypewriter, sets a form's prose)?"""
    flagged = bool(span["flags"] & MONO_FLAG)
    return flagged or (bool(_CODE_FONT.search(span["font"])) and not _THAI_OR_SHIFTED.search(text))


def _has_letters(text: str) -> bool:
    """Does ``text`` hold a character standing on the baseline (not a space, not a mark)?
    A span of marks alone does not tell its line's size: Word 2019 draws a shifted Thai
    mark as a 3-pt glyph of its own."""
    return any(not c.isspace() and ord(c) not in PUA_TO_THAI and unicodedata.category(c) != "Mn" for c in text)


def _drop_echoed_clusters(line: dict) -> None:
    """Take out a cluster's text that MuPDF gave twice. Typst gives each Thai cluster its
    text as ActualText; where a kerning step falls inside the cluster, MuPDF gives that
    text again at the glyph after the step, every letter of it with no width (ชีชีวิต,
    ฝั่ฝั่ง). A letter that takes no room cannot be a real one, so such a run's part that
    repeats the characters just before it goes (a mark left over is the glyph's own, one
    the repairs hear once)."""
    chars = [ch for span in line["spans"] for ch in span["chars"]]
    widths = [_width(ch) for ch in chars]
    texts = [ch["c"] for ch in chars]
    # Where an echo may start: a Thai letter (not a mark) with no width. Most lines have none.
    starts = [k for k in range(1, len(chars)) if widths[k] <= 0.01 and is_thai(texts[k]) and not _mark(texts[k])]
    if not starts:
        return
    drawn = [k for k, width in enumerate(widths) if width > 0.01]  # letters with a width, in order
    ends = _no_width_runs(chars, widths)
    echoed: set[int] = set()
    past = 0  # an echo's letters are not where another starts
    for i in starts:
        if i >= past and (echo := _echo_length(texts, drawn, i, ends[i])):
            echoed.update(id(ch) for ch in chars[i : i + echo])
            past = i + echo
    if echoed:
        for span in line["spans"]:
            span["chars"] = [ch for ch in span["chars"] if id(ch) not in echoed]


def _no_width_runs(chars: list[dict], widths: list[float]) -> list[int]:
    """For each character, where the run of no-width characters drawn at its place that it
    starts ends (itself, when it has a width), found in one pass from the line's end: a
    line of Canva's copies is all such characters, and asking again for each took seconds."""
    ends = list(range(len(chars) + 1))
    places = {k: _place(ch["origin"])[0] for k, ch in enumerate(chars) if widths[k] <= 0.01}
    for k in range(len(chars) - 1, -1, -1):
        if k in places:
            joined = k + 1 in places and places[k + 1] == places[k]
            ends[k] = ends[k + 1] if joined else k + 1
    return ends


def _echo_length(texts: list[str], drawn: list[int], i: int, end: int) -> int:
    """How many of the no-width letters ``texts[i:end]`` repeat, from a letter on, the
    cluster just before them: a drawn letter (one with a width, listed in ``drawn``) and its
    marks, two characters at least (0 for none). A doubled letter (บบ, ญญ) is not an echo,
    even where a producer gives its letters no width (Canva's text drawn in layers)."""
    if _mark(texts[i]):
        return 0
    longest = min(end - i, i)
    low, high = bisect_left(drawn, i - longest), bisect_right(drawn, i - 2)
    for start in reversed(drawn[low:high]):  # the longest echo first
        length = i - start
        if texts[start:i] == texts[i : i + length]:
            return length
    return 0



def _raised(span: dict, before: dict, text: str) -> bool:
    """Is ``span`` (read as ``text``) a number set small and high right after the span
    ``before`` it: a footnote's mark or a power, which read inline is another number ("51"
    and a raised "1" were "511"; TeX's "10" and a raised "5", "105")? Measured from the text
    it follows, not from the line: a fraction's numerator "(W/L)₇" stands high over the
    line's "= 2", and its subscript is no power."""
    return (
        _RAISABLE.fullmatch(text) is not None
        and span["size"] <= _RAISED_SIZE * before["size"]
        and before["origin"][1] - span["origin"][1] >= _RAISED_BY * before["size"]
    )


def _mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


class PageReader:
    """Reads the lines of one page, repairing characters from the glyphs where needed."""

    def __init__(self, page: pymupdf.Page, resolver: GlyphResolver, repairs: Counter[str],
                 ocr: ReadUnread | None = None, pictured: Sequence[PicturedText] = ()) -> None:
        self.page = page
        self._pictured = pictured  # words of pictures of text, from the set-aside structure tree
        self.resolver = resolver
        self.repairs = repairs
        self._ocr = ocr  # reads the glyphs nothing names from the page's image; None: left out
        self._trace: _TraceIndex | None = None
        self._pending: list[Unknown] = []
        self._same_origin = False  # the span being read has all its glyphs at one origin
        self._unreadable: set[str] | None = None  # see ``_unreadable_fonts``
        self._tex_coded: dict[tuple[float, float], str] | None = None  # see ``_tex_codes``
        self._names_of: dict[str, set[str]] = {}  # see ``_named_chars``
        self._raw: dict = {"blocks": []}  # the reading being read, and its suspect places
        self._places: _Places | None = None
        self._painted: list[pymupdf.Rect] | None = None  # see ``_painted_boxes``
        self._marks = PicturedMarks(page)  # its pictures listed once a page, as each table cell reads
        self._bars: list[Bar] | None = None  # see ``_fraction_bars``
        self._clipped: set[CharKey] | None = None  # the characters clipping hides, found once a page
        self._lettered_fonts: set[str] = set()  # of the reading being read: ``_spaces_unlike``
        self._latin_scales: dict[str, float] = {}  # of the whole page's reading: ``latin_scales``
        self._refused: dict[str, set[Glyph]] | None = None  # see ``_refused_glyphs``
        # Text of lines left out of the reading: wholly outside the page, or written
        # vertically. Nothing is dropped silently: the page says so, and the app tells.
        self.dropped: list[str] = []
        # Glyphs of the whole page's reading that could not be read, and where they are:
        # each stands in a line's text as a mark (``_UNREAD_MARK``) until OCR reads it.
        self.unread: list[Unread] = []
        self.read_in_pieces = 0  # of those glyphs, how many OCR has read since (``_read_unread``)
        self._whole_page = False

    def _fraction_bars(self) -> list[Bar]:
        """The page's bars a fraction may stand on (``stacked_math.bars``), found once a page: a
        table reads each of its cells."""
        if self._bars is None:
            self._bars = bars(page_drawings(self.page))
        return self._bars

    def _painted_boxes(self) -> list[pymupdf.Rect]:
        """Where the page paints under its text (``hidden_text.painted``), found once a page:
        each cell of a table whose header is white on a dark fill asks again."""
        if self._painted is None:
            self._painted = painted(self.page)
        return self._painted

    def _tex_char(self, char: dict, font: str) -> str:
        """A glyph of TeX's math extension font: what its ToUnicode says (XeTeX writes one),
        else what its code draws (pdfTeX and dvipdfmx write none; a piece's glyph name may
        give an Adobe private-use code, "braceleftmid")."""
        c = char["c"]
        if c != "\ufffd" and (ord(c) >= 0x80 or c in self._named_chars(font)) and unicodedata.category(c) != "Co":
            return c
        self.repairs["symbol"] += 1
        drawn_at = char.get(DRAWN_AT, char["origin"])  # a tall sign was set on its row (``stacked_math``)
        return symbol_font_char(font, self._tex_codes().get(_place(drawn_at), char["c"])) or ""

    def _named_chars(self, font: str) -> set[str]:
        """The characters the glyph names of the page's fonts of this name stand for
        (``to_unicode.named_codes``): Quartz re-encodes TeX's math extension subset by name
        ("/bracketleftbigg" at code 33), so "[" is what it draws, not TeX's code 0x5B (⋃)."""
        key = font_key(font)
        if key not in self._names_of:
            doc = self.page.parent
            self._names_of[key] = {char for xref, *_, basefont, _, _ in self.page.get_fonts()
                                   if font_key(basefont) == key for char in named_codes(doc, xref).values()}
        return self._names_of[key]

    def _tex_codes(self) -> dict[tuple[float, float], str]:
        """The codes of the page's glyphs in TeX's math extension font, by their place: it
        has no Unicode to give (MuPDF reads U+FFFD), and its codes say what it draws."""
        if self._tex_coded is None:
            coded = self.page.get_text("rawdict", flags=RAW_FLAGS | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE)
            self._tex_coded = {_place(char["origin"]): char["c"] for span in raw_spans(coded)
                               if tex_extension_font(span["font"]) for char in span["chars"]}
        return self._tex_coded

    def _unreadable_fonts(self) -> set[str]:
        """Fonts whose text on this page cannot be read (``_unreadable_fonts_of``): Ghostscript
        gave every Thai glyph an ASCII code or a dingbat's; or the fonts name their glyphs
        by index alone (``GlyphResolver.index_named``). Judged once a page, on the whole
        page (a span may hold one glyph), so a table cell read alone is judged as the page is."""
        if self._unreadable is None:
            self._unreadable = self._unreadable_in(self.page.get_text("rawdict", flags=RAW_FLAGS))
        return self._unreadable

    def _unreadable_in(self, raw: dict) -> set[str]:
        fonts = {span["font"] for span in raw_spans(raw)}
        return _unreadable_fonts_of(raw) | {font for font in fonts if self.resolver.index_named(font)}

    def _refused_glyphs(self) -> dict[str, set[Glyph]]:
        """Glyphs whose claimed character the page's spelling refuses (``refused_claims``),
        by that character; judged once a page, on the whole page's reading."""
        if self._refused is None:
            raw = self._raw
            if not self._whole_page:
                raw = self.page.get_text("rawdict", flags=RAW_FLAGS)
                self._find_moved_marks(raw)
            self._refused = refused_claims((chars for chars, _ in _raw_lines(raw)), self._glyph_key)
        return self._refused

    def _glyph_key(self, char: dict) -> Glyph | None:
        glyph = char.get("moved") or self._glyph(char)
        return (font_key(glyph[0]), glyph[1]) if glyph is not None else None

    def _find_moved_marks(self, raw: dict) -> None:
        """Find the glyph of each mark the trace has drawn off its place in the reading
        (``_TraceIndex.moved``) on a page where Thai spelling refuses some character: LibreOffice
        kerns marks off the pen's place, and which glyphs its wrongly named ones are is then
        asked of every mark. Marks of one code at one place take the free glyphs near it in
        the order both are drawn (the ring and the tone mark of a น้ำ both named mai tho)."""
        lines = list(_raw_lines(raw))
        if not any(forbidden("".join(ch["c"] for ch in chars)) for chars, _ in lines):
            return
        for chars, size in lines:
            at: dict[tuple[str, tuple[float, float]], list[dict]] = {}
            for ch in chars:
                if is_mark(ch["c"]) and self._glyph(ch) is None:
                    at.setdefault((ch["c"], _place(ch["origin"])), []).append(ch)
            for (code, place), group in at.items():
                taken = {_place(ch["origin"]) for ch in chars if ch["c"] == code}
                found = self._traced().moved(place, code, _MOVED_REACH * size, taken)
                for ch, glyph in zip(group, found, strict=False):
                    ch["moved"] = glyph

    def _traced(self) -> _TraceIndex:
        if self._trace is None:
            self._trace = _TraceIndex(self.page, self.resolver)
        return self._trace

    def _suspect_places(self) -> _Places:
        """Where the page's reading has each suspect character."""
        if self._places is None:
            self._places = _Places(
                (ord(ch["c"]), *_place(ch["origin"]), None) for ch in raw_chars(self._raw)
                if _suspicious(ch["c"]) or ch["c"] == " "
            )
        return self._places

    def _glyph(self, char: dict) -> tuple[str, int] | None:
        drawn = self._drawn(char)
        return drawn[-1] if drawn else None

    def _drawn(self, char: dict) -> list[tuple[str, int]]:
        """The glyphs drawn for ``char``: its own when the reading knows it (a legacy font's),
        else every glyph drawn at its place under its code."""
        if "glyph" in char:
            return [char["glyph"]]
        return self._traced().glyphs(char["origin"], char["c"])

    def _symbol(self, font: str, char: str) -> str | None:
        """What a symbol font's code stands for (``symbol_font_char``), by its font's PDF name or,
        where that does not explain it, by the program's own name; '' for decoration, None for
        no symbol code."""
        symbol = symbol_font_char(font, char)
        return symbol_font_char(self.resolver.family(font), char) if symbol == "" else symbol

    def _unexplained_symbol(self, font: str, char: str) -> bool:
        """Is ``char`` a symbol font's code that neither its font's name nor its program's explains?"""
        return symbol_font_char(font, char) == "" and not self._symbol(font, char)

    def _true_char(self, chars: list[dict], i: int, font: str, size: float) -> str:
        """The character glyph ``chars[i]`` really is, when its own code looks wrong in Thai
        context (a Latin letter or an ASCII stand-in counts as wrong only beside Thai)."""
        char = chars[i]
        if char.get(INSERTED):
            return str(char["c"])  # a fraction's slash or parenthesis: nothing drawn to look up
        c = unicode_safe(char["c"])
        symbol = self._symbol(font, c)
        if symbol is not None:
            self.repairs["symbol"] += 1
            return symbol
        if (refused := self._refused_glyphs().get(c)) and (key := self._glyph_key(char)) in refused:
            return self._doubted_claim(c, font, key[1])
        if c == SARA_AM:
            return self._checked_sara_am(char)
        if c.isspace() and _width(char) > _SPACE_ADVANCE * size:
            return c  # a space as wide as one (Chrome's no-break space after a Thai name): not a stand-in
        suspicious = _suspicious(c)
        if not suspicious and not _sign_stand_in(c):
            return c  # the common case, a Thai letter or a space: nothing to look up
        thai_near = _thai_near(chars, i)
        if suspicious:
            if _letter_stand_in(ord(c)) and not thai_near:
                return c  # a Latin or Lao letter among its own script
        elif not (thai_near and _sign_stand_in(c)) or (
            (_advance(chars, i, self._same_origin) or 0.0) > _MARK_ADVANCE * size
        ):
            return c  # ASCII away from Thai, or drawn advancing: a real character
        if ord(c) in PUA_TO_THAI:
            return c  # the shifted forms' table is authoritative; ``repair.map_pua`` applies it
        # Two marks stacked on one consonant under the same bad code reach us as one character
        # (MuPDF drops the second as an overprint); the trace still has both glyphs.
        # A glyph not found in the drawing (rotated text) gets an id of its own: judged by its
        # own words, never by what was decided for another glyph that could not be found.
        drawn = _in_font(self._drawn(char), font) or [(font, -next(_UNTRACED))]
        drawn += self._twins(char, c, size)
        named = self._named_around(chars, i) if c == "\ufffd" and not thai_near else chars
        return "".join(
            self._identify(named, i, c, _thai_near(named, i), font_name, gid, size)
            if self.resolver.zero_advance(font_name, gid) is True  # a mark: judged among its letters
            else self._identify(chars, i, c, thai_near, font_name, gid, size)
            for font_name, gid in drawn
        )

    def _space_drawn(self, chars: list[dict], i: int, font: str, size: float) -> str:
        """What a "space" draws where its font's spaces are of many widths: when a glyph drawn
        for it is a Thai letter its font names, each of its glyphs is identified as a glyph
        under a code that says nothing is (Excel's charts pasted into Word, b17_12, give
        2,551 Tahoma glyphs on four pages the code of a space: "“GAP” ครั้งที่ 1 ประจำปี
        งบประมาณ พ.ศ. 2556" was heard as "“GAP” 1 2556"); else it is the space it says."""
        if _sara_aa_after(chars, i) is not None:
            return " "  # a sara am's nikhahit, perhaps: the space rules decide (``_span_text``)
        glyphs = _in_font(self._drawn(chars[i]), font) + self._twins(chars[i], " ", size)  # a letter beside its mark
        if not any(self.resolver.thai_char(*glyph) for glyph in glyphs):
            return " "
        # The font's own space among them (a twin beside a letter) stays a space, not a letter to guess.
        glyphs = [glyph for glyph in glyphs if self.resolver.thai_char(*glyph) or self.resolver.zero_advance(*glyph)]
        return "".join(self._identify(chars, i, "\ufffd", True, name, gid, size) for name, gid in glyphs)

    def _twins(self, char: dict, code: str, size: float) -> list[tuple[str, int]]:
        """The glyphs the reading folded into ``char`` (``_TraceIndex.dropped_twins``); none
        for a character whose glyph the reading knows (a legacy font's)."""
        if "glyph" in char:
            return []
        return self._traced().dropped_twins(char["origin"], code, self._suspect_places(), _TWIN_REACH * size)

    def _named_around(self, chars: list[dict], i: int) -> list[dict]:
        """``chars`` with the unknown codes next to ``chars[i]`` given the Thai their glyphs
        draw, so the mark ``chars[i]`` is judged among letters: an iOS form (b16_21) gives
        every glyph U+FFFD, and its shifted mai tho, with no Thai code near, was left unread
        in every ต้อง. Only a mark is judged so (the font says it takes no room): the form's
        periods and brackets became Thai letters (พาราบา for พ.ร.บ.)."""
        named = list(chars)
        for j in range(max(0, i - _STACKED - 1), min(len(chars), i + _STACKED + 2)):
            if j != i and chars[j]["c"] == "\ufffd":
                drawn = self._drawn(chars[j])
                thai = self.resolver.thai_char(*drawn[0]) if len(drawn) == 1 else None
                if thai:
                    named[j] = dict(chars[j], c=thai)
        return named

    def _identify(
        self, chars: list[dict], i: int, c: str, thai_near: bool, font_name: str, gid: int, size: float
    ) -> str:
        """What glyph ``gid`` of ``font_name``, drawn as ``chars[i]`` under a suspect code, is:
        from the fonts, its drawing, an earlier decision, or (placeholder) the words around it."""
        zero_advance = font_says = self.resolver.zero_advance(font_name, gid)
        if zero_advance is None and (advance := _advance(chars, i, self._same_origin)) is not None:
            zero_advance = advance <= _MARK_ADVANCE * size
        if not _suspicious(c):
            # ASCII beside Thai is suspect when its glyph draws with no advance: the shifted
            # Thai mark that Quartz and Bullzip give an unrelated code (``ข+อมูล``, ``ภาคต0น``).
            # A real ``+`` or ``7`` advances; where nothing says, the words decide. A glyph
            # its font or the PDF's widths give no advance is a mark wherever it sits on Thai:
            # at a word's end (``ศาสตร+``), or on another such glyph (``ท07``: sara ii, mai ek).
            # The widths say so only where the letter it sits on has one: Canva's copies of a
            # line's text give every character none.
            base = _thai_base(chars, i)
            no_width = base is not None and (
                font_says is True or _width(chars[i]) <= _MARK_ADVANCE * size < _width(base)
            )
            on_thai = _between_thai(chars, i) or no_width
            if zero_advance is False or not on_thai:
                return c
            if zero_advance is None:
                key = (font_key(font_name), gid, False)
                if key in self.resolver.decided:
                    return self.resolver.decided[key]
                self._pending.append(Unknown(key, (c, *candidates_for(None, True)), claimed=True))
                return PLACEHOLDER
        recovered = self.resolver.thai_char(font_name, gid, zero_advance)
        if recovered is None and zero_advance is not None:
            recovered = self.resolver.by_shape(font_name, gid, zero_advance)
        whole = _whole_sara_am_before(chars, i)
        before_am = i + 1 < len(chars) and chars[i + 1]["c"] == SARA_AM
        # A glyph before a sara aa is none of a sara am's halves: a consonant (Quartz's ÿ for
        # ส in คำÿาป, คำสาป, was taken for one, and ส was lost).
        before_aa = i + 1 < len(chars) and chars[i + 1]["c"] == SARA_AA
        half = recovered in (None, NIKHAHIT, SARA_AA) or (recovered or "") in (whole or "")
        if (whole is not None and not before_aa and half) or (before_am and recovered == NIKHAHIT):
            # The other half of a sara am the ToUnicode already gave whole (InDesign: ``นำ�``).
            self.repairs["sara_am_part"] += 1
            return ""
        if recovered:
            self.repairs["glyph"] += 1
            return recovered
        # Keyed by what the font says of the glyph's advance, not by the advance measured on
        # the page: a pen moved around a mark measures differently from line to line, and one
        # glyph under two keys was settled twice, once wrongly (ขั้น, then ขั่น).
        key = (font_key(font_name), gid, bool(font_says))
        if key in self.resolver.decided:
            self.repairs["glyph_by_words"] += 1
            return self.resolver.decided[key]
        if not thai_near or not _touches_thai(chars, i, size):
            # No Thai is near, or none touches it (a sign between spaces, "ข้อความ � 100",
            # or in a Latin word): the words have nothing to judge by, and the most common
            # letter was read out ("ฆ" for ÷, × and Á).
            if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co"):
                # Nothing says what it is: never read out as noise, but counted, so the page
                # is flagged (and read by OCR if that is all it has).
                self.repairs["unreadable_glyph"] += 1
                return self._note_unread([chars[i]], font_name)
            return c
        if before_am:
            # Before a whole sara am only a tone mark can stand, or the am's own nikhahit (``บทน�ำ``).
            candidates: tuple[str, ...] = ("", *TONE_MARKS)
        else:
            placement = self.resolver.placement(font_name, gid, zero_advance) if zero_advance is not None else None
            candidates = candidates_for(placement, zero_advance)
        self._pending.append(Unknown(key, candidates, claimed=False))
        return PLACEHOLDER

    def _doubted_claim(self, claim: str, font_name: str, gid: int) -> str:
        """A glyph whose claim the page's spelling refuses (``_refused_glyphs``): the words
        decide among what the glyph's drawing says it may be (a mark above, below, or a
        letter), the claim kept unless another reading fits them clearly better, or as well
        and is the commoner (``unknown_glyphs._choose``). A glyph whose
        drawing the file does not hold, or whose drawing is not of the claim's kind (a mark
        drawn as a letter, or the other way), keeps its claim: what it is the words alone
        cannot tell, and anything at all fits a garbled line better than its tone marks
        (b14_01's Tahoma glyph 2731, wider than a letter and named mai ek: ``เกลา่้`` became
        ``เกลาก้``)."""
        zero_advance = self.resolver.zero_advance(font_name, gid)
        placement = self.resolver.placement(font_name, gid, zero_advance) if zero_advance is not None else None
        if placement is None or is_mark(claim) == (placement is Placement.SPACING):
            return claim
        candidates = tuple(dict.fromkeys((claim, *candidates_for(placement, zero_advance))))
        key = (font_key(font_name), gid, bool(zero_advance))
        self._pending.append(Unknown(key, candidates, claimed=True, refused=True))
        return PLACEHOLDER

    def _checked_sara_am(self, char: dict) -> str:
        """Sara am as the file says, unless the glyph is really sara aa: some producers map
        sara aa to sara am (OpenOffice with Loma: ``มำกมำย``; Word covers: ``นำงสำว``)."""
        drawn = self._drawn(char)
        if len(drawn) != 1:
            return SARA_AM  # drawn as its two parts, or not traced: sara am it is
        found = drawn[0]
        known = self.resolver.thai_char(*found)
        if known == SARA_AA:
            self.repairs["sara_aa_glyph"] += 1
            return SARA_AA
        if known is not None:
            return SARA_AM
        key = (font_key(found[0]), found[1], False)
        if self.resolver.decided.get(key) in (SARA_AM, SARA_AA):
            # Only a decision between these two: subsets of one font name number their
            # glyphs apart, and another subset's glyph 60, a thanthakhat judged by its
            # words, turned an iOS answer key's every ทำ into ท์ (หน่วยความจ์, ค์สั่ง).
            return self.resolver.decided[key]
        self._pending.append(Unknown(key, (SARA_AM, SARA_AA), claimed=True))
        return PLACEHOLDER

    def _spacing(self, text: str) -> bool:
        """Does this glyph's text advance the pen? A placeholder does when what it may be
        does (a sara am in doubt), not when it can only be a mark; a letter drawn with it
        (a mark and its base at one place, ``ต้อง``) does."""
        if PLACEHOLDER in text and _advances("".join(self._pending[-1].candidates)):
            return True
        return _advances(text.replace(PLACEHOLDER, ""))

    def _note_unread(self, chars: list[dict], font: str) -> str:
        """A mark for glyphs that could not be read, to be read by OCR (``_read_unread``);
        nothing when only part of the page is being read (a table cell)."""
        if not self._whole_page or not chars or len(self.unread) >= _MAX_UNREAD:
            return ""
        boxes = [ch["bbox"] for ch in chars]
        self.unread.append(Unread(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                                  max(b[3] for b in boxes), len(chars), bool(_CODE_FONT.search(font))))
        return chr(_UNREAD_MARK + len(self.unread) - 1)

    def _span_text(
        self, chars: list[dict], size: float, font: str, around: tuple[list[dict], list[dict]] = ([], [])
    ) -> str:
        """Characters of a span with spaces decided from the gaps between glyphs. ``around``
        is the line's characters just before and after the span, which a glyph in doubt is
        judged among (``_line``)."""
        if tex_extension_font(font):
            return "".join(self._tex_char(char, font) for char in chars)
        if font in self._unreadable_fonts():
            drawn = [ch for ch in chars if not ch["c"].isspace()]
            self.repairs["unreadable_glyph"] += len(drawn)
            return self._note_unread(drawn, font)
        out: list[str] = []
        right_edge: float | None = None
        word_gap = _word_gap(chars, size)
        lettered_spaces = font in self._lettered_fonts
        self._same_origin = one_origin(chars)  # of the span being read, for ``_advance``
        context, offset = [*around[0], *chars, *around[1]], len(around[0])
        for i, char in enumerate(chars):
            if _NOT_TEXT.fullmatch(char["c"]):
                # Invisible, but a direction mark that moves the pen as far as a space is
                # the word space: Samsung's notes draw "from google.colab" as ‭from‬‭google…,
                # the space's advance given to the closing U+202C.
                # At a span's end how far it moves is not known: ``_line`` looks at the next span.
                if i + 1 < len(chars) and (_advance(chars, i, self._same_origin) or 0.0) > _SPACE_ADVANCE * size \
                        and out and not out[-1].isspace():
                    out.append(" ")
                continue
            if lettered_spaces and char["c"] == " ":
                c = self._space_drawn(context, i + offset, font, size)
            else:
                c = self._true_char(context, i + offset, font, size)
            if not c:
                continue
            x0, x1 = char["bbox"][0], char["bbox"][2]
            if _doubled_before_sara_aa(c, out, chars, i) and _nikhahit_lost(out, chars, i, i + 1):
                # The same tone mark twice before sara aa: the second is the nikhahit, a
                # glyph the ToUnicode named after the mark drawn with it (TH SarabunPSK
                # through Distiller: ต่่าสุด for ต่ำสุด), when the words say so.
                self.repairs["sara_am_glyph"] += 1
                c = NIKHAHIT
            if c.isspace():
                aa = _sara_aa_after(chars, i)
                if aa is not None and (x1 - x0 <= 0.01 or _nikhahit_lost(out, chars, i, aa)):
                    # A zero-width "space" before sara aa (a tone mark may stand between)
                    # is the nikhahit of a sara am whose ToUnicode says space (Word with
                    # Angsana/Cordia fonts; PowerPoint's ซ ้า).
                    self.repairs["sara_am_glyph"] += 1
                    out.append(NIKHAHIT)
                    continue
                if not out or not out[-1].isspace():
                    out.append(" ")
                continue
            if right_edge is not None and x0 - right_edge > word_gap * size and out and not out[-1].isspace():
                out.append(" ")  # a word gap the producer drew with positioning, not a space
            out.append(c)
            if x1 > x0:
                right_edge = x1 if right_edge is None else max(right_edge, x1)
            elif self._spacing(c):
                # A spacing glyph with an empty box (LibreOffice's shaped sara am) still
                # advances; how far is unknown, so no gap is measured across it.
                # Without this, "จำกัด" came out as "จำ กัด".
                right_edge = None
        return "".join(out)

    def lines(self, clip: pymupdf.Rect | None = None) -> list[Line]:
        """The page's lines; with ``clip``, only the characters inside it (a table cell)."""
        self._whole_page = clip is None
        if clip is None:
            self.unread = []
        raw = self.page.get_text("rawdict", flags=RAW_FLAGS, clip=clip or pymupdf.INFINITE_RECT())
        if self._clipped is None:
            whole = raw if clip is None else self.page.get_text("rawdict", flags=RAW_FLAGS,
                                                                 clip=pymupdf.INFINITE_RECT())
            self._clipped = clipped_away(self.page, whole, RAW_FLAGS)
        if (gone := drop_clipped_text(raw, self._clipped)) and clip is None:
            self.repairs["hidden_text"] += gone
        if (drawn := drawn_reading(self.page, list(raw_chars(raw)), clip)) is not None:
            blocks, set_aside = drawn  # Canva's copies under each cluster: read what is drawn
            raw = {**raw, "blocks": blocks}
            if clip is None:
                self.repairs["doubled_text"] += set_aside
        if clip is None and self._unreadable is None:
            self._unreadable = self._unreadable_in(raw)  # the page's own reading: no second one
        raw = self._legacy_reading(raw, clip)
        self._lettered_fonts = _spaces_unlike(raw)
        if clip is None:  # a cell's few lines are too few to judge a font's scale by
            self._latin_scales = latin_scales([line["spans"] for line in raw_lines(raw)])
        placed = place_late_marks(raw)  # TCPDF's marks written at a run's end
        if clip is None and placed:
            self.repairs["late_mark"] += placed
        if hidden := drop_hidden_text(raw, self._painted_boxes):
            self.repairs["hidden_text"] += hidden
        for line in raw_lines(raw):
            if horizontal(line):
                _drop_echoed_clusters(line)
        rejoin_split_lines(raw)
        if (scripts := attach_scripts(raw)) and clip is None:
            self.repairs["script"] += scripts
        if (boxes := self._marks.read_boxes(raw, self._unexplained_symbol)) and clip is None:
            self.repairs["symbol"] += boxes
        if (stacked := inline_stacked(raw, self._fraction_bars())) and clip is None:
            self.repairs["stacked_math"] += stacked
        self._raw, self._places = raw, None
        self._find_moved_marks(raw)
        page_rect = text_rect(self.page)
        result: list[Line] = []
        for block_no, block in enumerate(raw["blocks"]):
            if block.get("type") != 0:
                continue
            scales = scales_in(block, self._latin_scales)
            for line in block["lines"]:
                check_time()
                if not line["spans"]:
                    continue
                unsettled = len(self._pending)
                made = self._line(line, block_no, page_rect.x1, _SLIVER_SIZE * page_rect.height, scales)
                if made is None:
                    continue
                unseen = all(span["size"] < _UNSEEN_SIZE * page_rect.height for span in line["spans"])
                if line.get("wmode", 0) != 0 or unseen or not pymupdf.Rect(line["bbox"]).intersects(page_rect):
                    del self._pending[unsettled:]  # its unknown glyphs are not the reading's
                    if clip is None:
                        self.dropped.append(_UNREAD_RUN.sub("", made.text.replace(PLACEHOLDER, "")))
                    continue
                result.append(made)
        if self._pending:
            result = settle(result, self._pending, self.resolver, self.repairs)
            self._pending = []
        if result and recognition_layer(raw):
            # Another program's reading of handwriting or a scan: its words' sizes are its
            # guesses, and an iPad's notes (b17_30) had 43 headings of 14 levels. One size, one
            # weight; the page says whose text it is.
            size = sorted(line.size for line in result)[len(result) // 2]
            result = [replace(line, size=size, bold=False, label="", ends_bold=False) for line in result]
            if clip is None:
                self.repairs["recognised_text"] += len(result)
        result = fill_blanks(drop_repeated_text(result, self.repairs))
        if clip is None and self._pictured:
            result += self._pictured_lines(result)
        if clip is None:
            result += self._outlined(result)
        return self._read_unread(result) if self.unread else result

    def _outlined(self, lines: list[Line]) -> list[Line]:
        """The page's lines of letters drawn as outlines (``outlined_text``), read by OCR,
        each a line where it stands: an Illustrator poster's title and three of its four
        boxes were never heard. The page says some of its text was read by OCR, or, where
        OCR cannot run, that some drawn as shapes could not be read (``unread_outlines``,
        apart from ``unreadable_glyph``: the page's text layer is still worth reading)."""
        if self._ocr is None or not lines:
            return []  # no OCR to read them with; or no text layer, and the page is read by OCR whole
        found = outlined_lines(self.page, [pymupdf.Rect(line.x0, line.y0, line.x1, line.y1) for line in lines])
        if not found:
            return []
        # One reading for each size of letters: a poster's 31-pt title stacked among its
        # 8-pt lines was read as "๑๐ 4 o a=» ea»", alone as ระบบการจองตั๋วหนัง.
        found.sort(key=lambda row: row.glyph_height)
        sizes = [list(group) for _, group in itertools.groupby(
            found, key=lambda row: round(math.log(row.glyph_height, _OUTLINE_SIZES)))]
        read: list[str] = []
        for group in sizes:
            texts = self._ocr(self.page, [Unread(row.box.x0, row.box.y0, row.box.x1, row.box.y1, row.shapes, False)
                                          for row in group])
            if texts is None:
                self.repairs["unread_outlines"] += sum(row.shapes for row in group)
            read += texts or [""] * len(group)
        made = []
        for row, text in zip(found, read, strict=True):
            # Only Thai words: a diagram's shapes that passed for letters read as noise
            # ("DCRR 95ต65 BRS SO PHO๕๓๐"), and Latin has no dictionary here to tell.
            if len(_THAI_LETTER.findall(text)) >= _OUTLINE_MIN_THAI and mostly_words(text, _OUTLINE_UNKNOWN):
                self.repairs["ocr_glyph"] += len(text.strip())
                size = round(2 * _OUTLINE_EM * row.glyph_height) / 2
                made.append(Line(text.strip(), row.box.x0, row.box.y0, row.box.x1, row.box.y1, row.baseline, size,
                                 False, -1))
        return made

    def _pictured_lines(self, lines: list[Line]) -> list[Line]:
        """The words of the page's pictures of text as lines of their own, set in the page's
        commonest size (their own is not known), and counted: a slide deck's Thai labels
        were PowerPoint pictures, and 13 of its 16 slides lost them."""
        self.repairs["pictured_text"] += len(self._pictured)
        sizes = Counter(round(line.size) for line in lines for _ in line.text)
        size = float(sizes.most_common(1)[0][0]) if sizes else _PICTURED_SIZE
        return [Line(words.text, words.x0, words.y0, words.x1, words.y1, words.y1, size, False, -1,
                     words.ends_with_space) for words in self._pictured]

    def _read_unread(self, lines: list[Line]) -> list[Line]:
        """The lines with the glyphs that could not be read put back as OCR reads them from
        the page's image, each piece where it stands in its line: a textbook's code set in a
        font embedded with no map and no glyph names came out as nothing, and the page only
        said so. The glyphs read move from ``unreadable_glyph`` to ``ocr_glyph``, so the
        page still tells the listener some words were read from the image. Without OCR, or
        when most of the page is unreadable (read whole by OCR instead, ``pdf``), the marks go."""
        texts = [line.text for line in lines]
        runs = [(k, match) for k, text in enumerate(texts) for match in _UNREAD_RUN.finditer(text)]
        pieces = [functools.reduce(Unread.joined, (self.unread[ord(ch) - _UNREAD_MARK] for ch in match.group()
                                                   if not ch.isspace())) for _, match in runs]
        unread = sum(piece.glyphs for piece in pieces)
        readable = sum(len(_UNREAD_RUN.sub("", text)) for text in texts)
        read = [""] * len(pieces)
        if self._ocr is not None and MIN_UNREAD_GLYPHS <= unread <= readable:
            read = self._ocr(self.page, pieces) or read
        for (k, match), piece, text in zip(reversed(runs), reversed(pieces), reversed(read), strict=True):
            before, after = texts[k][: match.start()], texts[k][match.end():]
            in_word = is_thai(before[-1:]) and is_thai(after[:1])
            if in_word and piece.x1 - piece.x0 < _MARK_PIECE * (piece.y1 - piece.y0):
                # A mark inside a Thai word (its glyphs take no room): only Thai, and back
                # inside its word. An iOS form's every shifted mai tho, read alone, came out
                # "ใช a fs บริการ", "ต % อง".
                text = text.strip() if all(is_thai(ch) for ch in text.strip()) else ""
                texts[k] = before + text + after
            elif text or not in_word:
                texts[k] = f"{before} {text} {after}"
            else:
                # A mark nothing read, inside a Thai word (Print To PDF draws a shifted
                # mai tho in a font of its own): the word stays whole, "พืนฐาน", not "พื นฐาน".
                texts[k] = before + after
            if text:
                self.repairs["unreadable_glyph"] -= piece.glyphs
                self.repairs["ocr_glyph"] += piece.glyphs
                self.read_in_pieces += piece.glyphs
        if self.repairs["unreadable_glyph"] <= 0:
            del self.repairs["unreadable_glyph"]
        return [replace(line, text=" ".join(text.split())) for line, text in zip(lines, texts, strict=True)
                if text.strip()]

    def _legacy_reading(self, raw: dict, clip: pymupdf.Rect | None) -> dict:
        """The page's reading, with a legacy Thai font's text read as TIS-620 (``thai/legacy.py``).

        Such a font's codes reach us in one of two ways. With no Unicode for them, MuPDF
        gives U+FFFD for each (and drops a mark's base drawn at the mark's place as a
        repeat): only then is the page read again, with the codes of those characters.
        Under a Latin encoding (WinAnsi), they come as Latin-1 letters. If a font's codes
        read as TIS-620 Thai, its characters become Thai, each with its glyph (taught to the
        resolver, so the shifted marks at codes TIS-620 leaves out are named from their
        drawing); other fonts' characters without Unicode stay U+FFFD, as before."""
        coded = any(ch["c"] == "\ufffd" for ch in raw_chars(raw))
        if coded:
            flags = RAW_FLAGS | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
            reading = self.page.get_text("rawdict", flags=flags, clip=clip or pymupdf.INFINITE_RECT())
        elif any(0xA1 <= ord(ch["c"]) <= 0xFB for ch in raw_chars(raw)):
            reading = raw
        else:
            return raw
        self._judge_legacy_fonts(reading)
        if not any(self.resolver.legacy.get(font_key(span["font"]), False) for span in raw_spans(reading)):
            return raw  # judged without the glyph trace, which only a legacy font needs
        glyphs = self._latin_glyphs(reading)
        if coded:
            glyphs |= self._unknown_glyphs(reading)
        for span in raw_spans(reading):
            legacy = self.resolver.legacy.get(font_key(span["font"]), False)
            span["chars"] = [self._read_legacy(ch, glyphs.get(id(ch)), legacy, coded) for ch in span["chars"]]
        return reading

    def _unknown_glyphs(self, coded: dict) -> dict[int, tuple[str, int]]:
        """The characters of a reading with codes whose Unicode is unknown (the trace has
        them as U+FFFD at their place), by ``id``, with the glyph each draws: the k-th such
        character at a place is the k-th glyph drawn there."""
        found: dict[int, tuple[str, int]] = {}
        taken: Counter[tuple[float, float]] = Counter()
        for char in raw_chars(coded):
            if self._traced().glyphs(char["origin"], char["c"]):
                continue  # the trace knows this character: its Unicode is known
            glyphs = self._traced().glyphs(char["origin"], "\ufffd")
            place = _place(char["origin"])
            if taken[place] < len(glyphs):
                found[id(char)] = glyphs[taken[place]]
                taken[place] += 1
        return found

    def _latin_glyphs(self, raw: dict) -> dict[int, tuple[str, int]]:
        """The characters of a reading that stand for a byte above 0x7F (Latin-1, or a
        Windows-1252 sign such as ‹ for 0x8B), by ``id``, with the glyph each draws."""
        found: dict[int, tuple[str, int]] = {}
        for char in raw_chars(raw):
            code = _byte_code(char["c"])
            if code is not None and code >= 0x80 and (glyph := self._traced().glyph(char["origin"], char["c"])):
                found[id(char)] = glyph
        return found

    def _judge_legacy_fonts(self, reading: dict) -> None:
        """Decide, for each font not judged yet, whether its codes are TIS-620 Thai (from all
        it shows on this page, Unicode Thai among it saying no; a font with too little stays
        unjudged)."""
        unjudged = (span for span in raw_spans(reading) if font_key(span["font"]) not in self.resolver.legacy)
        for key, text in _texts_by_font(unjudged, font_key, _byte_char).items():
            verdict = reads_as_tis620(text)
            if verdict is not None:
                self.resolver.legacy[key] = verdict

    def _read_legacy(self, char: dict, glyph: tuple[str, int] | None, legacy: bool, coded: bool) -> dict:
        """One character of the reading: Thai if a legacy font's code is TIS-620 Thai (the
        resolver learns its glyph); U+FFFD, with its glyph, if it is that font's own mark
        or has no Unicode; else as it is."""
        if glyph is None:
            return char
        thai = tis620(_byte_char(char["c"])) if legacy else ""
        if is_thai(thai):
            self.repairs["tis620"] += 1
            if thai != SARA_AM:
                self.resolver.learn(glyph[0], glyph[1], thai)
            return dict(char, c=thai, glyph=glyph)
        if legacy or coded:
            return dict(char, c="\ufffd", glyph=glyph)
        return char

    def _line(
        self, line: dict, block_no: int, page_right: float, sliver: float = 0.0, scales: dict[str, float] | None = None
    ) -> Line | None:
        """One line; its box is cut at the page edge so an overflowing line does not
        look like a wider column to the layout. A span with no Thai set smaller than
        ``sliver`` in a line that can be seen is left out: Word's footnote fields left "62"
        at 0.7 pt after a footnote's mark, and "มาตรา 51¹" was read "มาตรา 51162". A
        number set small and raised after text is written raised (``_raised``). Its size
        reads Latin fonts' letters at Thai's size by ``scales`` (``script_sizes``)."""
        parts: list[str] = []
        sizes: Counter[float] = Counter()
        bold_chars = mono_chars = 0
        starts_mono: bool | None = None  # whether its first visible span is monospaced
        lettered: float | None = None  # the baseline of its first span with letters
        previous_right: float | None = None
        spaced_by_mark = False  # the span before ended in a direction mark a space wide
        spans = [span for span in line["spans"] if span["chars"]]
        seen = any(span["size"] >= sliver for span in spans)

        def unseen(span: dict) -> bool:
            text = "".join(c["c"] for c in span["chars"])
            return span["size"] < sliver and (_has_letters(text) or not _THAI_OR_SHIFTED.search(text))

        def starts_after(k: int, x0: float) -> float:
            """Where the line starts when its spans up to ``k`` read as nothing: at the next
            span seen with text (a gap before it is a word's), else where it did."""
            return next((sp["chars"][0]["bbox"][0] for sp in spans[k + 1 :]
                         if not unseen(sp) and "".join(c["c"] for c in sp["chars"]).strip()), x0)

        before: dict | None = None  # the last span read with text, which a raised number is raised from
        lead: list[str] | None = []  # the text of its bold spans so far, until a regular one with letters
        label = ""
        ends_bold = False
        x0 = line["bbox"][0]
        ink_right: float | None = None  # where its last drawn character ends
        for k, span in enumerate(spans):
            if seen and unseen(span):
                self.repairs["hidden_text"] += len(span["chars"])
                text = " " if any(char["c"].isspace() for char in span["chars"]) else ""  # its word space stays
                if not parts:  # the line starts where its text can be seen
                    x0 = starts_after(k, x0)
            else:
                text = self._span_text(span["chars"], span["size"], span["font"], _around(spans, k))
            text = _NOT_TEXT.sub("", text).translate(_LIGATURES)
            if not text:
                if not parts:  # a leading glyph read as nothing (a symbol font's box)
                    x0 = starts_after(k, x0)
                continue
            gap = span["chars"][0]["bbox"][0] - (previous_right or 0.0)
            spaced = (bool(parts) and parts[-1][-1:].isspace()) or text[:1] in ("", " ")
            word_gap = gap > _WORD_GAP * span["size"] or (spaced_by_mark and gap >= 0)
            if before is not None and not spaced and not word_gap and _raised(span, before, text):
                text = text.translate(_SUPERSCRIPT)
            if text.strip():
                before = span
                inked = [char["bbox"][2] for char in span["chars"] if not char["c"].isspace()]
                if inked:
                    ink_right = max(inked) if ink_right is None else max(ink_right, *inked)
            if previous_right is not None and not spaced and word_gap:
                text = " " + text
            previous_right = span["chars"][-1]["bbox"][2]
            spaced_by_mark = _ends_in_spacing_mark(span)
            parts.append(text)
            visible = len(text.strip())
            if _has_letters(text):
                sizes[round(size_beside_thai(span, scales or {}), 1)] += visible
                lettered = span["origin"][1] if lettered is None else lettered
            bold = bool(span["flags"] & BOLD_FLAG or "bold" in span["font"].lower())
            if bold:
                bold_chars += visible
            if text.strip():
                ends_bold = bold
            if lead is not None and (bold or _has_letters(text)):
                if not bold:
                    label, lead = "".join(lead).strip(), None
                else:
                    lead.append(text)
            if _monospaced(span, text):
                mono_chars += visible
            if starts_mono is None and visible:
                starts_mono = _monospaced(span, text)
        joined = "".join(parts)
        text = " ".join(_NEGATED.sub(_negated, joined).split())
        if not text:
            return None
        _, y0, x1, y1 = line["bbox"]
        x1 = min(x1, page_right)
        size = sizes.most_common(1)[0][0] if sizes else round(line["spans"][0]["size"], 1)  # marks alone
        # The baseline of its first letters: Word 2019 draws a displaced Thai mark as a tiny
        # glyph 6 pt below the line, and MuPDF starts a line at each such mark.
        baseline = line["spans"][0]["origin"][1] if lettered is None else lettered
        return Line(
            text, x0, y0, x1, y1, baseline, size, bold_chars * 2 > len(text), block_no, joined[-1:].isspace(),
            mono=mono_chars * 2 > len(text) or bool(starts_mono),  # a line of code ending in a comment in prose
            blanks=_blanks(spans) if BLANK.search(text) else (), label=" ".join(label.split()),
            ends_bold=ends_bold, ink_x1=ink_right if joined[-1:].isspace() else None,
        )
