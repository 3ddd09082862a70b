"""Every dialog: focus starts in its field, every focusable control has a name, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from guidelight.gui import dialogs

pytestmark = pytest.mark.gui


def unnamed_controls(dialog: QWidget) -> list[str]:
    missing = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if not iface.text(QAccessible.Text.Name).strip():
            missing.append(type(widget).__name__)
    return missing


def inspect_then_escape(seen: dict[str, object]) -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, attempt)
            return
        seen["focus"] = type(focus).__name__
        seen["focus_name"] = QAccessible.queryAccessibleInterface(focus).text(QAccessible.Text.Name)
        seen["unnamed"] = unnamed_controls(dialog)
        from pytestqt.qtbot import QtBot

        QtBot.keyClick(focus, Qt.Key.Key_Escape)

    QTimer.singleShot(20, attempt)


CASES: dict[str, tuple[Callable[[QWidget], object], str, str]] = {
    "password": (lambda p: dialogs.ask_text(p, "Password needed", "&Password for a.pdf:", "en", secret=True),
                 "QLineEdit", "Password for a.pdf"),
    "page": (lambda p: dialogs.ask_page(p, 2, 9, "th"), "QSpinBox", "หมายเลขหน้า (1 ถึง 9)"),
    "list": (lambda p: dialogs.choose(p, "Bookmarks", "&Bookmarks:", ["Page 1: a", "Page 2: b"], "en",
                                      on_delete=lambda row: None), "QListWidget", "Bookmarks"),
    "help": (lambda p: dialogs.show_help(p, "Keyboard help", ["F1: help"], "en"), "QListWidget", "Keyboard help"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_dialog_is_named_focused_and_cancellable(qtbot, case: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    run, focus_type, focus_name = CASES[case]
    seen: dict[str, object] = {}
    inspect_then_escape(seen)
    result = run(parent)
    assert result is None  # Escape cancelled
    assert seen == {"focus": focus_type, "focus_name": focus_name, "unnamed": []}
