"""Text in pictures on a page that has a text layer: screenshots read by OCR, in their place."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pymupdf
import pytest
from rapidfuzz import fuzz

from guidelight.core.model import ParagraphKind
from guidelight.core.tables import figure_announcement, spoken_page
from guidelight.extract.figures import FigureDraft
from guidelight.extract.layout import ParagraphDraft
from guidelight.extract.pdf import open_document
from guidelight.extract.pictured import with_picture_text

from .conftest import FONTS
from .marks import needs_tesseract

INTRO = "ตัวอย่างคำสั่งที่นักศึกษาใช้ในการทดลองมีดังนี้"
CHAT = "ช่วยเขียนคำบรรยายเมนูข้าวซอยสำหรับโพสต์บนโซเชียลมีเดีย ให้มีกลิ่นอายล้านนา"
CODE = "countdownTimer = new Timer(1000, event);"
CAPTION = "รูปที่ 1 หน้าจอการสนทนา"
AFTER = "จากภาพจะเห็นว่าคำตอบมีหลายแบบ"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _screenshot(text: str, font: str, size: float = 12) -> bytes:
    """A picture of ``text`` as a screen shows it: black on white at 150 dpi, no text layer."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=330, height=70)
        css = f"@font-face {{font-family: f; src: url({font});}} * {{font-family: f; font-size: {size}pt}}"
        page.insert_htmlbox(pymupdf.Rect(10, 10, 320, 60), f"<p>{text}</p>", css=css,
                            archive=pymupdf.Archive(str(FONTS)))
        return page.get_pixmap(dpi=150).tobytes("png")


def _photo() -> bytes:
    """A picture with no text: soft noise, as a photograph's texture is to OCR."""
    rng = random.Random(3)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 200), False)
    for y in range(0, 200, 4):
        for x in range(0, 300, 4):
            shade = 120 + rng.randrange(60)
            pix.set_rect(pymupdf.IRect(x, y, x + 4, y + 4), (shade, shade - 20, shade - 40))
    return pix.tobytes("png")


def _write(page: pymupdf.Page, rect: tuple[float, float, float, float], text: str) -> None:
    css = "@font-face {font-family: th; src: url(Loma.ttf);} * {font-family: th; font-size: 14pt}"
    page.insert_htmlbox(pymupdf.Rect(rect), f"<p>{text}</p>", css=css, archive=pymupdf.Archive(str(FONTS)))


@pytest.fixture
def worksheet(tmp_path: Path) -> Path:
    """A worksheet page: a line of text, a chat screenshot with its caption below, a
    screenshot of code, a photograph, and a picture with a label of the text layer over it."""
    path = tmp_path / "worksheet.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        _write(page, (60, 50, 535, 80), INTRO)
        page.insert_image(pymupdf.Rect(60, 90, 460, 175), stream=_screenshot(CHAT, "Loma.ttf"))
        _write(page, (60, 180, 535, 205), CAPTION)
        page.insert_image(pymupdf.Rect(60, 220, 460, 305), stream=_screenshot(CODE, "TlwgMono.ttf"))
        page.insert_image(pymupdf.Rect(60, 320, 360, 520), stream=_photo())
        page.insert_image(pymupdf.Rect(60, 540, 460, 625), stream=_photo())
        _write(page, (80, 560, 440, 590), "ป้ายชื่อบนภาพ")  # a label of the text layer over a picture
        _write(page, (60, 640, 535, 670), AFTER)
        doc.save(path)
    return path


@needs_tesseract
def test_screenshots_on_a_text_page_are_read_in_their_place_and_said_to_be(worksheet: Path) -> None:
    page = open_document(worksheet, use_cache=False).page(1)
    text = _squash(page.text)
    chat = fuzz.partial_ratio_alignment(_squash(CHAT), text)
    assert chat is not None and chat.score > 90, page.text
    # In reading order: the chat's text after its caption, the code after it, then the rest.
    order = [text.find(_squash(part)) for part in (INTRO, CAPTION, "Timer(1000", AFTER)]
    assert [*order[:2], chat.dest_start, *order[2:]] == sorted([*order, chat.dest_start]), page.text
    assert min(order) >= 0, page.text
    assert "picture_ocr" in page.quality.notices
    assert page.quality.doubtful  # check flags the page: OCR may have got words wrong
    read = [figure for figure in page.figures if figure.read_by_ocr]
    assert len(read) == 2, page.figures
    assert read[0].caption == CAPTION


@needs_tesseract
def test_code_in_a_picture_is_read_in_english_alone(worksheet: Path) -> None:
    # Read with Thai too, Tesseract made "new Timer(1000," into "new อร(1 00บปี,".
    page = open_document(worksheet, use_cache=False).page(1)
    code = next(page.text[p.start : p.end] for p in page.paragraphs if "Timer" in page.text[p.start : p.end])
    assert not re.search("[\u0e00-\u0e7f]", code), code
    assert fuzz.ratio(_squash(code), _squash(CODE)) > 90, code


@needs_tesseract
def test_a_photograph_and_a_picture_under_layer_text_add_nothing(worksheet: Path) -> None:
    page = open_document(worksheet, use_cache=False).page(1)
    assert page.text.count("ป้ายชื่อบนภาพ") == 1, page.text  # the layer's label, not read again
    figures = sorted(page.figures, key=lambda figure: figure.bbox[1])
    assert [figure.read_by_ocr for figure in figures] == [True, True, False, False]
    bodies = [page.text[p.start : p.end] for p in page.paragraphs if p.kind is ParagraphKind.BODY]
    assert bodies[-2:] == ["ป้ายชื่อบนภาพ", AFTER], bodies


@needs_tesseract
def test_the_listener_hears_the_figure_said_to_be_read_before_its_text(worksheet: Path) -> None:
    page = open_document(worksheet, use_cache=False).page(1)
    said = [item.text for item in spoken_page(page)]
    at = next(i for i, text in enumerate(said) if text.startswith(f"ภาพ: {CAPTION}"))
    assert "โอซีอาร์" in said[at] and "ข้าวซอย" in said[at + 1], said


def test_a_figures_text_follows_its_caption_below_it() -> None:
    figure, other = FigureDraft((0, 100, 400, 200)), FigureDraft((0, 300, 400, 400))
    caption = ParagraphDraft("รูปที่ 1 หน้าจอ", 0, (0, 205, 400, 220))
    read = (ParagraphDraft("ข้อความในภาพ", 0, (10, 110, 300, 130)),)
    placed = with_picture_text([figure, caption, other], {figure.bbox: read})
    assert placed == [FigureDraft(figure.bbox, read=True), caption, *read, other]
    assert with_picture_text([figure], {figure.bbox: read}) == [FigureDraft(figure.bbox, read=True), *read]


def test_a_figure_read_by_ocr_is_announced_so_in_both_languages() -> None:
    from guidelight.core.model import Figure

    figure = Figure((0, 0, 100, 100), caption="รูปที่ 2 แผนภาพ", read_by_ocr=True)
    assert figure_announcement(figure) == "ภาพ: รูปที่ 2 แผนภาพ, ข้อความในภาพอ่านด้วยโอซีอาร์ บางคำอาจผิด มีดังนี้"
    assert figure_announcement(figure, "en").endswith("its text, read by OCR, follows; some words may be wrong")
    assert "โอซีอาร์" not in figure_announcement(Figure((0, 0, 100, 100)))


@needs_tesseract
def test_a_letterhead_banner_on_every_page_is_furniture_not_a_figure(tmp_path: Path) -> None:
    """A Word manual's banner, its company's name and address as a picture, at the head of
    each of its 20 pages: read as a picture of text, the address was heard on every page."""
    banner = _screenshot("บริษัท กราวเทคไทย จำกัด ปทุมธานี", "Loma.ttf")
    with pymupdf.open() as doc:
        for number in range(3):
            page = doc.new_page(width=595, height=842)
            page.insert_image(pymupdf.Rect(0, 0, 595, 110), stream=banner)
            _write(page, (60, 150, 535, 180), f"{INTRO} หน้าที่ {number + 1}")
        doc.save(tmp_path / "manual.pdf")
    read = open_document(tmp_path / "manual.pdf", use_cache=False)
    for number in (1, 2, 3):
        page = read.page(number)
        assert "กราวเทคไทย" not in page.text and page.figures == (), page.text


@needs_tesseract
def test_a_picture_that_cannot_be_read_costs_the_page_only_its_text(worksheet: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from guidelight.extract import pictured

    def broken(*_: object) -> None:
        raise RuntimeError("damaged image data")  # what MuPDF raises for an image it cannot decode

    monkeypatch.setattr(pictured, "ocr_picture", broken)
    page = open_document(worksheet, use_cache=False).page(1)
    assert page.text.startswith(INTRO) and page.text.endswith(AFTER)
    assert not any(figure.read_by_ocr for figure in page.figures)
    assert "picture_ocr" not in page.quality.notices


@needs_tesseract
def test_a_screenshot_shown_again_on_one_page_nearby_is_read_on_both(tmp_path: Path) -> None:
    """An HMI manual shows the same screen on its pages 5 and 7: content, not furniture."""
    shot = _screenshot(CHAT, "Loma.ttf")
    with pymupdf.open() as doc:
        for number in range(2):
            page = doc.new_page(width=595, height=842)
            _write(page, (60, 50, 535, 80), f"{INTRO} ขั้นที่ {number + 1}")
            page.insert_image(pymupdf.Rect(60, 90, 460, 175), stream=shot)
        doc.save(tmp_path / "steps.pdf")
    read = open_document(tmp_path / "steps.pdf", use_cache=False)
    for number in (1, 2):
        page = read.page(number)
        assert [figure.read_by_ocr for figure in page.figures] == [True], page.figures
        assert "ข้าวซอย" in page.text


def test_a_picture_is_read_at_about_twice_its_own_pixels() -> None:
    from guidelight.extract.ocr import _picture_dpi

    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        for width in (200, 400, 800):  # 100, 200 and 400 pixels an inch placed 144 points wide
            pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, width, width // 2), False)
            pix.clear_with(255)
            page.insert_image(pymupdf.Rect(60, 100 * width // 200, 204, 100 * width // 200 + 72), pixmap=pix)
        boxes = [pymupdf.Rect(info["bbox"]) for info in sorted(page.get_image_info(), key=lambda i: i["bbox"][1])]
        assert [_picture_dpi(page, box) for box in boxes] == [300, 450, 450]
        assert _picture_dpi(page, pymupdf.Rect(300, 600, 400, 700)) == 300  # no picture there: a page's resolution


def test_the_pages_whose_pictures_ocr_will_read_are_known_before_they_are_made(
        worksheet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app makes them on a worker from the start (a text page took milliseconds, this
    one seconds, and was made on the GUI thread, which froze)."""
    from guidelight.extract import pdf

    with pymupdf.open() as doc:
        _write(doc.new_page(width=595, height=842), (60, 50, 535, 80), INTRO)
        page = doc.new_page(width=595, height=842)
        page.insert_image(pymupdf.Rect(60, 90, 460, 175), stream=_screenshot(CHAT, "Loma.ttf"))
        doc.save(tmp_path / "two.pdf")
    monkeypatch.setattr(pdf, "ocr_available", lambda: None)
    assert pdf.picture_pages(worksheet) == {1}
    assert pdf.picture_pages(tmp_path / "two.pdf") == {2}
    assert pdf.picture_pages(tmp_path / "missing.pdf") == frozenset()
    monkeypatch.setattr(pdf, "ocr_available", lambda: "install Tesseract")
    assert pdf.picture_pages(worksheet) == frozenset()  # nothing will be read by OCR


def test_text_of_the_layer_under_a_picture_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Publisher page lays a tall transparent picture across the ends of a paragraph's
    lines: OCR of the picture read those line ends again after the paragraph ("าง ๆ
    ผู้มีคุณธรรมอันสูงส่ง และ", "ศชาติ"). What it reads over the layer's lines is left out;
    what it reads in the rest of the picture is kept."""
    from guidelight.extract import pictured
    from guidelight.extract.lines import Line
    from guidelight.extract.ocr import OcrBlock, OcrPage

    figure = FigureDraft((400.0, 290.0, 560.0, 500.0))
    lines = [Line(INTRO, 60, 300 + 22 * k, 535, 318 + 22 * k, 314 + 22 * k, 14, False, 0) for k in range(2)]
    again = OcrBlock("าง ๆ ผู้มีคุณธรรมอันสูงส่ง และ", (402.0, 299.0, 535.0, 340.0), "body")
    own = OcrBlock(CHAT, (405.0, 420.0, 555.0, 470.0), "body")
    monkeypatch.setattr(pictured, "ocr_available", lambda: None)
    monkeypatch.setattr(pictured, "ocr_picture", lambda *_: OcrPage((again, own), 0.9))
    with pymupdf.open() as doc:
        read = pictured.read_pictures(doc.new_page(width=595, height=842), [figure], lines)
    assert [draft.text for draft in read[figure.bbox]] == [CHAT]


def test_thai_that_tesseract_was_unsure_of_is_not_read_from_a_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thesis's screenshots of a Thai web form (b18_10): labels of 7 to 9 pixels read as
    nonsense made of dictionary words ("ผู้ตูแสระฆบ" for ผู้ดูแลระบบ, at a mean symbol
    confidence of 0.80), heard as though the document said it. What Tesseract read surely
    is kept, and a menu's Latin, read right with less confidence, too."""
    from guidelight.extract import pictured
    from guidelight.extract.ocr import OcrBlock, OcrPage

    figure = FigureDraft((60.0, 100.0, 540.0, 400.0))
    unsure = OcrBlock("ผู้ตูแสระฆบ รายการซอม", (70.0, 110.0, 300.0, 130.0), "body", 0.80)
    sure = OcrBlock("ข้อมูลที่ต้องการค้นหา", (70.0, 150.0, 300.0, 170.0), "body", 0.94)
    menu = OcrBlock("Settings Network", (70.0, 190.0, 300.0, 210.0), "body", 0.78)
    monkeypatch.setattr(pictured, "ocr_available", lambda: None)
    monkeypatch.setattr(pictured, "ocr_picture", lambda *_: OcrPage((unsure, sure, menu), 0.85))
    with pymupdf.open() as doc:
        read = pictured.read_pictures(doc.new_page(width=595, height=842), [figure], [])
    assert [draft.text for draft in read[figure.bbox]] == [sure.text, menu.text]
