"""レポート: PDF and CSV export for the bank or the city office."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class ReportPage(Page):
    page_id = "report"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No report to export yet"),
            self.tr(
                "Once energy use has been entered, you can export from this page a PDF report "
                "for your bank or city office and a CSV file of the figures."
            ),
        )
