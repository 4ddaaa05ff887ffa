"""DM-01 (peak-demand control) and DM-02 (base-load reduction) from the generated year: their
yen, CO2, capex and payback recomputed here by hand from the generator's numbers, and both in
the measures engine's ranking and plan (core.measures.evaluate) like any other measure."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.demand import Meter, MeterData
from ecocheck_desktop.core.demand_bill import tariff_defaults
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.measure_results import Baseline, EnergyBaseline
from ecocheck_desktop.core.measures import demand_results, evaluate_latest, plan_steps
from ecocheck_desktop.exchange.demand_parse import load_demand_file
from ecocheck_desktop.exchange.demo import demo_project
from tests.demand import generator as g

PEAK_CAPEX = (Decimal(300000) + Decimal(1500000)) / 2  # resources/demand/measures.json, a meter
BASE_CAPEX = (Decimal(100000) + Decimal(500000)) / 2
BASE_KWH = Decimal(g.BASE_KW) * Decimal("0.2") * 8760  # 20 % of the base load, all year
PEAK_CUT = 320 - (g.DAY_KW + 30)  # the highest peak less the 11th-highest daily peak


@pytest.fixture(scope="module")
def meter(files: dict[str, Path]) -> MeterData:
    days = load_demand_file(files["rows"]).days
    return MeterData(Meter("本社", base_charge_yen_per_kw=Decimal("3030")), tuple(days))


def _same(a: Decimal | None, b: Decimal) -> bool:
    return a is not None and abs(a - b) < Decimal("1e-20")


def _baseline() -> Baseline:
    electricity = EnergyBaseline(
        code="electricity", quantity=Decimal(900000), unit="kWh",
        t_co2_per_unit=Decimal("0.000452"), t_co2_location_per_unit=Decimal("0.000423"),
        gj_per_unit=Decimal("0.0036"), yen_per_unit=Decimal("25"), price_source="bills",
    )  # fmt: skip
    return Baseline(2025, {"electricity": electricity}, Decimal(500))


def test_both_measures_from_the_data(meter: MeterData) -> None:
    peak, base = demand_results([meter], _baseline())
    # The 11th-highest daily peak is the weekday maximum, 180 kW: 320 - 180 = 140 kW cut.
    assert peak.measure.id == "DM-01"
    assert peak.details["kw_cut"] == PEAK_CUT == 140
    assert peak.yen_per_year == Decimal(140 * 3030 * 12)
    assert peak.t_co2_per_year == 0 and peak.saving == {}
    assert [n.code for n in peak.notes] == ["measures.demand_moved"]  # yen only, said so
    assert _same(peak.payback_years, PEAK_CAPEX / (140 * 3030 * 12))
    assert base.measure.id == "DM-02"
    assert base.saving_kwh == BASE_KWH == 70080
    assert base.yen_per_year == BASE_KWH * 25
    assert base.t_co2_scope2 == BASE_KWH * Decimal("0.000452")
    assert _same(base.payback_years, BASE_CAPEX / (BASE_KWH * 25))
    assert base.cost_per_t_co2 is not None


def test_without_a_footprint_the_default_price_and_no_co2(meter: MeterData) -> None:
    _, base = demand_results([meter], None)
    assert base.yen_per_year == BASE_KWH * tariff_defaults().energy_yen_per_kwh
    assert base.t_co2_per_year == 0
    assert demand_results([], None) == []
    assert demand_results([MeterData(Meter("empty"), ())], None) == []


def test_two_meters_add_up_with_one_installation_each(meter: MeterData) -> None:
    other = MeterData(Meter("第二工場"), meter.days)  # no own base charge: the default
    peak, base = demand_results([meter, other], _baseline())
    default = tariff_defaults().base_charge_yen_per_kw_month
    assert peak.yen_per_year == PEAK_CUT * (Decimal(3030) + default) * 12
    assert peak.capex_low == 2 * 300000 and peak.capex_high == 2 * 1500000
    assert "base_charge_yen_per_kw_month" not in peak.details  # two prices: no single one
    assert base.saving_kwh == 2 * BASE_KWH and base.capex_high == 2 * 500000


def _project_without_plan() -> object:
    project = demo_project()
    project.measure_plan = []  # every applicable measure is in the plan
    return project


def test_in_the_ranking_and_the_plan(meter: MeterData) -> None:
    project = _project_without_plan()
    years = calculate(project, strict=False).years
    without = evaluate_latest(project, years)
    with_data = evaluate_latest(project, years, demand=[meter])
    assert without is not None and with_data is not None
    assert not {r.measure.id for r in without.plan.measures} & {"DM-01", "DM-02"}
    plan = with_data.plan
    peak, base = plan.result("DM-01"), plan.result("DM-02")
    assert peak.in_plan and base.in_plan and peak.rank and base.rank
    # MD-04 (from the checklist's contract kW) gives way to DM-01 from the data.
    md04 = plan.result("MD-04")
    assert not md04.in_plan and md04.applicability.status == "no"
    assert [m.code for m in md04.applicability.reasons] == ["measures.replaced_by_data"]
    # DM-01 adds its yen and capex to the plan and no CO2.
    assert peak.yen_per_year == 140 * 3030 * 12 and peak.t_co2_per_year == 0
    totals, before = plan.totals, without.plan.totals
    md04_before = without.plan.result("MD-04")
    assert totals.capex_low == (
        before.capex_low - (md04_before.capex_low if md04_before.in_plan else 0)
        + 300000 + base.capex_low
    )  # fmt: skip
    # DM-02 acts on the electricity the measures above it left: at most its standalone kWh.
    assert 0 < base.saving_kwh <= BASE_KWH
    # The demo's green tariff covers the electricity left at the end, so the plan's CO2 can stay
    # the same; the money cannot: DM-01's and DM-02's yen are the plan's.
    assert totals.t_co2_per_year >= before.t_co2_per_year
    md04_yen = md04_before.yen_per_year if md04_before.in_plan else 0
    assert totals.yen_per_year > before.yen_per_year - md04_yen + peak.yen_per_year
    steps = {s.measure_id: s for s in plan_steps(plan, project)}
    assert steps["DM-01"].year == plan.fiscal_year + 1  # operational: the year after
    assert steps["DM-02"].t_co2 == base.t_co2_per_year


def test_a_chosen_plan_leaves_them_aside_until_ticked(meter: MeterData) -> None:
    project = demo_project()
    assert project.measure_plan  # the demo company chose its measures
    years = calculate(project, strict=False).years
    latest = evaluate_latest(project, years, demand=[meter])
    assert latest is not None
    assert not latest.plan.result("DM-01").in_plan
    ticked = replace(project.measure_plan[0], measure_id="DM-01")
    project.measure_plan = [*project.measure_plan, ticked]
    latest = evaluate_latest(project, years, demand=[meter])
    assert latest is not None and latest.plan.result("DM-01").in_plan
