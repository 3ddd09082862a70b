"""Text in the pictures of a page that has a text layer, read by OCR.

Course documents paste what a student must read as screenshots: a report's Java code, a
worksheet's chat with its answers, the settings form a manual says to fill in. The text
layer has none of it, so it was silent and `check` said nothing. Each figure with no
text of the layer over it (text drawn over a picture is read from the layer) is read by
Tesseract, and what reads as text follows the figure (and its caption) as paragraphs of
its own; the page counts ``picture_ocr``, so `check` flags it and the listener is told
some words may be wrong. A photograph, a chart's lines or a circuit read as a few
scattered signs ("๑ ๑", "๒๑๐ ๓ เล ละข ย") gives nothing.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from guidelight.core.model import DOUBTFUL_NOISE_PER_K
from guidelight.extract.budget import PageGivenUp, check_render
from guidelight.extract.figures import CAPTION, Box, FigureDraft
from guidelight.extract.layout import ParagraphDraft, in_box
from guidelight.extract.ocr import OcrBlock, ocr_available, ocr_picture
from guidelight.thai.fit import mostly_words
from guidelight.thai.quality import measure

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pymupdf

    from guidelight.extract.blocks import Block
    from guidelight.extract.lines import Line

_log = logging.getLogger(__name__)
MAX_PICTURES = 6  # read per page, the largest first: each is a Tesseract run of up to a few seconds
MIN_LETTERS = 2  # a block of fewer letters is a speck or a lone sign read off a drawing
BLOCK_WORDS = 0.25  # share of a block's Thai that may be outside dictionary words (OCR's nonsense is more)
# Tesseract's mean confidence in a Thai block's symbols below which its reading is guesswork.
# A thesis's screenshots of a Thai web form, letters of 7 to 9 pixels, read "ผู้ตูแสระฆบ" (0.80)
# for ผู้ดูแลระบบ and "พ่อ วันพี่ แพมแฉ่ม" (0.847): nonsense made of dictionary words, which the
# share above lets through, heard as though the document said it; the well-read labels
# beside them ("ข้อมูลที่ต้องการค้นหา", 0.94) score more. Latin is not held to it: a menu's
# short words are read right at 0.78 ("Settings Network"), and its misreadings sound wrong.
BLOCK_CONFIDENCE = 0.85
OVER_LAYER = 0.3  # share of a block's box over the text layer's lines from which it is their text read again


def read_pictures(page: pymupdf.Page, figures: Sequence[FigureDraft], lines: Sequence[Line]
                  ) -> dict[Box, tuple[ParagraphDraft, ...]]:
    """What each figure's picture says, by its box: only figures no line of the text
    layer stands in, and only the text that reads as text; nothing without Tesseract."""
    if not figures or ocr_available() is not None:
        return {}
    try:
        check_render(page)
    except PageGivenUp:
        return {}  # a page painting its pictures over itself hundreds of times: its text alone is read
    bare = [figure for figure in figures if not any(in_box(figure.bbox, line.box) for line in lines)]
    bare.sort(key=lambda figure: _area(figure.bbox), reverse=True)
    read: dict[Box, tuple[ParagraphDraft, ...]] = {}
    for figure in bare[:MAX_PICTURES]:
        drafts = _picture_text(page, figure.bbox, [line.box for line in lines if _overlap(line.box, figure.bbox)])
        if drafts:
            read[figure.bbox] = drafts
    return read


def with_picture_text(drafts: Sequence[Block], read: dict[Box, tuple[ParagraphDraft, ...]]) -> list[Block]:
    """The page's blocks with each read figure's text after it, and after its caption when
    the caption is the paragraph below it: heard as the figure, what it is, what it says."""
    placed: list[Block] = []
    pending: tuple[ParagraphDraft, ...] = ()
    for draft in drafts:
        if pending and not (isinstance(draft, ParagraphDraft) and CAPTION.match(draft.text)):
            placed.extend(pending)
            pending = ()
        if isinstance(draft, FigureDraft) and draft.bbox in read:
            placed.append(replace(draft, read=True))
            pending = read[draft.bbox]
            continue
        placed.append(draft)
    placed.extend(pending)
    return placed


def _picture_text(page: pymupdf.Page, box: Box, layer: Sequence[Box]) -> tuple[ParagraphDraft, ...]:
    """The picture's blocks that read as text, as body paragraphs (a picture's large
    letters are no heading of the document); none when its reading is noise. A block over
    the text layer's lines (``layer``: their boxes) is that text read again: a Publisher
    page's transparent picture lies across a paragraph's line ends, heard twice."""
    import pymupdf

    try:
        read = ocr_picture(page, pymupdf.Rect(box))
    except Exception:  # a picture MuPDF cannot render, or Tesseract failing: only its text is lost
        _log.warning("a picture on page %d could not be read by OCR", page.number + 1, exc_info=True)
        return ()
    kept = tuple(ParagraphDraft(block.text, 0, block.bbox) for block in read.blocks
                 if _reads_as_text(block.text) and _sure_enough(block) and not _over_layer(block.bbox, layer))
    if measure(" ".join(draft.text for draft in kept), {}).noise_per_k > DOUBTFUL_NOISE_PER_K:
        return ()
    return kept


def _reads_as_text(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= MIN_LETTERS and mostly_words(text, BLOCK_WORDS)


def _sure_enough(block: OcrBlock) -> bool:
    """Is Tesseract sure enough of a block's reading: any Latin block, a Thai one (half its
    letters Thai) only at ``BLOCK_CONFIDENCE`` or more."""
    letters = [ch for ch in block.text if ch.isalpha()]
    thai = sum("\u0e01" <= ch <= "\u0e5b" for ch in letters)
    return 2 * thai < len(letters) or block.confidence >= BLOCK_CONFIDENCE


def _over_layer(block: Box, layer: Sequence[Box]) -> bool:
    return sum(_overlap(block, line) for line in layer) >= OVER_LAYER * _area(block)


def _overlap(one: Box, other: Box) -> float:
    """The area two boxes share."""
    across = min(one[2], other[2]) - max(one[0], other[0])
    down = min(one[3], other[3]) - max(one[1], other[1])
    return max(0.0, across) * max(0.0, down)


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])
