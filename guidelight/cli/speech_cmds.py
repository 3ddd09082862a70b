"""Speech on the command line: normalize, say, voices, read, export-audio."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from guidelight.core.errors import GuideLightError
from guidelight.speech.backend import NORMAL_RATE

if TYPE_CHECKING:  # the speech modules load pythainlp and pyttsx3: only when a command needs them
    from guidelight.core.model import Document
    from guidelight.speech.pipeline import SpokenRun
    from guidelight.speech.speaker import Speaker, SpeechEvent, Utterance


def register(subparsers: argparse._SubParsersAction) -> None:
    normalize = subparsers.add_parser("normalize", help="print exactly what the speech engine will be given")
    normalize.add_argument("text")
    normalize.add_argument(
        "--runs", action="store_true", help="one line per piece the engine is given, with its language"
    )
    normalize.set_defaults(func=run_normalize)

    say = subparsers.add_parser("say", help="speak a text aloud")
    say.add_argument("text")
    _voice_options(say)
    say.set_defaults(func=run_say)

    voices = subparsers.add_parser(
        "voices", help="list the installed voices (id, engine, language, name), install or remove Piper voices"
    )
    voices.add_argument(
        "--check",
        action="store_true",
        help="check which languages can be spoken, speak a test phrase, and advise",
    )
    voices.add_argument("--quiet", action="store_true", help="with --check: do not speak the test phrase")
    voices.set_defaults(func=run_voices)
    actions = voices.add_subparsers(dest="voices_action", metavar="{install,remove}")
    install = actions.add_parser("install", help="install a Piper voice from a file: NAME.onnx (with NAME.onnx.json "
                                 "beside it) or a zip holding them")
    install.add_argument("file")
    remove = actions.add_parser("remove", help="remove an installed Piper voice")
    remove.add_argument("id", help="its id, e.g. piper:en_US-joe-medium")
    for action in (install, remove):
        action.add_argument(
            "--all-users", action="store_true",
            help="the machine-wide voices folder (the lab file's voices_folder), for every student; needs admin rights",
        )
    install.set_defaults(func=run_voices_install)
    remove.set_defaults(func=run_voices_remove)

    read = subparsers.add_parser("read", help="read a PDF aloud from a page (Ctrl+C stops)")
    read.add_argument("file")
    read.add_argument("--page", type=int, default=1)
    read.add_argument("--password")
    _voice_options(read)
    read.set_defaults(func=run_read)

    export = subparsers.add_parser("export-audio", help="write one audio file per section, with a playlist")
    export.add_argument("file")
    export.add_argument("-o", "--output", required=True, help="folder to write into (created if missing)")
    export.add_argument("--format", choices=("wav", "mp3"), default="wav")
    export.add_argument("--password")
    _voice_options(export)
    export.set_defaults(func=run_export)


def _voice_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rate", type=int, default=NORMAL_RATE, help=f"words per minute (normal {NORMAL_RATE})")
    parser.add_argument("--voice", help="voice id (see `guidelight voices`)")
    if parser.prog.split()[-1] in {"say", "read"}:
        parser.add_argument(
            "--dry-run", action="store_true", help="synthesize and time the speech but play nothing (no sound card)"
        )


def run_normalize(args: argparse.Namespace) -> int:
    from guidelight.speech.normalize import Normalizer
    from guidelight.speech.pipeline import plan

    spoken = plan(args.text, Normalizer())
    if args.runs:
        for piece in spoken:
            print(f"[{piece.run.lang.value}] {piece.normalized.text}")
    else:
        print(_joined(spoken))
    return 0


def _joined(spoken: list[SpokenRun]) -> str:
    """The pieces' spoken texts as one line, a space kept where the text had one between two
    runs: a Thai run ending in a blank to fill in ("โทรสาร_____ E-mail") printed glued to
    the next, though the voices were given them apart."""
    out, before = "", ""
    for piece in spoken:
        said = piece.normalized.text
        spaced = before[-1:].isspace() or piece.source[:1].isspace()
        if out and said and spaced and not out[-1].isspace() and not said[0].isspace():
            out += " "
        out += said
        before = piece.source
    return out


def _speaker(args: argparse.Namespace) -> Speaker:
    from guidelight.speech.speaker import Speaker

    sink = None
    if args.dry_run:
        from guidelight.speech.sink import RecordingSink

        sink = RecordingSink(realtime=True, keep=False)
    from guidelight.speech.engines import default_backend

    speaker = Speaker(backend=default_backend(), sink=sink)  # no stand-in: the voice asked for, even if it loads
    speaker.set_rate(args.rate)
    if args.voice:
        speaker.set_voice(args.voice)
    return speaker


def _speak_and_wait(
    speaker: Speaker, utterances: Iterable[Utterance], on_event: Callable[[SpeechEvent], None] | None = None
) -> int:
    """Speak until done; Ctrl+C stops the audio at once and exits cleanly."""
    from guidelight.speech.speaker import EventKind

    done = threading.Event()
    errors: list[str] = []

    def handle(event: SpeechEvent) -> None:
        if event.kind is EventKind.ERROR:
            errors.append(event.message)
            print(f"guidelight: {event.message}", file=sys.stderr)
        elif event.kind is EventKind.DONE:
            done.set()
        if on_event is not None:
            on_event(event)

    try:
        speaker.speak(utterances, handle)
        while not done.wait(0.05):
            if not speaker.speaking:
                break
    except KeyboardInterrupt:
        speaker.stop()
        print("guidelight: stopped", file=sys.stderr)
        return 130
    finally:
        speaker.close()
    return 1 if errors else 0


def run_say(args: argparse.Namespace) -> int:
    from guidelight.speech.speaker import Utterance

    return _speak_and_wait(_speaker(args), [Utterance(args.text)])


def run_voices(args: argparse.Namespace) -> int:
    """One voice a line, best first for each language: id, engine, languages, name (tab-separated)."""
    from guidelight.speech.doctor import check_voices, speak_test_phrases
    from guidelight.speech.engines import default_backend

    backend = default_backend()
    if not args.check:
        for voice in backend.voices():
            print(f"{voice.id}\t{voice.engine}\t{','.join(voice.languages)}\t{voice.name}")
        return 0
    report = check_voices(backend)
    print(report.text())
    if not args.quiet and report.usable:
        from guidelight.speech.speaker import Speaker

        print("Speaking a test phrase in each language that has a voice...", flush=True)
        problem = speak_test_phrases(Speaker(backend=backend), report)
        if problem:
            print(problem)
            return 1
    return 0 if report.ok else 1


def _voices_folder(all_users: bool) -> Path:
    from guidelight.speech.voicestore import MACHINE, USER, voice_folders

    return dict(voice_folders())[MACHINE if all_users else USER]


def run_voices_install(args: argparse.Namespace) -> int:
    from guidelight.speech.voicestore import MACHINE, USER, install_voice

    folder = _voices_folder(args.all_users)
    print(f"Checking {args.file}...", file=sys.stderr, flush=True)
    for voice in install_voice(args.file, folder, MACHINE if args.all_users else USER):
        print(f"{voice.id}\tpiper\t{voice.language}\t{voice.name}")
    return 0


def run_voices_remove(args: argparse.Namespace) -> int:
    from guidelight.speech.voicestore import remove_voice

    remove_voice(args.id, _voices_folder(args.all_users))
    print(f"removed {args.id}", file=sys.stderr)
    return 0


def _document(args: argparse.Namespace) -> Document:
    from guidelight.extract.pdf import open_document

    return open_document(args.file, args.password)


def run_read(args: argparse.Namespace) -> int:
    from guidelight.core.model import Position
    from guidelight.core.navigation import spoken_sentences
    from guidelight.speech.speaker import EventKind, Utterance

    doc = _document(args)
    if not 1 <= args.page <= doc.page_count:
        raise GuideLightError(f"{args.file}: there is no page {args.page} (the document has {doc.page_count})")

    def utterances() -> Iterator[Utterance]:
        for sentence in spoken_sentences(doc, Position(args.page, 0)):  # whole across page breaks
            yield Utterance(sentence.text, sentence.page, sentence.start, turn=sentence.turn)

    def show(event: SpeechEvent) -> None:
        if event.kind is EventKind.UTTERANCE_START and event.utterance is not None:
            print(f"[page {event.utterance.page}] {event.utterance.text}", flush=True)

    return _speak_and_wait(_speaker(args), utterances(), show)


def run_export(args: argparse.Namespace) -> int:
    from guidelight.speech.export import export_audio

    doc = _document(args)

    def progress(done: int, total: int, title: str) -> None:
        print(f"[{done}/{total}] {title}", file=sys.stderr, flush=True)

    result = export_audio(doc, args.output, fmt=args.format, rate=args.rate, voice=args.voice, progress=progress)
    for path in result.files:
        print(path)
    print(result.playlist)
    return 0
