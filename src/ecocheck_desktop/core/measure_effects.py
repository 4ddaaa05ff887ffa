"""What one measure does to what is left: end-use pools, energy saved, CO2 and money.

Owns the models of the catalogue (share, equipment_kw, lighting_fixtures, pressure, pv, tariff,
electrify, demand, refrigerant) applied to a :class:`PlanState` (the end-use pools left after
the measures before), and a measure's numbers: 円 per year, capex range, payback against
法定耐用年数, NPV, cost per t-CO2, candidate subsidies. The ranking and the combined plan are
:mod:`ecocheck_desktop.core.measures`.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ecocheck_desktop.core.catalogue import Catalogue, MeasureDef, Subsidy, checklist_number
from ecocheck_desktop.core.measure_results import Applicability, Baseline, MeasureResult
from ecocheck_desktop.core.measures_demand import HOURS_PER_YEAR, MeterFigures
from ecocheck_desktop.core.messages import Message
from ecocheck_desktop.core.profiles import EndUseProfile

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
GJ_PER_KWH = Decimal("0.0036")  # 3.6 MJ: the physical heat content of a kWh
DAYS_PER_YEAR = Decimal(365)
MEASURES_CONTEXT = decimal.Context(prec=60)


@dataclass
class PlanState:
    """What is left to act on: end-use pools per carrier, PV and green kWh so far."""

    pools: dict[tuple[str, str], Decimal]
    initial: dict[tuple[str, str], Decimal]
    pv_kwh: Decimal = ZERO
    green_kwh: Decimal = ZERO
    refrigerant_t: Decimal = ZERO

    def copy(self) -> PlanState:
        return PlanState(
            dict(self.pools), self.initial, self.pv_kwh, self.green_kwh, self.refrigerant_t
        )

    def purchased_kwh(self) -> Decimal:
        used = sum((v for (c, _), v in self.pools.items() if c == "electricity"), ZERO)
        return max(ZERO, used - self.pv_kwh)


@dataclass
class Effect:
    changes: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # + = saved
    pv_kwh: Decimal = ZERO
    green_kwh: Decimal = ZERO
    refrigerant_t: Decimal = ZERO
    extra_yen: Decimal = ZERO  # demand charge (+), O&M or premium (-)
    capex_units: Decimal = ONE
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)

    def empty(self) -> bool:
        return (
            not any(self.changes.values())
            and not self.pv_kwh
            and not self.green_kwh
            and not self.refrigerant_t
            and not self.extra_yen
        )


def end_use_pools(baseline: Baseline, profile: EndUseProfile) -> dict[tuple[str, str], Decimal]:
    pools: dict[tuple[str, str], Decimal] = {}
    for code, energy in baseline.energies.items():
        split = profile.electricity if code == "electricity" else profile.fuel_split(code)
        for end_use, share in split.items():
            pools[(code, end_use)] = energy.quantity * share / HUNDRED
    return pools


def _targets(measure: MeasureDef, state: PlanState) -> list[tuple[str, str]]:
    """The pools a measure acts on."""

    def carrier_ok(code: str) -> bool:
        if "*" in measure.energies:
            return True
        if "*fuel" in measure.energies:
            return code != "electricity"
        return code in measure.energies

    end_use = measure.end_use
    return [
        key
        for key in state.pools
        if carrier_ok(key[0])
        and (
            end_use == "all_energy"
            or key[1] == end_use
            or (end_use == "all_electricity" and key[0] == "electricity")
        )
    ]


class EvaluationContext:
    def __init__(
        self,
        catalogue: Catalogue,
        answers: dict[str, Any],
        baseline: Baseline,
        demand: tuple[MeterFigures, ...] = (),
    ) -> None:
        self.catalogue = catalogue
        self.answers = answers
        self.baseline = baseline
        self.demand = demand  # the meters' figures (core.measures_demand), for DM-01 and DM-02

    def number(self, key: str) -> Decimal | None:
        return checklist_number(self.answers, self.catalogue, key)

    def hours_per_year(self) -> Decimal:
        return (self.number("operating_hours_per_day") or ZERO) * (
            self.number("operating_days_per_year") or ZERO
        )


def _capped(
    state: PlanState, key: tuple[str, str], energy: Decimal, pct: Decimal, effect: Effect
) -> Decimal:
    """Saving on equipment energy from the checklist, within its end-use pool.

    The equipment's energy shrinks with the pool when earlier measures cut it (so that each
    measure applies to what the earlier ones left), and never exceeds what is left.
    """
    initial = state.initial.get(key, ZERO)
    if initial <= 0:
        return ZERO
    basis = energy * state.pools[key] / initial
    if basis > state.pools[key]:
        effect.notes.append(
            Message(
                "measures.capped_by_end_use",
                {
                    "end_use": key[1],
                    "equipment_kwh": energy.quantize(ONE),
                    "pool": initial.quantize(ONE),
                },
            )
        )
        basis = state.pools[key]
    return basis * pct


def effect_of(measure: MeasureDef, state: PlanState, ctx: EvaluationContext) -> Effect:
    effect = Effect()
    pct = measure.saving_pct.typical / HUNDRED
    params = measure.parameters
    model = measure.model
    if model == "share":
        for key in _targets(measure, state):
            effect.changes[key] = state.pools[key] * pct
    elif model == "equipment_kw":
        kw = ctx.number(params["kw_key"]) or ZERO
        load = Decimal(str(params.get("load_factor", ctx.catalogue.load_factor)))
        energy = kw * ctx.hours_per_year() * load
        effect.details["equipment_kwh"] = energy
        for key in _targets(measure, state)[:1]:
            effect.changes[key] = _capped(state, key, energy, pct, effect)
        effect.capex_units = kw
    elif model == "lighting_fixtures":
        count = ctx.number(params["count_key"]) or ZERO
        watts = ctx.number(params["watts_key"]) or ZERO
        new_watts = (
            Decimal(str(params["new_watts"]))
            if "new_watts" in params
            else watts * Decimal(str(params["new_watts_ratio"]))
        )
        hours_per_day = ctx.number("lighting_hours_per_day") or ctx.number(
            "operating_hours_per_day"
        )
        hours = (hours_per_day or ZERO) * (ctx.number("operating_days_per_year") or ZERO)
        energy = count * max(ZERO, watts - new_watts) * hours / 1000
        effect.details.update(
            {"fixtures": count, "watts_before": watts, "watts_after": new_watts, "hours": hours}
        )
        for key in _targets(measure, state)[:1]:
            effect.changes[key] = _capped(state, key, energy, ONE, effect)
        effect.capex_units = count
    elif model == "pressure":
        current = ctx.number("compressor_pressure_mpa") or ZERO
        required = ctx.number("compressor_required_pressure_mpa")
        if required is None:
            required = current - Decimal(str(params["default_reduction_mpa"]))
        reduction = max(ZERO, current - required)
        saving_pct = Decimal(str(params["pct_per_0_1_mpa"])) * reduction / Decimal("0.1")
        saving_pct = min(saving_pct, HUNDRED)
        effect.details.update({"pressure_reduction_mpa": reduction, "saving_pct": saving_pct})
        for key in _targets(measure, state):
            effect.changes[key] = state.pools[key] * saving_pct / HUNDRED
    elif model == "pv":
        _pv(params, state, ctx, effect)
    elif model == "tariff":
        covered = state.purchased_kwh() - state.green_kwh
        if covered > 0:
            effect.green_kwh = covered
            price = ctx.baseline.energies["electricity"].yen_per_unit
            effect.extra_yen = -covered * price * Decimal(str(params["premium_pct"])) / HUNDRED
            effect.notes.append(Message("measures.market_basis_only"))
    elif model == "electrify":
        _electrify(measure, pct, state, ctx, effect)
    elif model == "demand":
        contract = ctx.number("contract_demand_kw") or ZERO
        reduced_kw = contract * pct
        effect.details["demand_reduction_kw"] = reduced_kw
        effect.extra_yen = reduced_kw * Decimal(str(params["yen_per_kw_year"]))
    elif model in ("demand_peak", "demand_base"):
        _from_meters(measure, state, ctx, effect)
    else:  # refrigerant (site_specific and enabler rows never get here)
        if ctx.baseline.refrigerant_t <= 0:
            effect.notes.append(Message("measures.no_refrigerant_data"))
        effect.refrigerant_t = state.refrigerant_t * pct
    if measure.capex.model == "per_unit" and measure.capex.unit_key:
        effect.capex_units = ctx.number(measure.capex.unit_key) or ZERO
    return effect


def _from_meters(
    measure: MeasureDef, state: PlanState, ctx: EvaluationContext, effect: Effect
) -> None:
    """DM-01 and DM-02 from the meters' own figures (core.measures_demand.meter_figures).

    DM-01 moves energy, it saves none: only the base charge falls (円, no kWh, no CO2). DM-02's
    kWh come off the electricity left after the measures above it (in proportion to what they
    left, never more than is left), spread over the end uses as they stand.
    """
    meters = ctx.demand
    if measure.model == "demand_peak":
        cut = [m for m in meters if m.peak_kw_cut > 0]
        effect.extra_yen = sum((m.peak_yen_per_year for m in cut), ZERO)
        effect.capex_units = Decimal(len(cut))
        effect.details.update(
            {
                "meters": len(cut),
                "contract_kw_12m": sum((m.contract_kw_12m for m in cut), ZERO),
                "target_kw": sum((m.target_kw or ZERO for m in cut), ZERO),
                "kw_cut": sum((m.peak_kw_cut for m in cut), ZERO),
            }
        )
        if len(cut) == 1:
            effect.details["base_charge_yen_per_kw_month"] = cut[0].base_charge_yen_per_kw_month
        effect.notes.append(Message("measures.demand_moved"))
        return
    keys = [key for key in state.pools if key[0] == "electricity"]
    left = sum((state.pools[k] for k in keys), ZERO)
    initial = sum((state.initial.get(k, ZERO) for k in keys), ZERO)
    kwh = sum((m.base_kwh_per_year for m in meters), ZERO)
    if left <= 0 or initial <= 0 or kwh <= 0:
        return
    saving = min(kwh * left / initial, left)
    for key in keys:
        effect.changes[key] = saving * state.pools[key] / left
    effect.capex_units = Decimal(len(meters))
    effect.details.update(
        {
            "meters": len(meters),
            "base_load_kw": sum((m.base_load_kw for m in meters), ZERO),
            "kw_cut": sum((m.base_kw_cut for m in meters), ZERO),
            "hours": HOURS_PER_YEAR,
            "kwh": saving,
        }
    )


def _pv(params: dict[str, Any], state: PlanState, ctx: EvaluationContext, effect: Effect) -> None:
    if "electricity" not in ctx.baseline.energies:
        return
    yield_per_kw = Decimal(str(params["yield_kwh_per_kw"]))
    days = min(ctx.number("operating_days_per_year") or ZERO, DAYS_PER_YEAR)
    daytime_pct = ctx.number("daytime_share_pct")
    if daytime_pct is None:
        daytime_pct = Decimal(str(params["daytime_share_pct"]))
    # Only what the site uses in daylight on operating days replaces purchased kWh.
    daytime_demand = state.purchased_kwh() * daytime_pct / HUNDRED
    usable_per_kw = yield_per_kw * days / DAYS_PER_YEAR
    kw = ctx.number("pv_kw")
    if kw is None:
        roof_kw = (ctx.number("roof_area_m2") or ZERO) * Decimal(str(params["kw_per_m2"]))
        # Sized from the roof, but no larger than the daytime demand can absorb.
        demand_kw = daytime_demand / usable_per_kw if usable_per_kw > 0 else ZERO
        kw = min(roof_kw, demand_kw)
        effect.details.update({"roof_kw": roof_kw, "demand_limited_kw": demand_kw})
    generation = kw * yield_per_kw
    self_consumed = min(kw * usable_per_kw, daytime_demand)
    effect.pv_kwh = self_consumed
    effect.extra_yen = -kw * Decimal(str(params["om_yen_per_kw_year"]))
    effect.capex_units = kw
    effect.details.update(
        {
            "pv_kw": kw,
            "generation_kwh": generation,
            "self_consumed_kwh": self_consumed,
            "daytime_demand_kwh": daytime_demand,
        }
    )
    if self_consumed < generation:
        effect.notes.append(
            Message(
                "measures.pv_surplus",
                {
                    "generation": generation.quantize(ONE),
                    "self_consumed": self_consumed.quantize(ONE),
                },
            )
        )


def _electrify(
    measure: MeasureDef, share: Decimal, state: PlanState, ctx: EvaluationContext, effect: Effect
) -> None:
    electricity = ctx.baseline.energies.get("electricity")
    if electricity is None:
        return
    params = measure.parameters
    old_efficiency = Decimal(str(params["old_efficiency"]))
    new_efficiency = Decimal(str(params["new_efficiency"]))
    fuel_gj = ZERO
    for key in _targets(measure, state):
        removed = state.pools[key] * share
        effect.changes[key] = removed
        fuel_gj += removed * ctx.baseline.energies[key[0]].gj_per_unit
    heat_gj = fuel_gj * old_efficiency
    added_kwh = heat_gj / new_efficiency / GJ_PER_KWH
    if added_kwh:
        effect.changes[("electricity", str(params["new_end_use"]))] = -added_kwh
    hours = ctx.hours_per_year()
    heat_kw = heat_gj / (hours * GJ_PER_KWH) if hours else ZERO
    effect.details.update(
        {"fuel_gj": fuel_gj, "heat_gj": heat_gj, "added_kwh": added_kwh, "heat_kw": heat_kw}
    )
    if measure.capex.model == "per_heat_kw":
        effect.capex_units = heat_kw


def apply_effect(state: PlanState, effect: Effect) -> None:
    for key, saved in effect.changes.items():
        state.pools[key] = state.pools.get(key, ZERO) - saved
    state.pv_kwh += effect.pv_kwh
    state.green_kwh += effect.green_kwh
    state.refrigerant_t -= effect.refrigerant_t


def _annuity_factor(rate: Decimal, years: int) -> Decimal:
    """Σ 1/(1+r)^t for t = 1..years: the present value of 1 円 a year."""
    if rate == 0:
        return Decimal(years)
    return sum((ONE / (ONE + rate) ** t for t in range(1, years + 1)), ZERO)


def result_of(
    measure: MeasureDef,
    status: Applicability,
    effect: Effect,
    state: PlanState,
    ctx: EvaluationContext,
    rate: Decimal,
    region: str,
    basis: str,
) -> MeasureResult:
    energies = ctx.baseline.energies
    electricity = energies.get("electricity")
    purchased = state.purchased_kwh()
    green_fraction = min(ONE, state.green_kwh / purchased) if purchased > 0 else ZERO
    saving: dict[str, Decimal] = {}
    scope1 = scope2 = location = yen = ZERO
    location_known = True
    for (code, _), saved in effect.changes.items():
        saving[code] = saving.get(code, ZERO) + saved
    if effect.pv_kwh:
        saving["electricity"] = saving.get("electricity", ZERO) + effect.pv_kwh
    for code, saved in saving.items():
        energy = energies[code]
        yen += saved * energy.yen_per_unit
        if code == "electricity":
            scope2 += saved * energy.t_co2_per_unit * (ONE - green_fraction)
            if energy.t_co2_location_per_unit is None:
                location_known = False
            else:
                location += saved * energy.t_co2_location_per_unit
        else:
            scope1 += saved * energy.t_co2_per_unit
    if effect.green_kwh and electricity is not None:
        scope2 += effect.green_kwh * electricity.t_co2_per_unit
    scope1 += effect.refrigerant_t
    yen += effect.extra_yen
    capex = measure.capex
    units = ONE if capex.model == "fixed" else effect.capex_units
    capex_low, capex_high = (
        (ZERO, ZERO)
        if capex.model == "none"
        else (
            capex.low * units,
            capex.high * units,
        )
    )
    capex_typical = (capex_low + capex_high) / 2
    payback: Decimal | None = None
    if yen > 0:
        payback = capex_typical / yen if capex_typical else ZERO
    versus = "n/a"
    if payback is not None and measure.legal_life_years is not None:
        versus = "within" if payback <= measure.legal_life_years else "beyond"
    annuity = _annuity_factor(rate, measure.lifetime_years)
    npv = yen * annuity - capex_typical
    t_co2 = scope1 + scope2
    cost_per_t = (capex_typical / annuity - yen) / t_co2 if t_co2 > 0 else None
    subsidies = tuple(
        ctx.catalogue.subsidies[s]
        for s in measure.subsidies
        if _in_region(ctx.catalogue.subsidies[s], region)
    )
    return MeasureResult(
        measure=measure,
        applicability=status,
        quantified=True,
        basis=basis,
        saving=saving,
        units={code: energies[code].unit for code in saving},
        t_co2_scope1=scope1,
        t_co2_scope2=scope2,
        t_co2_scope2_location=location if location_known else None,
        yen_per_year=yen,
        capex_low=capex_low,
        capex_high=capex_high,
        payback_years=payback,
        payback_vs_legal_life=versus,
        npv=npv,
        cost_per_t_co2=cost_per_t,
        subsidies=subsidies,
        sources=tuple(ctx.catalogue.sources[s] for s in measure.sources),
        details=dict(effect.details),
        notes=tuple(effect.notes),
    )


def _in_region(subsidy: Subsidy, region: str) -> bool:
    return not subsidy.region or any(place in region for place in subsidy.region)


def unquantified(
    measure: MeasureDef, status: Applicability, ctx: EvaluationContext, region: str, *notes: Message
) -> MeasureResult:
    return MeasureResult(
        measure=measure,
        applicability=status,
        subsidies=tuple(
            ctx.catalogue.subsidies[s]
            for s in measure.subsidies
            if _in_region(ctx.catalogue.subsidies[s], region)
        ),
        sources=tuple(ctx.catalogue.sources[s] for s in measure.sources),
        notes=notes,
    )
