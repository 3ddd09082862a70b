"""Guide Light's own speech for an EPUB's media overlays: each page's audio and the
clips that tie each stretch of it to the element it reads (a sentence, a table row, a
figure), so an EPUB reader highlights the text as it plays.

What is said is what the app says: sentences through the normalizer and the course's
pronunciation entries, tables by rows with their column headers, a figure announced
with its description or caption, or as having none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from guidelight.core.model import Page
from guidelight.core.tables import spoken_page
from guidelight.speech.backend import NORMAL_RATE, SpeechBackend, VoiceSettings
from guidelight.speech.export import encode_mp3
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer
from guidelight.speech.pipeline import Synthesizer

PAUSE_SECONDS = 0.2  # between clips, as between sentences when the app reads


@dataclass(frozen=True)
class Clip:
    """``target`` (an element id) is read from ``begin`` to ``end`` seconds of the page's audio."""

    target: str
    text: str
    begin: float = 0.0
    end: float = 0.0


@dataclass(frozen=True)
class PageAudio:
    mp3: bytes
    seconds: float
    clips: tuple[Clip, ...]


def spoken_clips(page: Page, lang: str = "th") -> list[Clip]:
    """What is said for the page (as the app says it), each with the element it reads:
    the sentence's span, the table row, the table, or the figure."""
    clips: list[Clip] = []
    for item in spoken_page(page, lang):
        block_id = f"p-{page.number}-{item.paragraph}"
        if item.figure >= 0:
            target = f"fig-{page.number}-{item.figure}"
        elif item.sentence >= 0:
            target = f"{block_id}-s{item.sentence}"
        elif item.row >= 0:
            target = f"{block_id}-r{item.row}"
        else:
            target = block_id
        clips.append(Clip(target, item.text))
    return clips


class OverlaySpeech:
    """Synthesizes pages for media overlays with one voice setting for the whole book."""

    def __init__(
        self,
        backend: SpeechBackend | None = None,
        pronunciations: Mapping[str, str] | None = None,
        rate: int = NORMAL_RATE,
        voice: str | None = None,
    ) -> None:
        if backend is None:
            from guidelight.speech.engines import default_backend

            backend = default_backend()
        lexicon = Lexicon.load()
        if pronunciations:
            lexicon = Lexicon({**lexicon.entries, **pronunciations})
        self.synthesizer = Synthesizer(backend, Normalizer(lexicon))
        if voice:
            self.synthesizer.prefer(voice)
        self.settings = VoiceSettings(rate=rate)
        self.sample_rate = 0

    def page(self, clips: list[Clip]) -> PageAudio | None:
        """The page's audio as MP3 and its clips timed in it; None for a silent page."""
        pcm = bytearray()
        timed: list[Clip] = []
        for clip in clips:
            begin = self._seconds(len(pcm))
            for chunk in self.synthesizer.chunks(clip.text, 0, self.settings):
                self.sample_rate = self.sample_rate or chunk.synthesis.sample_rate  # the book's rate
                pcm += chunk.synthesis.pcm_at(self.sample_rate)
            end = self._seconds(len(pcm))
            if end > begin:
                timed.append(Clip(clip.target, clip.text, begin, end))
                pcm += bytes(2 * int(PAUSE_SECONDS * self.sample_rate))
        if not timed:
            return None
        return PageAudio(encode_mp3(bytes(pcm), self.sample_rate), self._seconds(len(pcm)), tuple(timed))

    def _seconds(self, pcm_bytes: int) -> float:
        return pcm_bytes / 2 / self.sample_rate if self.sample_rate else 0.0
