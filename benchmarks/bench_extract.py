"""Document core speed on a 500-page Thai book, side by side with raw PyMuPDF.

Prints, as medians of several fresh processes: time to the first readable page (opened,
extracted, repaired, segmented), whole-document pages per second, peak memory, and the
same for plain ``page.get_text()`` as the baseline; then reopening from the page cache.

    python benchmarks/bench_extract.py [--pages 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "assets" / "fonts" / "Sarabun-Regular.ttf"
PARAGRAPH = (
    "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัดอย่างไร "
    "เพื่อผลิตสินค้าและบริการให้ตอบสนองความต้องการที่ไม่มีที่สิ้นสุด ในปี พ.ศ. 2566 ผลิตภัณฑ์มวลรวม "
    "ในประเทศ (GDP) ของไทยขยายตัวประมาณ 1.9% ตามรายงานของสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ "
)

# Each probe runs in a fresh interpreter: imports and model loading count, as for a user.
PROBE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
mode, path = sys.argv[1], sys.argv[2]
if mode == "raw":
    import pymupdf
    doc = pymupdf.open(path)
    doc[0].get_text()
    first = time.perf_counter() - t0
    t1 = time.perf_counter()
    for page in doc:
        page.get_text()
    whole = time.perf_counter() - t1
else:
    from guidelight.extract.pdf import open_document
    from guidelight.thai.segment import warm_up
    t_import = time.perf_counter()
    if mode == "warm":
        warm_up()  # what the app does on a background thread while its window appears
    t0w = time.perf_counter()
    doc = open_document(path, use_cache=(mode == "cached"))
    doc.page(1)
    first = time.perf_counter() - (t0w if mode == "warm" else t0)
    t1 = time.perf_counter()
    for n in range(1, doc.page_count + 1):
        doc.page(n)
    whole = time.perf_counter() - t1
pages = 500 if len(sys.argv) < 4 else int(sys.argv[3])
print(json.dumps({"first_ms": first * 1000, "pages_per_s": pages / max(whole, 1e-9),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_book(path: Path, pages: int) -> None:
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="sarabun", fontfile=str(FONT))
        page.insert_text((250, 40), "เอกสารประกอบการสอน", fontname="sarabun", fontsize=9)
        text = (PARAGRAPH * 6)[: 2400]
        box = pymupdf.Rect(60, 70, 535, 790)
        page.insert_textbox(box, text, fontname="sarabun", fontsize=14)
        page.insert_text((500, 815), f"หน้า {number}", fontname="sarabun", fontsize=9)
    doc.save(path, garbage=3, deflate=True)


def probe(mode: str, path: Path, pages: int, cache: Path) -> dict[str, float]:
    env = {"GUIDELIGHT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", PROBE, mode, str(path), str(pages)], capture_output=True,
                         text=True, env=env, check=True)
    return json.loads(out.stdout)


def median_of(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(row[key] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.pdf"
        build_book(book, args.pages)
        results: dict[str, list[dict[str, float]]] = {}
        for mode in ("raw", "cold", "warm"):
            results[mode] = []
            for run in range(args.runs):
                results[mode].append(probe(mode, book, args.pages, Path(tmp) / f"nocache-{mode}-{run}"))
        cache = Path(tmp) / "cache"
        probe("cached", book, args.pages, cache)  # fill the cache once
        results["cached"] = [probe("cached", book, args.pages, cache) for _ in range(args.runs)]
    raw_first, raw_rate = median_of(results["raw"], "first_ms"), median_of(results["raw"], "pages_per_s")
    print(f"{args.pages}-page Thai book, median of {args.runs} fresh processes")
    print(f"{'':34}{'first page ms':>14}{'pages/s':>10}{'peak MB':>9}{'first vs raw':>14}")
    labels = {
        "raw": "raw get_text() (baseline)",
        "cold": "guidelight, cold (model load)",
        "warm": "guidelight, models warmed",
        "cached": "guidelight, reopened from cache",
    }
    for mode, label in labels.items():
        first, rate = median_of(results[mode], "first_ms"), median_of(results[mode], "pages_per_s")
        peak = median_of(results[mode], "peak_mb")
        print(f"{label:34}{first:14.0f}{rate:10.0f}{peak:9.0f}{first / raw_first:13.1f}x")
    print(f"whole-document rate vs raw: {median_of(results['warm'], 'pages_per_s') / raw_rate:.3f}x")


if __name__ == "__main__":
    main()
