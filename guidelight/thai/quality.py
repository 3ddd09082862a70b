"""How much of a Thai text a listener would hear as noise, counted on the text alone.

The kinds are those a repair should leave none of: private-use glyph codes and U+FFFD,
marks with no base, sara am broken in two or standing where Thai has none, and ASCII or
Latin-1 junk glued into Thai words. A page whose count stays high after repair is doubtful, and the app says so.
"""

from __future__ import annotations

import re

from guidelight.core.model import PageQuality
from guidelight.thai.repair import ABOVE_BELOW_VOWELS, CONSONANTS, OTHER_MARKS, TONE_MARKS
from guidelight.thai.spelling import MISPLACED_SARA_AM

_MARKS = f"{ABOVE_BELOW_VOWELS}{TONE_MARKS}{OTHER_MARKS}"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\ufffd]")
_ORPHAN = re.compile(
    f"(?<![{CONSONANTS}{_MARKS}])[{_MARKS}]|[{TONE_MARKS}][{TONE_MARKS}]|[{ABOVE_BELOW_VOWELS}][{ABOVE_BELOW_VOWELS}]"
)
_SPLIT_AM = re.compile(f"\u0e4d\u0e32|[{CONSONANTS}][ \t]+\u0e32")
_JUNK = re.compile(
    f"(?<=[{CONSONANTS}])[-27/](?=[\u0e00-\u0e7f])|(?<=[\u0e00-\u0e7f])[\u0080-\u00ff]|[\u0080-\u00ff](?=[\u0e00-\u0e7f])"
)
_THAI = re.compile("[\u0e00-\u0e7f]")
_THAI_LETTER = "\u0e01-\u0e5b"
# A Latin letter or sign touching a Thai letter; not a digit, nor what Thai text itself puts
# there: the dots of ม.ค., a comma, a hyphen (ชื่อ-สกุล), brackets and quotes.
_LATIN_OR_SIGN = "!#-&*+/:-@A-Z\\[-~\u00a1-\u024f"
_TOUCHING = re.compile(f"(?<=[{_THAI_LETTER}])[{_LATIN_OR_SIGN}]|[{_LATIN_OR_SIGN}](?=[{_THAI_LETTER}])")
_THAI_RUN = re.compile(f"[{_THAI_LETTER}]+")
_RUN_END = re.compile(f"[{_THAI_LETTER}]+$")
_WORD_REACH = 40  # characters before a sign looked at for the word it ends
_SPACE = re.compile(r"\s")
_SIGN = re.compile(r"[!\"#$%&'*+/:;<=>?@\[\\\]^_`{|}~]")
_ACCENTED = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # Latin-1 and Extended letters
_STRAY_ACCENTED = re.compile(f"(?<![A-Za-z])[{_ACCENTED}]|[{_ACCENTED}](?![A-Za-z])")
# A Latin garble is judged on this much text; its accented letters out of words and its signs
# are shares of all visible characters. Corpus pages: at most 0.055 and 0.18, never both over
# half of these; Ghostscript's garbles: 0.1-0.3 and 0.2-0.66.
_GARBLED_MIN_VISIBLE = 100
_STRAY_SHARE = 0.05
_SIGN_SHARE = 0.15
# One font's text as a soup of signs (``sign_soup``): shares of its visible characters.
_SOUP_SIGN = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")
_LEADERS = re.compile(r"(\S)\1{2,}|([.·…_\-=*])(?:\s*\2){2,}")  # "......", ". . . .", "----"
_SOUP_MAX_THAI = 0.1
_SOUP_SIGNS = 0.45
# Runs of four signs or more, of three kinds at least (``/>(>/./,``): a broken font's signs
# stand in them, 0.46 of a Ghostscript syllabus; code, formulas, a quiz's ``A) 13 B) 15``
# and a star pattern have as many signs, but apart or in short runs (0.01 at most of the
# 13 such fonts in the real sets, all set aside before as unreadable).
_SIGN_RUN = re.compile(_SOUP_SIGN.pattern + "{4,}")
_SOUP_RUNS = 0.15
# Below this many Thai letters a page says too little to be judged garbled.
_GARBLED_MIN_THAI = 20
# Shares of the Thai letters touching Latin, and standing one or two alone, both to be passed:
# real pages stay under 0.10 and 0.08 (the worst of the 52 corpus PDFs); pages whose font
# encoding Ghostscript broke are above 0.75, or 0.36 and 0.25 where half their Thai survived.
_GARBLED_TOUCHING = 0.25
_GARBLED_SHORT = 0.2


def noise_count(text: str) -> int:
    """Characters a listener would hear as garbage: a sara am where none can stand (``ำะได้``,
    a file naming จ sara am) among them, which the kinds ``thai_noise`` counts pass."""
    return sum(len(p.findall(text)) for p in (_PRIVATE_USE, _ORPHAN, _SPLIT_AM, _JUNK, MISPLACED_SARA_AM))


def thai_count(text: str) -> int:
    return len(_THAI.findall(text))


def measure(text: str, repairs: dict[str, int]) -> PageQuality:
    """The quality record of a page's final text and the repairs that produced it."""
    return PageQuality(
        thai_chars=thai_count(text),
        noise=noise_count(text) - _between_words(text),
        repairs=tuple(sorted(repairs.items())),
    )


def _between_words(text: str) -> int:
    """The hyphens and slashes ``noise_count`` counts that stand between two whole words
    ("ชื่อ-สกุล", "ออสเตรีย-ฮังการี", "เปิด/ปิด"): printed so, they are no stand-in for a
    mark inside a word ("ข-อมูล"). A page was flagged doubtful for one such slash."""
    from guidelight.thai.fit import dictionary, words_of  # here: fit counts noise with this module

    words, count = dictionary(), 0
    for match in _JUNK.finditer(text):
        if match.group() not in "-/":
            continue
        before = _RUN_END.search(text, max(0, match.start() - _WORD_REACH), match.start())
        after = _THAI_RUN.match(text, match.end())
        if before and after and words_of(before.group())[-1] in words and words_of(after.group())[0] in words:
            count += 1
    return count


def garbled(text: str) -> bool:
    """Is this Thai text a broken font encoding rather than words? Its Thai letters stand one
    or two at a time between Latin letters and signs (``ค/@/2Aคัญ``), where real Thai runs on
    for whole words and a sign touches it only at a hyphen, a slash or a bracket."""
    return _thai_garbled(text) or _latin_garbled(text)


def _thai_garbled(text: str) -> bool:
    thai = len(_THAI.findall(text))
    if thai < _GARBLED_MIN_THAI:
        return False
    touching = len(_TOUCHING.findall(text))
    short = sum(len(run) for run in _THAI_RUN.findall(text) if len(run) <= 2)
    return touching >= _GARBLED_TOUCHING * thai and short >= _GARBLED_SHORT * thai


def _visible(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def sign_soup(text: str) -> bool:
    """Is one font's text on a page mostly signs, with next to no Thai (``/>///(>/./,``)? The
    rest of that breakage: every Thai glyph given an ASCII sign or letter. Dot leaders and
    rules aside, such a font's text is 0.45 signs or more, many of them in runs of several
    kinds. Real text can be as many signs (code: ``['KTB', 18.9, 'BBL']``, ``$ brew install
    icu4c --force``; formulas; star patterns), but not in such runs: it was set aside as
    unreadable, and a Python course's examples were never heard."""
    text = _LEADERS.sub("", text)
    visible = _visible(text)
    if visible < _GARBLED_MIN_VISIBLE or len(_THAI.findall(text)) >= _SOUP_MAX_THAI * visible:
        return False
    if len(_SOUP_SIGN.findall(text)) < _SOUP_SIGNS * visible:
        return False
    runs = (run for run in _SIGN_RUN.findall(text) if len(set(run)) >= 3)
    return sum(map(len, runs)) >= _SOUP_RUNS * visible


def _latin_garbled(text: str) -> bool:
    """The same breakage with every Thai glyph given a Latin code (``)?ÕÕD(?'@%ÑB'B30A``):
    accented letters that stand outside any Latin word, among signs. Code has the signs but
    no such letters; a European name has its accents inside its word."""
    visible = _visible(text)
    if visible < _GARBLED_MIN_VISIBLE:
        return False
    return (len(_STRAY_ACCENTED.findall(text)) >= _STRAY_SHARE * visible
            and len(_SIGN.findall(text)) >= _SIGN_SHARE * visible)
