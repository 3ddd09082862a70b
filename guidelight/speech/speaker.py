"""The Speaker: speaks utterances, stops at once, and reports what the listener is hearing.

Two threads per speaker. The speech thread owns the engine (SAPI5 objects must stay on
the thread that made them) and synthesizes ahead; the player thread feeds the sink in
10 ms blocks and fires events when the sink's clock says the audio is heard. A bounded
queue between them lets the next sentence be synthesized while this one plays.

Every ``speak``/``announce``/``stop`` starts a new generation; anything from an older
generation (queued audio, pending events, events already posted to the caller's
thread) is dropped, so after ``stop()`` returns no stale word ever reaches the app.
Events reach the caller through ``post(fn)``: the GUI passes a Qt queued poster, the
CLI and tests the default, which calls ``fn`` on the player thread.
"""

from __future__ import annotations

import array
import contextlib
import enum
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from guidelight.core.model import Lang, PageTurn
from guidelight.speech import sink as sink_module
from guidelight.speech import speechlog
from guidelight.speech.backend import (
    MAX_RATE,
    MIN_RATE,
    SpeechBackend,
    SpeechUnavailable,
    VoiceInfo,
    VoiceSettings,
)
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer
from guidelight.speech.pipeline import AudioChunk, Synthesizer, words_of
from guidelight.speech.sink import DEVICE_STOPPED, AudioSink

log = logging.getLogger(__name__)
T = TypeVar("T")
BLOCK_SECONDS = 0.01
LANGUAGE_NAMES = {Lang.THAI: "Thai", Lang.ENGLISH: "English"}

__all__ = ["EventKind", "Speaker", "SpeechEvent", "Utterance", "VoiceInfo"]


@dataclass(frozen=True)
class Utterance:
    """One sentence (or a heading or confirmation) to speak, as shown, not yet normalized."""

    text: str
    page: int = 0  # 1-based page of the document, 0 for text that is not in it
    start: int = 0  # offset of text[0] in that page's Page.text
    kind: str = "reading"  # what it is, for the speech log (``speechlog.KINDS``)
    turn: PageTurn | None = None  # a sentence read whole across a page break: where it goes on


class EventKind(str, enum.Enum):  # noqa: UP042  (the contract: members compare equal to str)
    UTTERANCE_START = "start"
    WORD = "word"
    UTTERANCE_END = "end"
    DONE = "done"
    ERROR = "error"


@dataclass(frozen=True)
class SpeechEvent:
    kind: EventKind
    utterance: Utterance | None
    offset: int = 0  # absolute offset in the page text of the word or utterance being heard
    length: int = 0
    message: str = ""  # for ERROR: a plain sentence a blind user can act on


EventCallback = Callable[[SpeechEvent], None]


@dataclass
class _Job:
    """One speak() call. ``backlog`` holds utterances taken from ``source`` and not yet
    heard to their end; ``heard`` is the word being heard; ``resume`` makes playback of
    the first utterance start at that word (a live change of rate, pitch or voice)."""

    gen: int
    source: Iterator[Utterance]
    on_event: EventCallback | None
    missing: set[Lang] = field(default_factory=set)
    backlog: deque[Utterance] = field(default_factory=deque)
    heard: tuple[Utterance, int] | None = None
    resume: tuple[Utterance, int] | None = None


@dataclass(frozen=True)
class _Item:
    """What the speech thread hands the player: audio, or an event at the current audio point."""

    job: _Job
    chunk: AudioChunk | None = None
    utterance: Utterance | None = None
    event: SpeechEvent | None = None
    final: bool = False


class _Cancelled(Exception):
    pass


class Speaker:
    """Speaks utterances through a backend into a sink; see the module docstring."""

    def __init__(
        self,
        backend: SpeechBackend | None = None,
        sink: AudioSink | None = None,
        post: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        self._backend = backend
        self._sink = sink
        self._post = post or (lambda fn: fn())
        self._settings = VoiceSettings()
        self._volume = 1.0
        self._gen = 0
        self._speaking = False
        self._job: _Job | None = None
        self._synthesizer: Synthesizer | None = None
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._calls: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self._audio: queue.Queue[_Item | None] = queue.Queue(maxsize=3)
        self._closed = False
        self._speech_thread = threading.Thread(target=self._speech_loop, name="guidelight-speech", daemon=True)
        self._player_thread = threading.Thread(target=self._player_loop, name="guidelight-player", daemon=True)
        self._speech_thread.start()
        self._player_thread.start()

    # ----- the contract -------------------------------------------------------------
    def speak(self, utterances: Iterable[Utterance], on_event: EventCallback) -> None:
        """Stop whatever is playing, then speak; events fire as the audio is heard."""
        self._start(_Job(0, iter(utterances), on_event))

    def announce(self, text: str) -> None:
        """A short confirmation ("Bookmark added"): interrupts, fires no events."""
        self._start(_Job(0, iter([Utterance(text, kind="confirmation")]), None))

    def stop(self) -> None:
        """Cut the audio now (the sink drops its buffer); returns at once. A slow engine's
        synthesis in progress is aborted too, so the next speak() is not kept waiting."""
        self._gen += 1
        self._speaking = False
        self.sink.flush()
        self._drain(self._audio)
        cancel = getattr(self._backend, "cancel", None)
        if cancel is not None:
            cancel()

    @property
    def speaking(self) -> bool:
        return self._speaking

    def set_rate(self, words_per_minute: int) -> None:
        """80..700 wpm (175 is normal); while speaking, the word being heard is said again at it."""
        rate = max(MIN_RATE, min(MAX_RATE, int(words_per_minute)))
        self._settings = replace(self._settings, rate=rate)
        self._respeak_from_heard()

    def set_volume(self, v: float) -> None:
        """0.0..1.0, applied to the audio as it is played, so it changes mid-sentence."""
        self._volume = max(0.0, min(1.0, float(v)))

    def set_pitch(self, p: int) -> None:
        """0..100 (50 normal) where the engine has pitch; live like the rate."""
        self._settings = replace(self._settings, pitch=max(0, min(100, int(p))))
        self._respeak_from_heard()

    def set_voice(self, voice_id: str) -> None:
        """Use this voice for its language(s); runs in other languages keep their own voice."""
        self._on_speech_thread(lambda: self._get_synthesizer().prefer(voice_id))
        self._respeak_from_heard()

    def set_pronunciations(self, entries: Mapping[str, str]) -> None:
        """Read these words as given, over the built-in and user entries (a course's
        pronunciation entries, for the document being read); empty restores the defaults."""
        lexicon = Lexicon.load()
        normalizer = Normalizer(Lexicon({**lexicon.entries, **entries}) if entries else lexicon)
        # Not waited for (the speech thread may be busy with a sentence): the speech thread
        # takes it before its next job, so whatever is spoken after this call uses it.
        self._calls.put((lambda: setattr(self._get_synthesizer(), "normalizer", normalizer), Future()))

    def voices(self, fresh: bool = False) -> list[VoiceInfo]:
        """The installed voices; empty when no engine works (``guidelight voices --check`` says why).
        ``fresh``: look again, for voices installed since the speaker started."""

        def listed() -> list[VoiceInfo]:
            synthesizer = self._get_synthesizer()
            if fresh:
                synthesizer.rescan()
            return list(synthesizer.voices())

        try:
            return self._on_speech_thread(listed)
        except SpeechUnavailable:
            return []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.stop()
        self._jobs.put(None)
        self._speech_thread.join(timeout=2)
        self._player_thread.join(timeout=2)
        if self._sink is not None:
            self._sink.close()

    # ----- additions --------------------------------------------------------------------
    @property
    def sink(self) -> AudioSink:
        if self._sink is None:
            from guidelight.speech.sink import MiniaudioSink

            self._sink = MiniaudioSink()
        return self._sink

    @property
    def rate(self) -> int:
        return self._settings.rate

    def wait(self, timeout: float | None = None) -> bool:
        """Block until speaking is over (for the CLI); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._speaking:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    # ----- speech thread -------------------------------------------------------------------
    def _start(self, job: _Job) -> None:
        if self._closed:
            raise SpeechUnavailable("the speaker is closed")
        self.stop()
        job.gen = self._gen
        self._job = job
        self._speaking = True
        self._jobs.put(job)

    def _respeak_from_heard(self) -> None:
        """Start the reading again from the word being heard, so a new setting is heard at once."""
        old = self._job
        if not self._speaking or old is None or old.on_event is None:
            return
        backlog = old.backlog

        def source() -> Iterator[Utterance]:  # runs on the speech thread once the old job has let go
            yield from list(backlog)
            yield from old.source

        # Nothing heard yet since the last change: keep that change's place.
        self._start(_Job(0, source(), old.on_event, resume=old.heard or old.resume))

    def _get_synthesizer(self) -> Synthesizer:
        if self._synthesizer is None:
            if self._backend is None:
                from guidelight.speech.engines import default_backend

                self._backend = default_backend(stand_in=True)
            self._synthesizer = Synthesizer(self._backend)
        return self._synthesizer

    def _on_speech_thread(self, fn: Callable[[], T]) -> T:
        if threading.current_thread() is self._speech_thread:
            return fn()
        future: Future[T] = Future()
        self._calls.put((fn, future))
        return future.result(timeout=30)

    def _run_calls(self) -> None:
        while True:
            try:
                fn, future = self._calls.get_nowait()
            except queue.Empty:
                return
            try:
                future.set_result(fn())
            except Exception as exc:
                future.set_exception(exc)

    def _speech_loop(self) -> None:
        try:  # load the engine and the word list now, not when the first key is pressed
            self._get_synthesizer().warm_up()
            words_of("ภาษาไทย", Lang.THAI)
        except Exception:
            log.debug("speech warm-up failed; the first speak() will report why", exc_info=True)
        while True:
            self._run_calls()
            try:
                job = self._jobs.get(timeout=0.02)
            except queue.Empty:
                continue
            if job is None:
                self._audio.put(None)
                return
            if job.gen == self._gen:
                self._run_job(job)

    def _run_job(self, job: _Job) -> None:
        try:
            synthesizer = self._get_synthesizer()
            first = True
            while job.gen == self._gen:
                utterance = next(job.source, None)
                if utterance is None:
                    break
                job.backlog.append(utterance)
                self._put(
                    _Item(
                        job,
                        utterance=utterance,
                        event=SpeechEvent(EventKind.UTTERANCE_START, utterance, utterance.start, len(utterance.text)),
                    )
                )
                chunks = synthesizer.chunks(
                    utterance.text,
                    utterance.start,
                    self._settings,
                    lambda lang: self._missing(job, lang),
                    quick_start=first,
                )
                first = False
                for chunk in chunks:
                    self._put(_Item(job, chunk=chunk, utterance=utterance))
                self._put(
                    _Item(
                        job,
                        utterance=utterance,
                        event=SpeechEvent(EventKind.UTTERANCE_END, utterance, utterance.start, len(utterance.text)),
                    )
                )
        except _Cancelled:
            return
        except SpeechUnavailable as exc:
            self._put_quietly(_Item(job, event=SpeechEvent(EventKind.ERROR, None, message=_sentence(str(exc)))))
        except Exception as exc:  # never let the speech thread die: tell the user instead
            log.exception("speech failed")
            message = f"Speech stopped because of an unexpected error: {exc}."
            self._put_quietly(_Item(job, event=SpeechEvent(EventKind.ERROR, None, message=message)))
        self._put_quietly(_Item(job, event=SpeechEvent(EventKind.DONE, None), final=True))

    def _missing(self, job: _Job, lang: Lang) -> None:
        if lang in job.missing:
            return
        job.missing.add(lang)
        name = LANGUAGE_NAMES.get(lang, lang.value)
        message = (
            f"No {name} voice is installed, so {name} text is read by another voice. "
            "Run 'guidelight voices --check' to see what to install."
        )
        self._put(_Item(job, event=SpeechEvent(EventKind.ERROR, None, message=message)))

    def _put(self, item: _Item) -> None:
        self._run_calls()  # voices()/set_voice() from the app are answered between chunks
        while True:
            if item.job.gen != self._gen:
                raise _Cancelled
            try:
                self._audio.put(item, timeout=0.02)
                return
            except queue.Full:
                self._run_calls()

    def _put_quietly(self, item: _Item) -> None:
        with contextlib.suppress(_Cancelled):
            self._put(item)

    # ----- player thread ---------------------------------------------------------------
    def _player_loop(self) -> None:
        pending: deque[tuple[int, _Job, SpeechEvent]] = deque()
        failed_gen = -1
        while True:
            try:
                item = self._audio.get(timeout=0.01)
            except queue.Empty:
                self._fire_due(pending)
                continue
            if item is None:
                return
            if item.job.gen != self._gen:
                continue
            try:
                if item.chunk is not None and item.job.gen != failed_gen:
                    self._play(item, pending)
                elif item.final:
                    self._finish(item, pending)
                elif item.event is not None:
                    pending.append((self.sink.written_frames(), item.job, item.event))
            except SpeechUnavailable as exc:
                failed_gen = item.job.gen
                pending.clear()  # words of audio that was never heard
                self._deliver(item.job, SpeechEvent(EventKind.ERROR, None, message=_sentence(str(exc))))
            self._fire_due(pending)

    def _play(self, item: _Item, pending: deque[tuple[int, _Job, SpeechEvent]]) -> None:
        assert item.chunk is not None
        synthesis = item.chunk.synthesis
        sink = self.sink
        epoch = sink.epoch
        if item.job.gen != self._gen:
            return
        marks, skip = item.chunk.marks, 0
        resume = item.job.resume
        if resume is not None and resume[0] != item.utterance:
            item.job.resume = resume = None  # the heard sentence had ended: start this one whole
        if resume is not None:
            later = [m for m in marks if m.offset >= resume[1]]
            if not later:
                return  # this part of the sentence was heard before the change
            marks, skip = tuple(later), later[0].frame
            item.job.resume = None
        base = sink.written_frames() - skip
        for mark in marks:
            event = SpeechEvent(EventKind.WORD, item.utterance, mark.offset, mark.length)
            pending.append((base + mark.frame, item.job, event))
        block = max(1, int(synthesis.sample_rate * BLOCK_SECONDS)) * 2
        pcm = synthesis.pcm[skip * 2 :]
        for i in range(0, len(pcm), block):
            if not sink.write(_scaled(pcm[i : i + block], self._volume), synthesis.sample_rate, epoch):
                return
            self._fire_due(pending)

    def _finish(self, item: _Item, pending: deque[tuple[int, _Job, SpeechEvent]]) -> None:
        sink = self.sink
        end = sink.written_frames()
        last, since = sink.played_frames(), time.monotonic()
        while item.job.gen == self._gen and last < end:
            self._fire_due(pending)
            time.sleep(0.005)
            played = sink.played_frames()
            if played != last:
                last, since = played, time.monotonic()
            elif time.monotonic() - since > sink_module.STALL_SECONDS:
                pending.clear()
                self._deliver(item.job, SpeechEvent(EventKind.ERROR, None, message=_sentence(DEVICE_STOPPED)))
                break
        self._fire_due(pending)
        if item.job.gen == self._gen:
            self._speaking = False
            self._deliver(item.job, SpeechEvent(EventKind.DONE, None))

    def _fire_due(self, pending: deque[tuple[int, _Job, SpeechEvent]]) -> None:
        if not pending:
            return
        played = self.sink.played_frames()
        while pending and (pending[0][1].gen != self._gen or pending[0][0] <= played):
            _, job, event = pending.popleft()
            if job.gen == self._gen:
                if event.kind is EventKind.UTTERANCE_START and event.utterance is not None:
                    utterance = event.utterance  # its audio starts now: that is when it is heard
                    speechlog.record(utterance.text, utterance.kind, utterance.page, utterance.start)
                _note_heard(job, event)
                self._deliver(job, event)

    def _deliver(self, job: _Job, event: SpeechEvent) -> None:
        callback = job.on_event
        if callback is None:
            if event.kind is EventKind.ERROR:
                log.warning("%s", event.message)
            return

        def deliver() -> None:
            if job.gen == self._gen:
                callback(event)

        self._post(deliver)

    @staticmethod
    def _drain(q: queue.Queue[Any]) -> None:
        while True:
            try:
                q.get_nowait()
            except queue.Empty:
                return


def _note_heard(job: _Job, event: SpeechEvent) -> None:
    """Keep the job's place: the word being heard, and which utterances are finished."""
    if event.utterance is None:
        return
    if event.kind in (EventKind.UTTERANCE_START, EventKind.WORD):
        job.heard = (event.utterance, event.offset)
    elif event.kind is EventKind.UTTERANCE_END and job.backlog and job.backlog[0] == event.utterance:
        job.backlog.popleft()


def _scaled(pcm: bytes, volume: float) -> bytes:
    if volume >= 0.999:
        return pcm
    samples = array.array("h", pcm)
    return array.array("h", (int(s * volume) for s in samples)).tobytes()


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
