"""Small PDFs made on the spot, so each test shows the exact damage it repairs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from tests.story import story_pdf

ROOT = Path(__file__).resolve().parents[2]
SARABUN = ROOT / "assets" / "fonts" / "Sarabun-Regular.ttf"
SARABUN_BOLD = ROOT / "assets" / "fonts" / "Sarabun-Bold.ttf"
GARUDA = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")  # has the legacy PUA glyphs
SHARED = ROOT.parent / "shared"

# (text, x, y, fontsize, font file or a Base-14 font's name: "cobo" is Courier-Bold) per line
Line = tuple[str, float, float, float, Path | str]


def write_pdf(path: Path, pages: list[list[Line]], *, toc: list[list] | None = None) -> Path:
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        for text, x, y, size, font in lines:
            name = font if isinstance(font, str) else font.stem.replace("-", "")
            if isinstance(font, Path):
                page.insert_font(fontname=name, fontfile=str(font))
            page.insert_text((x, y), text, fontname=name, fontsize=size)
    if toc:
        doc.set_toc(toc)
    doc.save(path)
    return path


def sarabun_story_pdf(path: Path, html: str) -> Path:
    """A PDF set by PyMuPDF's Story writer in Sarabun: its shaped marks have no ToUnicode."""
    style = "@font-face {font-family: s; src: url(Sarabun-Regular.ttf);} * {font-family: s; font-size: 14px;}"
    return story_pdf(path, html, style)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own page cache, so no test sees another's pages."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("GUIDELIGHT_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(1000))

    def make(pages: list[list[Line]], **kwargs: object) -> Path:
        return write_pdf(tmp_path / f"doc{next(counter)}.pdf", pages, **kwargs)  # type: ignore[arg-type]

    return make
