"""Plausibility warnings on entered data: never blocking, always saying what and where.

Owns the plausibility checks (docs/methodology.md):

- ``plausibility.month_missing``: once per site and energy, the months without data in a fiscal
  year that has other months for that line (``Completeness.months_without``: the one rule);
  a month entered as 0 is "not used", not missing;
- ``plausibility.month_outlier``: a month above 3x or below 1/3 of the median of the year's
  months (same site and energy). A zero month of a fuel other than electricity is not flagged
  low: heating fuels are legitimately unused in summer;
- ``plausibility.month_vs_last_year``: the same, against the same month of the previous year;
- ``plausibility.unit_1000x``: a month about 1,000x off the median (ratio beyond 300), an
  electricity line of under 10 kWh, or a litre quantity under 1 L: the unit is probably wrong
  (kWh vs 千kWh/MWh, L vs kL, m3 vs 千m3). It replaces the plain outlier warning for that month;
- ``plausibility.factor_in_kg``: a user-entered factor that looks like kg-CO2 instead of t-CO2
  (electricity above 0.01 t/kWh, gas above 100 t/千m3, heat above 1 t/GJ).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from statistics import median
from typing import TYPE_CHECKING

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.model import Project

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import Footprint, LineResult, YearResult


OUTLIER_RATIO = Decimal(3)
UNIT_ERROR_RATIO = Decimal(300)
_LOW_UNIT_RATIO = 1 / UNIT_ERROR_RATIO
_LOW_OUTLIER_RATIO = 1 / OUTLIER_RATIO
# Above these a user factor is in kg-CO2, not t-CO2 (the largest real values are about
# 0.0009 t/kWh, 3 t/千m3 and 0.1 t/GJ).
KG_FACTOR_LIMITS: dict[str, tuple[Decimal, str]] = {
    "electricity": (Decimal("0.01"), "t-CO2/kWh"),
    "city_gas": (Decimal(100), "t-CO2/千m3"),
    "heat": (Decimal(1), "t-CO2/GJ"),
}
_USER_HOWS = ("user_record", "user_contract")
_UNIT_HINTS = {
    "kWh": "kWh / 千kWh / MWh",
    "L": "L / kL",
    "t": "kg / t",
    "千m3": "m3 / 千m3",
    "GJ": "MJ / GJ",
}


def check(project: Project, target: Footprint | YearResult) -> list[Message]:
    """The plausibility warnings of a whole footprint or of one fiscal year's result."""
    years = getattr(target, "years", None)
    if years is None:
        return check_year(project, target, None)  # type: ignore[arg-type]
    by_year = {year.fiscal_year: year for year in years}
    return [
        message
        for year in years
        for message in check_year(project, year, by_year.get(year.fiscal_year - 1))
    ]


def _ratio_text(ratio: Decimal) -> str:
    return f"{ratio:.1f}" if ratio >= 1 else f"{ratio:.3f}"


def check_year(project: Project, year: YearResult, previous: YearResult | None) -> list[Message]:
    """The warnings of one fiscal year; ``previous`` (the year before) enables the
    same-month-last-year check."""
    # Ratios need no more than the default precision (calculate() runs in a much wider one).
    with localcontext(prec=28):
        return _check_year(project, year, previous)


def _check_year(project: Project, year: YearResult, previous: YearResult | None) -> list[Message]:
    warnings: list[Message] = []
    fiscal_year = year.fiscal_year
    months = months_of_fiscal_year(fiscal_year, project.company.fy_start_month)
    series = _monthly(year.lines)
    last_year = _monthly(previous.lines) if previous is not None else {}

    for (site, energy), by_month in series.items():
        unit = ENERGY_TYPES[energy].table_unit
        where = {"site": site, "energy": energy, "fiscal_year": fiscal_year}
        # One warning per line (not per month), on the months the completeness rule names.
        if year.completeness is not None and year.completeness.year_months:
            gaps = year.completeness.months_without(site, energy)
        else:
            gaps = tuple(m for m in months if m not in by_month)
        if gaps:
            warnings.append(
                Message(
                    "plausibility.month_missing",
                    {"site": site, "energy": energy, "month": ", ".join(gaps), "count": len(gaps)},
                    {**where, "month": gaps[0]},  # the jump target: the first blank month
                )
            )
        typical = Decimal(median(by_month.values()))
        previous_months = last_year.get((site, energy), {})
        for month, value in by_month.items():
            ratio = value / typical if typical > 0 else None
            last = previous_months.get(_month_before(month))
            last_ratio = value / last if last is not None and last > 0 else None
            unit_slip = (
                ratio is not None and value > 0 and not _LOW_UNIT_RATIO < ratio < UNIT_ERROR_RATIO
            )
            outlier = ratio is not None and _is_outlier(ratio, value, energy)
            outlier_last_year = last_ratio is not None and _is_outlier(last_ratio, value, energy)
            if not (unit_slip or outlier or outlier_last_year):
                continue  # the common case: build no message parameters
            params = {"site": site, "energy": energy, "month": month, "value": value, "unit": unit}
            located = {**where, "month": month}
            if unit_slip:
                hint = _UNIT_HINTS.get(unit, unit)
                warnings.append(
                    Message("plausibility.unit_1000x", {**params, "hint": hint}, located)
                )
                continue
            if outlier:
                assert ratio is not None  # implied by outlier
                warnings.append(
                    Message(
                        "plausibility.month_outlier",
                        {**params, "ratio": _ratio_text(ratio), "median": typical},
                        located,
                    )
                )
            if outlier_last_year:
                assert last_ratio is not None  # implied by outlier_last_year
                warnings.append(
                    Message(
                        "plausibility.month_vs_last_year",
                        {**params, "ratio": _ratio_text(last_ratio), "last_year": last},
                        located,
                    )
                )

    warnings.extend(_line_checks(year))
    return _unique(warnings)


def _unique(warnings: list[Message]) -> list[Message]:
    """One warning of a kind per site, energy and month (two checks may see the same slip)."""
    seen: set[tuple[str, ...]] = set()
    unique = []
    for message in warnings:
        key = (message.code, *(str(message.where.get(k, "")) for k in ("site", "energy", "month")))
        if key not in seen:
            seen.add(key)
            unique.append(message)
    return unique


def _is_outlier(ratio: Decimal, value: Decimal, energy: str) -> bool:
    if ratio > OUTLIER_RATIO:
        return True
    if ratio < _LOW_OUTLIER_RATIO:
        return value > 0 or energy == "electricity"
    return False


def _month_before(month: str) -> str:
    return f"{int(month[:4]) - 1:04d}{month[4:]}"


def _monthly(lines: list[LineResult]) -> dict[tuple[str, str], dict[str, Decimal]]:
    series: dict[tuple[str, str], dict[str, Decimal]] = {}
    for line in lines:
        by_month = series.setdefault((line.site, line.energy), {})
        by_month[line.month] = by_month.get(line.month, Decimal(0)) + line.table_quantity
    return series


def _line_checks(year: YearResult) -> list[Message]:
    warnings: list[Message] = []
    reported: set[tuple[str, str, Decimal | None]] = set()
    for line in year.lines:
        located = {
            "site": line.site,
            "energy": line.energy,
            "month": line.month,
            "fiscal_year": year.fiscal_year,
        }
        params = {
            "site": line.site,
            "energy": line.energy,
            "month": line.month,
            "value": line.quantity,
            "unit": line.unit,
        }
        if line.energy == "electricity" and line.unit == "kWh" and 0 < line.quantity < 10:
            warnings.append(
                Message("plausibility.unit_1000x", {**params, "hint": _UNIT_HINTS["kWh"]}, located)
            )
        elif line.unit == "L" and 0 < line.quantity < 1:
            warnings.append(
                Message("plausibility.unit_1000x", {**params, "hint": _UNIT_HINTS["L"]}, located)
            )
        limit = KG_FACTOR_LIMITS.get(line.energy)
        if limit is None or line.how not in _USER_HOWS:
            continue
        for factor in dict.fromkeys((line.factor_basic, line.factor_adjusted)):
            key = (line.site, line.energy, factor)
            if factor is not None and factor > limit[0] and key not in reported:
                reported.add(key)
                warnings.append(
                    Message(
                        "plausibility.factor_in_kg",
                        {**params, "factor": factor, "unit": limit[1]},
                        located,
                    )
                )
    return warnings
