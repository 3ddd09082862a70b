"""ocr_page on scanned pages whose text is known: accuracy, column order, furniture."""

from __future__ import annotations

import re
import unicodedata

import pytest
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from guidelight.extract.ocr import OcrPage, ocr_page

from .marks import needs_tesseract

pytestmark = needs_tesseract

PARAGRAPH = ("การศึกษาในมหาวิทยาลัย ต้องอาศัยการอ่านเอกสารประกอบการเรียน เป็นจำนวนมาก "
             "นักศึกษาที่มีปัญหาทางการมองเห็น จึงต้องการเครื่องมือที่ช่วยอ่านข้อความออกเสียง "
             "โปรแกรมนี้แปลงเอกสารให้เป็นเสียงพูดภาษาไทย โดยไม่ต้องเชื่อมต่ออินเทอร์เน็ต")
LEFT = "แม่น้ำเจ้าพระยา ไหลผ่านกรุงเทพมหานคร ก่อนลงสู่อ่าวไทย ชาวนาในภาคกลาง ใช้น้ำจากแม่น้ำสายนี้ ปลูกข้าว"
ENGLISH = ("Opportunity cost is the value of the best alternative given up when a choice is made. "
           "For example, a student who spends three hours studying for an exam instead of working "
           "gives up the wages she could have earned.")
RIGHT = "ดอยอินทนนท์ เป็นยอดเขาที่สูงที่สุด ของประเทศไทย อากาศบนยอดดอย หนาวเย็นตลอดทั้งปี"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def cer(got: str, truth: str) -> float:
    return Levenshtein.distance(squash(got), squash(truth)) / len(squash(truth))


def test_thai_paragraph_is_read_with_few_errors(scanned) -> None:
    page = scanned([((60, 120, 535, 400), PARAGRAPH, 16)])
    result = ocr_page(page)
    assert isinstance(result, OcrPage)
    assert cer(result.text, PARAGRAPH) < 0.05, result.text
    assert 0.5 < result.confidence <= 1.0
    assert "\u0e4d\u0e32" not in result.text  # sara am is composed, never nikhahit + sara aa
    x0, y0, x1, y1 = result.blocks[0].bbox
    assert 40 < x0 < x1 < 560 and 100 < y0 < y1 < 420  # PDF points, where the text was put


# A report typed double-spaced, as Thai theses and assignments often are.
REPORT = ("แผ่นวงจรพิมพ์เป็นส่วนประกอบพื้นฐาน ที่สำคัญของวงจรอิเล็กทรอนิกส์ ซึ่งจะใช้เป็นทางเดินสัญญาณไฟฟ้า "
          "ของอุปกรณ์ต่างๆ ที่อยู่ในวงจร แผ่นวงจรพิมพ์จะประกอบไปด้วยแผ่นฐาน ที่ทำจากแผ่นฉนวนบางๆ "
          "อัดยึดรวมกันด้วยสารประเภทเทอร์โมเซ็ตติ้ง เพื่อรองรับแผ่นตัวนำ ที่ใช้เชื่อมต่อสัญญาณไฟฟ้าระหว่างอุปกรณ์ "
          "ในครั้งแรกนั้น ตัวนำที่ใช้เชื่อมต่อทำขึ้นจากการพิมพ์หมึก ที่เป็นตัวนำลงไปบนแผ่นฐาน")


@pytest.mark.parametrize(("font", "size"), [("Kinnari", 11), ("Garuda", 14)])
def test_a_double_spaced_page_keeps_its_marks_and_hears_no_junk_between_lines(scanned, font: str, size: int) -> None:
    # With lines this far apart Tesseract reads the marks over a line as a line of their
    # own: junk ("= a CA ๕ a 6 เ จ่") between the lines, and words without their marks.
    result = ocr_page(scanned([((60, 80, 535, 700), REPORT, size)], font=font, line_height=2.2))
    assert cer(result.text, REPORT) < 0.02, result.text
    assert not re.search(r"[A-Za-z]", result.text), result.text  # REPORT has no Latin letter


ITEMS = ["หน่วยความจำอย่างน้อย 32MB", "ฮาร์ดดิสก์สำหรับติดตั้งอย่างน้อย 300MB", "จอแสดงผลขนาดความละเอียด 1024x768"]


def test_list_bullets_are_bullets_each_item_a_paragraph(scanned) -> None:
    # Tesseract reads "●" as "๑", heard "หนึ่ง" before every item.
    bullets = "".join(f"<li>{item}</li>" for item in ITEMS)  # MuPDF draws a list's discs itself
    page = scanned([((60, 120, 535, 400), f"เครื่องที่ใช้ควรมีอย่างน้อย</p><ul>{bullets}</ul><p>", 16)])
    paragraphs = ocr_page(page).text.split("\n\n")
    assert [p[:2] for p in paragraphs[1:]] == ["• "] * 3, paragraphs
    assert "๑" not in "".join(paragraphs)


def test_two_columns_are_read_left_then_right(scanned) -> None:
    page = scanned([((50, 100, 285, 500), LEFT, 16), ((310, 100, 545, 500), RIGHT, 16)])
    text = squash(ocr_page(page).text)
    assert cer(text, LEFT + RIGHT) < 0.08, text
    # Each column's opening and ending are found, and the whole left column comes first.
    found = [fuzz.partial_ratio_alignment(part, text) for part in ("แม่น้ำเจ้าพระยา", "ปลูกข้าว", "ดอยอินทนนท์", "ตลอดทั้งปี")]
    assert all(f.score > 80 for f in found), text
    assert [f.dest_start for f in found] == sorted(f.dest_start for f in found), text


def test_running_header_and_page_number_are_furniture(scanned) -> None:
    page = scanned([
        ((60, 25, 535, 75), "เอกสารประกอบการสอนวิชาภูมิศาสตร์", 11),
        ((60, 150, 535, 400), PARAGRAPH, 16),
        ((270, 780, 330, 830), "๑๒", 11),
    ])
    result = ocr_page(page)
    kinds = [b.kind for b in result.blocks]
    assert kinds.count("furniture") == 2, [(b.kind, b.text) for b in result.blocks]
    assert "ภูมิศาสตร์" not in result.text and "๑๒" not in result.text
    assert cer(result.text, PARAGRAPH) < 0.05, result.text


@pytest.mark.parametrize("heading", ["บทที่ ๓ ภูมิอากาศ"])
def test_large_title_is_a_heading_in_reading_order(scanned, heading: str) -> None:
    page = scanned([((60, 60, 535, 200), heading, 24), ((60, 210, 535, 480), PARAGRAPH, 15)])
    blocks = ocr_page(page).blocks
    assert blocks[0].kind == "heading" and cer(blocks[0].text, heading) < 0.1, blocks
    assert all(b.kind == "body" for b in blocks[1:])


def test_a_poster_sized_page_is_read_at_a_lower_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    import pymupdf

    from guidelight.extract import ocr

    seen: list[int] = []
    monkeypatch.setattr(ocr, "run_tesseract", lambda image, dpi, **kw: seen.append(dpi) or "")
    with pymupdf.open() as doc:
        page = doc.new_page(width=1860, height=2632)  # 26 x 37 inches
        assert ocr_page(page, dpi=300).blocks == ()
    assert seen and seen[0] * 2632 / 72 <= ocr.MAX_SIDE_PX


def test_an_english_paragraph_keeps_its_short_words_and_spaces(scanned) -> None:
    page = scanned([((60, 120, 535, 400), ENGLISH, 14)])
    text = ocr_page(page).text
    assert cer(text, ENGLISH) < 0.03, text
    assert " a choice " in text and " of the " in text, text  # short words are words, not dust


def test_a_page_photographed_small_onto_the_sheet_is_read(scanned, tmp_path) -> None:
    """A book's pages photographed (grey paper, dull ink, JPEG) and each placed small on an
    A4 sheet: at the sheet's 300 dpi the letters are a few pixels tall on a grey field and
    Tesseract read nothing (a 90-page book gave no text at all). The photograph alone,
    enlarged, reads."""
    import pymupdf

    photo = scanned([((60, 120, 535, 400), PARAGRAPH, 16)]).get_pixmap(dpi=50, colorspace=pymupdf.csGRAY)
    dull = bytes(min(255, int(90 + 0.45 * v)) for v in range(256))  # grey paper, grey ink
    jpeg = pymupdf.Pixmap(pymupdf.csGRAY, photo.width, photo.height, photo.samples.translate(dull), 0)
    with pymupdf.open() as doc:
        sheet = doc.new_page(width=595, height=842)
        sheet.draw_rect(pymupdf.Rect(110, 90, 490, 619), color=None, fill=(0.25, 0.25, 0.25))  # the table under it
        sheet.insert_image(pymupdf.Rect(120, 100, 480, 609), stream=jpeg.tobytes("jpg", jpg_quality=40))
        doc.save(tmp_path / "photo.pdf")
    with pymupdf.open(tmp_path / "photo.pdf") as doc:
        result = ocr_page(doc[0])
    assert cer(result.text, PARAGRAPH) < 0.1, result.text
    x0, y0, x1, y1 = result.blocks[0].bbox
    assert 120 < x0 < x1 < 480 and 100 < y0 < y1 < 609  # on the sheet, where the photograph shows it
