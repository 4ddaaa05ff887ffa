"""The bank pack's pages (issue 18): the loan page and the data-quality + declaration page.

Loan page: the bank SPT year by year against the KPI's actual (as reported and at the base
year's factors), achieved yes/no for every full year with data; the reduction rate per year
against the SPT's, SBTi's SME rate and the lender's sector benchmark (with its source); every
target worked out on one line (base value, %, target value, year) from core.targets.

Data quality + declaration: core.data_quality's completeness, shares and PCAF score, the
verification status, the boundary, gases, Scope 3, the base-year recalculation policy and the
代表者 記名・押印 block.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from ecocheck_desktop.core.data_quality import assess
from ecocheck_desktop.core.kpi import year_total
from ecocheck_desktop.core.model import DEFAULT_RECALC_THRESHOLD_PCT
from ecocheck_desktop.core.targets import SBT_LINEAR_PCT_PER_YEAR, TargetLine, paths_for
from ecocheck_desktop.report.layout import FONT_NAME, RULE, safe, table
from ecocheck_desktop.report.sections.kpi import KpiSections
from ecocheck_desktop.report.sections.story import FRAME_WIDTH_MM
from ecocheck_desktop.text.numbers import fmt, fmt_t
from ecocheck_desktop.text.report import TEXTS, energy_name

HUNDRED = Decimal(100)


class LoanSections(KpiSections):
    """The loan page and the data-quality + declaration page, parts of ReportBuilder."""

    def _target_lines(self) -> list[TargetLine]:
        complete = [y for y in self.history if y.complete and y.lines]
        return paths_for(self.project.targets, complete)

    def loan(self) -> None:
        s = self.styles
        self.story.append(CondPageBreak(110 * mm))  # the heading never alone at a page foot
        self.h1("s.loan")
        lender = self.project.company.lender_name.strip()
        self.story.append(
            self.p(safe(self.t("loan.lender", name=lender), 200))
            if lender
            else self.plain("loan.no_lender")
        )
        lines = self._target_lines()
        spt = next((ln for ln in lines if ln.target.kind == "bank_spt" and ln.path), None)
        if spt is None or spt.path is None:
            self.story.append(self.plain("loan.no_spt"))
        else:
            self._spt_table(spt)
        self._rates(spt)
        self.targets_worked(lines, "loan.targets_heading")
        del s

    def _spt_table(self, line: TargetLine) -> None:
        s = self.styles
        path, target = line.path, line.target
        assert path is not None
        years = target.target_year - target.base_year
        rate = target.reduction_pct / years if years else None
        rule = self.t(
            "loan.spt_rule",
            base_year=target.base_year,
            base_t=fmt_t(path.base_t),
            target_year=target.target_year,
            pct=fmt(target.reduction_pct, 1),
            rate=fmt(rate, 2),
        )
        by_year = {y.fiscal_year: y for y in self.history}
        kpi = self.kpi
        rows = []
        for point in path.points:
            result = by_year.get(point.year)
            actual = constant = None
            achieved = self.t("loan.no_data")
            if result is not None and result.lines:
                actual = result.total_adjusted_t if kpi is None else _total(result, kpi.basis)
                change = None if kpi is None else kpi.change_to(point.year, against_base=True)
                if change is not None:
                    constant = change.to_constant_t
                elif kpi is not None and point.year == kpi.base_year:
                    constant = kpi.base_t
                if not result.complete:
                    achieved = self.t("loan.part_year")
                elif actual is not None:
                    ok = actual <= point.t_co2
                    achieved = self.t("loan.achieved_yes" if ok else "loan.achieved_no")
            rows.append(
                [
                    safe(self.short_fy(point.year)),
                    safe(fmt_t(point.t_co2)),
                    safe(fmt_t(actual)),
                    safe(fmt_t(constant)),
                    safe(achieved),
                ]
            )
        header = [
            self.t(k)
            for k in (
                "col.fy",
                "col.spt_t",
                "col.actual_t",
                "col.actual_constant_t",
                "col.achieved",
            )
        ]
        block = [
            self.p(safe(self.t("loan.spt_heading")), s.h2),
            self.p(safe(rule)),
            table(s, header, rows, [30, 36, 40, 40, 32], numeric=[1, 2, 3]),
            self.p(safe(self.t("loan.achieved_note")), s.small),
        ]
        self.story.append(KeepTogether(block))
        self.story.append(Spacer(1, 2 * mm))

    def _rates(self, spt: TargetLine | None) -> None:
        """The reduction rate per year: the actual (against the base year, yearly average, as
        reported and at constant factors), the SPT's, SBTi's SME rate, the sector benchmark."""
        s = self.styles
        rows: list[list[str]] = []
        kpi = self.kpi
        change = None if kpi is None else kpi.change_to(self.year.fiscal_year, against_base=True)
        if change is not None and change.from_t and change.complete:
            years = change.to_year - change.from_year
            a, b = change.from_year, change.to_year
            reported = -change.reported_t / change.from_t * HUNDRED / years
            rows.append(
                [
                    safe(self.t("loan.rate_actual", a=a, b=b)),
                    safe(fmt(reported, 2)),
                    safe(self.t("loan.rate_actual_basis")),
                ]
            )
            if change.from_constant_t:
                constant = -change.constant_t / change.from_constant_t * HUNDRED / years
                rows.append(
                    [
                        safe(self.t("loan.rate_constant", a=a, b=b)),
                        safe(fmt(constant, 2)),
                        safe(self.t("loan.rate_actual_basis")),
                    ]
                )
        if spt is not None:
            target = spt.target
            span = target.target_year - target.base_year
            rows.append(
                [
                    safe(self.t("loan.rate_spt")),
                    safe(fmt(target.reduction_pct / span if span else None, 2)),
                    safe(self.target_name(target), 200),
                ]
            )
        rows.append(
            [
                safe(self.t("loan.rate_sbt")),
                safe(fmt(SBT_LINEAR_PCT_PER_YEAR, 2)),
                safe(self.t("loan.rate_sbt_basis")),
            ]
        )
        company = self.project.company
        benchmark = company.sector_benchmark_pct_per_year
        rows.append(
            [
                safe(self.t("loan.rate_sector")),
                safe(fmt(benchmark, 2)),
                safe(company.sector_benchmark_source or self.t("loan.rate_sector_none"), 300),
            ]
        )
        header = [self.t(k) for k in ("col.rate_kind", "col.rate", "col.rate_source")]
        block = [
            self.p(safe(self.t("loan.rates_heading")), s.h2),
            table(s, header, rows, [62, 22, 94], numeric=[1]),
        ]
        self.story.append(KeepTogether(block))
        self.story.append(Spacer(1, 2 * mm))

    # data quality (PCAF) and the declaration ------------------------------------

    def declaration(self) -> None:
        s = self.styles
        self.story.append(CondPageBreak(120 * mm))
        self.h1("s.declaration")
        company = self.project.company
        year = self.year
        rows: list[tuple[str, str]] = []

        dq = assess(self.project, self.footprint, year.fiscal_year)
        energies = ", ".join(energy_name(e, self.lang) for e in dq.energies_with_data)
        completeness = self.t(
            "dq.completeness_text",
            months=dq.months_with_data,
            expected=dq.months_expected,
            sites_with=len(dq.sites_with_data),
            sites=len(dq.sites),
            energies=energies or "-",
        )
        if dq.part_year:
            completeness += " " + self.t("dq.part_year")
        rows.append((self.t("dq.completeness"), completeness))
        shares = self.t(
            "dq.shares_text",
            estimated=fmt(dq.share_estimated_pct, 1),
            default=fmt(dq.share_default_factor_pct, 1),
            user=fmt(dq.share_user_factor_pct, 1),
        )
        rows.append((self.t("dq.shares"), shares))
        kpi = self.kpi
        if kpi is not None and kpi.base_year != year.fiscal_year:
            # The base year's own notes: what its t-CO2 rests on (the KPI is held at it).
            base = assess(self.project, self.footprint, kpi.base_year)
            base_shares = self.t(
                "dq.shares_text",
                estimated=fmt(base.share_estimated_pct, 1),
                default=fmt(base.share_default_factor_pct, 1),
                user=fmt(base.share_user_factor_pct, 1),
            )
            label = self.t("dq.base_shares", fy=self.short_fy(kpi.base_year))
            rows.append((label, base_shares))
        option = str(dq.pcaf_option)
        why_key = f"dq.pcaf_{option}" if f"dq.pcaf_{option}" in TEXTS else "dq.pcaf_other"
        pcaf = self.t("dq.pcaf_text", score=dq.pcaf_score, option=option, why=self.t(why_key))
        rows.append((self.t("dq.pcaf"), pcaf))
        state = company.verification if company.verification else "none"
        key = f"verification.{state}" if f"verification.{state}" in TEXTS else "verification.none"
        rows.append((self.t("dq.verification"), self.t(key, verifier=company.verifier or "-")))
        sites = [site.name for site in self.project.sites] or list(year.by_site)
        rows.append((self.t("dq.boundary"), ("、" if self.lang == "ja" else ", ").join(sites)))
        rows.append((self.t("dq.gases"), self.t("dq.gases_text")))
        if year.scope3_t:
            categories = ", ".join(sorted(year.scope3_by_category))
            scope3 = self.t("dq.scope3_some", t=fmt_t(year.scope3_t), categories=categories)
        else:
            scope3 = self.t("dq.scope3_none")
        rows.append((self.t("dq.scope3"), scope3))
        threshold = company.recalc_threshold_pct
        pct = DEFAULT_RECALC_THRESHOLD_PCT if threshold is None else threshold
        rows.append((self.t("dq.recalc"), self.t("dq.recalc_text", pct=fmt(pct, 1))))
        self.add_table(
            self.label_table(
                [[self.p(safe(k), s.small), self.p(safe(v, 1500), s.small)] for k, v in rows], 44
            )
        )
        self._declaration_block()

    def _declaration_block(self) -> None:
        """代表者 記名・押印: company, title, name, date and an empty box for the seal."""
        s = self.styles
        company = self.project.company
        fields = [
            (self.t("decl.company"), company.name),
            (self.t("decl.title"), company.representative_title or ""),
            (self.t("decl.name"), company.representative_name or ""),
            (self.t("decl.date"), self.today.isoformat()),
        ]
        left = [[self.p(safe(k), s.small), self.p(safe(v, 120), s.user)] for k, v in fields]
        seal = [[self.p(safe(self.t("decl.seal")), s.small)], [""]]
        seal_box = Table(seal, colWidths=[40 * mm], rowHeights=[6 * mm, 30 * mm])
        seal_box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.3, RULE),
                ]
            )
        )
        inner = Table(left, colWidths=[30 * mm, (FRAME_WIDTH_MM - 80) * mm], hAlign="LEFT")
        inner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
                    ("LINEBELOW", (1, 0), (1, -1), 0.5, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        both = Table([[inner, seal_box]], colWidths=[(FRAME_WIDTH_MM - 45) * mm, 45 * mm])
        both.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), FONT_NAME), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
        )
        block = [
            self.p(safe(self.t("decl.heading")), s.h2),
            self.p(safe(self.t("decl.text"))),
            Spacer(1, 2 * mm),
            both,
        ]
        self.story.append(KeepTogether(block))


def _total(result: object, basis: str) -> Decimal | None:
    return year_total(result, basis)  # type: ignore[arg-type]
