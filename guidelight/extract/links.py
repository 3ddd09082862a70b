"""Which link each line is: the entries of a contents list set as links, one to a line.

A web page printed to PDF (the PyThaiNLP manual's contents, b20_30) lists its sections as
links, one under another with no leaders and no page numbers, in a size and weight of
their own. Thai lines join with no space, so "เรียงลำดับข้อมูลภาษาไทยใน List" and the next
entry, "รับเวลาปัจจุบันเป็นภาษาไทย", were heard as one sentence. A line that is wholly one
link knows its target, and the layout starts a paragraph where the target changes.
"""

from __future__ import annotations

from dataclasses import replace

import pymupdf

from guidelight.extract.lines import Line

_COVERED = 0.8  # share of a line's width a link's box must cover for the line to be that link


def linked_lines(page: pymupdf.Page, lines: list[Line]) -> list[Line]:
    """``lines`` with each one that a link's box covers (most of its width, its middle
    height) given that link's target."""
    try:
        found = page.get_links()
    except (RuntimeError, ValueError):  # a damaged annotation array: the lines are read without
        return lines
    links = [(pymupdf.Rect(link["from"]), _target(link)) for link in found]
    links = [(box, target) for box, target in links if target]
    if not links:
        return lines
    return [replace(line, link=_link_of(line, links)) for line in lines]


def _target(link: dict) -> str:
    if link.get("uri"):
        return f"uri:{link['uri']}"
    if link.get("page", -1) >= 0:
        return f"page:{link['page']}:{link.get('to', '')}"
    return ""


def _link_of(line: Line, links: list[tuple[pymupdf.Rect, str]]) -> str:
    middle = (line.y0 + line.y1) / 2
    for box, target in links:
        across = min(box.x1, line.x1) - max(box.x0, line.x0)
        if box.y0 <= middle <= box.y1 and across >= _COVERED * line.width:
            return target
    return ""
