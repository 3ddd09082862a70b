"""Thai digits that Tesseract read, read again by their shapes.

Tesseract's Thai model hardly knows ๔, ๖, ๗, ๘ and ๙: on scanned letters it read the
postcode ๔๐๐๐๐ as ๕๐๐๐๐, the date ๙ ธันวาคม ๒๕๖๗ as «๕ จันวาคม ๒๕๒๐, and a phone number's
๒๔๖๖๖๓ as ๒๕๒๐๒๐๒๐๓. A listener cannot tell a wrong digit from a right one, and a
government letter's number, date and postcode are all Thai digits.

Each Thai digit is drawn as one stroke, so the strokes under a run of digits Tesseract
found (with the ฒ, ซ, ส or « it makes of some digits) are cut from the page's image, bold
digits that touch parted, and each stroke is compared with the ten digits drawn in the
bundled Sarabun, regular and bold, by the chamfer distance of their outlines scaled to one
box (outlines, not ink, so a scan's thicker strokes still match). Where Tesseract's own
digit is about as close as the best, Tesseract's is kept. A run whose strokes are not all
digits or punctuation (a letter, a stamp, a line touching the next) is left as Tesseract
read it. The Sarabun design is the government's TH Sarabun, which official letters must
use; on scans of other Thai fonts the re-reading still helps, less (see
``benchmarks/bench_ocr_digits.py``).
"""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from guidelight.core import fonts
from guidelight.extract.ocr_layout import Image, OcrLine, OcrWord

DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_RUN_PIECE = re.compile(r"[๐-๙.,:/\-]+")  # a TSV piece that may belong to a run of digits
# What Tesseract made of ๖, ๗, ๘ and ๙ set in TH Sarabun: ฒ and ว, ซ, ส, «.
_LOOKALIKE = re.compile(r"[๐-๙]*[ฒวซส«][๐-๙]*")
CLOSE = 0.6  # a look-alike this far from its neighbour, in piece heights, is a word of its own
_SEEN = frozenset("๐๑๒๓๕")  # the Thai digits Tesseract's Thai model has; ๔ ๖ ๗ ๘ ๙ it can only misread
_PUNCTUATION = frozenset(".,:/-")  # what a short or narrow stroke in a run stands for
GRID = 40  # a stroke's outline is scaled into a box this many cells square
FAR = 2.0  # mean distance, in cells, beyond which a stroke is no digit we know
TYPED = 1.5  # a run's digits further than this on average are handwriting or noise (typed: 0.8-1.4)
NARROW = 0.65  # a stroke narrower than this share of its height is a slash or a bracket: Thai digits are wide
WIDE = 1.6  # a stroke wider than this many times its height is two digits touching
TIE = 0.2  # Tesseract's digit is kept when it is this close to the best one
SEEN_TIE = 0.5  # ... or this close, where both are digits its model has (``_SEEN``)
SHORT = 0.55  # a stroke lower than this share of the run's tallest is punctuation (a comma: 0.46)
SPECK = 9  # pixels: a smaller stroke is dust
MAX_BOX_PX = 2_000_000  # the most pixels cut out for one run (a 20-digit code in 16-pt type at 300 dpi: 0.2 million)
_STRAIGHT, _DIAGONAL = 3, 4  # the chamfer steps: a distance map of whole numbers, 3 to a cell
_UNREACHED = 1 << 30

Point = tuple[int, int]


@dataclass(frozen=True)
class _Outline:
    """A stroke scaled into the GRID box: its edge cells, and each cell's distance to the nearest."""

    edges: tuple[Point, ...]
    distances: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, points: list[Point]) -> _Outline:
        cells = _scaled(points)
        edges = tuple(
            (x, y) for x, y in cells
            if any((x + dx, y + dy) not in cells for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        )
        return cls(edges, _distance_map(edges))

    def distance(self, other: _Outline) -> float:
        """Symmetric mean chamfer distance in cells: 0 for one shape, about 1 for one digit in two fonts."""
        there = sum(other.distances[y][x] for x, y in self.edges) / max(len(self.edges), 1)
        back = sum(self.distances[y][x] for x, y in other.edges) / max(len(other.edges), 1)
        return (there + back) / (2 * _STRAIGHT)


def _scaled(points: list[Point]) -> set[Point]:
    """The points moved into a GRID-square box, keeping the stroke's proportions, centred."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    left, top = min(xs), min(ys)
    width, height = max(xs) - left + 1, max(ys) - top + 1
    scale = GRID / max(width, height)
    dx = (GRID - max(1, round(width * scale))) // 2
    dy = (GRID - max(1, round(height * scale))) // 2
    return {(min(GRID - 1, dx + int((x - left) * scale)), min(GRID - 1, dy + int((y - top) * scale)))
            for x, y in points}


def _distance_map(edges: tuple[Point, ...]) -> tuple[tuple[int, ...], ...]:
    """Each cell's distance to the nearest edge cell, by the two-pass 3-4 chamfer."""
    grid = [[_UNREACHED] * GRID for _ in range(GRID)]
    for x, y in edges:
        grid[y][x] = 0
    forward = ((-1, 0, _STRAIGHT), (0, -1, _STRAIGHT), (-1, -1, _DIAGONAL), (1, -1, _DIAGONAL))
    for steps, rows in ((forward, range(GRID)), (tuple((-a, -b, c) for a, b, c in forward), range(GRID - 1, -1, -1))):
        columns = range(GRID) if rows.step > 0 else range(GRID - 1, -1, -1)
        for y in rows:
            row = grid[y]
            for x in columns:
                best = row[x]
                for dx, dy, cost in steps:
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < GRID and 0 <= ny < GRID:
                        best = min(best, grid[ny][nx] + cost)
                row[x] = best
    return tuple(tuple(row) for row in grid)


@functools.cache
def _known_digits() -> tuple[tuple[str, _Outline], ...]:
    """The ten digits of each bundled Sarabun face; none when the fonts are missing."""
    known: list[tuple[str, _Outline]] = []
    for face in (fonts.REGULAR, fonts.BOLD):
        if Path(face).is_file():
            known += [(digit, _Outline.of(points)) for digit, points in zip(DIGITS, _drawn(face), strict=True)]
    return tuple(known)


def _drawn(face: Path) -> list[list[Point]]:
    """Each digit drawn alone at about 100 pixels high, as its ink's points."""
    import pymupdf

    drawn = []
    for digit in DIGITS:
        with pymupdf.open() as sheet:
            page = sheet.new_page(width=120, height=120)
            page.insert_font(fontname="f", fontfile=str(face))
            page.insert_text((20, 90), digit, fontname="f", fontsize=60)
            pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        image = Image(pix.samples, pix.stride, pix.width, pix.height)
        drawn.append([point for stroke in _strokes(image, 0, 0, pix.width, pix.height) for point in stroke])
    return drawn


def _strokes(image: Image, x0: int, y0: int, x1: int, y1: int) -> list[list[Point]]:
    """The 8-connected dark shapes inside the box of ``image``, larger than specks, in page pixels.

    Dark is darker than halfway between the box's lightest and darkest grey, so a pale
    scan and a black print are cut alike."""
    rows = image.grey(x0, y0, x1, y1)
    x0, y0 = max(0, x0), max(0, y0)  # where the clipped rows begin
    if not rows or not rows[0]:
        return []
    middle = (min(min(row) for row in rows) + max(max(row) for row in rows)) / 2
    dark = {(x0 + x, y0 + y) for y, row in enumerate(rows) for x, value in enumerate(row) if value < middle}
    shapes = []
    while dark:
        seed = dark.pop()
        shape, todo = [seed], [seed]
        while todo:
            x, y = todo.pop()
            for near in ((x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
                if near in dark:
                    dark.remove(near)
                    shape.append(near)
                    todo.append(near)
        if len(shape) >= SPECK:
            shapes.append(shape)
    return shapes


def reread_digits(image: Image, lines: list[OcrLine]) -> None:
    """Put right, in place, the Thai digits of ``lines`` that the page ``image`` (as
    Tesseract read it) shows to be other digits."""
    runs = [(line, run) for line in lines for run in _runs(line.words)]
    known = _known_digits() if runs else ()  # drawn once a process, and only for a page with digits
    if not known:
        return  # no Thai digits, or installed without its fonts: Tesseract's reading stands
    for line, run in runs:
        text = _reread(image, line, run, known)
        if text is not None:
            _replace(line, run, text)


def _runs(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Consecutive pieces made only of digits and punctuation, with at least one Thai digit,
    and with them the pieces Tesseract makes of a digit it takes for something else."""
    runs: list[list[OcrWord]] = []
    current: list[OcrWord] = []
    for k, word in enumerate(words):
        if _RUN_PIECE.fullmatch(word.text) or _mistaken_digit(words, k):
            current.append(word)
            continue
        runs.append(current)
        current = []
    runs.append(current)
    return [run for run in runs if any(ch in DIGITS for piece in run for ch in piece.text)]


def _mistaken_digit(words: list[OcrWord], k: int) -> bool:
    """Whether piece ``k`` looks like a digit Tesseract misread (``_LOOKALIKE``), set close
    to a digit: a guillemet in or beside one; a letter only between two, or after a digit
    and its thousands comma or decimal point ("๘๕,ฒ๘๓"). A letter before or after a number
    may be one: "ว๑๐" numbers a government circular, and "รหัส๒๐๑" and "๑๕ ส.ค." keep their ส."""
    word = words[k]
    if not _LOOKALIKE.fullmatch(word.text):
        return False
    before = words[k - 1] if k > 0 else None
    number = words[k - 2] if before is not None and before.text in (",", ".") and k > 1 else before
    after = words[k + 1] if k + 1 < len(words) else None
    digit_before = (before is not None and number is not None and _close(before, word)
                    and any(ch in DIGITS for ch in number.text))  # "๘๕," then ฒ: the digit before the comma
    digit_after = after is not None and _close(word, after) and any(ch in DIGITS for ch in after.text)
    if "«" in word.text:
        return digit_before or digit_after or any(ch in DIGITS for ch in word.text)
    return digit_before and digit_after


def _close(left: OcrWord, right: OcrWord) -> bool:
    return right.x0 - left.x1 <= CLOSE * max(left.height, right.height)


def _reread(image: Image, line: OcrLine, run: list[OcrWord], known: tuple[tuple[str, _Outline], ...]) -> str | None:
    """The run's text as its strokes show it, or None to keep Tesseract's."""
    text = "".join(word.text for word in run)
    left, right = min(w.x0 for w in run), max(w.x1 for w in run)
    top, bottom = int(line.y0), int(line.y1)
    reach = bottom - top  # Tesseract's boxes for Thai digits sit a part of a digit off
    if (right - left + 2 * reach) * 2 * reach > MAX_BOX_PX:
        return None  # a poster's giant digits: cut out as points, millions of pixels would cost seconds and gigabytes
    box = (max(0, left - reach), max(0, top - reach // 2), min(image.width, right + reach),
           min(image.height, bottom + reach // 2))
    found = [stroke for stroke in _strokes(image, *box) if (rows := _spans(stroke))[1] >= top and rows[0] <= bottom]
    strokes = _in_run(found, left, right, _neighbours(line, run))
    if not strokes or any(_spans(stroke)[0] == box[1] or _spans(stroke)[1] == box[3] - 1 for stroke, _ in strokes):
        return None  # nothing, or a stroke running on past the box: lines touching, a stamp, a rule
    tallest = max((_height(stroke) for stroke, _ in strokes if not _narrow(stroke)), default=0)
    strokes = [(part, inside) for stroke, inside in strokes
               for part in (_parted(stroke) if _height(stroke) >= SHORT * tallest else [stroke])]
    choices: list[tuple[str, frozenset[str]] | None] = []
    distances: list[float] = []
    for k, (stroke, inside) in enumerate(strokes):
        if _narrow(stroke) or _height(stroke) < SHORT * tallest:
            choices.append(None)  # a point, comma, dash, slash or bracket
            continue
        if _width(stroke) > WIDE * _height(stroke):
            return None  # digits run together past parting: no one digit's shape to compare
        shape = _Outline.of(stroke)
        ranked = sorted((shape.distance(outline), digit) for digit, outline in known)
        best_distance, best = ranked[0]
        if best_distance > FAR:
            end = 0 if k == 0 else -1 if k == len(strokes) - 1 else None
            if end is not None and not inside and not _LOOKALIKE.fullmatch(run[end].text):
                continue  # the letter beside the run, caught by its box
            return None  # a letter, a smudge or a neighbour's stroke: not ours to judge
        choices.append((best, frozenset(digit for d, digit in ranked if d <= best_distance + _tie(digit, best))))
        distances.append(best_distance)
    if not distances or statistics.fmean(distances) > TYPED:
        return None
    return _agreed(text, choices)


def _tie(digit: str, best: str) -> float:
    """How much further than the best match ``digit`` may be and still be taken as
    Tesseract read it: further where both are digits Tesseract's model has (it tells them
    apart; the shapes are Sarabun's, and a thin serif's ๓ is nearer Sarabun's ๐)."""
    return SEEN_TIE if digit in _SEEN and best in _SEEN else TIE


def _parted(stroke: list[Point]) -> list[list[Point]]:
    """A digit-high stroke too wide for one digit (bold digits touch) cut where the least
    ink stands in its middle third, again while a part is too wide; others as they are."""
    if _width(stroke) <= WIDE * _height(stroke):
        return [stroke]
    left = min(x for x, _ in stroke)
    ink = Counter(x for x, _ in stroke)
    width = _width(stroke)
    cut = min(range(left + width // 3, left + 2 * width // 3 + 1), key=lambda x: (ink[x], abs(2 * (x - left) - width)))
    halves = [[p for p in stroke if p[0] < cut], [p for p in stroke if p[0] >= cut]]
    if any(len(half) < SPECK for half in halves):
        return [stroke]
    return [part for half in halves for part in _parted(half)]


def _spans(stroke: list[Point]) -> tuple[int, int]:
    """The stroke's top and bottom rows."""
    return min(y for _, y in stroke), max(y for _, y in stroke)


def _height(stroke: list[Point]) -> int:
    upper, lower = _spans(stroke)
    return lower - upper + 1


def _width(stroke: list[Point]) -> int:
    return max(x for x, _ in stroke) - min(x for x, _ in stroke) + 1


def _narrow(stroke: list[Point]) -> bool:
    return _width(stroke) < NARROW * _height(stroke)


def _neighbours(line: OcrLine, run: list[OcrWord]) -> tuple[float, float]:
    """Where the pieces either side of the run end and begin: a stroke past them is theirs
    (a slash's box stretched over the next number took its digits, read twice)."""
    first, last = line.words.index(run[0]), line.words.index(run[-1])
    before = line.words[first - 1].x1 if first > 0 else -math.inf
    after = line.words[last + 1].x0 if last + 1 < len(line.words) else math.inf
    return before, after


def _in_run(strokes: list[list[Point]], left: int, right: int,
            neighbours: tuple[float, float]) -> list[tuple[list[Point], bool]]:
    """The strokes that reach into the run's columns and not wholly into its neighbours'
    pieces, left to right, each with whether it lies mostly within the run's columns;
    strokes one above another (a colon's dots, a digit broken by the scan) joined as one."""
    reaching = []
    for stroke in strokes:
        x0, x1 = min(x for x, _ in stroke), max(x for x, _ in stroke)
        if x1 >= left and x0 <= right and x1 > neighbours[0] and x0 < neighbours[1]:
            reaching.append((x0, x1, stroke))
    reaching.sort(key=lambda found: found[0])
    joined: list[tuple[int, int, list[Point]]] = []
    for x0, x1, stroke in reaching:
        if joined:
            j0, j1, last = joined[-1]
            if min(x1, j1) - max(x0, j0) + 1 > min(x1 - x0 + 1, j1 - j0 + 1) / 2:
                joined[-1] = (min(x0, j0), max(x1, j1), last + stroke)
                continue
        joined.append((x0, x1, stroke))
    return [(stroke, min(x1, right) - max(x0, left) + 1 > (x1 - x0 + 1) / 2) for x0, x1, stroke in joined]


def _agreed(text: str, choices: list[tuple[str, frozenset[str]] | None]) -> str | None:
    """The strokes' reading, kept as close to Tesseract's ``text`` as the shapes allow.

    Strokes and Tesseract's characters are paired in order as often as they agree (a digit
    among the stroke's near choices, a punctuation mark for a short or narrow stroke); a
    paired stroke is read as Tesseract read it, an unpaired digit stroke as its best match.
    A punctuation stroke inside the run, or a punctuation mark, left unpaired means the two
    readings disagree on more than a digit's shape, and Tesseract's stands."""
    def agree(i: int, j: int) -> bool:
        choice = choices[i]
        return text[j] in _PUNCTUATION if choice is None else text[j] in choice[1]

    n, m = len(choices), len(text)
    most = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            most[i][j] = max(most[i + 1][j], most[i][j + 1], most[i + 1][j + 1] + 1 if agree(i, j) else 0)
    read, paired, i, j = [], set(), 0, 0
    while i < n:
        if j < m and agree(i, j) and most[i][j] == most[i + 1][j + 1] + 1:
            read.append(text[j])
            paired.add(j)
            i, j = i + 1, j + 1
        elif j < m and most[i][j] == most[i][j + 1]:
            j += 1
        else:
            choice = choices[i]
            if choice is not None:
                read.append(choice[0])
            elif 0 < i < n - 1:
                return None
            i += 1  # a bracket or a point beside the run is not the run's
    if any(ch in _PUNCTUATION and k not in paired for k, ch in enumerate(text)):
        return None
    return "".join(read)


def _replace(line: OcrLine, run: list[OcrWord], text: str) -> None:
    """The run's pieces give way to one piece a digit, as Tesseract gives Thai digits, each
    with the punctuation after it (a lone comma is taken for dust). They share the run's
    width evenly, so no gap parts the number, at its pieces' median height, as the line's
    spacing is measured on its pieces' heights; and they are as sure as the run's pieces
    were on average: its dust-like pieces, once read as digits, are not dust."""
    conf = sum(w.conf * len(w.text) for w in run) / max(1, sum(len(w.text) for w in run))
    parts = re.findall(r"^[^๐-๙]+|[๐-๙][^๐-๙]*", text)
    left, right = min(w.x0 for w in run), max(w.x1 for w in run)
    top, bottom = round(statistics.median(w.y0 for w in run)), round(statistics.median(w.y1 for w in run))
    step = (right - left) / len(parts)
    pieces = [OcrWord(part, round(left + k * step), top, round(left + (k + 1) * step), bottom, conf)
              for k, part in enumerate(parts)]
    at = line.words.index(run[0])
    dropped = {id(word) for word in run}
    kept = [word for word in line.words if id(word) not in dropped]
    line.words = kept[:at] + pieces + kept[at:]
