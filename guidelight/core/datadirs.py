"""Where Guide Light keeps things: per user, machine-wide (a lab) or beside the program.

Three set-ups share one program (see docs/deployment.md):

- **per user** (the default): settings, cache and library in the OS's per-user folders;
- **lab**: the same, plus a machine-wide file written by IT (``site_config_file``) that
  is read before the student's settings and may lock some of them;
- **portable** (a USB stick): a marker file ``guidelight-portable.txt`` beside the
  program keeps settings, cache and library in ``guidelight-data`` beside it, so nothing
  is left on the lab PC and everything travels with the stick.

Portable mode works by filling in the same environment overrides the tests use
(``GUIDELIGHT_CONFIG_DIR``, ``GUIDELIGHT_LIBRARY_DIR``, ``GUIDELIGHT_CACHE_DIR``), once,
at start-up: every module that finds its folder keeps a single way of doing it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

APP_NAME = "guidelight"
PORTABLE_MARKER = "guidelight-portable.txt"
PORTABLE_DATA = "guidelight-data"
SITE_CONFIG_ENV = "GUIDELIGHT_SITE_CONFIG"  # a lab file elsewhere (tests, IT trying a file out)
SITE_CONFIG_FILE = "lab.json"

# Each override and its folder under the portable data folder.
PORTABLE_FOLDERS = {
    "GUIDELIGHT_CONFIG_DIR": "config",
    "GUIDELIGHT_LIBRARY_DIR": "library",
    "GUIDELIGHT_CACHE_DIR": "cache",
    "PYTHAINLP_DATA": "pythainlp-data",  # PyThaiNLP would otherwise create ~/pythainlp-data
    "GUIDELIGHT_VOICES_DIR": "voices",  # Piper voices the student installed, carried on the stick
}
VOICES_FOLDER = "voices"


def is_frozen() -> bool:
    """True in the bundle made by build_installer.py (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder the program runs from: the bundle's folder, or the one holding the package."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def _marker_folders() -> list[Path]:
    folder = program_dir()
    folders = [folder]
    if folder.parent.name == "Contents" and folder.parents[1].suffix == ".app":
        folders.append(folder.parents[2])  # macOS: beside "Guide Light.app", where a user can see it
    return folders


def portable_dir() -> Path | None:
    """The portable data folder when a marker sits beside the program, else None."""
    for folder in _marker_folders():
        if (folder / PORTABLE_MARKER).is_file():
            return folder / PORTABLE_DATA
    return None


def config_dir() -> Path:
    """The student's own settings folder (settings.json, pronunciations.txt):
    ``GUIDELIGHT_CONFIG_DIR`` (portable mode sets it, tests too), else the OS's per-user one."""
    override = os.environ.get("GUIDELIGHT_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # only when a file is actually looked for

    return Path(user_config_dir(APP_NAME, appauthor=False))


def site_config_file() -> Path:
    """The machine-wide lab file: ``GUIDELIGHT_SITE_CONFIG``, else the OS's machine-wide
    config folder (``C:\\ProgramData\\guidelight``, ``/etc/xdg/guidelight``,
    ``/Library/Application Support/guidelight``)."""
    override = os.environ.get(SITE_CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import site_config_dir  # only when the file is actually looked for

    return Path(site_config_dir(APP_NAME, appauthor=False)) / SITE_CONFIG_FILE


def user_voices_dir() -> Path:
    """Voices the student installed for themself: ``GUIDELIGHT_VOICES_DIR`` (portable mode,
    tests), else the OS's per-user data folder."""
    override = os.environ.get("GUIDELIGHT_VOICES_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / VOICES_FOLDER


def site_voices_dir() -> Path:
    """The machine-wide voices folder when the lab file names none (``C:\\ProgramData\\guidelight\\voices``,
    ``/usr/local/share/guidelight/voices``...): every student of the PC hears these voices."""
    from platformdirs import site_data_dir

    return Path(site_data_dir(APP_NAME, appauthor=False)) / VOICES_FOLDER


def prepare_environment(environ: MutableMapping[str, str] | None = None) -> Path | None:
    """Set up the process for where it runs; returns the portable data folder, if any.

    Overrides already in the environment win (a test, or IT pointing a folder elsewhere).
    The bundle never downloads PyThaiNLP data (everything it needs is inside), so it
    neither reaches for the network nor creates an empty ~/pythainlp-data.
    """
    env = os.environ if environ is None else environ
    if is_frozen():
        env.setdefault("PYTHAINLP_OFFLINE", "1")
        env.setdefault("PYTHAINLP_READ_ONLY", "1")
    root = portable_dir()
    if root is not None:
        for name, folder in PORTABLE_FOLDERS.items():
            env.setdefault(name, str(root / folder))
    return root
