"""Export a PDF file as the app and the command line do: through the course library's
corrections when the PDF is catalogued, with its figures cut from the pages."""

from __future__ import annotations

from pathlib import Path

from guidelight.export import export_document
from guidelight.export.images import PdfImages
from guidelight.export.structure import Block, Progress
from guidelight.extract.pdf import open_document
from guidelight.library import Library


def export_pdf(
    path: str | Path,
    out: str | Path,
    fmt: str,
    *,
    password: str | None = None,
    audio: bool = False,
    voice: str | None = None,
    library: Library | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the PDF at ``path`` to ``out`` as ``fmt``; see ``export_document``.

    With ``library``, a catalogued PDF is read through its volunteers' corrections and its
    course's pronunciation entries are used for the audio. Meant to run off the GUI thread.
    """
    doc = open_document(path, password)
    pronunciations: dict[str, str] = {}
    if library is not None and library.document(doc.content_hash) is not None:
        doc, pronunciations = library.corrected(doc), library.pronunciations_for_document(doc.content_hash)
    images = PdfImages(path, password)

    def figure_png(block: Block) -> bytes | None:
        return images.png(block.page.number, block.figure) if block.figure is not None else None

    try:
        return export_document(
            doc, out, fmt, images=figure_png, progress=progress, audio=audio, pronunciations=pronunciations,
            voice=voice,
        )
    finally:
        images.close()
