"""The lender-ready PDF report (reportlab, A4), in Japanese or English: the public entry.

Owns the choice of the reporting year, the refusal of an incomplete one, and the atomic write:
the PDF is built in memory, written to a temporary file beside the target, flushed to disk and
only then moved over the target, so a failed export never leaves a broken or half-written PDF
behind. The content is in :mod:`.sections`; ``selftest_pdf`` is what ``ecocheck selftest`` runs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site
from ecocheck_desktop.report.layout import Styles
from ecocheck_desktop.report.output import write_atomically
from ecocheck_desktop.report.sections import OPTIONAL_SECTIONS, ReportBuilder

if TYPE_CHECKING:
    from ecocheck_desktop.core.results import Footprint


# --------------------------------------------------------------------------- public API


def build_report(project: Project, path: Path, **options: Any) -> None:
    """Write the report of ``project`` to ``path`` (atomically); ``options`` are those of
    :func:`render_report`."""
    write_atomically(Path(path), render_report(project, **options))


def render_report(
    project: Project,
    *,
    lang: str = "ja",
    fiscal_years: list[int] | None = None,
    prepared_by: str = "",
    footprint: Footprint | None = None,
    library: Any = None,
    today: date | None = None,
    sections: Iterable[str] | None = None,
    demand: Iterable[Any] | None = None,
) -> bytes:
    """The report as PDF bytes (nothing is written).

    The reporting year is the latest of ``fiscal_years`` (default: the latest year with data);
    earlier years up to it appear in the trend. ``footprint`` may be passed when the caller has
    calculated already (the GUI), so the PDF shows exactly the figures on screen.
    ``sections`` names the optional sections to include (ids of ``OPTIONAL_SECTIONS``; None:
    all); the cover and summary, the disclaimer and the appendix are always there.
    """
    if lang not in ("ja", "en"):
        raise EcoCheckError(Message("report.bad_language", {"lang": lang}))
    chosen = None if sections is None else frozenset(sections)
    if chosen is not None and not chosen <= set(OPTIONAL_SECTIONS):
        unknown = ", ".join(sorted(chosen - set(OPTIONAL_SECTIONS)))
        raise EcoCheckError(
            Message(
                "report.unknown_section",
                {"sections": unknown, "known": ", ".join(OPTIONAL_SECTIONS)},
            )
        )
    if library is None:
        library = default_library()
    if footprint is None:
        footprint = calculate(project, library, strict=False)
    years = sorted(footprint.years, key=lambda y: y.fiscal_year)
    if not years:
        raise EcoCheckError(Message("report.no_data"))
    if fiscal_years:
        report_year = max(fiscal_years)
        if report_year not in {y.fiscal_year for y in years}:
            raise EcoCheckError(Message("report.fiscal_year_absent", {"fiscal_year": report_year}))
    else:
        with_data = [y for y in years if y.lines] or years
        report_year = with_data[-1].fiscal_year
    current = next(y for y in years if y.fiscal_year == report_year)
    if current.errors:
        # The reporting year must be complete; an incomplete history year is only flagged.
        raise EcoCheckError(*current.errors)
    report = ReportBuilder(
        project=project,
        footprint=footprint,
        year=current,
        history=[y for y in years if y.fiscal_year <= report_year],
        lang=lang,
        styles=Styles(lang),
        library=library,
        prepared_by=prepared_by,
        today=today or date.today(),
        sections=chosen,
    )
    # The meters with their 30-minute data: the デマンド section and DM-01/DM-02 in the plan.
    report.demand_meters = tuple(demand or ())
    return report.render()


def selftest_pdf(tmpdir: Path | str) -> str:
    """Write a small report in ``tmpdir`` and check it; returns a one-line result.

    Raises ``RuntimeError`` (or EcoCheckError) when the PDF is not what it should be.
    """
    months = months_of_fiscal_year(2025)
    project = Project(
        Company("セルフテスト株式会社"),
        sites=[Site("本社工場")],
        records=[
            EnergyRecord(month, "city_gas", Decimal(1000), "m3", cost_yen=Decimal(150000))
            for month in months
        ],
    )
    target = Path(tmpdir) / "selftest-report.pdf"
    build_report(project, target, lang="ja")
    data = target.read_bytes()
    _check(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), "not a PDF")
    _check(b"IPAexGothic" in data, "the Japanese font is not embedded")
    _check(b"/FontFile2" in data, "the font program is not embedded")
    try:
        from pypdf import PdfReader  # a development tool: absent from the installed app
    except ImportError:
        return f"PDF ok: {len(data):,} bytes ({target.name}; text not checked without pypdf)"
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    extracted = "".join(page.extract_text() or "" for page in reader.pages)
    _check("セルフテスト株式会社" in extracted, "the company name is not in the PDF text")
    return f"PDF ok: {pages} pages, {len(data):,} bytes ({target.name})"


def _check(condition: bool, problem: str) -> None:
    # Not assert: the self-test must also check under ``python -O``.
    if not condition:
        raise RuntimeError(f"PDF self-test failed: {problem}")
