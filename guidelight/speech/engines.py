"""Which speech engines this machine has, offered to the speaker as one.

Each engine lists its own voices; the speaker picks a voice per language and needs to
know nothing about where it comes from. ``default_backend()`` is the one place that
decides which engines are used and in what order: a voice listed earlier is chosen
first for its language when the user has chosen none.
"""

from __future__ import annotations

from collections.abc import Sequence

from guidelight.speech.backend import (
    SpeechBackend,
    SpeechUnavailable,
    Synthesis,
    VoiceInfo,
    VoiceSettings,
)


class MultiBackend:
    """Several engines as one: the voices of all, each chunk synthesized by the engine owning its voice."""

    def __init__(self, engines: Sequence[SpeechBackend]) -> None:
        if not engines:
            raise ValueError("MultiBackend needs at least one engine")
        self.engines = list(engines)
        self.name = " + ".join(engine.name for engine in self.engines)
        self._owners: dict[str, SpeechBackend] | None = None
        self._voices: list[VoiceInfo] = []

    @property
    def driver(self) -> str:
        """The engines' drivers ("onecore + sapi5"), for the voice doctor's report."""
        return " + ".join(_driver(engine) for engine in self.engines)

    def voices(self) -> list[VoiceInfo]:
        """Every engine's voices, in engine order; an engine that fails is left out unless all do."""
        if self._owners is None:
            owners: dict[str, SpeechBackend] = {}
            voices: list[VoiceInfo] = []
            failures: list[SpeechUnavailable] = []
            for engine in self.engines:
                try:
                    found = engine.voices()
                except SpeechUnavailable as exc:
                    failures.append(exc)
                    continue
                for voice in found:
                    if voice.id not in owners:
                        owners[voice.id] = engine
                        voices.append(voice)
            if len(failures) == len(self.engines):
                raise failures[0]
            self._owners, self._voices = owners, voices
        return self._voices

    def engine_for(self, voice_id: str | None) -> SpeechBackend:
        """The engine that owns ``voice_id``; the first engine that works for an unknown or no voice."""
        self.voices()
        owners = self._owners or {}
        if voice_id in owners:
            return owners[voice_id or ""]
        return next(iter(owners.values()), self.engines[0])

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        return self.engine_for(settings.voice_id).synthesize(text, settings)


def _driver(engine: SpeechBackend) -> str:
    """An engine's driver name, or its own name when it has none or cannot start."""
    try:
        return str(getattr(engine, "driver", engine.name))
    except SpeechUnavailable:
        return engine.name


def default_backend() -> SpeechBackend:
    """The engines of this machine, best Thai first: Windows OneCore (Microsoft Pattara with no
    registry edit) when its packages are there, then pyttsx3 (SAPI5, espeak-ng or NSSS).

    Call it on the speech thread: the OneCore engine starts WinRT on the thread that uses it.
    """
    from guidelight.speech import onecore_backend
    from guidelight.speech.pyttsx3_backend import Pyttsx3Backend

    engines: list[SpeechBackend] = []
    if onecore_backend.available():
        engines.append(onecore_backend.OneCoreBackend())
    engines.append(Pyttsx3Backend())
    return engines[0] if len(engines) == 1 else MultiBackend(engines)
