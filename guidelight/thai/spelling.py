"""Where Thai spelling forbids a character: the test a font's claims about its glyphs must pass.

A PDF says which character each glyph draws, and some say it wrongly for a few glyphs of
a font: LibreOffice 6 with Garuda names the glyph of จ sara am and the ring of a sara am
mai tho (``ำะได้`` for จะได้, ``น้้าำ้านวน`` for น้ำจำนวน), and sara uu mai ek (``อย่่`` for
อยู่). The words around such a glyph are still real Thai, but the claimed character stands
where no Thai text can have it: a sara am after a vowel, two tone marks on one consonant, a
vowel mark after a sara am. Those places are what this module finds; the glyphs standing in
them are then judged by their words (``extract.unknown_glyphs``).

Only what no producer draws is forbidden here. A tone mark before its vowel (``ก่ี``), a ring
before its tone mark, a mark after a space (Word's ``น ้า``) or a tone mark doubled before
sara aa (Distiller's ``ต่่า``) are drawing habits other repairs undo, and pass.
"""

from __future__ import annotations

import re

from guidelight.thai.repair import ABOVE_BELOW_VOWELS, CONSONANTS, SARA_AA, SARA_AM, TONE_MARKS

# Sara am follows a consonant, or the tone mark on one, never another vowel; and no vowel or
# tone mark follows it. (After a space it may stand: Word splits ทำ as "ท ำ", and a repair
# joins them; so may its own sara aa: LibreOffice names a ring drawn apart sara am. Where
# nothing stands before it, it is not judged: the words a vote weighs begin where a code
# outside Thai stops them, "ำมัน" of "น\uf70bำมัน".)
MISPLACED_SARA_AM = re.compile(
    f"(?<=[^{CONSONANTS}{TONE_MARKS}\\s\ufffd\ue000-\uf8ff]){SARA_AM}|{SARA_AM}(?=[\u0e30{ABOVE_BELOW_VOWELS}{TONE_MARKS}])"
)
_FORBIDDEN = re.compile(
    "|".join(
        (
            MISPLACED_SARA_AM.pattern,
            f"(?<={SARA_AM})[{TONE_MARKS}]",  # ...and the tone mark after it is as much in doubt
            # Two tone marks on one consonant, both blamed; not before sara aa, where the second
            # is the ring of a sara am named after its tone mark (``ต่่าสุด``, a repair's).
            f"[{TONE_MARKS}](?=[{TONE_MARKS}](?!{SARA_AA}))",
            f"(?<=[{TONE_MARKS}])[{TONE_MARKS}](?!{SARA_AA})",
        )
    )
)


def forbidden(text: str) -> list[int]:
    """Positions in ``text`` (one line, as drawn) of characters Thai spelling does not allow
    where they stand."""
    return [match.start() for match in _FORBIDDEN.finditer(text)]
