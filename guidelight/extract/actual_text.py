"""Empty ActualText over drawn glyphs, set aside so the glyphs are read.

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

import pymupdf

# An ActualText of nothing: an empty string, or only the UTF-16 byte-order mark, written
# as a hex string or a literal one (its mark raw or as octal escapes).
_EMPTY = re.compile(rb"/ActualText\s*(?:<\s*(?:[fF][eE]\s*[fF][fF])?\s*>|\((?:\xfe\xff|\\376\\377)?\))")


def forget_empty_actual_text(page: pymupdf.Page) -> None:
    """Take the empty ActualText out of ``page``'s content streams (call it before reading
    the page's text)."""
    doc = page.parent
    for xref in page.get_contents():
        try:
            data = doc.xref_stream(xref)
        except Exception:  # a damaged stream: MuPDF reads what it can of it, as it is
            continue
        if not data or b"ActualText" not in data:
            continue
        kept = _EMPTY.sub(b"", data)
        if kept != data:
            doc.update_stream(xref, kept)
