"""A page whose text layer holds far more than the page draws, read from what it draws.

Canva writes, under each cluster it draws, a copy of the rest of the line's text that
takes no room (for search and selection): MuPDF's reading of such a page holds every
sentence four to fifteen times, in pieces (กล่องข้อความล่ล่องข้อความข้อง...), and the
repeats dropped later left scraps and lost words. The page's text trace, what it draws
glyph by glyph, has each letter once, where it stands, with its own code. When the
reading's letters are mostly such no-room copies and it holds more than twice what the
page draws, the page's lines are made from the drawn glyphs instead; what was set aside
is counted, so the page says it left repeated text out.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Iterable, Iterator, Sequence

import pymupdf

from guidelight.extract.budget import check_time

GHOST_RATIO = 2.0  # characters read per glyph drawn: every real page here stays under 1.4
_NO_ROOM_SHARE = 0.2  # of the reading's letters, taking no room: Canva's copies
_MIN_EXCESS = 100  # characters read beyond those drawn, before a page is judged
_SAME_PLACE = 0.1  # points: a glyph drawn again here is one glyph (a fill, then an outline)
_SAME_ROW = 0.3  # of the size: baselines this close are one row
_LINE_GAP = 1.5  # sizes: a wider gap on a row starts another line (a table's next cell)

_TRACES: weakref.WeakKeyDictionary[pymupdf.Page, list[dict]] = weakref.WeakKeyDictionary()
Glyph = tuple[dict, tuple]  # (trace span, trace glyph: code, glyph id, origin, box)


def drawn_reading(
    page: pymupdf.Page, chars: Sequence[dict], clip: pymupdf.Rect | None
) -> tuple[list[dict], int] | None:
    """The blocks of the page's reading made from the glyphs it draws (inside ``clip``), and
    how many of the reading's characters (``chars``) that sets aside; None when the reading
    is what is drawn."""
    read = len(chars)
    if read < _MIN_EXCESS or _no_room_letters(chars) < _NO_ROOM_SHARE * read:
        return None
    glyphs = list(_drawn_glyphs(_trace(page), clip))
    if read < GHOST_RATIO * len(glyphs) or read - len(glyphs) < _MIN_EXCESS:
        return None
    return [_block(n, line) for n, line in enumerate(_lines(glyphs))], read - len(glyphs)


def _trace(page: pymupdf.Page) -> list[dict]:
    """The page's text trace, read once while the page is open: its table search reads a
    ghost page again cell by cell (a poster: 33 reads of one trace)."""
    if page not in _TRACES:
        _TRACES[page] = page.get_texttrace()
    return _TRACES[page]


def _no_room_letters(chars: Iterable[dict]) -> int:
    """Letters (not marks, not spaces) whose box has no width."""
    return sum(
        1
        for ch in chars
        if ch["bbox"][2] - ch["bbox"][0] <= 0.01 and unicodedata.category(ch["c"][:1] or " ").startswith("L")
    )


def _drawn_glyphs(trace: Iterable[dict], clip: pymupdf.Rect | None) -> Iterator[Glyph]:
    """(trace span, glyph) for each glyph drawn horizontally, once per place, in drawing order."""
    seen: set[tuple[int, int, int]] = set()
    for span in trace:
        if span.get("dir", (1.0, 0.0))[0] < 0.99 or span.get("wmode", 0):
            continue
        for glyph in span["chars"]:
            x, y = glyph[2]
            place = (glyph[1], round(x / _SAME_PLACE), round(y / _SAME_PLACE))
            if place in seen or (clip is not None and not clip.contains(pymupdf.Point(x, y))):
                continue
            seen.add(place)
            yield span, glyph


def _lines(glyphs: list[Glyph]) -> Iterator[list[Glyph]]:
    """The glyphs as lines, in blocks of lines one under another (a text box, a column),
    the blocks in the order they were drawn: a design's boxes are drawn in reading order,
    where rows across the page would cross its columns."""
    blocks: list[list[list[Glyph]]] = []
    open_blocks: list[list[list[Glyph]]] = []  # those whose last line is near enough to go on
    for line in sorted(_row_pieces(glyphs), key=lambda line: (_baseline(line), _left(line))):
        check_time()  # a hostile page of scattered glyphs is given up, not hung on
        top = min(glyph[3][1] for _, glyph in line)
        reach = 2 * max(span["size"] for span, _ in line)
        open_blocks = [block for block in open_blocks if max(g[3][3] for _, g in block[-1]) > top - reach]
        home = next((block for block in open_blocks if _continues(block[-1], line)), None)
        if home is None:
            home = []
            blocks.append(home)
            open_blocks.append(home)
        home.append(line)
    order = {id(glyph): n for n, (_, glyph) in enumerate(glyphs)}
    for block in sorted(blocks, key=lambda block: min(order[id(g)] for line in block for _, g in line)):
        yield from block


def _row_pieces(glyphs: list[Glyph]) -> Iterator[list[Glyph]]:
    """Rows of clusters, each left to right and cut at wide gaps (a table's next cell)."""
    rows: list[list[list[Glyph]]] = []
    for cluster in sorted(_clusters(glyphs), key=lambda cluster: cluster[0][1][2][1]):
        if rows and _same_row(rows[-1][0][0], cluster[0]):
            rows[-1].append(cluster)
        else:
            rows.append([cluster])
    for row in rows:
        row.sort(key=lambda cluster: cluster[0][1][2][0])
        piece: list[Glyph] = []
        for cluster in row:
            if piece and cluster[0][1][3][0] - piece[-1][1][3][2] > _LINE_GAP * cluster[0][0]["size"]:
                yield piece
                piece = []
            piece.extend(cluster)
        yield piece


def _clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Each letter with the marks drawn after it, in drawing order: a mark stands where the
    next letter starts, so by place alone it may fall after that letter."""
    clusters: list[list[Glyph]] = []
    for span, glyph in glyphs:
        # A mark by its code, or a glyph drawn with no advance (a shifted mark the font's
        # ToUnicode leaves out, coded U+FFFD): either sits on the letter drawn before it.
        mark = unicodedata.category(_text(glyph)) == "Mn" or (glyph[3][2] - glyph[3][0] <= 0.01 and glyph[0] != 32)
        if mark and clusters and _same_row(clusters[-1][0], (span, glyph)):
            clusters[-1].append((span, glyph))
        else:
            clusters.append([(span, glyph)])
    return clusters


def _same_row(first: Glyph, other: Glyph) -> bool:
    """Are two glyphs on one row: baselines within ``_SAME_ROW`` of the second's size?"""
    return abs(first[1][2][1] - other[1][2][1]) < _SAME_ROW * max(other[0]["size"], 1.0)


def _baseline(line: list[Glyph]) -> float:
    return line[0][1][2][1]


def _left(line: list[Glyph]) -> float:
    return line[0][1][3][0]


def _continues(above: list[Glyph], line: list[Glyph]) -> bool:
    """Is ``line`` the next line of the block whose last line is ``above``: just under it
    (less than a line's height between them) and overlapping it sideways?"""
    size = max(span["size"] for span, _ in line)
    top = min(glyph[3][1] for _, glyph in line)
    bottom = max(glyph[3][3] for _, glyph in above)
    left, right = _left(line), max(glyph[3][2] for _, glyph in line)
    return 0 <= top - bottom + 0.3 * size < size and left < max(g[3][2] for _, g in above) and right > _left(above)


def _block(number: int, line: list[Glyph]) -> dict:
    """A reading's block of one line, in the shape ``get_text("rawdict")`` gives."""
    spans: list[dict] = []
    for span, glyph in line:
        char = {"c": _text(glyph), "origin": glyph[2], "bbox": glyph[3],
                "glyph": (span["font"], glyph[1])}
        last = spans[-1] if spans else None
        if last is not None and last["font"] == span["font"] and last["size"] == span["size"]:
            last["chars"].append(char)
        else:
            spans.append({"font": span["font"], "size": span["size"], "flags": span.get("flags", 0),
                          "origin": glyph[2], "chars": [char]})
    for span in spans:
        span["bbox"] = _union(ch["bbox"] for ch in span["chars"])
    bbox = _union(span["bbox"] for span in spans)
    return {"type": 0, "number": number, "bbox": bbox,
            "lines": [{"spans": spans, "bbox": bbox, "dir": (1.0, 0.0), "wmode": 0}]}


def _text(glyph: tuple) -> str:
    """The character a trace glyph is coded as; U+FFFD for none, or for a code past Unicode."""
    return chr(glyph[0]) if 0 < glyph[0] <= 0x10FFFF else "\ufffd"


def _union(boxes: Iterable[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return min(x0s), min(y0s), max(x1s), max(y1s)
