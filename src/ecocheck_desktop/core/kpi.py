"""The lender's KPI, locked: its definition, base year and factor set, and every change twice.

The KPI is Scope 1 + Scope 2 t-CO2 on one Scope 2 basis (the first target's ``basis``,
adjusted by default: the 調整後排出係数 of the SHK rules). Its base year is the first target's
base year, else the first complete year; the KPI is *held at* the base year's factors.

A change between two years is shown twice (:class:`Change`):

- **as reported**: each year on its own factor list (what the footprint prints);
- **at constant factors**: both years' energy at the base year's factors. Per site and energy
  the base year's factor is its t-CO2 ÷ its quantity in the table unit (one number per line of
  the bill, supplier and menu included); refrigerants and other non-energy Scope 1 keep their
  values (GWPs do not move). An energy the base year did not use keeps its own factor.

``factor_effect_t`` = reported change − constant-factor change: what the factor lists moved,
not the company. The company's own change (the constant-factor change) is split by
:mod:`ecocheck_desktop.core.change_effects` into production, intensity and energy-mix effects.
All arithmetic is exact ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ecocheck_desktop.core.change_effects import Effects, effects

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import LineResult, YearResult

ZERO = Decimal(0)
HUNDRED = Decimal(100)
BASES = ("adjusted", "basic", "location")
# LineResult fields and YearResult totals of each basis.
_LINE_T = {
    "adjusted": "t_co2_adjusted",
    "basic": "t_co2_basic",
    "location": "t_co2_location",
}
_YEAR_T = {
    "adjusted": "total_adjusted_t",
    "basic": "total_basic_t",
    "location": "total_location_t",
}
# Provenances of a factor that is not a published one (the base year "rests on an estimate").
WEAK_PROVENANCES = ("estimate_substitute", "estimate_retailer", "missing")


@dataclass(frozen=True)
class Change:
    """One year against an earlier one (the year before, or the base year)."""

    from_year: int
    to_year: int
    from_t: Decimal  # as reported
    to_t: Decimal
    from_constant_t: Decimal  # at the KPI's (base year's) factors
    to_constant_t: Decimal
    effects: Effects | None  # the company's own change split (None: no drivers)
    complete: bool = True  # both years complete (12 months): a like-for-like change

    @property
    def reported_t(self) -> Decimal:
        return self.to_t - self.from_t

    @property
    def reported_pct(self) -> Decimal | None:
        return None if not self.from_t else self.reported_t / self.from_t * HUNDRED

    @property
    def constant_t(self) -> Decimal:
        """The company's own change: both years at the KPI's factors."""
        return self.to_constant_t - self.from_constant_t

    @property
    def constant_pct(self) -> Decimal | None:
        if not self.from_constant_t:
            return None
        return self.constant_t / self.from_constant_t * HUNDRED

    @property
    def factor_effect_t(self) -> Decimal:
        """What the change of factor lists did: reported − constant-factor change."""
        return self.reported_t - self.constant_t


@dataclass(frozen=True)
class Kpi:
    basis: str  # "adjusted" | "basic" | "location"
    base_year: int
    base_t: Decimal
    factor_editions: tuple[str, ...]  # the base year's editions: the set the KPI is held at
    weak_lines: tuple[
        tuple[str, str, str], ...
    ]  # base year (site, energy, provenance) not published
    estimated_months: tuple[str, ...]  # base-year months whose quantities are estimated
    part_year: bool  # the base year is not a complete 12-month year
    changes: tuple[Change, ...]  # each later year with data: against the year before
    base_changes: tuple[Change, ...]  # each later year with data: against the base year

    @property
    def on_estimate(self) -> bool:
        return bool(self.weak_lines or self.estimated_months)

    def change_to(self, year: int, against_base: bool = False) -> Change | None:
        for change in self.base_changes if against_base else self.changes:
            if change.to_year == year:
                return change
        return None


def year_total(year: YearResult, basis: str) -> Decimal | None:
    value: Decimal | None = getattr(year, _YEAR_T[basis])
    return value


def base_factors(year: YearResult, basis: str) -> dict[tuple[str, str, str], Decimal]:
    """t-CO2 per table unit of each (site, energy, table unit) of the base year."""
    field = _LINE_T[basis]
    t: dict[tuple[str, str, str], Decimal] = {}
    quantity: dict[tuple[str, str, str], Decimal] = {}
    for line in year.lines:
        value = getattr(line, field)
        if value is None:
            continue
        key = (line.site, line.energy, line.table_unit)
        t[key] = t.get(key, ZERO) + value
        quantity[key] = quantity.get(key, ZERO) + line.table_quantity
    return {key: t[key] / quantity[key] for key in t if quantity[key]}


def at_factors(
    year: YearResult, factors: dict[tuple[str, str, str], Decimal], basis: str
) -> Decimal | None:
    """The year's KPI with its energy at ``factors`` (lines without one keep their own)."""
    total = year_total(year, basis)
    if total is None:
        return None
    field = _LINE_T[basis]
    for line in year.lines:
        own = getattr(line, field)
        factor = factors.get((line.site, line.energy, line.table_unit))
        if own is None or factor is None:
            continue
        total += line.table_quantity * factor - own
    return total


def _weak(lines: Iterable[LineResult]) -> tuple[tuple[str, str, str], ...]:
    found = {
        (ln.site, ln.energy, ln.provenance) for ln in lines if ln.provenance in WEAK_PROVENANCES
    }
    return tuple(sorted(found))


def kpi_basis(project: Project) -> str:
    basis = project.targets[0].basis if project.targets else "adjusted"
    return basis if basis in BASES else "adjusted"


def kpi_base_year(project: Project, years: Iterable[YearResult]) -> int | None:
    """The first target's base year if it has data, else the first complete year."""
    with_data = [y for y in years if y.lines]
    if project.targets:
        wanted = project.targets[0].base_year
        if any(y.fiscal_year == wanted for y in with_data):
            return wanted
    complete = [y.fiscal_year for y in with_data if y.complete]
    return complete[0] if complete else None


def _change(
    project: Project,
    before: YearResult,
    after: YearResult,
    factors: dict[tuple[str, str, str], Decimal],
    basis: str,
) -> Change | None:
    from_t, to_t = year_total(before, basis), year_total(after, basis)
    from_c, to_c = at_factors(before, factors, basis), at_factors(after, factors, basis)
    if from_t is None or to_t is None or from_c is None or to_c is None:
        return None
    split = effects(project, before, after, from_c, to_c)
    complete = before.complete and after.complete
    return Change(
        before.fiscal_year, after.fiscal_year, from_t, to_t, from_c, to_c, split, complete
    )


def assess(project: Project, years: Iterable[YearResult]) -> Kpi | None:
    """The KPI of ``project`` over its calculated ``years`` (None: no base year with data)."""
    history = sorted((y for y in years if y.lines), key=lambda y: y.fiscal_year)
    basis = kpi_basis(project)
    base_year = kpi_base_year(project, history)
    base = next((y for y in history if y.fiscal_year == base_year), None)
    if base is None or year_total(base, basis) is None:
        return None
    factors = base_factors(base, basis)
    changes: list[Change] = []
    base_changes: list[Change] = []
    by_year = {y.fiscal_year: y for y in history}
    for year in history:
        if year.fiscal_year <= base.fiscal_year:
            continue
        before = by_year.get(year.fiscal_year - 1)
        if before is not None:
            change = _change(project, before, year, factors, basis)
            if change is not None:
                changes.append(change)
        against_base = _change(project, base, year, factors, basis)
        if against_base is not None:
            base_changes.append(against_base)
    base_t = year_total(base, basis)
    assert base_t is not None
    return Kpi(
        basis=basis,
        base_year=base.fiscal_year,
        base_t=base_t,
        factor_editions=tuple(base.factor_editions),
        weak_lines=_weak(base.lines),
        estimated_months=tuple(sorted({ln.month for ln in base.lines if ln.estimated})),
        part_year=not base.complete,
        changes=tuple(changes),
        base_changes=tuple(base_changes),
    )
