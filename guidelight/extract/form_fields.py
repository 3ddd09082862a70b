"""A filled form's values, read in the blanks they were typed into.

A form filled on a computer keeps its labels and blanks ("เลขที่______ถนน______") as one
line of the text layer, and each value typed over a blank as a line of its own, drawn
later and often in another font. Read as lines, the values came before or after their
labels, in no order a listener could follow ("- / คลองเตยเหนือ / 129 / เลขที่____ถนน____
... วัฒนา"): the district heard after the postcode's label. A value that sits on its
label line's row, over one of its blanks, is read in that blank's place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guidelight.extract.lines import Line

# Runs of underscores or dots a form leaves to be filled in, as the line's text has them
# (``Line.blanks`` holds where each is drawn, in the same order).
BLANK = re.compile(r"_{3,}|\.{6,}")  # an ellipsis of five dots ends a sentence, not a blank
_ENDS_IN_BLANK = re.compile(rf"(?:{BLANK.pattern})\s*$")
_SAME_ROW = 0.6  # of the larger size: how far a value's baseline may stand from its label line's
_REACH = 0.5  # of the value's size: how far past its blank a value's middle may lie


def fill_blanks(lines: list[Line]) -> list[Line]:
    """``lines`` with each value typed over a blank read in that blank's place, in its
    label line; lines over no blank as they were."""
    labels = [line for line in lines if line.blanks and len(BLANK.findall(line.text)) == len(line.blanks)]
    if not labels:
        return lines
    filled: dict[int, dict[int, list[Line]]] = {}  # by label line, by blank: the values in it
    taken: set[int] = set()
    for value in lines:
        if value.blanks:
            continue
        found = _blank_under(value, labels)
        if found is not None:
            label, blank = found
            filled.setdefault(id(label), {}).setdefault(blank, []).append(value)
            taken.add(id(value))
    return [_with_values(line, filled[id(line)]) if id(line) in filled else line
            for line in lines if id(line) not in taken]


def _blank_under(value: Line, labels: list[Line]) -> tuple[Line, int] | None:
    """The label line and the index of its blank that ``value`` was typed over, if any."""
    middle = (value.x0 + value.x1) / 2
    reach = _REACH * value.size
    for label in labels:
        if abs(value.baseline - label.baseline) > _SAME_ROW * max(value.size, label.size):
            continue
        for index, (left, right) in enumerate(label.blanks):
            if left - reach <= middle <= right + reach:
                return label, index
    return None


def _with_values(label: Line, values: dict[int, list[Line]]) -> Line:
    """``label`` with its blanks that hold values replaced by them, left to right."""
    pieces: list[str] = []
    start = 0
    for index, match in enumerate(BLANK.finditer(label.text)):
        pieces.append(label.text[start : match.start()])
        typed = sorted(values.get(index, []), key=lambda line: line.x0)
        pieces.append(f" {' '.join(line.text for line in typed)} " if typed else match.group())
        start = match.end()
    pieces.append(label.text[start:])
    every = [label, *(line for group in values.values() for line in group)]
    # A blank at the line's end closes its field, though its dots end where the next
    # label starts: "รอบที่ 5" typed in it was heard run into "เวลาสอบ" beside it.
    closes = bool(_ENDS_IN_BLANK.search(label.text)) or label.ends_with_space
    return replace(
        label,
        ends_with_space=closes,
        text=" ".join("".join(pieces).split()),
        x0=min(line.x0 for line in every),
        y0=min(line.y0 for line in every),
        x1=max(line.x1 for line in every),
        y1=max(line.y1 for line in every),
    )
