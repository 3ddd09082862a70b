"""The reading view shows tables as real grids and still speaks in page text offsets."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor, QTextTable

from guidelight.core.model import Page, Paragraph, ParagraphKind, Table, TableCell
from guidelight.core.navigation import Span
from guidelight.core.settings import load_settings
from guidelight.extract.tables import CELL_SEPARATOR
from guidelight.gui.reading_view import ReadingPane
from guidelight.gui.theme import DARK_HC, NORMAL

from .test_journeys import App, key

pytestmark = pytest.mark.gui

# (text, row, col, row span, col span): the merged header of tests/tables MERGED, with an
# empty cell and a character outside the BMP inside the grid.
MERGED_CELLS = [
    ("รายวิชา", 0, 0, 2, 1), ("คะแนน", 0, 1, 1, 2), ("กลางภาค", 1, 1, 1, 1), ("ปลายภาค", 1, 2, 1, 1),
    ("คณิต𝐀ศาสตร์", 2, 0, 1, 1), ("30", 2, 1, 1, 1), ("", 2, 2, 1, 1),
    ("ภาษาไทย", 3, 0, 1, 1), ("25", 3, 1, 1, 1), ("35", 3, 2, 1, 1),
]
BEFORE = "ตารางที่ 1 คะแนน 😀 ของนักศึกษา"
AFTER = "ข้อความหลังตาราง 𝐁 จบ"


def table_page(before: str, cells: list[tuple[str, int, int, int, int]], after: str, header_rows: int = 2,
               rows: int = 4, cols: int = 3) -> Page:
    """A page of text, a table paragraph laid out as the extractor lays it (non-empty
    cells one per line, row by row), then text; paragraphs joined by blank lines."""
    text = before + "\n\n" if before else ""
    start = len(text)
    built, cursor = [], 0
    for cell_text, row, col, row_span, col_span in sorted(cells, key=lambda c: (c[1], c[2])):
        if cell_text and cursor:
            cursor += len(CELL_SEPARATOR)
        built.append(TableCell(cell_text, row, col, row_span, col_span, row < header_rows, cursor,
                               cursor + len(cell_text)))
        cursor += len(cell_text)
    text += CELL_SEPARATOR.join(c[0] for c in sorted(cells, key=lambda c: (c[1], c[2])) if c[0])
    table = Table(rows, cols, tuple(built), header_rows)
    paragraphs = [Paragraph(start, len(text), ParagraphKind.TABLE, 0, (), table=table)]
    if before:
        paragraphs.insert(0, Paragraph(0, len(before), ParagraphKind.BODY, 0, ()))
    if after:
        text += "\n\n"
        paragraphs.append(Paragraph(len(text), len(text) + len(after), ParagraphKind.BODY, 0, ()))
        text += after
    return Page(1, text, tuple(paragraphs))


def only_table(view: ReadingPane) -> QTextTable:
    (table,) = [f for f in view.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    return table


def cell_text(table: QTextTable, row: int, col: int) -> str:
    cell = table.cellAt(row, col)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_a_table_paragraph_is_shown_as_a_grid_with_merged_and_header_cells(pane: ReadingPane) -> None:
    pane.show_page(table_page(BEFORE, MERGED_CELLS, AFTER))
    table = only_table(pane)
    assert (table.rows(), table.columns()) == (4, 3)
    for text, row, col, row_span, col_span in MERGED_CELLS:
        assert cell_text(table, row, col) == text
        assert (table.cellAt(row, col).rowSpan(), table.cellAt(row, col).columnSpan()) == (row_span, col_span)
    head, body = table.cellAt(0, 1), table.cellAt(2, 1)
    assert head.firstCursorPosition().charFormat().fontWeight() == QFont.Weight.Bold
    assert body.firstCursorPosition().charFormat().fontWeight() != QFont.Weight.Bold
    assert head.format().background().color() != body.format().background().color()
    fmt = table.format()
    assert fmt.border() >= 1 and fmt.borderBrush().color().name() == NORMAL.text
    assert fmt.headerRowCount() == 2
    plain = pane.document().toPlainText()
    assert BEFORE in plain and AFTER in plain and "กลางภาค" not in plain.split(AFTER)[1]


def two_tables_page() -> Page:
    """A table straight after another, then text."""
    first, second = table_page("", MERGED_CELLS, ""), table_page("", MERGED_CELLS, AFTER)
    shift = len(first.text) + 2
    moved = [dataclasses.replace(p, start=p.start + shift, end=p.end + shift) for p in second.paragraphs]
    return Page(1, first.text + "\n\n" + second.text, (*first.paragraphs, *moved))


@pytest.mark.parametrize("page", [table_page(BEFORE, MERGED_CELLS, AFTER), table_page("", MERGED_CELLS, AFTER),
                                  two_tables_page()], ids=["text-first", "table-first", "two-tables"])
def test_every_page_offset_round_trips_through_the_document(pane: ReadingPane, page: Page) -> None:
    pane.show_page(page)
    for offset in range(len(page.text) + 1):
        pane.move_caret(offset)
        assert pane.caret_offset() == offset
    # ... and each offset is at the page's own character in the document, surrogates included.
    for offset, char in enumerate(page.text):
        if char != "\n":
            cursor = QTextCursor(pane.document())
            cursor.setPosition(pane._offsets.to_qt(offset))
            cursor.setPosition(pane._offsets.to_qt(offset + 1), QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == char, offset


def test_highlight_covers_the_spans_text_before_inside_and_after_the_table(pane: ReadingPane) -> None:
    page = table_page(BEFORE, MERGED_CELLS, AFTER)
    pane.show_page(page)
    table_para = page.paragraphs[1]
    assert table_para.table is not None
    maths = table_para.table.cells[4]
    spans = [(BEFORE.index("😀"), len(BEFORE)),
             (table_para.start + maths.start, table_para.start + maths.end),
             (page.text.index("𝐁"), len(page.text))]
    for start, end in spans:
        word_start = start + 1
        pane.show_highlight(Span(1, start, end), Span(1, word_start, end))
        sentence, word = pane.extraSelections()
        assert sentence.cursor.selectedText() == page.text[start:end]
        assert word.cursor.selectedText() == page.text[word_start:end]
    pane.show_highlight(Span(2, 0, 5), None)  # another page's span is not drawn here
    assert pane.extraSelections() == []


def test_a_new_theme_redraws_the_rules_and_keeps_caret_and_highlight(pane: ReadingPane) -> None:
    page = table_page(BEFORE, MERGED_CELLS, AFTER)
    pane.show_page(page)
    offset = page.text.index("ภาษาไทย")
    pane.show_highlight(Span(1, offset, offset + 7), None)
    pane.move_caret(offset)
    pane.colours = DARK_HC
    assert only_table(pane).format().borderBrush().color().name() == DARK_HC.text
    assert pane.caret_offset() == offset
    (sentence,) = pane.extraSelections()
    assert sentence.cursor.selectedText() == "ภาษาไทย"
    assert sentence.format.background().color().name() == DARK_HC.sentence


def test_the_caret_line_is_brought_to_the_middle_of_the_view(pane: ReadingPane) -> None:
    text = "\n\n".join(f"ย่อหน้าที่ {n} ของหน้านี้" for n in range(200))
    pane.show_page(Page(1, text, ()))
    pane.move_caret(text.index("ย่อหน้าที่ 100 "))
    assert pane.verticalScrollBar().value() > 0
    assert abs(pane.cursorRect().center().y() - pane.viewport().height() / 2) < pane.fontMetrics().height() * 2


def long_page() -> Page:
    """About 3,000 characters: a paragraph, a 20x5 table with a header row, a paragraph."""
    cells = [(f"หัว {col}" if row == 0 else f"ข้อมูล {row}.{col} ยาว", row, col, 1, 1)
             for row in range(20) for col in range(5)]
    body = "นักศึกษาฟังบรรยายแล้วจดบันทึก " * 22
    return table_page(body, cells, body, header_rows=1, rows=20, cols=5)


def test_showing_a_long_page_with_a_big_table_stays_fast(pane: ReadingPane, qtbot) -> None:
    page = long_page()
    assert 2_800 <= len(page.text) <= 3_400
    times = []
    for _ in range(5):
        began = time.perf_counter()
        pane.show_page(page)
        pane.move_caret(len(page.text) // 2)  # the layout up to the caret is done here
        times.append(time.perf_counter() - began)
    median = sorted(times)[len(times) // 2]
    print(f"show_page + move_caret, {len(page.text)} characters, 20x5 table: median {median * 1000:.1f} ms")
    assert median < 0.25  # a Page Down is answered well within a key press's patience


def test_moving_by_cell_in_the_app_highlights_the_cell_in_the_grid(app: App, qtbot, tmp_path: Path) -> None:
    from guidelight.extract.pdf import open_document
    from tests.tables.test_tables import PRICES, ruled_pdf

    app.opener.docs["prices.pdf"] = doc = open_document(ruled_pdf(tmp_path / "prices.pdf", PRICES))
    window, _speaker = app.start(str(tmp_path / "prices.pdf"))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    grid = only_table(window.view)
    assert (grid.rows(), grid.columns()) == (4, 3) and cell_text(grid, 1, 1) == "150 บาท"
    table = next(p for p in doc.page(1).paragraphs if p.table is not None)
    window.view.move_caret(table.start)
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    key(window, Qt.Key.Key_Down, alt_shift)
    key(window, Qt.Key.Key_Right, alt_shift)
    highlighted = {s.cursor.selectedText() for s in window.view.extraSelections()}
    assert highlighted == {"150 บาท"}
    caret = window.view.textCursor().position()
    assert grid.cellAt(caret) == grid.cellAt(1, 1)  # the Qt caret is in that grid cell


def grids_in(view: ReadingPane) -> list[QTextTable]:
    return [f for f in view.document().rootFrame().childFrames() if isinstance(f, QTextTable)]


def test_tables_as_lines_are_the_page_text_itself(pane: ReadingPane) -> None:
    page = table_page(BEFORE, MERGED_CELLS, AFTER)
    pane.table_grids = lambda: False
    pane.show_page(page)
    assert grids_in(pane) == []
    assert pane.toPlainText() == page.text  # one cell a line, nothing Qt adds
    for offset in range(len(page.text) + 1):
        pane.move_caret(offset)
        assert pane.caret_offset() == offset


def test_the_tables_command_cycles_and_auto_follows_the_screen_reader(app: App, monkeypatch) -> None:
    from guidelight.gui import window as window_module

    screen_reader = [False]
    monkeypatch.setattr(window_module, "assistive_technology_active", lambda: screen_reader[0])
    page = table_page(BEFORE, MERGED_CELLS, AFTER)
    window, _speaker = app.start()
    window.view.show_page(page)
    assert window.settings.table_view == "auto" and len(grids_in(window.view)) == 1  # no screen reader
    screen_reader[0] = True
    window.view.redraw()
    assert grids_in(window.view) == []  # auto: lines while a screen reader runs
    shown: list[str] = []
    window.announcer.show = shown.append
    key(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.table_view == "grid" and len(grids_in(window.view)) == 1
    key(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.table_view == "lines" and grids_in(window.view) == []
    assert shown == ["Tables: drawn as grids.", "Tables: one cell a line."]
    assert load_settings([app.settings_file]).table_view == "lines"  # kept for the next start


def test_a_table_whose_cells_overlap_is_written_as_lines(pane: ReadingPane) -> None:
    """A cell inside another's span (a merge the grid cannot draw) would put its text in the
    wrong Qt cell and the offsets with it: the table is written as lines instead."""
    page = table_page(BEFORE, [("ก", 0, 0, 1, 2), ("ข", 0, 1, 1, 1), ("ค", 1, 0, 1, 1), ("ง", 1, 1, 1, 1)], AFTER,
                      header_rows=1, rows=2, cols=2)
    pane.show_page(page)
    assert grids_in(pane) == []
    assert pane.toPlainText() == page.text
    pane.move_caret(page.text.index("ข"))
    assert pane.caret_offset() == page.text.index("ข")


def test_a_new_theme_leaves_a_page_without_a_grid_as_it_is(pane: ReadingPane) -> None:
    page = table_page(BEFORE, MERGED_CELLS, AFTER)
    pane.table_grids = lambda: False
    pane.show_page(page)
    sentence = Span(1, 0, len(BEFORE))
    pane.show_highlight(sentence, None)
    changes: list[int] = []
    pane.document().contentsChange.connect(lambda *_: changes.append(1))
    pane.colours = DARK_HC
    assert changes == []  # nothing rebuilt, so a screen reader hears no change
    (selection,) = pane.extraSelections()
    assert selection.format.background().color().name() == DARK_HC.sentence  # the highlight is recoloured


def test_moving_the_caret_and_turning_pages_send_no_caret_event(pane: ReadingPane) -> None:
    """Guide Light says (or hands the screen reader) the unit a key moved to; a caret
    event would make the screen reader say its own line over it (Orca 43, measured)."""
    moved: list[int] = []
    pane.cursorPositionChanged.connect(lambda: moved.append(pane.textCursor().position()))
    text = "\n\n".join(f"ย่อหน้าที่ {n} ของหน้านี้" for n in range(80))
    pane.show_page(Page(1, text, ()))
    pane.move_caret(text.index("ย่อหน้าที่ 40 "))
    pane.show_page(Page(2, text, ()))
    pane.move_caret(5)
    assert moved == []
    assert pane.caret_offset() == 5
    assert pane.verticalScrollBar().maximum() > 0  # the rebuilt page still scrolls
