"""Fixtures for library tests: a fresh library on tmp_path and small real PDFs."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pymupdf
import pytest

from guidelight.library import Library, open_library

MakePdf = Callable[..., Path]


def write_pdf(path: Path, pages: Sequence[str], title: str = "") -> Path:
    """A real PDF with one text paragraph per page (blank lines make more paragraphs)."""
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        y = 72
        for paragraph in text.split("\n\n"):
            page.insert_text((72, y), paragraph, fontsize=12)
            y += 48
    if title:
        doc.set_metadata({"title": title})
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = open_library(tmp_path / "library")
    yield library
    library.close()


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    def make(name: str, *pages: str, title: str = "") -> Path:
        return write_pdf(tmp_path / "pdfs" / name, pages or (f"Content of {name}",), title)

    return make


@pytest.fixture(autouse=True)
def _page_cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction caches pages per user; tests must not touch the real cache."""
    monkeypatch.setenv("GUIDELIGHT_CACHE_DIR", str(tmp_path / "page-cache"))
