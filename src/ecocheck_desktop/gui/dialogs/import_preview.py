"""Import bills (CSV / XLSX) through a preview: every row and every problem before any write.

The file is read off the UI thread (openpyxl and pandas may take a while on a big workbook);
the dialog shows the rows that can be imported and each problem with its row and column. Only
"Import" writes, as one undoable step through the application service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.message_text import energy_label, located_text
from ecocheck_desktop.gui.models.energy_grid import format_number
from ecocheck_desktop.gui.service import ProjectService


class _ReadSignals(QObject):
    finished = Signal(object)  # BillImport
    failed = Signal(object)  # list[Message]


class _ReadBills(QRunnable):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.signals = _ReadSignals()

    def run(self) -> None:
        from ecocheck_desktop.exchange.bills import read_bills

        try:
            result = read_bills(self.path, skip_bad_rows=True)
        except EcoCheckError as error:
            self.signals.failed.emit(list(error.messages))
            return
        self.signals.finished.emit(result)


class ImportPreviewDialog(QDialog):
    imported = Signal(int)  # grid cells changed

    def __init__(self, service: ProjectService, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.service = service
        self.path = Path(path)
        self.result: Any = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the reader answers
        self.rows = QTableWidget(0, 6, self)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.progress, self.rows, self.problems_label, self.problems):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Import bills"))
        self.heading.setText(self.tr("Reading %1 …").replace("%1", self.path.name))
        self.problems_label.setText(self.tr("Problems (these rows will not be imported)"))
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("Month"),
                self.tr("Energy"),
                self.tr("Quantity"),
                self.tr("Unit"),
                self.tr("Site"),
                self.tr("Cost (yen)"),
            ]
        )
        self.import_button.setText(self.tr("Import"))
        self.resize(760, 560)

    def start(self) -> None:
        """Read the file in the thread pool; the dialog fills in when it is done."""
        job = _ReadBills(self.path)
        job.signals.finished.connect(self.show_result)
        job.signals.failed.connect(self.show_failure)
        self._job = job  # keep the signals object alive until it has spoken
        QThreadPool.globalInstance().start(job)

    def show_result(self, result: Any) -> None:
        self.result = result
        self.progress.hide()
        for record in result.records:
            row = self.rows.rowCount()
            self.rows.insertRow(row)
            cells = (
                record.month,
                energy_label(record.energy),
                format_number(record.quantity),
                record.unit,
                record.site,
                format_number(record.cost_yen, 0) if record.cost_yen is not None else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.rows.setItem(row, col, item)
        for message in [*result.problems, *result.warnings]:
            self.problems.addItem(located_text(message))
        self.heading.setText(
            self.tr("%1: %2 rows can be imported, %3 problems.")
            .replace("%1", self.path.name)
            .replace("%2", str(len(result.records)))
            .replace("%3", str(len(result.problems)))
        )
        self.import_button.setEnabled(bool(result.records))

    def show_failure(self, messages: list[Any]) -> None:
        self.progress.hide()
        self.heading.setText(self.tr("%1 cannot be imported.").replace("%1", self.path.name))
        for message in messages:
            self.problems.addItem(located_text(message))

    def do_import(self) -> None:
        if self.result is None:
            return
        changed = self.service.import_records(list(self.result.records), self.result.sites)
        self.imported.emit(changed)
        self.accept()

    @classmethod
    def show_for(cls, parent: QWidget, service: ProjectService, path: Path) -> ImportPreviewDialog:
        dialog = cls(service, path, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog
