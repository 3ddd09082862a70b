"""The machine-wide lab file: defaults and locks set by IT for every student of a PC.

One JSON object (documented with an example in docs/deployment.md)::

    {"language": "th", "voice": "Microsoft Pattara", "rate": 160,
     "students_may_change_voice": false, "locked": ["language"],
     "course_library": "\\\\\\\\fileserver\\\\courses\\\\guidelight", "course_library_read_only": true}

Any key of ``Settings`` is a default the student's own settings may override, unless it
is listed in ``locked`` (or is the voice and ``students_may_change_voice`` is false).
Like the student's file, a lab file never stops the app: a missing or broken file is no
lab, and a key it cannot use is ignored (and listed by ``guidelight config --show``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from guidelight.core.datadirs import site_config_file
from guidelight.core.settings import Settings, accepted_values

SETTING_KEYS = frozenset(f.name for f in fields(Settings))
# Keys of the lab file that are not settings, with the JSON type each must have.
LAB_KEYS: dict[str, type] = {
    "locked": list,
    "students_may_change_voice": bool,
    "course_library": str,
    "course_library_read_only": bool,
    "voices_folder": str,
}
# What "students may not change voices" locks.
VOICE_KEYS = ("voice",)


@dataclass(frozen=True)
class LabConfig:
    """What a lab file says; ``LabConfig()`` is a PC with no lab file."""

    path: Path | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    course_library: Path | None = None
    course_library_read_only: bool = True
    voices_folder: Path | None = None  # machine-wide Piper voices (docs/deployment.md)
    ignored: tuple[str, ...] = ()  # keys (or locked names) the program could not use

    def locked_values(self) -> dict[str, Any]:
        """The values that win over the student's own: the lab's, or the program's default
        for a key the lab locks without setting it."""
        default = Settings()
        return {key: self.defaults.get(key, getattr(default, key)) for key in self.locked}


def _read_object(path: Path) -> dict[str, Any] | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


def parse_lab_config(raw: Mapping[str, Any], path: Path | None = None) -> LabConfig:
    """A ``LabConfig`` from the file's JSON object; unusable keys are listed, not fatal."""
    settings = {key: value for key, value in raw.items() if key in SETTING_KEYS}
    defaults = accepted_values(settings)
    ignored = [key for key in raw if key not in SETTING_KEYS and key not in LAB_KEYS]
    ignored += [key for key in settings if key not in defaults]  # wrong type
    extras = {}
    for key, want in LAB_KEYS.items():
        if key in raw:
            if isinstance(raw[key], want):
                extras[key] = raw[key]
            else:
                ignored.append(key)
    names = [name for name in extras.get("locked", []) if isinstance(name, str)]
    ignored += [f"locked:{name}" for name in names if name not in SETTING_KEYS]
    locked = {name for name in names if name in SETTING_KEYS}
    if extras.get("students_may_change_voice") is False:
        locked.update(VOICE_KEYS)
    library = extras.get("course_library", "").strip()
    voices = extras.get("voices_folder", "").strip()
    return LabConfig(
        path=path,
        defaults=defaults,
        locked=frozenset(locked),
        course_library=Path(library).expanduser() if library else None,
        course_library_read_only=extras.get("course_library_read_only", True),
        voices_folder=Path(voices).expanduser() if voices else None,
        ignored=tuple(ignored),
    )


def load_lab_config(path: Path | None = None) -> LabConfig:
    """The lab file at ``path`` (default: the machine-wide location), or no lab."""
    target = path or site_config_file()
    raw = _read_object(target)
    return LabConfig() if raw is None else parse_lab_config(raw, target)
