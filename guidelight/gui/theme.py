"""Colour themes for low vision: normal, and two high-contrast palettes.

"system" follows the desktop: if it asks for high contrast (Qt 6.10's
``QAccessibilityHints.contrastPreference``) we pick the high-contrast palette that
matches its light or dark scheme; otherwise the platform palette is left untouched
(Windows high contrast must not be overridden).

Asking the desktop means reading a ``Qt.`` enum, and the first one makes PySide build
the whole Qt namespace (see ``qtnames``), so the window starts in the look the desktop
asked for last time (``Settings.system_look``) and asks again once it is up.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def system_look() -> str:
    """The theme the desktop asks for now: "system" (its own palette) or a high-contrast one."""
    from PySide6.QtCore import Qt  # builds the Qt namespace's enums: never before the window is up

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is None or accessibility().contrastPreference() != Qt.ContrastPreference.HighContrast:
        return "system"
    return "dark_high_contrast" if hints.colorScheme() == Qt.ColorScheme.Dark else "light_high_contrast"


def resolve(theme: str, desktop: str) -> str:
    """The concrete theme for a setting: "system" becomes what the desktop asks for."""
    return desktop if theme == "system" else theme


def colours(theme: str, desktop: str) -> Colours:
    return {"dark_high_contrast": DARK_HC, "light_high_contrast": LIGHT_HC}.get(resolve(theme, desktop), NORMAL)


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


def apply(app: QApplication, theme: str, desktop: str, default_palette: QPalette) -> Colours:
    """Apply ``theme`` to the whole app (``desktop``: what "system" means, from
    ``system_look``); returns the reading view's colours."""
    concrete = resolve(theme, desktop)
    c = colours(theme, desktop)
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
