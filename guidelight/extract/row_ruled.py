"""Tables ruled only between their rows, found from the rules and where their cells' text lies.

A web page printed to PDF (a course site's outline), and many reports, draw a rule under
each row and none between the columns. MuPDF's finder needs both, and the borderless one
needs each row's cells on one baseline; with cells wrapped over several lines and centred
in their rows, every row was read line by line across its columns ("Installing and /
(Frontend, / Configuring / Backend, Full-"). Here the rules are the rows: the text between
two rules is one row, and the rule above the first holds the header over it. The columns
are where the rules are drawn in pieces, one per cell, as browsers and word processors
draw them; else the gaps no line of any row crosses.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from guidelight.extract.borderless import gap_columns
from guidelight.extract.layout import SAME_ROW, Box, join_all, merge_rows
from guidelight.extract.lines import Line

Rule = tuple[float, float, float]  # y, x0, x1

SAME_Y = 0.8  # points: pieces of one rule
TOUCH = 2.0  # points: pieces this close along a rule are one rule; ends this close are one edge
MIN_WIDTH = 8.0  # of the text size: a rule shorter than this underlines, it does not rule a table
HEADER_REACH = 2.5  # of its size: a header line's middle lies this near above the first rule
BELOW_REACH = 1.5  # of its size: a line whose middle is this near under the last rule is a row of it
HEADER_GAP = 0.6  # of its size: a line this close over the header is a header row too
SUB_ROWS = 3  # lines two columns of a band hold level with each other that make them rows of their own
MIN_ROWS = 3  # rows (the header's with them) a table of two columns needs; three columns need two


@dataclass(frozen=True)
class RuledRow:
    """A rule across a table: its height on the page, its ends, and where its pieces meet."""

    y: float
    x0: float
    x1: float
    cuts: tuple[float, ...]


@dataclass(frozen=True)
class Banded:
    """A table found from its rules: its box, its cells' lines by (row, column), how many
    rows and columns, and whether its first row is a header set above the first rule."""

    bbox: Box
    rows: int
    cols: int
    cells: dict[tuple[int, int], list[Line]]
    headed: bool

    def text(self, row: int, col: int) -> str:
        return join_all(merge_rows(self.cells.get((row, col), [])))

    def lines(self) -> set[int]:
        return {id(line) for lines in self.cells.values() for line in lines}


def ruled_rows(rules: list[Rule], size: float) -> list[RuledRow]:
    """The page's rules with their pieces joined, top to bottom, the short ones left out."""
    rows: list[RuledRow] = []
    for y, x0, x1 in sorted(rules):
        last = rows[-1] if rows else None
        if last is not None and abs(y - last.y) <= SAME_Y and x0 <= last.x1 + TOUCH:
            cuts = last.cuts if x1 <= last.x1 or x0 < last.x1 - TOUCH else (*last.cuts, last.x1)
            rows[-1] = RuledRow(last.y, min(last.x0, x0), max(last.x1, x1), cuts)
        else:
            rows.append(RuledRow(y, x0, x1, ()))
    return [row for row in rows if row.x1 - row.x0 >= MIN_WIDTH * size]


def _alike(a: RuledRow, b: RuledRow) -> bool:
    """Do two rules run across one table: the same ends, and pieces that meet at the same places?"""
    return (abs(a.x0 - b.x0) <= TOUCH and abs(a.x1 - b.x1) <= TOUCH and len(a.cuts) == len(b.cuts)
            and all(abs(p - q) <= TOUCH for p, q in zip(a.cuts, b.cuts, strict=True)))


def _stacks(rows: list[RuledRow]) -> list[list[RuledRow]]:
    """Runs of alike rules one under another, two or more."""
    stacks: list[list[RuledRow]] = []
    for row in rows:
        if stacks and _alike(stacks[-1][-1], row):
            stacks[-1].append(row)
        else:
            stacks.append([row])
    return [stack for stack in stacks if len(stack) >= 2]


def find_banded(lines: list[Line], rules: list[Rule]) -> list[Banded]:
    """The tables among ``lines`` that ``rules`` part into rows."""
    if len(rules) < 2 or not lines:
        return []
    size = _size(lines)
    found = []
    for stack in _stacks(ruled_rows(rules, size)):
        table = _table(stack, lines, rules)
        if table is not None:
            found.append(table)
    return found


def _table(stack: list[RuledRow], lines: list[Line], rules: list[Rule]) -> Banded | None:
    """The table the stack of rules parts, or None unless its text makes a grid of two
    columns or more in which no line crosses from one column into another, and no other
    rule runs inside it (one under a group heading over some columns: cells merged)."""
    left, right = stack[0].x0 - TOUCH, stack[0].x1 + TOUCH
    bands = [[ln for ln in lines if left <= ln.x0 and ln.x1 <= right and upper.y < _middle(ln) < lower.y]
             for upper, lower in pairwise(stack)]
    if any(not band for band in bands):
        return None  # a rule over nothing: a page's separators, not a table's rows
    header = [ln for ln in lines if left <= ln.x0 and ln.x1 <= right
              and 0 < stack[0].y - _middle(ln) <= HEADER_REACH * ln.size]
    top = min(ln.y0 for ln in header) if header else stack[0].y
    reach = top - HEADER_REACH * _size(header or lines)
    if any(reach < y < stack[-1].y and x0 < right and x1 > left and all(abs(y - r.y) > SAME_Y for r in stack)
           for y, x0, x1 in rules):
        return None  # a rule of its own under some cells (a group heading's): merged cells, not this finder's
    heads = {id(ln) for ln in header}
    if header and any(left <= ln.x0 and ln.x1 <= right and 0 <= top - ln.y1 <= HEADER_GAP * ln.size
                      for ln in lines if id(ln) not in heads):
        return None  # a header of two rows, the upper one out of reach (a group heading over its columns)
    body = [ln for band in bands for ln in band]
    columns = _columns(stack[0], body, left, right)
    if len(columns) < 2:
        return None
    rows = [header, *bands] if header else bands
    if len(rows) < MIN_ROWS and not (header and len(columns) >= 3):
        return None
    if not stack[0].cuts and any(_rows_at_one_pitch(band, columns) for band in bands):
        # Rules in one piece over and under rows of one line each (LaTeX's booktabs, a total's
        # rule): the rows are the text's. Rules drawn a piece per cell (a browser's, a word
        # processor's) are a row each, however its cells wrap.
        return None
    cells: dict[tuple[int, int], list[Line]] = {}
    for r, row in enumerate(rows):
        for line in row:
            col = _column_of(line, columns)
            if col is None:
                return None  # a line across columns (a group heading, a caption): not this finder's
            cells.setdefault((r, col), []).append(line)
        if len({col for row_, col in cells if row_ == r}) < 2 and r > 0:
            return None  # a row of one cell: prose between a page's rules
    under = {i for ln in lines for i, (x0, x1) in enumerate(columns)
             if x0 <= (ln.x0 + ln.x1) / 2 <= x1 and 0 < _middle(ln) - stack[-1].y <= BELOW_REACH * ln.size}
    if len(under) >= 2:
        return None  # a row under the last rule, closed by a box's edge: the rules do not hold the table
    return Banded((stack[0].x0, top, stack[0].x1, stack[-1].y), len(rows), len(columns), cells, bool(header))


def _rows_at_one_pitch(band: list[Line], columns: list[tuple[float, float]]) -> bool:
    """Does a band hold rows of its own: two columns of ``SUB_ROWS`` lines or more, level
    with each other line for line? A row's cells wrapped end after different numbers of
    lines, or few: LaTeX's booktabs rules a table only over and under its groups, and a
    group's versions and dates, one pair to a line, were read as two cells of eleven."""
    by_column: dict[int, list[Line]] = {}
    for line in band:
        col = _column_of(line, columns)
        if col is not None:
            by_column.setdefault(col, []).append(line)
    levels = [sorted(line.baseline for line in merge_rows(lines)) for lines in by_column.values()]
    tall = [column for column in levels if len(column) >= SUB_ROWS]
    return any(len(a) == len(b) and all(abs(x - y) <= SAME_ROW * _size(band) for x, y in zip(a, b, strict=True))
               for i, a in enumerate(tall) for b in tall[i + 1:])


def _size(lines: list[Line]) -> float:
    """The median text size of ``lines``."""
    return sorted(line.size for line in lines)[len(lines) // 2]


def _middle(line: Line) -> float:
    return (line.y0 + line.y1) / 2


def _columns(rule: RuledRow, body: list[Line], left: float, right: float) -> list[tuple[float, float]]:
    """The columns' extents: between the rule's pieces where it is drawn in pieces, else
    the stretches of the body's lines with gaps between them that no line crosses."""
    if rule.cuts:
        return list(pairwise([left, *rule.cuts, right]))
    return gap_columns([(line.x0, line.x1) for line in body], _size(body))


def _column_of(line: Line, columns: list[tuple[float, float]]) -> int | None:
    """The column ``line`` lies in, or None when it reaches into another."""
    for i, (x0, x1) in enumerate(columns):
        if x0 - TOUCH <= line.x0 and line.x1 <= x1 + TOUCH:
            return i
    return None
