"""What the student is doing with the open document: reading, moving, bookmarking.

Plain Python with no Qt import, so the journeys can be reasoned about (and tested)
without widgets: the window implements ``ReadingView`` and forwards key commands here;
the session calls the navigation functions, the speaker and the library. It runs on the
GUI thread; speech events reach it through the speaker's ``post`` (a queued Qt call).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from guidelight.core import navigation
from guidelight.core.model import Document, Page, Position
from guidelight.core.navigation import Span, Unit
from guidelight.gui.i18n import tr


class ReadingView(Protocol):
    """What the session needs from the reading widget."""

    def show_page(self, page: Page) -> None: ...
    def show_highlight(self, sentence: Span | None, word: Span | None) -> None: ...
    def move_caret(self, offset: int) -> None: ...
    def caret_offset(self) -> int: ...
    def show_status(self, text: str) -> None: ...


def _no_note(_page: Page) -> str:
    return ""


def _no_hook(_number: int) -> None:
    return None


def _inside(span: Span | None, sentence: Span | None) -> Span | None:
    """``span`` if it lies inside ``sentence`` and is smaller: a word, a letter, a search
    hit or a cell is marked in the word colour, but a page or a paragraph moved to is not
    (painting a whole page in the highlight colour hid where the reading was)."""
    if span is None or sentence is None or span == sentence or span.page != sentence.page:
        return None
    return span if sentence.start <= span.start and span.end <= sentence.end else None


SPELL_AGAIN_SECONDS = 0.8  # a second press within this time spells instead of repeating


class ReadingSession:
    """The open document, the reading position and what happens on each command.

    ``say(text, page, start, before="")`` speaks document text through the confirmation
    route (own voice, screen reader or both), after ``before`` if given, and ``announce``
    speaks a short confirmation; both are supplied by the window, which knows the setting.
    ``make_utterance`` builds the speaker's own ``Utterance`` type so this module does not
    depend on the speech package.
    ``note_for(page)`` is what the student must know about a page's text (recognised by
    OCR, an unread image, doubtful), told once per page on entering it; ``on_page(n)``
    is called when page ``n`` comes on screen (the window reads ahead from there).
    """

    def __init__(
        self,
        view: ReadingView,
        speaker: Any,
        library: Any,
        announce: Callable[[str], None],
        say: Callable[..., None],
        make_utterance: Callable[..., Any],
        language: Callable[[], str],
        caret_follows_speech: Callable[[], bool],
        note_for: Callable[[Page], str] = _no_note,
        on_page: Callable[[int], None] = _no_hook,
    ) -> None:
        self.view = view
        self.speaker = speaker
        self.library = library
        self.announce = announce
        self.say = say
        self.make_utterance = make_utterance
        self.language = language
        self.caret_follows_speech = caret_follows_speech
        self.note_for = note_for
        self.on_page = on_page
        self._told: set[int] = set()  # pages whose note has been given
        self.doc: Document | None = None
        self.position = Position(1, 0)
        self.shown_page = 0
        self.reading = False
        self._last_say_sentence = 0.0
        self._search: str = ""
        self._generation = 0  # speech events of an older speak() call are ignored

    # --- opening --------------------------------------------------------------------

    def open(self, doc: Document, path: str) -> None:
        """Show ``doc`` at its saved position (or the start) and tell the student."""
        self.stop(quiet=True)
        self.doc = doc
        self._told = set()
        self.shown_page = 0
        saved = self.library.get_position(doc.content_hash) if self.library else None
        self.library.remember_document(doc.content_hash, path, doc.title, doc.page_count)
        self.position = saved if saved and 1 <= saved.page <= doc.page_count else Position(1, 0)
        self._show(self.position)
        key = "resumed" if saved else "opened"
        said = tr(key, self.language(), title=doc.title, count=doc.page_count, page=self.position.page)
        self.announce(" ".join(filter(None, (said, self.page_note(self.position.page)))))

    def replace_document(self, doc: Document, position: Position) -> None:
        """The same document read through new corrections: show it at ``position``."""
        self.stop(quiet=True)
        self.doc = doc
        self.shown_page = 0
        self._show(position)
        self._save()

    def page_note(self, number: int) -> str:
        """The page's note the first time it is asked for, then "" (told once per page)."""
        if self.doc is None or number in self._told:
            return ""
        note = self.note_for(self.doc.page(number))
        if note:
            self._told.add(number)
        return note

    def _show(self, pos: Position, span: Span | None = None) -> None:
        """Bring ``pos`` on screen: page, caret, highlight and status line."""
        assert self.doc is not None
        if pos.page != self.shown_page:
            self.view.show_page(self.doc.page(pos.page))
            self.shown_page = pos.page
            self.on_page(pos.page)
        sentence = navigation.unit_at(self.doc, pos, Unit.SENTENCE)
        self.view.show_highlight(sentence, _inside(span, sentence))
        self.view.move_caret(pos.offset)
        self.position = pos
        self._update_status()

    def _update_status(self) -> None:
        if self.doc is None:
            self.view.show_status(tr("status.nodoc", self.language()))
            return
        info = navigation.where_am_i(self.doc, self.position)
        self.view.show_status(tr("status.page", self.language(), title=self.doc.title,
                                 page=info.page, count=info.page_count, percent=info.percent))

    def _save(self) -> None:
        if self.doc is not None and self.library is not None:
            self.library.set_position(self.doc.content_hash, self.position)

    def _require_doc(self) -> Document | None:
        if self.doc is None:
            self.announce(tr("no.document", self.language()))
        return self.doc

    # --- reading aloud --------------------------------------------------------------

    def toggle(self) -> None:
        if self.reading:
            self.stop()
        else:
            self.play()

    def play(self, prefix: str = "") -> None:
        """Read from the sentence at the caret to the end of the document.

        ``prefix`` is said first (a confirmation given while reading, such as the new
        rate), so a setting change never ends the reading.
        """
        doc = self._require_doc()
        if doc is None:
            return
        pos = Position(self.shown_page or self.position.page, self.view.caret_offset())
        self.position = pos
        self._generation += 1
        generation = self._generation
        self.reading = True
        sentences = self._utterances_from(doc, pos)
        utterances = itertools.chain([self.make_utterance(prefix, 0, 0, "confirmation")] if prefix else [], sentences)
        self.speaker.speak(utterances, lambda event: self._on_event(event, generation))

    def _utterances_from(self, doc: Document, pos: Position) -> Iterator[Any]:
        """The sentences from ``pos`` on, each page's note before its first sentence.

        Runs lazily on the speaker's thread, which makes the pages as it reaches them; a
        page with no sentences (an unread image) is skipped by the reading but its note
        is still said.
        """
        current = pos.page - 1
        for sentence in navigation.spoken_sentences(doc, pos):
            number = sentence.page
            for entered in range(current + 1, number + 1):
                if note := self.page_note(entered):
                    yield self.make_utterance(note, 0, 0)
            current = number  # the next page's note waits for a sentence that runs onto it to end
            yield self.make_utterance(sentence.text, number, sentence.start, "reading", sentence.turn)
        for entered in range(current + 1, doc.page_count + 1):
            if note := self.page_note(entered):
                yield self.make_utterance(note, 0, 0)

    def resume_with(self, text: str) -> bool:
        """While reading: say ``text``, then go on reading. False when not reading."""
        if not self.reading:
            return False
        self.play(prefix=text)
        return True

    def stop(self, quiet: bool = False) -> None:
        was_reading = self.reading
        self.reading = False
        self._generation += 1
        self.speaker.stop()
        if was_reading:
            if not self.caret_follows_speech() and self.position.page == self.shown_page:
                self.view.move_caret(self.position.offset)  # screen reader review starts here
            self._save()
            if not quiet:
                self.announce(tr("stopped", self.language()))
        elif not quiet:  # a key is never answered by silence
            self.announce(tr("stop.idle", self.language()))

    def _on_event(self, event: Any, generation: int) -> None:
        """Follow the voice: highlight, caret and saved position move with what is heard."""
        if generation != self._generation or self.doc is None:
            return
        kind = getattr(event.kind, "value", event.kind)
        utterance = event.utterance
        if kind == "start" and utterance is not None and not utterance.page:
            self.view.show_status(utterance.text)  # a page note or a confirmation: shown as heard
        elif kind == "start" and utterance is not None and utterance.page:
            spoken = _spoken(utterance)
            self._follow(Position(utterance.page, utterance.start), spoken.part(utterance.start), None)
            self._save()
        elif kind == "word" and utterance is not None and utterance.page:
            spoken = _spoken(utterance)  # a sentence read across a page break: the word may be overleaf
            page, offset = spoken.place(event.offset)
            word = Span(page, offset, offset + event.length)
            self._follow(Position(page, offset), spoken.part(event.offset), word)
        elif kind == "done":
            self.reading = False
            self._save()
            self.announce(tr("end.document", self.language()))
        elif kind == "error":
            self.reading = False
            self.announce(tr("speech.error", self.language(), message=event.message))

    def _follow(self, pos: Position, sentence: Span, word: Span | None) -> None:
        assert self.doc is not None
        if pos.page != self.shown_page:
            self.view.show_page(self.doc.page(pos.page))
            self.shown_page = pos.page
            self.on_page(pos.page)
        self.view.show_highlight(sentence, word)
        if self.caret_follows_speech():
            self.view.move_caret(pos.offset)
        self.position = pos
        self._update_status()

    # --- moving ---------------------------------------------------------------------

    def move(self, unit: Unit, steps: int, level: int = 0) -> None:
        """Move by a unit and say what is there; reading continues from there if it was on."""
        doc = self._require_doc()
        if doc is None:
            return
        origin = Position(self.shown_page or self.position.page, self.view.caret_offset())
        span = navigation.move(doc, origin, unit, steps, level)
        if span is None:
            edge = "end.document" if steps > 0 else "start.document"
            self.announce(tr("no.more", self.language(), unit=tr(f"unit.{unit.value}", self.language()))
                          + " " + tr(edge, self.language()))
            return
        self.go_to(span, unit)

    def move_in_table(self, rows: int, cols: int) -> None:
        """Move by cell in the table at the caret and say the cell with its headers, as a
        screen reader does ("แถว 2 คอลัมน์ 3, ราคา: 150 บาท")."""
        from guidelight.core import tables  # first needed here, not at start-up

        doc = self._require_doc()
        if doc is None:
            return
        number = self.shown_page or self.position.page
        offset = self.view.caret_offset()
        para = next((p for p in doc.page(number).paragraphs
                     if p.table is not None and p.start <= offset <= p.end), None)
        if para is None or para.table is None:
            self.announce(tr("table.none", self.language()))
            return
        cell = tables.cell_at_offset(para.table, offset - para.start)
        target = tables.neighbour(para.table, cell, rows, cols) if cell is not None else None
        if target is None:
            self.announce(tr("table.edge", self.language()))
            return
        if self.reading:
            self.stop(quiet=True)
        span = Span(number, para.start + target.start, para.start + target.end)
        self._show(span.position, span)
        self._save()
        self.announce(tables.cell_announcement(para.table, target, self.language()))

    def go_to(self, span: Span, unit: Unit = Unit.SENTENCE) -> None:
        """Put the reader at ``span``, say it, and keep reading if reading was on."""
        assert self.doc is not None
        was_reading = self.reading
        if was_reading:
            self.stop(quiet=True)
        self._show(span.position, span)
        self._save()
        if was_reading:
            self.play()  # the page's note is the first thing read
            return
        note = self.page_note(span.page)
        text = self.doc.page(span.page).slice(span.start, span.end)
        if unit is Unit.PAGE:
            key = "page.now" if text.strip() else "page.empty"
            heading = note or tr(key, self.language(), page=span.page)
            first = navigation.unit_at(self.doc, span.position, Unit.SENTENCE)
            if first is None:
                self.announce(heading)
            else:
                self.say(self.doc.page(span.page).slice(first.start, first.end), span.page, first.start, heading)
        elif unit is Unit.CHARACTER:
            self.say(navigation.letter_name(text, self.language()), 0, 0, note)
        else:
            self.say(text, span.page, span.start, note)

    def go_to_page(self, number: int) -> None:
        doc = self._require_doc()
        if doc is not None and 1 <= number <= doc.page_count:
            self.go_to(navigation.Span(number, 0, len(doc.page(number).text)), Unit.PAGE)

    # --- telling ---------------------------------------------------------------------

    def where_am_i(self) -> None:
        doc = self._require_doc()
        if doc is not None:
            pos = self._caret_position()
            where = navigation.where_am_i(doc, pos).describe(self.language())
            self.announce(" ".join(filter(None, (where, self.note_for(doc.page(pos.page))))))

    def _caret_position(self) -> Position:
        return Position(self.shown_page or self.position.page, self.view.caret_offset())

    def say_sentence(self) -> None:
        """Say the current sentence; a quick second press spells the current word."""
        doc = self._require_doc()
        if doc is None:
            return
        self.stop(quiet=True)  # saying something else ends the reading
        now = time.monotonic()
        if now - self._last_say_sentence < SPELL_AGAIN_SECONDS:
            self._last_say_sentence = 0.0
            self.spell_word()
            return
        self._last_say_sentence = now
        span = navigation.unit_at(doc, self._caret_position(), Unit.SENTENCE)
        if span is not None:
            self.say(doc.page(span.page).slice(span.start, span.end), span.page, span.start)

    def spell_word(self) -> None:
        doc = self._require_doc()
        if doc is None:
            return
        self.stop(quiet=True)
        span = navigation.unit_at(doc, self._caret_position(), Unit.WORD)
        if span is not None:
            letters = navigation.spell(doc.page(span.page).slice(span.start, span.end), self.language())
            self.say(", ".join(letters), 0, 0)

    # --- search and bookmarks ----------------------------------------------------------

    def find(self, query: str, forward: bool = True) -> None:
        doc = self._require_doc()
        if doc is None:
            return
        if query:
            self._search = query
        if not self._search:
            self.announce(tr("search.first", self.language()))
            return
        hit = navigation.search(doc, self._search, self._caret_position(), forward)
        if hit is None:
            self.announce(tr("search.none", self.language(), query=self._search))
            return
        sentence = navigation.unit_at(doc, hit.position, Unit.SENTENCE) or hit
        self._show(hit.position, hit)
        self._save()
        self.say(doc.page(sentence.page).slice(sentence.start, sentence.end), sentence.page, sentence.start,
                 self.page_note(sentence.page))

    def sentence_start(self) -> Position:
        """Where a bookmark goes: the start of the sentence being read or at the caret."""
        assert self.doc is not None
        pos = self.position if self.reading else self._caret_position()
        span = navigation.unit_at(self.doc, pos, Unit.SENTENCE)
        return span.position if span is not None else pos

    def add_bookmark(self, note: str) -> None:
        doc = self._require_doc()
        if doc is None:
            return
        pos = self.sentence_start()
        self.library.add_bookmark(doc.content_hash, pos, note)
        self.announce(tr("bookmark.added", self.language(), page=pos.page))

    def close(self) -> None:
        """Stop and remember the place, e.g. when the window closes."""
        if self.doc is not None and not self.reading:
            self.position = self._caret_position()
        self.stop(quiet=True)
        self._save()


def _spoken(utterance: Any) -> navigation.Spoken:
    """The document sentence an utterance reads (possibly across a page break)."""
    return navigation.Spoken(utterance.page, utterance.start, utterance.text, getattr(utterance, "turn", None))
