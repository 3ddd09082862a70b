"""The lab file and the portable marker, proven on the real program (a subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guidelight.cli.config_cmds import EXAMPLE_LAB_FILE
from guidelight.core.labconfig import load_lab_config, parse_lab_config
from guidelight.core.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ("GUIDELIGHT_CONFIG_DIR", "GUIDELIGHT_LIBRARY_DIR", "GUIDELIGHT_CACHE_DIR", "GUIDELIGHT_SITE_CONFIG",
             "PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a student's session: their own HOME, no test overrides."""
    env = {k: v for k, v in os.environ.items() if k not in OVERRIDES and not k.startswith("XDG_")}
    env.update(HOME=str(home), USERPROFILE=str(home), **extra)
    return env


def show_config(env: dict[str, str], cwd: Path, pythonpath: Path = ROOT) -> dict:
    env = {**env, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run([sys.executable, "-m", "guidelight", "config", "--show"], env=env, cwd=cwd,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return json.loads(out)


def write_json(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_lab_file_defaults_locks_and_shared_library(tmp_path: Path) -> None:
    home = tmp_path / "home"
    share = tmp_path / "share" / "library"
    lab = write_json(tmp_path / "etc" / "lab.json", {
        "language": "th", "rate": 150, "voice": "lab-voice", "theme": "dark_high_contrast",
        "students_may_change_voice": False, "locked": ["theme"],
        "course_library": str(share), "course_library_read_only": True,
    })
    # The student's own file (where the real program keeps it under this HOME) changes everything.
    user = {"language": "en", "rate": 220, "voice": "own-voice", "theme": "normal"}
    env = clean_env(home, GUIDELIGHT_SITE_CONFIG=str(lab))
    settings_file = Path(show_config(env, tmp_path)["settings_file"])
    assert settings_file.is_relative_to(home)
    write_json(settings_file, user)

    shown = show_config(env, tmp_path)
    assert shown["lab_file"] == {"path": str(lab), "found": True, "locked": ["theme", "voice"], "ignored": []}
    # Allowed keys: the student's; locked keys (theme, and voice since voices are locked): the lab's.
    assert {k: shown["settings"][k] for k in user} == {"language": "en", "rate": 220, "voice": "lab-voice",
                                                        "theme": "dark_high_contrast"}
    library = shown["library"]
    assert library["path"] == str(share) and library["read_only"] is True
    assert library["catalog_found"] is False  # nothing published to the share yet
    assert Path(library["user_dir"]).is_relative_to(home)  # positions and bookmarks in the student's profile


def test_without_lab_file_the_student_settings_rule(tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home", GUIDELIGHT_SITE_CONFIG=str(tmp_path / "missing.json"))
    shown = show_config(env, tmp_path)
    assert shown["lab_file"]["found"] is False
    assert shown["settings"]["rate"] == Settings().rate
    assert shown["library"]["read_only"] is False
    assert shown["library"]["path"] == shown["library"]["user_dir"]


def test_portable_marker_keeps_everything_beside_the_program(tmp_path: Path) -> None:
    """A copy of the program with the marker beside it, as on a USB stick."""
    stick = tmp_path / "stick"
    shutil.copytree(ROOT / "guidelight", stick / "guidelight", ignore=shutil.ignore_patterns("__pycache__"))
    (stick / "guidelight-portable.txt").write_text("portable\n", encoding="utf-8")
    home = tmp_path / "home"
    env = clean_env(home, GUIDELIGHT_SITE_CONFIG=str(tmp_path / "missing.json"))
    write_json(stick / "guidelight-data" / "config" / "settings.json", {"rate": 260})

    shown = show_config(env, tmp_path, pythonpath=stick)
    data = stick / "guidelight-data"
    assert shown["portable_dir"] == str(data)
    assert shown["settings"]["rate"] == 260
    assert shown["settings_file"] == str(data / "config" / "settings.json")
    assert shown["library"]["path"] == str(data / "library") == shown["library"]["user_dir"]
    assert shown["cache_dir"] == str(data / "cache")

    # The real program writes its library there, and nothing under the student's HOME.
    subprocess.run([sys.executable, "-m", "guidelight", "library", "list"], env={**env, "PYTHONPATH": str(stick)},
                   cwd=tmp_path, capture_output=True, timeout=60, check=True)
    assert (data / "library" / "library.sqlite3").is_file()
    assert show_config(env, tmp_path, pythonpath=stick)["library"]["catalog_found"] is True
    assert not home.exists() or not any(home.rglob("*.sqlite3"))


def test_the_documented_example_is_a_valid_lab_file(tmp_path: Path) -> None:
    lab = parse_lab_config(EXAMPLE_LAB_FILE)
    assert lab.ignored == ()
    assert lab.locked == {"language"}
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    block = text.split("```json", 1)[1].split("```", 1)[0]
    assert parse_lab_config(json.loads(block)).ignored == ()


@pytest.mark.parametrize("content", ["not json", "[1, 2]", ""])
def test_a_broken_lab_file_is_no_lab(tmp_path: Path, content: str) -> None:
    path = tmp_path / "lab.json"
    path.write_text(content, encoding="utf-8")
    assert load_lab_config(path).path is None


def test_unusable_keys_are_listed_and_bad_values_fall_back(tmp_path: Path) -> None:
    lab = parse_lab_config({"rate": "fast", "colour": "red", "locked": ["rate", "nonsense"], "font_size": 500,
                            "course_library": 3})
    assert set(lab.ignored) == {"rate", "colour", "locked:nonsense", "course_library"}
    assert lab.course_library is None
    # rate is locked without a usable lab value: the program's default, whatever the student says.
    user = write_json(tmp_path / "user.json", {"rate": 300, "font_size": 30})
    got = load_settings([user], lab=lab)
    assert got.rate == Settings().rate
    assert got.font_size == 30


def test_the_app_opens_the_labs_shared_library_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's own library function, with a lab file naming a shared catalog: the catalog
    is read, never written, and the student's place goes to their profile."""
    pytest.importorskip("PySide6")
    from guidelight.core.model import Position
    from guidelight.gui.app import open_user_library
    from guidelight.library import open_library

    share = tmp_path / "share"
    with open_library(share) as volunteer:  # a volunteer prepares the course library
        volunteer.add_course("2401101", "Thai for lab tests")
    before = {p.name: p.stat().st_mtime_ns for p in share.rglob("*")}

    profile = tmp_path / "profile"
    lab = write_json(tmp_path / "lab.json", {"course_library": str(share)})
    monkeypatch.setenv("GUIDELIGHT_SITE_CONFIG", str(lab))
    monkeypatch.delenv("GUIDELIGHT_LIBRARY_DIR", raising=False)
    monkeypatch.setattr("guidelight.library.paths.default_library_dir", lambda: profile)
    with open_user_library() as lib:
        assert lib.read_only
        assert [c.title for c in lib.courses()] == ["Thai for lab tests"]
        lib.set_position("ab" * 32, Position(3, 120))
        lib.add_bookmark("ab" * 32, Position(3, 120), "exam")
    with open_library(share, user_dir=profile, read_only=True) as again:
        assert again.get_position("ab" * 32) == Position(3, 120)
    assert (profile / "user.sqlite3").is_file()
    # The catalog is untouched and the student's state is not on the share. (SQLite may add its
    # -wal/-shm beside a read-only WAL catalog when the folder is writable, as here for root;
    # on a real read-only share the library opens it immutable and adds nothing.)
    after = {p.name: p.stat().st_mtime_ns for p in share.rglob("*")}
    assert {name: after[name] for name in before} == before
    assert set(after) - set(before) <= {"library.sqlite3-wal", "library.sqlite3-shm"}


def test_an_unreachable_share_falls_back_to_the_students_own_library(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PySide6")
    from guidelight.core.model import Position
    from guidelight.gui.app import open_user_library

    profile = tmp_path / "profile"
    lab = write_json(tmp_path / "lab.json", {"course_library": str(tmp_path / "share-offline")})
    monkeypatch.setenv("GUIDELIGHT_SITE_CONFIG", str(lab))
    monkeypatch.delenv("GUIDELIGHT_LIBRARY_DIR", raising=False)
    monkeypatch.setattr("guidelight.library.paths.default_library_dir", lambda: profile)
    with open_user_library() as lib:
        assert not lib.read_only
        lib.set_position("cd" * 32, Position(2, 5))
    assert (profile / "user.sqlite3").is_file()
    assert not (tmp_path / "share-offline").exists()
