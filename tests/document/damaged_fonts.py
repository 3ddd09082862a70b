"""PDFs whose embedded Thai font says nothing about some glyphs, as real producers make them.

A page is written with Garuda (so its glyphs really are Thai), then its font is stripped
the way Distiller, Quartz and InDesign subsets come: no glyph names, no cmap for the Thai
block, no GSUB. Its ToUnicode is rewritten so that chosen characters' glyphs say what the
producer wrongly says: U+FFFD, a Latin-1 letter, an ASCII stand-in, or sara am for sara aa.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pymupdf
from fontTools.ttLib import TTFont

from guidelight.extract.to_unicode import read_to_unicode, write_to_unicode

GARUDA = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
UPPER_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")


def _stripped(font: TTFont) -> bytes:
    """``font`` with nothing left to name a Thai glyph: no glyph names, no Unicode cmap entry
    for Thai or the private-use shifted forms, no GSUB. A simple font's own code tables
    ((3,0), (1,0)) stay: without them it could not be drawn at all."""
    font["post"].formatType = 3.0
    for table in font["cmap"].tables:
        if (table.platformID, table.platEncID) not in ((3, 0), (1, 0)):
            table.cmap = {c: n for c, n in table.cmap.items() if not 0x0E00 <= c <= 0x0E7F and not 0xE000 <= c <= 0xF8FF}
    if "GSUB" in font:
        del font["GSUB"]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _stripped_font() -> tuple[bytes, dict[int, int]]:
    """Garuda stripped (``_stripped``), and the code -> gid map it had."""
    font = TTFont(str(GARUDA))
    order = font.getGlyphOrder()
    gids = {code: order.index(name) for code, name in font.getBestCmap().items()}
    return _stripped(font), gids


def remapped_marks(source: Path, path: Path, says: Callable[[int], str]) -> Path:
    """A real producer's PDF (shaped, its marks placed by the font) with every embedded
    TrueType font stripped (``_stripped``) and every glyph its ToUnicode maps to a Thai upper
    mark mapped instead to ``says(n)``, n counting those glyphs: U+FFFD, a Latin-1 letter,
    an ASCII stand-in or a private-use code, as InDesign, Distiller and Quartz give them."""
    doc = pymupdf.open(source)
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        if "/FontFile2" in obj:
            program = int(obj.split("/FontFile2")[1].split()[0])
            doc.update_stream(program, _stripped(TTFont(io.BytesIO(doc.xref_stream(program)))))
        if "/ToUnicode" in obj:
            cmap = int(obj.split("/ToUnicode")[1].split()[0])
            mapping, digits = read_to_unicode(doc.xref_stream(cmap).decode("latin-1"))
            marks = [code for code, text in sorted(mapping.items()) if text in UPPER_MARKS]
            mapping.update({code: says(n) for n, code in enumerate(marks)})
            doc.update_stream(cmap, write_to_unicode(mapping, digits))
    doc.save(path)
    return path


def damaged_pdf(path: Path, lines: list[str], says: dict[str, str], *, size: float = 16) -> Path:
    """A page of ``lines`` in a nameless Garuda whose ToUnicode gives, for each character
    in ``says``, the text it maps to instead (``{"\u0e48": "\ufffd"}``)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    for n, text in enumerate(lines):
        page.insert_text((60, 80 + n * 2 * size), text, fontname="G", fontsize=size)
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    font_bytes, gids = _stripped_font()
    used = {ch for text in lines for ch in text}
    mapping = {gids[ord(ch)]: says.get(ch, ch) for ch in used if ord(ch) in gids}
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        if "/FontFile2" in obj:
            font_file = int(obj.split("/FontFile2")[1].split()[0])
            doc.update_stream(font_file, font_bytes)
        if "/ToUnicode" in obj:
            to_unicode = int(obj.split("/ToUnicode")[1].split()[0])
            doc.update_stream(to_unicode, write_to_unicode(mapping))
    doc.save(path)
    return path
