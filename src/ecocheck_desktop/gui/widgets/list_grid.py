"""A grid of one list of the project (customers, sales, products, production): one row per
item, typed columns, paste of a block from Excel (tab-separated) as one edit.

The grid holds no rule of its own: every change becomes the whole list of items, handed to the
page (and from it to the service, one undo step); a cell that cannot be read becomes a message
naming its row and column, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from ecocheck_desktop.core.fiscal import parse_month
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.quantity import parse_quantity
from ecocheck_desktop.text.numbers import fmt_quantity


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | int | decimal | optional_decimal | month
    required: bool = False


def _cell_value(column: Column, text: str) -> Any:
    text = text.strip()
    if column.kind == "text":
        return text
    if column.kind == "month":
        return parse_month(text) if text else ""
    if column.kind == "int":
        digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not digits.isdigit():
            raise EcoCheckError(Message("quantity.not_a_number", {"value": text}))
        return int(digits)
    if column.kind == "optional_decimal" and not text:
        return None
    return parse_quantity(text)


def _cell_text(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt_quantity(value)
    return str(value)


class ListGrid(QTableWidget):
    edited = Signal(object)  # the new list of items
    refused = Signal(object)  # list[Message]

    def __init__(
        self,
        columns: Sequence[Column],
        make: Callable[..., Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = list(columns)
        self._make = make
        self._filling = False
        self.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemChanged.connect(self._on_item_changed)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setHorizontalHeaderLabels(list(headers))
        self.columns = [
            Column(c.field, h, c.kind, c.required)
            for c, h in zip(self.columns, headers, strict=True)
        ]

    def set_items(self, items: Sequence[Any]) -> None:
        """Show ``items`` and one empty row to type a new one into."""
        self._filling = True
        try:
            self.setRowCount(len(items) + 1)
            for row, item in enumerate(items):
                for index, column in enumerate(self.columns):
                    value = _cell_text(column, getattr(item, column.field))
                    self.setItem(row, index, QTableWidgetItem(value))
            for index in range(len(self.columns)):
                self.setItem(len(items), index, QTableWidgetItem(""))
        finally:
            self._filling = False

    def items_from_cells(self) -> list[Any]:
        """The list the cells say; EcoCheckError naming the row and column of a bad cell."""
        items: list[Any] = []
        problems: list[Message] = []
        for row in range(self.rowCount()):
            texts = [self._text(row, i) for i in range(len(self.columns))]
            if not any(t.strip() for t in texts):
                continue
            values: dict[str, Any] = {}
            for column, text in zip(self.columns, texts, strict=True):
                where = {"row": row + 1, "column": column.header}
                if column.required and not text.strip():
                    problems.append(Message("quantity.empty", {"value": ""}, where))
                    continue
                try:
                    value = _cell_value(column, text)
                except EcoCheckError as error:
                    problems += [
                        Message(m.code, m.params, {**m.where, **where}) for m in error.messages
                    ]
                    continue
                if column.kind == "optional_decimal" and value is None:
                    continue
                values[column.field] = value
            if not problems:
                items.append(self._make(**values))
        if problems:
            raise EcoCheckError(*problems)
        return items

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._commit()

    def _commit(self) -> None:
        try:
            items = self.items_from_cells()
        except EcoCheckError as error:
            self.refused.emit(list(error.messages))
            return
        self.edited.emit(items)

    def paste_text(self, text: str) -> None:
        """A tab-separated block (from Excel) at the current cell, growing the grid: one edit."""
        lines = [line for line in text.replace("\r\n", "\n").split("\n") if line != ""]
        if not lines:
            return
        top = max(self.currentRow(), 0)
        left = max(self.currentColumn(), 0)
        self._filling = True
        try:
            if top + len(lines) >= self.rowCount():
                self.setRowCount(top + len(lines) + 1)
            for r, line in enumerate(lines):
                for c, value in enumerate(line.split("\t")):
                    if left + c < len(self.columns):
                        self.setItem(top + r, left + c, QTableWidgetItem(value.strip()))
        finally:
            self._filling = False
        self._commit()

    def paste(self) -> None:
        """Edit > Paste (Ctrl+V) of the main window hands the clipboard to the focused grid."""
        self.paste_text(QGuiApplication.clipboard().text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self.state() == (
            QAbstractItemView.State.EditingState
        ):
            self._filling = True
            try:
                for index in self.selectedIndexes():
                    self.setItem(index.row(), index.column(), QTableWidgetItem(""))
            finally:
                self._filling = False
            self._commit()
            return
        super().keyPressEvent(event)
