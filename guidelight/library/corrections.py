"""Volunteer corrections: an overlay on the extracted pages, never an edited PDF.

Each correction is anchored to a paragraph by page number, paragraph index and a hash of
the paragraph's original text. Extraction improves over time (better Thai repair, a new
layout rule), so the overlay is re-applied to whatever the extractor produces now: the
anchor is looked for at its index first, then anywhere on the page (a paragraph split
earlier on the page shifts the indexes), and a correction whose text can no longer be
found is reported as stale instead of being applied to the wrong paragraph.

``apply_corrections`` is pure: Page in, corrected Page out, offsets rebuilt so the
reader, the highlight and the speech pipeline see one consistent text.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guidelight.core.model import Figure, Page, Paragraph, ParagraphKind, Sentence, Table, Word
from guidelight.core.tables import DESCRIPTION_PREFIX
from guidelight.thai.segment import segment_paragraph

PARAGRAPH_SEPARATOR = "\n\n"  # Page.text joins paragraphs with a blank line
FIGURE_PREFIX = DESCRIPTION_PREFIX  # "Figure: ", so the listener knows a description is not body text
PAGE_TOP = -1  # paragraph index of a figure placed before the first paragraph


class CorrectionKind(enum.StrEnum):
    TEXT = "text"  # replace the paragraph's text
    HEADING = "heading"  # make it a heading of ``level`` (0: body text), optionally renamed
    FURNITURE = "furniture"  # running header/footer: leave it out of the reading text
    FIGURE = "figure"  # a description, read right after the anchored paragraph


@dataclass(frozen=True)
class Anchor:
    """Where a correction applies: 1-based page, paragraph index, hash of its original text."""

    page: int
    paragraph: int
    text_hash: str


@dataclass(frozen=True)
class Correction:
    kind: CorrectionKind
    anchor: Anchor
    text: str = ""
    level: int = 0
    author: str = ""
    id: int | None = None
    created_at: float = 0.0


def text_hash(text: str) -> str:
    """Hash of a paragraph's text, blind to whitespace and Unicode composition changes."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def paragraph_text(page: Page, index: int) -> str:
    para = page.paragraphs[index]
    return page.text[para.start : para.end]


def anchor_for(page: Page, index: int) -> Anchor:
    """The anchor of paragraph ``index`` of ``page`` (``PAGE_TOP`` for the page's top)."""
    if index == PAGE_TOP:
        return Anchor(page.number, PAGE_TOP, "")
    if not 0 <= index < len(page.paragraphs):
        raise IndexError(f"page {page.number} has no paragraph {index + 1}")
    return Anchor(page.number, index, text_hash(paragraph_text(page, index)))


def fix_text(page: Page, index: int, text: str, author: str = "") -> Correction:
    return Correction(CorrectionKind.TEXT, anchor_for(page, index), text=text, author=author)


def mark_heading(page: Page, index: int, level: int, title: str = "", author: str = "") -> Correction:
    """Make a paragraph a heading of ``level`` (0 turns a false heading back into body text)."""
    return Correction(CorrectionKind.HEADING, anchor_for(page, index), text=title, level=level, author=author)


def mark_furniture(page: Page, index: int, author: str = "") -> Correction:
    return Correction(CorrectionKind.FURNITURE, anchor_for(page, index), author=author)


def describe_figure(page: Page, after: int, description: str, author: str = "") -> Correction:
    """A figure description read after paragraph ``after`` (``PAGE_TOP``: before the first)."""
    return Correction(CorrectionKind.FIGURE, anchor_for(page, after), text=description, author=author)


def resolve(page: Page, anchor: Anchor) -> int | None:
    """The paragraph index an anchor points to on this page now, or None if it is gone."""
    if anchor.paragraph == PAGE_TOP:
        return PAGE_TOP
    hashes = [text_hash(paragraph_text(page, i)) for i in range(len(page.paragraphs))]
    if 0 <= anchor.paragraph < len(hashes) and hashes[anchor.paragraph] == anchor.text_hash:
        return anchor.paragraph
    matches = [i for i, h in enumerate(hashes) if h == anchor.text_hash]
    return min(matches, key=lambda i: abs(i - anchor.paragraph)) if matches else None


def stale_corrections(page: Page, corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections for this page whose paragraph is no longer there: a volunteer must redo them."""
    return [c for c in corrections if c.anchor.page == page.number and resolve(page, c.anchor) is None]


@dataclass
class _Piece:
    """A paragraph being rebuilt; ``sentences`` are relative to the piece, None to re-segment."""

    text: str
    kind: ParagraphKind
    level: int
    bbox: tuple[float, float, float, float]
    sentences: tuple[Sentence, ...] | None
    table: Table | None = None  # a table's cells, kept while its text is not rewritten


def apply_corrections(page: Page, corrections: Iterable[Correction]) -> Page:
    """The page as the student should hear it, with every applicable correction applied."""
    by_index: dict[int, list[Correction]] = {}
    for correction in corrections:
        if correction.anchor.page != page.number:
            continue
        index = resolve(page, correction.anchor)
        if index is not None:
            by_index.setdefault(index, []).append(correction)
    if not by_index:
        return page

    pieces: list[_Piece] = []
    furniture = list(page.furniture)
    # An extracted figure standing before paragraph i (Figure.before) moves with the
    # paragraphs; a description written after paragraph i - 1 is that figure's alt text.
    stand: dict[int, int] = {}
    alt: dict[int, str] = {}

    def add_descriptions(position: int, described: list[_Piece]) -> None:
        if described:
            stand[position], alt[position] = len(pieces), described[0].text.removeprefix(FIGURE_PREFIX)
            pieces.extend(described)

    add_descriptions(0, _figures(by_index.get(PAGE_TOP, ())))
    for index, para in enumerate(page.paragraphs):
        stand.setdefault(index, len(pieces))
        own = by_index.get(index, ())
        original = page.text[para.start : para.end]
        if any(c.kind is CorrectionKind.FURNITURE for c in own):
            furniture.append(original)
        else:
            pieces.append(_corrected_piece(para, original, own))
        add_descriptions(index + 1, _figures(own))
    stand.setdefault(len(page.paragraphs), len(pieces))
    figures = tuple(
        # several images at one place: the description belongs to the first of them
        dataclasses.replace(f, before=stand[f.before], alt=alt.pop(f.before, f.alt)) for f in page.figures
    )
    return _assemble(page, pieces, tuple(furniture), figures)


def _latest(corrections: Sequence[Correction], kind: CorrectionKind) -> Correction | None:
    found = [c for c in corrections if c.kind is kind]
    return max(found, key=lambda c: (c.created_at, c.id or 0)) if found else None


def _corrected_piece(para: Paragraph, original: str, own: Sequence[Correction]) -> _Piece:
    relative = tuple(_shift_sentence(s, -para.start) for s in para.sentences)
    piece = _Piece(original, para.kind, para.level, para.bbox, relative, para.table)
    text_fix = _latest(own, CorrectionKind.TEXT)
    if text_fix is not None and text_fix.text != original:
        piece.text, piece.sentences, piece.table = text_fix.text, None, None
        if piece.kind is ParagraphKind.TABLE:  # rewritten as prose by the volunteer
            piece.kind = ParagraphKind.BODY
    heading = _latest(own, CorrectionKind.HEADING)
    if heading is not None:
        piece.kind = ParagraphKind.HEADING if heading.level > 0 else ParagraphKind.BODY
        piece.level = max(0, heading.level)
        if heading.text and heading.text != piece.text:
            piece.text, piece.sentences = heading.text, None
    return piece


def _figures(corrections: Iterable[Correction]) -> list[_Piece]:
    return [
        _Piece(FIGURE_PREFIX + c.text, ParagraphKind.BODY, 0, (0.0, 0.0, 0.0, 0.0), None)
        for c in sorted(corrections, key=lambda c: (c.created_at, c.id or 0))
        if c.kind is CorrectionKind.FIGURE and c.text.strip()
    ]


def _assemble(
    page: Page, pieces: Sequence[_Piece], furniture: tuple[str, ...], figures: tuple[Figure, ...]
) -> Page:
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    cursor = 0
    for piece in pieces:
        if parts:
            cursor += len(PARAGRAPH_SEPARATOR)
        if piece.sentences is None:  # corrected text: segment it afresh
            sentences = segment_paragraph(piece.text, cursor)
        else:
            sentences = tuple(_shift_sentence(s, cursor) for s in piece.sentences)
        paragraphs.append(
            Paragraph(cursor, cursor + len(piece.text), piece.kind, piece.level, sentences, piece.bbox, piece.table)
        )
        parts.append(piece.text)
        cursor += len(piece.text)
    return dataclasses.replace(
        page, text=PARAGRAPH_SEPARATOR.join(parts), paragraphs=tuple(paragraphs), furniture=furniture,
        figures=figures,
    )


def _shift_sentence(sentence: Sentence, delta: int) -> Sentence:
    words = tuple(Word(w.start + delta, w.end + delta, w.lang) for w in sentence.words)
    return Sentence(sentence.start + delta, sentence.end + delta, words)
