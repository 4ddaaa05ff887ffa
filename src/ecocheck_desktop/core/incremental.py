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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from itertools import compress
from operator import attrgetter
from typing import Any

from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.footprint import calculate, snapshot
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Project
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


def calculate_all(project: Project, library: Any = None) -> Calculated:
    """Every fiscal year, as the GUI calculates on opening (``strict=False``)."""
    return Calculated(snapshot(project), library, calculate(project, library, strict=False))


def recalculate(last: Calculated | None, project: Project, library: Any = None) -> Calculated:
    """The footprint of ``project``, recalculating only the years changed since ``last``."""
    if last is None or last.library is not library:
        return calculate_all(project, library)
    changed = changed_years(last.basis, project)
    if changed is None:
        return calculate_all(project, library)
    if not changed:
        return replace(last, basis=snapshot(project), years_recalculated=())
    reached = changed | {year + 1 for year in changed}
    old = {year.fiscal_year: year for year in last.footprint.years}
    unchanged = {year: result for year, result in old.items() if year not in changed}
    partial = calculate(
        _only_years(project, changed), library, strict=False, previous_years=unchanged
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
    return Calculated(snapshot(project), library, footprint, tuple(sorted(reached)))


def changed_years(before: Project, after: Project) -> set[int] | None:
    """The business years whose own data differ; None when something project-wide did."""
    for item in fields(after):
        name = item.name
        if name in _YEAR_SCOPED or name in _NOT_CALCULATED:
            continue
        if getattr(before, name) != getattr(after, name):
            return None
    start = after.company.fy_start_month
    months: dict[str, int] = {}

    def year_of(month: str) -> int:
        year = months.get(month)
        if year is None:
            year = months[month] = fiscal_year_of(month, start)
        return year

    records = _changed_items(before.records, after.records)
    if records is None:
        return None
    try:
        years = {year_of(record.month) for record in records}
    except (EcoCheckError, ValueError):
        return None  # a month the core cannot place: the full calculation reports it
    for name in ("refrigerants", "scope3"):
        items = _changed_items(getattr(before, name), getattr(after, name))
        if items is None:
            return None
        years.update(item.fiscal_year for item in items)
    old, new = before.fiscal_years, after.fiscal_years
    for year in set(old) | set(new):
        if old.get(year) != new.get(year):
            years.update((year - 1, year, year + 1))
    return years


def _changed_items(before: Sequence[Any], after: Sequence[Any]) -> list[Any] | None:
    """Items added or removed (by identity: they are frozen); None when the order of the
    items both hold changed (a year's lines would come out in another order)."""
    if len(before) == len(after):
        pairs = enumerate(zip(before, after, strict=True))
        changed = [i for i, (old, new) in pairs if old is not new]
        return [item for i in changed for item in (before[i], after[i])]
    old_ids = {id(item): item for item in before}
    new_ids = {id(item): item for item in after}
    if len(old_ids) != len(before) or len(new_ids) != len(after):
        return None  # one object listed twice: identities cannot tell the counts
    if [k for k in old_ids if k in new_ids] != [k for k in new_ids if k in old_ids]:
        return None
    removed = [item for k, item in old_ids.items() if k not in new_ids]
    return removed + [item for k, item in new_ids.items() if k not in old_ids]


def _only_years(project: Project, years: Iterable[int]) -> Project:
    """The project with only the bills, refills and Scope 3 entries of ``years``."""
    wanted = set(years)
    start = project.company.fy_start_month
    # Filtered without a Python-level loop over the bills (the cost of an edit on a big project):
    # the distinct months are placed once, the bills picked by their month in C.
    months = set(map(_MONTH, project.records))
    kept = {month for month in months if fiscal_year_of(month, start) in wanted}
    records = list(compress(project.records, map(kept.__contains__, map(_MONTH, project.records))))
    return replace(
        project,
        records=records,
        refrigerants=[r for r in project.refrigerants if r.fiscal_year in wanted],
        scope3=[e for e in project.scope3 if e.fiscal_year in wanted],
    )
