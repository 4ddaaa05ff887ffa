"""Why the KPI moved between two years: production, intensity, energy-mix and other effects.

The company's own change is the KPI at constant factors (:mod:`ecocheck_desktop.core.kpi`).
Its energy part E = A × (G / A) × (E / G) is split by the additive log-mean Divisia index
(LMDI-I, Ang 2005), so the effects add up to the change with no residual term:

- production (activity) effect: the driver A, the year's production quantity when both years
  have one in the same unit, else revenue [百万円];
- intensity effect: energy per unit of the driver, G / A [GJ per unit];
- energy-mix effect: t-CO2 per GJ at constant factors, E / G (fuel switching, more or less
  electricity, a different supplier or menu);
- other: the change of non-energy Scope 1 (refrigerant leakage), kept apart.

Each effect = L(E1, E0) × ln(x1 / x0) with L(a, b) = (a − b) / (ln a − ln b) (L(a, a) = a);
the mix effect is written as the energy change minus the other two, so the sum is exact in
``Decimal``. Without a driver (no production or revenue in either year) the production and
intensity effects are one "energy use" effect (A = 1). Zero or missing values: no split (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import YearResult

ZERO = Decimal(0)


@dataclass(frozen=True)
class Effects:
    driver: str  # "production" | "revenue" | "" (none: the production effect is energy use)
    driver_unit: str  # e.g. "t", "百万円"
    driver_from: Decimal | None
    driver_to: Decimal | None
    production_t: Decimal  # with no driver: the energy-use effect (GJ)
    intensity_t: Decimal  # zero with no driver
    mix_t: Decimal
    other_t: Decimal  # non-energy Scope 1 (refrigerants)

    @property
    def total_t(self) -> Decimal:
        return self.production_t + self.intensity_t + self.mix_t + self.other_t


def log_mean(a: Decimal, b: Decimal) -> Decimal:
    if a == b:
        return a
    return (a - b) / (a.ln() - b.ln())


def _driver(
    project: Project, before: int, after: int
) -> tuple[str, str, Decimal | None, Decimal | None]:
    data0, data1 = project.fiscal_years.get(before), project.fiscal_years.get(after)
    if data0 is None or data1 is None:
        return "", "", None, None
    p0, p1 = data0.production_quantity, data1.production_quantity
    if p0 and p1 and data0.production_unit == data1.production_unit:
        return "production", data1.production_unit, p0, p1
    r0, r1 = data0.revenue_million_yen, data1.revenue_million_yen
    if r0 and r1:
        return "revenue", "百万円", r0, r1
    return "", "", None, None


def effects(
    project: Project,
    before: YearResult,
    after: YearResult,
    before_constant_t: Decimal,
    after_constant_t: Decimal,
) -> Effects | None:
    """Split ``after_constant_t − before_constant_t`` (both at the KPI's factors)."""
    other0, other1 = before.refrigerant_scope1_t, after.refrigerant_scope1_t
    e0, e1 = before_constant_t - other0, after_constant_t - other1
    g0, g1 = before.energy_gj, after.energy_gj
    if e0 <= 0 or e1 <= 0 or g0 <= 0 or g1 <= 0:
        return None
    driver, unit, a0, a1 = _driver(project, before.fiscal_year, after.fiscal_year)
    weight = log_mean(e1, e0)
    if a0 is None or a1 is None:
        production = weight * (g1 / g0).ln()
        intensity = ZERO
    else:
        production = weight * (a1 / a0).ln()
        intensity = weight * ((g1 / a1) / (g0 / a0)).ln()
    mix = (e1 - e0) - production - intensity
    return Effects(driver, unit, a0, a1, production, intensity, mix, other1 - other0)
