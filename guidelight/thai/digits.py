"""Thai digits (๐-๙) as Arabic ones: what a page number, a list number or a spoken number
is worth, however the document wrote it."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")


def to_arabic(digits: str) -> str:
    """``digits`` with each Thai digit made its Arabic twin; anything else kept."""
    return digits.translate(_TO_ARABIC)
