"""Import bills (CSV / XLSX) through a preview: every row and every problem before any write.

The file is read off the UI thread (openpyxl and pandas may take a while on a big workbook);
the dialog shows the rows that can be imported and each problem with its row and column. Only
"Import" writes, as one undoable step through the application service.
"""

from __future__ import annotations

from decimal import Decimal
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
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.factors import list_years
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.exchange.bill_company import (
    CompanyChange,
    apply_company_changes,
    company_changes,
)
from ecocheck_desktop.exchange.bills import read_bills
from ecocheck_desktop.gui.dialogs.contract_dialog import ContractDialog
from ecocheck_desktop.gui.message_text import energy_label, located_text
from ecocheck_desktop.gui.models.energy_grid import format_number
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.gui.widgets.build import named, wrapped_label
from ecocheck_desktop.gui.widgets.factor_entry import choice_text


class _ReadSignals(QObject):
    finished = Signal(object)  # BillImport
    failed = Signal(object)  # list[Message]


class _ReadBills(QRunnable):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.signals = _ReadSignals()

    def run(self) -> None:
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
        self.heading = wrapped_label(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the reader answers
        self.rows = QTableWidget(0, 6, self)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.company_label = named(wrapped_label(self), "importCompany")
        self.company_label.hide()
        self.problems_label = QLabel(self)
        self.problems = named(QListWidget(self), "importProblems")
        # Electricity of a year without an official list needs its factor (or an estimate):
        # it can be set here, before importing, and is stored with the import.
        self.needs_label = wrapped_label(self)
        self.needs = named(QListWidget(self), "importFactorNeeds")
        self.needs.setMaximumHeight(110)
        self.factor_button = named(QPushButton(self), "importFactor")
        self.factor_button.clicked.connect(self.edit_selected_need)
        self.pending: dict[tuple[str, str], SupplyContract] = {}
        self.contract_dialog: ContractDialog | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.progress, self.rows, self.company_label):
            layout.addWidget(widget)
        for widget in (self.problems_label, self.problems):
            layout.addWidget(widget)
        for widget in (self.needs_label, self.needs, self.factor_button):
            widget.hide()
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
        self.needs_label.setText(
            self.tr(
                "No official factor list for these years: enter each retailer's published factor "
                "(with its source) or choose an estimate. Otherwise the year stays incomplete."
            )
        )
        self.factor_button.setText(self.tr("Supplier and factor…"))
        self.resize(760, 640)

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
        changes = self.company_changes()
        if changes:
            self.company_label.setText(
                self.tr("The file also gives these company figures:")
                + "\n"
                + "\n".join("• " + self.change_text(c) for c in changes)
            )
            self.company_label.show()
        self._fill_needs()

    # -- factors the file's years need -------------------------------------------------------

    def factor_needs(self) -> list[tuple[str, str, int]]:
        """(site, energy, first SHK year) of electricity with no list and no factor chosen."""
        project = self.service.project
        if project is None or self.result is None:
            return []
        listed = set(list_years(self.service.factor_library()))
        needs: dict[tuple[str, str], int] = {}
        for record in self.result.records:
            if record.energy != "electricity" or record.factor_basic is not None:
                continue
            site = project.site_of(record)
            contract = self.pending.get((site, record.energy)) or project.contract_for(
                site, record.energy
            )
            if contract is not None and (
                contract.factor_choice or contract.factor_basic is not None
            ):
                continue
            # The electricity list follows the April–March 年度 of the month (the SHK year).
            year = fiscal_year_of(record.month, 4)
            if year not in listed:
                key = (site, record.energy)
                needs[key] = min(year, needs.get(key, year))
        return [(site, energy, year) for (site, energy), year in needs.items()]

    def _fill_needs(self) -> None:
        self.needs.clear()
        project = self.service.project
        for site, energy, year in self.factor_needs():
            item = QListWidgetItem(
                self.tr("%1 at %2 (FY%3): factor needed")
                .replace("%1", energy_label(energy))
                .replace("%2", site)
                .replace("%3", str(year))
            )
            item.setData(Qt.ItemDataRole.UserRole, (site, energy, year))
            self.needs.addItem(item)
        for (site, energy), contract in self.pending.items():
            item = QListWidgetItem(
                self.tr("%1 at %2: %3")
                .replace("%1", energy_label(energy))
                .replace("%2", site)
                .replace("%3", choice_text(contract))
            )
            item.setData(Qt.ItemDataRole.UserRole, (site, energy, 0))
            self.needs.addItem(item)
        shown = self.needs.count() > 0 and project is not None
        for widget in (self.needs_label, self.needs, self.factor_button):
            widget.setVisible(shown)
        if self.needs.count():
            self.needs.setCurrentRow(0)

    def edit_selected_need(self) -> ContractDialog | None:
        item = self.needs.currentItem()
        project = self.service.project
        if item is None or project is None:
            return None
        site, energy, year = item.data(Qt.ItemDataRole.UserRole)
        named = [
            c for c in getattr(self.result, "contracts", []) if (c.site, c.energy) == (site, energy)
        ]
        contract = (
            self.pending.get((site, energy))
            or project.contract_for(site, energy)
            or (named[0] if named else None)  # the supplier the file's rows name
            or SupplyContract(site, energy)
        )
        if not year:
            years = [y for s, e, y in self.factor_needs() if (s, e) == (site, energy)]
            year = years[0] if years else max(self.service.fiscal_years() or [2025])
        self.contract_dialog = ContractDialog.edit(
            self, contract, year, self._keep_contract, self.service.factor_library()
        )
        return self.contract_dialog

    def _keep_contract(self, contract: SupplyContract) -> None:
        self.pending[(contract.site, contract.energy)] = contract
        self._fill_needs()

    def show_failure(self, messages: list[Any]) -> None:
        self.progress.hide()
        self.heading.setText(self.tr("%1 cannot be imported.").replace("%1", self.path.name))
        for message in messages:
            self.problems.addItem(located_text(message))

    # -- the file's industry and revenue (issue 18) -------------------------------------------

    def company_changes(self) -> list[CompanyChange]:
        """The file's industry and revenue that differ from the open project's."""
        if self.result is None or self.service.project is None:
            return []
        return company_changes(
            self.service.project, self.result.industry, self.result.revenue_million_yen
        )

    def change_text(self, change: CompanyChange) -> str:
        if change.field == "industry":
            label = self.tr("Industry")
            old, new = str(change.old or ""), str(change.new)
        else:
            label = self.tr("Revenue FY%1 (million yen)").replace("%1", str(change.fiscal_year))
            old = format_number(change.old) if change.old is not None else ""
            new = format_number(Decimal(change.new))
        if not change.overwrites:
            return self.tr("%1: %2 (now empty)").replace("%1", label).replace("%2", new)
        return self.tr("%1: %2 → %3").replace("%1", label).replace("%2", old).replace("%3", new)

    def confirm_overwrite(self, changes: list[CompanyChange]) -> bool:
        """Ask before the file's values replace different ones of the project."""
        lines = "\n".join("• " + self.change_text(c) for c in changes)
        answer = QMessageBox.question(
            self,
            self.tr("Import bills"),
            self.tr(
                "The bill file gives other company figures than the project:\n%1\n\n"
                "Replace the project's values with the file's? (No keeps the project's values; "
                "the bills are imported either way.)"
            ).replace("%1", lines),
        )
        return answer == QMessageBox.StandardButton.Yes

    def do_import(self) -> None:
        if self.result is None:
            return
        # Like `ecocheck import`, the file's industry and revenue go into the project: empty
        # values are filled, a different existing value only if the user says so.
        changes = self.company_changes()
        replacing = [c for c in changes if c.overwrites]
        if replacing and not self.confirm_overwrite(replacing):
            changes = [c for c in changes if not c.overwrites]
        assert self.service.project is not None
        company, years = apply_company_changes(self.service.project, changes)
        # The bills, the factors chosen for them and the company figures: one undoable step.
        self.service.undo_stack.beginMacro(self.tr("Import bills"))
        try:
            changed = self.service.import_records(list(self.result.records), self.result.sites)
            for contract in self.pending.values():
                self.service.set_contract(contract)
            if company is not None:
                self.service.set_company(company)
            for data in years:
                self.service.set_fiscal_year(data)
        finally:
            self.service.undo_stack.endMacro()
        self.imported.emit(changed)
        self.accept()

    @classmethod
    def show_for(cls, parent: QWidget, service: ProjectService, path: Path) -> ImportPreviewDialog:
        dialog = cls(service, path, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.start()
        return dialog
