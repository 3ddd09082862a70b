"""Where the bundled Sarabun font files are: the app shows Thai in them, OCR knows Thai digits by them."""

from __future__ import annotations

from pathlib import Path

# The installer copies assets/fonts beside the package as it is in the source tree (build_installer.py).
FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR = FONT_DIR / "Sarabun-Regular.ttf"
BOLD = FONT_DIR / "Sarabun-Bold.ttf"
