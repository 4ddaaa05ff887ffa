"""The summing engine of the footprint: one fiscal year's running totals, frozen into a result.

Owns how the lines of a year are added up without rounding (:class:`Rate`, :class:`Group`,
:class:`YearAccumulator`), how the sums become a :class:`~ecocheck_desktop.core.results.YearResult`
(:func:`freeze`), and the per-line results and plausibility warnings that a year builds only when
they are first read. Which lines belong to which group and which factor a group uses is decided
in :mod:`ecocheck_desktop.core.footprint` and :mod:`ecocheck_desktop.core.factor_resolution`.

How it stays fast (bench/calc.py) without rounding earlier: records that resolve to the same
factors share a ``Rate``, and totals multiply summed quantities once per rate (exact, since
Σ(q_i·f) = (Σq_i)·f in the wide context).
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from ecocheck_desktop.core.completeness import assess
from ecocheck_desktop.core.compliance import furon_reportable
from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord, FiscalYearData, Project
from ecocheck_desktop.core.plausibility import check_year
from ecocheck_desktop.core.resolved_factor import ResolvedFactor
from ecocheck_desktop.core.results import (
    EnergyTotal,
    FactorUse,
    Intensity,
    LineResult,
    MonthTotal,
    SiteTotal,
    YearResult,
)

_ZERO = Decimal(0)
# Wide enough that quantity x factor products and their sums are exact (quantities have at
# most 19 digits, factors at most 40), which is what makes splitting a record harmless.
CALCULATION_CONTEXT = decimal.Context(prec=120, rounding=ROUND_HALF_UP)
# Ratios (intensities, productivity, year-on-year) are never summed again.
_RATIO_CONTEXT = decimal.Context(prec=28, rounding=ROUND_HALF_UP)


@dataclass(eq=False, slots=True)
class Rate:
    """What the lines of one fiscal year calculated alike share: everything but the quantity.

    Lines with the same energy, unit conversion, heat value and factors differ only in their
    quantity, so the totals convert and multiply each sum once: Σ(q_i·m·f) = (Σq_i)·m·f holds
    exactly in the wide context. A year of bills has a few dozen rates, not thousands of lines.
    """

    energy: str
    scope: int
    multiplier: Decimal  # bill unit -> table unit (unused when ``divisor`` is set)
    divisor: Decimal | None  # LPG m3 -> t: a division, the one inexact conversion
    # GJ and t-CO2 (basic, adjusted, third) per table unit, 0 for a missing factor; third is
    # the one-line factor for Scope 1 and the location-based factor for Scope 2.
    per_table: tuple[Decimal, Decimal, Decimal, Decimal]
    # GJ per bill unit when it is not multiplier x per-table GJ: city gas, whose heat value
    # (省エネ法: the supplier's, per 千m3 as metered) applies to the billed volume itself.
    gj_per_bill: Decimal | None = None
    # month -> [bill quantity, cost, number of lines with a cost]
    months: dict[str, list[Any]] = field(default_factory=dict)
    quantity: Decimal = _ZERO  # bill units, summed when the year is frozen
    per_bill: tuple[Decimal, ...] = field(init=False)
    # Whether the adjusted / third product is the basic one (same digits): skip a product.
    same_adjusted: bool = field(init=False)
    same_third: bool = field(init=False)

    def __post_init__(self) -> None:
        # Exact products (the calculation context is wide enough), so one multiplication per
        # quantity gives the same digits as converting first.
        self.per_bill = (
            tuple(self.multiplier * value for value in self.per_table)
            if self.divisor is None
            else self.per_table
        )
        if self.gj_per_bill is not None and self.divisor is None:
            self.per_bill = (self.gj_per_bill, *self.per_bill[1:])
        _gj, basic, adjusted, third = self.per_table
        self.same_adjusted = _same_digits(adjusted, basic)
        self.same_third = _same_digits(third, basic)

    def table_quantity(self, quantity: Decimal) -> Decimal:
        divisor = self.divisor
        return quantity * self.multiplier if divisor is None else quantity / divisor

    def chain(self, quantity: Decimal) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """GJ and basic, adjusted and third t-CO2 of a bill quantity."""
        if self.divisor is not None:
            quantity = quantity / self.divisor
        gj, basic, adjusted, third = self.per_bill
        basic_t = quantity * basic
        return (
            quantity * gj,
            basic_t,
            basic_t if self.same_adjusted else quantity * adjusted,
            basic_t if self.same_third else quantity * third,
        )


def _same_digits(value: Decimal, other: Decimal) -> bool:
    return value is other or (value == other and value.as_tuple() == other.as_tuple())


@dataclass(eq=False, slots=True)
class Group:
    """The records of one fiscal year with the same site, energy and unit spelling, supplier,
    menu and own factor: they resolve to the same factor, so resolving runs once per group."""

    year: YearAccumulator
    site: str
    rate: Rate | None  # None: the energy or the unit is unknown (``error``)
    energy: str = ""
    table_unit: str = ""
    factor: ResolvedFactor | None = None
    national: ResolvedFactor | None = None
    error: EcoCheckError | None = None
    quantity: Decimal = _ZERO  # bill units
    shk_year: int = 0  # the April-March 年度 whose tables and lists the group uses
    months: set[str] = field(default_factory=set)  # months with a record (completeness)
    volume_factor: Decimal | None = None
    heat_value: Decimal | None = None
    heat_value_source: str = ""
    lpg_conversion: str = ""
    lpg_t_per_m3: Decimal | None = None
    lpg_source: str = ""


@dataclass
class YearAccumulator:
    """Mutable running totals of one fiscal year (frozen into a YearResult at the end)."""

    fiscal_year: int
    records: list[tuple[EnergyRecord, Group]] = field(default_factory=list)  # entry order
    groups: list[Group] = field(default_factory=list)  # with a rate, by first record
    rates: dict[tuple[Any, ...], Rate] = field(default_factory=dict)  # by first record
    # (month, rate, cell of rate.months), by the first record of the month and rate
    cells: list[tuple[str, Rate, list[Any]]] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    factors: dict[tuple[Any, ...], FactorUse] = field(default_factory=dict)
    editions: dict[str, None] = field(default_factory=dict)
    location_missing: bool = False
    refrigerant_t: Decimal = _ZERO
    refrigerant_by_site: dict[str, Decimal] = field(default_factory=dict)
    coverage: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    usable: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    furon_t: Decimal = _ZERO
    scope3: dict[str, Decimal] = field(default_factory=dict)
    crude_oil_kl_per_gj: Decimal = _ZERO
    used: set[int] = field(default_factory=set)
    _keep: list[ResolvedFactor] = field(default_factory=list)

    def use(self, factor: ResolvedFactor, value: Decimal | None = None, label: str = "") -> None:
        # Library factors are cached objects: identity makes the common case one set look-up.
        if id(factor) in self.used:
            return
        self.used.add(id(factor))
        self._keep.append(factor)  # keep it alive so its id is never reused
        use = FactorUse(
            label or factor.label,
            factor.basic if value is None else value,
            factor.unit,
            factor.edition_id,
            factor.edition_title,
            factor.source_url,
            factor.how,
            factor.provenance,
            factor.source_fiscal_year,
            factor.factor_source,
        )
        self.factors.setdefault((use.label, use.value, use.unit, use.edition_id, use.how), use)
        if factor.edition_id:
            self.editions.setdefault(factor.edition_id)
        for warning in factor.warnings:
            if warning not in self.warnings:
                self.warnings.append(warning)


def line_results(records: list[tuple[EnergyRecord, Group]]) -> list[LineResult]:
    """The records' LineResults: per line, the same chain as the totals.

    A product is shared where the factors are the same object (a fuel's basic and adjusted
    chain factor): the digits are the same, one multiplication fewer per line.
    """
    make = LineResult._make
    lines = []
    for record, group in records:
        rate = group.rate
        assert rate is not None  # only records with a rate are lines
        factor = group.factor
        quantity = record.quantity
        divisor = rate.divisor
        table_quantity = quantity * rate.multiplier if divisor is None else quantity / divisor
        basic = adjusted = location = rounded = None
        if factor is not None:
            basic = table_quantity * factor.basic
            adjusted = (
                basic if factor.adjusted is factor.basic else table_quantity * factor.adjusted
            )
            rounded = adjusted if factor.rounded is None else table_quantity * factor.rounded
            location = basic
            if group.energy == "electricity":
                national = group.national
                location = None if national is None else table_quantity * national.basic
        lines.append(
            make(
                {
                    "month": record.month,
                    "site": group.site,
                    "energy": group.energy,
                    "scope": rate.scope,
                    "quantity": quantity,
                    "unit": record.unit,
                    "table_quantity": table_quantity,
                    "table_unit": group.table_unit,
                    "t_co2_basic": basic,
                    "t_co2_adjusted": adjusted,
                    "t_co2_location": location,
                    "t_co2_rounded_factor": rounded,
                    "gj": (
                        quantity * rate.per_bill[0]
                        if divisor is None
                        else table_quantity * rate.per_table[0]
                    ),
                    "factor_basic": factor.basic if factor else None,
                    "factor_adjusted": factor.adjusted if factor else None,
                    "factor_label": factor.label if factor else "",
                    "how": factor.how if factor else "missing",
                    "edition_id": factor.edition_id if factor else "",
                    "cost_yen": record.cost_yen,
                    "estimated": record.estimated,
                    "provenance": factor.provenance if factor else "missing",
                    "factor_source": factor.factor_source if factor else "",
                    "source_fiscal_year": factor.source_fiscal_year if factor else None,
                    "shk_fiscal_year": group.shk_year,
                    "volume_factor": group.volume_factor,
                    "heat_value": group.heat_value,
                    "heat_value_source": group.heat_value_source,
                    "lpg_conversion": group.lpg_conversion,
                    "lpg_t_per_m3": group.lpg_t_per_m3,
                    "lpg_source": group.lpg_source,
                }
            )
        )
    return lines


@dataclass(eq=False, slots=True)
class _Sums:
    """The running sums of one bucket (the year, an energy, a month or a site).

    Each t-CO2 and GJ sum is a sum of (quantity sum) x (rate), exactly the sum of the lines'
    products. A rate adds its third product to ``scope1_rounded`` (Scope 1: the one-line factor)
    or ``scope2_location`` (Scope 2: the national average).
    """

    scope1_basic: Decimal = _ZERO
    scope1_adjusted: Decimal = _ZERO
    scope1_rounded: Decimal = _ZERO
    scope2_basic: Decimal = _ZERO
    scope2_adjusted: Decimal = _ZERO
    scope2_location: Decimal = _ZERO
    gj: Decimal = _ZERO
    cost: Decimal = _ZERO
    costs: int = 0  # lines with a cost: ``cost`` is reported only when there is one
    table_quantity: Decimal = _ZERO
    by_energy_t: dict[str, Decimal] = field(default_factory=dict)  # months only (adjusted)

    def add(self, scope: int, basic: Decimal, adjusted: Decimal, third: Decimal) -> None:
        if scope == 1:
            self.scope1_basic += basic
            self.scope1_adjusted += adjusted
            self.scope1_rounded += third
        else:
            self.scope2_basic += basic
            self.scope2_adjusted += adjusted
            self.scope2_location += third


def freeze(project: Project, year: YearAccumulator, previous: YearResult | None) -> YearResult:
    missing_location = year.location_missing
    for group in year.groups:
        assert group.rate is not None  # only groups with a rate are listed
        group.rate.quantity += group.quantity
    totals = _Sums()
    energies: dict[str, _Sums] = {}
    for rate in year.rates.values():
        gj, basic, adjusted, third = rate.chain(rate.quantity)
        energy_sums = energies.get(rate.energy)
        if energy_sums is None:
            energy_sums = energies[rate.energy] = _Sums()
        table_quantity = rate.table_quantity(rate.quantity)
        for sums in (totals, energy_sums):
            sums.add(rate.scope, basic, adjusted, third)
            sums.gj += gj
            sums.table_quantity += table_quantity
    months: dict[str, _Sums] = {}
    # The most frequent step (rates x months): products inlined, only the sums months report.
    for month, rate, (quantity, cost, costs) in year.cells:
        month_sums = months.get(month)
        if month_sums is None:
            month_sums = months[month] = _Sums()
        if rate.divisor is not None:
            quantity = quantity / rate.divisor
        gj, basic, adjusted, third = rate.per_bill
        basic_t = quantity * basic
        adjusted_t = basic_t if rate.same_adjusted else quantity * adjusted
        if rate.scope == 1:
            month_sums.scope1_basic += basic_t
            month_sums.scope1_adjusted += adjusted_t
        else:
            month_sums.scope2_basic += basic_t
            month_sums.scope2_adjusted += adjusted_t
            month_sums.scope2_location += basic_t if rate.same_third else quantity * third
        month_sums.gj += quantity * gj
        by_energy_t = month_sums.by_energy_t
        energy = rate.energy
        by_energy_t[energy] = by_energy_t.get(energy, _ZERO) + adjusted_t
        if costs:
            month_sums.cost += cost
            month_sums.costs += costs
            energy_total = energies[energy]
            energy_total.cost += cost
            energy_total.costs += costs
    sites: dict[str, _Sums] = {}
    for group in year.groups:
        group_rate = group.rate
        assert group_rate is not None
        gj, basic, adjusted, third = group_rate.chain(group.quantity)
        site_sums = sites.get(group.site)
        if site_sums is None:
            site_sums = sites[group.site] = _Sums()
        site_sums.add(group_rate.scope, basic, adjusted, third)
        site_sums.gj += gj
    for site, refrigerant_t in year.refrigerant_by_site.items():
        site_sums = sites.get(site)
        if site_sums is None:
            site_sums = sites[site] = _Sums()
        site_sums.add(1, refrigerant_t, refrigerant_t, refrigerant_t)

    def location_of(sums: _Sums, missing: bool) -> Decimal | None:
        return None if missing else sums.scope2_location

    scope1_t = totals.scope1_basic + year.refrigerant_t
    scope1_adjusted_t = totals.scope1_adjusted + year.refrigerant_t
    scope1_rounded = totals.scope1_rounded + year.refrigerant_t
    scope2_basic_t, scope2_adjusted_t = totals.scope2_basic, totals.scope2_adjusted
    scope2_location_t = location_of(totals, missing_location)
    total_adjusted_t = scope1_adjusted_t + scope2_adjusted_t
    energy_gj = totals.gj

    groups_by_energy: dict[str, list[Group]] = {}
    for group in year.groups:
        groups_by_energy.setdefault(group.energy, []).append(group)
    by_energy = {
        code: EnergyTotal(
            quantity=sums.table_quantity,
            unit=ENERGY_TYPES[code].table_unit,
            t_co2=sums.scope1_adjusted + sums.scope2_adjusted,
            t_co2_basic=sums.scope1_basic + sums.scope2_basic,
            t_co2_location=(
                None
                if missing_location and code == "electricity"
                else sums.scope1_basic + sums.scope2_location
            ),
            gj=sums.gj,
            cost_yen=sums.cost if sums.costs else None,
            detail_groups=tuple(groups_by_energy.get(code, ())),
        )
        for code, sums in energies.items()
    }
    by_month = {
        month: MonthTotal(
            scope1_t=sums.scope1_basic,
            scope2_basic_t=sums.scope2_basic,
            scope2_adjusted_t=sums.scope2_adjusted,
            scope2_location_t=location_of(sums, missing_location),
            total_adjusted_t=sums.scope1_adjusted + sums.scope2_adjusted,
            gj=sums.gj,
            cost_yen=sums.cost if sums.costs else None,
            by_energy_t=sums.by_energy_t,
        )
        for month, sums in sorted(months.items())
    }
    by_site = {
        site: SiteTotal(
            scope1_t=sums.scope1_basic,
            scope2_basic_t=sums.scope2_basic,
            scope2_adjusted_t=sums.scope2_adjusted,
            scope2_location_t=location_of(sums, missing_location),
            total_basic_t=sums.scope1_basic + sums.scope2_basic,
            total_adjusted_t=sums.scope1_adjusted + sums.scope2_adjusted,
            gj=sums.gj,
        )
        for site, sums in sites.items()
    }

    data = project.fiscal_years.get(year.fiscal_year)
    intensities = _intensities(data, total_adjusted_t)
    carbon_productivity = None
    if data is not None and data.value_added_million_yen is not None and total_adjusted_t > 0:
        carbon_productivity = _RATIO_CONTEXT.divide(data.value_added_million_yen, total_adjusted_t)
    yoy = _yoy(total_adjusted_t, previous)
    scope3_t = sum(year.scope3.values(), _ZERO)

    return _DeferredYearResult._make(
        {
            "fiscal_year": year.fiscal_year,
            "scope1_t": scope1_t,
            "scope1_adjusted_t": scope1_adjusted_t,
            "scope2_basic_t": scope2_basic_t,
            "scope2_adjusted_t": scope2_adjusted_t,
            "scope2_location_t": scope2_location_t,
            "total_basic_t": scope1_t + scope2_basic_t,
            "total_adjusted_t": total_adjusted_t,
            "total_location_t": (
                None if scope2_location_t is None else scope1_t + scope2_location_t
            ),
            "scope1_rounded_factor_t": scope1_rounded,
            "energy_gj": energy_gj,
            "crude_oil_kl": energy_gj * year.crude_oil_kl_per_gj,
            "by_energy": by_energy,
            "by_month": by_month,
            "by_site": by_site,
            "factors_used": list(year.factors.values()),
            "factor_editions": list(year.editions),
            "intensities": intensities,
            "carbon_productivity": carbon_productivity,
            "yoy_change_pct": yoy,
            "refrigerant_scope1_t": year.refrigerant_t,
            "furon_t": year.furon_t,
            "furon_reportable": furon_reportable(year.furon_t),
            "scope3_t": scope3_t,
            "scope3_by_category": dict(sorted(year.scope3.items())),
            "errors": list(year.errors),
            "completeness": assess(
                year.fiscal_year,
                months_of_fiscal_year(year.fiscal_year, project.company.fy_start_month),
                year.coverage,
                year.errors,
                year.warnings,
                year.usable,
            ),
        },
        _Deferred(year.records, list(year.warnings), project, previous),
    )


def _yoy(total_adjusted_t: Decimal, previous: YearResult | None) -> Decimal | None:
    if previous is None or not previous.total_adjusted_t > 0:
        return None
    # The difference is exact (freeze runs in the calculation's context; rebased may not).
    change = CALCULATION_CONTEXT.subtract(total_adjusted_t, previous.total_adjusted_t)
    return _RATIO_CONTEXT.multiply(
        _RATIO_CONTEXT.divide(change, previous.total_adjusted_t), Decimal(100)
    )


def rebased(year: YearResult, previous: YearResult | None) -> YearResult | None:
    """``year`` as :func:`freeze` makes it after the year before became ``previous``: only the
    year-on-year change and the same-month-last-year warnings read it. None when ``year`` was
    not made by :func:`freeze` (the caller calculates it again)."""
    if not isinstance(year, _DeferredYearResult):
        return None
    deferred: _Deferred = year.__dict__["_deferred"]
    values = {k: v for k, v in year.__dict__.items() if k not in ("_deferred", "warnings")}
    values["yoy_change_pct"] = _yoy(year.total_adjusted_t, previous)
    return _DeferredYearResult._make(values, replace(deferred, previous=previous))


@dataclass(frozen=True, eq=False)
class _Deferred:
    """What a year's lines and plausibility warnings are built from, on first access."""

    records: list[tuple[EnergyRecord, Group]]
    warnings: list[Message]  # the calculation's own, before the plausibility checks
    project: Project  # a snapshot: later edits of the live project cannot leak in
    previous: YearResult | None


class _DeferredYearResult(YearResult):
    """A YearResult whose ``lines`` and plausibility ``warnings`` are built when first read.

    The totals come from the rates and need neither; building a LineResult per bill line and
    checking plausibility cost more than the whole calculation (bench/calc.py), and a caller
    that only shows totals (a recalculation after one edit) should not pay for them. Reading
    either gives exactly what an eager calculation gives; its inputs are immutable (frozen
    records, resolved factors, a shallow copy of the project).
    """

    @classmethod
    def _make(cls, values: dict[str, Any], deferred: _Deferred) -> YearResult:
        result = object.__new__(cls)
        result.__dict__.update(values)
        result.__dict__["_deferred"] = deferred
        return result

    @cached_property
    def lines(self) -> list[LineResult]:
        deferred: _Deferred = self.__dict__["_deferred"]
        with decimal.localcontext(CALCULATION_CONTEXT):
            return line_results(deferred.records)

    @cached_property
    def warnings(self) -> list[Message]:
        deferred: _Deferred = self.__dict__["_deferred"]
        plausibility = check_year(deferred.project, self, deferred.previous)
        return [*deferred.warnings, *plausibility]


def _intensities(data: FiscalYearData | None, total_t: Decimal) -> list[Intensity]:
    if data is None:
        return []
    candidates = [
        (
            "revenue",
            data.revenue_million_yen,
            "売上高100万円あたり",
            "per million yen of revenue",
            "t-CO2/百万円",
        ),
        (
            "production",
            data.production_quantity,
            f"生産量1{data.production_unit or '単位'}あたり",
            f"per {data.production_unit or 'unit'} produced",
            f"t-CO2/{data.production_unit or '単位'}",
        ),
        ("employee", data.employees, "従業員1人あたり", "per employee", "t-CO2/人"),
        ("floor_area", data.floor_area_m2, "延床面積1m²あたり", "per m² of floor area", "t-CO2/m²"),
    ]
    return [
        Intensity(key, label_ja, label_en, _RATIO_CONTEXT.divide(total_t, denominator), unit)
        for key, denominator, label_ja, label_en, unit in candidates
        if denominator is not None and denominator > 0
    ]
