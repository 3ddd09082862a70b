"""PDFs whose embedded Thai font says nothing about some glyphs, as real producers make them.

A page is written with Garuda (so its glyphs really are Thai), then its font is stripped
the way Distiller, Quartz and InDesign subsets come: no glyph names, no cmap for the Thai
block, no GSUB. Its ToUnicode is rewritten so that chosen characters' glyphs say what the
producer wrongly says: U+FFFD, a Latin-1 letter, an ASCII stand-in, or sara am for sara aa.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from pathlib import Path

import pymupdf
from fontTools import agl
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

from guidelight.extract.to_unicode import read_to_unicode, write_to_unicode
from guidelight.thai.repair import is_mark

GARUDA = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
GARUDA_BOLD = Path("/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf")
LOMA = Path("/usr/share/fonts/truetype/tlwg/Loma.ttf")
UPPER_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d")


def _unnamed(code: int) -> bool:
    return 0x0E00 <= code <= 0x0E7F or 0xE000 <= code <= 0xF8FF


def _stripped(font: TTFont, unnamed: Callable[[int], bool] = _unnamed) -> bytes:
    """``font`` with nothing left to name a Thai glyph: no glyph names, no Unicode cmap entry
    for Thai or the private-use shifted forms (or for the code points ``unnamed`` picks), no
    GSUB. A simple font's own code tables ((3,0), (1,0)) stay: without them it could not be
    drawn at all."""
    font["post"].formatType = 3.0
    for table in font["cmap"].tables:
        if (table.platformID, table.platEncID) not in ((3, 0), (1, 0)):
            table.cmap = {c: n for c, n in table.cmap.items() if not unnamed(c)}
    if "GSUB" in font:
        del font["GSUB"]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@functools.cache
def _stripped_font(source: Path = GARUDA) -> tuple[bytes, dict[int, int]]:
    """A TLWG font (Garuda unless told) stripped (``_stripped``), and the code -> gid map it had."""
    font = TTFont(str(source))
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
    return _with_stripped_fonts(doc, path, lines, lambda _obj: (GARUDA, says))


def placed_pdf(path: Path, placed: list[tuple[str, float, float]], says: dict[str, str], *, size: float = 16) -> Path:
    """A page of texts each at its own baseline origin, in a nameless Garuda whose ToUnicode
    gives, for each character in ``says``, the text it maps to instead."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    for text, x, y in placed:
        page.insert_text((x, y), text, fontname="G", fontsize=size)
    return _with_stripped_fonts(doc, path, [text for text, _x, _y in placed], lambda _obj: (GARUDA, says))


def unmapped_pdf(path: Path, lines: list[str], unnamed: str, *, size: float = 16, says: str = "\ufffd") -> Path:
    """A page of ``lines`` in a Garuda that names its letters only in its cmap, with no
    ToUnicode (every Thai glyph reads U+FFFD, or what ``says``) and no name at all for the
    characters of ``unnamed``: iOS's Quartz writes TH SarabunPSK so, its shifted marks
    unnamed (b16_21); Word pasting an Excel chart maps Tahoma's Thai to spaces (b17_12)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    for n, text in enumerate(lines):
        page.insert_text((60, 80 + n * 2 * size), text, fontname="G", fontsize=size)
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    program = _stripped(TTFont(str(GARUDA)), lambda code: chr(code) in unnamed)
    mapped = {ch: says for text in lines for ch in text if "\u0e01" <= ch <= "\u0e5b"}
    gids = _stripped_font(GARUDA)[1]
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        for key in ("BaseFont", "FontName"):  # one name, the subset's, as Quartz writes it
            if f"/{key}" in obj:
                doc.xref_set_key(xref, key, "/AAAAAJ+Garuda")
        if "/FontFile2" in obj:
            doc.update_stream(int(obj.split("/FontFile2")[1].split()[0]), program)
        if "/ToUnicode" in obj:
            mapping = {gids[ord(ch)]: mapped.get(ch, ch) for text in lines for ch in text if ord(ch) in gids}
            doc.update_stream(int(obj.split("/ToUnicode")[1].split()[0]), write_to_unicode(mapping))
    doc.save(path)
    return path


def raised_marks_pdf(path: Path, lines: list[str], says: dict[str, str], *, size: float = 16) -> Path:
    """A page of ``lines`` as Microsoft Print To PDF sets a raised tone mark: drawn apart, a
    little higher than its letter, so that MuPDF reads it as a span of its own. The font is a
    nameless Garuda whose ToUnicode gives, for each character in ``says``, what it maps to."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    advances = pymupdf.Font(fontfile=str(GARUDA))
    for n, text in enumerate(lines):
        x, y = 60.0, 80 + n * 2 * size
        for char, advance in zip(text, advances.char_lengths(text, fontsize=size), strict=True):
            raised = 0.2 * size if char in "\u0e48\u0e49\u0e4a\u0e4b" else 0.0
            page.insert_text((x, y - raised), char, fontname="G", fontsize=size)
            x += advance
    return _with_stripped_fonts(doc, path, lines, lambda _obj: (GARUDA, says))


def _with_stripped_fonts(doc: pymupdf.Document, path: Path, lines: list[str],
                         pick: Callable[[str], tuple[Path, dict[str, str]]]) -> Path:
    """``doc`` saved at ``path`` with each embedded font stripped (``_stripped_font`` of the
    TLWG source ``pick`` names from the font object's text) and its ToUnicode giving, for
    the characters of ``lines``, what ``pick``'s map says instead."""
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    used = {ch for text in lines for ch in text}
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        source, says = pick(obj)
        if "/FontFile2" in obj:
            font_file = int(obj.split("/FontFile2")[1].split()[0])
            doc.update_stream(font_file, _stripped_font(source)[0])
        if "/ToUnicode" in obj:
            gids = _stripped_font(source)[1]
            mapping = {gids[ord(ch)]: says.get(ch, ch) for ch in used if ord(ch) in gids}
            to_unicode = int(obj.split("/ToUnicode")[1].split()[0])
            doc.update_stream(to_unicode, write_to_unicode(mapping))
    doc.save(path)
    return path


def _in_two_fonts(first: Path, lines: list[str], second: Path, other_lines: list[str]) -> pymupdf.Document:
    """A page of ``lines`` in font ``first`` (resource A), then ``other_lines`` in ``second``
    (resource B), a line every 32 points."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="A", fontfile=str(first))
    page.insert_font(fontname="B", fontfile=str(second))
    for n, text in enumerate([*lines, *other_lines]):
        page.insert_text((60, 80 + n * 32), text, fontname="A" if n < len(lines) else "B", fontsize=16)
    return doc


def two_weights_pdf(path: Path, lines: list[str], bold_lines: list[str], bold_says: dict[str, str]) -> Path:
    """A page of ``lines`` in a nameless Garuda whose ToUnicode is right, then ``bold_lines``
    in a nameless Garuda Bold whose ToUnicode gives, for each character in ``bold_says``,
    what it maps to instead: a Word document's body and its bold headings through Quartz."""
    doc = pymupdf.open("pdf", _in_two_fonts(GARUDA, lines, GARUDA_BOLD, bold_lines).tobytes(garbage=3))
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        for key in ("BaseFont", "FontName"):  # subset names, as Quartz writes them
            if f"/{key}" in obj:
                doc.xref_set_key(xref, key, "/AAAAAE+Garuda-Bold" if "Bold" in obj else "/AAAAAC+Garuda")
    return _with_stripped_fonts(doc, path, lines + bold_lines,
                                lambda obj: (GARUDA_BOLD, bold_says) if "Bold" in obj else (GARUDA, {}))


def kerned_marks_pdf(path: Path, lines: list[str], says: dict[str, str], *, size: float = 12) -> Path:
    """A page of ``lines`` as LibreOffice 6 writes Garuda: each line one TJ of glyph ids, every
    mark kerned 0.78 of a point back, so that the glyph trace and MuPDF's reading put marks at
    places a point apart. The font is a nameless Garuda whose ToUnicode gives, for each
    character in ``says``, what it maps to instead; write sara am as its ring and sara aa
    ("ํา") to draw it in two parts."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = page.insert_font(fontname="G", fontfile=str(GARUDA))
    gids = _stripped_font()[1]
    stream = []
    for n, text in enumerate(lines):
        glyphs = " ".join(f"{78 if is_mark(ch) else ''} <{gids[ord(ch)]:04X}>" for ch in text)
        stream.append(f"BT /G {size} Tf 60 {page.rect.height - 80 - n * 2 * size} Td [{glyphs}] TJ ET")
    contents = doc.get_new_xref()
    doc.update_object(contents, "<<>>")
    doc.update_stream(contents, "\n".join(stream).encode())
    doc.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
    widths = pymupdf.Font(fontfile=str(GARUDA))
    used = sorted({ch for text in lines for ch in text})
    doc.xref_set_key(font, "BaseFont", "/Garuda")  # one name, as LibreOffice's simple font has
    descendant = int(doc.xref_get_key(font, "DescendantFonts")[1].strip("[] ").split()[0])
    doc.xref_set_key(descendant, "W", "[" + " ".join(
        f"{gids[ord(ch)]} [{round(1000 * widths.glyph_advance(ord(ch)))}]" for ch in used) + "]")
    return _with_stripped_fonts(doc, path, lines, lambda _obj: (GARUDA, says))


def shadowed_pdf(path: Path, lines: list[str], says: dict[str, str], shadow_says: dict[str, str]) -> Path:
    """A page of ``lines`` as Canva draws text with a shadow: each line first in a grey
    nameless Loma (the shadow, its ToUnicode giving ``shadow_says``) glyph by glyph at the
    text's own origins, then in a nameless Garuda (the text, its ToUnicode giving ``says``)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="L", fontfile=str(LOMA))
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    advances = pymupdf.Font(fontfile=str(GARUDA))
    for n, text in enumerate(lines):
        # the shadow's glyphs stand where the text's do, as a copy of the same text would
        x = 60.0
        for char, advance in zip(text, advances.char_lengths(text, fontsize=20), strict=True):
            page.insert_text((x, 80 + n * 40), char, fontname="L", fontsize=20, color=(0.6, 0.6, 0.6))
            x += advance
        page.insert_text((60, 80 + n * 40), text, fontname="G", fontsize=20)
    return _with_stripped_fonts(doc, path, lines, lambda obj: (LOMA, shadow_says) if "Loma" in obj else (GARUDA, says))


def subsets_pdf(path: Path, lines: list[str], other_lines: list[str], says: dict[str, str]) -> Path:
    """A page as Quartz writes one font many times over: two nameless subsets of Garuda under
    one name (``AAAAAA+ThaiSub``, ``AAAAAB+ThaiSub``), each numbering its glyphs its own way.
    ``lines`` are drawn in the first; ``other_lines`` in the second, whose glyph number for
    mai ek draws mai tho and whose number for mai tho draws mai ek. Each ToUnicode gives, for
    the characters in ``says``, what it maps that glyph number to instead. The subsets'
    descriptors differ in their ascent, as Quartz's do."""
    swap = str.maketrans("\u0e48\u0e49", "\u0e49\u0e48")
    other = TTFont(str(GARUDA))
    glyf, hmtx, cmap = other["glyf"], other["hmtx"], other.getBestCmap()
    ek, tho = cmap[0x0E48], cmap[0x0E49]
    glyf[ek], glyf[tho] = glyf[tho], glyf[ek]
    hmtx[ek], hmtx[tho] = hmtx[tho], hmtx[ek]
    swapped = path.with_name(f"{path.stem}-subset.ttf")
    other.save(str(swapped))
    doc = _in_two_fonts(GARUDA, lines, swapped, [text.translate(swap) for text in other_lines])
    for xref, *_, resource, _encoding in doc[0].get_fonts():
        tag = "AAAAAB" if resource == "B" else "AAAAAA"
        descendant = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
        descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
        for font in (xref, descendant):
            doc.xref_set_key(font, "BaseFont", f"/{tag}+ThaiSub")
        doc.xref_set_key(descriptor, "FontName", f"/{tag}+ThaiSub")
        if resource == "B":
            doc.xref_set_key(descriptor, "Ascent", "1200")
    drawn = [*lines, *(text.translate(swap) for text in other_lines)]
    return _with_stripped_fonts(doc, path, drawn, lambda obj: (swapped if "AAAAAB" in obj else GARUDA, says))


def _agl_name(char: str) -> str:
    """The Adobe Glyph List name of a Thai character (``roruathai``), as Apple's fonts
    name their glyphs."""
    return next(name for name, codes in agl.LEGACY_AGL2UV.items() if codes == [ord(char)])


def cluster_glyph_pdf(path: Path, words: list[str], clusters: dict[str, str]) -> Path:
    """A page as Quartz writes Safari's Thai in Thonburi: a TrueType font drawn as a simple
    font with no /Encoding, whose glyphs are named after the Adobe Glyph List and some of
    which draw a whole cluster (``roruathai_thanthakhatthai``: ร์). The ToUnicode maps a
    cluster glyph to its code's own character, as ``clusters`` says (``{"ร์": "&"}``: the
    code is that character's), and every other glyph to its letter.

    Each word is written code by code: a cluster in ``clusters`` as its one glyph, any
    other character as its own glyph."""
    source = TTFont(str(GARUDA))
    cmap = source.getBestCmap()
    glyf, hmtx = source["glyf"], source["hmtx"]
    order = [".notdef"]
    codes: dict[str, int] = {}  # cluster or character -> code
    next_code = iter(c for c in range(0x21, 0x100) if chr(c) not in clusters.values())
    units: list[str] = []
    for word in words:
        k = 0
        while k < len(word):
            unit = next((c for c in clusters if word.startswith(c, k)), word[k])
            units.append(unit)
            k += len(unit)
    for unit in dict.fromkeys(units):
        name = "_".join(_agl_name(ch) for ch in unit)
        parts = [cmap[ord(ch)] for ch in unit]
        if len(parts) == 1:
            glyph = glyf[parts[0]]
        else:
            glyph = Glyph()
            glyph.numberOfContours = -1
            glyph.components = []
            for part in parts:
                component = GlyphComponent()
                component.glyphName, component.x, component.y, component.flags = part, 0, 0, 0
                glyph.components.append(component)
        glyf[name] = glyph
        hmtx[name] = hmtx[parts[0]]
        order.append(name)
        codes[unit] = ord(clusters[unit]) if unit in clusters else next(next_code)
    source.setGlyphOrder(order + [n for n in source.getGlyphOrder() if n not in order])
    table = CmapSubtable.newSubtable(6)
    table.platformID, table.platEncID, table.language = 1, 0, 0
    table.cmap = {code: unit_name for unit_name, code in ((("_".join(_agl_name(c) for c in u)), codes[u]) for u in codes)}
    source["cmap"].tables = [table]
    if "GSUB" in source:
        del source["GSUB"]
    buffer = io.BytesIO()
    source.save(buffer)
    advances = {codes[u]: hmtx["_".join(_agl_name(c) for c in u)][0] for u in codes}  # Garuda: 1,000 units an em
    return _simple_font_page(path, buffer.getvalue(), units, codes, clusters, advances)


def _simple_font_page(
    path: Path, program: bytes, units: list[str], codes: dict[str, int], clusters: dict[str, str],
    advances: dict[int, int],
) -> Path:
    """One page drawing ``units`` in ``program`` as a simple TrueType font, and its ToUnicode."""
    doc = pymupdf.open()
    to_unicode = {code: clusters.get(unit, unit) for unit, code in codes.items()}
    _add_simple_font_page(doc, "AAAAAG+Thonburi", program, [codes[unit] for unit in units], to_unicode, advances)
    doc.save(path)
    return path


def _add_simple_font_page(
    doc: pymupdf.Document, name: str, program: bytes, shown: list[int], to_unicode: dict[int, str],
    advances: dict[int, int],
) -> None:
    """A page drawing the codes ``shown`` in ``program`` as a simple TrueType font ``name``
    with the map ``to_unicode``, and widths for the codes in ``advances``."""
    page = doc.new_page(width=595, height=842)
    first, last = min(advances), max(advances)

    def stream(data: bytes) -> int:
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, data)
        return xref

    font_file = stream(program)
    cmap = stream(write_to_unicode(to_unicode, 2))
    descriptor = doc.get_new_xref()
    doc.update_object(descriptor, f"<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [0 -300 1000 900] "
                                  f"/ItalicAngle 0 /Ascent 900 /Descent -300 /CapHeight 700 /StemV 80 /FontFile2 {font_file} 0 R >>")
    widths = " ".join(str(advances.get(code, 0)) for code in range(first, last + 1))
    font = doc.get_new_xref()
    doc.update_object(font, f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar {first} "
                            f"/LastChar {last} /Widths [{widths}] /FontDescriptor {descriptor} 0 R /ToUnicode {cmap} 0 R >>")
    text = "".join(f"{code:02x}" for code in shown)
    content = stream(f"BT /F1 16 Tf 60 760 Td <{text}> Tj ET".encode())
    doc.xref_set_key(page.xref, "Resources", f"<< /Font << /F1 {font} 0 R >> >>")
    doc.xref_set_key(page.xref, "Contents", f"{content} 0 R")


def partial_map_subsets_pdf(path: Path, pages: list[str], left_out: str) -> Path:
    """Pages each in a subset of Garuda of its own, drawn as a simple TrueType font with
    no glyph names, its codes given in order of first use from 0x21 (as Acrobat 8 writes
    them); the last page's ToUnicode leaves out the characters of ``left_out``, and MuPDF
    reads their codes as the codes' own characters."""
    doc = pymupdf.open()
    source = TTFont(str(GARUDA))
    cmap, hmtx = source.getBestCmap(), source["hmtx"]
    for n, text in enumerate(pages):
        codes = {char: 0x21 + k for k, char in enumerate(dict.fromkeys(text))}
        font = TTFont(str(GARUDA))
        table = CmapSubtable.newSubtable(6)
        table.platformID, table.platEncID, table.language = 1, 0, 0
        table.cmap = {code: cmap[ord(char)] for char, code in codes.items()}
        font["cmap"].tables = [table]
        last = n == len(pages) - 1
        to_unicode = {code: char for char, code in codes.items() if not (last and char in left_out)}
        advances = {code: hmtx[cmap[ord(char)]][0] or 500 for char, code in codes.items()}
        _add_simple_font_page(doc, f"AAAAA{chr(0x41 + n)}+AngsanaNew", _stripped(font),
                              [codes[char] for char in text], to_unicode, advances)
    doc.save(path)
    return path


def ranged_map_pdf(path: Path, lines: list[str], says: dict[str, str]) -> Path:
    """A page of ``lines`` in Garuda (its cmap intact) whose ToUnicode gives, for each
    character in ``says``, the text it maps to instead, written as PowerPoint writes its
    maps: in ranges whose destinations are an array (``<00AA> <00AB> [<0E270E07> <0E28>]``),
    and the font's descendant array as an object of its own."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    for n, text in enumerate(lines):
        page.insert_text((60, 80 + n * 32), text, fontname="G", fontsize=16)
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref)
        if "/ToUnicode" in obj and "/DescendantFonts" in obj:
            _, descendants = doc.xref_get_key(xref, "DescendantFonts")
            held = doc.get_new_xref()
            doc.update_object(held, descendants)
            doc.xref_set_key(xref, "DescendantFonts", f"{held} 0 R")
            cmap = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            mapping, _ = read_to_unicode(doc.xref_stream(cmap).decode("latin-1"))
            wrong = {code: says[text] for code, text in mapping.items() if text in says}
            plain = write_to_unicode({code: text for code, text in mapping.items() if code not in wrong}).decode()
            ranges = "".join(
                f"<{code:04x}> <{code:04x}> [<{text.encode('utf-16-be').hex()}>]\n" for code, text in wrong.items()
            )
            doc.update_stream(cmap, plain.replace("endcmap", f"{len(wrong)} beginbfrange\n{ranges}endbfrange\nendcmap").encode())
    doc.save(path)
    return path


MONO = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
_EMPTY_TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
                     b"/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange endcmap "
                     b"CMapName currentdict /CMap defineresource pop end end")


def _nameless(program: bytes) -> bytes:
    """A font program that names none of its glyphs: no cmap entries, no glyph names."""
    font = TTFont(io.BytesIO(program))
    font["post"].formatType = 3.0
    for table in font["cmap"].tables:
        table.cmap = {}
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def code_in_nameless_font_pdf(path: Path, thai: list[str], code: list[str], *, dark: bool = False) -> Path:
    """A textbook page: ``thai`` lines in Garuda, then ``code`` lines in DejaVu Sans Mono
    embedded as Quartz embeds a code font: an empty ToUnicode and a program that names no
    glyph, so nothing in the file says what its glyphs are (MuPDF gives control codes).
    ``dark``: the code light on a dark box, as a notebook's cells are printed."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="G", fontfile=str(GARUDA))
    page.insert_font(fontname="M", fontfile=str(MONO))
    y = 80
    for text in thai:
        page.insert_text((60, y), text, fontname="G", fontsize=16)
        y += 28
    if dark:
        page.draw_rect(pymupdf.Rect(50, y - 16, 400, y + 20 * len(code) - 10), color=None, fill=(0.17, 0.17, 0.17))
    for text in code:
        page.insert_text((60, y), text, fontname="M", fontsize=12, color=(0.9, 0.9, 0.9) if dark else (0, 0, 0))
        y += 20
    doc = pymupdf.open("pdf", doc.tobytes(garbage=3))
    for font in doc[0].get_fonts(full=True):
        if "Mono" not in font[3]:
            continue
        doc.update_stream(int(doc.xref_get_key(font[0], "ToUnicode")[1].split()[0]), _EMPTY_TO_UNICODE)
        descendant = int(doc.xref_get_key(font[0], "DescendantFonts")[1].strip("[] ").split()[0])
        descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
        program = int(doc.xref_get_key(descriptor, "FontFile2")[1].split()[0])
        doc.update_stream(program, _nameless(doc.xref_stream(program)))
    doc.save(path)
    return path


def index_named_text(page: pymupdf.Page, point: tuple[float, float], text: str, size: float = 14) -> None:
    """``text`` set on ``page`` in Helvetica whose glyphs are named by their index alone, as
    the Windows PostScript driver sends a TrueType font through Distiller ("G33" for P, in
    TrueType's Macintosh order), with no ToUnicode: MuPDF reads "3ULQWHG" for Printed.
    The font keeps a name longer than MuPDF keeps, so spans name it cut short."""
    page.insert_text(point, text, fontname="helv", fontsize=size)
    font = next(font[0] for font in page.get_fonts() if font[4] == "helv")
    page.parent.xref_set_key(font, "BaseFont", "/GMNKEJ+MSTT31d0b4a012o27001005IS00")
    index_names = " ".join(f"/G{code - 29:x}" for code in range(32, 127))
    page.parent.xref_set_key(font, "Encoding", f"<< /Type /Encoding /Differences [32 {index_names}] >>")
