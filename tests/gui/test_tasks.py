"""Work finished after its window closed is dropped quietly, not a traceback on exit."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject

from guidelight.gui.tasks import BackgroundRunner, QtPoster

pytestmark = pytest.mark.gui


def test_a_result_posted_to_a_closed_window_is_dropped(qapp) -> None:
    poster = QtPoster()
    ran: list[int] = []
    shiboken6.delete(poster)  # what closing the window does to it
    poster.post(lambda: ran.append(1))  # a worker finishing afterwards
    assert ran == []


def test_a_job_that_outlives_its_runner_ends_without_error(qtbot) -> None:
    owner = QObject()
    runner = BackgroundRunner(owner)
    done: list[object] = []
    release = threading.Event()
    runner.run(lambda: release.wait(5), done.append, done.append)
    shiboken6.delete(owner)  # the window goes while the job still runs
    release.set()
    runner.pool.waitForDone(5000)
    assert done == []


def test_a_job_ending_as_its_window_goes_is_dropped_and_others_still_return(qtbot) -> None:
    """A worker emitted on its window's own poster while the window was being deleted, and
    the process crashed (a segmentation fault in CI). Results now come back through the
    application's poster, which outlives every window, and are dropped on the GUI thread
    when their runner is gone."""
    owner, other = QObject(), QObject()
    gone, kept = BackgroundRunner(owner), BackgroundRunner(other)
    done: list[object] = []
    release = threading.Event()
    gone.run(lambda: release.wait(5), done.append, done.append)
    shiboken6.delete(owner)  # the window goes while the job still runs
    release.set()
    kept.run(lambda: "kept", done.append, done.append)
    qtbot.waitUntil(lambda: done == ["kept"], timeout=5000)
    kept.pool.waitForDone(5000)
    qtbot.wait(50)  # the dropped result's event, handled
    assert done == ["kept"] and kept.pending == 0
