"""Figure images cut from the PDF page, as PNG, for the exports to embed."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.core.model import Figure
from guidelight.extract.pdf import mupdf_open

FIGURE_DPI = 150  # sharp on a screen and a phone, small in a Word file


class PdfImages:
    """Renders a figure's region of its page; one open PDF for the whole export."""

    def __init__(self, path: str | Path, password: str | None = None) -> None:
        self._doc = mupdf_open(str(path))
        if self._doc.needs_pass and password:
            self._doc.authenticate(password)

    def png(self, page_number: int, figure: Figure) -> bytes | None:
        try:
            page = self._doc[page_number - 1]
            clip = pymupdf.Rect(figure.bbox) & page.rect
            if clip.is_empty:
                return None
            return bytes(page.get_pixmap(clip=clip, dpi=FIGURE_DPI).tobytes("png"))
        except (IndexError, RuntimeError, ValueError):
            return None

    def close(self) -> None:
        self._doc.close()
