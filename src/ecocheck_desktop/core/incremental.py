"""Incremental recalculation: after an edit, calculate again only the fiscal years it can change.

:func:`recalculate` compares the project with the one the last footprint was calculated from
(:class:`Calculated`, a snapshot) and calculates again only the business years the difference
can reach; the other years keep their results. The footprint equals a full
:func:`~ecocheck_desktop.core.footprint.calculate` (tests/core/test_incremental.py checks random
edit sequences against it).

What one year's result depends on, and so what an edit reaches:

- its own bills, refrigerant refills and Scope 3 entries;
- the year before: the year-on-year change and the same-month-last-year warnings read the
  previous year's total and lines (which depend on that year's own data only). An edit of year
  ``y`` therefore reaches ``y`` and ``y + 1``: ``y`` is calculated again (with the kept result
  of ``y - 1`` as its previous year), ``y + 1`` keeps its sums and is only re-based on the new
  ``y`` (core.year_totals.rebased);
- the fiscal-year data (revenue, locks): a lock names the edition of an April-March 年度, which
  a business year other than April-March shares with its neighbours, so a change to year ``y``
  counts as a change to ``y - 1``, ``y`` and ``y + 1``;
- everything project-wide (company and its business year, sites, contracts, any field this
  module does not know) and the factor library: a change there recalculates every year.

Targets (base year), the measures (latest complete year) and the report read the footprint, so
they follow it once it is recalculated; they are not part of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import compress, count, repeat
from operator import attrgetter, is_, is_not
from typing import Any

from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.footprint import calculate, snapshot
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import EnergyRecord, Project
from ecocheck_desktop.core.results import Footprint
from ecocheck_desktop.core.year_totals import rebased

# Fields whose items each belong to one business year (record month, refill/entry fiscal_year).
_YEAR_SCOPED = ("records", "refrigerants", "scope3", "fiscal_years")
# Fields calculate() never reads: their edits change no year.
_NOT_CALCULATED = frozenset({"checklist", "targets", "measure_plan"})
_MONTH = attrgetter("month")


@dataclass(frozen=True)
class Calculated:
    """A footprint with the project snapshot and the library it was calculated from."""

    basis: Project
    library: Any
    footprint: Footprint
    years_recalculated: tuple[int, ...] | None = None  # None: all of them
    # The basis's bills by business year, in the project's order (made at the first edit and
    # kept up to date by the next ones): an edit then picks its year's bills without a pass
    # over every bill of the project.
    by_year: Mapping[int, list[EnergyRecord]] | None = field(
        default=None, compare=False, repr=False
    )


def calculate_all(project: Project, library: Any = None) -> Calculated:
    """Every fiscal year, as the GUI calculates on opening (``strict=False``)."""
    return Calculated(snapshot(project), library, calculate(project, library, strict=False))


def recalculate(last: Calculated | None, project: Project, library: Any = None) -> Calculated:
    """The footprint of ``project``, recalculating only the years changed since ``last``."""
    if last is None or last.library is not library:
        return calculate_all(project, library)
    changed, pairs = _changes(last.basis, project)
    if changed is None:
        return calculate_all(project, library)
    if not changed:
        return replace(last, basis=snapshot(project), years_recalculated=())
    reached = changed | {year + 1 for year in changed}
    old = {year.fiscal_year: year for year in last.footprint.years}
    unchanged = {year: result for year, result in old.items() if year not in changed}
    start = project.company.fy_start_month
    by_year = _patched(last.by_year, pairs, start) if last.by_year is not None else None
    if by_year is None:
        by_year = _by_year(project.records, start)
    partial = calculate(
        _only_years(project, changed, by_year), library, strict=False, previous_years=unchanged
    )
    years = {**unchanged, **{year.fiscal_year: year for year in partial.years}}
    # The year after a changed one keeps its own sums; only what it reads of the year before
    # (the year-on-year change, same-month-last-year warnings) is made again.
    for year in sorted(reached - changed):
        if year in unchanged:
            result = rebased(unchanged[year], years.get(year - 1))
            if result is None:
                return calculate_all(project, library)
            years[year] = result
    footprint = Footprint(project.company.name, [years[year] for year in sorted(years)])
    return Calculated(snapshot(project), library, footprint, tuple(sorted(reached)), by_year)


def changed_years(before: Project, after: Project) -> set[int] | None:
    """The business years whose own data differ; None when something project-wide did."""
    return _changes(before, after)[0]


_Pairs = list[tuple[EnergyRecord, EnergyRecord]]


def _changes(before: Project, after: Project) -> tuple[set[int] | None, _Pairs | None]:
    """changed_years, and the bills replaced in place (old, new) when that is all the bills'
    change (None when bills were added or removed)."""
    for item in fields(after):
        name = item.name
        if name in _YEAR_SCOPED or name in _NOT_CALCULATED:
            continue
        if getattr(before, name) != getattr(after, name):
            return None, None
    start = after.company.fy_start_month
    months: dict[str, int] = {}

    def year_of(month: str) -> int:
        year = months.get(month)
        if year is None:
            year = months[month] = fiscal_year_of(month, start)
        return year

    pairs = _replaced(before.records, after.records)
    records = _changed_items(before.records, after.records, pairs)
    if records is None:
        return None, None
    try:
        years = {year_of(record.month) for record in records}
    except (EcoCheckError, ValueError):
        return None, None  # a month the core cannot place: the full calculation reports it
    for name in ("refrigerants", "scope3"):
        items = _changed_items(getattr(before, name), getattr(after, name))
        if items is None:
            return None, None
        years.update(item.fiscal_year for item in items)
    old, new = before.fiscal_years, after.fiscal_years
    for year in set(old) | set(new):
        if old.get(year) != new.get(year):
            years.update((year - 1, year, year + 1))
    return years, pairs


def _replaced(before: Sequence[Any], after: Sequence[Any]) -> list[tuple[Any, Any]] | None:
    """(old, new) of every position whose item is another object; None when the lengths
    differ. The positions are found in C (map over is_not): no Python step per bill."""
    if len(before) != len(after):
        return None
    changed = compress(count(), map(is_not, before, after))
    return [(before[i], after[i]) for i in changed]


def _changed_items(
    before: Sequence[Any], after: Sequence[Any], pairs: list[tuple[Any, Any]] | None = None
) -> list[Any] | None:
    """Items added or removed (by identity: they are frozen); None when the order of the
    items both hold changed (a year's lines would come out in another order)."""
    if pairs is None:
        pairs = _replaced(before, after)
    if pairs is not None:
        return [item for pair in pairs for item in pair]
    old_ids = {id(item): item for item in before}
    new_ids = {id(item): item for item in after}
    if len(old_ids) != len(before) or len(new_ids) != len(after):
        return None  # one object listed twice: identities cannot tell the counts
    if [k for k in old_ids if k in new_ids] != [k for k in new_ids if k in old_ids]:
        return None
    removed = [item for k, item in old_ids.items() if k not in new_ids]
    return removed + [item for k, item in new_ids.items() if k not in old_ids]


def _by_year(records: Sequence[EnergyRecord], start: int) -> dict[int, list[EnergyRecord]]:
    """The bills by business year, each year's in the order of ``records``: the distinct months
    are placed once, each year's bills picked by their month in C."""
    months = [*map(_MONTH, records)]
    years: dict[int, set[str]] = {}
    for month in set(months):
        years.setdefault(fiscal_year_of(month, start), set()).add(month)
    return {
        year: list(compress(records, map(wanted.__contains__, months)))
        for year, wanted in years.items()
    }


def _patched(
    by_year: Mapping[int, list[EnergyRecord]], pairs: _Pairs | None, start: int
) -> dict[int, list[EnergyRecord]] | None:
    """``by_year`` with the bills replaced in place swapped in their year's list (a copy), or
    None when it cannot be (bills added, removed or moved to another year): make it again."""
    if pairs is None:
        return None
    result = dict(by_year)
    copied: set[int] = set()
    for old, new in pairs:
        year = fiscal_year_of(old.month, start)
        if fiscal_year_of(new.month, start) != year or year not in result:
            return None
        if year not in copied:
            result[year] = list(result[year])
            copied.add(year)
        bills = result[year]
        found = [*compress(count(), map(is_, bills, repeat(old)))]
        if len(found) != 1:
            return None  # one object listed twice: which one was replaced is unknown
        bills[found[0]] = new
    return result


def _only_years(
    project: Project, years: Iterable[int], by_year: Mapping[int, list[EnergyRecord]]
) -> Project:
    """The project with only the bills, refills and Scope 3 entries of ``years``."""
    wanted = set(years)
    records = [record for year in sorted(wanted) for record in by_year.get(year, ())]
    return replace(
        project,
        records=records,
        refrigerants=[r for r in project.refrigerants if r.fiscal_year in wanted],
        scope3=[e for e in project.scope3 if e.fiscal_year in wanted],
    )
