"""Journeys: corrections and course pronunciations heard on opening; pages whose text is
doubtful, recognised by OCR or unread are told; OCR pages are made off the GUI thread."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import Qt

from guidelight.core.model import DOUBTFUL_NOISE_PER_K, Document, PageQuality, TextSource
from guidelight.library.corrections import fix_text

from .gui_fakes import LECTURE, make_page
from .test_journeys import App, key

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
INSTALL = "Install the Debian packages tesseract-ocr and tesseract-ocr-tha."


def in_course(app: App) -> None:
    """Put the lecture in a course of the app's library, as a volunteer would have."""
    from guidelight.library import open_library

    with open_library(app.folder / "library") as lib:
        lib.add_course("2401101", "Listening")
        lib.add_document("2401101", app.pdf, content_hash=app.doc.content_hash, title="Lecture", page_count=3)
        lib.add_correction(app.doc.content_hash, fix_text(app.doc.page(1), 1, "การฟังเป็นทักษะสำคัญ ของ กพร."))
        lib.set_pronunciation("2401101", "กพร", "กอ-พอ-รอ")


def test_corrections_are_shown_and_heard_and_the_course_words_reach_the_voice(app: App, qtbot) -> None:
    in_course(app)
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    assert speaker.pronunciations == {"กพร": "กอ-พอ-รอ"}
    assert "การฟังเป็นทักษะสำคัญ ของ กพร." in window.view.toPlainText()
    assert "นักศึกษาฟังตั้งใจ" not in window.view.toPlainText()  # the volunteer's text replaced it
    key(window, Qt.Key.Key_Space)
    heard = [speaker.hear_next().text for _ in range(2)]
    assert heard == ["บทที่ 1 การฟัง", "การฟังเป็นทักษะสำคัญ ของ กพร."]


def quality_pages(sources: dict[int, TextSource], noisy: set[int] = frozenset(),
                  gate: threading.Event | None = None, content_hash: str = "quality") -> Document:
    """The lecture whose pages come from the given sources; ``gate`` holds OCR pages after
    the first back (the first is made while opening)."""

    def load(number: int):
        page = make_page(number, LECTURE[number - 1])
        source = sources.get(number, TextSource.TEXT_LAYER)
        if source is TextSource.OCR and gate is not None and number > 1:
            assert threading.current_thread() is not threading.main_thread(), "OCR on the GUI thread"
            gate.wait(10)
        if source is TextSource.NONE:
            page = dataclasses.replace(page, text="", paragraphs=())
        if number in noisy:
            thai = 1000
            page = dataclasses.replace(page, quality=PageQuality(thai, int(DOUBTFUL_NOISE_PER_K * 2), ()))
        return dataclasses.replace(page, source=source)

    return Document(title="Lecture", page_count=3, content_hash=content_hash, loader=load)


def test_doubtful_ocr_and_unread_pages_are_told_once_and_in_where_am_i(app: App, qtbot) -> None:
    app.opener.docs["scan.pdf"] = quality_pages({2: TextSource.OCR, 3: TextSource.NONE}, noisy={1})
    window, speaker = app.start(str(app.folder / "scan.pdf"))
    window.services.ocr_problem = lambda: INSTALL
    qtbot.waitUntil(lambda: window.session.doc is not None)
    doubtful = "Page 1: the text of this page may be damaged; some words may be wrong."
    assert speaker.announced[-1].endswith(doubtful)  # said with the document's name

    key(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert speaker.announced[-1].endswith(doubtful)  # where am I says it every time
    key(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.session.shown_page == 2)
    ocr = "Page 2 was read from an image by OCR: some words may be wrong."
    qtbot.waitUntil(lambda: window.status.text() == ocr)
    assert speaker.hear_next().text == ocr  # before the page's first sentence
    key(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.session.shown_page == 3)
    image = f"Page 3 is an image and could not be read. {INSTALL}"
    qtbot.waitUntil(lambda: speaker.announced[-1] == image)
    assert window.status.text() == image

    key(window, Qt.Key.Key_PageUp)  # told once per page: entering page 2 again just says the page
    qtbot.waitUntil(lambda: window.session.shown_page == 2)
    assert window.status.text() == "Page 2."


def test_reading_says_each_page_note_before_the_page(app: App, qtbot) -> None:
    app.opener.docs["scan.pdf"] = quality_pages({2: TextSource.OCR, 3: TextSource.NONE})
    window, speaker = app.start(str(app.folder / "scan.pdf"))
    window.services.ocr_problem = lambda: None
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_Space)
    heard = [speaker.hear_next().text for _ in range(9)]
    # The real speaker makes pages on its own thread; this one runs on the GUI thread,
    # which may not make pages of a document that has shown it is slow: page 3 is read ahead.
    qtbot.waitUntil(lambda: window.session.doc.is_ready(3))
    while (said := speaker.hear_next()) is not None:
        heard.append(said.text)
    assert heard[3:6] == ["Listening is a skill.", "Page 2 was read from an image by OCR: some words may be wrong.",
                          "1.1 ความหมาย"]
    assert heard[-1] == "Page 3 is an image and no text could be read from it."


def test_a_scanned_page_is_made_off_the_gui_thread_while_keys_are_answered(app: App, qtbot) -> None:
    release = threading.Event()
    app.opener.docs["scan.pdf"] = quality_pages({1: TextSource.OCR, 2: TextSource.OCR, 3: TextSource.OCR},
                                                gate=release)
    window, speaker = app.start(str(app.folder / "scan.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    qtbot.waitUntil(lambda: 2 in window._making)  # reading ahead began on page 2
    key(window, Qt.Key.Key_PageDown)
    assert speaker.announced[-1] == "Reading page 2 from its image. Please wait."
    key(window, Qt.Key.Key_K, CTRL_SHIFT)  # answered at once, while page 2 is being read
    assert "page 1 of 3" in speaker.announced[-1]
    release.set()
    qtbot.waitUntil(lambda: window.session.shown_page == 2)
    assert window.status.text() == "Page 2 was read from an image by OCR: some words may be wrong."
    qtbot.waitUntil(lambda: window.session.doc.is_ready(3))  # and page 3 is read ahead


def test_a_text_page_whose_pictures_ocr_reads_is_made_off_the_gui_thread_from_the_start(app: App, qtbot) -> None:
    """A report's page of code screenshots takes seconds of OCR though the pages before it
    took milliseconds: it was made on the GUI thread, and the window froze, silent."""
    release = threading.Event()

    def load(number: int):
        if number == 2:
            assert threading.current_thread() is not threading.main_thread(), "OCR of pictures on the GUI thread"
            release.wait(10)
        return make_page(number, LECTURE[number - 1])

    app.opener.docs["report.pdf"] = Document(title="Report", page_count=3, content_hash="report", loader=load)
    window, speaker = app.start()
    window.services.picture_pages = lambda _path, _password: frozenset({2})
    window.open_path(str(app.folder / "report.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None and window.session.doc.title == "Report")
    qtbot.waitUntil(lambda: 2 in window._making)  # read ahead at once, though page 1 was fast
    key(window, Qt.Key.Key_PageDown)
    assert speaker.announced[-1] == "Reading page 2 from its image. Please wait."
    release.set()
    qtbot.waitUntil(lambda: window.session.shown_page == 2)



    """The same page of the document opened next is made for itself, not waited for on the
    old one's job and dropped when that ends (Page Down then did nothing, silently)."""
    held, free = threading.Event(), threading.Event()
    free.set()
    scanned = {1: TextSource.OCR, 2: TextSource.OCR, 3: TextSource.OCR}
    app.opener.docs["scan.pdf"] = quality_pages(scanned, gate=held)
    app.opener.docs["other.pdf"] = quality_pages(scanned, gate=free, content_hash="other")
    window, _speaker = app.start(str(app.folder / "scan.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    qtbot.waitUntil(lambda: 2 in window._making)  # the first document's page 2, held
    window.open_path(str(app.folder / "other.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None and window.session.doc.content_hash == "other")
    key(window, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.session.shown_page == 2)
    held.set()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert window.session.shown_page == 2 and window.session.doc.content_hash == "other"


class EngineLog:
    """A speech engine that records the text it is given and returns silence."""

    name = "log"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def voices(self):
        from guidelight.speech.backend import VoiceInfo

        return [VoiceInfo("th", "Thai", ("th",)), VoiceInfo("en", "English", ("en",))]

    def synthesize(self, text: str, settings):
        from guidelight.speech.backend import Synthesis

        self.texts.append(text)
        return Synthesis(b"\0\0" * 160 * max(1, len(text)), 16000)


def test_the_engine_is_given_the_corrected_text_with_the_course_words(app: App, qtbot) -> None:
    """With the real Speaker: what a volunteer fixed is what the engine is asked to say."""
    from guidelight.core.settings import Settings
    from guidelight.gui.tasks import QtPoster
    from guidelight.gui.window import MainWindow, Services
    from guidelight.library import open_library
    from guidelight.speech.sink import RecordingSink
    from guidelight.speech.speaker import Speaker, Utterance

    in_course(app)
    engine = EngineLog()
    poster = QtPoster()  # kept alive as long as the speaker posts to it
    speaker = Speaker(backend=engine, sink=RecordingSink(realtime=False, keep=False), post=poster.post)
    library = open_library(app.folder / "library")
    window = MainWindow(Services(speaker, library, Utterance, app.opener, lambda s: None),
                        Settings(language="en", speech_output="voice"), "en")
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next sentence: the fixed one
    qtbot.waitUntil(lambda: any("กอ-พอ-รอ" in t for t in engine.texts), timeout=10_000)
    assert not any("กพร" in t for t in engine.texts)
    window.close()
    speaker.close()
    library.close()


def test_a_page_that_could_not_be_read_is_told_before_its_reason() -> None:
    from guidelight.extract.pdf import unreadable_page
    from guidelight.gui.pages import page_note

    page = unreadable_page(4, "the PDF is damaged there (cycle in page tree)")
    assert page_note(page, "en", lambda: None) == (
        "Page 4 could not be read; the rest of the document can. The reason follows.")
    assert page_note(page, "th", lambda: None).startswith("หน้า 4 อ่านไม่ได้")
