"""Whole journeys driven by key presses only, as a blind student would use the app."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QSpinBox
from pytestqt.qtbot import QtBot

from guidelight.core.model import Position
from guidelight.core.settings import Settings, load_settings, save_settings
from guidelight.gui import window as window_module
from guidelight.gui.window import MainWindow, Services
from guidelight.library import open_library

from .gui_fakes import FakeUtterance, Opener, ScriptedSpeaker, make_document

pytestmark = pytest.mark.gui


class App:
    """Starts windows the way run_app does, on one library and settings file."""

    def __init__(self, qtbot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.folder = tmp_path
        self.settings_file = tmp_path / "settings.json"
        self.pdf = tmp_path / "lecture.pdf"
        self.pdf.write_bytes(b"%PDF stand-in")
        self.doc = make_document()
        self.opener = Opener({"lecture.pdf": self.doc})
        self.started: list[MainWindow] = []

    def close_all(self) -> None:
        for window in self.started:
            window.close()
            window.services.library.close()

    def start(self, open_file: str | None = None, locked: frozenset[str] = frozenset()
              ) -> tuple[MainWindow, ScriptedSpeaker]:
        speaker = ScriptedSpeaker()
        library = open_library(self.folder / "library")
        services = Services(speaker, library, FakeUtterance, self.opener,
                            lambda s: save_settings(s, self.settings_file), locked=locked)
        settings = load_settings([self.settings_file]) if self.settings_file.exists() else Settings(language="en")
        window = MainWindow(services, settings, settings.language or "en")
        self.qtbot.addWidget(window)
        self.started.append(window)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        self.qtbot.waitUntil(lambda: window.view.hasFocus())
        if open_file:
            window.open_path(open_file)
        else:
            window.restore_last()
        return window, speaker


def key(window: MainWindow, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the student's focus is, once the window has it back."""
    deadline = time.monotonic() + 5
    while QApplication.activeWindow() is not window and time.monotonic() < deadline:
        QApplication.processEvents()
    assert QApplication.activeWindow() is window, "the window never got the focus back"
    widget = QApplication.focusWidget() or window
    QtBot.keyClick(widget, k, mod)


DIALOG_PATIENCE_MS = 10_000


def answer_dialog(qtbot, act: Callable[[object], None]) -> None:
    """Act on the modal dialog as soon as it opens (exec() blocks the key press).

    If no dialog with the focus inside it turns up in time, whatever modal is open is
    closed and the test fails, instead of waiting forever inside exec().
    """
    tries = iter(range(DIALOG_PATIENCE_MS // 20))

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is not None and focus is not None and focus.window() is dialog:
            act(dialog)
            return
        if next(tries, None) is None:
            if dialog is not None:
                dialog.close()
            pytest.fail(f"no dialog took the focus within {DIALOG_PATIENCE_MS} ms (focus: {focus!r})")
        QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def type_and_enter(text: str) -> Callable[[object], None]:
    def act(dialog) -> None:
        focus = QApplication.focusWidget()
        assert isinstance(focus, QLineEdit), "focus must start in the dialog's field"
        focus.setText(text)
        QtBotKey(focus, Qt.Key.Key_Return)

    return act


def choose_number(number: int) -> Callable[[object], None]:
    """Answer a dialog whose focus starts in a number field (Go to page): ``number``, Enter."""

    def act(dialog) -> None:
        spin = QApplication.focusWidget()
        assert isinstance(spin, QSpinBox), "focus must start in the dialog's number field"
        spin.setValue(number)
        QtBotKey(spin, Qt.Key.Key_Return)

    return act


def QtBotKey(widget, k: Qt.Key) -> None:
    QtBot.keyClick(widget, k)


def sentence_text(window: MainWindow) -> str:
    selections = window.view.extraSelections()  # keep the list alive while reading it
    return selections[0].cursor.selectedText()


def test_open_read_move_bookmark_quit_restart_resume(app: App, qtbot) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    assert "Press Space to read" in speaker.announced[-1]

    key(window, Qt.Key.Key_Space)  # one key starts reading
    assert window.session.reading
    assert speaker.hear_next().text == "บทที่ 1 การฟัง"
    assert sentence_text(window) == "บทที่ 1 การฟัง"

    for _ in range(3):
        key(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next sentence, keeps reading
    heard = speaker.hear_next()
    assert heard is not None and heard.text == "Listening is a skill."
    assert window.view.caret_offset() == heard.start  # the caret follows the voice
    assert sentence_text(window) == "Listening is a skill."

    key(window, Qt.Key.Key_Escape)
    assert not window.session.reading and speaker.announced[-1] == "Stopped."

    answer_dialog(qtbot, type_and_enter("exam topic"))
    key(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert speaker.announced[-1] == "Bookmark added on page 1."
    qtbot.waitUntil(window.view.hasFocus)  # focus returns to the text after the dialog

    key(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())

    again, speaker2 = app.start()  # no file given: the last document comes back
    qtbot.waitUntil(lambda: again.session.doc is not None)
    assert "Resuming on page 1" in speaker2.announced[-1]
    assert again.session.position == Position(1, heard.start)
    key(again, Qt.Key.Key_Space)
    assert speaker2.hear_next().text == "Listening is a skill."  # same sentence
    marks = again.services.library.bookmarks(app.doc.content_hash)
    assert [(m.position, m.note) for m in marks] == [(Position(1, heard.start), "exam topic")]


def test_reading_crosses_pages_and_says_the_end(app: App, qtbot) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_PageDown)
    assert window.session.shown_page == 2 and window.status.text() == "Page 2."
    # said in one breath with the page's first sentence, so the sentence does not cut it off
    assert [speaker.hear_next().text, speaker.hear_next().text] == ["Page 2.", "1.1 ความหมาย"]
    key(window, Qt.Key.Key_Space)
    texts = []
    while (heard := speaker.hear_next()) is not None:
        texts.append(heard.text)
    assert texts == ["1.1 ความหมาย", "ฟังแล้วสรุป", "ถามคำถาม", "จดบันทึก", "สรุปท้ายบท"]
    assert window.session.shown_page == 3 and not window.session.reading
    assert speaker.announced[-1] == "End of document."


def test_word_heading_and_where_am_i_keys(app: App, qtbot) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    said: list[str] = []
    window.announcer.say = lambda text, page, start, before="": said.append(text)  # type: ignore[method-assign]
    window.session.say = window.announcer.say
    key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert said == ["ที่", "1"]  # Thai words come from the document's segmentation
    key(window, Qt.Key.Key_H)
    assert said[-1] == "1.1 ความหมาย" and window.session.shown_page == 2
    key(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "Lecture, page 2 of 3, heading 1.1 ความหมาย, 33 percent"
    assert "page 2 of 3" in window.status.text()
    key(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert said[-1] == "หนึ่ง" or said[-1].startswith("1")


def test_search_goto_and_bookmark_list(app: App, qtbot) -> None:
    window, _speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    answer_dialog(qtbot, type_and_enter("คำถาม"))
    key(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.session.shown_page == 2
    assert window.view.caret_offset() == app.doc.page(2).text.index("คำถาม")

    answer_dialog(qtbot, choose_number(3))
    key(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.session.shown_page == 3

    answer_dialog(qtbot, type_and_enter(""))
    key(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_PageUp)

    def pick_first(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget) and listing.count() == 1
        assert listing.item(0).text().startswith("Page 3: สรุป")
        QtBotKey(listing, Qt.Key.Key_Return)

    answer_dialog(qtbot, pick_first)
    key(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.shown_page == 3
    qtbot.waitUntil(window.view.hasFocus)


def test_bad_input_is_said_and_focus_comes_back(app: App, qtbot) -> None:
    window, speaker = app.start()
    window.open_path(str(app.folder / "notes.docx"))
    qtbot.waitUntil(lambda: speaker.announced[-1].startswith("Could not open"))
    assert speaker.announced[-1] == "Could not open the document. this is not a PDF file"
    assert window.status.text() == speaker.announced[-1]
    qtbot.waitUntil(window.view.hasFocus)

    window.open_path(str(app.folder / "scanned.pdf"))
    qtbot.waitUntil(lambda: speaker.announced[-1].startswith("This document is scanned"))

    app.opener.docs["locked.pdf"] = make_document(content_hash="locked")
    answer_dialog(qtbot, type_and_enter("secret"))
    window.open_path(str(app.folder / "locked.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    assert "This document is locked. Type its password and press Enter." in speaker.announced
    assert window.session.doc.content_hash == "locked"


def test_a_file_opened_meanwhile_replaces_the_one_still_opening(app: App, qtbot) -> None:
    """The first file's late answer, a document or a failure, must not take the second's place."""
    window, speaker = app.start()
    app.opener.docs["slow.pdf"] = make_document(content_hash="slow")

    def open_while_opening(late: str) -> None:
        before = len(speaker.announced)
        app.opener.held[late] = threading.Event()
        window.open_path(str(app.folder / late))
        window.open_path(str(app.pdf))
        qtbot.waitUntil(lambda: any("Press Space to read" in said for said in speaker.announced[before:]))
        heard = len(speaker.announced)
        app.opener.held[late].set()
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        qtbot.wait(50)
        assert window.current_path == str(app.pdf) and window.session.doc.content_hash == app.doc.content_hash
        assert speaker.announced[heard:] == [], f"{late}'s late answer was heard"
        assert window.view.hasFocus()

    open_while_opening("slow.pdf")
    open_while_opening("scanned.pdf")


def test_the_last_document_found_late_does_not_replace_one_opened_meanwhile(app: App, qtbot, monkeypatch) -> None:
    """Finding the last document may read whole files (it moved); a file the student opens
    before that ends is the one that stays open."""
    first, _ = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: first.session.doc is not None)
    first.close()
    found, looked = threading.Event(), window_module._recent_file
    monkeypatch.setattr(window_module, "_recent_file", lambda *args: found.wait(10) and looked(*args))
    app.opener.docs["other.pdf"] = make_document(content_hash="other")
    window, _speaker = app.start()  # the last document is being looked for
    window.open_path(str(app.folder / "other.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    found.set()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    qtbot.wait(50)
    assert window.current_path == str(app.folder / "other.pdf") and window.session.doc.content_hash == "other"


def test_settings_the_lab_locked_stay_as_the_lab_set_them(app: App, qtbot) -> None:
    window, speaker = app.start(locked=frozenset({"rate", "voice"}))
    key(window, Qt.Key.Key_BracketRight)
    assert speaker.rate != 190 and window.settings.rate == Settings().rate
    assert speaker.announced[-1] == "This setting is fixed on this computer by its administrators."
    key(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # zoom is not locked
    assert window.settings.zoom == 110


def test_settings_keys_persist(app: App, qtbot) -> None:
    window, speaker = app.start()
    key(window, Qt.Key.Key_BracketRight)
    assert speaker.rate == 190 and speaker.announced[-1] == "Rate 190."
    key(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 110
    assert window.view.font().pointSizeF() == pytest.approx(22.0)
    key(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "Theme: high contrast, light text on black."
    assert QApplication.palette().base().color().name() == "#000000"
    key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "ภาษา: ไทย" and window.menus["file"].title() == "แฟ้ม (&F)"
    key(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    saved = load_settings([app.settings_file])
    assert (saved.rate, saved.zoom, saved.theme, saved.language) == (190, 110, "dark_high_contrast", "th")
    QApplication.instance().setPalette(window._default_palette)
    QApplication.instance().setStyleSheet("")


def test_a_slow_open_never_freezes_the_window_and_is_never_silent(app: App, qtbot, monkeypatch) -> None:
    from guidelight.gui import window as window_module

    monkeypatch.setattr(window_module, "STILL_OPENING_MS", 100)
    release = threading.Event()
    opener = app.opener

    def slow_open(path: str, password: str | None):
        release.wait(10)  # a big scan being processed
        return opener(path, password)

    app.opener = slow_open  # type: ignore[assignment]
    window, speaker = app.start(str(app.pdf))
    key(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "No document is open. Press Control O to open one."  # answered at once
    qtbot.waitUntil(lambda: speaker.announced[-1] == "Still opening. Please wait.")
    release.set()
    qtbot.waitUntil(lambda: window.session.doc is not None)
    count = len(speaker.announced)
    qtbot.wait(300)
    assert "Still opening. Please wait." not in speaker.announced[count:]


def test_a_confirmation_while_reading_is_said_and_reading_goes_on(app: App, qtbot) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_Space)
    speaker.hear_next()
    second = speaker.hear_next()
    assert second is not None
    key(window, Qt.Key.Key_BracketRight)  # faster, while reading
    assert window.session.reading and speaker.rate == 190
    said = speaker.hear_next()
    assert said is not None and (said.text, said.page) == ("Rate 190.", 0)
    assert speaker.hear_next() == second  # the interrupted sentence again, from its start
    key(window, Qt.Key.Key_Escape)
    assert window.view.caret_offset() == second.start


def test_recent_documents_and_voice_list(app: App, qtbot) -> None:
    window, speaker = app.start()
    key(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "No recent documents yet."
    window.open_path(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    window.session.doc = None  # as if another document had been closed

    def pick(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget)
        assert listing.item(0).text() == "Lecture (lecture.pdf)"
        QtBotKey(listing, Qt.Key.Key_Return)

    answer_dialog(qtbot, pick)
    key(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "No voices are installed."


def test_a_recent_document_that_moved_away_is_said_to_be_missing(app: App, qtbot, tmp_path, monkeypatch) -> None:
    window, speaker = app.start()
    window.open_path(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    app.pdf.rename(tmp_path / "elsewhere.pdf")
    # A moved file is looked for by hashing candidates: that is never done on the GUI thread.
    searched_on: list[bool] = []
    find_file = type(window.services.library).find_file

    def recording_find_file(library, content_hash: str):
        searched_on.append(threading.current_thread() is threading.main_thread())
        return find_file(library, content_hash)

    monkeypatch.setattr(type(window.services.library), "find_file", recording_find_file)
    answer_dialog(qtbot, lambda dialog: QtBot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return))
    key(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: speaker.announced[-1] == f"Lecture is no longer at {app.pdf}.")
    assert searched_on == [False]


def test_a_lookup_that_fails_after_a_newer_open_is_not_said(app: App, qtbot, tmp_path, monkeypatch) -> None:
    """The student opened another file while a moved recent document was still looked for:
    the lookup's late error is about a file nobody wants any more and must not be heard."""
    window, speaker = app.start()
    window.open_path(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    app.pdf.rename(tmp_path / "elsewhere.pdf")
    release = threading.Event()

    def slow_failing_find_file(_library, _content_hash: str):
        release.wait(10)
        raise OSError("The library's disk went away.")

    monkeypatch.setattr(type(window.services.library), "find_file", slow_failing_find_file)
    answer_dialog(qtbot, lambda dialog: QtBot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return))
    key(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    app.opener.docs["other.pdf"] = make_document(content_hash="other")
    window.open_path(str(tmp_path / "other.pdf"))  # the newer open, while the lookup still runs
    qtbot.waitUntil(lambda: window.session.doc is not None and window.session.doc.content_hash == "other")
    release.set()
    qtbot.wait(300)  # time for the lookup's late answer to arrive
    assert "The library's disk went away." not in speaker.announced
    assert window.session.doc.content_hash == "other"


def test_pane_letter_keys_work_with_the_keyboard_in_thai(app: App, qtbot) -> None:
    """With a Thai-only layout the H key types "้"; it must still mean "next heading"."""
    from PySide6.QtGui import QKeyEvent

    window, _speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    for char in ("้", "ย"):
        event = QKeyEvent(QKeyEvent.Type.KeyPress, ord(char), Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(window.view, event)
    assert window.session.shown_page == 2
    heading_then_paragraph = app.doc.page(2).text.index("ฟังแล้วสรุป")
    assert window.view.caret_offset() == heading_then_paragraph


def test_the_lab_files_locks_reach_the_window(qapp, tmp_path, monkeypatch) -> None:
    from guidelight.gui.app import make_services
    from guidelight.gui.tasks import QtPoster

    lab = tmp_path / "lab.json"
    lab.write_text('{"rate": 150, "locked": ["rate"], "students_may_change_voice": false}', encoding="utf-8")
    monkeypatch.setenv("GUIDELIGHT_SITE_CONFIG", str(lab))
    assert make_services(QtPoster(qapp)).locked == {"rate", "voice"}


def test_the_open_document_is_exported_by_keys_off_the_gui_thread(app: App, qtbot, tmp_path, monkeypatch) -> None:
    import docx  # python-docx: an independent reader of what was written

    from guidelight.extract.pdf import open_document

    sample = Path(__file__).resolve().parents[2] / "assets" / "samples" / "lecture.pdf"
    app.opener.docs["lecture.pdf"] = open_document(sample)
    target = tmp_path / "lecture.docx"
    monkeypatch.setattr("guidelight.gui.exporting.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window, speaker = app.start(str(sample))
    qtbot.waitUntil(lambda: window.session.doc is not None)

    def pick_word(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget) and listing.item(0).text() == "Word document (.docx)"
        QtBotKey(listing, Qt.Key.Key_Return)

    answer_dialog(qtbot, pick_word)
    key(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert speaker.announced[-1] == "Exporting lecture.docx."  # said at once, the work is on a worker
    qtbot.waitUntil(lambda: speaker.announced[-1] == "Exported lecture.docx.", timeout=60_000)
    paragraphs = [p for p in docx.Document(str(target)).paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Heading 1" and paragraphs[0].text == "บทที่ 1 การเรียนรู้ด้วยการฟัง"
    qtbot.waitUntil(window.view.hasFocus)


def test_table_cells_are_walked_by_keys_with_their_headers(app: App, qtbot, tmp_path) -> None:
    from guidelight.core.model import ParagraphKind
    from guidelight.extract.pdf import open_document
    from tests.tables.test_tables import PRICES, ruled_pdf

    doc = open_document(ruled_pdf(tmp_path / "prices.pdf", PRICES))
    app.opener.docs["prices.pdf"] = doc
    window, speaker = app.start(str(tmp_path / "prices.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert speaker.announced[-1] == "Not in a table."
    table = next(p for p in doc.page(1).paragraphs if p.kind is ParagraphKind.TABLE)
    window.view.move_caret(table.start)  # on the first header cell, "สินค้า"
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    key(window, Qt.Key.Key_Down, alt_shift)
    assert speaker.announced[-1] == "row 2, column 1, สินค้า: ข้าวสาร"
    key(window, Qt.Key.Key_Right, alt_shift)
    assert speaker.announced[-1] == "row 2, column 2, ราคา: 150 บาท"
    assert window.view.caret_offset() == table.start + table.table.cell_at(1, 1).start
    key(window, Qt.Key.Key_Up, alt_shift)
    key(window, Qt.Key.Key_Up, alt_shift)
    assert speaker.announced[-1] == "Edge of the table."
