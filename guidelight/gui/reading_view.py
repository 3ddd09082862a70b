"""The reading view: a read-only text with a real caret that follows the voice.

It is a standard ``QTextEdit`` so screen readers can read it by character, word and
line from where the voice stopped (Qt exposes its text and caret over AT-SPI / UIA; a
custom-painted widget would need a C++ accessible interface). A table paragraph is
shown as a real grid (``page_document``). The current sentence and word are drawn with extra selections, which
change no text and so fire no accessibility events; rewriting formats would make
screen readers re-read the page.

The session speaks in offsets of the page's text; ``page_document.OffsetMap`` converts
them to and from the Qt document's positions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from guidelight.core.model import Page
from guidelight.core.navigation import Span
from guidelight.gui.qtnames import set_enum
from guidelight.gui.theme import NORMAL, Colours

if TYPE_CHECKING:
    from guidelight.gui.page_document import OffsetMap

# The Thai Kedmanee characters typed by the keys that carry the pane's letter keys. When
# the keyboard is in Thai and the layout has no Latin group, Qt cannot match "H" or "P";
# the pane then maps the Thai character back to its key. Only Thai characters: "/" or "-"
# are keys of their own on a Latin layout.
KEDMANEE_TO_LATIN = {"้": "H", "็": "Shift+H", "ย": "P", "ญ": "Shift+P", "บ": "[", "ฐ": "{", "ล": "]",
                     "ๅ": "1", "ภ": "4", "ถ": "5", "ุ": "6"}

class ReadingPane(QTextEdit):
    """One page of the document at a time; its interface speaks in page text offsets."""

    def __init__(self, parent: QWidget | None, show_status: Callable[[str], None],
                 on_lone_ctrl: Callable[[], None], table_grids: Callable[[], bool] = lambda: True) -> None:
        """``table_grids`` says, each time a page is shown, whether its tables are drawn as grids."""
        super().__init__(parent)
        self.table_grids = table_grids
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
        self._offsets: OffsetMap | None = None  # None until a page is shown
        self._page: Page | None = None
        self._highlight: tuple[Span | None, Span | None] = (None, None)
        self._colours = NORMAL
        self._grid_shown = False
        self.page_number = 0
        self._control: QObject | None = None
        self.installEventFilter(self)

    @property
    def colours(self) -> Colours:
        return self._colours

    @colours.setter
    def colours(self, value: Colours) -> None:
        """A new theme recolours the highlight, and redraws the page only if it shows a grid
        (its rules and header shading are in the theme's colours): a rebuilt text would
        make screen readers hear it change and move the view."""
        if value == self._colours:
            return
        self._colours = value
        if self._page is not None:
            self._paint_page()
        if self._grid_shown:
            self.redraw()
        else:
            self.show_highlight(*self._highlight)

    def _paint_page(self) -> None:
        """The page in the theme's own text and base colours, even where the rest of the
        window follows the desktop: the highlights' contrast is worked out against them.

        The text takes the view's palette, the background its viewport's, which must be
        set itself: once the app has a style sheet Qt no longer passes the view's palette
        on. (Not a style sheet rule: restyling the page through the app's sheet crashed Qt
        now and then when windows came and went. Not before the first page: asking for the
        viewport makes PySide build a type for every widget class, about 14 ms.)"""
        base, text = QColor(self._colours.base), QColor(self._colours.text)
        for widget in (self, self.viewport()):
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.Base, base)
            palette.setColor(QPalette.ColorRole.Text, text)
            widget.setPalette(palette)

    def redraw(self) -> None:
        """Lay the shown page out again (a new theme, tables as grids or lines), keeping
        the caret and the highlight where they were."""
        if self._page is not None:
            caret = self.caret_offset()
            self.show_page(self._page)
            self.show_highlight(*self._highlight)
            self.move_caret(caret)

    # --- ReadingView ------------------------------------------------------------------

    def show_page(self, page: Page) -> None:
        from guidelight.gui.page_document import draws_grid, fill_document  # not before a page (see there)

        if self._page is None:
            self._paint_page()  # the first page: see there
        self.page_number = page.number
        self._page = page
        grids = self.table_grids()
        self._grid_shown = any(draws_grid(para, grids) for para in page.paragraphs)
        document = self.document()
        # The caret waits at the start while the page is rebuilt, so it never moves and
        # the screen reader hears no caret event (see move_caret); the rebuild itself must
        # not be blocked: its signals carry the new size to the scroll bars.
        with self._quiet_caret():
            waiting = self.textCursor()
            waiting.setPosition(0)
            waiting.setKeepPositionOnInsert(True)
            self.setTextCursor(waiting)
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one layout and one change event for the whole page
        self._offsets = fill_document(cursor, page, self._colours, grids)
        cursor.endEditBlock()

    def show_highlight(self, sentence: Span | None, word: Span | None) -> None:
        from guidelight.gui.page_document import highlight_format

        self._highlight = (sentence, word)
        colours = self._colours
        selections = []
        for span, background, foreground in ((sentence, colours.sentence, colours.sentence_text),
                                             (word, colours.word, colours.word_text)):
            if span is None or span.page != self.page_number:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._to_qt(span.start))
            cursor.setPosition(self._to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = highlight_format(background, foreground)
            selections.append(selection)
        self.setExtraSelections(selections)

    def move_caret(self, offset: int) -> None:
        """Move the caret without telling the screen reader: Guide Light says the unit a
        key moved to (or hands it to the screen reader as a whole Thai word or sentence),
        and a caret event would make the screen reader say its own line or word over it
        (measured with Orca 43). The screen reader's reading keys still start here."""
        cursor = self.textCursor()
        cursor.setPosition(min(self._to_qt(offset), self.document().characterCount() - 1))
        with self._quiet_caret():
            self.setTextCursor(cursor)
        self._centre_caret()

    @contextmanager
    def _quiet_caret(self) -> Iterator[None]:
        """Block the signals of Qt's private ``QWidgetTextControl`` inside this view: its
        cursorPositionChanged is what sends the caret event. They also carry the repaint."""
        if self._control is None:
            self._control = next(child for child in self.findChildren(QObject)
                                 if child.metaObject().className() == "QWidgetTextControl")
        blocked = self._control.blockSignals(True)
        try:
            yield
        finally:
            self._control.blockSignals(blocked)
            self.viewport().update()

    def _centre_caret(self) -> None:
        """Scroll the caret's line to the middle of the view, as ``QPlainTextEdit.centerCursor``
        did: the line being read stays where the eye expects it, with context around.
        (The page step is the viewport's height: asking for the viewport itself would make
        PySide build a type for every QWidget subclass, about 14 ms.)"""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect().center().y() - bar.pageStep() // 2)

    def _to_qt(self, offset: int) -> int:
        return self._offsets.to_qt(offset) if self._offsets is not None else 0

    def caret_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position()) if self._offsets is not None else 0

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
