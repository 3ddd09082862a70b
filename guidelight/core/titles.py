"""The title a student hears for a document: what the document calls itself.

A PDF's metadata title is often not a title at all: empty, the name of the file it was
printed from ("Microsoft Word - week1.docx", "doc.html"), or a program's placeholder
("Untitled", "PowerPoint Presentation"). Hearing "w1" or "Microsoft Word dash week one
dot docx" on opening tells a blind student nothing; the first heading of the first
page does ("บทที่ 1 อุปสงค์และอุปทาน"). The file's name is the last resort.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from guidelight.core.model import Document, Page

# Titles that name the file the PDF was made from, or that a program filled in by itself.
_FILE_NAME_TITLE = re.compile(r"(?i)^(?:microsoft \w+ - )?.*\.(?:html?|docx?|pptx?|xlsx?|od[tps]|tex|txt|pdf|rtf)$")
_PLACEHOLDER_TITLE = re.compile(
    r"(?i)^(?:untitled|no title|title|document\s*\d*|presentation\s*\d*|powerpoint presentation|slide\s*\d+"
    r"|ไม่มีชื่อ|เอกสาร\s*\d*)$")
HEADING_TITLE_MAX = 120  # characters: a heading that runs on is cut, the title is said often


def _one_line(text: str) -> str:
    return " ".join(text.split())


def named_title(title: str, path: str | PurePath) -> str:
    """``title`` on one line if it names the document; "" if it is empty, a file name
    (the document's own included) or a placeholder."""
    title = _one_line(title)
    if not title or _FILE_NAME_TITLE.match(title) or _PLACEHOLDER_TITLE.match(title):
        return ""
    return "" if title == PurePath(path).stem else title


def first_heading(page: Page) -> str:
    """The first heading on ``page`` with any text, on one line; "" if there is none."""
    for para in page.paragraphs:
        if para.is_heading and (heading := _one_line(page.slice(para.start, para.end))):
            return heading[:HEADING_TITLE_MAX].rstrip()
    return ""


def document_title(metadata: str, first_page: Page | None, path: str | PurePath) -> str:
    """The title to say and show: the PDF's own title if it names the document, else
    the first page's first heading, else the file's name (without ``.pdf``)."""
    return (named_title(metadata, path) or (first_heading(first_page) if first_page is not None else "")
            or PurePath(path).stem)


def titled(doc: Document) -> Document:
    """``doc`` with the title a student should hear: its own if the PDF's metadata gave
    one, else the first page's first heading (this makes page 1: call it off the GUI
    thread, where the page is made anyway)."""
    if not named_title(doc.title, doc.source_path):
        doc.title = document_title("", doc.page(1) if doc.page_count else None, doc.source_path)
    return doc
