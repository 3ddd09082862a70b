"""A child process that imports into a library: ``import_child.py pack|folder LIBRARY SOURCE``.

Prints "ready" once the library is open, waits for a line on stdin (so the parent can
start several together), imports, then prints the number of documents it added.
"""

from __future__ import annotations

import sys

from guidelight.library import open_library
from guidelight.library.importer import Outcome, import_files
from guidelight.library.pack import import_pack


def main() -> None:
    mode, library_dir, source = sys.argv[1:4]
    lib = open_library(library_dir)
    print("ready", flush=True)
    sys.stdin.readline()
    added = (
        import_pack(lib, source).added
        if mode == "pack"
        else import_files(lib, "C1", [source]).count(Outcome.ADDED)
    )
    print(added, flush=True)
    lib.close()


if __name__ == "__main__":
    main()
