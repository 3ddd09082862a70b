"""Reading the engines' audio files: WAV from espeak/SAPI5, AIFF from macOS, any width/channels."""

from __future__ import annotations

import array
import struct
import wave
from pathlib import Path

import pytest

from guidelight.speech.backend import SpeechUnavailable, VoiceInfo, primary_language, voice_for
from guidelight.speech.pyttsx3_backend import read_audio, to_mono16

SAMPLES = [0, 1000, -1000, 32767, -32768, 12345]


def aiff(samples: list[int], rate: int, channels: int = 1, aifc: bool = False) -> bytes:
    exponent = 16383 + 63
    mantissa = rate
    while mantissa < (1 << 63):
        mantissa <<= 1
        exponent -= 1
    frames = len(samples) // channels
    comm = struct.pack(">hIh", channels, frames, 16) + struct.pack(">HQ", exponent, mantissa)
    if aifc:
        comm += b"NONE" + b"\x0enot compressed\x00"
    sound = struct.pack(">II", 0, 0) + struct.pack(f">{len(samples)}h", *samples)
    body = (b"AIFC" if aifc else b"AIFF") + b"COMM" + struct.pack(">I", len(comm)) + comm
    body += b"SSND" + struct.pack(">I", len(sound)) + sound
    return b"FORM" + struct.pack(">I", len(body)) + body


@pytest.mark.parametrize("aifc", [False, True])
def test_aiff_from_macos_is_read(tmp_path: Path, aifc: bool) -> None:
    path = tmp_path / "speech.aiff"
    path.write_bytes(aiff(SAMPLES, 22050, aifc=aifc))
    result = read_audio(path)
    assert result.sample_rate == 22050
    assert list(array.array("h", result.pcm)) == SAMPLES


def test_stereo_wav_is_mixed_to_mono(tmp_path: Path) -> None:
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(array.array("h", [100, 300, -100, -300]).tobytes())
    result = read_audio(path)
    assert list(array.array("h", result.pcm)) == [200, -200]
    assert result.sample_rate == 16000


def test_8_bit_is_widened() -> None:
    assert list(array.array("h", to_mono16(bytes([128, 255, 0]), 1, 1))) == [0, 127 << 8, -128 << 8]


def test_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    path.write_bytes(b"")
    with pytest.raises(SpeechUnavailable, match="no usable audio"):
        read_audio(path)


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("th", "th"), ("th-TH", "th"), ("th_TH", "th"), ("41e", "th"), ("tha", "th"), ("en-us", "en"), ("409", "en")],
)
def test_language_tags_of_every_engine(tag: str, lang: str) -> None:
    assert primary_language(tag) == lang


def test_plain_english_is_preferred_over_accents() -> None:
    voices = [VoiceInfo("a", "Caribbean", ("en-029",)), VoiceInfo("b", "British", ("en-gb",))]
    assert voice_for(voices, "en") == voices[1]
    assert voice_for(voices, "en", preferred="a") == voices[0]
    assert voice_for(voices, "th") is None
