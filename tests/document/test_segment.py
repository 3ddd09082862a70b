"""Sentences and words of Thai and mixed paragraphs, offsets included."""

from __future__ import annotations

from guidelight.core.model import Lang
from guidelight.thai.segment import segment_paragraph, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_thai_paragraph_is_cut_into_sentences_at_phrase_spaces() -> None:
    text = "ความขาดแคลนหมายถึงสภาพที่ทรัพยากรมีน้อยกว่าความต้องการ เมื่อเราเลือกทำสิ่งหนึ่ง เราย่อมต้องสละโอกาสที่จะทำสิ่งอื่น"
    sentences = _sentences(text)
    assert len(sentences) >= 2
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")


def test_dotted_abbreviations_never_end_a_sentence() -> None:
    # crfcut alone cuts after "พ.ศ.", after "ก.พ." and inside "ก.พ.ร."
    text = "เราย่อมต้องสละโอกาส ใน พ.ศ. 2567 สำนักงาน ก.พ.ร. ได้ออกประกาศ"
    for sentence in _sentences(text):
        assert not sentence.endswith(("พ.ศ.", "ก.พ.", "ก.พ.ร."))
        assert not sentence.startswith(("2567", "ร."))
    joined = " ".join(_sentences(text))
    assert "พ.ศ. 2567" in joined and "ก.พ.ร." in joined


def test_file_names_addresses_and_numbers_never_end_a_sentence() -> None:
    # Thai course texts name files and sites: "เปิดไฟล์ index." and "html ด้วย..." were two sentences.
    for name in ("index.html", "Protel99se_trail_version.exe", "www.example.com", "128!18", "๑.๕"):
        text = f"เปิดไฟล์ {name} ด้วยเบราว์เซอร์ที่ติดตั้งไว้ในเครื่อง"
        assert any(name in sentence for sentence in _sentences(text)), _sentences(text)
    assert _sentences("ทำงานเสร็จแล้ว. ประโยคใหม่เริ่มต้นที่นี่") == ["ทำงานเสร็จแล้ว.", "ประโยคใหม่เริ่มต้นที่นี่"]


def test_a_list_number_opens_its_item_and_ends_no_sentence() -> None:
    # Every numbered heading and list item was two sentences, the first "1." alone: a
    # listener moving by sentence heard the number, then its item (3,056 of 13,120
    # paragraphs of the corpus and batch 14 changed, nearly all of them numbered items).
    for text in ("1. การควบคุมด้วยมือ (Manual)", "2.3. การติดตั้งโปรแกรม", "๑. ความเป็นมา", "1. Introduction to Python"):
        assert _sentences(text) == [text]
    # inside a paragraph, an item begins its sentence: not "การวางแผน 2." and "การจัดองค์กร"
    assert _sentences("มีดังนี้ 1. การวางแผน 2. การจัดองค์กร") == ["มีดังนี้", "1. การวางแผน", "2. การจัดองค์กร"]
    # a number a word names stays with it; a number that counts nothing ends its sentence
    assert _sentences("ข้อ 1. จงอธิบายความหมายของตัวแปร") == ["ข้อ 1. จงอธิบายความหมายของตัวแปร"]
    assert _sentences("ผลลัพธ์ที่ได้คือ 5. ต่อมาเราจะเขียนฟังก์ชัน")[0] == "ผลลัพธ์ที่ได้คือ 5."
    assert _sentences("ก่อตั้งเมื่อปี 2500. ต่อมาได้ย้าย")[0] == "ก่อตั้งเมื่อปี 2500."


def test_english_runs_are_segmented_as_english() -> None:
    text = "ความขาดแคลน (Scarcity) คือ list comprehension ใน Python"
    words = [w for s in segment_paragraph(text) for w in s.words]
    english = [text[w.start : w.end] for w in words if w.lang is Lang.ENGLISH]
    assert english == ["Scarcity", "list", "comprehension", "Python"]
    thai = [text[w.start : w.end] for w in words if w.lang is Lang.THAI]
    assert "ความขาดแคลน" in thai and "คือ" in thai


def test_english_sentences_split_but_not_after_abbreviations() -> None:
    text = "The demand rose by 10%. Dr. Smith explained why. Prices fell."
    assert _sentences(text) == ["The demand rose by 10%.", "Dr. Smith explained why.", "Prices fell."]


def test_offsets_are_shifted_into_the_page_text() -> None:
    page_text = "หัวข้อ\n\nนักศึกษาอ่านหนังสือ"
    sentences = segment_paragraph(page_text[8:], offset=8)
    assert page_text[sentences[0].start : sentences[-1].end] == "นักศึกษาอ่านหนังสือ"
    words = [page_text[w.start : w.end] for w in sentences[0].words]
    assert words[0] == "นักศึกษา" and "".join(words) == "นักศึกษาอ่านหนังสือ"


def test_thai_digits_are_words_of_no_language() -> None:
    words = segment_paragraph("ปี ๒๔๗๕")[0].words
    assert words[-1].lang is Lang.OTHER
