"""The title a student hears for a document: what the document calls itself.

A PDF's metadata title is often not a title at all: empty, the name of the file it was
printed from ("Microsoft Word - week1.docx", "doc.html"), or a program's placeholder
("Untitled", "PowerPoint Presentation"). Hearing "w1" or "Microsoft Word dash week one
dot docx" on opening tells a blind student nothing; the first heading of the first
page does ("บทที่ 1 อุปสงค์และอุปทาน"). The file's name is the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from guidelight.core.filenames import readable_stem
from guidelight.core.model import Document, Page, TextSource

# Titles that name the file the PDF was made from, or that a program filled in by itself.
_FILE_NAME_TITLE = re.compile(r"(?i)^(?:microsoft \w+ - )?.*\.(?:html?|docx?|pptx?|xlsx?|od[tps]|tex|txt|pdf|rtf)$")
_PLACEHOLDER_TITLE = re.compile(
    r"(?i)^(?:untitled|no title|title|document\s*\d*|presentation\s*\d*|powerpoint presentation|slide\s*\d+"
    r"|ไม่มีชื่อ|เอกสาร\s*\d*)$")
HEADING_TITLE_MAX = 120  # characters: a heading that runs on is cut, the title is said often
# A page number at the end of a running head ("ปฏิบัติการครั้งที่ 1. หน้าที่ 3.", "Chapter 2 | 14").
_PAGE_NUMBER = re.compile(r"(?i)[\s|–—-]*(?:(?:หน้า(?:ที่)?|page|p\.)\s*)?[\d๐-๙]+\.?\s*$")
_LETTER = re.compile(r"[^\W\d_]")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def named_title(title: str, path: str | PurePath) -> str:
    """``title`` on one line if it names the document; "" if it is empty, a file name
    (the document's own included) or a placeholder."""
    title = _one_line(title)
    if not title or _FILE_NAME_TITLE.match(title) or _PLACEHOLDER_TITLE.match(title):
        return ""
    return "" if title == readable_stem(path) else title


def first_heading(page: Page, plausible: Callable[[str], bool] = lambda _text: True) -> str:
    """The first heading on ``page`` with any text, on one line; "" if there is none. On a
    page read by OCR, only a ``plausible`` one: a letterhead's decorative lettering comes
    out as nonsense (สนจแฟตป สิหญ้าเกยแกยปรี), and a title is the first thing heard."""
    for para in page.paragraphs:
        if para.is_heading and (heading := _one_line(page.slice(para.start, para.end))):
            if page.source is TextSource.OCR and not plausible(heading):
                continue
            return heading[:HEADING_TITLE_MAX].rstrip()
    return ""


def running_head(page: Page) -> str:
    """The page's first running head with words in it, its page number left off: what a
    document without a title or a heading calls itself on every page (a faculty's
    calendar: "ปฏิทินกิจกรรมสหกิจศึกษา"); "" if its furniture is only numbers."""
    for text in page.furniture:
        head = _PAGE_NUMBER.sub("", _one_line(text)).strip()
        if len(_LETTER.findall(head)) >= 4:
            return head[:HEADING_TITLE_MAX].rstrip()
    return ""


def document_title(
    metadata: str, first_page: Page | None, path: str | PurePath, plausible: Callable[[str], bool] = lambda _t: True
) -> str:
    """The title to say and show: the PDF's own title if it names the document, else
    the first page's first (``plausible``, if read by OCR) heading, else its running head,
    else the file's name (without ``.pdf``), which is often a folder's or a program's mangling."""
    if first_page is not None and (found := first_heading(first_page, plausible) or running_head(first_page)):
        return named_title(metadata, path) or found
    return named_title(metadata, path) or readable_stem(path)


def titled(doc: Document, plausible: Callable[[str], bool] = lambda _text: True) -> Document:
    """``doc`` with the title a student should hear: its own if the PDF's metadata gave
    one, else the first page's first heading (``plausible`` judges one read by OCR; this
    makes page 1: call it off the GUI thread, where the page is made anyway)."""
    if not named_title(doc.title, doc.source_path):
        doc.title = document_title("", doc.page(1) if doc.page_count else None, doc.source_path, plausible)
    return doc
