"""The table model of the ポートフォリオ page: one row per project file of the chosen folder.

Display texts use the report's number formats (``text.numbers``) so that the list, the PDFs
and the CSV agree to the digit; ``SORT_ROLE`` hands the sort proxy the exact numbers, so that
"1,200" sorts after "950" and a missing value ("-") always sorts last. An unreadable file keeps
its row: its status column says why in a few words and its tooltip gives the whole message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ecocheck_desktop.exchange.portfolio import PortfolioRow
from ecocheck_desktop.gui.message_text import message_text
from ecocheck_desktop.gui.models.rows_model import Index, RowsModel
from ecocheck_desktop.text.numbers import fmt, fmt_pct, fmt_t

# The status beside the name: why a file shows no figures is the first thing to see.
COLUMNS = (
    "company",
    "status",
    "industry",
    "year",
    "total",
    "change",
    "intensity",
    "completeness",
    "planned",
    "file",
)
NUMERIC = {"year", "total", "change", "intensity", "completeness", "planned"}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
_PROBLEM = QBrush(QColor("#8a5300"))


def status_text(row: PortfolioRow) -> str:
    """A few words on the row's state (the tooltip has the full message)."""
    if row.error is None:
        return (
            QCoreApplication.translate("PortfolioTableModel", "OK")
            if row.complete
            else QCoreApplication.translate("PortfolioTableModel", "Year incomplete")
        )
    labels = {
        "store.in_use": QCoreApplication.translate("PortfolioTableModel", "In use"),
        "store.newer_version": QCoreApplication.translate("PortfolioTableModel", "Newer version"),
        "store.not_a_project": QCoreApplication.translate(
            "PortfolioTableModel", "Not a project file"
        ),
        "store.corrupt": QCoreApplication.translate("PortfolioTableModel", "Damaged"),
        "store.io_error": QCoreApplication.translate("PortfolioTableModel", "Cannot be read"),
        "store.needs_recovery": QCoreApplication.translate("PortfolioTableModel", "Needs recovery"),
        "portfolio.needs_recovery": QCoreApplication.translate(
            "PortfolioTableModel", "Needs recovery"
        ),
        "portfolio.no_data": QCoreApplication.translate(
            "PortfolioTableModel", "No energy data yet"
        ),
    }
    return labels.get(
        row.error.code, QCoreApplication.translate("PortfolioTableModel", "Cannot be read")
    )


class PortfolioTableModel(RowsModel):
    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PortfolioRow] = []

    # -- content -----------------------------------------------------------------------------

    def set_rows(self, rows: list[PortfolioRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[PortfolioRow]:
        return list(self._rows)

    def row_at(self, row: int) -> PortfolioRow:
        return self._rows[row]

    def retranslate(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # -- Qt model ----------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def header_text(column: str) -> str:
        return {
            "company": QCoreApplication.translate("PortfolioTableModel", "Company"),
            "industry": QCoreApplication.translate("PortfolioTableModel", "Industry"),
            "year": QCoreApplication.translate("PortfolioTableModel", "FY"),
            "total": QCoreApplication.translate("PortfolioTableModel", "Scope 1+2\n[t-CO2]"),
            "change": QCoreApplication.translate("PortfolioTableModel", "Change vs\nlast FY"),
            "intensity": QCoreApplication.translate(
                "PortfolioTableModel", "Intensity\n[t/million yen]"
            ),
            "completeness": QCoreApplication.translate("PortfolioTableModel", "Data\ncomplete"),
            "planned": QCoreApplication.translate("PortfolioTableModel", "Planned cut\n[t-CO2/yr]"),
            "status": QCoreApplication.translate("PortfolioTableModel", "Status"),
            "file": QCoreApplication.translate("PortfolioTableModel", "File"),
        }[column]

    @staticmethod
    def header_tooltip(column: str) -> str:
        return {
            "year": QCoreApplication.translate(
                "PortfolioTableModel", "The latest fiscal year whose calculation is complete"
            ),
            "total": QCoreApplication.translate(
                "PortfolioTableModel",
                "Scope 1 + Scope 2 on the adjusted (market) basis of the SHK rules",
            ),
            "change": QCoreApplication.translate(
                "PortfolioTableModel", "Change of Scope 1+2 against the fiscal year before"
            ),
            "intensity": QCoreApplication.translate(
                "PortfolioTableModel", "Scope 1+2 (t-CO2) per million yen of revenue"
            ),
            "completeness": QCoreApplication.translate(
                "PortfolioTableModel",
                "Share of the months with a bill, for every energy the company used that year",
            ),
            "planned": QCoreApplication.translate(
                "PortfolioTableModel",
                "The annual reduction of the measures in the company's plan; with * the "
                "reduction its target asks for (no plan yet)",
            ),
        }.get(column, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == PATH_ROLE:
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.ok:
            return _PROBLEM
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error is not None:
                return message_text(row.error)
            if column == "company":
                return str(row.path)
        return None

    def _text(self, row: PortfolioRow, column: str) -> str:
        if column == "company":
            return row.company or row.file_name
        if column == "industry":
            return row.industry or "-"
        if column == "file":
            return row.file_name
        if column == "status":
            return status_text(row)
        if not row.ok:
            return ""
        if column == "year":
            return str(row.fiscal_year) if row.fiscal_year is not None else "-"
        if column == "total":
            return fmt_t(row.total_t)
        if column == "change":
            return fmt_pct(row.yoy_change_pct)
        if column == "intensity":
            return fmt(row.intensity_revenue, 3)
        if column == "completeness":
            return fmt_pct(row.completeness_pct, signed=False).replace(".0 %", " %")
        if column == "planned":
            if row.plan_reduction_t is not None:  # the plan's cut; else the target's ask, *
                return fmt_t(row.plan_reduction_t)
            return fmt_t(row.target_reduction_t) + " *" if row.target_reduction_t else "-"
        return ""

    @staticmethod
    def _sort_value(row: PortfolioRow, column: str) -> Any:
        if column in ("company", "industry", "file", "status"):
            text = {
                "company": row.company or row.file_name,
                "industry": row.industry,
                "file": row.file_name,
                "status": row.error.code if row.error else ("" if row.complete else "~"),
            }[column]
            return text.casefold()
        value: Decimal | int | None = {
            "year": row.fiscal_year,
            "total": row.total_t,
            "change": row.yoy_change_pct,
            "intensity": row.intensity_revenue,
            "completeness": row.completeness_pct,
            "planned": row.plan_reduction_t,
        }[column]
        return None if value is None else float(value)


class PortfolioFilter(QSortFilterProxyModel):
    """Sorts by the exact numbers and filters on text (company, industry, file) and state."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._hide_unreadable = False
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hide_unreadable(self, hide: bool) -> None:
        self.beginFilterChange()
        self._hide_unreadable = hide
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PortfolioTableModel)
        row = model.row_at(source_row)
        if self._hide_unreadable and not row.ok:
            return False
        if not self._text:
            return True
        haystack = f"{row.company} {row.industry} {row.file_name} {row.city}".casefold()
        return all(word in haystack for word in self._text.split())

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        # Missing values last in either order (Qt reverses lessThan for descending).
        if a is None or b is None:
            if self.sortOrder() == Qt.SortOrder.AscendingOrder:
                return a is not None and b is None
            return a is None and b is not None
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)
