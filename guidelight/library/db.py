"""SQLite connections and numbered migrations, tracked by ``PRAGMA user_version``.

Settings chosen for a library written while a student reads and shared by two app
instances on a lab PC:

* WAL: readers never block the writer, and a commit is one append to the log.
* ``synchronous=NORMAL``: in WAL mode a committed transaction survives the process being
  killed (only an OS crash or power cut can lose the last commits), at a fraction of the
  cost of FULL, which is what makes writing the position at every sentence cheap.
* ``busy_timeout``: a second process waits for the write lock instead of failing.
* Autocommit plus explicit ``BEGIN IMMEDIATE`` for multi-statement writes, so a
  transaction takes the write lock up front and can never deadlock on an upgrade.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from guidelight.core.errors import GuideLightError

BUSY_TIMEOUT_MS = 10_000


class LibraryError(GuideLightError):
    """The library cannot do what was asked; the message says why in one line."""


class Database:
    """One SQLite file with its migrations applied; every call is serialised by a lock.

    The lock lets the GUI run an import on a worker thread while the reader thread keeps
    saving positions through the same object.
    """

    def __init__(self, path: Path, migrations: Sequence[str], *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._conn = _connect(path, read_only)
        try:
            if not read_only:
                self._migrate(migrations)
            elif self.version() != len(migrations):
                raise LibraryError(
                    f"{path}: library schema version {self.version()} does not match this program "
                    f"({len(migrations)}); it is read-only, so it cannot be upgraded here"
                )
        except BaseException:
            self._conn.close()
            raise

    def version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, migrations: Sequence[str]) -> None:
        with self.transaction() as conn:
            current = self.version()
            if current > len(migrations):
                raise LibraryError(
                    f"{self.path}: made by a newer Guide Light (schema {current}, this program knows "
                    f"{len(migrations)}); update the program"
                )
            for number, script in enumerate(migrations[current:], start=current + 1):
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the write lock from its first statement."""
        if self.read_only:
            raise LibraryError(f"{self.path}: the library is read-only here")
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """One statement in its own implicit transaction (autocommit), rows fetched."""
        if self.read_only and not sql.lstrip().upper().startswith(("SELECT", "PRAGMA")):
            raise LibraryError(f"{self.path}: the library is read-only here")
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    try:
        if read_only:
            # A folder we cannot write to cannot hold the WAL index either: read it as
            # immutable, which is right for a catalog nobody changes while students read.
            immutable = "&immutable=1" if not _writable(path.parent) else ""
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro{immutable}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise LibraryError(f"{path}: cannot open the library ({exc})") from exc
    return conn


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (migrations hold no ';' inside literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]
