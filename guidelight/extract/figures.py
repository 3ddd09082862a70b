"""Figures on a PDF page: the images that carry content, and their captions.

A listener cannot see a chart; the least they are owed is to know one is there, what its
caption says, and a volunteer's description when there is one. Images too small to
matter (bullets, logos, rules) and images that fill the page (a scan, a background)
are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pymupdf

from guidelight.core.model import Figure, Paragraph, ParagraphKind

MIN_SIDE = 40.0  # points: smaller images are icons, bullets or rules
MIN_AREA_SHARE = 0.015  # of the page: smaller images are decoration
MAX_AREA_SHARE = 0.85  # of the page: larger images are a scan or a background
CAPTION = re.compile(r"^(?:รูป(?:ภาพ)?ที่|ภาพที่|แผนภูมิที่|แผนภาพที่|กราฟที่|Figure|Fig\.|Chart)\s*[\d๐-๙]", re.I)

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FigureDraft:
    """An image found on the page, before its place among the paragraphs is known."""

    bbox: Box


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def find_figures(page: pymupdf.Page, exclude: list[Box]) -> list[FigureDraft]:
    """Content images of the page, top to bottom, none inside ``exclude`` (tables)."""
    if not page.get_images(full=False):  # the resources list is cheap; laying out the page is not
        return []
    area = abs(page.rect) or 1.0
    found: list[FigureDraft] = []
    for info in page.get_image_info():
        rect = pymupdf.Rect(info["bbox"]) & page.rect
        box: Box = (rect.x0, rect.y0, rect.x1, rect.y1)
        if rect.is_empty or min(rect.width, rect.height) < MIN_SIDE:
            continue
        if not MIN_AREA_SHARE <= abs(rect) / area <= MAX_AREA_SHARE:
            continue
        if any(_overlaps(box, other) for other in exclude) or any(_overlaps(box, f.bbox) for f in found):
            continue  # inside a table, or a second image drawn over the same place
        found.append(FigureDraft(box))
    return sorted(found, key=lambda f: (f.bbox[1], f.bbox[0]))


def caption_figures(
    figures: list[Figure], paragraphs: list[Paragraph], text: str
) -> tuple[list[Figure], list[Paragraph]]:
    """Find each figure's caption: the paragraph just after it, else just before it,
    when it reads like one ("รูปที่ 3 ...", "Figure 2."). A caption above its image
    moves the figure before the caption, so the caption always follows the figure."""
    paragraphs = list(paragraphs)
    placed: list[Figure] = []
    taken: set[int] = set()
    for figure in figures:
        for index in (figure.before, figure.before - 1):
            if index in taken or not 0 <= index < len(paragraphs):
                continue
            para = paragraphs[index]
            caption = text[para.start : para.end]
            if para.kind is ParagraphKind.BODY and CAPTION.match(caption):
                paragraphs[index] = replace(para, kind=ParagraphKind.FIGURE)
                figure = replace(figure, caption=caption, before=index)
                taken.add(index)
                break
        placed.append(figure)
    return placed, paragraphs
