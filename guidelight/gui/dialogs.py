"""Small keyboard-first dialogs: every field has a label with a mnemonic as its name.

Enter accepts and Escape cancels everywhere; focus starts in the field; the buttons
carry names too, so a screen reader can reach and read every control.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
    inner = spin.findChild(QLineEdit)
    if inner is not None:  # the editor inside the spin box takes the focus too: same name
        inner.setAccessibleName(spin.accessibleName())
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


def show_help(parent: QWidget, title: str, text: str, language: str) -> None:
    """The key list in a read-only text the screen reader can review line by line."""
    view = QPlainTextEdit()
    view.setPlainText(text)
    view.setReadOnly(True)
    view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
    view.setTabChangesFocus(True)
    dialog = LabelledDialog(parent, title, title, view, language, buttons=False)
    box = QDialogButtonBox(dialog)
    close = box.addButton(tr("help.close", language), QDialogButtonBox.ButtonRole.RejectRole)
    close.setAccessibleName(plain(tr("help.close", language)))
    box.rejected.connect(dialog.reject)
    dialog.column.addWidget(box)
    dialog.resize(720, 560)
    dialog.exec()
    dialog.deleteLater()
