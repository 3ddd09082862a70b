"""A paragraph cut by a page break is one paragraph in every export, with the new page's
marker where the page turns: a screen reader reads it on without a break in mid-sentence,
and the page list still lands on the right words. Pages that do not run on stay apart."""

from __future__ import annotations

import itertools
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest

from guidelight.extract.pdf import open_document
from tests.document.test_layout import _long_paragraphs_pdf
from tests.export.conftest import overlay_targets
from tests.export.test_crossing_table import EPUB_TYPE, talking_book
from tests.export.test_roundtrip import XHTML, epub_documents, export


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _long_paragraphs_pdf(tmp_path_factory.mktemp("long") / "long.pdf")


def _paragraphs(root: ElementTree.Element, tag: str) -> list[str]:
    return ["".join(p.itertext()) for p in root.iter(tag)]


def test_html_has_the_three_paragraphs_whole_with_the_page_markers_inside(long_pdf: Path, tmp_path: Path) -> None:
    doc = open_document(long_pdf)
    assert doc.page_count >= 3 and doc.page(1).continues
    html = export(long_pdf, tmp_path / "long.html").read_text(encoding="utf-8")
    body = ElementTree.fromstring(html[html.index("<body") : html.index("</body>") + len("</body>")])
    paragraphs = list(body.iter("p"))
    assert ["".join(p.itertext()) for p in paragraphs] == doc.reading_text().split("\n\n")
    for number in range(2, doc.page_count + 1):  # every page turns inside a paragraph
        (owner,) = [p for p in paragraphs if any(e.get("id") == f"page-{number}" for e in p.iter("span"))]
        assert owner.get("id", "").startswith("p-")


def test_epub_keeps_the_paragraph_in_one_document_and_the_page_list_on_it(long_pdf: Path, tmp_path: Path) -> None:
    doc = open_document(long_pdf)
    archive, documents = epub_documents(export(long_pdf, tmp_path / "long.epub"))
    assert len(documents) == 1  # the pages run on into each other: one content document
    assert _paragraphs(documents[0], f"{XHTML}p") == doc.reading_text().split("\n\n")
    markers = [e.get("id") for p in documents[0].iter(f"{XHTML}p") for e in p.iter() if e.get(EPUB_TYPE) == "pagebreak"]
    assert markers == [f"page-{n}" for n in range(2, doc.page_count + 1)]
    nav = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    page_list = next(n for n in nav.iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "page-list")
    assert [a.get("href") for a in page_list.iter(f"{XHTML}a")] == [
        f"pages/p0001.xhtml#page-{n}" for n in range(1, doc.page_count + 1)
    ]


def test_docx_has_one_word_paragraph_each_with_a_bookmark_where_the_page_turns(long_pdf: Path, tmp_path: Path) -> None:
    doc = open_document(long_pdf)
    word = docx.Document(str(export(long_pdf, tmp_path / "long.docx")))
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts == doc.reading_text().split("\n\n")
    names = [b.get(docx.oxml.ns.qn("w:name")) for b in word.element.body.iter(docx.oxml.ns.qn("w:bookmarkStart"))]
    assert names == [f"page_{n}" for n in range(1, doc.page_count + 1)]


def test_the_talking_book_s_clips_point_at_elements_that_exist(long_pdf: Path, tmp_path: Path) -> None:
    book = talking_book(long_pdf, tmp_path / "long.epub")
    _, documents = epub_documents(book)
    ids = {e.get("id") for d in documents for e in d.iter() if e.get("id")}
    (targets,) = overlay_targets(book).values()
    assert targets and set(targets) <= ids


def test_the_talking_book_says_a_sentence_cut_by_a_page_break_in_one_breath(long_pdf: Path, tmp_path: Path) -> None:
    """The part on the next page starts where the voice reaches it: no pause between the
    two clips, which are the two parts' own sentence elements."""
    import zipfile

    from tests.export.conftest import SMIL, seconds

    book = talking_book(long_pdf, tmp_path / "long.epub")
    [smil_name] = [n for n in zipfile.ZipFile(book).namelist() if n.endswith(".smil")]
    pars = list(ElementTree.fromstring(zipfile.ZipFile(book).read(smil_name)).iter(f"{SMIL}par"))
    timed = [(par.find(f"{SMIL}text").get("src", "").split("#")[1],  # type: ignore[union-attr]
              seconds(par.find(f"{SMIL}audio").get("clipBegin", "")),  # type: ignore[union-attr]
              seconds(par.find(f"{SMIL}audio").get("clipEnd", ""))) for par in pars]  # type: ignore[union-attr]
    doc = open_document(long_pdf)
    for number in range(2, doc.page_count + 1):  # each page opens in the middle of a sentence
        at = next(i for i, (target, _, _) in enumerate(timed) if target == f"p-{number}-0-s0")
        before, after = timed[at - 1], timed[at]
        assert before[0].startswith(f"p-{number - 1}-") and before[2] == after[1]  # no pause: one breath
    gaps = [b[1] - a[2] for a, b in itertools.pairwise(timed)]
    assert max(gaps) > 0.1  # sentences elsewhere still have their pause
