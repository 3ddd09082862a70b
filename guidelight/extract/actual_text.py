"""ActualText that would hide drawn glyphs or misplace text, set aside so the glyphs are read.

A marked-content span's ActualText replaces the text of the glyphs it wraps. Cairo (what
Firefox and GNOME's "Print to File" write, and ``pdftocairo``) wraps every glyph it has no
text for in an ActualText of nothing, so MuPDF drops it: a sara aa or a tone mark drawn on
the page is never heard (เจ้พระย for เจ้าพระยา). The glyph's own ToUnicode entry, or
failing that its drawing and its words (``lines``), say more than nothing does, so such
spans lose their ActualText in the open document; the file is never changed. ActualText
that says something is kept: Chrome, Word and LibreOffice give whole Thai clusters by it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

import pymupdf

# An ActualText of nothing: an empty string, or only the UTF-16 byte-order mark, written
# as a hex string or a literal one (its mark raw or as octal escapes).
_EMPTY = re.compile(rb"/ActualText\s*(?:<\s*(?:[fF][eE]\s*[fF][fF])?\s*>|\((?:\xfe\xff|\\376\\377)?\))")


def _actual_text_streams(page: pymupdf.Page) -> Iterator[tuple[int, bytes]]:
    """``page``'s content streams that hold ActualText, with their data."""
    doc = page.parent
    for xref in page.get_contents():
        try:
            data = doc.xref_stream(xref)
        except Exception:  # a damaged stream: MuPDF reads what it can of it, as it is
            continue
        if data and b"ActualText" in data:
            yield xref, data


def forget_empty_actual_text(page: pymupdf.Page) -> None:
    """Take the empty ActualText out of ``page``'s content streams (call it before reading
    the page's text)."""
    for xref, data in _actual_text_streams(page):
        kept = _EMPTY.sub(b"", data)
        if kept != data:
            page.parent.update_stream(xref, kept)


def _letters(page: pymupdf.Page) -> Counter[str] | None:
    """How many of each letter, digit and sign the page's plain reading has (its marks, the
    private-use shifted forms of Thai marks and spaces left out); None if MuPDF cannot read it."""
    try:
        text = page.get_textpage(flags=0).extractText()
    except Exception:  # damage MuPDF cannot read: the page's reading meets it and says so
        return None
    return Counter(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Co"))


def holds_actual_text(doc: pymupdf.Document) -> bool:
    """Does any object of ``doc`` hold ActualText? A tagged Word file whose tree has none
    (the 85-page worksheets: 16,713 objects, 0.12 s to look through) reads the same with
    its tree as without, so its pages need not be read twice to compare."""
    for xref in range(1, doc.xref_length()):
        try:
            if "/ActualText" in doc.xref_object(xref, compressed=True):
                return True
        except Exception:  # a damaged object: MuPDF reads the others
            continue
    return False


def forget_unsound_tagged_text(page: pymupdf.Page, tree_has_text: Callable[[], bool]) -> None:
    """Read ``page`` without its structure tree's ActualText where that text is unsound.

    Word and PowerPoint give each word its text again as ActualText in the structure tree,
    and MuPDF puts it in place of the glyphs of the word's marked content. Where that
    content is split over several text objects or fonts, MuPDF loses the glyphs of the
    other fonts (a Word lab sheet's ``digital``, ``0`` and ``1`` inside a Thai sentence)
    or gives the word's text and then its glyphs' text again (``ทำการ ร``, ``เลื่อนหัว
    นและเลื่อนหัว``). So the page is read both ways: if the tagged text loses or adds any
    letter, the glyphs' own text (repaired in ``lines`` where Word's maps are wrong) is
    read instead, by hiding the page's link to the tree. Where the two differ only in
    marks, the tagged text stays: Word draws some shifted tone marks as glyphs whose maps
    say nothing, and only the ActualText has them. A page with ActualText in its own
    content is left as it is (Chrome's and LibreOffice's clusters, Canva's copies), and so
    is a page of a document whose objects hold no ActualText at all (``tree_has_text``, asked
    once a page and meant to be remembered for the document)."""
    doc = page.parent
    kind, link = doc.xref_get_key(page.xref, "StructParents")
    if kind == "null" or doc.xref_get_key(doc.pdf_catalog(), "StructTreeRoot")[0] == "null":
        return
    if next(_actual_text_streams(page), None) is not None or not tree_has_text():
        return
    tagged = _letters(page)
    doc.xref_set_key(page.xref, "StructParents", "null")
    if tagged is None or _letters(page) == tagged:
        doc.xref_set_key(page.xref, "StructParents", link)

