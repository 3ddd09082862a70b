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
