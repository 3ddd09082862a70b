"""Pages are made off the GUI thread once a document has shown it is slow.

A page of a scanned PDF takes 2-10 s of OCR. ``gated`` wraps a document so that its
pages are made one at a time (the PDF engine must not be entered by two threads at
once) and, once any page has been slow or was read by OCR (and, from the start, a page
whose pictures OCR will read), the GUI thread is never the one to make such a page:
asking for a page that is not ready raises ``PageNotReady``, and the window makes it on
a worker with spoken progress, then runs the command again.
Text PDFs, whose pages take milliseconds, keep being answered directly.

Also here: what the student is told about a page whose text may be wrong. Plain
Python, no Qt, like the session.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from guidelight.core.model import DOUBTFUL_NOISE_PER_K, Document, Page, TextSource
from guidelight.gui.i18n import tr

SLOW_PAGE_S = 0.5  # a page that took longer than this makes the document "slow"


class PageNotReady(Exception):
    """The GUI thread asked for a page that must be made on a worker first."""

    def __init__(self, number: int) -> None:
        super().__init__(f"page {number} is not ready")
        self.number = number


class PageGate:
    """Serializes page making and tells whether the GUI thread may make a page itself."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.slow = False
        # Pages whose pictures OCR will read (``picture_pages``): slow before they have been.
        self.costly: frozenset[int] = frozenset()
        self._lock = threading.Lock()

    def load(self, number: int) -> Page:
        if self.made_elsewhere(number) and threading.current_thread() is threading.main_thread():
            raise PageNotReady(number)
        with self._lock:
            began = time.monotonic()
            page = self.doc.page(number)
            if time.monotonic() - began > SLOW_PAGE_S or page.source is TextSource.OCR:
                self.slow = True
            return page

    def made_elsewhere(self, number: int) -> bool:
        """Is page ``number`` made on a worker: the document has been slow, or OCR will read
        the page's pictures (a report's screenshots of code took 2 to 5 s each)?"""
        return self.slow or number in self.costly


def gated(doc: Document) -> tuple[Document, PageGate]:
    """The same document, its pages made through a ``PageGate`` (returned with it)."""
    gate = PageGate(doc)
    wrapped = Document(title=doc.title, page_count=doc.page_count, content_hash=doc.content_hash,
                       loader=gate.load, outline=doc.outline, source_path=doc.source_path)
    return wrapped, gate


def page_note(page: Page, language: str, ocr_problem: Callable[[], str | None]) -> str:
    """What a listener must know about this page's text, or "" when it is trustworthy.

    ``ocr_problem`` says what to install when OCR cannot run (None when it can); it is
    asked only for a page that has no text at all.
    """
    # A text layer garbled by a broken font encoding is not an image: the listener is told so.
    garbled = "garbled_text" in page.quality.notices
    if page.source is TextSource.NONE:
        problem = ocr_problem()
        if garbled:
            return tr("page.garbled_text.unread", language, page=page.number, problem=problem or "").strip()
        if problem:
            return tr("page.image", language, page=page.number, problem=problem)
        return tr("page.image.unread", language, page=page.number)
    if page.source is TextSource.OCR:
        return tr("page.garbled_text" if garbled else "page.ocr", language, page=page.number)
    if page.source is TextSource.UNREADABLE:
        return tr("page.unreadable", language, page=page.number)
    if page.quality.noise_per_k > DOUBTFUL_NOISE_PER_K:
        return tr("page.doubtful", language, page=page.number)
    notes = [tr(f"page.{notice}", language, page=page.number) for notice in page.quality.notices]
    if page.dropped:
        notes.append(tr("page.dropped", language, page=page.number, count=len(page.dropped)))
    return " ".join(notes)
