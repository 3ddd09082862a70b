"""Pages stored turned (/Rotate), set upright in the open document before they are read.

A landscape slide printed through a PostScript driver is often stored as a portrait page
turned a quarter by /Rotate 90, its text drawn sideways. MuPDF reads such a page in its
stored frame, where every line runs down the page: lines, columns, paragraphs and tables
are all judged sideways, and a slide's bullets came out as one run-on block in no order.
Here the page's drawing is wrapped in the turn itself and /Rotate is set to 0: the page
looks exactly as before, and its text is read as the reader sees it. The open document is
changed, never the file.
"""

from __future__ import annotations

import pymupdf

# (x, y) in the displayed box's frame -> (a, b, c, d, e, f) of the turn's PDF matrix, for a
# box of width w and height h whose corner is at (x0, y0).
_TURNS = {
    90: lambda w, h, x0, y0: (0, -1, 1, 0, -y0, w + x0),
    180: lambda w, h, x0, y0: (-1, 0, 0, -1, w + x0, h + y0),
    270: lambda w, h, x0, y0: (0, 1, -1, 0, h + y0, -x0),
}


def set_upright(page: pymupdf.Page) -> None:
    """Draw a turned page upright, as displayed, and clear its /Rotate (call it before
    reading the page's text). A page whose boxes or contents cannot be read is left as it is."""
    turn = _TURNS.get(page.rotation % 360)
    if turn is None:
        return  # upright already: nearly every page, so nothing more is read for it
    doc = page.parent
    box = _inherited_box(doc, page.xref, "CropBox") or _inherited_box(doc, page.xref, "MediaBox")
    contents = page.get_contents()
    if box is None or not contents:
        return
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    matrix = " ".join(f"{value:g}" for value in turn(width, height, x0, y0))
    before, after = _new_stream(doc, f"q {matrix} cm\n".encode()), _new_stream(doc, b"\nQ\n")
    doc.xref_set_key(page.xref, "Contents", "[" + " ".join(f"{ref} 0 R" for ref in (before, *contents, after)) + "]")
    turned = (height, width) if page.rotation % 180 else (width, height)
    doc.xref_set_key(page.xref, "MediaBox", f"[0 0 {turned[0]:g} {turned[1]:g}]")
    doc.xref_set_key(page.xref, "CropBox", "null")
    doc.xref_set_key(page.xref, "Rotate", "0")


def _new_stream(doc: pymupdf.Document, data: bytes) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, data)
    return xref


def _inherited_box(doc: pymupdf.Document, xref: int, key: str) -> tuple[float, float, float, float] | None:
    """A page's box as the file gives it, from the page or the page tree above it; None when
    there is none, or it is not four numbers enclosing something."""
    seen: set[int] = set()
    while xref and xref not in seen:
        seen.add(xref)
        kind, value = doc.xref_get_key(xref, key)
        if kind == "array":
            try:
                x0, y0, x1, y1 = (float(number) for number in value.strip("[]").split())
            except ValueError:
                return None
            x0, x1 = sorted((x0, x1))
            y0, y1 = sorted((y0, y1))
            return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None
        kind, value = doc.xref_get_key(xref, "Parent")
        xref = int(value.split()[0]) if kind == "xref" else 0
    return None
