"""Confirmations go to the own voice, the screen reader, or both, as the setting says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit, QWidget

from guidelight.core import screenreader
from guidelight.core.screenreader import ScreenReader
from guidelight.core.settings import Settings
from guidelight.gui import announce, app
from guidelight.gui.announce import Announcer
from guidelight.gui.commands import help_lines
from guidelight.gui.i18n import tr

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


def test_f1_is_a_list_said_item_by_item_then_gives_focus_back(qtbot, tmp_path) -> None:
    started = App(qtbot, tmp_path)
    window, _speaker = started.start()
    said: list[tuple[str, str, str]] = []
    window.announcer.say = lambda text, page, start, before="", kind="": said.append(  # type: ignore[method-assign]
        (before, text, kind))
    seen: list[list[str]] = []

    def walk_and_close(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget)
        seen.append([listing.item(i).text() for i in range(listing.count())])
        qtbot.keyClick(listing, Qt.Key.Key_Down)
        qtbot.keyClick(listing, Qt.Key.Key_Down)
        qtbot.keyClick(listing, Qt.Key.Key_Escape)

    answer_dialog(qtbot, walk_and_close)
    key(window, Qt.Key.Key_F1)
    lines = help_lines("en")
    assert seen == [lines]
    assert "Ctrl+B: Bookmark this sentence, with an optional note" in lines
    assert said == [(tr("help.intro", "en"), lines[0], "help"), ("", lines[1], "help"), ("", lines[2], "help")]
    qtbot.waitUntil(window.view.hasFocus)


def test_f1_leaves_the_list_to_a_running_screen_reader(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(screenreader.ENV, "nvda")
    started = App(qtbot, tmp_path)
    window, speaker = started.start()
    spoke: list[object] = []
    monkeypatch.setattr(speaker, "speak", lambda *args: spoke.append(args))

    def walk_and_close(dialog) -> None:
        listing = QApplication.focusWidget()
        qtbot.keyClick(listing, Qt.Key.Key_Down)
        qtbot.keyClick(listing, Qt.Key.Key_Escape)

    answer_dialog(qtbot, walk_and_close)
    key(window, Qt.Key.Key_F1)
    assert spoke == []


@pytest.mark.parametrize(("reader", "voiced", "to_reader"),
                         [(None, True, False), (ScreenReader("nvda"), False, True),
                          (ScreenReader("orca", (46, 1)), False, True)])
def test_auto_gives_the_moves_to_a_running_screen_reader(qtbot, sent, reader, voiced: bool, to_reader: bool) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    speaker = ScriptedSpeaker()
    announcer = Announcer(widget, speaker, FakeUtterance, lambda: "auto", lambda _text: None,
                          reader=lambda: reader)
    announcer.say("ภาษาไทย", 3, 10)
    announcer.announce("Bookmark added on page 2.")
    assert (speaker.speaking, bool(speaker.announced)) == (voiced, voiced)
    assert [text for text, _ in sent] == (["ภาษาไทย", "Bookmark added on page 2."] if to_reader else [])


def test_orca_43_hears_through_the_focused_description(qtbot, sent) -> None:
    """Orca 43 ignores announcements but speaks a new description of the focused widget."""
    widget = QPlainTextEdit()
    widget.setAccessibleDescription("Read-only text.")
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    seen: list[str] = []
    widget.setAccessibleDescription = lambda text: (seen.append(text),  # type: ignore[method-assign]
                                                    QPlainTextEdit.setAccessibleDescription(widget, text))
    speaker = ScriptedSpeaker()
    announcer = Announcer(widget, speaker, FakeUtterance, lambda: "auto", lambda _text: None,
                          reader=lambda: ScreenReader("orca", (43, 1)))
    announcer.announce("Bookmark added on page 2.")
    announcer.announce("Bookmark added on page 2.")  # the same twice is still a change each time
    assert seen == ["", "Bookmark added on page 2.", "", "Bookmark added on page 2.", ""]
    assert [text for text, _ in sent if text] == []  # no announcement: Orca 43 would ignore it
    assert speaker.announced == []


def test_a_confirmation_while_reading_stays_in_the_reading_voice(qtbot, sent) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    speaker = ScriptedSpeaker()
    inside: list[str] = []
    announcer = Announcer(widget, speaker, FakeUtterance, lambda: "screen_reader", lambda _text: None,
                          during_reading=lambda text: bool(inside.append(text)) or True)
    announcer.announce("Rate 190.")
    assert inside == ["Rate 190."] and sent == [] and speaker.announced == []


def test_screen_reader_search_can_be_overridden(monkeypatch) -> None:
    monkeypatch.setenv(screenreader.ENV, "orca:43.1")
    assert screenreader.find() == ScreenReader("orca", (43, 1))
    assert not screenreader.find().speaks_announcements  # type: ignore[union-attr]
    monkeypatch.setenv(screenreader.ENV, "none")
    assert screenreader.find() is None


def test_orca_is_found_by_its_process(tmp_path) -> None:
    (tmp_path / "12").mkdir()
    (tmp_path / "12" / "cmdline").write_bytes(b"/usr/bin/python3\0/usr/bin/orca\0--replace\0")
    (tmp_path / "13").mkdir()
    (tmp_path / "13" / "cmdline").write_bytes(b"/usr/bin/python3\0/tmp/morca.py\0")
    assert screenreader._orca_running(tmp_path)
    (tmp_path / "12" / "cmdline").write_bytes(b"bash\0")
    assert not screenreader._orca_running(tmp_path)


def test_in_a_list_orca_43_cannot_hear_so_guide_light_says_it(qtbot, sent) -> None:
    """Orca's focus is then the list's item, whose description Qt cannot change."""
    listing = QListWidget()
    listing.addItems(["lecture.pdf"])
    qtbot.addWidget(listing)
    listing.show()
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    speaker = ScriptedSpeaker()
    announcer = Announcer(listing, speaker, FakeUtterance, lambda: "auto", lambda _text: None,
                          reader=lambda: ScreenReader("orca", (43, 1)))
    announcer.announce("The only item: lecture.pdf")
    assert speaker.announced == ["The only item: lecture.pdf"]
    assert listing.accessibleDescription() == ""


def test_windows_readers_are_named_from_the_process_list() -> None:
    listing = '"System Idle Process","0","Services","0","8 K"\r\n"nvda.exe","4242","Console","1","60,000 K"\r\n'
    assert screenreader.reader_in_tasklist(listing) == ScreenReader("nvda")
    assert screenreader.reader_in_tasklist('"jfw.exe","1","Console","1","9 K"') == ScreenReader("jaws")
    assert screenreader.reader_in_tasklist('"Narrator.exe","1","Console","1","9 K"') == ScreenReader("narrator")
    assert screenreader.reader_in_tasklist('"explorer.exe","1","Console","1","9 K"') is None
    assert ScreenReader("nvda").speaks_announcements and ScreenReader("narrator").title == "Narrator"
