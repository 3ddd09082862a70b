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

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_ORDER = ("system", "normal", "dark_high_contrast", "light_high_contrast")


@dataclass(frozen=True)
class Colours:
    """The reading page (text on base) and its two highlights: the sentence band and the
    word inside it, each with its own text colour.

    The band must stand out from the page by 3:1 (WCAG 1.4.11, non-text contrast) and
    keep its text readable (4.5:1); the word must stand out from the band by 4.5:1. Both
    can hold only with a band of middle lightness: dark text on it in the light themes,
    with a very dark word; light text on it in the dark themes, with a bright word.
    ``tests/gui/test_low_vision.py`` checks every theme from these values.
    """

    text: str
    base: str
    sentence: str
    sentence_text: str
    word: str
    word_text: str
    focus: str


NORMAL = Colours("#1a1a1a", "#fffdf5", "#ad7d00", "#000000", "#000040", "#ffffff", "#1f5fbf")
NORMAL_DARK = Colours("#f0f0f0", "#121212", "#1f66d6", "#ffffff", "#ffff00", "#000000", "#ffff00")
DARK_HC = Colours("#ffffff", "#000000", "#1760cf", "#ffffff", "#ffff00", "#000000", "#ffff00")
LIGHT_HC = Colours("#000000", "#ffffff", "#4386ea", "#000000", "#000050", "#ffffff", "#000080")
THEMES = {"normal": NORMAL, "normal_dark": NORMAL_DARK, "dark_high_contrast": DARK_HC,
          "light_high_contrast": LIGHT_HC}


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


def colours(theme: str, desktop: str, dark_desktop: bool = False) -> Colours:
    """The reading page's colours; "system" on a dark desktop (``dark_desktop``) gets a
    dark page, so the text does not flash white among dark windows."""
    concrete = resolve(theme, desktop)
    if concrete == "system":
        return NORMAL_DARK if dark_desktop else NORMAL
    return THEMES[concrete]


def is_dark(palette: QPalette) -> bool:
    """Is this (the desktop's) palette a dark one: light text on a dark page?"""
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


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
    c = colours(theme, desktop, is_dark(default_palette))
    if concrete == "system" and getattr(QGuiApplication.styleHints(), "accessibility", None) is None:
        # Qt before 6.10 cannot tell a high-contrast desktop: its page colours are kept
        # (Windows high contrast must not be overridden), the highlights as for light or dark.
        c = replace(c, text=default_palette.color(QPalette.ColorRole.Text).name(),
                    base=default_palette.color(QPalette.ColorRole.Base).name())
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
