"""Where the frozen program looks for its portable marker, on each OS's layout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from guidelight.core import datadirs


def frozen_at(monkeypatch: pytest.MonkeyPatch, executable: Path) -> None:
    executable.parent.mkdir(parents=True, exist_ok=True)
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_frozen_program_with_marker_sets_every_folder_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_at(monkeypatch, tmp_path / "stick" / "guidelight" / "guidelight.exe")
    (tmp_path / "stick" / "guidelight" / datadirs.PORTABLE_MARKER).write_text("", encoding="utf-8")
    env = {"GUIDELIGHT_CACHE_DIR": "/elsewhere"}  # an explicit override still wins
    root = datadirs.prepare_environment(env)
    data = tmp_path / "stick" / "guidelight" / "guidelight-data"
    assert root == data
    assert env == {
        "GUIDELIGHT_CONFIG_DIR": str(data / "config"),
        "GUIDELIGHT_LIBRARY_DIR": str(data / "library"),
        "GUIDELIGHT_CACHE_DIR": "/elsewhere",
        "PYTHAINLP_DATA": str(data / "pythainlp-data"),
        "GUIDELIGHT_VOICES_DIR": str(data / "voices"),
        "PYTHAINLP_OFFLINE": "1",  # the bundle never downloads
        "PYTHAINLP_READ_ONLY": "1",
    }


def test_frozen_program_without_marker_changes_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_at(monkeypatch, tmp_path / "Program Files" / "Guide Light" / "guidelight.exe")
    env: dict[str, str] = {}
    assert datadirs.prepare_environment(env) is None
    assert env == {"PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}


def test_macos_marker_sits_beside_the_app_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_at(monkeypatch, tmp_path / "USB" / "Guide Light.app" / "Contents" / "MacOS" / "guidelight")
    (tmp_path / "USB" / datadirs.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert datadirs.portable_dir() == tmp_path / "USB" / "guidelight-data"


def test_from_source_nothing_is_set_without_a_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    env: dict[str, str] = {}
    if (datadirs.program_dir() / datadirs.PORTABLE_MARKER).exists():
        pytest.skip("this checkout is itself marked portable")
    assert datadirs.prepare_environment(env) is None and env == {}


def test_the_pronunciation_file_lives_beside_the_settings(tmp_path, monkeypatch) -> None:
    # On a portable stick (GUIDELIGHT_CONFIG_DIR set at start) it must travel with the student.
    from guidelight.core.settings import default_path
    from guidelight.speech.lexicon import user_file

    monkeypatch.setenv("GUIDELIGHT_CONFIG_DIR", str(tmp_path / "config"))
    assert user_file().parent == default_path().parent == tmp_path / "config"
