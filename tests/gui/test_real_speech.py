"""The window with the real Speaker (silent sink): the highlight and caret follow the voice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from guidelight.core.settings import Settings
from guidelight.gui.tasks import QtPoster
from guidelight.gui.window import MainWindow, Services
from guidelight.library import open_library
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import Speaker, Utterance

from .gui_fakes import Opener, make_document

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng (install.sh)")]


def test_space_reads_to_the_end_with_the_caret_following(qtbot, tmp_path: Path) -> None:
    doc = make_document()
    poster = QtPoster()
    speaker = Speaker(sink=RecordingSink(realtime=False, keep=False), post=poster.post)
    library = open_library(tmp_path / "library")
    services = Services(speaker, library, Utterance, Opener({"lecture.pdf": doc}), lambda s: None)
    window = MainWindow(services, Settings(language="en", speech_output="screen_reader"), "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.view.hasFocus)
    window.open_path(str(tmp_path / "lecture.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    highlighted: set[tuple[int, int]] = set()
    show = window.view.show_highlight

    def record(sentence, word) -> None:
        if sentence is not None:
            highlighted.add((sentence.page, sentence.start))
        show(sentence, word)

    window.view.show_highlight = record  # type: ignore[method-assign]
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.session.reading, timeout=60_000)
    last_page = doc.page(3)
    assert window.status.text() == "End of document."
    assert window.session.shown_page == 3
    assert window.view.caret_offset() == last_page.paragraphs[-1].sentences[-1].words[-1].start
    expected = {(n, s.start) for n in (1, 2, 3) for s in doc.page(n).sentences}
    assert highlighted == expected  # every sentence was highlighted as it was heard
    window.close()
    speaker.close()
    library.close()
