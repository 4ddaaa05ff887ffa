"""会社情報: the company profile, its sites and supply contracts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class CompanyPage(Page):
    page_id = "company"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No company information yet"),
            self.tr(
                "First create or open a project on the Home page. Then enter your company's "
                "name, industry and the month your fiscal year starts, your sites, and the "
                "electricity and gas contracts (retailer and menu) printed on your bills."
            ),
        )
