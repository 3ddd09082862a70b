"""Text no sighted reader sees, left out: drawn in the paper's own colour, or clipped away;
or, drawn invisible over a whole page, kept and told apart as another program's recognition.

Word writes white marks that its authors use as spacers or templates leave behind: a
thesis chapter had a white "**" before each of its 216 headings and list numbers, and a
report a white "ตารางที่ 1" under tables captioned "ตาราง 4.1" in black. A listener heard
them all. White letters count as hidden only where nothing is painted under them: white
on a coloured table cell, a dark slide or a photograph is the author's text and stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pymupdf

from guidelight.extract.rawdict import raw_chars, raw_lines, raw_spans

_PAPER = 0xF0  # every colour channel at least this light: paper white, to the eye
_COVERED = 0.5  # share of a span's box that paint or a picture must cover to show it


def _light(colour: int) -> bool:
    return all((colour >> shift) & 0xFF >= _PAPER for shift in (16, 8, 0))


def painted(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Where the page paints something under its text: filled shapes not paper-white, and
    pictures."""
    boxes = [pymupdf.Rect(info["bbox"]) for info in page.get_image_info()]
    for path in page.get_cdrawings():
        fill = path.get("fill")
        if fill is not None and not all(channel * 255 >= _PAPER for channel in fill):
            boxes.append(pymupdf.Rect(path["rect"]))
    return boxes


def _shown(box: pymupdf.Rect, under: list[pymupdf.Rect]) -> bool:
    area = abs(box)
    return any(abs(box & paint) >= _COVERED * area for paint in under) if area else True


def drop_hidden_text(raw: dict[str, Any], painted_boxes: Callable[[], list[pymupdf.Rect]]) -> int:
    """Remove from ``raw`` (a ``rawdict`` reading) the spans drawn white on nothing but the
    page (``painted_boxes`` gives the page's ``painted``, asked only when a span is white);
    returns how many characters went."""
    spans = [
        (line, span)
        for line in raw_lines(raw)
        for span in line["spans"]
        if _light(span.get("color", 0)) and any(not ch["c"].isspace() for ch in span["chars"])
    ]
    if not spans:
        return 0  # the common page: nothing white, nothing drawn looked at
    under = painted_boxes()
    gone = 0
    for line, span in spans:
        if not _shown(pymupdf.Rect(span["bbox"]), under):
            line["spans"].remove(span)
            gone += sum(not ch["c"].isspace() for ch in span["chars"])
    return gone


CharKey = tuple[str, float, float]


def char_key(char: dict[str, Any]) -> CharKey:
    """A character of a ``rawdict`` reading, known again in another reading of the page."""
    return (char["c"], round(char["origin"][0], 1), round(char["origin"][1], 1))


def clipped_away(page: pymupdf.Page, reading: dict[str, Any], flags: int) -> set[CharKey]:
    """The characters of ``reading`` (the whole page's, read with ``flags``) that the page's
    clipping paths hide: those a reading with clipping leaves out. Most pages hide nothing,
    which a count of the clipped plain text's characters tells at a fraction of the cost of
    comparing each character."""
    whole, clipped_flags = pymupdf.INFINITE_RECT(), flags | pymupdf.TEXT_CLIP
    shown = page.get_text("text", flags=clipped_flags, clip=whole)
    if len("".join(shown.split())) == sum(not char["c"].isspace() for char in raw_chars(reading)):
        return set()
    return _drawn_keys(reading) - _drawn_keys(page.get_text("rawdict", flags=clipped_flags, clip=whole))


def _drawn_keys(reading: dict[str, Any]) -> set[CharKey]:
    return {char_key(char) for char in raw_chars(reading) if not char["c"].isspace()}


def drop_clipped_text(raw: dict[str, Any], hidden: set[CharKey]) -> int:
    """Remove from ``raw`` the spans whose every character is clipped away: a Word text box's
    overflow, hidden under its edge, was read into an exam's first question ("เทียบศักราช
    (เติมคำ) 1. การนับศักราชแบบใด"). A span partly shown is kept whole: a line that runs
    past its box or the page's edge is still the author's sentence. Returns the characters
    removed."""
    if not hidden:
        return 0
    gone = 0
    for line in raw_lines(raw):
        for span in list(line["spans"]):
            drawn = [char for char in span["chars"] if not char["c"].isspace()]
            if drawn and all(char_key(char) in hidden for char in drawn):
                line["spans"].remove(span)
                gone += len(drawn)
    return gone


_RECOGNISED_SHARE = 0.95  # of a page's characters drawn invisible: its text is a recognition layer
_RECOGNISED_MIN = 20  # characters, before a page is judged


def recognition_layer(raw: dict[str, Any]) -> bool:
    """Is a page's reading (``raw``, a rawdict) nearly all drawn invisible (render mode 3,
    which MuPDF reads with no opacity)? Such text is another program's reading of what the
    page draws: an iPad's recognition of handwriting (b17_30), a scanner's OCR."""
    chars = [span.get("alpha", 255) == 0 for span in raw_spans(raw) for _ in span["chars"]]
    return len(chars) >= _RECOGNISED_MIN and sum(chars) >= _RECOGNISED_SHARE * len(chars)
