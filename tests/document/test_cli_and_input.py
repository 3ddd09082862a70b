"""The `guidelight extract` command: output, structure, bad input, laziness and cache."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from rapidfuzz.distance import Levenshtein

from guidelight.core.errors import DocumentError, NoTextLayer, PasswordRequired
from guidelight.core.model import TextSource
from guidelight.extract import pdf as pdf_module
from guidelight.extract.pdf import open_document

from .conftest import SARABUN

MakePdf = Callable[..., Path]
SAMPLE = Path(__file__).resolve().parents[2] / "assets" / "samples" / "lecture.pdf"
TEXT = "การฟังเป็นทักษะพื้นฐานของการเรียนรู้ในระดับมหาวิทยาลัย"


def run_cli(*args: str, cache: Path, path: str = "/usr/bin:/bin") -> subprocess.CompletedProcess[str]:
    env = {"GUIDELIGHT_CACHE_DIR": str(cache), "PATH": path, "HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "guidelight", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_extract_prints_reading_text(make_pdf: MakePdf, private_cache: Path) -> None:
    pdf = make_pdf([[("หัวข้อใหญ่", 72, 80, 24, SARABUN), (TEXT, 72, 140, 14, SARABUN)]])
    result = run_cli("extract", str(pdf), cache=private_cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n\n")[0] == "หัวข้อใหญ่"
    assert TEXT in result.stdout


def test_extract_json_gives_pages_headings_paragraphs_sentences(make_pdf: MakePdf, private_cache: Path) -> None:
    pdf = make_pdf([[("หัวข้อใหญ่", 72, 80, 24, SARABUN), (TEXT, 72, 140, 14, SARABUN)]])
    result = run_cli("extract", "--format", "json", str(pdf), cache=private_cache)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["page_count"] == 1 and data["headings"][0]["text"] == "หัวข้อใหญ่"
    page = data["pages"][0]
    sentence = page["paragraphs"][1]["sentences"][0]
    assert page["text"][sentence["start"] : sentence["end"]] in TEXT


def _encrypted(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    return path


def _scanned(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 50, 50), 0)
    pix.clear_with(200)
    page.insert_image(page.rect, pixmap=pix)
    doc.save(path)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return path


@pytest.mark.parametrize(
    ("maker", "message"),
    [
        (lambda p: (p.write_text("hello, not a pdf"), p)[1], "not a PDF"),
        (lambda p: (p.write_bytes(b"%PDF-1.7\n1 0 obj<</Type/Catal"), p)[1], "PDF"),
        (lambda p: (p.write_bytes(SAMPLE.read_bytes()[: SAMPLE.stat().st_size // 3]), p)[1], "truncated"),
        (_encrypted, "encrypted"),
        (_empty, "no pages"),
        (_scanned, "tesseract-ocr-tha"),
        (lambda p: p.parent / "missing.pdf", "no such file"),
    ],
    ids=["not-pdf", "truncated", "cut-short", "encrypted", "empty", "scanned", "missing"],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, private_cache: Path, maker: Callable[[Path], Path], message: str
) -> None:
    bad = maker(tmp_path / "bad.pdf")
    before = sorted(tmp_path.rglob("*"))
    # No Tesseract on this PATH: a scanned PDF is then an error that says what to install.
    result = run_cli("extract", str(bad), cache=private_cache, path=str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(bad) in lines[0] and message in lines[0]
    assert sorted(tmp_path.rglob("*")) == before
    assert not any(private_cache.rglob("*.json"))


def test_encrypted_pdf_opens_with_its_password(tmp_path: Path) -> None:
    pdf = _encrypted(tmp_path / "locked.pdf")
    with pytest.raises(PasswordRequired):
        open_document(pdf)
    with pytest.raises(PasswordRequired, match="wrong password"):
        open_document(pdf, "nope")
    assert "secret" in open_document(pdf, "pw").page(1).text


def test_scanned_pdf_without_ocr_is_a_no_text_layer_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "ocr_available", lambda: "install tesseract-ocr-tha")
    with pytest.raises(NoTextLayer, match="install tesseract-ocr-tha"):
        open_document(_scanned(tmp_path / "scan.pdf"))
    assert issubclass(NoTextLayer, DocumentError)


SCANNED_TEXT = "การฟังเป็นทักษะพื้นฐานของการเรียนรู้"


def _thai_scan(make_pdf: MakePdf, path: Path, ocr_layer: str = "") -> Path:
    """An image-only page of Thai text, optionally under an invisible OCR text layer."""
    source = pymupdf.open(make_pdf([[(SCANNED_TEXT, 72, 120, 20, SARABUN)]]))
    scan = pymupdf.open()
    page = scan.new_page(width=595, height=842)
    page.insert_image(page.rect, pixmap=source[0].get_pixmap(dpi=200))
    if ocr_layer:
        page.insert_text((72, 120), ocr_layer, fontsize=20, render_mode=3)
    scan.save(path)
    return path


@pytest.mark.parametrize("ocr_layer", ["", "nrsNvnUu\u00e9u1TUnuS 1#uAuS"], ids=["no-text-layer", "latin-garbage-layer"])
def test_scanned_pages_are_read_by_ocr(make_pdf: MakePdf, tmp_path: Path, ocr_layer: str) -> None:
    # Scanners whose OCR has no Thai leave an invisible Latin layer over the image:
    # that layer is no better than none.
    scan = _thai_scan(make_pdf, tmp_path / "scan.pdf", ocr_layer)
    assert ocr_layer[:6] in pymupdf.open(scan)[0].get_text()
    read = open_document(scan).page(1)
    assert read.source is TextSource.OCR
    assert Levenshtein.normalized_distance(read.text.replace(" ", ""), SCANNED_TEXT) < 0.1


def test_a_genuine_text_layer_over_an_image_is_kept(make_pdf: MakePdf) -> None:
    doc = pymupdf.open(make_pdf([[(TEXT, 72, 120, 14, SARABUN)]]))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), 0)
    pix.clear_with(255)
    doc[0].insert_image(doc[0].rect, pixmap=pix, overlay=False)
    doc.save(doc.name + ".bg.pdf")
    read = open_document(doc.name + ".bg.pdf").page(1)
    assert read.source is TextSource.TEXT_LAYER and read.text == TEXT


def test_pages_are_processed_only_when_asked_for(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = make_pdf([[(f"{TEXT} {n}", 72, 100, 14, SARABUN)] for n in range(30)])
    processed: list[int] = []
    real = pdf_module._process_page
    monkeypatch.setattr(pdf_module, "_process_page", lambda ctx, n: processed.append(n) or real(ctx, n))
    doc = open_document(pdf)
    assert doc.page_count == 30 and processed == []
    doc.page(1)
    assert processed == [1]


def test_reopening_serves_pages_from_the_cache(make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = make_pdf([[(TEXT, 72, 100, 14, SARABUN)]])
    first = open_document(pdf).page(1)

    def fail(*_: object) -> None:
        raise AssertionError("page processed again")

    monkeypatch.setattr(pdf_module, "_process_page", fail)
    assert open_document(pdf).page(1) == first


@pytest.mark.parametrize(
    ("argv", "app"),
    [([], True), (["lecture.pdf"], True), (["extract", "lecture.pdf"], False), (["--version"], False)],
)
def test_the_app_or_a_command_is_chosen_from_the_arguments(argv: list[str], app: bool) -> None:
    from guidelight.cli.main import _wants_app

    assert _wants_app(argv) is app


def test_choosing_the_app_loads_no_pdf_or_thai_library() -> None:
    # The app's start-up budget has no room for PyMuPDF and PyThaiNLP before the window.
    probe = (
        "import sys; from guidelight.cli.main import _wants_app; assert _wants_app(['x.pdf']); "
        "print(sorted(m for m in ('pymupdf', 'pythainlp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
