"""A form's blanks drawn as dotted lines under the values typed on them.

Word fills a form's row with its values over a dotted underline, and draws the underline as
a row of tiny filled squares, not as dots in the text (a co-op request form, b21_07: "ชื่อ
สถานประกอบการ บริษัท ..." over 170 squares). With no blanks in its text, each row looked like
a line of prose run to the margin, and the form's eight rows were heard as one paragraph.
A line with such a row of dots under it knows where they stand (``Line.blanks``), as a line
typed with dots or underscores does, and the layout ends a form's row there.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from typing import Any

import pymupdf

from guidelight.extract.drawings import page_drawings
from guidelight.extract.lines import Line

_DOT = (2.5, 1.5)  # the largest width and height of one dot of a dotted line
_DOT_STEP = 3.0  # the widest gap between two dots, in dot widths
_DOTS = 6  # dots in a row that make a line of them, not a drawing's few
_BELOW = 0.3  # how far under a line's baseline (in its size) its underline may be drawn


def dotted_blanks(page: pymupdf.Page, lines: list[Line]) -> list[Line]:
    """``lines``, each with no blanks of its own given the rows of dots drawn under it. A
    page whose drawings MuPDF cannot list keeps its lines as they are: it is read as a
    neighbour too, and its damage must not cost the page that asked."""
    try:
        drawings = page_drawings(page)
    except (RuntimeError, ValueError):
        return lines
    rows = _dotted_rows(drawings)
    if not rows:
        return lines
    return [line if line.blanks else replace(line, blanks=_under(line, rows)) for line in lines]


def _dotted_rows(drawings: list[dict[str, Any]]) -> list[tuple[float, float, float]]:
    """Where rows of tiny filled squares stand: (left, right, height on the page)."""
    dots = sorted(
        (round(rect[1], 1), rect[0], rect[2])
        for rect in (path.get("rect") for path in drawings if "f" in path.get("type", ""))
        if rect is not None and 0 < rect[2] - rect[0] <= _DOT[0] and 0 < rect[3] - rect[1] <= _DOT[1]
    )
    rows = []
    for y, same_height in groupby(dots, key=lambda dot: dot[0]):
        run: list[tuple[float, float]] = []
        for _, left, right in same_height:
            if run and left - run[-1][1] > _DOT_STEP * (right - left):
                rows.extend(_row(run, y))
                run = []
            run.append((left, right))
        rows.extend(_row(run, y))
    return rows


def _row(run: list[tuple[float, float]], y: float) -> list[tuple[float, float, float]]:
    return [(run[0][0], run[-1][1], y)] if len(run) >= _DOTS else []


def _under(line: Line, rows: list[tuple[float, float, float]]) -> tuple[tuple[float, float], ...]:
    """The stretches of ``rows`` under ``line``'s text, on its baseline or just below it."""
    return tuple(sorted(
        (max(left, line.x0), min(right, line.x1))
        for left, right, y in rows
        if line.baseline - _BELOW * line.size <= y <= line.baseline + _BELOW * line.size
        and min(right, line.x1) > max(left, line.x0)
    ))
