"""What the widgets that enter a contract's factor share.

``ContractEditor``, ``SupplierSearch`` and ``FactorEntry`` are each for one energy, in the
context of one fiscal year and one factor library, and say ``changed`` on every edit; they lay
their parts out in one column without margins (they sit inside another form), and they show a
red hint while an entry is incomplete (``GasDetails`` too).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.widgets.build import named, wrapped_label

HINT_STYLE = "color: #a61b1b;"


def hint_label(parent: QWidget, name: str) -> QLabel:
    """The red, word-wrapped line that says what is still missing."""
    hint = named(wrapped_label(parent), name)
    hint.setStyleSheet(HINT_STYLE)
    return hint


class EnergyWidget(QWidget):
    """One energy's entry, in the context of a fiscal year and a factor library."""

    changed = Signal()

    def __init__(self, energy: str = "electricity", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.energy = energy
        self.fiscal_year = 0
        self.library: Any = None

    def column(self, *parts: QWidget | QLayout) -> QVBoxLayout:
        """The widget's layout: ``parts`` one below the other, without margins."""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, QLayout):
                column.addLayout(part)
            else:
                column.addWidget(part)
        return column

    def listed_retailer(self, supplier: str | None) -> bool:
        """The electricity retailer is among the sourced past-year rows bundled for the year."""
        if self.energy != "electricity" or not (supplier or "").strip() or self.library is None:
            return False
        try:
            return bool(self.library.electricity_outcome(self.fiscal_year, supplier) == "listed")
        except (EcoCheckError, AttributeError):
            return False
