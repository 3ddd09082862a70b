"""Held-out course-material cases (issue 14, part 4), scored through ``guidelight normalize``.

Written before the rules and never tuned on: it measures how well the rules, built from
the table in test_normalize.py, generalise to cases of the same kinds. Spaces between two
Thai characters are ignored (the Thai voice does not hear them); every other space counts,
so "C P U" (spelled) is not "CPU" (a word).
"""

from __future__ import annotations

import re

import pytest

from guidelight.cli.main import main

HELD_OUT = [
    # operators, in Thai text and in code lines
    ("x >= 5", "x มากกว่าหรือเท่ากับ 5"),
    ("WHERE UnitCost > 40000", "WHERE UnitCost มากกว่า 40000"),
    ("ถ้า a ≠ b", "ถ้า a ไม่เท่ากับ b"),
    ("คะแนนต้อง ≥ 50", "คะแนนต้อง มากกว่าหรือเท่ากับ ห้าสิบ"),
    ("ค่า 3 ± 0.5", "ค่า สาม บวกลบ ศูนย์จุดห้า"),
    ("2^10", "สอง ยกกำลัง สิบ"),
    ("if (x != y)", "if (x ไม่เท่ากับ y)"),
    ("WHERE price <> 0", "WHERE price ไม่เท่ากับ 0"),
    ("6 * 7 = 42", "หก คูณ เจ็ด เท่ากับ สี่สิบสอง"),
    ("y <= 10", "y น้อยกว่าหรือเท่ากับ 10"),
    ("อายุ < 18 ปี", "อายุ น้อยกว่า สิบแปด ปี"),
    ("a == b", "a เท่ากับ b"),
    # identifiers digit by digit, ranges as ranges
    ("โทร 081-234-5678", "โทร ศูนย์แปดหนึ่ง สองสามสี่ ห้าหกเจ็ดแปด"),
    ("เลขประจำตัว 0-3430-0481-4", "เลขประจำตัว ศูนย์ สามสี่สามศูนย์ ศูนย์สี่แปดหนึ่ง สี่"),
    ("รหัสนักศึกษา 6401234567", "รหัสนักศึกษา หกสี่ศูนย์หนึ่งสองสามสี่ห้าหกเจ็ด"),
    ("วิชา 01418112", "วิชา ศูนย์หนึ่งสี่หนึ่งแปดหนึ่งหนึ่งสอง"),
    ("ติดต่อ 02 123 4567", "ติดต่อ ศูนย์สอง หนึ่งสองสาม สี่ห้าหกเจ็ด"),
    ("บัตรประชาชน 1-2345-67890-12-3", "บัตรประชาชน หนึ่ง สองสามสี่ห้า หกเจ็ดแปดเก้าศูนย์ หนึ่งสอง สาม"),
    ("หน้า 10-20", "หน้า สิบ ถึง ยี่สิบ"),
    ("ปี 2560-2565", "ปี สองพันห้าร้อยหกสิบ ถึง สองพันห้าร้อยหกสิบห้า"),
    ("รหัส 2110263", "รหัส สองหนึ่งหนึ่งศูนย์สองหกสาม"),
    ("+66 81 234 5678", "บวกหกหก แปดหนึ่ง สองสามสี่ ห้าหกเจ็ดแปด"),
    ("CS101", "C S 1 0 1"),
    ("ISBN 978-616-08-1234-5", "I S B N 9 7 8, 6 1 6, 0 8, 1 2 3 4, 5"),
    # Thai acronyms and OCR-split abbreviations
    ("สกอ. ประกาศ", "สอ กอ ออ ประกาศ"),
    ("นักเรียนชั้น ม.6", "นักเรียนชั้น มอ หก"),
    ("ปี พ .ศ. 2566", "ปี พุทธศักราช สองพันห้าร้อยหกสิบหก"),
    ("จบ ป.ตรี", "จบ ปริญญาตรี"),
    ("ศ.ดร.สมชาย", "ศาสตราจารย์ ดอกเตอร์ สมชาย"),
    ("ค .ศ. 2024", "คริสต์ศักราช สองพันยี่สิบสี่"),
    ("กทม.", "กอ ทอ มอ"),
    # Latin acronyms by their letter names; SQL keywords stay words
    ("หน่วยประมวลผล CPU", "หน่วยประมวลผล C P U"),
    ("ภาษา SQL", "ภาษา S Q L"),
    ("สถาบัน KMITL", "สถาบัน K M I T L"),
    ("SELECT name FROM student", "SELECT name FROM student"),
    # mai yamok repeats the last word, not the compound
    ("ดีมาก ๆ", "ดีมากมาก"),
    ("คนอื่นๆ", "คนอื่นอื่น"),
    ("เด็กๆ", "เด็กเด็ก"),
    ("ใหม่ๆ", "ใหม่ใหม่"),
    ("อย่างช้าๆ", "อย่างช้าช้า"),
]
PASS_MARK = 0.9


def comparable(text: str) -> str:
    collapsed = " ".join(text.split())
    return re.sub(r"(?<=[\u0e00-\u0e7f]) (?=[\u0e00-\u0e7f])", "", collapsed)


def score(cases: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]) -> tuple[float, list[str]]:
    """The share of ``cases`` that ``guidelight normalize`` says as written down, and the misses."""
    misses = []
    for written, spoken in cases:
        assert main(["normalize", written]) == 0
        got = capsys.readouterr().out
        if comparable(got) != comparable(spoken):
            misses.append(f"{written!r}: got {got.strip()!r}, want {spoken!r}")
    return 1 - len(misses) / len(cases), misses


def test_held_out_score(capsys: pytest.CaptureFixture[str]) -> None:
    result, misses = score(HELD_OUT, capsys)
    print(f"held-out score {result:.3f} ({len(HELD_OUT) - len(misses)}/{len(HELD_OUT)})", *misses, sep="\n")
    assert result >= PASS_MARK, "\n".join(misses)
