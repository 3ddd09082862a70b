"""What one page may cost before it is given up: time, and bytes its streams inflate to.

A hostile or broken PDF can make one page hang the reader: a Flate stream of a few
hundred kilobytes that inflates to gigabytes, or the same text drawn thousands of
times. MuPDF cannot be interrupted once it is inside a page, so the streams a page
draws from are measured *before* MuPDF sees them (inflated here, chunk by chunk, and
abandoned at the limit), and the Python steps after it check a deadline (in processor
time) between lines.
A page over budget raises ``PageGivenUp``; ``pdf.py`` turns that (and any other failure
of one page) into a page that says why it could not be read, and the rest still reads.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import pymupdf

# Largest inflated stream a page may draw from. Real course PDFs stay far below: the
# largest stream (not an image) in the shared corpus of 52 PDFs inflates to 0.8 MB.
MAX_STREAM_BYTES = 64 << 20
# An image may inflate to what its dimensions declare, up to this: a page a print driver
# rasterized at 720 dpi (A4, RGB) is 150 MB of pixels and is no bomb, only big; a poster
# pdf2ps rasterized at 1,016 dpi, 300 MB. A bomb inflates past what it declares, or
# declares more than this.
MAX_IMAGE_BYTES = 512 << 20
# Processor time (of the thread making the page, so a busy machine does not count) the
# work on one page may take before it is given up. The slowest real page of the shared
# corpus takes 2.5 s; under a load of 10 on 2 cores that was 22 s of wall time.
PAGE_SECONDS = 20.0
# Objects looked at per page when finding its streams; a page needs a few hundred at most.
MAX_OBJECTS = 20_000
# Characters one page may draw. A dense A4 page draws 3,000-6,000 and a Canva slide that
# prints its text 15 times over some 15,000. A Bullzip page drawn 100 times over itself
# (110,800) reads in 8 s and 320 MB, and is kept; a page drawing its text 300 times
# (228,300) took 2 GB and more, as much as a lab computer has. (A table page drawn 100
# times, 76,100, still takes 24 s and 1.2 GB before its time budget gives it up.)
MAX_PAGE_GLYPHS = 120_000
# How many times over a page's images may paint its area before rendering it (for OCR) is
# refused: MuPDF's rendering cannot be interrupted, and its cost follows the area painted.
# A scanned page paints it once; a page drawing its scan 500 times took 58 s of CPU.
MAX_PAINTED_PAGES = 20.0

_CHUNK = 1 << 20
_REF = re.compile(r"(\d+) \d+ R")
# Keys leading away from what draws the page (up the page tree, to other pages, to
# the document's structure); following them would measure the whole file per page.
_UPWARD = re.compile(r"/(?:Parent|P|Dest|D|StructParent|IRT|Popup|Next|Prev|First|Last|B|Pg|Obj|K)\s+\d+ \d+ R")
_FLATE = ("/FlateDecode", "/Fl")
_LZW = ("/LZWDecode", "/LZW")


class PageGivenUp(Exception):
    """One page costs more than its budget; the message says which limit, in plain words."""


_deadline: ContextVar[float | None] = ContextVar("page_deadline", default=None)


@contextmanager
def page_deadline() -> Iterator[None]:
    """Within this block, ``check_time`` raises once this thread has spent ``PAGE_SECONDS``
    of processor time (MuPDF's included, an OCR process's not).

    Nested (a page reading its neighbour ahead, to see whether a paragraph runs on), the
    inner block is the neighbour's own budget, and the time it takes is not charged to the
    page that asked: one hostile page cannot cost the page before it."""
    outer = _deadline.get()
    started = time.thread_time()
    token = _deadline.set(started + PAGE_SECONDS)
    try:
        yield
    finally:
        _deadline.reset(token)
        if outer is not None:
            _deadline.set(outer + time.thread_time() - started)


def check_time() -> None:
    """Give the page up if its deadline has passed (a no-op outside ``page_deadline``)."""
    deadline = _deadline.get()
    if deadline is not None and time.thread_time() > deadline:
        raise PageGivenUp(f"laying it out took over {PAGE_SECONDS:g} seconds of processor time")


def check_render(page: pymupdf.Page) -> None:
    """Raise ``PageGivenUp`` if rendering ``page`` would paint its images over it more than
    ``MAX_PAINTED_PAGES`` times (listing what it draws is fast; rendering is not)."""
    area = abs(page.rect) or 1.0
    painted = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info()) / area
    if painted > MAX_PAINTED_PAGES:
        raise PageGivenUp(f"its images cover it {painted:.0f} times over; rendering it to read it would take minutes")


def _count_glyphs(page: pymupdf.Page) -> None:
    """Raise ``PageGivenUp`` if the page draws more than ``MAX_PAGE_GLYPHS`` characters:
    counted on MuPDF's plain text (about 2 ms a page; 69 MB for the 228,000 above), before
    the detailed reading that needs gigabytes for as many."""
    try:
        drawn = len(page.get_textpage(flags=0).extractText())
    except Exception:  # damage MuPDF cannot read: the page's reading meets it and says so
        return
    if drawn > MAX_PAGE_GLYPHS:
        raise PageGivenUp(
            f"it draws {drawn:,} characters, its text printed over itself many times; "
            "reading them would take more memory than a computer may have"
        )


def _filters(doc: pymupdf.Document, xref: int) -> list[str]:
    kind, value = doc.xref_get_key(xref, "Filter")
    if kind == "name":
        return [value]
    if kind == "array":
        return re.findall(r"/[A-Za-z0-9]+", value)
    return []


class _LzwCounter:
    """How many bytes an LZW stream (/LZWDecode, /EarlyChange 1) decodes to, without
    decoding it: each code's string is one byte longer than an earlier one, so lengths are
    enough. Fed in chunks; stops counting at the end-of-data code or at damage, as MuPDF
    stops reading there, and just past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self._bits = self._count = 0  # bits held, and how many
        self._clear()
        self.done = False

    def _clear(self) -> None:
        self._lengths = [1] * 258  # 256 single bytes; 256 clears the table, 257 ends the data
        self._width = 9
        self._previous = 0  # length of the last code's string; 0 right after a clear

    def feed(self, data: bytes) -> int:
        """Count ``data``'s codes; return the bytes they decode to (done past the limit)."""
        before = self.total
        for byte in data:
            if self.done:
                break
            self._bits = (self._bits << 8) | byte
            self._count += 8
            while self._count >= self._width and not self.done:
                self._count -= self._width
                self._code(self._bits >> self._count)
                self._bits &= (1 << self._count) - 1
            self.done = self.done or self.total > self.limit
        return self.total - before

    def _code(self, code: int) -> None:
        lengths = self._lengths
        if code == 256:
            self._clear()
            return
        if code == 257 or code > len(lengths) or (code == len(lengths) and not self._previous):
            self.done = True  # the end, or damage: nothing more is decoded
            return
        length = lengths[code] if code < len(lengths) else self._previous + 1
        if self._previous and len(lengths) < 4096:
            lengths.append(self._previous + 1)
        self.total += length
        self._previous = length
        if len(lengths) + 1 >= 1 << self._width and self._width < 12:
            self._width += 1  # EarlyChange: a code early


def _decoded_size(raw: bytes, stages: int, lzw: bool, limit: int) -> int:
    """Bytes ``raw`` decodes to through ``stages`` chained Flate filters (then LZW, if
    ``lzw``), counted up to just past ``limit`` (a bomb is never decoded whole); damaged
    data counts as what decoded before the damage, as MuPDF reads it."""
    inflaters = [zlib.decompressobj() for _ in range(stages)]
    counter = _LzwCounter(limit) if lzw else None

    def push(level: int, data: bytes) -> int:
        if level == stages:
            return counter.feed(data) if counter is not None else len(data)
        inflater, produced = inflaters[level], 0
        while data and not inflater.eof and produced <= limit and not (counter is not None and counter.done):
            try:
                out = inflater.decompress(data, _CHUNK)
            except zlib.error:
                break
            produced += push(level + 1, out)
            data = inflater.unconsumed_tail
        return produced

    return push(0, raw)  # LZW alone is fed whole: the counter stops at the limit itself


class StreamBudget:
    """Checks, once per stream per document, that what a page draws from is not a bomb."""

    def __init__(self, doc: pymupdf.Document,
                 before_reading: Callable[[pymupdf.Page], None] = lambda page: None) -> None:
        self.doc = doc
        self.before_reading = before_reading  # run on a page's objects once they are known safe
        self.limit = MAX_STREAM_BYTES
        self._verdicts: dict[int, str] = {}  # stream xref -> "" (fine) or why it is not
        self._pages: dict[int, str] = {}  # page xref -> the same, for all the page draws from

    def check_page(self, page: pymupdf.Page) -> None:
        """Raise ``PageGivenUp`` if a stream the page draws from inflates past the limit, or
        the page draws more than ``MAX_PAGE_GLYPHS`` characters. A page is checked once:
        its neighbours ask about it again and again."""
        page_xref = page.xref
        if page_xref not in self._pages:
            try:
                self._walk(page_xref)
                self._draw_contents_once(page_xref)
                # Before any reading, the glyph count too: MuPDF keeps a font's map as first
                # read, so the maps must be corrected before the page is first read at all.
                self.before_reading(page)
                _count_glyphs(page)
                self._pages[page_xref] = ""
            except PageGivenUp as given_up:
                self._pages[page_xref] = str(given_up)
        if self._pages[page_xref]:
            raise PageGivenUp(self._pages[page_xref])

    def _draw_contents_once(self, page_xref: int) -> None:
        """A page whose /Contents names one stream many times (500 in a damaged file: 368,500
        characters drawn, 5.7 GB to read) is drawn with each stream once, in its order: the
        same marks on the page, read once. The open document is changed, never the file."""
        kind, value = self.doc.xref_get_key(page_xref, "Contents")
        refs = _refs(value) if kind == "array" else []
        once = list(dict.fromkeys(refs))
        if len(once) < len(refs):
            self.doc.xref_set_key(page_xref, "Contents", "[" + " ".join(f"{ref} 0 R" for ref in once) + "]")

    def _walk(self, page_xref: int) -> None:
        pending = [page_xref, *self._inherited_resources(page_xref)]
        seen = set(pending)
        while pending:
            xref = pending.pop()
            if problem := self._verdict(xref):
                raise PageGivenUp(problem)
            if self.doc.xref_get_key(xref, "Subtype")[1] == "/Image":
                continue  # text extraction never decodes images; OCR scales them itself
            for ref in _refs(_UPWARD.sub("", self.doc.xref_object(xref, compressed=True))):
                if ref not in seen and 0 < ref < self.doc.xref_length():
                    seen.add(ref)
                    pending.append(ref)
            if len(seen) > MAX_OBJECTS:
                raise PageGivenUp(f"it draws from more than {MAX_OBJECTS} objects")

    def _inherited_resources(self, page_xref: int) -> list[int]:
        """Objects of the resources a page inherits from its ancestors in the page tree."""
        found: list[int] = []
        ancestors = {page_xref}
        kind, value = self.doc.xref_get_key(page_xref, "Parent")
        while kind == "xref" and len(ancestors) < 64:
            parent = int(value.split()[0])
            if parent in ancestors or not 0 < parent < self.doc.xref_length():
                break  # a cycle in the page tree, or a dangling reference
            ancestors.add(parent)
            found += _refs(self.doc.xref_get_key(parent, "Resources")[1])
            kind, value = self.doc.xref_get_key(parent, "Parent")
        return found

    def _verdict(self, xref: int) -> str:
        if xref not in self._verdicts:
            self._verdicts[xref] = self._measure(xref)
        return self._verdicts[xref]

    def _measure(self, xref: int) -> str:
        if not self.doc.xref_is_stream(xref):
            return ""
        filters = _filters(self.doc, xref)
        stages = 0
        while stages < len(filters) and filters[stages] in _FLATE:
            stages += 1
        lzw = stages < len(filters) and filters[stages] in _LZW and self._early_change(xref)
        limit = max(self.limit, self._declared_image_bytes(xref))
        if (stages or lzw) and _decoded_size(self.doc.xref_stream_raw(xref), stages, lzw, limit) > limit:
            return f"a stream on it inflates to more than {limit >> 20} MiB (a compression bomb)"
        return ""  # Flate and LZW are what bombs are made of; other filters are left to MuPDF

    def _declared_image_bytes(self, xref: int) -> int:
        """The bytes an image's pixels take by its own dictionary (four components of at
        least a byte, one predictor byte a row: an upper bound), capped; 0 for a non-image."""
        if self.doc.xref_get_key(xref, "Subtype")[1] != "/Image":
            return 0
        try:
            width, height = (int(float(self.doc.xref_get_key(xref, key)[1])) for key in ("Width", "Height"))
            bits = int(float(self.doc.xref_get_key(xref, "BitsPerComponent")[1]))
        except (ValueError, OverflowError):
            return 0  # a dimension that is not a (finite) number: held to the plain limit
        if width <= 0 or height <= 0:
            return 0
        row = width * 4 * max(8, min(bits, 16)) // 8 + 1
        return min(row * height, MAX_IMAGE_BYTES)

    def _early_change(self, xref: int) -> bool:
        """LZW as PDF writes it (/EarlyChange 1, the default): the only kind measured."""
        return self.doc.xref_get_key(xref, "DecodeParms/EarlyChange")[1] in ("null", "1")


def _refs(text: str) -> list[int]:
    return [int(found.group(1)) for found in _REF.finditer(text)]
