"""The new-company wizard: company, site, fiscal year, electricity retailer and menu, gas, file.

The retailer is chosen from the official list of the first fiscal year, searched by name (any
width, hiragana or katakana) or registration number (A0269); its menus follow, the (残差) menu
preselected because that is what an ordinary contract is (docs/methodology.md). The wizard
only collects answers: ``answers()`` hands them to ``ProjectService.new_project`` through
the main window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.model import DEFAULT_CITY, DEFAULT_SITE, Company, Site, SupplyContract
from ecocheck_desktop.gui.start_folder import start_folder
from ecocheck_desktop.gui.widgets.build import form_rows, named, wrapped_label
from ecocheck_desktop.gui.widgets.contract_editor import ContractEditor
from ecocheck_desktop.gui.widgets.gas_details import GasDetails

# JSIC (日本標準産業分類) 大分類E 製造業 中分類: the app's users are small manufacturers.
JSIC_MANUFACTURING = (
    "E09 食料品製造業",
    "E10 飲料・たばこ・飼料製造業",
    "E11 繊維工業",
    "E12 木材・木製品製造業",
    "E13 家具・装備品製造業",
    "E14 パルプ・紙・紙加工品製造業",
    "E15 印刷・同関連業",
    "E16 化学工業",
    "E18 プラスチック製品製造業",
    "E19 ゴム製品製造業",
    "E21 窯業・土石製品製造業",
    "E22 鉄鋼業",
    "E23 非鉄金属製造業",
    "E24 金属製品製造業",
    "E25 はん用機械器具製造業",
    "E26 生産用機械器具製造業",
    "E27 業務用機械器具製造業",
    "E28 電子部品・デバイス・電子回路製造業",
    "E29 電気機械器具製造業",
    "E31 輸送用機械器具製造業",
    "E32 その他の製造業",
)


@dataclass(frozen=True)
class NewCompanyAnswers:
    path: Path
    company: Company
    sites: list[Site]
    contracts: list[SupplyContract]
    first_fy: int
    employees: Decimal | None = None  # of the first fiscal year (None: not given)


def current_fiscal_year(start_month: int = 4, today: date | None = None) -> int:
    today = today or date.today()
    return today.year if today.month >= start_month else today.year - 1


def _library() -> Any:
    return default_library()


class WizardCompanyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = named(QLineEdit(self), "companyName")
        self.kana = QLineEdit(self)
        self.industry = QComboBox(self)
        self.industry.setEditable(True)
        self.industry.addItems(JSIC_MANUFACTURING)
        self.industry.setObjectName("industry")
        # Nothing preselected: the owner picks (or types) the industry (issue 19).
        self.industry.setCurrentIndex(-1)
        self.industry.clearEditText()
        self.employees = named(QSpinBox(self), "employees")
        self.employees.setRange(0, 1_000_000)
        self.employees.setSpecialValueText("-")  # 0: not given
        self.city = QLineEdit(DEFAULT_CITY, self)
        self.site = named(QLineEdit(DEFAULT_SITE, self), "siteName")
        self.site_address = QLineEdit(self)
        self.start_month = QSpinBox(self)
        self.start_month.setRange(1, 12)
        self.start_month.setValue(4)
        self.first_fy = QSpinBox(self)
        self.first_fy.setRange(2013, 2100)
        # The last complete fiscal year: its twelve bills are all in the folder.
        self.first_fy.setValue(current_fiscal_year() - 1)
        self.first_fy.setObjectName("firstFiscalYear")
        # What the year means: 2024年度 = 2024年4月〜2025年3月 (with the company's start month).
        self.fy_hint = named(QLabel(self), "fiscalYearHint")
        self.first_fy.valueChanged.connect(self._show_fy_hint)
        self.start_month.valueChanged.connect(self._show_fy_hint)
        self.form = QFormLayout(self)
        self.labels = form_rows(
            self.form,
            self,
            (
                self.name,
                self.kana,
                self.industry,
                self.employees,
                self.city,
                self.site,
                self.site_address,
                self.start_month,
                self.first_fy,
            ),
        )
        self.form.addRow("", self.fy_hint)
        self.registerField("name*", self.name)

    def _show_fy_hint(self, *_args: Any) -> None:
        year, month = self.first_fy.value(), self.start_month.value()
        end_year, end_month = (year + 1, month - 1) if month > 1 else (year, 12)
        self.fy_hint.setText(
            self.tr("FY%1 = %2/%1 to %3/%4")
            .replace("%1", str(year))
            .replace("%2", str(month))
            .replace("%3", str(end_month))
            .replace("%4", str(end_year))
        )

    def employee_count(self) -> Decimal | None:
        return Decimal(self.employees.value()) if self.employees.value() else None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your company"))
        self.setSubTitle(self.tr("The name and place printed on your reports."))
        texts = (
            self.tr("Company name"),
            self.tr("Name in kana (optional)"),
            self.tr("Industry (JSIC)"),
            self.tr("Employees (optional)"),
            self.tr("City"),
            self.tr("Site name"),
            self.tr("Site address (optional)"),
            self.tr("Fiscal year starts in month"),
            self.tr("First fiscal year to enter"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.industry.lineEdit().setPlaceholderText(self.tr("Choose or type your industry"))
        self._show_fy_hint()


class ElectricityPage(QWizardPage):
    """Search the retailer list of the first fiscal year; pick the menu; say how the factor is
    chosen when the year has no list or the retailer is not in it."""

    def __init__(self, first_fy: QSpinBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_fy = first_fy
        self.editor = ContractEditor("electricity")
        self.editor.setObjectName("electricityContract")
        # The search, its results and the menu keep their names: tests and guides use them.
        self.search = self.editor.finder.search
        self.search.setObjectName("retailerSearch")
        self.results = self.editor.finder.results
        self.results.setObjectName("retailerResults")
        self.status = self.editor.finder.status
        self.menu = self.editor.menu
        self.menu.setObjectName("retailerMenu")
        self.factor = self.editor.factor
        self.note = wrapped_label(self)
        # In a scroll area: the factor entry's help lines are never squeezed out of sight.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        inner_column = QVBoxLayout(inner)
        inner_column.setContentsMargins(0, 0, 0, 0)
        inner_column.addWidget(self.note)
        inner_column.addWidget(self.editor)
        inner_column.addStretch(1)
        scroll.setWidget(inner)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll)
        self.editor.changed.connect(self.completeChanged)
        first_fy.valueChanged.connect(self.initializePage)
        self.initializePage()

    def initializePage(self, *_args: Any) -> None:
        if self.editor.fiscal_year != self._first_fy.value():
            self.editor.set_context(self._first_fy.value(), _library())

    def update_results(self) -> None:
        self.editor.finder.update_results()

    def isComplete(self) -> bool:
        return self.editor.is_complete()

    def contract(self, site: str) -> SupplyContract:
        """Always an electricity contract: a site without one would get no electricity line."""
        return self.editor.contract(site)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Electricity retailer"))
        self.setSubTitle(
            self.tr("Search by the retailer's name or registration number (e.g. A0269).")
        )
        self.search.setPlaceholderText(self.tr("Retailer name or number"))
        self.editor.retranslate()
        self.note.setText(
            self.tr(
                "If your bill names no special menu, keep the preselected (残差) menu: it is "
                "the factor for ordinary contracts. You can leave this empty and choose later."
            )
        )


class GasPage(QWizardPage):
    def __init__(self, first_fy: QSpinBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_fy = first_fy
        self.kind = named(QComboBox(self), "gasKind")
        self.supplier = named(QComboBox(self), "gasSupplier")
        self.supplier.setEditable(True)
        self.supplier.currentTextChanged.connect(self._fill_menus)
        self.menu = QComboBox(self)
        self.menu.setEditable(True)
        form = QFormLayout(self)
        self.labels = form_rows(form, self, (self.kind, self.supplier, self.menu))
        self.supplier_status = named(wrapped_label(self), "gasSupplierStatus")
        self.supplier_status.setStyleSheet("color: #7a5c00;")
        form.addRow(self.supplier_status)
        # As billed: the supplier's heat value (city gas) or the m3 -> t conversion (LPG).
        self.details = GasDetails("city_gas", self)
        form.addRow(self.details)
        self.details.changed.connect(self.completeChanged)
        self.kind.currentIndexChanged.connect(self._on_kind)

    def initializePage(self) -> None:
        self.supplier.clear()
        library = _library()
        edition = library.gas_edition(self._first_fy.value())
        names: dict[str, str] = {}
        if edition is not None:
            # The gas list has no search function; its rows are read to offer the names.
            lists = getattr(library, "_lists", {})
            for row in getattr(lists.get(edition.id), "rows", []):
                names.setdefault(row.supplier, row.reg_no)
        self.supplier.addItem("", "")
        for name, reg_no in names.items():
            self.supplier.addItem(f"{name}", reg_no)
        self._on_kind()

    def _on_kind(self, _index: int = -1) -> None:
        kind = self.kind.currentData() if self.kind.currentIndex() >= 0 else None
        city_gas = kind == "city_gas"
        self.supplier.setEnabled(city_gas)
        self.menu.setEnabled(city_gas)
        self.details.setVisible(bool(kind))
        if kind:
            self.details.set_energy(kind)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.kind.currentIndex() < 0:
            return False  # the user says which gas, or none (nothing is preselected)
        return not self.kind.currentData() or not self.details.problem()

    def _fill_menus(self, name: str) -> None:
        self.menu.clear()
        self.supplier_status.clear()
        if not name:
            return
        fiscal_year = self._first_fy.value()
        rows = _library().supplier_menus("gas", fiscal_year, name)
        for row in rows:
            self.menu.addItem(row.menu)
        if rows:
            return
        # An unmatched gas supplier is said, as an unmatched electricity retailer is.
        if _library().gas_edition(fiscal_year) is None:
            text = self.tr(
                "No gas supplier list for FY%1 is installed: the default factor of the fuel "
                "table is used for “%2”."
            )
        else:
            text = self.tr(
                "“%2” is not in the FY%1 gas supplier list: the default factor of the fuel "
                "table is used. Check the name on your bill."
            )
        self.supplier_status.setText(text.replace("%1", str(fiscal_year)).replace("%2", name))

    def contract(self, site: str) -> SupplyContract | None:
        kind = self.kind.currentData() if self.kind.currentIndex() >= 0 else None
        if not kind:
            return None
        if kind != "city_gas":
            return self.details.apply(SupplyContract(site, kind))
        typed = self.supplier.currentText().strip()
        index = self.supplier.currentIndex()
        # The picked item's number only while its name is what the box shows: text typed over
        # a pick names another supplier (matched by name or number like every other entry).
        picked = index >= 0 and self.supplier.itemText(index).strip() == typed
        supplier = (self.supplier.currentData() if picked else "") or typed
        contract = SupplyContract(site, "city_gas", supplier, self.menu.currentText().strip())
        return self.details.apply(contract)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Gas"))
        self.setSubTitle(self.tr("Which gas does the site buy? Choose 'None' if it uses none."))
        for label, text in zip(
            self.labels,
            (self.tr("Gas"), self.tr("City-gas supplier"), self.tr("Area / menu")),
            strict=True,
        ):
            label.setText(text)
        self.details.retranslate()
        current = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("City gas (都市ガス)"), "city_gas")
        self.kind.addItem(self.tr("LPG (プロパン)"), "lpg")
        self.kind.addItem(self.tr("None"), "")
        self.kind.setPlaceholderText(self.tr("Choose: city gas, LPG or none"))
        self.kind.setCurrentIndex(current)  # -1 until the user chooses
        self.kind.blockSignals(False)


class FilePage(QWizardPage):
    def __init__(self, name: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.path = named(QLineEdit(self), "projectPath")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.label = QLabel(self)
        self.note = wrapped_label(self)
        self.problem = named(QLabel(self), "pathProblem")
        self.problem.setStyleSheet("color: #a61b1b;")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        column = QVBoxLayout(self)
        column.addWidget(self.label)
        column.addLayout(row)
        column.addWidget(self.problem)
        column.addWidget(self.note)
        column.addStretch(1)
        self.registerField("path*", self.path)
        # Set by the main window: the last project's folder (else Documents, else home).
        self.start_folder: Path | None = None

    def initializePage(self) -> None:
        if not self.path.text():
            folder = self.start_folder or start_folder()
            stem = "".join(c for c in self._name.text() if c not in '\\/:*?"<>|').strip()
            self.path.setText(str(Path(folder) / f"{stem or 'company'}.ecocheck"))

    def validatePage(self) -> bool:
        """Refuse a file that exists (it may be another company's) or a folder that does not."""
        path = Path(self.path.text().strip())
        problem = ""
        if path.suffix.lower() != ".ecocheck":
            problem = self.tr("The file name must end with .ecocheck.")
        elif path.exists():
            problem = self.tr("This file already exists. Choose another name.")
        elif not path.parent.is_dir():
            problem = self.tr("The folder does not exist.")
        self.problem.setText(problem)
        return not problem

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Save project as"), self.path.text())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("EcoCheck project (*.ecocheck)"))
        dialog.setDefaultSuffix("ecocheck")
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Project file"))
        self.label.setText(self.tr("Where to keep this company's file"))
        self.browse.setText(self.tr("Browse…"))
        self.note.setText(
            self.tr(
                "Every change is saved to this file at once. You can copy it or send it to your "
                "advisor like any other file."
            )
        )


class NewCompanyWizard(QWizard):
    """Open with ``open()``; ``completed`` carries the answers when the user finishes."""

    completed = Signal(object)  # NewCompanyAnswers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCompanyWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.company_page = WizardCompanyPage(self)
        self.electricity_page = ElectricityPage(self.company_page.first_fy, self)
        self.gas_page = GasPage(self.company_page.first_fy, self)
        self.file_page = FilePage(self.company_page.name, self)
        for page in (self.company_page, self.electricity_page, self.gas_page, self.file_page):
            self.addPage(page)
        self.accepted.connect(lambda: self.completed.emit(self.answers()))
        self.resize(720, 760)
        screen = self.screen() or (parent.screen() if parent is not None else None)
        if screen is not None:  # 1366×768 (less the taskbar) at 100 %, or a scaled screen
            room = screen.availableGeometry()
            self.resize(min(720, room.width() - 40), min(760, room.height() - 60))
        self.retranslate_ui()

    def answers(self) -> NewCompanyAnswers:
        page = self.company_page
        company = Company(
            name=page.name.text().strip(),
            name_kana=page.kana.text().strip(),
            industry=page.industry.currentText().strip(),
            city=page.city.text().strip() or DEFAULT_CITY,
            fy_start_month=page.start_month.value(),
        )
        site_name = page.site.text().strip() or DEFAULT_SITE
        site = Site(site_name, page.site_address.text().strip())
        contracts = [
            c
            for c in (self.electricity_page.contract(site_name), self.gas_page.contract(site_name))
            if c is not None
        ]
        return NewCompanyAnswers(
            Path(self.file_page.path.text().strip()),
            company,
            [site],
            contracts,
            page.first_fy.value(),
            page.employee_count(),
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New company"))
        for page in (self.company_page, self.electricity_page, self.gas_page, self.file_page):
            page.retranslate()

    def changeEvent(self, event: Any) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
