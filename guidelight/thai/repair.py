"""Repair of Thai text as PDF producers damage it, one named rule per kind of damage.

Every rule is a pure ``str -> str`` function; ``repair_text`` applies them in order and
counts how often each one changed something, so a page can report what was repaired.
Rules that need the glyphs themselves (wrong ToUnicode) live in ``guidelight.extract``;
these are the rules that the characters alone are enough for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pythainlp.util import remove_dangling, remove_repeat_vowels, remove_zw

CONSONANTS = "\u0e01-\u0e2e"
ABOVE_BELOW_VOWELS = "\u0e31\u0e34-\u0e3a\u0e47"  # mai han-akat, sara i..phinthu, maitaikhu
TONE_MARKS = "\u0e48-\u0e4b"
OTHER_MARKS = "\u0e4c-\u0e4e"  # thanthakhat, nikhahit, yamakkan
# Character-class fragments for regular expressions (they hold ranges: test one character
# with ``is_mark``, never with ``in``, which would find the ranges' "-").
COMBINING = f"{ABOVE_BELOW_VOWELS}{TONE_MARKS}{OTHER_MARKS}"
_MARK = re.compile(f"[{COMBINING}]")
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"

# The Microsoft/WTT shifted glyph forms in the Private Use Area, inverted back to the
# standard code points (HarfBuzz hb-ot-shaper-thai.cc holds the forward table).
PUA_TO_THAI: dict[int, str] = {
    0xF700: "\u0e10",  # tho than without its lower part
    0xF701: "\u0e34",  # sara i, left-shifted
    0xF702: "\u0e35",  # sara ii, left-shifted
    0xF703: "\u0e36",  # sara ue, left-shifted
    0xF704: "\u0e37",  # sara uee, left-shifted
    0xF705: "\u0e48",  # mai ek, shifted down-left
    0xF706: "\u0e49",  # mai tho, shifted down-left
    0xF707: "\u0e4a",  # mai tri, shifted down-left
    0xF708: "\u0e4b",  # mai chattawa, shifted down-left
    0xF709: "\u0e4c",  # thanthakhat, shifted down-left
    0xF70A: "\u0e48",  # mai ek, shifted down
    0xF70B: "\u0e49",  # mai tho, shifted down
    0xF70C: "\u0e4a",  # mai tri, shifted down
    0xF70D: "\u0e4b",  # mai chattawa, shifted down
    0xF70E: "\u0e4c",  # thanthakhat, shifted down
    0xF70F: "\u0e0d",  # yo ying without its lower part
    0xF710: "\u0e31",  # mai han-akat, left-shifted
    0xF711: "\u0e4d",  # nikhahit, left-shifted
    0xF712: "\u0e47",  # maitaikhu, left-shifted
    0xF713: "\u0e48",  # mai ek, left-shifted
    0xF714: "\u0e49",  # mai tho, left-shifted
    0xF715: "\u0e4a",  # mai tri, left-shifted
    0xF716: "\u0e4b",  # mai chattawa, left-shifted
    0xF717: "\u0e4c",  # thanthakhat, left-shifted
    0xF718: "\u0e38",  # sara u, lowered
    0xF719: "\u0e39",  # sara uu, lowered
    0xF71A: "\u0e3a",  # phinthu, lowered
}
_PUA_TABLE = str.maketrans(PUA_TO_THAI)

# Zero-width spaces and joiners, soft hyphens, and direction marks and embeddings (a Google
# Docs export wraps Thai headings in U+202D ... U+202C).
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")
_NIKHAHIT_AA = re.compile(f"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}")
_TONE_NIKHAHIT_AA = re.compile(f"([{TONE_MARKS}]){NIKHAHIT}{SARA_AA}")
# A sara am given whole beside a stray half of itself (a nikhahit or sara aa glyph drawn
# as part of the same cluster, its tone mark between): ``ํำ``, ``ํ่ำ``, ``ำา``.
_AM_WITH_PART = re.compile(f"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AM}|{SARA_AM}[{NIKHAHIT}{SARA_AA}]")
_SPACE_BEFORE_MARK = re.compile(f"(?<=[{CONSONANTS}{COMBINING}])[ \t]+(?=[{COMBINING}])")
_STRANDED_MARK = re.compile(f"(?<![{CONSONANTS}{COMBINING}])[{COMBINING}]+")
_TONE_BEFORE_VOWEL = re.compile(f"([{TONE_MARKS}\u0e4c])([{ABOVE_BELOW_VOWELS}])")
_REPEATED_MARK = re.compile(f"([{COMBINING}])\\1+")
# A second above/below vowel on one consonant (its tone may sit between): never Thai spelling.
_STACKED_VOWEL = re.compile(f"([{ABOVE_BELOW_VOWELS}][{TONE_MARKS}]?)[{ABOVE_BELOW_VOWELS}]+")
# A tone mark after the consonant that follows a vowel-marked one (``ครัง้``): some shapers
# (OpenOffice 2 with Loma) emit the mark after the next glyph. Valid spelling too (``ปีน้ำ``),
# so the words decide.
_TONE_PAST_CONSONANT = re.compile(f"([{CONSONANTS}][\u0e31\u0e34-\u0e37])([{CONSONANTS}])([{TONE_MARKS}])")
_WINDOW = 8
# A tone mark (or thanthakhat) stored after a leading vowel (``ใชเ้พื่อ``): no Thai spelling.
# Word stores a mark typed one key late there, and draws it over the consonant before the
# vowel, where a reader sees it (``ใช้เพื่อ``); the consonant must carry no tone yet. Two
# marks there (``ไดเ่้ป็น``, a page that prints its ้ on a dotted circle) say nothing sure.
_TONE_PAST_LEADING_VOWEL = re.compile(
    f"([{CONSONANTS}][{ABOVE_BELOW_VOWELS}]?)([\u0e40-\u0e44])([{TONE_MARKS}\u0e4c])(?![{COMBINING}])"
)


def is_mark(char: str) -> bool:
    """Is ``char`` a Thai mark that sits on the character before it (a vowel above or below,
    a tone mark, thanthakhat, nikhahit, yamakkan)?"""
    return _MARK.fullmatch(char) is not None


def map_pua(text: str) -> str:
    """Legacy shifted glyph codes (U+F700-U+F71A) back to standard Thai."""
    return text.translate(_PUA_TABLE)


def remove_zero_width(text: str) -> str:
    """Zero-width spaces/joiners, soft hyphens and direction marks: invisible on paper, noise
    in speech and on a braille display."""
    return _ZERO_WIDTH.sub("", remove_zw(text))


_STAND_INS = str.maketrans("\ufd3e\ufd3f\u2010\u2011", "()--")
_ARABIC = re.compile("[\u0600-\u06ff]")


def plain_punctuation(text: str) -> str:
    """Ornate parentheses and Unicode hyphens as the plain ones, where no Arabic is written:
    Chrome's Skia maps Segoe UI's brackets to U+FD3E/U+FD3F ("﴾ติดเชื้อ 495 คน﴿"), which
    voices skip and search never finds; its U+2010 hyphen in "2021‐05‐05" hid a date."""
    return text if _ARABIC.search(text) else text.translate(_STAND_INS)


def compose_sara_am(text: str) -> str:
    """Nikhahit + sara aa (``ํา``), as decomposing producers write it, becomes sara am.

    A tone mark written between or before the two parts stays on the consonant:
    ``น ํ ้ า`` and ``น ้ ํ า`` both become ``น้ำ``.
    """
    text = _NIKHAHIT_AA.sub(lambda m: f"{m.group(1)}{SARA_AM}", text)
    text = _TONE_NIKHAHIT_AA.sub(lambda m: f"{m.group(1)}{SARA_AM}", text)
    return _AM_WITH_PART.sub(lambda m: f"{m.group(1) or ''}{SARA_AM}", text)


def close_space_before_mark(text: str) -> str:
    """A space between a syllable and its own mark is an artefact; the mark belongs on it."""
    return _SPACE_BEFORE_MARK.sub("", text)


def order_marks(text: str) -> str:
    """Vowel marks come before tone marks on the same consonant (``ก่ี`` -> ``กี่``)."""
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


def place_late_tones(text: str) -> str:
    """Move a tone mark back onto the vowel-marked consonant it belongs to when that makes
    clearly better Thai words (``ครัง้`` -> ``ครั้ง``, ``หนึง่`` -> ``หนึ่ง``; ``ปีน้ำ`` stays)."""
    from guidelight.thai.fit import misfit  # here: fit counts noise with quality, which imports this module

    def fix(match: re.Match[str]) -> str:
        moved = match.group(1) + match.group(3) + match.group(2)
        before = text[max(0, match.start() - _WINDOW) : match.start()]
        after = text[match.end() : match.end() + _WINDOW]
        if misfit(before + moved + after) < misfit(before + match.group() + after):
            return moved
        return match.group()

    return _TONE_PAST_CONSONANT.sub(fix, text)


def place_tones_before_leading_vowels(text: str) -> str:
    """A tone mark after a leading vowel goes back onto the consonant before the vowel, where
    the page draws it (``ใชเ้พื่อ`` -> ``ใช้เพื่อ``), instead of being dropped as stranded."""
    return _TONE_PAST_LEADING_VOWEL.sub(r"\1\3\2", text)


def drop_repeated_marks(text: str) -> str:
    """A mark written twice (``ที่่``) is an overprint; it is heard once."""
    return remove_repeat_vowels(_REPEATED_MARK.sub(r"\1", text))


def drop_stacked_vowels(text: str) -> str:
    """A consonant carries one vowel above or below it; a second one stacked on it (``พัุ่``,
    ``ติั``) is a glyph of another copy of the text drawn over it (Canva's layered effects,
    left between the copies ``extract/overprint.py`` drops): heard as noise, so left out."""
    return _STACKED_VOWEL.sub(r"\1", text)


def drop_stranded_marks(text: str) -> str:
    """Marks with no base to sit on would be read as noise; no repair can place them."""
    return remove_dangling(_STRANDED_MARK.sub("", text))


Rule = Callable[[str], str]

# Order matters: characters first, then composition, then placement and ordering.
RULES: tuple[tuple[str, Rule], ...] = (
    ("pua", map_pua),
    ("zero_width", remove_zero_width),
    ("punctuation", plain_punctuation),
    ("sara_am", compose_sara_am),
    ("space_before_mark", close_space_before_mark),
    ("mark_order", order_marks),
    ("late_tone", place_late_tones),
    ("tone_past_vowel", place_tones_before_leading_vowels),
    ("repeated_mark", drop_repeated_marks),
    ("stacked_vowel", drop_stacked_vowels),
    ("stranded_mark", drop_stranded_marks),
)


def repair_text(text: str, counts: Counter[str] | None = None) -> str:
    """Apply every rule in order; ``counts`` receives how many characters each rule changed."""
    for name, rule in RULES:
        fixed = rule(text)
        if fixed != text and counts is not None:
            counts[name] += _changed_chars(text, fixed)
        text = fixed
    return text


def _changed_chars(before: str, after: str) -> int:
    """A cheap size of a change: characters replaced or removed, or 1 when only moved."""
    return max(1, sum((Counter(before) - Counter(after)).values()))
