"""``guidelight config``: what this installation uses, for IT staff checking a lab PC.

``--show`` prints, as JSON, the settings a student gets here after the lab file and their
own file are merged, and every folder the program reads or writes: the same functions
the app calls, so what it prints is what the app does. ``--example`` prints a lab file
to start from.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from guidelight import __version__
from guidelight.core.datadirs import is_frozen, portable_dir, program_dir, site_config_file
from guidelight.core.labconfig import load_lab_config
from guidelight.core.settings import default_path, load_settings
from guidelight.library.paths import CATALOG_FILE, configured_library

EXAMPLE_LAB_FILE: dict[str, Any] = {
    "language": "th",
    "voice": "",
    "rate": 160,
    "theme": "system",
    "font_size": 24,
    "students_may_change_voice": True,
    "locked": ["language"],
    "course_library": "\\\\fileserver\\courses\\guidelight-library",
    "course_library_read_only": True,
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="show the settings and folders this installation uses")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--show", action="store_true", help="effective settings and folders as JSON (the default)")
    group.add_argument("--example", action="store_true", help="print an example machine-wide lab file")
    parser.set_defaults(func=run_config)


def effective_config() -> dict[str, Any]:
    """Everything ``--show`` reports, as plain JSON values."""
    from guidelight.extract.cache import cache_root  # the page cache's own rule for its folder
    from guidelight.speech.voicestore import voice_folders

    lab = load_lab_config()
    place = configured_library(lab)
    portable = portable_dir()
    return {
        "version": __version__,
        "frozen": is_frozen(),
        "program_dir": str(program_dir()),
        "portable_dir": str(portable) if portable else None,
        "lab_file": {
            "path": str(site_config_file()),
            "found": lab.path is not None,
            "locked": sorted(lab.locked),
            "ignored": list(lab.ignored),
        },
        "settings_file": str(default_path()),
        "settings": asdict(load_settings(lab=lab)),
        "library": {
            "path": str(place.path),
            "user_dir": str(place.user_dir or place.path),
            "read_only": place.read_only,
            # False for a lab share that cannot be reached: the app then uses the student's own.
            "catalog_found": (place.path / CATALOG_FILE).is_file(),
        },
        "cache_dir": str(cache_root()),
        # Piper voices: the student's own folder, then the machine-wide one (lab file's voices_folder).
        "voices_dirs": {scope: str(folder) for scope, folder in voice_folders(lab)},
    }


def run_config(args: argparse.Namespace) -> int:
    shown = EXAMPLE_LAB_FILE if args.example else effective_config()
    json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0
