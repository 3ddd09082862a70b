"""Where PCM goes: an interruptible audio device, or a recorder for tests and CI.

A sink keeps only a short lead of audio queued ahead of what the listener hears
(``LEAD_SECONDS``), so ``flush()`` silences it at once and ``played_frames()`` is the
clock that word events are timed against. The device sink uses miniaudio: wheels for
Windows, macOS and Linux on PyPI, no PortAudio or other system library to install,
and a pull callback we feed ourselves, so stopping is dropping our own buffer.

Each ``flush()`` starts a new epoch; ``write()`` with an older epoch is dropped. The
player reads the epoch before it checks whether its utterance was cancelled, so audio
of a stopped utterance can never slip in after the stop.
"""

from __future__ import annotations

import ctypes
import sys
import threading
import time
from collections.abc import Callable, Generator
from typing import Any, Protocol

from guidelight.speech.backend import SpeechUnavailable

LEAD_SECONDS = 0.1
STALL_SECONDS = 2.0  # a device that takes no audio for this long has gone (unplugged headphones)
DEVICE_STOPPED = "the audio device stopped playing; check that the speakers or headphones are still connected"
DEVICE_PERIOD_MS = 20


_ALSA_HANDLER: Any = None


def _quiet_alsa() -> None:
    """Stop libasound printing dozens of lines on stderr when there is no sound card.

    The failure itself still reaches the user, as one plain sentence (SpeechUnavailable).
    """
    global _ALSA_HANDLER
    if _ALSA_HANDLER is not None or not sys.platform.startswith("linux"):
        return
    try:
        alsa = ctypes.CDLL("libasound.so.2")
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p)
    _ALSA_HANDLER = handler_type(lambda *_: None)  # kept alive: libasound holds the pointer
    alsa.snd_lib_error_set_handler(_ALSA_HANDLER)


class AudioSink(Protocol):
    """Plays mono signed 16-bit PCM and tells how much of it has been heard."""

    @property
    def epoch(self) -> int: ...

    def write(self, pcm: bytes, sample_rate: int, epoch: int) -> bool:
        """Queue audio; blocks while the lead is full. False if a flush made it stale."""
        ...

    def written_frames(self) -> int: ...

    def played_frames(self) -> int:
        """Frames heard since the sink was made (never decreases; a flush skips ahead)."""
        ...

    def flush(self) -> None:
        """Drop all audio not yet heard, at once, from any thread."""
        ...

    def close(self) -> None: ...


class _BufferedSink:
    """The epoch, buffer and clock bookkeeping shared by the real and the recording sinks."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._epoch = 0
        self._written = 0
        self._played = 0
        self._rate = 0

    @property
    def epoch(self) -> int:
        return self._epoch

    def written_frames(self) -> int:
        with self._cond:
            return self._written

    def played_frames(self) -> int:
        with self._cond:
            self._advance()
            return self._played

    def flush(self) -> None:
        with self._cond:
            self._epoch += 1
            self._advance()
            self._drop_unplayed()
            self._written = self._played
            self._cond.notify_all()

    def write(self, pcm: bytes, sample_rate: int, epoch: int) -> bool:
        with self._cond:
            if epoch != self._epoch:
                return False
            if sample_rate != self._rate:
                self._wait_drained(epoch)
                if epoch != self._epoch:
                    return False
                self._set_rate(sample_rate)
                self._rate = sample_rate
            lead = int(LEAD_SECONDS * sample_rate)
            self._wait(lambda: self._written - self._played > lead, epoch)
            if epoch != self._epoch:
                return False
            self._queue(pcm)
            self._written += len(pcm) // 2
            return True

    def _wait_drained(self, epoch: int) -> None:
        self._wait(lambda: self._written > self._played, epoch)

    def _wait(self, busy: Callable[[], bool], epoch: int) -> None:
        """Wait while ``busy()`` in this epoch; a device that stops taking audio is an error, not a hang."""
        last, since = self._played, time.monotonic()
        while busy() and epoch == self._epoch:
            self._cond.wait(0.005)
            self._advance()
            if self._played != last:
                last, since = self._played, time.monotonic()
            elif time.monotonic() - since > STALL_SECONDS:
                self._drop_unplayed()
                self._written = self._played
                raise SpeechUnavailable(DEVICE_STOPPED)

    def close(self) -> None:
        self.flush()

    # The parts a concrete sink fills in, all called with the condition held.
    def _advance(self) -> None: ...

    def _drop_unplayed(self) -> None: ...

    def _queue(self, pcm: bytes) -> None: ...

    def _set_rate(self, sample_rate: int) -> None: ...


class RecordingSink(_BufferedSink):
    """Keeps what would have been heard, so CI without a sound card runs the same code.

    With ``realtime=True`` it consumes audio at the speed a device would (the clock that
    stop and skip tests need); otherwise audio counts as heard as soon as it is written.
    A flush removes the audio not yet heard from the recording, as a device would.
    """

    def __init__(self, realtime: bool = False, keep: bool = True) -> None:
        super().__init__()
        self.realtime = realtime
        self.keep = keep
        self._pcm = bytearray()
        self._last = time.monotonic()

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def pcm(self) -> bytes:
        """All audio heard so far."""
        with self._cond:
            self._advance()
            return bytes(self._pcm[: self._played * 2]) if self.keep else b""

    def _advance(self) -> None:
        now = time.monotonic()
        if not self.realtime:
            self._played = self._written
        elif self._rate:
            self._played = min(self._written, self._played + int((now - self._last) * self._rate))
        self._last = now

    def _drop_unplayed(self) -> None:
        if self.keep:
            del self._pcm[self._played * 2 :]

    def _queue(self, pcm: bytes) -> None:
        if self.keep:
            self._pcm += pcm
        if not self.realtime:
            self._played = self._written + len(pcm) // 2

    def _set_rate(self, sample_rate: int) -> None:
        if self.keep and self._pcm:
            raise ValueError("RecordingSink keeps one sample rate per recording")


class NullSink(RecordingSink):
    """Discards audio instantly: speech events still fire, nothing is stored."""

    def __init__(self) -> None:
        super().__init__(realtime=False, keep=False)


class MiniaudioSink(_BufferedSink):
    """The sound card, through miniaudio's pull callback. Opened on first use."""

    def __init__(self, backends: list[Any] | None = None) -> None:
        super().__init__()
        self._backends = backends
        self._device: Any = None
        self._buffer = bytearray()
        self.last_sound_at = 0.0  # time.perf_counter() of the last callback that had audio in it

    def _stream(self) -> Generator[bytes, int, None]:
        required = yield b""
        while True:
            wanted = required * 2
            chunk = b""
            # Never wait long for the lock: a device being closed under it waits for us.
            if self._cond.acquire(timeout=0.005):
                try:
                    chunk = bytes(self._buffer[:wanted])
                    del self._buffer[:wanted]
                    self._played += len(chunk) // 2
                    if chunk:
                        self.last_sound_at = time.perf_counter()
                    self._cond.notify_all()
                finally:
                    self._cond.release()
            required = yield chunk + b"\0" * (wanted - len(chunk))

    def _drop_unplayed(self) -> None:
        self._buffer.clear()

    def _queue(self, pcm: bytes) -> None:
        self._buffer += pcm

    def _set_rate(self, sample_rate: int) -> None:
        try:
            import miniaudio
        except ImportError as exc:
            raise SpeechUnavailable("audio playback needs the miniaudio package (pip install miniaudio)") from exc
        if self._device is not None:
            self._device.close()
        _quiet_alsa()
        try:
            device = miniaudio.PlaybackDevice(
                output_format=miniaudio.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=sample_rate,
                buffersize_msec=DEVICE_PERIOD_MS,
                backends=self._backends,
                app_name="Guide Light",
            )
            stream = self._stream()
            next(stream)
            device.start(stream)
        except miniaudio.MiniaudioError as exc:
            raise SpeechUnavailable(
                "no audio output device could be opened; check that speakers or headphones are "
                "connected and not in use by another program"
            ) from exc
        self._device = device

    def close(self) -> None:
        super().close()
        with self._cond:
            if self._device is not None:
                self._device.close()
                self._device = None
            self._rate = 0
