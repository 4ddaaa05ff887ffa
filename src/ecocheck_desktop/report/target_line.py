"""The straight target line of the report's trend chart and of the companion's planned reduction.

Kept apart from ``report.charts`` so that the companion and the portfolio, which need only the
numbers, do not import matplotlib (over a second of a command-line run). The reading of
:class:`~ecocheck_desktop.core.model.Target`: ``reduction_pct`` is the total reduction at
``target_year`` against ``base_year`` and the path is a straight line between them. An SBT
target entered without a percentage gets 4.2 % per year; a national target without one gets
−46 % by FY2030.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Target

SBT_RATE_PCT = Decimal("4.2")
NATIONAL_PCT = Decimal(46)
NATIONAL_BASE_YEAR = 2013
NATIONAL_TARGET_YEAR = 2030


def target_path(
    target: Target, totals: dict[int, Decimal]
) -> tuple[list[int], list[Decimal]] | None:
    """The straight path (years, t-CO2) of a target, or None without base-year emissions."""
    base_year, target_year = target.base_year, target.target_year
    reduction = target.reduction_pct
    if target.kind.startswith("sbt") and not reduction:
        reduction = SBT_RATE_PCT * (target_year - base_year)
    if target.kind == "national" and not reduction:
        base_year, target_year, reduction = NATIONAL_BASE_YEAR, NATIONAL_TARGET_YEAR, NATIONAL_PCT
    base = totals.get(base_year)
    if base is None or target_year <= base_year:
        return None
    years = list(range(base_year, target_year + 1))
    span = Decimal(target_year - base_year)
    values = [base * (1 - reduction / 100 * Decimal(y - base_year) / span) for y in years]
    return years, values
