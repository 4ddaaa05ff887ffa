"""The energy grid of one fiscal year as a Qt table model.

Rows are the 12 months of the fiscal year (April → March by default); columns come in groups of
three per energy line (quantity in the bill's unit, cost in 円, estimated flag). Edits go to the
application service, which validates and stores them; a refused value is kept here only for
display — shown red in its cell with a tooltip saying why — and never reaches the project file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from ecocheck_desktop.core.fiscal import fiscal_year_label_en
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.model import EnergyRecord
from ecocheck_desktop.gui.grid_cells import (
    COST,
    ESTIMATED,
    QUANTITY,
    CellKey,
    EnergyLine,
    GridColumn,
)
from ecocheck_desktop.gui.message_text import energy_label, is_japanese, message_text
from ecocheck_desktop.gui.service import ProjectService
from ecocheck_desktop.text.numbers import fmt

RecordRole = Qt.ItemDataRole.UserRole + 1  # the EnergyRecord of the cell, or None
ErrorRole = Qt.ItemDataRole.UserRole + 2  # the refused text's explanation, or None
ColumnRole = Qt.ItemDataRole.UserRole + 3  # the GridColumn
MonthRole = Qt.ItemDataRole.UserRole + 4  # "YYYY-MM"

# The roles and answers of data() and flags(), looked up once: a repaint asks data() about a
# thousand times, and each ``Qt.ItemDataRole.X`` is two attribute look-ups in PySide's enums.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOL_TIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_VERTICAL = Qt.Orientation.Vertical
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
_CENTERED = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable

_ERROR_BACKGROUND = QColor("#fde2e1")
_ERROR_FOREGROUND = QColor("#a61b1b")
_ESTIMATED_FOREGROUND = QColor("#7a5c00")
_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

AnyIndex = QModelIndex | QPersistentModelIndex


def format_number(value: Decimal | None, places: int | None = None) -> str:
    """``12,345.5``: separators, and no trailing zeros unless ``places`` is fixed."""
    if value is None:
        return ""
    if places is not None:
        return fmt(value, places)  # half-up, like the report
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class EnergyGridModel(QAbstractTableModel):
    # Emitted with the messages of a refused edit or paste, for the page to show.
    refused = Signal(object)
    # Emitted when an edit, paste or clear went through: earlier refusals are then stale.
    accepted = Signal()

    def __init__(self, service: ProjectService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.fiscal_year: int | None = None
        self._months: list[str] = []
        self._columns: list[GridColumn] = []
        self._many_sites = False  # whether the columns' headers name their site
        self._errors: dict[tuple[int, int], tuple[str, str]] = {}  # cell -> (text, why)
        # The bill lines of every cell, read once per change: a repaint asks data() ~1,000 times.
        self._cells: dict[tuple[int, int], list[EnergyRecord]] = {}
        self._scans: dict[tuple[int, int], list[str]] = {}
        # Where the service's journal of written cells stood when the cells were read: a change
        # re-reads only the cells written since (a cell edit on a big project touches 3 of its
        # ~14,000 cells), or all of them when the service's index was rebuilt.
        self._mark: tuple[int, int] | None = None
        service.project_changed.connect(self.refresh)

    # -- shape -------------------------------------------------------------------------------

    def set_fiscal_year(self, fiscal_year: int | None) -> None:
        self.beginResetModel()
        self.fiscal_year = fiscal_year
        self._errors.clear()
        self._load_shape()
        self.endResetModel()

    def _load_shape(self) -> None:
        if self.fiscal_year is None or not self.service.is_open:
            self._months, self._columns, self._many_sites = [], [], False
            return
        self._months = self.service.months(self.fiscal_year)
        self._columns = self.service.grid_columns(self.fiscal_year)
        self._many_sites = len({c.line.site for c in self._columns}) > 1
        self._read_cells()

    def _read_cells(self) -> None:
        self._mark = self._cell_mark()
        lines: dict[EnergyLine, list[list[EnergyRecord]]] = {}
        for column in self._columns:
            if column.line not in lines:
                lines[column.line] = [
                    self.service.cell_records(m, column.line) for m in self._months
                ]
        # Every edit re-reads the grid (a big project: 50 sites x 8 energies x 2 columns x 12
        # months): each line is looked up once per column, not once per cell, and the scans
        # only when there are any.
        rows = range(len(self._months))
        per_column = [lines[column.line] for column in self._columns]
        self._cells = {
            (row, col): cells[row] for col, cells in enumerate(per_column) for row in rows
        }
        has_scans = self.service.has_attachments()
        self._scans = {
            (row, col): scans
            for col, column in enumerate(self._columns)
            if has_scans and column.kind == QUANTITY
            for row, month in enumerate(self._months)
            if (scans := self.service.attachments(month, column.line))
        }

    def refresh(self) -> None:
        """Re-read after any project change; a reset only when the lines themselves changed."""
        if self.fiscal_year is not None and self.service.is_open:
            columns = self.service.grid_columns(self.fiscal_year)
            months = self.service.months(self.fiscal_year)
            if columns == self._columns and months == self._months:
                written = self._written_cells()
                if written is not None:
                    self._reread(written)
                    return
                self._read_cells()
                if self._months and self._columns:
                    last = self.index(len(self._months) - 1, len(self._columns) - 1)
                    self.dataChanged.emit(self.index(0, 0), last)
                return
        self.beginResetModel()
        self._load_shape()
        self.endResetModel()

    def _cell_mark(self) -> tuple[int, int]:
        return self.service.cell_mark()

    def _written_cells(self) -> list[CellKey] | None:
        """The cells written since they were read, or None: read them all."""
        if self._mark is None:
            return None
        return self.service.cells_written_since(self._mark)

    def _reread(self, written: list[CellKey]) -> None:
        """Read again only the written cells of this year, and repaint only their rows."""
        self._mark = self._cell_mark()
        rows = {month: row for row, month in enumerate(self._months)}
        columns: dict[EnergyLine, list[int]] = {}
        for col, column in enumerate(self._columns):
            columns.setdefault(column.line, []).append(col)
        has_scans = self.service.has_attachments()
        for key in dict.fromkeys(written):
            row = rows.get(key.month)
            line = EnergyLine(key.site, key.energy, key.unit)
            cols = columns.get(line)
            if row is None or not cols:
                continue  # another year's cell, or one of no line shown
            records = self.service.cell_records(key.month, line)
            scans = self.service.attachments(key.month, line) if has_scans else []
            for col in cols:
                self._cells[(row, col)] = records
                if self._columns[col].kind == QUANTITY:
                    if scans:
                        self._scans[(row, col)] = scans
                    else:
                        self._scans.pop((row, col), None)
            self.dataChanged.emit(self.index(row, cols[0]), self.index(row, cols[-1]))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def column(self, col: int) -> GridColumn:
        return self._columns[col]

    def month(self, row: int) -> str:
        return self._months[row]

    def has_refused_cells(self) -> bool:
        return bool(self._errors)

    def lines(self) -> list[EnergyLine]:
        return list(dict.fromkeys(c.line for c in self._columns))

    # -- reading -----------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == _VERTICAL:
            if role == _DISPLAY and 0 <= section < len(self._months):
                month = self._months[section]
                number = int(month[5:])
                if is_japanese():
                    return f"{month[:4]}年{number}月"
                return f"{_MONTH_EN[number - 1]} {month[:4]}"
            return None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        line = column.line
        if role == _DISPLAY:
            name = energy_label(line.energy)
            if self._many_sites:
                name = f"{line.site}\n{name}"
            if column.kind == QUANTITY:
                return f"{name}\n({line.unit})"
            if column.kind == COST:
                return f"{name}\n" + self.tr("cost (yen)")
            return f"{name}\n" + self.tr("estimated")
        if role == _TOOL_TIP:
            if column.kind == QUANTITY:
                return self.tr("The quantity printed on the bill (ご使用量), in %1.").replace(
                    "%1", line.unit
                )
            if column.kind == COST:
                return self.tr("The billed amount (ご請求金額) in yen, tax included. Optional.")
            return self.tr("Tick when the month's value is an estimate, not read from a bill.")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        month, column = self._months[row], self._columns[col]
        records = self._cells.get((row, col), [])
        record = records[0] if len(records) == 1 else None
        error = self._errors.get((row, col))
        if role == RecordRole:
            return record
        if role == ErrorRole:
            return error[1] if error else None
        if role == ColumnRole:
            return column
        if role == MonthRole:
            return month
        if role == _DISPLAY or role == _EDIT:
            if error is not None:
                return error[0]
            if column.kind == ESTIMATED:
                return None
            if column.kind == QUANTITY:
                if len(records) > 1:
                    return format_number(sum((r.quantity for r in records), Decimal(0)))
                return format_number(record.quantity) if record else ""
            return (
                format_number(record.cost_yen, 0) if record and record.cost_yen is not None else ""
            )
        if role == _CHECK_STATE and column.kind == ESTIMATED:
            checked = record is not None and record.estimated
            return _CHECKED if checked else _UNCHECKED
        if role == _ALIGNMENT:
            if column.kind == ESTIMATED:
                return _CENTERED
            return _RIGHT
        if role == _DECORATION and (row, col) in self._scans:
            from PySide6.QtWidgets import QStyle  # only for a scanned bill (QStyle costs ~5 ms)

            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if role == _TOOL_TIP:
            if error is not None:
                return error[1]
            if (row, col) in self._scans:
                return self.tr("Bill attached: %1").replace(
                    "%1", ", ".join(self._scans[(row, col)])
                )
            if len(records) > 1:
                return self.tr("%1 bill lines added up; change them by importing again.").replace(
                    "%1", str(len(records))
                )
            if record is not None and record.estimated:
                return self.tr("Estimated value (not read from a bill)")
            return None
        if role == _BACKGROUND and error is not None:
            return QBrush(_ERROR_BACKGROUND)
        if role == _FOREGROUND:
            if error is not None:
                return QBrush(_ERROR_FOREGROUND)
            if record is not None and record.estimated:
                return QBrush(_ESTIMATED_FOREGROUND)
        if role == _FONT and record is not None and record.estimated:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        column = self._columns[index.column()]
        if len(self._cells.get((index.row(), index.column()), [])) > 1:
            return _READ_ONLY
        if column.kind == ESTIMATED:
            return _CHECKABLE
        return _EDITABLE

    # -- writing -----------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.fiscal_year is None:
            return False
        row, col = index.row(), index.column()
        column = self._columns[col]
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
            text = "1" if checked else "0"
        elif role == Qt.ItemDataRole.EditRole:
            text = "" if value is None else str(value)
        else:
            return False
        if column.kind == QUANTITY and not text.strip() and (row, col) not in self._errors:
            record = self.service.cell_record(self._months[row], column.line)
            if record is None:
                return False  # leaving an empty cell empty is not an edit
        self._errors.pop((row, col), None)
        problems = self.service.set_cell(self.fiscal_year, self._months[row], column, text)
        if problems:
            why = "\n".join(message_text(m) for m in problems)
            if column.kind != ESTIMATED:
                self._errors[(row, col)] = (text, why)
            self.dataChanged.emit(index, index)
            self.refused.emit(problems)
            return False
        self.dataChanged.emit(index, index)
        self.accepted.emit()
        return True

    def paste(self, top_row: int, left_col: int, text: str) -> list[Message]:
        """Paste an Excel block at a cell; the service applies it whole or not at all."""
        if self.fiscal_year is None:
            return []
        problems = self.service.paste_block(self.fiscal_year, top_row, left_col, text)
        if problems:
            self.refused.emit(problems)
        else:
            self._errors = {
                cell: error
                for cell, error in self._errors.items()
                if not (cell[0] >= top_row and cell[1] >= left_col)
            }
            self.accepted.emit()
        return problems

    def clear(self, cells: list[tuple[int, int]]) -> list[Message]:
        if self.fiscal_year is None:
            return []
        for cell in cells:
            self._errors.pop(cell, None)
        problems = self.service.clear_cells(self.fiscal_year, cells)
        if problems:
            self.refused.emit(problems)
        else:
            self.accepted.emit()
        self.refresh()
        return problems

    def copy_text(self, cells: list[tuple[int, int]]) -> str:
        """The selected block as tab-separated text, the way Excel copies."""
        if not cells:
            return ""
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        lines = []
        for r in range(rows[0], rows[-1] + 1):
            values = []
            for c in range(cols[0], cols[-1] + 1):
                index = self.index(r, c)
                if self._columns[c].kind == ESTIMATED:
                    checked = self.data(index, Qt.ItemDataRole.CheckStateRole)
                    values.append("1" if checked == Qt.CheckState.Checked else "")
                else:
                    values.append(str(self.data(index) or "").replace(",", ""))
            lines.append("\t".join(values))
        return "\n".join(lines) + "\n"

    def fiscal_year_title(self) -> str:
        return fiscal_year_label_en(self.fiscal_year) if self.fiscal_year else ""
