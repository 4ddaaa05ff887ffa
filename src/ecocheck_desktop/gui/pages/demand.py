"""デマンド: a meter's 30-minute data — heat map, weekday/weekend profile, monthly peaks against
the contract kW, the top-10 peaks (a click shows that day's curve), and the import.

The numbers are core/demand.py's; the file is read in the import dialog (off the UI thread),
written here through the service's project file in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.demand import SLOTS, DemandAnalysis, Meter, MeterDay, analyse, kw
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.gui.message_text import messages_text
from ecocheck_desktop.gui.pages.base import EmptyState
from ecocheck_desktop.gui.pages.project_page import ProjectPage
from ecocheck_desktop.gui.widgets.demand_charts import (
    ChartData,
    Series,
    SimpleChart,
    heat_map_image,
    kw_list,
)

if TYPE_CHECKING:
    from ecocheck_desktop.store.project_file import ProjectFile

BLUE, ORANGE, GREY = QColor("#1f77b4"), QColor("#ff7f0e"), QColor("#7f7f7f")
HALF_HOUR_TICKS = [f"{s // 2}" if s % 2 == 0 else "" for s in range(SLOTS)]


class DemandPage(ProjectPage):
    page_id = "demand"

    def setup_ui(self) -> None:
        self.days: list[MeterDay] = []
        self.analysis: DemandAnalysis | None = None
        self.meter: Meter | None = None

        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.meter_combo = QComboBox(self.content)
        self.meter_combo.setObjectName("demandMeter")
        self.meter_combo.currentIndexChanged.connect(self._on_meter)
        self.import_button = QPushButton(self.content)
        self.import_button.setObjectName("demandImport")
        self.import_button.clicked.connect(self.choose_file)
        self.summary = QLabel(self.content)
        self.summary.setObjectName("demandSummary")
        self.summary.setWordWrap(True)
        self.heat_title = QLabel(self.content)
        self.heat_map = QLabel(self.content)
        self.heat_map.setObjectName("demandHeatMap")
        self.heat_map.setMinimumSize(288, 220)
        self.heat_map.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.profile = SimpleChart(self.content)
        self.peaks_chart = SimpleChart(self.content)
        self.day_chart = SimpleChart(self.content)
        self.top_table = QTableWidget(0, 2, self.content)
        self.top_table.setObjectName("demandTopPeaks")
        self.top_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.top_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.top_table.verticalHeader().hide()
        self.top_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.top_table.currentCellChanged.connect(self._on_peak)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.meter_combo)
        top.addWidget(self.import_button)
        heat = QVBoxLayout()
        heat.addWidget(self.heat_title)
        heat.addWidget(self.heat_map, 1)
        self.charts = QWidget(self.content)
        grid = QGridLayout(self.charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(heat, 0, 0, 2, 1)
        grid.addWidget(self.profile, 0, 1)
        grid.addWidget(self.peaks_chart, 0, 2)
        grid.addWidget(self.top_table, 1, 1)
        grid.addWidget(self.day_chart, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        # A project without a meter: a heading, one line and the import button, not empty
        # chart frames.
        self.no_data = EmptyState(self.content)
        self.no_data.setObjectName("demandNoData")
        self.no_data_import = self.no_data.add_button(self.choose_file, primary=True)
        self.no_data_import.setObjectName("demandImportEmpty")
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.charts, 1)
        column.addWidget(self.no_data, 1)
        self.show_content()
        self.service.project_opened.connect(lambda _path: self.refresh())
        self.service.project_closed.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    def retranslate_content(self) -> None:
        self.import_button.setText(self.tr("Import 30-minute data…"))
        self.no_data_import.setText(self.tr("Import 30-minute data…"))
        self.no_data.set_texts(
            self.tr("No 30-minute data yet"),
            self.tr(
                "Import the 30-minute readings of your meter (CSV or Excel from your electricity"
                " retailer's web portal or a demand monitor) to see the base load, the peaks and"
                " the contract kW they set."
            ),
        )
        self.heat_title.setText(self.tr("Heat map: days (down) × half-hours 0:00–24:00 (across)"))
        self.top_table.setHorizontalHeaderLabels([self.tr("Date and time"), self.tr("kW")])
        self._draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # -- data --------------------------------------------------------------------------------

    def _store(self) -> ProjectFile | None:
        if not self.service.is_open:
            return None
        try:
            store: ProjectFile = self.service.demand_store()
        except EcoCheckError:
            return None
        return store

    def refresh(self) -> None:
        store = self._store()
        self.empty_state.setVisible(store is None)
        self.content.setVisible(store is not None)
        meters = store.meters() if store is not None else []
        current = self.meter_combo.currentData()
        self.meter_combo.blockSignals(True)
        self.meter_combo.clear()
        for meter in meters:
            self.meter_combo.addItem(meter.name, meter.name)
        index = self.meter_combo.findData(current)
        self.meter_combo.setCurrentIndex(index if index >= 0 else 0)
        self.meter_combo.blockSignals(False)
        self._on_meter()

    def _on_meter(self, _index: int = -1) -> None:
        store = self._store()
        name = self.meter_combo.currentData()
        self.meter = None
        self.days = []
        if store is not None and isinstance(name, str):
            self.meter = next((m for m in store.meters() if m.name == name), None)
            self.days = store.meter_days(name)
        self.analysis = analyse(self.days) if self.days else None
        self._show_data(self.analysis is not None)
        self._draw()

    def _show_data(self, has_data: bool) -> None:
        """The charts with data; the empty state (heading, a line, the import button) without."""
        self.no_data.setVisible(not has_data)
        for widget in (self.charts, self.summary, self.meter_combo, self.import_button):
            widget.setVisible(has_data)

    # -- drawing -----------------------------------------------------------------------------

    def _draw(self) -> None:
        analysis = self.analysis
        if analysis is None:
            self.summary.setText(
                self.tr("No 30-minute data yet: import a file with “Import 30-minute data…”.")
            )
            for chart in (self.profile, self.peaks_chart, self.day_chart):
                chart.set_data("", ChartData())
            self.heat_map.clear()
            self.top_table.setRowCount(0)
            return
        self.summary.setText(
            self.tr(
                "%1 days. Base load %2 kW (5th percentile of nights 22:00–6:00 and weekends),"
                " %3 % of the kWh. Highest demand of the last 12 months: %4 kW — it sets the"
                " contract kW (契約電力)."
            )
            .replace("%1", str(analysis.days))
            .replace("%2", f"{analysis.base_load_kw:,.1f}")
            .replace("%3", f"{analysis.base_load_share_pct:.1f}")
            .replace("%4", f"{analysis.contract_kw_12m:,.0f}")
        )
        image = heat_map_image(self.days)
        self.heat_map.setPixmap(
            QPixmap.fromImage(image).scaled(
                288, max(220, min(520, image.height())),
                Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation,
            )
        )  # fmt: skip
        self.profile.set_data(
            self.tr("Typical day (mean kW)"),
            ChartData(
                HALF_HOUR_TICKS,
                [
                    Series(self.tr("Weekdays"), kw_list(analysis.weekday_profile_kw), BLUE),
                    Series(self.tr("Weekends"), kw_list(analysis.weekend_profile_kw), ORANGE),
                ],
                reference=float(analysis.base_load_kw),
                reference_label=self.tr("Base load"),
                tick_every=6,
            ),
        )
        contract = self.meter.contract_kw if self.meter is not None else None
        months = list(analysis.monthly_peak_kw)
        self.peaks_chart.set_data(
            self.tr("Peak demand per month (kW)"),
            ChartData(
                [str(int(m[5:])) for m in months],
                [Series(self.tr("Peak"), kw_list(list(analysis.monthly_peak_kw.values())), BLUE,
                        bars=True)],
                reference=float(contract if contract is not None else analysis.contract_kw_12m),
                reference_label=(
                    self.tr("Contract kW") if contract is not None else self.tr("12-month maximum")
                ),
                tick_every=1 if len(months) <= 12 else 2,
            ),
        )  # fmt: skip
        self.top_table.blockSignals(True)
        self.top_table.setRowCount(len(analysis.top_peaks))
        for row, peak in enumerate(analysis.top_peaks):
            self.top_table.setItem(row, 0, QTableWidgetItem(peak.at.strftime("%Y-%m-%d %H:%M")))
            item = QTableWidgetItem(f"{peak.kw:,.1f}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.top_table.setItem(row, 1, item)
        self.top_table.blockSignals(False)
        self.show_peak_day(0)

    def _on_peak(self, row: int, *_: Any) -> None:
        self.show_peak_day(row)

    def show_peak_day(self, row: int) -> None:
        """The curve of the day of the row-th highest peak."""
        if self.analysis is None or not 0 <= row < len(self.analysis.top_peaks):
            self.day_chart.set_data("", ChartData())
            return
        peak = self.analysis.top_peaks[row]
        day = next((d for d in self.days if d.day == peak.at.date()), None)
        values = [float(kw(w)) if w is not None else 0.0 for w in (day.wh if day else ())]
        self.day_chart.set_data(
            self.tr("%1: the day of the peak (kW)").replace("%1", peak.at.strftime("%Y-%m-%d")),
            ChartData(
                HALF_HOUR_TICKS,
                [Series(peak.at.strftime("%Y-%m-%d"), values, GREY, bars=True)],
                reference=float(self.analysis.base_load_kw),
                reference_label=self.tr("Base load"),
                tick_every=6,
            ),
        )

    # -- import ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Import 30-minute data"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Interval data (*.csv *.xlsx *.txt)"))
        dialog.fileSelected.connect(self.preview)
        dialog.open()

    def preview(self, path: str) -> Any:
        # the import dialog (and its file readers) load when it opens
        from ecocheck_desktop.gui.dialogs.demand_import import DemandImportDialog

        meter = self.meter or Meter(name=Path(path).stem)
        dialog = DemandImportDialog(Path(path), meter.mapping, self)
        dialog.accepted.connect(lambda: self.store_import(meter, dialog))
        dialog.open()
        return dialog

    def store_import(self, meter: Meter, dialog: Any) -> None:
        store = self._store()
        result = dialog.result
        if store is None or result is None or result.errors:
            return
        stored = Meter(
            meter.name, meter.site, meter.contract_kw, meter.base_charge_yen_per_kw,
            meter.base_charge_source, dialog.mapping().to_dict(),
        )  # fmt: skip
        try:
            store.import_meter_days(stored, result.days)
        except EcoCheckError as error:
            QMessageBox.warning(self, self.tr("Import 30-minute data"), messages_text(
                list(error.messages)))  # fmt: skip
            return
        self.service.demand_changed.emit()  # the measures and targets pages re-rank DM-01/DM-02
        self.refresh()
        self.meter_combo.setCurrentIndex(self.meter_combo.findData(meter.name))
