"""A speaker that is built on a background thread after the window is up.

Importing the speech stack (its Thai normalizer pulls in PyThaiNLP) costs more than
the whole bare Qt window, and a student waits for start-up every day. The window is
shown first; the real ``Speaker`` is made on a thread right after; settings given
before then are applied when it is ready; the first command that must speak waits
for it (in practice it is ready long before a key is pressed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import Any


class DeferredSpeaker:
    """Same methods as ``guidelight.speech.speaker.Speaker``; builds it lazily."""

    def __init__(self, factory: Callable[[], Any], post: Callable[[Callable[[], None]], None]) -> None:
        """``post`` runs a function on the GUI thread (where the speaker is adopted)."""
        self._factory = factory
        self._post = post
        self._future: Future[Any] | None = None
        self._speaker: Any = None
        self._pending: list[Callable[[Any], None]] = []

    def start_loading(self) -> None:
        """Begin building the speaker on a thread (idempotent)."""
        if self._future is not None:
            return
        future: Future[Any] = Future()
        self._future = future

        def build() -> None:
            try:
                future.set_result(self._factory())
            except BaseException as exc:  # handed to whoever needs the speaker first
                future.set_exception(exc)
            self._post(self._adopt)

        threading.Thread(target=build, name="guidelight-speaker-start", daemon=True).start()

    def _adopt(self) -> None:
        """On the GUI thread: take the built speaker and apply what was asked meanwhile."""
        if self._speaker is None:
            self.start_loading()
            assert self._future is not None
            self._speaker = self._future.result()
            for apply in self._pending:
                apply(self._speaker)
            self._pending.clear()

    def _real(self) -> Any:
        self._adopt()
        return self._speaker

    def _setting(self, apply: Callable[[Any], None]) -> None:
        if self._speaker is None:
            self._pending.append(apply)
        else:
            apply(self._speaker)

    def speak(self, utterances: Iterable[Any], on_event: Callable[[Any], None]) -> None:
        self._real().speak(utterances, on_event)

    def announce(self, text: str) -> None:
        """Never waits: before the speaker exists, the latest announcement is kept for it."""
        if self._speaker is None:
            self._pending = [p for p in self._pending if getattr(p, "announcement", None) is None]
            speak = _Announcement(text)
            self._pending.append(speak)
        else:
            self._speaker.announce(text)

    def stop(self) -> None:
        if self._speaker is not None:  # nothing can be playing before it exists
            self._speaker.stop()

    @property
    def speaking(self) -> bool:
        return self._speaker is not None and bool(self._speaker.speaking)

    def set_rate(self, words_per_minute: int) -> None:
        self._setting(lambda s: s.set_rate(words_per_minute))

    def set_volume(self, v: float) -> None:
        self._setting(lambda s: s.set_volume(v))

    def set_pitch(self, p: int) -> None:
        self._setting(lambda s: s.set_pitch(p))

    def set_voice(self, voice_id: str) -> None:
        self._setting(lambda s: s.set_voice(voice_id))

    def set_pronunciations(self, entries: dict[str, str]) -> None:
        self._setting(lambda s: s.set_pronunciations(entries))

    def voices(self, fresh: bool = False) -> list[Any]:
        return list(self._real().voices(fresh))

    def close(self) -> None:
        if self._future is not None:
            self._real().close()


class _Announcement:
    """A pending announcement; a newer one replaces it, as a new one interrupts."""

    def __init__(self, text: str) -> None:
        self.announcement = text

    def __call__(self, speaker: Any) -> None:
        speaker.announce(self.announcement)


class DeferredLibrary:
    """Opens the library (SQLite, migrations) on first use instead of at start-up.

    The window takes keys before the library is touched; the first use (restoring the
    last document, right after the window is shown) opens it.
    """

    def __init__(self, opener: Callable[[], Any]) -> None:
        self._opener = opener
        self._library: Any = None
        self._lock = threading.Lock()  # the first use may come from a worker thread

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            if self._library is None:
                self._library = self._opener()
        return getattr(self._library, name)

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
