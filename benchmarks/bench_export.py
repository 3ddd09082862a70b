"""Export speed on a 100-page Thai course document with headings, tables and figures.

Prints the time to extract the document and, separately, to write it as DOCX, HTML and
EPUB, and the EPUB with spoken media overlays (the real engine, espeak-ng through
pyttsx3) as a multiple of real time (seconds of speech made per second of work).

    python benchmarks/bench_export.py [--pages 100] [--audio-pages 20]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
import zipfile
from pathlib import Path

import pymupdf

from guidelight.export import export_document
from guidelight.export.images import PdfImages
from guidelight.export.structure import Block
from guidelight.extract.pdf import open_document

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
PARAGRAPH = (
    "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัดอย่างไร "
    "เพื่อผลิตสินค้าและบริการให้ตอบสนองความต้องการที่ไม่มีที่สิ้นสุด ในปี พ.ศ. 2566 ผลิตภัณฑ์มวลรวม "
    "ในประเทศ (GDP) ของไทยขยายตัวประมาณ 1.9% ตามรายงานของสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ"
)


def _table(page: pymupdf.Page, y: float, rows: int) -> float:
    widths = [140.0, 120.0, 100.0]
    shape = page.new_shape()
    for r in range(rows + 1):
        x = 60.0
        for c, w in enumerate(widths):
            if r < rows:
                text = ["หัวข้อ", "ราคา", "จำนวน"][c] if r == 0 else [f"รายการที่ {r}", f"{r * 15} บาท", str(r)][c]
                page.insert_text((x + 4, y + r * 20 + 14), text, fontname="sb" if r == 0 else "s", fontsize=11)
            shape.draw_line((x, y + r * 20), (x + w, y + r * 20))
            x += w
    for x in (60.0, 200.0, 320.0, 420.0):
        shape.draw_line((x, y), (x, y + rows * 20))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    return y + rows * 20


def make_document(path: Path, pages: int) -> Path:
    doc = pymupdf.open()
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 80), False)
    picture.set_rect(picture.irect, (40, 90, 160))
    toc = []
    for n in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname="s", fontfile=str(FONTS / "Sarabun-Regular.ttf"))
        page.insert_font(fontname="sb", fontfile=str(FONTS / "Sarabun-Bold.ttf"))
        y = 70.0
        if n % 5 == 1:
            title = f"บทที่ {n // 5 + 1} เศรษฐศาสตร์เบื้องต้น ส่วนที่ {n}"
            page.insert_text((60, y), title, fontname="sb", fontsize=18)
            toc.append([1, title, n])
            y += 30
        for _ in range(3):
            rect = pymupdf.Rect(60, y, 535, y + 110)
            page.insert_textbox(rect, PARAGRAPH, fontname="s", fontsize=12)
            y += 120
        if n % 4 == 0:
            y = _table(page, y + 10, 6) + 20
        if n % 10 == 0:
            page.insert_image(pymupdf.Rect(60, y, 260, y + 120), pixmap=picture)
            page.insert_text((60, y + 140), f"รูปที่ {n // 10} แผนภูมิการขยายตัวของเศรษฐกิจ", fontname="s", fontsize=12)
        page.insert_text((290, 815), str(n), fontname="s", fontsize=10)
    doc.set_toc(toc)
    doc.save(path)
    return path


def audio_seconds(epub: Path) -> float:
    opf = zipfile.ZipFile(epub).read("EPUB/package.opf").decode()
    total = re.search(r'<meta property="media:duration">(\d+):(\d+):([\d.]+)</meta>', opf)
    assert total, "no media overlay duration in the package"
    return int(total[1]) * 3600 + int(total[2]) * 60 + float(total[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--audio-pages", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = make_document(folder / "book.pdf", args.pages)
        t0 = time.perf_counter()
        doc = open_document(pdf, use_cache=False)
        for n in range(1, doc.page_count + 1):
            doc.page(n)
        extract = time.perf_counter() - t0
        print(f"{args.pages}-page document: extraction {extract:.2f} s ({args.pages / extract:.0f} pages/s)")
        images = PdfImages(pdf)

        def png(block: Block) -> bytes | None:
            return images.png(block.page.number, block.figure) if block.figure else None

        for fmt in ("docx", "html", "epub"):
            t0 = time.perf_counter()
            out = export_document(doc, folder / f"book.{fmt}", fmt, images=png)
            took = time.perf_counter() - t0
            print(f"  {fmt:5s} export {took:6.2f} s (with extraction {took + extract:5.2f} s)"
                  f"  {out.stat().st_size / 1024:7.0f} KiB")
        short = make_document(folder / "short.pdf", args.audio_pages)
        short_doc = open_document(short, use_cache=False)
        for n in range(1, short_doc.page_count + 1):
            short_doc.page(n)
        t0 = time.perf_counter()
        out = export_document(short_doc, folder / "talking.epub", "epub", audio=True)
        took = time.perf_counter() - t0
        spoken = audio_seconds(out)
        print(f"  EPUB with audio, {args.audio_pages} pages: {spoken:.0f} s of speech in {took:.1f} s "
              f"= {spoken / took:.0f}x real time ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
