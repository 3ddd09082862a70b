"""Confirmations go to the own voice, the screen reader, or both, as the setting says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from guidelight.core.settings import Settings
from guidelight.gui import announce, app
from guidelight.gui.announce import Announcer

from .gui_fakes import FakeUtterance, ScriptedSpeaker
from .test_journeys import App, answer_dialog, key

pytestmark = pytest.mark.gui


@pytest.fixture
def sent(monkeypatch) -> list[tuple[str, object]]:
    """Accessibility events the app posts (PySide6 cannot install an update handler)."""
    events: list[tuple[str, object]] = []

    def capture(event) -> None:
        events.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", capture)
    return events


@pytest.mark.parametrize(("output", "voiced", "to_reader"),
                         [("voice", True, False), ("screen_reader", False, True), ("both", True, True)])
def test_routing(qtbot, sent, output: str, voiced: bool, to_reader: bool) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    speaker = ScriptedSpeaker()
    shown: list[str] = []
    announcer = Announcer(widget, speaker, FakeUtterance, lambda: output, shown.append)
    announcer.announce("Bookmark added on page 2.")
    announcer.announce("Could not open the document.", assertive=True)
    assert shown == ["Bookmark added on page 2.", "Could not open the document."]
    assert speaker.announced == (shown if voiced else [])
    expected = [("Bookmark added on page 2.", QAccessible.AnnouncementPoliteness.Polite),
                ("Could not open the document.", QAccessible.AnnouncementPoliteness.Assertive)]
    assert sent == (expected if to_reader else [])
    announcer.say("ภาษาไทย", 3, 10)
    assert speaker.speaking == voiced
    assert (bool(sent) and sent[-1][0] == "ภาษาไทย") == to_reader


def test_announcement_support_is_present() -> None:
    assert announce.can_announce()  # Qt >= 6.8, as pinned by the wheel


def test_thai_interface_by_default_on_a_thai_system(monkeypatch) -> None:
    monkeypatch.setattr(app.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Thai)))
    assert app.ui_language(Settings()) == "th"
    assert app.ui_language(Settings(language="en")) == "en"
    monkeypatch.setattr(app.QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    assert app.ui_language(Settings()) == "en"


def test_f1_speaks_and_shows_the_keys_then_gives_focus_back(qtbot, tmp_path) -> None:
    started = App(qtbot, tmp_path)
    window, _speaker = started.start()
    said: list[str] = []
    window.announcer.say = lambda text, page, start, before="": said.append(text)  # type: ignore[method-assign]
    seen: list[str] = []

    def read_and_close(dialog) -> None:
        text = QApplication.focusWidget()
        assert isinstance(text, QPlainTextEdit)
        seen.append(text.toPlainText())
        qtbot.keyClick(text, Qt.Key.Key_Escape)

    answer_dialog(qtbot, read_and_close)
    key(window, Qt.Key.Key_F1)
    assert "Ctrl+B: Bookmark this sentence, with an optional note" in seen[0]
    assert said and "Ctrl+B: Bookmark this sentence" in said[0]
    qtbot.waitUntil(window.view.hasFocus)
    started.close_all()
