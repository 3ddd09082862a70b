"""Mathematics set in two dimensions written on one line: fractions, roots and limits.

TeX and Word's equations set a fraction as two short texts, one over the other, centred on
a drawn bar. MuPDF's lines run left to right, so the numerator ends one line and the
denominator starts the next: a calculus text's "รูปแบบ 0/0" (b18_01) was read "00", and
"f(x)/g(x)" as "f(x)" and "g(x)" in two paragraphs. A bar is a fraction's where the texts
just above and just below it lie within it and the wider one spans it, end to end: a table's
rule runs past its cells' text. The denominator is then read after the numerator, with a
slash between them, and parentheses round either side that is more than one term; where
neither side's line holds other text, on the row beside the bar ("f′(x) = lim ...").

A root's sign is set high, its bar (the vinculum) over what it covers: the sign is set on
its radicand's row, the radicand in parentheses ("√(x + 8)"). A limit's script, set small
under "lim", is written after it ("lim h→0").
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Iterable
from typing import Any

from guidelight.extract.budget import check_time
from guidelight.extract.rawdict import raw_lines
from guidelight.extract.symbol_fonts import tex_extension_font
from guidelight.thai.quality import thai_count

INSERTED = "guidelight_inserted"  # a character the reading wrote itself, to be read as it is
DRAWN_AT = "guidelight_drawn_at"  # where a sign set on its row was drawn: its code is found there
_BAR_THICKNESS = 1.5  # points: a filled bar at most this high is a rule
_MIN_BAR = 2.0  # points: a fraction bar is at least this long ...
_MAX_BAR = 200.0  # ... and at most this long
_SPAN_SLACK = 1.5  # points: the wider side's ends lie this near the bar's ends
# of the text's size: how far above the bar a numerator's baseline lies, at most (TeX's 0.4 of
# it in a line, 0.7 in a display) and below it a denominator's (0.9 and 1.3)
_REACH_OVER = 1.2
_REACH_UNDER = 1.6
_MAX_CHARS = 24  # characters on either side of a fraction, at most
_CLEAR = 0.3  # of its smallest size: a numerator's baselines stand this far over its bar (their median)
_ROW = 0.7  # of the text's size: a side's characters lie this near its row's nearest one to the bar
_ROW_GAP = 0.5  # of the larger size: no two baselines of a side's row lie further apart (a power's is 0.45)
_OFF_CENTRE = 0.25  # of the bar's length: a side's middle lies at most this far from the bar's
_SAME_ROW = 0.25  # of the text's size: characters whose baselines are this close stand on one row
_MAX_BARS = 2000  # bars on a page beyond which none is taken for a fraction's (graph paper, a hostile page)
_AXIS = 0.5  # of the text's size: a display's bar stands at most this far over its row's baseline
_ROOT_SIGNS = frozenset("√∛∜")
_BIG_SIGNS = frozenset("∫∬∭∮∑∏∐⋃⋂")  # operators a display sets tall
_TALL = 1.5  # of its size: a display's sign is at least this tall
_AXIS_HEIGHT = 0.25  # of the size: how far TeX's math axis, where a fraction's bar lies, stands over the baseline
_UNDER_SCRIPTED = re.compile(r"(?<![A-Za-z])(?:lim|max|min|sup|inf)(?![A-Za-z])")  # a script is set under these
_SCRIPT_SIZE = 0.85  # of an operator's size: the script under it is set this size or smaller ...
_SCRIPT_REACH = 1.0  # ... its baseline at most this far under the operator's
_SCRIPT_GAP = 0.8  # of the script's size: the widest gap between two of its characters
_TAKEN = "guidelight_fraction"  # a character already read into a fraction or a script
_ONE_TERM = frozenset("0123456789.,∞abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ′'")

Char = dict[str, Any]
Bar = tuple[float, float, float]  # y, x0, x1


def bars(drawings: Iterable[dict[str, Any]]) -> list[Bar]:
    """The horizontal bars among a page's drawn paths (``get_cdrawings``): stroked lines and
    thin filled rectangles of a fraction bar's length, not meeting an upright line at either
    end (a table's rule meets its cells' borders)."""
    found, uprights = [], []
    for path in drawings:
        for item in path["items"]:
            if item[0] == "l" and abs(item[1][1] - item[2][1]) < 0.5:
                found.append((item[1][1], min(item[1][0], item[2][0]), max(item[1][0], item[2][0])))
            elif item[0] == "l" and abs(item[1][0] - item[2][0]) < 0.5:
                uprights.append((item[1][0], min(item[1][1], item[2][1]), max(item[1][1], item[2][1])))
            elif item[0] == "re" and path.get("fill") is not None and item[1][3] - item[1][1] <= _BAR_THICKNESS:
                found.append(((item[1][1] + item[1][3]) / 2, item[1][0], item[1][2]))
            elif item[0] == "re" and path.get("fill") is not None and item[1][2] - item[1][0] <= _BAR_THICKNESS:
                uprights.append(((item[1][0] + item[1][2]) / 2, item[1][1], item[1][3]))
    by_x: dict[int, list[tuple[float, float, float]]] = {}
    for upright in uprights:
        by_x.setdefault(round(upright[0]), []).append(upright)
    return [bar for bar in found if _MIN_BAR <= bar[2] - bar[1] <= _MAX_BAR and not _meets_upright(bar, by_x)]


def _meets_upright(bar: Bar, uprights: dict[int, list[tuple[float, float, float]]]) -> bool:
    """Does an upright line (``uprights``, by their rounded x) stand at either end of the bar?"""
    return any(abs(x - end) <= _SPAN_SLACK and y0 - _SPAN_SLACK <= bar[0] <= y1 + _SPAN_SLACK
               for end in (bar[1], bar[2]) for key in range(round(end) - 2, round(end) + 3)
               for x, y0, y1 in uprights.get(key, ()))


def inline_stacked(raw: dict[str, Any], found: list[Bar]) -> int:
    """Rewrite ``raw`` (a ``rawdict`` reading) so that each limit's script, root and fraction
    (over one of ``found``) reads on one line; returns how many were. Each bar is matched
    against the characters whose baselines lie within reach of it, found by their height: a
    page of graph paper has thousands of bars."""
    if len(found) > _MAX_BARS or not (found or _has_operators(raw)):
        return 0  # the common page: no bar, no limit, no big sign: its characters are not even sorted
    placed = _placed(raw)
    if not placed:
        return 0
    # Each step moves characters or cuts spans: the next sees them where they are now.
    if limits := _set_limits(raw, placed):
        placed = _placed(raw)
    if vincula := _set_roots(placed, found):
        placed = _placed(raw)
    if signs := _set_big_signs(placed, [bar for k, bar in enumerate(found) if k not in vincula]):
        placed = _placed(raw)
    reach = _REACH_UNDER * max(entry[1]["size"] for entry in placed)
    heights = [entry[2]["origin"][1] for entry in placed]
    done = limits + len(vincula) + signs
    for k, bar in enumerate(found):
        check_time()
        if k in vincula:
            continue
        near = [entry for entry in placed[bisect.bisect_left(heights, bar[0] - reach) : bisect.bisect_right(
            heights, bar[0] + reach)] if not entry[2].get(_TAKEN)]
        over = _trimmed(_nearest_row([entry for entry in near if _over(entry, bar)], bar))
        under = _trimmed(_nearest_row([entry for entry in near if _under(entry, bar)], bar))
        if not _fraction(over, under, bar, near):
            continue
        _write_inline(over, under, bar, near)
        for _, _, char in over + under:
            char[_TAKEN] = True
        done += 1
    return done


def _refit(line: dict[str, Any]) -> None:
    """Fit a line's box across to the characters it holds now: a line whose script ("x→c"
    before "f(x) = 0") was moved out kept the box it had, and so stood left of the operator
    the script was under. Its height stays."""
    boxes = [char["bbox"] for span in line["spans"] for char in span["chars"]
             if not char["c"].isspace() and not char.get(INSERTED)]
    if boxes:
        _, y0, _, y1 = line["bbox"]
        line["bbox"] = (min(box[0] for box in boxes), y0, max(box[2] for box in boxes), y1)


def _placed(raw: dict[str, Any]) -> list[tuple[dict, dict, Char]]:
    """Every character of ``raw`` with its line and span, by height."""
    return sorted(((line, span, char) for line in raw_lines(raw) for span in line["spans"] for char in span["chars"]),
                  key=lambda entry: entry[2]["origin"][1])


def _set_roots(placed: list[tuple[dict, dict, Char]], found: list[Bar]) -> set[int]:
    """Set each root sign whose bar (its vinculum, among ``found``) starts where the sign ends
    on its radicand's row, the radicand in parentheses when more than one term: TeX sets the
    sign's baseline high, by its top, so "√" stood on a line of its own and what was under the
    root was not told. Returns the indices of the vincula, which are no fraction's bars."""
    vincula: set[int] = set()
    for _, span, sign in [entry for entry in placed if entry[2]["c"] in _ROOT_SIGNS]:
        _, top, right, bottom = sign["bbox"]
        k = next((k for k, bar in enumerate(found) if k not in vincula and abs(bar[1] - right) <= _SPAN_SLACK
                  and top - _SPAN_SLACK <= bar[0] <= bottom), None)
        if k is None:
            continue
        vinculum = found[k]
        if any(j != k and vinculum[1] - _SPAN_SLACK <= bar[1] and bar[2] <= vinculum[2] + _SPAN_SLACK
               and vinculum[0] < bar[0] < bottom for j, bar in enumerate(found)):
            vincula.add(k)  # a fraction under the root ("√(x/(1 − 3x))"): the sign goes on the fraction's row
            continue
        radicand = _trimmed(_nearest_row([entry for entry in placed if _under(entry, vinculum)], vinculum))
        if not radicand:
            continue
        vincula.add(k)
        radicand = _isolated(radicand)
        baseline = radicand[0][2]["origin"][1]
        _set_on(sign, span, baseline)
        _enclose(radicand, baseline)
    return vincula


def _set_on(sign: Char, span: dict, baseline: float) -> None:
    """Set a sign on ``baseline``, remembering where it was drawn (``DRAWN_AT``), and its span
    with it if the sign begins it: a span's baseline is its first character's."""
    sign.setdefault(DRAWN_AT, sign["origin"])
    sign["origin"] = (sign["origin"][0], baseline)
    if span["chars"][0] is sign:
        span["origin"] = (span["origin"][0], baseline)


def _has_operators(raw: dict[str, Any]) -> bool:
    """Does a span of ``raw`` hold an operator a script is set under ("lim"), or a sign a
    display may set tall (∫, or any of TeX's math extension font)?"""
    for line in raw_lines(raw):
        for span in line["spans"]:
            text = "".join(char["c"] for char in span["chars"])
            if _UNDER_SCRIPTED.search(text) or not _BIG_SIGNS.isdisjoint(text) or tex_extension_font(span["font"]):
                return True
    return False


def _set_limits(raw: dict[str, Any], placed: list[tuple[dict, dict, Char]]) -> int:
    """Write the script set under each operator ("h→0" under "lim") after it, on its line:
    it stood on a line of its own, after the formula it belonged to. Returns how many."""
    found = []
    for line in raw_lines(raw):
        for span in line["spans"]:
            for match in _UNDER_SCRIPTED.finditer("".join(char["c"] for char in span["chars"])):
                word = span["chars"][match.start() : match.end()]
                if script := _script_under(word, span["size"], placed):
                    found.append((line, span, word[-1], script))
                    for _, _, char in script:
                        char[_TAKEN] = True
    for line, span, last, script in found:
        baseline = span["origin"][1]
        _take_out(script)
        for emptied in {id(entry[0]): entry[0] for entry in script}.values():
            _refit(emptied)
        _cut(line, span, next(k for k, char in enumerate(span["chars"]) if char is last) + 1)  # the operator's end
        where = line["spans"].index(span) + 1
        after = [char for other in line["spans"][where:] for char in other["chars"]]
        moved = [_mark(" ", last, span, baseline), *_moved(script, baseline)]
        if not (after and after[0]["c"].isspace()):  # the formula may go on in a line of its own
            moved.append(_mark(" ", last, span, baseline))
        line["spans"][where:where] = moved
    return len(found)


def _script_under(
    word: list[Char], size: float, placed: list[tuple[dict, dict, Char]]
) -> list[tuple[dict, dict, Char]]:
    """The script set under an operator's ``word``: a row of smaller characters just under
    its baseline, centred on it, no wider than it by more than a size either side; none if
    the row goes on (a line of small print under a word of the text)."""
    left, right, baseline = word[0]["bbox"][0], word[-1]["bbox"][2], word[0]["origin"][1]
    below = [entry for entry in placed if not entry[2].get(_TAKEN) and entry[1]["size"] <= _SCRIPT_SIZE * size
             and baseline < entry[2]["origin"][1] <= baseline + _SCRIPT_REACH * size]
    seeds = [entry for entry in below if not entry[2]["c"].isspace()
             and entry[2]["bbox"][0] < right and entry[2]["bbox"][2] > left]
    if not seeds:
        return []
    main = max(seeds, key=lambda entry: entry[1]["size"])  # not a raised "+" in "x→0+"
    row_y, row_size = main[2]["origin"][1], main[1]["size"]
    row = sorted((entry for entry in below if abs(entry[2]["origin"][1] - row_y) <= _ROW * row_size
                  and entry[1]["size"] <= row_size and not entry[2]["c"].isspace()),
                 key=lambda entry: entry[2]["bbox"][0])  # a denominator beside it is set larger
    first = last = next(k for k, entry in enumerate(row) if entry[2] is main[2])  # the row holds it: its own baseline
    while first > 0 and row[first][2]["bbox"][0] - row[first - 1][2]["bbox"][2] <= _SCRIPT_GAP * row_size:
        first -= 1
    while last + 1 < len(row) and row[last + 1][2]["bbox"][0] - row[last][2]["bbox"][2] <= _SCRIPT_GAP * row_size:
        last += 1
    start, end = row[first][2]["bbox"][0], row[last][2]["bbox"][2]
    if start < left - size or end > right + size or not any(c.isalnum() for c in _text(row[first : last + 1])):
        return []
    return _trimmed([entry for entry in below if abs(entry[2]["origin"][1] - row_y) <= _ROW * row_size
                     and entry[1]["size"] <= row_size and start <= entry[2]["bbox"][0] and entry[2]["bbox"][2] <= end])


def _set_big_signs(placed: list[tuple[dict, dict, Char]], found: list[Bar]) -> int:
    """Set each tall operator sign (a display's ∫, ∑, a tall bracket: TeX's math extension
    font draws them) on the row of the text right after it:
    TeX hangs it from a baseline of its own, high on its row, so "∫" stood on a line of its
    own over "f(x)dx = F(x) + C". Returns how many."""
    done = 0
    for line, span, sign in placed:
        big = sign["c"] in _BIG_SIGNS or tex_extension_font(span["font"])  # its code read later: U+FFFD here
        tall = sign["bbox"][3] - sign["bbox"][1] >= _TALL * span["size"]
        if not (big and tall) or DRAWN_AT in sign:
            continue  # a root's sign over one row is set by its bar (``_set_roots``)
        _, top, right, bottom = sign["bbox"]
        after = right + 2 * span["size"]
        # A fraction right after it stands on its row's axis, a quarter of a size over the
        # baseline; else TeX centres the sign on that axis: the text beside it whose baseline
        # is near its middle (not the next line's), in its own size (not a power's), the nearest.
        bar = next((bar for bar in found if right - _SPAN_SLACK <= bar[1] <= after and top < bar[0] < bottom), None)
        middle, reach = (bar[0] + _AXIS_HEIGHT * span["size"], _SAME_ROW * span["size"]) if bar else (
            (top + bottom) / 2, (bottom - top) / 4)
        beside = [(other, char) for _, other, char in placed if not char["c"].isspace()
                  and char["c"] not in _BIG_SIGNS and right - _SPAN_SLACK <= char["bbox"][0]
                  and char["bbox"][0] <= (bar[2] if bar else after) and abs(char["origin"][1] - middle) <= reach]
        if not beside and not bar:
            continue
        nearest = min(beside, key=lambda entry: (
            -round(entry[0]["size"]), abs(entry[1]["origin"][1] - middle), entry[1]["bbox"][0]))[1] if beside else None
        _set_on(sign, span, nearest["origin"][1] if nearest else middle)
        # its line as tall as the row's text: the sign's height took in the next line's row
        rest = [char for other in line["spans"] for char in other["chars"]
                if char is not sign and not char["c"].isspace() and char["c"] not in _BIG_SIGNS]
        x0, _, x1, _ = line["bbox"]
        if rest or nearest:
            rest = rest or [nearest]
            line["bbox"] = (x0, min(char["bbox"][1] for char in rest), x1, max(char["bbox"][3] for char in rest))
        else:
            line["bbox"] = (x0, sign["origin"][1] - span["size"], x1, sign["origin"][1] + _SAME_ROW * span["size"])
        done += 1
    return done


def _fraction(
    over: list[tuple[dict, dict, Char]], under: list[tuple[dict, dict, Char]], bar: Bar,
    placed: list[tuple[dict, dict, Char]],
) -> bool:
    """Are the sides over and under a bar a fraction's: each there, short, with a letter or a
    digit and no Thai (a table's caption over its first row, an underlined line over the
    next, are text), none of TeX's pieces of tall signs, the wider reaching both ends of the
    bar, and the numerator clear of it by a descender's depth at least (an underline runs
    just under its text's baseline)?"""
    sides = (over, under)
    if not all(sides) or max(len(over), len(under)) > _MAX_CHARS or not _spans_bar(over + under, bar):
        return False
    if any(thai_count(char["c"]) for side in sides for _, _, char in side):
        return False
    if not all(any(char["c"].isalnum() or char["c"] == "∞" for _, _, char in side) for side in sides):
        return False  # Beamer's navigation dots over and under a bar are no fraction
    if any(tex_extension_font(span["font"]) for side in sides for _, span, _ in side):
        return False  # a display's tall brackets and big operators are built of pieces: left as drawn
    smallest = min(span["size"] for _, span, _ in over)  # a Thai face's em, beside TeX's, is large
    if statistics.median(bar[0] - char["origin"][1] for _, _, char in over) < _CLEAR * smallest:
        return False  # the median: TeX may set an operator's baseline by the index before it
    return all(_centred(side, bar) and not _amid_row(side, bar, placed) for side in sides)


def _centred(side: list[tuple[dict, dict, Char]], bar: Bar) -> bool:
    """Is a side centred on the bar, as both sides of a fraction are?"""
    inked = [char for _, _, char in side if not char["c"].isspace()]
    middle = (min(char["bbox"][0] for char in inked) + max(char["bbox"][2] for char in inked)) / 2
    return abs(middle - (bar[1] + bar[2]) / 2) <= max(_SPAN_SLACK, _OFF_CENTRE * (bar[2] - bar[1]))


def _amid_row(side: list[tuple[dict, dict, Char]], bar: Bar, placed: list[tuple[dict, dict, Char]]) -> bool:
    """Does the side's row go on right beside the bar at both ends: a word in a line of text
    over a bar (x with an overline under it, a table's header over a rule), not a fraction's side?"""
    _, span, near = side[0]
    y, reach = near["origin"][1], span["size"]
    row = [char for _, _, char in placed if abs(char["origin"][1] - y) <= _SAME_ROW * reach
           and not char["c"].isspace() and all(char is not mine for _, _, mine in side)]
    left = any(bar[1] - reach <= char["bbox"][2] <= bar[1] + _SPAN_SLACK for char in row)
    right = any(bar[2] - _SPAN_SLACK <= char["bbox"][0] <= bar[2] + reach for char in row)
    return left and right


def _nearest_row(entries: list[tuple[dict, dict, Char]], bar: Bar) -> list[tuple[dict, dict, Char]]:
    """Of the characters on one side of a bar, those of the row nearest it (its powers and
    indices with it): the next line's words under a denominator are no part of it."""
    if not entries:
        return entries
    outward = sorted((entry for entry in entries if not entry[2]["c"].isspace()),
                     key=lambda entry: abs(entry[2]["origin"][1] - bar[0]))
    if not outward:
        return []
    nearest = outward[0]
    reach = _ROW * nearest[1]["size"]
    row = [nearest]
    for entry in outward[1:]:
        last = row[-1]
        gap = abs(entry[2]["origin"][1] - last[2]["origin"][1])
        if gap > _ROW_GAP * max(entry[1]["size"], last[1]["size"]):
            break  # the next row: a Thai face's em is large, and the reach alone may take it in
        if abs(entry[2]["origin"][1] - nearest[2]["origin"][1]) > reach:
            break
        row.append(entry)
    low, high = (f(entry[2]["origin"][1] for entry in row) for f in (min, max))
    spaces = [entry for entry in entries if entry[2]["c"].isspace() and low <= entry[2]["origin"][1] <= high]
    return row + spaces  # a space between its words ("sin x") is the row's, where a word's baseline is


def _trimmed(entries: list[tuple[dict, dict, Char]]) -> list[tuple[dict, dict, Char]]:
    """A side's characters left to right, without the spaces at its ends (a space within it,
    "sin x", stays)."""
    entries = sorted(entries, key=lambda entry: entry[2]["bbox"][0])
    inked = [k for k, entry in enumerate(entries) if not entry[2]["c"].isspace()]
    return entries[inked[0] : inked[-1] + 1] if inked else []


def _within(char: Char, bar: Bar) -> bool:
    return bar[1] - _SPAN_SLACK <= char["bbox"][0] and char["bbox"][2] <= bar[2] + _SPAN_SLACK


def _over(entry: tuple[dict, dict, Char], bar: Bar) -> bool:
    """Is the character set just over the bar: its baseline above it, within reach?"""
    _, span, char = entry
    return _within(char, bar) and bar[0] - _REACH_OVER * span["size"] <= char["origin"][1] < bar[0]


def _under(entry: tuple[dict, dict, Char], bar: Bar) -> bool:
    """Is the character set just under the bar: its baseline below it, within reach?"""
    _, span, char = entry
    return _within(char, bar) and bar[0] < char["origin"][1] <= bar[0] + _REACH_UNDER * span["size"]


def _spans_bar(entries: list[tuple[dict, dict, Char]], bar: Bar) -> bool:
    """Does the wider side of the fraction reach both ends of the bar?"""
    inked = [char for _, _, char in entries if not char["c"].isspace()]
    left = min(char["bbox"][0] for char in inked)
    right = max(char["bbox"][2] for char in inked)
    return abs(left - bar[1]) <= _SPAN_SLACK and abs(right - bar[2]) <= _SPAN_SLACK


def _write_inline(
    over: list[tuple[dict, dict, Char]], under: list[tuple[dict, dict, Char]], bar: Bar,
    near: list[tuple[dict, dict, Char]],
) -> None:
    """Write the fraction on the line it stands in: after the numerator, on the numerator's
    line where that line holds more ("รูปแบบ 0" over a bar, "0 มักใช้" under it), else
    before the denominator, on its line, else on the row beside the bar (a display's
    "y =" before it); a slash between the two sides, each in parentheses if it is more
    than one term. The side moved keeps its spans (their fonts and sizes, a power's raise),
    set on the baseline of the line's own text: a line's baseline is its first letters',
    and the row it joins is told by it."""
    over, under = (sorted(side, key=lambda entry: entry[2]["bbox"][0]) for side in (over, under))
    fraction = {id(entry[2]) for entry in over + under}
    own_text = _text_spans(over[-1][0], fraction)
    row = None if own_text or _text_spans(under[0][0], fraction) else _bar_row(bar, near, fraction)
    if row is not None:
        line, at, baseline = row
        moved = [*_enclosed(over, None, baseline), _mark("/", over[-1][2], over[-1][1], baseline),
                 *_enclosed(under, None, baseline)]
        _take_out(over)
        _take_out(under)
    elif own_text:
        line, span, last = over[-1]
        baseline = own_text[0]["origin"][1]
        spaced = _space_after(under)  # the word space after it is its line's, which it leaves
        _enclose(over, baseline)
        _take_out(under)
        moved = [_mark("/", last, span, baseline), *_enclosed(under, last, baseline)]
        if spaced:
            moved.append(_mark(" ", under[-1][2], span, baseline))
        at = line["spans"].index(span) + 1
        if not _one_term(_text(over)):
            at += 1  # after the closing parenthesis
    else:
        line, span, first = under[0]
        baseline = (_text_spans(line, fraction) or [span])[0]["origin"][1]
        _enclose(under, baseline)
        _take_out(over)
        moved = [*_enclosed(over, first, baseline), _mark("/", first, span, baseline)]
        at = line["spans"].index(span) - (0 if _one_term(_text(under)) else 1)
    line["spans"][at:at] = moved


def _bar_row(bar: Bar, near: list[tuple[dict, dict, Char]], fraction: set[int]) -> tuple[dict, int, float] | None:
    """The line of the text nearest the bar on either side, on its row (the bar stands on the
    row's middle, at most half a size over its baseline), as the line, where in its spans
    the fraction goes (before the first drawn right of the bar) and its baseline; None if no
    text is there."""
    def away(char: Char) -> float:
        return max(char["bbox"][0] - bar[2], bar[1] - char["bbox"][2])

    beside = [(line, span, char) for line, span, char in near
              if id(char) not in fraction and not char["c"].isspace() and not char.get(INSERTED)
              and away(char) >= -_SPAN_SLACK and 0 <= char["origin"][1] - bar[0] <= _AXIS * span["size"]]
    if not beside:
        return None
    line, span, _ = min(beside, key=lambda entry: away(entry[2]))
    spans = line["spans"]
    at = next((k for k, other in enumerate(spans)
               if other["chars"] and other["chars"][0]["bbox"][0] >= bar[2] - _SPAN_SLACK), len(spans))
    return line, at, (_text_spans(line, fraction) or [span])[0]["origin"][1]


def _space_after(entries: list[tuple[dict, dict, Char]]) -> bool:
    """Is the character after a side's last, on its line, a space?"""
    line, _, last = entries[-1]
    chars = [char for span in line["spans"] for char in span["chars"]]
    at = next(k for k, char in enumerate(chars) if char is last)
    return at + 1 < len(chars) and chars[at + 1]["c"].isspace()


def _text_spans(line: dict, fraction: set[int]) -> list[dict]:
    """The spans of ``line`` holding text of its own: not the fraction's, not written by us."""
    return [span for span in line["spans"]
            if any(id(c) not in fraction and not c["c"].isspace() and not c.get(INSERTED) for c in span["chars"])]


def _text(entries: list[tuple[dict, dict, Char]]) -> str:
    return "".join(entry[2]["c"] for entry in entries)


def _take_out(entries: list[tuple[dict, dict, Char]]) -> None:
    for _, span, char in entries:
        span["chars"].remove(char)


def _isolated(entries: list[tuple[dict, dict, Char]]) -> list[tuple[dict, dict, Char]]:
    """The characters of ``entries`` (in reading order), their first and last spans cut where
    the run starts and ends ("f(x) = √x + 8" drawn as one span), so that parentheses can go
    round the run; the entries point to the spans they stand in now."""
    for first in (True, False):
        line, _, char = entries[0] if first else entries[-1]
        span = next(span for span in line["spans"] if any(c is char for c in span["chars"]))
        _cut(line, span, next(k for k, c in enumerate(span["chars"]) if c is char) + (0 if first else 1))
    where = {id(char): (line, span) for line in {id(e[0]): e[0] for e in entries}.values()
             for span in line["spans"] for char in span["chars"]}
    return [(*where[id(char)], char) for _, _, char in entries]


def _cut(line: dict, span: dict, at: int) -> None:
    """Cut ``span`` in two before its character ``at``, the second part a span of its own
    after it in ``line``; nothing where ``at`` is an end of it."""
    if 0 < at < len(span["chars"]):
        rest = span["chars"][at:]
        del span["chars"][at:]
        line["spans"].insert(line["spans"].index(span) + 1, {**span, "origin": rest[0]["origin"], "chars": rest})


def _enclose(entries: list[tuple[dict, dict, Char]], baseline: float) -> None:
    """Parentheses round a side left where it stands, as spans of their own beside its first
    and last spans, when it is more than one term."""
    if _one_term(_text(entries)):
        return
    line, first_span, first = entries[0]
    line["spans"].insert(line["spans"].index(first_span), _mark("(", first, first_span, baseline, before=True))
    line, last_span, last = entries[-1]
    line["spans"].insert(line["spans"].index(last_span) + 1, _mark(")", last, last_span, baseline))


def _enclosed(entries: list[tuple[dict, dict, Char]], beside: Char | None, baseline: float) -> list[dict]:
    """A side's characters as spans of their own, one for each span they were drawn in,
    moved onto ``baseline`` (its first span's raise kept for the rest), in parentheses when
    it is more than one term: where ``beside`` ends, or else at the side's own ends."""
    spans = _moved(entries, baseline)
    if _one_term(_text(entries)):
        return spans
    template = entries[0][1]
    opening = _mark("(", beside, template, baseline) if beside else _mark("(", entries[0][2], template, baseline, True)
    closing = _mark(")", beside or entries[-1][2], template, baseline)
    return [opening, *spans, closing]


def _moved(entries: list[tuple[dict, dict, Char]], baseline: float) -> list[dict]:
    """Characters as spans of their own, one for each span they were drawn in, moved onto
    ``baseline`` (the first span's raise kept for the rest)."""
    pieces: list[tuple[dict, list[Char]]] = []
    for _, span, char in entries:
        if pieces and pieces[-1][0] is span:
            pieces[-1][1].append(char)
        else:
            pieces.append((span, [char]))
    shift = baseline - pieces[0][0]["origin"][1]
    return [{**span, "origin": (span["origin"][0], span["origin"][1] + shift), "chars": chars}
            for span, chars in pieces]


def _one_term(text: str) -> bool:
    """Is a side one term: a number or a letter, a prime, no operator and no space; or
    already in parentheses of its own ("(i + j − 1)")?"""
    return all(c in _ONE_TERM for c in text) or _enclosed_already(text)


def _enclosed_already(text: str) -> bool:
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for k, c in enumerate(text):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            return k == len(text) - 1  # the first parenthesis closes at the end, not before
    return False


def _mark(c: str, beside: Char, template: dict, baseline: float, before: bool = False) -> dict:
    """A span of one character the reading writes (a slash, a parenthesis), in ``template``'s
    font and size, on ``baseline``, where ``beside`` ends (starts, ``before`` it), drawing nothing."""
    x = beside["bbox"][0] if before else beside["bbox"][2]
    char = {"c": c, "origin": (x, baseline), "bbox": (x, beside["bbox"][1], x, beside["bbox"][3]), INSERTED: True}
    return {**template, "origin": (x, baseline), "chars": [char]}
