"""Tables set in a Thai font whose line boxes are taller than the table's rows.

TLWG Loma and Garuda (as Chromium embeds them) give each line a box reaching far above
and below its letters: in a tight ruled timetable, a line's box overlaps the rows over
and under it. Each cell must still hold only its own text, not its neighbours'.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from guidelight.extract.pdf import open_document

TLWG = Path("/usr/share/fonts/truetype/tlwg")
ROW = 16.0  # points: less than a 12-point Loma or Garuda line box (19 and 22 points)
COLUMNS = (72.0, 200.0, 380.0, 500.0)
GRID = [["เวลา", "วิชา", "ห้อง"]] + [
    [f"{8 + i:02d}.00 น.", f"วิชาที่ {i + 1} ภาษาไทย", f"อาคาร {i + 1}"] for i in range(8)
]


def timetable(path: Path, font: str) -> Path:
    """A 3-column, 9-row timetable ruled line by line, its text 12 points in ``font``."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="t", fontfile=str(TLWG / f"{font}.ttf"))
    top = 100.0
    metrics = pymupdf.Font(fontfile=str(TLWG / f"{font}.ttf"))
    assert (metrics.ascender - metrics.descender) * 12 > ROW  # each line's box overlaps the next row
    for r, row in enumerate(GRID):
        for c, text in enumerate(row):
            page.insert_text((COLUMNS[c] + 4, top + r * ROW + 12), text, fontname="t", fontsize=12)
    for r in range(len(GRID) + 1):
        page.draw_line((COLUMNS[0], top + r * ROW), (COLUMNS[-1], top + r * ROW))
    for x in COLUMNS:
        page.draw_line((x, top), (x, top + len(GRID) * ROW))
    doc.save(path)
    return path


@pytest.mark.parametrize("font", ["Loma", "Garuda"])
def test_each_cell_holds_only_its_own_text(tmp_path: Path, font: str) -> None:
    page = open_document(timetable(tmp_path / f"{font}.pdf", font), use_cache=False).page(1)
    tables = [p.table for p in page.paragraphs if p.table is not None]
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows, table.cols) == (9, 3)
    got = [[(table.cell_at(r, c) or pytest.fail(f"no cell {r},{c}")).text for c in range(3)] for r in range(9)]
    assert got == GRID
    assert page.text.count("ภาษาไทย") == 8  # each row heard once
