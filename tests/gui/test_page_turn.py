"""A sentence cut by a page break is read as one sentence, and the highlight, the shown
page and the caret follow the voice onto the next page in the middle of it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from guidelight.core.model import Document, Position

from .gui_fakes import make_page
from .test_journeys import App, key, sentence_text

PAGES = [
    [(0, ["บท|นำ|สั้น", "การ|ฟัง|เป็น"])],  # the page ends in mid-sentence ...
    [(0, ["ทักษะ|สำคัญ", "จด|บันทึก"])],  # ... and it goes on here
]


def _cut_document() -> Document:
    def load(number: int):  # type: ignore[no-untyped-def]
        page = make_page(number, PAGES[number - 1])
        return replace(page, continues=number == 1)

    return Document(title="Cut", page_count=2, content_hash="cut", loader=load)


def test_a_sentence_over_a_page_break_is_heard_once_and_followed_overleaf(app: App, qtbot) -> None:
    app.doc = _cut_document()
    app.opener.docs["lecture.pdf"] = app.doc
    window, speaker = app.start(str(app.pdf))
    qtbot.waitUntil(lambda: window.session.doc is not None)
    key(window, Qt.Key.Key_Space)
    assert speaker.hear_next().text == "บทนำสั้น"
    whole = speaker.hear_next()
    assert whole is not None and whole.text == "การฟังเป็นทักษะสำคัญ"  # Thai to Thai: no space put in
    assert window.session.shown_page == 1 and sentence_text(window) == "การฟังเป็น"
    speaker.hear_word(whole, whole.turn.at, len("ทักษะ"))  # the voice reaches the next page's part
    assert window.session.shown_page == 2
    assert window.session.position == Position(2, 0)
    assert sentence_text(window) == "ทักษะสำคัญ"
    assert speaker.hear_next().text == "จดบันทึก"  # the rest is not said twice
    assert speaker.hear_next() is None
