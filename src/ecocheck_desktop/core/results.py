"""The frozen results of the footprint calculation and their ``ecocheck calc --json`` form.

Owns :class:`Footprint` (one company), :class:`YearResult` (one fiscal year) and the parts a
year is made of (lines, totals by energy, month and site, intensities, the factors used). They
are built by :mod:`ecocheck_desktop.core.footprint` and read by every view (the GUI, the PDF,
the CSV/JSON exports, the plausibility checks), which therefore import this module only.
Rounding happens only in :meth:`Footprint.to_json_dict` (6 decimals) and in the views.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from ecocheck_desktop.core.completeness import Completeness
from ecocheck_desktop.core.messages import Message, render

if TYPE_CHECKING:
    from ecocheck_desktop.core.resolved_factor import ResolvedFactor


class ResolvedGroup(Protocol):
    """What a :class:`FactorDetail` is read from: the lines of one site and energy that
    resolved alike (``core.year_totals.Group``)."""

    @property
    def site(self) -> str: ...
    @property
    def shk_year(self) -> int: ...
    @property
    def factor(self) -> ResolvedFactor | None: ...
    @property
    def volume_factor(self) -> Decimal | None: ...
    @property
    def heat_value(self) -> Decimal | None: ...
    @property
    def heat_value_source(self) -> str: ...
    @property
    def lpg_conversion(self) -> str: ...
    @property
    def lpg_t_per_m3(self) -> Decimal | None: ...
    @property
    def lpg_source(self) -> str: ...


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
    detail_groups: tuple[ResolvedGroup, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def details(self) -> tuple[FactorDetail, ...]:
        """How each site's lines were calculated: one per distinct resolution, in order."""
        return factor_details(self.detail_groups)

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

    def denominator_label(self, lang: str) -> str:
        """What the emissions are divided by, in ``lang`` ("ja" or "en")."""
        return self.denominator_label_ja if lang == "ja" else self.denominator_label_en


# A year's totals in t-CO2: fields of YearResult under these names, in the order in which the
# calc JSON (docs/calc-json.md) and the companion (docs/companion-schema.md) write them.
SCOPE_TOTALS = (
    "scope1_t",
    "scope1_adjusted_t",
    "scope2_basic_t",
    "scope2_adjusted_t",
    "scope2_location_t",
    "total_basic_t",
    "total_adjusted_t",
    "total_location_t",
)


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


def factor_details(groups: Iterable[ResolvedGroup]) -> tuple[FactorDetail, ...]:
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
        **{key: n(getattr(year, key)) for key in SCOPE_TOTALS},
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


ZERO = Decimal(0)


def empty_year(fiscal_year: int, error: Message) -> YearResult:
    """The result of a requested fiscal year without data: zeros, incomplete, ``error`` says why."""
    return YearResult(
        fiscal_year=fiscal_year,
        scope1_t=ZERO,
        scope1_adjusted_t=ZERO,
        scope2_basic_t=ZERO,
        scope2_adjusted_t=ZERO,
        scope2_location_t=ZERO,
        total_basic_t=ZERO,
        total_adjusted_t=ZERO,
        total_location_t=ZERO,
        scope1_rounded_factor_t=ZERO,
        energy_gj=ZERO,
        crude_oil_kl=ZERO,
        by_energy={},
        by_month={},
        by_site={},
        lines=[],
        factors_used=[],
        factor_editions=[],
        intensities=[],
        carbon_productivity=None,
        yoy_change_pct=None,
        refrigerant_scope1_t=ZERO,
        furon_t=ZERO,
        furon_reportable=False,
        scope3_t=ZERO,
        scope3_by_category={},
        warnings=[],
        errors=[error],
        completeness=Completeness(False, (error,)),
    )
