"""The document model: pages -> paragraphs -> sentences -> words, each with offsets.

Every unit carries character offsets into its page's reading text (``Page.text``) and
the number of its page, so a reader can move by any unit and always say where it is.
Offsets are per page rather than per document because pages are processed lazily: the
first page must be readable before the last one has been looked at.

This module is pure data (standard library only); extraction fills it in, the speech
pipeline, the library and the UI read it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


class Lang(enum.StrEnum):
    """Language of a run of text, so speech can pick a voice and exports can tag it."""

    THAI = "th"
    ENGLISH = "en"
    OTHER = "und"


class ParagraphKind(enum.StrEnum):
    """What a paragraph is, which decides how it is announced and navigated."""

    BODY = "body"
    HEADING = "heading"
    TABLE = "table"  # the paragraph's text is its cells, one per line; ``Paragraph.table`` has the grid
    FIGURE = "figure"  # a figure's caption ("รูปที่ 3 ..."); the figure itself is in ``Page.figures``


class TextSource(enum.StrEnum):
    """Where a page's text came from; a listener cannot see this, so the app says it."""

    TEXT_LAYER = "text"
    REPAIRED = "repaired"
    OCR = "ocr"
    NONE = "none"
    UNREADABLE = "unreadable"  # the page could not be made (damage, a budget exceeded): its text says why


@dataclass(frozen=True)
class Word:
    """A word (or a run of digits/punctuation) with its offsets in the page text."""

    start: int
    end: int
    lang: Lang


@dataclass(frozen=True)
class Sentence:
    """A sentence: the unit the speech pipeline speaks and the highlight follows."""

    start: int
    end: int
    words: tuple[Word, ...]


@dataclass(frozen=True)
class PageTurn:
    """Where a sentence read whole across a page break goes on: from ``at`` in the text
    spoken, it is page ``page``'s text from offset ``start``."""

    at: int
    page: int
    start: int


@dataclass(frozen=True)
class TableCell:
    """One cell of a table; a merged cell is one cell spanning several rows or columns.

    ``start``/``end`` are offsets into the text of the table's own paragraph (not the
    page), so the table moves with its paragraph when corrections rebuild the page.
    """

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    header: bool = False
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Table:
    """A table as rows and cells, with its header rows and header columns known.

    ``continued`` is set on the part of a table that carries on from the previous page,
    ``continues`` on a part that goes on to the next: a listener is told, and an export
    can join the parts. A continued part printed without its header row keeps the
    column headers of the part before in ``borrowed_headers`` (they are not its text).
    """

    rows: int
    cols: int
    cells: tuple[TableCell, ...]
    header_rows: int = 0
    header_cols: int = 0
    continued: bool = False
    continues: bool = False
    borrowed_headers: tuple[str, ...] = ()

    def cell_at(self, row: int, col: int) -> TableCell | None:
        """The cell covering grid position (row, col), merged cells included."""
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.row_span and cell.col <= col < cell.col + cell.col_span:
                return cell
        return None

    def column_header(self, col: int) -> str:
        """The header text over column ``col``: the header rows' cells joined, outer first."""
        if not self.header_rows:
            return self.borrowed_headers[col] if col < len(self.borrowed_headers) else ""
        parts: list[str] = []
        for row in range(self.header_rows):
            cell = self.cell_at(row, col)
            if cell is not None and cell.text and cell.text not in parts:
                parts.append(cell.text)
        return " ".join(parts)

    def row_header(self, row: int) -> str:
        """The header text of row ``row`` (its header columns' cells joined)."""
        parts: list[str] = []
        for col in range(self.header_cols):
            cell = self.cell_at(row, col)
            if cell is not None and cell.text and cell.text not in parts:
                parts.append(cell.text)
        return " ".join(parts)


@dataclass(frozen=True)
class Figure:
    """An image that carries content, at its place in the reading order.

    ``before`` is the index of the paragraph it stands before in ``Page.paragraphs`` (the
    page's paragraph count for the end of the page); when the page has a caption for it,
    that paragraph is the caption (kind ``FIGURE``). ``alt`` is a volunteer's description.
    ``read_by_ocr`` says the text in the picture, read by OCR, follows it (after its
    caption) as body paragraphs: a screenshot of code or of a chat.
    """

    bbox: tuple[float, float, float, float]
    caption: str = ""
    alt: str = ""
    before: int = 0
    read_by_ocr: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A heading or body paragraph of one page.

    ``level`` is the heading level (1 is the top) and 0 for body text. ``bbox`` is the
    paragraph's rectangle on the page in PDF points, for highlighting and figures.
    """

    start: int
    end: int
    kind: ParagraphKind
    level: int
    sentences: tuple[Sentence, ...]
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    table: Table | None = None  # set for kind TABLE

    @property
    def is_heading(self) -> bool:
        return self.kind is ParagraphKind.HEADING


# Noise per 1,000 Thai characters above which a page's text is doubtful: `guidelight check`
# flags the page and the app tells the listener, who cannot see that the text is wrong.
DOUBTFUL_NOISE_PER_K = 3.0
# Repairs after which a page is flagged though its text is clean: text printed several times
# over was kept once, a vowel printed over another was left out, glyphs nothing identified
# were chosen by the words around them with nothing to tell the candidates apart, glyphs
# nothing could identify were left out or read from the page's image by OCR, text drawn as
# outlines could not be read (no OCR), a page's text only in pictures could not be read, text
# in pictures on a text page was read by OCR, or the page's Thai is largely not words.
NOTICED_REPAIRS = (
    "garbled_text", "doubled_text", "stacked_vowel", "glyph_unsure", "unreadable_glyph", "ocr_glyph",
    "unread_outlines", "unread_pictures", "picture_ocr", "unknown_words", "recognised_text",
)


@dataclass(frozen=True)
class PageQuality:
    """How trustworthy a page's final text is, counted on that text itself.

    ``noise`` counts what a listener would hear as garbage (private-use code points,
    orphan marks, broken sara am, Latin junk glued into Thai); ``noise_per_k`` is per
    1,000 Thai characters. ``repairs`` names each repair rule applied and how often.
    """

    thai_chars: int = 0
    noise: int = 0
    repairs: tuple[tuple[str, int], ...] = ()

    @property
    def noise_per_k(self) -> float:
        return 1000.0 * self.noise / max(1, self.thai_chars)

    @property
    def notices(self) -> tuple[str, ...]:
        """Repairs that changed more than characters, which the listener is told of
        (``NOTICED_REPAIRS``), in a fixed order."""
        done = {name for name, count in self.repairs if count}
        return tuple(name for name in NOTICED_REPAIRS if name in done)

    @property
    def doubtful(self) -> bool:
        """Noise left, or a repair the listener should know of: `check` flags the page and
        the app says so on entering it."""
        return self.noise_per_k > DOUBTFUL_NOISE_PER_K or bool(self.notices)


@dataclass(frozen=True)
class Page:
    """One page's reading text and its structure.

    ``number`` is 1-based, as a student says it. ``furniture`` keeps running headers,
    footers and page numbers out of the reading text but still known (a page label can
    be announced on request). ``text`` is the paragraphs joined by blank lines.
    ``figures`` are the page's images that carry content, each placed in reading order.
    ``dropped`` is text of the page's text layer left out of the reading although it is
    not furniture (printed outside the page, written vertically): a listener cannot see
    it was there, so ``guidelight check`` and the app say so. ``continues`` says the
    page's last paragraph goes on at the top of the next page (a sentence cut by the
    page break): read on, it is one paragraph.
    """

    number: int
    text: str
    paragraphs: tuple[Paragraph, ...]
    furniture: tuple[str, ...] = ()
    source: TextSource = TextSource.TEXT_LAYER
    quality: PageQuality = field(default_factory=PageQuality)
    label: str = ""
    figures: tuple[Figure, ...] = ()
    dropped: tuple[str, ...] = ()
    continues: bool = False

    @property
    def sentences(self) -> Iterator[Sentence]:
        for para in self.paragraphs:
            yield from para.sentences

    @property
    def words(self) -> Iterator[Word]:
        for sentence in self.sentences:
            yield from sentence.words

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(frozen=True)
class OutlineEntry:
    """An entry of the PDF's own table of contents (bookmarks)."""

    level: int
    title: str
    page: int


@dataclass(frozen=True)
class Position:
    """A place in a document: 1-based page number and character offset in its text."""

    page: int
    offset: int


PageLoader = Callable[[int], Page]


class Document:
    """A processed document whose pages are produced on demand and then kept.

    The loader turns a 1-based page number into a ``Page``; extraction supplies it, and
    a cache or a background worker may fill pages in ahead of the reader through
    ``put_page``. Nothing here knows about PDF or threads.
    """

    def __init__(
        self,
        *,
        title: str,
        page_count: int,
        content_hash: str,
        loader: PageLoader,
        outline: tuple[OutlineEntry, ...] = (),
        source_path: str = "",
    ) -> None:
        self.title = title
        self.page_count = page_count
        self.content_hash = content_hash
        self.outline = outline
        self.source_path = source_path
        self._loader = loader
        self._pages: dict[int, Page] = {}

    def page(self, number: int) -> Page:
        """The page with this 1-based number, processing it now if it is not ready."""
        if not 1 <= number <= self.page_count:
            raise IndexError(f"page {number} is outside 1..{self.page_count}")
        page = self._pages.get(number)
        if page is None:
            page = self._loader(number)
            self._pages[number] = page
        return page

    def put_page(self, page: Page) -> None:
        """Store a page processed elsewhere (a cache hit or a background worker)."""
        self._pages.setdefault(page.number, page)

    def is_ready(self, number: int) -> bool:
        return number in self._pages

    def pages(self) -> Iterator[Page]:
        for number in range(1, self.page_count + 1):
            yield self.page(number)

    def reading_text(self) -> str:
        """The whole reading text: every page's paragraphs, separated by blank lines; a
        paragraph cut by a page break is joined again (Thai to Thai without a space)."""
        text = ""
        cut = False
        for page in self.pages():
            if not page.text:
                continue
            first = page.paragraphs[0] if page.paragraphs else None
            if cut and text and first is not None and first.kind is ParagraphKind.BODY:
                text += joint(text, page.text) + page.text
            else:
                text += ("\n\n" if text else "") + page.text
            cut = page.continues
        return text


def joint(before: str, after: str) -> str:
    """What goes between the two parts of a paragraph cut by a page break: nothing
    between Thai and Thai (a Thai word may be cut there), else a space."""
    return "" if before and after and _is_thai(before.rstrip()[-1:]) and _is_thai(after.lstrip()[:1]) else " "


def _is_thai(char: str) -> bool:
    return bool(char) and "\u0e00" <= char <= "\u0e7f"
