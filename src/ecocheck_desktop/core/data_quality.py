"""Data quality of one fiscal year: completeness, the shares resting on weak figures, PCAF.

What the bank's pack (the PDF's data-quality page, the lender file, the consortium summary)
says about how far a year's figures can be relied on. Nothing here decides completeness: the
months, sites and energies come from the one rule (:mod:`ecocheck_desktop.core.completeness`,
``YearResult.completeness``) and the shares from each line's provenance (``LineResult``).

The shares are % of the year's Scope 1 + Scope 2 **adjusted** t-CO2 (``total_adjusted_t``,
the SHK 調整後 basis the KPI uses), each line counted by its own ``t_co2_adjusted``:

- ``share_estimated_pct``: lines of an estimated month (``EnergyRecord.estimated``, a bill
  not yet received) or calculated with an estimated factor (推計, ``provenance``
  ``estimate_substitute`` / ``estimate_retailer``: the nearest list's figure);
- ``share_default_factor_pct``: lines on a default factor where a supplier's own figure is
  meant to be used: the electricity list's 代替値 (``how="substitute"``) or the default city
  gas / heat factor of an unmatched supplier (``how="default"``). Fuels on the national
  table (``how="table"``) are not defaults: the table *is* the rule for them;
- ``share_user_factor_pct``: lines on a factor the user typed in (``provenance="user"``).

A line may be counted in two shares (an estimated month on a user factor); lines whose factor
is missing carry no t-CO2 and are in none (the year is then incomplete). Shares are rounded
half-up to 0.1 % for display; a year without t-CO2 has 0 in each share.

The PCAF data-quality score
---------------------------
Source: PCAF (Partnership for Carbon Accounting Financials), *The Global GHG Accounting and
Reporting Standard for the Financial Industry, Part A: Financed Emissions*, Second Edition
(December 2022), section 5 "Business loans and unlisted equity", the general description of
the data quality score table for business loans and unlisted equity (:data:`PCAF_OPTIONS`).
In that table scores 1 and 2 are "reported emissions" (option 1) and "physical activity-based
emissions" (option 2); option 3 (economic activity) scores 4 or 5.

Which option applies to an EcoCheck year (``Company.verification``: none | self |
third_party, with ``Company.verifier``):

- a complete year verified by a named third party -> **1a, score 1** (verified emissions);
- a complete year not verified by a third party (``none``, ``self``, or ``third_party``
  without the verifier's name) -> **1b, score 2**: the company calculates and reports its own
  emissions (GHG Protocol, from its energy bills), unverified. A self-check is not
  verification in PCAF's sense;
- an incomplete year with energy data (a part year, a missing or unsourced factor, a blank
  month) -> **2a, score 2**: the figures are not a complete reported inventory, but the
  lender has the company's primary energy data and factors specific to it (the standard puts
  2a in score 2 next to 1b; the lender should extrapolate the missing months);
- no energy data -> option 3: **3a, score 4** when the year's revenue is known (the lender
  would use a sector factor per unit of revenue), else **3b, score 5**.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ecocheck_desktop.core.model import Project
from ecocheck_desktop.core.results import ESTIMATE_PROVENANCES, Footprint, YearResult

# option -> (score, what the option means), PCAF Part A, 2nd edition, business loans and
# unlisted equity (see the module docstring).
PCAF_OPTIONS: dict[str, tuple[int, str]] = {
    "1a": (1, "reported emissions, verified by a third party"),
    "1b": (2, "reported emissions, unverified (calculated by the company)"),
    "2a": (2, "physical activity: primary energy-consumption data x specific emission factors"),
    "2b": (3, "physical activity: primary production data x specific emission factors"),
    "3a": (4, "economic activity: revenue x sector emission factor per unit of revenue"),
    "3b": (5, "economic activity: assets x sector emission factor per unit of asset"),
}
DEFAULT_FACTOR_HOWS = frozenset({"substitute", "default"})
_TENTH = Decimal("0.1")
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class DataQuality:
    """How far one fiscal year's figures can be relied on (see the module docstring)."""

    fiscal_year: int
    months_with_data: int
    months_expected: int
    part_year: bool  # fewer months with any energy record than the year has (incl. none)
    sites: tuple[str, ...]  # the organisational boundary: every site of the company
    sites_with_data: tuple[str, ...]  # sites with energy records in the year
    energies_with_data: tuple[str, ...]  # energy codes with records in the year
    share_estimated_pct: Decimal
    share_default_factor_pct: Decimal
    share_user_factor_pct: Decimal
    pcaf_score: int
    pcaf_option: str
    verification: str  # none | self | third_party (Company.verification)
    verifier: str
    complete: bool = False  # the one completeness rule (YearResult.complete)
    total_adjusted_t: Decimal = _ZERO  # the shares' denominator
    estimated_t: Decimal = _ZERO
    default_factor_t: Decimal = _ZERO
    user_factor_t: Decimal = _ZERO
    pcaf_reason: str = ""  # why the option applies (English, for logs and tests)


def pcaf_option(
    complete: bool, has_data: bool, verification: str, verifier: str, revenue_known: bool
) -> tuple[str, str]:
    """(option, why) by the rule of the module docstring."""
    if not has_data:
        if revenue_known:
            return "3a", "no energy data; revenue known"
        return "3b", "no energy data and no revenue"
    if not complete:
        return "2a", "incomplete year: primary energy data, not a complete reported inventory"
    if verification == "third_party" and verifier.strip():
        return "1a", "complete year verified by " + verifier.strip()
    return "1b", "complete year, not verified by a named third party"


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    if whole <= 0:
        return Decimal("0.0")
    return (part * _HUNDRED / whole).quantize(_TENTH, rounding=ROUND_HALF_UP)


def assess_year(project: Project, year: YearResult) -> DataQuality:
    """The data quality of one calculated year."""
    completeness = year.completeness
    months_expected = completeness.months_expected if completeness else 12
    months = len(completeness.months_present) if completeness else 0
    energies = completeness.energies if completeness else ()
    estimated = default = user = _ZERO
    sites_seen: dict[str, None] = {}
    for line in year.lines:
        sites_seen.setdefault(line.site)
        t = line.t_co2_adjusted
        if t is None:
            continue
        if line.estimated or line.provenance in ESTIMATE_PROVENANCES:
            estimated += t
        if line.provenance == "library" and line.how in DEFAULT_FACTOR_HOWS:
            default += t
        if line.provenance == "user":
            user += t
    sites = tuple(site.name for site in project.sites) or (project.default_site(),)
    sites_with_data = tuple(s for s in sites if s in sites_seen) + tuple(
        s for s in sites_seen if s not in sites
    )
    company = project.company
    data = project.fiscal_years.get(year.fiscal_year)
    revenue_known = data is not None and data.revenue_million_yen is not None
    option, why = pcaf_option(
        year.complete, months > 0, company.verification, company.verifier, revenue_known
    )
    total = year.total_adjusted_t
    return DataQuality(
        fiscal_year=year.fiscal_year,
        months_with_data=months,
        months_expected=months_expected,
        part_year=months < months_expected,
        sites=sites,
        sites_with_data=sites_with_data,
        energies_with_data=tuple(energies),
        share_estimated_pct=_pct(estimated, total),
        share_default_factor_pct=_pct(default, total),
        share_user_factor_pct=_pct(user, total),
        pcaf_score=PCAF_OPTIONS[option][0],
        pcaf_option=option,
        verification=company.verification,
        verifier=company.verifier,
        complete=year.complete,
        total_adjusted_t=total,
        estimated_t=estimated,
        default_factor_t=default,
        user_factor_t=user,
        pcaf_reason=why,
    )


def assess(project: Project, footprint: Footprint, fiscal_year: int) -> DataQuality:
    """The data quality of ``fiscal_year`` of ``footprint`` (calculated from ``project``).

    Raises KeyError when the footprint has no such year.
    """
    return assess_year(project, footprint.year(fiscal_year))
