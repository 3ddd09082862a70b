"""Layout decisions that lose or garble text a listener cannot see: page furniture,
text off the page, headings and paragraph breaks (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pymupdf
import pytest

from guidelight.cli.main import main
from guidelight.core.model import Page, ParagraphKind
from guidelight.extract.layout import furniture_key, paragraphs
from guidelight.extract.lines import Line
from guidelight.extract.pdf import open_document
from guidelight.gui.pages import page_note
from guidelight.thai.repair import is_mark

from .conftest import SARABUN, SARABUN_BOLD

MakePdf = Callable[..., Path]
FORM = "แบบใบลาป่วย ลาคลอดบุตร ลากิจส่วนตัว ของบุคลากรในมหาวิทยาลัย"
BODY = "เศรษฐศาสตร์เป็นวิชาที่ศึกษาว่ามนุษย์และสังคมเลือกใช้ทรัพยากรที่มีอยู่อย่างจำกัด"
NOTE = "หมายเหตุ: 1. กรณีลาไม่เกิน 15 วัน ให้ยื่นใบลาต่อผู้บังคับบัญชาตามลำดับชั้น"


def texts(page: Page, kind: ParagraphKind | None = None) -> list[str]:
    return [page.text[p.start : p.end] for p in page.paragraphs if kind is None or p.kind is kind]


def test_small_print_at_the_foot_of_a_form_is_read(make_pdf: MakePdf) -> None:
    # Set smaller than the body and in the bottom margin, but on one page only: not furniture.
    pages = [
        [(FORM, 72, 100, 14, SARABUN), (FORM, 72, 130, 14, SARABUN), (NOTE, 72, 790, 9, SARABUN),
         ("1", 297, 820, 9, SARABUN)],
        [(FORM, 72, 100, 14, SARABUN), ("ลงชื่อผู้ลา และวันที่ยื่นใบลา", 72, 200, 14, SARABUN),
         ("2", 297, 820, 9, SARABUN)],
    ]
    doc = open_document(make_pdf(pages))
    first = doc.page(1)
    assert NOTE in first.text
    assert first.furniture == ("1",)


def test_a_one_page_posters_authors_at_its_foot_are_read(make_pdf: MakePdf) -> None:
    # A project poster of one page (b18_32) names its two authors and their student numbers
    # in small print at its foot: with no other page to repeat on, they were guessed to be
    # a running foot and left out.
    lines = [(BODY, 72, 100 + 20 * i, 14, SARABUN) for i in range(8)]
    lines += [("นายกวิน ชินพงศ์", 120, 790, 10, SARABUN), ("นายพีรวิชญ์ อามาตรมนตรี", 330, 790, 10, SARABUN),
              ("61070505203", 125, 806, 10, SARABUN), ("61070505204", 335, 806, 10, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    assert "นายกวิน ชินพงศ์" in page.text and "61070505204" in page.text
    assert not page.furniture and not page.dropped


def test_a_list_item_at_a_pages_foot_in_the_rhythm_of_its_list_is_read(make_pdf: MakePdf) -> None:
    # A competition's rules (b18_20) list each programme's requirements, the GPA under the
    # programme's name, a step in: at two pages' feet the same requirement (numbers aside)
    # stood in the bottom tenth, and both were dropped as a running foot.
    def page(programme: str, gpa: str) -> list[tuple[str, float, float, float, Path]]:
        body = [(BODY, 72, 634 + 21 * i, 16, SARABUN) for i in range(6)]
        return [*body, (f"- สาขาวิชา{programme}", 171, 760, 16, SARABUN),  # the foot's tenth begins at 758
                (f"- มีผลการเรียนเฉลี่ยสะสม GPAX ไม่น้อยกว่า {gpa}", 193, 781, 16, SARABUN)]

    doc = open_document(make_pdf([page("วิศวกรรมเคมี", "3.25"), page("วิศวกรรมอุตสาหการ", "3.00")]))
    assert "ไม่น้อยกว่า 3.25" in doc.page(1).text and "ไม่น้อยกว่า 3.00" in doc.page(2).text


def test_beamers_navigation_dots_under_each_slide_are_not_read(tmp_path: Path) -> None:
    # A Beamer deck (b18_22) draws its mini-frames, a small dot for each slide of each
    # section, in the corner of every slide; their counts differ from slide to slide, so
    # they never recurred as a foot does, and 110 lines of dots were heard.
    doc = pymupdf.open()
    for dots in (3, 5, 8):
        page = doc.new_page(width=363, height=272)
        page.insert_font(fontname="S", fontfile=str(SARABUN))
        page.insert_text((20, 40), "การหาปริพันธ์โดยแยกเศษส่วนย่อย", fontname="S", fontsize=14)
        page.insert_text((20, 70), BODY, fontname="S", fontsize=11)
        page.insert_text((20, 90), BODY, fontname="S", fontsize=11)
        page.insert_text((230, 263), " ".join("." * dots), fontname="S", fontsize=4)
        page.insert_text((230, 270), ". .", fontname="S", fontsize=4)
    doc.save(tmp_path / "deck.pdf")
    read = open_document(tmp_path / "deck.pdf")
    for number in (1, 2, 3):
        assert all(re.search(r"[^.\s]", text) for text in texts(read.page(number)))


def test_a_short_line_opening_with_a_bold_label_is_no_heading(make_pdf: MakePdf) -> None:
    # A calculus text (b18_03) opens each example with a bold label and a few regular words
    # over its display formula: "ตัวอย่าง5.2.2. จงหาค่าของ" was a level-1 heading, 20 times.
    label = "ตัวอย่าง 5.2.2."
    after = 72 + pymupdf.Font(fontfile=str(SARABUN_BOLD)).text_length(label + " ", 16)
    # A bold title going on in a regular qualifier is a heading still (a proposal's
    # "ข้อจำกัด (ถ้ามี)", b18_38).
    title = "ข้อจำกัด"
    qualified = 72 + pymupdf.Font(fontfile=str(SARABUN_BOLD)).text_length(title + " ", 16)
    lines = [("5.2 ปริพันธ์ไม่จำกัดเขต", 72, 80, 16, SARABUN_BOLD), (BODY, 72, 110, 16, SARABUN),
             (label, 72, 140, 16, SARABUN_BOLD), ("จงหาค่าของ", after, 140, 16, SARABUN),
             ("(4x + 2)dx", 200, 170, 16, SARABUN), (BODY, 72, 200, 16, SARABUN),
             (title, 72, 240, 16, SARABUN_BOLD), ("(ถ้ามี)", qualified, 240, 16, SARABUN), (BODY, 72, 270, 16, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    headings = [text.replace(" ", "") for text in texts(page, ParagraphKind.HEADING)]
    assert headings == ["5.2ปริพันธ์ไม่จำกัดเขต", "ข้อจำกัด(ถ้ามี)"]
    assert f"{label} จงหาค่าของ" in page.text


def test_a_bold_note_under_a_section_is_no_heading(make_pdf: MakePdf) -> None:
    # A project proposal (b21_06) ends its budget with "*หมายเหตุ ขอถัวจ่ายทุกรายการ" in bold:
    # it was a level-1 heading, above the numbered sections 10 and 11 around it.
    lines = [("10. งบประมาณ", 72, 80, 16, SARABUN_BOLD), (BODY, 72, 110, 16, SARABUN), (FORM, 72, 132, 16, SARABUN),
             ("*หมายเหตุ ขอถัวจ่ายทุกรายการ", 72, 172, 16, SARABUN_BOLD),
             ("11. ผลที่คาดว่าจะได้รับ", 72, 212, 16, SARABUN_BOLD), (BODY, 72, 242, 16, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["10. งบประมาณ", "11. ผลที่คาดว่าจะได้รับ"]
    assert "*หมายเหตุ ขอถัวจ่ายทุกรายการ" in texts(page)


def test_a_one_page_documents_number_above_the_bottom_tenth_is_its_page_number(make_pdf: MakePdf) -> None:
    # An XeTeX essay of one page (b16_16) sets its page number "1" at 83% of the page: with
    # no other page to show where numbers stand, it was read after the last sentence.
    lines = [(BODY, 72, 100 + 20 * i, 14, SARABUN) for i in range(8)] + [("1", 300, 700, 10, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    assert page.furniture == ("1",) and not page.text.endswith("1")


CONTENTS = [("คำนำ", "ก"), ("สารบัญ", "ข-ค"), ("หน่วยงานและเบอร์ติดต่อ", "1"), ("ด้านบุคลากร", "2"),
            ("การตรวจบริการศัลย์พยาธิ", "4"), ("มาตรฐานการส่งตรวจทางศัลย์พยาธิ", "5"), ("การบริการทางเซลล์วิทยา", "14")]


def test_a_contents_page_without_leaders_reads_each_entry_with_its_page(make_pdf: MakePdf) -> None:
    # A hospital's manual (b17_02) sets its contents with no dot leaders, the page numbers
    # flush right: each number was a paragraph after its entry, and the bold entries were
    # headings, so heading navigation listed every chapter twice.
    lines = [("สารบัญ", 270, 80, 18, SARABUN_BOLD)]
    for k, (entry, page) in enumerate(CONTENTS):
        lines += [(entry, 72, 120 + 22 * k, 16, SARABUN_BOLD if k % 2 else SARABUN),
                  (page, 530 - pymupdf.Font(fontfile=str(SARABUN)).text_length(page, 16), 120 + 22 * k, 16, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    assert texts(page, ParagraphKind.BODY) == [f"{entry} {number}" for entry, number in CONTENTS]
    assert texts(page, ParagraphKind.HEADING) == ["สารบัญ"]


def test_a_contents_entry_wrapped_over_two_lines_is_one_paragraph_with_its_page(make_pdf: MakePdf) -> None:
    # An army regulation's annex list (b17_25) wraps a long entry, its page number on the
    # entry's second line; an entry typed with its number after spaces ends where it stands.
    font = pymupdf.Font(fontfile=str(SARABUN))
    rows = [("ส่วนที่ ๑ รหัสตัวพยัญชนะและเลขประจำของส่วนราชการ", None),
            ("ระดับหน่วยขึ้นตรงกองทัพบกที่ได้รับอนุมัติ", "๑"), ("ส่วนที่ ๒ รหัสตัวพยัญชนะของหน่วยทหาร", "๑๒"),
            ("ส่วนที่ ๓ หลักเกณฑ์การกำหนดรหัส", "๒๕")]
    lines = [(" สารบัญภาพ" + " " * 60 + "๐", 72, 100, 16, SARABUN)]
    for k, (entry, page) in enumerate(rows, start=1):
        lines.append((entry, 72, 100 + 22 * k, 16, SARABUN))
        if page:
            lines.append((page, 530 - font.text_length(page, 16), 100 + 22 * k, 16, SARABUN))
    page = open_document(make_pdf([lines])).page(1)
    assert texts(page)[1:] == [f"{rows[0][0]}{rows[1][0]} ๑", "ส่วนที่ ๒ รหัสตัวพยัญชนะของหน่วยทหาร ๑๒",
                               "ส่วนที่ ๓ หลักเกณฑ์การกำหนดรหัส ๒๕"]


def test_a_column_of_counts_beside_their_items_is_no_contents(make_pdf: MakePdf) -> None:
    # Numbers that do not count up down the page are a table's, not page numbers.
    counts = [(entry, number) for (entry, _), number in zip(CONTENTS, ("12", "3", "40", "7", "25", "1", "9"), strict=True)]
    lines = [(entry, 72, 120 + 22 * k, 16, SARABUN) for k, (entry, _) in enumerate(counts)]
    lines += [(number, 500, 120 + 22 * k, 16, SARABUN) for k, (_, number) in enumerate(counts)]
    page = open_document(make_pdf([lines])).page(1)
    assert not any(f"{entry} {number}" == text for entry, number in counts for text in texts(page))


def test_a_catchword_at_a_pages_foot_is_furniture_when_the_next_page_begins_with_it(make_pdf: MakePdf) -> None:
    # A Thai official document (b17_25, 48 of its 225 pages) ends each page with the next
    # page's first words between "/" and "...": each was heard twice, once with its slash.
    pages = [
        [("- ๑ -", 280, 60, 14, SARABUN), (BODY, 72, 100, 14, SARABUN), (BODY, 72, 130, 14, SARABUN),
         ("/ข้อ ๑๑ หนังสือภายนอก...", 420, 770, 14, SARABUN)],
        [("- ๒ -", 280, 60, 14, SARABUN), ("ข้อ ๑๑ หนังสือภายนอก คือ หนังสือติดต่อราชการที่เป็นแบบพิธี", 72, 100, 14, SARABUN),
         (BODY, 72, 130, 14, SARABUN), ("/ข้อ ๑๓ หนังสือสั่งการ...", 420, 770, 14, SARABUN)],
        [("- ๓ -", 280, 60, 14, SARABUN), (BODY, 72, 100, 14, SARABUN)],
    ]
    doc = open_document(make_pdf(pages))
    first, second = doc.page(1), doc.page(2)
    assert "หนังสือภายนอก" not in first.text and "/ข้อ ๑๑ หนังสือภายนอก..." in first.furniture
    assert "/ข้อ ๑๓ หนังสือสั่งการ..." in second.text  # the next page begins otherwise: the page's own


def test_a_catchword_above_a_pages_number_and_running_foot_is_furniture(make_pdf: MakePdf) -> None:
    # A plan's appendix of orders (b17_12) sets each memo's catchword over the memo's own
    # page number ("-2-") and the report's title at the page's foot: the catchword was not
    # the page's last row, and was heard before the next page said the same words.
    foot = "แผนยุทธศาสตร์การพัฒนาข้าราชการกรมควบคุมโรค พ.ศ. 2557 – 2561"
    pages = [[(BODY, 72, 100, 14, SARABUN), (BODY, 72, 130, 14, SARABUN), ("/2.6 นายยุทธพงษ์...", 420, 730, 14, SARABUN),
              ("-2-", 290, 750, 14, SARABUN), (foot, 150, 790, 12, SARABUN)],
             [("2.6 นายยุทธพงษ์ เกียรติยุทธชาติ นักทรัพยากรบุคคลชำนาญการพิเศษ", 72, 100, 14, SARABUN),
              (BODY, 72, 130, 14, SARABUN), (foot, 150, 790, 12, SARABUN)],
             [(BODY, 72, 100, 14, SARABUN), (foot, 150, 790, 12, SARABUN)]]
    first = open_document(make_pdf(pages)).page(1)
    assert "นายยุทธพงษ์" not in first.text and "/2.6 นายยุทธพงษ์..." in first.furniture


def test_a_title_every_page_repeats_is_heard_once_and_a_running_head_never(make_pdf: MakePdf) -> None:
    """A calendar (real-thai-2) repeats its title block at the top of each of its pages; the
    title (set larger than the body) was dropped as a running head on all of them, so the
    student never heard what the document was. A small running head stays furniture."""
    title, head, university = "ปฏิทินกิจกรรมสหกิจศึกษา", "เอกสารประกอบการสอน", "มหาวิทยาลัยเทคโนโลยีราชมงคล ประจำปีการศึกษา 2568"
    bold = pymupdf.Font(fontfile=str(SARABUN_BOLD))

    def centred(text: str, size: float) -> float:
        return 297 - bold.text_length(text, fontsize=size) / 2

    page = [(head, 72, 30, 10, SARABUN), (title, centred(title, 18), 60, 18, SARABUN_BOLD),  # as the calendar sets it
            (university, centred(university, 16), 96, 16, SARABUN_BOLD), (NOTE, 72, 140, 16, SARABUN),
            (NOTE, 72, 300, 16, SARABUN)]
    doc = open_document(make_pdf([page, page, page]))
    first, *others = [doc.page(n) for n in (1, 2, 3)]
    assert texts(first, ParagraphKind.HEADING) == [title, university]  # two headings, not glued into one
    assert head in first.furniture and head not in first.text
    for later in others:
        assert title in later.furniture and title not in later.text and head in later.furniture


def test_a_drop_cap_starts_its_paragraph(make_pdf: MakePdf) -> None:
    """A book sets each paragraph's first letter large, down over its first two lines, its
    baseline on the second's. It joined the second line's row: "ศ าสตร์ของ...", and a P was
    heard inside its paragraph ("... ผลของ Pแบบจำลอง")."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    words = ["มนุษย์", "และสังคม", "เลือกใช้", "ทรัพยากร", "ที่มีอยู่", "อย่างจำกัด", "เพื่อสนอง", "ความต้องการ", "ที่ไม่จำกัด"] * 6

    def paragraph(cap: str, first: str, top: float) -> list[tuple[str, float, float, float, Path]]:
        inset = 72 + font.text_length(cap, fontsize=48) + 2
        drawn = [(cap, 72.0, top + 17, 48.0, SARABUN)]
        left_over, y = [first, *words], top
        while left_over:
            row, left = "", inset if len(drawn) < 3 else 72.0
            while left_over and font.text_length(f"{row} {left_over[0]}".strip(), fontsize=14) <= 450 - left:
                row = f"{row} {left_over.pop(0)}".strip()
            drawn.append((row, left, y, 14.0, SARABUN))
            y += 17
        return drawn

    thai = paragraph("ศ", "าสตร์ของวิศวกรรมไฟฟ้า", 120)
    latin = paragraph("P", "rogramming", 320)
    found = texts(open_document(make_pdf([thai + latin])).page(1))
    assert len(found) == 2
    assert found[0].startswith("ศาสตร์ของวิศวกรรมไฟฟ้า มนุษย์") and found[1].startswith("Programming มนุษย์")
    assert found[1].count("P") == 1


def _letter_spaced(text: str, left: float, right: float, y: float, size: float) -> list[tuple[str, float, float, float, Path]]:
    """``text`` set from ``left`` to ``right``, its letters spaced out as justification does."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    clusters = re.findall(r".[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*", text)
    widths = [font.text_length(c, fontsize=size) for c in clusters]
    extra, x, drawn = (right - left - sum(widths)) / (len(clusters) - 1), left, []
    for cluster, width in zip(clusters, widths, strict=True):
        drawn.append((cluster, x, y, size, SARABUN))
        x += width + extra
    return drawn


def test_a_one_line_paragraph_at_an_indent_ends_before_the_next_at_it(make_pdf: MakePdf) -> None:
    """A law sets each definition as a paragraph with a first-line indent; one of a single
    line ("“การศึกษาขั้นพื้นฐาน” หมายความว่า การศึกษาก่อนระดับอุดมศึกษา") was heard run
    into the next, whose first run of Thai up to a space was too long to have fitted after it."""
    wrapped = "และสังคมโดยการถ่ายทอดความรู้การฝึกการอบรมการสืบสานทางวัฒนธรรม"
    defined = [
        ("“การศึกษา”หมายความว่ากระบวนการเรียนรู้เพื่อความเจริญงอกงามของบุคคล", [wrapped, "ตลอดชีวิต"]),
        ("“ผู้สอน” หมายความว่า ครูและคณาจารย์ในสถานศึกษา", []),
        ("“การศึกษาตลอดชีวิต”หมายความว่าการศึกษาที่เกิดจากการผสมผสานระหว่าง", [wrapped, "ตามอัธยาศัย"]),
        ("“สถานศึกษา”หมายความว่าสถานพัฒนาเด็กปฐมวัยโรงเรียนศูนย์การเรียน", [wrapped, "หรือหน่วยงานการศึกษา"]),
    ]
    lines: list[tuple[str, float, float, float, Path]] = []
    y = 100.0
    for first, rest in defined:  # the first line at the indent, the wrapped ones from the column's edge
        lines += _letter_spaced(first, 162.0, 539.0, y, 12.0) if rest else [(first, 162.0, y, 12.0, SARABUN)]
        for k, text in enumerate(rest):
            y += 16
            lines += _letter_spaced(text, 90.0, 539.0, y, 12.0) if k < len(rest) - 1 else [(text, 90.0, y, 12.0, SARABUN)]
        y += 16
    found = texts(open_document(make_pdf([lines])).page(1))
    assert [text[:12] for text in found] == [first[:12] for first, _ in defined]


def test_a_first_line_spread_by_justification_is_one_line(make_pdf: MakePdf) -> None:
    """XeTeX justifies a paragraph's indented first line with one wide gap, 1.7 sizes
    across; its two halves were heard as two paragraphs, and the rest as a third."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    head, tail = "การใช้ชีวิตในเมืองใหญ่เต็มไปด้วยความท้าทาย", "ทั้งในเรื่องของการจราจรที่คับคั่งและ"
    gap = 24.0  # as the real page's: too wide to join as one line's words
    right = 149.0 + font.text_length(head, fontsize=14.3) + gap + font.text_length(tail, fontsize=14.3)

    rest = ["ความเร่งรีบของผู้คนที่ต้องแข่งขันกันเพื่อความสำเร็จอย่างไรก็ตาม",
            "ในความวุ่นวายเหล่านี้ยังมีมุมสงบเงียบที่ให้ผู้คนสามารถพักผ่อน",
            "และผ่อนคลายได้สวนสาธารณะและพื้นที่สีเขียวในเมืองใหญ่เป็นที่",
            "ที่ผู้คนสามารถหนีจากความเครียดได้ในช่วงสุดสัปดาห์หลายครอบครัว"]
    lines = [(head, 149.0, 130.0, 14.3, SARABUN), (tail, right - font.text_length(tail, fontsize=14.3), 130.0, 14.3, SARABUN)]
    for k, text in enumerate(rest):
        lines += _letter_spaced(text, 134.0, right, 145.5 + 15.5 * k, 14.3)
    lines.append(("มักจะพากันออกไปเที่ยว", 134.0, 145.5 + 15.5 * len(rest), 14.3, SARABUN))
    found = texts(open_document(make_pdf([lines])).page(1))
    assert len(found) == 1 and found[0].startswith(f"{head} {tail}ความเร่งรีบ")


def test_text_off_the_page_is_reported_not_dropped_silently(make_pdf: MakePdf, capsys) -> None:
    pdf = make_pdf([[(FORM, 72, 100, 14, SARABUN), ("ข้อความที่อยู่นอกหน้ากระดาษ", 72, 900, 14, SARABUN)]])
    page = open_document(pdf).page(1)
    assert FORM in page.text
    assert page.dropped == ("ข้อความที่อยู่นอกหน้ากระดาษ",)
    assert page_note(page, "en", lambda: None) == (
        "Page 1: 1 lines are left out of the reading: outside the page, written vertically, or taken for a page header.")
    assert main(["check", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "DROPPED 1 lines" in out and "ข้อความที่อยู่นอกหน้ากระดาษ" in out
    assert "pages with text left out: 1" in out


def test_a_landscape_page_stored_rotated_keeps_all_its_text(tmp_path: Path) -> None:
    # Slides printed as portrait pages shown turned a quarter, their text turned back:
    # on the unrotated page it lies beyond the shown page's height (595 points).
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    page.set_rotation(90)
    for k, x in enumerate((100, 300, 500)):
        page.insert_text((x, 800), f"ข้อที่ {k + 1} แบบใบลาป่วย", fontname="s", fontsize=14, rotate=90)
    doc.save(tmp_path / "turned.pdf")
    read = open_document(tmp_path / "turned.pdf").page(1)
    assert all(f"ข้อที่ {k}" in read.text for k in (1, 2, 3))
    assert read.dropped == ()


def _worksheet_lines() -> list[tuple[str, float, float, float, Path]]:
    """A worksheet: its title, a bold heading in the body size, and numbered exercises,
    each with two answer lines of dots set small (more characters than all the text)."""
    lines: list[tuple[str, float, float, float, Path]] = [
        ("ใบงานที่ 3 เรื่อง การวัดความยาวและมวล", 72, 100, 20, SARABUN_BOLD),
        ("ขั้นตอนการปฏิบัติ", 72, 130, 16, SARABUN_BOLD),
    ]
    y = 154.0
    for k, task in enumerate(EXERCISES, start=1):
        lines.append((f"{k}. {task}", 72, y, 16, SARABUN))
        lines += [("." * 150, 72, y + 18, 12, SARABUN), ("." * 150, 72, y + 36, 12, SARABUN)]
        y += 60
    return lines


EXERCISES = [
    "วัดความยาวของโต๊ะเรียนด้วยไม้บรรทัด แล้วบันทึกผล",
    "ชั่งมวลของหนังสือเรียนด้วยเครื่องชั่ง แล้วบันทึกผล",
    "เปรียบเทียบผลการวัดกับเพื่อนในกลุ่ม",
]


def test_exercise_lines_are_body_text_and_the_bold_heading_is_a_heading(make_pdf: MakePdf) -> None:
    page = open_document(make_pdf([_worksheet_lines()])).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["ใบงานที่ 3 เรื่อง การวัดความยาวและมวล", "ขั้นตอนการปฏิบัติ"]
    assert [p.level for p in page.paragraphs if p.is_heading] == [1, 2]
    body = texts(page, ParagraphKind.BODY)
    assert all(f"{k}. {task}" in body for k, task in enumerate(EXERCISES, start=1))


def test_two_headings_one_under_the_other_stay_two(make_pdf: MakePdf) -> None:
    pdf = make_pdf([[
        ("ขั้นตอนการปฏิบัติ", 72, 100, 16, SARABUN_BOLD),
        ("ตอนที่ 1 การเตรียมอุปกรณ์", 72, 124, 16, SARABUN_BOLD),
        (BODY, 72, 150, 16, SARABUN),
        ("การศึกษาผลกระทบของการเปลี่ยนแปลงสภาพภูมิอากาศ", 130, 220, 22, SARABUN_BOLD),
        ("ต่อการเกษตรของประเทศไทย", 200, 250, 22, SARABUN_BOLD),
        (BODY, 72, 290, 16, SARABUN),
        ("บทที่ 2", 270, 360, 22, SARABUN_BOLD),
        ("อุปสงค์", 272, 400, 22, SARABUN_BOLD),
        (BODY, 72, 440, 16, SARABUN),
    ]])
    page = open_document(pdf).page(1)
    assert texts(page, ParagraphKind.HEADING) == [
        "ขั้นตอนการปฏิบัติ",
        "ตอนที่ 1 การเตรียมอุปกรณ์",
        "การศึกษาผลกระทบของการเปลี่ยนแปลงสภาพภูมิอากาศต่อการเกษตรของประเทศไทย",  # one centred title
        "บทที่ 2 อุปสงค์",  # a chapter's number over its name
    ]


def test_a_numbered_question_wrapped_under_its_own_text_is_one_paragraph(make_pdf: MakePdf) -> None:
    # Word's hanging indent: the question's second line starts under its text, not its number;
    # the last words are set in bold for emphasis.
    first = "7. สมัยรัชกาลที่ 5 เกิดเหตุการณ์ ร.ศ. 112 เสียดินแดนให้ฝรั่งเศสครั้งใหญ่ ถ้าต้องการทราบว่า"
    pdf = make_pdf([[
        (first, 60, 100, 16, SARABUN),
        ("ตรงกับปีพุทธศักราชใด จะต้องทำอย่างไร", 78, 122, 16, SARABUN),
        ("8. การปรับปรุงประเพณีการปกครองสมัยรัชกาลที่ 4 เพื่อให้พระมหากษัตริย์ใกล้ชิดราษฎร", 60, 150, 16, SARABUN),
        ("ยกเว้นข้อใด", 78, 172, 16, SARABUN_BOLD),
        ("1. ถวายฎีการ้องทุกข์ได้", 96, 194, 16, SARABUN),
    ]])
    page = open_document(pdf).page(1)
    assert texts(page) == [
        first + "ตรงกับปีพุทธศักราชใด จะต้องทำอย่างไร",
        "8. การปรับปรุงประเพณีการปกครองสมัยรัชกาลที่ 4 เพื่อให้พระมหากษัตริย์ใกล้ชิดราษฎรยกเว้นข้อใด",
        "1. ถวายฎีการ้องทุกข์ได้",
    ]


def test_a_hanging_indent_goes_on_after_any_first_line(make_pdf: MakePdf) -> None:
    """The hanging indent of an exam's question ("ข้อที่ 1.", which is no list marker) and of a
    term set before its text ("ฟังก์ชั่น :") was taken for a first-line indent: the question's
    first line was heard as a paragraph of its own, cut mid-sentence ("... 1 ตัวเป็นข้อมูล" /
    "ชนิดสตริง ..."). A paragraph's last line run to the edge still ends it before an indent."""
    question = [("ข้อที่ 1. (10 คะแนน) จงเขียนฟังก์ชัน strconv ซึ่งรับพารามิเตอร์ (Input Parameter) 1 ตัวเป็นข้อมูล", 60),
                ("ชนิดสตริงของอักขระอักษรภาษาอังกฤษ โดยฟังก์ชันนี้จะทำหน้าที่แปลงอักขระไปเป็น", 78),
                ("ตัวเลขจำนวนเต็ม ดังหลักเกณฑ์ต่อไปนี้", 78)]
    terms = [("ฟีเจอร์ : พนักงานสามารถทำรายการชำระเงินให้ลูกค้า", 100),
             ("ฟังก์ชั่น : ระบบจะทำงานโดยบันทึกการสั่งซื้อเครื่องดื่มตามที่ลูกค้าต้องการ แสดงผลการ", 100),
             ("สั่งซื้อ และบันทึกรายละเอียดพร้อมสถานะของ Order", 136)]
    prose = [(BODY, 60), (BODY, 60), (BODY, 96)]  # a paragraph, then the next one's first-line indent
    pdf = make_pdf([[(text, x, 100 + 17 * k, 12, SARABUN) for k, (text, x) in enumerate(question)]
                    + [(text, x, 180 + 20 * k, 13, SARABUN) for k, (text, x) in enumerate(terms)]
                    + [(text, x, 260 + 17 * k, 12, SARABUN) for k, (text, x) in enumerate(prose)]])
    page = open_document(pdf, use_cache=False).page(1)
    assert texts(page) == ["".join(text for text, _ in question), terms[0][0], terms[1][0] + terms[2][0],
                           BODY * 2, BODY]


def test_a_wide_line_over_an_indented_one_is_no_hanging_indent_when_right_aligned_or_a_heading(
        make_pdf: MakePdf) -> None:
    """A journal's author block is set flush right: its English line runs to the edge and
    the Thai names under it start further in, which read as a hanging indent and joined
    them ("... Suwannatthachote² พงศกร ..."). A law lecture's 18-point heading runs to the
    edge over its 16-point paragraph, set in: they were joined too."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    right = 60 + font.text_length(BODY, 12)

    def fitted(text: str, size: float, width: float) -> str:
        while font.text_length(text, size) > width:
            text = text[:-1]
        return text.rstrip()

    authors = ["Pongsakorn Techasermwattanakul and Praweenya Suwannatthachote", "พงศกร เตชะเสริมวัฒนากุล และปราวีณยา"]
    flush_right = [(text, right - font.text_length(text, 12), 140 + 17 * k, 12, SARABUN) for k, text in enumerate(authors)]
    heading = fitted("หมวด 3 : สิทธิและเสรีภาพของปวงชนชาวไทย (Rights and Liberties of the Thai People) ด้วย", 14, right - 60)
    section = [(heading, 60, 200, 14, SARABUN), (fitted(BODY, 12, right - 96), 96, 220, 12, SARABUN),
               (BODY, 60, 237, 12, SARABUN)]
    page = open_document(make_pdf([[(BODY, 60, 100, 12, SARABUN), *flush_right, *section]]), use_cache=False).page(1)
    heard = texts(page)
    assert authors[0] in heard and authors[1] in heard, heard
    assert heading in heard, heard


def _flush_left(size: float, rows: list[tuple[str, float]]) -> list[tuple[str, float, float, float, Path]]:
    """Lines of Sarabun at one size, all starting 60 pt in, at the given baselines."""
    return [(text, 60, y, size, SARABUN) for text, y in rows]


def test_a_number_wrapped_to_the_start_of_a_line_does_not_start_a_paragraph(make_pdf: MakePdf) -> None:
    # Chromium wraps "... อาจสูงขึ้นถึง" / "2.5 เมตร ...": the line before runs to the edge,
    # so "2.5" is a measure, not section 2.5 (it was heard as a paragraph of its own).
    full = "ในฤดูน้ำหลากระดับน้ำในแม่น้ำเจ้าพระยาช่วงที่ไหลผ่านชุมชนริมฝั่งอาจสูงขึ้นถึง"
    pdf = make_pdf([_flush_left(16, [
        (full, 100), ("2.5 เมตร ทุกครัวเรือนจึงต้องยกเรือนให้สูง", 122),
        ("2.6 การเตรียมรับมือ", 160), ("ชาวบ้านเตรียมเรือไว้ใช้", 182),
    ])])
    assert texts(open_document(pdf).page(1)) == [
        full + " 2.5 เมตร ทุกครัวเรือนจึงต้องยกเรือนให้สูง",
        "2.6 การเตรียมรับมือ",
        "ชาวบ้านเตรียมเรือไว้ใช้",
    ]


def test_a_line_ending_in_a_word_a_number_follows_goes_on_with_the_number(make_pdf: MakePdf) -> None:
    # A co-op report's letter (b21_29): "... ระหว่างวันที่ 4 พฤศจิกายน 2562 ถึงวันที่" / "21
    # กุมภาพันธ์ 2563 ในตำแหน่ง ...": Word broke the line with room left for "21", and the
    # sentence was heard as two paragraphs. No paragraph ends on "วันที่" or "ไม่เกิน".
    wide = "ตามที่ข้าพเจ้าได้ไปปฏิบัติงานสหกิจศึกษา ณ บริษัทแห่งหนึ่งในจังหวัดนครราชสีมาเป็นเวลาสี่เดือนเต็ม"
    pdf = make_pdf([_flush_left(16, [
        (wide, 100), ("ระหว่างวันที่ 4 พฤศจิกายน 2562 ถึงวันที่", 122), ("21 กุมภาพันธ์ 2563 ในตำแหน่ง Developer", 144),
        ("สมาชิกในทีมมีไม่เกิน", 182), ("2 คน ต่อหนึ่งโรงเรียน", 204),
        ("รายการทั้งหมดมี", 242), ("1. การสมัคร", 264),
    ])])
    assert texts(open_document(pdf).page(1)) == [
        f"{wide}ระหว่างวันที่ 4 พฤศจิกายน 2562 ถึงวันที่ 21 กุมภาพันธ์ 2563 ในตำแหน่ง Developer",
        "สมาชิกในทีมมีไม่เกิน 2 คน ต่อหนึ่งโรงเรียน",
        "รายการทั้งหมดมี",
        "1. การสมัคร",
    ]


def test_paragraph_spacing_a_fifth_of_the_line_pitch_ends_a_paragraph(make_pdf: MakePdf) -> None:
    # LibreOffice with Norasi, 14 pt: lines 31 pt apart, paragraphs 38 pt. The next
    # paragraph's first run has no space, so the short line before cannot tell.
    line = "ชุมชนริมฝั่งแม่น้ำเจ้าพระยาเป็นตัวอย่างที่ดีของการใช้ทรัพยากรที่มีอยู่อย่างจำกัด"
    pdf = make_pdf([_flush_left(14, [
        (line, 100), (line, 131), ("ที่นี่มากว่า 60 ปี", 162),
        ("ฝ่ายปกครองท้องถิ่นได้จัดทำโครงการคลองสวยน้ำใสเพื่อขุดลอกคลอง", 200), (line, 231),
    ])])
    assert len(texts(open_document(pdf).page(1))) == 2


def test_a_list_number_set_a_tab_before_its_text_is_read_with_it(make_pdf: MakePdf) -> None:
    """Word sets "1." and a tab, then the item's text 28 points on (1.75 sizes), and its
    wrapped line back under the number: each number was heard as a paragraph of its own,
    then its text."""
    lines = [("ขอบเขตและข้อจำกัดของโปรแกรม", 72, 90, 18, SARABUN_BOLD)]
    for k, number in enumerate(("1.", "2.")):
        y = 120 + 50 * k
        lines += [(number, 72, y, 16, SARABUN), (BODY, 113, y, 16, SARABUN), (PHRASES[k + 1], 72, y + 21, 16, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page)[1:] == [f"1. {BODY}{PHRASES[1]}", f"2. {BODY}{PHRASES[2]}"]


def test_a_number_set_close_to_thai_starts_a_list_item(make_pdf: MakePdf) -> None:
    # Word reports list their objectives as "1.ศึกษา ..." with no space after the point: the
    # item after a wrapped one was glued to it ("... ของคณะ 2.พัฒนาระบบ ..."), since its
    # first run, the whole line, would not have fitted after the short line before.
    pdf = make_pdf([_flush_left(16, [
        ("1.ศึกษาความต้องการของผู้ใช้และออกแบบระบบจองห้องเรียนสำหรับนักศึกษา", 100), ("ของคณะ", 122),
        ("2.พัฒนาระบบจองห้องเรียนด้วยภาษาไพทอนและฐานข้อมูล", 144), ("3.ทดสอบระบบกับผู้ใช้จริง", 166),
        ("ระดับน้ำ 2.5 เมตรเป็นระดับที่ปลอดภัยสำหรับชุมชนริมฝั่งแม่น้ำเจ้าพระยาทั้งหมด", 204),
    ])])
    found = texts(open_document(pdf).page(1))
    assert [text[:2] for text in found[:3]] == ["1.", "2.", "3."], found
    assert found[0].endswith("ของคณะ")


def test_the_item_after_one_with_its_date_and_a_full_note_under_it_starts_a_paragraph(make_pdf: MakePdf) -> None:
    # b21_01's schedule: each item has its date on its row and a note under it; the note
    # under 5.2 runs to the edge, and "5.3 ส่งโครงงาน" was heard as the note's last words.
    note = "แสดงวงจรทั้งหมด การวิเคราะห์วงจร การเชื่อมต่อโครงงาน การจำลองผลหรือการทดสอบระบบ"
    rows = [("5.1 นำเสนอหัวข้อโครงงาน", "28-29 มีนาคม 2565", "พร้อมทั้งหลักการ แนวความคิด วงจร"),
            ("5.2 รายงานความก้าวหน้า", "18-19 เมษายน 2565", note),
            ("5.3 ส่งโครงงาน ในรูปแบบ File", "23 พฤษภาคม 2565", "ไฟล์นำเสนอแบบ Powerpoint")]
    lines = []
    for k, (item, date, under) in enumerate(rows):
        y = 100 + 44 * k
        lines += [(item, 70, y, 14, SARABUN), (date, 330, y, 14, SARABUN), (under, 90, y + 22, 14, SARABUN)]
    found = texts(open_document(make_pdf([lines])).page(1))
    assert [text.split()[0] for text in found if text.startswith("5.")] == ["5.1", "5.2", "5.3"], found
    assert note in found


PHRASES = ["การศึกษาเศรษฐศาสตร์ช่วยให้เข้าใจการตัดสินใจ", "ของครัวเรือนและธุรกิจ", "ภายใต้ทรัพยากรที่มีจำกัด",
           "ทั้งในระยะสั้นและระยะยาว", "รวมถึงบทบาทของรัฐบาล"]


def _long_paragraphs_pdf(path: Path) -> Path:
    """Three long Thai paragraphs laid out in Loma over several A4 pages, so that page
    breaks fall inside paragraphs."""
    para = " ".join(PHRASES[i % len(PHRASES)] for i in range(60))
    html = "".join(f"<p>ย่อหน้าที่ {k} {para}</p>" for k in range(1, 4))
    css = ("@font-face {font-family: l; src: url(Loma.ttf);} * {font-family: l; font-size: 14px;}"
           " p {margin: 0 0 8px 0;}")
    story = pymupdf.Story(html, user_css=css, archive=pymupdf.Archive("/usr/share/fonts/truetype/tlwg"))
    writer = pymupdf.DocumentWriter(str(path))
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(60, 60, 535, 780))
        story.draw(device)
        writer.end_page()
    writer.close()
    return path


def test_paragraphs_cut_by_page_breaks_are_whole_in_the_reading_text(tmp_path: Path) -> None:
    doc = open_document(_long_paragraphs_pdf(tmp_path / "long.pdf"))
    assert doc.page_count >= 3
    # Each page ends inside a paragraph, and the paragraph goes on overleaf.
    assert [doc.page(n).continues for n in range(1, doc.page_count + 1)] == [True] * (doc.page_count - 1) + [False]
    read = doc.reading_text().split("\n\n")
    assert [p.split(" ", 1)[0] for p in read] == ["ย่อหน้าที่"] * 3  # three paragraphs, none broken
    assert len({len(p) for p in read}) == 1


def test_a_paragraph_ending_at_the_foot_of_a_page_does_not_run_on(make_pdf: MakePdf) -> None:
    pages = [
        [(BODY, 72, 760, 16, SARABUN), ("สิ้นสุดย่อหน้า", 72, 784, 16, SARABUN)],  # its last line is short
        [(BODY, 72, 100, 16, SARABUN), ("จบแล้ว", 72, 124, 16, SARABUN)],
        [(BODY, 72, 760, 16, SARABUN), (BODY, 72, 784, 16, SARABUN)],  # full, but a bold heading follows
        [("บทที่ 2 อุปสงค์", 72, 100, 16, SARABUN_BOLD), (BODY, 72, 130, 16, SARABUN)],
    ]
    doc = open_document(make_pdf(pages))
    assert [doc.page(n).continues for n in (1, 2, 3, 4)] == [False, False, False, False]
    assert doc.reading_text().count("\n\n") == 4


def test_a_theorems_head_atop_a_page_does_not_continue_the_proof_before_it(make_pdf: MakePdf) -> None:
    # A set theory text in XeLaTeX (b15_08) ends a proof at the foot of a page with no full
    # stop, a full line, and opens the next with "ทฤษฎีบท 5.3. (ZL) ⇒ (WOP)": the head was
    # heard glued to the proof's last word.
    label = "ทฤษฎีบท 5.3."
    after = 72 + pymupdf.Font(fontfile=str(SARABUN_BOLD)).text_length(label + " ", 16)
    pages = [[(BODY, 72, 760, 16, SARABUN), (BODY, 72, 784, 16, SARABUN)],
             [(label, 72, 100, 16, SARABUN_BOLD), ("ถ้าทุกโซ่มีขอบเขตบนแล้วเซตนั้นมีสมาชิกใหญ่สุด", after, 100, 16, SARABUN),
              (BODY, 72, 124, 16, SARABUN)]]
    doc = open_document(make_pdf(pages))
    assert not doc.page(1).continues
    assert texts(doc.page(2))[0].startswith(label)


def test_a_label_atop_a_page_like_the_one_opening_the_paragraph_before_starts_a_paragraph(
    make_pdf: MakePdf,
) -> None:
    # A project form's entries each open with a bold label where the one before opened
    # ("ชื่อโครงงานภาษาไทย ..." / "ชื่อโครงงานภาษาอังกฤษ ..."). Within a page the second
    # starts a paragraph; atop the next page it ran on: the page's last paragraph was judged
    # by its last line, which has no label, as though it were its first.
    first, second = "ชื่อโครงงานภาษาไทย", "ชื่อโครงงานภาษาอังกฤษ"
    bold = pymupdf.Font(fontfile=str(SARABUN_BOLD))
    pages = [[(first, 72, 760, 16, SARABUN_BOLD), ("การพัฒนาระบบอ่านเอกสาร", 72 + bold.text_length(first + " ", 16), 760, 16,
                                                    SARABUN), (BODY, 72, 784, 16, SARABUN)],
             [(second, 72, 100, 16, SARABUN_BOLD), ("development of a reader", 72 + bold.text_length(second + " ", 16), 100, 16,
                                                     SARABUN), (BODY, 72, 124, 16, SARABUN)]]
    doc = open_document(make_pdf(pages))
    assert not doc.page(1).continues
    assert texts(doc.page(2))[0].startswith(second)


def test_a_bold_name_over_the_indented_start_of_what_they_said_ends_its_paragraph(make_pdf: MakePdf) -> None:
    # A seminar's minutes (b17_10) give each speaker's name and post in bold, then what they
    # said, its first line indented and, in a staircase, on the same centre: the name was heard
    # running into the statement, whose first run of Thai seemed to fit on the name's line.
    name = "แพทย์หญิงพรรณพิมล วิปุลากร รองอธิบดีกรมสุขภาพจิต"
    said = "กรมสุขภาพจิตจะเข้าไปร่วมบูรณาการในเรื่อง"
    width = pymupdf.Font(fontfile=str(SARABUN_BOLD)).text_length(name, 16)
    said_x = 108 + (width - pymupdf.Font(fontfile=str(SARABUN)).text_length(said, 16)) / 2  # one centre
    lines = [(name, 108, 100, 16, SARABUN_BOLD), (said, said_x, 122, 16, SARABUN),
             (BODY, 72, 144, 16, SARABUN), (BODY, 72, 166, 16, SARABUN)]
    page = open_document(make_pdf([lines])).page(1)
    assert texts(page)[0] == name and texts(page)[1].startswith(said)


def test_an_invisible_layer_over_handwriting_is_told_and_makes_no_headings(tmp_path: Path, monkeypatch) -> None:
    # An iPad's notes (b17_30): handwriting drawn as strokes, and under it, invisible, the
    # words the iPad recognised, each at its own guessed size: 43 headings of 14 levels, and
    # the page said nothing of whose text it was.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.draw_bezier((60, 90), (200, 40), (300, 160), (500, 90))  # a stroke of the pen
    for k, (text, size) in enumerate([("สรุปบทที่ 3", 30), (BODY, 14), ("ตัวแปรสุ่ม", 22), (BODY, 15), (BODY, 13)]):
        page.insert_text((60, 100 + 40 * k), text, fontname="S", fontsize=size, render_mode=3)
    doc.save(tmp_path / "notes.pdf")
    read = open_document(tmp_path / "notes.pdf").page(1)
    assert not texts(read, ParagraphKind.HEADING) and "ตัวแปรสุ่ม" in read.text
    assert "recognised_text" in read.quality.notices
    assert "ลายมือ" in page_note(read, "th", lambda: None)  # the app says so on entering the page
    from guidelight.extract import pdf

    monkeypatch.setattr(pdf, "ocr_available", lambda: "Tesseract is not installed")
    assert not pdf._worth_keeping(read)  # not cached: our OCR may read it once installed


def test_a_dash_at_a_line_start_is_not_a_thai_mark() -> None:
    """A dash item under a line (a calendar cell's "- ปัจฉิมนิเทศ") is spoken apart from it;
    only a real mark stranded at a line's start (ี, ่) goes back onto the line before."""
    from guidelight.extract.layout import join_lines, merge_rows
    from guidelight.extract.lines import Line

    assert join_lines("แบบสอบถามพนักงานที่ปรึกษา", "- ปัจฉิมนิเทศนักศึกษา", True) == (
        "แบบสอบถามพนักงานที่ปรึกษา - ปัจฉิมนิเทศนักศึกษา"
    )
    assert join_lines("ราคาน้ำมันเพิ", "่มขึ้น", False) == "ราคาน้ำมันเพิ่มขึ้น"
    assert join_lines("ความรู้ท", "ี่ได้", True) == "ความรู้ที่ได้"  # sara ii is a mark too
    # Two pieces of one row, a word gap apart: a dash starting the second keeps its space.
    left = Line("เวลา 09.00", 72, 90, 140, 104, 100, 14, False, 0, False)
    right = Line("- 12.00 น.", 150, 90, 210, 104, 100, 14, False, 0, False)
    assert [line.text for line in merge_rows([left, right])] == ["เวลา 09.00 - 12.00 น."]


def _slide_with_a_table(doc: pymupdf.Document, rows: list[tuple[str, ...]]) -> None:
    """A slide whose table of filled cells starts at the slide's top edge (the header
    row's fills begin just above it, as PowerPoint's do)."""
    page = doc.new_page(width=842, height=474)
    page.insert_font(fontname="s", fontfile=str(SARABUN))
    for n, row in enumerate(rows):
        top = -0.4 if n == 0 else 38.6 + 29.4 * (n - 1)
        bottom = 38.6 + 29.4 * n
        for k, text in enumerate(row):
            cell = pymupdf.Rect(50 + 180 * k, top, 230 + 180 * k, bottom)
            page.draw_rect(cell, color=(1, 1, 1), fill=(0.99, 0.92, 0.86) if n == 0 else (0.91, 0.93, 0.96))
            page.insert_text((cell.x0 + 6, bottom - 9), text, fontname="s", fontsize=16)
    page.insert_text((50, 430), BODY, fontname="s", fontsize=16)


def test_a_table_header_at_the_top_of_repeated_slides_is_not_a_running_head(tmp_path: Path) -> None:
    """A slide's table starts at the slide's top edge, and the next slide shows it again:
    its header row recurs in the margin like a running head, but it heads the table."""
    rows = [("FName", "Sex", "Salary", "StartDate"), ("กฤษฎา", "M", "30,000", "16/12/2010"),
            ("คณิน", "M", "70,000", "1/1/2010"), ("ญาดา", "F", "40,000", "1/1/2010")]
    doc = pymupdf.open()
    for _ in range(2):
        _slide_with_a_table(doc, rows)
    doc.save(tmp_path / "slides.pdf")
    read = open_document(tmp_path / "slides.pdf")
    for number in (1, 2):
        page = read.page(number)
        assert "FName" in page.text and "StartDate" in page.text
        assert not set(page.furniture) & {"FName", "Sex", "Salary", "StartDate"}


def test_numbers_in_thin_margins_that_stand_in_the_text_are_read(make_pdf: MakePdf) -> None:
    """Printed with thin margins, a page's first and last lines lie where page numbers do:
    a formula's number on a row of the page's own words, and a sample's column of numbers,
    are text; a page number, even just under the text as Word sets it, is still left out."""
    def page(number: int, variable: str) -> list:
        return [
            (f"ค่า {variable} ไม่เกิน", 60, 70, 11, SARABUN), ("109", 125, 70, 11, SARABUN),  # in the top tenth
            (BODY, 60, 85, 11, SARABUN), (BODY, 60, 100, 11, SARABUN),
            (BODY, 60, 757, 11, SARABUN), ("7", 60, 772, 11, SARABUN), ("10", 60, 787, 11, SARABUN),
            (str(number), 297, 800, 11, SARABUN),
        ]

    doc = open_document(make_pdf([page(1, "n"), page(2, "m")]))
    for number in (1, 2):
        read = doc.page(number)
        assert read.furniture == (str(number),)
        assert all(word in read.text.split() for word in ("109", "7", "10"))


def test_a_posters_three_columns_are_read_in_turn_each_paragraph_whole(make_pdf: MakePdf) -> None:
    """A poster: an abstract across the page, an authors line over two of its three
    columns, and in each column a paragraph of eight lines. Each column is read whole
    before the next, and its paragraph stays one (measured against its own column, not
    against the abstract that starts where it starts)."""
    abstract = [" ".join(PHRASES[k:] + PHRASES[:k]) for k in range(3)]
    lines = [(text, 40, 60 + 16 * k, 11, SARABUN) for k, text in enumerate(abstract)]
    lines.append(("ผู้จัดทำ นายสมชาย ใจดี และนางสาวสมหญิง รักเรียน", 40, 120, 11, SARABUN))
    short = PHRASES[1:]
    columns = [[("คอลัมน์" if i == 0 else "") + short[(k + i) % len(short)] for i in range(8)] for k in range(3)]
    for k, column in enumerate(columns):
        lines += [(text, 40 + 180 * k, 150 + 16 * i, 11, SARABUN) for i, text in enumerate(column)]
    paragraphs = texts(open_document(make_pdf([lines]), use_cache=False).page(1))
    expected = ["".join(abstract), "ผู้จัดทำ นายสมชาย ใจดี และนางสาวสมหญิง รักเรียน", *("".join(c) for c in columns)]
    assert ["".join(p.split()) for p in paragraphs] == ["".join(p.split()) for p in expected]


def test_a_contents_pages_numbers_stay_with_their_titles(make_pdf: MakePdf) -> None:
    titles = ["บทนำ", "ความหมายของเศรษฐศาสตร์", "อุปสงค์และอุปทาน", "ตลาดและราคา", "นโยบายการคลัง",
              "การค้าระหว่างประเทศ", "บทสรุป"]
    lines = [("สารบัญ", 260, 60, 18, SARABUN_BOLD)]
    lines += [(f"{i + 1}. {t}", 72, 110 + 24 * i, 14, SARABUN) for i, t in enumerate(titles)]
    lines += [(str(1 + 9 * i), 500, 110 + 24 * i, 14, SARABUN) for i in range(len(titles))]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    for i, title in enumerate(titles):
        assert f"{title} {1 + 9 * i}" in " ".join(text.split())


def test_the_heading_after_a_list_in_two_columns_follows_the_list(make_pdf: MakePdf) -> None:
    """A syllabus: topics 7.1-7.4 and 7.5-7.8 side by side, then heading 8 at the left,
    set a little apart: 7.1 to 7.8 are heard in order, then 8."""
    topics = ["การคิดเชิงคำนวณ", "การให้เหตุผล", "หลักการออกแบบ", "เครื่องมือ", "โครงสร้างข้อมูล",
              "การควบคุม", "การทดสอบ", "การแก้ไขโปรแกรม"]
    lines = [("7. หัวข้อวิชา", 72, 80, 14, SARABUN_BOLD)]
    lines += [(f"7.{i + 1}. {t}", 90 + 240 * (i // 4), 100 + 19 * (i % 4), 14, SARABUN) for i, t in enumerate(topics)]
    lines += [("8. วิธีการสอน", 72, 186, 14, SARABUN_BOLD), ("บรรยายตามหัวข้อวิชาและอภิปรายกลุ่ม", 90, 206, 14, SARABUN)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    order = [text.index(f"7.{i + 1}.") for i in range(8)] + [text.index("8. วิธีการสอน")]
    assert order == sorted(order)


@pytest.mark.parametrize("marks", [["1.", "2.", "3.", "4.", "5."], ["ก.", "ข.", "ค.", "ง.", "จ."]])
@pytest.mark.parametrize("question", [
    "ข้อใดไม่ใช่หลักวิชาการที่นักประวัติศาสตร์ใช้ศึกษาเรื่องถิ่นกำเนิดเดิมของชนชาติไทยในสมัยโบราณ",
    "อาชีพหลักของสุโขทัยคือข้อใด",  # a question no wider than the left column of choices
])
def test_an_exams_choices_in_two_columns_are_read_in_their_order(
    make_pdf: MakePdf, marks: list[str], question: str
) -> None:
    """Choices printed in rows of two (1. 2. / 3. 4. / 5.) under each question are heard
    1 to 5, not 1 3 5 and then 2 4, though the page's choices make two columns."""
    choices = ["โบราณคดี", "ภาษาศาสตร์", "ดาราศาสตร์", "มานุษยวิทยา", "ชีววิทยา"]
    lines, y = [], 80.0
    for q in range(4):
        lines.append((f"{q + 1}. {question}", 60, y, 14, SARABUN))
        for i, choice in enumerate(choices):
            lines.append((f"{marks[i]} {choice}", 90 + 220 * (i % 2), y + 22 + 20 * (i // 2), 14, SARABUN))
        y += 110
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    first = text.index(question)
    order = [text.index(f"{mark} {choice}", first) for mark, choice in zip(marks, choices, strict=True)]
    assert order == sorted(order)


def test_a_number_set_large_is_not_a_heading(make_pdf: MakePdf) -> None:
    """A curriculum sets its credit counts as large as its headings: "30" is not a heading,
    and does not push the real headings a level down."""
    lines = [
        ("1. หมวดวิชาศึกษาทั่วไป", 72, 80, 18, SARABUN_BOLD), ("30", 480, 80, 20, SARABUN_BOLD),
        (BODY, 72, 110, 14, SARABUN), (BODY, 72, 130, 14, SARABUN),
        ("2. หมวดวิชาเฉพาะ", 72, 170, 18, SARABUN_BOLD), ("12", 480, 170, 20, SARABUN_BOLD),
        (BODY, 72, 200, 14, SARABUN),
    ]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    headings = [(page.text[p.start : p.end], p.level) for p in page.paragraphs if p.kind is ParagraphKind.HEADING]
    assert headings == [("1. หมวดวิชาศึกษาทั่วไป", 1), ("2. หมวดวิชาเฉพาะ", 1)]


LISTING = ["\\documentclass{article}", "\\usepackage{amssymb}", "\\newcommand{\\R}{\\mathbb{R}}", "\\begin{document}",
           "The set of real numbers are usually represented", "\\end{document}"]


def _listing(font: Path | str) -> list[tuple[str, float, float, float, Path | str]]:
    """A Beamer slide's LaTeX listing in 9 pt, set in ``font``."""
    return [(text, 33, 90 + 11 * i, 9, font) for i, text in enumerate(LISTING)]


def _slide(make_pdf: MakePdf, *lines: tuple[str, float, float, float, Path | str]) -> Page:
    """A Beamer slide titled "Defining New Commands" in 14.3 pt, then ``lines``, as read."""
    title = ("Defining New Commands", 28, 20, 14.3, SARABUN_BOLD)
    return open_document(make_pdf([[title, *lines]]), use_cache=False).page(1)


def test_a_sentence_a_little_larger_than_a_code_listing_is_not_a_heading(make_pdf: MakePdf) -> None:
    """A Beamer slide: its title, a sentence in 11 pt and a listing of more lines in 9 pt.
    The listing's size is the page's commonest, but the sentence ending in a colon is body
    text, not a heading; the title, and a question set as large, are headings."""
    page = _slide(make_pdf, ("New commands are defined by newcommand; so let us see an example:", 28, 60, 11, SARABUN),
                  *_listing(SARABUN), ("ทำไมต้องนิยามคำสั่งใหม่?", 28, 180, 14.3, SARABUN_BOLD))
    assert texts(page, ParagraphKind.HEADING) == ["Defining New Commands", "ทำไมต้องนิยามคำสั่งใหม่?"]


def _order(text: str, marks: list[str]) -> list[int]:
    return [text.index(mark) for mark in marks]


def test_a_poems_two_half_lines_are_read_row_by_row(make_pdf: MakePdf) -> None:
    """A กลอน under its centred title: each row's first วรรค, then its second, row after row;
    never all first halves and then all second halves."""
    verses = ["แล้วหยิบยื่นหีบหมากไปนั่งหน้า", "เหลือบดูตาต้องใจให้คะนึง", "ประสาเด็กเล็กน้อยยังพึ่งเรียน",
              "จึงยอมยื่นหีบหมากให้เพราะฝากถึง"]
    lines = [("นิราศภูเขาทอง", 250, 80, 16, SARABUN_BOLD)]
    for r in range(12):
        lines.append((f"{r + 1:02d}ก" + verses[(2 * r) % 4], 100, 120 + 24 * r, 14, SARABUN))
        lines.append((f"{r + 1:02d}ข" + verses[(2 * r + 1) % 4], 320, 120 + 24 * r, 14, SARABUN))
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [f"{r + 1:02d}{half}" for r in range(12) for half in "กข"]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_a_posters_ragged_boxes_under_a_title_over_both_are_read_box_by_box(make_pdf: MakePdf) -> None:
    """An Illustrator poster: a title running over the gutter, then two boxes of ragged
    lines whose rows are each their own (the right box's lines fall between the left's).
    Only justified columns were read apart under a title, and the two boxes' lines were
    heard in turn, one from each."""
    lines = [("ระบบการจองตั๋วหนัง", 150, 80, 30, SARABUN_BOLD)]
    lines += [(f"ซ้าย{i:02d}" + PHRASES[1 + i % 4], 70, 200 + 21 * i, 16, SARABUN) for i in range(10)]
    lines += [(f"ขวา{i:02d}" + PHRASES[1 + i % 3], 360, 215 + 20 * i, 15, SARABUN) for i in range(8)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    assert text.index("ซ้าย09") < text.index("ขวา00")
    assert _order(text, [f"ขวา{i:02d}" for i in range(8)]) == sorted(_order(text, [f"ขวา{i:02d}" for i in range(8)]))


def test_two_ragged_columns_on_one_line_grid_under_a_title_are_read_column_by_column(make_pdf: MakePdf) -> None:
    """A Word poster (b15_34): a title over both columns, then two columns of Thai set flush
    left, so ragged, whose lines sit on the same rows; the left column runs on below the
    right. Each printed line was a paragraph of its own, heard after the other column's."""
    lines = [("การวิเคราะห์ศักยภาพทางธุรกิจ กรณีศึกษา", 122, 80, 20, SARABUN_BOLD),
             ("เพื่อเป็นสารสนเทศประกอบการพิจารณา", 130, 106, 20, SARABUN_BOLD)]
    ragged = [PHRASES[0][: len(PHRASES[0]) - i % 4] for i in range(9)]  # ends up to 20 points apart
    lines += [(f"ซ้าย{i:02d}" + ragged[i], 50, 150 + 17 * i, 11, SARABUN) for i in range(9)]
    lines += [("ซ้าย09" + PHRASES[4], 50, 150 + 17 * 9, 11, SARABUN)]
    lines += [(f"ขวา{i:02d}" + ragged[(i + 2) % 9], 330, 150 + 17 * i, 11, SARABUN) for i in range(5)]
    lines += [("ขวา05" + PHRASES[3], 330, 150 + 17 * 5, 11, SARABUN)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    left, right = [f"ซ้าย{i:02d}" for i in range(10)], [f"ขวา{i:02d}" for i in range(6)]
    assert _order(text, left + right) == sorted(_order(text, left + right))


def test_a_heading_beside_the_next_columns_line_is_not_joined_to_it(make_pdf: MakePdf) -> None:
    """A Publisher newsletter (b15_27): three columns; the first opens with an 18-point heading
    whose second line sits on the row of a line of the second column, nearer to it than the
    columns' lines come to one another.
    The two were joined into one line across the gutter, which then hid the gutter, and
    all three columns were heard row by row."""
    lines = [("มารยาทในการใช้", 67, 110, 18, SARABUN_BOLD), ("สื่อสังคมออนไลน์", 67, 135, 18, SARABUN_BOLD)]
    lines += [(f"ซ้าย{i:02d}" + PHRASES[1 + i % 4], 40, 160 + 15 * i, 11, SARABUN) for i in range(6)]
    lines += [(f"กลาง{i:02d}" + PHRASES[1 + (i + 1) % 4], 208, 100 + 15 * i, 11, SARABUN) for i in range(8)]
    lines += [(f"ขวา{i:02d}" + PHRASES[1 + (i + 2) % 4], 382, 100 + 15 * i, 11, SARABUN) for i in range(8)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = ["สื่อสังคมออนไลน์", *(f"ซ้าย{i:02d}" for i in range(6)), *(f"กลาง{i:02d}" for i in range(8)),
             *(f"ขวา{i:02d}" for i in range(8))]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_three_columns_whose_rows_meet_once_are_read_column_by_column(make_pdf: MakePdf) -> None:
    """A Publisher school magazine: under a heading that crosses the first gutter, three
    justified columns 15 and 12 points apart, each with rows of its own. The first two
    columns met on one row only, which was joined across their gutter, and the whole
    page was heard row by row across the three columns."""
    font = pymupdf.Font(fontfile=str(SARABUN))

    def column(mark: str, x: float, baselines: list[float]) -> list[tuple[str, float, float, float, Path]]:
        return [(f"{mark}{k:02d}" + PHRASES[1], x, y, 16, SARABUN) for k, y in enumerate(baselines)]

    width = font.text_length("ก00" + PHRASES[1], fontsize=16)
    second, third = 39 + width + 15, 39 + 2 * width + 27
    lines = [("ข้อเสียของการใช้เครือข่ายสังคม", 119, 203, 24, SARABUN_BOLD)]
    lines += column("ก", 39, [538.1 + 22.1 * k for k in range(8)])
    lines += column("ข", second, [432.7 + 22.1 * k for k in range(6)] + [571.2 + 22.1 * k for k in range(6)])
    lines += column("ค", third, [432.7 + 22.1 * k for k in range(13)])
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [f"{mark}{k:02d}" for mark, count in (("ก", 8), ("ข", 12), ("ค", 13)) for k in range(count)]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_two_ragged_columns_sharing_every_row_five_points_apart_are_read_in_turn(make_pdf: MakePdf) -> None:
    """A Publisher school magazine: two boxes side by side under one heading each, their
    ragged lines on the same rows and only 5 to 14 points apart, each box drawn whole
    before the next. Each row of the left box was joined to the row beside it, and the
    listener heard the two boxes' sentences interleaved, line by line."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    ends = ["ทั้งหมด", "ภายใต้", "ทุกวัน", "ต่อไป", "จำกัด", "เสมอ"]
    left = [f"ซ้าย{i:02d}" + PHRASES[1] + PHRASES[4] + end for i, end in enumerate(ends)]
    right = [f"ขวา{i:02d}" + PHRASES[4] + PHRASES[1] + end for i, end in enumerate(reversed(ends))]
    right_x = 40 + max(font.text_length(text, fontsize=10) for text in left) + 5
    lines = [("การคัดแยกขยะตามประเภท", 200, 150, 18, SARABUN_BOLD), ("ขยะทั่วไป", 40, 200, 10, SARABUN_BOLD)]
    lines += [(text, 40, 216 + 14 * i, 10, SARABUN) for i, text in enumerate(left)]
    lines += [("ขยะเปียก", right_x, 200, 10, SARABUN_BOLD)]
    lines += [(text, right_x, 216 + 14 * i, 10, SARABUN) for i, text in enumerate(right)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = ["ขยะทั่วไป", *(f"ซ้าย{i:02d}" for i in range(6)), "ขยะเปียก", *(f"ขวา{i:02d}" for i in range(6))]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_boxes_set_in_a_grid_are_read_row_by_row(make_pdf: MakePdf) -> None:
    """A Publisher magazine sets "ขั้นตอนที่ 1" to "ขั้นตอนที่ 5" as boxes in a grid, two to a
    row, each under its bold heading, 7 points apart: box 1, then 2 beside it, then 3 and
    4, then 5 alone. Read down one column and then the other, the steps came 1, 3, 5, 2, 4."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    ends = ["ทั้งหมด", "ภายใต้", "ทุกวัน"]
    body = [PHRASES[1] + PHRASES[4] + end for end in ends]
    right_x = 40 + max(font.text_length(f"ขั้น0ข้อ0{text}", fontsize=10) for text in body) + 7
    lines = []
    for step in range(1, 6):
        x, top = (40.0, 150 + 90 * ((step - 1) // 2)) if step % 2 else (right_x, 150 + 90 * ((step - 1) // 2))
        lines.append((f"ขั้นตอนที่ {step} การทำงาน", x + 20, top, 10, SARABUN_BOLD))
        lines += [(f"ขั้น{step}ข้อ{k}{text}", x, top + 18 + 14 * k, 10, SARABUN) for k, text in enumerate(body)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [mark for step in range(1, 6) for mark in (f"ขั้นตอนที่ {step}", *(f"ขั้น{step}ข้อ{k}" for k in range(3)))]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_two_columns_of_sections_that_start_level_twice_are_read_column_by_column(make_pdf: MakePdf) -> None:
    """A Word poster (b21_22) sets its sections in two columns of text boxes: the first two
    of each column start on one row, the rest each at its own height, four of them. Taken
    for a grid of boxes, it was read across, one section from each column in turn."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    body = [PHRASES[1] + PHRASES[4], PHRASES[0]]
    right_x = 40 + max(font.text_length(f"ซ0ข้อ0{text}", fontsize=10) for text in body) + 7
    tops = {"ซ": [150, 240, 300, 360, 420], "ข": [150, 240, 330]}
    lines = []
    for side, x in (("ซ", 40.0), ("ข", right_x)):
        for n, top in enumerate(tops[side], start=1):
            lines.append((f"หัวข้อ{side}{n} ของโปสเตอร์", x, top, 10, SARABUN_BOLD))
            lines += [(f"{side}{n}ข้อ{k}{text}", x, top + 18 + 14 * k, 10, SARABUN) for k, text in enumerate(body)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [f"หัวข้อ{side}{n}" for side in "ซข" for n in range(1, len(tops[side]) + 1)]
    assert _order(text, marks) == sorted(_order(text, marks)), text


def test_a_box_starting_a_little_left_of_the_gutter_below_it_is_not_joined_across(make_pdf: MakePdf) -> None:
    """The boxes of a Publisher page do not line up exactly: the upper right box starts
    2.5 points left of the lower one, whose rows showed the gutter. The upper box's row
    that nearly touched its neighbour was still joined to it across the gutter ("ฝ่าย
    ดูแลเด็ก ๆ ฝ่าย ได้รู้จักกันมากขึ้น")."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    ends = ["ทั้งหมด", "ภายใต้", "ทุกวัน"]
    body = [PHRASES[1] + PHRASES[4] + end for end in ends]
    right_x = 40 + max(font.text_length(f"บน0ข้อ0{text}", fontsize=10) for text in body) + 5
    lines = []
    for step, (x, top) in enumerate(((40.0, 150), (right_x - 2.5, 150), (40.0, 240), (right_x, 240)), start=1):
        lines.append((f"ข้อดีที่ {step} ของทีม", x + 20, top, 10, SARABUN_BOLD))
        rows = body if step > 2 else [*body[:1], PHRASES[1], PHRASES[3]]
        lines += [(f"บน{step}ข้อ{k}{text}", x, top + 18 + 14 * k, 10, SARABUN) for k, text in enumerate(rows)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert not any("บน1ข้อ0" in paragraph and "บน2ข้อ0" in paragraph for paragraph in texts(page))
    marks = [mark for step in range(1, 5) for mark in (f"ข้อดีที่ {step}", *(f"บน{step}ข้อ{k}" for k in range(3)))]
    assert _order(page.text, marks) == sorted(_order(page.text, marks))


def test_the_item_after_the_longest_in_a_list_of_one_line_items_is_its_own(make_pdf: MakePdf) -> None:
    """A project report lists what each user may do, items 3.1 to 3.9 and "หมายเลข 1" to
    "หมายเลข 4", none of them wrapped. The longest item set the list's right edge, so it
    seemed to run to the edge, and the item after it was heard glued to it."""
    items = ["สามารถเข้าสู่ระบบได้", "สามารถแก้ไขข้อมูลส่วนตัวของตัวเองได้", "สามารถดูข้อมูลทั่วไปของสมาชิกได้",
             "สามารถแก้ไขระยะเวลาและวันนัดการทำงานได้", "สามารถดูระยะเวลาและวันนัดการทำงานได้", "สามารถยกเลิกการจองได้"]
    numbered = [f"3.{k + 1} {item}" for k, item in enumerate(items)]
    labelled = [f"หมายเลข {k + 1} {item}" for k, item in enumerate(items[2:])]
    doc = open_document(make_pdf([[(text, 120, 100 + 30 * k, 16, SARABUN) for k, text in enumerate(items)]
                                  for items in (numbered, labelled)]), use_cache=False)
    assert texts(doc.page(1)) == numbered
    assert texts(doc.page(2)) == labelled


def test_a_forms_labels_are_read_with_their_values(make_pdf: MakePdf) -> None:
    rows = [("ชื่อ", "นายสมชาย"), ("นามสกุล", "ใจดี"), ("ชั้น", "มัธยมศึกษาปีที่สาม"), ("โรงเรียน", "สตรีวิทยา")]
    lines = [("ใบงานที่ 1", 72, 60, 16, SARABUN_BOLD)]
    lines += [(label, 72, 100 + 20 * i, 14, SARABUN) for i, (label, _) in enumerate(rows)]
    lines += [(value, 200, 100 + 20 * i, 14, SARABUN) for i, (_, value) in enumerate(rows)]
    lines += [(BODY, 72, 200 + 20 * k, 14, SARABUN) for k in range(3)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [part for row in rows for part in row]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_an_articles_longer_left_column_is_read_before_the_right(make_pdf: MakePdf) -> None:
    """The last page of a two-column article: the left column runs on well below the right
    one, its paragraphs spaced apart; the left column is still read whole first. Its own
    numbered headings do not make the page a list read across."""
    lines = []
    for side, x, count in (("ซ้าย", 50, 30), ("ขวา", 305, 12)):
        y = 100.0
        for i in range(count):
            head = {0: "1. บทนำ", 10: "2. วัตถุประสงค์"}.get(i) if side == "ซ้าย" else ("3. วิธีการ" if i == 8 else None)
            lines.append((head or f"{side}{i:02d}" + PHRASES[1 + i % 4] + "ต่อไป", x, y, 12, SARABUN))
            y += 14 + (8 if i % 6 == 5 else 0)
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    assert text.index("ซ้าย29") < text.index("ขวา00")


def test_a_short_bold_heading_ending_in_a_colon_stays_a_heading(make_pdf: MakePdf) -> None:
    lines = [("คำชี้แจง:", 72, 80, 17, SARABUN_BOLD), (BODY, 72, 110, 14, SARABUN), (BODY, 72, 130, 14, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["คำชี้แจง:"]


def test_a_bold_line_to_fill_in_is_no_heading(make_pdf: MakePdf) -> None:
    # A welfare form (b17_16): "เป็นเงินทั้งสิ้น……….บาท" in bold was a heading of level 66,
    # one level for each dot of its blank.
    blank = "เป็นเงินทั้งสิ้น" + "." * 40 + "บาท"
    lines = [(BODY, 72, 80, 14, SARABUN), (blank, 72, 130, 14, SARABUN_BOLD), (BODY, 72, 180, 14, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert not texts(page, ParagraphKind.HEADING)


def test_an_official_letters_head_is_read_row_by_row(make_pdf: MakePdf) -> None:
    """A หนังสือราชการ: its number at the left beside the university's address at the
    right, the date under the address, then เรื่อง and เรียน at the left again. The
    address and date are heard before เรื่อง, not after เรียน."""
    address = ["มหาวิทยาลัยเชียงใหม่", "239 ถนนห้วยแก้ว ตำบลสุเทพ", "อำเภอเมือง เชียงใหม่ 50200"]
    lines = [("ที่ อว 8393(9)/1234", 72, 140, 15, SARABUN)]
    lines += [(text, 360, 140 + 20 * i, 15, SARABUN) for i, text in enumerate(address)]
    lines += [("5 ธันวาคม 2566", 300, 220, 15, SARABUN)]
    lines += [("เรื่อง ขอเชิญเป็นวิทยากร", 72, 255, 15, SARABUN), ("เรียน คณบดีคณะวิทยาศาสตร์", 72, 280, 15, SARABUN),
              ("สิ่งที่ส่งมาด้วย กำหนดการ", 72, 305, 15, SARABUN)]
    lines += [(BODY + "และการจัดสรร", 108 if k == 0 else 72, 340 + 22 * k, 15, SARABUN) for k in range(3)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = ["ที่ อว", address[0], "อำเภอเมือง", "5 ธันวาคม", "เรื่อง", "เรียน", "สิ่งที่ส่งมาด้วย"]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_a_block_set_wholly_below_another_beside_it_is_read_after_it(make_pdf: MakePdf) -> None:
    """A sign-off: the signer's three lines at the right, then, below them at the left, the
    office's name, telephone and e-mail. Top to bottom: the signer first."""
    signer = ["ขอแสดงความนับถือ", "(ศาสตราจารย์สมชาย ใจดี)", "คณบดีคณะวิทยาศาสตร์"]
    office = ["งานบริการการศึกษา", "โทร. 0 5394 1234", "อีเมล sci@cmu.ac.th"]
    lines = [(BODY, 72, 80 + 22 * k, 15, SARABUN) for k in range(3)]
    lines += [(text, 330, 180 + 20 * i, 15, SARABUN) for i, text in enumerate(signer)]
    lines += [(text, 72, 280 + 20 * i, 15, SARABUN) for i, text in enumerate(office)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [*signer, *office]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_two_columns_set_far_from_the_pages_left_edge_are_read_in_turn(make_pdf: MakePdf) -> None:
    """A slide whose text starts a third of the way in (a picture at its left) holds two
    narrow columns, and a third beside them: the strip of margin left of the first two is
    not their gutter, and each of the three is read in turn."""
    column = [PHRASES[1 + i % 4][:10] for i in range(8)]
    lines = [("บทสรุป", 180, 60, 14, SARABUN_BOLD)]
    for c, x in zip("กขค", (180, 290, 440), strict=True):
        lines += [(f"{c}{i}" + text, x, 100 + 14 * i, 10, SARABUN) for i, text in enumerate(column)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    marks = [f"{c}{i}" for c in "กขค" for i in range(8)]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_a_curriculums_credits_are_heard_with_their_groups(make_pdf: MakePdf) -> None:
    """A curriculum's structure: each group of subjects at the left, its credits at the
    right of its row ("30 หน่วยกิต"). Each count is heard after its group, not all of them
    after the last group."""
    groups = [("1. หมวดวิชาศึกษาทั่วไป", "30"), ("1.1 กลุ่มวิชาภาษา", "12"),
              ("1.2 กลุ่มวิชามนุษยศาสตร์และสังคมศาสตร์", "3"), ("2. หมวดวิชาเฉพาะ", "101"),
              ("2.1 กลุ่มวิชาพื้นฐานวิชาชีพ", "28"), ("2.2 กลุ่มวิชาบังคับ", "52"), ("3. หมวดวิชาเลือกเสรี", "6")]
    lines = [("3.1.2. โครงสร้างหลักสูตร", 108, 100, 15, SARABUN)]
    for i, (group, credits) in enumerate(groups):
        lines += [(group, 144, 120 + 20 * i, 15, SARABUN), (f"{credits} หน่วยกิต", 440, 120 + 20 * i, 15, SARABUN)]
    text = " ".join(open_document(make_pdf([lines]), use_cache=False).page(1).text.split())
    for group, credits in groups:
        assert f"{group} {credits} หน่วยกิต" in text


def test_a_listings_bold_keywords_are_not_headings(make_pdf: MakePdf) -> None:
    """A Beamer slide's listing, syntax-highlighted: each line's keyword is bold in a
    monospaced font, so most of the line is bold. Code is no heading."""
    page = _slide(make_pdf, ("Simple commands", 28, 45, 10.9, SARABUN_BOLD),
                  ("New commands are defined by newcommand, so let us see an example:", 28, 62, 10.9, SARABUN),
                  *_listing("cobo"))
    assert texts(page, ParagraphKind.HEADING) == ["Defining New Commands", "Simple commands"]
    assert all(line in page.text for line in LISTING)


def test_a_code_face_the_pdf_does_not_flag_as_fixed_pitch_is_code() -> None:
    """Beamer's FiraCode is embedded without the fixed-pitch flag, so a listing's lines, their
    commands in SemiBold, were bold short lines: "1 \\documentclass{article}" was one of 44
    headings of a 13-slide deck (b18_23). A code face is told by its name too, but not a
    Thai typewriter face setting Thai, nor Arial Unicode MS or Monotype Corsiva."""
    from guidelight.extract.lines import _monospaced

    assert _monospaced({"flags": 20, "font": "FiraCode-SemiBold"}, "\\documentclass")
    assert _monospaced({"flags": 4, "font": "LMMono10-Regular"}, "print(x)")
    assert _monospaced({"flags": 8, "font": "Anything"}, "x = 1")
    assert not _monospaced({"flags": 4, "font": "TlwgTypewriter"}, "แบบคำร้อง")
    assert not _monospaced({"flags": 4, "font": "ArialUnicodeMS"}, "Unicode text")
    assert not _monospaced({"flags": 6, "font": "MonotypeCorsiva"}, "Certificate")


def test_a_groups_heading_after_a_full_line_keeps_its_credits_out_of_the_headings(make_pdf: MakePdf) -> None:
    """Under a note whose last line runs to the edge: the bold group "1.1 กลุ่มวิชาภาษา",
    and at the right of its row its credits, "12" and "หน่วยกิต", bold too. The group is
    a heading of its own, not the note's last words; "หน่วยกิต" is no heading."""
    lines = [(BODY + "ในกลุ่มวิชาภาษา", 72, 100 + 20 * k, 15, SARABUN) for k in range(2)]
    lines += [("1.1 กลุ่มวิชาภาษา", 72, 140, 15, SARABUN_BOLD), ("12", 424, 140, 15, SARABUN_BOLD),
              ("หน่วยกิต", 480, 140, 15, SARABUN_BOLD)]
    lines += [(f"000 10{k} ภาษาอังกฤษ {k}", 108, 160 + 20 * k, 15, SARABUN) for k in range(1, 4)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["1.1 กลุ่มวิชาภาษา"]


def test_a_covers_names_are_heard_name_then_surname(make_pdf: MakePdf) -> None:
    """A project report's cover sets its authors' names and surnames in two columns, as
    large as its title: each name is heard with its own surname, a space between, never
    a surname glued to the next author's name."""
    authors = [("นายธีรพล", "เตียวมรกฎ"), ("นายพงษ์เศรษฐ์", "แตงเส็ง"), ("นายประยุกต์", "เจตสิกทัต")]
    lines = [("โครงงานวิทยาศาสตร์", 233, 128, 23.3, SARABUN_BOLD), ("การพัฒนาโอซีอาร์ภาษาไทย", 180, 261, 21.4, SARABUN_BOLD)]
    for k, (name, surname) in enumerate(authors):
        lines += [(name, 192, 438 + 30 * k, 21.4, SARABUN_BOLD), (surname, 362, 438 + 30 * k, 21.4, SARABUN_BOLD)]
    text = open_document(make_pdf([lines]), use_cache=False).page(1).text
    for name, surname in authors:
        assert f"{name} {surname}" in text
    assert not any(surname + name in text for (_, surname), (name, _) in pairwise(authors))


def test_a_section_number_set_apart_from_its_typewriter_title_is_one_heading(make_pdf: MakePdf) -> None:
    """LaTeX sets "3.3.4" and then, two sizes along, a subsection title in typewriter
    type (\\texttt{F4: data/deps/deps.csv}) larger than the body: one heading, number
    first. Typewriter type set larger than the body is a title, not code."""
    lines = [("3.3.4", 100, 110, 12, SARABUN_BOLD), ("F4: data/deps/deps.csv", 165, 110, 12, "cobo")]
    lines += [(BODY, 100, 140 + 16 * k, 10, SARABUN) for k in range(4)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["3.3.4 F4: data/deps/deps.csv"]


def test_a_running_head_and_page_number_below_the_top_tenth_are_furniture(make_pdf: MakePdf) -> None:
    """A textbook with deep margins: each page's first row, at 12% of the page, holds the
    running head (the section on odd pages, the chapter on even ones) and the page number;
    two more pages have their numbers alone at 88%, high above the foot, in one place.
    None of it is read. A last page's answer, "-2", alone at its foot, is read."""
    def page(number: int) -> list[tuple[str, float, float, float, Path | str]]:
        head = "6.2 การเขียนคำสั่งแบบลำดับ" if number % 2 else "บทที่ 6 คำสั่งควบคุมทิศทาง"
        row = [(head, 72 if number % 2 else 300, 112, 14, SARABUN), (str(160 + number), 480 if number % 2 else 72, 112, 10, SARABUN)]
        return row + [(BODY, 72, 170 + 24 * k, 14, SARABUN) for k in range(6)]

    body = [(BODY, 72, 170 + 24 * k, 14, SARABUN) for k in range(6)]
    alone = [[*body, (str(number), 290, 740, 10, SARABUN)] for number in (165, 166)]
    answer = [*body, ("24. ข้อใดเป็นผลของ np.sum(np.min(x,axis=0))", 72, 640, 14, SARABUN), ("-2", 90, 700, 14, SARABUN)]
    doc = open_document(make_pdf([page(n) for n in range(1, 5)] + alone + [answer]), use_cache=False)
    for number in range(1, 7):
        read = doc.page(number)
        assert str(160 + number) not in read.text and "6.2" not in read.text and "บทที่" not in read.text, number
        assert str(160 + number) in read.furniture, number
    assert doc.page(7).text.endswith("-2")


def test_a_signature_at_the_foot_of_a_page_does_not_run_on(make_pdf: MakePdf) -> None:
    """A report's approval page ends with its adviser's name in brackets, under a signature
    at the right or centred, and its page number "(1)" high above the foot; the next page
    begins with a heading at the left. The name does not run on into it."""
    for x in (356, 237):
        pages = [
            [(BODY, 72, 600 + 22 * k, 16, SARABUN) for k in range(3)]
            + [("(ผศ.ดร.ศาตนาฏ กิจศิรานุวัตร)", x, 700, 16, SARABUN), ("(1)", 320, 745, 14, SARABUN)],
            [("หัวข้อโครงงานพิเศษ การพัฒนาบทเรียนออนไลน์", 72, 100, 16, SARABUN)]
            + [(BODY, 72, 130 + 22 * k, 16, SARABUN) for k in range(3)] + [("(2)", 290, 745, 14, SARABUN)],
        ]
        doc = open_document(make_pdf(pages), use_cache=False)
        assert not doc.page(1).continues, x
        assert "(1)" in doc.page(1).furniture


def test_a_browsers_print_time_at_every_pages_foot_is_furniture(make_pdf: MakePdf) -> None:
    """A notebook printed from a browser stamps "13/Oct/21 09:53" at each page's foot: the
    same on every page, so furniture, however its digits are spaced."""
    pages = [[(BODY, 72, 100 + 22 * k, 14, SARABUN) for k in range(4)] + [("13/Oct/21 09:53", 450, 800, 9, SARABUN)]
             for _ in range(3)]
    doc = open_document(make_pdf(pages), use_cache=False)
    assert all("13/Oct/21" not in doc.page(n).text for n in (1, 2, 3))


def test_a_textbook_page_mostly_code_keeps_its_prose_body_text(make_pdf: MakePdf) -> None:
    """A Python textbook's page: two lines of prose in 14 pt, a bold example heading, then
    a listing whose lines are code in 9 pt monospaced ending in a Thai comment in 11 pt.
    The code outnumbers the prose, so the body size was the code's and every sentence of
    prose, and each commented line, larger than it, was heard as a heading."""
    prose = ["หากต้องการแปลงชนิดข้อมูลใด ๆ ให้เป็นชนิดข้อมูลสตริง ให้เรียกใช้งานฟังก์ชันที่กำหนดไว้",
             "ดังตัวอย่างต่อไปนี้ ซึ่งแสดงการประกาศตัวแปรและการแปลงชนิดข้อมูลทีละขั้นตอน"]
    code = [("1 number_of_students = 245", "# ประกาศตัวแปร"), ("2 text_of_number = str(number_of_students)", "# แปลงค่า"),
            ("3 print(text_of_number, type(text_of_number))", "# แสดงผล")] * 3
    lines = [(text, 72, 100 + 22 * k, 14, SARABUN) for k, text in enumerate(prose)]
    lines.append(("ตัวอย่าง 4.2", 72, 160, 14, SARABUN_BOLD))
    for k, (statement, comment) in enumerate(code):
        lines += [(statement, 90, 185 + 14 * k, 9, "cour"), (comment, 90 + 5.4 * (len(statement) + 1), 185 + 14 * k, 11,
                                                              SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["ตัวอย่าง 4.2"]


def test_a_paragraph_set_one_and_a_half_spaced_among_single_spaced_ones_is_one(make_pdf: MakePdf) -> None:
    """A Google Docs printout sets one paragraph at 1.5 lines among single-spaced ones: each
    of its lines stood further from the next than the page's usual step, so each was a
    paragraph, broken mid-word ("ความเสี่ยงของโปร" / "เจกต์")."""
    single = [(BODY, 72, 100 + 17 * k, 14, SARABUN) for k in range(6)] + [("จึงเป็นที่มาของวิชานี้", 72, 202, 14, SARABUN)]
    spaced = [(BODY + "ของโปร", 72, 240, 14, SARABUN), ("เจกต์" + BODY, 72, 264, 14, SARABUN),
              (BODY + "ทั้งหมด", 72, 288, 14, SARABUN), ("และความเสี่ยงที่ต้องควบคุม", 72, 312, 14, SARABUN)]
    page = open_document(make_pdf([single + spaced]), use_cache=False).page(1)
    assert texts(page) == [BODY * 6 + "จึงเป็นที่มาของวิชานี้", BODY + "ของโปรเจกต์" + BODY * 2 + "ทั้งหมดและความเสี่ยงที่ต้องควบคุม"]


def test_a_dash_set_close_to_thai_starts_a_list_item(make_pdf: MakePdf) -> None:
    """"-เก็บรวบรวม ..." under a numbered step is an item of its own, not the step's
    hanging-indent text (no wrapped Thai line starts with a dash); and the text under an
    item marked with Word's "o" is that item's, not a paragraph ("คลัสเต" / "อร์")."""
    lines = [("1. Requirements Analysis (วิเคราะห์ความต้องการ)", 90, 100, 11, SARABUN_BOLD),
             ("-เก็บรวบรวมและวิเคราะห์ความต้องการของผู้ใช้งานหรือระบบ", 108, 115, 11, SARABUN),
             ("-จัดทำเอกสารความต้องการ (Requirements Specification)", 108, 130, 11, SARABUN),
             ("o Macro KPI Metrics: การ์ดแสดงจำนวนประชากรตรวจทั้งหมด และสัดส่วนแยกตามคลัสเต", 90, 145, 11, SARABUN),
             ("อร์กลุ่มเสี่ยง", 108, 160, 11, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page) == ["1. Requirements Analysis (วิเคราะห์ความต้องการ)",
                           "-เก็บรวบรวมและวิเคราะห์ความต้องการของผู้ใช้งานหรือระบบ",
                           "-จัดทำเอกสารความต้องการ (Requirements Specification)",
                           "o Macro KPI Metrics: การ์ดแสดงจำนวนประชากรตรวจทั้งหมด และสัดส่วนแยกตามคลัสเตอร์กลุ่มเสี่ยง"]


def test_a_slides_centred_paragraph_is_one_though_its_lines_start_apart(make_pdf: MakePdf) -> None:
    """A PowerPoint slide centres each line of a paragraph: a line starting further in than
    the one above was taken for a first-line indent, so "ประเด็นต่าง" and "ๆ ได้แก่ ..."
    were two paragraphs."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    words = ["เป็นขั้นตอนที่มีความสำคัญมากโดย", "การวิเคราะห์ ต้องพิจารณาประเด็นต่าง", "ๆ ได้แก่ คุณลักษณะของผู้เรียน",
             "วัตถุประสงค์ ความรู้ เนื้อหา และ", "แหล่งข้อมูลที่มีอยู่ ซึ่งกลุ่มผู้เรียน ได้แก่",
             "นักศึกษาชั้นปีที่ 1 สาขาวิชาเทคโนโลยี"]
    lines = [(text, 250 - font.text_length(text, fontsize=18) / 2, 190 + 21.6 * k, 18, SARABUN)
             for k, text in enumerate(words)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert len(texts(page)) == 1
    assert "ประเด็นต่างๆ ได้แก่ คุณลักษณะของผู้เรียน" in page.text


def test_a_line_starting_with_mai_yamok_goes_on_from_the_word_it_repeats(make_pdf: MakePdf) -> None:
    """Word sets Latin smaller than Thai: a line of "ๆ (Responsive Design)" was sized by its
    English and taken for a change of size, so "ๆ" began a paragraph of its own."""
    lines = [("o ใช้ CSS และ Bootstrap เพื่อออกแบบหน้าเว็บให้ใช้งานง่ายและรองรับการแสดงผลบนอุปกรณ์ต่าง", 126, 100, 14, SARABUN),
             ("ๆ", 144, 121, 14, SARABUN), ("(Responsive Design)", 160, 121, 11, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page) == ["o ใช้ CSS และ Bootstrap เพื่อออกแบบหน้าเว็บให้ใช้งานง่ายและรองรับการแสดงผลบนอุปกรณ์ต่างๆ (Responsive Design)"]


def test_a_theses_front_matter_numbered_in_thai_letters_keeps_its_numbers_out(make_pdf: MakePdf) -> None:
    """A Thai thesis numbers its abstract, acknowledgements and contents ก, ข, ค: each letter
    was heard as a paragraph of its own after the page's last sentence."""
    pages = [[(BODY, 72, 100 + 22 * k, 14, SARABUN) for k in range(4)] + [(letter, 297, 800, 14, SARABUN)]
             for letter in "กขค"]
    doc = open_document(make_pdf(pages), use_cache=False)
    for number, letter in enumerate("กขค", start=1):
        page = doc.page(number)
        assert texts(page) == [BODY * 4]
        assert page.furniture == (letter,)
        assert page.label == letter


def test_roman_page_numbers_above_the_bottom_tenth_are_furniture(make_pdf: MakePdf) -> None:
    """XeTeX sets a report's front matter numbers (IV, V, VI) at 90% of the page, just above
    the bottom tenth, far under a short page's text: each was heard as its last paragraph."""
    pages = [[(BODY, 72, 100 + 22 * k, 14, SARABUN) for k in range(3)] + [(number, 312, 770, 14, SARABUN)]
             for number in ("IV", "V", "VI")]
    doc = open_document(make_pdf(pages), use_cache=False)
    for number, roman in enumerate(("IV", "V", "VI"), start=1):
        page = doc.page(number)
        assert texts(page) == [BODY * 3]
        assert page.label == roman


def test_each_line_of_a_listing_stays_a_line_of_its_own(make_pdf: MakePdf) -> None:
    """A listing indented under the prose is measured against its own lines: its widest line
    ran to the column's edge, and the next line was joined to it as a wrapped line is
    ("print(b_IT.showBook(...)) print(b_Web.showBook(...))")."""
    code = ["b_IT = Book_IT()", "print(b_IT.showBook('Python Programming', '123-456-789-0'))",
            "print(b_Web.showBook('Web Programming', '777-000-222-0'))", "print(b_IT)"]
    lines = [(BODY, 72, 100, 14, SARABUN), (BODY[:40], 72, 118, 14, SARABUN)]
    lines += [(text, 130, 140 + 11.8 * k, 8, "cour") for k, text in enumerate(code)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page)[1:] == code


def test_a_listing_keeps_the_number_of_each_line_with_it(make_pdf: MakePdf) -> None:
    """LaTeX sets a listing's line numbers small in a gutter of their own, further from the
    code than a word gap: each number was heard as a paragraph of its own between the lines
    ("2" / "thesum = 999" / "3" / ...), and the numbers at the top and foot of a page were
    dropped as page numbers, while the question asks which line holds the bug."""
    code = ["def sumleq(numlist, maxsum):", "    thesum = 999", "    while i <= n:", "        if thesum <= maxsum:",
            "            i = i + 1", "    return (thesum, members)"]
    step = (770 - 60) / (len(code) - 1)

    def page(first: int, listing: list[str]) -> list[tuple[str, float, float, float, str | Path]]:
        numbers = [(str(first + k), 94, 60 + step * k, 6, "cour") for k in range(len(listing))]
        indents = [len(text) - len(text.lstrip()) for text in listing]  # Courier: 0.6 of its size a letter
        lines = [(text.strip(), 130 + 0.6 * 10.9 * n, 60 + step * k, 10.9, "cour") for k, (text, n) in
                 enumerate(zip(listing, indents, strict=True))]
        return [*numbers, *lines, (BODY, 72, 130, 14, SARABUN)]  # prose between: no page of code alone

    doc = open_document(make_pdf([page(1, code), page(7, code[::-1])]), use_cache=False)
    for number, (first, listing) in enumerate(((1, code), (7, code[::-1])), start=1):
        read = doc.page(number)
        assert [text for text in texts(read) if text != BODY] == [f"{first + k} {text.strip()}"
                                                                  for k, text in enumerate(listing)]
        assert read.furniture == ()


def test_thai_prose_wrapped_inside_its_inline_code_goes_on() -> None:
    """A Colab printout: a Thai sentence whose line is mostly code (so the line is taken
    for code) wraps in the middle of it; the next line starts with code, but goes on with
    the sentence."""
    first = Line("รูปแบบเป็น [date, dailykcal, dailycarb, dailyprotein, dailyfat, dailysugar,",
                 78.5, 437.2, 511.8, 452.2, 449.0, 10.8, False, 0, mono=True)
    second = Line("dailysodium, complete] โดยที่", 78.5, 456.7, 243.3, 471.7, 468.5, 10.8, False, 0, mono=True)
    assert [draft.text for draft in paragraphs([first, second], {})] == [f"{first.text} {second.text}"]


def test_each_line_of_a_contents_page_is_an_entry_of_its_own(make_pdf: MakePdf) -> None:
    """A thesis's contents page draws each entry's leader to the column's edge, so every
    line looked full and the whole page was heard as one paragraph ("บทคัดย่อ .......... (1)
    กิตติกรรมประกาศ ......"). A leader and a page number end an entry; a title too long for
    its line still wraps into one entry, and the last entry of a page does not run on into
    the next page's first."""
    font = pymupdf.Font(fontfile=str(SARABUN))

    def entry(title: str, page: str) -> str:
        dots = "." * int((440 - font.text_length(f"{title} {page}", fontsize=14)) / font.text_length(".", fontsize=14))
        return f"{title} {dots} {page}"

    wrapped = "2.1 ทฤษฎีและงานวิจัยที่เกี่ยวข้องกับการพัฒนาระบบแนะนำรายวิชาสำหรับนักศึกษา"
    first = [entry("บทคัดย่อ", "(1)"), entry("กิตติกรรมประกาศ", "(2)"), entry("บทที่ 1 บทนำ", "1")]
    second = [entry("บทที่ 2 เอกสารที่เกี่ยวข้อง", "5"), entry("บทที่ 3 วิธีดำเนินงาน", "12")]
    pages = [[(text, 72, 100 + 20 * k, 14, SARABUN) for k, text in enumerate(first)]
             + [(wrapped, 90, 160, 14, SARABUN), (entry("ในต่างประเทศ", "7"), 90, 180, 14, SARABUN)],
             [(text, 72, 100 + 20 * k, 14, SARABUN) for k, text in enumerate(second)]]
    doc = open_document(make_pdf(pages), use_cache=False)
    assert texts(doc.page(1)) == [*first, f"{wrapped}{entry('ในต่างประเทศ', '7')}"]
    assert not doc.page(1).continues
    assert texts(doc.page(2)) == second


def test_two_columns_ten_points_apart_under_a_centred_title_are_read_in_turn(make_pdf: MakePdf) -> None:
    """A LuaTeX article sets two justified columns 10 points apart under a centred title
    block. Each row of the left column was joined to the row beside it in the right one
    (the gap is less than the reach that joins a line MuPDF split), and the title's three
    lines crossing the gutter hid it: the student heard the two columns line by line in
    turn."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    left_text, right_text = "กรุงเทพมหานครเป็นเมืองหลวงและนครที่มีประชากรมาก", "รัตนโกสินทร์เป็นหัวใจของการปกครองและการศึกษา"
    left_width = font.text_length(left_text, fontsize=10)
    right_x = 72 + left_width + 10
    title = [(text, 297 - font.text_length(text, fontsize=size) / 2, y, size, SARABUN)
             for text, y, size in (("กรุงเทพมหานคร", 80, 17), ("จากวิกิพีเดีย สารานุกรมเสรี", 100, 12),
                                   ("26 ธันวาคม พ.ศ. 2568", 118, 12))]
    rows = [(left_text, 72, 150 + 13.5 * k, 10, SARABUN) for k in range(12)]
    rows += [(right_text, right_x, 150.6 + 13.5 * k, 10, SARABUN) for k in range(12)]
    page = open_document(make_pdf([title + rows]), use_cache=False).page(1)
    assert texts(page) == ["กรุงเทพมหานคร", "จากวิกิพีเดีย สารานุกรมเสรี 26 ธันวาคม พ.ศ. 2568",
                           left_text * 12, right_text * 12]


def test_a_running_head_with_its_page_number_in_one_line_below_the_top_tenth_is_furniture(make_pdf: MakePdf) -> None:
    """An iOS export of a textbook sets each page in from the page's edges: its running head
    "128 ปัญญาประดิษฐ์" (the number and title in one line) and the version line beside it
    stand at 13% of the page, and both were heard at the top of 47 of its pages."""
    pages = [[(f"{number} ปัญญาประดิษฐ์", 76, 112, 14, SARABUN_BOLD),
              ("เวอร์ชัน 1.0.2: 15 มีค.2548 : 9:05 PM", 295, 112, 8, SARABUN),
              (f"{number}.1 การค้นหาคำตอบ", 76, 150, 17, SARABUN_BOLD)]
             + [(BODY, 76, 180 + 20 * k, 14, SARABUN) for k in range(5)] for number in range(120, 125)]
    doc = open_document(make_pdf(pages), use_cache=False)
    for n in range(1, 6):
        page = doc.page(n)
        assert "ปัญญาประดิษฐ์" not in page.text and "เวอร์ชัน" not in page.text
        assert texts(page) == [f"{119 + n}.1 การค้นหาคำตอบ", BODY * 5]


def test_a_page_starting_with_a_figure_reference_does_not_continue_the_page_before(make_pdf: MakePdf) -> None:
    """Once an iOS textbook's running heads were furniture, a page's last sentence ran on
    into the next page's "รูปที่ 6–5 จะเห็นว่า ..." as if one sentence. A caption, or a
    sentence opening with one, begins something; and a caption ending a page ends there."""
    wrapped = BODY + "ซึ่งมีค่า"
    cases = ((wrapped, 666, "รูปที่ 6–5 จะเห็นว่า 7-5 เป็นโครโมโซมที่ดี"), ("รูปที่ 6–3 " + BODY, 700, BODY))
    for first, y, second in cases:
        pages = [[(BODY, 72, 600 + 22 * k, 16, SARABUN) for k in range(3)] + [(first, 72, y, 16, SARABUN)],
                 [(second, 72, 100, 16, SARABUN)] + [(BODY, 72, 122 + 22 * k, 16, SARABUN) for k in range(3)]]
        doc = open_document(make_pdf(pages), use_cache=False)
        assert not doc.page(1).continues, first


def test_a_running_head_under_the_page_number_in_the_top_tenth_is_furniture(make_pdf: MakePdf) -> None:
    """The Royal Gazette sets "หน้า ๒" in the top tenth and its running head (volume, title,
    date) in the row under it, below the tenth: the head was heard on every page of an act."""
    head = [("เล่ม ๑๒๕ ตอนที่ ๒๘ ก", 64, 90, 14, SARABUN), ("ราชกิจจานุเบกษา", 257, 90, 14, SARABUN),
            ("๕ กุมภาพันธ์ ๒๕๕๑", 416, 90, 14, SARABUN)]
    pages = [[(f"หน้า {digit}", 276, 72, 14, SARABUN), *head] + [(BODY, 64, 130 + 24 * k, 14, SARABUN) for k in range(4)]
             for digit in "๒๓๔๕"]
    doc = open_document(make_pdf(pages), use_cache=False)
    for n in range(1, 5):
        assert texts(doc.page(n)) == [BODY * 4]


def test_a_style_guides_note_beside_its_heading_is_no_running_head(make_pdf: MakePdf) -> None:
    """A thesis style guide notes beside each page's heading how to set it ("18 หนา": 18 pt,
    bold), under the page number: the note recurs on every page and has a number in its
    line, like a running head's, but the heading beside it is the page's own."""
    headings = ["กิตติกรรมประกาศ", "บทคัดย่อ", "สารบัญ", "บทนำ"]
    pages = [[(letter, 297, 40, 14, SARABUN), (heading, 240, 118, 18, SARABUN_BOLD), ("18 หนา", 460, 118, 12, SARABUN)]
             + [(BODY, 72, 160 + 24 * k, 14, SARABUN) for k in range(4)] for letter, heading in zip("คงจฉ", headings, strict=True)]
    doc = open_document(make_pdf(pages), use_cache=False)
    for n in range(1, 5):
        assert "18 หนา" in doc.page(n).text


def test_a_contents_pages_first_entry_keeps_its_number_when_the_page_has_its_own(make_pdf: MakePdf) -> None:
    """A list of figures continued on a new page starts with an entry at the top, its page
    number at the right; the page's own number (จ) stands in the bottom tenth. The entry's
    "12" was taken for the page number and dropped."""
    entries = [(f"ภาพที่ 4-{k} การกำหนดรูปแบบข้อมูล", str(11 + k)) for k in range(1, 9)]
    pages = [[(title, 72, 92 + 21 * k, 16, SARABUN) for k, (title, _) in enumerate(entries)]
             + [(number, 528, 92 + 21 * k, 16, SARABUN) for k, (_, number) in enumerate(entries)]
             + [(letter, 303, 800, 16, SARABUN)] for letter in "จฉ"]
    doc = open_document(make_pdf(pages), use_cache=False)
    assert " ".join(doc.page(1).text.split()).startswith("ภาพที่ 4-1 การกำหนดรูปแบบข้อมูล 12")
    assert doc.page(1).furniture == ("จ",)


def test_a_sentence_a_report_repeats_with_other_numbers_is_no_running_head(make_pdf: MakePdf) -> None:
    """A statistics report begins pages with a recurring label beside a sentence it repeats
    with other numbers ("25 – 30 ปี กับกลุ่มตัวอย่างที่มีอายุ 36 – 40 ปี ..."): the sentence
    starts with a number and recurs, numbers aside, like a running head with its page number
    in its line. A head is short; the sentence was dropped."""
    sentence = "{} – {} ปี กับกลุ่มตัวอย่างที่มีอายุ 36 – 40 ปี มีค่า Sig. น้อยกว่า 0.05"
    pages = [[("กลุ่มตัวอย่างที่มีอายุ", 72, 95, 14, SARABUN), (sentence.format(low, low + 5), 200, 95, 14, SARABUN)]
             + [(BODY, 72, 130 + 24 * k, 14, SARABUN) for k in range(4)] + [(str(n), 297, 800, 14, SARABUN)]
             for n, low in enumerate((20, 25, 30, 35), start=1)]
    doc = open_document(make_pdf(pages), use_cache=False)
    for n, low in enumerate((20, 25, 30, 35), start=1):
        assert sentence.format(low, low + 5) in " ".join(doc.page(n).text.split())


def test_chapter_labels_over_one_page_chapters_are_heard_but_a_chapters_running_head_is_not(
        make_pdf: MakePdf) -> None:
    """A XeTeX report's chapters 2 to 5 are a page each: their labels "บทที่ 2" ... "บทที่ 5"
    at the top of four pages in a row differ only by their numbers, and were dropped as one
    running head. A head naming its chapter repeats the chapter's number on every page."""
    titles = ["บทนำ", "แนวคิดทฤษฎี", "วิธีการทดลอง", "ผลการทดลอง"]
    pages = [[(f"บทที่ {n}", 260, 60, 20, SARABUN_BOLD), (title, 240, 90, 20, SARABUN_BOLD)]
             + [(BODY, 72, 140 + 22 * k, 14, SARABUN) for k in range(3)]
             for n, title in enumerate(titles, start=2)]
    doc = open_document(make_pdf(pages), use_cache=False)
    for number, title in enumerate(titles, start=1):
        page = doc.page(number)
        assert page.text.startswith(f"บทที่ {number + 1}") and title in page.text, page.text

    head = "บทที่ 2 แนวคิดทฤษฎี"
    pages = [[(head, 72, 30, 10, SARABUN)] + [(BODY, 72, 100 + 22 * k, 14, SARABUN) for k in range(3)]] * 3
    doc = open_document(make_pdf(pages), use_cache=False)
    for number in (1, 2, 3):
        assert head in doc.page(number).furniture and head not in doc.page(number).text


def test_a_picture_beside_a_paragraph_does_not_cut_it(tmp_path: Path) -> None:
    """A magazine's corner picture set beside a paragraph's lines stood before the first line
    below it, and the sentence running across was heard as two paragraphs ("... มารยาทในการ" /
    "แสดงความเคารพ ..."). It comes after the paragraph."""
    words = ["การแสดงความเคารพเป็นการแสดงถึงความกตัญญูกตเวทีมีสัมมาคารวะ", "ของบุคคลส่งผลให้เป็นผู้มีกิริยางดงาม",
             "เป็นที่รักของผู้ใหญ่เป็นเครื่องยึดเหนี่ยวน้ำใจซึ่งกันและกัน", "ก่อให้เกิดสัมพันธภาพอันดีระหว่างกัน",
             "และมีจิตใจที่ยกย่องบุคคลที่ตนแสดงความเคารพจึงจะเรียกว่าเป็น", "การแสดงความเคารพอย่างแท้จริง"]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    font = pymupdf.Font(fontfile=str(SARABUN))
    lines = [" ".join([words[k], words[(k + 1) % 6]]) for k in range(6)]
    for k, text in enumerate(lines):
        fitted = text
        while font.text_length(fitted, fontsize=14) > 440:  # each line runs to the column's edge
            fitted = fitted[:-1]
        page.insert_text((72, 200 + 21 * k), fitted, fontname="S", fontsize=14)
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 100, 90), False)
    picture.set_rect(picture.irect, (230, 120, 30))
    page.insert_image(pymupdf.Rect(420, 150, 540, 240), pixmap=picture)  # beside the first two lines
    path = tmp_path / "magazine.pdf"
    doc.save(path)
    result = open_document(path, use_cache=False).page(1)
    assert result.figures, "the picture is a figure"
    assert len(texts(result)) == 1, texts(result)


def test_a_chart_wider_than_the_text_does_not_cut_the_lines_under_it(tmp_path: Path) -> None:
    """A report's chart ran past the text's right edge; its stand-in among the lines was taken
    for the widest line of their column, so every ragged line looked short and each was heard
    as a paragraph ("ตัวแปรที่กำหนดให้ต่างกันเพื่อดูความ" / "แตกต่าง คือ ...")."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 503, 150), False)  # fills its box
    picture.set_rect(picture.irect, (30, 120, 230))
    page.insert_image(pymupdf.Rect(72, 100, 575, 250), pixmap=picture)
    lines = [("จากกราฟ ตัวแปรที่กำหนดให้ต่างกันในการทดลองแต่ละครั้งเพื่อดูความ", 108, 280),  # a first-line indent
             ("แตกต่าง คือ จำนวนโหนด ระยะการแพร่ และขนาดพื้นที่การทดสอบ ซึ่งกำหนดค่า", 72, 302),
             ("แตกต่างกันดังนี้ กราฟสีแดง กราฟสีส้ม กราฟสีน้ำเงิน และกราฟสีม่วง", 72, 324)]
    for text, x, y in lines:
        page.insert_text((x, y), text, fontname="S", fontsize=14)
    path = tmp_path / "report.pdf"
    doc.save(path)
    result = open_document(path, use_cache=False).page(1)
    assert result.figures, "the chart is a figure"
    assert texts(result) == ["".join(text for text, _, _ in lines)]


def _justified(page: pymupdf.Page, text: str, x0: float, x1: float, y: float, size: float) -> None:
    """Set ``text`` in Sarabun (inserted as "S") from ``x0`` to ``x1``, its spaces widened as
    justified text's are."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    words = text.split(" ")
    gap = (x1 - x0 - sum(font.text_length(word, fontsize=size) for word in words)) / max(1, len(words) - 1)
    for word in words:
        page.insert_text((x0, y), word, fontname="S", fontsize=size)
        x0 += font.text_length(word, fontsize=size) + gap


def test_a_list_beside_a_table_is_measured_against_its_own_lines(tmp_path: Path) -> None:
    """An exam's justified instructions stand beside its score table, under a line across the
    page: the table's lines are out of the flow, so the list was measured against that line,
    every line looked short and each was heard as a paragraph ("1. ข้อสอบมีทั้งหมด 8 หน้า จำนวน
    4 ข้อ ถ้าผู้" / "เข้าสอบได้ข้อสอบไม่ครบ ...")."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((60, 120), BODY, fontname="S", fontsize=14)
    for row in range(4):
        for col, text in enumerate(("ข้อที่" if row == 0 else str(row), "คะแนน" if row == 0 else "10")):
            cell = pymupdf.Rect(380 + 80 * col, 150 + 45 * row, 460 + 80 * col, 195 + 45 * row)
            page.draw_rect(cell, color=(0, 0, 0), width=0.8)
            page.insert_text((cell.x0 + 10, cell.y1 - 15), text, fontname="S", fontsize=14)
    items = [[("1. ข้อสอบมีทั้งหมด 8 หน้า จำนวน 4 ข้อ ถ้าผู้", 60), ("เข้าสอบได้ข้อสอบไม่ครบ ให้ผู้เข้าสอบแจ้งขอ", 73),
              ("เปลี่ยนข้อสอบต่อกรรมการคุมสอบ", 73)],
             [("2. ให้ผู้เข้าสอบแสดงวิธีทำอย่างละเอียด หรือ ทำ", 60), ("ตามคำสั่งที่กำหนดไว้ในแต่ละข้ออย่างเคร่งครัด", 73)]]
    y = 170.0
    for item in items:
        for k, (text, x) in enumerate(item):
            if k < len(item) - 1:
                _justified(page, text, x, 340, y, 14)
            else:  # an item's last line ends where it ends
                page.insert_text((x, y), text, fontname="S", fontsize=14)
            y += 18
        y += 6
    path = tmp_path / "exam.pdf"
    doc.save(path)
    result = open_document(path, use_cache=False).page(1)
    assert any(p.table for p in result.paragraphs), "the score table is a table"
    assert texts(result, ParagraphKind.BODY)[1:] == ["".join(text for text, _ in item) for item in items]


def test_a_caption_in_its_own_size_ends_before_the_text_under_it() -> None:
    """A report's caption, set a point smaller and centred in its column, ran nearly across
    it; with the chart above measured no wider than the text, the caption ran on into the
    paragraph under it ("รูปที่ 5 กราฟแสดงอัตราการแพร่ระบาดจากกราฟเป็น ..."), and that
    paragraph, begun with a caption, no longer went on over the page break."""
    rows = [("รูปที่ 5 กราฟแสดงอัตราการแพร่ระบาด", 354.9, 512.7, 528.5, 15.0),
            ("จากกราฟเป็นผลการทดลองโดยใช้", 360.1, 502.2, 552.2, 16.0),
            ("แบบจำลอง SIR เพื่อหาอัตราการแพร่ระบาด โดย", 324.1, 527.8, 576.2, 16.0),
            ("อัตราการแพร่ระบาดคิดจากจำนวนผู้ติดเชื้อโดยรวม", 324.1, 536.8, 600.3, 16.0)]
    lines = [Line(text, x0, y - size, x1, y + 0.3 * size, y, size, False, 0) for text, x0, x1, y, size in rows]
    assert [draft.text for draft in paragraphs(lines, {})] == [
        rows[0][0], "".join(row[0] for row in rows[1:])]


def test_a_line_ending_in_spaces_past_the_margin_does_not_widen_the_column() -> None:
    """Word printed through a printer driver (b17_09, a journal article) draws a line's
    trailing spaces past the margin: text to 523, spaces to 565. With the column measured
    that wide, "ใน" seemed to have fitted on the line above ("...มากกว่า 2"), and the
    paragraph broke mid-sentence."""
    rows = [("ในสภาพเศรษฐกิจและสังคมปัจจุบันมีประชาชนอาศัยอยู่ในเขตเมืองและชุมชนหนาแน่นมากขึ้น", 565.0, 523.0),
            ("จากข้อมูลการเฝ้าระวังทางระบาดวิทยาของสำนักระบาดวิทยาพบว่า มากกว่า 2", 523.0, None),
            ("ใน 3 ของเด็กที่ป่วยอยู่ในศูนย์เด็กเล็กและโรงเรียนอนุบาลซึ่งเป็นสถานที่ที่เด็ก", 523.0, None),
            ("อยู่รวมกันเป็นจำนวนมาก", 180.0, None)]
    lines = [Line(text, 72.0, 100 + 24 * k - 16, x1, 100 + 24 * k + 5, 100 + 24 * k, 16.0, False, 0, ink is not None,
                  ink_x1=ink) for k, (text, x1, ink) in enumerate(rows)]
    (paragraph,) = paragraphs(lines, {})
    assert "พบว่า มากกว่า 2 ใน 3 ของเด็ก" in paragraph.text


def _set_in_pieces(path: Path, rows: list[list[tuple[str, float, str]]], right: float) -> Path:
    """A page of lines each set as pieces (text, size, "S" for Sarabun or a base-14 font)
    one after another from x=72; a row's last piece, Thai, is cut to end within a letter of
    ``right`` (a justified column's edge), or not when it is the paragraph's last line."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    fonts = {"S": pymupdf.Font(fontfile=str(SARABUN)), "helv": pymupdf.Font("helv")}
    for k, pieces in enumerate(rows):
        x, y = 72.0, 100.0 + 22 * k
        for n, (text, size, font) in enumerate(pieces):
            if n == len(pieces) - 1 and k < len(rows) - 1:
                cuts = [i for i in range(1, len(text) + 1) if i == len(text) or not is_mark(text[i])]
                text = text[: max(i for i in cuts if x + fonts[font].text_length(text[:i], size) <= right)]
            page.insert_text((x, y), text, fontname=font, fontsize=size)
            x += fonts[font].text_length(text + " ", size)
    doc.save(path)
    return path


def test_lines_led_by_latin_words_in_a_smaller_latin_font_stay_in_their_paragraph(tmp_path: Path) -> None:
    """XeLaTeX scales its Thai font to match the Latin one: THSarabunNew at 14.3 pt beside
    Palatino at 9.9 (b17_23, a Python textbook). A line led by Latin words seemed a size
    smaller than the Thai lines around it, and its paragraph broke before and after it,
    28 times in the book."""
    thai = "ซึ่งสำเร็จการศึกษาระดับปริญญาโทสาขาคณิตศาสตร์และวิทยาการคอมพิวเตอร์จากมหาวิทยาลัยแห่งอัมสเตอร์ดัม" * 2
    rows = [[("ภาษาโปรแกรมไพธอน", 14.3, "S"), ("(Python Programming Language)", 9.9, "helv"), (thai, 14.3, "S")],
            [("Guido van Rossum of the Centrum Wiskunde", 9.9, "helv"), ("ชาวเนเธอร์" + thai, 14.3, "S")],
            [("and Informatica in Amsterdam and the NIST", 9.9, "helv"), ("ประเทศ" + thai, 14.3, "S")],
            [("Corporation for National Research Initiatives", 9.9, "helv"), ("ประเทศ" + thai, 14.3, "S")],
            [("ก่อนจะย้ายไปทำงานกับบริษัท", 14.3, "S"), ("Google", 9.9, "helv"), ("ในปี 2005", 14.3, "S")]]
    page = open_document(_set_in_pieces(tmp_path / "scaled.pdf", rows, 520.0)).page(1)
    assert len(page.paragraphs) == 1, texts(page)
    assert page.paragraphs[0].kind is ParagraphKind.BODY


def test_a_latin_fonts_scale_is_what_the_lines_setting_it_beside_thai_agree_on() -> None:
    """Two lines agreeing are a scale; one is too few, a size near Thai's is emphasis or
    a font's own proportions, and a number alone (a note's mark, a page number) or a
    formula's letters say nothing."""
    from guidelight.extract.script_sizes import latin_scales

    def line(*pieces: tuple[str, float, str]) -> list[dict]:
        return [{"font": font, "size": size, "flags": 0, "chars": [{"c": c} for c in text]} for text, size, font in pieces]

    scaled = line(("ภาษาโปรแกรม", 14.3, "THSarabunNew"), ("Python", 9.9, "Palatino"))
    assert latin_scales([scaled] * 2) == {"Palatino": pytest.approx(14.3 / 9.9)}
    assert latin_scales([scaled]) == {}
    assert latin_scales([line(("ภาษาโปรแกรม", 16, "Angsana"), ("Python", 15, "Times"))] * 5) == {}
    assert latin_scales([line(("ภาษาโปรแกรม", 16, "Angsana"), ("12", 9, "Times"))] * 5) == {}
    assert latin_scales([line(("ลิมิตของ", 15.7, "THSarabunNew"), ("sin", 10.9, "CMR10"))] * 5) == {}  # a formula
    odd = line(("ภาษาโปรแกรม", 14.3, "THSarabunNew"), ("Python", 14.3, "Palatino"))
    assert latin_scales([scaled, scaled, odd, odd]) == {}  # half the lines disagree


def test_items_numbered_in_circles_are_items() -> None:
    """A project schedule (real-thai-2) numbers its steps ① ②: with the column measured to
    its text, "② สอบบทที่ 1" seemed to go on the line before."""
    rows = [("① ส่งใบป. 1 พร้อมบทที่ 1 ภายในวันที่ 24 มกราคม 2559 ที่ห้องธุรการภาควิชา", 520.0),
            ("② สอบบทที่ 1", 180.0), ("ผู้สอบต้องเตรียมเอกสารประกอบการสอบให้ครบถ้วนทุกรายการก่อนวันสอบ", 523.0)]
    lines = [Line(text, 72.0, 100 + 24 * k - 16, x1, 100 + 24 * k + 5, 100 + 24 * k, 16.0, False, 0)
             for k, (text, x1) in enumerate(rows)]
    drafts = paragraphs(lines, {})
    assert drafts[0].text == rows[0][0] and drafts[1].text.startswith("② สอบบทที่ 1")


def test_two_thai_numbers_across_a_line_break_stay_two() -> None:
    """Thai lines join with no space, but a number is not broken across lines: a memo's
    "ปีการศึกษา ๒๕๖๗" then "๒. ชื่อโครงการ" was heard as the number ๒๕๖๗๒."""
    from guidelight.extract.layout import join_lines

    assert join_lines("ปีการศึกษา ๒๕๖๗", "๒. ชื่อโครงการหลัก", False) == "ปีการศึกษา ๒๕๖๗ ๒. ชื่อโครงการหลัก"
    assert join_lines("ในปีการศึกษา", "๒๕๖๗ นักศึกษา", False) == "ในปีการศึกษา๒๕๖๗ นักศึกษา"  # Thai runs on


def test_a_line_justified_with_one_wide_gap_stays_in_its_paragraph(tmp_path: Path) -> None:
    """Word justifies a Thai line with only one space across its column: the two halves
    stood 21 and 31 points apart, too far to be joined as one line, and the preface was
    heard in pieces ("... ได้สร้างขึ้น" / "โดยเป็นเว็บไซต์ ..." / "ของเพลงต่าง ๆ ...")."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))

    def justified(text: str, left: float, y: float) -> None:  # set to run from ``left`` to 540 exactly
        page.insert_text((left, y), text, fontname="S", fontsize=14 * (540 - left) / font.text_length(text, fontsize=14))

    justified(BODY[:74], 108, 130)
    justified(BODY, 72, 151)
    halves = ("เพื่อนำเสนอเว็บไซต์ที่คณะผู้จัดทำได้สร้าง", "โดยเป็นเว็บไซต์สำหรับขายแผ่นเสียง")  # 35 points apart
    page.insert_text((72, 172), halves[0], fontname="S", fontsize=14)
    page.insert_text((540 - font.text_length(halves[1], fontsize=14), 172), halves[1], fontname="S", fontsize=14)
    justified(BODY, 72, 193)
    justified(BODY, 72, 214)
    page.insert_text((72, 235), "ลงท้ายย่อหน้า", fontname="S", fontsize=14)
    path = tmp_path / "preface.pdf"
    doc.save(path)
    assert len(texts(open_document(path, use_cache=False).page(1))) == 1


def test_names_one_to_a_line_are_not_glued_surname_to_title(make_pdf: MakePdf) -> None:
    """A project abstract lists its authors one to a line after the label "โดย"; the first
    name, as long as the value beside "ชื่อเรื่อง", seemed to run to the column's edge, and
    the next was glued to its surname: "กีรติภักดีพงศ์นายเมธิส". A line starting with a word
    that only begins like a title (นายก, นายจ้าง) is a wrapped line still."""
    names = ["นายภาคิณ กีรติภักดีพงศ์", "นายเมธิส โพธิ์กิ่ง", "นางสาวศิลา ชูนาม"]
    lines = [("ชื่อเรื่องโครงงาน", 72, 121, 13, SARABUN_BOLD), ("ระบบการจองซื้อตั๋ว", 216, 121, 13, SARABUN),
             ("โดย", 72, 156, 13, SARABUN_BOLD)]
    lines += [(name, 216, 156 + 17 * k, 13, SARABUN) for k, name in enumerate(names)]
    lines += [("ข้อความนี้เป็นย่อหน้าที่พิมพ์ชิดขอบและยาวจนเต็มบรรทัดของคอลัมน์ที่ตั้งไว้", 72, 260, 13, SARABUN),
              ("นายจ้างต้องจ่ายค่าจ้างตามกำหนด", 72, 277, 13, SARABUN)]
    font = pymupdf.Font(fontfile=str(SARABUN_BOLD))
    cover = [(name, 297 - font.text_length(name, fontsize=18) / 2, 400 + 26 * k, 18, SARABUN_BOLD)
             for k, name in enumerate(names)]  # a thesis cover's authors, centred, in the title's type
    doc = open_document(make_pdf([lines, cover]), use_cache=False)
    page = doc.page(1)
    assert all(name in texts(page) for name in names[1:])
    assert not any("พงศ์นาย" in paragraph for paragraph in texts(page))
    assert "ตั้งไว้นายจ้าง" in page.text
    assert texts(doc.page(2)) == names


def test_a_dates_range_wrapped_at_its_dash_stays_in_its_item(make_pdf: MakePdf) -> None:
    """A report's data source ran to the column's edge at "ณ วันที่ 1 ม.ค. พ.ศ. 2555" and
    wrapped before "– 30 มิ.ย. 2564": the dash made the next line a list item, and the
    range was heard in two paragraphs. A dash item after a line that ended stays an item."""
    first = "3.1 ข้อมูลตำแหน่งสถานที่สำคัญในพื้นที่เสี่ยงภัยดินถล่มระดับชุมชน ณ วันที่ 1 ม.ค. พ.ศ. 2555"
    lines = [(first, 72, 100, 14, SARABUN), ("– 30 มิ.ย. 2564 จากข้อมูลเปิดภาครัฐ", 72, 122, 14, SARABUN),
             ("ราคาเริ่มต้น 2555", 72, 160, 14, SARABUN), ("- 30 บาทสำหรับนักศึกษา", 72, 182, 14, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page) == [f"{first} – 30 มิ.ย. 2564 จากข้อมูลเปิดภาครัฐ", "ราคาเริ่มต้น 2555", "- 30 บาทสำหรับนักศึกษา"]


def test_two_justified_columns_whose_rows_meet_now_and_then_are_read_in_turn(tmp_path: Path) -> None:
    """A two-column project abstract: justified columns 19 points apart, with rows of the
    same pitch but set apart by headings, so a third of their rows meet. A heading of the
    right column on a row of the left one was joined to it across the gutter, the gutter
    was crossed, and the whole page was heard line by line across both columns. Where that
    line overhangs the column's justified edge, the gap it shows still starts at that edge."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))

    def justified(text: str, left: float, right: float, y: float) -> None:
        page.insert_text((left, y), text, fontname="S", fontsize=12 * (right - left) / font.text_length(text, fontsize=12))

    for k in range(14):  # the line beside the heading overhangs the column's edge by a few points
        justified(f"ซ้าย{k:02d}" + BODY[:52], 54, 291 if k == 5 else 288, 100 + 16.2 * k)
    for k in range(14):  # the right column's rows meet the left's, then a heading, then fall between them
        justified(f"ขวา{k:02d}" + BODY[:52], 307.5, 540, 100 + 16.2 * k + (0 if k < 5 else 24.3))
    page.insert_text((307.5, 100 + 16.2 * 5 + 4.1), "ขอบเขตการศึกษา", fontname="S", fontsize=14)
    path = tmp_path / "abstract.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    marks = [f"ซ้าย{k:02d}" for k in range(14)] + [f"ขวา{k:02d}" for k in range(14)]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_a_thai_word_broken_with_a_hyphen_at_a_lines_end_is_made_whole() -> None:
    """A XeTeX thesis hyphenates Thai words at line ends: "ให้การสนับ-" / "สนุน" was heard
    "สนับ- สนุน". A hyphen of the text's own, between two words, stays with no space:
    "จักรวรรดิออสเตรีย-" / "ฮังการี", "การรับ-" / "ส่งข่าวสาร"."""
    from guidelight.extract.layout import join_lines

    assert join_lines("ให้การสนับ-", "สนุนในเรื่องนี้", False) == "ให้การสนับสนุนในเรื่องนี้"
    assert join_lines("การประมวลผลด้วยคอม-", "พิวเตอร์", False) == "การประมวลผลด้วยคอมพิวเตอร์"
    assert join_lines("จักรวรรดิออสเตรีย-", "ฮังการี", False) == "จักรวรรดิออสเตรีย-ฮังการี"
    assert join_lines("การรับ-", "ส่งข่าวสาร", False) == "การรับ-ส่งข่าวสาร"


def test_a_slide_number_below_the_top_fifth_is_left_out_where_it_counts_with_the_slides(make_pdf: MakePdf) -> None:
    """PowerPoint sets a slide's number in its title bar, below the top fifth: "4" was heard
    between "บทนำ (Overview)" and the slide's first point. It stands in one place on every
    slide and counts up with them, so it is the slide's number. A number that stands in one
    place on every page but does not count (a figure's "7") is read, and so is one that
    counts but stands beside words: a manual's one section a page, numbered 1, 2, 3."""
    def slide(number: int) -> list:
        return [
            ("บทนำ (Overview)", 70, 120, 24, SARABUN),
            (str(number + 2), 25, 190, 10, SARABUN),
            (BODY, 70, 240, 14, SARABUN), (BODY, 70, 270, 14, SARABUN),
            ("7", 300, 400, 14, SARABUN), (BODY, 70, 500, 14, SARABUN),
            (str(number), 70, 600, 20, SARABUN_BOLD), ("ระบบเข้าสู่ระบบ", 100, 600, 20, SARABUN_BOLD),
        ]

    doc = open_document(make_pdf([slide(n) for n in (1, 2, 3)]))
    for number in (1, 2, 3):
        page = doc.page(number)
        assert page.furniture == (str(number + 2),)
        assert page.label == str(number + 2)
        assert texts(page)[0] == "บทนำ (Overview)" and "7" in texts(page)
        assert f"{number} ระบบเข้าสู่ระบบ" in texts(page)


def test_a_centred_slide_number_far_right_of_its_title_is_left_out(tmp_path: Path) -> None:
    """A Canva deck (b19_01) sets each slide's number centred at the right of its title bar,
    on the title's row: "9" and "10" share neither edge, and neither stood alone on its row,
    so "10", "11", "12" were heard after each title. A number far from the rest of its row,
    counting up with the slides in its place, is the slide's number."""
    doc = pymupdf.open()
    for number in range(8, 13):
        page = doc.new_page(width=1440, height=810)
        page.insert_text((100, 150), "K-MEANS CLUSTERING", fontname="helv", fontsize=44)
        width = pymupdf.get_text_length(str(number), fontname="helv", fontsize=44)
        page.insert_text((1304 - width / 2, 150), str(number), fontname="helv", fontsize=44)
        page.insert_text((100, 400), "Perform KMeans clustering with the optimal k", fontname="helv", fontsize=24)
    path = tmp_path / "deck.pdf"
    doc.save(path)
    opened = open_document(path, use_cache=False)
    for index, number in enumerate(range(8, 13), start=1):
        page = opened.page(index)
        assert page.furniture == (str(number),)
        assert texts(page)[0] == "K-MEANS CLUSTERING"


def test_bullets_points_one_after_another_are_no_headings_but_a_bulleted_title_is(make_pdf: MakePdf) -> None:
    """A handout of slides (b19_17) sets its points in a size above its sub-points and the
    page's small print: every "• ..." was heard as a heading. Points that follow one another
    with nothing under them are a list's; a report's bulleted title with its text under it
    (b19_03's "• Product Backlog") heads its section still."""
    lines = [("Overview", 72, 80, 28, SARABUN), ("• Computer fundamental", 72, 130, 18, SARABUN),
             ("• Data types", 72, 160, 18, SARABUN), ("• Operators", 72, 190, 18, SARABUN)]
    lines += [(BODY, 72, 220 + 16 * k, 12, SARABUN) for k in range(6)]
    lines += [("• Product Backlog", 72, 340, 18, SARABUN)]
    lines += [(BODY, 72, 370 + 16 * k, 12, SARABUN) for k in range(6)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["Overview", "• Product Backlog"]
    assert "• Data types" in texts(page, ParagraphKind.BODY)


def test_a_decks_title_bar_repeated_over_its_slides_is_heard_on_the_first(tmp_path: Path) -> None:
    """A lab deck's title bar, set in its body's size, names the lab its slides show
    ("LAB 01 - HTML Chat" on five slides, then "LAB 02 ..."): it was dropped on every
    slide as a running head, and no lab's start was heard. Its footer stays furniture."""
    doc = pymupdf.open()
    titles = ["LAB 01 - HTML Chat", "LAB 01 - HTML Chat", "LAB 02 - ESP8266 Chat", "LAB 02 - ESP8266 Chat"]
    for title in titles:
        page = doc.new_page(width=720, height=540)
        page.insert_font(fontname="s", fontfile=str(SARABUN))
        page.insert_text((15, 42), title, fontname="s", fontsize=24)
        page.insert_text((63, 150), BODY, fontname="s", fontsize=24)
        page.insert_text((63, 200), BODY, fontname="s", fontsize=24)
        page.insert_text((15, 525), "วิชาอินเทอร์เน็ตของสรรพสิ่ง", fontname="s", fontsize=12)
    doc.save(tmp_path / "deck.pdf")
    read = open_document(tmp_path / "deck.pdf")
    heard = [texts(read.page(n)) for n in (1, 2, 3, 4)]
    assert [titles[n - 1] in heard[n - 1] for n in (1, 2, 3, 4)] == [True, False, True, False]
    assert not any("วิชาอินเทอร์เน็ตของสรรพสิ่ง" in page for page in heard)


def test_a_covers_last_line_in_the_bottom_tenth_is_read_on_the_cover_and_inner_cover(make_pdf: MakePdf) -> None:
    """A report's cover and inner cover end alike in "ประจำภาคเรียนที่ 1 ปีการศึกษา 2557",
    set in the bottom tenth one line step under the lines above it: it recurred on the next
    page and was dropped from both as a running foot. A footer set apart stays furniture."""
    stack = ["รายงานนี้เป็นส่วนหนึ่งของวิชา 01046401", "สาขาวิชาอิเล็กทรอนิกส์ คณะวิศวกรรมศาสตร์",
             "สถาบันเทคโนโลยีพระจอมเกล้าเจ้าคุณทหารลาดกระบัง", "ประจำภาคเรียนที่ 1 ปีการศึกษา 2557"]
    cover = [(BODY, 72, 300, 16, SARABUN)]
    cover += [(text, 150, 667 + 36.5 * n, 16, SARABUN) for n, text in enumerate(stack)]
    cover += [("เอกสารประกอบการสอน", 72, 820, 10, SARABUN)]
    doc = open_document(make_pdf([cover, cover]))
    for number in (1, 2):
        page = doc.page(number)
        assert stack[-1] in page.text
        assert page.furniture == ("เอกสารประกอบการสอน",)


def test_a_contents_pages_first_and_last_entries_keep_their_page_numbers(make_pdf: MakePdf) -> None:
    """A contents page with no page number of its own: its last entry "2.6 โปรแกรมออกแบบ
    Skectup  8", in the bottom fifth, was taken for a running foot with its page number,
    and 8 was dropped. It stands in the column of the entries' numbers above it, and each
    number is read with its entry."""
    def contents(first: int) -> list:
        rows = [(f"2.{n} หัวข้อที่ {n} ของบทที่สอง", 92, 120 + 35.5 * n, 16, SARABUN) for n in range(18)]
        rows += [(str(first + n), 452, 120 + 35.5 * n, 16, SARABUN) for n in range(18)]
        return rows

    doc = open_document(make_pdf([contents(3), contents(21)]))
    for number, first in ((1, 3), (2, 21)):
        page = doc.page(number)
        read = texts(page)
        assert f"2.0 หัวข้อที่ 0 ของบทที่สอง {first}" in read and f"2.17 หัวข้อที่ 17 ของบทที่สอง {first + 17}" in read
        assert page.furniture == ()


def test_a_contents_pages_last_entry_keeps_a_page_number_typed_after_spaces(make_pdf: MakePdf) -> None:
    """A Word contents page typed with spaces before each entry's page: "9" over "10" is
    flush neither left nor right. Its last entry's "10", in the bottom fifth, counted with
    the next page's first entry's "11" as page numbers set at the foot and head, and was
    dropped (batch 14's b14_31, page 2). Each number is read with its entry."""
    def entry(text: str, number: int, y: float) -> list:
        return [(text, 108, y, 18, SARABUN), (str(number), 504 if number < 10 else 500, y, 18, SARABUN)]

    first = [row for n in range(10) for row in entry(f"ระบบงานที่ {n + 1} ของร้านกาแฟ", n + 1, 420 + 35.5 * n)]
    second = [row for n in range(10) for row in entry(f"ระบบงานที่ {n + 11} ของร้านกาแฟ", n + 11, 90 + 35.5 * n)]
    doc = open_document(make_pdf([first, second]))
    assert "ระบบงานที่ 10 ของร้านกาแฟ 10" in texts(doc.page(1)) and "ระบบงานที่ 11 ของร้านกาแฟ 11" in texts(doc.page(2))
    assert doc.page(1).furniture == () and doc.page(2).furniture == ()


def test_running_heads_match_whether_sara_aa_is_drawn_as_sara_am_or_not() -> None:
    """A Word file's raw layer draws sara aa with sara am's glyph ("อำจำรย์"), which the
    page's own reading repairs: its head and foot did not match the pages nearby, and
    were heard on all 20 pages."""
    assert furniture_key("อำจำรย์สมชัย  เชียงพงศ์พันธุ์") == furniture_key("อาจารย์สมชัย เชียงพงศ์พันธุ์")
    assert furniture_key("บทที่ 4 ค ำสั่งควบคุม") == furniture_key("บทที่ 4 คําสั่งควบคุม")  # ํ + า as drawn


def test_a_law_decks_table_header_two_thirds_of_a_line_above_its_rows_is_read(tmp_path: Path) -> None:
    """Slides of one table, its header (มาตรา เนื้อหา จำคุก ปรับ หมายเหตุ) at the top of each,
    two thirds of a line above its first row: the header recurred like a running head."""
    header = ["มาตรา", "เนื้อหา", "จำคุก", "ปรับ (บาท)", "หมายเหตุ"]
    doc = pymupdf.open()
    for number in (14, 16):
        page = doc.new_page(width=960, height=540)
        page.insert_font(fontname="s", fontfile=str(SARABUN))
        for x, text in zip((14, 102, 637, 730, 828), header, strict=True):
            page.insert_text((x, 18), text, fontname="s", fontsize=18)
        for x, text in zip((14, 102, 637, 730, 828), (str(number), "ผู้ใดกระทำความผิด", "ไม่เกิน 5 ปี", "ไม่เกิน", "ยอมความได้"), strict=True):
            page.insert_text((x, 48), text, fontname="s", fontsize=16)
        page.insert_text((102, 300), BODY, fontname="s", fontsize=16)
    doc.save(tmp_path / "law.pdf")
    read = open_document(tmp_path / "law.pdf")
    for number in (1, 2):
        assert "หมายเหตุ" in read.page(number).text and not read.page(number).furniture


def test_a_tables_numbers_in_the_bottom_tenth_are_not_the_next_slides_number(tmp_path: Path) -> None:
    """A KPI table reaching a slide's foot: its "15%" and "10%" had no letters, so their key
    was a bare number's, and the next slide's number matched it: the values were dropped
    as running feet. A footer's date still recurs as it is, and is furniture."""
    doc = pymupdf.open()
    for number, values in ((20, ("15%", "10%")), (21, ("20%", "12%"))):
        page = doc.new_page(width=720, height=540)
        page.insert_font(fontname="s", fontfile=str(SARABUN))
        page.insert_text((33, 100), BODY, fontname="s", fontsize=14)
        page.insert_text((33, 130), BODY, fontname="s", fontsize=14)
        page.insert_text((33, 505), "อัตราการเข้าออก", fontname="s", fontsize=12)
        page.insert_text((429, 505), values[0], fontname="s", fontsize=12)
        page.insert_text((518, 505), values[1], fontname="s", fontsize=12)
        page.insert_text((40, 530), "1/31/2021", fontname="s", fontsize=9)
        page.insert_text((680, 530), str(number), fontname="s", fontsize=9)
    doc.save(tmp_path / "kpi.pdf")
    read = open_document(tmp_path / "kpi.pdf")
    for number, values in ((1, ("15%", "10%")), (2, ("20%", "12%"))):
        page = read.page(number)
        assert all(value in page.text for value in values)
        assert "1/31/2021" in page.furniture


def test_a_heading_some_pages_begin_their_body_with_under_the_running_head_is_read(make_pdf: MakePdf) -> None:
    """A lab manual begins the body of some pages with "บันทึกผลการทดลอง", just under its
    running head, in the top tenth; it recurred two pages apart, and was dropped as a
    second running head from all but one, while the pages between began their body text
    in the same place. A second head every page repeats stays furniture."""
    record, head = "บันทึกผลการทดลอง", "บทที่ 4 คำสั่งควบคุม"
    firsts = [record, "การทดลองที่ 4_6 โปรแกรมแสดงการทำงานของคำสั่ง for", record, record,
              "การทดลองที่ 4_11 โปรแกรมแสดงการทำงานของคำสั่ง do while"]

    def page(number: int, first: str, second_head: bool) -> list:
        lines = [(head, 72, 41, 14, SARABUN), (f"Page {number + 59}", 500, 41, 14, SARABUN),
                 (first, 72, 71, 16, SARABUN), (BODY, 72, 120, 16, SARABUN), (BODY, 72, 150, 16, SARABUN)]
        return [*lines, ("ภาคเรียนที่ 1 ปีการศึกษา 2567", 72, 58, 12, SARABUN)] if second_head else lines

    doc = open_document(make_pdf([page(n, first, False) for n, first in enumerate(firsts, 1)]))
    for number in (1, 3, 4):
        assert texts(doc.page(number))[0] == record, number
    assert all(doc.page(n).furniture[0] == head for n in range(2, 6))
    repeated = open_document(make_pdf([page(n, BODY, True) for n in range(1, 6)]))
    assert all("ภาคเรียนที่ 1 ปีการศึกษา 2567" in repeated.page(n).furniture for n in range(2, 6))


def test_a_slides_steps_in_a_zig_zag_are_read_along_it(tmp_path: Path) -> None:
    """Four steps over and under a band of arrows: read row by row they were Backup, Check,
    Recovery, Report, while the slides after it take them 1 to 4 as drawn. Labels of
    different sizes in two rows stay read row by row."""
    doc = pymupdf.open()
    for steps in ((("Backup", 86, 178, 60), ("Recovery", 261, 445, 60), ("Check", 501, 178, 60),
                   ("Report", 678, 450, 60)),
                  (("ขั้นตอน", 86, 178, 60), ("สำรองข้อมูล", 261, 445, 30), ("ตรวจสอบ", 501, 178, 60))):
        page = doc.new_page(width=960, height=540)
        page.insert_font(fontname="s", fontfile=str(SARABUN))
        for text, x, y, size in steps:
            page.insert_text((x, y), text, fontname="s", fontsize=size)
    doc.save(tmp_path / "steps.pdf")
    read = open_document(tmp_path / "steps.pdf")
    assert texts(read.page(1)) == ["Backup", "Recovery", "Check", "Report"]
    assert texts(read.page(2)) == ["ขั้นตอน", "ตรวจสอบ", "สำรองข้อมูล"]


def test_a_filled_forms_values_are_read_in_their_blanks(make_pdf: MakePdf) -> None:
    """A co-op form filled on a computer: its labels and blanks are one line, each value
    typed over a blank a line of its own, a little larger. Read as lines they came before
    and after their labels ("- / คลองเตยเหนือ / 129 / เลขที่____ถนน____ ..."), the district
    heard after the postcode's label. Blanks left empty stay as they are."""
    address = "เลขที่__________ถนน__________________ซอย________ตำบล/แขวง________________"
    phone = "โทรศัพท์ _________________โทรสาร_______________________"
    lines = [(address, 72, 300, 14, SARABUN), (phone, 72, 320, 14, SARABUN)]
    layer = pymupdf.open(make_pdf([lines]))
    page = layer[0]
    values = [("129", 300), ("สุขุมวิท", 300), ("-", 300), ("คลองเตยเหนือ", 300), ("02-030-0999", 320)]
    page.insert_font(fontname="v", fontfile=str(SARABUN))
    xs = [page.search_for(label)[0].x1 + 8 for label in ("เลขที่", "ถนน", "ซอย", "ตำบล/แขวง", "โทรศัพท์")]
    for (text, y), x in zip(values, xs, strict=True):
        page.insert_text((x, y - 0.8), text, fontname="v", fontsize=16)
    path = make_pdf([[]])
    layer.save(path)
    text = open_document(path, use_cache=False).page(1).text
    assert "เลขที่ 129 ถนน สุขุมวิท ซอย - ตำบล/แขวง คลองเตยเหนือ" in text
    assert "โทรศัพท์ 02-030-0999 โทรสาร____" in text


def test_a_forms_rows_over_drawn_dotted_underlines_are_heard_one_by_one(make_pdf: MakePdf) -> None:
    """A co-op request form (b21_07): Word types each row's values over a dotted underline,
    drawn as a row of tiny filled squares, with no dots in the text. Each row ran to the
    margin like a line of prose, and the rows were heard as one paragraph."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    rows = ["ชื่อสถานประกอบการ บริษัท โค้ดแล็บ เทค จำกัด (Codelabs Tech Co.,Ltd.) สาขาดอนเมือง",
            "ที่อยู่เลขที่ 99/8 หมู่บ้าน นิว คอนเน็กซ์ เฮาส์ ดอนเมือง ถนน พหลโยธิน แขวง สนามบิน",
            "จังหวัด กรุงเทพมหานคร รหัสไปรษณีย์ 10210 โทรศัพท์ 092-059-4801 โทรสาร -"]
    prose = ["ข้าพเจ้าขอรับรองว่าข้อมูลข้างต้นเป็นความจริงทุกประการ และยินดีปฏิบัติตามระเบียบของ",
             "มหาวิทยาลัย"]
    right = 60 + max(font.text_length(text, 14) for text in rows + prose[:1])
    lines = [(text, right - font.text_length(text, 14), 200 + 22 * k, 14, SARABUN) for k, text in enumerate(rows)]
    lines += [(prose[0], right - font.text_length(prose[0], 14), 280, 14, SARABUN), (prose[1], 60, 302, 14, SARABUN)]
    doc = pymupdf.open(make_pdf([lines]))
    page = doc[0]
    for k, text in enumerate(rows):  # dots from after the label to the row's end, on its baseline
        left = right - font.text_length(text, 14) + font.text_length(text.split()[0], 14) + 2
        x = left
        while x < right:
            page.draw_rect(pymupdf.Rect(x, 200 + 22 * k + 0.5, x + 1.4, 200 + 22 * k + 0.9), color=None, fill=(0, 0, 0))
            x += 2.9
    path = make_pdf([[]])
    doc.save(path)
    found = texts(open_document(path, use_cache=False).page(1))
    assert found == [*rows, "".join(prose)]


def test_a_page_whose_drawings_cannot_be_listed_keeps_its_lines(make_pdf: MakePdf, monkeypatch) -> None:
    """Drawings are listed while a page is read ahead as a neighbour: damage there must cost
    nothing, the lines are kept as read (as a damaged link array's are)."""
    from guidelight.extract import drawn_blanks

    def damaged(page: pymupdf.Page) -> list:
        raise RuntimeError("syntax error in content stream")

    monkeypatch.setattr(drawn_blanks, "page_drawings", damaged)
    page = open_document(make_pdf([[(BODY, 72, 100, 16, SARABUN)]]), use_cache=False).page(1)
    assert texts(page) == [BODY]


def test_a_value_typed_in_a_blank_ending_a_label_is_heard_apart_from_the_next_label(tmp_path: Path) -> None:
    """An exam card (b19_23): "รอบสอบ ......" and "เวลาสอบ ......" share a row, the first's
    dots ending two points short of the second label, each value drawn after its label.
    With "รอบที่ 5" typed in the first blank, the row was heard "รอบที่ 5เวลาสอบ": the
    blank, filled, no longer parted them."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    x = 260.0
    for label, value in (("รอบสอบ ", "รอบที่ 5"), ("เวลาสอบ ", "09:00 - 12:00 น.")):
        dots = "." * 30
        page.insert_text((x, 300), label + dots, fontname="S", fontsize=14)
        page.insert_text((x + font.text_length(label + "..", fontsize=14), 299), value, fontname="S", fontsize=14)
        x += font.text_length(label + dots, fontsize=14) + 2
    path = tmp_path / "card.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    assert "รอบสอบ รอบที่ 5 เวลาสอบ 09:00 - 12:00 น." in text


def test_a_titles_lines_the_writer_broke_are_heard_apart(make_pdf: MakePdf) -> None:
    """An appendix's title page centres "ภาคผนวก ก" over its name: joined as a wrapped
    line is, it was heard "ภาคผนวก กการติดตั้งโปรแกรม". A title wrapped because its next
    word did not fit is still joined as one."""
    bold = pymupdf.Font(fontfile=str(SARABUN_BOLD))

    def centred(text: str) -> float:
        return 297 - bold.text_length(text, fontsize=18) / 2

    appendix, name = "ภาคผนวก ก", "การติดตั้งโปรแกรมเบื้องต้น"
    long_title = ["การพัฒนาระบบสารสนเทศเพื่อการจัดการข้อมูลการฝึกงาน", "ของนักศึกษาคณะวิศวกรรมศาสตร์"]
    pages = [[(appendix, centred(appendix), 400, 18, SARABUN_BOLD), (name, centred(name), 424, 18, SARABUN_BOLD)],
             [(long_title[0], 72, 100, 18, SARABUN_BOLD), (long_title[1], 72, 124, 18, SARABUN_BOLD),
              (BODY, 72, 160, 14, SARABUN), (BODY, 72, 180, 14, SARABUN)]]
    doc = open_document(make_pdf(pages))
    assert texts(doc.page(1), ParagraphKind.HEADING) == [f"{appendix} {name}"]
    assert texts(doc.page(2), ParagraphKind.HEADING) == ["".join(long_title)]


def test_a_running_head_the_pages_heading_repeats_is_heard_once(make_pdf: MakePdf) -> None:
    """Calculus notes head each page with its section ("1 ทบทวน", at the right of the top
    margin), and the first section is one page long: the head recurred nowhere, and the
    page began "1 ทบทวน", "1 ทบทวน". The heading below it is heard; a form's row of dots
    at the foot that the body repeats stays."""
    dots = "ลงชื่อ..............................................ผู้รายงาน"
    pages = [
        [("1 ทบทวน", 497, 64, 13.9, SARABUN), ("1 ทบทวน", 72, 102, 20, SARABUN_BOLD),
         (BODY, 72, 140, 13.9, SARABUN), (dots, 72, 400, 13.9, SARABUN), (dots, 72, 800, 13.9, SARABUN)],
        [("2 อัตราสัมพัทธ์", 478, 64, 13.9, SARABUN), ("2 อัตราสัมพัทธ์", 72, 102, 20, SARABUN_BOLD),
         (BODY, 72, 140, 13.9, SARABUN)],
        [("2 อัตราสัมพัทธ์", 478, 64, 13.9, SARABUN), (BODY, 72, 102, 13.9, SARABUN)],
    ]
    doc = open_document(make_pdf(pages))
    first = doc.page(1)
    assert first.text.count("1 ทบทวน") == 1 and "1 ทบทวน" in first.furniture
    assert texts(first, ParagraphKind.HEADING) == ["1 ทบทวน"]
    assert first.text.count("ผู้รายงาน") == 2


def test_a_chapters_first_page_number_at_its_foot_is_furniture_where_the_others_head_their_pages(
    make_pdf: MakePdf,
) -> None:
    """A LaTeX book sets a chapter's first page number alone at its foot, above the bottom
    tenth, and the other pages' numbers in their running heads. Page 87 of a Python text
    (macOS re-saved) was heard "87" after its last paragraph, a sentence that runs on to
    the next page. It counts with the numbers of the pages after it, so it is one too; a
    number at the foot of a page that is not its own stays in the text."""
    def chapter_start(foot: str) -> list[tuple[str, float, float, float, Path | str]]:
        return [("บทที่ 4", 72, 120, 24, SARABUN)] + [(BODY, 72, 200 + 24 * k, 14, SARABUN) for k in range(20)] + [
            (foot, 290, 730, 11, SARABUN)
        ]

    def page(number: int) -> list[tuple[str, float, float, float, Path | str]]:
        head = [("บทที่ 4. ชนิดข้อมูลสตริง", 72, 60, 11, SARABUN), (str(number), 500, 60, 11, SARABUN)]
        return head + [(BODY, 72, 120 + 24 * k, 14, SARABUN) for k in range(20)]

    doc = open_document(make_pdf([chapter_start("87"), page(88), page(89)]), use_cache=False)
    first = doc.page(1)
    assert "87" not in first.text and "87" in first.furniture
    assert first.label == "87"
    assert all(str(n) not in doc.page(n - 86).text for n in (88, 89))
    other = open_document(make_pdf([chapter_start("12"), page(88), page(89)]), use_cache=False)
    assert other.page(1).text.endswith("12")


def test_two_columns_under_a_title_block_are_read_in_turn_when_only_the_right_one_is_justified(
    make_pdf: MakePdf,
) -> None:
    """A Word 2019 article: a title block of eight centred lines over two columns, the
    columns' headings ("บทคัดย่อ", "1. บทนำ") on one row, their lines on shared rows. The
    left column ends at two edges three points apart (its abstract and its keywords), so
    it was not taken for a justified column, and the page was read row by row, one line of
    the abstract, one of the introduction. The right column is justified and the left one
    is prose: they are columns."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    abstract, keywords = "โครงงานวิจัยนี้พัฒนาระบบปัญญาประดิษฐ์เพื่อ", "คำสำคัญ ปัญญาประดิษฐ์ทางการแพทย์ การเรียน"
    intro = "การบาดเจ็บของอวัยวะภายในช่องท้องจากอุบัติเหตุ"
    title = [(text, 297 - font.text_length(text, fontsize=size) / 2, 90 + 28 * k, size, SARABUN)
             for k, (text, size) in enumerate((("การประเมินความเสี่ยงการบาดเจ็บของลำไส้จากภาพเอกซเรย์คอมพิวเตอร์", 16), ("เทคนิคการระบุตำแหน่งรอยโรค", 16),
                                               ("AI-Based Risk Assessment of Bowel Injury from Abdominal CT", 14), ("with Saliency-Guided Localization", 14),
                                               ("ชากีรีน อาแซ อับดุลก็อฟฟาร์ นุ้ยดำ", 12), ("และ อารฝัน บากา", 12),
                                               ("โรงเรียนวิทยาศาสตร์จุฬาภรณราชวิทยาลัย สตูล อำเภอเมืองสตูล จังหวัดสตูล", 12),
                                               ("Email : pccst@pccst.ac.th", 12)))]
    heads = [("บทคัดย่อ", 72, 300, 13, SARABUN_BOLD), ("1. บทนำ", 322, 300, 13, SARABUN_BOLD)]
    left = [(abstract, 72, 330 + 15 * k, 11, SARABUN) for k in range(11)]
    left += [(keywords, 72, 510 + 15 * k, 11, SARABUN) for k in range(7)]
    right = [(intro, 322, 330 + 15 * k, 11, SARABUN) for k in range(20)]
    assert abs(font.text_length(keywords, fontsize=11) - font.text_length(abstract, fontsize=11)) > 2
    page = open_document(make_pdf([title + heads + left + right]), use_cache=False).page(1)
    assert page.text.index(keywords) < page.text.index("1. บทนำ") < page.text.index(intro)
    assert page.text.count(abstract + abstract) >= 1  # the abstract's lines are one paragraph, not rows


def test_two_columns_under_an_articles_title_block_and_abstract_are_read_in_turn(make_pdf: MakePdf) -> None:
    """A conference paper printed to PDF (b20_14): a centred title of two lines, authors,
    two affiliations and e-mails, then "บทคัดย่อ" over a full-width abstract whose last line,
    and the keywords line under it, reach across the gutter below. The columns' rows are
    half a line apart, so no row shows the gutter. Seven lines crossed it, and the abstract's
    heading, standing on the left side alone, made the abstract part of the columns' rows:
    the introduction was heard a line of the left column, then one of the right, in turn."""
    font = pymupdf.Font(fontfile=str(SARABUN))
    centred = [("การเปรียบเทียบการเคลื่อนไหวสำหรับช่วยฝึกซ้อมมวยไทยด้วย", 18), ("การเรียนรู้การมองเห็น", 18),
               ("ณพงศ์ พิพัฒน์บวรกุล และ นวิน เวชสุวรรณ", 12), ("คณะเทคโนโลยีสารสนเทศ สถาบันเทคโนโลยีพระจอมเกล้า", 10),
               ("คณะเทคโนโลยีสารสนเทศ สถาบันเทคโนโลยีพระจอมเกล้า", 10), ("Emails: 63070219@it.kmitl.ac.th", 10)]
    title = [(text, 300 - font.text_length(text, fontsize=size) / 2, 80 + 22 * k, size, SARABUN)
             for k, (text, size) in enumerate(centred)]
    wide = "การเปรียบเทียบท่าทางผู้เรียนและครูฝึกผ่านวิดิโอ โดยทำการสร้างโครงกระดูกเพื่อนำตำแหน่ง"
    keywords = "คำสำคัญ – Pose estimation; Pose similarity; Pose tracking"
    abstract = [("บทคัดย่อ", 72, 230, 12, SARABUN_BOLD)]
    abstract += [(wide, 72, 250 + 16 * k, 10, SARABUN) for k in range(4)]
    abstract += [("ความต่างระหว่างผู้เรียนที่ทำท่าเหมือนและไม่เหมือนมากที่สุด", 72, 314, 10, SARABUN),
                 (keywords, 90, 340, 10, SARABUN)]
    left_text, right_text = "มวยไทยเป็นศิลปะการต่อสู้แขนงหนึ่งของไทย", "การตรวจจับการเคลื่อนไหวเป็นที่ได้รับความสนใจ"
    left = [("1. บทนำ", 72, 374, 12, SARABUN_BOLD)]
    left += [(left_text, 72, 392 + 16 * k, 10, SARABUN) for k in range(14)]
    right = [(right_text, 290, 384 + 16 * k, 10, SARABUN) for k in range(14)]
    assert 72 + font.text_length(left_text, fontsize=10) < 260 and 90 + font.text_length(keywords, fontsize=10) > 300
    page = open_document(make_pdf([title + abstract + left + right]), use_cache=False).page(1)
    assert page.text.count(left_text + left_text) >= 1  # the left column's lines are read together
    assert page.text.index("1. บทนำ") < page.text.rindex(left_text) < page.text.index(right_text)


def test_a_line_opening_with_a_label_in_bold_begins_a_paragraph(make_pdf: MakePdf) -> None:
    """An interview's speaker turns ("เจ้าของหอพัก : ..."), a theorem's head set in bold
    ("บทนิยาม 2.2", its number a fragment of its own) and a proposal's fields, each label
    over another, were heard glued to the end of the paragraph before when it ran to the
    column's edge. A word set in bold for emphasis where a line wraps is still no break."""
    regular, bold = pymupdf.Font(fontfile=str(SARABUN)), pymupdf.Font(fontfile=str(SARABUN_BOLD))
    right = 60 + regular.text_length(BODY, 14)

    def labelled(label: str, text: str, y: float) -> list[tuple[str, float, float, float, Path]]:
        """``label`` in bold, then as much of ``text`` as fills the line to the column's edge."""
        x = 60 + bold.text_length(label + " ", 14)
        while regular.text_length(text, 14) > right - x:
            text = text[:-1]
        return [(label, 60, y, 14, SARABUN_BOLD), (text, x, y, 14, SARABUN)]

    def heard(*lines: list[tuple[str, float, float, float, Path]]) -> list[str]:
        page = open_document(make_pdf([[item for line in lines for item in line]]), use_cache=False).page(1)
        return texts(page)

    first = [(BODY, 60, 100, 14, SARABUN)]
    turns = heard(first, labelled("ผู้พัฒนาระบบ :", BODY, 122), labelled("เจ้าของหอพัก :", BODY, 144))
    assert [text[:14] for text in turns] == [BODY[:14], "ผู้พัฒนาระบบ :", "เจ้าของหอพัก :"]
    theorem = heard(first, [("บทนิยาม", 60, 122, 14, SARABUN_BOLD), ("2.2", 117, 122, 10, SARABUN_BOLD),
                            (BODY[:-12], 137, 122, 14, SARABUN)])
    assert len(theorem) == 2 and theorem[1].startswith("บทนิยาม 2.2 เศรษฐศาสตร์"), theorem
    fields = heard(labelled("ชื่อโครงงานภาษาไทย", BODY, 100), labelled("ชื่อโครงงานภาษาอังกฤษ", BODY, 122))
    assert len(fields) == 2 and fields[1].startswith("ชื่อโครงงานภาษาอังกฤษ"), fields
    emphasis = heard(first, labelled("ห้าม", "นำโทรศัพท์เข้าห้องสอบโดยเด็ดขาด", 122))
    assert len(emphasis) == 1 and emphasis[0].startswith(BODY) and "ห้าม" in emphasis[0]
    # a law lecture's: "... หน่วยรับงบประมาณที่เป็นหน่วยงานของรัฐประเภท" / "ที่ 3", in bold across the wrap
    x = 60 + regular.text_length(BODY[:-15], 14)
    wrapped = heard([(BODY[:-15], 60, 100, 14, SARABUN), (BODY[-15:], x, 100, 14, SARABUN_BOLD)],
                    labelled("ที่ 3", BODY, 122))
    assert len(wrapped) == 1, wrapped


def test_numbered_items_one_after_another_and_contents_entries_are_no_headings(make_pdf: MakePdf) -> None:
    """A proposal's objectives "1.2.1 เพื่อ..." to "1.2.4" look like numbered headings when
    short (the wrapped ones were body), and a report's contents entries ("1.1 ความสำคัญ
    ...... 1") were headings too: 90 of a thesis's 183, so heading navigation was useless.
    A numbered heading with its text under it, and the sections after it, stay headings."""
    objectives = ["1.2.1 เพื่อพัฒนาระบบนำเข้าสินค้าไอที", "1.2.2 เพื่อบริหารจัดการคำสั่งซื้อ", "1.2.3 เพื่อจัดทำเอกสารใบสั่งซื้อ"]
    lines = [("1.1 ที่มาและความสำคัญ ...................................... 1", 72, 60, 14, SARABUN),
             ("1.2 วัตถุประสงค์ ............................................. 2", 72, 80, 14, SARABUN),
             ("1.2 วัตถุประสงค์", 72, 130, 16, SARABUN_BOLD)]
    lines += [(text, 90, 152 + 22 * k, 14, SARABUN) for k, text in enumerate(objectives)]
    lines += [("1.3 ขอบเขต", 72, 240, 16, SARABUN_BOLD), (BODY, 72, 262, 14, SARABUN),
              ("1.4 ประโยชน์ที่คาดว่าจะได้รับ", 72, 300, 16, SARABUN_BOLD), (BODY, 72, 322, 14, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["1.2 วัตถุประสงค์", "1.3 ขอบเขต", "1.4 ประโยชน์ที่คาดว่าจะได้รับ"]
    assert all(text in texts(page, ParagraphKind.BODY) for text in objectives)


def test_a_number_alone_in_the_margin_beside_the_pages_own_number_is_text(make_pdf: MakePdf) -> None:
    """Calculus notes set a fraction at the foot of a page: its numerator "1" stands alone in
    the bottom margin, above the page number. It was dropped as a page number, and
    "f(x) = 1/x² > 0" was heard "f(x) = x² > 0". Where a number that counts up with the
    pages is the page's own, another number alone is the page's text."""
    pages = [[(BODY, 72, 100, 14, SARABUN), (BODY, 72, 122, 14, SARABUN), (str(n), 292, 815, 12, SARABUN)]
             for n in (10, 11, 12)]
    pages[1] += [("f(x) =", 100, 786, 12, SARABUN), ("1", 150, 777, 12, SARABUN), ("x²", 146, 795, 12, SARABUN),
                 ("> 0", 170, 786, 12, SARABUN)]
    page = open_document(make_pdf(pages), use_cache=False).page(2)
    assert page.furniture == ("11",)
    assert "1" in texts(page)


def _card(page: pymupdf.Page, box: pymupdf.Rect, lines: list[str], top: float, size: float = 11) -> None:
    """A coloured box with ``lines`` set in it from ``top``, each a line's pitch below the last."""
    page.draw_rect(box, color=None, fill=(0.36, 0.88, 0.9))
    for k, text in enumerate(lines):
        page.insert_text((box.x0 + 8, top + 1.4 * size * k), text, fontname="S", fontsize=size)


def test_an_org_charts_cards_side_by_side_keep_each_name_with_its_post(tmp_path: Path) -> None:
    """A Canva org chart (b18_17): two cards on a row, each a name over a post, the right
    card's lines set 2 points lower. Read by rows, the right card's name came between the
    left card's name and post, and its post after the left one's: the listener heard each
    post after the wrong name."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    page.insert_text((150, 80), "แผนภูมิผู้บริหารวิทยาลัยเทคนิค", fontname="S", fontsize=24)
    for row, top in enumerate((300, 500)):
        left = [f"นายเอกราช{row} เจริญสวัสดิ์", f"รองผู้อำนวยการซ้าย{row} ฝ่ายแผนงาน"]
        right = [f"นางสาวสำราญจิตร์{row} ภูมี", f"รองผู้อำนวยการขวา{row} ฝ่ายพัฒนากิจการ"]
        _card(page, pymupdf.Rect(47, top - 16, 285, top + 22), left, top)
        _card(page, pymupdf.Rect(324, top - 14, 562, top + 24), right, top + 2)
    path = tmp_path / "chart.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    marks = [mark for row in range(2) for mark in (f"นายเอกราช{row}", f"ซ้าย{row}", f"นางสาวสำราญจิตร์{row}", f"ขวา{row}")]
    assert _order(text, marks) == sorted(_order(text, marks))


def test_three_boxes_under_a_row_of_banners_are_read_banner_by_banner_and_box_by_box(tmp_path: Path) -> None:
    """A Publisher report (b18_15): a paragraph across the page, then three banners on a row
    over three coloured boxes of ragged lines, each box's rows 2 points off the next one's.
    The paragraph's last line reached over the first gutter and the right two banners were
    joined as one line, so no column was seen: the banners were heard 2, 3, 1 and the boxes a
    line of each in turn."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    for k, y in enumerate((250, 272, 294)):
        page.insert_text((55, y), f"นำ{k}" + PHRASES[k] + PHRASES[k + 1], fontname="S", fontsize=14)
    page.insert_text((55, 316), "ส่วนท้ายของย่อหน้านี้ยาวเกินช่องแรกและช่องที่สองไปจนเกือบถึงช่องที่สาม", fontname="S", fontsize=14)
    words = ["การไหว้", "พระพุทธ", "พระธรรม", "ผู้มีพระคุณ", "ครูอาจารย์", "ปลายจมูก", "ระหว่างคิ้ว"]
    for col in range(3):
        x = 30 + 186 * col
        banner = pymupdf.Rect(x, 362 - col, x + 175, 400 - col)
        page.draw_rect(banner, color=None, fill=(0.2, 0.3, 0.6))
        page.insert_text((x + 20, 386 - 1.5 * col), f"ระดับที่ {col + 1} หัว{col}", fontname="S", fontsize=16)
        body = [f"ช่อง{col}บรรทัด{k} {words[(k + col) % 7]}" for k in range(7 - col)]
        _card(page, pymupdf.Rect(x + 4, 440, x + 170, 660), body, 470 + 2 * col, size=13)
    path = tmp_path / "report.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    marks = [f"หัว{col}" for col in range(3)]
    marks += [f"ช่อง{col}บรรทัด{k}" for col in range(3) for k in range(7 - col)]
    assert _order(text, marks) == sorted(_order(text, marks))
    assert "ส่วนท้ายของย่อหน้า" in text and text.index("ส่วนท้ายของย่อหน้า") < text.index("หัว0")


def test_a_line_holding_only_a_name_is_joined_to_the_next_with_a_space() -> None:
    """Thai lines join with no space, and a Canva org chart's card (b18_17), a name over a
    post, was heard with the surname glued to the post. A wrapped sentence that only starts
    with a name goes on as Thai does."""
    from guidelight.extract.layout import join_all

    def line(text: str, y: float) -> Line:
        return Line(text, 90, y, 230, y + 12, y + 10, 10, False, 0)

    name, post = line("นางสาวชุติมา โชคกนกวัฒนา", 700), line("รองผู้อำนวยการฝ่ายวิชาการ", 721)
    assert join_all([name, post]) == "นางสาวชุติมา โชคกนกวัฒนา รองผู้อำนวยการฝ่ายวิชาการ"
    said = line("นายสมชาย ใจดี กล่าวเปิดงานและมอบรางวัลให้แก่นักเรียนที่ได้", 700)
    assert join_all([said, line("รับคัดเลือกทุกคน", 721)]) == f"{said.text}รับคัดเลือกทุกคน"
    assert join_all([line("นายกรัฐมนตรี กล่าวว่า", 700), line("การศึกษาสำคัญ", 721)]) == "นายกรัฐมนตรี กล่าวว่าการศึกษาสำคัญ"


def test_a_numbered_exercise_with_an_equation_is_no_heading(make_pdf: MakePdf) -> None:
    """A calculus text's exercises (b18_02), "1.5. y = x⁵ + 7x³ − 9", short lines opening with
    a section's kind of number, were headings, and more of them once their fractions were
    read on their lines. An equation heads nothing; a numbered section title still does."""
    lines = [("1.4 การหาอนุพันธ์ของฟังก์ชันพหุนาม", 72, 100, 16, SARABUN_BOLD)]
    lines += [(BODY, 72, 124 + 20 * k, 16, SARABUN) for k in range(4)]
    # read across two columns, the items are no run of siblings (1.1, 1.10, 1.2 ...)
    items = [1, 10, 2]
    lines += [(f"1.{k}. y = x{k} + 7x - {k}", 72, 230 + 40 * n, 16, SARABUN) for n, k in enumerate(items)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["1.4 การหาอนุพันธ์ของฟังก์ชันพหุนาม"]
    assert all(f"1.{k}. y = x{k} + 7x - {k}" in page.text for k in items)


def test_a_stacked_fraction_is_read_on_its_line_numerator_first(tmp_path: Path) -> None:
    """A calculus text set by TeX (b18_01): "รูปแบบ" and a fraction 0 over 0 on a bar, then
    "มักใช้" on the line. MuPDF's lines ran left to right, the numerator ending one and the
    denominator starting the next: "รูปแบบ 00 มักใช้". A side of more than one term is put in
    parentheses. A rule under a line of text, running past it, is no fraction bar, nor is an
    underline, however exactly it spans its text."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    font = pymupdf.Font(fontfile=str(SARABUN))

    def fraction(x: float, axis: float, top: str, bottom: str) -> float:
        widths = [font.text_length(side, fontsize=10) for side in (top, bottom)]
        wide = max(widths)
        page.insert_text((x + (wide - widths[0]) / 2, axis - 4.3), top, fontname="S", fontsize=10)
        page.insert_text((x + (wide - widths[1]) / 2, axis + 9.3), bottom, fontname="S", fontsize=10)
        page.draw_line((x, axis), (x + wide, axis), width=0.4)
        return x + wide

    page.insert_text((72, 143), "ค่าลิมิตที่อยู่ในรูปแบบ", fontname="S", fontsize=15)
    end = fraction(72 + font.text_length("ค่าลิมิตที่อยู่ในรูปแบบ ", fontsize=15), 140, "0", "0")
    page.insert_text((end + 5, 143), "และ", fontname="S", fontsize=15)
    end = fraction(end + 10 + font.text_length("และ", fontsize=15), 140, "x - 1", "x + 1")
    page.insert_text((end + 5, 143), "มักใช้การแยกตัวประกอบ", fontname="S", fontsize=15)
    page.insert_text((72, 220), "ตารางที่ 1 คะแนน", fontname="S", fontsize=10)
    page.draw_line((70, 222), (300, 222), width=0.4)
    page.insert_text((72, 233), "ผลการสอบ", fontname="S", fontsize=10)
    link = "www.kaggle.com/datasets"  # underlined just under its baseline, a line under it
    page.insert_text((72, 300), link, fontname="S", fontsize=10)
    page.draw_line((72, 301.5), (72 + font.text_length(link, fontsize=10), 301.5), width=0.5)
    page.insert_text((80, 313), "Dataset", fontname="S", fontsize=10)
    path = tmp_path / "calculus.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    assert "รูปแบบ 0/0 และ (x - 1)/(x + 1) มักใช้การแยกตัวประกอบ" in text
    assert "ตารางที่ 1 คะแนน" in text and "/ผลการสอบ" not in text and "คะแนน/" not in text
    assert "www.kaggle.com/datasets" in text and "/Dataset" not in text and "(Dataset)" not in text


def test_two_rows_of_small_print_under_lim_do_not_cost_the_page(make_pdf: MakePdf) -> None:
    """A smaller row over a limit's script, both under "lim", took the first row found for
    the script's and then looked for it in the other: the page was given up as damaged."""
    lines = [("ค่าของ lim", 72, 100, 15, SARABUN), ("ab", 124, 104, 5, SARABUN), ("x→0", 120, 112, 7, SARABUN),
             (BODY, 72, 160, 15, SARABUN)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert BODY in page.text and "lim" in page.text and "could not be read" not in page.text


def test_a_line_back_at_the_margin_after_a_short_list_item_ends_the_list(make_pdf: MakePdf) -> None:
    """An EGAT form (b18_20): three short items indented from the margin, then a sentence at
    the margin whose first run of Thai is a whole line long. It was read as the last item's
    end ("3. ประเภทนวัตกรรมด้านการเกษตร (...) คณะกรรมการตัดสิน..."). A numbered paragraph
    whose indented first line runs to the edge still wraps to the margin."""
    items = ["1. ประเภทนวัตกรรมด้านพลังงาน (พลังงานหมุนเวียน)", "2. ประเภทนวัตกรรมด้านการจัดการของเสีย (ขยะ)",
             "3. ประเภทนวัตกรรมด้านการเกษตร (ชีววิถี ต้นไม้ ฯลฯ)"]
    after = "คณะกรรมการตัดสินการประกวดนวัตกรรมด้านพลังงานและสิ่งแวดล้อม ประกอบด้วย"
    lines = [(BODY, 60, 100 + 22 * k, 14, SARABUN) for k in range(3)]
    lines += [(text, 96, 170 + 22 * k, 14, SARABUN) for k, text in enumerate(items)]
    lines += [(after, 60, 236, 14, SARABUN), ("1. " + BODY[:70], 96, 280, 14, SARABUN), (BODY, 60, 302, 14, SARABUN)]
    lines += [(BODY, 60, 324 + 22 * k, 14, SARABUN) for k in range(2)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    said = [page.text[p.start : p.end] for p in page.paragraphs]
    assert items[2] in said and any(text.startswith(after) for text in said)
    assert any(text.startswith("1. " + BODY[:70] + BODY) for text in said)


def test_a_slides_listings_are_no_headings_where_its_prose_is_a_small_footline(make_pdf: MakePdf) -> None:
    """Beamer's slide of two listings (b18_23, slide 12): its prose is a title, the listings'
    file names and a 6-point footline that outweighs them, so the body's size was 6 points
    and every line of code, set in 9, was a heading (10 of them). Lines in the listings' own
    size are code, not headings, whatever the prose's size."""
    code = ["\\documentclass{book}", "\\title{A Large Book}", "\\author{John Doe}", "\\begin{document}",
            "\\maketitle", "\\include{intro}", "\\include{prelim}", "\\end{document}"]
    lines = [("LARGE DOCUMENTS", 28, 39, 17.2, "helv"), ("main.tex", 19, 53, 10.9, "helv")]
    lines += [(text, 23, 67 + 11 * k, 9, "cour") for k, text in enumerate(code)]
    lines += [("intro.tex", 191, 54, 10.9, "helv"), ("\\chapter{Introduction}", 195, 68.5, 9, "cour"),
              ("prelim.tex", 191, 128, 10.9, "helv"), ("Typesets:", 28, 210, 10.9, "helv"),
              ("-> introduction ...", 198, 90, 9, "helv"), ("-> preliminary ...", 198, 164, 9, "helv"),
              ("Miscellaneous Topics and Large Documents of a Book in LaTeX", 131, 269, 6, "helv")]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    headings = texts(page, ParagraphKind.HEADING)
    assert "LARGE DOCUMENTS" in headings and not any("\\" in text for text in headings)


def test_a_display_reads_on_its_row_with_its_limit_root_and_stacked_fractions(tmp_path: Path) -> None:
    """A calculus text set by TeX (b18_01, b18_02): a limit's script "h→0" under "lim", and a
    fraction whose sides stand alone over and under their bar beside the row "f′(x) = lim",
    were read as four paragraphs. A root's sign stood apart from what its bar covers. Two
    fractions stacked one display under the other, their function names set in a Thai
    face of a large em, were read as one ("ccooss"). Each is now read on its row."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    font = pymupdf.Font(fontfile=str(SARABUN))

    def write(x: float, y: float, text: str, size: float) -> float:
        page.insert_text((x, y), text, fontname="S", fontsize=size)
        return x + font.text_length(text, fontsize=size)

    def stacked(x: float, axis: float, top: list[tuple[str, float]], bottom: list[tuple[str, float]]) -> float:
        widths = [sum(font.text_length(t, fontsize=z) for t, z in side) for side in (top, bottom)]
        wide = max(widths)
        for side, width, y in ((top, widths[0], axis - 4.1), (bottom, widths[1], axis + 9.0)):
            at = x + (wide - width) / 2
            for text, size in side:
                at = write(at, y, text, size)
        page.draw_line((x, axis), (x + wide, axis), width=0.4)
        return x + wide

    end = write(120, 200, "f′(x) = lim", 15)
    lim = font.text_length("lim", fontsize=15)
    write(end - lim / 2 - font.text_length("h→0", fontsize=7) / 2, 206.5, "h→0", 7)
    stacked(end + 4, 197.5, [("f(x + h) − f(x)", 10)], [("h", 10)])
    sign = write(120, 296, "f(x) = √", 10)  # TeX sets the sign high, its bar over the radicand
    radicand = write(sign, 300, "x + 8", 10)
    page.draw_line((sign, 291.5), (radicand, 291.5), width=0.4)
    for y, name, top, bottom in ((420, "tan x =", "sin", "cos"), (443.6, "cot x =", "cos", "sin")):
        end = write(265, y, name, 15)
        stacked(end + 4, y - 2.4, [(top, 15), (" x", 10)], [(bottom, 15), (" x", 10)])
    write(72, 520, "จากนิยามของอนุพันธ์จะได้ผลลัพธ์ดังข้างต้น", 15)
    path = tmp_path / "display.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    assert "f′(x) = lim h→0 (f(x + h) − f(x))/h" in text
    assert "f(x) = √(x + 8)" in text
    assert "tan x = (sin x)/(cos x)" in text and "cot x = (cos x)/(sin x)" in text


def test_listings_side_by_side_are_read_box_by_box_each_after_its_title(tmp_path: Path) -> None:
    """A Beamer slide (b18_23, slide 12): a listing in a box on the left, two listings
    stacked on the right, each box titled by a file name standing on its top edge. The
    titles' line boxes dip into the boxes, so no box was seen: the listings were heard a
    row of each in turn, and "prelim.tex" between two lines of the left one."""
    doc = pymupdf.open()
    page = doc.new_page(width=363, height=272)
    page.insert_text((28, 38), "LARGE DOCUMENTS", fontname="helv", fontsize=17)
    listings = {"main.tex": ((19, 55, 172, 185), 11), "intro.tex": ((191, 56, 344, 109), 4),
                "prelim.tex": ((191, 131, 344, 183), 4)}
    for title, (box, count) in listings.items():
        page.draw_rect(pymupdf.Rect(box), color=(0.5, 0.5, 0.5), fill=(0.95, 0.95, 1))
        page.insert_text((box[0], box[1] - 1.5), title, fontname="helv", fontsize=10.9)
        for k in range(count):
            page.insert_text((box[0] + 4, box[1] + 12 + 11 * k), f"\\{title[:-4]}line{{{k}}}", fontname="cour",
                             fontsize=9)
    path = tmp_path / "slide.pdf"
    doc.save(path)
    text = open_document(path, use_cache=False).page(1).text
    marks = [mark for title, (_, count) in listings.items()
             for mark in [title, *(f"\\{title[:-4]}line{{{k}}}" for k in range(count))]]
    assert _order(text, marks) == sorted(_order(text, marks))



def test_a_cells_last_line_over_a_shaded_row_stays_in_its_cell(tmp_path: Path) -> None:
    """A table of operators (b18_25) shades every other row's cells. A cell's second line
    ("การหารเอาส่วน") stands on the next row's shaded cell, as a box's title would, but in
    the cells' own style: it is no title, and stays with its cell's first line."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="S", fontfile=str(SARABUN))
    rows = [("3", "คอมพลีเมนต์ บวกลบ", ""), ("4", "การคูณ การหาร การหารเอาเศษ", "การหารเอาส่วน"),
            ("5", "การบวกและการลบ", ""), ("6", "การเลื่อนบิตทางขวา และทางซ้าย", "")]
    top = 200.0
    for k, (number, first, second) in enumerate(rows):
        height = 36.0 if second else 18.0
        if k % 2 == 0:
            for x0, x1 in ((100, 150), (280, 430)):
                page.draw_rect(pymupdf.Rect(x0, top, x1, top + height), color=None, fill=(0.85, 0.9, 1))
        page.insert_text((103, top + 13), number, fontname="S", fontsize=11)
        page.insert_text((283, top + 13), first, fontname="S", fontsize=11)
        if second:
            page.insert_text((283, top + 31), second, fontname="S", fontsize=11)
        top += height
    path = tmp_path / "table.pdf"
    doc.save(path)
    page = open_document(path, use_cache=False).page(1)
    assert any("การคูณ" in text and "การหารเอาส่วน" in text for text in texts(page))
    assert "การบวกและการลบ" in texts(page)


def test_a_running_head_is_repaired_as_the_text_is(make_pdf: MakePdf) -> None:
    """Word 2007 and Chromium write sara am as nikhahit and sara aa. The body was repaired,
    its running head not: ``check`` showed "บทที่ 4 คําสั่งควบคุม", and a document with no
    title of its own would be called by it."""
    pages = [[("บทที่ 4 คําสั่งควบคุม", 72, 40, 10, SARABUN), (BODY, 72, 100, 14, SARABUN), (str(n), 292, 815, 10, SARABUN)]
             for n in (1, 2, 3)]
    page = open_document(make_pdf(pages), use_cache=False).page(2)
    assert "บทที่ 4 คำสั่งควบคุม" in page.furniture


def test_a_centred_caption_ends_where_the_next_step_starts_left_of_it(make_pdf: MakePdf) -> None:
    """A user manual (b19_25): each screenshot's centred caption, then the next step's
    instruction at the paragraph indent, a line's pitch below (the page is set double
    spaced, and its pictures stand between). The caption's column is its
    own width, so the instruction's first words seemed not to have fitted beside it, and
    "เมื่อกดคลิกเข้ามาแล้ว ..." was heard as part of "ภาพที่ 4 ...", a figure's caption."""
    font = pymupdf.Font(fontfile=str(SARABUN))

    def centred(text: str) -> float:
        return 300 - font.text_length(text, fontsize=12) / 2

    captions = ["ภาพที่ 4 ตัวอย่างการแจ้งเตือนใน Email", "ภาพที่ 5 ตัวอย่างการยืนยัน Email", "ภาพที่ 6 ตัวอย่างการเปลี่ยนรหัส"]
    steps = ["เมื่อกดคลิกเข้ามาแล้ว ให้กด คำว่า “คลิกที่นี่”", "ก็จะแสดงหน้าการเปลี่ยนรหัสผ่าน ก็ทำการเปลี่ยนรหัสได้เลย"]
    lines = [("ให้ทำการเข้า Email ตนเอง เมื่อเข้า Email ของตนเองแล้วก็จะมีการแจ้งเตือน", 180, 100, 12, SARABUN),
             ("การเปลี่ยนรหัสผ่านเข้าไป ให้กดคลิกเข้าไป", 108, 134, 12, SARABUN)]
    for k, caption in enumerate(captions):
        lines.append((caption, centred(caption), 290 + 225 * k, 12, SARABUN))
        if k < len(steps):
            lines.append((steps[k], 180, 324 + 225 * k, 12, SARABUN))
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert all(step in texts(page) for step in steps)


def test_a_forms_fields_set_larger_than_its_notes_are_no_headings(make_pdf: MakePdf) -> None:
    """An e-Donation request (b19_27, JasperReports) sets its fields in 14 points and its
    notes in 12: each "ชื่อหน่วยรับบริจาค : ..." was heard as a heading. Fields (a label, a
    colon, a value) set as headings one after another, three or more, head nothing; the
    notes' title is a heading still."""
    fields = ["คำนำหน้าชื่อ : โรงเรียน", "ชื่อหน่วยรับบริจาค : บ้านหนองโป่ง", "ถนน : - ตำบล/แขวง : ขุย",
              "อำเภอ/เขต : ลำทะเมนชัย จังหวัด : นครราชสีมา"]
    lines = [("ใบคำขอรหัสผ่านใหม่ระบบบริจาคอิเล็กทรอนิกส์", 180, 100, 19, SARABUN)]
    lines += [(field, 20, 230 + 20 * k, 14, SARABUN) for k, field in enumerate(fields)]
    lines += [("หมายเหตุ", 32, 600, 14, SARABUN)]
    lines += [(BODY, 32, 620 + 14 * k, 12, SARABUN) for k in range(6)]
    page = open_document(make_pdf([lines]), use_cache=False).page(1)
    assert texts(page, ParagraphKind.HEADING) == ["ใบคำขอรหัสผ่านใหม่ระบบบริจาคอิเล็กทรอนิกส์", "หมายเหตุ"]
    assert all(field in texts(page, ParagraphKind.BODY) for field in fields)


def test_a_covers_names_are_no_headings_and_a_biographys_name_is(make_pdf: MakePdf) -> None:
    """A report's cover (b20_08) sets its authors' names large: "นาย ภูริณัฐ จิตมนัส รหัส
    นักศึกษา 61070171" and the two names under it were three level-1 headings, and "จัดทำโดย
    นาย อมเรศ ..." over "เสนอ อาจารย์ ..." two more on another's (b20_09). Names with their
    titles, or a cover's byline labels, set as headings one after another head nothing; one
    name over a biography's text still heads it."""
    names = ["จัดทำโดย", "นาย ภูริณัฐ จิตมนัส รหัสนักศึกษา 61070171", "นางสาว วิศรุตา แก้วงาม รหัสนักศึกษา 61070210"]
    cover = [("การใช้แบบจำลองเครือข่ายเพื่อศึกษาการแพร่ระบาด", 120, 100, 24, SARABUN)]
    cover += [(name, 150, 300 + 30 * k, 18, SARABUN) for k, name in enumerate(names)]
    cover += [(BODY, 72, 500 + 14 * k, 12, SARABUN) for k in range(8)]
    biography = [("ประวัติผู้เขียน", 72, 100, 18, SARABUN), ("นายจิรัฏฐ์ ศรีรัตนอาภรณ์", 72, 140, 16, SARABUN)]
    biography += [(BODY, 72, 170 + 14 * k, 12, SARABUN) for k in range(8)]
    read = open_document(make_pdf([cover, biography]), use_cache=False)
    assert texts(read.page(1), ParagraphKind.HEADING) == ["การใช้แบบจำลองเครือข่ายเพื่อศึกษาการแพร่ระบาด"]
    assert all(name in texts(read.page(1), ParagraphKind.BODY) for name in names)
    assert texts(read.page(2), ParagraphKind.HEADING) == ["ประวัติผู้เขียน", "นายจิรัฏฐ์ ศรีรัตนอาภรณ์"]


def test_a_contents_list_of_links_is_read_an_entry_at_a_time(tmp_path: Path) -> None:
    """A web page printed to PDF (the PyThaiNLP manual, b20_30) lists its sections as
    links, one under another, with no leaders and no page numbers. Thai lines join with no
    space, so two entries were heard as one sentence: "เรียงลำดับข้อมูลภาษาไทยใน List
    รับเวลาปัจจุบันเป็นภาษาไทย". Each line that is wholly a link of its own is an entry."""
    entries = ["ตัดคำไทย", "เรียงลำดับข้อมูลภาษาไทยใน List", "รับเวลาปัจจุบันเป็นภาษาไทย", "หาคำที่มีจำนวนการใช้งานมากที่สุด"]
    font = pymupdf.Font(fontfile=str(SARABUN))
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="sarabun", fontfile=str(SARABUN))
    for k, entry in enumerate(entries):
        y = 100 + 16 * k
        page.insert_text((86, y), entry, fontname="sarabun", fontsize=12)
        box = pymupdf.Rect(86, y - 11, 86 + font.text_length(entry, fontsize=12), y + 3)
        page.insert_link({"kind": pymupdf.LINK_URI, "from": box, "uri": f"https://example.org/{k}"})
    doc.save(tmp_path / "contents.pdf")
    assert texts(open_document(tmp_path / "contents.pdf", use_cache=False).page(1)) == entries
