"""Recover the true character of a glyph from the embedded font when ToUnicode lies.

Producers that shape Thai themselves write marks as glyph variants (a lowered mai ek,
a left-shifted sara i) and often give those variants no ToUnicode entry, a private-use
code, or an unrelated Latin-1 letter. The embedded font still knows what each glyph is:
its glyph names (``uni0E48.small``), its cmap, and its GSUB table, which maps a base
glyph to its shifted variant and so lets us map the variant back. This module reads
those and answers "which character is glyph N of font F", for Thai only.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass, field

import pymupdf
from fontTools import agl
from fontTools.ttLib import TTFont

from guidelight.extract.glyph_shapes import FontOutlines, GlyphOutline, Placement, Silhouette, likeliest

THAI_FIRST, THAI_LAST = 0x0E01, 0x0E5B

# Adobe Glyph List names of the Thai block (``kokaithai``, ``roruathai``, ``maiekthai``),
# for fonts named that way rather than uniXXXX: all 87 of them, from fontTools' list.
_AGL_THAI = {
    name: chr(codes[0])
    for name, codes in agl.LEGACY_AGL2UV.items()
    if len(codes) == 1 and 0x0E01 <= codes[0] <= 0x0E5B
}
_UNI_NAME = re.compile(r"^(?:uni((?:[0-9A-Fa-f]{4})+)|u([0-9A-Fa-f]{4,6}))$")
# Unicode names written in CamelCase, as old Thai fonts name their glyphs
# (``ThaiCharacterKoKai``, ``ThaiCharacterMaiHan_akatLeft``, ``ThaiDigitZero``), the
# shifted forms with a placement after the name.
_CAMEL_THAI = re.compile(r"^Thai(Character|Digit)([A-Za-z_]+?)(?:LowLeft|Left|Low|Right|Descless|Small)*$")
_CAMEL_WORD = re.compile(r"[A-Z][a-z]*(?:_[a-z]+)*")
# The Windows PostScript driver names a TrueType font's glyphs by their index alone, "G33"
# for glyph 0x33, when it sends the font as Type 1; the names say nothing of the characters.
_INDEX_NAME = re.compile(r"G[0-9A-Fa-f]+")
_NAME = re.compile(r"/([^\s/\[\]<>(){}%]+)")
# MuPDF keeps a font's name, subset tag and all, in 31 characters: a span names a longer
# font by the start of its name.
_MUPDF_NAME_CHARS = 31


def is_thai(text: str) -> bool:
    return bool(text) and all(THAI_FIRST <= ord(char) <= THAI_LAST for char in text)


def _char_from_name(name: str) -> str | None:
    """Characters a glyph name stands for: ``uni0E48.small`` is mai ek, and a ligature
    such as ``uni0E4D0E49`` or ``uni0E4D_uni0E49`` stands for both of its parts."""
    if named := _camel_thai(name.split(".", 1)[0]):
        return named  # before "_" splits it: ThaiCharacterMaiHan_akat is one name
    parts = name.split(".", 1)[0].split("_")
    chars: list[str] = []
    for part in parts:
        match = _UNI_NAME.match(part)
        if match and match.group(1):
            hexes = match.group(1)
            chars.extend(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
        elif match:
            code = int(match.group(2), 16)
            if code >= 0x110000:
                return None
            chars.append(chr(code))
        elif part.lower() in _AGL_THAI:
            chars.append(_AGL_THAI[part.lower()])
        else:
            return None
    return "".join(chars) or None


def _camel_thai(name: str) -> str | None:
    """The Thai character a CamelCase Unicode name stands for: ``ThaiCharacterMaiThoLowLeft``
    is mai tho (U+0E49), ``ThaiCharacterMaiHan_akat`` mai han-akat; None otherwise."""
    match = _CAMEL_THAI.match(name)
    if match is None:
        return None
    words = " ".join(_CAMEL_WORD.findall(match.group(2))).replace("_", "-")
    try:
        char = unicodedata.lookup(f"THAI {match.group(1)} {words}".upper())
    except KeyError:
        return None
    return char if "\u0e00" <= char <= "\u0e7f" else None


def _gsub_variant_bases(font: TTFont) -> dict[str, str]:
    """Map each glyph produced by a single substitution back to the glyph it replaces."""
    bases: dict[str, str] = {}
    if "GSUB" not in font:
        return bases
    table = font["GSUB"].table
    if not table.LookupList:
        return bases
    for lookup in table.LookupList.Lookup:
        for sub in lookup.SubTable:
            if getattr(sub, "ExtSubTable", None) is not None:
                sub = sub.ExtSubTable
            mapping = getattr(sub, "mapping", None)
            if isinstance(mapping, dict):
                for base, variant in mapping.items():
                    bases.setdefault(variant, base)
    return bases


def glyph_chars(font_bytes: bytes) -> dict[int, str]:
    """gid -> character, from names, cmap and GSUB; empty when the font cannot be read."""
    font = _open_font(font_bytes)
    if font is None:
        return {}
    by_name = _chars_by_name(font)
    return {gid: by_name[name] for gid, name in enumerate(font.getGlyphOrder()) if name in by_name}


def code_chars(font_bytes: bytes) -> dict[int, str]:
    """Character code -> what the glyph it draws stands for, in a TrueType font drawn as a
    simple font with no encoding (``code_gids``); empty when the font cannot be read."""
    chars = glyph_chars(font_bytes)
    return {code: chars[gid] for code, gid in code_gids(font_bytes).items() if gid in chars}


def code_gids(font_bytes: bytes) -> dict[int, int]:
    """Character code -> glyph id, in a TrueType font drawn as a simple font with no
    encoding: its codes reach its glyphs through its own Macintosh or symbol cmap, as
    Quartz and LibreOffice embed them. Empty when the font cannot be read."""
    font = _open_font(font_bytes)
    if font is None:
        return {}
    found: dict[int, int] = {}
    try:
        order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
        for table in font["cmap"].tables:
            if (table.platformID, table.platEncID) in ((1, 0), (3, 0)):
                for code, name in table.cmap.items():
                    if name in order:
                        found.setdefault(code & 0xFF, order[name])
    except Exception:  # a damaged cmap: no codes known
        return {}
    return found


def _open_font(font_bytes: bytes) -> TTFont | None:
    try:
        font = TTFont(io.BytesIO(font_bytes), lazy=True)
        font.getGlyphOrder()
    except Exception:  # a damaged or bare CFF font: no glyph knowledge, not an error
        return None
    return font


def family_name(font_bytes: bytes) -> str | None:
    """The family an embedded font program names itself (its name table: the typographic
    family where it has one), if it says."""
    font = _open_font(font_bytes)
    try:
        return font["name"].getBestFamilyName() if font is not None and "name" in font else None
    except Exception:  # a damaged name table: no name, not an error
        return None


def _chars_by_name(font: TTFont) -> dict[str, str]:
    """Glyph name -> character, from the font's cmap, the names themselves and GSUB."""
    by_name: dict[str, str] = {}
    try:
        for code, name in (font.getBestCmap() or {}).items():
            if THAI_FIRST <= code <= THAI_LAST or name not in by_name:
                by_name[name] = chr(code)
    except Exception:
        pass
    for name in font.getGlyphOrder():
        char = _char_from_name(name)
        if char and name not in by_name:
            by_name[name] = char
    try:
        variants = _gsub_variant_bases(font)
    except Exception:
        variants = {}
    for variant, base in variants.items():
        if variant not in by_name and base in by_name:
            by_name[variant] = by_name[base]
    return by_name


def font_key(name: str) -> str:
    """Compare font names across PDF dictionaries and font files: no subset tag, no spaces.
    A name bound to one embedded font (``bound_name``) keeps its binding."""
    name = name.split("+", 1)[-1]
    return re.sub(r"[\s_-]", "", name).lower()


def bound_name(name: str, xref: int) -> str:
    """``name`` bound to the embedded font ``xref``: one of several subsets that share it."""
    return f"{name}{_BOUND}{xref}"


def _bound_xref(key: str) -> int | None:
    """The embedded font a ``bound_name``'s key names, or None for a plain name."""
    head, bound, tail = key.rpartition(_BOUND)
    return int(tail) if bound and head and tail.isdigit() else None


# Consonants a Thai font draws with one glyph (ญ and ฐ also have a form without their foot).
_ONE_GLYPH_CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) - {"\u0e0d", "\u0e10"}


def _fits(outline: GlyphOutline | None, char: str) -> bool:
    """Could glyph ``outline`` draw ``char``: a mark without advance, anything else with one?"""
    return outline is not None and (outline.advance == 0) == (unicodedata.category(char) == "Mn")


def descendant_font(doc: pymupdf.Document, xref: int) -> int | None:
    """The descendant of composite font ``xref`` (which holds its descriptor and program),
    or None for a simple font or one whose array cannot be read."""
    try:
        kind, fonts = doc.xref_get_key(xref, "DescendantFonts")
        if kind == "xref":  # the array held in an object of its own (PowerPoint, Publisher)
            kind, fonts = "array", doc.xref_object(int(fonts.split()[0]), compressed=True)
    except (ValueError, RuntimeError):  # a damaged object
        return None
    found = re.search(r"(\d+)\s+0\s+R", fonts) if kind == "array" else None
    return int(found.group(1)) if found else None


def thousandths(value: float) -> int:
    """A font metric in thousandths of the size, to compare a descriptor's with MuPDF's;
    0 for one that is not a number."""
    return round(1000 * value) if math.isfinite(value) else 0


def same_font(name: str, other: str) -> bool:
    """Do two names name one font, bound or not?"""
    return font_key(name).partition(_BOUND)[0] == font_key(other).partition(_BOUND)[0]


_BOUND = "@"  # joins a font name and the embedded font it is bound to
# What a PostScript name adds for a weight or a style ("BrowalliaNew-Bold", "Arial-BoldMT").
_STYLE = re.compile(r"(?:bold|italic|oblique|regular|semibold|light|medium|black|mt|ps)+$")


def typeface(key: str) -> str:
    """A font key without its binding, weight and style: the typeface whose other weights
    draw the same marks in the same design."""
    base = key.partition(_BOUND)[0]
    return _STYLE.sub("", base) or base


@dataclass
class GlyphResolver:
    """Per document: which Thai character a glyph of a named font really is.

    Fonts are read once, on first need. Two embedded fonts may share a name (separate
    subsets); a glyph is then only trusted when every candidate agrees.
    """

    doc: pymupdf.Document
    _fonts_by_key: dict[str, list[int]] | None = None
    _maps: dict[int, dict[int, str]] = field(default_factory=dict)
    _outlines: dict[int, FontOutlines] = field(default_factory=dict)
    # What the pages themselves say glyphs are: Thai characters whose ToUnicode was trusted.
    _seen: dict[str, dict[int, str]] = field(default_factory=dict)
    # Glyphs identified by the dictionary on an earlier page: (font key, gid, zero advance) -> text.
    decided: dict[tuple[str, int, bool], str] = field(default_factory=dict)
    # Fonts whose text is Thai in TIS-620 read as Latin-1 (``thai/legacy.py``), by font key;
    # a font not here has not shown enough text to tell yet.
    legacy: dict[str, bool] = field(default_factory=dict)
    _families: dict[str, str] = field(default_factory=dict)
    _index_named: dict[int, bool] = field(default_factory=dict)  # by xref: see ``index_named``

    def family(self, font_name: str) -> str:
        """The family the embedded program of ``font_name`` names itself, where all its
        fonts agree; else ``font_name``. Print To PDF names Symbol and Wingdings
        "CIDFont+F4", and Word's bullets in them were dropped as unknown symbols."""
        key = font_key(font_name)
        if key not in self._families:
            names = {name for xref in self._xrefs(key) if (name := family_name(self._font_bytes(xref)))}
            self._families[key] = names.pop() if len(names) == 1 else font_name
        return self._families[key]

    def _xrefs(self, key: str) -> list[int]:
        if (xref := _bound_xref(key)) is not None:
            return [xref]
        if self._fonts_by_key is None:
            self._fonts_by_key = {}
            for index in range(self.doc.page_count):
                try:
                    fonts = self.doc[index].get_fonts()
                except Exception:  # a page MuPDF cannot load names no fonts
                    continue
                for font in fonts:
                    xref, basefont = font[0], font[3]
                    if not isinstance(basefont, str):
                        continue  # a /BaseFont that is not a name (a string, a number)
                    xrefs = self._fonts_by_key.setdefault(font_key(basefont), [])
                    if xref not in xrefs:
                        xrefs.append(xref)
        if key in self._fonts_by_key or len(key) < _MUPDF_NAME_CHARS - 8:
            return self._fonts_by_key.get(key, [])
        # a name MuPDF cut short ("MSTT31d0b4a012o27001005I" for ...005IS00): the fonts it begins
        return [xref for name, xrefs in self._fonts_by_key.items() if name.startswith(key) for xref in xrefs]

    def index_named(self, font_name: str) -> bool:
        """Does every embedded font of this name call its glyphs by their index alone ("G33",
        "Gba"), with no ToUnicode? MuPDF then reads the index as the character: a
        PCB manual printed through Distiller 4 read "3ULQWHG &LUFXLW" for Printed Circuit,
        and its Thai as box-drawing signs ("ç║░░│┼ª"), a page flagged but heard as noise."""
        xrefs = self._xrefs(font_key(font_name))
        return bool(xrefs) and all(self._names_only_index(xref) for xref in xrefs)

    def _names_only_index(self, xref: int) -> bool:
        if xref not in self._index_named:
            try:
                kind, differences = self.doc.xref_get_key(xref, "Encoding/Differences")
                mapped = self.doc.xref_get_key(xref, "ToUnicode")[0] != "null"
            except (ValueError, RuntimeError):  # a damaged object
                kind, differences, mapped = "null", "", True
            names = _NAME.findall(differences) if kind == "array" else []
            self._index_named[xref] = bool(names) and not mapped and all(_INDEX_NAME.fullmatch(n) for n in names)
        return self._index_named[xref]

    def subset_names(self, page: pymupdf.Page) -> dict[tuple[str, int, int], str]:
        """The page's fonts whose name several embedded fonts share, each bound to its own
        (``bound_name``), by font key, ascent and descent in thousandths of the size.

        Quartz subsets a font many times over under one name, and each subset numbers its
        glyphs afresh: glyph 60 is mai ek in one and thanthakhat in the next, and a
        decision made for one was applied to the other (หน้าทีำ). MuPDF's trace names a
        glyph's font without its subset tag, but gives its descriptor's ascent and descent,
        which each such subset has of its own. Fonts not told apart this way stay unbound,
        and so does every font of a name one of whose fonts has no metrics to read: a span
        of that one would be taken for its namesake's."""
        found: dict[tuple[str, int, int], set[int]] = {}
        unmeasured: set[str] = set()
        try:
            fonts = page.get_fonts()
        except Exception:
            return {}
        for font in fonts:
            xref, basefont = font[0], font[3]
            if not isinstance(basefont, str) or len(self._xrefs(font_key(basefont))) < 2:
                continue
            metrics = self._metrics(xref)
            if metrics is None:
                unmeasured.add(font_key(basefont))
            else:
                found.setdefault((font_key(basefont), *metrics), set()).add(xref)
        return {
            key: bound_name(key[0], next(iter(xrefs)))
            for key, xrefs in found.items()
            if len(xrefs) == 1 and key[0] not in unmeasured
        }

    def _metrics(self, xref: int) -> tuple[int, int] | None:
        """The ascent and descent of embedded font ``xref``'s descriptor (a composite
        font's is its descendant's), or None when it has none to read."""
        xref = descendant_font(self.doc, xref) or xref
        try:
            values = [self.doc.xref_get_key(xref, f"FontDescriptor/{name}")[1] for name in ("Ascent", "Descent")]
            return thousandths(float(values[0]) / 1000), thousandths(float(values[1]) / 1000)
        except (ValueError, RuntimeError):  # no number there, or a damaged object
            return None

    def _font_bytes(self, xref: int) -> bytes:
        try:
            buffer = self.doc.extract_font(xref)[3]
        except Exception:
            return b""
        return buffer if isinstance(buffer, bytes) else b""

    def _map(self, xref: int) -> dict[int, str]:
        if xref not in self._maps:
            buffer = self._font_bytes(xref)
            self._maps[xref] = glyph_chars(buffer) if buffer else {}
        return self._maps[xref]

    def _outline_reader(self, xref: int) -> FontOutlines:
        if xref not in self._outlines:
            self._outlines[xref] = FontOutlines(self._font_bytes(xref))
        return self._outlines[xref]

    def learn(self, font_name: str, gid: int, char: str) -> None:
        """Remember that the page drew ``char`` (a trusted Thai character) with glyph ``gid``."""
        self._seen.setdefault(font_key(font_name), {}).setdefault(gid, char)

    def _learned(self, key: str) -> dict[int, str]:
        """What the page drew with each glyph of fonts named ``key``, unless it drew one
        consonant with two glyphs: then subsets of the name number their glyphs apart (the
        iOS form's ก was glyph 2 and 17), and no number learned means one glyph."""
        seen = self._seen.get(key, {})
        consonants = [c for c in seen.values() if c in _ONE_GLYPH_CONSONANTS]
        return seen if len(consonants) == len(set(consonants)) else {}

    def zero_advance(self, font_name: str, gid: int) -> bool | None:
        """Does glyph ``gid`` draw without moving the pen (a mark)? None when the embedded
        fonts of that name do not say, or disagree."""
        found = set()
        for xref in self._xrefs(font_key(font_name)):
            outline = self._outline_reader(xref).outline(gid)
            if outline is not None:
                found.add(outline.advance == 0)
        return found.pop() if len(found) == 1 else None

    def _candidate_xrefs(self, key: str, gid: int, zero_advance: bool) -> list[int]:
        """Embedded fonts of this name in which glyph ``gid`` has the advance the page shows:
        subsets that share a name number their glyphs differently."""
        found = []
        for xref in self._xrefs(key):
            outline = self._outline_reader(xref).outline(gid)
            if outline is not None and (outline.advance == 0) == zero_advance:
                found.append(xref)
        return found

    def by_shape(self, font_name: str, gid: int, zero_advance: bool) -> str | None:
        """The Thai character whose known glyph has the same drawing as glyph ``gid`` (a shifted
        or lowered variant of a plain mark), when every fitting subset agrees."""
        key = font_key(font_name)
        found = set()
        for xref in self._candidate_xrefs(key, gid, zero_advance):
            outlines = self._outline_reader(xref)
            # What the page drew under a name may be another subset's numbering: a glyph
            # learned as a letter but a mark in this subset (or the reverse) is not this
            # subset's. An iOS form's shifted mai ek matched another subset's "เ" (สเวน).
            seen = {g: c for g, c in self._learned(key).items() if _fits(outlines.outline(g), c)}
            known = {**seen, **{g: c for g, c in self._map(xref).items() if is_thai(c)}}
            found.add(outlines.same_drawing(gid, known))
        return found.pop() if len(found) == 1 else None

    def by_likeness(self, key: tuple[str, int, bool], readings: tuple[str, ...]) -> str | None:
        """Which of ``readings`` (those the words found equally good) a glyph draws, told by
        its ink against the glyphs of its typeface's weights that the fonts, the page or the
        words have named. Browallia New Bold's shifted mai tho, met once after "อันนี", where
        นี่ and นี้ are both words, was read as the commoner mai ek; the regular weight's mai
        tho has its shape."""
        font, gid, zero_advance = key
        target = self._silhouette(font, gid, zero_advance)
        if target is None:
            return None
        self._xrefs(font)  # the document's fonts, read once
        known = []
        for other in {*(self._fonts_by_key or {}), *self._seen}:
            if typeface(other) != typeface(font):
                continue
            for xref in self._xrefs(other):
                outlines = self._outline_reader(xref)
                seen = {g: c for g, c in self._learned(other).items() if _fits(outlines.outline(g), c)}
                known += [(silhouette, char) for g, char in {**seen, **self._map(xref)}.items()
                          if char in readings and (other, g) != (font, gid)
                          and (silhouette := outlines.silhouette(g)) is not None]
        for (other, g, advance), char in self.decided.items():
            if char in readings and typeface(other) == typeface(font) and (other, g) != (font, gid) \
                    and (silhouette := self._silhouette(other, g, advance)) is not None:
                known.append((silhouette, char))
        return likeliest(target, known, readings)

    def _silhouette(self, font_name: str, gid: int, zero_advance: bool) -> Silhouette | None:
        """Glyph ``gid``'s ink, when every fitting subset of the name draws it alike."""
        found = [silhouette for xref in self._candidate_xrefs(font_key(font_name), gid, zero_advance)
                 if (silhouette := self._outline_reader(xref).silhouette(gid)) is not None]
        if not found or any(found[0].distance(other) > 0.0 for other in found[1:]):
            return None
        return found[0]

    def placement(self, font_name: str, gid: int, zero_advance: bool) -> Placement | None:
        """Where glyph ``gid`` sits against the baseline, when the fitting subsets agree."""
        key = font_key(font_name)
        found = set()
        for xref in self._candidate_xrefs(key, gid, zero_advance):
            outline = self._outline_reader(xref).outline(gid)
            if outline is not None:
                found.add(outline.placement)
        return found.pop() if len(found) == 1 else None

    def thai_char(self, font_name: str, gid: int, zero_advance: bool | None = None) -> str | None:
        """The Thai character(s) glyph ``gid`` draws, or None when the fonts do not say.
        With ``zero_advance`` known, subsets whose glyph ``gid`` advances otherwise are not asked."""
        key = font_key(font_name)
        xrefs = self._xrefs(key)
        if zero_advance is not None:
            xrefs = self._candidate_xrefs(key, gid, zero_advance) or xrefs
        found = {self._map(xref).get(gid) for xref in xrefs}
        found.discard(None)
        if len(found) != 1:
            return None
        chars = found.pop()
        return chars if chars and is_thai(chars) else None
