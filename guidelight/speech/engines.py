"""Every installed engine behind one backend, and the best voice first for each language.

Voice ids name their engine: ``piper:en_US-joe-medium``, ``espeak:th``, ``sapi5:<token>``,
so one id says which engine speaks it and stays the same from run to run. ``voices()``
lists them best engine first, and the pipeline takes the first voice that speaks a
language when the student has chosen none; so for Thai a Piper voice (tones, natural)
wins over OneCore's Pattara, which wins over SAPI5 or macOS voices, which win over
espeak-ng (no tones). An id saved before ids had engines ("th", a SAPI5 token) or a
voice's name ("Microsoft Pattara", as a lab file may say) still finds its voice.

A Piper voice takes seconds to load (Thai: TLTK's dictionary). With ``stand_in`` (the
speaker's engines, not an export's) a sentence asked of a voice still loading is read by the
next voice of its language that is ready, so a student who presses Play early hears
something at once; the chosen voice takes over as soon as it has loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from guidelight.speech.backend import (
    SpeechBackend,
    SpeechUnavailable,
    Synthesis,
    VoiceInfo,
    VoiceSettings,
    find_voice,
    primary_language,
)

log = logging.getLogger(__name__)
# Lower is better. Engines not listed come after these and before espeak-ng.
ENGINE_RANK = {"piper": 0, "onecore": 1, "sapi5": 2, "nsss": 2, "espeak": 9}
_OTHER_RANK = 5


def engine_of(backend: SpeechBackend) -> str:
    """The engine's short name for ids: pyttsx3's driver ("espeak", "sapi5", "nsss") or its name."""
    driver = getattr(backend, "driver", "")
    return str(driver or backend.name)


class Engines:
    """A backend over several: it lists all their voices and sends each text to its voice's engine."""

    name = "guidelight"

    def __init__(self, backends: list[SpeechBackend], stand_in: bool = False) -> None:
        self._backends = backends
        self._stand_in = stand_in
        self._routes: dict[str, tuple[SpeechBackend, str]] = {}
        self._voices: list[VoiceInfo] | None = None

    def voices(self) -> list[VoiceInfo]:
        """All engines' voices, best engine first; an engine that fails is left out (logged)."""
        if self._voices is None:
            listed: list[tuple[int, VoiceInfo]] = []
            failures: list[SpeechUnavailable] = []
            for backend in self._backends:
                try:
                    engine = engine_of(backend)
                    raw = backend.voices()
                except SpeechUnavailable as exc:
                    log.info("speech engine %s unavailable: %s", backend.name, exc)
                    failures.append(exc)
                    continue
                for voice in raw:
                    full = f"{engine}:{voice.id}"
                    self._routes[full] = (backend, voice.id)
                    listed.append((ENGINE_RANK.get(engine, _OTHER_RANK), replace(voice, id=full, engine=engine)))
            if not listed and failures:
                raise failures[0]
            self._voices = [voice for _, voice in sorted(listed, key=lambda pair: pair[0])]
        return self._voices

    def rescan(self) -> None:
        """Forget the voices listed, so the next ``voices()`` finds any installed since
        (``guidelight voices install`` while the app runs); engines that keep a list of
        their own are asked to look again too."""
        for backend in self._backends:
            rescan: Callable[[], None] | None = getattr(backend, "rescan", None)
            if rescan is not None:
                rescan()
        self._voices = None

    def find(self, voice_id: str) -> VoiceInfo | None:
        return find_voice(self.voices(), voice_id)

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        voice_id = settings.voice_id
        if self._stand_in and voice_id:
            voice_id = self._ready_voice(voice_id)
        backend, raw_id = self._route(voice_id)
        return backend.synthesize(text, replace(settings, voice_id=raw_id))

    def _ready(self, voice: VoiceInfo) -> bool:
        backend, raw_id = self._routes[voice.id]
        ready: Callable[[str], bool] | None = getattr(backend, "ready", None)
        return ready is None or ready(raw_id)

    def _ready_voice(self, voice_id: str) -> str:
        """``voice_id``, or while it loads the best ready voice of its language (if any)."""
        voice = self.find(voice_id)
        if voice is None or self._ready(voice):
            return voice_id
        self.prepare(voice.id)
        langs = {primary_language(tag) for tag in voice.languages}
        stand_in = next(
            (v for v in self.voices() if v is not voice and any(v.speaks(lang) for lang in langs) and self._ready(v)),
            None,
        )
        return stand_in.id if stand_in else voice_id

    def prepare(self, voice_id: str) -> None:
        """Let the voice's engine load it in the background (Piper: the model, Thai's dictionary)."""
        backend, raw_id = self._route(voice_id)
        prepare: Callable[[str], None] | None = getattr(backend, "prepare", None)
        if prepare is not None and raw_id:
            prepare(raw_id)

    def cancel(self) -> None:
        """Abort any synthesis in progress (engines that can: Piper); called on every stop."""
        for backend in self._backends:
            cancel: Callable[[], None] | None = getattr(backend, "cancel", None)
            if cancel is not None:
                cancel()

    def _route(self, voice_id: str | None) -> tuple[SpeechBackend, str | None]:
        voice = self.find(voice_id) if voice_id else None
        if voice is not None:
            return self._routes[voice.id]
        if voice_id:
            raise SpeechUnavailable(f"there is no voice {voice_id!r}; `guidelight voices` lists the installed ones")
        voices = self.voices()
        if not voices:
            raise SpeechUnavailable("no voice is installed")
        return self._routes[voices[-1].id][0], None  # no choice at all: the plainest engine's own default


def default_backend(stand_in: bool = False) -> Engines:
    """The engines of this installation: Piper (if installed), Windows OneCore (Microsoft Pattara
    with no registry edit) when PyWinRT is there, and the system's own (pyttsx3: SAPI5, espeak-ng
    or NSSS). ``stand_in``: read with another voice while the chosen one loads (for reading aloud).

    The OneCore engine makes its WinRT calls on a thread of its own, so this may be called on any.
    """
    from guidelight.speech import onecore_backend
    from guidelight.speech.piper_backend import PiperBackend
    from guidelight.speech.pyttsx3_backend import Pyttsx3Backend

    # Engines names each id after its engine ("onecore:th-TH:Pattara"), so OneCore adds no prefix of its own.
    onecore = [onecore_backend.OneCoreBackend(id_prefix="")] if onecore_backend.available() else []
    return Engines([PiperBackend(), *onecore, Pyttsx3Backend()], stand_in=stand_in)
