"""XHTML for a document's blocks: headings, paragraphs, tables with header cells,
figures with alternative text, page-break markers and language tags on every run.

The same markup serves the HTML export and the EPUB's content documents (it is
well-formed XML and valid HTML5). With ``sentence_ids`` each sentence is wrapped in a
span with an id, which the EPUB's media overlay clips point at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from guidelight.core.model import Lang, Table, TableCell, joint
from guidelight.core.tables import figure_announcement
from guidelight.export.structure import Block, BlockKind, carries_on, repeated_header_rows, runs, runs_on

ImageSource = Callable[[Block], str | None]  # src of a figure's image, None when there is none


def inline(text: str) -> str:
    """Text with each non-Thai run in a span carrying its language."""
    out = []
    for part, lang in runs(text):
        if lang is Lang.THAI or not part.strip():
            out.append(escape(part))
        else:
            tag = escape(lang.value)
            out.append(f'<span lang="{tag}" xml:lang="{tag}">{escape(part)}</span>')
    return "".join(out)


def sentence_id(block: Block, index: int) -> str:
    return f"{block.id}-s{index}"


def paragraph_content(block: Block, sentence_ids: bool) -> str:
    """A paragraph's text; with ``sentence_ids`` each sentence in its own identified span."""
    para = block.paragraph
    if para is None:
        return ""
    if not sentence_ids or not para.sentences:
        return inline(block.text)
    text, out, cursor = block.page.text, [], para.start
    for i, sentence in enumerate(para.sentences):
        out.append(inline(text[cursor : sentence.start]))
        out.append(f'<span id="{sentence_id(block, i)}">{inline(text[sentence.start : sentence.end])}</span>')
        cursor = sentence.end
    out.append(inline(text[cursor : para.end]))
    return "".join(out)


def row_id(block: Block, row: int) -> str:
    return f"{block.id}-r{row}"


def _cell(table: Table, cell: TableCell) -> str:
    spans = (f' rowspan="{cell.row_span}"' if cell.row_span > 1 else "") + (
        f' colspan="{cell.col_span}"' if cell.col_span > 1 else ""
    )
    if cell.row < table.header_rows:
        return f'<th scope="{"colgroup" if cell.col_span > 1 else "col"}"{spans}>{inline(cell.text)}</th>'
    if cell.col < table.header_cols:
        return f'<th scope="row"{spans}>{inline(cell.text)}</th>'
    return f"<td{spans}>{inline(cell.text)}</td>"


def table_markup(block: Block) -> str:
    """A table with its header rows in <thead> as <th scope="col">, header columns as
    <th scope="row">; each row has an id for media overlays."""
    table = block.table
    assert table is not None
    rows: list[list[TableCell]] = [[] for _ in range(table.rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(cell)

    def section(tag: str, numbers: Iterable[int]) -> str:
        body = "".join(
            f'<tr id="{row_id(block, r)}">' + "".join(_cell(table, c) for c in rows[r]) + "</tr>"
            for r in numbers
            if rows[r]
        )
        return f"<{tag}>{body}</{tag}>" if body else ""

    head = section("thead", range(table.header_rows))
    body = section("tbody", range(table.header_rows, table.rows))
    return f'<table id="{block.id}">{head}{body}</table>'


def continuation(block: Block, skip: int, marker: str) -> str:
    """A table's next-page part as a <tbody> (with the part's id) to go on in the table it
    continues: its first ``skip`` rows (a repeated header) left out, ``marker`` (the page
    break) just inside its first cell, where the new page starts."""
    table = block.table
    assert table is not None
    out = []
    for row in range(skip, table.rows):
        cells = sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)
        if not cells:
            continue
        html = "".join(_cell(table, c) for c in cells)
        if marker:
            close = html.index(">") + 1  # just inside the first cell
            html, marker = html[:close] + marker + html[close:], ""
        out.append(f'<tr id="{row_id(block, row)}">{html}</tr>')
    return f'<tbody id="{block.id}">{"".join(out)}</tbody>'


def figure_markup(block: Block, image_src: ImageSource) -> str:
    figure = block.figure
    assert figure is not None
    alt = figure.alt or figure.caption or figure_announcement(figure)
    src = image_src(block)
    image = f'<img src="{escape(src)}" alt="{escape(alt)}"/>' if src else f'<p role="img">{escape(alt)}</p>'
    caption = f"<figcaption>{inline(block.text)}</figcaption>" if block.text else ""
    return f'<figure id="{block.id}">{image}{caption}</figure>'


def block_markup(block: Block, image_src: ImageSource, *, epub: bool = False, sentence_ids: bool = False) -> str:
    if block.kind is BlockKind.PAGE:
        kind = ' epub:type="pagebreak"' if epub else ""
        return f'<span id="{block.id}" role="doc-pagebreak"{kind} aria-label="{escape(block.label)}"></span>'
    if block.kind is BlockKind.HEADING:
        return f'<h{block.level} id="{block.id}">{paragraph_content(block, sentence_ids)}</h{block.level}>'
    if block.kind is BlockKind.TABLE:
        return table_markup(block)
    if block.kind is BlockKind.FIGURE:
        return figure_markup(block, image_src)
    if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
        return f'<li id="{block.id}">{paragraph_content(block, sentence_ids)}</li>'
    return f'<p id="{block.id}">{paragraph_content(block, sentence_ids)}</p>'


def wrap_lists(parts: list[tuple[BlockKind, str]]) -> list[str]:
    """Markup with each run of list items of one kind wrapped in <ul> or <ol>, so a
    screen reader says "list, 3 items" (the markers stay as text; CSS hides the bullets)."""
    out: list[str] = []
    current: BlockKind | None = None
    for kind, html in parts:
        is_item = kind in (BlockKind.BULLET, BlockKind.NUMBERED)
        if current is not None and kind is not current:
            out[-1] += "</ul>" if current is BlockKind.BULLET else "</ol>"
            current = None
        if is_item and current is None:
            html = ('<ul class="marked">' if kind is BlockKind.BULLET else '<ol class="marked">') + html
            current = kind
        out.append(html)
    if current is not None:
        out[-1] += "</ul>" if current is BlockKind.BULLET else "</ol>"
    return out


@dataclass
class Body:
    """The markup of a run of blocks, and the ids the joins left out: each maps to the
    element that now stands for it (media overlay clips are pointed there)."""

    parts: list[str]
    aliases: dict[str, str]


def body_markup(
    blocks: Iterable[Block], image_src: ImageSource, *, epub: bool = False, sentence_ids: bool = False
) -> Body:
    """Markup of the blocks, lists wrapped, and what a page break cut joined again, as a
    screen reader should meet it: a table's parts over page breaks become one table (the
    page-break marker goes into the first cell of the page's first row, a header printed
    again on the new page is left out); a paragraph's two parts become one paragraph with
    the marker where the page turns."""
    parts: list[tuple[BlockKind, str]] = []
    aliases: dict[str, str] = {}
    marker = ""
    last: tuple[int, Block] | None = None  # the content block just written: its index in parts, its block
    for block in blocks:
        if block.kind is BlockKind.PAGE:
            if marker:  # the page before had nothing on it
                parts.append((BlockKind.PAGE, marker))
                last = None
            marker = block_markup(block, image_src, epub=epub)
            continue
        if last is not None and carries_on(last[1], block):
            index, before = last
            assert before.table is not None and block.table is not None
            skip = repeated_header_rows(before.table, block.table)
            aliases |= {row_id(block, row): block.id for row in range(skip)}
            html = parts[index][1].removesuffix("</table>") + continuation(block, skip, marker) + "</table>"
            parts[index] = (BlockKind.TABLE, html)
            marker, last = "", (index, block)
            continue
        if last is not None and runs_on(last[1], block):
            index, before = last
            kind, html = parts[index]  # a list item, if the part before was one
            close = "</p>" if kind is BlockKind.PARAGRAPH else "</li>"
            rest = joint(before.text, block.text) + marker + paragraph_content(block, sentence_ids)
            parts[index] = (kind, html.removesuffix(close) + rest + close)
            aliases[block.id] = before.id
            marker, last = "", (index, block)
            continue
        if marker:
            parts.append((BlockKind.PAGE, marker))
            marker = ""
        parts.append((block.kind, block_markup(block, image_src, epub=epub, sentence_ids=sentence_ids)))
        last = (len(parts) - 1, block)
    if marker:
        parts.append((BlockKind.PAGE, marker))
    return Body(wrap_lists(parts), aliases)


STYLE = """body { font-family: "Sarabun", "TH Sarabun New", "Noto Sans Thai", sans-serif; line-height: 1.6; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #444; padding: 0.2em 0.5em; vertical-align: top; }
th { background: #eee; text-align: left; }
figure { margin: 1em 0; }
figure img { max-width: 100%; }
ul.marked, ol.marked { list-style: none; padding-left: 1.5em; }
.-epub-media-overlay-active { background: #ff0; }
"""
