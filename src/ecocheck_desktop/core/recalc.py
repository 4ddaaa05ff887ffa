"""「新しい係数で再計算」: one fiscal year under its locked edition and under the newest one.

A fiscal year is locked to the electricity edition it was calculated with
(``FiscalYearData.factor_edition``; "" = not locked yet, the edition in force is used).
:func:`first_locks` gives the lock of every year that gets its first bills while unlocked
(an import, a new project, a bill typed into a new year), so that a list installed later
changes nothing by itself.
:func:`compare_editions` calculates the year twice — held to the locked edition and held to
the newest applicable edition — and returns the comparison line by line (site, energy and
factor: old factor, new factor, old t-CO2, new t-CO2) and in total. Nothing is changed; the
GUI shows this before the user accepts, and accepting re-locks the year (one undoable step).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.model import FiscalYearData, Project

if TYPE_CHECKING:  # the calculation is imported where it runs: opening a project needs none
    from ecocheck_desktop.core.factors import FactorLibrary
    from ecocheck_desktop.core.results import LineResult, YearResult


@dataclass(frozen=True)
class ComparisonLine:
    site: str
    energy: str
    unit: str
    quantity: Decimal
    old_label: str
    new_label: str
    old_factor_basic: Decimal | None
    new_factor_basic: Decimal | None
    old_factor_adjusted: Decimal | None
    new_factor_adjusted: Decimal | None
    old_t_basic: Decimal | None
    new_t_basic: Decimal | None
    old_t_adjusted: Decimal | None
    new_t_adjusted: Decimal | None

    @property
    def changed(self) -> bool:
        return (self.old_t_basic, self.old_t_adjusted) != (self.new_t_basic, self.new_t_adjusted)


@dataclass(frozen=True)
class YearComparison:
    fiscal_year: int
    locked_edition: str  # "" when the year was not locked (the edition in force is shown)
    old_edition: str
    new_edition: str
    lines: list[ComparisonLine]
    old: YearResult
    new: YearResult

    @property
    def differs(self) -> bool:
        return self.old_edition != self.new_edition or any(line.changed for line in self.lines)

    @property
    def old_total_adjusted_t(self) -> Decimal:
        return self.old.total_adjusted_t

    @property
    def new_total_adjusted_t(self) -> Decimal:
        return self.new.total_adjusted_t


def newest_electricity_edition(library: FactorLibrary, fiscal_year: int) -> str:
    """The electricity edition a fiscal year would use with no lock ("" when none)."""
    edition = library.with_locks({}).electricity_edition(fiscal_year)
    return edition.id if edition is not None else ""


def locked_edition(project: Project, library: FactorLibrary, fiscal_year: int) -> str:
    data = project.fiscal_years.get(fiscal_year)
    return data.factor_edition if data is not None else ""


def _sum(values: list[Decimal | None]) -> Decimal | None:
    if any(value is None for value in values):
        return None
    return sum((value for value in values if value is not None), Decimal(0))


def _groups(lines: list[LineResult]) -> dict[tuple[str, str, str], list[LineResult]]:
    groups: dict[tuple[str, str, str], list[LineResult]] = {}
    for line in lines:
        groups.setdefault((line.site, line.energy, line.unit), []).append(line)
    return groups


def _year(project: Project, library: FactorLibrary, fiscal_year: int, edition: str) -> YearResult:
    # calculate() holds each year to the project's own lock: calculate a copy locked to
    # ``edition`` (the caller's project is left as it is).
    data = project.fiscal_years.get(fiscal_year, FiscalYearData(fiscal_year))
    years = {**project.fiscal_years, fiscal_year: replace(data, factor_edition=edition)}
    held = replace(project, fiscal_years=years)
    # Only here: opening a file locks its years (first_locks) before its page paints, and needs
    # no calculation (tests/gui/test_startup_with_file.py).
    from ecocheck_desktop.core.footprint import calculate

    return calculate(held, library, [fiscal_year], strict=False).year(fiscal_year)


def compare_editions(project: Project, library: FactorLibrary, fiscal_year: int) -> YearComparison:
    """The year under its locked (or current) edition and under the newest one."""
    locked = locked_edition(project, library, fiscal_year)
    newest = newest_electricity_edition(library, fiscal_year)
    old_id = locked if locked in library.editions else newest
    old = _year(project, library, fiscal_year, old_id)
    new = _year(project, library, fiscal_year, newest)
    old_groups, new_groups = _groups(old.lines), _groups(new.lines)
    lines = []
    for key in sorted(set(old_groups) | set(new_groups)):
        before, after = old_groups.get(key, []), new_groups.get(key, [])
        sample_old: Any = before[0] if before else None
        sample_new: Any = after[0] if after else None
        lines.append(
            ComparisonLine(
                site=key[0],
                energy=key[1],
                unit=key[2],
                quantity=sum((line.quantity for line in before or after), Decimal(0)),
                old_label=sample_old.factor_label if sample_old else "",
                new_label=sample_new.factor_label if sample_new else "",
                old_factor_basic=sample_old.factor_basic if sample_old else None,
                new_factor_basic=sample_new.factor_basic if sample_new else None,
                old_factor_adjusted=sample_old.factor_adjusted if sample_old else None,
                new_factor_adjusted=sample_new.factor_adjusted if sample_new else None,
                old_t_basic=_sum([line.t_co2_basic for line in before]) if before else None,
                new_t_basic=_sum([line.t_co2_basic for line in after]) if after else None,
                old_t_adjusted=_sum([line.t_co2_adjusted for line in before]) if before else None,
                new_t_adjusted=_sum([line.t_co2_adjusted for line in after]) if after else None,
            )
        )
    return YearComparison(fiscal_year, locked, old_id, newest, lines, old, new)


def relock_plan(
    project: Project, library: FactorLibrary, fiscal_years: list[int] | None = None
) -> dict[int, str]:
    """fiscal year -> newest electricity edition, for the years whose lock would change."""
    years = fiscal_years if fiscal_years is not None else sorted(project.fiscal_years)
    plan = {}
    for year in years:
        newest = newest_electricity_edition(library, year)
        if newest and locked_edition(project, library, year) != newest:
            plan[year] = newest
    return plan


def first_locks(
    project: Project, library: FactorLibrary, fiscal_years: list[int] | None = None
) -> dict[int, FiscalYearData]:
    """fiscal year -> its data locked to the electricity edition in force, for the years
    (with bills, or ``fiscal_years``) that are not locked yet and have an edition."""
    if fiscal_years is None:
        start = project.company.fy_start_month
        fiscal_years = sorted({fiscal_year_of(record.month, start) for record in project.records})
    locks = {}
    for year in fiscal_years:
        data = project.fiscal_years.get(year)
        if data is not None and data.factor_edition:
            continue
        newest = newest_electricity_edition(library, year)
        if newest:
            locks[year] = replace(data or FiscalYearData(year), factor_edition=newest)
    return locks
