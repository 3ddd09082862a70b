"""The speech commands end to end, without a sound card (--dry-run uses the recording sink)."""

from __future__ import annotations

import ctypes.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guidelight.cli.main import main
from guidelight.extract.pdf import open_document
from guidelight.speech.doctor import check_voices
from guidelight.speech.export import sections

from .conftest import ToneBackend

ROOT = Path(__file__).resolve().parents[2]
LECTURE = ROOT / "assets" / "samples" / "lecture.pdf"
needs_espeak = pytest.mark.skipif(ctypes.util.find_library("espeak-ng") is None, reason="espeak-ng missing")


def test_normalize_prints_what_the_engine_gets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "ปี พ.ศ. 2566 ความขาดแคลน (Scarcity) ก.พ.ร."]) == 0
    assert capsys.readouterr().out == "ปี พุทธศักราช สองพันห้าร้อยหกสิบหก ความขาดแคลน (Scarcity) กอ พอ รอ\n"
    assert main(["normalize", "--runs", "บทที่ 3 Python 3"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[th] บทที่ สาม ", "[en] Python 3"]


def test_normalize_keeps_the_space_between_runs_a_blank_left(capsys: pytest.CaptureFixture[str]) -> None:
    # A form's empty blank is silent; the word before it is not glued to the English after it.
    assert main(["normalize", "โทรสาร_______ E-mail ภาษาPython"]) == 0
    assert capsys.readouterr().out == "โทรสาร E-mail ภาษาPython\n"


@needs_espeak
def test_voices_and_the_doctor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert any(line.split("\t")[2] == "th" for line in listing)
    assert main(["voices", "--check", "--quiet"]) == 0
    report = capsys.readouterr().out
    assert "Thai: " in report and "no tones" in report and "English: " in report


@needs_espeak
def test_say_prints_nothing_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["say", "สวัสดี hello", "--dry-run", "--rate", "500"]) == 0
    assert capsys.readouterr().out == ""


@needs_espeak
def test_read_from_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    doc = open_document(str(LECTURE))
    last = doc.page_count  # the last page: reading runs to the end of the document in real time
    assert main(["read", str(LECTURE), "--page", str(last), "--dry-run", "--rate", "700"]) == 0
    page = doc.page(last)
    texts = [page.text[s.start : s.end] for s in page.sentences]
    assert capsys.readouterr().out.splitlines() == [f"[page {last}] {t}" for t in texts if t.strip()]


def test_read_a_page_that_does_not_exist(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(LECTURE), "--page", "99", "--dry-run"]) == 2
    assert "there is no page 99" in capsys.readouterr().err


@needs_espeak
def test_ctrl_c_stops_reading_cleanly() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "guidelight", "read", str(LECTURE), "--dry-run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        # As from a terminal: a suite started in the background (`bash .ci/run &`) passes
        # Ctrl+C on ignored, and Python then never turns it into KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("[page 1]")
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130
    assert "stopped" in err and "Traceback" not in err


@needs_espeak
def test_export_audio_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-audio", str(LECTURE), "-o", str(tmp_path), "--rate", "600"]) == 0
    captured = capsys.readouterr()
    wavs = sorted(tmp_path.glob("*.wav"))
    assert len(wavs) == len(sections(open_document(str(LECTURE))))
    assert (tmp_path / "playlist.m3u").exists()
    assert "[1/" in captured.err  # progress goes to stderr, the file list to stdout
    assert captured.out.splitlines()[-1] == str((tmp_path / "playlist.m3u").resolve())


@pytest.mark.parametrize(
    ("platform", "advice"),
    [("linux", "sudo apt install espeak-ng"), ("win32", "Pattara"), ("win32", "OneCore"), ("darwin", "Kanya")],
)
def test_doctor_advice_when_thai_is_missing(platform: str, advice: str) -> None:
    from guidelight.speech.backend import VoiceInfo

    report = check_voices(
        ToneBackend(voices=[VoiceInfo("en", "English", ("en-us",))]), platform=platform, onecore=lambda: []
    )
    assert not report.ok and report.usable
    assert advice in report.text()
    assert "English: English (en)." in report.text()


def test_doctor_when_no_engine_works() -> None:
    report = check_voices(ToneBackend(voices=None, fail=""), platform="linux")
    assert report.ok  # the tone engine has both languages

    class Broken(ToneBackend):
        def voices(self):  # type: ignore[no-untyped-def]
            from guidelight.speech.backend import SpeechUnavailable

            raise SpeechUnavailable("could not load libespeak-ng.so")

    broken = check_voices(Broken(), platform="linux")
    assert not broken.usable and "could not load libespeak-ng.so" in broken.text()
    assert "sudo apt install espeak-ng" in broken.text()


@needs_espeak
def test_first_synthesis_in_a_fresh_process_has_audio() -> None:
    code = (
        "from guidelight.speech.pyttsx3_backend import Pyttsx3Backend as B;"
        "from guidelight.speech.backend import VoiceSettings as S;"
        "print(B().synthesize('hello world', S()).seconds)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert float(out.strip().splitlines()[-1]) > 0.5


def test_doctor_on_windows_when_pattara_is_installed_but_onecore_is_unreachable() -> None:
    """Issue 14: no registry copying; if Pattara is there but not listed, the winrt packages are missing."""
    from guidelight.speech.backend import VoiceInfo

    report = check_voices(
        ToneBackend(voices=[VoiceInfo("en", "English", ("en-us",))]),
        platform="win32",
        onecore=lambda: ["MSTTS_V110_thTH_Pattara"],
    )
    text = report.text()
    assert "MSTTS_V110_thTH_Pattara is installed, but this copy of Guide Light cannot use Windows OneCore" in text
    assert "winrt-Windows.Media.SpeechSynthesis" in text and "Windows installer" in text
    assert "regedit" not in text and "Speech_OneCore" not in text and "Add voices" not in text


def test_normalize_prints_course_material_as_spoken(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--runs", "WHERE UnitCost > 40000"]) == 0
    assert capsys.readouterr().out.splitlines() == ["[en] WHERE UnitCost", "[th]  มากกว่า ", "[en] 40000"]
    # a comparison left at the end of a Thai run by the script split is still a comparison
    assert main(["normalize", "--runs", "จำนวน (1<=N<=300)"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "[th] จำนวน (หนึ่ง น้อยกว่าหรือเท่ากับ",
        "[en] N",
        "[th]  น้อยกว่าหรือเท่ากับ ",
        "[en] 300)",
    ]
    assert main(["normalize", "โทร 081-234-5678 ดีมาก ๆ ม.6"]) == 0
    assert capsys.readouterr().out == "โทร ศูนย์แปดหนึ่ง สองสามสี่ ห้าหกเจ็ดแปด ดีมากมาก มอ หก\n"
