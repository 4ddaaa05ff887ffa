"""The main window's project-file commands: new (the wizard), open (dialog, recent list, portfolio,
a dropped file), the demo company, save a copy, hand over a copy and the changes since, and a
bill table or scan dropped on the window. Part of :class:`~.main_window.MainWindow`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.settings import config_dir
from ecocheck_desktop.gui.start_folder import start_folder

if TYPE_CHECKING:
    from ecocheck_desktop.core.messages import Message
    from ecocheck_desktop.gui.wizard import NewCompanyAnswers, NewCompanyWizard


PROJECT_SUFFIX = ".ecocheck"
BILL_SUFFIXES = (".csv", ".xlsx")
EVIDENCE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")


class ProjectFileActions:
    """Part of MainWindow (its widgets, settings and service are defined there).

    Qt strings are translated in the MainWindow context, where the .ts file has them.
    """

    def new_project(self) -> NewCompanyWizard:
        """Open the new-company wizard (non-blocking); finishing it creates the file."""
        # the wizard's widgets load when it opens, not with the start window
        from ecocheck_desktop.gui.wizard import NewCompanyWizard

        if self.wizard is not None:
            self.wizard.close()
        self.wizard = NewCompanyWizard(self)
        self.wizard.file_page.start_folder = start_folder(self.settings.recent_files)
        self.wizard.completed.connect(self.create_project)
        home = self.pages.get("home")
        set_wizard_open = getattr(home, "set_wizard_open", None)
        if set_wizard_open is not None:
            set_wizard_open(True)
            self.wizard.finished.connect(lambda _result: set_wizard_open(False))
        self.wizard.open()
        return self.wizard

    def create_project(self, answers: NewCompanyAnswers) -> bool:
        try:
            self.service.new_project(
                answers.path,
                answers.company,
                answers.sites,
                answers.contracts,
                answers.first_fy,
                answers.employees,
            )
        except EcoCheckError as error:
            self._show_failure(list(error.messages))
            return False
        except Exception as error:  # a folder the user may not write to, a full disk
            self._show_environment_failure(error, answers.path)
            return False
        self.show_page("energy")
        # The grid's first cell takes the keyboard, now and once the wizard has closed.
        focus = getattr(self.page("energy"), "focus_first_cell", None)
        if callable(focus):
            focus()
            QTimer.singleShot(0, focus)
        return True

    def open_project_dialog(self) -> None:
        dialog = QFileDialog(
            self,
            QCoreApplication.translate("MainWindow", "Open project"),
            str(start_folder(self.settings.recent_files)),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(
            QCoreApplication.translate("MainWindow", "EcoCheck project (*.ecocheck)")
        )
        dialog.fileSelected.connect(self.open_project)
        dialog.open()

    def open_project(self, path: str) -> bool:
        try:
            self.service.open(path)
        except EcoCheckError as error:
            self._show_failure(list(error.messages))
            return False
        except Exception as error:  # a folder the user may not enter, a locked or full disk
            self._show_environment_failure(error, path)
            return False
        if self.current_page().page_id == "home":
            self.show_page("energy")
        return True

    def open_from_portfolio(self, path: str) -> bool:
        """Open a company listed on the portfolio page and show its results."""
        if not self.open_project(path):
            return False
        self.show_page("results")
        return True

    def _remember_portfolio_folder(self, folder: str) -> None:
        self.settings.portfolio_folder = folder
        self._save_settings()

    def open_demo(self) -> bool:
        """Write a fresh copy of the bundled demo company to the user's folder and open it."""
        # the demo's bills load when the demo is asked for
        from ecocheck_desktop.exchange.demo import demo_project

        path = config_dir() / "demo" / "demo.ecocheck"
        try:
            project = demo_project()
            self.service.close()  # the previous demo copy may be the open project
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            self.service.create_from(path, project)
        except EcoCheckError as error:
            self._show_failure(list(error.messages))
            return False
        except OSError as error:  # the config folder: named in the catalogue's words
            self._show_environment_failure(error, path)
            return False
        if self.current_page().page_id == "home":
            self.show_page("results")
        return True

    # -- hand-over between advisor and owner (store/handover.py) ----------------------------

    def hand_over_dialog(self) -> None:
        service = self.service
        if service.path is None:
            return
        stamp = datetime.now().strftime("%Y%m%d")
        self._ask_project_path(
            QCoreApplication.translate("MainWindow", "Hand over a copy"),
            service.path.with_name(f"{service.path.stem}-{stamp}{PROJECT_SUFFIX}"),
            self.hand_over,
        )

    def _ask_project_path(
        self, title: str, suggested: Path, chosen: Callable[[str], object]
    ) -> None:
        """Ask, without blocking, where to save a project file; ``chosen`` gets the path."""
        dialog = QFileDialog(self, title, str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(
            QCoreApplication.translate("MainWindow", "EcoCheck project (*.ecocheck)")
        )
        dialog.setDefaultSuffix(PROJECT_SUFFIX.lstrip("."))
        dialog.fileSelected.connect(chosen)
        dialog.open()

    def hand_over(self, path: str) -> bool:
        """Write a hand-over copy of the open project to ``path`` (File > Hand over a copy)."""
        from PySide6.QtCore import Qt  # kept off the start-up path (its enums are costly)

        # core.limits is not on the start window's path
        from ecocheck_desktop.core.limits import environment_message
        from ecocheck_desktop.gui.dialogs import handover  # noqa: F401 - its message texts

        # A quarter of a second for 25 MB of scans (bench/handover.py): a wait cursor is enough.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        failure: list[Message] = []
        try:
            self.service.hand_over(path)
        except EcoCheckError as error:
            failure = list(error.messages)
        except Exception as error:  # the environment, named (a defect is raised again)
            environment = environment_message(error, path)
            if environment is None:
                raise
            failure = [environment]
        finally:
            QApplication.restoreOverrideCursor()
        if failure:
            self._show_failure(failure)
            return False
        self.status_note(
            QCoreApplication.translate(
                "MainWindow", "A copy for hand-over was written to %1"
            ).replace("%1", path)
        )
        return True

    def save_copy_dialog(self) -> None:
        service = self.service
        if service.path is None:
            return
        self._ask_project_path(
            QCoreApplication.translate("MainWindow", "Save a copy as"),
            service.path.with_name(f"{service.path.stem}-copy{PROJECT_SUFFIX}"),
            self.save_copy,
        )

    def save_copy(self, path: str) -> bool:
        """Write the project as this window holds it to the new file ``path`` and carry on in
        it (File > Save a copy as…); a refusal has been shown by the service's failed signal."""
        warnings = self.service.save_copy_as(path)
        if self.service.path != Path(path):
            return False
        if warnings:  # saved, but some scans could not be read from the old file
            self._show_failure(warnings)
        self.status_note(
            QCoreApplication.translate("MainWindow", "The project was saved as %1").replace(
                "%1", path
            )
        )
        return True

    def _close_or_save_copy(self, discard: bool) -> None:
        if discard:
            self._discard_detached = True
            self.close()
        else:
            self.save_copy_dialog()

    def show_handover_changes(self) -> Any:
        """The non-blocking list of changes since the last hand-over."""
        from PySide6.QtCore import Qt  # kept off the start-up path (its enums are costly)

        # the hand-over dialog and its table load when it is shown
        from ecocheck_desktop.gui.dialogs.handover import HandoverDialog

        dialog = HandoverDialog(self.service.handover_changes(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _announce_handover_changes(self) -> None:
        """On opening a handed-over file: say what others changed since the hand-over."""
        try:
            changes = self.service.handover_changes()
        except EcoCheckError:
            return
        if changes is None or changes.mark is None or not changes.entries:
            return
        if all(entry.user == self.service.user for entry in changes.entries):
            return  # one's own edits need no announcement
        # the hand-over dialog and its table load when it is shown
        from ecocheck_desktop.gui.dialogs.handover import summary_text

        self.status_note(summary_text(changes))
        self.show_handover_changes()

    # -- drag and drop -----------------------------------------------------------------------

    @staticmethod
    def _dropped_path(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        suffixes = (PROJECT_SUFFIX, *BILL_SUFFIXES, *EVIDENCE_SUFFIXES)
        return path if path.suffix.lower() in suffixes else None

    def open_dropped(self, path: Path) -> None:
        """A project opens; a bill table goes to the import preview; a scan to the grid cell."""
        suffix = path.suffix.lower()
        if suffix == PROJECT_SUFFIX:
            self.open_project(str(path))
        elif suffix in BILL_SUFFIXES:
            self.import_bills(path)
        elif self._service is not None and self.service.is_open:
            # A scan goes to the selected cell of the energy grid.
            self.show_page("energy")
            page: Any = self.current_page()
            if not page.attach_bill(str(path)):
                self.status_note(
                    QCoreApplication.translate("MainWindow", "Bill attached: %1").replace(
                        "%1", path.name
                    )
                )
        else:
            self.status_note(
                QCoreApplication.translate(
                    "MainWindow", "Open or create a project first, then import bills."
                )
            )

    def import_bills(self, path: Path) -> None:
        if self._service is None or not self.service.is_open:
            self.status_note(
                QCoreApplication.translate(
                    "MainWindow", "Open or create a project first, then import bills."
                )
            )
            return
        # the import preview (and the bill readers) load with the first import
        from ecocheck_desktop.gui.dialogs.import_preview import ImportPreviewDialog

        ImportPreviewDialog.show_for(self, self.service, path)
