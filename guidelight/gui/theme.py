"""Colour themes for low vision: normal, and two high-contrast palettes.

"system" follows the desktop: if it asks for high contrast (Qt 6.10's
``QAccessibilityHints.contrastPreference``) we pick the high-contrast palette that
matches its light or dark scheme; otherwise the platform palette is left untouched
(Windows high contrast must not be overridden).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_ORDER = ("system", "normal", "dark_high_contrast", "light_high_contrast")


@dataclass(frozen=True)
class Colours:
    """Text, background and the two highlights of the reading view (sentence, word)."""

    text: str
    base: str
    sentence: str
    word: str
    word_text: str
    focus: str


NORMAL = Colours("#1a1a1a", "#fffdf5", "#fff0a8", "#1f5fbf", "#ffffff", "#1f5fbf")
DARK_HC = Colours("#ffffff", "#000000", "#3a3a00", "#ffff00", "#000000", "#ffff00")
LIGHT_HC = Colours("#000000", "#ffffff", "#d8e8ff", "#000080", "#ffffff", "#000080")


def system_wants_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def resolve(theme: str) -> str:
    """The concrete theme for a setting ("system" becomes one of the others)."""
    if theme != "system":
        return theme
    if system_wants_high_contrast():
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return "dark_high_contrast" if dark else "light_high_contrast"
    return "system"


def colours(theme: str) -> Colours:
    return {"dark_high_contrast": DARK_HC, "light_high_contrast": LIGHT_HC}.get(resolve(theme), NORMAL)


def _palette(c: Colours) -> QPalette:
    pal = QPalette()
    text, base = QColor(c.text), QColor(c.base)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText):
        pal.setColor(role, text)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                 QPalette.ColorRole.Button, QPalette.ColorRole.ToolTipBase):
        pal.setColor(role, base)
    pal.setColor(QPalette.ColorRole.Highlight, QColor(c.word))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(c.word_text))
    pal.setColor(QPalette.ColorRole.PlaceholderText, text)
    pal.setColor(QPalette.ColorRole.Link, QColor(c.focus))
    for group in (QPalette.ColorGroup.Disabled,):
        pal.setColor(group, QPalette.ColorRole.Text, text)
        pal.setColor(group, QPalette.ColorRole.WindowText, text)
    return pal


def apply(app: QApplication, theme: str, default_palette: QPalette) -> Colours:
    """Apply ``theme`` to the whole app; returns the reading view's colours."""
    concrete = resolve(theme)
    c = colours(theme)
    if concrete == "system":
        app.setPalette(default_palette)
    else:
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # native styles may ignore a custom palette; Fusion never does
        app.setPalette(_palette(c))
    # A thick focus outline: Fusion's dotted one is too thin to find with low vision.
    width = 3 if concrete in ("dark_high_contrast", "light_high_contrast") else 2
    sheet = (f"QPushButton:focus, QListWidget:focus, QLineEdit:focus, QSpinBox:focus,"
             f" QPlainTextEdit:focus, QTextEdit:focus {{ border: {width}px solid {c.focus}; }}")
    if concrete != "system":
        # Fusion draws button edges from shades of the button colour, which vanish on
        # pure black or white: give every control a plain outline in the text colour.
        sheet = (f"QPushButton {{ border: 1px solid {c.text}; padding: 4px 12px; }}"
                 f" QPushButton:focus {{ border: {width}px solid {c.focus}; }} "
                 f"QMenu {{ border: 1px solid {c.text}; }} " + sheet)
    if app.styleSheet() != sheet:  # re-polishing every widget is slow; do it only on change
        app.setStyleSheet(sheet)
    return c
