"""Quitting in the middle of work ends cleanly, every time.

A long journey once ended Ctrl+Q with "Fatal Python error: bool_dealloc ... finalizing"
and exit -6. Each run here is a fresh app process (``quit_driver.py``) quit at a varied
moment while it reads aloud, exports a talking book, reads a scan by OCR or imports into
a course; each must exit 0 with no fatal error and no traceback. CI runs
``QUIT_RUNS_PER_WORK`` runs of each kind; ``GUIDELIGHT_QUIT_RUNS=N`` runs N of each (the
stress run: see docs/architecture.md for the figure measured).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.make_scans import scan_pdf

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "assets" / "samples" / "lecture.pdf"
QUIT_RUNS_PER_WORK = 2
WORKS = ("reading", "exporting", "ocr", "importing")
RUNS = int(os.environ.get("GUIDELIGHT_QUIT_RUNS", QUIT_RUNS_PER_WORK))

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("tesseract") is None:
        pytest.skip("needs tesseract (install.sh installs it)")
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    scan_pdf(SAMPLE, path, 200, seed=3)
    return path


def quit_once(work: str, pdf: Path, folder: Path, delay_ms: int) -> subprocess.CompletedProcess[str]:
    folder.mkdir(parents=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDELIGHT_AUDIO="none", HOME=str(folder),
               XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "config"),
               GUIDELIGHT_CONFIG_DIR=str(folder / "config"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(HERE / "quit_driver.py"), work, str(pdf), str(folder), str(delay_ms)],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("work", "run"), [(work, run) for run in range(RUNS) for work in WORKS])
def test_quitting_mid_work_ends_cleanly(work: str, run: int, scan: Path, tmp_path: Path) -> None:
    pdf = scan if work == "ocr" else SAMPLE
    delay = 50 + (run * 379) % 1200  # spread over the work's first second or so
    done = quit_once(work, pdf, tmp_path / "run", delay)
    problem = f"{work} run {run} (quit after {delay} ms): exit {done.returncode}\n{done.stderr}"
    assert done.returncode == 0, problem
    assert "Fatal Python error" not in done.stderr and "Traceback" not in done.stderr, problem
