"""TLTK with its syllable patterns kept compiled: the same phonemes, much sooner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

from guidelight.speech.tltk_regex import CompiledPatterns, keep_tltk_patterns_compiled

pytest.importorskip("tltk")

# Words and phrases a course reading starts with: tone pairs, a karan, a cluster, a loan word.
PHRASES = [
    "ข่าว",
    "ข้าว",
    "การศึกษาในมหาวิทยาลัย",
    "ประวัติศาสตร์ไทย",
    "นักศึกษาต้องส่งรายงาน",
    "การเรียนการสอนแบบร่วมมือ",
    "พิมพ์",
    "ทรัพย์สิน",
    "คอมพิวเตอร์",
    "วันนี้อากาศดีมาก",
]

_BASELINE = f"""
import json
from tltk.nlp import th2ipa
print(json.dumps([th2ipa(p) for p in {PHRASES!r}]))
"""


def test_the_functions_tltk_calls_behave_as_re_s_own() -> None:
    kept = CompiledPatterns()
    assert kept.match(r"(ก)(า)", "กาน").groups() == re.match(r"(ก)(า)", "กาน").groups()  # type: ignore[union-attr]
    assert kept.sub(r"8", "2", "ka8n8") == "ka2n2"
    assert kept.sub(r"a", "b", "aaa", count=1) == "baa"
    assert kept.search(r"\d", "ab3").group() == "3"
    assert kept.findall(r"\d", "1a2") == ["1", "2"]
    assert kept.split(r"\.", "a.b") == ["a", "b"]
    assert kept.fullmatch(r"ab", "ab") and not kept.fullmatch(r"a", "ab")
    assert kept.IGNORECASE is re.IGNORECASE and kept.escape(".") == r"\."
    assert kept.match("A", "a", re.IGNORECASE)
    assert kept._get("x", 0) is kept._get("x", 0)  # compiled once, then kept


@pytest.mark.slow
def test_tltk_gives_the_same_phonemes_with_its_patterns_kept_and_far_sooner() -> None:
    """The baseline is TLTK untouched, in its own process; here the patterns are kept."""
    baseline = json.loads(
        subprocess.run([sys.executable, "-c", _BASELINE], capture_output=True, text=True, check=True).stdout
    )
    keep_tltk_patterns_compiled()
    keep_tltk_patterns_compiled()  # a second call changes nothing
    from tltk.nlp import th2ipa

    th2ipa("ก")  # compiles every syllable pattern once, as the voice's load does
    assert [th2ipa(p) for p in PHRASES] == baseline
    started = time.process_time()
    th2ipa("ข่าว")
    # Untouched, a four-letter word costs over 100 ms of CPU here (every pattern compiled again).
    assert time.process_time() - started < 0.05
