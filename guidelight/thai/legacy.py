"""Thai set in 8-bit fonts (TIS-620 / Windows-874), which a PDF gives as Latin-1 letters.

Before Unicode, Thai fonts put the Thai letters at the codes TIS-620 gives them (0xA1-0xFB)
and, in Windows' and Mac's fonts, raised or lowered marks at 0x80-0x9F. A PDF made with
such a font (old thailatex with Norasi, pre-2000 Windows fonts) often has no ToUnicode, so
its text reads as Latin-1: ``¶éÒ¤Ø³ÁÕ¤ÇÒÁ`` for ถ้าคุณมีความ. A font is taken for one
when its text has no Thai, its high codes read as TIS-620 make mostly dictionary words,
and there is enough of it to tell.
"""

from __future__ import annotations

import re

from guidelight.thai.fit import mostly_words

_HIGH = re.compile("[\u00a1-\u00fb]")
_THAI = re.compile("[\u0e00-\u0e7f]")
MIN_LETTERS = 12  # high-code letters a font must show before it is judged Thai
SURE_LETTERS = 200  # ... and before it is judged not to be
_SHIFTED = re.compile("[\u0080-\u009f]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
MAX_MISFIT = 0.3  # share of the TIS-620 reading outside dictionary words


def tis620(char: str) -> str:
    """``char`` as the TIS-620 code it stands for: 0xA1-0xFB are Thai (U+0E01-U+0E5B, with
    0xDB-0xDE unassigned); anything else is left as it is (0x80-0x9F are a font's own
    shifted marks, named from the glyph's drawing elsewhere)."""
    code = ord(char)
    if 0xA1 <= code <= 0xFB and not 0xDB <= code <= 0xDE:
        return chr(code - 0xA0 + 0x0E00)
    return char


def tis620_text(text: str) -> str:
    return "".join(tis620(char) for char in text)


def reads_as_tis620(text: str) -> bool | None:
    """Is ``text`` (one font's characters without Unicode, on a page) Thai in TIS-620? None
    when there is too little of it to tell: a "no" is only given on plenty of text (a
    page's few words with marks not read yet are no proof), a "yes" on a dozen letters."""
    if _THAI.search(text):
        return False  # the font's codes are Unicode Thai already
    letters = len(_HIGH.findall(text))
    if letters < MIN_LETTERS:
        return None
    reading = _SHIFTED.sub("", tis620_text(text))  # the font's own marks: named later, by drawing
    reading = _THAI_DIGIT.sub(" ", reading)  # numbers are no words, yet no sign against Thai
    if mostly_words(reading, MAX_MISFIT):
        return True
    return False if letters >= SURE_LETTERS else None
