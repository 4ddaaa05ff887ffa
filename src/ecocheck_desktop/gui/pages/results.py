"""結果: the footprint (Scope 1 and 2 on every basis), KPIs and charts.

The tiles follow every edit at once (they only format numbers the service already has); the
charts are rebuilt a moment later and only while the page is shown, because building matplotlib
figures costs far more than a keystroke should.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from ecocheck_desktop.core.completeness import FACTOR_ERROR_CODES
from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.gui.message_text import energy_label, language, message_text
from ecocheck_desktop.gui.pages.project_page import ProjectPage, fiscal_year_text, refill_years
from ecocheck_desktop.gui.widgets.build import hbox, named, vbox
from ecocheck_desktop.gui.widgets.chart_view import ChartView
from ecocheck_desktop.gui.widgets.kpi_tile import KpiTile
from ecocheck_desktop.gui.widgets.term_tip import with_terms
from ecocheck_desktop.text.numbers import fmt_pct, fmt_t
from ecocheck_desktop.text.report import how_text
from ecocheck_desktop.text.units import factor_label_text, unit_text

TILES = ("scope1", "scope2_adjusted", "scope2_location", "total", "change", "intensity")
# Tiles whose figure depends on a scope: an unresolved factor there leaves it 「未確定」.
TILE_SCOPES = {
    "scope1": {1},
    "scope2_adjusted": {2},
    "scope2_location": {2},
    "total": {1, 2},
    "change": {1, 2},
    "intensity": {1, 2},
}
BANNER_REASONS = 3  # reasons listed in the banner; the checks list has them all
# An incomplete tile carries a two-line caption; with the banner above, the tile row must not
# be squeezed by the charts below (word-wrapped labels under-report their height).
INCOMPLETE_TILE_MIN_HEIGHT = 132
BANNER_STYLE = (
    "QLabel#incompleteBanner { background: #fff4e0; border: 1px solid #e0a440;"
    " border-radius: 4px; padding: 6px 10px; color: #5a3a00; }"
)
CHART_DELAY_MS = 150
MESSAGE_ROLE = 256  # Qt.UserRole: the warning's Message


def factor_value_text(value: Decimal) -> str:
    """A factor for reading (0.000452, 2.09, 2.61947): six significant digits, no exponent.

    The exact value stays in the calculation; chain factors have endless decimals.
    """
    if value == 0:
        return "0"
    shown = round(value, max(0, 5 - value.adjusted()))
    text = f"{shown:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ResultsPage(ProjectPage):
    page_id = "results"

    # (fiscal year, month, energy, site): show this cell of the energy grid.
    cell_requested = Signal(int, str, str, str)

    def setup_ui(self) -> None:

        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.year_combo = named(QComboBox(self.content), "resultsFiscalYear")
        self.year_combo.currentIndexChanged.connect(self._on_year)
        self.tiles = {key: KpiTile(key, self.content) for key in TILES}
        # The one completeness rule (core.completeness): an incomplete year says so and why.
        self.incomplete_banner = named(QLabel(self.content), "incompleteBanner")
        self.incomplete_banner.setStyleSheet(BANNER_STYLE)
        self.incomplete_banner.setWordWrap(True)
        self.incomplete_banner.hide()
        self.charts = QTabWidget(self.content)
        self.monthly_chart = ChartView(self.charts)
        self.scope_chart = ChartView(self.charts)
        self.trend_chart = ChartView(self.charts)
        for chart in (self.monthly_chart, self.scope_chart, self.trend_chart):
            self.charts.addTab(chart, "")
        self.factors = named(QTableWidget(0, 5, self.content), "factorsUsed")
        self.factors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.factors.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.factors.verticalHeader().hide()
        factor_header = self.factors.horizontalHeader()
        factor_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        factor_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        factor_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        factor_header.resizeSection(3, 150)
        self.factors.setWordWrap(False)
        self.factors.cellDoubleClicked.connect(self._open_factor_source)
        self.warnings = named(QListWidget(self.content), "warnings")
        self.warnings.itemActivated.connect(self._jump_to_warning)
        self.warnings.itemDoubleClicked.connect(self._jump_to_warning)
        self.factors_label = QLabel(self.content)
        self.warnings_label = QLabel(self.content)

        tiles = QGridLayout()
        for index, key in enumerate(TILES):
            tiles.addWidget(self.tiles[key], 0, index)
        lower = QSplitter(self.content)
        for label, widget in (
            (self.factors_label, self.factors),
            (self.warnings_label, self.warnings),
        ):
            box = QWidget(lower)
            vbox(box, label, widget)
            lower.addWidget(box)
        vbox(
            self.content,
            hbox(self.title, 1, self.year_combo),
            self.incomplete_banner,
            tiles,
            (self.charts, 3),
            (lower, 2),
        )
        self.show_content()

        self._chart_timer = self.debounce(CHART_DELAY_MS, self.update_charts)
        self._charts_stale = True
        self._factor_urls: list[str] = []

        self.service.footprint_changed.connect(self._on_footprint)
        self.retranslate_ui()
        self._on_footprint()

    # -- state -------------------------------------------------------------------------------

    def fiscal_year(self) -> int | None:
        year = self.year_combo.currentData()
        return year if isinstance(year, int) else None

    def _on_footprint(self) -> None:
        is_open = self.show_open(self.service.is_open)
        years = self.service.fiscal_years() if is_open else []
        refill_years(self.year_combo, years, self.fiscal_year())
        self.update_tiles()
        self._charts_stale = True
        if self.isVisible():
            self._chart_timer.start()

    def _on_year(self, _index: int = -1) -> None:
        self.update_tiles()
        self._charts_stale = True
        self.update_charts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._charts_stale and self.service.is_open:
            self._chart_timer.start()

    def update_tiles(self) -> None:
        year = self._year()
        for tile in self.tiles.values():
            tile.set_value("-", "")
            tile.setMinimumHeight(0)
        self.incomplete_banner.hide()
        if year is None:
            return
        t = self.tr("t-CO2")
        self._fill_tile_values(year, t)
        if not year.complete:
            self._mark_incomplete(year)

    def _mark_incomplete(self, year: YearResult) -> None:
        """「未確定」 instead of a bare figure: where a factor is missing the tile shows no number;
        otherwise the number is kept and its caption says why it is not final."""
        reasons = list(year.incomplete_reasons)
        completeness = year.completeness
        missing = completeness.missing_factor if completeness is not None else ()
        scopes = {ENERGY_TYPES[code].scope if code in ENERGY_TYPES else 0 for code in missing}
        incomplete = self.tr("Incomplete")
        short = self._short_reason(year)
        # Only unresolved factors: the tiles they do not touch are final figures.
        only_factors = all(m.code in FACTOR_ERROR_CODES for m in reasons)
        for key, tile_scopes in TILE_SCOPES.items():
            tile = self.tiles[key]
            tile.setMinimumHeight(INCOMPLETE_TILE_MIN_HEIGHT)
            if scopes & tile_scopes or 0 in scopes:
                names = ", ".join(energy_label(code) for code in missing)
                tile.set_value(incomplete, self.tr("factor needed: %1").replace("%1", names))
            elif not only_factors:
                caption = tile.caption.text()
                tile.set_value(tile.value.text(), f"{caption} · {incomplete}: {short}")
        lines = [message_text(message) for message in reasons[:BANNER_REASONS]]
        if len(reasons) > BANNER_REASONS:
            more = self.tr("%1 more in the checks below")
            lines.append(more.replace("%1", str(len(reasons) - BANNER_REASONS)))
        heading = self.tr("Incomplete: this year's figures are not final.")
        self.incomplete_banner.setText("\n".join([heading, *("・" + line for line in lines)]))
        self.incomplete_banner.show()

    def _short_reason(self, year: YearResult) -> str:
        completeness = year.completeness
        codes = [message.code for message in year.incomplete_reasons]
        if completeness is not None and "completeness.part_year" in codes:
            months = len(completeness.months_present)
            return self.tr("%1 of 12 months").replace("%1", str(months))
        if "completeness.blank_months" in codes:
            return self.tr("months left blank")
        if "factor.user_without_source" in codes:
            return self.tr("a factor has no source")
        return self.tr("see the checks")

    def _fill_tile_values(self, year: YearResult, t: str) -> None:
        self.tiles["scope1"].set_value(fmt_t(year.scope1_t), t)
        self.tiles["scope2_adjusted"].set_value(
            fmt_t(year.scope2_adjusted_t),
            t + " · " + self.tr("basic %1").replace("%1", fmt_t(year.scope2_basic_t)),
        )
        self.tiles["scope2_location"].set_value(fmt_t(year.scope2_location_t), t)
        self.tiles["total"].set_value(fmt_t(year.total_adjusted_t), t)
        previous = self.service.previous_year_result(year.fiscal_year)
        if year.yoy_change_pct is not None and previous is not None:
            self.tiles["change"].set_value(
                fmt_pct(year.yoy_change_pct),
                self.tr("vs %1").replace("%1", fiscal_year_text(previous.fiscal_year)),
            )
        else:
            self.tiles["change"].set_value("-", self.tr("no previous year"))
        if year.intensities:
            intensity = year.intensities[0]
            label = intensity.denominator_label(language())
            unit = unit_text(intensity.unit, language())
            self.tiles["intensity"].set_value(f"{intensity.value:,.3f}", f"{unit} {label}")
        else:
            self.tiles["intensity"].set_value("-", self.tr("enter revenue on the Company page"))

    def _year(self) -> YearResult | None:
        fiscal_year = self.fiscal_year()
        return self.service.year_result(fiscal_year) if fiscal_year is not None else None

    def _fill_lists(self, year: YearResult | None) -> None:
        self.factors.setRowCount(0)
        self.warnings.clear()
        self._factor_urls = []
        if year is None:
            return
        lang = language()
        for factor in year.factors_used:
            row = self.factors.rowCount()
            self.factors.insertRow(row)
            cells = (
                factor_label_text(factor.label, lang),
                factor_value_text(factor.value),
                unit_text(factor.unit, lang),
                factor.edition_title or factor.edition_id,
                how_text(factor.how, lang),
            )
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(factor.source_url or factor.edition_title)
                self.factors.setItem(row, col, cell)
            self._factor_urls.append(factor.source_url)
        for message in [*year.errors, *year.warnings]:
            item = QListWidgetItem(message_text(message))
            item.setData(MESSAGE_ROLE, message)
            self.warnings.addItem(item)

    def update_charts(self) -> None:
        """Charts, factors and checks: rebuilt a moment after the edits, while shown."""
        year = self._year()
        self._fill_lists(year)
        if year is None or not self.service.is_open:
            return
        # matplotlib loads with the first chart, after the background preload
        from ecocheck_desktop.report import charts

        lang = language()
        start = self.service.project.company.fy_start_month if self.service.project else 4
        self.monthly_chart.set_figure(charts.monthly_chart(year, lang, start_month=start))
        self.scope_chart.set_figure(charts.scope_chart(year, lang))
        footprint = self.service.footprint
        years = footprint.years if footprint is not None else [year]
        targets = self.service.project.targets if self.service.project else []
        self.trend_chart.set_figure(charts.trend_chart(years, lang, targets=targets))
        self._charts_stale = False

    # -- actions -----------------------------------------------------------------------------

    def _open_factor_source(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self._factor_urls) and self._factor_urls[row]:
            QDesktopServices.openUrl(QUrl(self._factor_urls[row]))

    def _jump_to_warning(self, item: QListWidgetItem) -> None:
        message = item.data(MESSAGE_ROLE)
        where = getattr(message, "where", {}) or {}
        fiscal_year = self.fiscal_year()
        month, energy = where.get("month"), where.get("energy")
        if fiscal_year is not None and month and energy:
            self.cell_requested.emit(fiscal_year, month, energy, where.get("site", ""))

    # -- texts -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        # The three bases are jargon for most owners; the tooltip says what each one means.
        self.empty_state.body.setToolTip(
            self.tr(
                "Basic emission factor: the CO2 per kWh your retailer actually emitted.\n"
                "Adjusted emission factor: the same after the retailer's certificates and "
                "offsets.\nNational average: one factor for all of Japan, for comparison."
            )
        )

    def retranslate_content(self) -> None:
        titles = {
            "scope1": (self.tr("Scope 1 (fuels)"), self.tr("Fuel burnt on site: gas, oil, LPG")),
            "scope2_adjusted": (
                self.tr("Scope 2 (adjusted)"),
                self.tr("Purchased electricity and heat with the retailer's adjusted factor"),
            ),
            "scope2_location": (
                self.tr("Scope 2 (national average)"),
                self.tr("Purchased electricity with the national average factor"),
            ),
            "total": (self.tr("Total Scope 1+2"), self.tr("Scope 1 + Scope 2 (adjusted)")),
            "change": (self.tr("Change vs previous year"), self.tr("Total, adjusted basis")),
            "intensity": (self.tr("Intensity"), self.tr("Total per unit of activity")),
        }
        terms = {
            "scope1": ("scope1",),
            "scope2_adjusted": ("scope2", "adjusted_factor", "basic_factor"),
            "scope2_location": ("scope2", "location_basis"),
            "total": ("scope1", "scope2", "adjusted_factor"),
            "change": ("adjusted_factor",),
            "intensity": ("intensity",),
        }
        for key, (title, tooltip) in titles.items():
            self.tiles[key].set_title(title, with_terms(tooltip, *terms[key]))
        self.charts.setTabText(0, self.tr("By month"))
        self.charts.setTabText(1, self.tr("By scope"))
        self.charts.setTabText(2, self.tr("Year on year"))
        self.factors.setHorizontalHeaderLabels(
            [
                self.tr("Factor"),
                self.tr("Value"),
                self.tr("Unit"),
                self.tr("Edition"),
                self.tr("How chosen"),
            ]
        )
        self.factors_label.setText(self.tr("Emission factors used (double-click for the source)"))
        self.warnings_label.setText(self.tr("Checks (double-click to go to the cell)"))
        self.retitle_items(self.year_combo)
        if self.service.is_open:
            self.update_tiles()
            self._fill_lists(self._year())  # how each factor was chosen, in the new language
            self._charts_stale = True
            if self.isVisible():
                self._chart_timer.start()

    def energy_names(self) -> list[str]:
        year = self._year()
        return [energy_label(code) for code in year.by_energy] if year else []
