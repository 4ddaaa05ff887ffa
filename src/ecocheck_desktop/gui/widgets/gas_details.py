"""Gas as billed: the city-gas supplier's heat value and the LPG m3 -> t conversion.

Both are optional and both need a source once given: the heat value (GJ/千m3) replaces the
default for GJ and 原油換算; the LPG conversion is propane (the default 1/502), butane, or a
kg per m3 stated on the supplier's delivery slip.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.gui.widgets.build import form_rows, named
from ecocheck_desktop.gui.widgets.energy_widget import hint_label


class GasDetails(QWidget):
    changed = Signal()

    def __init__(self, energy: str = "city_gas", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.energy = energy
        self.heat_value = named(QLineEdit(self), "heatValue")
        self.heat_source = named(QLineEdit(self), "heatValueSource")
        self.lpg_conversion = named(QComboBox(self), "lpgConversion")
        self.lpg_kg = named(QLineEdit(self), "lpgKgPerM3")
        self.lpg_source = named(QLineEdit(self), "lpgSource")
        self.hint = hint_label(self, "gasHint")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        fields = (
            self.heat_value,
            self.heat_source,
            self.lpg_conversion,
            self.lpg_kg,
            self.lpg_source,
        )
        self.labels = form_rows(self.form, self, fields)
        self.form.addRow(self.hint)
        for edit in (self.heat_value, self.heat_source, self.lpg_kg, self.lpg_source):
            edit.textChanged.connect(self._update)
        self.lpg_conversion.currentIndexChanged.connect(self._update)
        self.retranslate()
        self.set_energy(energy)

    def set_energy(self, energy: str) -> None:
        self.energy = energy
        for row, visible in enumerate(
            (energy == "city_gas",) * 2 + (energy == "lpg",) * 3,
        ):
            self.form.setRowVisible(row, visible)
        self._update()

    def load(self, contract: SupplyContract) -> None:
        value = contract.heat_value_gj_per_km3
        self.heat_value.setText("" if value is None else f"{value.normalize():f}")
        self.heat_source.setText(contract.heat_value_source)
        index = self.lpg_conversion.findData(contract.lpg_conversion or "propane")
        self.lpg_conversion.setCurrentIndex(max(index, 0))
        kg = contract.lpg_kg_per_m3
        self.lpg_kg.setText("" if kg is None else f"{kg.normalize():f}")
        self.lpg_source.setText(contract.lpg_source)
        self._update()

    @staticmethod
    def _number(edit: QLineEdit) -> Decimal | None:
        text = edit.text().strip()
        return parse_quantity(text) if text else None

    def problem(self) -> str:
        try:
            if self.energy == "city_gas":
                value = self._number(self.heat_value)
                if value is not None and not Decimal(30) <= value <= Decimal(60):
                    return self.tr("A city-gas heat value lies between 30 and 60 GJ/千m3.")
                if value is not None and not self.heat_source.text().strip():
                    return self.tr(
                        "Enter where the heat value comes from (the supplier's page or bill)."
                    )
            if self.energy == "lpg" and self.lpg_conversion.currentData() == "kg_per_m3":
                kg = self._number(self.lpg_kg)
                if kg is None or kg <= 0:
                    return self.tr("Enter the kg per m3 printed on the delivery slip.")
                if not self.lpg_source.text().strip():
                    return self.tr("Enter where the kg per m3 comes from (the delivery slip).")
        except EcoCheckError:
            return self.tr("Enter a number.")
        return ""

    def apply(self, contract: SupplyContract) -> SupplyContract:
        if contract.energy == "city_gas":
            value = self._number(self.heat_value)
            return replace(
                contract,
                heat_value_gj_per_km3=value,
                heat_value_source=self.heat_source.text().strip() if value is not None else "",
            )
        if contract.energy == "lpg":
            conversion = self.lpg_conversion.currentData() or ""
            kg = self._number(self.lpg_kg) if conversion == "kg_per_m3" else None
            return replace(
                contract,
                lpg_conversion="" if conversion == "propane" else conversion,
                lpg_kg_per_m3=kg,
                lpg_source=self.lpg_source.text().strip() if conversion != "propane" else "",
            )
        return contract

    def _update(self, *_args: Any) -> None:
        kg = self.lpg_conversion.currentData() == "kg_per_m3"
        self.lpg_kg.setEnabled(kg)
        self.hint.setText(self.problem())
        self.changed.emit()

    def retranslate(self) -> None:
        texts = (
            self.tr("Heat value (GJ/千m3, optional; default 45)"),
            self.tr("Source of the heat value"),
            self.tr("LPG billed in m3: convert as"),
            self.tr("kg per m3"),
            self.tr("Source of the conversion"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.heat_value.setPlaceholderText(self.tr("e.g. 46.0 (from the gas company's page)"))
        self.lpg_source.setPlaceholderText(self.tr("e.g. the delivery slip of 2024-05"))
        current = self.lpg_conversion.currentData()
        self.lpg_conversion.blockSignals(True)
        self.lpg_conversion.clear()
        self.lpg_conversion.addItem(self.tr("propane (1/502 t per m3, the default)"), "propane")
        self.lpg_conversion.addItem(self.tr("butane"), "butane")
        self.lpg_conversion.addItem(self.tr("kg per m3 from the delivery slip"), "kg_per_m3")
        self.lpg_conversion.setCurrentIndex(max(self.lpg_conversion.findData(current), 0))
        self.lpg_conversion.blockSignals(False)
