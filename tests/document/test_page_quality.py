"""The noise a page is judged doubtful by: what a listener would hear as garbage, not
what the page prints (issue 16: every page where something is wrong is flagged, and a
clean page flagged teaches the student to ignore the flag)."""

from __future__ import annotations

from guidelight.thai.quality import measure


def test_a_hyphen_or_slash_printed_between_words_is_no_noise() -> None:
    """A form's "ชื่อ-สกุล (นาย/นางสาว)" and a switch's "เปิด/ปิด" flagged their short pages
    doubtful (3.8 per 1,000 for one slash on a page of 260 Thai letters)."""
    printed = "ชื่อ-สกุล (นาย/นางสาว) ออสเตรีย-ฮังการี สามารถ เปิด/ปิด ผ่านมือถือได้อย่างถูกต้อง"
    assert measure(printed, {}).noise == 0
    assert not measure(printed, {}).doubtful


def test_a_sign_standing_in_for_a_mark_inside_a_word_is_still_noise() -> None:
    """Quartz's and Bullzip's stand-ins sit inside one word: neither side of the sign is a word."""
    stand_ins = "ข-อมูล อย/าง ภาคต2น"
    assert measure(stand_ins, {}).noise == 3
    assert measure(stand_ins, {}).doubtful


def test_a_sara_am_where_thai_has_none_is_noise() -> None:
    """A file naming จ sara am reads "ำะได้ล้าดับ" for จะได้ลำดับ: all Thai letters, so the kinds
    counted before passed it, and `check` called b15_06's garbled pages clean. Sara am
    after a consonant or its tone mark, and Word's "ท ำ" a repair joins, are no noise."""
    assert measure("ในข้อนี้ำะไม่มีความสูง โดยพิำรณา", {}).noise == 2
    assert measure("น้ำจำนวนมาก ต่ำกว่า ท ำงาน", {}).noise == 0
