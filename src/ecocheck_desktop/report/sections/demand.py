"""The report's デマンド section: a meter's base load, peaks and contract kW, the typical day
and the monthly peaks as charts, the top-10 peaks and the two savings (core/demand.py,
core/measures_demand.py: the figures of the デマンド page). Left out when the project has no
interval data (the section id ``demand`` in OPTIONAL_SECTIONS)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from ecocheck_desktop.core.demand import MeterData, analyse
from ecocheck_desktop.core.demand_bill import tariff_defaults
from ecocheck_desktop.core.measures import demand_results_latest
from ecocheck_desktop.core.measures_demand import BASE_ID, PEAK_ID
from ecocheck_desktop.report.demand_chart import demand_chart
from ecocheck_desktop.report.layout import safe, table
from ecocheck_desktop.report.sections.story import Story
from ecocheck_desktop.text.numbers import fmt
from ecocheck_desktop.text.report_demand import demand_text


class DemandSections(Story):
    """The デマンド section of :class:`~ecocheck_desktop.report.sections.ReportBuilder`: one
    compact block per meter with data (``Story.demand_meters``, set by render_report)."""

    def demand(self) -> None:
        meters = [m for m in self.demand_meters if m.days]
        if not meters:
            return
        self.story.append(self.p(safe(demand_text("title", self.lang)), self.styles.h1))
        for data in meters:
            self._meter_block(data, heading=len(meters) > 1)

    def _meter_block(self, data: MeterData, *, heading: bool) -> None:
        lang, s = self.lang, self.styles
        analysis = analyse(list(data.days))
        if heading:
            self.story.append(self.p(safe(demand_text("meter", lang, meter=data.meter.name)), s.h2))
        first, last = data.days[0].day.isoformat(), data.days[-1].day.isoformat()
        for key, params in (
            ("intro", {"meter": data.meter.name, "first": first, "last": last,
                       "days": analysis.days, "missing": analysis.missing}),
            ("base", {"kw": fmt(analysis.base_load_kw, 1),
                      "pct": fmt(analysis.base_load_share_pct, 1)}),
            ("contract", {"kw": fmt(analysis.contract_kw_12m, 0)}),
        ):  # fmt: skip
            self.story.append(self.p(safe(demand_text(key, lang, **params))))
        self.story.append(self.chart(demand_chart(analysis, lang)))
        found = demand_results_latest([data], self.history, self.library)
        results = {r.measure.id: r for r in found}
        peak, base = results.get(PEAK_ID), results.get(BASE_ID)
        if peak is not None:
            d = peak.details
            self.story.append(self.p(safe(demand_text(
                "peak_saving", lang, target=fmt(d["target_kw"], 0), cut=fmt(d["kw_cut"], 0),
                price=fmt(d["base_charge_yen_per_kw_month"], 2), yen=fmt(peak.yen_per_year, 0),
            ))))  # fmt: skip
        else:
            self.story.append(self.p(safe(demand_text("no_peak", lang))))
        if base is not None:
            with_co2 = base.t_co2_per_year > 0  # none without a complete footprint year
            self.story.append(self.p(safe(demand_text(
                "base_saving_co2" if with_co2 else "base_saving", lang,
                kw=fmt(base.details["kw_cut"], 1), kwh=fmt(base.saving_kwh, 0),
                t=fmt(base.t_co2_per_year, 2), yen=fmt(base.yen_per_year, 0),
            ))))  # fmt: skip
        self._tables(analysis)
        defaults = tariff_defaults()
        if data.meter.base_charge_yen_per_kw:
            source = data.meter.base_charge_source or demand_text("source_meter", lang)
        else:
            source = defaults.source_ja if lang == "ja" else defaults.source_en
        self.story.append(self.p(safe(demand_text("source", lang, source=source)), s.small))

    def _tables(self, analysis: Any) -> None:
        """The top-10 peaks and the monthly peaks side by side (one block per meter)."""
        lang, s = self.lang, self.styles
        rows = [
            [safe(p.at.strftime("%Y-%m-%d %H:%M")), safe(fmt(p.kw, 1))] for p in analysis.top_peaks
        ]
        monthly = [
            [safe(m), safe(fmt(analysis.monthly_peak_kw[m], 1)),
             safe(fmt(analysis.monthly_kwh[m], 0))]
            for m in analysis.monthly_peak_kw
        ]  # fmt: skip
        peaks = table(
            s, [demand_text("col.at", lang), demand_text("col.kw", lang)], rows, [33, 22],
            numeric=[1],
        )  # fmt: skip
        header = [demand_text(k, lang) for k in ("col.month", "col.peak", "col.kwh")]
        months = table(s, header, monthly, [20, 27, 30], numeric=[1, 2])
        self.story.append(self.p("<b>" + safe(demand_text("top", lang)) + "</b>"))
        pair = Table([[peaks, months]], colWidths=[60 * mm, 82 * mm])
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
        self.story.append(pair)
