"""A table that runs over a page break is one table in every export, its header once
(the copy printed again on the new page left out), with the new page's marker inside it;
in the EPUB the page list still lands there and the media overlay still points at
elements that exist."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest

from guidelight.export import export_document
from guidelight.extract.pdf import open_document
from tests.export.conftest import assert_epubcheck_passes, needs_epubcheck, overlay_targets
from tests.export.test_roundtrip import XHTML, epub_documents, export
from tests.speech.conftest import ToneBackend
from tests.tables.tablegen import TableSpec
from tests.tables.test_tables import crossing_pdf

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(scope="module", params=[True, False], ids=["header-repeated", "header-once"])
def crossing(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TableSpec]:
    return crossing_pdf(tmp_path_factory.mktemp("cross") / "cross.pdf", repeat_header=request.param)


def grid(spec: TableSpec) -> list[list[str]]:
    return [[text or "" for text in row] for row in spec.grid]


def local(tag: str) -> str:
    """A tag without its namespace (the EPUB's XHTML has one, the HTML file none)."""
    return tag.rpartition("}")[2]


def xhtml_rows(table: ElementTree.Element) -> list[list[str]]:
    return [["".join(cell.itertext()) for cell in tr if local(cell.tag) in ("th", "td")]
            for tr in table.iter() if local(tr.tag) == "tr"]


def test_epub_joins_the_table_with_the_page_marker_inside(crossing: tuple[Path, TableSpec], tmp_path: Path) -> None:
    pdf, spec = crossing
    book = export(pdf, tmp_path / "cross.epub")
    archive, documents = epub_documents(book)
    assert len(documents) == 1  # one table cannot span two files: both pages in one document
    (table,) = [t for doc in documents for t in doc.iter(f"{XHTML}table")]
    assert xhtml_rows(table) == grid(spec)
    assert len(list(table.iter(f"{XHTML}th"))) == len(spec.header[0])  # the header once
    (marker,) = [e for e in table.iter() if e.get("id") == "page-2"]
    assert marker.get(EPUB_TYPE) == "pagebreak"
    first_cell_on_page_2 = next(td for td in table.iter(f"{XHTML}td") if marker in list(td))
    assert "".join(first_cell_on_page_2.itertext()) == spec.body[8][0]
    nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    page_list = next(n for n in nav.iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "page-list")
    hrefs = [a.get("href") for a in page_list.iter(f"{XHTML}a")]
    assert hrefs == ["pages/p0001.xhtml#page-1", "pages/p0001.xhtml#page-2"]


def test_html_and_docx_agree_with_the_epub(crossing: tuple[Path, TableSpec], tmp_path: Path) -> None:
    pdf, spec = crossing
    html = export(pdf, tmp_path / "cross.html").read_text(encoding="utf-8")
    assert html.count("<table") == 1
    table = ElementTree.fromstring(html[html.index("<table") : html.index("</table>") + len("</table>")])
    assert xhtml_rows(table) == grid(spec)
    assert len(list(table.iter("th"))) == len(spec.header[0])
    (word_table,) = docx.Document(str(export(pdf, tmp_path / "cross.docx"))).tables
    assert [[cell.text for cell in row.cells] for row in word_table.rows] == grid(spec)


def test_overlay_targets_exist_after_the_join(crossing: tuple[Path, TableSpec], tmp_path: Path) -> None:
    pdf, spec = crossing
    book = talking_book(pdf, tmp_path / "cross.epub")
    (targets,) = overlay_targets(book).values()
    page_2 = [t for t in targets if t.startswith("p-2-")]
    assert len(page_2) >= len(spec.body) - 8  # page 2's rows are still read, each pointing at its row
    assert targets.index(page_2[0]) > max(i for i, t in enumerate(targets) if t.startswith("p-1-"))
    assert zipfile.ZipFile(book).namelist().count("EPUB/audio/p0001.mp3") == 1


def test_a_table_over_three_pages_is_one_table_in_one_document(tmp_path: Path) -> None:
    from tests.tables.tablegen import RuledWriter
    from tests.tables.test_tables import PRICES

    spec = TableSpec(PRICES.header, [[f"สินค้า {i}", f"{10 * i} บาท", str(i)] for i in range(1, 50)],
                     widths=PRICES.widths)
    writer = RuledWriter()
    writer.text(600, "ตารางราคา", bold=True)
    writer.table(spec, 612, range(0, 9))
    writer.new_page()
    writer.table(spec, 60, range(9, 44))  # a whole page of rows: continued and continues
    writer.new_page()
    writer.text(writer.table(spec, 60, range(44, 50)) + 30, "หลังตาราง")
    pdf = writer.save(tmp_path / "three.pdf")
    _, documents = epub_documents(export(pdf, tmp_path / "three.epub"))
    assert len(documents) == 1
    (table,) = documents[0].iter(f"{XHTML}table")
    assert xhtml_rows(table) == grid(spec)
    markers = [e.get("id") for e in table.iter() if e.get(EPUB_TYPE) == "pagebreak"]
    assert markers == ["page-2", "page-3"]
    (word_table,) = docx.Document(str(export(pdf, tmp_path / "three.docx"))).tables
    assert [[cell.text for cell in row.cells] for row in word_table.rows] == grid(spec)


def talking_book(pdf: Path, out: Path) -> Path:
    export_document(open_document(pdf, use_cache=False), out, "epub", audio=True,
                    speech_backend=ToneBackend(seconds_per_char=0.002))
    return out


@needs_epubcheck
def test_epubcheck_passes_the_joined_table_with_its_overlay(tmp_path: Path) -> None:
    """The harder case only (a header printed again, audio on): epubcheck takes seconds to start."""
    pdf, _ = crossing_pdf(tmp_path / "cross.pdf", repeat_header=True)
    assert_epubcheck_passes(talking_book(pdf, tmp_path / "cross.epub"))
