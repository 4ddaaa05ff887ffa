"""Target paths for the report's charts and the companion's planned reduction, without matplotlib.

Kept apart from ``report.charts`` so that the companion and the portfolio, which need only the
numbers, do not import matplotlib (over a second of a command-line run). The values are
:func:`ecocheck_desktop.core.targets.target_path`'s, the same as the 目標 page: an SBT-SME line
falls by ``reduction_pct`` % of the base-year emissions every year, the national path runs
against FY2013 (re-based when the company has no FY2013).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Target


def target_path(
    target: Target, totals: dict[int, Decimal], to_year: int | None = None
) -> tuple[list[int], list[Decimal]] | None:
    """A target's path (years, t-CO2) from its base year, or None without base-year emissions.

    A target entered without a percentage gets its kind's default (4.2 %/yr, 42 % by 2030). The
    path runs to ``to_year`` (default: the target year; a bank SPT always stops at its own year).
    """
    from dataclasses import replace

    from ecocheck_desktop.core import targets as core_targets

    base = totals.get(target.base_year)
    if base is None or target.target_year <= target.base_year:
        return None
    if not target.reduction_pct and target.kind in ("sbt_linear", "sbt_42"):
        default = core_targets.standard_target(target.kind, target.base_year)
        target = replace(target, reduction_pct=default.reduction_pct)
    last = to_year or target.target_year
    path = core_targets.target_path(target, base, max(last, target.base_year))
    points = [p for p in path.points if p.year <= last]
    return [p.year for p in points], [p.t_co2 for p in points]
