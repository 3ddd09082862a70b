"""Tables and figures as a listener hears them: what a screen reader says, as plain text.

A table is announced by its size ("ตาราง 4 แถว 3 คอลัมน์"), then read row by row with
each cell's column header before it ("ราคา: 150 บาท"), the way NVDA and JAWS read a
table whose header row is marked. A figure is announced as a figure with its caption or
description; one with neither is announced once as such, never skipped in silence.
Pure functions: the speech pipeline, the app and the exports all use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from guidelight.core.model import Figure, Table, TableCell

_WORDS = {
    "th": {
        "table": "ตาราง {rows} แถว {cols} คอลัมน์",
        "continued": "ตารางต่อจากหน้าก่อน {rows} แถว {cols} คอลัมน์",
        "continues": "ตารางมีต่อหน้าถัดไป",
        "end": "จบตาราง",
        "blank": "ว่าง",
        "row": "แถว {n}",
        "columns": "หัวคอลัมน์",
        "figure": "ภาพ",
        "no_description": "ภาพ ไม่มีคำอธิบาย",
    },
    "en": {
        "table": "table, {rows} rows, {cols} columns",
        "continued": "table continued from the previous page, {rows} rows, {cols} columns",
        "continues": "the table continues on the next page",
        "end": "end of table",
        "blank": "blank",
        "row": "row {n}",
        "columns": "column headers",
        "figure": "figure",
        "no_description": "figure, no description",
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


def figure_announcement(figure: Figure, lang: str = "th") -> str:
    """What is said where a figure stands: its description, else its caption, else that
    it has none ("ภาพ ไม่มีคำอธิบาย")."""
    words = _words(lang)
    if figure.alt:
        return f"{words['figure']}: {figure.alt}"
    if figure.caption:
        return f"{words['figure']}: {figure.caption}"
    return words["no_description"]
