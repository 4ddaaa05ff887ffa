"""Report items 6-8 and 10: results on every basis, monthly chart, intensities, cost, trend."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.targets import paths_for
from ecocheck_desktop.report import chart_spec
from ecocheck_desktop.report.layout import CELL_LIMIT, safe, table
from ecocheck_desktop.report.sections.kpi import KpiSections
from ecocheck_desktop.text.numbers import (
    PLACES_GJ,
    PLACES_INTENSITY,
    PLACES_KL,
    PLACES_YEN,
    fmt,
    fmt_pct,
    fmt_quantity,
    fmt_t,
)
from ecocheck_desktop.text.report import energy_name

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import YearResult


class ResultsSections(KpiSections):
    """Report items 6-8 and 10 of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    def full_year_yoy(self, year: YearResult) -> Decimal | None:
        """The change against the year before, only between two full years (12 months each):
        a part year against a full one is not a change (issue 18), as the base-year column."""
        before = next((y for y in self.history if y.fiscal_year == year.fiscal_year - 1), None)
        if before is None or not (year.complete and before.complete):
            return None
        return year.yoy_change_pct

    def part_year_note(self) -> None:
        """Under a table of years: why a part year's change reads ``-``."""
        if any(not y.complete for y in self.history):
            self.story.append(self.p(safe(self.t("trend.part_year_note")), self.styles.small))

    # 6 results ----------------------------------------------------------------

    def results(self) -> None:
        s = self.styles
        year = self.year
        # Start the results on a fresh page only when little room is left.
        self.story.append(CondPageBreak(90 * mm))
        self.h1("s.results")
        self.story.append(self.p(safe(self.t("results.by_year")), s.h2))
        header = [
            self.t(k)
            for k in (
                "col.fy",
                "col.scope1",
                "col.s2_basic",
                "col.s2_adjusted",
                "col.s2_location",
                "col.total_basic",
                "col.total_adjusted",
                "col.total_location",
            )
        ]
        rows = []
        for y in self.history:
            label = self.fy(y.fiscal_year) + ("" if y.complete else " *")
            rows.append(
                [safe(label)]
                + [
                    safe(fmt_t(v))
                    for v in (
                        y.scope1_t,
                        y.scope2_basic_t,
                        y.scope2_adjusted_t,
                        y.scope2_location_t,
                        y.total_basic_t,
                        y.total_adjusted_t,
                        y.total_location_t,
                    )
                ]
            )
        widths = [35] + [20.4] * 7
        self.add_table(table(s, header, rows, widths, numeric=range(1, 8)))
        header = [self.t(k) for k in ("col.fy", "col.energy_gj", "col.crude_kl", "col.yoy")]
        rows = [
            [
                safe(self.fy(y.fiscal_year)),
                safe(fmt(y.energy_gj, PLACES_GJ)),
                safe(fmt(y.crude_oil_kl, PLACES_KL)),
                safe(fmt_pct(self.full_year_yoy(y))),
            ]
            for y in self.history
        ]
        self.add_table(table(s, header, rows, [35, 40, 40, 40], numeric=[1, 2, 3]))
        self.part_year_note()
        if year.refrigerant_scope1_t:
            self.story.append(self.plain("results.refrigerant", t=fmt_t(year.refrigerant_scope1_t)))
        if year.scope1_rounded_factor_t and year.scope1_rounded_factor_t != year.scope1_t:
            self.story.append(self.plain("results.rounded", t=fmt_t(year.scope1_rounded_factor_t)))
        if year.scope3_t:
            self.story.append(self.plain("results.scope3", t=fmt_t(year.scope3_t)))

        fy = self.fy(year.fiscal_year)
        self.story.append(self.p(safe(self.t("results.by_energy", fy=fy)), s.h2))
        header = [
            self.t(k)
            for k in (
                "col.energy",
                "col.scope",
                "col.quantity",
                "col.unit",
                "col.t_basic",
                "col.t_adjusted",
                "col.t_location",
                "col.gj",
            )
        ]
        rows = []
        for code, total in year.by_energy.items():
            scope = "2" if code in ("electricity", "heat") else "1"
            rows.append(
                [
                    safe(energy_name(code, self.lang)),
                    scope,
                    safe(fmt_quantity(total.quantity)),
                    safe(self.unit(total.unit)),
                    safe(fmt_t(total.t_co2_basic)),
                    safe(fmt_t(total.t_co2)),
                    safe(fmt_t(total.t_co2_location if scope == "2" else total.t_co2_basic)),
                    safe(fmt(total.gj, PLACES_GJ)),
                ]
            )
        self.add_table(
            table(s, header, rows, [30, 12, 26, 22, 22, 22, 22, 22], numeric=[1, 2, 4, 5, 6, 7])
        )
        if len(year.by_site) > 1 or self.project.sites:
            self.story.append(self.p(safe(self.t("results.by_site", fy=fy)), s.h2))
            header = [
                self.t(k)
                for k in (
                    "col.site",
                    "col.scope1",
                    "col.s2_basic",
                    "col.s2_adjusted",
                    "col.s2_location",
                    "col.total_adjusted",
                    "col.gj",
                )
            ]
            rows = [
                [
                    safe(site, CELL_LIMIT),
                    safe(fmt_t(t.scope1_t)),
                    safe(fmt_t(t.scope2_basic_t)),
                    safe(fmt_t(t.scope2_adjusted_t)),
                    safe(fmt_t(t.scope2_location_t)),
                    safe(fmt_t(t.total_adjusted_t)),
                    safe(fmt(t.gj, PLACES_GJ)),
                ]
                for site, t in year.by_site.items()
            ]
            self.add_table(table(s, header, rows, [43] + [22.5] * 6, numeric=range(1, 7)))
        self.monthly()

    def monthly(self) -> None:
        s = self.styles
        year = self.year
        self.story.append(
            self.p(safe(self.t("results.by_month", fy=self.fy(year.fiscal_year))), s.h2)
        )
        figure = chart_spec.monthly_chart(
            year,
            self.lang,
            start_month=self.project.company.fy_start_month,
            size=(7, 2.6),
        )
        self.story.append(self.chart(figure))
        header = [
            self.t(k)
            for k in (
                "col.month",
                "col.scope1",
                "col.s2_adjusted",
                "col.s2_location",
                "col.total_adjusted",
                "col.gj",
                "col.cost",
            )
        ]
        rows = []
        for month in months_of_fiscal_year(year.fiscal_year, self.project.company.fy_start_month):
            total = year.by_month.get(month)
            if total is None:
                rows.append([safe(month)] + ["-"] * 6)
                continue
            rows.append(
                [
                    safe(month),
                    safe(fmt_t(total.scope1_t)),
                    safe(fmt_t(total.scope2_adjusted_t)),
                    safe(fmt_t(total.scope2_location_t)),
                    safe(fmt_t(total.total_adjusted_t)),
                    safe(fmt(total.gj, PLACES_GJ)),
                    safe(fmt(total.cost_yen, PLACES_YEN)),
                ]
            )
        costs = [t.cost_yen for t in year.by_month.values() if t.cost_yen is not None]
        rows.append(
            [
                safe(self.t("cost.total")),
                safe(fmt_t(year.scope1_adjusted_t)),
                safe(fmt_t(year.scope2_adjusted_t)),
                safe(fmt_t(year.scope2_location_t)),
                safe(fmt_t(year.total_adjusted_t)),
                safe(fmt(year.energy_gj, PLACES_GJ)),
                safe(fmt(sum(costs, Decimal(0)) if costs else None, PLACES_YEN)),
            ]
        )
        self.add_table(
            table(
                s, header, rows, [28, 24, 25, 25, 25, 24, 27], numeric=range(1, 7), total_row=True
            )
        )

    # 7 intensities ------------------------------------------------------------

    def intensities(self) -> None:
        self.h1("s.intensity")
        rows = []
        for y in self.history:
            for intensity in y.intensities:
                label = intensity.denominator_label(self.lang)
                rows.append(
                    [
                        safe(self.fy(y.fiscal_year)),
                        safe(label, CELL_LIMIT),
                        safe(fmt(intensity.value, PLACES_INTENSITY)),
                        safe(self.unit(intensity.unit), CELL_LIMIT),
                    ]
                )
            if y.carbon_productivity is not None:
                rows.append(
                    [
                        safe(self.fy(y.fiscal_year)),
                        safe(self.t("intensity.carbon_productivity")),
                        safe(fmt(y.carbon_productivity, PLACES_INTENSITY)),
                        safe(self.unit("百万円/t-CO2")),
                    ]
                )
        if not rows:
            self.story.append(self.plain("intensity.none"))
            return
        header = [self.t(k) for k in ("col.fy", "col.indicator", "col.value", "col.unit")]
        self.add_table(table(self.styles, header, rows, [35, 75, 30, 38], numeric=[2]))
        self.story.append(self.plain("intensity.basis"))

    # 8 cost -------------------------------------------------------------------

    def cost(self) -> None:
        self.h1("s.cost")
        year = self.year
        costs = {c: t.cost_yen for c, t in year.by_energy.items() if t.cost_yen is not None}
        if not costs:
            self.story.append(self.plain("cost.none"))
            return
        total = sum(costs.values(), Decimal(0))
        rows = [
            [
                safe(energy_name(code, self.lang)),
                safe(fmt(cost, PLACES_YEN)),
                safe(fmt_pct(cost / total * 100 if total else None, signed=False)),
            ]
            for code, cost in costs.items()
        ]
        rows.append([safe(self.t("cost.total")), safe(fmt(total, PLACES_YEN)), "100.0 %"])
        header = [self.t("col.energy"), self.t("col.cost"), self.t("col.share")]
        self.add_table(
            table(self.styles, header, rows, [60, 45, 30], numeric=[1, 2], total_row=True)
        )
        data = self.data
        if data is not None and data.revenue_million_yen:
            share = total / (data.revenue_million_yen * 1_000_000) * 100
            self.story.append(self.plain("cost.revenue_share", pct=fmt_pct(share, signed=False)))

    # 10 trend and targets -----------------------------------------------------

    def trend(self) -> None:
        s = self.styles
        self.h1("s.trend")
        targets = list(self.project.targets)
        figure = chart_spec.trend_chart(self.history, self.lang, targets=targets, size=(7, 3.3))
        self.story.append(self.chart(figure))
        base = self.base_year
        header = [self.t(k) for k in ("col.fy", "col.total_adjusted", "col.yoy", "col.vs_base")]
        rows = []
        for y in self.history:
            vs_base = None
            if base is not None and base.total_adjusted_t and y.complete:
                vs_base = (y.total_adjusted_t - base.total_adjusted_t) / base.total_adjusted_t * 100
            rows.append(
                [
                    safe(self.fy(y.fiscal_year)),
                    safe(fmt_t(y.total_adjusted_t)),
                    safe(fmt_pct(self.full_year_yoy(y))),
                    safe(fmt_pct(vs_base)),
                ]
            )
        self.add_table(table(s, header, rows, [40, 40, 35, 35], numeric=[1, 2, 3]))
        self.part_year_note()
        self.change_reasons()  # issue 18: why each year moved (core.change_effects)
        self.story.append(self.p(safe(self.t("trend.targets")), s.h2))
        if not targets:
            self.story.append(self.plain("trend.no_targets"))
            self.story.append(self.plain("trend.netzero"))
            return
        # One line per target that adds up: base value × (1 − % ÷ 100) = target (core.targets).
        complete = [y for y in self.history if y.complete and y.lines]
        self.targets_worked(paths_for(targets, complete))
        self.story.append(self.plain("trend.netzero"))
