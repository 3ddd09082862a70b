"""Each Thai repair rule, with the broken input it exists to fix."""

from __future__ import annotations

from collections import Counter

import pytest

from guidelight.thai.repair import (
    close_space_before_mark,
    compose_sara_am,
    drop_repeated_marks,
    drop_stranded_marks,
    map_pua,
    order_marks,
    plain_punctuation,
    remove_zero_width,
    repair_text,
)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("ความรู\uf70bเบื้องต\uf70bน", "ความรู้เบื้องต้น"),  # shifted mai tho (F70B)
        ("ป\uf710ญญา", "ปัญญา"),  # F710 is mai han-akat, not maitaikhu
        ("ลาป\uf705วย", "ลาป่วย"),  # F705 is mai ek (down-left shifted)
        ("ศาสตร\uf70e", "ศาสตร์"),  # thanthakhat
        ("ฐ\uf700", "ฐ\u0e10"),  # the table is total: F700 is tho than without its tail
        ("ขนมป\uf710ง ก\uf70dวยเตี\uf70cยว", "ขนมปัง ก๋วยเตี๊ยว"),
    ],
)
def test_pua_marks_map_back_to_standard_thai(broken: str, fixed: str) -> None:
    assert map_pua(broken) == fixed


def test_ornate_parentheses_and_unicode_hyphens_are_the_plain_ones() -> None:
    # Chrome's Skia with Segoe UI: a report's brackets and dates (b14_02 in batch 14).
    assert plain_punctuation("\ufd3eติดเชื้อ 495 คน\ufd3f 2021\u20100505") == "(ติดเชื้อ 495 คน) 2021-0505"
    counts: Counter[str] = Counter()
    assert repair_text("\ufd3erouting\ufd3f", counts) == "(routing)" and counts["punctuation"] == 2
    arabic = "\ufd3eبِسْمِ اللَّهِ\ufd3f"  # where Arabic is written they are its own brackets
    assert plain_punctuation(arabic) == arabic


def test_zero_width_characters_are_removed() -> None:
    assert remove_zero_width("ภาษา\u200bไทย\u00ad\ufeff") == "ภาษาไทย"
    # Direction marks and embeddings (Google Docs around Thai headings) are not read either.
    assert remove_zero_width("\u202dสมาชิก\u202c \u200eA\u200f \u2067x\u2069") == "สมาชิก A x"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("จ\u0e4d\u0e32กัด", "จำกัด"),
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # nikhahit, tone, sara aa
        ("น\u0e49\u0e4d\u0e32", "น้ำ"),  # tone, nikhahit, sara aa
        ("ขั้นต\u0e4d\u0e48\u0e33", "ขั้นต่ำ"),  # InDesign: the am's nikhahit glyph, then its tone and the am whole
    ],
)
def test_decomposed_sara_am_is_composed(broken: str, fixed: str) -> None:
    assert compose_sara_am(broken) == fixed


def test_space_between_syllable_and_its_mark_is_closed() -> None:
    assert close_space_before_mark("การใช \u0e49") == "การใช้"


def test_a_genuine_space_before_sara_aa_is_kept() -> None:
    # "consonant + space + า" is never rewritten from the characters alone: that decision
    # needs the glyph (see the zero-advance test in test_lines.py).
    assert repair_text("ไป า") == "ไป า"


def test_tone_before_vowel_is_reordered() -> None:
    assert order_marks("ก\u0e48\u0e35") == "กี่"


def test_repeated_marks_are_heard_once() -> None:
    assert drop_repeated_marks("ที\u0e48\u0e48") == "ที่"


def test_stranded_marks_are_dropped() -> None:
    assert drop_stranded_marks("\u0e48ก (\u0e49)") == "ก ()"


def test_a_tone_stored_after_a_leading_vowel_goes_back_onto_the_consonant_before_it() -> None:
    # Word 2016 (b16_33): the page shows ใช้เพื่อ, the text layer stores the mai tho after เ;
    # it was dropped as stranded, and "ใช" was heard.
    counts: Counter[str] = Counter()
    assert repair_text("grid ใชเ\u0e49พื่อแบ่ง", counts) == "grid ใช้เพื่อแบ่ง"
    assert counts["tone_past_vowel"] == 1 and not counts["stranded_mark"]
    assert repair_text("ที่เ\u0e48") == "ที่เ"  # the consonant has its tone: still stranded
    assert repair_text("ไดเ\u0e48\u0e49ป็น") == "ไดเป็น"  # two marks: which one is not known


def test_repair_counts_what_it_changed() -> None:
    counts: Counter[str] = Counter()
    assert repair_text("ค\uf70aา จ\u0e4d\u0e32", counts) == "ค่า จำ"
    assert counts["pua"] == 1 and counts["sara_am"] == 2  # nikhahit and sara aa replaced by sara am


def test_clean_text_is_untouched() -> None:
    text = "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์เลือกใช้ทรัพยากร (Scarcity) 1.9%"
    counts: Counter[str] = Counter()
    assert repair_text(text, counts) == text
    assert not counts


@pytest.mark.parametrize(("broken", "fixed"), [
    ("มุ่งพัุ่ งพัฒนา", "มุ่งพั่ งพัฒนา"),  # Canva: a copy's sara u over mai han-akat, its tone kept
    ("ติัาซ", "ติาซ"),
    ("สัิ ภาพ", "สั ภาพ"),
])
def test_a_second_vowel_stacked_on_one_consonant_is_an_overprint_left_out(broken: str, fixed: str) -> None:
    counts: Counter[str] = Counter()
    assert repair_text(broken, counts) == fixed
    assert counts["stacked_vowel"] == 1
    for spelled in ("กินข้าวที่บ้าน", "นักศึกษาคิดถึง", "ครั้งที่ปฺ"):  # one vowel each: untouched
        assert repair_text(spelled) == spelled


def test_a_page_with_a_stacked_vowel_left_out_says_so() -> None:
    from guidelight.core.model import PageQuality
    from guidelight.gui.i18n import tr

    quality = PageQuality(thai_chars=100, repairs=(("stacked_vowel", 1),))
    assert quality.doubtful and quality.notices == ("stacked_vowel",)
    assert "left out" in tr("page.stacked_vowel", "en", page=3) and "ข้าม" in tr("page.stacked_vowel", "th", page=3)
