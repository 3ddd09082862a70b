"""Sentences and words of Thai (and mixed Thai-English) paragraphs, with offsets.

Thai writes no spaces between words and no full stop at the end of a sentence, so both
come from PyThaiNLP: its CRF sentence model (``crfcut``) and dictionary word segmentation
(``nlpo3``, the same dictionary and maximal matching as ``newmm``). ``crfcut.segment``
tokenizes with ``newmm``, whose pure-Python dictionary trie costs 0.85 s to build on first
use; we feed the same CRF model the identical ``nlpo3`` tokens instead (0.1 s to load).
Runs of other scripts are segmented by their own rules, and dotted abbreviations
(``พ.ศ.``, ``ก.พ.ร.``) never end a sentence.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from guidelight.core.model import Lang, Sentence, Word
from guidelight.thai.digits import to_arabic

_THAI_RUN = re.compile("[\u0e00-\u0e7f]+")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’.\-][A-Za-z\u00c0-\u024f]+)*\.?|\d+(?:[.,:]\d+)*%?|\S")
_NAME_CHAR = re.compile("[A-Za-z0-9\u0e50-\u0e59]")  # what file names, addresses and numbers are made of
_THAI_DIGIT_WORD = re.compile("[\u0e50-\u0e59]+(?:[.,:][\u0e50-\u0e59]+)*")
# A Thai dotted abbreviation at the end of a cut (``พ.ศ.``, ``ก.พ.``, ``ดร.``): no sentence ends there.
ABBREVIATION_END = re.compile(r"(?:^|[\s(\"“])(?:[\u0e01-\u0e4e]{1,4}\.)+\s*$")
# Starts of pieces that only continue what came before (a number after พ.ศ., the rest of ก.พ.ร.).
_CONTINUATION_START = re.compile(r"^\s*(?:[\u0e01-\u0e2e]{1,2}\.|[\d\u0e50-\u0e59])")
_ENGLISH_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%”\"][.!?])\s+(?=[A-Z(“\"])")
_ENGLISH_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "e.g.", "i.e.", "etc.", "vs.", "Fig.", "No.")
# A list number ("1.", "2.3.", "๑.") standing at the start of the text or after a space.
_LIST_NUMBER = re.compile(r"(?:^|(?<=\s))[\d\u0e50-\u0e59]{1,3}(?:\.[\d\u0e50-\u0e59]{1,3})*\.$")
# Words a number after them refers to ("ข้อ 1.", "รูปที่ 3.", "หน้า 12."): not a list item.
_NUMBERED_BY = re.compile(r"(?:ข้อ|ที่|หน้า|บท|ภาพ|รูป|ตาราง|มาตรา|หมวด|ฉบับ|เล่ม|ตอน|ภาค|ชั้น|ระดับ|ครั้ง|ขั้น)\s*$")

_model_lock = threading.Lock()


@lru_cache(maxsize=1)
def _crfcut() -> Any:
    from pythainlp.tokenize import crfcut

    return crfcut


def warm_up() -> None:
    """Load the sentence and word models now (a few tenths of a second), e.g. on a
    background thread while the app's window appears, so the first page needs no wait."""
    with _model_lock:
        _crf_sentences("ทดสอบ ระบบ")


def _crf_sentences(text: str) -> list[str]:
    """``crfcut.segment`` with nlpo3 tokens: the same CRF model and the same rules."""
    crfcut = _crfcut()
    tokens = thai_words(text)
    if not tokens:
        return []
    labels = crfcut._tagger.tag(crfcut._extract_features(tokens))
    labels[-1] = "E"
    ends = [0]
    for token in tokens:
        ends.append(ends[-1] + len(token))
    for i, token in enumerate(tokens):
        listed = _LIST_NUMBER.search(text, 0, ends[i + 1]) if token.endswith(".") else None
        if _inside_a_name(tokens, i):
            labels[i] = "I"  # "index.html", "www.example.com", "128!18": no sentence ends there
        elif listed and _list_item(text[: listed.start()], listed.group()):
            labels[i] = "I"  # "1. การควบคุมด้วยมือ" is one sentence, not "1." and the rest
            if i + 1 < len(tokens) and not tokens[i + 1].strip():
                labels[i + 1] = "I"  # nor does the space after the number end it
            if not _opens_or_named(text[: listed.start()]):
                _end_before_item(text, listed.start(), ends, labels)
        elif token.strip().endswith(("!", ".", "?")):
            labels[i] = "E"
        elif (i == 0 or labels[i - 1] == "E") and not token.strip():
            labels[i] = "I"  # a space never ends a sentence on its own
    sentences, current = [], ""
    for token, label in zip(tokens, labels, strict=True):
        current += token
        if label == "E" and current:
            sentences.append(current)
            current = ""
    return sentences


def _list_item(before: str, number: str) -> bool:
    """Does ``number`` ("1.", "2.3."), after the text ``before`` it, number a list item, or an
    item a word before it names? At the start of the paragraph or named (``_opens_or_named``),
    always; inside it, when it is a list's first (its last part 1) or the one after a number
    before it ("2." after "1."): "ผลลัพธ์ที่ได้คือ 5. ต่อมา" ends a sentence with a number."""
    if _opens_or_named(before):
        return True
    *prefix, last = number.rstrip(".").split(".")
    value = int(to_arabic(last))
    if value == 1:
        return True
    previous = ".".join([*prefix, str(value - 1)]) + "."
    return re.search(rf"(?:^|\s){re.escape(previous)}", to_arabic(before)) is not None


def _opens_or_named(before: str) -> bool:
    """Does a number after ``before`` open its paragraph, or does a word right before it
    name it ("ข้อ 1.", "รูปที่ 3.")? Then it stays in the sentence it begins or is in."""
    return not before.strip() or _NUMBERED_BY.search(before) is not None


def _end_before_item(text: str, start: int, ends: list[int], labels: list[str]) -> None:
    """A list item numbered inside a paragraph ("มีดังนี้ 1. การวางแผน 2. การจัดองค์กร") begins
    a sentence: the one before ends at the space before its number (at ``start``), where
    the sentence model had cut after the number ("การวางแผน 2." and "การจัดองค์กร")."""
    space = ends.index(start) - 1 if start in ends else -1
    if space >= 0 and not text[ends[space] : start].strip():
        labels[space] = "E"


def _inside_a_name(tokens: list[str], i: int) -> bool:
    """Is token ``i`` a dot (or ! or ?) with a Latin letter or a digit right before and after it: part
    of a file name, an address or a number, which Thai course texts are full of, not the
    end of a sentence. Listeners navigate by sentence: "เปิดไฟล์ index." and "html ด้วย
    เบราว์เซอร์" were two."""
    token = tokens[i]
    if not token.endswith(("!", ".", "?")) or i + 1 == len(tokens) or not _NAME_CHAR.match(tokens[i + 1]):
        return False
    before = token[:-1] or (tokens[i - 1] if i else "")
    return bool(_NAME_CHAR.match(before[-1:]))


def thai_words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="nlpo3", keep_whitespace=True)


def _is_mostly_thai(text: str) -> bool:
    thai = sum(len(run) for run in _THAI_RUN.findall(text))
    letters = sum(1 for ch in text if ch.isalpha())
    return thai * 2 >= letters and thai > 0


def _cut_points(text: str) -> list[int]:
    """Offsets where a sentence ends, before abbreviations are protected."""
    if _is_mostly_thai(text):
        with _model_lock:
            pieces = _crf_sentences(text)
        points, pos = [], 0
        for piece in pieces[:-1]:
            pos += len(piece)
            points.append(pos)
        return points
    points = []
    for match in _ENGLISH_SENTENCE_END.finditer(text):
        before = text[: match.start()]
        item = _LIST_NUMBER.search(before)
        if not before.endswith(_ENGLISH_ABBREVIATIONS) and not (item and not before[: item.start()].strip()):
            points.append(match.end())  # "1. Introduction" opens its item; it ends nothing
    return points


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, outer whitespace excluded."""
    points = [
        p
        for p in _cut_points(text)
        if not (ABBREVIATION_END.search(text[:p]) or (_CONTINUATION_START.match(text[p:]) and text[p - 1] == "."))
    ]
    spans = []
    for start, end in zip([0, *points], [*points, len(text)], strict=False):
        stripped_start = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        stripped_end = end - (len(text[start:end]) - len(text[start:end].rstrip()))
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
    return spans


def word_spans(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Words of ``text[start:end]``: Thai runs by dictionary, other runs by their own rules."""
    words: list[Word] = []
    pos = start
    for match in _THAI_RUN.finditer(text, start, end):
        words.extend(_other_words(text, pos, match.start()))
        offset = match.start()
        for token in thai_words(match.group()):
            if token.strip():
                lang = Lang.OTHER if _THAI_DIGIT_WORD.fullmatch(token) else Lang.THAI
                words.append(Word(offset, offset + len(token), lang))
            offset += len(token)
        pos = match.end()
    words.extend(_other_words(text, pos, end))
    return tuple(words)


def _other_words(text: str, start: int, end: int) -> list[Word]:
    words = []
    for match in _LATIN_WORD.finditer(text, start, end):
        token = match.group()
        lang = Lang.ENGLISH if token[0].isalpha() else Lang.OTHER
        words.append(Word(match.start(), match.end(), lang))
    return words


def segment_paragraph(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Sentences (with their words) of one paragraph; offsets are shifted by ``offset``
    so they point into the page text the paragraph is part of."""
    sentences = []
    for start, end in sentence_spans(text):
        words = tuple(
            Word(w.start + offset, w.end + offset, w.lang) for w in word_spans(text, start, end)
        )
        sentences.append(Sentence(start + offset, end + offset, words))
    return tuple(sentences)
