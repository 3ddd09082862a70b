"""A course-like PDF made on the spot: headings from the outline, Thai with English runs,
a table with merged header cells, a captioned and an undescribed figure, and a table
running over a page break; plus what `guidelight extract` prints for it."""

from __future__ import annotations

from pathlib import Path

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
