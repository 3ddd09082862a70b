"""The whole shared corpus, scored with the shared tools' own measures.

Synthetic corpus: mean CER at most 0.2% and no file above 1% (whitespace ignored, the
way ``score_extraction.py`` counts). Real third-party PDFs: mean noise at most 1.0 per
1,000 Thai characters, no file above 3, and at least 95% of the text layer's Thai kept
(``thai_noise.py``). The corpus lies beside the project, as in CI.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
from types import ModuleType

import pymupdf
import pytest
from rapidfuzz.distance import Levenshtein

from guidelight.core.model import TextSource
from guidelight.extract.pdf import open_document

from .conftest import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not beside the project")


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_synthetic_corpus_cer() -> None:
    squash = _tool("score_extraction").squash
    corpus = SHARED / "corpus" / "thai-pdf"
    cers = {}
    for row in json.loads((corpus / "manifest.json").read_text(encoding="utf-8")):
        truth = squash((corpus / row["truth"]).read_text(encoding="utf-8"))
        got = squash(open_document(corpus / row["pdf"], use_cache=False).reading_text())
        cers[row["pdf"]] = Levenshtein.distance(got, truth) / max(1, len(truth))
    assert statistics.mean(cers.values()) <= 0.002, cers
    assert max(cers.values()) <= 0.01, cers


def test_real_documents_noise_and_coverage() -> None:
    noise_tool = _tool("thai_noise")
    from pythainlp.corpus import thai_words

    words = set(thai_words())
    scores = {}
    for pdf in sorted((SHARED / "corpus" / "real-thai").glob("*.pdf")):
        doc = open_document(pdf, use_cache=False)
        result = noise_tool.score(doc.reading_text(), words)
        raw = sum(len(noise_tool.THAI.findall(page.get_text())) for page in pymupdf.open(pdf))
        if raw < 50:  # image-only: its text can only come from OCR
            assert all(page.source is TextSource.OCR for page in doc.pages()), pdf.name
            assert result["thai"] >= 200, pdf.name
            result["coverage"] = 1.0
        else:
            result["coverage"] = result["thai"] / raw
        scores[pdf.name] = result
    assert len(scores) == 8
    assert statistics.mean(r["noise_per_k"] for r in scores.values()) <= 1.0, scores
    assert max(r["noise_per_k"] for r in scores.values()) <= 3.0, scores
    assert min(r["coverage"] for r in scores.values()) >= 0.95, scores
