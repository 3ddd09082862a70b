"""`guidelight library ...` and `guidelight pack ...`: the course library for volunteers.

The same operations as the app's volunteer mode: import PDFs into a course, list and
remove, correct a paragraph, add pronunciation entries, read the corrected text, and
carry a course between labs as a ``.glpack``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guidelight.core.hashing import file_hash
from guidelight.library import Library, LibraryDocument, LibraryError, open_library
from guidelight.library.corrections import (
    PAGE_TOP,
    Correction,
    describe_figure,
    fix_text,
    mark_furniture,
    mark_heading,
)
from guidelight.library.importer import ImportProgress, Outcome, import_files
from guidelight.library.pack import default_pack_name, export_pack, import_pack

_OUTCOME_WORDS = {
    Outcome.ADDED: "added",
    Outcome.NEEDS_OCR: "added (needs OCR)",
    Outcome.DUPLICATE: "skipped",
    Outcome.FAILED: "failed",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--library", metavar="DIR", help="library folder (default: your per-user library)")

    library = subparsers.add_parser("library", help="course library: add, list, remove, correct, read")
    commands = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", parents=[where], help="import PDFs or folders of PDFs into a course")
    add.add_argument("course", help="course code, e.g. 2301107 (created if new)")
    add.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders")
    add.add_argument("--title", default="", help="course title")
    add.set_defaults(func=run_add)

    listing = commands.add_parser("list", parents=[where], help="list courses, or one course's documents")
    listing.add_argument("course", nargs="?")
    listing.set_defaults(func=run_list)

    remove = commands.add_parser("remove", parents=[where], help="remove a course or one document")
    remove.add_argument("course")
    remove.add_argument("document", nargs="?", help="a PDF file or the start of its content hash")
    remove.set_defaults(func=run_remove)

    rename = commands.add_parser("rename", parents=[where], help="give a document the title students hear")
    rename.add_argument("document", help="a PDF file or the start of its content hash")
    rename.add_argument("title")
    rename.set_defaults(func=run_rename)

    correct = commands.add_parser("correct", parents=[where], help="correct one paragraph of a document")
    correct.add_argument("file", help="the PDF (it must be in the library)")
    correct.add_argument("--page", type=int, required=True)
    correct.add_argument("--paragraph", type=int, required=True, help="1-based; 0 = top of page (figures)")
    what = correct.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", help="the paragraph's right text")
    what.add_argument("--heading", type=int, metavar="LEVEL", help="make it a heading (0: body text)")
    what.add_argument("--furniture", action="store_true", help="page furniture: do not read it")
    what.add_argument("--figure", metavar="DESCRIPTION", help="describe a figure after this paragraph")
    correct.add_argument("--title", default="", help="with --heading: the heading's right wording")
    correct.set_defaults(func=run_correct)

    listed = commands.add_parser(
        "corrections", parents=[where], help="list a document's corrections; stale ones need redoing"
    )
    listed.add_argument("document", help="a PDF file or the start of its content hash")
    listed.set_defaults(func=run_corrections)

    pronounce = commands.add_parser("pronounce", parents=[where], help="how a course term is read aloud")
    pronounce.add_argument("course")
    pronounce.add_argument("written")
    pronounce.add_argument("spoken", nargs="?", help="omit to remove the entry")
    pronounce.set_defaults(func=run_pronounce)

    read = commands.add_parser("read", parents=[where], help="print the corrected reading text")
    read.add_argument("document", help="a PDF file, or the start of the content hash of one in the library")
    read.add_argument("--page", type=int, help="only this page")
    read.set_defaults(func=run_read)

    pack = subparsers.add_parser("pack", help="export or import a course pack (.glpack)")
    pack_commands = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    export = pack_commands.add_parser("export", parents=[where], help="write a course to a .glpack file")
    export.add_argument("course")
    export.add_argument("-o", "--output", help="the pack file (default: COURSE.glpack here)")
    export.set_defaults(func=run_pack_export)
    imp = pack_commands.add_parser("import", parents=[where], help="add a .glpack to the library")
    imp.add_argument("file")
    imp.set_defaults(func=run_pack_import)


def _open(args: argparse.Namespace) -> Library:
    return open_library(args.library)


def run_add(args: argparse.Namespace) -> int:
    def show(step: ImportProgress) -> None:
        result = step.result
        detail = f": {result.problem}" if result.problem else ""
        words = _OUTCOME_WORDS[result.outcome]
        print(f"[{step.done}/{step.total}] {words} {result.path}{detail}", flush=True)

    with _open(args) as lib:
        lib.add_course(args.course, args.title)
        report = import_files(lib, args.course, args.paths, progress=show)
    print(
        f"{report.count(Outcome.ADDED) + report.count(Outcome.NEEDS_OCR)} added, "
        f"{report.count(Outcome.DUPLICATE)} skipped, {report.count(Outcome.FAILED)} failed"
    )
    return 1 if report.count(Outcome.FAILED) else 0


def run_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.course is None:
            for course in lib.courses():
                print(f"{course.id}\t{course.title}\t{_count(len(lib.documents(course.id)), 'document')}")
            return 0
        if lib.course(args.course) is None:
            raise LibraryError(f"no course {args.course!r}")
        for doc in lib.documents(args.course):
            pages = _count(doc.page_count, "page")
            print(f"{doc.content_hash[:12]}\t{pages}\t{doc.state.value}\t{doc.title}")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def run_remove(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if lib.course(args.course) is None:
            raise LibraryError(f"no course {args.course!r}")
        if args.document is None:
            lib.remove_course(args.course)
            print(f"removed course {args.course}")
            return 0
        doc = _find_document(lib, args.document, args.course)
        lib.remove_document(doc.content_hash)
        print(f"removed {doc.title}")
    return 0


def _find_document(lib: Library, ref: str, course_id: str | None = None) -> LibraryDocument:
    """A document named by its file or by the start of its content hash (8+ characters)."""
    if Path(ref).is_file():
        doc = lib.document(file_hash(ref))
        matches = [doc] if doc else []
    elif len(ref) >= 8:
        matches = [d for d in lib.documents(course_id) if d.content_hash.startswith(ref.lower())]
    else:
        matches = []
    if course_id is not None:
        matches = [d for d in matches if d.course_id == course_id]
    if not matches:
        raise LibraryError(f"{ref}: not in the library" + (f" course {course_id}" if course_id else ""))
    if len(matches) > 1:
        raise LibraryError(f"{ref}: matches several documents; give more of the content hash")
    return matches[0]


def run_rename(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        lib.rename_document(_find_document(lib, args.document).content_hash, args.title)
    return 0


def run_correct(args: argparse.Namespace) -> int:
    from guidelight.extract.pdf import open_document  # PyMuPDF only for the commands that read PDFs

    with _open(args) as lib:
        doc = _find_document(lib, args.file)
        if not 1 <= args.page <= doc.page_count:
            raise LibraryError(f"{args.file}: no page {args.page} (it has {doc.page_count})")
        page = open_document(args.file).page(args.page)
        index = PAGE_TOP if args.paragraph == 0 and args.figure is not None else args.paragraph - 1
        try:
            correction: Correction
            if args.text is not None:
                correction = fix_text(page, index, args.text)
            elif args.heading is not None:
                correction = mark_heading(page, index, args.heading, args.title)
            elif args.furniture:
                correction = mark_furniture(page, index)
            else:
                correction = describe_figure(page, index, args.figure)
        except IndexError:
            raise LibraryError(
                f"{args.file}: page {args.page} has {len(page.paragraphs)} paragraphs, not {args.paragraph}"
            ) from None
        lib.add_correction(doc.content_hash, correction)
    print(f"saved: page {args.page}, paragraph {args.paragraph}, {correction.kind.value}")
    return 0


def run_corrections(args: argparse.Namespace) -> int:
    """One line per correction; exit 1 when some no longer match the extracted text."""
    from guidelight.extract.pdf import open_document

    with _open(args) as lib:
        doc = _find_document(lib, args.document)
        document = open_document(doc.stored_path)
        corrections = lib.corrections(doc.content_hash)
        stale = {
            c.id
            for number in sorted({c.anchor.page for c in corrections if c.anchor.page <= document.page_count})
            for c in lib.stale_corrections(doc.content_hash, document.page(number))
        }
        stale |= {c.id for c in corrections if c.anchor.page > document.page_count}
        for correction in corrections:
            anchor = correction.anchor
            print(
                f"{correction.id}\tpage {anchor.page}\tparagraph {anchor.paragraph + 1}\t"
                f"{correction.kind.value}\t{'STALE' if correction.id in stale else 'ok'}\t{correction.text}"
            )
    return 1 if stale else 0


def run_pronounce(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.spoken is None:
            lib.remove_pronunciation(args.course, args.written)
        else:
            lib.set_pronunciation(args.course, args.written, args.spoken)
    return 0


def run_read(args: argparse.Namespace) -> int:
    from guidelight.extract.pdf import open_document

    with _open(args) as lib:
        ref = Path(args.document)
        path = ref if ref.is_file() else Path(_find_document(lib, args.document).stored_path)
        document = lib.corrected(open_document(path))
        if args.page is not None:
            if not 1 <= args.page <= document.page_count:
                raise LibraryError(f"{args.document}: no page {args.page} (it has {document.page_count})")
            text = document.page(args.page).text
        else:
            text = document.reading_text()
    sys.stdout.write(text + "\n")
    return 0


def run_pack_export(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        course = lib.course(args.course)
        if course is None:
            raise LibraryError(f"no course {args.course!r}")
        target = Path(args.output or default_pack_name(course))
        summary = export_pack(lib, args.course, target)
    print(
        f"wrote {target}: {summary.documents} documents, {summary.corrections} corrections, "
        f"{summary.pronunciations} pronunciation entries"
    )
    return 0


def run_pack_import(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        summary = import_pack(lib, args.file)
    print(
        f"imported course {summary.course.id}: {summary.added} new of {summary.documents} documents, "
        f"{summary.corrections} corrections, {summary.pronunciations} pronunciation entries"
    )
    return 0
