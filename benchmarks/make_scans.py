"""Make scanned test PDFs from PDFs whose text is known, so OCR can be scored against truth.

Each page is rendered the way a cheap office scanner and a phone would give it: grey,
slightly skewed, a little out of focus (rendered smaller then scaled up), speckled with
dust, and JPEG-compressed; the result is an image-only PDF page with no text layer.
Only PyMuPDF is used, so the tests can make a small scan on the fly with the same code.
A seed makes every scan reproducible.

usage: python benchmarks/make_scans.py [CORPUS_DIR] [OUT_DIR]
Writes OUT_DIR/NAME--scan{dpi}.pdf with NAME.txt beside it and a manifest.json that
``bench_ocr.py`` (and ``score_extraction.py``) read.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pymupdf

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "thai-pdf"
DEFAULT_OUT = Path("/tmp/guidelight-scans")


@dataclass(frozen=True)
class Damage:
    """How badly a page is scanned; the defaults are a slightly poor office scan."""

    skew_degrees: float = 0.8  # the page is turned by up to this much, either way
    blur: float = 0.7  # rendered at this fraction of the dpi, then scaled back up
    specks: int = 600  # dust specks per page, 1-3 px each
    jpeg_quality: int = 55


def scan_page(page: pymupdf.Page, dpi: int, rng: random.Random, damage: Damage) -> bytes:
    """One page as a degraded greyscale JPEG, at ``dpi`` in the page's own size."""
    angle = rng.uniform(-damage.skew_degrees, damage.skew_degrees)
    zoom = dpi / 72 * damage.blur
    soft = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom).prerotate(angle), colorspace=pymupdf.csGRAY)
    width, height = round(soft.width / damage.blur), round(soft.height / damage.blur)
    pix = pymupdf.Pixmap(soft, width, height, None)  # scaling back up leaves the blur
    for _ in range(damage.specks):
        x, y = rng.randrange(width - 3), rng.randrange(height - 3)
        size = rng.choice((1, 1, 2, 2, 3))
        pix.set_rect(pymupdf.IRect(x, y, x + size, y + size), (rng.randrange(0, 90),))
    pix.set_dpi(dpi, dpi)
    return pix.tobytes("jpg", jpg_quality=damage.jpeg_quality)


def scan_pdf(src: Path, dst: Path, dpi: int, *, seed: int = 0, damage: Damage | None = None,
             pages: range | None = None) -> None:
    """Write ``dst`` as an image-only PDF of ``src`` scanned at ``dpi``."""
    damage = damage or Damage()
    rng = random.Random(seed)
    with pymupdf.open(src) as doc, pymupdf.open() as out:
        for number in pages if pages is not None else range(doc.page_count):
            page = doc[number]
            image = scan_page(page, dpi, rng, damage)
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=image)
        out.save(dst, garbage=3, deflate=True)


def make_corpus(corpus: Path, out: Path, dpis: tuple[int, ...] = (200, 300)) -> list[dict[str, str | int]]:
    """Scan every corpus PDF at each dpi; returns (and writes) the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str | int]] = []
    for entry in json.loads((corpus / "manifest.json").read_text(encoding="utf-8")):
        stem = Path(entry["pdf"]).stem
        for dpi in dpis:
            name = f"{stem}--scan{dpi}"
            scan_pdf(corpus / entry["pdf"], out / f"{name}.pdf", dpi, seed=zlib.crc32(name.encode()))
            shutil.copyfile(corpus / entry["truth"], out / f"{name}.txt")
            rows.append({**entry, "pdf": f"{name}.pdf", "truth": f"{name}.txt", "dpi": dpi,
                         "layout": "twocol" if entry["variant"] == "twocol" else "onecol"})
    (out / "manifest.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return rows


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    rows = make_corpus(corpus, out)
    print(f"{len(rows)} scanned PDFs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
