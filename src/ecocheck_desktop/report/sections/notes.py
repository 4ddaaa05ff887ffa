"""Report items 13-16: data quality and notes, compliance lines, the disclaimer and the appendix."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Table, TableStyle

from ecocheck_desktop.core.compliance import shoene_specified
from ecocheck_desktop.core.fiscal import fiscal_year_of
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.core.sources import primary, saving_is_sourced
from ecocheck_desktop.report.layout import ACCENT, CELL_LIMIT, FONT_NAME, LIGHT, safe, table
from ecocheck_desktop.report.sections.story import (
    APPENDIX_ROW_LIMIT,
    FRAME_WIDTH_MM,
    NOTE_LIMIT,
    OPTIONAL_SECTIONS,
    Story,
    _factor_value,
)
from ecocheck_desktop.text import glossary
from ecocheck_desktop.text.messages import render as message_text
from ecocheck_desktop.text.numbers import PLACES_KL, PLACES_YEN, fmt, fmt_quantity, fmt_t
from ecocheck_desktop.text.report import energy_name, formulas, how_text


class NotesSections(Story):
    """Report items 13-16 of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    # 13 data quality ----------------------------------------------------------

    def quality(self) -> None:
        s = self.styles
        year = self.year
        self.h1("s.quality")
        missing = self._missing_months()
        estimated = sorted({line.month for line in year.lines if line.estimated})
        user = [u for u in year.factors_used if u.how.startswith("user")]
        items = [
            (self.t("quality.missing_months"), missing or self.t("quality.none")),
            (self.t("quality.estimated"), ", ".join(estimated) or self.t("quality.none")),
            (
                self.t("quality.user_factors"),
                "; ".join(f"{u.label}: {_factor_value(u.value)} {u.unit}" for u in user)
                or self.t("quality.none"),
            ),
        ]
        for label, value in items:
            self.story.append(self.p(f"{safe(label)}: {safe(value, 2000)}", s.user))
        self.story.append(self.p(safe(self.t("quality.not_used")), s.user))
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

    def _missing_months(self) -> str:
        """The months without data as the completeness rule names them (core/completeness.py):
        months without any record, then each line's blank months; "" when there are none. The
        checks below list the same months, so the two never disagree."""
        completeness = self.year.completeness
        if completeness is None:
            return ""
        parts = []
        if completeness.months_without_any():
            all_energies = self.t("quality.all_energies")
            parts.append(f"{all_energies}: " + ", ".join(completeness.months_without_any()))
        sites = {site for site, _energy in completeness.blank_months}
        for (site, energy), gaps in completeness.blank_months.items():
            name = energy_name(energy, self.lang) + (f" ({site})" if len(sites) > 1 else "")
            parts.append(f"{name}: " + ", ".join(gaps))
        return "; ".join(parts)

    def notes(self) -> None:
        """The notes typed on the year's bills (as typed, escaped, long ones cut)."""
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
            if shoene_specified(year.crude_oil_kl)
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
        box = Table([[self.p(safe(self.t("disclaimer.text")))]], colWidths=[FRAME_WIDTH_MM * mm])
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

        # Official and primary sources only (core.sources); a measure whose saving rests on
        # none is labelled an EcoCheck estimate.
        used: dict[str, tuple[Any, list[str]]] = {}
        estimates: list[str] = []
        for result in self.plan_rows():
            if not saving_is_sourced(result.sources):
                estimates.append(result.measure.id)
            for source in primary(result.sources):
                used.setdefault(source.key, (source, []))[1].append(result.measure.id)
        if not used and not estimates:
            return
        self.story.append(self.p(safe(self.t("appendix.measure_sources")), self.styles.h2))
        for source, ids in used.values():
            line = self.t(
                "appendix.measure_source_line",
                ids=", ".join(ids),
                title=f"{source.key} {source.title_in(self.lang)}",
            ) + (f" ({source.url})" if source.url else "")
            self.story.append(self.p(safe(line), self.styles.small))
        if estimates:
            line = self.t("source.estimate", ids=", ".join(estimates))
            self.story.append(self.p(safe(line), self.styles.small))

    def appendix(self) -> None:
        s = self.styles
        year = self.year
        # The heading keeps the start of the monthly table (layout.KeepWithStart); a new page
        # only when not even that fits, so no half-empty page before the appendix.
        self.story.append(CondPageBreak(40 * mm))
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
        self._glossary()

    def _glossary(self) -> None:
        """The plain-words glossary of the screens (text/glossary.py): each term a reader may
        not know, in one line with an example."""
        self.story.append(self.p(safe(self.t("appendix.glossary")), self.styles.h2))
        separator = "：" if self.lang == "ja" else ": "
        for term in glossary.TERMS:
            line = glossary.name(term.key, self.lang) + separator
            line += glossary.explanation(term.key, self.lang)
            self.story.append(self.p("• " + safe(line), self.styles.small))
