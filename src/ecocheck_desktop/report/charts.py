"""Chart builders: matplotlib ``Figure`` objects shared by the GUI and the PDF.

Each builder takes calculation results and a language and returns a ``Figure`` that nobody else
holds (no pyplot state): the GUI wraps it in ``FigureCanvasQTAgg``, the PDF renders it with
:func:`figure_png`. Text uses the bundled IPAexGothic, registered once by family name, so
Japanese labels never turn into boxes.

Target lines are the core's (:func:`ecocheck_desktop.core.targets.target_line`), the same
numbers as the 目標 page: SBT-SME falls by 4.2 % of the base year per year, the national path
runs against FY2013 (re-based when the company has no FY2013).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure
from matplotlib.text import Text

from ecocheck_desktop import resources
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.targets import target_line
from ecocheck_desktop.text.report import TEXTS, energy_name, text

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from ecocheck_desktop.core.model import Target
    from ecocheck_desktop.core.results import YearResult
    from ecocheck_desktop.core.targets import PathPoint, TargetPath

FONT_FAMILY = "IPAexGothic"
PNG_DPI = 200  # crisp at 200 % zoom: >= 2 device pixels per point on a 96-dpi screen
# Fixed margins in inches (left, right, bottom, top) for layout="fixed": one draw instead of
# constrained layout's two, which halves the PDF's chart time; room on the right for legends.
_FIXED_MARGINS = (0.75, 1.55, 0.45, 0.3)

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

_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def register_font() -> str:
    """Make the bundled font known to matplotlib (once per process); returns its family."""
    font_manager.fontManager.addfont(str(resources.font_path()))
    return FONT_FAMILY


def _style() -> dict[str, object]:
    register_font()
    return {
        "font.family": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": 9,
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#dddddd",
        "grid.linewidth": 0.6,
        "axes.axisbelow": True,
        "legend.frameon": False,
        "svg.fonttype": "none",
    }


def _new_figure(
    size: tuple[float, float],
    layout: str,
    right: float | None = None,
    left: float | None = None,
) -> Figure:
    if layout != "fixed":
        return Figure(figsize=size, layout=layout)
    figure = Figure(figsize=size)
    label_room, legend_room, bottom, top = _FIXED_MARGINS
    right = legend_room if right is None else right
    left = label_room if left is None else left
    width, height = size
    figure.subplots_adjust(
        left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height
    )
    return figure


def _finish(figure: Figure) -> Figure:
    # Tick labels may be created again at draw time outside our rc_context; pin the family on
    # every text so the GUI canvas draws Japanese with the bundled font too.
    for item in figure.findobj(Text):
        item.set_fontfamily([FONT_FAMILY, "DejaVu Sans"])
    return figure


def energy_colour(code: str, index: int = 0) -> str:
    return ENERGY_COLOURS.get(code, _FALLBACK_COLOURS[index % len(_FALLBACK_COLOURS)])


def month_label(month: str, lang: str) -> str:
    number = int(month[5:7])
    return f"{number}月" if lang == "ja" else _MONTH_EN[number - 1]


def integer_axis(axis: Any) -> None:
    """Whole-number ticks with thousands separators (yen): never 0.2 steps printed as
    「1,1,1,0,0,0」 on an axis with nothing (or little) on it."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))


def no_data(figure: Figure, lang: str) -> None:
    """The chart's place says there is nothing to draw yet, with no empty axes."""
    _no_data(figure, lang)


def _no_data(figure: Figure, lang: str) -> None:
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, text("chart.no_data", lang), ha="center", va="center", color="#666666")


def monthly_chart(
    year: YearResult,
    lang: str = "ja",
    *,
    start_month: int = 4,
    size: tuple[float, float] = (7, 3),
    layout: str = "constrained",
) -> Figure:
    """Stacked monthly bars by energy, t-CO2 on the adjusted basis, one fiscal year."""
    with rc_context(_style()):
        figure = _new_figure(size, layout)
        months = months_of_fiscal_year(year.fiscal_year, start_month)
        codes = list(
            dict.fromkeys(code for total in year.by_month.values() for code in total.by_energy_t)
        )
        if not codes:
            _no_data(figure, lang)
            return _finish(figure)
        axes = figure.add_subplot()
        positions = list(range(len(months)))
        bottoms = [0.0] * len(months)
        for index, code in enumerate(codes):
            values = []
            for month in months:
                total = year.by_month.get(month)
                values.append(float(total.by_energy_t.get(code, 0)) if total else 0.0)
            axes.bar(
                positions,
                values,
                bottom=bottoms,
                width=0.7,
                color=energy_colour(code, index),
                label=energy_name(code, lang),
            )
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_xticks(positions, [month_label(m, lang) for m in months])
        axes.set_ylabel(text("chart.t_co2", lang))
        axes.set_title(text("chart.monthly", lang), loc="left", fontsize=10)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        axes.set_ylim(bottom=0)
    return _finish(figure)


def scope_chart(
    year: YearResult,
    lang: str = "ja",
    *,
    size: tuple[float, float] = (7, 2.3),
    layout: str = "constrained",
) -> Figure:
    """Scope 1 + Scope 2 as horizontal stacked bars on the three Scope 2 bases."""
    with rc_context(_style()):
        figure = _new_figure(size, layout, left=1.0)  # room for ロケーション
        axes = figure.add_subplot()
        bases = [
            (text("chart.basic", lang), year.scope1_t, year.scope2_basic_t),
            (text("chart.adjusted", lang), year.scope1_adjusted_t, year.scope2_adjusted_t),
        ]
        if year.scope2_location_t is not None:
            bases.append((text("chart.location", lang), year.scope1_t, year.scope2_location_t))
        labels = [label for label, _, _ in bases]
        scope1 = [float(s1) for _, s1, _ in bases]
        scope2 = [float(s2) for _, _, s2 in bases]
        positions = list(range(len(bases)))[::-1]  # first basis on top
        axes.barh(positions, scope1, color=SCOPE1_COLOUR, height=0.6, label="Scope 1")
        axes.barh(positions, scope2, left=scope1, color=SCOPE2_COLOUR, height=0.6, label="Scope 2")
        axes.set_yticks(positions, labels)
        axes.grid(axis="x")
        axes.grid(axis="y", visible=False)
        axes.set_xlabel(text("chart.t_co2", lang))
        axes.set_title(text("chart.scopes", lang), loc="left", fontsize=10)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        axes.set_xlim(left=0)
    return _finish(figure)


def trend_chart(
    years: Sequence[YearResult],
    lang: str = "ja",
    *,
    targets: Sequence[Target] = (),
    size: tuple[float, float] = (7, 3),
    layout: str = "constrained",
) -> Figure:
    """Year-on-year totals (adjusted Scope 1+2) with each target's path when given."""
    with rc_context(_style()):
        figure = _new_figure(size, layout, right=0.3)
        complete = [y for y in years if y.complete]
        if not complete:
            _no_data(figure, lang)
            return _finish(figure)
        axes = figure.add_subplot()
        fiscal_years = [y.fiscal_year for y in complete]
        axes.bar(
            fiscal_years,
            [float(y.scope1_adjusted_t) for y in complete],
            color=SCOPE1_COLOUR,
            width=0.6,
            label="Scope 1",
        )
        axes.bar(
            fiscal_years,
            [float(y.scope2_adjusted_t) for y in complete],
            bottom=[float(y.scope1_adjusted_t) for y in complete],
            color=SCOPE2_COLOUR,
            width=0.6,
            label=text("chart.scope2", lang) + " (" + text("chart.adjusted", lang) + ")",
        )
        totals = {y.fiscal_year: y.total_adjusted_t for y in complete}
        path_years: list[int] = []
        for index, target in enumerate(targets):
            path = target_line(target, totals)
            if path is None:
                continue
            path_years += path[0]
            key = f"target.{target.kind}"
            name = text(key, lang) if key in TEXTS else target.kind
            axes.plot(
                path[0],
                [float(v) for v in path[1]],
                color=TARGET_COLOURS[index % len(TARGET_COLOURS)],
                linestyle="--",
                marker="o",
                markersize=3,
                label=text("chart.target_path", lang, name=name),
            )
        shown = sorted(set(fiscal_years) | set(path_years))
        step = max(1, (shown[-1] - shown[0]) // 10 + 1)
        axes.set_xticks(list(range(shown[0], shown[-1] + 1, step)))
        axes.set_ylabel(text("chart.t_co2", lang))
        axes.set_title(text("chart.trend", lang), loc="left", fontsize=10)
        # Target names are long: the legend goes inside, above the bars, with headroom for it.
        top = max([float(y.total_adjusted_t) for y in complete] + [0.0])
        axes.set_ylim(0, top * (1.25 + 0.08 * len(targets)) or 1)
        axes.legend(loc="upper right", fontsize=8, frameon=True, framealpha=0.9, edgecolor="none")
    return _finish(figure)


def figure_png(figure: Figure, dpi: int = PNG_DPI) -> bytes:
    """The figure as PNG bytes (Agg), rendered with the bundled font."""
    with rc_context(_style()):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def figure_image(figure: Figure, dpi: int = PNG_DPI) -> PILImage:
    """The figure as an RGB bitmap (Agg) for the PDF; attaches an Agg canvas to ``figure``.

    Handing reportlab the bitmap (not a PNG) skips an encode/decode round trip.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    with rc_context(_style()):
        canvas = FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        canvas.draw()
        rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    return rgba.convert("RGB")


def roadmap_chart(
    years: Sequence[YearResult],
    paths: Sequence[TargetPath],
    plan: Sequence[PathPoint],
    lang: str = "ja",
    *,
    size: tuple[float, float] = (7, 3),
    layout: str = "constrained",
) -> Figure:
    """The plan's pathway to 2050 (solid) against each target's path (dashed), over the actual
    totals (bars), with FY2030 and FY2050 marked: the report's roadmap section."""
    with rc_context(_style()):
        figure = _new_figure(size, layout, right=0.3)
        complete = [y for y in years if y.complete]
        if not complete and not plan:
            _no_data(figure, lang)
            return _finish(figure)
        axes = figure.add_subplot()
        axes.bar(
            [y.fiscal_year for y in complete],
            [float(y.total_adjusted_t) for y in complete],
            color="#7a9cc6",
            width=0.7,
            label=text("chart.actual", lang),
        )
        for index, path in enumerate(paths):
            axes.plot(
                [p.year for p in path.points],
                [float(p.t_co2) for p in path.points],
                color=TARGET_COLOURS[index % len(TARGET_COLOURS)],
                linestyle="--",
                linewidth=1.1,
                label=path.label_ja if lang == "ja" else path.label_en,
            )
        if plan:
            axes.plot(
                [p.year for p in plan],
                [float(p.t_co2) for p in plan],
                color="#2e7d32",
                linewidth=2.0,
                label=text("chart.plan", lang),
            )
        for milestone in (2030, 2050):
            axes.axvline(milestone, color="#999999", linewidth=0.6, linestyle=":")
        top = max(
            [float(y.total_adjusted_t) for y in complete]
            + [float(p.t_co2) for path in paths for p in path.points]
            + [float(p.t_co2) for p in plan]
            + [0.0]
        )
        # Target names are long: the legend goes inside, top right, where every path has
        # fallen by then; the headroom keeps it clear of the lines.
        axes.set_ylim(0, top * (1.2 + 0.1 * (len(paths) + 1)) or 1)
        axes.set_xlim(min([y.fiscal_year for y in complete] + [p.year for p in plan]) - 1, 2051)
        axes.set_ylabel(text("chart.t_co2", lang))
        axes.set_title(text("chart.roadmap", lang), loc="left", fontsize=10)
        axes.legend(loc="upper right", fontsize=7, frameon=True, framealpha=0.9, edgecolor="none")
    return _finish(figure)
