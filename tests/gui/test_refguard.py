"""The reference guard keeps None, True and False alive through PySide6's leaks."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QScrollBar

from guidelight.gui import refguard

pytestmark = pytest.mark.gui


@pytest.mark.skipif(not refguard.needed(), reason="None is immortal from Python 3.12")
def test_void_qt_calls_take_from_none_and_the_guard_gives_it_back(qtbot) -> None:
    """On a small scale (freeing the kept references at the end must not take None
    under what the process had): 2,500 void calls against a 3,000 top-up."""
    bar = QScrollBar()
    qtbot.addWidget(bar)
    keep = refguard.pinned_list()
    start = sys.getrefcount(None)
    added = refguard.top_up(keep, floor=start + 1000, top=start + 3000)
    assert added >= 3000 and sys.getrefcount(None) >= start + 3000
    for value in range(2500):
        bar.setValue(value % 7)
    taken = start + 3000 - sys.getrefcount(None)
    # If PySide is fixed, nothing is taken and the guard can go: this says so.
    assert taken >= 2000, f"setValue took {taken} references from None: is refguard still needed?"
    assert refguard.top_up(keep, floor=start + 1000, top=start + 3000) >= 2000
    assert sys.getrefcount(None) >= start + 3000
    assert refguard.top_up(keep, floor=start + 1000, top=start + 3000) == 0  # nothing to do now
