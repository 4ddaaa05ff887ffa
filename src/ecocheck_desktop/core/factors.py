"""The official factor library: editions, tables and the lookups the calculation needs.

Owns reading ``resources/factors/`` (``manifest.json`` plus one TSV per edition, written by
``scripts/convert_factors.py``), validating it, and answering "which factor applies to this
emissions fiscal year": the fuel table (new from FY2023, old up to FY2022), the electricity
retailer list, gas and heat supplier lists with their defaults, refrigerant GWPs, 省エネ法
conversion factors and the Scope 3 extract. Values stay exact ``Decimal`` parsed from the
strings in the files; nothing is rounded here.

Decisions (also in resources/factors/NOTICE.md and the manifest notes):

- An edition applies to the emissions years listed in the manifest; open-ended tables list
  every year up to 2050. When two editions of one kind cover a year, the latest published wins.
- Electricity: menu given -> that row (an unknown menu is an error naming the retailer's menus);
  no menu -> the (残差) row, else the retailer's single row, else its (参考値) row; unknown or
  empty supplier -> the 代替値 with a warning; no list for the year -> an error, never another
  year's list.
- Gas and heat: unknown supplier -> ``None`` so the caller uses the default; a known supplier
  whose menu is unknown or ambiguous -> an error naming its menus.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Protocol

from ecocheck_desktop.core import factor_records
from ecocheck_desktop.core.factor_files import EditionReaders, manifest_error, read_manifest
from ecocheck_desktop.core.factor_records import (
    Edition,
    ElectricityResolution,
    EnergyConversion,
    FuelFactor,
    RefrigerantGwp,
    Scope3Factor,
    SupplierFactor,
    SupplierList,
    refrigerant_key,
)
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.resources import installed_factors_dir, resource_path


def _electricity_missing(fiscal_year: int) -> Message:
    """No electricity factor for the year: no list, or the retailer is not in a partial one."""
    return Message(
        "factor.electricity_missing",
        {"fiscal_year": fiscal_year},
        {"energy": "electricity", "fiscal_year": fiscal_year},
    )


class FactorLibrary(EditionReaders):
    """All factor editions of one folder (plus installed packages), validated and indexed."""

    def __init__(
        self,
        folder: Path,
        editions: dict[str, Edition],
        folders: dict[str, Path] | None = None,
    ) -> None:
        self.folder = folder
        self.editions = editions
        self._folders = dict(folders or {})
        self._fuel: dict[str, dict[str, FuelFactor]] = {}
        self._lists: dict[str, SupplierList] = {}
        self._defaults: dict[str, dict[str, Decimal]] = {}
        self._refrigerants: dict[str, RefrigerantGwp] = {}
        self._conversion: list[tuple[str, Decimal, int, int, str]] = []
        self._scope3: dict[str, Scope3Factor] = {}
        # fiscal year -> edition ids that year is locked to (see with_locks)
        self._locks: dict[int, frozenset[str]] = {}
        # Installed packages that could not be read (shown in the factor library dialog).
        self.problems: list[Message] = []
        for edition in editions.values():
            self._read_edition(edition)

    @classmethod
    def load(
        cls, folder: Path | None = None, installed: Path | bool | None = None
    ) -> FactorLibrary:
        """The editions of ``folder`` (default: the bundled ones) and of installed packages.

        ``installed``: a folder of installed packages; ``None`` = the user's folder when the
        bundled library is loaded, none when an explicit ``folder`` is given; ``False`` = none.
        """
        if folder is None:
            folder = resource_path("factors")
            if installed is None:
                installed = installed_factors_dir()
        editions = read_manifest(folder, "bundled")
        folders = {edition_id: folder for edition_id in editions}
        library = cls(folder, editions, folders)
        if isinstance(installed, Path) and installed.is_dir():
            for package in sorted(p for p in installed.iterdir() if p.is_dir()):
                library._add_installed(package)
        return library

    def _add_installed(self, package: Path) -> None:
        try:
            editions = read_manifest(package, "installed")
            clashes = [e for e in editions if e in self.editions]
            if clashes:
                raise manifest_error(str(package), f"edition ids already loaded: {clashes}")
            # Read into a scratch library first: a damaged package changes nothing.
            FactorLibrary(package, editions, {e: package for e in editions})
        except EcoCheckError as error:
            self.problems.extend(error.messages)
            return
        for edition_id, edition in editions.items():
            self.editions[edition_id] = edition
            self._folders[edition_id] = package
            self._read_edition(edition)

    def with_locks(self, locks: dict[int, str]) -> FactorLibrary:
        """The same tables, with each fiscal year's look-ups held to its locked edition.

        A locked edition that is not (or no longer) in the library is ignored, so the year is
        calculated with the edition in force and the footprint warns that the lock differs.
        """
        view = copy.copy(self)
        view._locks = {
            year: frozenset([edition_id]) for year, edition_id in locks.items() if edition_id
        }
        return view

    def table_bytes(self, edition_id: str) -> bytes:
        """The file of an edition as stored (to compare a package with what is loaded)."""
        edition = self.edition(edition_id)
        return (self._folders.get(edition_id, self.folder) / edition.file).read_bytes()

    def locks(self) -> dict[int, str]:
        return {year: next(iter(ids)) for year, ids in self._locks.items()}

    # Editions -----------------------------------------------------------------------------
    def edition(self, edition_id: str) -> Edition:
        try:
            return self.editions[edition_id]
        except KeyError:
            raise EcoCheckError(
                Message("factor.unknown_edition", {"edition": edition_id})
            ) from None

    def _edition_for(self, kind: str, layout: str, fiscal_year: int) -> Edition | None:
        matching = [
            e
            for e in self.editions.values()
            if e.kind == kind and e.layout == layout and e.applies_to(fiscal_year)
        ]
        if not matching:
            return None
        locked = [e for e in matching if e.id in self._locks.get(fiscal_year, ())]
        if locked:
            return locked[0]
        return max(matching, key=lambda e: (e.published, e.id))

    def newest_edition(self, kind: str, fiscal_year: int) -> Edition | None:
        """The newest edition of ``kind`` for the year, whatever the year is locked to."""
        matching = [
            e for e in self.editions.values() if e.kind == kind and e.applies_to(fiscal_year)
        ]
        return max(matching, key=lambda e: (e.published, e.id)) if matching else None

    # Fuels --------------------------------------------------------------------------------
    def fuel_table(self, fiscal_year: int) -> tuple[Edition, dict[str, FuelFactor]]:
        edition = self._edition_for("fuel", "fuel_table", fiscal_year)
        if edition is None:
            raise EcoCheckError(
                Message(
                    "factor.no_fuel_table",
                    {"fiscal_year": fiscal_year},
                    {"fiscal_year": fiscal_year},
                )
            )
        return edition, dict(self._fuel[edition.id])

    # Electricity --------------------------------------------------------------------------
    def electricity_edition(self, fiscal_year: int) -> Edition | None:
        full = self._edition_for("electricity", "electricity_list", fiscal_year)
        sourced = self._edition_for("electricity", "electricity_sourced", fiscal_year)
        if full is None or sourced is None:
            return full or sourced
        # A lock names one of them; otherwise the full official list beats sourced rows.
        if sourced.id in self._locks.get(fiscal_year, ()):
            return sourced
        return full

    def electricity_outcome(self, fiscal_year: int, supplier: str) -> str:
        """What resolving ``supplier`` for the year will give, without raising:

        "listed" (its own row), "substitute" (not listed: the list's 代替値 with a warning),
        "not_listed" (a list of sourced past-year rows that lacks it: the factor is needed),
        "no_list" (no list for the year at all: the factor is needed), "ambiguous".
        """
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return "no_list"
        try:
            found = bool(supplier.strip()) and bool(self._lists[edition.id].find(supplier))
        except EcoCheckError:
            return "ambiguous"
        if found:
            return "listed"
        return "not_listed" if edition.partial else "substitute"

    def _electricity_list(self, fiscal_year: int) -> SupplierList:
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            raise EcoCheckError(_electricity_missing(fiscal_year))
        return self._lists[edition.id]

    def _special_row(self, table: SupplierList, row_kind: str) -> SupplierFactor | None:
        return next((row for row in table.rows if row.row_kind == row_kind), None)

    def resolve_electricity(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> ElectricityResolution:
        table = self._electricity_list(fiscal_year)
        rows = table.find(supplier) if supplier.strip() else []
        if not rows and table.edition.partial:
            # The same first message as a year without any list ("the factor is needed"),
            # then why: only some retailers' rows of that year are bundled.
            raise EcoCheckError(
                _electricity_missing(fiscal_year),
                Message(
                    "factor.electricity_not_listed",
                    {
                        "supplier": supplier,
                        "fiscal_year": fiscal_year,
                        "edition": table.edition.title,
                    },
                    {"energy": "electricity", "fiscal_year": fiscal_year},
                ),
            )
        if not rows:
            return self._substitute(table, fiscal_year, supplier)
        name = f"{rows[0].reg_no} {rows[0].supplier}".strip()
        menus = [r for r in rows if r.row_kind in ("menu", "residual", "reference")]
        if menu.strip():
            row = factor_records.find_menu(menus, menu)
            if row is None:
                raise EcoCheckError(
                    Message(
                        "factor.electricity_menu_unknown",
                        {
                            "supplier": name,
                            "menu": menu,
                            "fiscal_year": fiscal_year,
                            "menus": ", ".join(r.menu for r in menus) or "-",
                        },
                        {"energy": "electricity", "fiscal_year": fiscal_year},
                    )
                )
            how = "reference" if row.row_kind == "reference" else "menu"
        else:
            by_kind = {r.row_kind: r for r in rows}
            chosen = next((k for k in _DEFAULT_ROW_ORDER if k in by_kind), None)
            if chosen is None:
                raise EcoCheckError(
                    Message(
                        "factor.electricity_menu_required",
                        {
                            "supplier": name,
                            "fiscal_year": fiscal_year,
                            "menus": ", ".join(r.menu for r in menus),
                        },
                        {"energy": "electricity", "fiscal_year": fiscal_year},
                    )
                )
            row, how = by_kind[chosen], _DEFAULT_ROW_ORDER[chosen]
        return _resolution(row, how, fiscal_year)

    def _substitute(
        self, table: SupplierList, fiscal_year: int, supplier: str
    ) -> ElectricityResolution:
        row = self._special_row(table, "substitute")
        if row is None or row.basic is None:
            raise manifest_error(table.edition.file, "no 代替値 row")
        warning = Message(
            "factor.electricity_substitute",
            {"supplier": supplier, "fiscal_year": fiscal_year, "value": row.basic},
            {"energy": "electricity", "fiscal_year": fiscal_year},
        )
        hint = factor_records.supplier_suggestions(table, "electricity", fiscal_year, supplier)
        # The list prints the 代替値 once; it serves as both the basic and the adjusted factor.
        return ElectricityResolution(
            row, row.basic, row.basic, "substitute", (warning, *((hint,) if hint else ()))
        )

    def national_average(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        return self._list_value(fiscal_year, "national_average")

    def substitute_value(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        return self._list_value(fiscal_year, "substitute")

    def _list_value(self, fiscal_year: int, row_kind: str) -> tuple[Decimal, Edition] | None:
        """The one value the year's electricity list prints for all retailers (``row_kind``
        全国平均係数 or 代替値), with that list; None without a list or the row."""
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return None
        row = self._special_row(self._lists[edition.id], row_kind)
        if row is None or row.basic is None:
            return None
        return row.basic, edition

    def search_retailers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        """Ranked suggestions, one entry (its first row) per retailer; all when empty.

        Order: registration number, exact normalised name, prefix, substring, then fuzzy
        (difflib ratio >= 0.6).
        """
        edition = self.electricity_edition(fiscal_year)
        if edition is None:
            return []
        return self._lists[edition.id].search(query)

    def search_gas_suppliers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        """As search_retailers, over the gas supplier list of the year (empty: none bundled)."""
        edition = self.gas_edition(fiscal_year)
        return [] if edition is None else self._lists[edition.id].search(query)

    def search_heat_suppliers(self, fiscal_year: int, query: str) -> list[SupplierFactor]:
        edition = self.heat_edition(fiscal_year)
        return [] if edition is None else self._lists[edition.id].search(query)

    def find_supplier(self, kind: str, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        """The rows of the supplier meant (number, name or both) in the year's list of
        ``kind`` ("electricity", "gas", "heat"); empty when not listed or no list. Raises
        ``factor.supplier_ambiguous``."""
        edition = {
            "electricity": self.electricity_edition,
            "gas": self.gas_edition,
            "heat": self.heat_edition,
        }[kind](fiscal_year)
        if edition is None or not supplier.strip():
            return []
        return list(self._lists[edition.id].find(supplier))

    def retailer_menus(self, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        table = self._electricity_list(fiscal_year)
        try:
            return list(table.find(supplier))
        except EcoCheckError:  # ambiguous: the GUI lists nothing, resolving says why
            return []

    # Gas and heat -------------------------------------------------------------------------
    def gas_edition(self, fiscal_year: int) -> Edition | None:
        return self._edition_for("gas", "supplier_list", fiscal_year)

    def heat_edition(self, fiscal_year: int) -> Edition | None:
        return self._edition_for("heat", "supplier_list", fiscal_year)

    def resolve_gas(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> tuple[Decimal, Decimal, str, str] | None:
        """(basic, adjusted, edition id, label) in t-CO2/千m3, or None: use the default."""
        return self._resolve_supplier(
            "gas", self.gas_edition(fiscal_year), fiscal_year, supplier, menu
        )

    def resolve_heat(
        self, fiscal_year: int, supplier: str, menu: str = ""
    ) -> tuple[Decimal, Decimal, str, str] | None:
        """(basic, adjusted, edition id, label) in t-CO2/GJ, or None: use heat_default()."""
        return self._resolve_supplier(
            "heat", self.heat_edition(fiscal_year), fiscal_year, supplier, menu
        )

    def supplier_menus(self, kind: str, fiscal_year: int, supplier: str) -> list[SupplierFactor]:
        """The rows of a gas or heat supplier (for the GUI); empty when not listed."""
        edition = self.gas_edition(fiscal_year) if kind == "gas" else self.heat_edition(fiscal_year)
        if edition is None:
            return []
        try:
            return list(self._lists[edition.id].find(supplier))
        except EcoCheckError:  # ambiguous: the GUI lists nothing, resolving says why
            return []

    def _resolve_supplier(
        self, kind: str, edition: Edition | None, fiscal_year: int, supplier: str, menu: str
    ) -> tuple[Decimal, Decimal, str, str] | None:
        if edition is None or not supplier.strip():
            return None
        rows = self._lists[edition.id].find(supplier)
        if not rows:
            return None
        name = f"{rows[0].reg_no} {rows[0].supplier}"
        params = {
            "supplier": name,
            "kind": kind,
            "fiscal_year": fiscal_year,
            "menus": " / ".join(r.menu or "-" for r in rows),
        }
        where = {"energy": "city_gas" if kind == "gas" else "heat", "fiscal_year": fiscal_year}
        if menu.strip():
            row = factor_records.find_menu(rows, menu)
            if row is None:
                raise EcoCheckError(
                    Message("factor.supplier_menu_unknown", {**params, "menu": menu}, where)
                )
        elif len(rows) == 1:
            row = rows[0]
        else:
            residuals = [r for r in rows if r.row_kind == "residual"]
            if len(residuals) != 1:
                raise EcoCheckError(Message("factor.supplier_menu_required", params, where))
            row = residuals[0]
        assert row.basic is not None and row.adjusted is not None  # supplier lists require both
        label = " ".join(part for part in (row.supplier, row.menu) if part)
        return row.basic, row.adjusted, edition.id, label

    def supplier_suggestions(self, kind: str, fiscal_year: int, supplier: str) -> Message | None:
        """``factor.supplier_did_you_mean`` for a supplier name the year's list lacks, naming
        the closest names (never choosing one); None when there is no list or nothing close."""
        edition = {"electricity": self.electricity_edition, "gas": self.gas_edition}[kind](
            fiscal_year
        )
        if edition is None or not supplier.strip():
            return None
        return factor_records.supplier_suggestions(
            self._lists[edition.id], kind, fiscal_year, supplier
        )

    def gas_supplier_warning(self, fiscal_year: int, supplier: str) -> Message | None:
        """The warning for a named gas supplier that gets the default factor (None if listed)."""
        if not supplier.strip():
            return None
        where = {"energy": "city_gas", "fiscal_year": fiscal_year}
        params = {"supplier": supplier, "fiscal_year": fiscal_year}
        edition = self.gas_edition(fiscal_year)
        if edition is None:
            return Message("factor.gas_no_list", params, where)
        try:
            if self._lists[edition.id].find(supplier):
                return None
        except EcoCheckError:
            return None  # resolve_gas raises the ambiguity itself
        return Message("factor.gas_supplier_unknown", params, where)

    def heat_default(self, fiscal_year: int) -> tuple[Decimal, Edition] | None:
        """The heat factor when the supplier publishes none (t-CO2/GJ); None before FY2005."""
        edition = self._edition_for("heat", "default_factor", fiscal_year)
        if edition is None:
            return None
        return self._defaults[edition.id]["heat_default"], edition

    # Other tables -------------------------------------------------------------------------
    def refrigerant(self, key: str) -> RefrigerantGwp:
        try:
            return self._refrigerants[refrigerant_key(key)]
        except KeyError:
            raise EcoCheckError(
                Message("factor.unknown_refrigerant", {"refrigerant": key})
            ) from None

    def has_refrigerant(self, key: str) -> bool:
        return refrigerant_key(str(key)) in self._refrigerants

    def refrigerants(self) -> list[RefrigerantGwp]:
        unique = {gwp.key: gwp for gwp in self._refrigerants.values()}
        return [unique[key] for key in sorted(unique)]

    def energy_conversion(self, fiscal_year: int) -> EnergyConversion:
        values: dict[str, tuple[Decimal, str]] = {}
        for key, value, first, last, edition_id in self._conversion:
            if first <= fiscal_year <= last:
                values[key] = (value, edition_id)
        needed = (
            "crude_oil_kl_per_gj",
            "electricity_gj_per_thousand_kwh",
            "city_gas_gj_per_km3",
            "lpg_propane_m3_per_t",
            "lpg_butane_m3_per_t",
        )
        for key in needed:
            if key not in values:
                raise EcoCheckError(
                    Message("factor.no_conversion", {"key": key, "fiscal_year": fiscal_year})
                )
        return EnergyConversion(
            fiscal_year=fiscal_year,
            crude_oil_kl_per_gj=values["crude_oil_kl_per_gj"][0],
            electricity_gj_per_thousand_kwh=values["electricity_gj_per_thousand_kwh"][0],
            city_gas_gj_per_km3=values["city_gas_gj_per_km3"][0],
            lpg_m3_per_t=values["lpg_propane_m3_per_t"][0],
            lpg_butane_m3_per_t=values["lpg_butane_m3_per_t"][0],
            edition=values["crude_oil_kl_per_gj"][1],
        )

    def scope3_factor(self, key: str) -> Scope3Factor:
        try:
            return self._scope3[key]
        except KeyError:
            raise EcoCheckError(Message("factor.unknown_scope3", {"factor_key": key})) from None

    def scope3_factors(self) -> list[Scope3Factor]:
        return list(self._scope3.values())

    def nearest_electricity_year(self, fiscal_year: int) -> int | None:
        """The fiscal year closest to ``fiscal_year`` that has an electricity list (the later
        one on a tie), or None when no list is bundled. For an estimate (推計) chosen knowingly
        by the user; never used silently (core.footprint)."""
        return nearest_list_year(self, fiscal_year, "electricity")


class _HasEditions(Protocol):
    @property
    def editions(self) -> Mapping[str, Edition]: ...


# The supplier lists a contract of each energy is looked up in (kind, layout of the edition).
# Partial (sourced past-year) editions have their own layout and do not count as a list.
_LIST_KIND = {
    "electricity": ("electricity", "electricity_list"),
    "city_gas": ("gas", "supplier_list"),
}


def list_years(library: _HasEditions, energy: str = "electricity") -> list[int]:
    """The fiscal years for which ``library`` (anything with ``editions``) holds a full
    supplier list of ``energy``."""
    kind_layout = _LIST_KIND.get(energy)
    if kind_layout is None:
        return []
    years: set[int] = set()
    for edition in library.editions.values():
        if (edition.kind, edition.layout) == kind_layout:
            years.update(edition.emissions_years)
    return sorted(years)


def nearest_list_year(
    library: _HasEditions, fiscal_year: int, energy: str = "electricity"
) -> int | None:
    """The list year closest to ``fiscal_year`` (a tie goes to the later, newer list): the
    one rule for estimates, used by the calculation, the GUI and the report alike."""
    years = list_years(library, energy)
    if not years:
        return None
    return min(years, key=lambda year: (abs(year - fiscal_year), -year))


# Without a menu: the (残差) row, else the retailer's only row, else (参考値) (the list's notes).
_DEFAULT_ROW_ORDER = {
    "residual": "residual",
    "whole": "single",
    "grid": "single",
    "reference": "reference",
}


def _resolution(row: SupplierFactor, how: str, fiscal_year: int) -> ElectricityResolution:
    if row.basic is None or row.adjusted is None:
        raise EcoCheckError(
            Message(
                "factor.table_invalid",
                {"file": row.edition, "line": 0, "reason": f"{row.reg_no} {row.menu} no value"},
            )
        )
    warnings: tuple[Message, ...] = ()
    if row.substitute_applied:
        warnings = (
            Message(
                "factor.electricity_row_substitute",
                {"supplier": f"{row.reg_no} {row.supplier}", "menu": row.menu},
                {"energy": "electricity", "fiscal_year": fiscal_year},
            ),
        )
    return ElectricityResolution(row, row.basic, row.adjusted, how, warnings)


@cache
def default_library() -> FactorLibrary:
    """The bundled library, loaded once per process."""
    return FactorLibrary.load()
