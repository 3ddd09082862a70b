"""Text drawn in the paper's own colour, which no sighted reader sees, left out.

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
        for block in raw["blocks"]
        for line in block.get("lines", ())
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
