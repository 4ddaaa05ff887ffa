"""Import interval data through a preview: the guessed layout, editable, the first days as a
table and a small chart, every problem with its row and column. Nothing is written here: the
dialog hands back the meter-days and the mapping; the page writes them.

The file is read and parsed off the UI thread (gui/worker.py), with progress; changing the
mapping parses again (the cells are kept).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.demand import SLOTS, kw
from ecocheck_desktop.exchange.demand_files import (
    DemandImport,
    DemandMapping,
    guess_mapping,
    read_cells,
)
from ecocheck_desktop.exchange.demand_parse import parse_demand
from ecocheck_desktop.gui.message_text import located_text
from ecocheck_desktop.gui.widgets.build import form_rows, named, ok_cancel, wrapped_label
from ecocheck_desktop.gui.widgets.demand_charts import ChartData, Series, SimpleChart
from ecocheck_desktop.gui.worker import Worker

PREVIEW_DAYS = 7
LINE_COLOURS = [QColor(c) for c in ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")]


class DemandImportDialog(QDialog):
    def __init__(
        self, path: Path, remembered: dict[str, Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("demandImportDialog")
        self.path = Path(path)
        self.remembered = remembered or {}
        self.cells: list[list[str]] = []
        self.result: DemandImport | None = None
        self.resize(900, 640)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.layout_combo = named(QComboBox(self), "demandLayout")
        for key in ("rows", "date_time", "wide"):
            self.layout_combo.addItem("", key)
        self.unit_combo = named(QComboBox(self), "demandUnit")
        for key in ("kWh", "kW"):
            self.unit_combo.addItem(key, key)
        self.interval_combo = named(QComboBox(self), "demandInterval")
        for minutes in (15, 30, 60):
            self.interval_combo.addItem("", minutes)
        self.label_combo = QComboBox(self)
        for key in ("start", "end"):
            self.label_combo.addItem("", key)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(0, 20)
        self.date_spin = QSpinBox(self)
        self.time_spin = QSpinBox(self)
        self.value_spin = QSpinBox(self)
        for spin in (self.date_spin, self.time_spin, self.value_spin):
            spin.setRange(1, 200)
        self.form = QFormLayout()
        widgets = (
            self.layout_combo, self.unit_combo, self.interval_combo, self.label_combo,
            self.header_spin, self.date_spin, self.time_spin, self.value_spin,
        )  # fmt: skip
        self._labels = form_rows(self.form, self, widgets)
        for widget in widgets:
            signal = getattr(widget, "currentIndexChanged", None) or widget.valueChanged
            signal.connect(self._reparse)
        self.table = named(QTableWidget(0, 1 + SLOTS, self), "demandPreviewTable")
        self.chart = SimpleChart(self)
        self.problems = named(QListWidget(self), "demandProblems")
        self.problems.setMaximumHeight(130)
        self.summary = wrapped_label(self)
        self.buttons = ok_cancel(self, self.accept)

        top = QHBoxLayout()
        top.addLayout(self.form)
        top.addWidget(self.chart, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.progress)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        column.addWidget(self.problems)
        column.addWidget(self.buttons)
        self.retranslate_ui()
        self._set_enabled(False)

        self.worker = Worker(self)
        self.worker.finished.connect(self._read)
        self.worker.failed.connect(self._failed)
        self.worker.start(lambda progress, cancelled: self._read_file())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import 30-minute data: %1").replace("%1", self.path.name))
        names = (
            self.tr("Layout"), self.tr("Values in"), self.tr("Interval"), self.tr("Times mark"),
            self.tr("Header rows"), self.tr("Date column"), self.tr("Time column"),
            self.tr("First value column"),
        )  # fmt: skip
        for label, name in zip(self._labels, names, strict=True):
            label.setText(name)
        layouts = (
            self.tr("One row per interval (date and time in one cell)"),
            self.tr("One row per interval (date and time in two columns)"),
            self.tr("One row per day (a date and 24/48/96 columns)"),
        )
        for i, text in enumerate(layouts):
            self.layout_combo.setItemText(i, text)
        for i, minutes in enumerate((15, 30, 60)):
            self.interval_combo.setItemText(i, self.tr("%1 minutes").replace("%1", str(minutes)))
        self.label_combo.setItemText(0, self.tr("the start of each interval"))
        self.label_combo.setItemText(1, self.tr("the end of each interval (24:00)"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))

    # -- reading -------------------------------------------------------------------------------

    def _read_file(self) -> tuple[list[list[str]], DemandMapping, DemandImport]:
        cells = read_cells(self.path)
        mapping = guess_mapping(cells)
        if self.remembered:
            remembered = DemandMapping.from_dict(self.remembered)
            trial = parse_demand(cells[: remembered.header_rows + 200], remembered, self.path)
            if not trial.errors:
                mapping = remembered
        return cells, mapping, parse_demand(cells, mapping, self.path)

    def _read(self, outcome: tuple[list[list[str]], DemandMapping, DemandImport]) -> None:
        self.cells, mapping, result = outcome
        self.progress.hide()
        self._show_mapping(mapping)
        self._set_enabled(True)
        self._show(result)

    def _failed(self, failure: object) -> None:
        self.progress.hide()
        self.problems.clear()
        texts = [located_text(m) for m in failure] if isinstance(failure, list) else [str(failure)]
        for text in texts:
            self.problems.addItem(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for i in range(self.form.rowCount()):
            item = self.form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _show_mapping(self, mapping: DemandMapping) -> None:
        self._updating = True
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(mapping.layout))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(mapping.unit))
        self.interval_combo.setCurrentIndex(self.interval_combo.findData(mapping.interval_min))
        self.label_combo.setCurrentIndex(self.label_combo.findData(mapping.time_label))
        self.header_spin.setValue(mapping.header_rows)
        self.date_spin.setValue(mapping.date_col + 1)
        self.time_spin.setValue((mapping.time_col or 0) + 1)
        self.value_spin.setValue(mapping.value_col + 1)
        self._updating = False

    def mapping(self) -> DemandMapping:
        layout = self.layout_combo.currentData()
        return DemandMapping(
            layout=layout,
            header_rows=self.header_spin.value(),
            date_col=self.date_spin.value() - 1,
            time_col=self.time_spin.value() - 1 if layout == "date_time" else None,
            value_col=self.value_spin.value() - 1,
            unit=self.unit_combo.currentData(),
            interval_min=self.interval_combo.currentData(),
            time_label=self.label_combo.currentData(),
        )

    def _reparse(self, *_: object) -> None:
        if getattr(self, "_updating", True) or not self.cells:
            return
        self._show(parse_demand(self.cells, self.mapping(), self.path))

    def _show(self, result: DemandImport) -> None:
        self.result = result
        days = result.days[:PREVIEW_DAYS]
        self.table.setRowCount(len(days))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date")] + [f"{s // 2}:{30 * (s % 2):02d}" for s in range(SLOTS)]
        )
        for row, day in enumerate(days):
            self.table.setItem(row, 0, QTableWidgetItem(day.day.isoformat()))
            for slot, wh in enumerate(day.wh):
                text = "" if wh is None else f"{wh / 1000:g}"
                self.table.setItem(row, slot + 1, QTableWidgetItem(text))
        series = [
            Series(day.day.isoformat(), [float(kw(w)) if w is not None else 0.0 for w in day.wh],
                   LINE_COLOURS[i % len(LINE_COLOURS)])
            for i, day in enumerate(days[:5])
        ]  # fmt: skip
        labels = [f"{s // 2}" if s % 2 == 0 else "" for s in range(SLOTS)]
        self.chart.set_data(self.tr("The first days (kW)"), ChartData(labels, series, tick_every=6))
        self.problems.clear()
        for message in result.errors:
            item_text = located_text(message)
            self.problems.addItem(item_text)
            self.problems.item(self.problems.count() - 1).setForeground(QColor("#b00020"))
        for message in result.warnings:
            self.problems.addItem(located_text(message))
        if result.errors:
            self.summary.setText(
                self.tr("%1 problems must be fixed first: nothing will be written.").replace(
                    "%1", str(len(result.errors))
                )
            )
        else:
            first = result.days[0].day.isoformat() if result.days else "-"
            last = result.days[-1].day.isoformat() if result.days else "-"
            self.summary.setText(
                self.tr("%1 days will be imported (%2 to %3).")
                .replace("%1", str(len(result.days)))
                .replace("%2", first)
                .replace("%3", last)
            )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not result.errors and bool(result.days))
