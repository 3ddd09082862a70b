"""Windows OneCore voices (Windows.Media.SpeechSynthesis) through the PyWinRT packages.

Why: SAPI5, and so pyttsx3, has no Thai voice on Windows. Microsoft Pattara, the Thai
voice Windows installs with the Thai speech pack, is a OneCore voice, which WinRT lists
directly: no registry key to copy.

How, as NVDA's oneCore driver does it: the text goes in as SSML with a ``<mark/>``
before each word Guide Light segmented (PyThaiNLP for Thai, so Thai words are timed
exactly, not estimated); the engine returns a WAV stream and the time of each mark it
passed (100-ns units); each time becomes a frame of the PCM, and each mark's word is
a page offset through the pipeline's own spans. The audio goes to our sink like any
engine's, so stopping is the sink's flush (within 50 ms), not a WinRT call.

Threads: every WinRT call runs on one thread of this backend, in the multithreaded COM
apartment, where waiting on an async operation is allowed. Not on the GUI thread (Qt
makes it a single-threaded apartment) and not on the speech thread, where SAPI5's
comtypes makes a single-threaded apartment of its own. The WinRT layer is an injected
object (``WinRTSpeech``), so tests on Linux pass a fake one.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import sys
import threading
import wave
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol, TypeVar
from xml.sax.saxutils import escape, quoteattr

from guidelight.speech.backend import NORMAL_RATE, SpeechUnavailable, Synthesis, VoiceInfo, VoiceSettings, WordEvent
from guidelight.speech.pyttsx3_backend import to_mono16

log = logging.getLogger(__name__)
T = TypeVar("T")

ID_PREFIX = "onecore:"  # our voice ids: "onecore:th-TH:Pattara"
HUNDRED_NS_PER_SECOND = 10_000_000  # WinRT TimeSpan units
SSML_NAMESPACE = "http://www.w3.org/2001/10/synthesis"
MIN_SPEAKING_RATE, MAX_SPEAKING_RATE = 0.5, 6.0  # SpeechSynthesizerOptions.SpeakingRate's documented range
CALL_TIMEOUT = 30.0  # seconds; a synthesis of one chunk takes well under one
WINRT_PACKAGES = (
    "winrt-runtime winrt-Windows.Foundation winrt-Windows.Foundation.Collections winrt-Windows.Media "
    "winrt-Windows.Media.Core winrt-Windows.Media.SpeechSynthesis winrt-Windows.Storage.Streams"
)
# Characters XML 1.0 forbids even escaped (PDF text carries form feeds and the like).
_NOT_XML = {c: " " for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0xFFFE: " ", 0xFFFF: " "}


@dataclass(frozen=True)
class WinRTVoice:
    """A voice as WinRT lists it: ``VoiceInformation.id``, ``.display_name``, ``.language``."""

    id: str  # a registry token path, e.g. HKEY_LOCAL_MACHINE\\...\\MSTTS_V110_thTH_Pattara
    display_name: str  # "Microsoft Pattara"
    language: str  # "th-TH"


@dataclass(frozen=True)
class WinRTAudio:
    """What one SSML synthesis gave: the WAV file's bytes and each mark reached, with its time."""

    wav: bytes
    markers: tuple[tuple[str, int], ...]  # (mark name, time in 100-ns units from the start of the audio)


class WinRTSpeech(Protocol):
    """The few WinRT calls this backend makes; ``PyWinRTSpeech`` is the real one."""

    def voices(self) -> list[WinRTVoice]: ...

    def synthesize_ssml(self, ssml: str, voice_id: str, speaking_rate: float, pitch: float) -> WinRTAudio: ...


def available(platform: str = sys.platform) -> bool:
    """Whether OneCore voices may be used here: Windows, with PyWinRT installed.

    Only looks for the package: importing WinRT would start COM on the calling thread,
    which may be the GUI's. Whether the voices really work is told by ``OneCoreBackend.voices()``.
    """
    return platform == "win32" and importlib.util.find_spec("winrt") is not None


def is_onecore_voice(voice_id: str | None) -> bool:
    return bool(voice_id) and str(voice_id).startswith(ID_PREFIX)


def voice_id_of(voice: WinRTVoice, prefix: str = ID_PREFIX) -> str:
    """A stable id from the language and the short name: "onecore:th-TH:Pattara".

    WinRT's own id is a registry path that changes with the voice's version (V110...).
    """
    name = voice.display_name.removeprefix("Microsoft ").strip().replace(" ", "") or voice.id.rsplit("\\", 1)[-1]
    return f"{prefix}{voice.language}:{name}"


def build_ssml(text: str, language: str, words: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` as SSML for ``language``, with ``<mark name="i"/>`` just before word i.

    Mark names are the words' indexes, so a marker maps back to its (start, end) in
    ``text`` and from there, through the pipeline, to the page. Words must be in order;
    an overlapping one gets no mark. The first mark of a sentence is its sentence mark.
    """
    parts = [f'<speak version="1.0" xmlns="{SSML_NAMESPACE}" xml:lang={quoteattr(language)}>']
    pos = last_end = 0
    for index, (start, end) in enumerate(words):
        if start < last_end or end <= start or end > len(text):
            continue
        parts.append(_xml_text(text[pos:start]))
        parts.append(f'<mark name="{index}"/>')
        pos, last_end = start, end
    parts.append(_xml_text(text[pos:]))
    parts.append("</speak>")
    return "".join(parts)


def _xml_text(text: str) -> str:
    return escape(text.translate(_NOT_XML))


def read_wav(data: bytes) -> tuple[bytes, int]:
    """Mono 16-bit PCM and its sample rate from the WAV bytes of a synthesis stream."""
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SpeechUnavailable(f"Windows speech gave no usable audio ({exc or 'empty stream'})") from exc
    return to_mono16(frames, width, channels), rate


def marker_frame(ticks: int, sample_rate: int) -> int:
    """The frame heard at ``ticks`` 100-ns units into the audio (integer maths: no drift)."""
    return ticks * sample_rate // HUNDRED_NS_PER_SECOND


def words_at_markers(
    markers: Sequence[tuple[str, int]], words: Sequence[tuple[int, int]], sample_rate: int, frames: int
) -> tuple[WordEvent, ...]:
    """One WordEvent per word whose mark the engine reported, in word order.

    Names that are not ours and repeated names are ignored; a marker past the audio's end
    is put on its last frame.
    """
    seen: dict[int, int] = {}
    for name, ticks in markers:
        if name.isascii() and name.isdigit() and int(name) < len(words) and int(name) not in seen:
            seen[int(name)] = min(max(0, marker_frame(ticks, sample_rate)), max(0, frames - 1))
    return tuple(
        WordEvent(words[i][0], words[i][1] - words[i][0], frame) for i, frame in sorted(seen.items())
    )


def speaking_rate(words_per_minute: int) -> float:
    """Our words per minute as WinRT's multiplier of the voice's normal rate (1.0)."""
    return max(MIN_SPEAKING_RATE, min(MAX_SPEAKING_RATE, words_per_minute / NORMAL_RATE))


def audio_pitch(pitch: int) -> float:
    """Our 0..100 pitch (50 normal) as WinRT's 0..2 (1 normal)."""
    return max(0.0, min(2.0, pitch / 50))


class OneCoreBackend:
    """Windows OneCore voices as a Guide Light engine; see the module docstring."""

    name = "onecore"
    driver = "onecore"

    def __init__(self, speech: Callable[[], WinRTSpeech] | None = None, id_prefix: str = ID_PREFIX) -> None:
        """``speech`` makes the WinRT layer (tests: a fake); ``id_prefix`` starts our voice ids
        (empty where a layer above adds the engine's name itself)."""
        self._make_speech = speech or PyWinRTSpeech
        self._id_prefix = id_prefix
        self._speech: WinRTSpeech | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._voices: dict[str, WinRTVoice] | None = None

    def _call(self, fn: Callable[[WinRTSpeech], T]) -> T:
        """Run ``fn`` on the backend's WinRT thread and wait for it."""
        with self._lock:
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix="guidelight-onecore")
            future: Future[T] = self._thread.submit(self._on_thread, fn)
        try:
            return future.result(timeout=CALL_TIMEOUT)
        except FutureTimeout as exc:
            raise SpeechUnavailable(f"Windows speech did not answer within {CALL_TIMEOUT:.0f} seconds") from exc

    def _on_thread(self, fn: Callable[[WinRTSpeech], T]) -> T:
        try:
            if self._speech is None:
                self._speech = self._make_speech()
            return fn(self._speech)
        except SpeechUnavailable:
            raise
        except (OSError, RuntimeError) as exc:  # PyWinRT raises a failed HRESULT as OSError
            raise SpeechUnavailable(f"Windows speech failed: {exc}") from exc

    def winrt_voices(self) -> dict[str, WinRTVoice]:
        """Our voice id -> WinRT's voice, as listed once (a voice added later needs a restart)."""
        if self._voices is None:
            found: dict[str, WinRTVoice] = {}
            for voice in self._call(lambda speech: speech.voices()):
                found.setdefault(voice_id_of(voice, self._id_prefix), voice)
            self._voices = found
        return self._voices

    def voices(self) -> list[VoiceInfo]:
        return [
            VoiceInfo(id=vid, name=voice.display_name, languages=(voice.language.lower(),))
            for vid, voice in self.winrt_voices().items()
        ]

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        """The audio of ``text``, with a marked WordEvent for each of ``settings.marks`` the engine reached."""
        voices = self.winrt_voices()
        if not voices:
            raise SpeechUnavailable("Windows lists no OneCore voice")
        voice = voices.get(settings.voice_id or "") or next(iter(voices.values()))
        ssml = build_ssml(text, voice.language, settings.marks)
        rate, pitch = speaking_rate(settings.rate), audio_pitch(settings.pitch)
        audio = self._call(lambda speech: speech.synthesize_ssml(ssml, voice.id, rate, pitch))
        pcm, sample_rate = read_wav(audio.wav)
        if not pcm:
            raise SpeechUnavailable(f"Windows speech gave no audio for {voice.display_name}")
        timed = words_at_markers(audio.markers, settings.marks, sample_rate, len(pcm) // 2)
        return Synthesis(pcm, sample_rate, timed, marked=bool(timed))


def ticks_of(time: timedelta) -> int:
    """A WinRT TimeSpan (PyWinRT gives a timedelta) in 100-ns units."""
    return (time.days * 86_400 + time.seconds) * HUNDRED_NS_PER_SECOND + time.microseconds * 10


class PyWinRTSpeech:
    """The real WinRT calls, made on the backend's own thread (see the module docstring).

    Not run on Linux: the tests replace the ``winrt`` modules with fakes that follow the
    PyWinRT stubs (``SpeechSynthesizer.all_voices``, ``synthesize_ssml_to_stream_async``,
    ``SpeechSynthesisStream.markers``/``.size``/``.get_input_stream_at``, ``DataReader``).
    """

    def __init__(self) -> None:
        try:
            from winrt.runtime import ApartmentType, init_apartment
            from winrt.windows.media.speechsynthesis import SpeechSynthesizer
            from winrt.windows.storage.streams import DataReader
        except ImportError as exc:
            raise SpeechUnavailable(f"Windows OneCore speech needs the PyWinRT packages ({WINRT_PACKAGES})") from exc
        try:
            init_apartment(ApartmentType.MULTI_THREADED)
        except OSError:  # this thread already has its apartment: fine as long as it is multithreaded
            log.debug("WinRT apartment already set on the OneCore thread", exc_info=True)
        self._synthesizer_type: Any = SpeechSynthesizer
        self._data_reader: Any = DataReader
        self._synthesizer: Any = SpeechSynthesizer()
        self._winrt_voices: dict[str, Any] = {}

    def voices(self) -> list[WinRTVoice]:
        self._winrt_voices = {str(v.id): v for v in self._synthesizer_type.all_voices}
        return [WinRTVoice(str(v.id), str(v.display_name), str(v.language)) for v in self._winrt_voices.values()]

    def synthesize_ssml(self, ssml: str, voice_id: str, speaking_rate: float, pitch: float) -> WinRTAudio:
        synthesizer = self._synthesizer
        if voice_id not in self._winrt_voices:
            self.voices()
        if voice_id not in self._winrt_voices:
            raise SpeechUnavailable(f"the Windows voice {voice_id} is no longer installed")
        synthesizer.voice = self._winrt_voices[voice_id]
        try:
            synthesizer.options.speaking_rate = speaking_rate
            synthesizer.options.audio_pitch = pitch
        except OSError:  # Windows 10 before 1803 has no rate or pitch here: speak at the voice's own
            log.debug("OneCore speaking rate and pitch not supported", exc_info=True)
        stream = synthesizer.synthesize_ssml_to_stream_async(ssml).get()
        try:
            markers = tuple((str(m.text), ticks_of(m.time)) for m in stream.markers)
            size = int(stream.size)
            reader = self._data_reader(stream.get_input_stream_at(0))
            try:
                reader.load_async(size).get()
                data = bytearray(size)
                reader.read_bytes(data)
            finally:
                reader.close()
        finally:
            stream.close()
        return WinRTAudio(bytes(data), markers)
