"""What the user is told when Tesseract or its Thai data cannot run (simulated through PATH)."""

from __future__ import annotations

import sys
from pathlib import Path

import pymupdf
import pytest

from guidelight.core.errors import DocumentError
from guidelight.extract.ocr import ocr_available, ocr_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake programs are shell scripts")


def fake_tesseract(folder: Path, languages: list[str]) -> None:
    script = folder / "tesseract"
    listing = "\\n".join(["List of available languages in \"/x/tessdata/\" (2):", *languages])
    script.write_text(f'#!/bin/sh\nprintf "{listing}\\n"\n', encoding="utf-8")
    script.chmod(0o755)


def test_missing_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    message = ocr_available()
    assert message is not None and "apt-get install tesseract-ocr tesseract-ocr-tha" in message
    assert message.count(".") == 1 and "\n" not in message  # one plain sentence


def test_missing_thai_data_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tesseract(tmp_path, ["eng", "osd"])
    monkeypatch.setenv("PATH", str(tmp_path))
    message = ocr_available()
    assert message is not None and "Thai language data" in message and "English" not in message
    assert "tesseract-ocr-tha" in message


def test_complete_install_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tesseract(tmp_path, ["eng", "osd", "tha"])
    monkeypatch.setenv("PATH", str(tmp_path))
    assert ocr_available() is None


def test_ocr_page_without_tesseract_is_a_document_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pymupdf.open() as doc:
        page = doc.new_page()
        with pytest.raises(DocumentError, match="tesseract-ocr-tha"):
            ocr_page(page)
