"""Report items 9, 11-12: the end-use split, the ranked measures and the roadmap to the targets."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportlab.platypus import KeepTogether

from ecocheck_desktop.core.measures import plan_steps
from ecocheck_desktop.core.profiles import load_profiles
from ecocheck_desktop.core.sources import is_primary
from ecocheck_desktop.core.targets import TargetPath, paths_for, plan_pathway, standard_target
from ecocheck_desktop.report import chart_spec
from ecocheck_desktop.report.layout import CELL_LIMIT, safe, table
from ecocheck_desktop.report.sections.story import ROADMAP_YEARS, Story, _letter
from ecocheck_desktop.text.messages import render as message_text
from ecocheck_desktop.text.numbers import PLACES_GJ, fmt, fmt_pct, fmt_t
from ecocheck_desktop.text.report import TEXTS, energy_name
from ecocheck_desktop.text.report_demand import demand_measure_text, demand_text

if TYPE_CHECKING:
    from ecocheck_desktop.core.measure_results import MeasureResult


MAN = 10000  # 1 万円


def _man(yen: Decimal | None) -> str:
    return fmt(None if yen is None else yen / MAN, 2)


class PlanSections(Story):
    """Report items 9, 11-12 of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    def end_use(self) -> None:
        self.h1("s.enduse")
        if self._no_plan("enduse.none"):
            return

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

        # Official and primary sources only (core.sources); the rest is said to be ours.
        cited = [(key, profiles.sources.get(key, {})) for key in profile.sources]
        shown = [(key, ref) for key, ref in cited if is_primary(ref.get("url", ""))]
        title = "title_ja" if self.lang == "ja" else "title_en"
        parts = [
            f"{key} {ref.get(title) or ref.get('title', '')} ({ref['url']})" for key, ref in shown
        ]
        if len(shown) < len(cited):
            parts.append(self.t("source.enduse_estimate"))
        sources = "; ".join(parts)
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

    def _t_co2(self, result: MeasureResult) -> str:
        if not result.quantified:
            return "-"
        if result.measure.model == "demand_peak":  # DM-01 moves energy: yen only (the row says so)
            return demand_text("yen_only", self.lang)
        return fmt(result.t_co2_per_year, 2)

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
                    safe(self._t_co2(result)),
                    # One money unit per table: 万円 (issue 18).
                    safe(fmt(result.yen_per_year / MAN, 1) if result.quantified else "-"),
                    safe(self._capex(result)),
                    safe(self._payback(result)),
                    safe(_man(result.cost_per_t_co2)),
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
                safe(fmt(totals.yen_per_year / MAN, 1)),
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
                yen=fmt(totals.yen_per_year / MAN, 1),  # 万円, as in the table above
                low=fmt(totals.capex_low / 10000, 0),
                high=fmt(totals.capex_high / 10000, 0),
            )
        )
        for result in results:  # DM-01, DM-02: from the company's own 30-minute data
            explained = demand_measure_text(result, self.lang)
            if explained:
                self.story.append(self.p(safe(explained), s.small))
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
        complete = [y for y in self.history if y.complete and y.by_energy]
        if not complete:
            return [], []
        targets = list(self.project.targets) or [
            standard_target(kind, complete[0].fiscal_year)
            for kind in ("sbt_linear", "sbt_42", "national")
        ]
        paths: list[TargetPath] = []
        notes: list[str] = []
        for line in paths_for(targets, complete):
            target, path = line.target, line.path
            key = f"target.{target.kind}"
            name = self.t(key) if key in TEXTS else target.kind
            if line.error is not None:
                notes += [message_text(m, self.lang) for m in line.error.messages]
                continue
            if path is None:
                notes.append(self.t("roadmap.base_missing", name=name, base=target.base_year))
                continue
            paths.append(path)
            notes += [message_text(c, self.lang) for c in path.caveats]
        return paths, notes

    def roadmap(self) -> None:
        s = self.styles
        self.h1("s.roadmap")
        if self._no_plan("roadmap.none"):
            return

        plan, year = self.evaluation[0], self.latest_complete
        assert plan is not None and year is not None
        steps = plan_steps(plan, self.project)
        pathway = plan_pathway(year.fiscal_year, year.total_adjusted_t, steps)
        paths, notes = self._target_paths()
        complete = [y for y in self.history if y.complete]
        figure = chart_spec.roadmap_chart(complete, paths, pathway, self.lang, size=(7, 2.9))
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
        # Every row on one line: base value, %, target year and value, the plan that year and
        # the gap (a bank SPT ends before 2030: its own year, never a blank row).
        rows = [
            [
                safe(self.t("roadmap.plan_row")),
                "",
                "",
                safe(self.short_fy(ROADMAP_YEARS[0])),
                safe(fmt_t(at.get(ROADMAP_YEARS[0]))),
                "",
            ]
        ]
        for path in paths:
            goal = path.target_t
            plan_then = at.get(path.target_year)
            gap = None if plan_then is None else plan_then - goal
            rows.append(
                [
                    safe(self.t(f"target.{path.kind}")),
                    safe(fmt_t(path.base_t)),
                    safe(fmt(path.reduction_pct, 1)),
                    safe(self.short_fy(path.target_year)),
                    safe(fmt_t(goal)),
                    safe(fmt_t(gap)),
                ]
            )
        header = [
            self.t(k)
            for k in (
                "col.target",
                "col.base_t",
                "col.reduction",
                "col.target_year",
                "col.target_t",
                "col.gap_target",
            )
        ]
        self.add_table(table(s, header, rows, [66, 24, 18, 22, 24, 24], numeric=[1, 2, 4, 5]))
        self.story.append(self.p(safe(self.t("roadmap.gap_note")), s.small))
        for note in notes:
            self.story.append(self.p("• " + safe(note), s.small))
