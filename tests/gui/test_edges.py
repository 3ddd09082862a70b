"""Keys in dialogs that change nothing still say so (Down on a one-item list, Ctrl+A on
a page number already all selected): the screen reader hears no event for them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from guidelight.gui import dialogs

from .test_journeys import App, answer_dialog

pytestmark = pytest.mark.gui


def test_a_list_key_that_moves_nothing_says_where_the_student_is(app: App, qtbot) -> None:
    window, speaker = app.start()
    moves: list[str] = []

    def press_keys(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget)
        for k in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Up):
            before = len(speaker.announced)
            qtbot.keyClick(listing, k)
            qtbot.wait(60)
            moves.append(speaker.announced[-1] if len(speaker.announced) > before else f"row {listing.currentRow()}")
        dialog.reject()

    answer_dialog(qtbot, press_keys)
    dialogs.choose(window, "Recent", "&Documents:", ["lecture.pdf", "notes.pdf"], "en")
    assert moves == ["row 1", "Bottom of the list: notes.pdf", "row 0", "Top of the list: lecture.pdf"]

    def only_item(dialog) -> None:
        before = len(speaker.announced)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: len(speaker.announced) > before, timeout=2000)
        dialog.reject()

    answer_dialog(qtbot, only_item)
    dialogs.choose(window, "Recent", "&Documents:", ["lecture.pdf"], "en")
    assert speaker.announced[-1] == "The only item: lecture.pdf"


def test_select_all_on_a_field_already_selected_says_so(app: App, qtbot) -> None:
    window, speaker = app.start()

    def select_all(dialog) -> None:
        spin = QApplication.focusWidget()
        before = len(speaker.announced)
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(speaker.announced) > before, timeout=2000)
        dialog.reject()

    answer_dialog(qtbot, select_all)
    dialogs.ask_page(window, 3, 12, "en")
    assert speaker.announced[-1] == "All selected: 3"
