"""The main window: menus, keys, the reading view, buttons and status line.

A thin layer: each command is forwarded to the ``ReadingSession`` (reading and moving)
or changes a setting; documents are opened on a worker thread. Every control has an
accessible name, focus moves with Tab through the view and the buttons and back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFocusEvent, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guidelight.core import screenreader
from guidelight.core.errors import DocumentError, NoTextLayer, PasswordRequired
from guidelight.core.filenames import on_disk, readable_name
from guidelight.core.model import Document, Page
from guidelight.core.navigation import Unit, unit_at
from guidelight.core.settings import SPEECH_OUTPUTS, TABLE_VIEWS, Settings
from guidelight.core.titles import titled
from guidelight.gui import theme
from guidelight.gui.announce import Announcer, assistive_technology_active
from guidelight.gui.commands import COMMANDS, HEADING_LEVEL_KEYS, MENUS, Command, help_lines
from guidelight.gui.edges import EdgeKeys
from guidelight.gui.folding import ButtonRow, StatusLine
from guidelight.gui.i18n import plain, tr
from guidelight.gui.pages import PageGate, PageNotReady, gated, page_note
from guidelight.gui.qt_language import QT_LANGUAGE
from guidelight.gui.qtnames import set_enum, set_keys
from guidelight.gui.reading_view import ReadingPane
from guidelight.gui.session import ReadingSession
from guidelight.gui.tasks import BackgroundRunner
from guidelight.gui.volunteer import VolunteerDesk
from guidelight.library import Library, RecentDocument

RATE_STEP = 20
VOLUME_STEP = 0.1
ZOOM_STEP = 10
STILL_OPENING_MS = 5000
READY_BY_MS = 250  # background start-up begins by then even if the window never takes focus
UI_POINTS = 12.0  # the menus' and buttons' size at 100 % zoom: readable for low vision
WINDOW_SIZE = (1000, 720)  # at first start, when the screen has room for it
TITLE_BAR = 40  # pixels the window manager's frame takes above the window, at most

_log = logging.getLogger(__name__)


def ocr_problem() -> str | None:
    """What to install for OCR, or None when it can run (asks Tesseract: a worker calls it)."""
    from guidelight.extract.ocr import ocr_available

    return ocr_available()


def picture_pages(path: str, password: str | None) -> frozenset[int]:
    """The pages whose pictures OCR will read (``extract.pdf.picture_pages``; a worker asks)."""
    from guidelight.extract.pdf import picture_pages as pages

    return pages(path, password)


@dataclass
class Services:
    """What the window needs from outside Qt; tests pass stand-ins for speech."""

    speaker: Any
    library: Any
    make_utterance: Callable[..., Any]  # (text, page, start, kind="reading")
    open_document: Callable[[str, str | None], Document]
    save_settings: Callable[[Settings], None]
    ocr_problem: Callable[[], str | None] = ocr_problem
    picture_pages: Callable[[str, str | None], frozenset[int]] = picture_pages
    locked: frozenset[str] = frozenset()  # settings the lab's machine-wide file fixes


def _recent_file(library: Library, entry: RecentDocument) -> Path | None:
    """Where a recent document is now: where it was opened (a name that was not UTF-8 on
    disk is listed by its Thai reading, not by the path that opens it), else wherever the
    library finds the same content."""
    path = on_disk(entry.path)
    return path if path.is_file() else library.find_file(entry.content_hash)


def _dialogs() -> ModuleType:
    """The dialogs module, imported on first use: start-up does not need it."""
    from guidelight.gui import dialogs

    return dialogs


def _is_pane_key(key: str) -> bool:
    """Unmodified keys (letters, Space, [, Escape...) work only in the reading view."""
    return not any(key.startswith(p) for p in ("Ctrl+", "Alt+", "F", "Media", "Shift+F"))


class _FirstFocus(QObject):
    """Calls ``then`` once, when ``view`` first gets the keyboard focus, and stops watching.

    The focus comes after the window's first frame, so that is the window a student sees
    ready for keys. (Watching the view's paint events would mean asking for its viewport,
    and PySide builds a type for every QWidget subclass to wrap that: about 14 ms.)
    """

    def __init__(self, view: QWidget, then: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._then: Callable[[], None] | None = then
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFocusEvent) and self._then is not None and self._view.hasFocus():
            then = self._then
            self.stop()
            then()
        return False

    def stop(self) -> None:
        self._then = None
        self._view.removeEventFilter(self)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: Settings, language: str) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.language = language
        self.runner = BackgroundRunner(self)
        self._default_palette: QPalette = QApplication.palette()  # a copy (QPalette(...) would build Qt.*)
        self._opening = False
        self._opens = 0  # counts open requests; only the newest one's answer is used
        self._extracted: Document | None = None  # the open document as extracted, before corrections
        self._gate: PageGate | None = None
        self._ocr_problem: str | None = None  # asked again on each open, on the worker
        self._making: dict[int, list[Callable[[], None]]] = {}  # pages being made, and what waits for them
        self.status = StatusLine(self)  # wraps at high zoom: see there
        self.view = ReadingPane(self, self._set_status, self._lone_ctrl, self._table_grids)
        self.announcer = Announcer(self, services.speaker, services.make_utterance,
                                   lambda: self.settings.speech_output, self._set_status,
                                   lambda text: self.session.resume_with(text))
        self.session = ReadingSession(
            self.view, services.speaker, services.library, self.announcer.announce, self.announcer.say,
            services.make_utterance, lambda: self.language, lambda: self.settings.caret_follows_speech,
            note_for=lambda page: page_note(page, self.language, lambda: self._ocr_problem),
            on_page=self._read_ahead,
        )
        self.volunteer = VolunteerDesk(self)
        self.current_path = ""
        self.actions_by_id: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.buttons: dict[str, QPushButton] = {}
        # A long open (a big scan) is never silent: a reminder every few seconds.
        self._still_opening = QTimer(self)
        self._still_opening.setInterval(STILL_OPENING_MS)
        self._still_opening.timeout.connect(lambda: self.announcer.announce(tr("still.opening", self.language)))
        self._still_making = QTimer(self)  # the same for a page being read by OCR
        self._still_making.setInterval(STILL_OPENING_MS)
        self._still_making.timeout.connect(self._say_still_making)
        self._build()
        self.retranslate()
        self.apply_look()
        self.apply_voice()
        self._follow_system_look()
        self.edges = EdgeKeys(self, self.announcer.announce, lambda: self.language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.edges.watch(app)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.view, 1)
        for key, command_id in (("button.play", "play"), ("button.prev", "prev_sentence"),
                                ("button.next", "next_sentence"), ("button.where", "where")):
            button = QPushButton(central)
            button.clicked.connect(self._runner_for(command_id))
            self.buttons[key] = button
        self.button_row = ButtonRow(central, list(self.buttons.values()))  # folds when zoomed: see there
        layout.addWidget(self.button_row)
        self.setCentralWidget(central)
        set_enum(self.status, "focusPolicy", "NoFocus")  # read by the screen reader's status-bar key
        self.statusBar().addWidget(self.status, 1)
        for menu_id in MENUS:
            self.menus[menu_id] = self.menuBar().addMenu("")
        for command in COMMANDS:
            self._add_command(command)
        for n, key in enumerate(HEADING_LEVEL_KEYS, start=1):
            self._pane_action(key, partial(self.session.move, Unit.HEADING, 1, n))
        self.setTabOrder(self.view, self.buttons["button.play"])
        # On a 1366 x 768 laptop the window, its title bar and the taskbar must all fit, or
        # the status line starts out of sight below the screen.
        available = self.screen().availableGeometry()
        self.resize(min(WINDOW_SIZE[0], available.width()), min(WINDOW_SIZE[1], available.height() - TITLE_BAR))

    def _add_command(self, command: Command) -> None:
        action = QAction(self)
        window_keys = [k for k in command.keys if not command.pane and not _is_pane_key(k)]
        set_keys(action, window_keys)
        set_enum(action, "shortcutContext", "WindowShortcut")
        run = self._runner_for(command.id)
        action.triggered.connect(run)
        self.menus[command.menu].addAction(action)
        self.actions_by_id[command.id] = action
        for key in command.keys:
            if command.pane or _is_pane_key(key):
                self._pane_action(key, run)

    def _pane_action(self, key: str, run: Callable[[], None]) -> None:
        action = QAction(self.view)
        set_keys(action, [key])
        set_enum(action, "shortcutContext", "WidgetShortcut")
        action.triggered.connect(lambda *_: run())
        self.view.addAction(action)

    def _runner_for(self, command_id: str) -> Callable[[], None]:
        handler = getattr(self, f"cmd_{command_id}")
        return lambda *_: self._when_pages_ready(handler)

    def _when_pages_ready(self, command: Callable[[], None]) -> None:
        """Run ``command``; if it needs a page still to be made (OCR), make it on a worker,
        saying so, and run the command again once the page is there."""
        try:
            command()
        except PageNotReady as missing:
            self._make_page(missing.number, lambda: self._when_pages_ready(command))

    def _make_page(self, number: int, then: Callable[[], None] | None) -> None:
        """Make page ``number`` on a worker; ``then`` runs once it is there (None: reading ahead)."""
        doc = self.session.doc
        if doc is None:
            return
        if then is not None:  # the student is waiting for it: say so, and keep saying so
            self.announcer.announce(tr("page.making", self.language, page=number))
            self._still_making.start()
        waiting = self._making.get(number)
        if waiting is not None:  # already being made (reading ahead): wait for that
            waiting.extend([then] if then else [])
            return
        continuations = self._making[number] = [then] if then else []

        def finish() -> list[Callable[[], None]]:
            if self._making.get(number) is continuations:  # not the same page of a document opened since
                del self._making[number]
            if not any(self._making.values()):
                self._still_making.stop()
            return continuations if self.session.doc is doc else []

        def made(_page: Page) -> None:
            for then in finish():
                then()

        def failed(exc: BaseException) -> None:
            if finish():
                problem = exc.problem if isinstance(exc, DocumentError) else str(exc)
                self.announcer.announce(tr("page.failed", self.language, page=number, problem=problem),
                                        assertive=True)

        self.runner.run(lambda: doc.page(number), made, failed)

    def _say_still_making(self) -> None:
        waited = [n for n, waiting in self._making.items() if waiting]
        if waited:
            self.announcer.announce(tr("page.still", self.language, page=min(waited)))

    def _read_ahead(self, number: int) -> None:
        """Page ``number`` is on screen: make the next one now, while this one is read."""
        doc = self.session.doc
        if (doc is not None and self._gate is not None and number < doc.page_count
                and self._gate.made_elsewhere(number + 1) and not doc.is_ready(number + 1)):
            self._make_page(number + 1, None)

    def retranslate(self) -> None:
        """(Re)label everything in the current language."""
        lang = self.language
        QT_LANGUAGE.use(lang)  # Qt's own words too: file dialogs, standard buttons
        self._show_title()
        for menu_id, menu in self.menus.items():
            menu.setTitle(tr(f"menu.{menu_id}", lang))
        for command in COMMANDS:
            action = self.actions_by_id[command.id]
            action.setText(command.label(lang))
            action.setToolTip(command.help(lang))
            action.setStatusTip(command.help(lang))
        for key, button in self.buttons.items():
            button.setText(tr(key, lang))
            button.setAccessibleName(plain(tr(key, lang)))
        self.button_row.refold()
        self.view.setAccessibleName(tr("view.name", lang))
        self.view.setAccessibleDescription(tr("view.description", lang))
        if self.session.doc is None:
            self._set_status(tr("status.nodoc", lang))

    def _show_title(self) -> None:
        """The window's title names the open document first, as a screen reader says it
        on switching windows."""
        app_name = tr("app.name", self.language)
        doc = self.session.doc
        self.setWindowTitle(app_name if doc is None else f"{doc.title} – {app_name}")

    def apply_look(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.view.colours = theme.apply(app, self.settings.theme, self.settings.system_look, self._default_palette)
        scale = self.settings.zoom / 100
        self.view.set_reading_font(self.settings.font_family, self.settings.font_size * scale)
        ui_font = QFont(self.settings.font_family)
        ui_font.setPointSizeF(UI_POINTS * scale)  # menus, buttons, dialogs grow with zoom too
        if app.font() != ui_font:
            app.setFont(ui_font)  # dialogs opened from now on
        for widget in (self.menuBar(), self.statusBar(), self.status, *self.buttons.values(), *self.menus.values()):
            widget.setFont(ui_font)  # widgets that exist already (a style sheet stops propagation)
        self.button_row.refold()
        if self.session.doc is not None:
            self.session._show(self.session.position)  # redraw the highlight in the new colours

    def _follow_system_look(self) -> None:
        """Re-apply the "system" theme when the desktop turns high contrast or dark on or off."""
        hints = QGuiApplication.styleHints()
        signals = [hints.colorSchemeChanged]
        accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
        if accessibility is not None:
            signals.append(accessibility().contrastPreferenceChanged)
        for signal in signals:
            signal.connect(lambda *_: self.check_system_look())

    def check_system_look(self) -> None:
        """Ask the desktop's look (once the window is up: see ``theme``); if it changed since
        it was remembered, remember it and re-apply the "system" theme."""
        look = theme.system_look()
        if look == self.settings.system_look:
            return
        self.settings = replace(self.settings, system_look=look)
        self.services.save_settings(self.settings)
        if self.settings.theme == "system":
            self.apply_look()

    def apply_voice(self) -> None:
        speaker = self.services.speaker
        speaker.set_rate(self.settings.rate)
        speaker.set_volume(self.settings.volume)
        if self.settings.voice:
            speaker.set_voice(self.settings.voice)

    def back_to_text(self) -> None:
        """After a dialog or a failure, the student is back in the text, ready for keys."""
        self.activateWindow()
        self.view.setFocus()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _change(self, **values: Any) -> bool:
        """Change and keep settings; False (and said) when the lab has locked one of them."""
        if self.services.locked.intersection(values):
            self.announcer.announce(tr("setting.locked", self.language))
            return False
        self.settings = replace(self.settings, **values).validated()
        self.services.save_settings(self.settings)
        return True

    # --- opening -----------------------------------------------------------------------

    def open_path(self, path: str, password: str | None = None) -> None:
        """Open on a worker thread; the window keeps answering keys meanwhile."""
        self.session.stop(quiet=True)
        self._opening = True
        self._opens += 1
        ticket = self._opens
        self.announcer.announce(tr("opening", self.language, name=readable_name(Path(path).name)))
        self._still_opening.start()
        opener = self.services.open_document
        library = self.services.library

        def work() -> tuple[Document, PageGate, Document, dict[str, str], str | None]:
            from guidelight.thai.fit import mostly_words  # the dictionary loads here, off the GUI thread

            extracted, gate = gated(opener(path, password))
            # Read through the volunteers' corrections, so what was fixed is what is heard;
            # titled from its first heading when the PDF has no title of its own, which
            # makes the first page, ready before the window shows the document.
            doc = titled(library.corrected(extracted), mostly_words)
            doc.page(1)
            return extracted, gate, doc, library.pronunciations_for_document(doc.content_hash), \
                self.services.ocr_problem()

        self.runner.run(work, self._if_newest(ticket, lambda made: self._opened(made, path, ticket, password)),
                        self._if_newest(ticket, lambda exc: self._open_failed(exc, path, password)))

    def _find_picture_pages(self, gate: PageGate, path: str, password: str | None, ticket: int) -> None:
        """Learn, on a worker and not while the document opens (a page's figures are looked
        for on every page: seconds for a long book), which pages OCR will read pictures on;
        those are made on a worker from then on, and the next one is read ahead at once."""

        def learnt(pages: frozenset[int]) -> None:
            gate.costly = pages
            if self.session.doc is not None:
                self._read_ahead(self.session.shown_page)

        self.runner.run(lambda: self.services.picture_pages(path, password), self._if_newest(ticket, learnt),
                        lambda exc: _log.warning("could not look for pictures to read in %s: %s", path, exc))

    def _if_newest(self, ticket: int, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """Drop the answer of an open that a newer one replaced. A student who opens another
        file while the first is still opening wants the second: the first must neither take
        its place when it comes late nor pull the focus out of the second's password box."""

        def answer(value: Any) -> None:
            if ticket == self._opens:
                callback(value)

        return answer

    def _opened(self, made: tuple[Document, PageGate, Document, dict[str, str], str | None], path: str,
                ticket: int, password: str | None) -> None:
        self._extracted, self._gate, doc, pronunciations, self._ocr_problem = made
        self._find_picture_pages(self._gate, path, password, ticket)
        self.services.speaker.set_pronunciations(pronunciations)  # the course's own words
        saved = self.services.library.get_position(doc.content_hash)
        if saved is not None and 1 <= saved.page <= doc.page_count and not doc.is_ready(saved.page):
            self.runner.run(lambda: doc.page(saved.page),
                            self._if_newest(ticket, lambda _page: self._show_document(doc, path)),
                            self._if_newest(ticket, lambda exc: self._open_failed(exc, path, None)))
            return
        self._show_document(doc, path)

    @property
    def extracted(self) -> Document | None:
        """The open document as extracted, before the volunteers' corrections."""
        return self._extracted

    def _show_document(self, doc: Document, path: str) -> None:
        self.current_path = path
        self._opening = False
        self._still_opening.stop()
        # Pages of the last document still being made are no longer waited for: the same
        # page of this one must be made for itself, not wait on theirs and be dropped.
        self._making.clear()
        self._still_making.stop()
        self.session.open(doc, path)
        self._show_title()
        self.back_to_text()

    def _open_failed(self, exc: BaseException, path: str, password: str | None) -> None:
        self._opening = False
        self._still_opening.stop()
        focus = QApplication.focusWidget()
        if isinstance(exc, PasswordRequired):
            key = "password.wrong" if password else "password.asked"
            self.announcer.announce(tr(key, self.language), assertive=True)
            typed = _dialogs().ask_text(self, tr("password.title", self.language),
                                     tr("password.label", self.language, name=readable_name(Path(path).name)),
                                     self.language, secret=True)
            if typed:
                self.open_path(path, typed)
                return
            self.announcer.announce(tr("cancelled", self.language))
        elif isinstance(exc, NoTextLayer):
            self.announcer.announce(tr("open.scanned", self.language, problem=exc.problem), assertive=True)
        else:
            problem = exc.problem if isinstance(exc, DocumentError) else str(exc)
            self.announcer.announce(tr("open.failed", self.language, problem=problem), assertive=True)
        if focus is None or focus.window() is not self:
            self.back_to_text()
        else:
            focus.setFocus()

    def restore_last(self, then: Callable[[], None] = lambda: None) -> None:
        """Reopen the last document if it still exists, then run ``then``.

        The library is looked up on a worker thread: opening it (SQLite, migrations) is
        not on the way to the first key press. ``then`` starts the next start-up job once
        the lookup (a few milliseconds) is done, not beside it: two threads starting
        together held the interpreter from the GUI thread for about 10 ms, just as the
        window became ready (one alone, not measurably).
        """
        if not self.settings.restore_last_document:
            then()
            return
        library = self.services.library
        opens = self._opens

        def last_path() -> str | None:
            recent = library.recent(1)
            found = _recent_file(library, recent[0]) if recent else None
            return str(found) if found else None

        def reopen(path: str | None) -> None:
            if path and self._opens == opens:  # not over a file the student opened meanwhile
                self.open_path(path)
            then()

        def failed(exc: BaseException) -> None:
            self.announcer.announce(str(exc), assertive=True)
            then()

        self.runner.run(last_path, reopen, failed)

    # --- commands (names match commands.py ids) -----------------------------------------

    def cmd_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("open.dialog", self.language), "", "PDF (*.pdf)",
                                              options=_dialogs().file_options(self.language))
        if path:
            self.open_path(path)
        else:
            self.back_to_text()
            self.announcer.announce(tr("cancelled", self.language))

    def cmd_recent(self) -> None:
        recent = self.services.library.recent(10)
        if not recent:
            self.announcer.announce(tr("recent.none", self.language))
            return
        names = [f"{r.title} ({Path(r.path).name})" for r in recent]
        row = _dialogs().choose(self, tr("recent.title", self.language), tr("recent.list", self.language),
                             names, self.language)
        if row is None:
            self.announcer.announce(tr("cancelled", self.language))
            return
        library, entry = self.services.library, recent[row]
        self._open_found(lambda: _recent_file(library, entry),
                         tr("recent.missing", self.language, title=entry.title, path=entry.path))

    def cmd_library(self) -> None:
        library = self.services.library
        entries = library.documents()
        if not entries:
            self.announcer.announce(tr("library.empty", self.language))
            return
        names = [tr("library.item", self.language, course=e.course_id, title=e.title) for e in entries]
        row = _dialogs().choose(self, tr("library.title", self.language), tr("library.list", self.language),
                                names, self.language)
        self.back_to_text()
        if row is None:
            self.announcer.announce(tr("cancelled", self.language))
            return
        entry = entries[row]
        self._open_found(lambda: library.find_file(entry.content_hash),  # the library's own copy
                         tr("library.missing", self.language, title=entry.title))

    def _open_found(self, find: Callable[[], Path | None], missing: str) -> None:
        """Open the file ``find`` finds, or say ``missing``. It is looked for off the GUI
        thread: a document that moved is recognised by reading whole files for their hash."""

        def found(path: Path | None) -> None:
            if path is None:
                self.announcer.announce(missing, assertive=True)
            else:
                self.open_path(str(path))

        def failed(exc: BaseException) -> None:
            self.announcer.announce(str(exc), assertive=True)

        # A file the student opens while this one is looked for is the one that stays, and
        # the lookup's late answer, found or failed, is not heard.
        ticket = self._opens
        self.runner.run(find, self._if_newest(ticket, found), self._if_newest(ticket, failed))

    def cmd_quit(self) -> None:
        self.close()

    def cmd_play(self) -> None:
        self.session.toggle()

    def cmd_stop(self) -> None:
        self.session.stop()

    def _lone_ctrl(self) -> None:
        if self.session.reading:
            self.session.stop()

    def cmd_say_sentence(self) -> None:
        self.session.say_sentence()

    def cmd_spell_word(self) -> None:
        self.session.spell_word()

    def cmd_where(self) -> None:
        self.session.where_am_i()

    def cmd_next_sentence(self) -> None:
        self.session.move(Unit.SENTENCE, 1)

    def cmd_prev_sentence(self) -> None:
        self.session.move(Unit.SENTENCE, -1)

    def cmd_next_word(self) -> None:
        self.session.move(Unit.WORD, 1)

    def cmd_prev_word(self) -> None:
        self.session.move(Unit.WORD, -1)

    def cmd_next_char(self) -> None:
        self.session.move(Unit.CHARACTER, 1)

    def cmd_prev_char(self) -> None:
        self.session.move(Unit.CHARACTER, -1)

    def cmd_next_cell(self) -> None:
        self.session.move_in_table(0, 1)

    def cmd_prev_cell(self) -> None:
        self.session.move_in_table(0, -1)

    def cmd_cell_below(self) -> None:
        self.session.move_in_table(1, 0)

    def cmd_cell_above(self) -> None:
        self.session.move_in_table(-1, 0)

    def cmd_next_paragraph(self) -> None:
        self.session.move(Unit.PARAGRAPH, 1)

    def cmd_prev_paragraph(self) -> None:
        self.session.move(Unit.PARAGRAPH, -1)

    def cmd_next_heading(self) -> None:
        self.session.move(Unit.HEADING, 1)

    def cmd_prev_heading(self) -> None:
        self.session.move(Unit.HEADING, -1)

    def cmd_next_page(self) -> None:
        self.session.move(Unit.PAGE, 1)

    def cmd_prev_page(self) -> None:
        self.session.move(Unit.PAGE, -1)

    def cmd_goto_page(self) -> None:
        doc = self.session.doc
        if doc is None:
            self.announcer.announce(tr("no.document", self.language))
            return
        number = _dialogs().ask_page(self, self.session.shown_page, doc.page_count, self.language)
        self.back_to_text()
        if number is None:
            self.announcer.announce(tr("cancelled", self.language))
        else:
            self.session.go_to_page(number)

    def cmd_find(self) -> None:
        if self.session.doc is None:
            self.announcer.announce(tr("no.document", self.language))
            return
        query = _dialogs().ask_text(self, tr("search.title", self.language), tr("search.label", self.language),
                                 self.language)
        self.back_to_text()
        if query:
            self.session.find(query)
        else:
            self.announcer.announce(tr("cancelled", self.language))

    def cmd_find_next(self) -> None:
        self.session.find("", forward=True)

    def cmd_find_prev(self) -> None:
        self.session.find("", forward=False)

    def cmd_bookmark(self) -> None:
        if self.session.doc is None:
            self.announcer.announce(tr("no.document", self.language))
            return
        note = _dialogs().ask_text(self, tr("bookmark.title", self.language), tr("bookmark.label", self.language),
                                self.language)
        self.back_to_text()
        if note is None:
            self.announcer.announce(tr("cancelled", self.language))
            return
        self.session.add_bookmark(note)

    def cmd_bookmarks(self) -> None:
        doc = self.session.doc
        if doc is None:
            self.announcer.announce(tr("no.document", self.language))
            return
        library = self.services.library
        marks = library.bookmarks(doc.content_hash)
        if not marks:
            self.announcer.announce(tr("bookmarks.none", self.language))
            return

        def label(mark: Any) -> str:
            page = doc.page(mark.position.page)
            snippet = page.text[mark.position.offset : mark.position.offset + 60].split("\n")[0]
            return tr("bookmark.item", self.language, page=mark.position.page, note=mark.note or snippet)

        def remove(row: int) -> None:
            library.remove_bookmark(marks[row].id)
            del marks[row]
            self.announcer.announce(tr("bookmarks.removed", self.language))

        row = _dialogs().choose(self, tr("bookmarks.title", self.language), tr("bookmarks.list", self.language),
                             [label(m) for m in marks], self.language, on_delete=remove)
        self.back_to_text()
        if row is None:
            self.announcer.announce(tr("cancelled", self.language))
            return
        span = unit_at(doc, marks[row].position, Unit.SENTENCE)
        if span is not None:
            self.session.go_to(span)

    def _zoom(self, zoom: int) -> None:
        if not self._change(zoom=max(50, min(400, zoom))):
            return
        self.apply_look()
        self.announcer.announce(tr("zoom", self.language, value=self.settings.zoom))

    def cmd_zoom_in(self) -> None:
        self._zoom(self.settings.zoom + ZOOM_STEP)

    def cmd_zoom_out(self) -> None:
        self._zoom(self.settings.zoom - ZOOM_STEP)

    def cmd_zoom_reset(self) -> None:
        self._zoom(100)

    def _next_value(self, setting: str, values: tuple[str, ...], said: str,
                    apply: Callable[[], None] = lambda: None) -> None:
        """Move ``setting`` on to the next of ``values`` (round), ``apply`` it and say it
        (the text ``said.VALUE``); nothing but the lab's refusal when it is locked."""
        current = getattr(self.settings, setting)
        if self._change(**{setting: values[(values.index(current) + 1) % len(values)]}):
            apply()
            self.announcer.announce(tr(f"{said}.{getattr(self.settings, setting)}", self.language))

    def cmd_theme(self) -> None:
        self._next_value("theme", theme.THEME_ORDER, "theme", self.apply_look)

    def cmd_tables(self) -> None:
        self._next_value("table_view", TABLE_VIEWS, "tables", self.view.redraw)

    def _table_grids(self) -> bool:
        """Draw tables as grids? A grid is for eyes; a screen reader reads lines cleanly."""
        view = self.settings.table_view
        return view == "grid" or (view == "auto" and not assistive_technology_active())

    def cmd_language(self) -> None:
        if not self._change(language="en" if self.language == "th" else "th"):
            return
        self.language = self.settings.language
        self.retranslate()
        if self.session.doc is not None:
            self.session._update_status()
        self.announcer.announce(tr("language.changed", self.language))

    def _rate(self, delta: int) -> None:
        if not self._change(rate=max(80, min(450, self.settings.rate + delta))):
            return
        self.services.speaker.set_rate(self.settings.rate)
        self.announcer.announce(tr("rate", self.language, value=self.settings.rate))

    def cmd_faster(self) -> None:
        self._rate(RATE_STEP)

    def cmd_slower(self) -> None:
        self._rate(-RATE_STEP)

    def _volume(self, delta: float) -> None:
        if not self._change(volume=round(max(0.0, min(1.0, self.settings.volume + delta)), 2)):
            return
        self.services.speaker.set_volume(self.settings.volume)
        self.announcer.announce(tr("volume", self.language, value=round(self.settings.volume * 100)))

    def cmd_louder(self) -> None:
        self._volume(VOLUME_STEP)

    def cmd_quieter(self) -> None:
        self._volume(-VOLUME_STEP)

    def cmd_voice(self) -> None:
        if "voice" in self.services.locked:
            self.announcer.announce(tr("setting.locked", self.language))
            return
        voices = self.services.speaker.voices(fresh=True)  # a voice installed while the app runs is offered
        if not voices:
            self.announcer.announce(tr("voice.none", self.language))
            return
        # Best voice first for each language (speech/engines.py); the engine is said, so a
        # student hears which one is Piper (with Thai tones) and which is espeak-ng.
        names = [f"{v.name}, {v.engine} ({', '.join(v.languages)})" if v.engine else
                 f"{v.name} ({', '.join(v.languages)})" for v in voices]
        row = _dialogs().choose(self, tr("voice.title", self.language), tr("voice.list", self.language),
                             names, self.language)
        self.back_to_text()
        if row is not None:
            self._change(voice=voices[row].id)
            self.services.speaker.set_voice(voices[row].id)
            self.announcer.announce(tr("voice.now", self.language, name=voices[row].name))
        else:
            self.announcer.announce(tr("cancelled", self.language))

    def cmd_output(self) -> None:
        """The voice mode: who says the moves and confirmations (see ``announce``)."""
        values = SPEECH_OUTPUTS
        if not self._change(speech_output=values[(values.index(self.settings.speech_output) + 1) % len(values)]):
            return
        self.announcer.announce(self.describe_voices())

    def describe_voices(self) -> str:
        """The voice mode said in words; "auto" also says what it found."""
        mode = self.settings.speech_output
        if mode != "auto":
            return tr(f"output.{mode}", self.language)
        reader = screenreader.running()
        found = (tr("output.found", self.language, name=reader.title) if reader is not None
                 else tr("output.none", self.language))
        return tr("output.auto", self.language, found=found)

    def cmd_import_files(self) -> None:
        self.volunteer.import_files()

    def cmd_import_folder(self) -> None:
        self.volunteer.import_folder()

    def cmd_fix_text(self) -> None:
        self.volunteer.fix_text()

    def cmd_mark_heading(self) -> None:
        self.volunteer.mark_heading()

    def cmd_mark_furniture(self) -> None:
        self.volunteer.mark_furniture()

    def cmd_describe_figure(self) -> None:
        self.volunteer.describe_figure()

    def cmd_pronunciation(self) -> None:
        self.volunteer.pronunciation()

    def cmd_corrections(self) -> None:
        self.volunteer.list_corrections()

    def cmd_export(self) -> None:
        from guidelight.gui.exporting import export_current

        export_current(self, _dialogs().choose)

    def cmd_export_pack(self) -> None:
        self.volunteer.export_pack()

    def cmd_import_pack(self) -> None:
        self.volunteer.import_pack()

    def cmd_help(self) -> None:
        """The keys as a list, one item said per move: by the screen reader, which reads
        the list it has the focus in, or, when Guide Light speaks everything, by it."""
        lines = help_lines(self.language)
        on_item = None
        if self.announcer.mode() != "screen_reader":
            self.session.stop(quiet=True)

            def on_item(text: str, before: str = "") -> None:
                self.announcer.say(text, 0, 0, before, kind="help")

            on_item(lines[0], tr("help.intro", self.language))
        _dialogs().show_help(self, tr("help.title", self.language), lines, self.language, on_item)
        self.services.speaker.stop()
        self.back_to_text()

    # --- lifetime -------------------------------------------------------------------------

    def after_ready_for_keys(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the text has the keyboard focus (or after READY_BY_MS at the
        latest, should that never happen): background start-up (the last document, the
        speech engine) takes the interpreter from the GUI thread, so it waits until the
        window is on screen answering keys."""
        pending = [work]

        def run() -> None:
            watcher.stop()
            if pending:
                pending.pop()()

        watcher = _FirstFocus(self.view, lambda: QTimer.singleShot(0, run))
        QTimer.singleShot(READY_BY_MS, run)

    def greet(self) -> None:
        """Say the app is ready, unless a document is already being opened."""
        if not self._opening:
            self.announcer.announce(tr("app.ready", self.language))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        self.services.save_settings(self.settings)
        event.accept()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.back_to_text)
