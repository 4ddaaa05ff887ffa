"""ポートフォリオ: an advisor's overview of the project files in one folder.

The page lists every ``.ecocheck`` file of the chosen folder with its key figures
(``exchange.portfolio``: read-only, one file at a time, off the UI thread), sorts and filters
them, opens one in the main window, writes a PDF report for each selected company (a progress
dialog with cancel; a file that fails never stops the batch) and exports the consortium summary
(``report.consortium``) built from the rows already on screen, so nothing is read twice.
The main window remembers the folder in the settings (``folder_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.exchange.portfolio import PortfolioRow, scan_folder, write_summaries
from ecocheck_desktop.gui.message_text import language, message_text, messages_text
from ecocheck_desktop.gui.messages import Kind, show_message
from ecocheck_desktop.gui.models.portfolio_table import (
    COLUMNS,
    PATH_ROLE,
    PortfolioFilter,
    PortfolioTableModel,
)
from ecocheck_desktop.gui.pages.base import Page
from ecocheck_desktop.gui.widgets.build import named
from ecocheck_desktop.gui.widgets.output_strip import OutputStrip
from ecocheck_desktop.gui.worker import Worker
from ecocheck_desktop.report import consortium

if TYPE_CHECKING:
    from ecocheck_desktop.report.batch import BatchResult  # reportlab: only when a batch runs

SCAN, REPORTS, CONSORTIUM = "scan", "reports", "consortium"


class PortfolioPage(Page):
    page_id = "portfolio"

    folder_changed = Signal(str)  # the main window remembers it in the settings
    project_requested = Signal(str)  # open this file in the main window
    scan_finished = Signal(int)  # rows listed
    batch_finished = Signal(int, int)  # reports written, failed
    export_finished = Signal(bool, str)  # ok, path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self._job: str | None = None
        self._batch_results: list[BatchResult] = []
        self._batch_dir: Path | None = None
        self.folder_button = self.empty_state.add_button(self.choose_folder, primary=True)

        self.worker = Worker(self)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.progress_dialog: QProgressDialog | None = None

        self.content = QWidget(self)
        self.title = named(QLabel(self.content), "pageTitle")
        self.folder_label = named(QLabel(self.content), "portfolioFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = QPushButton(self.content)
        self.change_button.clicked.connect(self.choose_folder)
        self.refresh_button = QPushButton(self.content)
        self.refresh_button.clicked.connect(self.refresh)

        self.filter_edit = named(QLineEdit(self.content), "portfolioFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.show_unreadable = QCheckBox(self.content)
        self.show_unreadable.setChecked(True)
        self.counts_label = QLabel(self.content)

        self.model = PortfolioTableModel(self)
        self.proxy = PortfolioFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.show_unreadable.toggled.connect(lambda on: self.proxy.set_hide_unreadable(not on))
        self.table = named(QTableView(self.content), "portfolioTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("company"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._set_buttons())

        self.open_button = QPushButton(self.content)
        self.open_button.clicked.connect(self.open_selected)
        self.reports_button = named(QPushButton(self.content), "portfolioReports")
        self.reports_button.clicked.connect(self.write_reports)
        self.anonymise_box = QCheckBox(self.content)
        self.consortium_pdf_button = QPushButton(self.content)
        self.consortium_pdf_button.clicked.connect(lambda: self.export_consortium("pdf"))
        self.consortium_csv_button = QPushButton(self.content)
        self.consortium_csv_button.clicked.connect(lambda: self.export_consortium("csv"))
        self.list_csv_button = QPushButton(self.content)
        self.list_csv_button.clicked.connect(lambda: self.export_consortium("list"))
        self.output = OutputStrip(self.content, "portfolioStatus", bar_width=220)

        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.change_button)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.show_unreadable)
        filters.addStretch(1)
        filters.addWidget(self.counts_label)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.reports_button)
        actions.addSpacing(24)
        actions.addWidget(self.consortium_pdf_button)
        actions.addWidget(self.consortium_csv_button)
        actions.addWidget(self.anonymise_box)
        actions.addStretch(1)
        actions.addWidget(self.list_csv_button)
        done = QHBoxLayout()
        done.addWidget(self.output.progress)
        done.addWidget(self.output.status, 1)
        done.addWidget(self.output.open_folder_button)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addLayout(top)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addLayout(done)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.content)
        self.content.hide()
        self.retranslate_ui()
        self._set_buttons()

    # -- dialogs tests replace ---------------------------------------------------------------

    @classmethod
    def ask_folder(cls, parent: QWidget, caption: str, start: str) -> str:
        """The folder the user chooses ("" when cancelled)."""
        return QFileDialog.getExistingDirectory(parent, caption, start)

    @classmethod
    def ask_path(cls, parent: QWidget, caption: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    # -- folder and scan ---------------------------------------------------------------------

    def busy(self) -> bool:
        return self._job is not None

    def choose_folder(self) -> None:
        start = str(self.folder) if self.folder is not None else str(Path.home())
        chosen = self.ask_folder(self, self.tr("Choose the folder of your client files"), start)
        if chosen:
            self.set_folder(chosen)
            self.folder_changed.emit(str(self.folder))

    def set_folder(self, folder: str | Path) -> None:
        """Show ``folder`` and scan it ("" shows the empty state)."""
        if not folder or self.busy():
            return
        self.folder = Path(folder)
        self.folder_label.setText(str(self.folder))
        self.folder_label.setToolTip(str(self.folder))
        self.empty_state.hide()
        self.content.show()
        self.refresh()

    def refresh(self) -> None:
        """Read the folder again (files added, removed or changed since)."""
        if self.folder is None or self.busy():
            return
        folder = self.folder

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return list(scan_folder(folder, progress=progress, cancelled=cancelled))

        self._start(SCAN, self.tr("Reading the project files …"), work)

    # -- open --------------------------------------------------------------------------------

    def selected_rows(self) -> list[PortfolioRow]:
        selection = self.table.selectionModel().selectedRows()
        rows = sorted(self.proxy.mapToSource(index).row() for index in selection)
        return [self.model.row_at(row) for row in rows]

    def _open_index(self, index: QModelIndex) -> None:
        path = index.siblingAtColumn(0).data(PATH_ROLE)
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if path and row.ok:
            self.project_requested.emit(str(path))
        elif row.error is not None:
            show_message(self, Kind.WARNING, self.tr("Cannot open"), message_text(row.error))

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open_index(self.proxy.mapFromSource(self.model.index(self._row_of(rows[0]), 0)))

    def _row_of(self, wanted: PortfolioRow) -> int:
        return next(i for i, row in enumerate(self.model.rows()) if row is wanted)

    # -- batch reports -----------------------------------------------------------------------

    def report_candidates(self) -> list[PortfolioRow]:
        """The selected readable rows; with no selection, every readable row shown."""
        rows = self.selected_rows()
        if not rows:
            shown = (
                self.proxy.mapToSource(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())
            )
            rows = [self.model.row_at(index.row()) for index in shown]
        return [row for row in rows if row.ok]

    def write_reports(self) -> None:
        rows = self.report_candidates()
        if self.busy() or not rows:
            return
        start = str(self._batch_dir or self.folder or Path.home())
        chosen = self.ask_folder(self, self.tr("Choose the folder for the PDF reports"), start)
        if not chosen:
            return
        out_dir = self._batch_dir = Path(chosen)
        files = [row.path for row in rows]
        lang = language()
        results = self._batch_results = []

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            # reportlab and the charts load when reports are written
            from ecocheck_desktop.report.batch import batch_reports

            for result in batch_reports(
                files, out_dir, lang=lang, progress=progress, cancelled=cancelled
            ):
                results.append(result)
            return results

        self._start(
            REPORTS, self.tr("Writing %1 PDF reports …").replace("%1", str(len(files))), work
        )
        dialog = self.progress_dialog = QProgressDialog(self)
        dialog.setWindowTitle(self.tr("PDF reports"))
        dialog.setLabelText(
            self.tr("Writing the reports of %1 companies …").replace("%1", str(len(files)))
        )
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setRange(0, len(files))
        dialog.setValue(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(self.cancel)
        dialog.open()

    def cancel(self) -> None:
        if self.busy():
            self.worker.cancel()
            self.output.status.setText(self.tr("Stopping after the current file …"))

    # -- consortium --------------------------------------------------------------------------

    def export_consortium(self, kind: str) -> None:
        """The consortium summary (PDF or CSV) or the list itself (CSV) of the rows shown."""
        rows = self.model.rows()
        if self.busy() or not rows:
            return
        captions = {
            "pdf": (self.tr("Consortium summary (PDF)"), self.tr("PDF (*.pdf)"), "pdf"),
            "csv": (self.tr("Consortium summary (CSV)"), self.tr("CSV (*.csv)"), "csv"),
            "list": (self.tr("Export the list (CSV)"), self.tr("CSV (*.csv)"), "csv"),
        }
        caption, filters, suffix = captions[kind]
        stem = "portfolio" if kind == "list" else "consortium"
        suggested = str((self.output.folder or self.folder or Path.home()) / f"{stem}.{suffix}")
        chosen = self.ask_path(self, caption, suggested, filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        anonymise = self.anonymise_box.isChecked()
        lang = language()

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            if kind == "list":
                names = (
                    (lambda index: consortium.anonymous_name(index, lang)) if anonymise else None
                )
                write_summaries(rows, path, anonymous_names=names)
                return path
            summary = consortium.summarise_rows(rows)
            if kind == "pdf":
                # reportlab loads for the PDF summary only
                from ecocheck_desktop.report.consortium_pdf import write_consortium_pdf

                write_consortium_pdf(summary, path, lang=lang, anonymise=anonymise)
            else:
                consortium.write_consortium_csv(summary, path, anonymise=anonymise, lang=lang)
            return path

        self.output.folder = path.parent
        self._start(CONSORTIUM, self.tr("Writing %1 …").replace("%1", path.name), work)

    # -- the running job ---------------------------------------------------------------------

    def _start(self, job: str, text: str, work: Any) -> None:
        self._job = job
        self.output.busy(text)
        self._set_buttons()
        self.worker.start(work)

    def _end(self) -> str:
        job = self._job or ""
        self._job = None
        self.output.idle()
        if self.progress_dialog is not None:
            dialog, self.progress_dialog = self.progress_dialog, None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        self._set_buttons()
        return job

    def _progressed(self, done: int, total: int) -> None:
        self.output.progress.setRange(0, total)
        self.output.progress.setValue(done)
        if self.progress_dialog is not None:
            self.progress_dialog.setValue(done)

    def _finished(self, result: object) -> None:
        job = self._end()
        if job == SCAN:
            assert isinstance(result, list)
            self.model.set_rows(result)
            self._fit_columns()
            self._show_counts()
            self._set_buttons()
            self.output.status.setText("")
            self.scan_finished.emit(len(result))
        elif job == REPORTS:
            self._report_batch(cancelled=False)
        elif job == CONSORTIUM:
            assert isinstance(result, Path)
            self.output.saved(self.tr("Saved: %1").replace("%1", str(result)), result.parent)
            self.export_finished.emit(True, str(result))

    def _cancelled(self) -> None:
        job = self._end()
        if job == REPORTS:
            self._report_batch(cancelled=True)
        else:
            self.output.status.setText(self.tr("Cancelled."))

    def _failed(self, problem: object) -> None:
        job = self._end()
        text = messages_text(problem) if isinstance(problem, list) else str(problem)
        self.output.status.setText(text)
        if job == SCAN:
            # E.g. the remembered folder was moved: say so on the page, no box at start-up.
            self.model.set_rows([])
            self.counts_label.setText("")
            self._set_buttons()
            self.scan_finished.emit(0)
            return
        if job == CONSORTIUM:
            self.export_finished.emit(False, "")
        if job == REPORTS:
            self.batch_finished.emit(0, 0)
        show_message(self, Kind.ERROR, self.tr("The portfolio could not be completed"), text)

    def _report_batch(self, *, cancelled: bool) -> None:
        results = self._batch_results
        written = [r for r in results if r.error is None]
        failed = [r for r in results if r.error is not None]
        text = (
            self.tr("%1 reports written to %2.")
            .replace("%1", str(len(written)))
            .replace("%2", str(self._batch_dir))
        )
        if failed:
            text += " " + self.tr("%1 could not be written.").replace("%1", str(len(failed)))
        if cancelled:
            text += " " + self.tr("Stopped before the end.")
        self.output.status.setText(text)
        self.output.folder = self._batch_dir
        self.output.open_folder_button.setVisible(bool(written))
        if failed:
            details = "\n".join(message_text(r.error) for r in failed if r.error is not None)
            show_message(self, Kind.WARNING, self.tr("PDF reports"), text, details=details)
        self.batch_finished.emit(len(written), len(failed))

    # -- state -------------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Fit the columns to their content, but cap the long texts so the numbers stay in view."""
        self.table.resizeColumnsToContents()
        caps = {"company": 180, "status": 110, "industry": 110, "file": 240}
        for name, cap in caps.items():
            column = COLUMNS.index(name)
            if self.table.columnWidth(column) > cap:
                self.table.setColumnWidth(column, cap)

    def _show_counts(self) -> None:
        rows = self.model.rows()
        unreadable = sum(1 for row in rows if not row.ok)
        text = self.tr("%1 project files").replace("%1", str(len(rows)))
        if unreadable:
            text += self.tr(", %1 without figures").replace("%1", str(unreadable))
        if not rows:
            text = self.tr("This folder holds no project files (.ecocheck).")
        self.counts_label.setText(text)

    def _set_buttons(self) -> None:
        idle = not self.busy()
        has_rows = bool(self.model.rows())
        selected = self.selected_rows()
        self.change_button.setEnabled(idle)
        self.refresh_button.setEnabled(idle and self.folder is not None)
        self.open_button.setEnabled(idle and len(selected) == 1 and selected[0].ok)
        self.reports_button.setEnabled(idle and any(row.ok for row in self.model.rows()))
        for button in (
            self.consortium_pdf_button,
            self.consortium_csv_button,
            self.list_csv_button,
        ):
            button.setEnabled(idle and has_rows)

    # -- texts -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No folder chosen yet"),
            self.tr(
                "For advisors: choose a folder that holds the project files of your client "
                "companies. Their key figures will be listed here side by side."
            ),
        )
        self.folder_button.setText(self.tr("Choose folder…"))
        if not hasattr(self, "content"):
            return
        self.title.setText(self.tr("Portfolio"))
        self.change_button.setText(self.tr("Change folder…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the folder again (F5)"))
        self.refresh_button.setShortcut("F5")
        self.filter_edit.setPlaceholderText(self.tr("Filter by company, industry or file name"))
        self.show_unreadable.setText(self.tr("Show files without figures"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected company (or double-click its row)"))
        self.reports_button.setText(self.tr("PDF reports…"))
        self.reports_button.setToolTip(
            self.tr(
                "A PDF report for each selected company (all companies listed if none is selected)"
            )
        )
        self.anonymise_box.setText(self.tr("Anonymise company names"))
        self.anonymise_box.setToolTip(
            self.tr("Companies appear as Company A, Company B … and file names are left out")
        )
        self.consortium_pdf_button.setText(self.tr("Consortium PDF…"))
        self.consortium_csv_button.setText(self.tr("Consortium CSV…"))
        self.consortium_pdf_button.setToolTip(
            self.tr(
                "Totals, by industry and by energy, the spread of intensity and the planned "
                "reductions of all companies listed, for the city or the consortium"
            )
        )
        self.list_csv_button.setText(self.tr("Export list (CSV)…"))
        self.output.open_folder_button.setText(self.tr("Open folder"))
        self.model.retranslate()
        if self.model.rows():
            self._show_counts()
