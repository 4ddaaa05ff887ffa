"""削減対策: the equipment checklist, ranked reduction measures and the plan."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class MeasuresPage(Page):
    page_id = "measures"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_home_button()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("No measures planned yet"),
            self.tr(
                "When your results are ready, tick the equipment you have (lighting, "
                "compressors, boilers, air conditioners, vehicles and so on). The reduction "
                "measures are then ranked by cost and CO2 saved, and you choose the ones to plan."
            ),
        )
