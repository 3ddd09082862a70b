"""A page laid out as a Qt text document: its text, each table paragraph as a real grid.

A low-vision student sees rows and columns where the voice reads them: a ``QTextTable``
with ruled cells, header cells bold and shaded, merged cells spanning. The session
speaks in offsets of the page's text, and the document differs from it: a table adds a
boundary character before each cell and after the grid, and a character outside the
BMP takes two UTF-16 positions. ``OffsetMap`` converts both ways.

A grid is for eyes: Qt's accessible text for it holds a noncharacter (U+FDD0) before each
cell, its caret moves down a column, and its cells report wrong positions, so Orca reads
only the first column on Down and says "symbol zero" at cell edges (measured with the real
Orca). With a screen reader the view writes tables as lines instead (``table_view``).

Imported when the first page is shown, not at start-up: the text-format types it needs
cost PySide a few milliseconds to build, before the window could take keys.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from guidelight.core.model import Page, Paragraph, Table
from guidelight.gui.theme import Colours

_WIDE = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 positions each in Qt
HEADER_SHADE = 0.18  # a header cell's background: this much of the text colour over the base
CELL_PADDING = 4.0  # points around a cell's text, so the ruling never touches Thai marks
# Qt's steps of font growth (as for HTML's h2 and h3), by heading level: relative to the
# reading font, so headings grow with the zoom.
HEADING_GROWTH = {1: 2, 2: 1}  # and bold only from level 3
HEADING_SPACE_ABOVE = 1.2  # in ems of the reading font: a heading starts a new part
HEADING_SPACE_BELOW = 0.4


class OffsetMap:
    """Page text offsets <-> Qt document positions, by bisection over runs of text.

    A run is a stretch of page text that sits in the document unbroken, one position
    per character; runs end at a table's cell boundaries and after each character
    outside the BMP. Page text the document does not hold (the line between two cells)
    and document positions the page does not have (a cell boundary, the second half of
    a surrogate pair) map to the end of the run before them.
    """

    def __init__(self) -> None:
        self._page: list[int] = []  # where each run starts in the page text
        self._qt: list[int] = []  # ... and in the document
        self._length: list[int] = []

    def add(self, page_start: int, text: str, qt_start: int) -> None:
        """``text`` (at ``page_start`` in the page) was put in the document at ``qt_start``."""
        start = 0
        for wide in _WIDE.finditer(text):
            self._append(page_start + start, qt_start, wide.end() - start)
            qt_start += wide.end() - start + 1
            start = wide.end()
        self._append(page_start + start, qt_start, len(text) - start)

    def _append(self, page_start: int, qt_start: int, length: int) -> None:
        self._page.append(page_start)
        self._qt.append(qt_start)
        self._length.append(length)

    def to_qt(self, offset: int) -> int:
        return self._convert(offset, self._page, self._qt)

    def from_qt(self, position: int) -> int:
        return self._convert(position, self._qt, self._page)

    def _convert(self, value: int, source: list[int], target: list[int]) -> int:
        run = bisect_right(source, value) - 1
        if run < 0:
            return target[0] if target else 0
        return target[run] + min(value - source[run], self._length[run])


def _header_shade(colours: Colours) -> QColor:
    """A tint of the text colour over the base: visible in every theme, and the text on
    it keeps its contrast (black on light grey, white on dark grey)."""
    base, text = QColor(colours.base), QColor(colours.text)
    return QColor.fromRgbF(*((1 - HEADER_SHADE) * b + HEADER_SHADE * t for b, t in (
        (base.redF(), text.redF()), (base.greenF(), text.greenF()), (base.blueF(), text.blueF()))))


def _table_format(para: Paragraph, colours: Colours) -> QTextTableFormat:
    assert para.table is not None
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QBrush(QColor(colours.text)))
    fmt.setBorderCollapse(True)  # one line between two cells, not two with a gap
    fmt.setCellSpacing(0)
    fmt.setCellPadding(CELL_PADDING)
    fmt.setHeaderRowCount(para.table.header_rows)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))  # wraps with the view, never scrolls sideways
    return fmt


def _insert_table(cursor: QTextCursor, offsets: OffsetMap, text: str, para: Paragraph, colours: Colours) -> None:
    """The table paragraph as a grid at ``cursor`` (the document's end); each cell's text
    is the page's own text at the cell's offsets, so the map is exact."""
    table = para.table
    assert table is not None
    grid = cursor.insertTable(table.rows, table.cols, _table_format(para, colours))
    for cell in table.cells:
        if cell.row_span > 1 or cell.col_span > 1:
            grid.mergeCells(cell.row, cell.col, cell.row_span, cell.col_span)
    plain, bold = QTextCharFormat(), QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    shade = _header_shade(colours)
    # Cells in reading order, which is also the document's: filling one moves only later ones.
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        qt_cell = grid.cellAt(cell.row, cell.col)
        if cell.header:
            cell_format = qt_cell.format()
            cell_format.setBackground(shade)
            qt_cell.setFormat(cell_format)
        start, end = para.start + cell.start, para.start + cell.end
        if end > start:
            place = qt_cell.firstCursorPosition()
            offsets.add(start, text[start:end], place.position())
            place.insertText(text[start:end], bold if cell.header else plain)
    cursor.movePosition(QTextCursor.MoveOperation.End)  # the block Qt keeps after a grid
    # Qt draws no line for that block while it is empty: it stands for the line break that
    # ends the table paragraph, and the page's blank line after the table is the next one.
    cursor.insertBlock()


def _insert_text(cursor: QTextCursor, offsets: OffsetMap, text: str, start: int, end: int) -> None:
    if start < end:
        offsets.add(start, text[start:end], cursor.position())
        cursor.insertText(text[start:end], QTextCharFormat())


def tiles(table: Table) -> bool:
    """Do the table's cells cover its grid without overlapping, as Qt's merged cells must?
    A cell inside another's span would have its text written into that cell, and the
    offset map would point at the wrong characters; such a table is written as lines."""
    covered: set[tuple[int, int]] = set()
    for cell in table.cells:
        spots = {(row, col) for row in range(cell.row, cell.row + cell.row_span)
                 for col in range(cell.col, cell.col + cell.col_span)}
        if covered & spots or any(row >= table.rows or col >= table.cols for row, col in spots):
            return False
        covered |= spots
    return True


def draws_grid(para: Paragraph, grids: bool) -> bool:
    """Is this paragraph drawn as a grid (it is a table that tiles, and grids are wanted)?"""
    return grids and para.table is not None and tiles(para.table)


def fill_document(cursor: QTextCursor, page: Page, colours: Colours, grids: bool = True) -> OffsetMap:
    """Write ``page`` at ``cursor`` (an empty document): its text, each table paragraph
    as a grid (or, with ``grids`` off, as the page text has it: one cell a line); returns
    the map between page offsets and document positions."""
    offsets = OffsetMap()
    done = 0
    for para in page.paragraphs:
        if draws_grid(para, grids):
            _insert_text(cursor, offsets, page.text, done, para.start)
            _insert_table(cursor, offsets, page.text, para, colours)
            done = para.end + 1  # the line break after the table is the block after the grid
    _insert_text(cursor, offsets, page.text, done, len(page.text))
    for para in page.paragraphs:
        if para.is_heading:
            _mark_heading(QTextCursor(cursor.document()), offsets, para)
    return offsets


def _mark_heading(cursor: QTextCursor, offsets: OffsetMap, para: Paragraph) -> None:
    """A heading looks like one: bold, larger by its level, with space above and below,
    and its block carries the level (Qt's own heading mark, as Markdown headings get).
    Only formats change: the text and its positions stay as the map has them."""
    level = max(1, para.level)
    cursor.setPosition(offsets.to_qt(para.start))
    cursor.setPosition(offsets.to_qt(para.end), QTextCursor.MoveMode.KeepAnchor)
    char = QTextCharFormat()
    char.setFontWeight(QFont.Weight.Bold)
    char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_GROWTH.get(level, 0))
    cursor.mergeCharFormat(char)
    block = QTextBlockFormat()
    block.setHeadingLevel(min(level, 6))
    em = cursor.document().defaultFont().pointSizeF()
    block.setTopMargin(em * HEADING_SPACE_ABOVE)
    block.setBottomMargin(em * HEADING_SPACE_BELOW)
    cursor.mergeBlockFormat(block)


def highlight_format(background: str, foreground: str) -> QTextCharFormat:
    """The look of a highlighted span: colours and an underline (never colour alone, WCAG 1.4.1)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(background))
    fmt.setForeground(QColor(foreground))
    fmt.setFontUnderline(True)
    return fmt
