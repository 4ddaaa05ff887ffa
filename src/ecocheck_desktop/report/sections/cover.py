"""Report items 1-2: the cover, the incomplete-data banner and the one-page summary."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ecocheck_desktop import APP_NAME, __version__
from ecocheck_desktop.report import chart_spec
from ecocheck_desktop.report.layout import ACCENT, FONT_NAME, LIGHT, broken, safe
from ecocheck_desktop.report.sections.kpi import KpiSections
from ecocheck_desktop.report.sections.story import (
    BANNER_BACKGROUND,
    BANNER_BORDER,
    BANNER_REASONS,
    FRAME_WIDTH_MM,
    MARGIN,
    PAGE_HEIGHT,
)
from ecocheck_desktop.text.messages import render as message_text
from ecocheck_desktop.text.numbers import (
    PLACES_GJ,
    PLACES_INTENSITY,
    PLACES_KL,
    fmt,
    fmt_pct,
    fmt_t,
)


class CoverSections(KpiSections):
    """Report items 1-2 of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    # 1-2 cover and summary ----------------------------------------------------

    def cover_and_summary(self) -> None:
        s = self.styles
        company = self.project.company
        self.story += [
            self.p(safe(self.t("title")), s.title),
            self.p(safe(self.t("subtitle")), s.subtitle),
            Spacer(1, 4 * mm),
            # Cut here so the summary stays on page 1; the profile shows the full name.
            self.p(safe(company.name or self.t("not_entered"), 100), s.h1),
        ]
        self.incomplete_banner()
        sites = [site.name for site in self.project.sites] or list(self.year.by_site)
        editions = self._edition_lines()
        rows = [
            (
                self.t("cover.sites"),
                safe("、".join(sites) if self.lang == "ja" else ", ".join(sites), 150),
            ),
            (self.t("cover.fiscal_year"), safe(self._fy_range(self.year.fiscal_year))),
            (
                self.t("cover.prepared_by"),
                safe(
                    self.prepared_by or company.advisor or company.contact or self.t("not_entered"),
                    150,
                ),
            ),
            (self.t("cover.date"), safe(self.today.isoformat())),
            (self.t("cover.app"), safe(f"{APP_NAME} {__version__}")),
            (self.t("cover.editions"), "<br/>".join(safe(e, 200) for e in editions) or "-"),
        ]
        # The editions (four long titles) in the small size: page 1 must hold the summary.
        cover = self.label_table(
            [
                [self.p(safe(k), s.small), self.p(v, s.small if i == len(rows) - 1 else s.user)]
                for i, (k, v) in enumerate(rows)
            ],
            38,
        )
        self.story += [cover, Spacer(1, 3 * mm)]
        first = len(self.story)
        self.summary()
        self._fit_page_one(first)
        self.story.append(PageBreak())

    def _fit_page_one(self, first: int) -> None:
        """Page 1 holds the whole summary: when the blocks above leave too little room (the
        banner of an incomplete year, long notes), the Scope chart gives way to one line of
        its figures, so 「次にすること」 never moves to a page of its own."""
        if _height(self.story, FRAME_WIDTH_MM * mm) <= _PAGE_ONE_HEIGHT:
            return
        index = next(
            (
                i
                for i in range(first, len(self.story))
                if self.story[i] is getattr(self, "_scope_block", None)
            ),
            None,
        )
        if index is not None:
            self.story[index] = self.scope_line()

    def scope_line(self) -> Flowable:
        """The figures of the Scope block on one small line (page 1 when room is short)."""
        joined = " / ".join(f"{label}: {value}" for label, value in self.scope_figures())
        return self.p(safe(joined), self.styles.small)

    def incomplete_banner(self) -> None:
        """Page 1: an incomplete year (the core's one completeness rule) says so and why."""
        if self.year.complete:
            return
        reasons = list(self.year.incomplete_reasons)
        rows = [[self.p(safe(self.t("banner.incomplete", fy=self.fy(self.year.fiscal_year))))]]
        rows += [
            [self.p("• " + safe(message_text(reason, self.lang), 400), self.styles.small)]
            for reason in reasons[:BANNER_REASONS]
        ]
        if len(reasons) > BANNER_REASONS:
            more = self.t("banner.more", count=len(reasons) - BANNER_REASONS)
            rows.append([self.p(safe(more), self.styles.small)])
        banner = Table(rows, colWidths=[FRAME_WIDTH_MM * mm], hAlign="LEFT")
        banner.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), BANNER_BACKGROUND),
                    ("BOX", (0, 0), (-1, -1), 0.8, BANNER_BORDER),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        self.story += [banner, Spacer(1, 3 * mm)]

    def _edition_lines(self) -> list[str]:
        lines = []
        for edition_id in self.year.factor_editions:
            edition = self._edition(edition_id)
            if edition is None:
                lines.append(edition_id)
                continue
            published = f" ({edition.published})" if edition.published else ""
            lines.append(f"{edition.title} — {edition.publisher}{published}")
        return lines

    def summary(self) -> None:
        s = self.styles
        year = self.year
        self.h1("s.summary")
        previous = self.previous_year()
        base = self.base_year
        vs_previous = (
            fmt_pct(year.yoy_change_pct)
            if previous is not None and year.yoy_change_pct is not None
            else self.t("summary.yoy_unavailable")
        )
        if base is not None and base.fiscal_year != year.fiscal_year and base.total_adjusted_t:
            change = (year.total_adjusted_t - base.total_adjusted_t) / base.total_adjusted_t * 100
            vs_base = fmt_pct(change)
            base_label = self.short_fy(base.fiscal_year)
        else:
            vs_base, base_label = "-", self.short_fy(base.fiscal_year) if base else "-"
        if not year.complete:  # a part year is not compared with full years
            vs_previous = vs_base = self.t("summary.not_full_year")
        intensity = year.intensities[0] if year.intensities else None
        intensity_label = ""
        if intensity is not None:
            denominator = intensity.denominator_label(self.lang)
            intensity_label = f" ({denominator})"
        intensity_text = (
            f"{fmt(intensity.value, PLACES_INTENSITY)} {self.unit(intensity.unit)}"
            if intensity
            else "-"
        )
        total_label = self.t("summary.total")
        if not year.complete and len(year.by_month) < 12:
            # A part year is never headlined as a full year.
            total_label += " — " + self.t(
                "summary.part_year", fy=self.short_fy(year.fiscal_year), months=len(year.by_month)
            )
        kpis = [
            (total_label, f"{fmt_t(year.total_adjusted_t)} t-CO2"),
            (self.t("summary.vs_previous"), vs_previous),
            (self.t("summary.vs_base", base=base_label), vs_base),
            (self.t("summary.intensity") + intensity_label, intensity_text),
        ]
        width = FRAME_WIDTH_MM / 2
        # The unit in a smaller size, so a long one (t-CO2/百万円) never leaves 「円」 alone.
        cells = [
            [self.p(safe(label), s.kpi_label), self.p(_tile(value), s.kpi)] for label, value in kpis
        ]
        grid = Table(
            [cells[0] + cells[1], cells[2] + cells[3]],
            colWidths=[width * 0.45 * mm, width * 0.55 * mm] * 2,
            hAlign="LEFT",
        )
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BOX", (0, 0), (-1, -1), 0.5, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        self.story += [grid, Spacer(1, 2 * mm)]
        self.kpi_block()  # the KPI, locked (issue 18), and a base year resting on an estimate
        self._scope_block = self.scope_block()
        self.story += [self._scope_block, Spacer(1, 1 * mm)]
        self.story.append(self.p(safe(self.t("summary.top_measures")), s.h2))
        # The three measures of the plan (or of the ranking) that cut the most CO2.
        top = sorted(self.plan_rows(), key=lambda r: r.t_co2_per_year, reverse=True)[:3]
        for result in top:
            line = self.t(
                "summary.measure_line",
                name=self.name(result),
                t=fmt(result.t_co2_per_year, 2),
                yen=fmt(result.yen_per_year, 0),
            )
            self.story.append(self.p("• " + safe(line), s.small))
        if not top:
            self.story.append(self.plain("summary.no_measures"))
        self.story.append(self.p(safe(self.t("summary.next")), s.h2))
        key = "next.with_measures" if self.project.measure_plan else "next.no_measures"
        self.story.append(self.plain(key))

    def scope_figures(self) -> list[tuple[str, str]]:
        year = self.year
        return [
            (self.t("summary.base_basic"), f"{fmt_t(year.total_basic_t)} t-CO2"),
            (self.t("summary.base_adjusted"), f"{fmt_t(year.total_adjusted_t)} t-CO2"),
            (self.t("summary.base_location"), f"{fmt_t(year.total_location_t)} t-CO2"),
            (self.t("summary.energy"), f"{fmt(year.energy_gj, PLACES_GJ)} GJ"),
            (self.t("summary.crude_oil"), f"{fmt(year.crude_oil_kl, PLACES_KL)} kL"),
        ]

    def scope_block(self) -> Table:
        """The Scope chart with the figures on its three bases beside it (one compact row).

        The chart is 5.5 × 1.3 in drawn 112 mm wide (scale 0.8, its text ≈ 7 pt like the
        tables'): its three bars have room for their labels (at 7 × 1.0 in across the frame
        they crowded) and the row (≈ 27 mm) is lower than the full-width chart and the line of
        figures it replaces (≈ 33 mm), so 「次にすること」 stays on page 1.
        """
        s, year = self.styles, self.year
        chart = _narrow(
            self.chart(chart_spec.scope_chart(year, self.lang, size=(5.5, 1.3))),
            _SCOPE_CHART_MM * mm,
        )
        rows = self.scope_figures()
        room = (FRAME_WIDTH_MM - _SCOPE_CHART_MM) * mm - 12  # the cell's paddings
        figures = [broken(safe(self.t("summary.bases")), s.small, room)]
        for label, value in rows:
            figures.append(broken(safe(label) + ": " + safe(value), s.small, room))
        block = Table(
            [[chart, figures]],
            colWidths=[_SCOPE_CHART_MM * mm, (FRAME_WIDTH_MM - _SCOPE_CHART_MM) * mm],
            hAlign="LEFT",
        )
        block.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),  # else Helvetica (not embedded)
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBEFORE", (1, 0), (1, 0), 0.4, LIGHT),
                ]
            )
        )
        return block


_SCOPE_CHART_MM = 112
# The frame of page 1 (sections/__init__: top margin MARGIN, bottom 18 mm, 6 pt paddings),
# less a few points for the page flow's own rounding.
_PAGE_ONE_HEIGHT = PAGE_HEIGHT - MARGIN - 18 * mm - 12 - 6


def _height(story: list[Flowable], width: float) -> float:
    """The height of ``story`` laid out in one column ``width`` wide (spaces included)."""
    total = 0.0
    for flowable in story:
        if isinstance(flowable, KeepTogether):  # its wrap needs a canvas: measure its parts
            total += _height(flowable._content, width)
            continue
        total += flowable.wrap(width, PAGE_HEIGHT)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _narrow(chart: Flowable, width: float) -> Flowable:
    """A chart flowable (drawn at its ``width``, height by its aspect) scaled to ``width``."""
    chart.height = chart.height * width / chart.width
    chart.width = width
    return chart


def _tile(value: str) -> str:
    """A tile's figure as markup: the number large, its unit small (one line)."""
    number, _, unit = value.partition(" ")
    if not unit or unit == "%":
        return safe(value)
    return f'{safe(number)} <font size="8">{safe(unit)}</font>'
