"""Read a page that has no usable text layer with Tesseract 5 (``tha+eng``).

The page is rendered to a greyscale image and given to the ``tesseract`` program, whose
TSV output gives every recognised symbol cluster with its box and confidence. From those
we rebuild what a listener needs: dust specks and junk lines dropped, running headers and
page numbers dropped, each line joined as one string (Tesseract reports a tone mark as its
own piece, so the line is repaired only once it is whole), blocks put in reading order
with columns respected, and the Thai corrected against the dictionary.

The program is called directly rather than through MuPDF's built-in OCR: the TSV gives
positions and confidences, and one Tesseract thread per page is 4x faster here than
letting OpenMP spread one page over both cores (2.4 s vs 11.7 s for a 300 dpi page).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelight.core.errors import DocumentError
from guidelight.extract.ocr_digits import reread_digits
from guidelight.extract.ocr_layout import (
    Image,
    OcrLine,
    OcrWord,
    build_blocks,
    ink_rows,
    latin_words,
    letter_count,
    line_text,
    mark_bullets,
    mark_count,
    mark_rows,
    missed_bands,
    parse_tsv,
    reattach_marks,
)
from guidelight.extract.ocr_text import correct_text
from guidelight.thai.fit import unknown_chars

if TYPE_CHECKING:
    import pymupdf

    from guidelight.extract.lines import Unread

LANGUAGES = ("tha", "eng")
_TIMEOUT_S = 120
MAX_SIDE_PX = 4200  # A4 at 360 dpi
MAX_DPI = 900  # for a part of a page enlarged: beyond this a scan's own pixels only grow
FEW_LETTERS = 200  # letters read on a page below which a photograph on it is read again, enlarged
PHOTO_SHARE = 0.1  # of the page's area: a photograph at least this large and this much short of it
PICTURE_DPI = (300, 450)  # the least and most a picture on a text page is read at (``_picture_dpi``)
PICTURE_ENLARGED = 2.25  # times its own pixels a picture is read at, within PICTURE_DPI
LATIN_PICTURE = 0.8  # share of a picture's letters read as Latin from which it is read in English alone
COARSE_DPI = 100  # pixels an inch as placed: a photograph coarser than this is read again, enlarged
MAX_BANDS = 8  # skipped bands read again per page, at most (each costs a small Tesseract run)
BAND_BLOCKS = 10_000  # block numbers of re-read bands, apart from Tesseract's own
# Where the UB Mannheim Windows installer puts Tesseract when it is not on PATH.
_WINDOWS_DEFAULTS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Tesseract-OCR" / "tesseract.exe",
    Path(os.environ.get("LOCALAPPDATA", r"C:\Users\Default\AppData\Local")) / "Programs" / "Tesseract-OCR"
    / "tesseract.exe",
)


@dataclass(frozen=True)
class OcrBlock:
    """A paragraph or heading as read from the image; ``bbox`` is in PDF points."""

    text: str
    bbox: tuple[float, float, float, float]
    kind: str  # "body" | "heading" | "furniture"
    confidence: float = 1.0  # Tesseract's mean symbol confidence over its text, 0-1


@dataclass(frozen=True)
class OcrPage:
    """A recognised page: blocks in reading order, and Tesseract's mean confidence (0-1)."""

    blocks: tuple[OcrBlock, ...]
    confidence: float

    @property
    def text(self) -> str:
        """The reading text: headings and body, furniture left out, blocks a blank line apart."""
        return "\n\n".join(b.text for b in self.blocks if b.kind != "furniture")


def tesseract_path() -> str | None:
    """The Tesseract program to run: on PATH, or where the Windows installer puts it."""
    found = shutil.which("tesseract")
    if found:
        return found
    if sys.platform == "win32":
        return next((str(p) for p in _WINDOWS_DEFAULTS if p.is_file()), None)
    return None


def _install_hint(what: str) -> str:
    if sys.platform == "win32":
        return (f"{what}: install Tesseract 5 from https://github.com/UB-Mannheim/tesseract/wiki "
                "and tick 'Thai' under 'Additional language data' during the install.")
    if sys.platform == "darwin":
        return f"{what}: install it with 'brew install tesseract tesseract-lang'."
    return f"{what}: install it with 'sudo apt-get install tesseract-ocr tesseract-ocr-tha'."


def ocr_available() -> str | None:
    """None when Tesseract and its Thai and English data can run; else what to install, in one sentence."""
    exe = tesseract_path()
    if exe is None:
        return _install_hint("Scanned pages need the Tesseract OCR program, which is not installed")
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return _install_hint(f"The Tesseract OCR program at {exe} does not run")
    langs = set(listed.stdout.decode("utf-8", "replace").split())
    missing = [lang for lang in LANGUAGES if lang not in langs]
    if missing:
        names = " and ".join({"tha": "Thai", "eng": "English"}[m] for m in missing)
        return _install_hint(f"Tesseract is installed but its {names} language data is missing")
    return None


def run_tesseract(image: bytes | Path, dpi: int, *, output: str = "tsv", psm: int = 3,
                  languages: tuple[str, ...] = LANGUAGES) -> str:
    """Tesseract's ``output`` (``tsv`` or ``txt``) for one image (PNG or PNM), or for each image
    a text file lists (one run, the TSV's page number telling them apart), with page
    segmentation mode ``psm`` (3 automatic, 6 one block, 7 one line); raises OSError/CalledProcessError."""
    exe = tesseract_path()
    if exe is None:
        raise FileNotFoundError("tesseract")
    # One thread per page: OpenMP over 2 cores made a page 4x slower here (see module doc).
    # Images go as uncompressed PNM: encoding a page as PNG took up to 1.2 s, for the same result.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    source, given = (str(image), None) if isinstance(image, Path) else ("stdin", image)
    args = [exe, source, "stdout", "-l", "+".join(languages), "--dpi", str(dpi), "--psm", str(psm)]
    if output == "tsv":
        args.append("tsv")
    done = subprocess.run(args, input=given, capture_output=True, timeout=_TIMEOUT_S, env=env, check=True)
    return done.stdout.decode("utf-8", "replace")


def ocr_page(page: pymupdf.Page, *, dpi: int = 300) -> OcrPage:
    """Recognise one page's image, rendered at ``dpi``; raises DocumentError when OCR cannot run or fails.

    The resolution is lowered for a page so large that its longer side would pass
    ``MAX_SIDE_PX``: Tesseract needs pixels per letter, not per poster, and a 26-inch page
    at 300 dpi took 20 s here.
    """
    path = page.parent.name or "document"
    problem = ocr_available()
    if problem is not None:
        raise DocumentError(path, f"page {page.number + 1} is an image and cannot be read. {problem}")
    try:
        read = _read_region(page, _capped_dpi(page, dpi), None)
        photo = _photo(page) if _letters(read) < FEW_LETTERS else None
        if photo is not None:
            # A book page photographed small onto the sheet: its letters are a few pixels
            # tall at the page's resolution and Tesseract takes it for a picture (90 pages
            # of one gave no text at all). The photograph alone, enlarged, reads.
            closer = _read_region(page, _enlarged_dpi(photo), photo)
            if _letters(closer) > _letters(read):
                read = closer
    except (OSError, subprocess.SubprocessError) as exc:
        raise DocumentError(path, f"page {page.number + 1}: OCR failed ({exc})") from exc
    return read


def _read_region(page: pymupdf.Page, dpi: int, clip: pymupdf.Rect | None,
                 languages: tuple[str, ...] = LANGUAGES) -> OcrPage:
    """Tesseract's reading of the page, or of the part ``clip`` (points), rendered at ``dpi``."""
    import pymupdf

    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, clip=clip)
    lines = parse_tsv(run_tesseract(pix.tobytes("pnm"), dpi, languages=languages))
    image = Image(pix.samples, pix.stride, pix.width, pix.height)  # PyMuPDF copies the samples at each asking
    lines += _read_missed_bands(pix, image, lines, dpi, languages)
    _reread_split_lines(pix, lines, dpi)
    mark_bullets(image, lines)
    reread_digits(image, lines)
    scale = 72 / dpi
    left, top = (clip.x0, clip.y0) if clip is not None else (0.0, 0.0)
    blocks = build_blocks(lines, pix.width, pix.height, fix_text=correct_text)
    ocr_blocks = tuple(
        OcrBlock(b.text, (left + b.x0 * scale, top + b.y0 * scale, left + b.x1 * scale, top + b.y1 * scale), b.kind,
                 _confidence(b.lines))
        for b in blocks
    )
    return OcrPage(ocr_blocks, _confidence(lines))


def ocr_picture(page: pymupdf.Page, box: pymupdf.Rect) -> OcrPage:
    """Tesseract's reading of the picture at ``box`` on a page that has a text layer (a
    screenshot of code, a chat, a dialog); raises OSError or SubprocessError when it fails.

    A picture whose letters are nearly all Latin is read again in English alone: read
    with Thai too, a Java screenshot's ``new Timer(1000,`` came out as "new อร(1 00บปี,"
    and a menu bar's "Components" as "๐๐ทำ๒๐ทอท1ร"."""
    dpi = min(_picture_dpi(page, box), _enlarged_dpi(box))
    read = _read_region(page, dpi, box)
    latin = sum(ch.isascii() and ch.isalpha() for ch in read.text)
    if latin and latin >= LATIN_PICTURE * _letters(read):
        read = _read_region(page, dpi, box, ("eng",))
    return read


def _picture_dpi(page: pymupdf.Page, box: pymupdf.Rect) -> int:
    """The resolution a picture is read at: its own pixels enlarged ``PICTURE_ENLARGED``
    times, within ``PICTURE_DPI``. A screenshot's menus and names are letters of 8 to 10 of
    its pixels (a dorm system's dashboard, 200 of them an inch as placed, read 32 letters
    at 300 dpi and 109 at 450); a code screenshot of 140 an inch read fewer at 450 than at 300."""
    import pymupdf

    for info in page.get_image_info():
        if (pymupdf.Rect(info["bbox"]) & page.rect).contains(box):
            wanted = PICTURE_ENLARGED * _own_dpi(info, box)
            return int(min(max(wanted, PICTURE_DPI[0]), PICTURE_DPI[1]))
    return PICTURE_DPI[0]


def _own_dpi(info: dict[str, Any], placed: pymupdf.Rect) -> float:
    """Pixels an inch of the image ``info`` (``get_image_info``) as placed at ``placed``."""
    return 72 * min(info["width"] / max(placed.width, 1.0), info["height"] / max(placed.height, 1.0))


def _letters(read: OcrPage) -> int:
    return sum(ch.isalpha() for ch in read.text)


def _photo(page: pymupdf.Page) -> pymupdf.Rect | None:
    """The largest image on the page, when it covers at least ``PHOTO_SHARE`` of it, is set
    smaller than the page (a whole-page scan is already read at full size), and is a
    coarse picture (under ``COARSE_DPI`` as placed): a sharp one is read as well as it
    can be at the page's resolution, and read again it gave other fragments, not more."""
    import pymupdf

    area = abs(page.rect) or 1.0
    placed = [(pymupdf.Rect(info["bbox"]) & page.rect, info) for info in page.get_image_info()]
    best, info = max(placed, key=lambda found: abs(found[0]), default=(None, None))
    if best is None or info is None or not PHOTO_SHARE <= abs(best) / area <= 1 - PHOTO_SHARE:
        return None
    return best if _own_dpi(info, best) < COARSE_DPI else None


PIECE_GAP_PX = 24  # white between two pieces stacked for one reading
# At most this many pieces a page, stacked at most this tall: a damaged page scattering
# thousands of unreadable glyphs among readable ones must not make a gigapixel image.
MAX_PIECES = 400
MAX_STACK_PX = 40_000


def _read_pieces(page: pymupdf.Page, boxes: list[tuple[float, float, float, float]],
                 languages: tuple[str, ...], *, dpi: int = 300) -> list[str]:
    """The text drawn in each box of ``page`` (PDF points), read by Tesseract in one run; ''
    for a box read as nothing. Raises DocumentError when OCR fails.

    The boxes are pieces of lines whose glyphs the text layer cannot name (a code font
    embedded with no map and no names). Each is cut from the page's image and stacked under
    the last, a gap between, so one Tesseract run reads them all as plain lines (psm 6)
    and each line read is known by where it lies."""
    import pymupdf

    path = page.parent.name or "document"
    dpi = _capped_dpi(page, dpi)
    scale = dpi / 72
    clips = [pymupdf.IRect(int(x0 * scale) - 8, int(y0 * scale) - 6, int(x1 * scale) + 8, int(y1 * scale) + 6)
             & pymupdf.IRect(0, 0, int(page.rect.width * scale), int(page.rect.height * scale))
             for x0, y0, x1, y1 in boxes]
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    width = max((clip.width for clip in clips), default=0) + 2 * PIECE_GAP_PX
    tops = list(itertools.accumulate((clip.height + PIECE_GAP_PX for clip in clips), initial=PIECE_GAP_PX))
    fits = bisect_right(tops, MAX_STACK_PX) - 1  # the pieces past it are left out, and said so
    clips, tops = clips[:fits], tops[: fits + 1]
    if not clips:
        return [""] * len(boxes)
    stack = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, width, tops[-1]), False)
    stack.clear_with(255)
    for clip, top in zip(clips, tops, strict=False):
        if clip.is_empty:
            continue
        piece = pymupdf.Pixmap(pymupdf.csGRAY, clip, False)
        piece.copy(pix, clip)
        piece = pymupdf.Pixmap(pymupdf.csGRAY, clip.width, clip.height, _dark_on_white(piece.samples), False)
        piece.set_origin(PIECE_GAP_PX, top)
        stack.copy(piece, pymupdf.IRect(PIECE_GAP_PX, top, PIECE_GAP_PX + clip.width, top + clip.height))
    try:
        lines = reattach_marks(parse_tsv(run_tesseract(stack.tobytes("pnm"), dpi, psm=6, languages=languages)))
    except (OSError, subprocess.SubprocessError) as exc:
        raise DocumentError(path, f"page {page.number + 1}: OCR failed ({exc})") from exc
    read: list[list[OcrLine]] = [[] for _ in boxes]
    for line in lines:
        index = bisect_right(tops, (line.y0 + line.y1) / 2) - 1
        if 0 <= index < len(read):
            read[index].append(line)
    return [correct_text(" ".join(line_text(line) for line in sorted(found, key=lambda line: line.x0)))
            for found in read]


def _dark_on_white(samples: bytes) -> bytes:
    """Grey pixels turned into black letters on white, as Tesseract reads best: the
    commonest shade is the ground, the far end of the other side the ink, the ground
    taken to white and the ink to black. Light text on a dark code box, and a poster's
    pale letters on a pink box (grey 230 on 190), read as nothing before."""
    if not samples:
        return samples
    counts = Counter(samples)
    ground = counts.most_common(1)[0][0]
    darkest, lightest = min(counts), max(counts)
    ink = darkest if ground - darkest >= lightest - ground else lightest
    if ink == ground:
        return samples  # one shade: nothing to read
    table = bytes(max(0, min(255, round(255 * (value - ink) / (ground - ink)))) for value in range(256))
    return samples.translate(table)


def read_unread(page: pymupdf.Page, pieces: list[Unread]) -> list[str] | None:
    """What OCR reads in each piece of ``page`` whose glyphs nothing names ('' for nothing),
    or None when OCR cannot run or fails, so the page can say what was left out: code fonts'
    pieces in English alone, or Tesseract's Thai model reads ``str1`` as ``ทันที1``."""
    read = [""] * len(pieces)
    if ocr_available() is not None:
        return None  # no Tesseract
    for code, languages in ((True, ("eng",)), (False, LANGUAGES)):
        chosen = [k for k, piece in enumerate(pieces[:MAX_PIECES]) if piece.code is code]
        if not chosen:
            continue
        try:
            texts = _read_pieces(page, [(p.x0, p.y0, p.x1, p.y1) for p in (pieces[k] for k in chosen)], languages)
        except DocumentError:
            return None  # Tesseract failed
        for k, text in zip(chosen, texts, strict=True):
            read[k] = text
    return read


def _capped_dpi(page: pymupdf.Page, dpi: int) -> int:
    """``dpi``, lowered for a page whose longer side would pass ``MAX_SIDE_PX``."""
    return min(dpi, _fitting_dpi(page.rect))


def _enlarged_dpi(part: pymupdf.Rect) -> int:
    """As high a resolution as ``part``'s longer side allows within ``MAX_SIDE_PX``, up to ``MAX_DPI``."""
    return min(MAX_DPI, _fitting_dpi(part))


def _fitting_dpi(rect: pymupdf.Rect) -> int:
    return int(MAX_SIDE_PX * 72 / max(rect.width, rect.height, 1.0))


def _read_missed_bands(pix: pymupdf.Pixmap, image: Image, lines: list[OcrLine], dpi: int,
                       languages: tuple[str, ...] = LANGUAGES) -> list[OcrLine]:
    """Read again, as blocks of their own, the bands of ink that Tesseract's page layout skipped.

    Tesseract's automatic layout (psm 3) silently leaves out some lines, large headings
    above all (a 24 pt title at 300 dpi is not read at all); as a plain block (psm 6) they are.
    Each half of the page is searched too, for a line skipped in one of two columns.
    """
    import pymupdf

    width, height = image.width, image.height
    strips = ((0, width), (0, width // 2), (width // 2, width))
    chosen: list[pymupdf.IRect] = []
    for x0, x1 in strips:
        for top, bottom in missed_bands(ink_rows(image, x0, x1), lines, x0, x1):
            pad = (bottom - top) // 2
            clip = pymupdf.IRect(x0, max(0, top - pad), x1, min(height, bottom + pad))
            if not any(clip.intersects(other) for other in chosen):
                chosen.append(clip)
    found: list[OcrLine] = []
    for number, clip in enumerate(chosen[:MAX_BANDS]):
        for line in parse_tsv(run_tesseract(_crop(pix, clip).tobytes("pnm"), dpi, psm=6, languages=languages)):
            line.para = (BAND_BLOCKS + number, line.para[1])
            _move(line.words, clip)
            found.append(line)
    return found


def _crop(pix: pymupdf.Pixmap, clip: pymupdf.IRect) -> pymupdf.Pixmap:
    """The part ``clip`` (pixels from the image's corner) of ``pix``, as an image of its own."""
    import pymupdf

    # In the pixmap's own frame: one rendered from a clip (a photographed page's picture)
    # starts where the clip does, and a band copied by the samples' frame left most of it
    # as whatever memory held, which Tesseract read as Thai.
    area = pymupdf.IRect(clip.x0 + pix.x, clip.y0 + pix.y, clip.x1 + pix.x, clip.y1 + pix.y)
    part = pymupdf.Pixmap(pymupdf.csGRAY, area, False)
    part.clear_with(255)
    part.copy(pix, area)
    part.set_origin(0, 0)
    return part


def _read_lines(pix: pymupdf.Pixmap, clips: list[pymupdf.IRect], dpi: int) -> list[OcrLine]:
    """Each part ``clips`` of ``pix`` read as one line, in one Tesseract run: its lines'
    ``image`` says which part (1 for the first)."""
    with tempfile.TemporaryDirectory(prefix="guidelight-ocr-") as folder:
        names = []
        for number, clip in enumerate(clips):
            name = Path(folder) / f"line{number}.pnm"
            _crop(pix, clip).save(str(name))
            names.append(str(name))
        listed = Path(folder) / "lines.txt"
        listed.write_text("\n".join(names) + "\n", encoding="utf-8")
        return parse_tsv(run_tesseract(listed, dpi, psm=7))


def _unknown(words: list[OcrWord]) -> int:
    """Thai characters outside dictionary words in ``words`` read as a line and corrected."""
    return unknown_chars(correct_text(line_text(OcrLine((0, 0), list(words)))))


def _move(words: list[OcrWord], clip: pymupdf.IRect) -> None:
    """Words read in the part ``clip`` of an image, placed back in the whole image."""
    for word in words:
        word.x0 += clip.x0
        word.x1 += clip.x0
        word.y0 += clip.y0
        word.y1 += clip.y0


LETTERS_KEPT = 0.9  # a line read again must keep this share of the letters it had, or is not taken
MARKS_HIGH = 0.7  # of a line's letters' height: its marks reach at most this far over them
BAND_ABOVE = 0.15  # of a line's letters' height: the band read again starts this far over its marks ...
BAND_BELOW = 0.65  # ... and ends this far under its letters' foot


def _reread_split_lines(pix: pymupdf.Pixmap, lines: list[OcrLine], dpi: int) -> None:
    """Read again, each as one line, the lines whose marks Tesseract's layout read as a line of
    their own (``mark_rows``), in place; the rows of marks go.

    Told that the band of a line and its marks is one line (psm 7), Tesseract keeps the marks
    on their letters: synthetic double-spaced scans went from 3-6% of characters wrong to
    about 1%. All the page's such lines are read in one run, from a list of images, as
    Tesseract loads its Thai model once a run. A reading is taken only if it finds marks
    the line lacked, keeps its letters, reads the same Latin words and leaves no more Thai
    outside dictionary words: told it is one line, Tesseract read "Pentium-300MHz" as
    Thai, "รูปที่" as "sufi" and "password" as "ซี รังๆ". Otherwise the line stays as it was.
    """
    import pymupdf

    groups = mark_rows(lines)
    if not groups:
        return
    clips = []
    for base, rows in groups:
        # From the marks' row to below the line's letters, where its lower vowels hang; by
        # the medians, as a few of Tesseract's boxes reach into the lines around.
        size = base.glyph_height
        clips.append(pymupdf.IRect(min(line.x0 for line in (base, *rows)) - int(size / 2),
                                   int(min(*(row.y0 for row in rows), base.y0 - size * MARKS_HIGH) - size * BAND_ABOVE),
                                   max(line.x1 for line in (base, *rows)) + int(size / 2),
                                   int(base.y1 + size * BAND_BELOW))
                     & pymupdf.IRect(0, 0, pix.width, pix.height))
    try:
        read = _read_lines(pix, clips, dpi)
    except (OSError, subprocess.SubprocessError):
        read = []  # the lines stay as first read; their rows of marks are junk all the same
    dropped = {id(row) for _, rows in groups for row in rows}
    lines[:] = [line for line in lines if id(line) not in dropped]
    for number, ((base, _), clip) in enumerate(zip(groups, clips, strict=True)):
        words = [w for line in read if line.image == number + 1 for w in line.words]
        if (letter_count(words) >= LETTERS_KEPT * letter_count(base.words)
                and mark_count(words) > mark_count(base.words)
                and sorted(latin_words(words)) == sorted(latin_words(base.words))
                and _unknown(words) <= _unknown(base.words)):
            _move(words, clip)
            base.words = words


def _confidence(lines: list[OcrLine]) -> float:
    """Mean symbol confidence over the kept text, weighted by characters, as 0-1."""
    total = sum(len(w.text) for line in lines for w in line.words)
    if not total:
        return 0.0
    return sum(w.conf * len(w.text) for line in lines for w in line.words) / total / 100
