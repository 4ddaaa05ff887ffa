"""The two measures computed from the meters' 30-minute data (their definitions, capex and
assumptions with sources: resources/demand/measures.json), and each meter's figures behind them.

- DM-01 peak-demand control: per meter, the highest ``peaks_shaved`` daily peaks held down to
  the level of the next-highest day; the contract kW falls by the 12-month maximum minus that
  level; 円/year = that kW x the meter's base charge (円/kW per month; else the default) x 12.
  The energy is moved, not saved: no kWh, no CO2.
- DM-02 base-load reduction: per meter, ``share_of_base_load`` (typical 20 %) of the base load
  stopped around the clock: kWh/year = that kW x 8,760 h; 円 and CO2 = those kWh at the
  company's own electricity price and factor, as every other measure.

:func:`meter_figures` is the one computation of the kW and kWh; the measures engine
(core.measure_effects, models ``demand_peak`` and ``demand_base``) turns their sums into 円,
CO2, capex (one installation per meter) and payback, in the ranking and the plan
(core.measures.evaluate with ``demand=``). :func:`with_demand` adds the two definitions to a
catalogue when there is data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from ecocheck_desktop.core.catalogue import Capex, Catalogue, MeasureDef, Range, Source
from ecocheck_desktop.core.demand import MeterData, analyse
from ecocheck_desktop.core.demand_bill import tariff_defaults
from ecocheck_desktop.resources import resource_path

HOURS_PER_YEAR = Decimal(8760)
ZERO = Decimal(0)
PEAK_ID, BASE_ID = "DM-01", "DM-02"
# The catalogue's demand-monitoring measure, estimated from the checklist's contract kW: with
# the meters' own data DM-01 replaces it.
REPLACED_BY_DATA = {"MD-04": PEAK_ID}


@cache
def demand_measure_file() -> tuple[tuple[MeasureDef, ...], dict[str, Source]]:
    data = json.loads(resource_path("demand", "measures.json").read_text("utf-8"))
    sources = {
        k: Source(k, v["title"], v["url"], v.get("title_ja", ""), v.get("title_en", ""))
        for k, v in data["sources"].items()
    }
    measures = []
    for m in data["measures"]:
        share = m["parameters"].get("share_of_base_load")
        measures.append(
            MeasureDef(
                id=m["id"], name_ja=m["name_ja"], name_en=m["name_en"],
                description_ja=m["description_ja"], description_en=m["description_en"],
                category=m["category"], kind=m["kind"], model=m["model"], end_use=m["end_use"],
                energies=tuple(m["energies"]),
                saving_pct=(
                    Range(*(Decimal(share[k]) * 100 for k in ("low", "typical", "high")))
                    if share else Range(ZERO, ZERO, ZERO)
                ),
                parameters=m["parameters"], applicability=(),
                capex=Capex(m["capex"]["model"], Decimal(m["capex"]["low"]),
                            Decimal(m["capex"]["high"])),
                lifetime_years=m["lifetime_years"], legal_life_years=m["legal_life_years"],
                subsidies=(), sources=tuple(m["sources"]), confidence=m["confidence"],
                note_en=m["note_en"], note_ja=m["note_ja"],
            )
        )  # fmt: skip
    return tuple(measures), sources


@dataclass(frozen=True)
class MeterFigures:
    """One meter's numbers behind DM-01 and DM-02 (kW, 円/kW per month, kWh per year)."""

    meter: str
    days: int
    contract_kw_12m: Decimal
    target_kw: Decimal | None  # the next-highest day's peak; None with too few days
    peak_kw_cut: Decimal  # the 12-month maximum minus the target (0 without a target)
    base_charge_yen_per_kw_month: Decimal
    base_charge_source: str  # the meter's own, else "" (the default of tariff_defaults)
    peak_yen_per_year: Decimal  # the cut x the base charge x 12
    base_load_kw: Decimal
    base_kw_cut: Decimal  # share_of_base_load x the base load
    base_kwh_per_year: Decimal  # that kW x 8,760 h


def meter_figures(data: MeterData) -> MeterFigures | None:
    """The figures of one meter (None without readings)."""
    (peak_def, base_def), _ = demand_measure_file()
    shaved = int(peak_def.parameters["peaks_shaved"])
    analysis = analyse(list(data.days), top=shaved + 1)
    if not analysis.intervals:
        return None
    peaks = [p.kw for p in analysis.top_peaks]
    target = peaks[shaved] if len(peaks) > shaved else None
    cut = ZERO if target is None else max(ZERO, analysis.contract_kw_12m - target)
    own = data.meter.base_charge_yen_per_kw
    price = own if own else tariff_defaults().base_charge_yen_per_kw_month
    base_cut = analysis.base_load_kw * base_def.saving_pct.typical / 100
    return MeterFigures(
        meter=data.meter.name,
        days=analysis.days,
        contract_kw_12m=analysis.contract_kw_12m,
        target_kw=target,
        peak_kw_cut=cut,
        base_charge_yen_per_kw_month=price,
        base_charge_source=data.meter.base_charge_source if own else "",
        peak_yen_per_year=cut * price * 12,
        base_load_kw=analysis.base_load_kw,
        base_kw_cut=base_cut,
        base_kwh_per_year=base_cut * HOURS_PER_YEAR,
    )


def demand_figures(meters: Iterable[MeterData]) -> tuple[MeterFigures, ...]:
    """The figures of every meter with readings, in the meters' order."""
    return tuple(f for f in (meter_figures(m) for m in meters) if f is not None)


def with_demand(catalogue: Catalogue) -> Catalogue:
    """The catalogue with DM-01 and DM-02 and their sources (when a project has meter data)."""
    measures, sources = demand_measure_file()
    known = {m.id for m in catalogue.measures}
    added = tuple(m for m in measures if m.id not in known)
    return replace(
        catalogue,
        measures=(*catalogue.measures, *added),
        sources={**catalogue.sources, **sources},
    )
