"""Dictionary correction of Thai as Tesseract misreads it."""

from __future__ import annotations

from guidelight.extract.ocr_text import correct_text, correct_thai, skeleton


def test_skeleton_forgets_marks_above_and_sara_am() -> None:
    assert skeleton("แม่น้ำ") == skeleton("แมนา") == "แมนา"


def test_lost_or_misread_marks_are_restored_from_the_dictionary() -> None:
    assert correct_thai("แม่น้าเจ้าพระยา") == "แม่น้ำเจ้าพระยา"  # sara am read as sara aa
    assert correct_thai("เศรษฐศาสตร์เป็นวิชาทีศึกษา") == "เศรษฐศาสตร์เป็นวิชาที่ศึกษา"  # lost mai ek


def test_a_gap_inside_a_word_is_closed_when_the_word_is_known() -> None:
    assert correct_thai("ต้องอาศัยการอ่า นเอกสาร") == "ต้องอาศัยการอ่านเอกสาร"


def test_correct_text_is_left_alone() -> None:
    text = "นักศึกษาที่ใช้เวลา 3 ชั่วโมงอ่านหนังสือสอบ (Opportunity Cost) ทีละบท"
    assert correct_thai(text) == text


def test_sara_am_from_nikhahit_and_sara_aa_is_composed() -> None:
    assert correct_text("จ\u0e4d\u0e32กัด") == "จำกัด"


def test_letters_and_names_are_not_corrected_into_words() -> None:
    assert correct_thai("ก ข ค ง จ") == "ก ข ค ง จ"  # a list of letters: one letter is too little to correct
    assert correct_thai("พญางำเมือง") == "พญางำเมือง"  # a sara am on the page is never taken away


def test_a_misread_month_in_a_date_is_put_right() -> None:
    # Tesseract read a letter's ธันวาคม as จันว่าคม: ธ for จ is no mark, so the dictionary
    # pass leaves it; between a day and a year the word can only be a month.
    assert correct_text("จังหวัดประจวบคีรีขันธ์ ๗๗๑๕๐ ๙ จันว่าคม ๒๕๖๗") == "จังหวัดประจวบคีรีขันธ์ ๗๗๑๕๐ ๙ ธันวาคม ๒๕๖๗"
    assert correct_text("๙ จั นวาคม ๒๕๖๗") == "๙ ธันวาคม ๒๕๖๗"  # as Tesseract gave it, a gap inside
    assert correct_text("วันที่ 3 มกรคม 2567") == "วันที่ 3 มกราคม 2567"
    assert "จันว่าคม" in correct_text("คำว่า จันว่าคม ในข้อความ")  # no date, no month to know
    assert correct_text("ข้อ ๓ จำนวน ๑๐๐๐ บาท") == "ข้อ ๓ จำนวน ๑๐๐๐ บาท"  # a word between numbers, no month
