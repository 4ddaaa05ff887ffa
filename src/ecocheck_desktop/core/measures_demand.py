"""The two measures computed from a meter's 30-minute data, as :class:`MeasureResult` like the
catalogue's (their definitions, capex and assumptions with sources: resources/demand/
measures.json).

- DM-01 peak-demand control: the highest ``peaks_shaved`` daily peaks held down to the level of
  the next-highest day; the contract kW falls by the 12-month maximum minus that level; 円/year
  = that kW x the base charge (円/kW per month) x 12. The energy is moved, not saved: no kWh,
  no CO2.
- DM-02 base-load reduction: ``share_of_base_load`` (typical 20 %) of the base load stopped
  around the clock: kWh/year = that kW x 8,760 h; 円 = kWh x the electricity price (the bills',
  else the default); CO2 = kWh x the footprint's own t-CO2 per kWh when it is known.

Payback = the typical capex / 円 per year; NPV over the lifetime at the discount rate given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.catalogue import Capex, MeasureDef, Range, Source
from ecocheck_desktop.core.demand import MeterDay, analyse
from ecocheck_desktop.core.measure_effects import _annuity_factor
from ecocheck_desktop.core.measure_results import Applicability, EnergyBaseline, MeasureResult
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.resources import resource_path

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import YearResult

HOURS_PER_YEAR = Decimal(8760)
ZERO = Decimal(0)


@cache
def demand_measure_file() -> tuple[tuple[MeasureDef, ...], dict[str, Source]]:
    data = json.loads(resource_path("demand", "measures.json").read_text("utf-8"))
    sources = {k: Source(k, v["title"], v["url"]) for k, v in data["sources"].items()}
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


def _result(
    measure: MeasureDef,
    sources: dict[str, Source],
    yen: Decimal,
    kwh: Decimal,
    t_co2: Decimal | None,
    rate: Decimal,
    details: dict[str, Any],
) -> MeasureResult:
    capex_low, capex_high = measure.capex.low, measure.capex.high
    typical = (capex_low + capex_high) / 2
    payback = typical / yen if yen > 0 else None
    versus = "n/a"
    if payback is not None and measure.legal_life_years is not None:
        versus = "within" if payback <= measure.legal_life_years else "beyond"
    annuity = _annuity_factor(rate, measure.lifetime_years)
    t = t_co2 or ZERO
    return MeasureResult(
        measure=measure,
        applicability=Applicability("yes"),
        quantified=True,
        saving={"electricity": kwh} if kwh else {},
        units={"electricity": "kWh"} if kwh else {},
        t_co2_scope2=t,
        t_co2_scope2_location=None,
        yen_per_year=yen,
        capex_low=capex_low,
        capex_high=capex_high,
        payback_years=payback,
        payback_vs_legal_life=versus,
        npv=yen * annuity - typical,
        cost_per_t_co2=(typical / annuity - yen) / t if t > 0 else None,
        sources=tuple(sources[s] for s in measure.sources),
        details=details,
    )


def latest_electricity(years: Iterable[YearResult]) -> EnergyBaseline | None:
    """The electricity of the latest complete footprint year (its t-CO2/kWh and 円/kWh)."""
    from ecocheck_desktop.core.catalogue import load_catalogue
    from ecocheck_desktop.core.measures import baseline_from_year, latest_complete_year

    year = latest_complete_year(years)
    if year is None:
        return None
    try:
        return baseline_from_year(year, load_catalogue()).energies.get("electricity")
    except EcoCheckError:
        return None


def demand_measures(
    days: list[MeterDay],
    base_charge_yen_per_kw_month: Decimal,
    electricity: EnergyBaseline | None,
    default_yen_per_kwh: Decimal,
    discount_rate: Decimal = Decimal("0.03"),
) -> list[MeasureResult]:
    """DM-01 and DM-02 for one meter's days (none without data)."""
    (peak_def, base_def), sources = demand_measure_file()
    shaved = int(peak_def.parameters["peaks_shaved"])
    analysis = analyse(days, top=shaved + 1)
    if not analysis.intervals:
        return []
    results = []
    peaks = [p.kw for p in analysis.top_peaks]
    if len(peaks) > shaved:
        level = peaks[shaved]
        cut = max(ZERO, analysis.contract_kw_12m - level)
        yen = cut * base_charge_yen_per_kw_month * 12
        details: dict[str, Any] = {
            "contract_kw_12m": analysis.contract_kw_12m,
            "target_kw": level,
            "kw_cut": cut,
            "base_charge_yen_per_kw_month": base_charge_yen_per_kw_month,
        }
        results.append(_result(peak_def, sources, yen, ZERO, ZERO, discount_rate, details))
    share = base_def.saving_pct.typical / 100
    kw_cut = analysis.base_load_kw * share
    kwh = kw_cut * HOURS_PER_YEAR
    price = (
        electricity.yen_per_unit
        if electricity is not None and electricity.yen_per_unit > 0
        else default_yen_per_kwh
    )
    t_co2 = kwh * electricity.t_co2_per_unit if electricity is not None else None
    details = {
        "base_load_kw": analysis.base_load_kw,
        "kw_cut": kw_cut,
        "hours": HOURS_PER_YEAR,
        "yen_per_kwh": price,
        "price_source": electricity.price_source if electricity is not None else "default",
    }
    results.append(_result(base_def, sources, kwh * price, kwh, t_co2, discount_rate, details))
    return results
