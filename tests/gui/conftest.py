"""App tests run on Qt's offscreen platform unless a display is asked for."""

from __future__ import annotations

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


@pytest.fixture
def pane(qtbot) -> ReadingPane:
    """A reading view on its own, shown at a fixed size."""
    from guidelight.gui.reading_view import ReadingPane

    view = ReadingPane(None, lambda _text: None, lambda: None)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view


@pytest.fixture(autouse=True)
def no_screen_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests say which screen reader runs: another process on this machine (a harness
    running Orca) must not change what the app does here."""
    from guidelight.core import screenreader

    monkeypatch.setenv(screenreader.ENV, "none")
    monkeypatch.setattr(screenreader, "_last", (-screenreader.FRESH_SECONDS, None))
