"""Edit one supply contract (supplier, menu, factor, gas details) in a dialog.

OK stays disabled, with the reason shown, until the entry is complete: a typed-in factor needs
its source. ``edited`` carries the new contract; the caller stores it through the service.
Opened with ``open()`` so that tests never block.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ecocheck_desktop.core.model import SupplyContract
from ecocheck_desktop.gui.message_text import energy_label
from ecocheck_desktop.gui.widgets.build import ok_cancel, wrapped_label
from ecocheck_desktop.gui.widgets.contract_editor import ContractEditor


class ContractDialog(QDialog):
    edited = Signal(object)  # SupplyContract

    def __init__(
        self,
        contract: SupplyContract,
        fiscal_year: int,
        library: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contractDialog")
        self.original = contract
        self.heading = wrapped_label(self)
        self.editor = ContractEditor(contract.energy, self)
        self.editor.set_context(fiscal_year, library)
        self.editor.load(contract)
        self.buttons = ok_cancel(self, self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.editor.changed.connect(self._update)
        self.setWindowTitle(self.tr("Supply contract"))
        self.heading.setText(
            self.tr("%1 at %2, FY%3")
            .replace("%1", energy_label(contract.energy))
            .replace("%2", contract.site)
            .replace("%3", str(fiscal_year))
        )
        self.resize(660, 700)
        self._update()

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update(self) -> None:
        problem = self.editor.problem()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)

    def result_contract(self) -> SupplyContract:
        return self.editor.contract(self.original.site, self.original)

    def _accept(self) -> None:
        if not self.editor.is_complete():
            return
        self.edited.emit(self.result_contract())
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget,
        contract: SupplyContract,
        fiscal_year: int,
        on_edited: Any,
        library: Any = None,
    ) -> ContractDialog:
        dialog = cls(contract, fiscal_year, library, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.edited.connect(on_edited)
        dialog.open()
        return dialog
