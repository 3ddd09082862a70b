"""The title said on opening a document: its own, its first heading, or its file name."""

from __future__ import annotations

import pytest

from guidelight.core.model import Document
from guidelight.core.titles import HEADING_TITLE_MAX, document_title, named_title, titled
from tests.pages import build_page, words_of

LECTURE = build_page(1, [(0, [words_of("หน้า|ปก")]), (1, [words_of("บทที่ 1  อุปสงค์|และ|อุปทาน")]),
                         (2, [words_of("1.1 ความ|หมาย")])])
NO_HEADING = build_page(1, [(0, [words_of("เนื้อ|หา")])])


@pytest.mark.parametrize("metadata", [
    "", "   ", "Microsoft Word - week1.docx", "Microsoft PowerPoint - econ101.pptx", "doc.html", "slides.pdf",
    "Untitled", "PowerPoint Presentation", "Slide 1", "Document1", "w1", "ไม่มีชื่อ",
])
def test_a_title_that_only_names_a_file_or_is_a_placeholder_gives_way_to_the_first_heading(metadata: str) -> None:
    assert named_title(metadata, "/course/w1.pdf") == ""
    assert document_title(metadata, LECTURE, "/course/w1.pdf") == "บทที่ 1 อุปสงค์และอุปทาน"


def test_the_pdfs_own_title_comes_first_on_one_line() -> None:
    assert document_title("  เศรษฐศาสตร์\nเบื้องต้น ", LECTURE, "w1.pdf") == "เศรษฐศาสตร์ เบื้องต้น"
    assert document_title("Principles of Economics", None, "w1.pdf") == "Principles of Economics"


def test_without_a_title_or_a_heading_the_file_name_is_said() -> None:
    assert document_title("Microsoft Word - w1.docx", NO_HEADING, "/course/บทที่1-เศรษฐศาสตร์.pdf") \
        == "บทที่1-เศรษฐศาสตร์"
    assert document_title("", None, "/course/w1.pdf") == "w1"


def test_a_long_heading_is_cut() -> None:
    long = build_page(1, [(1, [words_of("ยาว" * 100)])])
    assert len(document_title("", long, "x.pdf")) == HEADING_TITLE_MAX


def test_titled_reads_the_first_page_only_when_the_title_is_not_the_documents_own() -> None:
    loaded: list[int] = []

    def load(number: int):
        loaded.append(number)
        return LECTURE

    named = Document(title="เศรษฐศาสตร์", page_count=1, content_hash="a", loader=load, source_path="/c/w1.pdf")
    assert titled(named).title == "เศรษฐศาสตร์" and loaded == []
    unnamed = Document(title="w1", page_count=1, content_hash="b", loader=load, source_path="/c/w1.pdf")
    assert titled(unnamed).title == "บทที่ 1 อุปสงค์และอุปทาน" and loaded == [1]


def test_without_a_title_or_a_heading_the_running_head_names_the_document() -> None:
    from dataclasses import replace

    calendar = replace(NO_HEADING, furniture=("- 1 -", "ปฏิทินกิจกรรมสหกิจศึกษา", "งานสหกิจศึกษา คณะอุตสาหกรรม"))
    assert document_title("", calendar, "/x/school_project__ปฏิทิน_1-68(คณะฯ).pdf") == "ปฏิทินกิจกรรมสหกิจศึกษา"
    lab = replace(NO_HEADING, furniture=("ปฏิบัติการครั้งที่ 1. หน้าที่ 3.",))
    assert document_title("", lab, "lab1.pdf") == "ปฏิบัติการครั้งที่ 1."  # its page number left off
    numbers_only = replace(NO_HEADING, furniture=("หน้า 3", "12"))
    assert document_title("", numbers_only, "/course/w1.pdf") == "w1"
    assert document_title("", replace(LECTURE, furniture=calendar.furniture), "w1.pdf") == "บทที่ 1 อุปสงค์และอุปทาน"


def test_a_heading_read_by_ocr_must_be_words_to_be_the_title() -> None:
    from dataclasses import replace

    from guidelight.core.model import TextSource
    from guidelight.thai.fit import mostly_words

    letterhead = build_page(1, [(1, [words_of("สนจแฟตป สิหญ้าเกยแกยปรี")]), (1, [words_of("สนาม|ฟุตบอล|หญ้า|เทียม")])])
    scanned = replace(letterhead, source=TextSource.OCR)
    assert document_title("", scanned, "letter.pdf", mostly_words) == "สนามฟุตบอลหญ้าเทียม"
    assert document_title("", letterhead, "letter.pdf", mostly_words) == "สนจแฟตป สิหญ้าเกยแกยปรี"  # a text layer's own
    assert not mostly_words("สนจแฟตป สิหญ้าเกยแกยปรี") and mostly_words("Functional Module 2")
