"""The Windows OneCore backend, on Linux, against a fake WinRT layer (see fake_winrt.py)."""

from __future__ import annotations

import json
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guidelight.cli.main import main
from guidelight.core.model import Lang
from guidelight.speech import onecore_backend
from guidelight.speech.backend import SpeechUnavailable, VoiceInfo, VoiceSettings, voice_for
from guidelight.speech.doctor import check_voices
from guidelight.speech.engines import Engines, default_backend
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer
from guidelight.speech.onecore_backend import (
    SSML_NAMESPACE,
    OneCoreBackend,
    build_ssml,
    marker_frame,
    words_at_markers,
)
from guidelight.speech.pipeline import Synthesizer, plan, words_of
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import EventKind, Speaker, Utterance

from .conftest import Events, ToneBackend
from .fake_winrt import DAVID, LEAD_FRAMES, PATTARA, SAMPLE_RATE, FakeOneCore, fake_winrt_modules

THAI = "นักศึกษาควรอ่านบทที่ 3 ก่อนเข้าเรียน"
MARK = f"{{{SSML_NAMESPACE}}}mark"


def _marks(ssml: str) -> list[tuple[str, str]]:
    """(mark name, all the text before it) for each mark of well-formed SSML."""
    root = ET.fromstring(ssml)
    before, found = root.text or "", []
    for child in root:
        assert child.tag == MARK
        found.append((child.attrib["name"], before))
        before += child.tail or ""
    return found


def test_ssml_is_well_formed_escaped_and_marks_each_word_in_order() -> None:
    text = "AT&T <b> ภาษา > C++ & \"ไทย\"\x0c"
    words = [(0, 4), (5, 8), (9, 13), (16, 19), (22, 28)]
    ssml = build_ssml(text, "th-TH", words)
    root = ET.fromstring(ssml)
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "th-TH"
    assert root.attrib["version"] == "1.0"
    assert "".join(root.itertext()) == text.replace("\x0c", " ")  # the engine hears the text, all of it
    marks = _marks(ssml)
    assert [name for name, _ in marks] == ["0", "1", "2", "3", "4"]
    assert [before for _, before in marks] == [text[:s] for s, _ in words]
    assert "&amp;" in ssml and "&lt;b&gt;" in ssml


def test_ssml_skips_marks_for_words_out_of_order_or_outside_the_text() -> None:
    ssml = build_ssml("one two three", "en-US", [(0, 3), (2, 5), (4, 7), (8, 30)])
    assert [name for name, _ in _marks(ssml)] == ["0", "2"]
    assert "".join(ET.fromstring(ssml).itertext()) == "one two three"
    assert _marks(build_ssml("hello", "en-US")) == []


def test_marker_times_become_frames_and_words() -> None:
    assert marker_frame(10_000_000, 22050) == 22050  # one second
    assert marker_frame(4_535, 22050) == 9  # 0.4535 ms is frame 9.99...: the frame being heard
    words = [(0, 3), (4, 7), (8, 13)]
    events = words_at_markers(
        [("1", 2_000_000), ("0", 0), ("bogus", 5), ("1", 9_000_000), ("2", 99_000_000), ("7", 1), ("๒", 1)],
        words,
        sample_rate=22050,
        frames=44100,
    )
    assert [(e.start, e.length, e.sample) for e in events] == [(0, 3, 0), (4, 3, 4410), (8, 5, 44099)]


def test_voices_have_stable_ids_and_pattara_speaks_thai() -> None:
    assert [v.id for v in OneCoreBackend(FakeOneCore, id_prefix="").voices()] == ["en-US:David", "th-TH:Pattara"]
    backend = OneCoreBackend(FakeOneCore)
    voices = backend.voices()
    assert [(v.id, v.name, v.languages) for v in voices] == [
        ("onecore:en-US:David", "Microsoft David", ("en-us",)),
        ("onecore:th-TH:Pattara", "Microsoft Pattara", ("th-th",)),
    ]
    chosen = voice_for(voices, "th")
    assert chosen is not None and chosen.id == "onecore:th-TH:Pattara"
    assert all(onecore_backend.is_onecore_voice(v.id) for v in voices)
    assert not onecore_backend.is_onecore_voice("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Speech\\Voices\\Tokens\\X")


def test_thai_words_are_timed_at_the_engine_marks() -> None:
    fake = FakeOneCore()
    backend = OneCoreBackend(lambda: fake)
    words = tuple(words_of(THAI, Lang.THAI))
    synthesis = backend.synthesize(THAI, VoiceSettings("onecore:th-TH:Pattara", rate=350, pitch=75, marks=words))
    sent = fake.sent[-1]
    assert sent.voice_id == PATTARA.id and sent.speaking_rate == 2.0 and sent.pitch == 1.5
    assert synthesis.sample_rate == SAMPLE_RATE and synthesis.marked
    assert tuple((w.start, w.start + w.length) for w in synthesis.words) == words
    assert [w.sample for w in synthesis.words] == [fake.expected[str(i)] for i in range(len(words))]
    assert synthesis.words[0].sample == LEAD_FRAMES


@pytest.mark.parametrize("rate", [16000, 24000, 48000])
def test_marks_follow_the_sample_rate_the_wav_header_gives(rate: int) -> None:
    fake = FakeOneCore(sample_rate=rate)
    words = tuple(words_of(THAI, Lang.THAI))
    synthesis = OneCoreBackend(lambda: fake).synthesize(THAI, VoiceSettings(marks=words))
    assert synthesis.sample_rate == rate
    assert [w.sample for w in synthesis.words] == [fake.expected[str(i)] for i in range(len(words))]


def test_the_pipeline_maps_marks_to_page_offsets_in_thai_and_english() -> None:
    fake = FakeOneCore()
    synthesizer = Synthesizer(OneCoreBackend(lambda: fake), Normalizer(Lexicon.load(Path("/nonexistent"))))
    text = "คือปัญหาพื้นฐาน (Scarcity) ทางเศรษฐศาสตร์"
    base = 500
    chunks = list(synthesizer.chunks(text, base, VoiceSettings()))
    assert [c.lang for c in chunks] == [Lang.THAI, Lang.ENGLISH, Lang.THAI]
    assert [s.voice_id for s in fake.sent] == [PATTARA.id, DAVID.id, PATTARA.id]
    heard = [text[m.offset - base : m.offset - base + m.length] for c in chunks for m in c.marks]
    assert heard == ["คือ", "ปัญหา", "พื้นฐาน", "Scarcity", "ทาง", "เศรษฐศาสตร์"]
    # Each mark is at the frame the engine reported for its word, not an estimate.
    for chunk in chunks:
        assert chunk.synthesis.marked
        assert [m.frame for m in chunk.marks] == [w.sample for w in chunk.synthesis.words]
    assert chunks[-1].marks[1].frame == LEAD_FRAMES + 3 * fake.frames_per_char  # after "ทาง"


def test_winrt_calls_run_on_one_thread_of_their_own() -> None:
    fake = FakeOneCore()
    backend = OneCoreBackend(lambda: fake)
    backend.synthesize("hello", VoiceSettings("onecore:en-US:David"))
    other: list[int] = []
    worker = threading.Thread(target=lambda: (backend.synthesize("again", VoiceSettings()), other.append(1)))
    worker.start()
    worker.join(5)
    threads = {s.thread for s in fake.sent}
    assert other and len(threads) == 1 and threading.get_ident() not in threads and worker.ident not in threads


def test_engine_failures_are_plain_speech_unavailable() -> None:
    fake = FakeOneCore(fail=OSError(-2147024894, "The system cannot find the file specified"))
    backend = OneCoreBackend(lambda: fake)
    with pytest.raises(SpeechUnavailable, match="Windows speech failed"):
        backend.synthesize("hello", VoiceSettings())
    empty = OneCoreBackend(lambda: FakeOneCore(voice_list=[]))
    with pytest.raises(SpeechUnavailable, match="no OneCore voice"):
        empty.synthesize("hello", VoiceSettings())


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message when PyWinRT is missing")
def test_without_pywinrt_the_backend_says_which_packages() -> None:
    with pytest.raises(SpeechUnavailable, match=r"winrt-Windows\.Media\.SpeechSynthesis"):
        OneCoreBackend().voices()
    assert not onecore_backend.available("linux")


def test_real_adapter_against_fake_winrt_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    fake, log = FakeOneCore(), []
    for name, module in fake_winrt_modules(fake, log).items():
        monkeypatch.setitem(sys.modules, name, module)
    backend = OneCoreBackend()  # the real PyWinRTSpeech, calling the fake modules
    assert [v.id for v in backend.voices()] == ["onecore:en-US:David", "onecore:th-TH:Pattara"]
    words = tuple(words_of(THAI, Lang.THAI))
    synthesis = backend.synthesize(THAI, VoiceSettings("onecore:th-TH:Pattara", rate=100, marks=words))
    sent = fake.sent[-1]
    assert sent.voice_id == PATTARA.id and sent.speaking_rate == 0.5714285714285714 and sent.pitch == 1.0
    assert len(synthesis.pcm) // 2 == LEAD_FRAMES + round(fake.frames_per_char / sent.speaking_rate) * len(THAI)
    # TimeSpan reaches Python as a timedelta (microseconds): at most one frame early.
    expected = [fake.expected[str(i)] for i in range(len(words))]
    assert all(0 <= e - w.sample <= 1 for e, w in zip(expected, synthesis.words, strict=True))
    assert log.count("stream closed") == 1
    assert log[0] == f"apartment 1 on {sent.thread}"  # the multithreaded apartment, on the WinRT thread


def test_windows_without_rate_and_pitch_options_still_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeOneCore()
    for name, module in fake_winrt_modules(fake, [], old_windows=True).items():
        monkeypatch.setitem(sys.modules, name, module)
    synthesis = OneCoreBackend().synthesize("hello", VoiceSettings("onecore:en-US:David", rate=350))
    assert fake.sent[-1].speaking_rate == 1.0 and synthesis.frames > LEAD_FRAMES


def test_default_backend_lists_onecore_first_on_windows(windows_with_pattara: FakeOneCore) -> None:
    backend = default_backend()
    voices = backend.voices()
    assert [v.id for v in voices][:2] == ["onecore:en-US:David", "onecore:th-TH:Pattara"]
    thai = voice_for(voices, "th")
    assert thai is not None and thai.id == "onecore:th-TH:Pattara"
    # The word spans pass through the layer over the engines untouched.
    synthesis = backend.synthesize("hello there", VoiceSettings("onecore:en-US:David", marks=((0, 5), (6, 11))))
    assert synthesis.marked and [w.start for w in synthesis.words] == [0, 6]
    assert _marks(windows_with_pattara.sent[-1].ssml) == [("0", ""), ("1", "hello ")]


class _NoEngine(ToneBackend):
    """Like pyttsx3 with no engine installed: listing voices and naming the driver both fail."""

    @property
    def driver(self) -> str:
        raise SpeechUnavailable("could not load libespeak-ng.so")

    def voices(self) -> list[VoiceInfo]:
        raise SpeechUnavailable("could not load libespeak-ng.so")


def _no_winrt() -> FakeOneCore:
    raise SpeechUnavailable("Windows OneCore speech needs the PyWinRT packages")


def test_an_engine_that_cannot_start_is_left_out_unless_all_are() -> None:
    engines = Engines([OneCoreBackend(_no_winrt, id_prefix=""), ToneBackend()])
    assert [v.id for v in engines.voices()] == ["tone:th-voice", "tone:en-voice"]
    with pytest.raises(SpeechUnavailable, match="PyWinRT"):
        Engines([OneCoreBackend(_no_winrt, id_prefix=""), _NoEngine()]).voices()
    # pyttsx3 without espeak-ng: OneCore still speaks both languages, and the doctor names its engine.
    working = Engines([_NoEngine(), OneCoreBackend(FakeOneCore, id_prefix="")])
    report = check_voices(working, platform="win32", onecore=lambda: [])
    assert report.ok and report.engine == "guidelight (onecore)"


def test_default_backend_does_not_start_onecore_where_it_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: object, **__: object) -> OneCoreBackend:
        raise AssertionError("OneCore started where it is not available")

    monkeypatch.setattr(onecore_backend, "available", lambda: False)
    monkeypatch.setattr(onecore_backend, "OneCoreBackend", never)
    default_backend()


def test_stop_within_50_ms_while_a_onecore_voice_speaks(events: Events) -> None:
    sink = RecordingSink(realtime=True)
    fake = FakeOneCore(frames_per_char=1200)  # ~2 s per sentence
    speaker = Speaker(backend=OneCoreBackend(lambda: fake), sink=sink)
    speaker.speak([Utterance(THAI, 1, 0), Utterance(THAI, 1, len(THAI))], events)
    assert events.wait_for(lambda: len(events.of(EventKind.WORD)) >= 3)
    words = events.of(EventKind.WORD)
    assert [THAI[e.offset : e.offset + e.length] for e in words[:3]] == ["นักศึกษา", "ควร", "อ่าน"]
    begin = time.perf_counter()
    speaker.stop()
    assert time.perf_counter() - begin < 0.05
    heard, count = sink.played_frames(), len(events.items)
    time.sleep(0.3)
    assert sink.played_frames() == heard and len(events.items) == count
    assert heard < 2 * SAMPLE_RATE
    speaker.close()


def test_doctor_on_windows_finds_pattara_through_onecore(windows_with_pattara: FakeOneCore) -> None:
    report = check_voices(default_backend(), platform="win32", onecore=lambda: ["MSTTS_V110_thTH_Pattara"])
    assert report.ok
    assert report.text().splitlines()[1:] == [
        "Thai: Microsoft Pattara (onecore:th-TH:Pattara).",
        "English: Microsoft David (onecore:en-US:David).",
    ]


def test_doctor_on_windows_says_how_to_add_thai_online_and_offline_without_the_registry() -> None:
    english_only = OneCoreBackend(lambda: FakeOneCore(voice_list=[DAVID]))
    text = check_voices(english_only, platform="win32", onecore=lambda: []).text()
    assert "Thai: no voice installed." in text
    assert "Settings, Time and language, Speech" in text and "Add voices, pick Thai" in text
    assert "DISM /Online /Add-Capability /CapabilityName:Language.TextToSpeech~~~th-TH~0.0.1.0" in text
    assert "/Source:D:\\LanguagesAndOptionalFeatures /LimitAccess" in text
    assert "Add-WindowsCapability -Online -Name Language.TextToSpeech~~~th-TH~0.0.1.0" in text
    assert not any(word in text.lower() for word in ("regedit", "registry", "speech_onecore", ".reg"))


@pytest.fixture
def windows_with_pattara(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeOneCore:
    """This process as a Windows PC with Thai speech: the real adapter over fake winrt modules.
    No Piper voice is installed (empty voices folders), or Piper's would rank first."""
    fake = FakeOneCore()
    lab = tmp_path / "lab.json"
    lab.write_text(json.dumps({"voices_folder": str(tmp_path / "lab-voices")}), encoding="utf-8")
    monkeypatch.setenv("GUIDELIGHT_VOICES_DIR", str(tmp_path / "user-voices"))
    monkeypatch.setenv("GUIDELIGHT_SITE_CONFIG", str(lab))
    for name, module in fake_winrt_modules(fake, []).items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(onecore_backend, "available", lambda: True)
    return fake


def test_cli_lists_onecore_voices_first_and_the_doctor_names_pattara(
    windows_with_pattara: FakeOneCore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["voices"]) == 0
    listing = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert listing[:2] == ["onecore:en-US:David", "onecore:th-TH:Pattara"]
    assert main(["voices", "--check", "--quiet"]) == 0
    report = capsys.readouterr().out
    assert "Thai: Microsoft Pattara (onecore:th-TH:Pattara)." in report.splitlines()  # no espeak-ng note


def test_cli_says_thai_with_pattara(windows_with_pattara: FakeOneCore, capsys: pytest.CaptureFixture[str]) -> None:
    text = "สวัสดีครับ AT&T"
    assert main(["say", text, "--dry-run", "--voice", "onecore:th-TH:Pattara"]) == 0
    assert capsys.readouterr().out == ""
    sent = [(s.voice_id, "".join(ET.fromstring(s.ssml).itertext())) for s in windows_with_pattara.sent]
    assert sent == [(PATTARA.id, "สวัสดีครับ "), (DAVID.id, plan(text, Normalizer())[1].normalized.text)]
    thai, english = (_marks(s.ssml) for s in windows_with_pattara.sent)
    assert thai == [("0", ""), ("1", "สวัสดี")]  # a mark before each word PyThaiNLP found
    assert [name for name, _ in english] == ["0", "1", "2"]  # "AT and T"
