"""The one completeness rule: when a fiscal year's result may be shown as a finished figure.

Every view (the result tiles, the portfolio's completeness figure, the report's first page, the
lender CSV/JSON and ``ecocheck calc --json``) reads :class:`Completeness` from
``YearResult.completeness``; none decides for itself. A fiscal year (the company's own business
year, which groups the results) is **incomplete** when

- it has a line whose factor could not be resolved, or any other calculation error (a record
  left out of the totals): the error messages themselves are the reasons
  (``factor.needed`` names the site, energy, supplier and year and says where to find the
  figure);
- a user-entered factor has no source (``factor.user_without_source``): the figure cannot be
  checked by a lender;
- it has energy records in fewer than 12 of its months (``completeness.part_year``), or none
  at all (``completeness.no_energy_data``);
- a month is left blank: a month of the year that has records of other energies, but none for
  an energy that has records in other months at the same site (``completeness.blank_months``).
  Months without any record at all are the part-year reason, not repeated per energy.

A month entered as 0 (not used that month: seasonal kerosene) has a record and is complete; a
blank month is not. :meth:`Completeness.months_without` is the one list of a line's months
without data that the checks, the result page and the report print.

An estimate (推計) chosen knowingly does not make a year incomplete: it is labelled as such in
every view (``LineResult.provenance``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ecocheck_desktop.core.messages import Message

# Error codes that mean "a factor could not be resolved" (the others are bad records).
FACTOR_ERROR_CODES = frozenset(
    {
        "factor.needed",
        "factor.electricity_missing",
        "factor.heat_missing",
        "factor.fuel_missing",
        "factor.no_fuel_table",
        "factor.no_conversion",
        "factor.electricity_menu_unknown",
        "factor.electricity_menu_required",
        "factor.supplier_menu_unknown",
        "factor.supplier_menu_required",
        "lpg.kg_per_m3_missing",
    }
)
UNSOURCED_CODE = "factor.user_without_source"


def _months_set(months: Iterable[str]) -> set[str] | frozenset[str]:
    return months if isinstance(months, (set, frozenset)) else set(months)


@dataclass(frozen=True)
class Completeness:
    """Whether a fiscal year is complete, and why not."""

    complete: bool
    reasons: tuple[Message, ...] = ()
    missing_factor: tuple[str, ...] = ()  # energy codes with an unresolved factor
    months_present: tuple[str, ...] = ()  # months of the year with any energy record
    # (site, energy) -> months of the year with records of other energies but none of this one
    blank_months: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    energies: tuple[str, ...] = ()  # energy codes with records in the year
    # energy -> months whose records calculated with a resolved, sourced factor (any site)
    usable_months: dict[str, frozenset[str]] = field(default_factory=dict)
    months_expected: int = 12
    year_months: tuple[str, ...] = ()  # the months of the business year, in order

    def months_without(self, site: str, energy: str) -> tuple[str, ...]:
        """The months of the year with no record of this line: the months without any record
        (part year) and the line's blank months. Views list these, never their own count; a
        month entered as 0 (「この月は使用なし」) has a record and is not among them."""
        blank = set(self.blank_months.get((site, energy), ()))
        present = set(self.months_present)
        return tuple(m for m in self.year_months if m not in present or m in blank)

    def months_without_any(self) -> tuple[str, ...]:
        """The months of the year without a record of any energy."""
        present = set(self.months_present)
        return tuple(m for m in self.year_months if m not in present)

    def energy_months(self) -> tuple[int, int]:
        """(energy-months filled and usable, energy-months expected): the portfolio's
        completeness figure. 100 % only when the year is complete."""
        expected = len(self.energies) * self.months_expected
        filled = sum(len(self.usable_months.get(energy, ())) for energy in self.energies)
        if not self.complete and expected and filled >= expected:
            filled = expected - 1  # an error elsewhere (e.g. a refused record): never 100 %
        return filled, expected


def assess(
    fiscal_year: int,
    year_months: list[str],
    coverage: Mapping[tuple[str, str], Iterable[str]],
    errors: Iterable[Message],
    warnings: Iterable[Message] = (),
    usable: Mapping[tuple[str, str], Iterable[str]] | None = None,
) -> Completeness:
    """Apply the rule.

    ``year_months``: the 12 months of the business year in order; ``coverage``: the months (of
    that year; the calculation groups records by it) with
    a record per (site, energy), over every record of the year (also those left out by an
    error); ``usable``: the same for the records calculated with a resolved, sourced factor
    (default: all of ``coverage``); ``errors`` / ``warnings``: the calculation's own messages.
    """
    reasons: list[Message] = list(errors)  # the calculation lists each error once
    missing: dict[str, None] = {}
    for message in reasons:
        if message.code in FACTOR_ERROR_CODES:
            energy = str(message.where.get("energy", message.params.get("energy", "")))
            if energy:
                missing.setdefault(energy)
    unsourced = [m for m in warnings if m.code == UNSOURCED_CODE]
    for message in unsourced:
        if message not in reasons:
            reasons.append(message)
    covered = {key: _months_set(months) for key, months in coverage.items()}
    any_month = set().union(*covered.values())
    present = tuple(m for m in year_months if m in any_month)
    where = {"fiscal_year": fiscal_year}
    if not present:
        reasons.append(Message("completeness.no_energy_data", {"fiscal_year": fiscal_year}, where))
    elif len(present) < len(year_months):
        absent = [m for m in year_months if m not in present]
        reasons.append(
            Message(
                "completeness.part_year",
                {
                    "fiscal_year": fiscal_year,
                    "months_present": len(present),
                    "missing": ", ".join(absent),
                },
                where,
            )
        )
    blank: dict[tuple[str, str], tuple[str, ...]] = {}
    for (site, energy), months in sorted(covered.items()):
        if not months or len(months) == len(present):  # months is a subset of present
            continue
        gaps = tuple(m for m in present if m not in months)
        if gaps:
            blank[(site, energy)] = gaps
            reasons.append(
                Message(
                    "completeness.blank_months",
                    {
                        "fiscal_year": fiscal_year,
                        "site": site,
                        "energy": energy,
                        "months": ", ".join(gaps),
                    },
                    {"fiscal_year": fiscal_year, "site": site, "energy": energy},
                )
            )
    energies = tuple(dict.fromkeys(energy for (_site, energy), months in covered.items() if months))
    by_energy: dict[str, set[str]] = {}
    for (_site, energy), usable_in in (coverage if usable is None else usable).items():
        by_energy.setdefault(energy, set()).update(usable_in)
    usable_months = {energy: frozenset(found) for energy, found in by_energy.items()}
    return Completeness(
        not reasons,
        tuple(reasons),
        tuple(missing),
        present,
        blank,
        energies,
        usable_months,
        len(year_months),
        tuple(year_months),
    )
