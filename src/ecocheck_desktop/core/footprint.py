"""The footprint calculation: Scope 1, Scope 2 (three bases), energy, and their aggregations.

Owns the calculation rules of docs/methodology.md (with their factor sources), applied to a
:class:`~ecocheck_desktop.core.model.Project`, and the frozen result objects the report, the GUI
and ``ecocheck calc --json`` read. Arithmetic is exact ``Decimal`` (a wide local context, so
products and sums never round); the only inexact steps are the repeating divisions (44/12,
carried to 40 significant digits; LPG m3 / 502 or 355; the Nm3 ratio). Rounding for display
happens only in :meth:`Footprint.to_json_dict` (6 decimals) and in the views.

Decisions recorded here (also in docs/methodology.md):

- A missing factor (no electricity list for the fiscal year and no user factor, an unknown fuel,
  no heat factor) is an error for that fiscal year. ``calculate(strict=True)`` (the default, used
  by the CLI: exit 2) raises :class:`EcoCheckError` carrying one message per fiscal year, energy
  and site; ``strict=False`` (the GUI) returns every year, the affected lines without emissions
  and the messages in ``YearResult.errors``.
- ``scope1_t`` is the 基礎 (basic) Scope 1; ``scope1_adjusted_t`` differs only when a gas
  supplier's 調整後 factor does (a carbon-neutral gas menu). ``total_basic_t = scope1_t +
  scope2_basic_t``, ``total_adjusted_t = scope1_adjusted_t + scope2_adjusted_t``,
  ``total_location_t = scope1_t + scope2_location_t``. Scope 3 is reported separately.
- Intensities and carbon productivity use ``total_adjusted_t`` (the SHK 調整後 basis).
- The SHK year is April-March: every table, list and conversion is looked up for the month's
  April-March 年度 (``LineResult.shk_fiscal_year``); the company's business year only groups.
- No electricity list for a year: ``factor.needed`` (never another year's value, never a silent
  0) unless the contract holds the retailer's figure (``provenance="user"``, source required or
  the year is incomplete) or an estimate chosen knowingly (``factor_choice="estimate"``: the
  nearest list's 代替値 or the same retailer there; ``provenance="estimate_*"``, labelled 推計).
- Completeness is the one rule of :mod:`ecocheck_desktop.core.completeness`
  (``YearResult.completeness``; ``YearResult.complete`` reads it).
- Gas billed in Nm3 is converted to the new table's 25 °C / 1 bar basis (not on the old 千Nm3
  table); city gas GJ uses the billed volume and the supplier's heat value when given; LPG m3 ->
  t follows the contract (propane 1/502, butane 1/355, or the stated kg/m3).
- Site totals include refrigerant Scope 1 (a refill without a site: the default site).

How it stays fast (bench/calc.py) without rounding earlier: records that resolve to the same
factors share a ``_Rate``, and totals multiply summed quantities once per rate (exact, since
Σ(q_i·f) = (Σq_i)·f in the wide context); ``YearResult.lines`` and the plausibility part of
``YearResult.warnings`` are built on first access from immutable snapshots; library look-ups
are cached with the library across calls.
"""

from __future__ import annotations

import decimal
import weakref
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.completeness import Completeness, assess
from ecocheck_desktop.core.energy import (
    ENERGY_TYPES,
    normalize_energy,
    normalize_unit,
    to_table_unit,
)
from ecocheck_desktop.core.fiscal import fiscal_year_of, months_of_fiscal_year
from ecocheck_desktop.core.messages import EcoCheckError, Message, render
from ecocheck_desktop.core.model import EnergyRecord, Project

if TYPE_CHECKING:
    from ecocheck_desktop.core.factors import FactorLibrary


_ZERO = Decimal(0)
_THOUSAND = Decimal(1000)
_CO2_PER_C = (Decimal(44), Decimal(12))
FURON_REPORTING_THRESHOLD_T = Decimal(1000)
# Wide enough that quantity x factor products and their sums are exact (quantities have at
# most 19 digits, factors at most 40), which is what makes splitting a record harmless.
_CONTEXT = decimal.Context(prec=120, rounding=ROUND_HALF_UP)
_FACTOR_CONTEXT = decimal.Context(prec=40, rounding=ROUND_HALF_UP)
# Ratios (intensities, productivity, year-on-year) are never summed again.
_RATIO_CONTEXT = decimal.Context(prec=28, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------- result objects


@dataclass(frozen=True)
class FactorUse:
    label: str
    value: Decimal
    unit: str
    edition_id: str
    edition_title: str
    source_url: str
    how: str  # "library", "user", "default", "substitute" (代替値), "national_average", …
    # Where the figure comes from: "library" (a bundled list or table), "user" (typed in from
    # the retailer's page or the bill, ``factor_source`` says where), "estimate_substitute" /
    # "estimate_retailer" (推計: the nearest list's 代替値 / the same retailer's value there).
    provenance: str = "library"
    source_fiscal_year: int | None = None  # the list's fiscal year (differs for an estimate)
    factor_source: str = ""  # the user's source text


PROVENANCES = ("library", "user", "estimate_substitute", "estimate_retailer")
ESTIMATE_PROVENANCES = ("estimate_substitute", "estimate_retailer")


@dataclass(frozen=True)
class LineResult:
    """One energy record, calculated."""

    month: str
    site: str
    energy: str
    scope: int
    quantity: Decimal  # as entered
    unit: str  # as entered
    table_quantity: Decimal  # in the factor table's unit
    table_unit: str
    t_co2_basic: Decimal | None  # None: the factor is missing (non-strict mode)
    t_co2_adjusted: Decimal | None
    t_co2_location: Decimal | None
    t_co2_rounded_factor: Decimal | None  # fuels: quantity x the one-line factor
    gj: Decimal
    factor_basic: Decimal | None
    factor_adjusted: Decimal | None
    factor_label: str
    how: str
    edition_id: str
    cost_yen: Decimal | None = None
    estimated: bool = False
    provenance: str = "library"  # see FactorUse.provenance ("missing" when unresolved)
    factor_source: str = ""
    source_fiscal_year: int | None = None
    shk_fiscal_year: int | None = None  # the April-March 年度 whose tables the month uses
    # City gas / natural gas billed in Nm3 (0 °C, 101.325 kPa): the multiplier to the new
    # table's 25 °C / 1 bar basis; None when the volume is taken as the table's basis.
    volume_factor: Decimal | None = None
    heat_value: Decimal | None = None  # city gas: GJ per 千m3 as billed, used for GJ / 原油換算
    heat_value_source: str = ""  # "" = the 省エネ法 default; else the supplier figure's source
    lpg_conversion: str = ""  # LPG in m3: "propane", "butane" or "kg_per_m3"
    lpg_t_per_m3: Decimal | None = None  # t per m3 actually used (1/502, 1/355 or kg/1000)
    lpg_source: str = ""

    @classmethod
    def _make(cls, values: dict[str, Any]) -> LineResult:
        """Build without the frozen ``__init__``'s per-field ``object.__setattr__`` calls.

        One of these is made per bill line; the generated frozen ``__init__`` costs several
        microseconds each, which dominated ``calculate()`` (bench/calc.py). ``values`` must name
        every field and becomes the instance's ``__dict__`` (not copied).
        """
        line = object.__new__(cls)
        object.__setattr__(line, "__dict__", values)
        return line


@dataclass(frozen=True)
class FactorDetail:
    """How one site's lines of one energy were calculated (one per distinct resolution)."""

    site: str
    shk_fiscal_year: int
    provenance: str
    label: str
    basic: Decimal | None
    adjusted: Decimal | None
    unit: str
    edition_id: str
    source_fiscal_year: int | None
    factor_source: str
    volume_factor: Decimal | None
    heat_value: Decimal | None
    heat_value_source: str
    lpg_conversion: str
    lpg_t_per_m3: Decimal | None
    lpg_source: str


@dataclass(frozen=True)
class EnergyTotal:
    quantity: Decimal  # in the table unit
    unit: str
    t_co2: Decimal  # adjusted basis (Scope 2) / basic for fuels with no 調整後 distinction
    t_co2_basic: Decimal
    t_co2_location: Decimal | None
    gj: Decimal
    cost_yen: Decimal | None
    # The energy's groups, turned into ``details`` on first read (most callers never ask).
    detail_groups: tuple[Any, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def details(self) -> tuple[FactorDetail, ...]:
        """How each site's lines were calculated: one per distinct resolution, in order."""
        return _details(self.detail_groups)

    @property
    def provenances(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.provenance for d in self.details))


@dataclass(frozen=True)
class MonthTotal:
    scope1_t: Decimal
    scope2_basic_t: Decimal
    scope2_adjusted_t: Decimal
    scope2_location_t: Decimal | None
    total_adjusted_t: Decimal
    gj: Decimal
    cost_yen: Decimal | None
    by_energy_t: dict[str, Decimal] = field(default_factory=dict)  # adjusted basis


@dataclass(frozen=True)
class SiteTotal:
    scope1_t: Decimal
    scope2_basic_t: Decimal
    scope2_adjusted_t: Decimal
    scope2_location_t: Decimal | None
    total_basic_t: Decimal
    total_adjusted_t: Decimal
    gj: Decimal


@dataclass(frozen=True)
class Intensity:
    key: str  # "revenue", "production", "employee", "floor_area"
    denominator_label_ja: str
    denominator_label_en: str
    value: Decimal
    unit: str
    basis: str = "adjusted"


@dataclass(frozen=True)
class YearResult:
    fiscal_year: int
    scope1_t: Decimal
    scope1_adjusted_t: Decimal
    scope2_basic_t: Decimal
    scope2_adjusted_t: Decimal
    scope2_location_t: Decimal | None
    total_basic_t: Decimal
    total_adjusted_t: Decimal
    total_location_t: Decimal | None
    scope1_rounded_factor_t: Decimal
    energy_gj: Decimal
    crude_oil_kl: Decimal
    by_energy: dict[str, EnergyTotal]
    by_month: dict[str, MonthTotal]
    by_site: dict[str, SiteTotal]
    lines: list[LineResult]
    factors_used: list[FactorUse]
    factor_editions: list[str]
    intensities: list[Intensity]
    carbon_productivity: Decimal | None  # value added 百万円 per t-CO2
    yoy_change_pct: Decimal | None  # total_adjusted_t vs the previous fiscal year
    refrigerant_scope1_t: Decimal
    furon_t: Decimal  # フロン法 算定漏えい量 (HFC + HCFC, フロン法 GWPs)
    furon_reportable: bool  # furon_t >= 1,000 t-CO2
    scope3_t: Decimal
    scope3_by_category: dict[str, Decimal]
    warnings: list[Message]
    errors: list[Message] = field(default_factory=list)
    completeness: Completeness | None = None  # None only for hand-built results

    @property
    def complete(self) -> bool:
        """The one completeness rule (core.completeness): no unresolved factor or error, 12
        months, no month left blank, every user factor sourced."""
        if self.completeness is None:
            return not self.errors
        return self.completeness.complete

    @property
    def incomplete_reasons(self) -> tuple[Message, ...]:
        if self.completeness is None:
            return tuple(self.errors)
        return self.completeness.reasons


@dataclass(frozen=True)
class Footprint:
    company: str
    years: list[YearResult]
    warnings: list[Message] = field(default_factory=list)

    def year(self, fiscal_year: int) -> YearResult:
        for result in self.years:
            if result.fiscal_year == fiscal_year:
                return result
        raise KeyError(fiscal_year)

    def to_json_dict(self) -> dict[str, Any]:
        """The ``ecocheck calc --json`` object (docs/calc-json.md)."""
        return {
            "company": self.company,
            "results": [_year_json(year) for year in self.years],
            "warnings": [_message_json(m) for m in self.warnings],
        }


_MICRO = Decimal("0.000001")


def _number(value: Decimal | None) -> float | None:
    if value is None:
        return None
    return float(value.quantize(_MICRO, rounding=ROUND_HALF_UP))


def _message_json(message: Message) -> dict[str, Any]:
    return {
        "code": message.code,
        "message": render(message),
        "where": {key: str(value) for key, value in message.where.items()},
    }


def _year_json(year: YearResult) -> dict[str, Any]:
    n = _number
    return {
        "fiscal_year": year.fiscal_year,
        "scope1_t": n(year.scope1_t),
        "scope1_adjusted_t": n(year.scope1_adjusted_t),
        "scope2_basic_t": n(year.scope2_basic_t),
        "scope2_adjusted_t": n(year.scope2_adjusted_t),
        "scope2_location_t": n(year.scope2_location_t),
        "total_basic_t": n(year.total_basic_t),
        "total_adjusted_t": n(year.total_adjusted_t),
        "total_location_t": n(year.total_location_t),
        "scope1_rounded_factor_t": n(year.scope1_rounded_factor_t),
        "energy_gj": n(year.energy_gj),
        "crude_oil_kl": n(year.crude_oil_kl),
        "by_energy": {
            code: {
                "quantity": n(total.quantity),
                "unit": total.unit,
                "t_co2": n(total.t_co2),
                "t_co2_basic": n(total.t_co2_basic),
                "t_co2_location": n(total.t_co2_location),
                "gj": n(total.gj),
                "cost_yen": n(total.cost_yen),
                "factor_provenance": list(total.provenances),
                "factor_source": list(
                    dict.fromkeys(d.factor_source for d in total.details if d.factor_source)
                ),
                "factors": [_detail_json(d) for d in total.details],
            }
            for code, total in year.by_energy.items()
        },
        "by_month": {
            month: {
                "scope1_t": n(total.scope1_t),
                "scope2_basic_t": n(total.scope2_basic_t),
                "scope2_adjusted_t": n(total.scope2_adjusted_t),
                "scope2_location_t": n(total.scope2_location_t),
                "total_adjusted_t": n(total.total_adjusted_t),
                "gj": n(total.gj),
                "cost_yen": n(total.cost_yen),
                "by_energy_t": {code: n(t) for code, t in total.by_energy_t.items()},
            }
            for month, total in year.by_month.items()
        },
        "by_site": {
            site: {
                "scope1_t": n(total.scope1_t),
                "scope2_basic_t": n(total.scope2_basic_t),
                "scope2_adjusted_t": n(total.scope2_adjusted_t),
                "scope2_location_t": n(total.scope2_location_t),
                "total_basic_t": n(total.total_basic_t),
                "total_adjusted_t": n(total.total_adjusted_t),
                "gj": n(total.gj),
            }
            for site, total in year.by_site.items()
        },
        "intensities": [
            {
                "key": i.key,
                "denominator_ja": i.denominator_label_ja,
                "denominator_en": i.denominator_label_en,
                "value": n(i.value),
                "unit": i.unit,
                "basis": i.basis,
            }
            for i in year.intensities
        ],
        "carbon_productivity": n(year.carbon_productivity),
        "yoy_change_pct": n(year.yoy_change_pct),
        "refrigerant_scope1_t": n(year.refrigerant_scope1_t),
        "furon_t": n(year.furon_t),
        "furon_reportable": year.furon_reportable,
        "scope3_t": n(year.scope3_t),
        "scope3_by_category": {k: n(v) for k, v in year.scope3_by_category.items()},
        "factors_used": [
            {
                "label": f.label,
                "value": str(f.value),
                "unit": f.unit,
                "edition_id": f.edition_id,
                "edition_title": f.edition_title,
                "source_url": f.source_url,
                "how": f.how,
                "provenance": f.provenance,
                "source_fiscal_year": f.source_fiscal_year,
                "factor_source": f.factor_source,
            }
            for f in year.factors_used
        ],
        "factor_editions": list(year.factor_editions),
        "complete": year.complete,
        "incomplete_reasons": [_message_json(m) for m in year.incomplete_reasons],
        "completeness": _completeness_json(year.completeness),
        "warnings": [_message_json(m) for m in year.warnings],
        "errors": [_message_json(m) for m in year.errors],
    }


def _completeness_json(completeness: Completeness | None) -> dict[str, Any] | None:
    if completeness is None:
        return None
    return {
        "missing_factor": list(completeness.missing_factor),
        "months_present": list(completeness.months_present),
        "blank_months": [
            {"site": site, "energy": energy, "months": list(months)}
            for (site, energy), months in completeness.blank_months.items()
        ],
    }


def _detail_json(detail: FactorDetail) -> dict[str, Any]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {
        "site": detail.site,
        "shk_fiscal_year": detail.shk_fiscal_year,
        "provenance": detail.provenance,
        "label": detail.label,
        "basic": text(detail.basic),
        "adjusted": text(detail.adjusted),
        "unit": detail.unit,
        "edition_id": detail.edition_id,
        "source_fiscal_year": detail.source_fiscal_year,
        "factor_source": detail.factor_source,
        "volume_factor": text(detail.volume_factor),
        "heat_value_gj_per_km3": text(detail.heat_value),
        "heat_value_source": detail.heat_value_source,
        "lpg_conversion": detail.lpg_conversion,
        "lpg_t_per_m3": text(detail.lpg_t_per_m3),
        "lpg_source": detail.lpg_source,
    }


# --------------------------------------------------------------------------- factor adapter


@dataclass(frozen=True)
class _Factor:
    """A resolved factor for one line: t-CO2 per table unit on each basis."""

    basic: Decimal
    adjusted: Decimal
    rounded: Decimal | None  # the one-line factor, fuels only
    label: str
    how: str
    edition_id: str
    edition_title: str = ""
    source_url: str = ""
    unit: str = ""
    warnings: tuple[Message, ...] = ()
    provenance: str = "library"
    source_fiscal_year: int | None = None
    factor_source: str = ""


class _YearFactors:
    """Factor look-ups, cached per (fy, supplier, menu).

    Library look-ups depend on the library alone (loaded once, never changed), so their cache
    is kept with the library and shared by every calculate() call: the GUI recalculates after
    each edit with the same library. Look-ups that read the project (contracts) are cached
    for one call only.
    """

    def __init__(self, library: Any) -> None:
        # Any: the adapter tolerates small differences in the library's result objects.
        self.library = library
        try:
            cache = _LIBRARY_CACHES.get(library)
            if cache is None:
                cache = _LIBRARY_CACHES[library] = {}
        except TypeError:  # not weakly referenceable or not hashable: cache for this call
            cache = {}
        self._cache: dict[tuple[Any, ...], Any] = cache
        self._project_cache: dict[tuple[Any, ...], Any] = {}

    def _cached(
        self, key: tuple[Any, ...], compute: Any, cache: dict[tuple[Any, ...], Any] | None = None
    ) -> Any:
        cache = self._cache if cache is None else cache
        if key not in cache:
            try:
                cache[key] = compute()
            except EcoCheckError as error:
                cache[key] = error
        value = cache[key]
        if isinstance(value, EcoCheckError):
            # A fresh traceback: the cached error is raised again in later calls.
            raise value.with_traceback(None)
        return value

    # Fuel table ------------------------------------------------------------------------
    def fuel(self, fiscal_year: int, energy: str) -> Any:
        def compute() -> Any:
            edition, table = self.library.fuel_table(fiscal_year)
            for key in _FUEL_KEYS.get(energy, (energy,)):
                if key in table:
                    return edition, table[key]
            raise EcoCheckError(
                Message(
                    "factor.fuel_missing",
                    {"energy": energy, "fiscal_year": fiscal_year},
                    {"energy": energy, "fiscal_year": fiscal_year},
                )
            )

        return self._cached(("fuel", fiscal_year, energy), compute)

    def fuel_factor(self, fiscal_year: int, energy: str) -> _Factor:
        def compute() -> _Factor:
            edition, fuel = self.fuel(fiscal_year, energy)
            warnings: tuple[Message, ...] = ()
            rounded = Decimal(fuel.tco2_per_unit_rounded)
            if fuel.gj_per_unit is None or fuel.tc_per_gj is None:
                chain = rounded
                warnings = (
                    Message(
                        "factor.chain_unavailable",
                        {"energy": energy, "fiscal_year": fiscal_year, "factor": rounded},
                        {"energy": energy, "fiscal_year": fiscal_year},
                    ),
                )
            else:
                chain = _FACTOR_CONTEXT.divide(
                    Decimal(fuel.gj_per_unit) * Decimal(fuel.tc_per_gj) * _CO2_PER_C[0],
                    _CO2_PER_C[1],
                )
            name = ENERGY_TYPES[energy].name_ja
            label = (
                f"{name} {fuel.gj_per_unit} GJ/{fuel.unit} × {fuel.tc_per_gj} t-C/GJ × 44/12"
                if chain is not rounded
                else f"{name} {rounded} t-CO2/{fuel.unit}"
            )
            return _Factor(
                chain,
                chain,
                rounded,
                label,
                "table",
                edition.id,
                edition.title,
                edition.source_url,
                f"t-CO2/{fuel.unit}",
                warnings,
            )

        return self._cached(("fuel_factor", fiscal_year, energy), compute)

    def heat_value(self, fiscal_year: int, energy: str) -> Decimal:
        """GJ per table unit (省エネ法); city gas uses the supplier value (45 GJ/千m3)."""
        if energy == "city_gas":
            return Decimal(self.conversion(fiscal_year).city_gas_gj_per_km3)
        _edition, fuel = self.fuel(fiscal_year, energy)
        return Decimal(fuel.gj_per_unit) if fuel.gj_per_unit is not None else _ZERO

    def table_conversion(
        self, energy_text: str, unit: str, fiscal_year: int
    ) -> tuple[str, Decimal, Decimal | None]:
        """The energy code and how a bill quantity becomes the table unit: times the
        multiplier, or (LPG m3) divided by the divisor."""

        def compute() -> tuple[str, Decimal, Decimal | None]:
            energy = normalize_energy(energy_text)
            if energy == "lpg" and normalize_unit(unit) == "m3":
                divisor = Decimal(self.conversion(fiscal_year).lpg_m3_per_t)
                to_table_unit(energy, Decimal(1), unit, lpg_m3_per_t=divisor)
                return energy, Decimal(1), divisor
            return energy, to_table_unit(energy, Decimal(1), unit), None

        return self._cached(("unit", energy_text, unit, fiscal_year), compute)

    def volume_factor(self, fiscal_year: int, energy: str, unit: str) -> Decimal | None:
        """The multiplier from a bill volume in Nm3 (0 °C, 101.325 kPa) to the fuel table's
        basis, or None when the bill volume is taken as the table's basis.

        The new table (FY2023 on) is per 千m3 at 25 °C / 1 bar (算定省令 別表第1 標準環境状態);
        the old table was per 千Nm3 (0 °C, 1 atm), so Nm3 needs no conversion there. Metered m3
        (temperature and pressure unknown) is taken as the table's basis in both (factors.md
        §0, [TG-8954]). Which basis a table uses is read from its row's unit (千Nm3 or 千m3).
        """

        def compute() -> Decimal | None:
            if normalize_unit(unit) not in ("Nm3", "千Nm3"):
                return None
            if ENERGY_TYPES[energy].table_unit != "千m3":
                return None
            try:
                _edition, fuel = self.fuel(fiscal_year, energy)
            except EcoCheckError:
                return None
            if "Nm3" in str(fuel.unit):
                return None
            return NM3_TO_STANDARD_ENVIRONMENT

        return self._cached(("volume", fiscal_year, energy, unit), compute)

    def gj_per_table_unit(self, fiscal_year: int, energy: str) -> Decimal:
        def compute() -> Decimal:
            try:
                if energy == "electricity":
                    return self.electricity_gj_per_thousand_kwh(fiscal_year) / _THOUSAND
                if energy == "heat":
                    return Decimal(1)
                return self.heat_value(fiscal_year, energy)
            except EcoCheckError:
                return _ZERO  # the missing factor is reported with the line's emissions

        return self._cached(("gj", fiscal_year, energy), compute)

    def line_factor(
        self, project: Project, record: EnergyRecord, site: str, energy: str, fiscal_year: int
    ) -> tuple[_Factor, _Factor | None]:
        """The factor of a record without its own factor, and the national average.

        The site matters only through its contract, so sites without one share the look-up.
        """

        def compute() -> tuple[_Factor, _Factor | None]:
            factor = _record_factor(project, record, site, energy, fiscal_year, self)
            national = self.national_average(fiscal_year) if energy == "electricity" else None
            return factor, national

        contract = project.contract_for(site, energy)
        key = ("line", contract, energy, fiscal_year, record.supplier, record.menu)
        return self._cached(key, compute, self._project_cache)

    def lists_retailer(self, fiscal_year: int, supplier: str) -> bool:
        """True when the year's list settles the retailer's factor: its own row, or the
        代替値 of a complete list. A partial (sourced past-year) list that lacks the retailer,
        or no list at all, leaves the figure to the user."""
        return bool(
            self._cached(
                ("lists_retailer", fiscal_year, supplier),
                lambda: (
                    self.library.electricity_outcome(fiscal_year, supplier)
                    in ("listed", "substitute")
                ),
            )
        )

    # Conversion ------------------------------------------------------------------------
    def conversion(self, fiscal_year: int) -> Any:
        return self._cached(
            ("conversion", fiscal_year), lambda: self.library.energy_conversion(fiscal_year)
        )

    def electricity_gj_per_thousand_kwh(self, fiscal_year: int) -> Decimal:
        return Decimal(self.conversion(fiscal_year).electricity_gj_per_thousand_kwh)

    # Electricity -----------------------------------------------------------------------
    def electricity(self, fiscal_year: int, supplier: str, menu: str) -> _Factor:
        def compute() -> _Factor:
            resolution = self.library.resolve_electricity(fiscal_year, supplier, menu)
            edition = self.library.electricity_edition(fiscal_year)
            label = _electricity_label(resolution.factor, supplier, menu)
            return _Factor(
                Decimal(resolution.basic),
                Decimal(resolution.adjusted),
                None,
                label,
                str(resolution.how),
                _edition_id(edition),
                getattr(edition, "title", ""),
                # Past-year rows carry their own publication's URL (factors.py).
                getattr(resolution.factor, "source", "") or getattr(edition, "source_url", ""),
                "t-CO2/kWh",
                tuple(resolution.warnings),
                "library",
                fiscal_year,
            )

        return self._cached(("electricity", fiscal_year, supplier, menu), compute)

    def electricity_estimate(
        self, fiscal_year: int, supplier: str, menu: str, basis: str, site: str
    ) -> _Factor | None:
        """An estimate (推計) chosen knowingly for a year without a list: the nearest list's
        代替値 (``basis="substitute"``) or the same retailer's value there (``"retailer"``; the
        代替値 when the retailer is not in that list either). None: no list at all."""
        nearest_year = getattr(self.library, "nearest_electricity_year", None)
        nearest = nearest_year(fiscal_year) if callable(nearest_year) else None
        if nearest is None:
            return None
        edition = self.library.electricity_edition(nearest)
        if basis == "retailer" and supplier.strip():
            resolution = self.library.resolve_electricity(nearest, supplier, menu)
            basic, adjusted = Decimal(resolution.basic), Decimal(resolution.adjusted)
            found = resolution.how != "substitute"
            row = _electricity_label(resolution.factor, supplier, menu)
        else:
            found_value = self.library.substitute_value(nearest)
            if found_value is None:
                return None
            basic = adjusted = Decimal(found_value[0])
            found = False
            row = "代替値"
        provenance = "estimate_retailer" if found else "estimate_substitute"
        label = f"電気 推計 ({nearest}年度の一覧: {row})"
        warning = Message(
            f"factor.{provenance}",
            {
                "energy": "electricity",
                "site": site,
                "fiscal_year": fiscal_year,
                "source_fiscal_year": nearest,
                "value": adjusted,
            },
            {"site": site, "energy": "electricity", "fiscal_year": fiscal_year},
        )
        return _Factor(
            basic,
            adjusted,
            None,
            label,
            provenance,
            _edition_id(edition),
            getattr(edition, "title", ""),
            getattr(edition, "source_url", ""),
            "t-CO2/kWh",
            (warning,),
            provenance,
            nearest,
        )

    def national_average(self, fiscal_year: int) -> _Factor | None:
        def compute() -> _Factor | None:
            found = self.library.national_average(fiscal_year)
            if found is None:
                return None
            value, edition = found
            return _Factor(
                Decimal(value),
                Decimal(value),
                None,
                "全国平均係数",
                "national_average",
                edition.id,
                edition.title,
                edition.source_url,
                "t-CO2/kWh",
            )

        return self._cached(("national", fiscal_year), compute)

    # Gas and heat ------------------------------------------------------------------------
    def gas(self, fiscal_year: int, supplier: str, menu: str) -> _Factor:
        def compute() -> _Factor:
            found = self.library.resolve_gas(fiscal_year, supplier, menu) if supplier else None
            if found is None:
                default = self.fuel_factor(fiscal_year, "city_gas")
                # An unmatched gas supplier warns as an unmatched retailer does (factors owns it).
                warn = getattr(self.library, "gas_supplier_warning", None)
                unmatched = warn(fiscal_year, supplier) if warn is not None else None
                suggest = getattr(self.library, "supplier_suggestions", None)
                hint = (
                    suggest("gas", fiscal_year, supplier)
                    if unmatched is not None and suggest is not None
                    else None
                )
                return _Factor(
                    default.basic,
                    default.adjusted,
                    default.rounded,
                    default.label,
                    "default",
                    default.edition_id,
                    default.edition_title,
                    default.source_url,
                    default.unit,
                    (*default.warnings, *(m for m in (unmatched, hint) if m is not None)),
                )
            basic, adjusted, edition_id, label = found
            title, url = self.edition_info(edition_id)
            return _Factor(
                Decimal(basic),
                Decimal(adjusted),
                Decimal(basic),
                f"都市ガス {label}",
                "supplier",
                edition_id,
                title,
                url,
                "t-CO2/千m3",
            )

        return self._cached(("gas", fiscal_year, supplier, menu), compute)

    def heat(self, fiscal_year: int, supplier: str, menu: str) -> _Factor:
        def compute() -> _Factor:
            found = self.library.resolve_heat(fiscal_year, supplier, menu) if supplier else None
            if found is not None:
                basic, adjusted, edition_id, label = found
                title, url = self.edition_info(edition_id)
                return _Factor(
                    Decimal(basic),
                    Decimal(adjusted),
                    None,
                    f"熱 {label}",
                    "supplier",
                    edition_id,
                    title,
                    url,
                    "t-CO2/GJ",
                )
            default = self.library.heat_default(fiscal_year)
            if default is None:
                raise EcoCheckError(
                    Message(
                        "factor.heat_missing",
                        {"fiscal_year": fiscal_year},
                        {"energy": "heat", "fiscal_year": fiscal_year},
                    )
                )
            value, edition = default
            return _Factor(
                Decimal(value),
                Decimal(value),
                None,
                "熱 代替値",
                "default",
                edition.id,
                edition.title,
                edition.source_url,
                "t-CO2/GJ",
            )

        return self._cached(("heat", fiscal_year, supplier, menu), compute)

    def edition_info(self, edition_id: str) -> tuple[str, str]:
        def compute() -> tuple[str, str]:
            finder = getattr(self.library, "edition", None)
            edition = None
            if callable(finder):
                try:
                    edition = finder(edition_id)
                except (KeyError, EcoCheckError):
                    edition = None
            else:
                edition = getattr(self.library, "editions", {}).get(edition_id)
            if edition is None:
                return "", ""
            return edition.title, edition.source_url

        return self._cached(("edition", edition_id), compute)


_LIBRARY_CACHES: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]] = (
    weakref.WeakKeyDictionary()
)


@lru_cache(maxsize=4096)
def _fiscal_year_of(month: str, start_month: int) -> int:
    """fiscal_year_of, remembered across calls (it parses every spelling of a month)."""
    return fiscal_year_of(month, start_month)


# SHK reports by the April-March 年度 (算定・報告マニュアル: 報告対象は年度 (4月1日～3月31日)).
SHK_START_MONTH = 4

# 0 °C / 101.325 kPa -> 25 °C / 100 kPa (1 bar): V25 = V0 × (298.15/273.15) × (101.325/100)
# (Boyle-Charles; the new table's 標準環境状態, 算定省令 別表第1). About 1.10597.
NM3_TO_STANDARD_ENVIRONMENT = _FACTOR_CONTEXT.divide(
    Decimal("298.15") * Decimal("101.325"), Decimal("273.15") * Decimal(100)
)

# Energy codes whose fuel-table key is spelled differently in the official files.
_FUEL_KEYS: dict[str, tuple[str, ...]] = {
    "diesel": ("diesel", "diesel_oil"),
    "city_gas": ("city_gas", "city_gas_default"),
    "lubricating_oil": ("lubricating_oil", "lubricant"),
}


def _edition_id(edition: Any) -> str:
    return str(getattr(edition, "id", ""))


def _electricity_label(factor: Any, supplier: str, menu: str) -> str:
    name = getattr(factor, "supplier_name", "") or getattr(factor, "name", "") or supplier
    row_menu = getattr(factor, "menu", "") or menu
    return " ".join(part for part in ("電気", str(name), str(row_menu)) if part)


# --------------------------------------------------------------------------- calculation


@dataclass(eq=False, slots=True)
class _Rate:
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
class _Group:
    """The records of one fiscal year with the same site, energy and unit spelling, supplier,
    menu and own factor: they resolve to the same factor, so resolving runs once per group."""

    year: _Accumulator
    site: str
    rate: _Rate | None  # None: the energy or the unit is unknown (``error``)
    energy: str = ""
    table_unit: str = ""
    factor: _Factor | None = None
    national: _Factor | None = None
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
class _Accumulator:
    """Mutable running totals of one fiscal year (frozen into a YearResult at the end)."""

    fiscal_year: int
    records: list[tuple[EnergyRecord, _Group]] = field(default_factory=list)  # entry order
    groups: list[_Group] = field(default_factory=list)  # with a rate, by first record
    rates: dict[tuple[Any, ...], _Rate] = field(default_factory=dict)  # by first record
    # (month, rate, cell of rate.months), by the first record of the month and rate
    cells: list[tuple[str, _Rate, list[Any]]] = field(default_factory=list)
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
    _keep: list[_Factor] = field(default_factory=list)

    def use(self, factor: _Factor, value: Decimal | None = None, label: str = "") -> None:
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


def calculate(
    project: Project,
    library: FactorLibrary | None = None,
    fiscal_years: Iterable[int] | None = None,
    *,
    strict: bool = True,
) -> Footprint:
    """The footprint of every fiscal year with data (or of ``fiscal_years``).

    Raises :class:`EcoCheckError` in strict mode when a factor is missing for a requested year
    (see the module docstring); never substitutes another year's factor.
    """
    if library is None:
        from ecocheck_desktop.core.factors import default_library

        library = default_library()
    # Each fiscal year is held to the edition it is locked to (a newer installed list is applied
    # only through core/recalc.py's explicit "recalculate with newer factors").
    locks = {y: d.factor_edition for y, d in project.fiscal_years.items() if d.factor_edition}
    with_locks = getattr(library, "with_locks", None)
    if locks and with_locks is not None:
        library = with_locks(locks)
    factors = _YearFactors(library)
    start = project.company.fy_start_month
    years: dict[int, _Accumulator] = {}

    def year_of(fiscal_year: int) -> _Accumulator:
        if fiscal_year not in years:
            years[fiscal_year] = _Accumulator(fiscal_year)
        return years[fiscal_year]

    with decimal.localcontext(_CONTEXT):
        # month -> (the company's business year, which groups the results; the April-March
        # 年度 (SHK year), which chooses the fuel table, the electricity list and the 省エネ法
        # conversion, whatever the business year (docs/methodology.md).
        fiscal_year_of_month: dict[str, tuple[int, int]] = {}
        groups: dict[tuple[Any, ...], _Group] = {}
        known_month, known_group = fiscal_year_of_month.get, groups.get
        # The hot loop: one look-up for the record's group, then three sums; the products
        # are taken per rate when the year is frozen and per line only if lines are read.
        for record in project.records:
            month = record.month
            years_of_month = known_month(month)
            if years_of_month is None:
                years_of_month = fiscal_year_of_month[month] = (
                    _fiscal_year_of(month, start),
                    _fiscal_year_of(month, SHK_START_MONTH),
                )
            fiscal_year, shk_year = years_of_month
            key = (
                fiscal_year,
                shk_year,
                record.site,
                record.energy,
                record.unit,
                record.supplier,
                record.menu,
                record.factor_basic,
                record.factor_adjusted,
                record.factor_source,
            )
            group = known_group(key)
            if group is None:
                group = groups[key] = _new_group(
                    project, record, fiscal_year, shk_year, factors, year_of(fiscal_year)
                )
            group.months.add(month)
            rate = group.rate
            year = group.year
            if rate is None:
                assert group.error is not None  # a group without a rate carries its error
                where = {
                    "site": group.site,
                    "month": month,
                    "energy": record.energy,
                    "fiscal_year": fiscal_year,
                }
                year.errors.extend(_located(group.error, where))
                continue
            year.records.append((record, group))
            quantity = record.quantity
            group.quantity += quantity
            cell = rate.months.get(month)
            if cell is None:
                cell = rate.months[month] = [_ZERO, _ZERO, 0]
                year.cells.append((month, rate, cell))
            cell[0] += quantity
            cost = record.cost_yen
            if cost is not None:
                cell[1] += cost
                cell[2] += 1
        for refill in project.refrigerants:
            accumulator = year_of(refill.fiscal_year)
            before = accumulator.refrigerant_t
            _add_refrigerant(factors, refill, accumulator)
            # Site totals include the refill's Scope 1 (a refill without a site belongs to the
            # default site), so they always add up to the company's total.
            added = accumulator.refrigerant_t - before
            if added:
                site = refill.site or project.default_site()
                by_site = accumulator.refrigerant_by_site
                by_site[site] = by_site.get(site, _ZERO) + added
        for entry in project.scope3:
            accumulator = year_of(entry.fiscal_year)
            _add_scope3(factors, entry, accumulator)
        for group in groups.values():
            site_energy = (group.site, group.energy)
            group.year.coverage.setdefault(site_energy, set()).update(group.months)
            factor = group.factor
            if factor is not None and not any(
                w.code == "factor.user_without_source" for w in factor.warnings
            ):
                group.year.usable.setdefault(site_energy, set()).update(group.months)
        for fiscal_year in sorted(years):
            _finish_year(project, factors, years[fiscal_year])

        snapshot = _snapshot(project)
        results: dict[int, YearResult] = {}
        for fiscal_year in sorted(years):
            previous = results.get(fiscal_year - 1)
            results[fiscal_year] = _freeze(snapshot, years[fiscal_year], previous)

        wanted = sorted(set(fiscal_years)) if fiscal_years is not None else sorted(results)
        chosen: list[YearResult] = []
        for fiscal_year in wanted:
            if fiscal_year in results:
                chosen.append(results[fiscal_year])
            else:
                missing = Message(
                    "footprint.no_data", {"fiscal_year": fiscal_year}, {"fiscal_year": fiscal_year}
                )
                chosen.append(_empty_year(fiscal_year, missing))

    if strict:
        errors = [error for year in chosen for error in year.errors]
        if errors:
            raise EcoCheckError(*errors)
    return Footprint(project.company.name, chosen)


def _new_group(
    project: Project,
    record: EnergyRecord,
    fiscal_year: int,
    shk_year: int,
    factors: _YearFactors,
    year: _Accumulator,
) -> _Group:
    """Resolve the first record of a group: conversion, factor, national average, heat value.

    ``fiscal_year`` is the business year the group is counted in; every table, list and
    conversion is looked up for ``shk_year``, the April-March 年度 of its month.
    """
    site = record.site or project.default_site()
    try:
        energy, multiplier, divisor = factors.table_conversion(record.energy, record.unit, shk_year)
    except EcoCheckError as error:
        try:
            label = normalize_energy(record.energy)
        except EcoCheckError:
            label = str(record.energy)
        return _Group(year, site, None, energy=label, error=error, shk_year=shk_year)
    energy_type = ENERGY_TYPES[energy]
    contract = project.contract_for(site, energy)
    extra: dict[str, Any] = {}
    gj_per_bill: Decimal | None = None
    factor: _Factor | None
    national: _Factor | None = None
    try:
        if energy == "lpg" and divisor is not None:
            multiplier, divisor, extra = _lpg_conversion(contract, site, shk_year, factors)
        bill_multiplier = multiplier  # bill unit -> the table unit, before any Nm3 correction
        volume_factor = (
            factors.volume_factor(shk_year, energy, record.unit)
            if energy_type.table_unit == "千m3"
            else None
        )
        if volume_factor is not None:
            extra["volume_factor"] = volume_factor
            multiplier = multiplier * volume_factor
        if energy == "city_gas":
            heat_value = factors.gj_per_table_unit(shk_year, energy)
            if contract is not None and contract.heat_value_gj_per_km3 is not None:
                heat_value = Decimal(contract.heat_value_gj_per_km3)
                extra["heat_value_source"] = contract.heat_value_source.strip() or "-"
            extra["heat_value"] = heat_value
            # 省エネ法: the supplier's heat value applies to the volume as billed (no
            # temperature correction); the CO2 factor applies to the table-basis volume.
            gj_per_bill = bill_multiplier * heat_value
        own_factor = record.factor_basic is not None or record.factor_adjusted is not None
        if own_factor:
            factor = _record_factor(project, record, site, energy, shk_year, factors)
        else:
            factor, national = factors.line_factor(project, record, site, energy, shk_year)
    except EcoCheckError as error:
        factor = None
        own_factor = False
        # A missing factor is one message per fiscal year, site and energy, not per month.
        per_year = {"site": site, "energy": energy, "fiscal_year": fiscal_year}
        for message in _located(error, per_year):
            if message not in year.errors:
                year.errors.append(message)
    if own_factor and energy == "electricity":
        national = factors.national_average(shk_year)
    basic = adjusted = third = _ZERO
    if factor is not None:
        year.use(factor)
        if volume_factor is not None:
            _use_volume_factor(year, factors, shk_year, energy, volume_factor)
        basic, adjusted = factor.basic, factor.adjusted
        if energy_type.scope == 1:
            third = factor.rounded if factor.rounded is not None else adjusted
        else:
            third = basic
        if energy == "electricity":
            if national is None:
                year.location_missing = True
                third = _ZERO
            else:
                year.use(national)
                third = national.basic
    per_table = (factors.gj_per_table_unit(shk_year, energy), basic, adjusted, third)
    key = (energy, multiplier, divisor, per_table, gj_per_bill)
    rate = year.rates.get(key)
    if rate is None:
        rate = year.rates[key] = _Rate(
            energy, energy_type.scope, multiplier, divisor, per_table, gj_per_bill
        )
    group = _Group(
        year,
        site,
        rate,
        energy,
        energy_type.table_unit,
        factor,
        national,
        shk_year=shk_year,
        **extra,
    )
    year.groups.append(group)
    return group


def _lpg_conversion(
    contract: Any, site: str, shk_year: int, factors: _YearFactors
) -> tuple[Decimal, Decimal | None, dict[str, Any]]:
    """LPG billed in m3 -> t: (multiplier, divisor, line facts) from the contract's choice.

    Propane 1/502 t per m3 by default, butane 1/355 (省エネ法 guidance, J-Net21 Q1278; the
    figures live in energy_conversion.tsv), or the supplier's stated kg/m3 (delivery slip).
    """
    conversion = factors.conversion(shk_year)
    choice = (getattr(contract, "lpg_conversion", "") or "propane") if contract else "propane"
    source = str(getattr(contract, "lpg_source", "") or "").strip()
    if choice == "kg_per_m3":
        kg_per_m3 = getattr(contract, "lpg_kg_per_m3", None)
        if kg_per_m3 is None:
            raise EcoCheckError(
                Message(
                    "lpg.kg_per_m3_missing",
                    {"site": site},
                    {"site": site, "energy": "lpg", "fiscal_year": shk_year},
                )
            )
        t_per_m3 = Decimal(kg_per_m3) / _THOUSAND
        return t_per_m3, None, _lpg_facts(choice, t_per_m3, source)
    m3_per_t = Decimal(
        conversion.lpg_butane_m3_per_t if choice == "butane" else conversion.lpg_m3_per_t
    )
    t_per_m3 = _FACTOR_CONTEXT.divide(Decimal(1), m3_per_t)
    return Decimal(1), m3_per_t, _lpg_facts(choice, t_per_m3, source)


def _lpg_facts(choice: str, t_per_m3: Decimal, source: str) -> dict[str, Any]:
    return {"lpg_conversion": choice, "lpg_t_per_m3": t_per_m3, "lpg_source": source}


def _lines(records: list[tuple[EnergyRecord, _Group]]) -> list[LineResult]:
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


def _record_factor(
    project: Project,
    record: EnergyRecord,
    site: str,
    energy: str,
    fiscal_year: int,
    factors: _YearFactors,
) -> _Factor:
    """Resolution order: the record's own factor > the contract's factor > the library."""
    contract = project.contract_for(site, energy)
    for holder, how in ((record, "user_record"), (contract, "user_contract")):
        if holder is None or (holder.factor_basic is None and holder.factor_adjusted is None):
            continue
        if (
            holder is contract
            and contract.factor_choice == "user"
            and energy == "electricity"
            and factors.lists_retailer(fiscal_year, record.supplier or contract.supplier)
        ):
            # The retailer's figure was typed in for a year whose list does not settle it; a
            # year whose list does uses the list, never the figure of another year (a record's
            # own factor still wins).
            continue
        basic = holder.factor_basic if holder.factor_basic is not None else holder.factor_adjusted
        adjusted = holder.factor_adjusted if holder.factor_adjusted is not None else basic
        assert basic is not None and adjusted is not None  # one of them is set (checked above)
        unit = {"electricity": "t-CO2/kWh", "heat": "t-CO2/GJ"}.get(
            energy, f"t-CO2/{ENERGY_TYPES[energy].table_unit}"
        )
        warnings: tuple[Message, ...] = ()
        if not holder.factor_source.strip():
            warnings = (
                Message(
                    "factor.user_without_source",
                    {"energy": energy, "site": site},
                    {"site": site, "energy": energy, "fiscal_year": fiscal_year},
                ),
            )
        return _Factor(
            Decimal(basic),
            Decimal(adjusted),
            None,
            f"{ENERGY_TYPES[energy].name_ja} 利用者入力 ({holder.factor_source or '出典未記入'})",
            how,
            "",
            "",
            "",
            unit,
            warnings,
            "user",
            fiscal_year,
            holder.factor_source.strip(),
        )
    if contract is not None and (not record.supplier or record.supplier == contract.supplier):
        supplier, menu = record.supplier or contract.supplier, record.menu or contract.menu
    else:
        supplier, menu = record.supplier, record.menu
    if energy == "electricity":
        try:
            return factors.electricity(fiscal_year, supplier, menu)
        except EcoCheckError as error:
            if not any(m.code == "factor.electricity_missing" for m in error.messages):
                raise
        # No list for this year: never another year's value silently (docs/methodology.md). An
        # estimate only when the user chose one; else the user is asked for the figure.
        if contract is not None and contract.factor_choice == "estimate":
            estimate = factors.electricity_estimate(
                fiscal_year, supplier, menu, contract.estimate_basis or "substitute", site
            )
            if estimate is not None:
                return estimate
        raise EcoCheckError(
            Message(
                "factor.needed",
                {
                    "energy": energy,
                    "site": site,
                    "supplier": supplier or "-",
                    "fiscal_year": fiscal_year,
                },
                {"site": site, "energy": energy, "fiscal_year": fiscal_year},
            )
        )
    if energy == "city_gas":
        return factors.gas(fiscal_year, supplier, menu)
    if energy == "heat":
        return factors.heat(fiscal_year, supplier, menu)
    return factors.fuel_factor(fiscal_year, energy)


def _use_volume_factor(
    year: _Accumulator, factors: Any, shk_year: int, energy: str, volume_factor: Decimal
) -> None:
    """List the Nm3 -> 25 °C / 1 bar conversion among the factors used (issue 15: "with the
    factor and its source shown"), sourced to the fuel table whose basis it converts to."""
    edition, _fuel = factors.fuel(shk_year, energy)
    edition_id = _edition_id(edition)
    title, url = factors.edition_info(edition_id)
    label = f"{ENERGY_TYPES[energy].name_ja} Nm3→25 °C・1 bar 換算 (298.15/273.15 × 101.325/100)"
    use = FactorUse(label, volume_factor, "m3/Nm3", edition_id, title, url, "conversion")
    year.factors.setdefault((use.label, use.value, use.unit, use.edition_id, use.how), use)


def _located(error: EcoCheckError, where: dict[str, Any]) -> list[Message]:
    return [
        Message(message.code, message.params, {**where, **message.where})
        for message in error.messages
    ]


def _add_refrigerant(factors: _YearFactors, refill: Any, accumulator: _Accumulator) -> None:
    library = factors.library
    where = {"site": refill.site, "fiscal_year": refill.fiscal_year}
    try:
        gwp = library.refrigerant(refill.refrigerant)
    except (EcoCheckError, KeyError):
        # Refused, never dropped: an unknown refrigerant makes the year an error (exit 2).
        accumulator.errors.append(
            Message(
                "refrigerant.unknown",
                {"refrigerant": refill.refrigerant, "fiscal_year": refill.fiscal_year},
                where,
            )
        )
        return
    net_kg = refill.charged_kg - refill.recovered_kg
    if net_kg < 0:
        accumulator.warnings.append(
            Message(
                "refrigerant.recovered_exceeds_charged",
                {
                    "refrigerant": refill.refrigerant,
                    "recovered": refill.recovered_kg,
                    "charged": refill.charged_kg,
                    "fiscal_year": refill.fiscal_year,
                },
                where,
            )
        )
        net_kg = _ZERO
    accumulator.furon_t += net_kg * Decimal(gwp.gwp_furon) / _THOUSAND
    label = f"{gwp.key} GWP"
    edition_id = str(getattr(gwp, "edition", ""))
    title, url = factors.edition_info(edition_id) if edition_id else ("", "")
    if edition_id:
        accumulator.editions.setdefault(edition_id)
    if gwp.kind == "HFC":
        accumulator.refrigerant_t += net_kg * Decimal(gwp.gwp_shk) / _THOUSAND
        accumulator.factors.setdefault(
            (label, "shk"),
            FactorUse(
                f"{label} (算定・報告・公表制度)",
                Decimal(gwp.gwp_shk),
                "t-CO2/t",
                edition_id,
                title,
                url,
                "gwp_shk",
            ),
        )
    accumulator.factors.setdefault(
        (label, "furon"),
        FactorUse(
            f"{label} (フロン排出抑制法)",
            Decimal(gwp.gwp_furon),
            "t-CO2/t",
            edition_id,
            title,
            url,
            "gwp_furon",
        ),
    )


def _add_scope3(factors: _YearFactors, entry: Any, accumulator: _Accumulator) -> None:
    library = factors.library
    where = {"fiscal_year": entry.fiscal_year}
    params = {"factor_key": entry.factor_key, "fiscal_year": entry.fiscal_year}
    try:
        factor = library.scope3_factor(entry.factor_key)
    except (EcoCheckError, KeyError):
        accumulator.warnings.append(Message("scope3.unknown_factor", params, where))
        return
    if not str(factor.source).strip():
        accumulator.warnings.append(Message("scope3.unsourced", params, where))
        return
    value = Decimal(factor.value)
    # kg-CO2 per unit -> t-CO2; the database mixes both.
    if str(factor.unit).lower().startswith("kg"):
        value = value / _THOUSAND
    category = str(factor.category)
    edition_id = str(getattr(factor, "edition", ""))
    title = factors.edition_info(edition_id)[0] if edition_id else ""
    if edition_id:
        accumulator.editions.setdefault(edition_id)
    accumulator.scope3[category] = accumulator.scope3.get(category, _ZERO) + entry.quantity * value
    accumulator.factors.setdefault(
        ("scope3", factor.key),
        FactorUse(
            f"Scope 3 {factor.name}",
            Decimal(factor.value),
            str(factor.unit),
            edition_id,
            title,
            str(factor.source),
            "scope3",
        ),
    )


def _finish_year(project: Project, factors: _YearFactors, year: _Accumulator) -> None:
    conversion = factors.conversion(year.fiscal_year)
    year.crude_oil_kl_per_gj = Decimal(conversion.crude_oil_kl_per_gj)
    conversion_edition = str(getattr(conversion, "edition", ""))
    if year.records and conversion_edition:
        year.editions.setdefault(conversion_edition)
    if year.location_missing:
        year.warnings.append(
            Message(
                "factor.location_missing",
                {"fiscal_year": year.fiscal_year},
                {"fiscal_year": year.fiscal_year, "energy": "electricity"},
            )
        )
    data = project.fiscal_years.get(year.fiscal_year)
    if data is None or not data.factor_edition:
        return
    # The lock names the electricity edition (the list that is revised within a year).
    library_editions = [
        group.factor.edition_id
        for group in year.groups
        if group.energy == "electricity"
        and group.factor is not None
        and group.factor.provenance == "library"
        and group.factor.edition_id
    ]
    if library_editions and data.factor_edition not in library_editions:
        year.warnings.append(
            Message(
                "factor.edition_changed",
                {
                    "fiscal_year": year.fiscal_year,
                    "locked": data.factor_edition,
                    "current": library_editions[0],
                },
                {"fiscal_year": year.fiscal_year},
            )
        )


def _freeze(project: Project, year: _Accumulator, previous: YearResult | None) -> YearResult:
    missing_location = year.location_missing
    zero = _ZERO
    # Buckets of sums; slots: [0] Scope 1 basic, [1] Scope 1 adjusted, [2] Scope 1
    # rounded-factor, [3] Scope 2 basic, [4] Scope 2 adjusted, [5] Scope 2 location, [6] GJ,
    # [7] cost, [8] number of lines with a cost, [9] table quantity, [10] adjusted by energy.
    # Each slot is a sum of (quantity sum) x (rate), exactly the sum of the lines' products.
    for group in year.groups:
        assert group.rate is not None  # only groups with a rate are listed
        group.rate.quantity += group.quantity
    totals: list[Any] = [zero] * 10
    energies: dict[str, list[Any]] = {}
    for rate in year.rates.values():
        gj, basic, adjusted, third = rate.chain(rate.quantity)
        bucket = energies.get(rate.energy)
        if bucket is None:
            bucket = energies[rate.energy] = [zero] * 10
        offset = 0 if rate.scope == 1 else 3
        for sums in (totals, bucket):
            sums[offset] += basic
            sums[offset + 1] += adjusted
            sums[offset + 2] += third
            sums[6] += gj
            sums[9] += rate.table_quantity(rate.quantity)
    months: dict[str, list[Any]] = {}
    # The most frequent step (rates x months): products inlined, only the slots months report.
    for month, rate, (quantity, cost, costs) in year.cells:
        bucket = months.get(month)
        if bucket is None:
            bucket = months[month] = [zero] * 10 + [{}]
        if rate.divisor is not None:
            quantity = quantity / rate.divisor
        gj, basic, adjusted, third = rate.per_bill
        basic_t = quantity * basic
        adjusted_t = basic_t if rate.same_adjusted else quantity * adjusted
        if rate.scope == 1:
            bucket[0] += basic_t
            bucket[1] += adjusted_t
        else:
            bucket[3] += basic_t
            bucket[4] += adjusted_t
            bucket[5] += basic_t if rate.same_third else quantity * third
        bucket[6] += quantity * gj
        by_energy_t = bucket[10]
        energy = rate.energy
        by_energy_t[energy] = by_energy_t.get(energy, zero) + adjusted_t
        if costs:
            bucket[7] += cost
            bucket[8] += costs
            bucket = energies[energy]
            bucket[7] += cost
            bucket[8] += costs
    sites: dict[str, list[Any]] = {}
    for group in year.groups:
        group_rate = group.rate
        assert group_rate is not None
        gj, basic, adjusted, third = group_rate.chain(group.quantity)
        bucket = sites.get(group.site)
        if bucket is None:
            bucket = sites[group.site] = [zero] * 10
        offset = 0 if group_rate.scope == 1 else 3
        bucket[offset] += basic
        bucket[offset + 1] += adjusted
        bucket[offset + 2] += third
        bucket[6] += gj
    for site, refrigerant_t in year.refrigerant_by_site.items():
        bucket = sites.get(site)
        if bucket is None:
            bucket = sites[site] = [zero] * 10
        bucket[0] += refrigerant_t
        bucket[1] += refrigerant_t
        bucket[2] += refrigerant_t

    def location_of(bucket: list[Any], missing: bool) -> Decimal | None:
        return None if missing else bucket[5]

    scope1_t = totals[0] + year.refrigerant_t
    scope1_adjusted_t = totals[1] + year.refrigerant_t
    scope1_rounded = totals[2] + year.refrigerant_t
    scope2_basic_t, scope2_adjusted_t = totals[3], totals[4]
    scope2_location_t = location_of(totals, missing_location)
    total_adjusted_t = scope1_adjusted_t + scope2_adjusted_t
    energy_gj = totals[6]

    groups_by_energy: dict[str, list[_Group]] = {}
    for group in year.groups:
        groups_by_energy.setdefault(group.energy, []).append(group)
    by_energy = {
        code: EnergyTotal(
            quantity=bucket[9],
            unit=ENERGY_TYPES[code].table_unit,
            t_co2=bucket[1] + bucket[4],
            t_co2_basic=bucket[0] + bucket[3],
            t_co2_location=(
                None if missing_location and code == "electricity" else bucket[0] + bucket[5]
            ),
            gj=bucket[6],
            cost_yen=bucket[7] if bucket[8] else None,
            detail_groups=tuple(groups_by_energy.get(code, ())),
        )
        for code, bucket in energies.items()
    }
    by_month = {
        month: MonthTotal(
            scope1_t=bucket[0],
            scope2_basic_t=bucket[3],
            scope2_adjusted_t=bucket[4],
            scope2_location_t=location_of(bucket, missing_location),
            total_adjusted_t=bucket[1] + bucket[4],
            gj=bucket[6],
            cost_yen=bucket[7] if bucket[8] else None,
            by_energy_t=bucket[10],
        )
        for month, bucket in sorted(months.items())
    }
    by_site = {
        site: SiteTotal(
            scope1_t=bucket[0],
            scope2_basic_t=bucket[3],
            scope2_adjusted_t=bucket[4],
            scope2_location_t=location_of(bucket, missing_location),
            total_basic_t=bucket[0] + bucket[3],
            total_adjusted_t=bucket[1] + bucket[4],
            gj=bucket[6],
        )
        for site, bucket in sites.items()
    }

    data = project.fiscal_years.get(year.fiscal_year)
    intensities = _intensities(data, total_adjusted_t)
    carbon_productivity = None
    if data is not None and data.value_added_million_yen is not None and total_adjusted_t > 0:
        carbon_productivity = _RATIO_CONTEXT.divide(data.value_added_million_yen, total_adjusted_t)
    yoy = None
    if previous is not None and previous.total_adjusted_t > 0:
        yoy = _RATIO_CONTEXT.multiply(
            _RATIO_CONTEXT.divide(
                total_adjusted_t - previous.total_adjusted_t, previous.total_adjusted_t
            ),
            Decimal(100),
        )
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
            "furon_reportable": year.furon_t >= FURON_REPORTING_THRESHOLD_T,
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


def _details(groups: Iterable[_Group]) -> tuple[FactorDetail, ...]:
    """How each site's lines were calculated (distinct resolutions, in order)."""
    found: dict[FactorDetail, None] = {}
    for group in groups:
        factor = group.factor
        detail = FactorDetail(
            site=group.site,
            shk_fiscal_year=group.shk_year,
            provenance=factor.provenance if factor else "missing",
            label=factor.label if factor else "",
            basic=factor.basic if factor else None,
            adjusted=factor.adjusted if factor else None,
            unit=factor.unit if factor else "",
            edition_id=factor.edition_id if factor else "",
            source_fiscal_year=factor.source_fiscal_year if factor else None,
            factor_source=factor.factor_source if factor else "",
            volume_factor=group.volume_factor,
            heat_value=group.heat_value,
            heat_value_source=group.heat_value_source,
            lpg_conversion=group.lpg_conversion,
            lpg_t_per_m3=group.lpg_t_per_m3,
            lpg_source=group.lpg_source,
        )
        found.setdefault(detail)
    return tuple(found)


@dataclass(frozen=True, eq=False)
class _Deferred:
    """What a year's lines and plausibility warnings are built from, on first access."""

    records: list[tuple[EnergyRecord, _Group]]
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
        with decimal.localcontext(_CONTEXT):
            return _lines(deferred.records)

    @cached_property
    def warnings(self) -> list[Message]:
        from ecocheck_desktop.core.plausibility import check_year

        deferred: _Deferred = self.__dict__["_deferred"]
        plausibility = check_year(deferred.project, self, deferred.previous)
        return [*deferred.warnings, *plausibility]


def _snapshot(project: Project) -> Project:
    """A shallow copy whose lists and dicts are copies (records, sites, contracts are frozen)."""
    values: dict[str, Any] = {}
    for item in fields(project):
        value = getattr(project, item.name)
        values[item.name] = copy(value) if isinstance(value, (list, dict)) else value
    return Project(**values)


def _intensities(data: Any, total_t: Decimal) -> list[Intensity]:
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


def _empty_year(fiscal_year: int, error: Message) -> YearResult:
    return YearResult(
        fiscal_year=fiscal_year,
        scope1_t=_ZERO,
        scope1_adjusted_t=_ZERO,
        scope2_basic_t=_ZERO,
        scope2_adjusted_t=_ZERO,
        scope2_location_t=_ZERO,
        total_basic_t=_ZERO,
        total_adjusted_t=_ZERO,
        total_location_t=_ZERO,
        scope1_rounded_factor_t=_ZERO,
        energy_gj=_ZERO,
        crude_oil_kl=_ZERO,
        by_energy={},
        by_month={},
        by_site={},
        lines=[],
        factors_used=[],
        factor_editions=[],
        intensities=[],
        carbon_productivity=None,
        yoy_change_pct=None,
        refrigerant_scope1_t=_ZERO,
        furon_t=_ZERO,
        furon_reportable=False,
        scope3_t=_ZERO,
        scope3_by_category={},
        warnings=[],
        errors=[error],
        completeness=Completeness(False, (error,)),
    )
