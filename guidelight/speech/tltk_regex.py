"""Keep TLTK's syllable patterns compiled, so a Thai phrase is phonemized in tens of ms.

TLTK (Piper's Thai phonemizer) tries each of its ~2,200 syllable patterns at every
position of the text with ``re.match(pattern_string, text)``. Python's ``re`` keeps only
the last 512 compiled patterns, so every call compiled nearly all of them again: 80% of
its time, 140 ms even for a four-letter word (measured with cProfile). Handing TLTK's
module a ``re`` that keeps every pattern it has compiled gives the same transcriptions
(tests/speech/test_tltk_regex.py compares them) five to twenty times faster, which is what
brings a Thai voice's first sound within reach of the 150 ms a key press allows.
"""

from __future__ import annotations

import re
from typing import Any

_Pattern = str | bytes | re.Pattern[Any]


class CompiledPatterns:
    """The functions of ``re`` that TLTK calls, each pattern compiled once and kept.

    Anything else is ``re``'s own (constants, ``escape``, ``compile``)."""

    def __init__(self) -> None:
        # Without flags, by the pattern alone: TLTK makes ~70,000 such calls for one phrase,
        # so the lookup is kept to one dictionary access ('a' and b'a' are different keys).
        self._plain: dict[str | bytes, re.Pattern[Any]] = {}
        self._flagged: dict[tuple[str | bytes, int], re.Pattern[Any]] = {}

    def _get(self, pattern: _Pattern, flags: int) -> re.Pattern[Any]:
        if isinstance(pattern, re.Pattern):
            return pattern
        if not flags:
            found = self._plain.get(pattern)
            if found is None:
                found = self._plain[pattern] = re.compile(pattern)
            return found
        key = (pattern, int(flags))
        if key not in self._flagged:
            self._flagged[key] = re.compile(pattern, flags)
        return self._flagged[key]

    def match(self, pattern: _Pattern, string: Any, flags: int = 0) -> Any:
        compiled = self._plain.get(pattern) if not flags and not isinstance(pattern, re.Pattern) else None
        return (compiled or self._get(pattern, flags)).match(string)

    def fullmatch(self, pattern: _Pattern, string: Any, flags: int = 0) -> Any:
        return self._get(pattern, flags).fullmatch(string)

    def search(self, pattern: _Pattern, string: Any, flags: int = 0) -> Any:
        return self._get(pattern, flags).search(string)

    def sub(self, pattern: _Pattern, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
        return self._get(pattern, flags).sub(repl, string, count)

    def subn(self, pattern: _Pattern, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
        return self._get(pattern, flags).subn(repl, string, count)

    def split(self, pattern: _Pattern, string: Any, maxsplit: int = 0, flags: int = 0) -> Any:
        return self._get(pattern, flags).split(string, maxsplit)

    def findall(self, pattern: _Pattern, string: Any, flags: int = 0) -> Any:
        return self._get(pattern, flags).findall(string)

    def finditer(self, pattern: _Pattern, string: Any, flags: int = 0) -> Any:
        return self._get(pattern, flags).finditer(string)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def keep_tltk_patterns_compiled() -> None:
    """Give TLTK's ``nlp`` module a ``re`` that keeps its patterns (once per process;
    a TLTK that no longer uses the ``re`` module there is left as it is)."""
    import tltk.nlp

    if getattr(tltk.nlp, "re", None) is re:
        tltk.nlp.re = CompiledPatterns()
