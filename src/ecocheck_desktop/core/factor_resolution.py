"""Factor resolution: which emission factor a line of a fiscal year uses, and where it comes from.

Owns the look-ups the footprint calculation makes in the :class:`FactorLibrary` (the fuel
table, the electricity, gas and heat lists, the national average, the 省エネ法 conversion) and
the resolution order for one bill line: the record's own factor > the contract's factor > the
library; a year without an electricity list asks for the factor (``factor.needed``) unless an
estimate (推計) was chosen knowingly. Library look-ups are cached with the library (shared by
every calculate() call: the GUI recalculates after each edit with the same library); look-ups
that read the project are cached for one call.
"""

from __future__ import annotations

import decimal
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, TypeVar, cast

from ecocheck_desktop.core.energy import (
    ENERGY_TYPES,
    normalize_energy,
    normalize_unit,
    to_table_unit,
)
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import EnergyRecord, Project, SupplyContract
from ecocheck_desktop.core.resolved_factor import ResolvedFactor

if TYPE_CHECKING:
    from ecocheck_desktop.core.factor_records import (
        Edition,
        EnergyConversion,
        FuelFactor,
        SupplierFactor,
    )
    from ecocheck_desktop.core.factors import FactorLibrary

_ZERO = Decimal(0)
_THOUSAND = Decimal(1000)
_CO2_PER_C = (Decimal(44), Decimal(12))
# The repeating divisions of a factor (44/12, the Nm3 ratio, LPG m3 per t) carry 40 digits.
FACTOR_CONTEXT = decimal.Context(prec=40, rounding=ROUND_HALF_UP)

_T = TypeVar("_T")
_CacheKey = tuple[Hashable, ...]


@dataclass(frozen=True)
class _Refused:
    """A look-up that failed, as the cache keeps it: the messages, not the exception."""

    messages: tuple[Message, ...]


def _at_site(message: Message, site: str) -> Message:
    """``message`` with its site (where it names one) replaced by ``site``."""
    params = {**message.params, "site": site} if "site" in message.params else message.params
    where = {**message.where, "site": site} if "site" in message.where else message.where
    return Message(message.code, params, where)


class FactorLookups:
    """Factor look-ups, cached per (fy, supplier, menu).

    Library look-ups depend on the library alone (loaded once, never changed), so their cache
    is kept with the library and shared by every calculate() call: the GUI recalculates after
    each edit with the same library. Look-ups that read the project (contracts) are cached
    for one call only.
    """

    def __init__(self, library: FactorLibrary) -> None:
        self.library = library
        try:
            cache = _LIBRARY_CACHES.get(library)
            if cache is None:
                cache = _LIBRARY_CACHES[library] = {}
        except TypeError:  # not weakly referenceable or not hashable: cache for this call
            cache = {}
        self._cache: dict[_CacheKey, object] = cache
        self._project_cache: dict[_CacheKey, object] = {}
        self._contracts: dict[tuple[str, str], SupplyContract] | None = None

    def contract_for(self, project: Project, site: str, energy: str) -> SupplyContract | None:
        """``project.contract_for`` through an index built once per call (it scans the list: a
        project with 50 sites has 400 contracts, asked for by every group of bills)."""
        index = self._contracts
        if index is None:
            index = self._contracts = {}
            for contract in project.contracts:
                index.setdefault((contract.site, contract.energy), contract)
        return index.get((site, energy))

    def _cached(
        self,
        key: _CacheKey,
        compute: Callable[[], _T],
        cache: dict[_CacheKey, object] | None = None,
    ) -> _T:
        cache = self._cache if cache is None else cache
        if key not in cache:
            try:
                cache[key] = compute()
            except EcoCheckError as error:
                cache[key] = _Refused(error.messages)
        value = cache[key]
        if isinstance(value, _Refused):
            # A new error each time: a raised exception holds its traceback, and with it every
            # frame (the project, its footprint) up to whoever caught it; one kept in the
            # library's cache kept each scanned project alive (a portfolio grew by ~0.3 MB a
            # file).
            raise EcoCheckError(*value.messages)
        # Each key names what computed it (its first item), so the value has that type.
        return cast(_T, value)

    # Fuel table ------------------------------------------------------------------------
    def fuel(self, fiscal_year: int, energy: str) -> tuple[Edition, FuelFactor]:
        def compute() -> tuple[Edition, FuelFactor]:
            edition, table = self.library.fuel_table(fiscal_year)
            for key in FUEL_KEYS.get(energy, (energy,)):
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

    def fuel_factor(self, fiscal_year: int, energy: str) -> ResolvedFactor:
        def compute() -> ResolvedFactor:
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
                chain = FACTOR_CONTEXT.divide(
                    Decimal(fuel.gj_per_unit) * Decimal(fuel.tc_per_gj) * _CO2_PER_C[0],
                    _CO2_PER_C[1],
                )
            name = ENERGY_TYPES[energy].name_ja
            label = (
                f"{name} {fuel.gj_per_unit} GJ/{fuel.unit} × {fuel.tc_per_gj} t-C/GJ × 44/12"
                if chain is not rounded
                else f"{name} {rounded} t-CO2/{fuel.unit}"
            )
            return ResolvedFactor(
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
    ) -> tuple[ResolvedFactor, ResolvedFactor | None]:
        """The factor of a record without its own factor, and the national average.

        The site matters only through its contract, so sites without one share the look-up.
        """

        def compute() -> tuple[ResolvedFactor, ResolvedFactor | None]:
            factor = record_factor(project, record, site, energy, fiscal_year, self)
            national = self.national_average(fiscal_year) if energy == "electricity" else None
            return factor, national

        contract = self.contract_for(project, site, energy)
        key = ("line", contract, energy, fiscal_year, record.supplier, record.menu)
        try:
            return self._cached(key, compute, self._project_cache)
        except EcoCheckError as error:
            # Shared by the sites without a contract, the refusal names the site that asked
            # first: said again at this one (else an error names a site without the bill).
            raise EcoCheckError(*(_at_site(m, site) for m in error.messages)) from None

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
    def conversion(self, fiscal_year: int) -> EnergyConversion:
        return self._cached(
            ("conversion", fiscal_year), lambda: self.library.energy_conversion(fiscal_year)
        )

    def electricity_gj_per_thousand_kwh(self, fiscal_year: int) -> Decimal:
        return Decimal(self.conversion(fiscal_year).electricity_gj_per_thousand_kwh)

    # Electricity -----------------------------------------------------------------------
    def electricity(self, fiscal_year: int, supplier: str, menu: str) -> ResolvedFactor:
        def compute() -> ResolvedFactor:
            resolution = self.library.resolve_electricity(fiscal_year, supplier, menu)
            edition = self.library.electricity_edition(fiscal_year)
            label = _electricity_label(resolution.factor, supplier, menu)
            return ResolvedFactor(
                Decimal(resolution.basic),
                Decimal(resolution.adjusted),
                None,
                label,
                str(resolution.how),
                _edition_id(edition),
                _edition_title(edition),
                # Past-year rows carry their own publication's URL (factors.py).
                resolution.factor.source or _edition_url(edition),
                "t-CO2/kWh",
                tuple(resolution.warnings),
                "library",
                fiscal_year,
            )

        return self._cached(("electricity", fiscal_year, supplier, menu), compute)

    def electricity_estimate(
        self, fiscal_year: int, supplier: str, menu: str, basis: str, site: str
    ) -> ResolvedFactor | None:
        """An estimate (推計) chosen knowingly for a year without a list: the nearest list's
        代替値 (``basis="substitute"``) or the same retailer's value there (``"retailer"``; the
        代替値 when the retailer is not in that list either). None: no list at all."""
        nearest = self.library.nearest_electricity_year(fiscal_year)
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
        return ResolvedFactor(
            basic,
            adjusted,
            None,
            label,
            provenance,
            _edition_id(edition),
            _edition_title(edition),
            _edition_url(edition),
            "t-CO2/kWh",
            (warning,),
            provenance,
            nearest,
        )

    def national_average(self, fiscal_year: int) -> ResolvedFactor | None:
        def compute() -> ResolvedFactor | None:
            found = self.library.national_average(fiscal_year)
            if found is None:
                return None
            value, edition = found
            return ResolvedFactor(
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
    def gas(self, fiscal_year: int, supplier: str, menu: str) -> ResolvedFactor:
        def compute() -> ResolvedFactor:
            found = self.library.resolve_gas(fiscal_year, supplier, menu) if supplier else None
            if found is None:
                default = self.fuel_factor(fiscal_year, "city_gas")
                # An unmatched gas supplier warns as an unmatched retailer does (factors owns it).
                unmatched = self.library.gas_supplier_warning(fiscal_year, supplier)
                hint = (
                    self.library.supplier_suggestions("gas", fiscal_year, supplier)
                    if unmatched is not None
                    else None
                )
                return ResolvedFactor(
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
            return ResolvedFactor(
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

    def heat(self, fiscal_year: int, supplier: str, menu: str) -> ResolvedFactor:
        def compute() -> ResolvedFactor:
            found = self.library.resolve_heat(fiscal_year, supplier, menu) if supplier else None
            if found is not None:
                basic, adjusted, edition_id, label = found
                title, url = self.edition_info(edition_id)
                return ResolvedFactor(
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
            return ResolvedFactor(
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
            try:
                edition = self.library.edition(edition_id)
            except (KeyError, EcoCheckError):
                return "", ""
            return edition.title, edition.source_url

        return self._cached(("edition", edition_id), compute)


def record_factor(
    project: Project,
    record: EnergyRecord,
    site: str,
    energy: str,
    fiscal_year: int,
    factors: FactorLookups,
) -> ResolvedFactor:
    """Resolution order: the record's own factor > the contract's factor > the library."""
    contract = factors.contract_for(project, site, energy)
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
        return ResolvedFactor(
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


_LIBRARY_CACHES: weakref.WeakKeyDictionary[FactorLibrary, dict[_CacheKey, object]] = (
    weakref.WeakKeyDictionary()
)


# 0 °C / 101.325 kPa -> 25 °C / 100 kPa (1 bar): V25 = V0 × (298.15/273.15) × (101.325/100)
# (Boyle-Charles; the new table's 標準環境状態, 算定省令 別表第1). About 1.10597.
NM3_TO_STANDARD_ENVIRONMENT = FACTOR_CONTEXT.divide(
    Decimal("298.15") * Decimal("101.325"), Decimal("273.15") * Decimal(100)
)


# Energy codes whose fuel-table key is spelled differently in the official files.
FUEL_KEYS: dict[str, tuple[str, ...]] = {
    "diesel": ("diesel", "diesel_oil"),
    "city_gas": ("city_gas", "city_gas_default"),
    "lubricating_oil": ("lubricating_oil", "lubricant"),
}


def _edition_id(edition: Edition | None) -> str:
    return "" if edition is None else edition.id


def _edition_title(edition: Edition | None) -> str:
    return "" if edition is None else edition.title


def _edition_url(edition: Edition | None) -> str:
    return "" if edition is None else edition.source_url


def _electricity_label(factor: SupplierFactor, supplier: str, menu: str) -> str:
    name = factor.supplier_name or supplier
    row_menu = factor.menu or menu
    return " ".join(part for part in ("電気", str(name), str(row_menu)) if part)
