"""Processed pages kept on disk by the PDF's content hash, so reopening costs nothing.

One JSON file per page under the user cache directory (or ``GUIDELIGHT_CACHE_DIR``),
in a folder named by the content hash and a fingerprint of the extractor's code: new
repair rules never serve pages the old rules made. Writes are atomic (temp + rename),
so a crash never leaves a half page behind, and a damaged file is simply recomputed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from guidelight import __version__
from guidelight.core.model import Page
from guidelight.core.serialize import page_from_dict, page_to_dict


def _extractor_version() -> str:
    """A fingerprint of the code that makes pages: changed rules never reuse old pages.

    Taken from the source of the extraction and Thai packages; a frozen build without
    sources falls back to the release version.
    """
    digest = hashlib.sha1(__version__.encode())
    package_root = Path(__file__).resolve().parent.parent
    sources = [*sorted((package_root / "extract").glob("*.py")), *sorted((package_root / "thai").glob("*.py"))]
    sources += [package_root / "core" / "model.py", package_root / "core" / "serialize.py"]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()


def cache_root() -> Path:
    override = os.environ.get("GUIDELIGHT_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir("guidelight", appauthor=False)) / "pages"


class PageCache:
    """The cached pages of one document."""

    def __init__(self, content_hash: str, root: Path | None = None) -> None:
        self.folder = (root or cache_root()) / f"{content_hash}-v{EXTRACTOR_VERSION}"

    def _file(self, number: int) -> Path:
        return self.folder / f"page-{number:05d}.json"

    def load(self, number: int) -> Page | None:
        try:
            with open(self._file(number), encoding="utf-8") as fh:
                return page_from_dict(json.load(fh))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, page: Page) -> None:
        """Store a page; a cache that cannot be written is skipped, never an error, and
        leaves no temporary file behind."""
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(page_to_dict(page), fh, ensure_ascii=False)
            os.replace(tmp, self._file(page.number))
            tmp = None
        except (OSError, ValueError):  # ValueError: text UTF-8 cannot hold (a lone surrogate)
            pass
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget this document's pages (a refused document keeps nothing on disk)."""
        for file in self.folder.glob("page-*.json"):
            file.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # not there, or another process is writing into it
            self.folder.rmdir()
