"""Page 1 of the demo report (issue 18 items 2 and 3): the Scope chart beside its figures, the
three measures and 「次にすること」 all on page 1 in both editions; the demo's bank fields print
on the loan and declaration pages."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.pdf import render_report
from ecocheck_desktop.text.numbers import fmt_t
from ecocheck_desktop.text.report import text

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def pages() -> dict[str, list[str]]:
    project = demo_project()
    out = {}
    for lang in ("ja", "en"):
        data = render_report(project, lang=lang, today=TODAY)
        out[lang] = [
            "".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages
        ]
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_one_holds_the_chart_figures_measures_and_next_step(
    pages: dict[str, list[str]], lang: str
) -> None:
    project = demo_project()
    year = calculate(project, default_library()).year(2025)
    first = pages[lang][0]
    for key in ("summary.bases", "summary.top_measures", "summary.next", "chart.location"):
        assert "".join(text(key, lang).split()) in first, key
    for value in (year.total_basic_t, year.total_adjusted_t, year.total_location_t):
        assert fmt_t(value) + "t-CO2" in first


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_demo_bank_fields_print(pages: dict[str, list[str]], lang: str) -> None:
    company = demo_project().company
    everything = "".join(pages[lang])
    for value in (company.representative_name, company.representative_title, company.lender_name):
        assert "".join(value.split()) in everything, value


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_part_year_keeps_its_summary_on_page_one(lang: str) -> None:
    """The incomplete-year banner takes room: the Scope chart gives way to a line of its
    figures rather than 「次にすること」 moving to a page of its own."""
    project = demo_project()
    project.records = [r for r in project.records if r.month < "2025-12"]  # 8 months of FY2025
    data = render_report(project, lang=lang, today=TODAY)
    first = "".join((PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split())
    assert "".join(text("summary.next", lang).split()) in first
    assert "".join(text("summary.base_location", lang).split()) in first  # the figures line
