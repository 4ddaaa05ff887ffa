"""ポートフォリオ: an advisor's overview of the project files in one folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class PortfolioPage(Page):
    page_id = "portfolio"

    folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder_button = self.empty_state.add_button(self.folder_requested.emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No folder chosen yet"),
            self.tr(
                "For advisors: choose a folder that holds the project files of your client "
                "companies. Their key figures will be listed here side by side."
            ),
        )
        self.folder_button.setText(self.tr("Choose folder…"))
