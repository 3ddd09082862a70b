"""App tests run on Qt's offscreen platform unless a display is asked for."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from guidelight.gui.reading_view import ReadingPane

    from .test_journeys import App


@pytest.fixture
def app(qtbot, tmp_path: Path) -> Iterator[App]:
    """The app as run_app starts it (see ``test_journeys.App``), its windows closed after."""
    from .test_journeys import App

    started = App(qtbot, tmp_path)
    yield started
    started.close_all()
    # The windows hang in reference cycles (bound methods in their own signals). Left to
    # the garbage collector, one could be deleted at any allocation, even while Qt walks
    # every widget to apply a new style sheet in a later test: it crashed there.
    gc.collect()


@pytest.fixture
def pane(qtbot) -> ReadingPane:
    """A reading view on its own, shown at a fixed size."""
    from guidelight.gui.reading_view import ReadingPane

    view = ReadingPane(None, lambda _text: None, lambda: None)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view
