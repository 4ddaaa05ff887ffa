"""The content of the PDF report: its sixteen items, in order.

Owns what each section says and shows (cover and one-page summary, profile, boundary, factors,
results on every basis, intensities, cost, trend and targets, data quality, compliance,
disclaimer, appendix) and the page frame with "n / N" numbers. :mod:`.pdf` is the public entry.

The end-use split, measures and roadmap sections show core.measures' evaluation of the latest
complete fiscal year (the 削減対策 and 目標 pages' figures, to the digit). Every section but
the cover/summary, the disclaimer and the appendix can be left out (``sections``, ids in
:data:`OPTIONAL_SECTIONS`).

One module per group of sections (:mod:`.cover`, :mod:`.company`, :mod:`.results`,
:mod:`.plan`, :mod:`.notes`), each a part of :class:`ReportBuilder` over the shared
:class:`~.story.Story`; this module puts them together in the render order. A new section is
a method on the class of its group, its id in :data:`~.story.OPTIONAL_SECTIONS` at its place in
report order, and its words (keys ``s.<id>`` …) in ``resources/text/report.json``, the TEXTS of
:mod:`ecocheck_desktop.text.report`.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from ecocheck_desktop import APP_NAME, __version__
from ecocheck_desktop.report.layout import clean, keep_headings_with_start, numbered_canvas
from ecocheck_desktop.report.sections.company import CompanySections
from ecocheck_desktop.report.sections.cover import CoverSections
from ecocheck_desktop.report.sections.demand import DemandSections
from ecocheck_desktop.report.sections.loan import LoanSections
from ecocheck_desktop.report.sections.notes import NotesSections
from ecocheck_desktop.report.sections.plan import PlanSections
from ecocheck_desktop.report.sections.results import ResultsSections
from ecocheck_desktop.report.sections.story import MARGIN, OPTIONAL_SECTIONS
from ecocheck_desktop.text.report import text

__all__ = ["OPTIONAL_SECTIONS", "ReportBuilder"]


class ReportBuilder(
    CoverSections,
    CompanySections,
    ResultsSections,
    PlanSections,
    DemandSections,
    NotesSections,
    LoanSections,
):
    """Builds the story (the flowables) of one edition and renders it to PDF bytes."""

    # document ---------------------------------------------------------------

    def render(self) -> bytes:
        wanted = OPTIONAL_SECTIONS if self.sections is None else self.sections
        self.cover_and_summary()
        for name in OPTIONAL_SECTIONS:
            if name in wanted:
                getattr(self, name)()
        self.disclaimer()
        self.appendix()
        buffer = io.BytesIO()
        company = clean(self.project.company.name, 60)
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=18 * mm,
            title=f"{self.t('title')} - {company}",
            author=clean(self.prepared_by or self.project.company.name, 200),
            subject=self.fy(self.year.fiscal_year),
            creator=f"{APP_NAME} {__version__}",
            lang=self.lang,
        )
        keep_headings_with_start(doc)  # a heading keeps a table's start, not all of it
        footer = text("footer_left", self.lang, company=company, fy=self.fy(self.year.fiscal_year))
        doc.build(self.story, canvasmaker=numbered_canvas(footer, self.lang))
        return buffer.getvalue()
