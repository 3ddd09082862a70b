"""Tables and figures as a listener hears them: what a screen reader says, as plain text.

A table is announced by its size ("ตาราง 4 แถว 3 คอลัมน์"), then read row by row with
each cell's column header before it ("ราคา: 150 บาท"), the way NVDA and JAWS read a
table whose header row is marked. A figure is announced as a figure with its caption or
description; one with neither is announced once as such, never skipped in silence.
Pure functions: the speech pipeline, the app and the exports all use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from guidelight.core.model import Figure, Page, ParagraphKind, Table, TableCell

DESCRIPTION_PREFIX = "ภาพ: "  # "Figure: " before a description, so it is not heard as body text

_WORDS = {
    "th": {
        "table": "ตาราง {rows} แถว {cols} คอลัมน์",
        "continued": "ตารางต่อจากหน้าก่อน {rows} แถว {cols} คอลัมน์",
        "continues": "ตารางมีต่อหน้าถัดไป",
        "end": "จบตาราง",
        "blank": "ว่าง",
        "row": "แถว {n}",
        "columns": "หัวคอลัมน์",
        "where": "แถว {row} คอลัมน์ {col}",
        "figure": "ภาพ",
        "no_description": "ภาพ ไม่มีคำอธิบาย",
        "read_by_ocr": "ข้อความในภาพอ่านด้วยโอซีอาร์ บางคำอาจผิด มีดังนี้",
    },
    "en": {
        "table": "table, {rows} rows, {cols} columns",
        "continued": "table continued from the previous page, {rows} rows, {cols} columns",
        "continues": "the table continues on the next page",
        "end": "end of table",
        "blank": "blank",
        "row": "row {n}",
        "columns": "column headers",
        "where": "row {row}, column {col}",
        "figure": "figure",
        "no_description": "figure, no description",
        "read_by_ocr": "its text, read by OCR, follows; some words may be wrong",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS["th" if lang.startswith("th") else "en"]


@dataclass(frozen=True)
class SpokenLine:
    """One thing to say, the stretch of the table paragraph's text it is about
    (``start == end`` for words that are not in the text, like the table's size), and
    the grid row it reads (-1 for the table as a whole)."""

    text: str
    start: int = 0
    end: int = 0
    row: int = -1


def table_summary(table: Table, lang: str = "th") -> str:
    words = _words(lang)
    key = "continued" if table.continued else "table"
    return words[key].format(rows=table.rows, cols=table.cols)


def _row_cells(table: Table, row: int) -> list[TableCell]:
    return sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)


def spoken_cell(table: Table, cell: TableCell, lang: str = "th") -> str:
    """A body cell with its column header before it: "ราคา: 150 บาท"."""
    text = cell.text or _words(lang)["blank"]
    if cell.col < table.header_cols:
        return text
    header = table.column_header(cell.col)
    return f"{header}: {text}" if header and header != cell.text else text


def spoken_table(table: Table, lang: str = "th") -> list[SpokenLine]:
    """The whole table as a screen reader reads it: size, column headers, then each row."""
    words = _words(lang)
    lines = [SpokenLine(table_summary(table, lang))]
    if table.header_rows:
        heads = [c for row in range(table.header_rows) for c in _row_cells(table, row) if c.text]
        if heads:
            lines.append(
                SpokenLine(
                    words["columns"] + ": " + ", ".join(c.text for c in heads),
                    min(c.start for c in heads),
                    max(c.end for c in heads),
                    0,
                )
            )
    for number, row in enumerate(range(table.header_rows, table.rows), start=1):
        cells = _row_cells(table, row)
        if not cells:
            continue
        said = ", ".join(spoken_cell(table, c, lang) for c in cells)
        filled = [c for c in cells if c.text]
        start = min((c.start for c in filled), default=0)
        end = max((c.end for c in filled), default=start)
        lines.append(SpokenLine(f"{words['row'].format(n=number)}: {said}", start, end, row))
    lines.append(SpokenLine(words["continues" if table.continues else "end"]))
    return lines


def cell_at_offset(table: Table, offset: int) -> TableCell | None:
    """The cell whose text holds ``offset`` (relative to the table paragraph), or the
    first cell after it: where the caret is when the student starts moving by cell."""
    cells = sorted((c for c in table.cells if c.text), key=lambda c: c.start)
    return next((c for c in cells if offset < c.end), cells[-1] if cells else None)


def neighbour(table: Table, cell: TableCell, rows: int, cols: int) -> TableCell | None:
    """The cell ``rows`` down and ``cols`` right of ``cell`` (negative: up, left), stepping
    out of a merged cell from its far side; None at the table's edge."""
    row = cell.row + (cell.row_span if rows > 0 else 0) + (rows - 1 if rows > 0 else rows)
    col = cell.col + (cell.col_span if cols > 0 else 0) + (cols - 1 if cols > 0 else cols)
    if not (0 <= row < table.rows and 0 <= col < table.cols):
        return None
    return table.cell_at(row, col)


def next_cell(table: Table, cell: TableCell, step: int = 1) -> TableCell | None:
    """The next (or, with ``step=-1``, previous) cell in reading order, row by row."""
    ordered = sorted(table.cells, key=lambda c: (c.row, c.col))
    index = ordered.index(cell) + step
    return ordered[index] if 0 <= index < len(ordered) else None


def cell_announcement(table: Table, cell: TableCell, lang: str = "th") -> str:
    """What moving onto a cell says: where it is, then the cell with its headers."""
    words = _words(lang)
    where = words["where"].format(row=cell.row + 1, col=cell.col + 1)
    said = spoken_cell(table, cell, lang)
    row_head = table.row_header(cell.row) if cell.col >= table.header_cols else ""
    return ", ".join(part for part in (where, row_head, said) if part)


def figure_announcement(figure: Figure, lang: str = "th") -> str:
    """What is said where a figure stands: its description, else its caption, else that
    it has none ("ภาพ ไม่มีคำอธิบาย"); and, when its text read by OCR follows, that it does."""
    words = _words(lang)
    if figure.alt:
        said = f"{words['figure']}: {figure.alt}"
    elif figure.caption:
        said = f"{words['figure']}: {figure.caption}"
    else:
        said = words["no_description"]
    return f"{said}, {words['read_by_ocr']}" if figure.read_by_ocr else said


def figure_paragraphs(page: Page, figure: Figure) -> tuple[int, ...]:
    """Indexes of the paragraphs a figure takes with it: a volunteer's description read in
    its place (``DESCRIPTION_PREFIX`` + its alt text) and then its caption's paragraphs. Announcing the
    figure says them; reading them again after it would say them twice."""
    paras, index, taken = page.paragraphs, figure.before, []
    if figure.alt and index < len(paras):
        para = paras[index]
        if page.text[para.start : para.end] == DESCRIPTION_PREFIX + figure.alt:
            taken.append(index)
            index += 1
    caption = figure.caption
    while caption and index < len(paras) and paras[index].kind is ParagraphKind.FIGURE:
        part = page.text[paras[index].start : paras[index].end]
        if not caption.startswith(part):
            break
        taken.append(index)
        caption = caption[len(part) :].lstrip()
        index += 1
    return tuple(taken)


@dataclass(frozen=True)
class SpokenItem:
    """One thing said while reading a page, and what it reads: ``start``/``end`` in the
    page's text, the paragraph, and the sentence, table row or figure (-1 when not one)."""

    text: str
    start: int
    end: int
    paragraph: int
    sentence: int = -1
    row: int = -1
    figure: int = -1


@dataclass(frozen=True)
class PagePart:
    """One step through a page in reading order: a paragraph, or a figure standing before
    paragraph ``index`` together with the paragraphs it takes (its description, caption)."""

    index: int
    figure: int | None = None
    taken: tuple[int, ...] = ()


def page_parts(page: Page) -> Iterator[PagePart]:
    """The page's paragraphs with each figure in its place; a paragraph a figure took is
    not given again. Speech and every export walk a page through this one order."""
    skip: set[int] = set()
    for index in range(len(page.paragraphs) + 1):
        for number, figure in enumerate(page.figures):
            if figure.before == index:
                taken = tuple(i for i in figure_paragraphs(page, figure) if i not in skip)
                skip.update(taken)
                yield PagePart(index, number, taken)
        if index < len(page.paragraphs) and index not in skip:
            yield PagePart(index)


def spoken_page(page: Page, lang: str = "th") -> list[SpokenItem]:
    """A page as it is read aloud: sentences, tables row by row with their headers, and
    each figure announced once where it stands (with its description or caption)."""
    items: list[SpokenItem] = []
    for part in page_parts(page):
        index = part.index
        if part.figure is not None:
            para_start = page.paragraphs[index].start if index < len(page.paragraphs) else len(page.text)
            end = page.paragraphs[part.taken[-1]].end if part.taken else para_start
            announcement = figure_announcement(page.figures[part.figure], lang)
            items.append(SpokenItem(announcement, para_start, end, index, figure=part.figure))
            continue
        para = page.paragraphs[index]
        if para.table is not None:
            for line in spoken_table(para.table, lang):
                start = para.start + line.start if line.end > line.start else para.start
                items.append(SpokenItem(line.text, start, para.start + line.end, index, row=line.row))
            continue
        for number, sentence in enumerate(para.sentences):
            text = page.text[sentence.start : sentence.end]
            if text.strip():
                items.append(SpokenItem(text, sentence.start, sentence.end, index, sentence=number))
    return items
