"""A document walked as the blocks an export writes, in reading order.

Pages become page markers; paragraphs become headings, paragraphs, tables and figures.
A figure takes its caption paragraphs (and a volunteer's description written in its
place) with it, so the caption is written once, under the image.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from guidelight.core.model import Document, Figure, Lang, Page, Paragraph, ParagraphKind, Table
from guidelight.core.tables import page_parts
from guidelight.speech.script import split_runs

Progress = Callable[[int, int, str], None]
MAX_HEADING = 6  # h1..h6 in HTML and EPUB; Word has more, but one scale for all formats
# List items keep their marker as text (it is the page's text); the markup makes them a list.
_BULLET = re.compile(r"^[•●○▪■□◆◇►▸➢✓✔☐☑\-–*]\s")
_NUMBERED = re.compile(r"^(?:[\d๐-๙]{1,2}|[ก-ฮ]|[a-zA-Z])[.)]\s|^\([\d๐-๙]{1,2}\)\s")


class BlockKind(enum.StrEnum):
    PAGE = "page"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    FIGURE = "figure"
    BULLET = "bullet"  # a list item marked with a bullet ("• ...")
    NUMBERED = "numbered"  # a list item marked with a number or letter ("1. ...", "ก) ...")


@dataclass(frozen=True)
class Block:
    """One thing an export writes. ``paragraph`` is the model paragraph it comes from
    (None for page markers and figures); a figure's caption is its ``caption`` paragraphs."""

    kind: BlockKind
    page: Page
    id: str
    paragraph: Paragraph | None = None
    level: int = 0
    figure: Figure | None = None
    caption: tuple[Paragraph, ...] = ()

    @property
    def text(self) -> str:
        """The paragraph's text; for a figure, its caption."""
        paras = self.caption if self.kind is BlockKind.FIGURE else (self.paragraph,) if self.paragraph else ()
        return " ".join(self.page.text[p.start : p.end] for p in paras)

    @property
    def table(self) -> Table | None:
        return self.paragraph.table if self.paragraph is not None else None

    @property
    def label(self) -> str:
        """The page's printed number when it has one, else its place in the file."""
        return self.page.label or str(self.page.number)


ImageBytes = Callable[[Block], bytes | None]  # a figure's picture as PNG, None when there is none


def runs(text: str) -> list[tuple[str, Lang]]:
    """The text cut into runs of one language (Thai by default), for language tags."""
    return [(text[run.start : run.end], run.lang) for run in split_runs(text, Lang.THAI)]


def _body_kind(text: str) -> BlockKind:
    if _BULLET.match(text):
        return BlockKind.BULLET
    return BlockKind.NUMBERED if _NUMBERED.match(text) else BlockKind.PARAGRAPH


def page_blocks(page: Page) -> Iterator[Block]:
    """The blocks of one page: its marker, then its paragraphs with figures in place."""
    n = page.number
    yield Block(BlockKind.PAGE, page, f"page-{n}")
    for part in page_parts(page):
        index = part.index
        if part.figure is not None:
            caption = tuple(
                page.paragraphs[i] for i in part.taken if page.paragraphs[i].kind is ParagraphKind.FIGURE
            )
            yield Block(BlockKind.FIGURE, page, f"fig-{n}-{part.figure}", figure=page.figures[part.figure],
                        caption=caption)
            continue
        para = page.paragraphs[index]
        pid = f"p-{n}-{index}"
        if para.kind is ParagraphKind.TABLE and para.table is not None:
            yield Block(BlockKind.TABLE, page, pid, para)
        elif para.is_heading:
            yield Block(BlockKind.HEADING, page, pid, para, level=min(MAX_HEADING, max(1, para.level)))
        else:
            yield Block(_body_kind(page.text[para.start : para.end]), page, pid, para)


def document_blocks(doc: Document, progress: Progress | None = None) -> Iterator[Block]:
    """Every block of the document, page by page, reporting progress as pages are made."""
    for page in doc.pages():
        if progress is not None:
            progress(page.number, doc.page_count, f"page {page.number} of {doc.page_count}")
        yield from page_blocks(page)


def joins(before: Table, after: Table) -> bool:
    """Is ``after`` the next page's part of ``before``, with rows of its own to add?"""
    return (
        before.continues
        and after.continued
        and before.cols == after.cols
        and repeated_header_rows(before, after) < after.rows
    )


def carries_on(before: Block | None, block: Block) -> bool:
    """Does ``block`` carry on the table ``before`` (the last block written, page markers
    aside), so that an export writes the two as one table?"""
    return (
        before is not None
        and before.table is not None
        and block.table is not None
        and before.kind is BlockKind.TABLE
        and block.kind is BlockKind.TABLE
        and joins(before.table, block.table)
    )


PARAGRAPH_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.NUMBERED)


def runs_on(before: Block | None, block: Block) -> bool:
    """Is ``block`` the rest of the paragraph ``before`` (the last block written, page
    markers aside), cut by a page break, so that an export writes the two as one paragraph
    with the page break inside it? ``block`` must be the first block of its page."""
    return (
        before is not None
        and before.kind in PARAGRAPH_KINDS
        and block.kind is BlockKind.PARAGRAPH
        and before.page.continues
        and block.page.number == before.page.number + 1
    )


def repeated_header_rows(before: Table, after: Table) -> int:
    """How many first rows of ``after`` are ``before``'s header printed again on the new page."""
    def heads(table: Table) -> list[str]:
        return [c.text for c in sorted(table.cells, key=lambda c: (c.row, c.col)) if c.row < table.header_rows]

    return after.header_rows if after.header_rows and heads(after) == heads(before) else 0
