"""EPUB 3: one content document per page, a navigation document with the headings and a
page list, and optionally media overlays made with Guide Light's own speech.

One XHTML file per page keeps every page's audio and SMIL small, lets a reader jump to
a printed page (the page list), and lets the book be written page by page without
holding the whole document in memory. A table that runs over a page break is one table,
as in the other formats, so the page it runs on to shares its content document (one
table cannot span two files); that page's marker stands in the cell where it starts.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path

from guidelight.core.model import Document
from guidelight.export.audio import OverlaySpeech, PageAudio, book_clips
from guidelight.export.markup import STYLE, body_markup
from guidelight.export.structure import (
    Block,
    BlockKind,
    ImageBytes,
    Progress,
    carries_on,
    document_blocks,
    runs_on,
)

ACTIVE_CLASS = "-epub-media-overlay-active"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def clock(seconds: float) -> str:
    """A SMIL full clock value, h:mm:ss.fff."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def xhtml(title: str, body: str, head: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        ' lang="th" xml:lang="th">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{escape(title)}</title>\n{head}</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def smil(page_file: str, audio_file: str, audio: PageAudio) -> str:
    pars = "\n".join(
        f'<par id="par{i}"><text src="../pages/{page_file}#{clip.target}"/>'
        f'<audio src="../audio/{audio_file}" clipBegin="{clock(clip.begin)}" clipEnd="{clock(clip.end)}"/></par>'
        for i, clip in enumerate(audio.clips, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
        f"<body>\n{pars}\n</body>\n</smil>\n"
    )


class _Book:
    """Collects the package's items while pages are written into the zip."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.manifest: list[str] = []
        self.spine: list[str] = []
        self.durations: list[tuple[str, float]] = []
        self.toc: list[tuple[int, str, str]] = []  # level, title, href
        self.pages: list[tuple[str, str]] = []  # label, href

    def add(self, href: str, data: str | bytes, item_id: str, media_type: str, extra: str = "") -> None:
        self.archive.writestr(f"EPUB/{href}", data)
        self.manifest.append(f'<item id="{item_id}" href="{href}" media-type="{media_type}"{extra}/>')


def _nav(title: str, book: _Book) -> str:
    toc = book.toc or [(1, f"หน้า {label}", href) for label, href in book.pages]
    items = "\n".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for _, text, href in toc)
    pages = "\n".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in book.pages)
    body = (
        f'<nav epub:type="toc" id="toc"><h1>{escape(title)}</h1>\n<ol>\n{items}\n</ol></nav>\n'
        f'<nav epub:type="page-list" id="page-list" hidden="hidden"><h2>หน้า</h2>\n<ol>\n{pages}\n</ol></nav>'
    )
    return xhtml(title, body)


def _package(doc: Document, book: _Book, modified: str) -> str:
    identifier = uuid.UUID(doc.content_hash[:32]) if len(doc.content_hash) >= 32 else uuid.uuid4()
    meta = [
        f'<dc:identifier id="uid">urn:uuid:{identifier}</dc:identifier>',
        f"<dc:title>{escape(doc.title)}</dc:title>",
        "<dc:language>th</dc:language>",
        f'<meta property="dcterms:modified">{modified}</meta>',
    ]
    if book.durations:
        meta += [f'<meta property="media:duration" refines="#{mid}">{clock(s)}</meta>' for mid, s in book.durations]
        meta.append(f'<meta property="media:duration">{clock(sum(s for _, s in book.durations))}</meta>')
        meta.append(f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="th">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n' + "\n".join(meta) + "\n</metadata>\n"
        "<manifest>\n" + "\n".join(book.manifest) + "\n</manifest>\n"
        "<spine>\n" + "\n".join(f'<itemref idref="{i}"/>' for i in book.spine) + "\n</spine>\n</package>\n"
    )


def write_epub(
    doc: Document,
    out: Path,
    images: ImageBytes,
    progress: Progress | None = None,
    speech: OverlaySpeech | None = None,
) -> None:
    """Write ``doc`` as EPUB 3; with ``speech``, every page gets audio and a media overlay."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        book = _Book(archive)
        book.add("style.css", STYLE, "css", "text/css")
        for blocks in content_documents(document_blocks(doc, progress)):
            _write_document(doc, book, blocks, images, speech)
        book.add("nav.xhtml", _nav(doc.title, book), "nav", "application/xhtml+xml", ' properties="nav"')
        modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        archive.writestr("EPUB/package.opf", _package(doc, book, modified))


def content_documents(blocks: Iterable[Block]) -> Iterator[list[Block]]:
    """The blocks of each content document: one page's, or several pages' when a table
    or a paragraph runs on from one to the next."""
    group: list[Block] = []
    last: Block | None = None  # the last block of the page before, page marker aside
    for _, page in itertools.groupby(blocks, key=lambda b: b.page.number):
        page_blocks = list(page)
        content = [b for b in page_blocks if b.kind is not BlockKind.PAGE]
        if group and not (content and (carries_on(last, content[0]) or runs_on(last, content[0]))):
            yield group
            group = []
        group += page_blocks
        last = content[-1] if content else None
    if group:
        yield group


def _write_document(
    doc: Document, book: _Book, blocks: list[Block], images: ImageBytes, speech: OverlaySpeech | None
) -> None:
    pages = [b.page for b in blocks if b.kind is BlockKind.PAGE]
    name = f"p{pages[0].number:04d}"
    page_file = f"{name}.xhtml"

    def image_src(block: Block) -> str | None:
        png = images(block)
        if not png:
            return None
        href = f"images/{block.id}.png"
        book.add(href, png, f"img-{block.id}", "image/png")
        return f"../{href}"

    markup = body_markup(blocks, image_src, epub=True, sentence_ids=speech is not None)
    for block in blocks:
        if block.kind is BlockKind.PAGE:
            book.pages.append((block.label, f"pages/{page_file}#{block.id}"))
        elif block.kind is BlockKind.HEADING:
            book.toc.append((block.level, " ".join(block.text.split()), f"pages/{page_file}#{block.id}"))
    overlay = ""
    if speech is not None:
        clips = book_clips(pages)  # a sentence a page break cut is said in one breath
        audio = speech.page([dataclasses.replace(c, target=markup.aliases.get(c.target, c.target)) for c in clips])
        if audio is not None:
            book.add(f"audio/{name}.mp3", audio.mp3, f"au-{name}", "audio/mpeg")
            smil_doc = smil(page_file, f"{name}.mp3", audio)
            book.add(f"overlays/{name}.smil", smil_doc, f"mo-{name}", "application/smil+xml")
            book.durations.append((f"mo-{name}", audio.seconds))
            overlay = f' media-overlay="mo-{name}"'
    head = '<link rel="stylesheet" type="text/css" href="../style.css"/>\n'
    numbers = "–".join(dict.fromkeys(str(page.number) for page in (pages[0], pages[-1])))
    title = f"{doc.title} — {numbers}"
    book.add(f"pages/{page_file}", xhtml(title, "\n".join(markup.parts), head), name, "application/xhtml+xml", overlay)
    book.spine.append(name)
