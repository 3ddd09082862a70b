"""Keep Python's None, True and False alive under PySide6 6.12 on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, the newest, on CPython 3.11.7): each call of
a Qt method that returns nothing takes one reference from ``None`` that it never gave
(``QScrollBar.setValue``, ``QTextCursor.setPosition``, ``QTextEdit.setTextCursor`` and
``setExtraSelections``: -1 each), ``QTextCharFormat.setBackground`` takes from True and
False too, and emitting a Qt signal from Python takes from ``True``. The reading view
makes such calls for every word heard and every key, so after a long journey the count
reaches zero and the interpreter aborts ("Fatal Python error: bool_dealloc" or
"none_dealloc"), mid-reading or on quitting.

These three objects are never freed anyway, so holding extra references to them is
harmless: every ``CHECK_MS`` the guard tops each one up to ``TOP_UP`` references when
it has fallen under ``FLOOR``. From Python 3.12 they are immortal (PEP 683): nothing to do.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 1000
FLOOR = 200_000
TOP_UP = 400_000
SINGLETONS = (None, True, False)


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up(keep: list[object], floor: int = FLOOR, top: int = TOP_UP) -> int:
    """Add references where a singleton fell under ``floor``; how many were added.
    ``keep`` must never be freed (``pinned_list``): freeing it would hand the references
    back, and the references PySide took would then take the count below zero."""
    added = 0
    for obj in SINGLETONS:
        count = sys.getrefcount(obj)
        if count < floor:
            keep.extend([obj] * (top - count))
            added += top - count
    return added


def pinned_list() -> list[object]:
    """A list that is never freed, not even when the interpreter finalizes."""
    keep: list[object] = []
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(keep))
    return keep


class RefGuard(QObject):
    """Tops the singletons up now and every CHECK_MS while ``parent`` lives."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.keep = pinned_list()
        top_up(self.keep)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(lambda: top_up(self.keep))
        self._timer.start()


def install(parent: QObject) -> RefGuard | None:
    return RefGuard(parent) if needed() else None
