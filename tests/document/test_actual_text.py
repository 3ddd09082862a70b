"""ActualText that would hide drawn glyphs or misplace text (``extract.actual_text``).

Empty ActualText: the fixture is Chromium 156's print of two lines in Noto Sans Thai, re-saved by
``pdftocairo -pdf`` (poppler 22.12, cairo 1.16), as Firefox and GNOME's "Print to File"
write PDFs: every glyph cairo had no text for is wrapped in an ActualText of nothing.

The structure tree's ActualText (Word, PowerPoint): each PDF made here is one
marked-content sequence (MCID 0) of text objects in Garuda and Helvetica, linked to a
structure element that gives its ActualText. MuPDF (1.28) puts that text in place of the
sequence's first text object only: the others are lost when the ActualText is shorter than
the words drawn, or heard again after it when it holds them too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from guidelight.extract.actual_text import holds_actual_text
from guidelight.extract.pdf import open_document

from .conftest import GARUDA

CAIRO = Path(__file__).parent / "data" / "cairo-notosansthai-empty-actualtext.pdf"
# <p>น้ำท่วมทุ่ง ผักบุ้งโหรงเหรง ป้าสมศรีเป็นคนที่นี่</p><p>ปุ๋ยเคมีจากแปลงเกษตร เด็กหญิงฐุติมาไปโรงเรียน</p>


def test_the_empty_actual_text_damage_is_real() -> None:
    raw = pymupdf.open(CAIRO)[0].get_text()
    assert "เปน" in raw and "ทีนี" in raw and "ญิงุ" in raw


def test_glyphs_under_an_empty_actual_text_are_read_and_the_page_says_so() -> None:
    """Before, the marks and a letter were silently dropped and the page passed as sound.
    Cairo's own map is wrong for some of those glyphs, so some come back wrong: the page
    is then flagged, never passed as sound."""
    page = open_document(CAIRO, use_cache=False).page(1)
    text = "".join(page.text.split())
    for right in ("ผักบุ้งโหรงเหรง", "เป็นคนที่นี่", "เคมีจากแปลงเกษตร", "เด็กหญิง"):
        assert right in text
    assert len(text) == len("น้ำท่วมทุ่งผักบุ้งโหรงเหรงป้าสมศรีเป็นคนที่นี่ปุ๋ยเคมีจากแปลงเกษตรเด็กหญิงฐุติมาไปโรงเรียน")
    assert page.quality.doubtful


def test_the_file_itself_is_never_changed() -> None:
    before = CAIRO.read_bytes()
    open_document(CAIRO, use_cache=False).page(1)
    assert CAIRO.read_bytes() == before


def tagged_pdf(path: Path, parts: list[tuple[str, str]], actual_text: str | None) -> Path:
    """A page drawing ``parts`` ((text, "G" for Garuda or "helv")) side by side as one
    marked-content sequence, whose structure element's ActualText is ``actual_text`` (None:
    the element has none, as in most of a Word file's tree)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    x = 60.0
    for text, font in parts:
        page.insert_text((x, 100), text, fontname=font, fontsize=16)
        x += 16 * 0.6 * len(text) + 8
    return _tagged(doc, path, lambda body: [body], [actual_text])


def _tagged(doc: pymupdf.Document, path: Path, parts: Callable[[bytes], list[bytes]],
            actual_texts: list[str | None]) -> Path:
    """``doc`` saved at ``path`` with its page's content cut by ``parts`` into marked-content
    Spans (MCID 0, 1, ...), each linked to a structure element whose ActualText is the
    matching one of ``actual_texts`` (None: none)."""
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3, clean=True))
    page = doc[0]
    streams = page.get_contents()
    pieces = parts(b"".join(doc.xref_stream(xref) for xref in streams))
    doc.update_stream(streams[0], b"".join(b"/Span <</MCID %d>> BDC\n%s\nEMC\n" % (n, piece)
                                          for n, piece in enumerate(pieces)))
    for xref in streams[1:]:
        doc.update_stream(xref, b"")
    root, parents = doc.get_new_xref(), doc.get_new_xref()
    elements = [doc.get_new_xref() for _ in pieces]
    for n, (element, text) in enumerate(zip(elements, actual_texts, strict=True)):
        said = "" if text is None else f"/ActualText <FEFF{text.encode('utf-16-be').hex()}>"
        doc.update_object(element, f"<< /Type /StructElem /S /Span /P {root} 0 R /Pg {page.xref} 0 R /K {n} {said} >>")
    kids = " ".join(f"{element} 0 R" for element in elements)
    doc.update_object(parents, f"<< /Nums [0 [{kids}]] >>")
    doc.update_object(root, f"<< /Type /StructTreeRoot /K [{kids}] /ParentTree {parents} 0 R >>")
    doc.xref_set_key(doc.pdf_catalog(), "StructTreeRoot", f"{root} 0 R")
    doc.xref_set_key(page.xref, "StructParents", "0")
    doc.save(path)
    return path


SENTENCE = [("ในระบบ", "G"), ("digital", "helv"), ("มีแค่", "G")]


def _words(pdf: Path) -> list[str]:
    return open_document(pdf, use_cache=False).page(1).text.split()


def test_the_tagged_text_damage_is_real(tmp_path: Path) -> None:
    """MuPDF's own reading loses or doubles words: otherwise the tests below prove nothing."""
    short = pymupdf.open(tagged_pdf(tmp_path / "short.pdf", SENTENCE, "ในระบบ"))
    assert "digital" not in short[0].get_text()
    whole = pymupdf.open(tagged_pdf(tmp_path / "whole.pdf", SENTENCE, "ในระบบ digital มีแค่"))
    assert whole[0].get_text().count("มีแค่") == 2


def test_words_the_tagged_text_loses_are_read_from_the_glyphs(tmp_path: Path) -> None:
    # A Word lab sheet's "ในระบบ digital “ตัวเลข” ... มีแค่ 0 และ 1" was heard "ในระบบ ตัวเลข ... มีแค่ และ".
    assert "".join(_words(tagged_pdf(tmp_path / "short.pdf", SENTENCE, "ในระบบ"))) == "ในระบบdigitalมีแค่"


def test_words_the_tagged_text_doubles_are_heard_once(tmp_path: Path) -> None:
    # Word's "ทำการ merge sort" was heard "ทำการ ร merge sort".
    text = "".join(_words(tagged_pdf(tmp_path / "whole.pdf", SENTENCE, "ในระบบ digital มีแค่")))
    assert text == "ในระบบdigitalมีแค่"


def test_marks_only_the_tagged_text_has_are_kept(tmp_path: Path) -> None:
    # Word draws some shifted tone marks as glyphs whose maps say nothing (the marks are
    # drawn, elsewhere); the ActualText alone has them. (MuPDF gives each of its characters
    # a glyph's place in turn, so a mark takes the next letter's and the words may come
    # apart where a gap seems to be: the words are joined before comparing.)
    pdf = tagged_pdf(tmp_path / "marks.pdf", [("การใชปญญาประดิษฐ", "G")], "การใช้ปัญญาประดิษฐ์")
    assert pymupdf.open(pdf)[0].get_text(flags=pymupdf.TEXT_IGNORE_ACTUALTEXT).strip() == "การใชปญญาประดิษฐ"
    assert "".join(_words(pdf)) == "การใช้ปัญญาประดิษฐ์"


def test_a_tree_without_actual_text_is_known_as_such_and_read_as_drawn(tmp_path: Path) -> None:
    """A tagged file whose tree gives no ActualText is not read twice a page to compare."""
    plain = tagged_pdf(tmp_path / "plain.pdf", SENTENCE, None)
    assert not holds_actual_text(pymupdf.open(plain))
    assert holds_actual_text(pymupdf.open(tagged_pdf(tmp_path / "short.pdf", SENTENCE, "ในระบบ")))
    assert "".join(_words(plain)) == "ในระบบdigitalมีแค่"


def pictured_pdf(path: Path, words: str, label: str) -> Path:
    """A slide as PowerPoint 2016 saves one: ``words`` and a space drawn in Helvetica
    (MCID 0), and right after them a picture of the Thai ``label`` (MCID 1), each in a Span
    of the tree; only the picture's Span has ActualText."""
    doc = pymupdf.open()
    page = doc.new_page(width=960, height=540)
    page.insert_text((60, 60), words + " ", fontname="helv", fontsize=32)
    picture = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 32, 8), 0)
    at = 60 + pymupdf.get_text_length(words + " ", fontname="helv", fontsize=32)  # right after the space
    page.insert_image(pymupdf.Rect(at, 30, at + 160, 70), pixmap=picture)

    def parts(body: bytes) -> list[bytes]:
        text_end = body.index(b"ET") + 2
        return [body[:text_end], body[text_end:]]

    return _tagged(doc, path, parts, [None, label])


def test_the_words_of_a_picture_of_text_are_read_from_the_tree(tmp_path: Path) -> None:
    """PowerPoint 2016 sets a slide's styled Thai labels as pictures whose words only the
    structure tree's ActualText gives. MuPDF reads them as characters of no size, which its
    reading drops, and the tree was set aside for adding letters: 13 of a 16-slide deck's
    slides lost their Thai labels."""
    pdf = pictured_pdf(tmp_path / "slide.pdf", "Working principle", "หลักการทำงาน")
    assert "หลักการทำงาน" in pymupdf.open(pdf)[0].get_text()  # the tree has it
    page = open_document(pdf, use_cache=False).page(1)
    assert page.text == "Working principle หลักการทำงาน"  # one line on the slide
    assert not page.quality.doubtful


@pytest.mark.parametrize("label", ["2", "64010552 "])
def test_a_picture_of_a_number_is_read_from_the_tree(tmp_path: Path, label: str) -> None:
    """A PowerPoint slide's every word is a picture, its text only in the tree: "มี 2 ด้าน"
    was heard "มี ด้าน", and a member list lost its student IDs, for a picture's text was
    taken only where it held letters, and a one-character one never."""
    pdf = pictured_pdf(tmp_path / "slide.pdf", "Student ID", label)
    assert open_document(pdf, use_cache=False).page(1).text == f"Student ID {label.strip()}"
