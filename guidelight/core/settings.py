"""The student's settings: a plain dataclass, stored as JSON in the per-user config dir.

Loading reads a list of files in order and lets each later file override the earlier
ones, so an installer can put a machine-wide defaults file first (a lab that wants
Thai, a slower voice, high contrast) and the student's own file still wins. A bad value
never stops the app: it is dropped and the default (or the machine-wide value) is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelight.core.datadirs import config_dir

if TYPE_CHECKING:
    from guidelight.core.labconfig import LabConfig

# Who answers the keys that move and confirm (the "voice mode"): "auto" picks
# "screen_reader" when one is running and "voice" (Guide Light for everything) otherwise.
SPEECH_OUTPUTS = ("auto", "screen_reader", "voice", "both")
THEMES = ("system", "normal", "dark_high_contrast", "light_high_contrast")
LANGUAGES = ("", "th", "en")  # "" follows the system locale
# How the reading view shows a table: "grid" draws it; "lines" writes one cell a line, which
# screen readers read cleanly (a drawn grid is not: see gui/page_document.py);
# "auto" draws it unless an assistive technology is running.
TABLE_VIEWS = ("auto", "grid", "lines")


@dataclass(frozen=True)
class Settings:
    """Everything the app remembers between runs that is not per-document.

    ``speech_output`` (the voice mode) chooses who speaks the moves and confirmations: the
    screen reader, the app's own voice, both, or "auto" (the screen reader if one runs). ``font_size`` is in points
    and ``zoom`` in percent, applied to the reading view only. ``system_look`` is not
    chosen by the student: it is the theme the desktop last asked for (high contrast or
    not), remembered so the "system" theme starts right before the desktop can be asked.
    """

    language: str = ""
    speech_output: str = "auto"
    rate: int = 170
    volume: float = 1.0
    voice: str = ""
    theme: str = "system"
    font_size: int = 20
    zoom: int = 100
    font_family: str = "Sarabun"
    caret_follows_speech: bool = True
    restore_last_document: bool = True
    table_view: str = "auto"
    system_look: str = "system"

    def validated(self) -> Settings:
        """A copy with every out-of-range value replaced by its default."""
        default = Settings()
        fixes: dict[str, Any] = {}
        if self.language not in LANGUAGES:
            fixes["language"] = default.language
        if self.speech_output not in SPEECH_OUTPUTS:
            fixes["speech_output"] = default.speech_output
        if self.theme not in THEMES:
            fixes["theme"] = default.theme
        if self.table_view not in TABLE_VIEWS:
            fixes["table_view"] = default.table_view
        if self.system_look not in THEMES or self.system_look == "normal":
            fixes["system_look"] = default.system_look
        if not 80 <= self.rate <= 450:
            fixes["rate"] = default.rate
        if not 0.0 <= self.volume <= 1.0:
            fixes["volume"] = default.volume
        if not 8 <= self.font_size <= 96:
            fixes["font_size"] = default.font_size
        if not 50 <= self.zoom <= 400:
            fixes["zoom"] = default.zoom
        return replace(self, **fixes)


_TYPES = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}


def accepted_values(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Keep only known keys whose JSON value has the right type (int is fine for float)."""
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        want = _TYPES.get(key)
        if want is None or isinstance(value, bool) != (want is bool):
            continue
        if want is float and isinstance(value, int):
            value = float(value)
        if isinstance(value, want):
            kept[key] = value
    return kept


def default_path() -> Path:
    """The per-user settings file."""
    return config_dir() / "settings.json"


def load_settings(paths: Iterable[Path] | None = None, lab: LabConfig | None = None) -> Settings:
    """Settings from ``paths`` in order (later wins); defaults where nothing is set.

    With no ``paths``: the machine-wide lab file's defaults, then the student's own file,
    then the lab's locked keys again, so a student overrides the lab only where it allows.
    A missing or unreadable file counts as empty, because a student must always get a
    working app, not a JSON error.
    """
    if paths is None:
        from guidelight.core.labconfig import load_lab_config  # it builds on this module

        lab = lab or load_lab_config()
        paths = [default_path()]
    merged: dict[str, Any] = dict(lab.defaults) if lab else {}
    for path in paths:
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(raw, dict):
            merged.update(accepted_values(raw))
    if lab:
        merged.update(lab.locked_values())
    return Settings(**merged).validated()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, so a crash mid-write cannot lose them all."""
    target = path or default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(target)
