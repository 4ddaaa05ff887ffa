"""One supply contract: supplier (ranked search), menu, how its factor is chosen, gas details.

The same editor serves the wizard, the 会社情報 page, the energy grid and the import preview,
so a factor is entered the same way wherever it is needed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.gui.widgets.build import named
from ecocheck_desktop.gui.widgets.energy_widget import EnergyWidget
from ecocheck_desktop.gui.widgets.factor_entry import FactorEntry
from ecocheck_desktop.gui.widgets.gas_details import GasDetails
from ecocheck_desktop.gui.widgets.supplier_search import SupplierSearch, default_library

SEARCHED = ("electricity", "city_gas")
WITH_FACTOR = ("electricity", "city_gas", "heat")


class ContractEditor(EnergyWidget):
    def __init__(self, energy: str = "electricity", parent: QWidget | None = None) -> None:
        super().__init__(energy, parent)
        self.finder = SupplierSearch(energy, self)
        self.menu = named(QComboBox(self), "contractMenu")
        self.menu.setEditable(True)
        self.menu_label = QLabel(self)
        self.factor = FactorEntry(energy, self)
        self.gas = GasDetails(energy, self)
        menu_row = QHBoxLayout()
        menu_row.addWidget(self.menu_label)
        menu_row.addWidget(self.menu, 1)
        self.column(self.finder, menu_row, self.factor, self.gas)
        self.finder.changed.connect(self._on_supplier)
        self.menu.currentTextChanged.connect(lambda *_: self.changed.emit())
        self.factor.changed.connect(self.changed)
        self.gas.changed.connect(self.changed)
        self.set_energy(energy)
        self.retranslate()

    def set_energy(self, energy: str) -> None:
        self.energy = energy
        self.finder.energy = energy
        self.factor.energy = energy
        self.finder.setVisible(energy in SEARCHED)
        self.menu.setVisible(energy in SEARCHED)
        self.menu_label.setVisible(energy in SEARCHED)
        self.factor.setVisible(energy in WITH_FACTOR)
        self.gas.setVisible(energy in ("city_gas", "lpg"))
        self.gas.set_energy(energy)
        if self.library is not None:
            self.set_context(self.fiscal_year, self.library)
        self.factor.retranslate()

    def set_context(self, fiscal_year: int, library: Any = None) -> None:
        self.fiscal_year = fiscal_year
        self.library = library if library is not None else default_library()
        self.finder.set_context(fiscal_year, self.library)
        self._on_supplier()

    def _menus(self, supplier: str) -> list[Any]:
        year = self.finder.shown_year
        if year is None or not supplier or self.finder.selected_row() is None:
            return []
        try:
            if self.energy == "electricity":
                return list(self.library.retailer_menus(year, supplier))
            return list(self.library.supplier_menus("gas", year, supplier))
        except EcoCheckError:
            return []

    def _on_supplier(self) -> None:
        supplier = self.finder.supplier()
        typed = self.menu.currentText()
        self.menu.blockSignals(True)
        self.menu.clear()
        preferred = -1
        for index, row in enumerate(self._menus(supplier)):
            self.menu.addItem(self._menu_label(row), row.menu)
            if row.row_kind == "residual":
                preferred = index
        if self.menu.count():
            self.menu.setCurrentIndex(max(preferred, 0))
        else:
            self.menu.setEditText(typed)
        self.menu.blockSignals(False)
        if self.library is not None:
            self.factor.set_context(self.fiscal_year, supplier, self.library)
        self.changed.emit()

    def _menu_label(self, row: Any) -> str:
        """A menu with the factor the retailer publishes for it: the official list names its
        special menus only メニューA, B…, and the retailer's notice or bill says the factor."""
        name = row.menu or self.tr("(single factor)")
        if self.energy != "electricity" or row.adjusted is None:
            return name
        return (
            self.tr("%1 (adjusted %2 t-CO2/kWh)")
            .replace("%1", name)
            .replace("%2", f"{row.adjusted:.6f}")
        )

    def load(self, contract: SupplyContract) -> None:
        if contract.energy != self.energy:
            self.set_energy(contract.energy)
        self.finder.set_supplier(contract.supplier)
        index = self.menu.findData(contract.menu)
        if index >= 0:
            self.menu.setCurrentIndex(index)
        else:
            self.menu.setEditText(contract.menu)
        self.factor.load(contract)
        self.gas.load(contract)

    def menu_text(self) -> str:
        data = self.menu.currentData()
        if data is not None and self.menu.currentText() == self.menu.itemText(
            self.menu.currentIndex()
        ):
            return str(data)
        return self.menu.currentText().strip()

    def problem(self) -> str:
        if self.energy in WITH_FACTOR and (problem := self.factor.problem()):
            return problem
        return self.gas.problem() if self.energy in ("city_gas", "lpg") else ""

    def is_complete(self) -> bool:
        return not self.problem()

    def contract(self, site: str, base: SupplyContract | None = None) -> SupplyContract:
        """The contract as edited (``base`` keeps the fields this editor does not show)."""
        contract = base if base is not None else SupplyContract(site, self.energy)
        contract = replace(contract, site=site, energy=self.energy)
        if self.energy in SEARCHED:
            contract = replace(contract, supplier=self.finder.supplier(), menu=self.menu_text())
        if self.energy in WITH_FACTOR:
            contract = self.factor.apply(contract)
        return self.gas.apply(contract)

    def retranslate(self) -> None:
        self.menu_label.setText(self.tr("Menu"))
        self.menu.setToolTip(
            self.tr(
                "The official list calls a retailer's special menus A, B, C… with their "
                "adjusted factor; the retailer's notice of emission factors says which is your "
                "plan. For an ordinary contract keep the (残差) menu."
            )
        )
        self.finder.retranslate()
        self.factor.retranslate()
        self.gas.retranslate()
