"""Reduction measures: applicability, the baseline, the ranking and the combined plan.

Owns which measures apply (the checklist answers against each measure's conditions), the
baseline of the footprint year they act on, and, through core.measure_effects, for each
applicable measure: energy saved, t-CO2 per year (Scope 1 and Scope 2 parts, with the factors
the footprint used), 円 per year, capex range, simple payback against 法定耐用年数, NPV, cost
per t-CO2 and candidate subsidies — then the ranked list and the combined plan.

Rules (also in docs/measures.md):

- A measure acts on an end-use "pool" (kWh of compressed air, kL of A重油 in boilers, ...),
  built from the company's energy of the fiscal year split by the end-use profile.
- Combined measures never double count: the plan applies them one after another in rank order,
  each to what the earlier ones left (pools shrink; an electrified boiler adds to electricity).
- Ranking uses each measure on its own (standalone): measures that cut CO2 by cost per t-CO2
  (cheapest first), then money-only measures by payback, then measures without numbers.
- Emission factors per unit are the footprint's own (t-CO2 ÷ quantity of the year), so measure
  CO2 is consistent with the footprint: market = 調整後 basis, location = 全国平均係数.
- Prices are the company's own (bill cost ÷ quantity over the lines that carry a cost), else the
  catalogue default (flagged).

Where the parts live: the catalogue files and the checklist schema in
:mod:`~ecocheck_desktop.core.catalogue`; what one measure does in
:mod:`~ecocheck_desktop.core.measure_effects`; the result objects in
:mod:`~ecocheck_desktop.core.measure_results`.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ecocheck_desktop.core.catalogue import (
    Catalogue,
    Condition,
    MeasureDef,
    load_catalogue,
    read_checklist,
)
from ecocheck_desktop.core.demand_bill import tariff_defaults
from ecocheck_desktop.core.measure_effects import (
    MEASURES_CONTEXT,
    EvaluationContext,
    PlanState,
    apply_effect,
    effect_of,
    end_use_pools,
    result_of,
    unquantified,
)
from ecocheck_desktop.core.measure_results import (
    Applicability,
    Baseline,
    EnergyBaseline,
    LatestPlan,
    MeasureResult,
    Plan,
    PlanTotals,
)
from ecocheck_desktop.core.measures_demand import (
    REPLACED_BY_DATA,
    demand_figures,
    demand_measure_file,
    with_demand,
)
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.profiles import end_use_profile
from ecocheck_desktop.core.targets import PlanStep

if TYPE_CHECKING:
    from ecocheck_desktop.core.demand import MeterData
    from ecocheck_desktop.core.factors import FactorLibrary
    from ecocheck_desktop.core.model import Project
    from ecocheck_desktop.core.results import YearResult


ZERO = Decimal(0)
HUNDRED = Decimal(100)
GJ_PER_KWH = Decimal("0.0036")  # 3.6 MJ: the physical heat content of a kWh


def _holds(op: str, answer: Any, expected: Any) -> bool:
    if op == "in":
        return bool(answer in expected)
    if op in ("eq", "ne"):
        same = answer == expected
        return same if op == "eq" else not same
    left, right = Decimal(str(answer)), Decimal(str(expected))
    return {
        "gt": left > right,
        "ge": left >= right,
        "lt": left < right,
        "le": left <= right,
    }[op]


def _any(alternatives: tuple[Condition, ...], answers: dict[str, Any]) -> Applicability:
    results = [applicability_of(alternative, answers) for alternative in alternatives]
    if any(r.status == "yes" for r in results):
        return Applicability("yes")
    reasons = tuple(reason for r in results for reason in r.reasons)
    if any(r.status == "unknown" for r in results):
        return Applicability(
            "unknown", tuple(x for x in reasons if x.code == "measures.needs_answer")
        )
    return Applicability("no", reasons)


def applicability_of(condition: Condition, answers: dict[str, Any]) -> Applicability:
    """One condition against the typed answers."""
    if condition.op == "any":
        return _any(condition.value, answers)
    if condition.key not in answers:
        return Applicability("unknown", (Message("measures.needs_answer", {"key": condition.key}),))
    if _holds(condition.op, answers[condition.key], condition.value):
        return Applicability("yes")
    return Applicability(
        "no",
        (
            Message(
                "measures.condition_failed",
                {
                    "key": condition.key,
                    "answer": answers[condition.key],
                    "op": condition.op,
                    "value": condition.value,
                },
            ),
        ),
    )


def applicability(measure: MeasureDef, answers: dict[str, Any]) -> Applicability:
    """Whether the typed checklist answers switch a measure on (all conditions must hold)."""
    results = [applicability_of(condition, answers) for condition in measure.applicability]
    failed = tuple(reason for r in results if r.status == "no" for reason in r.reasons)
    if failed:
        return Applicability("no", failed)
    missing = tuple(reason for r in results if r.status == "unknown" for reason in r.reasons)
    if missing:
        return Applicability("unknown", missing)
    return Applicability("yes")


# --------------------------------------------------------------------------- baseline


def baseline_from_year(
    year: YearResult, catalogue: Catalogue, library: FactorLibrary | None = None
) -> Baseline:
    """The baseline of one footprint year: quantities, the factors used, the unit prices."""
    warnings: list[Message] = []
    cost_lines: dict[str, tuple[Decimal, Decimal]] = {}
    for line in year.lines:
        if line.cost_yen is not None:
            quantity, cost = cost_lines.get(line.energy, (ZERO, ZERO))
            cost_lines[line.energy] = (quantity + line.table_quantity, cost + line.cost_yen)
    energies: dict[str, EnergyBaseline] = {}
    with decimal.localcontext(MEASURES_CONTEXT):
        for code, total in year.by_energy.items():
            if total.quantity <= 0:
                continue
            location = (
                None if total.t_co2_location is None else total.t_co2_location / total.quantity
            )
            price, how = _price(code, cost_lines.get(code), catalogue, total.unit, warnings)
            energies[code] = EnergyBaseline(
                code,
                total.quantity,
                total.unit,
                total.t_co2 / total.quantity,
                location,
                total.gj / total.quantity,
                price,
                how,
            )
        if "electricity" not in energies:
            # Electrification adds electricity even where none was bought: use the national
            # average factor of the year (never another year's).
            if library is None:
                # As in footprint.calculate: the bundled library loads only when none is given.
                from ecocheck_desktop.core.factors import default_library

                library = default_library()
            national = library.national_average(year.fiscal_year)
            if national is None:
                warnings.append(
                    Message("measures.no_electricity_factor", {"fiscal_year": year.fiscal_year})
                )
            else:
                price, how = _price("electricity", None, catalogue, "kWh", warnings)
                factor = national[0]
                energies["electricity"] = EnergyBaseline(
                    "electricity", ZERO, "kWh", factor, factor, GJ_PER_KWH, price, how
                )
    return Baseline(
        year.fiscal_year,
        energies,
        year.total_adjusted_t,
        year.refrigerant_scope1_t,
        tuple(warnings),
    )


def _price(
    code: str,
    bills: tuple[Decimal, Decimal] | None,
    catalogue: Catalogue,
    unit: str,
    warnings: list[Message],
) -> tuple[Decimal, str]:
    if bills is not None and bills[0] > 0:
        return bills[1] / bills[0], "bills"
    default = catalogue.unit_prices.get(code)
    if default is None or default.unit != unit:
        warnings.append(Message("measures.no_price", {"energy": code}, {"energy": code}))
        return ZERO, "none"
    warnings.append(
        Message(
            "measures.default_price",
            {
                "energy": code,
                "price": default.yen_per_unit,
                "unit": unit,
                "source": ", ".join(default.sources),
            },
            {"energy": code},
        )
    )
    return default.yen_per_unit, "default"


# --------------------------------------------------------------------------- ranking and the plan


# The MoE plan order (measures.md §3a/3b): save energy, then electrify, then on-site
# renewables, then buy renewable electricity; procurement last so that it never hides the
# market-basis effect of the efficiency measures before it.
_PHASES = {"electrify": 1, "pv": 2, "tariff": 3, "enabler": 4}


def _rank_key(result: MeasureResult) -> tuple[int, int, Decimal, Decimal, str]:
    phase = _PHASES.get(result.measure.model, 0)
    if result.quantified and result.t_co2_per_year > 0 and result.cost_per_t_co2 is not None:
        return (phase, 0, result.cost_per_t_co2, result.payback_years or ZERO, result.measure.id)
    if result.quantified and result.yen_per_year > 0:
        return (phase, 1, result.payback_years or ZERO, ZERO, result.measure.id)
    return (phase, 2, ZERO, ZERO, result.measure.id)


def latest_complete_year(years: Iterable[YearResult]) -> YearResult | None:
    """The year the measures are evaluated against: the latest complete fiscal year with
    energy data (every front end uses this one rule: the measures and targets pages, the PDF,
    ``ecocheck measures`` and the portfolio)."""
    complete = [year for year in years if year.complete and year.by_energy]
    return max(complete, key=lambda year: year.fiscal_year) if complete else None


def evaluate_latest(
    project: Project,
    years: Iterable[YearResult],
    catalogue: Catalogue | None = None,
    *,
    demand: Sequence[MeterData] = (),
) -> LatestPlan | None:
    """:func:`evaluate` for :func:`latest_complete_year` of ``years`` (a footprint's years, or
    the report's history up to its reporting year); None when no year is complete. Raises
    :class:`EcoCheckError` as :func:`evaluate` and :func:`baseline_from_year` do."""
    year = latest_complete_year(years)
    if year is None:
        return None
    catalogue = catalogue or load_catalogue()
    baseline = baseline_from_year(year, catalogue)
    return LatestPlan(year, evaluate(project, baseline, catalogue, demand=demand))


def evaluate(
    project: Project,
    baseline: Baseline,
    catalogue: Catalogue | None = None,
    *,
    discount_rate_pct: Decimal | None = None,
    selected: Iterable[str] | None = None,
    demand: Sequence[MeterData] = (),
) -> Plan:
    """Rank the catalogue for one company and year, and combine the plan sequentially.

    ``selected``: the measure ids the company chose (default: ``project.measure_plan`` entries
    not rejected; when there are none, every applicable measure). ``demand``: the project's
    meters with their 30-minute data; with readings, DM-01 and DM-02 (core.measures_demand)
    are ranked and planned like the catalogue's measures, and DM-01 replaces MD-04.
    """
    catalogue = catalogue or load_catalogue()
    figures = demand_figures(demand)
    if figures:
        catalogue = with_demand(catalogue)
    answers, warnings = read_checklist(project.checklist, catalogue)
    profile = end_use_profile(answers, project.company.industry)
    warnings.extend(baseline.warnings)
    if discount_rate_pct is None:
        discount_rate_pct = answers.get("discount_rate_pct", catalogue.discount_rate_pct)
    rate = Decimal(discount_rate_pct) / HUNDRED
    if selected is None:
        chosen = [p.measure_id for p in project.measure_plan if p.status != "rejected"]
        selected = chosen or None
    chosen_ids = None if selected is None else set(selected)
    region = f"{project.company.city} {project.company.address}"
    ctx = EvaluationContext(catalogue, answers, baseline, figures)
    pools = end_use_pools(baseline, profile)
    fresh = PlanState(dict(pools), dict(pools), refrigerant_t=baseline.refrigerant_t)

    with decimal.localcontext(MEASURES_CONTEXT):
        standalone: list[MeasureResult] = []
        others: list[MeasureResult] = []
        to_confirm: list[MeasureResult] = []
        for measure in catalogue.measures:
            status = applicability(measure, answers)
            if figures and measure.id in REPLACED_BY_DATA:
                replaced = Message(
                    "measures.replaced_by_data", {"measure": REPLACED_BY_DATA[measure.id]}
                )
                status = Applicability("no", (replaced,))
            if status.status == "no":
                others.append(unquantified(measure, status, ctx, region))
                continue
            if status.status == "unknown":
                # No numbers until the advisor answers: a capex or saving computed from a
                # missing answer would look like a result.
                to_confirm.append(unquantified(measure, status, ctx, region))
                continue
            if measure.model in ("site_specific", "enabler"):
                note = (
                    [Message("measures.not_quantified")] if measure.model == "site_specific" else []
                )
                standalone.append(unquantified(measure, status, ctx, region, *note))
                continue
            effect = effect_of(measure, fresh, ctx)
            if effect.empty():
                no_energy = Message("measures.no_energy", {"end_use": measure.end_use})
                others.append(
                    unquantified(
                        measure, Applicability("no", (*status.reasons, no_energy)), ctx, region
                    )
                )
                continue
            standalone.append(
                result_of(measure, status, effect, fresh, ctx, rate, region, "standalone")
            )
        standalone.sort(key=_rank_key)

        planned, aside = _combine(standalone, fresh, ctx, rate, region, chosen_ids)
        ranked = [
            _with(result, rank=rank, in_plan=in_plan, extra=notes)
            for rank, (result, in_plan, notes) in enumerate([*planned, *aside], start=1)
        ]
        totals = _totals(ranked, baseline)
    return Plan(
        baseline.fiscal_year,
        ranked + to_confirm + others,
        totals,
        Decimal(discount_rate_pct),
        profile,
        warnings,
    )


def _combine(
    standalone: list[MeasureResult],
    fresh: PlanState,
    ctx: EvaluationContext,
    rate: Decimal,
    region: str,
    chosen_ids: set[str] | None,
) -> tuple[
    list[tuple[MeasureResult, bool, list[Message]]], list[tuple[MeasureResult, bool, list[Message]]]
]:
    """The plan, built greedily: at each step the best remaining measure on what is left.

    Each planned measure's numbers are its increment after the ones above it, so the rows add
    up to the plan total and the order matches the numbers shown (a marginal cost curve).
    """
    aside: list[tuple[MeasureResult, bool, list[Message]]] = []
    candidates: list[MeasureResult] = []
    for result in standalone:
        if not result.quantified:
            aside.append((result, False, []))
        elif chosen_ids is not None and result.measure.id not in chosen_ids:
            aside.append((result, False, [Message("measures.not_selected")]))
        else:
            candidates.append(result)
    state = fresh.copy()
    planned: list[tuple[MeasureResult, bool, list[Message]]] = []
    groups: dict[str, str] = {}
    while candidates:
        options = []
        for result in list(candidates):
            effect = effect_of(result.measure, state, ctx)
            if effect.empty():
                # Earlier measures left it nothing to act on (e.g. PV covered the daytime use).
                candidates.remove(result)
                aside.append((result, False, [Message("measures.nothing_left")]))
                continue
            sequential = result_of(
                result.measure, result.applicability, effect, state, ctx, rate, region, "plan"
            )
            options.append((_rank_key(sequential), sequential, effect, result))
        if not options:
            break
        _, best, effect, original = min(options, key=lambda option: option[0])
        candidates.remove(original)
        apply_effect(state, effect)
        # Less than on its own: measures above it in the plan already cut the same energy.
        overlap = (
            [Message("measures.overlap", {"standalone_t": f"{original.t_co2_per_year:.2f}"})]
            if best.t_co2_per_year < original.t_co2_per_year
            else []
        )
        planned.append((best, True, overlap))
        group = best.measure.exclusive_group
        if group:
            groups[group] = best.measure.id
            for result in [c for c in candidates if c.measure.exclusive_group == group]:
                candidates.remove(result)
                note = Message("measures.alternative_to", {"measure": best.measure.id})
                aside.append((result, False, [note]))
    aside.sort(key=lambda item: _rank_key(item[0]))
    return planned, aside


def _with(
    result: MeasureResult, *, rank: int, in_plan: bool = False, extra: Iterable[Message] = ()
) -> MeasureResult:

    return replace(result, rank=rank, in_plan=in_plan, notes=(*result.notes, *extra))


def _totals(ranked: list[MeasureResult], baseline: Baseline) -> PlanTotals:
    planned = [r for r in ranked if r.in_plan]
    location_values = [r.t_co2_scope2_location for r in planned]
    location = (
        None
        if any(v is None for v in location_values)
        else sum((v for v in location_values if v is not None), ZERO)
    )
    scope1 = sum((r.t_co2_scope1 for r in planned), ZERO)
    scope2 = sum((r.t_co2_scope2 for r in planned), ZERO)
    after = baseline.total_adjusted_t - scope1 - scope2
    reduction = (
        (scope1 + scope2) / baseline.total_adjusted_t * HUNDRED
        if baseline.total_adjusted_t > 0
        else None
    )
    return PlanTotals(
        t_co2_scope1=scope1,
        t_co2_scope2=scope2,
        t_co2_scope2_location=location,
        yen_per_year=sum((r.yen_per_year for r in planned), ZERO),
        capex_low=sum((r.capex_low for r in planned), ZERO),
        capex_high=sum((r.capex_high for r in planned), ZERO),
        baseline_total_adjusted_t=baseline.total_adjusted_t,
        after_total_adjusted_t=after,
        reduction_pct=reduction,
    )


def plan_steps(plan: Plan, project: Project) -> list[PlanStep]:
    """When each planned measure takes effect: the company's planned year, else a default.

    Defaults (docs/measures.md): operational measures the year after the baseline, investments
    and procurement the year after that.
    """
    planned_year = {p.measure_id: p.planned_year for p in project.measure_plan}
    steps = []
    for result in plan.measures:
        if not result.in_plan:
            continue
        default = plan.fiscal_year + (1 if result.measure.kind == "operational" else 2)
        year = planned_year.get(result.measure.id, default)
        steps.append(PlanStep(year, result.t_co2_per_year, result.measure.id))
    return steps


def demand_results_latest(
    meters: Sequence[MeterData], years: Iterable[YearResult], library: FactorLibrary | None = None
) -> list[MeasureResult]:
    """:func:`demand_results` against the baseline of :func:`latest_complete_year` (its
    electricity price and factor), or without one when no year is complete or it fails."""
    year = latest_complete_year(years)
    baseline = None
    if year is not None:
        try:
            baseline = baseline_from_year(year, load_catalogue(), library)
        except EcoCheckError:
            baseline = None
    return demand_results(meters, baseline)


def demand_results(meters: Sequence[MeterData], baseline: Baseline | None) -> list[MeasureResult]:
    """DM-01 and DM-02 of ``meters`` on their own (standalone), as :func:`evaluate` ranks them:
    the report's デマンド section shows them per meter. Without a ``baseline`` (no complete
    footprint year) the kWh are priced at the demand tariff's default and carry no CO2."""
    figures = demand_figures(meters)
    if not figures:
        return []
    catalogue = with_demand(load_catalogue())
    if baseline is None or "electricity" not in baseline.energies:
        kwh = sum((f.base_kwh_per_year for f in figures), ZERO)
        price = tariff_defaults().energy_yen_per_kwh
        electricity = EnergyBaseline(
            "electricity", kwh, "kWh", ZERO, None, GJ_PER_KWH, price, "default"
        )
        baseline = Baseline(0, {"electricity": electricity}, ZERO)
    rate = catalogue.discount_rate_pct / HUNDRED
    pools = {("electricity", "all"): baseline.energies["electricity"].quantity}
    state = PlanState(dict(pools), dict(pools))
    ctx = EvaluationContext(catalogue, {}, baseline, figures)
    results = []
    with decimal.localcontext(MEASURES_CONTEXT):
        for measure in demand_measure_file()[0]:
            effect = effect_of(measure, state, ctx)
            if not effect.empty():
                status = Applicability("yes")
                results.append(
                    result_of(measure, status, effect, state, ctx, rate, "", "standalone")
                )
    return results
