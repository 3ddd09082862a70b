"""Piper (piper-tts 1.8+): neural voices that run offline on the CPU, and Thai with its tones.

espeak-ng's Thai has no tones (ข่าว "news" and ข้าว "rice" sound the same); Piper's Thai
phonemizer (``piper.phonemize_thai``, TLTK) gives every syllable its tone. Piper is an
optional part of Guide Light: without piper-tts installed this engine lists no voices and
the others speak.

Loading is slow where it matters (TLTK's dictionary ~4-10 s, a model ~1 s), so
``prepare()`` loads a voice on a thread of its own as soon as the app knows it will be
needed; ``synthesize()`` waits for that load only if it is not finished yet. Nothing of
Piper, onnxruntime or numpy is imported before that, so start-up does not pay for it.

Stopping: ``cancel()`` (the speaker calls it on every stop) aborts the model run in
progress through onnxruntime's terminate flag, so the next sentence does not wait up to a
second for audio nobody will hear.

Words: a voice installed by ``guidelight voices install`` with the onnx package present
reports how many samples each phoneme lasts; the phonemes of each word start after a
space, so each word's first sample is known exactly. Without those counts no word
events are given and the pipeline estimates them, as for other engines.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

from guidelight.core.model import Lang
from guidelight.speech.backend import NORMAL_RATE, SpeechUnavailable, Synthesis, VoiceInfo, VoiceSettings, WordEvent
from guidelight.speech.tltk_regex import keep_tltk_patterns_compiled
from guidelight.speech.voicestore import ENGINE, InstalledVoice, installed_voices

log = logging.getLogger(__name__)
THAI_PHONEMES = "thai"
_WORD_BREAK = " "
_SENTENCE_MARKS = ("^", "$")  # Piper's BOS and EOS phonemes


def piper_available() -> bool:
    """Whether piper-tts can be used here (without importing it: that takes a second)."""
    return importlib.util.find_spec("piper") is not None


def thai_available() -> bool:
    """Piper's Thai phonemizer needs TLTK; a Thai voice without it would only fail."""
    return importlib.util.find_spec("tltk") is not None


class PiperBackend:
    """Piper voices from the voices folders (speech/voicestore.py)."""

    name = ENGINE

    def __init__(self, find: Callable[[], list[InstalledVoice]] = installed_voices) -> None:
        self._find = find
        self._installed: dict[str, InstalledVoice] | None = None
        self._loads: dict[str, Future[Any]] = {}
        self._lock = threading.Lock()
        self._running: Any = None  # onnxruntime.RunOptions of the model run in progress

    def installed(self) -> dict[str, InstalledVoice]:
        if self._installed is None:
            usable = [v for v in self._find() if v.phoneme_type != THAI_PHONEMES or thai_available()]
            self._installed = {v.name: v for v in usable} if piper_available() else {}
        return self._installed

    def voices(self) -> list[VoiceInfo]:
        return [VoiceInfo(v.name, v.name, (v.language,)) for v in self.installed().values()]

    def rescan(self) -> None:
        """Look in the voices folders again at the next ``voices()`` (loaded models stay)."""
        self._installed = None

    def prepare(self, voice_id: str) -> None:
        """Start loading a voice (and Thai's dictionary) in the background, if not already."""
        with self._lock:
            if voice_id in self._loads or voice_id not in self.installed():
                return
            future: Future[Any] = Future()
            self._loads[voice_id] = future
        voice = self.installed()[voice_id]
        threading.Thread(target=_load, args=(voice, future), name="guidelight-piper-load", daemon=True).start()

    def ready(self, voice_id: str) -> bool:
        """Whether the voice has loaded, so synthesizing with it will not wait."""
        future = self._loads.get(voice_id)
        return future is not None and future.done() and future.exception() is None

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        voice_id = settings.voice_id or next(iter(self.installed()), "")
        if voice_id not in self.installed():
            raise SpeechUnavailable(f"the Piper voice {voice_id!r} is not installed")
        self.prepare(voice_id)
        try:
            model = self._loads[voice_id].result()
        except Exception as exc:
            raise SpeechUnavailable(f"the Piper voice {voice_id} could not be loaded ({exc})") from exc
        import onnxruntime

        options = onnxruntime.RunOptions()
        self._running = options
        try:
            with _run_with(model, options):
                return synthesize(model, text, settings, self.installed()[voice_id].phoneme_type == THAI_PHONEMES)
        finally:
            self._running = None

    def cancel(self) -> None:
        """Abort the synthesis in progress, if any (from any thread); it raises SpeechUnavailable."""
        options = self._running
        if options is not None:
            options.terminate = True


class _SessionWithOptions:
    """The model's onnxruntime session, run with our RunOptions (Piper passes none)."""

    def __init__(self, session: Any, options: Any) -> None:
        self.session, self.options = session, options

    def run(self, outputs: Any, feeds: Any) -> Any:
        return self.session.run(outputs, feeds, self.options)


@contextmanager
def _run_with(model: Any, options: Any) -> Iterator[None]:
    session = model.session
    model.session = _SessionWithOptions(session, options)
    try:
        yield
    finally:
        model.session = session


def _load(voice: InstalledVoice, future: Future[Any]) -> None:
    try:
        from piper import PiperVoice

        model = PiperVoice.load(voice.model, voice.config)
        if voice.phoneme_type == THAI_PHONEMES:
            keep_tltk_patterns_compiled()
        model.phonemize("ก" if voice.phoneme_type == THAI_PHONEMES else "a")  # loads TLTK or espeak data now
        future.set_result(model)
    except Exception as exc:
        log.warning("Piper voice %s failed to load: %s", voice.name, exc)
        future.set_exception(exc)


def synthesize(model: Any, text: str, settings: VoiceSettings, thai: bool) -> Synthesis:
    """All of ``text`` as one PCM buffer (Piper makes one chunk per sentence it finds).

    Thai is given to Piper with a space at each of our word marks (``settings.marks``), so
    TLTK transcribes our words one by one and each begins its own phoneme word: the words
    are then timed exactly, at our marks, as for English."""
    from piper import SynthesisConfig

    scale = model.config.length_scale * NORMAL_RATE / max(1, settings.rate)
    spans = settings.marks if thai else _english_words(text)
    spoken = spaced(text, spans) if thai else text
    try:
        chunks = list(model.synthesize(spoken, SynthesisConfig(length_scale=scale), include_alignments=True))
    except Exception as exc:  # the phonemizer or onnxruntime: say so rather than kill the reading
        raise SpeechUnavailable(f"Piper could not read this text ({exc})") from exc
    pcm = b"".join(chunk.audio_int16_bytes for chunk in chunks)
    if not pcm:
        raise SpeechUnavailable("Piper produced no audio")
    words = word_events(spans, [[(a.phoneme, int(a.num_samples)) for a in c.phoneme_alignments or []]
                                for c in chunks])
    return Synthesis(pcm, model.config.sample_rate, words, marked=thai and bool(words))


def _english_words(text: str) -> tuple[tuple[int, int], ...]:
    from guidelight.speech.pipeline import words_of  # its word pattern is the one marks use

    return tuple(words_of(text, Lang.ENGLISH))


def spaced(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with a space before each word of ``spans`` that does not follow one: the
    word breaks Piper's Thai phonemizer keeps (it cuts runs of Thai at spaces)."""
    out, cursor = [], 0
    for start, _end in spans:
        out.append(text[cursor:start])
        if start > 0 and not text[start - 1].isspace():
            out.append(" ")
        cursor = start
    out.append(text[cursor:])
    return "".join(out)


def word_events(spans: Sequence[tuple[int, int]], sentences: Iterable[list[tuple[str, int]]]) -> tuple[WordEvent, ...]:
    """Where each word of ``spans`` (start, end in the text) starts, from each sentence's
    (phoneme, samples) list.

    A word starts at the first sounding phoneme after a space (or after the sentence
    start). If the count of words found that way differs from the written words (a
    sentence without alignments, an abbreviation read as two words, a number read as
    several), none are given: an estimate is better than a highlight on the wrong word.
    """
    starts: list[int] = []
    offset = 0
    for phonemes in sentences:
        if not phonemes:
            return ()
        new_word = True
        for phoneme, samples in phonemes:
            if phoneme == _WORD_BREAK or phoneme in _SENTENCE_MARKS:
                new_word = True
            elif new_word and not unicodedata.category(phoneme[:1]).startswith("P"):
                starts.append(offset)
                new_word = False
            offset += samples
    if len(spans) != len(starts) or not spans:
        return ()
    return tuple(WordEvent(s, e - s, sample) for (s, e), sample in zip(spans, starts, strict=True))
