"""ホーム: the start page — new project, open a file, or try the demo company."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ecocheck_desktop.gui.pages.base import Page


class HomePage(Page):
    page_id = "home"

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = self.empty_state.add_button(self.new_requested.emit, primary=True)
        self.open_button = self.empty_state.add_button(self.open_requested.emit)
        self.demo_button = self.empty_state.add_button(self.demo_requested.emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_state.set_texts(
            self.tr("Welcome to EcoCheck Desktop"),
            self.tr(
                "No project is open. Create a new project for your company, or open a project "
                "file (.ecocheck) you saved before. You can also look around with the demo "
                "company first."
            ),
        )
        self.new_button.setText(self.tr("New project…"))
        self.open_button.setText(self.tr("Open project…"))
        self.demo_button.setText(self.tr("Try the demo company"))
