"""Speech normalization on a table of the cases course PDFs are full of."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelight.core.model import Lang
from guidelight.speech.lexicon import Lexicon, parse_user_entries
from guidelight.speech.normalize import Normalizer, read_number, spell_thai


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer(Lexicon.load(Path("/nonexistent/pronunciations.txt")))


THAI_CASES = [
    # digits, Arabic and Thai
    ("มี 3 ข้อ", "มี สาม ข้อ"),
    ("มี ๓ ข้อ", "มี สาม ข้อ"),
    ("21 คน", "ยี่สิบเอ็ด คน"),
    ("1,234,567 คน", "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ด คน"),
    ("รหัส 007", "รหัส ศูนย์ศูนย์เจ็ด"),
    # decimals, percentages, money
    ("ค่า 3.14", "ค่า สามจุดหนึ่งสี่"),
    ("ร้อยละ 12.5%", "ร้อยละ สิบสองจุดห้าเปอร์เซ็นต์"),
    ("เพิ่มขึ้น ๕๐ %", "เพิ่มขึ้น ห้าสิบเปอร์เซ็นต์"),
    ("ราคา 100 บาท", "ราคา หนึ่งร้อยบาท"),
    ("ราคา 1,500.50 บาท", "ราคา หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"),
    ("ราคา ฿250", "ราคา สองร้อยห้าสิบบาท"),
    # times
    ("เวลา 23:59 น.", "เวลา ยี่สิบสามนาฬิกาห้าสิบเก้านาที"),
    ("เวลา ๐๙.๓๐ น.", "เวลา เก้านาฬิกาสามสิบนาที"),
    ("เริ่ม 8:00", "เริ่ม แปดนาฬิกา"),
    ("เรียน 9:00-12:00", "เรียน เก้านาฬิกา ถึง สิบสองนาฬิกา"),
    ("สอบ 13.30-15.00 น. ห้อง 2", "สอบ สิบสามนาฬิกาสามสิบนาที ถึง สิบห้านาฬิกา ห้อง สอง"),
    # negative numbers and fractions; a hyphen between numbers is a range, not a minus
    ("อุณหภูมิ -5 องศา", "อุณหภูมิ ลบห้า องศา"),
    ("ลดลง -2.5%", "ลดลง ลบสองจุดห้าเปอร์เซ็นต์"),
    ("ครึ่งหนึ่งคือ 1/2", "ครึ่งหนึ่งคือ หนึ่งส่วนสอง"),
    ("ราคา 1.50-2.75 บาท", "ราคา หนึ่งจุดห้าศูนย์ ถึง สองจุดเจ็ดห้า บาท"),
    # dates, Buddhist-era years, ranges
    ("ปี พ.ศ. 2566", "ปี พุทธศักราช สองพันห้าร้อยหกสิบหก"),
    ("ค.ศ. 2023", "คริสต์ศักราช สองพันยี่สิบสาม"),
    ("25 ธ.ค. 2566", "ยี่สิบห้า ธันวาคม สองพันห้าร้อยหกสิบหก"),
    ("1 ม.ค. 2567", "หนึ่ง มกราคม สองพันห้าร้อยหกสิบเจ็ด"),
    ("ก.พ. 2567", "กุมภาพันธ์ สองพันห้าร้อยหกสิบเจ็ด"),
    ("วันที่ 5/12/2566", "วันที่ ห้า ธันวาคม สองพันห้าร้อยหกสิบหก"),
    ("ช่วง ๒๔๗๐-๒๔๘๐", "ช่วง สองพันสี่ร้อยเจ็ดสิบ ถึง สองพันสี่ร้อยแปดสิบ"),
    ("หน้า 10 - 12", "หน้า สิบ ถึง สิบสอง"),
    # mai yamok, ฯลฯ, ฯ
    ("เด็กๆ เล่น", "เด็กเด็ก เล่น"),
    ("ต่าง ๆ นานา", "ต่างต่าง นานา"),
    ("ผลไม้ ฯลฯ", "ผลไม้ และอื่นอื่น"),
    ("ไปกรุงเทพฯ แล้ว", "ไปกรุงเทพมหานคร แล้ว"),
    ("ทรงพระกรุณาโปรดเกล้าฯ", "ทรงพระกรุณาโปรดเกล้าโปรดกระหม่อม"),
    ("นามฯ", "นาม"),
    # titles and abbreviations
    ("ดร.สมชาย", "ดอกเตอร์สมชาย"),
    ("ศ. สมศรี", "ศาสตราจารย์ สมศรี"),
    ("รศ.ดร.สมชาย", "รองศาสตราจารย์ ดอกเตอร์ สมชาย"),
    ("ผศ. วิชัย", "ผู้ช่วยศาสตราจารย์ วิชัย"),
    # unknown dotted abbreviations are spelled, even when they start like a known one
    ("ก.พ.ร. ประกาศ", "กอ พอ รอ ประกาศ"),
    ("ที่ ม.อ.", "ที่ มอ ออ"),
    # symbols that would be read as noise, and symbols that mean words
    ("• ข้อแรก", "ข้อแรก"),
    ("★ สำคัญ ★", "สำคัญ"),
    ("ก*ข", "ก ข"),
    ("แดง/เขียว", "แดง เขียว"),
    ("A & B", "A และ B"),
    ("2 + 3 = 5", "สอง บวก สาม เท่ากับ ห้า"),
    ("อุณหภูมิ 30°C", "อุณหภูมิ สามสิบ องศาเซลเซียส"),
    ("บรรทัด\nใหม่", "บรรทัด ใหม่"),
]


@pytest.mark.parametrize(("written", "spoken"), THAI_CASES)
def test_thai_run(normalizer: Normalizer, written: str, spoken: str) -> None:
    assert normalizer.normalize(written, Lang.THAI).text == spoken


ENGLISH_CASES = [
    ("list comprehension", "list comprehension"),
    ("Python 3 & C", "Python 3 and C"),
    ("chapter ๓", "chapter 3"),
    ("• bullet * point", "bullet point"),
]


@pytest.mark.parametrize(("written", "spoken"), ENGLISH_CASES)
def test_english_run(normalizer: Normalizer, written: str, spoken: str) -> None:
    assert normalizer.normalize(written, Lang.ENGLISH).text == spoken


def test_read_number_and_spelling() -> None:
    assert read_number("0.05") == "ศูนย์จุดศูนย์ห้า"
    assert spell_thai("ก.พ.ร.") == "กอ พอ รอ"


def test_user_dictionary_applies_first_and_wins(tmp_path: Path) -> None:
    user = tmp_path / "pronunciations.txt"
    user.write_text("# a comment\nCOVID-19 = โควิดสิบเก้า\nพ.ศ.\tปีพุทธ\n", encoding="utf-8")
    normalizer = Normalizer(Lexicon.load(user))
    # the dictionary beats the range rule that would read "-19" as a number
    assert normalizer.normalize("โรค COVID-19", Lang.THAI).text == "โรค โควิดสิบเก้า"
    assert normalizer.normalize("พ.ศ. 2500", Lang.THAI).text == "ปีพุทธ สองพันห้าร้อย"


def test_parse_user_entries_ignores_junk() -> None:
    assert parse_user_entries("\n# x\nno separator\n = empty\na=b\n") == {"a": "b"}


def test_pieces_map_output_back_to_source(normalizer: Normalizer) -> None:
    source = "ปี พ.ศ. 2566 เด็กๆ"
    result = normalizer.normalize(source, Lang.THAI)
    year = result.text.index("สองพัน")
    start, end = result.source_span(year, year + 3)
    assert source[start:end] == "2566"
    kid = result.text.index("เด็ก")
    start, end = result.source_span(kid, kid + 4)
    assert source[start:end] == "เด็ก"
    assert result.source_span(0, 2) == (0, 2)
