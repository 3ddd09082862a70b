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

MAX_CAPTION_PARAGRAPHS = 3  # a label, a title, its translation: APA figures above their image
MAX_CAPTION_CHARS = 300
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FigureDraft:
    """An image found on the page, before its place among the paragraphs is known; ``read``
    when its text, read by OCR, follows it (``pictured.py``)."""

    bbox: Box
    read: bool = False


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


def _caption_run(paragraphs: list[Paragraph], text: str, before: int, taken: set[int]) -> list[int]:
    """The paragraphs that caption a figure standing before paragraph ``before``: the one
    just after it when it reads like a caption; else a caption label shortly above it
    ("Figure 1" set bold, as APA style has it) with the title lines between."""
    def is_label(index: int) -> bool:
        para = paragraphs[index]
        return (index not in taken and para.kind in (ParagraphKind.BODY, ParagraphKind.HEADING)
                and bool(CAPTION.match(text[para.start : para.end])))

    if before < len(paragraphs) and is_label(before):
        return [before]
    for start in range(before - 1, max(-1, before - 1 - MAX_CAPTION_PARAGRAPHS), -1):
        if is_label(start):
            run = list(range(start, before))
            body_between = all(paragraphs[i].kind is ParagraphKind.BODY and i not in taken for i in run[1:])
            short = sum(paragraphs[i].end - paragraphs[i].start for i in run) <= MAX_CAPTION_CHARS
            return run if body_between and short else []
    return []


def caption_figures(
    figures: list[Figure], paragraphs: list[Paragraph], text: str
) -> tuple[list[Figure], list[Paragraph]]:
    """Give each figure its caption (see ``_caption_run``). Caption paragraphs become
    kind FIGURE, and a figure whose caption is above it moves before the caption, so the
    caption always follows the figure it names."""
    paragraphs = list(paragraphs)
    placed: list[Figure] = []
    taken: set[int] = set()
    for figure in figures:
        run = _caption_run(paragraphs, text, figure.before, taken)
        if run:
            for index in run:
                paragraphs[index] = replace(paragraphs[index], kind=ParagraphKind.FIGURE, level=0)
            caption = " ".join(text[paragraphs[i].start : paragraphs[i].end] for i in run)
            figure = replace(figure, caption=caption, before=run[0])
            taken.update(run)
        placed.append(figure)
    return placed, paragraphs
