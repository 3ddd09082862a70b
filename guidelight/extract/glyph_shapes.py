"""Which character an unnamed glyph draws, told by its outline.

Subset fonts from Distiller, Quartz, Bullzip and InDesign often carry Thai mark variants
(a tone mark lowered or shifted left to clear a tall consonant) with no glyph name, no
cmap entry and no usable ToUnicode. Such a variant has the outline of the plain mark,
only moved: compared with its position taken away, it is the same drawing as a glyph
whose identity the font or the page does give. This module makes that comparison, and
says where a glyph sits against the baseline (above, below, on it), which narrows what
an unknown mark can be when nothing else does.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.pointInsidePen import PointInsidePen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont, TTLibError, newTable

# fontTools logs what it thinks of a damaged subset ("2 extra bytes in post.stringData"),
# errors too: a fuzzed Excel export's font printed "skipping malformed name record #N"
# 55,766 times on a successful extract. The student's terminal and the CLI's one-line
# errors are not the place for it.
logging.getLogger("fontTools").setLevel(logging.CRITICAL)

# A shifted or lowered variant is often also drawn a little smaller, so outlines are
# compared inside their own boxes: the same pen strokes, every point within this share of
# the box of its counterpart. Mai ek and mai tho differ in strokes, not only in points.
_TOLERANCE = 0.12
# ...and, since a box hides how wide a drawing is against its height, in proportions near
# its counterpart's: within this ratio. DBSathornX's sara i and mai ek are both four-cornered
# bars, one lying (4.3 times as wide as high) and one standing (0.9), alike in their boxes;
# its shifted mai ek (0.88) was taken for sara i on a page without a plain mai ek, and
# "ไข้หวัดใหญ่" was heard "ใหญิ".
_ASPECT = 1.5
# Another weight of a typeface draws its marks with other strokes (Browallia New Bold's mai
# tho has one curve fewer than the regular's), so across weights only the ink is compared:
# which cells of a coarse grid over each glyph's box it covers. Two drawings are alike when
# few cells differ, and one likeness settles a glyph only when it is clearly the closest.
# (Twelve TLWG typefaces' bold marks, each told among its regular weight's marks, and among
# its tone marks alone: 150 of 192 found their own, none another's; on a grid of 10, a bold
# sara ii was taken for sara uee.)
_GRID = 16
_ALIKE = 0.2
_CLEARER = 0.08
# A bar drawn bold is wider for its height: its proportions may change this much.
_WEIGHT_ASPECT = 2.5
_BOX_ASPECT = 0.6  # width over height of a ballot box, at least (and its inverse at most)
_BOX_EDGE = 0.9  # share of the cells round a box's edge that its ink covers, at least


class Placement(Enum):
    """Where a glyph's ink lies against the baseline."""

    ABOVE = "above"  # ink wholly above the x-height: upper vowels and tone marks
    # ...in two parts, one over the other: a tone mark drawn with the nikhahit of a sara am
    # as one glyph (``uni0E4D0E49``). Every single upper mark is one connected drawing.
    STACKED = "stacked"
    BELOW = "below"  # ink wholly under the baseline: sara u, sara uu, phinthu
    SPACING = "spacing"  # anything else: letters, digits, punctuation


@dataclass(frozen=True)
class GlyphOutline:
    """A glyph's drawing with its position removed, and where it sits."""

    strokes: tuple[str, ...]
    points: tuple[tuple[float, float], ...]
    placement: Placement
    advance: int
    aspect: float  # width over height

    def looks_like(self, other: GlyphOutline) -> bool:
        """The same drawing, whatever its position and size."""
        return (
            self.strokes == other.strokes
            and max(self.aspect, other.aspect) <= _ASPECT * min(self.aspect, other.aspect)
            and len(self.points) == len(other.points)
            and all(
                abs(x - u) <= _TOLERANCE and abs(y - v) <= _TOLERANCE
                for (x, y), (u, v) in zip(self.points, other.points, strict=True)
            )
        )


@dataclass(frozen=True)
class Silhouette:
    """Where a glyph's ink lies on a coarse grid over its own box, and the box's proportions."""

    cells: int  # one bit a cell, row by row
    aspect: float  # width over height

    def distance(self, other: Silhouette) -> float:
        """The share of cells in which two glyphs differ; 1 for unlike proportions."""
        if max(self.aspect, other.aspect) > _WEIGHT_ASPECT * min(self.aspect, other.aspect):
            return 1.0
        return (self.cells ^ other.cells).bit_count() / _GRID**2

    @classmethod
    def of_ink(cls, ink: Sequence[Sequence[bool]]) -> Silhouette | None:
        """The silhouette of a picture's ink (rows of pixels, True where inked); None for no ink."""
        rows = [y for y, row in enumerate(ink) if any(row)]
        columns = [x for x in range(len(ink[0]) if ink else 0) if any(row[x] for row in ink)]
        if not rows:
            return None
        top, left = rows[0], columns[0]
        height, width = rows[-1] - top + 1, columns[-1] - left + 1
        cells = 0
        for y in rows:
            for x in columns:
                if ink[y][x]:
                    cells |= 1 << ((y - top) * _GRID // height * _GRID + (x - left) * _GRID // width)
        return cls(cells, width / height)

    def empty_box(self) -> bool:
        """Is the drawing an empty box: ink all round its edge and none inside, about as wide
        as tall? A Word form's ballot box, set as a picture under a symbol code, is one
        (``pictured_marks``)."""
        ring = [(row, column) for row in range(_GRID) for column in range(_GRID)
                if row in (0, _GRID - 1) or column in (0, _GRID - 1)]
        inside = [(row, column) for row in range(2, _GRID - 2) for column in range(2, _GRID - 2)]
        inked = sum(self._inked(*cell) for cell in ring)
        return (_BOX_ASPECT <= self.aspect <= 1 / _BOX_ASPECT and inked >= _BOX_EDGE * len(ring)
                and not any(self._inked(*cell) for cell in inside))

    def _inked(self, row: int, column: int) -> bool:
        return bool(self.cells >> (row * _GRID + column) & 1)


def likeliest(target: Silhouette, known: list[tuple[Silhouette, str]], among: tuple[str, ...]) -> str | None:
    """Which of the readings ``among`` ``target`` draws, by the known drawings of each: the
    one clearly closest, and alike. None unless every reading has a known drawing: a Garuda
    Bold mai tho is nearer a regular mai han-akat than the regular's other marks, and
    without the regular's mai tho to compare, it would have been read as one."""
    nearest: dict[str, float] = {}
    for silhouette, char in known:
        if char in among:
            nearest[char] = min(nearest.get(char, 1.0), target.distance(silhouette))
    if set(nearest) != set(among):
        return None
    ranked = sorted(nearest.items(), key=lambda item: item[1])
    if ranked[0][1] > _ALIKE or (len(ranked) > 1 and ranked[1][1] < ranked[0][1] + _CLEARER):
        return None
    return ranked[0][0]


Box = tuple[float, float, float, float]


def _contour_boxes(operations: list[tuple[str, tuple]]) -> list[Box]:
    """The box of each contour of a recorded drawing (its on- and off-curve points)."""
    boxes: list[Box] = []
    points: list[tuple[float, float]] = []
    for op, args in [*operations, ("endPath", ())]:
        points.extend(pt for pt in args if pt is not None)
        if op in ("closePath", "endPath") and points:
            xs, ys = [x for x, _ in points], [y for _, y in points]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
            points = []
    return boxes


def _stacked(boxes: list[Box]) -> bool:
    """Do the contours make two or more parts, one wholly above another? Contours whose
    boxes meet are one part (a ring's outer and inner edge)."""
    parts: list[Box] = []
    for box in boxes:
        merged = True
        while merged:
            merged = False
            for part in parts:
                if box[0] <= part[2] and part[0] <= box[2] and box[1] <= part[3] and part[1] <= box[3]:
                    parts.remove(part)
                    box = (min(box[0], part[0]), min(box[1], part[1]), max(box[2], part[2]), max(box[3], part[3]))
                    merged = True
                    break
        parts.append(box)
    return any(low[3] < high[1] for low in parts for high in parts)


def _glyph_set(font: TTFont) -> Any:
    """The font's glyphs to draw. Acrobat 8 cuts a subset's metrics short (1,394 bytes of
    the 1,418 its glyph count needs), and fontTools refuses the whole font for it; the
    outlines need no metrics, so the missing advances are read as zero."""
    try:
        return font.getGlyphSet()
    except TTLibError:
        metrics = font["hhea"].numberOfHMetrics
        needed = 4 * metrics + 2 * (font["maxp"].numGlyphs - metrics)
        table = newTable("hmtx")
        table.decompile(font.reader["hmtx"].ljust(needed, b"\0"), font)
        font["hmtx"] = table
        return font.getGlyphSet()


class FontOutlines:
    """Outlines of one embedded font file, read on demand."""

    def __init__(self, font_bytes: bytes) -> None:
        self._font: TTFont | None
        try:
            self._font = TTFont(io.BytesIO(font_bytes), lazy=True)
            self._order = self._font.getGlyphOrder()
            self._glyphs = _glyph_set(self._font)
            self._upem = int(self._font["head"].unitsPerEm) or 1000
        except Exception:  # a damaged or bare font: no outline knowledge, not an error
            self._font = None
            self._order = []
        self._cache: dict[int, GlyphOutline | None] = {}
        self._silhouettes: dict[int, Silhouette | None] = {}

    def outline(self, gid: int) -> GlyphOutline | None:
        """Glyph ``gid``'s outline, or None when the font has no drawing for it."""
        if gid not in self._cache:
            self._cache[gid] = self._read(gid)
        return self._cache[gid]

    def _drawn(self, gid: int) -> tuple[Any, Box] | None:
        """Glyph ``gid``'s drawing and the box of its ink, or None when it has no ink."""
        if self._font is None or not 0 <= gid < len(self._order):
            return None
        try:
            glyph = self._glyphs[self._order[gid]]
            bounds = BoundsPen(self._glyphs)
            glyph.draw(bounds)
        except Exception:  # a damaged drawing
            return None
        return None if bounds.bounds is None else (glyph, bounds.bounds)

    def _read(self, gid: int) -> GlyphOutline | None:
        drawn = self._drawn(gid)
        if drawn is None:
            return None
        glyph, (x_min, y_min, x_max, y_max) = drawn
        try:
            pen = DecomposingRecordingPen(self._glyphs)
            glyph.draw(pen)
        except Exception:
            return None
        width, height = max(x_max - x_min, 1e-6), max(y_max - y_min, 1e-6)
        strokes = tuple(op for op, _ in pen.value)
        # A TrueType contour of off-curve points only has no start point: None in its args.
        coordinates = [pt for _, args in pen.value for pt in args if pt is not None]
        points = tuple(((x - x_min) / width, (y - y_min) / height) for x, y in coordinates)
        placement = self._placement(y_min, y_max)
        if placement is Placement.ABOVE and _stacked(_contour_boxes(pen.value)):
            placement = Placement.STACKED
        return GlyphOutline(strokes, points, placement, int(getattr(glyph, "width", 0) or 0), width / height)

    def silhouette(self, gid: int) -> Silhouette | None:
        """Glyph ``gid``'s ink on a grid over its box, or None when it has no drawing."""
        if gid not in self._silhouettes:
            self._silhouettes[gid] = self._fill(gid)
        return self._silhouettes[gid]

    def _fill(self, gid: int) -> Silhouette | None:
        drawn = self._drawn(gid)
        if drawn is None:
            return None
        glyph, (x_min, y_min, x_max, y_max) = drawn
        width, height = max(x_max - x_min, 1e-6), max(y_max - y_min, 1e-6)
        try:
            cells = 0
            for n in range(_GRID * _GRID):
                row, column = divmod(n, _GRID)
                pen = PointInsidePen(self._glyphs, (x_min + (column + 0.5) * width / _GRID,
                                                    y_min + (row + 0.5) * height / _GRID))
                glyph.draw(pen)
                cells |= pen.getResult() << n
        except Exception:  # a damaged drawing: nothing to compare
            return None
        return Silhouette(cells, width / height)

    def _placement(self, y_min: float, y_max: float) -> Placement:
        if y_max <= 0.02 * self._upem:
            return Placement.BELOW
        if y_min >= 0.45 * self._upem:
            return Placement.ABOVE
        return Placement.SPACING

    def same_drawing(self, gid: int, known: dict[int, str]) -> str | None:
        """The character of the one known glyph whose outline equals glyph ``gid``'s
        (position aside); None when none or several different characters match.

        A mark (no advance) only matches a mark, a letter only a letter: scaled to their
        boxes, InDesign's nikhahit drawn apart for a sara am and the digit ๐ are the same
        ring, and a textbook's every จำนวน was heard as "จ๐ำนวน"."""
        target = self.outline(gid)
        if target is None or not target.points:
            return None
        found = set()
        for other, char in known.items():
            outline = self.outline(other) if other != gid else None
            if outline is not None and (outline.advance == 0) == (target.advance == 0) and outline.looks_like(target):
                found.add(char)
        return found.pop() if len(found) == 1 else None
