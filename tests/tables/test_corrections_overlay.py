"""Volunteer corrections keep tables and figures in place and give figures their descriptions."""

from __future__ import annotations

from pathlib import Path

from guidelight.core.model import ParagraphKind
from guidelight.extract.pdf import open_document
from guidelight.library.corrections import FIGURE_PREFIX, apply_corrections, describe_figure, fix_text
from tests.tables.test_spoken import figure_pdf
from tests.tables.test_tables import PRICES, ruled_pdf


def test_a_description_becomes_the_figures_alt_text_in_its_place(tmp_path: Path) -> None:
    page = open_document(figure_pdf(tmp_path / "f.pdf")).page(1)
    corrected = apply_corrections(page, [describe_figure(page, 2, "ภาพถ่ายตลาดนัดในกรุงเทพฯ"),
                                         fix_text(page, 0, "ย่อหน้าแรกที่แก้แล้ว")])
    captioned, described = corrected.figures
    assert captioned.alt == "" and captioned.before == 1
    para = corrected.paragraphs[described.before]
    assert corrected.text[para.start : para.end] == FIGURE_PREFIX + "ภาพถ่ายตลาดนัดในกรุงเทพฯ"
    assert described.alt == "ภาพถ่ายตลาดนัดในกรุงเทพฯ"


def test_a_table_keeps_its_cells_when_the_page_around_it_is_corrected(tmp_path: Path) -> None:
    page = open_document(ruled_pdf(tmp_path / "t.pdf", PRICES)).page(1)
    corrected = apply_corrections(page, [fix_text(page, 0, "ตารางที่ 1 ราคาสินค้าในตลาด (แก้ไข)")])
    table_para = corrected.paragraphs[1]
    assert table_para.table == page.paragraphs[1].table
    for cell in table_para.table.cells:
        assert corrected.text[table_para.start + cell.start : table_para.start + cell.end] == cell.text
    rewritten = apply_corrections(page, [fix_text(page, 1, "ตารางราคาสามรายการ")])
    assert rewritten.paragraphs[1].table is None and rewritten.paragraphs[1].kind is ParagraphKind.BODY
