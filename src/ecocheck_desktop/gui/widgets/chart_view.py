"""A matplotlib Figure (built by report.charts) shown in the window through FigureCanvasQTAgg.

Imported only by the results page: matplotlib never loads at start-up.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.setMinimumHeight(220)

    def set_figure(self, figure: Figure) -> None:
        """Show ``figure``, replacing the previous one (whose canvas is deleted)."""
        if self.canvas is not None:
            # Qt keeps owning the old canvas until its deferred delete: taking it out of its
            # parent (setParent(None)) would hand it to Python, which deletes it as soon as the
            # reference below goes, under the pending deleteLater and matplotlib's idle draw.
            self._layout.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # A canvas laid out at zero size (a hidden tab) makes constrained layout give up.
        self.canvas.setMinimumSize(320, 200)
        self._layout.addWidget(self.canvas)
        self.canvas.show()  # a child added to a visible parent is otherwise shown only later
        self.canvas.draw_idle()

    def figure(self) -> Figure | None:
        return self.canvas.figure if self.canvas is not None else None
