"""What the main window loads in the background once an opened project's page has painted
(``main_window._preload_charts`` starts it, ``_wait_for_preload`` waits for it)."""

from __future__ import annotations


def preload_modules() -> None:
    """matplotlib for the pages' charts, and reportlab with the report's font (its TrueType
    tables read once, about 0.1 s), so that the first PDF export costs what every later one
    does."""
    from matplotlib.backends import backend_qtagg  # noqa: F401

    import ecocheck_desktop.report.charts
    import ecocheck_desktop.report.pdf  # noqa: F401
    from ecocheck_desktop.report.layout import register_font

    register_font()
