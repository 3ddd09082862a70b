"""A form's ballot boxes drawn as small pictures behind a symbol code, read by their shape.

Word sets a symbol it cannot write in the text's font as a picture, and keeps the symbol's
code as the text (b18_20: U+F031, a Wingdings code, over a 2 by 2 black picture whose soft
mask draws an empty box). The code is no character a voice can say, and the choices of the
form went unheard: only the tick drawn over one of them was. Where such a code stands on a
picture whose ink is an empty box, it is read as one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pymupdf

from guidelight.extract.glyph_shapes import Silhouette
from guidelight.extract.rawdict import raw_spans

_REACH = 1.5  # points: the picture starts this near where the code stands
_MAX_SIZES = 3.0  # of the text's size: a ballot box's picture is no larger
_INKED = 128  # of 255: a darker pixel (or a more opaque one of a mask) is ink
_UNIFORM = 4  # pixels a side at most of a picture that only colours its mask's shape
_MAX_PIXELS = 600  # a side of a ballot box's picture, at most (Word's mask: 173 by 164): none is decoded larger
_TICKS = "✓✔✗✘"
_SYMBOL_CODES = ("\uf020", "\uf0ff")  # where Word writes a symbol font's codes


class PicturedMarks:
    """The small pictures of one page, and which of them draw an empty box."""

    def __init__(self, page: pymupdf.Page) -> None:
        self._page = page
        self._placed: list[tuple[pymupdf.Rect, int]] | None = None
        self._boxes: dict[int, bool] = {}

    def read_boxes(self, raw: dict[str, Any], unexplained: Callable[[str, str], bool]) -> int:
        """Write each symbol code of ``raw`` (a ``rawdict`` reading) that ``unexplained`` (its
        font, its character) says no symbol table explains, and that stands on a picture of an
        empty box, as "☐"; as "☑" where a tick or cross is drawn over the picture, the tick
        then taken out of the reading (the form's first choice was ticked so, in another
        font: heard apart from its box, it was heard as a choice of its own). Returns how
        many were read."""
        read = 0
        for span in raw_spans(raw):
            for char in span["chars"]:
                if not _SYMBOL_CODES[0] <= char["c"] <= _SYMBOL_CODES[1] or not unexplained(span["font"], char["c"]):
                    continue
                x0, y0, _, y1 = char["bbox"]
                picture = self._empty_box_at(x0, y0, y1, span["size"])
                if picture is None:
                    continue
                ticks = [(other, tick) for other in raw_spans(raw) for tick in other["chars"]
                         if tick["c"] in _TICKS and _inside(tick["bbox"], picture)]
                for other, tick in ticks:
                    other["chars"].remove(tick)
                char["c"] = "☑" if ticks else "☐"
                read += 1
        return read

    def _empty_box_at(self, x: float, y0: float, y1: float, size: float) -> pymupdf.Rect | None:
        """A small picture starting at ``x``, level with ``y0``-``y1``, that draws an empty box."""
        for rect, xref in self._pictures():
            if abs(rect.x0 - x) <= _REACH and rect.y0 < y1 and y0 < rect.y1 \
                    and max(rect.width, rect.height) <= _MAX_SIZES * size and self._empty_box(xref):
                return rect
        return None

    def _pictures(self) -> list[tuple[pymupdf.Rect, int]]:
        if self._placed is None:
            self._placed = [(pymupdf.Rect(info["bbox"]), info["xref"])
                            for info in self._page.get_image_info(xrefs=True)
                            if info.get("xref") and max(info["width"], info["height"]) <= _MAX_PIXELS]
        return self._placed

    def _empty_box(self, xref: int) -> bool:
        if xref not in self._boxes:
            try:
                ink = _ink(self._page.parent, xref)
            except Exception:  # a damaged or unsupported picture: no box, and the page still reads
                ink = None
            silhouette = Silhouette.of_ink(ink) if ink else None
            self._boxes[xref] = silhouette is not None and silhouette.empty_box()
        return self._boxes[xref]


def _inside(box: tuple[float, float, float, float], picture: pymupdf.Rect) -> bool:
    """Is the middle of ``box`` on ``picture``?"""
    return picture.contains(pymupdf.Point((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))


def _ink(doc: pymupdf.Document, xref: int) -> list[list[bool]] | None:
    """Which pixels of picture ``xref`` are ink: dark ones, where its soft mask shows them;
    of a picture of a few pixels of one dark colour, its mask's shape."""
    base = pymupdf.Pixmap(doc, xref)
    gray = base if base.n - base.alpha == 1 else pymupdf.Pixmap(pymupdf.csGRAY, base)
    mask_ref = doc.xref_get_key(xref, "SMask")
    if mask_ref[0] != "xref":
        return _rows(gray, lambda value: value < _INKED)
    mask_xref = int(mask_ref[1].split()[0])
    if any(int(doc.xref_get_key(mask_xref, side)[1]) > _MAX_PIXELS for side in ("Width", "Height")):
        return None  # a mask larger than any ballot box's is not decoded
    mask = pymupdf.Pixmap(doc, mask_xref)
    shown = _rows(mask, lambda value: value >= _INKED)
    if max(gray.width, gray.height) <= _UNIFORM:
        uniform = all(gray.pixel(x, y)[0] < _INKED for x in range(gray.width) for y in range(gray.height))
        return shown if uniform else None
    if (mask.width, mask.height) != (gray.width, gray.height):
        return None
    dark = _rows(gray, lambda value: value < _INKED)
    return [[a and b for a, b in zip(row, other, strict=True)] for row, other in zip(shown, dark, strict=True)]


def _rows(pix: pymupdf.Pixmap, inked: Callable[[int], bool]) -> list[list[bool]]:
    """The pixmap's first channel, row by row, as ink or not by ``inked``."""
    samples, step = pix.samples, pix.n
    return [[inked(samples[(y * pix.width + x) * step]) for x in range(pix.width)] for y in range(pix.height)]
