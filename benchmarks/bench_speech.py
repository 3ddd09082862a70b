"""Speech latency and export speed on this machine, with the real engines (pyttsx3 + espeak-ng, Piper).

    python benchmarks/bench_speech.py [--runs 30] [--pdf assets/samples/lecture.pdf]
    python benchmarks/bench_speech.py --voice piper:en_US-joe-medium --english   # a Piper voice

``--voice`` reads with that voice (an id from ``guidelight voices``) through all the
installed engines, as the app does; ``--english`` reads a generated English PDF instead,
for an English voice. The peak memory of the process is printed last.

1. Key press -> first audio sample handed to the sink: ``speak()`` is called while the
   previous sentence is still playing (the student pressing "next sentence"), and the
   clock stops when the first block of the new sentence reaches the sink. Target < 100 ms.
2. Stop latency: ``stop()`` is called mid-sentence; measured is how long ``stop()`` takes
   and when the device callback last had audio, plus the one device period
   (``DEVICE_PERIOD_MS``) already handed to the device, which still plays. Target < 50 ms.
3. Export speed: seconds of audio written per second of wall time for the whole PDF.

The sink is the real miniaudio sink on miniaudio's NULL backend: a device that consumes
audio in real time without a sound card, so the numbers hold on a headless machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import miniaudio
import pymupdf

from guidelight.extract.pdf import open_document
from guidelight.speech.backend import SpeechBackend, VoiceSettings
from guidelight.speech.engines import default_backend
from guidelight.speech.export import export_audio
from guidelight.speech.pipeline import Synthesizer
from guidelight.speech.pyttsx3_backend import Pyttsx3Backend
from guidelight.speech.sink import DEVICE_PERIOD_MS, MiniaudioSink
from guidelight.speech.speaker import EventKind, Speaker, SpeechEvent, Utterance

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = [
    "Listening is a basic skill of learning at university, and students who listen with attention "
    "remember the content for longer.",
    "This chapter explains how to listen well, with examples from real lectures and from the library.",
    "Active listening means that the listener keeps thinking, asks questions about what is heard, "
    "and sums up the main points in their own words.",
    "A survey found that most students listen to recorded lectures again before their examinations.",
]


def english_pdf(folder: Path) -> Path:
    """Three pages of plain English prose, for an English voice."""
    doc = pymupdf.open()
    for number in range(3):
        page = doc.new_page()
        page.insert_text((72, 72), f"Chapter {number + 1}", fontsize=18)
        box = pymupdf.Rect(72, 100, 520, 780)
        page.insert_textbox(box, " ".join(ENGLISH) + "\n\n" + " ".join(reversed(ENGLISH)), fontsize=11)
    path = folder / "english.pdf"
    doc.save(path)
    return path


class TimedSink(MiniaudioSink):
    """The real sink, noting when the first audio of each new epoch is handed to it."""

    def __init__(self) -> None:
        super().__init__(backends=[miniaudio.Backend.NULL])
        self.first_write: dict[int, float] = {}

    def write(self, pcm: bytes, sample_rate: int, epoch: int) -> bool:
        if epoch not in self.first_write:
            self.first_write[epoch] = time.perf_counter()
        return super().write(pcm, sample_rate, epoch)


def sentences(pdf: Path) -> list[Utterance]:
    doc = open_document(str(pdf))
    found = []
    for page in doc.pages():
        for s in page.sentences:
            text = page.text[s.start : s.end]
            if len(text.strip()) > 20:
                found.append(Utterance(text, page.number, s.start))
    return found


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.001)


def median_ms(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return f"median {1000 * statistics.median(values):.1f} ms, p90 {1000 * p90:.1f} ms, max {1000 * max(values):.1f} ms"


def bench_latency(
    units: list[Utterance], runs: int, backend: SpeechBackend, voice: str | None
) -> tuple[list[float], list[float], list[float]]:
    sink = TimedSink()
    speaker = Speaker(backend=backend, sink=sink)
    if voice:
        speaker.set_voice(voice)
    words: list[SpeechEvent] = []
    speaker.speak([units[0]], words.append)  # warm-up: engine, voices, word list
    wait_for(lambda: any(e.kind is EventKind.WORD for e in words))
    first_audio, stop_calls, cut = [], [], []
    for i in range(runs):
        unit = units[(i + 1) % len(units)]
        words.clear()
        pressed = time.perf_counter()
        speaker.speak([unit], words.append)  # "next sentence" while the last one plays
        epoch = sink.epoch
        wait_for(lambda e=epoch: e in sink.first_write)  # type: ignore[misc]
        first_audio.append(sink.first_write[epoch] - pressed)
        time.sleep(0.25)  # mid-sentence
        begin = time.perf_counter()
        speaker.stop()
        stop_calls.append(time.perf_counter() - begin)
        time.sleep(0.1)
        cut.append(max(0.0, sink.last_sound_at - begin) + DEVICE_PERIOD_MS / 1000)
        speaker.speak([unit], words.append)
        wait_for(lambda: any(e.kind is EventKind.WORD for e in words))
    speaker.close()
    return first_audio, stop_calls, cut


def bench_first_piece_cpu(units: list[Utterance], backend: SpeechBackend, voice: str | None) -> list[float]:
    """CPU seconds to synthesize the first piece of each sentence as a reading starts there:
    what "first audio" costs on an idle machine, whatever else this one is running."""
    synthesizer = Synthesizer(backend)
    if voice:
        synthesizer.prefer(voice)
    settings = VoiceSettings(voice_id=voice)
    next(synthesizer.chunks(units[0].text, 0, settings, quick_start=True))  # loaded
    costs = []
    for unit in units:
        begin = time.process_time()
        next(synthesizer.chunks(unit.text, 0, settings, quick_start=True))
        costs.append(time.process_time() - begin)
    return costs


def bench_export(pdf: Path, backend: SpeechBackend, voice: str | None) -> tuple[float, float]:
    doc = open_document(str(pdf))
    for _ in doc.pages():  # extraction is not part of the export figure
        pass
    with tempfile.TemporaryDirectory() as out:
        begin = time.perf_counter()
        result = export_audio(doc, out, fmt="wav", voice=voice, backend=backend)
        wall = time.perf_counter() - begin
        mp3_begin = time.perf_counter()
        export_audio(doc, Path(out) / "mp3", fmt="mp3", voice=voice, backend=backend)
        mp3_wall = time.perf_counter() - mp3_begin
    return result.seconds / wall, result.seconds / mp3_wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pdf", type=Path, default=ROOT / "assets" / "samples" / "lecture.pdf")
    parser.add_argument("--voice", help="a voice id from `guidelight voices` (default: the system engine's)")
    parser.add_argument("--english", action="store_true", help="read a generated English PDF")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    pdf = english_pdf(Path(tmp.name)) if args.english else args.pdf
    units = sentences(pdf)
    if not units:
        print(f"no sentences in {pdf}", file=sys.stderr)
        return 1
    backend: SpeechBackend = default_backend() if args.voice else Pyttsx3Backend()
    first_audio, stop_calls, cut = bench_latency(units, args.runs, backend, args.voice)
    first_cpu = bench_first_piece_cpu(units, backend, args.voice)
    wav_speed, mp3_speed = bench_export(pdf, backend, args.voice)
    target = 150 if args.voice and args.voice.startswith("piper:") else 100
    print(f"sentences from {pdf.name}: {len(units)}, runs: {args.runs}, voice: {args.voice or 'system default'}")
    print(f"key press -> first audio sample to the sink: {median_ms(first_audio)}  (target < {target} ms)")
    print(f"CPU time of the first piece (load-free):     {median_ms(first_cpu)}")
    print(f"stop() call returns in:                      {median_ms(stop_calls)}")
    print(f"stop -> audio cut (incl. one device period):  {median_ms(cut)}  (target < 50 ms)")
    print(f"export speed: WAV {wav_speed:.1f}x real time, MP3 {mp3_speed:.1f}x real time")
    print(f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
