"""Glyphs that neither the PDF nor the font names, settled by the words around them.

When a glyph has no ToUnicode worth trusting, no glyph name, no cmap entry and no outline
twin (see ``glyphs.GlyphResolver``), its line is first read with a placeholder in its
place. Once the page's lines are all read, every occurrence of the same glyph is looked
at together and the character that makes the most dictionary words of its neighbours is
chosen (``thai.fit.vote``): a glyph drawn ninety times after ``ที`` and before ``มี`` is mai
ek. The choice is remembered for the rest of the document, counted as a repair, and a
choice the words could not make (two readings both words, told apart only by how common
they are) is counted apart, so the page is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from guidelight.extract.budget import check_time
from guidelight.extract.glyph_shapes import Placement
from guidelight.thai.fit import vote

if TYPE_CHECKING:
    from guidelight.extract.glyphs import GlyphResolver
    from guidelight.extract.lines import Line

# Stands in a line's text for a glyph not yet settled; outside anything a PDF's Thai uses.
PLACEHOLDER = "\U0010fffd"

_ABOVE = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d"
_BELOW = "\u0e38\u0e39\u0e3a"
# A tone mark and the nikhahit of a sara am drawn as one glyph (Sarabun's ``uni0E4D0E49``,
# which Qt's PDF writer leaves with no ToUnicode): น้ำ is น, this glyph, sara aa.
_TONE_AND_NIKHAHIT = ("\u0e48\u0e4d", "\u0e49\u0e4d", "\u0e4a\u0e4d", "\u0e4b\u0e4d")
_SPACING = "".join(chr(c) for c in range(0x0E01, 0x0E2F)) + "\u0e30\u0e32\u0e33\u0e40\u0e41\u0e42\u0e43\u0e44\u0e46"
_SAMPLE = 200  # occurrences of one glyph a vote looks at: plenty to judge, and bounded
_ROUNDS = 3  # of judging each unknown glyph again with the others' choices filled in
_FEW = 3  # occurrences: a choice made by how common the readings are over fewer is a guess
_CONTEXT = 12  # Thai characters each side: a word or two, enough to judge a syllable
_THAI_BEFORE = re.compile(f"[\u0e01-\u0e4e]{{0,{_CONTEXT}}}$")
_THAI_AFTER = re.compile(f"^[\u0e01-\u0e4e]{{0,{_CONTEXT}}}")

GlyphKey = tuple[str, int, bool]  # font key, glyph id, drawn with no advance


@dataclass(frozen=True)
class Unknown:
    """One glyph in doubt: which glyph, and what it may be, the file's own claim first."""

    key: GlyphKey
    candidates: tuple[str, ...]
    claimed: bool  # candidates[0] is what the file says, to be kept unless clearly worse
    # The claim is one the page's spelling refused (``refused_claims``): the glyph may be a
    # sara am's ring, and the claim loses a tie to a commoner reading (``_choose``).
    refused: bool = False


def candidates_for(placement: Placement | None, zero_advance: bool | None) -> tuple[str, ...]:
    """What a glyph can be from where it sits: marks above (a tone mark with a nikhahit when
    drawn in two parts) or below, or a spacing letter; anything Thai when neither its drawing
    nor its advance is known."""
    if placement is Placement.STACKED:
        return _TONE_AND_NIKHAHIT
    if placement is Placement.ABOVE:
        return tuple(_ABOVE)
    if placement is Placement.BELOW:
        return tuple(_BELOW)
    if zero_advance is None:
        return tuple(_ABOVE + _BELOW + _SPACING)
    if zero_advance:
        return tuple(_ABOVE + _BELOW)
    return tuple(_SPACING)


def settle(lines: list[Line], pending: list[Unknown], resolver: GlyphResolver, repairs: Counter[str]) -> list[Line]:
    """Replace each placeholder in ``lines`` (in reading order, one per ``pending`` entry)
    with the candidate its occurrences' words choose.

    Unknown glyphs often meet in one syllable (sara ii and mai ek of ``ที่``), so each is
    judged with the others filled in by their current choice, a few rounds over, until the
    choices stand still."""
    parts = [line.text.split(PLACEHOLDER) for line in lines]
    keys: list[list[GlyphKey]] = []
    first: dict[GlyphKey, Unknown] = {}
    k = 0
    for pieces in parts:
        keys.append([pending[k + j].key for j in range(len(pieces) - 1)])
        for unknown in pending[k : k + len(pieces) - 1]:
            first[unknown.key] = _widened(first.get(unknown.key), unknown)
        k += len(pieces) - 1
    # First from the occurrences with no other unknown beside them (``มี`` tells sara ii
    # better than ``ที่`` with its mai ek also unknown), then from all, the others filled in.
    choice: dict[GlyphKey, str] = {}
    for key, unknown in first.items():
        alone = _contexts(parts, keys, key, choice, alone=True)
        if alone:
            choice[key] = _choose(unknown, alone)
    for _ in range(_ROUNDS):
        before = dict(choice)
        for key, unknown in first.items():
            check_time()  # a page of thousands of unknown glyphs is given up, not hung on
            choice[key] = _choose(unknown, _contexts(parts, keys, key, choice))
        if choice == before:
            break
    unsure = []
    for key, unknown in first.items():
        contexts = _contexts(parts, keys, key, choice)
        if (tied := _guessed_among(unknown, choice[key], contexts)) is not None:
            unsure.append((key, unknown, contexts, tied))
            continue
        _count(unknown, choice[key], contexts, repairs)
        if key[1] >= 0:  # a glyph the drawing did not show has no id to remember it by
            resolver.decided[key] = choice[key]
    # What the words left to how common each reading is goes, where it can, by the glyph's
    # likeness to one the fonts or the sure choices above have named.
    for key, unknown, contexts, tied in unsure:
        alike = resolver.by_likeness(key, tied) if key[1] >= 0 else None
        if alike is not None:
            choice[key] = alike
            repairs["glyph_by_likeness"] += len(contexts)
        else:
            _count(unknown, choice[key], contexts, repairs)
            repairs["glyph_unsure"] += len(contexts)
        if key[1] >= 0:
            resolver.decided[key] = choice[key]
    settled = []
    for line, pieces, line_keys in zip(lines, parts, keys, strict=True):
        if line_keys:
            line = replace(line, text=" ".join(_fill(pieces, line_keys, choice).split()))
        if line.text:
            settled.append(line)
    return settled


def _widened(known: Unknown | None, unknown: Unknown) -> Unknown:
    """One glyph's doubt over all its occurrences: what any of them allows (a mark measured
    with no advance mid-word, and with its width at a line's end, may be a mark or a letter),
    the file's claim first. A claim stays as the first occurrence made it."""
    if known is None or known.claimed or unknown.claimed:
        return known or unknown
    extra = tuple(c for c in unknown.candidates if c not in known.candidates)
    return replace(known, candidates=known.candidates + extra) if extra else known


def _fill(pieces: list[str], keys: list[GlyphKey], choice: dict[GlyphKey, str]) -> str:
    return pieces[0] + "".join(choice.get(key, "") + piece for key, piece in zip(keys, pieces[1:], strict=True))


def _contexts(
    parts: list[list[str]],
    keys: list[list[GlyphKey]],
    key: GlyphKey,
    choice: dict[GlyphKey, str],
    *,
    alone: bool = False,
) -> list[tuple[str, str]]:
    """(Thai before, Thai after) each occurrence of ``key``, other unknowns filled in; with
    ``alone``, only occurrences whose neighbours are both known characters."""
    found = []
    for pieces, line_keys in zip(parts, keys, strict=True):
        for j, other in enumerate(line_keys):
            if other == key and not (alone and not (pieces[j] and pieces[j + 1])):
                found.append(_around(pieces, line_keys, j, choice))
    return found


def _around(pieces: list[str], keys: list[GlyphKey], j: int, choice: dict[GlyphKey, str]) -> tuple[str, str]:
    """The Thai just before and after placeholder ``j`` of a line, built from its nearest
    pieces only: a line of thousands of unknown glyphs must not be rebuilt for each."""
    before, s = pieces[j], j
    while len(before) < 2 * _CONTEXT and s > 0:
        s -= 1
        before = pieces[s] + choice.get(keys[s], "") + before
    after, e = pieces[j + 1], j + 1
    while len(after) < 2 * _CONTEXT and e < len(keys):
        after += choice.get(keys[e], "") + pieces[e + 1]
        e += 1
    return _tail(before), _head(after)


def _tail(text: str) -> str:
    match = _THAI_BEFORE.search(text)
    return match.group() if match else ""


def _head(text: str) -> str:
    match = _THAI_AFTER.search(text)
    return match.group() if match else ""


def _choose(unknown: Unknown, contexts: list[tuple[str, str]]) -> str:
    verdict = vote(contexts[:_SAMPLE], unknown.candidates, ring=unknown.refused)
    if unknown.refused and verdict.totals[0] == verdict.totals[verdict.best]:
        # A claim the page's spelling refused has lost its right to ties: where the words
        # fit it as well as another reading (จ้าน วน, จำนวน), the commoner reading wins.
        return unknown.candidates[verdict.best]
    if unknown.claimed and verdict.totals[0] - verdict.totals[verdict.best] < len(contexts[:_SAMPLE]):
        # What the file says is overridden only when the words are clearly better without
        # it: at least one character fewer out of the dictionary per occurrence.
        return unknown.candidates[0]
    return unknown.candidates[verdict.best]


def _count(unknown: Unknown, chosen: str, contexts: list[tuple[str, str]], repairs: Counter[str]) -> None:
    if not (unknown.claimed and chosen == unknown.candidates[0]):
        repairs["glyph_by_words"] += len(contexts)


def _guessed_among(unknown: Unknown, chosen: str, contexts: list[tuple[str, str]]) -> tuple[str, ...] | None:
    """The readings the words found equally good, where only how common each is chose among
    them: a wrong claim replaced so; or the words did not tell the readings apart (ป่า or
    ป้า) in too few places to trust (over 23 places, ข้อมูล and กว้าง outweigh the rare ข่อ and
    กว่าง, all words). None where the words chose, or the claim was kept."""
    if unknown.claimed and chosen == unknown.candidates[0]:
        return None
    if not unknown.refused and (unknown.claimed or len(contexts) >= _FEW):
        return None
    verdict = vote(contexts[:_SAMPLE], unknown.candidates, ring=unknown.refused)
    if verdict.by_words:
        return None
    least = min(verdict.totals)
    return tuple(c for c, total in zip(unknown.candidates, verdict.totals, strict=True) if total == least)
