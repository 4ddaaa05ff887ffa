"""The locked KPI on page 1 and the reasons for the change (issue 18, points 1 and 5).

The numbers are core.kpi's and core.change_effects'; this module lays them out: the KPI's
definition, base year and value, the factor set it is held at, each change as reported and at
constant factors with the factor effect, a warning when the base year rests on an estimate,
and per year the effects table with the company's own explanation.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ecocheck_desktop.core.kpi import Change, Kpi, assess
from ecocheck_desktop.core.results import ESTIMATE_PROVENANCES, YearResult
from ecocheck_desktop.core.targets import TargetLine, sbti_accepted
from ecocheck_desktop.report.layout import safe, table
from ecocheck_desktop.report.sections.story import Story, _factor_value
from ecocheck_desktop.text.messages import render
from ecocheck_desktop.text.numbers import PLACES_GJ, fmt, fmt_t
from ecocheck_desktop.text.report import TEXTS, energy_name

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from ecocheck_desktop.core.model import Target

PCT_PLACES = 2  # a KPI change is read to the hundredth of a percent


def pct_text(value: Decimal | None) -> str:
    if value is None:
        return "-"
    text = fmt(value, PCT_PLACES)
    if not text.startswith("-") and Decimal(text.replace(",", "")) != 0:
        text = "+" + text
    return f"{text} %"


def signed_t(value: Decimal | None) -> str:
    text = fmt_t(value)
    if value is not None and not text.startswith("-") and Decimal(text.replace(",", "")) != 0:
        text = "+" + text
    return text


class KpiSections(Story):
    """Page 1's KPI block and the reasons for the change, parts of ReportBuilder."""

    @cached_property
    def kpi(self) -> Kpi | None:
        upto = [y for y in self.history if y.fiscal_year <= self.year.fiscal_year]
        return assess(self.project, upto)

    def kpi_editions(self, kpi: Kpi) -> str:
        titles = []
        for edition_id in kpi.factor_editions:
            edition = self._edition(edition_id)
            titles.append(edition.title if edition is not None else edition_id)
        return ("、" if self.lang == "ja" else "; ").join(titles) or "-"

    def kpi_block(self) -> None:
        """Page 1: the KPI's definition, base year and value, the factors it is held at, and
        the changes to the reporting year, as reported and at constant factors."""
        kpi = self.kpi
        if kpi is None:
            return
        s = self.styles
        base_fy = self.short_fy(kpi.base_year)
        rows = [
            (
                self.t("kpi.definition"),
                self.t("kpi.definition_text", basis=self.t(f"kpi.basis.{kpi.basis}")),
            ),
            (self.t("kpi.base"), self.t("kpi.base_text", fy=base_fy, t=fmt_t(kpi.base_t))),
            (
                self.t("kpi.held_at"),
                self.t("kpi.held_at_text", fy=base_fy, editions=self.kpi_editions(kpi)),
            ),
        ]
        flowables = [
            self.p(safe(self.t("kpi.heading")), s.h2),
            self.label_table(
                [[self.p(safe(k), s.small), self.p(safe(v, 600), s.small)] for k, v in rows], 38
            ),
        ]
        changes: list[tuple[str, Change]] = []
        year = self.year.fiscal_year
        yoy = kpi.change_to(year)
        if yoy is not None:
            label = self.t("kpi.yoy_row", a=self.short_fy(yoy.from_year), b=self.short_fy(year))
            changes.append((label, yoy))
        against_base = kpi.change_to(year, against_base=True)
        if against_base is not None and (yoy is None or against_base.from_year != yoy.from_year):
            label = self.t("kpi.base_row", a=base_fy, b=self.short_fy(year))
            changes.append((label, against_base))
        if changes:
            header = [
                self.t(k)
                for k in (
                    "col.change",
                    "col.reported",
                    "col.reported_pct",
                    "col.constant",
                    "col.constant_pct",
                    "col.factor_effect",
                )
            ]
            body = [
                [
                    safe(label),
                    safe(signed_t(c.reported_t)),
                    safe(pct_text(c.reported_pct)),
                    safe(signed_t(c.constant_t)),
                    safe(pct_text(c.constant_pct)),
                    safe(signed_t(c.factor_effect_t)),
                ]
                for label, c in changes
            ]
            flowables.append(Spacer(1, 1.5 * mm))
            flowables.append(
                table(s, header, body, [48, 27, 23, 27, 23, 30], numeric=[1, 2, 3, 4, 5])
            )
            flowables.append(self.p(safe(self.t("kpi.change_note")), s.small))
            if any(not c.complete for _label, c in changes):
                note = self.t("kpi.part_year_change", fy=self.short_fy(year))
                flowables.append(self.p(safe(note), s.small))
        else:
            flowables.append(self.plain("kpi.no_change"))
        if kpi.on_estimate:
            flowables.append(self.p(safe(self._estimate_warning(kpi), 900), s.small))
        if kpi.part_year:
            flowables.append(self.plain("kpi.part_year", fy=base_fy))
        base = self._year(kpi.base_year)
        user = [u for u in (base.factors_used if base else []) if u.provenance == "user"]
        if user:
            listed = ("、" if self.lang == "ja" else "; ").join(
                self.t(
                    "kpi.user_factor",
                    label=self.factor_label(u.label),
                    value=_factor_value(u.value),
                    unit=u.unit,
                )
                for u in user
            )
            line = self.t("kpi.user_factors", factors=listed)
            flowables.append(self.p(safe(line, 900), s.small))
        self.story.append(KeepTogether(flowables))
        self.story.append(Spacer(1, 2 * mm))

    def _estimate_warning(self, kpi: Kpi) -> str:
        base = self._year(kpi.base_year)
        used = base.factors_used if base is not None else []
        what = [self.factor_label(u.label) for u in used if u.provenance in ESTIMATE_PROVENANCES]
        what += [
            f"{energy_name(energy, self.lang)} ({self.t('kpi.missing_factor')})"
            for _site, energy, provenance in kpi.weak_lines
            if provenance == "missing"
        ]
        if kpi.estimated_months:
            what.append(self.t("kpi.estimated_months", months=", ".join(kpi.estimated_months)))
        joined = ("、" if self.lang == "ja" else "; ").join(dict.fromkeys(what))
        return self.t("kpi.on_estimate", fy=self.short_fy(kpi.base_year), what=joined)

    def change_reasons(self) -> None:
        """Each year with a year before it: the effects that add up to its change and the
        company's own explanation (FiscalYearData.change_reasons)."""
        kpi = self.kpi
        if kpi is None:
            return
        for change in kpi.changes:
            self._reasons_of(change)

    def _reasons_of(self, change: Change) -> None:
        s = self.styles
        a, b = self.short_fy(change.from_year), self.short_fy(change.to_year)
        heading = self.p(safe(self.t("reasons.heading", a=a, b=b)), s.h2)
        rows = [
            [
                safe(self.t("effect.factor")),
                safe(signed_t(change.factor_effect_t)),
                safe(self.t("effect.factor_text")),
            ]
        ]
        split = change.effects
        if split is not None:
            before = self._year(change.from_year)
            after = self._year(change.to_year)
            if split.driver:
                unit = self.unit(split.driver_unit)
                driver_text = self.t(
                    "effect.driver_text",
                    a=fmt(split.driver_from, 1),
                    b=fmt(split.driver_to, 1),
                    unit=unit,
                )
                rows.append(
                    [
                        safe(self.t(f"effect.{split.driver}")),
                        safe(signed_t(split.production_t)),
                        safe(driver_text),
                    ]
                )
                rows.append(
                    [safe(self.t("effect.intensity")), safe(signed_t(split.intensity_t)), ""]
                )
            else:
                gj = self.t(
                    "effect.gj_text",
                    a=fmt(before.energy_gj if before else None, PLACES_GJ),
                    b=fmt(after.energy_gj if after else None, PLACES_GJ),
                )
                rows.append(
                    [
                        safe(self.t("effect.energy_use")),
                        safe(signed_t(split.production_t)),
                        safe(gj),
                    ]
                )
            rows.append(
                [
                    safe(self.t("effect.mix")),
                    safe(signed_t(split.mix_t)),
                    safe(self.t("effect.mix_text")),
                ]
            )
            if split.other_t:
                rows.append([safe(self.t("effect.other")), safe(signed_t(split.other_t)), ""])
        rows.append([safe(self.t("effect.total")), safe(signed_t(change.reported_t)), ""])
        header = [self.t(k) for k in ("col.effect", "col.effect_t", "col.effect_basis")]
        block = [heading]
        part = [y for y in (self._year(change.from_year), self._year(change.to_year)) if y]
        for year in (y for y in part if not y.complete):  # an 8-month year is no full year
            fy = self.short_fy(year.fiscal_year)
            block.append(self.p(safe(self.t("kpi.part_year_change", fy=fy)), s.small))
        block.append(table(s, header, rows, [50, 30, 98], numeric=[1], total_row=True))
        block.append(Spacer(1, 1.5 * mm))  # the method's note is not glued to the total row
        block.append(self.plain("reasons.method" if split is not None else "reasons.no_split"))
        data = self.project.fiscal_years.get(change.to_year)
        own = data.change_reasons.strip() if data is not None else ""
        block.append(
            self.p(safe(self.t("reasons.user", text=own), 2000), s.user)
            if own
            else self.plain("reasons.user_none")
        )
        self.story.append(KeepTogether(block))
        self.story.append(Spacer(1, 2 * mm))

    def _year(self, fiscal_year: int) -> YearResult | None:
        return next((y for y in self.history if y.fiscal_year == fiscal_year), None)

    # every target on one line (the trend page and the loan page) -------------------------

    def target_name(self, target: Target) -> str:
        key = f"target.{target.kind}"
        name = self.t(key) if key in TEXTS else target.kind
        return name + (f" ({target.note})" if target.note else "")

    def targets_worked(self, lines: list[TargetLine], heading: str | None = None) -> None:
        """Every target on one line: base year, base value, %, target year, target value."""
        s = self.styles
        rows = []
        notes: list[str] = []
        for line in lines:
            path, target = line.path, line.target
            if path is None:
                notes.append(self.t("trend.base_missing", base=target.base_year))
                continue
            accepted = sbti_accepted(target)
            sbti = (
                self.t("loan.not_applicable")
                if accepted is None
                else self.t("loan.sbti_ok" if accepted else "loan.sbti_no")
            )
            rows.append(
                [
                    safe(self.target_name(target), 120),
                    safe(self.short_fy(path.base_year)),
                    safe(fmt_t(path.base_t)),
                    safe(fmt(path.reduction_pct, 1)),
                    safe(self.short_fy(path.target_year)),
                    safe(fmt_t(path.target_t)),
                    safe(sbti),
                ]
            )

            notes += [render(c, self.lang) for c in path.caveats]
        if not rows:
            return
        header = [
            self.t(k)
            for k in (
                "col.target",
                "col.base_year",
                "col.base_t",
                "col.reduction",
                "col.target_year",
                "col.target_t",
                "col.sbti",
            )
        ]
        block: list[Flowable] = [self.p(safe(self.t(heading)), s.h2)] if heading else []
        block += [
            table(s, header, rows, [52, 20, 22, 18, 20, 24, 22], numeric=[2, 3, 5]),
        ]
        block += [self.p("• " + safe(n, 600), s.small) for n in dict.fromkeys(notes)]
        self.story.append(KeepTogether(block))
