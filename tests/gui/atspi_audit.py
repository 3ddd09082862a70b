#!/usr/bin/python3
"""AT-SPI audit of a running Guide Light window, as a screen reader sees it.

Run with Debian's /usr/bin/python3 (python3-pyatspi is installed for it) inside the
private session that ``test_atspi_audit.py`` builds. Checks, after the rules of
Accerciser's validator: every showing focusable or interactive widget has a name; the
window has exactly one focused widget; Tab and Shift+Tab (sent as key codes through
XTest, the way the AT-SPI registry sends an assistive technology's keys) reach every
focusable control of the window and come back to where they started, so nothing traps
the keyboard. Prints a JSON report; exits 1 if any check fails.

Usage: atspi_audit.py APP_PID [TEXT]   (TEXT: wait until some label shows it first)
       atspi_audit.py APP_PID TEXT --dialogs KEYCODE+KEYCODE,...   (opens each dialog with
           its keys, audits it the same way, closes it with Escape and checks the focus
           comes back to the document text)
       atspi_audit.py APP_PID TEXT --press KEYCODE,...   (prints the text caret after each key)
       atspi_audit.py APP_PID TEXT --text   (prints the document text as a screen reader gets it)
"""

from __future__ import annotations

import ctypes
import json
import sys
import time

import pyatspi

NEEDS_NAME = {"push button", "toggle button", "check box", "radio button", "combo box", "menu item",
              "check menu item", "radio menu item", "page tab", "text", "entry", "password text",
              "spin button", "slider", "list", "tree", "table", "link", "menu", "frame"}
MENU_ROLES = {"menu bar", "menu", "menu item", "check menu item", "radio menu item", "separator"}
# X keycodes of Xvfb's default (evdev) keymap; AT-SPI's KEY_PRESS/KEY_RELEASE take keycodes.
TAB_KEYCODE, SHIFT_KEYCODE, ALT_KEYCODE, DOWN_KEYCODE, ESCAPE_KEYCODE = 23, 50, 64, 116, 9


def describe(acc) -> str:
    parts = []
    while acc is not None and acc.getRoleName() != "application":
        parts.append(f"{acc.getRoleName()}:{acc.name!r}")
        acc = acc.parent
    return " > ".join(reversed(parts))


def walk(acc, depth=0):
    yield acc
    if depth > 40:
        return
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # a child may vanish while we walk
            continue
        if child is not None:
            yield from walk(child, depth + 1)


def find_app(pid: int, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == pid and app.childCount:
                return app
        time.sleep(0.2)
    return None


def focused(window) -> list:
    """Focused widgets. Qt also marks the current item of a list and the viewport
    ("filler") of a focused text view as focused; those belong to their widget."""
    return [a for a in walk(window) if a.getState().contains(pyatspi.STATE_FOCUSED)
            and a.getRoleName() not in ("list item", "table cell", "tree item", "filler")]


class Keyboard:
    """Key codes pressed through XTest on $DISPLAY, as at-spi2-registryd does for an
    assistive technology's ``generateKeyboardEvent``. Asked of the registry itself, keys
    were lost for seconds at a time on a loaded machine while the window had the X focus
    (and keys sent straight through XTest arrived), which read as focus traps."""

    def __init__(self) -> None:
        self._x11 = ctypes.CDLL("libX11.so.6")
        self._xtest = ctypes.CDLL("libXtst.so.6")
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._display = ctypes.c_void_p(self._x11.XOpenDisplay(None))

    def _send(self, keycode: int, down: bool) -> None:
        self._xtest.XTestFakeKeyEvent(self._display, keycode, down, 0)
        self._x11.XFlush(self._display)

    def press(self, *keycodes: int) -> None:
        """Hold every key but the last, press the last, release in reverse (Ctrl+Shift+P)."""
        for keycode in keycodes:
            self._send(keycode, True)
        for keycode in reversed(keycodes):
            self._send(keycode, False)


KEYS = Keyboard()


def press_tab(shift: bool) -> None:
    KEYS.press(*((SHIFT_KEYCODE,) if shift else ()), TAB_KEYCODE)


def wait_focus_change(window, before, timeout: float = 3.0):
    """The newly focused object, or None if focus did not move to exactly one object."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = focused(window)
        if len(current) == 1 and current[0] != before:
            return current[0]
        time.sleep(0.05)
    return None


def shows(window, text: str) -> bool:
    """A label's accessible name is its text (the status line is read that way)."""
    return any(acc.getRoleName() == "label" and text in (acc.name or "") for acc in walk(window))


def wait_ready(window, text: str, timeout: float = 30.0) -> None:
    """Until the window is active, one widget has focus and ``text`` is shown.

    The app moves focus to the document text when a document has opened; auditing
    before that would see focus jump in the middle of a Tab cycle.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (window.getState().contains(pyatspi.STATE_ACTIVE) and len(focused(window)) == 1
                and (not text or shows(window, text))):
            return
        time.sleep(0.1)


def settle_keyboard(window, tries: int = 5, wait: float = 3.0) -> None:
    """Wait until the window really takes keys: a Tab moves the focus and Shift+Tab
    brings it back. Xvfb has no window manager, and a key sent before the window takes
    keys is lost; the Tab is sent again until one arrives, so a lost key is not taken for
    a focus trap."""
    start = focused(window)
    if len(start) != 1:
        return
    for _ in range(tries):
        press_tab(shift=False)
        if wait_focus_change(window, start[0], wait) is not None:
            press_tab(shift=True)
            deadline = time.monotonic() + 10
            while focused(window) != start and time.monotonic() < deadline:
                time.sleep(0.05)
            return


def tab_cycle(window, start, shift: bool, limit: int) -> tuple[list, bool]:
    """Objects focused by successive Tabs until focus is back at ``start``."""
    seen = []
    current = start
    for _ in range(limit):
        press_tab(shift)
        current = wait_focus_change(window, current)
        if current is None:
            return seen, False
        if current == start:
            return seen, True
        seen.append(current)
    return seen, False


def next_sentence_caret(window) -> list[int]:
    """Caret of the document text before and after Alt+Down (next sentence).

    A screen reader's review keys start at this caret, so it must follow the voice.
    """
    view = next((a for a in walk(window) if a.getRoleName() == "text"), None)
    if view is None or not view.getState().contains(pyatspi.STATE_FOCUSED):
        return []
    text = view.queryText()
    before = text.caretOffset
    KEYS.press(ALT_KEYCODE, DOWN_KEYCODE)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and text.caretOffset == before:
        time.sleep(0.05)
    return [before, text.caretOffset]


def carets_after(window, keycodes: list[int]) -> list[int]:
    """Press each X keycode in turn and note the document text's caret after it."""
    view = next(a for a in walk(window) if a.getRoleName() == "text")
    text = view.queryText()
    carets = []
    for keycode in keycodes:
        before = text.caretOffset
        KEYS.press(keycode)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and text.caretOffset == before:
            time.sleep(0.05)
        carets.append(text.caretOffset)
    return carets


def audit_window(window, errors: list[str]) -> dict:
    """Names, one focused widget, Tab and Shift+Tab cycles of one window (or dialog)."""
    everything = list(walk(window))
    controls = []
    for acc in everything:
        role, states = acc.getRoleName(), acc.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        if showing and (role in NEEDS_NAME or focusable) and not (acc.name or "").strip():
            errors.append("no accessible name: " + describe(acc))
        if showing and focusable and role not in MENU_ROLES:
            controls.append(acc)
    now = focused(window)
    if len(now) != 1:
        errors.append(f"expected one focused widget, found {[describe(a) for a in now]}")
    report = {"window": describe(window), "controls": [describe(a) for a in controls]}
    if now:
        start = now[0]
        report["focus"] = describe(start)
        limit = 3 * len(controls) + 5
        forward, closed = tab_cycle(window, start, shift=False, limit=limit)
        report["tab"] = [describe(a) for a in forward]
        if not closed:
            errors.append("Tab never came back to the first control (focus trap or lost focus): "
                          + " -> ".join(report["tab"]))
        backward, closed_back = tab_cycle(window, start, shift=True, limit=limit)
        report["shift_tab"] = [describe(a) for a in backward]
        if not closed_back:
            errors.append("Shift+Tab never came back to the first control: " + " -> ".join(report["shift_tab"]))
        reached = {describe(a) for a in [start, *forward]}
        for acc in controls:
            if describe(acc) not in reached:
                errors.append("not reachable with Tab: " + describe(acc))
        if closed and closed_back and [describe(a) for a in backward] != [describe(a) for a in reversed(forward)]:
            errors.append("Shift+Tab does not retrace Tab")
    return report


def showing_windows(app) -> list:
    return [w for w in (app.getChildAtIndex(i) for i in range(app.childCount))
            if w is not None and w.getState().contains(pyatspi.STATE_SHOWING)]


def audit_dialog(app, window, keycodes: list[int], errors: list[str]) -> dict:
    """Open a dialog with a key combination, audit it, close it with Escape, and check
    that the focus comes back to the main window's document text (no trap, no loss)."""
    KEYS.press(*keycodes)
    deadline = time.monotonic() + 10
    dialog = None
    while time.monotonic() < deadline and dialog is None:
        others = [w for w in showing_windows(app) if w != window]
        if others and len(focused(others[0])) == 1:
            dialog = others[0]
        time.sleep(0.1)
    keys = "+".join(map(str, keycodes))
    if dialog is None:
        errors.append(f"keys {keys}: no dialog opened with the focus in it")
        return {"keys": keys}
    found: list[str] = []
    report = audit_window(dialog, found)
    errors.extend(f"{dialog.name!r}: {e}" for e in found)
    KEYS.press(ESCAPE_KEYCODE)
    deadline = time.monotonic() + 10
    back = []
    while time.monotonic() < deadline:
        back = focused(window)
        if len(showing_windows(app)) == 1 and len(back) == 1 and back[0].getRoleName() == "text":
            break
        time.sleep(0.1)
    else:
        errors.append(f"{dialog.name!r}: after Escape the focus is not back in the document text: "
                      f"{[describe(a) for a in back]}")
    return {"keys": keys, **report}


def main() -> int:
    pid = int(sys.argv[1])
    if "--text" in sys.argv:
        window = find_app(pid).getChildAtIndex(0)
        wait_ready(window, sys.argv[2])
        view = next(a for a in walk(window) if a.getRoleName() == "text").queryText()
        print(json.dumps({"text": view.getText(0, -1)}, ensure_ascii=False))
        return 0
    if "--press" in sys.argv:
        app = find_app(pid)
        window = app.getChildAtIndex(0)
        wait_ready(window, sys.argv[2])
        settle_keyboard(window)  # Tab and Shift+Tab: the focus, and the caret, come back
        keycodes = [int(k) for k in sys.argv[sys.argv.index("--press") + 1].split(",")]
        print(json.dumps(carets_after(window, keycodes)))
        return 0
    errors: list[str] = []
    app = find_app(pid)
    if app is None:
        print(json.dumps({"errors": [f"no accessible application with pid {pid}"]}))
        return 1
    deadline = time.monotonic() + 20
    while not showing_windows(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    window = showing_windows(app)[0]
    wait_ready(window, sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "")
    settle_keyboard(window)
    if "--dialogs" in sys.argv:
        combos = [[int(k) for k in combo.split("+")] for combo in sys.argv[sys.argv.index("--dialogs") + 1].split(",")]
        report = {"dialogs": [audit_dialog(app, window, combo, errors) for combo in combos]}
    else:
        report = audit_window(window, errors)
        report["caret"] = next_sentence_caret(window)
    report["errors"] = errors
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
