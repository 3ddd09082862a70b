"""Tables on a PDF page: found from their ruling lines (or, without any, from how their
text is aligned: ``borderless``), kept as a grid of cells.

A table read line by line is noise ("สินค้า ราคา จำนวน ข้าวสาร 150 บาท 2 ..."); kept as
rows and cells with its header rows known, it can be spoken the way a screen reader
speaks a table ("ราคา: 150 บาท") and exported with real header cells.

PyMuPDF's ``page.find_tables()`` finds the grid and merged cells from the ruling lines;
the cell text comes from the page's own repaired lines (``lines.PageReader``), so Thai
marks are put right in cells exactly as in the paragraphs. Which rows are headers is
decided here: bold or shaded first rows, a first row of words over columns of numbers,
first-row cells merged over several columns. A table whose last row reaches the foot
of a page and whose columns reappear at the top of the next page is one table in two
parts: each part says so, and a part without its own header row borrows its columns'
headers from the part before. A borderless table is kept only with a header row set
apart (by weight, shading, a rule under it, or words over numbers) or a column of
numbers; one of two columns needs a header row and, besides, a column of numbers or
something drawn (a shaded or ruled-off header, rules between the rows): a poem's two
วรรค under a bold title look like it otherwise; a part on the next page that lacks that
evidence is still kept when it carries on a table from the page before.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

import pymupdf

from guidelight.core.model import Paragraph, ParagraphKind, Sentence, Table, TableCell
from guidelight.extract.borderless import MIN_GAP, Grid, find_grids
from guidelight.extract.budget import PageGivenUp, page_deadline
from guidelight.extract.drawings import page_drawings
from guidelight.extract.layout import SAME_ROW, Box, in_box, join_all, join_lines, merge_rows, starts_item
from guidelight.extract.lines import Line
from guidelight.extract.rawdict import raw_lines
from guidelight.extract.row_ruled import Banded, find_banded
from guidelight.thai.repair import repair_text
from guidelight.thai.segment import segment_paragraph

pymupdf.no_recommend_layout()  # it prints its advice on stdout, into `guidelight extract`'s output

CELL_SEPARATOR = "\n"  # a table paragraph's text: one cell per line, row by row
FRAME_LINES = 20  # lines in one cell beyond which, holding most of a "table", it is a frame
MIN_RULES = 4  # drawn lines/rectangles below which a page cannot hold a ruled 2x2 table
EDGE_SHARE = 0.25  # a table part ending in the bottom quarter (starting in the top) may continue
MAX_PARTS = 12  # pages a table without a header of its own is followed back over
BAND_SHARE = 0.8  # lines a band holds follow closer than this share of the step across a rule
COLUMN_TOLERANCE = 3.0  # points: columns of two parts of one table line up this closely
RULE_THICKNESS = 2.0  # points: a filled rectangle thinner than this is a drawn rule
RULE_SHARE = 0.8  # share of a borderless table's width a rule must run along to part its rows
INK_MIDDLE = 0.3  # of the font size: the middle of a line's letters above its baseline
CUT_WORDS = 2  # words a grid's inner borders run through, from which it is no table
CUT_GAP = 0.15  # of the font size: letters closer than this are one word's, a border between cuts it
ACROSS = 0.1  # sine of a line's slope below which it is written across the page
TITLE_SIZE = 1.2  # a panel opens with a title this many times its text's median size or more
MAX_PANELS = 9  # cells at most of a grid that cuts a page into equal panels ...
PANELS_COVER = 0.6  # ... covering at least this share of the page
SAME_SIZE = 0.03  # panels' widths (heights) differ by at most this share
_NUMERIC = re.compile(r"^[\s\d๐-๙.,:%/+\-–()฿$]*[\d๐-๙][\s\d๐-๙.,:%/+\-–()฿$]*(?:บาท|baht|หน่วย|คน)?$", re.I)

LineReader = Callable[[pymupdf.Page, pymupdf.Rect | None], list[Line]]


@dataclass
class DraftCell:
    """A cell before repair: its lines' raw text and how it is set."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    bold: bool = False
    filled: bool = False
    ruled_below: bool = False  # a rule runs under the cell's row (a borderless table's header)
    lines: int = 0  # rows of text it holds
    titled: bool = False  # its first row is larger than most of its text (a slide's title)
    box: Box | None = None  # where it is drawn, when the ruled grid does not say (``_split_listed``)


@dataclass
class TableDraft:
    """A table found on a page, not yet repaired and segmented (see ``paragraph``)."""

    bbox: Box
    rows: int
    cols: int
    cells: list[DraftCell]
    header_rows: int = 0
    header_cols: int = 0
    continued: bool = False
    continues: bool = False
    inherited_headers: tuple[str, ...] = ()
    ruled: bool = True  # found from its ruling lines, else from its aligned text

    def paragraph(self, offset: int, repairs: Counter[str]) -> tuple[str, Paragraph] | None:
        """The table as a paragraph at ``offset`` of its page: its text (non-empty cells,
        one per line) and a ``Paragraph`` of kind TABLE whose sentences are the cells'."""
        texts: list[str] = []
        cells: list[TableCell] = []
        sentences: list[Sentence] = []
        cursor = 0
        for draft in sorted(self.cells, key=lambda c: (c.row, c.col)):
            text = " ".join(repair_text(draft.text, repairs).split())
            if text and texts:
                cursor += len(CELL_SEPARATOR)
            header = draft.row < self.header_rows or draft.col < self.header_cols
            end = cursor + len(text)
            cells.append(TableCell(text, draft.row, draft.col, draft.row_span, draft.col_span, header, cursor, end))
            if text:
                sentences.extend(segment_paragraph(text, offset + cursor))
                texts.append(text)
                cursor += len(text)
        if not texts:
            return None
        borrowed = tuple(" ".join(repair_text(h).split()) for h in self.inherited_headers)
        table = Table(
            self.rows, self.cols, tuple(cells), self.header_rows, self.header_cols, self.continued, self.continues,
            borrowed if not self.header_rows else (),
        )
        text = CELL_SEPARATOR.join(texts)
        return text, Paragraph(offset, offset + len(text), ParagraphKind.TABLE, 0, tuple(sentences), self.bbox, table)

    def is_grid(self) -> bool:
        """Text in at least two rows and two columns, and no cell alone on its row holding
        most of it: a framed box, a code listing with one column of text, or a poster's
        frames around its sections (one of them holding its columns of prose) is read as
        paragraphs, not as a table."""
        filled = [c for c in self.cells if c.text.strip()]
        big = max(filled, key=lambda c: c.lines, default=None)
        framed = (
            big is not None and big.lines > FRAME_LINES and 2 * big.lines > sum(c.lines for c in filled)
            and not any(c is not big and _share_rows(c, big) for c in filled)
        )  # a lesson plan's long "ขั้นสอน" cell has its step's name beside it: a table
        return len({c.row for c in filled}) >= 2 and len({c.col for c in filled}) >= 2 and not framed

    def frames_panels(self) -> bool:
        """Does every cell with text open with a title over the rest of it? Then the grid
        frames regions of the page, not a table's cells: a PowerPoint handout prints its
        slides four to a page in a ruled grid, and each slide, title, bullets and all, was
        heard as one cell ("Overview • Computer fundamental • Data • ...")."""
        filled = [c for c in self.cells if c.text.strip()]
        return len(filled) >= 2 and all(c.titled for c in filled)

    def header_texts(self) -> tuple[str, ...]:
        """Each column's header text (raw), for a continuation part on the next page."""
        if not self.header_rows:
            return self.inherited_headers
        heads = []
        for col in range(self.cols):
            parts = [
                " ".join(c.text.split())
                for c in sorted(self.cells, key=lambda c: c.row)
                if c.row < self.header_rows and c.col <= col < c.col + c.col_span and c.text.strip()
            ]
            heads.append(" ".join(dict.fromkeys(parts)))
        return tuple(heads)


def _share_rows(a: DraftCell, b: DraftCell) -> bool:
    return a.row < b.row + b.row_span and b.row < a.row + a.row_span


def _ink_y(line: Line) -> float:
    """The height of the middle of a line's letters: a little above its baseline.

    Not the middle of its box: a Thai font's line box (Loma, Garuda) reaches far above
    and below its letters, into the rows over and under a tight table row.
    """
    return line.baseline - INK_MIDDLE * line.size


def _inside(line: Line, box: Box) -> bool:
    cx = (line.x0 + line.x1) / 2
    return box[0] <= cx <= box[2] and box[1] <= _ink_y(line) <= box[3]


def _overlap_x(line: Line, box: Box) -> float:
    return max(0.0, min(line.x1, box[2]) - max(line.x0, box[0]))


def _touches(line: Line, box: Box) -> bool:
    """Does a real part of the line (not a glyph's overhang) lie in the box?"""
    in_row = box[1] <= _ink_y(line) <= box[3]
    return in_row and (_inside(line, box) or _overlap_x(line, box) > max(0.5, 0.3 * line.size))


def _column_x(table: Any) -> list[float]:
    """Left edge of each grid column, from the cells that start there."""
    xs: list[float] = []
    for col in range(table.col_count):
        starts = [row.cells[col][0] for row in table.rows if col < len(row.cells) and row.cells[col] is not None]
        xs.append(min(starts) if starts else (xs[-1] if xs else table.bbox[0]))
    return xs


def _grid(table: Any) -> list[DraftCell]:
    """The table's cells with their spans: a merged cell covers the grid positions
    PyMuPDF reports as None to its right and below."""
    column_x = _column_x(table)
    row_y = [row.bbox[1] for row in table.rows]
    cells: list[DraftCell] = []
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            col_span = 1 + sum(1 for x in column_x[c + 1 :] if x < box[2] - COLUMN_TOLERANCE)
            row_span = 1 + sum(1 for y in row_y[r + 1 :] if y < box[3] - COLUMN_TOLERANCE)
            cells.append(DraftCell("", r, c, row_span, col_span))
    return cells


def _shaded(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Rectangles filled with a colour other than white."""
    rects = []
    for path in page.get_drawings():
        fill = path.get("fill")
        if fill is not None and min(fill) <= 0.97:
            rects.append(path["rect"])
    return rects


def _fill_boxes(page: pymupdf.Page, bbox: Box) -> list[pymupdf.Rect]:
    """Shaded rectangles inside the table (header rows are often shaded, not bold)."""
    area = pymupdf.Rect(bbox)
    return [rect for rect in _shaded(page) if area.contains(rect) and rect.get_area() < 0.9 * area.get_area()]


def _cut_words(table: Any, lines: list[list[dict[str, Any]]]) -> int:
    """How many times a border inside ``table`` runs through a word: between two letters
    set close together (or through a letter), not through the gap a cell's padding leaves
    between its text and the next cell's. A table's rules stand between its cells' words;
    the edges of a slide's card and a box drawn round two lines made a "table" whose
    border cut "Intentional una|uthorized" and "ละ|เมิด" in two. (Chrome writes no space
    between cells: "กลางภาคปลายภาค" is one word by spaces, but not by its letters.)"""
    left, right = table.bbox[0], table.bbox[2]
    borders = {
        (x, cell[1], cell[3])
        for row in table.rows
        for cell in row.cells
        if cell is not None
        for x in (cell[0], cell[2])
        if left + 1 < x < right - 1
    }
    cuts = 0
    for spans in lines:
        chars = [(ch, span["size"]) for span in spans for ch in span["chars"] if not ch["c"].isspace()]
        for (a, size), (b, _) in pairwise(chars):
            if b["bbox"][0] - a["bbox"][2] > CUT_GAP * size:
                continue  # a gap: a border may stand in it
            middle = (a["bbox"][1] + a["bbox"][3]) / 2
            cuts += any(
                a["bbox"][0] < x < b["bbox"][2] and top <= middle <= bottom
                and min(x - a["bbox"][0], b["bbox"][2] - x) > CUT_GAP * size
                for x, top, bottom in borders
            )
    return cuts


def _cell_box(table: Any, cell: DraftCell) -> Box:
    if cell.box is not None:
        return cell.box  # a cell of a merged one split (``_split_listed``): the grid has none there
    box = table.rows[cell.row].cells[cell.col]
    return (box[0], box[1], box[2], box[3])


def _fill_text(page: pymupdf.Page, table: Any, cells: list[DraftCell], lines: list[Line], read: LineReader) -> set[int]:
    """Give each cell the text of the lines inside it; returns the ids of lines used.

    A line that crosses a cell border (a producer that set a whole row as one line) is
    not one cell's: the cells it crosses are read again character by character within
    their own boxes.
    """
    boxes = [_cell_box(table, cell) for cell in cells]
    own: list[list[Line]] = [[] for _ in cells]
    reread: set[int] = set()
    used: set[int] = set()
    for line in lines:
        if not _inside(line, tuple(table.bbox)):
            continue
        hit = [i for i, box in enumerate(boxes) if _touches(line, box)]
        if len(hit) == 1:
            own[hit[0]].append(line)
        elif not hit:
            continue  # between cells (a form's free text): left to the paragraphs
        reread.update(hit if len(hit) > 1 else ())
        used.add(id(line))
    fills = _fill_boxes(page, table.bbox)
    lines_of = [[ln for ln in read(page, pymupdf.Rect(box)) if _touches(ln, box)] if i in reread else own[i]
                for i, box in enumerate(boxes)]
    cells[:], lines_of, boxes = _split_listed(table, cells, lines_of, boxes)
    for cell, box, mine in zip(cells, boxes, lines_of, strict=True):
        merged = merge_rows(mine)
        cell.text = join_all(merged)
        cell.lines = len(merged)
        cell.bold = bool(merged) and all(ln.bold for ln in merged)
        cell.titled = len(merged) >= 2 and merged[0].size >= TITLE_SIZE * statistics.median(ln.size for ln in merged)
        centre = pymupdf.Point((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        cell.filled = any(rect.contains(centre) for rect in fills)
    return used


def _split_listed(
    table: Any, cells: list[DraftCell], lines_of: list[list[Line]], boxes: list[Box]
) -> tuple[list[DraftCell], list[list[Line]], list[Box]]:
    """A cell merged over rows that lists an item level with each row's other cells is a
    list of those rows' own cells, unruled: a calendar's "- นิสิตรหัส 65 / 66 / 67 / 68",
    one group to a line beside each row's dates, was read as one cell, and its twelve dates
    without them. Each line goes to the row it stands in; a line below the last row's cells
    (a note) stays in the last. A label centred over the rows it heads stays merged, and so
    does a heading wrapped over them ("ขั้นตอนการทำงาน (Main" / "flow)"), whose lines the
    rows' lines only happen to stand level with."""
    out: list[tuple[DraftCell, list[Line], Box]] = []
    for cell, lines, box in zip(cells, lines_of, boxes, strict=True):
        rows = range(cell.row, cell.row + cell.row_span)
        levels = {r: [ln.baseline for c, ls in zip(cells, lines_of, strict=True) if c.row == r and c is not cell
                      and c.row_span == 1 for ln in ls] for r in rows}
        if cell.row_span < 2 or cell.col_span > 1 or not all(
                any(abs(ln.baseline - level) <= SAME_ROW * ln.size and starts_item(ln.text)
                    for ln in lines for level in levels[r]) for r in rows):
            out.append((cell, lines, box))
            continue
        tops = [table.rows[r].bbox[1] for r in rows]
        for k, r in enumerate(rows):
            below = tops[k + 1] if k + 1 < len(tops) else box[3]
            mine = [ln for ln in lines if (k == 0 or (ln.y0 + ln.y1) / 2 >= tops[k])
                    and (k + 1 == len(tops) or (ln.y0 + ln.y1) / 2 < below)]
            part = (box[0], tops[k], box[2], below)
            out.append((replace(cell, row=r, row_span=1, box=part), mine, part))
    return [c for c, _, _ in out], [ls for _, ls, _ in out], [b for _, _, b in out]


def _marked(cells: list[DraftCell]) -> bool:
    """All non-empty cells set apart by weight or shading."""
    filled = [c for c in cells if c.text.strip()]
    return bool(filled) and all(c.bold or c.filled or c.ruled_below for c in filled)


def _one_row(draft: TableDraft) -> bool:
    """Is a ruled table of one row one row of cells: two cells of text or more, no two of
    them of as many lines, two or more (rows the rules do not part: a survey's means and
    levels for its items 19 to 26, each a cell of eight lines, were read one column after
    another)?"""
    filled = [c for c in draft.cells if c.text.strip()]
    several = [c.lines for c in filled if c.lines > 1]
    return draft.rows == 1 and len(filled) >= 2 and len(set(several)) == len(several)


def header_rows(cells: list[DraftCell], rows: int) -> int:
    """How many of the first rows are headers.

    Rows set apart by weight, shading or a rule under them from the body; else a first row of words over a
    body with numbers in it; else a first row with a cell merged over several columns (a
    group heading). A first-row cell merged downwards makes the rows it covers headers.
    """
    by_row = [[c for c in cells if c.row == r] for r in range(rows)]
    if rows < 2 or not by_row[0]:
        return 0
    depth = max(c.row_span for c in by_row[0])
    body_marked = all(_marked(row) for row in by_row[depth:]) if depth < rows else True
    if _marked(by_row[0]) and not body_marked:
        count = depth
        while count < rows - 1 and _marked(by_row[count]):
            count += 1
        return count
    first_is_words = all(not _NUMERIC.match(c.text.strip()) for c in by_row[0] if c.text.strip())
    if first_is_words and _numeric_column(cells, depth):
        return depth
    if any(c.col_span > 1 for c in by_row[0]) and depth < rows:
        return max(depth, 2 if rows > 2 else 1)
    return 0


def _numeric_column(cells: list[DraftCell], first_body_row: int) -> bool:
    """Does any body cell hold a number (a price, a score, a count)?"""
    return any(c.row >= first_body_row and _NUMERIC.match(c.text.strip()) for c in cells if c.text.strip())


def header_cols(cells: list[DraftCell], first_body_row: int, cols: int) -> int:
    """1 when the first column of the body is set apart (bold or shaded) and the rest is not."""
    body = [c for c in cells if c.row >= first_body_row]
    first = [c for c in body if c.col == 0]
    rest = [c for c in body if c.col > 0]
    return 1 if cols > 1 and _marked(first) and rest and not _marked(rest) else 0


def _draft(page: pymupdf.Page, table: Any, lines: list[Line], read: LineReader) -> tuple[TableDraft, set[int]]:
    """One found table as a draft with its cells' text and header rows and columns."""
    cells = _grid(table)
    used = _fill_text(page, table, cells, lines, read)
    heads = header_rows(cells, table.row_count)
    draft = TableDraft(
        tuple(table.bbox),
        table.row_count,
        table.col_count,
        cells,
        heads,
        header_cols(cells, heads, table.col_count),
    )
    return draft, used


def _horizontal_rules(page: pymupdf.Page) -> list[tuple[float, float, float]]:
    """Horizontal rules drawn on the page as (y, x0, x1): stroked lines and thin filled bars."""
    rules = []
    for path in page_drawings(page):
        for item in path["items"]:
            if item[0] == "l" and abs(item[1][1] - item[2][1]) < 1.0:
                rules.append((item[1][1], min(item[1][0], item[2][0]), max(item[1][0], item[2][0])))
            elif item[0] == "re" and item[1][3] - item[1][1] < RULE_THICKNESS:
                rules.append(((item[1][1] + item[1][3]) / 2, item[1][0], item[1][2]))
    return rules


def _ruled_between(rules: list[tuple[float, float, float]], top: float, bottom: float, box: Box) -> bool:
    """Do rules between ``top`` and ``bottom`` run along most of the box's width (Word and
    LibreOffice draw a rule in one piece per cell)?"""
    pieces = sorted((max(x0, box[0]), min(x1, box[2])) for y, x0, x1 in rules if top <= y <= bottom)
    covered, reach = 0.0, box[0]
    for x0, x1 in pieces:
        if x1 > reach:
            covered += x1 - max(x0, reach)
            reach = x1
    return covered >= RULE_SHARE * (box[2] - box[0])


def _shade(page: pymupdf.Page, grid: Grid, cells: list[DraftCell]) -> None:
    """Mark the cells that sit on a shaded rectangle (a shaded header row)."""
    box = pymupdf.Rect(grid.bbox)
    shades = [rect for rect in _shaded(page) if rect.intersects(box) and not rect.contains(box)]
    for cell, source in zip(cells, grid.cells, strict=True):
        x0, y0, x1, y1 = source.piece.box
        cell.filled = any(rect.contains(pymupdf.Point((x0 + x1) / 2, (y0 + y1) / 2)) for rect in shades)


def _apply_rules(page: pymupdf.Page, grid: Grid, cells: list[DraftCell]) -> tuple[list[DraftCell], int, bool]:
    """The cells and row count after the page's horizontal rules are read, and whether
    rules part the rows. One rule under a row sets it apart (a header). Rules under every
    row, or under bands of lines (cells wrapped in every column), part the rows and set
    none apart; a band becomes one row. (Header rows joined by a merged cell are told
    apart already: no rule runs through the merged cell.)"""
    rules = _horizontal_rules(page)
    ruled = [row for row, ((_, bottom), (top, _)) in enumerate(pairwise(grid.row_spans))
             if _ruled_between(rules, bottom, top, grid.bbox)]
    under_every_row = len(ruled) >= grid.rows - 1
    if len(ruled) > 1 and not under_every_row and _parts_bands(grid, ruled) and not any(
            c.row_span > 1 for c in cells):
        return (*_banded(cells, ruled), True)
    if ruled and not under_every_row:  # a rule under the header (and one over a total, say)
        for cell in cells:
            cell.ruled_below = cell.row == ruled[0]
        return cells, grid.rows, False
    return cells, grid.rows, len(ruled) > 1


def _parts_bands(grid: Grid, ruled: list[int]) -> bool:
    """Do the rules part bands of wrapped lines? They do when one runs anywhere but under
    the first row and over the last (a header's rule and a total's part no bands), or when
    the lines between them follow one another a line apart where the rules are a row apart."""
    if any(row not in (0, grid.rows - 2) for row in ruled):
        return True
    tops = [top for top, _ in grid.row_spans]
    steps = [(row, below - above) for row, (above, below) in enumerate(pairwise(tops))]
    inside = [step for row, step in steps if row not in ruled]
    across = [step for row, step in steps if row in ruled]
    return bool(inside) and bool(across) and max(inside) < BAND_SHARE * min(across)


@dataclass(frozen=True)
class Shape:
    """Where a table stands on its page and where its columns start; ``sure`` is False
    for a borderless grid not yet known to be a table (it may go on from the page before)."""

    box: Box
    columns: tuple[float, ...]
    sure: bool = True


Shapes = dict[int, list[Shape]]


@dataclass(frozen=True)
class PanelGrid:
    """A ruled grid that frames regions of a page rather than a table's cells (``_tiles_page``,
    ``TableDraft.frames_panels``): each panel is laid out as a page of its own, row by row."""

    bbox: Box
    panels: tuple[Box, ...]
    # Its panels' type is judged against one another (slides of a handout, each a page), or,
    # for boxes set in a page (``text_boxes``), against the page's: a box's one line in the
    # body's size is no heading.
    own_pages: bool = True


def _held(table: Any, tables: list[Any]) -> bool:
    """Does ``table`` stand inside another of ``tables`` (a table in a cell of a table)?"""
    inner = pymupdf.Rect(table.bbox)
    return any(other is not table and pymupdf.Rect(other.bbox).contains(inner) for other in tables)


@dataclass
class _Loose:
    """A borderless grid made a draft: how sure it is a table on its own, and its shape."""

    draft: TableDraft
    convincing: bool
    shape: Shape
    lines: set[int]


def _borderless_draft(page: pymupdf.Page, grid: Grid) -> tuple[TableDraft, bool]:
    """A borderless grid as a draft with its header rows known, and whether it is a table
    on its own evidence. It is not without a header row or a column of numbers (verse set
    in its วรรค looks like that), nor as two columns without a header row over numbers or
    drawn apart (a list with numbers at the right, a poem's two วรรค under a bold title);
    such a grid can still be the rest of a table begun on the page before."""
    cells = [DraftCell(c.piece.text, c.row, c.col, c.row_span, c.col_span, c.piece.bold) for c in grid.cells]
    _shade(page, grid, cells)
    cells, rows, rows_ruled = _apply_rules(page, grid, cells)
    heads = header_rows(cells, rows)
    figures = _figures_column(cells, grid.cols, heads)
    drawn = rows_ruled or any(c.filled or c.ruled_below for c in cells if c.row < heads)
    convincing = bool(heads or figures) and (grid.cols >= 3 or bool(heads and (figures or drawn)))
    draft = TableDraft(grid.bbox, rows, grid.cols, cells, heads, header_cols(cells, heads, grid.cols), ruled=False)
    return draft, convincing


def _banded_draft(banded: Banded) -> TableDraft:
    """A table ruled between its rows as a draft; a header row set over the first rule is
    marked as one (``header_rows``)."""
    cells = []
    for row in range(banded.rows):
        for col in range(banded.cols):
            lines = merge_rows(banded.cells.get((row, col), []))
            cells.append(DraftCell(banded.text(row, col), row, col, bold=bool(lines) and all(ln.bold for ln in lines),
                                   ruled_below=banded.headed and row == 0, lines=len(lines)))
    heads = header_rows(cells, banded.rows)
    return TableDraft(banded.bbox, banded.rows, banded.cols, cells, heads, header_cols(cells, heads, banded.cols),
                      ruled=False)


def _figures_column(cells: list[DraftCell], cols: int, first_body_row: int) -> bool:
    """Is some column of the body mostly numbers? That, or a header row, tells a table
    from verse set in its วรรค or a form's "label : value" lines."""
    for col in range(cols):
        texts = [c.text.strip() for c in cells if c.col == col and c.row >= first_body_row and c.text.strip()]
        if texts and 2 * sum(bool(_NUMERIC.match(t)) for t in texts) >= len(texts):
            return True
    return False


def _banded(cells: list[DraftCell], ruled: list[int]) -> tuple[list[DraftCell], int]:
    """The cells with the lines between two rules made one row: the rules are where the
    author's rows end, and the lines between them a row's cells wrapped."""
    bands: dict[tuple[int, int], DraftCell] = {}
    for cell in sorted(cells, key=lambda c: c.row):
        band = sum(1 for r in ruled if r < cell.row)
        key = (band, cell.col)
        if key not in bands:
            bands[key] = replace(cell, row=band, row_span=1)
            continue
        held = bands[key]
        held.text = join_lines(held.text, cell.text, False)
        held.col_span = max(held.col_span, cell.col_span)
        held.bold &= cell.bold
        held.filled &= cell.filled
    return list(bands.values()), len(ruled) + 1


@dataclass
class _LineSplitter:
    """Reads a line again in parts wherever its words are a column gap apart, each part
    boxed by its words (a line's own box takes in the spaces at its ends). The page's
    words are listed once, and only when a line is first asked about."""

    page: pymupdf.Page
    read: LineReader
    _words: list[tuple[float, ...]] | None = None

    def _words_on(self, line: Line) -> list[tuple[float, ...]]:
        if self._words is None:
            self._words = [tuple(w[:4]) for w in self.page.get_text("words")]
        shave = 0.2 * line.height  # not the marks of the lines above and below
        return sorted(
            (w for w in self._words
             if line.x0 <= (w[0] + w[2]) / 2 <= line.x1 and line.y0 + shave <= (w[1] + w[3]) / 2 <= line.y1 - shave),
            key=lambda w: w[0],
        )

    def __call__(self, line: Line) -> list[Line]:
        parts: list[list[float]] = []
        for x0, _, x1, _ in self._words_on(line):
            if parts and x0 - parts[-1][1] < MIN_GAP * line.size:
                parts[-1][1] = max(parts[-1][1], x1)
            else:
                parts.append([x0, x1])
        if len(parts) < 2:
            return [line]
        # Each part is read up to the middle of the gaps beside it (a mark may reach
        # outside its letter's box), and a little beyond the line's own ends.
        reach = MIN_GAP * line.size / 2
        cuts = [line.x0 - reach, *((a[1] + b[0]) / 2 for a, b in pairwise(parts)), line.x1 + reach]
        pieces = []
        for (left, right), (x0, x1) in zip(pairwise(cuts), parts, strict=True):
            found = [ln for ln in merge_rows(self.read(self.page, pymupdf.Rect(left, line.y0, right, line.y1)))
                     if abs(ln.baseline - line.baseline) < SAME_ROW * line.size]
            if len(found) != 1:
                return [line]
            pieces.append(replace(found[0], x0=x0, x1=x1))
        return pieces


def _framed(box: Box, grids: list[PanelGrid]) -> bool:
    return any(in_box(grid.bbox, box) for grid in grids)


def _tiles_page(page: pymupdf.Page, table: Any, cells: list[DraftCell]) -> bool:
    """Does a ruled grid cut most of the page into a few panels of one size? A handout's
    frames do, four slides to a page, and a slide that is only a picture has no title to
    tell its frame by (``TableDraft.frames_panels``); a table's cells are sized to their
    contents."""
    if not 2 <= len(cells) <= MAX_PANELS or any(c.row_span > 1 or c.col_span > 1 for c in cells):
        return False
    boxes = [_cell_box(table, cell) for cell in cells]
    widths, heights = [b[2] - b[0] for b in boxes], [b[3] - b[1] for b in boxes]
    area = sum(w * h for w, h in zip(widths, heights, strict=True))
    return (
        max(widths) - min(widths) <= SAME_SIZE * max(widths)
        and max(heights) - min(heights) <= SAME_SIZE * max(heights)
        and area >= PANELS_COVER * page.rect.width * page.rect.height
    )


def by_panel(lines: list[Line], grids: list[PanelGrid]) -> list[list[Line]]:
    """The lines outside the panel grids, then each panel's: each region is read on its own
    (the bullets of two slides side by side line up as a borderless table's columns)."""
    panels = [box for grid in grids for box in grid.panels]
    outside = [ln for ln in lines if not _framed(ln.box, grids)]
    return [outside, *([ln for ln in lines if in_box(box, ln.box)] for box in panels)]


def _borderless(page: pymupdf.Page, lines: list[Line], read: LineReader) -> list[_Loose]:
    """The page's borderless grids as drafts, with the ids of the lines each holds."""
    found = []
    for grid in find_grids(lines, _LineSplitter(page, read)):
        draft, convincing = _borderless_draft(page, grid)
        held = {id(line) for line in lines if _inside(line, grid.bbox)}
        found.append(_Loose(draft, convincing, Shape(grid.bbox, grid.column_x, convincing), held))
    return found


@dataclass
class TableFinder:
    """Finds the tables of each page of one document; remembers each page's table
    outlines so a table that runs over a page break can be recognised from either side.

    ``read_lines(page, clip)`` gives a page's repaired lines (within ``clip``): for cells
    a line crosses, and when a continued table needs the header of a page not read yet.
    ``guard(page)`` raises if another page may not be read (its streams are bombs); such
    a page, or one MuPDF cannot load, has no tables for a table to go on into.
    """

    doc: pymupdf.Document
    read_lines: LineReader
    guard: Callable[[pymupdf.Page], None] = lambda page: None
    _ruled_shapes: Shapes = field(default_factory=dict)
    _loose_shapes: Shapes = field(default_factory=dict)
    _last_headers: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def _raw_tables(self, page: pymupdf.Page) -> list[Any]:
        drawn = sum(len(path["items"]) for path in page_drawings(page))
        if drawn < MIN_RULES:
            return []
        try:
            # "lines_strict": the edges of shaded cells are not rules (they would split rows)
            found = page.find_tables(strategy="lines_strict").tables
        except Exception:  # a malformed drawing must not cost the student the page
            return []
        # a row alone at the top may be the last row of a table from the page before (``_ruled``)
        top = EDGE_SHARE * page.rect.height
        found = [t for t in found if t.col_count >= 2 and (t.row_count >= 2 or t.bbox[1] <= top)]
        if not found:
            return []
        lines = [  # written across: a rotated month name's letter boxes are as wide as its line is tall
            line["spans"] for line in raw_lines(page.get_text("rawdict")) if abs(line["dir"][1]) < ACROSS
        ]
        return [t for t in found if _cut_words(t, lines) < CUT_WORDS]

    def shapes(self, number: int, ruled: bool) -> list[Shape]:
        """The ruled, or the borderless, tables on page ``number`` (1-based); on a page
        not read yet, also the borderless grids at its top that would be tables if they
        go on from the page before (not sure: a table cannot go on from them). Only a
        borderless table needs the other page's lines read, so ruled ones are kept apart."""
        if number not in self._ruled_shapes:
            try:
                page = self.doc[number - 1]
                self.guard(page)
            except Exception:  # a neighbour that cannot be read: no table goes on into it
                self._ruled_shapes[number], self._loose_shapes[number] = [], []
                return []
            tables = self._raw_tables(page)  # (a table in another's cell, or in a panel, goes on nowhere)
            self._ruled_shapes[number] = [Shape(tuple(t.bbox), tuple(_column_x(t)))
                                          for t in tables if not _held(t, tables)]
        if ruled:
            return self._ruled_shapes[number]
        if number not in self._loose_shapes:
            page = self.doc[number - 1]
            boxes = [shape.box for shape in self._ruled_shapes[number]]
            top = EDGE_SHARE * page.rect.height
            try:
                with page_deadline():  # on that page's own budget: it may be another page
                    rest = [ln for ln in self.read_lines(page, None) if not any(_inside(ln, box) for box in boxes)]
                    self._loose_shapes[number] = [loose.shape for loose in _borderless(page, rest, self.read_lines)
                                                  if loose.convincing or loose.shape.box[1] <= top]
            except PageGivenUp:  # too costly to read: no borderless table goes on into it
                self._loose_shapes[number] = []
        return self._loose_shapes[number]

    def _joins(self, upper: int, lower: int, ruled: bool, reach: int = MAX_PARTS) -> bool:
        """Does the last (ruled or borderless) table on page ``upper`` go on as the first
        on page ``lower``? A borderless grid not sure to be a table on its own counts when
        it fills page ``upper`` from the top and goes on from the page before it in turn
        (up to ``reach`` pages back), so a long table is found whichever page is read first."""
        if not 1 <= upper < lower <= self.doc.page_count:
            return False
        above, below = self.shapes(upper, ruled), self.shapes(lower, ruled)
        if not above or not below:
            return False
        last, first = max(above, key=lambda s: s.box[3]), min(below, key=lambda s: s.box[1])
        if not last.sure and not (reach > 0 and last is min(above, key=lambda s: s.box[1])
                                  and self._joins(upper - 1, upper, ruled, reach - 1)):
            return False
        (box_a, cols_a), (box_b, cols_b) = (last.box, last.columns), (first.box, first.columns)
        height_a, height_b = self.doc[upper - 1].rect.height, self.doc[lower - 1].rect.height
        return (
            box_a[3] >= height_a * (1 - EDGE_SHARE)
            and box_b[1] <= height_b * EDGE_SHARE
            and len(cols_a) == len(cols_b)
            # the same columns, perhaps moved as a whole (a book's mirrored margins)
            and all(abs((a - cols_a[0]) - (b - cols_b[0])) <= COLUMN_TOLERANCE
                    for a, b in zip(cols_a, cols_b, strict=True))
        )

    def find(
        self, page: pymupdf.Page, number: int, lines: list[Line]
    ) -> tuple[list[TableDraft], list[PanelGrid], list[Line]]:
        """The page's tables, marked where they run on from or onto another page; the grids
        that frame panels; and the lines left for the paragraphs (those outside the tables)."""
        # Asked for once: a page without tables, or given up for time part-way, is not
        # read again each time a later page's table asks for its headers.
        self._last_headers.setdefault(number, ())
        tables = self._raw_tables(page)
        self._ruled_shapes[number] = [Shape(tuple(t.bbox), tuple(_column_x(t))) for t in tables]
        self._loose_shapes[number] = []
        drafts, grids, used = self._ruled(page, number, tables, lines)
        # a slide's table in its frame, like the frames, goes on onto no other page
        self._ruled_shapes[number] = [s for s in self._ruled_shapes[number] if not _framed(s.box, grids)]
        rules = _horizontal_rules(page)
        for group in by_panel([ln for ln in lines if id(ln) not in used], grids):
            for banded in find_banded(group, rules):
                draft = _banded_draft(banded)
                if draft.is_grid():
                    drafts.append(draft)
                    used |= banded.lines()
            group = [ln for ln in group if id(ln) not in used]
            for loose in _borderless(page, group, self.read_lines):
                if loose.convincing or self._goes_on(number, loose):
                    self._loose_shapes[number].append(replace(loose.shape, sure=True))
                    drafts.append(loose.draft)
                    used |= loose.lines
        free = [d for d in drafts if not _framed(d.bbox, grids)]
        if free:
            self._mark_parts(number, sorted(free, key=lambda d: (d.bbox[1], d.bbox[0])))
        return drafts, grids, [ln for ln in lines if id(ln) not in used]

    def _goes_on(self, number: int, loose: _Loose) -> bool:
        """Is a borderless grid too weak to be a table on its own (no header row of its
        own, typically) the rest of a table at the foot of the page before?"""
        if loose.shape.box[1] > EDGE_SHARE * self.doc[number - 1].rect.height:
            return False
        shapes = self._loose_shapes[number]
        shapes.append(loose.shape)
        try:
            return self._joins(number - 1, number, ruled=False)
        finally:
            shapes.remove(loose.shape)

    def _ruled(
        self, page: pymupdf.Page, number: int, tables: list[Any], lines: list[Line]
    ) -> tuple[list[TableDraft], list[PanelGrid], set[int]]:
        """The page's ruled tables that hold a grid of text, and the ids of their lines; and
        a row alone at the page's top that goes on a table from the page before: a project
        report's table of members and tasks ended with one row on the next page, and its
        cells' lines were read across each other ("รูปแบบการรับ input / ตั้งแต่ 1 พ.ย. /
        และการแปลง output ถึงกำหนดส่งงาน"). Also the grids that frame panels, each of whose
        own tables is a table; a table in a table's cell is read in that cell, not again
        after it (a textbook's ranges, set as a table inside an explanation's cell)."""
        used: set[int] = set()
        drafts: list[TableDraft] = []
        grids: list[PanelGrid] = []
        outer: list[Any] = []  # the tables read as tables
        for table in sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])):
            if _held(table, outer):
                continue
            draft, own = _draft(page, table, lines, self.read_lines)
            if draft.frames_panels() or _tiles_page(page, table, draft.cells):
                cells = sorted(draft.cells, key=lambda c: (c.row, c.col))
                grids.append(PanelGrid(draft.bbox, tuple(_cell_box(table, c) for c in cells)))
            elif draft.is_grid() or (_one_row(draft) and self._joins(number - 1, number, ruled=True)):
                drafts.append(draft)
                outer.append(table)
                used |= own
        return drafts, grids, used

    def _mark_parts(self, number: int, drafts: list[TableDraft]) -> None:
        """Mark the first and last tables where they run on from or onto another page;
        a part without its own header row borrows the one before's column headers."""
        first = drafts[0]
        last = max(drafts, key=lambda d: d.bbox[3])
        height = self.doc[number - 1].rect.height  # (the other page is looked at only when needed)
        first.continued = first.bbox[1] <= EDGE_SHARE * height and self._joins(number - 1, number, first.ruled)
        last.continues = last.bbox[3] >= (1 - EDGE_SHARE) * height and self._joins(number, number + 1, last.ruled)
        if first.continued and not first.header_rows:
            first.inherited_headers = self._headers_of_last_table(number - 1)
        self._last_headers[number] = last.header_texts()

    def _headers_of_last_table(self, number: int) -> tuple[str, ...]:
        """Column headers of the last table on page ``number``, reading that page if needed,
        on that page's own time budget (it may in turn look back for its own headers)."""
        if number not in self._last_headers:
            page = self.doc[number - 1]
            try:
                with page_deadline():
                    self.find(page, number, self.read_lines(page, None))
            except PageGivenUp:  # too costly to read: its table's headers are not known
                self._last_headers[number] = ()
        return self._last_headers.get(number, ())

    def no_tables(self, number: int) -> None:
        """Page ``number`` has no tables to go on from or into: it is read by OCR (its text
        layer is unreadable, so the grids and headers found in it would be noise)."""
        self._ruled_shapes[number], self._loose_shapes[number], self._last_headers[number] = [], [], ()
