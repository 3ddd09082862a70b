"""Correct the Thai of recognised text: the repair rules, then the dictionary.

Tesseract's Thai errors are mostly marks: a tone mark lost or added, sara am read as sara
aa (``น้ำ`` -> ``น้า``) or as nikhahit + sara aa, sara i read as sara ii. Each such error
keeps the word's skeleton (its letters without those marks), so every run of Thai is
re-segmented against the dictionary, allowing a word to be replaced by a dictionary word
with the same skeleton at a fixed price per changed character. Word frequencies from the
Thai National Corpus (shipped with PyThaiNLP) decide: ``แม่น้า`` becomes ``แม่น้ำ`` because one
common word and one edit cost less than two words; a correct but rare word is kept because
changing it costs more than it saves. Runs are repaired whole first (never line by line).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from guidelight.extract.ocr_layout import THAI_MARKS
from guidelight.thai.calendar import MONTHS
from guidelight.thai.repair import repair_text

EDIT_COST = 4.0  # nats per changed character: a correction must make the text that much likelier
UNKNOWN_COST = 10.0  # nats per character the dictionary cannot explain (a name, a misread letter)
AM_SLIP_COST = 2.0  # nats for reading sara aa where the dictionary has sara am
SARA_AM, SARA_AA = "\u0e33", "\u0e32"
MIN_JOINED = 3  # letters a word must have for a gap inside it to be closed
SPACE_COST = 2.0  # nats for reading a space inside a dictionary word as a misplaced gap
MAX_EDITS = 2  # a word needing more changes than this is another word, not a misreading
MAX_WORD = 24  # longest word looked up, in characters

_THAI = "[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]"  # Thai letters and marks; not digits, ๆ, ฯ
_RUN = re.compile(f"{_THAI}+")
_SPACED_RUN = re.compile(f"{_THAI}+(?: {_THAI}+)*")  # OCR puts spaces inside words: a run spans them
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
# The skeleton forgets exactly what Tesseract loses or confuses: every mark above the line
# (tone marks, thanthakhat, maitaikhu, nikhahit, mai han-akat, the upper vowels), and sara am
# against sara aa. Letters on the line and the vowels below it stay.
_SKELETON = str.maketrans({
    **dict.fromkeys(map(ord, "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"), None),
    ord("\u0e33"): "\u0e32",
})


def skeleton(word: str) -> str:
    return word.translate(_SKELETON)


@dataclass(frozen=True)
class Lexicon:
    """Thai words with their cost (negative log frequency) and an index by skeleton."""

    cost: dict[str, float]
    by_skeleton: dict[str, tuple[str, ...]]
    unknown: float  # cost of one character the dictionary cannot explain


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """PyThaiNLP's word list weighted by TNC frequencies; built once (~0.3 s)."""
    from pythainlp.corpus import thai_words
    from pythainlp.corpus.tnc import word_freqs

    freqs = {w: f for w, f in word_freqs() if _RUN.fullmatch(w)}
    words = set(thai_words()) | {w for w, f in freqs.items() if f >= 5}
    total = sum(freqs.values()) + len(words)
    cost = {w: math.log(total / (freqs.get(w, 0) + 1)) for w in words if _RUN.fullmatch(w)}
    index: dict[str, list[str]] = {}
    for word in cost:
        index.setdefault(skeleton(word), []).append(word)
    return Lexicon(cost, {k: tuple(v) for k, v in index.items()}, UNKNOWN_COST)


def _best_word(piece: str, lex: Lexicon) -> tuple[float, str] | None:
    """The cheapest dictionary reading of ``piece``: itself, or a word with its skeleton plus edits."""
    best: tuple[float, str] | None = None
    for word in lex.by_skeleton.get(skeleton(piece), ()):
        edits = Levenshtein.distance(piece, word, score_cutoff=MAX_EDITS)
        if edits > MAX_EDITS:
            continue
        # Sara am read as sara aa (its small nikhahit lost) is Tesseract's commonest slip: cheaper
        # (only that way round: a sara am on the page is not invented).
        am_slips = max(0, edits - Levenshtein.distance(piece, word.replace(SARA_AM, SARA_AA)))
        cost = lex.cost[word] + EDIT_COST * (edits - am_slips) + AM_SLIP_COST * am_slips
        if best is None or cost < best[0]:
            best = (cost, word)
    return best


def _boundaries(run: str) -> list[bool]:
    """Where a word may end: at a space, else never before a combining mark or after a leading vowel."""
    n = len(run)
    return [j in (0, n) or " " in run[j - 1:j + 1] or (run[j] not in THAI_MARKS and run[j - 1] not in _LEADING_VOWELS)
            for j in range(n + 1)]


def _options(piece: str, lex: Lexicon) -> list[tuple[float, str]]:
    """Ways to read one piece of a run, with their costs."""
    if piece == " ":
        return [(0.0, " ")]
    if piece[0] == " " or piece[-1] == " ":
        return []
    gaps = piece.count(" ")
    options = [] if gaps else [(lex.unknown * len(piece), piece)]  # kept as is: text the dictionary lacks
    found = _best_word(piece.replace(" ", ""), lex)
    # One letter is too little to correct, and a gap is closed only for a word of some length
    # (in "ก ข ค ง" the gaps are real).
    if found is not None and (found[1] == piece or len(piece) > 1) and (not gaps or len(found[1]) >= MIN_JOINED):
        options.append((found[0] + SPACE_COST * gaps, found[1]))
    return options


def correct_run(run: str, lex: Lexicon) -> str:
    """Cheapest segmentation of one Thai run into dictionary words (corrected), unknown characters and spaces."""
    n = len(run)
    can_end = _boundaries(run)
    best: list[tuple[float, int, str]] = [(0.0, 0, "")] + [(math.inf, 0, "")] * n
    for i in range(n):
        if best[i][0] == math.inf or not can_end[i]:
            continue
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            if not can_end[j]:
                continue
            for cost, text in _options(run[i:j], lex):
                if best[i][0] + cost < best[j][0]:
                    best[j] = (best[i][0] + cost, i, text)
    words: list[str] = []
    j = n
    while j > 0:
        _, i, text = best[j]
        words.append(text)
        j = i
    return "".join(reversed(words))


def correct_thai(text: str, lex: Lexicon | None = None) -> str:
    """Every Thai run of ``text`` corrected against the dictionary; other characters untouched."""
    lex = lex or lexicon()
    return _SPACED_RUN.sub(lambda m: correct_run(m.group(0), lex), text)


def correct_text(text: str, correct: Callable[[str], str] = correct_thai) -> str:
    """Recognised text as a listener should hear it: repaired, dictionary-corrected (which
    closes gaps inside words: "จั นวาคม"), a date's month put right, repaired again."""
    return repair_text(_dated_months(correct(repair_text(text))))


MONTH_EDITS = 2  # a word this close to one month name, and further from the others, is that month
# A day, a word, a year: "๙ จันว่าคม ๒๕๖๗". Thai or Arabic digits, a space or none around the word.
_DATE = re.compile(r"(?<![\d๐-๙])([\d๐-๙]{1,2}\s*)([\u0e01-\u0e4e]{4,12})(\s*[\d๐-๙]{4})(?![\d๐-๙])")


def _dated_months(text: str) -> str:
    """A month name Tesseract misread between a day and a year, put right: the consonant
    confusions the dictionary pass cannot see (ธ read as จ: "๙ จันว่าคม ๒๕๖๗" in a letter's
    date). Only there, and only when one month is within ``MONTH_EDITS`` and nearer than
    any other: a date is the one place a word is known to be a month."""
    def month(match: re.Match[str]) -> str:
        word = match[2]
        if word in MONTHS:
            return match[0]
        ranked = sorted((Levenshtein.distance(word, name), name) for name in MONTHS)
        (best, name), (second, _) = ranked[0], ranked[1]
        if best > MONTH_EDITS or second == best:
            return match[0]
        return f"{match[1]}{name}{match[3]}"

    return _DATE.sub(month, text)
