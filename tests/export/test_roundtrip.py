"""Each export reopened by an independent reader gives back the extracted text, with its
headings, tables (header rows marked) and figures' alternative text where they were."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import docx
import pymupdf
import pytest
from docx.oxml.ns import qn

from guidelight.cli.main import main
from tests.export.conftest import extracted, squeeze

XHTML = "{http://www.w3.org/1999/xhtml}"


def export(pdf: Path, out: Path, *args: str) -> Path:
    assert main(["export", str(pdf), "-o", str(out), *args]) == 0
    return out


def headings_of(pdf: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str]]:
    data = json.loads(extracted(pdf, capsys, "--format", "json"))
    return [(h["level"], h["text"]) for h in data["headings"]]


def test_docx_round_trip(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    word = docx.Document(str(export(course, tmp_path / "c.docx")))
    body = word.element.body
    texts: list[str] = []
    headings: list[tuple[int, str]] = []
    header_rows: list[int] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = docx.text.paragraph.Paragraph(child, word)
            texts.append(para.text)
            if para.style.name.startswith("Heading "):
                headings.append((int(para.style.name.split()[1]), para.text))
        elif child.tag == qn("w:tbl"):
            table = docx.table.Table(child, word)
            seen: list[object] = []  # the elements themselves: ids of freed lxml proxies are reused
            for row in table.rows:
                for cell in row.cells:  # a merged cell appears once per grid place it covers
                    if not any(cell._tc is tc for tc in seen):
                        seen.append(cell._tc)
                        texts.append(cell.text)
            header_rows.append(sum(1 for tr in child.iter(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None))
    assert squeeze("".join(texts)) == squeeze(extracted(course, capsys))
    assert headings == headings_of(course, capsys)
    # the merged two-row header; the long table, its two pages joined into one Word table
    assert header_rows == [2, 1]
    assert len(word.tables[1].rows) == 1 + 12
    alts = [e.get("descr") for e in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert alts == ["รูปที่ 1 เส้นอุปสงค์และอุปทาน (Supply and demand)", "ภาพ ไม่มีคำอธิบาย"]
    bookmarks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert bookmarks == ["page_1", "page_2"]
    langs = {(r.text, r._r.rPr.find(qn("w:lang")).get(qn("w:val"))) for p in word.paragraphs for r in p.runs if r.text}
    assert ("Economics) ", "en-US") in langs  # punctuation stays with the run before it
    assert any(lang == "th-TH" for _, lang in langs)
    normal = word.styles["Normal"].element.rPr
    assert normal.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"


class _Reader(HTMLParser):
    """Text outside tags' attributes, headings, header cells, image alt text, lang spans."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.th = 0
        self.alts: list[str] = []
        self.english: list[str] = []
        self.pagebreaks: list[str] = []
        self._open: list[tuple[str, dict[str, str | None]]] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("head", "title", "style"):
            self._in_head = True
        if tag == "img":
            self.alts.append(a.get("alt") or "")
            return
        if tag == "th":
            self.th += 1
        if a.get("role") == "doc-pagebreak":
            self.pagebreaks.append(a.get("aria-label") or "")
        self._open.append((tag, a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "img":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "title", "style"):
            self._in_head = tag != "head" and self._in_head
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._in_head:
            return
        self.text.append(data)
        if self._open and self._open[-1][0] in {f"h{i}" for i in range(1, 7)}:
            self.headings.append((int(self._open[-1][0][1]), data))
        if self._open and self._open[-1][1].get("lang") == "en":
            self.english.append(data)


def test_html_round_trip(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reader = _Reader()
    reader.feed(export(course, tmp_path / "c.html").read_text(encoding="utf-8"))
    assert squeeze("".join(reader.text)) == squeeze(extracted(course, capsys))
    assert reader.headings == headings_of(course, capsys)
    assert reader.th == 4 + 3  # the merged header's four cells and the long table's three
    assert reader.alts[0] == "รูปที่ 1 เส้นอุปสงค์และอุปทาน (Supply and demand)"
    assert "Economics" in " ".join(reader.english)
    assert reader.pagebreaks == ["1", "2"]


def test_txt_is_the_extracted_text(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(course, tmp_path / "c.txt").read_text(encoding="utf-8") == extracted(course, capsys)


def epub_documents(path: Path) -> tuple[zipfile.ZipFile, list[ElementTree.Element]]:
    archive = zipfile.ZipFile(path)
    assert archive.namelist()[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
    opf = ElementTree.fromstring(archive.read("EPUB/package.opf"))
    ns = {"o": "http://www.idpf.org/2007/opf"}
    hrefs = {i.get("id"): i.get("href") for i in opf.iterfind("o:manifest/o:item", ns)}
    spine = [hrefs[i.get("idref")] for i in opf.iterfind("o:spine/o:itemref", ns)]
    return archive, [ElementTree.fromstring(archive.read(f"EPUB/{href}")) for href in spine]


def test_epub_round_trip(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive, pages = epub_documents(export(course, tmp_path / "c.epub"))
    bodies = [page.find(f"{XHTML}body") for page in pages]
    text = "".join("".join(body.itertext()) for body in bodies if body is not None)
    assert squeeze(text) == squeeze(extracted(course, capsys))
    headings = [(int(e.tag[-1]), "".join(e.itertext())) for page in pages for e in page.iter()
                if e.tag in {f"{XHTML}h{i}" for i in range(1, 7)}]
    assert headings == headings_of(course, capsys)
    assert len([e for page in pages for e in page.iter(f"{XHTML}th")]) == 4 + 3
    assert [e.get("alt") for page in pages for e in page.iter(f"{XHTML}img")][1] == "ภาพ ไม่มีคำอธิบาย"
    nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    page_list = next(n for n in nav.iter(f"{XHTML}nav") if n.get("{http://www.idpf.org/2007/ops}type") == "page-list")
    assert ["".join(a.itertext()) for a in page_list.iter(f"{XHTML}a")] == ["1", "2"]


def test_unknown_format_and_audio_outside_epub_are_refused(course: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(course), "-o", str(tmp_path / "c.rtf")]) == 2
    assert main(["export", str(course), "-o", str(tmp_path / "c.docx"), "--audio"]) == 2
    err = capsys.readouterr().err
    assert "format" in err and "EPUB" in err
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_docx_joins_a_table_over_a_page_break_without_its_repeated_header(tmp_path: Path) -> None:
    from tests.tables.test_tables import crossing_pdf

    pdf, spec = crossing_pdf(tmp_path / "cross.pdf", repeat_header=True)
    word = docx.Document(str(export(pdf, tmp_path / "cross.docx")))
    (table,) = word.tables
    assert [row.cells[0].text for row in table.rows] == ["สินค้า"] + [row[0] for row in spec.body]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    starts = [b.get(qn("w:name")) for b in table._tbl.iter(qn("w:bookmarkStart"))]
    assert starts == ["page_2"]  # page 2 begins inside the table, at its first row there


def test_html_joins_a_table_over_a_page_break_with_the_page_marker_inside(tmp_path: Path) -> None:
    from tests.tables.test_tables import crossing_pdf

    pdf, spec = crossing_pdf(tmp_path / "cross.pdf", repeat_header=True)
    html = export(pdf, tmp_path / "cross.html").read_text(encoding="utf-8")
    assert html.count("<table") == 1 and html.count("<th ") == 3  # the repeated header is not added
    table = html[html.index("<table") : html.index("</table>")]
    assert 'id="page-2"' in table and table.index('id="page-2"') < table.index(spec.body[8][0])
    reader = _Reader()
    reader.feed(html)
    assert reader.pagebreaks == ["1", "2"]


def test_a_caption_of_several_paragraphs_is_exported_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.tables.test_spoken import apa_pdf

    pdf = apa_pdf(tmp_path / "apa.pdf")
    reader = _Reader()
    reader.feed(export(pdf, tmp_path / "apa.html").read_text(encoding="utf-8"))
    assert squeeze("".join(reader.text)) == squeeze(extracted(pdf, capsys))
    assert reader.alts == ["Figure 1 กระบวนการทบทวนวรรณกรรมอย่างเป็นระบบ"]


LIST_LINES = ["วัตถุประสงค์ของรายวิชามีดังนี้", "• เข้าใจหลักอุปสงค์", "• อธิบายกลไกราคา", "ขั้นตอนการศึกษา",
              "1. อ่านเอกสาร", "2. ทำแบบฝึกหัด", "3. ส่งรายงาน", "หรือ", "1. ฟังบรรยาย", "2. สอบ"]


def lists_pdf(path: Path) -> Path:
    """A bulleted list, then two numbered lists with a paragraph between them."""
    from tests.tables.tablegen import RuledWriter

    writer = RuledWriter()
    writer.page.insert_textbox(pymupdf.Rect(60, 40, 535, 140), "เศรษฐศาสตร์ศึกษาการเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัด " * 4,
                               fontname="sar", fontsize=12)  # a full line sets the column's width
    for i, line in enumerate(LIST_LINES):
        writer.text(150 + 22 * i, line)
    return writer.save(path)


def test_marked_paragraphs_become_lists_in_html_and_epub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = lists_pdf(tmp_path / "lists.pdf")
    html = export(pdf, tmp_path / "lists.html").read_text(encoding="utf-8")
    assert html.count('<ul class="marked">') == 1 and html.count('<ol class="marked">') == 2
    assert html.count("<li ") == 7
    reader = _Reader()
    reader.feed(html)
    assert squeeze("".join(reader.text)) == squeeze(extracted(pdf, capsys))
    _, pages = epub_documents(export(pdf, tmp_path / "lists.epub"))
    assert [len(list(page.iter(f"{XHTML}li"))) for page in pages] == [7]


def test_marked_paragraphs_become_word_lists_that_print_no_second_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each run of items is a Word list of its own (w:numPr, numbering from 1 again) whose
    numbering level prints nothing: the item's text already starts with the page's marker."""
    pdf = lists_pdf(tmp_path / "lists.pdf")
    word = docx.Document(str(export(pdf, tmp_path / "lists.docx")))
    assert squeeze("".join(p.text for p in word.paragraphs)) == squeeze(extracted(pdf, capsys))
    numbering = word.part.numbering_part.element
    lists: dict[str, list[str]] = {}
    for para in word.paragraphs:
        num_pr = para._p.pPr.numPr if para._p.pPr is not None else None
        if para.text[:1] in ("•", "1", "2", "3"):
            assert num_pr is not None and num_pr.ilvl.val == 0, para.text
            lists.setdefault(str(num_pr.numId.val), []).append(para.text)
        else:
            assert num_pr is None, para.text
    assert list(lists.values()) == [LIST_LINES[1:3], LIST_LINES[4:7], LIST_LINES[8:10]]
    formats = []
    for num_id in lists:
        num = numbering.num_having_numId(int(num_id))
        assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "1"
        abstract_id = num.abstractNumId.val
        (lvl,) = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="0"]')
        assert lvl.find(qn("w:lvlText")).get(qn("w:val")) == ""  # no second bullet or number
        assert lvl.find(qn("w:suff")).get(qn("w:val")) == "nothing"  # and no tab before the text
        formats.append(lvl.find(qn("w:numFmt")).get(qn("w:val")))
    assert formats == ["bullet", "decimal", "decimal"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_three_lists_each_marker_printed_once(tmp_path: Path) -> None:
    """An independent word processor sees the lists (HTML it writes) and prints each
    item's marker once (plain text it writes)."""
    book = export(lists_pdf(tmp_path / "lists.pdf"), tmp_path / "lists.docx")
    out: dict[str, str] = {}
    for fmt in ("html", "txt:Text"):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", fmt, "--outdir", str(tmp_path / "lo"), str(book)],
                       capture_output=True, timeout=120, check=True)
        out[fmt[:4].rstrip(":")] = (tmp_path / "lo" / f"lists.{fmt[:4].rstrip(':')}").read_text(encoding="utf-8-sig")
    tags = re.findall(r"<(ul|ol|li)\b", out["html"])
    assert " ".join(tags) == "ul li li ol li li li ol li li"
    lines = [line.strip() for line in out["txt"].splitlines()]
    assert lines[1:] == LIST_LINES


def test_a_page_break_ends_a_list_in_every_format(tmp_path: Path) -> None:
    """Items on two pages (slides, mostly) are two lists in Word, HTML and EPUB alike."""
    from tests.tables.tablegen import RuledWriter

    writer = RuledWriter()
    for i, line in enumerate(["ขั้นตอนการศึกษา", "1. อ่านเอกสาร", "2. ทำแบบฝึกหัด"]):
        writer.text(700 + 22 * i, line)
    writer.new_page()
    writer.text(60, "3. ส่งรายงาน")
    pdf = writer.save(tmp_path / "pages.pdf")
    word = docx.Document(str(export(pdf, tmp_path / "pages.docx")))
    num_ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(num_ids) == 3 and num_ids[0] == num_ids[1] != num_ids[2]
    html = export(pdf, tmp_path / "pages.html").read_text(encoding="utf-8")
    assert html.count('<ol class="marked">') == 2 and html.count("<li ") == 3
    _, pages = epub_documents(export(pdf, tmp_path / "pages.epub"))
    assert [len(list(page.iter(f"{XHTML}ol"))) for page in pages] == [1, 1]
