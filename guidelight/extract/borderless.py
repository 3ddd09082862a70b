"""Tables drawn without ruling lines, found from how their text is aligned.

Word's "Table Normal", LibreOffice tables with borders off and tables with only a rule
under the header leave no grid to find; their rows are read line by line as noise. Here
such a table is recognised from its text alone, and only on strong evidence, because a
paragraph wrongly made into a table is worse than a table read as lines: at least three
consecutive rows at an even pitch, each with at least two short pieces of text; columns
separated by gaps no line of the block crosses, each column's pieces aligned on the
left, the right or the centre; no dot leaders (a table of contents), no bullets, no
column of list numbers, colons or ascending page numbers beside the text, no columns of
running text. The caller (``tables``) also asks for a header row or a column of numbers,
and more of a grid of two columns.

A cell's wrapped lines stay in its piece, and a header cell centred over two rows joins
the upper one; the rules drawn between rows, if any, are read by the caller.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from guidelight.extract.layout import Box, counts_up_as_pages, join_all, merge_rows, on_one_row
from guidelight.extract.lines import Line

MIN_ROWS = 3
MIN_GAP = 0.5  # of the font size: the narrowest empty strip between two columns
MAX_SPACING = 2.2  # of the font size: rows further apart than this are not one table
SPACING_SPREAD = 1.5  # the space between two rows at most this times the block's usual space
SPACING_SLACK = 0.3  # of the font size, allowed on top (rows set close together vary by points)
WRAP_STEP = 1.45  # of the font size: a line this close below a row may be its cells' wrapped text
WRAP_SHARE = 0.85  # ...as may one nearer than this share of the step between the rows above
CENTRED_LOW = 0.3  # a line centred between two rows lies between 0.3 and 0.7 of the way down
MAX_HEADER_STEP = 4.5  # of the font size: the most two header rows' baselines are apart
ALIGN_TOLERANCE = 2.0  # points
ALIGNED_SHARE = 0.8  # share of a column's body pieces that must line up one way
FILLED_SHARE = 0.5  # share of the rows in which every column must hold text
MAX_CELL_CHARS = 60  # a longer line is prose, not a cell
MAX_MEDIAN_CHARS = 25  # two columns of prose have lines far longer than this
FULL_WIDTH = 0.9  # a prose line reaches this share of its column's widest line...
FULL_SHARE = 0.8  # ...in this share of a column of prose, which is all words
PROSE_CHARS = 12  # (a column of equal numbers or codes is as even, but short)
_LEADER = re.compile(r"[.…_·]{4,}|(?:\. ){3,}|-{4,}")
# A bullet, a checkbox, "1." / "1.2." / "1)" / "(1)", "ก." / "ก)", or "ข้อ 1".
_BULLET = "[•●▪◦○■□☐☑☒➢►✓]"
_NUMBERED = r"(?:[\-–*]|\(?[\d๐-๙]{1,3}(?:\.[\d๐-๙]{1,3})*[.)]|[\u0e01-\u0e2e][.)]|ข้อ\s*[\d๐-๙]+\.?)"
_MARKER = re.compile(rf"^(?:{_BULLET}|{_NUMBERED})$")
_BULLET_ITEM = re.compile(rf"^{_BULLET}\s*\S")
_NUMBERED_ITEM = re.compile(rf"^{_NUMBERED}\s+\S")  # a dash glued to a number is a minus
_SEPARATOR = re.compile(r"^[:：=]$")  # "label : value" lines


@dataclass(frozen=True)
class Piece:
    """Text set apart from its neighbours on a row: one line, or a cell's wrapped lines."""

    lines: tuple[Line, ...]

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.y0 for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.y1 for line in self.lines)

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def text(self) -> str:
        return join_all(self.lines)

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class GridCell:
    """A piece of text in the grid, its row, first column and how many columns it covers."""

    piece: Piece
    row: int
    col: int
    col_span: int = 1
    row_span: int = 1


@dataclass(frozen=True)
class Grid:
    """A borderless table found on a page: its box, size, cells, its rows' tops and
    bottoms and its columns' left edges."""

    bbox: Box
    rows: int
    cols: int
    cells: tuple[GridCell, ...]
    row_spans: tuple[tuple[float, float], ...]
    column_x: tuple[float, ...]


def _lines_by_baseline(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by baseline, top to bottom, each group left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.baseline):
        if rows and on_one_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.x0) for row in rows]


def _wrapped(row: list[Piece], below: list[Line], pitch: float) -> list[Piece] | None:
    """The row with ``below`` taken in as its cells' wrapped text, if every line of it sits
    under one piece of a row of several, starting where that piece starts and ending
    before the next, and nearer than rows are to each other: within a line's step, or
    clearly inside ``pitch``, the step from the row before's last line (fonts with tall
    lines, paragraphs spaced apart in cells)."""
    if len(row) < 2 or len(below) >= len(row):
        return None
    step = below[0].baseline - _last_baseline(row)
    if step > WRAP_STEP * below[0].size and step >= WRAP_SHARE * pitch:
        return None
    grown = list(row)
    for line in below:
        over = [i for i, p in enumerate(row) if abs(p.x0 - line.x0) <= ALIGN_TOLERANCE]
        if len(over) != 1 or grown[over[0]] is not row[over[0]]:
            return None
        if over[0] + 1 < len(row) and line.x1 > row[over[0] + 1].x0:
            return None  # wrapped text stays in its own column
        grown[over[0]] = Piece((*row[over[0]].lines, line))
    return grown


def _first_baseline(row: list[Piece]) -> float:
    return min(p.lines[0].baseline for p in row)


def _last_baseline(row: list[Piece]) -> float:
    return max(p.lines[-1].baseline for p in row)


def _rows(lines: list[Line]) -> list[list[Piece]]:
    """The page's rows of pieces, top to bottom, with a cell's wrapped lines kept in its piece."""
    rows: list[list[Piece]] = []
    for group in _lines_by_baseline(lines):
        pitch = _first_baseline(rows[-1]) - _last_baseline(rows[-2]) if len(rows) > 1 and len(rows[-2]) > 1 else 0.0
        grown = _wrapped(rows[-1], group, pitch) if rows else None
        if grown is not None:
            rows[-1] = grown
        else:
            rows.append([Piece((line,)) for line in group])
    return _fold_centred(rows)


def _apart(a: list[Piece], b: list[Piece]) -> bool:
    """Do no two pieces of the rows share any x?"""
    return all(p.x1 <= q.x0 or q.x1 <= p.x0 for p in a for q in b)


def _fold_centred(rows: list[list[Piece]]) -> list[list[Piece]]:
    """A header cell merged over two rows and centred in them sits on a baseline of its
    own, half-way between the rows, in columns both leave empty; it is put in the upper
    row (the grid then finds it spans both)."""
    folded: list[list[Piece]] = []
    i = 0
    while i < len(rows):
        if folded and i + 1 < len(rows):
            upper, middle, lower = folded[-1], rows[i], rows[i + 1]
            base = [_first_baseline(row) for row in (upper, middle, lower)]
            share = (base[1] - base[0]) / max(base[2] - base[0], 1e-6)
            size = max(p.size for p in middle)
            if (CENTRED_LOW <= share <= 1 - CENTRED_LOW and base[2] - base[0] <= MAX_HEADER_STEP * size
                    and len(lower) >= 2 and _apart(middle, upper) and _apart(middle, lower)):
                folded[-1] = sorted([*upper, *middle], key=lambda p: p.x0)
                i += 1
                continue
        folded.append(rows[i])
        i += 1
    return folded


def _spacing(upper: list[Piece], lower: list[Piece]) -> float:
    return min(p.top for p in lower) - max(p.bottom for p in upper)


def _runs(rows: list[list[Piece]]) -> list[list[list[Piece]]]:
    """Stretches of consecutive rows that each hold two or more pieces, close together:
    within ``MAX_SPACING`` of their size, or, in a table padded wider than that, within
    what ``_even`` allows of the space between its rows so far (Google Docs set a CSS
    cheat sheet's rows 16 points apart, and one 25, which cut its table in three)."""
    runs: list[list[list[Piece]]] = []
    current: list[list[Piece]] = []
    for row in rows:
        size = max(p.size for p in row)
        if len(row) < 2 or (current and _spacing(current[-1], row) > _room(current, size)):
            if len(current) >= MIN_ROWS:
                runs.append(current)
            current = []
        if len(row) >= 2:
            current.append(row)
    if len(current) >= MIN_ROWS:
        runs.append(current)
    return runs


def _room(rows: list[list[Piece]], size: float) -> float:
    """The most space the next row may stand below ``rows`` and go on their run."""
    if len(rows) < MIN_ROWS - 1:
        return MAX_SPACING * size
    usual = statistics.median(_spacing(a, b) for a, b in pairwise(rows))
    return max(MAX_SPACING * size, SPACING_SPREAD * usual + SPACING_SLACK * size)


def _even(rows: list[list[Piece]]) -> bool:
    """Are the rows spaced alike (a table's padding), not bunched into groups?"""
    spaces = [_spacing(a, b) for a, b in pairwise(rows)]
    usual = max(0.0, statistics.median(spaces))
    slack = SPACING_SLACK * statistics.median(p.size for row in rows for p in row)
    return all(space <= SPACING_SPREAD * usual + slack for space in spaces)


def _columns(rows: list[list[Piece]]) -> list[tuple[float, float]]:
    """The x-extents of the columns: stretches covered by some piece, separated by gaps
    no piece of these rows reaches into."""
    size = statistics.median(p.size for row in rows for p in row)
    return gap_columns([(p.x0, p.x1) for row in rows for p in row], size)


def gap_columns(spans: list[tuple[float, float]], size: float) -> list[tuple[float, float]]:
    """The stretches the x-extents ``spans`` cover, joined where less than ``MIN_GAP`` of
    ``size`` parts them: columns of text, each gap between them crossed by nothing."""
    columns: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if columns and x0 < columns[-1][1] + MIN_GAP * size:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
        else:
            columns.append((x0, x1))
    return columns


def _place(row: list[Piece], columns: list[tuple[float, float]]) -> list[tuple[Piece, int, int]] | None:
    """Each piece of a row with its first column and column span; None when two pieces
    share a column (a gap inside a column: not this grid)."""
    placed: list[tuple[Piece, int, int]] = []
    taken: set[int] = set()
    for piece in row:
        hit = [i for i, (x0, x1) in enumerate(columns) if piece.x0 < x1 and x0 < piece.x1]
        if not hit or taken & set(hit):
            return None
        taken |= set(hit)
        placed.append((piece, hit[0], len(hit)))
    return placed


def _aligned(pieces: list[Piece]) -> bool:
    """Do most pieces of a column start, end or centre at one x?"""
    if len(pieces) < 2:
        return True
    need = ALIGNED_SHARE * len(pieces)
    edges: tuple[Callable[[Piece], float], ...] = (lambda p: p.x0, lambda p: p.x1, lambda p: (p.x0 + p.x1) / 2)
    for edge in edges:
        values = [edge(p) for p in pieces]
        anchor = statistics.median(values)
        if sum(abs(v - anchor) <= ALIGN_TOLERANCE for v in values) >= need:
            return True
    return False


def _like_prose(pieces: list[Piece]) -> bool:
    """A column of running text: lines of many characters, nearly all filling its width
    (the lines of narrow newspaper columns are short, but not ragged as cells are)."""
    widest = max(p.x1 - p.x0 for p in pieces)
    full = sum(p.x1 - p.x0 >= FULL_WIDTH * widest for p in pieces)
    return full >= FULL_SHARE * len(pieces) and statistics.median(len(p.text) for p in pieces) >= PROSE_CHARS


def _mostly(pattern: re.Pattern[str], column: list[str]) -> bool:
    return bool(column) and 2 * sum(bool(pattern.match(t)) for t in column) >= len(column)


def _all(pattern: re.Pattern[str], column: list[str]) -> bool:
    return bool(column) and all(pattern.match(t) for t in column)


def _like_a_list(columns: list[list[str]]) -> bool:
    """A table of contents, a list or a form, not a table: leaders; a column of bullet
    or checkbox items, of bare list markers, or of colons; numbered items in every column (a list
    set in columns) or beside one other column. A table's first column may number its
    entries ("1. ชื่อเรื่อง") when there are more columns beside it."""
    if any(_LEADER.search(text) for column in columns for text in column):
        return True
    if any(_mostly(_BULLET_ITEM, c) or _all(_MARKER, c) or _all(_SEPARATOR, c) for c in columns):
        return True
    numbered = [_mostly(_NUMBERED_ITEM, c) for c in columns]
    if all(numbered) or (len(columns) == 2 and any(numbered)):
        return True
    return len(columns) == 2 and counts_up_as_pages(columns[-1])


def _group_headings(cells: list[GridCell], cols: int) -> tuple[GridCell, ...]:
    """A two-row header with group headings: a first-row cell followed by empty columns,
    over a second row that fills exactly those columns and nothing else ("ภาคเรียน" over
    "ที่ 1", "ที่ 2"). The group heading spans its columns; the other first-row cells
    span both rows, as they were merged in the source."""
    first = {c.col: c for c in cells if c.row == 0}
    second = {c.col for c in cells if c.row == 1}
    groups: dict[int, int] = {}
    for col, cell in first.items():
        end = col + cell.col_span
        while end < cols and end not in first:
            end += 1
        if end > col + 1:
            groups[col] = end - col
    grouped = {col + k for col, width in groups.items() for k in range(width)}
    if not groups or second != grouped:
        return tuple(cells)
    return tuple(
        replace(c, col_span=groups[c.col]) if c.row == 0 and c.col in groups
        else replace(c, row_span=2) if c.row == 0 else c
        for c in cells
    )


def _grid(rows: list[list[Piece]]) -> Grid | None:
    """The run of rows as a grid, or None unless every test of a table holds."""
    if not _even(rows):
        return None
    # The first row may hold a heading over several columns: columns come from the rest.
    columns = _columns(rows[1:])
    if len(columns) < 2:
        return None
    placed = [_place(row, columns) for row in rows]
    if any(p is None or len(p) < 2 for p in placed[1:]) or placed[0] is None:
        return None
    cells = _group_headings([GridCell(p, r, c, span) for r, row in enumerate(placed) for p, c, span in row or ()],
                            len(columns))
    lengths = [len(line.text) for c in cells for line in c.piece.lines]  # a wrapped cell's lines are short
    if max(lengths) > MAX_CELL_CHARS or statistics.median(lengths) > MAX_MEDIAN_CHARS:
        return None
    by_col = [[c for c in cells if c.col == i and c.col_span == 1] for i in range(len(columns))]
    body_rows = len(rows) - 1
    for col in by_col:
        body = [c.piece for c in col if c.row > 0]
        if len(body) < FILLED_SHARE * body_rows or not _aligned(body):
            return None
    if all(_like_prose([c.piece for c in col if c.row > 0]) for col in by_col):
        return None
    if _like_a_list([[c.piece.text for c in col if c.row > 0] for col in by_col]):
        return None
    bbox = (
        min(c.piece.x0 for c in cells), min(c.piece.top for c in cells),
        max(c.piece.x1 for c in cells), max(c.piece.bottom for c in cells),
    )
    spans = tuple((min(p.top for p in row), max(p.bottom for p in row)) for row in rows)
    return Grid(bbox, len(rows), len(columns), cells, spans, tuple(x0 for x0, _ in columns))


def _grids(lines: list[Line]) -> Iterator[tuple[list[list[Piece]], Grid | None]]:
    rows = _rows(merge_rows(lines, MIN_GAP))  # a line MuPDF broke at a word gap is one piece
    for run in _runs(rows):
        yield run, _grid(run)


def find_grids(lines: list[Line], split: Callable[[Line], list[Line]]) -> list[Grid]:
    """The borderless tables among a page's lines (those no ruled table took).

    MuPDF sometimes sets two cells of a row as one line; when a block of rows is not a
    grid as it stands, the lines of its rows with fewer pieces than the fullest row are
    ``split`` at wide gaps (reading a line again is slow) and the block is tried again.
    """
    found = []
    for run, grid in _grids(lines):
        most = max(len(row) for row in run)
        leaders = any(_LEADER.search(p.text) for row in run for p in row)  # refused however split
        if grid is None and not leaders and any(len(row) < most for row in run):
            parts = [part for row in run for piece in row for line in piece.lines
                     for part in (split(line) if len(row) < most else (line,))]
            grid = next((again for _, again in _grids(parts) if again is not None), None)
        if grid is not None:
            found.append(grid)
    return found
