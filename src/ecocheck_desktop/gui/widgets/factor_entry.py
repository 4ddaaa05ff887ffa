"""How a contract's emission factor is chosen: the official list, the supplier's published
value typed in (with its source, required), or an estimate (推計) chosen knowingly.

The widget only collects: ``apply(contract)`` returns the contract with ``factor_choice``,
the factors (t-CO2 per table unit) and their source set; the calculation reads them. A factor
typed in kg-CO2/kWh is accepted with the unit switch, and a value 1000 times off is refused
with a hint rather than stored.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.gui.widgets.build import form_rows, named, wrapped_label
from ecocheck_desktop.gui.widgets.energy_widget import EnergyWidget, hint_label

LIBRARY, USER, ESTIMATE = "library", "user", "estimate"
_THOUSAND = Decimal(1000)
# Above this a factor in t-CO2 per kWh is 1000 times any real one (coal is ~0.001): kg was meant.
_ELECTRICITY_T_MAX = Decimal("0.002")
# t-CO2 per 千m3 of city gas is ~2; above 100 the value was given per m3 in g or kg per 千m3.
_GAS_T_MAX = Decimal(100)


def choice_text(
    contract: SupplyContract, fiscal_year: int | None = None, library: Any = None
) -> str:
    """ライブラリ / 入力値（出典: …）/ 推計（…）: how the contract's factor was chosen.

    With a ``fiscal_year`` and ``library``, electricity left to a library that has no list for
    that year reads 「係数未設定」 rather than ライブラリ: the year is incomplete, not resolved.
    """

    translate = QCoreApplication.translate
    if contract.factor_choice == ESTIMATE:
        if contract.estimate_basis == "retailer":
            return translate("FactorEntry", "Estimate (same supplier, nearest list)")
        return translate("FactorEntry", "Estimate (substitute value of the nearest list)")
    if contract.factor_choice == USER or contract.factor_basic is not None:
        entered = translate("FactorEntry", "Entered (source: %1)")
        return entered.replace("%1", contract.factor_source or "-")
    # The factor library's module only where a library is at hand: the energy page imports
    # this one, and a project file opens on that page before its library is loaded.
    from ecocheck_desktop.core.factors import list_years

    if (
        fiscal_year is not None
        and library is not None
        and contract.energy == "electricity"
        and fiscal_year not in list_years(library)
    ):
        no_list = translate("FactorEntry", "No factor yet (no list for FY%1)")
        return no_list.replace("%1", str(fiscal_year))
    return translate("FactorEntry", "Library")


class FactorEntry(EnergyWidget):
    """Three choices, the fields of the chosen one, and a red hint while it is incomplete."""

    def __init__(self, energy: str = "electricity", parent: QWidget | None = None) -> None:
        super().__init__(energy, parent)
        self.supplier = ""
        self.use_library = named(QRadioButton(self), "factorLibrary")
        self.use_user = named(QRadioButton(self), "factorUser")
        self.use_estimate = named(QRadioButton(self), "factorEstimate")
        self.group = QButtonGroup(self)
        for button in (self.use_library, self.use_user, self.use_estimate):
            self.group.addButton(button)
            button.toggled.connect(self._update)
        self.library_note = wrapped_label(self)

        self.user_box = QWidget(self)
        form = QFormLayout(self.user_box)
        # A long label goes above its field when the row is narrow (the wizard at 125–150 %,
        # English labels): never a sideways-scrolling step.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setContentsMargins(24, 0, 0, 0)
        self.basic = named(QLineEdit(self.user_box), "factorBasic")
        self.adjusted = named(QLineEdit(self.user_box), "factorAdjusted")
        self.unit = named(QComboBox(self.user_box), "factorUnit")
        self.source = named(QLineEdit(self.user_box), "factorSource")
        self.where = named(wrapped_label(self.user_box), "factorWhere")
        self.user_labels = form_rows(
            form, self.user_box, (self.basic, self.adjusted, self.unit, self.source)
        )
        form.addRow(self.where)
        for edit in (self.basic, self.adjusted, self.source):
            edit.textChanged.connect(self._update)
        self.unit.currentIndexChanged.connect(self._update)

        self.estimate_box = QWidget(self)
        estimate = QFormLayout(self.estimate_box)
        estimate.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        estimate.setContentsMargins(24, 0, 0, 0)
        self.basis = named(QComboBox(self.estimate_box), "estimateBasis")
        self.basis.currentIndexChanged.connect(self._update)
        self.estimate_note = wrapped_label(self.estimate_box)
        self.basis_label = QLabel(self.estimate_box)
        estimate.addRow(self.basis_label, self.basis)
        estimate.addRow(self.estimate_note)

        self.hint = hint_label(self, "factorHint")
        self.column(
            self.use_library,
            self.library_note,
            self.use_user,
            self.user_box,
            self.use_estimate,
            self.estimate_box,
            self.hint,
        )
        self.use_library.setChecked(True)
        self._asked = False  # True while the entry was switched on because no list settles it
        self.retranslate()

    # -- context -----------------------------------------------------------------------------

    def has_list(self) -> bool:
        """True when the library settles the factor for the year: this energy's supplier list,
        or (electricity) the sourced past-year rows that hold this retailer (issue 15)."""
        if self.energy not in ("electricity", "city_gas") or self.library is None:
            return False
        # the factor library loads after the opened page has painted
        from ecocheck_desktop.core.factors import list_years

        if self.fiscal_year in list_years(self.library, self.energy):
            return True
        return self.listed_retailer(self.supplier)

    def nearest_year(self) -> int | None:
        if self.library is None or self.energy != "electricity":
            return None
        # the factor library loads after the opened page has painted
        from ecocheck_desktop.core.factors import nearest_list_year

        return nearest_list_year(self.library, self.fiscal_year, self.energy)

    def _retailer_in_nearest(self) -> bool:
        year = self.nearest_year()
        if year is None or not self.supplier:
            return False
        try:
            return bool(self.library.retailer_menus(year, self.supplier))
        except EcoCheckError:
            return False

    def set_context(self, fiscal_year: int, supplier: str, library: Any) -> None:
        """The year and supplier the factor is for; an unusable choice falls back to entry."""
        new_year = fiscal_year != self.fiscal_year or library is not self.library
        self.fiscal_year, self.supplier, self.library = fiscal_year, supplier, library
        if (
            new_year
            and self.energy == "electricity"
            and not self.has_list()
            and self.use_library.isChecked()
        ):
            # No list for the year: the factor is asked for (or an estimate chosen knowingly).
            # Only when the year changes: a "decide later" stays while the user searches.
            self.use_user.setChecked(True)
            self._asked = True
        elif (
            self._asked
            and self.use_user.isChecked()
            and self.has_list()
            and not any(e.text().strip() for e in (self.basic, self.adjusted, self.source))
        ):
            # The retailer found is among the year's bundled (sourced) rows: the library
            # settles it, so the entry asked for above is withdrawn while nothing is typed.
            self.use_library.setChecked(True)
            self._asked = False
        self.retranslate()
        self._update()

    # -- reading and writing a contract ------------------------------------------------------

    def mode(self) -> str:
        if self.use_user.isChecked():
            return USER
        if self.use_estimate.isChecked():
            return ESTIMATE
        return LIBRARY

    def load(self, contract: SupplyContract) -> None:
        per_kg = self.unit.currentData() == "kg"
        for edit, value in (
            (self.basic, contract.factor_basic),
            (self.adjusted, contract.factor_adjusted),
        ):
            shown = value * _THOUSAND if (value is not None and per_kg) else value
            edit.setText("" if shown is None else f"{shown.normalize():f}")
        self.source.setText(contract.factor_source)
        index = self.basis.findData(contract.estimate_basis or "substitute")
        self.basis.setCurrentIndex(max(index, 0))
        if contract.factor_choice == ESTIMATE:
            self.use_estimate.setChecked(True)
        elif contract.factor_choice == USER or contract.factor_basic is not None:
            self.use_user.setChecked(True)
        elif self.energy == "electricity" and self.library is not None and not self.has_list():
            self.use_user.setChecked(True)  # no list for the year: the factor is asked for
        else:
            self.use_library.setChecked(True)
        self._update()

    def _value(self, edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        if not text:
            return None
        value = parse_quantity(text)
        return value / _THOUSAND if self.unit.currentData() == "kg" else value

    def problem(self) -> str:
        """Why the entry cannot be saved yet ('' when it can)."""
        mode = self.mode()
        if mode == ESTIMATE:
            if self.nearest_year() is None:
                return self.tr("No list to estimate from is installed: enter the factor instead.")
            if self.basis.currentData() == "retailer" and not self._retailer_in_nearest():
                return self.tr(
                    "This supplier is not in the FY%1 list: choose its substitute value or "
                    "enter the factor."
                ).replace("%1", str(self.nearest_year()))
            return ""
        if mode == LIBRARY:
            return ""
        values = []
        for edit in (self.basic, self.adjusted):
            try:
                values.append(self._value(edit))
            except EcoCheckError:
                return self.tr("“%1” is not a number.").replace("%1", edit.text())
        if values[0] is None:
            return self.tr("Enter the basic factor printed by the supplier.")
        limit = _ELECTRICITY_T_MAX if self.energy == "electricity" else _GAS_T_MAX
        for value in values:
            if value is None:
                continue
            if value > limit:
                if self.energy == "electricity" and self.unit.currentData() == "t":
                    return self.tr(
                        "%1 t-CO2/kWh is about 1000 times any real factor: it looks like "
                        "kg-CO2/kWh. Switch the unit to kg-CO2/kWh."
                    ).replace("%1", f"{value:f}")
                return self.tr("%1 is far above any real factor: check the unit.").replace(
                    "%1", f"{value:f}"
                )
            if (
                self.energy == "electricity"
                and self.unit.currentData() == "kg"
                and (0 < value < _ELECTRICITY_T_MAX / _THOUSAND)
            ):
                return self.tr(
                    "This looks like a factor in t-CO2/kWh already. Switch the unit to t-CO2/kWh."
                )
        if not self.source.text().strip():
            return self.tr(
                "Enter the source (the page address or the bill's month): a lender asks "
                "where each factor comes from."
            )
        return ""

    def is_complete(self) -> bool:
        return not self.problem()

    def apply(self, contract: SupplyContract) -> SupplyContract:
        """``contract`` with this entry's choice; call only when ``is_complete()``."""
        mode = self.mode()
        if mode == USER:
            basic = self._value(self.basic)
            adjusted = self._value(self.adjusted)
            # In a year whose list settles the retailer the typed figure overrides the library
            # in every year (factor_choice ""); otherwise it is the figure for years the
            # library cannot settle ("user"), never reused where a list has the retailer.
            return replace(
                contract,
                factor_choice=USER if contract.factor_choice == USER or not self.has_list() else "",
                factor_basic=basic,
                factor_adjusted=adjusted if adjusted is not None else basic,
                factor_source=self.source.text().strip(),
                estimate_basis="",
            )
        cleared = replace(contract, factor_basic=None, factor_adjusted=None, factor_source="")
        if mode == ESTIMATE:
            return replace(
                cleared, factor_choice=ESTIMATE, estimate_basis=self.basis.currentData() or ""
            )
        return replace(cleared, factor_choice="", estimate_basis="")

    # -- view --------------------------------------------------------------------------------

    def _update(self, *_args: Any) -> None:
        self.user_box.setEnabled(self.use_user.isChecked())
        self.estimate_box.setEnabled(self.use_estimate.isChecked())
        self.estimate_note.setText(self._estimate_text())
        self.hint.setText(self.problem())
        self.changed.emit()

    def _estimate_text(self) -> str:
        year = self.nearest_year()
        if year is None:
            return ""
        if self.basis.currentData() == "retailer":
            return (
                self.tr(
                    "The same supplier's value in the FY%1 list is used for FY%2 and marked "
                    "推計 (estimate) on screen and in the report."
                )
                .replace("%1", str(year))
                .replace("%2", str(self.fiscal_year))
            )
        return (
            self.tr(
                "The substitute value (代替値) of the FY%1 list is used for FY%2 and marked "
                "推計 (estimate) on screen and in the report."
            )
            .replace("%1", str(year))
            .replace("%2", str(self.fiscal_year))
        )

    def _library_text(self) -> str:
        if self.energy == "city_gas":
            return self.tr(
                "The gas list's value for your supplier and area, or the default factor of the "
                "fuel table when it is not listed."
            )
        if self.energy != "electricity":
            return self.tr("The default factor of the official table.")
        if self.has_list():
            return self.tr(
                "The FY%1 official list's factor of your retailer and menu (its 代替値 with a "
                "warning when the retailer is not listed)."
            ).replace("%1", str(self.fiscal_year))
        return self.tr(
            "No official list for FY%1 is installed. Choosing this leaves the year incomplete "
            "until a factor is given."
        ).replace("%1", str(self.fiscal_year))

    def retranslate(self) -> None:
        electricity = self.energy == "electricity"
        self.use_library.setText(
            self.tr("Use the official list")
            if (self.has_list() or not electricity)
            else self.tr("Decide later")
        )
        self.library_note.setText(self._library_text())
        self.use_user.setText(self.tr("Enter the factor the supplier publishes"))
        self.use_estimate.setText(self.tr("Use an estimate (推計)"))
        self.use_estimate.setVisible(electricity)
        self.estimate_box.setVisible(electricity)
        texts = (
            self.tr("Basic factor (基礎排出係数)"),
            self.tr("Adjusted factor (調整後排出係数, blank: same as basic)"),
            self.tr("Unit"),
            self.tr("Source (page address or bill)"),
        )
        for label, text in zip(self.user_labels, texts, strict=True):
            label.setText(text)
        self.source.setPlaceholderText(self.tr("e.g. https://… 電源構成・CO2排出係数, 2024年度"))
        unit = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        if electricity:
            self.unit.addItem(self.tr("t-CO2/kWh (as in the official list)"), "t")
            self.unit.addItem(self.tr("kg-CO2/kWh (as on many retailers' pages)"), "kg")
        elif self.energy == "city_gas":
            self.unit.addItem(self.tr("t-CO2/thousand m3 (= kg-CO2/m3)"), "t")
        else:
            self.unit.addItem(self.tr("t-CO2 per table unit"), "t")
        self.unit.setCurrentIndex(max(self.unit.findData(unit), 0))
        self.unit.blockSignals(False)
        if electricity:
            self.where.setText(
                self.tr(
                    "Where to find it: your retailer's 「電源構成・CO2排出係数」 page (search its "
                    "site for 排出係数), or your electricity bill. Use the figures for the "
                    "year of your bills."
                )
            )
        else:
            self.where.setText(
                self.tr("Where to find it: your supplier's 「CO2排出係数」 page, or your bill.")
            )
        self.basis_label.setText(self.tr("Estimate from"))
        basis = self.basis.currentData()
        self.basis.blockSignals(True)
        self.basis.clear()
        self.basis.addItem(
            self.tr("the substitute value (代替値) of the nearest list"), "substitute"
        )
        self.basis.addItem(self.tr("the same supplier's value in the nearest list"), "retailer")
        self.basis.setCurrentIndex(max(self.basis.findData(basis), 0))
        self.basis.blockSignals(False)
        self.estimate_note.setText(self._estimate_text())
        self.hint.setText(self.problem())
