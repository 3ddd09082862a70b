"""Who answers a key: Guide Light's own voice or the running screen reader, never both
unless the student asks for both.

A screen reader user already has a voice; a second one talking over it is noise. The
``speech_output`` setting (the voice mode, Ctrl+Shift+V) decides who says the moves
(the sentence, word or page a key moved to) and the confirmations: "screen_reader"
(the screen reader navigates, Guide Light reads the document), "voice" (Guide Light
speaks everything), "both", or "auto": "screen_reader" when one is running
(``core.screenreader``), else "voice". Reading the document aloud is always Guide Light's.

Text for the screen reader goes out as Qt's ``QAccessibleAnnouncementEvent``, which
NVDA, JAWS, Narrator (UIA notifications) and Orca 45+ speak. Orca 43 (Debian 12)
ignores announcements but speaks a change of the focused object's accessible
description (measured with the real Orca, ``tests/gui/test_orca_journey.py``): for it,
the description of the focused widget is set to the text and cleared at once (Orca
says nothing for an empty one). The reading view therefore has no standing
description while that route is used. Everything is also put in the status bar, and
written to the speech log (kind "screen_reader") so a test or a person can see it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from guidelight.core import screenreader
from guidelight.speech import speechlog


@cache
def can_announce() -> bool:
    """Qt older than 6.8 has no announcements: confirmations then always use the own voice.

    Asked on first use, not at import: building PySide's QAccessible types costs ~2 ms
    of start-up, and with the own voice they are never needed.
    """
    from PySide6 import QtGui

    return hasattr(QtGui, "QAccessibleAnnouncementEvent")


def assistive_technology_active() -> bool:
    """Is a screen reader (or another assistive technology, a magnifier) using the app?
    Qt knows once one has connected to its accessibility interface."""
    from PySide6.QtGui import QAccessible

    return QAccessible.isActive()


def send_to_screen_reader(widget: QWidget, text: str, assertive: bool = False) -> bool:
    """Post an accessibility announcement; False if this Qt cannot."""
    if not can_announce():
        return False
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    return True


def tell_through_focus(widget: QWidget, text: str) -> None:
    """Orca 43's route: the focused widget's description becomes ``text``, then empty."""
    target = QApplication.focusWidget() or widget
    if target.accessibleDescription():
        target.setAccessibleDescription("")  # so that the change to ``text`` is a change
    target.setAccessibleDescription(text)
    target.setAccessibleDescription("")


def resolve(output: str, reader: screenreader.ScreenReader | None) -> str:
    """The voice mode in effect: "auto" becomes "screen_reader" when one runs, else "voice"."""
    if output == "auto":
        return "screen_reader" if reader is not None else "voice"
    return output


class Announcer:
    """One place that speaks confirmations and document snippets outside reading."""

    def __init__(self, widget: QWidget, speaker: Any, make_utterance: Callable[..., Any],
                 output: Callable[[], str], show: Callable[[str], None],
                 during_reading: Callable[[str], bool] = lambda _text: False,
                 reader: Callable[[], screenreader.ScreenReader | None] = screenreader.running) -> None:
        """``during_reading(text)`` voices ``text`` inside the reading and returns True
        if reading is on, so a confirmation never stops the document (and never
        comes in a second voice over it). ``make_utterance(text, page, start, kind)``."""
        self.widget = widget
        self.speaker = speaker
        self.make_utterance = make_utterance
        self.output = output
        self.show = show
        self.during_reading = during_reading
        self.reader = reader

    def mode(self) -> str:
        """"screen_reader", "voice" or "both", as in effect now."""
        mode = resolve(self.output(), self.reader())
        return "voice" if mode != "voice" and not can_announce() else mode

    def announce(self, text: str, assertive: bool = False) -> None:
        """A confirmation such as "Bookmark added"."""
        self.show(text)
        if self.during_reading(text):
            return
        mode = self.mode()
        if mode in ("voice", "both"):
            self.speaker.announce(text)
        if mode in ("screen_reader", "both"):
            self.to_screen_reader(text, assertive)

    def say(self, text: str, page: int, start: int, before: str = "", kind: str = "navigation") -> None:
        """Document text outside continuous reading (a moved-to sentence or word).

        ``before`` (a confirmation or a page's note) is shown and said first, in the same
        breath: an announcement followed by a separate ``speak`` would be cut off by it.
        """
        if before:
            self.show(before)
        mode = self.mode()
        if mode in ("voice", "both"):
            first = [self.make_utterance(before, 0, 0, "confirmation")] if before else []
            self.speaker.speak([*first, self.make_utterance(text, page, start, kind)], lambda _event: None)
        if mode in ("screen_reader", "both"):
            self.to_screen_reader(f"{before} {text}".strip())

    def to_screen_reader(self, text: str, assertive: bool = False) -> None:
        """By the route this screen reader speaks (see the module docstring)."""
        reader = self.reader()
        if reader is not None and not reader.speaks_announcements:
            if isinstance(QApplication.focusWidget(), QAbstractItemView):
                # Orca's focus is then the list's item, whose description Qt cannot change:
                # Orca would hear nothing, so Guide Light says it (Orca is silent for it).
                self.speaker.announce(text)
                return
            speechlog.record(text, "screen_reader")
            tell_through_focus(self.widget, text)
        else:
            speechlog.record(text, "screen_reader")
            send_to_screen_reader(self.widget, text, assertive)
