"""Start the app as ``guidelight`` does, put it to work, and quit it in the middle.

Run as a subprocess by ``test_quit.py``: ``quit_driver.py WORK PDF OUT_DIR DELAY_MS``.
WORK is "reading" (Space on the document), "exporting" (an EPUB talking book, the
longest export), "ocr" (PDF is a scan: opening it reads its pages by OCR) or
"importing" (the PDF imported into a course, as the Volunteer menu does). DELAY_MS
after the work has begun the window closes, as Ctrl+Q does, and the app ends through
``app.leave`` like the real one: the process must exit 0 with nothing on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from guidelight.gui import app as gui_app


def main() -> None:
    work, pdf, out, delay = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    qt_app, window, services = gui_app.start([pdf])

    def quit_soon() -> None:
        QTimer.singleShot(delay, window.cmd_quit)

    def begin() -> None:
        """Once the document is open (or at once for the OCR, whose opening is the work)."""
        if work == "reading":
            window.cmd_play()
        elif work == "exporting":
            from guidelight.gui.exporting import _run

            _run(window, pdf, str(out / "book.epub"), "epub", True)
        elif work == "importing":
            from guidelight.library.importer import import_files

            window.runner.run(lambda: import_files(services.library, "QUIT101", [pdf]), lambda _r: None,
                              lambda _e: None)
        quit_soon()

    if work == "ocr":
        QTimer.singleShot(0, quit_soon)
    else:
        def when_open() -> None:
            if window.session.doc is None:
                QTimer.singleShot(20, when_open)
            else:
                begin()

        when_open()
    gui_app.leave(services, qt_app.exec())


if __name__ == "__main__":
    main()
