"""Text-layer pages with some glyphs nothing names: those pieces are read by OCR, and said so."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from guidelight.extract import ocr
from guidelight.extract.pdf import open_document
from tests.document.damaged_fonts import code_in_nameless_font_pdf

from .marks import needs_tesseract

THAI = ["ตัวอย่าง 4.5 การเขียนคำสั่งโปรแกรมทำซ้ำข้อความ", "ให้ใช้ตัวดำเนินการคูณกับจำนวนครั้งที่ต้องการ"]
CODE = ["text = 'Python'", "print(text * 3)", "total = len(text) + 10"]


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(params=[False, True], ids=["dark-on-light", "light-on-dark"])
def textbook(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    return code_in_nameless_font_pdf(tmp_path / "textbook.pdf", THAI, CODE, dark=request.param)


def test_the_damage_is_real(textbook: Path) -> None:
    raw = pymupdf.open(textbook)[0].get_text()
    assert all(line not in raw for line in CODE) and all(line in raw for line in THAI)


@needs_tesseract
def test_code_in_a_font_nothing_names_is_read_by_ocr_in_its_place(textbook: Path) -> None:
    page = open_document(textbook, use_cache=False).page(1)
    squashed = _squashed(page.text)
    found = [squashed.find(_squashed(line)) for line in [*THAI, *CODE]]
    assert -1 not in found, page.text
    assert found == sorted(found), page.text  # each code line where it stands, after the Thai
    assert page.quality.notices == ("ocr_glyph",)  # the page says some words were read by OCR


def test_without_ocr_the_code_is_left_out_said_and_not_kept(textbook: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)  # as on a lab PC without it
    monkeypatch.setenv("GUIDELIGHT_CACHE_DIR", str(tmp_path / "cache"))
    page = open_document(textbook).page(1)
    assert "Python" not in page.text and page.quality.notices == ("unreadable_glyph",)
    # Kept, the page would stay without its code once the lab installs Tesseract.
    assert not list((tmp_path / "cache").rglob("page-*.json"))


@needs_tesseract
def test_pieces_past_the_image_limit_are_left_out_and_said(textbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged page scattering thousands of unreadable glyphs must not make a gigapixel
    image: what does not fit is left out, and the page says so."""
    monkeypatch.setattr(ocr, "MAX_STACK_PX", 120)  # room for the first code line alone
    page = open_document(textbook, use_cache=False).page(1)
    squashed = _squashed(page.text)
    assert _squashed(CODE[0]) in squashed and _squashed(CODE[2]) not in squashed, page.text
    assert page.quality.notices == ("unreadable_glyph", "ocr_glyph")
