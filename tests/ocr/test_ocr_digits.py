"""Thai digits that Tesseract misreads are read again from their shapes (``ocr_digits``)."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from guidelight.extract.ocr import ocr_page
from guidelight.extract.ocr_digits import _agreed, _runs, reread_digits
from guidelight.extract.ocr_layout import Image, OcrLine, OcrWord

from .conftest import FONTS
from .marks import needs_tesseract

# A government letter's numbers, set in Laksaman (the TH Sarabun design the state prescribes).
LETTER = ["ที่ ศธ ๐๔๐๘๙.๐๒๒/๑๙๘", "จังหวัดขอนแก่น ๔๐๐๐๐", "๙ ธันวาคม ๒๕๖๗", "จำนวน ๒๖,๗๐๐ บาท"]


@needs_tesseract
def test_a_scanned_letters_numbers_keep_their_digits(scanned) -> None:
    # Tesseract alone read these as ๐ ๕๐๕๕.๐๒๒/๑๕๕, ๕๐๐๐๐, «๕ ... ๒๕๒๓ and ๒๐,๓๐๐.
    page = scanned([((60, 150 + 40 * k, 535, 190 + 40 * k), text, 16) for k, text in enumerate(LETTER)],
                   font="Laksaman")
    text = ocr_page(page).text
    for number in ("๐๔๐๘๙.๐๒๒/๑๙๘", "๔๐๐๐๐", "๒๕๖๗", "๒๖,๗๐๐"):
        assert number in text, text


def drawn(text: str, font: str = "Laksaman") -> tuple[pymupdf.Pixmap, list[tuple[int, int]]]:
    """``text`` set alone at 16 pt, rendered greyscale at 300 dpi, with each character's pixel columns."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=60)
    face = str(FONTS / f"{font}.ttf")
    page.insert_font(fontname="f", fontfile=face)
    page.insert_text((20, 40), text, fontname="f", fontsize=16)
    measure = pymupdf.Font(fontfile=face)
    columns, x = [], 20.0
    for ch in text:
        advance = measure.text_length(ch, fontsize=16)
        columns.append((round(x * 300 / 72), round((x + advance) * 300 / 72)))
        x += advance
    return page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY), columns


def line_over(columns: list[tuple[int, int]], read: str, conf: float = 90) -> OcrLine:
    """A line of one piece a character, read as ``read`` by a pretend Tesseract."""
    top, bottom = round(26 * 300 / 72), round(41 * 300 / 72)
    return OcrLine((1, 1), [OcrWord(ch, x0, top, x1, bottom, conf) for ch, (x0, x1) in zip(read, columns, strict=True)])


def reread(pix: pymupdf.Pixmap, line: OcrLine) -> str:
    reread_digits(Image(pix.samples, pix.stride, pix.width, pix.height), [line])
    return "".join(word.text for word in line.words)


@pytest.mark.parametrize("font", ["Laksaman", "Laksaman-Bold"])
def test_each_digit_is_known_by_its_shape(font: str) -> None:
    pix, columns = drawn("๐๑๒๓๔๕๖๗๘๙", font)
    line = line_over(columns, "๐๑๒๓๕๕๒๓๕๕")  # how Tesseract's Thai model reads them
    assert reread(pix, line) == "๐๑๒๓๔๕๖๗๘๙"
    assert all(word.conf == 90 for word in line.words)  # one piece a digit, as sure as before


@pytest.mark.parametrize(("printed", "misread"), [("๒๖,๗๐๐/๘", "๒๒,๓๐๐/๕"), ("๐๙๘-๙๓๖", "๐๕๕-๕๓๒")])
def test_a_comma_a_slash_and_a_dash_stay_in_the_number(printed: str, misread: str) -> None:
    pix, columns = drawn(printed)
    assert reread(pix, line_over(columns, misread)) == printed


def test_letters_read_as_digits_are_left_as_tesseract_read_them() -> None:
    pix, columns = drawn("ศธ")
    assert reread(pix, line_over(columns, "๕๕")) == "๕๕"


def test_tesseracts_digit_stands_where_the_shapes_cannot_choose() -> None:
    # The first stroke is about as like a ๖ as a ๒: Tesseract's ๒ stands; the doubled ๐ goes.
    choices = [("๖", frozenset("๖๒")), ("๕", frozenset("๕")), ("๖", frozenset("๖")), ("๐", frozenset("๐"))]
    assert _agreed("๒๕๒๐๐", choices) == "๒๕๖๐"
    # A point inside the run that Tesseract did not see: the readings disagree, Tesseract's stands.
    assert _agreed("๑๒", [("๑", frozenset("๑")), None, ("๒", frozenset("๒"))]) is None
    # A bracket at the end is not the run's.
    assert _agreed("๔", [("๔", frozenset("๔")), None]) == "๔"


def pieces(*texts: str, gap: int = 4) -> list[OcrWord]:
    words, x = [], 0
    for text in texts:
        width = 8 if text in ".," else 30
        words.append(OcrWord(text, x, 0, x + width, 40, 90))
        x += width + (40 if text == " " else gap)
    return [word for word in words if word.text != " "]


def test_a_digit_misread_as_a_letter_joins_its_run_but_a_word_keeps_its_letters() -> None:
    def runs(*texts: str) -> list[str]:
        return ["".join(w.text for w in run) for run in _runs(pieces(*texts))]

    assert runs("๘", "๕", ",", "ฒ", "๘", "๓") == ["๘๕,ฒ๘๓"]  # ๗ read as ฒ between digits
    assert runs("«", "๑", "๑", "๐") == ["«๑๑๐"]  # ๙ read as a guillemet
    assert runs("ร", "ห", "ั", "ส", "๒", "๐") == ["๒๐"]  # รหัส๒๐: ส ends a word
    assert runs("/", "ว", "๑", "๐") == ["๑๐"]  # ว๑๐ numbers a government circular
    assert runs("๑", "๕", " ", "ส", ".", "ค", ".") == ["๑๕"]  # ๑๕ ส.ค.


@pytest.mark.parametrize("font", ["Laksaman", "Laksaman-Bold", "Garuda", "Loma", "Norasi", "Kinnari"])
def test_letters_beside_a_number_keep_their_shapes(font: str) -> None:
    # Set close to digits they look like digits, but they are letters: นร ๐๕๐๖/ว๑๐, รหัส๒๐.
    for printed in ("/ว๑๒๓", "ว๑๐", "ส๒๕", "ซ๑", "ฒ๒"):
        pix, columns = drawn(printed, font)
        assert reread(pix, line_over(columns, printed)) == printed


def test_without_the_bundled_fonts_tesseracts_reading_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    from guidelight.extract import ocr_digits

    monkeypatch.setattr(ocr_digits.fonts, "REGULAR", Path("/nonexistent/Sarabun-Regular.ttf"))
    monkeypatch.setattr(ocr_digits.fonts, "BOLD", Path("/nonexistent/Sarabun-Bold.ttf"))
    ocr_digits._known_digits.cache_clear()
    try:
        pix, columns = drawn("๔๖")
        assert reread(pix, line_over(columns, "๕๒")) == "๕๒"
    finally:
        ocr_digits._known_digits.cache_clear()


def test_only_thai_digits_are_touched() -> None:
    pix, columns = drawn("2567")
    line = line_over(columns, "2567")
    assert reread(pix, line) == "2567"
    assert not re.search("[๐-๙]", reread(pix, line))


def test_a_run_too_big_to_cut_out_is_left_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # A poster's giant digits would be millions of points; here the limit is made small.
    from guidelight.extract import ocr_digits

    pix, columns = drawn("๔๖")
    monkeypatch.setattr(ocr_digits, "MAX_BOX_PX", 5_000)
    assert reread(pix, line_over(columns, "๕๒")) == "๕๒"
    monkeypatch.setattr(ocr_digits, "MAX_BOX_PX", 50_000)
    assert reread(pix, line_over(columns, "๕๒")) == "๔๖"


def test_a_box_stretched_over_the_next_number_does_not_read_it_twice() -> None:
    # Tesseract's box for "/" reached over the digits after it: the run before took their
    # strokes as its own, and the number was heard twice ("๘๔๙/๘๐๕ ส ๘๐๕").
    pix, columns = drawn("๔๖/๘๙")
    line = line_over(columns, "๕๒/ส๕")
    line.words[2].x1 = columns[-1][1]
    assert reread(pix, line) == "๔๖/ส๙"
