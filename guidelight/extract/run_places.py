"""Putting a line's runs where they stand on the page, whatever order they were drawn in.

A producer may draw part of a line after the rest: LibreOffice a character its font lacks
in another font, Word an equation's subscripts. MuPDF keeps such a run at the end of its
line, or reads it as a line of its own, and it was heard at the end of the line or of its
row. Here each run goes back between the characters it stands between.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from guidelight.extract.rawdict import raw_lines

# A script: a run of a few characters on one baseline with no Thai (an index, a power, a
# footnote's number), between these shares of its base letter's size (Word sets an index
# at two thirds, TeX at seven tenths; a slide's page number by a large word is smaller),
# its baseline this far from the base's in that size, its glyphs no taller than the base's
# line (TeX's integral sign is drawn from a small size), starting past the base's middle
# (a number's shadow drawn smaller over it is none) and at most _SCRIPT_GAP of that size
# after the base's box, and ending before the next letter starts (an italic
# letter's overhang apart): a limit's script under "lim" stands under its letters, for
# ``stacked_math``.
_SCRIPT_CHARS = 6
_SCRIPT_SIZE = (0.5, 0.8)
_SCRIPT_SHIFT = (0.08, 0.6)
_SCRIPT_GAP = 0.15
_OVERHANG = 0.15
_ONE_BASELINE = 0.5  # points
_THAI = re.compile("[\u0e00-\u0e7f\uf700-\uf71f]")  # Thai and its legacy shifted marks


def horizontal(line: dict) -> bool:
    """Does a rawdict line have text, set left to right?"""
    return bool(line["spans"]) and line.get("dir", (1.0, 0.0))[0] >= 0.99


def rejoin_split_lines(raw: dict) -> None:
    """Put each run back where it stands in its line. LibreOffice draws a character its font
    lacks in another font, after the rest (the hyphen of 09.00-12.00, the period of น., the
    quotes of “คลองสวยน้ำใส”): MuPDF keeps it at the end of the line, or reads it as a
    line of its own on the same baseline, so it was heard at the end of the line or of the
    table cell. A run is moved only over its line's spaces (LibreOffice leaves one where
    the run goes, which is dropped): one over the line's letters is a copy printed over it,
    for ``overprint``."""
    by_baseline: dict[int, list[dict]] = {}
    for line in raw_lines(raw):
        if horizontal(line):
            _reorder_spans(line)
            by_baseline.setdefault(round(line["spans"][0]["origin"][1]), []).append(line)
    for lines in by_baseline.values():
        if len(lines) < 2:
            continue
        for run in sorted(lines, key=lambda line: line["bbox"][2] - line["bbox"][0]):
            host = next((line for line in lines if line is not run and _stands_inside(run, line)), None)
            if host is not None:
                for span in run["spans"]:
                    _insert_span(host, span)
                run["spans"] = []


def _reorder_spans(line: dict) -> None:
    """Spans of one line drawn after spans that stand right of them, put where they stand;
    a letter drawn after its own index, before it (Word's "n" after its "l": "ln")."""
    spans = [span for span in line["spans"] if span["chars"]]
    placed = {**line, "spans": spans[:1]}
    for span in spans[1:]:
        x = span["chars"][0]["origin"][0]
        last = placed["spans"][-1]["chars"][-1]["origin"][0]
        run = {"spans": [span], "bbox": span["bbox"]}
        later = [k for k, host in enumerate(placed["spans"]) if host["chars"][0]["origin"][0] > x]
        if x < last - 0.5 and _stands_inside(run, placed):
            _insert_span(placed, span)
        elif later and all(_index_of(host, span) for host in placed["spans"][later[0] :]):
            scripts, placed["spans"][later[0] :] = placed["spans"][later[0] :], [span]
            for script in scripts:
                _insert_span(placed, script)
        else:
            placed["spans"].append(span)
    line["spans"] = placed["spans"]


def _stands_inside(run: dict, line: dict) -> bool:
    """Is ``run`` on ``line``'s baseline, within its extent, over nothing but its spaces?"""
    if not run["spans"] or not line["spans"]:
        return False
    if abs(run["spans"][0]["origin"][1] - line["spans"][0]["origin"][1]) > 0.5:
        return False
    x0, x1 = run["bbox"][0], run["bbox"][2]
    if x1 - x0 < 0.5:
        return False  # no width: not a run drawn in its place (Canva's text of a line at one point)
    if not (line["bbox"][0] - 0.5 <= x0 and x1 <= line["bbox"][2] + 0.5):
        return False
    return not any(_covers(x0, x1, ch) for span in line["spans"] for ch in span["chars"] if not ch["c"].isspace())


def _covers(x0: float, x1: float, char: dict) -> bool:
    return char["bbox"][0] < x1 - 0.5 and x0 + 0.5 < char["bbox"][2]


def _insert_span(line: dict, span: dict) -> None:
    """Put ``span`` into ``line`` where it stands: between two of its spans, or splitting the
    one it stands inside (before the first letter that starts right of it); the line's
    spaces it covers go."""
    x0, x1 = span["bbox"][0], span["bbox"][2]
    spans = [
        {**host, "chars": [ch for ch in host["chars"] if not (ch["c"].isspace() and _covers(x0, x1, ch))]}
        for host in line["spans"]
    ]
    x = span["chars"][0]["origin"][0]
    for k, host in enumerate(spans):
        chars = host["chars"]
        if chars and chars[0]["origin"][0] > x:
            spans.insert(k, span)
            break
        cut = next(
            (n for n, ch in enumerate(chars) if ch["origin"][0] > x and unicodedata.category(ch["c"]) != "Mn"), None
        )
        if cut:
            spans[k : k + 1] = [{**host, "chars": chars[:cut]}, span, {**host, "chars": chars[cut:]}]
            break
    else:
        spans.append(span)
    line["spans"] = [host for host in spans if host["chars"]]


def attach_scripts(raw: dict) -> int:
    """Put each subscript or superscript drawn as a line of its own after the letter it
    belongs to, and say how many were put. Word draws an equation's indices each as a run
    of its own (a thesis's "μ_ik − x_ik", Quartz a book's "f_i = q_i / Σ q_j"), a little
    lower or higher than the letters: MuPDF reads each as a line, and the layout, which
    orders a row's pieces by their baselines, heard them after the row's last word
    ("...ด้วยจำนวนikik ข้อมูล")."""
    lines = [line for line in raw_lines(raw) if horizontal(line)]
    # each span's baseline and its line's place: a page overprinted a hundred times has
    # thousands of lines, and a base is looked for only near its script's baseline
    spots = sorted((span["origin"][1], k) for k, line in enumerate(lines) for span in line["spans"])
    baselines = [y for y, _ in spots]
    attached = 0
    for run in [line for line in lines if _script_like(line)]:
        # its base is at most twice its size, and shifted from it by 0.6 of that at most
        y, reach = _baseline(run), 2 * _SCRIPT_SHIFT[1] * max(span["size"] for span in run["spans"])
        near = sorted({k for _, k in spots[bisect_left(baselines, y - reach) : bisect_right(baselines, y + reach)]})
        host = next((lines[k] for k in near if lines[k] is not run and _base_of(run, lines[k])), None)
        if host is None:
            continue
        for span in run["spans"]:
            _insert_span(host, span)
        host["bbox"] = tuple(
            min(a, b) if k < 2 else max(a, b) for k, (a, b) in enumerate(zip(host["bbox"], run["bbox"], strict=True))
        )
        run["spans"] = []
        attached += 1
    return attached


def _baseline(line: dict) -> float:
    return float(line["spans"][0]["origin"][1])


def _script_like(run: dict) -> bool:
    chars = [ch for span in run["spans"] for ch in span["chars"]]
    text = "".join(ch["c"] for ch in chars).strip()
    baselines = [ch["origin"][1] for ch in chars]
    return (
        0 < len(text) <= _SCRIPT_CHARS and not _THAI.search(text) and max(baselines) - min(baselines) <= _ONE_BASELINE
    )


def _index_of(script: dict, span: dict) -> bool:
    """Is span ``script`` a script of a letter of ``span``?"""
    run = {"spans": [script], "bbox": script["bbox"]}
    return _script_like(run) and _base_of(run, {"spans": [span], "bbox": span["bbox"]})


def _base_of(run: dict, line: dict) -> bool:
    """Is ``run`` a script of a letter of ``line``: the last one starting left of it?"""
    if not line["spans"]:
        return False  # a script put in its place already
    x0, x1 = run["spans"][0]["chars"][0]["origin"][0], run["bbox"][2]
    if not line["bbox"][0] < x0 <= line["bbox"][2] + _SCRIPT_GAP * max(span["size"] for span in line["spans"]):
        return False
    inked = [(ch, span) for span in line["spans"] for ch in span["chars"] if not ch["c"].isspace()]
    before = [(ch, span) for ch, span in inked if ch["origin"][0] < x0]
    if not before:
        return False
    base, span = before[-1]
    size = span["size"]
    after = inked[len(before) :]
    return (
        all(_scripted(script, span) for script in run["spans"])
        and (base["bbox"][0] + base["bbox"][2]) / 2 <= x0 <= base["bbox"][2] + _SCRIPT_GAP * size
        and run["bbox"][3] - run["bbox"][1] <= line["bbox"][3] - line["bbox"][1]
        and (not after or after[0][0]["bbox"][0] >= x1 - _OVERHANG * size)
    )


def _scripted(script: dict, base: dict) -> bool:
    """Is span ``script`` (of a run ``_script_like`` already: no Thai) set as an index or a
    power of span ``base``'s letters: smaller, with its baseline shifted from theirs?"""
    shift = abs(script["origin"][1] - base["origin"][1]) / base["size"]
    return (
        _SCRIPT_SIZE[0] * base["size"] <= script["size"] <= _SCRIPT_SIZE[1] * base["size"]
        and _SCRIPT_SHIFT[0] <= shift <= _SCRIPT_SHIFT[1]
    )
