"""What the main window loads in the background once an opened project's page has painted
(``main_window._preload_charts`` starts it, ``_wait_for_preload`` waits for it), and
:class:`AfterPaint`, which runs such work once a widget has painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def preload_modules() -> None:
    """matplotlib for the pages' charts, and reportlab with the report's font (its TrueType
    tables read once, about 0.1 s), so that the first PDF export costs what every later one
    does."""
    from matplotlib.backends import backend_qtagg  # noqa: F401

    import ecocheck_desktop.report.charts
    import ecocheck_desktop.report.pdf  # noqa: F401
    from ecocheck_desktop.report.layout import register_font

    register_font()


# When a widget that never paints (hidden, closed first) runs its after-paint work anyway.
AT_LATEST_MS = 3000


class AfterPaint(QObject):
    """Runs ``action`` once, on the event loop, after ``widget`` has painted, or after
    ``at_latest_ms`` when it never paints; not at all once the widget is gone."""

    def __init__(self, widget: QWidget, action: Any, at_latest_ms: int = AT_LATEST_MS) -> None:
        super().__init__(widget)
        self._action = action
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if not self._done:
            self._done = True
            self._action()
