"""Drawing a matplotlib ``Figure`` straight onto a reportlab canvas, as vectors.

Owns the bridge that lets the PDF embed the very Figures the GUI shows without rasterising
them: a minimal matplotlib renderer whose paths become PDF paths and whose text becomes PDF text
in the embedded IPAexGothic. Charts stay sharp at any zoom and their labels are searchable; it
also avoids Agg rendering and image compression, the largest cost of a report.

Only what the report's charts use is supported: filled and stroked paths (bars, lines, markers,
spines, grid), clip rectangles, dashes, alpha and plain (non-math) text. Anything else (images,
hatches, gradients) raises ``NotImplementedError`` so :func:`draw_figure`'s caller can fall back
to a bitmap.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.figure import Figure
from matplotlib.path import Path
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ecocheck_desktop.report.layout import FONT_NAME, clean

_POINTS_PER_INCH = 72.0


class _CanvasRenderer(RendererBase):
    """A matplotlib renderer at 72 dpi, so one display unit is one PDF point."""

    def __init__(self, canvas: Canvas, width: float, height: float) -> None:
        super().__init__()
        self.canvas = canvas
        self.width = width
        self.height = height

    # geometry ---------------------------------------------------------------

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def flipy(self) -> bool:
        return False

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    # paths ------------------------------------------------------------------

    def draw_path(
        self, gc: GraphicsContextBase, path: Path, transform: Any, rgbFace: Any = None
    ) -> None:
        if gc.get_hatch() is not None:
            raise NotImplementedError("hatches")
        stroke_rgba = gc.get_rgb()
        linewidth = gc.get_linewidth()
        alpha = gc.get_alpha()
        stroke = linewidth > 0 and stroke_rgba[3] > 0
        fill = rgbFace is not None and (len(rgbFace) < 4 or rgbFace[3] > 0)
        if not stroke and not fill:
            return
        canvas = self.canvas
        canvas.saveState()
        self._clip(gc)
        pdf_path = canvas.beginPath()
        empty = True
        for vertices, code in path.iter_segments(transform, remove_nans=True, simplify=False):
            if code == Path.MOVETO:
                pdf_path.moveTo(vertices[0], vertices[1])
            elif code == Path.LINETO:
                pdf_path.lineTo(vertices[0], vertices[1])
            elif code == Path.CURVE3:
                # Quadratic -> cubic needs the current point; elevate with it.
                x0, y0 = self._current
                cx, cy, x, y = vertices
                pdf_path.curveTo(
                    x0 + 2 / 3 * (cx - x0),
                    y0 + 2 / 3 * (cy - y0),
                    x + 2 / 3 * (cx - x),
                    y + 2 / 3 * (cy - y),
                    x,
                    y,
                )
            elif code == Path.CURVE4:
                pdf_path.curveTo(*vertices)
            elif code == Path.CLOSEPOLY:
                pdf_path.close()
            if code != Path.CLOSEPOLY:
                self._current = (vertices[-2], vertices[-1])
                empty = False
        if empty:
            canvas.restoreState()
            return
        if fill:
            red, green, blue = rgbFace[:3]
            face_alpha = rgbFace[3] if len(rgbFace) > 3 else 1.0
            if alpha is not None:
                face_alpha *= alpha if gc.get_forced_alpha() else 1.0
            canvas.setFillColorRGB(red, green, blue, alpha=face_alpha)
        if stroke:
            red, green, blue, stroke_alpha = stroke_rgba
            canvas.setStrokeColorRGB(red, green, blue, alpha=stroke_alpha)
            canvas.setLineWidth(linewidth)
            canvas.setLineCap({"butt": 0, "round": 1, "projecting": 2}[gc.get_capstyle()])
            canvas.setLineJoin({"miter": 0, "round": 1, "bevel": 2}[gc.get_joinstyle()])
            offset, dashes = gc.get_dashes()
            if dashes:
                canvas.setDash(list(dashes), offset or 0)
        canvas.drawPath(pdf_path, stroke=1 if stroke else 0, fill=1 if fill else 0)
        canvas.restoreState()

    _current: tuple[float, float] = (0.0, 0.0)

    def _clip(self, gc: GraphicsContextBase) -> None:
        box = gc.get_clip_rectangle()
        if box is not None:
            clip = self.canvas.beginPath()
            clip.rect(box.x0, box.y0, box.width, box.height)
            self.canvas.clipPath(clip, stroke=0, fill=0)
        clip_path, clip_transform = gc.get_clip_path()
        if clip_path is not None:
            clip = self.canvas.beginPath()
            for vertices, code in clip_path.iter_segments(clip_transform, simplify=False):
                if code == Path.MOVETO:
                    clip.moveTo(vertices[0], vertices[1])
                elif code == Path.LINETO:
                    clip.lineTo(vertices[0], vertices[1])
                elif code == Path.CLOSEPOLY:
                    clip.close()
                else:
                    raise NotImplementedError("curved clip paths")
            self.canvas.clipPath(clip, stroke=0, fill=0)

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any) -> None:
        raise NotImplementedError("images")

    # text -------------------------------------------------------------------

    def _size(self, prop: Any) -> float:
        return float(prop.get_size_in_points())

    def get_text_width_height_descent(
        self, s: str, prop: Any, ismath: Any
    ) -> tuple[float, float, float]:
        size = self._size(prop)
        ascent, descent = getAscentDescent(FONT_NAME, size)
        return stringWidth(clean(s), FONT_NAME, size), ascent - descent, -descent

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if ismath:
            raise NotImplementedError("math text")
        canvas = self.canvas
        canvas.saveState()
        self._clip(gc)
        red, green, blue, text_alpha = gc.get_rgb()
        canvas.setFillColorRGB(red, green, blue, alpha=text_alpha)
        canvas.setFont(FONT_NAME, self._size(prop))
        canvas.translate(x, y)
        if angle:
            canvas.rotate(angle)
        canvas.drawString(0, 0, clean(s))
        canvas.restoreState()


def figure_size_points(figure: Figure) -> tuple[float, float]:
    width, height = figure.get_size_inches()
    return float(width) * _POINTS_PER_INCH, float(height) * _POINTS_PER_INCH


def draw_figure(figure: Figure, canvas: Canvas, x: float, y: float, width: float) -> None:
    """Draw ``figure`` with its lower-left corner at (x, y), scaled to ``width`` points."""
    figure_width, figure_height = figure_size_points(figure)
    scale = width / figure_width
    original_dpi = figure.dpi
    figure.set_dpi(_POINTS_PER_INCH)
    canvas.saveState()
    try:
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        # Nothing a chart draws may spill outside its own box onto the page.
        box = canvas.beginPath()
        box.rect(0, 0, figure_width, figure_height)
        canvas.clipPath(box, stroke=0, fill=0)
        figure.draw(_CanvasRenderer(canvas, figure_width, figure_height))
    finally:
        canvas.restoreState()
        figure.set_dpi(original_dpi)


class VectorFigure(Flowable):
    """A chart Figure drawn as PDF vectors and text, scaled to a width."""

    def __init__(self, figure: Figure, width: float) -> None:
        super().__init__()
        self.figure = figure
        figure_width, figure_height = figure_size_points(figure)
        self.width, self.height = width, width * figure_height / figure_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_figure(self.figure, self.canv, 0, 0, self.width)
