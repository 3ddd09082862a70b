"""Shared speech test helpers: a deterministic engine and an event collector."""

from __future__ import annotations

import array
import threading
import time
from collections.abc import Callable

import pytest

from guidelight.speech.backend import SpeechUnavailable, Synthesis, VoiceInfo, VoiceSettings
from guidelight.speech.speaker import EventKind, SpeechEvent

RATE = 16000


class ToneBackend:
    """A stand-in engine: a tone whose length follows the text, so tests know the audio exactly.

    ``seconds_per_char`` at the normal rate of 175 wpm; faster rates shorten it in proportion.
    """

    name = "tone"

    def __init__(self, voices: list[VoiceInfo] | None = None, seconds_per_char: float = 0.01, fail: str = "") -> None:
        self._voices = (
            voices
            if voices is not None
            else [VoiceInfo("th-voice", "Thai", ("th",)), VoiceInfo("en-voice", "English", ("en-us",))]
        )
        self.seconds_per_char = seconds_per_char
        self.fail = fail
        self.calls: list[tuple[str, VoiceSettings]] = []

    def voices(self) -> list[VoiceInfo]:
        return self._voices

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        if self.fail:
            raise SpeechUnavailable(self.fail)
        self.calls.append((text, settings))
        frames = int(len(text) * self.seconds_per_char * RATE * 175 / settings.rate)
        samples = array.array("h", (8000 if (i // 20) % 2 else -8000 for i in range(frames)))
        return Synthesis(samples.tobytes(), RATE)


class Events:
    """Collects speech events with the time they arrived; waits for DONE."""

    def __init__(self) -> None:
        self.items: list[tuple[float, SpeechEvent]] = []
        self.done = threading.Event()

    def __call__(self, event: SpeechEvent) -> None:
        self.items.append((time.perf_counter(), event))
        if event.kind is EventKind.DONE:
            self.done.set()

    def of(self, kind: EventKind) -> list[SpeechEvent]:
        return [e for _, e in self.items if e.kind is kind]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True


@pytest.fixture
def events() -> Events:
    return Events()
