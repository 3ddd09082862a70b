"""Lines of text drawn as outlines, found in a page's vector drawing for OCR to read.

Illustrator's and Canva's "create outlines" turn a poster's words into filled shapes, one
a glyph: no text layer holds them, and a page that has some real text is not read by OCR
as a whole, so three quarters of a poster were silent. Such shapes are small fills, about
as wide as tall, set side by side in rows like letters; rows of them where the page's own
text is not are handed, one piece a line, to the OCR that reads unreadable glyphs
(``ocr.read_unread``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

import pymupdf

from guidelight.extract.budget import check_time

# A page's content with fewer curves than this draws no lines of outlined letters: the
# drawing is not looked at (a Word file's charts and arrows have a few dozen).
MIN_CURVES = 300
_CURVE = re.compile(rb"\sc\s")
# A glyph's outline: at most this share of the page's height, and at least ...
_MAX_GLYPH = 0.06
_MIN_GLYPH = 0.004
_MAX_WIDE = 3.0  # ... at most this many times as wide as it is tall
_ROW_GAP = 1.2  # of a glyph's height: letters of one word or line stand closer than this
_MIN_LINE_GLYPHS = 6  # a row with fewer shapes is no line of text (an icon, a bullet)
# Of a row's shapes, at least this share stand on its baseline (within ``_FOOT_SLACK`` of
# their median height) and are as tall as most (within ``_HEIGHT_SLACK``), with half the
# gaps between them at most ``_LETTER_GAP`` heights.
_LETTERED_SHARE = 0.6
_FOOT_SLACK = 0.15
_HEIGHT_SLACK = 0.3
_LETTER_GAP = 0.5
_MIN_PAGE_GLYPHS = 30  # and a page with fewer such shapes in all has no outlined text
_MAX_SHAPES = 5_000  # a drawing of more small fills is a map or a pattern, not a poster's words


@dataclass(frozen=True)
class OutlinedLine:
    """A row of glyph-like shapes: its box, where its letters stand (the baseline, the
    median foot of its shapes), and how tall its shapes are (the median)."""

    box: pymupdf.Rect
    baseline: float
    glyph_height: float
    shapes: int


def _curves(page: pymupdf.Page) -> int:
    """How many curve operators the page's content streams and its forms hold."""
    count = 0
    try:
        streams = [*page.get_contents(), *(form[0] for form in page.get_xobjects())]
    except Exception:  # a damaged page: its reading meets it and says so
        return 0
    for xref in streams:
        try:
            count += len(_CURVE.findall(page.parent.xref_stream(xref) or b""))
        except Exception:  # a damaged stream: the page's reading meets it and says so
            continue
    return count


def _glyph_shapes(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """The boxes of the page's filled shapes the size and shape of a letter."""
    height = page.rect.height or 1.0
    found = []
    for kind, box in page.get_bboxlog():
        if kind != "fill-path":
            continue
        rect = pymupdf.Rect(box)
        if _MIN_GLYPH * height <= rect.height <= _MAX_GLYPH * height and 0 < rect.width <= _MAX_WIDE * rect.height:
            found.append(rect)
    return found


def _rows(shapes: list[pymupdf.Rect]) -> list[list[pymupdf.Rect]]:
    """Shapes grouped into rows, left to right: each joins the row it follows closely
    whose height its middle is within (the band from the top of the row's marks to the
    foot of its letters: a tone mark over a consonant joins its row, and so does the
    next consonant after it). Rows left behind (their last shape too far to the left)
    are not looked at again."""
    rows: list[tuple[list[pymupdf.Rect], pymupdf.Rect]] = []  # each row's shapes and its band
    open_rows: list[int] = []
    reach = _ROW_GAP * max((shape.height for shape in shapes), default=0.0)
    for shape in sorted(shapes, key=lambda r: (r.x0, r.y0)):
        check_time()
        open_rows = [k for k in open_rows if shape.x0 - rows[k][1].x1 <= reach]
        middle = (shape.y0 + shape.y1) / 2
        for k in open_rows:
            row, band = rows[k]
            size = max(row[-1].height, shape.height)
            if band.y0 <= middle <= band.y1 and shape.x0 - band.x1 <= _ROW_GAP * size:
                row.append(shape)
                rows[k] = (row, band | shape)
                break
        else:
            open_rows.append(len(rows))
            rows.append(([shape], pymupdf.Rect(shape)))
    return [row for row, _ in rows]


def _lettered(row: list[pymupdf.Rect]) -> bool:
    """Does a row of shapes stand as letters do: most of them of one height and on one
    baseline (marks and descenders aside), close together? A chart's bars and dots, an
    icon's pieces or a screenshot's widgets drawn as vectors do not."""
    height = statistics.median(shape.height for shape in row)
    foot = statistics.median(shape.y1 for shape in row)
    on_line = sum(abs(shape.y1 - foot) <= _FOOT_SLACK * height for shape in row)
    alike = sum(abs(shape.height - height) <= _HEIGHT_SLACK * height for shape in row)
    gaps = [right.x0 - left.x1 for left, right in itertools.pairwise(row)]
    return (min(on_line, alike) >= _LETTERED_SHARE * len(row)
            and statistics.median(gaps) <= _LETTER_GAP * height)


def outlined_lines(page: pymupdf.Page, text_boxes: list[pymupdf.Rect]) -> list[OutlinedLine]:
    """The rows of outlined letters on ``page`` that stand where none of its text lines
    (``text_boxes``) are; none on a page whose content draws few curves."""
    if _curves(page) < MIN_CURVES:
        return []
    try:
        shapes = _glyph_shapes(page)
    except Exception:  # MuPDF could not draw the page: its reading says so
        return []
    shapes = [shape for shape in shapes if not any(shape.intersects(box) for box in text_boxes)]
    if not _MIN_PAGE_GLYPHS <= len(shapes) <= _MAX_SHAPES:
        return []
    found = []
    for row in _rows(shapes):
        if len(row) < _MIN_LINE_GLYPHS or not _lettered(row):
            continue
        box = pymupdf.Rect(row[0])
        for shape in row[1:]:
            box |= shape
        found.append(OutlinedLine(box, statistics.median(r.y1 for r in row), statistics.median(r.height for r in row),
                                  len(row)))
    return found
