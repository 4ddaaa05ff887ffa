"""The About dialog: app, Qt and Python versions, and the bundled font's licence."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop import APP_NAME, __version__, resources


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.app_label = QLabel(self)
        self.app_label.setObjectName("emptyStateHeading")
        self.versions_label = QLabel(self)
        # Selectable so a user can copy the versions into a support e-mail.
        self.versions_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.font_label = QLabel(self)
        self.font_label.setWordWrap(True)
        self.licence_text = QPlainTextEdit(self)
        self.licence_text.setReadOnly(True)
        # Japanese has no spaces to break at; without this the licence scrolls sideways.
        self.licence_text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.licence_text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.licence_text.setPlainText(resources.font_licence_path().read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.app_label)
        layout.addWidget(self.versions_label)
        layout.addSpacing(8)
        layout.addWidget(self.font_label)
        layout.addWidget(self.licence_text, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
        self.retranslate_ui()

    def versions_text(self) -> str:
        return (
            self.tr("Version %1\nQt %2 (PySide6 %3)\nPython %4")
            .replace("%1", __version__)
            .replace("%2", qVersion())
            .replace("%3", PySide6.__version__)
            .replace("%4", ".".join(str(part) for part in sys.version_info[:3]))
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.app_label.setText(APP_NAME)
        self.versions_label.setText(self.versions_text())
        self.font_label.setText(
            self.tr(
                "Japanese text is shown with the IPAexGothic font (IPA), which is distributed "
                "under the IPA Font License Agreement v1.0:"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @classmethod
    def show_for(cls, parent: QWidget | None) -> AboutDialog:
        """Open the dialog without blocking (tests can inspect and close it)."""
        dialog = cls(parent)
        dialog.open()
        return dialog
