"""Cell text found by the LibreOffice table check: a shaped sara am whose glyph box has no
width must not be followed by a made-up word space ("จำ นวน" for "จำนวน")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guidelight.extract.pdf import open_document

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "thai-pdf"


@pytest.mark.parametrize("name", ["econ--lo-Loma-plain", "econ--chrome-Sarabun-plain"])
def test_no_space_after_sara_am_that_the_text_does_not_have(name: str) -> None:
    pdf = CORPUS / f"{name}.pdf"
    if not pdf.is_file():
        pytest.skip("the shared corpus is not beside the repository")
    truth = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    text = open_document(pdf, use_cache=False).reading_text()
    assert len(re.findall("ำ ", text)) == len(re.findall("ำ ", truth)) == 0
    assert "จำกัด" in text
