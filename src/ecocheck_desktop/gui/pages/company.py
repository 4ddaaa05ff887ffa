"""会社情報: the company profile, its sites and supply contracts, and per-year figures.

Each field is saved when the user leaves it (one undoable step each); a figure that is not a
number is marked and not stored, like a bad cell of the energy grid.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.limits import MAX_SITE_NAME, text_limit
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import FiscalYearData, Site, SupplyContract
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.gui.dialogs.contract_dialog import ContractDialog
from ecocheck_desktop.gui.message_text import energy_label, message_text
from ecocheck_desktop.gui.models.energy_grid import format_number
from ecocheck_desktop.gui.pages.project_page import ProjectPage, fiscal_year_text, set_texts
from ecocheck_desktop.gui.widgets.bank_fields import BankFields
from ecocheck_desktop.gui.widgets.build import named, wrapped_label
from ecocheck_desktop.gui.widgets.factor_entry import choice_text
from ecocheck_desktop.gui.wizard import JSIC_MANUFACTURING, current_fiscal_year

PROFILE_FIELDS = ("name", "name_kana", "industry", "city", "address", "contact", "advisor")
YEAR_FIELDS = (
    "revenue_million_yen",
    "value_added_million_yen",
    "employees",
    "production_quantity",
    "floor_area_m2",
)
_INVALID_STYLE = "background: #fde2e1;"
FACTOR_COLUMN = 4
# Energies a contract can be added for: those with a supplier, a factor or a conversion.
CONTRACT_ENERGIES = ("electricity", "city_gas", "lpg", "heat")


def supplier_name(contract: SupplyContract, fiscal_year: int | None, library: Any) -> str:
    """The supplier as the bill names it: a registration number (A0269) becomes the
    retailer's name from the year's list; anything else is shown as stored."""
    number = contract.supplier.strip()
    if fiscal_year is None or not number[:1].isalpha() or not number[1:].isdigit():
        return contract.supplier
    if contract.energy == "electricity":
        rows = library.retailer_menus(fiscal_year, number)
    elif contract.energy in ("city_gas", "heat"):
        kind = "gas" if contract.energy == "city_gas" else "heat"
        rows = library.supplier_menus(kind, fiscal_year, number)
    else:
        rows = []
    names = {row.supplier for row in rows if row.reg_no == number}
    return names.pop() if len(names) == 1 else contract.supplier


class CompanyPage(ProjectPage):
    page_id = "company"

    def setup_ui(self) -> None:
        self.content = QScrollArea(self)
        self.content.setWidgetResizable(True)
        self.content.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self.content)
        self.content.setWidget(inner)
        self.title = self.page_title(inner)

        # Profile
        self.profile_box = QGroupBox(inner)
        profile = QFormLayout(self.profile_box)
        self.profile: dict[str, QLineEdit | QComboBox] = {}
        self.profile_labels: dict[str, QLabel] = {}
        for key in PROFILE_FIELDS:
            widget: QLineEdit | QComboBox
            if key == "industry":
                widget = QComboBox(self.profile_box)
                widget.setEditable(True)
                widget.addItems(JSIC_MANUFACTURING)
                line = widget.lineEdit()
                assert line is not None
                line.setMaxLength(text_limit("Company", key))
                line.editingFinished.connect(self._save_profile)
                widget.activated.connect(self._save_profile)
            else:
                widget = QLineEdit(self.profile_box)
                widget.setMaxLength(text_limit("Company", key))  # the caps of core.limits
                widget.editingFinished.connect(self._save_profile)
            widget.setObjectName(f"company_{key}")
            self.profile[key] = widget
            self.profile_labels[key] = QLabel(self.profile_box)
            profile.addRow(self.profile_labels[key], widget)
        self.start_month = QSpinBox(self.profile_box)
        self.start_month.setRange(1, 12)
        self.start_month.editingFinished.connect(self._save_profile)
        self.start_month_label = QLabel(self.profile_box)
        profile.addRow(self.start_month_label, self.start_month)

        # Fiscal-year figures
        self.year_box = QGroupBox(inner)
        year_form = QFormLayout(self.year_box)
        self.year_combo = QComboBox(self.year_box)
        self.year_combo.currentIndexChanged.connect(self._fill_year)
        self.year_combo.activated.connect(lambda _index: self.refresh())
        self.year_label = QLabel(self.year_box)
        year_form.addRow(self.year_label, self.year_combo)
        self.year_fields: dict[str, QLineEdit] = {}
        self.year_labels: dict[str, QLabel] = {}
        for key in YEAR_FIELDS:
            edit = named(QLineEdit(self.year_box), f"year_{key}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.editingFinished.connect(self._save_year)
            self.year_fields[key] = edit
            self.year_labels[key] = QLabel(self.year_box)
            year_form.addRow(self.year_labels[key], edit)
        self.production_unit = QLineEdit(self.year_box)
        self.production_unit.editingFinished.connect(self._save_year)
        self.production_unit_label = QLabel(self.year_box)
        year_form.addRow(self.production_unit_label, self.production_unit)
        # Issue 18: the bank pack's fields, and the year's reasons for the change.
        self.bank = BankFields(inner, self.service)
        year_form.addRow(self.bank.reasons_label, self.bank.reasons)

        # Sites and contracts
        self.sites_box = QGroupBox(inner)
        sites_column = QVBoxLayout(self.sites_box)
        self.sites = wrapped_label(self.sites_box)
        add_site = QHBoxLayout()
        self.new_site = QLineEdit(self.sites_box)
        self.new_site.setMaxLength(MAX_SITE_NAME)
        self.add_site_button = QPushButton(self.sites_box)
        self.add_site_button.clicked.connect(self._add_site)
        add_site.addWidget(self.new_site, 1)
        add_site.addWidget(self.add_site_button)
        self.contracts = named(QTableWidget(0, 5, self.sites_box), "contracts")
        self.contracts.verticalHeader().hide()
        header = self.contracts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.contracts.setMaximumHeight(160)
        self.contracts.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.contracts.itemChanged.connect(self._save_contract)
        self.contracts.itemSelectionChanged.connect(self._update_buttons)
        self.contracts_label = QLabel(self.sites_box)
        # A contract's factor is set in the contract dialog (source required, or an estimate).
        contract_bar = QHBoxLayout()
        self.edit_contract_button = named(QPushButton(self.sites_box), "editContract")
        self.edit_contract_button.clicked.connect(self.edit_selected_contract)
        self.new_contract_site = named(QComboBox(self.sites_box), "newContractSite")
        self.new_contract_energy = named(QComboBox(self.sites_box), "newContractEnergy")
        self.add_contract_button = named(QPushButton(self.sites_box), "addContract")
        self.add_contract_button.clicked.connect(self.add_contract)
        contract_bar.addWidget(self.new_contract_site)
        contract_bar.addWidget(self.new_contract_energy)
        contract_bar.addWidget(self.add_contract_button)
        self.factor_help = wrapped_label(self.sites_box)
        sites_column.addWidget(self.sites)
        sites_column.addLayout(add_site)
        sites_column.addWidget(self.contracts_label)
        sites_column.addWidget(self.contracts)
        sites_column.addWidget(self.edit_contract_button, 0, Qt.AlignmentFlag.AlignLeft)
        sites_column.addWidget(self.factor_help)
        sites_column.addLayout(contract_bar)
        self.contract_dialog: ContractDialog | None = None

        # Two columns side by side when they fit, one above the other when not: the page never
        # scrolls sideways (issue 19: it did at the default window size).
        self._columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        left = QVBoxLayout()
        left.addWidget(self.profile_box)
        left.addWidget(self.bank)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.year_box)
        right.addWidget(self.sites_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(inner)
        outer.addWidget(self.title)
        outer.addLayout(columns)
        self.show_content()

        self._left, self._right = left, right
        self._filling = False
        self.service.project_changed.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    # -- filling -----------------------------------------------------------------------------

    def refresh(self) -> None:
        project = self.service.project
        if not self.show_open(project is not None):
            return
        self._filling = True
        try:
            company = project.company
            for key, widget in self.profile.items():
                value = getattr(company, key)
                if isinstance(widget, QComboBox):
                    if not widget.hasFocus():
                        widget.setCurrentText(value)
                elif not widget.hasFocus():
                    widget.setText(value)
            self.start_month.setValue(company.fy_start_month)
            self.bank.refresh()
            years = self.service.fiscal_years()
            shown = [self.year_combo.itemData(i) for i in range(self.year_combo.count())]
            if years != shown:
                self.year_combo.clear()
                for year in years:
                    self.year_combo.addItem(fiscal_year_text(year), year)
                if years:
                    self.year_combo.setCurrentIndex(len(years) - 1)
            self._fill_year()
            self.sites.setText(" / ".join(site.name for site in project.sites))
            self.contracts.setRowCount(0)
            for contract in project.contracts:
                row = self.contracts.rowCount()
                self.contracts.insertRow(row)
                cells = (
                    contract.site,
                    energy_label(contract.energy),
                    supplier_name(contract, self._dialog_year(), self.service.factor_library()),
                    contract.menu,
                    choice_text(contract, self._dialog_year(), self.service.factor_library()),
                )
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    if col < 2 or col == FACTOR_COLUMN:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setData(Qt.ItemDataRole.UserRole, contract)
                    self.contracts.setItem(row, col, item)
            sites = [site.name for site in project.sites]
            if sites != [
                self.new_contract_site.itemText(i) for i in range(self.new_contract_site.count())
            ]:
                self.new_contract_site.clear()
                self.new_contract_site.addItems(sites)
        finally:
            self._filling = False
        self._update_buttons()

    def _fill_year(self, _index: int = -1) -> None:
        year = self.year_combo.currentData()
        project = self.service.project
        if project is None or year is None:
            return
        data = project.fiscal_years.get(year, FiscalYearData(year))
        filling, self._filling = self._filling, True
        for key, edit in self.year_fields.items():
            if not edit.hasFocus():
                value: Decimal | None = getattr(data, key)
                edit.setText(format_number(value))
                edit.setStyleSheet("")
                edit.setToolTip("")
        self.production_unit.setText(data.production_unit)
        self.bank.show_year(year)
        self._filling = filling

    # -- saving ------------------------------------------------------------------------------

    def _save_profile(self, *_args: Any) -> None:
        project = self.service.project
        if project is None or self._filling:
            return
        values: dict[str, Any] = {
            key: (w.currentText() if isinstance(w, QComboBox) else w.text()).strip()
            for key, w in self.profile.items()
        }
        if not values["name"]:
            values["name"] = project.company.name  # a company always has a name
        values["fy_start_month"] = self.start_month.value()
        self.service.set_company(replace(project.company, **values))

    def _save_year(self) -> None:
        project = self.service.project
        year = self.year_combo.currentData()
        if project is None or year is None or self._filling:
            return
        data = project.fiscal_years.get(year, FiscalYearData(year))
        values: dict[str, Any] = {"production_unit": self.production_unit.text().strip()}
        for key, edit in self.year_fields.items():
            text = edit.text()
            if not text.strip():
                values[key] = None
                continue
            try:
                values[key] = parse_quantity(text)
            except EcoCheckError as error:
                edit.setStyleSheet(_INVALID_STYLE)
                edit.setToolTip(message_text(error.messages[0]))
                values[key] = getattr(data, key)  # keep what is stored
                continue
            edit.setStyleSheet("")
            edit.setToolTip("")
        self.service.set_fiscal_year(replace(data, **values))

    def _add_site(self) -> None:
        name = self.new_site.text().strip()
        if name and self.service.is_open:
            self.service.upsert_site(Site(name))
            self.new_site.clear()

    def _save_contract(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() < 2 or item.column() == FACTOR_COLUMN:
            return
        contract: SupplyContract = item.data(Qt.ItemDataRole.UserRole)
        row = item.row()
        supplier = self.contracts.item(row, 2)
        menu = self.contracts.item(row, 3)
        typed = supplier.text().strip() if supplier else ""
        shown = supplier_name(contract, self._dialog_year(), self.service.factor_library())
        self.service.set_contract(
            replace(
                contract,
                # The cell shows the retailer's name for a stored number (A0269): unchanged,
                # the number stays; typed over, the new text is the supplier.
                supplier=typed if typed and typed != shown else contract.supplier,
                menu=menu.text().strip() if menu else contract.menu,
            )
        )

    def _update_buttons(self) -> None:
        self.edit_contract_button.setEnabled(self.selected_contract() is not None)
        self.add_contract_button.setEnabled(self.service.is_open)

    def selected_contract(self) -> SupplyContract | None:
        row = self.contracts.currentRow()
        item = self.contracts.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _dialog_year(self) -> int:
        year = self.year_combo.currentData()
        if year is not None:
            return int(year)
        years = self.service.fiscal_years()
        return years[-1] if years else current_fiscal_year() - 1

    def edit_contract(self, contract: SupplyContract) -> ContractDialog:
        """Open the contract dialog; OK stores the contract (one undoable step)."""
        self.contract_dialog = ContractDialog.edit(
            self,
            contract,
            self._dialog_year(),
            self.service.set_contract,
            self.service.factor_library(),
        )
        return self.contract_dialog

    def edit_selected_contract(self) -> ContractDialog | None:
        contract = self.selected_contract()
        return self.edit_contract(contract) if contract is not None else None

    def add_contract(self) -> ContractDialog | None:
        """A new contract for the chosen site and energy (an existing one is edited instead)."""
        project = self.service.project
        site = self.new_contract_site.currentText()
        energy = self.new_contract_energy.currentData()
        if project is None or not site or not energy:
            return None
        contract = project.contract_for(site, energy) or SupplyContract(site, energy)
        return self.edit_contract(contract)

    # -- texts -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_columns()

    def _arrange_columns(self) -> None:
        """Side by side only if both columns get at least their minimum width."""
        margins = self.content.widget().contentsMargins()
        spare = self.content.width() - margins.left() - margins.right() - 24  # a scroll bar
        side_by_side = (
            self._left.minimumSize().width()
            + self._right.minimumSize().width()
            + self._columns.spacing()
        )
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if spare >= side_by_side
            else QBoxLayout.Direction.TopToBottom
        )
        if self._columns.direction() != wanted:
            self._columns.setDirection(wanted)

    def retranslate_content(self) -> None:
        if hasattr(self, "bank"):
            self.bank.retranslate_ui()
        self.profile_box.setTitle(self.tr("Profile"))
        labels = {
            "name": self.tr("Company name"),
            "name_kana": self.tr("Name in kana"),
            "industry": self.tr("Industry (JSIC)"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "contact": self.tr("Contact person"),
            "advisor": self.tr("Advisor"),
        }
        set_texts(self.profile_labels, labels)
        self.start_month_label.setText(self.tr("Fiscal year starts in month"))
        self.year_box.setTitle(self.tr("Figures of the fiscal year (for intensities)"))
        self.year_label.setText(self.tr("Fiscal year"))
        year_labels = {
            "revenue_million_yen": self.tr("Revenue (million yen)"),
            "value_added_million_yen": self.tr("Value added (million yen)"),
            "employees": self.tr("Employees"),
            "production_quantity": self.tr("Production quantity"),
            "floor_area_m2": self.tr("Floor area (m²)"),
        }
        set_texts(self.year_labels, year_labels)
        self.production_unit_label.setText(self.tr("Production unit (t, pieces …)"))
        self.sites_box.setTitle(self.tr("Sites and supply contracts"))
        self.new_site.setPlaceholderText(self.tr("Name of another site"))
        self.add_site_button.setText(self.tr("Add site"))
        self.contracts_label.setText(
            self.tr("Contracts (double-click the supplier or menu to change it)")
        )
        self.contracts.setHorizontalHeaderLabels(
            [
                self.tr("Site"),
                self.tr("Energy"),
                self.tr("Supplier"),
                self.tr("Menu"),
                self.tr("Factor"),
            ]
        )
        self.edit_contract_button.setText(self.tr("Supplier and factor…"))
        self.add_contract_button.setText(self.tr("Add contract…"))
        energy = self.new_contract_energy.currentData()
        self.new_contract_energy.clear()
        for code in CONTRACT_ENERGIES:
            self.new_contract_energy.addItem(energy_label(code), code)
        self.new_contract_energy.setCurrentIndex(max(self.new_contract_energy.findData(energy), 0))
        self.factor_help.setText(
            self.tr(
                "For a year without an official list, or a retailer not in it, open "
                "“Supplier and factor…” and enter the factor from the retailer's "
                "「電源構成・CO2排出係数」 page or your bill, with its source, or choose an "
                "estimate (推計)."
            )
        )
        if self.service.is_open:
            self.refresh()
        self.retitle_items(self.year_combo)
