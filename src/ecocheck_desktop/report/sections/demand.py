"""The report's デマンド section: a meter's base load, peaks and contract kW, the typical day
and the monthly peaks as charts, the top-10 peaks and the two savings (core/demand.py,
core/measures_demand.py: the figures of the デマンド page). Left out when the project has no
interval data (the section id ``demand`` in OPTIONAL_SECTIONS)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.demand import Meter, MeterDay, analyse
from ecocheck_desktop.core.demand_bill import tariff_defaults
from ecocheck_desktop.core.measures_demand import demand_measures
from ecocheck_desktop.report.demand_chart import demand_chart
from ecocheck_desktop.report.layout import safe, table
from ecocheck_desktop.report.sections.story import Story
from ecocheck_desktop.text.numbers import fmt
from ecocheck_desktop.text.report_demand import demand_text


@dataclass(frozen=True)
class DemandData:
    meter: Meter
    days: list[MeterDay]


def load_demand(path: Path) -> DemandData | None:
    """The first meter with data in a project file (None for other inputs or no data)."""
    if Path(path).suffix.lower() != ".ecocheck":
        return None
    from ecocheck_desktop.store.project_file import ProjectFile

    with ProjectFile.open(Path(path), read_only=True) as pf:
        return demand_of(pf)


def demand_of(store: Any) -> DemandData | None:
    """The first meter with data of an open project file (the GUI holds its file open)."""
    for meter in store.meters():
        days = store.meter_days(meter.name)
        if days:
            return DemandData(meter, days)
    return None


class DemandSections(Story):
    """The デマンド section of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    demand_data: DemandData | None = None  # set by render_report (not a Story field)

    def demand(self) -> None:
        data: DemandData | None = self.demand_data
        if data is None or not data.days:
            return
        lang, s = self.lang, self.styles
        analysis = analyse(data.days)
        self.story.append(self.p(safe(demand_text("title", lang)), s.h1))
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
        defaults = tariff_defaults()
        price = data.meter.base_charge_yen_per_kw or defaults.base_charge_yen_per_kw_month
        results = demand_measures(data.days, price, None, defaults.energy_yen_per_kwh)
        for result in results:
            d = result.details
            if result.measure.id == "DM-01":
                text = demand_text(
                    "peak_saving", lang, target=fmt(d["target_kw"], 0), cut=fmt(d["kw_cut"], 0),
                    price=fmt(price, 2), yen=fmt(result.yen_per_year, 0),
                )  # fmt: skip
            else:
                text = demand_text(
                    "base_saving", lang, kw=fmt(d["kw_cut"], 1), kwh=fmt(result.saving_kwh, 0),
                    yen=fmt(result.yen_per_year, 0),
                )  # fmt: skip
            self.story.append(self.p(safe(text)))
        self.h2(demand_text("top", lang))
        rows = [
            [safe(p.at.strftime("%Y-%m-%d %H:%M")), safe(fmt(p.kw, 1))] for p in analysis.top_peaks
        ]
        monthly = [
            [safe(m), safe(fmt(analysis.monthly_peak_kw[m], 1)),
             safe(fmt(analysis.monthly_kwh[m], 0))]
            for m in analysis.monthly_peak_kw
        ]  # fmt: skip
        self.add_table(
            table(s, [demand_text("col.at", lang), demand_text("col.kw", lang)], rows, [60, 40],
                  numeric=[1])
        )  # fmt: skip
        header = [demand_text(k, lang) for k in ("col.month", "col.peak", "col.kwh")]
        self.add_table(table(s, header, monthly, [30, 40, 40], numeric=[1, 2]))
        source = (
            data.meter.base_charge_source
            if data.meter.base_charge_yen_per_kw
            else (defaults.source_ja if lang == "ja" else defaults.source_en)
        )
        self.story.append(self.p(safe(demand_text("source", lang, source=source))))
