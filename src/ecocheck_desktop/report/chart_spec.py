"""The report's charts as plain data: what a chart shows, for the screen and the PDF alike.

Each builder takes calculation results and a language and returns a :class:`ChartSpec`: its
bars, stacks and lines with their colours and legend labels, the axes' limits and ticks, the
title and the legend's place. No matplotlib, no Qt, no reportlab: the GUI turns a spec into a
matplotlib ``Figure`` (:func:`ecocheck_desktop.report.charts.figure_of`), the PDF draws it
straight onto the reportlab canvas (:mod:`ecocheck_desktop.report.chart_pdf`). The limits and the
ticks are decided here, once, so the two cannot disagree.

Target lines are the core's (:func:`ecocheck_desktop.core.targets.target_line`), the same
numbers as the 目標 page: SBT-SME falls by 4.2 % of the base year per year, the national path
runs against FY2013 (re-based when the company has no FY2013).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.targets import target_line
from ecocheck_desktop.text.report import TEXTS, energy_name, text

if TYPE_CHECKING:
    from ecocheck_desktop.core.model import Target
    from ecocheck_desktop.core.results import YearResult
    from ecocheck_desktop.core.targets import PathPoint, TargetPath

FONT_FAMILY = "IPAexGothic"
FONT_SIZE = 9.0  # tick and axis labels, points
TITLE_SIZE = 10.0
# Margins in inches (left, right, bottom, top) around the plot area: room for the tick labels
# and the axis label on the left, for a legend on the right.
MARGINS: tuple[float, float, float, float] = (0.75, 1.55, 0.45, 0.3)
# matplotlib spaces y ticks at least two label heights apart, x ticks three, counted in its
# default 10-point labels (the charts looked like this before they became specs).
TICK_SPACING = 10.0
GRID_COLOUR = "#dddddd"
LEGEND_SIZE = 8.0  # points
NO_DATA_COLOUR = "#666666"

# One colour per energy (colour-blind-safe Okabe-Ito order), stable between charts and years.
ENERGY_COLOURS: dict[str, str] = {
    "electricity": "#0072B2",
    "city_gas": "#E69F00",
    "lpg": "#D55E00",
    "kerosene": "#009E73",
    "diesel": "#CC79A7",
    "gasoline": "#56B4E9",
    "heavy_oil_a": "#8C6D31",
    "heavy_oil_bc": "#636363",
    "lng": "#F0E442",
    "heat": "#B22222",
}
_FALLBACK_COLOURS = ("#999999", "#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#E73F74")
SCOPE1_COLOUR = "#D55E00"
SCOPE2_COLOUR = "#0072B2"
TARGET_COLOURS = ("#009E73", "#CC79A7", "#7F3C8D", "#E69F00")
ACTUAL_COLOUR = "#7a9cc6"
PLAN_COLOUR = "#2e7d32"
MILESTONE_COLOUR = "#999999"

_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)  # the tick steps matplotlib's default locator chooses from


@dataclass(frozen=True)
class Bars:
    """One series of bars: ``at`` the category positions, ``values`` the lengths from ``base``
    (a stack). Horizontal bars run along x from ``base``."""

    at: tuple[float, ...]
    values: tuple[float, ...]
    base: tuple[float, ...]
    colour: str
    label: str
    width: float = 0.7
    horizontal: bool = False


@dataclass(frozen=True)
class Line:
    """A polyline; ``style`` is "solid", "dashed" or "dotted"."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    colour: str
    label: str = ""
    width: float = 1.5
    style: str = "solid"
    marker_size: float = 0.0  # a filled circle at each point when > 0 (points)


@dataclass(frozen=True)
class Axis:
    """An axis' range and its ticks as (position, label); ``grid`` draws a line at each tick."""

    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    label: str = ""
    grid: bool = False


@dataclass(frozen=True)
class Legend:
    """``place`` "outside": beside the plot, level with its top (no frame); else a corner inside
    the plot ("upper right", "upper left", "lower right"), on a white box when ``frame``."""

    place: str
    font_size: float = 8.0
    frame: bool = False


@dataclass(frozen=True)
class ChartSpec:
    size: tuple[float, float]  # inches
    title: str = ""
    x: Axis | None = None
    y: Axis | None = None
    bars: tuple[Bars, ...] = ()
    lines: tuple[Line, ...] = ()
    vlines: tuple[Line, ...] = ()  # full-height lines at xs[0] (milestones)
    legend: Legend | None = None
    no_data: str = ""  # the sentence shown instead of axes when there is nothing to draw
    margins: tuple[float, float, float, float] = MARGINS
    hlines: tuple[Line, ...] = ()  # full-width lines at ys[0] (a contract's kW)
    tick_size: float = FONT_SIZE
    title_size: float = TITLE_SIZE
    title_centred: bool = False  # else left-aligned over the plot

    def legend_entries(self) -> list[Bars | Line]:
        """What the legend lists: the lines first, then the bars (matplotlib's order)."""
        return [item for item in (*self.lines, *self.hlines, *self.bars) if item.label]

    def plot_box(self) -> tuple[float, float, float, float]:
        """The plot area in inches from the lower left: x0, y0, x1, y1."""
        left, right, bottom, top = self.margins
        width, height = self.size
        return left, bottom, width - right, height - top


@dataclass(frozen=True)
class ChartRow:
    """Charts side by side in one picture, each ``size[0] / len(panels)`` wide."""

    size: tuple[float, float]
    panels: tuple[ChartSpec, ...]


def energy_colour(code: str, index: int = 0) -> str:
    return ENERGY_COLOURS.get(code, _FALLBACK_COLOURS[index % len(_FALLBACK_COLOURS)])


def month_label(month: str, lang: str) -> str:
    number = int(month[5:7])
    return f"{number}月" if lang == "ja" else _MONTH_EN[number - 1]


def nice_ticks(low: float, high: float, room_points: float, spacing: float) -> list[float]:
    """Round ticks in [low, high], at most one per ``spacing`` points of ``room_points`` (the
    rule of matplotlib's default locator: steps of 1, 2, 2.5 or 5 times a power of ten)."""
    if high <= low:
        return [low]
    bins = max(1, min(9, int(room_points // spacing)))
    raw = (high - low) / bins
    scale = 10 ** math.floor(math.log10(raw))
    step = next(s * scale for s in _STEPS if s * scale >= raw * (1 - 1e-9))
    first = math.ceil(low / step - 1e-9)
    ticks = []
    index = first
    while index * step <= high * (1 + 1e-9) + 1e-12:
        ticks.append(index * step)
        index += 1
    return ticks


def number_label(value: float, ticks: Sequence[float]) -> str:
    """A tick's label with as many decimals as the step needs (0, 2.5, 5 …)."""
    places = 0
    while places < 6 and any(abs(round(t, places) - t) > 1e-9 for t in ticks):
        places += 1
    return f"{value:.{places}f}"


def value_axis(
    low: float,
    high: float,
    room_inches: float,
    *,
    vertical: bool,
    label: str = "",
    label_size: float = TICK_SPACING,
) -> Axis:
    spacing = label_size * (2 if vertical else 3)
    ticks = nice_ticks(low, high, room_inches * 72, spacing)
    return Axis(low, high, tuple((t, number_label(t, ticks)) for t in ticks), label, grid=True)


def plot_room(spec_size: tuple[float, float], margins: Sequence[float], vertical: bool) -> float:
    """The plot area's height (``vertical``) or width in inches."""
    left, right, bottom, top = margins
    return spec_size[1] - bottom - top if vertical else spec_size[0] - left - right


def headroom(top: float) -> float:
    """matplotlib's default 5 % margin above the data (0 stays the bottom)."""
    return top * 1.05 if top > 0 else 1.0


def category_range(count: int, width: float) -> tuple[float, float]:
    low, high = -width / 2, count - 1 + width / 2
    pad = (high - low) * 0.05
    return low - pad, high + pad


def _margins(
    right: float | None = None, left: float | None = None
) -> tuple[float, float, float, float]:
    base_left, base_right, bottom, top = MARGINS
    return (
        base_left if left is None else left,
        base_right if right is None else right,
        bottom,
        top,
    )


def monthly_chart(
    year: YearResult, lang: str = "ja", *, start_month: int = 4, size: tuple[float, float] = (7, 3)
) -> ChartSpec:
    """Stacked monthly bars by energy, t-CO2 on the adjusted basis, one fiscal year."""
    months = months_of_fiscal_year(year.fiscal_year, start_month)
    codes = list(
        dict.fromkeys(code for total in year.by_month.values() for code in total.by_energy_t)
    )
    if not codes:
        return ChartSpec(size, no_data=text("chart.no_data", lang))
    positions = tuple(float(i) for i in range(len(months)))
    bottoms = [0.0] * len(months)
    bars = []
    for index, code in enumerate(codes):
        values = []
        for month in months:
            total = year.by_month.get(month)
            values.append(float(total.by_energy_t.get(code, 0)) if total else 0.0)
        bars.append(
            Bars(
                positions,
                tuple(values),
                tuple(bottoms),
                energy_colour(code, index),
                energy_name(code, lang),
            )
        )
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    margins = _margins()
    low, high = category_range(len(months), 0.7)
    x = Axis(low, high, tuple(zip(positions, (month_label(m, lang) for m in months), strict=True)))
    top = headroom(max(bottoms))
    y = value_axis(
        0, top, plot_room(size, margins, True), vertical=True, label=text("chart.t_co2", lang)
    )
    return ChartSpec(
        size,
        text("chart.monthly", lang),
        x,
        y,
        tuple(bars),
        legend=Legend("outside"),
        margins=margins,
    )


def scope_chart(
    year: YearResult, lang: str = "ja", *, size: tuple[float, float] = (7, 2.3)
) -> ChartSpec:
    """Scope 1 + Scope 2 as horizontal stacked bars on the three Scope 2 bases."""
    bases = [
        (text("chart.basic", lang), year.scope1_t, year.scope2_basic_t),
        (text("chart.adjusted", lang), year.scope1_adjusted_t, year.scope2_adjusted_t),
    ]
    if year.scope2_location_t is not None:
        bases.append((text("chart.location", lang), year.scope1_t, year.scope2_location_t))
    scope1 = tuple(float(s1) for _, s1, _ in bases)
    scope2 = tuple(float(s2) for _, _, s2 in bases)
    positions = tuple(float(p) for p in range(len(bases)))[::-1]  # first basis on top
    margins = _margins(left=1.0)  # room for ロケーション
    bars = (
        Bars(positions, scope1, (0.0,) * len(bases), SCOPE1_COLOUR, "Scope 1", 0.6, True),
        Bars(positions, scope2, scope1, SCOPE2_COLOUR, "Scope 2", 0.6, True),
    )
    low, high = category_range(len(bases), 0.6)
    y = Axis(low, high, tuple(zip(positions, (b[0] for b in bases), strict=True)))
    right = headroom(max([a + b for a, b in zip(scope1, scope2, strict=True)] + [0.0]))
    x = value_axis(0, right, plot_room(size, margins, False), vertical=False)
    x = Axis(x.low, x.high, x.ticks, text("chart.t_co2", lang), grid=True)
    return ChartSpec(
        size,
        text("chart.scopes", lang),
        x,
        y,
        bars,
        legend=Legend("outside"),
        margins=margins,
    )


def _year_axis(years: Sequence[int], low: float, high: float) -> Axis:
    step = max(1, (years[-1] - years[0]) // 10 + 1)
    ticks = range(years[0], years[-1] + 1, step)
    return Axis(low, high, tuple((float(t), str(t)) for t in ticks))


def trend_chart(
    years: Sequence[YearResult],
    lang: str = "ja",
    *,
    targets: Sequence[Target] = (),
    size: tuple[float, float] = (7, 3),
) -> ChartSpec:
    """Year-on-year totals (adjusted Scope 1+2) with each target's path when given."""
    complete = [y for y in years if y.complete]
    if not complete:
        return ChartSpec(size, no_data=text("chart.no_data", lang))
    fiscal_years = tuple(float(y.fiscal_year) for y in complete)
    scope1 = tuple(float(y.scope1_adjusted_t) for y in complete)
    label2 = text("chart.scope2", lang) + " (" + text("chart.adjusted", lang) + ")"
    bars = (
        Bars(fiscal_years, scope1, (0.0,) * len(complete), SCOPE1_COLOUR, "Scope 1", 0.6),
        Bars(
            fiscal_years,
            tuple(float(y.scope2_adjusted_t) for y in complete),
            scope1,
            SCOPE2_COLOUR,
            label2,
            0.6,
        ),
    )
    totals = {y.fiscal_year: y.total_adjusted_t for y in complete}
    lines = []
    for index, target in enumerate(targets):
        path = target_line(target, totals)
        if path is None:
            continue
        key = f"target.{target.kind}"
        name = text(key, lang) if key in TEXTS else target.kind
        lines.append(
            Line(
                tuple(float(x) for x in path[0]),
                tuple(float(v) for v in path[1]),
                TARGET_COLOURS[index % len(TARGET_COLOURS)],
                text("chart.target_path", lang, name=name),
                style="dashed",
                marker_size=3,
            )
        )
    shown = sorted({int(x) for x in fiscal_years} | {int(x) for line in lines for x in line.xs})
    # matplotlib's autoscale: the bars' edges and the lines' ends, 5 % beyond.
    ends = [x for line in lines for x in line.xs]
    low = min([fiscal_years[0] - 0.3, *ends])
    high = max([fiscal_years[-1] + 0.3, *ends])
    pad = (high - low) * 0.05
    margins = _margins(right=0.3)
    # Target names are long: the legend goes inside, above the bars and the lines, with
    # headroom for it: the data stay below the legend's box (its height as chart_pdf draws it).
    entries = len(lines) + sum(1 for bar in bars if bar.label)
    legend_pt = LEGEND_SIZE * (0.8 + 1.1 * entries + 0.5 * (entries - 1) + 0.5)
    free = max(0.35, 1 - legend_pt / (plot_room(size, margins, True) * 72) - 0.05)
    highest = [float(y.total_adjusted_t) for y in complete]
    highest += [v for line in lines for v in line.ys]
    top = max([*highest, 0.0]) / free or 1
    y = value_axis(
        0, top, plot_room(size, margins, True), vertical=True, label=text("chart.t_co2", lang)
    )
    return ChartSpec(
        size,
        text("chart.trend", lang),
        _year_axis(shown, low - pad, high + pad),
        y,
        bars,
        tuple(lines),
        legend=Legend("upper right", LEGEND_SIZE, frame=True),
        margins=margins,
    )


def roadmap_chart(
    years: Sequence[YearResult],
    paths: Sequence[TargetPath],
    plan: Sequence[PathPoint],
    lang: str = "ja",
    *,
    size: tuple[float, float] = (7, 3),
) -> ChartSpec:
    """The plan's pathway to 2050 (solid) against each target's path (dashed), over the actual
    totals (bars), with FY2030 and FY2050 marked: the report's roadmap section."""
    complete = [y for y in years if y.complete]
    if not complete and not plan:
        return ChartSpec(size, no_data=text("chart.no_data", lang))
    bars = (
        Bars(
            tuple(float(y.fiscal_year) for y in complete),
            tuple(float(y.total_adjusted_t) for y in complete),
            (0.0,) * len(complete),
            ACTUAL_COLOUR,
            text("chart.actual", lang),
        ),
    )
    lines = [
        Line(
            tuple(float(p.year) for p in path.points),
            tuple(float(p.t_co2) for p in path.points),
            TARGET_COLOURS[index % len(TARGET_COLOURS)],
            path.label_ja if lang == "ja" else path.label_en,
            width=1.1,
            style="dashed",
        )
        for index, path in enumerate(paths)
    ]
    if plan:
        lines.append(
            Line(
                tuple(float(p.year) for p in plan),
                tuple(float(p.t_co2) for p in plan),
                PLAN_COLOUR,
                text("chart.plan", lang),
                width=2.0,
            )
        )
    vlines = tuple(
        Line((m, m), (0.0, 1.0), MILESTONE_COLOUR, width=0.6, style="dotted") for m in (2030, 2050)
    )
    top = max(
        [float(y.total_adjusted_t) for y in complete]
        + [float(p.t_co2) for path in paths for p in path.points]
        + [float(p.t_co2) for p in plan]
        + [0.0]
    )
    # Target names are long: the legend goes inside, top right, where every path has fallen by
    # then; the headroom keeps it clear of the lines.
    top = top * (1.2 + 0.1 * (len(paths) + 1)) or 1
    margins = _margins(right=0.3)
    first = min([y.fiscal_year for y in complete] + [p.year for p in plan]) - 1
    room_x = plot_room(size, margins, False)
    x_ticks = nice_ticks(first, 2051, room_x * 72, TICK_SPACING * 3)
    x = Axis(first, 2051, tuple((t, f"{t:.0f}") for t in x_ticks))
    y = value_axis(
        0, top, plot_room(size, margins, True), vertical=True, label=text("chart.t_co2", lang)
    )
    return ChartSpec(
        size,
        text("chart.roadmap", lang),
        x,
        y,
        bars,
        tuple(lines),
        vlines,
        Legend("upper right", 7.0, frame=True),
        margins=margins,
    )
