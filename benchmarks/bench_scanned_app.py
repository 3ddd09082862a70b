"""The app on a scanned PDF: OCR never holds the GUI thread, and the next page is read ahead.

Scans the bundled sample lecture (``make_scans.scan_pdf``, 200 dpi) into an image-only
PDF, opens it in the real window (real extractor with Tesseract, silent speaker, a fresh
page cache and library) and measures: when the first page is shown, when page 2 has been
read ahead, how long Page Down takes to answer on a read-ahead page and on a page still
being read by OCR (with what is said meanwhile), and the longest time the GUI thread did
not run its event loop (a 10 ms timer notes every gap).

    python benchmarks/bench_scanned_app.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "assets" / "samples" / "lecture.pdf"


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="guidelight-scanned-app-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.update(GUIDELIGHT_AUDIO="none", GUIDELIGHT_LIBRARY_DIR=str(folder / "library"),
                      XDG_CACHE_HOME=str(folder / "cache"))
    sys.path.insert(0, str(HERE))
    from make_scans import scan_pdf
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    scan = folder / "lecture-scan.pdf"
    scan_pdf(SAMPLE, scan, 200, pages=range(3))
    app = QApplication(sys.argv[:1])
    from guidelight.core.settings import Settings
    from guidelight.gui.app import make_services
    from guidelight.gui.tasks import QtPoster
    from guidelight.gui.window import MainWindow

    services = make_services(QtPoster(app))
    window = MainWindow(services, Settings(language="en"), "en")
    window.show()
    services.speaker.start_loading()
    last, worst = [time.monotonic()], [0.0]

    def tick() -> None:
        now = time.monotonic()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)

    def wait(done: Callable[[], bool], limit: float = 120) -> None:
        end = time.monotonic() + limit
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    begin = time.monotonic()
    window.open_path(str(scan))
    wait(lambda: window.session.doc is not None)
    doc = window.session.doc
    assert doc is not None
    print(f"first page shown      {time.monotonic() - begin:5.1f} s  said: {window.status.text()!r}")
    wait(lambda: doc.is_ready(2))
    print(f"page 2 read ahead     {time.monotonic() - begin:5.1f} s")
    pressed = time.monotonic()
    QTest.keyClick(window.view, Qt.Key.Key_PageDown)
    print(f"Page Down to page 2   {1000 * (time.monotonic() - pressed):5.0f} ms  said: {window.status.text()!r}")
    pressed = time.monotonic()
    QTest.keyClick(window.view, Qt.Key.Key_PageDown)
    print(f"Page Down to page 3   {1000 * (time.monotonic() - pressed):5.0f} ms  said: {window.status.text()!r}")
    wait(lambda: window.session.shown_page == 3)
    print(f"page 3 shown after    {time.monotonic() - pressed:5.1f} s  said: {window.status.text()!r}")
    print(f"longest GUI stall     {1000 * worst[0]:5.0f} ms")
    window.close()
    services.speaker.close()
    services.library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
