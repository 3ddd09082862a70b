"""The key map: no clash with screen readers, no duplicates, menus with mnemonics, docs in sync."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from guidelight.gui.commands import COMMANDS, HEADING_LEVEL_KEYS, MENUS, help_lines, keyboard_markdown
from guidelight.gui.window import MainWindow, _is_pane_key

DOC = Path(__file__).resolve().parents[2] / "docs" / "keyboard.md"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
# Keys screen readers, magnifiers and the desktop own (shared/research/accessibility.md §4.2).
RESERVED_KEYS = {Qt.Key.Key_Insert, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Tab,
                 Qt.Key.Key_Backtab, Qt.Key.Key_F10, Qt.Key.Key_Menu, Qt.Key.Key_Super_L, Qt.Key.Key_Meta}
ARROWS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


def all_keys() -> list[str]:
    return [k for c in COMMANDS for k in c.keys] + list(HEADING_LEVEL_KEYS)


@pytest.mark.parametrize("text", all_keys())
def test_no_key_collides_with_screen_reader_or_desktop_keys(text: str) -> None:
    seq = QKeySequence(text)
    assert seq.count() == 1, f"{text!r} is not one key combination"
    combo = seq[0]
    key, mods = combo.key(), combo.keyboardModifiers()
    assert key not in RESERVED_KEYS, text
    assert not mods & Qt.KeyboardModifier.KeypadModifier, f"{text}: numpad keys are screen reader review keys"
    assert not mods & Qt.KeyboardModifier.MetaModifier, text
    assert mods & CTRL_ALT != CTRL_ALT, f"{text}: Ctrl+Alt combinations belong to NVDA, JAWS, Magnifier"
    assert not (key == Qt.Key.Key_F4 and mods & Qt.KeyboardModifier.AltModifier), text


def test_no_key_is_bound_twice() -> None:
    window_keys = [QKeySequence(k).toString() for c in COMMANDS for k in c.keys
                   if not c.pane and not _is_pane_key(k)]
    pane_keys = [QKeySequence(k).toString() for c in COMMANDS for k in c.keys if c.pane or _is_pane_key(k)]
    pane_keys += list(HEADING_LEVEL_KEYS)
    for keys in (window_keys, pane_keys + window_keys):
        assert [k for k, n in Counter(keys).items() if n > 1] == []


@pytest.mark.parametrize("language", ["en", "th"])
def test_every_menu_entry_has_a_unique_mnemonic(language: str) -> None:
    for menu in MENUS:
        letters = []
        for c in COMMANDS:
            if c.menu != menu:
                continue
            found = re.search(r"&(\w)", c.label(language))
            assert found, f"{c.id} has no mnemonic in {language}"
            letters.append(found.group(1).lower())
        assert [m for m, n in Counter(letters).items() if n > 1] == [], (menu, language)


def test_every_command_has_a_handler_and_help_line() -> None:
    for c in COMMANDS:
        assert callable(getattr(MainWindow, f"cmd_{c.id}", None)), c.id
    assert len(help_lines("en")) == len(help_lines("th")) == len(COMMANDS)


def test_keyboard_doc_is_generated_from_the_command_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text == keyboard_markdown(), "regenerate docs/keyboard.md (command in its header)"
    for c in COMMANDS:
        assert c.help_en in text, c.id
        for k in c.keys:
            assert f"`{k}`" in text, (c.id, k)
