"""The A4 document the consortium summary and the customer answer are laid out on.

One place for the page (A4, the report's side margins), the file's properties (title, creator
"EcoCheck Desktop <version>", language) and how the footer is drawn: a ``canvasmaker`` such as
:func:`~.layout.numbered_canvas` ("n / N"), or an ``on_page`` function for a one-line footer.
The company report's own frame is ``ReportBuilder.render`` (``report/sections``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from ecocheck_desktop import APP_NAME, __version__
from ecocheck_desktop.report.layout import PAGE_MARGIN, keep_headings_with_start


def render_a4(
    story: list[Any],
    *,
    title: str,
    lang: str,
    top_margin: float = PAGE_MARGIN,
    bottom_margin: float | None = None,
    canvasmaker: type[Any] | None = None,
    on_page: Callable[[Any, Any], None] | None = None,
) -> bytes:
    """``story`` rendered to PDF bytes; ``bottom_margin`` defaults to 18 mm (room for the
    footer)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=top_margin,
        bottomMargin=18 * mm if bottom_margin is None else bottom_margin,
        title=title,
        creator=f"{APP_NAME} {__version__}",
        lang=lang,
    )
    keep_headings_with_start(doc)  # a heading keeps a table's start, not all of it
    frame: dict[str, Any] = {}
    if canvasmaker is not None:
        frame["canvasmaker"] = canvasmaker
    if on_page is not None:
        frame.update(onFirstPage=on_page, onLaterPages=on_page)
    doc.build(story, **frame)
    return buffer.getvalue()
