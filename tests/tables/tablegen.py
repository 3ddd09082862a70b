"""Table PDFs made on the spot, each with the truth it was made from.

Two ways tables reach a PDF: ruled lines drawn segment by segment, as Word prints them
(``ruled_table``), and bordered cells laid out by an HTML/CSS engine, as LibreOffice and
web-to-PDF tools make them (``html_table_pdf``, PyMuPDF's Story). Headers are set apart
by weight, by shading, or only by being words over numbers; header cells can be merged
over several columns or rows; a table can run over a page break.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import pymupdf

from tests.story import story_pdf

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "assets" / "fonts"
REGULAR, BOLD = FONTS / "Sarabun-Regular.ttf", FONTS / "Sarabun-Bold.ttf"
ROW_HEIGHT = 22.0
FONT_SIZE = 11.0
LINE_STEP = 14.0  # baseline to baseline within a cell of several lines

WORDS = [
    "เศรษฐศาสตร์", "ประวัติศาสตร์", "คณิตศาสตร์", "ภาษาไทย", "ภาษาอังกฤษ", "ฟิสิกส์", "เคมี", "ชีววิทยา",
    "สมชาย", "สมหญิง", "วันจันทร์", "วันอังคาร", "วันพุธ", "ห้อง 301", "อาคาร 2", "ผ่าน", "ไม่ผ่าน",
    "ดีมาก", "พอใช้", "ข้าวสาร", "น้ำปลา", "ไข่ไก่", "ค่าเทอม", "Microeconomics", "Statistics", "Lab A",
]
HEADERS = ["วิชา", "ราคา", "จำนวน", "หน่วยกิต", "อาจารย์", "เวลา", "ห้อง", "คะแนน", "ผลการเรียน", "หมายเหตุ", "Grade"]


def number() -> str:
    return random.choice([f"{random.randint(1, 999)}", f"{random.randint(1, 99)}.{random.randint(0, 99):02d}",
                          f"{random.randint(10, 990)} บาท", f"{random.randint(1, 100)}%"])


@dataclass
class TableSpec:
    """A table to draw: header rows (None marks a grid place covered by a merged cell),
    body rows, merged cells as (row, col, row_span, col_span), and how headers look."""

    header: list[list[str | None]]
    body: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    header_style: str = "bold"  # bold | shaded | plain
    bold_first_column: bool = False
    widths: list[float] = field(default_factory=list)

    @property
    def grid(self) -> list[list[str | None]]:
        return [*self.header, *[list[str | None](row) for row in self.body]]

    @property
    def cols(self) -> int:
        return len(self.body[0])

    def span(self, row: int, col: int) -> tuple[int, int]:
        for r, c, rs, cs in self.merges:
            if (r, c) == (row, col):
                return rs, cs
        return 1, 1

    def truth(self) -> list[tuple[int, int, str]]:
        """(row, col, text) of every non-empty cell."""
        return [(r, c, t) for r, row in enumerate(self.grid) for c, t in enumerate(row) if t]


def random_spec(rng: random.Random, header_style: str | None = None, merged: bool = False) -> TableSpec:
    random.seed(rng.random())
    cols = rng.randint(2, 5)
    names = rng.sample(HEADERS, cols)
    body = [[rng.choice(WORDS)] + [number() if rng.random() < 0.6 else rng.choice(WORDS) for _ in range(cols - 1)]
            for _ in range(rng.randint(2, 8))]
    body[0][-1] = number()  # at least one number under the headers, as real data has
    header: list[list[str | None]] = [list(names)]
    merges: list[tuple[int, int, int, int]] = []
    if merged and cols >= 3:
        # A group heading over the last two columns; the first column's header spans both rows.
        header = [[names[0], *names[1:-2], "ภาคเรียน", None], [None, *[None] * (cols - 3), "ที่ 1", "ที่ 2"]]
        for c in range(1, cols - 2):
            merges.append((0, c, 2, 1))
        merges += [(0, 0, 2, 1), (0, cols - 2, 1, 2)]
    style = header_style or rng.choice(["bold", "shaded", "plain"])
    widths = [rng.choice([95.0, 105.0, 115.0] if cols <= 4 else [85.0, 90.0]) for _ in range(cols)]  # fits A4
    return TableSpec(header, body, merges, style, rng.random() < 0.3, widths)


def fitted(spec: TableSpec, padding: float = 12.0) -> TableSpec:
    """The spec with each column at least as wide as its widest text and the cell
    padding: Word wraps a cell's text rather than letting it run into the next cell,
    which, with no borders, would read as one piece of text."""
    font = pymupdf.Font(fontfile=str(REGULAR))
    widths = list(spec.widths)
    for r, row in enumerate(spec.grid):
        for c, text in enumerate(row):
            if text and spec.span(r, c)[1] == 1:
                longest = max(font.text_length(line, FONT_SIZE) for line in text.split("\n"))
                widths[c] = max(widths[c], longest + padding)
    return TableSpec(spec.header, spec.body, spec.merges, spec.header_style, spec.bold_first_column, widths)


class RuledWriter:
    """Draws tables the way Word prints them: text runs plus ruling line segments."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = self._new_page()

    def _new_page(self) -> pymupdf.Page:
        page = self.doc.new_page(width=595, height=842)
        page.insert_font(fontname="sar", fontfile=str(REGULAR))
        page.insert_font(fontname="sarb", fontfile=str(BOLD))
        return page

    def new_page(self) -> None:
        self.page = self._new_page()

    def text(self, y: float, text: str, bold: bool = False, size: float = 12.0, x: float = 60.0) -> None:
        self.page.insert_text((x, y), text, fontname="sarb" if bold else "sar", fontsize=size)

    def table(self, spec: TableSpec, y: float, rows: range | None = None, x: float = 60.0,
              borders: str = "lines") -> float:
        """Draw ``rows`` of the spec's grid (all by default) from ``y``; returns the bottom.

        ``borders="fills"`` draws each border as a thin filled rectangle, as Word's PDF
        export does, instead of stroked line segments; ``"none"`` draws no border (Word's
        "Table Normal"); ``"header"`` only rules above and below the header rows and under
        the table, as academic tables are set; ``"rows"`` a rule between every two rows
        and none between columns."""
        grid = spec.grid
        rows = rows if rows is not None else range(len(grid))
        xs = [x]
        for w in spec.widths:
            xs.append(xs[-1] + w)
        ys = {}
        bottom = y
        for r in rows:  # a cell of several lines ("\n") makes its row taller
            ys[r] = bottom
            bottom += ROW_HEIGHT + LINE_STEP * max((t or "").count("\n") for t in grid[r])
        ys[rows.stop] = bottom
        covered: set[tuple[int, int]] = set()
        boxes: list[pymupdf.Rect] = []
        for r in rows:
            for c, text in enumerate(grid[r]):
                if (r, c) in covered:
                    continue
                rs, cs = spec.span(r, c)
                rs = min(rs, rows.stop - r)
                covered |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
                box = pymupdf.Rect(xs[c], ys[r], xs[c + cs], ys[r + rs])
                boxes.append(box)
                is_header = r < len(spec.header)
                if is_header and spec.header_style == "shaded":
                    self.page.draw_rect(box, color=None, fill=(0.85, 0.85, 0.85), width=0)
                bold = (is_header and spec.header_style == "bold") or (c == 0 and spec.bold_first_column and not is_header)
                lines = (text or "").split("\n")
                # Text in the middle of its cell (merged cells too), but from the top in a
                # row made taller by wrapped cells, as Word sets it by default.
                wrapped_row = any("\n" in (t or "") for t in grid[r])
                top = box.y0 + ((ROW_HEIGHT if wrapped_row else box.height) + FONT_SIZE) / 2 - 2
                for k, line in enumerate(lines):
                    if line:
                        self.text(top + k * LINE_STEP, line, bold, FONT_SIZE, box.x0 + 4)
        if borders in ("none", "header", "rows"):
            if borders == "header":
                self._rules(xs[0], xs[-1], [y, ys.get(len(spec.header), y), bottom])
            elif borders == "rows":
                self._rules(xs[0], xs[-1], list(ys.values()))
            return bottom
        shape = self.page.new_shape()
        for box in boxes:  # each cell's four edges as separate pieces
            for a, b in ((box.tl, box.tr), (box.tr, box.br), (box.br, box.bl), (box.bl, box.tl)):
                if borders == "fills":
                    shape.draw_rect(pymupdf.Rect(min(a.x, b.x) - 0.3, min(a.y, b.y) - 0.3,
                                                 max(a.x, b.x) + 0.3, max(a.y, b.y) + 0.3))
                else:
                    shape.draw_line(a, b)
        if borders == "fills":
            shape.finish(color=None, fill=(0, 0, 0), width=0)
        else:
            shape.finish(color=(0, 0, 0), width=0.6)
        shape.commit()
        return bottom

    def _rules(self, left: float, right: float, ys: list[float]) -> None:
        shape = self.page.new_shape()
        for y in dict.fromkeys(ys):
            shape.draw_line((left, y), (right, y))
        shape.finish(color=(0, 0, 0), width=0.6)
        shape.commit()

    def save(self, path: Path) -> Path:
        self.doc.save(path)
        return path


def html_table(spec: TableSpec) -> str:
    """The spec as an HTML table with <th> headers (bold) or shaded <td> headers."""
    out = ["<table>"]
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(spec.grid):
        out.append("<tr>")
        for c, text in enumerate(row):
            if (r, c) in covered or text is None:
                continue
            rs, cs = spec.span(r, c)
            covered |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            is_header = r < len(spec.header)
            tag = "th" if is_header and spec.header_style == "bold" else "td"
            attrs += ' class="h"' if is_header else ""
            if is_header and spec.header_style == "shaded":
                attrs += ' style="background-color: #d9d9d9"'
            if c == 0 and not is_header and spec.bold_first_column:
                text_html = f"<b>{escape(text)}</b>"
            else:
                text_html = escape(text)
            out.append(f"<{tag}{attrs}>{text_html}</{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


HTML_BORDERS = {
    "lines": "td, th {border: 0.6pt solid black; padding: 3pt}",
    "none": "td, th {border: none; padding: 3pt 12pt 3pt 0}",  # LibreOffice with borders off
    "header": "td, th {border: none; padding: 3pt 12pt 3pt 0} .h {border-bottom: 0.6pt solid black}",
    "rows": "td, th {border: none; border-bottom: 0.6pt solid black; padding: 3pt 12pt 3pt 0}",
    # a web page printed: a rule under each row, its cells' lines centred in the row
    "web": "td, th {border: none; border-bottom: 0.6pt solid black; padding: 3pt 12pt 3pt 0; vertical-align: middle;"
           " width: 110pt} table {width: 460pt}",
}


def html_pdf(path: Path, html: str, borders: str = "lines") -> Path:
    """Lay out HTML in Sarabun on A4 pages, as an HTML/ODF engine would; ``borders`` as
    in ``RuledWriter.table`` ("header": a rule under the header cells only)."""
    css = (
        "@font-face {font-family: s; src: url(Sarabun-Regular.ttf);}"
        "@font-face {font-family: s; font-weight: bold; src: url(Sarabun-Bold.ttf);}"
        "* {font-family: s; font-size: 11pt;} th {font-weight: bold; text-align: left}"
        "table {border-collapse: collapse}" + HTML_BORDERS[borders]
    )
    return story_pdf(path, html, css)
