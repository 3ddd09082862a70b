"""Start-up stays lean, and the "system" theme still follows the desktop's look.

The first ``Qt.`` enum builds PySide's whole Qt namespace (about 15 ms, a tenth of
start-up; see ``guidelight/gui/qtnames.py``), and wrapping a widget Qt made itself can
build a type for every QWidget subclass (about 14 ms). A fresh interpreter starts the real app
and records every Python enum PySide builds: none of the namespace's may be built before
the window takes keys, and asking the desktop's look afterwards must build them (so the
recorder is shown to see them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidelight.core.settings import Settings, load_settings, save_settings
from guidelight.gui import theme
from guidelight.gui.window import READY_BY_MS, MainWindow, Services

from .gui_fakes import FakeUtterance, Opener, ScriptedSpeaker

pytestmark = pytest.mark.gui

PROBE = r"""
import enum, json, sys
built = []
create = enum.EnumType._create_
def recording(cls, class_name, names, **kw):
    made = create(cls, class_name, names, **kw)
    built.append(made)
    return made
enum.EnumType._create_ = recording

from PySide6.QtCore import QTimer
from guidelight.gui.app import start

app, window, services = start([])
seen = {}
def check():
    if not window.view.hasFocus():
        QTimer.singleShot(1, check)
        return
    before_keys = len(built)
    window.check_system_look()
    from PySide6.QtCore import Qt  # built by now: the same objects as the recorder saw
    namespace = [getattr(Qt, name) for name in ("Key", "FocusPolicy", "ContrastPreference")]
    seen["before_keys"] = [e.__name__ for e in built[:before_keys] if any(e is n for n in namespace)]
    seen["after_look"] = [e.__name__ for e in built if any(e is n for n in namespace)]
    seen["all_before_keys"] = [e.__name__ for e in built[:before_keys]]
    app.quit()
QTimer.singleShot(0, check)
app.exec()
print(json.dumps(seen))
"""


def test_the_window_takes_keys_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDELIGHT_AUDIO="none",
               GUIDELIGHT_CONFIG_DIR=str(tmp_path), XDG_DATA_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["before_keys"] == []
    # ... and asking the desktop's look afterwards does build it: the recorder sees it.
    assert sorted(seen["after_look"]) == ["ContrastPreference", "FocusPolicy", "Key"]
    # Wrapping a plain QWidget of Qt's own (a scroll area's viewport) makes PySide build a
    # type for every QWidget subclass, QWizard's among them: about 14 ms.
    assert "WizardButton" not in seen["all_before_keys"]


def start_window(qtbot, tmp_path: Path, settings: Settings) -> MainWindow:
    services = Services(ScriptedSpeaker(), None, FakeUtterance, Opener({}),
                        lambda s: save_settings(s, tmp_path / "settings.json"))
    window = MainWindow(services, settings, "en")
    qtbot.addWidget(window)
    return window


def test_a_desktop_turned_high_contrast_is_followed_and_remembered(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = start_window(qtbot, tmp_path, Settings(language="en"))
    assert window.view.colours == theme.NORMAL  # nothing remembered: the desktop's own look
    monkeypatch.setattr(theme, "system_look", lambda: "dark_high_contrast")
    window.check_system_look()
    assert window.view.colours == theme.DARK_HC
    assert load_settings([tmp_path / "settings.json"]).system_look == "dark_high_contrast"
    # The next start begins in high contrast at once, before the desktop is asked again.
    again = start_window(qtbot, tmp_path, load_settings([tmp_path / "settings.json"]))
    assert again.view.colours == theme.DARK_HC


def test_a_chosen_theme_is_kept_whatever_the_desktop_says(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = start_window(qtbot, tmp_path, Settings(language="en", theme="light_high_contrast"))
    monkeypatch.setattr(theme, "system_look", lambda: "dark_high_contrast")
    window.check_system_look()
    assert window.view.colours == theme.LIGHT_HC
    assert window.settings.system_look == "dark_high_contrast"  # remembered for when "system" is chosen


def test_background_start_up_waits_for_the_focused_window_and_runs_once(qtbot, tmp_path: Path) -> None:
    window = start_window(qtbot, tmp_path, Settings(language="en"))
    began: list[bool] = []
    window.after_ready_for_keys(lambda: began.append(window.view.hasFocus()))
    assert began == []  # nothing before the window takes keys
    window.show()
    window.back_to_text()
    qtbot.waitUntil(lambda: began != [], timeout=2000)
    qtbot.wait(READY_BY_MS + 50)  # the fallback timer must not run it a second time
    assert began == [True]


def test_background_start_up_still_begins_when_the_window_never_takes_keys(qtbot, tmp_path: Path) -> None:
    window = start_window(qtbot, tmp_path, Settings(language="en"))
    began: list[int] = []
    window.after_ready_for_keys(lambda: began.append(1))
    qtbot.waitUntil(lambda: began == [1], timeout=READY_BY_MS + 1000)
