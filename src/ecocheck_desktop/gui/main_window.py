"""The main window shell: navigation list, page stack, menus with standard shortcuts, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from ecocheck_desktop import APP_NAME
from ecocheck_desktop.gui import i18n
from ecocheck_desktop.gui.messages import Kind, show_message
from ecocheck_desktop.gui.pages import PAGE_IDS, PAGES, PageEntry, page_entry
from ecocheck_desktop.gui.pages.base import Page
from ecocheck_desktop.gui.settings import Settings

if TYPE_CHECKING:
    from ecocheck_desktop.gui.about import AboutDialog

STATUS_NOTE_MS = 8000
# Language names are shown in their own language so a user can always find theirs.
LANGUAGE_NAMES = {i18n.JAPANESE: "日本語", i18n.ENGLISH: "English"}


class MainWindow(QMainWindow):
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
        self.settings = settings
        self.languages = languages
        self._remember_settings = remember_settings
        # Edits push commands here once the project layer exists; Edit > Undo/Redo follow it.
        self.undo_stack = QUndoStack(self)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.stack = QStackedWidget(self)
        # Pages are built on first visit: start-up pays only for the Home page, and a page's
        # heavy imports (charts, tables) wait until the user goes there.
        self.pages: dict[str, Page] = {}
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

        self.autosave_label = QLabel(self)
        self.autosave_label.setObjectName("autosaveState")
        self.statusBar().addPermanentWidget(self.autosave_label)

        self._create_actions()
        self._create_menus()
        self.retranslate_ui()
        self.navigation.setCurrentRow(0)
        self._restore_geometry()

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
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self._action(keys.Undo, self.undo_stack.undo)
        self.redo_action = self._action(keys.Redo, self.undo_stack.redo)
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
        self.file_menu.addAction(self.save_action)
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

    def _build_page(self, entry: PageEntry) -> Page:
        page = entry.load()(self.stack)
        page.navigate_requested.connect(self.show_page)
        # Requests only the window can carry out, wired by name so that this module does not
        # import every page class at start-up.
        requests = {
            "new_requested": self.new_project,
            "open_requested": self.open_project_dialog,
            "demo_requested": self.open_demo,
            "folder_requested": self.not_available_yet,
        }
        for signal_name, slot in requests.items():
            signal = getattr(page, signal_name, None)
            if signal is not None:
                signal.connect(slot)
        self.stack.addWidget(page)
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
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.paste_action.setText(self.tr("&Paste"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("EcoCheck &help"))
        self.about_action.setText(self.tr("&About EcoCheck Desktop"))
        self.autosave_label.setText(self.tr("No project open"))
        self._fill_recent_menu()
        for language, action in self.language_actions.items():
            action.setChecked(language == self.languages.language)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- navigation --------------------------------------------------------------------------

    def page(self, page_id: str) -> Page:
        """The page with ``page_id``, built now if it has not been visited yet."""
        if page_id not in self.pages:
            self.pages[page_id] = self._build_page(page_entry(page_id))
        return self.pages[page_id]

    def show_page(self, page_id: str) -> None:
        self.navigation.setCurrentRow(PAGE_IDS.index(page_id))

    def _on_navigation_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(PAGE_IDS[row]))

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    # -- commands ----------------------------------------------------------------------------

    def status_note(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_NOTE_MS)

    def not_available_yet(self) -> None:
        self.status_note(self.tr("This is not available yet in this version."))

    def new_project(self) -> None:
        self.not_available_yet()

    def open_project_dialog(self) -> None:
        self.not_available_yet()

    def open_project(self, path: str) -> None:
        # The project file layer is being written; until then the shell only says what it got.
        self.status_note(
            self.tr("Opening project files is not available yet: %1").replace("%1", path)
        )

    def open_demo(self) -> None:
        self.status_note(self.tr("The demo company is not available yet."))

    def explain_autosave(self) -> None:
        self.status_note(self.tr("There is nothing to save: every change is saved automatically."))

    def paste(self) -> None:
        # Tables take Excel blocks through their model; text fields paste as usual.
        focus = QApplication.focusWidget()
        paste = getattr(focus, "paste", None)
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

    def show_help(self) -> None:
        page = self.current_page()
        entry = page_entry(page.page_id)
        show_message(
            self,
            Kind.INFORMATION,
            self.tr("Help: %1").replace("%1", entry.title()),
            f"{entry.tooltip()}\n\n{page.empty_state.body.text()}",
        )

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
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        self._save_settings()
        super().closeEvent(event)
