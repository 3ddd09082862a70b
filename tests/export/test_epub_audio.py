"""EPUB 3 with media overlays from Guide Light's own speech: valid (epubcheck), and every
clip inside its audio file, in order, pointing at an element that exists."""

from __future__ import annotations

import ctypes.util
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import miniaudio
import pytest

from guidelight.export import export_document
from guidelight.extract.pdf import open_document
from tests.export.conftest import (
    EPUBCHECK_JAR,
    SMIL,
    assert_epubcheck_passes,
    needs_epubcheck,
    overlay_targets,
    seconds,
)
from tests.speech.conftest import ToneBackend


@pytest.fixture(scope="module")
def talking_book(course: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ToneBackend]:
    backend = ToneBackend(seconds_per_char=0.005)
    out = tmp_path_factory.mktemp("epub") / "course.epub"
    steps: list[tuple[int, int]] = []
    export_document(open_document(course, use_cache=False), out, "epub", audio=True, speech_backend=backend,
                    pronunciations={"อุปสงค์": "อุ-ปะ-สง"}, progress=lambda done, total, _: steps.append((done, total)))
    assert steps == [(1, 2), (2, 2)]
    return out, backend


def test_overlay_clips_are_in_order_inside_their_audio_and_point_at_elements(
    talking_book: tuple[Path, ToneBackend],
) -> None:
    overlays = overlay_targets(talking_book[0])
    assert list(overlays) == ["EPUB/overlays/p0001.smil"]  # the long table makes pages 1 and 2 one document
    targets = overlays["EPUB/overlays/p0001.smil"]
    assert {t.split("-")[1] for t in targets} == {"1", "2"}  # both pages are read


def test_the_talking_book_says_tables_figures_and_course_pronunciations(talking_book: tuple[Path, ToneBackend]) -> None:
    _, backend = talking_book
    said = " ".join(" ".join(text for text, _ in backend.calls).split())
    assert "ตาราง สี่ แถว สาม คอลัมน์" in said
    assert "หัวข้อ: หัวข้อที่" in said  # a cell read with its column header
    assert "ภาพ ไม่มีคำอธิบาย" in said  # the undescribed figure, announced once
    assert said.count("ภาพ ไม่มีคำอธิบาย") == 1
    assert "อุ-ปะ-สง" in said and "อุปสงค์" not in said


@needs_epubcheck
def test_epubcheck_reports_no_errors(talking_book: tuple[Path, ToneBackend], course: Path, tmp_path: Path) -> None:
    plain = export_document(open_document(course), tmp_path / "plain.epub", "epub")
    for book in (talking_book[0], plain):
        assert_epubcheck_passes(book)


@pytest.mark.skipif(ctypes.util.find_library("espeak-ng") is None, reason="espeak-ng is not installed")
def test_talking_book_with_the_real_engine_from_the_command_line(tmp_path: Path) -> None:
    """`guidelight export --audio` end to end with espeak-ng: real speech, valid overlays."""
    from guidelight.cli.main import main
    from tests.tables.test_spoken import figure_pdf

    book = tmp_path / "figures.epub"
    assert main(["export", str(figure_pdf(tmp_path / "f.pdf")), "-o", str(book), "--audio"]) == 0
    archive = zipfile.ZipFile(book)
    (overlay,) = [n for n in archive.namelist() if n.endswith(".smil")]
    ends = [seconds(a.get("clipEnd")) for a in ElementTree.fromstring(archive.read(overlay)).iter(f"{SMIL}audio")]
    assert len(ends) == 5 and ends == sorted(ends)  # three paragraphs and two figures, in reading order
    mp3 = next(n for n in archive.namelist() if n.endswith(".mp3"))
    assert ends[-1] <= miniaudio.decode(archive.read(mp3), nchannels=1).duration + 0.05
    if EPUBCHECK_JAR.is_file() and shutil.which("java"):
        assert_epubcheck_passes(book)
