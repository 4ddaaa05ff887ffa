"""Behaviour every page shares: its navigation title, an empty state, live retranslation."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    """A heading, a sentence or two on what to do next, and buttons that do it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("emptyStateHeading")
        self.heading.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setObjectName("emptyStateBody")
        self.body.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)

        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addSpacing(6)
        column.addWidget(self.body)
        column.addSpacing(14)
        column.addLayout(self._buttons)
        # A second row (Home's "continue" with a project open): one row of four was cut off.
        self._second_row = QHBoxLayout()
        self._second_row.addStretch(1)
        column.addSpacing(6)
        column.addLayout(self._second_row)
        # A readable line length in the middle of the page, not a banner across a wide window.
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMinimumWidth(520)  # a heading must not break before its last character
        holder.setMaximumWidth(640)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 6)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def add_button(
        self, on_click: Callable[[], None], *, primary: bool = False, second_row: bool = False
    ) -> QPushButton:
        button = QPushButton(self)
        button.setDefault(primary)
        button.clicked.connect(on_click)
        # Never narrower than its text: the row grows (or wraps to the second row) instead.
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        row = self._second_row if second_row else self._buttons
        row.insertWidget(row.count() - 1, button)
        return button

    def set_texts(self, heading: str, body: str) -> None:
        self.heading.setText(heading)
        self.body.setText(body)


class Page(QWidget):
    """Base of every page. Subclasses set ``page_id`` and implement ``retranslate_ui``.

    A page's navigation name and tooltip live in the registry (``pages.PAGES``).

    Subclasses call ``self.retranslate_ui()`` at the end of ``__init__``; Qt's LanguageChange
    event calls it again whenever the language is switched.
    """

    page_id: ClassVar[str] = ""
    # Pages that show the open project are built with the window's ProjectService.
    needs_service: ClassVar[bool] = False
    HOME_ID: ClassVar[str] = "home"

    # Ask the main window to show another page (by page_id).
    navigate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.page_id}")
        self.empty_state = EmptyState(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.empty_state)
        self._home_button: QPushButton | None = None

    def retranslate_ui(self) -> None:
        if self._home_button is not None:
            self._home_button.setText(QCoreApplication.translate("Page", "Go to Home"))

    def add_home_button(self) -> None:
        """Most pages need an open project first; this takes the user where to get one."""
        self._home_button = self.empty_state.add_button(
            lambda: self.navigate_requested.emit(self.HOME_ID)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
