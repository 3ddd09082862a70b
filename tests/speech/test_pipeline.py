"""Runs, chunks and marks: what the synthesizer does between the text and the audio."""

from __future__ import annotations

from pathlib import Path

from guidelight.core.model import Lang
from guidelight.speech.backend import Synthesis, VoiceSettings, WordEvent
from guidelight.speech.lexicon import Lexicon
from guidelight.speech.normalize import Normalizer
from guidelight.speech.pipeline import SpokenRun, Synthesizer, estimate_marks, plan, split_long
from guidelight.speech.script import Run, split_runs

from .conftest import ToneBackend

PHRASE = "เทคนิคแรกคือการเตรียมตัวก่อนฟัง อ่านหัวข้อล่วงหน้า ต่าง ๆ เพื่อให้รู้ว่าจะได้ยินเรื่องอะไร "


def test_script_runs() -> None:
    text = "ความขาดแคลน (Scarcity) คือ Python 3 และ"
    runs = [(text[r.start : r.end], r.lang) for r in split_runs(text)]
    assert runs == [
        ("ความขาดแคลน (", Lang.THAI),
        ("Scarcity) ", Lang.ENGLISH),
        ("คือ ", Lang.THAI),
        ("Python 3 ", Lang.ENGLISH),
        ("และ", Lang.THAI),
    ]
    assert [(r.start, r.end, r.lang) for r in split_runs("2566")] == [(0, 4, Lang.THAI)]
    assert split_runs("") == []


def test_a_vectors_arrow_goes_with_its_letter() -> None:
    """b18_27's arrows drawn over u, i and j come out glued before them; the Thai run must not
    keep the arrow, or the letter after it is out of its sight and it is read as "right arrow"."""
    text = "กำหนดให้ →i, →jและ ก→ข"
    runs = [(text[r.start : r.end], r.lang) for r in split_runs(text)]
    assert runs == [("กำหนดให้ ", Lang.THAI), ("→i, →j", Lang.ENGLISH), ("และ ก→ข", Lang.THAI)]
    said = [spoken.normalized.text.strip() for spoken in plan(text, Normalizer(Lexicon.load(Path("/nonexistent"))))]
    assert said == ["กำหนดให้", "เวกเตอร์", "i,", "เวกเตอร์", "j", "และ ก ลูกศรขวา ข"]
    # an arrow glued before a word is no vector's: it stays in the run before, and is named
    # there (moved to the word's run, it opened that run and was taken for a bullet, silent)
    menu = "ให้เลือกเมนู →New แล้วกด"
    said = [spoken.normalized.text.strip() for spoken in plan(menu, Normalizer(Lexicon.load(Path("/nonexistent"))))]
    assert said == ["ให้เลือกเมนู ลูกศรขวา", "New", "แล้วกด"]


def test_long_runs_are_cut_at_spaces_but_not_before_mai_yamok() -> None:
    text = PHRASE * 6
    pieces = split_long(text, Run(0, len(text), Lang.THAI), limit=60)
    assert len(pieces) > 6
    assert "".join(text[p.start : p.end] for p in pieces) == text
    assert all(p.end - p.start <= 60 for p in pieces)
    assert not any(text[p.start : p.end].startswith("ๆ") for p in pieces)


def test_chunks_of_a_long_sentence_keep_their_words_in_order() -> None:
    text = PHRASE * 4
    backend = ToneBackend()
    synthesizer = Synthesizer(backend, Normalizer(Lexicon.load(Path("/nonexistent"))))
    chunks = list(synthesizer.chunks(text, 100, VoiceSettings()))
    assert len(chunks) > 1 and all(len(c.text) <= 130 for c in chunks)
    offsets = [m.offset for c in chunks for m in c.marks]
    assert offsets == sorted(offsets) and offsets[0] == 100
    heard = "".join(text[o - 100 : o - 100 + m.length] for c in chunks for m in c.marks for o in [m.offset])
    assert heard == "".join(c for c in text if not c.isspace())


def test_engine_word_events_are_used_when_given() -> None:
    normalizer = Normalizer(Lexicon.load(Path("/nonexistent")))
    text = "hello big world"
    spoken = SpokenRun(Run(0, len(text), Lang.ENGLISH), text, normalizer.normalize(text, Lang.ENGLISH))
    synthesis = Synthesis(b"\0\0" * 1000, 1000, (WordEvent(0, 5, 10), WordEvent(6, 3, 400), WordEvent(10, 5, 700)))
    marks = estimate_marks(spoken, synthesis, base=50)
    assert [(m.frame, m.offset, m.length) for m in marks] == [(10, 50, 5), (400, 56, 3), (700, 60, 5)]


def test_estimated_marks_spread_over_the_voiced_audio() -> None:
    normalizer = Normalizer(Lexicon.load(Path("/nonexistent")))
    text = "aaaa bbbb"
    spoken = SpokenRun(Run(0, len(text), Lang.ENGLISH), text, normalizer.normalize(text, Lang.ENGLISH))
    pcm = b"\0\0" * 100 + b"\x00\x40" * 1000 + b"\0\0" * 100  # silence, 1000 loud frames, silence
    marks = estimate_marks(spoken, Synthesis(pcm, 1000), base=0)
    assert [m.offset for m in marks] == [0, 5]
    assert 100 <= marks[0].frame <= 132  # where the sound starts (searched in steps of 32 frames)
    assert 550 <= marks[1].frame <= 650  # the second halfway through the voiced part


def test_engine_word_events_are_not_trusted_for_thai_or_when_out_of_order() -> None:
    normalizer = Normalizer(Lexicon.load(Path("/nonexistent")))
    thai = "ภาษาไทย ยากมาก"
    spoken = SpokenRun(Run(0, len(thai), Lang.THAI), thai, normalizer.normalize(thai, Lang.THAI))
    pcm = b"\x00\x40" * 1000
    wrong = (WordEvent(0, 8, 0), WordEvent(8, 6, 900))  # espeak-style: whole space-separated runs
    marks = estimate_marks(spoken, Synthesis(pcm, 1000, wrong), base=0)
    assert [thai[m.offset : m.offset + m.length] for m in marks] == ["ภาษาไทย", "ยาก", "มาก"]
    english = "one two three"
    spoken = SpokenRun(Run(0, len(english), Lang.ENGLISH), english, normalizer.normalize(english, Lang.ENGLISH))
    shuffled = (WordEvent(0, 3, 0), WordEvent(4, 3, 800), WordEvent(8, 5, 300))
    marks = estimate_marks(spoken, Synthesis(pcm, 1000, shuffled), base=0)
    assert [m.frame for m in marks] == sorted(m.frame for m in marks) and marks[1].frame != 800


def test_thai_operator_words_in_a_code_line_are_said_by_the_thai_voice() -> None:
    backend = ToneBackend()
    synthesizer = Synthesizer(backend, Normalizer(Lexicon.load(Path("/nonexistent"))))
    text = "ถ้า x >= 5 แล้ว"
    chunks = list(synthesizer.chunks(text, 10, VoiceSettings()))
    said = [(call[0].strip(), call[1].voice_id) for call in backend.calls]
    assert said == [
        ("ถ้า", "th-voice"),
        ("x", "en-voice"),
        ("มากกว่าหรือเท่ากับ", "th-voice"),
        ("5", "en-voice"),
        ("แล้ว", "th-voice"),
    ]
    heard = [text[m.offset - 10 : m.offset - 10 + m.length] for c in chunks for m in c.marks]
    assert heard == ["ถ้า", "x", ">=", "5", "แล้ว"]
