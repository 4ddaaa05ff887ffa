"""The table model of the 削減対策 page: one row per ranked measure of a Plan.

Numbers are formatted here for reading only; the Plan keeps the exact Decimals. The confidence
of each measure's numbers is always a column of its own: a measure is never shown without it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)

from ecocheck_desktop.core.measure_results import MeasureResult
from ecocheck_desktop.gui.models.rows_model import Index, RowsModel
from ecocheck_desktop.gui.widgets.term_tip import term_tip
from ecocheck_desktop.text.report_demand import demand_measure_text

COLUMNS = ("plan", "rank", "name", "t_co2", "yen", "capex", "payback", "cost_per_t", "confidence")
NUMERIC = {"rank", "t_co2", "yen", "capex", "payback", "cost_per_t"}
ALL, OPERATIONAL, INVESTMENT = "all", "operational", "investment"


def fmt_number(value: Decimal | None, places: int = 0) -> str:
    if value is None:
        return "-"
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{number:,.{places}f}"


def man_yen(value: Decimal | None, places: int = 1) -> str:
    """Yen shown in 万円 (10k yen): the measures' money is in one unit, investment and savings
    alike (issue 19: investment in 万円 beside savings in 円 misled)."""
    return "-" if value is None else fmt_number(Decimal(value) / 10000, places)


def is_operational(result: MeasureResult) -> bool:
    """No investment needed: the measure costs nothing to start (運用改善)."""
    return result.capex_high == 0


def confidence_text(confidence: str) -> str:
    labels = {
        "sourced": QCoreApplication.translate("MeasuresTableModel", "Sourced"),
        "derived": QCoreApplication.translate("MeasuresTableModel", "Derived"),
        "unconfirmed": QCoreApplication.translate("MeasuresTableModel", "Unconfirmed"),
    }
    return labels.get(confidence, confidence)


def payback_text(result: MeasureResult) -> str:
    if result.payback_years is None:
        return "-"
    if is_operational(result):
        return QCoreApplication.translate("MeasuresTableModel", "immediate")
    versus = {
        "within": QCoreApplication.translate("MeasuresTableModel", "≤ life"),
        "beyond": QCoreApplication.translate("MeasuresTableModel", "> life"),
    }
    mark = versus.get(result.payback_vs_legal_life, "")
    return f"{fmt_number(result.payback_years, 1)} {mark}".strip()


def capex_text(result: MeasureResult) -> str:
    if is_operational(result):
        return QCoreApplication.translate("MeasuresTableModel", "none")
    # In 万円 (10k yen), as Japanese quotations state it; the unit is in the column header.
    low, high = result.capex_low / 10000, result.capex_high / 10000
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low)}–{fmt_number(high)}"


class MeasuresTableModel(RowsModel):
    """Rows of ranked measures, filtered by kind of cost; the first column ticks a measure into
    the plan (the page writes the tick through the project service, so it is undoable)."""

    columns = COLUMNS

    plan_toggled = Signal(str, bool)  # measure id, wanted in the plan

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[MeasureResult] = []
        self._rows: list[MeasureResult] = []
        self._filter = ALL
        self.lang = "ja"
        self._planned: set[str] = set()
        # The row order the user sees, by measure id: kept when a tick re-ranks the plan, so
        # the list does not move under the mouse; sort_by() (a header click) changes it.
        self._order: list[str] = []

    def set_planned(self, measure_ids: set[str]) -> None:
        """The measures the company chose (empty: none chosen, every measure is counted)."""
        self._planned = set(measure_ids)
        if self._rows:
            column = COLUMNS.index("plan")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_results(self, results: list[MeasureResult], lang: str) -> None:
        """New figures; the rows keep the order they had (new measures last, by rank)."""
        self.beginResetModel()
        ranked = [r for r in results if r.rank is not None]
        place = {measure_id: i for i, measure_id in enumerate(self._order)}
        ranked.sort(key=lambda r: (place.get(r.measure.id, len(place)), r.rank or 0))
        self._all = ranked
        self._order = [r.measure.id for r in ranked]
        self.lang = lang
        self._apply_filter()
        self.endResetModel()

    def forget_order(self) -> None:
        """Another project or year: the next results come in rank order."""
        self._order = []

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-sort on the user's explicit request (a header click): rank, name or a figure."""
        name = COLUMNS[column]
        keys: dict[str, Any] = {
            "plan": lambda r: r.measure.id not in self._planned,
            "rank": lambda r: r.rank or 0,
            "name": lambda r: self._text(r, "name"),
            "t_co2": lambda r: r.t_co2_per_year,
            "yen": lambda r: r.yen_per_year,
            "capex": lambda r: r.capex_high,
            "payback": lambda r: (r.payback_years is None, r.payback_years or 0),
            "cost_per_t": lambda r: (r.cost_per_t_co2 is None, r.cost_per_t_co2 or 0),
            "confidence": lambda r: r.measure.confidence,
        }
        self.beginResetModel()
        self._all.sort(key=keys[name], reverse=order == Qt.SortOrder.DescendingOrder)
        self._order = [r.measure.id for r in self._all]
        self._apply_filter()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_by(column, order)

    def set_filter(self, which: str) -> None:
        self.beginResetModel()
        self._filter = which
        self._apply_filter()
        self.endResetModel()

    def retranslate(self, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.endResetModel()

    def _apply_filter(self) -> None:
        if self._filter == OPERATIONAL:
            self._rows = [r for r in self._all if is_operational(r)]
        elif self._filter == INVESTMENT:
            self._rows = [r for r in self._all if not is_operational(r)]
        else:
            self._rows = list(self._all)

    def result(self, row: int) -> MeasureResult:
        return self._rows[row]

    def results(self) -> list[MeasureResult]:
        return list(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            # The plain words of each column an owner may not know (text/glossary.py).
            terms = {
                "payback": ("payback", "legal_life"),
                "cost_per_t": ("cost_per_t",),
                "confidence": ("confidence",),
                "t_co2": ("t_co2",),
            }.get(COLUMNS[section])
            return term_tip(*terms) if terms else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "plan": QCoreApplication.translate("MeasuresTableModel", "Plan"),
            "rank": QCoreApplication.translate("MeasuresTableModel", "Rank"),
            "name": QCoreApplication.translate("MeasuresTableModel", "Measure"),
            "t_co2": QCoreApplication.translate("MeasuresTableModel", "t-CO2/yr"),
            "yen": QCoreApplication.translate("MeasuresTableModel", "Savings (10k yen/yr)"),
            "capex": QCoreApplication.translate("MeasuresTableModel", "Investment (10k yen)"),
            "payback": QCoreApplication.translate("MeasuresTableModel", "Payback (years)"),
            "cost_per_t": QCoreApplication.translate("MeasuresTableModel", "Yen/t-CO2"),
            "confidence": QCoreApplication.translate("MeasuresTableModel", "Confidence"),
        }
        return titles[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "plan":
            if role == Qt.ItemDataRole.CheckStateRole:
                wanted = result.measure.id in self._planned
                return Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "MeasuresTableModel", "Tick the measures you plan to carry out"
                )
            return None
        overlap = column in ("t_co2", "yen") and self._overlap(result)
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(result, column)
            return f"{text} ※" if overlap else text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            measure = result.measure
            if overlap:
                return QCoreApplication.translate(
                    "MeasuresTableModel",
                    "※ Overlap with other measures deducted: the measures above it in the plan "
                    "already cut the same energy, so this figure is smaller than the measure "
                    "alone and changes when you tick or untick them.",
                )
            if column == "confidence":
                return QCoreApplication.translate(
                    "MeasuresTableModel",
                    "Sourced: numbers from a cited source. Derived: calculated from sourced "
                    "figures. Unconfirmed: an estimate to check with a supplier.",
                )
            explained = demand_measure_text(result, self.lang)  # DM-01/DM-02: own numbers
            if explained:
                return explained
            return measure.description_ja if self.lang == "ja" else measure.description_en
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] == "plan":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or COLUMNS[index.column()] != "plan":
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.plan_toggled.emit(self._rows[index.row()].measure.id, checked)
        return True

    def _overlap(self, result: MeasureResult) -> bool:
        """The figures are what is left after the overlapping measures above it in the plan."""
        return any(note.code == "measures.overlap" for note in result.notes)

    def has_overlap(self) -> bool:
        return any(self._overlap(r) for r in self._rows)

    def _text(self, result: MeasureResult, column: str) -> str:
        measure = result.measure
        if column == "rank":
            return str(result.rank)
        if column == "name":
            return measure.name_ja if self.lang == "ja" else measure.name_en
        if column == "t_co2":
            if result.quantified and measure.model == "demand_peak":
                # DM-01 moves energy to other half-hours: it saves yen, not CO2.
                return QCoreApplication.translate("MeasuresTableModel", "0 (yen only)")
            return fmt_number(result.t_co2_per_year, 2) if result.quantified else "-"
        if column == "yen":
            return man_yen(result.yen_per_year) if result.quantified else "-"
        if column == "capex":
            return capex_text(result)
        if column == "payback":
            return payback_text(result)
        if column == "cost_per_t":
            return fmt_number(result.cost_per_t_co2)
        return confidence_text(measure.confidence)
