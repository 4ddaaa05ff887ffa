"""The report's story and its helpers: the page constants, the sections a user may leave out
(:data:`OPTIONAL_SECTIONS`) and :class:`Story`, the state every section writes into (the
flowables, styles, language) with the helpers they share: text, headings, tables, units,
the base and previous year, and core.measures' evaluation of the latest complete year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.fiscal import months_of_fiscal_year
from ecocheck_desktop.core.measures import evaluate_latest, latest_complete_year
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.report.chart_pdf import ChartFlowable
from ecocheck_desktop.report.chart_spec import ChartRow, ChartSpec
from ecocheck_desktop.report.layout import (
    FONT_NAME,
    LIGHT,
    PAGE_MARGIN,
    Styles,
    kept_paragraph,
    safe,
)
from ecocheck_desktop.text.messages import render as message_text
from ecocheck_desktop.text.report import fiscal_year_label, text
from ecocheck_desktop.text.units import unit_text

if TYPE_CHECKING:
    from ecocheck_desktop.core.measure_results import MeasureResult, Plan
    from ecocheck_desktop.core.results import Footprint, YearResult


PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = PAGE_MARGIN
FRAME_WIDTH_MM = (PAGE_WIDTH - 2 * MARGIN) / mm  # 178 mm
APPENDIX_ROW_LIMIT = 600
NOTE_LIMIT = 40
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
    "demand",
    "roadmap",
    "loan",
    "quality",
    "declaration",
    "compliance",
)
ROADMAP_YEARS = (2030, 2050)
BANNER_REASONS = 4  # reasons on page 1; the data-quality section lists every warning
BANNER_BACKGROUND = colors.HexColor("#FFF4E0")
BANNER_BORDER = colors.HexColor("#E0A440")


@dataclass
class Story:
    """The story (the flowables) of one edition being built, and what every section needs."""

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
    # The meters with their 30-minute data (core.demand.MeterData): the デマンド section, and
    # DM-01/DM-02 in the plan of the measures and the roadmap.
    demand_meters: tuple[Any, ...] = ()

    # helpers ---------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        return text(key, self.lang, **params)

    def p(self, markup: str, style: Any = None) -> Paragraph:
        return kept_paragraph(markup, style or self.styles.body)

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

    def factor_label(self, label: str) -> str:
        """A factor's label (core builds it in Japanese) in the edition's language: the energy
        and the kind of factor in English, the supplier and menu as published."""
        if self.lang == "ja":
            return label

        estimate = re.match(r"電気 推計 \((\d{4})年度の一覧: 電気 (.*)\)$", label)
        if estimate:
            return f"Electricity, estimate (FY{estimate.group(1)} list: {estimate.group(2)})"
        label = label.replace(" 利用者入力 (", ", user-entered (")
        if label == "全国平均係数":
            return "National average factor"
        for energy in ENERGY_TYPES.values():
            if label.startswith(energy.name_ja + " ") or label == energy.name_ja:
                return energy.name_en + label[len(energy.name_ja) :]
        return label

    def chart(self, chart: ChartSpec | ChartRow) -> Flowable:
        return ChartFlowable(chart, FRAME_WIDTH_MM * mm)

    def label_table(self, rows: list[list[Flowable]], label_mm: float) -> Table:
        """Label and value rows: the labels ``label_mm`` wide, the values the rest of the frame."""
        labelled = Table(
            rows, colWidths=[label_mm * mm, (FRAME_WIDTH_MM - label_mm) * mm], hAlign="LEFT"
        )
        labelled.setStyle(
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
        return labelled

    def add_table(self, flowable: Flowable) -> None:
        self.story += [flowable, Spacer(1, 2.5 * mm)]

    def unit(self, unit: str) -> str:
        return unit_text(unit, self.lang)

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

    def _fy_range(self, fiscal_year: int) -> str:
        months = months_of_fiscal_year(fiscal_year, self.project.company.fy_start_month)
        return f"{self.fy(fiscal_year)} ({months[0]} – {months[-1]})"

    def _edition(self, edition_id: str) -> Any:
        try:
            return self.library.edition(edition_id)
        except (KeyError, AttributeError, EcoCheckError):
            return None

    # the plan behind items 2, 9, 11, 12 and 16 (core.measures) ----------------

    @cached_property
    def latest_complete(self) -> YearResult | None:
        """The year the measures are evaluated against (the 削減対策 page's: the latest
        complete fiscal year with energy data, up to the reporting year)."""
        return latest_complete_year(self.history)

    @cached_property
    def evaluation(self) -> tuple[Plan | None, str]:
        """core.measures' plan for :attr:`latest_complete`, or None and why not."""
        try:
            latest = evaluate_latest(self.project, self.history, demand=self.demand_meters)
            return (None if latest is None else latest.plan), ""
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
