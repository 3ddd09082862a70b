"""Volunteer mode journeys, keys only: a correction and a pronunciation made in the app
are shown and heard, and still are after a restart; an import with a bad file says
which file and why, and carries on."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from .test_journeys import App, answer_dialog, key, type_and_enter

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SAMPLE = Path(__file__).resolve().parents[2] / "assets" / "samples" / "lecture.pdf"
FIXED = "การฟังเป็นทักษะสำคัญของ กพร."


def then(qtbot, act: Callable[[object], None], after: Callable[[object], None]) -> Callable[[object], None]:
    """Act on this dialog, then answer the next one with ``after``."""

    def both(dialog) -> None:
        answer_dialog(qtbot, after)
        act(dialog)

    return both


def write_paragraph(text: str) -> Callable[[object], None]:
    def act(dialog) -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QPlainTextEdit), "focus starts in the paragraph's text"
        assert "นักศึกษาฟังตั้งใจ" in edit.toPlainText()  # it offers the text being corrected
        edit.setPlainText(text)
        QtBot.keyClick(edit, Qt.Key.Key_Return, CTRL)

    return act


def two_fields(first: str, second: str) -> Callable[[object], None]:
    def act(dialog) -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit)
        edit.setText(first)
        QtBot.keyClick(edit, Qt.Key.Key_Tab)
        other = QApplication.focusWidget()
        assert isinstance(other, QLineEdit) and other is not edit
        other.setText(second)
        QtBot.keyClick(other, Qt.Key.Key_Return)

    return act


def test_a_correction_and_a_pronunciation_are_shown_heard_and_kept(app: App, qtbot) -> None:
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_P)  # next paragraph: the one to correct
    # The document is in no course yet: the app asks for one after the text.
    answer_dialog(qtbot, then(qtbot, write_paragraph(FIXED), type_and_enter("2401101")))
    key(window, Qt.Key.Key_T, CTRL_SHIFT)
    qtbot.waitUntil(lambda: FIXED in window.view.toPlainText())
    assert "นักศึกษาฟังตั้งใจ" not in window.view.toPlainText()
    assert window.status.text() == "Paragraph corrected."
    assert [speaker.hear_next().text, speaker.hear_next().text] == ["Paragraph corrected.", FIXED]
    assert window.view.caret_offset() == window.view.toPlainText().index(FIXED)

    answer_dialog(qtbot, two_fields("กพร", "กอ-พอ-รอ"))
    key(window, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: speaker.pronunciations == {"กพร": "กอ-พอ-รอ"})
    assert window.status.text().startswith("Pronunciation saved for course 2401101.")

    def listed(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget) and listing.count() == 1
        assert listing.item(0).text().startswith("Page 1, paragraph 2: text, ok: ")
        QtBot.keyClick(listing, Qt.Key.Key_Escape)

    answer_dialog(qtbot, listed)
    key(window, Qt.Key.Key_M, CTRL_SHIFT)
    key(window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())

    again, speaker2 = app.start()  # another start: the student's
    qtbot.waitUntil(lambda: again.session.doc is not None)
    assert FIXED in again.view.toPlainText()
    assert speaker2.pronunciations == {"กพร": "กอ-พอ-รอ"}
    key(again, Qt.Key.Key_Space)
    heard = speaker2.hear_next()
    assert heard is not None and heard.text == FIXED  # resumes at the corrected paragraph


def test_heading_furniture_and_figure_corrections_show_at_once(app: App, qtbot) -> None:
    window, _speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    window.volunteer.course = "2401101"  # named before: offered again

    def level_2(dialog) -> None:
        spin = QApplication.focusWidget()
        QtBot.keyClick(spin, Qt.Key.Key_A, CTRL)
        QtBot.keyClicks(spin, "2")
        QtBot.keyClick(spin, Qt.Key.Key_Tab)
        QtBot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    key(window, Qt.Key.Key_P)
    answer_dialog(qtbot, then(qtbot, level_2, lambda d: QtBot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)))
    key(window, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.status.text() == "Heading changed.")
    page = window.session.doc.page(1)
    assert [p.level for p in page.paragraphs] == [1, 2]

    def describe(dialog) -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QPlainTextEdit)
        edit.setPlainText("แผนภาพวงจรการฟัง")
        QtBot.keyClick(edit, Qt.Key.Key_Return, CTRL)

    answer_dialog(qtbot, describe)
    key(window, Qt.Key.Key_G, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.status.text() == "Figure description saved.")
    assert window.view.toPlainText().endswith("ภาพ: แผนภาพวงจรการฟัง")

    key(window, Qt.Key.Key_Home, CTRL)
    key(window, Qt.Key.Key_S, CTRL_SHIFT)  # the first paragraph is the page's running header
    qtbot.waitUntil(lambda: window.status.text().startswith("Paragraph marked as page furniture"))
    assert not window.view.toPlainText().startswith("บทที่ 1")
    assert window.session.doc.page(1).furniture[-1] == "บทที่ 1 การฟัง"


def test_import_with_a_bad_file_says_which_and_carries_on(app: App, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "week"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a-lecture.pdf")
    (folder / "b-notes.pdf").write_bytes(b"this is not a PDF")
    shutil.copy(SAMPLE, folder / "c-copy.pdf")
    window, speaker = app.start()

    def choose_folder(dialog) -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit), "focus starts in the file dialog's name field"
        edit.setText(str(folder))
        QtBot.keyClick(edit, Qt.Key.Key_Return)

    answer_dialog(qtbot, then(qtbot, choose_folder, type_and_enter("2401101")))
    key(window, Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: speaker.announced and speaker.announced[-1].startswith("Import finished"), timeout=60_000)
    summary = speaker.announced[-1]
    assert summary.startswith("Import finished: 1 added, 1 already in the library, 1 failed.")
    assert "b-notes.pdf" in summary and window.status.text() == summary
    assert any(a.startswith("Could not import b-notes.pdf: ") for a in speaker.announced)
    docs = window.services.library.documents("2401101")
    assert [Path(d.source_path).name for d in docs] == ["a-lecture.pdf"]
    qtbot.waitUntil(window.view.hasFocus)

    # A student then opens it from the course library (the library's own copy).
    stored = Path(docs[0].stored_path)
    app.opener.docs[stored.name] = app.doc

    def pick(dialog) -> None:
        listing = QApplication.focusWidget()
        assert isinstance(listing, QListWidget) and listing.item(0).text() == f"2401101: {docs[0].title}"
        QtBot.keyClick(listing, Qt.Key.Key_Return)

    answer_dialog(qtbot, pick)
    key(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.session.doc is not None)
    assert window.current_path == str(stored)


def test_a_course_pack_carries_corrections_to_another_library(app: App, qtbot, tmp_path: Path) -> None:
    """Export in one app (one lab), import in another, open: the correction is there."""
    from guidelight.core.hashing import file_hash
    from guidelight.library import open_library
    from guidelight.library.corrections import fix_text

    from .gui_fakes import make_document

    pdf = tmp_path / "week1.pdf"
    pdf.write_bytes(b"%PDF stand-in for week 1")
    doc = make_document(content_hash=file_hash(pdf))
    app.opener.docs["week1.pdf"] = doc
    with open_library(app.folder / "library") as lib:
        lib.add_course("2401101", "Listening")
        lib.add_document("2401101", pdf, content_hash=doc.content_hash, title="Week 1", page_count=3)
        lib.add_correction(doc.content_hash, fix_text(doc.page(1), 1, FIXED))
        lib.set_pronunciation("2401101", "กพร", "กอ-พอ-รอ")
    window, speaker = app.start(str(pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    pack = tmp_path / "listening.glpack"

    def save_as(dialog) -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit), "focus starts in the file dialog's name field"
        edit.setText(str(pack))
        QtBot.keyClick(edit, Qt.Key.Key_Return)

    answer_dialog(qtbot, then(qtbot, type_and_enter("2401101"), save_as))
    key(window, Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: speaker.announced[-1].startswith("Course pack listening.glpack saved"), timeout=20_000)
    assert speaker.announced[-1] == "Course pack listening.glpack saved: 1 documents, 1 corrections."

    (tmp_path / "lab2").mkdir()
    other = App(qtbot, tmp_path / "lab2")  # another computer: its own library
    other.opener.docs["week1.pdf"] = make_document(content_hash=doc.content_hash)
    try:
        second, speaker2 = other.start()
        answer_dialog(qtbot, save_as)  # the same name field, now to open the pack
        key(second, Qt.Key.Key_A, CTRL_SHIFT)
        qtbot.waitUntil(lambda: speaker2.announced[-1].startswith("Course 2401101 imported"), timeout=20_000)
        assert speaker2.announced[-1] == ("Course 2401101 imported: 1 new documents, 1 corrections, "
                                          "1 pronunciations.")
        second.open_path(str(pdf))
        qtbot.waitUntil(lambda: second.session.doc is not None)
        assert FIXED in second.view.toPlainText()
        assert speaker2.pronunciations == {"กพร": "กอ-พอ-รอ"}
    finally:
        other.close_all()


def test_paragraph_origins_follow_what_apply_corrections_builds() -> None:
    """The map from the shown paragraphs back to the extracted ones agrees with the overlay."""
    from guidelight.gui.volunteer import paragraph_origins
    from guidelight.library.corrections import (
        PAGE_TOP,
        apply_corrections,
        describe_figure,
        fix_text,
        mark_furniture,
        mark_heading,
    )

    from .gui_fakes import make_page

    page = make_page(1, [(1, ["หัว|เรื่อง"]), (0, ["หนึ่ง"]), (0, ["สอง"]), (0, ["สาม"])])
    corrections = [
        mark_furniture(page, 0),
        describe_figure(page, PAGE_TOP, "ภาพบน"),
        fix_text(page, 1, "หนึ่ง แก้แล้ว"),
        describe_figure(page, 1, "ภาพหนึ่ง"),
        describe_figure(page, 1, "ภาพสอง"),
        mark_heading(page, 3, 2),
    ]
    shown = apply_corrections(page, corrections)
    origins = paragraph_origins(page, corrections)
    assert origins == [(-1, True), (1, False), (1, True), (1, True), (2, False), (3, False)]
    texts = [shown.text[p.start:p.end] for p in shown.paragraphs]
    assert texts == ["ภาพ: ภาพบน", "หนึ่ง แก้แล้ว", "ภาพ: ภาพหนึ่ง", "ภาพ: ภาพสอง", "สอง", "สาม"]
