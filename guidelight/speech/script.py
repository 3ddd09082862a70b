"""Split mixed Thai/English text into runs of one script, each spoken by a voice of its language.

Lecture notes mix the two ("ความขาดแคลน (Scarcity)"). Letters decide a run's language;
digits, spaces and punctuation belong to no script and stay with the run before them
(at the start of the text, with the first run), so "Python 3" is read by the English
voice and "บทที่ 3" by the Thai one. So does a unit after a number: the Thai voice says
"หน่วยความจำ 32MB" whole, as a Thai reader says the unit's name, not "M B" in English.
A vector's arrow is the one sign that goes with the letter after it ("ให้ →i"): it was drawn
over that letter, and the voice that says the letter says "vector".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guidelight.core.model import Lang
from guidelight.speech.units import unit_spans


@dataclass(frozen=True)
class Run:
    """``text[start:end]`` is in one language."""

    start: int
    end: int
    lang: Lang


def char_lang(char: str) -> Lang | None:
    """The language a letter belongs to; None for anything that is not a letter."""
    if "\u0e01" <= char <= "\u0e4e":
        return Lang.THAI
    if char.isalpha() and char.isascii():
        return Lang.ENGLISH
    if char.isalpha() and "\u00c0" <= char <= "\u024f":  # accented Latin: names, loan words
        return Lang.ENGLISH
    return None


_VECTOR = re.compile(r"→[A-Za-z](?![A-Za-z])")


def vector_arrow(text: str, at: int) -> bool:
    """Is ``text[at]`` a vector's arrow: drawn over its letter, it comes out glued before a
    lone Latin letter, with no letter before it ("→u = 3→i + 4→j"); not "→New" nor "h→0"."""
    return bool(_VECTOR.match(text, at)) and not (at and text[at - 1].isalpha())


def split_runs(text: str, default: Lang = Lang.THAI) -> list[Run]:
    """Runs covering all of ``text`` in order; text with no letters is one run of ``default``."""
    runs: list[Run] = []
    start = 0
    current: Lang | None = None
    in_unit = {i for span in unit_spans(text) for i in range(*span)}
    for i, char in enumerate(text):
        lang = None if i in in_unit else char_lang(char)
        if lang is None or lang is current:
            continue
        if current is None:
            current = lang  # leading digits and punctuation join the first run
        else:
            cut = i - 1 if i - 1 > start and vector_arrow(text, i - 1) else i
            runs.append(Run(start, cut, current))
            start, current = cut, lang
    if text:
        runs.append(Run(start, len(text), current or default))
    return runs
