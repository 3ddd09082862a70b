"""A page's drawn paths, listed once a page for every reader that asks in turn: the table
finders, the text boxes, the fraction bars."""

from __future__ import annotations

import functools
from typing import Any

import pymupdf


@functools.lru_cache(maxsize=2)
def page_drawings(page: pymupdf.Page) -> list[dict[str, Any]]:
    """The page's drawn paths (``get_cdrawings``); not to be changed by the caller."""
    return page.get_cdrawings()
