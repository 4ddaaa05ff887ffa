"""``ecocheck measures INPUT [--json]``: the ranked reduction measures, the plan and targets.

Uses the latest fiscal year whose footprint is complete. Prints a readable ranked table
(Japanese and English labels) or one JSON object: company, fiscal_year, measures (each with
its numbers, confidence and sources), the combined plan, the targets and the plan pathway.
Bad input raises EcoCheckError (exit 2 in cli.py) naming the file.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.commands import language, load_input_arg
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measures import evaluate_latest, plan_steps
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.messages import render as render_en
from ecocheck_desktop.core.targets import compare, paths_for, plan_pathway, standard_target
from ecocheck_desktop.text.messages import render
from ecocheck_desktop.text.report_demand import demand_measure_text

if TYPE_CHECKING:
    from ecocheck_desktop.core.measure_results import MeasureResult, Plan
    from ecocheck_desktop.core.model import Project, Target
    from ecocheck_desktop.core.results import Footprint, YearResult
    from ecocheck_desktop.core.targets import PathPoint, TargetComparison


def _number(value: Decimal | None, places: int = 6) -> float | None:
    if value is None:
        return None
    return float(Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _message(message: Message) -> dict[str, Any]:
    return {"code": message.code, "message": render_en(message)}


def _plain(value: Any) -> Any:
    return _number(value) if isinstance(value, Decimal) else value


def _measure_json(result: MeasureResult) -> dict[str, Any]:
    m = result.measure
    n = _number
    return {
        "id": m.id,
        "rank": result.rank,
        "name_ja": m.name_ja,
        "name_en": m.name_en,
        "description_ja": m.description_ja,
        "description_en": m.description_en,
        "kind": m.kind,
        "category": m.category,
        "end_use": m.end_use,
        "applicable": result.applicability.applicable,
        "reasons": [_message(r) for r in result.applicability.reasons],
        "quantified": result.quantified,
        "in_plan": result.in_plan,
        "basis": result.basis,
        "saving": {
            code: {"quantity": n(quantity), "unit": result.units[code]}
            for code, quantity in result.saving.items()
        },
        "saving_kwh": n(result.saving_kwh),
        "fuel_saved": {
            code: {"quantity": n(quantity), "unit": result.units[code]}
            for code, quantity in result.saving.items()
            if code != "electricity"
        },
        "t_co2_per_year": n(result.t_co2_per_year),
        "t_co2_scope1": n(result.t_co2_scope1),
        "t_co2_scope2": n(result.t_co2_scope2),
        "t_co2_scope2_location": n(result.t_co2_scope2_location),
        "yen_per_year": n(result.yen_per_year),
        "capex_low": n(result.capex_low),
        "capex_high": n(result.capex_high),
        "capex_typical": n(result.capex_typical),
        "payback_years": n(result.payback_years),
        "legal_life_years": m.legal_life_years,
        "payback_vs_legal_life": result.payback_vs_legal_life,
        "lifetime_years": m.lifetime_years,
        "npv": n(result.npv),
        "cost_per_t_co2": n(result.cost_per_t_co2),
        "saving_pct": {
            "low": n(m.saving_pct.low),
            "typical": n(m.saving_pct.typical),
            "high": n(m.saving_pct.high),
        },
        "subsidies": [
            {"id": s.id, "name_ja": s.name_ja, "name_en": s.name_en} for s in result.subsidies
        ],
        "confidence": m.confidence,
        "note_ja": m.note_ja,
        "note_en": m.note_en,
        "sources": [{"key": s.key, "title": s.title, "url": s.url} for s in result.sources],
        "details": {key: _plain(value) for key, value in result.details.items()},
        "notes": [_message(note) for note in result.notes],
        # DM-01 and DM-02 (30-minute data): how they follow from the company's own numbers.
        **_explanation(result),
    }


def _explanation(result: MeasureResult) -> dict[str, str]:
    ja, en = demand_measure_text(result, "ja"), demand_measure_text(result, "en")
    return {} if ja is None or en is None else {"explanation_ja": ja, "explanation_en": en}


def _no_complete_year(footprint: Footprint) -> EcoCheckError:
    errors = [reason for year in footprint.years for reason in year.incomplete_reasons]
    return EcoCheckError(*(errors or [Message("measures.no_complete_year")]))


def _targets(
    project: Project, footprint: Footprint, year: YearResult, plan: Plan
) -> tuple[list[TargetComparison], tuple[PathPoint, ...], list[Message]]:
    complete = [y for y in footprint.years if y.complete and y.by_energy] or [year]
    targets: list[Target] = list(project.targets)
    if not targets:
        base_year = complete[0].fiscal_year
        targets = [
            standard_target(kind, base_year) for kind in ("sbt_linear", "sbt_42", "national")
        ]
    pathway = plan_pathway(year.fiscal_year, year.total_adjusted_t, plan_steps(plan, project))
    comparisons = []
    warnings: list[Message] = []
    for line in paths_for(targets, complete):
        target = line.target
        if line.error is not None:
            raise line.error
        if line.path is None:
            warnings.append(
                Message(
                    "targets.base_missing", {"kind": target.kind, "base_year": target.base_year}
                )
            )
            continue
        comparisons.append(compare(line.path, pathway))
    return comparisons, pathway, warnings


def _target_json(comparison: TargetComparison) -> dict[str, Any]:
    path = comparison.path
    document: dict[str, Any] = {
        "kind": path.kind,
        "label_ja": path.label_ja,
        "label_en": path.label_en,
        "base_year": path.base_year,
        "base_t": _number(path.base_t),
        "target_year": path.target_year,
        "target_t": _number(path.target_t),
        "reduction_pct": _number(path.reduction_pct),  # base x (1 - pct / 100) = target_t
        "sbti_accepted": path.sbti_accepted,  # SBT kinds: base year 2018 or later; else null
        "caveats": [_message(c) for c in path.caveats],
        "points": [{"year": p.year, "t_co2": _number(p.t_co2)} for p in path.points],
    }
    for gap in comparison.gaps:
        document[f"target_{gap.year}_t"] = _number(gap.target_t)
        document[f"plan_{gap.year}_t"] = _number(gap.plan_t)
        document[f"gap_{gap.year}_t"] = _number(gap.gap_t)
        document[f"on_track_{gap.year}"] = gap.on_track
    return document


def document(
    project: Project, footprint: Footprint, plan: Plan, year: YearResult
) -> dict[str, Any]:
    """The ``ecocheck measures --json`` object."""
    comparisons, pathway, target_warnings = _targets(project, footprint, year, plan)
    totals = plan.totals
    n = _number
    return {
        "company": project.company.name,
        "fiscal_year": plan.fiscal_year,
        "sector": plan.profile.sector,
        "end_use_profile": {
            "sector": plan.profile.sector,
            "electricity_pct": {k: n(v) for k, v in plan.profile.electricity.items()},
            "fuels_pct": {
                code: {k: n(v) for k, v in split.items()}
                for code, split in plan.profile.fuels.items()
            },
            "overridden": list(plan.profile.overridden),
            "confidence": plan.profile.confidence,
            "sources": list(plan.profile.sources),
        },
        "discount_rate_pct": n(plan.discount_rate_pct),
        "baseline_total_adjusted_t": n(totals.baseline_total_adjusted_t),
        "measures": [_measure_json(r) for r in plan.measures],
        "plan": {
            "measure_ids": [r.measure.id for r in plan.measures if r.in_plan],
            "t_co2_per_year": n(totals.t_co2_per_year),
            "t_co2_scope1": n(totals.t_co2_scope1),
            "t_co2_scope2": n(totals.t_co2_scope2),
            "t_co2_scope2_location": n(totals.t_co2_scope2_location),
            "yen_per_year": n(totals.yen_per_year),
            "capex_low": n(totals.capex_low),
            "capex_high": n(totals.capex_high),
            "after_total_adjusted_t": n(totals.after_total_adjusted_t),
            "reduction_pct": n(totals.reduction_pct),
        },
        "targets": [_target_json(c) for c in comparisons],
        "plan_pathway": [{"year": p.year, "t_co2": n(p.t_co2)} for p in pathway],
        "warnings": [_message(w) for w in [*plan.warnings, *target_warnings]],
    }


# --------------------------------------------------------------------------- text table


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int) -> str:
    out = ""
    for char in text:
        if _width(out + char) > width:
            break
        out += char
    return out + " " * (width - _width(out))


def _fmt(value: Decimal | None, places: int = 0) -> str:
    if value is None:
        return "-"
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{number:,.{places}f}"


_VERSUS = {"within": "≤法定", "beyond": ">法定", "n/a": ""}
_CONFIDENCE = {"sourced": "出典", "derived": "導出", "unconfirmed": "未確認"}


def _row(result: MeasureResult) -> str:
    m = result.measure
    mark = "*" if result.in_plan else " "
    capex = f"{_fmt(result.capex_low / 10000)}-{_fmt(result.capex_high / 10000)}"
    payback = (
        f"{_fmt(result.payback_years, 1)}{_VERSUS[result.payback_vs_legal_life]}"
        if result.payback_years is not None
        else "-"
    )
    return (
        f"{result.rank or '':>3}{mark} {m.id:<6} {_cut(m.name_ja, 30)} "
        f"{_fmt(result.t_co2_per_year, 2) if result.quantified else '-':>8} "
        f"{_fmt(result.yen_per_year / 10000, 1) if result.quantified else '-':>9} "
        f"{capex if result.quantified else '-':>12} {payback:>10} "
        f"{_fmt(result.cost_per_t_co2):>10} {_CONFIDENCE[m.confidence]}"
    )


def table(project: Project, plan: Plan, doc: dict[str, Any], lang: str = "en") -> str:
    lines = [
        f"{project.company.name}  {plan.fiscal_year}年度 (FY{plan.fiscal_year})"
        f"  profile: {plan.profile.name_ja} / {plan.profile.name_en}",
        "",
        "順位 ID     対策 (measure)                     t-CO2/年   万円/年  投資 万円"
        "  回収年数  円/t-CO2  確度",
    ]
    ranked = [r for r in plan.measures if r.rank is not None]
    for result in ranked:
        lines.append(_row(result))
        explained = demand_measure_text(result, lang)
        if explained:
            lines.append(f"         {explained}")
    confirm = [r for r in plan.measures if r.rank is None and r.applicability.status == "unknown"]
    if confirm:
        lines += ["", "要確認 (answer the checklist to include):"]
        lines += [
            _row(r) + "  " + ", ".join(render(m, lang) for m in r.applicability.reasons)
            for r in confirm
        ]
    totals = plan.totals
    lines += [
        "",
        "* = 計画に含む (in the combined plan; each applies to what the earlier ones left)",
        f"計画合計 (plan): {_fmt(totals.t_co2_per_year, 2)} t-CO2/年"
        f" (Scope 1 {_fmt(totals.t_co2_scope1, 2)}, Scope 2 {_fmt(totals.t_co2_scope2, 2)}),"
        f" {_fmt(totals.yen_per_year / 10000, 1)} 万円/年,"
        f" 投資 {_fmt(totals.capex_low / 10000)}-{_fmt(totals.capex_high / 10000)} 万円,"
        f" 削減率 {_fmt(totals.reduction_pct, 1)} %",
        "",
        "目標 (targets):",
    ]
    for target in doc["targets"]:
        line = (
            f"  {target['label_ja']}: 基準 FY{target['base_year']}"
            f" {target['base_t']:,.1f} t → FY{target['target_year']} {target['target_t']:,.1f} t"
        )
        if "plan_2030_t" in target:
            line += (
                f"; 2030 目標 {target['target_2030_t']:,.1f} t"
                f" / 計画 {target['plan_2030_t']:,.1f} t"
            )
        lines.append(line)
    warnings = doc["warnings"]
    if warnings:
        lines += ["", "注意 (warnings):"] + [f"  {w['message']}" for w in warnings]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    loaded = load_input_arg(args, meters=True)
    project = loaded.project
    try:
        footprint = calculate(project, strict=False)
        latest = evaluate_latest(project, footprint.years, demand=loaded.meters)
        if latest is None:
            raise _no_complete_year(footprint)
        year, plan = latest
    except EcoCheckError as error:
        raise EcoCheckError(
            *(Message(m.code, m.params, {"file": str(path), **m.where}) for m in error.messages)
        ) from None
    doc = document(project, footprint, plan, year)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(table(project, plan, doc, language(args)))
    return 0
