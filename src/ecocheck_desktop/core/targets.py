"""Reduction targets and pathways to 2030 and 2050, and the plan's pathway against them.

Owns the target kinds (``Target.kind``, docs/measures.md):

- ``sbt_linear``: SBTi's SME route, a near-term target: ``reduction_pct`` % of the base year
  per year (default 4.2 %/yr), linear, to FY2030 and not beyond (SBTi validates no SME
  long-term path); a base year before 2018 is not accepted by SBTi (caveat,
  :func:`sbti_accepted`);
- ``sbt_42``: 42 % by FY2030 versus the base year, linear, stopping at 2030 (caveat: the SME
  rule is UNCONFIRMED, golden case GC-16; same base-year rule);
- ``national``: Japan's path versus FY2013 (−46 % FY2030, −60 % FY2035, −73 % FY2040, net zero
  2050; https://www.env.go.jp/earth/earth/ondanka/ndc.html), linear between those anchors. From
  a base year other than 2013 the same percentages apply to the company's base year (46 % of
  the base value by FY2030: 223.854 t → 120.881 t), reached linearly from the base year
  (caveat); every row then reads base × (1 − % / 100) = target;
- ``bank_spt``: the lender's sustainability performance target, ``reduction_pct`` % by
  ``target_year``, linear from the base year (nothing is assumed beyond the target year).

All arithmetic is exact ``Decimal``; pathways are lists of (fiscal year, t-CO2). Every view
draws a target from here: :func:`paths_for` (a target from its base year's total on its basis:
the 目標 page, the PDF's roadmap, ``ecocheck measures``) and :func:`target_line` (the trend
chart's line and the companion's planned reduction).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Target

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import YearResult


ZERO = Decimal(0)
HUNDRED = Decimal(100)
NET_ZERO_YEAR = 2050
MILESTONES = (2030, 2050)
KINDS = ("sbt_linear", "sbt_42", "national", "bank_spt")
SBT_LINEAR_PCT_PER_YEAR = Decimal("4.2")
SBT_42_PCT = Decimal(42)
SBT_42_YEAR = 2030
SBT_NEAR_TERM_YEAR = 2030  # SBTi SME route: near-term targets only, to 2030
SBTI_FIRST_BASE_YEAR = 2018  # SBTi SME route: the base year must be 2018 or later
SBT_KINDS = ("sbt_linear", "sbt_42")
NATIONAL_BASE_YEAR = 2013
# Cumulative reduction versus FY2013 (Japan's NDC and the 2050 net-zero goal).
NATIONAL_ANCHORS: tuple[tuple[int, Decimal], ...] = (
    (2013, ZERO),
    (2030, Decimal(46)),
    (2035, Decimal(60)),
    (2040, Decimal(73)),
    (2050, HUNDRED),
)
LABELS = {
    "sbt_linear": ("SBT(中小企業)年4.2%削減・2030年度まで", "SBT for SMEs, 4.2 %/yr to FY2030"),
    "sbt_42": ("SBT(中小企業)2030年度42%削減", "SBT for SMEs, 42 % by FY2030"),
    "national": ("国の目標 2030年度46%削減", "National target, -46 % by FY2030"),
    "bank_spt": ("金融機関のSPT", "Bank SPT"),
}


@dataclass(frozen=True)
class PathPoint:
    year: int
    t_co2: Decimal


@dataclass(frozen=True)
class TargetPath:
    kind: str
    label_ja: str
    label_en: str
    base_year: int
    base_t: Decimal
    target_year: int
    target_t: Decimal
    points: tuple[PathPoint, ...]
    caveats: tuple[Message, ...] = ()
    reduction_pct: Decimal = ZERO  # the cut at target_year, % of base_t (a row: base, %, target)
    sbti_accepted: bool | None = None  # SBT kinds: the base year is one SBTi accepts

    def at(self, year: int) -> Decimal | None:
        for point in self.points:
            if point.year == year:
                return point.t_co2
        return None


def standard_target(kind: str, base_year: int, **overrides: object) -> Target:
    """The default Target of a kind (the GUI offers these; the user edits the numbers)."""
    defaults: dict[str, tuple[int, Decimal]] = {
        "sbt_linear": (SBT_NEAR_TERM_YEAR, SBT_LINEAR_PCT_PER_YEAR),
        "sbt_42": (SBT_42_YEAR, SBT_42_PCT),
        "national": (2030, Decimal(46)),
        "bank_spt": (base_year + 5, Decimal(5)),
    }
    if kind not in defaults:
        raise _unknown(kind)
    target_year, pct = defaults[kind]
    values: dict[str, object] = {
        "kind": kind,
        "base_year": base_year,
        "target_year": target_year,
        "reduction_pct": pct,
    }
    values.update(overrides)
    return Target(**values)  # type: ignore[arg-type]


def _unknown(kind: str) -> EcoCheckError:
    return EcoCheckError(Message("targets.unknown_kind", {"kind": kind, "known": ", ".join(KINDS)}))


def national_reduction_pct(year: int) -> Decimal:
    """Cumulative national reduction versus FY2013, linear between the anchors."""
    if year <= NATIONAL_ANCHORS[0][0]:
        return ZERO
    for (y0, p0), (y1, p1) in pairwise(NATIONAL_ANCHORS):
        if year <= y1:
            return p0 + (p1 - p0) * (year - y0) / (y1 - y0)
    return HUNDRED


def national_pct_from(base_year: int, year: int) -> Decimal:
    """The national reduction (% of the base value) due by ``year`` for a path set on
    ``base_year``: the anchors' percentages, reached linearly from 0 at the base year to the
    first anchor after it (from FY2013 this is :func:`national_reduction_pct`)."""
    if year <= base_year:
        return ZERO
    if base_year <= NATIONAL_BASE_YEAR:
        return national_reduction_pct(year)
    anchors = [(base_year, ZERO)] + [(y, p) for y, p in NATIONAL_ANCHORS if y > base_year]
    for (y0, p0), (y1, p1) in pairwise(anchors):
        if year <= y1:
            return p0 + (p1 - p0) * (year - y0) / (y1 - y0)
    return HUNDRED


def sbti_accepted(target: Target) -> bool | None:
    """Whether SBTi's SME route accepts the target's base year (2018 or later); None for a
    kind that is not an SBT target."""
    if target.kind not in SBT_KINDS:
        return None
    return target.base_year >= SBTI_FIRST_BASE_YEAR


def sbt_end_year(target: Target) -> int:
    """An SBT target's last year: its target year, at most FY2030 (near-term only)."""
    return min(target.target_year, SBT_NEAR_TERM_YEAR)


def _linear(base_t: Decimal, pct_per_year: Decimal, years: int) -> Decimal:
    return max(ZERO, base_t * (1 - pct_per_year * years / HUNDRED))


def _between(y0: int, t0: Decimal, y1: int, t1: Decimal, year: int) -> Decimal:
    return t0 + (t1 - t0) * (year - y0) / (y1 - y0)


def target_value(target: Target, base_t: Decimal, year: int) -> Decimal | None:
    """The target's emissions for ``year`` (None beyond a bank SPT's target year)."""
    kind, base_year = target.kind, target.base_year
    if year <= base_year:
        return base_t
    if kind == "sbt_linear":
        if year > sbt_end_year(target):
            return None
        return _linear(base_t, target.reduction_pct, year - base_year)
    if kind == "sbt_42":
        end_year = sbt_end_year(target)
        if year > end_year:
            return None
        at_end = base_t * (1 - target.reduction_pct / HUNDRED)
        return _between(base_year, base_t, end_year, at_end, year)
    if kind == "national":
        return base_t * (HUNDRED - national_pct_from(base_year, year)) / HUNDRED
    if kind == "bank_spt":
        if year > target.target_year:
            return None
        end = base_t * (1 - target.reduction_pct / HUNDRED)
        return _between(base_year, base_t, target.target_year, end, year)
    raise _unknown(kind)


def _validate(target: Target) -> None:
    if target.kind not in KINDS:
        raise _unknown(target.kind)
    params = {
        "kind": target.kind,
        "base_year": target.base_year,
        "target_year": target.target_year,
        "reduction_pct": target.reduction_pct,
    }
    if target.target_year <= target.base_year:
        raise EcoCheckError(Message("targets.bad_years", params, {"field": "target_year"}))
    if not ZERO <= target.reduction_pct <= HUNDRED:
        raise EcoCheckError(Message("targets.bad_pct", params, {"field": "reduction_pct"}))


def target_path(target: Target, base_t: Decimal, to_year: int = NET_ZERO_YEAR) -> TargetPath:
    """Every fiscal year from the base year to ``to_year`` (a bank SPT stops at its year)."""
    _validate(target)
    points = []
    for year in range(target.base_year, to_year + 1):
        value = target_value(target, base_t, year)
        if value is None:
            break
        points.append(PathPoint(year, value))
    caveats: list[Message] = []
    if target.kind == "sbt_42":
        caveats.append(Message("targets.sbt_42_caveat"))
    if target.kind == "national" and target.base_year != NATIONAL_BASE_YEAR:
        caveats.append(Message("targets.national_rebased", {"base_year": target.base_year}))
    accepted = sbti_accepted(target)
    if accepted is False:
        caveats.append(
            Message(
                "targets.sbt_base_year_not_accepted",
                {"base_year": target.base_year, "first": SBTI_FIRST_BASE_YEAR},
            )
        )
    target_year = sbt_end_year(target) if target.kind in SBT_KINDS else target.target_year
    target_t = target_value(target, base_t, target_year)
    target_t = ZERO if target_t is None else target_t
    pct = ZERO if base_t == 0 else (base_t - target_t) / base_t * HUNDRED
    label_ja, label_en = LABELS[target.kind]
    return TargetPath(
        kind=target.kind,
        label_ja=label_ja,
        label_en=label_en,
        base_year=target.base_year,
        base_t=base_t,
        target_year=target_year,
        target_t=target_t,
        points=tuple(points),
        caveats=tuple(caveats),
        reduction_pct=pct,
        sbti_accepted=accepted,
    )


# Target.basis -> the YearResult total its base year is read from.
BASIS_TOTAL = {
    "adjusted": "total_adjusted_t",
    "basic": "total_basic_t",
    "location": "total_location_t",
}


@dataclass(frozen=True)
class TargetLine:
    """One target drawn against the years: its path, or why it cannot be drawn."""

    target: Target
    base_t: Decimal | None  # the base year's total on the target's basis; None: not there
    path: TargetPath | None = None
    error: EcoCheckError | None = None  # the target itself is invalid (years, percent)


def paths_for(targets: Iterable[Target], years: Iterable[YearResult]) -> list[TargetLine]:
    """Each target's path from its base year's total on its basis (adjusted, basic, location).

    ``years``: the years a base year may be taken from (the views pass the complete ones). A
    target whose base year is not among them, or has no total on that basis (no location
    factor), gets no path (``base_t`` None); an invalid target carries its error.
    """
    by_year = {year.fiscal_year: year for year in years}
    lines = []
    for target in targets:
        base = by_year.get(target.base_year)
        field_name = BASIS_TOTAL.get(target.basis, "total_adjusted_t")
        base_t: Decimal | None = None if base is None else getattr(base, field_name)
        if base_t is None:
            lines.append(TargetLine(target, None))
            continue
        try:
            lines.append(TargetLine(target, base_t, target_path(target, base_t)))
        except EcoCheckError as error:
            lines.append(TargetLine(target, base_t, error=error))
    return lines


def target_line(
    target: Target, totals: dict[int, Decimal], to_year: int | None = None
) -> tuple[list[int], list[Decimal]] | None:
    """A target's path (years, t-CO2) from ``totals`` by fiscal year, or None without base-year
    emissions (or with a target year not after the base year).

    A target entered without a percentage gets its kind's default (4.2 %/yr, 42 % by 2030). The
    path runs to ``to_year`` (default: the target year; a bank SPT always stops at its own year).
    """
    base = totals.get(target.base_year)
    if base is None or target.target_year <= target.base_year:
        return None
    if not target.reduction_pct and target.kind in ("sbt_linear", "sbt_42"):
        default = standard_target(target.kind, target.base_year)
        target = replace(target, reduction_pct=default.reduction_pct)
    last = to_year or target.target_year
    path = target_path(target, base, max(last, target.base_year))
    points = [p for p in path.points if p.year <= last]
    return [p.year for p in points], [p.t_co2 for p in points]


@dataclass(frozen=True)
class PlanStep:
    """A measure's yearly reduction (t-CO2) taking effect from a fiscal year on."""

    year: int
    t_co2: Decimal
    measure_id: str = ""


def plan_pathway(
    start_year: int, start_t: Decimal, steps: Iterable[PlanStep], to_year: int = NET_ZERO_YEAR
) -> tuple[PathPoint, ...]:
    """Emissions from ``start_year`` to ``to_year`` as measures take effect.

    Nothing else changes (no growth, no grid decarbonisation): the line shows what the plan
    alone does, and the gap to a target is what is still to be found.
    """
    steps = list(steps)
    points = []
    for year in range(start_year, to_year + 1):
        cut = sum((s.t_co2 for s in steps if s.year <= year), ZERO)
        points.append(PathPoint(year, max(ZERO, start_t - cut)))
    return tuple(points)


@dataclass(frozen=True)
class Gap:
    year: int
    target_t: Decimal
    plan_t: Decimal

    @property
    def gap_t(self) -> Decimal:
        """Positive: the plan is above the target by this much."""
        return self.plan_t - self.target_t

    @property
    def on_track(self) -> bool:
        return self.plan_t <= self.target_t


@dataclass(frozen=True)
class TargetComparison:
    path: TargetPath
    gaps: tuple[Gap, ...] = field(default_factory=tuple)


def compare(
    path: TargetPath, plan: tuple[PathPoint, ...], years: Iterable[int] = MILESTONES
) -> TargetComparison:
    """The plan against a target at the milestone years both cover."""
    plan_by_year = {p.year: p.t_co2 for p in plan}
    gaps = []
    for year in years:
        target_t = path.at(year)
        if target_t is not None and year in plan_by_year:
            gaps.append(Gap(year, target_t, plan_by_year[year]))
    return TargetComparison(path, tuple(gaps))
