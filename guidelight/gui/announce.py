"""Spoken confirmations, routed to the app's own voice, the screen reader, or both.

A screen reader user already has a voice; a second one talking over it is noise, so
the setting decides. Screen reader announcements go out as Qt's
``QAccessibleAnnouncementEvent`` (Qt 6.8+), which Orca 45+, NVDA and Narrator speak.
Every confirmation is also put in the status bar, so it can be seen and re-read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtWidgets import QWidget


@cache
def can_announce() -> bool:
    """Qt older than 6.8 has no announcements: confirmations then always use the own voice.

    Asked on first use, not at import: building PySide's QAccessible types costs ~2 ms
    of start-up, and with the own voice (the default) they are never needed.
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


class Announcer:
    """One place that speaks confirmations and document snippets outside reading."""

    def __init__(self, widget: QWidget, speaker: Any, make_utterance: Callable[[str, int, int], Any],
                 output: Callable[[], str], show: Callable[[str], None],
                 during_reading: Callable[[str], bool] = lambda _text: False) -> None:
        """``during_reading(text)`` voices ``text`` inside the reading and returns True
        if reading is on, so a confirmation never stops the document."""
        self.widget = widget
        self.speaker = speaker
        self.make_utterance = make_utterance
        self.output = output
        self.show = show
        self.during_reading = during_reading

    def announce(self, text: str, assertive: bool = False) -> None:
        """A confirmation such as "Bookmark added"."""
        self.show(text)
        if (self.output() in ("voice", "both") or not can_announce()) and not (
            self.during_reading(text)
        ):
            self.speaker.announce(text)
        if self.output() in ("screen_reader", "both"):
            send_to_screen_reader(self.widget, text, assertive)

    def say(self, text: str, page: int, start: int, before: str = "") -> None:
        """Document text outside continuous reading (a moved-to sentence or word).

        ``before`` (a confirmation or a page's note) is shown and said first, in the same
        breath: an announcement followed by a separate ``speak`` would be cut off by it.
        """
        if before:
            self.show(before)
        if self.output() in ("voice", "both") or not can_announce():
            first = [self.make_utterance(before, 0, 0)] if before else []
            self.speaker.speak([*first, self.make_utterance(text, page, start)], lambda _event: None)
        if self.output() in ("screen_reader", "both"):
            send_to_screen_reader(self.widget, f"{before} {text}".strip())
