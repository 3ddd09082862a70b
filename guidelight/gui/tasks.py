"""Running plain functions off the GUI thread and bringing results back onto it.

Opening and extracting a PDF can take seconds; the window must keep answering keys.
``BackgroundRunner.run`` runs a plain function (no Qt inside) on the global thread pool
and calls ``on_done`` or ``on_error`` on the GUI thread through the application's
``QtPoster`` (a queued signal), as Anki's ``run_on_main`` does, unless the runner's
window has gone by then. ``QtPoster`` is the same bridge for the speaker's events.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot


class QtPoster(QObject):
    """``post(fn)`` from any thread runs ``fn`` on the thread that owns this object."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run)

    def post(self, fn: Callable[[], None]) -> None:
        # If the window closed while the work ran (quitting during an open or the warm-up),
        # its result has nowhere to go, and a traceback on exit helps no one.
        with suppress(RuntimeError):  # "Signal source has been deleted"
            self._call.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


_POSTERS: list[QtPoster] = []  # the application's poster, once made (``_app_poster``)


def _app_poster() -> QtPoster:
    """The one poster of the running application, on its GUI thread and as long-lived as
    it. A runner's own poster died with its window, and a worker emitting on it while the
    window was being deleted crashed the process (a segmentation fault in CI, a volunteer
    test closing its window as a job ended): the result of work whose window has closed
    is dropped on the GUI thread instead (``BackgroundRunner.post``)."""
    if not _POSTERS or not shiboken6.isValid(_POSTERS[-1]):
        _POSTERS.append(QtPoster(QCoreApplication.instance()))
    return _POSTERS[-1]


class BackgroundRunner(QObject):
    """Runs functions on a thread pool; results come back on the GUI thread, and only
    while this object (its window's) still exists."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poster = _app_poster()
        self.pool = QThreadPool.globalInstance()
        self.pending = 0

    def post(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread (progress from inside a running job), unless this
        runner's window is gone by then."""
        self._poster.post(lambda: self._if_alive(fn))

    def _if_alive(self, fn: Callable[[], None]) -> None:
        if shiboken6.isValid(self):
            fn()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        self.pending += 1

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self.pending -= 1
            callback(value)

        def job() -> None:
            try:
                result = work()
            except Exception as exc:  # every failure goes back to the GUI to be told
                error = exc
                self.post(lambda: finish(on_error, error))
                return
            self.post(lambda: finish(on_done, result))

        # A plain callable, not QRunnable.create(): the pool deletes a finished QRunnable
        # behind PySide's back, and its stale wrapper could later be handed out for a new
        # object at the same address (seen as a QTextDocument turning into a QRunnable).
        self.pool.start(job)
