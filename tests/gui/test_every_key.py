"""No silent keys: every bound key says something, also when it has nothing to do.

Every key of the command table (``gui/commands.py``) and the heading-level keys is
pressed with no document open, then again at the start of a document (where the
"previous" moves, Escape, bookmarks and the table keys have nothing to do). A key is
answered when Guide Light's voice was asked to speak, or text was handed to the screen
reader (Ctrl+Shift+V changes who speaks on the way), or a modal dialog took the focus
(the screen reader reads it; it is cancelled at once, and the cancel is said too).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from guidelight.gui.commands import COMMANDS, HEADING_LEVEL_KEYS

from .test_journeys import App

pytestmark = pytest.mark.gui

NOT_PRESSED = {"quit"}  # it ends the app: the quit tests cover it
KEYS = [(c.id, k) for c in COMMANDS if c.id not in NOT_PRESSED for k in c.keys] + [
    ("heading_level", k) for k in HEADING_LEVEL_KEYS]


class Said:
    """Counts what Guide Light's voice was asked to say, and the dialogs that opened."""

    def __init__(self, window: Any, speaker: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        self.dialogs: list[str] = []
        for target, name in ((speaker, "announce"), (speaker, "speak"), (window.announcer, "to_screen_reader")):
            real = getattr(target, name)

            def spy(*args: Any, _real: Any = real) -> None:
                first = args[0]
                self.texts.append(first if isinstance(first, str) else "(utterances)")
                _real(*args)

            monkeypatch.setattr(target, name, spy)
        # The file dialog is native: cancel it at once, as Escape would.
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: self._cancelled_file())
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: self._cancelled_files())
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: self._cancelled_dir())
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: self._cancelled_file())
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self._cancelled_dialog(dialog))

    def _cancelled_file(self) -> tuple[str, str]:
        self.dialogs.append("file dialog")
        return "", ""

    def _cancelled_files(self) -> tuple[list[str], str]:
        self.dialogs.append("file dialog")
        return [], ""

    def _cancelled_dir(self) -> str:
        self.dialogs.append("folder dialog")
        return ""

    def _cancelled_dialog(self, dialog: QDialog) -> int:
        """A modal dialog opened (the screen reader reads it): cancel it, as Escape would."""
        self.dialogs.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected.value


def press(qtbot: QtBot, window: Any, key: str) -> None:
    combination = QKeySequence(key)[0]
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QtBot.keyClick(QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers())
    qtbot.wait(10)


def silent_keys(qtbot: QtBot, window: Any, said: Said) -> list[str]:
    silent = []
    for command_id, key in KEYS:
        before = (len(said.texts), len(said.dialogs))
        press(qtbot, window, key)
        if (len(said.texts), len(said.dialogs)) == before:
            silent.append(f"{key} ({command_id})")
        window.session.stop(quiet=True)
    return silent


def test_every_key_answers_with_no_document(app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window, speaker = app.start()
    said = Said(window, speaker, monkeypatch)
    silent = silent_keys(qtbot, window, said)
    assert silent == [], "\n".join(silent)


def test_every_key_answers_at_the_start_of_a_document(app: App, qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    said = Said(window, speaker, monkeypatch)
    silent = silent_keys(qtbot, window, said)
    assert silent == [], "\n".join(silent)
