"""The consortium summary as a short PDF (A4, Japanese or English): the figures of
:class:`~ecocheck_desktop.report.consortium.ConsortiumSummary` in tables and one bar chart.

Built with reportlab alone (the chart too, and its own numbered canvas), like the company
report, whose charts report/chart_pdf.py draws: importing matplotlib would cost a command-line run
half a second. Written atomically like every export.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ecocheck_desktop import __version__
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.report.consortium import (
    HUNDRED,
    TOP_EMITTERS,
    ZERO,
    ConsortiumSummary,
    short_year,
)
from ecocheck_desktop.report.document import render_a4
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


def render_consortium_pdf(
    summary: ConsortiumSummary,
    *,
    lang: str = "ja",
    anonymise: bool = False,
    title_note: str = "",
    today: date | None = None,
) -> bytes:
    """A short A4 summary (two or three pages) in Japanese or English."""
    if lang not in ("ja", "en"):
        raise EcoCheckError(Message("report.bad_language", {"lang": lang}))
    s = Styles(lang)

    def t(key: str, **params: object) -> str:
        return text(f"consortium.{key}", lang, **params)

    def heads(keys: str) -> list[str]:
        """A table's column headings, by their keys separated by spaces."""
        return [t(key) for key in keys.split()]

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

    dash = t("suppressed_cell")
    any_suppressed = False

    hidden = summary.hidden_cells(anonymise)

    def hide(value: str, companies: int, key: tuple[str, str, str] | None = None) -> str:
        """``value``, or "—" when anonymised and the cell aggregates fewer than 3 companies or
        is hidden so that another cannot be recovered by subtraction (``key``: its CSV key)."""
        nonlocal any_suppressed
        if summary.suppressed(companies, anonymise) or key in hidden:
            any_suppressed = True
            return dash
        return value

    story.append(p(safe(t("h_overview")), s.h1))
    share = summary.share_with_plan_pct
    full = summary.full_year
    overview = [
        (t("full_year"), t("companies_value", n=full)),
        (t("scope1"), hide(fmt_t(summary.scope1_t) + " t-CO2", full, ("overview", "", "scope1_t"))),
        (
            t("scope2"),
            hide(
                fmt_t(summary.scope2_adjusted_t) + " t-CO2",
                full,
                ("overview", "", "scope2_adjusted_t"),
            ),
        ),
        (
            t("total"),
            hide(fmt_t(summary.total_t) + " t-CO2", full, ("overview", "", "total_adjusted_t")),
        ),
        (t("energy"), hide(fmt(summary.energy_gj, 0) + " GJ", full)),
        (t("with_plan"), t("with_plan_value", n=summary.with_plan, share=fmt(share, 1))),
        (
            t("planned"),
            hide(
                fmt_t(summary.plan_reduction_t) + " t-CO2/" + t("per_year"),
                summary.with_plan_figure,
            ),
        ),
        (
            t("with_target"),
            t("companies_value", n=summary.with_target)
            + " / "
            + hide(fmt_t(summary.target_reduction_t) + " t-CO2", summary.with_target),
        ),
    ]
    if summary.part_year:
        overview.insert(1, (t("part_year_companies"), t("companies_value", n=summary.part_year)))
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
    story.append(p(safe(t("full_year_note")), s.small))

    story.append(p(safe(t("h_progress")), s.h1))
    story.append(p(safe(t("progress_note"))))
    progress_rows = []
    for line in summary.companies:
        if not line.has_progress:
            continue
        on_path = line.on_path
        progress_rows.append(
            (
                safe(summary.company_name(line, lang, anonymise), 40),
                short_year(line.base_year or 0, lang),
                hide(fmt_t(line.base_total_t), 1),  # one company's own t-CO2
                short_year(line.fiscal_year, lang),
                hide(fmt_t(line.total_t), 1),
                fmt(line.change_pct, 1) + " %",
                hide(fmt_t(line.path_t), 1),
                t("yes") if on_path else t("no"),
            )
        )
    totals = summary.progress
    n_progress = int(totals["companies"] or 0)
    if n_progress:
        progress_rows.append(
            (
                safe(t("progress_total", n=n_progress)),
                "",
                hide(fmt_t(totals["base_t"]), n_progress),  # type: ignore[arg-type]
                "",
                hide(fmt_t(totals["latest_t"]), n_progress),  # type: ignore[arg-type]
                hide(fmt(totals["change_pct"], 1) + " %", n_progress),  # type: ignore[arg-type]
                hide(fmt_t(totals["path_t"]), n_progress),  # type: ignore[arg-type]
                t("on_path_value", n=totals["on_path"], total=n_progress),
            )
        )
        story.append(
            table(
                s,
                heads("company base_fy base_t fy latest_t change path_t on_path"),
                progress_rows,
                [32, 18, 22, 20, 22, 16, 24, 22],
                numeric=[2, 4, 5, 6],
                total_row=True,
            )
        )
    else:
        story.append(p(safe(t("progress_none"))))

    story.append(p(safe(t("h_industry")), s.h1))
    industry_rows = []
    for industry, group in sorted(summary.by_industry.items(), key=lambda i: -i[1].total_t):
        n = group.companies
        share_t = group.total_t * HUNDRED / summary.total_t if summary.total_t else None
        industry_rows.append(
            (
                safe(industry or t("not_entered"), 60),
                str(n) + (f" (+{group.part_year}†)" if group.part_year else ""),
                hide(fmt_t(group.total_t), n, ("industry", industry, "total_adjusted_t")),
                hide(
                    fmt(share_t, 1) + " %" if share_t is not None else "-",
                    n,
                    ("industry", industry, "total_adjusted_t"),
                ),
                hide(fmt(group.median_intensity, 3), len(group.intensities)),
            )
        )
    story.append(
        table(
            s,
            heads("industry companies total_t share median_intensity"),
            industry_rows,
            [68, 20, 30, 20, 32],
            numeric=[1, 2, 3, 4],
        )
    )
    if any_suppressed:
        story.append(p(safe(t("suppressed_note")), s.small))

    story.append(p(safe(t("h_energy")), s.h1))
    energy_rows = []
    energy_total = sum(summary.by_energy.values(), ZERO)
    for code, t_co2 in sorted(summary.by_energy.items(), key=lambda item: -item[1]):
        share_t = t_co2 * HUNDRED / energy_total if energy_total else None
        energy_rows.append(
            (
                safe(energy_name(code, lang)),
                hide(
                    fmt_t(t_co2), summary.energy_companies.get(code, 0), ("energy", code, "t_co2")
                ),
                hide(
                    fmt(share_t, 1) + " %" if share_t is not None else "-",
                    summary.energy_companies.get(code, 0),
                    ("energy", code, "t_co2"),
                ),
            )
        )
    story.append(
        table(
            s,
            heads("energy_type total_t share"),
            energy_rows,
            [70, 40, 30],
            numeric=[1, 2],
        )
    )

    quantiles = summary.intensity_quantiles()
    values = summary.intensities
    story.append(
        KeepTogether(
            [
                p(safe(t("h_intensity")), s.h1),
                p(safe(t("intensity_note", n=len(summary.intensities)))),
                table(
                    s,
                    [t(f"q_{name}") for name in quantiles],
                    [
                        [
                            hide(fmt(value, 3), len(values), ("intensity", key, "intensity"))
                            for key, value in quantiles.items()
                        ]
                    ],
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
        industry = summary.industry_shown(line, anonymise)
        if industry is None:
            any_suppressed = True
        quality = f"{line.pcaf_score or '-'} ({line.pcaf_option or '-'})"
        if line.share_estimated_pct:
            quality += " " + t("estimated_share", pct=fmt(line.share_estimated_pct, 1))
        largest_rows.append(
            (
                safe(summary.company_name(line, lang, anonymise), 40),
                safe((industry or t("not_entered")) if industry is not None else dash, 30),
                short_year(line.fiscal_year, lang) + ("†" if line.part_year else ""),
                hide(fmt_t(line.total_t), 1),  # one company's own figures: a cell of 1
                hide(fmt(line.intensity, 3), 1),
                safe(quality),
                hide(fmt_t(line.plan_reduction_t), 1),
                hide(fmt_t(line.target_reduction_t), 1),
            )
        )
    story.append(
        table(
            s,
            heads("company industry fy total_t intensity quality plan_t target_t"),
            largest_rows,
            [32, 28, 16, 22, 16, 22, 20, 20],
            numeric=[3, 4, 6, 7],
        )
    )
    story.append(p(safe(t("planned_note")), s.small))
    if summary.part_year:
        story.append(p(safe(t("part_year_note")), s.small))
    story.append(p(safe(t("quality_note")), s.small))
    if any_suppressed:
        story.append(p(safe(t("suppressed_note")), s.small))
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

    footer = f"{t('title')} — EcoCheck Desktop {__version__}"
    return render_a4(story, title=t("title"), lang=lang, canvasmaker=numbered_canvas(footer, lang))


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

    Not a matplotlib Figure: importing matplotlib would cost a command-line run half a second
    for one plain bar chart.
    """
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
