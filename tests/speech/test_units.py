"""Units after numbers, through the whole plan: each voice is given the unit's name in its
own language, never its letters to spell."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelight.core.model import Lang
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer
from guidelight.speech.pipeline import plan
from guidelight.speech.script import split_runs


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer(Lexicon.load(Path("/nonexistent/pronunciations.txt")))


def said(text: str, normalizer: Normalizer) -> list[tuple[str, str]]:
    return [(piece.run.lang.value, piece.normalized.text) for piece in plan(text, normalizer)]


CASES = [
    # a PC manual's requirements, read by the Thai voice alone
    ("หน่วยความจำ 32MB", [("th", "หน่วยความจำ สามสิบสอง เมกะไบต์")]),
    ("หน่วยความจำ 32MBขึ้นไป", [("th", "หน่วยความจำ สามสิบสอง เมกะไบต์ ขึ้นไป")]),
    ("ฮาร์ดดิสก์ 2 GB และ 500GB", [("th", "ฮาร์ดดิสก์ สอง กิกะไบต์ และ ห้าร้อย กิกะไบต์")]),
    ("ไฟล์ขนาด 1.5 MB", [("th", "ไฟล์ขนาด หนึ่งจุดห้า เมกะไบต์")]),
    ("ความถี่ 2.4 GHz", [("th", "ความถี่ สองจุดสี่ กิกะเฮิรตซ์")]),
    ("ระบบ 64 bit", [("th", "ระบบ หกสิบสี่ บิต")]),
    # science and lab sheets
    ("ความเร็ว 100 km/h", [("th", "ความเร็ว หนึ่งร้อย กิโลเมตรต่อชั่วโมง")]),
    ("น้ำหนัก 5 kg", [("th", "น้ำหนัก ห้า กิโลกรัม")]),
    ("อุณหภูมิ 25°C", [("th", "อุณหภูมิ ยี่สิบห้า องศาเซลเซียส")]),
    ("ใช้ไฟ 5V", [("th", "ใช้ไฟ ห้า โวลต์")]),
    ("ตัวต้านทาน 10 kΩ", [("th", "ตัวต้านทาน สิบ กิโลโอห์ม")]),  # not "เคโอเมกา"
    ("และมีโหลด 10k\u2126", [("th", "และมีโหลด สิบ กิโลโอห์ม")]),  # the ohm sign, not omega
    ("พื้นที่ 100 m² ขึ้นไป", [("th", "พื้นที่ หนึ่งร้อย ตารางเมตร ขึ้นไป")]),  # not "ยกกำลังสอง"
    ("หน่วงเวลา 10 μs", [("th", "หน่วงเวลา สิบ ไมโครวินาที")]),
    ("ความละเอียด 300 dpi", [("th", "ความละเอียด สามร้อย จุดต่อนิ้ว")]),
    # the English voice says English names, one or many
    ("Pentium-300MHz", [("en", "Pentium-300 megahertz")]),
    ("The disk has 1 GB free", [("en", "The disk has 1 gigabyte free")]),
    ("The disk has 20 GB free", [("en", "The disk has 20 gigabytes free")]),
    ("speed 100 km/h", [("en", "speed 100 kilometres per hour")]),
    # an English name before the number keeps its own voice; the unit goes with the number
    ("ใช้ RAM 8 GB ขึ้นไป", [("th", "ใช้ "), ("en", "RAM 8 gigabytes "), ("th", "ขึ้นไป")]),
    # no number before it: letters as written, for the English voice
    ("หน่วยเป็น MB", [("th", "หน่วยเป็น "), ("en", "M B")]),
    # a longer word or a name after a number is no unit
    ("รุ่น 5 max", [("th", "รุ่น ห้า "), ("en", "max")]),
    ("ห้อง 3 Ms", [("th", "ห้อง สาม "), ("en", "Ms")]),
]


@pytest.mark.parametrize(("written", "spoken"), CASES)
def test_units_are_said_by_name(normalizer: Normalizer, written: str, spoken: list[tuple[str, str]]) -> None:
    assert said(written, normalizer) == spoken


def test_a_unit_stays_in_the_run_of_its_number() -> None:
    text = "หน่วยความจำ 32MB ขึ้นไป"
    assert [(r.lang, text[r.start : r.end]) for r in split_runs(text)] == [(Lang.THAI, text)]


def test_the_highlight_maps_the_unit_back_to_its_letters(normalizer: Normalizer) -> None:
    source = "หน่วยความจำ 32MB"
    result = normalizer.normalize(source, Lang.THAI)
    name = result.text.index("เมกะไบต์")
    start, end = result.source_span(name, name + len("เมกะไบต์"))
    assert source[start:end].strip() == "MB"
