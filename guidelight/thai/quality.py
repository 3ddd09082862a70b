"""How much of a Thai text a listener would hear as noise, counted on the text alone.

The kinds are those a repair should leave none of: private-use glyph codes and U+FFFD,
marks with no base, sara am broken in two, and ASCII or Latin-1 junk glued into Thai
words. A page whose count stays high after repair is doubtful, and the app says so.
"""

from __future__ import annotations

import re

from guidelight.core.model import PageQuality
from guidelight.thai.repair import ABOVE_BELOW_VOWELS, CONSONANTS, OTHER_MARKS, TONE_MARKS

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


def noise_count(text: str) -> int:
    """Characters a listener would hear as garbage."""
    return sum(len(p.findall(text)) for p in (_PRIVATE_USE, _ORPHAN, _SPLIT_AM, _JUNK))


def thai_count(text: str) -> int:
    return len(_THAI.findall(text))


def measure(text: str, repairs: dict[str, int]) -> PageQuality:
    """The quality record of a page's final text and the repairs that produced it."""
    return PageQuality(
        thai_chars=thai_count(text),
        noise=noise_count(text),
        repairs=tuple(sorted(repairs.items())),
    )
