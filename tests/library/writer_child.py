"""A child process that writes reading state as fast as a reader could, until killed.

Run as ``python writer_child.py LIBRARY_DIR CONTENT_HASH T0 [COUNT]``. Each position's
offset is the milliseconds since T0 at which it was written, so after a kill the parent
can tell how old the last saved position is. Every 20th write also adds a bookmark. With
COUNT it waits for a line on stdin (so several children start writing together) and
stops after that many writes instead of running until killed.
"""

from __future__ import annotations

import sys
import time

from guidelight.core.model import Position
from guidelight.library import open_library


def main() -> None:
    library_dir, content_hash, t0 = sys.argv[1], sys.argv[2], float(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else None
    lib = open_library(library_dir)
    print("ready", flush=True)
    if count is not None:
        sys.stdin.readline()
    i = 0
    while count is None or i < count:
        millis = int((time.time() - t0) * 1000)
        lib.set_position(content_hash, Position(1 + i % 30, millis))
        if i % 20 == 0:
            lib.add_bookmark(content_hash, Position(1, millis), note=f"bookmark {i}")
        i += 1
    lib.close()


if __name__ == "__main__":
    main()
