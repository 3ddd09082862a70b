"""Thai digits on scanned pages, side by side: Tesseract's reading vs the same after ``reread_digits``.

Pages of letter-like lines full of Thai digits (document numbers, postcodes, dates, phone
numbers, sums) are set in each font, scanned with ``make_scans.py``'s scanner and read
once by Tesseract; the digit error rate (Levenshtein distance between the page's digits
in reading order and the truth's, over the truth's length) is counted on that reading,
then on the same reading after ``reread_digits``. One reading serves both, so Tesseract's
run-to-run wobble does not enter the comparison.

The fonts are the bundled Sarabun (the government's TH Sarabun design, whose digits the
re-reading knows) and every TLWG font installed (fonts-thai-tlwg), whose digits it has
never seen.

usage: python benchmarks/bench_ocr_digits.py [--pages N] [--seed S]
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
from pathlib import Path

import pymupdf
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.make_scans import Damage, scan_pdf
from guidelight.core import fonts
from guidelight.extract.ocr import run_tesseract
from guidelight.extract.ocr_digits import DIGITS, reread_digits
from guidelight.extract.ocr_layout import Image, OcrLine, parse_tsv
from guidelight.thai.calendar import MONTHS

TLWG = Path("/usr/share/fonts/truetype/tlwg")
DPI = 300


def number(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(length))


def letter_lines(rng: random.Random) -> list[str]:
    """A page's lines, each with the kinds of numbers a Thai official letter carries."""
    makers = (
        lambda: f"ที่ ศธ {number(rng, 5)}.{number(rng, 3)}/{number(rng, 3)}",
        lambda: f"จังหวัดขอนแก่น {number(rng, 5)}",
        lambda: f"{number(rng, rng.randint(1, 2))} {rng.choice(MONTHS)} {number(rng, 4)}",
        lambda: f"โทร {number(rng, 3)}-{number(rng, 6)}",
        lambda: f"จำนวน {number(rng, 2)},{number(rng, 3)} บาท",
        lambda: f"รหัสงบประมาณ {number(rng, 12)}",
    )
    return [rng.choice(makers)() for _ in range(14)]


def scanned_page(font: Path, lines: list[str], folder: Path, seed: int) -> pymupdf.Document:
    source, scan = folder / "source.pdf", folder / "scan.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        archive = pymupdf.Archive(str(font.parent))
        css = (f"@font-face {{font-family: th; src: url({font.name});}}"
               " * {font-family: th; font-size: 16pt; line-height: 1.5}")
        for k, text in enumerate(lines):
            page.insert_htmlbox(pymupdf.Rect(60, 60 + 50 * k, 535, 105 + 50 * k), f"<p>{text}</p>",
                                css=css, archive=archive)
        doc.save(source)
    scan_pdf(source, scan, DPI, seed=seed, damage=Damage(skew_degrees=0.5, specks=300))
    return pymupdf.open(scan)


def digits_of(lines: list[OcrLine]) -> str:
    ordered = sorted(lines, key=lambda line: line.y0)
    return "".join(ch for line in ordered for word in line.words for ch in word.text if ch in DIGITS)


def error_rate(got: str, truth: str) -> float:
    return Levenshtein.distance(got, truth) / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2, help="pages per font")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    faces = [fonts.REGULAR, fonts.BOLD, *sorted(TLWG.glob("*.ttf"))]
    faces = [face for face in faces if "Mono" not in face.name and "Typ" not in face.name]
    print(f"{'font':24} {'digits':>6} {'tesseract':>9} {'re-read':>8}")
    totals = {"sarabun": [0, 0, 0], "other": [0, 0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for face in faces:
            rng = random.Random(f"{args.seed}-{face.name}")
            truth_len = before = after = 0
            for page_number in range(args.pages):
                lines = letter_lines(rng)
                truth = "".join(ch for line in lines for ch in line if ch in DIGITS)
                with scanned_page(face, lines, Path(tmp), seed=args.seed + page_number) as doc:
                    pix = doc[0].get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY)
                read = parse_tsv(run_tesseract(pix.tobytes("pnm"), DPI))
                reread = copy.deepcopy(read)
                reread_digits(Image(pix.samples, pix.stride, pix.width, pix.height), reread)
                truth_len += len(truth)
                before += Levenshtein.distance(digits_of(read), truth)
                after += Levenshtein.distance(digits_of(reread), truth)
            group = totals["sarabun" if "Sarabun" in face.name else "other"]
            for k, value in enumerate((truth_len, before, after)):
                group[k] += value
            print(f"{face.stem:24} {truth_len:6d} {before / truth_len:9.1%} {after / truth_len:8.1%}")
    for name, (truth_len, before, after) in totals.items():
        if truth_len:
            print(f"{'all ' + name:24} {truth_len:6d} {before / truth_len:9.1%} {after / truth_len:8.1%}")


if __name__ == "__main__":
    main()
