"""With the real Orca running, every key of a journey is answered by exactly one voice.

Debian's Orca (43 on Debian 12) runs in the private session of the AT-SPI audit
(``test_atspi_audit.Session``: own D-Bus, Xvfb and accessibility bus) with its speech
written to a file (``orca_listener.py``); Guide Light runs with
``GUIDELIGHT_SPEECH_LOG`` and finds Orca by itself, so its voice mode is "auto": Orca
says the moves and confirmations, Guide Light reads; then the student switches to
"Guide Light speaks everything" and Orca must stay quiet. Keys go in through XTest
(``xdotool``), as in the audit. After each key the test waits until both voices have
been quiet for a while, then puts the two on one time line: Guide Light's voice is the
speech log's entries other than "screen_reader", Orca's is what it said. A key answered
by both, or by neither, fails the test, and Thai word moves must be said whole.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidelight.core import screenreader
from guidelight.speech import speechlog

from .test_atspi_audit import SAMPLE, SYSTEM_PYTHON, Session, _missing

HERE = Path(__file__).resolve().parent
QUIET_SECONDS = 1.0  # both voices silent this long: the key's answer is complete
ANSWER_SECONDS = 10.0  # the longest a key may take to be answered on a loaded machine


def _orca_missing() -> str:
    return _missing() or ("" if shutil.which("orca") and shutil.which("xdotool") else "orca or xdotool")


pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.skipif(bool(_orca_missing()), reason=f"needs {_orca_missing()} (install.sh installs it)")]

# Sentences are moved by with Ctrl+3 and Ctrl+1 (the same commands as Alt+Down and Alt+Up):
# under XTest, Qt's menu bar sometimes took the Alt of Alt+Down as a lone Alt and opened
# the File menu, which then had the keys (seen once in four runs; not yet understood).
# (keys for xdotool, what the key is for) in a student's order: move by sentence, word,
# character, paragraph, heading and page; ask where; the keys with nothing to do; rate;
# read and stop.
JOURNEY = [
    ("ctrl+3", "next sentence"), ("ctrl+3", "next sentence"), ("ctrl+1", "previous sentence"),
    ("ctrl+Right", "next word"), ("ctrl+Right", "next word"), ("ctrl+Right", "next word"),
    ("ctrl+Left", "previous word"), ("Right", "next character"), ("Left", "previous character"),
    ("ctrl+Down", "next paragraph"), ("p", "next paragraph"), ("shift+p", "previous paragraph"),
    ("h", "next heading"), ("shift+h", "previous heading"), ("Next", "next page"), ("Prior", "previous page"),
    ("ctrl+shift+k", "where am I"), ("Escape", "stop with nothing playing"),
    ("ctrl+shift+b", "bookmarks, none yet"), ("ctrl+shift+w", "spell the word"),
    ("bracketright", "faster"), ("bracketleft", "slower"), ("ctrl+shift+space", "say the sentence"),
    ("F3", "find next, nothing searched"), ("space", "read aloud"), ("Escape", "stop reading"),
]
# Then the student chooses "Guide Light speaks everything" (Ctrl+Shift+V: automatic, then
# screen reader, then Guide Light) and moves on: now Orca must stay quiet.
SELF_VOICING = [
    ("ctrl+shift+v", "voices: the screen reader"), ("ctrl+shift+v", "voices: Guide Light"),
    ("ctrl+3", "next sentence"), ("ctrl+Right", "next word"), ("Next", "next page"), ("Prior", "previous page"),
    ("ctrl+shift+k", "where am I"), ("Escape", "stop with nothing playing"),
]


class Voices:
    """Guide Light's speech log and Orca's speech file, read on one time line."""

    def __init__(self, log: Path, orca: Path) -> None:
        self.log, self.orca = log, orca

    def since(self, t: float) -> tuple[list[str], list[str], list[str]]:
        """(Guide Light's voice, what it handed to Orca, what Orca said) from ``t`` on."""
        entries = [e for e in speechlog.read(self.log) if float(e["t"]) >= t]  # type: ignore[arg-type]
        ours = [str(e["text"]) for e in entries if e["kind"] != "screen_reader"]
        handed = [str(e["text"]) for e in entries if e["kind"] == "screen_reader"]
        orca = []
        if self.orca.exists():
            for line in self.orca.read_text(encoding="utf-8").splitlines():
                stamp, _, said = line.partition(" ")
                if float(stamp) >= t and said.startswith("SPEECH OUTPUT:"):
                    orca.append(said.removeprefix("SPEECH OUTPUT:").strip().strip("'\""))
        return ours, handed, [s for s in orca if s]

    def settle(self, t: float) -> tuple[list[str], list[str], list[str]]:
        """Wait until nothing new has come for QUIET_SECONDS (at most ANSWER_SECONDS)."""
        deadline = time.monotonic() + ANSWER_SECONDS
        last, changed = self.since(t), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.2)
            now = self.since(t)
            if now != last:
                last, changed = now, time.monotonic()
            elif time.monotonic() - changed >= QUIET_SECONDS and (now[0] or now[2]):
                break
        return last


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(tmp_path)
    yield s
    s.close()


def press(session: Session, keys: str) -> None:
    subprocess.run(["xdotool", "key", "--delay", "60", keys], env=session.env, check=True, timeout=20)


def test_every_key_is_answered_by_exactly_one_voice(session: Session, tmp_path: Path) -> None:
    log, orca_speech, data = tmp_path / "speech.jsonl", tmp_path / "orca-speech.txt", tmp_path / "data"
    data.mkdir()
    session.env[speechlog.ENV] = str(log)
    session.env.pop(screenreader.ENV, None)  # the app must find Orca by itself
    orca = subprocess.Popen([SYSTEM_PYTHON, str(HERE / "orca_listener.py"), str(orca_speech), str(tmp_path / "orca")],
                            env=session.env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "orca.err").open("wb"))
    session.procs.append(orca)
    voices = Voices(log, orca_speech)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not voices.since(0)[2]:
        time.sleep(0.2)  # Orca says "Screen reader on." once it listens
    assert voices.since(0)[2], "Orca did not start: " + (tmp_path / "orca.err").read_text(errors="replace")
    app_log = tmp_path / "app.log"
    app = session.start_app(str(SAMPLE), log=app_log, data=data)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not any("Press Space to read" in text
                                                  for text in voices.since(0)[1]):
        assert app.poll() is None, app_log.read_text(errors="replace")
        time.sleep(0.2)
    voices.settle(time.time())  # the opening said, the window's focus read by Orca
    steps = []
    for keys, purpose in JOURNEY + SELF_VOICING:
        t = time.time()
        press(session, keys)
        ours, handed, orca_said = voices.settle(t)
        steps.append({"keys": keys, "for": purpose, "guide_light": ours, "handed": handed, "orca": orca_said})
    report = json.dumps(steps, ensure_ascii=False, indent=1)
    (tmp_path / "journey.json").write_text(report, encoding="utf-8")
    assert app.poll() is None, app_log.read_text(errors="replace")
    both = [s["keys"] for s in steps if s["guide_light"] and s["orca"]]
    neither = [s["keys"] for s in steps if not s["guide_light"] and not s["orca"]]
    assert (both, neither) == ([], []), report
    for step in steps:  # what Orca said is what Guide Light handed it: whole Thai words
        if step["handed"]:
            assert all(any(h.strip() in said for said in step["orca"]) for h in step["handed"]), report
    assert [s["guide_light"] != [] for s in steps if s["keys"] == "space"] == [True], report
    after_choice = steps[len(JOURNEY) + 1:]  # from the choice of Guide Light on
    assert all(s["guide_light"] and not s["orca"] for s in after_choice), report
