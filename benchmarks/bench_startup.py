"""Cold start of the app to a window ready for keys, against a bare PySide6 window.

Each run is a fresh interpreter started the same way for both: the parent starts the
clock, spawns ``python bench_startup.py --probe KIND`` and stops it when the child
prints READY, which it does once its window is shown and its text view has keyboard
focus (a key pressed then is answered). Both probes use the same Qt platform (offscreen
by default; pass ``--platform xcb`` under Xvfb). Prints medians; the issue's target is
app / bare <= 1.5. ``command`` adds what the ``guidelight`` command does before it
starts the app (deciding from its arguments, without loading any command module); ``document`` waits until the bundled
sample lecture is open and its first page shown.

    python benchmarks/bench_startup.py [--runs 15] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "assets" / "samples" / "lecture.pdf"


def probe(kind: str) -> None:
    """Runs in the child: start the window, print READY when it takes keys, exit."""
    from PySide6.QtCore import QTimer

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        view = QPlainTextEdit(window)
        window.setCentralWidget(view)
        window.show()
        window.activateWindow()
        view.setFocus()
        ready = view.hasFocus
    else:
        if kind == "command":  # what the `guidelight` command does before it starts the app
            from guidelight.cli.main import _wants_app

            assert _wants_app([])
        from guidelight.gui.app import start

        app, main, _services = start([str(SAMPLE)] if kind == "document" else [])
        if kind == "document":
            def ready() -> bool:
                return main.session.doc is not None and main.view.hasFocus()
        else:
            ready = main.view.hasFocus

    def check() -> None:
        if ready():
            print("READY", flush=True)
            os._exit(0)  # teardown is not part of start-up
        QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    app.exec()


def time_once(kind: str, platform: str) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, GUIDELIGHT_AUDIO="none", GUIDELIGHT_CONFIG_DIR=home,
                   XDG_DATA_HOME=home, XDG_CACHE_HOME=home)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, __file__, "--probe", kind], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("READY"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{kind} probe never became ready")
        child.wait()
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", choices=("bare", "app", "command", "document"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    if args.probe:
        probe(args.probe)
        return 0
    kinds = ["bare", "app", "command"] + (["document"] if SAMPLE.exists() else [])
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for kind in kinds:
        time_once(kind, args.platform)  # warm-up: file cache, bytecode
    for _ in range(args.runs):
        for kind in kinds:  # interleaved, so drift in machine speed hits all alike
            times[kind].append(time_once(kind, args.platform))
    bare = statistics.median(times["bare"])
    print(f"platform {args.platform}, {args.runs} runs each, median (min-max) ms")
    for kind in kinds:
        med = statistics.median(times[kind])
        print(f"{kind:9s} {med * 1000:7.0f} ({min(times[kind]) * 1000:.0f}-{max(times[kind]) * 1000:.0f})"
              f"  x{med / bare:.2f} of bare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
