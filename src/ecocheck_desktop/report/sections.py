"""The content of the PDF report: reference/report-contents.md items 1-16, in order.

Owns what each section says and shows (cover and one-page summary, profile, boundary, factors,
results on every basis, intensities, cost, trend and targets, data quality, compliance,
disclaimer, appendix) and the page frame with "n / N" numbers. :mod:`.pdf` is the public entry.

Sections that later features fill in (end-use split, measures, roadmap) are separate methods
driven by ``project.measure_plan``; today they say honestly that nothing is selected yet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ecocheck_desktop import APP_NAME, __version__
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.report import charts, vector
from ecocheck_desktop.report.layout import (
    ACCENT,
    CELL_LIMIT,
    FONT_NAME,
    LIGHT,
    Styles,
    clean,
    safe,
    table,
)
from ecocheck_desktop.report.texts import (
    PLACES_GJ,
    PLACES_INTENSITY,
    PLACES_KL,
    PLACES_YEN,
    TEXTS,
    energy_name,
    fiscal_year_label,
    fmt,
    fmt_pct,
    fmt_quantity,
    fmt_t,
    formulas,
    how_text,
    message_text,
    text,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ecocheck_desktop.core.footprint import Footprint, YearResult


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
FRAME_WIDTH_MM = (PAGE_WIDTH - 2 * MARGIN) / mm  # 178 mm
APPENDIX_ROW_LIMIT = 600
NOTE_LIMIT = 40
SHOENE_LINE_KL = Decimal(1500)
FURON_LINE_T = Decimal(1000)


# --------------------------------------------------------------------------- page frame


def _canvas_class(footer_left: str, lang: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers page output so each page can say "n / N" once N is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start in our font so no unembedded Helvetica is referenced.
            kwargs["initialFontName"] = FONT_NAME
            kwargs["initialFontSize"] = 9
            kwargs["initialLeading"] = 12
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(FONT_NAME, 7.5)
            self.setFillColor(ACCENT)
            self.setStrokeColor(ACCENT)
            self.setLineWidth(0.4)
            self.line(MARGIN, 12 * mm, PAGE_WIDTH - MARGIN, 12 * mm)
            self.drawString(MARGIN, 8 * mm, footer_left)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, 8 * mm, text("page", lang, n=number, total=total)
            )
            self.restoreState()

    return NumberedCanvas


# --------------------------------------------------------------------------- the report


@dataclass
class ReportBuilder:
    """Builds the story (the flowables) of one edition and renders it to PDF bytes."""

    project: Project
    footprint: Footprint
    year: YearResult
    history: list[YearResult]
    lang: str
    styles: Styles
    library: Any
    prepared_by: str
    today: date
    story: list[Flowable] = field(default_factory=list)

    # helpers ---------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        return text(key, self.lang, **params)

    def p(self, markup: str, style: Any = None) -> Paragraph:
        return Paragraph(markup, style or self.styles.body)

    def plain(self, key: str, **params: object) -> Paragraph:
        """One of our own sentences; parameters are user text and get escaped."""
        return self.p(safe(self.t(key, **params)))

    def h1(self, key: str) -> None:
        self.story.append(self.p(safe(self.t(key)), self.styles.h1))

    def h2(self, label: str) -> None:
        self.story.append(self.p(safe(label), self.styles.h2))

    def fy(self, fiscal_year: int) -> str:
        return fiscal_year_label(fiscal_year, self.lang)

    def short_fy(self, fiscal_year: int) -> str:
        return f"{fiscal_year}年度" if self.lang == "ja" else f"FY{fiscal_year}"

    def chart(self, figure: Figure) -> Flowable:
        return vector.VectorFigure(figure, FRAME_WIDTH_MM * mm)

    def add_table(self, flowable: Flowable) -> None:
        self.story += [flowable, Spacer(1, 2.5 * mm)]

    def unit(self, unit: str) -> str:
        if self.lang == "ja":
            return unit
        return (
            unit.replace("百万円", "million yen")
            .replace("千", "thousand ")
            .replace("/人", "/person")
            .replace("単位", "unit")
        )

    @property
    def data(self) -> Any:
        return self.project.fiscal_years.get(self.year.fiscal_year)

    @property
    def base_year(self) -> YearResult | None:
        complete = [y for y in self.history if y.complete and y.lines]
        if self.project.targets:
            wanted = self.project.targets[0].base_year
            return next((y for y in complete if y.fiscal_year == wanted), None)
        return complete[0] if complete else None

    def previous_year(self) -> YearResult | None:
        wanted = self.year.fiscal_year - 1
        return next((y for y in self.history if y.fiscal_year == wanted and y.complete), None)

    # document ---------------------------------------------------------------

    def render(self) -> bytes:
        for section in (
            self.cover_and_summary,
            self.profile,
            self.boundary,
            self.factors,
            self.results,
            self.intensities,
            self.cost,
            self.end_use,
            self.trend,
            self.measures,
            self.roadmap,
            self.quality,
            self.compliance,
            self.disclaimer,
            self.appendix,
        ):
            section()
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
        footer = text("footer_left", self.lang, company=company, fy=self.fy(self.year.fiscal_year))
        doc.build(self.story, canvasmaker=_canvas_class(footer, self.lang))
        return buffer.getvalue()

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
        cover = Table(
            [[self.p(safe(k), s.small), self.p(v, s.user)] for k, v in rows],
            colWidths=[38 * mm, (FRAME_WIDTH_MM - 38) * mm],
            hAlign="LEFT",
        )
        cover.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        self.story += [cover, Spacer(1, 3 * mm)]
        self.summary()
        self.story.append(PageBreak())

    def _fy_range(self, fiscal_year: int) -> str:
        months = months_of_fiscal_year(fiscal_year, self.project.company.fy_start_month)
        return f"{self.fy(fiscal_year)} ({months[0]} – {months[-1]})"

    def _edition(self, edition_id: str) -> Any:
        try:
            return self.library.edition(edition_id)
        except (KeyError, AttributeError, EcoCheckError):
            return None

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
        intensity = year.intensities[0] if year.intensities else None
        intensity_label = ""
        if intensity is not None:
            denominator = (
                intensity.denominator_label_ja
                if self.lang == "ja"
                else intensity.denominator_label_en
            )
            intensity_label = f" ({denominator})"
        intensity_text = (
            f"{fmt(intensity.value, PLACES_INTENSITY)} {self.unit(intensity.unit)}"
            if intensity
            else "-"
        )
        kpis = [
            (self.t("summary.total"), f"{fmt_t(year.total_adjusted_t)} t-CO2"),
            (self.t("summary.vs_previous"), vs_previous),
            (self.t("summary.vs_base", base=base_label), vs_base),
            (self.t("summary.intensity") + intensity_label, intensity_text),
        ]
        width = FRAME_WIDTH_MM / 2
        cells = [
            [self.p(safe(label), s.kpi_label), self.p(safe(value), s.kpi)] for label, value in kpis
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
        basis_rows = [
            (self.t("summary.total_basic"), f"{fmt_t(year.total_basic_t)} t-CO2"),
            (self.t("summary.total_location"), f"{fmt_t(year.total_location_t)} t-CO2"),
            (
                self.t("summary.energy"),
                f"{fmt(year.energy_gj, PLACES_GJ)} GJ ({fmt(year.crude_oil_kl, PLACES_KL)} kL"
                + (" 原油換算)" if self.lang == "ja" else " crude oil eq.)"),
            ),
        ]
        self.story += [self.p(safe(f"{label}: {value}")) for label, value in basis_rows]
        self.story.append(
            self.chart(charts.scope_chart(year, self.lang, size=(7, 1.9), layout="fixed"))
        )
        self.story.append(self.p(safe(self.t("summary.top_measures")), s.h2))
        if self.project.measure_plan:
            for measure in self.project.measure_plan[:3]:
                self.story.append(self.p("• " + safe(measure.measure_id, 120), s.user))
        else:
            self.story.append(self.plain("summary.no_measures"))
        self.story.append(self.p(safe(self.t("summary.next")), s.h2))
        key = "next.with_measures" if self.project.measure_plan else "next.no_measures"
        self.story.append(self.plain(key))

    # 3 profile ----------------------------------------------------------------

    def profile(self) -> None:
        s = self.styles
        company = self.project.company
        checklist = self.project.checklist
        data = self.data
        nothing = self.t("not_entered")

        def number(value: Decimal | None, places: int = 0) -> str:
            return fmt(value, places) if value is not None else nothing

        production = nothing
        if data is not None and data.production_quantity is not None:
            production = f"{fmt_quantity(data.production_quantity)} {data.production_unit}"
        # Keys of resources/measures/checklist.json (the equipment checklist).
        operating = " / ".join(
            self.t(key, n=checklist[answer])
            for answer, key in (
                ("operating_days_per_year", "profile.days"),
                ("operating_hours_per_day", "profile.hours"),
            )
            if checklist.get(answer) not in (None, "")
        )
        vehicles = ", ".join(
            self.t(key, n=checklist[answer])
            for answer, key in (
                ("vehicles_gasoline_count", "profile.gasoline_cars"),
                ("vehicles_diesel_count", "profile.diesel_vehicles"),
            )
            if checklist.get(answer) not in (None, "")
        )
        rows = [
            (self.t("cover.company"), company.name or nothing),
            (self.t("profile.industry"), company.industry or nothing),
            (
                self.t("profile.address"),
                " ".join(x for x in (company.city, company.address) if x) or nothing,
            ),
            (self.t("profile.fy"), self._fy_range(self.year.fiscal_year)),
            (self.t("profile.employees"), number(data.employees if data else None)),
            (self.t("profile.revenue"), number(data.revenue_million_yen if data else None, 1)),
            (
                self.t("profile.value_added"),
                number(data.value_added_million_yen if data else None, 1),
            ),
            (self.t("profile.products"), _entered(checklist.get("main_products"), nothing)),
            (self.t("profile.production"), production),
            (self.t("profile.floor_area"), number(data.floor_area_m2 if data else None)),
            (self.t("profile.operating"), operating or nothing),
            (self.t("profile.vehicles"), vehicles or nothing),
            (self.t("profile.contact"), company.contact or nothing),
            (self.t("profile.advisor"), company.advisor or nothing),
        ]
        self.h1("s.profile")
        # Full user text here (wrapped anywhere), never cut: this is where long names are read.
        profile = Table(
            [[self.p(safe(k), s.small), self.p(safe(v), s.user)] for k, v in rows],
            colWidths=[48 * mm, (FRAME_WIDTH_MM - 48) * mm],
            hAlign="LEFT",
        )
        profile.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        self.story.append(profile)

    # 4 boundary and method ----------------------------------------------------

    def boundary(self) -> None:
        self.h1("s.boundary")
        sites = [site.name for site in self.project.sites] or list(self.year.by_site)
        self.story.append(self.p(safe(self.t("boundary.sites")), self.styles.h2))
        for site in self.project.sites or []:
            line = site.name + (f" ({site.address})" if site.address else "")
            self.story.append(self.p("• " + safe(line, 400), self.styles.user))
        if not self.project.sites:
            self.story.append(self.p("• " + safe(", ".join(sites), 400), self.styles.user))
        self.story.append(self.p(safe(self.t("boundary.contracts")), self.styles.h2))
        if self.project.contracts:
            rows = []
            for contract in self.project.contracts:
                menu = contract.menu
                if contract.factor_adjusted is not None or contract.factor_basic is not None:
                    value = contract.factor_adjusted or contract.factor_basic
                    menu = f"{menu} {value} ({contract.factor_source})".strip()
                rows.append(
                    [
                        safe(contract.site, CELL_LIMIT),
                        safe(energy_name(contract.energy, self.lang)),
                        safe(self._supplier_name(contract.supplier, contract.energy), CELL_LIMIT),
                        safe(menu or "-", CELL_LIMIT),
                    ]
                )
            header = [self.t(f"boundary.{k}") for k in ("site", "energy", "supplier", "menu")]
            self.add_table(table(self.styles, header, rows, [40, 28, 55, 55]))
        else:
            self.story.append(self.plain("boundary.no_contracts"))
        self.story.append(Spacer(1, 2 * mm))
        self.story.append(self.plain("boundary.basis"))
        estimated = sorted({line.month for line in self.year.lines if line.estimated})
        self.story.append(
            self.plain(
                "boundary.source",
                n=len(self.year.lines),
                months=", ".join(estimated) or self.t("none"),
            )
        )

    def _supplier_name(self, supplier: str, energy: str) -> str:
        """``A0269 東京電力エナジーパートナー(株)`` for a registration number in the right list."""
        if not supplier:
            return "-"
        fiscal_year = self.year.fiscal_year
        try:
            if energy == "electricity":
                rows = self.library.search_retailers(fiscal_year, supplier)
            elif energy in ("city_gas", "heat"):
                kind = "gas" if energy == "city_gas" else "heat"
                rows = self.library.supplier_menus(kind, fiscal_year, supplier)
            else:
                rows = []
        except Exception:  # a name lookup must never break the report
            rows = []
        if rows and getattr(rows[0], "reg_no", "") == supplier:
            return f"{supplier} {rows[0].supplier_name}"
        return supplier

    # 5 factors ----------------------------------------------------------------

    def factors(self) -> None:
        self.h1("s.factors")
        if not self.year.factors_used:
            self.story.append(self.plain("factor.none"))
            return
        rows = []
        for use in self.year.factors_used:
            edition = self._edition(use.edition_id)
            if edition is not None:
                where = f"{edition.title} / {edition.publisher}"
                where += f" / {edition.published}" if edition.published else ""
                url = edition.source_url or use.source_url
            else:
                where = use.edition_title or use.edition_id or "-"
                url = use.source_url
            rows.append(
                [
                    safe(use.label, CELL_LIMIT),
                    safe(_factor_value(use.value)),
                    safe(self.unit(use.unit)),
                    safe(how_text(use.how, self.lang)),
                    safe(where, 160),
                    safe(url or "-", 160),
                ]
            )
        header = [
            self.t(f"factor.{k}") for k in ("label", "value", "unit", "how", "edition", "source")
        ]
        self.add_table(table(self.styles, header, rows, [36, 16, 25, 18, 45, 38], numeric=[1]))
        if any(r.fiscal_year == self.year.fiscal_year for r in self.project.refrigerants):
            self.story.append(self.plain("factor.gwp"))

    # 6 results ----------------------------------------------------------------

    def results(self) -> None:
        s = self.styles
        year = self.year
        # Start the results on a fresh page only when little room is left.
        self.story.append(CondPageBreak(90 * mm))
        self.h1("s.results")
        self.story.append(self.p(safe(self.t("results.by_year")), s.h2))
        header = [
            self.t(k)
            for k in (
                "col.fy",
                "col.scope1",
                "col.s2_basic",
                "col.s2_adjusted",
                "col.s2_location",
                "col.total_basic",
                "col.total_adjusted",
                "col.total_location",
            )
        ]
        rows = []
        for y in self.history:
            label = self.fy(y.fiscal_year) + ("" if y.complete else " *")
            rows.append(
                [safe(label)]
                + [
                    safe(fmt_t(v))
                    for v in (
                        y.scope1_t,
                        y.scope2_basic_t,
                        y.scope2_adjusted_t,
                        y.scope2_location_t,
                        y.total_basic_t,
                        y.total_adjusted_t,
                        y.total_location_t,
                    )
                ]
            )
        widths = [35] + [20.4] * 7
        self.add_table(table(s, header, rows, widths, numeric=range(1, 8)))
        header = [self.t(k) for k in ("col.fy", "col.energy_gj", "col.crude_kl", "col.yoy")]
        rows = [
            [
                safe(self.fy(y.fiscal_year)),
                safe(fmt(y.energy_gj, PLACES_GJ)),
                safe(fmt(y.crude_oil_kl, PLACES_KL)),
                safe(fmt_pct(y.yoy_change_pct)),
            ]
            for y in self.history
        ]
        self.add_table(table(s, header, rows, [35, 40, 40, 40], numeric=[1, 2, 3]))
        if year.refrigerant_scope1_t:
            self.story.append(self.plain("results.refrigerant", t=fmt_t(year.refrigerant_scope1_t)))
        if year.scope1_rounded_factor_t and year.scope1_rounded_factor_t != year.scope1_t:
            self.story.append(self.plain("results.rounded", t=fmt_t(year.scope1_rounded_factor_t)))
        if year.scope3_t:
            self.story.append(self.plain("results.scope3", t=fmt_t(year.scope3_t)))

        fy = self.fy(year.fiscal_year)
        self.story.append(self.p(safe(self.t("results.by_energy", fy=fy)), s.h2))
        header = [
            self.t(k)
            for k in (
                "col.energy",
                "col.scope",
                "col.quantity",
                "col.unit",
                "col.t_basic",
                "col.t_adjusted",
                "col.t_location",
                "col.gj",
            )
        ]
        rows = []
        for code, total in year.by_energy.items():
            scope = "2" if code in ("electricity", "heat") else "1"
            rows.append(
                [
                    safe(energy_name(code, self.lang)),
                    scope,
                    safe(fmt_quantity(total.quantity)),
                    safe(self.unit(total.unit)),
                    safe(fmt_t(total.t_co2_basic)),
                    safe(fmt_t(total.t_co2)),
                    safe(fmt_t(total.t_co2_location if scope == "2" else total.t_co2_basic)),
                    safe(fmt(total.gj, PLACES_GJ)),
                ]
            )
        self.add_table(
            table(s, header, rows, [30, 12, 26, 22, 22, 22, 22, 22], numeric=[1, 2, 4, 5, 6, 7])
        )
        if len(year.by_site) > 1 or self.project.sites:
            self.story.append(self.p(safe(self.t("results.by_site", fy=fy)), s.h2))
            header = [
                self.t(k)
                for k in (
                    "col.site",
                    "col.scope1",
                    "col.s2_basic",
                    "col.s2_adjusted",
                    "col.s2_location",
                    "col.total_adjusted",
                    "col.gj",
                )
            ]
            rows = [
                [
                    safe(site, CELL_LIMIT),
                    safe(fmt_t(t.scope1_t)),
                    safe(fmt_t(t.scope2_basic_t)),
                    safe(fmt_t(t.scope2_adjusted_t)),
                    safe(fmt_t(t.scope2_location_t)),
                    safe(fmt_t(t.total_adjusted_t)),
                    safe(fmt(t.gj, PLACES_GJ)),
                ]
                for site, t in year.by_site.items()
            ]
            self.add_table(table(s, header, rows, [43] + [22.5] * 6, numeric=range(1, 7)))
        self.monthly()

    def monthly(self) -> None:
        s = self.styles
        year = self.year
        self.story.append(
            self.p(safe(self.t("results.by_month", fy=self.fy(year.fiscal_year))), s.h2)
        )
        figure = charts.monthly_chart(
            year,
            self.lang,
            start_month=self.project.company.fy_start_month,
            size=(7, 2.6),
            layout="fixed",
        )
        self.story.append(self.chart(figure))
        header = [
            self.t(k)
            for k in (
                "col.month",
                "col.scope1",
                "col.s2_adjusted",
                "col.s2_location",
                "col.total_adjusted",
                "col.gj",
                "col.cost",
            )
        ]
        rows = []
        for month in months_of_fiscal_year(year.fiscal_year, self.project.company.fy_start_month):
            total = year.by_month.get(month)
            if total is None:
                rows.append([safe(month)] + ["-"] * 6)
                continue
            rows.append(
                [
                    safe(month),
                    safe(fmt_t(total.scope1_t)),
                    safe(fmt_t(total.scope2_adjusted_t)),
                    safe(fmt_t(total.scope2_location_t)),
                    safe(fmt_t(total.total_adjusted_t)),
                    safe(fmt(total.gj, PLACES_GJ)),
                    safe(fmt(total.cost_yen, PLACES_YEN)),
                ]
            )
        costs = [t.cost_yen for t in year.by_month.values() if t.cost_yen is not None]
        rows.append(
            [
                safe(self.t("cost.total")),
                safe(fmt_t(year.scope1_adjusted_t)),
                safe(fmt_t(year.scope2_adjusted_t)),
                safe(fmt_t(year.scope2_location_t)),
                safe(fmt_t(year.total_adjusted_t)),
                safe(fmt(year.energy_gj, PLACES_GJ)),
                safe(fmt(sum(costs, Decimal(0)) if costs else None, PLACES_YEN)),
            ]
        )
        self.add_table(
            table(
                s, header, rows, [28, 24, 25, 25, 25, 24, 27], numeric=range(1, 7), total_row=True
            )
        )

    # 7 intensities ------------------------------------------------------------

    def intensities(self) -> None:
        self.h1("s.intensity")
        rows = []
        for y in self.history:
            for intensity in y.intensities:
                label = (
                    intensity.denominator_label_ja
                    if self.lang == "ja"
                    else intensity.denominator_label_en
                )
                rows.append(
                    [
                        safe(self.fy(y.fiscal_year)),
                        safe(label, CELL_LIMIT),
                        safe(fmt(intensity.value, PLACES_INTENSITY)),
                        safe(self.unit(intensity.unit), CELL_LIMIT),
                    ]
                )
            if y.carbon_productivity is not None:
                rows.append(
                    [
                        safe(self.fy(y.fiscal_year)),
                        safe(self.t("intensity.carbon_productivity")),
                        safe(fmt(y.carbon_productivity, PLACES_INTENSITY)),
                        safe(self.unit("百万円/t-CO2")),
                    ]
                )
        if not rows:
            self.story.append(self.plain("intensity.none"))
            return
        header = [self.t(k) for k in ("col.fy", "col.indicator", "col.value", "col.unit")]
        self.add_table(table(self.styles, header, rows, [35, 75, 30, 38], numeric=[2]))
        self.story.append(self.plain("intensity.basis"))

    # 8 cost -------------------------------------------------------------------

    def cost(self) -> None:
        self.h1("s.cost")
        year = self.year
        costs = {c: t.cost_yen for c, t in year.by_energy.items() if t.cost_yen is not None}
        if not costs:
            self.story.append(self.plain("cost.none"))
            return
        total = sum(costs.values(), Decimal(0))
        rows = [
            [
                safe(energy_name(code, self.lang)),
                safe(fmt(cost, PLACES_YEN)),
                safe(fmt_pct(cost / total * 100 if total else None, signed=False)),
            ]
            for code, cost in costs.items()
        ]
        rows.append([safe(self.t("cost.total")), safe(fmt(total, PLACES_YEN)), "100.0 %"])
        header = [self.t("col.energy"), self.t("col.cost"), self.t("col.share")]
        self.add_table(
            table(self.styles, header, rows, [60, 45, 30], numeric=[1, 2], total_row=True)
        )
        data = self.data
        if data is not None and data.revenue_million_yen:
            share = total / (data.revenue_million_yen * 1_000_000) * 100
            self.story.append(self.plain("cost.revenue_share", pct=fmt_pct(share, signed=False)))

    # 9, 11, 12: filled by the measures feature --------------------------------

    def end_use(self) -> None:
        self.h1("s.enduse")
        self.story.append(self.plain("enduse.placeholder"))

    def measures(self) -> None:
        self.h1("s.measures")
        if self.project.measure_plan:
            self.story.append(self.plain("measures.planned", n=len(self.project.measure_plan)))
        else:
            self.story.append(self.plain("measures.placeholder"))

    def roadmap(self) -> None:
        self.h1("s.roadmap")
        self.story.append(self.plain("roadmap.placeholder"))

    # 10 trend and targets -----------------------------------------------------

    def trend(self) -> None:
        s = self.styles
        self.h1("s.trend")
        targets = list(self.project.targets)
        figure = charts.trend_chart(
            self.history, self.lang, targets=targets, size=(7, 2.8), layout="fixed"
        )
        self.story.append(self.chart(figure))
        base = self.base_year
        header = [self.t(k) for k in ("col.fy", "col.total_adjusted", "col.yoy", "col.vs_base")]
        rows = []
        for y in self.history:
            vs_base = None
            if base is not None and base.total_adjusted_t and y.complete:
                vs_base = (y.total_adjusted_t - base.total_adjusted_t) / base.total_adjusted_t * 100
            rows.append(
                [
                    safe(self.fy(y.fiscal_year)),
                    safe(fmt_t(y.total_adjusted_t)),
                    safe(fmt_pct(y.yoy_change_pct)),
                    safe(fmt_pct(vs_base)),
                ]
            )
        self.add_table(table(s, header, rows, [40, 40, 35, 35], numeric=[1, 2, 3]))
        self.story.append(self.p(safe(self.t("trend.targets")), s.h2))
        if not targets:
            self.story.append(self.plain("trend.no_targets"))
            self.story.append(self.plain("trend.netzero"))
            return
        totals = {y.fiscal_year: y.total_adjusted_t for y in self.history if y.complete}
        rows = []
        for target in targets:
            key = f"target.{target.kind}"
            name = self.t(key) if key in TEXTS else target.kind
            path = charts.target_path(target, totals)
            goal = fmt_t(path[1][-1]) if path else "-"
            rows.append(
                [
                    safe(name + (f" ({target.note})" if target.note else ""), CELL_LIMIT),
                    safe(str(target.base_year)),
                    safe(str(target.target_year)),
                    safe(fmt(target.reduction_pct, 1)),
                    safe(goal),
                ]
            )
            if path is None:
                self.story.append(self.plain("trend.base_missing", base=target.base_year))
        header = [
            self.t(k)
            for k in (
                "col.target",
                "col.base_year",
                "col.target_year",
                "col.reduction",
                "col.target_t",
            )
        ]
        self.add_table(table(s, header, rows, [70, 25, 25, 25, 33], numeric=[1, 2, 3, 4]))
        self.story.append(self.plain("trend.netzero"))

    # 13 data quality ----------------------------------------------------------

    def quality(self) -> None:
        s = self.styles
        year = self.year
        self.h1("s.quality")
        months = months_of_fiscal_year(year.fiscal_year, self.project.company.fy_start_month)
        missing = [m for m in months if m not in year.by_month]
        estimated = sorted({line.month for line in year.lines if line.estimated})
        user = [u for u in year.factors_used if u.how.startswith("user")]
        items = [
            (self.t("quality.missing_months"), ", ".join(missing) or self.t("quality.none")),
            (self.t("quality.estimated"), ", ".join(estimated) or self.t("quality.none")),
            (
                self.t("quality.user_factors"),
                "; ".join(f"{u.label}: {_factor_value(u.value)} {u.unit}" for u in user)
                or self.t("quality.none"),
            ),
        ]
        for label, value in items:
            self.story.append(self.p(f"{safe(label)}: {safe(value, 2000)}", s.user))
        for y in self.history:
            if not y.complete:
                self.story.append(self.plain("quality.incomplete", fy=self.fy(y.fiscal_year)))
        warnings = [*year.warnings, *self.footprint.warnings]
        self.story.append(self.p(safe(self.t("quality.warnings")), s.h2))
        if not warnings:
            self.story.append(self.p(safe(self.t("quality.none"))))
        for warning in warnings[:60]:
            self.story.append(self.p("• " + safe(message_text(warning, self.lang), 600), s.user))
        if len(warnings) > 60:
            self.story.append(self.p(f"… (+{len(warnings) - 60})"))
        self.notes()

    def notes(self) -> None:
        """The notes typed on the year's bills (as typed, escaped, long ones cut)."""
        from ecocheck_desktop.core.fiscal import fiscal_year_of

        start = self.project.company.fy_start_month
        noted = []
        for record in self.project.records:
            if not record.note.strip():
                continue
            try:
                in_year = fiscal_year_of(record.month, start) == self.year.fiscal_year
            except EcoCheckError:
                in_year = False
            if in_year:
                noted.append(record)
        if not noted:
            return
        self.story.append(self.p(safe(self.t("quality.notes")), self.styles.h2))
        for record in sorted(noted, key=lambda r: r.month)[:NOTE_LIMIT]:
            where = f"{record.month} {energy_name(record.energy, self.lang)}"
            where += f" ({record.site})" if record.site else ""
            self.story.append(
                self.p(f"• {safe(where, 120)}: {safe(record.note, 300)}", self.styles.user)
            )
        if len(noted) > NOTE_LIMIT:
            self.story.append(self.p(f"… (+{len(noted) - NOTE_LIMIT})"))

    # 14 compliance ------------------------------------------------------------

    def compliance(self) -> None:
        year = self.year
        self.h1("s.compliance")
        furon_state = "compliance.furon_over" if year.furon_reportable else "compliance.furon_under"
        self.story.append(
            self.plain("compliance.furon", t=fmt_t(year.furon_t), state=self.t(furon_state))
        )
        energy_state = (
            "compliance.energy_over"
            if year.crude_oil_kl >= SHOENE_LINE_KL
            else "compliance.energy_under"
        )
        self.story.append(
            self.plain(
                "compliance.energy",
                kl=fmt(year.crude_oil_kl, PLACES_KL),
                state=self.t(energy_state),
            )
        )
        self.story.append(self.plain("compliance.shk"))

    # 15 disclaimer ------------------------------------------------------------

    def disclaimer(self) -> None:
        box = Table(
            [[self.p(safe(self.t("disclaimer.text")))]],
            colWidths=[FRAME_WIDTH_MM * mm],
        )
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
                    ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        self.story.append(KeepTogether([self.p(safe(self.t("s.disclaimer")), self.styles.h1), box]))

    # 16 appendix --------------------------------------------------------------

    def appendix(self) -> None:
        s = self.styles
        year = self.year
        self.story.append(CondPageBreak(100 * mm))
        self.h1("s.appendix")
        self.story.append(
            self.p(safe(self.t("appendix.monthly", fy=self.fy(year.fiscal_year))), s.h2)
        )
        header = [
            self.t(k)
            for k in (
                "col.month",
                "col.site",
                "col.energy",
                "col.quantity",
                "col.unit",
                "col.cost",
                "col.t_adjusted",
                "col.estimated",
            )
        ]
        lines = sorted(year.lines, key=lambda line: (line.month, line.site, line.energy))
        rows = [
            [
                safe(line.month),
                safe(line.site, 40),
                safe(energy_name(line.energy, self.lang)),
                safe(fmt_quantity(line.quantity)),
                safe(line.unit),
                safe(fmt(line.cost_yen, PLACES_YEN)),
                safe(fmt_t(line.t_co2_adjusted)),
                "✓" if line.estimated else "",
            ]
            for line in lines[:APPENDIX_ROW_LIMIT]
        ]
        self.add_table(table(s, header, rows, [18, 38, 26, 24, 14, 24, 22, 12], numeric=[3, 5, 6]))
        if len(lines) > APPENDIX_ROW_LIMIT:
            self.story.append(
                self.plain("appendix.truncated", shown=APPENDIX_ROW_LIMIT, total=len(lines))
            )
        self.story.append(self.p(safe(self.t("appendix.factors")), s.h2))
        seen: dict[tuple[Any, ...], list[str]] = {}
        for line in year.lines:
            key = (
                line.energy,
                line.factor_label,
                line.factor_basic,
                line.factor_adjusted,
                line.table_unit,
                line.how,
            )
            seen.setdefault(key, [])
        rows = [
            [
                safe(energy_name(energy, self.lang)),
                safe(label, CELL_LIMIT),
                safe(_factor_value(basic)),
                safe(_factor_value(adjusted)),
                safe(self.unit(f"t-CO2/{unit}")),
                safe(how_text(how, self.lang)),
            ]
            for energy, label, basic, adjusted, unit, how in seen
        ]
        header = [
            self.t(k)
            for k in (
                "col.energy",
                "col.factor_name",
                "col.factor_basic",
                "col.factor_adjusted",
                "col.unit",
                "factor.how",
            )
        ]
        self.add_table(table(s, header, rows, [22, 54, 20, 22, 32, 28], numeric=[2, 3]))
        self.story.append(self.p(safe(self.t("appendix.formulas")), s.h2))
        for formula in formulas(self.lang):
            self.story.append(self.p("• " + safe(formula)))


def _entered(value: object, nothing: str) -> str:
    """A checklist answer as text; 0 is an answer, None and "" are not."""
    return nothing if value is None or value == "" else str(value)


def _factor_value(value: Decimal | None) -> str:
    """Factors as published (0.000452), chain products to 7 significant digits."""
    if value is None:
        return "-"
    if value == 0:
        return "0"
    digits = value.normalize()
    exponent = digits.adjusted()
    if len(digits.as_tuple().digits) > 7:
        digits = value.quantize(Decimal(1).scaleb(exponent - 6))
    result = f"{digits:f}"
    return result.rstrip("0").rstrip(".") if "." in result else result
