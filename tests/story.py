"""HTML laid out into a PDF by PyMuPDF's Story writer, for the tests that need real layout.

Story shapes Thai with HarfBuzz and writes shaped marks without ToUnicode entries, as
many real producers do, so such PDFs exercise the glyph repair as well as the layout.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
A4_TEXT_AREA = pymupdf.Rect(60, 60, 535, 780)


def story_pdf(path: Path, html: str, css: str) -> Path:
    """Lay ``html`` out on A4 pages with the bundled fonts available to ``css``."""
    story = pymupdf.Story(html, user_css=css, archive=pymupdf.Archive(str(FONTS)))
    writer = pymupdf.DocumentWriter(str(path))
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(A4_TEXT_AREA)
        story.draw(device)
        writer.end_page()
    writer.close()
    return path
