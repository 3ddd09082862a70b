"""A fake of Windows OneCore speech, so the OneCore backend is tested on Linux.

``FakeOneCore`` plays the engine: it parses the SSML it is sent (so malformed SSML fails
the test), speaks each character as ``frames_per_char`` frames of tone after a lead-in
of silence, and reports each ``<mark/>`` at the time its text starts, in 100-ns units,
as WinRT does. ``fake_winrt_modules`` builds the ``winrt.*`` modules the real adapter
imports, with the names of the PyWinRT stubs (winrt-runtime 4.1 wheels), around the same engine.
"""

from __future__ import annotations

import array
import io
import math
import threading
import types
import wave
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, ClassVar

from guidelight.speech.onecore_backend import HUNDRED_NS_PER_SECOND, SSML_NAMESPACE, WinRTAudio, WinRTVoice

SAMPLE_RATE = 22050  # what OneCore voices produce
LEAD_FRAMES = 1000  # silence before the first word, as real engines pad
PATTARA = WinRTVoice(
    r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech_OneCore\Voices\Tokens\MSTTS_V110_thTH_Pattara",
    "Microsoft Pattara",
    "th-TH",
)
DAVID = WinRTVoice(
    r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech_OneCore\Voices\Tokens\MSTTS_V110_enUS_DavidM",
    "Microsoft David",
    "en-US",
)


@dataclass
class Sent:
    """One synthesis request, as the engine received it."""

    ssml: str
    voice_id: str
    speaking_rate: float
    pitch: float
    thread: int


@dataclass
class FakeOneCore:
    voice_list: list[WinRTVoice] = field(default_factory=lambda: [DAVID, PATTARA])
    frames_per_char: int = 400
    sample_rate: int = SAMPLE_RATE
    fail: Exception | None = None
    sent: list[Sent] = field(default_factory=list)
    expected: dict[str, int] = field(default_factory=dict)  # mark name -> frame the fake put it at

    def voices(self) -> list[WinRTVoice]:
        return list(self.voice_list)

    def synthesize_ssml(self, ssml: str, voice_id: str, speaking_rate: float, pitch: float) -> WinRTAudio:
        self.sent.append(Sent(ssml, voice_id, speaking_rate, pitch, threading.get_ident()))
        if self.fail is not None:
            raise self.fail
        root = ET.fromstring(ssml)  # raises on malformed SSML
        assert root.tag == f"{{{SSML_NAMESPACE}}}speak"
        per_char = max(1, round(self.frames_per_char / speaking_rate))
        frames = LEAD_FRAMES
        markers: list[tuple[str, int]] = []
        self.expected = {}
        frames += per_char * len(root.text or "")
        for child in root:
            assert child.tag == f"{{{SSML_NAMESPACE}}}mark", child.tag
            name = child.attrib["name"]
            self.expected[name] = frames
            markers.append((name, math.ceil(frames * HUNDRED_NS_PER_SECOND / self.sample_rate)))
            frames += per_char * len(child.tail or "")
        return WinRTAudio(wav_bytes(tone(frames), self.sample_rate), tuple(markers))


def tone(frames: int) -> bytes:
    """LEAD_FRAMES of silence, then a square wave loud enough to be heard as speech."""
    samples = array.array("h", (0 if i < LEAD_FRAMES else (8000 if (i // 20) % 2 else -8000) for i in range(frames)))
    return samples.tobytes()


def wav_bytes(pcm: bytes, rate: int = SAMPLE_RATE) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm)
    return out.getvalue()


# ----- the winrt.* modules, for the real adapter (names as in the PyWinRT stubs) --------------


class _Operation:
    """IAsyncOperation: ``get()`` waits for the result."""

    def __init__(self, result: Any) -> None:
        self._result = result

    def get(self) -> Any:
        return self._result


@dataclass
class _Marker:  # IMediaMarker
    text: str
    time: timedelta
    media_marker_type: str = "SpeechBookmark"


class _Stream:  # SpeechSynthesisStream
    def __init__(self, audio: WinRTAudio, log: list[str]) -> None:
        self._data = audio.wav
        self._log = log
        # PyWinRT gives TimeSpan as a timedelta, which keeps microseconds: 100-ns detail is lost.
        self.markers = [_Marker(name, timedelta(microseconds=ticks / 10)) for name, ticks in audio.markers]
        self.content_type = "audio/wav"

    @property
    def size(self) -> int:
        return len(self._data)

    def get_input_stream_at(self, position: int) -> bytes:
        return self._data[position:]

    def close(self) -> None:
        self._log.append("stream closed")


class _DataReader:
    def __init__(self, input_stream: bytes) -> None:
        self._input = input_stream
        self._loaded = b""
        self.closed = False

    def load_async(self, count: int) -> _Operation:
        self._loaded = self._input[:count]
        return _Operation(len(self._loaded))

    def read_bytes(self, value: bytearray) -> None:
        value[:] = self._loaded[: len(value)]

    def close(self) -> None:
        self.closed = True


@dataclass
class _Options:  # SpeechSynthesizerOptions
    speaking_rate: float = 1.0
    audio_pitch: float = 1.0
    audio_volume: float = 1.0


class _OldOptions(_Options):
    """Windows 10 before 1803: SpeakingRate and AudioPitch fail with E_NOINTERFACE."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("speaking_rate", "audio_pitch") and name in self.__dict__:  # set after __init__
            raise OSError(-2147467262, "No such interface supported")
        super().__setattr__(name, value)


@dataclass(frozen=True)
class _VoiceInformation:
    id: str
    display_name: str
    language: str
    description: str = ""


def fake_winrt_modules(engine: FakeOneCore, log: list[str], old_windows: bool = False) -> dict[str, types.ModuleType]:
    """``sys.modules`` entries for the ``winrt`` imports of ``PyWinRTSpeech``, around ``engine``."""

    class SpeechSynthesizer:
        all_voices: ClassVar[list[_VoiceInformation]] = [
            _VoiceInformation(v.id, v.display_name, v.language) for v in engine.voice_list
        ]

        def __init__(self) -> None:
            self.voice: _VoiceInformation | None = None
            self.options = _OldOptions() if old_windows else _Options()

        def synthesize_ssml_to_stream_async(self, ssml: str) -> _Operation:
            assert self.voice is not None
            audio = engine.synthesize_ssml(ssml, self.voice.id, self.options.speaking_rate, self.options.audio_pitch)
            return _Operation(_Stream(audio, log))

    class ApartmentType:
        SINGLE_THREADED = 0
        MULTI_THREADED = 1

    def init_apartment(kind: int) -> None:
        log.append(f"apartment {kind} on {threading.get_ident()}")

    modules = {name: types.ModuleType(name) for name in (
        "winrt", "winrt.runtime", "winrt.windows", "winrt.windows.media",
        "winrt.windows.media.speechsynthesis", "winrt.windows.storage", "winrt.windows.storage.streams",
    )}
    modules["winrt.runtime"].ApartmentType = ApartmentType  # type: ignore[attr-defined]
    modules["winrt.runtime"].init_apartment = init_apartment  # type: ignore[attr-defined]
    modules["winrt.windows.media.speechsynthesis"].SpeechSynthesizer = SpeechSynthesizer  # type: ignore[attr-defined]
    modules["winrt.windows.storage.streams"].DataReader = _DataReader  # type: ignore[attr-defined]
    return modules
