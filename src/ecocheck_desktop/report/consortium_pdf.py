"""The consortium summary as a short PDF (A4, Japanese or English): the figures of
:class:`~ecocheck_desktop.report.consortium.ConsortiumSummary` in tables and one bar chart.

Built with reportlab alone (the chart too, and its own numbered canvas): the company report's
``report.sections`` and ``report.charts`` import matplotlib, which would cost a command-line run
over a second. Written atomically like every export.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ecocheck_desktop import __version__
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.report.consortium import (
    HUNDRED,
    TOP_EMITTERS,
    ZERO,
    ConsortiumSummary,
    short_year,
)
from ecocheck_desktop.report.layout import (
    ACCENT,
    FONT_NAME,
    PAGE_MARGIN,
    RULE,
    Styles,
    numbered_canvas,
    register_font,
    safe,
    table,
)
from ecocheck_desktop.report.output import write_atomically
from ecocheck_desktop.text.numbers import fmt, fmt_t
from ecocheck_desktop.text.report import energy_name, fiscal_year_label, text

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


def render_consortium_pdf(
    summary: ConsortiumSummary,
    *,
    lang: str = "ja",
    anonymise: bool = False,
    title_note: str = "",
    today: date | None = None,
) -> bytes:
    """A short A4 summary (two or three pages) in Japanese or English."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    if lang not in ("ja", "en"):
        raise EcoCheckError(Message("report.bad_language", {"lang": lang}))
    s = Styles(lang)

    def t(key: str, **params: object) -> str:
        return text(f"consortium.{key}", lang, **params)

    def p(markup: str, style: object = None) -> Paragraph:
        return Paragraph(markup, style or s.body)

    width_mm = (A4[0] - 2 * PAGE_MARGIN) / mm
    story: list[object] = [
        p(safe(t("title")), s.title),
        p(safe(t("subtitle")), s.subtitle),
        Spacer(1, 3 * mm),
    ]
    years = summary.fiscal_years
    year_text = "-"
    if years is not None:
        first, last = (fiscal_year_label(y, lang) for y in years)
        year_text = first if years[0] == years[1] else f"{first} – {last}"
    facts = [
        (t("date"), (today or date.today()).isoformat()),
        (t("files"), t("files_value", files=summary.files, companies=summary.readable)),
        (t("years"), year_text),
    ]
    if title_note:
        facts.insert(0, (t("source"), title_note))
    story.append(
        table(s, [t("item"), t("value")], [(safe(a), safe(b)) for a, b in facts], [50, 120])
    )

    story.append(p(safe(t("h_overview")), s.h1))
    share = summary.share_with_plan_pct
    overview = [
        (t("scope1"), fmt_t(summary.scope1_t) + " t-CO2"),
        (t("scope2"), fmt_t(summary.scope2_adjusted_t) + " t-CO2"),
        (t("total"), fmt_t(summary.total_t) + " t-CO2"),
        (t("energy"), fmt(summary.energy_gj, 0) + " GJ"),
        (t("with_plan"), t("with_plan_value", n=summary.with_plan, share=fmt(share, 1))),
        (t("planned"), fmt_t(summary.planned_reduction_t) + " t-CO2/" + t("per_year")),
        (
            t("target_only"),
            t("target_only_value", n=summary.with_target_only, t=fmt_t(summary.target_reduction_t)),
        ),
    ]
    if summary.unreadable:
        overview.append((t("unreadable"), t("unreadable_value", n=len(summary.unreadable))))
    story.append(
        table(
            s,
            [t("item"), t("value")],
            [(safe(a), safe(b)) for a, b in overview],
            [70, 100],
            numeric=[1],
        )
    )

    story.append(p(safe(t("h_industry")), s.h1))
    industry_rows = []
    for industry, group in sorted(summary.by_industry.items(), key=lambda i: -i[1].total_t):
        share_t = group.total_t * HUNDRED / summary.total_t if summary.total_t else None
        industry_rows.append(
            (
                safe(industry or t("not_entered"), 60),
                str(group.companies),
                fmt_t(group.total_t),
                fmt(share_t, 1) + " %" if share_t is not None else "-",
                fmt(group.median_intensity, 3),
            )
        )
    story.append(
        table(
            s,
            [t("industry"), t("companies"), t("total_t"), t("share"), t("median_intensity")],
            industry_rows,
            [68, 20, 30, 20, 32],
            numeric=[1, 2, 3, 4],
        )
    )

    story.append(p(safe(t("h_energy")), s.h1))
    energy_rows = []
    energy_total = sum(summary.by_energy.values(), ZERO)
    for code, t_co2 in sorted(summary.by_energy.items(), key=lambda item: -item[1]):
        share_t = t_co2 * HUNDRED / energy_total if energy_total else None
        energy_rows.append(
            (
                safe(energy_name(code, lang)),
                fmt_t(t_co2),
                fmt(share_t, 1) + " %" if share_t is not None else "-",
            )
        )
    story.append(
        table(
            s,
            [t("energy_type"), t("total_t"), t("share")],
            energy_rows,
            [70, 40, 30],
            numeric=[1, 2],
        )
    )

    quantiles = summary.intensity_quantiles()
    story.append(
        KeepTogether(
            [
                p(safe(t("h_intensity")), s.h1),
                p(safe(t("intensity_note", n=len(summary.intensities)))),
                table(
                    s,
                    [t(f"q_{name}") for name in quantiles],
                    [[fmt(value, 3) for value in quantiles.values()]],
                    [width_mm / 6.2] * 6,
                    numeric=range(6),
                ),
                Spacer(1, 2 * mm),
                intensity_chart(summary, lang, width_mm * mm * 0.8),
            ]
        )
    )

    story.append(p(safe(t("h_largest", n=min(TOP_EMITTERS, summary.readable))), s.h1))
    largest_rows = []
    for line in summary.largest():
        largest_rows.append(
            (
                safe(summary.company_name(line, lang, anonymise), 40),
                safe(line.industry or t("not_entered"), 30),
                short_year(line.fiscal_year, lang),
                fmt_t(line.total_t),
                fmt(line.intensity, 3),
                fmt_t(line.planned_reduction_t)
                + (" *" if line.planned_reduction_source == "target" else ""),
            )
        )
    story.append(
        table(
            s,
            [t("company"), t("industry"), t("fy"), t("total_t"), t("intensity"), t("planned_t")],
            largest_rows,
            [44, 46, 18, 24, 18, 26],
            numeric=[3, 4, 5],
        )
    )
    story.append(p(safe(t("planned_note")), s.small))
    story.append(p(safe(t("h_method")), s.h1))
    for key in (
        "method_year",
        "method_basis",
        "method_plan",
        "method_anonymous" if anonymise else "method_named",
    ):
        story.append(p(safe(t(key))))
    if summary.unreadable and not anonymise:
        names = (
            "、".join(n for n, _ in summary.unreadable)
            if lang == "ja"
            else ", ".join(n for n, _ in summary.unreadable)
        )
        story.append(p(safe(t("unreadable_files", files=names), 1500), s.small))

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=18 * mm,
        title=t("title"),
        creator=f"EcoCheck Desktop {__version__}",
        lang=lang,
    )
    footer = f"{t('title')} — EcoCheck Desktop {__version__}"
    doc.build(story, canvasmaker=numbered_canvas(footer, lang))
    return buffer.getvalue()


def write_consortium_pdf(
    summary: ConsortiumSummary,
    path: Path,
    *,
    lang: str = "ja",
    anonymise: bool = False,
    title_note: str = "",
) -> None:
    data = render_consortium_pdf(summary, lang=lang, anonymise=anonymise, title_note=title_note)
    write_atomically(Path(path), data)


def intensity_chart(summary: ConsortiumSummary, lang: str, width: float) -> Drawing:
    """Companies per intensity band: a bar chart drawn with reportlab itself.

    Not a matplotlib Figure like the report's charts: importing matplotlib would cost a
    command-line run over a second for one plain bar chart.
    """
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String

    register_font()
    bands = summary.intensity_bands()
    counts = [count for _, count in bands]
    height = width * 0.34
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica unless told otherwise: an unembedded font.
    drawing.initialFontName = FONT_NAME
    chart = VerticalBarChart()
    chart.x, chart.y = 42, 34
    chart.width, chart.height = width - 60, height - 50
    chart.data = [counts]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*counts, 1]) * 1.15
    chart.valueAxis.valueStep = _step(max([*counts, 1]))
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.categoryAxis.categoryNames = [label for label, _ in bands]
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -3
    drawing.add(chart)
    x_label = String(chart.x + chart.width / 2, 4, text("consortium.chart_x", lang))
    y_label = String(4, chart.y + chart.height + 6, text("consortium.chart_y", lang))
    for label in (x_label, y_label):
        label.fontName, label.fontSize = FONT_NAME, 8
    x_label.textAnchor = "middle"
    drawing.add(x_label)
    drawing.add(y_label)
    return drawing


def _step(largest: int) -> int:
    """A value-axis step giving at most about six grid lines."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if largest / step <= 6:
            return step
    return 10 ** len(str(largest))
