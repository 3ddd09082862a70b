"""ToUnicode maps that contradict their own font (``extract.to_unicode``).

The fixture is WeasyPrint 70.0's own output (Loma, 14 pt; made by the HTML in its
docstring below): every glyph's text is what was left of the first cluster it was drawn
in, so MuPDF alone reads ยา as ย้ำ and บ้าน as บุ้ำน.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from guidelight.extract.pdf import open_document
from guidelight.extract.to_unicode import read_to_unicode, write_to_unicode
from tests.document.damaged_fonts import cluster_glyph_pdf, partial_map_subsets_pdf, ranged_map_pdf

DATA = Path(__file__).parent / "data"
# <p>น้ำท่วมทุ่ง ผักบุ้งโหรงเหรง</p><p>ยาสามัญประจำบ้าน ปู่ย่าตายายทำนาทำสวน</p>
# <p>น้ำใจไมตรี ก๋วยเตี๋ยวน้ำใส</p>, font-family Loma, weasyprint.HTML(string=...).write_pdf
WEASYPRINT = DATA / "weasyprint-loma-sara-am.pdf"
WORDS = ["น้ำท่วมทุ่ง", "ผักบุ้ง", "โหรงเหรง", "ยาสามัญประจำบ้าน", "ปู่ย่าตายายทำนาทำสวน", "น้ำใจไมตรี", "ก๋วยเตี๋ยวน้ำใส"]


def test_the_damage_is_real() -> None:
    raw = pymupdf.open(WEASYPRINT)[0].get_text()
    assert "ย้ำส้ำมัญ" in raw and "บุ้ำน" in raw


def test_a_map_its_font_contradicts_is_read_as_the_font_draws() -> None:
    text = open_document(WEASYPRINT, use_cache=False).reading_text()
    assert "".join(text.split()) == "".join(WORDS)


def test_the_file_itself_is_never_changed() -> None:
    before = WEASYPRINT.read_bytes()
    open_document(WEASYPRINT, use_cache=False).page(1)
    assert WEASYPRINT.read_bytes() == before


def test_a_map_reads_back_as_written() -> None:
    mapping = {0x0003: " ", 0x00FF: "\u0e49\u0e33", 0x0130: "", 0x0131: "\u0e19"}
    assert read_to_unicode(write_to_unicode(mapping).decode()) == (mapping, 4)
    ranges = (
        "2 beginbfrange\n<20> <22> <0041>\n<30> <31> [<0E01> <0E010E48>]\nendbfrange\n"
    )
    assert read_to_unicode(ranges) == ({0x20: "A", 0x21: "B", 0x22: "C", 0x30: "ก", 0x31: "ก่"}, 2)


def test_a_map_naming_more_codes_than_any_font_has_is_refused_quickly() -> None:
    import time

    import pytest

    hostile = "beginbfrange\n" + "<0000> <ffff> <0041>\n" * 40 + "endbfrange"
    started = time.process_time()
    with pytest.raises(ValueError):
        read_to_unicode(hostile)
    assert time.process_time() - started < 5


# Quartz (Safari on macOS 11) with Thonburi: a glyph that draws a cluster is mapped to its
# code's own character, ASCII or Mac Roman (เวกเตอ&และเมท,ก- for เวกเตอร์และเมทริกซ์).
QUARTZ_CLUSTERS = {"ร์": "&", "ริ": ",", "ซ์": "-", "สำ": "1", "คั": "2", "ที่": "\u00c7"}
QUARTZ_WORDS = ["เวกเตอร์และเมทริกซ์", "มีความสำคัญที่สุด"]


def test_a_simple_fonts_cluster_glyphs_are_read_by_their_names(tmp_path: Path) -> None:
    pdf = cluster_glyph_pdf(tmp_path / "quartz.pdf", QUARTZ_WORDS, QUARTZ_CLUSTERS)
    raw = pymupdf.open(pdf)[0].get_text()
    assert "เวกเตอ&และเมท,ก-" in raw and "ความ12ญÇ" in raw  # the damage is real
    text = open_document(pdf, use_cache=False).reading_text()
    assert "".join(text.split()) == "".join(QUARTZ_WORDS)


def test_a_simple_fonts_own_latin_is_left_alone(tmp_path: Path) -> None:
    """A map that gives no glyph Thai text is not a Thai font's: its codes' own characters
    are taken at their word, whatever the font's names say."""
    pdf = cluster_glyph_pdf(tmp_path / "latin.pdf", ["สำ"], {"สำ": "1"})
    assert open_document(pdf, use_cache=False).reading_text().strip() == "1"


def test_a_map_written_in_ranged_arrays_is_read_as_the_font_draws(tmp_path: Path) -> None:
    """PowerPoint's AngsanaNew map, its font descendants held in an object of their own:
    ว's glyph mapped to "วง" and ใ's to "ด", in ranges whose destinations are arrays. The
    font's own cmap says ว and ใ, and it is believed (ดช้ for ใช้, กวงน for กวน before)."""
    words = ["ใช้งานได้", "ด้วยความรบกวน", "ให้ใช้โทรศัพท์"]
    path = ranged_map_pdf(tmp_path / "ranged.pdf", words, {"ว": "วง", "ใ": "ด"})
    assert "ดช้" in pymupdf.open(path)[0].get_text()  # the damage is real
    assert "".join(open_document(path, use_cache=False).reading_text().split()) == "".join(words)


def test_math_letters_mapped_twice_are_read_once(tmp_path: Path) -> None:
    """Acrobat PDFMaker 21 maps each Cambria Math italic letter of a Word equation to itself
    twice (<074A> <D835DC5BD835DC5B>): a report's S.D. formula was heard "𝑛𝑛∑𝑥𝑥2"."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="D", fontfile="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    page.insert_text((60, 80), "nx = ff", fontname="D", fontsize=16)
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    math = {"n": "\U0001d45b", "x": "\U0001d465"}  # 𝑛 𝑥
    for xref in range(1, doc.xref_length()):
        if "/ToUnicode" in doc.xref_object(xref) and "/DescendantFonts" in doc.xref_object(xref):
            cmap = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            mapping, _ = read_to_unicode(doc.xref_stream(cmap).decode("latin-1"))
            doubled = {code: 2 * math.get(text, text) if text in math else text for code, text in mapping.items()}
            doubled = {code: "ff" if text == "f" else text for code, text in doubled.items()}  # a real "ff" stays
            doc.update_stream(cmap, write_to_unicode(doubled))
    path = tmp_path / "equation.pdf"
    doc.save(path)
    assert "\U0001d45b\U0001d45b" in pymupdf.open(path)[0].get_text()  # the damage is real
    text = open_document(path, use_cache=False).page(1).text
    assert "\U0001d45b\U0001d465" in text and "\U0001d45b\U0001d45b" not in text
    assert "ffff" in text  # two glyphs each mapped to "ff": no math letter, so left as mapped


def test_codes_a_subsets_map_leaves_out_are_named_by_a_sibling_subsets_glyphs(tmp_path: Path) -> None:
    """Acrobat 8 maps only some of a subset's codes: a thesis's year 2557 was heard "@AA7",
    and its page numbers as other digits (the glyph of 5 under the code of "4"). Another
    subset of the font maps the same drawings: they name the codes left out."""
    pages = ["ปีการศึกษา 2557 หน้า 104", "รหัส 5724 ปี 2557"]
    pdf = partial_map_subsets_pdf(tmp_path / "subsets.pdf", pages, "0123456789")
    assert "5724" not in pymupdf.open(pdf)[1].get_text()  # the damage is real
    doc = open_document(pdf, use_cache=False)
    assert "".join(doc.page(2).text.split()) == "รหัส5724ปี2557"
    assert "".join(doc.page(1).text.split()) == "ปีการศึกษา2557หน้า104"


def _renamed_codes_pdf(path: Path, differences: str, stale: dict[int, str]) -> Path:
    """A line of a calculus text in Times as Quartz prints a LaTeX file again: the font
    re-encoded by ``differences`` (``/Differences [33 /minus]``), its map left as the font's
    old codes had it (``stale``; every other code its own character)."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=100)
    page.insert_text((20, 50), "Ax = (x + h) !x = h", fontname="tiro", fontsize=14)
    doc = pymupdf.open("pdf", doc.tobytes())
    font = next(xref for xref, *_rest in doc[0].get_fonts())
    doc.xref_set_key(font, "Encoding", f"<< /Type /Encoding /Differences {differences} >>")
    cmap = doc.get_new_xref()
    doc.update_object(cmap, "<<>>")
    doc.update_stream(cmap, write_to_unicode({**{code: chr(code) for code in range(32, 127)}, **stale}, 2))
    doc.xref_set_key(font, "ToUnicode", f"{cmap} 0 R")
    doc.save(path)
    return path


def test_a_simple_fonts_names_outvote_a_map_left_from_its_old_codes(tmp_path: Path) -> None:
    # b18_02, a calculus chapter: Quartz re-encoded CMSY10 and CMR10 as /Differences [33
    # /minus ...] and [33 /Delta], but kept their maps for TeX's codes, where 33 is an arrow
    # and "!": "∆x = (x0 + h) − x0" was heard "!x = (x0 + h) →x0".
    pdf = _renamed_codes_pdf(tmp_path / "q.pdf", "[33 /minus 65 /Delta]", {33: "→", 65: "!"})
    assert "!x = (x + h) →x" in pymupdf.open(pdf)[0].get_text()  # the damage is real
    assert "∆x = (x + h) −x = h" in open_document(pdf, use_cache=False).page(1).text


def test_a_simple_fonts_map_is_kept_where_most_names_agree_with_it(tmp_path: Path) -> None:
    # A map that gives one named code another reading (a producer's choice) while the
    # other named codes agree is the map of these codes, not of old ones.
    pdf = _renamed_codes_pdf(tmp_path / "k.pdf", "[33 /exclam 40 /parenleft /parenright 43 /plus]", {33: "→"})
    assert "(x + h) →x" in open_document(pdf, use_cache=False).page(1).text
