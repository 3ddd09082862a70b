"""Accessible exports of a document: Word, EPUB 3 (with optional spoken media overlays), HTML, text.

Students read with NVDA or JAWS in Word, on a braille display or in a phone's EPUB
reader, so an export keeps what those tools navigate by: real heading styles, tables
with marked header rows, figures with alternative text, page markers, and each run of
text tagged with its language so the screen reader switches voice. ``export_document``
is a plain function with a progress callback; the app runs it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from guidelight.core.errors import GuideLightError
from guidelight.core.model import Document
from guidelight.export.structure import Block, ImageBytes, Progress
from guidelight.speech.backend import SpeechBackend

FORMATS = ("docx", "epub", "html", "txt")


def _no_images(_: Block) -> bytes | None:
    return None


def export_document(
    doc: Document,
    out: str | Path,
    fmt: str,
    *,
    images: ImageBytes = _no_images,
    progress: Progress | None = None,
    audio: bool = False,
    pronunciations: Mapping[str, str] | None = None,
    speech_backend: SpeechBackend | None = None,
    voice: str | None = None,
) -> Path:
    """Write ``doc`` to ``out`` as ``fmt`` (docx, epub, html or txt) and return the path.

    ``images`` gives a figure's PNG; ``progress(done, total, what)`` is called as pages
    are written. ``audio`` adds media overlays to an EPUB, spoken with the course's
    ``pronunciations``, by ``voice`` (an id from ``guidelight voices``; default: the best voice
    of each language). The file appears only when complete (written beside it, then renamed).
    """
    if fmt not in FORMATS:
        raise GuideLightError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if audio and fmt != "epub":
        raise GuideLightError("spoken audio (--audio) is only for EPUB exports")
    target = Path(out)
    if target.is_dir():
        raise GuideLightError(f"{target} is a folder; give the file to write")
    partial = target.with_name(target.name + ".part")
    try:
        _write(doc, partial, fmt, images, progress, audio, pronunciations, speech_backend, voice)
        _require_text(doc)  # checked once its pages are made (with progress), before the file appears
        partial.replace(target)
    except OSError as exc:
        raise GuideLightError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def _require_text(doc: Document) -> None:
    """Refuse, as ``extract`` does, a document with nothing to read: a file holding only
    "This page could not be read" is no export (``DocumentError``; nothing is written)."""
    from guidelight.extract.pdf import require_text

    require_text(doc)


def _write(
    doc: Document,
    out: Path,
    fmt: str,
    images: ImageBytes,
    progress: Progress | None,
    audio: bool,
    pronunciations: Mapping[str, str] | None,
    speech_backend: SpeechBackend | None,
    voice: str | None,
) -> None:
    if fmt == "txt":
        text = doc.reading_text()
        if progress is not None:
            progress(doc.page_count, doc.page_count, "text")
        out.write_text(text + "\n", encoding="utf-8")
    elif fmt == "html":
        from guidelight.export.html import write_html

        write_html(doc, out, images, progress)
    elif fmt == "docx":
        from guidelight.export.docx import write_docx

        write_docx(doc, out, images, progress)
    else:
        from guidelight.export.audio import OverlaySpeech
        from guidelight.export.epub import write_epub

        speech = OverlaySpeech(speech_backend, pronunciations, voice=voice) if audio else None
        write_epub(doc, out, images, progress, speech)
