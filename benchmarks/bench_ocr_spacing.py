"""OCR of Thai set with wide line spacing, side by side: plain Tesseract, Guide Light without
re-reading the lines whose marks Tesseract read apart, and Guide Light.

With lines 1.5 to 2.2 times the type size apart (as Thai reports are typed), Tesseract's
page layout often takes the marks over a line for a line of their own (see
``ocr_layout.mark_rows``). Each page here is one paragraph of Thai set in a TLWG font at
11 and 14 pt, lines 1.5 and 2.2 apart, scanned at 300 dpi by ``make_scans.scan_pdf``
(skew 0.5°, 300 specks). CER as ``bench_ocr.py`` (NFC, whitespace ignored).

usage: python benchmarks/bench_ocr_spacing.py [--fonts Kinnari,Norasi,...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.bench_ocr import cer, plain_tesseract
from benchmarks.make_scans import Damage, scan_pdf
from guidelight.extract import ocr

FONTS = Path("/usr/share/fonts/truetype/tlwg")
TEXT = (
    "แผ่นวงจรพิมพ์เป็นส่วนประกอบพื้นฐานที่สำคัญของวงจรอิเล็กทรอนิกส์ ซึ่งจะใช้เป็นทางเดินสัญญาณไฟฟ้า"
    "ของอุปกรณ์อิเล็กทรอนิกส์ต่างๆ ที่อยู่ในวงจรอันจะทำให้วงจรนี้สามารถทำงานได้อย่างถูกต้องตามที่ได้ออกแบบไว้ "
    "แผ่นวงจรพิมพ์จะประกอบไปด้วยแผ่นฐานหรือซับสเตรดที่ทำจากแผ่นฉนวนบางๆ อัดยึดรวมกันด้วยสารประเภท"
    "เทอร์โมเซ็ตติ้ง เพื่อรองรับแผ่นตัวนำที่ใช้เชื่อมต่อสัญญาณไฟฟ้าระหว่างอุปกรณ์ ในครั้งแรกนั้นตัวนำที่ใช้"
    "เชื่อมต่อทำขึ้นจากการพิมพ์หมึกที่เป็นตัวนำลงไปบนแผ่นซับสเตรต จึงเป็นที่มาของคำว่า แผ่นวงจรพิมพ์ "
    "ชนิดนี้ได้แก่ แผ่นที่มีความหนาแน่นของวงจรไม่มากนัก ความชื้นต่ำทำให้สูญเสียน้อย"
)


def scanned_page(folder: Path, font: str, size: int, line_height: float) -> pymupdf.Page:
    source, scan = folder / "source.pdf", folder / f"{font}-{size}-{line_height}.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        css = (f"@font-face {{font-family: th; src: url({font}.ttf);}}"
               f" * {{font-family: th; font-size: {size}pt; line-height: {line_height}}}")
        page.insert_htmlbox(pymupdf.Rect(60, 80, 535, 780), f"<p>{TEXT}</p>", css=css,
                            archive=pymupdf.Archive(str(FONTS)))
        doc.save(source)
    scan_pdf(source, scan, 300, seed=7, damage=Damage(skew_degrees=0.5, specks=300))
    return pymupdf.open(scan)[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fonts", default="Kinnari,Norasi,Laksaman,Loma,Garuda")
    args = parser.parse_args()
    rows: dict[str, list[float]] = {"plain": [], "apart": [], "guidelight": []}
    seconds: dict[str, list[float]] = {"apart": [], "guidelight": []}
    print(f"{'page':24} {'plain':>7} {'apart':>7} {'guidelight':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for font in args.fonts.split(","):
            for line_height in (1.5, 2.2):
                for size in (11, 14):
                    page = scanned_page(Path(folder), font, size, line_height)
                    rows["plain"].append(cer(plain_tesseract(page), TEXT))
                    began = time.perf_counter()
                    with mock.patch.object(ocr, "_reread_split_lines", lambda *_: None):
                        rows["apart"].append(cer(ocr.ocr_page(page).text, TEXT))
                    seconds["apart"].append(time.perf_counter() - began)
                    began = time.perf_counter()
                    rows["guidelight"].append(cer(ocr.ocr_page(page).text, TEXT))
                    seconds["guidelight"].append(time.perf_counter() - began)
                    name = f"{font} {size} pt x{line_height}"
                    print(f"{name:24} {rows['plain'][-1]:7.2%} {rows['apart'][-1]:7.2%} {rows['guidelight'][-1]:10.2%}")
    for name, values in rows.items():
        double = values[2::4] + values[3::4]  # the pages with lines 2.2 apart
        timing = f", median {statistics.median(seconds[name]):.1f} s/page" if name in seconds else ""
        print(f"{name}: mean CER {statistics.mean(values):.2%}, worst {max(values):.2%}, "
              f"lines 2.2 apart {statistics.mean(double):.2%}{timing}")


if __name__ == "__main__":
    main()
