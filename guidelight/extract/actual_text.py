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
from dataclasses import dataclass

import pymupdf

from guidelight.extract.rawdict import raw_chars, raw_spans

# How the tree's text over a picture is kept in a reading (``_pictured_text``).
_PICTURED_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_ACCURATE_SIDE_BEARINGS
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


@dataclass(frozen=True)
class PicturedText:
    """Words the structure tree gives for a picture of text (PowerPoint 2016 sets WordArt
    and styled Thai labels as pictures, their words only in the tree), and the box they
    stand in (its foot their baseline)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    ends_with_space: bool = False  # the tree's text ends in a space: a word ends there


def _pictured_text(page: pymupdf.Page, untagged: list[pymupdf.Rect]) -> list[PicturedText]:
    """The tree's text on ``page`` for its pictures: each such ActualText MuPDF sets as
    characters of no size at one point, its picture's lower left corner, and keeps only
    when asked for their side bearings. Where no image starts there, the text counts only
    where no glyph of the page's own reading (``untagged``: their boxes, a point wider)
    is: the tree's text for drawn words stands on them."""
    try:
        spans = list(raw_spans(page.get_text("rawdict", flags=_PICTURED_FLAGS)))
        pictures = [pymupdf.Rect(info["bbox"]) for info in page.get_image_info()]
    except Exception:  # damage MuPDF cannot read: the page's own reading meets it and says so
        return []
    found = []
    for span in spans:
        chars = [ch for ch in span["chars"] if not ch["c"].isspace()]
        text = "".join(ch["c"] for ch in span["chars"]).lstrip()  # a space after: a word's end
        if len({tuple(ch["origin"]) for ch in chars}) != 1 or not any(c.isalnum() for c in text) or (
            len(chars) < 2 and not text.strip().isdigit()
        ):
            continue  # glyphs of their own, or not words or numbers (a slide's "2", its IDs "64010552")
        at = pymupdf.Point(chars[0]["origin"])
        picture = next((box for box in pictures if abs(box.x0 - at.x) < 1 and abs(box.y1 - at.y) < 1), None)
        if picture is None:  # no image starts there: words drawn, unless no glyph is there
            if any(at in box for box in untagged):
                continue
            height = max(at.y - span["bbox"][1], 1.0)
            picture = pymupdf.Rect(at.x, at.y - height, at.x + span["bbox"][2] - span["bbox"][0], at.y)
        found.append(PicturedText(text.rstrip(), picture.x0, picture.y0, picture.x1, picture.y1, text[-1:].isspace()))
    return found


def forget_unsound_tagged_text(page: pymupdf.Page, tree_has_text: Callable[[], bool]) -> list[PicturedText]:
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
    once a page and meant to be remembered for the document).

    Returns the tree's text that stands where the page draws no glyph, set aside with the
    tree (``_pictured_text``): the words of its pictures of text, to be read as lines."""
    doc = page.parent
    kind, link = doc.xref_get_key(page.xref, "StructParents")
    if kind == "null" or doc.xref_get_key(doc.pdf_catalog(), "StructTreeRoot")[0] == "null":
        return []
    if next(_actual_text_streams(page), None) is not None or not tree_has_text():
        return []
    tagged = _letters(page)
    doc.xref_set_key(page.xref, "StructParents", "null")
    if tagged is None or _letters(page) == tagged:
        doc.xref_set_key(page.xref, "StructParents", link)
        return []
    try:
        untagged = [pymupdf.Rect(x0 - 1, y0 - 1, x1 + 1, y1 + 1)
                    for x0, y0, x1, y1 in (ch["bbox"] for ch in raw_chars(page.get_text("rawdict")))]
    except Exception:  # damage MuPDF cannot read: the page's own reading meets it and says so
        return []
    doc.xref_set_key(page.xref, "StructParents", link)
    pictured = _pictured_text(page, untagged)
    doc.xref_set_key(page.xref, "StructParents", "null")
    return pictured

