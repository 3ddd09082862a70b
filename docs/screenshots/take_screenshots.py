"""Take the README screenshots from the real app (the same start-up code as `guidelight`).

Run under a virtual display, with a throw-away config and library so nothing of yours
shows:  xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_screenshots.py [NAME.png ...]
Each shot opens the bundled sample lecture, starts reading, and grabs the X screen
once the highlight is on the second sentence; the table shot opens a page with a ruled
Thai table (made with the tests' table writer), walks two cells in and reads from there.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "assets" / "samples" / "lecture.pdf"
SHOTS: dict[str, dict[str, Any]] = {  # settings, and the window's size and the desktop's look if not the usual
    "main-window.png": dict(theme="normal", language="th"),
    "main-window-english.png": dict(theme="normal", language="en"),
    "high-contrast-dark.png": dict(theme="dark_high_contrast", language="th"),
    "high-contrast-light.png": dict(theme="light_high_contrast", language="en"),
    "system-dark.png": dict(theme="system", language="th", desktop="dark"),
    "zoom-200.png": dict(theme="normal", language="th", zoom=200, size=(1024, 740)),
    "table-view.png": dict(theme="normal", language="th"),
}
SIZE = (1100, 740)
WORD_PATIENCE_MS = 20_000  # the speech engine may take seconds to load on a busy machine
DARK_DESKTOP = {"Window": "#2b2b2b", "Base": "#202124", "Button": "#3a3a3a", "Text": "#e8e8e8",
                "WindowText": "#e8e8e8", "ButtonText": "#e8e8e8"}  # a dark desktop palette, as GNOME's
TABLE_SHOT = "table-view.png"


def table_pdf(folder: Path) -> Path:
    """A page with a merged two-row header over a price list, between two paragraphs."""
    sys.path.insert(0, str(HERE.parents[1]))
    from tests.tables.tablegen import RuledWriter, TableSpec

    spec = TableSpec(header=[["รายการ", "ภาคเรียน", None], [None, "ที่ 1", "ที่ 2"]],
                     body=[["ค่าเทอม", "12,500 บาท", "12,500 บาท"], ["ค่าหนังสือ", "1,200 บาท", "950 บาท"],
                           ["ค่าห้องปฏิบัติการ", "800 บาท", "800 บาท"], ["รวม", "14,500 บาท", "14,250 บาท"]],
                     merges=[(0, 0, 2, 1), (0, 1, 1, 2)], widths=[150.0, 110.0, 110.0])
    writer = RuledWriter()
    writer.text(80, "ตารางที่ 1 ค่าใช้จ่ายต่อภาคเรียน", bold=True)
    bottom = writer.table(spec, 95)
    writer.text(bottom + 30, "ค่าใช้จ่ายทั้งหมดชำระที่กองคลังภายในสัปดาห์แรกของภาคเรียน")
    return writer.save(folder / "fees.pdf")


def shoot(name: str, options: dict[str, Any], source: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QColor, QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    from guidelight.core.navigation import Unit
    from guidelight.core.settings import Settings
    from guidelight.gui.app import start

    options = dict(options)
    size = options.pop("size", SIZE)
    if options.pop("desktop", "") == "dark":  # the desktop's palette, before the window takes it as its default
        desktop = QApplication([sys.argv[0]])
        desktop.setStyle("Fusion")
        palette = desktop.palette()
        for role, colour in DARK_DESKTOP.items():
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        desktop.setPalette(palette)
    app, window, services = start([str(source)], Settings(**options))
    window.setGeometry(0, 0, *size)

    def when_open() -> None:
        if window.session.doc is None:
            QTimer.singleShot(100, when_open)
            return
        window.session.move(Unit.SENTENCE, 1)
        if name == TABLE_SHOT:  # from the first header cell to a body cell, by cell keys
            window.session.move_in_table(2, 0)
            window.session.move_in_table(0, 1)
        window.session.play()  # the sentence and the word being heard are highlighted
        QTimer.singleShot(1500, grab)

    def grab(waited_ms: int = 1500) -> None:
        if len(window.view.extraSelections()) < 2 and waited_ms < WORD_PATIENCE_MS:  # no word heard yet
            QTimer.singleShot(100, lambda: grab(waited_ms + 100))
            return
        window.repaint()  # the highlight as it is now, not as last painted
        QGuiApplication.sync()
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0, 0, 0, window.frameGeometry().width(), window.frameGeometry().height()).save(
            str(HERE / name))
        window.close()
        app.quit()

    QTimer.singleShot(200, when_open)
    app.exec()
    services.speaker.close()
    services.library.close()


def main() -> int:
    if len(sys.argv) == 4:  # child: one screenshot per process, so each starts clean
        shoot(sys.argv[1], json.loads(sys.argv[2]), Path(sys.argv[3]))
        return 0
    import subprocess

    for name in sys.argv[1:] or SHOTS:  # the shots named, or all
        options = SHOTS[name]
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, GUIDELIGHT_AUDIO="none", GUIDELIGHT_CONFIG_DIR=home, XDG_DATA_HOME=home,
                       QT_QPA_PLATFORM="xcb")
            source = table_pdf(Path(home)) if name == TABLE_SHOT else SAMPLE
            subprocess.run([sys.executable, __file__, name, json.dumps(options), str(source)], env=env, check=True)
        print("wrote", HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
