"""Small keyboard-first dialogs: every field has a label with a mnemonic as its name.

Enter accepts and Escape cancels everywhere; focus starts in the field; the buttons
carry names too, so a screen reader can reach and read every control.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from guidelight.gui.i18n import plain, tr
from guidelight.gui.qt_language import native_file_dialogs


class LabelledDialog(QDialog):
    """A dialog with one labelled field and OK / Cancel buttons."""

    def __init__(self, parent: QWidget | None, title: str, label: str, field: QWidget, language: str,
                 buttons: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.field = field
        caption = QLabel(label, self)
        caption.setBuddy(field)
        field.setAccessibleName(plain(label))
        layout = QVBoxLayout(self)
        self.column = layout
        layout.addWidget(caption)
        layout.addWidget(field)
        self._fields_end = layout.count()  # more fields go here, before the buttons
        self._last_field = field
        if buttons:
            box = QDialogButtonBox(self)
            ok = box.addButton(tr("ok", language), QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = box.addButton(tr("cancel", language), QDialogButtonBox.ButtonRole.RejectRole)
            ok.setAccessibleName(plain(tr("ok", language)))
            cancel.setAccessibleName(plain(tr("cancel", language)))
            ok.setDefault(True)
            box.accepted.connect(self.accept)
            box.rejected.connect(self.reject)
            layout.addWidget(box)
        field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Take the keyboard as soon as it shows. A dialog opened from a background job's
        answer (the password a file turned out to need) comes while the main window has the
        keys; left to the window system, typing could go on into the page behind it."""
        super().showEvent(event)
        self.activateWindow()
        self.raise_()

    def add_field(self, label: str, field: QWidget) -> None:
        """Another labelled field, after the first and before the buttons (Tab order too)."""
        caption = QLabel(label, self)
        caption.setBuddy(field)
        field.setAccessibleName(plain(label))
        self.column.insertWidget(self._fields_end, caption)
        self.column.insertWidget(self._fields_end + 1, field)
        self._fields_end += 2
        QWidget.setTabOrder(self._last_field, field)  # Tab goes field by field, then to the buttons
        self._last_field = field


def file_options(language: str) -> QFileDialog.Option:
    """The file dialogs' options: Qt's own dialog, in the interface's language, unless
    the desktop's speaks it (``qt_language``)."""
    return QFileDialog.Option(0) if native_file_dialogs(language) else QFileDialog.Option.DontUseNativeDialog


def name_spin_editor(spin: QSpinBox) -> None:
    """The editor inside a spin box takes the focus too: it gets the spin box's name."""
    inner = spin.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(spin.accessibleName())


def ask_text(parent: QWidget, title: str, label: str, language: str, secret: bool = False,
             initial: str = "") -> str | None:
    """The typed text, or None if the student cancelled."""
    edit = QLineEdit(initial)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    dialog = LabelledDialog(parent, title, label, edit, language)
    edit.returnPressed.connect(dialog.accept)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return edit.text() if accepted else None


def ask_page(parent: QWidget, current: int, count: int, language: str) -> int | None:
    spin = QSpinBox()
    spin.setRange(1, count)
    spin.setValue(current)
    spin.selectAll()
    dialog = LabelledDialog(parent, tr("goto.title", language), tr("goto.label", language, count=count),
                            spin, language)
    name_spin_editor(spin)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return spin.value() if accepted else None


def choose(parent: QWidget, title: str, label: str, items: Sequence[str], language: str,
           on_delete: Callable[[int], None] | None = None) -> int | None:
    """Index of the chosen item (Enter), or None. Delete calls ``on_delete`` and drops it."""
    listing = QListWidget()
    for text in items:
        QListWidgetItem(text, listing)
    listing.setCurrentRow(0)
    dialog = LabelledDialog(parent, title, label, listing, language)
    listing.itemActivated.connect(lambda _item: dialog.accept())
    if on_delete is not None:
        def delete() -> None:
            row = listing.currentRow()
            if row >= 0:
                on_delete(row)
                listing.takeItem(row)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), listing, delete,
                  context=Qt.ShortcutContext.WidgetShortcut)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    row = listing.currentRow()
    return row if accepted and row >= 0 else None


def show_help(parent: QWidget, title: str, lines: Sequence[str], language: str,
              on_item: Callable[[str], None] | None = None) -> None:
    """The keys as a list walked item by item (Up, Down, Home, End); Escape closes.

    A list, not one long text: a screen reader says one key per move, and ``on_item``
    (Guide Light's own voice, when it speaks everything) hears each item moved to.
    """
    listing = QListWidget()
    for text in lines:
        QListWidgetItem(text, listing)
    listing.setCurrentRow(0)
    if on_item is not None:
        listing.currentRowChanged.connect(lambda row: on_item(lines[row]) if 0 <= row < len(lines) else None)
    dialog = LabelledDialog(parent, title, title, listing, language, buttons=False)
    box = QDialogButtonBox(dialog)
    close = box.addButton(tr("help.close", language), QDialogButtonBox.ButtonRole.RejectRole)
    close.setAccessibleName(plain(tr("help.close", language)))
    box.rejected.connect(dialog.reject)
    dialog.column.addWidget(box)
    dialog.resize(720, 560)
    dialog.exec()
    dialog.deleteLater()


def ask_long_text(parent: QWidget, title: str, label: str, language: str, initial: str = "") -> str | None:
    """A paragraph's worth of text; Ctrl+Enter accepts (Enter starts a new line), Tab
    reaches the buttons. None if cancelled."""
    edit = QPlainTextEdit()
    edit.setPlainText(initial)
    edit.setTabChangesFocus(True)
    edit.selectAll()
    dialog = LabelledDialog(parent, title, label, edit, language)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), edit, dialog.accept, context=Qt.ShortcutContext.WidgetShortcut)
    dialog.resize(640, 320)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return edit.toPlainText() if accepted else None


def ask_pair(parent: QWidget, title: str, labels: tuple[str, str], language: str,
             initial: tuple[str, str] = ("", "")) -> tuple[str, str] | None:
    """Two lines of text (a written word and how it is read); Enter in either accepts."""
    first, second = QLineEdit(initial[0]), QLineEdit(initial[1])
    dialog = LabelledDialog(parent, title, labels[0], first, language)
    dialog.add_field(labels[1], second)
    for edit in (first, second):
        edit.returnPressed.connect(dialog.accept)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return (first.text(), second.text()) if accepted else None


def ask_heading(parent: QWidget, title: str, labels: tuple[str, str], language: str,
                level: int, text: str) -> tuple[int, str] | None:
    """A heading level (0: body text) and its wording; Enter accepts."""
    spin = QSpinBox()
    spin.setRange(0, 6)
    spin.setValue(level)
    edit = QLineEdit(text)
    dialog = LabelledDialog(parent, title, labels[0], spin, language)
    dialog.add_field(labels[1], edit)
    name_spin_editor(spin)
    edit.returnPressed.connect(dialog.accept)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return (spin.value(), edit.text()) if accepted else None
