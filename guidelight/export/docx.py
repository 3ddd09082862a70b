"""Word (.docx) through python-docx: what NVDA and JAWS users navigate in Word.

Headings use Word's own "Heading N" styles (the navigation pane and the screen reader's
heading keys find them); tables mark their header rows to repeat (``w:tblHeader``, read
by screen readers as column headers); figures carry alternative text (``wp:docPr/@descr``);
list items are Word list paragraphs (``w:numPr``) whose numbering prints nothing, since
each item keeps the page's own marker as its text; every page starts with a bookmark
``page_N``; every run is tagged th-TH or en-US; Thai is set in a Thai complex-script font
(``w:cs``), which Word uses for Thai whatever the Latin font is.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.numbering import CT_Num
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from guidelight.core.model import Document, Lang, Table, joint
from guidelight.core.tables import figure_announcement
from guidelight.export.structure import (
    Block,
    BlockKind,
    ImageBytes,
    Progress,
    document_blocks,
    joins,
    repeated_header_rows,
    runs,
    runs_on,
)

THAI_FONT = "TH Sarabun New"  # the Thai government standard font, on every Thai campus PC
BODY_SIZE = Pt(16)  # TH Sarabun New is small: 16 pt reads like 12 pt of a Latin font
MAX_IMAGE_WIDTH = Pt(450)
LANG_TAGS = {Lang.THAI: "th-TH", Lang.ENGLISH: "en-US"}
LIST_INDENT = 567  # twips (1 cm): where a list item's wrapped lines start
LIST_KINDS = (BlockKind.BULLET, BlockKind.NUMBERED)


def _element(tag: str, **attrs: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _thai_style(style: object, size: Pt | None = None) -> None:
    """A style whose Thai runs use the Thai font (complex script) and are tagged th-TH."""
    font = style.font  # type: ignore[attr-defined]
    font.name = THAI_FONT
    if size is not None:
        font.size = size
    rpr = style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)  # theme fonts would override the Thai font
    fonts.set(qn("w:cs"), THAI_FONT)
    if font.size is not None and rpr.find(qn("w:szCs")) is None:
        rpr.find(qn("w:sz")).addnext(_element("w:szCs", val=str(int(font.size.pt * 2))))
    if rpr.find(qn("w:lang")) is None:
        rpr.append(_element("w:lang", val="th-TH", bidi="th-TH"))


def _add_runs(paragraph: WordParagraph, text: str, bold: bool = False) -> None:
    for part, lang in runs(text):
        run = paragraph.add_run(part)
        if bold:
            run.bold = True
        tag = LANG_TAGS.get(lang, "th-TH")
        run._r.get_or_add_rPr().append(_element("w:lang", val=tag, bidi="th-TH"))


class _Lists:
    """Word list numbering for the items a page marks itself ("• ", "1. ", "ก) ").

    Word and screen readers count a run of numbered paragraphs as one list ("list with 3
    items"), so each run gets its own ``w:num`` starting again at 1. Its level prints no
    number and no bullet (empty ``lvlText``, no tab after it): the marker is already the
    paragraph's first characters, kept so the text stays the page's. The format (bullet
    or decimal) still tells Word what kind of list it is; a hanging indent lines wrapped
    lines up after the marker.
    """

    def __init__(self, word: WordDocument) -> None:
        self.numbering = word.part.numbering_part.element
        self.abstract = {BlockKind.BULLET: self._define("bullet"), BlockKind.NUMBERED: self._define("decimal")}
        self.current: tuple[BlockKind, int] | None = None  # the list being written: its kind, its numId
        # Counted here: python-docx's add_num looks for a free numId among all the lists each time.
        self.next_id = max((int(n) for n in self.numbering.xpath("./w:num/@w:numId")), default=0) + 1

    def _define(self, fmt: str) -> int:
        existing = [int(n) for n in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        number = max(existing, default=-1) + 1
        definition = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
            '<w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{LIST_INDENT}" w:hanging="{LIST_INDENT}"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        definitions = self.numbering.xpath("./w:abstractNum")
        if definitions:  # every abstractNum comes before the first num
            definitions[-1].addnext(definition)
        else:
            self.numbering.insert(0, definition)
        return number

    def add(self, paragraph: WordParagraph, kind: BlockKind) -> None:
        """Make ``paragraph`` an item of the current list, or of a new one if it is the first."""
        if self.current is None or self.current[0] is not kind:
            num = self.numbering._insert_num(CT_Num.new(self.next_id, self.abstract[kind]))
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            self.current = (kind, self.next_id)
            self.next_id += 1
        numbers = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbers.get_or_add_ilvl().val = 0
        numbers.get_or_add_numId().val = self.current[1]

    def end(self) -> None:
        self.current = None


class _Bookmarks:
    def __init__(self) -> None:
        self.next_id = 0

    def add(self, paragraph: WordParagraph, name: str) -> None:
        """A bookmark at the start of ``paragraph``: where Word's Go To and links land."""
        start, end = self._pair(name)
        ppr = paragraph._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        start.addnext(end)

    def add_at_end(self, paragraph: WordParagraph, name: str) -> None:
        """A bookmark after what ``paragraph`` holds so far: a page that starts inside it."""
        start, end = self._pair(name)
        paragraph._p.append(start)
        paragraph._p.append(end)

    def _pair(self, name: str) -> tuple[BaseOxmlElement, BaseOxmlElement]:
        start = _element("w:bookmarkStart", id=str(self.next_id), name=name)
        end = _element("w:bookmarkEnd", id=str(self.next_id))
        self.next_id += 1
        return start, end


def _fill(out: WordTable, table: Table, first_row: int, skip: int) -> None:
    """Write ``table``'s cells into ``out`` from grid row ``first_row``, leaving out its
    first ``skip`` rows (a header printed again where the table went on to a new page)."""
    for cell in table.cells:
        if cell.row < skip:
            continue
        row = first_row + cell.row - skip
        target = out.cell(row, cell.col)
        if cell.row_span > 1 or cell.col_span > 1:
            target = target.merge(out.cell(row + cell.row_span - 1, cell.col + cell.col_span - 1))
        _add_runs(target.paragraphs[0], cell.text, bold=cell.header)


def _table(word: WordDocument, block: Block) -> WordTable:
    table = block.table
    assert table is not None
    out = word.add_table(rows=table.rows, cols=table.cols)
    out.style = "Table Grid"
    _fill(out, table, 0, 0)
    for row in range(table.header_rows):
        out.rows[row]._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    return out


def _continue_table(out: WordTable, before: Table, block: Block) -> int:
    """Append the next page's part of a table to the Word table it continues: Word repeats
    the header row on each page itself, and the screen reader keeps announcing the column
    headers for every row. Returns the Word row where the part starts."""
    table = block.table
    assert table is not None
    skip = repeated_header_rows(before, table)
    first_row = len(out.rows)
    for _ in range(table.rows - skip):
        out.add_row()
    _fill(out, table, first_row, skip)
    return first_row


def _figure(word: WordDocument, block: Block, png: bytes | None) -> None:
    figure = block.figure
    assert figure is not None
    if png:
        run = word.add_paragraph().add_run()
        width = min(Pt(figure.bbox[2] - figure.bbox[0]), MAX_IMAGE_WIDTH)
        shape = run.add_picture(io.BytesIO(png), width=width)
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", figure.alt or figure.caption or figure_announcement(figure))
        doc_pr.set("title", figure.caption or "")
    if block.text:
        _add_runs(word.add_paragraph(style="Caption"), block.text)


def write_docx(doc: Document, out: Path, images: ImageBytes, progress: Progress | None = None) -> None:
    word = docx.Document()
    word.core_properties.title = doc.title
    word.core_properties.language = "th-TH"
    _thai_style(word.styles["Normal"], BODY_SIZE)
    for level in range(1, 7):
        _thai_style(word.styles[f"Heading {level}"])
    _thai_style(word.styles["Caption"])
    bookmarks = _Bookmarks()
    lists = _Lists(word)
    pending_page: str | None = None
    open_table: tuple[WordTable, Table] | None = None  # the last Word table, while nothing follows it
    open_paragraph: tuple[WordParagraph, Block] | None = None  # the last paragraph, while nothing follows it
    for block in document_blocks(doc, progress):
        if block.kind not in LIST_KINDS:
            lists.end()  # a page break ends a list too, as in HTML and EPUB (slides' lists are per slide)
        if block.kind is BlockKind.PAGE:
            pending_page = f"page_{block.page.number}"
            continue
        if open_paragraph is not None and runs_on(open_paragraph[1], block):
            paragraph, before = open_paragraph  # the page turns inside it: one paragraph
            if pending_page:
                bookmarks.add_at_end(paragraph, pending_page)
                pending_page = None
            _add_runs(paragraph, joint(before.text, block.text) + block.text)
            open_paragraph = (paragraph, block)
            continue
        open_paragraph = None
        table = block.table if block.kind is BlockKind.TABLE else None
        if table is not None and open_table is not None and joins(open_table[1], table):
            first_row = _continue_table(open_table[0], open_table[1], block)
            if pending_page:  # the page starts inside the table: mark its first row
                bookmarks.add(open_table[0].rows[first_row].cells[0].paragraphs[0], pending_page)
                pending_page = None
            open_table = (open_table[0], table)
            continue
        if pending_page and block.kind in (BlockKind.TABLE, BlockKind.FIGURE):
            bookmarks.add(word.add_paragraph(), pending_page)  # a bookmark needs a paragraph
            pending_page = None
        open_table = None
        if table is not None:
            open_table = (_table(word, block), table)
            continue
        if block.kind is BlockKind.FIGURE:
            _figure(word, block, images(block))
            continue
        style = {BlockKind.HEADING: f"Heading {block.level}", BlockKind.BULLET: "List Paragraph",
                 BlockKind.NUMBERED: "List Paragraph"}.get(block.kind)
        paragraph = word.add_paragraph(style=style)
        _add_runs(paragraph, block.text)
        open_paragraph = (paragraph, block)
        if block.kind in LIST_KINDS:
            lists.add(paragraph, block.kind)
        if pending_page:
            bookmarks.add(paragraph, pending_page)
            pending_page = None
    if pending_page:
        bookmarks.add(word.add_paragraph(), pending_page)
    word.save(str(out))
