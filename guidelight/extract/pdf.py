"""Open a PDF as a ``Document`` whose pages are extracted, repaired and segmented on demand.

This is the only module that opens PDFs. Opening checks what can be checked at once
(is it a PDF, is it encrypted, does it have pages); each page is then processed when it
is first asked for, so the first page of a 500-page book is ready as fast as the first
page of a leaflet. Processed pages are cached by the file's content hash.
"""

from __future__ import annotations

import functools
import logging
import re
import stat
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import pymupdf

from guidelight.core.errors import DocumentError, NoTextLayer, PasswordRequired
from guidelight.core.hashing import file_hash
from guidelight.core.model import Document, Figure, OutlineEntry, Page, Paragraph, ParagraphKind, TextSource
from guidelight.core.titles import document_title
from guidelight.extract import cache
from guidelight.extract.actual_text import (
    PicturedText,
    forget_empty_actual_text,
    forget_unsound_tagged_text,
    holds_actual_text,
)
from guidelight.extract.blocks import Block, place_blocks
from guidelight.extract.budget import PageGivenUp, StreamBudget, check_render, page_deadline
from guidelight.extract.drawn_blanks import dotted_blanks
from guidelight.extract.figures import FigureDraft, caption_figures, find_figures
from guidelight.extract.glyphs import GlyphResolver
from guidelight.extract.layout import (
    RUNNING_SHARE,
    Box,
    ParagraphDraft,
    Recurrence,
    counting_keys,
    furniture_key,
    in_margin,
    number_place_key,
    outline_key,
    own_number_key,
    page_number_like,
    panel_number,
    printed_page_number,
    reading_order,
    runs_on,
    set_drop_caps,
    split_furniture,
)
from guidelight.extract.lines import Line, PageReader, text_rect, unicode_safe
from guidelight.extract.links import linked_lines
from guidelight.extract.ocr import ocr_available, ocr_page, read_unread
from guidelight.extract.outlined_text import outlined_lines
from guidelight.extract.pictured import read_pictures, with_picture_text
from guidelight.extract.tables import LineReader, TableDraft, TableFinder, by_panel
from guidelight.extract.text_boxes import text_boxes
from guidelight.extract.to_unicode import ToUnicodeCorrector
from guidelight.extract.upright import set_upright
from guidelight.thai.fit import mostly_words, unknown_chars
from guidelight.thai.quality import garbled, measure
from guidelight.thai.repair import repair_text
from guidelight.thai.segment import segment_paragraph

pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's own warnings are not for the student
pymupdf.TOOLS.mupdf_display_warnings(False)

PARAGRAPH_SEPARATOR = "\n\n"
# Noise per 1,000 Thai characters above which a scanned page's text layer is not trusted;
# repaired text layers measure below 3 on every real document tried.
GARBAGE_NOISE_PER_K = 30.0
# A text layer page with this much Thai whose share outside dictionary words is above
# UNKNOWN_SHARE says its text may be damaged. Of 719 such pages in real-thai, real-thai-2
# and a third batch of unseen files, none is above 0.13; pages a font map broke in a way
# no repair knows (Quartz's cluster glyphs before they were read by name) are at 0.25.
UNKNOWN_JUDGED_THAI = 200
OCR_WORDS = 0.5  # share of an image's Thai, read by OCR, that may be outside words for it to replace the layer
UNKNOWN_SHARE = 0.2
_HEX_STRING = re.compile(r"<([0-9A-Fa-f\s]+)>")  # a PDF hex string, as PyMuPDF leaves it in a label
# A page whose text layer holds only furniture is read by OCR when its images cover this
# share of it (a screenshot of a result table); a logo alone on a blank page is not.
PICTURES_ONLY_SHARE = 0.1
_REPEATS = 2  # pages nearby drawing a page's picture again, in its place, that make it furniture
_SAME_BOX = 2.0  # points: a picture drawn again this close to where it was stands in the same place
_SAME_PLACE = 0.8  # share of the taller of two lines they must share to stand at one height
_OPENING = 300  # characters of a page's plain text a catchword from the page before is looked for in
PICTURED_THAI = 20  # Thai characters of such a reading below which its share in words is not judged

_log = logging.getLogger(__name__)


class _MarginLine(NamedTuple):
    """A line near a page's top or bottom edge, as a neighbouring page's furniture rules see it."""

    key: str  # ``furniture_key``, or a lone number's ``number_place_key``
    top: float
    bottom: float
    height: float  # of the page's text area
    number: bool  # a number alone: a page number, most likely


@dataclass
class _PdfContext:
    """What page processing shares across pages of one open document."""

    doc: pymupdf.Document
    resolver: GlyphResolver
    outline: tuple[OutlineEntry, ...]
    tables: TableFinder
    budget: StreamBudget
    lock: threading.Lock = field(default_factory=threading.Lock)
    pictured: dict[int, list[PicturedText]] = field(default_factory=dict)  # by page index: ``_PageCorrector``
    margin_lines: dict[int, list[_MarginLine]] = field(default_factory=dict)
    margin_keys: dict[tuple[int, float], set[str]] = field(default_factory=dict)  # from margin_lines, by band
    counted_keys: dict[int, set[str]] = field(default_factory=dict)  # ``counting_keys`` of a page's numbers
    pictures: dict[int, list[tuple[bytes, Box]]] = field(default_factory=dict)  # ``_pictures``, by page
    openings: dict[int, str] = field(default_factory=dict)  # ``starts_with``: a page's first text, spaces out
    # A page's lines read ahead (to see whether the page before runs on into it), kept
    # with their reader and its repairs until the page itself is made; or why that page
    # was given up, so it is not tried again at its own turn.
    read_ahead: dict[int, tuple[PageReader, list[Line]] | PageGivenUp] = field(default_factory=dict)

    def read(self, number: int) -> tuple[PageReader, list[Line]]:
        """Page ``number``'s reader and lines, read once (``PageGivenUp`` if that page was
        given up when read ahead)."""
        found = self.read_ahead.get(number)
        if found is None:
            page = self.page(number)  # corrected on the way: what its pictures say is known
            reader = PageReader(page, self.resolver, Counter(), read_unread, self.pictured.get(page.number, []))
            lines = dotted_blanks(page, linked_lines(page, reader.lines()))
            found = self.read_ahead[number] = (reader, set_drop_caps(lines))
        if isinstance(found, PageGivenUp):
            raise found
        return found

    def read_neighbour(self, number: int) -> tuple[PageReader, list[Line]]:
        """``read`` for a page other than the one being made: on that page's own time
        budget, not the asking page's, and if it is given up, that is remembered, so it is
        not tried again (for another 20 seconds) at its own turn."""
        if number not in self.read_ahead:
            try:
                with page_deadline():
                    self.read(number)
            except PageGivenUp as given_up:
                self.read_ahead[number] = given_up
        return self.read(number)

    def page(self, number: int) -> pymupdf.Page:
        """Page ``number`` (1-based), once the streams it draws from are known not to be
        bombs: the only way page content reaches MuPDF (``PageGivenUp`` otherwise)."""
        page = self.doc[number - 1]
        self.budget.check_page(page)
        return page

    def margins(self, number: int, share: float) -> set[str]:
        """Furniture keys of the lines in page ``number``'s top and bottom ``share`` (none
        when that page cannot be read: it is only a neighbour here)."""
        self._read_keys(number)
        if (number, share) not in self.margin_keys:
            self.margin_keys[number, share] = {
                line.key for line in self.margin_lines[number]
                if line.key and in_margin(line.top, line.bottom, line.height, share)
            }
        return self.margin_keys[number, share]

    def _read_keys(self, number: int) -> None:
        """Read page ``number``'s margin lines and its numbers' ``counting_keys``, once for
        every band asked of it, word by word (a tenth of the cost of its lines in full:
        this is asked of nearly every page whose page number sits in its first or last row)."""
        if number in self.margin_lines:
            return
        found: list[_MarginLine] = []
        counted: set[str] = set()
        try:
            page = self.page(number)
            height = text_rect(page).height
            lines: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
            for x0, y0, x1, y1, word, block, line, _ in page.get_text("words"):
                lines.setdefault((block, line), []).append((x0, y0, x1, y1, word))
            for words in lines.values():
                left, top = min(w[0] for w in words), min(w[1] for w in words)
                right, bottom = max(w[2] for w in words), max(w[3] for w in words)
                text = " ".join(w[4] for w in words)
                counted.update(counting_keys(left, top, right, bottom, text, number))
                if in_margin(top, bottom, height, RUNNING_SHARE):
                    # A number alone (digits, or a thesis's front matter "IV", "ข"):
                    # where it stands says if it is a page number.
                    alone = text.strip().isdigit() or page_number_like(text)
                    found.append(_MarginLine(furniture_key(text), top, bottom, height, alone))  # digit runs kept apart
                    if alone:
                        found.append(_MarginLine(number_place_key(top, bottom), top, bottom, height, True))
                        counted.add(own_number_key(text, number))
        except Exception:  # a damaged neighbour must not cost this page its furniture
            found, counted = [], set()
        self.margin_lines[number], self.counted_keys[number] = found, counted

    def counts_with_pages(self, number: int, line: Line) -> bool:
        """Does ``line`` of page ``number`` stand where a page within two of it has a number
        alone, that number as far from its page's own (a slide's number: ``counting_keys``)?"""
        return self._counted_nearby(number, counting_keys(line.x0, line.y0, line.x1, line.y1, line.text, number))

    def numbered_as_pages_nearby(self, number: int, line: Line) -> bool:
        """Is ``line`` of page ``number`` the number a page within two of it would give it,
        by the number that page has alone in its margins (``own_number_key``)?"""
        key = own_number_key(line.text, number)
        return self._counted_nearby(number, (key,) if key else ())

    def _counted_nearby(self, number: int, keys: tuple[str, ...]) -> bool:
        """Has a page within two of page ``number`` any of ``keys`` among its numbers' keys
        (``_read_keys``)? No keys: no."""
        if not keys:
            return False
        nearby = self._nearby(number)
        for n in nearby:
            self._read_keys(n)
        return any(key in self.counted_keys[n] for n in nearby for key in keys)

    def body_starts_at(self, number: int, line: Line) -> bool:
        """Does a page within two of page ``number`` hold, where ``line`` stands, a line
        that no page within two of it repeats: its body text, begun there? A lab manual
        sets "บันทึกผลการทดลอง" as the first line of the body, below the running head, on
        pages 12, 14, 15 and 18; it recurred, and was dropped from all but one as a
        second running head, while pages 11 and 16 began their body text in its place."""
        for n in self._nearby(number):
            self._read_keys(n)
            for other in self.margin_lines[n]:
                if not other.number and other.key and _same_place(other, line) and not self._repeated(n, other.key):
                    return True
        return False

    def _repeated(self, number: int, key: str) -> bool:
        """Is this margin key on a page within two of page ``number``?"""
        return any(key in self.margins(n, RUNNING_SHARE) for n in self._nearby(number))

    def repeated_picture(self, number: int, box: Box) -> bool:
        """Is the image at ``box`` on page ``number`` drawn, the same picture, at the same
        place on two pages within two? Then it is the pages' furniture, not a figure: a
        manual's letterhead banner, a deck's logo. Read as a picture of text, the banner's
        company address was heard on each of a manual's 20 pages. A screenshot shown
        again on one page nearby (an HMI manual's screen on its pages 5 and 7) is read."""
        own = {digest for digest, place in self._pictures(number) if _same_box(place, box)}
        again = [n for n in self._nearby(number)
                 if any(digest in own and _same_box(place, box) for digest, place in self._pictures(n))]
        return len(again) >= _REPEATS

    def _pictures(self, number: int) -> list[tuple[bytes, Box]]:
        """Page ``number``'s images, each by its content's digest and its box (none when
        that page cannot be read: it is only a neighbour here)."""
        if number not in self.pictures:
            try:
                page = self.page(number)
                places = [(info["digest"], pymupdf.Rect(info["bbox"]) & page.rect)
                          for info in page.get_image_info(hashes=True)]  # on the page, as figures are
                self.pictures[number] = [(digest, (r.x0, r.y0, r.x1, r.y1)) for digest, r in places]
            except Exception:  # a damaged neighbour must not cost this page its figures
                self.pictures[number] = []
        return self.pictures[number]

    def _nearby(self, number: int) -> list[int]:
        """The pages within two of page ``number``, not it."""
        return [n for n in range(number - 2, number + 3) if n != number and 1 <= n <= self.doc.page_count]

    def first_line(self, number: int) -> Line | None:
        """The first line of page ``number``'s reading text, furniture left out (None when
        that page cannot be read: nothing runs on into it; it is told when it is made)."""
        try:
            rect = text_rect(self.page(number))
            lines = self.read_neighbour(number)[1]
        except Exception:
            return None
        body, _, _ = self.split_furniture(number, lines, rect)
        ordered = reading_order(body, rect.width)
        return ordered[0] if ordered else None

    def split_furniture(
        self, number: int, lines: list[Line], rect: pymupdf.Rect, tables: Sequence[Box] = ()
    ) -> tuple[list[Line], list[Line], list[Line]]:
        """``layout.split_furniture`` for page ``number``, judged against the pages near it
        (a document of one page has none: only a page number is furniture there)."""
        alone = self.doc.page_count == 1
        return split_furniture(
            lines,
            rect.height,
            None if alone else lambda key, share: self.recurrence(number, key, share),
            tables,
            lambda line: self.counts_with_pages(number, line),
            lambda line: self.body_starts_at(number, line),
            slide=rect.width > rect.height,
            own_number=lambda line: self.numbered_as_pages_nearby(number, line),
            next_page_starts=lambda words: self.starts_with(number + 1, words),
        )

    def starts_with(self, number: int, words: str) -> bool:
        """Does page ``number`` begin with ``words`` (``_loose``ly), after its running head
        and page number at most? Read as plain text, once a page (False where it cannot be
        read, or there is no such page)."""
        if number not in self.openings:
            try:
                text = self.page(number).get_text("text")[:_OPENING] if number <= self.doc.page_count else ""
            except Exception:  # a damaged neighbour: no catchword points into it
                text = ""
            self.openings[number] = _loose(text)
        wanted = _loose(words)
        return bool(wanted) and wanted in self.openings[number]

    def recurrence(self, number: int, key: str, share: float) -> Recurrence:
        """Does this margin text recur in the same band (``share`` of the page) of a page within
        two of this one, and on an earlier one?"""
        if not key:
            return Recurrence.ALONE
        earlier = [n for n in (number - 2, number - 1) if n >= 1]
        if any(key in self.margins(n, share) for n in earlier):
            return Recurrence.AGAIN
        later = [n for n in (number + 1, number + 2) if n <= self.doc.page_count]
        return Recurrence.FIRST if any(key in self.margins(n, share) for n in later) else Recurrence.ALONE


def _loose(text: str) -> str:
    """``text`` without spaces, its sara am as sara aa: a page's plain text, not yet
    repaired, draws คำ as "ค า" where the line read from it says คำ."""
    return "".join(text.split()).replace("\u0e33", "\u0e32").replace("\u0e4d", "")


def _same_box(one: Box, other: Box) -> bool:
    return all(abs(a - b) <= _SAME_BOX for a, b in zip(one, other, strict=True))


def _same_place(other: _MarginLine, line: Line) -> bool:
    """Do the two lines stand at one height: each spanning most of the other's?"""
    overlap = min(other.bottom, line.y1) - max(other.top, line.y0)
    return overlap >= _SAME_PLACE * max(other.bottom - other.top, line.y1 - line.y0)


def _read_head(path: str) -> bytes:
    """The first bytes of the file, or a ``DocumentError`` that says why it cannot be read."""
    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise DocumentError(path, "is a folder, not a PDF file")
    if not stat.S_ISREG(mode):
        raise DocumentError(path, "is not a plain file (a device or a pipe), so it cannot be read as a PDF")
    try:
        with open(path, "rb") as fh:
            return fh.read(1024)
    except PermissionError:
        raise DocumentError(path, "cannot be read: you do not have permission to read this file") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read ({exc.strerror or exc})") from None


def mupdf_open(path: str) -> pymupdf.Document:
    """The PDF at ``path`` opened by MuPDF, which takes a file name as UTF-8. A name that is not
    (Thai in TIS-620 from an old zip file or CD, kept as bytes by Linux) is opened from the
    file's bytes instead: before, such a file was reported as damaged."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        with open(path, "rb") as fh:
            return pymupdf.open(stream=fh.read(), filetype="pdf")
    return pymupdf.open(path, filetype="pdf")


def _open_pdf(path: str, password: str | None) -> pymupdf.Document:
    if b"%PDF" not in _read_head(path):
        raise DocumentError(path, "not a PDF file")
    try:
        doc = mupdf_open(path)
        encrypted = doc.needs_pass
    except Exception as exc:
        raise DocumentError(path, f"the PDF is damaged and cannot be read ({_reason(exc)})") from None
    if encrypted:
        if password is None:
            raise PasswordRequired(path, "the PDF is encrypted; give its password (--password)")
        if not doc.authenticate(password):
            raise PasswordRequired(path, "wrong password for this encrypted PDF")
    try:
        pages = doc.page_count
    except Exception as exc:  # a page tree whose /Count MuPDF refuses
        raise DocumentError(path, f"the PDF is damaged and cannot be read ({_reason(exc)})") from None
    if pages == 0:
        raise DocumentError(path, "the PDF has no pages (it may be empty or truncated)")
    return doc


def _reason(exc: BaseException) -> str:
    """An exception's first line without MuPDF's error code ("code=7: cycle in page tree")."""
    text = re.sub(r"^code=\d+:\s*", "", str(exc).strip())
    return unicode_safe(text.splitlines()[0][:120]) if text else type(exc).__name__


def _outline(doc: pymupdf.Document) -> tuple[OutlineEntry, ...]:
    try:
        toc = doc.get_toc(simple=True)
    except Exception:
        return ()
    return tuple(OutlineEntry(level, unicode_safe(title.strip()), page) for level, title, page in toc if page >= 1)


def _metadata_title(doc: pymupdf.Document) -> str:
    try:
        return unicode_safe((doc.metadata or {}).get("title") or "")
    except Exception:  # a damaged /Info dictionary: the file name will do
        return ""


def _label(page: pymupdf.Page) -> str:
    """The page's label (/PageLabels), as the student is told it. PyMuPDF gives a label's
    prefix written as a hex string as it stands: a Beamer deck's pages were "<FEFF0034>"
    where hyperref wrote "4", and a Thai prefix PyMuPDF itself writes comes back as the
    hex of its UTF-8."""
    try:
        return unicode_safe(_HEX_STRING.sub(_decoded_hex, page.get_label()))
    except Exception:  # damaged /PageLabels: the printed number is still there
        return ""


def _decoded_hex(match: re.Match[str]) -> str:
    """A PDF hex string's text: UTF-16 after its byte-order mark, else UTF-8, else
    PDFDocEncoding (Latin-1 for the letters a label has)."""
    digits = re.sub(r"\s", "", match.group(1))
    data = bytes.fromhex(digits + "0" * (len(digits) % 2))
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _outline_titles(outline: tuple[OutlineEntry, ...], number: int) -> dict[str, int]:
    return {outline_key(e.title): e.level for e in outline if e.page == number}


def _text_paragraph(draft: ParagraphDraft, offset: int, repairs: Counter[str]) -> tuple[str, Paragraph] | None:
    text = repair_text(draft.text, repairs).strip()
    if not text:
        return None
    kind = ParagraphKind.HEADING if draft.heading_level else ParagraphKind.BODY
    sentences = segment_paragraph(text, offset)
    return text, Paragraph(offset, offset + len(text), kind, draft.heading_level, sentences, draft.bbox)


def build_page(number: int, drafts: Sequence[Block], furniture: tuple[str, ...],
               source: TextSource, repairs: Counter[str]) -> Page:
    """Repair and segment paragraph, table and figure drafts into a page with offsets into its
    text. The ``furniture`` is repaired as the text is, though not heard on its page: a
    running head may be said as the document's title (``titles.running_head``), and
    ``check`` shows it ("แบบกรอกคําตอบ" had kept its nikhahit and sara aa)."""
    texts: list[str] = []
    paras: list[Paragraph] = []
    figures: list[Figure] = []
    for draft in drafts:
        if isinstance(draft, FigureDraft):
            figures.append(Figure(draft.bbox, before=len(paras), read_by_ocr=draft.read))
            continue
        offset = paras[-1].end + len(PARAGRAPH_SEPARATOR) if paras else 0
        if isinstance(draft, TableDraft):
            made = draft.paragraph(offset, repairs)
        else:
            made = _text_paragraph(draft, offset, repairs)
        if made is not None:
            texts.append(made[0])
            paras.append(made[1])
    page_text = PARAGRAPH_SEPARATOR.join(texts)
    placed, captioned = caption_figures(figures, paras, page_text)
    if source is TextSource.TEXT_LAYER and repairs:
        source = TextSource.REPAIRED
    heads = tuple(repair_text(text) for text in furniture)
    return Page(number, page_text, tuple(captioned), heads, source, measure(page_text, repairs), figures=tuple(placed))


def _ocr_page(page: pymupdf.Page, number: int, repairs: Counter[str] | None = None) -> Page:
    """A page with no usable text layer, read from its image when OCR can run; else left
    empty and marked so the app can tell the student (and say what to install).

    ``repairs`` are what reading its text layer found: glyphs drawn but unreadable (a
    Ghostscript file without ToUnicode) make even an imageless page worth reading by OCR,
    and stay on the page's record, so it says why it was read that way. So do lines of
    letters drawn as outlines: a lab report printed to PDF with its text as curves had six
    of its eleven pages, all code, silent and not said to be. Where OCR cannot run, they
    are said to be left out (``unread_outlines``)."""
    repairs = repairs if repairs is not None else Counter()
    drawn = repairs["unreadable_glyph"] > 0 or repairs["garbled_text"] > 0 or bool(page.get_images(full=False))
    if not drawn:
        outlined = sum(row.shapes for row in outlined_lines(page, []))
        drawn = outlined > 0
        if drawn and ocr_available() is not None:
            repairs["unread_outlines"] += outlined
    if not drawn or ocr_available() is not None:
        return build_page(number, [], (), TextSource.NONE, repairs)
    check_render(page)  # a page drawing its scan hundreds of times is given up, not rendered
    result = ocr_page(page)  # it lowers the resolution itself for oversized pages
    drafts = [ParagraphDraft(b.text, 1 if b.kind == "heading" else 0, b.bbox) for b in result.blocks
              if b.kind != "furniture"]
    furniture = tuple(b.text for b in result.blocks if b.kind == "furniture")
    return build_page(number, drafts, furniture, TextSource.OCR, repairs)


def _image_shares(page: pymupdf.Page) -> list[float]:
    """Share of the page each of its images covers."""
    area = abs(page.rect) or 1.0
    return [abs(pymupdf.Rect(info["bbox"]) & page.rect) / area for info in page.get_image_info()]


def _image_coverage(page: pymupdf.Page) -> float:
    """Share of the page covered by its largest image: near 1 for a scanned page."""
    return max(_image_shares(page), default=0.0)


def _pictures_share(page: pymupdf.Page) -> float:
    """Share of the page its images cover, added up (overlaps counted twice: a measure, not a map)."""
    return sum(_image_shares(page))


def _garbage_over_scan(page: pymupdf.Page, built: Page) -> bool:
    """A scanned page whose text layer is noise or has almost no Thai: typically the
    Latin garbage an OCR engine without Thai left over the image."""
    letters = sum(ch.isalpha() for ch in built.text)
    if not letters:
        return False
    doubtful = built.quality.noise_per_k > GARBAGE_NOISE_PER_K or built.quality.thai_chars < 0.2 * letters
    return doubtful and _image_coverage(page) >= 0.5


def _runs_on(ctx: _PdfContext, number: int, drafts: Sequence[Block]) -> bool:
    """Does the page's last paragraph go on at the top of the next page?"""
    last = drafts[-1] if drafts else None
    if not isinstance(last, ParagraphDraft) or last.tail is None or number >= ctx.doc.page_count:
        return False
    following = ctx.first_line(number + 1)
    return following is not None and runs_on(last, following)


def _process_page(ctx: _PdfContext, number: int) -> Page:
    page = ctx.page(number)
    try:
        reader, lines = ctx.read(number)
    finally:
        ctx.read_ahead.pop(number, None)
    repairs = reader.repairs
    if not lines or _mostly_unreadable(lines, reader):
        ctx.tables.no_tables(number)
        return _ocr_page(page, number, repairs)
    tables, panels, lines = ctx.tables.find(page, number, lines)
    rect = text_rect(page)
    table_boxes = [table.bbox for table in tables]
    outside, *framed = by_panel(lines, panels)
    body, furniture, guessed = ctx.split_furniture(number, outside, rect, table_boxes)
    furniture_texts = [ln.text for ln in furniture]  # the page's own: its number is the label
    for own in framed:  # a panel's title is no running head, though the next panel repeats it
        numbers = panel_number(own)
        body += [ln for ln in own if all(ln is not n for n in numbers)]
        furniture += numbers
    if not body and not tables and _pictures_share(page) >= PICTURES_ONLY_SHARE:
        # Only furniture in the text layer, and pictures: a statistics text's result panels
        # pasted as screenshots (SPSS, Minitab) made pages silent that said nothing of it.
        # Read by OCR, kept where it reads as text; else the page says it was not read.
        read = _ocr_page(page, number, Counter(repairs))
        few_thai = read.quality.thai_chars < PICTURED_THAI  # a μ read as น says nothing of the rest
        readable = read.text.strip() and not read.quality.doubtful and (few_thai or mostly_words(read.text, OCR_WORDS))
        if read.source is TextSource.OCR and readable:
            return replace(read, label=_label(page) or printed_page_number(furniture_texts))
        repairs["unread_pictures"] += 1
    figures = [figure for figure in find_figures(page, table_boxes) if not ctx.repeated_picture(number, figure.bbox)]
    drafts = place_blocks(body, tables, figures, rect.width, _outline_titles(ctx.outline, number), furniture, panels,
                          text_boxes(page, body))
    pictured = read_pictures(page, figures, body)
    if pictured:
        drafts = with_picture_text(drafts, pictured)
        repairs["picture_ocr"] += len(pictured)
    continues = not panels and _runs_on(ctx, number, drafts)  # a slide ends in its frame
    built = build_page(number, drafts, tuple(ln.text for ln in furniture), TextSource.TEXT_LAYER, repairs)
    built = replace(built, label=_label(page) or printed_page_number(furniture_texts),
                    dropped=tuple(reader.dropped) + tuple(ln.text for ln in guessed), continues=continues)
    if garbled(built.text):
        # A font encoding broken on the way (Ghostscript re-writing a Word file): the words
        # are only in the drawing. Read by OCR, or left out and said, never read as noise.
        # What the layer's reading repaired is moot: the page's record says only this.
        return _ocr_page(page, number, Counter(garbled_text=built.quality.thai_chars))
    if _garbage_over_scan(page, built):
        # Read the image instead, and keep it only if it really holds the Thai the layer
        # lacks, in words: a lab sheet's circuit diagram under its title "Synchronous Down
        # Counter" was read now as that title, now (the machine loaded) as 60 letters of
        # "ร สรสรไฮไส วุ ไ โ วุ วิศ", which then replaced it.
        read = _ocr_page(page, number)
        if read.quality.thai_chars > max(20, 2 * built.quality.thai_chars) and mostly_words(read.text, OCR_WORDS):
            return read
    return _told_if_not_words(built)


def _told_if_not_words(built: Page) -> Page:
    """The page, its quality counting ``unknown_words`` when its Thai is largely not
    dictionary words: the mark of a font map broken in a way no repair knows, which the
    noise count cannot see (the letters are Thai, just the wrong ones). `check` flags
    such a page and the app tells the listener its words may be wrong."""
    if built.quality.thai_chars < UNKNOWN_JUDGED_THAI:
        return built
    unknown = unknown_chars(built.text)
    if mostly_words(built.text, UNKNOWN_SHARE, unknown):
        return built
    repairs = dict(built.quality.repairs)
    repairs["unknown_words"] = unknown
    return replace(built, quality=measure(built.text, repairs))


def _mostly_unreadable(lines: Sequence[Line], reader: PageReader) -> bool:
    """More of the page's glyphs could not be read from its text layer than could: the
    layer is no use, and the page is read whole by OCR. Glyphs OCR has read since, piece by
    piece, count as unread: a page of Thai drawn as outlines over a few glyphs of control
    codes came out as pieces of lines ("เรถสองแ", "ตนตาตีนละขอกล้าอง"), where the page read
    whole by OCR is its prose. Lines drawn as outlines beside a readable layer (a poster's
    boxes) are read where they stand, as is the rest of its layer."""
    unread = reader.repairs["unreadable_glyph"] + reader.read_in_pieces
    return unread > sum(len(line.text) for line in lines) - reader.repairs["ocr_glyph"]


UNREADABLE = "This page could not be read: "


def unreadable_page(number: int, reason: str) -> Page:
    """A page that could not be made: it says so and why, in its text, so a listener
    hears it where the page would be and the rest of the document still reads."""
    text = f"{UNREADABLE}{reason}."
    return build_page(number, [ParagraphDraft(text, 0, (0.0, 0.0, 0.0, 0.0))], (), TextSource.UNREADABLE,
                      Counter())


def _guarded_page(ctx: _PdfContext, number: int) -> Page:
    """The one place a page is made: any failure of this page (damage MuPDF cannot
    read, a budget exceeded, a defect of ours) becomes an unreadable page, never an
    exception that would cost the student the whole document."""
    try:
        with page_deadline():
            return _process_page(ctx, number)
    except PageGivenUp as exc:
        reason = str(exc)
    except DocumentError as exc:  # OCR could not run or failed on this page
        reason = exc.problem
    except MemoryError:
        reason = "it needs more memory than this computer has free"
    except Exception as exc:
        reason = f"the PDF is damaged there ({_reason(exc)})"
    _log.info("page %d given up: %s", number, reason, exc_info=True)
    return unreadable_page(number, reason)


def _has_text_layer(doc: pymupdf.Document, budget: StreamBudget) -> bool:
    """Does any page have text? Pages that cannot be read, or are over budget, have none."""
    for index in range(doc.page_count):
        try:
            page = doc[index]
            budget.check_page(page)
            if page.get_text("text").strip():
                return True
        except Exception:
            continue
    return False


def _cell_reader(resolver: GlyphResolver) -> LineReader:
    """Lines within a clip for the table finder, with one ``PageReader`` per page: a
    table reads each of its cells, and the page's glyph trace is then built once, not
    once a cell (168 times on one damaged page, 16 s)."""
    last: list[PageReader] = []

    def read(page: pymupdf.Page, clip: pymupdf.Rect | None) -> list[Line]:
        if not last or last[0].page is not page:
            last[:] = [PageReader(page, resolver, Counter())]
        return last[0].lines(clip)

    return read


class _PageCorrector:
    """What is done to a page's objects, once known safe, before its text is first read:
    the maps that say what its glyphs are, where they contradict the glyphs, corrected, and
    a page stored turned set upright. The words of pictures of text that only the set-aside
    structure tree gave are kept by page index (``pictured``), for the page's reader."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self._fonts = ToUnicodeCorrector(doc)
        self._tree_has_text = functools.cache(functools.partial(holds_actual_text, doc))
        self.pictured: dict[int, list[PicturedText]] = {}

    def __call__(self, page: pymupdf.Page) -> None:
        self._fonts.correct(page)
        forget_empty_actual_text(page)
        self.pictured[page.number] = forget_unsound_tagged_text(page, self._tree_has_text)
        set_upright(page)


def open_document(path: str | Path, password: str | None = None, *, use_cache: bool = True) -> Document:
    """Open a PDF for reading; pages are processed when first asked for.

    Raises ``DocumentError`` (or ``PasswordRequired``, ``NoTextLayer``) with a message
    that names the file and says plainly what is wrong.
    """
    path = str(path)
    doc = _open_pdf(path, password)
    corrector = _PageCorrector(doc)
    budget = StreamBudget(doc, before_reading=corrector)
    has_text = _has_text_layer(doc, budget)
    if doc.page_count == 0:  # MuPDF found the page tree broken (an empty /Kids) on the way
        raise DocumentError(path, "the PDF's list of pages is damaged: no page can be found in it")
    if not has_text:
        if doc.is_repaired:
            raise DocumentError(path, "the PDF is damaged or truncated; no text could be read from it")
        if (missing := ocr_available()) is not None:
            raise NoTextLayer(path, f"no page has a text layer (a scanned document). {missing}")
    content_hash = file_hash(path)
    resolver = GlyphResolver(doc)
    tables = TableFinder(doc, _cell_reader(resolver), guard=budget.check_page)
    ctx = _PdfContext(doc, resolver, _outline(doc), tables, budget, pictured=corrector.pictured)
    store = cache.PageCache(content_hash) if use_cache else None

    def load(number: int) -> Page:
        if store is not None and (cached := store.load(number)) is not None:
            return cached
        with ctx.lock:
            page = _guarded_page(ctx, number)
        if store is not None and _worth_keeping(page):
            store.save(page)
        return page

    return Document(
        title=unicode_safe(document_title(_metadata_title(doc), None, path)),  # see titled()
        page_count=doc.page_count,
        content_hash=content_hash,
        loader=load,
        outline=ctx.outline,
        source_path=path,
    )


def picture_pages(path: str | Path, password: str | None = None) -> frozenset[int]:
    """The pages (1-based) holding figures whose pictures OCR reads when the page is made
    (``pictured.py``): seconds each, so the app makes them on a worker, as it does a
    scanned page, and never on its GUI thread. None without Tesseract; a page that cannot
    be looked at is left out (it is made as it comes). Read from a handle of its own, so a
    worker may ask while another makes pages."""
    if ocr_available() is not None:
        return frozenset()
    try:
        doc = _open_pdf(str(path), password)
    except DocumentError:
        return frozenset()
    budget = StreamBudget(doc)
    found: set[int] = set()
    with doc:
        for number in range(doc.page_count):
            try:
                page = doc[number]
                budget.check_page(page)
                if find_figures(page, []):
                    found.add(number + 1)
            except Exception:  # a damaged page: made, and told of, when it comes
                continue
    return frozenset(found)


def _worth_keeping(page: Page) -> bool:
    """Is the page as made worth keeping in the cache? An unreadable page is tried again
    next time (a deadline may pass then), and so is one that OCR would read, or read more
    of, once the lab installs Tesseract: kept, it would stay unread after the install. A
    page of another program's invisible reading is one: a scan's English OCR of Thai
    (b14_35) is read again by ours where it can run, and was served from the cache as
    "rt-z I r'$t*tz" after the install."""
    if page.source is TextSource.UNREADABLE:
        return False
    repairs = dict(page.quality.repairs)
    waits_for_ocr = page.source is TextSource.NONE or any(repairs.get(name, 0) > 0
                                                          for name in ("unreadable_glyph", "unread_outlines",
                                                                       "unread_pictures", "recognised_text"))
    return not waits_for_ocr or ocr_available() is None


def require_text(document: Document) -> None:
    """Refuse a document none of whose pages has text to read (``DocumentError``), after
    forgetting the pages this run put in the page cache: a refusal leaves nothing behind."""
    pages = list(document.pages())
    if any(page.text.strip() for page in pages if page.source is not TextSource.UNREADABLE):
        return
    cache.PageCache(document.content_hash).discard()
    path = document.source_path or document.title
    unreadable = [page for page in pages if page.source is TextSource.UNREADABLE]
    if unreadable:
        reason = unreadable[0].text.removeprefix(UNREADABLE).rstrip(".")
        raise DocumentError(path, f"none of its pages could be read (page {unreadable[0].number}: {reason})")
    if (missing := ocr_available()) is not None:  # not tried: its pages may well read by OCR
        raise DocumentError(path, f"no readable text was found on any page, and OCR could not be tried. {missing}")
    raise DocumentError(path, "no readable text was found on any page, even with OCR")
