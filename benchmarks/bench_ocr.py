"""OCR against truth, side by side: plain Tesseract vs Guide Light's ``ocr_page``.

Both read the same scanned pages made by ``make_scans.py`` (made first if the directory
has none). "plain" is what a user gets from Tesseract alone: the page rendered at 300 dpi,
``tha+eng``, its raw text. "guidelight" is ``ocr_page`` (junk and furniture dropped,
reading order, Thai repaired and dictionary-corrected). CER is the one of
``shared/tools/score_extraction.py``: NFC, whitespace ignored, Levenshtein distance over
the length of the truth. Pages are read one at a time, so seconds per page are honest.

usage: python benchmarks/bench_ocr.py [SCANS_DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.make_scans import DEFAULT_CORPUS, DEFAULT_OUT, make_corpus
from guidelight.extract.ocr import ocr_page, run_tesseract

DASHES = str.maketrans({"\u2010": "-", "\u2011": "-"})
PLAIN_DPI = 300


def squash(text: str) -> str:
    """What the CER compares: NFC, no whitespace, hyphen look-alikes folded (as score_extraction.py)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).translate(DASHES)


def cer(got: str, truth: str) -> float:
    want = squash(truth)
    return Levenshtein.distance(squash(got), want) / max(1, len(want))


def plain_tesseract(page: pymupdf.Page) -> str:
    image = page.get_pixmap(dpi=PLAIN_DPI, colorspace=pymupdf.csGRAY).tobytes("pnm")
    return run_tesseract(image, PLAIN_DPI, output="txt")


def guidelight_ocr(page: pymupdf.Page, dpi: int = 300) -> str:
    return ocr_page(page, dpi=dpi).text


def in_order(got: str, truth: str) -> bool:
    """Whether the truth's paragraphs are found in the same order in the output (not scrambled)."""
    text = squash(got)
    starts = []
    for paragraph in truth.split("\n\n"):
        head = squash(paragraph)[:40]
        if len(head) > 15:
            found = fuzz.partial_ratio_alignment(head, text)
            if found.score > 70:
                starts.append(found.dest_start)
    return starts == sorted(starts)


@dataclass
class Score:
    name: str
    dpi: int
    layout: str
    cer: float
    ordered: bool
    seconds_per_page: float
    first_page_s: float


def score(path: Path, truth: str, row: dict[str, str | int], reader: object) -> Score:
    started = time.perf_counter()
    with pymupdf.open(path) as doc:
        texts, first = [], 0.0
        for page in doc:
            texts.append(reader(page))  # type: ignore[operator]
            first = first or time.perf_counter() - started
        pages = doc.page_count
    total = time.perf_counter() - started
    got = "\n".join(texts)
    return Score(str(row["pdf"]), int(row["dpi"]), str(row["layout"]), cer(got, truth), in_order(got, truth),
                 total / pages, first)


def summary(label: str, scores: list[Score]) -> list[str]:
    def mean(xs: list[float]) -> str:
        return f"{statistics.mean(xs) * 100:.2f}%"

    worst = max(s.cer for s in scores) * 100
    out = [f"{label}: mean CER {mean([s.cer for s in scores])}, worst {worst:.2f}%,"
           f" {statistics.mean(s.seconds_per_page for s in scores):.2f} s/page,"
           f" first page {max(s.first_page_s for s in scores):.1f} s at worst,"
           f" paragraphs out of order in {sum(not s.ordered for s in scores)} files"]
    for dpi in sorted({s.dpi for s in scores}):
        for layout in sorted({s.layout for s in scores}):
            group = [s for s in scores if s.dpi == dpi and s.layout == layout]
            if group:
                out.append(f"  {dpi} dpi {layout:7s} n={len(group):2d}  CER {mean([s.cer for s in group])}"
                           f"  worst {max(s.cer for s in group) * 100:.2f}%")
    return out


COLD_FIRST_PAGE = """
import time, sys
started = time.perf_counter()
from guidelight.extract.pdf import open_document
document = open_document(sys.argv[1], use_cache=False)
page = document.page(1)
print(time.perf_counter() - started, page.source.value, len(page.text))
"""


def cold_first_page(path: Path) -> str:
    """Seconds from a fresh process opening a scanned PDF to its first page read, as the app does it."""
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", COLD_FIRST_PAGE, str(path)], capture_output=True, text=True,
                          cwd=root, timeout=300, check=True)
    seconds, source, chars = done.stdout.split()
    return f"{float(seconds):.1f} s (source {source}, {chars} characters)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--jobs", type=int, default=1, help="files read at once (timings are per page)")
    parser.add_argument("--dpi", type=int, default=300, help="resolution ocr_page renders pages at")
    args = parser.parse_args(argv)
    if not (args.scans / "manifest.json").exists():
        make_corpus(DEFAULT_CORPUS, args.scans)
    rows = json.loads((args.scans / "manifest.json").read_text(encoding="utf-8"))
    results: dict[str, list[Score]] = {}
    ours = functools.partial(guidelight_ocr, dpi=args.dpi)
    for label, reader in (("plain tesseract", plain_tesseract), (f"guidelight at {args.dpi} dpi", ours)):
        def one(row: dict[str, str | int], reader: object = reader) -> Score:
            truth = (args.scans / str(row["truth"])).read_text(encoding="utf-8")
            return score(args.scans / str(row["pdf"]), truth, row, reader)

        with ThreadPoolExecutor(args.jobs) as pool:
            results[label] = list(pool.map(one, rows))
    print(f"{'file':55s} {'plain':>7s} {'ours':>7s} {'s/page':>7s}")
    for plain, mine in zip(*results.values(), strict=True):
        print(f"{mine.name:55s} {plain.cer * 100:6.2f}% {mine.cer * 100:6.2f}% {mine.seconds_per_page:7.2f}")
    for label, scores in results.items():
        print("\n".join(summary(label, scores)))
    longest = max(rows, key=lambda row: len((args.scans / str(row["truth"])).read_text(encoding="utf-8")))
    print(f"cold process, open_document + first page of {longest['pdf']}:"
          f" {cold_first_page(args.scans / str(longest['pdf']))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
