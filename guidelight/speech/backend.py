"""The narrow interface every speech engine implements: text in, PCM out.

Engines differ in how they play audio, when they report words and what they print.
Guide Light therefore asks an engine for one thing only, the audio of a chunk of text,
and plays and times that audio itself. A new offline engine is one class with
``voices()`` and ``synthesize()``; nothing that calls the speaker changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from guidelight.core.errors import GuideLightError

NORMAL_RATE = 175  # words per minute: espeak-ng's default, and a usual speaking rate
MIN_RATE = 80
MAX_RATE = 700  # 4x normal; espeak-ng speeds up past 450 with sonic


class SpeechUnavailable(GuideLightError):
    """No engine, no voice or no audio device: the message says what to install or check."""


@dataclass(frozen=True)
class VoiceInfo:
    """An installed voice; ``languages`` are lower-case tags such as "th" or "en-us"."""

    id: str
    name: str
    languages: tuple[str, ...]
    engine: str = ""  # "piper", "espeak", "sapi5"...: set when voices of several engines are listed

    def speaks(self, lang: str) -> bool:
        """Whether this voice is for ``lang`` ("th" matches "th", "th-th", "tha")."""
        return any(primary_language(tag) == lang for tag in self.languages)


@dataclass(frozen=True)
class VoiceSettings:
    """What to synthesize with. Volume is applied by the speaker to the PCM, not here."""

    voice_id: str | None = None
    rate: int = NORMAL_RATE
    pitch: int = 50  # 0..100, 50 is the voice's normal pitch
    # (start, end) of each word of the text. An engine that can say when each is heard puts an
    # index mark there (OneCore: SSML <mark/>) and returns ``Synthesis.marked``; others ignore it.
    # Engines cut Thai at spaces, so only marks at words Guide Light segmented time Thai exactly.
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class WordEvent:
    """An engine-reported word: ``text[start:start+length]`` begins at ``sample``."""

    start: int
    length: int
    sample: int


@dataclass(frozen=True)
class Synthesis:
    """Mono signed 16-bit little-endian PCM of one chunk of text."""

    pcm: bytes
    sample_rate: int
    words: tuple[WordEvent, ...] = ()
    marked: bool = False  # the words are at index marks the pipeline placed: exact in Thai too

    @property
    def frames(self) -> int:
        return len(self.pcm) // 2

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    def pcm_at(self, rate: int) -> bytes:
        """The PCM at ``rate`` (0: as it is). One file may mix engines with different rates
        (Piper's Thai at 22050 Hz, a 16 kHz voice for English), and a file has one rate."""
        if not rate or rate == self.sample_rate or not self.pcm:
            return self.pcm
        import miniaudio  # playback's library also converts; loaded only when rates differ

        fmt = miniaudio.SampleFormat.SIGNED16
        return bytes(miniaudio.convert_frames(fmt, 1, self.sample_rate, self.pcm, fmt, 1, rate))


class SpeechBackend(Protocol):
    """An offline speech engine. Calls come from one speech thread, never concurrently."""

    name: str

    def voices(self) -> list[VoiceInfo]: ...

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        """The audio of ``text``; raises ``SpeechUnavailable`` when it cannot be made."""
        ...


_LCID_PRIMARY = {0x1E: "th", 0x09: "en"}  # SAPI5 may report languages as hex LCIDs ("41e")
_THREE_LETTER = {"tha": "th", "eng": "en"}


def primary_language(tag: str) -> str:
    """Primary language of any engine's tag: "th-TH", "th_TH", "tha", "41e" -> "th"; "en-us" -> "en"."""
    head = tag.strip().lower().replace("_", "-").split("-")[0]
    if head in _THREE_LETTER:
        return _THREE_LETTER[head]
    if len(head) >= 3 and all(c in "0123456789abcdef" for c in head):
        return _LCID_PRIMARY.get(int(head, 16) & 0x3FF, head)
    return head


def voice_for(voices: list[VoiceInfo], lang: str, preferred: str | None = None) -> VoiceInfo | None:
    """The voice to speak ``lang``: the preferred one if it speaks it, else the first that does."""
    matching = [v for v in voices if v.speaks(lang)]
    for voice in matching:
        if voice.id == preferred:
            return voice
    if lang == "en":  # prefer plain English over accents and variants when nothing is chosen
        plain = [v for v in matching if any(t in {"en", "en-gb", "en-us"} for t in v.languages)]
        matching = plain or matching
    return matching[0] if matching else None


def find_voice(voices: list[VoiceInfo], voice_id: str) -> VoiceInfo | None:
    """The voice ``voice_id`` names: its id ("espeak:th"), its engine's own id ("th", as saved
    before ids named their engine) or its name ("Microsoft Pattara", as a lab file may say)."""
    for matches in (
        lambda v: v.id == voice_id,
        lambda v: v.id.split(":", 1)[-1] == voice_id,
        lambda v: v.name.casefold() == voice_id.casefold(),
    ):
        found = next((v for v in voices if matches(v)), None)
        if found is not None:
            return found
    return None
