"""目標: base year, reduction targets and the pathway to them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class TargetsPage(Page):
    page_id = "targets"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No targets set yet"),
            self.tr(
                "Choose a base year and a target year, then the reduction you aim for (for "
                "example −46% against FY2013, like the national target). The path from today "
                "to the target is shown here."
            ),
        )
