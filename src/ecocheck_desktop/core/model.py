"""The domain model: one company's data, as plain frozen dataclasses with exact decimals.

This is the shared vocabulary of the calculation core, the project file, the import/export
code and the GUI. Quantities, costs and factors are ``Decimal``; nothing here rounds.

Identity conventions:
- a site is identified by its ``name`` (unique within a company); records name their site;
- a month is the string ``YYYY-MM`` (the usage month printed on the bill);
- an energy type is one of the codes in :mod:`ecocheck_desktop.core.energy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

DEFAULT_CITY = "日立市"
DEFAULT_SITE = "本社工場"
DEFAULT_FY_START_MONTH = 4
VERIFICATION_STATES = ("none", "self", "third_party")
# GHG Protocol practice: recalculate the base year when a structural change moves it by 5 % or more.
DEFAULT_RECALC_THRESHOLD_PCT = Decimal(5)


@dataclass(frozen=True)
class Company:
    name: str
    name_kana: str = ""
    industry: str = ""  # JSIC code or name, e.g. "E24 金属製品製造業"
    address: str = ""
    city: str = DEFAULT_CITY
    fy_start_month: int = DEFAULT_FY_START_MONTH
    contact: str = ""
    advisor: str = ""
    # The bank's pack (issue 18): who signs the declaration, how the figures were checked,
    # the base-year recalculation threshold and the benchmark the lender names.
    representative_name: str = ""  # 代表者 氏名, printed in the declaration block
    representative_title: str = ""  # 代表者 役職, e.g. 代表取締役
    verification: str = "none"  # VERIFICATION_STATES: none | self | third_party
    verifier: str = ""  # the third party's name (required for third_party)
    recalc_threshold_pct: Decimal | None = None  # None = DEFAULT_RECALC_THRESHOLD_PCT
    lender_name: str = ""  # the bank the pack is for, e.g. 常陽銀行
    sector_benchmark_pct_per_year: Decimal | None = None  # the bank's sector reduction rate, %/yr
    sector_benchmark_source: str = ""  # where the bank's benchmark comes from


@dataclass(frozen=True)
class Site:
    name: str
    address: str = ""


@dataclass(frozen=True)
class SupplyContract:
    """Who supplies one energy type to one site, and on which menu.

    ``supplier`` is a registration number (A0269) or a name as in the official list. A
    user-entered factor (t-CO2 per table unit: kWh for electricity, 千m3 for gas, GJ for heat)
    overrides the library and must carry ``factor_source`` (e.g. "2025年4月の請求書").

    ``factor_choice`` says how the factor was chosen when the library has no list for the year:
    ``""`` the library (or the user factor when one is given), ``"user"`` the retailer's
    published value typed in by the user (``factor_source`` required), ``"estimate"`` an
    estimate chosen knowingly (推計): ``estimate_basis`` is ``"substitute"`` (the nearest list's
    代替値) or ``"retailer"`` (the same retailer's value from the nearest list).

    City gas: ``heat_value_gj_per_km3`` is the supplier's 単位発熱量 (GJ/千m3) used for GJ and
    原油換算 instead of the default, with ``heat_value_source``. LPG billed in m3:
    ``lpg_conversion`` is ``""``/``"propane"`` (1/502 t per m3), ``"butane"`` or ``"kg_per_m3"``
    (``lpg_kg_per_m3`` from the supplier's delivery slip), with ``lpg_source``.
    """

    site: str
    energy: str
    supplier: str = ""
    menu: str = ""
    factor_basic: Decimal | None = None
    factor_adjusted: Decimal | None = None
    factor_source: str = ""
    factor_choice: str = ""
    estimate_basis: str = ""
    heat_value_gj_per_km3: Decimal | None = None
    heat_value_source: str = ""
    lpg_conversion: str = ""
    lpg_kg_per_m3: Decimal | None = None
    lpg_source: str = ""


FACTOR_CHOICES = ("", "user", "estimate")
ESTIMATE_BASES = ("", "substitute", "retailer")
LPG_CONVERSIONS = ("", "propane", "butane", "kg_per_m3")
# A city-gas heat value (GJ/千m3) outside this range is a typing error (13A is about 40-46; a
# value in MJ/m3 is the same number, so only units like kcal are caught); LPG about 2 kg/m3.
HEAT_VALUE_RANGE = (Decimal(1), Decimal(200))
LPG_KG_PER_M3_RANGE = (Decimal("0.5"), Decimal(10))


def contract_problems(contract: SupplyContract) -> list[tuple[str, str]]:
    """(field, what is wrong) for the factor-choice, heat-value and LPG fields of a contract.

    Used by every import path; the reasons are the shared check wordings (translated by the
    message catalogue). A user factor without a source is not refused here: the calculation
    flags the year incomplete (core.completeness) until the source is entered.
    """
    problems: list[tuple[str, str]] = []

    def choice(name: str, allowed: tuple[str, ...]) -> None:
        if getattr(contract, name) not in allowed:
            problems.append((name, "expected one of " + ", ".join(repr(a) for a in allowed)))

    def in_range(name: str, value: Decimal | None, bounds: tuple[Decimal, Decimal]) -> None:
        if value is None:
            return
        if value < bounds[0]:
            problems.append((name, f"below the minimum {bounds[0]}"))
        elif value > bounds[1]:
            problems.append((name, f"above the maximum {bounds[1]}"))

    choice("factor_choice", FACTOR_CHOICES)
    choice("estimate_basis", ESTIMATE_BASES)
    choice("lpg_conversion", LPG_CONVERSIONS)
    for name in ("factor_basic", "factor_adjusted"):
        value = getattr(contract, name)
        if value is not None and value < 0:
            problems.append((name, "must not be negative"))
    in_range("heat_value_gj_per_km3", contract.heat_value_gj_per_km3, HEAT_VALUE_RANGE)
    in_range("lpg_kg_per_m3", contract.lpg_kg_per_m3, LPG_KG_PER_M3_RANGE)
    if contract.lpg_conversion == "kg_per_m3" and contract.lpg_kg_per_m3 is None:
        problems.append(("lpg_kg_per_m3", "missing"))
    return problems


@dataclass(frozen=True)
class FiscalYearData:
    """Per-fiscal-year figures used as intensity denominators, and the locked factor edition."""

    year: int  # 2025 = 2025年度 (April 2025 - March 2026 with the default start month)
    revenue_million_yen: Decimal | None = None
    value_added_million_yen: Decimal | None = None
    employees: Decimal | None = None
    floor_area_m2: Decimal | None = None
    production_quantity: Decimal | None = None
    production_unit: str = ""
    factor_edition: str = ""  # "" = not locked yet (the edition in force is used)
    change_reasons: str = ""  # the user's own reasons for the change against the year before


@dataclass(frozen=True)
class EnergyRecord:
    """One bill line: a quantity of one energy type used in one month at one site."""

    month: str  # YYYY-MM
    energy: str  # energy code
    quantity: Decimal
    unit: str  # as printed on the bill: kWh, 千kWh, m3, L, ...
    site: str = ""  # "" = the company's only / first site
    cost_yen: Decimal | None = None
    supplier: str = ""  # overrides the site's supply contract when set
    menu: str = ""
    factor_basic: Decimal | None = None  # user-entered factor, overrides library and contract
    factor_adjusted: Decimal | None = None
    factor_source: str = ""
    estimated: bool = False
    note: str = ""


@dataclass(frozen=True)
class RefrigerantRefill:
    """Refrigerant charged into (and recovered from) equipment during a fiscal year."""

    fiscal_year: int
    refrigerant: str  # key in the refrigerant GWP table, e.g. "R-410A", "R-22"
    charged_kg: Decimal
    recovered_kg: Decimal = Decimal(0)
    site: str = ""
    note: str = ""


@dataclass(frozen=True)
class Scope3Entry:
    """A Scope 3 screening entry: an activity amount times a factor from the scope3 table."""

    fiscal_year: int
    factor_key: str  # key in the Scope 3 factor table
    quantity: Decimal  # in the factor's activity unit (t, 円, 泊, 人・日, ...)
    note: str = ""


@dataclass(frozen=True)
class Target:
    kind: str  # "sbt_linear", "sbt_42", "national", "bank_spt"
    base_year: int
    target_year: int
    reduction_pct: Decimal
    basis: str = "adjusted"  # which Scope 2 basis the target uses
    note: str = ""


@dataclass(frozen=True)
class PlannedMeasure:
    measure_id: str
    planned_year: int
    status: str = "planned"  # planned / done / rejected
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass
class Project:
    """Everything about one company: what a ``.ecocheck`` file holds."""

    company: Company
    sites: list[Site] = field(default_factory=list)
    contracts: list[SupplyContract] = field(default_factory=list)
    fiscal_years: dict[int, FiscalYearData] = field(default_factory=dict)
    records: list[EnergyRecord] = field(default_factory=list)
    refrigerants: list[RefrigerantRefill] = field(default_factory=list)
    scope3: list[Scope3Entry] = field(default_factory=list)
    checklist: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    measure_plan: list[PlannedMeasure] = field(default_factory=list)

    def default_site(self) -> str:
        return self.sites[0].name if self.sites else DEFAULT_SITE

    def site_of(self, record: EnergyRecord) -> str:
        return record.site or self.default_site()

    def contract_for(self, site: str, energy: str) -> SupplyContract | None:
        for contract in self.contracts:
            if contract.site == site and contract.energy == energy:
                return contract
        return None


# The Project's list fields and the class of their items, in field order: one row per item in
# the project file (store/rows.py), one array in the JSON exchange file (exchange/json_io.py).
LIST_FIELDS: dict[str, type[Any]] = {
    "sites": Site,
    "contracts": SupplyContract,
    "records": EnergyRecord,
    "refrigerants": RefrigerantRefill,
    "scope3": Scope3Entry,
    "targets": Target,
    "measure_plan": PlannedMeasure,
}
