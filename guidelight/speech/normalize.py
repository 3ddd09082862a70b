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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pythainlp.util import bahttext, num_to_thaiword

from guidelight.core.model import Lang
from guidelight.speech.lexicon import MONTHS, TITLES, Lexicon

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")

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
NOISE = "•●○◦■□▪▫►▶◆◇★☆✓✔✗✘※#*_|/\\^`~<>{}\\[\\]“”\"'‘’…–—"
THAI_SYMBOLS = {
    "&": "และ",
    "+": "บวก",
    "=": "เท่ากับ",
    "×": "คูณ",
    "÷": "หาร",
    "°C": "องศาเซลเซียส",
    "℃": "องศาเซลเซียส",
    "°": "องศา",
    "@": "แอท",
}
ENGLISH_SYMBOLS = {"&": "and", "°C": "degrees Celsius", "℃": "degrees Celsius", "°": "degrees"}


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


def to_arabic(digits: str) -> str:
    return digits.translate(_TO_ARABIC)


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

    return lambda text: word_tokenize(text, engine="newmm", keep_whitespace=False)


def last_thai_word(text: str) -> str:
    """The word that mai yamok repeats: the last Thai word before it."""
    run = re.search(rf"{_THAI_LETTER}+$", text.rstrip())
    if not run:
        return ""
    words = thai_tokenizer()(run.group())
    return words[-1] if words else ""


Handler = Callable[[re.Match[str], str], str]


def pad(match: re.Match[str], before: str, words: str) -> str:
    """``words`` with a space on each side that is not already next to one, so words stay apart."""
    after = match.string[match.end() : match.end() + 1]
    left = " " if before and not before[-1].isspace() else ""
    right = " " if after and not after.isspace() else ""
    return f"{left}{words}{right}" if words else (" " if left and right else "")


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

    def _thai_rules(self) -> list[tuple[str, str, Handler]]:
        symbols = sorted(THAI_SYMBOLS, key=len, reverse=True)
        return [
            self._lexicon_rule(),
            ("abbr", rf"(?<!{_THAI_LETTER})(?:{_CONSONANT}{{1,3}}\.){{2,}}", self._abbreviation),
            ("timerange", _TIME_RANGE, self._time_range),
            (
                "time",
                rf"(?<!{_D}){_HOUR}[:.]{_MINUTE}\s*(?:น\.|นาฬิกา)|(?<!{_D}){_HOUR}:{_MINUTE}(?!{_D})",
                self._time,
            ),
            ("date", rf"(?<!{_D}){_D}{{1,2}}/{_MONTH}/(?:{_D}{{4}}|{_D}{{2}})(?!{_D})", self._date),
            ("fraction", rf"(?<![0-9๐-๙/]){_D}+/{_D}+(?![0-9๐-๙/])", self._fraction),
            ("range", rf"(?:{NUMBER})\s*[-–]\s*(?:{NUMBER})", self._range),
            ("money", rf"(?:{NUMBER})\s*บาท|฿\s*(?:{NUMBER})", self._money),
            ("percent", rf"{_SIGNED}\s*%", lambda m, _: read_number(m.group().rstrip("% ")) + "เปอร์เซ็นต์"),
            ("number", _SIGNED, lambda m, _: read_number(m.group())),
            ("yamok", r"\s*ๆ", lambda _, before: last_thai_word(before)),
            ("paiyannoi", "ฯ", lambda m, _: ""),
            (
                "symbol",
                "|".join(re.escape(s) for s in symbols),
                lambda m, b: pad(m, b, THAI_SYMBOLS[m.group()]),
            ),
            ("noise", rf"\s*[{NOISE}]+\s*", lambda m, b: pad(m, b, "")),
            ("space", r"\s{2,}|[\n\t\r\f\v]", lambda m, _: " "),
        ]

    def _english_rules(self) -> list[tuple[str, str, Handler]]:
        symbols = sorted(ENGLISH_SYMBOLS, key=len, reverse=True)
        return [
            self._lexicon_rule(),
            ("digits", f"[{THAI_DIGITS}]+", lambda m, _: to_arabic(m.group())),
            (
                "symbol",
                "|".join(re.escape(s) for s in symbols),
                lambda m, b: pad(m, b, ENGLISH_SYMBOLS[m.group()]),
            ),
            ("noise", rf"\s*[{NOISE}]+\s*", lambda m, b: pad(m, b, "")),
            ("space", r"\s{2,}|[\n\t\r\f\v]", lambda m, _: " "),
        ]

    def _abbreviation(self, match: re.Match[str], before: str) -> str:
        """A chain of known titles ("รศ.ดร.") is read as titles, anything else letter by letter."""
        parts = re.findall(rf"{_CONSONANT}{{1,3}}\.", match.group())
        if all(p in TITLES and self.lexicon.get(p) for p in parts):
            return pad(match, before, " ".join(self.lexicon[p] for p in parts))
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
        top, bottom = match.group().split("/")
        return f"{read_number(top)}ส่วน{read_number(bottom)}"

    @staticmethod
    def _date(match: re.Match[str], _: str) -> str:
        day, month, year = (to_arabic(x) for x in match.group().split("/"))
        return f"{read_number(str(int(day)))} {MONTHS[int(month) - 1]} {read_number(year)}"

    @staticmethod
    def _range(match: re.Match[str], _: str) -> str:
        low, high = re.split(r"\s*[-–]\s*", match.group(), maxsplit=1)
        return f"{read_number(low)} ถึง {read_number(high)}"

    @staticmethod
    def _money(match: re.Match[str], _: str) -> str:
        return read_money(re.sub(r"[฿บาท\s]", "", match.group()))
