"""ToUnicode maps that contradict their own font, corrected before any text is read.

A PDF font's ToUnicode map says which text each glyph stands for; the embedded font's own
cmap says which character each glyph draws. WeasyPrint writes a glyph's text as what was
left of the first cluster it drew it in: น้ำ is drawn น ํ ้ า, so the nikhahit and the mai tho
map to nothing and sara aa to "้ำ", and every later า reads "้ำ" (ย้ำ for ยา: one character
in ten wrong). Where the font itself (its cmap, glyph names or substitutions) names the
Thai character a glyph draws and the ToUnicode says something else, the font is right: the map is rewritten in the open
document (the file is never changed), and MuPDF then reads the page as it is drawn.

Only composite (Type 0) fonts drawn by glyph id (Identity-H, and glyph ids equal to
character ids) are judged, and only when their map has the producer's signature, a glyph
mapped to nothing or to several Thai characters: other maps are not even parsed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import pymupdf
from fontTools import agl

from guidelight.extract.glyph_shapes import FontOutlines, Placement
from guidelight.extract.glyphs import code_chars, code_gids, descendant_font, font_key, glyph_chars, is_thai
from guidelight.thai.repair import PUA_TO_THAI

_THAI_FIRST, _THAI_LAST = 0x0E01, 0x0E5B
_MAX_CODE = 0xFFFF  # a two-byte code: all a composite font drawn by glyph id has
_MAX_SIBLINGS = 40  # subsets of one font compared for the codes a map leaves out, at most
_MAX_ENTRIES = 1 << 20  # range entries read before a map is judged hostile, not a font's
# A destination that is empty, or two or more Thai characters: after its code, or in a
# range's array of destinations (PowerPoint: ``<00AA> <00AB> [<0E270E07> <0E28>]``).
_SIGNATURE = re.compile(
    rb"(?:<[0-9a-fA-F]+>\s*|\[[^\]]*)<(?:|0[eE][0-9a-fA-F]{2}(?:[0-9a-fA-F]{4})+)>"
)
# A map entry giving a Thai mark (U+0E31, U+0E34-0E3A, U+0E47-0E4E): a map with none has no
# mark to be drawn out of place.
_MARK_TARGET = re.compile(rb"<0[eE](?:3[14-9aA]|4[7-9a-eA-E])>")
_ABOVE_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_BELOW_MARKS = frozenset("\u0e38\u0e39\u0e3a")
_TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_NIKHAHIT = "\u0e4d"
_MATH_LETTERS = ("\U0001d400", "\U0001d7ff")  # Mathematical Alphanumeric Symbols
_DOUBLED_MATH = re.compile(rb"<(D835[Dd][C-Fc-f][0-9A-Fa-f]{2})\1>", re.IGNORECASE)
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")
_RANGE = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])")


def read_to_unicode(cmap: str) -> tuple[dict[int, str], int]:
    """A ToUnicode CMap's code -> text map, and how many hex digits its codes are written
    with (2 for a simple font, 4 for a composite one). ``ValueError`` for a map whose
    ranges name more codes than any font has (a hostile file's)."""
    found: dict[int, str] = {}
    digits = 4
    for block in _BFCHAR.findall(cmap):
        for code, text in _PAIR.findall(block):
            found[int(code, 16)], digits = _utf16(text), len(code)
    work = 0
    for block in _BFRANGE.findall(cmap):
        for low, high, target in _RANGE.findall(block):
            first = int(low, 16)
            count = max(0, min(int(high, 16), _MAX_CODE) - first + 1)
            digits = len(low)
            work += count
            if work > _MAX_ENTRIES:
                raise ValueError("a ToUnicode map larger than any font needs")
            if target.startswith("["):
                for k, text in enumerate(re.findall(r"<([0-9a-fA-F]*)>", target)[:count]):
                    found[first + k] = _utf16(text)
            elif (start := _utf16(target[1:-1])):
                for k in range(count):
                    found[first + k] = start[:-1] + chr(min(ord(start[-1]) + k, 0x10FFFF))
    return found, digits


def write_to_unicode(mapping: dict[int, str], digits: int = 4) -> bytes:
    """A ToUnicode CMap of ``mapping``, its codes written with ``digits`` hex digits."""
    entries = "\n".join(
        f"<{code:0{digits}x}> <{text.encode('utf-16-be', 'surrogatepass').hex()}>"
        for code, text in sorted(mapping.items())
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        f"1 begincodespacerange <{'0' * digits}> <{'f' * digits}> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text[: len(hex_text) // 4 * 4]).decode("utf-16-be", "replace")


class ToUnicodeCorrector:
    """Per document: corrects each composite font's ToUnicode map (see the module's
    docstring) the first time a page uses the font, before any text of it is read."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self._judged: set[int] = set()
        self._families: dict[str, list[tuple[FontOutlines, dict[int, str]]]] = {}

    def correct(self, page: pymupdf.Page) -> None:
        """Correct the fonts ``page`` uses (call it before reading its text: MuPDF keeps a
        font's map once read). Damage is skipped, not raised: a font that cannot be judged
        is read as the file has it."""
        for xref, _ext, kind, *_rest in page.get_fonts():
            correct = _CORRECTORS.get(kind)
            if correct is None or xref in self._judged:
                continue
            self._judged.add(xref)
            try:
                correct(self.doc, xref)
                if kind == "TrueType":
                    self._name_left_out(xref)
            except Exception:  # a damaged font object: read as the file has it
                continue

    def _name_left_out(self, xref: int) -> None:
        """Give the codes a simple font draws but its map leaves out the character of the
        glyph drawn the same in a subset of its font that does map it. Acrobat 8 leaves some
        of a subset's codes out of its map: MuPDF read them as the codes' own characters, so
        a thesis's year 2557 was heard "@AA7" and its page numbers were wrong digits (the
        glyph of 5 under the code of "4"). A code no sibling names is left as it was."""
        known = _simple_font(self.doc, xref)
        if known is None:
            return
        mapping, digits, cmap_xref, program = known
        missing = [code for code in _drawn_codes(self.doc, xref) if code not in mapping]
        if not missing or not mapping:
            return
        family = self._family(font_key(self.doc.xref_get_key(xref, "BaseFont")[1].lstrip("/")))
        outlines, gids = FontOutlines(program), code_gids(program)
        named: dict[int, str] = {}
        for code in missing:
            target = outlines.outline(gids.get(code, -1))
            if target is None or not target.points:
                continue
            found = {char for other, chars in family for gid, char in chars.items()
                     if (outline := other.outline(gid)) is not None and outline.looks_like(target)}
            if len(found) == 1:
                named[code] = found.pop()
        if named:
            mapping.update(named)
            self.doc.update_stream(cmap_xref, write_to_unicode(mapping, digits))

    def _family(self, key: str) -> list[tuple[FontOutlines, dict[int, str]]]:
        """The glyphs each subset of font ``key`` in the document maps to one character, by
        glyph id, with the subset's outlines: read once, from ``_MAX_SIBLINGS`` subsets at most."""
        if key not in self._families:
            subsets: list[tuple[FontOutlines, dict[int, str]]] = []
            seen: set[int] = set()
            for number in range(self.doc.page_count):
                for xref, _ext, kind, name, *_rest in self.doc[number].get_fonts():
                    if kind != "TrueType" or xref in seen or font_key(name) != key or len(subsets) >= _MAX_SIBLINGS:
                        continue
                    seen.add(xref)
                    known = _simple_font(self.doc, xref)
                    if known is not None:
                        mapping, _digits, _cmap, program = known
                        gids = code_gids(program)
                        chars = {gids[code]: text for code, text in mapping.items() if code in gids and len(text) == 1}
                        subsets.append((FontOutlines(program), chars))
            self._families[key] = subsets
        return self._families[key]


def _correct_font(doc: pymupdf.Document, xref: int) -> None:
    """Correct one font's map, where its font contradicts it."""
    if doc.xref_get_key(xref, "Encoding") != ("name", "/Identity-H"):
        return
    kind, ref = doc.xref_get_key(xref, "ToUnicode")
    if kind != "xref":
        return
    cmap_xref = int(ref.split()[0])
    stream = doc.xref_stream(cmap_xref)
    signed = bool(stream) and bool(_SIGNATURE.search(stream))
    doubled = bool(stream) and bool(_DOUBLED_MATH.search(stream))
    if not stream or not (signed or doubled or _MARK_TARGET.search(stream)):
        return
    mapping, digits = read_to_unicode(stream.decode("latin-1"))
    wrong = _doubled_math_letters(mapping) if doubled else {}
    program = _identity_program(doc, xref)
    if program is not None:
        chars = functools.cache(functools.partial(_font_chars, program))  # parsed once, if at all
        wrong.update(_swapped_marks(mapping, {code: code for code in mapping}, program))
        wrong.update(_tone_marks_as_spaces(mapping, chars))
        if signed:
            drawn = chars()
            wrong.update({code: drawn[code] for code, text in mapping.items()
                          if code in drawn and text != drawn[code]})
    if wrong:
        mapping.update(wrong)
        doc.update_stream(cmap_xref, write_to_unicode(mapping, digits))


def _correct_simple_font(doc: pymupdf.Document, xref: int) -> None:
    """Correct the map of a Thai TrueType font drawn as a simple font with no encoding,
    where it gives a glyph the font names as Thai its own code's character instead:
    Quartz (Safari, macOS 11) writes ``&`` for Thonburi's ร์ glyph, ``1`` for สำ and
    ``Ç`` for another cluster, every glyph that draws more than one character. Only
    such stand-ins are replaced, and marks drawn where no such mark goes
    (``_swapped_marks``); other Thai entries are left as they are."""
    if doc.xref_get_key(xref, "Encoding")[0] != "null":
        return
    known = _simple_font(doc, xref)
    if known is None:
        return
    mapping, digits, cmap_xref, program = known
    if not any(is_thai(text) for text in mapping.values()):
        return  # not a Thai font: its codes' own characters may well be right
    wrong = _swapped_marks(mapping, code_gids(program), program)
    stand_ins = [code for code, text in mapping.items() if not _has_thai(text)]
    if stand_ins:
        drawn = code_chars(program)
        wrong.update({code: drawn[code] for code in stand_ins if is_thai(drawn.get(code, ""))})
    if wrong:
        mapping.update(wrong)
        doc.update_stream(cmap_xref, write_to_unicode(mapping, digits))


def _simple_font(doc: pymupdf.Document, xref: int) -> tuple[dict[int, str], int, int, bytes] | None:
    """A simple TrueType font's ToUnicode map (with its code width and stream's xref) and
    embedded program; None for a font without both."""
    kind, ref = doc.xref_get_key(xref, "ToUnicode")
    kind_program, program_ref = doc.xref_get_key(xref, "FontDescriptor/FontFile2")
    if kind != "xref" or kind_program != "xref":
        return None
    cmap_xref = int(ref.split()[0])
    mapping, digits = read_to_unicode(doc.xref_stream(cmap_xref).decode("latin-1"))
    return mapping, digits, cmap_xref, doc.xref_stream(int(program_ref.split()[0]))


def _drawn_codes(doc: pymupdf.Document, xref: int) -> list[int]:
    """The codes a simple font gives a width: those its pages draw."""
    kind, first = doc.xref_get_key(xref, "FirstChar")
    widths = doc.xref_get_key(xref, "Widths")
    if kind != "int" or widths[0] != "array":
        return []
    values = widths[1].strip("[]").split()
    return [int(first) + n for n, value in enumerate(values) if _number(value)]


def _number(text: str) -> bool:
    """Is ``text`` a nonzero number (a width in a font's /Widths)?"""
    try:
        return float(text) != 0
    except ValueError:
        return False


def _swapped_marks(mapping: dict[int, str], gids: dict[int, int], program: bytes) -> dict[int, str]:
    """The two codes whose marks the map gives each other's, corrected: one it gives a mark
    that goes below the letters while its glyph is drawn above them, and one it gives a mark
    that goes above while its glyph is drawn below.

    LibreOffice 6 maps the glyphs of a cluster to its characters by position, and Loma draws
    ู่ as the tone mark first: the mai ek glyph was mapped to sara uu and the sara uu glyph to
    mai ek, and every later word read wrong (เลูน for เล่น, ข้อม่ล for ข้อมูล). Only a single
    such pair is exchanged; a mark out of place without its partner is left as the map has it
    (the cluster it was mapped in still reads right)."""
    outlines: FontOutlines | None = None
    drawn_below, drawn_above = [], []
    for code, text in mapping.items():
        if (text not in _ABOVE_MARKS and text not in _BELOW_MARKS) or code not in gids:
            continue
        outlines = outlines or FontOutlines(program)
        outline = outlines.outline(gids[code])
        if outline is None:
            continue
        if text in _ABOVE_MARKS and outline.placement is Placement.BELOW:
            drawn_below.append(code)
        elif text in _BELOW_MARKS and outline.placement in (Placement.ABOVE, Placement.STACKED):
            drawn_above.append(code)
    if len(drawn_below) != 1 or len(drawn_above) != 1:
        return {}
    below, above = drawn_below[0], drawn_above[0]
    return {below: mapping[above], above: mapping[below]}


def _tone_marks_as_spaces(mapping: dict[int, str], font_chars: Callable[[], dict[int, str]]) -> dict[int, str]:
    """The glyphs the map calls a space that the font draws as a tone mark, given back
    their mark, where the map calls the nikhahit a space too (a composite font drawn by
    glyph id: code and glyph are one). Publisher 2016 draws a bold น้ำ as น, mai tho,
    nikhahit and sara aa, and maps both marks to a space: MuPDF kept one space, the
    nikhahit made a sara am of it, and the mai tho was lost ("สีนำเงิน"). The nikhahit's
    space is left to the sara am rule (``lines``). ``font_chars`` gives ``_font_chars`` of
    the font's program, parsed only when the map calls two glyphs a space."""
    spaces = [code for code, text in mapping.items() if text == " "]
    if len(spaces) < 2:
        return {}
    drawn = font_chars()
    if not any(drawn.get(code) == _NIKHAHIT for code in spaces):
        return {}
    return {code: drawn[code] for code in spaces if drawn.get(code, "") in _TONE_MARKS}


def _doubled_math_letters(mapping: dict[int, str]) -> dict[int, str]:
    """Math letters mapped to themselves twice, each to once: Acrobat PDFMaker 21 maps every
    Cambria Math italic letter of a Word equation so (``<074A> <D835DC5BD835DC5B>``), and a
    report's S.D. formula was heard "𝑛𝑛∑𝑥𝑥2". No glyph draws two of one math letter."""
    return {code: text[0] for code, text in mapping.items()
            if len(text) == 2 and text[0] == text[1] and _MATH_LETTERS[0] <= text[0] <= _MATH_LETTERS[1]}


def _has_thai(text: str) -> bool:
    return any(_THAI_FIRST <= ord(char) <= _THAI_LAST for char in text)


def _correct_named_codes(doc: pymupdf.Document, xref: int) -> None:
    """Correct the map of a simple font whose encoding names its glyphs, where the map gives
    them other characters. Quartz, printing a LaTeX document again, re-encodes each Computer
    Modern subset (``/Differences [33 /minus /arrowright ...]``) but keeps the font's old
    map, written for TeX's own codes (``<21> <2192>``, code 33 an arrow): a calculus text's
    every minus was heard as an arrow and every Δ as "!" ("!x = (x0 + h) →x0 = h"). Where
    the names and the map disagree on most codes both speak for, the names are right."""
    named = named_codes(doc, xref)
    kind, ref = doc.xref_get_key(xref, "ToUnicode")
    if not named or kind != "xref":
        return
    cmap_xref = int(ref.split()[0])
    mapping, digits = read_to_unicode(doc.xref_stream(cmap_xref).decode("latin-1"))
    both = [code for code in named if code in mapping]
    wrong = {code: named[code] for code in both
             if unicodedata.normalize("NFKC", mapping[code]) != unicodedata.normalize("NFKC", named[code])}
    # The codes the map leaves out, the names speak for alone: the same printing's math
    # extension subset has an empty map, and its integral sign (/integraltext, code 36) was
    # read by TeX's own codes as "⌊".
    missing = {code: char for code, char in named.items() if code not in mapping}
    if 2 * len(wrong) <= len(both):
        wrong = {}  # the map agrees with the names on half the codes both speak for or more: it stands
    if wrong or missing:
        doc.update_stream(cmap_xref, write_to_unicode({**mapping, **wrong, **missing}, digits))


_TEX_GLYPH_NAMES = {"prime": "′", "square": "□"}  # Computer Modern's and the AMS fonts' names the list lacks
_TEX_SIZE = re.compile(r"(?:text|display|big|Big|bigg|Bigg)$")  # "integraldisplay", "parenleftBig"


def named_codes(doc: pymupdf.Document, xref: int) -> dict[int, str]:
    """The character each code of a simple font's ``/Differences`` names, for the names
    known (``minus``, ``Delta``, ``integraltext``: ``_glyph_name_char``); none for names of
    its own (``g33``)."""
    kind, differences = doc.xref_get_key(xref, "Encoding/Differences")
    if kind != "array":
        return {}
    named: dict[int, str] = {}
    code = 0
    for token in re.findall(r"\d+|/[^\s/\[\]]+", differences):
        if token[0] != "/":
            code = int(token)
            continue
        char = _glyph_name_char(token[1:])
        if char is not None:
            named[code] = char
        code += 1
    return named


def _glyph_name_char(name: str) -> str | None:
    """The character a glyph name stands for: the Adobe Glyph List's, TeX's own few names
    (``prime``), or a TeX size's base name (``integraltext``, ``parenleftbigg``)."""
    if (code := agl.AGL2UV.get(name)) is not None:
        return chr(code)
    if name in _TEX_GLYPH_NAMES:
        return _TEX_GLYPH_NAMES[name]
    base = _TEX_SIZE.sub("", name)
    code = agl.AGL2UV.get(base) if base != name else None
    return chr(code) if code is not None else None


_CORRECTORS = {  # by the font's /Subtype
    "Type0": _correct_font, "TrueType": _correct_simple_font, "Type1": _correct_named_codes,
}


def _identity_program(doc: pymupdf.Document, xref: int) -> bytes | None:
    """The embedded TrueType program of a composite font whose character ids are its glyph
    ids, or None for any other."""
    descendant = descendant_font(doc, xref)
    if descendant is None:
        return None
    kind, to_gid = doc.xref_get_key(descendant, "CIDToGIDMap")
    if kind not in ("null", "name") or (kind == "name" and to_gid != "/Identity"):
        return None
    kind, program = doc.xref_get_key(descendant, "FontDescriptor/FontFile2")
    if kind != "xref":
        return None
    return doc.xref_stream(int(program.split()[0]))


def _font_chars(program: bytes) -> dict[int, str]:
    """Glyph id -> the Thai character the embedded font draws with it (by its cmap, glyph
    names or substitutions: ``glyphs.glyph_chars``; a private-use shifted form as its mark)."""
    drawn = glyph_chars(program)
    # A shifted mark the cmap gives its legacy private-use code is that mark.
    thai = {gid: PUA_TO_THAI.get(ord(char), char) for gid, char in drawn.items()}
    return {gid: char for gid, char in thai.items() if _THAI_FIRST <= ord(char) <= _THAI_LAST}
