"""Settings load in layers (machine-wide, then the student's) and survive bad files."""

from __future__ import annotations

import json
from pathlib import Path

from guidelight.core.settings import Settings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    wanted = Settings(language="th", speech_output="both", rate=200, theme="dark_high_contrast", zoom=150)
    save_settings(wanted, path)
    assert load_settings([path]) == wanted


def test_later_files_override_machine_wide_defaults(tmp_path: Path) -> None:
    machine = tmp_path / "machine.json"
    user = tmp_path / "user.json"
    machine.write_text(json.dumps({"language": "th", "rate": 140, "theme": "light_high_contrast"}))
    user.write_text(json.dumps({"rate": 220}))
    got = load_settings([machine, user, tmp_path / "missing.json"])
    assert (got.language, got.rate, got.theme) == ("th", 220, "light_high_contrast")


def test_bad_values_fall_back_without_failing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"rate": "fast", "zoom": 9000, "volume": 1, "theme": "neon",
                               "caret_follows_speech": 0, "unknown": 1}))
    got = load_settings([broken, odd])
    assert got == Settings(volume=1.0)


def test_default_path_honours_override(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GUIDELIGHT_CONFIG_DIR", str(tmp_path))
    save_settings(Settings(font_size=30))
    assert (tmp_path / "settings.json").exists()
    assert load_settings().font_size == 30
