"""A course-like PDF made on the spot: headings from the outline, Thai with English runs,
a table with merged header cells, a captioned and an undescribed figure, and a table
running over a page break; plus what `guidelight extract` prints for it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import miniaudio
import pymupdf
import pytest

from guidelight.cli.main import main
from tests.tables.tablegen import RuledWriter, TableSpec
from tests.tables.test_tables import MERGED

LONG = TableSpec(
    [["สัปดาห์", "หัวข้อ", "คะแนน"]],
    [[str(i), f"หัวข้อที่ {i} Economics", f"{i * 5}"] for i in range(1, 13)],
    widths=[80.0, 200.0, 80.0],
)


def course_pdf(path: Path) -> Path:
    writer = RuledWriter()
    page = writer.page
    writer.text(70, "บทที่ 1 ความรู้เบื้องต้น", bold=True, size=20)
    writer.text(110, "เศรษฐศาสตร์ (Economics) ศึกษาการจัดสรรทรัพยากรที่มีอยู่อย่างจำกัด")
    writer.text(128, "เพื่อตอบสนองความต้องการของมนุษย์ที่ไม่จำกัด")
    bottom = writer.table(MERGED, 150)
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), False)
    picture.set_rect(picture.irect, (200, 60, 40))
    page.insert_image(pymupdf.Rect(60, bottom + 30, 260, bottom + 150), pixmap=picture)
    writer.text(bottom + 170, "รูปที่ 1 เส้นอุปสงค์และอุปทาน (Supply and demand)")
    writer.text(bottom + 210, "1.1 ความหมายของอุปสงค์", bold=True, size=16)
    writer.text(bottom + 240, "อุปสงค์ คือ ปริมาณสินค้าที่ผู้บริโภคต้องการซื้อ ณ ระดับราคาต่าง ๆ")
    writer.text(560, "ตารางที่ 2 แผนการสอน", bold=True)
    writer.table(LONG, 575, range(0, 9))
    writer.new_page()
    y = writer.table(LONG, 60, range(9, 13))
    writer.page.insert_image(pymupdf.Rect(60, y + 30, 260, y + 150), pixmap=picture)
    writer.text(y + 180, "ย่อหน้าสุดท้ายของเอกสาร")
    writer.doc.set_toc([[1, "บทที่ 1 ความรู้เบื้องต้น", 1], [2, "1.1 ความหมายของอุปสงค์", 1]])
    writer.doc.set_metadata({"title": "เศรษฐศาสตร์เบื้องต้น"})
    return writer.save(path)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Own page cache, and no library unless a test makes one."""
    monkeypatch.setenv("GUIDELIGHT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("GUIDELIGHT_LIBRARY_DIR", str(tmp_path_factory.mktemp("nolibrary")))


@pytest.fixture(scope="session")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return course_pdf(tmp_path_factory.mktemp("course") / "course.pdf")


def extracted(pdf: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What `guidelight extract` prints for the PDF."""
    capsys.readouterr()
    assert main(["extract", str(pdf), *args]) == 0
    return capsys.readouterr().out


def squeeze(text: str) -> str:
    """Text with whitespace removed: exports may break lines differently."""
    return "".join(text.split())


EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
needs_epubcheck = pytest.mark.skipif(not EPUBCHECK_JAR.is_file() or shutil.which("java") is None,
                                     reason="epubcheck not installed")


def assert_epubcheck_passes(book: Path) -> None:
    """epubcheck (the Debian package) finds no error and no fatal problem in the book."""
    run = subprocess.run(["java", "-jar", str(EPUBCHECK_JAR), str(book)], capture_output=True, text=True, timeout=180)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert re.search(r"0 fatals / 0 errors", report), report


SMIL = "{http://www.w3.org/ns/SMIL}"


def seconds(clock: str) -> float:
    h, m, s = clock.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def overlay_targets(book: Path) -> dict[str, list[str]]:
    """Each media overlay's clip targets, checked on the way: every clip points at an
    element that exists, and the clips are in order inside their audio file."""
    archive = zipfile.ZipFile(book)
    overlays: dict[str, list[str]] = {}
    for name in sorted(n for n in archive.namelist() if n.endswith(".smil")):
        targets = overlays.setdefault(name, [])
        last_end = 0.0
        for par in ElementTree.fromstring(archive.read(name)).iter(f"{SMIL}par"):
            text, audio = par.find(f"{SMIL}text"), par.find(f"{SMIL}audio")
            assert text is not None and audio is not None
            begin, end = seconds(audio.get("clipBegin", "")), seconds(audio.get("clipEnd", ""))
            assert last_end <= begin < end
            last_end = end
            page_file, target = text.get("src", "").removeprefix("../").split("#")
            assert f'id="{target}"' in archive.read(f"EPUB/{page_file}").decode()
            targets.append(target)
        mp3 = archive.read(f"EPUB/{audio.get('src', '').removeprefix('../')}")
        assert last_end <= miniaudio.decode(mp3, nchannels=1).duration + 0.05
    return overlays
