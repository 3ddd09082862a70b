"""Stand-ins for the app tests: hand-built documents and a scripted speaker.

The scripted speaker follows the Speaker contract but produces events only when the
test says the listener has heard the next sentence, so journeys are deterministic and
silent. The library is the real one, on a temporary folder.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelight.core.errors import DocumentError, NoTextLayer, PasswordRequired
from guidelight.core.model import Document, Page
from tests.pages import build_page, words_of


def make_page(number: int, paragraphs: list[tuple[int, list[str]]]) -> Page:
    """A page from (heading level or 0, sentences); words are split at spaces and '|'."""
    return build_page(number, [(level, [words_of(s) for s in sentences]) for level, sentences in paragraphs])


LECTURE = [
    [(1, ["บท|ที่ 1 การ|ฟัง"]), (0, ["การ|ฟัง|เป็น|ทักษะ", "นัก|ศึกษา|ฟัง|ตั้งใจ", "Listening is a skill."])],
    [(2, ["1.1 ความ|หมาย"]), (0, ["ฟัง|แล้ว|สรุป", "ถาม|คำ|ถาม", "จด|บันทึก"])],
    [(0, ["สรุป|ท้าย|บท"])],
]


def make_document(pages: list[list[tuple[int, list[str]]]] = LECTURE, content_hash: str = "lecture") -> Document:
    return Document(title="Lecture", page_count=len(pages), content_hash=content_hash,
                    loader=lambda n: make_page(n, pages[n - 1]))


@dataclass(frozen=True)
class FakeUtterance:
    text: str
    page: int = 0
    start: int = 0
    kind: str = "reading"
    turn: Any = None  # PageTurn: a sentence read whole across a page break


@dataclass(frozen=True)
class FakeEvent:
    kind: str
    utterance: FakeUtterance | None
    offset: int = 0
    length: int = 0
    message: str = ""


class ScriptedSpeaker:
    """Speaker stand-in: records what it was asked to say; the test plays it out."""

    def __init__(self) -> None:
        self.announced: list[str] = []
        self.spoken: list[str] = []
        self.rate = 0
        self.volume = 1.0
        self.voice = ""
        self.pronunciations: dict[str, str] = {}
        self._queue: Iterator[Any] = iter(())
        self._on_event: Callable[[Any], None] | None = None
        self.speaking = False

    def speak(self, utterances: Iterable[Any], on_event: Callable[[Any], None]) -> None:
        self._queue = iter(utterances)
        self._on_event = on_event
        self.speaking = True

    def hear_next(self) -> FakeUtterance | None:
        """The listener hears the next sentence: start, its first word, end (or done)."""
        assert self._on_event is not None
        utterance = next(self._queue, None)
        if utterance is None:
            self.speaking = False
            self._on_event(FakeEvent("done", None))
            return None
        self.spoken.append(utterance.text)
        self._on_event(FakeEvent("start", utterance, utterance.start, len(utterance.text)))
        first = len(utterance.text.split(" ")[0])
        self._on_event(FakeEvent("word", utterance, utterance.start, first))
        self._on_event(FakeEvent("end", utterance, utterance.start, len(utterance.text)))
        return utterance

    def hear_word(self, utterance: FakeUtterance, at: int, length: int) -> None:
        """The listener hears the word at ``at`` in the utterance's text."""
        assert self._on_event is not None
        self._on_event(FakeEvent("word", utterance, utterance.start + at, length))

    def announce(self, text: str) -> None:
        self.announced.append(text)

    def stop(self) -> None:
        self.speaking = False
        self._queue = iter(())

    def set_rate(self, wpm: int) -> None:
        self.rate = wpm

    def set_volume(self, v: float) -> None:
        self.volume = v

    def set_pitch(self, p: int) -> None:
        pass

    def set_voice(self, voice_id: str) -> None:
        self.voice = voice_id

    def set_pronunciations(self, entries: dict[str, str]) -> None:
        self.pronunciations = dict(entries)

    def voices(self, fresh: bool = False) -> list[Any]:
        return []

    def close(self) -> None:
        pass


class Opener:
    """Stands in for open_document: file names choose the document or the failure."""

    def __init__(self, docs: dict[str, Document]) -> None:
        self.docs = docs
        self.held: dict[str, threading.Event] = {}  # these files take until their event is set

    def __call__(self, path: str, password: str | None) -> Document:
        name = Path(path).name
        if name in self.held:
            self.held[name].wait(timeout=30)
        if name == "locked.pdf" and password != "secret":
            raise PasswordRequired(path, "the document is encrypted")
        if name == "scanned.pdf":
            raise NoTextLayer(path, "no page has a text layer")
        if name not in self.docs:
            raise DocumentError(path, "this is not a PDF file")
        return self.docs[name]

