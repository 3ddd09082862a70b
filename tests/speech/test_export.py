"""export-audio: one playable file per section, the right length, titles tagged, nothing outside DIR."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import miniaudio
import pytest

from guidelight.core.errors import GuideLightError
from guidelight.core.model import Document, Lang, Page, Paragraph, ParagraphKind, Sentence, Word
from guidelight.speech.export import export_audio, inside, sections

from .conftest import RATE, ToneBackend


def make_page(number: int, parts: list[tuple[str, bool]]) -> Page:
    text, paragraphs = "", []
    for part, heading in parts:
        start = len(text)
        text += part
        end = len(text)
        sentence = Sentence(start, end, (Word(start, end, Lang.THAI),))
        kind = ParagraphKind.HEADING if heading else ParagraphKind.BODY
        paragraphs.append(Paragraph(start, end, kind, 1 if heading else 0, (sentence,)))
        text += "\n\n"
    return Page(number, text.rstrip("\n"), tuple(paragraphs))


def make_doc(pages: list[Page]) -> Document:
    by_number = {p.number: p for p in pages}
    return Document(title="เศรษฐศาสตร์", page_count=len(pages), content_hash="x", loader=by_number.__getitem__)


def riff_title(path: Path) -> str:
    data = path.read_bytes()
    at = data.index(b"INAM")
    size = struct.unpack("<I", data[at + 4 : at + 8])[0]
    return data[at + 8 : at + 8 + size].rstrip(b"\0").decode("utf-8")


HEADED = [
    make_page(1, [("บทที่ 1 ความขาดแคลน", True), ("ทรัพยากรมีจำกัด", False), ("ความต้องการไม่จำกัด", False)]),
    make_page(2, [("ต่อจากหน้าแรก", False), ("บทที่ 2 ../../อุปสงค์", True), ("Demand curve", False)]),
]


def test_sections_follow_headings_across_pages() -> None:
    parts = sections(make_doc(HEADED))
    assert [s.title for s in parts] == ["บทที่ 1 ความขาดแคลน", "บทที่ 2 ../../อุปสงค์"]
    assert [len(s.utterances) for s in parts] == [4, 2]
    assert parts[0].utterances[-1].page == 2


def test_wav_export_files_lengths_tags_and_playlist(tmp_path: Path) -> None:
    backend = ToneBackend()
    out = tmp_path / "out"
    seen: list[tuple[int, int]] = []
    result = export_audio(make_doc(HEADED), out, backend=backend, progress=lambda d, t, _: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    assert len(result.files) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f.name for f in result.files), "playlist.m3u"])
    spoken = [sum(len(t) for t, _ in backend.calls[:4]), sum(len(t) for t, _ in backend.calls[4:])]
    for path, chars, title in zip(result.files, spoken, ["บทที่ 1 ความขาดแคลน", "บทที่ 2 ../../อุปสงค์"], strict=True):
        with wave.open(str(path), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
        assert seconds == pytest.approx(chars * 0.01, abs=0.01)
        assert riff_title(path) == title
    playlist = result.playlist.read_text(encoding="utf-8").splitlines()
    assert playlist[0] == "#EXTM3U" and playlist[2] == result.files[0].name
    assert playlist[3].endswith(",บทที่ 2 ../../อุปสงค์")


def test_mp3_export_decodes_to_the_right_length(tmp_path: Path) -> None:
    backend = ToneBackend(seconds_per_char=0.05)
    result = export_audio(make_doc(HEADED), tmp_path, fmt="mp3", backend=backend)
    for path, calls in zip(result.files, (backend.calls[:4], backend.calls[4:]), strict=True):
        assert path.read_bytes()[:3] == b"ID3"
        decoded = miniaudio.mp3_read_file_f32(str(path))
        expected = sum(len(t) for t, _ in calls) * 0.05
        assert decoded.sample_rate == RATE
        assert decoded.num_frames / decoded.sample_rate == pytest.approx(expected, abs=0.15)


def test_pages_when_there_are_no_headings(tmp_path: Path) -> None:
    pages = [make_page(n, [(f"หน้า {n} เนื้อหา", False)]) for n in (1, 2, 3)]
    result = export_audio(make_doc(pages), tmp_path, backend=ToneBackend())
    assert [riff_title(p) for p in result.files] == ["Page 1", "Page 2", "Page 3"]


def test_never_writes_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(GuideLightError):
        inside(tmp_path, "../escape.wav")
    result = export_audio(make_doc(HEADED), tmp_path / "d", backend=ToneBackend())
    assert all(p.parent == (tmp_path / "d").resolve() for p in result.files)
    assert {p.name for p in tmp_path.iterdir()} == {"d"}


def test_a_sentence_cut_by_a_page_break_is_one_utterance_in_the_audio() -> None:
    from dataclasses import replace

    cut = [replace(make_page(1, [("บทที่ 1 ตลาด", True), ("ตลาดคือที่ที่ผู้ซื้อ", False)]), continues=True),
           make_page(2, [("และผู้ขายพบกัน", False), ("ราคาเกิดจากอุปสงค์", False)])]
    [section] = sections(make_doc(cut))
    assert [u.text for u in section.utterances] == ["บทที่ 1 ตลาด", "ตลาดคือที่ที่ผู้ซื้อและผู้ขายพบกัน",
                                                    "ราคาเกิดจากอุปสงค์"]
    whole = section.utterances[1]
    assert whole.turn is not None and (whole.page, whole.turn.page, whole.turn.start) == (1, 2, 0)
    no_headings = [replace(make_page(1, [("ตลาดคือที่ที่ผู้ซื้อ", False)]), continues=True),
                   make_page(2, [("และผู้ขายพบกัน", False), ("ราคาเกิดจากอุปสงค์", False)])]
    assert [[u.text for u in s.utterances] for s in sections(make_doc(no_headings))] == [
        ["ตลาดคือที่ที่ผู้ซื้อและผู้ขายพบกัน"], ["ราคาเกิดจากอุปสงค์"]]
