"""The デマンド page's pictures, painted with Qt (no matplotlib: they redraw at once).

- :func:`heat_map_image`: days (rows) x half-hours (columns) as a QImage, one pixel per cell,
  scaled by the label that shows it; no reading is grey.
- :class:`SimpleChart`: lines and/or bars over categories with an optional horizontal line
  (the contract kW), axis ticks and a legend.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecocheck_desktop.core.demand import SLOTS, MeterDay

NO_READING = QColor(210, 210, 210)
_STOPS = (
    (0.0, (49, 54, 149)),
    (0.35, (116, 173, 209)),
    (0.65, (254, 224, 144)),
    (1.0, (215, 48, 39)),
)


def colour_for(fraction: float) -> QColor:
    """Blue (low) - yellow - red (high) for 0..1."""
    fraction = min(1.0, max(0.0, fraction))
    for (a, ca), (b, cb) in itertools.pairwise(_STOPS):
        if fraction <= b:
            t = (fraction - a) / (b - a) if b > a else 0.0
            return QColor(*(int(x + (y - x) * t) for x, y in zip(ca, cb, strict=True)))
    return QColor(*_STOPS[-1][1])


def heat_map_image(days: list[MeterDay]) -> QImage:
    """One row per calendar day from the first to the last (missing days grey)."""
    if not days:
        return QImage()
    first, last = days[0].day, days[-1].day
    rows = (last - first).days + 1
    image = QImage(SLOTS, rows, QImage.Format.Format_RGB32)
    image.fill(NO_READING)
    peak = max((wh for d in days for wh in d.wh if wh is not None), default=0) or 1
    palette = [colour_for(i / 255).rgb() for i in range(256)]
    for day in days:
        y = (day.day - first).days
        for x, wh in enumerate(day.wh):
            if wh is not None:
                image.setPixel(x, y, palette[wh * 255 // peak])
    return image


@dataclass
class Series:
    label: str
    values: list[float]
    colour: QColor
    bars: bool = False


@dataclass
class ChartData:
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    reference: float | None = None  # a horizontal line, e.g. the contract kW
    reference_label: str = ""
    unit: str = "kW"
    tick_every: int = 1


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    return float((int(value / step) + 1) * step)


class SimpleChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData()
        self.title = ""
        self.setMinimumSize(280, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, title: str, data: ChartData) -> None:
        self.title, self.data = title, data
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.drawText(QRectF(0, 2, self.width(), line), Qt.AlignmentFlag.AlignCenter, self.title)
        data = self.data
        values = [v for s in data.series for v in s.values]
        if data.reference is not None:
            values.append(data.reference)
        if not data.categories or not values:
            painter.end()
            return
        top = _nice_top(max(values))
        left, right = metrics.horizontalAdvance("00000") + 8, 10
        plot = QRectF(left, line * 2.2, self.width() - left - right, self.height() - line * 4.4)
        painter.setPen(QPen(QColor(200, 200, 200)))
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(90, 90, 90))
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{top * i / 4:,.0f}",
            )
            painter.setPen(QPen(QColor(200, 200, 200)))
        painter.setPen(QColor(90, 90, 90))
        painter.drawText(
            QRectF(0, line * 1.1, left + 40, line), Qt.AlignmentFlag.AlignLeft, data.unit
        )
        n = len(data.categories)
        width = plot.width() / n
        for i, text in enumerate(data.categories):
            if i % max(1, data.tick_every) == 0:
                x = plot.left() + width * i
                painter.drawText(
                    QRectF(x - 30, plot.bottom() + 2, width + 60, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
        bar_series = [s for s in data.series if s.bars]
        for index, series in enumerate(bar_series):
            bar = width * 0.7 / max(1, len(bar_series))
            for i, value in enumerate(series.values):
                h = plot.height() * value / top
                x = plot.left() + width * i + width * 0.15 + bar * index
                painter.fillRect(QRectF(x, plot.bottom() - h, bar, h), series.colour)
        for series in (s for s in data.series if not s.bars):
            painter.setPen(QPen(series.colour, 2))
            points = [
                QPointF(plot.left() + width * (i + 0.5), plot.bottom() - plot.height() * v / top)
                for i, v in enumerate(series.values)
            ]
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
        legend = [(s.label, s.colour) for s in data.series]
        if data.reference is not None:
            y = plot.bottom() - plot.height() * data.reference / top
            pen = QPen(QColor(200, 30, 30), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            legend.append((data.reference_label, QColor(200, 30, 30)))
        x = plot.left()
        y = self.height() - line - 2
        for label, colour in legend:
            painter.fillRect(QRectF(x, y + line / 3, 12, line / 3), colour)
            painter.setPen(QColor(60, 60, 60))
            painter.drawText(QPointF(x + 16, y + line * 0.8), label)
            x += metrics.horizontalAdvance(label) + 36
        painter.end()


def kw_list(values: tuple[Decimal, ...] | list[Decimal]) -> list[float]:
    return [float(v) for v in values]
