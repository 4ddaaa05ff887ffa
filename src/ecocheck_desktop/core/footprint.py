"""The footprint calculation: Scope 1, Scope 2 (three bases), energy, and their aggregations.

Owns the calculation rules (docs/methodology.md) applied to a
:class:`~ecocheck_desktop.core.model.Project`: :func:`calculate` returns the frozen results
(core.results) that the report, the GUI and ``ecocheck calc --json`` read. Arithmetic is exact
``Decimal`` (a wide local context, so
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

Where the parts live: the result objects and their JSON in :mod:`~ecocheck_desktop.core.results`;
which factor a line uses in :mod:`~ecocheck_desktop.core.factor_resolution`; the exact sums and
their freezing into a YearResult in :mod:`~ecocheck_desktop.core.year_totals`. This module groups
the records, resolves each group once and adds refrigerants and Scope 3.

How it stays fast (bench/calc.py) without rounding earlier: records that resolve to the same
factors share a ``Rate`` (core.year_totals); ``YearResult.lines`` and the plausibility part of
``YearResult.warnings`` are built on first access from immutable snapshots; library look-ups
are cached with the library across calls.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from copy import copy
from dataclasses import fields
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.collector import collector_paused
from ecocheck_desktop.core.energy import ENERGY_TYPES, normalize_energy
from ecocheck_desktop.core.factor_resolution import FACTOR_CONTEXT, FactorLookups, record_factor
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import (
    EnergyRecord,
    Project,
    RefrigerantRefill,
    Scope3Entry,
    SupplyContract,
)
from ecocheck_desktop.core.resolved_factor import ResolvedFactor
from ecocheck_desktop.core.results import FactorUse, Footprint, YearResult, empty_year
from ecocheck_desktop.core.year_totals import (
    CALCULATION_CONTEXT,
    Group,
    Rate,
    YearAccumulator,
    freeze,
)

if TYPE_CHECKING:
    from ecocheck_desktop.core.factors import FactorLibrary


_ZERO = Decimal(0)
_THOUSAND = Decimal(1000)


def calculate(
    project: Project,
    library: FactorLibrary | None = None,
    fiscal_years: Iterable[int] | None = None,
    *,
    strict: bool = True,
    previous_years: Mapping[int, YearResult] | None = None,
) -> Footprint:
    """The footprint of every fiscal year with data (or of ``fiscal_years``).

    ``previous_years``: results of years the project leaves out, for the year-on-year figures
    of the years after them (core/incremental.py calculates only the changed years).

    Raises :class:`EcoCheckError` in strict mode when a factor is missing for a requested year
    (see the module docstring); never substitutes another year's factor.
    """
    if library is None:
        # The bundled library's readers (14 modules) load only for a caller without a library.
        from ecocheck_desktop.core.factors import default_library

        library = default_library()
    # Each fiscal year is held to the edition it is locked to (a newer installed list is applied
    # only through core/recalc.py's explicit "recalculate with newer factors").
    locks = {y: d.factor_edition for y, d in project.fiscal_years.items() if d.factor_edition}
    if locks:
        library = library.with_locks(locks)
    factors = FactorLookups(library)
    start = project.company.fy_start_month
    years: dict[int, YearAccumulator] = {}

    def year_of(fiscal_year: int) -> YearAccumulator:
        if fiscal_year not in years:
            years[fiscal_year] = YearAccumulator(fiscal_year)
        return years[fiscal_year]

    # The collector off: the loop makes a tuple per bill and frees none of them until the end,
    # so its passes walk every object made so far and find nothing (a quarter of the time
    # at 96,000 bills, bench/store.py).
    with decimal.localcontext(CALCULATION_CONTEXT), collector_paused():
        # month -> (the company's business year, which groups the results; the April-March
        # 年度 (SHK year), which chooses the fuel table, the electricity list and the 省エネ法
        # conversion, whatever the business year (docs/methodology.md).
        fiscal_year_of_month: dict[str, tuple[int, int]] = {}
        groups: dict[tuple[Any, ...], Group] = {}
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

        frozen_project = snapshot(project)
        results: dict[int, YearResult] = {}
        for fiscal_year in sorted(years):
            previous = results.get(fiscal_year - 1)
            if previous is None and previous_years is not None:
                previous = previous_years.get(fiscal_year - 1)
            results[fiscal_year] = freeze(frozen_project, years[fiscal_year], previous)

        wanted = sorted(set(fiscal_years)) if fiscal_years is not None else sorted(results)
        chosen: list[YearResult] = []
        for fiscal_year in wanted:
            if fiscal_year in results:
                chosen.append(results[fiscal_year])
            else:
                missing = Message(
                    "footprint.no_data", {"fiscal_year": fiscal_year}, {"fiscal_year": fiscal_year}
                )
                chosen.append(empty_year(fiscal_year, missing))

    if strict:
        errors = [error for year in chosen for error in year.errors]
        if errors:
            raise EcoCheckError(*errors)
    return Footprint(project.company.name, chosen)


@lru_cache(maxsize=4096)
def _fiscal_year_of(month: str, start_month: int) -> int:
    """fiscal_year_of, remembered across calls (it parses every spelling of a month)."""
    return fiscal_year_of(month, start_month)


# SHK reports by the April-March 年度 (算定・報告マニュアル: 報告対象は年度 (4月1日～3月31日)).
SHK_START_MONTH = 4


def _new_group(
    project: Project,
    record: EnergyRecord,
    fiscal_year: int,
    shk_year: int,
    factors: FactorLookups,
    year: YearAccumulator,
) -> Group:
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
        return Group(year, site, None, energy=label, error=error, shk_year=shk_year)
    energy_type = ENERGY_TYPES[energy]
    contract = factors.contract_for(project, site, energy)
    extra: dict[str, Any] = {}
    gj_per_bill: Decimal | None = None
    factor: ResolvedFactor | None
    national: ResolvedFactor | None = None
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
            factor = record_factor(project, record, site, energy, shk_year, factors)
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
        rate = year.rates[key] = Rate(
            energy, energy_type.scope, multiplier, divisor, per_table, gj_per_bill
        )
    group = Group(
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
    contract: SupplyContract | None, site: str, shk_year: int, factors: FactorLookups
) -> tuple[Decimal, Decimal | None, dict[str, Any]]:
    """LPG billed in m3 -> t: (multiplier, divisor, line facts) from the contract's choice.

    Propane 1/502 t per m3 by default, butane 1/355 (省エネ法 guidance, J-Net21 Q1278; the
    figures live in energy_conversion.tsv), or the supplier's stated kg/m3 (delivery slip).
    """
    conversion = factors.conversion(shk_year)
    choice = (contract.lpg_conversion or "propane") if contract else "propane"
    source = contract.lpg_source.strip() if contract else ""
    if choice == "kg_per_m3":
        kg_per_m3 = contract.lpg_kg_per_m3 if contract else None
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
    t_per_m3 = FACTOR_CONTEXT.divide(Decimal(1), m3_per_t)
    return Decimal(1), m3_per_t, _lpg_facts(choice, t_per_m3, source)


def _lpg_facts(choice: str, t_per_m3: Decimal, source: str) -> dict[str, Any]:
    return {"lpg_conversion": choice, "lpg_t_per_m3": t_per_m3, "lpg_source": source}


def _use_volume_factor(
    year: YearAccumulator,
    factors: FactorLookups,
    shk_year: int,
    energy: str,
    volume_factor: Decimal,
) -> None:
    """List the Nm3 -> 25 °C / 1 bar conversion among the factors used (issue 15: "with the
    factor and its source shown"), sourced to the fuel table whose basis it converts to."""
    edition, _fuel = factors.fuel(shk_year, energy)
    title, url = factors.edition_info(edition.id)
    label = f"{ENERGY_TYPES[energy].name_ja} Nm3→25 °C・1 bar 換算 (298.15/273.15 × 101.325/100)"
    use = FactorUse(label, volume_factor, "m3/Nm3", edition.id, title, url, "conversion")
    year.factors.setdefault((use.label, use.value, use.unit, use.edition_id, use.how), use)


def _located(error: EcoCheckError, where: dict[str, Any]) -> list[Message]:
    return [
        Message(message.code, message.params, {**where, **message.where})
        for message in error.messages
    ]


def _add_refrigerant(
    factors: FactorLookups, refill: RefrigerantRefill, accumulator: YearAccumulator
) -> None:
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
    edition_id = gwp.edition
    title, url = factors.edition_info(edition_id) if edition_id else ("", "")
    if edition_id:
        accumulator.editions.setdefault(edition_id)
    if gwp.kind == "HFC":
        assert gwp.gwp_shk is not None  # the GWP table gives every HFC its SHK value
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


def _add_scope3(factors: FactorLookups, entry: Scope3Entry, accumulator: YearAccumulator) -> None:
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
    edition_id = factor.edition
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


def _finish_year(project: Project, factors: FactorLookups, year: YearAccumulator) -> None:
    conversion = factors.conversion(year.fiscal_year)
    year.crude_oil_kl_per_gj = Decimal(conversion.crude_oil_kl_per_gj)
    conversion_edition = conversion.edition
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


def snapshot(project: Project) -> Project:
    """A shallow copy whose lists and dicts are copies (records, sites, contracts are frozen)."""
    values: dict[str, Any] = {}
    for item in fields(project):
        value = getattr(project, item.name)
        values[item.name] = copy(value) if isinstance(value, (list, dict)) else value
    return Project(**values)
