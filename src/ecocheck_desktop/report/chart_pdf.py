"""The report's charts drawn straight onto the reportlab canvas, from their :mod:`.chart_spec`.

The screen draws the same specs with matplotlib (:func:`.charts.figure_of`); the PDF draws them
here as vectors and text in the embedded IPAexGothic, without importing matplotlib (about half
of a cold report's time) and in a few milliseconds a chart. The geometry follows matplotlib's
defaults, so both look alike: ticks 3.5 pt long pointing out with their labels 3.5 pt beyond,
the axis label 4 pt beyond those, the title 6 pt above the plot, left and bottom spines only,
the legend's paddings in fractions of its font size.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ecocheck_desktop.report.chart_spec import (
    FONT_SIZE,
    GRID_COLOUR,
    NO_DATA_COLOUR,
    Axis,
    Bars,
    ChartRow,
    ChartSpec,
    Line,
)
from ecocheck_desktop.report.layout import FONT_NAME, clean

_POINTS_PER_INCH = 72.0
_TICK = 3.5  # tick length and the pad between tick and label, points
_LABEL_PAD = 4.0
_TITLE_PAD = 6.0
_SPINE_WIDTH = 0.8
_GRID_WIDTH = 0.6
_BLACK = Color(0, 0, 0)
_DASHES = {"dashed": (3.7, 1.6), "dotted": (1.0, 1.65)}  # times the line width


def _colour(value: str) -> Color:
    return HexColor(value)


class _Plot:
    """Data -> points for one spec's plot area."""

    def __init__(self, spec: ChartSpec) -> None:
        x0, y0, x1, y1 = (v * _POINTS_PER_INCH for v in spec.plot_box())
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.x = spec.x or Axis(0, 1, ())
        self.y = spec.y or Axis(0, 1, ())

    def px(self, value: float) -> float:
        axis = self.x
        return self.x0 + (value - axis.low) / (axis.high - axis.low) * (self.x1 - self.x0)

    def py(self, value: float) -> float:
        axis = self.y
        return self.y0 + (value - axis.low) / (axis.high - axis.low) * (self.y1 - self.y0)


def draw_spec(spec: ChartSpec | ChartRow, canvas: Canvas, x: float, y: float, width: float) -> None:
    """Draw ``spec`` with its lower-left corner at (x, y), scaled to ``width`` points."""
    figure_width = spec.size[0] * _POINTS_PER_INCH
    figure_height = spec.size[1] * _POINTS_PER_INCH
    scale = width / figure_width
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    box = canvas.beginPath()
    box.rect(0, 0, figure_width, figure_height)
    canvas.clipPath(box, stroke=0, fill=0)  # nothing spills onto the page
    if isinstance(spec, ChartRow):
        for panel in spec.panels:
            _draw_one(panel, canvas)
            canvas.translate(panel.size[0] * _POINTS_PER_INCH, 0)
    else:
        _draw_one(spec, canvas)
    canvas.restoreState()


def _draw_one(spec: ChartSpec, canvas: Canvas) -> None:
    if spec.no_data:
        canvas.setFillColor(_colour(NO_DATA_COLOUR))
        canvas.setFont(FONT_NAME, FONT_SIZE)
        ascent, descent = getAscentDescent(FONT_NAME, FONT_SIZE)
        baseline = spec.size[1] * _POINTS_PER_INCH / 2 - (ascent + descent) / 2
        canvas.drawCentredString(spec.size[0] * _POINTS_PER_INCH / 2, baseline, clean(spec.no_data))
        return
    plot = _Plot(spec)
    _draw_data(spec, plot, canvas)
    _draw_axes(spec, plot, canvas)
    if spec.legend is not None and spec.legend_entries():
        _draw_legend(spec, plot, canvas)


def _draw_data(spec: ChartSpec, plot: _Plot, canvas: Canvas) -> None:
    canvas.saveState()
    area = canvas.beginPath()
    area.rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0)
    canvas.clipPath(area, stroke=0, fill=0)
    canvas.setStrokeColor(_colour(GRID_COLOUR))
    canvas.setLineWidth(_GRID_WIDTH)
    canvas.setLineCap(2)
    if spec.y is not None and spec.y.grid:
        for position, _ in spec.y.ticks:
            canvas.line(plot.x0, plot.py(position), plot.x1, plot.py(position))
    if spec.x is not None and spec.x.grid:
        for position, _ in spec.x.ticks:
            canvas.line(plot.px(position), plot.y0, plot.px(position), plot.y1)
    for bars in spec.bars:
        canvas.setFillColor(_colour(bars.colour))
        for at, value, base in zip(bars.at, bars.values, bars.base, strict=True):
            if not value:
                continue
            if bars.horizontal:
                left, right = plot.px(base), plot.px(base + value)
                low, high = plot.py(at - bars.width / 2), plot.py(at + bars.width / 2)
            else:
                left, right = plot.px(at - bars.width / 2), plot.px(at + bars.width / 2)
                low, high = plot.py(base), plot.py(base + value)
            canvas.rect(left, low, right - left, high - low, stroke=0, fill=1)
    for line in spec.lines:
        points = [(plot.px(a), plot.py(b)) for a, b in zip(line.xs, line.ys, strict=True)]
        _polyline(canvas, line, points)
        if line.marker_size:
            canvas.setFillColor(_colour(line.colour))
            for point in points:
                canvas.circle(point[0], point[1], line.marker_size / 2, stroke=0, fill=1)
    for line in spec.vlines:
        at = plot.px(line.xs[0])
        _polyline(canvas, line, [(at, plot.y0), (at, plot.y1)])
    for line in spec.hlines:
        at = plot.py(line.ys[0])
        _polyline(canvas, line, [(plot.x0, at), (plot.x1, at)])
    canvas.restoreState()


def _polyline(canvas: Canvas, line: Line, points: Sequence[tuple[float, float]]) -> None:
    if len(points) < 2:
        return
    canvas.saveState()
    canvas.setStrokeColor(_colour(line.colour))
    canvas.setLineWidth(line.width)
    canvas.setLineJoin(1)
    if line.style in _DASHES:
        canvas.setLineCap(0)
        canvas.setDash([d * line.width for d in _DASHES[line.style]], 0)
    else:
        canvas.setLineCap(2)
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _draw_axes(spec: ChartSpec, plot: _Plot, canvas: Canvas) -> None:
    canvas.setStrokeColor(_BLACK)
    canvas.setFillColor(_BLACK)
    canvas.setLineWidth(_SPINE_WIDTH)
    canvas.setLineCap(2)
    canvas.line(plot.x0, plot.y0, plot.x1, plot.y0)
    canvas.line(plot.x0, plot.y0, plot.x0, plot.y1)
    canvas.setLineCap(0)
    size = spec.tick_size
    ascent, descent = getAscentDescent(FONT_NAME, size)
    canvas.setFont(FONT_NAME, size)
    label_bottom = plot.y0
    if spec.x is not None:
        baseline = plot.y0 - 2 * _TICK - ascent
        for position, label in spec.x.ticks:
            at = plot.px(position)
            canvas.line(at, plot.y0, at, plot.y0 - _TICK)
            canvas.drawCentredString(at, baseline, clean(label))
        label_bottom = baseline + descent if spec.x.ticks else plot.y0 - _TICK
        if spec.x.label:
            canvas.drawCentredString(
                (plot.x0 + plot.x1) / 2, label_bottom - _LABEL_PAD - ascent, clean(spec.x.label)
            )
    widest = 0.0
    if spec.y is not None:
        for position, label in spec.y.ticks:
            at = plot.py(position)
            canvas.line(plot.x0, at, plot.x0 - _TICK, at)
            text = clean(label)
            widest = max(widest, stringWidth(text, FONT_NAME, size))
            canvas.drawRightString(plot.x0 - 2 * _TICK, at - (ascent + descent) / 2, text)
        if spec.y.label:
            right = plot.x0 - 2 * _TICK - widest - _LABEL_PAD
            canvas.saveState()
            canvas.translate(right + descent, (plot.y0 + plot.y1) / 2)
            canvas.rotate(90)
            canvas.drawCentredString(0, 0, clean(spec.y.label))
            canvas.restoreState()
    if spec.title:
        _, title_descent = getAscentDescent(FONT_NAME, spec.title_size)
        canvas.setFont(FONT_NAME, spec.title_size)
        baseline = plot.y1 + _TITLE_PAD - title_descent
        if spec.title_centred:
            canvas.drawCentredString((plot.x0 + plot.x1) / 2, baseline, clean(spec.title))
        else:
            canvas.drawString(plot.x0, baseline, clean(spec.title))


def _draw_legend(spec: ChartSpec, plot: _Plot, canvas: Canvas) -> None:
    """matplotlib's legend layout: handles 2 font sizes long, 0.8 before the text, rows 0.5
    apart, 0.4 of padding inside the box and 0.5 between box and plot."""
    assert spec.legend is not None
    size = spec.legend.font_size
    entries = spec.legend_entries()
    ascent, descent = getAscentDescent(FONT_NAME, size)
    row = max(ascent - descent, 0.7 * size)
    labels = [clean(entry.label) for entry in entries]
    text_width = max(stringWidth(label, FONT_NAME, size) for label in labels)
    width = 0.8 * size + 2.0 * size + 0.8 * size + text_width
    height = 0.8 * size + len(entries) * row + (len(entries) - 1) * 0.5 * size
    pad = 0.5 * size  # between the box and the plot's edges
    place = spec.legend.place
    if place == "outside":
        left, top = plot.x1 + pad, plot.y1 - pad
    else:
        left = plot.x0 + pad if place.endswith("left") else plot.x1 - pad - width
        top = plot.y1 - pad if place.startswith("upper") else plot.y0 + pad + height
    if spec.legend.frame:
        canvas.saveState()
        canvas.setFillColor(Color(1, 1, 1, alpha=0.9))
        canvas.rect(left, top - height, width, height, stroke=0, fill=1)
        canvas.restoreState()
    canvas.setFont(FONT_NAME, size)
    y = top - 0.4 * size
    for entry, label in zip(entries, labels, strict=True):
        middle = y - row / 2
        handle = left + 0.4 * size
        if isinstance(entry, Bars):
            canvas.setFillColor(_colour(entry.colour))
            canvas.rect(handle, middle - 0.35 * size, 2.0 * size, 0.7 * size, stroke=0, fill=1)
        else:
            _polyline(canvas, entry, [(handle, middle), (handle + 2.0 * size, middle)])
            if entry.marker_size:
                canvas.setFillColor(_colour(entry.colour))
                canvas.circle(handle + size, middle, entry.marker_size / 2, stroke=0, fill=1)
        canvas.setFillColor(_BLACK)
        canvas.drawString(handle + 2.8 * size, middle - (ascent + descent) / 2, label)
        y -= row + 0.5 * size


class ChartFlowable(Flowable):
    """A chart spec drawn as PDF vectors and text, scaled to a width."""

    def __init__(self, spec: ChartSpec | ChartRow, width: float) -> None:
        super().__init__()
        self.spec = spec
        self.width = width
        self.height = width * spec.size[1] / spec.size[0]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_spec(self.spec, self.canv, 0, 0, self.width)
