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

if TYPE_CHECKING:
    from guidelight.extract.lines import Line

_WINDOW = 40  # characters a repeat must match at least
_THAI_SHARE = 0.75  # of which Thai letters and marks
_SCRAP = 12  # what is left between two dropped copies, at most, to go with them
_TAIL = 6  # a copy's tail: repeats this short count only right after a copy
_LAYERED = 0.5  # share of a line's box another covers for it to be drawn on top of it
_THAI = re.compile("[\u0e01-\u0e4e]")


def _thai_rich(piece: str) -> bool:
    return len(_THAI.findall(piece)) >= _THAI_SHARE * len(piece)


class _Seen:
    """Every ``_WINDOW``-character piece of the text given so far, by its first position."""

    def __init__(self) -> None:
        self.text = ""
        self._first: dict[str, int] = {}

    def add(self, text: str) -> None:
        start = max(0, len(self.text) - _WINDOW + 1)
        self.text += text
        for i in range(start, len(self.text) - _WINDOW + 1):
            self._first.setdefault(self.text[i : i + _WINDOW], i)

    def tail_at(self, text: str, i: int) -> int:
        """Length of a shorter repeat (``_TAIL`` or more characters) starting at ``text[i]``:
        asked only just after a copy, where the rest of a copy is expected."""
        piece = text[i : i + _TAIL]
        if len(piece) < _TAIL or not _thai_rich(piece):
            return 0
        j = self.text.find(piece)
        if j < 0:
            return 0
        return self._extend(text, i, j, _TAIL)

    def _extend(self, text: str, i: int, j: int, n: int) -> int:
        while i + n < len(text) and j + n < len(self.text) and text[i + n] == self.text[j + n]:
            n += 1
        return n

    def repeat_at(self, text: str, i: int) -> int:
        """Length of the repeat of earlier text that starts at ``text[i]``; 0 if none."""
        piece = text[i : i + _WINDOW]
        j = self._first.get(piece) if len(piece) == _WINDOW and _thai_rich(piece) else None
        return 0 if j is None else self._extend(text, i, j, _WINDOW)


def _without_repeats(text: str, seen: _Seen) -> tuple[str, int]:
    """``text`` less the long runs that ``seen`` (the page so far, this text's kept part
    included) already holds. Just after a dropped copy, shorter repeats (a copy's tail) go
    too, and so does a scrap of at most ``_SCRAP`` characters left between two copies."""
    kept: list[str] = []
    dropped = 0
    since_copy: int | None = None  # characters kept since the last dropped copy
    i = 0
    while i < len(text):
        n = seen.repeat_at(text, i)
        if not n and since_copy is not None and since_copy <= _SCRAP:
            n = seen.tail_at(text, i)
        if n:
            scrap = since_copy if since_copy is not None else _lead_in(kept, text[i : i + n])
            if 0 < scrap <= _SCRAP:
                dropped += scrap
                del kept[-scrap:]
            dropped += n
            since_copy = 0
            i += n
            continue
        kept.append(text[i])
        seen.add(text[i])
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


def _side_by_side(a: Line, b: Line) -> bool:
    """Two pieces of one printed line: the same block and baseline."""
    return a.block == b.block and abs(a.baseline - b.baseline) < 0.2 * max(a.size, b.size)


def drop_repeated_text(lines: list[Line], repairs: Counter[str]) -> list[Line]:
    """The page's lines with text printed over itself removed: a passage repeated within
    one line or by the next piece of the same line (Canva gives a line the rest of its
    paragraph again), or a line drawn again on top of an earlier one (a shadow, an
    outline). The same sentence on two lines (list items, a worksheet's exercises) is the
    author's and stays."""
    result: list[Line] = []
    for line in lines:
        seen = _Seen()
        for earlier in result:
            if _overlap(line, earlier) >= _LAYERED or _side_by_side(line, earlier):
                seen.add(earlier.text + " ")
        text, dropped = _without_repeats(line.text, seen)
        if dropped:
            repairs["doubled_text"] += dropped
            text = " ".join(text.split())
            if not text:
                continue
            line = replace(line, text=text)
        result.append(line)
    return result
