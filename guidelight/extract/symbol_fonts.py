"""What the codes of symbol fonts (Symbol, Wingdings, TeX's math extension) stand for in Unicode.

Word writes a symbol font's codes in the private-use row U+F020-U+F0FF, and Quartz
writes Wingdings' as Latin-1: neither is a character a voice can say. Symbol's codes
follow Adobe's Symbol encoding (Unicode's SYMBOL.TXT), the Greek and the operators of
every statistics course; of Wingdings, the few shapes course forms use (boxes, ticks,
bullets, circled numbers). TeX sets its big operators and tall delimiters in the math
extension font (cmex10, Latin Modern's), whose codes are TeX's OMX encoding: with no
map, its ∑ came out as "X", and read by OCR as "won ๐๐∞". Any other code is decoration.
"""

from __future__ import annotations

from guidelight.extract.glyphs import font_key

_GREEK = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # Symbol's A to Z
_SYMBOL = {
    **{code: chr(code) for code in range(0x20, 0x7F)},  # ASCII's own, but for these:
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "*", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥", 0x60: "", 0x7E: "∼",
    **{0x41 + n: letter for n, letter in enumerate(_GREEK)},
    **{0x61 + n: letter for n, letter in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")},
    **dict(zip(range(0xA0, 0xBD), "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…", strict=True)),
    0xBF: "↵",
    **dict(zip(range(0xC0, 0xE6), "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑", strict=True)),
    # a tall bracket or integral is drawn in pieces: its top piece stands for it, the rest draw
    0xE6: "(", 0xE9: "[", 0xEC: "{", 0xF1: "〉", 0xF2: "∫", 0xF3: "∫", 0xF6: ")", 0xF9: "]", 0xFC: "}",
}
# OMX: each operator in its text and display size; a delimiter in four sizes, and built of
# pieces when taller: its top piece stands for it, the other pieces only draw.
_OMX = {
    **{code: "(" for code in (0x00, 0x10, 0x12, 0x20, 0x30)}, **{code: ")" for code in (0x01, 0x11, 0x13, 0x21, 0x31)},
    **{code: "[" for code in (0x02, 0x14, 0x22, 0x68, 0x32)}, **{code: "]" for code in (0x03, 0x15, 0x23, 0x69, 0x33)},
    **{code: "⌊" for code in (0x04, 0x16, 0x24, 0x6A)}, **{code: "⌋" for code in (0x05, 0x17, 0x25, 0x6B)},
    **{code: "⌈" for code in (0x06, 0x18, 0x26, 0x6C)}, **{code: "⌉" for code in (0x07, 0x19, 0x27, 0x6D)},
    **{code: "{" for code in (0x08, 0x1A, 0x28, 0x6E, 0x38)}, **{code: "}" for code in (0x09, 0x1B, 0x29, 0x6F, 0x39)},
    **{code: "⟨" for code in (0x0A, 0x1C, 0x2A, 0x44)}, **{code: "⟩" for code in (0x0B, 0x1D, 0x2B, 0x45)},
    0x0C: "|", 0x0D: "‖", **{code: "/" for code in (0x0E, 0x1E, 0x2C, 0x2E)},
    **{code: "\\" for code in (0x0F, 0x1F, 0x2D, 0x2F)},
    **dict(zip(range(0x46, 0x62), "⊔⊔∮∮⊙⊙⊕⊕⊗⊗∑∏∫⋃⋂⊎⋀⋁∑∏∫⋃⋂⊎⋀⋁∐∐", strict=True)),
    **{code: "√" for code in (0x70, 0x71, 0x72, 0x73, 0x74)},  # the radical's bottom piece is its check
}
_TEX_EXTENSION = ("cmex", "lmmathextension")  # Computer Modern's and Latin Modern's names
_CHARS: dict[str, dict[int, str]] = {
    "wingdings2": {
        0x4F: "✗", 0x50: "✓", 0x51: "✗", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "☐", 0x99: "•",
        # black circled numbers ❶ to ❿: a manual's steps (b17_18 drew ❶❷❸ so, and they went unheard)
        **{0x75 + n: chr(0x2776 + n) for n in range(10)},
    },
    "wingdings": {
        0x6E: "■", 0x6F: "☐", 0x70: "☐", 0x71: "☐", 0x72: "☐", 0x75: "◆", 0x76: "◆", 0x77: "◆",
        0x9F: "•", 0xA7: "▪", 0xA8: "☐", 0xD8: "➢", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
        # arrows: a menu's path, "Analyze ⇨ Compare Means"
        0xE7: "←", 0xE8: "→", 0xE9: "↑", 0xEA: "↓", 0xEF: "⇦", 0xF0: "⇨", 0xF1: "⇧", 0xF2: "⇩",
        # circled numbers, ⓪ to ⑩ and ⓿ to ❿: a form's notes point to its steps by them
        **{0x80 + n: chr(0x24EA if n == 0 else 0x245F + n) for n in range(11)},
        **{0x8B + n: chr(0x24FF if n == 0 else 0x2775 + n) for n in range(11)},
    },
    "symbol": _SYMBOL,
    **dict.fromkeys(_TEX_EXTENSION, _OMX),
}


def tex_extension_font(font: str) -> bool:
    """Is ``font`` TeX's math extension font, every code of which is a known shape?"""
    return font_key(font).startswith(_TEX_EXTENSION)


def symbol_font_char(font: str, char: str) -> str | None:
    """The Unicode twin of a symbol-font code; '' for pure decoration; None if not one."""
    code, name = ord(char), font_key(font)
    if 0xF020 <= code <= 0xF0FF:
        code -= 0xF000
    elif not (0x20 < code <= 0xFF and name.startswith("wingdings")) and not (
            code < 0x80 and name.startswith(_TEX_EXTENSION)):
        return None
    for family, table in _CHARS.items():
        if name.startswith(family):
            return table.get(code, "")
    return ""
