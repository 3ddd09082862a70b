"""From Tesseract's TSV to text blocks in reading order, without specks, junk or furniture.

Pure geometry on pixel boxes (no image, no Tesseract): so each rule is testable with a
few hand-made words. For Thai, Tesseract's TSV "words" are single clusters (a consonant,
a vowel, a tone mark), each with its own box and confidence; a line is rebuilt from them.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from guidelight.extract.layout import RUNNING_SHARE

THAI_MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
_LETTER = re.compile(r"[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e50-\u0e59A-Za-z0-9]")
_THAI_BASE = re.compile(r"[\u0e01-\u0e2e]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_LABEL_WORD = re.compile(r"[A-Za-z]{5,}")  # speckle and marks have been read as "Any", never as longer words
# A number with decimals, a result table's "-129.33" or "0.000": speckle never reads as one,
# and a row of them (a screenshot of SPSS output) is all the row says.
_DECIMAL = re.compile(r"[-−(]?\d+(?:,\d{3})*\.\d+%?\)?,?")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_WORD_SHAPE = re.compile(r"\W*(?:[A-Z]?[a-z]{2,}|[A-Z]{3,})\W*")  # "the", "Cost)", "GDP"; not "aAvA"
_LONG_LATIN_WORD = re.compile(r"\W?[A-Z]?[a-z]{3,}\W{0,2}")  # "(Opportunity", not "aAvA"
_THAI_ANY = re.compile(r"[\u0e01-\u0e5b]")
_STRAY_DOTS = frozenset({".", ","})
_SOUND_PUNCTUATION = re.compile(r"^(?:[0-9]+|[.,:;()\-])$")
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:หน้า|page|p\.)?\s*[0-9๐-๙]{1,4}(?:\s*/\s*[0-9๐-๙]{1,4})?[\W_]*$", re.I)

MIN_WORD_CONF = 50  # below this a piece is Tesseract guessing at a speck of dust
DOUBLE_OVERLAP = 0.4  # two letters overlapping by this share of the narrower are one glyph read twice
SURE_CONF = 85  # a non-Thai piece read with less than this is suspect on a Thai page
DUST_SHARE = 0.4  # a line with this share of dust-like pieces is speckle, not text
MIN_LINE_CONF = 72  # a line whose mean confidence is lower is junk (speckle, a smudge, a stamp)
_SPECK_RUN = 8  # pieces a row of one repeated speck has at least ...
_TINY_SHARE = 0.8  # ... this share of them one or two characters ...
_SAME_SPECK_SHARE = 0.3  # ... and this share the same one
SHORT_LINE_CONF = 92  # ... and a line of one to three letters must be read with this much
HEADING_SIZE = 1.3  # a line this much taller than the page's body lines is a heading
SURE_SIZE_PIECES = 10  # a line of fewer pieces is too short to measure its type size on its own
MARGIN = 0.09  # top and bottom bands of the page where running headers and page numbers live
SMALL = 0.85  # a running header's letters are at most this size against the body's
MARK_ROW = 0.9  # a line at most this tall, of the letters of the line under it, ...
MARK_GAP = 0.5  # ... ending at most this far above that line (of its letters' height) ...
MARK_OVERLAP = 0.2  # ... or reaching this far down into it, holds that line's marks


@dataclass
class OcrWord:
    """One TSV piece: a Latin word, or for Thai a single letter or mark; box in pixels, conf 0-100."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def is_mark(self) -> bool:
        return all(c in THAI_MARKS for c in self.text)


@dataclass
class OcrLine:
    """One line as Tesseract found it; ``para`` is its (block, paragraph) number, ``image``
    which of the images read in one run it is in (1 for the first)."""

    para: tuple[int, int]
    words: list[OcrWord] = field(default_factory=list)
    text: str = ""
    kind: str = "body"
    image: int = 1

    @property
    def x0(self) -> int:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> int:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        """Top of the line's letters: a median, as a few of Tesseract's boxes are far too tall."""
        return statistics.median(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return statistics.median(w.y1 for w in self.words)

    @property
    def glyph_height(self) -> float:
        """Height of the line's letters, its type size: the lower quartile of the pieces' heights,
        as marks above and below and Tesseract's over-tall boxes only ever stretch them."""
        heights = sorted(w.height for w in self.words if not w.is_mark) or [w.height for w in self.words]
        return heights[len(heights) // 4]

    @property
    def conf(self) -> float:
        chars = sum(len(w.text) for w in self.words)
        return sum(w.conf * len(w.text) for w in self.words) / max(1, chars)


@dataclass
class LayoutBlock:
    """A paragraph or heading: its lines, kind and repaired text; box in pixels of the page image."""

    lines: list[OcrLine]
    kind: str
    text: str = ""

    @property
    def x0(self) -> int:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> int:
        return max(line.x1 for line in self.lines)

    @property
    def y0(self) -> float:
        return min(line.y0 for line in self.lines)

    @property
    def y1(self) -> float:
        return max(line.y1 for line in self.lines)


_DARK = bytes.maketrans(bytes(range(256)), bytes([1] * 128 + [0] * 128))
INK_ROW = 0.004  # a row with dark pixels over this share of the width holds text, not a few specks
MIN_BAND = 12  # pixels: a band of ink lower than this is a rule or dust, not a line of text


@dataclass(frozen=True)
class Image:
    """A one-byte-per-pixel greyscale image, as Tesseract was given it, read a part at a time."""

    samples: bytes
    stride: int
    width: int
    height: int

    def grey(self, x0: int, y0: int, x1: int, y1: int) -> list[bytes]:
        """Each row of the box, clipped to the image, as its grey values."""
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(self.width, x1), min(self.height, y1)
        return [self.samples[y * self.stride + x0:y * self.stride + x1] for y in range(y0, y1)]

    def dark(self, x0: int, y0: int, x1: int, y1: int) -> list[bytes]:
        """Each row of the box, clipped to the image, as 1 for a dark pixel and 0 for a light one."""
        return [row.translate(_DARK) for row in self.grey(x0, y0, x1, y1)]

    def ink(self, x0: int, y0: int, x1: int, y1: int) -> float:
        """The share of the box (clipped to the image) that is dark."""
        rows = self.dark(x0, y0, x1, y1)
        area = sum(len(row) for row in rows)
        return sum(row.count(1) for row in rows) / area if area else 0.0


def ink_rows(image: Image, x0: int, x1: int) -> list[int]:
    """Dark pixels in each row of ``image``, between columns x0 and x1."""
    return [row.count(1) for row in image.dark(x0, 0, x1, image.height)]


def missed_bands(rows: list[int], lines: list[OcrLine], x0: int, x1: int) -> list[tuple[int, int]]:
    """Bands of text-like ink in the strip x0..x1 that no line Tesseract returned there touches."""
    inked = [count > max(8, (x1 - x0) * INK_ROW) for count in rows]
    bands: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*inked, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((start, y))
            start = None
    merged: list[tuple[int, int]] = []
    for top, bottom in bands:  # marks above a line are a band of their own: join bands a little apart
        if merged and top - merged[-1][1] < MIN_BAND:
            merged[-1] = (merged[-1][0], bottom)
        else:
            merged.append((top, bottom))
    spans = [(line.y0, line.y1) for line in lines if line.words and line.x0 < x1 and x0 < line.x1]
    return [(top, bottom) for top, bottom in merged
            if bottom - top >= MIN_BAND and not any(t < bottom and top < b for t, b in spans)]


BULLET = "•"
BULLET_INK = 0.6  # share of a bullet's ink box that is ink: a disc fills 79% of its square, "๑" about 30%
BULLET_SHAPE = 1.4  # a bullet's ink is about square: one side at most this many times the other
BULLET_SIZE = (0.25, 1.2)  # and as tall, against the line's letters, as more than a speck, less than a picture
BULLET_SOLID = 0.9  # at least this share of a bullet's rows are ink without a gap
BULLET_GROUND = 0.15  # at most this share of ink around it: it stands on paper, not in a dark screenshot


def mark_bullets(image: Image, lines: list[OcrLine]) -> None:
    """Turn back into bullets the list bullets Tesseract read as a digit or a letter: "●"
    read as "๑" is heard "หนึ่ง" before every item (b13_35), or as "@".

    A line's first piece is a bullet when the ink in its box is a solid dot on paper:
    about square, about as tall as the line's letters, mostly ink, with little ink
    around it (every letter of a light-on-dark screenshot is "mostly ink"). Pieces read
    from nothing in the gap after it (a box with no ink, or one overlapping the dot:
    "@ =", "@๑") go with it.
    """
    for line in lines:
        if not line.words or not _solid_dot(image, line.words[0], line.glyph_height):
            continue
        first, rest = line.words[0], line.words[1:]
        while rest and (rest[0].x0 < first.x1 or not image.ink(rest[0].x0, rest[0].y0, rest[0].x1, rest[0].y1)):
            rest.pop(0)
        first.text = BULLET
        line.words = [first, *rest]


def _solid_dot(image: Image, word: OcrWord, size: float) -> bool:
    rows = image.dark(word.x0, word.y0, word.x1, word.y1)
    runs: list[list[tuple[int, int, int]]] = []  # rows of ink one under the other; a speck apart is its own
    for y, row in enumerate(rows):
        if 1 in row:
            if not runs or runs[-1][-1][0] != y - 1:
                runs.append([])
            runs[-1].append((y, row.find(1), row.rfind(1)))
    if not runs:
        return False
    inked = max(runs, key=len)
    top, bottom = inked[0][0], inked[-1][0] + 1
    left, right = min(x for _, x, _ in inked), max(x for _, _, x in inked) + 1
    width, height = right - left, bottom - top
    x0, y0 = max(0, word.x0) + left, max(0, word.y0) + top
    solid = sum(0 not in rows[y][start:end + 1] for y, start, end in inked)
    if not (solid >= BULLET_SOLID * len(inked)  # a dot's rows are ink from edge to edge; a letter's have gaps
            and max(width, height) <= BULLET_SHAPE * min(width, height)
            and BULLET_SIZE[0] * size <= height <= BULLET_SIZE[1] * size):
        return False
    fill = image.ink(x0, y0, x0 + width, y0 + height)
    if fill < BULLET_INK:
        return False
    pad_x, pad_y = width // 2 + 1, height // 2 + 1
    ring = (x0 - pad_x, y0 - pad_y, x0 + width + pad_x, y0 + height + pad_y)
    inner, outer = width * height, (ring[2] - ring[0]) * (ring[3] - ring[1])
    around = (image.ink(*ring) * outer - inner * fill) / (outer - inner)
    return around <= BULLET_GROUND


def parse_tsv(tsv: str) -> list[OcrLine]:
    """Tesseract's TSV (level 5 rows are words) as lines, in Tesseract's order."""
    lines: dict[tuple[int, int, int, int], OcrLine] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        image, block, par, line = (int(c) for c in cols[1:5])
        left, top, width, height = (int(c) for c in cols[6:10])
        word = OcrWord(cols[11].strip(), left, top, left + width, top + height, float(cols[10]))
        lines.setdefault((image, block, par, line), OcrLine((block, par), image=image)).words.append(word)
    return list(lines.values())


def mark_rows(lines: list[OcrLine]) -> list[tuple[OcrLine, list[OcrLine]]]:
    """Lines that are only the marks over another line, read apart by Tesseract's layout, each
    group with the line it belongs to, in the order of those lines.

    With the wide line spacing Thai reports are typed in (1.5 to double), Tesseract often
    takes the row of tone marks and upper vowels over a line for a line of its own. It reads
    that row as junk (``= a CA ๕ a 6 เ จ่``), heard between two lines, and the line under it
    loses its marks (``ติดตง`` for ``ติดตั้ง``), or some of its syllables read again with their
    marks as another line. Such a row is thin against the line under it and ends just above
    it, or reaches from above the line's letters down into them; it lies within the line's
    width, and is read without confidence or is a few pieces: a line of small print read
    well is text of its own, and so is a long Latin word read with confidence.
    """
    groups: dict[int, list[OcrLine]] = {}
    for row in lines:
        if (row.conf >= SURE_CONF and len(row.words) > 3) or any(
                w.conf >= SURE_CONF and _LABEL_WORD.search(w.text) for w in row.words):
            continue  # text of its own: a diagram's label over a box ("RoomReservation")
        under = [line for line in lines if line is not row and _holds_marks_of(row, line)]
        if under:
            base = min(under, key=lambda line: abs(line.y0 - row.y1))
            groups.setdefault(id(base), []).append(row)
    rows = {id(row) for found in groups.values() for row in found}
    return [(line, groups[id(line)]) for line in lines if id(line) in groups and id(line) not in rows]


def _holds_marks_of(row: OcrLine, line: OcrLine) -> bool:
    """Is ``row`` the marks over ``line``: a thin row just over it, or a piece of the line read
    with its marks (from over the line's letters down into them)?"""
    size = line.glyph_height
    gap = line.y0 - row.y1
    over = row.y1 - row.y0 <= MARK_ROW * size and -MARK_OVERLAP * size <= gap <= MARK_GAP * size
    piece = row.y0 < line.y0 - MARK_OVERLAP * size and line.y0 + size / 2 <= row.y1 <= line.y1 + MARK_OVERLAP * size
    return (over or piece) and line.x0 - size <= row.x0 and row.x1 <= line.x1 + size


def letter_count(words: list[OcrWord]) -> int:
    """Letters and digits among ``words``, marks and punctuation aside: what a reading keeps."""
    return sum(len(_LETTER.findall(w.text)) for w in words)


def latin_words(words: list[OcrWord]) -> list[str]:
    """The Latin words of three letters or more among ``words``."""
    return [found for w in words for found in _LATIN_WORD.findall(w.text)]


def mark_count(words: list[OcrWord]) -> int:
    """Thai marks (tone marks, upper and lower vowels) among ``words``."""
    return sum(char in THAI_MARKS for w in words for char in w.text)


def looks_like_dust(word: OcrWord, latin_line: bool = False) -> bool:
    """What speckle is read as: in Thai text, short or doubtful non-Thai pieces (``aA``, ``|``, ``'``);
    in a Latin line, doubtful pieces or ones with no letter or digit at all.

    Numbers and ordinary punctuation read with confidence are text, and so is a long Latin word.
    """
    if _THAI_ANY.search(word.text) or word.text == BULLET:  # a bullet is known by its shape (mark_bullets)
        return False
    if latin_line:  # "a", "of", "is" are words here
        return word.conf < MIN_WORD_CONF or not (_LETTER.search(word.text) or _SOUND_PUNCTUATION.match(word.text))
    if _LONG_LATIN_WORD.fullmatch(word.text):  # speckle does not spell "(Opportunity"
        return word.conf < MIN_WORD_CONF
    return word.conf < SURE_CONF or (len(word.text) <= 2 and not _SOUND_PUNCTUATION.match(word.text))


def _drop_doubles(words: list[OcrWord]) -> list[OcrWord]:
    """Of two readings Tesseract gave of one syllable (``ซี่`` then ``ซึ่``), keep the surer one.

    Tesseract's boxes are too rough to compare any two letters, but two pieces that start
    with the same letter and overlap by much of their width are two readings of one glyph;
    the marks read with the dropped one go with it.
    """
    kept: list[OcrWord] = []
    base = -1  # index in kept of the last piece that is not a mark
    skipping = False
    for word in words:
        if word.is_mark:
            if not skipping:
                kept.append(word)
            continue
        skipping = False
        last = kept[base] if base >= 0 else None
        if last and word.text[0] == last.text[0]:
            overlap = min(last.x1, word.x1) - max(last.x0, word.x0)
            if overlap > DOUBLE_OVERLAP * min(last.x1 - last.x0, word.x1 - word.x0):
                if word.conf <= last.conf:
                    skipping = True
                    continue
                del kept[base:]
        base = len(kept)
        kept.append(word)
    return kept


def drop_specks(line: OcrLine) -> None:
    """Remove dust read as letters or punctuation: pieces Tesseract itself barely believes,
    single dust-like characters anywhere, and dust-like pieces at the ends of the line.

    Box sizes are no help: Tesseract's per-symbol boxes for Thai are often a few pixels
    wide for a real letter, so only what was read and how surely tells dust from text.
    """
    latin = is_latin(line)
    words = [w for w in line.words if (w.conf >= MIN_WORD_CONF or w.is_mark)
             and not (len(w.text) == 1 and looks_like_dust(w, latin))]
    words = _drop_doubles(words)
    while words and (looks_like_dust(words[0], latin) or words[0].text in _STRAY_DOTS):
        words.pop(0)
    while words and (looks_like_dust(words[-1], latin) or _stray_final_dot(words)):
        words.pop()
    line.words = words


def is_latin(line: OcrLine) -> bool:
    """A line mostly in Latin words (English in a Thai course text, or an English page); speckle
    read as Latin (``a wo PS aA``) is not, as few of its pieces are words of three letters."""
    text = "".join(w.text for w in line.words)
    latin = [w for w in line.words if _LATIN_LETTER.search(w.text)]
    words = sum(bool(_WORD_SHAPE.fullmatch(w.text)) for w in latin)
    return len(_LATIN_LETTER.findall(text)) > len(_THAI_BASE.findall(text)) and words * 2 >= len(latin)


def _stray_final_dot(words: list[OcrWord]) -> bool:
    """A dot ending a line of Thai is dust (Thai ends sentences with a space), unless it
    closes an abbreviation written with dots (``พ.ศ.``)."""
    if words[-1].text not in _STRAY_DOTS or len(words) < 2:
        return False
    before = "".join(w.text for w in words[-4:-1])
    return bool(_THAI_ANY.search(before[-1:])) and "." not in before


def is_junk(line: OcrLine) -> bool:
    """Mostly dust, read with so little confidence that it is noise, or without a single word:
    no Thai letter and no Latin word, unless it is a page number (furniture, dropped later)."""
    text = "".join(w.text for w in line.words)
    if _PAGE_NUMBER.match(text):
        return line.conf < SHORT_LINE_CONF
    letters = len(_LETTER.findall(text))
    latin = is_latin(line)
    dust = sum(looks_like_dust(w, latin) for w in line.words)
    decimals = any(_DECIMAL.fullmatch(w.text) for w in line.words)
    has_word = _THAI_BASE.search(text) or _LATIN_WORD.search(text) or decimals
    return (not has_word or line.conf < MIN_LINE_CONF or dust >= DUST_SHARE * len(line.words)
            or (letters <= 3 and line.conf < SHORT_LINE_CONF) or _repeated_specks(line))


def _repeated_specks(line: OcrLine) -> bool:
    """A row of tiny pieces spaced apart, one of them over and over: a breadboard's holes
    read as "๑ ๑ ๑ ๑๑ ๑ จ ๑ ..." (a lab report's photograph, 300 pieces heard as "หนึ่ง"),
    not a line of text, whose pieces are words; a scale ("ระดับ 1 2 3 4 5") repeats none."""
    pieces = line_text(line).split()
    if len(pieces) < _SPECK_RUN or sum(len(piece) <= 2 for piece in pieces) < _TINY_SHARE * len(pieces):
        return False
    return Counter(pieces).most_common(1)[0][1] >= _SAME_SPECK_SHARE * len(pieces)


def reattach_marks(lines: list[OcrLine]) -> list[OcrLine]:
    """A line of nothing but marks lost them from the line below it: put each back on its base."""
    kept: list[OcrLine] = []
    for index, line in enumerate(lines):
        if not all(w.is_mark for w in line.words):
            kept.append(line)
            continue
        reach = 2 * (line.y1 - line.y0) + 1
        below = [other for other in lines[index + 1:] if not all(w.is_mark for w in other.words)
                 and 0 <= other.y0 - line.y0 <= reach and other.x0 <= line.x1 and line.x0 <= other.x1]
        if below:
            target = below[0]
            target.words = sorted(target.words + line.words, key=lambda w: (w.x0 + w.x1) / 2)
    return kept


def line_text(line: OcrLine) -> str:
    """The line's pieces joined in order, with a space where the gap is as wide as a word space."""
    parts: list[str] = []
    right = None
    space = line.glyph_height * 0.45
    previous = ""
    for word in line.words:
        # Tesseract cuts Latin text into words at its spaces; Thai into letters, spaced by the gaps.
        latin_pair = not _THAI_ANY.search(previous + word.text)
        if right is not None and not word.is_mark and (latin_pair or word.x0 - right > space):
            parts.append(" ")
        parts.append(word.text)
        right = word.x1 if right is None else max(right, word.x1)
        previous = word.text
    return "".join(parts)


def mark_furniture(lines: list[OcrLine], page_height: int, body: float) -> None:
    """Running headers and page numbers: page numbers, and small isolated lines in the margins.

    A title or the first line of a column also sits alone at the top of the page, but in
    the body's type size or larger; a running header is set smaller than the body.
    """
    for line in lines:
        if _PAGE_NUMBER.match(line.text) and _first_or_last_row(line, lines, page_height):
            line.kind = "furniture"  # a book with deep margins sets it below the top tenth
            continue
        top, bottom = line.y1 < page_height * MARGIN, line.y0 > page_height * (1 - MARGIN)
        if not (top or bottom):
            continue
        if _PAGE_NUMBER.match(line.text):
            line.kind = "furniture"
            continue
        column = [o for o in lines if o is not line and o.x0 < line.x1 and line.x0 < o.x1]
        beyond = [o for o in column if (o.y0 < line.y0 if top else o.y0 > line.y0)]
        gaps = [o.y0 - line.y1 if o.y0 > line.y0 else line.y0 - o.y1 for o in column]
        isolated = min(gaps, default=page_height) > line.glyph_height * 1.2
        if isolated and not beyond and line.glyph_height < body * SMALL:
            line.kind = "furniture"


def _first_or_last_row(line: OcrLine, lines: list[OcrLine], page_height: int) -> bool:
    """Does ``line`` stand in the top or bottom fifth with no other line wholly above it
    (or below it), where a running head's page number stands?"""
    if line.y1 < page_height * RUNNING_SHARE:
        return not any(other.y1 <= line.y0 for other in lines)
    if line.y0 > page_height * (1 - RUNNING_SHARE):
        return not any(other.y0 >= line.y1 for other in lines)
    return False


def join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one string: Thai runs on with no space, other scripts with
    one, and so do two numbers (a letter's postcode line, then its date: "๗๗๑๕๐" and
    "๙ ธันวาคม" ran together as one number; a number is not broken across lines)."""
    out = ""
    for text in texts:
        numbers = out[-1:].isdigit() and text[:1].isdigit()  # Thai digits too
        if out and (numbers or not (_is_thai(out[-1]) and _is_thai(text[0]))):
            out += " "
        out += text
    return out


def _is_thai(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e5b"


def reading_order(blocks: list[LayoutBlock], page_width: int) -> list[LayoutBlock]:
    """Top to bottom, but side-by-side columns one after the other, left column first.

    A block that crosses the middle of the page (a title, a full-width paragraph) closes
    the columns above it; the blocks between two such blocks are read left column then right.
    """
    middle = page_width / 2
    ordered: list[LayoutBlock] = []
    pending: list[LayoutBlock] = []

    def flush() -> None:
        left = sorted((b for b in pending if (b.x0 + b.x1) / 2 < middle), key=lambda b: b.y0)
        right = sorted((b for b in pending if (b.x0 + b.x1) / 2 >= middle), key=lambda b: b.y0)
        side_by_side = any(a.y0 < b.y1 and b.y0 < a.y1 for a in left for b in right)
        # Columns only when text stands side by side; a signature block alone on the right is just lower.
        ordered.extend(left + right if side_by_side else sorted(pending, key=lambda b: b.y0))
        pending.clear()

    for block in sorted(blocks, key=lambda b: b.y0):
        spans = block.x0 < middle - page_width * 0.05 and block.x1 > middle + page_width * 0.05
        if spans:
            flush()
            ordered.append(block)
        else:
            pending.append(block)
    flush()
    return ordered


RAGGED = 4.0  # letter heights: a line ending this near its column's right edge runs on (Thai breaks between words)
PITCH_SLACK = 1.3  # a step from line to line this much over the page's usual one is a paragraph's own space
PROSE_WIDTH = 20  # letter heights: a line at least this wide is prose; a list of names is narrower
SAME_SIZE = 1.25  # two lines' letters at most this many times the other's height are set in one size
_LIST_ITEM = re.compile(r"^(?:[0-9๐-๙]{1,3} ?[.)]|[ก-ฮ] ?\.|\(?[0-9๐-๙A-Za-zก-ฮ]{1,2}\)|[-•▪●○◦■□➢✓*])")


def run_on(blocks: list[LayoutBlock], lines: list[OcrLine]) -> list[LayoutBlock]:
    """Blocks that are one paragraph cut at its lines, joined again, in Tesseract's order.

    Tesseract ends a paragraph at every line of a double-spaced page, and at some lines of
    a single-spaced one: each line was heard as a paragraph of its own, a sentence cut in
    the middle. A body block runs on into the next when its last line reaches its column's
    right edge, give or take a word, and is as wide as prose; the next starts at the
    column's left edge, neither indented nor a list item, in the same size, and reads as
    the rest of a sentence; and the step between the lines is the page's usual one.
    """
    pitch = _line_pitch(lines)
    joined: list[LayoutBlock] = []
    for block in blocks:
        last = joined[-1] if joined else None
        if last is not None and last.kind == block.kind == "body" and pitch \
                and _runs_on(last.lines[-1], block.lines[0], lines, pitch):
            last.lines.extend(block.lines)
        else:
            joined.append(block)
    return joined


def _line_pitch(lines: list[OcrLine]) -> float:
    """The page's usual step from a line's foot to the foot of the line under it (0 if none)."""
    steps = []
    for line in lines:
        below = [o.y1 - line.y1 for o in lines if o.y0 > line.y1 and o.x0 < line.x1 and line.x0 < o.x1]
        if below:
            steps.append(min(below))
    return statistics.median(steps) if steps else 0.0


def _runs_on(end: OcrLine, start: OcrLine, lines: list[OcrLine], pitch: float) -> bool:
    size = end.glyph_height
    column = [o for o in lines if o.kind == "body" and o.x0 < end.x1 and end.x0 < o.x1]
    left, right = min(o.x0 for o in column), max(o.x1 for o in column)
    return (0 < start.y1 - end.y1 <= pitch * PITCH_SLACK and end.x1 - end.x0 >= PROSE_WIDTH * size
            and end.x1 >= right - RAGGED * size and start.x0 <= left + size
            and max(size, start.glyph_height) <= SAME_SIZE * min(size, start.glyph_height)
            and not _LIST_ITEM.match(start.text) and _goes_on(start.text))


def _goes_on(text: str) -> bool:
    """Can ``text`` be the rest of a sentence: a Thai line, or a Latin one starting in lower
    case (a screenshot's rows, "T-Value P-Value", and a pinout's labels are not)."""
    thai, latin = len(_THAI_BASE.findall(text)), len(_LATIN_LETTER.findall(text))
    return thai >= latin or text[:1].islower()


def _in_item(block: LayoutBlock, line: OcrLine, body: float) -> bool:
    """Does ``line`` go on in ``block``, as far as lists go: a bullet begins an item of its own,
    and a line set out to the bullet, not under the item's text, ends the item."""
    if line.text[:1] == BULLET:
        return False
    first = block.lines[0].words
    return not (first[0].text == BULLET and len(first) > 1 and line.x0 < first[1].x0 - body / 2)


def build_blocks(lines: list[OcrLine], width: int, height: int,
                 fix_text: Callable[[str], str] = lambda s: s) -> list[LayoutBlock]:
    """Clean lines grouped into paragraphs/headings in reading order; ``lines`` keeps only what was read."""
    for line in lines:
        drop_specks(line)
    lines[:] = reattach_marks([line for line in lines if line.words])
    lines[:] = [line for line in lines if not is_junk(line)]
    if not lines:
        return []
    body = statistics.median(line.glyph_height for line in lines)
    previous: OcrLine | None = None
    for line in lines:
        line.text = line_text(line)
        if previous is not None and previous.para == line.para and len(line.words) < SURE_SIZE_PIECES:
            line.kind = previous.kind  # too few letters to measure: the paragraph's last short line
        elif line.glyph_height > body * HEADING_SIZE:
            line.kind = "heading"
        previous = line
    mark_furniture(lines, height, body)
    blocks: list[LayoutBlock] = []
    for line in lines:
        last = blocks[-1] if blocks else None
        if last and last.lines[-1].para == line.para and last.kind == line.kind and _in_item(last, line, body):
            last.lines.append(line)
        else:
            blocks.append(LayoutBlock([line], line.kind))
    blocks = run_on(blocks, lines)
    for block in blocks:
        # Joined first, repaired after: a mark Tesseract put at the start of a line goes back on its base.
        block.text = fix_text(join_lines([line.text for line in block.lines]))
    return reading_order([b for b in blocks if b.text.strip()], width)
