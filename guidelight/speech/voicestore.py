"""Piper voices on this PC: installed from files, for one student or for every user, never downloaded.

A Piper voice is two files, ``NAME.onnx`` (the model) and ``NAME.onnx.json`` (its
phonemes, sample rate and language). ``guidelight voices install`` takes the ``.onnx``
(its ``.json`` must sit beside it) or a zip holding such pairs, checks them, and copies
them into a voices folder: the student's own, or the machine-wide one (the lab file's
``voices_folder``, else the OS's machine-wide data folder) where IT installs a voice once
for every student. A lab may also just copy the two files into that folder.

Zips come from other people, so they are opened as course packs are (core/safezip.py).
A model is loaded once before it is accepted, so a broken file is refused at install,
not when a student presses Play. When the ``onnx`` package is present the copy is
patched to expose Piper's per-phoneme sample counts (piper.patch_voice_with_alignment),
which is what lets the highlight follow Piper's words exactly; without it the words
are estimated, as for other engines (see pipeline.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from guidelight.core.datadirs import site_voices_dir, user_voices_dir
from guidelight.core.errors import GuideLightError
from guidelight.core.safezip import ArchiveRules, UnsafeArchive, checked_entries, stream

if TYPE_CHECKING:
    from guidelight.core.labconfig import LabConfig

ENGINE = "piper"
MODEL_SUFFIX = ".onnx"
CONFIG_SUFFIX = ".onnx.json"
MAX_MODEL_BYTES = 512 << 20  # Piper "high" voices are ~110 MB
MAX_CONFIG_BYTES = 4 << 20
MAX_NOTE_BYTES = 1 << 20  # MODEL_CARD, README, LICENSE: kept out, but allowed in an archive
MAX_ARCHIVE_ENTRIES = 200
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$")
_NOTE = re.compile(r"(?i)^(model_card|readme|license|licence|copying)(\.(md|txt))?$")
USER, MACHINE = "user", "machine"


class VoiceError(GuideLightError):
    """A voice file that cannot be installed or removed; the message says why in one sentence."""


@dataclass(frozen=True)
class InstalledVoice:
    """A Piper voice in a voices folder; ``scope`` is "user" or "machine"."""

    name: str  # the file name without .onnx: "en_US-joe-medium", "th_TH-tsync2-medium"
    model: Path
    language: str  # lower case with a hyphen: "en-us", "th-th"
    phoneme_type: str  # "espeak", "thai", ...: which phonemizer Piper needs for it
    sample_rate: int
    scope: str

    @property
    def config(self) -> Path:
        return self.model.with_name(self.model.name + ".json")

    @property
    def id(self) -> str:
        return f"{ENGINE}:{self.name}"


def voice_folders(lab: LabConfig | None = None) -> list[tuple[str, Path]]:
    """The folders voices are read from, the student's first (their copy of a voice wins)."""
    if lab is None:
        from guidelight.core.labconfig import load_lab_config

        lab = load_lab_config()
    return [(USER, user_voices_dir()), (MACHINE, lab.voices_folder or site_voices_dir())]


def installed_voices(lab: LabConfig | None = None) -> list[InstalledVoice]:
    """Every usable voice in the voices folders; a file that is not a voice is skipped."""
    found: dict[str, InstalledVoice] = {}
    for scope, folder in voice_folders(lab):
        try:
            models = sorted(folder.glob(f"*{MODEL_SUFFIX}"))
        except OSError:
            continue
        for model in models:
            try:
                voice = _read_voice(model, scope)
            except VoiceError:
                continue
            found.setdefault(voice.name, voice)
    return list(found.values())


def _read_voice(model: Path, scope: str) -> InstalledVoice:
    name = model.name.removesuffix(MODEL_SUFFIX)
    if not _NAME.match(name):
        raise VoiceError(f"{model.name}: a voice's file name may hold only letters, digits and _ . + -")
    config = model.with_name(model.name + ".json")
    try:
        if config.stat().st_size > MAX_CONFIG_BYTES:
            raise VoiceError(f"{config.name} is too large to be a voice's settings")
        raw = json.loads(config.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VoiceError(f"{model.name} has no {config.name} beside it; a Piper voice is both files") from None
    except (OSError, ValueError) as exc:
        raise VoiceError(f"{config.name} cannot be read ({exc})") from None
    return _voice_from_config(raw, model, scope)


def _voice_from_config(raw: Any, model: Path, scope: str) -> InstalledVoice:
    where = model.name + ".json"
    if not isinstance(raw, dict):
        raise VoiceError(f"{where} is not a Piper voice's settings")
    audio, language, ids = raw.get("audio"), raw.get("language"), raw.get("phoneme_id_map")
    rate = audio.get("sample_rate") if isinstance(audio, dict) else None
    if not isinstance(rate, int) or not 8000 <= rate <= 96000 or not isinstance(ids, dict) or not ids:
        raise VoiceError(f"{where} is not a Piper voice's settings (no sample rate or phoneme table)")
    code = language.get("code") if isinstance(language, dict) else None
    espeak = raw.get("espeak")
    if not isinstance(code, str) and isinstance(espeak, dict):
        code = espeak.get("voice")
    if not isinstance(code, str) or not code.strip():
        raise VoiceError(f"{where} does not say which language the voice speaks")
    phoneme_type = raw.get("phoneme_type", "espeak")
    return InstalledVoice(
        name=model.name.removesuffix(MODEL_SUFFIX),
        model=model,
        language=code.strip().lower().replace("_", "-"),
        phoneme_type=str(phoneme_type).lower(),
        sample_rate=rate,
        scope=scope,
    )


# ----- installing ----------------------------------------------------------------------------
def install_voice(source: str | Path, folder: Path, scope: str = USER) -> list[InstalledVoice]:
    """Check ``source`` (an .onnx with its .onnx.json, or a zip of such pairs) and copy it into
    ``folder``; a voice of the same name is replaced. All or nothing: on any problem nothing
    is installed."""
    source = Path(source)
    if not source.is_file():
        raise VoiceError(f"{source}: no such file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".install-", dir=folder) as tmp:
            staged = list(_stage(source, Path(tmp)))
            if not staged:
                raise VoiceError(f"{source.name}: there is no Piper voice (NAME.onnx with NAME.onnx.json) in it")
            voices = [_checked(model, scope) for model in staged]
            for voice in voices:  # the settings last: a voice is listed only once both files are in
                os.replace(voice.model, folder / voice.model.name)
                os.replace(voice.config, folder / voice.config.name)
    except OSError as exc:
        admin = " (installing for all users needs administrator rights)" if scope == MACHINE else ""
        raise VoiceError(f"cannot write the voice into {folder}: {exc.strerror or exc}{admin}") from None
    return [_read_voice(folder / v.model.name, scope) for v in voices]


def _stage(source: Path, tmp: Path) -> Iterator[Path]:
    """The models of ``source`` copied into ``tmp``, each beside its settings."""
    if zipfile.is_zipfile(source):
        yield from _unpack(source, tmp)
        return
    if not source.name.endswith(MODEL_SUFFIX):
        raise VoiceError(f"{source.name}: give the voice's .onnx file (with its .onnx.json beside it) or a zip")
    config = source.with_name(source.name + ".json")
    if not config.is_file():
        raise VoiceError(f"{source.name} has no {config.name} beside it; a Piper voice is both files")
    for path, limit in ((source, MAX_MODEL_BYTES), (config, MAX_CONFIG_BYTES)):
        if path.stat().st_size > limit:
            raise VoiceError(f"{path.name} is too large ({path.stat().st_size} bytes, limit {limit})")
        shutil.copyfile(path, tmp / path.name)
    yield tmp / source.name


def _limit_for(name: str) -> int | None:
    base = PurePosixPath(name).name
    if base.endswith(CONFIG_SUFFIX):
        return MAX_CONFIG_BYTES
    if base.endswith(MODEL_SUFFIX):
        return MAX_MODEL_BYTES
    return MAX_NOTE_BYTES if _NOTE.match(base) else None


_RULES = ArchiveRules(
    limit_for=_limit_for,
    unexpected="a voice archive holds NAME.onnx and NAME.onnx.json files (and a model card)",
    max_entries=MAX_ARCHIVE_ENTRIES,
    max_total=4 * MAX_MODEL_BYTES,
    kind="a voice archive",
    destination="the voices folder",
)


def _unpack(source: Path, tmp: Path) -> Iterator[Path]:
    try:
        with zipfile.ZipFile(source) as archive:
            entries = checked_entries(archive, _RULES)
            wanted = {n: i for n, i in entries.items() if n.endswith((MODEL_SUFFIX, CONFIG_SUFFIX))}
            names = [PurePosixPath(n).name for n in wanted]
            if len(set(names)) != len(names):
                raise VoiceError(f"{source.name}: two voices in it have the same file name")
            for name, info in wanted.items():
                limit = MAX_CONFIG_BYTES if name.endswith(CONFIG_SUFFIX) else MAX_MODEL_BYTES
                with (tmp / PurePosixPath(name).name).open("wb") as out:
                    for chunk in stream(archive, info, limit):
                        out.write(chunk)
    except UnsafeArchive as exc:
        raise VoiceError(f"{source.name} was refused: {exc}") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise VoiceError(f"{source.name} cannot be read ({exc})") from None
    models = sorted(tmp.glob(f"*{MODEL_SUFFIX}"))
    configs = {p.name.removesuffix(".json") for p in tmp.glob(f"*{CONFIG_SUFFIX}")}
    for model in models:
        if model.name not in configs:
            raise VoiceError(f"{source.name}: {model.name} has no {model.name}.json beside it")
    yield from models


def _checked(model: Path, scope: str) -> InstalledVoice:
    """The staged voice once its settings parse and its model loads; patched for word timing
    when the onnx package is there."""
    voice = _read_voice(model, scope)
    try:
        import onnxruntime
    except ImportError:
        raise VoiceError(
            "Piper is not part of this installation, so its voices cannot be used here "
            "(install Guide Light with Piper: see docs/speech.md)"
        ) from None
    _add_alignment_output(model)
    try:
        onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own error types for a corrupt model
        raise VoiceError(f"{model.name} is not a working voice model ({str(exc).splitlines()[0]})") from None
    return voice


def _add_alignment_output(model: Path) -> None:
    """Expose the per-phoneme sample counts in the copy, once, so loading stays fast."""
    try:
        import onnx
        from piper.patch_voice_with_alignment import add_alignment_output
    except ImportError:
        return
    try:
        proto = onnx.load(str(model))
        add_alignment_output(proto)
    except ValueError:
        return  # already patched, or a model without the tensor: words are estimated
    except Exception as exc:  # onnx's own parse errors for a file that is not a model
        raise VoiceError(f"{model.name} is not a working voice model ({str(exc).splitlines()[0]})") from None
    onnx.save(proto, str(model))


# ----- removing ------------------------------------------------------------------------------
def remove_voice(voice_id: str, folder: Path) -> None:
    """Delete a voice's two files from ``folder``; ``voice_id`` is "piper:NAME" or "NAME"."""
    name = voice_id.removeprefix(f"{ENGINE}:")
    model = folder / f"{name}{MODEL_SUFFIX}"
    if not _NAME.match(name) or not model.is_file():
        raise VoiceError(f"there is no voice {voice_id!r} in {folder}; `guidelight voices` lists them")
    try:
        model.with_name(model.name + ".json").unlink(missing_ok=True)  # unlisted from here on
        model.unlink()
    except OSError as exc:
        raise VoiceError(f"{voice_id} could not be removed ({exc.strerror or exc})") from None
