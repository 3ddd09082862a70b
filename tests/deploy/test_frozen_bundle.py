"""The built bundle as a screen reader sees it (runs only where `python build_installer.py`
has built dist/; CI does not build it, so there it is skipped).

The same AT-SPI audit as tests/gui/test_atspi_audit.py, on the frozen program: Qt's
accessibility bridge and the xcb platform plugin must have been bundled for Orca to read it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from gui.test_atspi_audit import HERE, SAMPLE, SYSTEM_PYTHON, Session, _missing

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "guidelight" / "guidelight"

pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.skipif(not FROZEN.is_file(), reason="no bundle built (python build_installer.py)"),
              pytest.mark.skipif(bool(_missing()), reason=f"needs {_missing()} (install.sh installs it)")]


def test_frozen_app_passes_the_atspi_audit(tmp_path: Path) -> None:
    session = Session(tmp_path)
    try:
        env = dict(session.env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   QT_QPA_PLATFORM="xcb", GUIDELIGHT_AUDIO="none")
        log = tmp_path / "app.log"
        app = subprocess.Popen([str(FROZEN), str(SAMPLE)], env=env, cwd=tmp_path,
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
        session.procs.append(app)
        result = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_audit.py"), str(app.pid), "Press Space to read"],
                                env=session.env, capture_output=True, text=True, timeout=120)
        assert app.poll() is None, "the frozen app died: " + log.read_text(errors="replace")
        report = json.loads(result.stdout)
        assert result.returncode == 0 and report["errors"] == [], json.dumps(report, indent=1)
        assert any("Play or pause" in c for c in report["controls"])
        before, after = report["caret"]  # Alt+Down moved the caret a screen reader reads from
        assert after > before
    finally:
        session.close()
