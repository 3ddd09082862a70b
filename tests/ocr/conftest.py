"""Small Thai PDFs made on the fly, scanned to image-only pages with the benchmark's own scanner."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.make_scans import Damage, scan_pdf

FONTS = Path("/usr/share/fonts/truetype/tlwg")  # fonts-thai-tlwg, installed by scripts/install.sh

Box = tuple[tuple[float, float, float, float], str, float]  # rect, text, font size in points


@pytest.fixture
def scanned(tmp_path: Path) -> Callable[..., pymupdf.Page]:
    """Lay out Thai text boxes on an A4 page in a TLWG font (Loma unless ``font`` is given),
    lines ``line_height`` apart (of the font's size), scan it at 300 dpi, return the image-only page."""
    docs: list[pymupdf.Document] = []

    def make(boxes: list[Box], font: str = "Loma", line_height: float = 1.5) -> pymupdf.Page:
        source, scan = tmp_path / "source.pdf", tmp_path / "scan.pdf"
        with pymupdf.open() as doc:
            page = doc.new_page(width=595, height=842)
            archive = pymupdf.Archive(str(FONTS))
            for rect, text, size in boxes:
                css = (f"@font-face {{font-family: th; src: url({font}.ttf);}}"
                       f" * {{font-family: th; font-size: {size}pt; line-height: {line_height}}}")
                spare, scale = page.insert_htmlbox(pymupdf.Rect(rect), f"<p>{text}</p>", css=css,
                                                   archive=archive)
                assert spare >= 0 and scale == 1, "test text does not fit its box"
            doc.save(source)
        scan_pdf(source, scan, 300, seed=7, damage=Damage(skew_degrees=0.5, specks=300))
        out = pymupdf.open(scan)
        docs.append(out)
        return out[0]

    yield make
    for doc in docs:
        doc.close()
