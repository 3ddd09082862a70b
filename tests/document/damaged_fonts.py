"""PDFs whose embedded Thai font says nothing about some glyphs, as real producers make them.

A page is written with Garuda (so its glyphs really are Thai), then its font is stripped
the way Distiller, Quartz and InDesign subsets come: no glyph names, no cmap for the Thai
block, no GSUB. Its ToUnicode is rewritten so that chosen characters' glyphs say what the
producer wrongly says: U+FFFD, a Latin-1 letter, an ASCII stand-in, or sara am for sara aa.
"""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from fontTools.ttLib import TTFont

GARUDA = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")


def _stripped_font() -> tuple[bytes, dict[int, int]]:
    """Garuda with nothing left to name a Thai glyph, and the code -> gid map it had."""
    font = TTFont(str(GARUDA))
    cmap = font.getBestCmap()
    order = font.getGlyphOrder()
    gids = {code: order.index(name) for code, name in cmap.items()}
    font["post"].formatType = 3.0  # no glyph names
    for table in font["cmap"].tables:
        table.cmap = {code: name for code, name in table.cmap.items() if not 0x0E00 <= code <= 0x0E7F and code < 0xE000}
    if "GSUB" in font:
        del font["GSUB"]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), gids


def _to_unicode(mapping: dict[int, str]) -> bytes:
    entries = "\n".join(f"<{gid:04x}> <{''.join(f'{ord(ch):04x}' for ch in text)}>" for gid, text in sorted(mapping.items()))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <ffff> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


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
            doc.update_stream(to_unicode, _to_unicode(mapping))
    doc.save(path)
    return path
