"""Start the real app under Xvfb with a private D-Bus + AT-SPI bus and audit it.

The audit (``atspi_audit.py``) runs in Debian's Python, which has pyatspi, and looks at
the app exactly as Orca would: names, focus, Tab reachability and focus traps. The
session is private (own bus, own display, own home), so the test touches nothing of
the machine's and runs in CI, where install.sh installs xvfb, at-spi2-core and
python3-pyatspi. It is skipped only when those are missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = next((p for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
                     if os.path.exists(p)), None)
SAMPLE = ROOT / "assets" / "samples" / "lecture.pdf"


def _missing() -> str:
    for tool in ("Xvfb", "dbus-daemon", "gdbus"):
        if shutil.which(tool) is None:
            return tool
    if BUS_LAUNCHER is None:
        return "at-spi-bus-launcher"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return "" if probe.returncode == 0 else "python3-pyatspi"


pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.skipif(bool(_missing()), reason=f"needs {_missing()} (install.sh installs it)")]


class Session:
    """Private D-Bus session, Xvfb display and AT-SPI bus, torn down afterwards."""

    def __init__(self, folder: Path) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []
        home = folder / "home"
        runtime = folder / "runtime"
        home.mkdir()
        runtime.mkdir(mode=0o700)
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "AT_SPI_BUS_ADDRESS", "DBUS_SESSION_BUS_ADDRESS")}
        env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
                   GSETTINGS_BACKEND="memory", LANG="C.UTF-8", NO_AT_BRIDGE="0")
        out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                             env=env, capture_output=True, text=True, check=True).stdout.split()
        env["DBUS_SESSION_BUS_ADDRESS"], self.dbus_pid = out[0], int(out[1])
        read_fd, write_fd = os.pipe()
        self._start(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                    env, pass_fds=(write_fd,))
        os.close(write_fd)
        with os.fdopen(read_fd) as display:
            env["DISPLAY"] = ":" + display.readline().strip()
        assert BUS_LAUNCHER is not None
        self._start([BUS_LAUNCHER, "--launch-immediately"], env)
        env["AT_SPI_BUS_ADDRESS"] = self._a11y_address(env)
        self.env = env

    def _start(self, argv: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
        self.procs.append(proc)
        return proc

    def _a11y_address(self, env: dict[str, str]) -> str:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            r = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path",
                                "/org/a11y/bus", "--method", "org.a11y.Bus.GetAddress"],
                               env=env, capture_output=True, text=True)
            if r.returncode == 0 and r.stdout.strip().startswith("('"):
                return r.stdout.strip()[2:-3]
            time.sleep(0.1)
        raise TimeoutError("the AT-SPI bus did not start")

    def start_app(self, *args: str, log: Path, data: Path | None = None) -> subprocess.Popen[bytes]:
        """The app on this session; ``data`` gives it its own library and settings."""
        env = dict(self.env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   QT_QPA_PLATFORM="xcb", GUIDELIGHT_AUDIO="none")
        if data is not None:
            env.update(XDG_DATA_HOME=str(data), GUIDELIGHT_CONFIG_DIR=str(data))
        proc = subprocess.Popen([sys.executable, "-m", "guidelight", *args], env=env, cwd=ROOT,
                                stdout=log.open("wb"), stderr=subprocess.STDOUT)
        self.procs.append(proc)
        return proc

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.dbus_pid, signal.SIGTERM)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(tmp_path)
    yield s
    s.close()


def audit(session: Session, app: subprocess.Popen[bytes], log: Path, shown: str, *options: str) -> dict:
    """Audit once the status line shows ``shown`` (the app has settled)."""
    result = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_audit.py"), str(app.pid), shown, *options],
                            env=session.env, capture_output=True, text=True, timeout=240)
    assert app.poll() is None, "the app died: " + log.read_text(errors="replace")
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["errors"] == [], json.dumps(report, ensure_ascii=False, indent=1)
    return report


def test_empty_window_passes_the_audit(session: Session, tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    app = session.start_app(log=log)
    report = audit(session, app, log, "F1 for help")
    assert any("Document text" in c for c in report["controls"])
    assert len(report["tab"]) >= 4  # the text and the four buttons all take part


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample lecture is not in this checkout")
def test_window_with_the_sample_lecture_passes_the_audit(session: Session, tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    app = session.start_app(str(SAMPLE), log=log)
    report = audit(session, app, log, "Press Space to read")
    assert any("Play or pause" in c for c in report["controls"])
    before, after = report["caret"]  # Alt+Down moved the caret a screen reader reads from
    assert after > before


# X keycodes (Xvfb's evdev keymap): Control, Shift and the letters of the volunteer dialogs.
CTRL_SHIFT = "37+50+"
VOLUNTEER_DIALOGS = {"pronunciation": 33, "fix text": 28, "heading": 43, "figure": 42}


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample lecture is not in this checkout")
def test_volunteer_dialogs_pass_the_audit_and_give_the_focus_back(session: Session, tmp_path: Path) -> None:
    """Each volunteer dialog: every control named, Tab cycles without a trap, Escape
    returns the focus to the document text."""
    log = tmp_path / "app.log"
    app = session.start_app(str(SAMPLE), log=log, data=tmp_path / "data")
    combos = ",".join(CTRL_SHIFT + str(k) for k in VOLUNTEER_DIALOGS.values())
    report = audit(session, app, log, "Press Space to read", "--dialogs", combos)
    assert len(report["dialogs"]) == len(VOLUNTEER_DIALOGS)
    for dialog in report["dialogs"]:
        assert len(dialog["tab"]) >= 2, dialog  # the field(s) and the OK and Cancel buttons
        assert any("push button:'OK'" in c for c in dialog["controls"]), dialog


def set_layout(session: Session, layout: str, tries: int = 3) -> None:
    """setxkbmap, again if it fails: its xkbcomp run now and then fails on a loaded machine."""
    for _ in range(tries - 1):
        if subprocess.run(["setxkbmap", "-layout", layout], env=session.env, capture_output=True).returncode == 0:
            return
        time.sleep(1)
    subprocess.run(["setxkbmap", "-layout", layout], env=session.env, check=True)


H_KEYCODE = 43  # the key labelled H on a PC keyboard; it types "้" in the Thai layout


@pytest.mark.skipif(not SAMPLE.exists() or shutil.which("setxkbmap") is None,
                    reason="needs the sample lecture and setxkbmap")
def test_reading_keys_work_while_the_keyboard_is_in_thai(session: Session, tmp_path: Path) -> None:
    """Students switch to Thai to type a search; H must still mean "next heading"."""
    carets = {}
    for layout in ("us", "th"):
        set_layout(session, layout)
        log = tmp_path / f"app-{layout}.log"
        app = session.start_app(str(SAMPLE), log=log, data=tmp_path / layout)  # no saved position
        result = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_audit.py"), str(app.pid), "Press Space to read",
                                 "--press", str(H_KEYCODE)], env=session.env, capture_output=True, text=True,
                                timeout=60)
        app.terminate()
        app.wait(timeout=10)
        carets[layout] = json.loads(result.stdout)
    assert carets["us"][0] > 0  # moved to the first heading after the start
    assert carets["th"] == carets["us"]


def test_a_screen_reader_gets_a_table_as_clean_lines(session: Session, tmp_path: Path) -> None:
    """Drawn as a grid, a table's accessible text holds U+FDD0 before each cell and Orca
    reads only its first column; with a screen reader running ("auto"), the view writes
    the table one cell a line, exactly as the page text has it."""
    from tests.tables.tablegen import RuledWriter, TableSpec

    writer = RuledWriter()
    writer.text(80, "ตารางที่ 1 ผลการเรียน", bold=True)
    spec = TableSpec(header=[["รายวิชา", "คะแนน", "เกรด"]],
                     body=[["คณิตศาสตร์", "85", "A"], ["ภาษาไทย", "72", "B"]], widths=[150.0, 90.0, 90.0])
    writer.text(writer.table(spec, 95) + 30, "นักศึกษาทุกคนผ่านเกณฑ์")
    pdf = writer.save(tmp_path / "grades.pdf")
    log = tmp_path / "app.log"
    app = session.start_app(str(pdf), log=log)
    result = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_audit.py"), str(app.pid), "Press Space to read",
                             "--text"], env=session.env, capture_output=True, text=True, timeout=60)
    assert app.poll() is None, "the app died: " + log.read_text(errors="replace")
    text = json.loads(result.stdout)["text"]
    assert "รายวิชา\nคะแนน\nเกรด\nคณิตศาสตร์\n85\nA" in text, text
    assert not set(text) & {"\ufdd0", "\ufdd1", "\ufffc"}, text
