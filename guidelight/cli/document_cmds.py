"""`guidelight extract` and `guidelight check`: the document core on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from guidelight.core.errors import DocumentError
from guidelight.core.model import Document
from guidelight.core.serialize import page_to_dict
from guidelight.extract.pdf import open_document


def register(subparsers: argparse._SubParsersAction) -> None:
    extract = subparsers.add_parser("extract", help="print the reading text of a PDF")
    extract.add_argument("file", help="the PDF to read")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.add_argument("--password", help="password of an encrypted PDF")
    extract.add_argument("--no-cache", action="store_true", help="process every page again")
    extract.set_defaults(func=run_extract)

    check = subparsers.add_parser("check", help="report each page's text source, repairs and doubts")
    check.add_argument("file")
    check.add_argument("--password")
    check.set_defaults(func=run_check)


def _open(args: argparse.Namespace) -> Document:
    return open_document(args.file, args.password, use_cache=not getattr(args, "no_cache", False))


def document_json(doc: Document) -> dict[str, Any]:
    pages = [page_to_dict(page) for page in doc.pages()]
    headings = [
        {"page": page["number"], "level": para["level"], "text": page["text"][para["start"] : para["end"]]}
        for page in pages
        for para in page["paragraphs"]
        if para["kind"] == "heading"
    ]
    return {
        "title": doc.title,
        "content_hash": doc.content_hash,
        "page_count": doc.page_count,
        "outline": [{"level": e.level, "title": e.title, "page": e.page} for e in doc.outline],
        "headings": headings,
        "pages": pages,
    }


def run_extract(args: argparse.Namespace) -> int:
    doc = _open(args)
    text = doc.reading_text()
    if not text.strip():
        raise DocumentError(args.file, "no readable text was found on any page, even with OCR")
    if args.format == "json":
        json.dump(document_json(doc), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text + "\n")
    return 0


def run_check(args: argparse.Namespace) -> int:
    doc = _open(args)
    doubtful = []
    print(f"{doc.title}: {doc.page_count} pages")
    for page in doc.pages():
        q = page.quality
        repairs = ", ".join(f"{name} {count}" for name, count in q.repairs) or "none"
        flag = ""
        if page.source.value in ("ocr", "none") or q.doubtful:
            flag = "  DOUBTFUL" + (f" ({', '.join(q.notices)})" if q.notices else "")
            doubtful.append(page.number)
        print(
            f"page {page.number}: {page.source.value}, {q.thai_chars} Thai chars, "
            f"noise {q.noise_per_k:.1f}/1000, repairs: {repairs}{flag}"
        )
    print("doubtful pages: " + (", ".join(map(str, doubtful)) if doubtful else "none"))
    return 0
