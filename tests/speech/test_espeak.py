"""The real engine: pyttsx3 with espeak-ng synthesizes Thai and English to PCM we can time."""

from __future__ import annotations

import array
import ctypes.util
import wave
from pathlib import Path

import pytest

from guidelight.speech.backend import VoiceSettings
from guidelight.speech.pyttsx3_backend import Pyttsx3Backend
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import EventKind, Speaker, Utterance

from .conftest import Events

pytestmark = pytest.mark.skipif(
    ctypes.util.find_library("espeak-ng") is None, reason="espeak-ng is not installed (scripts/install.sh adds it)"
)

PAGE = "บทที่ 1 ความขาดแคลน (Scarcity) คือปัญหาพื้นฐาน\n\nDemand and supply meet at the price."


@pytest.fixture(scope="module")
def backend() -> Pyttsx3Backend:
    return Pyttsx3Backend()


def loudest(pcm: bytes) -> int:
    return max((abs(s) for s in array.array("h", pcm)), default=0)


def test_thai_and_english_voices_are_listed(backend: Pyttsx3Backend) -> None:
    voices = backend.voices()
    assert any(v.speaks("th") for v in voices)
    assert any(v.speaks("en") for v in voices)


def test_synthesis_is_real_audio_and_prints_nothing(
    backend: Pyttsx3Backend, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    thai = next(v for v in backend.voices() if v.speaks("th"))
    result = backend.synthesize("ภาษาไทยยากมาก ฉันชอบอ่านหนังสือ", VoiceSettings(voice_id=thai.id))
    assert capfd.readouterr().out == ""  # pyttsx3's "Audio saved to ..." does not reach stdout
    path = tmp_path / "thai.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(result.sample_rate)
        out.writeframes(result.pcm)
    with wave.open(str(path), "rb") as back:
        seconds = back.getnframes() / back.getframerate()
        frames = back.readframes(back.getnframes())
    assert 1.0 < seconds < 10.0
    assert loudest(frames) > 3000  # speech, not silence


def test_rate_reaches_three_times_normal(backend: Pyttsx3Backend) -> None:
    text = "The quick brown fox jumps over the lazy dog again and again."
    normal = backend.synthesize(text, VoiceSettings(rate=175)).seconds
    fast = backend.synthesize(text, VoiceSettings(rate=525)).seconds
    assert normal / fast > 2.5


def test_word_events_map_back_to_the_page(backend: Pyttsx3Backend) -> None:
    sink = RecordingSink()
    speaker = Speaker(backend=backend, sink=sink)
    split = PAGE.index("Demand")
    sentences = [Utterance(PAGE[: PAGE.index("\n")], 2, 0), Utterance(PAGE[split:], 2, split)]
    events = Events()
    speaker.speak(sentences, events)
    assert events.done.wait(20)
    speaker.close()
    assert not events.of(EventKind.ERROR)
    assert [e.utterance for e in events.of(EventKind.UTTERANCE_START)] == sentences
    words = [(e.utterance, PAGE[e.offset : e.offset + e.length]) for e in events.of(EventKind.WORD)]
    for sentence in sentences:  # the words heard cover the sentence's text once, in order
        heard = "".join(w for u, w in words if u == sentence)
        assert heard == "".join(c for c in sentence.text if not c.isspace() and c not in "().")
    spoken = [w for _, w in words]
    assert "ความขาดแคลน" in spoken and "Scarcity" in spoken and spoken[-3:] == ["at", "the", "price"]
    frames = [e.offset for e in events.of(EventKind.WORD)]
    assert frames == sorted(frames)
    assert loudest(sink.pcm) > 3000 and len(sink.pcm) / 2 / sink.sample_rate > 2.0


@pytest.mark.parametrize("written", ["คะแนน >= 80", "โทร 081-234-5678", "สกอ. ประกาศ", "ดีมาก ๆ"])
def test_normalized_course_material_is_spoken_by_the_thai_voice(backend: Pyttsx3Backend, written: str) -> None:
    from guidelight.speech.lexicon import Lexicon
    from guidelight.speech.normalize import Normalizer

    thai = next(v for v in backend.voices() if v.speaks("th"))
    spoken = Normalizer(Lexicon.load(Path("/nonexistent"))).normalize(written).text
    result = backend.synthesize(spoken, VoiceSettings(voice_id=thai.id))
    assert loudest(result.pcm) > 3000  # sound, not silence
    assert 0.15 * len(spoken.split()) < result.seconds < 0.3 * len(spoken)  # about as long as the words said
