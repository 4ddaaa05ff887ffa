"""The shape both list tables share: one row per item, a fixed tuple of column ids."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A flat table of ``_rows`` (one item each) and the columns named in ``columns``."""

    columns: ClassVar[tuple[str, ...]] = ()
    _rows: list[Any]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)
