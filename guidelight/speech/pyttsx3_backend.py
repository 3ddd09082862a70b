"""pyttsx3 as a synthesizer only: we take the PCM and play and time it ourselves.

pyttsx3's own playback cannot be used: on Linux its espeak driver plays through a
blocking ``aplay`` that ``stop()`` cannot interrupt, fires word events while it
synthesizes rather than while the audio is heard, and prints "Audio saved to ..." on
stdout. On Windows (SAPI5) and macOS (NSSS) we use ``save_to_file`` and read the file
back (WAV, or AIFF on macOS). The drivers' stray ``print`` calls go to the log.

On Linux even ``save_to_file`` is unreliable: pyttsx3's espeak driver drops voice and
rate changes at random (it calls ``espeak_Cancel`` while espeak is still busy applying
them), its first run returns before the file is written, and a late end-of-message
callback can write the file again after we removed it. So for espeak we call
pyttsx3's own espeak binding (``pyttsx3.drivers._espeak``) directly: set the voice
and rate, synthesize, collect the PCM and espeak's word events (with their audio
position) in our callback, and wait with ``espeak_Synchronize``. No file, no loop.
"""

from __future__ import annotations

import array
import ctypes
import logging
import os
import struct
import sys
import tempfile
import threading
import wave
from pathlib import Path
from typing import Any

from guidelight.speech.backend import SpeechUnavailable, Synthesis, VoiceInfo, VoiceSettings, WordEvent

log = logging.getLogger(__name__)


def _quiet_print(*args: object, **_: object) -> None:
    log.debug("pyttsx3: %s", " ".join(str(a) for a in args))


class Pyttsx3Backend:
    """The default engine on every platform (espeak-ng on Linux, SAPI5 on Windows)."""

    name = "pyttsx3"

    def __init__(self, driver_name: str | None = None) -> None:
        self._driver_name = driver_name
        self._engine: Any = None
        self._lock = threading.Lock()
        self._voices: list[VoiceInfo] | None = None
        self._espeak: _EspeakCapture | None = None

    def _get_engine(self) -> Any:
        if self._engine is None:
            try:
                import pyttsx3

                engine = pyttsx3.init(self._driver_name)
            except Exception as exc:  # pyttsx3 raises bare errors when no engine is installed
                raise SpeechUnavailable(_no_engine_advice(exc)) from exc
            driver = getattr(engine.proxy, "_driver", None)
            module = sys.modules.get(type(driver).__module__) if driver is not None else None
            if module is not None:
                module.print = _quiet_print  # type: ignore[attr-defined]
            self._engine = engine
        return self._engine

    @property
    def driver(self) -> str:
        """The pyttsx3 driver in use ("espeak", "sapi5", "nsss"), for advice and pitch support."""
        engine = self._get_engine()
        return type(engine.proxy._driver).__module__.rsplit(".", 1)[-1]

    def voices(self) -> list[VoiceInfo]:
        if self._voices is None:
            with self._lock:
                raw = self._get_engine().getProperty("voices") or []
            self._voices = [
                VoiceInfo(
                    id=str(v.id),
                    name=str(v.name or v.id),
                    languages=tuple(_language_tags(getattr(v, "languages", None))),
                )
                for v in raw
            ]
        return self._voices

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        with self._lock:
            engine = self._get_engine()
            try:
                if self.driver == "espeak":
                    if self._espeak is None:
                        self._espeak = _EspeakCapture()
                    return self._espeak.synthesize(text, settings)
                return _synthesize_to_file(engine, text, settings)
            except SpeechUnavailable:
                raise
            except Exception as exc:
                raise SpeechUnavailable(f"the speech engine failed: {exc}") from exc


def _synthesize_to_file(engine: Any, text: str, settings: VoiceSettings) -> Synthesis:
    """SAPI5 and NSSS: ``save_to_file`` into a temporary file and read it back."""
    if settings.voice_id:  # these drivers have no pitch (and print a warning when asked)
        engine.setProperty("voice", settings.voice_id)
    engine.setProperty("rate", int(settings.rate))
    fd, name = tempfile.mkstemp(prefix="guidelight-tts-", suffix=".wav")
    os.close(fd)
    try:
        engine.save_to_file(text, name)
        engine.runAndWait()
        return read_audio(Path(name))
    finally:
        Path(name).unlink(missing_ok=True)


ESPEAK_RATE = 22050  # espeak-ng's output sample rate for every voice
SONIC_RATE = 450  # espeak-ng's own maximum; faster rates are sped up afterwards


class _EspeakCapture:
    """espeak-ng through pyttsx3's binding, with our callback collecting PCM and word events."""

    def __init__(self) -> None:
        from pyttsx3.drivers import _espeak

        self._espeak = _espeak
        self._pcm = bytearray()
        self._words: list[WordEvent] = []
        _espeak.SetSynthCallback(self._on_synth)  # replaces the driver's: pyttsx3 no longer synthesizes

    def _on_synth(self, wav: Any, numsamples: int, events: Any) -> int:
        i = 0
        while events[i].type != self._espeak.EVENT_LIST_TERMINATED:
            event = events[i]
            # text_position is 1-based; an empty "word" at position 0 closes some texts
            if event.type == self._espeak.EVENT_WORD and event.text_position > 0 and event.length > 0:
                sample = event.audio_position * ESPEAK_RATE // 1000
                self._words.append(WordEvent(event.text_position - 1, event.length, sample))
            i += 1
        if numsamples > 0:
            self._pcm += ctypes.string_at(wav, numsamples * 2)
        return 0

    def synthesize(self, text: str, settings: VoiceSettings) -> Synthesis:
        espeak = self._espeak
        if settings.voice_id:
            espeak.SetVoiceByName(settings.voice_id.encode("utf-8"))
        espeak.SetParameter(espeak.RATE, int(settings.rate), 0)
        espeak.SetParameter(espeak.PITCH, int(settings.pitch), 0)
        self._pcm, self._words = bytearray(), []
        espeak.Synth(text.encode("utf-8"), flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
        espeak.Synchronize()  # returns once every callback of this text has run
        if not self._pcm:
            raise SpeechUnavailable("espeak-ng produced no audio")
        # Above 450 wpm espeak speeds up with sonic, and its word positions stop matching the audio.
        words = tuple(self._words) if settings.rate <= SONIC_RATE else ()
        return Synthesis(bytes(self._pcm), ESPEAK_RATE, words)


def _language_tags(raw: object) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    tags = []
    for item in items:
        tag = item.decode("utf-8", "ignore") if isinstance(item, bytes) else str(item)
        tag = tag.strip().lstrip("\x05").lower()
        if tag:
            tags.append(tag)
    return tags


def read_audio(path: Path) -> Synthesis:
    """Mono 16-bit PCM from the engine's file: WAV (espeak, SAPI5) or AIFF (macOS NSSS)."""
    try:
        with path.open("rb") as f:
            if f.read(4) == b"FORM":
                rate, width, channels, data = _read_aiff(path.read_bytes())
            else:
                with wave.open(str(path), "rb") as wav:
                    rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
                    data = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError, ValueError, struct.error) as exc:
        raise SpeechUnavailable(f"the speech engine wrote no usable audio ({exc or 'empty file'})") from exc
    return Synthesis(pcm=to_mono16(data, width, channels), sample_rate=rate)


def _read_aiff(raw: bytes) -> tuple[int, int, int, bytes]:
    """(rate, width, channels, little-endian PCM) of an AIFF or AIFF-C ("NONE"/"sowt") file."""
    form = raw[8:12]
    if form not in (b"AIFF", b"AIFC"):
        raise ValueError("not an AIFF file")
    pos, comm, sound = 12, b"", b""
    while pos + 8 <= len(raw):
        kind, size = raw[pos : pos + 4], struct.unpack(">I", raw[pos + 4 : pos + 8])[0]
        body = raw[pos + 8 : pos + 8 + size]
        if kind == b"COMM":
            comm = body
        elif kind == b"SSND":
            offset = struct.unpack(">I", body[:4])[0]
            sound = body[8 + offset :]
        pos += 8 + size + (size % 2)
    if len(comm) < 18:
        raise ValueError("AIFF file without a COMM chunk")
    channels, _, bits = struct.unpack(">hIh", comm[:8])
    exponent, mantissa = struct.unpack(">HQ", comm[8:18])
    rate = round(mantissa * 2.0 ** ((exponent & 0x7FFF) - 16383 - 63))
    if form == b"AIFC" and comm[18:22] not in (b"NONE", b"sowt"):
        raise ValueError(f"compressed AIFF-C ({comm[18:22]!r}) is not supported")
    little = form == b"AIFC" and comm[18:22] == b"sowt"
    width = (bits + 7) // 8
    if width == 1:  # AIFF bytes are signed; WAV's (what to_mono16 expects) are unsigned
        return rate, 1, channels, bytes((b + 128) & 0xFF for b in sound)
    if width == 2 and not little:  # swap each byte pair: big-endian bytes -> little-endian bytes
        samples = array.array("h", sound[: len(sound) // 2 * 2])
        samples.byteswap()
        sound = samples.tobytes()
    return rate, width, channels, sound


def to_mono16(data: bytes, width: int, channels: int) -> bytes:
    """Mono signed 16-bit PCM, whatever sample width (8/16 bit) and channel count came in."""
    if width == 1:
        samples = array.array("h", ((b - 128) << 8 for b in data))
    elif width == 2:
        samples = array.array("h", data[: len(data) // 2 * 2])
        if sys.byteorder == "big":
            samples.byteswap()
    else:
        raise SpeechUnavailable(f"the speech engine wrote {8 * width}-bit audio, which is not supported")
    if channels > 1:
        frames = len(samples) // channels
        samples = array.array("h", (sum(samples[i * channels : (i + 1) * channels]) // channels for i in range(frames)))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _no_engine_advice(exc: Exception) -> str:
    if sys.platform.startswith("linux"):
        how = "install espeak-ng (sudo apt install espeak-ng)"
    elif sys.platform == "win32":
        how = "check that Windows speech (SAPI5) voices are installed in Settings > Time & language > Speech"
    else:
        how = "check the system voices in System Settings > Accessibility > Spoken Content"
    return f"no speech engine could be started ({exc}); {how}"
