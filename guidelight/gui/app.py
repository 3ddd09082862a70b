"""Start the desktop app: ``guidelight`` or ``guidelight FILE.pdf``.

Start-up is kept lean because a student waits for it every time: the window is shown
and takes keys first; only then do the background jobs begin (the last
document, opened on a worker thread that imports the PDF engine and the Thai segmenter,
and the speech engine, loaded on its own thread).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QLocale, QThreadPool, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from guidelight.core import fonts
from guidelight.core.labconfig import LabConfig, load_lab_config
from guidelight.core.model import Document, PageTurn
from guidelight.core.settings import Settings, load_settings, save_settings
from guidelight.gui import refguard
from guidelight.gui.deferred import DeferredLibrary, DeferredSpeaker
from guidelight.gui.tasks import QtPoster
from guidelight.gui.window import MainWindow, Services

QUIT_WAIT_MS = 2000  # how long quitting waits for a worker to finish (see ``leave``)
WARM_UP_DELAY_MS = 300  # after the first key can be answered, so it never delays the window
# Set (to anything) by the bundle's smoke test: print "ready" once the window is up and the
# PDF engine and Thai models have loaded, then quit.
READY_ENV = "GUIDELIGHT_EXIT_WHEN_READY"


def load_fonts() -> list[str]:
    """Register the bundled Sarabun (OFL) so Thai reads well even without system fonts."""
    families: list[str] = []
    # Bold for headings and table headers (a fraction of a millisecond once Regular is in);
    # the text has no italics.
    for ttf in (fonts.REGULAR, fonts.BOLD):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def warm_up() -> None:
    """Import PyMuPDF and load the Thai segmentation models (runs on a worker thread)."""
    import guidelight.extract.pdf  # noqa: F401  (the import is the work)
    from guidelight.thai.segment import warm_up as warm_segmenter

    warm_segmenter()


def ui_language(settings: Settings) -> str:
    """Thai when set, or when the system locale is Thai; English otherwise."""
    if settings.language:
        return settings.language
    return "th" if QLocale.system().language() == QLocale.Language.Thai else "en"


def open_pdf(path: str, password: str | None) -> Document:
    """Runs on a worker thread, so the PDF engine's import cost never blocks the window."""
    from guidelight.extract.pdf import open_document

    return open_document(path, password=password)


def make_utterance(text: str, page: int, start: int, kind: str = "reading", turn: PageTurn | None = None) -> Any:
    """A speech Utterance; the speech module is imported by then (the speaker needs it)."""
    from guidelight.speech.speaker import Utterance

    return Utterance(text, page, start, kind, turn)


def make_speaker(post: Callable[[Callable[[], None]], None]) -> Any:
    """The real Speaker; runs on a background thread (see ``DeferredSpeaker``)."""
    from guidelight.speech.speaker import Speaker

    sink = None
    if os.environ.get("GUIDELIGHT_AUDIO") == "none":  # tests, screenshots, benchmarks
        from guidelight.speech.sink import RecordingSink

        sink = RecordingSink(realtime=True, keep=False)  # silent, but paced like real audio
    return Speaker(sink=sink, post=post)


def open_user_library(lab: LabConfig | None = None) -> Any:
    """This PC's library: per user, portable, or a lab's shared catalog (the lab file,
    read here unless the caller has it already)."""
    from guidelight.library import LibraryError, open_library
    from guidelight.library.paths import configured_library

    place = configured_library(lab or load_lab_config())
    try:
        return open_library(place.path, user_dir=place.user_dir, read_only=place.read_only)
    except LibraryError:
        if place.user_dir is None:
            raise
        # The lab's share is unreachable (network down): the student's own library still
        # keeps their place and bookmarks, in the same file as with the share.
        return open_library(place.user_dir)


def report_when_ready(app: QApplication, window: MainWindow) -> None:
    """Warm up on the worker thread as usual, then say whether it all loaded and quit."""

    def ready(_: Any) -> None:
        print("guidelight: ready", flush=True)
        app.quit()

    def failed(exc: BaseException) -> None:
        print(f"guidelight: not ready: {exc!r}", file=sys.stderr, flush=True)
        app.exit(1)

    window.runner.run(warm_up, ready, failed)


def make_services(poster: QtPoster, lab: LabConfig | None = None) -> Services:
    lab = lab or load_lab_config()
    return Services(
        speaker=DeferredSpeaker(lambda: make_speaker(poster.post), poster.post),
        library=DeferredLibrary(lambda: open_user_library(lab)),
        make_utterance=make_utterance,
        open_document=open_pdf,
        save_settings=save_settings,
        locked=lab.locked,
    )


def start(argv: list[str], settings: Settings | None = None) -> tuple[QApplication, MainWindow, Services]:
    """Create the app and its shown window, opening the PDF in ``argv`` or the last one.

    Shared by ``run_app``, the screenshot script and the start-up benchmark, so they
    measure and show exactly what a student gets.
    """
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Guide Light")
    app.setDesktopFileName("guidelight")
    load_fonts()
    refguard.install(app)  # before the first page is shown: see refguard for why
    lab = load_lab_config()  # read once: the settings, the locks and the library all follow it
    settings = settings or load_settings(lab=lab)
    poster = QtPoster(app)
    services = make_services(poster, lab)
    window = MainWindow(services, settings, ui_language(settings))
    window.show()
    window.back_to_text()  # keys go to the text at once, as in a bare window
    paths = [a for a in argv if not a.startswith("-")]

    def begin() -> None:
        """Background start-up, once the window takes keys (``after_ready_for_keys``)."""
        if paths:  # opening takes seconds: the voice does not wait for all of it
            window.open_path(paths[0])
            services.speaker.start_loading()
        else:
            window.restore_last(then=services.speaker.start_loading)  # one thread at a time
        window.greet()
        # Then the PDF engine and the Thai models, so the first document opens without
        # their wait, and whether the desktop's look changed since it was remembered.
        QTimer.singleShot(WARM_UP_DELAY_MS, lambda: window.runner.run(warm_up, lambda _: None, lambda _: None))
        QTimer.singleShot(WARM_UP_DELAY_MS, window.check_system_look)
        if os.environ.get(READY_ENV):
            report_when_ready(app, window)

    window.after_ready_for_keys(begin)
    return app, window, services


def run_app(argv: list[str]) -> int:
    """Run the app until its window closes, then end the process (``leave``); ``argv``
    may hold one PDF path. The start-up check (``READY_ENV``) returns instead: the
    bundle's file recorder runs it in-process and goes on after it, and no work is
    under way by then."""
    app, _window, services = start(argv)
    return leave(services, app.exec(), end_process=not os.environ.get(READY_ENV))


def leave(services: Services, code: int, end_process: bool = True) -> int:
    """End the process once the window has closed, cleanly even in the middle of work.

    Quitting while a page is read by OCR, a document exported or a course imported leaves
    a worker thread inside that work, and Python finalizing around it can abort the
    process. So: give the workers ``QUIT_WAIT_MS`` to finish, stop the speaker, close the
    library if no worker can still be writing to it (an unfinished SQLite transaction is
    rolled back when the file is next opened, so nothing half-written is ever seen),
    flush, and end the process without finalizing (see also ``refguard``). The settings
    and the reading position were saved as the window closed. Returns ``code`` only when
    not ``end_process``.
    """
    idle = QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
    with suppress(Exception):  # a speaker that failed to start has nothing to stop
        services.speaker.close()
    if idle:
        services.library.close()
    if not end_process:
        return code
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):
            stream.flush()
    os._exit(code)
