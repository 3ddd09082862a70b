"""The speech log: one JSON line per utterance, written when its audio starts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from guidelight.cli.main import main
from guidelight.speech import speechlog
from guidelight.speech.sink import RecordingSink
from guidelight.speech.speaker import Speaker, Utterance

from .conftest import Events, ToneBackend

LECTURE = Path(__file__).resolve().parents[2] / "assets" / "samples" / "lecture.pdf"


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "speech.jsonl"
    monkeypatch.setenv(speechlog.ENV, str(path))
    return path


def test_each_utterance_is_logged_when_its_audio_starts(log: Path) -> None:
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.02), sink=RecordingSink(realtime=True))
    events = Events()
    first, second = Utterance("ภาษาไทยยากมาก", 2, 10), Utterance("อ่านหนังสือ", 2, 24, kind="navigation")
    began = time.time()
    speaker.speak([first, second], events)
    assert events.done.wait(10)
    speaker.close()
    entries = speechlog.read(log)
    assert [(e["text"], e["kind"], e["page"], e["offset"]) for e in entries] == [
        ("ภาษาไทยยากมาก", "reading", 2, 10), ("อ่านหนังสือ", "navigation", 2, 24)]
    assert began <= entries[0]["t"] <= began + 1  # type: ignore[operator]
    # The second line is written when its audio starts, after the first one's 13 characters
    # of tone (0.26 s), not when it was queued.
    assert entries[1]["t"] - entries[0]["t"] >= 0.2  # type: ignore[operator]


def test_a_confirmation_is_logged_and_stopped_speech_is_not(log: Path) -> None:
    speaker = Speaker(backend=ToneBackend(seconds_per_char=0.05), sink=RecordingSink(realtime=True))
    events = Events()
    speaker.speak([Utterance("first sentence here"), Utterance("never heard")], events)
    time.sleep(0.3)
    speaker.announce("Bookmark added.")
    time.sleep(0.3)
    speaker.close()
    assert [(e["text"], e["kind"]) for e in speechlog.read(log)] == [
        ("first sentence here", "reading"), ("Bookmark added.", "confirmation")]


def test_nothing_is_written_without_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(speechlog.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    speechlog.record("hello", "reading")
    assert list(tmp_path.iterdir()) == []


def test_the_say_and_read_commands_log_what_they_speak(log: Path) -> None:
    assert main(["say", "สวัสดี hello", "--dry-run", "--rate", "500"]) == 0
    assert main(["read", str(LECTURE), "--page", "3", "--dry-run", "--rate", "700"]) == 0
    entries = speechlog.read(log)
    assert entries[0]["text"] == "สวัสดี hello" and entries[0]["page"] == 0
    read = entries[1:]
    assert read and all(e["page"] == 3 and e["kind"] == "reading" for e in read)  # type: ignore[operator]
    times = [e["t"] for e in entries]
    assert times == sorted(times)
