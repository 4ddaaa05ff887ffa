"""A KPI tile: what the number is, the number with its unit, and a one-line caption."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class KpiTile(QFrame):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.key = object_name
        self.title = QLabel(self)
        self.title.setObjectName("kpiTitle")
        self.title.setWordWrap(True)
        self.value = QLabel(self)
        self.value.setObjectName("kpiValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(self)
        self.caption.setObjectName("kpiCaption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setMinimumWidth(150)

    def set_title(self, title: str, tooltip: str = "") -> None:
        self.title.setText(title)
        self.setToolTip(tooltip)

    def set_value(self, value: str, caption: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
