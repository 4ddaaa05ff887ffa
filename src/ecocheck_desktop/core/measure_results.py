"""The frozen results of evaluating the measures: applicability, baseline, each measure, the plan.

Built by :mod:`ecocheck_desktop.core.measures` and read by the GUI, the PDF and ``ecocheck
measures --json``. Money in 円, CO2 in t per year (reductions positive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from ecocheck_desktop.core.messages import Message

if TYPE_CHECKING:
    from ecocheck_desktop.core.catalogue import MeasureDef, Source, Subsidy
    from ecocheck_desktop.core.profiles import EndUseProfile
    from ecocheck_desktop.core.results import YearResult

ZERO = Decimal(0)


@dataclass(frozen=True)
class Applicability:
    status: str  # "yes", "no", "unknown"
    reasons: tuple[Message, ...] = ()

    @property
    def applicable(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.status)


@dataclass(frozen=True)
class EnergyBaseline:
    """One carrier of the baseline year, per unit of the factor table (kWh, kL, 千m3, t)."""

    code: str
    quantity: Decimal
    unit: str
    t_co2_per_unit: Decimal  # market basis: 調整後 for electricity (the footprint's own)
    t_co2_location_per_unit: Decimal | None  # 全国平均係数 for electricity; = market for fuels
    gj_per_unit: Decimal
    yen_per_unit: Decimal
    price_source: str  # "bills", "default" or "none"


@dataclass(frozen=True)
class Baseline:
    fiscal_year: int
    energies: dict[str, EnergyBaseline]
    total_adjusted_t: Decimal
    refrigerant_t: Decimal = ZERO
    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class MeasureResult:
    """One measure for one company; money in 円, CO2 in t per year (reductions positive)."""

    measure: MeasureDef
    applicability: Applicability
    quantified: bool = False
    rank: int | None = None
    in_plan: bool = False
    basis: str = "standalone"  # "plan": sequential, after the measures ranked above it
    saving: dict[str, Decimal] = field(default_factory=dict)  # purchased quantity avoided
    units: dict[str, str] = field(default_factory=dict)
    t_co2_scope1: Decimal = ZERO
    t_co2_scope2: Decimal = ZERO  # market basis (調整後), as the footprint's totals
    t_co2_scope2_location: Decimal | None = ZERO
    yen_per_year: Decimal = ZERO
    capex_low: Decimal = ZERO
    capex_high: Decimal = ZERO
    payback_years: Decimal | None = None
    payback_vs_legal_life: str = "n/a"  # "within", "beyond", "n/a"
    npv: Decimal | None = None
    cost_per_t_co2: Decimal | None = None
    subsidies: tuple[Subsidy, ...] = ()
    sources: tuple[Source, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Message, ...] = ()

    @property
    def t_co2_per_year(self) -> Decimal:
        return self.t_co2_scope1 + self.t_co2_scope2

    @property
    def capex_typical(self) -> Decimal:
        return (self.capex_low + self.capex_high) / 2

    @property
    def saving_kwh(self) -> Decimal:
        return self.saving.get("electricity", ZERO)


@dataclass(frozen=True)
class PlanTotals:
    t_co2_scope1: Decimal
    t_co2_scope2: Decimal
    t_co2_scope2_location: Decimal | None
    yen_per_year: Decimal
    capex_low: Decimal
    capex_high: Decimal
    baseline_total_adjusted_t: Decimal
    after_total_adjusted_t: Decimal
    reduction_pct: Decimal | None

    @property
    def t_co2_per_year(self) -> Decimal:
        return self.t_co2_scope1 + self.t_co2_scope2


@dataclass(frozen=True)
class Plan:
    fiscal_year: int
    measures: list[MeasureResult]  # ranked first, then to-confirm, then not applicable
    totals: PlanTotals
    discount_rate_pct: Decimal
    profile: EndUseProfile
    warnings: list[Message]

    def result(self, measure_id: str) -> MeasureResult:
        for result in self.measures:
            if result.measure.id == measure_id:
                return result
        raise KeyError(measure_id)


class LatestPlan(NamedTuple):
    """The plan of the year the measures are evaluated against (core.measures.evaluate_latest)."""

    year: YearResult
    plan: Plan
