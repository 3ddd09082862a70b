"""Speech > Choose voice: every engine's voices, best first, chosen by keys, announced, lockable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from guidelight.core.settings import load_settings
from guidelight.speech.backend import VoiceInfo

from .test_journeys import App, QtBotKey, answer_dialog, key

pytestmark = pytest.mark.gui
CHOOSE_VOICE = (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
VOICES = [
    VoiceInfo("piper:th_TH-tsync2-medium", "th_TH-tsync2-medium", ("th-th",), "piper"),
    VoiceInfo("piper:en_US-joe-medium", "en_US-joe-medium", ("en-us",), "piper"),
    VoiceInfo("espeak:tai/th", "Thai", ("th",), "espeak"),
]


def test_a_voice_is_chosen_by_keys_and_remembered(app: App, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    window, speaker = app.start()
    monkeypatch.setattr(speaker, "voices", lambda fresh=False: VOICES)
    shown: list[str] = []

    def pick(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget)
        shown.extend(listing.item(i).text() for i in range(listing.count()))
        QtBotKey(listing, Qt.Key.Key_Down)
        QtBotKey(listing, Qt.Key.Key_Down)
        QtBotKey(listing, Qt.Key.Key_Return)

    answer_dialog(qtbot, pick)
    key(window, *CHOOSE_VOICE)
    assert shown == [
        "th_TH-tsync2-medium, piper (th-th)",
        "en_US-joe-medium, piper (en-us)",
        "Thai, espeak (th)",
    ]
    assert speaker.voice == "espeak:tai/th"
    assert speaker.announced[-1] == "Voice: Thai."
    assert load_settings([app.settings_file]).voice == "espeak:tai/th"


def test_a_locked_voice_is_not_offered(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    window, speaker = app.start(locked=frozenset({"voice"}))
    monkeypatch.setattr(speaker, "voices", lambda fresh=False: VOICES)
    key(window, *CHOOSE_VOICE)
    assert speaker.voice == ""
    assert speaker.announced[-1] == "This setting is fixed on this computer by its administrators."
