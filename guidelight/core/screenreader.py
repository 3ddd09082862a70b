"""Which screen reader is running, if any: it decides who answers the keys by default.

Guide Light and a screen reader share one pair of ears. The default voice mode follows
what is found here (see ``docs/keyboard.md``, "With your screen reader"): with a screen
reader, it speaks the moves and confirmations and Guide Light reads the document; with
none, Guide Light speaks everything. Looking costs a few milliseconds (a scan of the
process list), so the answer is kept for ``FRESH_SECONDS``: a reader started or quit
meanwhile is noticed at the next key after that.

Linux: Orca, found by its process (it is the AT-SPI screen reader of GNOME and of
Debian's desktops), and its version from its installed ``orca_platform.py``: Orca 43
(Debian 12) ignores accessibility announcements, Orca 45 and later speaks them.
Windows (written from the vendors' documentation, not run here): NVDA through its
controller client when its DLL is found, else NVDA ``nvda.exe``, JAWS ``jfw.exe`` and
Narrator ``Narrator.exe`` in the process list; all three speak UI Automation
notifications, which is what Qt's announcements become.
``GUIDELIGHT_SCREEN_READER`` overrides the search: ``none``, or a name with an optional
version (``orca:43``), for a lab whose reader is not found and for the tests.
"""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ENV = "GUIDELIGHT_SCREEN_READER"
FRESH_SECONDS = 5.0
WINDOWS_READERS = {"nvda.exe": "nvda", "jfw.exe": "jaws", "narrator.exe": "narrator"}
ORCA_PLATFORM_FILES = ("/usr/lib/python3/dist-packages/orca/orca_platform.py",
                       "/usr/lib/python3*/site-packages/orca/orca_platform.py",
                       "/usr/local/lib/python3*/*-packages/orca/orca_platform.py")
FIRST_ANNOUNCING_ORCA = (45,)


@dataclass(frozen=True)
class ScreenReader:
    """A running screen reader: ``name`` in lower case, ``version`` where known."""

    name: str
    version: tuple[int, ...] = ()

    @property
    def speaks_announcements(self) -> bool:
        """Does it speak Qt's accessibility announcements? Orca before 45 does not (an Orca
        of unknown version is taken to be old: the other route works with both)."""
        return self.name != "orca" or self.version >= FIRST_ANNOUNCING_ORCA

    @property
    def title(self) -> str:
        names = {"orca": "Orca", "nvda": "NVDA", "jaws": "JAWS", "narrator": "Narrator"}
        version = ".".join(map(str, self.version))
        return f"{names.get(self.name, self.name)} {version}".strip()


def parse(value: str) -> ScreenReader | None:
    """``GUIDELIGHT_SCREEN_READER``'s value: ``none``/empty, or ``name[:version]``."""
    name, _, version = value.strip().lower().partition(":")
    if name in ("", "none"):
        return None
    return ScreenReader(name, _version(version))


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def _orca_running(proc: Path = Path("/proc")) -> bool:
    """An Orca process: ``orca``, or Python running Orca's launcher (``/usr/bin/orca`` is a
    Python script) or a script named after it, as test harnesses do."""
    for cmdline in proc.glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")[:2]
        except OSError:  # the process ended while we looked
            continue
        if any(os.path.basename(arg).startswith(b"orca") for arg in argv):
            return True
    return False


def orca_version() -> tuple[int, ...]:
    for pattern in ORCA_PLATFORM_FILES:
        for path in glob.glob(pattern):
            match = re.search(r'^version\s*=\s*"([^"]+)"', Path(path).read_text(encoding="utf-8"), re.M)
            if match:
                return _version(match.group(1))
    return ()


def _nvda_running() -> bool:
    """NVDA's own answer, through its controller client (``nvdaControllerClient.dll``,
    LGPL, from NVDA's extras; looked for beside the app and on the DLL path, not shipped):
    ``nvdaController_testIfRunning`` returns 0 when NVDA runs."""
    import ctypes

    for name in ("nvdaControllerClient64", "nvdaControllerClient", "nvdaControllerClient32"):
        try:
            client = ctypes.windll.LoadLibrary(name)  # type: ignore[attr-defined]
        except OSError:
            continue
        return bool(client.nvdaController_testIfRunning() == 0)
    return False


def _windows_reader() -> ScreenReader | None:
    if _nvda_running():
        return ScreenReader("nvda")
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        listing = subprocess.run(["tasklist", "/FO", "CSV", "/NH"], capture_output=True, text=True,
                                 timeout=5, creationflags=flags).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return reader_in_tasklist(listing)


def reader_in_tasklist(listing: str) -> ScreenReader | None:
    """The first screen reader named in ``tasklist /FO CSV /NH`` output."""
    listing = listing.lower()
    for image, name in WINDOWS_READERS.items():
        if f'"{image}"' in listing:
            return ScreenReader(name)
    return None


def find() -> ScreenReader | None:
    """Look now (see the module docstring for how)."""
    override = os.environ.get(ENV)
    if override is not None:
        return parse(override)
    if sys.platform.startswith("linux"):
        return ScreenReader("orca", orca_version()) if _orca_running() else None
    if sys.platform == "win32":
        return _windows_reader()
    return None


_last: tuple[float, ScreenReader | None] = (-FRESH_SECONDS, None)


def running() -> ScreenReader | None:
    """The running screen reader, looked for at most every ``FRESH_SECONDS``."""
    global _last
    now = time.monotonic()
    if now - _last[0] >= FRESH_SECONDS:
        _last = (now, find())
    return _last[1]
