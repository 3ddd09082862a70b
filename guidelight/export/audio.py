"""Guide Light's own speech for an EPUB's media overlays: each page's audio and the
clips that tie each stretch of it to the element it reads (a sentence, a table row, a
figure), so an EPUB reader highlights the text as it plays.

What is said is what the app says: sentences through the normalizer and the course's
pronunciation entries, tables by rows with their column headers, a figure announced
with its description or caption, or as having none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from guidelight.core.model import Page, ParagraphKind, joint
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
    joins_next: bool = False  # a sentence cut by a page break: said in one breath with the next clip


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


def book_clips(pages: Sequence[Page], lang: str = "th") -> list[Clip]:
    """The clips of consecutive pages (one content document); the part of a sentence a page
    break cut is marked to be said with its rest, as the app reads it."""
    clips: list[Clip] = []
    for before, page in zip([None, *pages], pages, strict=False):
        own = spoken_clips(page, lang)
        if before is not None and clips and own and _cut(before, page, clips[-1], own[0]):
            clips[-1] = replace(clips[-1], joins_next=True)
        clips += own
    return clips


def _cut(before: Page, page: Page, last: Clip, first: Clip) -> bool:
    """Is ``last`` the end of ``before``'s last paragraph, going on in ``first``, the start
    of ``page``'s first paragraph (both body text, the page ``continues``)?"""
    if not (before.continues and page.number == before.number + 1 and before.paragraphs and page.paragraphs):
        return False
    tail, head = before.paragraphs[-1], page.paragraphs[0]
    if tail.kind is not ParagraphKind.BODY or head.kind is not ParagraphKind.BODY or not tail.sentences:
        return False
    ends = f"p-{before.number}-{len(before.paragraphs) - 1}-s{len(tail.sentences) - 1}"
    return last.target == ends and first.target == f"p-{page.number}-0-s0"


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
        """The page's audio as MP3 and its clips timed in it; None for a silent page. A clip
        that ``joins_next`` is said in one breath with the next, which starts where the
        voice reaches it (its first word's mark)."""
        pcm = bytearray()
        timed: list[Clip] = []
        pending = list(clips)
        while pending:
            clip = pending.pop(0)
            rest = pending.pop(0) if clip.joins_next and pending else None
            between = joint(clip.text, rest.text) if rest is not None else ""
            text = clip.text + between + rest.text if rest is not None else clip.text
            begin = self._seconds(len(pcm))
            turn = None  # seconds into the page's audio where ``rest`` is reached
            for chunk in self.synthesizer.chunks(text, 0, self.settings):
                self.sample_rate = self.sample_rate or chunk.synthesis.sample_rate  # the book's rate
                if rest is not None and turn is None:
                    reached = [m.frame for m in chunk.marks if m.offset >= len(clip.text) + len(between)]
                    if reached:
                        turn = self._seconds(len(pcm)) + reached[0] / chunk.synthesis.sample_rate
                pcm += chunk.synthesis.pcm_at(self.sample_rate)
            end = self._seconds(len(pcm))
            if end > begin:
                if rest is None:
                    timed.append(Clip(clip.target, clip.text, begin, end))
                else:  # without a mark for its first word, the rest is placed by its share of the text
                    turn = turn if turn is not None else begin + (end - begin) * len(clip.text) / len(text)
                    halves = ((clip, begin, turn), (rest, turn, end))
                    timed += [Clip(c.target, c.text, b, e) for c, b, e in halves if e > b]
                pcm += bytes(2 * int(PAUSE_SECONDS * self.sample_rate))
        if not timed:
            return None
        return PageAudio(encode_mp3(bytes(pcm), self.sample_rate), self._seconds(len(pcm)), tuple(timed))

    def _seconds(self, pcm_bytes: int) -> float:
        return pcm_bytes / 2 / self.sample_rate if self.sample_rate else 0.0
