"""Qt enum settings made by name, so the window is up before the Qt namespace is built.

The first time Python touches a ``Qt.`` enum, or calls a Qt function one of whose
overloads takes one, PySide builds Python enums for the whole Qt namespace: 94 enums,
about 15 ms, a tenth of the app's start-up (measured in ``docs/performance.md``). The
window is built and shown through the two calls here instead; the namespace is built
later, once the window is answering keys. ``tests/gui/test_startup.py`` keeps it so.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def set_enum(obj: QObject, prop: str, keys: str) -> None:
    """Set an enum or flags property by its key names ("A|B") through Qt's property system.

    Raises ``ValueError`` when Qt refuses (a misspelt property or key), so a typo is an
    error at once rather than a silently unset flag.
    """
    if not obj.setProperty(prop, keys):
        raise ValueError(f"{type(obj).__name__}.{prop} refused {keys!r}")


def set_keys(action: QAction, keys: Sequence[str]) -> None:
    """An action's shortcuts from key names such as "Ctrl+O".

    ``setShortcuts`` with a list: ``setShortcut`` has an overload taking a ``Qt.Key``,
    and choosing between overloads builds the namespace.
    """
    action.setShortcuts([QKeySequence(key) for key in keys])
