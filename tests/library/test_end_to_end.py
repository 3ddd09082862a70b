"""A volunteer's correction reaches a student on another machine, across processes.

Volunteer process: import a PDF, fix a paragraph, add a pronunciation entry, export a
pack. Student process, with another library folder that has never seen the PDF: import
the pack, then read the document found by its content hash: the text is the corrected
one, and the speech normaliser, given the course's entries, says them as the volunteer
wrote them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guidelight.core.hashing import file_hash

ROOT = Path(__file__).resolve().parents[2]
ORIGINAL = "Administrative reform by OPDC"
CORRECTED = "การปฏิรูประบบราชการโดย กพร"

STUDENT = """
import sys
from guidelight.extract.pdf import open_document
from guidelight.library import open_library
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer

lib = open_library(sys.argv[1])
doc = lib.document(sys.argv[2])
page = lib.corrected(open_document(doc.stored_path)).page(1)
builtin = Lexicon.load(lib.directory / "no-user-pronunciations.txt").entries
lexicon = Lexicon({**builtin, **lib.pronunciations_for_document(doc.content_hash)})
print(Normalizer(lexicon).normalize(page.text).text)
"""


def _run(*args: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GUIDELIGHT_CACHE_DIR": str(cwd / "cache")}
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_correction_survives_pack_round_trip_into_another_process(make_pdf, tmp_path):
    pdf = make_pdf("reform.pdf", f"{ORIGINAL}\n\nSecond paragraph", title="Reform")
    digest = file_hash(pdf)
    volunteer, student = tmp_path / "volunteer-lib", tmp_path / "student-lib"
    cli = ("-m", "guidelight")

    _run(*cli, "library", "add", "PA101", str(pdf), "--library", str(volunteer), cwd=tmp_path)
    _run(*cli, "library", "correct", str(pdf), "--page", "1", "--paragraph", "1", "--text", CORRECTED,
         "--library", str(volunteer), cwd=tmp_path)
    _run(*cli, "library", "pronounce", "PA101", "กพร", "กอ-พอ-รอ", "--library", str(volunteer), cwd=tmp_path)
    _run(*cli, "pack", "export", "PA101", "-o", str(tmp_path / "pa101.glpack"), "--library", str(volunteer),
         cwd=tmp_path)
    pdf.unlink()  # the student's machine never had the PDF: it comes in the pack

    _run(*cli, "pack", "import", str(tmp_path / "pa101.glpack"), "--library", str(student), cwd=tmp_path)
    read = _run(*cli, "library", "read", digest[:12], "--library", str(student), cwd=tmp_path)
    assert read.splitlines()[0] == CORRECTED
    assert ORIGINAL not in read

    spoken = _run("-c", STUDENT, str(student), digest, cwd=tmp_path)
    assert "กอ-พอ-รอ" in spoken
    assert "กพร" not in spoken
