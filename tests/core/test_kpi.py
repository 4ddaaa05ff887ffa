"""The locked KPI: base year, factor set, and each change as reported and at constant factors.

Expected numbers are identities worked by hand on the demo (bundled demo.json) and a copy whose
FY2025 repeats FY2024's quantities: at constant factors nothing changed, so the whole
reported change is the factor lists' effect.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ecocheck_desktop.core.change_effects import log_mean
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.kpi import assess, at_factors, base_factors
from ecocheck_desktop.exchange.demo import demo_project

TINY = Decimal("1e-20")


def test_the_demo_kpi_is_held_at_the_base_year_and_says_it_rests_on_an_estimate() -> None:
    project = demo_project()
    footprint = calculate(project, default_library())
    kpi = assess(project, footprint.years)
    assert kpi is not None
    base = footprint.year(2024)
    assert (kpi.basis, kpi.base_year, kpi.base_t) == ("adjusted", 2024, base.total_adjusted_t)
    assert kpi.factor_editions == tuple(base.factor_editions)
    # FY2024 had no retailer list: its electricity is an estimate from the nearest list.
    assert kpi.on_estimate and ("本社工場", "electricity", "estimate_retailer") in kpi.weak_lines
    # The base year at its own factors is itself.
    assert abs(at_factors(base, base_factors(base, "adjusted"), "adjusted") - kpi.base_t) < TINY
    change = kpi.change_to(2025)
    assert change is not None and change == kpi.change_to(2025, against_base=True)
    latest = footprint.year(2025)
    assert change.reported_t == latest.total_adjusted_t - base.total_adjusted_t
    # Reported = the factor lists' effect + the company's own change, exactly.
    assert change.factor_effect_t + change.constant_t == change.reported_t
    assert change.effects is not None
    assert abs(change.effects.total_t - change.constant_t) < TINY
    assert change.effects.driver == "production"  # 1,850 t -> 1,920 t in both years' data
    # The production effect is L(E1, E0) x ln(1920 / 1850) (LMDI-I).
    e0, e1 = change.from_constant_t, change.to_constant_t
    expected = log_mean(e1, e0) * (Decimal(1920) / Decimal(1850)).ln()
    assert abs(change.effects.production_t - expected) < TINY


def test_same_quantities_on_a_new_factor_list_are_all_factor_effect() -> None:
    project = demo_project()
    again = [
        replace(r, month=f"{int(r.month[:4]) + 1}{r.month[4:]}")
        for r in project.records
        if r.month[:7] >= "2024-04" and r.month[:7] <= "2025-03"
    ]
    kept = [r for r in project.records if r.month < "2025-04" or r.month > "2026-03"]
    copy = replace(project, records=kept + again)
    copy.fiscal_years[2025] = replace(copy.fiscal_years[2025], production_quantity=Decimal(1850))
    footprint = calculate(copy, default_library())
    kpi = assess(copy, footprint.years)
    assert kpi is not None
    change = kpi.change_to(2025)
    assert change is not None
    assert abs(change.constant_t) < TINY
    assert change.reported_t != 0
    assert abs(change.factor_effect_t - change.reported_t) < TINY
    assert change.effects is not None
    assert abs(change.effects.production_t) < TINY and abs(change.effects.mix_t) < TINY
