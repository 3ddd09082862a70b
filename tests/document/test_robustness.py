"""Damaged and hostile PDFs: each class of failure the fuzzer found, made small on the spot.

The promise: a page that cannot be read (damage, a budget exceeded) becomes a page that
says why, and the rest of the document reads; a document with nothing readable is
refused in one line with exit code 2, and a refusal writes nothing.
"""

from __future__ import annotations

import os
import random
import time
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from guidelight.core.errors import DocumentError
from guidelight.core.model import TextSource
from guidelight.extract import budget
from guidelight.extract import pdf as pdf_module
from guidelight.extract.glyphs import GlyphResolver
from guidelight.extract.layout import paragraphs
from guidelight.extract.lines import Line
from guidelight.extract.pdf import open_document
from tests.ocr.marks import needs_tesseract

from .conftest import SARABUN
from .test_cli_and_input import run_cli

MakePdf = Callable[..., Path]
TEXTS = ["หน้าแรกของเอกสารนี้อ่านได้ตามปกติ", "หน้าที่สองเป็นหน้าที่เสียหาย", "หน้าที่สามอ่านได้เช่นกัน"]


def _three_pages(make_pdf: MakePdf) -> Path:
    return make_pdf([[(text, 72, 300, 14, SARABUN)] for text in TEXTS])


def _damage(pdf: Path, change: Callable[[pymupdf.Document], None]) -> Path:
    """Rewrite ``pdf`` after ``change`` edits its objects (uncompressed, as a damaged file is)."""
    doc = pymupdf.open(pdf)
    change(doc)
    data = doc.tobytes(garbage=0)
    doc.close()
    pdf.write_bytes(data)
    return pdf


def _pages_root(doc: pymupdf.Document) -> int:
    return int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])


def _assert_refused(result, pdf: Path, message: str, cache: Path) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(pdf) in lines[0] and message in lines[0]
    assert result.stdout == ""
    assert not [p for p in cache.rglob("*") if p.is_file()]


def test_a_page_tree_cycle_is_refused_in_one_line(make_pdf: MakePdf, private_cache: Path) -> None:
    pdf = _damage(_three_pages(make_pdf),
                  lambda doc: doc.xref_set_key(_pages_root(doc), "Kids", f"[{_pages_root(doc)} 0 R {doc[0].xref} 0 R]"))
    _assert_refused(run_cli("extract", str(pdf), cache=private_cache), pdf, "cycle in page tree", private_cache)


def test_an_empty_page_list_is_refused_in_one_line(make_pdf: MakePdf, private_cache: Path) -> None:
    pdf = _damage(_three_pages(make_pdf), lambda doc: doc.xref_set_key(_pages_root(doc), "Kids", "[]"))
    _assert_refused(run_cli("extract", str(pdf), cache=private_cache), pdf, "no page can be found", private_cache)


def test_too_many_nested_graphics_states_cost_only_that_page(make_pdf: MakePdf) -> None:
    def nest(doc: pymupdf.Document) -> None:
        page = doc[1]
        doc.update_stream(page.get_contents()[0], b"q " * 100_000 + page.read_contents())

    doc = open_document(_damage(_three_pages(make_pdf), nest))
    broken = doc.page(2)
    assert broken.source is TextSource.UNREADABLE
    assert broken.text.startswith("This page could not be read:") and "nested graphics states" in broken.text
    assert [doc.page(1).text, doc.page(3).text] == [TEXTS[0], TEXTS[2]]


def test_a_flate_bomb_is_given_up_at_once_and_the_rest_reads(
    make_pdf: MakePdf, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "MAX_STREAM_BYTES", 1 << 20)  # a 4 MiB bomb is then as bad as a 10 GiB one

    def bomb(doc: pymupdf.Document) -> None:
        xref = doc[1].get_contents()[0]
        doc.update_stream(xref, zlib.compress(b"0 0 m 1 1 l S\n" * (300_000), 9), compress=0)
        doc.xref_set_key(xref, "Filter", "/FlateDecode")

    pdf = _damage(_three_pages(make_pdf), bomb)
    started = time.monotonic()
    doc = open_document(pdf)
    pages = [doc.page(n) for n in (1, 2, 3)]
    assert time.monotonic() - started < 10
    assert pages[1].source is TextSource.UNREADABLE and "compression bomb" in pages[1].text
    assert [pages[0].text, pages[2].text] == [TEXTS[0], TEXTS[2]]  # its neighbours' margins and tables skip it
    # The given-up page is not cached: it is tried again next time; the others are.
    assert sorted(p.name for p in private_cache.rglob("page-*.json")) == ["page-00001.json", "page-00003.json"]


def test_an_image_may_inflate_to_its_own_size_but_not_past_it(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page a print driver rasterized (pdf2ps at 720 dpi: 150 MB of pixels) is big, not a
    bomb, and is read by OCR; an image that inflates past what its dimensions declare is one."""
    monkeypatch.setattr(budget, "MAX_STREAM_BYTES", 1 << 20)

    def image(doc: pymupdf.Document, pixels: bytes) -> None:
        """A 1500 x 1000 grey image (1.5 MB) in the corner of page 2, its stream ``pixels`` deflated."""
        blank = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 1500, 1000), False)
        doc[1].insert_image(pymupdf.Rect(0, 0, 90, 60), pixmap=blank)
        xref = doc[1].get_images()[0][0]
        doc.update_stream(xref, zlib.compress(pixels, 9), compress=0)
        for key, value in (("Filter", "/FlateDecode"), ("BitsPerComponent", "8"), ("ColorSpace", "/DeviceGray")):
            doc.xref_set_key(xref, key, value)

    pdf = _damage(_three_pages(make_pdf), lambda doc: image(doc, b"\xff" * 1_500_000))
    assert [page.text for page in open_document(pdf, use_cache=False).pages()] == TEXTS

    def inflate_past_it(doc: pymupdf.Document) -> None:
        image(doc, b"\xff" * (20 << 20))  # declares 1.5 MB of pixels

    pages = list(open_document(_damage(_three_pages(make_pdf), inflate_past_it), use_cache=False).pages())
    assert pages[1].source is TextSource.UNREADABLE and "compression bomb" in pages[1].text
    assert [pages[0].text, pages[2].text] == [TEXTS[0], TEXTS[2]]


def test_a_page_naming_its_content_stream_500_times_is_drawn_once(make_pdf: MakePdf) -> None:
    """Fuzz case 3205/49: /Contents [4 0 R 4 0 R ...] 500 times drew 368,500 characters; the
    page took 125 s and 5.7 GB to read. Each stream is drawn once: the same page, read once."""
    def repeat(doc: pymupdf.Document) -> None:
        xref = doc[1].get_contents()[0]
        doc.xref_set_key(doc[1].xref, "Contents", "[" + f"{xref} 0 R " * 500 + "]")

    started = time.process_time()
    pages = list(open_document(_damage(_three_pages(make_pdf), repeat), use_cache=False).pages())
    assert [page.text for page in pages] == TEXTS
    assert time.process_time() - started < 10


def test_a_page_drawing_too_many_characters_is_given_up_and_the_rest_reads(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fuzz case 3206/66: one content stream drawing its text 300 times (228,300 characters)
    took 2 GB and more; such a page is given up, with the count, before it is read."""
    monkeypatch.setattr(budget, "MAX_PAGE_GLYPHS", 200)

    def dup(doc: pymupdf.Document) -> None:
        page = doc[1]
        doc.update_stream(page.get_contents()[0], page.read_contents() * 20)

    pages = list(open_document(_damage(_three_pages(make_pdf), dup), use_cache=False).pages())
    assert pages[1].source is TextSource.UNREADABLE and "characters, its text printed over itself" in pages[1].text
    assert [pages[0].text, pages[2].text] == [TEXTS[0], TEXTS[2]]


def test_an_image_with_absurd_dimensions_is_held_to_the_plain_limit() -> None:
    doc = pymupdf.open()
    doc.new_page()
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 100 /Height 100 /BitsPerComponent 8 >>")
    budget_ = budget.StreamBudget(doc)
    assert budget_._declared_image_bytes(xref) == 100 * (100 * 4 + 1)
    for width in ("1e400", "-3", "(wide)", "0"):
        doc.xref_set_key(xref, "Width", width)
        assert budget_._declared_image_bytes(xref) == 0
    doc.xref_set_key(xref, "Width", "99999999")
    assert budget_._declared_image_bytes(xref) == budget.MAX_IMAGE_BYTES


def _lzw(data: bytes) -> bytes:
    """``data`` LZW-encoded as PDF writes it (/EarlyChange 1), the table cleared when full."""
    table = {bytes([i]): i for i in range(256)}
    codes: list[tuple[int, int]] = []
    width, decoder_size, first = 9, 258, True

    def emit(code: int) -> None:
        nonlocal width, decoder_size, first
        codes.append((code, width))
        decoder_size += 0 if first else 1  # the decoder adds an entry a code later
        first = False
        if decoder_size + 1 >= 1 << width and width < 12:
            width += 1

    word = b""
    for byte in data:
        if word + bytes([byte]) in table:
            word += bytes([byte])
            continue
        emit(table[word])
        table[word + bytes([byte])] = len(table) + 2
        if len(table) + 2 >= 4093:
            emit(256)
            table = {bytes([i]): i for i in range(256)}
            width, decoder_size, first = 9, 258, True
        word = bytes([byte])
    emit(table[word])
    emit(257)
    bits, count, out = 0, 0, bytearray()
    for code, size in codes:
        bits, count = (bits << size) | code, count + size
        while count >= 8:
            count -= 8
            out.append((bits >> count) & 0xFF)
    return bytes(out) + (bytes([(bits << (8 - count)) & 0xFF]) if count else b"")


def test_lzw_streams_are_measured_as_mupdf_decodes_them() -> None:
    doc = pymupdf.open()
    doc.new_page()
    rng = random.Random(5)
    for data in (b"BT /F1 12 Tf (Hello) Tj ET " * 40, bytes(rng.randrange(5) for _ in range(100_000))):
        encoded = _lzw(data)
        xref = doc.get_new_xref()
        doc.update_object(xref, "<< >>")
        doc.update_stream(xref, encoded, compress=False)
        doc.xref_set_key(xref, "Filter", "/LZWDecode")
        assert doc.xref_stream(xref) == data  # the encoder is right, by MuPDF
        assert budget._decoded_size(encoded, 0, True, 1 << 30) == len(data)


def test_an_lzw_bomb_is_given_up_at_once(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    """LZW expands up to ~2,700 times (12-bit codes for 4,096-byte strings): 3 MB of one
    byte is 3.3 KB. MuPDF would decode it whole; the budget counts it without decoding."""
    monkeypatch.setattr(budget, "MAX_STREAM_BYTES", 1 << 20)
    pdf = _three_pages(make_pdf)

    def bomb(doc: pymupdf.Document) -> None:
        xref = doc[1].get_contents()[0]
        doc.update_stream(xref, _lzw(b" " * 3_000_000), compress=False)
        doc.xref_set_key(xref, "Filter", "/LZWDecode")

    _damage(pdf, bomb)
    started = time.process_time()
    pages = list(open_document(pdf, use_cache=False).pages())
    assert time.process_time() - started < 5
    assert pages[1].source is TextSource.UNREADABLE and "compression bomb" in pages[1].text
    assert [pages[0].text, pages[2].text] == [TEXTS[0], TEXTS[2]]


def test_a_page_over_its_time_budget_is_given_up(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "PAGE_SECONDS", 0.0)
    page = open_document(_three_pages(make_pdf)).page(1)
    assert page.source is TextSource.UNREADABLE and "took over 0 seconds of processor time" in page.text


def _burn(seconds: float) -> None:
    """Spend ``seconds`` of this thread's processor time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_a_neighbour_read_ahead_is_on_its_own_budget_not_the_asking_page_s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "PAGE_SECONDS", 0.3)
    with budget.page_deadline():
        with pytest.raises(budget.PageGivenUp), budget.page_deadline():
            _burn(0.4)
            budget.check_time()  # the neighbour is over its own budget
        budget.check_time()  # the asking page has spent almost none of its own: no raise
        _burn(0.4)
        with pytest.raises(budget.PageGivenUp):
            budget.check_time()
    budget.check_time()  # outside any page: never


def test_a_neighbour_given_up_when_read_ahead_is_not_tried_again(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a hostile page ahead (does the page before run on into it?) took its 20 s
    twice: once for the neighbour's sake and again at its own turn (72 s on a fuzzed file)."""
    tried: list[int] = []
    real_lines = pdf_module.PageReader.lines

    def lines(self, clip=None):  # type: ignore[no-untyped-def]
        if self.page.number == 1:
            tried.append(1)
            raise budget.PageGivenUp("laying it out took too long")
        return real_lines(self, clip)

    monkeypatch.setattr(pdf_module.PageReader, "lines", lines)
    doc = pymupdf.open(_three_pages(make_pdf))
    ctx = pdf_module._PdfContext(doc, GlyphResolver(doc), (), None, budget.StreamBudget(doc))  # type: ignore[arg-type]
    with budget.page_deadline():
        assert ctx.first_line(2) is None  # page 1 asks; it is told nothing runs on
    with pytest.raises(budget.PageGivenUp, match="too long"):
        ctx.read(2)  # page 2's own turn: the verdict stands, nothing is read again
    assert tried == [1]
    assert ctx.read(1)[1][0].text == TEXTS[0]


def _painted(tmp_path: Path, *, names_stream_again: bool) -> Path:
    """A scan drawn 60 times: by a /Contents naming its one stream 60 times (fuzz seed 3116,
    case 99, a scanned letter, named it 500 times) or by one stream drawing it 60 times."""
    doc = pymupdf.open()
    page = doc.new_page()
    scan = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 40, 40), False)
    scan.clear_with(200)
    assert page.insert_image(page.rect, pixmap=scan)
    contents = page.get_contents()[0]
    if names_stream_again:
        doc.xref_set_key(page.xref, "Contents", "[" + f" {contents} 0 R" * 60 + "]")
    else:
        doc.update_stream(contents, page.read_contents() * 60)
    pdf = tmp_path / "painted.pdf"
    doc.save(pdf)
    assert len(pymupdf.open(pdf)[0].get_image_info()) == 60
    return pdf


@needs_tesseract
def test_a_page_naming_its_scan_stream_many_times_is_rendered_once(tmp_path: Path) -> None:
    """Rendering the page of seed 3116/99 for OCR (which cannot be interrupted) took 58 s of
    CPU; it was then given up. Each stream is now drawn once: the scan is read, at once."""
    started = time.process_time()
    made = open_document(_painted(tmp_path, names_stream_again=True), use_cache=False).page(1)
    assert time.process_time() - started < 5
    assert made.source is TextSource.OCR


def test_a_page_painting_its_scan_many_times_over_is_given_up_before_rendering(tmp_path: Path) -> None:
    """One stream drawing the scan 60 times is given up before rendering: listing what it
    draws takes milliseconds."""
    started = time.process_time()
    made = open_document(_painted(tmp_path, names_stream_again=False), use_cache=False).page(1)
    assert time.process_time() - started < 5
    assert made.source is TextSource.UNREADABLE and "times over; rendering it" in made.text  # 42: a square scan


def _surrogate_cmap() -> bytes:
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfrange <00> <FF> <D800> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )


def test_lone_surrogates_never_leave_the_pdf_layer(tmp_path: Path, private_cache: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Lone surrogates everywhere", fontname="helv")
    font = page.get_fonts()[0][0]
    cmap = doc.get_new_xref()
    doc.update_object(cmap, "<<>>")
    doc.update_stream(cmap, _surrogate_cmap())
    doc.xref_set_key(font, "ToUnicode", f"{cmap} 0 R")
    doc.set_toc([[1, "outline", 1]])
    outline_item = int(doc.xref_get_key(int(doc.xref_get_key(doc.pdf_catalog(), "Outlines")[1].split()[0]),
                                        "First")[1].split()[0])
    doc.xref_set_key(outline_item, "Title", "<FEFFD800D800>")
    doc.set_metadata({"title": "x"})
    doc.xref_set_key(int(doc.xref_get_key(-1, "Info")[1].split()[0]), "Title", "<FEFFDC00>")
    pdf = tmp_path / "surrogates.pdf"
    pdf.write_bytes(doc.tobytes())

    read = open_document(pdf)
    text = read.page(1).text + read.title + "".join(e.title for e in read.outline)
    assert "\ufffd" in read.title + read.outline[0].title
    text.encode("utf-8")  # would raise on a lone surrogate (the page's glyphs are dropped, or read by OCR)
    result = run_cli("extract", "--format", "json", str(pdf), cache=private_cache)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert len(list(private_cache.rglob("page-*.json"))) == 1 and not list(private_cache.rglob("*.tmp"))


def test_a_font_size_of_zero_lays_out(make_pdf: MakePdf) -> None:
    lines = [Line("บรรทัดแรก", 72, 100, 300, 110, 108, 0.0, False, 0),
             Line("บรรทัดที่สอง", 72, 112, 290, 122, 120, 0.0, False, 0)]
    assert "".join(d.text for d in paragraphs(lines, {})) == "บรรทัดแรกบรรทัดที่สอง"  # no ValueError

    def tiny(doc: pymupdf.Document) -> None:
        page = doc[0]
        contents = page.read_contents().replace(b" Tf", b" Tf 0.0001 0 0 0.0001 0 0 cm")
        doc.update_stream(page.get_contents()[0], contents)

    page = open_document(_damage(_three_pages(make_pdf), tiny)).page(1)
    assert page.source is not TextSource.UNREADABLE


def test_a_huge_user_unit_lays_out_at_once(make_pdf: MakePdf) -> None:
    # /UserUnit 75000 makes an A4 page 45 million points wide: the column gutter was
    # looked for point by point (a hang).
    columns = [[(f"{TEXTS[0][:12]} {n}", x, 100 + 20 * n, 12, SARABUN) for n in range(8)] for x in (60, 320)]
    pdf = _damage(make_pdf([columns[0] + columns[1]]), lambda doc: doc.xref_set_key(doc[0].xref, "UserUnit", "75000"))
    started = time.monotonic()
    page = open_document(pdf).page(1)
    assert time.monotonic() - started < 5
    assert page.source is not TextSource.UNREADABLE and f"{TEXTS[0][:12]} 7" in page.text


def test_fonts_of_pages_that_cannot_be_loaded_are_skipped(make_pdf: MakePdf) -> None:
    pdf = _damage(_three_pages(make_pdf),
                  lambda doc: doc.xref_set_key(_pages_root(doc), "Kids", f"[{_pages_root(doc)} 0 R]"))
    assert GlyphResolver(pymupdf.open(pdf)).thai_char("Sarabun", 5) is None


def test_a_folder_or_a_pipe_is_named_for_what_it_is(tmp_path: Path, private_cache: Path) -> None:
    folder = tmp_path / "course.pdf"
    folder.mkdir()
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    for path, message in ((folder, "is a folder"), (pipe, "not a plain file")):
        _assert_refused(run_cli("extract", str(path), cache=private_cache), path, message, private_cache)


def test_a_file_without_read_permission_is_one_line(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    pdf = make_pdf([[(TEXTS[0], 72, 300, 14, SARABUN)]])

    def denied(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pdf_module, "open", denied, raising=False)  # root may read anything: pretend
    with pytest.raises(DocumentError, match="do not have permission"):
        open_document(pdf)
    monkeypatch.undo()
    if os.geteuid() != 0:  # the same through the command, where permissions bind
        pdf.chmod(0)
        _assert_refused(run_cli("extract", str(pdf), cache=private_cache), pdf, "permission", private_cache)


def test_a_refused_document_leaves_no_page_cache(make_pdf: MakePdf, private_cache: Path) -> None:
    pdf = make_pdf([[("- 1 -", 290, 820, 10, SARABUN)]])  # only a page number: furniture, nothing to read
    _assert_refused(run_cli("extract", str(pdf), cache=private_cache), pdf, "no readable text", private_cache)


def test_a_document_without_readable_text_says_whether_ocr_was_tried(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Royal Gazette page whose font maps every Thai letter to junk has no readable text;
    without Tesseract the refusal said "even with OCR", and the lab never installed it."""
    pdf = make_pdf([[("- 1 -", 290, 820, 10, SARABUN)]])
    monkeypatch.setattr(pdf_module, "ocr_available", lambda: "Tesseract is not installed: install it")
    with pytest.raises(DocumentError, match=r"OCR could not be tried\. Tesseract is not installed"):
        pdf_module.require_text(open_document(pdf, use_cache=False))


def test_exporting_a_document_none_of_whose_pages_can_be_read_is_refused(
    make_pdf: MakePdf, private_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages are made as the export writes them (with its progress), so the refusal
    comes at the end, and the file never appears."""
    from guidelight.export import export_document

    monkeypatch.setattr(budget, "PAGE_SECONDS", 0.0)  # every page is given up
    doc = open_document(_three_pages(make_pdf))
    for fmt in ("html", "txt"):
        with pytest.raises(DocumentError, match="none of its pages could be read"):
            export_document(doc, tmp_path / f"out.{fmt}", fmt)
    assert not list(tmp_path.glob("out.*"))  # neither a file nor its part
    assert not [p for p in private_cache.rglob("*") if p.is_file()]


def test_an_unreadable_page_reads_as_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    page = pdf_module.unreadable_page(4, "the PDF is damaged there (cycle in page tree)")
    assert page.number == 4 and page.source is TextSource.UNREADABLE
    assert page.text == "This page could not be read: the PDF is damaged there (cycle in page tree)."
    assert [page.text[s.start : s.end] for s in page.sentences] == [page.text]
    assert page.quality.repairs == tuple(Counter().items())


def test_reading_order_of_a_hostile_page_keeps_to_the_page_s_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tens of thousands of lines in columns within columns: the reading order is given up
    on the page's own budget, not worked out however long it takes."""
    from guidelight.extract.layout import reading_order
    from guidelight.extract.lines import Line

    lines = [Line("กขค", 5 + c * 9.8, i * 2.6, 11 + c * 9.8, i * 2.6 + 2, i * 2.6 + 2, 2, False, 0)
             for c in range(60) for i in range(300)]
    monkeypatch.setattr(budget, "PAGE_SECONDS", 0.0)
    with budget.page_deadline(), pytest.raises(budget.PageGivenUp):
        reading_order(lines, 595)


@pytest.mark.parametrize(("read", "kept"), [
    ("ร สรสรไฮไส วุ ไ โ วุ วิศ โไโ งไลธจภังจิวฮัจไ โ แ โธ โกโ ไแภ ฝฤวฤไ ฝโฉู วฮ รัญ ฎฏฐ ฮฬปนูมนรโภป", False),
    ("วงจรนับถอยหลังแบบซิงโครนัสใช้สัญญาณนาฬิกาเดียวกันทุกฟลิปฟลอป", True),
])
def test_a_scan_whose_layer_has_no_thai_takes_its_ocr_only_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: str, kept: bool
) -> None:
    """A lab sheet's circuit diagram (an image over most of the slide) under its title in
    the text layer: OCR of the image read, on a loaded machine, 60 letters of Thai noise,
    which replaced the title. OCR replaces a layer without Thai only with words."""
    doc = pymupdf.open()
    page = doc.new_page(width=720, height=540)
    page.insert_image(pymupdf.Rect(48, 108, 672, 483), pixmap=pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 64, 40), 1))
    page.insert_text((40, 60), "Synchronous Down Counter", fontname="helv", fontsize=28)
    doc.save(tmp_path / "lab.pdf")
    monkeypatch.setattr(pdf_module, "_ocr_page", lambda _page, number, repairs=None: pdf_module.build_page(
        number, [pdf_module.ParagraphDraft(read, 0, (48.0, 108.0, 672.0, 483.0))], (), TextSource.OCR, Counter()))
    text = open_document(tmp_path / "lab.pdf", use_cache=False).page(1).text
    assert text == (read if kept else "Synchronous Down Counter")
