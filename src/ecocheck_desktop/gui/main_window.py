"""The main window shell: navigation list, page stack, menus with standard shortcuts, status bar.

The project-file commands (new, open, demo, save a copy, hand-over, dropped files) are the
:mod:`.file_actions` part of the same class.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ecocheck_desktop import APP_NAME
from ecocheck_desktop.gui import i18n
from ecocheck_desktop.gui.file_actions import ProjectFileActions
from ecocheck_desktop.gui.messages import Kind, show_message
from ecocheck_desktop.gui.pages import PAGE_IDS, PAGES, PageEntry, page_entry
from ecocheck_desktop.gui.pages.base import Page
from ecocheck_desktop.gui.preload import AfterPaint, preload_modules
from ecocheck_desktop.gui.qt_compat import pin_singletons
from ecocheck_desktop.gui.settings import Settings
from ecocheck_desktop.gui.widgets import wheel_guard
from ecocheck_desktop.gui.widgets.build import named

if TYPE_CHECKING:
    from ecocheck_desktop.core.messages import Message
    from ecocheck_desktop.gui.about import AboutDialog
    from ecocheck_desktop.gui.service import ProjectService
    from ecocheck_desktop.gui.wizard import NewCompanyWizard

STATUS_NOTE_MS = 8000
PIN_DELAY_MS = 300
# Language names are shown in their own language so a user can always find theirs.
LANGUAGE_NAMES = {i18n.JAPANESE: "日本語", i18n.ENGLISH: "English"}


def _pin_singletons() -> None:
    pin_singletons()


_PRELOADS: list[Any] = []  # the background import of the charts, while it runs


def _preload_charts() -> None:
    """Import matplotlib in the background once a project's page has painted.

    Importing it takes a second or two; done on the UI thread at the first visit of the results
    page, the window would freeze. A plain import in a thread creates no widget; but two threads
    importing matplotlib at once can meet its circular imports half done, so a page waits for
    the thread before its module is imported (:func:`_wait_for_preload`).
    """
    if "ecocheck_desktop.report.charts" not in sys.modules and not _PRELOADS:
        thread = threading.Thread(target=preload_modules, name="preload-charts", daemon=True)
        _PRELOADS.append(thread)
        thread.start()


def _wait_for_preload() -> None:
    """A page built while matplotlib is still being imported in the background waits for that
    import to finish: two threads importing it at once can see a half-initialised module
    (Ctrl+Tab reaches the results page within a moment of opening a project)."""
    while _PRELOADS:
        _PRELOADS.pop().join()


class MainWindow(ProjectFileActions, QMainWindow):
    language_changed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        languages: i18n.LanguageManager,
        *,
        remember_settings: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # No combo or spin box answer changes while scrolling a page: the guard goes on once
        # the window has painted (installed before, it costs start-up 30-90 ms: wheel_guard).
        AfterPaint(self, wheel_guard.install)
        self.settings = settings
        self.languages = languages
        self._remember_settings = remember_settings
        # Every edit of the open project is a command here; Edit > Undo/Redo follow it.
        self.undo_stack = QUndoStack(self)
        # Built on first use: the calculation core is not needed to show the Home page.
        self._service: ProjectService | None = None
        # The user agreed to close without keeping the edits of a file changed under the app.
        self._discard_detached = False
        # Tests may hand the service another project-file implementation.
        self.store_opener: Any = None
        self.wizard: NewCompanyWizard | None = None
        self.setAcceptDrops(True)

        self.navigation = named(QListWidget(self), "navigation")
        self.navigation.setFixedWidth(210)
        self.stack = QStackedWidget(self)
        # Pages are built on first visit: start-up pays only for the Home page, and a page's
        # heavy imports (charts, tables) wait until the user goes there.
        self.pages: dict[str, Page] = {}
        self._holders: dict[str, QScrollArea] = {}  # page id -> the scroll area holding it
        for _ in PAGES:
            self.navigation.addItem(QListWidgetItem())
        self.navigation.currentRowChanged.connect(self._on_navigation_row)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.autosave_label = named(QLabel(self), "autosaveState")
        self.statusBar().addPermanentWidget(self.autosave_label)

        self._create_actions()
        self._create_menus()
        self.retranslate_ui()
        self.navigation.setCurrentRow(0)
        self._restore_geometry()
        # After the window is up (ctypes costs ~10 ms of start-up); see qt_compat.
        QTimer.singleShot(PIN_DELAY_MS, _pin_singletons)

    # -- construction ------------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            # Every platform binding (Redo is Ctrl+Y and Ctrl+Shift+Z on Windows); also, unlike
            # setShortcut, this overload does not make PySide build ~100 Qt enums at start-up.
            action.setShortcuts(shortcut)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(keys.New, self.new_project)
        self.open_action = self._action(keys.Open, self.open_project_dialog)
        # Every edit is saved at once; Ctrl+S only reassures the user that nothing is pending.
        self.save_action = self._action(keys.Save, self.explain_autosave)
        self.quit_action = self._action(keys.Quit, self.close)
        self.handover_action = self._action(None, self.hand_over_dialog)
        # The way out when the open file changed under the app (a sync client, a copy over it).
        self.save_copy_action = self._action(None, self.save_copy_dialog)
        self.handover_changes_action = self._action(None, self.show_handover_changes)
        self.factor_library_action = self._action(None, self.show_factor_library)
        self.customer_answers_action = self._action(None, self.answer_customers)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(keys.Undo, self.undo_stack.undo)
        self.redo_action = self._action(keys.Redo, self.undo_stack.redo)
        # Windows users press Ctrl+Y, others Ctrl+Shift+Z: both redo on every platform.
        redo_keys = [k.toString() for k in self.redo_action.shortcuts()]
        redo_keys += ["Ctrl+Y", "Ctrl+Shift+Z"]
        self.redo_action.setShortcuts([QKeySequence(k) for k in dict.fromkeys(redo_keys)])
        # Ctrl+Tab / Ctrl+Shift+Tab (and Ctrl+PgDown / Ctrl+PgUp) move between pages.
        self.next_page_action = self._action(None, lambda: self.step_page(1))
        self.next_page_action.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.previous_page_action = self._action(None, lambda: self.step_page(-1))
        self.previous_page_action.setShortcuts(
            [
                QKeySequence("Ctrl+Shift+Tab"),
                QKeySequence("Ctrl+Shift+Backtab"),
                QKeySequence("Ctrl+PgUp"),
            ]
        )
        self.addActions([self.next_page_action, self.previous_page_action])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.paste_action = self._action(keys.Paste, self.paste)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setData(language)
            action.triggered.connect(lambda _checked=False, lang=language: self.set_language(lang))
            self.language_actions[language] = action

        self.help_action = self._action(keys.HelpContents, self.show_help)
        self.about_action = self._action(None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = QMenu(self.file_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addActions([self.save_action, self.save_copy_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.handover_action, self.handover_changes_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.factor_library_action)
        self.file_menu.addAction(self.customer_answers_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.paste_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = QMenu(self.view_menu)
        self.language_menu.addActions(self.language_group.actions())
        self.view_menu.addMenu(self.language_menu)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    @property
    def service(self) -> ProjectService:
        if self._service is None:
            # the store and the edits load with the first project, not the start window
            from ecocheck_desktop.gui.service import ProjectService

            self._service = ProjectService(self.undo_stack, opener=self.store_opener, parent=self)
            self._service.saved.connect(self._show_saved_state)
            self._service.failed.connect(self._show_failure)
            self._service.detached_changed.connect(lambda _detached: self._show_saved_state())
            self._service.project_opened.connect(self._on_project_opened)
            self._service.project_closed.connect(self._show_saved_state)
            self._service.project_changed.connect(self._show_current_project)
        return self._service

    def _build_page(self, entry: PageEntry) -> Page:
        page_class = entry.load()
        if page_class.needs_service:
            page = page_class(self.stack, service=self.service)  # type: ignore[call-arg]
        else:
            page = page_class(self.stack)
        page.navigate_requested.connect(self.show_page)
        cell_requested = getattr(page, "cell_requested", None)
        if cell_requested is not None:
            cell_requested.connect(self.go_to_cell)
        recent_requested = getattr(page, "recent_requested", None)
        if recent_requested is not None:
            recent_requested.connect(self.open_project)
            page.set_recent(self.settings.recent_files)  # type: ignore[attr-defined]
            if self._service is not None and self._service.project is not None:
                page.set_current(self._service.project.company.name)  # type: ignore[attr-defined]
        # Requests only the window can carry out, wired by name so that this module does not
        # import every page class at start-up.
        requests = {
            "new_requested": self.new_project,
            "open_requested": self.open_project_dialog,
            "demo_requested": self.open_demo,
            "project_requested": self.open_from_portfolio,
            "folder_changed": self._remember_portfolio_folder,
        }
        for signal_name, slot in requests.items():
            signal = getattr(page, signal_name, None)
            if signal is not None:
                signal.connect(slot)
        if entry.page_id == "portfolio":
            page.set_folder(self.settings.portfolio_folder)  # type: ignore[attr-defined]
        # Each page scrolls when the window is smaller than the page needs (1366×768 at 125 %
        # or 150 % is ~1090×540 or ~910×440 logical pixels): nothing is cut off, and the window
        # never has to grow past the screen (issue 19).
        holder = named(QScrollArea(self.stack), f"pageScroll_{entry.page_id}")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(page)
        self.stack.addWidget(holder)
        self._holders[entry.page_id] = holder
        return page

    # -- texts -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        for row, entry in enumerate(PAGES):
            item = self.navigation.item(row)
            item.setText(entry.title())
            item.setToolTip(entry.tooltip())
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New project…"))
        self.open_action.setText(self.tr("&Open project…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.save_action.setText(self.tr("&Save"))
        self.quit_action.setText(self.tr("&Quit"))
        self.handover_action.setText(self.tr("&Hand over a copy…"))
        self.save_copy_action.setText(self.tr("Save a &copy as…"))
        self.handover_changes_action.setText(self.tr("&Changes since hand-over…"))
        self.customer_answers_action.setText(self.tr("Answers to &customers…"))
        self.factor_library_action.setText(self.tr("&Factor library…"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.paste_action.setText(self.tr("&Paste"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("EcoCheck &help"))
        self.about_action.setText(self.tr("&About EcoCheck Desktop"))
        self._show_saved_state()
        self._fill_recent_menu()
        for language, action in self.language_actions.items():
            action.setChecked(language == self.languages.language)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))
        home = self.pages.get("home")
        if home is not None:
            home.set_recent(self.settings.recent_files)  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- navigation --------------------------------------------------------------------------

    def page(self, page_id: str) -> Page:
        """The page with ``page_id``, built now if it has not been visited yet."""
        if page_id not in self.pages:
            _wait_for_preload()
            self.pages[page_id] = self._build_page(page_entry(page_id))
        return self.pages[page_id]

    def show_page(self, page_id: str) -> None:
        self.navigation.setCurrentRow(PAGE_IDS.index(page_id))

    def answer_customers(self) -> None:
        """File > 取引先への回答: the 取引先 page, then the folder for every customer's reply."""
        self.show_page("customers")
        self.page("customers").choose_folder_and_answer()  # type: ignore[attr-defined]

    def step_page(self, step: int) -> None:
        """The next (or previous) page of the navigation list, wrapping round at its ends."""
        count = self.navigation.count()
        if count:
            self.navigation.setCurrentRow((self.navigation.currentRow() + step) % count)

    def _on_navigation_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self._holder(self.page(PAGE_IDS[row])))

    def current_page(self) -> Page:
        holder = self.stack.currentWidget()
        assert isinstance(holder, QScrollArea)
        page = holder.widget()
        assert isinstance(page, Page)
        return page

    def _holder(self, page: Page) -> QWidget:
        """The scroll area that holds ``page`` in the stack (kept when it was built: asking Qt
        for the page's parents hands Python the scroll area's viewport, a widget made in C++,
        and typing that makes PySide build the enums of every widget class, 10-30 ms)."""
        return self._holders[page.page_id]

    # -- commands ----------------------------------------------------------------------------

    def status_note(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_NOTE_MS)

    def go_to_cell(self, fiscal_year: int, month: str, energy: str, site: str = "") -> None:
        self.show_page("energy")
        page: Any = self.page("energy")
        page.go_to_cell(fiscal_year, month, energy, site)

    def _on_project_opened(self, path: str) -> None:
        # After the page has painted: the import must not compete with the first paint.
        QTimer.singleShot(0, self._preload_after_paint)
        self.settings.add_recent_file(path)
        self._fill_recent_menu()
        self._save_settings()
        self.setWindowTitle(f"{Path(path).name} — {APP_NAME}")
        self._announce_handover_changes()

    def _preload_after_paint(self) -> None:
        holder = self.stack.currentWidget()  # the scroll area of the page the project shows
        # The scroll area itself draws no frame: its page is what paints.
        page = holder.widget() if isinstance(holder, QScrollArea) else holder
        if page is None or not page.isVisible():
            self._after_opened_page_painted()
            return
        AfterPaint(page, self._after_opened_page_painted)

    def _after_opened_page_painted(self) -> None:
        """The footprint (unless a page already asked for it), then the charts' import."""
        if self._service is not None:
            self._service.calculate_opened()
        _preload_charts()

    def _show_current_project(self) -> None:
        home: Any = self.pages.get("home")
        if home is not None and self._service is not None:
            project = self._service.project
            name = project.company.name if project is not None else None
            if name != home.current_company:
                home.set_current(name)

    def _show_saved_state(self, saved: bool = True) -> None:
        service = self._service
        is_open = service is not None and service.is_open
        self.handover_action.setEnabled(is_open)
        self.handover_changes_action.setEnabled(is_open)
        self.save_copy_action.setEnabled(is_open)
        if service is None or not service.is_open:
            self.autosave_label.setText(self.tr("No project open"))
            if service is not None:
                self.setWindowTitle(APP_NAME)
            return
        if service.detached:
            # Never "saved" again for a file another program changed: say what to do.
            self.autosave_label.setText(
                self.tr(
                    "Not saved: the file was changed by another program."
                    " Use File > Save a copy as… to keep your changes"
                )
            )
        elif saved and service.last_saved is not None:
            self.autosave_label.setText(
                self.tr("All changes saved (%1)").replace(
                    "%1", service.last_saved.strftime("%H:%M:%S")
                )
            )
        else:
            self.autosave_label.setText(self.tr("The last change could not be saved"))

    def _show_environment_failure(self, error: Exception, path: object) -> None:
        """A dialog naming the file for an error of the machine (permissions, a full disk, a
        locked file, a too-long path: core.limits.environment_message); a defect is raised."""
        # core.limits is not on the start window's path
        from ecocheck_desktop.core.limits import environment_message

        message = environment_message(error, str(path))
        if message is None:
            raise error
        self._show_failure([message])

    def _show_failure(self, messages: list[Message]) -> None:
        # the message texts load with the first message
        from ecocheck_desktop.gui.message_text import messages_text

        text = messages_text(messages)
        self.status_note(text)
        show_message(self, Kind.WARNING, APP_NAME, text)

    # -- factor library (gui/dialogs/factor_library.py) -------------------------------------

    def show_factor_library(self) -> Any:
        # dialogs load when they open, not with the start window
        from ecocheck_desktop.gui.dialogs.factor_library import FactorLibraryDialog

        dialog = FactorLibraryDialog(self.service, self)
        dialog.open()
        return dialog

    def explain_autosave(self) -> None:
        """Ctrl+S: every change is already saved; say so where the user looks."""
        service = self._service
        if service is None or not service.is_open:
            self.status_note(self.tr("No project open: there is nothing to save."))
        elif service.detached:
            self._show_saved_state()
            self.status_note(self.autosave_label.text())
        else:
            self.status_note(self.tr("Saved. Every change is also saved automatically."))

    def paste(self) -> None:
        # Tables take Excel blocks through their model; text fields paste as usual. With no
        # focused table (just after the wizard) the page's own paste takes the block.
        focus = QApplication.focusWidget()
        paste = getattr(focus, "paste", None)
        if not callable(paste) and focus in (None, self, self.navigation):
            paste = getattr(self.current_page(), "paste", None)
        if callable(paste):
            paste()

    def set_language(self, language: str) -> None:
        if language == self.languages.language:
            return
        if not self.languages.set_language(language):
            show_message(
                self,
                Kind.WARNING,
                self.tr("Language"),
                self.tr("The translation files are missing; the app stays in English."),
            )
        # Qt posts LanguageChange to each top-level window; deliver it now so every page (and
        # an open dialog) speaks the new language before this method returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.settings.language = self.languages.language
        self._save_settings()
        self.language_changed.emit(self.languages.language)

    def show_help(self) -> Any:
        # dialogs load when they open, not with the start window
        from ecocheck_desktop.gui.help import HelpDialog

        return HelpDialog.show_for(self, self.languages.language)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dropped(path)

    def show_about(self) -> AboutDialog:
        from ecocheck_desktop.gui.about import AboutDialog  # only when asked: not at start-up

        return AboutDialog.show_for(self)

    # -- persistence -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QByteArray.fromHex(self.settings.window_geometry.encode("ascii", "ignore"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1100, 720)

    def _save_settings(self) -> None:
        if self._remember_settings:
            self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._service is not None and self._service.detached and not self._discard_detached:
            # Those edits live only in this window now (the file changed under the app): ask
            # before they go, and offer the copy instead.
            event.ignore()
            show_message(
                self,
                Kind.QUESTION,
                APP_NAME,
                self.tr(
                    "Your changes are only in this window: the project file was changed by"
                    " another program. Close without saving them as a copy?"
                ),
                on_answer=self._close_or_save_copy,
            )
            return
        # A report being written finishes first (a few seconds at most): its temporary file is
        # then renamed or removed, never left beside the user's documents.
        for page in self.pages.values():
            worker = getattr(page, "worker", None)
            if worker is not None and worker.running:
                # A batch (portfolio reports) stops after the file being written.
                getattr(page, "cancel", lambda: None)()
                worker.wait(30)
        if self._service is not None:
            self._service.close()
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        self._save_settings()
        super().closeEvent(event)
