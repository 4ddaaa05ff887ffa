"""The PDF's デマンド picture as a chart spec: the typical day (mean kW per half hour, weekdays and
weekends) beside the monthly peaks with the contract kW line (core/demand.py's analysis).

Drawn by :mod:`.chart_pdf` like the report's other charts, so a report with interval data loads no
matplotlib either. The デマンド page paints its own pictures with Qt (gui/widgets/demand_charts.py).
"""

from __future__ import annotations

from typing import Any

from ecocheck_desktop.report.chart_spec import (
    Axis,
    Bars,
    ChartRow,
    ChartSpec,
    Legend,
    Line,
    category_range,
    plot_room,
    value_axis,
)
from ecocheck_desktop.text.report_demand import demand_text

SIZE = (7.0, 2.4)
_PANEL = (SIZE[0] / 2, SIZE[1])
_MARGINS = (0.4, 0.12, 0.3, 0.22)  # inches: left, right, bottom, top of each panel
_LABEL_SIZE = 6.0
_TITLE_SIZE = 8.0
_LINE_COLOUR = "#1f77b4"
_WEEKEND_COLOUR = "#ff7f0e"
_CONTRACT_COLOUR = "#c81e1e"


def _top(values: list[float]) -> float:
    """matplotlib's autoscale with the bottom at 0: 5 % of the data's span above its top."""
    if not values:
        return 1.0
    high, low = max(values), min(values)
    return high + 0.05 * (high - low) if high > low else (high * 1.05 or 1.0)


def _y(values: list[float]) -> Axis:
    room = plot_room(_PANEL, _MARGINS, True)
    axis = value_axis(0, _top(values), room, vertical=True, label_size=_LABEL_SIZE)
    return axis


def demand_chart(analysis: Any, lang: str) -> ChartRow:
    hours = tuple(slot / 2 for slot in range(48))
    weekday = tuple(float(v) for v in analysis.weekday_profile_kw)
    weekend = tuple(float(v) for v in analysis.weekend_profile_kw)
    pad = (hours[-1] - hours[0]) * 0.05
    profile = ChartSpec(
        _PANEL,
        demand_text("chart_profile", lang),
        Axis(
            hours[0] - pad, hours[-1] + pad, tuple((float(h), str(h)) for h in (0, 6, 12, 18, 24))
        ),
        _y([*weekday, *weekend]),
        lines=(
            Line(hours, weekday, _LINE_COLOUR, demand_text("weekdays", lang)),
            Line(hours, weekend, _WEEKEND_COLOUR, demand_text("weekends", lang)),
        ),
        legend=Legend("upper left", 6.0),
        margins=_MARGINS,
        tick_size=_LABEL_SIZE,
        title_size=_TITLE_SIZE,
        title_centred=True,
    )
    months = list(analysis.monthly_peak_kw)
    peaks = tuple(float(v) for v in analysis.monthly_peak_kw.values())
    contract = float(analysis.contract_kw_12m)
    positions = tuple(float(i) for i in range(len(months)))
    low, high = category_range(len(months), 0.8)
    peaks_spec = ChartSpec(
        _PANEL,
        demand_text("chart_peaks", lang),
        Axis(
            low, high, tuple((p, str(int(m[5:]))) for p, m in zip(positions, months, strict=True))
        ),
        # Headroom above the contract line for the legend, clear of the bars.
        _y([0.0, *peaks, contract * 1.3]),
        bars=(Bars(positions, peaks, (0.0,) * len(peaks), _LINE_COLOUR, "", 0.8),),
        hlines=(
            Line(
                (0.0, 1.0),
                (contract, contract),
                _CONTRACT_COLOUR,
                demand_text("contract_line", lang),
                width=1.0,
                style="dashed",
            ),
        ),
        legend=Legend("upper right", 6.0, frame=True),
        margins=_MARGINS,
        tick_size=_LABEL_SIZE,
        title_size=_TITLE_SIZE,
        title_centred=True,
    )
    return ChartRow(SIZE, (profile, peaks_spec))
