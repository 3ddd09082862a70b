"""Volunteer mode: prepare a course in the app, with the same keys-first rules.

Volunteers import PDFs into a course, fix what the extractor got wrong in the
paragraph at the caret (its text, whether it is a heading, whether it is page
furniture to skip, a figure's description), add the course's pronunciation entries,
review their corrections and carry a course to another lab as a pack. Every action
is confirmed by speech; a correction is shown and read out at once, because the
document is re-read through the library's overlay (``Library.corrected``).

Corrections are anchored to the paragraphs of the *extracted* page, while the reader
shows the corrected page (furniture left out, figure descriptions added), so the
paragraph at the caret is mapped back to the extracted paragraph it came from.
Long work (imports, packs) runs on the window's worker threads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from guidelight.core.errors import GuideLightError
from guidelight.core.model import Document, Page, Position
from guidelight.gui.i18n import tr

if TYPE_CHECKING:
    from guidelight.gui.window import MainWindow

PROGRESS_EVERY_MS = 4000  # how often a long import says how far it is
PAGE_TOP = -1  # as guidelight.library.corrections.PAGE_TOP (imported lazily with it)


def _corrections() -> Any:
    """The corrections module, imported on first use (it pulls in the Thai segmenter)."""
    from guidelight.library import corrections

    return corrections


def paragraph_origins(extracted: Page, corrections: Sequence[Any]) -> list[tuple[int, bool]]:
    """For each paragraph of the corrected page: (index of the extracted paragraph it comes
    from, whether it is a figure description written after that paragraph).

    Follows the order ``apply_corrections`` builds: descriptions at the page's top, then
    each paragraph not marked as furniture followed by the descriptions written after it.
    """
    module = _corrections()
    by_index: dict[int, list[Any]] = {}
    for correction in corrections:
        index = module.resolve(extracted, correction.anchor)
        if correction.anchor.page == extracted.number and index is not None:
            by_index.setdefault(index, []).append(correction)

    def descriptions(index: int) -> list[tuple[int, bool]]:
        return [(index, True) for c in by_index.get(index, ())
                if c.kind is module.CorrectionKind.FIGURE and c.text.strip()]

    origins = descriptions(PAGE_TOP)
    for index in range(len(extracted.paragraphs)):
        if not any(c.kind is module.CorrectionKind.FURNITURE for c in by_index.get(index, ())):
            origins.append((index, False))
        origins += descriptions(index)
    return origins


class VolunteerDesk:
    """The volunteer commands of one window (``cmd_*`` of the window call these)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.course = ""  # the last course named, offered again
        self._progress = ""
        self._progress_timer = QTimer(window)
        self._progress_timer.setInterval(PROGRESS_EVERY_MS)
        self._progress_timer.timeout.connect(self._say_progress)

    # --- helpers ---------------------------------------------------------------------

    def _say_progress(self) -> None:
        if self._progress:
            self.announce(self._progress)

    @property
    def lang(self) -> str:
        return self.window.language

    @property
    def library(self) -> Any:
        return self.window.services.library

    def announce(self, text: str, assertive: bool = False) -> None:
        self.window.announcer.announce(text, assertive)

    def _dialogs(self) -> Any:
        from guidelight.gui import dialogs

        return dialogs

    def _ask_course(self, suggested: str = "") -> str | None:
        """A course code typed (or accepted) by the volunteer; None if cancelled."""
        known = ", ".join(c.id for c in self.library.courses()) or "-"
        typed = self._dialogs().ask_text(self.window, tr("course.title", self.lang),
                                         tr("course.label", self.lang, known=known), self.lang,
                                         initial=suggested or self.course)
        self.window.back_to_text()
        if not typed or not typed.strip():
            self.announce(tr("cancelled", self.lang))
            return None
        self.course = typed.strip()
        return self.course

    def _document_course(self, doc: Document) -> str | None:
        """The course of the open document, adding it to one first if it is in none."""
        entry = self.library.document(doc.content_hash)
        if entry is not None:
            return str(entry.course_id)
        self.announce(tr("course.needed", self.lang))
        course = self._ask_course()
        if course is None:
            return None
        self.library.add_course(course)
        self.library.add_document(course, self.window.current_path, content_hash=doc.content_hash,
                                  title=doc.title, page_count=doc.page_count)
        return course

    def _paragraph_here(self) -> tuple[Document, Page, int, tuple[int, bool]] | None:
        """The open document, the extracted page at the caret, the corrected paragraph's
        index and where it comes from; None (said) when there is no paragraph."""
        session = self.window.session
        doc, extracted_doc = session.doc, self.window.extracted
        if doc is None or extracted_doc is None:
            self.announce(tr("no.document", self.lang))
            return None
        session.stop(quiet=True)
        number = session.shown_page or session.position.page
        page, extracted = doc.page(number), extracted_doc.page(number)
        offset = self.window.view.caret_offset()
        indexes = [i for i, p in enumerate(page.paragraphs) if p.start <= offset] or [0]
        origins = paragraph_origins(extracted, self.library.corrections(doc.content_hash, number))
        if not page.paragraphs or len(origins) != len(page.paragraphs):
            self.announce(tr("paragraph.none", self.lang))
            return None
        return doc, extracted, indexes[-1], origins[indexes[-1]]

    def _correct(self, make: Callable[[Page, int], Any], done_key: str) -> None:
        """Store the correction ``make(extracted_page, index)``, show and say the result."""
        here = self._paragraph_here()
        if here is None:
            return
        doc, extracted, _shown, (index, is_figure) = here
        if is_figure:
            self.announce(tr("paragraph.is.figure", self.lang))
            return
        correction = make(extracted, index)
        if correction is None:
            self.announce(tr("cancelled", self.lang))
            return
        try:
            if self._document_course(doc) is None:
                return
            self.library.add_correction(doc.content_hash, correction)
        except (GuideLightError, OSError) as exc:
            self.announce(tr("volunteer.failed", self.lang, problem=str(exc)), assertive=True)
            return
        self.refresh(extracted.number, index, tr(done_key, self.lang))

    def refresh(self, number: int, index: int, confirmation: str) -> None:
        """Re-read the document through the corrections; put the caret on the corrected
        paragraph ``index`` of page ``number`` (or the next one left) and say it."""
        window = self.window
        extracted_doc = window.extracted
        assert extracted_doc is not None
        doc = self.library.corrected(extracted_doc)
        page = doc.page(number)
        origins = paragraph_origins(extracted_doc.page(number), self.library.corrections(doc.content_hash, number))
        at = next((k for k, (i, _) in enumerate(origins) if i >= index), len(page.paragraphs))
        para = page.paragraphs[at] if at < len(page.paragraphs) else None
        window.session.replace_document(doc, Position(number, para.start if para else 0))
        if para is None:
            window.announcer.announce(confirmation)
        else:
            window.announcer.say(page.text[para.start:para.end], number, para.start, confirmation)

    # --- corrections -------------------------------------------------------------------

    def fix_text(self) -> None:
        def make(page: Page, index: int) -> Any:
            text = self._dialogs().ask_long_text(self.window, tr("fix.title", self.lang), tr("fix.label", self.lang),
                                                 self.lang, initial=self._shown_text())
            self.window.back_to_text()
            return _corrections().fix_text(page, index, text.strip()) if text and text.strip() else None

        self._correct(make, "fix.done")

    def _shown_text(self) -> str:
        """The text of the paragraph at the caret as the student sees it now."""
        session = self.window.session
        if session.doc is None:
            return ""
        page = session.doc.page(session.shown_page)
        offset = self.window.view.caret_offset()
        paras = [p for p in page.paragraphs if p.start <= offset] or list(page.paragraphs[:1])
        return page.text[paras[-1].start:paras[-1].end] if paras else ""

    def mark_heading(self) -> None:
        def make(page: Page, index: int) -> Any:
            para = page.paragraphs[index]
            answer = self._dialogs().ask_heading(
                self.window, tr("heading.title", self.lang),
                (tr("heading.level", self.lang), tr("heading.text", self.lang)), self.lang,
                level=para.level or 1, text=self._shown_text())
            self.window.back_to_text()
            if answer is None:
                return None
            level, title = answer
            original = _corrections().paragraph_text(page, index)
            return _corrections().mark_heading(page, index, level, "" if title == original else title.strip())

        self._correct(make, "heading.done")

    def mark_furniture(self) -> None:
        self._correct(lambda page, index: _corrections().mark_furniture(page, index), "furniture.done")

    def describe_figure(self) -> None:
        """Describe the figure at the caret's paragraph: a description being read there is
        rewritten; otherwise a new one is read after the paragraph (or is the alt text of
        an extracted figure standing right after it)."""
        here = self._paragraph_here()
        if here is None:
            return
        doc, extracted, _shown, (index, is_figure) = here
        text = self._dialogs().ask_long_text(self.window, tr("figure.title", self.lang),
                                             tr("figure.label", self.lang), self.lang,
                                             initial=self._shown_text().split(": ", 1)[-1] if is_figure else "")
        self.window.back_to_text()
        if not text or not text.strip():
            self.announce(tr("cancelled", self.lang))
            return
        module = _corrections()
        try:
            if self._document_course(doc) is None:
                return
            if is_figure:  # replace the description the caret is on (the latest of that place)
                olds = [c for c in self.library.corrections(doc.content_hash, extracted.number)
                        if c.kind is module.CorrectionKind.FIGURE and module.resolve(extracted, c.anchor) == index]
                if olds:
                    self.library.remove_correction(olds[-1].id)
            self.library.add_correction(doc.content_hash, module.describe_figure(extracted, index, text.strip()))
        except (GuideLightError, OSError) as exc:
            self.announce(tr("volunteer.failed", self.lang, problem=str(exc)), assertive=True)
            return
        self.refresh(extracted.number, index, tr("figure.done", self.lang))

    def pronunciation(self) -> None:
        session = self.window.session
        doc = session.doc
        if doc is None:
            self.announce(tr("no.document", self.lang))
            return
        session.stop(quiet=True)
        from guidelight.core.navigation import Unit, unit_at

        word = unit_at(doc, Position(session.shown_page, self.window.view.caret_offset()), Unit.WORD)
        initial = doc.page(word.page).slice(word.start, word.end) if word else ""
        answer = self._dialogs().ask_pair(self.window, tr("say.title", self.lang),
                                          (tr("say.written", self.lang), tr("say.spoken", self.lang)),
                                          self.lang, (initial, ""))
        self.window.back_to_text()
        if answer is None or not answer[0].strip() or not answer[1].strip():
            self.announce(tr("cancelled", self.lang))
            return
        written, spoken = answer[0].strip(), answer[1].strip()
        try:
            course = self._document_course(doc)
            if course is None:
                return
            self.library.set_pronunciation(course, written, spoken)
        except (GuideLightError, OSError) as exc:
            self.announce(tr("volunteer.failed", self.lang, problem=str(exc)), assertive=True)
            return
        self.window.services.speaker.set_pronunciations(self.library.pronunciations(course))
        # Said through the new entry, so the volunteer hears the result.
        self.window.announcer.say(written, 0, 0, tr("say.done", self.lang, written=written, course=course))

    def list_corrections(self) -> None:
        """Corrections of the open document, ok or stale; Enter goes there, Delete removes."""
        doc, extracted_doc = self.window.session.doc, self.window.extracted
        if doc is None or extracted_doc is None:
            self.announce(tr("no.document", self.lang))
            return
        corrections = self.library.corrections(doc.content_hash)
        if not corrections:
            self.announce(tr("corrections.none", self.lang))
            return
        module = _corrections()
        stale = set()
        for number in sorted({c.anchor.page for c in corrections}):
            if 1 <= number <= extracted_doc.page_count:  # a page not ready yet: made on a worker first
                stale |= {c.id for c in module.stale_corrections(extracted_doc.page(number), corrections)}
        labels = [tr("correction.item", self.lang, page=c.anchor.page, paragraph=c.anchor.paragraph + 1,
                     kind=tr(f"kind.{c.kind.value}", self.lang), text=c.text[:60] or "-",
                     state=tr("correction.stale" if c.id in stale else "correction.ok", self.lang))
                  for c in corrections]
        removed: list[int] = []

        def remove(row: int) -> None:
            try:
                self.library.remove_correction(corrections[row].id)
            except GuideLightError as exc:  # a lab's read-only library
                self.announce(tr("volunteer.failed", self.lang, problem=str(exc)), assertive=True)
                return
            removed.append(row)
            self.announce(tr("correction.removed", self.lang))

        def delete(row: int) -> None:  # rows shift as items are removed from the list
            kept = [c for i, c in enumerate(corrections) if i not in removed]
            remove(corrections.index(kept[row]))

        row = self._dialogs().choose(self.window, tr("corrections.title", self.lang),
                                     tr("corrections.list", self.lang), labels, self.lang, on_delete=delete)
        self.window.back_to_text()
        kept = [c for i, c in enumerate(corrections) if i not in removed]
        page = self.window.session.shown_page
        if removed:
            self.refresh(page, 0, tr("corrections.updated", self.lang))
        if row is not None and row < len(kept):
            target = kept[row].anchor
            self.refresh(target.page, max(0, target.paragraph), tr("page.now", self.lang, page=target.page))

    # --- imports and packs (on workers) ------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, tr("import.files", self.lang), "", "PDF (*.pdf)",
                                                options=self._dialogs().file_options(self.lang))
        self._import(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, tr("import.folder", self.lang),
            options=self._dialogs().file_options(self.lang) | QFileDialog.Option.ShowDirsOnly)
        self._import([folder] if folder else [])

    def _import(self, paths: list[str]) -> None:
        self.window.back_to_text()
        if not paths:
            self.announce(tr("cancelled", self.lang))
            return
        course = self._ask_course()
        if course is None:
            return
        from guidelight.library.importer import Outcome, import_files

        runner, library = self.window.runner, self.library
        failures: list[str] = []

        def progress(step: Any) -> None:  # on the worker: bring it to the GUI thread
            runner.post(lambda: self._import_step(step, failures, Outcome.FAILED))

        self._progress = tr("import.started", self.lang, course=course)
        self.announce(self._progress)
        self._progress_timer.start()
        runner.run(lambda: import_files(library, course, paths, progress=progress),
                   lambda report: self._import_done(report, failures, Outcome), self._failed)

    def _import_step(self, step: Any, failures: list[str], failed: Any) -> None:
        name = Path(step.result.path).name
        self._progress = tr("import.progress", self.lang, done=step.done, total=step.total, name=name)
        self.window.status.setText(self._progress)
        if step.result.outcome is failed:
            failures.append(f"{name} ({step.result.problem})")
            self.announce(tr("import.file.failed", self.lang, name=name, problem=step.result.problem),
                          assertive=True)

    def _import_done(self, report: Any, failures: list[str], outcome: Any) -> None:
        self._progress_timer.stop()
        self._progress = ""
        summary = tr("import.done", self.lang, added=report.count(outcome.ADDED) + report.count(outcome.NEEDS_OCR),
                     duplicates=report.count(outcome.DUPLICATE), failed=report.count(outcome.FAILED))
        if failures:
            summary += " " + tr("import.failures", self.lang, files="; ".join(failures))
        self.announce(summary)

    def _failed(self, exc: BaseException) -> None:
        self._progress_timer.stop()
        self._progress = ""
        self.announce(tr("volunteer.failed", self.lang, problem=str(exc)), assertive=True)
        self.window.back_to_text()

    def export_pack(self) -> None:
        from guidelight.library.pack import default_pack_name, export_pack

        doc = self.window.session.doc
        entry = self.library.document(doc.content_hash) if doc is not None else None
        course_id = self._ask_course(entry.course_id if entry else "")
        if course_id is None:
            return
        course = self.library.course(course_id)
        if course is None:
            self.announce(tr("course.unknown", self.lang, course=course_id), assertive=True)
            return
        target, _ = QFileDialog.getSaveFileName(self.window, tr("pack.export", self.lang),
                                                default_pack_name(course), "Guide Light pack (*.glpack)",
                                                options=self._dialogs().file_options(self.lang))
        self.window.back_to_text()
        if not target:
            self.announce(tr("cancelled", self.lang))
            return
        self.announce(tr("pack.exporting", self.lang, course=course_id))
        library = self.library
        self.window.runner.run(lambda: export_pack(library, course_id, target),
                               lambda summary: self.announce(tr("pack.exported", self.lang, name=Path(target).name,
                                                                documents=summary.documents,
                                                                corrections=summary.corrections)),
                               self._failed)

    def import_pack(self) -> None:
        from guidelight.library.pack import import_pack

        source, _ = QFileDialog.getOpenFileName(self.window, tr("pack.import", self.lang), "",
                                                "Guide Light pack (*.glpack)",
                                                options=self._dialogs().file_options(self.lang))
        self.window.back_to_text()
        if not source:
            self.announce(tr("cancelled", self.lang))
            return
        self.announce(tr("pack.importing", self.lang, name=Path(source).name))
        library = self.library

        def done(summary: Any) -> None:
            self.announce(tr("pack.imported", self.lang, course=summary.course.id, added=summary.added,
                             corrections=summary.corrections, pronunciations=summary.pronunciations))
            doc = self.window.session.doc
            if doc is not None and self.window.extracted is not None:  # the open document may have gained some
                self.window.services.speaker.set_pronunciations(library.pronunciations_for_document(doc.content_hash))
                self.window.session.replace_document(library.corrected(self.window.extracted),
                                                     self.window.session.position)

        self.window.runner.run(lambda: import_pack(library, source), done, self._failed)
