"""削減対策: the equipment checklist, the ranked reduction measures and the company's plan.

The ranking comes from core.measures (evaluate) on the checklist answers and the latest complete
fiscal year; the page shows it as a table (tick = in the plan), the selected measure's numbers
with their catalogue sources, and a marginal abatement cost chart. Every edit (checklist answers,
plan ticks, the year a measure starts) goes through the project service: autosaved and undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecocheck_desktop.core.catalogue import load_catalogue
from ecocheck_desktop.core.measures import evaluate_latest, latest_complete_year
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import PlannedMeasure
from ecocheck_desktop.gui.message_text import language, message_text, messages_text
from ecocheck_desktop.gui.models.measures_table import (
    ALL,
    INVESTMENT,
    OPERATIONAL,
    MeasuresTableModel,
    capex_text,
    confidence_text,
    fmt_number,
    man_yen,
    payback_text,
)
from ecocheck_desktop.gui.pages.project_page import ProjectPage, fiscal_year_text
from ecocheck_desktop.gui.widgets.build import hbox, vbox
from ecocheck_desktop.text.report_demand import demand_measure_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ecocheck_desktop.core.catalogue import Catalogue
    from ecocheck_desktop.core.measure_results import MeasureResult, Plan


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def macc_figure(results: list[MeasureResult], lang: str) -> Figure:
    """Marginal abatement cost curve: the cheapest tonne first, bar width = t-CO2/yr.

    Only the measures of the combined plan are drawn, with their sequential savings, so the
    widths add up to the plan's total instead of counting one kWh twice.
    """
    # matplotlib loads with the first chart (after the page has painted)
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    from ecocheck_desktop.report import charts

    charts.register_font()
    quantified = [
        r
        for r in results
        if r.in_plan and r.quantified and r.t_co2_per_year > 0 and r.cost_per_t_co2 is not None
    ]
    quantified.sort(key=lambda r: r.cost_per_t_co2 or 0)
    with rc_context({"font.family": [charts.FONT_FAMILY, "DejaVu Sans"], "font.size": 8}):
        figure = Figure(figsize=(5, 3), layout="constrained")
        if not quantified:  # nothing to draw: say so (empty axes showed 「1,1,1,0,0,0」)
            charts.no_data(figure, lang)
            return figure
        axes = figure.add_subplot()
        left = 0.0
        for result in quantified:
            width = float(result.t_co2_per_year)
            height = float(result.cost_per_t_co2 or 0)
            # Green: the measure saves more money than it costs over its life.
            colour = "#2e7d32" if height <= 0 else "#f0a030"
            axes.bar(left, height, width=width, align="edge", color=colour, edgecolor="white")
            left += width
        axes.axhline(0, color="#555555", linewidth=0.6)
        charts.integer_axis(axes.yaxis)
        axes.set_xlabel("t-CO2/年 (累計)" if lang == "ja" else "t-CO2/yr (cumulative)")
        axes.set_ylabel("円/t-CO2" if lang == "ja" else "yen/t-CO2")
        axes.set_title(
            "限界削減費用曲線 (緑 = 費用より節約が大きい)"
            if lang == "ja"
            else "Abatement cost curve (green = saves more than it costs)",
            loc="left",
            fontsize=9,
        )
    return charts._finish(figure)


class MeasuresPage(ProjectPage):
    page_id = "measures"

    def setup_ui(self) -> None:
        self.plan: Plan | None = None
        self.fiscal_year: int | None = None
        self._catalogue: Catalogue | None = None
        self.empty_checklist = self.empty_state.add_button(self.edit_checklist, primary=True)

        self.content = QWidget(self)
        self.title = self.page_title(self.content)
        self.year_label = QLabel(self.content)
        self.checklist_button = QPushButton(self.content)
        self.checklist_button.setObjectName("checklistButton")
        self.checklist_button.clicked.connect(self.edit_checklist)
        self.filter_combo = QComboBox(self.content)
        self.filter_combo.setObjectName("measuresFilter")
        for which in (ALL, OPERATIONAL, INVESTMENT):
            self.filter_combo.addItem("", which)
        self.filter_combo.currentIndexChanged.connect(self._on_filter)

        self.model = MeasuresTableModel()
        self.model.plan_toggled.connect(self.set_planned)
        self.table = QTableView(self.content)
        self.table.setObjectName("measuresTable")
        self.table.setModel(self.model)
        self.model.setParent(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        # Ticking 計画 keeps the rows where they are; only a header click re-sorts.
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self.sort_by_header)

        self.details = QTextBrowser(self.content)
        self.details.setObjectName("measureDetails")
        self.details.setOpenLinks(False)  # offline app: sources are shown, not fetched
        self.year_spin = QSpinBox(self.content)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setEnabled(False)
        self.year_spin.editingFinished.connect(self._on_planned_year)
        self.year_spin_label = QLabel(self.content)
        self.year_spin_label.setBuddy(self.year_spin)
        side = QWidget(self.content)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_spin_label)
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        side_layout.addWidget(self.details, 1)
        side_layout.addLayout(year_row)

        self.totals = QLabel(self.content)
        self.totals.setObjectName("measuresTotals")
        self.totals.setWordWrap(True)
        self.chart_box = self.chart_holder()

        top = hbox(self.title, self.year_label, 1, self.checklist_button, self.filter_combo)
        # The table takes the full width (the measure names need it); the selected measure's
        # details sit beside the chart below.
        lower = QSplitter(Qt.Orientation.Horizontal, self.content)
        lower.addWidget(side)
        lower.addWidget(self.chart_box)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        lower.setSizes([400, 600])
        split = QSplitter(Qt.Orientation.Vertical, self.content)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        vbox(self.content, top, (split, 1), self.totals)
        self.show_content()

        self.follow_results()
        self.retranslate_ui()
        self.refresh()

    # -- state -------------------------------------------------------------------------------

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue()
        return self._catalogue

    def results_changed(self) -> None:
        super().results_changed()
        if not self.isVisible():
            self.show_open(self.service.is_open)

    def refresh(self) -> None:
        """Evaluate the catalogue for the latest complete fiscal year and show the ranking."""
        self._stale = False
        selected = self.selected_measure_id()
        self.plan = None
        self.fiscal_year = None
        self.totals.setText("")

        footprint = self.service.footprint if self.service.is_open else None
        years = footprint.years if footprint else []
        year = latest_complete_year(years)
        self.empty_state.setVisible(year is None)
        self.content.setVisible(year is not None)
        self.empty_checklist.setVisible(self.service.is_open)
        project = self.service.project
        if year is None or project is None:
            self.model.set_results([], language())
            self._show_details()
            return
        self.fiscal_year = year.fiscal_year
        self.year_label.setText(fiscal_year_text(year.fiscal_year))
        try:
            demand = self.service.meter_data()
            latest = evaluate_latest(project, years, self.catalogue(), demand=demand)
            assert latest is not None  # the same years: latest_complete_year found one
            self.plan = latest.plan
        except EcoCheckError as error:
            self.model.set_results([], language())
            self.totals.setText(messages_text(list(error.messages)))
            self._show_details()
            return
        shown_for = (self.service.path, year.fiscal_year)
        if shown_for != getattr(self, "_order_for", None):
            self._order_for = shown_for  # a tick keeps the order; another file or year resets
            self.model.forget_order()
            self.table.horizontalHeader().setSortIndicatorShown(False)
        self.model.set_results(self.plan.measures, language())
        self.model.set_planned(self.planned_ids())
        self._show_totals()
        self._select(selected)
        self.set_figure(macc_figure(self.model.results(), language()))

    def planned_ids(self) -> set[str]:
        project = self.service.project
        if project is None:
            return set()
        return {p.measure_id for p in project.measure_plan if p.status != "rejected"}

    # -- edits ---------------------------------------------------------------------------------

    def edit_checklist(self) -> None:
        """The equipment checklist dialog; its answers are one undoable edit."""
        project = self.service.project
        if project is None:
            return
        # dialogs load when they open
        from ecocheck_desktop.gui.dialogs.checklist import ChecklistDialog

        dialog = ChecklistDialog(self.catalogue(), project.checklist, self)
        if dialog.exec() == ChecklistDialog.DialogCode.Accepted:
            self.service.set_checklist(dialog.answers())

    def set_planned(self, measure_id: str, wanted: bool) -> None:
        """Put a measure into the plan (from the next fiscal year on) or take it out."""
        project = self.service.project
        if project is None:
            return
        plan = [p for p in project.measure_plan if p.measure_id != measure_id]
        if wanted:
            start = (self.fiscal_year or 0) + 1
            previous = [p for p in project.measure_plan if p.measure_id == measure_id]
            plan.append(PlannedMeasure(measure_id, previous[0].planned_year if previous else start))
        self.service.set_measure_plan(plan)

    def _on_planned_year(self) -> None:
        project = self.service.project
        measure_id = self.selected_measure_id()
        if project is None or measure_id is None:
            return
        year = self.year_spin.value()
        plan = [
            PlannedMeasure(p.measure_id, year, p.status, p.parameters)
            if p.measure_id == measure_id and p.planned_year != year
            else p
            for p in project.measure_plan
        ]
        if plan != project.measure_plan:
            self.service.set_measure_plan(plan)

    # -- selection and details -----------------------------------------------------------------

    def selected_measure_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if hasattr(self, "table") else []
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.result(rows[0].row()).measure.id

    def _select(self, measure_id: str | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.result(row).measure.id == measure_id:
                self.table.selectRow(row)
                return
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_details()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details()

    def _show_details(self) -> None:
        measure_id = self.selected_measure_id()
        if self.plan is None or measure_id is None:
            self.details.setHtml("")
            self.year_spin.setEnabled(False)
            return
        result = self.plan.result(measure_id)
        self.details.setHtml(self.details_html(result))
        planned = {p.measure_id: p for p in (self.service.project or _NoProject).measure_plan}
        entry = planned.get(measure_id)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(entry.planned_year if entry else (self.fiscal_year or 2025) + 1)
        self.year_spin.blockSignals(False)
        self.year_spin.setEnabled(entry is not None)

    def details_html(self, result: MeasureResult) -> str:
        """The selected measure: what it is, its numbers, and where each default comes from."""
        lang = language()
        measure = result.measure
        man, man_per_year = self.tr("10k yen"), self.tr("10k yen/yr")  # one money unit: 万円
        t_per_year = self.tr("t-CO2/yr")
        subsidies_heading = self.tr("Subsidies to look at (no amount promised)")
        sources_heading = self.tr("Sources")
        rows = [
            (self.tr("CO2 saved"), f"{fmt_number(result.t_co2_per_year, 2)} {t_per_year}"),
            (self.tr("of which Scope 1"), f"{fmt_number(result.t_co2_scope1, 2)} {t_per_year}"),
            (self.tr("of which Scope 2"), f"{fmt_number(result.t_co2_scope2, 2)} {t_per_year}"),
            (self.tr("Money saved"), f"{man_yen(result.yen_per_year)} {man_per_year}"),
            (self.tr("Investment (10k yen)"), capex_text(result)),
            (self.tr("Payback (years)"), payback_text(result)),
            (self.tr("Net present value"), f"{man_yen(result.npv)} {man}"),
            (self.tr("Yen/t-CO2"), fmt_number(result.cost_per_t_co2)),
            (
                self.tr("Lifetime / legal life"),
                f"{measure.lifetime_years} / {measure.legal_life_years or '-'}",
            ),
            (self.tr("Confidence"), confidence_text(measure.confidence)),
        ]
        # DM-01, DM-02: how they follow from the company's own 30-minute data.
        demand_text = demand_measure_text(result, lang)
        basis = (
            self.tr("In the plan: counted after the measures above it (no double counting).")
            if result.basis == "plan"
            else self.tr("On its own, against this year's energy use.")
        )
        parts = [
            f"<h3>{_escape(measure.name_ja if lang == 'ja' else measure.name_en)}</h3>",
            f"<p>{_escape(measure.description_ja if lang == 'ja' else measure.description_en)}</p>",
            *(f"<p><b>{_escape(explained)}</b></p>" for explained in [demand_text] if explained),
            "<table cellspacing='0' cellpadding='2'>",
            *(
                f"<tr><td>{_escape(k)}</td><td align='right'>{_escape(v)}</td></tr>"
                for k, v in rows
            ),
            "</table>",
            f"<p><i>{_escape(basis)}</i></p>",
        ]
        note = measure.note_ja if lang == "ja" else measure.note_en
        notes = [note] if note else []
        notes += [message_text(m) for m in result.notes]
        if notes:
            parts.append("<p>" + "<br>".join(_escape(n) for n in notes) + "</p>")
        if result.subsidies:
            names = [s.name_ja if lang == "ja" else s.name_en for s in result.subsidies]
            parts.append(
                f"<p><b>{_escape(subsidies_heading)}</b><br>"
                + "<br>".join(_escape(n) for n in names)
                + "</p>"
            )
        if result.sources:
            parts.append(f"<p><b>{_escape(sources_heading)}</b><br>")
            parts.append(
                "<br>".join(
                    f"{_escape(s.title)}<br><small>{_escape(s.url)}</small>" for s in result.sources
                )
            )
            parts.append("</p>")
        return "".join(parts)

    # -- filter, totals, chart ---------------------------------------------------------------

    def _on_filter(self, _index: int = -1) -> None:
        selected = self.selected_measure_id()
        self.model.set_filter(str(self.filter_combo.currentData()))
        self.model.set_planned(self.planned_ids())
        self._select(selected)
        if self.plan is not None:
            self.set_figure(macc_figure(self.model.results(), language()))

    def _show_totals(self) -> None:
        if self.plan is None:
            return
        totals = self.plan.totals
        if self.planned_ids():
            template = self.tr(
                "Your plan: %1 t-CO2/yr less (%2 % of the year), saving %3 (10k yen/yr), "
                "investment %4–%5 (10k yen)."
            )
        else:
            template = self.tr(
                "No measure ticked yet, so all ranked measures are counted together: "
                "%1 t-CO2/yr (%2 % of the year), saving %3 (10k yen/yr), investment %4–%5 "
                "(10k yen)."
            )
        to_confirm = sum(
            1 for r in self.plan.measures if r.rank is None and r.applicability.applicable is None
        )
        text = (
            template.replace("%1", fmt_number(totals.t_co2_per_year, 1))
            .replace("%2", fmt_number(totals.reduction_pct, 1))
            .replace("%3", man_yen(totals.yen_per_year))
            .replace("%4", fmt_number(totals.capex_low / 10000))
            .replace("%5", fmt_number(totals.capex_high / 10000))
        )
        if self.model.has_overlap():
            text += " " + self.tr(
                "※ Overlap with other measures deducted: a ticked measure's figures are what "
                "is left after the measures above it, so they change as you tick."
            )
        if to_confirm:
            text += " " + self.tr(
                "%1 more measures need an answer in the equipment checklist."
            ).replace("%1", str(to_confirm))
        self.totals.setText(text)

    def sort_by_header(self, column: int) -> None:
        """A header click sorts by that column; a second click on it reverses the order."""
        header = self.table.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            if header.sortIndicatorOrder() == ascending:
                order = Qt.SortOrder.DescendingOrder
        selected = self.selected_measure_id()
        self.model.sort_by(column, order)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        self._select(selected)

    # -- texts -------------------------------------------------------------------------------

    def retranslate_content(self) -> None:
        self.checklist_button.setText(self.tr("Equipment checklist…"))
        self.empty_checklist.setText(self.tr("Equipment checklist…"))
        self.filter_combo.setItemText(0, self.tr("All measures"))
        self.filter_combo.setItemText(1, self.tr("Operational (no investment)"))
        self.filter_combo.setItemText(2, self.tr("Investment"))
        self.year_spin_label.setText(self.tr("Starts in fiscal year"))
        if self.fiscal_year is not None and self.plan is not None:
            self.year_label.setText(fiscal_year_text(self.fiscal_year))  # FY2025 / 2025年度
        selected = self.selected_measure_id()
        self.model.retranslate(language())
        self._select(selected)
        self.model.set_planned(self.planned_ids())
        self._show_totals()
        if self.plan is not None:
            self._show_details()
            self.set_figure(macc_figure(self.model.results(), language()))


class _NoProject:
    measure_plan: tuple[PlannedMeasure, ...] = ()
