"""Correct the Thai of one OCR line: the repair rules, then the dictionary.

Tesseract's Thai errors are mostly marks: a tone mark lost or doubled, sara am given as
nikhahit + sara aa, a mark read on the wrong side of its vowel. The line is repaired whole
(never piece by piece, or a mark would be stranded from its base).
"""

from __future__ import annotations

from guidelight.thai.repair import repair_text


def correct_line(text: str) -> str:
    """One recognised line, repaired."""
    return repair_text(text)
