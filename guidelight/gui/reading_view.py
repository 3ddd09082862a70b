"""The reading view: a read-only text with a real caret that follows the voice.

It is a standard ``QPlainTextEdit`` so screen readers can read it by character, word
and line from where the voice stopped (Qt exposes its text and caret over AT-SPI / UIA;
a custom-painted widget would need a C++ accessible interface). The current sentence
and word are drawn with extra selections, which change no text and so fire no
accessibility events; rewriting formats would make screen readers re-read the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from guidelight.core.navigation import Span
from guidelight.gui.theme import Colours

# The Thai Kedmanee characters typed by the keys that carry the pane's letter keys. When
# the keyboard is in Thai and the layout has no Latin group, Qt cannot match "H" or "P";
# the pane then maps the Thai character back to its key. Only Thai characters: "/" or "-"
# are keys of their own on a Latin layout.
KEDMANEE_TO_LATIN = {"้": "H", "็": "Shift+H", "ย": "P", "ญ": "Shift+P", "บ": "[", "ฐ": "{", "ล": "]",
                     "ๅ": "1", "ภ": "4", "ถ": "5", "ุ": "6"}


class ReadingPane(QPlainTextEdit):
    """One page of the document at a time; offsets are the page text's offsets."""

    def __init__(self, parent: QWidget | None, show_status: Callable[[str], None],
                 on_lone_ctrl: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Without TextSelectableByKeyboard a read-only view has no caret, and arrow keys
        # say nothing in a screen reader (verified with Orca, research notes §2.3).
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTabChangesFocus(True)
        self.setCursorWidth(3)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._show_status = show_status
        self._on_lone_ctrl = on_lone_ctrl
        self._ctrl_alone = False
        self._wide: list[int] = []  # page offsets of characters Qt counts twice (UTF-16)
        self.colours: Colours | None = None
        self.page_number = 0
        self.installEventFilter(self)

    # --- ReadingView ------------------------------------------------------------------

    def show_page(self, number: int, text: str) -> None:
        self.page_number = number
        self._wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        self.setPlainText(text)

    def _to_qt(self, offset: int) -> int:
        return offset + sum(1 for i in self._wide if i < offset)

    def _from_qt(self, position: int) -> int:
        offset = position
        for i in self._wide:
            if self._to_qt(i) < position:
                offset -= 1
        return offset

    def show_highlight(self, sentence: Span | None, word: Span | None) -> None:
        colours = self.colours
        selections = []
        for span, background, foreground in (
            (sentence, colours.sentence if colours else "#fff0a8", colours.text if colours else "#000000"),
            (word, colours.word if colours else "#1f5fbf", colours.word_text if colours else "#ffffff"),
        ):
            if span is None or span.page != self.page_number:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._to_qt(span.start))
            cursor.setPosition(self._to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
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
        cursor.setPosition(min(self._to_qt(offset), len(self.toPlainText())))
        self.setTextCursor(cursor)
        self.centerCursor()

    def caret_offset(self) -> int:
        return self._from_qt(self.textCursor().position())

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
        kind = event.type()
        if isinstance(event, QKeyEvent) and kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            # A shortcut such as Ctrl+B arrives as ShortcutOverride, never as KeyPress.
            self._ctrl_alone = event.key() == Qt.Key.Key_Control
        elif isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyRelease:
            if event.key() == Qt.Key.Key_Control and self._ctrl_alone:
                self._on_lone_ctrl()
            self._ctrl_alone = False
        return super().eventFilter(watched, event)
