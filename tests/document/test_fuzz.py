"""The fuzzer's mutations (../shared/tools/fuzz_pdf.py) on a fixed set of cases, in the suite.

Each mutated file goes through the `extract` command in this process (a traceback would
fail the test with its own stack): it must exit 0, or 2 with one line on stderr, within
a few seconds per file. Skipped when the shared tools are not beside the repository.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import time
from pathlib import Path
from types import ModuleType

import pytest

from guidelight.cli.main import main

from .conftest import SHARED

FUZZER = SHARED / "tools" / "fuzz_pdf.py"
SEEDS = sorted((SHARED / "corpus" / "thai-pdf").glob("econ--*.pdf"))
CASES = range(40)  # fuzz seed 7: 12 of the 14 mutation kinds, two Flate bombs among them
PER_FILE_S = 60.0  # fuzz_pdf.py's own timeout; OCR of a damaged page takes 20 s on a busy machine


def _fuzzer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_pdf", FUZZER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not FUZZER.is_file() or not SEEDS, reason="../shared (fuzz_pdf.py and its corpus) is not here")
def test_mutated_pdfs_give_text_or_one_line_never_a_traceback_or_a_hang(tmp_path: Path) -> None:
    fuzz = _fuzzer()
    seeds = [fuzz.Seed(str(path)) for path in SEEDS]
    kinds: set[str] = set()
    for index in CASES:
        data, case = fuzz.make_case(7, index, seeds)
        kinds.add(case["mutation"])
        pdf = tmp_path / f"case-{index:03d}.pdf"
        pdf.write_bytes(data)
        err = io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["extract", "--no-cache", str(pdf)])
        took = time.monotonic() - started
        where = f"case {index} ({case['mutation']} {case['params']})"
        assert took < PER_FILE_S, f"{where} took {took:.1f} s"
        lines = err.getvalue().strip().splitlines()
        assert (code, len(lines)) in ((0, 0), (2, 1)), f"{where}: exit {code}, stderr {err.getvalue()!r}"
        pdf.unlink()
    assert len(kinds) >= 10  # the cases really are spread over the mutation kinds


def _default_case(seed: int, index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict]:
    """Case ``index`` of fuzz seed ``seed`` on the fuzzer's default seed files, written out."""
    fuzz = _fuzzer()
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the fuzzer's seeds include assets/samples
    data, case = fuzz.make_case(seed, index, fuzz.load_seeds(list(fuzz.DEFAULT_SEEDS)))
    pdf = tmp_path / f"case-{index}.pdf"
    pdf.write_bytes(data)
    return pdf, case


@pytest.mark.slow
@pytest.mark.skipif(not FUZZER.is_file(), reason="../shared (fuzz_pdf.py and its corpus) is not here")
def test_a_page_drawn_a_hundred_times_over_itself_reads_within_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fuzz seed 777, case 32: a Bullzip page (every glyph an unknown at one origin) drawn
    100 times. Each glyph was identified 100 times over, a span's origins compared for
    every glyph, and overprinted ASCII lines compared field by field: 72 s of processor
    time and the page lost; the page before it also paid for reading it ahead."""
    from guidelight.core.model import TextSource
    from guidelight.extract.pdf import open_document

    pdf, case = _default_case(777, 32, tmp_path, monkeypatch)
    assert "CPE100" in case["seed_file"] and case["mutation"] == "content", case
    started = time.thread_time()
    pages = list(open_document(str(pdf), use_cache=False).pages())
    assert time.thread_time() - started < 25  # 7 s here; it was 72 s
    assert all(page.source is not TextSource.UNREADABLE for page in pages)
    assert "char name[30];" in pages[3].text


@pytest.mark.skipif(not FUZZER.is_file(), reason="../shared (fuzz_pdf.py and its corpus) is not here")
def test_a_damaged_font_size_does_not_make_a_marks_twin_search_endless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fuzz seed 3407, case 88: bytes flipped in a Chromium page left its marks U+FFFD at a
    font size that set the search for a dropped twin mark (``lines._TraceIndex.dropped_twins``)
    scanning bands across the page for each of them: over 2 minutes; 0.5 s now."""
    from guidelight.extract.pdf import open_document

    pdf, case = _default_case(3407, 88, tmp_path, monkeypatch)
    assert "econ--chrome-Norasi-furniture" in case["seed_file"] and case["mutation"] == "flip", case
    started = time.thread_time()
    list(open_document(str(pdf), use_cache=False).pages())
    assert time.thread_time() - started < 20
