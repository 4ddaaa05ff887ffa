"""結果: the footprint (Scope 1 and 2 on every basis), KPIs and charts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class ResultsPage(Page):
    page_id = "results"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No results to show yet"),
            self.tr(
                "Results appear here as soon as energy use has been entered: Scope 1 and "
                "Scope 2 emissions in t-CO2, calculated with the basic and adjusted emission "
                "factors of your electricity retailer and with the national average."
            ),
        )
        # The three bases are jargon for most owners; the tooltip says what each one means.
        self.empty_state.body.setToolTip(
            self.tr(
                "Basic emission factor: the CO2 per kWh your retailer actually emitted.\n"
                "Adjusted emission factor: the same after the retailer's certificates and "
                "offsets.\nNational average: one factor for all of Japan, for comparison."
            )
        )
