"""What a page shows while it writes a file and after: a busy bar, a status line and a button
that opens the folder of the file just written (the report and portfolio pages)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from ecocheck_desktop.gui.widgets.build import named, wrapped_label


class OutputStrip:
    """The three widgets and their states; the page lays them out and sets the button's text."""

    def __init__(self, parent: QWidget, status_name: str, bar_width: int) -> None:
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 1)
        self.progress.setMaximumWidth(bar_width)
        self.progress.hide()
        self.status = named(wrapped_label(parent), status_name)
        self.open_folder_button = QPushButton(parent)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.folder: Path | None = None  # where the last file was written

    def busy(self, text: str) -> None:
        """A job has started: the bar runs without steps, the status says what it writes."""
        self.open_folder_button.hide()
        # Busy (no steps) only while it runs: a busy bar's animation must not outlive it.
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(text)

    def idle(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.hide()

    def saved(self, text: str, folder: Path) -> None:
        """A file was written in ``folder``: say so and offer to open the folder."""
        self.folder = folder
        self.status.setText(text)
        self.open_folder_button.show()

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
