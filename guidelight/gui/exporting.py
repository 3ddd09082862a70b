"""Export the open document from the app: the format chosen with keys, the file written on
a worker thread (``guidelight.export``), progress shown and spoken, the result said."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from guidelight.gui.dialogs import file_options
from guidelight.gui.i18n import tr

if TYPE_CHECKING:
    from guidelight.gui.window import MainWindow

# (format, with audio, English label, Thai label)
FORMATS = (
    ("docx", False, "Word document (.docx)", "เอกสาร Word (.docx)"),
    ("epub", False, "EPUB 3 e-book", "หนังสืออิเล็กทรอนิกส์ EPUB 3"),
    ("epub", True, "EPUB 3 talking book (with Guide Light's voice)", "หนังสือเสียง EPUB 3 (เสียงอ่านของไกด์ไลต์)"),
    ("html", False, "Web page (.html)", "หน้าเว็บ (.html)"),
    ("txt", False, "Plain text (.txt)", "ข้อความล้วน (.txt)"),
)
PROGRESS_EVERY_MS = 4000


def export_current(window: MainWindow, choose: Any) -> None:
    """Ask for a format and a file name, then export off the GUI thread."""
    lang = window.language
    doc = window.session.doc
    if doc is None or not doc.source_path:
        window.announcer.announce(tr("export.nothing", lang))
        return
    labels = [thai if lang == "th" else english for _, _, english, thai in FORMATS]
    row = choose(window, tr("export.title", lang), tr("export.format", lang), labels, lang)
    window.back_to_text()
    if row is None:
        window.announcer.announce(tr("cancelled", lang))
        return
    fmt, audio, _, _ = FORMATS[row]
    suggested = str(Path(doc.source_path).with_suffix(f".{fmt}"))
    target, _ = QFileDialog.getSaveFileName(window, tr("export.title", lang), suggested, f"*.{fmt}",
                                            options=file_options(lang))
    window.back_to_text()
    if not target:
        window.announcer.announce(tr("cancelled", lang))
        return
    _run(window, doc.source_path, target, fmt, audio)


def _run(window: MainWindow, source: str, target: str, fmt: str, audio: bool) -> None:
    from guidelight.export.pdf import export_pdf

    lang, runner, library = window.language, window.runner, window.services.library
    said = {"text": tr("export.started", lang, name=Path(target).name)}
    window.announcer.announce(said["text"])
    timer = QTimer(window)
    timer.setInterval(PROGRESS_EVERY_MS)
    timer.timeout.connect(lambda: window.announcer.announce(said["text"]))
    timer.start()

    def step(done: int, total: int) -> None:  # on the GUI thread
        said["text"] = tr("export.progress", lang, done=done, total=total)
        window.status.setText(said["text"])

    def progress(done: int, total: int, _what: str) -> None:  # on the worker
        runner.post(lambda: step(done, total))

    def finished(path: Path) -> None:
        timer.stop()
        window.announcer.announce(tr("export.done", lang, name=Path(path).name))

    def failed(exc: BaseException) -> None:
        timer.stop()
        window.announcer.announce(tr("export.failed", lang, problem=str(exc)), assertive=True)

    runner.run(lambda: export_pdf(source, target, fmt, audio=audio, library=library, progress=progress),
               finished, failed)
