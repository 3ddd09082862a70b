"""Speech normalization: turn document text into what a speech engine should be given.

Engines read "2566" or "ก.พ.ร." badly or not at all, and read bullets and asterisks
aloud as noise. Normalization rewrites such text into plain words, run by run: a Thai
run gets Thai readings (numbers in Thai words, Thai abbreviations, mai yamok), an
English run only loses its noise (the English voice reads English numbers itself).

Every rewrite is recorded as a ``Piece`` linking a range of the output to the range of
the source it came from, so that timing measured on the spoken text can be mapped back
to offsets in the document: that is how the highlight follows the voice.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from pythainlp.util import bahttext, num_to_thaiword

from guidelight.core.model import Lang
from guidelight.speech.course import (
    ARITHMETIC,
    ARROWS,
    COMPARISONS,
    DIGIT_WORDS,
    GREEK_LETTERS,
    SIGNS,
    is_identifier_number,
    is_identifier_range,
    is_pronounceable,
    last_part,
    read_digits,
    spell_latin,
)
from guidelight.speech.lexicon import TITLES, Lexicon
from guidelight.speech.script import vector_arrow
from guidelight.speech.units import UNIT_AFTER_NUMBER, unit_words
from guidelight.thai.calendar import MONTHS
from guidelight.thai.digits import THAI_DIGITS, to_arabic
from guidelight.thai.fit import dictionary

_D = "[0-9๐-๙]"
NUMBER = rf"{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?|{_D}+(?:\.{_D}+)?"
# A minus sign only where it cannot be a hyphen or a range: at the start or after a space or "(".
_SIGNED = rf"(?:(?:(?<=[\s(])|^)[-−])?(?:{NUMBER})"
_HOUR = "(?:[01๐๑]?[0-9๐-๙]|[2๒][0-3๐-๓])"
_MINUTE = "[0-5๐-๕][0-9๐-๙]"
_TIME_RANGE = (
    rf"(?<!{_D})(?:{_HOUR}:{_MINUTE}\s*[-–]\s*{_HOUR}:{_MINUTE}(?:\s*(?:น\.|นาฬิกา))?"
    rf"|{_HOUR}[:.]{_MINUTE}\s*[-–]\s*{_HOUR}[:.]{_MINUTE}\s*(?:น\.|นาฬิกา))"
)
_MONTH = "(?:[0๐]?[1-9๑-๙]|[1๑][0-2๐-๒])"
_CONSONANT = "[\u0e01-\u0e2e]"
_THAI_LETTER = "[\u0e01-\u0e4e]"

# Characters that carry no words: read aloud they are noise ("bullet", "asterisk").
NOISE = "•●○◦■□▪▫►▶◆◇★☆※#*_|/\\^`~<>{}\\[\\]“”\"'‘’…–—"
# Decoration by its Unicode block, whatever a deck picks for its bullets: geometric shapes
# (◼, ◻, ▸), ballot boxes (☐), dingbats (❖, ➢) but their circled numbers, stars and large
# squares. An English voice names them: "◼ ASP.NET" was heard "black medium square ASP".
DECORATION = "\u25a0-\u25ff\u2610-\u2612\u2700-\u2775\u2794-\u27bf\u2b1b-\u2b1c\u2b50-\u2b55"
THAI_SYMBOLS = {
    "&": "และ",
    "+": "บวก",
    "=": "เท่ากับ",
    **SIGNS,
    "°C": "องศาเซลเซียส",
    "℃": "องศาเซลเซียส",
    "°": "องศา",
    "@": "แอท",
    **GREEK_LETTERS,
}
ENGLISH_SYMBOLS = {"&": "and", "°C": "degrees Celsius", "℃": "degrees Celsius", "°": "degrees", **SIGNS}

# What may stand on either side of an operator. Comparisons take Thai words too ("อายุ < 18");
# arithmetic signs only numbers and code, so "ก*ข" stays an asterisk between words (noise).
# A comparison may end a run: in "(1<=N<=300)" the first "<=" stays with the Thai run before N.
_GREEK = "\u0391-\u03d5∑∆"  # a statistics course's variables: 0≤α≤1
_COMPARED = (rf"[0-9A-Za-z_)\]'\"\u0e01-\u0e59{_GREEK}]", rf"(?:[0-9A-Za-z_(\['\"\u0e01-\u0e59{_GREEK}+\-−]|$)")
# An operand may open with a sign said as a word: "f(x) = √(x + 8)", "= ∫ adx", "x → ∞".
_OPERANDS = (r"[0-9A-Za-z_)\]๐-๙⁰¹²³⁴⁵⁶⁷⁸⁹∞]", r"[0-9A-Za-z_(\[๐-๙\-−√∛∫∑∞∆Δ]")
# A number (or a bracket) next to a sign: "2 - x", "x * (y", not the 1 of "TowerLV1 - TowerLV3".
_NUMBER_BEFORE = re.compile(r"(?:(?<![A-Za-z0-9_.,])[0-9๐-๙][0-9๐-๙.,]*|[()])$")
_NUMBER_AFTER = re.compile(r"[0-9๐-๙][0-9๐-๙.,]*(?![A-Za-z_])|[()]")
_NAME_CHAR = re.compile(r"[A-Za-z0-9_]")
_CODE_LINE = re.compile(r"[=(){};]")
_EQUATION = re.compile(r"[=;<>≤≥≠]")
_BEFORE_OPERATOR = re.compile(r"[=<>≤≥≠+×÷*^]\s*$")
_AFTER_OPERATOR = re.compile(r"\s*[=<>≤≥≠+×÷*^]")
_THAI_TEXT = re.compile(_THAI_LETTER)
_CAPITALS_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2,6} $")
_YEAR = re.compile("(?:24|25|19|20)[0-9]{2}")  # Buddhist or Common Era
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# A raised number after a number a law or a date names ("มาตรา 51¹", "วรรค 2²", "พ.ศ. 2560¹")
# refers to a note; so does one after a number of two digits or more but 10 where no
# arithmetic is written ("ร้อยละ 0-35⁴ จะทำการ..."), and a raised 1 after any number (no
# one writes a power of one). 10⁵, 2⁶³ and "12² = 144" are powers.
_NOTED_NUMBER = re.compile(r"(?:มาตรา|วรรค|ข้อ|หน้า|ฉบับ|พ\.ศ\.|ค\.ศ\.)\s*[0-9๐-๙]+$")
_BASE = re.compile("(?<![0-9๐-๙.,])([0-9๐-๙]+)$")
_ARITHMETIC_SIGN = re.compile(r"[=+×÷*^<>≤≥−]|\s-\s")


def _noted(match: re.Match[str]) -> bool:
    """Is the raised number ``match`` a note's mark after a number, not its power?"""
    source = preceding(match)
    base = _BASE.search(source)
    if base is None:
        return False
    number = to_arabic(base.group())
    return bool(
        match.group("thai")  # a note's number again, in brackets
        or _NOTED_NUMBER.search(source)
        or match.group("raised") == "¹"
        or (len(number) > 1 and number != "10" and not _ARITHMETIC_SIGN.search(match.string))
    )


def _raised_number(match: re.Match[str], before: str) -> str:
    """x², 10⁻³: a power written raised, said as one (in Thai, for either voice, as operators
    are); but a note's mark where it follows a number it does not raise (``_noted``), said
    once where the same number follows it in Thai digits in brackets ("มาตรา ๓๑⁴[๔]")."""
    raised = match.group("raised")
    if _noted(match):
        return pad(match, before, "เชิงอรรถ " + read_number(raised.translate(_SUPERSCRIPTS)))
    return pad(match, before, "ยกกำลัง " + read_number(raised.replace("⁻", "-").translate(_SUPERSCRIPTS)))


_POWER = ("power", r"(?P<raised>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?P<thai>\[[๐-๙]+\])?", _raised_number)
# A raised number after a word or its closing punctuation (ฟักจันทร์¹, Smith¹, "...กัน.²") refers
# to a note: no one raises a Thai word to a power. A Latin name of one or two letters (x², cm²)
# or a bracket ((a+b)²) keeps the power.
_NOTE_MARK = ("note", r"(?:(?<=[\u0e01-\u0e4e.,;:”’\"'])|(?<=[A-Za-z]{3}))[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*",
              lambda m, b: pad(m, b, "เชิงอรรถ " + read_number(m.group().translate(_SUPERSCRIPTS))))
# Before a number with a slash that is said ทับ, not as a fraction: a house number (99/12),
# a class (ม.6/2), a term of a year (ปีการศึกษา 2567/1, ภาคเรียนที่ 1/2567).
_SLASH_CONTEXT = re.compile(
    r"(?:เลขที่|หมู่(?:ที่)?|ห้อง|ซอย|ม\.|ป\.|ชั้น|ปีการศึกษา|ภาค(?:เรียน|การศึกษา)?(?:ที่)?|เทอม(?:ที่)?)\s*$"
)
# A star that stands for "everything" in SQL, said by its name: SELECT * FROM, COUNT(*).
_STAR_ALONE = r"(?<=\()\s*\*(?=\s*\))|(?:(?<=SELECT)|(?<=select)|(?<=DISTINCT)|(?<=distinct))\s+\*"
# In code a dash or percent sign is an operator only spaced ("x - 1", "n % 2"): "e-mail", "50%".
CODE_ARITHMETIC = {**ARITHMETIC, "-": "ลบ", "−": "ลบ", "%": "มอด"}
# Never an operator tight ("e-mail", "50%"); when not one, left as written. The minus sign
# (U+2212) is no hyphen: tight or not, it is one ("(x0 + h) −x0" was silent).
_SPACED_ONLY = "-%"
_ISO_DATE = rf"(?={_D})(?<![0-9๐-๙\-]){_D}{{4}}-(?:[0๐][1-9๑-๙]|[1๑][0-2๐-๒])-[0-3๐-๓]{_D}(?![0-9๐-๙\-])"
# Hyphen-grouped digits (three groups or more), a leading-zero number in spaced groups
# ("02 123 4567", "0 2218 6000"), a "+" phone, an area code in brackets ("(02) 123-4567").
_GROUPED_ID = (
    rf"(?=[0-9๐-๙+(])(?:(?<![0-9๐-๙.,\-]){_D}+(?:-{_D}+){{2,}}(?![0-9๐-๙\-])"
    rf"|\([0๐]{_D}{{1,3}}\) ?{_D}{{3,4}}[ \-]?{_D}{{3,4}}(?!{_D})"
    rf"|(?<![0-9๐-๙.,])[0๐](?:{_D}{{1,3}}(?: {_D}{{3,4}}){{1,3}}|(?: {_D}{{4}}){{2}})(?!{_D})"
    rf"|\+{_D}{{1,3}}(?:[ \-]{_D}{{1,4}}){{1,5}}(?!{_D}))"
)


def between(operators: Iterable[str], sides: tuple[str, str]) -> str:
    """``operators`` between two operands, tight ("x>=5") or spaced ("x >= 5"), the spaces
    included: a noise rule starting at the space must not win over the operator. One
    alternative for all forms keeps the scan fast; the handlers look at the spacing."""
    written = "|".join(re.escape(o) for o in sorted(operators, key=len, reverse=True))
    first = re.escape("".join(sorted({o[0] for o in operators})))
    return rf"(?=[\s{first}])(?<={sides[0]})\s*(?:{written})\s*(?={sides[1]})"


def preceding(match: re.Match[str], reach: int = 40) -> str:
    """The source text just before ``match``: enough for a word such as รหัสนักศึกษา or a
    number, and bounded so that a long text with many matches stays linear."""
    return match.string[max(0, match.start() - reach) : match.start()]


def spacing(match: re.Match[str]) -> tuple[bool, bool]:
    """Whether the operator in ``match`` has a space before it, and after it."""
    return match.group()[:1].isspace(), match.group()[-1:].isspace()


def one_letter(text: str, at: int) -> bool:
    """``text[at]`` is a one-letter name such as x or b (not part of a longer word)."""
    return (
        0 <= at < len(text)
        and text[at].isascii()
        and text[at].isalpha()
        and not (at > 0 and _NAME_CHAR.match(text[at - 1]))
        and not _NAME_CHAR.match(text, at + 1)
    )


def code_sides(match: re.Match[str], sign: str) -> bool:
    """Sides that a spaced sign has in code and formulas: a number on a side ("price * 2",
    "x - 1"), one-letter names on both ("a * b"), or, for signs other than a dash, any names
    on a line of code ("total = price * qty"). A dash or a star between words
    ("Monday - Friday (all day)", "bullet * point", "TowerLV1 - TowerLV3") is no arithmetic,
    and a dash between two numbers is a range unless the line is an equation ("5 - 3 = 2")."""
    text, start, end = match.string, match.start(), match.end()
    number_before = _NUMBER_BEFORE.search(preceding(match)) is not None
    number_after = _NUMBER_AFTER.match(text, end) is not None
    code_line = _CODE_LINE.search(text) is not None
    if sign in "-−":
        names = one_letter(text, start - 1) or one_letter(text, end)
        equation = _EQUATION.search(text) is not None
        return (number_before or number_after or names) and (names or equation or not (number_before and number_after))
    return number_before or number_after or (one_letter(text, start - 1) and one_letter(text, end)) or code_line


@dataclass(frozen=True)
class Piece:
    """Output ``[out_start, out_end)`` came from source ``[src_start, src_end)``.

    ``literal`` pieces are copied character for character, so offsets inside them map
    exactly; a rewritten piece maps as a whole to its source range.
    """

    src_start: int
    src_end: int
    out_start: int
    out_end: int
    literal: bool


@dataclass(frozen=True)
class Normalized:
    """The text to give the engine and how each part of it maps back to the source."""

    text: str
    pieces: tuple[Piece, ...]

    def source_span(self, out_start: int, out_end: int) -> tuple[int, int]:
        """The source range that produced ``text[out_start:out_end]``."""
        if not self.pieces:
            return (0, 0)
        starts = [p.out_start for p in self.pieces]
        first = self.pieces[max(0, bisect.bisect_right(starts, out_start) - 1)]
        last = self.pieces[max(0, bisect.bisect_right(starts, max(out_start, out_end - 1)) - 1)]
        start = first.src_start + (out_start - first.out_start if first.literal else 0)
        end = last.src_start + (out_end - last.out_start) if last.literal else last.src_end
        return (min(start, first.src_end), max(min(end, last.src_end), start))


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0

    def add(self, src_start: int, src_end: int, text: str, literal: bool) -> None:
        if src_start == src_end and not text:
            return
        self.pieces.append(Piece(src_start, src_end, self.length, self.length + len(text), literal))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def read_number(written: str) -> str:
    """A number in Thai words; digits after the point, and codes with a leading zero, one by one."""
    plain = to_arabic(written).replace(",", "")
    sign = "ลบ" if plain[:1] in "-−" and plain[1:2].isdigit() else ""
    whole, _, fraction = plain.lstrip("-−").partition(".")
    if len(whole) > 1 and whole.startswith("0"):
        spoken = sign + "".join(DIGIT_WORDS[int(d)] for d in whole)
    else:
        spoken = sign + num_to_thaiword(int(whole))
    if fraction:
        spoken += "จุด" + "".join(DIGIT_WORDS[int(d)] for d in fraction)
    return spoken


def read_time(hour: str, minute: str) -> str:
    """ "23", "59" -> ยี่สิบสามนาฬิกาห้าสิบเก้านาที (the official 24-hour reading)."""
    spoken = read_number(str(int(to_arabic(hour)))) + "นาฬิกา"
    if int(to_arabic(minute)):
        spoken += read_number(str(int(to_arabic(minute)))) + "นาที"
    return spoken


def read_date(day: str, month: str, year: str) -> str:
    """ "5", "12", "2566" -> ห้า ธันวาคม สองพันห้าร้อยหกสิบหก."""
    return f"{read_number(str(int(to_arabic(day))))} {MONTHS[int(to_arabic(month)) - 1]} {read_number(year)}"


def read_money(written: str) -> str:
    plain = to_arabic(written).replace(",", "")
    value = float(plain)
    if value != int(value):
        return bahttext(value)
    return read_number(written) + "บาท"


def spell_thai(abbreviation: str) -> str:
    """Letter-by-letter reading of an unknown abbreviation: "ก.พ.ร." -> "กอ พอ รอ"."""
    letters = [c for c in abbreviation if "\u0e01" <= c <= "\u0e2e"]
    return " ".join("ออ" if c == "อ" else c + "อ" for c in letters)


@lru_cache(maxsize=1)
def thai_tokenizer() -> Callable[[str], list[str]]:
    from pythainlp.tokenize import word_tokenize

    return lambda text: word_tokenize(text, engine="nlpo3", keep_whitespace=False)


def last_thai_word(text: str) -> str:
    """The word that mai yamok repeats: the last Thai word before it, not a whole compound
    the segmenter kept together ("ดีมาก ๆ" repeats มาก)."""
    run = re.search(rf"{_THAI_LETTER}+$", text.rstrip())
    if not run:
        return ""
    words = thai_tokenizer()(run.group())
    return last_part(words[-1]) if words else ""


def voice_parts(normalized: Normalized, lang: Lang) -> list[tuple[Lang, Normalized]]:
    """Cut an English run where a rewrite put Thai words into it ("x >= 5" -> "x มากกว่าหรือ
    เท่ากับ 5"), so each part goes to the voice that can say it; pieces keep their source ranges."""
    if lang is not Lang.ENGLISH or not _THAI_TEXT.search(normalized.text):
        return [(lang, normalized)]
    groups: list[tuple[Lang, list[Piece]]] = []
    for piece in normalized.pieces:
        said = normalized.text[piece.out_start : piece.out_end]
        piece_lang = Lang.THAI if not piece.literal and _THAI_TEXT.search(said) else Lang.ENGLISH
        if groups and groups[-1][0] is piece_lang:
            groups[-1][1].append(piece)
        else:
            groups.append((piece_lang, [piece]))
    parts = []
    for piece_lang, pieces in groups:
        base, end = pieces[0].out_start, pieces[-1].out_end
        shifted = tuple(replace(p, out_start=p.out_start - base, out_end=p.out_end - base) for p in pieces)
        parts.append((piece_lang, Normalized(normalized.text[base:end], shifted)))
    return parts


Handler = Callable[[re.Match[str], str], str]


def _compare(match: re.Match[str], before: str) -> str:
    """A comparison. An angle bracket spaced on one side only ("ใส่ <ชื่อ>") or closing the
    text ("#include<time.h>") is a bracket, and one between two Thai letters is a glyph a
    broken PDF font put for a tone mark ("ให>"): noise, all three."""
    written = match.group().strip()
    before_space, after_space = spacing(match)
    text = match.string
    thai_sides = _THAI_TEXT.match(text, match.start() - 1) and _THAI_TEXT.match(text, match.end())
    closing = written == ">" and match.end() == len(text)  # its trailing spaces are in the match
    if written in "<>" and (before_space != after_space or thai_sides or closing):
        return pad(match, before, "")
    return pad(match, before, COMPARISONS[written])


def _arithmetic(table: dict[str, str]) -> Handler:
    """Arithmetic tight between operands ("2*3", "x^2") or spaced between the sides code has;
    otherwise a star or caret is noise, a dash a dash, a percent sign a percent sign."""

    def handler(match: re.Match[str], before: str) -> str:
        written = match.group().strip()
        before_space, after_space = spacing(match)
        tight = not (before_space or after_space) and (written not in _SPACED_ONLY or _formula_minus(match))
        if tight or (before_space and after_space and code_sides(match, written)):
            return pad(match, before, table[written])
        if written in _SPACED_ONLY:
            return match.group()
        return pad(match, before, "" if written in NOISE else table[written])

    return handler


def _formula_minus(match: re.Match[str]) -> bool:
    """A dash tight between a one-letter lower-case name (or a bracket) and a number, on a
    line of code or a formula: ``n-1``, ``a[i-1]``, ``f(x-1)``; not the labels ``A-1`` or
    ``B-52``, nor ``COVID-19``."""
    text, start, end = match.string, match.start(), match.end()
    left = (one_letter(text, start - 1) and text[start - 1].islower()) or (start > 0 and text[start - 1] in ")]")
    return (
        match.group() in "-−"
        and left
        and text[end : end + 1].isdigit()
        and _CODE_LINE.search(text) is not None
    )


def _latin_acronym(match: re.Match[str], _: str) -> str:
    """ "CPU" -> "C P U", "CS101" -> "C S 1 0 1", "IoT" -> "I o T"; a capital word that reads
    as a word stays."""
    written = match.group()
    letters = written.rstrip("0123456789")
    digits = written[len(letters) :]
    word = letters.isupper() and is_pronounceable(letters)
    if not digits and word:
        return written
    head = letters if word else spell_latin(letters)
    return f"{head} {spell_latin(digits)}" if digits else head


def _english_number(match: re.Match[str], _: str) -> str:
    """Numbers are the English voice's to read, except identifiers, which it reads digit by digit."""
    written = match.group()
    before = preceding(match)
    low, _sep, high = written.partition("-")
    if high:
        named = is_identifier_range(low, high, before)
    else:  # a course code written apart, "CS 101", "MATH 2110"
        code = len(written) >= 3 and _CAPITALS_BEFORE.search(before) is not None
        named = code or is_identifier_number(written, before)
    return read_digits(written, Lang.ENGLISH) if named else written


def pad(match: re.Match[str], before: str, words: str) -> str:
    """``words`` with a space on each side that is not already next to one, so words stay apart."""
    after = match.string[match.end() : match.end() + 1]
    left = " " if before and not before[-1].isspace() else ""
    right = " " if after and not after.isspace() else ""
    return f"{left}{words}{right}" if words else (" " if left and right else "")


# Circled numbers (①, ❶, ➀, ⓪): a form's steps and notes point to each other by them.
_CIRCLED = "[\u2460-\u2473\u24ea\u24ff\u2776-\u2793]"
# A contents page's leader dots, a form's dotted answer line, a divider of dashes: four or
# more, spaced or not, are a silence: the voice gets words, not "........" to read or skip.
_LEADER_RULE: tuple[str, str, Handler] = (
    "leader", r"\s*[.\-=~·](?:\s?[.\-=~·]){3,}\s*", lambda m, b: pad(m, b, "")
)
# A form's answer line alone (a paragraph of dots or underscores, or the rest of one wrapped,
# "..."), is a blank to write in: said, or moving onto it was heard as nothing at all (a
# divider of dashes alone stays a silence).
_BLANK = r"^\s*[._…](?:\s?[._…]){2,}\s*$"


def _unit_rule(thai: bool) -> tuple[str, str, Handler]:
    """A unit after a number ("32MB", "2.4 GHz"), said by its name in the run's language; the
    number before it is read by the number rules."""
    return (
        "unit",
        UNIT_AFTER_NUMBER.pattern,
        lambda m, b: pad(m, b, unit_words(m.group(), preceding(m), thai)),
    )


# Ticks, crosses and ballot boxes say which of a form's choices is taken ("รอบที่ ๒ (...) ✓",
# "ผู้ประเมิน ☐อาจารย์ที่ปรึกษา ☐อาจารย์ที่ปรึกษาร่วม"): said in Thai or English, except where
# an empty box, tick or cross that opens its sentence with text after it: a slide's bullet
# (a ticked box is never one).
CHOICE_MARKS = {
    "☐": ("ช่องกา", "box"),
    "[ ]": ("ช่องกา", "box"),
    "☑": ("ช่องที่กาแล้ว", "ticked box"),
    "☒": ("ช่องที่กาแล้ว", "ticked box"),
    "✓": ("เครื่องหมายถูก", "tick"),
    "✔": ("เครื่องหมายถูก", "tick"),
    "✗": ("เครื่องหมายกากบาท", "cross"),
    "✘": ("เครื่องหมายกากบาท", "cross"),
}


_BULLET_MARKS = "☐✓✔✗✘"


def _choice_rule(thai: bool) -> tuple[str, str, Handler]:
    def handler(match: re.Match[str], before: str) -> str:
        text = match.string
        mark = match.group().strip()
        bullet = mark in _BULLET_MARKS and not text[: match.start()].strip() and bool(text[match.end() :].strip())
        return pad(match, before, "" if bullet else CHOICE_MARKS[mark][0 if thai else 1])

    # Its spaces are in the match, as in the noise rule's, which would otherwise take it from them.
    return ("choice", r"\s*(?:[☐☑☒✓✔✗✘]|(?<!\S)\[ \](?!\S))\s*", handler)


# A fraction's slash is "ส่วน", in an English run too, as its operators are said (ลบ, บวก):
# - where a side in parentheses meets a letter, a digit or another side, as the extraction
#   writes a stacked fraction: "(f(x0 + h) − f(x0))/h";
# - between a number and a lone small letter: "1/n", "x/2";
# - between Leibniz's differentials: "dy/dx", "d²y/dx²".
# A slash between words (และ/หรือ, input/output) or capitals (I/O, N/A) is not.
_OVER_RULE: tuple[str, str, Handler] = (
    "over",
    r"(?<=\))/(?=[(A-Za-z0-9])|(?<=[A-Za-z0-9)])/(?=\()"
    r"|(?<=[0-9])/(?=[a-z](?![A-Za-z]))|(?<=(?<![A-Za-z])[a-z])/(?=[0-9])"
    r"|(?:(?<=(?<![A-Za-z])d[a-z])|(?<=(?<![A-Za-z])d[²³][a-z]))/(?=d[²³]?[a-z](?![A-Za-z]))",
    lambda m, b: pad(m, b, "ส่วน"),
)


# A limit as the extraction writes it, its script after it: "lim h→0 (f(x + h) − f(x))/h" is
# "ลิมิต h เข้าใกล้ 0 ...", as a Thai class says it.
# In a sentence TeX sets the script beside "lim", low, and it is read glued on: "limx→a".
_LIMIT_RULE: tuple[str, str, Handler] = (
    "limit", r"(?<![A-Za-z])lim(?![A-Za-z])|(?<![A-Za-z])lim(?=[A-Za-z∆Δθ][A-Za-z0-9]{0,2}\s*→)",
    lambda m, b: pad(m, b, "ลิมิต"),
)
_LIMIT_SCRIPT = re.compile(r"(?<![A-Za-z])lim\s*\S{1,6}\s*$")


def _arrow(match: re.Match[str], before: str) -> str:
    """An arrow: the approach of a limit's script (with the side a one-sided limit is taken
    from, "x→0+"), a vector's, a bullet's (said as nothing), or else the arrow by its name."""
    written = match.string[: match.start()]
    if _LIMIT_SCRIPT.search(written):
        target, side = match.group("target"), match.group("side")
        if not side:
            return pad(match, before, "เข้าใกล้")
        spoken = read_number(target) if target.isdigit() else SIGNS.get(target, target)
        return pad(match, before, f"เข้าใกล้ {spoken} จากทาง{'ขวา' if side == '+' else 'ซ้าย'}")
    rest = match.group()[1:]
    if vector_arrow(match.string, match.start()):
        return pad(match, before, "เวกเตอร์") + rest
    if not written.strip():  # a line that opens with an arrow (split_runs moves only a vector's): a bullet
        return rest.lstrip()
    return pad(match, before, ARROWS[match.group()[0]]) + rest


_ARROW_RULE: tuple[str, str, Handler] = (
    "arrow",
    rf"[{''.join(ARROWS)}](?:\s*(?P<target>[0-9]+|[A-Za-z]|∞)(?P<side>[+−-])(?![\w+−-]))?",
    _arrow,
)


# Word's equation editor writes Cambria Math's letters and digits as the Mathematical
# Alphanumeric Symbols (a thesis's table head "𝒏 ∑𝒕 ∑𝒕𝟐", b20_23), and Planck's h (ℎ)
# and the small raised letters (a set's complement "Aᶜ") stand for letters too; a voice
# has no word for them, and espeak's Thai voice read out each one's code ("𝒏": เลข หนึ่ง
# ดี สี่ แปด เอฟ). Each is read as the letter or digit it styles, one character for one, so
# the spoken text still maps back to the page's.
_STYLED_LETTERS = {
    code: folded
    for code in (*range(0x1D400, 0x1D800), *range(0x2100, 0x2150), *range(0x1D2C, 0x1DC0))
    if len(folded := unicodedata.normalize("NFKC", chr(code))) == 1 and folded.isalnum() and folded != chr(code)
    and (code >= 0x1D400 or folded.isascii()) and code != 0x2139  # ℹ is an information sign, no letter
}


class Normalizer:
    """Applies the pronunciation dictionary, then the rules for the run's language."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self._rules = {
            Lang.THAI: self._compile(self._thai_rules()),
            Lang.ENGLISH: self._compile(self._english_rules()),
        }

    def normalize(self, text: str, lang: Lang = Lang.THAI) -> Normalized:
        """Rewrite ``text`` for an engine speaking ``lang`` (anything but English reads as Thai)."""
        pattern, handlers = self._rules[Lang.ENGLISH if lang is Lang.ENGLISH else Lang.THAI]
        text = text.translate(_STYLED_LETTERS)
        out = _Builder()
        pos = 0
        for match in pattern.finditer(text):
            if match.start() > pos:
                out.add(pos, match.start(), text[pos : match.start()], literal=True)
            name = match.lastgroup or ""
            out.add(match.start(), match.end(), handlers[name](match, out.text()), literal=False)
            pos = match.end()
        if pos < len(text):
            out.add(pos, len(text), text[pos:], literal=True)
        return Normalized(out.text(), tuple(out.pieces))

    @staticmethod
    def _compile(rules: list[tuple[str, str, Handler]]) -> tuple[re.Pattern[str], dict[str, Handler]]:
        alternatives = "|".join(f"(?P<{name}>{regex})" for name, regex, _ in rules if regex)
        return re.compile(alternatives), {name: handler for name, _, handler in rules}

    def _lexicon_rule(self) -> tuple[str, str, Handler]:
        return ("lex", self.lexicon.pattern, lambda m, _: self.lexicon[m.group()])

    @staticmethod
    def _operator_rules(arithmetic: dict[str, str]) -> list[tuple[str, str, Handler]]:
        """Operators between operands, in Thai for either voice: Thai readers say code that way."""
        return [
            _NOTE_MARK,
            _POWER,
            # "List<String>", "<br>": angle brackets around a name are brackets, not comparisons
            ("tag", r"<(?=[A-Za-z\u0e01-\u0e2e][^<>=\s]*>)", lambda m, b: pad(m, b, "")),
            ("star", _STAR_ALONE, lambda m, b: pad(m, b, "ดอกจัน")),  # "everything", not a product
            ("compare", between(COMPARISONS, _COMPARED), _compare),
            ("arithmetic", between(arithmetic, _OPERANDS), _arithmetic(arithmetic)),
        ]

    def _thai_rules(self) -> list[tuple[str, str, Handler]]:
        symbols = sorted(THAI_SYMBOLS, key=len, reverse=True)
        return [
            self._lexicon_rule(),
            ("blank", _BLANK, lambda m, b: pad(m, b, "ช่องว่าง")),
            _LEADER_RULE,
            _unit_rule(thai=True),
            # a space before a dot is an OCR split ("ก .พ .ร."), never how Thai is typed
            (
                "abbr",
                rf"(?={_CONSONANT})(?<!{_THAI_LETTER})(?:(?:{_CONSONANT}{{1,3}} ?\.){{2,}}|{_CONSONANT}{{1,4}}\.)",
                self._abbreviation,
            ),
            ("isodate", _ISO_DATE, self._iso_date),
            ("timerange", _TIME_RANGE, self._time_range),
            (
                "time",
                rf"(?<!{_D}){_HOUR}[:.]{_MINUTE}\s*(?:น\.|นาฬิกา)|(?<!{_D}){_HOUR}:{_MINUTE}(?!{_D})",
                self._time,
            ),
            ("date", rf"(?<!{_D}){_D}{{1,2}}/{_MONTH}/(?:{_D}{{4}}|{_D}{{2}})(?!{_D})", self._date),
            ("identifier", _GROUPED_ID, lambda m, _: read_digits(m.group(), Lang.THAI)),
            ("fraction", rf"(?<![0-9๐-๙/]){_D}+/{_D}+(?![0-9๐-๙/])", self._fraction),
            # Section numbers (ข้อ 1.2.3) are said with จุด between their parts; 1.5 is a decimal.
            ("section", rf"(?<![0-9๐-๙.]){_D}+(?:\.{_D}+){{2,}}(?![0-9๐-๙])", self._section),
            ("ratio", rf"(?<![0-9๐-๙:]){_D}+\s*:\s*{_D}+(?![0-9๐-๙:])", self._ratio),
            ("range", rf"(?:{NUMBER})\s*[-–]\s*(?:{NUMBER})", self._range),
            ("money", rf"(?:{NUMBER})\s*บาท|฿\s*(?:{NUMBER})", self._money),
            # "5 % 2" (a number after it) is the remainder, said by the operator rules
            ("percent", rf"{_SIGNED}\s*%(?!\s+{_D})", lambda m, _: read_number(m.group().rstrip("% ")) + "เปอร์เซ็นต์"),
            ("number", _SIGNED, self._number),
            ("circled", _CIRCLED, lambda m, b: pad(m, b, read_number(str(int(unicodedata.numeric(m.group())))))),
            ("yamok", r"\s*ๆ", lambda _, before: last_thai_word(before)),
            ("paiyannoi", "ฯ", lambda m, _: ""),
            _choice_rule(thai=True),
            _OVER_RULE,
            _LIMIT_RULE,
            _ARROW_RULE,
            *self._operator_rules(ARITHMETIC),
            (
                "symbol",
                "|".join(re.escape(s) for s in symbols),
                lambda m, b: pad(m, b, THAI_SYMBOLS[m.group()]),
            ),
            ("noise", rf"\s*[{NOISE}{DECORATION}]+\s*", lambda m, b: pad(m, b, "")),
            ("space", r"\s{2,}|[\n\t\r\f\v]", lambda m, _: " "),
        ]

    def _english_rules(self) -> list[tuple[str, str, Handler]]:
        symbols = sorted(ENGLISH_SYMBOLS, key=len, reverse=True)
        return [
            self._lexicon_rule(),
            ("blank", _BLANK, lambda m, b: pad(m, b, "blank")),
            _LEADER_RULE,
            _unit_rule(thai=False),
            ("acronym", r"(?<![A-Za-z0-9_])(?:[A-Z]{2,6}|[A-Z][a-z][A-Z])[0-9]*(?![A-Za-z0-9_])", _latin_acronym),
            ("identifier", _GROUPED_ID, lambda m, _: read_digits(m.group(), Lang.ENGLISH)),
            ("number", r"(?<![\w.,\-])[0-9]+(?:-[0-9]+)?(?![\w\-])", _english_number),
            ("digits", f"[{THAI_DIGITS}]+", lambda m, _: to_arabic(m.group())),
            _choice_rule(thai=False),
            _OVER_RULE,
            _LIMIT_RULE,
            _ARROW_RULE,
            *self._operator_rules(CODE_ARITHMETIC),
            (
                "symbol",
                "|".join(re.escape(s) for s in symbols),
                lambda m, b: pad(m, b, ENGLISH_SYMBOLS[m.group()]),
            ),
            ("noise", rf"\s*[{NOISE}{DECORATION}]+\s*", lambda m, b: pad(m, b, "")),
            ("space", r"\s{2,}|[\n\t\r\f\v]", lambda m, _: " "),
        ]

    @staticmethod
    def _number(match: re.Match[str], _: str) -> str:
        written = match.group()
        if is_identifier_number(written, preceding(match)):
            return read_digits(written, Lang.THAI)
        return read_number(written)

    def _abbreviation(self, match: re.Match[str], before: str) -> str:
        """Dotted Thai letters: a chain of known titles ("รศ.ดร.") is read as titles, anything
        else ("สกอ.", "ม.6", "ก.พ.ร.") by letter names. One short word with a full stop ("คน.")
        is left as it is."""
        parts = re.findall(rf"{_CONSONANT}+(?= ?\.)", match.group())
        if len(parts) == 1 and len(parts[0]) == 2 and parts[0] in dictionary():
            return match.group()
        if len(parts) > 1 and all(f"{p}." in TITLES and self.lexicon.get(f"{p}.") for p in parts):
            return pad(match, before, " ".join(self.lexicon[f"{p}."] for p in parts))
        return pad(match, before, spell_thai(match.group()))

    @staticmethod
    def _time(match: re.Match[str], _: str) -> str:
        hour, minute = re.findall(_D + "+", match.group())[:2]
        return read_time(hour, minute)

    @staticmethod
    def _time_range(match: re.Match[str], _: str) -> str:
        h1, m1, h2, m2 = re.findall(_D + "+", match.group())[:4]
        return f"{read_time(h1, m1)} ถึง {read_time(h2, m2)}"

    @staticmethod
    def _fraction(match: re.Match[str], _: str) -> str:
        """1/2 is a fraction; a document number over its year (ที่ 123/2566, 0012/2566), a year
        over its term (2567/1), a house number or a class (เลขที่ 99/12, ม.6/2) are read with
        ทับ, as the slash is said in Thai numbers."""
        top, bottom = match.group().split("/")
        years = _YEAR.fullmatch(to_arabic(bottom)) or _YEAR.fullmatch(to_arabic(top))
        if years or (len(top) > 1 and to_arabic(top).startswith("0")) or _SLASH_CONTEXT.search(preceding(match)):
            return f"{read_number(top)} ทับ {read_number(bottom)}"
        return f"{read_number(top)}ส่วน{read_number(bottom)}"

    @staticmethod
    def _section(match: re.Match[str], _: str) -> str:
        return "จุด".join(read_number(part) for part in match.group().split("."))

    @staticmethod
    def _ratio(match: re.Match[str], _: str) -> str:
        """1:2 is a ratio (the time rule has taken 9:30 and 13:05 before this one)."""
        left, right = re.split(r"\s*:\s*", match.group())
        return f"{read_number(left)}ต่อ{read_number(right)}"

    @staticmethod
    def _date(match: re.Match[str], _: str) -> str:
        day, month, year = match.group().split("/")
        return read_date(day, month, year)

    @staticmethod
    def _range(match: re.Match[str], _: str) -> str:
        low, high = re.split(r"\s*[-–]\s*", match.group(), maxsplit=1)
        before = preceding(match)
        if is_identifier_range(low, high, before):
            return read_digits(match.group(), Lang.THAI)
        if _BEFORE_OPERATOR.search(before) or _AFTER_OPERATOR.match(match.string, match.end()):
            return f"{read_number(low)} ลบ {read_number(high)}"  # in a formula: 5 - 3 = 2
        return f"{read_number(low)} ถึง {read_number(high)}"

    @staticmethod
    def _iso_date(match: re.Match[str], _: str) -> str:
        year, month, day = match.group().split("-")
        return read_date(day, month, year)

    @staticmethod
    def _money(match: re.Match[str], _: str) -> str:
        return read_money(re.sub(r"[฿บาท\s]", "", match.group()))
