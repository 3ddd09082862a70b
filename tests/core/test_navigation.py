"""Navigation over hand-built documents whose offsets are known by construction."""

from __future__ import annotations

import pytest

from guidelight.core.model import Document, OutlineEntry, Page, Position
from guidelight.core.navigation import (
    Span,
    Unit,
    letter_name,
    move,
    normalize_for_search,
    search,
    sentences_from,
    spell,
    unit_at,
    where_am_i,
)
from tests.pages import PageSpec, build_page


def build_document(
    specs: list[PageSpec], outline: tuple[OutlineEntry, ...] = ()
) -> tuple[Document, list[int]]:
    """The document and a list recording which pages were produced (to check laziness)."""
    loaded: list[int] = []

    def loader(n: int) -> Page:
        loaded.append(n)
        return build_page(n, specs[n - 1])

    doc = Document(title="Lecture", page_count=len(specs), content_hash="h", loader=loader, outline=outline)
    return doc, loaded


SPECS: list[PageSpec] = [
    [(1, [["บท", "ที่", "1"]]), (0, [["ภาษา", "ไทย", "ยาก"], ["ฉัน", "ชอบ", "อ่าน"]])],
    [],  # a scanned page: no text at all
    [(0, [["Cats", " ", "sleep."], ["Dogs", " ", "bark."]]), (2, [["สรุป"]])],
]


@pytest.fixture
def doc() -> Document:
    return build_document(SPECS)[0]


def text_of(doc: Document, span: Span | None) -> str:
    assert span is not None
    return doc.page(span.page).text[span.start : span.end]


def test_next_and_previous_sentence_cross_the_empty_page(doc: Document) -> None:
    first = unit_at(doc, Position(1, 0), Unit.SENTENCE)
    assert text_of(doc, first) == "บทที่1"
    second = move(doc, Position(1, 0), Unit.SENTENCE)
    assert text_of(doc, second) == "ภาษาไทยยาก"
    assert second is not None
    after_third = move(doc, second.position, Unit.SENTENCE, 2)
    assert after_third is not None and after_third.page == 3
    assert text_of(doc, after_third) == "Cats sleep."
    back = move(doc, after_third.position, Unit.SENTENCE, -1)
    assert text_of(doc, back) == "ฉันชอบอ่าน"


def test_previous_sentence_from_the_middle_goes_to_the_one_before(doc: Document) -> None:
    page = doc.page(1)
    middle = page.text.index("ชอบ")
    span = move(doc, Position(1, middle), Unit.SENTENCE, -1)
    assert text_of(doc, span) == "ภาษาไทยยาก"


def test_word_moves_use_the_document_segmentation_not_spaces(doc: Document) -> None:
    pos = Position(1, doc.page(1).text.index("ภาษา"))
    words = []
    for _ in range(3):
        span = move(doc, pos, Unit.WORD)
        assert span is not None
        words.append(text_of(doc, span))
        pos = span.position
    assert words == ["ไทย", "ยาก", "ฉัน"]


def test_ends_of_document_return_none(doc: Document) -> None:
    assert move(doc, Position(1, 0), Unit.SENTENCE, -1) is None
    last = doc.page(3).text.index("สรุป")
    assert move(doc, Position(3, last), Unit.WORD) is None
    assert move(doc, Position(3, 0), Unit.PAGE) is None
    assert move(doc, Position(1, 3), Unit.CHARACTER, -3) is not None
    assert move(doc, Position(1, 0), Unit.CHARACTER, -1) is None


def test_page_moves_land_on_empty_pages_too(doc: Document) -> None:
    assert move(doc, Position(1, 5), Unit.PAGE) == Span(2, 0, 0)
    assert move(doc, Position(3, 5), Unit.PAGE, -2) == Span(1, 0, len(doc.page(1).text))


def test_heading_moves_and_levels(doc: Document) -> None:
    nxt = move(doc, Position(1, 0), Unit.HEADING)
    assert text_of(doc, nxt) == "สรุป"
    assert move(doc, Position(1, 0), Unit.HEADING, level=1) is None
    prev = move(doc, Position(3, 0), Unit.HEADING, -1)
    assert text_of(doc, prev) == "บทที่1"


def test_paragraph_and_character_moves(doc: Document) -> None:
    para = move(doc, Position(1, 0), Unit.PARAGRAPH)
    assert text_of(doc, para) == "ภาษาไทยยาก ฉันชอบอ่าน"
    char = move(doc, Position(1, 0), Unit.CHARACTER, 2)
    assert text_of(doc, char) == "ท"


def test_sentences_from_starts_at_the_sentence_holding_the_position(doc: Document) -> None:
    inside = doc.page(1).text.index("ไทย")
    got = [doc.page(n).slice(s.start, s.end) for n, s in sentences_from(doc, Position(1, inside))]
    assert got == ["ภาษาไทยยาก", "ฉันชอบอ่าน", "Cats sleep.", "Dogs bark.", "สรุป"]


def test_where_am_i_names_page_heading_and_percent(doc: Document) -> None:
    doc.page(1)  # read earlier, so its heading is known
    page3 = doc.page(3)
    info = where_am_i(doc, Position(3, len(page3.text) // 2))
    assert (info.page, info.page_count) == (3, 3)
    assert info.heading == "บทที่1"  # the heading on page 3 comes later than the reader
    assert info.percent == round(100 * (2 + (len(page3.text) // 2) / len(page3.text)) / 3)
    assert info.describe("en") == f"Lecture, page 3 of 3, heading บทที่1, {info.percent} percent"
    assert info.describe("th").startswith("Lecture, หน้า 3 จาก 3, หัวข้อ บทที่1")
    at_end = where_am_i(doc, Position(3, page3.text.index("สรุป")))
    assert at_end.heading == "สรุป"


def test_where_am_i_never_processes_unseen_pages() -> None:
    outline = (OutlineEntry(1, "Intro", 1), OutlineEntry(1, "Part 2", 5))
    doc, loaded = build_document(SPECS * 3, outline=outline)
    info = where_am_i(doc, Position(8, 0))
    assert loaded == [8]
    assert info.heading == "Part 2"


def test_letter_names_for_spelling() -> None:
    assert spell("ก่า") == ["กอ ไก่", "ไม้เอก", "สระอา"]
    assert letter_name("ฮ") == "ฮอ นกฮูก"
    assert letter_name("๓") == "สาม"
    assert spell("Ab ", "en") == ["capital A", "b", "space"]
    assert letter_name(" ", "th") == "เว้นวรรค"


def test_search_normalization_folds_invisible_differences() -> None:
    decomposed = "น\u0e4d\u0e32"  # nikhahit + sara aa, seen in PDFs for sara am
    assert normalize_for_search(decomposed)[0] == "นำ"
    assert normalize_for_search("ภา ษา\u200bไทย")[0] == "ภาษาไทย"
    assert normalize_for_search("Big  Cat")[0] == "big cat"
    swapped = "ก\u0e49\u0e31"  # tone mark typed before the vowel mark
    assert normalize_for_search(swapped)[0] == normalize_for_search("ก\u0e31\u0e49")[0]


def test_search_finds_thai_across_stray_spaces_and_maps_offsets_back() -> None:
    doc, _ = build_document([[(0, [["ภา ษา", "ไทย"]])], [(0, [["ภาษา", "อังกฤษ"]])]])
    hit = search(doc, "ภาษา", Position(1, 0), forward=True)
    assert hit == Span(2, 0, 4)
    first = search(doc, "ภาษา", Position(2, 0))
    assert first is not None and text_of(doc, first) == "ภา ษา"
    back = search(doc, "ภาษา", Position(2, 0), forward=False)
    assert back == Span(1, 0, 5)
    assert search(doc, "ภาษา", Position(2, 0), wrap=False) is None
    assert search(doc, "   ", Position(1, 0)) is None
    assert search(doc, "ฝรั่งเศส", Position(1, 0)) is None


def _continuing(specs: list[PageSpec], continues: set[int]) -> Document:
    from dataclasses import replace

    def loader(n: int) -> Page:
        return replace(build_page(n, specs[n - 1]), continues=n in continues)

    return Document(title="Cut", page_count=len(specs), content_hash="c", loader=loader)


def test_spoken_sentences_join_only_a_sentence_the_page_break_cut() -> None:
    from guidelight.core.navigation import spoken_sentences

    specs: list[PageSpec] = [
        [(0, [["Cats", " ", "sleep."], ["They", " ", "dream"]])],
        [(0, [["of", " ", "mice."], ["Dogs", " ", "bark."]])],
        [(1, [["Heading"]]), (0, [["Birds", " ", "sing."]])],
    ]
    joined = list(spoken_sentences(_continuing(specs, {1, 2}), Position(1, 0)))
    # Page 2 "continues" but page 3 opens with a heading: nothing runs on into a heading.
    assert [s.text for s in joined] == ["Cats sleep.", "They dream of mice.", "Dogs bark.", "Heading", "Birds sing."]
    whole = joined[1]
    assert whole.turn is not None and (whole.page, whole.turn.page, whole.turn.start) == (1, 2, 0)
    assert whole.place(whole.start) == (1, whole.start)
    assert whole.place(whole.start + whole.text.index("mice")) == (2, 3)
    assert whole.part(whole.start).page == 1 and whole.part(whole.start + whole.turn.at).page == 2
    plain = [s.text for s in spoken_sentences(_continuing(specs, set()), Position(1, 0))]
    assert plain == ["Cats sleep.", "They dream", "of mice.", "Dogs bark.", "Heading", "Birds sing."]
