"""Text a page prints over itself, kept once.

Design tools (Canva's text effects: shadows, outlines, layered copies) write a text box's
words again and again on top of each other, and attach the whole paragraph as the
"actual text" of each of its lines, so one slide's sentences were heard ten to fifteen
times. A listener needs each passage once: a long run of Thai that the same line, or a
line drawn on top of it, has already given is dropped, with the scraps of glyphs left
between two dropped copies, and the page counts what was removed.

Only long, Thai-rich runs count as repeats (``_WINDOW`` characters, most of them Thai):
a form's dotted "ลงชื่อ ........" lines, a table's repeated cells and short labels stay.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from guidelight.extract.budget import check_time

if TYPE_CHECKING:
    from guidelight.extract.lines import Line

_WINDOW = 40  # characters a repeat must match at least
_THAI_SHARE = 0.75  # of which Thai letters and marks
_SCRAP = 12  # what is left between two dropped copies, at most, to go with them
_TAIL = 6  # a copy's tail: repeats this short count only right after a copy
_ROW = 4.0  # points: lines drawn on or beside a line have baselines within three of these
_NARROW = 0.3  # em: a narrow letter's width, to tell how much text a line's box can show
_LAYERED = 0.5  # share of a line's box another covers for it to be drawn on top of it
_SAME_SIZE = 0.1  # share of the font size two copies of a line may differ by
_CROWDED = 1.6  # times the page's usual characters per em: a line holding its text again
_MEASURED = 20  # characters a line needs for its density to count
_THAI = re.compile("[\u0e01-\u0e4e]")


def _thai_rich(piece: str) -> bool:
    return len(_THAI.findall(piece)) >= _THAI_SHARE * len(piece)


def _first_positions(text: str) -> dict[str, int]:
    first: dict[str, int] = {}
    for i in range(len(text) - _WINDOW + 1):
        first.setdefault(text[i : i + _WINDOW], i)
    return first


class _Earlier:
    """What a line may repeat: the lines drawn on or beside it, and its own text so far when
    it is ``crowded`` (holds more text than its box shows, like the page's other lines)."""

    def __init__(self, line: str, before: str, crowded: bool) -> None:
        self.line = line
        self.before = before
        self.crowded = crowded
        self._in_line = _first_positions(line)
        self._in_before = _first_positions(before)

    def repeat_at(self, i: int) -> int:
        """Length of the repeat of earlier text that starts at ``line[i]``; 0 if none."""
        piece = self.line[i : i + _WINDOW]
        if len(piece) < _WINDOW or not _thai_rich(piece):
            return 0
        j = self._in_line.get(piece) if self.crowded else None
        if j is not None and j < i:
            return _common(self.line, i, self.line, j)
        j = self._in_before.get(piece)
        return 0 if j is None else _common(self.line, i, self.before, j)

    def tail_at(self, i: int) -> int:
        """Length of a shorter repeat (``_TAIL`` or more characters) starting at ``line[i]``:
        asked only just after a copy, where the rest of a copy is expected."""
        piece = self.line[i : i + _TAIL]
        if len(piece) < _TAIL or not _thai_rich(piece):
            return 0
        j = self.line.find(piece, 0, i)
        if j >= 0:
            return _common(self.line, i, self.line, j)
        j = self.before.find(piece)
        return 0 if j < 0 else _common(self.line, i, self.before, j)


def _common(text: str, i: int, other: str, j: int) -> int:
    """Length of the run ``text[i:]`` shares with ``other[j:]`` (at least a window's worth)."""
    n = 0
    while i + n < len(text) and j + n < len(other) and text[i + n] == other[j + n]:
        n += 1
    return n


def _without_repeats(line: str, before: str, crowded: bool) -> tuple[str, int]:
    """``line`` less the long runs it repeats from ``before`` or, when ``crowded``, from
    itself. Just after a dropped copy, shorter repeats (a copy's tail) go too, and so does a
    scrap of at most ``_SCRAP`` characters left between two copies."""
    if (not before and len(line) < 2 * _WINDOW) or len(_THAI.findall(line)) < _THAI_SHARE * _WINDOW:
        return line, 0  # nothing to repeat, or too little Thai for a repeat: kept cheap
    earlier = _Earlier(line, before, crowded)
    kept: list[str] = []
    dropped = 0
    since_copy: int | None = None  # characters kept since the last dropped copy
    i = 0
    while i < len(line):
        n = earlier.repeat_at(i)
        if not n and since_copy is not None and since_copy <= _SCRAP:
            n = earlier.tail_at(i)
        if n:
            scrap = since_copy if since_copy is not None else _lead_in(kept, line[i : i + n])
            if 0 < scrap <= _SCRAP:
                dropped += scrap
                del kept[-scrap:]
            dropped += n
            since_copy = 0
            i += n
            continue
        kept.append(line[i])
        if since_copy is not None:
            since_copy += 1
        i += 1
    return "".join(kept), dropped


def _lead_in(kept: list[str], copy: str) -> int:
    """How many of the last kept characters are the copy's own first glyphs, drawn just
    before it (``อนาคตมุ่`` + ``มุ่งพัฒนา…``): the first copy's scrap."""
    for size in range(min(_SCRAP, len(kept)), 1, -1):
        if copy.startswith("".join(kept[-size:])):
            return size
    return 0


def _overlap(a: Line, b: Line) -> float:
    """Share of the smaller line's box that the other covers."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    if width <= 0 or height <= 0:
        return 0.0
    return width * height / max(1e-6, min(a.width * a.height, b.width * b.height))


def _overfull(line: Line) -> bool:
    """Far more text than the line's box can show, even in narrow letters: not what the
    page prints there (Canva's per-line copy of the rest of the paragraph)."""
    return len(line.text) * _NARROW * line.size > 2 * line.width


def _copy_of(line: Line, other: Line) -> bool:
    """Is ``line`` ``other`` drawn again on top of it, however short: the same words at the
    same size over the same place (a Canva heading's shadow a few points off, a copy made
    invisible under the visible one, a bold faked by drawing twice)? Repeats too short for
    ``_without_repeats`` were heard twice in one breath ("สัมมาชีพคลีนสัมมาชีพคลีน"); the
    same label in two table cells is beside, not on top of, itself."""
    return (
        abs(line.size - other.size) <= _SAME_SIZE * max(line.size, other.size)
        and _overlap(line, other) >= _LAYERED
        and line.text.split() == other.text.split()
    )


def _side_by_side(a: Line, b: Line) -> bool:
    """Two pieces of one printed line: the same block and baseline, and no more than a
    size apart. A table's row printed as one line has its cells further apart, and a
    cell may say what the next one says: a semester calendar's "(โดยต้องผ่านความเห็นชอบ
    จากอาจารย์ผู้สอน)" under each of three semesters was kept only under the first."""
    size = max(a.size, b.size)
    return a.block == b.block and abs(a.baseline - b.baseline) < 0.2 * size and max(a.x0 - b.x1, b.x0 - a.x1) < size


def _density(line: Line) -> float:
    """Characters per em of the line's width."""
    return len(line.text) * line.size / max(line.width, 1e-6)


def _usual_density(lines: list[Line]) -> float:
    """The page's median characters per em, over lines long enough to measure."""
    measured = sorted(_density(line) for line in lines if len(line.text) >= _MEASURED)
    return measured[len(measured) // 2] if measured else 0.0


def drop_repeated_text(lines: list[Line], repairs: Counter[str]) -> list[Line]:
    """The page's lines with text printed over itself removed: a passage repeated within
    one line, by the next piece of the same line, or by a line holding far more text than
    its box shows, of what its block or another such line gave (Canva gives each line of
    a box the rest of its paragraph again), or a line drawn again on top of an earlier one
    (a shadow, an outline), whole when it is the same line however short (``_copy_of``).
    The same sentence on two lines (list items, a worksheet's exercises) is the author's
    and stays."""
    usual = _usual_density(lines)
    result: list[Line] = []
    by_height: dict[int, list[Line]] = {}  # kept lines by baseline, to find neighbours fast
    for line in lines:
        check_time()  # the same text drawn thousands of times is given up, not hung on
        row = round(line.baseline / _ROW)
        near = [other for r in range(row - 3, row + 4) for other in by_height.get(r, ())]
        if any(_copy_of(line, o) for o in near):
            repairs["doubled_text"] += len(line.text)
            continue
        layered = [o for o in near if _overlap(line, o) >= _LAYERED or _side_by_side(line, o)]
        if _overfull(line):
            seen = {id(o) for o in layered}  # by identity: comparing lines field by field is slow
            layered += [o for o in result if (o.block == line.block or _overfull(o)) and id(o) not in seen]
        before = " ".join(o.text for o in layered)
        # A phrase said twice in one line is the author's unless the line is crowded with copies:
        # a law names "ผู้ประกอบวิชาชีพสังคมสงเคราะห์" and "...สังคมสงเคราะห์รับอนุญาต" in one breath.
        crowded = _density(line) >= _CROWDED * usual
        text, dropped = _without_repeats(line.text, before, crowded)
        if dropped:
            repairs["doubled_text"] += dropped
            text = " ".join(text.split())
            if not text:
                continue
            line = replace(line, text=text)
        result.append(line)
        by_height.setdefault(row, []).append(line)
    return result
