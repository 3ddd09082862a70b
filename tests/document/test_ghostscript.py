"""Files that went through Ghostscript: the words survive only in the drawing.

Lecturers shrink PDFs with ``gs -sDEVICE=pdfwrite``, and print drivers (CUPS-PDF, Bullzip,
PDFCreator) go through Ghostscript too. Ghostscript 10.00 rewrites a Thai TrueType font's
ToUnicode wrongly, so the layer reads ``ค/@/2Aคัญ``; its PostScript path turns the font into
a Type 3 font of glyphs named a1, a2, ..., read as dingbats. All 27 Word, Google Docs and
LaTeX files of real-thai-2 that Ghostscript rewrote came out one way or the other.

The fixtures were made from one page set in Loma (fonts-thai-tlwg) with PyMuPDF, then
``gs -sDEVICE=pdfwrite -o ghostscript-garbled-loma.pdf page.pdf`` and
``pdf2ps page.pdf page.ps && ps2pdf page.ps ghostscript-type3-loma.pdf`` (Ghostscript 10.00.0).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from guidelight.core.model import TextSource
from guidelight.extract.lines import _unreadable_fonts_of, nameless_glyphs
from guidelight.extract.pdf import open_document
from guidelight.thai.quality import garbled, sign_soup
from tests.ocr.marks import needs_tesseract

DATA = Path(__file__).parent / "data"
WORDS = ("บทนำ", "เทคโนโลยี", "อินเทอร์เน็ต", "ติดต่อสื่อสาร", "นักศึกษา", "มกราคม", "แหล่งที่มา")


def test_a_garbled_layer_is_told_from_thai_with_its_own_signs() -> None:
    layer = pymupdf.open(DATA / "ghostscript-garbled-loma.pdf")[0].get_text()
    assert garbled(layer)  # all its Thai came out as Latin letters and signs: ")?ÕÕD(?'@%ÑB'B30A"
    # Real pages touch Latin only at hyphens, slashes, brackets, dots of abbreviations, code
    assert not garbled("ชื่อ-สกุลนิสิต (นาย/นาง/นางสาว) วิชาเอก/แขนง (ถ้ามี) แขวง/ตำบล เขต/อำเภอ จังหวัด")
    assert not garbled("สอบ 13 ม.ค. - 28 ก.พ. 2568 ณ ห้อง 204 (กสศ.01)ที่คณะ อ.นิเทศ/งานสหกิจศึกษาฯ")
    assert not garbled("ใช้คำสั่ง SELECT * FROM student WHERE gpa>=3.5 เพื่อค้นหานักศึกษาที่ได้เกียรตินิยม")
    # Accents inside words and a code listing's signs are no garble, even together
    assert not garbled("Département de Génie Électrique à Zürich, où les étudiants: "
                       "std::cout << \"x\" << endl; a[i] = b[j]; // ok; if (x >= 0) { y = f(x); } " * 3)
    # One line of such a layer (real-thai-2's Project บทที่ 1, rewritten) is too little to judge by
    assert not garbled("%Aþ@'R\"O%?Qþ('ค/!ĕB/N#/#์Oล>/F)ø#!์NคลEP/'%CPQ'ø@#(#B3@#ÿ?\"ø@#&F#øBÿù/þ#O@'!B")


# A syllabus in TH Sarabun PSK (real-thai-2) after gs pdfwrite: every Thai glyph an ASCII code
SOUP = ('"/>///(>/./, .>./0, "1(>/.>(/> 2567 1. #$>/>(.>.>.-// .>#/>2>/>(.>3>/#//6>/N-/// '
        "2. //?./>2> 01418112-65, 01418112-60 2?N//>2> O,/.>01>/N5/O1//N8?O/<=>, =??/? 3 /,A/.1>= (2-2-5)")


def test_a_fonts_text_that_is_all_signs_is_told_from_leaders_code_and_english() -> None:
    assert sign_soup(SOUP)
    assert not sign_soup("people.csv . . . . . . . . . . . . . 24 data/deps/human_resources/info.csv . . . . . 26 "
                         "data/deps/deps.csv ............................ 28 data/issues/complaints/complaints.csv 31")
    assert not sign_soup(" ".join(f"{n} report-{n}.csv " + ".   " * 25 + f"{n + 20}" for n in range(1, 6)))
    assert not sign_soup("def area(r: float) -> float:\n    return 3.14159 * r ** 2  # pi r^2\n"
                         "val xs = List(1, 2, 3).map(_ * 2).filter(x => x > 2) // Scala")
    assert not sign_soup("Abstract: This thesis studies Thai word segmentation (TWS) for e-learning, "
                         "comparing dictionary-based and CRF-based methods on 1,000 documents.")
    assert not sign_soup("ปัจจุบันเทคโนโลยี (IT) / การสื่อสาร: 50% ... " * 3)  # Thai: judged by garbled()


# Fonts whose text is as many signs as SOUP's, set aside as unreadable before: from the real
# sets, a Python course's lists, a manual's shell commands, a logic lab's formulas (its
# quantifiers drawn as shapes), a quiz's answer letters, a C++ exercise's star patterns.
SIGN_HEAVY = (
    "['KTB', 18.9, 'BBL', 176.5, 'SCB', 132.0, 'KBANK', 172.0] ['KTB', 'BBL', 'SCB', 'KBANK'] "
    "[ 18.9, 176.5, 132.0, 172.0 ] [['KTB', 18.9], ['BBL', 176.5], ['SCB', 132.0], ['KBANK', 172.0]]",
    "pip install pythainlp $ brew install icu4c --force $ brew link --force icu4c $ "
    "CFLAGS = -I /usr/local/opt/icu4c/include LDFLAGS = -L /usr/local/opt/icu4c/lib pip install pythainlp "
    + "".join(f"{v} = word_tokenize ( text , engine = '{e}' ) # [" + "' ', " * 13 + "' '] "  # its Thai: another font
              for v, e in (("a", "icu"), ("b", "dict"), ("c", "mm"), ("d", "newmm"))),
    "x(P(x) Q(x)) xP(x) xQ(x) x(P(x) Q(x)) P(c) Q(c) P(c) xP(x) Q(c) xQ(x) x(P(x) xQ(x)) "
    "x(P(x) Q(x)) x( Q(x) S(x)) x(R(x) S(x)) x P(x) x R(x)",
    " A) 13 B) 15 C) 17 D) 19 E)" + " A) B) C) D) E)" * 12,
    "6" + " *" * 28 + " 10" + " *" * 80 + " 5 4 3 7 1 6" + " #" * 21 + " [1] [2] [3] [4] [5] 4 3 2 0 4" + " #" * 9
    + " [1] [2] [3] [4] 5 4 3 7 1 6 [1] #### [2] ### [3] ####### [4] # [5] ###### 4 3 2 0 4 [1] ###",
)


def test_code_formulas_and_patterns_are_not_sign_soup() -> None:
    for text in SIGN_HEAVY:
        assert not sign_soup(text), text


def test_only_the_font_whose_text_is_sign_soup_is_set_aside() -> None:
    def span(font: str, text: str) -> dict:
        return {"font": font, "chars": [{"c": c} for c in text]}

    raw = {"blocks": [{"lines": [{"spans": [span("THSarabunPSK", SOUP), span("TimesNewRoman", "Fundamental Programming")]}]}]}
    assert _unreadable_fonts_of(raw) == {"THSarabunPSK"}


def test_only_a_type3_fonts_runs_of_dingbats_are_nameless_glyphs() -> None:
    assert nameless_glyphs("✱❈❊ ❂✭", "Type3 (138 0 R)")
    assert not nameless_glyphs("❖ หัวข้อที่หนึ่ง", "Type3 (12 0 R)")  # a bullet before words
    assert not nameless_glyphs("★★★★☆", "SegoeUISymbol")  # a rating, in a real font
    assert not nameless_glyphs("∀x ∈ A → ∃y ≤ x, ∑ ∫ ⊂ ⊆ ∧ ∨", "Type3 (7 0 R)")  # a TeX bitmap font of symbols
    assert nameless_glyphs("❴①② ❵ ✞✟ ➀➁", "Type3 (141 0 R)")  # a Zapf Dingbats name's circled numbers
    # Chrome's emoji, each in a Type 3 font of its own: a table's ticks and crosses are read
    assert not nameless_glyphs("✅ ✅ ✅ ✅ ✅ ✅", "Type3 (43 0 R)")
    assert not nameless_glyphs("❌ ❌ ❌", "Type3 (44 0 R)")

    def span(font: str, text: str) -> dict:
        return {"font": font, "chars": [{"c": c} for c in text]}

    # Its spans hold a glyph or two each: judged on the font's whole text on the page
    one_by_one = [span("Type3 (21 0 R)", glyphs) for glyphs in ("✄", "✒", "✞✟✠", "✠", "☛\x00✂✂")]
    raw = {"blocks": [{"lines": [{"spans": [*one_by_one, span("Sarabun", "❖ หัวข้อ")]}]}]}
    assert _unreadable_fonts_of(raw) == {"Type3 (21 0 R)"}


@needs_tesseract
@pytest.mark.parametrize("fixture", ["ghostscript-garbled-loma.pdf", "ghostscript-type3-loma.pdf"])
def test_a_page_ghostscript_rewrote_is_read_from_its_drawing(fixture: str) -> None:
    layer = pymupdf.open(DATA / fixture)[0].get_text()
    assert not all(word in layer for word in WORDS)  # the text layer alone has lost the words
    page = open_document(DATA / fixture, use_cache=False).page(1)
    assert page.source is TextSource.OCR
    assert page.quality.doubtful and page.quality.notices  # and says why: check and the app tell it
    found = [word for word in WORDS if word in page.text]
    assert len(found) >= len(WORDS) - 1, found
    assert not garbled(page.text) and page.quality.noise == 0
    assert not any(0x2700 <= ord(c) <= 0x27BF for c in page.text)
    if "garbled" in fixture:
        from guidelight.gui.pages import page_note

        assert page_note(page, "en", lambda: None).startswith("Page 1: its text is garbled by a broken font encoding, so")


def test_every_page_notice_is_said_in_english_and_thai() -> None:
    """The app says each notice of a page (``gui/pages.py``): a notice without its text, as
    ``garbled_text`` would have been, would fail the moment the page is opened."""
    from guidelight.core.model import NOTICED_REPAIRS
    from guidelight.gui.i18n import tr

    for notice in NOTICED_REPAIRS:
        english, thai = tr(f"page.{notice}", "en", page=4), tr(f"page.{notice}", "th", page=4)
        assert "4" in english and "4" in thai and english != thai
    assert "OCR" in tr("page.garbled_text", "en", page=1)


def test_a_garbled_page_is_told_as_such_read_by_ocr_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not as an image page: the listener hears that the file's text is broken, and why the
    page was read from its drawing, or what to install for that."""
    from guidelight.extract import pdf as pdf_module
    from guidelight.gui.pages import page_note

    monkeypatch.setattr(pdf_module, "ocr_available", lambda: "Install Tesseract with Thai.")
    page = open_document(DATA / "ghostscript-garbled-loma.pdf", use_cache=False).page(1)
    assert page.source is TextSource.NONE and page.text == ""  # no gibberish read out instead
    said = page_note(page, "en", lambda: "Install Tesseract with Thai.")
    assert said == "Page 1: its text is garbled by a broken font encoding and could not be read. " \
                   "Install Tesseract with Thai."
    assert page_note(page, "th", lambda: None).startswith("หน้า 1 ข้อความในไฟล์เสีย")
    assert "image" not in said
