"""Export a document as audio files a student can take to a phone: one per section, plus a playlist.

Sections follow the document's headings; a document without headings gets one file per
page. Titles go into the files' own tags (RIFF INFO for WAV, ID3v2 for MP3) and into an
M3U playlist. Every path is checked to stay inside the chosen folder, whatever a
heading contains.
"""

from __future__ import annotations

import re
import struct
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from guidelight.core.errors import GuideLightError
from guidelight.core.model import Document, Position
from guidelight.core.navigation import spoken_sentences
from guidelight.speech.backend import NORMAL_RATE, SpeechBackend, Synthesis, VoiceSettings
from guidelight.speech.pipeline import Synthesizer
from guidelight.speech.speaker import Utterance

Progress = Callable[[int, int, str], None]
MP3_BITRATE = 64  # kbit/s: plenty for one voice, and small on a phone


@dataclass(frozen=True)
class Section:
    title: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    playlist: Path
    seconds: float  # total audio length


def sections(doc: Document) -> list[Section]:
    """Split at headings; with no heading anywhere, one section per page. A sentence cut by
    a page break is one utterance (``spoken_sentences``), in the section it starts in."""
    pages = list(doc.pages())
    has_headings = any(p.is_heading for page in pages for p in page.paragraphs)
    headings = {  # where each heading's first sentence starts: a new section
        (page.number, para.sentences[0].start): " ".join(page.text[para.start : para.end].split())
        for page in pages for para in page.paragraphs if para.is_heading and para.sentences
    }
    result: list[Section] = []
    title, current, page_of_section = "", [], 0  # type: tuple[str, list[Utterance], int]
    for sentence in spoken_sentences(doc, Position(1, 0)):
        heading = headings.get((sentence.page, sentence.start))
        new_page = not has_headings and sentence.page != page_of_section
        if (heading is not None or new_page) and current:
            result.append(Section(title or doc.title or "Start", tuple(current)))
            current = []
        if heading is not None:
            title = heading
        elif new_page:
            title = f"Page {sentence.page}"
        page_of_section = sentence.page if new_page else page_of_section
        current.append(Utterance(sentence.text, sentence.page, sentence.start, turn=sentence.turn))
    if current:
        result.append(Section(title or doc.title or "Start", tuple(current)))
    return result


def safe_name(index: int, title: str, ext: str) -> str:
    """ "03 Supply and demand.wav": no path separators or characters phones choke on."""
    words = re.sub(r"[^\w\u0e00-\u0e7f .-]+|\.{2,}", " ", title)
    stem = " ".join(words.split())[:60].strip(" .") or "section"
    return f"{index:02d} {stem}.{ext}"


def inside(folder: Path, name: str) -> Path:
    """``folder/name``, refusing anything that would land outside ``folder``."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise GuideLightError(f"refusing to write {name!r} outside {folder}")
    return path


def riff_info(title: str, album: str, track: int) -> bytes:
    """A RIFF LIST/INFO chunk: title (INAM), album (IPRD) and track number (ITRK)."""
    body = b"INFO"
    for key, value in ((b"INAM", title), (b"IPRD", album), (b"ITRK", str(track))):
        data = value.encode("utf-8") + b"\0"
        body += key + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    return b"LIST" + struct.pack("<I", len(body)) + body


def write_wav(path: Path, pcm: bytes, sample_rate: int, tags: bytes) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm)
    with path.open("r+b") as f:  # append the tags and grow the RIFF size to cover them
        f.seek(0, 2)
        f.write(tags)
        size = f.tell() - 8
        f.seek(4)
        f.write(struct.pack("<I", size))


def id3v2(title: str, album: str, track: int) -> bytes:
    """An ID3v2.3 tag with UTF-16 text frames (Thai titles need Unicode)."""
    frames = b""
    for key, value in ((b"TIT2", title), (b"TALB", album), (b"TRCK", str(track))):
        data = b"\x01" + "\ufeff".encode("utf-16-le") + value.encode("utf-16-le")
        frames += key + struct.pack(">I", len(data)) + b"\0\0" + data
    size = len(frames)
    synchsafe = bytes((size >> s) & 0x7F for s in (21, 14, 7, 0))
    return b"ID3\x03\x00\x00" + synchsafe + frames


def encode_mp3(pcm: bytes, sample_rate: int) -> bytes:
    try:
        import lameenc
    except ImportError as exc:
        raise GuideLightError("MP3 export needs the lameenc package (pip install lameenc); use --format wav") from exc
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_BITRATE)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(pcm) + encoder.flush())


def section_audio(synthesizer: Synthesizer, section: Section, settings: VoiceSettings) -> Iterator[Synthesis]:
    for utterance in section.utterances:
        for chunk in synthesizer.chunks(utterance.text, utterance.start, settings):
            yield chunk.synthesis


def export_audio(
    doc: Document,
    out_dir: str | Path,
    fmt: str = "wav",
    rate: int = NORMAL_RATE,
    voice: str | None = None,
    progress: Progress | None = None,
    backend: SpeechBackend | None = None,
) -> ExportResult:
    """Write one file per section and ``playlist.m3u`` into ``out_dir``; returns what was written."""
    if fmt not in {"wav", "mp3"}:
        raise GuideLightError(f"unknown audio format {fmt!r}; use wav or mp3")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if backend is None:
        from guidelight.speech.engines import default_backend

        backend = default_backend()
    synthesizer = Synthesizer(backend)
    if voice:
        synthesizer.prefer(voice)
    settings = VoiceSettings(rate=rate)
    parts = sections(doc)
    if not parts:
        raise GuideLightError(f"{doc.source_path or doc.title}: there is no text to export")
    album = doc.title or folder.name
    files: list[Path] = []
    playlist = ["#EXTM3U"]
    total_seconds = 0.0
    for index, section in enumerate(parts, start=1):
        if progress:
            progress(index, len(parts), section.title)
        pcm = bytearray()
        sample_rate = 0
        for synthesis in section_audio(synthesizer, section, settings):
            sample_rate = sample_rate or synthesis.sample_rate  # the file's rate: its first voice's
            pcm += synthesis.pcm_at(sample_rate)
        path = inside(folder, safe_name(index, section.title, fmt))
        if fmt == "wav":
            write_wav(path, bytes(pcm), sample_rate, riff_info(section.title, album, index))
        else:
            path.write_bytes(id3v2(section.title, album, index) + encode_mp3(bytes(pcm), sample_rate))
        seconds = len(pcm) / 2 / sample_rate if sample_rate else 0.0
        total_seconds += seconds
        files.append(path)
        playlist += [f"#EXTINF:{round(seconds)},{section.title}", path.name]
    playlist_path = inside(folder, "playlist.m3u")
    playlist_path.write_text("\n".join(playlist) + "\n", encoding="utf-8")
    return ExportResult(tuple(files), playlist_path, total_seconds)
