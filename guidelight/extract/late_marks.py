"""Thai marks a producer wrote at the end of a run of text, with a zero-width space left
where each belongs, put back in their places.

TCPDF (HTML2PDF, PHP's common PDF library) writes a Thai line's upper marks after the rest
of its text: ``ชื\u200bอลูกค้า่`` for ชื่อลูกค้า. The page draws them in place; the text layer
reads ``ชือลูกค่า`` once the zero-width space is dropped and the late-tone repair lends the
mark to the wrong syllable. The marks that end the line fill its placeholders, in order, where
that makes better Thai words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guidelight.extract.rawdict import raw_lines
from guidelight.thai.fit import misfit
from guidelight.thai.repair import COMBINING

_SPACE = "\u200b"  # zero width: the mark's place
_THAI_BEFORE = re.compile("[\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_MARK = re.compile(f"[{COMBINING}]")


def place_late_marks(raw: dict) -> int:
    """Fill each line's placeholders with the marks that end it, in ``raw`` (a PyMuPDF
    ``rawdict``) itself; the number of marks placed.

    A line whose words read better filled is filled. One that reads as well either way
    (``วันทีแก้ไข่``: ไข่ is a word) is filled when the page shows the habit: two lines or
    more read better filled, more than read worse."""
    matches = [match for line in raw_lines(raw) if (match := _matched(line)) is not None]
    better = sum(match.gain > 0 for match in matches)
    habit = better >= 2 and better > sum(match.gain < 0 for match in matches)
    return sum(match.apply() for match in matches if match.gain > 0 or (habit and match.gain == 0))


@dataclass
class _Match:
    """A line's placeholders matched to its late marks, and how many fewer unknown Thai
    characters its words have filled."""

    line: dict
    chars: list[dict]
    filling: dict[int, str]  # placeholder index -> its mark
    moved: set[int]  # indices of the late marks
    gain: int

    def apply(self) -> int:
        for index, mark in self.filling.items():
            self.chars[index]["c"] = mark
        gone = {id(self.chars[i]) for i in self.moved}
        for span in self.line["spans"]:
            span["chars"] = [char for char in span["chars"] if id(char) not in gone]
        return len(self.filling)


def _matched(line: dict) -> _Match | None:
    """Match a line's placeholders to the marks that end it."""
    chars = [char for span in line["spans"] for char in span["chars"]]
    places = [i for i, char in enumerate(chars)
              if char["c"] == _SPACE and i and _THAI_BEFORE.fullmatch(chars[i - 1]["c"])]
    late = _last_marks(chars)
    count = min(len(places), len(late))
    if not count:
        return None
    # The last marks fill the last places: a line drawn from two runs ends with the second's.
    filling = {place: chars[mark]["c"] for place, mark in zip(places[-count:], late[-count:], strict=True)}
    moved = set(late[-count:])
    texts = [char["c"] for char in chars]
    before = "".join(text for text in texts if text != _SPACE)
    after = "".join(filling.get(i, text) for i, text in enumerate(texts)
                    if i in filling or (i not in moved and text != _SPACE))
    return _Match(line, chars, filling, moved, misfit(before) - misfit(after))


def _last_marks(chars: list[dict]) -> list[int]:
    """The indices of the run of marks that ends the line (spaces may follow it)."""
    end = len(chars)
    while end and chars[end - 1]["c"].isspace():
        end -= 1
    start = end
    while start and _MARK.fullmatch(chars[start - 1]["c"]):
        start -= 1
    return list(range(start, end)) if start and chars[start - 1]["c"] != _SPACE else []
