"""`guidelight export`: a PDF as Word, EPUB 3 (optionally a talking book), HTML or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guidelight.core.errors import GuideLightError
from guidelight.export import FORMATS
from guidelight.export.pdf import export_pdf
from guidelight.library import Library, open_library
from guidelight.library.paths import CATALOG_FILE, resolve_library_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="write a PDF as docx, epub, html or txt for other reading tools")
    export.add_argument("file", help="the PDF to export")
    export.add_argument("--format", choices=FORMATS, help="default: from the output file's extension")
    export.add_argument("-o", "--output", required=True, help="the file to write")
    export.add_argument("--audio", action="store_true", help="EPUB only: add Guide Light's speech as media overlays")
    export.add_argument("--voice", help="with --audio: voice id (see `guidelight voices`)")
    export.add_argument("--password", help="password of an encrypted PDF")
    export.add_argument("--library", help="course library folder whose corrections apply (default: your own)")
    export.add_argument("--no-library", action="store_true", help="export the text as extracted, uncorrected")
    export.set_defaults(func=run_export)


def _catalog(folder: str | None) -> Library | None:
    """The course library, read-only, if there is one; a missing library is not created."""
    directory = resolve_library_dir(folder)
    return open_library(directory, read_only=True) if (directory / CATALOG_FILE).is_file() else None


def run_export(args: argparse.Namespace) -> int:
    fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise GuideLightError(f"say which format to write (--format {'|'.join(FORMATS)})")
    lib = None if args.no_library else _catalog(args.library)

    def progress(done: int, total: int, what: str) -> None:
        print(f"\r{done}/{total} {what}", end="", file=sys.stderr, flush=True)

    try:
        out = export_pdf(
            args.file, args.output, fmt, password=args.password, audio=args.audio, voice=args.voice,
            library=lib,
            progress=progress if sys.stderr.isatty() else None,
        )
    finally:
        if lib is not None:
            lib.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(out)
    return 0
