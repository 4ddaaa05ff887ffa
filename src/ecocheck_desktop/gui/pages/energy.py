"""エネルギー使用量: the 12-month grid of energy use per fiscal year."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class EnergyPage(Page):
    page_id = "energy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No energy use entered yet"),
            self.tr(
                "Once your company is set up, enter the monthly usage printed on your bills "
                "here: electricity in kWh, gas in m³, fuels in litres. You can also paste a "
                "12-month table from Excel."
            ),
        )
