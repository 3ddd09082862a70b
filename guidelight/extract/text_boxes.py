"""Boxes of text set side by side (a poster's coloured panels, an org chart's name cards):
each read whole, where reading the page by rows or columns would mix them.

A box is a filled shape or a picture behind text, whose edges cut through no line. Boxes
a row apart on one grid of lines (Publisher's three panels about levels of ไหว้, 2 points
apart in height) were heard a line from each in turn; a Canva org chart's two cards on a
row each hold a name over a post, and the posts followed the wrong names. Where the
reading order keeps each box's lines together (a poster's columns of boxes), it stands:
only the boxes it breaks are read as panels.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import permutations

import pymupdf

from guidelight.extract.drawings import page_drawings
from guidelight.extract.layout import Box, in_box
from guidelight.extract.lines import Line
from guidelight.extract.tables import PanelGrid

_EDGE_SLACK = 1.5  # points: a line's box reaches this far past its box's edge and is still in it
_PAGE_SHARE = 0.6  # of the page's area: a shape this large is the page's background, no box
_ROW_OVERLAP = 0.5  # of the shorter box's height: boxes overlapping this much stand on one row
_BODY = 0.5  # of its size: the height above its baseline where a line's letters stand, whatever its box holds
_TAB_GAP = 0.5  # of its size: a title standing this near over a box's top is the box's tab
_TAB_SIZE = 0.1  # of the box's text size: a tab's own size differs by more than this, if its weight does not


def text_boxes(page: pymupdf.Page, lines: Sequence[Line]) -> list[Box]:
    """Where the page's boxes hold text: for each shape behind lines whose edges cut none, the
    extent of the lines it holds. A line counts in the smallest shape that holds others with
    it (Publisher draws a glow behind each line of a panel, as a picture of its own), or else
    in the smallest that holds it alone (a banner over the panel)."""
    if not lines:
        return []
    shapes = sorted(_backdrops(page), key=lambda shape: abs(shape))
    by_top = sorted(lines, key=lambda line: line.y0)
    tops = [line.y0 for line in by_top]
    reach = 2 * max(line.y1 - line.y0 for line in lines) + _EDGE_SLACK  # a title's line over a shape, at most

    def near(shape: pymupdf.Rect) -> list[Line]:
        """The lines that may reach into ``shape`` from above, stand on its top as its title,
        or start within it: a chart's thousands of paths are each matched against a few
        lines, not all of them."""
        return by_top[bisect.bisect_left(tops, shape.y0 - reach) : bisect.bisect_right(tops, shape.y1)]

    held, clean = [], []
    for k, shape in enumerate(shapes):
        around = near(shape)
        held.append([line for line in around if _holds(shape, line)])
        if held[k] and not any(_cut(shape, line) for line in around):
            clean.append(k)
    owner: dict[int, int] = {}  # a line's id: the shape it counts in
    for alone in (False, True):
        for k in clean:
            if alone or len(held[k]) >= 2:
                for line in held[k]:
                    owner.setdefault(id(line), k)
    kept = sorted(set(owner.values()))
    for k in kept:
        tab = _tab(shapes[k], [line for line in near(shapes[k]) if id(line) not in owner], held[k][0])
        if tab is not None:
            owner[id(tab)] = k
    return [_extent([line for line in lines if owner.get(id(line)) == k]) for k in kept]


def _tab(shape: pymupdf.Rect, free: Sequence[Line], first: Line) -> Line | None:
    """The title set on a box's top edge (Beamer's "main.tex" over a listing), in a style of
    its own beside the box's ``first`` line: read as the box's first line, it is heard with
    what it names, not among the boxes beside it. (A table's shaded row under a cell's last
    line, set like it, has no title.)"""
    over = [line for line in free if shape.x0 - _EDGE_SLACK <= line.x0 < line.x1 <= shape.x1 + _EDGE_SLACK
            and line.baseline <= shape.y0 + _EDGE_SLACK and shape.y0 - line.baseline < _TAB_GAP * line.size
            and (line.bold != first.bold or abs(line.size - first.size) > _TAB_SIZE * first.size)]
    return over[0] if len(over) == 1 else None


def _backdrops(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """The pictures and filled shapes of a page, smaller than its background."""
    shapes = [pymupdf.Rect(info["bbox"]) for info in page.get_image_info()]
    shapes += [pymupdf.Rect(path["rect"]) for path in page_drawings(page) if path.get("fill") is not None]
    area = page.rect.width * page.rect.height
    return [shape for shape in shapes if not shape.is_empty and abs(shape & page.rect) < _PAGE_SHARE * area]


def _holds(shape: pymupdf.Rect, line: Line) -> bool:
    return (shape.x0 - _EDGE_SLACK <= line.x0 and line.x1 <= shape.x1 + _EDGE_SLACK
            and shape.y0 - _EDGE_SLACK <= line.y0 and line.y1 <= shape.y1 + _EDGE_SLACK)


def _cut(shape: pymupdf.Rect, line: Line) -> bool:
    """Does the shape's edge run through the line's letters (a decoration behind part of the
    text)? A title standing on the box's top edge only dips its line's box into it."""
    body = line.baseline - _BODY * line.size
    overlaps = line.x0 < shape.x1 and shape.x0 < line.x1 and body < shape.y1 and shape.y0 < line.baseline
    return overlaps and not _holds(shape, line)


def _extent(lines: Sequence[Line]) -> Box:
    return (min(ln.x0 for ln in lines), min(ln.y0 for ln in lines), max(ln.x1 for ln in lines),
            max(ln.y1 for ln in lines))


def broken_boxes(
    lines: Sequence[Line], ordered: Sequence[Line], boxes: Sequence[Box], blocks: Sequence[Box]
) -> list[PanelGrid]:
    """The boxes whose lines ``ordered`` (``lines`` in the page's reading order, rows merged)
    does not keep together, with those beside them, as grids of panels read row by row, each
    row left to right. A grid is made only where every line and block (``blocks``: tables and
    figures) within it stands in one of its boxes, and in one only: what it does not frame
    would not be read, and what two frame would be read twice."""
    crossed = [_crossed(line, boxes) for line in ordered]
    label = [_box_of(line, boxes, reached) for line, reached in zip(ordered, crossed, strict=True)]
    several = {k for k, box in enumerate(boxes) if sum(in_box(box, line.box) for line in lines) >= 2}
    broken = {k for k in range(len(boxes)) if not _together(label, k)}
    # A row joined over boxes of several lines each mixed their sentences; over boxes of a
    # line each (a table's header cells, each shaded) it is read as the row it is.
    broken |= {k for mark, reached in zip(label, crossed, strict=True) if mark == -1 for k in set(reached) & several}
    first: dict[int, int] = {}  # where each box is first read, alone or in a row joined over it
    for at, (mark, reached) in enumerate(zip(label, crossed, strict=True)):
        for k in reached if mark == -1 else [] if mark is None else [mark]:
            first.setdefault(k, at)
    broken |= {k for k, j in permutations(first, 2) if boxes[k][2] <= boxes[j][0] and _beside(boxes[k], boxes[j])
               and first[j] < first[k]}  # a row of boxes read right to left
    groups = _beside_groups(boxes, broken)
    grids = []
    for group in groups:
        panels = _by_rows([boxes[k] for k in group])
        bbox = _union(panels)
        inside = [line.box for line in lines if in_box(bbox, line.box)] + [b for b in blocks if in_box(bbox, b)]
        if all(sum(in_box(panel, item) for panel in panels) == 1 for item in inside):
            grids.append(PanelGrid(bbox, tuple(panels), own_pages=False))
    return grids


def _box_of(line: Line, boxes: Sequence[Box], reached: list[int]) -> int | None:
    """The box ``line`` stands in; -1 for a line run across two boxes (a row merged over
    them: ``reached``, the boxes it reaches into)."""
    within = [k for k, box in enumerate(boxes) if in_box(box, line.box)]
    if within:
        return within[0]
    return -1 if len(reached) >= 2 else None


def _crossed(line: Line, boxes: Sequence[Box]) -> list[int]:
    """The boxes ``line`` reaches into."""
    return [k for k, box in enumerate(boxes) if line.x0 < box[2] and box[0] < line.x1 and line.y0 < box[3]
            and box[1] < line.y1]


def _together(label: list[int | None], k: int) -> bool:
    """Are box ``k``'s lines read one after another, no other box's line among them?"""
    at = [i for i, mark in enumerate(label) if mark == k]
    return not at or all(mark in (None, k) for mark in label[at[0] : at[-1] + 1])


def _beside(one: Box, other: Box) -> bool:
    """Do two boxes stand side by side, on one row?"""
    overlap = min(one[3], other[3]) - max(one[1], other[1])
    apart = one[2] <= other[0] or other[2] <= one[0]
    return apart and overlap > _ROW_OVERLAP * min(one[3] - one[1], other[3] - other[1])


def _beside_groups(boxes: Sequence[Box], broken: set[int]) -> list[list[int]]:
    """The broken boxes with the boxes beside them, gathered where they stand beside each other."""
    groups: list[set[int]] = []
    for k in sorted(broken):
        group = {k} | {j for j in range(len(boxes)) if _beside(boxes[k], boxes[j])}
        if len(group) < 2:
            continue
        joined = [g for g in groups if g & group]
        for g in joined:
            groups.remove(g)
            group |= g
        groups.append(group)
    return [sorted(g) for g in groups]


def _by_rows(boxes: list[Box]) -> list[Box]:
    """Boxes in reading order: rows top to bottom (a box joins a row it stands beside), each left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b[1]):
        row = next((r for r in rows if any(_beside(box, other) for other in r)), None)
        if row is None:
            rows.append([box])
        else:
            row.append(box)
    return [box for row in rows for box in sorted(row, key=lambda b: (b[0], b[1]))]


def _union(boxes: Sequence[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
