"""From a sentence of the document to timed audio: normalize, split by script, synthesize, mark.

Each chunk of audio carries marks: "at frame N the listener starts hearing the word at
page offset O". English runs use the engine's own word events when it gives sound
ones (espeak-ng does, up to 450 wpm). Thai runs, and English when the engine gives
none, are estimated: the chunk's voiced audio is spread over its words in proportion
to their spoken length. Engines cut Thai at spaces, not at words, so their Thai word
events cannot be used. The estimate is exact at sentence and run boundaries and may
lead or lag by a fraction of a word inside a run; the docs say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from guidelight.core.model import Lang
from guidelight.speech.backend import SpeechBackend, Synthesis, VoiceInfo, VoiceSettings, find_voice, voice_for
from guidelight.speech.normalize import Normalized, Normalizer, thai_tokenizer, voice_parts
from guidelight.speech.script import Run, split_runs

MAX_CHUNK_CHARS = 120  # a run longer than this is synthesized in pieces, for the first sound's sake
# Engines too slow to make 120 characters before the first sound is due (Piper: ~0.9 s of CPU):
# the first piece of a reading is cut short for them (a word or two, ~0.15-0.25 s of CPU),
# the second at four times that, which is made while the first plays; then the usual pieces.
SLOW_ENGINES = frozenset({"piper"})
QUICK_START_CHARS = 12
SILENCE_THRESHOLD = 300  # |sample| below this (of 32767) is heard as silence
_ENGLISH_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_NOT_TIMED = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # Thai marks add no duration


@dataclass(frozen=True)
class Mark:
    """At ``frame`` of its chunk, the word at absolute page offset ``offset`` starts."""

    frame: int
    offset: int
    length: int


@dataclass(frozen=True)
class AudioChunk:
    """The audio of one script run of an utterance, and where its words are heard."""

    synthesis: Synthesis
    marks: tuple[Mark, ...]
    lang: Lang
    text: str  # what the engine was given


@dataclass(frozen=True)
class SpokenRun:
    """One run of the utterance text, normalized for its language."""

    run: Run
    source: str  # the run's text as written
    normalized: Normalized


def words_of(text: str, lang: Lang) -> list[tuple[int, int]]:
    """(start, end) of the spoken words of normalized text, whitespace excluded."""
    if lang is Lang.ENGLISH:
        return [(m.start(), m.end()) for m in _ENGLISH_WORD.finditer(text)]
    spans = []
    pos = 0
    for token in thai_tokenizer()(text):
        start = text.find(token, pos)
        if start < 0:
            continue
        pos = start + len(token)
        if any(c.isalnum() for c in token):  # punctuation is not a word the ear hears
            spans.append((start, pos))
    return spans


def voiced_range(synthesis: Synthesis) -> tuple[int, int]:
    """First and last frame louder than silence (the engine pads both ends)."""
    pcm = memoryview(synthesis.pcm).cast("h") if synthesis.pcm else memoryview(b"").cast("h")
    n = len(pcm)
    first = next((i for i in range(0, n, 32) if abs(pcm[i]) > SILENCE_THRESHOLD), 0)
    last = next((i for i in range(n - 1, -1, -32) if abs(pcm[i]) > SILENCE_THRESHOLD), n)
    return (first, max(first, last))


def _weight(word: str) -> int:
    return max(1, len(_NOT_TIMED.sub("", word)))


def engine_words_usable(spoken: SpokenRun, synthesis: Synthesis) -> bool:
    """Trust the engine's word events only for English (engines cut Thai at spaces, not words)
    or when they are our own marks, and only if they are in order and inside the audio."""
    samples = [w.sample for w in synthesis.words]
    return (
        bool(samples)
        and (spoken.run.lang is Lang.ENGLISH or synthesis.marked)
        and samples == sorted(samples)
        and samples[-1] < synthesis.frames
    )


def estimate_marks(
    spoken: SpokenRun, synthesis: Synthesis, base: int, words: Sequence[tuple[int, int]] | None = None
) -> tuple[Mark, ...]:
    """Marks for each source word of the run; ``base`` is the page offset of the run's text[0];
    ``words``: the run's ``words_of``, when the caller has them already."""
    text = spoken.normalized.text
    if engine_words_usable(spoken, synthesis):
        timed = [(w.sample, w.start, w.start + w.length) for w in synthesis.words]
    else:
        words = words_of(text, spoken.run.lang) if words is None else words
        first, last = voiced_range(synthesis)
        total = sum(_weight(text[s:e]) + 1 for s, e in words) or 1
        timed, done = [], 0
        for s, e in words:
            timed.append((first + (last - first) * done // total, s, e))
            done += _weight(text[s:e]) + 1
    marks: list[Mark] = []
    for frame, s, e in timed:
        src_start, src_end = spoken.normalized.source_span(s, e)
        written = spoken.source[src_start:src_end]
        src_start += len(written) - len(written.lstrip())  # " ๆ" is heard as a word; its space is not
        src_end -= len(written) - len(written.rstrip())
        offset = base + spoken.run.start + src_start
        if marks and marks[-1].offset == offset:
            continue  # several spoken words from one written token ("2566"): one mark
        marks.append(Mark(frame, offset, src_end - src_start))
    return tuple(marks)


def split_long(text: str, run: Run, limit: int = MAX_CHUNK_CHARS, first: int | None = None) -> list[Run]:
    """Cut a long run at spaces into pieces of at most ``limit`` characters where possible
    (the first piece at most ``first``, when given and a space allows).

    The first piece must be synthesized before anything is heard, so a paragraph-long
    sentence would delay the first sound; Thai spaces are phrase pauses anyway. A space
    before mai yamok is not cut: ๆ repeats the word before it.
    """
    pieces: list[Run] = []
    start = run.start
    size = first or limit
    while run.end - start > size:
        cut = max(
            (m.end() for m in re.finditer(r"\s+(?!ๆ)", text[start + 1 : start + size])),
            default=0,
        )
        if not cut and size != limit:
            size = limit
            continue
        if not cut:
            break
        pieces.append(Run(start, start + 1 + cut, run.lang))
        start += 1 + cut
        size = limit
    pieces.append(Run(start, run.end, run.lang))
    return pieces


def quick_first(text: str, run: Run, first: int, steps: int = 2) -> list[Run]:
    """``run`` in pieces, the first at most ``first`` characters where possible: cut at a space,
    or in Thai, which may go a long way without one, after the last whole word that fits
    (never before ๆ, which repeats the word before it). The next piece is cut the same way at
    four times that (it is made while the first plays), then as ``split_long`` cuts."""
    head = split_long(text, run, first=first)[0]
    if head.end - head.start > first and run.lang is Lang.THAI:
        head = _thai_head(text, head, first)
    if head.end >= run.end:
        return [head]
    rest = Run(head.end, run.end, run.lang)
    return [head, *(quick_first(text, rest, 4 * first, steps - 1) if steps > 1 else split_long(text, rest))]


def _thai_head(text: str, head: Run, first: int) -> Run:
    """``head`` ended after its last whole Thai word within ``first`` characters (if any)."""
    cut = head.start
    for _, end in words_of(text[head.start : head.end], Lang.THAI):
        if end > first:
            break
        if not text[head.start + end :].lstrip().startswith("ๆ"):
            cut = head.start + end
    return Run(head.start, cut, head.lang) if cut > head.start else head


def plan(text: str, normalizer: Normalizer, first: int | None = None) -> list[SpokenRun]:
    """The pieces of ``text`` exactly as the engine gets them, one call each (empty ones dropped);
    ``first`` limits the length of the very first piece."""
    spoken = []
    runs = split_runs(text)
    pieces = (
        piece
        for i, whole in enumerate(runs)
        for piece in (quick_first(text, whole, first) if first and not i else split_long(text, whole))
    )
    for run in pieces:
        normalized = normalizer.normalize(text[run.start : run.end], run.lang)
        for lang, part in voice_parts(normalized, run.lang):  # Thai operator words in code go to the Thai voice
            if part.text.strip():
                spoken.append(SpokenRun(Run(run.start, run.end, lang), text[run.start : run.end], part))
    return spoken


class Synthesizer:
    """Turns utterance text into timed audio chunks with the right voice for each run."""

    def __init__(self, backend: SpeechBackend, normalizer: Normalizer | None = None) -> None:
        self.backend = backend
        self.normalizer = normalizer or Normalizer()
        self.preferred: dict[str, str] = {}  # language -> voice id chosen by the user
        self._voices: list[VoiceInfo] | None = None

    def voices(self) -> list[VoiceInfo]:
        if self._voices is None:
            self._voices = self.backend.voices()
        return self._voices

    def rescan(self) -> None:
        """List the engines' voices afresh next time (a voice installed since start-up)."""
        rescan: Callable[[], None] | None = getattr(self.backend, "rescan", None)
        if rescan is not None:
            rescan()
        self._voices = None

    def prefer(self, voice_id: str) -> None:
        """Use this voice for its languages (for every language if it declares none)."""
        voice = find_voice(self.voices(), voice_id)
        languages = {t.split("-")[0] for t in voice.languages} if voice and voice.languages else {"*"}
        for lang in languages:
            self.preferred[lang] = voice.id if voice else voice_id
        self.warm_up()

    def voice_for(self, lang: Lang) -> VoiceInfo | None:
        """The voice for ``lang``, or None when no installed voice speaks it."""
        return voice_for(self.voices(), lang.value, self.preferred.get(lang.value))

    def fallback_voice(self) -> str | None:
        chosen = self.preferred.get("*") or next(iter(self.preferred.values()), None)
        if chosen:
            return chosen
        voices = self.voices()
        english = self.voice_for(Lang.ENGLISH)
        return english.id if english else (voices[0].id if voices else None)

    def plan(self, text: str) -> list[SpokenRun]:
        return plan(text, self.normalizer)

    def warm_up(self) -> None:
        """Have the engine load the Thai and English voices now, in the background where it can
        (Piper: the models and TLTK's dictionary), so the first sentence does not wait for them."""
        prepare: Callable[[str], None] | None = getattr(self.backend, "prepare", None)
        for lang in (Lang.THAI, Lang.ENGLISH):
            voice = self.voice_for(lang)
            if prepare is not None and voice is not None:
                prepare(voice.id)

    def chunks(
        self,
        text: str,
        base: int,
        settings: VoiceSettings,
        on_missing_voice: Callable[[Lang], None] = lambda lang: None,
        quick_start: bool = False,
    ) -> Iterator[AudioChunk]:
        """Synthesize run by run, lazily, so the first run can play while the rest is made.
        ``quick_start``: this is the first sentence of a reading; a slow engine gets a short first piece."""
        runs = self.plan(text)
        if quick_start and runs:
            first = self.voice_for(runs[0].run.lang)
            if first is not None and first.engine in SLOW_ENGINES:
                runs = plan(text, self.normalizer, first=QUICK_START_CHARS)
        for spoken in runs:
            voice = self.voice_for(spoken.run.lang)
            if voice is None:
                on_missing_voice(spoken.run.lang)
            voice_id = voice.id if voice else self.fallback_voice()
            marks = tuple(words_of(spoken.normalized.text, spoken.run.lang))
            run_settings = VoiceSettings(voice_id=voice_id, rate=settings.rate, pitch=settings.pitch, marks=marks)
            synthesis = self.backend.synthesize(spoken.normalized.text, run_settings)
            yield AudioChunk(
                synthesis, estimate_marks(spoken, synthesis, base, marks), spoken.run.lang, spoken.normalized.text
            )
