"""The speech log: one JSON line per utterance, written when its audio starts.

``GUIDELIGHT_SPEECH_LOG=FILE`` makes the app and every command append
``{"t": Unix seconds, "text": ..., "kind": ..., "page": ..., "offset": ...}`` to FILE.
The tests read it to know exactly what Guide Light said and when (the screen reader's
speech is captured separately), and a person checking a lab machine can read what was
heard. Unset, nothing is written and the cost is one dictionary look-up per utterance.

Kinds: "reading" (the document read aloud, or text given to ``say``), "navigation" (the
unit a key moved to), "confirmation", "help", and "screen_reader" for text Guide Light
handed to the running screen reader instead of speaking it (no audio of ours).
"""

from __future__ import annotations

import json
import os
import threading
import time

ENV = "GUIDELIGHT_SPEECH_LOG"
KINDS = ("reading", "navigation", "confirmation", "help", "screen_reader")
_lock = threading.Lock()  # the player thread and the GUI thread both write


def record(text: str, kind: str, page: int = 0, offset: int = 0) -> None:
    """Append one line if the log is on; a failing disk never stops the speech."""
    path = os.environ.get(ENV)
    if not path or not text:
        return
    line = json.dumps({"t": time.time(), "text": text, "kind": kind, "page": page, "offset": offset},
                      ensure_ascii=False)
    with _lock:
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(line + "\n")
        except OSError:
            pass


def read(path: str | os.PathLike[str]) -> list[dict[str, object]]:
    """The log's entries, oldest first (a half-written last line is skipped)."""
    entries = []
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                try:
                    entries.append(json.loads(line))
                except ValueError:
                    continue
    except FileNotFoundError:
        return []
    return entries
