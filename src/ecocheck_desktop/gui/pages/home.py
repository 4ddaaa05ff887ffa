"""ホーム: the start page — new project, open a file, a recent file, or try the demo company."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from ecocheck_desktop.gui.pages.base import Page
from ecocheck_desktop.gui.widgets.build import named


class HomePage(Page):
    page_id = "home"

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = self.empty_state.add_button(self.new_requested.emit, primary=True)
        self.open_button = self.empty_state.add_button(self.open_requested.emit)
        self.demo_button = self.empty_state.add_button(self.demo_requested.emit)
        self.recent_label = QLabel(self)
        self.recent = named(QListWidget(self), "recentFiles")
        self.recent.setMaximumHeight(180)
        # itemActivated alone: it comes with a double-click (and Enter); listening to
        # itemDoubleClicked as well opened the file twice, and the second open met the first's
        # lock: "open in another window" with one app running (issue 19).
        self.recent.itemActivated.connect(self._open_recent)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        self.continue_button = self.empty_state.add_button(
            lambda: self.navigate_requested.emit("energy"), second_row=True
        )
        self.current_company: str | None = None
        self.wizard_open = False
        self.set_recent(())
        self.retranslate_ui()

    def set_wizard_open(self, is_open: bool) -> None:
        """While the new-company wizard is open, Home says so in a short line: the welcome
        text beside the wizard read as cut-off leftovers (issue 19)."""
        self.wizard_open = is_open
        self.retranslate_ui()

    def set_current(self, company_name: str | None) -> None:
        """Say which project is open (None: none) and offer to carry on with it."""
        self.current_company = company_name
        self.retranslate_ui()

    def set_recent(self, paths: tuple[str, ...] | list[str]) -> None:
        self.recent.clear()
        # Paths are kept by row rather than under Qt.ItemDataRole: touching the Qt enum
        # namespace on the start-up path costs ~40 ms (PySide6 builds all its enums at once).
        self._recent_paths = list(paths)
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}    {Path(path).parent}")
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(self._recent_paths[self.recent.row(item)])

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.continue_button.setVisible(self.current_company is not None)
        self.continue_button.setText(self.tr("Continue with energy use"))
        if self.wizard_open:
            self.empty_state.set_texts(self.tr("Creating a new project…"), "")
        elif self.current_company is not None:
            self.empty_state.set_texts(
                self.current_company,
                self.tr(
                    "This project is open and every change is saved. Continue entering energy "
                    "use, or create or open another project."
                ),
            )
        else:
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
        self.recent_label.setText(self.tr("Recent projects (double-click to open)"))
