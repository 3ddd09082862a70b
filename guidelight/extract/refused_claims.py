"""Glyphs whose claimed character the page's own spelling refuses.

A PDF's ToUnicode may name a few glyphs of a font wrongly while naming the rest right
(LibreOffice 6 with Garuda: จ as sara am, sara uu as mai ek; see ``thai.spelling``). Every
one of those characters is a Thai letter, so nothing else looks wrong, and ``check`` called
such pages clean. What gives them away is where they stand: a sara am after a vowel, two
tone marks on one consonant. A glyph standing so in a good share of its places on the page
is doubted, and its words decide what it is (``extract.unknown_glyphs``), its claim first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from guidelight.thai.repair import SARA_AA, TONE_MARKS
from guidelight.thai.spelling import forbidden

Glyph = tuple[str, int]  # font key, glyph id

# A glyph is doubted when its claim is forbidden in at least this many of its places on
# the page, and this share of them. Over the 125 files measured, a real mark beside a wrongly
# named one (the mai ek of อยู่ drawn beside a sara uu named mai ek) stood forbidden in at
# most 0.07 of its places; the wrongly named glyphs in 0.27 to 1 (b15_05's sara uu in 2 of 4,
# b15_06's จ in 18 of 19), and a garbled Tahoma's glyph named mai ek in 0.88 to 1 (b14_01,
# wider than a letter: doubted, but kept, see ``PageReader._doubted_claim``).
_FEW = 2
_SHARE = 1 / 4
# Places a glyph named a tone mark must stand in, all before sara aa, to be taken for the
# ring of a sara am (``_rings``): a real one is seen elsewhere long before that many.
_RING_PLACES = 8
_TONE = re.compile(f"[{TONE_MARKS}]")
_BEFORE_AA = re.compile(f"[{TONE_MARKS}]?{SARA_AA}")


def refused_claims(lines: Iterable[list[dict]], glyph_of: Callable[[dict], Glyph | None]) -> dict[str, set[Glyph]]:
    """The glyphs of ``lines`` (each a line's raw characters in drawn order) whose claimed
    character Thai spelling refuses too often to be the font's own, by that character, and
    on such a page the rings of sara am named as tone marks (``_rings``). ``glyph_of`` says
    which glyph a character is; a page where spelling refuses nothing asks it nothing."""
    lines = [chars for chars in lines if chars]
    doubted = [(chars, forbidden("".join(ch["c"] for ch in chars))) for chars in lines]
    if not any(at for _, at in doubted):
        return {}  # the common page: nothing to look up
    refused: Counter[tuple[str, Glyph]] = Counter()
    for chars, at in doubted:
        for i in at:
            if (glyph := glyph_of(chars[i])) is not None and not _overprinted(chars, i, glyph, glyph_of):
                refused[(chars[i]["c"], glyph)] += 1
    claims = {claim for claim, _ in refused}
    places = Counter((ch["c"], glyph_of(ch)) for chars in lines for ch in chars if ch["c"] in claims)
    found: dict[str, set[Glyph]] = {}
    for (claim, glyph), n in refused.items():
        if n >= _FEW and n >= _SHARE * places[(claim, glyph)]:
            found.setdefault(claim, set()).add(glyph)
    for claim, glyph in _rings(lines, glyph_of):
        found.setdefault(claim, set()).add(glyph)
    return found


def _overprinted(chars: list[dict], i: int, glyph: Glyph, glyph_of: Callable[[dict], Glyph | None]) -> bool:
    """Is ``chars[i]`` the same glyph as a character beside it: a mark drawn twice (a bold
    made by drawing again, ``บทคัดย่่อ``), which a repair reads once, not a wrong name?"""
    return any(0 <= j < len(chars) and chars[j]["c"] == chars[i]["c"] and glyph_of(chars[j]) == glyph
               for j in (i - 1, i + 1))


def _rings(lines: list[list[dict]], glyph_of: Callable[[dict], Glyph | None]) -> set[tuple[str, Glyph]]:
    """Glyphs named a tone mark that stand before sara aa (a tone mark may come between) in
    every one of many places: the ring of a sara am drawn in two parts, named after the tone
    mark beside it in one word (LibreOffice's Garuda, in 26 places out of 26). A real tone
    mark goes on other vowels as much (ว่า is common, but so are ที่ and ได้)."""
    before_aa: Counter[tuple[str, Glyph]] = Counter()
    elsewhere: set[tuple[str, Glyph]] = set()
    for chars in lines:
        for i, ch in enumerate(chars):
            if _TONE.fullmatch(ch["c"]) and (glyph := glyph_of(ch)) is not None:
                after = "".join(c["c"] for c in chars[i + 1 : i + 3])
                if _BEFORE_AA.match(after):
                    before_aa[(ch["c"], glyph)] += 1
                else:
                    elsewhere.add((ch["c"], glyph))
    return {found for found, n in before_aa.items() if n >= _RING_PLACES and found not in elsewhere}
