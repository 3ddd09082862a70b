"""The reading view: a read-only text with a real caret that follows the voice.

It is a standard ``QTextEdit`` so screen readers can read it by character, word and
line from where the voice stopped (Qt exposes its text and caret over AT-SPI / UIA; a
custom-painted widget would need a C++ accessible interface). A table paragraph is
shown as a real grid (a ``QTextTable`` with ruled cells, header cells bold and shaded,
merged cells spanning), so a low-vision student sees rows and columns where the voice
reads them. The current sentence and word are drawn with extra selections, which
change no text and so fire no accessibility events; rewriting formats would make
screen readers re-read the page.

The session speaks in offsets of the page's text. The Qt document differs from it: a
table adds a boundary character before each cell and after the grid, and a character
outside the BMP takes two UTF-16 positions. ``OffsetMap`` converts both ways.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from guidelight.core.model import Page, Paragraph
from guidelight.core.navigation import Span
from guidelight.gui.qtnames import set_enum
from guidelight.gui.theme import NORMAL, Colours

# The Thai Kedmanee characters typed by the keys that carry the pane's letter keys. When
# the keyboard is in Thai and the layout has no Latin group, Qt cannot match "H" or "P";
# the pane then maps the Thai character back to its key. Only Thai characters: "/" or "-"
# are keys of their own on a Latin layout.
KEDMANEE_TO_LATIN = {"้": "H", "็": "Shift+H", "ย": "P", "ญ": "Shift+P", "บ": "[", "ฐ": "{", "ล": "]",
                     "ๅ": "1", "ภ": "4", "ถ": "5", "ุ": "6"}

_WIDE = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 positions each in Qt
HEADER_SHADE = 0.18  # a header cell's background: this much of the text colour over the base
CELL_PADDING = 4.0  # points around a cell's text, so the ruling never touches Thai marks


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


def fill_document(cursor: QTextCursor, page: Page, colours: Colours) -> OffsetMap:
    """Write ``page`` at ``cursor`` (an empty document): its text, each table paragraph
    as a grid; returns the map between page offsets and document positions."""
    offsets = OffsetMap()
    done = 0
    for para in page.paragraphs:
        if para.table is not None:
            _insert_text(cursor, offsets, page.text, done, para.start)
            _insert_table(cursor, offsets, page.text, para, colours)
            done = para.end + 1  # the line break after the table is the block after the grid
    _insert_text(cursor, offsets, page.text, done, len(page.text))
    return offsets


class ReadingPane(QTextEdit):
    """One page of the document at a time; its interface speaks in page text offsets."""

    def __init__(self, parent: QWidget | None, show_status: Callable[[str], None],
                 on_lone_ctrl: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Without TextSelectableByKeyboard a read-only view has no caret, and arrow keys
        # say nothing in a screen reader (verified with Orca, research notes §2.3).
        set_enum(self, "textInteractionFlags", "TextSelectableByKeyboard|TextSelectableByMouse")
        self.setTabChangesFocus(True)
        self.setCursorWidth(3)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setUndoRedoEnabled(False)  # a read-only page: no history of its rebuilds to keep
        self._show_status = show_status
        self._on_lone_ctrl = on_lone_ctrl
        self._ctrl_alone = False
        self._offsets = OffsetMap()
        self._page: Page | None = None
        self._highlight: tuple[Span | None, Span | None] = (None, None)
        self._colours = NORMAL
        self.page_number = 0
        self.installEventFilter(self)

    @property
    def colours(self) -> Colours:
        return self._colours

    @colours.setter
    def colours(self, value: Colours) -> None:
        """A new theme redraws the page: table rules and header shading are in its colours."""
        if value == self._colours:
            return
        self._colours = value
        if self._page is not None:
            caret = self.caret_offset()
            self.show_page(self._page)
            self.show_highlight(*self._highlight)
            self.move_caret(caret)

    # --- ReadingView ------------------------------------------------------------------

    def show_page(self, page: Page) -> None:
        self.page_number = page.number
        self._page = page
        document = self.document()
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one layout and one change event for the whole page
        self._offsets = fill_document(cursor, page, self._colours)
        cursor.endEditBlock()

    def show_highlight(self, sentence: Span | None, word: Span | None) -> None:
        self._highlight = (sentence, word)
        colours = self._colours
        selections = []
        for span, background, foreground in ((sentence, colours.sentence, colours.text),
                                             (word, colours.word, colours.word_text)):
            if span is None or span.page != self.page_number:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets.to_qt(span.start))
            cursor.setPosition(self._offsets.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(background))
            fmt.setForeground(QColor(foreground))
            fmt.setFontUnderline(True)  # never colour alone (WCAG 1.4.1)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def move_caret(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(self._offsets.to_qt(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self._centre_caret()

    def _centre_caret(self) -> None:
        """Scroll the caret's line to the middle of the view, as ``QPlainTextEdit.centerCursor``
        did: the line being read stays where the eye expects it, with context around."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect().center().y() - self.viewport().height() // 2)

    def caret_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def show_status(self, text: str) -> None:
        self._show_status(text)

    # --- look ----------------------------------------------------------------------------

    def set_reading_font(self, family: str, points: float) -> None:
        font = QFont(family)
        font.setPointSizeF(points)
        self.setFont(font)
        self.document().setDefaultFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Reached only when no shortcut matched: try the Latin key of a Thai character."""
        latin = KEDMANEE_TO_LATIN.get(event.text())
        if latin is not None:
            wanted = QKeySequence(latin)
            for action in self.actions():
                if action.shortcut().matches(wanted) == QKeySequence.SequenceMatch.ExactMatch:
                    action.trigger()
                    return
        super().keyPressEvent(event)

    # --- a lone Ctrl tap stops speech, as in NVDA and JAWS ----------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        from PySide6.QtCore import Qt  # a key: the window is up, Qt.* may be built (see qtnames)

        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            # A shortcut such as Ctrl+B arrives as ShortcutOverride, never as KeyPress.
            self._ctrl_alone = event.key() == Qt.Key.Key_Control
        elif kind == QEvent.Type.KeyRelease:
            if event.key() == Qt.Key.Key_Control and self._ctrl_alone:
                self._on_lone_ctrl()
            self._ctrl_alone = False
        return super().eventFilter(watched, event)
