"""Take the README screenshots from the real app (the same start-up code as `guidelight`).

Run under a virtual display, with a throw-away config and library so nothing of yours
shows:  xvfb-run -a -s "-screen 0 1100x760x24" python docs/screenshots/take_screenshots.py
Each shot opens the bundled sample lecture, starts reading, and grabs the X screen
once the highlight is on the second sentence.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "assets" / "samples" / "lecture.pdf"
SHOTS = {
    "main-window.png": dict(theme="normal", language="th"),
    "main-window-english.png": dict(theme="normal", language="en"),
    "high-contrast-dark.png": dict(theme="dark_high_contrast", language="th"),
    "high-contrast-light.png": dict(theme="light_high_contrast", language="en"),
}


def shoot(name: str, options: dict[str, str]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from guidelight.core.navigation import Unit
    from guidelight.core.settings import Settings
    from guidelight.gui.app import start

    app, window, services = start([str(SAMPLE)], Settings(**options))  # type: ignore[arg-type]
    window.setGeometry(0, 0, 1100, 740)

    def when_open() -> None:
        if window.session.doc is None:
            QTimer.singleShot(100, when_open)
            return
        window.session.move(Unit.SENTENCE, 1)
        window.session.play()  # the sentence and the word being heard are highlighted
        QTimer.singleShot(1500, grab)

    def grab() -> None:
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
    if len(sys.argv) == 3:  # child: one screenshot per process, so each starts clean
        shoot(sys.argv[1], dict(zip(("theme", "language"), sys.argv[2].split(","), strict=True)))
        return 0
    import subprocess

    for name, options in SHOTS.items():
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, GUIDELIGHT_AUDIO="none", GUIDELIGHT_CONFIG_DIR=home, XDG_DATA_HOME=home,
                       QT_QPA_PLATFORM="xcb")
            subprocess.run([sys.executable, __file__, name, f"{options['theme']},{options['language']}"],
                           env=env, check=True)
        print("wrote", HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
