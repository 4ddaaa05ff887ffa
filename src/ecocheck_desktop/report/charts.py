"""The report's charts as matplotlib ``Figure`` objects, for the screen.

What a chart shows is decided once, as data, in :mod:`.chart_spec`; :func:`figure_of` turns such
a spec into a ``Figure`` that nobody else holds (no pyplot state), which the GUI wraps in
``FigureCanvasQTAgg``. The PDF draws the same specs with reportlab (:mod:`.chart_pdf`), without
matplotlib, so screen and paper cannot disagree. Text uses the bundled IPAexGothic, registered
once by family name, so Japanese labels never turn into boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, ParamSpec

from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ecocheck_desktop import resources
from ecocheck_desktop.report import chart_spec
from ecocheck_desktop.report.chart_spec import (
    ENERGY_COLOURS,
    FONT_FAMILY,
    SCOPE1_COLOUR,
    SCOPE2_COLOUR,
    TARGET_COLOURS,
    ChartSpec,
    energy_colour,
    month_label,
)
from ecocheck_desktop.text.report import text

__all__ = [
    "ENERGY_COLOURS",
    "SCOPE1_COLOUR",
    "SCOPE2_COLOUR",
    "TARGET_COLOURS",
    "energy_colour",
    "figure_of",
    "month_label",
]
# Fixed margins in inches (left, right, bottom, top) for layout="fixed": one draw instead of
# constrained layout's two, which halves the PDF's chart time; room on the right for legends.
_FIXED_MARGINS = chart_spec.MARGINS


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


def integer_axis(axis: Any) -> None:
    """Whole-number ticks with thousands separators (yen): never 0.2 steps printed as
    「1,1,1,0,0,0」 on an axis with nothing (or little) on it."""
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))


def no_data(figure: Figure, lang: str) -> None:
    """The chart's place says there is nothing to draw yet, with no empty axes."""
    _no_data(figure, lang)


def _no_data(figure: Figure, lang: str) -> None:
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, text("chart.no_data", lang), ha="center", va="center", color="#666666")


_LINESTYLES = {"solid": "-", "dashed": "--", "dotted": ":"}


def figure_of(spec: ChartSpec, layout: str = "constrained") -> Figure:
    """The matplotlib ``Figure`` of ``spec``; ``layout`` "fixed" keeps the spec's margins (as the
    PDF draws it), "constrained" lets matplotlib fit the labels to a resized widget."""
    with rc_context(_style()):
        if layout == "fixed":
            figure = Figure(figsize=spec.size)
            x0, y0, x1, y1 = spec.plot_box()
            width, height = spec.size
            figure.subplots_adjust(
                left=x0 / width, right=x1 / width, bottom=y0 / height, top=y1 / height
            )
        else:
            figure = Figure(figsize=spec.size, layout=layout)
        if spec.no_data:
            axes = figure.add_subplot()
            axes.set_axis_off()
            axes.text(
                0.5, 0.5, spec.no_data, ha="center", va="center", color=chart_spec.NO_DATA_COLOUR
            )
            return _finish(figure)
        axes = figure.add_subplot()
        for bars in spec.bars:
            # barh names the base "left" and the thickness "height"; bar: "bottom", "width".
            draw, base, thickness = (
                (axes.barh, "left", "height") if bars.horizontal else (axes.bar, "bottom", "width")
            )
            draw(
                bars.at,
                bars.values,
                color=bars.colour,
                label=bars.label,
                **{base: bars.base, thickness: bars.width},
            )
        for line in spec.lines:
            axes.plot(
                line.xs,
                line.ys,
                color=line.colour,
                linestyle=_LINESTYLES[line.style],
                linewidth=line.width,
                marker="o" if line.marker_size else None,
                markersize=line.marker_size,
                label=line.label,
            )
        # Full-height lines at their x (milestones), full-width ones at their y (a contract's kW).
        rules = [(axes.axvline, line, line.xs[0]) for line in spec.vlines]
        rules += [(axes.axhline, line, line.ys[0]) for line in spec.hlines]
        for draw, line, at in rules:
            draw(
                at,
                color=line.colour,
                linewidth=line.width,
                linestyle=_LINESTYLES[line.style],
                label=line.label,  # "" (the milestones'): not in the legend
            )
        axes.tick_params(labelsize=spec.tick_size)
        axes.grid(False)
        for name, axis in (("x", spec.x), ("y", spec.y)):
            if axis is None:
                continue
            positions = [position for position, _ in axis.ticks]
            labels = [label for _, label in axis.ticks]
            if name == "x":
                axes.set_xlim(axis.low, axis.high)
                axes.set_xticks(positions, labels)
                axes.set_xlabel(axis.label)
            else:
                axes.set_ylim(axis.low, axis.high)
                axes.set_yticks(positions, labels)
                axes.set_ylabel(axis.label)
            if axis.grid:
                axes.grid(axis=name, visible=True)
        axes.set_title(
            spec.title, loc="center" if spec.title_centred else "left", fontsize=spec.title_size
        )
        legend = spec.legend
        if legend is not None and legend.place == "outside":
            axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=legend.font_size)
        elif legend is not None:
            axes.legend(
                loc=legend.place,
                fontsize=legend.font_size,
                frameon=legend.frame,
                framealpha=0.9,
                edgecolor="none",
            )
    return _finish(figure)


_P = ParamSpec("_P")


def _on_screen(build: Callable[_P, ChartSpec]) -> Callable[_P, Figure]:
    """The chart that ``build`` describes, drawn as a ``Figure`` for the screen (its name and
    docstring; not ``functools.wraps``, whose signature would claim it returns the spec)."""

    def draw(*args: _P.args, **kwargs: _P.kwargs) -> Figure:
        return figure_of(build(*args, **kwargs))

    draw.__name__ = draw.__qualname__ = build.__name__
    draw.__doc__ = build.__doc__
    return draw


# The report's charts for the screen, with the arguments of their descriptions in chart_spec.
monthly_chart = _on_screen(chart_spec.monthly_chart)
scope_chart = _on_screen(chart_spec.scope_chart)
trend_chart = _on_screen(chart_spec.trend_chart)
roadmap_chart = _on_screen(chart_spec.roadmap_chart)
