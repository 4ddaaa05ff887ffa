"""目標: base year, the standard reduction targets and the pathway to them.

The targets are the project's own when it has some, otherwise the standard ones of
core.targets (SBT for SMEs at 4.2 %/yr, SBT 42 % by 2030, the national −46 % by FY2030
re-based to the company's base year). Their values come from core.targets.target_path; this
page only formats and draws them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ecocheck_desktop.core.measures import evaluate_latest, plan_steps
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Target
from ecocheck_desktop.core.targets import paths_for, plan_pathway, standard_target, target_path
from ecocheck_desktop.gui.message_text import language, message_text, messages_text
from ecocheck_desktop.gui.pages.project_page import ProjectPage, fiscal_year_text
from ecocheck_desktop.gui.widgets.build import hbox, named, vbox, wrapped_label
from ecocheck_desktop.gui.widgets.term_tip import term_tip
from ecocheck_desktop.text.numbers import fmt_t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ecocheck_desktop.core.results import YearResult
    from ecocheck_desktop.core.targets import PathPoint, TargetPath

STANDARD_KINDS = ("sbt_linear", "sbt_42", "national")
SHOWN_YEARS = (2030, 2050)
GAP_YEAR = 2030
_ESTIMATE_CODES = ("factor.estimate_substitute", "factor.estimate_retailer")


def pathway_figure(
    years: list[YearResult],
    paths: list[TargetPath],
    lang: str,
    plan: tuple[PathPoint, ...] = (),
) -> Figure:
    """Actual totals as bars, each target's path as a dashed line and the plan's pathway as a
    solid line: the report's roadmap chart (``report.charts``), so screen and PDF agree."""
    # matplotlib loads with the first chart (after the page has painted)
    from ecocheck_desktop.report import charts

    return charts.roadmap_chart(years, paths, plan, lang, size=(7, 2.8))


class TargetsPage(ProjectPage):
    page_id = "targets"

    def setup_ui(self) -> None:
        self.paths: list[TargetPath] = []

        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.base_label = QLabel(self.content)
        self.base_combo = named(QComboBox(self.content), "targetsBaseYear")
        self.base_combo.currentIndexChanged.connect(self._on_base_year)
        self.table = named(QTableWidget(0, 6, self.content), "targetsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are sized to their text at the width the table really has (on first visit the
        # page was laid out hidden and narrow: one tall row filled the table, issue 19).
        # Refitted after the layout has settled (a stretched column gets its width late).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_args: self._fit_timer.start())
        self.notes = wrapped_label(self.content)
        self.plan_points: tuple[PathPoint, ...] = ()
        # A bank's sustainability-linked loan sets its own target (SPT): the user enters it.
        self.spt_label = QLabel(self.content)
        self.spt_year = named(QSpinBox(self.content), "sptTargetYear")
        self.spt_year.setRange(2000, 2100)
        self.spt_year_label = QLabel(self.content)
        self.spt_year_label.setBuddy(self.spt_year)
        self.spt_pct = named(QDoubleSpinBox(self.content), "sptReductionPct")
        self.spt_pct.setRange(0.1, 100.0)
        self.spt_pct.setDecimals(1)
        self.spt_pct.setSuffix(" %")
        self.spt_pct_label = QLabel(self.content)
        self.spt_pct_label.setBuddy(self.spt_pct)
        self.spt_save = named(QPushButton(self.content), "sptSave")
        self.spt_save.clicked.connect(self.save_bank_spt)
        self.spt_remove = QPushButton(self.content)
        self.spt_remove.clicked.connect(self.remove_bank_spt)
        self.chart_box = self.chart_holder()

        top = hbox(self.title, 1, self.base_label, self.base_combo)
        spt = hbox(
            self.spt_label,
            self.spt_year_label,
            self.spt_year,
            self.spt_pct_label,
            self.spt_pct,
            self.spt_save,
            self.spt_remove,
            1,
        )
        vbox(self.content, top, self.table, spt, self.notes, (self.chart_box, 1))
        self.show_content()

        self.follow_results()
        self.retranslate_ui()
        self.refresh()

    # -- state -------------------------------------------------------------------------------

    def _complete_years(self) -> list[YearResult]:
        footprint = self.service.footprint if self.service.is_open else None
        return [y for y in (footprint.years if footprint else []) if y.complete and y.by_energy]

    def base_year(self) -> int | None:
        year = self.base_combo.currentData()
        return year if isinstance(year, int) else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def _fit_rows(self) -> None:
        """Every target row at its text's height, and the table as tall as all its rows."""
        table = self.table
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        height = max(header.height(), header.sizeHint().height()) + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        bar = table.horizontalScrollBar()
        if bar.isVisible():
            height += bar.height()
        table.setFixedHeight(height)

    def _on_base_year(self, _index: int = -1) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        complete = self._complete_years()
        self.show_open(bool(complete))
        years = [y.fiscal_year for y in complete]
        shown = [self.base_combo.itemData(i) for i in range(self.base_combo.count())]
        if years != shown:
            current = self.base_year()
            self.base_combo.blockSignals(True)
            self.base_combo.clear()
            for year in years:
                self.base_combo.addItem(fiscal_year_text(year), year)
            # The earliest complete year is the usual base year (the CLI chooses it too).
            wanted = current if current in years else (years[0] if years else None)
            if wanted is not None:
                self.base_combo.setCurrentIndex(years.index(wanted))
            self.base_combo.blockSignals(False)
        self.paths = []
        self.table.setRowCount(0)
        self.notes.setText("")
        project = self.service.project
        base_year = self.base_year()
        if not complete or project is None or base_year is None:
            return

        by_year = {y.fiscal_year: y for y in complete}
        notes: list[str] = []
        for line in paths_for(self.targets(base_year), complete):
            base = by_year.get(line.target.base_year)
            if base is None or line.base_t is None:
                notes.append(
                    self.tr("%1: no complete data for the base year %2")
                    .replace("%1", line.target.kind)
                    .replace("%2", fiscal_year_text(line.target.base_year))
                )
                continue
            # A base year on an estimate (推計) says so (issue 15): the core's own message.
            notes += [
                text
                for text in (message_text(w) for w in base.warnings if w.code in _ESTIMATE_CODES)
                if text not in notes
            ]
            if line.error is not None:
                # An invalid target stops the drawing of the ones after it.
                notes.append(messages_text(list(line.error.messages)))
                break
            self.paths.append(line.path)
        self.plan_points = self._plan_pathway(complete, notes)
        plan_2030 = next((p.t_co2 for p in self.plan_points if p.year == GAP_YEAR), None)
        lang = language()
        for path in self.paths:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = [
                path.label_ja if lang == "ja" else path.label_en,
                f"{fiscal_year_text(path.base_year)}: {fmt_t(path.base_t)}",
            ]
            cells += [
                fmt_t(path.at(year)) if path.at(year) is not None else "-" for year in SHOWN_YEARS
            ]
            cells.append(f"{fiscal_year_text(path.target_year)}: {fmt_t(path.target_t)}")
            target_2030 = path.at(GAP_YEAR)
            if plan_2030 is None or target_2030 is None:
                cells.append("-")
            else:
                gap = plan_2030 - target_2030
                cells.append(
                    self.tr("on track (%1 below)").replace("%1", fmt_t(-gap))
                    if gap <= 0
                    else self.tr("%1 still to find").replace("%1", fmt_t(gap))
                )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long target name wraps; the tooltip shows it whole
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
            notes += [message_text(caveat) for caveat in path.caveats]
        self._fit_rows()
        self.notes.setText("\n".join(notes))
        self._show_spt(base_year)
        self.set_figure(pathway_figure(complete, self.paths, lang, self.plan_points))

    def targets(self, base_year: int) -> list[Target]:
        """The project's own targets, or the standard ones from ``base_year``."""
        project = self.service.project
        own = list(project.targets) if project is not None else []
        return own or [standard_target(kind, base_year) for kind in STANDARD_KINDS]

    def _plan_pathway(self, complete: list[YearResult], notes: list[str]) -> tuple[PathPoint, ...]:
        """The footprint of the latest complete year, less each chosen measure from its year."""
        project = self.service.project
        if project is None or not project.measure_plan:
            notes.append(
                self.tr("No reduction plan yet: tick measures on the Measures page to see it here.")
            )
            return ()

        try:
            latest = evaluate_latest(project, complete, demand=self.service.meter_data())
        except EcoCheckError as error:
            notes.append(messages_text(list(error.messages)))
            return ()
        if latest is None:
            return ()
        year, plan = latest
        return plan_pathway(year.fiscal_year, year.total_adjusted_t, plan_steps(plan, project))

    # -- the bank's SPT ------------------------------------------------------------------------

    def _bank_spt(self) -> Target | None:
        project = self.service.project
        own = project.targets if project is not None else []
        return next((t for t in own if t.kind == "bank_spt"), None)

    def _show_spt(self, base_year: int) -> None:
        spt = self._bank_spt()
        self.spt_year.setValue(spt.target_year if spt else base_year + 5)
        self.spt_pct.setValue(float(spt.reduction_pct) if spt else 5.0)
        self.spt_remove.setEnabled(spt is not None)

    def save_bank_spt(self) -> None:
        """Keep the bank's target with the others (the standard ones are kept alongside)."""
        base_year = self.base_year()
        if self.service.project is None or base_year is None:
            return

        spt = standard_target(
            "bank_spt",
            base_year,
            target_year=self.spt_year.value(),
            reduction_pct=Decimal(str(round(self.spt_pct.value(), 1))),
        )
        try:
            target_path(spt, Decimal(100))  # the core's own check of the years and percent
        except EcoCheckError as error:
            self.notes.setText(messages_text(list(error.messages)))
            return
        others = [t for t in self.targets(base_year) if t.kind != "bank_spt"]
        self.service.set_targets([*others, spt])

    def remove_bank_spt(self) -> None:
        project = self.service.project
        if project is None:
            return
        self.service.set_targets([t for t in project.targets if t.kind != "bank_spt"])

    # -- texts -------------------------------------------------------------------------------

    def retranslate_content(self) -> None:
        self.base_label.setText(self.tr("Base year"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Target"),
                self.tr("Base year (t-CO2)"),
                self.tr("FY2030 (t-CO2)"),
                self.tr("FY2050 (t-CO2)"),
                self.tr("Target year (t-CO2)"),
                self.tr("Plan vs target FY2030 (t-CO2)"),
            ]
        )
        spt_tip = term_tip("spt")
        for widget in (self.spt_label, self.spt_save, self.spt_remove):
            widget.setToolTip(spt_tip)
        self.notes.setToolTip(term_tip("sbt", "spt"))
        header_tips = [("sbt", "spt"), ("fiscal_year", "t_co2"), ("t_co2",), ("t_co2",)]
        header_tips += [("fiscal_year", "t_co2"), ("t_co2",)]
        for column, keys in enumerate(header_tips):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(term_tip(*keys))
        self.spt_label.setText(self.tr("Bank SPT:"))
        self.spt_year_label.setText(self.tr("target year"))
        self.spt_pct_label.setText(self.tr("reduction vs base year"))
        self.spt_save.setText(self.tr("Save SPT"))
        self.spt_remove.setText(self.tr("Remove SPT"))
        self.retitle_items(self.base_combo)
        if self.service.is_open:
            self.refresh()
