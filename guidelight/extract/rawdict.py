"""Walking MuPDF's ``rawdict`` reading of a page: its lines, spans and characters in order.

Every pass over a reading (the line builder's, the hidden-text filters', the font-scale
count's) walks the same nesting of blocks, lines, spans and characters; an image block has
no lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def raw_lines(raw: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every line of a rawdict reading, in order."""
    for block in raw["blocks"]:
        yield from block.get("lines", ())


def raw_spans(raw: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span of a rawdict reading, in order."""
    for line in raw_lines(raw):
        yield from line["spans"]


def raw_chars(raw: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every character of a rawdict reading, in order."""
    for span in raw_spans(raw):
        yield from span["chars"]
