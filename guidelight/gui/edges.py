"""Keys in dialogs that change nothing still say so.

In a list, Down on the last item (or on the only one) moves nothing, and in a field whose
text is already all selected (the page number, selected for typing over), Ctrl+A selects
nothing new: a screen reader hears no event and says nothing, so the student cannot
tell a dead key from a lost one. Measured with Orca 43 in the harness. This watches the
focused list or field of a dialog (attached when the focus arrives, so no filter sees
every event of the app) and, when such a key changed nothing, says where the student is
("Bottom of the list: ITEM") through the announcer, who picks the voice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QLineEdit, QWidget

from guidelight.gui.i18n import tr

LIST_KEYS = {"Up": "top", "PgUp": "top", "Home": "top", "Down": "bottom", "PgDown": "bottom", "End": "bottom"}


def _key_name(event: QKeyEvent) -> str:
    return QKeySequence(event.keyCombination()).toString()


class EdgeKeys(QObject):
    """Attach with ``watch(app)``; ``say(text)`` is the announcer's confirmation."""

    def __init__(self, parent: QObject, say: Callable[[str], None], language: Callable[[], str]) -> None:
        super().__init__(parent)
        self.say = say
        self.language = language
        self._watched: set[int] = set()

    def watch(self, app: QApplication) -> None:
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or id(new) in self._watched or not new.window().isModal():
            return
        if isinstance(new, (QAbstractItemView, QLineEdit, QAbstractSpinBox)):
            self._watched.add(id(new))
            new.installEventFilter(self)
            new.destroyed.connect(lambda *_: self._watched.discard(id(new)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            name = _key_name(event)
            if isinstance(watched, QAbstractItemView) and name in LIST_KEYS:
                row = watched.currentIndex().row()
                QTimer.singleShot(0, lambda: self._after_list_key(watched, row, LIST_KEYS[name]))
            elif name == "Ctrl+A" and isinstance(watched, (QLineEdit, QAbstractSpinBox)):
                self._select_all(watched)
        return False

    def _after_list_key(self, view: QAbstractItemView, row: int, edge: str) -> None:
        index = view.currentIndex()
        if index.row() != row or not index.isValid():
            return  # it moved: the screen reader (or the list's own voice) says the new item
        count = view.model().rowCount()
        key = "list.only" if count == 1 else f"list.{edge}"
        self.say(tr(key, self.language(), item=index.data()))

    def _select_all(self, field: QWidget) -> None:
        edit = field if isinstance(field, QLineEdit) else field.findChild(QLineEdit)
        if edit is None:
            return
        text = edit.text()
        if not text:
            self.say(tr("field.empty", self.language()))
        elif edit.selectedText() == text:
            self.say(tr("field.all_selected", self.language(), text=text))
