"""When the OCR tests run: always in CI (which installs Tesseract), elsewhere only if it can."""

from __future__ import annotations

import os

import pytest

from guidelight.extract.ocr import ocr_available

needs_tesseract = pytest.mark.skipif(
    ocr_available() is not None and not os.environ.get("CI"), reason=str(ocr_available())
)
