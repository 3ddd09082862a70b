"""Moving through a document by unit, saying where the reader is, spelling, searching.

Pure functions over ``guidelight.core.model``: the app binds keys to them, the tests
drive them with hand-built documents, and nothing here knows about Qt or speech. A
place is always a ``Position`` (1-based page, offset in that page's text); a unit found
at a place is a ``Span`` so the caller can highlight or speak exactly that text.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from guidelight.core.model import Document, Page, PageTurn, ParagraphKind, Position, Sentence, joint


class Unit(enum.StrEnum):
    """The units a student can move by, smallest first."""

    CHARACTER = "character"
    WORD = "word"
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    PAGE = "page"
    HEADING = "heading"


@dataclass(frozen=True)
class Span:
    """A stretch of one page's text: what to highlight, speak or spell."""

    page: int
    start: int
    end: int

    @property
    def position(self) -> Position:
        return Position(self.page, self.start)


def _spans(page: Page, unit: Unit) -> list[tuple[int, int]]:
    """The (start, end) of every unit of this kind on the page, in reading order."""
    if unit is Unit.CHARACTER:
        return [(i, i + 1) for i in range(len(page.text))]
    if unit is Unit.WORD:
        return [(w.start, w.end) for w in page.words]
    if unit is Unit.SENTENCE:
        return [(s.start, s.end) for s in page.sentences]
    if unit is Unit.PARAGRAPH:
        return [(p.start, p.end) for p in page.paragraphs]
    if unit is Unit.HEADING:
        return [(p.start, p.end) for p in page.paragraphs if p.is_heading]
    return [(0, len(page.text))]


def _containing_start(spans: list[tuple[int, int]], offset: int) -> int:
    """Start of the unit that holds ``offset``, or ``offset`` itself between units."""
    for start, end in spans:
        if start <= offset < end:
            return start
    return offset


def unit_at(doc: Document, pos: Position, unit: Unit) -> Span | None:
    """The unit that holds ``pos`` (or the first one after it on the same page)."""
    spans = _spans(doc.page(pos.page), unit)
    for start, end in spans:
        if end > pos.offset or start >= pos.offset:
            return Span(pos.page, start, end)
    return None


def move(doc: Document, pos: Position, unit: Unit, steps: int = 1, level: int = 0) -> Span | None:
    """The unit ``steps`` units after (positive) or before (negative) the one at ``pos``.

    Crosses pages and skips pages with no such unit (a scanned page has no words). A
    page move lands at the start of the page even if it is empty, so the app can say
    "no text on this page". ``level`` restricts heading moves to that heading level.
    Returns None at either end of the document: the caller says so instead of moving.
    """
    span: Span | None = None
    current = pos
    for _ in range(abs(steps)):
        span = _step(doc, current, unit, forward=steps > 0, level=level)
        if span is None:
            return None
        current = span.position
    return span


def _step(doc: Document, pos: Position, unit: Unit, *, forward: bool, level: int) -> Span | None:
    if unit is Unit.PAGE:
        number = pos.page + (1 if forward else -1)
        if not 1 <= number <= doc.page_count:
            return None
        return Span(number, 0, len(doc.page(number).text))
    number = pos.page
    while 1 <= number <= doc.page_count:
        page = doc.page(number)
        spans = _spans(page, unit)
        if unit is Unit.HEADING and level:
            spans = [(p.start, p.end) for p in page.paragraphs if p.is_heading and p.level == level]
        if number == pos.page:
            anchor = _containing_start(spans, pos.offset)
            candidates = [s for s in spans if (s[0] > anchor if forward else s[0] < anchor)]
        else:
            candidates = spans
        if candidates:
            start, end = candidates[0] if forward else candidates[-1]
            return Span(number, start, end)
        number += 1 if forward else -1
    return None


def sentences_from(doc: Document, pos: Position) -> Iterator[tuple[int, Sentence]]:
    """Every sentence from the one holding ``pos`` to the end: what "read" speaks.

    Reading resumes at the start of the sentence the reader stopped in, so a student
    never hears half a sentence after a pause.
    """
    for number in range(pos.page, doc.page_count + 1):
        for sentence in doc.page(number).sentences:
            if number > pos.page or sentence.end > pos.offset:
                yield number, sentence


@dataclass(frozen=True)
class Spoken:
    """A sentence as it is read aloud: from ``start`` on page ``page``; with ``turn``, it
    was cut by a page break and goes on there, read as one sentence."""

    page: int
    start: int
    text: str
    turn: PageTurn | None = None

    def place(self, offset: int) -> tuple[int, int]:
        """Page and page offset of ``offset`` (counted as ``start`` + index in ``text``)."""
        if self.turn is not None and offset >= self.start + self.turn.at:
            return self.turn.page, self.turn.start + offset - self.start - self.turn.at
        return self.page, offset

    def part(self, offset: int) -> Span:
        """The part of the sentence on the page where ``offset`` is heard (for the highlight)."""
        if self.turn is not None and offset >= self.start + self.turn.at:
            return Span(self.turn.page, self.turn.start, self.turn.start + len(self.text) - self.turn.at)
        end = self.start + (self.turn.at if self.turn is not None else len(self.text))
        return Span(self.page, self.start, end)


def spoken_sentences(doc: Document, pos: Position) -> Iterator[Spoken]:
    """``sentences_from`` as the voice reads them, blank ones left out: a sentence cut by a
    page break (the page ``continues``) is joined with its rest on the next page, so the
    voice does not stop, or say a page's note, in the middle of it."""
    pending: Spoken | None = None
    for number, sentence in sentences_from(doc, pos):
        page = doc.page(number)
        text = page.text[sentence.start : sentence.end]
        if not text.strip():
            continue
        if pending is not None:
            if number == pending.page + 1 and _opens_page(page, sentence):
                between = joint(pending.text, text)
                turn = PageTurn(len(pending.text) + len(between), number, sentence.start)
                yield Spoken(pending.page, pending.start, pending.text + between + text, turn)
                pending = None
                continue
            yield pending
            pending = None
        if page.continues and _closes_page(page, sentence):
            pending = Spoken(number, sentence.start, text)
        else:
            yield Spoken(number, sentence.start, text)
    if pending is not None:
        yield pending


def _closes_page(page: Page, sentence: Sentence) -> bool:
    """Is ``sentence`` the last of the page's last paragraph (a body paragraph)?"""
    return any(p.sentences[-1] == sentence for p in page.paragraphs[-1:] if p.kind is ParagraphKind.BODY
               and p.sentences)


def _opens_page(page: Page, sentence: Sentence) -> bool:
    """Is ``sentence`` the first of the page's first paragraph (a body paragraph)?"""
    return any(p.sentences[0] == sentence for p in page.paragraphs[:1] if p.kind is ParagraphKind.BODY
               and p.sentences)


@dataclass(frozen=True)
class WhereAmI:
    """What a student hears for "where am I"."""

    title: str
    page: int
    page_count: int
    heading: str
    percent: int

    def describe(self, language: str) -> str:
        """One sentence in the UI language (``th`` or ``en``)."""
        if language == "th":
            parts = [self.title, f"หน้า {self.page} จาก {self.page_count}"]
            if self.heading:
                parts.append(f"หัวข้อ {self.heading}")
            parts.append(f"{self.percent} เปอร์เซ็นต์")
        else:
            parts = [self.title, f"page {self.page} of {self.page_count}"]
            if self.heading:
                parts.append(f"heading {self.heading}")
            parts.append(f"{self.percent} percent")
        return ", ".join(p for p in parts if p)


def where_am_i(doc: Document, pos: Position) -> WhereAmI:
    """Title, page, the heading the reader is under, and how far through they are.

    The percentage counts whole pages plus the share of the current page, so it needs
    no page other than the current one (pages are produced lazily).
    """
    page = doc.page(pos.page)
    share = pos.offset / len(page.text) if page.text else 0.0
    percent = round(100 * ((pos.page - 1) + min(share, 1.0)) / max(1, doc.page_count))
    return WhereAmI(doc.title, pos.page, doc.page_count, current_heading(doc, pos), percent)


def current_heading(doc: Document, pos: Position) -> str:
    """Text of the last heading at or before ``pos``.

    Looks on the current page, then at the PDF outline, then back through pages that
    are already processed: asking "where am I" must never make the app process the
    whole document.
    """
    for para in reversed(doc.page(pos.page).paragraphs):
        if para.is_heading and para.start <= pos.offset:
            return doc.page(pos.page).slice(para.start, para.end).strip()
    entries = [e for e in doc.outline if e.page <= pos.page]
    if entries:
        return entries[-1].title
    for number in range(pos.page - 1, 0, -1):
        if not doc.is_ready(number):
            continue
        page = doc.page(number)
        for para in reversed(page.paragraphs):
            if para.is_heading:
                return page.slice(para.start, para.end).strip()
    return ""


# Thai letter names as taught in school: the consonant's sound plus its key word.
_CONSONANT_WORDS = {
    "ก": "ไก่", "ข": "ไข่", "ฃ": "ขวด", "ค": "ควาย", "ฅ": "คน", "ฆ": "ระฆัง", "ง": "งู",
    "จ": "จาน", "ฉ": "ฉิ่ง", "ช": "ช้าง", "ซ": "โซ่", "ฌ": "เฌอ", "ญ": "หญิง", "ฎ": "ชฎา",
    "ฏ": "ปฏัก", "ฐ": "ฐาน", "ฑ": "มณโฑ", "ฒ": "ผู้เฒ่า", "ณ": "เณร", "ด": "เด็ก", "ต": "เต่า",
    "ถ": "ถุง", "ท": "ทหาร", "ธ": "ธง", "น": "หนู", "บ": "ใบไม้", "ป": "ปลา", "ผ": "ผึ้ง",
    "ฝ": "ฝา", "พ": "พาน", "ฟ": "ฟัน", "ภ": "สำเภา", "ม": "ม้า", "ย": "ยักษ์", "ร": "เรือ",
    "ล": "ลิง", "ว": "แหวน", "ศ": "ศาลา", "ษ": "ฤๅษี", "ส": "เสือ", "ห": "หีบ", "ฬ": "จุฬา",
    "อ": "อ่าง", "ฮ": "นกฮูก",
}
_THAI_SIGNS = {
    "ะ": "สระอะ", "ั": "ไม้หันอากาศ", "า": "สระอา", "ำ": "สระอำ", "ิ": "สระอิ", "ี": "สระอี",
    "ึ": "สระอึ", "ื": "สระอือ", "ุ": "สระอุ", "ู": "สระอู", "เ": "สระเอ", "แ": "สระแอ",
    "โ": "สระโอ", "ใ": "ไม้ม้วน", "ไ": "ไม้มลาย", "ฤ": "ตัวรึ", "ฦ": "ตัวลึ", "ๅ": "ลากข้าง",
    "็": "ไม้ไต่คู้", "่": "ไม้เอก", "้": "ไม้โท", "๊": "ไม้ตรี", "๋": "ไม้จัตวา",
    "์": "ทัณฑฆาต", "ํ": "นิคหิต", "ฺ": "พินทุ", "ๆ": "ไม้ยมก", "ฯ": "ไปยาลน้อย", "๏": "ฟองมัน",
    "฿": "บาท",
}
_THAI_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_SPACE_NAMES = {"th": "เว้นวรรค", "en": "space"}
_CAPITAL = {"th": "ตัวใหญ่", "en": "capital"}


def letter_name(char: str, language: str = "th") -> str:
    """How to say one character when spelling: "กอ ไก่", "ไม้เอก", "capital A"."""
    if char in _CONSONANT_WORDS:
        return f"{char}อ {_CONSONANT_WORDS[char]}"
    if char in _THAI_SIGNS:
        return _THAI_SIGNS[char]
    if "๐" <= char <= "๙":
        return _THAI_DIGITS[ord(char) - ord("๐")]
    if char.isspace():
        return _SPACE_NAMES.get(language, "space")
    if char.isalpha() and char.isupper():
        return f"{_CAPITAL.get(language, 'capital')} {char}"
    return char


def spell(text: str, language: str = "th") -> list[str]:
    """The letter names of ``text`` in order, one per character, for speaking one by one."""
    return [letter_name(c, language) for c in unicodedata.normalize("NFC", text)]


# --- Thai-aware search ------------------------------------------------------------

_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}
# Above/below vowels come before tone marks in the normal typing order; PDFs and
# typists often store them the other way round, which looks identical on screen.
_VOWEL_MARKS = set("ัิีึืุู็ํฺ")
_TONE_MARKS = set("่้๊๋์")


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def normalize_for_search(text: str) -> tuple[str, list[int]]:
    """Text as search compares it, plus the source index of every kept character.

    Folds what a listener cannot hear or a sighted user cannot see: case, zero-width
    characters, spaces the PDF left inside Thai words, nikhahit + sara aa written for
    sara am, and the order of stacked marks. The index list maps a match back to the
    original offsets so the app can highlight and move there.
    """
    chars: list[str] = []
    index: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in _INVISIBLE:
            i += 1
            continue
        if char == "\u0e4d" and i + 1 < len(text) and text[i + 1] == "\u0e32":
            chars.append("\u0e33")
            index.append(i)
            i += 2
            continue
        if char.isspace():
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            before = chars[-1] if chars else ""
            after = text[j] if j < len(text) else ""
            if chars and after and not (_is_thai(before) and _is_thai(after)):
                chars.append(" ")
                index.append(i)
            i = j
            continue
        chars.append(char.casefold() if len(char.casefold()) == 1 else char)
        index.append(i)
        i += 1
    _order_marks(chars, index)
    return "".join(chars), index


def _order_marks(chars: list[str], index: list[int]) -> None:
    """Put each tone mark after the vowel mark stacked on the same consonant."""
    for k in range(len(chars) - 1):
        if chars[k] in _TONE_MARKS and chars[k + 1] in _VOWEL_MARKS:
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
            index[k], index[k + 1] = index[k + 1], index[k]


def _find_on_page(page: Page, needle: str, after: int, before: int, forward: bool) -> Span | None:
    hay, index = normalize_for_search(page.text)
    hits: list[Span] = []
    found = hay.find(needle)
    while found >= 0:
        start = min(index[found : found + len(needle)])
        end = max(index[found : found + len(needle)]) + 1
        if after <= start < before:
            hits.append(Span(page.number, start, end))
        found = hay.find(needle, found + 1)
    if not hits:
        return None
    return hits[0] if forward else hits[-1]


def search(
    doc: Document, query: str, origin: Position, forward: bool = True, wrap: bool = True
) -> Span | None:
    """The next (or previous) match of ``query`` strictly after (before) ``origin``.

    Wraps round the document once when ``wrap`` is set, so F3 keeps finding matches.
    """
    needle, _ = normalize_for_search(query.strip())
    if not needle:
        return None
    count = doc.page_count
    step = 1 if forward else -1
    for k in range(count + (1 if wrap else 0)):
        number = origin.page + step * k
        if not wrap and not 1 <= number <= count:
            break
        number = (number - 1) % count + 1
        page = doc.page(number)
        after, before = 0, len(page.text) + 1
        if k == 0:
            after, before = (origin.offset + 1, before) if forward else (0, origin.offset)
        elif k == count:  # wrapped back to the origin page: only the part not yet searched
            after, before = (0, origin.offset + 1) if forward else (origin.offset, before)
        hit = _find_on_page(page, needle, after, before, forward)
        if hit is not None:
            return hit
    return None
