"""The content of the PDF report: its 16 items, cover to page numbers, in their order.

Owns what each section says and shows (cover and one-page summary, profile, boundary, factors,
results on every basis, intensities, cost, trend and targets, data quality, compliance,
disclaimer, appendix) and the page frame with "n / N" numbers. :mod:`.pdf` is the public entry.

The end-use split, measures and roadmap sections show core.measures' evaluation of the latest
complete fiscal year (the 削減対策 and 目標 pages' figures, to the digit). Every section but
the cover/summary, the disclaimer and the appendix can be left out (``sections``, ids in
:data:`OPTIONAL_SECTIONS`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
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
    PAGE_MARGIN,
    Styles,
    clean,
    fit,
    numbered_canvas,
    safe,
    table,
)
from ecocheck_desktop.report.provenance import factor_provenance, nearest_list_year
from ecocheck_desktop.text.messages import render as message_text
from ecocheck_desktop.text.numbers import (
    PLACES_GJ,
    PLACES_INTENSITY,
    PLACES_KL,
    PLACES_YEN,
    fmt,
    fmt_pct,
    fmt_quantity,
    fmt_t,
)
from ecocheck_desktop.text.report import (
    TEXTS,
    energy_name,
    fiscal_year_label,
    formulas,
    how_text,
    text,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ecocheck_desktop.core.footprint import Footprint, YearResult
    from ecocheck_desktop.core.measures import MeasureResult, Plan
    from ecocheck_desktop.core.targets import TargetPath


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = PAGE_MARGIN
FRAME_WIDTH_MM = (PAGE_WIDTH - 2 * MARGIN) / mm  # 178 mm
# The value column of the company profile, inside reportlab's default 6 pt cell padding.
_PROFILE_VALUE_WIDTH = (FRAME_WIDTH_MM - 48) * mm - 12
# A profile row may fill a page (the frame, less its 6 pt paddings and some room), not more:
# reportlab cannot split one row, so a longer value is shortened with … (layout.fit).
_PROFILE_MAX_HEIGHT = PAGE_HEIGHT - MARGIN - 18 * mm - 12 - 8 * mm
APPENDIX_ROW_LIMIT = 600
NOTE_LIMIT = 40
SHOENE_LINE_KL = Decimal(1500)
FURON_LINE_T = Decimal(1000)
# The sections a user may leave out, in report order (the cover and summary, the disclaimer
# and the appendix are always there).
OPTIONAL_SECTIONS = (
    "profile",
    "boundary",
    "factors",
    "results",
    "intensities",
    "cost",
    "end_use",
    "trend",
    "measures",
    "roadmap",
    "quality",
    "compliance",
)
ROADMAP_YEARS = (2030, 2050)
BANNER_REASONS = 4  # reasons on page 1; the data-quality section lists every warning
BANNER_BACKGROUND = colors.HexColor("#FFF4E0")
BANNER_BORDER = colors.HexColor("#E0A440")


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
    sections: frozenset[str] | None = None  # None: every section
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
        footer = text("footer_left", self.lang, company=company, fy=self.fy(self.year.fiscal_year))
        doc.build(self.story, canvasmaker=numbered_canvas(footer, self.lang))
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
        if base is not None and base.fiscal_year != year.fiscal_year:
            # Issue 15: a base year on an estimate (推計) says so where it is compared with.
            from ecocheck_desktop.core.footprint import ESTIMATE_PROVENANCES

            estimated = [u.label for u in base.factors_used if u.provenance in ESTIMATE_PROVENANCES]
            if estimated:
                labels = (
                    "、".join(dict.fromkeys(estimated))
                    if self.lang == "ja"
                    else "; ".join(dict.fromkeys(estimated))
                )
                self.story.append(
                    self.p(
                        safe(
                            self.t(
                                "summary.base_estimate",
                                base=self.fy(base.fiscal_year),
                                labels=labels,
                            ),
                            600,
                        )
                    )
                )
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
        # The three measures of the plan (or of the ranking) that cut the most CO2.
        top = sorted(self.plan_rows(), key=lambda r: r.t_co2_per_year, reverse=True)[:3]
        for result in top:
            line = self.t(
                "summary.measure_line",
                name=self.name(result),
                t=fmt(result.t_co2_per_year, 2),
                yen=fmt(result.yen_per_year, 0),
            )
            self.story.append(self.p("• " + safe(line)))
        if not top:
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
            [
                [
                    self.p(safe(k), s.small),
                    fit(safe(v), s.user, _PROFILE_VALUE_WIDTH, _PROFILE_MAX_HEIGHT),
                ]
                for k, v in rows
            ],
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
                # The menu, then where the factor came from (library list, the user's source
                # or an estimate), each on its own line and never cut: a lender reads it here.
                provenance = factor_provenance(
                    contract, self.year.fiscal_year, self.library, self.lang
                )
                menu = "<br/>".join(
                    safe(line, 400) for line in [contract.menu, *provenance] if line
                )
                rows.append(
                    [
                        safe(contract.site, CELL_LIMIT),
                        safe(energy_name(contract.energy, self.lang)),
                        safe(self._supplier_name(contract.supplier, contract.energy), CELL_LIMIT),
                        menu or "-",
                    ]
                )
            header = [self.t(f"boundary.{k}") for k in ("site", "energy", "supplier", "menu")]
            self.add_table(table(self.styles, header, rows, [32, 22, 48, 76]))
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
                # A year without a list still names a registered retailer: the nearest list's
                # name (its number does not change between years).
                year = nearest_list_year(self.library, fiscal_year) or fiscal_year
                rows = self.library.search_retailers(fiscal_year, supplier) or (
                    self.library.search_retailers(year, supplier)
                )
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

    # 9, 11, 12: end-use split, measures and roadmap (core.measures) -----------

    @cached_property
    def latest_complete(self) -> YearResult | None:
        """The year the measures are evaluated against (the 削減対策 page's: the latest
        complete fiscal year with energy data, up to the reporting year)."""
        complete = [y for y in self.history if y.complete and y.by_energy]
        return complete[-1] if complete else None

    @cached_property
    def evaluation(self) -> tuple[Plan | None, str]:
        """core.measures' plan for :attr:`latest_complete`, or None and why not."""
        year = self.latest_complete
        if year is None:
            return None, ""
        from ecocheck_desktop.core.measures import baseline_from_year, evaluate, load_catalogue

        try:
            catalogue = load_catalogue()
            return evaluate(self.project, baseline_from_year(year, catalogue), catalogue), ""
        except EcoCheckError as error:
            return None, " ".join(message_text(m, self.lang) for m in error.messages)

    @property
    def chosen_plan(self) -> bool:
        """Whether the company ticked measures (else every ranked measure is counted)."""
        return any(p.status != "rejected" for p in self.project.measure_plan)

    def plan_rows(self) -> list[MeasureResult]:
        plan = self.evaluation[0]
        return [r for r in plan.measures if r.in_plan] if plan is not None else []

    def _no_plan(self, none_key: str) -> bool:
        """Say why there is nothing to show; True when that is the case."""
        plan, problem = self.evaluation
        if plan is not None and self.latest_complete is not None:
            return False
        if problem:
            self.story.append(self.plain("measures.error", problem=problem))
        else:
            self.story.append(self.plain(none_key))
        return True

    def name(self, result: MeasureResult) -> str:
        measure = result.measure
        return measure.name_ja if self.lang == "ja" else measure.name_en

    def end_use(self) -> None:
        self.h1("s.enduse")
        if self._no_plan("enduse.none"):
            return
        from ecocheck_desktop.core.profiles import load_profiles

        plan, year = self.evaluation[0], self.latest_complete
        assert plan is not None and year is not None
        profiles = load_profiles()
        profile = plan.profile
        co2: dict[str, Decimal] = {}
        gj: dict[str, Decimal] = {}
        for code, total in year.by_energy.items():
            split = profile.electricity if code == "electricity" else profile.fuel_split(code)
            for use, pct in split.items():
                co2[use] = co2.get(use, Decimal(0)) + total.t_co2 * pct / 100
                gj[use] = gj.get(use, Decimal(0)) + total.gj * pct / 100
        sector = profile.name_ja if self.lang == "ja" else profile.name_en
        self.story.append(self.plain("enduse.intro", sector=sector, fy=self.fy(year.fiscal_year)))
        total_co2 = sum(co2.values(), Decimal(0))
        total_gj = sum(gj.values(), Decimal(0))
        order = [*profiles.electricity_end_uses, *profiles.fuel_end_uses]
        order += [use for use in co2 if use not in order]
        rows = []
        for use in order:
            if use not in co2 and use not in profile.electricity:
                continue
            names = profiles.end_use_names.get(use, {})
            rows.append(
                [
                    safe(names.get(self.lang, use)),
                    safe(fmt(profile.electricity.get(use), 1)),
                    safe(fmt(gj.get(use), PLACES_GJ)),
                    safe(fmt_t(co2.get(use))),
                    safe(
                        fmt_pct(co2.get(use, Decimal(0)) / total_co2 * 100, signed=False)
                        if total_co2
                        else "-"
                    ),
                ]
            )
        rows.append(
            [
                safe(self.t("cost.total")),
                "100.0" if profile.electricity else "-",
                safe(fmt(total_gj, PLACES_GJ)),
                safe(fmt_t(total_co2)),
                "100.0 %",
            ]
        )
        header = [
            self.t(k)
            for k in (
                "col.end_use",
                "col.elec_share",
                "col.gj",
                "col.t_co2_adjusted",
                "col.co2_share",
            )
        ]
        self.add_table(
            table(
                self.styles,
                header,
                rows,
                [62, 28, 28, 32, 28],
                numeric=[1, 2, 3, 4],
                total_row=True,
            )
        )
        if profile.overridden:
            carriers = ", ".join(energy_name(c, self.lang) for c in profile.overridden)
            self.story.append(self.plain("enduse.overridden", carriers=carriers))
        if profile.assumed:
            self.story.append(self.plain("enduse.assumed"))
        cited = [(key, profiles.sources.get(key, {})) for key in profile.sources]
        sources = "; ".join(
            f"{key} {ref.get('title', '')}" + (f" ({ref['url']})" if ref.get("url") else "")
            for key, ref in cited
        )
        self.story.append(
            self.p(
                safe(
                    self.t(
                        "enduse.source",
                        confidence=self.t(f"conf.{profile.confidence}")
                        if f"conf.{profile.confidence}" in TEXTS
                        else profile.confidence,
                        sources=sources,
                    )
                ),
                self.styles.small,
            )
        )

    def _capex(self, result: MeasureResult) -> str:
        if result.capex_high == 0:
            return self.t("payback.none")
        low, high = result.capex_low / 10000, result.capex_high / 10000
        return fmt(low, 0) if low == high else f"{fmt(low, 0)}–{fmt(high, 0)}"

    def _payback(self, result: MeasureResult) -> str:
        if result.payback_years is None:
            return "-"
        if result.capex_high == 0:
            return self.t("payback.immediate")
        mark = result.payback_vs_legal_life
        suffix = self.t(f"payback.{mark}") if mark in ("within", "beyond") else ""
        return f"{fmt(result.payback_years, 1)} {suffix}".strip()

    def measures(self) -> None:
        s = self.styles
        self.h1("s.measures")
        if self._no_plan("measures.none"):
            return
        plan, year = self.evaluation[0], self.latest_complete
        assert plan is not None and year is not None
        results = self.plan_rows()
        if not results:
            self.story.append(self.plain("measures.empty"))
            return
        key = "measures.intro_plan" if self.chosen_plan else "measures.intro_ranked"
        self.story.append(self.plain(key, n=len(results), fy=self.fy(year.fiscal_year)))
        programmes: dict[str, tuple[str, Any, list[str]]] = {}  # id -> (letter, subsidy, ids)
        rows = []
        for result in results:
            refs = []
            for subsidy in result.subsidies:
                if subsidy.id not in programmes:
                    letter = _letter(len(programmes))
                    programmes[subsidy.id] = (letter, subsidy, [])
                programmes[subsidy.id][2].append(result.measure.id)
                refs.append(programmes[subsidy.id][0])
            confidence = result.measure.confidence
            rows.append(
                [
                    safe(str(result.rank or "")),
                    safe(self.name(result), CELL_LIMIT) + " " + safe(f"[{result.measure.id}]"),
                    safe(fmt(result.t_co2_per_year, 2) if result.quantified else "-"),
                    safe(fmt(result.yen_per_year, 0) if result.quantified else "-"),
                    safe(self._capex(result)),
                    safe(self._payback(result)),
                    safe(fmt(result.cost_per_t_co2, 0)),
                    safe(
                        self.t(f"conf.{confidence}")
                        if f"conf.{confidence}" in TEXTS
                        else confidence
                    ),
                    safe(", ".join(refs)),
                ]
            )
        totals = plan.totals
        capex = (
            f"{fmt(totals.capex_low / 10000, 0)}–{fmt(totals.capex_high / 10000, 0)}"
            if totals.capex_high
            else self.t("payback.none")
        )
        rows.append(
            [
                "",
                safe(self.t("measures.total_row")),
                safe(fmt(totals.t_co2_per_year, 2)),
                safe(fmt(totals.yen_per_year, 0)),
                safe(capex),
                "",
                "",
                "",
                "",
            ]
        )
        header = [
            self.t(k)
            for k in (
                "col.rank",
                "col.measure",
                "col.m_t_co2",
                "col.m_yen",
                "col.m_capex",
                "col.m_payback",
                "col.m_cost_t",
                "col.m_confidence",
                "col.m_subsidy",
            )
        ]
        self.add_table(
            table(
                s,
                header,
                rows,
                [9, 47, 18, 20, 22, 17, 18, 13, 14],
                numeric=[0, 2, 3, 4, 5, 6],
                total_row=True,
            )
        )
        self.story.append(
            self.plain(
                "measures.total",
                t=fmt(totals.t_co2_per_year, 1),
                pct=fmt(totals.reduction_pct, 1),
                fy=self.fy(year.fiscal_year),
                yen=fmt(totals.yen_per_year, 0),
                low=fmt(totals.capex_low / 10000, 0),
                high=fmt(totals.capex_high / 10000, 0),
            )
        )
        self.story.append(self.p(safe(self.t("measures.legend")), s.small))
        self.story.append(self.p(safe(self.t("measures.subsidies")), s.h2))
        if not programmes:
            self.story.append(self.plain("measures.subsidy_none"))
        for letter, subsidy, ids in programmes.values():
            name = subsidy.name_ja if self.lang == "ja" else subsidy.name_en
            line = self.t("measures.subsidy_line", ref=letter, name=name, ids=", ".join(ids))
            self.story.append(self.p(safe(line), s.small))

    def _target_paths(self) -> tuple[list[TargetPath], list[str]]:
        """The 目標 page's paths: the company's targets, else the standard ones from the first
        complete year; notes for targets that cannot be drawn and for caveats."""
        from ecocheck_desktop.core.targets import standard_target, target_path

        complete = [y for y in self.history if y.complete and y.by_energy]
        if not complete:
            return [], []
        targets = list(self.project.targets) or [
            standard_target(kind, complete[0].fiscal_year)
            for kind in ("sbt_linear", "sbt_42", "national")
        ]
        by_year = {y.fiscal_year: y for y in complete}
        basis = {"basic": "total_basic_t", "location": "total_location_t"}
        paths: list[TargetPath] = []
        notes: list[str] = []
        for target in targets:
            base = by_year.get(target.base_year)
            key = f"target.{target.kind}"
            name = self.t(key) if key in TEXTS else target.kind
            base_t = getattr(base, basis.get(target.basis, "total_adjusted_t"), None)
            if base is None or base_t is None:
                notes.append(self.t("roadmap.base_missing", name=name, base=target.base_year))
                continue
            try:
                path = target_path(target, base_t)
            except EcoCheckError as error:
                notes += [message_text(m, self.lang) for m in error.messages]
                continue
            paths.append(path)
            notes += [message_text(c, self.lang) for c in path.caveats]
        return paths, notes

    def roadmap(self) -> None:
        s = self.styles
        self.h1("s.roadmap")
        if self._no_plan("roadmap.none"):
            return
        from ecocheck_desktop.core.measures import plan_steps
        from ecocheck_desktop.core.targets import plan_pathway

        plan, year = self.evaluation[0], self.latest_complete
        assert plan is not None and year is not None
        steps = plan_steps(plan, self.project)
        pathway = plan_pathway(year.fiscal_year, year.total_adjusted_t, steps)
        paths, notes = self._target_paths()
        complete = [y for y in self.history if y.complete]
        figure = charts.roadmap_chart(
            complete, paths, pathway, self.lang, size=(7, 2.9), layout="fixed"
        )
        # The heading, the sentence and the chart stay on one page.
        heading = self.story.pop()
        intro = self.plain(
            "roadmap.intro", t=fmt_t(year.total_adjusted_t), fy=self.fy(year.fiscal_year)
        )
        self.story.append(KeepTogether([heading, intro, self.chart(figure)]))
        # Steps: one row per year in which measures start.
        by_year: dict[int, list[str]] = {}
        for step in steps:
            by_year.setdefault(step.year, []).append(step.measure_id)
        at = {p.year: p.t_co2 for p in pathway}
        rows = []
        cumulative = Decimal(0)
        for step_year in sorted(by_year):
            cumulative += sum((x.t_co2 for x in steps if x.year == step_year), Decimal(0))
            rows.append(
                [
                    safe(self.short_fy(step_year)),
                    safe(", ".join(by_year[step_year])),
                    safe(fmt_t(cumulative)),
                    safe(fmt_t(at.get(step_year))),
                ]
            )
        if rows:
            self.story.append(self.p(safe(self.t("roadmap.steps")), s.h2))
            header = [
                self.t(k) for k in ("col.year", "col.steps", "col.cum_reduction", "col.plan_t")
            ]
            self.add_table(table(s, header, rows, [22, 100, 28, 28], numeric=[2, 3]))
        self.story.append(self.p(safe(self.t("roadmap.targets")), s.h2))
        plan_2030 = at.get(ROADMAP_YEARS[0])
        rows = [
            [
                safe(self.t("roadmap.plan_row")),
                safe(fmt_t(at.get(ROADMAP_YEARS[0]))),
                safe(fmt_t(at.get(ROADMAP_YEARS[1]))),
                "",
            ]
        ]
        for path in paths:
            goal_2030 = path.at(ROADMAP_YEARS[0])
            gap = None if plan_2030 is None or goal_2030 is None else plan_2030 - goal_2030
            rows.append(
                [
                    safe(path.label_ja if self.lang == "ja" else path.label_en),
                    safe(fmt_t(goal_2030)),
                    safe(fmt_t(path.at(ROADMAP_YEARS[1]))),
                    safe(fmt_t(gap)),
                ]
            )
        header = [self.t(k) for k in ("col.target", "col.t_2030", "col.t_2050", "col.gap_2030")]
        self.add_table(table(s, header, rows, [88, 30, 30, 30], numeric=[1, 2, 3]))
        self.story.append(self.p(safe(self.t("roadmap.gap_note")), s.small))
        for note in notes:
            self.story.append(self.p("• " + safe(note), s.small))

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

    def _measure_sources(self) -> None:
        """One line per catalogue source behind the measures shown (measure ids: title, URL)."""
        wanted = OPTIONAL_SECTIONS if self.sections is None else self.sections
        if not {"measures", "roadmap"} & set(wanted):
            return
        used: dict[str, tuple[Any, list[str]]] = {}
        for result in self.plan_rows():
            for source in result.sources:
                used.setdefault(source.key, (source, []))[1].append(result.measure.id)
        if not used:
            return
        self.story.append(self.p(safe(self.t("appendix.measure_sources")), self.styles.h2))
        for source, ids in used.values():
            line = self.t(
                "appendix.measure_source_line",
                ids=", ".join(ids),
                title=f"{source.key} {source.title}",
            ) + (f" ({source.url})" if source.url else "")
            self.story.append(self.p(safe(line), self.styles.small))

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
        self._measure_sources()


def _letter(index: int) -> str:
    """A, B, … Z, AA, AB, … (the subsidy references of the measures table)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


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
