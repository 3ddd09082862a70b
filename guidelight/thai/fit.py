"""How well Thai text reads as dictionary words: the judge when the glyphs leave a character in doubt.

Some producers give a glyph no usable identity at all (no name, no cmap, no ToUnicode),
or the wrong one (sara aa written as sara am), or put a tone mark after the next
consonant. The page itself still says which reading is right: of the candidate
readings, the one a Thai reader recognises is the one made of dictionary words. This
module measures exactly that, so repairs can choose between readings instead of guessing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from guidelight.thai.quality import noise_count
from guidelight.thai.repair import NIKHAHIT, compose_sara_am, order_marks

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_THAI_CHAR = re.compile("[\u0e01-\u0e4e]")
# An orthographic error (a mark with no base, sara am split) costs more than any unknown word.
_NOISE_COST = 8
# A nikhahit is Thai only as a sara am's ring, before its sara aa (a tone mark may stand
# between); alone it writes Pali. A bold name's thanthakhat, unnamed by its font, was read
# as one: "ชินพงศํ", "พีรวิชญํ", where the tokeniser found "ชญํ" a shorter misfit than "วิชญ์".
_LONE_NIKHAHIT = re.compile(f"{NIKHAHIT}(?![\u0e48-\u0e4b]?\u0e32)")


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """PyThaiNLP's Thai word list, loaded once."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def words_of(text: str) -> list[str]:
    """Thai ``text`` cut into the dictionary's words (and what is left between them)."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="nlpo3", keep_whitespace=False)


def word_across(left: str, right: str) -> bool:
    """Is there a dictionary word running across the join of Thai ``left`` and ``right``:
    were they one word broken at a line's end ("สนับ-" / "สนุน", "คอม-" / "พิวเตอร์"), not
    two joined by a hyphen of their own ("รับ-ส่ง", "ออสเตรีย-ฮังการี")?"""
    words, at = dictionary(), 0
    for token in words_of(left + right):
        if at < len(left) < at + len(token) and token in words:
            return True
        at += len(token)
    return False


@lru_cache(maxsize=65536)
def misfit(text: str) -> int:
    """``unknown_chars``, kept for the short readings the repairs weigh again and again."""
    return unknown_chars(text)


def unknown_chars(text: str) -> int:
    """Thai characters of ``text`` that no dictionary word accounts for, plus a heavy cost per
    orthographic error; 0 for text made wholly of known words. Not kept: a whole page's text,
    measured once, would only fill ``misfit``'s cache."""
    words = dictionary()
    unknown = 0
    for run in _THAI_RUN.findall(text):
        for token in words_of(run):
            if token not in words and len(token) > 1:
                unknown += len(token)
            elif len(token) == 1 and token not in words:
                unknown += 1
    return unknown + _NOISE_COST * (noise_count(text) + len(_LONE_NIKHAHIT.findall(text)))


def mostly_words(text: str, share: float = 0.2, unknown: int | None = None) -> bool:
    """Is ``text`` Thai a reader would recognise: at most ``share`` of its Thai characters
    outside dictionary words (text with no Thai passes)? OCR's nonsense fails it. ``unknown``
    is ``unknown_chars(text)`` when the caller has it already."""
    return (misfit(text) if unknown is None else unknown) <= share * len(_THAI_CHAR.findall(text))


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], float]:
    """Thai National Corpus word counts, and the log of their total."""
    from pythainlp.corpus import tnc

    counts = dict(tnc.word_freqs())
    return counts, math.log(sum(counts.values()) + len(counts))


def familiarity(text: str) -> float:
    """How likely ``text`` is as written Thai: the log-probability of its words, each taken
    alone (Thai National Corpus counts). The tie-break between two readings that are both
    words (``ครั้ง`` and ``ครั่ง``). Every word costs its improbability, so one common word is
    not outvoted by two that split it: ``บทนำ`` (introduction) beats ``บท น้ำ`` (verse, water)."""
    counts, log_total = _frequencies()
    return sum(
        math.log1p(counts.get(token, 0)) - log_total for run in _THAI_RUN.findall(text) for token in words_of(run)
    )


@dataclass(frozen=True)
class Verdict:
    """The winning candidate, every candidate's total misfit, whether anything at all
    told the winner from the runner-up, and whether the words did (not only how common
    the readings are: ป่า and ป้า are both words, and frequency merely guesses)."""

    best: int
    totals: tuple[int, ...]
    clear: bool

    @property
    def by_words(self) -> bool:
        return self.totals.count(min(self.totals)) == 1


def _joined(before: str, candidate: str, after: str, ring: bool = False) -> str:
    """The text with ``candidate`` in the gap, its sara am written whole and a tone mark drawn
    before its vowel put after it (``อยู่``), as the repairs will write them: a tone mark
    with a nikhahit (one glyph) meets the sara aa after it, and a tone mark between a nikhahit
    and a sara aa (Canva's ``น ํ ้ า``) is น้ำ, not an unknown word that lost the vote to
    a consonant. A lone nikhahit is not made a sara am with the sara aa
    after it (ล้า and ลำ are both words, and a separate glyph is rarely sara am's ring) unless
    ``ring`` says the font draws sara am so: a glyph LibreOffice named mai tho is the ring
    of each จำ, ทำ and ลำ of the page."""
    if candidate == NIKHAHIT and not ring:
        return order_marks(compose_sara_am(before) + candidate + compose_sara_am(after))
    return order_marks(compose_sara_am(before + candidate + after))


def vote(contexts: Iterable[tuple[str, str]], candidates: Sequence[str], *, ring: bool = False) -> Verdict:
    """Which candidate fills a gap best over all of its occurrences.

    ``contexts`` are (text before, text after) pairs around each occurrence of one and
    the same unknown glyph. Fewest characters out of the dictionary wins; among equals,
    the readings whose words are most common; the first candidate wins a full tie.
    ``ring``: the glyph may be the ring of a sara am drawn in two parts (see ``_joined``).
    """
    pairs = list(contexts)
    readings = [[_joined(before, candidate, after, ring) for before, after in pairs] for candidate in candidates]
    totals = tuple(sum(misfit(text) for text in texts) for texts in readings)
    least = min(totals)
    tied = [i for i, total in enumerate(totals) if total == least]
    if len(tied) == 1:
        return Verdict(tied[0], totals, clear=True)
    scores = [sum(familiarity(text) for text in readings[i]) for i in tied]
    top = max(scores)
    winners = [i for i, score in zip(tied, scores, strict=True) if score == top]
    return Verdict(winners[0], totals, clear=len(winners) == 1)
