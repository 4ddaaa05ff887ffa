"""会社情報's bank-pack fields (issue 18): the representative, verification, the base-year
recalculation threshold, the lender and its sector benchmark, and each year's reasons for the
change. Every edit goes through ProjectService (set_company / set_fiscal_year: one undo step,
refused with a message when core.bank_fields' rules are broken)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ecocheck_desktop.core.limits import text_limit
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import VERIFICATION_STATES, FiscalYearData
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.gui.message_text import message_text
from ecocheck_desktop.gui.models.energy_grid import format_number
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.gui.widgets.build import named

TEXT_FIELDS = (
    "representative_name",
    "representative_title",
    "verifier",
    "lender_name",
    "sector_benchmark_source",
)
NUMBER_FIELDS = ("recalc_threshold_pct", "sector_benchmark_pct_per_year")
_INVALID_STYLE = "background: #fde2e1;"


class BankFields(QGroupBox):
    """The bank pack's company fields; ``reasons`` (the selected year's text) is placed in the
    page's fiscal-year form by the page."""

    def __init__(self, parent: QWidget | None, service: ProjectService) -> None:
        super().__init__(parent)
        self.service = service
        self._filling = False
        self._year: int | None = None
        form = QFormLayout(self)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.verification = named(QComboBox(self), "company_verification")
        self.verification.activated.connect(self._save)
        for key in ("representative_name", "representative_title"):
            self._add_line(form, key)
        self.labels["verification"] = QLabel(self)
        form.addRow(self.labels["verification"], self.verification)
        for key in ("verifier", "recalc_threshold_pct", "lender_name"):
            self._add_line(form, key)
        for key in ("sector_benchmark_pct_per_year", "sector_benchmark_source"):
            self._add_line(form, key)
        self.reasons = named(QLineEdit(), "year_change_reasons")
        self.reasons.setMaxLength(text_limit("FiscalYearData", "change_reasons"))
        self.reasons.editingFinished.connect(self._save_reasons)
        self.reasons_label = QLabel()
        self.retranslate_ui()

    def _add_line(self, form: QFormLayout, key: str) -> None:
        edit = named(QLineEdit(self), f"company_{key}")
        if key in TEXT_FIELDS:
            edit.setMaxLength(text_limit("Company", key))
        edit.editingFinished.connect(self._save)
        self.edits[key] = edit
        self.labels[key] = QLabel(self)
        form.addRow(self.labels[key], edit)

    # -- filling -----------------------------------------------------------------------------

    def refresh(self) -> None:
        project = self.service.project
        if project is None:
            return
        company = project.company
        self._filling = True
        try:
            for key in TEXT_FIELDS:
                if not self.edits[key].hasFocus():
                    self.edits[key].setText(getattr(company, key))
            for key in NUMBER_FIELDS:
                if not self.edits[key].hasFocus():
                    self.edits[key].setText(format_number(getattr(company, key)))
                    self.edits[key].setStyleSheet("")
            index = self.verification.findData(company.verification)
            self.verification.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False

    def show_year(self, year: int | None) -> None:
        """The page's selected fiscal year: its reasons for the change."""
        self._year = year
        project = self.service.project
        if project is None or year is None or self.reasons.hasFocus():
            return
        data = project.fiscal_years.get(year, FiscalYearData(year))
        self._filling = True
        self.reasons.setText(data.change_reasons)
        self._filling = False

    # -- saving ------------------------------------------------------------------------------

    def _save(self, *_args: Any) -> None:
        project = self.service.project
        if project is None or self._filling:
            return
        values: dict[str, Any] = {key: self.edits[key].text().strip() for key in TEXT_FIELDS}
        values["verification"] = self.verification.currentData() or "none"
        for key in NUMBER_FIELDS:
            edit = self.edits[key]
            text = edit.text().strip()
            number: Decimal | None = None
            if text:
                try:
                    number = parse_quantity(text)
                except EcoCheckError as error:
                    edit.setStyleSheet(_INVALID_STYLE)
                    edit.setToolTip(message_text(error.messages[0]))
                    number = getattr(project.company, key)
            values[key] = number
        self.service.set_company(replace(project.company, **values))

    def _save_reasons(self) -> None:
        project = self.service.project
        year = self._year
        if project is None or year is None or self._filling:
            return
        data = project.fiscal_years.get(year, FiscalYearData(year))
        self.service.set_fiscal_year(replace(data, change_reasons=self.reasons.text().strip()))

    # -- texts -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("For the bank (sustainability-linked loan)"))
        labels = {
            "representative_name": self.tr("Representative's name"),
            "representative_title": self.tr("Representative's title"),
            "verification": self.tr("Verification"),
            "verifier": self.tr("Verifier (third party)"),
            "recalc_threshold_pct": self.tr("Base-year recalculation threshold (%)"),
            "lender_name": self.tr("Lender"),
            "sector_benchmark_pct_per_year": self.tr("Lender's sector benchmark (%/yr)"),
            "sector_benchmark_source": self.tr("Source of the benchmark"),
        }
        for key, text in labels.items():
            self.labels[key].setText(text)
        self.edits["recalc_threshold_pct"].setPlaceholderText("5")
        names = {
            "none": self.tr("None"),
            "self": self.tr("Self-checked"),
            "third_party": self.tr("Third-party verified"),
        }
        current = self.verification.currentData()
        self.verification.clear()
        for state in VERIFICATION_STATES:
            self.verification.addItem(names[state], state)
        self.verification.setCurrentIndex(max(self.verification.findData(current), 0))
        self.reasons_label.setText(self.tr("Reasons for the change against the year before"))
        self.reasons.setPlaceholderText(
            self.tr("e.g. more orders; new inverter compressor from October")
        )
        self.refresh()
